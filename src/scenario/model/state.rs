//! The world state: facts, taints, quantities, timers, and the effects that change them.

use super::*;

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
#[serde(deny_unknown_fields)]
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
    /// Discard the object and take a new one from its `stock`: its own facts (`object.…`, its
    /// taints included) return to how the scenario declares them, and one fewer is left. With
    /// none left, nothing changes and the learner is told.
    Replace(ObjectId),
}
