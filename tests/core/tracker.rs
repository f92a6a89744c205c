//! The tracker's semantics on small scenarios written for each rule.

use praxis::eventlog;
use praxis::scenario::Scenario;
use praxis::scoring::{SessionOutcome, StepStatus};
use praxis::tracker::{FeedbackKind, Mode, SessionConfig, Tracker};
use std::sync::Arc;

/// A scenario with the given objects, extra sections and procedure.
fn scenario(objects: &str, extra: &str, procedure: &str) -> Arc<Scenario> {
    let text = format!(
        r##"Scenario(
    format: 1, id: "t", version: "1.0.0", family: Clinical,
    title: {{"en": "T", "fr": "T"}}, summary: {{"en": "T", "fr": "T"}}, estimated_duration: "1 min",
    sources: [(title: "T", publisher: "T", edition: "1", section: "-", url: "-")], domain_ref: "t.md",
    room: (size: (6.0, 3.0, 6.0), objects: [
        (id: "floor", name: {{"en": "floor", "fr": "sol"}}, model: Cuboid(size: (6.0, 0.01, 6.0)), pose: (position: (0.0, 0.0, 0.0))),
        {objects}
    ]),
    gestures: [(id: "a", name: {{"en": "a", "fr": "a"}}), (id: "b", name: {{"en": "b", "fr": "b"}}), (id: "c", name: {{"en": "c", "fr": "c"}})],
    {extra}
    procedure: [{procedure}],
    scoring: (pass_mark: 0.5, out_of_order_penalty: 0.5),
)"##
    );
    Arc::new(
        Scenario::from_ron_str("t.ron", &text)
            .unwrap_or_else(|r| panic!("{}\n{text}", r.render_short())),
    )
}

fn step(id: &str, gesture: &str) -> String {
    format!(
        r#"Step(id: "{id}", title: {{"en": "{id}", "fr": "{id}"}}, done_when: Gesture("{gesture}")),"#
    )
}

fn run(s: &Arc<Scenario>, events: &str) -> (Tracker, Vec<praxis::tracker::Feedback>) {
    let log =
        eventlog::parse("t.events", events).unwrap_or_else(|r| panic!("{}", r.render_short()));
    let mut t = Tracker::new(s.clone(), log.config.clone());
    let mut out = Vec::new();
    for a in &log.actions {
        t.apply(a, &mut out);
    }
    (t, out)
}

/// The outcome of `events` played on `s`, finished at 9 s.
fn finished(s: &Arc<Scenario>, events: &str) -> SessionOutcome {
    let (mut t, _) = run(s, events);
    t.finish(praxis::action::SimTime(9000), &mut Vec::new())
}

/// When the step `id` was first completed, according to the feedback.
fn done_at(s: &Scenario, out: &[praxis::tracker::Feedback], id: &str) -> Option<u64> {
    out.iter().find_map(|f| match f.kind {
        FeedbackKind::StepDone { step, .. } if s.step_id(step) == id => Some(f.at.0),
        _ => None,
    })
}

fn status(o: &SessionOutcome, id: &str) -> StepStatus {
    o.steps
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no step {id}"))
        .status
}

#[test]
fn a_step_done_before_a_prerequisite_done_later_is_out_of_order() {
    let s = scenario("", "", &format!("{}{}", step("one", "a"), step("two", "b")));
    let (t, _) = run(&s, "0 gesture b for 1s\n1 gesture a for 1s\n2 finish\n");
    let o = t.outcome();
    assert_eq!(status(&o, "two"), StepStatus::DoneOutOfOrder);
    assert_eq!(o.score.penalties, 0.5);
}

#[test]
fn a_skipped_prerequisite_is_missed_not_an_order_error() {
    let s = scenario(
        "",
        "",
        &format!(
            "{}{}{}",
            step("one", "a"),
            step("two", "b"),
            step("three", "c")
        ),
    );
    let (t, _) = run(&s, "0 gesture a for 1s\n1 gesture c for 1s\n2 finish\n");
    let o = t.outcome();
    assert_eq!(status(&o, "two"), StepStatus::Missed);
    assert_eq!(status(&o, "three"), StepStatus::Done);
    assert_eq!(o.score.penalties, 0.0);
    assert_eq!((o.score.raw, o.score.max), (2.0, 3.0));
}

