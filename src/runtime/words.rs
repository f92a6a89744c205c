//! What the tracker says, in the learner's language, from the message catalogue. Marks are
//! shapes and words as well as colours: `✔` done, `➜` out of order, `✖` error, `‼` critical.

use super::i18n::I18n;
use crate::scenario::Scenario;
use crate::scenario::model::Severity;
use crate::scenario::units::num;
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
/// display's resolution, any other value by [`shown`].
pub fn criterion_value(
    ix: &crate::scenario::compiled::Index,
    check: Option<&crate::scenario::compiled::CCheck>,
    v: f64,
) -> String {
    use crate::scenario::compiled::{CCheck, CValue};
    let Some(CCheck::Value(value, _) | CCheck::Agrees(value, _, _)) = check else {
        return shown(v);
    };
    let number = match value {
        CValue::Reading(e) => match ix.entities[*e as usize].display.as_ref() {
            Some(d) => crate::scenario::units::reading(v, d.resolution),
            None => shown(v),
        },
        _ => shown(v),
    };
    match ix.value_unit(value) {
        "" => number,
        unit => format!("{number} {unit}"),
    }
}

/// A measured value as the learner reads it (see [`crate::scenario::units::short`]).
pub use crate::scenario::units::short as shown;

/// A step's title in the current language.
pub fn step_title(sc: &Scenario, i18n: &I18n, s: u32) -> String {
    sc.node_title(sc.step_node(s))
        .get(i18n.lang.code())
        .to_string()
}

/// The line for one piece of feedback, or none for what the learner need not see.
pub fn feedback(sc: &Scenario, i18n: &I18n, f: &Feedback) -> Option<(Tone, String)> {
    let l = i18n.lang.code();
    let ix = &sc.index;
    Some(match &f.kind {
        FeedbackKind::StepDone { step, in_order, .. } => {
            let id = if *in_order {
                "fb-step-done"
            } else {
                "fb-step-done-late"
            };
            (
                Tone::Good,
                i18n.ta(id, &[("step", step_title(sc, i18n, *step).into())]),
            )
        }
        FeedbackKind::StepProgress { step, count, of } => (
            Tone::Info,
            i18n.ta(
                "fb-step-progress",
                &[
                    ("step", step_title(sc, i18n, *step).into()),
                    ("count", (*count).into()),
                    ("of", (*of).into()),
                ],
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
                i18n.ta(
                    id,
                    &[
                        ("step", step_title(sc, i18n, *step).into()),
                        ("missing", names.join(", ").into()),
                    ],
                ),
            )
        }
        FeedbackKind::GroupDone { node } => (
            Tone::Good,
            i18n.ta(
                "fb-group-done",
                &[("group", sc.node_title(*node).get(l).into())],
            ),
        ),
        FeedbackKind::RoundDone { node, round } => (
            Tone::Good,
            i18n.ta(
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
            let value = match result {
                CriterionResult::Passed { value: Some(v) }
                | CriterionResult::Failed { value: Some(v) } => {
                    format!("({})", criterion_value(ix, info.map(|c| &c.check), *v))
                }
                _ => String::new(),
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
                i18n.ta(id, &[("criterion", text.into()), ("value", value.into())]),
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
                i18n.ta(
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
            (tone, i18n.ta(id, &[("text", e.feedback.get(l).into())]))
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
                    i18n.ta(
                        "fb-hint",
                        &[
                            ("step", step_title(sc, i18n, *s).into()),
                            ("hint", hint.into()),
                        ],
                    ),
                )
            }
            None => (Tone::Info, i18n.t("fb-hint-none")),
        },
        // An event without a message says nothing (its effects may `Say` something).
        FeedbackKind::Event { event } => (
            Tone::Info,
            sc.model.events[*event as usize]
                .message
                .as_ref()?
                .get(l)
                .to_string(),
        ),
        FeedbackKind::Say { message } => (
            Tone::Info,
            ix.messages[*message as usize].get(l).to_string(),
        ),
        FeedbackKind::Reading { object, value } => {
            let e = &ix.entities[*object as usize];
            let (unit, shown) = match e.display.as_ref() {
                Some(d) => (
                    ix.quantities[d.quantity as usize].unit.symbol,
                    crate::scenario::units::reading(*value, d.resolution),
                ),
                None => ("", num(*value)),
            };
            (
                Tone::Info,
                i18n.ta(
                    "fb-reading",
                    &[
                        ("object", e.name.get(l).into()),
                        ("value", format!("{shown} {unit}").into()),
                    ],
                ),
            )
        }
        FeedbackKind::Unmatched | FeedbackKind::Unknown { .. } => return None,
        FeedbackKind::Rejected { reason } => (
            Tone::Info,
            i18n.t(match reason {
                Rejection::TimeWentBackwards => "fb-rejected-time",
                Rejection::AfterFinish => "fb-rejected-finished",
                Rejection::HintInAssessment => "fb-rejected-hint",
                Rejection::NumberTooLarge => "fb-rejected-number",
            }),
        ),
        FeedbackKind::Finished { passed } => {
            if *passed {
                (Tone::Good, i18n.t("fb-finished-passed"))
            } else {
                (Tone::Critical, i18n.t("fb-finished-failed"))
            }
        }
    })
}
