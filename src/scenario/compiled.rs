//! The scenario indexed for the tracker: ids replaced by indices, strings parsed, units converted.
//!
//! Built by [`super::compile`] only from a scenario that validated; every index in here is in
//! bounds by construction, which is what lets the tracker run without lookups by name.

use super::formula::Expr;
use super::model::{Severity, Text};
use super::units::{Range, Unit};
use rustc_hash::FxHashMap as HashMap;

/// Index of an entity: 0 is `left-hand`, 1 is `right-hand`, then body parts, then objects.
pub type EntityIdx = u32;
/// Index of a fact (declared facts first, then one per taint and entity).
pub type FactIdx = u32;
/// Index of a quantity.
pub type QuantityIdx = u32;
/// Index of a procedure node (step or group), in document order.
pub type NodeIdx = u32;
/// Index of a step among steps only.
pub type StepIdx = u32;

/// The left hand's entity index.
pub const LEFT_HAND: EntityIdx = 0;
/// The right hand's entity index.
pub const RIGHT_HAND: EntityIdx = 1;

/// An entity: a hand, a body part or an object.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Its id.
    pub id: String,
    /// Its name for the learner.
    pub name: Text,
    /// Its tags (hands have `hand`).
    pub tags: Vec<String>,
    /// Whether it can be picked up.
    pub grabbable: bool,
    /// Index of the object in the model's room, for objects.
    pub object: Option<usize>,
    /// Its affordances.
    pub affordances: Vec<CAffordance>,
    /// Its display, if it is an instrument.
    pub display: Option<CDisplay>,
    /// It is in the room only while this holds (none: always).
    pub appears_when: Option<CCond>,
    /// Spares a `Replace` can take.
    pub stock: u32,
    /// Its own facts (`id.…`, taints included): what a `Replace` resets.
    pub own_facts: Vec<FactIdx>,
}

/// Compiled gloves: their colour, when they are on, on which hands.
#[derive(Debug, Clone)]
pub struct CGloves {
    /// `#rrggbb`.
    pub color: String,
    /// When they are on (none: always).
    pub when: Option<CCond>,
    /// The hands that wear them: left, right.
    pub hands: [bool; 2],
}

/// A compiled affordance.
#[derive(Debug, Clone)]
pub enum CAffordance {
    /// Use it.
    Use(Vec<CEffect>),
    /// Use it on one of these targets.
    UseOn(Vec<EntityIdx>, Vec<CEffect>),
    /// Enter a field here.
    Enter(u32),
    /// Answer a decision here.
    Choose(u32),
    /// Compress here.
    Compress,
    /// Read it.
    Read,
}

/// An instrument display.
#[derive(Debug, Clone)]
pub struct CDisplay {
    /// The quantity shown.
    pub quantity: QuantityIdx,
    /// Display step.
    pub resolution: f64,
    /// Uniform noise half-width.
    pub noise: f64,
}

/// A fact.
#[derive(Debug, Clone)]
pub struct FactInfo {
    /// `entity.fact` or free-form id.
    pub id: String,
    /// Value at the start.
    pub initial: bool,
    /// The taint it belongs to and the entity, for taint facts.
    pub taint: Option<(u32, EntityIdx)>,
    /// A permanent taint fact never changes.
    pub permanent: bool,
}

/// A taint: one fact per entity.
#[derive(Debug, Clone)]
pub struct TaintInfo {
    /// The taint's name.
    pub id: String,
    /// Fact index of this taint for each entity.
    pub facts: Vec<FactIdx>,
}

/// A quantity.
#[derive(Debug, Clone)]
pub struct QuantityInfo {
    /// Its id.
    pub id: String,
    /// Its unit.
    pub unit: Unit,
    /// Value at the start.
    pub initial: f64,
    /// Seeded uniform offset half-width.
    pub jitter: f64,
    /// Formula of a derived quantity.
    pub formula: Option<Expr<u32>>,
    /// The lowest and highest values it can take, in its unit: the declared range, else the
    /// largest finite numbers (a stored quantity never becomes infinite).
    pub limits: (f64, f64),
}

impl QuantityInfo {
    /// `v` brought within the quantity's limits.
    pub fn limit(&self, v: f64) -> f64 {
        v.clamp(self.limits.0, self.limits.1)
    }

    /// Whether a range was declared.
    pub fn has_range(&self) -> bool {
        self.limits != (-f64::MAX, f64::MAX)
    }
}

