//! The learner's fingers (presentation): a hand model's finger joints — the nodes named
//! `finger.<name>.<1..3>` that `tools/models/blender/hand.py` makes, each turned about its own
//! x axis — close around what the hand holds and, in a headset, as far as the grip (or half the
//! trigger) is pressed, and open again when the hand lets go. Only the picture changes: what
//! the hand holds is the interaction layer's, and the core never sees a finger.

use super::flow::PraxisSystems;
use super::interact::{HandLimb, Hands, slot};
use super::vr::VrInput;
use crate::action::Hand;
use bevy::prelude::*;

/// How far each joint of a finger turns (radians) with the hand fully closed, from the knuckle.
const CLOSED: [f32; 3] = [1.2, 1.4, 0.9];
/// The thumb's joints, which close across the palm less far.
const THUMB_CLOSED: [f32; 3] = [0.45, 0.55, 0.5];
/// How closed a hand is around what it holds (0 open, 1 a fist).
pub const HOLDING: f32 = 0.7;
/// How quickly a hand moves towards its pose (per second, exponential).
const SPEED: f32 = 12.0;

/// A finger joint of one of the learner's hand models, with its rest rotation (the model's).
#[derive(Component, Debug, Clone, Copy)]
pub struct FingerJoint {
    /// Whose hand.
    pub hand: Hand,
    /// 0 at the knuckle, 2 at the last joint.
    pub joint: usize,
    /// The thumb closes less far.
    pub thumb: bool,
    /// The model's rotation of the joint.
    pub rest: Quat,
}

/// How closed each hand is now, 0 (the model's relaxed pose) to 1 (a fist); left, right.
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct Curl(pub [f32; 2]);

/// Finds the finger joints as the hand models are spawned, and poses them each frame.
pub fn plugin(app: &mut App) {
    app.init_resource::<Curl>().add_systems(
        Update,
        (find_joints, curl).chain().in_set(PraxisSystems::Present),
    );
}

/// Marks each newly spawned `finger.*` node under a hand.
fn find_joints(
    mut commands: Commands,
    named: Query<
        (Entity, &Name, &Transform),
        (Without<FingerJoint>, Or<(Added<Name>, Changed<ChildOf>)>),
    >,
    parents: Query<&ChildOf>,
    limbs: Query<&HandLimb>,
) {
    for (e, name, t) in &named {
        let Some((finger, n)) = name
            .as_str()
            .strip_prefix("finger.")
            .and_then(|r| r.rsplit_once('.'))
        else {
            continue;
        };
        let Some(joint) = n.parse::<usize>().ok().and_then(|n| n.checked_sub(1)) else {
            continue;
        };
        let Some(hand) = parents
            .iter_ancestors(e)
            .find_map(|a| limbs.get(a).ok())
            .map(|l| l.0)
        else {
            continue;
        };
        commands.entity(e).insert(FingerJoint {
            hand,
            joint: joint.min(2),
            thumb: finger == "thumb",
            rest: t.rotation,
        });
    }
}

/// Moves each hand towards how closed it should be, and turns its joints.
fn curl(
    time: Res<Time>,
    hands: Res<Hands>,
    vr: Option<Res<VrInput>>,
    mut curl: ResMut<Curl>,
    mut joints: Query<(&FingerJoint, &mut Transform)>,
) {
    let k = 1.0 - (-SPEED * time.delta_secs()).exp();
    for h in [Hand::Left, Hand::Right] {
        let i = slot(h);
        let pressed = vr
            .as_deref()
            .and_then(|v| v.hands[i])
            .map_or(0.0, |x| x.grip.max(x.trigger * 0.5));
        let holding = if hands.held[i].is_some() || hands.support[i].is_some() {
            HOLDING
        } else {
            0.0
        };
        let target = pressed.max(holding).clamp(0.0, 1.0);
        curl.0[i] += (target - curl.0[i]) * k;
    }
    for (j, mut t) in &mut joints {
        let c = curl.0[slot(j.hand)];
        let full = if j.thumb { THUMB_CLOSED } else { CLOSED };
        let r = j.rest * Quat::from_rotation_x(-full[j.joint] * c);
        if t.rotation != r {
            t.rotation = r;
        }
    }
}
