//! Pose scripts (input layer): head and hand poses over time standing in for a headset's
//! tracking (`praxis run --vr-script FILE`), read into [`VrInput`] as the headset would be.

use super::flow::{FinishSession, PraxisSystems};
use super::interact::slot;
use super::scene::Obj;
use super::session::Session;
use super::vr::{HANDS, HandInput, PanelBoard, VrInput};
use crate::action::Hand;
use bevy::prelude::*;

/// A pose script, when one is given, read before the VR mapping (in place of the headset).
pub fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        play_script
            .run_if(resource_exists::<PoseScript>)
            .in_set(PraxisSystems::Capture)
            .after(super::playback::play)
            .before(super::vr::locomotion),
    );
}

/// A position in a pose script: a point in the room, or an offset from an object's origin.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// The object it is relative to (`@id`), if any.
    pub anchor: Option<String>,
    /// The point, or the offset from the anchor, m.
    pub at: Vec3,
}

/// One line of a pose script.
#[derive(Debug, Clone, PartialEq)]
pub enum Key {
    /// The head at a point, looking at another.
    Head {
        /// Where the eyes are.
        at: Place,
        /// What they look at.
        look: Place,
    },
    /// A hand at a point, closed `grip` and pulling `trigger` (0 to 1).
    Hand {
        /// Which.
        hand: Hand,
        /// Where the palm is.
        at: Place,
        /// How closed.
        grip: f32,
        /// The trigger or pinch.
        trigger: f32,
        /// Where its ray points (`point PLACE`), if anywhere.
        point: Option<Place>,
        /// The thumbstick (`stick X Y`).
        stick: Vec2,
    },
    /// The hand is no longer tracked.
    Lost(Hand),
    /// The script is over: the session is finished and the app closes.
    End,
}

/// Head and hand poses over time, standing in for a headset (`praxis run --vr-script FILE`):
/// how a test drives the VR mapping through a real OpenXR session when the runtime's simulated
/// device cannot move its controllers. Each line is `SECONDS WHAT …`:
///
/// ```text
/// # seconds  what   where                    look at / grip trigger
/// 0.0        head   @phone 0 0.75 0.45       look @phone 0 0 0
/// 0.5        right  @phone 0 0.02 0          0 0
/// 1.0        right  @phone 0 0.02 0          1 0
/// 2.0        right  @world-panel 0 0 0.3     0 0    point @world-panel 0.05 0.1 0
/// 2.5        right  @world-panel 0 0 0.3     0 1    point @world-panel 0.05 0.1 0
/// 3.0        left   -1 1 0                   0 0    stick 0 1
/// 9.0        end
/// ```
///
/// A place is `x y z` in the room, or `@object x y z` from that object's origin (world axes),
/// or `@world-panel x y z` in the board's frame (x right, y up from its centre, z out of its
/// face). A hand line may add where its ray points (`point PLACE`) and its thumbstick (`stick X
/// Y`). Between two lines for the same head or hand, positions move in a straight line; grip,
/// trigger and stick keep the earlier line's value until the next line's time.
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct PoseScript {
    /// The lines, by time.
    pub keys: Vec<(f64, Key)>,
}

