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
    /// preset, the only scale that keeps every room at 20 fps under a software renderer; 1 on the
    /// full one).
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
    /// Start as a cmi5 assignable unit launched by an LMS with this URL (the launch URL with
    /// its cmi5 parameters, or the launch page's `praxis://cmi5?url=…` link): the scenario,
    /// language, sound, mode and pass mark come from the launch, and the result goes to the
    /// LMS.
    #[arg(long, value_name = "URL")]
    cmi5: Option<String>,
    /// Play this event log's actions in the window, at their times (its seed and faults too):
    /// watch a playthrough as the learner would see it.
    #[arg(long, value_name = "LOG")]
    play: Option<PathBuf>,
    /// With --play: jump through the log up to this session time, then hand over (e.g. to
    /// look at the scenario mid-way, or take a --screenshot there).
    #[arg(long, value_name = "SECONDS", requires = "play")]
    until: Option<f64>,
    /// In a VR headset, through an OpenXR runtime (Monado, SteamVR, WiVRn…); without one,
    /// Praxis says so and runs on the desktop.
    #[expect(clippy::doc_markdown, reason = "product names in the --help text")]
    #[arg(long)]
    xr: bool,
    /// Drive the VR hands from this pose script instead of the headset's tracking (tests; see
    /// docs/runtime.md): the session finishes and the app closes at its `end` line.
    #[arg(long, value_name = "FILE")]
    vr_script: Option<PathBuf>,
}

/// Runs `praxis run`.
pub fn run(mut a: Args) -> u8 {
    let mut launch = None;
    if let Some(url) = a.cmi5.clone() {
        match cmi5_launch(&url, &mut a) {
            Ok(l) => launch = Some(l),
            Err(code) => return code,
        }
    }
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
    let play = match (&a.play, &scenario) {
        (None, _) => None,
        (Some(_), None) => {
            eprintln!(
                "error: --play needs a scenario (e.g. `praxis run hand-hygiene --play run.events`)"
            );
            return CANNOT_RUN;
        }
        (Some(log), Some(path)) => {
            let sc = match common::load_arg(&path.display().to_string(), None) {
                Ok(s) => s,
                Err(code) => return code,
            };
            let log = match common::read_event_log(log, &sc, "played") {
                Ok(l) => l,
                Err(code) => return code,
            };
            let until = match a.until {
                None => None,
                Some(s) if s.is_finite() && s >= 0.0 => {
                    Some(praxis::action::SimTime((s * 1000.0).round() as u64))
                }
                Some(s) => {
                    eprintln!("error: --until takes a number of seconds, not {s}");
                    return CANNOT_RUN;
                }
            };
            Some(praxis::runtime::Play {
                actions: log.actions,
                until,
                seed: log.config.seed,
                faults: log.config.faults,
            })
        }
    };
    let vr_script = match &a.vr_script {
        None => None,
        Some(f) => {
            let text = match praxis::files::read_limited(f, praxis::files::MAX_EVENT_LOG_BYTES)
                .and_then(|b| String::from_utf8(b).map_err(|_| "not UTF-8 text".to_string()))
            {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("error: cannot read the pose script {}: {e}", f.display());
                    return CANNOT_RUN;
                }
            };
            match praxis::runtime::pose_script::PoseScript::parse(&text) {
                Ok(s) => Some(s),
                Err(e) => {
                    eprintln!("error: {}: {e}", f.display());
                    return CANNOT_RUN;
                }
            }
        }
    };
    if vr_script.is_some() && scenario.is_none() {
        eprintln!(
            "error: --vr-script needs a scenario (e.g. `praxis run cleanroom-gowning --xr --vr-script grab.poses`)"
        );
        return CANNOT_RUN;
    }
    let assets_dir = match scenario.as_deref() {
        Some(s) => common::runtime_assets_dir(s, Some(&scenarios_dir)),
        None => common::runtime_assets_dir(&scenarios_dir.join("-"), Some(&scenarios_dir)),
    };
    let assets_dir = std::fs::canonicalize(&assets_dir).unwrap_or(assets_dir);
    // A scenario with a problem (a model missing from the assets, a misspelt field) is refused
    // here, with its positioned errors, before a window opens.
    if let Some(path) = scenario.as_deref()
        && let Err(code) = common::load(path, Some(&assets_dir), common::DiagFormat::Human)
    {
        return code;
    }
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
        pass_mark: launch.as_ref().and_then(|l| l.1),
        mute: launch.as_ref().is_some_and(|l| l.2),
        cmi5: launch.map(|l| l.0),
        play,
        xr: a.xr,
        vr_script,
    })
}

/// Reads a cmi5 launch, fetches the token and the launch data, and sets the scenario, language,
/// mode and learner from them. Returns the link, the pass mark and whether to mute.
fn cmi5_launch(
    url: &str,
    a: &mut Args,
) -> Result<(praxis::runtime::cmi5::Link, Option<f64>, bool), u8> {
    use praxis::xapi::cmi5::{Au, Launch, LaunchMode};
    let launch = Launch::parse(url, common::cmi5_allows_plain_http()?).map_err(|e| {
        eprintln!("error: {e}");
        CANNOT_RUN
    })?;
    let Some(scenario) = launch.scenario.clone() else {
        eprintln!(
            "error: the cmi5 launch URL names no scenario (`scenario=` in the AU's URL, as `praxis export cmi5` writes it)"
        );
        return Err(CANNOT_RUN);
    };
    if a.scenario.as_ref().is_some_and(|s| *s != scenario) {
        eprintln!(
            "error: the cmi5 launch is for scenario `{scenario}`, not `{}`",
            a.scenario.as_deref().unwrap_or("")
        );
        return Err(CANNOT_RUN);
    }
    let config = praxis::config::Config::load().map_err(|e| {
        eprintln!("error: {e}");
        CANNOT_RUN
    })?;
    let au = Au::start(launch).map_err(|e| {
        eprintln!("error: cmi5: {e}");
        CANNOT_RUN
    })?;
    a.scenario = Some(scenario);
    a.learner = Some(au.launch().learner_pseudonym());
    if a.lang.is_none() {
        a.lang = au.preferences.language().map(|l| l.code().to_string());
    }
    if a.mode.is_none() {
        a.mode = match au.launch_data.launch_mode {
            // Browse and Review: look around or revisit, without judgement (§10.2.2).
            LaunchMode::Browse | LaunchMode::Review => Some("guided".into()),
            LaunchMode::Normal => {
                super::simulate::launch_mode_param(au.launch_data.launch_parameters.as_deref())
                    .or_else(|| Some("assessment".into()))
            }
        };
    }
    let mute = au.preferences.audio_on() == Some(false);
    let pass_mark = au.pass_mark();
    let opts = praxis::xapi::export::Options {
        homepage: config.homepage().to_string(),
        activity_base: config.activity_base().to_string(),
        actions: false,
    };
    eprintln!(
        "cmi5: launched by {} for `{}` ({:?} mode{})",
        au.launch().endpoint,
        a.scenario.as_deref().unwrap_or(""),
        au.launch_data.launch_mode,
        pass_mark
            .map(|m| format!(", mastery score {m}"))
            .unwrap_or_default()
    );
    Ok((praxis::runtime::cmi5::Link::new(au, opts), pass_mark, mute))
}
