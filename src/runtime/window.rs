//! The window app: `praxis run`.

#![expect(
    clippy::print_stderr,
    reason = "`praxis run` reports problems on the terminal, like the other commands"
)]

use super::app::WindowPlugins;
use super::capture::{Capture, CaptureKind, capture_system};
use super::flat;
use super::flow::{Overlay, PraxisSystems, Screen, StartSession};
use super::options::{Graphics, Paths, Preset, SessionOverrides, StartedAt};
use super::session::Session;
use super::start_screen::StartScreen;
use super::startup::Loaded;
use super::startup::RunOptions;
use super::vr::VrActive;
use super::{audio, cmi5};
use bevy::app::AppExit;
use bevy::camera::RenderTarget;
use bevy::prelude::*;
use bevy::render::renderer::RenderAdapterInfo;
use bevy::render::view::Msaa;
use bevy::window::{PrimaryWindow, WindowResolution};
use bevy_egui::{
    EguiContexts, EguiGlobalSettings, EguiPlugin, EguiPrimaryContextPass, EguiTextureHandle,
    PrimaryEguiContext,
};
use std::time::Instant;

/// The 3D view's image (low preset), shown by egui behind the interface.
#[derive(Resource, Debug, Clone, Default)]
struct SceneImage {
    image: Option<Handle<Image>>,
    texture: Option<bevy_egui::egui::TextureId>,
}

/// Runs the app; returns the exit status.
pub fn run(opts: RunOptions) -> u8 {
    let started = Instant::now();
    let Loaded {
        settings,
        i18n,
        catalog,
        direct,
        records,
        signer,
        chosen,
    } = match super::startup::load(&opts) {
        Ok(l) => l,
        Err(status) => return status,
    };
    let capture = CaptureKind::from_options(&opts);

    let mut app = App::new();
    let window = WindowPlugin {
        primary_window: Some(Window {
            title: "Praxis".into(),
            resolution: WindowResolution::new(opts.size.0, opts.size.1),
            ..default()
        }),
        ..default()
    };
    let plugins = DefaultPlugins.set(bevy::asset::AssetPlugin {
        file_path: opts.assets_dir.display().to_string(),
        ..default()
    });
    if opts.xr {
        // OpenXR renders the headset's views (or flat, with no runtime); the window shows the
        // learner's view for whoever stands beside them.
        app.add_plugins(
            super::openxr::plugins(plugins.build())
                .disable::<bevy::render::pipelined_rendering::PipelinedRenderingPlugin>()
                .set(window),
        )
        .add_plugins(super::openxr::XrPlugin);
    } else {
        app.add_plugins(plugins.set(window));
    }
    if let Some(script) = &opts.vr_script {
        // The script stands in for the headset's tracking.
        app.insert_resource(script.clone())
            .insert_resource(VrActive);
    }
    if opts.xr || opts.vr_script.is_some() {
        // The guided panel and the debrief on a board in the room.
        app.add_plugins(super::panel::plugin);
    }
    app.insert_resource(EguiGlobalSettings {
        auto_create_primary_context: false,
        ..default()
    })
    .add_plugins(EguiPlugin::default())
    .add_plugins(MaterialPlugin::<flat::FlatMaterial>::default())
    .insert_resource(Paths {
        assets: opts.assets_dir.clone(),
        records,
    })
    .insert_resource(StartedAt(started))
    .insert_resource(settings.clone())
    .insert_resource(i18n)
    .insert_resource(catalog)
    .insert_resource(ClearColor(Color::srgb(0.08, 0.09, 0.1)))
    .add_plugins(WindowPlugins)
    .insert_resource(StartScreen {
        chosen,
        in_headset: opts.xr,
        ..default()
    })
    .insert_resource(ForcedPreset(opts.preset, opts.render_scale))
    .add_systems(Startup, setup)
    .add_systems(Update, first_frame.in_set(PraxisSystems::Present))
    .add_systems(
        EguiPrimaryContextPass,
        scene_image.before(super::screens::draw),
    );
    if !settings.tutorial_seen {
        // The tutorial over the start screen (or the room, when a scenario is named), once.
        app.insert_resource(NextState::Pending(Overlay::Tutorial));
    }
    register_model_types(&mut app);
    if let Some(s) = signer {
        app.insert_resource(s);
    }
    app.add_systems(Update, super::lighting::light_lamps);
    app.add_systems(
        PostUpdate,
        flat::flatten.run_if(|g: Option<Res<Graphics>>| g.is_some_and(|g| g.preset == Preset::Low)),
    );
    if opts.mute {
        info!("sound off, as the learner's preferences ask (captions still show)");
    } else if audio::sound_device_likely() {
        app.add_plugins((
            bevy_kira_audio::AudioPlugin,
            bevy_kira_audio::prelude::SpatialAudioPlugin,
        ));
    } else {
        warn!("no sound device found: Praxis runs without sound (captions still show)");
    }
    if let Some(kind) = capture {
        app.insert_resource(Capture {
            started,
            ready_frames: 0,
            waiting_for: None,
            stage: 0,
            kind,
        })
        .add_systems(Update, capture_system.in_set(PraxisSystems::Present));
        super::capture::Pipelines::install(&mut app);
    }
    app.insert_resource(SessionOverrides {
        pass_mark: opts.pass_mark,
        seed: opts.play.as_ref().map(|p| p.seed),
        faults: opts
            .play
            .as_ref()
            .map(|p| p.faults.clone())
            .unwrap_or_default(),
    });
    if let Some(p) = &opts.play {
        app.insert_resource(super::playback::Playback::new(p.actions.clone(), p.until));
    }
    if let Some(link) = &opts.cmi5 {
        app.insert_resource(link.clone())
            .add_systems(Update, super::cmi5::report.in_set(PraxisSystems::Present));
    }
    if let Some((path, scenario)) = direct {
        // Once the app is built: as the start screen's button would.
        let start = StartSession { path, scenario };
        app.add_systems(Startup, move |mut commands: Commands| {
            commands.trigger(start.clone());
        });
    }
    let status = match app.run() {
        AppExit::Success => 0,
        AppExit::Error(code) => code.get(),
    };
    if let Some(said) = opts.cmi5.as_ref().and_then(cmi5::Link::close) {
        eprintln!("{said}");
    }
    status
}

