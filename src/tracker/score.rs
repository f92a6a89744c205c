//! Scoring: the tracker's readout. Points per step and criterion, penalties, pass mark, what
//! failed the session and every step's status, as a [`SessionOutcome`].

use super::{CriterionResult, CriticalFailure, Tracker};
use crate::scenario::compiled::{Index, NodeIdx, NodeKind, StepIdx};
use crate::scenario::model::Severity;
use crate::scoring::*;

/// Rounds to 4 decimals so that outputs stay readable (0.1 + 0.2 prints 0.3).
fn r4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

impl Tracker {
    /// The score so far, or the final outcome once finished: the tracker's readout.
    pub fn outcome(&self) -> SessionOutcome {
        score(self)
    }
}

fn score(t: &Tracker) -> SessionOutcome {
    let sc = t.scenario();
    let ix = &sc.index;
    let mut earned = 0.0;
    let mut max = 0.0;
    let mut critical: Vec<CriticalEntry> = t
        .critical
        .iter()
        .map(|c| match c {
            CriticalFailure::Error(e, at) => CriticalEntry {
                kind: "error".into(),
                id: ix.errors[*e as usize].id.clone(),
                at_ms: Some(at.0),
            },
            CriticalFailure::Decision(d, at) => CriticalEntry {
                kind: "decision".into(),
                id: ix.decisions[*d as usize].id.clone(),
                at_ms: Some(at.0),
            },
            CriticalFailure::Criterion(s, c, at) => {
                let id = match s {
                    Some(s) => format!(
                        "{}/{}",
                        sc.step_id(*s),
                        ix.steps[*s as usize].criteria[*c as usize].id
                    ),
                    None => ix.criteria[*c as usize].id.clone(),
                };
                CriticalEntry {
                    kind: "criterion".into(),
                    id,
                    at_ms: Some(at.0),
                }
            }
        })
        .collect();
    let mut steps = Vec::with_capacity(ix.steps.len());
    let mut out_of_order = 0u32;
    let mut late = std::collections::BTreeSet::new();
    let mut missed_critical = Vec::new();
    for (s, info) in ix.steps.iter().enumerate() {
        let st = &t.steps[s];
        let node = info.node;
        let applicable = applicable(t, ix, node);
        let expected = expected_completions(t, ix, node);
        let optional = ix.nodes[node as usize].optional;
        let scored = applicable && !optional && !info.unverified;
        let counted = st.completions.min(expected);
        let wrong_answer = st.correct == Some(false);
        let step_max = if scored {
            info.points * f64::from(expected)
        } else {
            0.0
        };
        let step_earned = if scored && !wrong_answer {
            info.points * f64::from(counted)
        } else {
            0.0
        };
        let mut points = step_earned;
        let mut step_total_max = step_max;
        let criteria = info
            .criteria
            .iter()
            .zip(&st.criteria)
            .map(|(c, result)| {
                let assessed = !matches!(result, Some(CriterionResult::NotAssessed));
                let c_max = if scored && assessed && !c.unverified && expected > 0 {
                    c.points
                } else {
                    0.0
                };
                let c_earned = if result.is_some_and(|r| r.passed()) {
                    c_max
                } else {
                    0.0
                };
                points += c_earned;
                step_total_max += c_max;
                CriterionOutcome {
                    id: c.id.clone(),
                    result: *result,
                    points: r4(c_earned),
                    max: r4(c_max),
                }
            })
            .collect();
        earned += points;
        max += step_total_max;
        if !info.unverified {
            if t.config.rules >= 3 {
                // Rules 3: one penalty per step done late, however many steps went before it.
                for missing in &st.early {
                    late.extend(
                        missing
                            .iter()
                            .copied()
                            .filter(|&n| t.node_first_done[n as usize].is_some()),
                    );
                }
            } else {
                out_of_order += t.out_of_order(s as StepIdx);
            }
        }
        // Rules 4: a guidance step in an alternative the learner did not take is not
        // applicable, like the scored steps beside it.
        let status = if !applicable && (t.config.rules >= 4 || !info.unverified) {
            StepStatus::NotApplicable
        } else if info.unverified {
            StepStatus::Guidance
        } else if st.completions == 0 {
            if optional || expected == 0 {
                StepStatus::Skipped
            } else if st.count > 0 {
                StepStatus::Partial
            } else {
                StepStatus::Missed
            }
        } else if st.completions < expected {
            StepStatus::Partial
        } else if t.out_of_order(s as StepIdx) > 0 {
            StepStatus::DoneOutOfOrder
        } else {
            StepStatus::Done
        };
        if info.critical && matches!(status, StepStatus::Missed | StepStatus::Partial) {
            // A group never started is reported once, not step by step. Rules 3 never report a
            // choice (`OneOf`) whole: they name the alternative judged missed — its step, or its
            // group — so the debrief says which branch the learner missed.
            let whole = untouched_ancestor(t, ix, node, t.config.rules >= 3);
            let id = whole.map_or_else(
                || sc.step_id(s as StepIdx).to_string(),
                |g| sc.node_id(g).to_string(),
            );
            if !missed_critical.iter().any(|c: &CriticalEntry| c.id == id) {
                missed_critical.push(CriticalEntry {
                    kind: "missed_step".into(),
                    id,
                    at_ms: None,
                });
            }
        }
        steps.push(StepResult {
            id: sc.step_id(s as StepIdx).to_string(),
            status,
            points: r4(points),
            max: r4(step_total_max),
            completions: st.completions,
            at_ms: t.node_first_done[node as usize].map(|at| at.0),
            correct: st.correct,
            criteria,
        });
    }
    let criteria: Vec<CriterionOutcome> = ix
        .criteria
        .iter()
        .map(|c| {
            let result = t.check(ix, &c.check, None);
            let assessed = !matches!(result, CriterionResult::NotAssessed);
            let c_max = if assessed && !c.unverified {
                c.points
            } else {
                0.0
            };
            let c_earned = if result.passed() { c_max } else { 0.0 };
            earned += c_earned;
            max += c_max;
            if c.critical && matches!(result, CriterionResult::Failed { .. }) && t.finished {
                critical.push(CriticalEntry {
                    kind: "criterion".into(),
                    id: c.id.clone(),
                    at_ms: Some(t.now.0),
                });
            }
            CriterionOutcome {
                id: c.id.clone(),
                result: Some(result),
                points: r4(c_earned),
                max: r4(c_max),
            }
        })
        .collect();
    if t.finished {
        critical.extend(missed_critical);
    }
    out_of_order += late.len() as u32;
    let mut penalties =
        f64::from(out_of_order) * ix.out_of_order_penalty + f64::from(t.hints) * ix.hint_penalty;
    let errors: Vec<ErrorOutcome> = ix
        .errors
        .iter()
        .zip(&t.error_counts)
        .filter(|(_, (count, _))| *count > 0)
        .map(|(e, &(count, counted))| {
            let penalty = if e.severity == Severity::Guidance {
                0.0
            } else {
                e.penalty * f64::from(counted)
            };
            penalties += penalty;
            ErrorOutcome {
                id: e.id.clone(),
                severity: e.severity.as_str().to_string(),
                count,
                penalty: r4(penalty),
            }
        })
        .collect();
    let raw = (earned - penalties).clamp(0.0, max.max(0.0));
    let scaled = if max > 0.0 { raw / max } else { 0.0 };
    let pass_mark = t.config.pass_mark.unwrap_or(ix.pass_mark);
    let passed = t.finished && critical.is_empty() && scaled + 1e-9 >= pass_mark;
    let metrics = ix
        .metrics
        .iter()
        .enumerate()
        .map(|(i, m)| {
            // Rules 3 report compression quality per cycle too.
            let cycles = if t.config.rules >= 3 && super::metrics::per_compression(&m.kind) {
                let c = t.metrics.cycles(m, i);
                if c.iter().any(Option::is_some) {
                    c.into_iter().map(|v| v.map(r4)).collect()
                } else {
                    Vec::new()
                }
            } else {
                Vec::new()
            };
            MetricOutcome {
                id: m.id.clone(),
                value: t.metric(i as u32).map(r4),
                unit: m.unit.symbol.to_string(),
                cycles,
            }
        })
        .collect();
    SessionOutcome {
        passed,
        finished: t.finished,
        score: Score {
            earned: r4(earned),
            penalties: r4(penalties),
            raw: r4(raw),
            max: r4(max),
            scaled: r4(scaled),
            pass_mark,
        },
        critical,
        steps,
        criteria,
        errors,
        metrics,
        faults: ix
            .faults
            .iter()
            .zip(t.faults())
            .filter(|(_, on)| **on)
            .map(|(f, _)| f.id.clone())
            .collect(),
        hints: t.hints,
        instructor: t
            .instructor
            .iter()
            .map(|(at, e, by)| InstructorEntry {
                event: ix.events[*e as usize].id.clone(),
                at_ms: at.0,
                by: by.clone(),
            })
            .collect(),
        replaced: ix
            .entities
            .iter()
            .zip(&t.replaced)
            .filter(|(_, n)| **n > 0)
            .map(|(e, &count)| ReplacedEntry {
                object: e.id.clone(),
                count,
            })
            .collect(),
        duration_ms: t.now.0,
    }
}

