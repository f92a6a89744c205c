//! cmi5: Praxis as an assignable unit (AU), following the cmi5 specification (AICC
//! `CMI-5_Spec_Current`, `cmi5_spec.md`, "Quartz" edition; section numbers below are its).
//!
//! cmi5 defines a browser launch only (§8.1); Praxis is a native application, so a small launch
//! page in the course package hands the launch URL to the installed app (`praxis://` link, see
//! [`crate::xapi::cmi5::package`]). From the launch URL on, Praxis does what an AU must:
//!
//! 1. reads the launch parameters `endpoint`, `fetch`, `actor`, `registration`, `activityId`
//!    (§8.1.1–8.1.5), in any order, URL-decoded;
//! 2. fetches its authorization token once, with an HTTP POST to the fetch URL (§8.2.1), and
//!    uses it as `Authorization: Basic <token>` in every xAPI request (§8.2.2);
//! 3. reads the `LMS.LaunchData` state document (§10: `contextTemplate`, `launchMode`,
//!    `masteryScore`, `moveOn`, `returnURL`, `launchParameters`) and the learner preferences
//!    agent profile `cmi5LearnerPreferences` (§11: `languagePreference`, `audioPreference`);
//! 4. sends `initialized` first (§7.1.1, §9.3.2); then, in `Normal` launch mode only (§10.2.2),
//!    `completed` when the session is finished (§9.3.3) and `passed` or `failed` judged against
//!    the `masteryScore`, which replaces the scenario's pass mark (§9.3.4, §9.3.5, §10.2.4);
//!    `terminated` last, with the session's duration (§7.1.2, §9.3.8, §9.5.4.1).
//!
//! Every cmi5 defined statement uses the launch actor as given (§9.2), the AU's activityId as
//! object (§9.4), a UUID id (§9.1), and the context template as its context, which is never
//! overwritten (§10.2.1), with the registration (§9.6.1), the cmi5 category (§9.6.2.1), the
//! moveOn category on statements with success or completion (§9.6.2.2), and the masteryScore
//! extension on passed/failed judged by it (§9.6.3.2). Scores appear only on passed and failed
//! (§9.5.1); `raw` only when it is an integer. The step and error statements of a session are
//! sent as "cmi5 allowed" statements (§7.1.3): the context template, no cmi5 category, between
//! `initialized` and `terminated`. Session records keep only a hash of the actor.

mod launch;
pub mod package;

use super::{iso_duration, statement_id, verb, verbs};
use crate::scoring::SessionOutcome;
use base64::Engine as _;
use serde::Deserialize;
use serde_json::{Map, Value, json};
use std::time::Duration;

/// §9.6.2.1: the cmi5 category activity.
pub const CATEGORY_CMI5: &str = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
/// §9.6.2.2: the moveOn category activity.
pub const CATEGORY_MOVEON: &str = "https://w3id.org/xapi/cmi5/context/categories/moveon";
/// §9.6.3.2: the masteryScore context extension.
pub const EXT_MASTERY_SCORE: &str = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
/// §9.6.3.1: the session id context extension.
pub const EXT_SESSION_ID: &str = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";

/// The launch parameters (§8.1), and the scenario the AU URL names (`scenario=`, a query
/// parameter of the AU's own URL, merged with the cmi5 ones as §13.1.4 `url` allows).
#[derive(Debug, Clone, PartialEq)]
pub struct Launch {
    /// §8.1.1: the xAPI endpoint, ending in `/`.
    pub endpoint: String,
    /// §8.1.2: the one-time URL of the authorization token.
    pub fetch: String,
    /// §8.1.3: the learner, an Agent with an account.
    pub actor: Value,
    /// §8.1.4: the registration.
    pub registration: uuid::Uuid,
    /// §8.1.5: the AU's activity id.
    pub activity_id: String,
    /// The scenario id from the AU URL.
    pub scenario: Option<String>,
}

