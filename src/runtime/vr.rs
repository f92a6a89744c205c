//! Virtual reality input: tracked hands and controllers mapped to the same intents the desktop
//! produces, so that the core sees the same learner actions whatever the device. The OpenXR
//! layer (`openxr.rs`) only fills [`VrInput`] each frame; a test can fill it with recorded or
//! synthesized poses instead. What this module recognises:
//!
//! - a **grab**: a hand closes (controller grip, or a fist or pinch from hand tracking) with its
//!   palm on a grabbable object; opening it lets go (the interaction layer decides what the
//!   object is put down on); the other hand closing on it too holds it with both hands, carried
//!   between them;
//! - **using**: the trigger (or an index pinch) with a held object against a target — an object,
//!   the other hand, the head, the body or a foot — uses it on that target; with an empty hand
//!   on an object, uses or reads it;
//! - **rubbing** palm to palm, as long as it lasts: the gesture the learner chose, or else a
//!   `rub` with the rubbing time as its duration, which the tracker takes as the rubbing
//!   gesture the procedure asks for (the runtime does not decide which gesture it is);
//! - **a chosen gesture held**: once a gesture is chosen on the world panel, an empty hand's
//!   trigger held makes it for as long as it is held (looking around, shaking the shoulders),
//!   as the desktop's gesture key does;
//! - **chest compressions**: each push down and release of the hands over an object that takes
//!   compressions. Their rate comes from their times. Their depth is not measured from a hand in
//!   the air (it has nothing to push against), so the debrief says "not assessed" — unless a
//!   physical manikin lies under the virtual one (`vr_manikin` in the settings) and its chest
//!   was calibrated at rest: then each compression's depth is the palm's drop below that rest
//!   height, and its recoil is full when the chest comes back within 5 mm of it.
//!
//! Each hand is a touching body as on the desktop: its sensor follows the tracked pose, so what
//! it touches becomes a touch action through the interaction layer.

use super::flow::{Overlay, PraxisSystems};
use super::interact::{Body, HandLimb, Hands, Intent, Rig, slot};
use super::interact::{HandSource, SelectedGesture};
use super::scene::Obj;
use super::session::Session;
use crate::action::{ActionKind, Hand};
use crate::scenario::model::Affordance;
use bevy::prelude::*;
use bevy_rapier3d::prelude::Collider;

/// A hand closes past this (0..1) to grab, and opens below `GRIP_OFF` to let go.
pub const GRIP_ON: f32 = 0.7;
/// See [`GRIP_ON`].
pub const GRIP_OFF: f32 = 0.35;
/// How close the palm must be to an object's surface to grab or use it, m.
pub const REACH: f32 = 0.06;
/// Palms closer than this (m) and moving against each other faster than `RUB_SPEED` rub.
pub const RUB_DISTANCE: f32 = 0.14;
/// See [`RUB_DISTANCE`], m/s.
pub const RUB_SPEED: f32 = 0.08;
/// A rub ends once the hands have been still or apart this long, s.
pub const RUB_PAUSE: f64 = 0.5;
/// A push down of at least this much (m) then a rise of `RECOIL` is one compression.
pub const PUSH: f32 = 0.03;
/// See [`PUSH`], m.
pub const RECOIL: f32 = 0.015;

/// One hand from the headset's runtime, in room coordinates.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct HandInput {
    /// Where the palm is and how it is turned.
    pub pose: Transform,
    /// The pointing ray: from its origin along its −Z (a controller's aim pose; for a tracked
    /// hand, along the fingers).
    pub aim: Transform,
    /// How closed the hand is, 0 (open) to 1 (fist, grip pressed).
    pub grip: f32,
    /// Trigger or index pinch, 0 to 1.
    pub trigger: f32,
    /// The thumbstick (or trackpad), x right and y forward, −1 to 1.
    pub stick: Vec2,
}