/// A condition with indices.
#[derive(Debug, Clone)]
pub enum CCond {
    /// Any of these facts holds (one fact, or a `#tag` fact).
    Fact(Vec<FactIdx>),
    /// Negation.
    Not(Box<CCond>),
    /// Conjunction.
    All(Vec<CCond>),
    /// Disjunction.
    Any(Vec<CCond>),
    /// Quantity in range (range in base units).
    Quantity(QuantityIdx, Range),
    /// Metric in range.
    Metric(u32, Range),
    /// Timer running, elapsed in range.
    Elapsed(u32, Range),
    /// Node completed.
    Done(NodeIdx),
    /// Decision answer included the choice.
    Chose(u32, u32),
    /// One of these hands holds one of these objects.
    Holding(Vec<EntityIdx>, Vec<EntityIdx>),
    /// Event happened.
    Occurred(u32),
    /// Fault active.
    Fault(u32),
    /// What the instrument last displayed, in range (in base units).
    Shows(EntityIdx, Range),
}

/// A live value in a message: `{shown:OBJECT}` (what the instrument last displayed) or
/// `{value:QUANTITY}` (the true value now), filled in when the message is said.
#[derive(Debug, Clone)]
pub struct Slot {
    /// As written in the text, braces included (`{shown:glucose-meter}`).
    pub written: String,
    /// Where its value comes from.
    pub source: SlotSource,
}

/// Where a live value comes from.
#[derive(Debug, Clone, Copy)]
pub enum SlotSource {
    /// The instrument's last displayed reading.
    Shown(EntityIdx),
    /// The quantity's true value.
    Value(QuantityIdx),
}

/// An action pattern with indices; entity sets are sorted.
#[derive(Debug, Clone)]
pub enum CPattern {
    /// Grab one of these.
    Grab(Vec<EntityIdx>),
    /// Release one of these, optionally on one of those.
    Release(Vec<EntityIdx>, Option<Vec<EntityIdx>>),
    /// Use one of these.
    Use(Vec<EntityIdx>),
    /// Use one of these on one of those.
    UseOn(Vec<EntityIdx>, Vec<EntityIdx>),
    /// Touch between the two sets (either order); `None` is anything.
    Touch(Vec<EntityIdx>, Option<Vec<EntityIdx>>),
    /// Gesture.
    Gesture(u32),
    /// Compression.
    Compress,
    /// Read one of these.
    Read(Vec<EntityIdx>),
    /// Enter the field.
    Enter(u32),
    /// Answer the decision.
    Choose(u32),
    /// Fast-forward.
    Wait,
    /// The condition becoming true.
    State(CCond),
    /// Any of these actions.
    AnyOf(Vec<CPattern>),
}

impl CPattern {
    /// The entities an action matching the pattern is done at, in the pattern's order: what is
    /// grabbed, used or read, what a tool is used on, where a released thing is put, both sides
    /// of a touch. A view of the step should show them; gestures, compressions, answers, fields
    /// and states name none.
    pub fn places(&self) -> Vec<EntityIdx> {
        match self {
            CPattern::Grab(e) | CPattern::Use(e) | CPattern::Read(e) => e.clone(),
            CPattern::Release(e, on) => on.clone().unwrap_or_else(|| e.clone()),
            CPattern::UseOn(_, on) => on.clone(),
            CPattern::Touch(a, b) => a.iter().chain(b.iter().flatten()).copied().collect(),
            CPattern::AnyOf(ps) => ps.iter().flat_map(CPattern::places).collect(),
            _ => Vec::new(),
        }
    }
}

/// An effect with indices; amounts are in the target quantity's unit.
#[derive(Debug, Clone)]
pub enum CEffect {
    /// Set facts.
    Set(Vec<FactIdx>, bool),
    /// Add an amount.
    Add(QuantityIdx, f64),
    /// Add a rate (per second) times the held duration.
    Flow(QuantityIdx, f64),
    /// Set a value.
    Assign(QuantityIdx, f64),
    /// Start a timer.
    StartTimer(u32),
    /// Stop a timer.
    StopTimer(u32),
    /// Tell the learner (index into [`Scenario::messages`](super::Scenario)).
    Say(u32),
    /// Discard the object and take a new one from its stock.
    Replace(EntityIdx),
}

