//! Session records: one JSON object per line, hash-chained, written as the session happens.
//!
//! Line 1 is the header (session, scenario and its hash, mode, seed, station, learner). Each
//! event line holds one learner action and the SHA-256 of the line before it; the footer holds
//! the outcome, the last chain hash and room for the station's signature. A record cut short
//! (a crash) still reads, marked incomplete; any change to a line breaks the chain at the next
//! one. The format is documented in `docs/session-record.md`.
//!
//! The writer writes to any `Write` its caller hands it and flushes after every line; the reader
//! reads bytes. Neither looks at the clock: the start time is supplied by the caller.

mod json;
pub mod sign;

use crate::action::LearnerAction;
use crate::scenario::Scenario;
use crate::scoring::SessionOutcome;
use crate::tracker::{Feedback, Mode, RULES, SessionConfig, Tracker};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::Arc;

/// The value of the header's `record` field.
pub const RECORD_KIND: &str = "praxis-session";
/// The record format version this build writes and reads.
pub const RECORD_FORMAT: u32 = 1;

/// Which scenario, exactly, a session ran.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScenarioRef {
    /// Scenario id.
    pub id: String,
    /// Scenario version.
    pub version: String,
    /// SHA-256 of the scenario's canonical form.
    pub sha256: String,
}

/// The first line of a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// Always `praxis-session`.
    pub record: String,
    /// Record format version.
    pub format: u32,
    /// Session UUID.
    pub session: uuid::Uuid,
    /// UTC start time, RFC 3339 (`2026-11-22T09:30:00Z`), supplied by the caller.
    pub started_at: String,
    /// The scenario.
    pub scenario: ScenarioRef,
    /// Guided or assessment.
    pub mode: Mode,
    /// Seed of the session's random draws.
    pub seed: u64,
    /// Faults forced on or off.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub faults: BTreeMap<String, bool>,
    /// The pass mark that replaced the scenario's (a cmi5 LMS's `masteryScore`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pass_mark: Option<f64>,
    /// The judging rules the session was scored under (`tracker::RULES` when it was made);
    /// absent in records made before rules were numbered, which are rules 1.
    #[serde(default = "rules_1")]
    pub rules: u32,
    /// Version of Praxis that ran the session.
    pub app_version: String,
    /// The station (machine) id.
    pub station: String,
    /// Pseudonymous learner id (never a name or an e-mail address).
    pub learner: String,
}

impl Header {
    /// A header for `scenario` with the given session details.
    pub fn new(
        scenario: &Scenario,
        config: &SessionConfig,
        session: uuid::Uuid,
        started_at: &str,
        station: &str,
        learner: &str,
    ) -> Self {
        Header {
            record: RECORD_KIND.into(),
            format: RECORD_FORMAT,
            session,
            started_at: started_at.into(),
            scenario: ScenarioRef {
                id: scenario.id().into(),
                version: scenario.version().into(),
                sha256: scenario.hash().into(),
            },
            mode: config.mode,
            seed: config.seed,
            faults: config.faults.clone(),
            pass_mark: config.pass_mark,
            rules: config.rules,
            app_version: env!("CARGO_PKG_VERSION").into(),
            station: station.into(),
            learner: learner.into(),
        }
    }

    /// The session configuration the header describes.
    pub fn config(&self) -> SessionConfig {
        SessionConfig {
            seed: self.seed,
            mode: self.mode,
            faults: self.faults.clone(),
            pass_mark: self.pass_mark,
            rules: self.rules,
        }
    }

    /// Checks the fields a caller supplies: RFC 3339 UTC time, pseudonymous ids.
    pub fn check(&self) -> Result<(), String> {
        check_rfc3339_utc(&self.started_at)?;
        check_pseudonym("learner", &self.learner)?;
        check_pseudonym("station", &self.station)?;
        Ok(())
    }
}

/// Whether `s` is an RFC 3339 UTC time such as `2026-11-22T09:30:00Z`.
pub fn check_rfc3339_utc(s: &str) -> Result<(), String> {
    if !s.ends_with('Z') {
        return Err(format!("start time `{s}` must be UTC, ending in `Z`"));
    }
    humantime::parse_rfc3339(s)
        .map(|_| ())
        .map_err(|e| format!("start time `{s}` is not RFC 3339: {e}"))
}

