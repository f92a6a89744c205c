//! The debrief (presentation layer): the outcome, what failed the session, the steps with
//! their criteria and quality, the critical actions, what happened; on the screen and on the
//! world panel, from the same code.

use super::flow::{BackToMenu, Quit, RestartSession};
use super::i18n::{Arg, I18n};
use super::session::Session;
use super::views::{gesture_name, line_ui, mmss, tone_color};
use super::words::{self, Tone};
use crate::action::ActionKind;
use crate::scenario::Scenario;
use crate::scoring::StepStatus;
use bevy::prelude::*;
use bevy_egui::egui;

fn status_mark(i18n: &I18n, s: StepStatus) -> (Tone, String) {
    let (tone, id) = words::step_status(s);
    (tone, i18n.t(id))
}

/// The debrief of the session: restart, back to the start screen or quit at its foot.
pub fn debrief(root: &mut egui::Ui, i18n: &I18n, session: &Session, commands: &mut Commands) {
    let sc = &session.start.scenario;
    let l = i18n.lang.code();
    let Some(o) = &session.outcome else { return };
    egui::CentralPanel::default().show(root, |p| {
        egui::ScrollArea::vertical().show(p, |p| {
            p.heading(egui::RichText::new(sc.model.title.get(l)).size(22.0));
            let (tone, id) = if o.passed {
                (Tone::Good, "debrief-passed")
            } else {
                (Tone::Critical, "debrief-failed")
            };
            p.label(
                egui::RichText::new(format!("{} {}", tone.mark(), i18n.t(id)))
                    .size(30.0)
                    .strong()
                    .color(tone_color(tone)),
            );
            p.label(
                egui::RichText::new(i18n.ta(
                    "debrief-score",
                    &[
                        ("score", Arg::S(format!("{:.0}", o.score.scaled * 100.0))),
                        ("pass", Arg::S(format!("{:.0}", o.score.pass_mark * 100.0))),
                        ("raw", Arg::S(i18n.lang.num(o.score.raw))),
                        ("max", Arg::S(i18n.lang.num(o.score.max))),
                        ("penalties", Arg::S(i18n.lang.num(o.score.penalties))),
                    ],
                ))
                .size(16.0),
            );
            p.label(i18n.ta(
                "debrief-duration",
                &[
                    ("time", mmss(o.duration_ms).into()),
                    ("hints", o.hints.into()),
                ],
            ));
            match &session.lms {
                Some(Ok(endpoint)) => {
                    p.label(i18n.ta("debrief-lms-sent", &[("lms", endpoint.clone().into())]));
                }
                Some(Err(e)) => {
                    p.label(
                        egui::RichText::new(
                            i18n.ta("debrief-lms-error", &[("error", e.clone().into())]),
                        )
                        .color(tone_color(Tone::Bad)),
                    );
                }
                None => {}
            }
            if !o.critical.is_empty() {
                p.add_space(6.0);
                p.label(
                    egui::RichText::new(format!("‼ {}", i18n.t("debrief-critical")))
                        .strong()
                        .color(tone_color(Tone::Critical)),
                );
                for c in &o.critical {
                    let text = critical_text(sc, i18n, &c.kind, &c.id);
                    line_ui(
                        p,
                        Tone::Critical,
                        &text,
                        &c.at_ms
                            .map(|t| format!("{}  ", mmss(t)))
                            .unwrap_or_default(),
                    );
                }
            }
            p.add_space(8.0);
            egui::CollapsingHeader::new(egui::RichText::new(i18n.t("debrief-steps")).strong())
                .default_open(true)
                .show(p, |p| {
                    egui::Grid::new("steps")
                        .striped(true)
                        .num_columns(3)
                        .show(p, |p| {
                            for s in &o.steps {
                                let title = sc
                                    .step_model(&s.id)
                                    .map(|m| m.title.get(l).to_string())
                                    .unwrap_or_else(|| s.id.clone());
                                let (tone, word) = status_mark(i18n, s.status);
                                p.label(
                                    egui::RichText::new(format!("{} {word}", tone.mark()))
                                        .color(tone_color(tone)),
                                );
                                p.label(title);
                                p.label(format!(
                                    "{} / {}",
                                    i18n.lang.num(s.points),
                                    i18n.lang.num(s.max)
                                ));
                                p.end_row();
                                for c in &s.criteria {
                                    p.label("");
                                    // Not measurable, or never checked (its step was not
                                    // done, or lies in a branch not taken): no verdict.
                                    let not_assessed = matches!(
                                        c.result,
                                        None | Some(crate::tracker::CriterionResult::NotAssessed)
                                    );
                                    p.label(format!(
                                        "   {} {}{}",
                                        if not_assessed {
                                            "ℹ"
                                        } else if c.result.as_ref().is_some_and(|r| r.passed()) {
                                            "✔"
                                        } else {
                                            "✖"
                                        },
                                        criterion_text(sc, l, Some(&s.id), &c.id),
                                        match c.result {
                                            None =>
                                                format!(" — {}", i18n.t("criterion-not-checked")),
                                            Some(crate::tracker::CriterionResult::NotAssessed) => {
                                                format!(" — {}", i18n.t("debrief-not-assessed"))
                                            }
                                            _ => String::new(),
                                        }
                                    ));
                                    p.label(format!(
                                        "{} / {}",
                                        i18n.lang.num(c.points),
                                        i18n.lang.num(c.max)
                                    ));
                                    p.end_row();
                                }
                            }
                        });
                });
            if !o.criteria.is_empty() {
                egui::CollapsingHeader::new(
                    egui::RichText::new(i18n.t("debrief-criteria")).strong(),
                )
                .default_open(true)
                .show(p, |p| {
                    for (i, c) in o.criteria.iter().enumerate() {
                        let ok = c.result.as_ref().is_some_and(|r| r.passed());
                        let value = match &c.result {
                            Some(crate::tracker::CriterionResult::NotAssessed) => {
                                format!(" — {}", i18n.t("debrief-not-assessed"))
                            }
                            Some(r) => {
                                let check = sc.index.criteria.get(i).map(|x| &x.check);
                                let found = crate::text::feedback::criterion_found(
                                    crate::text::Catalog::get(),
                                    i18n.lang,
                                    sc,
                                    check,
                                    r,
                                );
                                if found.is_empty() {
                                    found
                                } else {
                                    format!(" ({found})")
                                }
                            }
                            None => String::new(),
                        };
                        // Unverified in the reference: reported, never scored.
                        let reported = sc.index.criteria.get(i).is_some_and(|x| x.unverified);
                        let tone = match c.result {
                            _ if reported => Tone::Info,
                            Some(crate::tracker::CriterionResult::NotAssessed) => Tone::Info,
                            _ if ok => Tone::Good,
                            _ => Tone::Bad,
                        };
                        let points = if reported {
                            i18n.t("criterion-reported")
                        } else {
                            format!("{} / {}", i18n.lang.num(c.points), i18n.lang.num(c.max))
                        };
                        line_ui(
                            p,
                            tone,
                            &format!("{}{value} — {points}", criterion_text(sc, l, None, &c.id)),
                            "",
                        );
                    }
                });
            }
            if !o.metrics.is_empty() {
                egui::CollapsingHeader::new(
                    egui::RichText::new(i18n.t("debrief-metrics")).strong(),
                )
                .default_open(true)
                .show(p, |p| {
                    for m in &o.metrics {
                        let label = sc
                            .model
                            .metrics
                            .iter()
                            .find(|x| x.id.as_str() == m.id)
                            .map(|x| x.label.get(l).to_string())
                            .unwrap_or_else(|| m.id.clone());
                        // A share as a feedback manikin shows it: a bar; then each cycle's value.
                        let v = m
                            .value
                            .map(|v| format!("{} {}", i18n.lang.short(v), m.unit))
                            .unwrap_or_else(|| i18n.t("debrief-not-measured"));
                        match m.value.filter(|_| m.unit == "%") {
                            Some(share) => {
                                p.horizontal(|p| {
                                    p.label(i18n.ta(
                                        "debrief-metric",
                                        &[("label", label.into()), ("value", "".into())],
                                    ));
                                    p.add(
                                        egui::ProgressBar::new(
                                            (share / 100.0).clamp(0.0, 1.0) as f32
                                        )
                                        .desired_width(160.0)
                                        .text(v),
                                    );
                                });
                            }
                            None => {
                                p.label(i18n.ta(
                                    "debrief-metric",
                                    &[("label", label.into()), ("value", v.into())],
                                ));
                            }
                        }
                        if !m.cycles.is_empty() {
                            let per: Vec<String> = m
                                .cycles
                                .iter()
                                .map(|c| c.map_or_else(|| "—".into(), |v| i18n.lang.short(v)))
                                .collect();
                            p.label(
                                egui::RichText::new(i18n.ta(
                                    "debrief-cycles",
                                    &[
                                        ("values", per.join(" · ").into()),
                                        ("unit", m.unit.as_str().into()),
                                    ],
                                ))
                                .small(),
                            );
                        }
                    }
                });
            }
            if let Some(trace) =
                crate::tracker::CprTrace::of(&sc.index, &session.actions, o.duration_ms)
            {
                egui::CollapsingHeader::new(
                    egui::RichText::new(i18n.t("debrief-cpr-trace")).strong(),
                )
                .default_open(true)
                .show(p, |p| super::cpr_plot::cpr_trace_ui(p, i18n, &trace));
            }
            egui::CollapsingHeader::new(egui::RichText::new(i18n.t("debrief-timeline")).strong())
                .default_open(true)
                .show(p, |p| {
                    // Each action, then what it caused; what the passing of time caused, at its time.
                    for (i, a) in session.actions.iter().enumerate() {
                        for (_, f) in session.log.iter().filter(|(by, f)| {
                            by.is_none()
                                && f.at <= a.at
                                && (i == 0 || f.at > session.actions[i - 1].at)
                        }) {
                            if let Some((tone, text)) = words::feedback(sc, i18n, f) {
                                line_ui(p, tone, &text, &format!("{}  ", mmss(f.at.0)));
                            }
                        }
                        p.label(
                            egui::RichText::new(format!(
                                "{}  {}",
                                mmss(a.at.0),
                                action_text(sc, i18n, &a.kind)
                            ))
                            .monospace(),
                        );
                        for (_, f) in session.log.iter().filter(|(by, _)| *by == Some(i)) {
                            if let Some((tone, text)) = words::feedback(sc, i18n, f) {
                                line_ui(p, tone, &text, "        ");
                            }
                        }
                    }
                });
            egui::CollapsingHeader::new(egui::RichText::new(i18n.t("debrief-sources")).strong())
                .default_open(true)
                .show(p, |p| {
                    for s in &sc.model.sources {
                        p.label(format!(
                            "{} — {}, {} ({})",
                            s.title, s.publisher, s.edition, s.section
                        ));
                        p.label(egui::RichText::new(&s.url).small());
                    }
                });
            p.add_space(6.0);
            match (&session.record_path, &session.record_error) {
                (_, Some(e)) => {
                    p.label(
                        egui::RichText::new(
                            i18n.ta("debrief-record-error", &[("error", e.clone().into())]),
                        )
                        .color(tone_color(Tone::Bad)),
                    );
                }
                (Some(path), None) => {
                    p.label(i18n.ta(
                        "debrief-record",
                        &[("path", path.display().to_string().into())],
                    ));
                }
                (None, None) => {
                    p.label(i18n.t("debrief-no-record"));
                }
            }
            p.add_space(10.0);
            p.horizontal(|p| {
                if p.button(i18n.t("debrief-again")).clicked() {
                    commands.trigger(RestartSession);
                }
                if p.button(i18n.t("pause-menu")).clicked() {
                    commands.trigger(BackToMenu);
                }
                if p.button(i18n.t("menu-quit")).clicked() {
                    commands.trigger(Quit);
                }
            });
        });
    });
}

