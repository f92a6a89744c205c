//! Interaction: turns the learner's intents (from the desktop controls, or from a test) into
//! physics and into the core's learner actions. Two hands, each holding at most one thing;
//! grab, carry and place with real physics; touches emitted when contact starts between a hand
//! (or a held object, or a foot) and an object. What an action means is the core's business.

pub use super::intents::{
    HandSource, HeldGesture, Intent, Notice, SelectedGesture, WalkInput, entered,
};
use super::scene::{Obj, RoomItem, groups};
use super::session::{Act, Session};
use crate::action::{ActionKind, Hand};
use crate::record::PoseSample;
use bevy::prelude::*;
use bevy_rapier3d::prelude::*;

/// Intents applied and touches found each frame; the body walks and carries at each physics
/// step; the hands and feet follow.
pub fn plugin(app: &mut App) {
    use super::flow::PraxisSystems;
    app.add_message::<Intent>()
        .add_message::<Notice>()
        .init_resource::<Hands>()
        .init_resource::<SelectedGesture>()
        .init_resource::<HandSource>()
        .init_resource::<WalkInput>()
        .insert_resource(Rig::standing(Vec3::ZERO, false))
        .insert_resource(Time::<Fixed>::from_hz(60.0))
        .insert_resource(TimestepMode::Fixed {
            dt: 1.0 / 60.0,
            substeps: 1,
        })
        .add_plugins(RapierPhysicsPlugin::<NoUserData>::default().in_fixed_schedule())
        .add_systems(FixedUpdate, (walk, carry).before(PhysicsSet::SyncBackend))
        .add_systems(
            Update,
            (apply_intents, touches)
                .chain()
                .in_set(PraxisSystems::Detect),
        )
        .add_systems(
            Update,
            (follow_body, move_limbs, sample_poses)
                .chain()
                .in_set(PraxisSystems::Track)
                .after(super::scene::restock)
                .before(super::reload::hot_reload),
        );
}

fn walk(
    time: Res<Time>,
    input: Res<WalkInput>,
    mut body: Query<&mut KinematicCharacterController, With<Body>>,
) {
    let _t = super::perf::scope();
    if let Ok(mut ctl) = body.single_mut() {
        ctl.translation = Some(input.0 * time.delta_secs() - Vec3::Y * 0.01);
    }
}

/// Eye height of a kneeling learner leaning over what lies on the floor, m.
pub const KNEELING_EYE: f32 = 0.85;
/// Eye height of a standing learner, m.
pub const STANDING_EYE: f32 = 1.65;

/// The learner's body: feet position, where they look, how tall.
#[derive(Resource, Debug, Clone)]
pub struct Rig {
    /// Feet, on the floor.
    pub position: Vec3,
    /// Turn about the vertical, radians (0 looks towards −z).
    pub yaw: f32,
    /// Look up (+) or down (−), radians.
    pub pitch: f32,
    /// Eye height above the feet.
    pub eye: f32,
    /// Seated: no walking.
    pub seated: bool,
    /// Kneeling (eyes at 0.85 m, no walking): to reach what lies on the floor.
    pub kneeling: bool,
}

impl Rig {
    /// Where the learner stands at the start: the scenario's start, else x = 0, z = 0.6,
    /// facing −z.
    pub fn at_start(sc: &crate::scenario::Scenario, seated: bool) -> Rig {
        match &sc.model.room.start {
            Some(p) => {
                let mut rig = Rig::standing(
                    Vec3::new(p.position.0 as f32, 0.0, p.position.2 as f32),
                    seated,
                );
                rig.yaw = (p.rotation.1 as f32).to_radians();
                if p.rotation.0 != 0.0 {
                    rig.pitch = (p.rotation.0 as f32).to_radians();
                }
                rig
            }
            None => Rig::standing(Vec3::new(0.0, 0.0, 0.6), seated),
        }
    }

    /// Standing at a point.
    pub fn standing(position: Vec3, seated: bool) -> Rig {
        Rig {
            position,
            yaw: 0.0,
            pitch: -0.25,
            eye: if seated { 1.2 } else { STANDING_EYE },
            seated,
            kneeling: false,
        }
    }

    /// Eye height now (lower when kneeling).
    pub fn eye_now(&self) -> f32 {
        if self.kneeling {
            KNEELING_EYE
        } else {
            self.eye
        }
    }

