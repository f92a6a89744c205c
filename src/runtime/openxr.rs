//! OpenXR (`praxis run --xr`, through `bevy_mod_openxr`): the same scenario in a headset. This
//! layer only reads the devices — the head, each hand's controller (grip pose, squeeze,
//! trigger, thumbsticks) or, where the runtime offers hand tracking, the tracked hand — into
//! [`VrInput`], which the VR mapping (`vr.rs`) turns into the desktop's intents. It also places
//! the tracking space on the scenario's start (floor level, the room at 1:1 scale) and moves it
//! for the comfort options: snap turns and teleport, never smooth artificial motion.
//!
//! Without an OpenXR runtime (or loader), `bevy_mod_openxr` renders flat; Praxis says so and the
//! desktop controls work as usual.

#![expect(
    clippy::print_stderr,
    reason = "`praxis run --xr` says on the terminal whether a headset session started"
)]

use super::interact::Rig;
use super::session::Session;
use super::settings::Settings;
use super::vr::{HandInput, VrActive, VrInput};
use crate::action::Hand;
use bevy::app::PluginGroupBuilder;
use bevy::prelude::*;
use bevy_mod_openxr::action_binding::{OxrSendActionBindings, OxrSuggestActionBinding};
use bevy_mod_openxr::action_set_attaching::OxrAttachActionSet;
use bevy_mod_openxr::action_set_syncing::{OxrActionSetSyncSet, OxrSyncActionSet};
use bevy_mod_openxr::poll_events::{OxrEventHandlerExt, OxrEventIn};
use bevy_mod_openxr::resources::OxrInstance;
use bevy_mod_openxr::session::OxrSession;
use bevy_mod_openxr::{add_xr_plugins, openxr_session_running};
use bevy_mod_xr::camera::XrCamera;
use bevy_mod_xr::hands::{HandBone, LeftHand, RightHand};
use bevy_mod_xr::session::{XrSessionCreated, XrState, XrTrackingRoot, session_available};
use bevy_mod_xr::spaces::XrSpaceLocationFlags;
use std::borrow::Cow;

/// Bevy's plugins with OpenXR's rendering in place of the flat renderer.
pub fn plugins(group: PluginGroupBuilder) -> PluginGroupBuilder {
    add_xr_plugins(group)
}

/// Where the headset session stands, for the terminal and the tests.
#[derive(Resource, Debug, Default, Clone)]
pub struct XrStatus {
    /// The last OpenXR session state (`FOCUSED`…), none before a session exists.
    pub state: Option<String>,
    /// Frames updated while the session was running.
    pub frames: u64,
    /// Their wall-clock time, ms.
    pub frame_ms: f64,
    /// The CPU time of Praxis's own systems in them, ms.
    pub ours_ms: f64,
    /// Whether the "no runtime" message was given.
    told_unavailable: bool,
}

impl XrStatus {
    /// One line for the terminal when the app closes.
    pub fn summary(&self) -> String {
        match &self.state {
            None => "praxis: no OpenXR session was started".into(),
            Some(state) => {
                let n = self.frames.max(1) as f64;
                format!(
                    "praxis: OpenXR session last {state}; {} frames while running, {:.2} ms a \
                     frame, of which Praxis's own systems {:.3} ms",
                    self.frames,
                    self.frame_ms / n,
                    self.ours_ms / n
                )
            }
        }
    }
}

/// Reads the headset and controllers (and hand tracking) into the VR input.
pub struct XrPlugin;

impl Plugin for XrPlugin {
    fn build(&self, app: &mut App) {
        app.init_resource::<XrStatus>()
            .add_oxr_event_handler(session_state)
            .add_systems(Startup, create_actions.run_if(session_available))
            .add_systems(OxrSendActionBindings, suggest_bindings)
            .add_systems(XrSessionCreated, (attach_actions, spawn_controller_spaces))
            .add_systems(
                PreUpdate,
                sync_actions
                    .before(OxrActionSetSyncSet)
                    .run_if(openxr_session_running),
            )
            .add_systems(
                Update,
                (
                    watch_state,
                    (align_to_start, read_devices, motion).run_if(openxr_session_running),
                )
                    .chain()
                    .before(super::PraxisSystems::Capture),
            )
            .add_systems(Last, report_on_exit);
    }
}

/// Says how the headset session went when the app closes.
fn report_on_exit(mut exits: MessageReader<AppExit>, status: Res<XrStatus>, mut said: Local<bool>) {
    if exits.read().next().is_some() && !*said {
        *said = true;
        eprintln!("{}", status.summary());
    }
}

