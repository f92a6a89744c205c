//! Playing an event log in the window (`praxis run SCENARIO --play LOG`): an instructor watches
//! a playthrough at its own pace, or jumps to a point of it (`--until SECONDS`) to see the
//! scenario there — and the rendering tests take their mid-scenario pictures that way.

use super::interact::{Body, HandSource, Hands, Intent, Rig};
use super::scene::Obj;
use super::session::Session;
use crate::action::{ActionKind, LearnerAction, SimTime};
use bevy::prelude::*;
use bevy_rapier3d::prelude::{QueryFilter, ReadRapierContext};

/// The actions still to play.
#[derive(Resource, Debug, Clone)]
pub struct Playback {
    actions: Vec<LearnerAction>,
    /// Jump through the actions up to this session time (ms), then hand over to the learner;
    /// none: play them all at their times.
    until: Option<u64>,
    next: usize,
    /// Whether the learner has turned to what comes next, at the end of a jump.
    aimed: bool,
}

impl Playback {
    /// Plays `actions` (a log's, in order), all at their times or, with `until`, at once up to
    /// that session time.
    pub fn new(actions: Vec<LearnerAction>, until: Option<SimTime>) -> Playback {
        Playback {
            actions,
            until: until.map(|t| t.0),
            next: 0,
            aimed: false,
        }
    }

    /// Whether it is jumping through the log (no sounds then: they would all come at once).
    pub fn jumping(&self, session: Option<&Session>) -> bool {
        self.until.is_some() && !self.done(session)
    }

    /// Whether everything there is to play has been played.
    pub fn done(&self, session: Option<&Session>) -> bool {
        let left = self
            .actions
            .get(self.next)
            .is_some_and(|a| self.until.is_none_or(|u| a.at.0 <= u));
        !left
            && self
                .until
                .is_none_or(|u| session.is_none_or(|s| s.clock_ms >= u))
    }
}

/// An event log, when one is given, played first in the frame; while it plays, the hands are
/// its own.
pub fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (play, hands)
            .chain()
            .run_if(resource_exists::<Playback>)
            .in_set(super::flow::PraxisSystems::Capture),
    );
}

/// The hands are the log's while it plays, the learner's after.
fn hands(playback: Res<Playback>, session: Option<Res<Session>>, mut source: ResMut<HandSource>) {
    let replaying = !playback.done(session.as_deref());
    if source.replaying != replaying {
        source.replaying = replaying;
    }
}

