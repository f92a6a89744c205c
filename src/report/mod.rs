//! Cohort reports: a self-contained HTML page (plots embedded, PNG copies beside it) on the
//! sessions a filter selects from the center database — a cohort, a scenario, a period or a
//! learner — in English or French: score distribution, pass rate, which steps learners get
//! wrong, time per step, progress over attempts, critical errors. Every plot has its numbers in
//! a table below it. Learners appear only by their pseudonymous ids.

pub mod plots;

use crate::center::db::{Db, DbError, Filter, SessionRow, StepRow};
use crate::center::verify::ScenarioSet;
use crate::text::{Catalog, Lang};
use base64::Engine as _;
use plots::{Bar, Line};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The most attempts the progress plot follows.
const MAX_ATTEMPTS: usize = 10;

/// What a report is about, in words, for its heading.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// `cohort`, `scenario`, `learner`, `period` lines, already worded.
    pub lines: Vec<String>,
}

/// A share as a percentage: `85 %` in French (narrow no-break space), `85%` in English;
/// `<1%` for a share that rounds to zero but is not.
pub fn pct(lang: Lang, x: f64) -> String {
    let v = if x > 0.0 && x < 0.005 {
        "<1".to_string()
    } else {
        format!("{:.0}", x * 100.0)
    };
    match lang {
        Lang::En => format!("{v}%"),
        Lang::Fr => format!("{v}\u{202f}%"),
    }
}

/// Seconds with one decimal, with a decimal comma in French.
pub fn secs(lang: Lang, ms: f64) -> String {
    let v = format!("{:.1}", ms / 1000.0);
    match lang {
        Lang::En => format!("{v} s"),
        Lang::Fr => format!("{}\u{a0}s", v.replace('.', ",")),
    }
}