/// The OpenXR actions: per hand, the grip and aim poses, squeeze, trigger and thumbstick.
#[derive(Resource)]
struct Actions {
    set: openxr::ActionSet,
    pose: [openxr::Action<openxr::Posef>; 2],
    aim: [openxr::Action<openxr::Posef>; 2],
    squeeze: [openxr::Action<f32>; 2],
    trigger: [openxr::Action<f32>; 2],
    stick: [openxr::Action<openxr::Vector2f>; 2],
}

/// Which of a controller's poses a space follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pose {
    /// Where the hand holds it.
    Grip,
    /// Where it points.
    Aim,
}

/// An entity following one of a hand's controller poses.
#[derive(Component, Debug, Clone, Copy)]
struct ControllerSpace(Hand, Pose);

const SIDES: [(Hand, &str); 2] = [(Hand::Left, "left"), (Hand::Right, "right")];

fn create_actions(instance: Res<OxrInstance>, mut commands: Commands) {
    let made = (|| -> openxr::Result<Actions> {
        let set = instance.create_action_set("praxis", "Praxis", 0)?;
        // One action per hand: `left_NAME` and `right_NAME`, shown as "WHAT (left hand)".
        fn both<T: openxr::ActionTy>(
            set: &openxr::ActionSet,
            name: &str,
            what: &str,
        ) -> openxr::Result<[openxr::Action<T>; 2]> {
            let one = |side: &str| {
                set.create_action(
                    &format!("{side}_{name}"),
                    &format!("{what} ({side} hand)"),
                    &[],
                )
            };
            Ok([one("left")?, one("right")?])
        }
        Ok(Actions {
            pose: both(&set, "grip_pose", "Hand")?,
            aim: both(&set, "aim_pose", "Pointing")?,
            squeeze: both(&set, "squeeze", "Grab")?,
            trigger: both(&set, "trigger", "Use")?,
            stick: both(&set, "stick", "Teleport (left) or snap turn (right)")?,
            set,
        })
    })();
    match made {
        Ok(a) => {
            commands.insert_resource(a);
        }
        Err(e) => error!("cannot create the OpenXR actions: {e}"),
    }
}

/// Suggested bindings for the common controllers; a runtime maps others from these.
fn suggest_bindings(
    actions: Option<Res<Actions>>,
    mut out: MessageWriter<OxrSuggestActionBinding>,
) {
    let Some(a) = actions else { return };
    // (profile, squeeze, trigger, stick) paths under /user/hand/<side>/input/.
    let profiles: [(&str, &str, &str, Option<&str>); 5] = [
        ("khr/simple_controller", "select/click", "menu/click", None),
        (
            "oculus/touch_controller",
            "squeeze/value",
            "trigger/value",
            Some("thumbstick"),
        ),
        (
            "valve/index_controller",
            "squeeze/value",
            "trigger/value",
            Some("thumbstick"),
        ),
        (
            "htc/vive_controller",
            "squeeze/click",
            "trigger/value",
            Some("trackpad"),
        ),
        (
            "microsoft/motion_controller",
            "squeeze/click",
            "trigger/value",
            Some("thumbstick"),
        ),
    ];
    for (profile, squeeze, trigger, stick) in profiles {
        for (i, (_, side)) in SIDES.iter().enumerate() {
            let mut bind = |action: openxr::sys::Action, path: String| {
                out.write(OxrSuggestActionBinding {
                    action,
                    interaction_profile: Cow::Owned(format!("/interaction_profiles/{profile}")),
                    bindings: vec![Cow::Owned(path)],
                });
            };
            let base = format!("/user/hand/{side}/input");
            bind(a.pose[i].as_raw(), format!("{base}/grip/pose"));
            bind(a.aim[i].as_raw(), format!("{base}/aim/pose"));
            bind(a.squeeze[i].as_raw(), format!("{base}/{squeeze}"));
            bind(a.trigger[i].as_raw(), format!("{base}/{trigger}"));
            if let Some(stick) = stick {
                bind(a.stick[i].as_raw(), format!("{base}/{stick}"));
            }
        }
    }
}

fn attach_actions(actions: Option<Res<Actions>>, mut out: MessageWriter<OxrAttachActionSet>) {
    if let Some(a) = actions {
        out.write(OxrAttachActionSet(a.set.clone()));
    }
}

fn sync_actions(actions: Option<Res<Actions>>, mut out: MessageWriter<OxrSyncActionSet>) {
    if let Some(a) = actions {
        out.write(OxrSyncActionSet(a.set.clone()));
    }
}