fn criterion_text(sc: &Scenario, l: &str, step: Option<&str>, id: &str) -> String {
    let list = match step {
        Some(s) => sc.step_model(s).map(|m| &m.criteria[..]).unwrap_or(&[]),
        None => &sc.model.scoring.criteria[..],
    };
    list.iter()
        .find(|c| c.id.as_str() == id)
        .map(|c| c.text.get(l).to_string())
        .unwrap_or_else(|| id.to_string())
}

fn critical_text(sc: &Scenario, i18n: &I18n, kind: &str, id: &str) -> String {
    let l = i18n.lang.code();
    match kind {
        "error" => sc
            .model
            .errors
            .iter()
            .find(|e| e.id.as_str() == id)
            .map(|e| e.feedback.get(l).to_string())
            .unwrap_or_else(|| id.to_string()),
        "missed_step" => match sc.index.nodes.iter().find(|n| n.id == id) {
            // A group never started, named whole, as the terminal debrief says it.
            Some(n) if !matches!(n.kind, crate::scenario::compiled::NodeKind::Step(_)) => {
                i18n.ta("debrief-missed-group", &[("group", n.title.get(l).into())])
            }
            n => i18n.ta(
                "debrief-missed-step",
                &[(
                    "step",
                    n.map_or_else(|| id.to_string(), |n| n.title.get(l).to_string())
                        .into(),
                )],
            ),
        },
        "decision" => sc
            .model
            .decisions
            .iter()
            .find(|d| d.id.as_str() == id)
            .map(|d| {
                let why = d
                    .explanation
                    .as_ref()
                    .map(|e| format!(" — {}", e.get(l)))
                    .unwrap_or_default();
                format!(
                    "{}{why}",
                    i18n.ta(
                        "debrief-wrong-answer",
                        &[("question", d.prompt.get(l).into())]
                    )
                )
            })
            .unwrap_or_else(|| id.to_string()),
        _ => {
            let (step, crit) = id
                .split_once('/')
                .map(|(s, c)| (Some(s), c))
                .unwrap_or((None, id));
            i18n.ta(
                "debrief-criterion-failed",
                &[("criterion", criterion_text(sc, l, step, crit).into())],
            )
        }
    }
}