#[test]
fn rounds_of_a_repeat_are_each_in_order() {
    let proc = format!(
        r#"Repeat(id: "r", title: {{"en": "r", "fr": "r"}}, times: 2, steps: [{}{}]),"#,
        step("one", "a"),
        step("two", "b")
    );
    let s = scenario("", "", &proc);
    let (t, _) = run(
        &s,
        "0 gesture a for 1s\n1 gesture b for 1s\n2 gesture a for 1s\n3 gesture b for 1s\n4 finish\n",
    );
    let o = t.outcome();
    assert_eq!((o.score.raw, o.score.max), (4.0, 4.0));
    assert!(o.passed);
    // In round 2, b before a: out of order once a is done.
    let (t, _) = run(
        &s,
        "0 gesture a for 1s\n1 gesture b for 1s\n2 gesture b for 1s\n3 gesture a for 1s\n4 finish\n",
    );
    assert_eq!(status(&t.outcome(), "two"), StepStatus::DoneOutOfOrder);
    // One round only: both steps partly done.
    let (t, _) = run(&s, "0 gesture a for 1s\n1 gesture b for 1s\n4 finish\n");
    let o = t.outcome();
    assert_eq!(status(&o, "one"), StepStatus::Partial);
    assert_eq!((o.score.raw, o.score.max), (2.0, 4.0));
}

#[test]
fn until_ends_a_repetition_mid_round() {
    let proc = format!(
        r#"Repeat(id: "r", title: {{"en": "r", "fr": "r"}}, until: Occurred("stop"), steps: [{}{}]), {}"#,
        step("one", "a"),
        step("two", "b"),
        step("after", "c")
    );
    let extra = r#"events: [(id: "stop", trigger: At("10 s"))],"#;
    let s = scenario("", extra, &proc);
    let (t, out) = run(
        &s,
        "0 gesture a for 1s\n1 gesture b for 1s\n2 gesture a for 1s\n12 gesture c for 1s\n13 finish\n",
    );
    let o = t.outcome();
    assert!(
        out.iter()
            .any(|f| matches!(f.kind, FeedbackKind::Event { .. }) && f.at.0 == 10_000),
        "the event fires at its time"
    );
    assert_eq!(
        status(&o, "after"),
        StepStatus::Done,
        "nothing is missing once the repetition has ended"
    );
    // An open-ended repetition scores the rounds done (one here), not the round cut short.
    assert_eq!((o.score.raw, o.score.max), (3.0, 3.0));
}

#[test]
fn one_alternative_taken_makes_the_other_not_applicable() {
    let proc = format!(
        r#"OneOf(id: "alt", title: {{"en": "alt", "fr": "alt"}}, steps: [{}{}]), {}"#,
        step("left", "a"),
        step("right", "b"),
        step("last", "c")
    );
    let s = scenario("", "", &proc);
    let (t, _) = run(
        &s,
        "0 gesture b for 1s\n1 gesture a for 1s\n2 gesture c for 1s\n3 finish\n",
    );
    let o = t.outcome();
    assert_eq!(status(&o, "right"), StepStatus::Done);
    assert_eq!(
        status(&o, "left"),
        StepStatus::NotApplicable,
        "taking `right` commits to it"
    );
    assert_eq!((o.score.raw, o.score.max), (2.0, 2.0));
}

#[test]
fn contamination_spreads_through_a_held_object_to_the_hand() {
    let objects = r#"(id: "pen", name: {"en": "pen", "fr": "stylo"}, model: Cuboid(size: (0.1, 0.01, 0.01)), pose: (position: (0.0, 1.0, 0.0)), body: Grabbable(mass: 0.01)),
        (id: "patient", name: {"en": "patient", "fr": "patient"}, model: Cuboid(size: (0.5, 0.5, 1.8)), pose: (position: (1.0, 0.5, 0.0))),"#;
    let extra = r#"state: (taints: [(id: "dirty", label: {"en": "dirty", "fr": "sale"}, initially: ["floor"], permanent: ["floor"])]),
    errors: [(id: "patient-soiled", on: State(Fact("patient.dirty")), severity: Critical, feedback: {"en": "soiled", "fr": "souillé"})],"#;
    let s = scenario(objects, extra, &step("one", "a"));
    let (t, _) = run(
        &s,
        "0 grab pen with right\n1 touch pen floor\n2 touch right-hand patient\n3 gesture a for 1s\n4 finish\n",
    );
    let o = t.outcome();
    assert!(
        o.critical.iter().any(|c| c.id == "patient-soiled"),
        "{:?}",
        o.critical
    );
    // Without the floor, nothing is soiled.
    let (t, _) = run(
        &s,
        "0 grab pen with right\n2 touch right-hand patient\n3 gesture a for 1s\n4 finish\n",
    );
    assert!(t.outcome().passed);
}

