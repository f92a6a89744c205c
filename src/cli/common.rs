//! What the subcommands share: finding and loading scenarios, printing diagnostics.

use praxis::scenario::Scenario;
use praxis::scenario::diagnostic::Report;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Exit status: success.
pub const OK: u8 = 0;
/// Exit status: problems found, session failed, record does not match.
pub const PROBLEMS: u8 = 1;
/// Exit status: could not run.
pub const CANNOT_RUN: u8 = 2;

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiagFormat {
    /// The source line with the problem underlined, and help.
    Human,
    /// One line per problem: <file:line:col>: error[code]: message.
    Short,
    /// JSON, for editors and CI.
    Json,
}

/// Prints a report of problems to standard error.
pub fn print_report(report: &Report, format: DiagFormat) {
    match format {
        DiagFormat::Human => eprint!("{}", report.render_human(std::io::stderr().is_terminal())),
        DiagFormat::Short => eprint!("{}", report.render_short()),
        DiagFormat::Json => eprintln!("{}", report.to_json()),
    }
}

/// The scenario folder: `--scenarios`, else `$PRAXIS_SCENARIOS`, else `./scenarios`, else an
/// installed Praxis's (`/usr/share/praxis/scenarios`), else the source tree's.
pub fn scenarios_dir(arg: Option<&Path>) -> PathBuf {
    if let Some(d) = arg {
        return d.to_path_buf();
    }
    if let Some(d) = std::env::var_os("PRAXIS_SCENARIOS") {
        return PathBuf::from(d);
    }
    let local = PathBuf::from("scenarios");
    if local.is_dir() {
        return local;
    }
    if let Some(installed) = installed_dir("scenarios") {
        return installed;
    }
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios"))
}

/// A folder of an installed Praxis, `<prefix>/share/praxis/<name>` beside `<prefix>/bin/praxis`
/// (the Debian package's layout), when it exists.
pub fn installed_dir(name: &str) -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let prefix = exe.parent()?.parent()?;
    let dir = prefix.join("share").join("praxis").join(name);
    dir.is_dir().then_some(dir)
}

/// A scenario argument: a path to a file, or an id looked up in the scenario folder.
pub fn scenario_path(arg: &str, dir: Option<&Path>) -> Result<PathBuf, String> {
    let p = Path::new(arg);
    if p.is_file() {
        return Ok(p.to_path_buf());
    }
    let looks_like_id = !arg.contains('/') && !arg.ends_with(".ron");
    if looks_like_id {
        let dir = scenarios_dir(dir);
        let candidate = dir.join(format!("{arg}.ron"));
        if candidate.is_file() {
            return Ok(candidate);
        }
        let known = list_ids(&dir);
        let hint = praxis::scenario::suggest::closest(arg, known.iter().map(String::as_str))
            .map(|s| format!(" — did you mean `{s}`?"))
            .unwrap_or_else(|| {
                if known.is_empty() {
                    String::new()
                } else {
                    format!(" (known: {})", known.join(", "))
                }
            });
        return Err(format!("no scenario `{arg}` in {}{hint}", dir.display()));
    }
    Err(format!("no such file: {arg}"))
}

/// Scenario ids in a folder, sorted: the names of its regular `.ron` files (what is skipped
/// is not said here; `praxis list` says it).
pub fn list_ids(dir: &Path) -> Vec<String> {
    praxis::files::list(dir, "ron", false, &mut Vec::new())
        .unwrap_or_default()
        .iter()
        .filter_map(|p| Some(p.file_stem()?.to_str()?.to_string()))
        .collect()
}

/// The assets folder the runtime would load a scenario's models from: `../assets` beside it,
/// else beside the scenario folder, else the installed one, else the source tree's.
pub fn runtime_assets_dir(scenario: &Path, scenarios_dir: Option<&Path>) -> PathBuf {
    assets_dir_for(scenario)
        .or_else(|| {
            let d = scenarios_dir?.join("..").join("assets");
            d.is_dir().then_some(d)
        })
        .or_else(|| installed_dir("assets"))
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/assets")))
}

/// The `assets/` folder that goes with a scenario file (`../assets` from its folder), when
/// there is one.
pub fn assets_dir_for(scenario: &Path) -> Option<PathBuf> {
    let dir = scenario.parent()?;
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let assets = dir.join("..").join("assets");
    assets.is_dir().then_some(assets)
}

