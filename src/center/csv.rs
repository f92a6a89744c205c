//! CSV exports of the center's sessions, for a spreadsheet: one row per session, or one per
//! step attempt. RFC 4180 (comma, CRLF, quotes where needed), UTF-8, with a header; in the
//! French spreadsheet style, semicolons, decimal commas, `VRAI`/`FAUX`, times without the `T`
//! and a byte-order mark.

use super::db::{Db, Filter};

/// What an export holds and how it is written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// One row per step attempt instead of one per session.
    pub steps: bool,
    /// The French spreadsheet style.
    pub excel_fr: bool,
}

/// How values are written.
struct Style {
    fr: bool,
}

impl Style {
    fn num(&self, v: f64) -> String {
        let s = format!("{}", (v * 10_000.0).round() / 10_000.0);
        if self.fr { s.replace('.', ",") } else { s }
    }
    fn opt_num(&self, v: Option<f64>) -> String {
        v.map(|v| self.num(v)).unwrap_or_default()
    }
    fn secs(&self, ms: Option<u64>) -> String {
        self.opt_num(ms.map(|m| m as f64 / 1000.0))
    }
    fn bool(&self, v: Option<bool>) -> String {
        match (v, self.fr) {
            (None, _) => String::new(),
            (Some(true), false) => "true".into(),
            (Some(false), false) => "false".into(),
            (Some(true), true) => "VRAI".into(),
            (Some(false), true) => "FAUX".into(),
        }
    }
    fn time(&self, t: &str) -> String {
        if self.fr {
            t.trim_end_matches('Z').replace('T', " ")
        } else {
            t.to_string()
        }
    }
}

/// The CSV of the sessions (or step attempts) a filter selects, and how many rows it holds.
pub fn export(db: &Db, filter: &Filter, opts: Options) -> Result<(Vec<u8>, usize), String> {
    let style = Style { fr: opts.excel_fr };
    let mut buf: Vec<u8> = Vec::new();
    if opts.excel_fr {
        buf.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut w = csv::WriterBuilder::new()
        .delimiter(if opts.excel_fr { b';' } else { b',' })
        .terminator(csv::Terminator::CRLF)
        .from_writer(&mut buf);
    let e = |e: csv::Error| e.to_string();
    let sessions = db.sessions(filter).map_err(|e| e.to_string())?;
    let mut rows = 0;
    if opts.steps {
        let by_id: std::collections::HashMap<&str, &super::db::SessionRow> =
            sessions.iter().map(|s| (s.session.as_str(), s)).collect();
        w.write_record([
            "session",
            "learner",
            "scenario",
            "scenario_version",
            "started_at",
            "order",
            "step",
            "status",
            "points",
            "max",
            "completions",
            "done_at_s",
            "took_s",
            "correct",
        ])
        .map_err(e)?;
        for t in db.steps(filter).map_err(|e| e.to_string())? {
            let Some(s) = by_id.get(t.session.as_str()) else {
                continue;
            };
            w.write_record([
                t.session.clone(),
                s.learner.clone(),
                s.scenario_id.clone(),
                s.scenario_version.clone(),
                style.time(&s.started_at),
                (t.ord + 1).to_string(),
                t.step,
                t.status,
                style.num(t.points),
                style.num(t.max),
                t.completions.to_string(),
                style.secs(t.at_ms),
                style.secs(t.took_ms),
                style.bool(t.correct),
            ])
            .map_err(e)?;
            rows += 1;
        }
    } else {
        w.write_record([
            "session",
            "learner",
            "station",
            "scenario",
            "scenario_version",
            "scenario_sha256",
            "mode",
            "started_at",
            "duration_s",
            "status",
            "passed",
            "score",
            "points",
            "max_points",
            "pass_mark",
            "critical_failures",
            "hints",
            "events",
        ])
        .map_err(e)?;
        for s in &sessions {
            w.write_record([
                s.session.clone(),
                s.learner.clone(),
                s.station_name.clone().unwrap_or_else(|| s.station.clone()),
                s.scenario_id.clone(),
                s.scenario_version.clone(),
                s.scenario_sha256.clone(),
                s.mode.clone(),
                style.time(&s.started_at),
                style.secs(s.duration_ms),
                s.status.clone(),
                style.bool(s.passed),
                style.opt_num(s.scaled),
                style.opt_num(s.raw),
                style.opt_num(s.max),
                style.opt_num(s.pass_mark),
                s.critical.map(|c| c.to_string()).unwrap_or_default(),
                s.hints.map(|c| c.to_string()).unwrap_or_default(),
                s.events.to_string(),
            ])
            .map_err(e)?;
            rows += 1;
        }
    }
    w.flush().map_err(|e| e.to_string())?;
    drop(w);
    Ok((buf, rows))
}
