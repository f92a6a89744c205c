//! Desktop controls: keyboard and mouse turn into looking, walking and intents. The object
//! under the crosshair is found by a ray cast and highlighted with its name.

use super::flow::{Focus, PraxisSystems};
use super::interact::{Hands, Intent, Rig, WalkInput};
use super::scene::{Obj, groups};
use super::settings::{Binding, Control, Settings};
use crate::action::Hand;
use crate::scenario::model::Affordance;
use bevy::input::mouse::AccumulatedMouseMotion;
use bevy::prelude::*;
use bevy::window::{CursorGrabMode, CursorOptions, PrimaryWindow};
use bevy_rapier3d::prelude::*;

/// What the crosshair points at.
#[derive(Resource, Debug, Default, Clone)]
pub struct Pointer {
    /// The object (or wall, floor) hit.
    pub entity: Option<Entity>,
    /// The scenario object hit, if it is one.
    pub object: Option<Obj>,
    /// Where.
    pub point: Vec3,
    /// The surface normal there.
    pub normal: Vec3,
    /// Distance from the eye.
    pub distance: f32,
}

/// Pressed, held and released state of the controls this frame.
#[derive(Clone, Copy)]
pub struct Controls<'a> {
    keys: &'a ButtonInput<KeyCode>,
    mouse: &'a ButtonInput<MouseButton>,
    settings: &'a Settings,
}

impl Controls<'_> {
    /// Pressed this frame.
    pub fn just(&self, c: Control) -> bool {
        match self.settings.binding(c) {
            Binding::Key(k) => self.keys.just_pressed(k),
            Binding::Mouse(b) => self.mouse.just_pressed(b),
        }
    }

    /// Held.
    pub fn held(&self, c: Control) -> bool {
        match self.settings.binding(c) {
            Binding::Key(k) => self.keys.pressed(k),
            Binding::Mouse(b) => self.mouse.pressed(b),
        }
    }
}

/// Keyboard and mouse to intents each frame (looking, walking, pointing, acting), and what the
/// desktop shows of the room after (the camera at the eyes, the pointed object lit, the cursor
/// free or captured).
pub fn plugin(app: &mut App) {
    app.init_resource::<Pointer>()
        .add_systems(
            Update,
            (
                look,
                walk_input,
                point.run_if(not(resource_exists::<super::vr::VrActive>)),
                act_on_input,
            )
                .chain()
                .in_set(PraxisSystems::Capture)
                .after(super::vr::map),
        )
        .add_systems(
            Update,
            (camera_follows, highlight, cursor)
                .chain()
                .in_set(PraxisSystems::Present),
        );
}

/// Builds the controls view.
pub fn controls<'a>(
    keys: &'a ButtonInput<KeyCode>,
    mouse: &'a ButtonInput<MouseButton>,
    settings: &'a Settings,
) -> Controls<'a> {
    Controls {
        keys,
        mouse,
        settings,
    }
}

/// Mouse look, when no menu has the cursor (walking is `walk_input`, applied at each physics
/// step).
pub fn look(
    ui: Focus,
    settings: Res<Settings>,
    motion: Res<AccumulatedMouseMotion>,
    mut rig: ResMut<Rig>,
) {
    let _t = super::perf::scope();
    if ui.cursor_free() {
        return;
    }
    let d = motion.delta * settings.look_speed;
    rig.yaw -= d.x;
    rig.pitch = (rig.pitch - d.y).clamp(-1.45, 1.45);
}

/// The camera follows the head (in a headset, the window's camera shows the headset's view;
/// the headset's own eye cameras are OpenXR's).
pub fn camera_follows(
    rig: Res<Rig>,
    mut cams: Query<&mut Transform, (With<Camera3d>, Without<bevy_mod_xr::camera::XrCamera>)>,
) {
    let _t = super::perf::scope();
    for mut t in &mut cams {
        *t = rig.head();
    }
}