    /// The head's (camera's) transform.
    pub fn head(&self) -> Transform {
        Transform::from_translation(self.position + Vec3::Y * self.eye_now())
            .with_rotation(Quat::from_euler(EulerRot::YXZ, self.yaw, self.pitch, 0.0))
    }

    /// How far a hand reaches from the eye.
    pub fn reach(&self) -> f32 {
        if self.seated { 1.25 } else { 1.05 }
    }

    /// Where a hand rests (empty: close to the body; holding: in view).
    pub fn hand_rest(&self, hand: Hand, holding: bool) -> Transform {
        let side = match hand {
            Hand::Left => -1.0,
            Hand::Right => 1.0,
        };
        let body = Quat::from_rotation_y(self.yaw);
        let local = if holding {
            Vec3::new(0.17 * side, -0.32, -0.42)
        } else {
            Vec3::new(0.14 * side, -0.45, -0.12)
        };
        // Held things follow the gaze up and down a little, so they stay in view.
        let look = Quat::from_euler(EulerRot::YXZ, self.yaw, self.pitch * 0.5, 0.0);
        let rot = if holding { look } else { body };
        Transform::from_translation(self.position + Vec3::Y * self.eye_now() + rot * local)
            .with_rotation(body)
    }
}

/// A hand's sensor.
#[derive(Component, Debug, Clone, Copy)]
pub struct HandLimb(pub Hand);

/// A foot's sensor (a body part tagged `foot`).
#[derive(Component, Debug, Clone)]
pub struct FootLimb {
    /// Its body-part id.
    pub id: String,
    /// Where it was put down (room coordinates), if moved from under the body; it goes back
    /// under the body once the learner walks away from it.
    pub placed: Option<Vec3>,
    /// Side offset under the body.
    pub side: f32,
}

/// The learner's body collider (walking).
#[derive(Component)]
pub struct Body;

/// A reach in progress.
#[derive(Debug, Clone, Copy)]
pub struct Reach {
    /// Target point.
    pub to: Vec3,
    /// Seconds since it started.
    pub t: f32,
}

/// Seconds a reach takes out, holds, and back.
pub const REACH_OUT: f32 = 0.25;
/// Seconds the hand stays on the point.
pub const REACH_HOLD: f32 = 0.3;

/// What each hand holds or does.
#[derive(Resource, Debug, Default, Clone)]
pub struct Hands {
    /// Held object per hand (0 left, 1 right).
    pub held: [Option<Entity>; 2],
    /// Reach in progress per hand.
    pub reach: [Option<Reach>; 2],
    /// An object the other hand holds that this hand holds too (a two-handed item, in a
    /// headset): it is carried between the two hands. The core knows one holder.
    pub support: [Option<Entity>; 2],
}

/// A hand's index in two-slot arrays (0 left, 1 right).
pub(crate) fn slot(h: Hand) -> usize {
    match h {
        Hand::Left => 0,
        Hand::Right => 1,
    }
}

impl Hands {
    /// What a hand holds.
    pub fn holding(&self, h: Hand) -> Option<Entity> {
        self.held[slot(h)]
    }

    /// Which hand holds an entity.
    pub fn holder(&self, e: Entity) -> Option<Hand> {
        [Hand::Left, Hand::Right]
            .into_iter()
            .find(|&h| self.held[slot(h)] == Some(e))
    }
}