#[test]
fn timers_fast_forward_and_steps_after_a_delay() {
    let objects = r#"(id: "blower", name: {"en": "blower", "fr": "ventilateur"}, model: Cuboid(size: (0.1, 0.1, 0.1)), pose: (position: (0.0, 1.0, 0.0)), affords: [Use(effects: [StartTimer("purge")])]),"#;
    let extra = r#"state: (timers: [(id: "purge", label: {"en": "purge", "fr": "purge"}) ]),
    events: [(id: "ready", trigger: AfterStep("start", "5 min"), message: {"en": "ready", "fr": "prêt"})],"#;
    let proc = r#"Step(id: "start", title: {"en": "start", "fr": "démarrer"}, done_when: Use("blower")),
        Step(id: "purged", title: {"en": "purged", "fr": "purgé"}, done_when: State(Elapsed("purge", ">= 5 min")), critical: true),
        Step(id: "work", title: {"en": "work", "fr": "travailler"}, done_when: Gesture("a"), when: Occurred("ready")),"#;
    let s = scenario(objects, extra, proc);
    let (t, out) = run(
        &s,
        "0 use blower\n10 wait 5min\n5:11 gesture a for 1s\n5:12 finish\n",
    );
    let o = t.outcome();
    assert!(o.passed, "{o:?}");
    let purged_at = done_at(&s, &out, "purged");
    assert_eq!(
        purged_at,
        Some(300_000),
        "the purge ends exactly 5 min after the start, during the fast-forward"
    );
    // Without an event, the timer still wakes the tracker up exactly at 5:00.
    let plain = scenario(
        objects,
        r#"state: (timers: [(id: "purge", label: {"en": "purge", "fr": "purge"}) ]),"#,
        r#"Step(id: "start", title: {"en": "start", "fr": "démarrer"}, done_when: Use("blower")),
        Step(id: "purged", title: {"en": "purged", "fr": "purgé"}, done_when: State(Elapsed("purge", "> 5 min"))),"#,
    );
    let (_, out) = run(
        &plain,
        "0 use blower
10 wait 10min
11:00 finish
",
    );
    let at = done_at(&plain, &out, "purged");
    assert_eq!(at, Some(300_001), "`> 5 min` becomes true just after 5:00");
    // Without the fast-forward, the purge is not over and the work does not count yet.
    let (t, _) = run(&s, "0 use blower\n10 gesture a for 1s\n11 finish\n");
    assert_eq!(status(&t.outcome(), "purged"), StepStatus::Missed);
}

#[test]
fn the_right_answer_can_depend_on_a_seeded_fault() {
    let extra = r#"faults: [(id: "allergy", label: {"en": "allergy", "fr": "allergie"}, chance: 0.5)],
    decisions: [(id: "give", prompt: {"en": "Give?", "fr": "Donner ?"}, critical: true, choices: [
        (id: "yes", text: {"en": "yes", "fr": "oui"}, correct_when: Not(Fault("allergy"))),
        (id: "no", text: {"en": "no", "fr": "non"}, correct_when: Fault("allergy")),
    ])],"#;
    let proc = r#"Step(id: "decide", title: {"en": "decide", "fr": "décider"}, done_when: Choose("give")),"#;
    let s = scenario("", extra, proc);
    let (t, _) = run(&s, "@fault allergy on\n0 choose give yes\n1 finish\n");
    assert!(
        !t.outcome().passed,
        "giving the drug to an allergic patient fails"
    );
    let (t, _) = run(&s, "@fault allergy on\n0 choose give no\n1 finish\n");
    assert!(t.outcome().passed);
    let (t, _) = run(&s, "@fault allergy off\n0 choose give yes\n1 finish\n");
    assert!(t.outcome().passed);
    // Drawn from the seed: the same seed always gives the same patient.
    let drawn = |seed| {
        Tracker::new(
            s.clone(),
            SessionConfig {
                seed,
                ..Default::default()
            },
        )
        .faults()[0]
    };
    assert_eq!(drawn(17), drawn(17));
    assert!((0..64).any(drawn) && !(0..64).all(drawn));
}

#[test]
fn time_going_backwards_and_hints_in_assessment_are_refused() {
    let s = scenario("", "", &step("one", "a"));
    let (t, out) = run(&s, "@mode assessment\n5 hint\n6 finish\n");
    assert!(
        out.iter()
            .any(|f| matches!(f.kind, FeedbackKind::Rejected { .. }))
    );
    assert_eq!(t.outcome().hints, 0);
    let mut t = Tracker::new(
        s.clone(),
        SessionConfig {
            mode: Mode::Guided,
            ..Default::default()
        },
    );
    let mut out = Vec::new();
    t.apply(
        &praxis::action::LearnerAction::at_secs(5.0, praxis::action::ActionKind::Hint),
        &mut out,
    );
    t.apply(
        &praxis::action::LearnerAction::at_secs(1.0, praxis::action::ActionKind::Hint),
        &mut out,
    );
    assert!(matches!(
        out.last().unwrap().kind,
        FeedbackKind::Rejected { .. }
    ));
    assert_eq!(t.outcome().hints, 1);
}

