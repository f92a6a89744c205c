//! The tracker: a pure, deterministic state machine that follows one learner through one
//! procedure.
//!
//! Input: the scenario, a session configuration (seed, mode, forced faults) and the learner's
//! actions in order, each with its session time. Output: feedback after each action (step done,
//! out of order, error, hint, reading …) and, at any moment, the [`SessionOutcome`]. The same
//! inputs always give the same outputs, byte for byte once serialised: replay, re-scoring,
//! signed records and scripted tests rest on it.
//!
//! Time only moves with actions. [`Tracker::advance`] fires what is scheduled up to a time (for a
//! live runtime between actions): timed events, and wake-ups at every threshold a timer condition
//! tests. A replay fires the same things at the same times before the next action, so a live
//! session and its replay agree.
//!
//! ```
//! # use std::sync::Arc;
//! # use praxis::{action::*, tracker::*, scenario::Scenario};
//! # let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/hand-hygiene.ron")).unwrap();
//! let scenario = Arc::new(Scenario::from_ron_str("hand-hygiene.ron", &text).unwrap());
//! let mut tracker = Tracker::new(scenario, SessionConfig::default());
//! let mut feedback = Vec::new();
//! tracker.apply(&LearnerAction::at_secs(1.0, ActionKind::Use { object: "abhr-dispenser".into(), hand: Some(Hand::Right) }), &mut feedback);
//! assert!(!feedback.is_empty());
//! ```
//!
//! [`SessionOutcome`]: crate::scoring::SessionOutcome

pub mod feedback;
pub mod metrics;
pub mod world;

pub use feedback::{CriterionResult, Feedback, FeedbackKind, Rejection};

use crate::action::{ActionKind, EnteredValue, LearnerAction, SimTime};
use crate::rng::SplitMix64;
use crate::scenario::Scenario;
use crate::scenario::compiled::*;
use crate::scenario::model::Severity;
use crate::scenario::units;
use crate::scoring::SessionOutcome;
use metrics::Metrics;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;
use world::World;

/// Guided (instructions, hints, feedback shown) or assessment (nothing shown until the debrief).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Instructions, hints and feedback are shown.
    #[default]
    Guided,
    /// Nothing is shown until the debrief; hints are refused.
    Assessment,
}

impl Mode {
    /// `guided` or `assessment`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Guided => "guided",
            Mode::Assessment => "assessment",
        }
    }

    /// Parses `guided` or `assessment`.
    pub fn parse(s: &str) -> Option<Mode> {
        match s {
            "guided" => Some(Mode::Guided),
            "assessment" => Some(Mode::Assessment),
            _ => None,
        }
    }
}

/// How a session is set up, besides the scenario.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionConfig {
    /// Seed of the session's random draws (faults, jitter, reading noise).
    pub seed: u64,
    /// Guided or assessment.
    pub mode: Mode,
    /// Faults forced on (`true`) or off (`false`) whatever the draw.
    #[serde(default)]
    pub faults: BTreeMap<String, bool>,
    /// A pass mark that replaces the scenario's (a cmi5 LMS's `masteryScore`), 0 to 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pass_mark: Option<f64>,
}

/// The progress of one step.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StepState {
    /// Matching actions in the current round.
    pub count: u32,
    /// Done in the current round.
    pub done: bool,
    /// Times completed in the whole session.
    pub completions: u32,
    /// For each completion done before a prerequisite in a scored order: what was still
    /// missing. It counts as out of order only if one of those is done later (a prerequisite
    /// that is never done is a missed step, not an order error).
    pub early: Vec<Vec<NodeIdx>>,
    /// Latest result of each criterion.
    pub criteria: Vec<Option<CriterionResult>>,
    /// For a decision step: whether the first answer was right.
    pub correct: Option<bool>,
    /// Held duration of the latest matching action, ms.
    pub last_duration_ms: u64,
}

/// A learner's answer to a decision.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// Chosen choice indices.
    pub choices: Vec<u32>,
    /// Whether it was right.
    pub correct: bool,
    /// When.
    pub at: SimTime,
}

/// What failed the session.
#[derive(Debug, Clone, PartialEq)]
pub enum CriticalFailure {
    /// A critical error rule fired.
    Error(u32, SimTime),
    /// A critical decision was answered wrongly.
    Decision(u32, SimTime),
    /// A critical criterion failed (step, criterion index).
    Criterion(Option<StepIdx>, u32, SimTime),
}

/// A value entered in a field.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldValue {
    /// The value in the dimension's base unit, for numbers.
    pub base: Option<f64>,
    /// As entered.
    pub raw: EnteredValue,
}

/// Follows one learner through one procedure. See the [module documentation](self).
#[derive(Debug, Clone)]
pub struct Tracker {
    pub(crate) scenario: Arc<Scenario>,
    pub(crate) config: SessionConfig,
    pub(crate) now: SimTime,
    pub(crate) finished: bool,
    pub(crate) world: World,
    pub(crate) metrics: Metrics,
    pub(crate) steps: Vec<StepState>,
    pub(crate) node_done: Vec<bool>,
    pub(crate) node_first_done: Vec<Option<SimTime>>,
    pub(crate) rounds: Vec<u32>,
    pub(crate) until_met: Vec<bool>,
    pub(crate) branch: Vec<Option<NodeIdx>>,
    pub(crate) error_counts: Vec<(u32, u32)>,
    pub(crate) event_fired: Vec<Option<SimTime>>,
    scheduled: Vec<(SimTime, u32)>,
    pub(crate) faults: Vec<bool>,
    pub(crate) answers: Vec<Option<Answer>>,
    pub(crate) fields: Vec<Option<FieldValue>>,
    pub(crate) readings: Vec<Option<f64>>,
    pub(crate) hints: u32,
    pub(crate) critical: Vec<CriticalFailure>,
    edges: Vec<bool>,
    /// Facts no effect can change (permanent taints), by fact index.
    permanent: Vec<bool>,
    /// Each node's place among its parent's children (or among the top-level nodes).
    position: Vec<u32>,
    /// For each node whose children are ordered (and one past the last node, for the top
    /// level): how many of its first children are done or optional.
    done_prefix: Vec<u32>,
    rng: SplitMix64,
    scratch: Vec<Listener>,
    candidates: Vec<StepIdx>,
    until_nodes: Vec<NodeIdx>,
    when_events: Vec<u32>,
    after_node_events: Vec<Vec<u32>>,
}