/// The outermost group around `node` in which nothing at all was done, if any.
fn untouched_ancestor(
    t: &Tracker,
    ix: &Index,
    node: NodeIdx,
    below_choices: bool,
) -> Option<NodeIdx> {
    fn touched(t: &Tracker, ix: &Index, n: NodeIdx) -> bool {
        match ix.nodes[n as usize].kind {
            NodeKind::Step(s) => {
                let st = &t.steps[s as usize];
                st.completions > 0 || st.count > 0
            }
            _ => ix.nodes[n as usize]
                .children
                .iter()
                .any(|&c| touched(t, ix, c)),
        }
    }
    let mut best = None;
    let mut cur = node;
    while let Some(p) = ix.nodes[cur as usize].parent {
        if touched(t, ix, p) {
            break;
        }
        // Rules 3 never name a choice whole: the alternative below it, or a group above it.
        if !(below_choices && matches!(ix.nodes[p as usize].kind, NodeKind::OneOf)) {
            best = Some(p);
        }
        cur = p;
    }
    best
}

/// Whether a node lies in an alternative the learner took (or, if none was taken yet, the one
/// a missed alternative is scored as: under rules 3 the only one whose first step's condition holds,
/// if there is one, else the one worth the most points).
fn applicable(t: &Tracker, ix: &Index, node: NodeIdx) -> bool {
    let mut child = node;
    while let Some(p) = ix.nodes[child as usize].parent {
        if matches!(ix.nodes[p as usize].kind, NodeKind::OneOf) {
            let taken = t.branch[p as usize].unwrap_or_else(|| {
                (t.config.rules >= 3)
                    .then(|| selected_branch(t, ix, p))
                    .flatten()
                    .unwrap_or_else(|| default_branch(ix, p))
            });
            if taken != child {
                return false;
            }
        }
        child = p;
    }
    true
}

