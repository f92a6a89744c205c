//! VR: tracked poses in, the same learner actions out (grips, triggers, rubs, compressions,
//! sticks, tracked-hand joints, rays on the world panel).

use super::*;

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
    let text = std::fs::read_to_string(crate::root().join("tests/xr/store-phone.poses")).unwrap();
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
        std::fs::read_to_string(crate::root().join("tests/xr/answer-question.poses")).unwrap();
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
    // The palms press on the mark of the lower half of the breastbone: well placed.
    assert!(
        sim.actions_of(|k| matches!(k, ActionKind::Compress { .. }))
            .iter()
            .all(|a| matches!(
                a.kind,
                ActionKind::Compress {
                    hands: Some(praxis::action::HandPosition::Centre),
                    ..
                }
            )),
        "{}",
        sim.log()
    );
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