/// A gesture.
#[derive(Debug, Clone)]
pub struct GestureInfo {
    /// Its id.
    pub id: String,
    /// Its effects.
    pub effects: Vec<CEffect>,
    /// Made by rubbing the hands together.
    pub rub: bool,
}

/// A decision.
#[derive(Debug, Clone)]
pub struct DecisionInfo {
    /// Its id.
    pub id: String,
    /// Its choices.
    pub choices: Vec<ChoiceInfo>,
    /// Several answers allowed.
    pub multiple: bool,
    /// A wrong answer fails the session.
    pub critical: bool,
}

/// A choice.
#[derive(Debug, Clone)]
pub struct ChoiceInfo {
    /// Its id.
    pub id: String,
    /// Static correctness.
    pub correct: bool,
    /// Correctness from the state.
    pub correct_when: Option<CCond>,
    /// Effects of choosing it.
    pub effects: Vec<CEffect>,
}

/// A field.
#[derive(Debug, Clone)]
pub struct FieldInfo {
    /// Its id.
    pub id: String,
    /// Unit of a numeric field.
    pub unit: Option<Unit>,
    /// Molar mass of what it measures, g/mol: converts mass and molar concentrations.
    pub molar_mass: Option<f64>,
}

/// What a metric measures, with indices.
#[derive(Debug, Clone)]
pub enum CMetricKind {
    /// Total held time of gestures.
    GestureTime(Vec<u32>),
    /// Share of the holds of gestures in a duration range (s).
    HeldInRange(Vec<u32>, Range),
    /// Longest hold of gestures.
    LongestGesture(Vec<u32>),
    /// Count of matching actions.
    Count(CPattern),
    /// Mean compression rate.
    CompressionRate,
    /// Share of rate intervals in range.
    CompressionsAtRate(Range),
    /// Mean depth.
    CompressionDepth,
    /// Share of compressions with depth in range.
    CompressionsAtDepth(Range),
    /// Share with full recoil.
    FullRecoil,
    /// Share with the hands on the lower half of the breastbone.
    HandsOnCentre,
    /// Total pause time.
    HandsOffTime,
    /// Longest pause.
    LongestPause,
    /// Compression fraction.
    CompressionFraction,
    /// Time between two nodes' first completion.
    TimeBetween(NodeIdx, NodeIdx),
    /// Time of a node's first completion.
    TimeOf(NodeIdx),
    /// Share of these nodes done.
    ShareDone(Vec<NodeIdx>),
}

/// A metric.
#[derive(Debug, Clone)]
pub struct MetricInfo {
    /// Its id.
    pub id: String,
    /// What it measures.
    pub kind: CMetricKind,
    /// Its unit.
    pub unit: Unit,
    /// Pause threshold for compression metrics, ms.
    pub pause_ms: u64,
    /// Pause metrics: time while this holds is not hands-off time.
    pub except_while: Option<CCond>,
}

/// What a criterion's value is.
#[derive(Debug, Clone)]
pub enum CValue {
    /// Quantity.
    Quantity(QuantityIdx),
    /// Field.
    Field(u32),
    /// Metric.
    Metric(u32),
    /// Last reading of an instrument.
    Reading(EntityIdx),
    /// Held duration of the completing action.
    Duration,
}

/// How a criterion is checked.
#[derive(Debug, Clone)]
pub enum CCheck {
    /// A value in range.
    Value(CValue, Range),
    /// A condition.
    Holds(CCond),
    /// Two values within a tolerance of each other (in base units).
    Agrees(CValue, CValue, f64),
}

/// A criterion.
#[derive(Debug, Clone)]
pub struct CriterionInfo {
    /// Its id.
    pub id: String,
    /// The check.
    pub check: CCheck,
    /// Points (0 if unverified).
    pub points: f64,
    /// Failing it fails the session.
    pub critical: bool,
    /// Reported only.
    pub unverified: bool,
}

/// What a procedure node is.
#[derive(Debug, Clone)]
pub enum NodeKind {
    /// A step.
    Step(StepIdx),
    /// Ordered children.
    Sequence,
    /// Children in any order.
    AnyOrder,
    /// One child.
    OneOf,
    /// Repeated ordered children.
    Repeat {
        /// Rounds required.
        times: Option<u32>,
        /// Ends the repetition.
        until: Option<CCond>,
    },
}