/// A scheduled entry that is not an event: a timer reached a threshold.
const WAKE: u32 = u32::MAX;

/// An action with its names resolved to indices.
enum Act {
    Grab(EntityIdx, EntityIdx),
    Release(EntityIdx, EntityIdx, Option<EntityIdx>),
    Use(EntityIdx, Option<EntityIdx>),
    UseOn(EntityIdx, EntityIdx, Option<EntityIdx>),
    Touch(EntityIdx, EntityIdx),
    Gesture(u32, u64),
    Compress(Option<f64>, Option<bool>),
    Read(EntityIdx),
    Enter(u32, FieldValue),
    Choose(u32, Vec<u32>),
    Wait(u64),
}

impl Tracker {
    /// Starts a session: draws the seeded jitter and faults and schedules timed events.
    pub fn new(scenario: Arc<Scenario>, config: SessionConfig) -> Self {
        let ix = &scenario.index;
        let mut rng = SplitMix64::new(config.seed);
        let mut world = World::new(ix);
        for (q, info) in ix.quantities.iter().enumerate() {
            if info.jitter > 0.0 && info.formula.is_none() {
                world.quantities[q] = info.limit(world.quantities[q] + rng.symmetric(info.jitter));
            }
        }
        let faults: Vec<bool> = ix
            .faults
            .iter()
            .map(|f| {
                let drawn = rng.next_f64() < f.chance;
                config.faults.get(&f.id).copied().unwrap_or(drawn)
            })
            .collect();
        let n = ix.nodes.len();
        let mut after_node_events = vec![Vec::new(); n];
        let mut scheduled = Vec::new();
        let mut when_events = Vec::new();
        for (e, ev) in ix.events.iter().enumerate() {
            match ev.trigger {
                CTrigger::At(ms) => scheduled.push((SimTime(ms), e as u32)),
                CTrigger::AfterNode(node, _) => after_node_events[node as usize].push(e as u32),
                CTrigger::When(_) => when_events.push(e as u32),
            }
        }
        scheduled.sort_unstable();
        let until_nodes = (0..n as NodeIdx)
            .filter(|&i| {
                matches!(
                    ix.nodes[i as usize].kind,
                    NodeKind::Repeat { until: Some(_), .. }
                )
            })
            .collect();
        let mut tracker = Tracker {
            config,
            now: SimTime(0),
            finished: false,
            metrics: Metrics::new(ix),
            steps: ix
                .steps
                .iter()
                .map(|s| StepState {
                    criteria: vec![None; s.criteria.len()],
                    ..StepState::default()
                })
                .collect(),
            node_done: vec![false; n],
            node_first_done: vec![None; n],
            rounds: vec![0; n],
            until_met: vec![false; n],
            branch: vec![None; n],
            error_counts: vec![(0, 0); ix.errors.len()],
            event_fired: vec![None; ix.events.len()],
            scheduled,
            faults,
            answers: vec![None; ix.decisions.len()],
            fields: vec![None; ix.fields.len()],
            readings: vec![None; ix.entities.len()],
            hints: 0,
            critical: Vec::new(),
            edges: vec![false; ix.state_listeners.len()],
            permanent: ix.facts.iter().map(|f| f.permanent).collect(),
            position: {
                let mut position = vec![0; n];
                for node in ix
                    .nodes
                    .iter()
                    .map(|x| &x.children)
                    .chain(std::iter::once(&ix.roots))
                {
                    for (k, &c) in node.iter().enumerate() {
                        position[c as usize] = k as u32;
                    }
                }
                position
            },
            done_prefix: vec![0; n + 1],
            rng,
            scratch: Vec::new(),
            candidates: Vec::new(),
            until_nodes,
            when_events,
            after_node_events,
            world,
            scenario: Arc::clone(&scenario),
        };
        let fault_effects: Vec<Vec<CEffect>> = ix
            .faults
            .iter()
            .zip(&tracker.faults)
            .filter(|(_, on)| **on)
            .map(|(f, _)| f.effects.clone())
            .collect();
        for slot in 0..=n {
            tracker.advance_prefix(ix, slot);
        }
        let mut ignored = Vec::new();
        for effects in &fault_effects {
            tracker.apply_effects(effects, 0.0, &mut ignored);
        }
        tracker
    }

    /// The scenario.
    pub fn scenario(&self) -> &Arc<Scenario> {
        &self.scenario
    }

    /// The session configuration.
    pub fn config(&self) -> &SessionConfig {
        &self.config
    }

    /// Session time of the latest action or event.
    pub fn now(&self) -> SimTime {
        self.now
    }

    /// Whether the session has finished.
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// The world state.
    pub fn world(&self) -> &World {
        &self.world
    }

    /// The progress of each step.
    pub fn steps(&self) -> &[StepState] {
        &self.steps
    }

    /// Which faults are active in this session, by fault index.
    pub fn faults(&self) -> &[bool] {
        &self.faults
    }

    /// The last value an instrument displayed.
    pub fn reading(&self, object: EntityIdx) -> Option<f64> {
        self.readings.get(object as usize).copied().flatten()
    }

    /// Completions of step `s` done before a prerequisite that was done afterwards.
    pub fn out_of_order(&self, s: StepIdx) -> u32 {
        self.steps[s as usize]
            .early
            .iter()
            .filter(|missing| {
                missing
                    .iter()
                    .any(|&n| self.node_first_done[n as usize].is_some())
            })
            .count() as u32
    }

    /// The current value of a metric (`None` when not measurable).
    pub fn metric(&self, m: u32) -> Option<f64> {
        let info = self.scenario.index.metrics.get(m as usize)?;
        self.metrics
            .value(info, m as usize, self.now, &self.node_first_done)
    }

    /// The score so far, or the final outcome once finished.
    pub fn outcome(&self) -> SessionOutcome {
        crate::scoring::score(self)
    }