fn spawn_controller_spaces(
    actions: Option<Res<Actions>>,
    session: Res<OxrSession>,
    mut commands: Commands,
) {
    let Some(a) = actions else { return };
    for (i, (hand, _)) in SIDES.iter().enumerate() {
        for (pose, action) in [(Pose::Grip, &a.pose[i]), (Pose::Aim, &a.aim[i])] {
            match session.create_action_space(action, openxr::Path::NULL, Isometry3d::IDENTITY) {
                Ok(space) => {
                    commands.spawn((space, ControllerSpace(*hand, pose)));
                }
                Err(e) => error!("cannot track the {hand:?} controller's {pose:?} pose: {e}"),
            }
        }
    }
}

/// Records the OpenXR session's state as the runtime reports it.
fn session_state(event: OxrEventIn, mut status: ResMut<XrStatus>) {
    if let openxr::Event::SessionStateChanged(s) = *event {
        let state = format!("{:?}", s.state());
        eprintln!("praxis: OpenXR session {state}");
        status.state = Some(state);
    }
}

/// Tells the learner when no headset session is possible, and hands the learner to the VR
/// mapping while one runs (and back to the desktop controls when it stops).
fn watch_state(
    time: Res<Time<Real>>,
    state: Option<Res<XrState>>,
    mut status: ResMut<XrStatus>,
    active: Option<Res<VrActive>>,
    script: Option<Res<super::pose_script::PoseScript>>,
    mut commands: Commands,
    mut notices: MessageWriter<super::interact::Notice>,
    own: Res<super::perf::OwnCpu>,
) {
    let running = state.as_deref() == Some(&XrState::Running);
    // Praxis's own systems in the last frame (measured as for `--bench`).
    let ours = own.0;
    if running {
        status.frames += 1;
        status.frame_ms += time.delta_secs_f64() * 1000.0;
        status.ours_ms += ours;
    }
    match (running || script.is_some(), active.is_some()) {
        (true, false) => commands.insert_resource(VrActive),
        (false, true) => commands.remove_resource::<VrActive>(),
        _ => {}
    }
    let unavailable = state.is_none_or(|s| *s == XrState::Unavailable);
    if unavailable && !status.told_unavailable {
        status.told_unavailable = true;
        eprintln!(
            "praxis: no OpenXR runtime is available (start one, such as Monado, SteamVR or \
             WiVRn, and try again): Praxis runs on the desktop instead"
        );
        notices.write(super::interact::Notice("notice-no-headset"));
    }
}

/// At the start of each session, the tracking space is turned and moved so that the learner
/// stands where the scenario starts, facing its way, the floor at the room's floor (seated: the
/// eyes at standing height).
fn align_to_start(
    session: Option<Res<Session>>,
    rig: Res<Rig>,
    settings: Res<Settings>,
    cameras: Query<&Transform, (With<XrCamera>, Without<XrTrackingRoot>)>,
    mut root: Query<&mut Transform, With<XrTrackingRoot>>,
    mut done_for: Local<Option<u128>>,
) {
    let Some(session) = session else { return };
    let id = session.header.session.as_u128();
    if *done_for == Some(id) {
        return;
    }
    let Some(head) = head_local(&cameras) else {
        return;
    };
    let Ok(mut root) = root.single_mut() else {
        return;
    };
    let ahead = head.rotation * Vec3::NEG_Z;
    let head_yaw = (-ahead.x).atan2(-ahead.z);
    let turn = Quat::from_rotation_y(rig.yaw - head_yaw);
    root.rotation = turn;
    root.translation = rig.position - turn * head.translation.with_y(0.0);
    // Seated play: the room is raised so that seated eyes are at a standing learner's height
    // (and the hands with them); standing play keeps the floor at the floor.
    if settings.seated {
        root.translation.y = super::interact::STANDING_EYE - head.translation.y;
    }
    *done_for = Some(id);
}

/// The head in the tracking space: between the eyes.
fn head_local(
    cameras: &Query<&Transform, (With<XrCamera>, Without<XrTrackingRoot>)>,
) -> Option<Transform> {
    let eyes: Vec<&Transform> = cameras.iter().collect();
    let first = eyes.first()?;
    let centre = eyes.iter().map(|t| t.translation).sum::<Vec3>() / eyes.len() as f32;
    Some(Transform::from_translation(centre).with_rotation(first.rotation))
}

