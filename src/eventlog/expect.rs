//! The `@expect` lines an outcome does not meet.

use super::{EventLog, ExpectKind, Expectation};

/// Checks the `@expect` lines against an outcome; returns each unmet one with what was found.
pub fn unmet_expectations<'a>(
    log: &'a EventLog,
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
            ExpectKind::Critical(id) => (!o.critical.iter().any(|c| &c.id == id)).then(|| {
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
        };
        if let Some(p) = problem {
            unmet.push((e, p));
        }
    }
    unmet
}
