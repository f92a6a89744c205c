//! The center database: one SQLite file (`center.sqlite` in the center folder), created on first
//! use and brought up to date by numbered migrations (SQLite's `user_version` holds the last one
//! applied). It keeps every filed session with its record bytes, one row per step attempt, the
//! errors and critical failures, the held records that are never results (no footer, failed a
//! later check, or in conflict with another record of the session), every scenario version a
//! record names (by content hash, so old sessions can be re-scored after scenarios change),
//! cohorts, and the ids of erased sessions (so an erased session is never filed again).
//!
//! Several Praxis processes may use it at once: each waits up to [`BUSY_TIMEOUT`] for another's
//! write, and migrations and batches take the write lock when they begin. Erasing uses SQLite's
//! `secure_delete`, so a forgotten learner's data is overwritten in the file, not only unlinked.

use super::verify::ScenarioSet;
use crate::scenario::Scenario;
use crate::scoring::StepStatus;
use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The database file's name in the center folder.
pub const FILE: &str = "center.sqlite";

mod erase;
mod filing;
mod queries;
pub mod recheck;
mod schema;

pub use erase::Erased;
pub use filing::{Batch, Filed, HeldKind};
pub use queries::{Filter, HeldRow, SessionRow, StepRow};

/// How long a command waits for another Praxis process's write before it gives up.
pub const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// The schema version this build writes.
pub const SCHEMA_VERSION: usize = schema::MIGRATIONS.len();

/// A database error, with the file it concerns.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct DbError {
    path: String,
    message: String,
}

/// An open center database.
pub struct Db {
    conn: Connection,
    path: PathBuf,
    rechecked: Option<recheck::Recheck>,
}

