//! The center database: one SQLite file (`center.sqlite` in the center folder), created on first
//! use and brought up to date by numbered migrations (SQLite's `user_version` holds the last one
//! applied). It keeps every filed session with its record bytes, one row per step attempt, the
//! errors and critical failures, every scenario version a record names (by content hash, so old
//! sessions can be re-scored after scenarios change), cohorts, and the ids of erased sessions
//! (so an erased session is never filed again).
//!
//! Erasing uses SQLite's `secure_delete`, so a forgotten learner's data is overwritten in the
//! file, not only unlinked.

use super::verify::ScenarioSet;
use crate::record::Record;
use crate::scenario::Scenario;
use crate::scoring::{SessionOutcome, StepStatus};
use rusqlite::{Connection, OptionalExtension, params};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The database file's name in the center folder.
pub const FILE: &str = "center.sqlite";

/// Schema migrations, in order; migration `i` brings `user_version` from `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 1: sessions, step attempts, errors, critical failures, scenario versions, erasures,
    // settings.
    r#"
    CREATE TABLE scenarios (
        sha256 TEXT PRIMARY KEY,
        id TEXT NOT NULL,
        version TEXT NOT NULL,
        source BLOB NOT NULL,
        added_at TEXT NOT NULL
    );
    CREATE TABLE sessions (
        session TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('complete', 'incomplete')),
        learner TEXT NOT NULL,
        station TEXT NOT NULL,
        station_key TEXT,
        station_name TEXT,
        scenario_sha256 TEXT NOT NULL,
        scenario_id TEXT NOT NULL,
        scenario_version TEXT NOT NULL,
        mode TEXT NOT NULL,
        started_at TEXT NOT NULL,
        duration_ms INTEGER,
        passed INTEGER,
        finished INTEGER,
        scaled REAL,
        raw REAL,
        max REAL,
        pass_mark REAL,
        critical INTEGER,
        hints INTEGER,
        events INTEGER NOT NULL,
        record BLOB NOT NULL,
        record_sha256 TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX sessions_learner ON sessions (learner);
    CREATE INDEX sessions_scenario ON sessions (scenario_id, started_at);
    CREATE INDEX sessions_started ON sessions (started_at);
    CREATE TABLE steps (
        session TEXT NOT NULL REFERENCES sessions (session) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        step TEXT NOT NULL,
        status TEXT NOT NULL,
        points REAL NOT NULL,
        max REAL NOT NULL,
        completions INTEGER NOT NULL,
        at_ms INTEGER,
        took_ms INTEGER,
        correct INTEGER,
        PRIMARY KEY (session, ord)
    );
    CREATE INDEX steps_step ON steps (step);
    CREATE TABLE errors (
        session TEXT NOT NULL REFERENCES sessions (session) ON DELETE CASCADE,
        error TEXT NOT NULL,
        severity TEXT NOT NULL,
        count INTEGER NOT NULL,
        penalty REAL NOT NULL,
        PRIMARY KEY (session, error)
    );
    CREATE TABLE critical (
        session TEXT NOT NULL REFERENCES sessions (session) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        kind TEXT NOT NULL,
        id TEXT NOT NULL,
        at_ms INTEGER,
        PRIMARY KEY (session, ord)
    );
    CREATE TABLE erased (
        session TEXT PRIMARY KEY,
        erased_at TEXT NOT NULL,
        why TEXT NOT NULL
    );
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    "#,
    // 2: cohorts (named groups of learners, for reports).
    r#"
    CREATE TABLE cohorts (
        cohort TEXT NOT NULL,
        learner TEXT NOT NULL,
        PRIMARY KEY (cohort, learner)
    );
    CREATE INDEX cohorts_learner ON cohorts (learner);
    "#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

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
}

