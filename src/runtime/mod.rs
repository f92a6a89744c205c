//! The 3D runtime (feature `runtime`): a set of thin Bevy plugins over the core.
//!
//! - [`session`]: the tracker and the session record behind a resource;
//! - [`scene`]: the room built from the scenario (models, colliders, lights);
//! - [`interact`]: intents to physics and learner actions (hands, grab, place, touch);
//! - [`desktop`]: keyboard and mouse to intents, the crosshair, highlighting;
//! - [`vr`]: tracked hands and controllers to the same intents; [`openxr`] reads the headset
//!   into it (`praxis run --xr`);
//! - [`ui`]: egui screens (start, guided panel, menus, debrief), [`words`] and [`i18n`] for
//!   the text; [`audio`]: cues and ambience; [`settings`]: what is remembered.
//!
//! [`run`] opens the window; [`headless`] builds the same session, scene and interaction
//! plugins with no window or renderer, for tests.

pub mod audio;
pub mod catalog;
pub mod cmi5;
pub mod desktop;
pub mod flat;
pub mod i18n;
pub mod interact;
pub mod openxr;
pub mod panel;
pub mod perf;
pub mod playback;
pub mod reload;
pub mod scene;
pub mod session;
pub mod settings;
pub mod ui;
pub mod vr;
pub mod words;

use crate::scenario::Scenario;
use crate::text::Lang;
use crate::tracker::Mode;
use bevy::app::AppExit;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_kira_audio::AudioControl;
use bevy_rapier3d::prelude::*;
use interact::{Hands, Intent, Rig};
use session::{Session, SessionStart};
use settings::Settings;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;
use ui::{Screen, UiState};

/// How `praxis run` starts.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// A scenario to open directly (else the start screen).
    pub scenario: Option<PathBuf>,
    /// The scenario folder (the start screen lists it).
    pub scenarios_dir: PathBuf,
    /// The assets folder.
    pub assets_dir: PathBuf,
    /// Language (else the remembered one).
    pub lang: Option<Lang>,
    /// Mode (else the remembered one).
    pub mode: Option<Mode>,
    /// Seated (else the remembered one).
    pub seated: Option<bool>,
    /// Learner id (else the remembered one).
    pub learner: Option<String>,
    /// Render once settled, save a PNG here, exit.
    pub screenshot: Option<PathBuf>,
    /// Take the start screen, a scenario mid-way and the debrief into this folder, exit.
    pub tour: Option<PathBuf>,
    /// Measure frame times for this many seconds once settled, print them, exit.
    pub bench: Option<f32>,
    /// Force the graphics preset (`low` or `full`) instead of choosing from the adapter.
    pub preset: Option<Preset>,
    /// Resolution of the 3D view relative to the window (default 0.5 on the low preset, 1 on
    /// the full one).
    pub render_scale: Option<f32>,
    /// Window size.
    pub size: (u32, u32),
    /// Do not write a session record.
    pub no_record: bool,
    /// Launched as a cmi5 assignable unit: the session to report to.
    pub cmi5: Option<cmi5::Link>,
    /// A pass mark replacing the scenario's (the cmi5 masteryScore).
    pub pass_mark: Option<f64>,
    /// No sound (the learner's cmi5 audio preference).
    pub mute: bool,
    /// An event log to play in the window.
    pub play: Option<Play>,
    /// In a headset through OpenXR.
    pub xr: bool,
    /// Poses standing in for the headset's tracking.
    pub vr_script: Option<vr::PoseScript>,
}

/// An event log played in the window (`--play`).
#[derive(Debug, Clone, Default)]
pub struct Play {
    /// Its actions.
    pub actions: Vec<crate::action::LearnerAction>,
    /// Jump through them up to this session time, then hand over to the learner.
    pub until: Option<crate::action::SimTime>,
    /// The session's seed (the log's).
    pub seed: u64,
    /// Faults the log forces on or off.
    pub faults: std::collections::BTreeMap<String, bool>,
}

/// Graphics quality.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// Shadows, MSAA, full resolution: for real GPUs.
    Full,
    /// No shadows, no MSAA, 3D at half resolution: for software adapters.
    Low,
}

