//! Erasing from the center database: a learner's sessions on request (`forget`) and sessions
//! past the retention period (`prune`); erased session ids are kept so that they are never filed
//! again.

use super::{Db, DbError, mk_err, now};
use rusqlite::params;

impl Db {
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

    /// Erases the sessions (and held records) started before the retention cutoff; returns how
    /// many sessions.
    pub fn prune(&mut self) -> Result<usize, DbError> {
        let Some(cutoff) = self.retention_cutoff()? else {
            return Ok(0);
        };
        let (sessions, _) = self.erase_where("started_at < ?1", &cutoff, "retention period")?;
        Ok(sessions)
    }

    /// Erases every session and held record of a learner and their cohort memberships, then
    /// overwrites what the deleted rows left in the files ([`Db::purge`]).
    pub fn forget(&mut self, learner: &str) -> Result<Erased, DbError> {
        let (sessions, held) = self.erase_where("learner = ?1", learner, "learner's request")?;
        self.conn
            .execute("DELETE FROM cohorts WHERE learner = ?1", [learner])
            .map_err(|e| self.err(e))?;
        let purged = self.purge()?;
        let needle = format!("\"learner\":{}", serde_json::Value::from(learner));
        let left = self.files_contain(needle.as_bytes())?;
        Ok(Erased {
            sessions,
            held,
            gone_from_files: purged && left.is_empty(),
            still_in: left,
        })
    }

    /// Copies the write-ahead log into the database file and empties it, so that what deleted
    /// rows left (overwritten with zeros by `secure_delete`) reaches the file. Returns false
    /// when another connection's read transaction keeps older pages alive: then the deleted
    /// data is still in the files until that reader ends.
    pub fn purge(&mut self) -> Result<bool, DbError> {
        // Wait a little for readers to finish, not the long wait of a write.
        let wait = std::time::Duration::from_secs(5);
        self.conn.busy_timeout(wait).map_err(|e| self.err(e))?;
        let r = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                r.get::<_, i64>(0)
            });
        self.conn
            .busy_timeout(super::BUSY_TIMEOUT)
            .map_err(|e| self.err(e))?;
        Ok(r.map_err(|e| self.err(e))? == 0)
    }

    /// The database's files (the database, its write-ahead log and shared memory) that hold
    /// these bytes; each is read a megabyte at a time.
    fn files_contain(&self, needle: &[u8]) -> Result<Vec<String>, DbError> {
        let mut out = Vec::new();
        for suffix in ["", "-wal", "-shm"] {
            let path = format!("{}{suffix}", self.path.display());
            let file = match std::fs::File::open(&path) {
                Ok(f) => f,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(self.err(format!("{path}: {e}"))),
            };
            if contains(file, needle).map_err(|e| self.err(format!("{path}: {e}")))? {
                out.push(path);
            }
        }
        Ok(out)
    }

    /// Erases the sessions and held records a clause selects, keeping their session ids as
    /// erased; returns how many of each.
    fn erase_where(
        &mut self,
        clause: &str,
        arg: &str,
        why: &str,
    ) -> Result<(usize, usize), DbError> {
        let at = now();
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| mk_err(&path, e))?;
        let run = || -> rusqlite::Result<(usize, usize)> {
            for table in ["sessions", "held"] {
                tx.execute(
                    &format!(
                        "INSERT OR IGNORE INTO erased (session, erased_at, why) SELECT session, ?2, ?3 FROM {table} WHERE {clause}"
                    ),
                    params![arg, at, why],
                )?;
            }
            let sessions = tx.execute(&format!("DELETE FROM sessions WHERE {clause}"), [arg])?;
            let held = tx.execute(&format!("DELETE FROM held WHERE {clause}"), [arg])?;
            Ok((sessions, held))
        };
        let n = run().map_err(|e| mk_err(&path, e))?;
        tx.commit().map_err(|e| self.err(e))?;
        Ok(n)
    }
}

/// What erasing a learner did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erased {
    /// Sessions erased.
    pub sessions: usize,
    /// Held records erased.
    pub held: usize,
    /// Whether nothing of them is left in the database's files: false while another program
    /// holds the database open (its read transaction keeps the old pages).
    pub gone_from_files: bool,
    /// The files in which the learner's records can still be found.
    pub still_in: Vec<String>,
}

/// Whether a reader's bytes hold `needle`, read in chunks that overlap by its length.
fn contains(mut r: impl std::io::Read, needle: &[u8]) -> std::io::Result<bool> {
    let keep = needle.len().saturating_sub(1);
    let mut buf = vec![0u8; (1 << 20) + keep];
    let mut have = 0;
    loop {
        let n = r.read(&mut buf[have..])?;
        if n == 0 {
            return Ok(false);
        }
        have += n;
        if buf[..have].windows(needle.len()).any(|w| w == needle) {
            return Ok(true);
        }
        let from = have.saturating_sub(keep);
        buf.copy_within(from..have, 0);
        have -= from;
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_needle_across_two_chunks_is_found() {
        let mut hay = vec![b'x'; (1 << 20) - 3];
        hay.extend_from_slice(b"needle");
        hay.extend(vec![b'y'; 100]);
        assert!(super::contains(hay.as_slice(), b"needle").unwrap());
        assert!(!super::contains(hay.as_slice(), b"needles").unwrap());
    }
}
