//! The clinical scenarios run whole through the real plugins: hand hygiene, medication
//! administration, peripheral IV (basic life support is in `bls.rs`).

use super::*;

/// The hand-hygiene ward round done right: each moment named, a WHO hand rub for each, the
/// patients touched through the hands' contacts in the physics world.
fn hand_hygiene_perfect(mode: Mode) -> Sim {
    let mut sim = Sim::new("hand-hygiene", mode);
    sim.choose("nails", &["short-natural"]);
    sim.choose("moment-pulse", &["moment-1"]);
    sim.hand_rub();
    sim.touch_mr_martin(Hand::Right);
    sim.choose("moment-line", &["moment-2"]);
    sim.hand_rub();
    sim.stand(0.2, 0.0, -std::f32::consts::FRAC_PI_2);
    sim.use_with_right("iv-connector");
    sim.choose("moment-next-patient", &["moment-1", "moment-4"]);
    sim.hand_rub();
    // Mrs Dubois, in the other bed (x 2.75): stand beside it and touch her shoulder.
    sim.stand(2.05, 0.0, -std::f32::consts::FRAC_PI_2);
    sim.send(Intent::Touch {
        hand: Hand::Right,
        at: Vec3::new(2.55, 0.8, -0.3),
    });
    sim.run(1.0);
    // Moment 2 before opening her drainage bag: a rub, then the gloves.
    sim.choose("moment-bag", &["moment-2"]);
    sim.hand_rub();
    sim.stand(2.05, 0.0, -std::f32::consts::FRAC_PI_2);
    for o in ["glove-box", "drainage-bag", "waste-bin"] {
        sim.use_with_right(o);
    }
    sim.choose("moment-gloves-off", &["moment-3"]);
    sim.hand_rub();
    sim.use_with_right("infusion-pump");
    sim.choose("moment-pump", &["moment-5"]);
    sim.hand_rub();
    sim.use_with_right("door");
    sim
}

#[test]
fn hand_hygiene_perfect_run_passes_and_replays_to_the_same_score() {
    let mut sim = hand_hygiene_perfect(Mode::Guided);
    assert!(
        sim.touched("right-hand", "patient") && sim.touched("right-hand", "patient-2"),
        "the hand's contact with the patient was not seen: {:#?}",
        sim.session().actions
    );
    let outcome = sim.finish();
    assert!(outcome.passed, "{outcome:#?}\n{:#?}", sim.session().actions);
    assert_eq!(outcome.score.scaled, 1.0);
    let (rec, rep) = sim.replayed();
    assert!(rep.matches(&rec), "{:?}", rep.differences);
    assert_eq!(rep.outcome, outcome);
    // The pose track: about 10 Hz over the session.
    let secs = outcome.duration_ms as f64 / 1000.0;
    assert!(
        rec.poses.len() as f64 > secs * 8.0 && (rec.poses.len() as f64) < secs * 11.0 + 2.0,
        "{} samples in {secs} s",
        rec.poses.len()
    );
    assert!(rec.poses.windows(2).all(|w| w[1].at_ms >= w[0].at_ms + 100));
}

#[test]
fn hand_hygiene_touching_the_patient_first_is_critical_and_fails() {
    let mut sim = Sim::new("hand-hygiene", Mode::Assessment);
    sim.touch_mr_martin(Hand::Left);
    assert!(sim.touched("left-hand", "patient"));
    sim.fails_with("moment-1-missed");
}

#[test]
fn guided_and_assessment_runs_of_the_same_actions_score_the_same() {
    let mut guided = hand_hygiene_perfect(Mode::Guided);
    let mut assessed = hand_hygiene_perfect(Mode::Assessment);
    let a = guided.finish();
    let b = assessed.finish();
    assert_eq!(a.score, b.score);
    assert!(b.passed);
}

/// The decision to give, hand hygiene, the dose drawn from the right bottle, measured and
/// labelled at the trolley; then at the bedside he is identified, his wristband matched and the
/// medicine explained.
fn prepare_and_explain(sim: &mut Sim) {
    sim.choose("give-or-withhold", &["give"]);
    sim.stand(-0.2, -1.4, 0.0);
    sim.use_with_right("abhr-dispenser");
    sim.near("trolley", Vec3::new(-0.9, 0.0, 0.3));
    sim.act(ActionKind::Read {
        object: "amoxicillin".into(),
    });
    sim.grab(Hand::Right, "oral-syringe");
    sim.put_on(Hand::Right, "oral-syringe", "amoxicillin");
    sim.act(ActionKind::Enter {
        field: "dose-volume".into(),
        value: praxis::action::EnteredValue::Number {
            value: 10.0,
            unit: Some("mL".into()),
        },
    });
    sim.put_on(Hand::Left, "labels", "oral-syringe");
    sim.stand(0.2, 0.0, -std::f32::consts::FRAC_PI_2);
    sim.choose("identify", &["state-name", "state-birth-date", "wristband"]);
    sim.act(ActionKind::Read {
        object: "wristband".into(),
    });
    sim.choose("identity-match", &["match"]);
    sim.gesture("explain", 5.0);
}

