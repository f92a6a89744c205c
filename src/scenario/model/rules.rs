//! Error rules, world rules, timed events and seeded faults.

use super::*;

/// A forbidden action or a critical error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorRule {
    /// Kebab-case id.
    pub id: ErrorId,
    /// The action (or `State(…)` becoming true) that is the error.
    pub on: Pattern,
    /// Only an error if this holds when the action is done.
    #[serde(default)]
    pub when: Option<Condition>,
    /// How serious it is.
    pub severity: Severity,
    /// Points taken off (default from `scoring.penalties`; none for critical and guidance).
    #[serde(default)]
    pub penalty: Option<f64>,
    /// What the learner is told.
    pub feedback: Text,
    /// Penalise every occurrence, not only the first.
    #[serde(default)]
    pub each_time: bool,
    /// The domain reference marks this item UNVERIFIED: only `Guidance` is allowed.
    #[serde(default)]
    pub unverified: Option<String>,
    /// Only an error inside this window (nobody touches the victim from the AED's analysis until
    /// the shock is delivered): the whole window written once. (Left out of the canonical form
    /// when absent, so older scenarios keep their hash.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub during: Option<Window>,
}

/// A stretch of the session, from one happening to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Window {
    /// What opens it: an action, or `State(…)` becoming true.
    pub from: Pattern,
    /// What closes it (it may open again later).
    pub until: Pattern,
}

/// How serious an error is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Severity {
    /// Comment only; no penalty.
    Guidance,
    /// Small penalty.
    Minor,
    /// Larger penalty.
    Major,
    /// Fails the session whatever the points.
    Critical,
}

impl Severity {
    /// `guidance`, `minor`, `major` or `critical`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Guidance => "guidance",
            Severity::Minor => "minor",
            Severity::Major => "major",
            Severity::Critical => "critical",
        }
    }
}

/// A world rule: when an action (or state) happens, change the world.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Kebab-case id.
    pub id: String,
    /// The action, or `State(…)` becoming true.
    pub on: Pattern,
    /// Only if this holds when the action is done.
    #[serde(default)]
    pub when: Option<Condition>,
    /// The changes.
    pub effects: Vec<Effect>,
}

/// A scenario event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Kebab-case id.
    pub id: EventId,
    /// When it happens.
    pub trigger: Trigger,
    /// It happens only if this holds at that moment.
    #[serde(default)]
    pub when: Option<Condition>,
    /// What it changes.
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// What the learner is told.
    #[serde(default)]
    pub message: Option<Text>,
    /// For an event an instructor triggers (`trigger: Instructor`): the button's label, what the
    /// instructor and the debrief read ("The patient vomits"). (Left out of the canonical form
    /// when absent, so older scenarios keep their hash.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
}

/// When an event happens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Trigger {
    /// At a session time.
    At(DurationSpec),
    /// A delay after a step is first completed.
    AfterStep(StepId, DurationSpec),
    /// As soon as a condition becomes true.
    When(Condition),
    /// When an instructor triggers it (an `instructor EVENT` line of an event log today), as
    /// often as they do, provided its `when` holds then.
    Instructor,
}

/// A fault drawn once per session from the seed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fault {
    /// Kebab-case id.
    pub id: FaultId,
    /// Description for the instructor and the debrief.
    pub label: Text,
    /// Probability that a session has it (0 to 1).
    pub chance: f64,
    /// What it changes at the start of the session.
    #[serde(default)]
    pub effects: Vec<Effect>,
}