/// What the headset's runtime tracks this frame (none: not tracked).
#[derive(Resource, Debug, Default, Clone)]
pub struct VrInput {
    /// The head.
    pub head: Option<Transform>,
    /// Left and right hands.
    pub hands: [Option<HandInput>; 2],
}

/// Present while a headset drives the learner (OpenXR running, or a test standing in for it).
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct VrActive;

/// The tracked devices (or a pose script) turned into intents, each frame before the
/// interaction layer: the body moved, the hands mapped.
pub fn plugin(app: &mut App) {
    app.init_resource::<VrInput>()
        .init_resource::<VrMapping>()
        .init_resource::<Locomotion>()
        .init_resource::<ManikinCalibration>()
        .add_message::<RootMove>()
        .add_systems(
            Update,
            (
                tracked,
                (locomotion, map).run_if(resource_exists::<VrActive>),
            )
                .chain()
                .in_set(PraxisSystems::Capture)
                .after(super::playback::play),
        );
}

/// In a headset the hands are where they are tracked (and back to the desktop's when its
/// session stops).
pub fn tracked(active: Option<Res<VrActive>>, mut source: ResMut<HandSource>) {
    if source.tracked != active.is_some() {
        source.tracked = active.is_some();
    }
}

/// A physical manikin's chest being calibrated: asked for (from the hand-action menu) and taken
/// up by the mapping; the seconds left, shown meanwhile.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq)]
pub struct ManikinCalibration {
    /// The learner asked to calibrate.
    pub requested: bool,
    /// Seconds left while it is being calibrated.
    pub left: Option<f32>,
}

/// A board in the room that the hands' rays point at (the world panel).
#[derive(Component, Debug, Default, Clone, Copy)]
pub struct PanelBoard;

/// The hand whose ray is on the board, where it hits it, and whether its trigger is down there.
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct PanelPointer {
    /// The pointing hand (its trigger clicks on the board, not in the room).
    pub hand: Option<Hand>,
    /// Where its ray meets the board, in the room.
    pub at: Vec3,
    /// The same point in the board's image, pixels from its top left corner.
    pub pixel: Vec2,
    /// The trigger went down on the board and is not yet up.
    pub pressed: bool,
    /// Each hand's trigger was down last frame (a click is a press made while on the board).
    pub triggering: [bool; 2],
}

/// What the mapping remembers between frames.
#[derive(Resource, Debug, Default)]
pub struct VrMapping {
    gripping: [bool; 2],
    triggering: [bool; 2],
    rub: Rub,
    press: Press,
    calibration: Calibration,
}

#[derive(Debug, Default)]
struct Rub {
    /// Seconds of rubbing so far.
    held: f32,
    /// Session-independent clock (s) when rubbing was last seen.
    last: f64,
    previous: Option<Vec3>,
    speed: f32,
}

#[derive(Debug, Default)]
struct Press {
    object: Option<String>,
    top: f32,
    bottom: f32,
    down: bool,
    /// On a calibrated chest, rising after a push: the highest point since.
    rose: Option<f32>,
    /// Where the palms pressed at the bottom of the push.
    hands: Option<crate::action::HandPosition>,
}

/// The chest of a physical manikin, calibrated: where it is at rest.
#[derive(Debug, Default)]
struct Calibration {
    /// While calibrating: when it ends (session-independent clock, s).
    until: Option<f64>,
    /// The lower palm's height over the manikin, with when and over what.
    samples: Vec<(f64, f32, String)>,
    /// The calibrated manikin and its chest's height at rest (the palm's), m.
    chest: Option<(String, f32)>,
}

/// How long the hands rest on the manikin's chest to calibrate it, s; the last second counts.
pub const CALIBRATION_S: f64 = 3.0;
/// The palm may move this much (m) during the calibration's last second.
pub const CALIBRATION_STILL: f32 = 0.01;
/// A compression's recoil is full when the chest comes back within this (m) of its rest
/// height: the tracking's precision, not a clinical threshold.
pub const RECOIL_TOLERANCE: f32 = 0.005;
/// How far along the breastbone from the mark of its lower half the hands may press and still
/// be on it, m (towards the neck: high; towards the belly: low).
pub const HAND_ALONG: f32 = 0.05;
/// How far to either side of the mark the hands may press and still be on the breastbone, m.
pub const HAND_SIDE: f32 = 0.035;