/// The `--lang` argument; prints the problem and returns the exit status on failure.
pub fn lang(arg: &str) -> Result<praxis::text::Lang, u8> {
    praxis::text::Lang::parse(arg).ok_or_else(|| {
        eprintln!("error: --lang must be `en` or `fr`, not `{arg}`");
        CANNOT_RUN
    })
}

/// Finds (by id or path), reads and validates a scenario; prints what is wrong and returns the
/// exit status on failure.
pub fn load_arg(arg: &str, dir: Option<&Path>) -> Result<Arc<Scenario>, u8> {
    let path = scenario_path(arg, dir).map_err(|e| {
        eprintln!("error: {e}");
        CANNOT_RUN
    })?;
    load(&path, None, DiagFormat::Human)
}

/// Reads and validates a scenario; prints its problems and returns the exit status on failure.
pub fn load(path: &Path, assets: Option<&Path>, format: DiagFormat) -> Result<Arc<Scenario>, u8> {
    let assets = assets
        .map(Path::to_path_buf)
        .or_else(|| assets_dir_for(path));
    let exists = assets.as_ref().map(|dir| {
        let dir = dir.clone();
        move |rel: &str| dir.join(rel).is_file()
    });
    let checker = exists.as_ref().map(|f| f as &dyn Fn(&str) -> bool);
    read_scenario(path, format, |name, bytes| {
        Scenario::from_bytes(name, bytes, checker)
    })
}

/// Reads a scenario version to re-score a record with ([`Scenario::kept_version`]); prints its
/// problems and returns the exit status on failure.
pub fn load_kept(path: &Path) -> Result<Arc<Scenario>, u8> {
    read_scenario(path, DiagFormat::Human, Scenario::kept_version)
}

fn read_scenario(
    path: &Path,
    format: DiagFormat,
    build: impl FnOnce(&str, &[u8]) -> Result<Scenario, Report>,
) -> Result<Arc<Scenario>, u8> {
    let bytes =
        praxis::files::read_limited(path, praxis::files::MAX_SCENARIO_BYTES).map_err(|e| {
            eprintln!("error: cannot read {}: {e}", path.display());
            CANNOT_RUN
        })?;
    let name = path.display().to_string();
    build(&name, &bytes).map(Arc::new).map_err(|report| {
        print_report(&report, format);
        eprintln!("error: {name} has problems; fix them and try again (`praxis validate {name}`)");
        PROBLEMS
    })
}

/// Whether a cmi5 launch may use plain http on the network (`[cmi5] allow_http`); prints the
/// problem and returns the exit status when the configuration cannot be read.
pub fn cmi5_allows_plain_http() -> Result<bool, u8> {
    praxis::config::Config::load()
        .map(|c| c.cmi5.allow_http)
        .map_err(|e| {
            eprintln!("error: {e}");
            CANNOT_RUN
        })
}

/// The scenario files of the scenario folder (`--scenarios`, else the default one), for
/// commands that look versions up by hash; what is skipped there is said as a warning. A
/// folder given with `--scenarios` must exist; the default one may not (a warning then).
pub fn scenario_sources(
    arg: Option<&Path>,
) -> Result<praxis::center::ingest::ScenarioSources, String> {
    let dir = scenarios_dir(arg);
    let mut warnings = Vec::new();
    let sources = match praxis::center::ingest::ScenarioSources::from_dir(&dir, &mut warnings) {
        Ok(s) => s,
        Err(e) if arg.is_some() => return Err(format!("{e} (--scenarios)")),
        Err(e) => {
            warnings.push(format!(
                "{e}: no scenario folder, so only the versions the center keeps are known"
            ));
            Default::default()
        }
    };
    for w in warnings {
        eprintln!("warning: {w}");
    }
    Ok(sources)
}

/// Opens a center's database (creating it when needed); the first time a Praxis with stricter
/// record checks opens it, says what checking every filed record again found.
pub fn open_center(dir: &Path) -> Result<praxis::center::db::Db, String> {
    let db = praxis::center::db::Db::open(dir).map_err(|e| e.to_string())?;
    if let Some(r) = db.rechecked().filter(|r| r.checked > 0) {
        eprintln!(
            "note: this Praxis checks records more strictly than the one that filed them: {} filed records checked again in {}, {} quarantined (kept, out of every result and export; `praxis center held` lists them)",
            r.checked,
            db.path().display(),
            r.quarantined.len()
        );
        for (session, reason) in &r.quarantined {
            eprintln!("  quarantined: session {session}: {reason}");
        }
    }
    Ok(db)
}

