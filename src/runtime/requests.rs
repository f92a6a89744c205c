//! The requests of the screens, the capture and the command line (app layer), one observer each:
//! start a session (a new room replaces the old one), start it again, finish it, go back to the
//! start screen (the room is scoped to the session's screens and goes), quit, or start again in a
//! headset.

use super::audio;
use super::flow::{
    BackToMenu, FinishSession, Overlay, Quit, RestartSession, Screen, StartInHeadset, StartSession,
};
use super::interact::{self, Hands, Intent, Rig, SelectedGesture};
use super::options::{Paths, SessionOverrides};
use super::reload::ReloadStatus;
use super::scene;
use super::session::{self, Session, SessionStart};
use super::settings::Settings;
use super::views::{DialogForm, Feedback};
use bevy::app::AppExit;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_kira_audio::AudioControl;

/// The observers, and the debrief after a session's end.
pub fn plugin(app: &mut App) {
    app.init_resource::<Feedback>()
        .init_resource::<DialogForm>()
        .add_observer(start)
        .add_observer(restart)
        .add_observer(finish)
        .add_observer(menu)
        .add_observer(quit)
        .add_observer(start_in_headset)
        .add_systems(
            Update,
            on_ended
                .in_set(super::flow::PraxisSystems::Track)
                .after(super::reload::hot_reload),
        );
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

/// What a session's start and the way back to the start screen reset: the hands, where the
/// learner stands, the interface (what is open, the gesture chosen, the feedback, a reload's
/// error).
#[derive(SystemParam)]
struct Fresh<'w> {
    hands: ResMut<'w, Hands>,
    rig: ResMut<'w, Rig>,
    gesture: ResMut<'w, SelectedGesture>,
    feedback: ResMut<'w, Feedback>,
    dialog: ResMut<'w, DialogForm>,
    reload: ResMut<'w, ReloadStatus>,
    screen: ResMut<'w, NextState<Screen>>,
    overlay: ResMut<'w, NextState<Overlay>>,
    virt: ResMut<'w, Time<Virtual>>,
}

impl Fresh<'_> {
    /// Everything back to how a session or the start screen begins, `overlay` open.
    fn reset(&mut self, screen: Screen, overlay: Overlay) {
        *self.hands = Hands::default();
        self.gesture.0 = None;
        *self.feedback = Feedback::default();
        self.dialog.0 = None;
        *self.reload = ReloadStatus::default();
        self.screen.set(screen);
        self.overlay.set(overlay);
        self.virt.unpause();
    }
}

/// Starts a session: the old one (if any) is abandoned and its room goes, the new room is
/// built, the learner stands at the scenario's start, the room's screen comes up (with the
/// tutorial, the first time).
fn start(
    ev: On<StartSession>,
    mut commands: Commands,
    session: Option<ResMut<Session>>,
    settings: Option<Res<Settings>>,
    paths: Res<Paths>,
    room: Query<Entity, With<scene::RoomItem>>,
    overlay: Option<Res<State<Overlay>>>,
    drawing: Drawing,
    signer: Option<Res<session::Signer>>,
    overrides: Option<Res<SessionOverrides>>,
    mut fresh: Fresh,
) {
    let _t = super::perf::scope();
    let Drawing {
        server,
        mut meshes,
        mut materials,
        audio,
        sounds,
    } = drawing;
    if let Some(mut s) = session {
        s.abandon();
    }
    for e in &room {
        commands.entity(e).despawn();
    }
    let scenario = ev.scenario.clone();
    let defaults = Settings::default();
    let settings = settings.as_deref().unwrap_or(&defaults);
    let start = SessionStart {
        scenario: scenario.clone(),
        path: ev.path.clone(),
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
    *fresh.rig = Rig::at_start(&scenario, settings.seated);
    interact::spawn_limbs(
        &mut commands,
        &scenario,
        &fresh.rig,
        server.as_deref().filter(|_| drawn),
    );
    // The tutorial the first time, if it was up on the start screen or never seen.
    let tutorial = !settings.tutorial_seen
        && overlay
            .as_deref()
            .is_some_and(|o| *o.get() == Overlay::Tutorial);
    fresh.reset(
        Screen::Play,
        if tutorial {
            Overlay::Tutorial
        } else {
            Overlay::None
        },
    );
    if let (Some(a), Some(s)) = (audio.as_deref(), sounds.as_deref()) {
        audio::ambient(a, s, &scenario.model.family);
    }
}

/// Starts the current scenario again.
fn restart(_: On<RestartSession>, mut commands: Commands, session: Option<Res<Session>>) {
    if let Some(s) = session {
        commands.trigger(StartSession {
            path: s.start.path.clone(),
            scenario: s.start.scenario.clone(),
        });
    }
}

/// Ends the session now: the learner's "finish", tracked like any action.
fn finish(_: On<FinishSession>, mut intents: MessageWriter<Intent>) {
    intents.write(Intent::Do(crate::action::ActionKind::Finish));
}

/// Back to the start screen: the session is abandoned; the room, scoped to the session's
/// screens, goes as the start screen comes up, with nothing open over it.
fn menu(
    _: On<BackToMenu>,
    mut commands: Commands,
    session: Option<ResMut<Session>>,
    mut fresh: Fresh,
    audio: Option<Res<bevy_kira_audio::Audio>>,
) {
    if let Some(mut s) = session {
        s.abandon();
    }
    commands.remove_resource::<Session>();
    fresh.reset(Screen::Menu, Overlay::None);
    if let Some(a) = audio.as_deref() {
        a.stop();
    }
}

/// Quits (an open session is abandoned).
fn quit(_: On<Quit>, session: Option<ResMut<Session>>, mut exit: MessageWriter<AppExit>) {
    if let Some(mut s) = session {
        s.abandon();
    }
    exit.write(AppExit::Success);
}

/// Starts `praxis run SCENARIO --xr` and closes this one.
fn start_in_headset(ev: On<StartInHeadset>, mut exit: MessageWriter<AppExit>) {
    let started = std::env::current_exe().and_then(|exe| {
        std::process::Command::new(exe)
            .arg("run")
            .arg(&ev.0)
            .arg("--xr")
            .spawn()
    });
    match started {
        Ok(_) => {
            exit.write(AppExit::Success);
        }
        Err(e) => error!("cannot start Praxis in XR mode: {e}"),
    }
}

/// The debrief follows the end of a session (the overlays close with the room's screen); the
/// gesture being made is dropped.
fn on_ended(
    mut ended: MessageReader<session::Ended>,
    mut screen: ResMut<NextState<Screen>>,
    mut gesture: ResMut<SelectedGesture>,
) {
    let _t = super::perf::scope();
    if ended.read().count() > 0 {
        screen.set(Screen::Debrief);
        gesture.0 = None;
    }
}