/// Plays the next action when its time has come (or at once, when jumping).
pub fn play(
    mut playback: ResMut<Playback>,
    session: Option<ResMut<Session>>,
    mut intents: MessageWriter<Intent>,
    mut rig: ResMut<Rig>,
    objects: Query<(Entity, &Obj, &GlobalTransform)>,
    mut body: Query<(Entity, &mut Transform), With<Body>>,
    rapier: ReadRapierContext,
    hands: Option<Res<Hands>>,
) {
    let _t = super::perf::scope();
    let Some(mut session) = session else { return };
    if session.finished() {
        return;
    }
    let Some(action) = playback.actions.get(playback.next) else {
        if let Some(u) = playback.until {
            session.skip_to(SimTime(u));
        }
        return;
    };
    let room = session.start.scenario.model.room.size;
    let walls = Vec2::new(room.0 as f32, room.2 as f32) / 2.0;
    let half = walls - Vec2::splat(0.3);
    let me = body.iter().map(|(e, _)| e).next();
    // A place to stand: inside the walls, and no furniture where the body would be.
    let free = |spot: Vec3| {
        if spot.x.abs() > half.x || spot.z.abs() > half.y {
            return false;
        }
        let Ok(ctx) = rapier.single() else {
            return true;
        };
        let mut blocked = false;
        for h in [0.3, 0.8] {
            ctx.intersect_point(
                spot + Vec3::Y * h,
                QueryFilter::default().exclude_sensors(),
                |e| {
                    blocked |= Some(e) != me;
                    !blocked
                },
            );
        }
        !blocked
    };
    match playback.until {
        Some(u) if action.at.0 > u => {
            session.skip_to(SimTime(u));
            if !playback.aimed {
                playback.aimed = true;
                // The jump ends where the log goes on: the learner turns to what the current
                // step is about — what the first step the guided panel shows is done at — or,
                // when that step names no object (a state reached, an answer), to what the
                // log's next actions are done on, so that the picture (or the instructor taking
                // over) sees it.
                let tracker = &session.tracker;
                let ix = &tracker.scenario().index;
                let by_step: Vec<&str> = tracker
                    .next_steps()
                    .into_iter()
                    .take(1)
                    .flat_map(|s| ix.steps[s as usize].pattern.places())
                    .filter(|&e| tracker.present(e) && ix.entities[e as usize].object.is_some())
                    .map(|e| ix.entities[e as usize].id.as_str())
                    .collect();
                let by_log =
                    playback.actions[playback.next..]
                        .iter()
                        .take(4)
                        .flat_map(|a| match &a.kind {
                            // What a tool is used on rather than the tool in the hand — unless it
                            // is used on the learner's own body (gloves put on a hand).
                            ActionKind::UseOn { object, target, .. } => {
                                vec![target.as_str(), object.as_str()]
                            }
                            k => focus(k).into_iter().collect(),
                        });
                // Not what a hand holds or wears (gloves put on stay with the hand): it is at the
                // learner's side, not ahead.
                let eye = rig.position + Vec3::Y * rig.eye_now();
                let on_me = |e: Entity, at: &GlobalTransform| {
                    hands.as_ref().is_some_and(|h| h.held.contains(&Some(e)))
                        || at.translation().distance(eye) < 0.6
                };
                let next = by_step.into_iter().chain(by_log).find_map(|id| {
                    objects
                        .iter()
                        .find(|(e, o, at)| o.id == id && !on_me(*e, at))
                });
                // Out of reach (across the room, or aside and beyond arm's length), the learner
                // steps in front of it, as before an action; within reach, only turns to it.
                if let Some((_, _, at)) = next {
                    let p = at.translation();
                    // Against a wall, from aside (through a cabinet's side, along a bench),
                    // the learner steps in front of it too.
                    let aside = wall_side(p, walls)
                        .is_some_and(|n| (rig.position - p).with_y(0.0).angle_between(n) > ASIDE);
                    match (out_of_sight(p, &rig) || aside)
                        .then(|| stand_by(p, &rig, walls, free))
                        .flatten()
                    {
                        Some((position, yaw, pitch)) => {
                            stand(&mut rig, &mut body, position, yaw, pitch);
                        }
                        None => face(p, &mut rig),
                    }
                }
            }
            return;
        }
        // One action a frame, the clock moved to its time: events in between fire in order.
        Some(_) => session.skip_to(action.at),
        None if session.now() < action.at => return,
        None => {}
    }
    // The learner goes to what the action is done on, when it is across the room or out of
    // sight, so that the window shows it (in a room of several stages, the work moves from one
    // to the next).
    if let Some(id) = focus(&action.kind)
        && let Some((_, _, at)) = objects.iter().find(|(_, o, _)| o.id == id)
        && out_of_sight(at.translation(), &rig)
        && let Some((position, yaw, pitch)) = stand_by(at.translation(), &rig, walls, free)
    {
        stand(&mut rig, &mut body, position, yaw, pitch);
    }
    // Through the interaction layer, so that what is grabbed is carried and what stays stays.
    intents.write(Intent::Do(action.kind.clone()));
    playback.next += 1;
}

/// Puts the learner (the view and the body) at a place, turned as given.
fn stand(
    rig: &mut Rig,
    body: &mut Query<(Entity, &mut Transform), With<Body>>,
    position: Vec3,
    yaw: f32,
    pitch: f32,
) {
    rig.position = position;
    rig.yaw = yaw;
    rig.pitch = pitch;
    for (_, mut t) in body.iter_mut() {
        t.translation = position + Vec3::Y * 0.9;
    }
}

