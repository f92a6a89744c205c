//! What the learner does besides handling objects: gestures, decisions (questions), fields (forms), and the metrics measured from it.

use super::*;

/// A gesture the learner holds for a duration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gesture {
    /// Kebab-case id.
    pub id: GestureId,
    /// Name in the hand-action menu.
    pub name: Text,
    /// Object the gesture is made at, if any (a chest, a sink).
    #[serde(default)]
    pub at: Option<ObjectId>,
    /// What holding it changes (`Flow` effects scale with the held duration).
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// Made by rubbing the hands together: a headset's rub (which cannot tell one rubbing
    /// gesture from another) is taken as the rubbing gesture the procedure asks for now.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rub: bool,
}

/// A question the learner answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Kebab-case id.
    pub id: DecisionId,
    /// The question.
    pub prompt: Text,
    /// The possible answers.
    pub choices: Vec<Choice>,
    /// Whether several answers may (and must, when correct) be picked together.
    #[serde(default)]
    pub multiple: bool,
    /// Whether a wrong answer fails the session.
    #[serde(default)]
    pub critical: bool,
    /// Why the right answer is right, shown after answering in guided mode and in the debrief.
    #[serde(default)]
    pub explanation: Option<Text>,
}

/// One possible answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Kebab-case id.
    pub id: ChoiceId,
    /// The answer's text.
    pub text: Text,
    /// Whether this answer belongs to the right answer.
    #[serde(default)]
    pub correct: bool,
    /// When present, decides correctness from the state when the learner answers.
    #[serde(default)]
    pub correct_when: Option<Condition>,
    /// What choosing it changes.
    #[serde(default)]
    pub effects: Vec<Effect>,
}

/// A value the learner enters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// Kebab-case id.
    pub id: FieldId,
    /// Label on the form.
    pub label: Text,
    /// Unit of a numeric field; none for a text field.
    #[serde(default)]
    pub unit: Option<String>,
    /// The molar mass of what the field measures (`"180.16 g/mol"` for glucose): with it, a
    /// value typed in mg/dL fits a field in mmol/L and the reverse. (Left out of the canonical
    /// form when absent, so older scenarios keep their hash.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub molar_mass: Option<QuantitySpec>,
}

/// A measure the tracker derives from the learner's actions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metric {
    /// Kebab-case id.
    pub id: MetricId,
    /// Name in the debrief.
    pub label: Text,
    /// What is measured.
    pub kind: MetricKind,
    /// For compression metrics: a gap longer than this between compressions is a pause
    /// (default `"2 s"`).
    #[serde(default)]
    pub pause: Option<DurationSpec>,
    /// For `HandsOffTime`, `LongestPause` and `CompressionFraction`: time while this holds is
    /// not hands-off time (an AED analysing, when nobody may touch the patient).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub except_while: Option<Condition>,
}

/// What a metric measures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum MetricKind {
    /// Total held time of these gestures, in s.
    GestureTime(Vec<GestureId>),
    /// Longest single hold of these gestures, in s.
    LongestGesture(Vec<GestureId>),
    /// Percentage of the holds of these gestures whose duration is in the range (rescue
    /// breaths of about 1 s, pushes of a flush), in %: quality per event for repeated gestures.
    HeldInRange(Vec<GestureId>, RangeSpec),
    /// Number of actions matching a pattern.
    Count(Pattern),
    /// Mean compression rate over compressions not separated by a pause, in /min.
    CompressionRate,
    /// Percentage of rate intervals within 100–120 /min… or any range given, in %.
    CompressionsAtRate(RangeSpec),
    /// Mean compression depth, in mm; not assessed unless the input measured depth.
    CompressionDepth,
    /// Percentage of compressions with a depth in the range, in %; not assessed without depth.
    CompressionsAtDepth(RangeSpec),
    /// Percentage of compressions with full recoil, in %; not assessed without recoil data.
    FullRecoil,
    /// Percentage of compressions with the hands on the lower half of the breastbone, in %;
    /// not assessed unless the input tells where the hands pressed.
    HandsOnCentre,
    /// Total time without compressions after the first one (pauses longer than `pause`), in s.
    HandsOffTime,
    /// Longest pause in compressions, in s.
    LongestPause,
    /// Share of the time from the first compression to the end spent compressing, in %.
    CompressionFraction,
    /// Time from a step's first completion to another's, in s.
    TimeBetween(StepId, StepId),
    /// Session time when a step was first completed, in s.
    TimeOf(StepId),
    /// Share of these steps or groups done, in % (a compliance rate: the hand-hygiene
    /// opportunities answered by a complete action, out of all of them).
    ShareDone(Vec<StepId>),
}
