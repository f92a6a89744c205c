//! What is fixed at start-up for every session (base layer): the folders, the overrides a launch
//! or a test sets, when the process started.

use bevy::prelude::*;
use std::path::PathBuf;
use std::time::Instant;

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

/// Graphics quality.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// Shadows, MSAA, full resolution: for real GPUs.
    Full,
    /// No shadows, no MSAA, 3D at half resolution: for software adapters.
    Low,
}

/// The graphics chosen at start-up: the preset and the 3D view's resolution.
#[derive(Resource, Debug, Clone, Copy)]
pub struct Graphics {
    /// The preset.
    pub preset: Preset,
    /// Render scale of the 3D view relative to the window.
    pub scale: f32,
}
