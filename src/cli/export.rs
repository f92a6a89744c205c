//! `praxis export xapi|csv`: session data for an LRS, an LMS or a spreadsheet.

use super::common::{self, CANNOT_RUN, OK, PROBLEMS};
use praxis::center::ingest::ScenarioSources;
use praxis::center::verify::{self, ScenarioSet, TrustPolicy, Verdict};
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
}

/// Arguments of `praxis export xapi`.
#[derive(Debug, clap::Args)]
pub struct XapiArgs {
    /// Session records (`.jsonl`); each must be complete and re-score to what it stores.
    #[arg(required = true)]
    records: Vec<PathBuf>,
    /// Write the statements here instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
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

/// A JSON array written one statement per line.
struct StatementWriter {
    out: Box<dyn std::io::Write>,
    count: usize,
}

impl StatementWriter {
    fn push(&mut self, statement: &serde_json::Value) -> std::io::Result<()> {
        self.out
            .write_all(if self.count == 0 { b"[\n" } else { b",\n" })?;
        serde_json::to_writer(&mut self.out, statement)?;
        self.count += 1;
        Ok(())
    }

    fn finish(mut self) -> std::io::Result<()> {
        self.out
            .write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
        self.out.flush()
    }
}

/// Runs `praxis export`.
pub fn run(args: Args) -> u8 {
    match args.command {
        Command::Xapi(a) => xapi(a),
        Command::Csv(a) => super::csv_out::run(a),
    }
}

/// The scenario versions a command can re-score against: the center's and the folder's.
pub fn known_scenarios(center: &Path, folder: Option<&Path>) -> Result<ScenarioSet, String> {
    let mut set = common::center_scenarios(center).map_err(|e| e.to_string())?;
    ScenarioSources::from_dir(&common::scenarios_dir(folder)).add_to(&mut set);
    Ok(set)
}

fn xapi(args: XapiArgs) -> u8 {
    let config = match praxis::config::Config::load() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return CANNOT_RUN;
        }
    };
    let center = args.center.unwrap_or_else(praxis::center::default_dir);
    let scenarios = match known_scenarios(&center, args.scenarios.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return CANNOT_RUN;
        }
    };
    let stations = match praxis::center::Stations::load(&center) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return CANNOT_RUN;
        }
    };
    let policy = TrustPolicy::Center {
        stations,
        strict: false,
    };
    let opts = praxis::xapi::export::Options {
        homepage: config.homepage().to_string(),
        activity_base: config.activity_base().to_string(),
        actions: args.actions,
    };
    if config.xapi.homepage.is_none() {
        eprintln!(
            "note: learners' accounts use the home page {} — set `homepage` under [xapi] in {} (or PRAXIS_XAPI_HOMEPAGE) to your LMS's",
            opts.homepage,
            praxis::config::path().display()
        );
    }
    // Written as it goes, one statement per line (large exports stream and stay readable with
    // `grep`); a file is written beside its final name and renamed when complete.
    let tmp = args
        .output
        .as_ref()
        .map(|p| p.with_extension("json.partial"));
    let out: Box<dyn std::io::Write> = match &tmp {
        Some(t) => match std::fs::File::create(t) {
            Ok(f) => Box::new(std::io::BufWriter::new(f)),
            Err(e) => {
                eprintln!("error: cannot write {}: {e}", t.display());
                return CANNOT_RUN;
            }
        },
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut out = StatementWriter { out, count: 0 };
    let mut status = OK;
    for path in &args.records {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{}: cannot read ({e})", path.display());
                status = CANNOT_RUN;
                continue;
            }
        };
        let (rec, verdict) = verify::check(&bytes, &policy, &scenarios);
        let (Some(rec), Verdict::Valid { outcome, .. }) = (rec, &verdict) else {
            eprintln!("{}: not exported: {}", path.display(), verdict.describe());
            status = status.max(PROBLEMS);
            continue;
        };
        let Some(scenario) = scenarios.get(&rec.header.scenario.sha256) else {
            continue;
        };
        let statements = match praxis::xapi::export::statements(&rec, scenario, outcome, &opts) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{}: not exported: {e}", path.display());
                status = status.max(PROBLEMS);
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
    if let (Some(t), Some(p)) = (&tmp, &args.output) {
        if let Err(e) = std::fs::rename(t, p) {
            eprintln!("error: cannot write {}: {e}", p.display());
            return CANNOT_RUN;
        }
        eprintln!("wrote {count} statements to {}", p.display());
    }
    status
}