/// The preset and render scale asked for on the command line, if any.
#[derive(Resource, Debug, Clone, Copy)]
struct ForcedPreset(Option<Preset>, Option<f32>);

/// Registers the component types a glTF scene is made of, so that Bevy can spawn it (the
/// `reflect_auto_register` feature would do this for every type, at the cost of rebuilding
/// all of Bevy with it).
fn register_model_types(app: &mut App) {
    app.register_type::<Transform>()
        .register_type::<GlobalTransform>()
        .register_type::<Name>()
        .register_type::<ChildOf>()
        .register_type::<Children>()
        .register_type::<Visibility>()
        .register_type::<InheritedVisibility>()
        .register_type::<ViewVisibility>()
        .register_type::<Mesh3d>()
        .register_type::<MeshMaterial3d<StandardMaterial>>()
        .register_type::<bevy::camera::primitives::Aabb>()
        .register_type::<bevy::gltf::GltfMeshName>()
        .register_type::<bevy::gltf::GltfMaterialName>()
        .register_type::<bevy::gltf::GltfExtras>()
        .register_type::<bevy::gltf::GltfMeshExtras>()
        .register_type::<bevy::gltf::GltfMaterialExtras>()
        .register_type::<bevy::gltf::GltfSceneExtras>()
        .register_type::<bevy::transform::components::TransformTreeChanged>()
        .register_type::<bevy::camera::visibility::VisibilityClass>()
        .register_type::<bevy::render::sync_world::SyncToRenderWorld>()
        .register_type::<bevy::mesh::MeshTag>()
        .register_type::<bevy::gltf::GltfSceneName>();
}