/// Why a cmi5 launch cannot go on; each says what to do.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Cmi5Error {
    /// The launch URL lacks something or has it wrong.
    #[error("the cmi5 launch URL is not usable: {0}")]
    Launch(String),
    /// The fetch URL gave no token.
    #[error("the LMS gave no authorization token: {0}")]
    Fetch(String),
    /// The LMS or LRS answered with an error, or could not be reached.
    #[error("the LMS's xAPI endpoint: {0}")]
    Lrs(String),
}

/// `launchMode` (§10.2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum LaunchMode {
    /// Judged: results are recorded.
    Normal,
    /// Look around without judgement: no results sent.
    Browse,
    /// Revisit: no results sent.
    Review,
}

/// The `LMS.LaunchData` state document (§10.2).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LaunchData {
    /// §10.2.1.
    pub context_template: Value,
    /// §10.2.2.
    pub launch_mode: LaunchMode,
    /// §10.2.3.
    #[serde(default)]
    pub launch_parameters: Option<String>,
    /// §10.2.4.
    #[serde(default)]
    pub mastery_score: Option<f64>,
    /// §10.2.5.
    #[serde(default)]
    pub move_on: Option<String>,
    /// §10.2.6.
    #[serde(default, rename = "returnURL")]
    pub return_url: Option<String>,
}

/// The learner preferences (§11).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Preferences {
    /// §11.1: RFC 5646 tags, most preferred first.
    #[serde(default)]
    pub language_preference: Option<String>,
    /// §11.2: `on` or `off`.
    #[serde(default)]
    pub audio_preference: Option<String>,
}

impl Preferences {
    /// The first preferred language Praxis has (`en` or `fr`).
    pub fn language(&self) -> Option<crate::text::Lang> {
        self.language_preference.as_deref().and_then(|list| {
            list.split(',').find_map(|tag| {
                let primary = tag.trim().split('-').next()?.to_ascii_lowercase();
                crate::text::Lang::parse(&primary)
            })
        })
    }

    /// Whether audio is to be off (§11.2); none when not said.
    pub fn audio_on(&self) -> Option<bool> {
        match self.audio_preference.as_deref().map(str::trim) {
            Some("on") => Some(true),
            Some("off") => Some(false),
            _ => None,
        }
    }
}

/// A running cmi5 session: the token, the launch data, what was sent.
pub struct Au {
    launch: Launch,
    agent: ureq::Agent,
    authorization: String,
    /// The launch data.
    pub launch_data: LaunchData,
    /// The learner preferences.
    pub preferences: Preferences,
    /// The cmi5 session id (from the context template, §9.6.3.1).
    pub session_id: String,
    /// Statements sent, in order (their ids).
    pub sent: Vec<String>,
}

fn agent(timeout: Duration) -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        // A redirect could take the LMS's answers (the mastery score) from another origin:
        // none is followed, a 3xx is an error like any other status.
        .max_redirects(0)
        .timeout_global(Some(timeout))
        .build()
        .into()
}

fn encode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