/// Casts the crosshair ray.
pub fn point(
    rig: Res<Rig>,
    rapier: ReadRapierContext,
    objects: Query<&Obj>,
    mut pointer: ResMut<Pointer>,
) {
    let _t = super::perf::scope();
    let head = rig.head();
    let Ok(ctx) = rapier.single() else { return };
    let filter = QueryFilter::new()
        .groups(CollisionGroups::new(Group::ALL, groups::SOLID))
        .exclude_sensors();
    let hit = ctx.cast_ray_and_get_normal(head.translation, *head.forward(), 4.0, true, filter);
    *pointer = match hit {
        Some((e, hit)) => Pointer {
            entity: Some(e),
            object: objects.get(e).ok().cloned(),
            point: hit.point,
            normal: hit.normal,
            distance: hit.time_of_impact,
        },
        None => Pointer::default(),
    };
}

/// The hand that should act when the learner does not say which: the free one, right first.
pub fn free_hand(hands: &Hands) -> Option<Hand> {
    [Hand::Right, Hand::Left]
        .into_iter()
        .find(|&h| hands.holding(h).is_none())
}

/// Keys and buttons to intents.
pub fn act_on_input(
    ui: Focus,
    settings: Res<Settings>,
    keys: Res<ButtonInput<KeyCode>>,
    mouse: Res<ButtonInput<MouseButton>>,
    pointer: Res<Pointer>,
    hands: Res<Hands>,
    mut rig: ResMut<Rig>,
    session: Option<Res<super::session::Session>>,
    objects: Query<&Obj>,
    mut intents: MessageWriter<Intent>,
    mut notices: MessageWriter<super::interact::Notice>,
) {
    let _t = super::perf::scope();
    if ui.cursor_free() {
        return;
    }
    let Some(session) = session else { return };
    let sc = &session.start.scenario;
    let c = controls(&keys, &mouse, &settings);
    if c.just(Control::Kneel) && !rig.seated {
        rig.kneeling = !rig.kneeling;
    }
    let in_reach = pointer.entity.is_some() && pointer.distance <= rig.reach();
    for (control, hand) in [
        (Control::LeftHand, Hand::Left),
        (Control::RightHand, Hand::Right),
    ] {
        if !c.just(control) {
            continue;
        }
        if hands.holding(hand).is_some() {
            if in_reach && pointer.normal.y > 0.6 {
                intents.write(Intent::Place {
                    hand,
                    at: pointer.point,
                });
            } else {
                notices.write(super::interact::Notice("notice-point-at-surface"));
            }
        } else if let (Some(e), Some(o)) = (pointer.entity, pointer.object.as_ref()) {
            if o.grabbable {
                intents.write(Intent::Grab { hand, object: e });
            } else if in_reach {
                intents.write(Intent::Touch {
                    hand,
                    at: pointer.point,
                });
            } else {
                notices.write(super::interact::Notice("notice-out-of-reach"));
            }
        }
    }
    for (control, hand) in [
        (Control::DropLeft, Hand::Left),
        (Control::DropRight, Hand::Right),
    ] {
        if c.just(control) {
            intents.write(Intent::Drop { hand });
        }
    }
    if c.just(Control::Use) {
        // A held object used on what is pointed at, else what is pointed at used.
        let target = pointer.object.as_ref().filter(|_| in_reach);
        let mut done = false;
        for hand in [Hand::Right, Hand::Left] {
            let Some(held) = hands.holding(hand).and_then(|e| objects.get(e).ok()) else {
                continue;
            };
            let Some(t) = target else { continue };
            let o = &sc.model.room.objects[held.index];
            if o.affords.iter().any(|a| matches!(a, Affordance::UseOn { target: r, .. } if super::scene::entity_matches(sc, r.as_str(), &t.id))) {
                intents.write(Intent::Do(crate::action::ActionKind::UseOn {
                    object: held.id.as_str().into(),
                    target: t.id.as_str().into(),
                    hand: Some(hand),
                }));
                done = true;
                break;
            }
        }
        if !done {
            match target {
                Some(t) => {
                    let o = &sc.model.room.objects[t.index];
                    if o.affords.iter().any(|a| matches!(a, Affordance::Compress)) {
                        intents.write(Intent::Do(crate::action::ActionKind::Compress {
                            object: Some(t.id.as_str().into()),
                            depth_mm: None,
                            full_recoil: None,
                            hands: None,
                        }));
                    } else if o
                        .affords
                        .iter()
                        .any(|a| matches!(a, Affordance::Use { .. }))
                    {
                        intents.write(Intent::Do(crate::action::ActionKind::Use {
                            object: t.id.as_str().into(),
                            hand: free_hand(&hands),
                        }));
                    } else {
                        notices.write(super::interact::Notice("notice-nothing-to-use"));
                    }
                }
                None => {
                    notices.write(super::interact::Notice("notice-nothing-to-use"));
                }
            }
        }
    }
    if c.just(Control::Read)
        && let Some(t) = pointer.object.as_ref().filter(|_| pointer.distance < 2.5)
    {
        let o = &sc.model.room.objects[t.index];
        if o.display.is_some() || o.affords.iter().any(|a| matches!(a, Affordance::Read)) {
            intents.write(Intent::Do(crate::action::ActionKind::Read {
                object: t.id.as_str().into(),
            }));
        } else {
            notices.write(super::interact::Notice("notice-nothing-to-read"));
        }
    }
}

