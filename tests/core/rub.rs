//! A headset's rub (`rub for <duration>`): the tracker, not the runtime, decides which gesture it
//! is — the rubbing gesture (`rub: true`) an open step asks for, else the scenario's first rubbing
//! gesture out of place; never a gesture not made by rubbing; nothing in a scenario without one.

use crate::support;
use praxis::action::ActionKind;
use praxis::eventlog;
use praxis::scenario::Scenario;
use praxis::scoring::{SessionOutcome, StepStatus};
use praxis::tracker::{FeedbackKind, Tracker};
use std::sync::Arc;

/// Look around (not a rub), then two rubbing movements in order.
fn rubbing(gestures: &str) -> Arc<Scenario> {
    rubbing_with(gestures, "")
}

/// The same, with more declarations (metrics).
fn rubbing_with(gestures: &str, more: &str) -> Arc<Scenario> {
    support::small(
        "rub",
        "",
        &format!(
            r#"gestures: [{gestures}],
procedure: [
    Step(id: "look", title: {{"en": "Look", "fr": "Regarder"}}, done_when: Gesture("look")),
    Step(id: "palms", title: {{"en": "Palms", "fr": "Paumes"}}, done_when: Gesture("palms")),
    Step(id: "backs", title: {{"en": "Backs", "fr": "Dos"}}, done_when: Gesture("backs")),
],
scoring: (pass_mark: 0.5, out_of_order_penalty: 0.5),
{more}"#
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

const GESTURES: &str = r#"(id: "look", name: {"en": "look", "fr": "regarder"}), (id: "palms", name: {"en": "palms", "fr": "paumes"}, rub: true), (id: "backs", name: {"en": "backs", "fr": "dos"}, rub: true)"#;

fn run(s: &Arc<Scenario>, events: &str) -> (SessionOutcome, Vec<FeedbackKind>) {
    let log =
        eventlog::parse("rub.events", events).unwrap_or_else(|r| panic!("{}", r.render_short()));
    let mut t = Tracker::new(s.clone(), log.config.clone());
    let mut out = Vec::new();
    for a in &log.actions {
        t.apply(a, &mut out);
    }
    let o = t.finish(praxis::action::SimTime(60_000), &mut out);
    (o, out.into_iter().map(|f| f.kind).collect())
}

/// The same, with a rubbing gesture no step asks for ("keep rubbing") and its held time.
fn with_keep() -> Arc<Scenario> {
    rubbing_with(
        &format!(
            r#"{GESTURES}, (id: "keep", name: {{"en": "keep rubbing", "fr": "continuer"}}, rub: true)"#
        ),
        r#"metrics: [(id: "kept", label: {"en": "Kept on", "fr": "Continué"}, kind: GestureTime(["keep"]))],"#,
    )
}

/// How long "keep rubbing" was held, s.
fn kept(o: &SessionOutcome) -> Option<f64> {
    o.metrics
        .iter()
        .find(|m| m.id == "kept")
        .and_then(|m| m.value)
}

fn status(o: &SessionOutcome, id: &str) -> StepStatus {
    o.steps.iter().find(|s| s.id == id).expect("step").status
}

#[test]
fn an_event_log_writes_and_reads_a_rub() {
    let log = eventlog::parse("rub.events", "1.5 rub for 4.2s\n").expect("parses");
    assert_eq!(log.actions[0].kind, ActionKind::Rub { duration_ms: 4200 });
    let line = eventlog::format_action(&log.actions[0]);
    assert_eq!(
        line.split_whitespace().collect::<Vec<_>>(),
        ["1.5", "rub", "for", "4.2s"]
    );
    for bad in ["1 rub\n", "1 rub 4s\n", "1 rub for 4s at sink\n"] {
        let e = eventlog::parse("rub.events", bad)
            .expect_err(bad)
            .render_short();
        assert!(e.contains("rub for <duration>"), "{bad}: {e}");
    }
}

#[test]
fn rubs_are_the_rubbing_gestures_the_open_steps_ask_for_in_turn() {
    let s = rubbing(GESTURES);
    let (o, _) = run(&s, "0 gesture look for 1s\n2 rub for 4s\n7 rub for 4s\n");
    for id in ["look", "palms", "backs"] {
        assert_eq!(status(&o, id), StepStatus::Done, "{id}: {o:?}");
    }
    assert_eq!(o.score.scaled, 1.0, "{o:?}");
}

#[test]
fn rubbing_on_after_the_movements_is_the_rubbing_gesture_no_step_asks_for() {
    let s = with_keep();
    let (o, said) = run(
        &s,
        "0 gesture look for 1s\n2 rub for 4s\n7 rub for 4s\n12 rub for 6s\n",
    );
    assert_eq!(o.score.scaled, 1.0, "{o:?}");
    assert_eq!(
        kept(&o),
        Some(6.0),
        "the third rub is 'keep': {o:?}\n{said:?}"
    );
}

#[test]
fn after_a_skipped_step_rubs_are_still_the_movements_asked_for() {
    let s = with_keep();
    // "Look around" never done: the two rubs are still the palms and the backs, out of order.
    let (o, _) = run(&s, "0 rub for 4s\n5 rub for 4s\n");
    assert_eq!(status(&o, "palms"), StepStatus::Done, "{o:?}");
    assert_eq!(status(&o, "backs"), StepStatus::Done, "{o:?}");
    assert!(kept(&o).is_none_or(|k| k == 0.0), "{o:?}");
}

#[test]
fn a_rub_is_never_a_gesture_not_made_by_rubbing() {
    let s = rubbing(GESTURES);
    // "Look around" is open first: a rub is not it, but the first rubbing movement, early.
    let (o, _) = run(&s, "0 rub for 4s\n");
    assert_eq!(status(&o, "look"), StepStatus::Missed, "{o:?}");
    assert_eq!(status(&o, "palms"), StepStatus::Done, "{o:?}");
}

#[test]
fn a_scenario_without_rubbing_gestures_takes_a_rub_as_nothing() {
    let plain = GESTURES.replace(", rub: true", "");
    let s = rubbing(&plain);
    let (o, said) = run(&s, "0 gesture look for 1s\n2 rub for 4s\n");
    assert_eq!(status(&o, "palms"), StepStatus::Missed, "{o:?}");
    assert!(said.contains(&FeedbackKind::Unmatched), "{said:?}");
}
