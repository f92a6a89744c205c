//! Filing records into the center database: each is read and checked (in parallel, one worker
//! per core) and filed in order (in one transaction per batch). Tampered, unsigned,
//! unknown-station, revoked-station and unknown-scenario records are refused with the reason;
//! records without a footer are held as incomplete, never results; two validly signed records
//! of one session are both held as a conflict; a session already filed is never filed twice;
//! an erased session is never filed again.

use super::db::{Db, DbError, Filed};
use super::verify::{self, ScenarioSet, TrustPolicy, Verdict};
use crate::scenario::Scenario;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What became of one file.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Filed as a result (new, or replacing held copies without a footer).
    Filed {
        /// Whether it replaced copies without a footer.
        completed: bool,
    },
    /// Held as incomplete (no footer): kept for the learner's rights, never a result.
    HeldIncomplete,
    /// Another validly signed record of the same session is there: both are held as a
    /// conflict, out of every result.
    Conflict(String),
    /// Already filed or held: nothing changed.
    AlreadyFiled,
    /// Erased before (a learner's request or the retention period): not filed again.
    Erased(String),
    /// Older than the retention period: not filed.
    PastRetention,
    /// Refused, with the reason.
    Refused(String),
    /// Could not be read (not a regular file, too large, no permission), with the reason.
    Unreadable(String),
}

/// Counts of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Newly filed.
    pub filed: usize,
    /// Newly held as incomplete.
    pub incomplete: usize,
    /// Held as a conflict.
    pub conflicts: usize,
    /// Already there.
    pub already: usize,
    /// Erased or past retention.
    pub skipped: usize,
    /// Refused.
    pub refused: usize,
    /// Could not be read.
    pub unreadable: usize,
}

impl Summary {
    /// Adds one outcome.
    pub fn add(&mut self, o: &Outcome) {
        match o {
            Outcome::Filed { .. } => self.filed += 1,
            Outcome::HeldIncomplete => self.incomplete += 1,
            Outcome::Conflict(_) => self.conflicts += 1,
            Outcome::AlreadyFiled => self.already += 1,
            Outcome::Erased(_) | Outcome::PastRetention => self.skipped += 1,
            Outcome::Refused(_) => self.refused += 1,
            Outcome::Unreadable(_) => self.unreadable += 1,
        }
    }
}

/// Every regular `.jsonl` file under the given files and folders (recursively), sorted per
/// folder; what a folder holds that is not a regular file, or links out of it, is skipped and
/// said in `warnings`. A path that does not exist is an error.
pub fn collect(paths: &[PathBuf], warnings: &mut Vec<String>) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            out.extend(crate::files::list(p, "jsonl", true, warnings)?);
        } else if p.exists() {
            // Named on purpose: read (and refused there if it is not a regular file).
            out.push(p.clone());
        } else {
            return Err(format!("{}: no such file or folder", p.display()));
        }
    }
    Ok(out)
}

/// Scenario versions that a run may store in the center when a filed record names them: the
/// parsed scenario and its source bytes, by hash.
#[derive(Default)]
pub struct ScenarioSources {
    by_hash: HashMap<String, (Arc<Scenario>, Vec<u8>)>,
}

impl ScenarioSources {
    /// Every scenario file in a folder that loads (the others are left out); only regular
    /// files within their size are read, and what is skipped is said in `warnings`. An error
    /// when the folder cannot be listed.
    pub fn from_dir(dir: &Path, warnings: &mut Vec<String>) -> Result<ScenarioSources, String> {
        let mut me = ScenarioSources::default();
        for path in crate::files::list(dir, "ron", false, warnings)? {
            let bytes = match crate::files::read_limited(&path, crate::files::MAX_SCENARIO_BYTES) {
                Ok(b) => b,
                Err(e) => {
                    warnings.push(format!("{}: skipped: {e}", path.display()));
                    continue;
                }
            };
            if let Ok(s) = Scenario::kept_version(&path.display().to_string(), &bytes) {
                me.by_hash
                    .entry(s.hash().to_string())
                    .or_insert((Arc::new(s), bytes));
            }
        }
        Ok(me)
    }

    /// Adds them to a scenario set.
    pub fn add_to(&self, set: &mut ScenarioSet) {
        for (s, _) in self.by_hash.values() {
            set.insert(s.clone());
        }
    }
}

/// How many records are filed per transaction.
const BATCH: usize = 2000;

