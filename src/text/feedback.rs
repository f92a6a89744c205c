//! What the tracker says, as lines of the catalogue, with a tone. Marks are shapes as well as
//! colours: `✔` done, `ℹ` information, `✖` error, `‼` critical. The command line's trace and the
//! runtime's feedback panel render these same lines.

use super::{Arg, Catalog, Lang};
use crate::scenario::Scenario;
use crate::scenario::model::Severity;
use crate::scoring::StepStatus;
use crate::tracker::{CriterionResult, Feedback, FeedbackKind, Rejection};

/// How a line should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Something done.
    Good,
    /// Information.
    Info,
    /// An error that costs points.
    Bad,
    /// A critical error: the session fails.
    Critical,
}

impl Tone {
    /// Its mark (shape, not colour). All four are in egui's default fonts.
    pub fn mark(self) -> &'static str {
        match self {
            Tone::Good => "✔",
            Tone::Info => "ℹ",
            Tone::Bad => "✖",
            Tone::Critical => "‼",
        }
    }
}

/// A criterion's value with its unit, as the learner reads it: an instrument reading at its
/// display's resolution, any other value with three significant figures ([`Lang::short`]).
pub fn criterion_value(
    lang: Lang,
    ix: &crate::scenario::compiled::Index,
    check: Option<&crate::scenario::compiled::CCheck>,
    v: f64,
) -> String {
    use crate::scenario::compiled::CCheck;
    let Some(CCheck::Value(value, _) | CCheck::Agrees(value, _, _)) = check else {
        return lang.short(v);
    };
    value_text(lang, ix, value, v)
}

/// A value of what a criterion checks, with its unit (as the instrument shows it, for a
/// reading).
fn value_text(
    lang: Lang,
    ix: &crate::scenario::compiled::Index,
    value: &crate::scenario::compiled::CValue,
    v: f64,
) -> String {
    use crate::scenario::compiled::CValue;
    let number = match value {
        CValue::Reading(e) => match ix.entities[*e as usize].display.as_ref() {
            Some(d) => lang.reading(v, d.resolution),
            None => lang.short(v),
        },
        _ => lang.short(v),
    };
    match ix.value_unit(value) {
        "" => number,
        unit => format!("{number} {unit}"),
    }
}

/// What a criterion found, in words: the value with its unit, and for a comparison what it was
/// compared with ("110 mg/dL; the glucose meter showed 111 mg/dL"). Empty without a value.
pub fn criterion_found(
    cat: &Catalog,
    lang: Lang,
    sc: &Scenario,
    check: Option<&crate::scenario::compiled::CCheck>,
    result: &CriterionResult,
) -> String {
    use crate::scenario::compiled::{CCheck, CValue};
    let (CriterionResult::Passed { value, against } | CriterionResult::Failed { value, against }) =
        result
    else {
        return String::new();
    };
    let Some(v) = value else {
        return String::new();
    };
    let ix = &sc.index;
    let shown = criterion_value(lang, ix, check, *v);
    match (check, against) {
        (Some(CCheck::Agrees(_, b, _)), Some(w)) => {
            let other = value_text(lang, ix, b, *w);
            match b {
                CValue::Reading(_) => cat.ta(
                    lang,
                    "criterion-against-reading",
                    &[("value", shown.into()), ("against", other.into())],
                ),
                _ => cat.ta(
                    lang,
                    "criterion-against",
                    &[("value", shown.into()), ("against", other.into())],
                ),
            }
        }
        _ => shown,
    }
}

/// A message with its live values filled in: what an instrument displayed as it displayed it
/// (its resolution, its unit), a quantity's value with its unit; "—" where nothing was read.
fn fill(
    lang: Lang,
    sc: &Scenario,
    text: &str,
    slots: &[crate::scenario::compiled::Slot],
    values: &[Option<f64>],
) -> String {
    use crate::scenario::compiled::SlotSource;
    let ix = &sc.index;
    let mut out = text.to_string();
    for (slot, value) in slots.iter().zip(values) {
        let shown = match (slot.source, value) {
            (_, None) => "—".to_string(),
            (SlotSource::Shown(e), Some(v)) => {
                let d = ix.entities[e as usize]
                    .display
                    .as_ref()
                    .expect("compiled: a slot's object has a display");
                let unit = ix.quantities[d.quantity as usize].unit.symbol;
                format!("{} {unit}", lang.reading(*v, d.resolution))
            }
            (SlotSource::Value(q), Some(v)) => {
                let unit = ix.quantities[q as usize].unit.symbol;
                format!("{} {unit}", lang.short(*v))
            }
        };
        out = out.replace(&slot.written, shown.trim_end());
    }
    out
}

/// A share as ten cells, filled to the nearest tenth (`████████░░`), as a feedback manikin
/// shows a percentage.
pub fn share_bar(percent: f64) -> String {
    let full = (percent.clamp(0.0, 100.0) / 10.0).round() as usize;
    format!("{}{}", "█".repeat(full), "░".repeat(10 - full))
}