/// Pseudonymous ids: 1 to 64 letters, digits, `-`, `_` or `.`, so no names with spaces and no
/// e-mail addresses end up in records.
pub fn check_pseudonym(what: &str, id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{what} id `{id}` must be a pseudonym of 1 to 64 letters, digits, `-`, `_` or `.` (no spaces, no e-mail address)"
        ))
    }
}

/// Where the learner's head and hands were at one moment: each a position in metres (x, y, z)
/// and a rotation quaternion (x, y, z, w), in the room's frame. Not scored: it lets a session be
/// reviewed in 3D.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PoseSample {
    /// Session time, ms.
    pub at_ms: u64,
    /// The head (the camera).
    pub head: [f32; 7],
    /// The left hand.
    pub left: [f32; 7],
    /// The right hand.
    pub right: [f32; 7],
}

impl PoseSample {
    /// The same sample rounded to the millimetre and 1e-4, so that records stay compact and
    /// print the same on every platform.
    pub fn rounded(&self) -> PoseSample {
        fn r(p: [f32; 7]) -> [f32; 7] {
            let mut out = p;
            for (i, v) in out.iter_mut().enumerate() {
                let scale = if i < 3 { 1000.0 } else { 10_000.0 };
                *v = (*v * scale).round() / scale;
            }
            out
        }
        PoseSample {
            at_ms: self.at_ms,
            head: r(self.head),
            left: r(self.left),
            right: r(self.right),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct PoseLine {
    poses: PoseSample,
    prev: String,
}

#[derive(Serialize, Deserialize)]
struct EventLine {
    n: u64,
    action: LearnerAction,
    prev: String,
}

/// The last line of a complete record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Footer {
    /// Number of event lines.
    pub events: u64,
    /// Session time at the end, ms.
    pub ended_at_ms: u64,
    /// The outcome, with the score breakdown.
    pub outcome: SessionOutcome,
    /// SHA-256 of the last event line (of the header when there is none): the last chain hash.
    pub prev: String,
    /// The station's signature, added by the signing step (none until then).
    pub signature: Option<serde_json::Value>,
    /// SHA-256 (hex) of the footer object as read, in RFC 8785 canonical JSON with
    /// `"signature": null`: what the station's signature covers, every field of the footer
    /// included (see [`footer_digest`]).
    pub digest: String,
}

/// SHA-256 (hex) of a footer object's RFC 8785 canonical JSON with its `signature` set to
/// `null`: the footer's part of what a station signs. Computed from the object as written, so
/// a field that the reader does not know is covered as much as the score.
pub fn footer_digest(footer: &serde_json::Value) -> Result<String, String> {
    let mut unsigned = footer.clone();
    let Some(fields) = unsigned.as_object_mut() else {
        return Err("the footer is not a JSON object".into());
    };
    fields.insert("signature".into(), serde_json::Value::Null);
    let canonical = serde_jcs::to_vec(&unsigned).map_err(|e| e.to_string())?;
    Ok(sha256_hex(&canonical))
}

#[derive(Serialize, Deserialize)]
struct FooterLine {
    footer: FooterBody,
}

#[derive(Clone, Serialize, Deserialize)]
struct FooterBody {
    events: u64,
    ended_at_ms: u64,
    outcome: SessionOutcome,
    prev: String,
    signature: Option<serde_json::Value>,
}

/// SHA-256 of bytes, as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Writes a record line by line, flushing after each.
pub struct RecordWriter<W: Write> {
    out: W,
    prev: String,
    header_hash: String,
    events: u64,
}

impl<W: Write> RecordWriter<W> {
    /// Writes the header.
    pub fn create(mut out: W, header: &Header) -> io::Result<Self> {
        let line = serde_json::to_string(header).map_err(io::Error::other)?;
        write_line(&mut out, &line)?;
        let hash = sha256_hex(line.as_bytes());
        Ok(RecordWriter {
            out,
            prev: hash.clone(),
            header_hash: hash,
            events: 0,
        })
    }

    /// Appends one action.
    pub fn append(&mut self, action: &LearnerAction) -> io::Result<()> {
        self.events += 1;
        let line = serde_json::to_string(&EventLine {
            n: self.events,
            action: action.clone(),
            prev: self.prev.clone(),
        })
        .map_err(io::Error::other)?;
        write_line(&mut self.out, &line)?;
        self.prev = sha256_hex(line.as_bytes());
        Ok(())
    }

    /// Appends a pose sample (chained like events, not counted as one).
    pub fn append_poses(&mut self, poses: &PoseSample) -> io::Result<()> {
        let line = serde_json::to_string(&PoseLine {
            poses: poses.rounded(),
            prev: self.prev.clone(),
        })
        .map_err(io::Error::other)?;
        write_line(&mut self.out, &line)?;
        self.prev = sha256_hex(line.as_bytes());
        Ok(())
    }

    /// Writes the footer and returns the writer.
    pub fn finish(self, outcome: &SessionOutcome) -> io::Result<W> {
        self.finish_signed(outcome, None)
    }

    /// Writes the footer, signed with the station's key when one is given, and returns the
    /// writer.
    pub fn finish_signed(
        mut self,
        outcome: &SessionOutcome,
        key: Option<&sign::StationKey>,
    ) -> io::Result<W> {
        let mut body = FooterBody {
            events: self.events,
            ended_at_ms: outcome.duration_ms,
            outcome: outcome.clone(),
            prev: self.prev.clone(),
            signature: None,
        };
        if let Some(k) = key {
            let value = serde_json::to_value(&body).map_err(io::Error::other)?;
            let digest = footer_digest(&value).map_err(io::Error::other)?;
            body.signature = Some(k.sign(&self.header_hash, &digest));
        }
        let line = serde_json::to_string(&FooterLine { footer: body }).map_err(io::Error::other)?;
        write_line(&mut self.out, &line)?;
        Ok(self.out)
    }

    /// SHA-256 of the header line.
    pub fn header_hash(&self) -> &str {
        &self.header_hash
    }

    /// SHA-256 of the last line written.
    pub fn last_hash(&self) -> &str {
        &self.prev
    }
}

fn write_line<W: Write>(out: &mut W, line: &str) -> io::Result<()> {
    let mut bytes = Vec::with_capacity(line.len() + 1);
    bytes.extend_from_slice(line.as_bytes());
    bytes.push(b'\n');
    out.write_all(&bytes)?;
    out.flush()
}

/// Whether a record is whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Integrity {
    /// Every line chains to the one before and the footer is there.
    Complete,
    /// The lines read chain correctly but the record stops before its footer.
    Incomplete {
        /// Why it is considered cut short.
        reason: String,
    },
    /// A line does not chain to the one before (changed, removed, inserted or reordered lines).
    Tampered {
        /// 1-based line number where the chain breaks.
        line: usize,
        /// What is wrong there.
        reason: String,
    },
}

/// A record as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The header.
    pub header: Header,
    /// SHA-256 of the header line.
    pub header_hash: String,
    /// The actions of the event lines that chain correctly.
    pub events: Vec<LearnerAction>,
    /// The pose track (head and hands, about 10 Hz), for reviewing the session in 3D.
    pub poses: Vec<PoseSample>,
    /// The footer, if present and intact.
    pub footer: Option<Footer>,
    /// Whether the record is whole.
    pub integrity: Integrity,
}