/// A session length: seconds under a minute, else minutes and seconds (`5 min 35 s`).
pub fn duration(lang: Lang, ms: f64) -> String {
    if ms < 60_000.0 {
        return secs(lang, ms);
    }
    let total = (ms / 1000.0).round() as u64;
    let sp = match lang {
        Lang::En => " ",
        Lang::Fr => "\u{a0}",
    };
    format!("{}{sp}min {}{sp}s", total / 60, total % 60)
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn median(v: &mut [f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    Some(if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    })
}

/// Titles of scenarios, steps and critical items, from the scenario versions the center keeps
/// (the newest version that has the item wins).
struct Titles {
    scenario: HashMap<String, String>,
    step: HashMap<(String, String), String>,
    error: HashMap<(String, String), String>,
    decision: HashMap<(String, String), String>,
}

impl Titles {
    fn new(set: &ScenarioSet, lang: Lang) -> Titles {
        let mut versions: Vec<_> = set.iter().collect();
        versions.sort_by(|a, b| a.version().cmp(b.version()));
        let mut t = Titles {
            scenario: HashMap::new(),
            step: HashMap::new(),
            error: HashMap::new(),
            decision: HashMap::new(),
        };
        let l = lang.code();
        for s in versions {
            let id = s.id().to_string();
            t.scenario
                .insert(id.clone(), s.model.title.get(l).to_string());
            for node in &s.index.nodes {
                t.step
                    .insert((id.clone(), node.id.clone()), node.title.get(l).to_string());
            }
            for e in &s.model.errors {
                t.error.insert(
                    (id.clone(), e.id.as_str().to_string()),
                    e.feedback.get(l).to_string(),
                );
            }
            for d in &s.model.decisions {
                t.decision.insert(
                    (id.clone(), d.id.as_str().to_string()),
                    d.prompt.get(l).to_string(),
                );
            }
        }
        t
    }

    fn scenario(&self, id: &str) -> String {
        self.scenario.get(id).cloned().unwrap_or_else(|| id.into())
    }

    fn step(&self, scenario: &str, step: &str) -> String {
        self.step
            .get(&(scenario.into(), step.into()))
            .cloned()
            .unwrap_or_else(|| step.into())
    }

    fn critical(&self, scenario: &str, kind: &str, id: &str) -> String {
        let key = (scenario.to_string(), id.to_string());
        let found = match kind {
            "error" => self.error.get(&key),
            "decision" => self.decision.get(&key),
            "missed_step" => self.step.get(&key),
            _ => None,
        };
        found.cloned().unwrap_or_else(|| id.into())
    }
}

/// One step's figures across the sessions.
#[derive(Debug, Clone)]
struct StepStats {
    ord: u32,
    id: String,
    attempts: u32,
    wrong: u32,
    times: Vec<f64>,
}

/// Files the report wrote.
#[derive(Debug, Clone)]
pub struct Written {
    /// The HTML page.
    pub html: PathBuf,
    /// The PNG copies of its plots.
    pub plots: Vec<PathBuf>,
    /// Sessions covered.
    pub sessions: usize,
}

/// Why a report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The database.
    #[error(transparent)]
    Db(#[from] DbError),
    /// Nothing matches.
    #[error("no session matches (file records with `praxis center ingest`, or widen the filter)")]
    Empty,
    /// Writing a file or a plot.
    #[error("{0}")]
    Write(String),
}

fn wrong(t: &StepRow) -> Option<bool> {
    match t.status.as_str() {
        "not_applicable" | "guidance" | "skipped" => None,
        "done" => Some(t.correct == Some(false)),
        _ => Some(true),
    }
}

/// Makes the report in `out` (created if needed): `report.html` and its plots as PNG files.
pub fn write(
    db: &Db,
    filter: &Filter,
    scope: &Scope,
    lang: Lang,
    out: &Path,
) -> Result<Written, ReportError> {
    let sessions = db.sessions(filter)?;
    if sessions.is_empty() {
        return Err(ReportError::Empty);
    }
    let steps = db.steps(filter)?;
    let critical = db.critical(filter)?;
    let titles = Titles::new(&db.scenarios()?, lang);
    std::fs::create_dir_all(out)
        .map_err(|e| ReportError::Write(format!("{}: {e}", out.display())))?;
    let werr = |e: String| ReportError::Write(e);
    let by_id: HashMap<&str, &SessionRow> =
        sessions.iter().map(|s| (s.session.as_str(), s)).collect();
    let complete: Vec<&SessionRow> = sessions.iter().filter(|s| s.passed.is_some()).collect();
    let mut plots_written = Vec::new();
    let mut html = String::new();
    let t = |id: &'static str| Catalog::get().plain(lang, id);

    // Heading and summary.
    let learners: std::collections::BTreeSet<&str> =
        sessions.iter().map(|s| s.learner.as_str()).collect();
    let passed = complete.iter().filter(|s| s.passed == Some(true)).count();
    let pass_rate = passed as f64 / complete.len().max(1) as f64;
    let mut scores: Vec<f64> = complete.iter().filter_map(|s| s.scaled).collect();
    let mean_score = scores.iter().sum::<f64>() / scores.len().max(1) as f64;
    let median_score = median(&mut scores).unwrap_or(0.0);
    let first = sessions
        .first()
        .map(|s| s.started_at.as_str())
        .unwrap_or("");
    let last = sessions.last().map(|s| s.started_at.as_str()).unwrap_or("");
    let generated = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    let _ = write!(
        html,
        "<h1>{}</h1>\n<p class=\"scope\">{}</p>\n<p class=\"meta\">{} {} — {} · {} {}</p>\n",
        t("report-praxis-training-report"),
        esc(&if scope.lines.is_empty() {
            t("report-all-sessions-filed-in-the-center").to_string()
        } else {
            scope.lines.join(" · ")
        }),
        t("report-sessions-from"),
        esc(&first[..first.len().min(10)]),
        esc(&last[..last.len().min(10)]),
        t("report-generated"),
        esc(&generated),
    );
    let _ = writeln!(
        html,
        "<table class=\"summary\"><tr><th>{}</th><td>{}</td></tr><tr><th>{}</th><td>{}</td></tr><tr><th>{}</th><td>{} ({passed} / {})</td></tr><tr><th>{}</th><td>{}</td></tr><tr><th>{}</th><td>{}</td></tr></table>",
        t("report-sessions"),
        sessions.len(),
        t("report-learners"),
        learners.len(),
        t("report-pass-rate"),
        pct(lang, pass_rate),
        complete.len(),
        t("report-mean-score"),
        pct(lang, mean_score),
        t("report-median-score"),
        pct(lang, median_score),
    );

    // Score distribution.
    let mut bins = [0u32; 10];
    for s in &complete {
        if let Some(x) = s.scaled {
            bins[((x * 10.0).floor() as usize).min(9)] += 1;
        }
    }
    let labels: Vec<(String, u32)> = (0..10)
        .map(|i| {
            let l = if i == 9 {
                "90–100".to_string()
            } else {
                format!("{}–{}", i * 10, i * 10 + 9)
            };
            (l, bins[i])
        })
        .collect();
    let mut marks: BTreeMap<String, usize> = BTreeMap::new();
    for s in &complete {
        if let Some(p) = s.pass_mark {
            *marks.entry(format!("{p:.4}")).or_default() += 1;
        }
    }
    let pass_mark = marks
        .iter()
        .max_by_key(|(_, n)| **n)
        .and_then(|(p, _)| p.parse::<f64>().ok());
    let mark_label = pass_mark.map(|p| format!("{} {}", t("report-pass-mark"), pct(lang, p)));
    let path = out.join("score-distribution.png");
    plots::columns(
        &path,
        t("report-score-distribution"),
        t("report-score-percent"),
        t("report-sessions"),
        &labels,
        pass_mark
            .zip(mark_label.as_deref())
            .map(|(p, l)| (p * 10.0, l)),
    )
    .map_err(werr)?;
    section(
        &mut html,
        t("report-score-distribution"),
        &path,
        t("report-number-of-scored-sessions-in-each"),
        &[t("report-score-percent"), t("report-sessions")],
        labels
            .iter()
            .map(|(l, n)| vec![l.clone(), n.to_string()])
            .collect(),
    )
    .map_err(werr)?;
    plots_written.push(path);

    // Pass rate per scenario.
    let mut per_scenario: BTreeMap<&str, (u32, u32, Vec<f64>)> = BTreeMap::new();
    for s in &complete {
        let e = per_scenario.entry(s.scenario_id.as_str()).or_default();
        e.0 += 1;
        if s.passed == Some(true) {
            e.1 += 1;
        }
        if let Some(d) = s.duration_ms {
            e.2.push(d as f64);
        }
    }
    let bars: Vec<Bar> = per_scenario
        .iter()
        .map(|(id, (n, p, _))| {
            let r = *p as f64 / (*n).max(1) as f64;
            Bar {
                label: titles.scenario(id),
                value: r,
                text: format!("{} ({p}/{n})", pct(lang, r)),
            }
        })
        .collect();
    let path = out.join("pass-rate.png");
    plots::bars(
        &path,
        t("report-pass-rate-by-scenario"),
        t("report-share-of-sessions-passed"),
        &bars,
        1.0,
        plots::GREEN,
        &|v| pct(lang, v),
    )
    .map_err(werr)?;
    let rows = per_scenario
        .iter_mut()
        .map(|(id, (n, p, d))| {
            vec![
                titles.scenario(id),
                n.to_string(),
                p.to_string(),
                pct(lang, *p as f64 / (*n).max(1) as f64),
                median(d).map(|m| duration(lang, m)).unwrap_or_default(),
            ]
        })
        .collect();
    section(
        &mut html,
        t("report-pass-rate-by-scenario"),
        &path,
        t("report-a-session-passes-when-its-score"),
        &[
            t("report-scenario"),
            t("report-sessions"),
            t("report-passed"),
            t("report-pass-rate"),
            t("report-median-duration"),
        ],
        rows,
    )
    .map_err(werr)?;
    plots_written.push(path);

    // Steps: error rates and times, per scenario.
    let mut stats: BTreeMap<String, BTreeMap<String, StepStats>> = BTreeMap::new();
    for st in &steps {
        let Some(s) = by_id.get(st.session.as_str()) else {
            continue;
        };
        let Some(w) = wrong(st) else {
            continue;
        };
        let e = stats
            .entry(s.scenario_id.clone())
            .or_default()
            .entry(st.step.clone())
            .or_insert_with(|| StepStats {
                ord: st.ord,
                id: st.step.clone(),
                attempts: 0,
                wrong: 0,
                times: Vec::new(),
            });
        e.ord = e.ord.min(st.ord);
        e.attempts += 1;
        if w {
            e.wrong += 1;
        }
        if let Some(took) = st.took_ms.filter(|_| st.status.starts_with("done")) {
            e.times.push(took as f64);
        }
    }
    for (scenario, by_step) in &mut stats {
        let mut list: Vec<&mut StepStats> = by_step.values_mut().collect();
        list.sort_by_key(|s| s.ord);
        let name = titles.scenario(scenario);
        let bars: Vec<Bar> = list
            .iter()
            .map(|s| {
                let r = s.wrong as f64 / s.attempts.max(1) as f64;
                Bar {
                    label: titles.step(scenario, &s.id),
                    value: r,
                    text: format!("{} ({}/{})", pct(lang, r), s.wrong, s.attempts),
                }
            })
            .collect();
        let path = out.join(format!("step-errors-{scenario}.png"));
        let title = format!("{} — {}", t("report-steps-done-wrong"), name);
        plots::bars(
            &path,
            &title,
            t("report-share-of-attempts-missed-unfinished-out"),
            &bars,
            1.0,
            plots::VERMILLION,
            &|v| pct(lang, v),
        )
        .map_err(werr)?;
        let mut times: Vec<(String, Option<f64>, usize)> = Vec::new();
        for s in list.iter_mut() {
            let n = s.times.len();
            times.push((titles.step(scenario, &s.id), median(&mut s.times), n));
        }
        let rows = list
            .iter()
            .zip(&times)
            .map(|(s, (_, m, _))| {
                vec![
                    titles.step(scenario, &s.id),
                    s.attempts.to_string(),
                    s.wrong.to_string(),
                    pct(lang, s.wrong as f64 / s.attempts.max(1) as f64),
                    m.map(|m| secs(lang, m)).unwrap_or_default(),
                ]
            })
            .collect();
        section(
            &mut html,
            &title,
            &path,
            t("report-which-steps-learners-get-wrong-for"),
            &[
                t("report-step"),
                t("report-attempts"),
                t("report-wrong"),
                t("report-error-rate"),
                t("report-median-time"),
            ],
            rows,
        )
        .map_err(werr)?;
        plots_written.push(path);

        let max_t = times
            .iter()
            .filter_map(|(_, m, _)| *m)
            .fold(0.0f64, f64::max)
            * 1.1;
        let bars: Vec<Bar> = times
            .iter()
            .map(|(label, m, n)| Bar {
                label: label.clone(),
                value: m.unwrap_or(0.0),
                text: m
                    .map(|m| format!("{} (n={n})", secs(lang, m)))
                    .unwrap_or_else(|| "—".into()),
            })
            .collect();
        let path = out.join(format!("step-time-{scenario}.png"));
        let title = format!("{} — {}", t("report-time-per-step"), name);
        plots::bars(
            &path,
            &title,
            t("report-median-time-from-the-previous-step"),
            &bars,
            max_t.max(1000.0),
            plots::BLUE,
            &|v| secs(lang, v),
        )
        .map_err(werr)?;
        section(
            &mut html,
            &title,
            &path,
            t("report-median-time-between-the-completion-of"),
            &[],
            Vec::new(),
        )
        .map_err(werr)?;
        plots_written.push(path);
    }

    // Progress over attempts.
    let mut attempts: BTreeMap<(&str, &str), Vec<&SessionRow>> = BTreeMap::new();
    for s in &complete {
        attempts
            .entry((s.learner.as_str(), s.scenario_id.as_str()))
            .or_default()
            .push(s);
    }
    let mut by_attempt = [(0u32, 0u32, 0.0f64); MAX_ATTEMPTS];
    for list in attempts.values() {
        for (k, s) in list.iter().take(MAX_ATTEMPTS).enumerate() {
            let e = &mut by_attempt[k];
            e.0 += 1;
            if s.passed == Some(true) {
                e.1 += 1;
            }
            e.2 += s.scaled.unwrap_or(0.0);
        }
    }
    let used = by_attempt.iter().take_while(|e| e.0 > 0).count();
    let score_line: Vec<(f64, f64)> = (0..used)
        .map(|k| ((k + 1) as f64, by_attempt[k].2 / by_attempt[k].0 as f64))
        .collect();
    let pass_line: Vec<(f64, f64)> = (0..used)
        .map(|k| {
            (
                (k + 1) as f64,
                by_attempt[k].1 as f64 / by_attempt[k].0 as f64,
            )
        })
        .collect();
    let path = out.join("progress.png");
    let fmt = |v: f64| pct(lang, v);
    plots::lines(
        &path,
        t("report-progress-over-attempts"),
        t("report-attempt-a-learner-s-n-th"),
        "%",
        &[
            Line {
                name: t("report-series-mean-score").into(),
                points: score_line,
                color: plots::BLUE,
                dashed: false,
            },
            Line {
                name: t("report-series-pass-rate").into(),
                points: pass_line,
                color: plots::VERMILLION,
                dashed: true,
            },
        ],
        used as u32,
        1.05,
        &fmt,
    )
    .map_err(werr)?;
    let rows = (0..used)
        .map(|k| {
            let (n, p, sum) = by_attempt[k];
            vec![
                (k + 1).to_string(),
                n.to_string(),
                pct(lang, sum / n as f64),
                pct(lang, p as f64 / n as f64),
            ]
        })
        .collect();
    section(
        &mut html,
        t("report-progress-over-attempts"),
        &path,
        t("report-mean-score-and-pass-rate-of"),
        &[
            t("report-attempt"),
            t("report-sessions"),
            t("report-mean-score"),
            t("report-pass-rate"),
        ],
        rows,
    )
    .map_err(werr)?;
    plots_written.push(path);

    // Critical errors.
    let mut crit: BTreeMap<(String, String, String), u32> = BTreeMap::new();
    for [session, kind, id] in &critical {
        if let Some(s) = by_id.get(session.as_str()) {
            *crit
                .entry((s.scenario_id.clone(), kind.clone(), id.clone()))
                .or_default() += 1;
        }
    }
    let mut crit: Vec<_> = crit.into_iter().collect();
    crit.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let kind_name = |k: &str| -> &'static str {
        match k {
            "error" => t("report-critical-error"),
            "missed_step" => t("report-critical-step-missed"),
            "decision" => t("report-wrong-critical-decision"),
            _ => t("report-critical-criterion-failed"),
        }
    };
    let total = complete.len().max(1) as f64;
    if crit.is_empty() {
        let _ = write!(
            html,
            "<h2>{}</h2>\n<p>{}</p>\n",
            t("report-critical-errors"),
            t("report-no-session-was-failed-by-a")
        );
    } else {
        let bars: Vec<Bar> = crit
            .iter()
            .map(|((sc, kind, id), n)| Bar {
                label: titles.critical(sc, kind, id),
                value: *n as f64,
                text: format!("{n} ({})", pct(lang, *n as f64 / total)),
            })
            .collect();
        let max = crit.iter().map(|c| c.1).max().unwrap_or(1) as f64 * 1.15;
        let path = out.join("critical.png");
        plots::bars(
            &path,
            t("report-critical-errors"),
            t("report-sessions"),
            &bars,
            max,
            plots::VERMILLION,
            &|v| format!("{v:.0}"),
        )
        .map_err(werr)?;
        let rows = crit
            .iter()
            .map(|((sc, kind, id), n)| {
                vec![
                    titles.scenario(sc),
                    kind_name(kind).to_string(),
                    titles.critical(sc, kind, id),
                    n.to_string(),
                    pct(lang, *n as f64 / total),
                ]
            })
            .collect();
        section(
            &mut html,
            t("report-critical-errors"),
            &path,
            t("report-what-failed-sessions-whatever-their-score"),
            &[
                t("report-scenario"),
                t("report-kind"),
                t("report-what"),
                t("report-sessions"),
                t("report-share"),
            ],
            rows,
        )
        .map_err(werr)?;
        plots_written.push(path);
    }

    // The sessions themselves, for a single learner.
    if learners.len() == 1 {
        let _ = write!(html, "<h2>{}</h2>\n<table><tr>", t("report-sessions"));
        for h in [
            t("report-started-utc"),
            t("report-scenario"),
            t("report-mode"),
            t("report-result"),
            t("report-score-column"),
            t("report-duration"),
        ] {
            let _ = write!(html, "<th>{}</th>", esc(h));
        }
        html.push_str("</tr>\n");
        for s in &sessions {
            let result = match s.passed {
                Some(true) => t("report-result-passed"),
                Some(false) => t("report-failed"),
                None => t("report-incomplete"),
            };
            let _ = writeln!(
                html,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&s.started_at),
                esc(&titles.scenario(&s.scenario_id)),
                esc(&s.mode),
                result,
                s.scaled.map(|x| pct(lang, x)).unwrap_or_default(),
                s.duration_ms
                    .map(|d| duration(lang, d as f64))
                    .unwrap_or_default(),
            );
        }
        html.push_str("</table>\n");
    }

    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{}\n</style>\n</head>\n<body>\n{html}<footer>{}</footer>\n</body>\n</html>\n",
        lang.code(),
        t("report-praxis-training-report"),
        CSS,
        t("report-learners-appear-by-their-pseudonymous-ids"),
    );
    let html_path = out.join("report.html");
    std::fs::write(&html_path, page)
        .map_err(|e| ReportError::Write(format!("{}: {e}", html_path.display())))?;
    Ok(Written {
        html: html_path,
        plots: plots_written,
        sessions: sessions.len(),
    })
}

