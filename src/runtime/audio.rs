//! Sounds: a cue for a step done, an error and a critical error (guided mode, each with a
//! caption on screen), and an ambient loop for the room (ward or cleanroom). The sounds are
//! synthesized by `tools/synth_audio.py`. With no sound device, kira logs one warning and
//! plays nothing; captions still show.

use super::flow::PraxisSystems;
use super::i18n::I18n;
use super::session::{Said, Session};
use crate::scenario::model::{Family, Severity};
use crate::tracker::{CriterionResult, FeedbackKind, Mode};
use bevy::prelude::*;
use bevy_kira_audio::prelude::*;

/// The sounds loaded at start-up, the cues played after the session has spoken.
pub fn plugin(app: &mut App) {
    app.init_resource::<Captions>()
        .add_systems(Startup, load)
        .add_systems(Update, cues.in_set(PraxisSystems::Present));
}

/// Captions of the sounds played, each with the wall-clock second it disappears at.
#[derive(Resource, Debug, Default, Clone)]
pub struct Captions(pub Vec<(String, f64)>);

/// The sounds, loaded once.
#[derive(Resource)]
pub struct Sounds {
    step_done: Handle<AudioSource>,
    error: Handle<AudioSource>,
    critical: Handle<AudioSource>,
    ward: Handle<AudioSource>,
    cleanroom: Handle<AudioSource>,
}

/// A cue to play.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// A step done.
    StepDone,
    /// An error.
    Error,
    /// A critical error.
    Critical,
}

impl Cue {
    /// Its caption's message id.
    pub fn caption(self) -> &'static str {
        match self {
            Cue::StepDone => "caption-step-done",
            Cue::Error => "caption-error",
            Cue::Critical => "caption-critical",
        }
    }
}

/// The cue for a piece of feedback, if it has one.
pub fn cue(kind: &FeedbackKind) -> Option<Cue> {
    match kind {
        FeedbackKind::StepDone { .. } => Some(Cue::StepDone),
        FeedbackKind::Error {
            severity: Severity::Critical,
            ..
        }
        | FeedbackKind::Answer {
            correct: false,
            critical: true,
            ..
        } => Some(Cue::Critical),
        FeedbackKind::Criterion {
            result: CriterionResult::Failed { .. },
            critical: true,
            ..
        } => Some(Cue::Critical),
        FeedbackKind::Error {
            severity: Severity::Major | Severity::Minor,
            ..
        }
        | FeedbackKind::Answer { correct: false, .. }
        | FeedbackKind::Criterion {
            result: CriterionResult::Failed { .. },
            ..
        } => Some(Cue::Error),
        FeedbackKind::OutOfOrder { scored: true, .. } => Some(Cue::Error),
        _ => None,
    }
}

/// Loads the sounds (when there is audio output).
pub fn load(mut commands: Commands, server: Res<AssetServer>, audio: Option<Res<Audio>>) {
    if audio.is_none() {
        return;
    }
    commands.insert_resource(Sounds {
        step_done: server.load("audio/step-done.wav"),
        error: server.load("audio/error.wav"),
        critical: server.load("audio/critical.wav"),
        ward: server.load("audio/ambient-ward.wav"),
        cleanroom: server.load("audio/ambient-cleanroom.wav"),
    });
}

/// Where cues come from in a headset: moved to what the action that caused them was done on.
#[derive(Component, Debug, Default)]
pub struct CueSource;

/// Plays cues (guided mode) with their captions. In a headset, a cue comes from the object the
/// action was done on (panned and attenuated by where the learner's head is); on the desktop,
/// from nowhere in particular.
pub fn cues(
    time: Res<Time<Real>>,
    audio: Option<Res<Audio>>,
    sounds: Option<Res<Sounds>>,
    i18n: Res<I18n>,
    session: Option<Res<Session>>,
    mut said: MessageReader<Said>,
    mut captions: ResMut<Captions>,
    playback: Option<Res<super::playback::Playback>>,
    vr: Option<Res<super::vr::VrActive>>,
    objects: Query<(&super::scene::Obj, &GlobalTransform)>,
    mut source: Query<(&mut Transform, &mut SpatialAudioEmitter), With<CueSource>>,
) {
    let _t = super::perf::scope();
    if playback.is_some_and(|p| p.jumping(session.as_deref())) {
        said.clear();
        return;
    }
    let guided = session
        .as_deref()
        .is_some_and(|s| s.start.mode == Mode::Guided);
    // One cue per frame at most, the most serious.
    let worst = said
        .read()
        .filter_map(|Said(f)| cue(&f.kind))
        .max_by_key(|c| match c {
            Cue::StepDone => 0,
            Cue::Error => 1,
            Cue::Critical => 2,
        });
    let (Some(c), true) = (worst, guided) else {
        return;
    };
    if let (Some(audio), Some(sounds)) = (audio, sounds) {
        let handle = match c {
            Cue::StepDone => &sounds.step_done,
            Cue::Error => &sounds.error,
            Cue::Critical => &sounds.critical,
        };
        let instance = audio.play(handle.clone()).with_volume(-6.0).handle();
        let at = session
            .as_deref()
            .and_then(|s| s.actions.last())
            .and_then(|a| a.kind.place())
            .and_then(|id| objects.iter().find(|(o, _)| o.id == id))
            .map(|(_, gt)| gt.translation());
        if vr.is_some()
            && let (Some(at), Ok((mut t, mut emitter))) = (at, source.single_mut())
        {
            t.translation = at;
            emitter.instances.push(instance);
        }
    }
    let until = time.elapsed_secs_f64() + 2.0;
    captions.0.push((i18n.t(c.caption()), until));
}

/// Whether this machine seems to have a way to play sound: an ALSA card, an ALSA configuration
/// (which may route to a null device or a sound server), or a `PulseAudio` / `PipeWire` server.
/// Without one, the audio plugin is left out, so that the only trace is one log line instead of
/// ALSA's errors.
pub fn sound_device_likely() -> bool {
    let cards = std::fs::read_to_string("/proc/asound/cards").unwrap_or_default();
    let has_card = !cards.trim().is_empty() && !cards.contains("no soundcards");
    let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    let alsa_config = home.as_ref().is_some_and(|h| h.join(".asoundrc").exists())
        || std::path::Path::new("/etc/asound.conf").exists()
        || std::env::var_os("ALSA_CONFIG_PATH").is_some();
    let runtime = std::env::var_os("XDG_RUNTIME_DIR").map(std::path::PathBuf::from);
    let server = std::env::var_os("PULSE_SERVER").is_some()
        || runtime
            .as_ref()
            .is_some_and(|r| r.join("pulse/native").exists() || r.join("pipewire-0").exists());
    !cfg!(target_os = "linux") || has_card || alsa_config || server
}

/// Starts the room's ambient loop (and stops the previous one).
pub fn ambient(audio: &Audio, sounds: &Sounds, family: &Family) {
    audio.stop();
    let h = match family {
        Family::Clinical => sounds.ward.clone(),
        Family::Bioproduction => sounds.cleanroom.clone(),
    };
    audio.play(h).looped().with_volume(-12.0);
}