/// Captures the cursor for mouse look in play; frees it for menus.
pub fn cursor(ui: Focus, mut windows: Query<&mut CursorOptions, With<PrimaryWindow>>) {
    let _t = super::perf::scope();
    let Ok(mut opts) = windows.single_mut() else {
        return;
    };
    let free = ui.cursor_free();
    let (visible, grab) = if free {
        (true, CursorGrabMode::None)
    } else {
        (false, CursorGrabMode::Locked)
    };
    if opts.visible != visible || opts.grab_mode != grab {
        opts.visible = visible;
        opts.grab_mode = grab;
    }
}

/// Highlights the pointed object by making its materials glow a little.
pub fn highlight(
    pointer: Res<Pointer>,
    mut last: Local<Option<Entity>>,
    children: Query<&Children>,
    mats: Query<&MeshMaterial3d<StandardMaterial>>,
    flats: Query<&MeshMaterial3d<super::flat::FlatMaterial>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    mut flat_materials: Option<ResMut<Assets<super::flat::FlatMaterial>>>,
) {
    let _t = super::perf::scope();
    let now = pointer.object.as_ref().and(pointer.entity);
    if *last == now {
        return;
    }
    let mut set = |root: Entity, on: bool| {
        let glow = if on {
            LinearRgba::rgb(0.12, 0.12, 0.08)
        } else {
            LinearRgba::BLACK
        };
        for e in std::iter::once(root).chain(children.iter_descendants(root)) {
            if let Ok(m) = mats.get(e)
                && let Some(mut mat) = materials.get_mut(&m.0)
            {
                mat.emissive = glow;
            }
            if let (Ok(m), Some(flat)) = (flats.get(e), flat_materials.as_deref_mut())
                && let Some(mut mat) = flat.get_mut(&m.0)
            {
                mat.glow = glow;
            }
        }
    };
    if let Some(e) = *last {
        set(e, false);
    }
    if let Some(e) = now {
        set(e, true);
    }
    *last = now;
}

/// Desktop walking input for the physics step.
fn walk_input(
    ui: Focus,
    settings: Res<Settings>,
    keys: Res<ButtonInput<KeyCode>>,
    mouse: Res<ButtonInput<MouseButton>>,
    rig: Res<Rig>,
    mut walk: ResMut<WalkInput>,
) {
    let _t = super::perf::scope();
    walk.0 = Vec3::ZERO;
    if ui.cursor_free() || rig.seated || rig.kneeling {
        return;
    }
    let c = controls(&keys, &mouse, &settings);
    let mut dir = Vec3::ZERO;
    for (ctl, d) in [
        (Control::Forward, Vec3::NEG_Z),
        (Control::Back, Vec3::Z),
        (Control::StrafeLeft, Vec3::NEG_X),
        (Control::StrafeRight, Vec3::X),
    ] {
        if c.held(ctl) {
            dir += d;
        }
    }
    walk.0 = Quat::from_rotation_y(rig.yaw) * dir.normalize_or_zero() * 1.4;
}
