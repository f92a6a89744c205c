//! The scenario file as an instructor writes it: every type here maps one-to-one to RON.
//!
//! This module only describes the data. [`super::load`] reads it from RON, [`super::compile`]
//! checks its meaning and indexes it for the tracker. The reference with an example of every
//! construct is `docs/scenario-format.md`. This file holds the ids, texts and the file's top
//! level; each part of the file has its own: `room.rs`, `state.rs`, `actions.rs`,
//! `procedure.rs`, `rules.rs`, `scoring.rs`, and `parsed.rs` (strings parsed on reading).

use super::formula;
use super::units::{self, ParseProblem};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

mod actions;
mod parsed;
mod procedure;
mod room;
mod rules;
mod scoring;
mod state;

pub use actions::*;
pub use parsed::*;
pub use procedure::*;
pub use room::*;
pub use rules::*;
pub use scoring::*;
pub use state::*;

/// The scenario format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                $name(s.to_string())
            }
        }
    )*};
}

id_type! {
    /// A scenario id, kebab-case, equal to the file name (`hand-hygiene`).
    ScenarioId;
    /// An object of the room.
    ObjectId;
    /// A reference to an entity (object, body part or hand) or `#tag` for every entity with a tag.
    EntityRef;
    /// A step or group of the procedure (they share one namespace).
    StepId;
    /// A named fact of the world state, `entity.fact` or free-form; `#tag.fact` in effects and
    /// conditions means every (or any) entity with the tag.
    FactRef;
    /// A number of the world state.
    QuantityId;
    /// A timer of the world state.
    TimerId;
    /// A hand gesture held for a duration.
    GestureId;
    /// A question the learner answers.
    DecisionId;
    /// One answer of a decision.
    ChoiceId;
    /// A value the learner types in.
    FieldId;
    /// A measure derived by the tracker.
    MetricId;
    /// An error rule.
    ErrorId;
    /// A scenario event.
    EventId;
    /// A seeded fault.
    FaultId;
    /// A scored criterion.
    CriterionId;
    /// A body part the learner acts with or on.
    BodyPartId;
}

/// Learner-facing text in several languages; `en` and `fr` are required.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    /// The text in `lang`, else English, else any language, else an empty string.
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.get("en"))
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }

    /// Builds a text from `(language, text)` pairs.
    pub fn new<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Text(
            pairs
                .into_iter()
                .map(|(l, t)| (l.to_string(), t.to_string()))
                .collect(),
        )
    }
}

/// Whether the scenario belongs to the bioproduction or the clinical family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Family {
    /// GMP manufacturing, cleanrooms, biosafety cabinets.
    Bioproduction,
    /// Hospital and pre-hospital care.
    Clinical,
}

/// A whole scenario file (written `Scenario(…)` in RON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Scenario")]
pub struct ScenarioFile {
    /// Scenario format version; must equal [`FORMAT_VERSION`].
    pub format: u32,
    /// Kebab-case id, the file's name without `.ron`.
    pub id: ScenarioId,
    /// The scenario's own version, `MAJOR.MINOR.PATCH`.
    pub version: String,
    /// Bioproduction or clinical.
    pub family: Family,
    /// Title shown on the start screen.
    pub title: Text,
    /// One or two sentences on what the learner practises.
    pub summary: Text,
    /// How long a learner usually takes, e.g. `"10 min"`.
    pub estimated_duration: DurationSpec,
    /// The published documents the procedure follows (at least one).
    pub sources: Vec<Source>,
    /// The domain reference file the scenario was built from, e.g. `hand-hygiene.md`.
    pub domain_ref: String,
    /// The room and its objects.
    pub room: Room,
    /// Body parts besides the two hands (`left-hand`, `right-hand`), which always exist.
    #[serde(default)]
    pub body_parts: Vec<BodyPart>,
    /// Facts, taints, quantities and timers.
    #[serde(default)]
    pub state: WorldDecl,
    /// Gestures the learner can hold for a duration.
    #[serde(default)]
    pub gestures: Vec<Gesture>,
    /// Questions the learner answers.
    #[serde(default)]
    pub decisions: Vec<Decision>,
    /// Values the learner types in.
    #[serde(default)]
    pub fields: Vec<Field>,
    /// Measures derived from the learner's actions.
    #[serde(default)]
    pub metrics: Vec<Metric>,
    /// The procedure: a sequence of steps and groups.
    pub procedure: Vec<Node>,
    /// Forbidden actions and critical errors.
    #[serde(default)]
    pub errors: Vec<ErrorRule>,
    /// World rules: what actions and states change, apart from object affordances.
    #[serde(default)]
    pub rules: Vec<Rule>,
    /// Scenario events (the AED arrives, a timer runs out).
    #[serde(default)]
    pub events: Vec<Event>,
    /// Faults drawn from the session seed (a filter that fails, a patient with an allergy).
    #[serde(default)]
    pub faults: Vec<Fault>,
    /// Weights, penalties and pass mark.
    pub scoring: Scoring,
    /// Every item the domain reference marks CRITICAL, with what carries it in the scenario or
    /// why it is exempt. (Left out of the canonical form when empty, so older scenarios keep
    /// their hash.)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub critical_map: Vec<CriticalItem>,
}

/// An item the domain reference marks CRITICAL, and how the scenario honours it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriticalItem {
    /// Where the reference marks it: `"§3 step 8"` (its section and its step number).
    pub reference: String,
    /// The critical steps, groups, error rules or decisions that carry it: skipped or done
    /// wrong, each fails the session.
    #[serde(default)]
    pub carried_by: Vec<String>,
    /// Why the scenario does not make it critical: the source that exempts it, or
    /// `UNVERIFIED in the reference` (UNVERIFIED wins over CRITICAL).
    #[serde(default)]
    pub exempt: Option<String>,
}

/// A published document the scenario follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Document title.
    pub title: String,
    /// Publisher or authors.
    pub publisher: String,
    /// Year or edition.
    pub edition: String,
    /// Section, chapter or page followed.
    pub section: String,
    /// Where to find it.
    pub url: String,
    /// What was taken from it, or a caveat.
    #[serde(default)]
    pub note: Option<String>,
}