#[test]
fn compression_metrics_are_measured_like_a_feedback_manikin() {
    let objects = r#"(id: "manikin", name: {"en": "manikin", "fr": "mannequin"}, model: Cuboid(size: (0.5, 0.3, 1.8)), pose: (position: (0.0, 0.3, 0.0)), affords: [Compress]),"#;
    let extra = r#"metrics: [
        (id: "rate", label: {"en": "rate", "fr": "fréquence"}, kind: CompressionRate),
        (id: "at-rate", label: {"en": "at rate", "fr": "bonne fréquence"}, kind: CompressionsAtRate("100..120 /min")),
        (id: "depth", label: {"en": "depth", "fr": "profondeur"}, kind: CompressionDepth),
        (id: "recoil", label: {"en": "recoil", "fr": "relâchement"}, kind: FullRecoil),
        (id: "hands-off", label: {"en": "hands-off", "fr": "sans compressions"}, kind: HandsOffTime),
        (id: "longest", label: {"en": "longest", "fr": "plus longue"}, kind: LongestPause),
        (id: "ccf", label: {"en": "fraction", "fr": "fraction"}, kind: CompressionFraction),
    ],"#;
    let proc = r#"Step(id: "cpr", title: {"en": "30 compressions", "fr": "30 compressions"}, done_when: Compress, repeat: 30),"#;
    let s = scenario(objects, extra, proc);
    // 30 compressions every 0.5 s (120 /min), a 6 s pause, 30 more, then 1 s to the end.
    let (t, _) = run(
        &s,
        "0 compress manikin x30 every 0.5s\n20.5 compress manikin x30 every 0.5s\n36 finish\n",
    );
    let metric = |id: &str| {
        t.outcome()
            .metrics
            .iter()
            .find(|m| m.id == id)
            .unwrap()
            .value
    };
    assert_eq!(metric("rate"), Some(120.0));
    assert_eq!(metric("at-rate"), Some(100.0));
    assert_eq!(
        metric("depth"),
        None,
        "a mouse cannot measure depth: not assessed"
    );
    assert_eq!(metric("recoil"), None);
    // Pause from 14.5 s to 20.5 s = 6 s; the last second is not a pause (≤ 2 s).
    assert_eq!(metric("hands-off"), Some(6.0));
    assert_eq!(metric("longest"), Some(6.0));
    // 36 s from the first compression, 6 s without: 83.3 %.
    assert_eq!(metric("ccf"), Some(83.3333));
    // With depth and recoil measured.
    let (t, _) = run(
        &s,
        "0 compress manikin depth 52 recoil full x4 every 0.5s\n2 compress manikin depth 45 recoil partial\n3 finish\n",
    );
    let metric = |id: &str| {
        t.outcome()
            .metrics
            .iter()
            .find(|m| m.id == id)
            .unwrap()
            .value
    };
    assert_eq!(metric("depth"), Some(50.6));
    assert_eq!(metric("recoil"), Some(80.0));
}

#[test]
fn an_object_that_has_not_appeared_yet_cannot_be_used() {
    let s = scenario(
        r#"(id: "aed", name: {"en": "AED", "fr": "DAE"}, model: Cuboid(size: (0.3, 0.1, 0.2)), pose: (position: (0.0, 0.0, 0.0)), appears_when: Occurred("arrives"), affords: [Use(label: {"en": "on", "fr": "marche"}, effects: [])]),"#,
        r#"events: [(id: "arrives", trigger: At("30 s"))],"#,
        r#"Step(id: "switch-on", title: {"en": "on", "fr": "marche"}, done_when: Use("aed")),"#,
    );
    let (t, out) = run(&s, "10 use aed\n");
    assert!(done_at(&s, &out, "switch-on").is_none(), "{out:?}");
    assert!(!t.present(s.index.entity_ids["aed"]));
    let (t, out) = run(&s, "10 use aed\n40 use aed\n");
    assert_eq!(done_at(&s, &out, "switch-on"), Some(40_000));
    assert!(t.present(s.index.entity_ids["aed"]));
}

/// A step's criterion may measure the time up to the step's own completion.
#[test]
fn a_step_criterion_can_time_the_step_itself() {
    let s = scenario(
        "",
        r#"metrics: [(id: "span", label: {"en": "span", "fr": "durée"}, kind: TimeBetween("first", "last"))],"#,
        r#"Step(id: "first", title: {"en": "1", "fr": "1"}, done_when: Gesture("a")),
           Step(id: "last", title: {"en": "2", "fr": "2"}, done_when: Gesture("b"),
                criteria: [(id: "long-enough", text: {"en": "≥ 40 s", "fr": "≥ 40 s"}, check: Value(Metric("span"), ">= 40 s"), critical: true)]),"#,
    );
    let (mut t, _) = run(&s, "0 gesture a for 1s\n30 gesture b for 1s\n");
    let o = t.finish(praxis::action::SimTime(31_000), &mut Vec::new());
    assert!(!o.passed, "30 s is not 40 s: {o:#?}");
    let (mut t, _) = run(&s, "0 gesture a for 1s\n45 gesture b for 1s\n");
    assert!(
        t.finish(praxis::action::SimTime(46_000), &mut Vec::new())
            .passed
    );
}

