//! The `@expect` lines an outcome does not meet.

use super::{EventLog, ExpectKind, Expectation};

/// Checks the `@expect` lines against an outcome of `scenario`; returns each unmet one with
/// what was found.
pub fn unmet_expectations<'a>(
    log: &'a EventLog,
    scenario: &crate::scenario::Scenario,
    o: &crate::scoring::SessionOutcome,
) -> Vec<(&'a Expectation, String)> {
    let mut unmet = Vec::new();
    for e in &log.expectations {
        let problem = match &e.kind {
            ExpectKind::Passed(p) => (o.passed != *p)
                .then(|| format!("the session {}", if o.passed { "passed" } else { "failed" })),
            ExpectKind::Score(pct) => {
                let got = o.score.scaled * 100.0;
                ((got - pct).abs() > 0.05).then(|| format!("the score is {got:.2} %"))
            }
            ExpectKind::Critical(id) => (!failed_by(scenario, o, id)).then(|| {
                let found: Vec<&str> = o.critical.iter().map(|c| c.id.as_str()).collect();
                format!("critical failures: [{}]", found.join(", "))
            }),
            ExpectKind::NoCritical => (!o.critical.is_empty()).then(|| {
                let found: Vec<&str> = o.critical.iter().map(|c| c.id.as_str()).collect();
                format!("critical failures: [{}]", found.join(", "))
            }),
            ExpectKind::Error(id) => (!o.errors.iter().any(|x| &x.id == id)).then(|| {
                let found: Vec<&str> = o.errors.iter().map(|x| x.id.as_str()).collect();
                format!("errors: [{}]", found.join(", "))
            }),
            ExpectKind::NoErrors => (!o.errors.is_empty()).then(|| {
                let found: Vec<&str> = o.errors.iter().map(|x| x.id.as_str()).collect();
                format!("errors: [{}]", found.join(", "))
            }),
            ExpectKind::Status(step, status) => match o.steps.iter().find(|s| &s.id == step) {
                None => Some(format!("no step `{step}`")),
                Some(s) => {
                    let got = serde_json::to_value(s.status)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default();
                    (&got != status).then(|| format!("step `{step}` is {got}"))
                }
            },
            ExpectKind::Metric(id, range) => match o.metrics.iter().find(|m| &m.id == id) {
                None => Some(format!("no metric `{id}`")),
                Some(m) => match m.value {
                    None => Some(format!("metric `{id}` was not measured")),
                    Some(v) => {
                        let unit = crate::scenario::units::unit(&m.unit);
                        let fits = unit.is_some_and(|u| {
                            crate::scenario::units::compatible(range.unit, u)
                                && range.contains_base(v * u.factor)
                        });
                        (!fits).then(|| format!("metric `{id}` is {} {}", v, m.unit))
                    }
                },
            },
        };
        if let Some(p) = problem {
            unmet.push((e, p));
        }
    }
    unmet
}

/// Whether `id` is among what failed the session: named itself, or a critical step the learner
/// missed inside a group that is reported whole because nothing of it was done.
fn failed_by(
    scenario: &crate::scenario::Scenario,
    o: &crate::scoring::SessionOutcome,
    id: &str,
) -> bool {
    use crate::scenario::compiled::NodeKind;
    use crate::scoring::StepStatus;
    // A criterion is reported `step/criterion`; its id alone names it too.
    if o.critical.iter().any(|c| {
        c.id == id || (c.kind == "criterion" && c.id.rsplit_once('/').is_some_and(|(_, x)| x == id))
    }) {
        return true;
    }
    let ix = &scenario.index;
    let Some(n) = ix.nodes.iter().position(|n| n.id == id) else {
        return false;
    };
    let NodeKind::Step(s) = ix.nodes[n].kind else {
        // A group is met by a critical step missed inside it (rules 3 name the step).
        return o.critical.iter().any(|c| {
            c.kind == "missed_step"
                && ix.nodes.iter().position(|x| x.id == c.id).is_some_and(|m| {
                    let mut up = ix.nodes[m].parent;
                    while let Some(p) = up {
                        if p as usize == n {
                            return true;
                        }
                        up = ix.nodes[p as usize].parent;
                    }
                    false
                })
        });
    };
    let missed = o
        .steps
        .iter()
        .any(|r| r.id == id && matches!(r.status, StepStatus::Missed | StepStatus::Partial));
    let mut up = ix.nodes[n].parent;
    let mut reported = false;
    while let Some(p) = up {
        let pid = &ix.nodes[p as usize].id;
        reported |= o
            .critical
            .iter()
            .any(|c| c.kind == "missed_step" && &c.id == pid);
        up = ix.nodes[p as usize].parent;
    }
    ix.steps[s as usize].critical && missed && reported
}