/// A procedure node.
#[derive(Debug, Clone)]
pub struct NodeInfo {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: Text,
    /// What it is.
    pub kind: NodeKind,
    /// Its group, if not top-level.
    pub parent: Option<NodeIdx>,
    /// Its children, in order.
    pub children: Vec<NodeIdx>,
    /// Optional (itself or through a group).
    pub optional: bool,
    /// Nodes that must be completed first (explicit `after`).
    pub after: Vec<NodeIdx>,
    /// For sequences: order deviations are only commented on.
    pub order_unverified: bool,
    /// Depth in the tree (0 at top level).
    pub depth: u32,
}

/// A step.
#[derive(Debug, Clone)]
pub struct StepInfo {
    /// Its node.
    pub node: NodeIdx,
    /// What completes it.
    pub pattern: CPattern,
    /// Condition for the action to count.
    pub guard: Option<CCond>,
    /// Matching actions needed.
    pub repeat: u32,
    /// Judged when the learner commits to it, not when `pattern` matches (a measured amount).
    pub measured: bool,
    /// For a measured step: the action that commits to it.
    pub commit: Option<CPattern>,
    /// Points when done (0 if optional or unverified).
    pub points: f64,
    /// Missing it fails the session.
    pub critical: bool,
    /// Guidance only.
    pub unverified: bool,
    /// Criteria checked on completion.
    pub criteria: Vec<CriterionInfo>,
    /// Effects on completion.
    pub effects: Vec<CEffect>,
}

/// An error rule.
#[derive(Debug, Clone)]
pub struct ErrorInfo {
    /// Its id.
    pub id: String,
    /// When it happens.
    pub pattern: CPattern,
    /// Condition.
    pub guard: Option<CCond>,
    /// Severity.
    pub severity: Severity,
    /// Penalty per counted occurrence.
    pub penalty: f64,
    /// Penalise every occurrence.
    pub each_time: bool,
    /// Only inside this window: what opens it and what closes it.
    pub window: Option<(CPattern, CPattern)>,
}

/// A world rule.
#[derive(Debug, Clone)]
pub struct RuleInfo {
    /// When it applies.
    pub pattern: CPattern,
    /// Condition.
    pub guard: Option<CCond>,
    /// Effects.
    pub effects: Vec<CEffect>,
}

/// When an event fires.
#[derive(Debug, Clone)]
pub enum CTrigger {
    /// At a time (ms).
    At(u64),
    /// After a node's first completion (ms).
    AfterNode(NodeIdx, u64),
    /// When a condition becomes true.
    When(CCond),
    /// When an instructor triggers it.
    Instructor,
}

/// An event.
#[derive(Debug, Clone)]
pub struct EventInfo {
    /// Its id.
    pub id: String,
    /// Trigger.
    pub trigger: CTrigger,
    /// Guard.
    pub guard: Option<CCond>,
    /// Effects.
    pub effects: Vec<CEffect>,
    /// Live values in its message.
    pub slots: Vec<Slot>,
}

/// A fault.
#[derive(Debug, Clone)]
pub struct FaultInfo {
    /// Its id.
    pub id: String,
    /// Probability.
    pub chance: f64,
    /// Effects at the start.
    pub effects: Vec<CEffect>,
}

/// Who reacts to an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Listener {
    /// A step that may complete.
    Step(StepIdx),
    /// An error rule.
    Error(u32),
    /// A world rule.
    Rule(u32),
    /// A counting metric.
    Metric(u32),
    /// The action that commits to a measured step.
    Commit(StepIdx),
    /// What opens (`true`) or closes an error rule's window.
    Window(u32, bool),
}

/// Action kinds used as index keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// Grab of an entity.
    Grab(EntityIdx),
    /// Release of an entity.
    Release(EntityIdx),
    /// Use of an entity.
    Use(EntityIdx),
    /// Use of an entity on another.
    UseOn(EntityIdx),
    /// Touch involving an entity.
    Touch(EntityIdx),
    /// A gesture.
    Gesture(u32),
    /// A compression.
    Compress,
    /// Reading an entity.
    Read(EntityIdx),
    /// Entering a field.
    Enter(u32),
    /// Answering a decision.
    Choose(u32),
    /// Fast-forward.
    Wait,
}