/// Time while a metric's `except_while` holds is not hands-off time: an AED's analysis.
#[test]
fn pauses_leave_out_the_time_the_scenario_excepts() {
    let s = scenario(
        r#"(id: "manikin", name: {"en": "manikin", "fr": "mannequin"}, model: Cuboid(size: (0.5, 0.2, 0.8)), pose: (position: (0.0, 0.0, 0.0)), affords: [Compress]),"#,
        r#"state: (facts: [(id: "analysing")]),
           metrics: [
               (id: "longest", label: {"en": "l", "fr": "l"}, kind: LongestPause, except_while: Fact("analysing")),
               (id: "raw", label: {"en": "r", "fr": "r"}, kind: LongestPause),
           ],
           rules: [
               (id: "start", on: Gesture("a"), effects: [Set("analysing", true)]),
               (id: "stop", on: Gesture("b"), effects: [Set("analysing", false)]),
           ],"#,
        r#"Step(id: "push", title: {"en": "p", "fr": "p"}, done_when: Compress, repeat: 3),"#,
    );
    // Compress, 4 s later the analysis starts, 8 s of analysis, compress 1 s after it ends.
    let (t, _) = run(
        &s,
        "0 compress manikin\n4 gesture a for 1s\n12 gesture b for 1s\n13 compress manikin\n14 compress manikin\n",
    );
    let (longest, raw) = (t.metric(0).unwrap(), t.metric(1).unwrap());
    assert_eq!(raw, 13.0);
    assert_eq!(longest, 5.0, "13 s gap, 8 s of it excepted");
    // An open exception at the end is left out of the tail too.
    let (t, _) = run(&s, "0 compress manikin\n1 gesture a for 1s\n30 wait 1s\n");
    assert!(t.metric(0).unwrap() <= 1.0, "{:?}", t.metric(0));
}

/// `Agrees`: what was recorded against what the instrument showed.
#[test]
fn a_recorded_value_must_agree_with_the_reading() {
    let s = scenario(
        r#"(id: "balance", name: {"en": "balance", "fr": "balance"}, model: Cuboid(size: (0.3, 0.1, 0.3)), pose: (position: (0.0, 0.9, 0.0)), affords: [Read], display: (shows: "mass", resolution: 0.01)),"#,
        r#"state: (quantities: [(id: "mass", unit: "g", initial: 6.04)]),
           fields: [(id: "recorded", label: {"en": "mass", "fr": "masse"}, unit: "g")],"#,
        r#"Step(id: "read", title: {"en": "r", "fr": "r"}, done_when: Read("balance")),
           Step(id: "record", title: {"en": "w", "fr": "w"}, done_when: Enter("recorded"),
                criteria: [(id: "as-read", text: {"en": "as read", "fr": "comme lu"}, check: Agrees(Field("recorded"), Reading("balance"), "0.005 g"), critical: true)]),"#,
    );
    let (mut t, _) = run(&s, "0 read balance\n5 enter recorded 6.04 g\n");
    assert!(
        t.finish(praxis::action::SimTime(6000), &mut Vec::new())
            .passed
    );
    let (mut t, _) = run(&s, "0 read balance\n5 enter recorded 6.1 g\n");
    assert!(
        !t.finish(praxis::action::SimTime(6000), &mut Vec::new())
            .passed,
        "6.1 g is not what the balance showed"
    );
    let (mut t, _) = run(&s, "0 read balance\n5 enter recorded 6040 mg\n");
    assert!(
        t.finish(praxis::action::SimTime(6000), &mut Vec::new())
            .passed,
        "another unit of the same kind"
    );
    let (mut t, _) = run(&s, "0 read balance\n5 enter recorded 6,04 g\n");
    assert!(
        t.finish(praxis::action::SimTime(6000), &mut Vec::new())
            .passed,
        "a French decimal comma"
    );
}

