//! Filing records into the center database: each is read and checked (in parallel, one worker
//! per core) and filed in order (in one transaction per batch). Tampered, unsigned,
//! unknown-station, revoked-station and unknown-scenario records are refused with the reason;
//! records without a footer are filed as incomplete; a session already filed is never filed
//! twice; an erased session is never filed again.

use super::db::{Db, DbError, Filed};
use super::verify::{self, ScenarioSet, TrustPolicy, Verdict};
use crate::scenario::Scenario;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What became of one file.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Filed (new, or completing an incomplete copy).
    Filed {
        /// Whether it was filed as incomplete.
        incomplete: bool,
        /// Whether it replaced an incomplete copy.
        completed: bool,
    },
    /// Already filed: nothing changed.
    AlreadyFiled,
    /// Erased before (a learner's request or the retention period): not filed again.
    Erased(String),
    /// Older than the retention period: not filed.
    PastRetention,
    /// Refused, with the reason.
    Refused(String),
}

/// Counts of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Newly filed, complete.
    pub filed: usize,
    /// Newly filed as incomplete.
    pub incomplete: usize,
    /// Already there.
    pub already: usize,
    /// Erased or past retention.
    pub skipped: usize,
    /// Refused.
    pub refused: usize,
}

impl Summary {
    /// Adds one outcome.
    pub fn add(&mut self, o: &Outcome) {
        match o {
            Outcome::Filed {
                incomplete: true, ..
            } => self.incomplete += 1,
            Outcome::Filed { .. } => self.filed += 1,
            Outcome::AlreadyFiled => self.already += 1,
            Outcome::Erased(_) | Outcome::PastRetention => self.skipped += 1,
            Outcome::Refused(_) => self.refused += 1,
        }
    }
}

/// Every `.jsonl` file under the given files and folders (recursively), sorted per folder.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out)?;
            } else if p.extension().is_some_and(|e| e == "jsonl") {
                out.push(p);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out)?;
        } else if p.is_file() {
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
    /// Every scenario file in a folder that loads (the others are left out).
    pub fn from_dir(dir: &Path) -> ScenarioSources {
        let mut me = ScenarioSources::default();
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ron"))
            .collect();
        files.sort();
        for path in files {
            if let Ok(bytes) = std::fs::read(&path)
                && let Ok(s) = Scenario::from_bytes(&path.display().to_string(), &bytes, None)
            {
                me.by_hash
                    .entry(s.hash().to_string())
                    .or_insert((Arc::new(s), bytes));
            }
        }
        me
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
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 16);
    let mut outcomes: Vec<Option<Outcome>> = vec![None; files.len()];
    let mut stored: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut done = 0usize;
    for chunk_start in (0..files.len()).step_by(BATCH) {
        let chunk = &files[chunk_start..(chunk_start + BATCH).min(files.len())];
        // Read and check in parallel.
        let checked: Vec<Checked> = std::thread::scope(|scope| {
            let per = chunk.len().div_ceil(workers).max(1);
            let handles: Vec<_> = chunk
                .chunks(per)
                .map(|part| {
                    let scenarios = &scenarios;
                    scope.spawn(move || {
                        part.iter()
                            .map(|p| check_file(p, policy, scenarios))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        });
        // File in order, in one transaction.
        let batch = db.begin()?;
        let mut to_store = Vec::new();
        for (i, c) in checked.into_iter().enumerate() {
            let outcome = match c {
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
                        let signer_ref = signer.as_ref().map(|(k, n)| (k.as_str(), n.as_deref()));
                        match batch.file(&rec, &bytes, signer_ref, outcome.as_deref())? {
                            f @ (Filed::New | Filed::Completed) => {
                                let sha = &rec.header.scenario.sha256;
                                if !stored.contains(sha) {
                                    stored.insert(sha.clone());
                                    to_store.push(sha.clone());
                                }
                                Outcome::Filed {
                                    incomplete: rec.footer.is_none(),
                                    completed: f == Filed::Completed,
                                }
                            }
                            Filed::AlreadyFiled => Outcome::AlreadyFiled,
                            Filed::Conflict => Outcome::Refused(format!(
                                "a different record of session {} is already filed",
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
        batch.commit()?;
        for sha in to_store {
            if let Some((s, bytes)) = sources.by_hash.get(&sha) {
                db.store_scenario(s, bytes)?;
            }
        }
    }
    Ok(outcomes.into_iter().flatten().collect())
}

enum Checked {
    Refused(String),
    Ok {
        rec: Box<crate::record::Record>,
        bytes: Vec<u8>,
        signer: Option<(String, Option<String>)>,
        outcome: Option<Box<crate::scoring::SessionOutcome>>,
    },
}

fn check_file(path: &Path, policy: &TrustPolicy, scenarios: &ScenarioSet) -> Checked {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return Checked::Refused(format!("cannot read ({e})")),
    };
    let (rec, verdict) = verify::check(&bytes, policy, scenarios);
    match (rec, verdict) {
        (Some(rec), Verdict::Valid { signer, outcome }) => Checked::Ok {
            rec: Box::new(rec),
            bytes,
            signer: Some((signer.key, signer.name)),
            outcome: Some(outcome),
        },
        (Some(rec), Verdict::Incomplete { outcome, .. }) => {
            if let Err(e) = rec.header.check() {
                return Checked::Refused(format!("bad header: {e}"));
            }
            Checked::Ok {
                rec: Box::new(rec),
                bytes,
                signer: None,
                outcome,
            }
        }
        (_, v) => Checked::Refused(v.describe()),
    }
}