/// Turns the learner to a point, eyes on it and a little above it (so that what is around it
/// shows too), without a step: where the log's actions brought the learner is where the
/// learner is.
fn face(p: Vec3, rig: &mut Rig) {
    let to = p - (rig.position + Vec3::Y * rig.eye_now());
    let flat = to.with_y(0.0).length().max(0.2);
    rig.yaw = (-to.x).atan2(-to.z);
    // No steeper than what is on the bench in front of the learner needs (at 0.4 m, its top
    // 0.7 m below the eyes): steeper, the view would show the feet.
    rig.pitch = (to.y.atan2(flat) + 0.12).clamp(-0.85, 0.3);
}

/// How near a wall (m) a point is worked at square in front of the wall.
const AGAINST_WALL: f32 = 0.9;

/// How far round (radians) from square in front of a wall the learner may stand at what is
/// against it when a jump ends.
const ASIDE: f32 = 0.6;

/// The way into the room from the wall a point is against (within `AGAINST_WALL` of it;
/// `walls`: the room's half-sizes), or None when it is not against one.
fn wall_side(p: Vec3, walls: Vec2) -> Option<Vec3> {
    let gap = walls - Vec2::new(p.x.abs(), p.z.abs());
    (gap.min_element() < AGAINST_WALL).then(|| {
        if gap.x < gap.y {
            Vec3::X * -p.x.signum()
        } else {
            Vec3::Z * -p.z.signum()
        }
    })
}

/// How far across the floor (m) what the next action is done on may be before the learner is
/// brought to it.
const FAR: f32 = 2.0;

/// Whether a point is across the room from the learner, or beyond arm's length and outside the
/// middle of the view.
fn out_of_sight(p: Vec3, rig: &Rig) -> bool {
    let to = (p - rig.position).with_y(0.0);
    let ahead = Vec3::new(-rig.yaw.sin(), 0.0, -rig.yaw.cos());
    to.length() > FAR || (to.length() > 1.2 && to.angle_between(ahead) > 0.6)
}

/// The object the next action is done at; touches (a foot on a floor), compressions and a
/// release in the air move no one.
fn focus(kind: &ActionKind) -> Option<&str> {
    match kind {
        ActionKind::Touch { .. }
        | ActionKind::Compress { .. }
        | ActionKind::Release { on: None, .. } => None,
        k => k.place(),
    }
}

/// Where to stand to reach a point: 0.75 m from it, square in front when it is against a wall
/// (`walls`: the room's half-sizes), else on the side the learner comes from turned towards the
/// middle of the room, or the nearest side round it where `free` says the learner fits (not
/// inside the bench the point is on, nor in a wall), facing it, eyes lowered towards it. None
/// when standing is not possible (seated or kneeling) or nowhere round it is free.
fn stand_by(
    p: Vec3,
    rig: &Rig,
    walls: Vec2,
    free: impl Fn(Vec3) -> bool,
) -> Option<(Vec3, f32, f32)> {
    if rig.seated || rig.kneeling {
        return None;
    }
    let flat = p.with_y(0.0);
    // What stands against a wall (a cabinet, a bench, a sink) is worked at square in front of
    // it, from the room; elsewhere, from the side the learner comes from, turned towards the
    // middle of the room.
    let from = wall_side(p, walls).unwrap_or_else(|| {
        let from = (rig.position.with_y(0.0) - flat).normalize_or(Vec3::Z);
        let inward = (-flat).normalize_or(from);
        (from + inward).normalize_or(from)
    });
    let at = [0.0f32, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0, 4.0]
        .into_iter()
        .map(|k| flat + Quat::from_rotation_y(k * std::f32::consts::FRAC_PI_4) * from * 0.75)
        .find(|&spot| free(spot))?;
    let to = flat - at;
    let yaw = (-to.x).atan2(-to.z);
    // Eyes on it from where the learner stands, and a little above it, so that what is around
    // it shows too (what is on the floor, no steeper than the view allows).
    let pitch = ((p.y - rig.eye_now()).atan2(0.75) + 0.2).clamp(-0.85, 0.3);
    Some((at, yaw, pitch))
}