/// What the interface asks of the app.
#[derive(Message, Debug, Clone)]
pub enum Request {
    /// Start a session on a scenario.
    Start {
        /// Its file.
        path: PathBuf,
        /// The scenario.
        scenario: Arc<Scenario>,
    },
    /// Start the current scenario again.
    Restart,
    /// End the session now (the debrief follows).
    Finish,
    /// Back to the start screen.
    Menu,
    /// Quit.
    Quit,
    /// Start this scenario again in a VR headset: a new `praxis run --xr` process (the settings
    /// chosen on the start screen are remembered), and this one closes.
    StartInHeadset(PathBuf),
}

/// Folders and choices fixed at start-up.
#[derive(Resource, Debug, Clone)]
pub struct Paths {
    /// Assets.
    pub assets: PathBuf,
    /// Where records go; none for no record.
    pub records: Option<PathBuf>,
}

/// What a launch (or a test) sets for every session instead of the defaults: a cmi5 LMS's
/// masteryScore; a fixed seed and forced faults for reproducible runs.
#[derive(Resource, Debug, Clone, Default)]
pub struct SessionOverrides {
    /// A pass mark replacing the scenario's.
    pub pass_mark: Option<f64>,
    /// The seed of every session (else a fresh one each time).
    pub seed: Option<u64>,
    /// Faults forced on or off whatever the draw.
    pub faults: std::collections::BTreeMap<String, bool>,
}

/// When the process started, for the start-up measurement.
#[derive(Resource, Debug, Clone, Copy)]
pub struct StartedAt(pub Instant);

/// Whether `r` (an id or a `#tag`) names entity `id`.
pub fn entity_matches(sc: &Scenario, r: &str, id: &str) -> bool {
    match r.strip_prefix('#') {
        Some(tag) => sc
            .index
            .entity_ids
            .get(id)
            .is_some_and(|&e| sc.index.entities[e as usize].tags.iter().any(|t| t == tag)),
        None => r == id,
    }
}

/// Where the learner stands at the start: the scenario's start, else x = 0, z = 0.6, facing −z.
fn start_rig(sc: &Scenario, seated: bool) -> Rig {
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

/// Wall-clock limit for `--screenshot` and `--tour`.
const CAPTURE_LIMIT_S: f32 = 120.0;

/// The session, scene and interaction systems (shared by the window app and headless tests).
pub struct CorePlugins;

impl Plugin for CorePlugins {
    fn build(&self, app: &mut App) {
        app.add_message::<session::Act>()
            .add_message::<session::Said>()
            .add_message::<session::Ended>()
            .add_message::<Intent>()
            .add_message::<interact::Notice>()
            .add_message::<Request>()
            .init_resource::<Hands>()
            .init_resource::<UiState>()
            .init_resource::<desktop::Pointer>()
            .init_resource::<WalkInput>()
            .init_resource::<vr::VrInput>()
            .init_resource::<vr::VrMapping>()
            .init_resource::<vr::Locomotion>()
            .add_message::<vr::RootMove>()
            .init_resource::<reload::Watch>()
            .insert_resource(Rig::standing(Vec3::ZERO, false))
            .insert_resource(Time::<Fixed>::from_hz(60.0))
            .insert_resource(TimestepMode::Fixed {
                dt: 1.0 / 60.0,
                substeps: 1,
            })
            .add_plugins(RapierPhysicsPlugin::<NoUserData>::default().in_fixed_schedule())
            .add_systems(
                FixedUpdate,
                (walk, interact::carry).before(PhysicsSet::SyncBackend),
            )
            // The frame order, in one place: input → intents and interaction → session →
            // presentation.
            .configure_sets(
                Update,
                (
                    PraxisSystems::Capture,
                    PraxisSystems::Detect,
                    PraxisSystems::Track,
                    PraxisSystems::Present,
                )
                    .chain(),
            )
            .add_systems(
                Update,
                (
                    playback::play.run_if(resource_exists::<playback::Playback>),
                    vr::play_script.run_if(resource_exists::<vr::PoseScript>),
                    vr::locomotion.run_if(resource_exists::<vr::VrActive>),
                    vr::map.run_if(resource_exists::<vr::VrActive>),
                )
                    .chain()
                    .in_set(PraxisSystems::Capture),
            )
            .add_systems(
                Update,
                (interact::apply_intents, interact::touches)
                    .chain()
                    .in_set(PraxisSystems::Detect),
            )
            .add_systems(
                Update,
                (
                    session::run_session,
                    scene::appear,
                    scene::restock,
                    interact::follow_body,
                    interact::move_limbs,
                    interact::sample_poses,
                    reload::hot_reload,
                    handle_requests,
                    on_ended,
                )
                    .chain()
                    .in_set(PraxisSystems::Track),
            );
    }
}

/// Praxis's own per-frame systems (measured by `--bench`), in the order they run each frame:
/// `Capture` turns the devices (keyboard and mouse, headset, a played log) into intents;
/// `Detect` applies intents and finds touches (interaction and physics); `Track` feeds the
/// session (tracker, record) and handles requests; `Present` shows it (screens, world panel,
/// audio, captions).
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PraxisSystems {
    /// Input to intents.
    Capture,
    /// Interaction: intents applied, touches found.
    Detect,
    /// The session: tracker, record, requests.
    Track,
    /// Presentation.
    Present,
}

/// Where the learner wants to walk this frame (desktop), applied at each physics step.
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct WalkInput(pub Vec3);

fn walk(
    time: Res<Time>,
    input: Res<WalkInput>,
    mut body: Query<&mut KinematicCharacterController, With<interact::Body>>,
) {
    let _t = perf::scope();
    if let Ok(mut ctl) = body.single_mut() {
        ctl.translation = Some(input.0 * time.delta_secs() - Vec3::Y * 0.01);
    }
}

/// What a new room needs when it is drawn (absent in headless apps).
#[derive(SystemParam)]
struct Drawing<'w> {
    server: Option<Res<'w, AssetServer>>,
    meshes: Option<ResMut<'w, Assets<Mesh>>>,
    materials: Option<ResMut<'w, Assets<StandardMaterial>>>,
    audio: Option<Res<'w, bevy_kira_audio::Audio>>,
    sounds: Option<Res<'w, audio::Sounds>>,
}

