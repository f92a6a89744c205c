//! Checking one session record the way a center must before it believes it: the hash chain is
//! whole, a trusted station signed it, and its events re-score to the outcome it stores against
//! the exact scenario version its header names. Shared by `praxis verify` and
//! `praxis center ingest`.

use super::{Stations, Trust};
use crate::record::sign::{self, SignatureStatus};
use crate::record::{self, Integrity, Record};
use crate::scenario::Scenario;
use crate::scoring::SessionOutcome;
use std::collections::HashMap;
use std::sync::Arc;

/// Scenario versions by content hash (the `sha256` a record's header names).
#[derive(Debug, Clone, Default)]
pub struct ScenarioSet {
    by_hash: HashMap<String, Arc<Scenario>>,
    skipped: Vec<String>,
}

impl ScenarioSet {
    /// Adds a version (a second copy of the same hash is ignored).
    pub fn insert(&mut self, scenario: Arc<Scenario>) {
        self.by_hash
            .entry(scenario.hash().to_string())
            .or_insert(scenario);
    }

    /// Notes a version that could not be used, and why.
    pub fn skip(&mut self, why: String) {
        self.skipped.push(why);
    }

    /// The versions that could not be used, each with why: the records that name them are
    /// reported as naming an unknown version.
    pub fn skipped(&self) -> &[String] {
        &self.skipped
    }

    /// The version with this hash.
    pub fn get(&self, sha256: &str) -> Option<&Arc<Scenario>> {
        self.by_hash.get(sha256)
    }

    /// Every version, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &Arc<Scenario>> {
        self.by_hash.values()
    }

    /// How many versions are known.
    pub fn len(&self) -> usize {
        self.by_hash.len()
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.by_hash.is_empty()
    }
}

/// Which stations a check accepts.
#[derive(Debug, Clone)]
pub enum TrustPolicy {
    /// Only these public keys.
    Keys(Vec<String>),
    /// The center's enrolled stations; `strict: false` accepts any valid signature when none is
    /// enrolled (`praxis verify` on a machine that is not a center).
    Center {
        /// The center's stations.
        stations: Stations,
        /// Refuse every key when no station is enrolled.
        strict: bool,
    },
}

/// Who signed a valid record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signer {
    /// The station's public key.
    pub key: String,
    /// Its name in the center, when enrolled there.
    pub name: Option<String>,
}

impl Signer {
    /// The station name when enrolled, else the start of its key.
    pub fn label(&self) -> String {
        match &self.name {
            Some(n) => format!("station `{n}`"),
            None => format!("station {}…", &self.key[..12.min(self.key.len())]),
        }
    }
}

/// What a check found.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Whole, signed by a trusted station, and it re-scores to what it stores.
    Valid {
        /// Who signed it.
        signer: Signer,
        /// The outcome (stored and recomputed: they are equal).
        outcome: Box<SessionOutcome>,
    },
    /// The chain is whole but the record stops before its footer (the session did not end
    /// normally, or is still running). Nothing is signed yet, so nothing in it is believed:
    /// it is not re-scored (`praxis replay` shows the score so far).
    Incomplete {
        /// Why the record is incomplete.
        reason: String,
    },
    /// Not a session record at all.
    NotARecord(String),
    /// A line was changed, removed, added or reordered, or the signature or the stored outcome
    /// does not match.
    Tampered {
        /// The line where the chain breaks, if that is where.
        line: Option<usize>,
        /// Why.
        reason: String,
    },
    /// Complete but carrying no signature.
    Unsigned,
    /// Signed by a key the policy does not trust.
    UnknownStation {
        /// The key.
        key: String,
    },
    /// Signed by a station the center has revoked.
    RevokedStation {
        /// Its name.
        name: String,
        /// When it was revoked.
        at: String,
    },
    /// The scenario version the header names is not known, so the record cannot be re-scored.
    ScenarioUnknown {
        /// Scenario id, version and hash from the header.
        id: String,
        /// Version.
        version: String,
        /// Hash.
        sha256: String,
    },
}

