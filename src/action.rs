//! What a learner does: the tracker's only input.
//!
//! Actions are generic (grab, release, use, use on, touch, gesture, compress, read, enter,
//! choose, wait, hint, finish) and name the scenario's own objects; no procedure-specific verb
//! exists in the code. An instructor's event (`instructor`) is an action too, so a record
//! replays it. Each carries its session time, never the wall clock.

use crate::scenario::model::{ChoiceId, DecisionId, EventId, FieldId, GestureId, ObjectId};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Session time in milliseconds since the session started.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct SimTime(pub u64);

impl SimTime {
    /// A time from seconds (rounded to the millisecond).
    pub fn from_secs_f64(s: f64) -> SimTime {
        SimTime((s.max(0.0) * 1000.0).round() as u64)
    }

    /// The time in seconds.
    pub fn as_secs_f64(self) -> f64 {
        self.0 as f64 / 1000.0
    }
}

impl fmt::Display for SimTime {
    /// `m:ss.s`, as the event log and the trace write it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ms = self.0;
        let minutes = ms / 60_000;
        let rest = ms % 60_000;
        write!(f, "{minutes}:{:02}.{:03}", rest / 1000, rest % 1000)
    }
}

/// One of the learner's two hands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Hand {
    /// The left hand.
    #[serde(rename = "left-hand")]
    Left,
    /// The right hand.
    #[serde(rename = "right-hand")]
    Right,
}

impl Hand {
    /// The hand's entity id.
    pub fn id(self) -> &'static str {
        match self {
            Hand::Left => "left-hand",
            Hand::Right => "right-hand",
        }
    }

    /// Reads `left`, `right`, `left-hand` or `right-hand`.
    pub fn parse(s: &str) -> Option<Hand> {
        match s {
            "left" | "left-hand" => Some(Hand::Left),
            "right" | "right-hand" => Some(Hand::Right),
            _ => None,
        }
    }
}

/// A value typed by the learner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum EnteredValue {
    /// A number, with the unit the learner chose (the field's unit when absent).
    Number {
        /// The number.
        value: f64,
        /// Its unit symbol.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// Free text.
    Text {
        /// The text.
        text: String,
    },
}

/// Where the hands pressed a compression, as a feedback manikin tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HandPosition {
    /// On the lower half of the breastbone: right.
    Centre,
    /// Towards the neck, on the upper breastbone.
    High,
    /// Towards the belly, on the tip of the breastbone or below it.
    Low,
    /// Off the breastbone, on the ribs.
    Side,
}

impl HandPosition {
    /// The word an event log writes.
    pub fn word(self) -> &'static str {
        match self {
            HandPosition::Centre => "centre",
            HandPosition::High => "high",
            HandPosition::Low => "low",
            HandPosition::Side => "side",
        }
    }
}

/// What the learner did, at which session time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LearnerAction {
    /// When, in session time.
    pub at: SimTime,
    /// What.
    #[serde(flatten)]
    pub kind: ActionKind,
}

impl LearnerAction {
    /// An action at `secs` seconds.
    pub fn at_secs(secs: f64, kind: ActionKind) -> Self {
        LearnerAction {
            at: SimTime::from_secs_f64(secs),
            kind,
        }
    }
}