/// Both hands, left first (their slots).
pub const HANDS: [Hand; 2] = [Hand::Left, Hand::Right];

/// Maps this frame's tracked poses to intents (runs before the interaction layer).
pub fn map(
    time: Res<Time>,
    input: Res<VrInput>,
    mut state: ResMut<VrMapping>,
    mut rig: ResMut<Rig>,
    mut hands: ResMut<Hands>,
    mut gesture: ResMut<SelectedGesture>,
    mut calibration: ResMut<ManikinCalibration>,
    mut overlay: ResMut<NextState<Overlay>>,
    session: Option<Res<Session>>,
    pointing: Option<Res<PanelPointer>>,
    mut limbs: Query<(&HandLimb, &mut Transform), (Without<Body>, Without<Obj>)>,
    mut body: Query<&mut Transform, (With<Body>, Without<HandLimb>, Without<Obj>)>,
    objects: Query<(Entity, &Obj, &GlobalTransform, Option<&Collider>)>,
    mut intents: MessageWriter<Intent>,
    mut notices: MessageWriter<super::interact::Notice>,
) {
    let _t = super::perf::scope();
    let dt = time.delta_secs().max(1e-4);
    let now = time.elapsed_secs_f64();
    // The body follows the head: the room is at 1:1 scale and the learner walks in it.
    if let Some(head) = input.head {
        let ahead = head.rotation * Vec3::NEG_Z;
        rig.position = head.translation.with_y(0.0);
        rig.yaw = (-ahead.x).atan2(-ahead.z);
        rig.pitch = ahead.y.clamp(-1.0, 1.0).asin();
        // Standing, kneeling by a manikin or seated: the eyes are where the headset is.
        rig.kneeling = false;
        rig.eye = head.translation.y.max(0.3);
        for mut t in &mut body {
            t.translation = rig.position + Vec3::Y * 0.9;
        }
    }
    for (limb, mut t) in &mut limbs {
        if let Some(h) = input.hands[slot(limb.0)] {
            *t = h.pose;
        }
    }
    let Some(session) = session else { return };
    let sc = &session.start.scenario;
    let near = |p: Vec3, pick: &dyn Fn(&Obj) -> bool| -> Option<(Entity, &Obj, f32)> {
        objects
            .iter()
            .filter(|(_, o, _, _)| pick(o))
            .filter_map(|(e, o, gt, c)| {
                let d = match c {
                    Some(c) => c.distance_to_point(gt.translation(), gt.rotation(), p, true),
                    None => gt.translation().distance(p),
                };
                (d <= REACH).then_some((e, o, d))
            })
            .min_by(|a, b| a.2.total_cmp(&b.2))
    };
    let affords = |o: &Obj, f: &dyn Fn(&Affordance) -> bool| -> bool {
        sc.model
            .room
            .objects
            .get(o.index)
            .is_some_and(|m| m.affords.iter().any(f))
    };

    let mut held_gesture = false;
    for hand in HANDS {
        let s = slot(hand);
        let Some(h) = input.hands[s] else {
            continue;
        };
        let palm = h.pose.translation;
        // Grab and let go, with hysteresis. Closing the other hand on what one hand holds
        // holds it with both (a two-handed item); letting go with the first drops it.
        if !state.gripping[s] && h.grip >= GRIP_ON {
            state.gripping[s] = true;
            if hands.held[s].is_none()
                && let Some((e, _, _)) = near(palm, &|o: &Obj| o.grabbable)
            {
                if hands.holder(e).is_some() {
                    hands.support[s] = Some(e);
                } else {
                    intents.write(Intent::Grab { hand, object: e });
                }
            }
        } else if state.gripping[s] && h.grip <= GRIP_OFF {
            state.gripping[s] = false;
            hands.support[s] = None;
            if let Some(e) = hands.held[s] {
                let other = 1 - s;
                if hands.support[other] == Some(e) {
                    hands.support[other] = None;
                }
                intents.write(Intent::Drop { hand });
            }
        }
        // Use: the trigger's press (unless its ray is on the world panel: a click there; or a
        // gesture was chosen: an empty hand's trigger holds it, as the desktop's gesture key).
        let on_panel = pointing.as_ref().is_some_and(|p| p.hand == Some(hand));
        let gesturing = gesture.0.is_some() && hands.held[s].is_none();
        if on_panel || gesturing {
            state.triggering[s] =
                h.trigger >= GRIP_ON || (state.triggering[s] && h.trigger > GRIP_OFF);
            held_gesture |= gesturing && !on_panel && state.triggering[s];
        } else if !state.triggering[s] && h.trigger >= GRIP_ON {
            state.triggering[s] = true;
            let kind = match hands.held[s].and_then(|e| objects.get(e).ok()) {
                Some((_, held, held_t, _)) => {
                    let at = held_t.translation();
                    body_target(at, input.head, &input.hands, hand)
                        .filter(|part| super::interact::worn_on(sc, part))
                        .map(str::to_string)
                        .or_else(|| {
                            near(at, &|o: &Obj| o.index != held.index).map(|(_, o, _)| o.id.clone())
                        })
                        .map(|target| ActionKind::UseOn {
                            object: held.id.as_str().into(),
                            target: target.as_str().into(),
                            hand: Some(hand),
                        })
                }
                None => near(palm, &|o: &Obj| {
                    affords(o, &|a| {
                        matches!(
                            a,
                            Affordance::Use { .. }
                                | Affordance::Read
                                | Affordance::Choose(_)
                                | Affordance::Enter(_)
                        )
                    })
                })
                .and_then(|(_, o, _)| {
                    // An object that asks a question or takes a form's entry: the world panel
                    // shows the hand-action menu, where they are answered.
                    if affords(o, &|a| {
                        matches!(a, Affordance::Choose(_) | Affordance::Enter(_))
                    }) {
                        overlay.set(Overlay::ActionMenu);
                    }
                    let object = o.id.as_str().into();
                    if affords(o, &|a| matches!(a, Affordance::Use { .. })) {
                        Some(ActionKind::Use {
                            object,
                            hand: Some(hand),
                        })
                    } else if affords(o, &|a| matches!(a, Affordance::Read)) {
                        Some(ActionKind::Read { object })
                    } else {
                        None
                    }
                }),
            };
            if let Some(kind) = kind {
                intents.write(Intent::Do(kind));
            }
        } else if state.triggering[s] && h.trigger <= GRIP_OFF {
            state.triggering[s] = false;
        }
    }

    // A chosen gesture held with a trigger, for as long as it is held.
    if held_gesture {
        if let Some(g) = gesture.0.as_mut() {
            g.held += dt;
        }
    } else if let Some(g) = gesture.0.take_if(|g| g.held > 0.0) {
        intents.write(Intent::Do(SelectedGesture::made(&g)));
    }

    // Rubbing palm to palm.
    let rubbing = match (input.hands[0], input.hands[1]) {
        (Some(l), Some(r)) => {
            let rel = l.pose.translation - r.pose.translation;
            let speed = state.rub.previous.map_or(0.0, |p| (rel - p).length() / dt);
            state.rub.previous = Some(rel);
            // Smoothed over about a fifth of a second: a back-and-forth slows to zero at each end.
            let k = (dt / 0.2).min(1.0);
            state.rub.speed += (speed - state.rub.speed) * k;
            rel.length() <= RUB_DISTANCE && state.rub.speed >= RUB_SPEED
        }
        _ => {
            state.rub.previous = None;
            false
        }
    };
    if rubbing {
        state.rub.held += dt;
        state.rub.last = now;
    } else if state.rub.held > 0.0 && now - state.rub.last > RUB_PAUSE {
        let held = std::mem::take(&mut state.rub.held);
        let duration_ms = (held * 1000.0).round() as u64;
        // The gesture the learner chose, made by rubbing; else a rub, which the tracker
        // takes as the rubbing gesture the procedure asks for.
        let kind = match gesture.0.take() {
            Some(g) => ActionKind::Gesture {
                gesture: g.id.as_str().into(),
                duration_ms,
                object: g.object.as_deref().map(Into::into),
            },
            None => ActionKind::Rub { duration_ms },
        };
        intents.write(Intent::Do(kind));
    }

    // Chest compressions: the lower palm over an object that takes them.
    let palm = input
        .hands
        .iter()
        .flatten()
        .map(|h| h.pose.translation)
        .min_by(|a, b| a.y.total_cmp(&b.y));
    let over = palm.and_then(|p| {
        objects
            .iter()
            .filter(|(_, o, _, _)| affords(o, &|a| matches!(a, Affordance::Compress)))
            .find(|(_, _, gt, _)| {
                let c = gt.translation();
                (p - c).with_y(0.0).length() < 0.35 && p.y < c.y + 0.8
            })
            .map(|(_, o, _, _)| (p.y, o.id.clone()))
    });
    // Where the hands press, against the scenario's mark of the lower half of the breastbone
    // (an object tagged `compression-point`, its local −z towards the head).
    let hands_at = palm.and_then(|p| {
        let mark = objects.iter().find(|(_, o, _, _)| {
            sc.index.entities[o.index]
                .tags
                .iter()
                .any(|t| t == "compression-point")
        })?;
        let local = mark.2.affine().inverse().transform_point3(p);
        Some(if local.x.abs() > HAND_SIDE {
            crate::action::HandPosition::Side
        } else if local.z < -HAND_ALONG {
            crate::action::HandPosition::High
        } else if local.z > HAND_ALONG {
            crate::action::HandPosition::Low
        } else {
            crate::action::HandPosition::Centre
        })
    });
    // A physical manikin's chest, calibrated at rest: the hands rest on it, still.
    let cal = &mut state.calibration;
    if std::mem::take(&mut calibration.requested) {
        cal.until = Some(now + CALIBRATION_S);
        cal.samples.clear();
    }
    if let Some(until) = cal.until {
        if let Some((y, id)) = &over {
            cal.samples.push((now, *y, id.clone()));
        }
        calibration.left = Some((until - now).max(0.0) as f32);
        if now < until {
            state.press = Press::default();
            return;
        }
        cal.until = None;
        calibration.left = None;
        let last: Vec<&(f64, f32, String)> = cal
            .samples
            .iter()
            .filter(|(t, _, _)| *t >= until - 1.0)
            .collect();
        let (low, high) = last
            .iter()
            .fold((f32::MAX, f32::MIN), |(lo, hi), (_, y, _)| {
                (lo.min(*y), hi.max(*y))
            });
        let one = last.first().map(|(_, _, id)| id.clone());
        let still = last.len() >= 3
            && high - low <= CALIBRATION_STILL
            && last.iter().all(|(_, _, id)| Some(id) == one.as_ref());
        // The whole last second over the chest, with no gap.
        let covered = last
            .first()
            .is_some_and(|(t, _, _)| *t <= until - 1.0 + 0.2);
        if let (true, true, Some(id)) = (still, covered, one) {
            cal.chest = Some((id, (low + high) / 2.0));
            notices.write(super::interact::Notice("notice-manikin-calibrated"));
        } else {
            notices.write(super::interact::Notice("notice-manikin-not-calibrated"));
        }
        cal.samples.clear();
        state.press = Press::default();
    }
    let rest = |id: &str| {
        state
            .calibration
            .chest
            .as_ref()
            .filter(|(c, _)| c == id)
            .map(|(_, rest)| *rest)
    };
    let compression = |depth: Option<f32>, full: Option<bool>, p: &Press| {
        Intent::Do(ActionKind::Compress {
            object: p.object.as_deref().map(Into::into),
            // Whole millimetres: the tracking is no finer.
            depth_mm: depth.map(|d| (d * 1000.0).max(0.0).round() as f64),
            full_recoil: full,
            hands: p.hands,
        })
    };
    match over {
        Some((y, id)) => {
            let rest = rest(&id);
            let p = &mut state.press;
            if p.object.as_ref() != Some(&id) {
                *p = Press {
                    object: Some(id),
                    top: y,
                    bottom: y,
                    ..Press::default()
                };
            } else if let (Some(rest), Some(rose)) = (rest, p.rose) {
                // Measured: full recoil once back near rest; a new push before that is not.
                let rose = rose.max(y);
                p.rose = Some(rose);
                if rose >= rest - RECOIL_TOLERANCE {
                    intents.write(compression(Some(rest - p.bottom), Some(true), p));
                    p.rose = None;
                    p.down = false;
                    p.top = y;
                } else if rose - y >= RECOIL {
                    intents.write(compression(Some(rest - p.bottom), Some(false), p));
                    p.rose = None;
                    p.down = true;
                    p.bottom = y;
                    p.hands = hands_at;
                }
            } else if !p.down {
                p.top = p.top.max(y);
                if p.top - y >= PUSH {
                    p.down = true;
                    p.bottom = y;
                    p.hands = hands_at;
                }
            } else {
                if y <= p.bottom {
                    p.bottom = y;
                    p.hands = hands_at;
                }
                if y - p.bottom >= RECOIL {
                    if rest.is_some() {
                        p.rose = Some(y);
                    } else {
                        p.down = false;
                        p.top = y;
                        intents.write(compression(None, None, p));
                    }
                }
            }
        }
        None => {
            // Hands off the chest while rising from a push: that push did not recoil fully.
            let p = &state.press;
            if p.rose.is_some()
                && let Some(rest) = p.object.as_deref().and_then(rest)
            {
                intents.write(compression(Some(rest - p.bottom), Some(false), p));
            }
            state.press = Press::default();
        }
    }
}

