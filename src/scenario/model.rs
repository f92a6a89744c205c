//! The scenario file as an instructor writes it: every type here maps one-to-one to RON.
//!
//! This module only describes the data. [`super::load`] reads it from RON, [`super::validate`]
//! checks its meaning, and [`super::Scenario`] indexes it for the tracker. The reference with an
//! example of every construct is `docs/scenario-format.md`.

use super::formula;
use super::units::{self, ParseProblem};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

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

/// The room the learner stands in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Room {
    /// Width (x), height (y) and depth (z) in metres; the floor is at y = 0, centred on x and z.
    pub size: (f64, f64, f64),
    /// Everything in the room.
    pub objects: Vec<Object>,
    /// Where the learner stands at the start (feet on the floor; only the rotation about y,
    /// the way they face, is used). Default: x = 0, z = 0.6, facing −z.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Pose>,
}

/// An object of the room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Object {
    /// Kebab-case id.
    pub id: ObjectId,
    /// Name shown when the learner points at it.
    pub name: Text,
    /// How it looks.
    pub model: Model,
    /// Its collision shape; required for glTF models, defaults to the primitive otherwise.
    #[serde(default)]
    pub collider: Option<Collider>,
    /// Where it stands.
    pub pose: Pose,
    /// Fixed, or grabbable with a mass.
    #[serde(default)]
    pub body: Body,
    /// Colour of a primitive model, `#rrggbb`.
    #[serde(default)]
    pub color: Option<String>,
    /// Tags for `#tag` references (`garment`, `sterile`).
    #[serde(default)]
    pub tags: Vec<String>,
    /// What the learner can do with it.
    #[serde(default)]
    pub affords: Vec<Affordance>,
    /// An instrument display showing a quantity.
    #[serde(default)]
    pub display: Option<Display>,
    /// The object is in the room only once this holds (an AED a bystander brings): until then
    /// it is not shown, cannot be pointed at, and actions on it are ignored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appears_when: Option<Condition>,
}

/// The look of an object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Model {
    /// A glTF binary file under `assets/`.
    Gltf(String),
    /// A box, sizes in metres.
    Cuboid {
        /// x, y, z extents.
        size: (f64, f64, f64),
    },
    /// A ball.
    Sphere {
        /// Radius in metres.
        radius: f64,
    },
    /// An upright cylinder.
    Cylinder {
        /// Radius in metres.
        radius: f64,
        /// Height in metres.
        height: f64,
    },
    /// An upright capsule.
    Capsule {
        /// Radius in metres.
        radius: f64,
        /// Height of the straight part in metres.
        height: f64,
    },
}

/// The collision shape of an object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Collider {
    /// A box.
    Cuboid {
        /// x, y, z extents in metres.
        size: (f64, f64, f64),
    },
    /// A ball.
    Sphere {
        /// Radius in metres.
        radius: f64,
    },
    /// An upright cylinder.
    Cylinder {
        /// Radius in metres.
        radius: f64,
        /// Height in metres.
        height: f64,
    },
    /// An upright capsule.
    Capsule {
        /// Radius in metres.
        radius: f64,
        /// Height of the straight part in metres.
        height: f64,
    },
    /// The convex hull of the model's mesh.
    ConvexHull,
}

/// Position and orientation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pose {
    /// x, y, z in metres.
    pub position: (f64, f64, f64),
    /// Rotation about x, y, z in degrees (applied in that order).
    #[serde(default)]
    pub rotation: (f64, f64, f64),
}

/// How physics treats an object.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub enum Body {
    /// Never moves (walls, furniture).
    #[default]
    Fixed,
    /// Can be picked up.
    Grabbable {
        /// Mass in kilograms.
        mass: f64,
    },
}