impl Record {
    /// What identifies a signed record whatever its bytes' spelling (line endings, a final
    /// newline, spacing in the footer line): the SHA-256 of its header hash and its footer's
    /// digest, which together fix every line. `None` without a signed footer.
    pub fn signed_identity(&self) -> Option<String> {
        let f = self.footer.as_ref()?;
        f.signature.as_ref()?;
        Some(sha256_hex(
            format!("{}\n{}\n", self.header_hash, f.digest).as_bytes(),
        ))
    }
}

/// Why bytes are not a record at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordError {
    /// Empty input.
    #[error("the file is empty")]
    Empty,
    /// The first line is not a Praxis session header.
    #[error("line 1 is not a Praxis session record header: {0}")]
    BadHeader(String),
    /// A format this build does not read.
    #[error("record format {0} is not supported (this Praxis reads format {RECORD_FORMAT})")]
    UnsupportedFormat(u32),
    /// Judged under rules this build does not know.
    #[error(
        "the record was judged under rules {0}, newer than this Praxis knows (rules 1 to {RULES}): update Praxis to re-score it"
    )]
    UnknownRules(u32),
}

fn rules_1() -> u32 {
    1
}

/// Reads a record from its bytes, checking the hash chain.
pub fn read(bytes: &[u8]) -> Result<Record, RecordError> {
    let mut lines = bytes
        .split_inclusive(|&b| b == b'\n')
        .enumerate()
        .peekable();
    let Some((_, first)) = lines.next() else {
        return Err(RecordError::Empty);
    };
    let first = strip_newline(first);
    let header: Header = json::parse_line(first)
        .and_then(serde_json::from_value)
        .map_err(|e| RecordError::BadHeader(e.to_string()))?;
    if header.record != RECORD_KIND {
        return Err(RecordError::BadHeader(format!(
            "`record` is `{}`, not `{RECORD_KIND}`",
            header.record
        )));
    }
    if header.format != RECORD_FORMAT {
        return Err(RecordError::UnsupportedFormat(header.format));
    }
    if header.rules == 0 || header.rules > RULES {
        return Err(RecordError::UnknownRules(header.rules));
    }
    let header_hash = sha256_hex(first);
    let mut prev = header_hash.clone();
    let mut events = Vec::new();
    let mut poses = Vec::new();
    let mut footer = None;
    let mut integrity = Integrity::Incomplete {
        reason: "the record has no footer (the session did not end normally)".into(),
    };
    while let Some((i, raw)) = lines.next() {
        let line_no = i + 1;
        let ends_with_newline = raw.last() == Some(&b'\n');
        let line = strip_newline(raw);
        let is_last = lines.peek().is_none();
        if line.is_empty() && is_last {
            break;
        }
        if footer.is_some() {
            integrity = Integrity::Tampered {
                line: line_no,
                reason: "there is data after the footer".into(),
            };
            break;
        }
        let value = match json::parse_line(line) {
            Ok(serde_json::Value::Object(v)) => v,
            Ok(_) => {
                integrity = Integrity::Tampered {
                    line: line_no,
                    reason: "the line is not a JSON object".into(),
                };
                break;
            }
            Err(_) if is_last && !ends_with_newline => {
                integrity = Integrity::Incomplete {
                    reason: format!("line {line_no} was cut short while being written"),
                };
                break;
            }
            Err(e) => {
                integrity = Integrity::Tampered {
                    line: line_no,
                    reason: format!("the line is not valid JSON ({e})"),
                };
                break;
            }
        };
        if let Some(footer_value) = value.get("footer") {
            // Nothing may stand beside the footer: the signature covers the footer object only.
            if let Some(extra) = value.keys().find(|k| *k != "footer") {
                integrity = Integrity::Tampered {
                    line: line_no,
                    reason: format!(
                        "the footer line holds `{extra}` beside the footer; nothing outside the signed footer may be there"
                    ),
                };
                break;
            }
            // The chain ends at the footer's own `prev`, which the signature covers.
            if footer_value.get("prev").and_then(|p| p.as_str()) != Some(prev.as_str()) {
                integrity = Integrity::Tampered {
                    line: line_no,
                    reason: "the footer's `prev` is not the hash of the line before it: that line was changed, or lines were removed, inserted or reordered here".into(),
                };
                break;
            }
            let body = serde_json::from_value::<FooterBody>(footer_value.clone())
                .map_err(|e| e.to_string())
                .and_then(|b| footer_digest(footer_value).map(|d| (b, d)));
            match body {
                Ok((f, digest)) => {
                    if f.events != events.len() as u64 {
                        integrity = Integrity::Tampered {
                            line: line_no,
                            reason: format!(
                                "the footer counts {} events but {} precede it",
                                f.events,
                                events.len()
                            ),
                        };
                        break;
                    }
                    footer = Some(Footer {
                        events: f.events,
                        ended_at_ms: f.ended_at_ms,
                        outcome: f.outcome,
                        prev: f.prev,
                        signature: f.signature,
                        digest,
                    });
                    integrity = Integrity::Complete;
                }
                Err(e) => {
                    integrity = Integrity::Tampered {
                        line: line_no,
                        reason: format!("the footer is malformed ({e})"),
                    };
                    break;
                }
            }
            continue;
        }
        if value.get("prev").and_then(|p| p.as_str()) != Some(prev.as_str()) {
            integrity = Integrity::Tampered {
                line: line_no,
                reason: "its `prev` hash does not match the line before: that line was changed, or lines were removed, inserted or reordered here".into(),
            };
            break;
        }
        let value = serde_json::Value::Object(value);
        if value.get("poses").is_some() {
            match serde_json::from_value::<PoseLine>(value) {
                Ok(p) => poses.push(p.poses),
                Err(e) => {
                    integrity = Integrity::Tampered {
                        line: line_no,
                        reason: format!("the pose sample is malformed ({e})"),
                    };
                    break;
                }
            }
        } else {
            match serde_json::from_value::<EventLine>(value) {
                Ok(ev) if ev.n == events.len() as u64 + 1 => events.push(ev.action),
                Ok(ev) => {
                    integrity = Integrity::Tampered {
                        line: line_no,
                        reason: format!(
                            "event number {} follows event {}: events were removed or reordered",
                            ev.n,
                            events.len()
                        ),
                    };
                    break;
                }
                Err(e) => {
                    integrity = Integrity::Tampered {
                        line: line_no,
                        reason: format!("the event is malformed ({e})"),
                    };
                    break;
                }
            }
        }
        prev = sha256_hex(line);
    }
    Ok(Record {
        header,
        header_hash,
        events,
        poses,
        footer,
        integrity,
    })
}