    /// Steps that can be done now without breaking the order, in document order (what a
    /// guided-mode panel shows).
    pub fn next_steps(&self) -> Vec<StepIdx> {
        (0..self.steps.len() as StepIdx)
            .filter(|&s| {
                self.open(s)
                    && self
                        .missing(self.scenario.index.steps[s as usize].node)
                        .iter()
                        .all(|(_, scored)| !scored)
            })
            .collect()
    }

    /// Fires the events scheduled up to `to` (for a live runtime between actions).
    pub fn advance(&mut self, to: SimTime, out: &mut Vec<Feedback>) {
        if !self.finished && to >= self.now {
            self.advance_events(to, out);
        }
    }

    /// Ends the session at `at` and returns its outcome.
    pub fn finish(&mut self, at: SimTime, out: &mut Vec<Feedback>) -> SessionOutcome {
        self.apply(
            &LearnerAction {
                at,
                kind: ActionKind::Finish,
            },
            out,
        );
        self.outcome()
    }

    /// Applies one action and appends what it caused to `out`.
    pub fn apply(&mut self, action: &LearnerAction, out: &mut Vec<Feedback>) {
        if self.finished {
            self.push(
                out,
                FeedbackKind::Rejected {
                    reason: Rejection::AfterFinish,
                },
            );
            return;
        }
        if action.at < self.now {
            self.push(
                out,
                FeedbackKind::Rejected {
                    reason: Rejection::TimeWentBackwards,
                },
            );
            return;
        }
        self.advance_events(action.at, out);
        self.now = action.at;
        let sc = Arc::clone(&self.scenario);
        let ix = &sc.index;
        match &action.kind {
            ActionKind::Finish => {
                self.settle(ix, out);
                self.finished = true;
                let passed = self.outcome().passed;
                self.push(out, FeedbackKind::Finished { passed });
                return;
            }
            ActionKind::Hint => {
                if self.config.mode == Mode::Assessment {
                    self.push(
                        out,
                        FeedbackKind::Rejected {
                            reason: Rejection::HintInAssessment,
                        },
                    );
                } else {
                    self.hints += 1;
                    let step = self.next_steps().first().copied();
                    self.push(out, FeedbackKind::Hint { step });
                }
                return;
            }
            _ => {}
        }
        let act = match resolve(ix, &action.kind) {
            Ok(a) => a,
            Err(name) => {
                self.push(out, FeedbackKind::Unknown { name });
                return;
            }
        };
        if let Act::Enter(_, v) = &act
            && v.base.is_some_and(|b| !b.is_finite())
        {
            self.push(
                out,
                FeedbackKind::Rejected {
                    reason: Rejection::NumberTooLarge,
                },
            );
            return;
        }
        let before = out.len();
        if !self.all_present(ix, &act) {
            // An object that is not in the room yet (`appears_when`): nothing happens.
            self.push(out, FeedbackKind::Unmatched);
            return;
        }
        self.act(ix, &act, out);
        if let Act::Wait(ms) = act {
            let to = SimTime(self.now.0.saturating_add(ms));
            self.advance_events(to, out);
            self.now = to;
        }
        self.settle(ix, out);
        if out.len() == before {
            self.push(out, FeedbackKind::Unmatched);
        }
    }

    /// Whether an entity is in the room now (objects with `appears_when` are not, until it
    /// holds).
    pub fn present(&self, e: EntityIdx) -> bool {
        let ix = &self.scenario.index;
        self.holds_opt(ix, ix.entities[e as usize].appears_when.as_ref())
    }

    fn all_present(&self, ix: &Index, act: &Act) -> bool {
        let (a, b, c) = match *act {
            Act::Grab(h, o) | Act::Touch(h, o) => (Some(h), Some(o), None),
            Act::Release(h, o, on) => (Some(h), Some(o), on),
            Act::Use(o, h) => (Some(o), h, None),
            Act::UseOn(o, t, h) => (Some(o), Some(t), h),
            Act::Read(o) => (Some(o), None, None),
            _ => (None, None, None),
        };
        [a, b, c]
            .into_iter()
            .flatten()
            .all(|e| self.holds_opt(ix, ix.entities[e as usize].appears_when.as_ref()))
    }

    fn push(&self, out: &mut Vec<Feedback>, kind: FeedbackKind) {
        out.push(Feedback { at: self.now, kind });
    }

    // ----- one action --------------------------------------------------------------------------