/// Medication administration through the app: the prescription and the record read at the
/// trolley, the volume typed in, the syringe labelled and carried to the bedside, the patient
/// identified, the dose given and recorded.
fn medication_run(sim: &mut Sim, allergy_ignored: bool) {
    sim.near("trolley", Vec3::new(-0.9, 0.0, 0.3));
    sim.act(ActionKind::Read {
        object: "prescription".into(),
    });
    sim.choose("prescription-complete", &["complete"]);
    for o in ["patient-record", "obs-chart"] {
        sim.act(ActionKind::Read { object: o.into() });
    }
    prepare_and_explain(sim);
    sim.choose("bedside-answer", &["give"]);
    sim.choose(
        "five-rights",
        &[
            "right-patient",
            "right-drug",
            "right-dose",
            "right-route",
            "right-time",
        ],
    );
    sim.put_on(Hand::Right, "oral-syringe", "patient");
    if !allergy_ignored {
        sim.gesture("watch-swallow", 5.0);
        sim.use_with_right("patient-record");
        sim.gesture("monitor", 3.0);
    }
}

#[test]
fn medication_administration_perfect_run_passes() {
    let mut sim = Sim::new("medication-administration", Mode::Guided);
    medication_run(&mut sim, false);
    sim.passes_perfectly();
}

#[test]
fn medication_given_despite_the_seeded_allergy_fails() {
    let mut sim = Sim::new("medication-administration", Mode::Assessment);
    // The seeded case: the record shows a penicillin allergy.
    sim.app
        .world_mut()
        .resource_mut::<praxis::runtime::SessionOverrides>()
        .faults
        .insert("penicillin-allergy".into(), true);
    sim.app
        .world_mut()
        .trigger(praxis::runtime::flow::RestartSession);
    sim.run(1.0);
    medication_run(&mut sim, true);
    sim.fails_with("given-despite-allergy");
}