/// Fills the VR input from the devices: controllers where they are tracked, else tracked
/// hands (a fist grabs, a thumb-to-index pinch uses).
fn read_devices(
    actions: Option<Res<Actions>>,
    session: Res<OxrSession>,
    mut input: ResMut<VrInput>,
    root: Query<&Transform, With<XrTrackingRoot>>,
    cameras: Query<&Transform, (With<XrCamera>, Without<XrTrackingRoot>)>,
    spaces: Query<(&ControllerSpace, &Transform, &XrSpaceLocationFlags), Without<XrTrackingRoot>>,
    bones: Query<
        (
            &HandBone,
            &Transform,
            &XrSpaceLocationFlags,
            Has<LeftHand>,
            Has<RightHand>,
        ),
        Without<XrTrackingRoot>,
    >,
) {
    let root = root.single().copied().unwrap_or_default();
    let in_room = |t: &Transform| -> Transform {
        Transform {
            translation: root.transform_point(t.translation),
            rotation: root.rotation * t.rotation,
            scale: Vec3::ONE,
        }
    };
    input.head = head_local(&cameras).map(|h| in_room(&h));
    let value = |a: &openxr::Action<f32>| {
        a.state(&session, openxr::Path::NULL)
            .map(|s| if s.is_active { s.current_state } else { 0.0 })
            .unwrap_or(0.0)
    };
    for (i, (hand, _)) in SIDES.iter().enumerate() {
        let tracked_pose = |pose: Pose| {
            spaces
                .iter()
                .find(|(c, _, flags)| c.0 == *hand && c.1 == pose && flags.position_tracked)
                .map(|(_, t, _)| *t)
        };
        let controller = tracked_pose(Pose::Grip);
        let aim = tracked_pose(Pose::Aim);
        let tracked = tracked_hand(&bones, *hand);
        input.hands[i] = match (controller, actions.as_deref(), tracked) {
            (Some(pose), Some(a), _) => Some(HandInput {
                pose: in_room(&pose),
                aim: in_room(&aim.unwrap_or(pose)),
                grip: value(&a.squeeze[i]),
                trigger: value(&a.trigger[i]),
                stick: a.stick[i]
                    .state(&session, openxr::Path::NULL)
                    .ok()
                    .filter(|s| s.is_active)
                    .map(|s| Vec2::new(s.current_state.x, s.current_state.y))
                    .unwrap_or_default(),
            }),
            (_, _, Some(h)) => Some(HandInput {
                pose: in_room(&h.pose),
                aim: in_room(&h.aim),
                ..h
            }),
            _ => None,
        };
    }
}

/// A tracked hand, from its joints' poses.
fn tracked_hand(
    bones: &Query<
        (
            &HandBone,
            &Transform,
            &XrSpaceLocationFlags,
            Has<LeftHand>,
            Has<RightHand>,
        ),
        Without<XrTrackingRoot>,
    >,
    hand: Hand,
) -> Option<HandInput> {
    let mut joint = [None; 26];
    for (bone, t, flags, left, right) in bones {
        let ours = match hand {
            Hand::Left => left,
            Hand::Right => right,
        };
        if ours && flags.position_tracked {
            joint[*bone as usize] = Some(*t);
        }
    }
    super::vr::hand_from_joints(&joint)
}

/// Where a teleport will land, shown while the learner aims.
#[derive(Component, Debug)]
struct TeleportMarker;

/// Moves the tracking space as the comfort options say (snap turns, teleports), and shows
/// the ring where a teleport will land while the learner aims.
fn motion(
    mut moves: MessageReader<super::vr::RootMove>,
    locomotion: Res<super::vr::Locomotion>,
    mut root: Query<&mut Transform, With<XrTrackingRoot>>,
    mut marker: Query<
        (&mut Transform, &mut Visibility),
        (With<TeleportMarker>, Without<XrTrackingRoot>),
    >,
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    let Ok(mut root) = root.single_mut() else {
        return;
    };
    for m in moves.read() {
        match *m {
            super::vr::RootMove::Turn { about, angle } => {
                root.rotate_around(about, Quat::from_rotation_y(angle));
            }
            super::vr::RootMove::Shift(by) => root.translation += by,
        }
    }
    // The landing ring.
    match (marker.single_mut(), locomotion.aiming) {
        (Ok((mut t, mut vis)), at) => {
            *vis = if at.is_some() {
                Visibility::Inherited
            } else {
                Visibility::Hidden
            };
            if let Some(at) = at {
                t.translation = at + Vec3::Y * 0.01;
            }
        }
        (Err(_), Some(at)) => {
            commands.spawn((
                TeleportMarker,
                Mesh3d(meshes.add(Annulus::new(0.2, 0.26).mesh())),
                MeshMaterial3d(materials.add(StandardMaterial {
                    base_color: Color::srgb(0.3, 0.75, 1.0),
                    unlit: true,
                    ..default()
                })),
                Transform::from_translation(at + Vec3::Y * 0.01)
                    .with_rotation(Quat::from_rotation_x(-std::f32::consts::FRAC_PI_2)),
            ));
        }
        (Err(_), None) => {}
    }
}