    fn act(&mut self, ix: &Index, act: &Act, out: &mut Vec<Feedback>) {
        // Who listens. Lists are sorted; a touch looks up both entities and merges the lists.
        let mut listeners = std::mem::take(&mut self.scratch);
        listeners.clear();
        let list = |k: Key| ix.listeners.get(&k).map_or(&[][..], Vec::as_slice);
        match *act {
            Act::Grab(_, o) => listeners.extend_from_slice(list(Key::Grab(o))),
            Act::Release(_, o, _) => listeners.extend_from_slice(list(Key::Release(o))),
            Act::Use(o, _) => listeners.extend_from_slice(list(Key::Use(o))),
            Act::UseOn(o, _, _) => listeners.extend_from_slice(list(Key::UseOn(o))),
            Act::Touch(a, b) => {
                let (x, y) = (
                    list(Key::Touch(a)),
                    if a == b { &[][..] } else { list(Key::Touch(b)) },
                );
                merge_sorted(x, y, &mut listeners);
            }
            Act::Gesture(g, _) => listeners.extend_from_slice(list(Key::Gesture(g))),
            Act::Compress(..) => listeners.extend_from_slice(list(Key::Compress)),
            Act::Read(o) => listeners.extend_from_slice(list(Key::Read(o))),
            Act::Enter(f, _) => listeners.extend_from_slice(list(Key::Enter(f))),
            Act::Choose(d, _) => listeners.extend_from_slice(list(Key::Choose(d))),
            Act::Wait(_) => listeners.extend_from_slice(list(Key::Wait)),
        }

        // Match against the state before the action.
        let mut candidates = std::mem::take(&mut self.candidates);
        candidates.clear();
        let mut errors: Vec<u32> = Vec::new();
        let mut rules: Vec<u32> = Vec::new();
        for &l in &listeners {
            match l {
                Listener::Step(s) => {
                    let step = &ix.steps[s as usize];
                    // A step already done in this round cannot be completed again.
                    if !self.steps[s as usize].done
                        && matches(&step.pattern, act)
                        && self.holds_opt(ix, step.guard.as_ref())
                    {
                        candidates.push(s);
                    }
                }
                Listener::Error(e) => {
                    let err = &ix.errors[e as usize];
                    if matches(&err.pattern, act) && self.holds_opt(ix, err.guard.as_ref()) {
                        errors.push(e);
                    }
                }
                Listener::Rule(r) => {
                    let rule = &ix.rules[r as usize];
                    if matches(&rule.pattern, act) && self.holds_opt(ix, rule.guard.as_ref()) {
                        rules.push(r);
                    }
                }
                Listener::Metric(m) => {
                    if let CMetricKind::Count(p) = &ix.metrics[m as usize].kind
                        && matches(p, act)
                    {
                        self.metrics.count(m);
                    }
                }
            }
        }
        self.scratch = listeners;
        let chosen = self.select(&candidates);
        self.candidates = candidates;
        // Correctness of an answer is judged on the state the learner saw.
        let answer = match act {
            Act::Choose(d, choices) => Some((*d, self.judge(ix, *d, choices))),
            _ => None,
        };

        for e in errors {
            self.error_fired(ix, e, out);
        }

        // What the action does to the world.
        let mut duration_ms = 0;
        match act {
            Act::Grab(hand, o) => {
                if let Some(slot) = World::hand_slot(*hand) {
                    if let Some(other) = self.world.holder(*o)
                        && let Some(other_slot) = World::hand_slot(other)
                    {
                        self.world.holding[other_slot] = None;
                    }
                    self.world.holding[slot] = Some(*o);
                }
                self.world.contact(ix, *hand, *o);
            }
            Act::Release(hand, o, on) => {
                if let Some(slot) = World::hand_slot(*hand)
                    && self.world.holding[slot] == Some(*o)
                {
                    self.world.holding[slot] = None;
                }
                if let Some(on) = on {
                    self.world.contact(ix, *o, *on);
                }
            }
            Act::Touch(a, b) => {
                self.world.contact(ix, *a, *b);
            }
            Act::Use(o, hand) => {
                if let Some(h) = hand {
                    self.world.contact(ix, *h, *o);
                }
                for a in &ix.entities[*o as usize].affordances {
                    if let CAffordance::Use(effects) = a {
                        self.apply_effects(effects, 0.0, out);
                    }
                }
            }
            Act::UseOn(o, t, hand) => {
                if let Some(h) = hand {
                    self.world.contact(ix, *h, *o);
                }
                for a in &ix.entities[*o as usize].affordances {
                    if let CAffordance::UseOn(targets, effects) = a
                        && targets.contains(t)
                    {
                        self.apply_effects(effects, 0.0, out);
                    }
                }
            }
            Act::Gesture(g, ms) => {
                duration_ms = *ms;
                self.metrics.gesture(*g, *ms);
                self.apply_effects(&ix.gestures[*g as usize].effects, *ms as f64 / 1000.0, out);
            }
            Act::Compress(depth, recoil) => {
                self.metrics.compress(ix, self.now, *depth, *recoil);
            }
            Act::Read(o) => {
                if let Some(d) = &ix.entities[*o as usize].display {
                    let value = self.world.quantity(ix, d.quantity);
                    let noise = if d.noise > 0.0 {
                        self.rng.symmetric(d.noise)
                    } else {
                        0.0
                    };
                    let shown = ((value + noise) / d.resolution).round() * d.resolution;
                    self.readings[*o as usize] = Some(shown);
                    self.push(
                        out,
                        FeedbackKind::Reading {
                            object: *o,
                            value: shown,
                        },
                    );
                }
            }
            Act::Enter(f, v) => {
                self.fields[*f as usize] = Some(v.clone());
            }
            Act::Choose(d, choices) => {
                let correct = answer.map(|(_, c)| c).unwrap_or(false);
                let info = &ix.decisions[*d as usize];
                self.answers[*d as usize] = Some(Answer {
                    choices: choices.clone(),
                    correct,
                    at: self.now,
                });
                self.push(
                    out,
                    FeedbackKind::Answer {
                        decision: *d,
                        correct,
                        critical: info.critical,
                    },
                );
                if info.critical && !correct {
                    self.critical.push(CriticalFailure::Decision(*d, self.now));
                }
                for &c in choices {
                    self.apply_effects(&info.choices[c as usize].effects, 0.0, out);
                }
            }
            Act::Wait(_) => {}
        }
        for r in rules {
            self.apply_effects(
                &ix.rules[r as usize].effects,
                duration_ms as f64 / 1000.0,
                out,
            );
        }
        if let Some((s, missing)) = chosen {
            if let Some((_, correct)) = answer {
                let st = &mut self.steps[s as usize];
                st.correct.get_or_insert(correct);
            }
            self.progress(ix, s, missing, duration_ms, out);
        }
    }

    /// Whether a decision answer is right, with `correct_when` judged now.
    fn judge(&self, ix: &Index, d: u32, chosen: &[u32]) -> bool {
        let info = &ix.decisions[d as usize];
        if !info.multiple && chosen.len() != 1 {
            return false;
        }
        info.choices.iter().enumerate().all(|(i, c)| {
            let correct = match &c.correct_when {
                Some(cond) => self.holds(ix, cond),
                None => c.correct,
            };
            correct == chosen.contains(&(i as u32))
        })
    }

    fn error_fired(&mut self, ix: &Index, e: u32, out: &mut Vec<Feedback>) {
        let info = &ix.errors[e as usize];
        let (count, counted) = &mut self.error_counts[e as usize];
        *count += 1;
        let this_counted = info.each_time || *count == 1;
        if this_counted {
            *counted += 1;
        }
        let first = *count == 1;
        self.push(
            out,
            FeedbackKind::Error {
                error: e,
                severity: info.severity,
                counted: this_counted,
            },
        );
        if info.severity == Severity::Critical && first {
            self.critical.push(CriticalFailure::Error(e, self.now));
        }
    }

    // ----- steps -------------------------------------------------------------------------------

