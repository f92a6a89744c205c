//! What the app remembers between runs (language, mode, learner id, view, tutorial seen, key
//! bindings), in `settings.ron` in the user's configuration folder, and where session records
//! go (the user's data folder). `PRAXIS_CONFIG_DIR` and `PRAXIS_DATA_DIR` override both
//! folders (tests use them).

use crate::record::check_pseudonym;
use crate::tracker::Mode;
use bevy::input::keyboard::KeyCode;
use bevy::input::mouse::MouseButton;
use bevy::prelude::Resource;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A control the learner can rebind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Control {
    /// Walk forward.
    Forward,
    /// Walk back.
    Back,
    /// Step left.
    StrafeLeft,
    /// Step right.
    StrafeRight,
    /// Left hand: grab, place or touch what is pointed at.
    LeftHand,
    /// Right hand: grab, place or touch what is pointed at.
    RightHand,
    /// Use what is pointed at (or use the held object on it).
    Use,
    /// Read or inspect what is pointed at.
    Read,
    /// Open the hand-action menu (gestures, questions, use on the body).
    ActionMenu,
    /// Hold to keep doing the selected gesture.
    HoldGesture,
    /// Ask for a hint (guided mode).
    Hint,
    /// Show the controls.
    Help,
    /// Pause menu.
    Pause,
    /// Let go of what a hand holds where it is.
    DropLeft,
    /// Let go of what the right hand holds where it is.
    DropRight,
    /// Kneel down (to reach the floor: a victim lying there) or stand up.
    Kneel,
}

impl Control {
    /// Every control, in the order the help overlay lists them.
    pub const ALL: [Control; 16] = [
        Control::Forward,
        Control::Back,
        Control::StrafeLeft,
        Control::StrafeRight,
        Control::LeftHand,
        Control::RightHand,
        Control::Use,
        Control::Read,
        Control::ActionMenu,
        Control::HoldGesture,
        Control::DropLeft,
        Control::DropRight,
        Control::Kneel,
        Control::Hint,
        Control::Help,
        Control::Pause,
    ];

    /// Its message id in the catalogue.
    pub fn message(self) -> &'static str {
        match self {
            Control::Forward => "control-forward",
            Control::Back => "control-back",
            Control::StrafeLeft => "control-strafe-left",
            Control::StrafeRight => "control-strafe-right",
            Control::LeftHand => "control-left-hand",
            Control::RightHand => "control-right-hand",
            Control::Use => "control-use",
            Control::Read => "control-read",
            Control::ActionMenu => "control-action-menu",
            Control::HoldGesture => "control-hold-gesture",
            Control::Hint => "control-hint",
            Control::Help => "control-help",
            Control::Pause => "control-pause",
            Control::DropLeft => "control-drop-left",
            Control::DropRight => "control-drop-right",
            Control::Kneel => "control-kneel",
        }
    }

    /// The default binding.
    pub fn default_binding(self) -> Binding {
        use Binding::{Key, Mouse};
        match self {
            Control::Forward => Key(KeyCode::KeyW),
            Control::Back => Key(KeyCode::KeyS),
            Control::StrafeLeft => Key(KeyCode::KeyA),
            Control::StrafeRight => Key(KeyCode::KeyD),
            Control::LeftHand => Mouse(MouseButton::Left),
            Control::RightHand => Mouse(MouseButton::Right),
            Control::Use => Key(KeyCode::KeyE),
            Control::Read => Key(KeyCode::KeyR),
            Control::ActionMenu => Key(KeyCode::Tab),
            Control::HoldGesture => Key(KeyCode::Space),
            Control::Hint => Key(KeyCode::KeyH),
            Control::Help => Key(KeyCode::F1),
            Control::Pause => Key(KeyCode::Escape),
            Control::DropLeft => Key(KeyCode::KeyZ),
            Control::DropRight => Key(KeyCode::KeyX),
            Control::Kneel => Key(KeyCode::KeyC),
        }
    }
}

/// A key or a mouse button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binding {
    /// A key, by its position on a US keyboard (W is Z on an AZERTY keyboard).
    Key(KeyCode),
    /// A mouse button.
    Mouse(MouseButton),
}

