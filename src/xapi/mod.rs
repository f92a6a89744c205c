//! xAPI 1.0.3 statements from session records.
//!
//! What a record becomes (the vocabulary is published as an xAPI Profile in
//! `docs/xapi-profile.jsonld`; see `docs/xapi.md`):
//! - the session: `passed` or `failed` (ADL verbs) on the scenario (activity type `simulation`),
//!   with the score, success, completion and duration;
//! - each scored step: `completed` when done, `failed` when missed or left partial, on the step
//!   (activity type `performance`), with its points;
//! - each error, every time it happened: `failed` on the error rule (activity type
//!   `objective`, the rule being an objective not to violate), with its severity;
//! - on request, every learner action: `interacted` on the scenario, the action in a result
//!   extension.
//!
//! Statement ids are UUIDv5 in the session's UUID as namespace, of a name that says which part
//! of the session the statement is (`session`, `step/<id>`, `event/<n>/error/<id>`,
//! `event/<n>`), so exporting or sending a session twice never duplicates a statement. Every
//! statement's context carries the session (as registration and as an extension) and the
//! scenario's id, version and hash, and the profile in its `category`.

pub mod cmi5;
pub mod export;
pub mod push;

use crate::scenario::model::Text;
use serde_json::{Map, Value, json};

/// xAPI version the statements follow.
pub const XAPI_VERSION: &str = "1.0.3";
/// The Praxis xAPI Profile's id (its IRI).
pub const PROFILE: &str = "https://w3id.org/praxis/xapi/profile";
/// The profile version statements conform to (in `context.contextActivities.category`).
pub const PROFILE_VERSION: &str = "https://w3id.org/praxis/xapi/profile/v1";
/// Start of the profile's extension IRIs.
pub const EXT: &str = "https://w3id.org/praxis/xapi/extensions";

/// ADL verbs (<http://adlnet.gov/expapi/verbs/>), with their English display.
pub mod verbs {
    /// A verb: IRI and English display.
    pub type Verb = (&'static str, &'static str);
    /// Passed.
    pub const PASSED: Verb = ("http://adlnet.gov/expapi/verbs/passed", "passed");
    /// Failed.
    pub const FAILED: Verb = ("http://adlnet.gov/expapi/verbs/failed", "failed");
    /// Completed.
    pub const COMPLETED: Verb = ("http://adlnet.gov/expapi/verbs/completed", "completed");
    /// Interacted.
    pub const INTERACTED: Verb = ("http://adlnet.gov/expapi/verbs/interacted", "interacted");
    /// Initialized (cmi5).
    pub const INITIALIZED: Verb = ("http://adlnet.gov/expapi/verbs/initialized", "initialized");
    /// Terminated (cmi5).
    pub const TERMINATED: Verb = ("http://adlnet.gov/expapi/verbs/terminated", "terminated");
}

/// ADL activity types.
pub mod activity_types {
    /// A scenario.
    pub const SIMULATION: &str = "http://adlnet.gov/expapi/activities/simulation";
    /// A step.
    pub const PERFORMANCE: &str = "http://adlnet.gov/expapi/activities/performance";
    /// An error rule.
    pub const OBJECTIVE: &str = "http://adlnet.gov/expapi/activities/objective";
    /// The profile, in `category`.
    pub const PROFILE: &str = "http://adlnet.gov/expapi/activities/profile";
}

/// A verb object.
pub fn verb(v: verbs::Verb) -> Value {
    json!({ "id": v.0, "display": { "en-US": v.1 } })
}

/// An extension IRI of the profile.
pub fn ext(name: &str) -> String {
    format!("{EXT}/{name}")
}

/// A language map from a scenario text (`en`, `fr`, …), or none when empty.
pub fn language_map(text: &Text) -> Option<Value> {
    let m: Map<String, Value> = text
        .0
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect();
    (!m.is_empty()).then_some(Value::Object(m))
}

/// An agent identified by a pseudonymous account.
pub fn account_actor(homepage: &str, name: &str) -> Value {
    json!({ "objectType": "Agent", "account": { "homePage": homepage, "name": name } })
}

/// An ISO 8601 duration to the hundredth of a second, as xAPI asks (`PT83.25S`).
pub fn iso_duration(ms: u64) -> String {
    let cs = (ms + 5) / 10;
    format!("PT{}.{:02}S", cs / 100, cs % 100)
}

/// The time `ms` after an RFC 3339 start, with milliseconds (`2026-11-22T09:30:12.250Z`).
pub fn timestamp(started_at: &str, ms: u64) -> Result<String, String> {
    let start = humantime::parse_rfc3339(started_at)
        .map_err(|e| format!("start time `{started_at}`: {e}"))?;
    let t = start + std::time::Duration::from_millis(ms);
    Ok(humantime::format_rfc3339_millis(t).to_string())
}

/// A statement id: UUIDv5 of `name` in the session's namespace.
pub fn statement_id(session: &uuid::Uuid, name: &str) -> uuid::Uuid {
    uuid::Uuid::new_v5(session, name.as_bytes())
}

/// A score object, or none when there is nothing to score (`max` 0).
pub fn score(raw: f64, max: f64, scaled: Option<f64>) -> Option<Value> {
    if max <= 0.0 {
        return None;
    }
    let mut s = json!({ "raw": raw.clamp(0.0, max), "min": 0.0, "max": max });
    if let Some(x) = scaled {
        s["scaled"] = json!(x.clamp(-1.0, 1.0));
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_are_iso_8601_to_the_hundredth() {
        assert_eq!(iso_duration(0), "PT0.00S");
        assert_eq!(iso_duration(83_254), "PT83.25S");
        assert_eq!(iso_duration(83_255), "PT83.26S");
        assert_eq!(iso_duration(3_600_000), "PT3600.00S");
    }

    #[test]
    fn statement_ids_are_stable_and_distinct() {
        let s = uuid::Uuid::parse_str("6a8d7db9-3ea8-4fef-8cb5-d8331e7ae154").unwrap();
        assert_eq!(statement_id(&s, "session"), statement_id(&s, "session"));
        assert_ne!(statement_id(&s, "session"), statement_id(&s, "event/1"));
        assert_eq!(statement_id(&s, "event/1").get_version_num(), 5);
    }

    #[test]
    fn timestamps_add_session_time() {
        assert_eq!(
            timestamp("2026-11-22T09:30:00Z", 12_250).unwrap(),
            "2026-11-22T09:30:12.250Z"
        );
        assert!(timestamp("yesterday", 0).is_err());
    }
}