    /// Picks the step an action completes: the first open candidate whose prerequisites are
    /// done, else the first open candidate (then done out of order).
    fn select(&self, candidates: &[StepIdx]) -> Option<(StepIdx, Vec<(NodeIdx, bool)>)> {
        let mut fallback = None;
        for &s in candidates {
            if !self.open(s) {
                continue;
            }
            let missing = self.missing(self.scenario.index.steps[s as usize].node);
            if missing.is_empty() {
                return Some((s, missing));
            }
            if fallback.is_none() {
                fallback = Some((s, missing));
            }
        }
        fallback
    }

    /// Not done in this round, and not in an alternative the learner did not take.
    fn open(&self, s: StepIdx) -> bool {
        if self.steps[s as usize].done {
            return false;
        }
        let ix = &self.scenario.index;
        let mut child = ix.steps[s as usize].node;
        while let Some(parent) = ix.nodes[child as usize].parent {
            match ix.nodes[parent as usize].kind {
                NodeKind::OneOf => {
                    if let Some(b) = self.branch[parent as usize]
                        && b != child
                    {
                        return false;
                    }
                }
                NodeKind::Repeat { .. } if self.node_done[parent as usize] => return false,
                _ => {}
            }
            child = parent;
        }
        true
    }

    /// What must be done before node `n` and is not, with whether the order is scored.
    fn missing(&self, n: NodeIdx) -> Vec<(NodeIdx, bool)> {
        let ix = &self.scenario.index;
        let mut out: Vec<(NodeIdx, bool)> = Vec::new();
        let mut cur = n;
        loop {
            let node = &ix.nodes[cur as usize];
            for &a in &node.after {
                if self.node_first_done[a as usize].is_none() {
                    out.push((self.first_open(a), true));
                }
            }
            let (siblings, scored): (&[NodeIdx], bool) = match node.parent {
                None => (&ix.roots, true),
                Some(p) => {
                    let parent = &ix.nodes[p as usize];
                    match parent.kind {
                        NodeKind::Sequence | NodeKind::Repeat { .. } => {
                            (&parent.children, !parent.order_unverified)
                        }
                        _ => (&[], true),
                    }
                }
            };
            // Skip the scan when every earlier sibling is known to be done.
            let slot = node.parent.map_or(ix.nodes.len(), |p| p as usize);
            if self.position[cur as usize] > self.done_prefix[slot] {
                for &sib in siblings {
                    if sib == cur {
                        break;
                    }
                    if !ix.nodes[sib as usize].optional && !self.node_done[sib as usize] {
                        out.push((self.first_open(sib), scored));
                    }
                }
            }
            match node.parent {
                Some(p) => cur = p,
                None => break,
            }
        }
        out.dedup();
        out
    }

    /// The first thing left to do inside node `n` (itself for steps and unordered groups).
    fn first_open(&self, n: NodeIdx) -> NodeIdx {
        let ix = &self.scenario.index;
        let node = &ix.nodes[n as usize];
        match node.kind {
            NodeKind::Sequence | NodeKind::Repeat { .. } => node
                .children
                .iter()
                .find(|&&c| !ix.nodes[c as usize].optional && !self.node_done[c as usize])
                .map_or(n, |&c| self.first_open(c)),
            _ => n,
        }
    }

    fn progress(
        &mut self,
        ix: &Index,
        s: StepIdx,
        missing: Vec<(NodeIdx, bool)>,
        duration_ms: u64,
        out: &mut Vec<Feedback>,
    ) {
        let info = &ix.steps[s as usize];
        // Taking a step inside an alternative commits to that alternative.
        let mut child = info.node;
        while let Some(parent) = ix.nodes[child as usize].parent {
            if matches!(ix.nodes[parent as usize].kind, NodeKind::OneOf)
                && self.branch[parent as usize].is_none()
            {
                self.branch[parent as usize] = Some(child);
            }
            child = parent;
        }
        let st = &mut self.steps[s as usize];
        st.count += 1;
        st.last_duration_ms = duration_ms;
        if st.count < info.repeat {
            let (count, of) = (st.count, info.repeat);
            self.push(out, FeedbackKind::StepProgress { step: s, count, of });
            return;
        }
        let in_order = missing.is_empty();
        if !in_order {
            let scored = missing.iter().any(|(_, scored)| *scored);
            if scored {
                st.early.push(
                    missing
                        .iter()
                        .filter(|(_, scored)| *scored)
                        .map(|(n, _)| *n)
                        .collect(),
                );
            }
            let missing = missing.into_iter().map(|(n, _)| n).collect();
            self.push(
                out,
                FeedbackKind::OutOfOrder {
                    step: s,
                    missing,
                    scored,
                },
            );
        }
        let st = &mut self.steps[s as usize];
        st.done = true;
        st.completions += 1;
        let completion = st.completions;
        self.push(
            out,
            FeedbackKind::StepDone {
                step: s,
                in_order,
                completion,
            },
        );
        // The step's own completion time counts for its criteria (`TimeBetween(x, this step)`).
        self.first_completion(ix, info.node);
        for (c, criterion) in info.criteria.iter().enumerate() {
            let result = self.check(ix, &criterion.check, Some(s));
            self.steps[s as usize].criteria[c] = Some(result);
            self.push(
                out,
                FeedbackKind::Criterion {
                    step: Some(s),
                    criterion: c as u32,
                    result,
                    critical: criterion.critical,
                },
            );
            if criterion.critical && matches!(result, CriterionResult::Failed { .. }) {
                self.critical
                    .push(CriticalFailure::Criterion(Some(s), c as u32, self.now));
            }
        }
        self.apply_effects(&info.effects, 0.0, out);
        self.node_completed(ix, info.node, out);
    }

    /// Marks a node done and completes the groups this finishes.
    fn node_completed(&mut self, ix: &Index, n: NodeIdx, out: &mut Vec<Feedback>) {
        self.mark_done(ix, n, out);
        let mut cur = n;
        while let Some(p) = ix.nodes[cur as usize].parent {
            if self.node_done[p as usize] {
                break;
            }
            let parent = &ix.nodes[p as usize];
            let children_done = |t: &Self| {
                parent
                    .children
                    .iter()
                    .all(|&c| ix.nodes[c as usize].optional || t.node_done[c as usize])
            };
            match parent.kind {
                NodeKind::Repeat { times, .. } => {
                    if !children_done(self) {
                        break;
                    }
                    self.rounds[p as usize] += 1;
                    let round = self.rounds[p as usize];
                    self.push(out, FeedbackKind::RoundDone { node: p, round });
                    if times.is_some_and(|t| round >= t) {
                        self.mark_done(ix, p, out);
                        cur = p;
                    } else {
                        self.reset_below(ix, p);
                        break;
                    }
                }
                NodeKind::OneOf => {
                    if !parent.children.iter().any(|&c| self.node_done[c as usize]) {
                        break;
                    }
                    self.mark_done(ix, p, out);
                    cur = p;
                }
                _ => {
                    if !children_done(self) {
                        break;
                    }
                    self.mark_done(ix, p, out);
                    cur = p;
                }
            }
        }
    }