/// Something the learner can do with an object (the runtime offers these).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Affordance {
    /// Use it (press, switch on, open).
    Use {
        /// Name of the action in the hand menu, if not just "use".
        #[serde(default)]
        label: Option<Text>,
        /// What using it changes.
        #[serde(default)]
        effects: Vec<Effect>,
    },
    /// Use it on another entity (a garment on the body, a swab on the skin).
    UseOn {
        /// The entity it is used on.
        target: EntityRef,
        /// Name of the action in the hand menu.
        #[serde(default)]
        label: Option<Text>,
        /// What it changes.
        #[serde(default)]
        effects: Vec<Effect>,
        /// The hand lets go and the object stays where it was used (a pad stuck on the chest,
        /// a dressing on the arm).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        stays: bool,
    },
    /// A form where the learner enters a field's value.
    Enter(FieldId),
    /// The object asks the learner a decision.
    Choose(DecisionId),
    /// Chest compressions can be given on it.
    Compress,
    /// It can be read or inspected (instruments, labels).
    Read,
}

/// An instrument display showing a quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Display {
    /// The quantity it shows.
    pub shows: QuantityId,
    /// Smallest step of the display, in the quantity's unit (0.01 for a balance reading to 10 mg).
    pub resolution: f64,
    /// Half-width of the uniform reading noise, in the quantity's unit, drawn from the session seed.
    #[serde(default)]
    pub noise: f64,
}

/// A body part besides the hands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodyPart {
    /// Kebab-case id (`head`, `left-foot`).
    pub id: BodyPartId,
    /// Its name.
    pub name: Text,
    /// Tags for `#tag` references.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// The world state's declarations.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorldDecl {
    /// Named true/false facts.
    #[serde(default)]
    pub facts: Vec<FactDecl>,
    /// Facts every entity has that spread by touch (contamination).
    #[serde(default)]
    pub taints: Vec<Taint>,
    /// Numbers with units.
    #[serde(default)]
    pub quantities: Vec<QuantityDecl>,
    /// Timers started and stopped by effects.
    #[serde(default)]
    pub timers: Vec<TimerDecl>,
}

/// A named fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactDecl {
    /// `entity.fact` or a free-form kebab-case id.
    pub id: FactRef,
    /// Value at the start of a session.
    #[serde(default)]
    pub initial: bool,
    /// How the fact is described in the debrief.
    #[serde(default)]
    pub label: Option<Text>,
}

/// A fact that every entity has and that spreads by touch: when two entities touch and one of
/// them has it, both have it. An entity holding another shares its taints with what it holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Taint {
    /// The fact's name; `floor.contaminated` is the taint `contaminated` of `floor`.
    pub id: String,
    /// Description.
    pub label: Text,
    /// Entities that have it at the start (`#tag` allowed).
    #[serde(default)]
    pub initially: Vec<EntityRef>,
    /// Entities that always have it and are never cleaned (floors, walls).
    #[serde(default)]
    pub permanent: Vec<EntityRef>,
}

/// A number of the world state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuantityDecl {
    /// Kebab-case id, dots allowed (`beaker.mass`).
    pub id: QuantityId,
    /// Unit symbol (`g`, `mL`, `pH`, `°C`, `s`; empty for a plain number).
    pub unit: String,
    /// Value at the start of a session.
    #[serde(default)]
    pub initial: f64,
    /// Half-width of a uniform offset drawn from the session seed and added to `initial`.
    #[serde(default)]
    pub jitter: f64,
    /// A formula computing the value from other quantities; such a quantity is read-only.
    #[serde(default)]
    pub formula: Option<FormulaSpec>,
    /// The values the quantity can take (`"0..2000 mL"`, `">= 0 g"`): what the vessel, the
    /// instrument or the process allows. An effect never takes it past a limit (it stays at
    /// the limit), and the validator proves from it that every formula stays finite.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<RangeSpec>,
    /// How the quantity is described.
    #[serde(default)]
    pub label: Option<Text>,
}

/// A timer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimerDecl {
    /// Kebab-case id.
    pub id: TimerId,
    /// What it times, shown while it runs.
    pub label: Text,
}