fn strip_newline(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The result of re-scoring a record.
#[derive(Debug, Clone, PartialEq)]
pub struct Replay {
    /// Feedback of every action, in order.
    pub feedback: Vec<Feedback>,
    /// The outcome the events give.
    pub outcome: SessionOutcome,
    /// Whether the scenario's hash is the one the header names.
    pub scenario_matches: bool,
    /// Where the stored outcome differs from the recomputed one (JSON pointers); empty when they
    /// agree or when there is no footer.
    pub differences: Vec<String>,
}

impl Replay {
    /// Whether the record re-scores to exactly what it stores.
    pub fn matches(&self, record: &Record) -> bool {
        self.scenario_matches && record.footer.is_some() && self.differences.is_empty()
    }
}

/// Runs a record's events through the tracker and compares with its footer.
pub fn replay(record: &Record, scenario: Arc<Scenario>) -> Replay {
    let scenario_matches = scenario.hash() == record.header.scenario.sha256;
    let mut tracker = Tracker::new(scenario, record.header.config());
    let mut feedback = Vec::new();
    for action in &record.events {
        tracker.apply(action, &mut feedback);
    }
    let outcome = tracker.outcome();
    let differences = match &record.footer {
        Some(f) => {
            let stored = serde_json::to_value(&f.outcome).unwrap_or_default();
            let computed = serde_json::to_value(&outcome).unwrap_or_default();
            let mut diffs = Vec::new();
            diff_json("", &stored, &computed, &mut diffs);
            diffs
        }
        None => Vec::new(),
    };
    Replay {
        feedback,
        outcome,
        scenario_matches,
        differences,
    }
}

fn diff_json(path: &str, a: &serde_json::Value, b: &serde_json::Value, out: &mut Vec<String>) {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            for k in keys {
                diff_json(
                    &format!("{path}/{k}"),
                    x.get(k).unwrap_or(&Value::Null),
                    y.get(k).unwrap_or(&Value::Null),
                    out,
                );
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                diff_json(&format!("{path}/{i}"), p, q, out);
            }
        }
        _ if a != b => out.push(format!("{path}: stored {a}, recomputed {b}")),
        _ => {}
    }
}

/// Runs a whole session from actions, writing its record to `out`; returns the outcome.
pub fn record_session<W: Write>(
    scenario: Arc<Scenario>,
    header: &Header,
    actions: &[LearnerAction],
    out: W,
    feedback: &mut Vec<Feedback>,
) -> io::Result<(SessionOutcome, W)> {
    let mut writer = RecordWriter::create(out, header)?;
    let mut tracker = Tracker::new(scenario, header.config());
    for a in actions {
        writer.append(a)?;
        tracker.apply(a, feedback);
        if tracker.is_finished() {
            break;
        }
    }
    if !tracker.is_finished() {
        let end = crate::action::LearnerAction {
            at: tracker.now(),
            kind: crate::action::ActionKind::Finish,
        };
        writer.append(&end)?;
        tracker.apply(&end, feedback);
    }
    let outcome = tracker.outcome();
    let out = writer.finish(&outcome)?;
    Ok((outcome, out))
}
