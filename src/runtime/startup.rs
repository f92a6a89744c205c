//! What `praxis run` reads before the app starts: the learner's settings (with the command
//! line's choices), the message catalogue, the scenario folder's catalogue and the scenario named
//! on the command line, and the station key that signs the records. A problem is said on the
//! terminal, with the exit status to end with.

#![expect(
    clippy::print_stderr,
    reason = "`praxis run` reports problems on the terminal, like the other commands"
)]

use super::options::Preset;
use super::settings::Settings;
use super::{catalog, i18n, session, settings};
use crate::scenario::Scenario;
use crate::text::Lang;
use crate::tracker::Mode;
use std::path::PathBuf;
use std::sync::Arc;

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
    pub cmi5: Option<super::cmi5::Link>,
    /// A pass mark replacing the scenario's (the cmi5 masteryScore).
    pub pass_mark: Option<f64>,
    /// No sound (the learner's cmi5 audio preference).
    pub mute: bool,
    /// An event log to play in the window.
    pub play: Option<Play>,
    /// In a headset through OpenXR.
    pub xr: bool,
    /// Poses standing in for the headset's tracking.
    pub vr_script: Option<super::pose_script::PoseScript>,
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

/// What start-up read.
pub(super) struct Loaded {
    /// The settings, with the command line's choices.
    pub(super) settings: Settings,
    /// The messages in the chosen language.
    pub(super) i18n: i18n::I18n,
    /// The scenario folder.
    pub(super) catalog: catalog::Catalog,
    /// The scenario named on the command line, loaded.
    pub(super) direct: Option<(PathBuf, Arc<Scenario>)>,
    /// Where records go (none with `--no-record`).
    pub(super) records: Option<PathBuf>,
    /// This station's signing key, when records are written.
    pub(super) signer: Option<session::Signer>,
    /// The scenario selected on the start screen.
    pub(super) chosen: usize,
}

/// Reads everything `praxis run` needs before the app starts; on a problem, says it and gives
/// the exit status.
pub(super) fn load(opts: &RunOptions) -> Result<Loaded, u8> {
    let mut settings = Settings::load();
    if let Some(l) = opts.lang {
        settings.lang = l.code().into();
    }
    if let Some(m) = opts.mode {
        settings.mode = m.as_str().into();
    }
    if let Some(s) = opts.seated {
        settings.seated = s;
    }
    if let Some(id) = &opts.learner {
        settings.learner = id.clone();
    }
    let capturing = opts.screenshot.is_some() || opts.tour.is_some() || opts.bench.is_some();
    if capturing {
        settings.tutorial_seen = true;
    } else if opts.cmi5.is_none() {
        // A cmi5 launch's language, mode and learner are the LMS's, not remembered.
        settings.save();
    }
    let i18n = match i18n::I18n::new(settings.lang()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: the message catalogue is broken: {e}");
            return Err(2);
        }
    };
    let catalog = catalog::Catalog::read(&opts.scenarios_dir, &opts.assets_dir);
    let direct = match &opts.scenario {
        Some(p) => match catalog::load(p, &opts.assets_dir) {
            Ok(s) => Some((p.clone(), Arc::new(s))),
            Err(problems) => {
                eprintln!("{}", problems.long);
                eprintln!(
                    "error: {} has problems; fix them and try again (`praxis validate {}`)",
                    p.display(),
                    p.display()
                );
                return Err(1);
            }
        },
        None => None,
    };
    let records = (!opts.no_record).then(settings::sessions_dir);
    let signer = if records.is_some() {
        match crate::station::load_or_create() {
            Ok(k) => Some(session::Signer(Arc::new(k))),
            Err(e) => {
                eprintln!("error: cannot use the station key that signs session records: {e}");
                return Err(2);
            }
        }
    } else {
        None
    };
    let chosen = direct
        .as_ref()
        .and_then(|(p, _)| catalog.position(p))
        .or_else(|| catalog.position(&opts.scenarios_dir.join("hand-hygiene.ron")))
        .unwrap_or(0);
    Ok(Loaded {
        settings,
        i18n,
        catalog,
        direct,
        records,
        signer,
        chosen,
    })
}