    /// Moves a group's done prefix past its children that are done or optional.
    fn advance_prefix(&mut self, ix: &Index, slot: usize) {
        let children: &[NodeIdx] = if slot == ix.nodes.len() {
            &ix.roots
        } else {
            &ix.nodes[slot].children
        };
        let mut k = self.done_prefix[slot] as usize;
        while k < children.len()
            && (ix.nodes[children[k] as usize].optional || self.node_done[children[k] as usize])
        {
            k += 1;
        }
        self.done_prefix[slot] = k as u32;
    }

    fn mark_done(&mut self, ix: &Index, n: NodeIdx, out: &mut Vec<Feedback>) {
        self.node_done[n as usize] = true;
        let slot = ix.nodes[n as usize]
            .parent
            .map_or(ix.nodes.len(), |p| p as usize);
        self.advance_prefix(ix, slot);
        if !matches!(ix.nodes[n as usize].kind, NodeKind::Step(_)) {
            self.push(out, FeedbackKind::GroupDone { node: n });
        }
        self.first_completion(ix, n);
    }

    /// Records when node `n` was first done and schedules the events that follow it.
    fn first_completion(&mut self, ix: &Index, n: NodeIdx) {
        if self.node_first_done[n as usize].is_none() {
            self.node_first_done[n as usize] = Some(self.now);
            for &e in &self.after_node_events[n as usize] {
                if let CTrigger::AfterNode(_, delay) = ix.events[e as usize].trigger {
                    let at = SimTime(self.now.0.saturating_add(delay));
                    let pos = self.scheduled.partition_point(|&x| x <= (at, e));
                    self.scheduled.insert(pos, (at, e));
                }
            }
        }
    }

    /// Starts a new round of a `Repeat`: everything inside is to be done again.
    fn reset_below(&mut self, ix: &Index, n: NodeIdx) {
        for &c in &ix.nodes[n as usize].children {
            self.node_done[c as usize] = false;
            self.branch[c as usize] = None;
            match ix.nodes[c as usize].kind {
                NodeKind::Step(s) => {
                    let st = &mut self.steps[s as usize];
                    st.done = false;
                    st.count = 0;
                }
                _ => {
                    self.rounds[c as usize] = 0;
                    self.until_met[c as usize] = false;
                    self.reset_below(ix, c);
                }
            }
        }
        // Only now that the children are undone can the prefix be recomputed.
        self.done_prefix[n as usize] = 0;
        self.advance_prefix(ix, n as usize);
    }

    // ----- state -------------------------------------------------------------------------------

    fn holds_opt(&self, ix: &Index, c: Option<&CCond>) -> bool {
        c.is_none_or(|c| self.holds(ix, c))
    }

    /// Evaluates a condition on the current state.
    fn holds(&self, ix: &Index, c: &CCond) -> bool {
        match c {
            CCond::Fact(facts) => facts.iter().any(|&f| self.world.facts[f as usize]),
            CCond::Not(c) => !self.holds(ix, c),
            CCond::All(list) => list.iter().all(|c| self.holds(ix, c)),
            CCond::Any(list) => list.iter().any(|c| self.holds(ix, c)),
            CCond::Quantity(q, r) => {
                let unit = ix.quantities[*q as usize].unit;
                r.contains_base(self.world.quantity(ix, *q) * unit.factor)
            }
            CCond::Metric(m, r) => self.metric(*m).is_some_and(|v| r.contains_base(v)),
            CCond::Elapsed(t, r) => self.world.timers[*t as usize].is_some_and(|start| {
                r.contains_base(self.now.0.saturating_sub(start.0) as f64 / 1000.0)
            }),
            CCond::Done(n) => self.node_first_done[*n as usize].is_some(),
            CCond::Chose(d, c) => self.answers[*d as usize]
                .as_ref()
                .is_some_and(|a| a.choices.contains(c)),
            CCond::Holding(hands, objects) => hands.iter().any(|&h| {
                World::hand_slot(h)
                    .and_then(|slot| self.world.holding[slot])
                    .is_some_and(|o| objects.contains(&o))
            }),
            CCond::Occurred(e) => self.event_fired[*e as usize].is_some(),
            CCond::Fault(f) => self.faults[*f as usize],
        }
    }

    /// Checks a criterion now.
    pub(crate) fn check(
        &self,
        ix: &Index,
        check: &CCheck,
        step: Option<StepIdx>,
    ) -> CriterionResult {
        match check {
            CCheck::Holds(c) => {
                if self.holds(ix, c) {
                    CriterionResult::Passed { value: None }
                } else {
                    CriterionResult::Failed { value: None }
                }
            }
            CCheck::Agrees(a, b, tolerance) => {
                match (self.value_of(ix, a, step), self.value_of(ix, b, step)) {
                    (Some((shown, x)), Some((_, y))) => {
                        if (x - y).abs() <= tolerance * (1.0 + 1e-9) {
                            CriterionResult::Passed { value: Some(shown) }
                        } else {
                            CriterionResult::Failed { value: Some(shown) }
                        }
                    }
                    _ if matches!(a, CValue::Metric(_)) || matches!(b, CValue::Metric(_)) => {
                        CriterionResult::NotAssessed
                    }
                    _ => CriterionResult::Failed { value: None },
                }
            }
            CCheck::Value(v, range) => match (v, self.value_of(ix, v, step)) {
                (CValue::Metric(_), None) => CriterionResult::NotAssessed,
                (_, None) => CriterionResult::Failed { value: None },
                (_, Some((shown, base))) => {
                    if range.contains_base(base) {
                        CriterionResult::Passed { value: Some(shown) }
                    } else {
                        CriterionResult::Failed { value: Some(shown) }
                    }
                }
            },
        }
    }

