//! Runtime tests (feature `runtime`), in one binary so that Bevy is linked once:
//! - `headless`: the real session, scene, physics and interaction plugins with no window,
//!   driven by intents (what the desktop controls produce) through whole scenarios;
//! - `catalogue`: the English and French message catalogues agree and cover the code;
//! - `cli_run`: `praxis run` refuses bad input before opening a window;
//! - `lighting`, `framing`: where a room's ceiling panels go; every start pose frames what
//!   the learner first works on;
//! - `render`: the app under Xvfb with a software renderer, screenshots checked for content;
//! - `cmi5`: the app launched by an LMS stand-in in front of a real LRS (Ralph);
//! - `xr`: the app in XR mode against Monado's simulated headset.

mod cli_run;
mod cmi5;
mod framing;
mod headless;
mod lighting;
#[path = "../support/lms.rs"]
mod lms;
mod render;
mod xr;

use std::path::PathBuf;

/// The source tree.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}
