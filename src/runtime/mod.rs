//! The 3D runtime (feature `runtime`): thin Bevy plugins over the core, in layers. A file uses
//! only its own layer's files and the layers listed before it (`tests/lib/layers.rs` checks it,
//! and that no files import each other in a circle); at run time data flows one way, input →
//! intents → interaction → session → presentation, in the order of [`flow::PraxisSystems`].
//!
//! 1. **base**: [`flow`] (screens and overlays as states, requests, system sets), [`options`],
//!    [`settings`], [`perf`], [`i18n`] and [`words`] (text), [`catalog`], [`flat`] (the low
//!    preset's material), [`lighting`] (the room's ceiling panels, skirting and lights);
//! 2. **session**: [`session`] (the tracker and the record behind a resource), [`cmi5`],
//!    [`reload`] (the scenario file watched);
//! 3. **room**: [`scene`] (the room built from the scenario);
//! 4. **interaction**: [`intents`] (what every device says the learner means, where the hands
//!    come from), [`interact`] (the body and hands, physics, touches);
//! 5. **input**: [`desktop`] (keyboard and mouse), [`vr`] (tracked hands), [`openxr`] (the
//!    headset), [`pose_script`] (poses standing in for it), [`playback`] (an event log): each
//!    turns its device into intents;
//! 6. **presentation**: [`hand_pose`] (the learner's fingers close on what a hand holds),
//!    [`gloves`] (a hand shows the gloves the scenario says it wears),
//!    [`views`] (the egui bodies drawn on the screen and on the world panel),
//!    [`screens`] (start, room, debrief and their overlays), [`start_screen`], [`debrief`],
//!    [`cpr_plot`] (the CPR trace in the debrief), [`panel`] (the VR world panel), [`audio`]
//!    (cues, ambience, captions);
//! 7. **app**: [`app`] (the plugins the window and the tests share, the headless app),
//!    [`requests`] (one observer per request), `window` (`praxis run`), `startup`, `capture`.

pub mod audio;
pub mod catalog;
pub mod cmi5;
pub mod cpr_plot;
pub mod debrief;
pub mod desktop;
pub mod flat;
pub mod flow;
pub mod gloves;
pub mod hand_pose;
pub mod i18n;
pub mod intents;
pub mod interact;
pub mod lighting;
pub mod openxr;
pub mod options;
pub mod panel;
pub mod perf;
pub mod playback;
pub mod pose_script;
pub mod reload;
pub mod requests;
pub mod scene;
pub mod screens;
pub mod session;
pub mod settings;
pub mod start_screen;
pub mod views;
pub mod vr;
pub mod words;

pub mod app;
mod capture;
mod startup;
mod window;

pub use app::{CorePlugins, headless, start};
pub use flow::PraxisSystems;
pub use options::{Paths, Preset, SessionOverrides, StartedAt};
pub use startup::{Play, RunOptions};
pub use window::run;