/// The scenario versions a center keeps (none when it has no database yet).
pub fn center_scenarios(center: &Path) -> Result<praxis::center::verify::ScenarioSet, String> {
    praxis::center::check_dir(center)?;
    if !center.join(praxis::center::db::FILE).is_file() {
        return Ok(Default::default());
    }
    open_center(center)?.scenarios().map_err(|e| e.to_string())
}

/// Which of the center's sessions a report or export covers.
#[derive(Debug, Clone, clap::Args)]
pub struct FilterArgs {
    /// The center (default: `$PRAXIS_CENTER`, else `center/` in the user's data folder).
    #[arg(long)]
    pub center: Option<PathBuf>,
    /// Only this scenario id.
    #[arg(long)]
    pub scenario: Option<String>,
    /// Only this learner (pseudonymous id).
    #[arg(long)]
    pub learner: Option<String>,
    /// Only the learners of this cohort (`praxis center cohort`).
    #[arg(long)]
    pub cohort: Option<String>,
    /// Only sessions started on or after this date or time (`2026-09-01`, RFC 3339).
    #[arg(long)]
    pub since: Option<String>,
    /// Only sessions started before this date or time.
    #[arg(long)]
    pub until: Option<String>,
}

impl FilterArgs {
    /// The center folder.
    pub fn center_dir(&self) -> PathBuf {
        self.center
            .clone()
            .unwrap_or_else(praxis::center::default_dir)
    }

    /// Checks the values and makes the database filter.
    pub fn filter(&self) -> Result<praxis::center::db::Filter, String> {
        for (what, v) in [("since", &self.since), ("until", &self.until)] {
            if let Some(v) = v {
                let ok = humantime::parse_rfc3339_weak(v).is_ok()
                    || humantime::parse_rfc3339_weak(&format!("{v} 00:00:00")).is_ok();
                if !ok {
                    return Err(format!(
                        "--{what} `{v}` is not a date (2026-09-01) or an RFC 3339 time"
                    ));
                }
            }
        }
        Ok(praxis::center::db::Filter {
            scenario: self.scenario.clone(),
            learner: self.learner.clone(),
            cohort: self.cohort.clone(),
            since: self.since.clone(),
            until: self.until.clone(),
        })
    }

    /// Opens the center database, which must exist.
    pub fn open(&self) -> Result<praxis::center::db::Db, String> {
        let dir = self.center_dir();
        praxis::center::check_dir(&dir)?;
        if !dir.join(praxis::center::db::FILE).is_file() {
            return Err(format!(
                "no center database in {} (file records into it with `praxis center ingest`)",
                dir.display()
            ));
        }
        open_center(&dir)
    }
}

/// Reads an event log and checks it against the scenario; on a problem, prints it (saying that
/// nothing was `done`) and gives the exit status.
pub fn read_event_log(
    path: &Path,
    scenario: &praxis::scenario::Scenario,
    done: &str,
) -> Result<praxis::eventlog::EventLog, u8> {
    let text = match praxis::files::read_limited(path, praxis::files::MAX_EVENT_LOG_BYTES) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| {
            eprintln!("error: {} is not UTF-8 text", path.display());
            CANNOT_RUN
        })?,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", path.display());
            return Err(CANNOT_RUN);
        }
    };
    let name = path.display().to_string();
    praxis::eventlog::parse(&name, &text)
        .and_then(|log| praxis::eventlog::check(&log, scenario, &name, &text).map(|()| log))
        .map_err(|report| {
            print_report(&report, DiagFormat::Human);
            eprintln!("error: the event log has problems; nothing was {done}");
            CANNOT_RUN
        })
}

/// The CRITICAL items of the domain reference a scenario names (`domain_ref`), read from the
/// folder `dir`; `None` when the scenario does not even parse (its own errors say why).
pub fn reference_items(
    dir: &Path,
    scenario: &[u8],
) -> Result<Option<Vec<praxis::scenario::reference::CriticalRef>>, String> {
    let Ok(parsed) = praxis::scenario::load::parse("scenario", scenario) else {
        return Ok(None);
    };
    let name = &parsed.model.domain_ref;
    if name.contains('/') || name.contains('\\') || !name.ends_with(".md") {
        // Not a file name: the validator says so where it is written.
        return Ok(None);
    }
    let path = dir.join(name);
    let bytes = praxis::files::read_limited(&path, praxis::files::MAX_SCENARIO_BYTES)
        .map_err(|e| format!("cannot read its domain reference {}: {e}", path.display()))?;
    let text =
        String::from_utf8(bytes).map_err(|_| format!("{} is not UTF-8 text", path.display()))?;
    Ok(Some(praxis::scenario::reference::critical_items(&text)))
}
