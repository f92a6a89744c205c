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
//! Ways in: [`Tracker::new`] starts a session, [`Tracker::apply`] takes an action,
//! [`Tracker::advance`] moves time between actions and [`Tracker::finish`] ends it; the
//! accessors and [`Tracker::outcome`] read it. Each concern has its file: `config.rs`
//! (starting a session), `resolve.rs` (an action's names to indices, patterns), `procedure.rs`
//! (step progress and errors), `conditions.rs`, `events.rs` (effects, timed events, rules),
//! `score.rs` (the outcome), with `world.rs`, `metrics.rs` and `feedback.rs`.
//!
//! [`SessionOutcome`]: crate::scoring::SessionOutcome

pub mod cpr;
pub mod feedback;
pub mod metrics;
pub mod world;

mod conditions;
mod config;
mod events;
mod procedure;
mod resolve;
mod score;

pub use config::{Mode, RULES, SessionConfig};
pub use cpr::{CprPoint, CprTrace};
use events::merge_sorted;
pub use feedback::{CriterionResult, Feedback, FeedbackKind, Rejection};
use resolve::{Act, matches_pattern, resolve};

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
    /// A measured step worked on in this round (its `done_when` matched) and not yet
    /// committed to.
    pub pending: bool,
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
    /// The instructor's events, in the order they were triggered: when, which event, by whom.
    pub(crate) instructor: Vec<(SimTime, u32, Option<String>)>,
    /// Spares left of each entity (`stock`), and how many times each was replaced.
    pub(crate) stock_left: Vec<u32>,
    pub(crate) replaced: Vec<u32>,
    pub(crate) critical: Vec<CriticalFailure>,
    /// For each error rule with a window: whether it is open.
    pub(crate) windows: Vec<bool>,
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

impl Tracker {
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

    /// How many times an object was discarded and replaced from its stock (the runtime puts
    /// the new one where the first one lay).
    pub fn replaced(&self, object: EntityIdx) -> u32 {
        self.replaced.get(object as usize).copied().unwrap_or(0)
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

    /// Steps that can be done now without breaking the order, in document order (what a
    /// guided-mode panel shows).
    pub fn next_steps(&self) -> Vec<StepIdx> {
        let ix = &self.scenario.index;
        let next = (0..self.steps.len() as StepIdx).filter(|&s| {
            self.open(s)
                && self
                    .missing(ix.steps[s as usize].node)
                    .iter()
                    .all(|(_, scored)| !scored)
                && (self.config.rules < 4 || self.in_startable_alternative(s))
        });
        if self.config.rules < 4 {
            return next.collect();
        }
        // Rules 4: guidance at the top level of the procedure for something that may arise at
        // any time (vomit in the mouth) comes first once its `when` holds, whatever is left
        // before it.
        let arisen = (0..self.steps.len() as StepIdx).filter(|&s| {
            let info = &ix.steps[s as usize];
            info.unverified
                && info.guard.is_some()
                && ix.nodes[info.node as usize].parent.is_none()
                && self.open(s)
                && self.in_startable_alternative(s)
                && self.holds_opt(ix, info.guard.as_ref())
        });
        let mut out: Vec<StepIdx> = arisen.collect();
        let rest: Vec<StepIdx> = next.filter(|s| !out.contains(s)).collect();
        out.extend(rest);
        out
    }

    /// Whether required work is left: a step not done, neither guidance nor optional, in no
    /// alternative the learner turned away from. With no next step, the learner is waiting for
    /// something to happen (the AED analysing), not done.
    pub fn work_left(&self) -> bool {
        let ix = &self.scenario.index;
        (0..self.steps.len() as StepIdx).any(|s| {
            let info = &ix.steps[s as usize];
            !info.unverified && !ix.nodes[info.node as usize].optional && self.open(s)
        })
    }

    /// Whether `action` could complete step `s` in some state: it matches the step's
    /// `done_when` (its guard is not checked). What `praxis audit` removes to leave a step out.
    pub fn could_complete(scenario: &Scenario, s: StepIdx, action: &ActionKind) -> bool {
        let ix = &scenario.index;
        resolve(ix, action).is_ok_and(|a| matches_pattern(&ix.steps[s as usize].pattern, &a))
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
                // Finishing commits to every measured step still being worked on.
                for s in 0..self.steps.len() as StepIdx {
                    self.commit(ix, s, out);
                }
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
            ActionKind::Instructor { event, by } => {
                self.instructor_event(ix, event.as_str(), by, out);
                return;
            }
            _ => {}
        }
        let act = match &action.kind {
            ActionKind::Rub { duration_ms } => match self.rubbing_gesture(ix) {
                Some(g) => Act::Gesture(g, *duration_ms),
                None => {
                    self.push(out, FeedbackKind::Unmatched);
                    return;
                }
            },
            kind => match resolve(ix, kind) {
                Ok(a) => a,
                Err(name) => {
                    self.push(out, FeedbackKind::Unknown { name });
                    return;
                }
            },
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

    /// The colour of the gloves a hand wears now (`#rrggbb`), none when it is bare: the first
    /// gloves of the scenario on that hand whose condition holds. Left 0, right 1.
    pub fn gloves(&self, hand: usize) -> Option<&str> {
        let ix = &self.scenario.index;
        ix.gloves
            .iter()
            .find(|g| g.hands[hand] && self.holds_opt(ix, g.when.as_ref()))
            .map(|g| g.color.as_str())
    }

    fn push(&self, out: &mut Vec<Feedback>, kind: FeedbackKind) {
        out.push(Feedback { at: self.now, kind });
    }

    // ----- one action --------------------------------------------------------------------------

    // ----- steps -------------------------------------------------------------------------------

    // ----- state -------------------------------------------------------------------------------

    // ----- time and state-triggered things -----------------------------------------------------
}