/// A peripheral cannula through the app: what the hands carry to the arm is grabbed and put on
/// it for real (the tourniquet, the cannula, the extension set and the dressing stay where they
/// are put); the antiseptic dries for 30 s of session time.
fn cannula_run(sim: &mut Sim, tourniquet_first: bool) {
    let read = |sim: &mut Sim, o: &str| sim.act(ActionKind::Read { object: o.into() });
    sim.near("trolley", Vec3::new(-0.9, 0.0, 0.3));
    read(sim, "request");
    sim.stand(-0.25, 0.0, -std::f32::consts::FRAC_PI_2);
    sim.choose("identify", &["state-name", "state-birth-date", "wristband"]);
    read(sim, "wristband");
    sim.gesture("explain-and-consent", 5.0);
    sim.gesture("ask-history", 5.0);
    sim.choose("arm", &["right"]);
    sim.stand(-0.2, -1.4, 0.0);
    sim.use_with_right("abhr-dispenser");
    sim.near("trolley", Vec3::new(-0.9, 0.0, 0.3));
    sim.gesture("clean-tray", 10.0);
    read(sim, "equipment");
    sim.use_with_right("extension-set");
    // At the arm table, facing it.
    sim.stand(-0.45, 0.0, -std::f32::consts::FRAC_PI_2);
    sim.grab(Hand::Right, "tourniquet");
    sim.put_on(Hand::Right, "tourniquet", "upper-arm");
    sim.gesture("palpate", 3.0);
    sim.choose("vein", &["straight-forearm"]);
    sim.stand(-0.2, -1.4, 0.0);
    sim.use_with_right("abhr-dispenser");
    sim.stand(0.35, -1.4, 0.0);
    sim.use_with_right("glove-box");
    sim.stand(-0.45, 0.0, -std::f32::consts::FRAC_PI_2);
    sim.gesture("chg-scrub", 30.0);
    sim.run(31.0);
    sim.gesture("anchor-and-warn", 2.0);
    sim.near("trolley", Vec3::new(-0.9, 0.0, 0.3));
    sim.grab(Hand::Right, "iv-cannula");
    sim.grab(Hand::Left, "extension-set");
    sim.stand(-0.45, 0.0, -std::f32::consts::FRAC_PI_2);
    sim.put_on(Hand::Right, "iv-cannula", "forearm-vein");
    if sim.fact("cannula.failed") {
        // No flashback: withdraw, the cannula into the sharps container, a new one from the tray,
        // a new site above, cleaned and dried, the tourniquet on again.
        assert!(sim.present("puncture-mark"), "the missed puncture shows");
        sim.gesture("withdraw-and-press", 3.0);
        sim.use_with_right("sharps-bin");
        sim.choose("new-site", &["above"]);
        sim.gesture("chg-scrub-upper", 30.0);
        sim.run(31.0);
        sim.grab(Hand::Right, "tourniquet");
        sim.put_on(Hand::Right, "tourniquet", "upper-arm");
        sim.near("trolley", Vec3::new(-0.9, 0.0, 0.3));
        let spare = sim.position("iv-cannula");
        assert!(
            spare.distance(Vec3::new(-0.8, 0.985, -0.93)) < 0.1,
            "the new cannula lies on the tray: {spare}"
        );
        sim.grab(Hand::Right, "iv-cannula");
        sim.stand(-0.45, 0.0, -std::f32::consts::FRAC_PI_2);
        sim.put_on(Hand::Right, "iv-cannula", "forearm-vein-upper");
    }
    sim.gesture("lower-and-advance", 2.0);
    sim.gesture("advance-catheter", 2.0);
    if tourniquet_first {
        sim.act(ActionKind::Use {
            object: "tourniquet".into(),
            hand: Some(Hand::Right),
        });
    }
    sim.gesture("occlude-and-withdraw", 2.0);
    sim.use_with_right("sharps-bin");
    sim.put_on(Hand::Left, "extension-set", "iv-cannula");
    sim.near("trolley", Vec3::new(-0.9, 0.0, 0.3));
    sim.grab(Hand::Right, "dressing");
    sim.grab(Hand::Left, "flush-syringe");
    sim.stand(-0.45, 0.0, -std::f32::consts::FRAC_PI_2);
    sim.put_on(Hand::Right, "dressing", "iv-cannula");
    sim.put_on(Hand::Left, "flush-syringe", "extension-set");
    let infiltrated = sim.present("swelling");
    sim.choose(
        "flush-check",
        &[if infiltrated { "infiltrated" } else { "patent" }],
    );
    if infiltrated {
        sim.gesture("remove-cannula", 3.0);
    }
    sim.stand(-0.2, 0.7, 0.0);
    sim.use_with_right("waste-bin");
    sim.stand(-0.2, -1.4, 0.0);
    sim.use_with_right("abhr-dispenser");
    sim.stand(-1.65, 0.35, 0.0);
    sim.use_with_right("patient-record");
}

#[test]
fn peripheral_iv_perfect_run_passes_and_what_is_put_on_the_arm_stays_there() {
    let mut sim = Sim::new("peripheral-iv", Mode::Guided);
    cannula_run(&mut sim, true);
    for (o, on) in [
        ("tourniquet", "upper-arm"),
        ("iv-cannula", "forearm-vein"),
        ("extension-set", "iv-cannula"),
    ] {
        let (p, at) = (sim.position(o), sim.position(on));
        assert!(p.distance(at) < 0.05, "{o} at {p}, {on} at {at}");
    }
    sim.passes_perfectly();
}

#[test]
fn peripheral_iv_stylet_out_with_the_tourniquet_on_fails() {
    let mut sim = Sim::new("peripheral-iv", Mode::Assessment);
    cannula_run(&mut sim, false);
    sim.fails_with("stylet-out-tourniquet-on");
}

/// The flush runs under the skin (fault): the swelling shows on her arm, the learner stops and
/// removes the cannula; both of her arms are in the room, the left one never chosen.
#[test]
fn peripheral_iv_infiltration_shows_on_the_arm_and_is_recognised() {
    let mut sim = Sim::new("peripheral-iv", Mode::Guided).with_faults(&["infiltration"]);
    assert!(sim.present("left-arm") && sim.present("left-forearm-vein"));
    assert!(!sim.present("swelling"));
    cannula_run(&mut sim, true);
    assert!(
        !sim.present("swelling") || sim.fact("cannula.removed"),
        "the cannula was removed"
    );
    assert!(sim.fact("site.swollen"), "the swelling showed");
    assert_eq!(
        sim.step_status("remove-infiltrated"),
        praxis::scoring::StepStatus::Guidance
    );
    sim.passes_perfectly();
}

