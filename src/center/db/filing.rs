//! Filing checked records into the center database, a batch at a time in one transaction.

use super::{DbError, now, status_name};
use crate::record::Record;
use crate::scoring::SessionOutcome;
use rusqlite::{OptionalExtension, params};

/// What filing one record did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filed {
    /// Filed as a new session.
    New,
    /// Held copies of the session without a footer were there; this complete one replaced them.
    Completed,
    /// Held as incomplete: no footer, so nothing in it is signed; never a result.
    HeldIncomplete,
    /// The same record is already filed or held, or a complete record of the session is filed
    /// and this one has no footer: nothing changed.
    AlreadyFiled,
    /// Another validly signed record of the same session is filed or held: both are held as a
    /// conflict, out of every result.
    Conflict,
    /// The session was erased (a learner's request or the retention period) and stays erased.
    Erased(String),
}

/// Why a record is held: it is kept with its bytes, for the learner's rights and for
/// inspection, and is never a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeldKind {
    /// No footer: nothing in it is signed.
    Incomplete,
    /// It failed the checks of a later Praxis.
    Quarantined,
    /// Another validly signed record has the same session id.
    Conflict,
}

impl HeldKind {
    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            HeldKind::Incomplete => "incomplete",
            HeldKind::Quarantined => "quarantined",
            HeldKind::Conflict => "conflict",
        }
    }
}

/// A batch of filings in one transaction.
pub struct Batch<'a> {
    pub(super) tx: rusqlite::Transaction<'a>,
    pub(super) path: String,
}