impl PoseScript {
    /// Reads a script; errors name the line.
    pub fn parse(text: &str) -> Result<PoseScript, String> {
        let mut keys = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let err = |what: &str| format!("line {}: {what}: `{line}`", n + 1);
            let mut words = line.split_whitespace().peekable();
            let t: f64 = words
                .next()
                .and_then(|w| w.parse().ok())
                .filter(|t: &f64| t.is_finite() && *t >= 0.0)
                .ok_or_else(|| err("a line starts with its time in seconds"))?;
            if keys.last().is_some_and(|(prev, _): &(f64, Key)| *prev > t) {
                return Err(err("times go forward"));
            }
            let what = words.next().ok_or_else(|| err("what moves is missing"))?;
            let place = |words: &mut std::iter::Peekable<std::str::SplitWhitespace<'_>>| {
                let anchor = words
                    .next_if(|w| w.starts_with('@'))
                    .map(|w| w[1..].to_string());
                let mut v = [0.0f32; 3];
                for x in &mut v {
                    *x = words
                        .next()
                        .and_then(|w| w.parse().ok())
                        .filter(|x: &f32| x.is_finite())
                        .ok_or_else(|| err("a place is `x y z` or `@object x y z`"))?;
                }
                Ok::<Place, String>(Place {
                    anchor,
                    at: Vec3::from_array(v),
                })
            };
            let key = match what {
                "head" => {
                    let at = place(&mut words)?;
                    if words.next() != Some("look") {
                        return Err(err("a head line is `head PLACE look PLACE`"));
                    }
                    Key::Head {
                        at,
                        look: place(&mut words)?,
                    }
                }
                "left" | "right" => {
                    let hand = if what == "left" {
                        Hand::Left
                    } else {
                        Hand::Right
                    };
                    let at = place(&mut words)?;
                    let mut amount = || {
                        words
                            .next()
                            .and_then(|w| w.parse::<f32>().ok())
                            .filter(|x| (0.0..=1.0).contains(x))
                            .ok_or_else(|| err("grip and trigger are numbers from 0 to 1"))
                    };
                    let grip = amount()?;
                    let trigger = amount()?;
                    let mut point = None;
                    let mut stick = Vec2::ZERO;
                    while let Some(w) = words.next_if(|w| *w == "point" || *w == "stick") {
                        if w == "point" {
                            point = Some(place(&mut words)?);
                        } else {
                            let mut axis = || {
                                words
                                    .next()
                                    .and_then(|w| w.parse::<f32>().ok())
                                    .filter(|x| (-1.0..=1.0).contains(x))
                                    .ok_or_else(|| err("a stick is `stick X Y`, each −1 to 1"))
                            };
                            stick = Vec2::new(axis()?, axis()?);
                        }
                    }
                    Key::Hand {
                        hand,
                        at,
                        grip,
                        trigger,
                        point,
                        stick,
                    }
                }
                "lost-left" => Key::Lost(Hand::Left),
                "lost-right" => Key::Lost(Hand::Right),
                "end" => Key::End,
                _ => {
                    return Err(err(
                        "expected `head`, `left`, `right`, `lost-left`, `lost-right` or `end`",
                    ));
                }
            };
            if words.next().is_some() {
                return Err(err("unexpected words at the end"));
            }
            keys.push((t, key));
        }
        Ok(PoseScript { keys })
    }

    /// The time of the last pose (before `end`), s: a picture of the script's result is taken
    /// after it.
    pub fn posed_until(&self) -> f64 {
        self.keys
            .iter()
            .filter(|(_, k)| *k != Key::End)
            .map(|(t, _)| *t)
            .fold(0.0, f64::max)
    }

    /// The poses at `t` seconds; `anchor` gives the frame a `@name` offset is in (an object's
    /// origin, world axes; the world panel's own frame for `@world-panel`). True once the end
    /// is reached.
    pub fn at(&self, t: f64, anchor: &dyn Fn(&str) -> Option<Transform>) -> (VrInput, bool) {
        let resolve = |p: &Place| -> Vec3 {
            match &p.anchor {
                Some(a) => anchor(a).unwrap_or_default().transform_point(p.at),
                None => p.at,
            }
        };
        let mut input = VrInput::default();
        let mut ended = false;
        // The last line at or before t, and the next one after it, per channel.
        let before =
            |f: &dyn Fn(&Key) -> bool| self.keys.iter().rev().find(|(k, key)| *k <= t && f(key));
        let after = |f: &dyn Fn(&Key) -> bool| self.keys.iter().find(|(k, key)| *k > t && f(key));
        let lerp = |a: &(f64, Key),
                    b: Option<&(f64, Key)>,
                    pa: Vec3,
                    pb: &dyn Fn(&Key) -> Option<Vec3>| {
            match b.and_then(|b| pb(&b.1).map(|p| (b.0, p))) {
                Some((tb, p)) if tb > a.0 => pa.lerp(p, ((t - a.0) / (tb - a.0)) as f32),
                _ => pa,
            }
        };
        let is_head = |k: &Key| matches!(k, Key::Head { .. });
        if let Some(a @ (_, Key::Head { at, look })) = before(&is_head) {
            let b = after(&is_head);
            let eye = lerp(a, b, resolve(at), &|k| match k {
                Key::Head { at, .. } => Some(resolve(at)),
                _ => None,
            });
            let target = lerp(a, b, resolve(look), &|k| match k {
                Key::Head { look, .. } => Some(resolve(look)),
                _ => None,
            });
            input.head = Some(Transform::from_translation(eye).looking_at(target, Vec3::Y));
        }
        for hand in HANDS {
            let of_hand = |k: &Key| match k {
                Key::Hand { hand: h, .. } | Key::Lost(h) => *h == hand,
                _ => false,
            };
            if let Some(
                a @ (
                    _,
                    Key::Hand {
                        at,
                        grip,
                        trigger,
                        point,
                        stick,
                        ..
                    },
                ),
            ) = before(&of_hand)
            {
                let b = after(&of_hand);
                let p = lerp(a, b, resolve(at), &|k| match k {
                    Key::Hand { at, .. } => Some(resolve(at)),
                    _ => None,
                });
                let pose = Transform::from_translation(p);
                // The ray turns towards where it points, moving as the hand does.
                let aim = point.as_ref().map_or(pose, |q| {
                    let q = lerp(a, b, resolve(q), &|k| match k {
                        Key::Hand { point, .. } => point.as_ref().map(resolve),
                        _ => None,
                    });
                    pose.looking_at(q, Vec3::Y)
                });
                input.hands[slot(hand)] = Some(HandInput {
                    pose,
                    aim,
                    grip: *grip,
                    trigger: *trigger,
                    stick: *stick,
                });
            }
        }
        if self.keys.iter().any(|(k, key)| *k <= t && *key == Key::End) {
            ended = true;
        }
        (input, ended)
    }
}

