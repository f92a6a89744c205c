//! What the tracker tells its caller after each action.

use crate::action::SimTime;
use crate::scenario::compiled::{EntityIdx, NodeIdx, StepIdx};
use crate::scenario::model::Severity;
use serde::{Deserialize, Serialize};

/// One thing an action (or the passing of session time) caused.
#[derive(Debug, Clone, PartialEq)]
pub struct Feedback {
    /// Session time it happened at.
    pub at: SimTime,
    /// What happened.
    pub kind: FeedbackKind,
}

pub use crate::scoring::CriterionResult;

impl CriterionResult {
    /// Whether the criterion is met.
    pub fn passed(&self) -> bool {
        matches!(self, CriterionResult::Passed { .. })
    }
}

/// Why an action was not taken into account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rejection {
    /// Its time is before the previous action's.
    TimeWentBackwards,
    /// The session has already finished.
    AfterFinish,
    /// Hints are not given in assessment mode.
    HintInAssessment,
    /// An entered number that is not a finite number once converted to the field's base unit
    /// (`1e308 L` is more millilitres than a number holds).
    NumberTooLarge,
    /// An instructor's event whose `when` does not hold now.
    InstructorEventNotNow,
}

/// What happened.
#[derive(Debug, Clone, PartialEq)]
pub enum FeedbackKind {
    /// A step was completed.
    StepDone {
        /// The step.
        step: StepIdx,
        /// Whether everything it needs was done first.
        in_order: bool,
        /// How many times it has been completed (repetitions of a `Repeat`).
        completion: u32,
    },
    /// One more action towards a repeated step.
    StepProgress {
        /// The step.
        step: StepIdx,
        /// Actions so far.
        count: u32,
        /// Actions needed.
        of: u32,
    },
    /// A measured step is being worked on: it is judged when the learner commits to it.
    Working {
        /// The step.
        step: StepIdx,
    },
    /// A step was done before what must come first.
    OutOfOrder {
        /// The step.
        step: StepIdx,
        /// What should have been done first.
        missing: Vec<NodeIdx>,
        /// Whether it costs points (false where the order is unverified).
        scored: bool,
    },
    /// A group was completed.
    GroupDone {
        /// The group.
        node: NodeIdx,
    },
    /// A round of a `Repeat` group was completed.
    RoundDone {
        /// The group.
        node: NodeIdx,
        /// Rounds so far.
        round: u32,
    },
    /// A criterion was checked.
    Criterion {
        /// The step it belongs to (none for session criteria).
        step: Option<StepIdx>,
        /// Its index in the step's (or the session's) criteria.
        criterion: u32,
        /// The result.
        result: CriterionResult,
        /// Whether failing it fails the session.
        critical: bool,
    },
    /// A decision was answered.
    Answer {
        /// The decision.
        decision: u32,
        /// Whether the answer was right.
        correct: bool,
        /// Whether a wrong answer fails the session.
        critical: bool,
    },
    /// An error rule fired.
    Error {
        /// The rule.
        error: u32,
        /// Its severity.
        severity: Severity,
        /// Whether this occurrence costs points (first time, or every time).
        counted: bool,
    },
    /// A hint: the step to do next (none when nothing is left).
    Hint {
        /// The step.
        step: Option<StepIdx>,
    },
    /// A scenario event happened.
    Event {
        /// The event.
        event: u32,
        /// Its message's live values at that moment (none where nothing was read yet).
        values: Vec<Option<f64>>,
    },
    /// An instructor triggered an event (its message, if any, follows as an `Event`).
    Instructor {
        /// The event.
        event: u32,
        /// Who, when known.
        by: Option<String>,
    },
    /// An object was discarded and a new one taken from its stock.
    Replaced {
        /// The object.
        object: EntityIdx,
        /// Spares left.
        left: u32,
    },
    /// A replacement was asked for, but none is left in stock.
    OutOfStock {
        /// The object.
        object: EntityIdx,
    },
    /// A message for the learner (voice prompt, caption).
    Say {
        /// Index into the scenario's messages.
        message: u32,
        /// The message's live values at that moment (none where nothing was read yet).
        values: Vec<Option<f64>>,
    },
    /// An instrument showed a value.
    Reading {
        /// The instrument.
        object: EntityIdx,
        /// The value displayed, in the quantity's unit.
        value: f64,
    },
    /// The action matched nothing the procedure cares about.
    Unmatched,
    /// The action names something the scenario does not have.
    Unknown {
        /// The name.
        name: String,
    },
    /// The action was not taken into account.
    Rejected {
        /// Why.
        reason: Rejection,
    },
    /// The session ended.
    Finished {
        /// Whether it passed.
        passed: bool,
    },
}