/// What filing one verified record did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filed {
    /// Filed as a new session.
    New,
    /// An incomplete copy was filed before; this one replaced it.
    Completed,
    /// The same session is already filed (same bytes, or a complete record over an incomplete
    /// one): nothing changed.
    AlreadyFiled,
    /// A different record with the same session id is already filed.
    Conflict,
    /// The session was erased (a learner's request or the retention period) and stays erased.
    Erased(String),
}

/// A session as filed: the columns reports and exports read.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionRow {
    /// Session UUID.
    pub session: String,
    /// `complete` or `incomplete`.
    pub status: String,
    /// Pseudonymous learner id.
    pub learner: String,
    /// The station id from the header.
    pub station: String,
    /// The enrolled station's name.
    pub station_name: Option<String>,
    /// Scenario id.
    pub scenario_id: String,
    /// Scenario version.
    pub scenario_version: String,
    /// Scenario hash.
    pub scenario_sha256: String,
    /// `guided` or `assessment`.
    pub mode: String,
    /// Start, RFC 3339 UTC.
    pub started_at: String,
    /// Length, ms.
    pub duration_ms: Option<u64>,
    /// Passed (none when incomplete).
    pub passed: Option<bool>,
    /// Scaled score 0..1.
    pub scaled: Option<f64>,
    /// Raw score.
    pub raw: Option<f64>,
    /// Maximum.
    pub max: Option<f64>,
    /// Pass mark 0..1.
    pub pass_mark: Option<f64>,
    /// Number of critical failures.
    pub critical: Option<u32>,
    /// Hints asked for.
    pub hints: Option<u32>,
    /// Number of events.
    pub events: u64,
}

/// A step attempt as filed.
#[derive(Debug, Clone, PartialEq)]
pub struct StepRow {
    /// Session UUID.
    pub session: String,
    /// Position of the step in the scenario.
    pub ord: u32,
    /// Step id.
    pub step: String,
    /// Status (`done`, `missed`, …).
    pub status: String,
    /// Points earned.
    pub points: f64,
    /// Points it could give.
    pub max: f64,
    /// Times completed.
    pub completions: u32,
    /// First completion, ms into the session.
    pub at_ms: Option<u64>,
    /// Time from the previous completed step (or the start) to this one, ms.
    pub took_ms: Option<u64>,
    /// For decisions: right or wrong.
    pub correct: Option<bool>,
}

/// Which sessions a report or export covers.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only this scenario id.
    pub scenario: Option<String>,
    /// Only this learner.
    pub learner: Option<String>,
    /// Only the learners of this cohort.
    pub cohort: Option<String>,
    /// Started at or after (RFC 3339 or a date `YYYY-MM-DD`).
    pub since: Option<String>,
    /// Started before (RFC 3339 or a date).
    pub until: Option<String>,
    /// Include incomplete sessions.
    pub incomplete: bool,
}

impl Filter {
    fn sql(&self) -> (String, Vec<String>) {
        let mut clauses = Vec::new();
        let mut args = Vec::new();
        if !self.incomplete {
            clauses.push("s.status = 'complete'".to_string());
        }
        if let Some(v) = &self.scenario {
            args.push(v.clone());
            clauses.push(format!("s.scenario_id = ?{}", args.len()));
        }
        if let Some(v) = &self.learner {
            args.push(v.clone());
            clauses.push(format!("s.learner = ?{}", args.len()));
        }
        if let Some(v) = &self.cohort {
            args.push(v.clone());
            clauses.push(format!(
                "s.learner IN (SELECT learner FROM cohorts WHERE cohort = ?{})",
                args.len()
            ));
        }
        if let Some(v) = &self.since {
            args.push(v.clone());
            clauses.push(format!("s.started_at >= ?{}", args.len()));
        }
        if let Some(v) = &self.until {
            args.push(v.clone());
            clauses.push(format!("s.started_at < ?{}", args.len()));
        }
        let sql = if clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", clauses.join(" AND "))
        };
        (sql, args)
    }
}

