//! What the instrument shows: conditions judged on the displayed reading, not the hidden true
//! value, and messages that say the live value.

use crate::support;
use praxis::eventlog;
use praxis::scenario::Scenario;
use praxis::text::Lang;
use praxis::tracker::{FeedbackKind, Tracker};
use std::sync::Arc;

/// A meter that shows a true glucose of 69.6 mg/dL as 70 (whole mg/dL, no noise), a question
/// judged on what it shows, and a message saying it.
fn meter() -> Arc<Scenario> {
    support::small(
        "m",
        support::METER,
        r#"state: (quantities: [(id: "glucose", unit: "mg/dL", initial: 69.6)]),
decisions: [(id: "act", prompt: {"en": "Act?", "fr": "Agir ?"}, critical: true, choices: [
    (id: "routine", text: {"en": "Routine", "fr": "Routine"}, correct_when: Shows("meter", ">= 70 mg/dL")),
    (id: "treat", text: {"en": "Treat", "fr": "Resucrer"}, correct_when: Shows("meter", "< 70 mg/dL")),
])],
procedure: [
    Step(id: "read", title: {"en": "Read", "fr": "Lire"}, done_when: Read("meter")),
    Step(id: "decide", title: {"en": "Decide", "fr": "Décider"}, done_when: Choose("act")),
],
rules: [(id: "say", on: Choose("act"), effects: [Say({"en": "Judged on {shown:meter} (true {value:glucose}).", "fr": "Jugé sur {shown:meter} (vrai {value:glucose})."})])],
scoring: (pass_mark: 0.5, out_of_order_penalty: 0.5),"#,
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

fn run(s: &Arc<Scenario>, events: &str) -> (bool, Vec<praxis::tracker::Feedback>) {
    let log =
        eventlog::parse("m.events", events).unwrap_or_else(|r| panic!("{}", r.render_short()));
    let mut t = Tracker::new(s.clone(), log.config.clone());
    let mut out = Vec::new();
    for a in &log.actions {
        t.apply(a, &mut out);
    }
    let o = t.finish(praxis::action::SimTime(60_000), &mut out);
    (o.passed, out)
}

#[test]
fn a_decision_on_what_the_meter_shows_follows_the_display_not_the_hidden_value() {
    let s = meter();
    // A true 69.6 mg/dL, below 70, shown as 70 by a meter reading whole mg/dL.
    let (passed_routine, out) = run(&s, "0 read meter\n1 choose act routine\n");
    let (passed_treat, _) = run(&s, "0 read meter\n1 choose act treat\n");
    let shown = out
        .iter()
        .find_map(|f| match f.kind {
            FeedbackKind::Reading { value, .. } => Some(value),
            _ => None,
        })
        .unwrap();
    assert_eq!(shown, 70.0);
    assert!(
        passed_routine,
        "the nurse acts on the 70 mg/dL displayed: routine is right"
    );
    assert!(!passed_treat);
    // Before it is read, nothing is shown: neither answer is right.
    let (passed, _) = run(&s, "1 choose act routine\n");
    assert!(!passed);
}

#[test]
fn a_message_says_what_the_instrument_displayed_and_the_true_value_as_each_language_writes_them() {
    let s = meter();
    let (_, out) = run(&s, "0 read meter\n1 choose act routine\n");
    let say = out
        .iter()
        .find(|f| matches!(f.kind, FeedbackKind::Say { .. }))
        .unwrap();
    assert_eq!(
        praxis::trace::describe(&s, say, Lang::En),
        "ℹ Judged on 70 mg/dL (true 69.6 mg/dL)."
    );
    assert_eq!(
        praxis::trace::describe(&s, say, Lang::Fr),
        "ℹ Jugé sur 70 mg/dL (vrai 69,6 mg/dL)."
    );
    // Said before any reading, the display's value is a dash.
    let (_, out) = run(&s, "1 choose act routine\n");
    let say = out
        .iter()
        .find(|f| matches!(f.kind, FeedbackKind::Say { .. }))
        .unwrap();
    assert!(praxis::trace::describe(&s, say, Lang::En).contains("Judged on — (true"));
}

#[test]
fn a_live_value_outside_a_message_said_at_the_time_is_refused_but_a_kept_version_still_loads() {
    let text = |instruction: &str, say: &str| {
        format!(
            r##"Scenario(
    format: 1, id: "k", version: "1.0.0", family: Clinical,
    title: {{"en": "K", "fr": "K"}}, summary: {{"en": "K", "fr": "K"}}, estimated_duration: "1 min",
    sources: [(title: "T", publisher: "T", edition: "1", section: "-", url: "-")], domain_ref: "k.md",
    room: (size: (6.0, 3.0, 6.0), objects: [
        (id: "floor", name: {{"en": "floor", "fr": "sol"}}, model: Cuboid(size: (6.0, 0.01, 6.0)), pose: (position: (0.0, 0.0, 0.0))),
        (id: "meter", name: {{"en": "meter", "fr": "lecteur"}}, model: Cuboid(size: (0.1, 0.1, 0.1)), pose: (position: (0.0, 1.0, 0.0)), affords: [Read], display: (shows: "glucose", resolution: 1.0)),
    ]),
    state: (quantities: [(id: "glucose", unit: "mg/dL", initial: 69.6)]),
    procedure: [Step(id: "read", title: {{"en": "Read", "fr": "Lire"}}, instruction: {{"en": "{instruction}", "fr": "{instruction}"}}, done_when: Read("meter"))],
    rules: [(id: "say", on: Read("meter"), effects: [Say({{"en": "{say}", "fr": "{say}"}})])],
    scoring: (pass_mark: 0.5, out_of_order_penalty: 0.5),
)"##
        )
    };
    // In an instruction (read before anything is displayed): refused where it is written.
    let err = Scenario::from_ron_str("k.ron", &text("Read {shown:meter}", "ok"))
        .unwrap_err()
        .render_short();
    assert!(
        err.contains("praxis::scenario::live_value") && err.contains("instruction"),
        "{err}"
    );
    // A version kept from before live values, with braces in its texts, still loads to re-score
    // its records: the braces are text, the checks warnings.
    let old = text("Read {shown:meter}", "Press {key:OK}");
    let kept = Scenario::kept_version("k.ron", old.as_bytes()).expect("a kept version loads");
    assert!(kept.index.message_slots[0].is_empty());
}
