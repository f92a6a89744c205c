//! Starting a session: the configuration (mode, seed, forced faults, pass mark), the seeded jitter and faults, and the timed events scheduled.

use super::*;

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

/// The judging rules this Praxis applies to a new session. A record names the rules it was
/// judged under, and re-scoring applies those, so a record keeps its meaning when the rules
/// change:
/// - 1: every step is judged when its `done_when` first matches (records without `rules`);
/// - 2: a `measured` step is judged when the learner commits to it;
/// - 3: a choice (`OneOf`) the learner never started is blamed on the alternative judged missed
///   (its step, or its group), never reported whole; an alternative (`OneOf`) the learner never chose is judged as the one whose
///   first step's condition holds at the end (the branch a fault selects), else the one worth the most
///   points; a criterion comparing two values (`Agrees`) keeps the other value too (what the
///   instrument displayed, beside what was recorded); each compression measure is reported per
///   cycle of compressions too; the order penalty is charged once per step done late, not once
///   per step done before it;
/// - 4: a guidance (`unverified`) step in an alternative the learner did not take is reported
///   not applicable, like the scored steps beside it (rules 1 to 3 report it as guidance); the
///   next steps (the instructions, a hint's step, the step a rub is taken for) leave out the
///   alternatives of a choice not entered yet whose first step's `when` does not hold, and
///   start with the top-level guidance steps whose `when` has come to hold (vomit to clear),
///   and those steps are never "done too early";
/// - 5: a guidance (`unverified`) step is never a prerequisite of the steps after it: doing one
///   of them first is not early, and the guidance done later costs no order penalty (rules 1 to 4
///   counted it like a scored step, which scored an unverified order).
pub const RULES: u32 = 5;

/// How a session is set up, besides the scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// The judging rules ([`RULES`] for a new session; a record's own when re-scoring it).
    #[serde(default = "current_rules")]
    pub rules: u32,
}

fn current_rules() -> u32 {
    RULES
}

impl Default for SessionConfig {
    fn default() -> Self {
        SessionConfig {
            seed: 0,
            mode: Mode::Guided,
            faults: BTreeMap::new(),
            pass_mark: None,
            rules: RULES,
        }
    }
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
                CTrigger::Instructor => {}
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
            instructor: Vec::new(),
            stock_left: scenario.index.entities.iter().map(|e| e.stock).collect(),
            replaced: vec![0; scenario.index.entities.len()],
            critical: Vec::new(),
            windows: vec![false; ix.errors.len()],
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
        // A window whose `from` state already holds at the start is open for the first action
        // (and that state has not "become" true later).
        for (i, l) in ix.state_listeners.iter().enumerate() {
            if let Listener::Window(e, true) = *l
                && let Some((CPattern::State(c), _)) = &ix.errors[e as usize].window
                && tracker.holds(ix, c)
            {
                tracker.windows[e as usize] = true;
                tracker.edges[i] = true;
            }
        }
        tracker
    }
}