fn mk_err(path: &Path, e: impl std::fmt::Display) -> DbError {
    DbError {
        path: path.display().to_string(),
        message: e.to_string(),
    }
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
    /// Opens (creating when needed) the database in a center folder and migrates it.
    pub fn open(dir: &Path) -> Result<Db, DbError> {
        let path = dir.join(FILE);
        let err = |e: &dyn std::fmt::Display| DbError {
            path: path.display().to_string(),
            message: e.to_string(),
        };
        std::fs::create_dir_all(dir).map_err(|e| err(&e))?;
        let conn = Connection::open(&path).map_err(|e| err(&e))?;
        conn.execute_batch(
            "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;",
        )
        .map_err(|e| err(&e))?;
        let mut db = Db { conn, path };
        db.migrate()?;
        Ok(db)
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

    fn migrate(&mut self) -> Result<(), DbError> {
        let current = self.schema_version()?;
        if current > SCHEMA_VERSION {
            return Err(self.err(format!(
                "the center database is at schema version {current}, newer than this Praxis knows ({SCHEMA_VERSION}); use a newer Praxis"
            )));
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(current) {
            let path = self.path.clone();
            let tx = self.conn.transaction().map_err(|e| mk_err(&path, e))?;
            tx.execute_batch(sql)
                .and_then(|_| tx.pragma_update(None, "user_version", (i + 1) as i64))
                .and_then(|_| tx.commit())
                .map_err(|e| DbError {
                    path: self.path.display().to_string(),
                    message: format!("migration {} failed: {e}", i + 1),
                })?;
        }
        Ok(())
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
            match Scenario::from_bytes(&name, &source, None) {
                Ok(s) if s.hash() == sha => set.insert(Arc::new(s)),
                Ok(s) => {
                    return Err(self.err(format!(
                        "stored scenario {id} {version} hashes to {}, not {sha}: the store was changed",
                        s.hash()
                    )));
                }
                Err(_) => {
                    return Err(self.err(format!(
                        "stored scenario {id} {version} ({sha}) no longer loads"
                    )));
                }
            }
        }
        Ok(set)
    }

    /// Stores a scenario version (its source file's bytes); returns false when that hash was
    /// already stored.
    pub fn store_scenario(&self, scenario: &Scenario, source: &[u8]) -> Result<bool, DbError> {
        let n = self
            .conn
            .execute(
                "INSERT OR IGNORE INTO scenarios (sha256, id, version, source, added_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![scenario.hash(), scenario.id(), scenario.version(), source, now()],
            )
            .map_err(|e| self.err(e))?;
        Ok(n > 0)
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

    /// Starts a transaction for a batch of filings.
    pub fn begin(&mut self) -> Result<Batch<'_>, DbError> {
        let path = self.path.display().to_string();
        let tx = self.conn.transaction().map_err(|e| DbError {
            path: path.clone(),
            message: e.to_string(),
        })?;
        Ok(Batch { tx, path })
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

    /// The retention period, when one is set.
    pub fn retention(&self) -> Result<Option<std::time::Duration>, DbError> {
        match self.setting("retention")? {
            None => Ok(None),
            Some(v) => humantime::parse_duration(&v)
                .map(Some)
                .map_err(|e| self.err(format!("retention `{v}`: {e}"))),
        }
    }

    /// The start time before which sessions are past the retention period (RFC 3339).
    pub fn retention_cutoff(&self) -> Result<Option<String>, DbError> {
        Ok(self.retention()?.map(|d| {
            let t = std::time::SystemTime::now()
                .checked_sub(d)
                .unwrap_or(std::time::UNIX_EPOCH);
            humantime::format_rfc3339_seconds(t).to_string()
        }))
    }

    /// Erases the sessions started before the retention cutoff; returns how many.
    pub fn prune(&mut self) -> Result<usize, DbError> {
        let Some(cutoff) = self.retention_cutoff()? else {
            return Ok(0);
        };
        self.erase_where("started_at < ?1", &cutoff, "retention period")
    }

    /// Erases every session of a learner and their cohort memberships; returns how many
    /// sessions.
    pub fn forget(&mut self, learner: &str) -> Result<usize, DbError> {
        let n = self.erase_where("learner = ?1", learner, "learner's request")?;
        self.conn
            .execute("DELETE FROM cohorts WHERE learner = ?1", [learner])
            .map_err(|e| self.err(e))?;
        // Overwrite what the deleted rows left in the write-ahead log too.
        self.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .map_err(|e| self.err(e))?;
        Ok(n)
    }

    fn erase_where(&mut self, clause: &str, arg: &str, why: &str) -> Result<usize, DbError> {
        let at = now();
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(|e| mk_err(&path, e))?;
        let run = || -> rusqlite::Result<usize> {
            tx.execute(
                &format!(
                    "INSERT OR IGNORE INTO erased (session, erased_at, why) SELECT session, ?2, ?3 FROM sessions WHERE {clause}"
                ),
                params![arg, at, why],
            )?;
            tx.execute(&format!("DELETE FROM sessions WHERE {clause}"), [arg])
        };
        let n = run().map_err(|e| DbError {
            path: self.path.display().to_string(),
            message: e.to_string(),
        })?;
        tx.commit().map_err(|e| self.err(e))?;
        Ok(n)
    }

    /// The sessions a filter selects, by start time.
    pub fn sessions(&self, filter: &Filter) -> Result<Vec<SessionRow>, DbError> {
        let (clause, args) = filter.sql();
        let sql = format!(
            "SELECT s.session, s.status, s.learner, s.station, s.station_name, s.scenario_id, s.scenario_version, s.scenario_sha256, s.mode, s.started_at, s.duration_ms, s.passed, s.scaled, s.raw, s.max, s.pass_mark, s.critical, s.hints, s.events FROM sessions s{clause} ORDER BY s.started_at, s.session"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), |r| {
                Ok(SessionRow {
                    session: r.get(0)?,
                    status: r.get(1)?,
                    learner: r.get(2)?,
                    station: r.get(3)?,
                    station_name: r.get(4)?,
                    scenario_id: r.get(5)?,
                    scenario_version: r.get(6)?,
                    scenario_sha256: r.get(7)?,
                    mode: r.get(8)?,
                    started_at: r.get(9)?,
                    duration_ms: r.get::<_, Option<i64>>(10)?.map(|v| v as u64),
                    passed: r.get(11)?,
                    scaled: r.get(12)?,
                    raw: r.get(13)?,
                    max: r.get(14)?,
                    pass_mark: r.get(15)?,
                    critical: r.get(16)?,
                    hints: r.get(17)?,
                    events: r.get::<_, i64>(18)? as u64,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// The step attempts of the sessions a filter selects, by session start and step order.
    pub fn steps(&self, filter: &Filter) -> Result<Vec<StepRow>, DbError> {
        let (clause, args) = filter.sql();
        let sql = format!(
            "SELECT t.session, t.ord, t.step, t.status, t.points, t.max, t.completions, t.at_ms, t.took_ms, t.correct FROM steps t JOIN sessions s ON s.session = t.session{clause} ORDER BY s.started_at, s.session, t.ord"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), |r| {
                Ok(StepRow {
                    session: r.get(0)?,
                    ord: r.get(1)?,
                    step: r.get(2)?,
                    status: r.get(3)?,
                    points: r.get(4)?,
                    max: r.get(5)?,
                    completions: r.get(6)?,
                    at_ms: r.get::<_, Option<i64>>(7)?.map(|v| v as u64),
                    took_ms: r.get::<_, Option<i64>>(8)?.map(|v| v as u64),
                    correct: r.get(9)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Critical failures of the sessions a filter selects: (session, kind, id).
    pub fn critical(&self, filter: &Filter) -> Result<Vec<[String; 3]>, DbError> {
        let (clause, args) = filter.sql();
        let sql = format!(
            "SELECT c.session, c.kind, c.id FROM critical c JOIN sessions s ON s.session = c.session{clause} ORDER BY s.started_at, s.session, c.ord"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), |r| {
                Ok([r.get(0)?, r.get(1)?, r.get(2)?])
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Errors of the sessions a filter selects: (session, error id, severity, count).
    pub fn errors(&self, filter: &Filter) -> Result<Vec<(String, String, String, u32)>, DbError> {
        let (clause, args) = filter.sql();
        let sql = format!(
            "SELECT e.session, e.error, e.severity, e.count FROM errors e JOIN sessions s ON s.session = e.session{clause} ORDER BY s.started_at, s.session, e.error"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// The record bytes of a session.
    pub fn record_bytes(&self, session: &str) -> Result<Option<Vec<u8>>, DbError> {
        self.conn
            .query_row(
                "SELECT record FROM sessions WHERE session = ?1",
                [session],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Adds learners to a cohort; returns how many were new.
    pub fn cohort_add(&self, cohort: &str, learners: &[String]) -> Result<usize, DbError> {
        let mut n = 0;
        for l in learners {
            n += self
                .conn
                .execute(
                    "INSERT OR IGNORE INTO cohorts (cohort, learner) VALUES (?1, ?2)",
                    params![cohort, l],
                )
                .map_err(|e| self.err(e))?;
        }
        Ok(n)
    }

    /// Removes learners from a cohort; returns how many were members.
    pub fn cohort_remove(&self, cohort: &str, learners: &[String]) -> Result<usize, DbError> {
        let mut n = 0;
        for l in learners {
            n += self
                .conn
                .execute(
                    "DELETE FROM cohorts WHERE cohort = ?1 AND learner = ?2",
                    params![cohort, l],
                )
                .map_err(|e| self.err(e))?;
        }
        Ok(n)
    }

    /// Cohorts and their learners.
    pub fn cohorts(&self) -> Result<Vec<(String, Vec<String>)>, DbError> {
        let mut stmt = self
            .conn
            .prepare("SELECT cohort, learner FROM cohorts ORDER BY cohort, learner")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(|e| self.err(e))?;
        let mut out: Vec<(String, Vec<String>)> = Vec::new();
        for row in rows {
            let (c, l) = row.map_err(|e| self.err(e))?;
            match out.last_mut() {
                Some((last, ls)) if *last == c => ls.push(l),
                _ => out.push((c, vec![l])),
            }
        }
        Ok(out)
    }
}

/// A batch of filings in one transaction.
pub struct Batch<'a> {
    tx: rusqlite::Transaction<'a>,
    path: String,
}

impl Batch<'_> {
    fn err(&self, e: impl std::fmt::Display) -> DbError {
        DbError {
            path: self.path.clone(),
            message: e.to_string(),
        }
    }

    /// Files one record whose verdict was valid (`signer` set, `complete`) or incomplete.
    /// `outcome` is the verified (or, when incomplete, partial) outcome.
    pub fn file(
        &self,
        rec: &Record,
        bytes: &[u8],
        signer: Option<(&str, Option<&str>)>,
        outcome: Option<&SessionOutcome>,
    ) -> Result<Filed, DbError> {
        let session = rec.header.session.to_string();
        let complete = rec.footer.is_some();
        let record_sha = crate::record::sha256_hex(bytes);
        if let Some(at) = self
            .tx
            .query_row(
                "SELECT erased_at FROM erased WHERE session = ?1",
                [&session],
                |r| r.get::<_, String>(0),
            )
            .optional()
            .map_err(|e| self.err(e))?
        {
            return Ok(Filed::Erased(at));
        }
        let existing: Option<(String, String)> = self
            .tx
            .query_row(
                "SELECT status, record_sha256 FROM sessions WHERE session = ?1",
                [&session],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let replacing = match &existing {
            None => false,
            Some((_, sha)) if *sha == record_sha => return Ok(Filed::AlreadyFiled),
            Some((status, _)) if status == "incomplete" && complete => true,
            Some((status, _)) if status == "complete" && !complete => {
                return Ok(Filed::AlreadyFiled);
            }
            Some(_) => return Ok(Filed::Conflict),
        };
        if replacing {
            self.tx
                .execute("DELETE FROM sessions WHERE session = ?1", [&session])
                .map_err(|e| self.err(e))?;
        }
        self.insert(rec, bytes, &record_sha, signer, outcome)
            .map_err(|e| self.err(e))?;
        Ok(if replacing {
            Filed::Completed
        } else {
            Filed::New
        })
    }

    fn insert(
        &self,
        rec: &Record,
        bytes: &[u8],
        record_sha: &str,
        signer: Option<(&str, Option<&str>)>,
        outcome: Option<&SessionOutcome>,
    ) -> rusqlite::Result<()> {
        let h = &rec.header;
        let session = h.session.to_string();
        let mode = serde_json::to_value(h.mode)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let complete = rec.footer.is_some();
        let duration = rec
            .footer
            .as_ref()
            .map(|f| f.ended_at_ms)
            .or_else(|| outcome.map(|o| o.duration_ms))
            .or_else(|| rec.events.last().map(|a| a.at.0));
        self.tx
            .prepare_cached(
                "INSERT INTO sessions (session, status, learner, station, station_key, station_name, scenario_sha256, scenario_id, scenario_version, mode, started_at, duration_ms, passed, finished, scaled, raw, max, pass_mark, critical, hints, events, record, record_sha256, ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
            )?
            .execute(params![
                session,
                if complete { "complete" } else { "incomplete" },
                h.learner,
                h.station,
                signer.map(|s| s.0),
                signer.and_then(|s| s.1),
                h.scenario.sha256,
                h.scenario.id,
                h.scenario.version,
                mode,
                h.started_at,
                duration.map(|d| d as i64),
                outcome.filter(|_| complete).map(|o| o.passed),
                outcome.map(|o| o.finished),
                outcome.map(|o| o.score.scaled),
                outcome.map(|o| o.score.raw),
                outcome.map(|o| o.score.max),
                outcome.map(|o| o.score.pass_mark),
                outcome.map(|o| o.critical.len() as i64),
                outcome.map(|o| o.hints as i64),
                rec.events.len() as i64,
                bytes,
                record_sha,
                now(),
            ])?;
        let Some(o) = outcome else {
            return Ok(());
        };
        // Time per step: from the previous completion (or the start) to this one.
        let mut order: Vec<(u64, usize)> = o
            .steps
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.at_ms.map(|at| (at, i)))
            .collect();
        order.sort();
        let mut took = vec![None; o.steps.len()];
        let mut last = 0u64;
        for (at, i) in order {
            took[i] = Some(at.saturating_sub(last));
            last = at;
        }
        let mut st = self.tx.prepare_cached(
            "INSERT INTO steps (session, ord, step, status, points, max, completions, at_ms, took_ms, correct) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        for (i, s) in o.steps.iter().enumerate() {
            st.execute(params![
                session,
                i as i64,
                s.id,
                status_name(s.status),
                s.points,
                s.max,
                s.completions,
                s.at_ms.map(|v| v as i64),
                took[i].map(|v| v as i64),
                s.correct,
            ])?;
        }
        let mut er = self.tx.prepare_cached(
            "INSERT INTO errors (session, error, severity, count, penalty) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for e in &o.errors {
            er.execute(params![session, e.id, e.severity, e.count, e.penalty])?;
        }
        let mut cr = self.tx.prepare_cached(
            "INSERT INTO critical (session, ord, kind, id, at_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (i, c) in o.critical.iter().enumerate() {
            cr.execute(params![
                session,
                i as i64,
                c.kind,
                c.id,
                c.at_ms.map(|v| v as i64)
            ])?;
        }
        Ok(())
    }

    /// Commits the batch.
    pub fn commit(self) -> Result<(), DbError> {
        let path = self.path.clone();
        self.tx.commit().map_err(|e| DbError {
            path,
            message: e.to_string(),
        })
    }
}