/// Keys that can be bound (and so written to and read from the settings file).
const KEYS: &[KeyCode] = &[
    KeyCode::KeyA,
    KeyCode::KeyB,
    KeyCode::KeyC,
    KeyCode::KeyD,
    KeyCode::KeyE,
    KeyCode::KeyF,
    KeyCode::KeyG,
    KeyCode::KeyH,
    KeyCode::KeyI,
    KeyCode::KeyJ,
    KeyCode::KeyK,
    KeyCode::KeyL,
    KeyCode::KeyM,
    KeyCode::KeyN,
    KeyCode::KeyO,
    KeyCode::KeyP,
    KeyCode::KeyQ,
    KeyCode::KeyR,
    KeyCode::KeyS,
    KeyCode::KeyT,
    KeyCode::KeyU,
    KeyCode::KeyV,
    KeyCode::KeyW,
    KeyCode::KeyX,
    KeyCode::KeyY,
    KeyCode::KeyZ,
    KeyCode::Digit0,
    KeyCode::Digit1,
    KeyCode::Digit2,
    KeyCode::Digit3,
    KeyCode::Digit4,
    KeyCode::Digit5,
    KeyCode::Digit6,
    KeyCode::Digit7,
    KeyCode::Digit8,
    KeyCode::Digit9,
    KeyCode::F1,
    KeyCode::F2,
    KeyCode::F3,
    KeyCode::F4,
    KeyCode::F5,
    KeyCode::F6,
    KeyCode::F7,
    KeyCode::F8,
    KeyCode::F9,
    KeyCode::F10,
    KeyCode::F11,
    KeyCode::F12,
    KeyCode::Space,
    KeyCode::Tab,
    KeyCode::Escape,
    KeyCode::Enter,
    KeyCode::Backspace,
    KeyCode::ArrowUp,
    KeyCode::ArrowDown,
    KeyCode::ArrowLeft,
    KeyCode::ArrowRight,
    KeyCode::ShiftLeft,
    KeyCode::ShiftRight,
    KeyCode::ControlLeft,
    KeyCode::ControlRight,
    KeyCode::AltLeft,
    KeyCode::Backquote,
    KeyCode::Comma,
    KeyCode::Period,
    KeyCode::Semicolon,
    KeyCode::Quote,
    KeyCode::Slash,
    KeyCode::Minus,
    KeyCode::Equal,
];
const BUTTONS: &[MouseButton] = &[MouseButton::Left, MouseButton::Right, MouseButton::Middle];

impl Binding {
    /// A stable name: `KeyW`, `Space`, `MouseLeft`.
    pub fn name(self) -> String {
        match self {
            Binding::Key(k) => format!("{k:?}"),
            Binding::Mouse(b) => format!("Mouse{b:?}"),
        }
    }

    /// A short label for the help overlay: `W`, `Space`, `Left click`-style names stay in the
    /// catalogue; this is the key's own name.
    pub fn label(self) -> String {
        let n = self.name();
        n.strip_prefix("Key")
            .or_else(|| n.strip_prefix("Digit"))
            .map(str::to_string)
            .unwrap_or(n)
    }

    /// Reads a name written by [`Binding::name`].
    pub fn parse(s: &str) -> Option<Binding> {
        KEYS.iter()
            .copied()
            .map(Binding::Key)
            .chain(BUTTONS.iter().copied().map(Binding::Mouse))
            .find(|b| b.name() == s)
    }

    /// Every key and button that can be bound.
    pub fn all() -> impl Iterator<Item = Binding> {
        KEYS.iter()
            .copied()
            .map(Binding::Key)
            .chain(BUTTONS.iter().copied().map(Binding::Mouse))
    }
}

/// The control waiting for a new key (the controls overlay's "change"), if any.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Rebinding(pub Option<Control>);