/// Starts, restarts and ends sessions; quits.
fn handle_requests(
    mut commands: Commands,
    mut requests: MessageReader<Request>,
    session: Option<ResMut<Session>>,
    settings: Option<Res<Settings>>,
    paths: Res<Paths>,
    room: Query<Entity, With<scene::RoomItem>>,
    mut ui: ResMut<UiState>,
    mut hands: ResMut<Hands>,
    mut rig: ResMut<Rig>,
    mut intents: MessageWriter<Intent>,
    mut exit: MessageWriter<AppExit>,
    drawing: Drawing,
    signer: Option<Res<session::Signer>>,
    mut virt: ResMut<Time<Virtual>>,
    overrides: Option<Res<SessionOverrides>>,
) {
    let _t = perf::scope();
    let Drawing {
        server,
        mut meshes,
        mut materials,
        audio,
        sounds,
    } = drawing;
    let mut session = session;
    for r in requests.read() {
        let start = match r {
            Request::Start { path, scenario } => Some((path.clone(), scenario.clone())),
            Request::Restart => session
                .as_ref()
                .map(|s| (s.start.path.clone(), s.start.scenario.clone())),
            Request::Finish => {
                intents.write(Intent::Do(crate::action::ActionKind::Finish));
                None
            }
            Request::Menu => {
                if let Some(s) = session.as_mut() {
                    s.abandon();
                }
                commands.remove_resource::<Session>();
                for e in &room {
                    commands.entity(e).despawn();
                }
                *ui = UiState {
                    learner_text: ui.learner_text.clone(),
                    chosen: ui.chosen,
                    ..default()
                };
                if let Some(a) = audio.as_deref() {
                    a.stop();
                }
                None
            }
            Request::Quit => {
                if let Some(s) = session.as_mut() {
                    s.abandon();
                }
                exit.write(AppExit::Success);
                None
            }
            Request::StartInHeadset(path) => {
                let started = std::env::current_exe().and_then(|exe| {
                    std::process::Command::new(exe)
                        .arg("run")
                        .arg(path)
                        .arg("--xr")
                        .spawn()
                });
                match started {
                    Ok(_) => {
                        exit.write(AppExit::Success);
                    }
                    Err(e) => error!("cannot start Praxis in XR mode: {e}"),
                }
                None
            }
        };
        let Some((path, scenario)) = start else {
            continue;
        };
        if let Some(s) = session.as_mut() {
            s.abandon();
        }
        for e in &room {
            commands.entity(e).despawn();
        }
        let defaults = Settings::default();
        let settings = settings.as_deref().unwrap_or(&defaults);
        let start = SessionStart {
            scenario: scenario.clone(),
            path,
            mode: settings.mode(),
            learner: settings.learner.clone(),
            station: settings.station.clone(),
            seed: overrides
                .as_ref()
                .and_then(|o| o.seed)
                .unwrap_or_else(|| uuid::Uuid::new_v4().as_u64_pair().0),
            record_dir: paths.records.clone(),
            pass_mark: overrides.as_ref().and_then(|o| o.pass_mark),
            faults: overrides
                .as_ref()
                .map(|o| o.faults.clone())
                .unwrap_or_default(),
        };
        commands.insert_resource(Session::new(start, signer.as_deref()));
        let drawn = meshes.is_some() && materials.is_some();
        let visuals = match (
            server.as_deref(),
            meshes.as_deref_mut(),
            materials.as_deref_mut(),
        ) {
            (Some(s), Some(m), Some(t)) => Some((s, m, t)),
            _ => None,
        };
        for p in scene::spawn_room(&mut commands, &scenario, &paths.assets, visuals) {
            error!("{p}");
        }
        *rig = start_rig(&scenario, settings.seated);
        interact::spawn_limbs(
            &mut commands,
            &scenario,
            &rig,
            server.as_deref().filter(|_| drawn),
        );
        *hands = Hands::default();
        let tutorial = !settings.tutorial_seen && ui.tutorial;
        *ui = UiState {
            screen: Screen::Play,
            learner_text: ui.learner_text.clone(),
            chosen: ui.chosen,
            tutorial,
            ..default()
        };
        virt.unpause();
        if let (Some(a), Some(s)) = (audio.as_deref(), sounds.as_deref()) {
            audio::ambient(a, s, &scenario.model.family);
        }
    }
}

