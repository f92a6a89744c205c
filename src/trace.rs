//! Plain-text rendering of feedback and outcomes, in English or French: the trace `praxis
//! simulate` prints and the terminal debrief. Every phrase comes from the catalogue
//! ([`crate::text`]); this module lays the lines out. Marks are shapes and words, never colour
//! alone.

use crate::action::SimTime;
use crate::scenario::Scenario;
use crate::scoring::SessionOutcome;
use crate::text::feedback::{Tone, criterion_found, feedback, share_bar, step_status};
use crate::text::{Arg, Catalog};
use crate::tracker::{CriterionResult, Feedback, FeedbackKind};
use std::fmt::Write as _;

pub use crate::text::Lang;

/// One feedback item as a line of text: its tone's mark and its line of the catalogue (as the
/// runtime's feedback panel shows it), then what an instructor reading a trace also wants and
/// no language changes — the step or error id, a repetition, a penalty.
pub fn describe(sc: &Scenario, f: &Feedback, lang: Lang) -> String {
    let (tone, text) = feedback(Catalog::get(), lang, sc, f);
    let mut s = format!("{} {text}", tone.mark());
    let ix = &sc.index;
    match &f.kind {
        FeedbackKind::StepDone {
            step, completion, ..
        } => {
            let _ = write!(s, " [{}]", sc.step_id(*step));
            if *completion > 1 {
                let _ = write!(s, " ×{completion}");
            }
        }
        FeedbackKind::StepProgress { step, .. }
        | FeedbackKind::Working { step }
        | FeedbackKind::OutOfOrder { step, .. }
        | FeedbackKind::Hint { step: Some(step) } => {
            let _ = write!(s, " [{}]", sc.step_id(*step));
        }
        FeedbackKind::Error { error, counted, .. } => {
            let _ = write!(s, " [{}]", ix.errors[*error as usize].id);
            let penalty = ix.errors[*error as usize].penalty;
            if *counted && penalty > 0.0 {
                let _ = write!(s, " (−{})", lang.num(penalty));
            }
        }
        _ => {}
    }
    s
}

/// Time as `m:ss.sss`.
pub fn time(t: SimTime) -> String {
    t.to_string()
}