/// What is remembered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Resource)]
#[serde(default)]
pub struct Settings {
    /// `en` or `fr`.
    pub lang: String,
    /// `guided` or `assessment`.
    pub mode: String,
    /// Pseudonymous learner id.
    pub learner: String,
    /// Pseudonymous id of this machine.
    pub station: String,
    /// Seated: look around and reach, no walking.
    pub seated: bool,
    /// The controls tutorial was shown once.
    pub tutorial_seen: bool,
    /// Rebound controls (name of the binding), on top of the defaults.
    pub bindings: BTreeMap<Control, String>,
    /// Mouse-look speed, radians per pixel.
    pub look_speed: f32,
    /// In a headset: how the learner moves beyond their play space. No smooth artificial motion
    /// is offered (it makes people sick); room-scale walking always works.
    pub vr_motion: VrMotion,
    /// In a headset: a physical manikin lies where the scenario's manikin is, so that once its
    /// chest is calibrated (from the hand-action menu), compression depth and recoil are
    /// measured from the hands' motion against it. Off: they are "not assessed".
    pub vr_manikin: bool,
}

/// Comfort options for moving in a headset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VrMotion {
    /// Snap turns of 30° (right stick left or right) and teleport (left stick forward, aim,
    /// release).
    #[default]
    SnapTurnAndTeleport,
    /// Snap turns only.
    SnapTurn,
    /// Room-scale walking only: the learner turns and walks in their play space.
    RoomScale,
}

impl Default for Settings {
    fn default() -> Self {
        let tag = uuid::Uuid::new_v4().simple().to_string();
        Settings {
            lang: "en".into(),
            mode: "guided".into(),
            learner: format!("learner-{}", &tag[..6]),
            station: format!("station-{}", &tag[26..]),
            seated: false,
            tutorial_seen: false,
            bindings: BTreeMap::new(),
            look_speed: 0.0025,
            vr_motion: VrMotion::default(),
            vr_manikin: false,
        }
    }
}

impl Settings {
    /// The binding of a control.
    pub fn binding(&self, c: Control) -> Binding {
        self.bindings
            .get(&c)
            .and_then(|s| Binding::parse(s))
            .unwrap_or_else(|| c.default_binding())
    }

    /// Binds a control; another control that had the same binding gets this one's old binding
    /// (a swap), so no two controls share one.
    pub fn rebind(&mut self, c: Control, b: Binding) {
        let old = self.binding(c);
        for other in Control::ALL {
            if other != c && self.binding(other) == b {
                self.bindings.insert(other, old.name());
            }
        }
        self.bindings.insert(c, b.name());
    }

    /// The mode.
    pub fn mode(&self) -> Mode {
        Mode::parse(&self.mode).unwrap_or(Mode::Guided)
    }

    /// The language.
    pub fn lang(&self) -> crate::text::Lang {
        crate::text::Lang::parse(&self.lang).unwrap_or(crate::text::Lang::En)
    }

    /// Reads the settings file; missing or unreadable settings give the defaults (and a log
    /// line saying why, when the file exists but is broken).
    pub fn load() -> Settings {
        let path = config_dir().join("settings.ron");
        let mut s = match std::fs::read_to_string(&path) {
            Ok(text) => match ron::from_str::<Settings>(&text) {
                Ok(s) => s,
                Err(e) => {
                    bevy::log::warn!("{}: {e}; using default settings", path.display());
                    Settings::default()
                }
            },
            Err(_) => Settings::default(),
        };
        if check_pseudonym("learner", &s.learner).is_err() {
            s.learner = Settings::default().learner;
        }
        if check_pseudonym("station", &s.station).is_err() {
            s.station = Settings::default().station;
        }
        s
    }

    /// Writes the settings file.
    pub fn save(&self) {
        let dir = config_dir();
        let path = dir.join("settings.ron");
        let text = match ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default()) {
            Ok(t) => t,
            Err(e) => {
                bevy::log::error!("cannot write settings: {e}");
                return;
            }
        };
        if let Err(e) = std::fs::create_dir_all(&dir).and_then(|_| std::fs::write(&path, text)) {
            bevy::log::error!("cannot write {}: {e}", path.display());
        }
    }
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("org", "Praxis", "praxis")
}

/// Where settings live.
pub fn config_dir() -> PathBuf {
    crate::station::config_dir()
}

/// Where session records are written (`…/sessions`).
pub fn sessions_dir() -> PathBuf {
    let base = if let Some(d) = std::env::var_os("PRAXIS_DATA_DIR") {
        PathBuf::from(d)
    } else {
        project_dirs()
            .map(|p| p.data_dir().to_path_buf())
            .unwrap_or_else(|| PathBuf::from(".praxis"))
    };
    base.join("sessions")
}