/// Spawns the hands (with their models when `server` is given), the feet and the body.
pub fn spawn_limbs(
    commands: &mut Commands,
    scenario: &crate::scenario::Scenario,
    rig: &Rig,
    server: Option<&AssetServer>,
) {
    for hand in [Hand::Left, Hand::Right] {
        let mut e = commands.spawn((
            RoomItem,
            Name::new(hand.id()),
            HandLimb(hand),
            rig.hand_rest(hand, false),
            RigidBody::KinematicPositionBased,
            Collider::ball(0.045),
            Sensor,
            ActiveEvents::COLLISION_EVENTS,
            ActiveCollisionTypes::all(),
            CollisionGroups::new(groups::LIMBS, groups::SOLID),
        ));
        if let Some(server) = server {
            let file = match hand {
                Hand::Left => "models/hand-left.glb",
                Hand::Right => "models/hand-right.glb",
            };
            let scene = server.load(GltfAssetLabel::Scene(0).from_asset(file));
            e.insert(Visibility::default())
                .with_child(bevy::world_serialization::WorldAssetRoot(scene));
        }
    }
    let mut side = -0.12;
    for part in &scenario.model.body_parts {
        if !part.tags.iter().any(|t| t == "foot") {
            continue;
        }
        commands.spawn((
            RoomItem,
            Name::new(part.id.to_string()),
            FootLimb {
                id: part.id.to_string(),
                placed: None,
                side,
            },
            Transform::from_translation(rig.position + Vec3::new(side, 0.04, 0.0)),
            RigidBody::KinematicPositionBased,
            Collider::cuboid(0.05, 0.04, 0.13),
            Sensor,
            ActiveEvents::COLLISION_EVENTS,
            ActiveCollisionTypes::all(),
            CollisionGroups::new(groups::LIMBS, groups::SOLID),
        ));
        side = -side;
    }
    commands.spawn((
        RoomItem,
        Name::new("body"),
        Body,
        Transform::from_translation(rig.position + Vec3::Y * 0.9),
        RigidBody::KinematicPositionBased,
        Collider::capsule_y(0.55, 0.25),
        CollisionGroups::new(groups::BODY, groups::WORLD),
        KinematicCharacterController {
            up: Vec3::Y,
            offset: CharacterLength::Absolute(0.02),
            autostep: Some(CharacterAutostep {
                max_height: CharacterLength::Absolute(0.5),
                min_width: CharacterLength::Absolute(0.2),
                include_dynamic_bodies: false,
            }),
            snap_to_ground: Some(CharacterLength::Absolute(0.3)),
            apply_impulse_to_dynamic_bodies: false,
            filter_groups: Some(CollisionGroups::new(groups::BODY, groups::WORLD)),
            ..default()
        },
    ));
}