/// A step's title in a language.
pub fn step_title(sc: &Scenario, lang: Lang, s: u32) -> String {
    sc.node_title(sc.step_node(s)).get(lang.code()).to_string()
}

/// One piece of feedback as a line of the catalogue, with its tone. Everything the tracker
/// says has a line; [`for_the_learner`] says which the learner sees.
pub fn feedback(cat: &Catalog, lang: Lang, sc: &Scenario, f: &Feedback) -> (Tone, String) {
    let l = lang.code();
    let ix = &sc.index;
    let ta = |id: &str, args: &[(&str, Arg)]| cat.ta(lang, id, args);
    match &f.kind {
        FeedbackKind::StepDone { step, in_order, .. } => {
            let id = if *in_order {
                "fb-step-done"
            } else {
                "fb-step-done-late"
            };
            (
                Tone::Good,
                ta(id, &[("step", step_title(sc, lang, *step).into())]),
            )
        }
        FeedbackKind::StepProgress { step, count, of } => (
            Tone::Info,
            ta(
                "fb-step-progress",
                &[
                    ("step", step_title(sc, lang, *step).into()),
                    ("count", (*count).into()),
                    ("of", (*of).into()),
                ],
            ),
        ),
        FeedbackKind::Working { step } => (
            Tone::Info,
            ta(
                "fb-working",
                &[("step", step_title(sc, lang, *step).into())],
            ),
        ),
        FeedbackKind::OutOfOrder {
            step,
            missing,
            scored,
        } => {
            let names: Vec<String> = missing
                .iter()
                .map(|&n| sc.node_title(n).get(l).to_string())
                .collect();
            let id = if *scored {
                "fb-out-of-order"
            } else {
                "fb-out-of-order-guidance"
            };
            (
                if *scored { Tone::Bad } else { Tone::Info },
                ta(
                    id,
                    &[
                        ("step", step_title(sc, lang, *step).into()),
                        ("missing", names.join(", ").into()),
                    ],
                ),
            )
        }
        FeedbackKind::GroupDone { node } => (
            Tone::Good,
            ta(
                "fb-group-done",
                &[("group", sc.node_title(*node).get(l).into())],
            ),
        ),
        FeedbackKind::RoundDone { node, round } => (
            Tone::Good,
            ta(
                "fb-round-done",
                &[
                    ("group", sc.node_title(*node).get(l).into()),
                    ("round", (*round).into()),
                ],
            ),
        ),
        FeedbackKind::Criterion {
            step,
            criterion,
            result,
            critical,
        } => {
            let text = match step {
                Some(s) => sc
                    .step_model(sc.step_id(*s))
                    .map(|m| m.criteria[*criterion as usize].text.get(l).to_string())
                    .unwrap_or_default(),
                None => sc.model.scoring.criteria[*criterion as usize]
                    .text
                    .get(l)
                    .to_string(),
            };
            let info = match step {
                Some(s) => ix.steps[*s as usize].criteria.get(*criterion as usize),
                None => ix.criteria.get(*criterion as usize),
            };
            let found = criterion_found(cat, lang, sc, info.map(|c| &c.check), result);
            let value = if found.is_empty() {
                found
            } else {
                format!("({found})")
            };
            let (tone, id) = match result {
                CriterionResult::Passed { .. } => (Tone::Good, "fb-criterion-met"),
                CriterionResult::Failed { .. } if *critical => {
                    (Tone::Critical, "fb-criterion-critical")
                }
                CriterionResult::Failed { .. } => (Tone::Bad, "fb-criterion-failed"),
                CriterionResult::NotAssessed => (Tone::Info, "fb-criterion-not-assessed"),
            };
            (
                tone,
                ta(id, &[("criterion", text.into()), ("value", value.into())]),
            )
        }
        FeedbackKind::Answer {
            decision,
            correct,
            critical,
        } => {
            let d = &sc.model.decisions[*decision as usize];
            let (tone, id) = match (correct, critical) {
                (true, _) => (Tone::Good, "fb-answer-right"),
                (false, true) => (Tone::Critical, "fb-answer-wrong-critical"),
                (false, false) => (Tone::Bad, "fb-answer-wrong"),
            };
            let why = d
                .explanation
                .as_ref()
                .filter(|_| !correct)
                .map(|e| e.get(l).to_string())
                .unwrap_or_default();
            (
                tone,
                ta(
                    id,
                    &[("question", d.prompt.get(l).into()), ("why", why.into())],
                ),
            )
        }
        FeedbackKind::Error {
            error, severity, ..
        } => {
            let e = &sc.model.errors[*error as usize];
            let (tone, id) = match severity {
                Severity::Critical => (Tone::Critical, "fb-error-critical"),
                Severity::Major => (Tone::Bad, "fb-error-major"),
                Severity::Minor => (Tone::Bad, "fb-error-minor"),
                Severity::Guidance => (Tone::Info, "fb-error-guidance"),
            };
            (tone, ta(id, &[("text", e.feedback.get(l).into())]))
        }
        FeedbackKind::Hint { step } => match step {
            Some(s) => {
                let model = sc.step_model(sc.step_id(*s));
                let hint = model
                    .and_then(|m| m.hint.as_ref().or(m.instruction.as_ref()))
                    .map(|t| t.get(l).to_string())
                    .unwrap_or_default();
                (
                    Tone::Info,
                    ta(
                        "fb-hint",
                        &[
                            ("step", step_title(sc, lang, *s).into()),
                            ("hint", hint.into()),
                        ],
                    ),
                )
            }
            None => (Tone::Info, cat.t(lang, "fb-hint-none")),
        },
        FeedbackKind::Event { event, values } => (
            Tone::Info,
            match &sc.model.events[*event as usize].message {
                Some(m) => fill(
                    lang,
                    sc,
                    m.get(l),
                    &ix.events[*event as usize].slots,
                    values,
                ),
                None => ta(
                    "fb-event",
                    &[("event", ix.events[*event as usize].id.as_str().into())],
                ),
            },
        ),
        FeedbackKind::Instructor { event, by } => {
            let e = &sc.model.events[*event as usize];
            let label = e.label.as_ref().map_or(e.id.as_str(), |t| t.get(l));
            (
                Tone::Info,
                match by {
                    Some(by) => ta(
                        "fb-instructor-by",
                        &[("event", label.into()), ("by", by.as_str().into())],
                    ),
                    None => ta("fb-instructor", &[("event", label.into())]),
                },
            )
        }
        FeedbackKind::Replaced { object, left } => (
            Tone::Info,
            ta(
                "fb-replaced",
                &[
                    ("object", ix.entities[*object as usize].name.get(l).into()),
                    ("left", (*left).into()),
                ],
            ),
        ),
        FeedbackKind::OutOfStock { object } => (
            Tone::Bad,
            ta(
                "fb-out-of-stock",
                &[("object", ix.entities[*object as usize].name.get(l).into())],
            ),
        ),
        FeedbackKind::Say { message, values } => (
            Tone::Info,
            fill(
                lang,
                sc,
                ix.messages[*message as usize].get(l),
                &ix.message_slots[*message as usize],
                values,
            ),
        ),
        FeedbackKind::Reading { object, value } => {
            let e = &ix.entities[*object as usize];
            let (unit, shown) = match e.display.as_ref() {
                Some(d) => (
                    ix.quantities[d.quantity as usize].unit.symbol,
                    lang.reading(*value, d.resolution),
                ),
                None => ("", lang.num(*value)),
            };
            (
                Tone::Info,
                ta(
                    "fb-reading",
                    &[
                        ("object", e.name.get(l).into()),
                        ("value", format!("{shown} {unit}").into()),
                    ],
                ),
            )
        }
        FeedbackKind::Unmatched => (Tone::Info, cat.t(lang, "fb-unmatched")),
        FeedbackKind::Unknown { name } => (
            Tone::Bad,
            ta("fb-unknown", &[("name", name.as_str().into())]),
        ),
        FeedbackKind::Rejected { reason } => (
            Tone::Info,
            cat.t(
                lang,
                match reason {
                    Rejection::TimeWentBackwards => "fb-rejected-time",
                    Rejection::AfterFinish => "fb-rejected-finished",
                    Rejection::HintInAssessment => "fb-rejected-hint",
                    Rejection::NumberTooLarge => "fb-rejected-number",
                    Rejection::InstructorEventNotNow => "fb-rejected-instructor",
                },
            ),
        ),
        FeedbackKind::Finished { passed } => {
            if *passed {
                (Tone::Good, cat.t(lang, "fb-finished-passed"))
            } else {
                (Tone::Critical, cat.t(lang, "fb-finished-failed"))
            }
        }
    }
}