/// A quantity stays within its declared range; an entered number that overflows once in its
/// base unit is refused, never scored as infinite.
#[test]
fn quantities_stay_in_their_range_and_entries_stay_finite() {
    let s = scenario(
        r#"(id: "pump", name: {"en": "pump", "fr": "pompe"}, model: Cuboid(size: (0.3, 0.1, 0.3)), pose: (position: (0.0, 0.9, 0.0)), affords: [Read, Use(effects: [Add("moved", "100 mL")])], display: (shows: "moved", resolution: 1.0)),
           (id: "drain", name: {"en": "drain", "fr": "vidange"}, model: Cuboid(size: (0.3, 0.1, 0.3)), pose: (position: (1.0, 0.9, 0.0)), affords: [Use(effects: [Add("moved", "-100 mL")])]),"#,
        r#"state: (quantities: [(id: "moved", unit: "mL", range: "0..500 mL"), (id: "ratio", unit: "", formula: "moved * 2")]),
           fields: [(id: "volume", label: {"en": "volume", "fr": "volume"}, unit: "mL")],"#,
        r#"Step(id: "read", title: {"en": "r", "fr": "r"}, done_when: Read("pump")),"#,
    );
    let q = |t: &Tracker, id: &str| {
        let ix = &t.scenario().index;
        let i = ix.quantities.iter().position(|q| q.id == id).unwrap();
        t.world().quantity(ix, i as u32)
    };
    let (t, _) = run(&s, "0 use pump x8 every 1s\n");
    assert_eq!(
        q(&t, "moved"),
        500.0,
        "the pump cannot move more than the range"
    );
    assert_eq!(q(&t, "ratio"), 1000.0);
    let (t, _) = run(&s, "0 use pump x2 every 1s\n5 use drain x5 every 1s\n");
    assert_eq!(q(&t, "moved"), 0.0);
    // `1e306 L` is 1e309 mL: refused, and the field stays empty.
    let (mut t, out) = run(&s, "0 read pump\n1 enter volume 1e306 L\n");
    assert!(out.iter().any(|f| matches!(
        f.kind,
        FeedbackKind::Rejected {
            reason: praxis::tracker::Rejection::NumberTooLarge
        }
    )));
    let o = t.finish(praxis::action::SimTime(2000), &mut Vec::new());
    assert!(
        serde_json::to_string(&o)
            .unwrap()
            .contains("\"scaled\":1.0")
    );
}

/// A measured step with a pump that moves 100 mL a use, a gauge that shows it, a field to record
/// it and a step after it; the criterion wants 200 mL.
fn measured(commit_when: &str) -> Arc<Scenario> {
    scenario(
        r#"(id: "pump", name: {"en": "pump", "fr": "pompe"}, model: Cuboid(size: (0.3, 0.1, 0.3)), pose: (position: (0.0, 0.9, 0.0)), affords: [Read, Use(effects: [Add("moved", "100 mL")])], display: (shows: "moved", resolution: 1.0)),"#,
        r#"state: (quantities: [(id: "moved", unit: "mL", range: "0..500 mL")]),
           fields: [(id: "volume", label: {"en": "volume", "fr": "volume"}, unit: "mL")],"#,
        &format!(
            r#"Step(id: "transfer", title: {{"en": "t", "fr": "t"}}, done_when: Read("pump"), when: Quantity("moved", "> 0 mL"), measured: true, critical: true, {commit_when}
                criteria: [(id: "right-volume", text: {{"en": "200 mL", "fr": "200 mL"}}, check: Value(Quantity("moved"), "200 mL ± 1 mL"), critical: true)]),
               Step(id: "record", title: {{"en": "r", "fr": "r"}}, done_when: Enter("volume")),
               Step(id: "next", title: {{"en": "n", "fr": "n"}}, done_when: Gesture("a")),"#
        ),
    )
}

/// Reading an instrument while working never closes, completes or fails a measured step.
#[test]
fn a_measured_step_is_read_while_working_and_judged_when_the_next_step_starts() {
    let s = measured("");
    let (mut t, out) = run(
        &s,
        "0 use pump\n1 read pump\n2 use pump\n3 read pump\n4 read pump\n5 enter volume 200 mL\n",
    );
    assert_eq!(
        done_at(&s, &out, "transfer"),
        Some(5000),
        "judged when recorded"
    );
    assert!(
        out.iter()
            .filter(|f| matches!(f.kind, FeedbackKind::Working { .. }))
            .count()
            == 3
    );
    let o = t.finish(praxis::action::SimTime(6000), &mut Vec::new());
    assert!(o.passed, "{:?}", o.critical);
    assert_eq!(status(&o, "transfer"), StepStatus::Done);
    assert_eq!(status(&o, "record"), StepStatus::Done, "in order");
}

#[test]
fn a_measured_step_is_judged_on_the_world_when_committed_not_when_last_read() {
    let s = measured("");
    // Read at 200 mL, then the pump runs once more before moving on: 300 mL.
    let (mut t, _) = run(
        &s,
        "0 use pump\n1 use pump\n2 read pump\n3 use pump\n4 gesture a for 1s\n",
    );
    let o = t.finish(praxis::action::SimTime(6000), &mut Vec::new());
    assert!(!o.passed);
    assert!(
        o.critical.iter().any(|c| c.id == "transfer/right-volume"),
        "{:?}",
        o.critical
    );
}

