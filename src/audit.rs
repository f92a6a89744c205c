//! `praxis audit`: mutation testing of a procedure. The scenario's perfect run is played with
//! each critical item of its map left out (every action that could complete its steps
//! removed), then with each line of the run left out, then with each pair of neighbouring
//! lines swapped; what still passes is reported. A trainer expects every critical omission to
//! fail; every other omission that still passes must be explained in the scenario.
//!
//! A line of the run is one unit: `compress … x30 every 0.55s` is left out or moved whole. The
//! `finish` line is never mutated (every mutant is finished where the run ends).

use crate::action::{ActionKind, LearnerAction, SimTime};
use crate::eventlog::EventLog;
use crate::scenario::Scenario;
use crate::scenario::compiled::{NodeIdx, NodeKind, StepIdx};
use crate::scoring::SessionOutcome;
use crate::tracker::Tracker;
use std::sync::Arc;

/// The result of one mutant run.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Whether the session passed.
    pub passed: bool,
    /// Its score, 0 to 1.
    pub scaled: f64,
}

/// A critical item of the map, left out.
#[derive(Debug, Clone, PartialEq)]
pub struct CriticalOmission {
    /// `§3 step 8`.
    pub reference: String,
    /// The carriers that were left out (steps and groups by their steps, decisions by their
    /// answers).
    pub left_out: Vec<String>,
    /// How many lines of the run that took.
    pub lines_removed: usize,
    /// The run without them; `None` when nothing in the run could be removed (an item carried
    /// only by error rules, or by steps that a state completes).
    pub run: Option<Run>,
}

/// A line of the run left out, or two neighbouring lines swapped.
#[derive(Debug, Clone, PartialEq)]
pub struct Mutant {
    /// The line numbers in the event log (one, or the two swapped).
    pub lines: Vec<u32>,
    /// The run.
    pub run: Run,
}

/// What `praxis audit` found.
#[derive(Debug, Clone, PartialEq)]
pub struct Audit {
    /// The perfect run itself.
    pub perfect: Run,
    /// Each mapped critical item with carriers, left out.
    pub critical: Vec<CriticalOmission>,
    /// Items of the map that are exempt (their reference), not played.
    pub exempt: Vec<String>,
    /// Each line left out.
    pub omissions: Vec<Mutant>,
    /// Each pair of neighbouring lines swapped (pairs of identical actions are not tried).
    pub swaps: Vec<Mutant>,
}

impl Audit {
    /// Critical items whose omission still passes: each is a procedure that teaches wrong.
    pub fn critical_passes(&self) -> impl Iterator<Item = &CriticalOmission> {
        self.critical
            .iter()
            .filter(|c| c.run.as_ref().is_some_and(|r| r.passed))
    }
}

/// One written line of the run: its actions, in order.
#[derive(Debug, Clone)]
struct Unit {
    line: u32,
    actions: Vec<LearnerAction>,
}

/// Audits `scenario` from its perfect run `log`.
pub fn audit(scenario: &Arc<Scenario>, log: &EventLog) -> Audit {
    let units = units(log);
    let play = |units: &[&Unit]| -> Run {
        let actions: Vec<&LearnerAction> = units.iter().flat_map(|u| &u.actions).collect();
        run(scenario, log, &actions)
    };
    let all: Vec<&Unit> = units.iter().collect();
    let perfect = play(&all);
    // The finish and an instructor's events are not the learner's to leave out or swap.
    let mutable: Vec<usize> = (0..units.len())
        .filter(|&i| {
            !units[i]
                .actions
                .iter()
                .any(|a| matches!(a.kind, ActionKind::Finish | ActionKind::Instructor { .. }))
        })
        .collect();

    let mut critical = Vec::new();
    let mut exempt = Vec::new();
    for item in &scenario.model.critical_map {
        if item.carried_by.is_empty() {
            exempt.push(item.reference.clone());
            continue;
        }
        let (steps, decisions) = carriers(scenario, &item.carried_by);
        let removes = |u: &Unit| {
            u.actions.iter().any(|a| {
                steps
                    .iter()
                    .any(|&s| Tracker::could_complete(scenario, s, &a.kind))
                    || matches!(&a.kind, ActionKind::Choose { decision, .. } if decisions.iter().any(|d| d == decision.as_str()))
            })
        };
        let kept: Vec<&Unit> = units
            .iter()
            .enumerate()
            .filter(|(i, u)| !mutable.contains(i) || !removes(u))
            .map(|(_, u)| u)
            .collect();
        let lines_removed = units.len() - kept.len();
        critical.push(CriticalOmission {
            reference: item.reference.clone(),
            left_out: item.carried_by.clone(),
            lines_removed,
            run: (lines_removed > 0).then(|| play(&kept)),
        });
    }

    let omissions = mutable
        .iter()
        .map(|&i| {
            let kept: Vec<&Unit> = all
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, u)| *u)
                .collect();
            Mutant {
                lines: vec![units[i].line],
                run: play(&kept),
            }
        })
        .collect();

    let mut swaps = Vec::new();
    for w in mutable.windows(2) {
        let (i, j) = (w[0], w[1]);
        if j != i + 1 || same_actions(&units[i], &units[j]) {
            continue;
        }
        let (a, b) = swapped(&units[i], &units[j]);
        let mut order: Vec<&Unit> = all.clone();
        order[i] = &a;
        order[j] = &b;
        swaps.push(Mutant {
            lines: vec![units[i].line, units[j].line],
            run: play(&order),
        });
    }
    Audit {
        perfect,
        critical,
        exempt,
        omissions,
        swaps,
    }
}