impl Au {
    /// Fetches the token (once), reads the launch data and the learner preferences.
    pub fn start(launch: Launch) -> Result<Au, Cmi5Error> {
        let agent = agent(Duration::from_secs(30));
        // §8.2.1: POST (never GET) to the fetch URL; 200 with `auth-token`, or an error object.
        let mut resp = agent
            .post(&launch.fetch)
            .send_empty()
            .map_err(|e| Cmi5Error::Fetch(format!("cannot reach {} ({e})", launch.fetch)))?;
        let status = resp.status().as_u16();
        let body = resp.body_mut().read_to_string().unwrap_or_default();
        let doc: Value = serde_json::from_str(&body)
            .map_err(|_| Cmi5Error::Fetch(format!("HTTP {status}, not JSON: {}", short(&body))))?;
        let token = match doc.get("auth-token").and_then(Value::as_str) {
            Some(t) if status == 200 => t.to_string(),
            _ => {
                // §8.2.3.2: error-code 1 (used or expired), 2 (security), 3 (application).
                let code = doc
                    .get("error-code")
                    .map(Value::to_string)
                    .unwrap_or_default();
                let text = doc
                    .get("error-text")
                    .and_then(Value::as_str)
                    .unwrap_or("no auth-token in the answer");
                let hint = if code.trim_matches('"') == "1" {
                    " — the launch link was used already: launch again from the LMS"
                } else {
                    ""
                };
                return Err(Cmi5Error::Fetch(format!(
                    "HTTP {status}, error {code}: {text}{hint}"
                )));
            }
        };
        let mut au = Au {
            agent,
            authorization: format!("Basic {token}"),
            launch_data: LaunchData {
                context_template: json!({}),
                launch_mode: LaunchMode::Normal,
                launch_parameters: None,
                mastery_score: None,
                move_on: None,
                return_url: None,
            },
            preferences: Preferences::default(),
            session_id: String::new(),
            sent: Vec::new(),
            launch,
        };
        // §10.1: the LMS.LaunchData state document.
        let actor = au.launch.actor.to_string();
        let state = au.get(&format!(
            "activities/state?stateId=LMS.LaunchData&activityId={}&agent={}&registration={}",
            encode(&au.launch.activity_id),
            encode(&actor),
            au.launch.registration
        ))?;
        let Some(state) = state else {
            return Err(Cmi5Error::Lrs(
                "the LMS.LaunchData state document does not exist (§10.1: the LMS writes it before launching)".into(),
            ));
        };
        au.launch_data = serde_json::from_value(state)
            .map_err(|e| Cmi5Error::Lrs(format!("LMS.LaunchData is not as §10.2 says: {e}")))?;
        if let Some(m) = au.launch_data.mastery_score
            && !(0.0..=1.0).contains(&m)
        {
            return Err(Cmi5Error::Lrs(format!(
                "masteryScore {m} is not between 0 and 1 (§10.2.4)"
            )));
        }
        au.session_id = au.launch_data.context_template["extensions"][EXT_SESSION_ID]
            .as_str()
            .unwrap_or_default()
            .to_string();
        if au.session_id.is_empty() {
            return Err(Cmi5Error::Lrs(
                "the context template has no session id (§10.2.1, §9.6.3.1)".into(),
            ));
        }
        // §11: the learner preferences (none is fine).
        if let Some(p) = au.get(&format!(
            "agents/profile?profileId=cmi5LearnerPreferences&agent={}",
            encode(&actor)
        ))? {
            au.preferences = serde_json::from_value(p).unwrap_or_default();
        }
        Ok(au)
    }

    /// The launch.
    pub fn launch(&self) -> &Launch {
        &self.launch
    }

    /// The pass mark the session uses: the masteryScore when the LMS gives one (§10.2.4).
    pub fn pass_mark(&self) -> Option<f64> {
        self.launch_data.mastery_score
    }

    fn get(&self, path: &str) -> Result<Option<Value>, Cmi5Error> {
        let url = format!("{}{path}", self.launch.endpoint);
        let mut resp = self
            .agent
            .get(&url)
            .header("Authorization", &self.authorization)
            .header("X-Experience-API-Version", "1.0.3")
            .call()
            .map_err(|e| Cmi5Error::Lrs(format!("cannot reach {url} ({e})")))?;
        let status = resp.status().as_u16();
        let body = resp.body_mut().read_to_string().unwrap_or_default();
        match status {
            200 => serde_json::from_str(&body)
                .map(Some)
                .map_err(|e| Cmi5Error::Lrs(format!("{url}: not JSON ({e})"))),
            404 | 204 => Ok(None),
            _ => Err(Cmi5Error::Lrs(format!(
                "GET {url}: HTTP {status} {}",
                short(&body)
            ))),
        }
    }