impl Batch<'_> {
    fn err(&self, e: impl std::fmt::Display) -> DbError {
        DbError {
            path: self.path.clone(),
            message: e.to_string(),
        }
    }

    /// Files one record. With `verified` (the signer's key and name, and the outcome the record
    /// re-scores to), it is a result — unless another validly signed record of the session is
    /// filed or held, when both are held as a conflict. Without, it is a record with no footer,
    /// held as incomplete.
    pub fn file(
        &self,
        rec: &Record,
        bytes: &[u8],
        verified: Option<((&str, Option<&str>), &SessionOutcome)>,
    ) -> Result<Filed, DbError> {
        self.file_inner(rec, bytes, verified)
            .map_err(|e| self.err(e))
    }

    fn file_inner(
        &self,
        rec: &Record,
        bytes: &[u8],
        verified: Option<((&str, Option<&str>), &SessionOutcome)>,
    ) -> rusqlite::Result<Filed> {
        let session = rec.header.session.to_string();
        let record_sha = crate::record::sha256_hex(bytes);
        if let Some(at) = self
            .tx
            .query_row(
                "SELECT erased_at FROM erased WHERE session = ?1",
                [&session],
                |r| r.get::<_, String>(0),
            )
            .optional()?
        {
            return Ok(Filed::Erased(at));
        }
        let filed: Option<String> = self
            .tx
            .query_row(
                "SELECT record_sha256 FROM sessions WHERE session = ?1",
                [&session],
                |r| r.get(0),
            )
            .optional()?;
        let held_here: Option<String> = self
            .tx
            .query_row(
                "SELECT kind FROM held WHERE record_sha256 = ?1",
                [&record_sha],
                |r| r.get(0),
            )
            .optional()?;
        let Some((signer, outcome)) = verified else {
            // No footer: held, unless the session is complete here already.
            if filed.is_some() || held_here.is_some() {
                return Ok(Filed::AlreadyFiled);
            }
            self.hold(
                rec,
                bytes,
                &record_sha,
                HeldKind::Incomplete,
                "the record has no footer: nothing in it is signed",
            )?;
            return Ok(Filed::HeldIncomplete);
        };
        if filed.as_deref() == Some(record_sha.as_str()) {
            return Ok(Filed::AlreadyFiled);
        }
        // Another spelling of the same signed record (its line endings, a final newline, the
        // spacing of its footer line) is the same record, never a conflict.
        let identity = rec.signed_identity();
        let same_record = |bytes: &[u8]| {
            identity.is_some()
                && crate::record::read(bytes)
                    .ok()
                    .and_then(|r| r.signed_identity())
                    == identity
        };
        if filed.is_some() {
            let bytes: Vec<u8> = self.tx.query_row(
                "SELECT record FROM sessions WHERE session = ?1",
                [&session],
                |r| r.get(0),
            )?;
            if same_record(&bytes) {
                return Ok(Filed::AlreadyFiled);
            }
        }
        let others: Vec<(String, String, Vec<u8>)> = {
            let mut stmt = self.tx.prepare_cached(
                "SELECT record_sha256, kind, record FROM held WHERE session = ?1 AND kind != 'incomplete'",
            )?;
            let rows = stmt.query_map([&session], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        for (sha, kind, bytes) in &others {
            if *sha != record_sha && same_record(bytes) {
                if kind == "conflict" {
                    return Ok(Filed::AlreadyFiled);
                }
                // A quarantined spelling of a record that now verifies.
                self.tx
                    .execute("DELETE FROM held WHERE record_sha256 = ?1", [sha])?;
            }
        }
        match held_here.as_deref() {
            Some("conflict") => return Ok(Filed::AlreadyFiled),
            // Quarantined by a check it now passes (its scenario version is kept now, say).
            Some(_) => {
                self.tx
                    .execute("DELETE FROM held WHERE record_sha256 = ?1", [&record_sha])?;
            }
            None => {}
        }
        let other_conflict: bool = self.tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM held WHERE session = ?1 AND kind = 'conflict')",
            [&session],
            |r| r.get(0),
        )?;
        if filed.is_some() || other_conflict {
            let reason = format!(
                "another validly signed record of session {session} exists: neither is believed until the center finds out which is genuine"
            );
            if filed.is_some() {
                self.move_to_held(&session, HeldKind::Conflict, &reason)?;
            }
            self.hold(rec, bytes, &record_sha, HeldKind::Conflict, &reason)?;
            return Ok(Filed::Conflict);
        }
        let completed = self.tx.execute(
            "DELETE FROM held WHERE session = ?1 AND kind = 'incomplete'",
            [&session],
        )? > 0;
        self.insert(rec, bytes, &record_sha, signer, outcome)?;
        Ok(if completed {
            Filed::Completed
        } else {
            Filed::New
        })
    }

    /// A setting, read in this transaction.
    pub(crate) fn setting(&self, key: &str) -> rusqlite::Result<Option<String>> {
        self.tx
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
    }

    /// Sets a setting in this transaction.
    pub(crate) fn set_setting(&self, key: &str, value: &str) -> rusqlite::Result<()> {
        self.tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// Stores a scenario version in this batch (see [`super::Db::store_scenario`]).
    pub fn store_scenario(
        &self,
        scenario: &crate::scenario::Scenario,
        source: &[u8],
    ) -> Result<bool, DbError> {
        super::store_scenario(&self.tx, scenario, source).map_err(|e| self.err(e))
    }

    /// Holds a record, out of every result.
    fn hold(
        &self,
        rec: &Record,
        bytes: &[u8],
        record_sha: &str,
        kind: HeldKind,
        reason: &str,
    ) -> rusqlite::Result<()> {
        let h = &rec.header;
        self.tx
            .prepare_cached(
                "INSERT OR REPLACE INTO held (record_sha256, session, kind, reason, learner, station, scenario_id, scenario_version, started_at, events, record, held_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            )?
            .execute(params![
                record_sha,
                h.session.to_string(),
                kind.as_str(),
                reason,
                h.learner,
                h.station,
                h.scenario.id,
                h.scenario.version,
                h.started_at,
                rec.events.len() as i64,
                bytes,
                now(),
            ])?;
        Ok(())
    }

    /// Moves a filed session out of the results into the held records.
    pub(crate) fn move_to_held(
        &self,
        session: &str,
        kind: HeldKind,
        reason: &str,
    ) -> rusqlite::Result<bool> {
        self.tx.execute(
            "INSERT OR REPLACE INTO held (record_sha256, session, kind, reason, learner, station, scenario_id, scenario_version, started_at, events, record, held_at) SELECT record_sha256, session, ?2, ?3, learner, station, scenario_id, scenario_version, started_at, events, record, ?4 FROM sessions WHERE session = ?1",
            params![session, kind.as_str(), reason, now()],
        )?;
        Ok(self
            .tx
            .execute("DELETE FROM sessions WHERE session = ?1", [session])?
            > 0)
    }

    fn insert(
        &self,
        rec: &Record,
        bytes: &[u8],
        record_sha: &str,
        signer: (&str, Option<&str>),
        o: &SessionOutcome,
    ) -> rusqlite::Result<()> {
        let h = &rec.header;
        let session = h.session.to_string();
        let mode = serde_json::to_value(h.mode)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let duration = rec.footer.as_ref().map_or(o.duration_ms, |f| f.ended_at_ms);
        self.tx
            .prepare_cached(
                "INSERT INTO sessions (session, status, learner, station, station_key, station_name, scenario_sha256, scenario_id, scenario_version, mode, started_at, duration_ms, passed, finished, scaled, raw, max, pass_mark, critical, hints, events, record, record_sha256, ingested_at) VALUES (?1, 'complete', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
            )?
            .execute(params![
                session,
                h.learner,
                h.station,
                signer.0,
                signer.1,
                h.scenario.sha256,
                h.scenario.id,
                h.scenario.version,
                mode,
                h.started_at,
                duration as i64,
                o.passed,
                o.finished,
                o.score.scaled,
                o.score.raw,
                o.score.max,
                o.score.pass_mark,
                o.critical.len() as i64,
                o.hints as i64,
                rec.events.len() as i64,
                bytes,
                record_sha,
                now(),
            ])?;
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
