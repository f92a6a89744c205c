//! Checking every filed record again, once, when a Praxis with stricter record checks first
//! opens a center: records filed by an older Praxis passed the checks of their day (before
//! 2026-12, a record could be re-chained under an unsigned field beside its footer, or carry
//! text its signature did not cover, and still verify). Each filed record must pass today's
//! checks — its chain ends at its signed footer, its signature covers its whole footer and is
//! the station's key it was filed under, and it re-scores to what it stores against the
//! scenario version the center keeps. Those that fail are quarantined: kept with their bytes
//! and the reason, out of every result and export ([`super::HeldKind::Quarantined`]).
//!
//! The station's trust is not checked again: it was checked when the record was filed, and a
//! station revoked since then does not make the records it signed before false.

use super::{Db, DbError, HeldKind};
use crate::center::verify::{self, ScenarioSet, TrustPolicy, Verdict};

/// The version of the record checks: a center whose setting `record_checks` is lower has its
/// filed records checked again.
pub const CHECKS: u32 = 2;

/// The setting that holds the version of the checks the filed records last passed.
const KEY: &str = "record_checks";

/// What checking again found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Recheck {
    /// How many filed records were checked.
    pub checked: usize,
    /// The sessions quarantined, each with the reason.
    pub quarantined: Vec<(String, String)>,
}

/// How many records are read and checked at a time.
const BATCH: usize = 500;

/// Checks every filed record again when the center's records were last checked by an older
/// version of the checks; returns what it did, or `None` when nothing was needed (or another
/// process did it first).
pub fn if_needed(db: &mut Db) -> Result<Option<Recheck>, DbError> {
    let done = |db: &Db| -> Result<bool, DbError> {
        Ok(db
            .setting(KEY)?
            .and_then(|v| v.parse::<u32>().ok())
            .is_some_and(|v| v >= CHECKS))
    };
    if done(db)? {
        return Ok(None);
    }
    let scenarios = db.scenarios()?;
    let mut report = Recheck::default();
    let mut after = String::new();
    loop {
        let rows = db.filed_records_after(&after, BATCH)?;
        let Some(last) = rows.last() else { break };
        after = last.0.clone();
        report.checked += rows.len();
        for (session, reason) in check_all(&rows, &scenarios) {
            report.quarantined.push((session, reason));
        }
    }
    let quarantined = report.quarantined.clone();
    let moved = db.write(|batch| {
        // Another process may have done it meanwhile: then nothing is moved twice.
        if batch
            .setting(KEY)?
            .and_then(|v| v.parse::<u32>().ok())
            .is_some_and(|v| v >= CHECKS)
        {
            return Ok(false);
        }
        for (session, reason) in &quarantined {
            batch.move_to_held(session, HeldKind::Quarantined, reason)?;
        }
        batch.set_setting(KEY, &CHECKS.to_string())?;
        Ok(true)
    })?;
    Ok(moved.then_some(report))
}

/// Checks rows (session, station key, record bytes) in parallel; returns those that fail, with
/// the reason.
fn check_all(
    rows: &[(String, Option<String>, Vec<u8>)],
    scenarios: &ScenarioSet,
) -> Vec<(String, String)> {
    crate::center::par_map(rows, |(session, key, bytes)| {
        check_one(key.as_deref(), bytes, scenarios).map(|reason| (session.clone(), reason))
    })
    .into_iter()
    .flatten()
    .collect()
}

/// Why a filed record fails today's checks, if it does.
fn check_one(key: Option<&str>, bytes: &[u8], scenarios: &ScenarioSet) -> Option<String> {
    let Some(key) = key else {
        return Some("filed without a station key".into());
    };
    let policy = TrustPolicy::Keys(vec![key.to_string()]);
    match verify::check(bytes, &policy, scenarios).1 {
        Verdict::Valid { .. } => None,
        Verdict::UnknownStation { .. } => {
            Some("signed by another key than the station it was filed under".into())
        }
        v => Some(v.describe()),
    }
}
