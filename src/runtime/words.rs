//! What the tracker says, for the learner: the core's lines ([`crate::text::feedback`]) in the
//! interface's language, without what the learner need not see.

use super::i18n::I18n;
use crate::scenario::Scenario;
use crate::text::Catalog;
use crate::text::feedback::for_the_learner;
use crate::tracker::Feedback;

pub use crate::text::feedback::{Tone, step_status};

/// A step's title in the interface's language.
pub fn step_title(sc: &Scenario, i18n: &I18n, s: u32) -> String {
    crate::text::feedback::step_title(sc, i18n.lang, s)
}

/// The line for one piece of feedback, or none for what the learner need not see.
pub fn feedback(sc: &Scenario, i18n: &I18n, f: &Feedback) -> Option<(Tone, String)> {
    for_the_learner(sc, f)
        .then(|| crate::text::feedback::feedback(Catalog::get(), i18n.lang, sc, f))
}