/// The debrief: result, score, what failed the session, steps, criteria, errors, measures,
/// faults and hints — each line from the catalogue, numbers as the language writes them.
pub fn summary(sc: &Scenario, o: &SessionOutcome, lang: Lang) -> String {
    let cat = Catalog::get();
    let t = |id: &str| cat.t(lang, id);
    let ta = |id: &str, args: &[(&str, Arg)]| cat.ta(lang, id, args);
    let l = lang.code();
    let mut s = String::new();
    let result = t(if o.passed {
        "debrief-passed"
    } else {
        "debrief-failed"
    });
    let _ = writeln!(
        s,
        "{}",
        ta(
            "summary-result",
            &[
                ("result", result.into()),
                ("raw", lang.num(o.score.raw).into()),
                ("max", lang.num(o.score.max).into()),
                ("percent", lang.fixed(o.score.scaled * 100.0, 1).into()),
                ("pass", lang.fixed(o.score.pass_mark * 100.0, 0).into()),
            ],
        )
    );
    if o.score.penalties > 0.0 {
        let _ = writeln!(
            s,
            "  {}",
            ta(
                "summary-penalties",
                &[
                    ("earned", lang.num(o.score.earned).into()),
                    ("penalties", lang.num(o.score.penalties).into()),
                ],
            )
        );
    }
    if !o.critical.is_empty() {
        let _ = writeln!(s, "‼ {}", t("debrief-critical"));
        for c in &o.critical {
            let what = match c.kind.as_str() {
                "error" => sc
                    .model
                    .errors
                    .iter()
                    .find(|e| e.id.as_str() == c.id)
                    .map(|e| e.feedback.get(l).to_string())
                    .unwrap_or_default(),
                "missed_step" => match sc.index.nodes.iter().find(|n| n.id == c.id) {
                    Some(n) if !matches!(n.kind, crate::scenario::compiled::NodeKind::Step(_)) => {
                        ta("debrief-missed-group", &[("group", n.title.get(l).into())])
                    }
                    n => ta(
                        "debrief-missed-step",
                        &[("step", n.map_or("", |n| n.title.get(l)).into())],
                    ),
                },
                "decision" => {
                    let q = sc
                        .model
                        .decisions
                        .iter()
                        .find(|d| d.id.as_str() == c.id)
                        .map_or("", |d| d.prompt.get(l));
                    ta("debrief-wrong-answer", &[("question", q.into())])
                }
                _ => {
                    // The criterion's text and what it found ("Recorded as displayed (117
                    // mg/dL; displayed: 111 mg/dL)"), else its id.
                    let (step, crit) =
                        c.id.rsplit_once('/')
                            .map_or((None, c.id.as_str()), |(s, x)| (Some(s), x));
                    let text = match step {
                        Some(st) => sc
                            .step_model(st)
                            .and_then(|m| m.criteria.iter().find(|x| x.id.as_str() == crit))
                            .map(|x| x.text.get(l).to_string()),
                        None => sc
                            .model
                            .scoring
                            .criteria
                            .iter()
                            .find(|x| x.id.as_str() == crit)
                            .map(|x| x.text.get(l).to_string()),
                    };
                    // What it found: a step's criterion, or one of the session's.
                    let found = match step {
                        Some(step) => o
                            .steps
                            .iter()
                            .enumerate()
                            .filter(|(_, r)| r.id == step)
                            .flat_map(|(n, r)| {
                                r.criteria.iter().enumerate().map(move |(i, x)| (n, i, x))
                            })
                            .find(|(_, _, x)| x.id == crit)
                            .and_then(|(n, i, x)| {
                                let check =
                                    sc.index.steps.get(n)?.criteria.get(i).map(|c| &c.check);
                                x.result.map(|r| criterion_found(cat, lang, sc, check, &r))
                            }),
                        None => o
                            .criteria
                            .iter()
                            .enumerate()
                            .find(|(_, x)| x.id == crit)
                            .and_then(|(i, x)| {
                                let check = sc.index.criteria.get(i).map(|c| &c.check);
                                x.result.map(|r| criterion_found(cat, lang, sc, check, &r))
                            }),
                    }
                    .filter(|f| !f.is_empty())
                    .map(|f| format!(" ({f})"))
                    .unwrap_or_default();
                    let what = text.map_or_else(|| c.id.clone(), |t| format!("{t}{found}"));
                    ta("debrief-criterion-failed", &[("criterion", what.into())])
                }
            };
            let at = c
                .at_ms
                .map(|ms| format!(" {}", SimTime(ms)))
                .unwrap_or_default();
            let _ = writeln!(s, "  ‼ [{}]{at} {what}", c.id);
        }
    }
    let _ = writeln!(s, "{}", t("debrief-steps"));
    for (n, st) in o.steps.iter().enumerate() {
        let (tone, key) = step_status(st.status);
        let title = sc.step_model(&st.id).map(|m| m.title.get(l)).unwrap_or("");
        let answer = match st.correct {
            Some(false) => format!(", {}", t("status-wrong-answer")),
            _ => String::new(),
        };
        let _ = writeln!(
            s,
            "  {} {:<28} {:>5}/{:<5} {}{answer} — {title}",
            tone.mark(),
            st.id,
            lang.num(st.points),
            lang.num(st.max),
            t(key)
        );
        // The outcome lists the steps in the index's order.
        let info = sc
            .index
            .steps
            .get(n)
            .filter(|_| sc.step_id(n as u32) == st.id);
        for (i, c) in st.criteria.iter().enumerate() {
            let info = info.and_then(|s| s.criteria.get(i));
            let _ = writeln!(
                s,
                "      {}",
                criterion_line(sc, info, c.result, &c.id, c.points, c.max, lang)
            );
        }
    }
    if !o.criteria.is_empty() {
        let _ = writeln!(s, "{}", t("debrief-criteria"));
        for (i, c) in o.criteria.iter().enumerate() {
            let info = sc.index.criteria.get(i);
            let _ = writeln!(
                s,
                "  {}",
                criterion_line(sc, info, c.result, &c.id, c.points, c.max, lang)
            );
        }
    }
    if !o.errors.is_empty() {
        let _ = writeln!(s, "{}", t("debrief-errors"));
        for e in &o.errors {
            let text = sc
                .model
                .errors
                .iter()
                .find(|m| m.id.as_str() == e.id)
                .map(|m| m.feedback.get(l))
                .unwrap_or("");
            let tone = if e.severity == "critical" {
                Tone::Critical
            } else {
                Tone::Bad
            };
            let _ = writeln!(
                s,
                "  {} {} ×{} (−{}) {text}",
                tone.mark(),
                e.id,
                e.count,
                lang.num(e.penalty)
            );
        }
    }
    if !o.metrics.is_empty() {
        let _ = writeln!(s, "{}", t("debrief-metrics"));
        for m in &o.metrics {
            let label = sc
                .model
                .metrics
                .iter()
                .find(|x| x.id.as_str() == m.id)
                .map(|x| x.label.get(l))
                .unwrap_or("");
            // A share is drawn as a feedback manikin shows it: a bar of ten cells.
            let value = m.value.map_or(t("debrief-not-measured"), |v| {
                let text = format!("{} {}", lang.short(v), m.unit);
                if m.unit == "%" {
                    format!("{} {text}", share_bar(v))
                } else {
                    text
                }
            });
            let _ = writeln!(
                s,
                "  {}",
                ta(
                    "debrief-metric",
                    &[
                        ("label", format!("{label} ({})", m.id).into()),
                        ("value", value.into())
                    ]
                )
            );
            if !m.cycles.is_empty() {
                let per: Vec<String> = m
                    .cycles
                    .iter()
                    .map(|c| c.map_or_else(|| "—".to_string(), |v| lang.short(v)))
                    .collect();
                let _ = writeln!(
                    s,
                    "      {}",
                    ta(
                        "debrief-cycles",
                        &[
                            ("values", per.join(" · ").into()),
                            ("unit", m.unit.as_str().into())
                        ]
                    )
                );
            }
        }
    }
    if !o.faults.is_empty() {
        let _ = writeln!(
            s,
            "{}",
            ta("debrief-faults", &[("faults", o.faults.join(", ").into())])
        );
    }
    if o.hints > 0 {
        let _ = writeln!(s, "{}", ta("debrief-hints", &[("hints", o.hints.into())]));
    }
    for r in &o.replaced {
        let name = sc
            .index
            .entity_ids
            .get(r.object.as_str())
            .map_or(r.object.as_str(), |&e| {
                sc.index.entities[e as usize].name.get(l)
            });
        let _ = writeln!(
            s,
            "{}",
            ta(
                "debrief-replaced",
                &[("object", name.into()), ("count", r.count.into())]
            )
        );
    }
    if !o.instructor.is_empty() {
        let _ = writeln!(s, "{}", t("debrief-instructor"));
        for i in &o.instructor {
            let label = sc
                .model
                .events
                .iter()
                .find(|e| e.id.as_str() == i.event)
                .and_then(|e| e.label.as_ref())
                .map_or(i.event.as_str(), |t| t.get(l));
            let time = SimTime(i.at_ms).to_string();
            let line = match &i.by {
                Some(by) => ta(
                    "debrief-instructor-entry-by",
                    &[
                        ("time", time.into()),
                        ("event", label.into()),
                        ("by", by.as_str().into()),
                    ],
                ),
                None => ta(
                    "debrief-instructor-entry",
                    &[("time", time.into()), ("event", label.into())],
                ),
            };
            let _ = writeln!(s, "  {line}");
        }
    }
    s
}

fn criterion_line(
    sc: &Scenario,
    info: Option<&crate::scenario::compiled::CriterionInfo>,
    result: Option<CriterionResult>,
    id: &str,
    points: f64,
    max: f64,
    lang: Lang,
) -> String {
    let check = info.map(|c| &c.check);
    let (tone, key) = match result {
        // Unverified in the reference: reported, never scored.
        _ if info.is_some_and(|c| c.unverified) => (Tone::Info, "criterion-reported"),
        Some(CriterionResult::Passed { .. }) => (Tone::Good, "criterion-met"),
        Some(CriterionResult::Failed { .. }) => (Tone::Bad, "criterion-not-met"),
        Some(CriterionResult::NotAssessed) => (Tone::Info, "criterion-not-assessed"),
        None => (Tone::Info, "criterion-not-checked"),
    };
    // The value with its unit, and what it was compared with.
    let found = result
        .map(|r| criterion_found(Catalog::get(), lang, sc, check, &r))
        .unwrap_or_default();
    let value = if found.is_empty() {
        found
    } else {
        format!(" ({found})")
    };
    format!(
        "{} {id} {}/{} {}{value}",
        tone.mark(),
        lang.num(points),
        lang.num(max),
        Catalog::get().t(lang, key)
    )
}
