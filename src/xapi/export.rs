//! A verified session record as xAPI statements (see the module above for what each is).

use super::{
    account_actor, activity_types, ext, iso_duration, language_map, score, statement_id, timestamp,
    verb, verbs,
};
use crate::record::Record;
use crate::scenario::Scenario;
use crate::scoring::{SessionOutcome, StepStatus};
use crate::tracker::{FeedbackKind, Tracker};
use serde_json::{Value, json};

/// What to export, and the ids to use.
#[derive(Debug, Clone)]
pub struct Options {
    /// Actor account home page.
    pub homepage: String,
    /// Start of activity ids (no trailing slash).
    pub activity_base: String,
    /// Also one statement per learner action.
    pub actions: bool,
}

/// The scenario's activity id.
pub fn scenario_activity_id(base: &str, scenario_id: &str) -> String {
    format!("{base}/scenarios/{scenario_id}")
}

/// The context every statement of a session shares: registration, the scenario as parent (for
/// all but the session statement), the profile as category, the session and scenario as
/// extensions.
fn context(rec: &Record, scenario: &Scenario, base: &str, with_parent: bool) -> Value {
    let h = &rec.header;
    let mut ctx = json!({
        "registration": h.session.to_string(),
        "platform": format!("Praxis {}", h.app_version),
        "contextActivities": {
            "category": [{
                "objectType": "Activity",
                "id": super::PROFILE_VERSION,
                "definition": { "type": activity_types::PROFILE }
            }]
        },
        "extensions": {
            ext("session"): h.session.to_string(),
            ext("scenario"): {
                "id": h.scenario.id,
                "version": h.scenario.version,
                "sha256": h.scenario.sha256,
            },
            ext("mode"): serde_json::to_value(h.mode).unwrap_or(Value::Null),
        }
    });
    if with_parent {
        // The id and type only: the full definition is on the session statement's object.
        ctx["contextActivities"]["parent"] = json!([{
            "objectType": "Activity",
            "id": scenario_activity_id(base, scenario.id()),
            "definition": { "type": activity_types::SIMULATION },
        }]);
    }
    ctx
}

fn scenario_activity(scenario: &Scenario, base: &str) -> Value {
    let mut def = json!({ "type": activity_types::SIMULATION });
    if let Some(name) = language_map(&scenario.model.title) {
        def["name"] = name;
    }
    if let Some(d) = language_map(&scenario.model.summary) {
        def["description"] = d;
    }
    json!({
        "objectType": "Activity",
        "id": scenario_activity_id(base, scenario.id()),
        "definition": def,
    })
}

fn activity(id: String, kind: &str, name: Option<Value>) -> Value {
    let mut def = json!({ "type": kind });
    if let Some(n) = name {
        def["name"] = n;
    }
    json!({ "objectType": "Activity", "id": id, "definition": def })
}