impl Verdict {
    /// Whether the record can be believed.
    pub fn is_valid(&self) -> bool {
        matches!(self, Verdict::Valid { .. })
    }

    /// One line for a person: `valid — …`, `tampered at line 4: …`.
    pub fn describe(&self) -> String {
        match self {
            Verdict::Valid { signer, outcome } => format!(
                "valid — {}, {} {:.0} %",
                signer.label(),
                if outcome.passed { "passed" } else { "failed" },
                outcome.score.scaled * 100.0
            ),
            Verdict::Incomplete { reason, .. } => format!("truncated: {reason}"),
            Verdict::NotARecord(e) => format!("not a session record ({e})"),
            Verdict::Tampered {
                line: Some(l),
                reason,
            } => format!("tampered at line {l}: {reason}"),
            Verdict::Tampered { line: None, reason } => format!("tampered: {reason}"),
            Verdict::Unsigned => "unsigned: no station signature".into(),
            Verdict::UnknownStation { key } => {
                format!("unknown station: signed by {key}, which is not a trusted station")
            }
            Verdict::RevokedStation { name, at } => {
                format!("revoked station: signed by `{name}`, revoked {at}")
            }
            Verdict::ScenarioUnknown {
                id,
                version,
                sha256,
            } => format!(
                "scenario version unknown: {id} {version} (sha256 {sha256}) is not among the known scenario versions"
            ),
        }
    }
}

/// Checks a record's bytes. Returns the record when it could be read, and the verdict.
pub fn check(
    bytes: &[u8],
    policy: &TrustPolicy,
    scenarios: &ScenarioSet,
) -> (Option<Record>, Verdict) {
    let rec = match record::read(bytes) {
        Ok(r) => r,
        Err(e) => return (None, Verdict::NotARecord(e.to_string())),
    };
    let verdict = check_record(&rec, policy, scenarios);
    (Some(rec), verdict)
}

/// Checks a record already read.
pub fn check_record(rec: &Record, policy: &TrustPolicy, scenarios: &ScenarioSet) -> Verdict {
    match &rec.integrity {
        Integrity::Complete => {}
        Integrity::Incomplete { reason } => {
            return Verdict::Incomplete {
                reason: reason.clone(),
            };
        }
        Integrity::Tampered { line, reason } => {
            return Verdict::Tampered {
                line: Some(*line),
                reason: reason.clone(),
            };
        }
    }
    let key = match sign::check(rec) {
        SignatureStatus::Valid { key } => key,
        SignatureStatus::Unsigned | SignatureStatus::NoFooter => return Verdict::Unsigned,
        SignatureStatus::Invalid { reason } => return Verdict::Tampered { line: None, reason },
    };
    let signer = match policy {
        TrustPolicy::Keys(keys) => {
            if !keys.contains(&key) {
                return Verdict::UnknownStation { key };
            }
            Signer { key, name: None }
        }
        TrustPolicy::Center { stations, strict } => {
            if stations.stations.is_empty() && !strict {
                Signer { key, name: None }
            } else {
                match stations.trust(&key) {
                    Trust::Enrolled(n) => Signer { key, name: Some(n) },
                    Trust::Revoked(name, at) => return Verdict::RevokedStation { name, at },
                    Trust::Unknown => return Verdict::UnknownStation { key },
                }
            }
        }
    };
    let sc = &rec.header.scenario;
    let Some(scenario) = scenarios.get(&sc.sha256) else {
        return Verdict::ScenarioUnknown {
            id: sc.id.clone(),
            version: sc.version.clone(),
            sha256: sc.sha256.clone(),
        };
    };
    let replay = record::replay(rec, scenario.clone());
    if !replay.matches(rec) {
        return Verdict::Tampered {
            line: None,
            reason: format!(
                "the stored outcome is not what the events give ({})",
                replay.differences.join("; ")
            ),
        };
    }
    Verdict::Valid {
        signer,
        outcome: Box::new(replay.outcome),
    }
}