/// The anchor of a place on the world panel, in the board's own frame (x to the right and y
/// up from its centre, z out of its face, m).
pub const WORLD_PANEL: &str = "world-panel";

/// Plays a pose script in place of the headset's tracking (after the device is read, before
/// the mapping): at its end the session is finished and, once its record is written, the app
/// closes. Objects named with `@` are where they were when the script began (a grabbed object
/// moves with the hand; the hand does not follow it).
pub fn play_script(
    script: Res<PoseScript>,
    mut input: ResMut<VrInput>,
    session: Option<Res<Session>>,
    objects: Query<(&Obj, &GlobalTransform)>,
    panel: Query<&GlobalTransform, With<PanelBoard>>,
    mut commands: Commands,
    mut exit: MessageWriter<AppExit>,
    mut anchors: Local<Option<std::collections::HashMap<String, Vec3>>>,
    mut finishing: Local<bool>,
    mut seen: Local<u32>,
) {
    let Some(session) = session else { return };
    if session.finished() {
        exit.write(AppExit::Success);
        return;
    }
    // Objects' room positions are known a frame after they appear (transforms propagate at the
    // frame's end): the anchors are taken then.
    if objects.is_empty() {
        *seen = 0;
    } else {
        *seen += 1;
    }
    if anchors.is_none() && *seen >= 2 {
        *anchors = Some(
            objects
                .iter()
                .map(|(o, gt)| (o.id.clone(), gt.translation()))
                .collect(),
        );
    }
    let Some(anchors) = anchors.as_ref() else {
        return;
    };
    let t = session.now().0 as f64 / 1000.0;
    let (poses, ended) = script.at(t, &|id: &str| {
        if id == WORLD_PANEL {
            return panel.single().ok().map(|g| g.compute_transform());
        }
        anchors.get(id).copied().map(Transform::from_translation)
    });
    *input = poses;
    if ended && !*finishing {
        *finishing = true;
        commands.trigger(FinishSession);
    }
}