/// The kinds of learner action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "do", rename_all = "snake_case")]
pub enum ActionKind {
    /// A hand picks an object up.
    Grab {
        /// Which hand.
        hand: Hand,
        /// What it picked up.
        object: ObjectId,
    },
    /// A hand puts an object down.
    Release {
        /// Which hand.
        hand: Hand,
        /// What it released.
        object: ObjectId,
        /// What it was put on, if it came to rest on an object.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        on: Option<ObjectId>,
        /// Where it came to rest (x, y, z in metres), when known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        position: Option<[f64; 3]>,
    },
    /// An object used (pressed, switched, opened).
    Use {
        /// The object.
        object: ObjectId,
        /// The hand that used it, when known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        hand: Option<Hand>,
    },
    /// An object used on another entity.
    UseOn {
        /// The object used.
        object: ObjectId,
        /// What it was used on.
        target: ObjectId,
        /// The hand, when known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        hand: Option<Hand>,
    },
    /// Contact started between two entities (a hand or held object, and an object).
    Touch {
        /// One side.
        a: ObjectId,
        /// The other side.
        b: ObjectId,
    },
    /// A gesture held for a duration.
    Gesture {
        /// The gesture.
        gesture: GestureId,
        /// How long it was held, in milliseconds.
        duration_ms: u64,
        /// The object it was made at, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        object: Option<ObjectId>,
    },
    /// The hands rubbed together for a duration (a headset's hands, which cannot tell one
    /// rubbing gesture from another): the tracker takes it as the rubbing gesture (`rub: true`)
    /// the procedure asks for now, else as one no step asks for ("keep rubbing"), else as the
    /// scenario's first.
    Rub {
        /// How long the hands rubbed, in milliseconds.
        duration_ms: u64,
    },
    /// One chest compression.
    Compress {
        /// What was compressed, if known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        object: Option<ObjectId>,
        /// Depth in millimetres, when the input can measure it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        depth_mm: Option<f64>,
        /// Whether the chest recoiled fully, when the input can measure it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        full_recoil: Option<bool>,
        /// Where the hands pressed, when the input can tell (a feedback manikin, tracked hands).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        hands: Option<HandPosition>,
    },
    /// An object read or inspected.
    Read {
        /// The object.
        object: ObjectId,
    },
    /// A value entered in a field.
    Enter {
        /// The field.
        field: FieldId,
        /// The value.
        value: EnteredValue,
    },
    /// A decision answered.
    Choose {
        /// The decision.
        decision: DecisionId,
        /// The chosen answers.
        choices: Vec<ChoiceId>,
    },
    /// A fast-forward through a wait.
    Wait {
        /// How much session time was skipped, in milliseconds.
        duration_ms: u64,
    },
    /// The learner asked for a hint.
    Hint,
    /// An instructor triggered one of the scenario's instructor events (`trigger: Instructor`):
    /// in the record like the learner's actions, so the session replays byte for byte.
    Instructor {
        /// The event.
        event: EventId,
        /// Who triggered it (a name or a role), when known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        by: Option<String>,
    },
    /// The learner ended the session.
    Finish,
}

impl ActionKind {
    /// The object the action is done at, if it names one: what is grabbed, used, read or
    /// touched, where a released object was put (else the object), where a gesture or a
    /// compression was made.
    pub fn place(&self) -> Option<&str> {
        match self {
            ActionKind::Grab { object, .. }
            | ActionKind::Use { object, .. }
            | ActionKind::UseOn { object, .. }
            | ActionKind::Read { object } => Some(object.as_str()),
            ActionKind::Release { object, on, .. } => Some(on.as_ref().unwrap_or(object).as_str()),
            ActionKind::Touch { b, .. } => Some(b.as_str()),
            ActionKind::Gesture { object, .. } | ActionKind::Compress { object, .. } => {
                object.as_ref().map(|o| o.as_str())
            }
            _ => None,
        }
    }

    /// The verb as written in event logs.
    pub fn verb(&self) -> &'static str {
        match self {
            ActionKind::Grab { .. } => "grab",
            ActionKind::Release { .. } => "release",
            ActionKind::Use { .. } => "use",
            ActionKind::UseOn { .. } => "use",
            ActionKind::Touch { .. } => "touch",
            ActionKind::Gesture { .. } => "gesture",
            ActionKind::Rub { .. } => "rub",
            ActionKind::Compress { .. } => "compress",
            ActionKind::Read { .. } => "read",
            ActionKind::Enter { .. } => "enter",
            ActionKind::Choose { .. } => "choose",
            ActionKind::Wait { .. } => "wait",
            ActionKind::Hint => "hint",
            ActionKind::Instructor { .. } => "instructor",
            ActionKind::Finish => "finish",
        }
    }
}
