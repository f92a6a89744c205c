//! `praxis simulate SCENARIO EVENTS [--record FILE]`

use super::common::{self, CANNOT_RUN, OK, PROBLEMS};
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
    /// Language of the trace (`en` or `fr`; with --cmi5, the learner's preference by default,
    /// else `en`).
    #[arg(long)]
    lang: Option<String>,
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
    /// Play as a cmi5 assignable unit launched with this URL (the AU launch URL with its cmi5
    /// parameters, or the launch page's `praxis://cmi5?url=…` link): fetches the token, reads
    /// the launch data and learner preferences, sends initialized, the session's statements,
    /// completed and passed or failed (judged by the LMS's masteryScore), and terminated.
    #[arg(long, value_name = "URL")]
    cmi5: Option<String>,
}

/// Starts a cmi5 session from its launch URL; prints what is wrong and returns the exit status
/// on failure.
fn launch_cmi5(url: &str) -> Result<praxis::xapi::cmi5::Au, u8> {
    let launch = praxis::xapi::cmi5::Launch::parse(url, common::cmi5_allows_plain_http()?)
        .map_err(|e| {
            eprintln!("error: {e}");
            CANNOT_RUN
        })?;
    praxis::xapi::cmi5::Au::start(launch).map_err(|e| {
        eprintln!("error: cmi5: {e}");
        CANNOT_RUN
    })
}

/// `mode=guided|assessment` from the AU's launch parameters (`mode=assessment,…`).
pub fn launch_mode_param(params: Option<&str>) -> Option<String> {
    params?
        .split([',', '&', ';'])
        .find_map(|kv| kv.trim().strip_prefix("mode="))
        .map(str::to_string)
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

pub fn run(mut args: Args) -> u8 {
    // A cmi5 launch first: it decides the pass mark, the learner pseudonym, the language.
    let mut au = match args.cmi5.as_deref().map(launch_cmi5) {
        None => None,
        Some(Ok(au)) => Some(au),
        Some(Err(code)) => return code,
    };
    if let Some(au) = &au {
        if let Some(sc) = &au.launch().scenario
            && *sc != args.scenario
            && !args.scenario.ends_with(&format!("{sc}.ron"))
        {
            eprintln!(
                "error: the cmi5 launch is for scenario `{sc}`, not `{}`",
                args.scenario
            );
            return CANNOT_RUN;
        }
        args.learner = au.launch().learner_pseudonym();
        if args.lang.is_none() {
            args.lang = au.preferences.language().map(|l| l.code().to_string());
        }
        if args.mode.is_none() {
            args.mode = launch_mode_param(au.launch_data.launch_parameters.as_deref());
        }
    }
    let lang = match common::lang(args.lang.as_deref().unwrap_or("en")) {
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
    let log = match common::read_event_log(&args.events, &scenario, "simulated") {
        Ok(log) => log,
        Err(code) => return code,
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
    if let Some(au) = &au {
        config.pass_mark = au.pass_mark();
    }
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
    if let Some(au) = au.as_mut()
        && let Err(e) = praxis::xapi::timestamp(&header.started_at, 0)
            .map_err(praxis::xapi::cmi5::Cmi5Error::Lrs)
            .and_then(|ts| au.initialized(&ts))
    {
        eprintln!("error: cmi5: {e}");
        return CANNOT_RUN;
    }
    let mut tracker = Tracker::new(scenario.clone(), config);
    let mut played: Vec<LearnerAction> = Vec::new();
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
        played.push(action.clone());
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
    if let Some(au) = au.as_mut() {
        let sent = match praxis::config::Config::load() {
            Ok(c) => praxis::xapi::cmi5::finish(
                au,
                &header,
                &played,
                &scenario,
                &outcome,
                &praxis::xapi::export::Options {
                    homepage: c.homepage().to_string(),
                    activity_base: c.activity_base().to_string(),
                    actions: false,
                },
            )
            .map_err(|e| e.to_string()),
            Err(e) => Err(e),
        };
        match sent {
            Ok(said) => eprintln!(
                "cmi5: sent initialized, {} to {}",
                said.join(", "),
                au.launch().endpoint
            ),
            Err(e) => {
                eprintln!("error: cmi5: {e}");
                return CANNOT_RUN;
            }
        }
    }
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
    let unmet = eventlog::unmet_expectations(&log, &scenario, &outcome);
    if !log.expectations.is_empty() && text_out {
        let cat = praxis::text::Catalog::get();
        if unmet.is_empty() {
            let n = log.expectations.len() as u32;
            println!(
                "{}",
                cat.ta(lang, "sim-expectations-met", &[("count", n.into())])
            );
        } else {
            for (e, found) in &unmet {
                let line = cat.ta(
                    lang,
                    "sim-expectation-unmet",
                    &[
                        ("expectation", e.text.as_str().into()),
                        ("found", found.as_str().into()),
                    ],
                );
                println!("✗ {line}");
            }
        }
    }
    if args.check {
        return if unmet.is_empty() { OK } else { PROBLEMS };
    }
    if outcome.passed { OK } else { PROBLEMS }
}