/// The steps (of the steps and groups named) and the decisions named.
fn carriers(scenario: &Scenario, ids: &[String]) -> (Vec<StepIdx>, Vec<String>) {
    let ix = &scenario.index;
    let mut steps = Vec::new();
    let mut decisions = Vec::new();
    for id in ids {
        if let Some(n) = ix.nodes.iter().position(|n| &n.id == id) {
            steps_under(scenario, n as NodeIdx, &mut steps);
        } else if ix.decision_ids.contains_key(id.as_str()) {
            decisions.push(id.clone());
        }
    }
    (steps, decisions)
}

fn steps_under(scenario: &Scenario, n: NodeIdx, out: &mut Vec<StepIdx>) {
    let node = &scenario.index.nodes[n as usize];
    match node.kind {
        NodeKind::Step(s) => out.push(s),
        _ => {
            for &c in &node.children {
                steps_under(scenario, c, out);
            }
        }
    }
}

fn units(log: &EventLog) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    for (i, a) in log.actions.iter().enumerate() {
        let line = log.lines.get(i).copied().unwrap_or(i as u32 + 1);
        match out.last_mut() {
            Some(u) if u.line == line => u.actions.push(a.clone()),
            _ => out.push(Unit {
                line,
                actions: vec![a.clone()],
            }),
        }
    }
    out
}

fn same_actions(a: &Unit, b: &Unit) -> bool {
    a.actions.len() == b.actions.len()
        && a.actions
            .iter()
            .zip(&b.actions)
            .all(|(x, y)| x.kind == y.kind)
}

/// `b` then `a` over the time the two took: `b` starts when `a` did, `a` ends when `b` did
/// (a `wait` counted to its end), with the same gap between them.
fn swapped(a: &Unit, b: &Unit) -> (Unit, Unit) {
    let start = |u: &Unit| u.actions.first().map_or(0, |x| x.at.0);
    // A `wait` moves the clock on by its duration: the unit ends when the wait does.
    let end = |u: &Unit| {
        u.actions.last().map_or(0, |x| match x.kind {
            ActionKind::Wait { duration_ms } => x.at.0.saturating_add(duration_ms),
            _ => x.at.0,
        })
    };
    let gap = start(b).saturating_sub(end(a));
    let shift = |u: &Unit, to: u64| Unit {
        line: u.line,
        actions: u
            .actions
            .iter()
            .map(|x| LearnerAction {
                at: SimTime(x.at.0 - start(u) + to),
                kind: x.kind.clone(),
            })
            .collect(),
    };
    let first = shift(b, start(a));
    let second = shift(a, end(&first) + gap);
    (first, second)
}

fn run(scenario: &Arc<Scenario>, log: &EventLog, actions: &[&LearnerAction]) -> Run {
    let mut t = Tracker::new(scenario.clone(), log.config.clone());
    let mut out = Vec::new();
    for a in actions {
        t.apply(a, &mut out);
        out.clear();
    }
    let o: SessionOutcome = if t.is_finished() {
        t.outcome()
    } else {
        let end = actions.last().map_or(SimTime(0), |a| a.at);
        t.finish(end, &mut out)
    };
    Run {
        passed: o.passed,
        scaled: o.score.scaled,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(line: u32, actions: &[(u64, ActionKind)]) -> Unit {
        Unit {
            line,
            actions: actions
                .iter()
                .map(|(at, kind)| LearnerAction {
                    at: SimTime(*at),
                    kind: kind.clone(),
                })
                .collect(),
        }
    }

    /// Swapping a `wait` with the line after it keeps the pair within the time the two took,
    /// the wait counted to its end: what follows is never earlier than what precedes it.
    #[test]
    fn a_swapped_wait_ends_where_the_pair_ended() {
        let wait = unit(
            1,
            &[(
                10_000,
                ActionKind::Wait {
                    duration_ms: 60_000,
                },
            )],
        );
        let read = unit(2, &[(71_000, ActionKind::Read { object: "x".into() })]);
        let (first, second) = swapped(&wait, &read);
        assert_eq!(first.actions[0].at, SimTime(10_000));
        assert_eq!(second.actions[0].at, SimTime(11_000));
        // The wait now ends at 71 s, where the read was: the next line keeps its time.
        let end = second.actions[0].at.0 + 60_000;
        assert_eq!(end, 71_000);
    }
}
