//! Playing an event log in the window (`praxis run SCENARIO --play LOG`): an instructor watches
//! a playthrough at its own pace, or jumps to a point of it (`--until SECONDS`) to see the
//! scenario there — and the rendering tests take their mid-scenario pictures that way.

use super::interact::Intent;
use super::session::Session;
use crate::action::{LearnerAction, SimTime};
use bevy::prelude::*;

/// The actions still to play.
#[derive(Resource, Debug, Clone)]
pub struct Playback {
    actions: Vec<LearnerAction>,
    /// Jump through the actions up to this session time (ms), then hand over to the learner;
    /// none: play them all at their times.
    until: Option<u64>,
    next: usize,
}

impl Playback {
    /// Plays `actions` (a log's, in order), all at their times or, with `until`, at once up to
    /// that session time.
    pub fn new(actions: Vec<LearnerAction>, until: Option<SimTime>) -> Playback {
        Playback {
            actions,
            until: until.map(|t| t.0),
            next: 0,
        }
    }

    /// Whether it is jumping through the log (no sounds then: they would all come at once).
    pub fn jumping(&self, session: Option<&Session>) -> bool {
        self.until.is_some() && !self.done(session)
    }

    /// Whether everything there is to play has been played.
    pub fn done(&self, session: Option<&Session>) -> bool {
        let left = self
            .actions
            .get(self.next)
            .is_some_and(|a| self.until.is_none_or(|u| a.at.0 <= u));
        !left
            && self
                .until
                .is_none_or(|u| session.is_none_or(|s| s.clock_ms >= u))
    }
}

/// Plays the next action when its time has come (or at once, when jumping).
pub fn play(
    mut playback: ResMut<Playback>,
    session: Option<ResMut<Session>>,
    mut intents: MessageWriter<Intent>,
) {
    let _t = super::perf::scope();
    let Some(mut session) = session else { return };
    if session.finished() {
        return;
    }
    let Some(action) = playback.actions.get(playback.next) else {
        if let Some(u) = playback.until {
            session.skip_to(SimTime(u));
        }
        return;
    };
    match playback.until {
        Some(u) if action.at.0 > u => {
            session.skip_to(SimTime(u));
            return;
        }
        // One action a frame, the clock moved to its time: events in between fire in order.
        Some(_) => session.skip_to(action.at),
        None if session.now() < action.at => return,
        None => {}
    }
    // Through the interaction layer, so that what is grabbed is carried and what stays stays.
    intents.write(Intent::Do(action.kind.clone()));
    playback.next += 1;
}