/// Turns intents into physics and actions.
pub fn apply_intents(
    mut commands: Commands,
    session: Option<Res<Session>>,
    mut intents: MessageReader<Intent>,
    mut hands: ResMut<Hands>,
    rig: Res<Rig>,
    mut acts: MessageWriter<Act>,
    mut notices: MessageWriter<Notice>,
    objects: Query<(&Obj, &GlobalTransform)>,
    mut bodies: Query<
        (
            &mut Transform,
            &mut Velocity,
            &mut GravityScale,
            &mut CollisionGroups,
            &mut SolverGroups,
        ),
        With<Obj>,
    >,
    mut feet: Query<&mut FootLimb>,
    ids: Query<(Entity, &Obj)>,
    rapier: ReadRapierContext,
) {
    let _t = super::perf::scope();
    for intent in intents.read() {
        match intent {
            Intent::Grab { hand, object } => {
                let Ok((obj, at)) = objects.get(*object) else {
                    continue;
                };
                if !obj.grabbable
                    || hands.holding(*hand).is_some()
                    || hands.holder(*object).is_some()
                {
                    notices.write(Notice(if hands.holding(*hand).is_some() {
                        "notice-hand-full"
                    } else {
                        "notice-cannot-grab"
                    }));
                    continue;
                }
                if at.translation().distance(rig.head().translation) > rig.reach() + 0.3 {
                    notices.write(Notice("notice-out-of-reach"));
                    continue;
                }
                hands.held[slot(*hand)] = Some(*object);
                if let Ok((_, _, mut g, mut cg, mut sg)) = bodies.get_mut(*object) {
                    g.0 = 0.0;
                    (*cg, *sg) = groups::held();
                }
                acts.write(Act(ActionKind::Grab {
                    hand: *hand,
                    object: obj.id.as_str().into(),
                }));
            }
            Intent::Place { hand, .. } | Intent::Drop { hand } => {
                let Some(e) = hands.holding(*hand) else {
                    continue;
                };
                let Ok((obj, gt)) = objects.get(e) else {
                    continue;
                };
                let id = obj.id.clone();
                let place = match intent {
                    Intent::Place { at, .. } => Some(*at),
                    _ => None,
                };
                // What it will rest on: under the point it is put down at, or under it.
                let under = surface_under(
                    &rapier,
                    place.map_or(gt.translation(), |p| p + Vec3::Y * 0.05),
                    e,
                );
                if let Ok((mut t, mut v, mut g, mut cg, mut sg)) = bodies.get_mut(e) {
                    if let Some(p) = place {
                        t.translation = p + Vec3::Y * 0.01;
                        t.rotation = Quat::from_rotation_y(rig.yaw);
                        *v = Velocity::zero();
                    }
                    g.0 = 1.0;
                    (*cg, *sg) = groups::loose();
                }
                hands.held[slot(*hand)] = None;
                acts.write(Act(ActionKind::Release {
                    hand: *hand,
                    object: id.as_str().into(),
                    on: under
                        .and_then(|u| objects.get(u).ok())
                        .map(|(o, _)| o.id.as_str().into()),
                    position: place.map(|p| [round3(p.x), round3(p.y), round3(p.z)]),
                }));
            }
            Intent::Touch { hand, at } => {
                if hands.holding(*hand).is_some() {
                    notices.write(Notice("notice-hand-full"));
                    continue;
                }
                if at.distance(rig.head().translation) > rig.reach() {
                    notices.write(Notice("notice-out-of-reach"));
                    continue;
                }
                hands.reach[slot(*hand)] = Some(Reach { to: *at, t: 0.0 });
            }
            Intent::Step { foot, at } => {
                if (*at - rig.position).with_y(0.0).length() > 1.0 {
                    notices.write(Notice("notice-out-of-reach"));
                    continue;
                }
                for mut f in &mut feet {
                    if &f.id == foot {
                        f.placed = Some(*at);
                    }
                }
            }
            Intent::Do(kind) => {
                acts.write(Act(kind.clone()));
                // A grab or a release stated outright (a played event log, a scripted test)
                // moves the object as the pointing controls would, without their reach check.
                let entity = |id: &str| ids.iter().find(|(_, o)| o.id == id).map(|(e, _)| e);
                match kind {
                    ActionKind::Grab { hand, object } => {
                        if let Some(e) = entity(object.as_str())
                            && hands.holding(*hand).is_none()
                            && hands.holder(e).is_none()
                            && let Ok((_, _, mut g, mut cg, mut sg)) = bodies.get_mut(e)
                        {
                            hands.held[slot(*hand)] = Some(e);
                            g.0 = 0.0;
                            (*cg, *sg) = groups::held();
                        }
                    }
                    ActionKind::Release {
                        hand, object, on, ..
                    } => {
                        // Put down on what it names, else let go where it is.
                        let onto = on
                            .as_ref()
                            .and_then(|o| entity(o.as_str()))
                            .and_then(|t| objects.get(t).ok())
                            .map(|(_, gt)| gt.translation());
                        if let Some(e) = entity(object.as_str())
                            && hands.holding(*hand) == Some(e)
                            && let Ok((mut t, mut v, mut g, mut cg, mut sg)) = bodies.get_mut(e)
                        {
                            hands.held[slot(*hand)] = None;
                            if let Some(p) = onto {
                                // Side by side rather than in a pile: a spot per object.
                                let k = objects.get(e).map_or(0, |(o, _)| o.index) as f32;
                                let spot = Vec3::new(
                                    (k % 3.0 - 1.0) * 0.12,
                                    0.05,
                                    ((k / 3.0).floor() % 2.0 - 0.5) * 0.12,
                                );
                                t.translation = p + spot;
                                *v = Velocity::zero();
                            }
                            g.0 = 1.0;
                            (*cg, *sg) = groups::loose();
                        }
                    }
                    _ => {}
                }
                // A garment put on a hand or a body part is worn: it leaves the room, and the
                // hand that held it is free again.
                if let ActionKind::UseOn {
                    object,
                    target,
                    hand: Some(_),
                } = kind
                    && let Some(e) = entity(object.as_str())
                    && objects.get(e).is_ok_and(|(o, _)| o.grabbable)
                    && session
                        .as_ref()
                        .is_some_and(|s| worn_on(&s.start.scenario, target.as_str()))
                {
                    if let Some(holder) = hands.holder(e) {
                        hands.held[slot(holder)] = None;
                        acts.write(Act(ActionKind::Release {
                            hand: holder,
                            object: object.clone(),
                            on: None,
                            position: None,
                        }));
                    }
                    commands.entity(e).insert((
                        ColliderDisabled,
                        RigidBodyDisabled,
                        Visibility::Hidden,
                    ));
                } else if let ActionKind::UseOn {
                    object,
                    target,
                    hand: Some(hand),
                } = kind
                    && let Some(e) = hands.holding(*hand)
                    && let Some(sc) = session.as_ref().map(|s| &s.start.scenario)
                    && objects.get(e).is_ok_and(|(o, _)| {
                        o.id == object.as_str() && stays_on(sc, o.index, target.as_str())
                    })
                    && let Some(at) = objects
                        .iter()
                        .find(|(o, _)| o.id == target.as_str())
                        .map(|(_, gt)| gt.compute_transform())
                {
                    // A pad stuck on the chest, a dressing on the arm: it stays where it was used.
                    hands.held[slot(*hand)] = None;
                    acts.write(Act(ActionKind::Release {
                        hand: *hand,
                        object: object.clone(),
                        on: Some(target.clone()),
                        position: None,
                    }));
                    if let Ok((mut t, mut v, mut g, mut cg, mut sg)) = bodies.get_mut(e) {
                        t.translation = at.translation + Vec3::Y * 0.006;
                        t.rotation = at.rotation;
                        *v = Velocity::zero();
                        g.0 = 1.0;
                        (*cg, *sg) = groups::loose();
                    }
                    commands.entity(e).insert(RigidBody::Fixed);
                }
            }
        }
    }
}

