//! `praxis simulate SCENARIO EVENTS [--record FILE]`

use super::common::{self, CANNOT_RUN, DiagFormat, OK, PROBLEMS};
use praxis::action::{ActionKind, LearnerAction};
use praxis::eventlog;
use praxis::record::{Header, RecordWriter};
use praxis::trace::{self};
use praxis::tracker::{Mode, Tracker};
use std::fs::File;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `praxis simulate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Scenario id (looked up in the scenario folder) or path to a `.ron` file.
    scenario: String,
    /// Event log: the learner's actions, one per line (see docs/event-log.md).
    events: PathBuf,
    /// Also write a session record to this file (refuses to overwrite one).
    #[arg(long)]
    record: Option<PathBuf>,
    /// Seed of the session's random draws (overrides the log's `@seed`).
    #[arg(long)]
    seed: Option<u64>,
    /// `guided` or `assessment` (overrides the log's `@mode`).
    #[arg(long)]
    mode: Option<String>,
    /// Force a fault on or off: `--fault ID=on` (repeatable; overrides `@fault`).
    #[arg(long = "fault")]
    faults: Vec<String>,
    /// Language of the trace (`en` or `fr`).
    #[arg(long, default_value = "en")]
    lang: String,
    /// Pseudonymous learner id written in the record.
    #[arg(long, default_value = "simulated-learner")]
    learner: String,
    /// Station id written in the record.
    #[arg(long, default_value = "local")]
    station: String,
    /// Session UUID (default: a new random one).
    #[arg(long)]
    session: Option<uuid::Uuid>,
    /// UTC start time, RFC 3339 (default: now).
    #[arg(long)]
    started_at: Option<String>,
    /// `text` (trace and debrief) or `json` (the outcome).
    #[arg(long, default_value = "text")]
    format: String,
    /// Print only the debrief, not the trace.
    #[arg(long, short)]
    quiet: bool,
    /// Exit status from the log's `@expect` lines (0 all met, 1 otherwise) rather than pass/fail.
    #[arg(long)]
    check: bool,
    /// The scenario folder.
    #[arg(long)]
    scenarios: Option<PathBuf>,
}

/// A file whose flush reaches the disk: a crash loses at most the line being written.
struct DurableFile(File);

impl Write for DurableFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()?;
        self.0.sync_data()
    }
}

pub fn run(args: Args) -> u8 {
    let lang = match common::lang(&args.lang) {
        Ok(l) => l,
        Err(code) => return code,
    };
    if args.format != "text" && args.format != "json" {
        eprintln!(
            "error: --format must be `text` or `json`, not `{}`",
            args.format
        );
        return CANNOT_RUN;
    }
    let scenario = match common::load_arg(&args.scenario, args.scenarios.as_deref()) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let text = match std::fs::read(&args.events) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => {
                eprintln!("error: {} is not UTF-8 text", args.events.display());
                return CANNOT_RUN;
            }
        },
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", args.events.display());
            return CANNOT_RUN;
        }
    };
    let events_name = args.events.display().to_string();
    let log = match eventlog::parse(&events_name, &text)
        .and_then(|log| eventlog::check(&log, &scenario, &events_name, &text).map(|()| log))
    {
        Ok(log) => log,
        Err(report) => {
            common::print_report(&report, DiagFormat::Human);
            eprintln!("error: the event log has problems; nothing was simulated");
            return CANNOT_RUN;
        }
    };
    let mut config = log.config.clone();
    if let Some(seed) = args.seed {
        config.seed = seed;
    }
    if let Some(m) = &args.mode {
        match Mode::parse(m) {
            Some(mode) => config.mode = mode,
            None => {
                eprintln!("error: --mode must be `guided` or `assessment`, not `{m}`");
                return CANNOT_RUN;
            }
        }
    }
    for f in &args.faults {
        let (id, on) = match f.split_once('=') {
            Some((id, "on")) => (id, true),
            Some((id, "off")) => (id, false),
            None => (f.as_str(), true),
            Some(_) => {
                eprintln!("error: --fault takes `ID=on` or `ID=off`, not `{f}`");
                return CANNOT_RUN;
            }
        };
        if !scenario.index.faults.iter().any(|x| x.id == id) {
            eprintln!("error: scenario `{}` has no fault `{id}`", scenario.id());
            return CANNOT_RUN;
        }
        config.faults.insert(id.to_string(), on);
    }

    // Records are signed with this machine's station key (made on first use).
    let station_key = match &args.record {
        None => None,
        Some(_) => match praxis::station::load_or_create() {
            Ok(k) => Some(k),
            Err(e) => {
                eprintln!("error: cannot use the station key: {e}");
                return CANNOT_RUN;
            }
        },
    };
    let mut writer = match &args.record {
        None => None,
        Some(p) => {
            let started_at = args.started_at.clone().unwrap_or_else(|| {
                humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
            });
            let header = Header::new(
                &scenario,
                &config,
                args.session.unwrap_or_else(uuid::Uuid::new_v4),
                &started_at,
                &args.station,
                &args.learner,
            );
            if let Err(e) = header.check() {
                eprintln!("error: {e}");
                return CANNOT_RUN;
            }
            let file = match File::options().write(true).create_new(true).open(p) {
                Ok(f) => f,
                Err(e) => {
                    eprintln!(
                        "error: cannot create {}: {e} (records are never overwritten)",
                        p.display()
                    );
                    return CANNOT_RUN;
                }
            };
            match RecordWriter::create(DurableFile(file), &header) {
                Ok(w) => Some(w),
                Err(e) => {
                    eprintln!("error: cannot write {}: {e}", p.display());
                    return CANNOT_RUN;
                }
            }
        }
    };

    let text_out = args.format == "text";
    if text_out && !args.quiet {
        println!(
            "{} {} (sha256 {}…) · mode {} · seed {}",
            scenario.id(),
            scenario.version(),
            &scenario.hash()[..12],
            config.mode.as_str(),
            config.seed
        );
        let active: Vec<&str> = scenario
            .index
            .faults
            .iter()
            .map(|f| f.id.as_str())
            .collect();
        if !active.is_empty() {
            println!("faults declared: {}", active.join(", "));
        }
    }
    let mut tracker = Tracker::new(scenario.clone(), config);
    let mut feedback = Vec::new();
    let mut actions: Vec<LearnerAction> = log.actions.clone();
    if !matches!(actions.last().map(|a| &a.kind), Some(ActionKind::Finish)) {
        let at = actions.last().map_or(Default::default(), |a| a.at);
        actions.push(LearnerAction {
            at,
            kind: ActionKind::Finish,
        });
    }
    for action in &actions {
        if tracker.is_finished() {
            break;
        }
        if let Some(w) = writer.as_mut()
            && let Err(e) = w.append(action)
        {
            eprintln!("error: cannot write the record: {e}");
            return CANNOT_RUN;
        }
        feedback.clear();
        tracker.apply(action, &mut feedback);
        if text_out && !args.quiet {
            // Events due before this action happened before it: print them first.
            for f in feedback.iter().filter(|f| f.at < action.at) {
                println!(
                    "{:>10}    {}",
                    trace::time(f.at),
                    trace::describe(&scenario, f, lang)
                );
            }
            let line = eventlog::format_action(action);
            let what = line
                .split_once(char::is_whitespace)
                .map_or("", |(_, rest)| rest.trim_start());
            println!("{:>10}  {what}", trace::time(action.at));
            for f in feedback.iter().filter(|f| f.at >= action.at) {
                let at = if f.at != action.at {
                    trace::time(f.at)
                } else {
                    String::new()
                };
                println!("{at:>10}    {}", trace::describe(&scenario, f, lang));
            }
        }
    }
    let outcome = tracker.outcome();
    if let Some(w) = writer {
        if let Err(e) = w.finish_signed(&outcome, station_key.as_ref()) {
            eprintln!("error: cannot finish the record: {e}");
            return CANNOT_RUN;
        }
        if text_out {
            println!(
                "record written: {}",
                args.record
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default()
            );
        }
    }
    if text_out {
        println!();
        print!("{}", trace::summary(&scenario, &outcome, lang));
    } else {
        println!(
            "{}",
            serde_json::to_string_pretty(&outcome).unwrap_or_default()
        );
    }
    let unmet = eventlog::unmet_expectations(&log, &outcome);
    if !log.expectations.is_empty() && text_out {
        if unmet.is_empty() {
            println!("expectations: all {} met", log.expectations.len());
        } else {
            for (e, found) in &unmet {
                println!("✗ expectation not met: `{}` — {found}", e.text);
            }
        }
    }
    if args.check {
        return if unmet.is_empty() { OK } else { PROBLEMS };
    }
    if outcome.passed { OK } else { PROBLEMS }
}