    fn post(&mut self, statements: &[Value]) -> Result<(), Cmi5Error> {
        let url = format!("{}statements", self.launch.endpoint);
        let body = serde_json::to_vec(statements).map_err(|e| Cmi5Error::Lrs(e.to_string()))?;
        let mut wait = Duration::from_millis(500);
        for attempt in 0..=4 {
            let result = self
                .agent
                .post(&url)
                .header("Authorization", &self.authorization)
                .header("X-Experience-API-Version", "1.0.3")
                .header("Content-Type", "application/json")
                .send(&body[..]);
            let retry = match result {
                Ok(mut resp) => {
                    let status = resp.status().as_u16();
                    match status {
                        200 | 204 => {
                            self.sent.extend(
                                statements
                                    .iter()
                                    .filter_map(|s| s["id"].as_str().map(str::to_string)),
                            );
                            return Ok(());
                        }
                        429 | 500..=599 => format!("HTTP {status}"),
                        _ => {
                            let text = resp.body_mut().read_to_string().unwrap_or_default();
                            return Err(Cmi5Error::Lrs(format!(
                                "POST {url}: HTTP {status} {}",
                                short(&text)
                            )));
                        }
                    }
                }
                Err(e) => e.to_string(),
            };
            if attempt == 4 {
                return Err(Cmi5Error::Lrs(format!("POST {url}: {retry}")));
            }
            std::thread::sleep(wait);
            wait *= 2;
        }
        unreachable!("the loop returns")
    }

    /// The context of a cmi5 defined (`defined`) or allowed statement: the template, never
    /// overwritten (§10.2.1), plus the registration (§9.6.1), the categories (§9.6.2.1,
    /// §9.6.2.2), and the given extensions where the template has none of that name.
    fn context(&self, defined: bool, move_on: bool, extra: &Map<String, Value>) -> Value {
        let mut ctx = match &self.launch_data.context_template {
            Value::Object(m) => Value::Object(m.clone()),
            _ => json!({}),
        };
        ctx["registration"] = json!(self.launch.registration.to_string());
        let mut categories: Vec<&str> = Vec::new();
        if defined {
            categories.push(CATEGORY_CMI5);
            if move_on {
                categories.push(CATEGORY_MOVEON);
            }
        }
        if !categories.is_empty() {
            if !ctx["contextActivities"].is_object() {
                ctx["contextActivities"] = json!({});
            }
            let list = &mut ctx["contextActivities"]["category"];
            if !list.is_array() {
                *list = json!([]);
            }
            let arr = list.as_array_mut().expect("an array");
            for c in categories {
                if !arr.iter().any(|a| a["id"] == c) {
                    arr.push(json!({ "objectType": "Activity", "id": c }));
                }
            }
        }
        if !extra.is_empty() {
            if !ctx["extensions"].is_object() {
                ctx["extensions"] = json!({});
            }
            let ext = ctx["extensions"].as_object_mut().expect("an object");
            for (k, v) in extra {
                ext.entry(k.clone()).or_insert_with(|| v.clone());
            }
        }
        ctx
    }

