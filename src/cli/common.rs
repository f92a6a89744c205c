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

/// The scenario folder: `--scenarios`, else `$PRAXIS_SCENARIOS`, else `./scenarios`, else the
/// source tree's.
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
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios"))
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

/// Scenario ids in a folder, sorted.
pub fn list_ids(dir: &Path) -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            name.strip_suffix(".ron").map(str::to_string)
        })
        .collect();
    ids.sort();
    ids
}

/// The `assets/` folder that goes with a scenario file (`../assets` from its folder).
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
pub fn lang(arg: &str) -> Result<praxis::trace::Lang, u8> {
    praxis::trace::Lang::parse(arg).ok_or_else(|| {
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
    let bytes = std::fs::read(path).map_err(|e| {
        eprintln!("error: cannot read {}: {e}", path.display());
        CANNOT_RUN
    })?;
    let name = path.display().to_string();
    let assets = assets
        .map(Path::to_path_buf)
        .or_else(|| assets_dir_for(path));
    let exists = assets.as_ref().map(|dir| {
        let dir = dir.clone();
        move |rel: &str| dir.join(rel).is_file()
    });
    let checker = exists.as_ref().map(|f| f as &dyn Fn(&str) -> bool);
    match Scenario::from_bytes(&name, &bytes, checker) {
        Ok(s) => Ok(Arc::new(s)),
        Err(report) => {
            print_report(&report, format);
            eprintln!(
                "error: {} has problems; fix them and try again (`praxis validate {}`)",
                name, name
            );
            Err(PROBLEMS)
        }
    }
}

/// The scenario versions a center keeps (none when it has no database yet).
pub fn center_scenarios(
    center: &Path,
) -> Result<praxis::center::verify::ScenarioSet, praxis::center::db::DbError> {
    if !center.join(praxis::center::db::FILE).is_file() {
        return Ok(Default::default());
    }
    praxis::center::db::Db::open(center)?.scenarios()
}