/// A change to the world state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Effect {
    /// Make a fact true or false (`#tag.fact` sets it on every tagged entity).
    Set(FactRef, bool),
    /// Add an amount to a quantity (`"0.5 g"`).
    Add(QuantityId, QuantitySpec),
    /// Add a rate times the action's held duration (`"0.8 g/s"`), for gestures.
    Flow(QuantityId, QuantitySpec),
    /// Set a quantity to a value.
    Assign(QuantityId, QuantitySpec),
    /// Start (or restart) a timer.
    StartTimer(TimerId),
    /// Stop a timer.
    StopTimer(TimerId),
    /// Tell the learner something (a voice prompt, a caption), in every mode.
    Say(Text),
}

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
pub enum MetricKind {
    /// Total held time of these gestures, in s.
    GestureTime(Vec<GestureId>),
    /// Longest single hold of these gestures, in s.
    LongestGesture(Vec<GestureId>),
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
}

/// A node of the procedure graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
}

/// A test on the world state, the procedure and the session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
}

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
}

/// When an event happens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Trigger {
    /// At a session time.
    At(DurationSpec),
    /// A delay after a step is first completed.
    AfterStep(StepId, DurationSpec),
    /// As soon as a condition becomes true.
    When(Condition),
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

/// A string parsed when the file is read, keeping the problem (if any) for the validator.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<T> {
    /// The string as written.
    pub raw: String,
    /// Its meaning, or what is wrong with it.
    pub value: Result<T, ParseProblem>,
}

/// A range such as `"8.00 g ± 0.05 g"`, `">= 20 s"`, `"7.35..7.45"`.
pub type RangeSpec = Parsed<units::Range>;
/// A duration such as `"20 s"`, kept in milliseconds.
pub type DurationSpec = Parsed<u64>;
/// An amount such as `"0.5 g"`.
pub type QuantitySpec = Parsed<units::Quantity>;
/// A formula such as `"a - 0.028 * (b - 25)"`.
pub type FormulaSpec = Parsed<formula::Expr<formula::Name>>;

/// What a kind of string parses into.
pub trait ParseSpec: Sized {
    /// Parses the string.
    fn parse_spec(s: &str) -> Result<Self, ParseProblem>;
    /// Writes the parsed value in canonical form (for the scenario hash).
    fn canonical(&self) -> serde_json::Value;
}

impl ParseSpec for units::Range {
    fn parse_spec(s: &str) -> Result<Self, ParseProblem> {
        units::parse_range(s)
    }
    fn canonical(&self) -> serde_json::Value {
        let bound = |b: Option<units::Bound>| {
            b.map(|b| serde_json::json!({"value": b.value, "inclusive": b.inclusive}))
        };
        serde_json::json!({
            "min": bound(self.min),
            "max": bound(self.max),
            "nominal": self.nominal,
            "unit": self.unit.symbol,
        })
    }
}

impl ParseSpec for u64 {
    fn parse_spec(s: &str) -> Result<Self, ParseProblem> {
        units::parse_duration(s)
    }
    fn canonical(&self) -> serde_json::Value {
        serde_json::json!({ "ms": self })
    }
}

impl ParseSpec for units::Quantity {
    fn parse_spec(s: &str) -> Result<Self, ParseProblem> {
        units::parse_quantity(s)
    }
    fn canonical(&self) -> serde_json::Value {
        serde_json::json!({"value": self.value, "unit": self.unit.symbol})
    }
}

impl ParseSpec for formula::Expr<formula::Name> {
    fn parse_spec(s: &str) -> Result<Self, ParseProblem> {
        formula::parse(s)
    }
    fn canonical(&self) -> serde_json::Value {
        serde_json::Value::String(self.write(&|n: &formula::Name, _| n.text.clone()))
    }
}

impl<T: ParseSpec> Parsed<T> {
    /// Parses `raw`.
    pub fn new(raw: &str) -> Self {
        Parsed {
            raw: raw.to_string(),
            value: T::parse_spec(raw),
        }
    }
}

impl<'de, T: ParseSpec> Deserialize<'de> for Parsed<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Ok(Parsed::new(&raw))
    }
}

impl<T: ParseSpec> Serialize for Parsed<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.value {
            Ok(v) => v.canonical().serialize(s),
            Err(_) => self.raw.serialize(s),
        }
    }
}