const CSS: &str = "body{font-family:'DejaVu Sans',system-ui,sans-serif;max-width:1040px;margin:2em auto;padding:0 1em;color:#1a1a1a;line-height:1.45}\nh1{margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ccc;padding-bottom:.2em}\n.scope{font-size:1.1em;margin:.2em 0}.meta{color:#555}\ntable{border-collapse:collapse;margin:.8em 0}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left}td{font-variant-numeric:tabular-nums}\ntable.summary th{background:#f3f3f3}img{max-width:100%;height:auto;border:1px solid #ddd}\nfooter{margin-top:3em;color:#555;font-size:.9em}";

/// A section: heading, the plot embedded as a data URI (with a text alternative), what it
/// shows, and its numbers as a table.
fn section(
    html: &mut String,
    title: &str,
    png: &Path,
    caption: &str,
    header: &[&str],
    rows: Vec<Vec<String>>,
) -> Result<(), String> {
    let bytes = std::fs::read(png).map_err(|e| format!("{}: {e}", png.display()))?;
    let data = base64::engine::general_purpose::STANDARD.encode(bytes);
    let _ = write!(
        html,
        "<h2>{}</h2>\n<figure><img src=\"data:image/png;base64,{data}\" alt=\"{}\"><figcaption>{}</figcaption></figure>\n",
        esc(title),
        esc(&format!("{title}. {caption}")),
        esc(caption)
    );
    if !header.is_empty() {
        html.push_str("<table><tr>");
        for h in header {
            let _ = write!(html, "<th>{}</th>", esc(h));
        }
        html.push_str("</tr>\n");
        for r in rows {
            html.push_str("<tr>");
            for c in r {
                let _ = write!(html, "<td>{}</td>", esc(&c));
            }
            html.push_str("</tr>\n");
        }
        html.push_str("</table>\n");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_and_lengths_read_right_in_both_languages() {
        assert_eq!(pct(Lang::En, 0.8191), "82%");
        assert_eq!(pct(Lang::Fr, 0.8191), "82\u{202f}%");
        assert_eq!(pct(Lang::En, 0.001), "<1%");
        assert_eq!(pct(Lang::En, 0.0), "0%");
        assert_eq!(secs(Lang::Fr, 2500.0), "2,5\u{a0}s");
        assert_eq!(duration(Lang::En, 40_000.0), "40.0 s");
        assert_eq!(duration(Lang::En, 335_000.0), "5 min 35 s");
        assert_eq!(duration(Lang::Fr, 335_000.0), "5\u{a0}min 35\u{a0}s");
    }
}