/// Cameras, light and the graphics preset.
fn setup(
    mut commands: Commands,
    adapter: Option<Res<RenderAdapterInfo>>,
    forced: Res<ForcedPreset>,
    windows: Query<&Window, With<PrimaryWindow>>,
    mut images: ResMut<Assets<Image>>,
) {
    let software = adapter
        .as_ref()
        .is_some_and(|a| format!("{:?}", a.device_type) == "Cpu");
    let preset = forced
        .0
        .unwrap_or(if software { Preset::Low } else { Preset::Full });
    if let Some(a) = adapter.as_ref() {
        info!(
            "graphics: {} ({:?}), {:?} preset",
            a.name, a.device_type, preset
        );
    }
    // Half resolution on the low preset: measured under lavapipe with the rooms' real models, it
    // is the only scale that keeps every room at 20 fps or more (a patient's bed filling the view
    // costs a quarter of the frame rate at full resolution); docs/runtime.md, "Graphics presets".
    let scale = forced
        .1
        .unwrap_or(if preset == Preset::Low { 0.5 } else { 1.0 });
    commands.spawn((
        audio::CueSource,
        bevy_kira_audio::prelude::SpatialAudioEmitter::default(),
        bevy_kira_audio::SpatialRadius { radius: 12.0 },
    ));
    let mut cam = commands.spawn((
        Camera3d::default(),
        Camera {
            order: 0,
            ..default()
        },
        if preset == Preset::Low {
            bevy::core_pipeline::tonemapping::Tonemapping::None
        } else {
            bevy::core_pipeline::tonemapping::Tonemapping::default()
        },
        Transform::from_xyz(0.0, 1.65, 0.6),
        if preset == Preset::Low {
            Msaa::Off
        } else {
            Msaa::Sample4
        },
    ));
    // The learner's ears (spatial cues in a headset) are where the camera is.
    cam.insert(bevy_kira_audio::prelude::SpatialAudioReceiver);
    let mut image = None;
    if scale < 1.0 {
        let (w, h) = windows
            .single()
            .map(|w| (w.physical_width(), w.physical_height()))
            .unwrap_or((1280, 720));
        let img = Image::new_target_texture(
            ((w as f32 * scale) as u32).max(1),
            ((h as f32 * scale) as u32).max(1),
            bevy::render::render_resource::TextureFormat::Bgra8UnormSrgb,
            None,
        );
        let handle = images.add(img);
        cam.insert(RenderTarget::Image(handle.clone().into()));
        image = Some(handle);
    }
    // The interface draws on its own camera over the 3D view.
    commands.spawn((
        Camera2d,
        // The interface needs no multisampling of its own (egui anti-aliases its shapes), but
        // over a 3D view drawn into the window it must match that camera's: cameras share a
        // target's main texture only when their settings agree, and with another the interface
        // would be drawn over an empty texture, hiding the room (the full preset's dark view).
        if preset == Preset::Low || scale < 1.0 {
            Msaa::Off
        } else {
            Msaa::Sample4
        },
        bevy::core_pipeline::tonemapping::Tonemapping::None,
        Camera {
            order: 1,
            clear_color: if scale < 1.0 {
                ClearColorConfig::Default
            } else {
                ClearColorConfig::None
            },
            ..default()
        },
        PrimaryEguiContext,
    ));
    super::lighting::spawn_global(&mut commands, preset);
    commands.insert_resource(Graphics { preset, scale });
    commands.insert_resource(SceneImage {
        image,
        texture: None,
    });
}

/// Shows the 3D view's image behind the interface (low preset), resizing it with the window.
fn scene_image(
    mut contexts: EguiContexts,
    graphics: Res<Graphics>,
    mut scene: ResMut<SceneImage>,
    windows: Query<&Window, With<PrimaryWindow>>,
    mut images: ResMut<Assets<Image>>,
) -> Result {
    let _t = super::perf::scope();
    let Some(handle) = scene.image.clone() else {
        return Ok(());
    };
    if let Ok(w) = windows.single() {
        let want = (
            ((w.physical_width() as f32 * graphics.scale) as u32).max(1),
            ((w.physical_height() as f32 * graphics.scale) as u32).max(1),
        );
        if let Some(mut img) = images.get_mut(&handle)
            && (img.width(), img.height()) != want
        {
            img.resize(bevy::render::render_resource::Extent3d {
                width: want.0,
                height: want.1,
                depth_or_array_layers: 1,
            });
        }
    }
    let tex = match scene.texture {
        Some(t) => t,
        None => {
            let t = contexts.add_image(EguiTextureHandle::Strong(handle));
            scene.texture = Some(t);
            t
        }
    };
    let ctx = contexts.ctx_mut()?;
    let rect = ctx.content_rect();
    ctx.layer_painter(bevy_egui::egui::LayerId::background())
        .image(
            tex,
            rect,
            bevy_egui::egui::Rect::from_min_max(
                bevy_egui::egui::pos2(0.0, 0.0),
                bevy_egui::egui::pos2(1.0, 1.0),
            ),
            bevy_egui::egui::Color32::WHITE,
        );
    Ok(())
}

/// Logs the first frame in which the learner can act.
/// The start screen is up, or the room is there with every model loaded.
fn first_frame(
    started: Res<StartedAt>,
    screen: Res<State<Screen>>,
    session: Option<Res<Session>>,
    server: Res<AssetServer>,
    models: Query<&bevy::world_serialization::WorldAssetRoot>,
    mut done: Local<bool>,
) {
    let _t = super::perf::scope();
    if *done {
        return;
    }
    let ready = match screen.get() {
        Screen::Menu => true,
        Screen::Play => {
            session.is_some()
                && !models.is_empty()
                && models
                    .iter()
                    .all(|m| server.is_loaded_with_dependencies(m.0.id()))
        }
        Screen::Debrief => false,
    };
    if ready {
        *done = true;
        info!(
            "first interactive frame {:.0} ms after start-up",
            started.0.elapsed().as_secs_f64() * 1000.0
        );
    }
}