fn name_of(sc: &Scenario, l: &str, id: &str) -> String {
    sc.index
        .entity_ids
        .get(id)
        .map(|&e| sc.index.entities[e as usize].name.get(l).to_string())
        .unwrap_or_else(|| id.to_string())
}

/// An action in words, for the timeline.
pub fn action_text(sc: &Scenario, i18n: &I18n, a: &ActionKind) -> String {
    let l = i18n.lang.code();
    let n = |id: &str| Arg::S(name_of(sc, l, id));
    match a {
        ActionKind::Grab { hand, object } => i18n.ta(
            "act-grab",
            &[("hand", n(hand.id())), ("object", n(object.as_str()))],
        ),
        ActionKind::Release {
            hand, object, on, ..
        } => match on {
            Some(on) => i18n.ta(
                "act-release-on",
                &[
                    ("hand", n(hand.id())),
                    ("object", n(object.as_str())),
                    ("on", n(on.as_str())),
                ],
            ),
            None => i18n.ta(
                "act-release",
                &[("hand", n(hand.id())), ("object", n(object.as_str()))],
            ),
        },
        ActionKind::Use { object, .. } => i18n.ta("act-use", &[("object", n(object.as_str()))]),
        ActionKind::UseOn { object, target, .. } => i18n.ta(
            "act-use-on",
            &[
                ("object", n(object.as_str())),
                ("target", n(target.as_str())),
            ],
        ),
        ActionKind::Touch { a, b } => {
            i18n.ta("act-touch", &[("a", n(a.as_str())), ("b", n(b.as_str()))])
        }
        ActionKind::Gesture {
            gesture,
            duration_ms,
            ..
        } => {
            let name = gesture_name(sc, gesture.as_str(), l);
            i18n.ta(
                "act-gesture",
                &[
                    ("gesture", name.into()),
                    (
                        "seconds",
                        Arg::S(i18n.lang.fixed(*duration_ms as f64 / 1000.0, 1)),
                    ),
                ],
            )
        }
        ActionKind::Rub { duration_ms } => i18n.ta(
            "act-rub",
            &[(
                "seconds",
                Arg::S(i18n.lang.fixed(*duration_ms as f64 / 1000.0, 1)),
            )],
        ),
        ActionKind::Compress { .. } => i18n.t("act-compress"),
        ActionKind::Read { object } => i18n.ta("act-read", &[("object", n(object.as_str()))]),
        ActionKind::Enter { field, value } => {
            let v = match value {
                crate::action::EnteredValue::Number { value, unit } => format!(
                    "{} {}",
                    i18n.lang.num(*value),
                    unit.clone().unwrap_or_default()
                ),
                crate::action::EnteredValue::Text { text } => text.clone(),
            };
            let label = sc
                .model
                .fields
                .iter()
                .find(|f| f.id.as_str() == field.as_str())
                .map(|f| f.label.get(l).to_string())
                .unwrap_or_default();
            i18n.ta(
                "act-enter",
                &[
                    ("field", label.into()),
                    ("value", v.trim().to_string().into()),
                ],
            )
        }
        ActionKind::Choose { decision, choices } => {
            let d = sc
                .model
                .decisions
                .iter()
                .find(|d| d.id.as_str() == decision.as_str());
            let texts: Vec<String> = choices
                .iter()
                .map(|c| {
                    d.and_then(|d| d.choices.iter().find(|x| x.id.as_str() == c.as_str()))
                        .map(|x| x.text.get(l).to_string())
                        .unwrap_or_else(|| c.to_string())
                })
                .collect();
            i18n.ta("act-choose", &[("answer", texts.join(", ").into())])
        }
        ActionKind::Wait { duration_ms } => i18n.ta(
            "act-wait",
            &[("seconds", Arg::N(*duration_ms as f64 / 1000.0))],
        ),
        ActionKind::Hint => i18n.t("act-hint"),
        ActionKind::Instructor { event, by } => {
            let a_by = by.clone();
            let label = sc
                .model
                .events
                .iter()
                .find(|e| e.id.as_str() == event.as_str())
                .and_then(|e| e.label.as_ref())
                .map_or_else(|| event.to_string(), |t| t.get(l).to_string());
            let who = match &a_by {
                Some(by) => format!("{label} ({by})"),
                None => label,
            };
            i18n.ta("act-instructor", &[("event", who.into())])
        }
        ActionKind::Finish => i18n.t("act-finish"),
    }
}