/// Everything the tracker needs, indexed.
#[derive(Debug, Clone)]
pub struct Index {
    /// Hands, body parts, objects.
    pub entities: Vec<Entity>,
    /// The gloves the hands may show, in the scenario's order.
    pub gloves: Vec<CGloves>,
    /// Entity by id.
    pub entity_ids: HashMap<String, EntityIdx>,
    /// Facts.
    pub facts: Vec<FactInfo>,
    /// Taints.
    pub taints: Vec<TaintInfo>,
    /// Quantities.
    pub quantities: Vec<QuantityInfo>,
    /// Timer ids.
    pub timers: Vec<String>,
    /// For each timer, the elapsed times (ms) at which some condition on it can change, sorted:
    /// the tracker wakes up at each so that timed steps complete exactly on time.
    pub timer_thresholds: Vec<Vec<u64>>,
    /// Gestures.
    pub gestures: Vec<GestureInfo>,
    /// Gesture by id.
    pub gesture_ids: HashMap<String, u32>,
    /// Decisions.
    pub decisions: Vec<DecisionInfo>,
    /// Decision by id.
    pub decision_ids: HashMap<String, u32>,
    /// Fields.
    pub fields: Vec<FieldInfo>,
    /// Field by id.
    pub field_ids: HashMap<String, u32>,
    /// Metrics.
    pub metrics: Vec<MetricInfo>,
    /// Procedure nodes in document order.
    pub nodes: Vec<NodeInfo>,
    /// Top-level nodes.
    pub roots: Vec<NodeIdx>,
    /// Steps.
    pub steps: Vec<StepInfo>,
    /// Error rules.
    pub errors: Vec<ErrorInfo>,
    /// World rules.
    pub rules: Vec<RuleInfo>,
    /// Events.
    pub events: Vec<EventInfo>,
    /// Faults.
    pub faults: Vec<FaultInfo>,
    /// Session criteria.
    pub criteria: Vec<CriterionInfo>,
    /// Messages of `Say` effects.
    pub messages: Vec<Text>,
    /// The live values of each message of `Say` effects.
    pub message_slots: Vec<Vec<Slot>>,
    /// Listeners by action key, in declaration order.
    pub listeners: HashMap<Key, Vec<Listener>>,
    /// Listeners on state patterns, in declaration order.
    pub state_listeners: Vec<Listener>,
    /// Whether any event has a `When` trigger.
    pub has_state_events: bool,
    /// Scoring parameters.
    pub pass_mark: f64,
    /// Out-of-order penalty.
    pub out_of_order_penalty: f64,
    /// Hint penalty.
    pub hint_penalty: f64,
}

impl Index {
    /// Whether anything in the scenario waits for time to pass (timers, timed events): then the
    /// learner may fast-forward.
    pub fn has_timed_things(&self) -> bool {
        !self.timers.is_empty()
            || self
                .events
                .iter()
                .any(|e| !matches!(e.trigger, CTrigger::When(_) | CTrigger::Instructor))
    }

    /// The unit symbol a criterion's value is shown in (empty for plain numbers and text).
    pub fn value_unit(&self, v: &CValue) -> &'static str {
        match *v {
            CValue::Quantity(q) => self.quantities[q as usize].unit.symbol,
            CValue::Field(f) => self.fields[f as usize].unit.map_or("", |u| u.symbol),
            CValue::Metric(m) => self.metrics[m as usize].unit.symbol,
            CValue::Reading(e) => self.entities[e as usize]
                .display
                .as_ref()
                .map_or("", |d| self.quantities[d.quantity as usize].unit.symbol),
            CValue::Duration => "s",
        }
    }
}

impl Index {
    /// The most points a node can give (the static maximum: an open-ended repetition counts
    /// once).
    pub fn node_max(&self, n: NodeIdx) -> f64 {
        let node = &self.nodes[n as usize];
        match &node.kind {
            NodeKind::Step(s) => {
                let s = &self.steps[*s as usize];
                s.points + s.criteria.iter().map(|c| c.points).sum::<f64>()
            }
            NodeKind::Sequence | NodeKind::AnyOrder => {
                node.children.iter().map(|&c| self.node_max(c)).sum()
            }
            NodeKind::OneOf => node
                .children
                .iter()
                .map(|&c| self.node_max(c))
                .fold(0.0, f64::max),
            NodeKind::Repeat { times, .. } => {
                let body: f64 = node.children.iter().map(|&c| self.node_max(c)).sum();
                body * f64::from(times.unwrap_or(1))
            }
        }
    }
}
