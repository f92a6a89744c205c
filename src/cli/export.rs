//! `praxis export xapi|csv`: session data for an LRS, an LMS or a spreadsheet.

use super::common::{self, CANNOT_RUN, OK, PROBLEMS};
use praxis::center::verify::{self, ScenarioSet, TrustPolicy, Verdict};
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Arguments of `praxis export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// xAPI 1.0.3 statements of session records, as a JSON array: each session's result, every
    /// step outcome and every error (and every action with --actions).
    Xapi(XapiArgs),
    /// The center's sessions (or, with --steps, step attempts) as CSV (RFC 4180, UTF-8).
    Csv(super::csv_out::Args),
    /// A cmi5 course package for an LMS: cmi5.xml with one AU per scenario and the launch
    /// page that opens the installed Praxis.
    Cmi5(Cmi5Args),
}

/// Arguments of `praxis export cmi5`.
#[derive(Debug, clap::Args)]
pub struct Cmi5Args {
    /// Scenario ids (looked up in the scenario folder) or `.ron` files, one AU each.
    #[arg(required = true)]
    scenarios: Vec<String>,
    /// The package: a `.zip` file, or a folder.
    #[arg(long, short)]
    output: PathBuf,
    /// Replace what is already there (never a session record).
    #[arg(long)]
    force: bool,
    /// The course id, an IRI (default: from the activity base and the scenario ids).
    #[arg(long)]
    course_id: Option<String>,
    /// The course title (default: the scenarios' titles).
    #[arg(long)]
    title: Option<String>,
    /// `assessment` (default) or `guided`, given to each AU as launch parameters.
    #[arg(long, default_value = "assessment")]
    mode: String,
    /// The scenario folder.
    #[arg(long = "scenario-dir")]
    scenario_dir: Option<PathBuf>,
}

/// Arguments of `praxis export xapi`.
#[derive(Debug, clap::Args)]
pub struct XapiArgs {
    /// Session records (`.jsonl`); each must be complete and re-score to what it stores.
    #[arg(required = true)]
    records: Vec<PathBuf>,
    /// Write the statements here instead of standard output (a new file, unless `--force`).
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Replace the `--output` file if it exists (never a session record).
    #[arg(long)]
    force: bool,
    /// Also one `interacted` statement per learner action.
    #[arg(long)]
    actions: bool,
    /// Folder of scenario files (the versions the center keeps are searched too).
    #[arg(long)]
    scenarios: Option<PathBuf>,
    /// The center (for its enrolled stations and kept scenario versions).
    #[arg(long)]
    center: Option<PathBuf>,
}

/// Why a record gives no statements.
pub enum NotExported {
    /// It cannot be read.
    Unreadable(String),
    /// It does not verify, or its statements cannot be made.
    Invalid(String),
}

impl NotExported {
    /// The exit status it calls for.
    pub fn code(&self) -> u8 {
        match self {
            NotExported::Unreadable(_) => CANNOT_RUN,
            NotExported::Invalid(_) => PROBLEMS,
        }
    }
}

impl std::fmt::Display for NotExported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotExported::Unreadable(e) | NotExported::Invalid(e) => f.write_str(e),
        }
    }
}

/// What turning records into statements needs: the trusted stations, the scenario versions,
/// the ids to use.
pub struct Context {
    policy: TrustPolicy,
    scenarios: ScenarioSet,
    opts: praxis::xapi::export::Options,
}

impl Context {
    /// Loads the settings, the center's stations and scenario versions, and the folder's.
    pub fn new(
        center: Option<&Path>,
        folder: Option<&Path>,
        actions: bool,
    ) -> Result<Context, String> {
        let config = praxis::config::Config::load()?;
        let center = center
            .map(Path::to_path_buf)
            .unwrap_or_else(praxis::center::default_dir);
        let scenarios = known_scenarios(&center, folder)?;
        let stations = praxis::center::Stations::load(&center)?;
        if config.xapi.homepage.is_none() {
            eprintln!(
                "note: learners' accounts use the home page {} — set `homepage` under [xapi] in {} (or PRAXIS_XAPI_HOMEPAGE) to your LMS's",
                config.homepage(),
                praxis::config::path().display()
            );
        }
        Ok(Context {
            policy: TrustPolicy::Center {
                stations,
                strict: false,
            },
            scenarios,
            opts: praxis::xapi::export::Options {
                homepage: config.homepage().to_string(),
                activity_base: config.activity_base().to_string(),
                actions,
            },
        })
    }

    /// [`Context::new`], printing what is wrong and returning the exit status on failure.
    pub fn open(
        center: Option<&Path>,
        folder: Option<&Path>,
        actions: bool,
    ) -> Result<Context, u8> {
        Context::new(center, folder, actions).map_err(|e| {
            eprintln!("error: {e}");
            CANNOT_RUN
        })
    }

    /// The session id and statements of a record, which must verify.
    pub fn statements(
        &self,
        path: &Path,
    ) -> Result<(uuid::Uuid, Vec<serde_json::Value>), NotExported> {
        let bytes = praxis::files::read_limited(path, praxis::files::MAX_RECORD_BYTES)
            .map_err(|e| NotExported::Unreadable(format!("cannot read ({e})")))?;
        let (rec, verdict) = verify::check(&bytes, &self.policy, &self.scenarios);
        let (Some(rec), Verdict::Valid { outcome, .. }) = (rec, &verdict) else {
            return Err(NotExported::Invalid(verdict.describe()));
        };
        let scenario = self
            .scenarios
            .get(&rec.header.scenario.sha256)
            .ok_or_else(|| NotExported::Invalid("scenario version unknown".into()))?;
        let statements = praxis::xapi::export::statements(&rec, scenario, outcome, &self.opts)
            .map_err(NotExported::Invalid)?;
        Ok((rec.header.session, statements))
    }
}

/// A JSON array written one statement per line.
struct StatementWriter {
    out: Sink,
    count: usize,
}

/// Where statements go: a new file put in place when complete, or standard output.
enum Sink {
    File(praxis::files::Output),
    Stdout(std::io::BufWriter<std::io::StdoutLock<'static>>),
}

impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::File(f) => f.write(buf),
            Sink::Stdout(s) => s.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::File(f) => f.flush(),
            Sink::Stdout(s) => s.flush(),
        }
    }
}

impl StatementWriter {
    fn push(&mut self, statement: &serde_json::Value) -> std::io::Result<()> {
        self.out
            .write_all(if self.count == 0 { b"[\n" } else { b",\n" })?;
        serde_json::to_writer(&mut self.out, statement)?;
        self.count += 1;
        Ok(())
    }

    fn finish(mut self) -> Result<(), String> {
        self.out
            .write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })
            .and_then(|()| self.out.flush())
            .map_err(|e| e.to_string())?;
        match self.out {
            Sink::File(f) => f.commit(),
            Sink::Stdout(_) => Ok(()),
        }
    }
}

/// Runs `praxis export`.
pub fn run(args: Args) -> u8 {
    match args.command {
        Command::Xapi(a) => xapi(a),
        Command::Csv(a) => super::csv_out::run(a),
        Command::Cmi5(a) => cmi5(a),
    }
}

/// The scenario versions a command can re-score against: the center's and the folder's.
pub fn known_scenarios(center: &Path, folder: Option<&Path>) -> Result<ScenarioSet, String> {
    let mut set = common::center_scenarios(center).map_err(|e| e.to_string())?;
    common::scenario_sources(folder)?.add_to(&mut set);
    Ok(set)
}

fn xapi(args: XapiArgs) -> u8 {
    let ctx = match Context::open(
        args.center.as_deref(),
        args.scenarios.as_deref(),
        args.actions,
    ) {
        Ok(c) => c,
        Err(code) => return code,
    };
    // Written as it goes, one statement per line (large exports stream and stay readable with
    // `grep`); a file is written beside its final name and put in place when complete.
    let out = match &args.output {
        Some(p) => match praxis::files::Output::create(p, args.force) {
            Ok(f) => Sink::File(f),
            Err(e) => {
                eprintln!("error: {e}");
                return CANNOT_RUN;
            }
        },
        None => Sink::Stdout(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut out = StatementWriter { out, count: 0 };
    let mut status = OK;
    for path in &args.records {
        let statements = match ctx.statements(path) {
            Ok((_, s)) => s,
            Err(e) => {
                eprintln!("{}: not exported: {e}", path.display());
                status = status.max(e.code());
                continue;
            }
        };
        if let Err(e) = statements.iter().try_for_each(|s| out.push(s)) {
            eprintln!("error: cannot write the statements: {e}");
            return CANNOT_RUN;
        }
    }
    let count = out.count;
    if let Err(e) = out.finish() {
        eprintln!("error: cannot write the statements: {e}");
        return CANNOT_RUN;
    }
    if let Some(p) = &args.output {
        eprintln!("wrote {count} statements to {}", p.display());
    }
    status
}

fn cmi5(args: Cmi5Args) -> u8 {
    use praxis::xapi::cmi5::package::{self, Course};
    let config = match praxis::config::Config::load() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return CANNOT_RUN;
        }
    };
    let mut loaded = Vec::new();
    for s in &args.scenarios {
        match common::load_arg(s, args.scenario_dir.as_deref()) {
            Ok(sc) => loaded.push(sc),
            Err(code) => return code,
        }
    }
    let refs: Vec<&praxis::scenario::Scenario> = loaded.iter().map(|s| s.as_ref()).collect();
    let written = Course::new(
        &refs,
        config.activity_base(),
        args.course_id.as_deref(),
        args.title.as_deref(),
        &args.mode,
    )
    .and_then(|course| package::write(&args.output, &course, &refs, args.force));
    if let Err(e) = written {
        eprintln!("error: {e}");
        return CANNOT_RUN;
    }
    let ids: Vec<&str> = refs.iter().map(|s| s.id()).collect();
    println!(
        "wrote the cmi5 package {} ({} AU{}: {}); import it in the LMS",
        args.output.display(),
        ids.len(),
        if ids.len() == 1 { "" } else { "s" },
        ids.join(", ")
    );
    OK
}