fn mk_err(path: &Path, e: impl std::fmt::Display) -> DbError {
    DbError {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

/// Whether an error is another connection's lock.
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

fn store_scenario(conn: &Connection, scenario: &Scenario, source: &[u8]) -> rusqlite::Result<bool> {
    let n = conn.execute(
        "INSERT OR IGNORE INTO scenarios (sha256, id, version, source, added_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![scenario.hash(), scenario.id(), scenario.version(), source, now()],
    )?;
    Ok(n > 0)
}

fn now() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

fn status_name(s: StepStatus) -> String {
    serde_json::to_value(s)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

impl Db {
    /// Opens (creating when needed) the database in a center folder, migrates it, and — the
    /// first time a Praxis with stricter record checks opens it — checks every filed record
    /// again ([`super::recheck`]; see [`Db::rechecked`]).
    pub fn open(dir: &Path) -> Result<Db, DbError> {
        let path = dir.join(FILE);
        let err = |e: &dyn std::fmt::Display| DbError {
            path: path.display().to_string(),
            message: e.to_string(),
        };
        super::check_dir(dir).map_err(|e| DbError {
            path: dir.display().to_string(),
            message: e,
        })?;
        std::fs::create_dir_all(dir).map_err(|e| err(&e))?;
        let conn = Connection::open(&path).map_err(|e| err(&e))?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| err(&e))?;
        conn.execute_batch(
            "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA synchronous = NORMAL;",
        )
        .map_err(|e| err(&e))?;
        // Turning a new file to WAL takes an exclusive lock for which SQLite does not wait:
        // two processes opening a new center at once retry until the other is done.
        let start = std::time::Instant::now();
        loop {
            match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
                Ok(_) => break,
                Err(e) if is_busy(&e) && start.elapsed() < BUSY_TIMEOUT => {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(e) => return Err(err(&e)),
            }
        }
        let mut db = Db {
            conn,
            path,
            rechecked: None,
        };
        db.migrate()?;
        db.rechecked = recheck::if_needed(&mut db)?;
        Ok(db)
    }

    /// What checking the filed records again did, when this opening did it.
    pub fn rechecked(&self) -> Option<&recheck::Recheck> {
        self.rechecked.as_ref()
    }

    fn err(&self, e: impl std::fmt::Display) -> DbError {
        DbError {
            path: self.path.display().to_string(),
            message: e.to_string(),
        }
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the file.
    pub fn schema_version(&self) -> Result<usize, DbError> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
            .map(|v| v as usize)
            .map_err(|e| self.err(e))
    }

    /// Applies the migrations the file lacks. The write lock is taken first and the version
    /// read again under it, so two processes opening a new center at once do not both migrate.
    fn migrate(&mut self) -> Result<(), DbError> {
        if self.schema_version()? == SCHEMA_VERSION {
            return Ok(());
        }
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| mk_err(&path, e))?;
        let current = tx
            .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
            .map_err(|e| mk_err(&path, e))? as usize;
        if current > SCHEMA_VERSION {
            return Err(mk_err(
                &path,
                format!(
                    "the center database is at schema version {current}, newer than this Praxis knows ({SCHEMA_VERSION}); use a newer Praxis"
                ),
            ));
        }
        for (i, sql) in schema::MIGRATIONS.iter().enumerate().skip(current) {
            tx.execute_batch(sql)
                .and_then(|_| tx.pragma_update(None, "user_version", (i + 1) as i64))
                .map_err(|e| mk_err(&path, format!("migration {} failed: {e}", i + 1)))?;
        }
        tx.commit().map_err(|e| mk_err(&path, e))
    }

    /// Every scenario version stored, by hash.
    pub fn scenarios(&self) -> Result<ScenarioSet, DbError> {
        let mut set = ScenarioSet::default();
        let mut stmt = self
            .conn
            .prepare("SELECT sha256, id, version, source FROM scenarios")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Vec<u8>>(3)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        for row in rows {
            let (sha, id, version, source) = row.map_err(|e| self.err(e))?;
            let name = format!("{}#scenario/{id}@{version}", self.path.display());
            // A version that cannot be used is skipped (and said), not fatal: the center's
            // other records, a learner's erasure and exports must still work.
            match Scenario::kept_version(&name, &source) {
                Ok(s) if s.hash() == sha => set.insert(Arc::new(s)),
                Ok(s) => set.skip(format!(
                    "{}: kept scenario {id} {version} hashes to {}, not {sha}: the store was changed",
                    self.path.display(),
                    s.hash()
                )),
                Err(r) => set.skip(format!(
                    "{}: kept scenario {id} {version} ({sha}) no longer loads: {}",
                    self.path.display(),
                    r.render_short().lines().next().unwrap_or_default()
                )),
            }
        }
        Ok(set)
    }

    /// Stores a scenario version (its source file's bytes); returns false when that hash was
    /// already stored.
    pub fn store_scenario(&self, scenario: &Scenario, source: &[u8]) -> Result<bool, DbError> {
        store_scenario(&self.conn, scenario, source).map_err(|e| self.err(e))
    }

    /// The stored scenario versions: (id, version, sha256, added at), by id and time.
    pub fn scenario_list(&self) -> Result<Vec<[String; 4]>, DbError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, version, sha256, added_at FROM scenarios ORDER BY id, added_at")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?]))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Starts a transaction for a batch of filings, holding the write lock from the start (a
    /// second process's batch waits for it rather than failing half-way).
    pub fn begin(&mut self) -> Result<Batch<'_>, DbError> {
        let path = self.path.display().to_string();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| DbError {
                path: path.clone(),
                message: e.to_string(),
            })?;
        Ok(Batch { tx, path })
    }

    /// Runs `f` in one write transaction (the write lock taken when it begins) and commits.
    pub(crate) fn write<T>(
        &mut self,
        f: impl FnOnce(&Batch<'_>) -> rusqlite::Result<T>,
    ) -> Result<T, DbError> {
        let path = self.path.clone();
        let batch = self.begin()?;
        let v = f(&batch).map_err(|e| mk_err(&path, e))?;
        batch.commit()?;
        Ok(v)
    }

    /// A setting.
    pub fn setting(&self, key: &str) -> Result<Option<String>, DbError> {
        self.conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Sets (or with `None` clears) a setting.
    pub fn set_setting(&self, key: &str, value: Option<&str>) -> Result<(), DbError> {
        match value {
            Some(v) => self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, v],
            ),
            None => self.conn.execute("DELETE FROM settings WHERE key = ?1", [key]),
        }
        .map(|_| ())
        .map_err(|e| self.err(e))
    }
}