/// Checks and files `files`; `progress` is called after each file. Returns each file's outcome
/// in order.
pub fn run(
    db: &mut Db,
    files: &[PathBuf],
    policy: &TrustPolicy,
    sources: &ScenarioSources,
    mut progress: impl FnMut(usize),
) -> Result<Vec<Outcome>, DbError> {
    let mut scenarios = db.scenarios()?;
    sources.add_to(&mut scenarios);
    let cutoff = db.retention_cutoff()?;
    db.prune()?;
    let mut outcomes: Vec<Option<Outcome>> = vec![None; files.len()];
    let mut stored: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut done = 0usize;
    for chunk_start in (0..files.len()).step_by(BATCH) {
        let chunk = &files[chunk_start..(chunk_start + BATCH).min(files.len())];
        // Read and check in parallel.
        let checked = super::par_map(chunk, |p| check_file(p, policy, &scenarios));
        // File in order, in one transaction.
        let batch = db.begin()?;
        let mut to_store = Vec::new();
        for (i, c) in checked.into_iter().enumerate() {
            let outcome = match c {
                Checked::Unreadable(reason) => Outcome::Unreadable(reason),
                Checked::Refused(reason) => Outcome::Refused(reason),
                Checked::Ok {
                    rec,
                    bytes,
                    signer,
                    outcome,
                } => {
                    if cutoff
                        .as_deref()
                        .is_some_and(|c| rec.header.started_at.as_str() < c)
                    {
                        Outcome::PastRetention
                    } else {
                        let verified = signer
                            .as_ref()
                            .zip(outcome.as_deref())
                            .map(|((k, n), o)| ((k.as_str(), n.as_deref()), o));
                        let filed = batch.file(&rec, &bytes, verified)?;
                        if matches!(filed, Filed::New | Filed::Completed | Filed::Conflict) {
                            let sha = &rec.header.scenario.sha256;
                            if stored.insert(sha.clone()) {
                                to_store.push(sha.clone());
                            }
                        }
                        match filed {
                            Filed::New => Outcome::Filed { completed: false },
                            Filed::Completed => Outcome::Filed { completed: true },
                            Filed::HeldIncomplete => Outcome::HeldIncomplete,
                            Filed::AlreadyFiled => Outcome::AlreadyFiled,
                            Filed::Conflict => Outcome::Conflict(format!(
                                "another validly signed record of session {} is filed or held: both are held, out of every result, until the center finds out which is genuine",
                                rec.header.session
                            )),
                            Filed::Erased(at) => Outcome::Erased(at),
                        }
                    }
                }
            };
            outcomes[chunk_start + i] = Some(outcome);
            done += 1;
            progress(done);
        }
        // The scenario versions filed records name are kept in the same transaction, so that
        // every filed record can be re-scored from the center alone.
        for sha in to_store {
            if let Some((s, bytes)) = sources.by_hash.get(&sha) {
                batch.store_scenario(s, bytes)?;
            }
        }
        batch.commit()?;
    }
    Ok(outcomes.into_iter().flatten().collect())
}

enum Checked {
    Unreadable(String),
    Refused(String),
    Ok {
        rec: Box<crate::record::Record>,
        bytes: Vec<u8>,
        signer: Option<(String, Option<String>)>,
        outcome: Option<Box<crate::scoring::SessionOutcome>>,
    },
}

fn check_file(path: &Path, policy: &TrustPolicy, scenarios: &ScenarioSet) -> Checked {
    let bytes = match crate::files::read_limited(path, crate::files::MAX_RECORD_BYTES) {
        Ok(b) => b,
        Err(e) => return Checked::Unreadable(format!("cannot read ({e})")),
    };
    let (rec, verdict) = verify::check(&bytes, policy, scenarios);
    match (rec, verdict) {
        (Some(rec), Verdict::Valid { signer, outcome }) => Checked::Ok {
            rec: Box::new(rec),
            bytes,
            signer: Some((signer.key, signer.name)),
            outcome: Some(outcome),
        },
        // Nothing in it is signed: it is held, without a score.
        (Some(rec), Verdict::Incomplete { .. }) => {
            if let Err(e) = rec.header.check() {
                return Checked::Refused(format!("bad header: {e}"));
            }
            Checked::Ok {
                rec: Box::new(rec),
                bytes,
                signer: None,
                outcome: None,
            }
        }
        (_, v) => Checked::Refused(v.describe()),
    }
}
