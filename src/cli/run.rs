//! `praxis run [SCENARIO] [--lang en|fr] [--mode guided|assessment] [--screenshot FILE]`

use super::common::{self, CANNOT_RUN};
use praxis::runtime::{Preset, RunOptions};
use praxis::tracker::Mode;
use std::path::PathBuf;

/// Arguments of `praxis run`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Scenario id or `.ron` file to open directly; without it, the start screen lists the
    /// scenario folder.
    scenario: Option<String>,
    /// `en` or `fr` (else the language chosen last time).
    #[arg(long)]
    lang: Option<String>,
    /// `guided` or `assessment` (else the mode chosen last time).
    #[arg(long)]
    mode: Option<String>,
    /// Seated: look around and reach, no walking.
    #[arg(long)]
    seated: bool,
    /// Pseudonymous learner id (letters, digits, `-`, `_`, `.`).
    #[arg(long)]
    learner: Option<String>,
    /// Render the scenario once it has settled, save a PNG here and exit (exit 2 if it cannot
    /// within 120 s).
    #[arg(long, value_name = "FILE")]
    screenshot: Option<PathBuf>,
    /// Save the start screen, a scenario mid-way and the debrief as PNGs in this folder, in one
    /// process, and exit (rendering tests).
    #[arg(long, value_name = "DIR", hide = true)]
    tour: Option<PathBuf>,
    /// Measure frame times for this many seconds once the scenario has settled, print them,
    /// exit.
    #[arg(long, value_name = "SECONDS")]
    bench: Option<f32>,
    /// Graphics preset: `full` or `low` (default: low on a software adapter, full otherwise).
    #[arg(long)]
    preset: Option<String>,
    /// Resolution of the 3D view relative to the window, 0.2 to 1 (default: 0.5 on the low
    /// preset, 1 on the full one).
    #[arg(long, value_name = "SCALE")]
    render_scale: Option<f32>,
    /// Window size, `WIDTHxHEIGHT`.
    #[arg(long, default_value = "1280x720")]
    size: String,
    /// Do not write a session record.
    #[arg(long)]
    no_record: bool,
    /// Scenario folder (default: `$PRAXIS_SCENARIOS`, `./scenarios`, or the source tree's).
    #[arg(long)]
    scenarios: Option<PathBuf>,
}

/// Runs `praxis run`.
pub fn run(a: Args) -> u8 {
    let scenarios_dir = common::scenarios_dir(a.scenarios.as_deref());
    let scenario = match &a.scenario {
        Some(s) => match common::scenario_path(s, Some(&scenarios_dir)) {
            Ok(p) => Some(p),
            Err(e) => {
                eprintln!("error: {e}");
                return CANNOT_RUN;
            }
        },
        None => None,
    };
    let lang = match a.lang.as_deref().map(common::lang).transpose() {
        Ok(l) => l,
        Err(code) => return code,
    };
    let mode = match a.mode.as_deref() {
        None => None,
        Some(m) => match Mode::parse(m) {
            Some(m) => Some(m),
            None => {
                eprintln!("error: --mode must be `guided` or `assessment`, not `{m}`");
                return CANNOT_RUN;
            }
        },
    };
    let preset = match a.preset.as_deref() {
        None => None,
        Some("full") => Some(Preset::Full),
        Some("low") => Some(Preset::Low),
        Some(p) => {
            eprintln!("error: --preset must be `full` or `low`, not `{p}`");
            return CANNOT_RUN;
        }
    };
    let size = match a
        .size
        .split_once('x')
        .and_then(|(w, h)| Some((w.parse::<u32>().ok()?, h.parse::<u32>().ok()?)))
    {
        Some((w, h)) if w >= 320 && h >= 240 => (w, h),
        _ => {
            eprintln!(
                "error: --size must be WIDTHxHEIGHT, at least 320x240, not `{}`",
                a.size
            );
            return CANNOT_RUN;
        }
    };
    if let Some(id) = &a.learner
        && let Err(e) = praxis::record::check_pseudonym("learner", id)
    {
        eprintln!("error: {e}");
        return CANNOT_RUN;
    }
    if let Some(b) = a.bench
        && !(b > 0.0 && b <= 600.0)
    {
        eprintln!("error: --bench takes a number of seconds between 0 and 600");
        return CANNOT_RUN;
    }
    if let Some(s) = a.render_scale
        && !(0.2..=1.0).contains(&s)
    {
        eprintln!("error: --render-scale must be between 0.2 and 1, not {s}");
        return CANNOT_RUN;
    }
    if (a.screenshot.is_some() || a.bench.is_some()) && scenario.is_none() {
        eprintln!(
            "error: --screenshot and --bench need a scenario (e.g. `praxis run hand-hygiene --screenshot out.png`)"
        );
        return CANNOT_RUN;
    }
    let assets_dir = scenario
        .as_deref()
        .and_then(common::assets_dir_for)
        .or_else(|| {
            let d = scenarios_dir.join("..").join("assets");
            d.is_dir().then_some(d)
        })
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/assets")));
    let assets_dir = std::fs::canonicalize(&assets_dir).unwrap_or(assets_dir);
    praxis::runtime::run(RunOptions {
        scenario,
        scenarios_dir,
        assets_dir,
        lang,
        mode,
        seated: a.seated.then_some(true),
        learner: a.learner,
        screenshot: a.screenshot,
        tour: a.tour,
        bench: a.bench,
        preset,
        render_scale: a.render_scale,
        size,
        no_record: a.no_record,
    })
}