/// Whether object `index`, used on `target`, stays there (`UseOn(…, stays: true)`).
fn stays_on(sc: &crate::scenario::Scenario, index: usize, target: &str) -> bool {
    sc.model.room.objects[index].affords.iter().any(|a| {
        matches!(a, crate::scenario::model::Affordance::UseOn { target: r, stays: true, .. }
            if super::scene::entity_matches(sc, r.as_str(), target))
    })
}

/// Whether an entity id is part of the learner (a hand or a body part).
pub fn worn_on(sc: &crate::scenario::Scenario, id: &str) -> bool {
    id == Hand::Left.id()
        || id == Hand::Right.id()
        || sc.model.body_parts.iter().any(|b| b.id.as_str() == id)
}

fn round3(x: f32) -> f64 {
    (x as f64 * 1000.0).round() / 1000.0
}

/// The object right under a point (a ray cast down), ignoring one entity.
fn surface_under(rapier: &ReadRapierContext, from: Vec3, except: Entity) -> Option<Entity> {
    let ctx = rapier.single().ok()?;
    let filter = QueryFilter::new()
        .groups(CollisionGroups::new(Group::ALL, groups::SOLID))
        .exclude_collider(except)
        .exclude_sensors();
    ctx.cast_ray(from, -Vec3::Y, 1.5, true, filter)
        .map(|(e, _)| e)
}

/// Moves the hands (rest pose or a reach) and the feet with the body.
pub fn move_limbs(
    time: Res<Time>,
    rig: Res<Rig>,
    mut hands: ResMut<Hands>,
    mut limbs: Query<(&HandLimb, &mut Transform), Without<FootLimb>>,
    mut feet: Query<(&mut FootLimb, &mut Transform), Without<HandLimb>>,
    source: Res<HandSource>,
) {
    let _t = super::perf::scope();
    let dt = time.delta_secs();
    // In a headset the hands are where they are tracked (the VR mapping puts them there).
    let limbs = limbs.iter_mut().filter(|_| !source.tracked);
    for (limb, mut t) in limbs {
        let s = slot(limb.0);
        let rest = rig.hand_rest(limb.0, hands.held[s].is_some());
        let mut target = rest;
        if let Some(r) = hands.reach[s].as_mut() {
            r.t += dt;
            let k = if r.t < REACH_OUT {
                r.t / REACH_OUT
            } else if r.t < REACH_OUT + REACH_HOLD {
                1.0
            } else {
                1.0 - (r.t - REACH_OUT - REACH_HOLD) / REACH_OUT
            };
            target.translation = rest.translation.lerp(r.to, k.clamp(0.0, 1.0));
            if r.t >= 2.0 * REACH_OUT + REACH_HOLD {
                hands.reach[s] = None;
            }
        }
        *t = target;
    }
    let body = Quat::from_rotation_y(rig.yaw);
    for (mut f, mut t) in &mut feet {
        if f.placed
            .is_some_and(|p| (p - rig.position).with_y(0.0).length() > 1.2)
        {
            f.placed = None;
        }
        t.translation = match f.placed {
            Some(at) => at.with_y(0.04),
            None => rig.position + body * Vec3::new(f.side, 0.04, 0.0),
        };
        t.rotation = body;
    }
}

