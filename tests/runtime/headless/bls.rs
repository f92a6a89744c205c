//! Basic life support run through the real plugins: the perfect run from a desktop, and each
//! branch a seeded fault or an instructor opens — what the learner sees change in the room (his
//! breath, the water on his chest, his eyes opening, vomit) and what the tracker makes of it.

use super::*;

impl Sim {
    fn compressions(&mut self, n: usize, every: f32) {
        for _ in 0..n {
            self.act(ActionKind::Compress {
                object: Some("victim".into()),
                depth_mm: None,
                full_recoil: None,
                hands: None,
            });
            self.run(every - STEP.as_secs_f32());
        }
    }

    fn breaths(&mut self) {
        for _ in 0..2 {
            self.gesture("rescue-breath", 1.0);
            self.run(0.5);
        }
    }

    /// Danger, response, shout, airway, breathing, kneeling at his right side.
    fn assess(&mut self) {
        self.gesture("check-danger", 2.0);
        self.app.world_mut().resource_mut::<Rig>().kneeling = true;
        self.stand(-0.45, -0.4, -std::f32::consts::FRAC_PI_2);
        for (g, s) in [
            ("shake-and-shout", 3.0),
            ("shout-for-help", 2.0),
            ("head-tilt-chin-lift", 2.0),
            ("look-listen-feel", 8.0),
        ] {
            self.gesture(g, s);
        }
    }

    /// 30 compressions and 2 breaths, round after round, until the AED is in the room (it may come
    /// mid-round: the breaths then wait).
    fn thirty_two_until_the_aed(&mut self) {
        while !self.present("aed") {
            self.compressions(30, 0.55);
            if self.present("aed") {
                break;
            }
            self.breaths();
        }
    }

    /// Cardiac arrest: the call, the colleague sent, 30:2 until the AED (which appears only
    /// then), the AED on, the colleague compressing, the shirt opened (and the chest dried when
    /// wet), both pads stuck where they were put.
    fn cpr_until_the_pads(&mut self) {
        self.assess();
        assert!(self.present("colleague"), "the colleague comes when called");
        self.choose("breathing-normal", &["not-normal"]);
        self.use_with_right("phone");
        self.use_with_right("colleague");
        assert!(!self.present("colleague"), "the colleague left for the AED");
        self.thirty_two_until_the_aed();
        self.use_with_right("aed");
        self.gesture("colleague-compress", 1.0);
        assert!(self.present("colleague-compressing") && !self.present("colleague"));
        assert!(self.present("shirt") && !self.present("pad-site-right"));
        self.use_with_right("shirt");
        assert!(!self.present("shirt") && self.present("pad-site-right"));
        if self.present("chest-water") {
            self.grab(Hand::Left, "towel");
            self.put_on(Hand::Left, "towel", "chest-water");
            assert!(!self.present("chest-water"), "the chest is dry");
            self.act(ActionKind::Release {
                hand: Hand::Left,
                object: "towel".into(),
                on: None,
                position: None,
            });
            self.run(0.3);
        }
        for (pad, site) in [("pad-1", "pad-site-right"), ("pad-2", "pad-site-left-side")] {
            self.grab(Hand::Right, pad);
            self.put_on(Hand::Right, pad, site);
            let (p, at) = (self.position(pad), self.position(site));
            assert!(p.distance(at) < 0.05, "{pad} at {p}, {site} at {at}");
        }
        assert!(
            !self.present("colleague-compressing"),
            "the colleague stops when the AED analyses"
        );
    }

    /// Stand clear, shock, compressions at once.
    fn shock(&mut self) {
        self.run(6.5);
        self.gesture("stand-clear", 2.0);
        self.use_with_right("shock-button");
    }
}

/// The whole run from a desktop: the pads go on while the colleague compresses, the shock, two
/// minutes of CPR, the second analysis, the colleague taking over, the team arriving. Depth and
/// recoil cannot come from a mouse: not assessed.
#[test]
fn basic_life_support_perfect_run_passes_with_depth_not_assessed() {
    let mut sim = Sim::new("basic-life-support", Mode::Guided);
    assert!(!sim.present("colleague") && !sim.present("aed") && !sim.present("breath"));
    sim.cpr_until_the_pads();
    sim.shock();
    // Two minutes of 30:2, stopping when the AED analyses again.
    let analysing = |sim: &Sim| sim.fact("aed.analysing");
    sim.compressions(30, 0.55);
    while !analysing(&sim) {
        sim.breaths();
        for _ in 0..30 {
            if analysing(&sim) {
                break;
            }
            sim.compressions(1, 0.55);
        }
    }
    sim.run(6.5);
    sim.gesture("colleague-compress", 1.0);
    assert!(sim.present("colleague-compressing"));
    while !sim.present("emergency-team") {
        sim.run(1.0);
    }
    assert!(!sim.present("colleague-compressing"), "the team takes over");
    sim.gesture("handover", 5.0);
    let outcome = sim.passes_perfectly();
    let depth = outcome
        .criteria
        .iter()
        .find(|c| c.id == "depth")
        .expect("depth criterion");
    assert!(
        matches!(
            depth.result,
            Some(praxis::tracker::CriterionResult::NotAssessed)
        ),
        "{depth:?}"
    );
}