/// An instructor makes her feel faint: she shows pale, and once laid flat the pillows under her
/// legs show.
#[test]
fn peripheral_iv_a_vasovagal_reaction_shows_and_is_cared_for() {
    let mut sim = Sim::new("peripheral-iv", Mode::Guided);
    sim.gesture("explain-and-consent", 5.0);
    assert!(!sim.present("faint-sign"));
    sim.act(ActionKind::Instructor {
        event: "feels-faint".into(),
        by: Some("trainer".into()),
    });
    assert!(sim.present("faint-sign"), "she looks faint");
    sim.gesture("lie-flat-legs-up", 5.0);
    assert!(!sim.present("faint-sign") && sim.present("leg-pillow"));
}

/// The first attempt misses (fault): the puncture shows, the cannula goes into the sharps
/// container and a new one appears on the tray, for a new site above the first.
#[test]
fn peripheral_iv_a_missed_first_attempt_takes_a_new_cannula_and_a_new_site() {
    let mut sim = Sim::new("peripheral-iv", Mode::Guided).with_faults(&["missed-vein"]);
    cannula_run(&mut sim, true);
    let cannula = sim.session().start.scenario.index.entity_ids["iv-cannula"];
    assert_eq!(sim.session().tracker.replaced(cannula), 1);
    assert_eq!(
        sim.step_status("insert-2"),
        praxis::scoring::StepStatus::Done
    );
    sim.passes_perfectly();
}

/// The seeded branches show in the room: the namesake's bed 14, the wristband with another date
/// of birth, the colleague who interrupts; the right answers leave the dose ungiven and documented.
#[test]
fn medication_namesake_mismatched_wristband_and_interruption_show_in_the_room() {
    let mut sim = Sim::new("medication-administration", Mode::Guided)
        .with_faults(&["namesake", "wristband-mismatch"]);
    assert!(sim.present("bed-14") && sim.present("namesake"));
    assert!(sim.present("wristband-wrong") && !sim.present("wristband"));
    sim.near("trolley", Vec3::new(-0.9, 0.0, 0.3));
    sim.act(ActionKind::Read {
        object: "prescription".into(),
    });
    sim.choose("prescription-complete", &["complete"]);
    sim.act(ActionKind::Read {
        object: "patient-record".into(),
    });
    sim.choose("give-or-withhold", &["give"]);
    sim.act(ActionKind::Read {
        object: "amoxicillin".into(),
    });
    assert!(!sim.present("colleague"));
    sim.act(ActionKind::Instructor {
        event: "interruption".into(),
        by: Some("trainer".into()),
    });
    assert!(sim.present("colleague"), "the interrupting colleague shows");
    sim.act(ActionKind::Read {
        object: "amoxicillin".into(),
    });
    assert!(!sim.fact("preparation.interrupted"), "checked again");
    sim.stand(0.2, 0.0, -std::f32::consts::FRAC_PI_2);
    sim.choose("identify", &["state-name", "state-birth-date", "wristband"]);
    sim.act(ActionKind::Read {
        object: "wristband-wrong".into(),
    });
    sim.choose("identity-match", &["mismatch"]);
    assert_eq!(
        sim.step_status("spot-mismatch"),
        praxis::scoring::StepStatus::Done
    );
    assert!(sim.errors().is_empty(), "{:?}", sim.errors());
}