    /// A criterion's value now: as shown (in its own unit) and in base units.
    fn value_of(&self, ix: &Index, v: &CValue, step: Option<StepIdx>) -> Option<(f64, f64)> {
        match v {
            CValue::Quantity(q) => {
                let unit = ix.quantities[*q as usize].unit;
                let value = self.world.quantity(ix, *q);
                Some((value, value * unit.factor))
            }
            CValue::Field(f) => self.fields[*f as usize].as_ref().and_then(|fv| {
                let unit = ix.fields[*f as usize].unit?;
                fv.base.map(|b| (b / unit.factor, b))
            }),
            CValue::Metric(m) => self.metric(*m).map(|v| (v, v)),
            CValue::Reading(e) => self.readings[*e as usize].and_then(|r| {
                let q = ix.entities[*e as usize].display.as_ref()?.quantity;
                Some((r, r * ix.quantities[q as usize].unit.factor))
            }),
            CValue::Duration => step.map(|s| {
                let secs = self.steps[s as usize].last_duration_ms as f64 / 1000.0;
                (secs, secs)
            }),
        }
    }

    /// Applies effects; `Flow` effects scale with `duration_s`. Returns whether anything changed.
    /// Sets a stored quantity, kept within its range (within the largest finite numbers
    /// without one: a value past a limit stays at the limit); returns whether it changed.
    fn set_quantity(&mut self, q: u32, v: f64) -> bool {
        let v = self.scenario.index.quantities[q as usize].limit(v);
        let slot = &mut self.world.quantities[q as usize];
        let changed = *slot != v;
        *slot = v;
        changed
    }

    fn apply_effects(
        &mut self,
        effects: &[CEffect],
        duration_s: f64,
        out: &mut Vec<Feedback>,
    ) -> bool {
        let mut changed = false;
        for e in effects {
            match e {
                CEffect::Set(facts, v) => {
                    for &f in facts {
                        let f = f as usize;
                        if self.permanent[f] {
                            continue;
                        }
                        if self.world.facts[f] != *v {
                            self.world.facts[f] = *v;
                            changed = true;
                        }
                    }
                }
                CEffect::Add(q, dv) => {
                    let v = self.world.quantities[*q as usize] + dv;
                    changed |= self.set_quantity(*q, v);
                }
                CEffect::Flow(q, rate) => {
                    let v = self.world.quantities[*q as usize] + rate * duration_s;
                    changed |= self.set_quantity(*q, v);
                }
                CEffect::Assign(q, v) => changed |= self.set_quantity(*q, *v),
                CEffect::StartTimer(t) => {
                    self.world.timers[*t as usize] = Some(self.now);
                    changed = true;
                    for k in 0..self.scenario.index.timer_thresholds[*t as usize].len() {
                        let th = self.scenario.index.timer_thresholds[*t as usize][k];
                        let at = SimTime(self.now.0.saturating_add(th));
                        let pos = self.scheduled.partition_point(|&x| x <= (at, WAKE));
                        self.scheduled.insert(pos, (at, WAKE));
                    }
                }
                CEffect::StopTimer(t) => {
                    changed |= self.world.timers[*t as usize].take().is_some();
                }
                CEffect::Say(m) => self.push(out, FeedbackKind::Say { message: *m }),
            }
        }
        changed
    }

    // ----- time and state-triggered things -----------------------------------------------------

    fn advance_events(&mut self, to: SimTime, out: &mut Vec<Feedback>) {
        if self.scheduled.first().is_none_or(|&(at, _)| at > to) {
            return;
        }
        while let Some(&(at, e)) = self.scheduled.first() {
            if at > to {
                break;
            }
            self.scheduled.remove(0);
            self.now = self.now.max(at);
            if e == WAKE {
                // A timer reached a threshold some condition tests: re-evaluate.
                let sc = Arc::clone(&self.scenario);
                self.settle(&sc.index, out);
                continue;
            }
            let ix = Arc::clone(&self.scenario);
            let ix = &ix.index;
            if self.event_fired[e as usize].is_none()
                && self.holds_opt(ix, ix.events[e as usize].guard.as_ref())
            {
                self.fire_event(ix, e, out);
            }
            self.settle(ix, out);
        }
    }

    fn fire_event(&mut self, ix: &Index, e: u32, out: &mut Vec<Feedback>) {
        self.event_fired[e as usize] = Some(self.now);
        self.push(out, FeedbackKind::Event { event: e });
        let effects = &ix.events[e as usize].effects;
        self.apply_effects(effects, 0.0, out);
    }

