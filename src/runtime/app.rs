//! The two apps (app layer), as plugin groups: [`CorePlugins`], what the window app and the
//! headless tests share (session, room, interaction, the devices' intents, requests), each
//! concern adding its own systems in its own `plugin`, run by [`headless`] with no window or
//! renderer, for tests; and [`WindowPlugins`], the window app's (`praxis run`): the same with the
//! desktop, the screens and sound.

use super::flow::{Overlay, PraxisSystems, Screen, StartSession};
use super::options::Paths;
use super::settings::{Rebinding, Settings};
use crate::scenario::Scenario;
use crate::tracker::Mode;
use bevy::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The session, room, interaction and device systems (shared by the window app and headless
/// tests), and the frame order, set once: input → intents and interaction → session →
/// presentation.
pub struct CorePlugins;

impl Plugin for CorePlugins {
    fn build(&self, app: &mut App) {
        if !app.is_plugin_added::<bevy::state::app::StatesPlugin>() {
            app.add_plugins(bevy::state::app::StatesPlugin);
        }
        app.init_state::<Screen>()
            .add_sub_state::<Overlay>()
            .init_resource::<Rebinding>()
            .init_resource::<super::perf::OwnCpu>()
            .add_systems(Last, super::perf::sample)
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
            .add_plugins((
                super::session::plugin,
                super::scene::plugin,
                super::interact::plugin,
                super::playback::plugin,
                super::vr::plugin,
                super::pose_script::plugin,
                super::reload::plugin,
                super::requests::plugin,
            ));
    }
}

/// The window app's own plugins over [`CorePlugins`]: the desktop controls, the hands' fingers,
/// the screens and sound (the world panel joins them in a headset).
pub struct WindowPlugins;

impl PluginGroup for WindowPlugins {
    fn build(self) -> bevy::app::PluginGroupBuilder {
        bevy::app::PluginGroupBuilder::start::<Self>()
            .add(CorePlugins)
            .add(super::desktop::plugin)
            .add(super::hand_pose::plugin)
            .add(super::gloves::plugin)
            .add(super::screens::plugin)
            .add(super::audio::plugin)
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
    .insert_resource(super::session::Signer(Arc::new(crate::station::generate())))
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
    app.world_mut().trigger(StartSession {
        path: path.to_path_buf(),
        scenario,
    });
    app.update();
}