    fn defined(
        &self,
        name: &str,
        v: verbs::Verb,
        result: Option<Value>,
        extra: Map<String, Value>,
        timestamp: &str,
    ) -> Value {
        let move_on = result
            .as_ref()
            .is_some_and(|r| r.get("success").is_some() || r.get("completion").is_some());
        // §9.1: a UUID; fixed by the cmi5 session and the verb, so a retry never duplicates.
        let ns = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, self.session_id.as_bytes());
        let mut st = json!({
            "id": statement_id(&ns, &format!("cmi5/{name}")).to_string(),
            "actor": self.launch.actor,
            "verb": verb(v),
            "object": { "objectType": "Activity", "id": self.launch.activity_id },
            "context": self.context(true, move_on, &extra),
            "timestamp": timestamp,
        });
        if let Some(r) = result {
            st["result"] = r;
        }
        st
    }

    /// §7.1.1, §9.3.2: the first statement of the session.
    pub fn initialized(&mut self, timestamp: &str) -> Result<(), Cmi5Error> {
        let st = self.defined(
            "initialized",
            verbs::INITIALIZED,
            None,
            Map::new(),
            timestamp,
        );
        self.post(&[st])
    }

    /// Sends the session's step and error statements as "cmi5 allowed" (§7.1.3): the launch
    /// actor, the context template and no cmi5 category.
    pub fn allowed(&mut self, statements: Vec<Value>) -> Result<(), Cmi5Error> {
        let out: Vec<Value> = statements
            .into_iter()
            .map(|mut s| {
                let mut extra = Map::new();
                if let Some(ext) = s["context"]["extensions"].as_object() {
                    extra = ext.clone();
                }
                let mut ctx = self.context(false, false, &extra);
                if let Some(parent) = s["context"]["contextActivities"].get("parent").cloned() {
                    if !ctx["contextActivities"].is_object() {
                        ctx["contextActivities"] = json!({});
                    }
                    ctx["contextActivities"]
                        .as_object_mut()
                        .expect("an object")
                        .entry("parent")
                        .or_insert(parent);
                }
                s["actor"] = self.launch.actor.clone();
                s["context"] = ctx;
                s
            })
            .collect();
        for chunk in out.chunks(200) {
            self.post(chunk)?;
        }
        Ok(())
    }

    /// The judged statements at the end of a session, in Normal launch mode only (§10.2.2):
    /// `completed` if the session was finished, then `passed` or `failed` against the
    /// masteryScore (or the scenario's pass mark). `already` says which of `completed` and
    /// `passed` the registration already has (each at most once per registration, §9.3; a
    /// `failed` never follows a `passed`). Returns the verbs sent.
    pub fn judged(
        &mut self,
        outcome: &SessionOutcome,
        timestamp: &str,
        already: Already,
    ) -> Result<Vec<&'static str>, Cmi5Error> {
        if self.launch_data.launch_mode != LaunchMode::Normal {
            return Ok(Vec::new());
        }
        let duration = iso_duration(outcome.duration_ms);
        let mut statements = Vec::new();
        let mut names = Vec::new();
        if outcome.finished && !already.completed {
            // §9.5.3: completion true; §9.5.4.1: duration; no score, no success (§9.5.1-2).
            statements.push(self.defined(
                "completed",
                verbs::COMPLETED,
                Some(json!({ "completion": true, "duration": duration })),
                Map::new(),
                timestamp,
            ));
            names.push("completed");
        }
        if outcome.finished && !already.passed {
            let s = &outcome.score;
            let mut score = json!({ "scaled": (s.scaled * 10_000.0).round() / 10_000.0 });
            // §9.5.1: raw, min and max are integers; given only when raw is one.
            if s.raw.fract() == 0.0 && s.max.fract() == 0.0 {
                score["raw"] = json!(s.raw as i64);
                score["min"] = json!(0);
                score["max"] = json!(s.max as i64);
            }
            let mut extra = Map::new();
            if let Some(m) = self.launch_data.mastery_score {
                // §9.6.3.2: the masteryScore the judgement used.
                extra.insert(EXT_MASTERY_SCORE.into(), json!(m));
            }
            let (name, v, success) = if outcome.passed {
                ("passed", verbs::PASSED, true)
            } else {
                ("failed", verbs::FAILED, false)
            };
            let mut result = json!({ "success": success, "duration": duration });
            // §9.3.5: a failed statement's scaled score must be below the masteryScore; a
            // session failed by a critical error whatever its score carries no score.
            let mark = self.launch_data.mastery_score.unwrap_or(s.pass_mark);
            if success || s.scaled < mark {
                result["score"] = score;
            }
            statements.push(self.defined(name, v, Some(result), extra, timestamp));
            names.push(name);
        }
        if !statements.is_empty() {
            self.post(&statements)?;
        }
        Ok(names)
    }

    /// §7.1.2, §9.3.8: the last statement, with the session's duration (§9.5.4.1).
    pub fn terminated(&mut self, duration_ms: u64, timestamp: &str) -> Result<(), Cmi5Error> {
        let st = self.defined(
            "terminated",
            verbs::TERMINATED,
            Some(json!({ "duration": iso_duration(duration_ms) })),
            Map::new(),
            timestamp,
        );
        self.post(&[st])
    }

    /// Which judged statements the registration already has for this AU (asked of the LRS).
    pub fn already(&self) -> Result<Already, Cmi5Error> {
        let has = |v: verbs::Verb| -> Result<bool, Cmi5Error> {
            let doc = self.get(&format!(
                "statements?verb={}&activity={}&registration={}&agent={}&limit=1",
                encode(v.0),
                encode(&self.launch.activity_id),
                self.launch.registration,
                encode(&self.launch.actor.to_string())
            ))?;
            Ok(doc
                .and_then(|d| d["statements"].as_array().map(|a| !a.is_empty()))
                .unwrap_or(false))
        };
        Ok(Already {
            completed: has(verbs::COMPLETED)?,
            passed: has(verbs::PASSED)?,
        })
    }
}

