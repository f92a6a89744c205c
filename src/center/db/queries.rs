//! Reading the center database: the sessions, step attempts, errors and critical failures a
//! filter selects (only verified, complete sessions: held records are never results), record
//! bytes and cohorts.

use super::{Db, DbError};
use rusqlite::{OptionalExtension, params};

/// A session as filed: the columns reports and exports read.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionRow {
    /// Session UUID.
    pub session: String,
    /// Always `complete`: records without a footer are held, never filed as sessions.
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
    /// Passed.
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
}

impl Filter {
    fn sql(&self) -> (String, Vec<String>) {
        let mut clauses = Vec::new();
        let mut args = Vec::new();
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

impl Db {
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

    /// Filed sessions after `after` in session order, at most `limit`: (session, station key,
    /// record bytes).
    pub fn filed_records_after(
        &self,
        after: &str,
        limit: usize,
    ) -> Result<Vec<(String, Option<String>, Vec<u8>)>, DbError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT session, station_key, record FROM sessions WHERE session > ?1 ORDER BY session LIMIT ?2",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![after, limit as i64], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// The held records (never results), by session and time held; only those whose header
    /// names `learner` when one is given.
    pub fn held(&self, learner: Option<&str>) -> Result<Vec<HeldRow>, DbError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT record_sha256, session, kind, reason, learner, station, scenario_id, scenario_version, started_at, events, held_at FROM held WHERE ?1 IS NULL OR learner = ?1 ORDER BY started_at, session, held_at",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([learner], |r| {
                Ok(HeldRow {
                    record_sha256: r.get(0)?,
                    session: r.get(1)?,
                    kind: r.get(2)?,
                    reason: r.get(3)?,
                    learner: r.get(4)?,
                    station: r.get(5)?,
                    scenario_id: r.get(6)?,
                    scenario_version: r.get(7)?,
                    started_at: r.get(8)?,
                    events: r.get::<_, i64>(9)? as u64,
                    held_at: r.get(10)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// The bytes of a held record.
    pub fn held_bytes(&self, record_sha256: &str) -> Result<Option<Vec<u8>>, DbError> {
        self.conn
            .query_row(
                "SELECT record FROM held WHERE record_sha256 = ?1",
                [record_sha256],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))
    }
}

/// A held record: kept with its bytes, never a result. Its header's learner, station and
/// scenario are what the record says, unverified.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldRow {
    /// SHA-256 of the record's bytes.
    pub record_sha256: String,
    /// Session UUID.
    pub session: String,
    /// `incomplete`, `quarantined` or `conflict`.
    pub kind: String,
    /// Why it is held.
    pub reason: String,
    /// The learner its header names.
    pub learner: String,
    /// The station id its header names.
    pub station: String,
    /// Scenario id.
    pub scenario_id: String,
    /// Scenario version.
    pub scenario_version: String,
    /// Start, as its header says.
    pub started_at: String,
    /// Events read.
    pub events: u64,
    /// When it was held.
    pub held_at: String,
}
