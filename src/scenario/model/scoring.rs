//! Scoring: criteria and their checks, weights, penalties and the pass mark.

use super::*;

/// A scored criterion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Kebab-case id.
    pub id: CriterionId,
    /// What is checked, for the debrief.
    pub text: Text,
    /// The check.
    pub check: Check,
    /// Points when met (default 1; 0 when unverified).
    #[serde(default)]
    pub points: Option<f64>,
    /// Failing it fails the session.
    #[serde(default)]
    pub critical: bool,
    /// Shown when it fails.
    #[serde(default)]
    pub feedback: Option<Text>,
    /// The domain reference marks this item UNVERIFIED: reported, never scored or critical.
    #[serde(default)]
    pub unverified: Option<String>,
}

/// How a criterion is checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Check {
    /// A value lies in a range.
    Value(ValueRef, RangeSpec),
    /// A condition holds.
    Holds(Condition),
    /// Two values agree within a tolerance: what was recorded and what the instrument showed
    /// (`Agrees(Field("nacl-mass"), Reading("balance"), "0.005 g")`).
    Agrees(ValueRef, ValueRef, QuantitySpec),
}

/// A value a criterion checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum ValueRef {
    /// A quantity of the world state (its true value).
    Quantity(QuantityId),
    /// What the learner entered in a field.
    Field(FieldId),
    /// A metric.
    Metric(MetricId),
    /// What an instrument last displayed to the learner.
    Reading(ObjectId),
    /// The held duration of the action that completed the step, in s.
    Duration,
}

/// Weights, penalties and pass mark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// Lowest passing scaled score, 0 to 1 (scaled = raw / max).
    pub pass_mark: f64,
    /// Points taken off for each step done before its prerequisites.
    #[serde(default = "default_out_of_order")]
    pub out_of_order_penalty: f64,
    /// Points taken off for each hint asked for.
    #[serde(default)]
    pub hint_penalty: f64,
    /// Default penalties by severity.
    #[serde(default)]
    pub penalties: Penalties,
    /// Criteria checked at the end of the session.
    #[serde(default)]
    pub criteria: Vec<Criterion>,
}

fn default_out_of_order() -> f64 {
    0.5
}

/// Default penalty of each severity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Penalties {
    /// For `Major` errors.
    pub major: f64,
    /// For `Minor` errors.
    pub minor: f64,
}

impl Default for Penalties {
    fn default() -> Self {
        Penalties {
            major: 1.0,
            minor: 0.5,
        }
    }
}
