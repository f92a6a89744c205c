//! Checking a log against a scenario: every name it uses, and numbers the tracker would refuse.

use super::{EventLog, NameKind, NameRef};
use crate::action::{ActionKind, EnteredValue};
use crate::scenario::Scenario;
use crate::scenario::compiled::CTrigger;
use crate::scenario::diagnostic::{Diagnostic, Report};
use crate::scenario::suggest::closest;
use crate::scenario::units;

/// Checks every name of a log against a scenario, with "did you mean" help.
pub fn check(log: &EventLog, scenario: &Scenario, file: &str, text: &str) -> Result<(), Report> {
    let ix = &scenario.index;
    let mut diags = Vec::new();
    let mut report = |kind: &str, r: &NameRef, candidates: Vec<&str>| {
        let mut d = Diagnostic::error(
            "praxis::events::unknown_name",
            format!("{kind} `{}` is not in scenario `{}`", r.name, scenario.id()),
            r.span.clone(),
            format!("no such {kind}"),
        );
        if kind == "unit" {
            d = d.with_help(units::unknown_unit_help(&r.name));
        } else if let Some(s) = closest(&r.name, candidates.iter().copied()) {
            d = d.with_help(format!("did you mean `{s}`?"));
        }
        diags.push(d);
    };
    for names in &log.names {
        let mut decision: Option<u32> = None;
        for r in names {
            match r.kind {
                NameKind::Entity if !ix.entity_ids.contains_key(&r.name) => {
                    report(
                        "object",
                        r,
                        ix.entities.iter().map(|e| e.id.as_str()).collect(),
                    );
                }
                NameKind::Gesture if !ix.gesture_ids.contains_key(&r.name) => {
                    report(
                        "gesture",
                        r,
                        ix.gestures.iter().map(|g| g.id.as_str()).collect(),
                    );
                }
                NameKind::Field if !ix.field_ids.contains_key(&r.name) => {
                    report(
                        "field",
                        r,
                        ix.fields.iter().map(|f| f.id.as_str()).collect(),
                    );
                }
                NameKind::Decision => {
                    decision = ix.decision_ids.get(&r.name).copied();
                    if decision.is_none() {
                        report(
                            "decision",
                            r,
                            ix.decisions.iter().map(|d| d.id.as_str()).collect(),
                        );
                    }
                }
                NameKind::Choice => {
                    if let Some(d) = decision {
                        let choices = &ix.decisions[d as usize].choices;
                        if !choices.iter().any(|c| c.id == r.name) {
                            report("choice", r, choices.iter().map(|c| c.id.as_str()).collect());
                        }
                    }
                }
                NameKind::Event
                    if !ix
                        .events
                        .iter()
                        .any(|e| e.id == r.name && matches!(e.trigger, CTrigger::Instructor)) =>
                {
                    report(
                        "instructor event",
                        r,
                        ix.events
                            .iter()
                            .filter(|e| matches!(e.trigger, CTrigger::Instructor))
                            .map(|e| e.id.as_str())
                            .collect(),
                    );
                }
                NameKind::Unit if units::unit(&r.name).is_none() => {
                    report("unit", r, units::unit_symbols().collect());
                }
                _ => {}
            }
        }
    }
    for r in &log.fault_names {
        if !ix.faults.iter().any(|f| f.id == r.name) {
            report(
                "fault",
                r,
                ix.faults.iter().map(|f| f.id.as_str()).collect(),
            );
        }
    }
    // Several answers to a decision that takes one.
    for (action, names) in log.actions.iter().zip(&log.names) {
        let ActionKind::Choose { decision, choices } = &action.kind else {
            continue;
        };
        let Some(&d) = ix.decision_ids.get(decision.as_str()) else {
            continue;
        };
        if choices.len() > 1 && !ix.decisions[d as usize].multiple {
            let span = names
                .iter()
                .find(|r| r.kind == NameKind::Choice)
                .map_or(0..0, |r| r.span.clone());
            diags.push(
                Diagnostic::error(
                    "praxis::events::one_answer",
                    format!(
                        "decision `{decision}` takes one answer, and this line gives {}",
                        choices.len()
                    ),
                    span,
                    "several answers",
                )
                .with_help(
                    "choose one of them; only a decision with `multiple: true` takes several",
                ),
            );
        }
    }
    // A number the tracker would refuse: not finite once in the field's base unit.
    for (action, names) in log.actions.iter().zip(&log.names) {
        let ActionKind::Enter {
            field,
            value: EnteredValue::Number { value, unit },
        } = &action.kind
        else {
            continue;
        };
        let Some(&f) = ix.field_ids.get(field.as_str()) else {
            continue;
        };
        let info = &ix.fields[f as usize];
        let unit = unit.as_deref().and_then(units::unit).or(info.unit);
        let span = names
            .iter()
            .find(|r| r.kind == NameKind::Field)
            .map_or(0..0, |r| r.span.clone());
        if let (Some(u), Some(fu)) = (unit, info.unit)
            && !units::compatible(u, fu)
            && units::convert_base(1.0, u, fu, info.molar_mass).is_none()
        {
            let same_kind: Vec<&str> = units::UNITS
                .iter()
                .filter(|x| x.dimension == fu.dimension && !x.symbol.is_empty())
                .map(|x| x.symbol)
                .collect();
            let help = if units::needs_molar_mass(u, fu) {
                format!(
                    "`{}` converts to `{}` only with the substance's molar mass: the scenario declares `molar_mass` on the field; or enter it in {}",
                    u.symbol,
                    fu.symbol,
                    same_kind.join(", ")
                )
            } else {
                format!("enter it in {}", same_kind.join(", "))
            };
            diags.push(
                Diagnostic::error(
                    "praxis::events::unit_mismatch",
                    format!(
                        "`{}` is {}, but field `{field}` is {} in `{}`",
                        u.symbol,
                        u.dimension.name(),
                        fu.dimension.name(),
                        fu.symbol
                    ),
                    span,
                    "entered here",
                )
                .with_help(help),
            );
            continue;
        }
        let Some(u) = unit.filter(|u| !(value * u.factor).is_finite()) else {
            continue;
        };
        diags.push(
            Diagnostic::error(
                "praxis::events::number_too_large",
                format!(
                    "`{} {}` is too large for field `{field}`: converted to its base unit it is not a finite number",
                    units::exact(*value),
                    u.symbol
                ),
                span,
                "entered here",
            )
            .with_help("enter the value a learner would, in a unit of the field's kind"),
        );
    }
    if let Some(id) = &log.scenario
        && id != scenario.id()
    {
        diags.push(Diagnostic::error(
            "praxis::events::wrong_scenario",
            format!("this log is written for `{id}`, not `{}`", scenario.id()),
            0..0,
            "@scenario",
        ));
    }
    if diags.is_empty() {
        Ok(())
    } else {
        Err(Report {
            file: file.to_string(),
            text: text.into(),
            diagnostics: diags,
        })
    }
}