/// Whether the learner sees a piece of feedback: not an action that changed nothing, a name
/// the scenario does not know, or an event without a message (its effects may say something).
pub fn for_the_learner(sc: &Scenario, f: &Feedback) -> bool {
    match &f.kind {
        // Working on a measured step is shown by the instrument's reading itself.
        // The instructor's own line is for the trace: the learner perceives the event through
        // its message and effects.
        FeedbackKind::Unmatched
        | FeedbackKind::Unknown { .. }
        | FeedbackKind::Working { .. }
        | FeedbackKind::Instructor { .. } => false,
        FeedbackKind::Event { event, .. } => sc.model.events[*event as usize].message.is_some(),
        _ => true,
    }
}

/// A step's status in a debrief: its tone and its message id.
pub fn step_status(s: StepStatus) -> (Tone, &'static str) {
    match s {
        StepStatus::Done => (Tone::Good, "status-done"),
        StepStatus::DoneOutOfOrder => (Tone::Bad, "status-out-of-order"),
        StepStatus::Partial => (Tone::Bad, "status-partial"),
        StepStatus::Missed => (Tone::Critical, "status-missed"),
        StepStatus::Skipped => (Tone::Info, "status-skipped"),
        StepStatus::NotApplicable => (Tone::Info, "status-not-applicable"),
        StepStatus::Guidance => (Tone::Info, "status-guidance"),
    }
}