#[test]
fn a_measured_step_is_judged_at_its_commit_action_or_at_the_finish() {
    let s = measured(r#"commit_when: Gesture("b"),"#);
    let (_, out) = run(
        &s,
        "0 use pump\n1 use pump\n2 read pump\n3 gesture b for 1s\n",
    );
    assert_eq!(done_at(&s, &out, "transfer"), Some(3000));
    let (mut t, _) = run(&s, "0 use pump\n1 use pump\n2 read pump\n");
    let mut out = Vec::new();
    let o = t.finish(praxis::action::SimTime(9000), &mut out);
    assert_eq!(
        done_at(&s, &out, "transfer"),
        Some(9000),
        "finishing commits"
    );
    assert_eq!(status(&o, "transfer"), StepStatus::Done);
    // Never read: never worked on, so missed, and critical.
    let o = finished(&s, "0 use pump\n1 use pump\n2 enter volume 200 mL\n");
    assert_eq!(status(&o, "transfer"), StepStatus::Missed);
    assert!(!o.passed);
}

/// A record keeps the rules it was judged under: under rules 1 a measured step was judged at its
/// first reading, and re-scoring a rules-1 record does the same.
#[test]
fn rules_1_judge_a_measured_step_at_its_first_match() {
    let s = measured("");
    let log = "0 use pump\n1 read pump\n2 use pump\n3 read pump\n4 enter volume 200 mL\n";
    let parsed = eventlog::parse("t.events", log).unwrap();
    let outcome = |rules| {
        let mut t = Tracker::new(
            s.clone(),
            SessionConfig {
                rules,
                ..Default::default()
            },
        );
        let mut out = Vec::new();
        for a in &parsed.actions {
            t.apply(a, &mut out);
        }
        t.finish(praxis::action::SimTime(9000), &mut out)
    };
    assert!(outcome(praxis::tracker::RULES).passed);
    let old = outcome(1);
    assert!(
        !old.passed,
        "rules 1: the first reading (100 mL) was judged"
    );
}

/// A pump that moves 100 mL a use, a gauge, and `procedure`; `extra` sections besides.
fn pumped(extra: &str, procedure: &str) -> Arc<Scenario> {
    scenario(
        r#"(id: "pump", name: {"en": "pump", "fr": "pompe"}, model: Cuboid(size: (0.3, 0.1, 0.3)), pose: (position: (0.0, 0.9, 0.0)), affords: [Read, Use(effects: [Add("moved", "100 mL")])], display: (shows: "moved", resolution: 1.0)),"#,
        &format!(
            r#"state: (quantities: [(id: "moved", unit: "mL", range: "0..5000 mL")]), {extra}"#
        ),
        procedure,
    )
}

const MEASURED_READ: &str = r#"Step(id: "transfer", title: {"en": "t", "fr": "t"}, done_when: Read("pump"), measured: true, criteria: [(id: "some", text: {"en": "some", "fr": "un peu"}, check: Value(Quantity("moved"), "> 0 mL"), critical: true)]),"#;

/// The last step of a `Repeat` is measured: doing the first step again starts the next round,
/// which commits to it.
#[test]
fn a_measured_last_step_of_a_repeat_is_committed_by_the_next_round() {
    let s = pumped(
        "",
        &format!(
            r#"Repeat(id: "r", title: {{"en": "r", "fr": "r"}}, times: 2, steps: [Step(id: "run", title: {{"en": "u", "fr": "u"}}, done_when: Use("pump")), {MEASURED_READ}]),"#
        ),
    );
    let o = finished(&s, "0 use pump\n1 read pump\n2 use pump\n3 read pump\n");
    assert!(o.passed, "{:?}", o.critical);
    assert_eq!(o.score.scaled, 1.0, "both rounds: {:?}", o.steps);
}

/// A measured step in the alternative not taken is never judged.
#[test]
fn a_measured_step_in_an_alternative_not_taken_is_dropped_unjudged() {
    let s = pumped(
        "",
        &format!(
            r#"OneOf(id: "either", title: {{"en": "e", "fr": "e"}}, steps: [{MEASURED_READ} Step(id: "other", title: {{"en": "o", "fr": "o"}}, done_when: Gesture("a"))]),"#
        ),
    );
    // Read with nothing moved yet (the criterion would fail), then the other alternative.
    let o = finished(&s, "0 read pump\n1 gesture a for 1s\n");
    assert!(o.passed, "{:?}", o.critical);
    assert_eq!(status(&o, "transfer"), StepStatus::NotApplicable);
}

/// A step done by a state commits, like one done by an action, to the measured steps before it.
#[test]
fn a_step_done_by_a_state_commits_the_measured_steps_before_it() {
    let s = pumped(
        r#"events: [(id: "ev", trigger: At("5 s"))],"#,
        &format!(
            r#"{MEASURED_READ} Step(id: "arrives", title: {{"en": "a", "fr": "a"}}, done_when: State(Occurred("ev"))),"#
        ),
    );
    let (mut t, out) = run(&s, "0 use pump\n1 read pump\n6 wait 1s\n");
    assert_eq!(done_at(&s, &out, "transfer"), Some(5000));
    let o = t.finish(praxis::action::SimTime(9000), &mut Vec::new());
    assert_eq!(status(&o, "arrives"), StepStatus::Done, "in order");
    assert_eq!(o.score.penalties, 0.0);
}

/// An error's guard sees what this same action committed to.
#[test]
fn error_guards_are_judged_after_the_commits_of_the_same_action() {
    let s = pumped(
        r#"errors: [(id: "too-soon", on: Gesture("a"), when: Not(Done("transfer")), severity: Critical, feedback: {"en": "x", "fr": "x"})],"#,
        &format!(
            r#"{MEASURED_READ} Step(id: "next", title: {{"en": "n", "fr": "n"}}, done_when: Gesture("a")),"#
        ),
    );
    let o = finished(&s, "0 use pump\n1 read pump\n2 gesture a for 1s\n");
    assert!(o.passed, "{:?}", o.critical);
}

/// A window whose `from` state holds at the start is open for the first action.
#[test]
fn a_window_open_from_the_start_counts_the_first_action() {
    let s = pumped(
        r#"errors: [(id: "hands-off", on: Use("pump"), during: (from: State(Not(Done("start"))), until: Gesture("b")), severity: Critical, feedback: {"en": "x", "fr": "x"})],"#,
        r#"Step(id: "start", title: {"en": "s", "fr": "s"}, done_when: Gesture("a")),"#,
    );
    let (t, _) = run(&s, "0 use pump\n");
    assert!(t.outcome().critical.iter().any(|c| c.id == "hands-off"));
    let (t, _) = run(&s, "0 gesture b for 1s\n1 use pump\n");
    assert!(t.outcome().critical.is_empty(), "closed by `until`");
}

/// A scenario whose instructor can sound an alarm (only once the work has started) and clear it;
/// working during the alarm is critical.
fn alarm_scenario() -> Arc<Scenario> {
    scenario(
        "",
        r#"state: (facts: [(id: "alarm", label: {"en": "alarm", "fr": "alarme"})]),
    errors: [(id: "worked-in-alarm", on: Gesture("b"), when: Fact("alarm"), severity: Critical, feedback: {"en": "no", "fr": "non"})],
    events: [
        (id: "alarm-on", trigger: Instructor, label: {"en": "Alarm", "fr": "Alarme"}, when: Done("one"), effects: [Set("alarm", true)], message: {"en": "Alarm!", "fr": "Alarme !"}),
        (id: "alarm-off", trigger: Instructor, label: {"en": "Alarm cleared", "fr": "Alarme levée"}, effects: [Set("alarm", false)]),
    ],"#,
        &format!("{}{}", step("one", "a"), step("two", "b")),
    )
}

#[test]
fn an_instructor_event_applies_its_effects_each_time_it_is_triggered_and_the_outcome_lists_it() {
    let s = alarm_scenario();
    let (mut t, out) = run(
        &s,
        "0 gesture a for 1s\n1 instructor alarm-on by \"Dr Martin\"\n2 instructor alarm-off\n3 instructor alarm-on\n4 gesture b for 1s\n",
    );
    let o = t.finish(praxis::action::SimTime(9000), &mut Vec::new());
    assert!(!o.passed, "working during the second alarm fails");
    assert_eq!(o.critical[0].id, "worked-in-alarm");
    let listed: Vec<(&str, u64, Option<&str>)> = o
        .instructor
        .iter()
        .map(|i| (i.event.as_str(), i.at_ms, i.by.as_deref()))
        .collect();
    assert_eq!(
        listed,
        [
            ("alarm-on", 1000, Some("Dr Martin")),
            ("alarm-off", 2000, None),
            ("alarm-on", 3000, None)
        ]
    );
    assert!(out.iter().any(
        |f| matches!(&f.kind, FeedbackKind::Instructor { by: Some(b), .. } if b == "Dr Martin")
    ));
}

#[test]
fn an_instructor_event_whose_condition_does_not_hold_is_refused_and_changes_nothing() {
    let s = alarm_scenario();
    // Before step one the alarm cannot sound: working then is no error.
    let (mut t, out) = run(
        &s,
        "0 instructor alarm-on\n1 gesture a for 1s\n2 gesture b for 1s\n",
    );
    assert!(out.iter().any(|f| matches!(
        f.kind,
        FeedbackKind::Rejected {
            reason: praxis::tracker::Rejection::InstructorEventNotNow
        }
    )));
    let o = t.finish(praxis::action::SimTime(9000), &mut Vec::new());
    assert!(o.passed && o.instructor.is_empty());
    // An event that is not the instructor's cannot be triggered by one.
    let s2 = scenario(
        "",
        r#"events: [(id: "later", trigger: At("5 s"))],"#,
        &step("one", "a"),
    );
    let (_, out) = run(&s2, "0 instructor later\n");
    assert!(
        out.iter()
            .any(|f| matches!(&f.kind, FeedbackKind::Unknown { name } if name == "later"))
    );
}

#[test]
fn a_session_without_instructor_events_has_no_instructor_entry_in_its_outcome_json() {
    let s = alarm_scenario();
    let o = finished(&s, "0 gesture a for 1s\n1 gesture b for 1s\n");
    let json = serde_json::to_string(&o).unwrap();
    assert!(!json.contains("instructor"), "{json}");
}
