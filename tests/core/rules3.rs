//! Judging rules 3 (2026-12-authoring.md findings 6 and 9): a failed branch is blamed on the
//! alternative the learner missed, not the whole choice; the branch a fault selects is the one
//! judged when none was taken; a failed "recorded as displayed" keeps what was displayed; records
//! judged under rules 2 keep their meaning.

use crate::support;
use praxis::eventlog;
use praxis::scenario::Scenario;
use praxis::scoring::{CriterionResult, SessionOutcome, StepStatus};
use praxis::tracker::Tracker;
use std::sync::Arc;

/// After `check`, a question answered; then one of two branches: tell (no fault) or treat (with
/// the `low` fault), each with a critical step.
fn branches() -> Arc<Scenario> {
    support::small(
        "r",
        support::METER,
        r#"state: (quantities: [(id: "glucose", unit: "mg/dL", initial: 111.0)]),
gestures: [(id: "check", name: {"en": "check", "fr": "vérifier"}), (id: "tell", name: {"en": "tell", "fr": "dire"}), (id: "sugar", name: {"en": "sugar", "fr": "sucre"}), (id: "recheck", name: {"en": "recheck", "fr": "recontrôler"})],
fields: [(id: "entry", label: {"en": "Glucose", "fr": "Glycémie"}, unit: "mg/dL")],
procedure: [
    Step(id: "check", title: {"en": "Check", "fr": "Vérifier"}, done_when: Gesture("check")),
    Step(id: "record", title: {"en": "Record", "fr": "Noter"}, done_when: Enter("entry"),
        criteria: [(id: "as-displayed", text: {"en": "As displayed", "fr": "Tel qu'affiché"}, check: Agrees(Field("entry"), Reading("meter"), "0.5 mg/dL"), critical: true)]),
    OneOf(id: "act", title: {"en": "Act", "fr": "Agir"}, steps: [
        Step(id: "tell", title: {"en": "Tell", "fr": "Dire"}, done_when: Gesture("tell"), when: Not(Fault("low")), critical: true),
        Sequence(id: "treat", title: {"en": "Treat", "fr": "Traiter"}, steps: [
            Step(id: "give-sugar", title: {"en": "Give sugar", "fr": "Resucrer"}, done_when: Gesture("sugar"), when: Fault("low"), critical: true),
            Step(id: "recheck", title: {"en": "Recheck", "fr": "Recontrôler"}, done_when: Gesture("recheck"), when: Fault("low"), points: 3.0),
        ]),
    ]),
],
faults: [(id: "low", label: {"en": "Low", "fr": "Basse"}, chance: 0.0)],
scoring: (pass_mark: 0.5, out_of_order_penalty: 0.5),"#,
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

fn outcome(s: &Arc<Scenario>, rules: u32, events: &str) -> SessionOutcome {
    let log =
        eventlog::parse("r.events", events).unwrap_or_else(|r| panic!("{}", r.render_short()));
    let mut config = log.config.clone();
    config.rules = rules;
    let mut t = Tracker::new(s.clone(), config);
    let mut out = Vec::new();
    for a in &log.actions {
        t.apply(a, &mut out);
    }
    t.finish(praxis::action::SimTime(60_000), &mut out)
}

fn status(o: &SessionOutcome, id: &str) -> StepStatus {
    o.steps.iter().find(|s| s.id == id).unwrap().status
}

#[test]
fn a_branch_the_fault_selects_and_the_learner_never_started_is_blamed_on_that_branch() {
    let s = branches();
    let log = "@fault low on\n0 gesture check for 1s\n2 read meter\n3 enter entry 111 mg/dL\n";
    // Rules 3: the fault selects "treat", the alternative named (not the choice "act"), and an
    // expectation of its critical step is met.
    let o = outcome(&s, 3, log);
    let named: Vec<&str> = o.critical.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(named, ["treat"], "{o:?}");
    let expect =
        eventlog::parse("r.events", &format!("@expect critical give-sugar\n{log}")).unwrap();
    assert!(eventlog::unmet_expectations(&expect, &s, &o).is_empty());
    assert_eq!(status(&o, "give-sugar"), StepStatus::Missed);
    assert_eq!(status(&o, "tell"), StepStatus::NotApplicable);
    // Rules 2 judged the alternative worth the most points ("treat" too here) and named the
    // outermost group never started.
    let o2 = outcome(&s, 2, log);
    let named: Vec<&str> = o2.critical.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(named, ["act"], "{o2:?}");
    // Without the fault, rules 3 judge "tell", which the points alone would not have chosen.
    let o = outcome(
        &s,
        3,
        "0 gesture check for 1s\n2 read meter\n3 enter entry 111 mg/dL\n",
    );
    assert_eq!(status(&o, "tell"), StepStatus::Missed);
    assert_eq!(status(&o, "give-sugar"), StepStatus::NotApplicable);
    let named: Vec<&str> = o.critical.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(named, ["tell"]);
    let o2 = outcome(
        &s,
        2,
        "0 gesture check for 1s\n2 read meter\n3 enter entry 111 mg/dL\n",
    );
    assert_eq!(status(&o2, "tell"), StepStatus::NotApplicable);
}

#[test]
fn a_comparison_keeps_what_the_instrument_displayed_under_rules_3_only() {
    let s = branches();
    let log =
        "0 gesture check for 1s\n2 read meter\n3 enter entry 117 mg/dL\n4 gesture tell for 1s\n";
    let found = |rules| {
        let o = outcome(&s, rules, log);
        o.steps.iter().find(|r| r.id == "record").unwrap().criteria[0].result
    };
    let near = |x: Option<f64>, y: f64| x.is_some_and(|x| (x - y).abs() < 1e-9);
    match found(3) {
        Some(CriterionResult::Failed { value, against }) => {
            assert!(
                near(value, 117.0) && near(against, 111.0),
                "{value:?} {against:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    match found(2) {
        Some(CriterionResult::Failed { value, against }) => {
            assert!(
                near(value, 117.0) && against.is_none(),
                "{value:?} {against:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    let o = outcome(&s, 3, log);
    let debrief = praxis::trace::summary(&s, &o, praxis::text::Lang::En);
    assert!(
        debrief.contains("As displayed (117 mg/dL; displayed: 111 mg/dL)"),
        "{debrief}"
    );
}

#[test]
fn compression_quality_is_reported_per_cycle_as_a_feedback_manikin_shows_it() {
    let s = support::small(
        "c",
        r#"(id: "manikin", name: {"en": "manikin", "fr": "mannequin"}, model: Cuboid(size: (0.4, 0.2, 1.6)), pose: (position: (0.0, 0.1, 0.0)), affords: [Compress]),"#,
        r#"metrics: [
    (id: "at-depth", label: {"en": "5–6 cm", "fr": "5–6 cm"}, kind: CompressionsAtDepth("50..60 mm")),
    (id: "rate", label: {"en": "Rate", "fr": "Fréquence"}, kind: CompressionRate),
    (id: "hands-off", label: {"en": "Hands off", "fr": "Mains levées"}, kind: HandsOffTime),
],
procedure: [Step(id: "push", title: {"en": "Push", "fr": "Comprimer"}, done_when: Compress, repeat: 5)],
scoring: (pass_mark: 0.5, out_of_order_penalty: 0.5),"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // Three compressions 52 mm deep at 0.5 s, a 5 s pause, two 40 mm deep at 0.6 s.
    let log =
        "0 compress manikin depth 52 x3 every 0.5s\n6 compress manikin depth 40 x2 every 0.6s\n";
    let o = outcome(&s, 3, log);
    let m = |id: &str| o.metrics.iter().find(|m| m.id == id).unwrap().clone();
    assert_eq!(m("at-depth").cycles, [Some(100.0), Some(0.0)]);
    assert_eq!(m("rate").cycles, [Some(120.0), Some(100.0)]);
    assert!(
        m("hands-off").cycles.is_empty(),
        "not a measure of each compression"
    );
    let debrief = praxis::trace::summary(&s, &o, praxis::text::Lang::Fr);
    assert!(
        debrief.contains("░░░░ 60 %") && debrief.contains("par cycle de compressions : 100 · 0 %"),
        "{debrief}"
    );
    // Rules 2 records keep their metrics as they were.
    assert!(
        outcome(&s, 2, log)
            .metrics
            .iter()
            .all(|m| m.cycles.is_empty())
    );
}

#[test]
fn a_step_done_late_costs_one_order_penalty_however_many_steps_went_before_it() {
    let s = branches();
    // `check` done last: `record` and `tell` were done before it.
    let log =
        "0 read meter\n1 enter entry 111 mg/dL\n2 gesture tell for 1s\n3 gesture check for 1s\n";
    assert_eq!(outcome(&s, 3, log).score.penalties, 0.5);
    assert_eq!(outcome(&s, 2, log).score.penalties, 1.0);
}

#[test]
fn a_section_never_started_is_one_line_even_with_a_choice_inside() {
    let s = support::small(
        "n",
        "",
        r#"gestures: [(id: "a", name: {"en": "a", "fr": "a"}), (id: "x", name: {"en": "x", "fr": "x"}), (id: "y", name: {"en": "y", "fr": "y"}), (id: "z", name: {"en": "z", "fr": "z"})],
procedure: [
    Step(id: "first", title: {"en": "First", "fr": "Premier"}, done_when: Gesture("a")),
    Sequence(id: "section", title: {"en": "Section", "fr": "Section"}, steps: [
        Step(id: "x", title: {"en": "X", "fr": "X"}, done_when: Gesture("x"), critical: true),
        OneOf(id: "choice", title: {"en": "Choice", "fr": "Choix"}, steps: [
            Sequence(id: "b", title: {"en": "B", "fr": "B"}, steps: [Step(id: "y", title: {"en": "Y", "fr": "Y"}, done_when: Gesture("y"), critical: true)]),
            Step(id: "z", title: {"en": "Z", "fr": "Z"}, done_when: Gesture("z")),
        ]),
    ]),
],
scoring: (pass_mark: 0.5, out_of_order_penalty: 0.5),"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let named = |rules| {
        let o = outcome(&s, rules, "0 gesture a for 1s\n");
        o.critical.iter().map(|c| c.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(named(3), ["section"]);
    assert_eq!(named(2), ["section"]);
}