    /// Fires what became true: state-triggered steps, errors, rules and events, and `until` of
    /// repeats, until nothing more changes.
    fn settle(&mut self, ix: &Index, out: &mut Vec<Feedback>) {
        for _ in 0..16 {
            let mut changed = false;
            for (i, &l) in ix.state_listeners.iter().enumerate() {
                let (pattern, guard) = match l {
                    Listener::Step(s) => {
                        (&ix.steps[s as usize].pattern, &ix.steps[s as usize].guard)
                    }
                    Listener::Error(e) => {
                        (&ix.errors[e as usize].pattern, &ix.errors[e as usize].guard)
                    }
                    Listener::Rule(r) => {
                        (&ix.rules[r as usize].pattern, &ix.rules[r as usize].guard)
                    }
                    Listener::Metric(_) => continue,
                };
                let CPattern::State(cond) = pattern else {
                    continue;
                };
                let now_true = self.holds(ix, cond);
                let was = std::mem::replace(&mut self.edges[i], now_true);
                if !now_true || was || !self.holds_opt(ix, guard.as_ref()) {
                    continue;
                }
                match l {
                    Listener::Step(s) => {
                        if self.open(s) {
                            let missing = self.missing(ix.steps[s as usize].node);
                            self.progress(ix, s, missing, 0, out);
                            changed = true;
                        }
                    }
                    Listener::Error(e) => self.error_fired(ix, e, out),
                    Listener::Rule(r) => {
                        changed |= self.apply_effects(&ix.rules[r as usize].effects, 0.0, out);
                    }
                    Listener::Metric(_) => {}
                }
            }
            for k in 0..self.when_events.len() {
                let e = self.when_events[k];
                if self.event_fired[e as usize].is_some() {
                    continue;
                }
                let ev = &ix.events[e as usize];
                if let CTrigger::When(c) = &ev.trigger
                    && self.holds(ix, c)
                    && self.holds_opt(ix, ev.guard.as_ref())
                {
                    self.fire_event(ix, e, out);
                    changed = true;
                }
            }
            for k in 0..self.until_nodes.len() {
                let n = self.until_nodes[k];
                if self.node_done[n as usize] {
                    continue;
                }
                if let NodeKind::Repeat { until: Some(c), .. } = &ix.nodes[n as usize].kind
                    && self.holds(ix, c)
                {
                    self.until_met[n as usize] = true;
                    self.node_completed(ix, n, out);
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        // Pause metrics: when their `except_while` starts or stops holding.
        for (m, info) in ix.metrics.iter().enumerate() {
            if let Some(c) = &info.except_while {
                let holds = self.holds(ix, c);
                self.metrics.states[m].except(holds, self.now);
            }
        }
    }
}

/// Merges two sorted lists without duplicates.
fn merge_sorted(x: &[Listener], y: &[Listener], out: &mut Vec<Listener>) {
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => {
                out.push(x[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(y[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(x[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&x[i..]);
    out.extend_from_slice(&y[j..]);
}

/// Resolves an action's names; the error is the first name the scenario does not have.
fn resolve(ix: &Index, kind: &ActionKind) -> Result<Act, String> {
    let entity = |id: &str| ix.entity_ids.get(id).copied().ok_or_else(|| id.to_string());
    Ok(match kind {
        ActionKind::Grab { hand, object } => {
            Act::Grab(entity(hand.id())?, entity(object.as_str())?)
        }
        ActionKind::Release {
            hand, object, on, ..
        } => Act::Release(
            entity(hand.id())?,
            entity(object.as_str())?,
            on.as_ref().map(|o| entity(o.as_str())).transpose()?,
        ),
        ActionKind::Use { object, hand } => Act::Use(
            entity(object.as_str())?,
            hand.map(|h| entity(h.id())).transpose()?,
        ),
        ActionKind::UseOn {
            object,
            target,
            hand,
        } => Act::UseOn(
            entity(object.as_str())?,
            entity(target.as_str())?,
            hand.map(|h| entity(h.id())).transpose()?,
        ),
        ActionKind::Touch { a, b } => Act::Touch(entity(a.as_str())?, entity(b.as_str())?),
        ActionKind::Gesture {
            gesture,
            duration_ms,
            ..
        } => Act::Gesture(
            ix.gesture_ids
                .get(gesture.as_str())
                .copied()
                .ok_or_else(|| gesture.to_string())?,
            *duration_ms,
        ),
        ActionKind::Compress {
            depth_mm,
            full_recoil,
            ..
        } => Act::Compress(*depth_mm, *full_recoil),
        ActionKind::Read { object } => Act::Read(entity(object.as_str())?),
        ActionKind::Enter { field, value } => {
            let f = ix
                .field_ids
                .get(field.as_str())
                .copied()
                .ok_or_else(|| field.to_string())?;
            let base = match value {
                EnteredValue::Number { value, unit } => {
                    let field_unit = ix.fields[f as usize].unit;
                    let unit = match (unit, field_unit) {
                        (Some(u), _) => Some(units::unit(u).ok_or_else(|| format!("unit {u}"))?),
                        (None, fu) => fu,
                    };
                    match (unit, field_unit) {
                        (Some(u), Some(fu)) if units::compatible(u, fu) => Some(value * u.factor),
                        (Some(u), Some(_)) => return Err(format!("unit {}", u.symbol)),
                        _ => None,
                    }
                }
                EnteredValue::Text { .. } => None,
            };
            Act::Enter(
                f,
                FieldValue {
                    base,
                    raw: value.clone(),
                },
            )
        }
        ActionKind::Choose { decision, choices } => {
            let d = ix
                .decision_ids
                .get(decision.as_str())
                .copied()
                .ok_or_else(|| decision.to_string())?;
            let info = &ix.decisions[d as usize];
            let mut picked = Vec::new();
            for c in choices {
                let i = info
                    .choices
                    .iter()
                    .position(|x| x.id == c.as_str())
                    .ok_or_else(|| c.to_string())?;
                if !picked.contains(&(i as u32)) {
                    picked.push(i as u32);
                }
            }
            picked.sort_unstable();
            Act::Choose(d, picked)
        }
        ActionKind::Wait { duration_ms } => Act::Wait(*duration_ms),
        ActionKind::Hint | ActionKind::Finish => return Err("(internal)".into()),
    })
}

/// Whether a resolved action fits a pattern (entity sets are sorted).
fn matches(p: &CPattern, act: &Act) -> bool {
    let has = |set: &[EntityIdx], e: EntityIdx| set.binary_search(&e).is_ok();
    match (p, act) {
        (CPattern::Grab(s), Act::Grab(_, o)) => has(s, *o),
        (CPattern::Release(s, on), Act::Release(_, o, at)) => {
            has(s, *o)
                && on
                    .as_ref()
                    .is_none_or(|on| at.is_some_and(|at| has(on, at)))
        }
        (CPattern::Use(s), Act::Use(o, _)) => has(s, *o),
        (CPattern::UseOn(s, t), Act::UseOn(o, target, _)) => has(s, *o) && has(t, *target),
        (CPattern::Touch(a, b), Act::Touch(x, y)) => {
            let side = |first: EntityIdx, second: EntityIdx| {
                has(a, first) && b.as_ref().is_none_or(|b| has(b, second))
            };
            side(*x, *y) || side(*y, *x)
        }
        (CPattern::Gesture(g), Act::Gesture(h, _)) => g == h,
        (CPattern::Compress, Act::Compress(..)) => true,
        (CPattern::Read(s), Act::Read(o)) => has(s, *o),
        (CPattern::Enter(f), Act::Enter(g, _)) => f == g,
        (CPattern::Choose(d), Act::Choose(e, _)) => d == e,
        (CPattern::Wait, Act::Wait(_)) => true,
        _ => false,
    }
}
