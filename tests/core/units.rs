//! Units as clinicians and operators write them: conversions only where they are defined.

use crate::support;
use praxis::eventlog;
use praxis::scenario::Scenario;
use praxis::scenario::units::{self, convert_base, unit};
use praxis::tracker::{FeedbackKind, Tracker};
use std::sync::Arc;

/// A scenario with one glucose field in mmol/L (with `field_extra`) and a step done when a
/// value in 3.9..10 mmol/L is recorded.
fn glucose(field_extra: &str) -> Result<Arc<Scenario>, String> {
    support::small(
        "g",
        "",
        &format!(
            r#"fields: [(id: "glucose", label: {{"en": "Glucose", "fr": "Glycémie"}}, unit: "mmol/L"{field_extra})],
procedure: [Step(
    id: "record", title: {{"en": "Record", "fr": "Noter"}}, done_when: Enter("glucose"),
    criteria: [(id: "in-range", text: {{"en": "3.9 to 10", "fr": "3,9 à 10"}}, check: Value(Field("glucose"), "3.9..10 mmol/L"))],
)],
scoring: (pass_mark: 0.5, out_of_order_penalty: 0.5),"#
        ),
    )
}

fn recorded(s: &Arc<Scenario>, line: &str) -> (Option<f64>, Vec<FeedbackKind>) {
    let log = eventlog::parse("g.events", line).unwrap_or_else(|r| panic!("{}", r.render_short()));
    let mut t = Tracker::new(s.clone(), log.config.clone());
    let mut out = Vec::new();
    for a in &log.actions {
        t.apply(a, &mut out);
    }
    let o = t.finish(praxis::action::SimTime(9000), &mut out);
    let points = o.steps[0].criteria.first().map(|c| c.points);
    (points, out.into_iter().map(|f| f.kind).collect())
}

#[test]
fn a_molar_mass_converts_mg_per_dl_and_mmol_per_l_and_nothing_else_does() {
    let mmol = unit("mmol/L").unwrap();
    let mgdl = unit("mg/dL").unwrap();
    // 5.5 mmol/L of glucose (180.16 g/mol) is 99.1 mg/dL.
    let base = convert_base(5.5 * mmol.factor, mmol, mgdl, Some(180.16)).unwrap();
    assert!(
        (base / mgdl.factor - 99.088).abs() < 1e-3,
        "{}",
        base / mgdl.factor
    );
    let back = convert_base(99.088 * mgdl.factor, mgdl, mmol, Some(180.16)).unwrap();
    assert!((back - 5.5).abs() < 1e-4);
    assert_eq!(convert_base(1.0, mgdl, mmol, None), None);
    // IU never converts; mEq/L needs a charge, so it never becomes mmol/L either.
    assert_eq!(
        convert_base(1.0, unit("IU").unwrap(), unit("mg").unwrap(), Some(1.0)),
        None
    );
    assert_eq!(
        convert_base(1.0, unit("mEq/L").unwrap(), mmol, Some(1.0)),
        None
    );
    // French write UI for IU; clinicians write mmHg and cmH2O.
    assert!(units::compatible(unit("UI").unwrap(), unit("IU").unwrap()));
    let cmh2o = unit("cmH2O").unwrap().factor;
    assert!((unit("mmHg").unwrap().factor / cmh2o - 1.3595).abs() < 1e-3);
}

#[test]
fn a_value_typed_in_mg_per_dl_fits_a_field_in_mmol_per_l_when_the_field_declares_its_molar_mass() {
    let s = glucose(r#", molar_mass: "180.16 g/mol""#).unwrap();
    // 99 mg/dL is 5.5 mmol/L: in range.
    let (points, _) = recorded(&s, "0 enter glucose 99 mg/dL\n");
    assert!(points.is_some_and(|p| p > 0.0), "{points:?}");
    // 54 mg/dL is 3.0 mmol/L: hypoglycaemia, out of range.
    let (points, _) = recorded(&s, "0 enter glucose 54 mg/dL\n");
    assert_eq!(points, Some(0.0));
    // Without a molar mass, mg/dL does not fit the field: nothing is recorded.
    let s = glucose("").unwrap();
    let (_, out) = recorded(&s, "0 enter glucose 99 mg/dL\n");
    assert!(
        out.iter()
            .any(|k| matches!(k, FeedbackKind::Unknown { name } if name == "unit mg/dL")),
        "{out:?}"
    );
}

#[test]
fn an_event_log_says_when_a_unit_does_not_fit_its_field_and_how_to_make_it_fit() {
    let s = glucose("").unwrap();
    let log = eventlog::parse("g.events", "0 enter glucose 99 mg/dL\n").unwrap();
    let err = eventlog::check(&log, &s, "g.events", "0 enter glucose 99 mg/dL\n")
        .unwrap_err()
        .render_short();
    assert!(err.contains("praxis::events::unit_mismatch"), "{err}");
    assert!(err.contains("molar_mass"), "{err}");
    let log = eventlog::parse("g.events", "0 enter glucose 5.5 mmol/l\n").unwrap();
    let err = eventlog::check(&log, &s, "g.events", "0 enter glucose 5.5 mmol/l\n")
        .unwrap_err()
        .render_short();
    assert!(
        err.contains("did you mean `mmol/L`?") && err.contains("Known units:"),
        "{err}"
    );
}

#[test]
fn a_molar_mass_that_is_not_one_is_refused_where_it_is_written() {
    for (extra, what) in [
        (r#", molar_mass: "180 g""#, "not a positive amount in g/mol"),
        (
            r#", molar_mass: "0 g/mol""#,
            "not a positive amount in g/mol",
        ),
    ] {
        let err = glucose(extra).unwrap_err();
        assert!(
            err.contains("bad_molar_mass") && err.contains(what),
            "{err}"
        );
    }
}

#[test]
fn an_event_log_gives_a_single_answer_decision_one_answer() {
    let s = support::small(
        "d",
        "",
        r#"decisions: [(id: "q", prompt: {"en": "Q", "fr": "Q"}, choices: [(id: "a", text: {"en": "A", "fr": "A"}, correct: true), (id: "b", text: {"en": "B", "fr": "B"})])],
procedure: [Step(id: "answer", title: {"en": "Answer", "fr": "Répondre"}, done_when: Choose("q"))],
scoring: (pass_mark: 0.5, out_of_order_penalty: 0.5),"#,
    )
    .unwrap();
    let text = "0 choose q a,b\n";
    let log = eventlog::parse("d.events", text).unwrap();
    let err = eventlog::check(&log, &s, "d.events", text)
        .unwrap_err()
        .render_short();
    assert!(err.contains("praxis::events::one_answer"), "{err}");
}