/// The debrief follows the end of a session; hands let go.
fn on_ended(mut ended: MessageReader<session::Ended>, mut ui: ResMut<UiState>) {
    let _t = perf::scope();
    if ended.read().count() > 0 {
        ui.screen = Screen::Debrief;
        ui.action_menu = false;
        ui.dialog = None;
        ui.gesture = None;
        ui.paused = false;
    }
}

/// Pauses session time and physics while the pause menu is open.
fn pause_time(ui: Res<UiState>, mut virt: ResMut<Time<Virtual>>) {
    let _t = perf::scope();
    let pause = ui.screen == Screen::Play && ui.paused;
    if pause && !virt.is_paused() {
        virt.pause();
    } else if !pause && virt.is_paused() {
        virt.unpause();
    }
}

/// A headless app (no window, no renderer, no audio) with the real session, scene and
/// interaction plugins and a manual clock of `step` per update, for tests.
pub fn headless(assets: PathBuf, records: Option<PathBuf>, step: std::time::Duration) -> App {
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins,
        TransformPlugin,
        bevy::asset::AssetPlugin::default(),
        bevy::mesh::MeshPlugin,
    ))
    .insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(step))
    .insert_resource(Paths { assets, records })
    .insert_resource(session::Signer(Arc::new(crate::station::generate())))
    .add_plugins(CorePlugins);
    app
}

/// Starts a session in a headless app (as the start screen would).
pub fn start(app: &mut App, path: &Path, scenario: Arc<Scenario>, mode: Mode) {
    app.insert_resource(Settings {
        mode: mode.as_str().into(),
        tutorial_seen: true,
        ..Settings::default()
    });
    app.world_mut().write_message(Request::Start {
        path: path.to_path_buf(),
        scenario,
    });
    app.update();
}

mod capture;
mod startup;
mod window;
pub use window::run;