/// An incomplete prescription is clarified by phone before anything is prepared; the dose is
/// drawn from the right one of two look-alike bottles; at the bedside he reports a penicillin
/// allergy the record does not hold, and the dose is withheld and recorded.
#[test]
fn medication_clarified_prescription_look_alike_bottle_and_reported_allergy() {
    let mut sim = Sim::new("medication-administration", Mode::Guided)
        .with_faults(&["incomplete-prescription", "reported-allergy"]);
    assert!(sim.present("prescription-draft") && !sim.present("prescription"));
    assert!(sim.present("amoxicillin") && sim.present("amoxicillin-125"));
    sim.near("trolley", Vec3::new(-0.9, 0.0, 0.3));
    sim.act(ActionKind::Read {
        object: "prescription-draft".into(),
    });
    sim.choose("prescription-complete", &["clarify"]);
    sim.stand(-2.5, 0.6, std::f32::consts::FRAC_PI_2);
    sim.use_with_right("phone");
    sim.run(21.0);
    assert!(sim.present("prescription"), "the completed prescription");
    sim.near("trolley", Vec3::new(-0.9, 0.0, 0.3));
    for o in ["prescription", "patient-record", "obs-chart"] {
        sim.act(ActionKind::Read { object: o.into() });
    }
    prepare_and_explain(&mut sim);
    sim.choose("bedside-answer", &["withhold-allergy"]);
    sim.stand(-2.5, 0.6, std::f32::consts::FRAC_PI_2);
    sim.use_with_right("phone");
    sim.near("trolley", Vec3::new(-0.9, 0.0, 0.3));
    sim.use_with_right("patient-record");
    assert!(!sim.fact("dose.given"));
    assert!(sim.errors().is_empty(), "{:?}", sim.errors());
    sim.passes_perfectly();
}

/// Two attempts miss (fault): after the second, the learner stops and asks an experienced
/// colleague; the cannula-in steps are not applicable.
#[test]
fn peripheral_iv_two_missed_attempts_are_escalated() {
    let mut sim =
        Sim::new("peripheral-iv", Mode::Guided).with_faults(&["missed-vein", "missed-twice"]);
    let read = |sim: &mut Sim, o: &str| sim.act(ActionKind::Read { object: o.into() });
    read(&mut sim, "request");
    sim.choose("identify", &["state-name", "state-birth-date", "wristband"]);
    read(&mut sim, "wristband");
    sim.gesture("explain-and-consent", 5.0);
    sim.gesture("ask-history", 5.0);
    sim.choose("arm", &["right"]);
    sim.use_with_right("abhr-dispenser");
    sim.gesture("clean-tray", 10.0);
    read(&mut sim, "equipment");
    sim.use_with_right("extension-set");
    sim.grab(Hand::Right, "tourniquet");
    sim.put_on(Hand::Right, "tourniquet", "upper-arm");
    sim.gesture("palpate", 3.0);
    sim.choose("vein", &["straight-forearm"]);
    sim.use_with_right("abhr-dispenser");
    sim.use_with_right("glove-box");
    sim.gesture("chg-scrub", 30.0);
    sim.run(31.0);
    sim.gesture("anchor-and-warn", 2.0);
    sim.grab(Hand::Right, "iv-cannula");
    sim.put_on(Hand::Right, "iv-cannula", "forearm-vein");
    assert!(sim.fact("cannula.failed"));
    sim.gesture("withdraw-and-press", 3.0);
    sim.use_with_right("sharps-bin");
    sim.choose("new-site", &["above"]);
    sim.gesture("chg-scrub-upper", 30.0);
    sim.run(31.0);
    sim.grab(Hand::Right, "tourniquet");
    sim.put_on(Hand::Right, "tourniquet", "upper-arm");
    sim.grab(Hand::Right, "iv-cannula");
    sim.put_on(Hand::Right, "iv-cannula", "forearm-vein-upper");
    assert!(
        sim.fact("attempt.two-missed"),
        "the second attempt missed too"
    );
    sim.gesture("withdraw-and-press", 3.0);
    sim.use_with_right("sharps-bin");
    sim.gesture("ask-colleague", 3.0);
    sim.use_with_right("waste-bin");
    sim.use_with_right("abhr-dispenser");
    sim.use_with_right("patient-record");
    assert_eq!(
        sim.step_status("advance-2-mm"),
        praxis::scoring::StepStatus::NotApplicable
    );
    sim.passes_perfectly();
}

/// An instructor has Mr Martin ask whether the nurse cleaned her hands: the question comes first
/// in the instructions, and the answer is guidance.
#[test]
fn hand_hygiene_a_patient_asks_and_the_question_comes_first() {
    let mut sim = Sim::new("hand-hygiene", Mode::Guided);
    sim.act(ActionKind::Instructor {
        event: "patient-asks".into(),
        by: Some("trainer".into()),
    });
    let sc = sim.session().start.scenario.clone();
    let next = sim.session().tracker.next_steps();
    assert_eq!(
        next.first().map(|&s| sc.step_id(s).to_string()),
        Some("answer-patient".to_string())
    );
    sim.choose("patient-asks", &["thank-and-rub"]);
    assert_eq!(
        sim.step_status("answer-patient"),
        praxis::scoring::StepStatus::Guidance
    );
    assert!(sim.errors().is_empty(), "{:?}", sim.errors());
}