/// Drives held objects towards their hand with velocities, so that they still collide with
/// walls and furniture on the way (runs before each physics step).
pub fn carry(
    time: Res<Time>,
    hands: Res<Hands>,
    limbs: Query<(&HandLimb, &Transform), Without<Obj>>,
    mut held: Query<(&Transform, &mut Velocity, Option<&ReadMassProperties>), With<Obj>>,
) {
    let _t = super::perf::scope();
    let dt = time.delta_secs().max(1e-3);
    let pose = |h: Hand| limbs.iter().find(|(l, _)| l.0 == h).map(|(_, t)| *t);
    for (limb, hand_t) in &limbs {
        let Some(e) = hands.holding(limb.0) else {
            continue;
        };
        let Ok((t, mut v, mass)) = held.get_mut(e) else {
            continue;
        };
        // Held in both hands: between them.
        let other = match limb.0 {
            Hand::Left => Hand::Right,
            Hand::Right => Hand::Left,
        };
        let both = (hands.support[slot(other)] == Some(e))
            .then(|| pose(other))
            .flatten()
            .map(|o| Transform {
                translation: (hand_t.translation + o.translation) / 2.0,
                ..*hand_t
            });
        let hand_t = both.as_ref().unwrap_or(hand_t);
        let com = mass
            .map(|m| m.get().local_center_of_mass)
            .unwrap_or(Vec3::ZERO);
        let grip = t.translation + t.rotation * com;
        let to = hand_t.translation - grip;
        v.linear = (to / dt * 0.6).clamp_length_max(6.0);
        let (axis, angle) = (hand_t.rotation * t.rotation.inverse()).to_axis_angle();
        let angle = if angle > std::f32::consts::PI {
            angle - std::f32::consts::TAU
        } else {
            angle
        };
        v.angular = (axis * angle / dt * 0.3).clamp_length_max(8.0);
    }
}

/// Emits a touch for each contact that starts between a hand, a foot or a held object, and an
/// object (none while an event log plays: see [`HandSource::replaying`]).
pub fn touches(
    mut events: MessageReader<CollisionEvent>,
    source: Res<HandSource>,
    hands: Res<Hands>,
    limbs: Query<&HandLimb>,
    feet: Query<&FootLimb>,
    objects: Query<&Obj>,
    mut acts: MessageWriter<Act>,
) {
    let _t = super::perf::scope();
    if source.replaying {
        events.clear();
        return;
    }
    for ev in events.read() {
        let CollisionEvent::Started(a, b, _) = *ev else {
            continue;
        };
        let actor = |e: Entity| -> Option<String> {
            if let Ok(h) = limbs.get(e) {
                return Some(h.0.id().to_string());
            }
            if let Ok(f) = feet.get(e) {
                return Some(f.id.clone());
            }
            if hands.holder(e).is_some() {
                return objects.get(e).ok().map(|o| o.id.clone());
            }
            None
        };
        for (x, y) in [(a, b), (b, a)] {
            let (Some(who), Ok(what)) = (actor(x), objects.get(y)) else {
                continue;
            };
            // A hand and the object it holds are one.
            if let Ok(h) = limbs.get(x)
                && hands.holding(h.0) == Some(y)
            {
                continue;
            }
            if actor(y).is_some() && x > y {
                // Both sides are actors (a held object touching a hand): one touch.
                continue;
            }
            acts.write(Act(ActionKind::Touch {
                a: who.as_str().into(),
                b: what.id.as_str().into(),
            }));
            break;
        }
    }
}

/// Writes the 10 Hz pose track into the record.
pub fn sample_poses(
    rig: Res<Rig>,
    session: Option<ResMut<Session>>,
    limbs: Query<(&HandLimb, &Transform)>,
) {
    let _t = super::perf::scope();
    let Some(mut session) = session else { return };
    if !session.pose_due() {
        return;
    }
    let pose = |t: &Transform| {
        let (p, q) = (t.translation, t.rotation);
        [p.x, p.y, p.z, q.x, q.y, q.z, q.w]
    };
    let mut left = [0.0; 7];
    let mut right = [0.0; 7];
    for (h, t) in &limbs {
        match h.0 {
            Hand::Left => left = pose(t),
            Hand::Right => right = pose(t),
        }
    }
    session.record_poses(PoseSample {
        at_ms: 0,
        head: pose(&rig.head()),
        left,
        right,
    });
}

/// Moves the body with the character controller's result (walking is the desktop layer's).
pub fn follow_body(
    mut rig: ResMut<Rig>,
    bodies: Query<(&Transform, Option<&KinematicCharacterControllerOutput>), With<Body>>,
) {
    let _t = super::perf::scope();
    if let Ok((t, Some(_))) = bodies.single() {
        let feet = t.translation - Vec3::Y * 0.9;
        if feet.distance(rig.position) > 1e-4 {
            rig.position = feet;
        }
    }
}