// ----- Comfort: snap turns and teleport --------------------------------------------------------

/// A move of the tracking space (the room under the learner's feet), for the comfort options.
#[derive(Message, Debug, Clone, Copy, PartialEq)]
pub enum RootMove {
    /// Turned about the vertical through a point on the floor (under the head), radians,
    /// positive to the left.
    Turn {
        /// The point on the floor.
        about: Vec3,
        /// The angle.
        angle: f32,
    },
    /// Moved along the floor by this much.
    Shift(Vec3),
}

/// What the comfort options remember between frames.
#[derive(Resource, Debug, Default)]
pub struct Locomotion {
    turned: bool,
    /// Where a teleport would land, while the learner aims one.
    pub aiming: Option<Vec3>,
}

/// A snap turn's angle, degrees.
pub const SNAP_TURN_DEG: f32 = 30.0;
/// The farthest a teleport goes, m.
pub const TELEPORT_RANGE: f32 = 4.0;

/// Snap turns (right stick left or right: 30°, once per push) and teleport (left stick
/// forward: aim along the left hand's ray at the floor, at most 4 m away; let the stick go to
/// land there), as the comfort setting allows. It only says how the room should move; the
/// OpenXR layer moves its tracking space.
pub fn locomotion(
    settings: Option<Res<super::settings::Settings>>,
    input: Res<VrInput>,
    mut state: ResMut<Locomotion>,
    mut moves: MessageWriter<RootMove>,
) {
    use super::settings::VrMotion;
    let motion = settings.map(|s| s.vr_motion).unwrap_or_default();
    let Some(head) = input.head else { return };
    if motion == VrMotion::RoomScale {
        state.aiming = None;
        return;
    }
    let stick = |i: usize| input.hands[i].map(|h| h.stick).unwrap_or_default();
    let floor = head.translation.with_y(0.0);
    let turn = stick(1).x;
    if !state.turned && turn.abs() > 0.7 {
        state.turned = true;
        moves.write(RootMove::Turn {
            about: floor,
            angle: -turn.signum() * SNAP_TURN_DEG.to_radians(),
        });
    } else if turn.abs() < 0.3 {
        state.turned = false;
    }
    if motion != VrMotion::SnapTurnAndTeleport {
        state.aiming = None;
        return;
    }
    let forward = stick(0).y;
    if forward > 0.7 {
        state.aiming = input.hands[0].and_then(|h| {
            let dir = h.aim.rotation * Vec3::NEG_Z;
            (dir.y < -0.05).then(|| {
                let p = h.aim.translation + dir * (-h.aim.translation.y / dir.y);
                floor + (p - floor).with_y(0.0).clamp_length_max(TELEPORT_RANGE)
            })
        });
    } else if forward < 0.3
        && let Some(to) = state.aiming.take()
    {
        moves.write(RootMove::Shift(to - floor));
    }
}