/// Judged statements a registration already has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Already {
    /// A `completed`.
    pub completed: bool,
    /// A `passed`.
    pub passed: bool,
}

fn short(s: &str) -> String {
    let t: String = s.trim().chars().take(300).collect();
    t
}

/// The current time, RFC 3339 with milliseconds.
pub fn now() -> String {
    humantime::format_rfc3339_millis(std::time::SystemTime::now()).to_string()
}

/// A token for Basic authorization from a user and password (for LMS stand-ins and tests).
pub fn basic(user: &str, password: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
}

/// The end of a cmi5 session, after the learner's last action: the session's step and error
/// statements as "cmi5 allowed", the judged statements (Normal mode), and `terminated` last.
/// `header` and `events` are the session's (as its record holds them). Timestamps follow the
/// session's own clock from its start, so the order holds whatever the wall clock says.
/// Returns what was sent, in words.
pub fn finish(
    au: &mut Au,
    header: &crate::record::Header,
    events: &[crate::action::LearnerAction],
    scenario: &std::sync::Arc<crate::scenario::Scenario>,
    outcome: &SessionOutcome,
    opts: &super::export::Options,
) -> Result<Vec<String>, Cmi5Error> {
    let rec = crate::record::Record {
        header: header.clone(),
        header_hash: String::new(),
        events: events.to_vec(),
        poses: Vec::new(),
        footer: None,
        integrity: crate::record::Integrity::Complete,
    };
    // The session's own result is the judged cmi5 statements' to give.
    let result_id = statement_id(&header.session, "session").to_string();
    let allowed: Vec<Value> = super::export::statements(&rec, scenario, outcome, opts)
        .map_err(Cmi5Error::Lrs)?
        .into_iter()
        .filter(|s| s["id"] != result_id.as_str())
        .collect();
    let n = allowed.len();
    au.allowed(allowed)?;
    let mut said = vec![format!("{n} cmi5-allowed statements (steps and errors)")];
    let ts = |extra: u64| {
        super::timestamp(&header.started_at, outcome.duration_ms + extra).map_err(Cmi5Error::Lrs)
    };
    let already = au.already()?;
    for v in au.judged(outcome, &ts(1)?, already)? {
        said.push(v.to_string());
    }
    if already.passed {
        said.push("no passed/failed: the registration already has a passed (§9.3)".into());
    }
    au.terminated(outcome.duration_ms, &ts(2)?)?;
    said.push("terminated".into());
    Ok(said)
}
