//! The procedure: groups and steps, the patterns that complete them and the conditions that guard them.

use super::*;

/// A node of the procedure graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Node {
    /// One step.
    Step(Box<Step>),
    /// Children in the written order.
    Sequence(Group),
    /// Children in any order.
    AnyOrder(Group),
    /// Exactly one of the children (alternatives).
    OneOf(Group),
    /// The children in order, several times.
    Repeat(Repeat),
}

/// A group of steps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Kebab-case id, in the same namespace as steps.
    pub id: StepId,
    /// Title in the instruction panel and the graph.
    pub title: Text,
    /// The children.
    pub steps: Vec<Node>,
    /// The whole group may be left out.
    #[serde(default)]
    pub optional: bool,
    /// Extra order constraints: steps or groups that must be done first.
    #[serde(default)]
    pub after: Vec<StepId>,
    /// For a `Sequence`: the order is taught but a different order is only commented on,
    /// never penalised, because the source does not say it matters (give the reason).
    #[serde(default)]
    pub order_unverified: Option<String>,
}

/// A repeated sequence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Repeat {
    /// Kebab-case id.
    pub id: StepId,
    /// Title.
    pub title: Text,
    /// The sequence repeated.
    pub steps: Vec<Node>,
    /// Number of rounds required.
    #[serde(default)]
    pub times: Option<u32>,
    /// Ends the repetition as soon as it holds (also mid-round).
    #[serde(default)]
    pub until: Option<Condition>,
    /// Extra order constraints.
    #[serde(default)]
    pub after: Vec<StepId>,
}

/// One step of the procedure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Kebab-case id.
    pub id: StepId,
    /// Short imperative title.
    pub title: Text,
    /// Longer instruction shown in guided mode.
    #[serde(default)]
    pub instruction: Option<Text>,
    /// Shown when the learner asks for a hint.
    #[serde(default)]
    pub hint: Option<Text>,
    /// The action (or state) that completes the step.
    pub done_when: Pattern,
    /// The action counts only if this holds when it is done.
    #[serde(default)]
    pub when: Option<Condition>,
    /// Steps or groups that must be done first (besides the group order).
    #[serde(default)]
    pub after: Vec<StepId>,
    /// May be left out; never scored.
    #[serde(default)]
    pub optional: bool,
    /// Not doing it fails the session.
    #[serde(default)]
    pub critical: bool,
    /// Number of matching actions needed (30 compressions).
    #[serde(default)]
    pub repeat: Option<u32>,
    /// The step's result is a measured amount (weighing, titrating, making up to volume, a
    /// transfer): `done_when` (reading the instrument) may match as often as the learner likes
    /// while working and never closes the step. The step is done, and its criteria judged, when
    /// the learner commits to it: `commit_when` matches, a step that must come after it is
    /// started, or the session finishes. (Left out of the canonical form when false, so older
    /// scenarios keep their hash.)
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub measured: bool,
    /// For a measured step: the action that declares it done (recording the value, a
    /// "done" gesture), besides starting what comes after it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit_when: Option<Pattern>,
    /// Points for doing it (default 1; 0 for optional and unverified steps).
    #[serde(default)]
    pub points: Option<f64>,
    /// Scored criteria checked when the step is done.
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    /// What completing it changes.
    #[serde(default)]
    pub effects: Vec<Effect>,
    /// Shown when it is done, in guided mode.
    #[serde(default)]
    pub feedback: Option<Text>,
    /// The domain reference marks this item UNVERIFIED: guidance only, never scored or critical.
    #[serde(default)]
    pub unverified: Option<String>,
}

/// What an action must look like to complete a step, trigger an error or apply a rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Pattern {
    /// An object picked up.
    Grab(EntityRef),
    /// An object put down (optionally on a given object).
    Release {
        /// The object released.
        object: EntityRef,
        /// Where it was put.
        #[serde(default)]
        on: Option<EntityRef>,
    },
    /// An object used.
    Use(EntityRef),
    /// An object used on another.
    UseOn {
        /// The object used.
        object: EntityRef,
        /// What it was used on.
        target: EntityRef,
    },
    /// Two entities touching (in either order); `b` absent means anything.
    Touch {
        /// One side.
        a: EntityRef,
        /// The other side.
        #[serde(default)]
        b: Option<EntityRef>,
    },
    /// A gesture held.
    Gesture(GestureId),
    /// A chest compression (on any object affording it).
    Compress,
    /// An object read or inspected.
    Read(EntityRef),
    /// A value entered in a field.
    Enter(FieldId),
    /// A decision answered.
    Choose(DecisionId),
    /// A fast-forward.
    Wait,
    /// Not an action: the condition becoming true.
    State(Condition),
    /// Any one of these actions (no `State` inside).
    AnyOf(Vec<Pattern>),
}

/// A test on the world state, the procedure and the session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Condition {
    /// The fact holds (`#tag.fact`: for any tagged entity).
    Fact(FactRef),
    /// The inner condition does not hold.
    Not(Box<Condition>),
    /// Every inner condition holds.
    All(Vec<Condition>),
    /// At least one inner condition holds.
    Any(Vec<Condition>),
    /// The quantity is in the range.
    Quantity(QuantityId, RangeSpec),
    /// The metric is measured and in the range.
    Metric(MetricId, RangeSpec),
    /// The timer runs and its elapsed time is in the range.
    Elapsed(TimerId, RangeSpec),
    /// The step or group has been completed.
    Done(StepId),
    /// The learner's answer to the decision included the choice.
    Chose(DecisionId, ChoiceId),
    /// A hand (or `#hand`) holds the object.
    Holding(EntityRef, EntityRef),
    /// The event has happened.
    Occurred(EventId),
    /// The fault is active in this session.
    Fault(FaultId),
    /// What the instrument last displayed to the learner (with its rounding and noise) is in
    /// the range; false until it has been read. The true value is `Quantity(…)`.
    Shows(ObjectId, RangeSpec),
}
