//! The app's flow (base layer): the screens and their overlays as Bevy states, the requests that
//! move between them (each an event with its own observer in [`super::requests`]), and the
//! frame's system sets. Every layer may use these; they use nothing of the runtime.

use crate::scenario::Scenario;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::state::state::{FreelyMutableState, StateSet};
use std::path::PathBuf;
use std::sync::Arc;

/// Praxis's own per-frame systems (measured by `--bench`), in the order they run each frame:
/// `Capture` turns the devices (keyboard and mouse, headset, a played log) into intents;
/// `Detect` applies intents and finds touches (interaction and physics); `Track` feeds the
/// session (tracker, record); `Present` shows it (screens, world panel, audio, captions).
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PraxisSystems {
    /// Input to intents.
    Capture,
    /// Interaction: intents applied, touches found.
    Detect,
    /// The session: tracker, record.
    Track,
    /// Presentation.
    Present,
}

/// Which screen is up.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    /// Choosing a scenario.
    #[default]
    Menu,
    /// In the room.
    Play,
    /// After the session (in a headset, on the world panel in the room).
    Debrief,
}

/// What is open over the start screen or the room, one at a time (none on the debrief).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Overlay {
    /// Nothing: the room has the mouse (or the start screen its own).
    #[default]
    None,
    /// The pause menu (session time and physics stop).
    Paused,
    /// The controls (over the pause menu, when opened from it: closing them goes back to it).
    Help {
        /// Opened from the pause menu.
        from_pause: bool,
    },
    /// The tutorial.
    Tutorial,
    /// The hand-action menu.
    ActionMenu,
    /// A question or a form (its contents: `views::DialogForm`).
    Dialog,
    /// "End the session now?".
    ConfirmFinish,
}

impl States for Overlay {
    const DEPENDENCY_DEPTH: usize = <Overlay as SubStates>::SourceStates::SET_DEPENDENCY_DEPTH + 1;
}

impl FreelyMutableState for Overlay {}

impl SubStates for Overlay {
    type SourceStates = Screen;

    /// Overlays exist on the start screen and in the room; the debrief has none, so that a
    /// session's end closes whatever was open.
    fn should_exist(screen: Screen) -> Option<Self> {
        (screen != Screen::Debrief).then_some(Overlay::None)
    }
}

/// Whether the mouse is for the interface (no mouse look): anywhere but in the room with nothing
/// open over it, or while a control waits for its new key.
pub fn cursor_free(screen: Screen, overlay: Overlay, rebinding: bool) -> bool {
    screen != Screen::Play || overlay != Overlay::None || rebinding
}

/// Where the keyboard and the mouse go this frame.
#[derive(SystemParam)]
pub struct Focus<'w> {
    screen: Res<'w, State<Screen>>,
    overlay: Option<Res<'w, State<Overlay>>>,
    rebinding: Res<'w, super::settings::Rebinding>,
}

impl Focus<'_> {
    /// Whether the mouse is for the interface (no mouse look).
    pub fn cursor_free(&self) -> bool {
        cursor_free(self.screen(), self.overlay(), self.rebinding.0.is_some())
    }

    /// Whether the session is paused (the pause menu, or the controls opened from it).
    pub fn paused(&self) -> bool {
        matches!(
            self.overlay(),
            Overlay::Paused | Overlay::Help { from_pause: true }
        )
    }

    /// What is open now.
    pub fn overlay(&self) -> Overlay {
        self.overlay.as_deref().map_or(Overlay::None, |o| *o.get())
    }

    /// The screen.
    pub fn screen(&self) -> Screen {
        *self.screen.get()
    }
}

/// Start a session on a scenario.
#[derive(Event, Debug, Clone)]
pub struct StartSession {
    /// Its file.
    pub path: PathBuf,
    /// The scenario.
    pub scenario: Arc<Scenario>,
}

/// Start the current scenario again.
#[derive(Event, Debug, Clone, Copy)]
pub struct RestartSession;

/// End the session now (the debrief follows).
#[derive(Event, Debug, Clone, Copy)]
pub struct FinishSession;

/// Back to the start screen.
#[derive(Event, Debug, Clone, Copy)]
pub struct BackToMenu;

/// Quit.
#[derive(Event, Debug, Clone, Copy)]
pub struct Quit;

/// Start this scenario again in a VR headset: a new `praxis run --xr` process (the settings
/// chosen on the start screen are remembered), and this one closes.
#[derive(Event, Debug, Clone)]
pub struct StartInHeadset(pub PathBuf);