#[test]
fn basic_life_support_going_to_the_victim_without_checking_for_danger_fails() {
    let mut sim = Sim::new("basic-life-support", Mode::Assessment);
    sim.gesture("shake-and-shout", 3.0);
    sim.fails_with("no-danger-check");
}

/// He breathes normally: his breath shows in the room from the start, "yes" is the right answer,
/// the recovery position and the call follow, then watching his breathing (guidance).
#[test]
fn basic_life_support_a_man_who_breathes_normally_is_put_in_the_recovery_position() {
    let mut sim = Sim::new("basic-life-support", Mode::Guided).with_faults(&["breathing-normally"]);
    assert!(sim.present("breath"), "his breathing shows");
    sim.assess();
    sim.choose("breathing-normal", &["normal"]);
    sim.gesture("recovery-position", 6.0);
    sim.use_with_right("phone");
    sim.gesture("look-listen-feel", 8.0);
    assert_eq!(
        sim.step_status("recovery-position"),
        praxis::scoring::StepStatus::Done
    );
    assert_eq!(
        sim.step_status("watch-breathing"),
        praxis::scoring::StepStatus::Guidance
    );
    assert_eq!(
        sim.step_status("call-ems"),
        praxis::scoring::StepStatus::NotApplicable
    );
    let outcome = sim.finish();
    assert!(outcome.passed, "{outcome:#?}");
}

/// A wet chest shows once the shirt is open and is dried with the towel before the pads; the
/// AED then advises no shock and compressions resume at once.
#[test]
fn basic_life_support_wet_chest_dried_and_no_shock_advised() {
    let mut sim = Sim::new("basic-life-support", Mode::Guided)
        .with_faults(&["wet-chest", "no-shock-advised"]);
    sim.cpr_until_the_pads();
    assert_eq!(
        sim.step_status("chest-dry"),
        praxis::scoring::StepStatus::Done
    );
    assert!(sim.errors().is_empty(), "{:?}", sim.errors());
    sim.run(6.5);
    assert!(!sim.fact("aed.charged"));
    sim.compressions(30, 0.55);
    assert_eq!(
        sim.step_status("resume-after-no-shock"),
        praxis::scoring::StepStatus::Done
    );
    assert_eq!(
        sim.step_status("shock"),
        praxis::scoring::StepStatus::NotApplicable
    );
}

/// After the shock and 45 s of CPR he wakes up: his eyes open and his breath shows; the
/// learner stops and checks his breathing. An instructor makes him vomit on the way: the vomit
/// shows in his mouth until he is turned and his mouth cleared.
#[test]
fn basic_life_support_he_vomits_then_wakes_up_after_the_shock() {
    let mut sim = Sim::new("basic-life-support", Mode::Guided).with_faults(&["rosc"]);
    sim.cpr_until_the_pads();
    sim.shock();
    sim.compressions(30, 0.55);
    sim.act(ActionKind::Instructor {
        event: "vomits".into(),
        by: Some("trainer".into()),
    });
    assert!(sim.present("vomit"), "the vomit shows");
    sim.gesture("turn-and-clear", 6.0);
    assert!(!sim.present("vomit"), "his mouth is clear");
    // 30:2 until he wakes up; the learner stops at once.
    'cpr: loop {
        sim.breaths();
        for _ in 0..30 {
            if sim.present("eyes-open") {
                break 'cpr;
            }
            sim.compressions(1, 0.55);
        }
    }
    assert!(sim.present("breath"), "he breathes");
    sim.run(2.0);
    sim.gesture("look-listen-feel", 6.0);
    assert_eq!(
        sim.step_status("check-breathing-awake"),
        praxis::scoring::StepStatus::Done
    );
    assert!(sim.errors().is_empty(), "{:?}", sim.errors());
}

/// Two rescuers the other way round: the colleague calls and brings the AED while the learner
/// starts CPR at once; a medication patch where the right pad goes is peeled off, and with a
/// pacemaker under the right collarbone the right pad goes below it.
#[test]
fn basic_life_support_colleague_calls_patch_off_pad_below_the_pacemaker() {
    let mut sim = Sim::new("basic-life-support", Mode::Guided)
        .with_faults(&["medication-patch", "implanted-device"]);
    sim.assess();
    sim.choose("breathing-normal", &["not-normal"]);
    sim.gesture("colleague-call-and-aed", 1.0);
    assert!(
        !sim.present("colleague"),
        "the colleague left to call and fetch"
    );
    sim.thirty_two_until_the_aed();
    sim.use_with_right("aed");
    sim.gesture("colleague-compress", 1.0);
    sim.use_with_right("shirt");
    assert!(sim.present("patch") && sim.present("device-bump"));
    sim.use_with_right("patch");
    assert!(!sim.present("patch"), "the patch is off");
    assert_eq!(
        sim.step_status("chest-dry"),
        praxis::scoring::StepStatus::Done
    );
    for (pad, site) in [
        ("pad-1", "pad-site-right-low"),
        ("pad-2", "pad-site-left-side"),
    ] {
        sim.grab(Hand::Right, pad);
        sim.put_on(Hand::Right, pad, site);
    }
    assert_eq!(
        sim.step_status("colleague-calls"),
        praxis::scoring::StepStatus::Done
    );
    assert_eq!(
        sim.step_status("pad-right"),
        praxis::scoring::StepStatus::Done
    );
    assert!(sim.errors().is_empty(), "{:?}", sim.errors());
}
