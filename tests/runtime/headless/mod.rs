//! Whole scenarios through the real plugins with no window: intents in (what the desktop
//! controls produce), physics and the tracker in between, a scored and recorded session out.
//! This file holds the simulated learner (`Sim`) and the runs that are about the runtime itself
//! (physics, hot reload, the start screen, forms); the scenario families and VR have their own
//! files.

mod bioproduction;
mod bls;
mod clinical;
mod vr;

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
    let path = crate::root().join("scenarios").join(format!("{id}.ron"));
    let assets = crate::root().join("assets");
    let sc =
        praxis::runtime::catalog::load(&path, &assets).unwrap_or_else(|p| panic!("{}", p.long));
    (path, Arc::new(sc))
}

impl Sim {
    fn new(id: &str, mode: Mode) -> Sim {
        let records = temp_dir(id);
        let mut app =
            praxis::runtime::headless(crate::root().join("assets"), Some(records.clone()), STEP);
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
    /// Whether an object is in the room now (`appears_when`).
    fn present(&mut self, id: &str) -> bool {
        let w = self.app.world_mut();
        let mut q = w.query::<(&Obj, Has<bevy_rapier3d::prelude::ColliderDisabled>)>();
        !q.iter(w)
            .find(|(o, _)| o.id == id)
            .unwrap_or_else(|| panic!("no object {id}"))
            .1
    }

    /// Starts the session again with these faults on (every other one off).
    fn with_faults(mut self, faults: &[&str]) -> Sim {
        {
            let mut o = self
                .app
                .world_mut()
                .resource_mut::<praxis::runtime::SessionOverrides>();
            for f in faults {
                o.faults.insert((*f).into(), true);
            }
        }
        self.app
            .world_mut()
            .trigger(praxis::runtime::flow::RestartSession);
        self.run(1.0);
        self
    }

    fn fact(&self, id: &str) -> bool {
        let t = &self.session().tracker;
        let f = t
            .scenario()
            .index
            .facts
            .iter()
            .position(|f| f.id == id)
            .unwrap_or_else(|| panic!("no fact {id}"));
        t.world().facts[f]
    }

    fn step_status(&mut self, step: &str) -> praxis::scoring::StepStatus {
        let outcome = self.session().tracker.outcome();
        outcome
            .steps
            .iter()
            .find(|s| s.id == step)
            .unwrap_or_else(|| panic!("no step {step}"))
            .status
    }

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

/// Hand hygiene: the learner steps to the bedside table and takes the phone in the left hand.
fn grab_the_phone(sim: &mut Sim) {
    sim.stand(0.0, -0.55, 0.0);
    let phone = sim.entity("phone");
    sim.send(Intent::Grab {
        hand: Hand::Left,
        object: phone,
    });
    sim.run(1.0);
}

#[test]
fn grabbed_objects_are_carried_placed_and_fall_with_physics() {
    let mut sim = Sim::new("hand-hygiene", Mode::Guided);
    // The phone rests on the bedside table (top at 0.75 m).
    let p = sim.position("phone");
    assert!((p.y - 0.75).abs() < 0.03, "phone at {p}");
    grab_the_phone(&mut sim);
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

/// Hot reload, as an instructor uses it: a broken save keeps the session running and shows
/// where the problem is; a valid save restarts the session on the new version and closes the
/// old record as abandoned.
#[test]
fn hot_reload_keeps_a_broken_save_out_and_restarts_on_a_valid_one() {
    let dir = temp_dir("reload");
    let file = dir.join("hand-hygiene.ron");
    let original =
        std::fs::read_to_string(crate::root().join("scenarios/hand-hygiene.ron")).unwrap();
    std::fs::write(&file, &original).unwrap();
    let assets = crate::root().join("assets");
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

/// A hand closes its fingers around what it holds and opens them when it lets go: the finger
/// joints of a hand model (`finger.<name>.<n>` nodes under the hand, as the Blender hands have)
/// turn about their own x axis from the model's pose, the thumb less far.
#[test]
fn fingers_close_on_what_a_hand_holds_and_open_when_it_lets_go() {
    use praxis::runtime::hand_pose::{FingerJoint, HOLDING};
    use praxis::runtime::interact::HandLimb;
    let mut sim = Sim::new("hand-hygiene", Mode::Guided);
    sim.app.add_plugins(praxis::runtime::hand_pose::plugin);
    let hand = sim
        .app
        .world_mut()
        .query::<(Entity, &HandLimb)>()
        .iter(sim.app.world())
        .find(|(_, l)| l.0 == Hand::Left)
        .map(|(e, _)| e)
        .unwrap();
    let rest = Quat::from_rotation_x(-0.12);
    let mut joint = |name: &str| {
        sim.app
            .world_mut()
            .spawn((Name::new(name.to_string()), Transform::from_rotation(rest)))
            .insert(ChildOf(hand))
            .id()
    };
    let index = joint("finger.index.1");
    let thumb = joint("finger.thumb.2");
    sim.run(0.5);
    let angle = |sim: &mut Sim, e: Entity| {
        let t = sim.app.world().get::<Transform>(e).unwrap().rotation;
        assert!(sim.app.world().get::<FingerJoint>(e).is_some(), "not found");
        (rest.inverse() * t).to_euler(EulerRot::XYZ).0
    };
    assert!(angle(&mut sim, index).abs() < 0.01, "open at rest");
    grab_the_phone(&mut sim);
    let closed = angle(&mut sim, index);
    assert!(
        (closed + 1.2 * HOLDING).abs() < 0.05,
        "the index's knuckle turned {closed} rad holding the phone"
    );
    let thumb_closed = angle(&mut sim, thumb);
    assert!(
        thumb_closed < -0.2 && thumb_closed > closed,
        "the thumb turned {thumb_closed} rad, the index {closed}"
    );
    sim.send(Intent::Place {
        hand: Hand::Left,
        at: Vec3::new(0.0, 0.76, -0.55),
    });
    sim.run(1.0);
    let open = angle(&mut sim, index);
    assert!(
        open.abs() < 0.02,
        "the index stayed at {open} rad after letting go"
    );
}
