//! Scoring: what a session's outcome holds. The tracker computes it (`Tracker::outcome`, in
//! `tracker/score.rs`); this module only names its parts, so it imports nothing of the tracker.
//!
//! Rules: each required step gives its points once per expected completion; each criterion its
//! points when met; criteria that cannot be measured are left out of the maximum. Penalties
//! (errors, steps out of order, hints) are taken off. `raw = earned − penalties` (between 0 and
//! the maximum), `scaled = raw / max`. The session passes when `scaled ≥ pass_mark` and nothing
//! critical happened: any critical error, missed critical step, failed critical criterion or
//! wrong critical decision fails it whatever the points. Unverified items are reported and never
//! scored. Optional steps are never scored.

use serde::{Deserialize, Serialize};

/// How a session went.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionOutcome {
    /// Passed: scaled score at or above the pass mark and nothing critical.
    pub passed: bool,
    /// Whether the session was finished (else this is a score so far).
    pub finished: bool,
    /// The score.
    pub score: Score,
    /// Everything that failed the session, in the order it happened.
    pub critical: Vec<CriticalEntry>,
    /// Every step, in document order.
    pub steps: Vec<StepResult>,
    /// Session criteria.
    pub criteria: Vec<CriterionOutcome>,
    /// Error rules that fired.
    pub errors: Vec<ErrorOutcome>,
    /// Metrics at the end.
    pub metrics: Vec<MetricOutcome>,
    /// Faults active in the session.
    pub faults: Vec<String>,
    /// Hints asked for.
    pub hints: u32,
    /// The events an instructor triggered, in order. (Left out when none, so records without
    /// them keep their bytes.)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instructor: Vec<InstructorEntry>,
    /// Objects discarded and replaced from their stock, and how many times. (Left out when
    /// none.)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replaced: Vec<ReplacedEntry>,
    /// Session time at the end, ms.
    pub duration_ms: u64,
}

/// An object replaced from its stock.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReplacedEntry {
    /// The object's id.
    pub object: String,
    /// Times it was replaced.
    pub count: u32,
}

/// An event an instructor triggered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstructorEntry {
    /// The event's id.
    pub event: String,
    /// When, ms.
    pub at_ms: u64,
    /// Who triggered it, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// The score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// Points from steps and criteria.
    pub earned: f64,
    /// Points taken off.
    pub penalties: f64,
    /// `earned − penalties`, between 0 and `max`.
    pub raw: f64,
    /// The most points this session could give.
    pub max: f64,
    /// `raw / max`, from 0 to 1.
    pub scaled: f64,
    /// The pass mark on the same scale.
    pub pass_mark: f64,
}

/// Something that failed the session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriticalEntry {
    /// `error`, `missed_step`, `criterion` or `decision`.
    pub kind: String,
    /// The error, step, criterion (`step/criterion`) or decision id.
    pub id: String,
    /// When it happened (none for a missed step).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_ms: Option<u64>,
}

/// What became of a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    /// Done, in order.
    Done,
    /// Done before something that must come first.
    DoneOutOfOrder,
    /// Started (some repetitions or rounds) but not finished.
    Partial,
    /// Required and not done.
    Missed,
    /// Optional (or in a repetition that ended early) and not done.
    Skipped,
    /// In an alternative the learner did not take.
    NotApplicable,
    /// Guidance only (unverified in the domain reference): never scored.
    Guidance,
}

/// A step's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepResult {
    /// Step id.
    pub id: String,
    /// What became of it.
    pub status: StepStatus,
    /// Points earned (step and criteria).
    pub points: f64,
    /// Points it could give.
    pub max: f64,
    /// Times completed.
    pub completions: u32,
    /// First completion, ms.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at_ms: Option<u64>,
    /// Whether the learner's answer was right, for a decision step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub correct: Option<bool>,
    /// Its criteria.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<CriterionOutcome>,
}

/// A criterion's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriterionOutcome {
    /// Criterion id.
    pub id: String,
    /// Result (none when its step was never done).
    #[serde(default, flatten, skip_serializing_if = "Option::is_none")]
    pub result: Option<CriterionResult>,
    /// Points earned.
    pub points: f64,
    /// Points it could give (0 when not assessed or unverified).
    pub max: f64,
}

/// An error rule that fired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorOutcome {
    /// Error id.
    pub id: String,
    /// Severity: `guidance`, `minor`, `major` or `critical`.
    pub severity: String,
    /// Times it happened.
    pub count: u32,
    /// Points taken off.
    pub penalty: f64,
}

/// A metric's final value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricOutcome {
    /// Metric id.
    pub id: String,
    /// Value, or none when it could not be measured.
    pub value: Option<f64>,
    /// Unit symbol.
    pub unit: String,
    /// For a measure of each compression (rate, depth, recoil; rules 3 on): its value in each
    /// cycle of compressions, as a feedback manikin shows it (none where a cycle has no data).
    /// Left out when there is none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cycles: Vec<Option<f64>>,
}

/// The result of a criterion.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum CriterionResult {
    /// Met; the value checked, if any.
    Passed {
        /// The value, in the unit of what was checked.
        #[serde(skip_serializing_if = "Option::is_none")]
        value: Option<f64>,
        /// For a comparison (`Agrees`), the value it was compared with (what the instrument
        /// displayed), in its own unit (rules 3 on).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        against: Option<f64>,
    },
    /// Not met.
    Failed {
        /// The value, when there was one.
        #[serde(skip_serializing_if = "Option::is_none")]
        value: Option<f64>,
        /// For a comparison, the value it was compared with (rules 3 on).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        against: Option<f64>,
    },
    /// Could not be measured (e.g. compression depth from a mouse).
    NotAssessed,
}