/// The statements of one record, whose events re-score to `outcome` against `scenario`.
pub fn statements(
    rec: &Record,
    scenario: &std::sync::Arc<Scenario>,
    outcome: &SessionOutcome,
    opts: &Options,
) -> Result<Vec<Value>, String> {
    let h = &rec.header;
    let base = opts.activity_base.as_str();
    let actor = account_actor(&opts.homepage, &h.learner);
    let session = h.session;
    let ts = |ms: u64| timestamp(&h.started_at, ms);
    let scenario_id = scenario_activity_id(base, scenario.id());
    let mut out = Vec::new();

    // Every action (on request) and every error, in the order they happened.
    let mut tracker = Tracker::new(scenario.clone(), h.config());
    let mut feedback = Vec::new();
    for (i, action) in rec.events.iter().enumerate() {
        let n = i + 1;
        feedback.clear();
        tracker.apply(action, &mut feedback);
        if opts.actions {
            let mut result = json!({ "extensions": {
                ext("action"): serde_json::to_value(&action.kind).map_err(|e| e.to_string())?,
                ext("session-time-ms"): action.at.0,
            }});
            result["extensions"][ext("event")] = json!(n);
            out.push(json!({
                "id": statement_id(&session, &format!("event/{n}")).to_string(),
                "actor": actor,
                "verb": verb(verbs::INTERACTED),
                "object": {
                    "objectType": "Activity",
                    "id": scenario_id,
                    "definition": { "type": activity_types::SIMULATION },
                },
                "result": result,
                "context": context(rec, scenario, base, false),
                "timestamp": ts(action.at.0)?,
            }));
        }
        for f in &feedback {
            let FeedbackKind::Error {
                error,
                severity,
                counted,
            } = &f.kind
            else {
                continue;
            };
            let info = &scenario.index.errors[*error as usize];
            let rule = scenario
                .model
                .errors
                .iter()
                .find(|e| e.id.as_str() == info.id);
            let name = rule.and_then(|r| language_map(&r.feedback));
            let severity = serde_json::to_value(severity).map_err(|e| e.to_string())?;
            out.push(json!({
                "id": statement_id(&session, &format!("event/{n}/error/{}", info.id)).to_string(),
                "actor": actor,
                "verb": verb(verbs::FAILED),
                "object": activity(
                    format!("{scenario_id}/errors/{}", info.id),
                    activity_types::OBJECTIVE,
                    name,
                ),
                "result": {
                    "success": false,
                    "extensions": {
                        ext("severity"): severity,
                        ext("penalised"): counted,
                        ext("event"): n,
                        ext("session-time-ms"): f.at.0,
                    }
                },
                "context": context(rec, scenario, base, true),
                "timestamp": ts(f.at.0)?,
            }));
        }
    }

    // Each scored step's outcome.
    let end = outcome.duration_ms;
    for step in &outcome.steps {
        let (v, success) = match step.status {
            StepStatus::Done | StepStatus::DoneOutOfOrder => (verbs::COMPLETED, true),
            StepStatus::Missed | StepStatus::Partial => (verbs::FAILED, false),
            StepStatus::Skipped | StepStatus::NotApplicable | StepStatus::Guidance => continue,
        };
        let name = scenario
            .step_model(&step.id)
            .and_then(|s| language_map(&s.title));
        let status = serde_json::to_value(step.status).map_err(|e| e.to_string())?;
        let mut result = json!({
            "success": step.correct.unwrap_or(success),
            "completion": success,
            "extensions": {
                ext("step-status"): status,
                ext("completions"): step.completions,
            }
        });
        if let Some(s) = score(step.points, step.max, None) {
            result["score"] = s;
        }
        if let Some(at) = step.at_ms {
            result["extensions"][ext("session-time-ms")] = json!(at);
        }
        out.push(json!({
            "id": statement_id(&session, &format!("step/{}", step.id)).to_string(),
            "actor": actor,
            "verb": verb(v),
            "object": activity(
                format!("{scenario_id}/steps/{}", step.id),
                activity_types::PERFORMANCE,
                name,
            ),
            "result": result,
            "context": context(rec, scenario, base, true),
            "timestamp": ts(step.at_ms.unwrap_or(end))?,
        }));
    }

    // The session's result.
    let s = &outcome.score;
    let critical: Vec<Value> = outcome
        .critical
        .iter()
        .map(|c| json!({ "kind": c.kind, "id": c.id }))
        .collect();
    let mut result = json!({
        "success": outcome.passed,
        "completion": outcome.finished,
        "duration": iso_duration(outcome.duration_ms),
        "extensions": {
            ext("pass-mark"): s.pass_mark,
            ext("critical"): critical,
            ext("hints"): outcome.hints,
        }
    });
    if let Some(sc) = score(s.raw, s.max, Some(s.scaled)) {
        result["score"] = sc;
    }
    out.push(json!({
        "id": statement_id(&session, "session").to_string(),
        "actor": actor,
        "verb": verb(if outcome.passed { verbs::PASSED } else { verbs::FAILED }),
        "object": scenario_activity(scenario, base),
        "result": result,
        "context": context(rec, scenario, base, false),
        "timestamp": ts(end)?,
    }));
    Ok(out)
}
