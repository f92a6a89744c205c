//! Whole scenarios through the real plugins with no window: intents in (what the desktop
//! controls produce), physics and the tracker in between, a scored and recorded session out.
//!
//! One file for the runtime's whole-scenario runs, which share one simulated learner (`Sim`);
//! it is divided by scenario family when the runtime is split into layers.

use bevy::prelude::*;
use praxis::action::{ActionKind, Hand};
use praxis::record;
use praxis::runtime::interact::{Body, Intent, Rig};
use praxis::runtime::scene::Obj;
use praxis::runtime::session::Session;
use praxis::scenario::Scenario;
use praxis::scoring::SessionOutcome;
use praxis::tracker::Mode;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// Simulated time per update (one physics step).
const STEP: Duration = Duration::from_micros(16_667);

struct Sim {
    app: App,
    records: PathBuf,
}

fn temp_dir(name: &str) -> PathBuf {
    static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let d = std::env::temp_dir().join(format!("praxis-runtime-{}-{name}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn load(id: &str) -> (PathBuf, Arc<Scenario>) {
    let path = super::root().join("scenarios").join(format!("{id}.ron"));
    let assets = super::root().join("assets");
    let sc =
        praxis::runtime::catalog::load(&path, &assets).unwrap_or_else(|p| panic!("{}", p.long));
    (path, Arc::new(sc))
}

impl Sim {
    fn new(id: &str, mode: Mode) -> Sim {
        let records = temp_dir(id);
        let mut app =
            praxis::runtime::headless(super::root().join("assets"), Some(records.clone()), STEP);
        let (path, sc) = load(id);
        // Reproducible: a fixed seed, and every fault off (a test that wants one turns it on).
        app.insert_resource(praxis::runtime::SessionOverrides {
            seed: Some(0),
            faults: sc
                .index
                .faults
                .iter()
                .map(|f| (f.id.clone(), false))
                .collect(),
            ..Default::default()
        });
        praxis::runtime::start(&mut app, &path, sc, mode);
        let mut sim = Sim { app, records };
        // Let objects settle on their surfaces.
        sim.run(1.0);
        sim
    }

    fn run(&mut self, secs: f32) {
        let n = (secs / STEP.as_secs_f32()).round() as usize;
        for _ in 0..n {
            self.app.update();
        }
    }

    fn send(&mut self, i: Intent) {
        self.app.world_mut().write_message(i);
        self.app.update();
    }

    fn act(&mut self, kind: ActionKind) {
        self.send(Intent::Do(kind));
    }

    /// Puts the learner at a point, looking along a yaw.
    fn stand(&mut self, x: f32, z: f32, yaw: f32) {
        let w = self.app.world_mut();
        {
            let mut rig = w.resource_mut::<Rig>();
            rig.position = Vec3::new(x, 0.0, z);
            rig.yaw = yaw;
        }
        let mut q = w.query_filtered::<&mut Transform, With<Body>>();
        for mut t in q.iter_mut(w) {
            t.translation = Vec3::new(x, 0.9, z);
        }
        self.run(0.3);
    }

    fn entity(&mut self, id: &str) -> Entity {
        let w = self.app.world_mut();
        let mut q = w.query::<(Entity, &Obj)>();
        q.iter(w)
            .find(|(_, o)| o.id == id)
            .map(|(e, _)| e)
            .unwrap_or_else(|| panic!("no object {id}"))
    }

    fn position(&mut self, id: &str) -> Vec3 {
        let e = self.entity(id);
        self.app.world().get::<Transform>(e).unwrap().translation
    }

    fn session(&self) -> &Session {
        self.app.world().resource::<Session>()
    }

    fn gesture(&mut self, id: &str, secs: f32) {
        self.act(ActionKind::Gesture {
            gesture: id.into(),
            duration_ms: (secs * 1000.0) as u64,
            object: None,
        });
        self.run(secs);
    }

    fn finish(&mut self) -> SessionOutcome {
        self.act(ActionKind::Finish);
        self.session().outcome.clone().expect("finished")
    }

    /// The record written for the session, read back and re-scored.
    fn replayed(&self) -> (record::Record, record::Replay) {
        let path = self
            .session()
            .record_path
            .clone()
            .expect("a record was written");
        assert!(path.starts_with(&self.records));
        let bytes = std::fs::read(&path).unwrap();
        let rec = record::read(&bytes).unwrap();
        assert_eq!(
            rec.integrity,
            record::Integrity::Complete,
            "{}",
            path.display()
        );
        let rep = record::replay(&rec, self.session().start.scenario.clone());
        (rec, rep)
    }

    /// Ends the session; it must pass with full marks, and its record re-score to it.
    fn passes_perfectly(&mut self) -> SessionOutcome {
        let outcome = self.finish();
        assert!(outcome.passed, "{outcome:#?}\n{}", self.log());
        assert_eq!(outcome.score.scaled, 1.0, "{}", self.log());
        let (rec, rep) = self.replayed();
        assert!(rep.matches(&rec), "{:?}", rep.differences);
        outcome
    }

    /// Ends the session; it must fail with this critical entry, and its record re-score to it.
    fn fails_with(&mut self, critical: &str) {
        let outcome = self.finish();
        assert!(!outcome.passed);
        assert!(
            outcome.critical.iter().any(|c| c.id == critical),
            "{:#?}",
            outcome.critical
        );
        let (rec, rep) = self.replayed();
        assert!(rep.matches(&rec), "{:?}", rep.differences);
    }

    fn touched(&self, a: &str, b: &str) -> bool {
        self.session().actions.iter().any(|x| matches!(&x.kind, ActionKind::Touch { a: p, b: q } if p.as_str() == a && q.as_str() == b))
    }
}

impl Sim {
    fn choose(&mut self, decision: &str, choices: &[&str]) {
        self.act(ActionKind::Choose {
            decision: decision.into(),
            choices: choices.iter().map(|&c| c.into()).collect(),
        });
        self.run(1.0);
    }

    fn use_with_right(&mut self, object: &str) {
        self.act(ActionKind::Use {
            object: object.into(),
            hand: Some(Hand::Right),
        });
        self.run(0.5);
    }

    /// A WHO hand rub at the dispenser: a palmful, the six movements of 3 s each while the
    /// product is wet, then rubbing on until the hands are dry (24 s in all).
    fn hand_rub(&mut self) {
        self.stand(-0.6, -1.3, 0.0);
        self.use_with_right("abhr-dispenser");
        for g in [
            "palm-to-palm",
            "backs-of-hands",
            "interlaced-fingers",
            "backs-of-fingers",
            "thumbs",
            "fingertips",
        ] {
            self.gesture(g, 3.0);
        }
        self.gesture("keep-rubbing", 6.0);
    }

    /// Stands beside Mr Martin's bed, facing it (+x), and touches his wrist.
    fn touch_mr_martin(&mut self, hand: Hand) {
        self.stand(0.2, 0.0, -std::f32::consts::FRAC_PI_2);
        self.send(Intent::Touch {
            hand,
            at: Vec3::new(0.7, 0.8, 0.1),
        });
        self.run(1.0);
    }
}

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
fn grabbed_objects_are_carried_placed_and_fall_with_physics() {
    let mut sim = Sim::new("hand-hygiene", Mode::Guided);
    // The phone rests on the bedside table (top at 0.75 m).
    let p = sim.position("phone");
    assert!((p.y - 0.75).abs() < 0.03, "phone at {p}");
    sim.stand(0.0, -0.55, 0.0);
    let phone = sim.entity("phone");
    sim.send(Intent::Grab {
        hand: Hand::Left,
        object: phone,
    });
    sim.run(1.0);
    let held = sim.position("phone");
    let hand = sim
        .app
        .world()
        .resource::<Rig>()
        .hand_rest(Hand::Left, true)
        .translation;
    assert!(
        held.distance(hand) < 0.15,
        "carried phone at {held}, hand at {hand}"
    );
    // A second grab with the same hand is refused: one thing per hand.
    let towels = sim.entity("phone");
    sim.send(Intent::Grab {
        hand: Hand::Left,
        object: towels,
    });
    // Put it on the bed.
    sim.stand(0.1, 0.6, -std::f32::consts::FRAC_PI_2);
    sim.send(Intent::Place {
        hand: Hand::Left,
        at: Vec3::new(0.6, 0.6, 0.93),
    });
    sim.run(1.5);
    let on_bed = sim.position("phone");
    assert!(
        (on_bed.y - 0.6).abs() < 0.03 && on_bed.x > 0.45,
        "phone put on the bed rests at {on_bed}"
    );
    let release = sim.session().actions.iter().find_map(|a| match &a.kind {
        ActionKind::Release { on, .. } => Some(on.clone()),
        _ => None,
    });
    assert_eq!(
        release.flatten().map(|o| o.to_string()).as_deref(),
        Some("bed")
    );
    // Picked up again and let go in the air: it falls to the floor and stays in the room.
    let phone = sim.entity("phone");
    sim.send(Intent::Grab {
        hand: Hand::Right,
        object: phone,
    });
    sim.run(0.5);
    // Turned away from the bed, over the floor.
    sim.stand(0.1, 0.0, std::f32::consts::FRAC_PI_2);
    sim.send(Intent::Drop { hand: Hand::Right });
    sim.run(2.0);
    let fallen = sim.position("phone");
    assert!(
        fallen.y < 0.05 && fallen.y > -0.01,
        "dropped phone rests at {fallen}"
    );
    let grabs = sim
        .session()
        .actions
        .iter()
        .filter(|a| matches!(a.kind, ActionKind::Grab { .. }))
        .count();
    assert_eq!(grabs, 2, "{:#?}", sim.session().actions);
}

#[test]
fn a_carried_object_does_not_pass_through_a_wall() {
    let mut sim = Sim::new("hand-hygiene", Mode::Guided);
    sim.stand(0.0, -0.55, 0.0);
    let phone = sim.entity("phone");
    sim.send(Intent::Grab {
        hand: Hand::Right,
        object: phone,
    });
    sim.run(0.5);
    // Walk into the back wall (z = −2) and keep pushing.
    for _ in 0..120 {
        sim.app
            .world_mut()
            .resource_mut::<praxis::runtime::intents::WalkInput>()
            .0 = Vec3::new(0.0, 0.0, -1.4);
        sim.app.update();
    }
    let p = sim.position("phone");
    assert!(p.z > -2.0, "the phone went through the wall: {p}");
    let body = sim.app.world().resource::<Rig>().position;
    assert!(body.z > -1.8, "the learner went through the wall: {body}");
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

impl Sim {
    /// Walks towards `to` (on the floor) with the desktop's walking input, through the character
    /// controller; whether it got within 0.15 m in 10 s.
    fn walk_to(&mut self, to: Vec3) -> bool {
        for _ in 0..(10.0 / STEP.as_secs_f32()) as usize {
            let at = self.app.world().resource::<Rig>().position;
            let d = (to - at).with_y(0.0);
            if d.length() < 0.15 {
                self.app
                    .world_mut()
                    .resource_mut::<praxis::runtime::intents::WalkInput>()
                    .0 = Vec3::ZERO;
                self.run(0.2);
                return true;
            }
            self.app
                .world_mut()
                .resource_mut::<praxis::runtime::intents::WalkInput>()
                .0 = d.normalize() * 1.2;
            self.app.update();
        }
        self.app
            .world_mut()
            .resource_mut::<praxis::runtime::intents::WalkInput>()
            .0 = Vec3::ZERO;
        false
    }

    /// Stands 0.55 m from an object, on the side towards `from`, facing it.
    fn near(&mut self, id: &str, from: Vec3) {
        let p = self.position(id).with_y(0.0);
        let d = (from.with_y(0.0) - p).normalize_or_zero();
        let at = p + d * 0.55;
        let to = p - at;
        self.stand(at.x, at.z, (-to.x).atan2(-to.z));
    }

    fn grab(&mut self, hand: Hand, id: &str) {
        let e = self.entity(id);
        self.send(Intent::Grab { hand, object: e });
        self.run(0.4);
    }

    fn put_on(&mut self, hand: Hand, object: &str, target: &str) {
        self.act(ActionKind::UseOn {
            object: object.into(),
            target: target.into(),
            hand: Some(hand),
        });
        self.run(0.3);
    }

    /// The actions so far, one per line, as an event log writes them.
    fn log(&self) -> String {
        self.session()
            .actions
            .iter()
            .map(praxis::eventlog::format_action)
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn errors(&self) -> Vec<String> {
        let sc = self.session().start.scenario.clone();
        self.session()
            .log
            .iter()
            .filter_map(|(_, f)| match f.kind {
                praxis::tracker::FeedbackKind::Error { error, .. } => {
                    Some(sc.model.errors[error as usize].id.to_string())
                }
                _ => None,
            })
            .collect()
    }
}

/// Gowning for grade B through the interaction layer: items put away with real placing, each
/// garment picked up and put on, feet stepped over the bench one at a time (their contact with
/// the clean floor is the touch the procedure asks for), checks, the mirror, the door.
#[test]
fn cleanroom_gowning_perfect_run_passes_and_replays() {
    let mut sim = Sim::new("cleanroom-gowning", Mode::Guided);
    let lockers = Vec3::new(-3.0, 0.0, 0.1);
    let dirty = Vec3::new(-1.2, 0.0, 0.2);
    let clean = Vec3::new(1.3, 0.0, 0.2);
    // Locker room: personal items into the locker.
    sim.near("phone", lockers);
    sim.grab(Hand::Right, "phone");
    sim.send(Intent::Place {
        hand: Hand::Right,
        at: Vec3::new(-3.55, 1.8, -1.6),
    });
    sim.run(0.5);
    sim.near("ring", lockers);
    sim.grab(Hand::Left, "ring");
    sim.send(Intent::Place {
        hand: Hand::Left,
        at: Vec3::new(-3.7, 1.8, -1.7),
    });
    sim.run(0.5);
    // Outdoor clothes off, facility clothing on.
    sim.near("locker", lockers);
    sim.act(ActionKind::Use {
        object: "locker".into(),
        hand: Some(Hand::Right),
    });
    for (item, target) in [
        ("facility-suit", "torso"),
        ("facility-socks", "left-foot"),
        ("bouffant-cap", "head"),
    ] {
        sim.near(item, lockers);
        sim.grab(Hand::Right, item);
        sim.put_on(Hand::Right, item, target);
    }
    // The wall between the stages holds; the doorway lets the learner through.
    sim.stand(-2.8, -0.8, 0.0);
    assert!(
        !sim.walk_to(Vec3::new(-1.5, 0.0, -0.8)),
        "walked through the wall"
    );
    assert!(sim.app.world().resource::<Rig>().position.x < -2.2);
    assert!(!sim.touched("left-foot", "dirty-floor"));
    sim.stand(-2.8, 0.85, 0.0);
    assert!(
        sim.walk_to(Vec3::new(-1.5, 0.0, 0.85)),
        "the doorway is blocked"
    );
    assert!(
        sim.touched("left-foot", "dirty-floor") || sim.touched("right-foot", "dirty-floor"),
        "{}",
        sim.log()
    );
    // Wash and dry the hands.
    sim.near("sink", dirty);
    sim.act(ActionKind::Gesture {
        gesture: "wash-hands".into(),
        duration_ms: 30_000,
        object: Some("sink".into()),
    });
    sim.near("paper-towels", dirty);
    sim.act(ActionKind::Use {
        object: "paper-towels".into(),
        hand: Some(Hand::Right),
    });
    // Seated on the bench: cover a foot, swing it over, then the other.
    sim.stand(-0.45, 1.0, -std::f32::consts::FRAC_PI_2);
    sim.run(0.5);
    sim.put_on(Hand::Right, "overshoes", "left-foot");
    sim.send(Intent::Step {
        foot: "left-foot".into(),
        at: Vec3::new(0.35, 0.0, 1.05),
    });
    sim.run(0.3);
    sim.put_on(Hand::Right, "overshoes", "right-foot");
    sim.send(Intent::Step {
        foot: "right-foot".into(),
        at: Vec3::new(0.35, 0.0, 0.8),
    });
    sim.run(0.3);
    assert!(
        sim.touched("left-foot", "clean-floor") && sim.touched("right-foot", "clean-floor"),
        "{}",
        sim.log()
    );
    // On the clean side.
    sim.stand(0.5, 0.9, std::f32::consts::FRAC_PI_2);
    sim.near("hand-disinfectant", clean);
    sim.act(ActionKind::Use {
        object: "hand-disinfectant".into(),
        hand: Some(Hand::Right),
    });
    sim.near("garment-packs", clean);
    sim.act(ActionKind::Read {
        object: "garment-packs".into(),
    });
    sim.act(ActionKind::Choose {
        decision: "pack-check".into(),
        choices: vec!["all-fit".into()],
    });
    // Standing in front of the gloves, as a careful operator does: carried in a bare hand, they
    // would carry its germs onto a pack they brushed.
    sim.near("sterile-gloves", clean);
    sim.grab(Hand::Right, "sterile-gloves");
    sim.put_on(Hand::Right, "sterile-gloves", "right-hand");
    sim.near("garment-packs", clean);
    for (item, target) in [
        ("hood", "head"),
        ("facemask", "head"),
        ("coverall", "torso"),
    ] {
        sim.grab(Hand::Right, item);
        sim.put_on(Hand::Right, item, target);
    }
    sim.gesture("zip-coverall", 3.0);
    sim.gesture("tuck-hood", 4.0);
    sim.grab(Hand::Right, "overboots");
    sim.put_on(Hand::Right, "overboots", "left-foot");
    sim.grab(Hand::Right, "goggles");
    sim.put_on(Hand::Right, "goggles", "head");
    sim.grab(Hand::Left, "outer-gloves");
    sim.put_on(Hand::Left, "outer-gloves", "right-hand");
    sim.near("hand-disinfectant", clean);
    sim.act(ActionKind::Use {
        object: "hand-disinfectant".into(),
        hand: Some(Hand::Right),
    });
    sim.near("mirror", clean);
    sim.act(ActionKind::Read {
        object: "mirror".into(),
    });
    sim.act(ActionKind::Choose {
        decision: "mirror-check".into(),
        choices: vec!["gown-complete".into()],
    });
    sim.near("airlock-door", clean);
    sim.act(ActionKind::Use {
        object: "airlock-door".into(),
        hand: Some(Hand::Right),
    });
    // Every garment was picked up by a hand before it was put on.
    for item in [
        "facility-suit",
        "facility-socks",
        "bouffant-cap",
        "sterile-gloves",
        "hood",
        "facemask",
        "coverall",
        "overboots",
        "goggles",
        "outer-gloves",
    ] {
        assert!(
            sim.log().contains(&format!("grab {item} with")),
            "{item} was not picked up:\n{}",
            sim.log()
        );
    }
    let outcome = sim.finish();
    assert!(
        outcome.passed,
        "errors {:?}\n{}\n{outcome:#?}",
        sim.errors(),
        sim.log()
    );
    assert_eq!(
        outcome.score.scaled,
        1.0,
        "errors {:?}\n{}\n{:#?}",
        sim.errors(),
        sim.log(),
        outcome.steps
    );
    let (rec, rep) = sim.replayed();
    assert!(rep.matches(&rec), "{:?}", rep.differences);
}

#[test]
fn cleanroom_gowning_entering_without_the_mirror_check_fails() {
    let mut sim = Sim::new("cleanroom-gowning", Mode::Assessment);
    sim.stand(2.0, 0.8, -std::f32::consts::FRAC_PI_2);
    sim.act(ActionKind::Use {
        object: "airlock-door".into(),
        hand: Some(Hand::Right),
    });
    sim.fails_with("entered-without-mirror-check");
}

/// Hot reload, as an instructor uses it: a broken save keeps the session running and shows
/// where the problem is; a valid save restarts the session on the new version and closes the
/// old record as abandoned.
#[test]
fn hot_reload_keeps_a_broken_save_out_and_restarts_on_a_valid_one() {
    let dir = temp_dir("reload");
    let file = dir.join("hand-hygiene.ron");
    let original =
        std::fs::read_to_string(super::root().join("scenarios/hand-hygiene.ron")).unwrap();
    std::fs::write(&file, &original).unwrap();
    let assets = super::root().join("assets");
    let sc = Arc::new(
        praxis::runtime::catalog::load(&file, &assets).unwrap_or_else(|p| panic!("{}", p.long)),
    );
    let mut app = praxis::runtime::headless(assets, Some(dir.join("records")), STEP);
    praxis::runtime::start(&mut app, &file, sc, Mode::Guided);
    let mut sim = Sim {
        app,
        records: dir.join("records"),
    };
    sim.run(1.0);
    sim.act(ActionKind::Choose {
        decision: "moment-pulse".into(),
        choices: vec!["moment-1".into()],
    });
    let first_record = sim.session().record_path.clone().unwrap();

    // A broken save: an unknown field.
    std::fs::write(
        &file,
        original.replace("pass_mark: 0.8,", "pass_mark: 0.8,\n        bogus: 1,"),
    )
    .unwrap();
    sim.run(1.0);
    let err = sim
        .app
        .world()
        .resource::<praxis::runtime::reload::ReloadStatus>()
        .error
        .clone();
    let err = err.expect("the broken file's diagnostics are shown");
    assert!(
        err.contains("bogus") && err.contains("hand-hygiene.ron"),
        "{err}"
    );
    assert_eq!(sim.session().actions.len(), 1, "the session goes on");

    // A valid save: the session restarts on the new version.
    let edited = original.replace("Take Mr Martin's pulse", "Take Mr Martin's radial pulse");
    std::fs::write(&file, &edited).unwrap();
    sim.run(1.0);
    assert!(
        sim.app
            .world()
            .resource::<praxis::runtime::reload::ReloadStatus>()
            .error
            .is_none()
    );
    assert!(sim.session().actions.is_empty(), "a new session started");
    let title = sim
        .session()
        .start
        .scenario
        .step_model("take-pulse")
        .unwrap()
        .title
        .get("en")
        .to_string();
    assert_eq!(title, "Take Mr Martin's radial pulse");
    // The old record is closed, unfinished, and still re-scores to what it stores.
    let rec = record::read(&std::fs::read(&first_record).unwrap()).unwrap();
    assert_eq!(rec.integrity, record::Integrity::Complete);
    let footer = rec.footer.clone().unwrap();
    assert!(!footer.outcome.finished);
    let old = Arc::new(Scenario::from_ron_str(&file.display().to_string(), &original).unwrap());
    assert!(record::replay(&rec, old).matches(&rec));
}

impl Sim {
    fn compressions(&mut self, n: usize, every: f32) {
        for _ in 0..n {
            self.act(ActionKind::Compress {
                object: Some("victim".into()),
                depth_mm: None,
                full_recoil: None,
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

    fn present(&mut self, id: &str) -> bool {
        let w = self.app.world_mut();
        let mut q = w.query::<(&Obj, Has<bevy_rapier3d::prelude::ColliderDisabled>)>();
        !q.iter(w)
            .find(|(o, _)| o.id == id)
            .unwrap_or_else(|| panic!("no object {id}"))
            .1
    }
}

/// Basic life support from the desktop: the assessment, the call, 30:2 at 109 a minute until
/// the colleague brings the AED (which appears in the room only then), pads, shock, CPR at once.
/// Depth and recoil cannot come from a mouse: not assessed.
#[test]
fn basic_life_support_perfect_run_passes_with_depth_not_assessed() {
    let mut sim = Sim::new("basic-life-support", Mode::Guided);
    assert!(!sim.present("colleague") && !sim.present("aed"));
    sim.gesture("check-danger", 2.0);
    {
        let mut rig = sim.app.world_mut().resource_mut::<Rig>();
        rig.kneeling = true;
    }
    sim.stand(-0.45, -0.4, -std::f32::consts::FRAC_PI_2);
    for (g, s) in [
        ("shake-and-shout", 3.0),
        ("shout-for-help", 2.0),
        ("head-tilt-chin-lift", 2.0),
        ("look-listen-feel", 8.0),
    ] {
        sim.gesture(g, s);
    }
    assert!(sim.present("colleague"), "the colleague comes when called");
    sim.choose("breathing-normal", &["not-normal"]);
    sim.use_with_right("phone");
    sim.use_with_right("colleague");
    // 30:2 until the AED arrives, 60 s after the colleague was sent.
    while !sim.present("aed") {
        sim.compressions(30, 0.55);
        if sim.present("aed") {
            break;
        }
        sim.breaths();
    }
    sim.use_with_right("aed");
    sim.compressions(6, 0.55);
    for (pad, site, hand) in [
        ("pad-1", "pad-site-right", Hand::Right),
        // The same hand: a pad stuck on the chest stays there and frees the hand.
        ("pad-2", "pad-site-left-side", Hand::Right),
    ] {
        sim.grab(hand, pad);
        sim.put_on(hand, pad, site);
        let (p, at) = (sim.position(pad), sim.position(site));
        assert!(p.distance(at) < 0.05, "{pad} at {p}, {site} at {at}");
    }
    sim.run(6.5);
    sim.gesture("stand-clear", 2.0);
    sim.use_with_right("shock-button");
    // The emergency team arrives 60 s after the shock, during the third round.
    sim.compressions(30, 0.55);
    for _ in 0..3 {
        sim.breaths();
        sim.compressions(30, 0.55);
    }
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

/// Medication administration through the app: the prescription and the record read at the
/// trolley, the volume typed in, the syringe labelled and carried to the bedside, the patient
/// identified, the dose given and recorded.
fn medication_run(sim: &mut Sim, allergy_ignored: bool) {
    sim.near("trolley", Vec3::new(-0.9, 0.0, 0.3));
    for o in ["prescription", "patient-record"] {
        sim.act(ActionKind::Read { object: o.into() });
    }
    sim.choose("give-or-withhold", &["give"]);
    sim.stand(-0.2, -1.4, 0.0);
    sim.use_with_right("abhr-dispenser");
    sim.near("trolley", Vec3::new(-0.9, 0.0, 0.3));
    sim.act(ActionKind::Read {
        object: "amoxicillin".into(),
    });
    sim.grab(Hand::Right, "oral-syringe");
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
    sim.gesture("explain", 5.0);
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
    }
}

#[test]
fn medication_administration_perfect_run_passes() {
    let mut sim = Sim::new("medication-administration", Mode::Guided);
    medication_run(&mut sim, false);
    sim.passes_perfectly();
}

/// Back to the start screen from the pause menu: the session ends (abandoned), the room goes
/// (scoped to the session's screens), and nothing stays open over the start screen.
#[test]
fn back_to_the_start_screen_from_the_pause_menu_clears_the_room_and_the_overlay() {
    use praxis::runtime::flow::{BackToMenu, Overlay, Screen};
    let mut sim = Sim::new("hand-hygiene", Mode::Guided);
    sim.run(0.5);
    let room = |sim: &mut Sim| {
        sim.app
            .world_mut()
            .query_filtered::<(), With<praxis::runtime::scene::RoomItem>>()
            .iter(sim.app.world())
            .count()
    };
    assert!(room(&mut sim) > 0);
    sim.app
        .world_mut()
        .resource_mut::<NextState<Overlay>>()
        .set(Overlay::Paused);
    sim.app.update();
    sim.app.world_mut().trigger(BackToMenu);
    sim.app.update();
    let world = sim.app.world();
    assert_eq!(*world.resource::<State<Screen>>().get(), Screen::Menu);
    assert_eq!(*world.resource::<State<Overlay>>().get(), Overlay::None);
    assert!(!world.contains_resource::<praxis::runtime::session::Session>());
    assert_eq!(room(&mut sim), 0, "the room goes with the session");
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
    sim.stand(-0.2, -1.4, 0.0);
    sim.use_with_right("abhr-dispenser");
    sim.near("trolley", Vec3::new(-0.9, 0.0, 0.3));
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

impl Sim {
    /// Plays an event log through the interaction layer as stated actions, the app running in
    /// between for the time that passes (a `wait` fast-forwards the session clock).
    fn play(&mut self, log: &str) {
        let path = super::root().join("tests/playthroughs").join(log);
        let text = std::fs::read_to_string(&path).unwrap();
        let log =
            praxis::eventlog::parse(log, &text).unwrap_or_else(|r| panic!("{}", r.render_short()));
        for a in log.actions {
            if matches!(a.kind, ActionKind::Finish) {
                break;
            }
            let now = self.session().clock_ms;
            if a.at.0 > now {
                self.run((a.at.0 - now) as f32 / 1000.0);
            }
            self.act(a.kind);
        }
    }
}

/// A coverall discarded into the reject container: the spare pack is back where the first one
/// lay; and the recovery playthrough (touched, discarded, gloves disinfected, the spare put on)
/// passes through the app with the touch's penalty.
#[test]
fn gowning_recovery_puts_a_new_coverall_where_the_first_lay() {
    let mut sim = Sim::new("cleanroom-gowning", Mode::Guided);
    let start = sim.position("coverall");
    sim.act(ActionKind::Grab {
        hand: Hand::Right,
        object: "coverall".into(),
    });
    sim.run(0.5);
    sim.act(ActionKind::Release {
        hand: Hand::Right,
        object: "coverall".into(),
        on: Some("reject-bin".into()),
        position: None,
    });
    sim.run(0.5);
    let coverall = sim.session().start.scenario.index.entity_ids["coverall"];
    assert_eq!(sim.session().tracker.replaced(coverall), 1, "{}", sim.log());
    let now = sim.position("coverall");
    assert!(now.distance(start) < 0.05, "{start} → {now}");

    let mut sim = Sim::new("cleanroom-gowning", Mode::Guided);
    sim.play("cleanroom-gowning/coverall-dropped-and-replaced.events");
    let outcome = sim.finish();
    assert!(outcome.passed, "{}", sim.log());
    assert_eq!(outcome.replaced.len(), 1);
}

/// Buffer preparation through the app, from its perfect playthrough: the balance, the pH and
/// conductivity meters read the world state; the cooling is fast-forwarded.
#[test]
fn buffer_preparation_perfect_run_passes() {
    let mut sim = Sim::new("buffer-preparation", Mode::Guided);
    sim.play("buffer-preparation/perfect.events");
    sim.passes_perfectly();
}

#[test]
fn buffer_preparation_nacl_before_tris_fails() {
    let mut sim = Sim::new("buffer-preparation", Mode::Assessment);
    sim.play("buffer-preparation/nacl-before-tris.events");
    sim.fails_with("nacl-before-tris");
}

/// The filter integrity test through the app, from its playthroughs: the tester reads the
/// twin's bubble point; the waits are fast-forwarded.
#[test]
fn filter_integrity_test_perfect_run_passes() {
    let mut sim = Sim::new("filter-integrity-test", Mode::Guided);
    sim.play("filter-integrity-test/perfect.events");
    sim.passes_perfectly();
}

#[test]
fn filter_integrity_test_filter_removed_before_the_post_use_test_fails() {
    let mut sim = Sim::new("filter-integrity-test", Mode::Assessment);
    sim.play("filter-integrity-test/removed-before-post-use-test.events");
    sim.fails_with("removed-before-post-use-test");
}

/// Bioreactor inoculation through the app, from its playthroughs: the controller's readouts and
/// the load cell read the twin.
#[test]
fn bioreactor_inoculation_perfect_run_passes() {
    let mut sim = Sim::new("bioreactor-inoculation", Mode::Guided);
    sim.play("bioreactor-inoculation/perfect.events");
    sim.passes_perfectly();
}

#[test]
fn bioreactor_inoculation_pulling_the_weld_fails() {
    let mut sim = Sim::new("bioreactor-inoculation", Mode::Assessment);
    sim.play("bioreactor-inoculation/pulled-the-weld.events");
    sim.fails_with("pulled-the-weld");
}

/// Aseptic transfer in the safety cabinet through the app, from its playthroughs: the purge is
/// fast-forwarded; contamination spreads by touch through the gloves.
#[test]
fn aseptic_bsc_transfer_perfect_run_passes() {
    let mut sim = Sim::new("aseptic-bsc-transfer", Mode::Guided);
    sim.play("aseptic-bsc-transfer/perfect.events");
    sim.passes_perfectly();
}

#[test]
fn aseptic_bsc_transfer_gloves_soiled_by_the_sash_fail() {
    let mut sim = Sim::new("aseptic-bsc-transfer", Mode::Assessment);
    sim.play("aseptic-bsc-transfer/touched-the-sash-mid-work.events");
    sim.fails_with("contaminated-gloves-at-the-critical-site");
}

// ----- VR: tracked poses in, the same learner actions out --------------------------------------

use praxis::runtime::vr::{HandInput, VrActive, VrInput};

fn palm(at: Vec3, grip: f32, trigger: f32) -> Option<HandInput> {
    Some(HandInput {
        pose: Transform::from_translation(at),
        aim: Transform::from_translation(at),
        grip,
        trigger,
        stick: Vec2::ZERO,
    })
}

/// A head at `at`, looking at `towards`.
fn head(at: Vec3, towards: Vec3) -> Transform {
    Transform::from_translation(at).looking_at(towards, Vec3::Y)
}

impl Sim {
    /// A headset drives the learner from now on.
    fn headset(&mut self) {
        self.app.insert_resource(VrActive);
    }

    /// One frame of tracked poses.
    fn pose(&mut self, head: Transform, left: Option<HandInput>, right: Option<HandInput>) {
        *self.app.world_mut().resource_mut::<VrInput>() = VrInput {
            head: Some(head),
            hands: [left, right],
        };
        self.app.update();
    }

    /// The right hand moved from `from` to `to` over `secs`, its grip held at `grip`.
    fn move_right(&mut self, h: Transform, from: Vec3, to: Vec3, grip: f32, secs: f32) {
        let n = (secs / STEP.as_secs_f32()).round().max(1.0) as usize;
        for i in 1..=n {
            let p = from.lerp(to, i as f32 / n as f32);
            self.pose(h, None, palm(p, grip, 0.0));
        }
    }

    fn actions_of(&self, f: impl Fn(&ActionKind) -> bool) -> Vec<praxis::action::LearnerAction> {
        self.session()
            .actions
            .iter()
            .filter(|a| f(&a.kind))
            .cloned()
            .collect()
    }
}

/// Closing the hand on the phone picks it up; carried over the locker and opened, the hand puts
/// it down there: the gowning step done with a hand, not a key.
#[test]
fn vr_grip_grabs_carries_and_lets_go_onto_a_surface() {
    let mut sim = Sim::new("cleanroom-gowning", Mode::Guided);
    sim.headset();
    let phone = sim.position("phone");
    let h = head(phone + Vec3::new(0.0, 0.75, 0.45), phone);
    let at = phone + Vec3::Y * 0.02;
    for _ in 0..5 {
        sim.pose(h, None, palm(at, 0.0, 0.0));
    }
    sim.pose(h, None, palm(at, 1.0, 0.0));
    sim.run(0.2);
    assert!(sim.log().contains("grab phone with right"), "{}", sim.log());
    // Up, across to the locker, above its top.
    let locker = sim.position("locker");
    let above = locker + Vec3::new(0.0, 1.9, 0.05);
    let h = head(locker + Vec3::new(0.0, 1.6, 0.7), above);
    sim.move_right(h, at, at + Vec3::Y * 1.1, 1.0, 0.6);
    sim.move_right(h, at + Vec3::Y * 1.1, above, 1.0, 1.0);
    sim.pose(h, None, palm(above, 0.0, 0.0));
    sim.run(1.0);
    assert!(
        sim.log().contains("release phone with right on locker"),
        "{}",
        sim.log()
    );
}

/// A held garment brought to the head, trigger pulled: it is put on the head.
#[test]
fn vr_trigger_uses_a_held_object_on_the_body_part_it_is_brought_to() {
    let mut sim = Sim::new("cleanroom-gowning", Mode::Guided);
    sim.headset();
    let cap = sim.position("bouffant-cap");
    let eyes = cap + Vec3::new(0.0, 0.75, 0.45);
    let h = head(eyes, cap);
    let at = cap + Vec3::Y * 0.01;
    sim.pose(h, None, palm(at, 0.0, 0.0));
    sim.pose(h, None, palm(at, 1.0, 0.0));
    sim.move_right(h, at, eyes + Vec3::new(0.0, 0.12, 0.0), 1.0, 0.8);
    let top = eyes + Vec3::new(0.0, 0.12, 0.0);
    sim.pose(h, None, palm(top, 1.0, 0.0));
    sim.pose(h, None, palm(top, 1.0, 1.0));
    sim.run(0.2);
    assert!(
        sim.log().contains("use bouffant-cap on head with right"),
        "{}",
        sim.log()
    );
}

/// Rubbing palm to palm for 20 s, after taking hand rub from the dispenser with the trigger:
/// a rub, with the time the hands rubbed, which the tracker takes as the rubbing gesture the
/// open step asks for. Hands held together without moving are not rubbing.
#[test]
fn vr_rubbing_palm_to_palm_is_a_rub_the_tracker_takes_as_the_expected_gesture() {
    let mut sim = Sim::new("hand-hygiene", Mode::Guided);
    sim.headset();
    sim.act(ActionKind::Choose {
        decision: "moment-pulse".into(),
        choices: vec!["moment-1".into()],
    });
    let dispenser = sim.position("abhr-dispenser");
    let h = head(dispenser + Vec3::new(0.0, 0.3, 0.6), dispenser);
    let press = dispenser + Vec3::Y * 0.02;
    sim.pose(h, None, palm(press, 0.0, 0.0));
    sim.pose(h, None, palm(press, 0.0, 1.0));
    sim.pose(h, None, palm(press, 0.0, 0.0));
    assert!(
        sim.log().contains("use abhr-dispenser with right"),
        "{}",
        sim.log()
    );
    // Hands together, still, for 3 s: nothing.
    let c = dispenser + Vec3::new(0.0, -0.2, 0.35);
    let steps = |secs: f32| (secs / STEP.as_secs_f32()).round() as usize;
    for _ in 0..steps(3.0) {
        sim.pose(
            h,
            palm(c - Vec3::X * 0.03, 0.0, 0.0),
            palm(c + Vec3::X * 0.03, 0.0, 0.0),
        );
    }
    // Rubbing: the left palm slides 3 cm each way at 2 Hz against the right, for 20 s.
    for i in 0..steps(20.0) {
        let t = i as f32 * STEP.as_secs_f32();
        let slide = 0.03 * (std::f32::consts::TAU * 2.0 * t).sin();
        sim.pose(
            h,
            palm(c + Vec3::new(-0.03, 0.0, slide), 0.0, 0.0),
            palm(c + Vec3::X * 0.03, 0.0, 0.0),
        );
    }
    // Apart: the rub ends.
    for _ in 0..steps(1.0) {
        sim.pose(
            h,
            palm(c - Vec3::X * 0.25, 0.0, 0.0),
            palm(c + Vec3::X * 0.25, 0.0, 0.0),
        );
    }
    let rubs = sim.actions_of(|k| matches!(k, ActionKind::Rub { .. }));
    assert_eq!(rubs.len(), 1, "{}", sim.log());
    let ActionKind::Rub { duration_ms } = &rubs[0].kind else {
        unreachable!()
    };
    assert!(
        (19_500..=20_700).contains(duration_ms),
        "rubbed 20 s, recorded {duration_ms} ms"
    );
    // The tracker took the rub as the gesture the open step asks for.
    let outcome = sim.session().tracker.outcome();
    let step = outcome
        .steps
        .iter()
        .find(|s| s.id == "palm-to-palm-1")
        .expect("the step");
    assert_eq!(step.completions, 1, "{}\n{step:?}", sim.log());
}

/// Thirty pushes of the hands over the manikin's chest at 110 a minute: thirty compressions,
/// timed at that rate, their depth not measured (a hand in the air presses on nothing).
#[test]
fn vr_compressions_are_counted_and_timed_from_the_hands_motion() {
    let mut sim = Sim::new("basic-life-support", Mode::Guided);
    sim.headset();
    let chest = sim.position("victim");
    let h = head(chest + Vec3::new(0.0, 0.9, 0.35), chest);
    let rate = 110.0 / 60.0;
    let cycles = 30.0;
    let n = (cycles / rate / STEP.as_secs_f32()).round() as usize;
    for i in 0..=n {
        let t = i as f32 * STEP.as_secs_f32();
        let y = 0.3 + 0.025 * (std::f32::consts::TAU * rate * t).cos();
        let p = chest + Vec3::new(0.0, y, 0.0);
        sim.pose(h, palm(p + Vec3::Y * 0.02, 0.0, 0.0), palm(p, 0.0, 0.0));
    }
    for _ in 0..30 {
        sim.pose(h, None, None);
    }
    let pushes = sim.actions_of(|k| matches!(k, ActionKind::Compress { .. }));
    assert_eq!(pushes.len(), 30, "{}", sim.log());
    assert!(pushes.iter().all(|a| matches!(
        a.kind,
        ActionKind::Compress {
            depth_mm: None,
            full_recoil: None,
            ..
        }
    )));
    let first = pushes.first().unwrap().at.0 as f64;
    let last = pushes.last().unwrap().at.0 as f64;
    let per_minute = 60_000.0 * (pushes.len() - 1) as f64 / (last - first);
    assert!(
        (108.0..=112.0).contains(&per_minute),
        "pushed at 110 /min, measured {per_minute:.1} /min"
    );
}

/// A pose script: places relative to objects, straight-line motion between lines, grip held
/// until the next line, the end.
#[test]
fn a_pose_script_interpolates_positions_and_holds_grips() {
    let text = std::fs::read_to_string(super::root().join("tests/xr/store-phone.poses")).unwrap();
    let script = praxis::runtime::pose_script::PoseScript::parse(&text).unwrap();
    let phone = Vec3::new(1.0, 0.9, -1.0);
    let locker = Vec3::new(-3.0, 0.0, -1.6);
    let anchor = |id: &str| match id {
        "phone" => Some(Transform::from_translation(phone)),
        "locker" => Some(Transform::from_translation(locker)),
        _ => None,
    };
    let right = |t: f64| script.at(t, &anchor).0.hands[1].unwrap();
    assert!(right(2.0).pose.translation.distance(phone + Vec3::Y * 0.02) < 1e-5);
    assert_eq!(right(2.0).grip, 0.0);
    assert_eq!(right(3.0).grip, 1.0);
    // Half-way up from the phone at 4.0 s.
    let mid = (phone + Vec3::Y * 0.02).lerp(phone + Vec3::new(0.0, 0.5, 0.2), 0.5);
    assert!(right(4.0).pose.translation.distance(mid) < 1e-5);
    assert!(script.at(4.0, &anchor).0.hands[0].is_none());
    assert!(script.at(5.0, &anchor).0.head.is_some());
    assert!(!script.at(9.9, &anchor).1);
    assert!(script.at(10.0, &anchor).1);
}

/// A two-handed item: the right hand picks the coverall pack up, the left closes on it too; it
/// is carried between the hands, and the core still knows one holder (one grab). Letting go
/// with the right drops it.
#[test]
fn vr_two_hands_hold_one_item_between_them() {
    let mut sim = Sim::new("cleanroom-gowning", Mode::Guided);
    sim.headset();
    let pack = sim.position("coverall");
    let h = head(pack + Vec3::new(0.0, 0.75, 0.6), pack);
    let at = pack + Vec3::Y * 0.03;
    sim.pose(h, None, palm(at, 0.0, 0.0));
    sim.pose(h, None, palm(at, 1.0, 0.0));
    sim.run(0.2);
    let right_at = at + Vec3::new(0.08, 0.0, 0.0);
    let left_at = at - Vec3::new(0.08, 0.0, 0.0);
    for _ in 0..5 {
        sim.pose(h, palm(left_at, 0.0, 0.0), palm(right_at, 1.0, 0.0));
    }
    sim.pose(h, palm(left_at, 1.0, 0.0), palm(right_at, 1.0, 0.0));
    // Both hands up 30 cm and apart: the pack goes up between them.
    let up = Vec3::Y * 0.3;
    for i in 1..=60 {
        let k = i as f32 / 60.0;
        sim.pose(
            h,
            palm(left_at + up * k - Vec3::X * 0.1 * k, 1.0, 0.0),
            palm(right_at + up * k + Vec3::X * 0.1 * k, 1.0, 0.0),
        );
    }
    for _ in 0..30 {
        sim.pose(
            h,
            palm(left_at + up - Vec3::X * 0.1, 1.0, 0.0),
            palm(right_at + up + Vec3::X * 0.1, 1.0, 0.0),
        );
    }
    let p = sim.position("coverall");
    let mid = at + up;
    assert!(
        (p.x - mid.x).abs() < 0.05 && (p.y - mid.y).abs() < 0.08,
        "the pack is at {p}, between the hands is {mid}"
    );
    assert_eq!(
        sim.log().matches("grab coverall").count(),
        1,
        "{}",
        sim.log()
    );
    // The right hand lets go: it falls back towards the table.
    sim.pose(
        h,
        palm(left_at + up - Vec3::X * 0.1, 1.0, 0.0),
        palm(right_at + up + Vec3::X * 0.1, 0.0, 0.0),
    );
    sim.run(1.0);
    assert!(
        sim.log().contains("release coverall with right"),
        "{}",
        sim.log()
    );
    assert!(sim.position("coverall").y < mid.y - 0.1);
}

/// The comfort options: the right stick snaps a 30° turn once per push (right turns right);
/// the left stick pushed forward aims a teleport along the left hand's ray to the floor, at
/// most 4 m away, and letting it go lands there. Room-scale play moves nothing.
#[test]
fn vr_sticks_snap_turn_once_per_push_and_teleport_where_the_left_hand_aims() {
    use bevy::ecs::message::Messages;
    use praxis::runtime::vr::{Locomotion, RootMove, SNAP_TURN_DEG, TELEPORT_RANGE};
    let mut sim = Sim::new("cleanroom-gowning", Mode::Guided);
    sim.headset();
    let eyes = Vec3::new(0.0, 1.6, 0.5);
    let h = head(eyes, eyes + Vec3::NEG_Z);
    let hand = |at: Vec3, towards: Vec3, stick: Vec2| {
        Some(HandInput {
            pose: Transform::from_translation(at),
            aim: Transform::from_translation(at).looking_at(towards, Vec3::Y),
            stick,
            ..Default::default()
        })
    };
    let left_at = eyes + Vec3::new(-0.2, -0.4, -0.3);
    let right_at = eyes + Vec3::new(0.2, -0.4, -0.3);
    let mut cursor = sim
        .app
        .world()
        .resource::<Messages<RootMove>>()
        .get_cursor_current();
    let mut frames =
        |sim: &mut Sim, n: usize, left: Option<HandInput>, right: Option<HandInput>| {
            // Messages last two frames: read after each.
            let mut moves = Vec::new();
            for _ in 0..n {
                sim.pose(h, left, right);
                let messages = sim.app.world().resource::<Messages<RootMove>>();
                moves.extend(cursor.read(messages).copied());
            }
            moves
        };
    let ahead = right_at + Vec3::NEG_Z;
    // A push to the right held for half a second: one turn, to the right; back to the middle,
    // then to the left: one turn back.
    let moves = frames(
        &mut sim,
        30,
        None,
        hand(right_at, ahead, Vec2::new(1.0, 0.0)),
    );
    assert_eq!(moves.len(), 1, "{moves:?}");
    let RootMove::Turn { about, angle } = moves[0] else {
        panic!("{moves:?}")
    };
    assert!((angle + SNAP_TURN_DEG.to_radians()).abs() < 1e-5, "{angle}");
    assert!(about.distance(eyes.with_y(0.0)) < 1e-4, "{about}");
    assert!(frames(&mut sim, 5, None, hand(right_at, ahead, Vec2::ZERO)).is_empty());
    let moves = frames(
        &mut sim,
        30,
        None,
        hand(right_at, ahead, Vec2::new(-1.0, 0.0)),
    );
    assert!(
        matches!(moves[..], [RootMove::Turn { angle, .. }] if (angle - SNAP_TURN_DEG.to_radians()).abs() < 1e-5),
        "{moves:?}"
    );
    // Teleport: the left hand's ray 45° down, from 1.2 m up, lands 1.2 m ahead of the hand.
    let target = left_at + Vec3::new(0.0, -left_at.y, -left_at.y);
    let aiming = hand(left_at, target, Vec2::new(0.0, 1.0));
    assert!(frames(&mut sim, 10, aiming, None).is_empty());
    let aimed = sim.app.world().resource::<Locomotion>().aiming.unwrap();
    assert!(
        aimed.distance(target.with_y(0.0)) < 1e-3,
        "{aimed} vs {target}"
    );
    let moves = frames(&mut sim, 3, hand(left_at, target, Vec2::ZERO), None);
    assert_eq!(
        moves,
        vec![RootMove::Shift(target.with_y(0.0) - eyes.with_y(0.0))]
    );
    // Aimed almost level: no farther than the teleport's range.
    let far = left_at + Vec3::new(0.0, -0.5, -5.0);
    frames(&mut sim, 3, hand(left_at, far, Vec2::new(0.0, 1.0)), None);
    let aimed = sim.app.world().resource::<Locomotion>().aiming.unwrap();
    assert!(
        ((aimed - eyes.with_y(0.0)).length() - TELEPORT_RANGE).abs() < 1e-3,
        "{aimed}"
    );
    frames(&mut sim, 3, hand(left_at, far, Vec2::ZERO), None);
    // Room-scale: the sticks do nothing.
    let mut settings = praxis::runtime::settings::Settings::default();
    settings.vr_motion = praxis::runtime::settings::VrMotion::RoomScale;
    sim.app.insert_resource(settings);
    let moves = frames(
        &mut sim,
        10,
        aiming,
        hand(right_at, ahead, Vec2::new(1.0, 0.0)),
    );
    let moves = [
        moves,
        frames(&mut sim, 3, hand(left_at, target, Vec2::ZERO), None),
    ]
    .concat();
    assert!(moves.is_empty(), "{moves:?}");
}

/// Tracked hands (no controller): the palm's pose, a fist as the grip, the thumb-to-index
/// pinch as the trigger, and a ray along the fingers.
#[test]
fn vr_tracked_hand_joints_give_a_grip_from_a_fist_and_a_trigger_from_a_pinch() {
    use bevy_mod_xr::hands::HandBone;
    use praxis::runtime::vr::hand_from_joints;
    let palm = Transform::from_xyz(0.1, 1.2, -0.3);
    // Finger tips `tips` m from the palm along the fingers (−Z), the thumb tip `thumb` m from
    // the index tip.
    let hand = |tips: f32, thumb: f32| {
        let mut joint = [None; 26];
        joint[HandBone::Palm as usize] = Some(palm);
        for (bone, side) in [
            (HandBone::IndexTip, 0.02),
            (HandBone::MiddleTip, 0.0),
            (HandBone::RingTip, -0.02),
        ] {
            joint[bone as usize] = Some(palm * Transform::from_xyz(side, 0.0, -tips));
        }
        joint[HandBone::ThumbTip as usize] =
            Some(palm * Transform::from_xyz(0.02 + thumb, 0.0, -tips));
        hand_from_joints(&joint).unwrap()
    };
    let open = hand(0.09, 0.08);
    assert!(open.grip < 0.1 && open.trigger < 0.1, "{open:?}");
    let fist = hand(0.04, 0.06);
    assert!(fist.grip > 0.9, "{fist:?}");
    let pinch = hand(0.08, 0.01);
    assert!(pinch.trigger > 0.9 && pinch.grip < 0.3, "{pinch:?}");
    assert_eq!(open.pose, palm);
    let ray = open.aim.rotation * Vec3::NEG_Z;
    assert!(ray.distance(palm.rotation * Vec3::NEG_Z) < 1e-6);
    // No palm tracked: no hand.
    assert!(hand_from_joints(&[None; 26]).is_none());
}

/// Where a hand's ray meets the world panel, in the room and in the panel's pixels; rays from
/// behind it, past its edges or from too far do not meet it.
#[test]
fn a_ray_meets_the_world_panel_at_the_pixel_it_points_at() {
    use praxis::runtime::panel::{PIXELS, POINT_RANGE, SIZE, hit};
    let board = Transform::from_xyz(1.0, 1.4, -0.5).looking_to(Vec3::X, Vec3::Y);
    // The board faces −X (its front, +Z, towards the learner at x < 1).
    let front = |d: f32| Vec3::new(1.0 - d, 1.4, -0.5);
    let ray = |from: Vec3, to: Vec3| Transform::from_translation(from).looking_at(to, Vec3::Y);
    let centre = board.translation;
    let (at, px) = hit(&board, &ray(front(0.4), centre)).unwrap();
    assert!(at.distance(centre) < 1e-5);
    assert!(px.distance(Vec2::new(PIXELS.0 as f32, PIXELS.1 as f32) / 2.0) < 1e-2);
    // 10 cm right of the centre and 15 cm up, seen from the front: right is the board's +X.
    let right = board.rotation * Vec3::X;
    let corner = centre + right * 0.1 + Vec3::Y * 0.15;
    let (_, px) = hit(&board, &ray(front(0.4) + Vec3::Y * 0.1, corner)).unwrap();
    let expect = Vec2::new(
        (0.1 / SIZE.0 + 0.5) * PIXELS.0 as f32,
        (0.5 - 0.15 / SIZE.1) * PIXELS.1 as f32,
    );
    assert!(px.distance(expect) < 0.05, "{px} vs {expect}");
    // From behind, past an edge, from too far, or pointing away: nothing.
    let behind = Vec3::new(1.4, 1.4, -0.5);
    assert!(hit(&board, &ray(behind, centre)).is_none());
    let past = centre + right * (SIZE.0 / 2.0 + 0.01);
    assert!(hit(&board, &ray(front(0.4), past)).is_none());
    assert!(hit(&board, &ray(front(POINT_RANGE + 0.1), centre)).is_none());
    assert!(hit(&board, &ray(front(0.4), front(1.0))).is_none());
}

/// A pose script's rays and sticks: `point @world-panel x y 0` aims at that point of the board,
/// wherever the board is; `stick X Y` sets the thumbstick; values out of range are refused
/// with their line.
#[test]
fn a_pose_script_points_rays_in_the_world_panels_frame() {
    use praxis::runtime::panel::hit;
    use praxis::runtime::pose_script::PoseScript;
    let text =
        std::fs::read_to_string(super::root().join("tests/xr/answer-question.poses")).unwrap();
    let script = PoseScript::parse(&text).unwrap();
    let board = Transform::from_xyz(-0.8, 1.4, 1.1).looking_to(Vec3::new(0.4, 0.0, -0.9), Vec3::Y);
    let anchor = |id: &str| (id == "world-panel").then_some(board);
    // At 3 s the ray is on the "Actions…" button: 0.108 m left of the centre, 0.183 m up.
    let right = script.at(3.0, &anchor).0.hands[1].unwrap();
    assert_eq!(right.trigger, 1.0);
    let (_, px) = hit(&board, &right.aim).expect("the ray meets the board");
    assert!(px.distance(Vec2::new(100.8, 40.8)) < 0.5, "{px}");
    let stick = PoseScript::parse("0 left 0 1 0 0 0 stick -0.5 1").unwrap();
    let left = stick.at(0.0, &|_: &str| None).0.hands[0].unwrap();
    assert_eq!(left.stick, Vec2::new(-0.5, 1.0));
    let err =
        PoseScript::parse("0 head 0 1.6 0 look 0 1.6 -1\n1 right 0 1 0 0 0 stick 2 0").unwrap_err();
    assert!(err.starts_with("line 2:") && err.contains("stick"), "{err}");
}

/// The trigger with an empty hand on the gowning room's mirror: it is read, and since it asks
/// a question the world panel opens the hand-action menu, where it is answered.
#[test]
fn vr_trigger_on_an_object_that_asks_a_question_opens_the_hand_menu() {
    let mut sim = Sim::new("cleanroom-gowning", Mode::Guided);
    sim.headset();
    let mirror = sim.position("mirror");
    let h = head(mirror + Vec3::new(0.0, 0.2, 0.6), mirror);
    sim.pose(h, None, palm(mirror, 0.0, 0.0));
    let overlay = |sim: &Sim| {
        *sim.app
            .world()
            .resource::<State<praxis::runtime::flow::Overlay>>()
            .get()
    };
    assert_ne!(overlay(&sim), praxis::runtime::flow::Overlay::ActionMenu);
    sim.pose(h, None, palm(mirror, 0.0, 1.0));
    sim.run(0.1);
    assert!(sim.log().contains("read mirror"), "{}", sim.log());
    assert_eq!(overlay(&sim), praxis::runtime::flow::Overlay::ActionMenu);
}

/// A physical manikin under the virtual one, its chest calibrated with the hands resting on it
/// for 3 s: thirty pushes 55 mm deep, coming all the way back, at 110 a minute, are measured as
/// 55 mm with full recoil; ten more leaning on the chest (never back within 5 mm) are not full
/// recoil. Hands that do not rest still during the calibration calibrate nothing.
#[test]
fn vr_compressions_on_a_calibrated_manikin_are_measured() {
    let mut sim = Sim::new("basic-life-support", Mode::Guided);
    sim.headset();
    let chest = sim.position("victim");
    let h = head(chest + Vec3::new(0.0, 0.9, 0.35), chest);
    let rest = chest + Vec3::new(0.0, 0.3, 0.0);
    let both = |sim: &mut Sim, p: Vec3| {
        sim.pose(h, palm(p + Vec3::Y * 0.02, 0.0, 0.0), palm(p, 0.0, 0.0));
    };
    let steps = |secs: f32| (secs / STEP.as_secs_f32()).round() as usize;
    fn ui(
        sim: &mut Sim,
    ) -> bevy::ecs::change_detection::Mut<'_, praxis::runtime::vr::ManikinCalibration> {
        sim.app
            .world_mut()
            .resource_mut::<praxis::runtime::vr::ManikinCalibration>()
    }
    let push = |sim: &mut Sim, top: f32, depth: f32, n: f32| {
        let rate = 110.0 / 60.0;
        for i in 0..=steps(n / rate) {
            let t = i as f32 * STEP.as_secs_f32();
            let phase = (std::f32::consts::TAU * rate * t).cos();
            both(sim, rest - Vec3::Y * (top + depth / 2.0 * (1.0 - phase)));
        }
    };
    // The hands wander during the calibration: nothing is calibrated.
    ui(&mut sim).requested = true;
    for i in 0..steps(3.3) {
        both(&mut sim, rest + Vec3::Y * 0.03 * (i as f32 * 0.3).sin());
    }
    push(&mut sim, 0.0, 0.055, 5.0);
    let unmeasured = sim.actions_of(|k| matches!(k, ActionKind::Compress { .. }));
    assert!(!unmeasured.is_empty(), "{}", sim.log());
    assert!(unmeasured.iter().all(|a| matches!(
        a.kind,
        ActionKind::Compress {
            depth_mm: None,
            full_recoil: None,
            ..
        }
    )));
    // Resting still: calibrated. The countdown shows while it lasts.
    for _ in 0..30 {
        sim.pose(h, None, None);
    }
    ui(&mut sim).requested = true;
    for i in 0..steps(3.3) {
        both(&mut sim, rest);
        if i == steps(1.0) {
            assert!(ui(&mut sim).left.is_some_and(|s| s > 1.5 && s < 2.5));
        }
    }
    assert!(ui(&mut sim).left.is_none());
    let before = sim
        .actions_of(|k| matches!(k, ActionKind::Compress { .. }))
        .len();
    push(&mut sim, 0.0, 0.055, 30.0);
    // Leaning: the chest never comes back higher than 12 mm below rest.
    push(&mut sim, 0.012, 0.05, 10.0);
    for _ in 0..30 {
        sim.pose(h, None, None);
    }
    let measured: Vec<(f64, bool)> = sim
        .actions_of(|k| matches!(k, ActionKind::Compress { .. }))
        .into_iter()
        .skip(before)
        .map(|a| match a.kind {
            ActionKind::Compress {
                depth_mm: Some(d),
                full_recoil: Some(r),
                ..
            } => (d, r),
            other => panic!("not measured: {other:?}"),
        })
        .collect();
    assert_eq!(measured.len(), 40, "{measured:?}");
    let (full, leaning) = measured.split_at(30);
    assert!(
        full.iter().all(|&(d, r)| r && (53.0..=56.0).contains(&d)),
        "{full:?}"
    );
    assert!(
        leaning
            .iter()
            .all(|&(d, r)| !r && (60.0..=63.0).contains(&d)),
        "{leaning:?}"
    );
}

/// A gesture chosen on the world panel ("look around for danger") is made by holding an empty
/// hand's trigger: it lasts as long as the trigger is held, and the trigger uses nothing.
#[test]
fn vr_a_chosen_gesture_lasts_as_long_as_a_trigger_is_held() {
    let mut sim = Sim::new("basic-life-support", Mode::Guided);
    sim.headset();
    let victim = sim.position("victim");
    let eyes = victim + Vec3::new(0.0, 1.6, 1.6);
    let h = head(eyes, victim);
    let at = eyes + Vec3::new(0.25, -0.5, -0.3);
    sim.app
        .world_mut()
        .resource_mut::<praxis::runtime::intents::SelectedGesture>()
        .0 = Some(praxis::runtime::intents::HeldGesture {
        id: "check-danger".into(),
        object: None,
        held: 0.0,
    });
    let steps = |secs: f32| (secs / STEP.as_secs_f32()).round() as usize;
    for _ in 0..steps(0.5) {
        sim.pose(h, None, palm(at, 0.0, 0.0));
    }
    for _ in 0..steps(3.0) {
        sim.pose(h, None, palm(at, 0.0, 1.0));
    }
    for _ in 0..steps(0.5) {
        sim.pose(h, None, palm(at, 0.0, 0.0));
    }
    let made = sim.actions_of(|_| true);
    assert_eq!(made.len(), 1, "{}", sim.log());
    let ActionKind::Gesture {
        gesture,
        duration_ms,
        ..
    } = &made[0].kind
    else {
        panic!("{}", sim.log())
    };
    assert_eq!(gesture.as_str(), "check-danger");
    assert!(
        (2_900..=3_100).contains(duration_ms),
        "held 3 s, recorded {duration_ms} ms"
    );
    assert!(
        sim.app
            .world()
            .resource::<praxis::runtime::intents::SelectedGesture>()
            .0
            .is_none()
    );
}

/// A form's field with a unit takes a number in it (a decimal comma reads as a point); a field
/// without one takes text (initials and a date, a lot number, a logbook line): both are what
/// the scenarios' records need, and what is refused says why.
#[test]
fn a_form_field_takes_a_number_in_its_unit_or_text() {
    use praxis::action::EnteredValue;
    use praxis::runtime::interact::entered;
    let (_, sc) = load("bioreactor-inoculation");
    let field = |id: &str| {
        sc.model
            .fields
            .iter()
            .find(|f| f.id.as_str() == id)
            .unwrap()
            .clone()
    };
    let volume = field("inoculum-volume");
    assert_eq!(
        entered(&volume, " 80,5 "),
        Ok(EnteredValue::Number {
            value: 80.5,
            unit: Some("mL".into())
        })
    );
    assert_eq!(entered(&volume, "eighty"), Err("field-not-a-number"));
    // A number that overflows once in the unit's base is refused before it reaches the record.
    let mut litres = volume.clone();
    litres.unit = Some("L".into());
    assert_eq!(entered(&litres, "1e306"), Err("field-too-large"));
    assert!(entered(&litres, "1e300").is_ok());
    let signature = field("signature");
    assert_eq!(
        entered(&signature, " J.D. 23/11/2026 "),
        Ok(EnteredValue::Text {
            text: "J.D. 23/11/2026".into()
        })
    );
    assert_eq!(entered(&signature, "  "), Err("field-empty"));
}