/// Whether node `n` could be started now: the `when` of its first step holds.
fn doable(t: &Tracker, ix: &Index, n: NodeIdx) -> bool {
    let children = &ix.nodes[n as usize].children;
    match ix.nodes[n as usize].kind {
        NodeKind::Step(s) => t.holds_opt(ix, ix.steps[s as usize].guard.as_ref()),
        // A choice inside can start with any of its alternatives.
        NodeKind::OneOf => children.iter().any(|&c| doable(t, ix, c)),
        _ => children.first().is_some_and(|&c| doable(t, ix, c)),
    }
}

impl Tracker {
    /// Whether step `s` lies, for every choice (`OneOf`) above it that the learner has not
    /// entered yet, in an alternative that could start now (its first step's `when` holds):
    /// the instructions show the branch the world selected (a fault, the AED's advice), not the
    /// others, and nothing of a choice none of whose branches can start yet.
    pub(super) fn in_startable_alternative(&self, s: StepIdx) -> bool {
        let ix = &self.scenario.index;
        let mut child = ix.steps[s as usize].node;
        while let Some(p) = ix.nodes[child as usize].parent {
            if matches!(ix.nodes[p as usize].kind, NodeKind::OneOf)
                && self.branch[p as usize].is_none()
                && !doable(self, ix, child)
            {
                return false;
            }
            child = p;
        }
        true
    }
}

/// The one alternative of `p` the learner could start now (the `when` of its first step holds),
/// when only one could: the branch the world (a fault, an answer) selects.
fn selected_branch(t: &Tracker, ix: &Index, p: NodeIdx) -> Option<NodeIdx> {
    let mut open = ix.nodes[p as usize]
        .children
        .iter()
        .copied()
        .filter(|&c| doable(t, ix, c));
    let first = open.next()?;
    open.next().is_none().then_some(first)
}

fn default_branch(ix: &Index, p: NodeIdx) -> NodeIdx {
    let children = &ix.nodes[p as usize].children;
    let mut best = children[0];
    let mut best_max = ix.node_max(best);
    for &c in &children[1..] {
        let m = ix.node_max(c);
        if m > best_max {
            best = c;
            best_max = m;
        }
    }
    best
}

/// How many times a step is expected to be completed: the `times` of its `Repeat` groups, or
/// the rounds actually done when the repetition is open-ended or was ended by its `until`.
fn expected_completions(t: &Tracker, ix: &Index, node: NodeIdx) -> u32 {
    let mut expected = 1u32;
    let mut cur = node;
    while let Some(p) = ix.nodes[cur as usize].parent {
        if let NodeKind::Repeat { times, .. } = ix.nodes[p as usize].kind {
            let rounds = if t.until_met[p as usize] {
                t.rounds[p as usize]
            } else {
                times.unwrap_or(0)
            };
            expected = expected.saturating_mul(rounds);
        }
        cur = p;
    }
    expected
}