// ----- Tracked hands ---------------------------------------------------------------------------

/// A tracked hand from its joints (indexed as OpenXR's hand joints, `HandBone`; none where
/// not tracked): the palm, how closed the hand is (the finger tips' distance to the palm: about
/// 9 cm open, 4 cm in a fist), the thumb-to-index pinch as its trigger, and its ray along the
/// fingers from the palm.
pub fn hand_from_joints(joint: &[Option<Transform>; 26]) -> Option<HandInput> {
    use bevy_mod_xr::hands::HandBone;
    let palm = joint[HandBone::Palm as usize]?;
    let tip = |b: HandBone| joint[b as usize].map(|t| t.translation);
    let curl: Vec<f32> = [HandBone::IndexTip, HandBone::MiddleTip, HandBone::RingTip]
        .into_iter()
        .filter_map(tip)
        .map(|p| p.distance(palm.translation))
        .collect();
    let grip = if curl.is_empty() {
        0.0
    } else {
        let d = curl.iter().sum::<f32>() / curl.len() as f32;
        ((0.085 - d) / 0.04).clamp(0.0, 1.0)
    };
    let trigger = match (tip(HandBone::ThumbTip), tip(HandBone::IndexTip)) {
        (Some(a), Some(b)) => ((0.05 - a.distance(b)) / 0.035).clamp(0.0, 1.0),
        _ => 0.0,
    };
    Some(HandInput {
        pose: palm,
        // OpenXR's palm joint has its −Z along the fingers.
        aim: palm,
        grip,
        trigger,
        stick: Vec2::ZERO,
    })
}

/// The body part a held object is brought to, if any: the other hand, the head, a foot (low
/// down, on its side) or the body.
fn body_target(
    at: Vec3,
    head: Option<Transform>,
    hands: &[Option<HandInput>; 2],
    holding: Hand,
) -> Option<&'static str> {
    let other = match holding {
        Hand::Left => Hand::Right,
        Hand::Right => Hand::Left,
    };
    if hands[slot(other)].is_some_and(|h| h.pose.translation.distance(at) < 0.1) {
        return Some(other.id());
    }
    let head = head?;
    if head.translation.distance(at) < 0.25 {
        return Some("head");
    }
    if at.y < 0.4 {
        let right = head.rotation * Vec3::X;
        let side = (at - head.translation).dot(right);
        return Some(if side >= 0.0 {
            "right-foot"
        } else {
            "left-foot"
        });
    }
    let chest = head.translation - Vec3::Y * 0.45;
    ((at - chest).with_y(0.0).length() < 0.35 && (at.y - chest.y).abs() < 0.45).then_some("torso")
}
