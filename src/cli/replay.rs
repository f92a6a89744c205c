//! `praxis replay RECORD`

use super::common::{self, CANNOT_RUN, OK, PROBLEMS};
use praxis::record::{self, Integrity};
use praxis::trace::{self};
use std::path::PathBuf;

/// Arguments of `praxis replay`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A session record (`.jsonl`).
    record: PathBuf,
    /// The scenario file to re-score with (default: the record's scenario id in the folder).
    #[arg(long)]
    scenario: Option<PathBuf>,
    /// The scenario folder.
    #[arg(long)]
    scenarios: Option<PathBuf>,
    /// Print the trace of every action.
    #[arg(long)]
    trace: bool,
    /// Language of the output (`en` or `fr`).
    #[arg(long, default_value = "en")]
    lang: String,
}

pub fn run(args: Args) -> u8 {
    let lang = match common::lang(&args.lang) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let bytes = match praxis::files::read_limited(&args.record, praxis::files::MAX_RECORD_BYTES) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", args.record.display());
            return CANNOT_RUN;
        }
    };
    let rec = match record::read(&bytes) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {}: {e}", args.record.display());
            return CANNOT_RUN;
        }
    };
    let path = match &args.scenario {
        Some(p) => p.clone(),
        None => match common::scenario_path(&rec.header.scenario.id, args.scenarios.as_deref()) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("error: {e}");
                return CANNOT_RUN;
            }
        },
    };
    let scenario = match common::load_kept(&path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let h = &rec.header;
    println!(
        "record   {} · session {} · started {}",
        args.record.display(),
        h.session,
        h.started_at
    );
    println!(
        "scenario {} {} · mode {} · seed {} · learner {} · station {}",
        h.scenario.id,
        h.scenario.version,
        h.mode.as_str(),
        h.seed,
        h.learner,
        h.station
    );
    match &rec.integrity {
        Integrity::Complete => println!(
            "chain    intact, {} events, footer present",
            rec.events.len()
        ),
        Integrity::Incomplete { reason } => println!(
            "chain    intact but INCOMPLETE: {reason} ({} events read)",
            rec.events.len()
        ),
        Integrity::Tampered { line, reason } => println!(
            "chain    BROKEN at line {line}: {reason} ({} events before it)",
            rec.events.len()
        ),
    }
    let result = record::replay(&rec, scenario.clone());
    if !result.scenario_matches {
        println!(
            "scenario MISMATCH: the record ran version {} (sha256 {}…), {} is version {} (sha256 {}…)",
            h.scenario.version,
            &h.scenario.sha256[..h.scenario.sha256.len().min(12)],
            path.display(),
            scenario.version(),
            &scenario.hash()[..12]
        );
    }
    if args.trace {
        let mut i = 0;
        for action in &rec.events {
            println!(
                "{:>10}  {}",
                trace::time(action.at),
                praxis::eventlog::format_action(action)
                    .split_once(char::is_whitespace)
                    .map_or("", |(_, r)| r.trim_start())
            );
            while i < result.feedback.len() && result.feedback[i].at <= action.at {
                println!(
                    "{:>10}    {}",
                    "",
                    trace::describe(&scenario, &result.feedback[i], lang)
                );
                i += 1;
            }
        }
    }
    println!();
    print!("{}", trace::summary(&scenario, &result.outcome, lang));
    println!();
    if rec.integrity != Integrity::Complete {
        println!("MISMATCH: the record is not complete, so there is no stored score to compare");
        return PROBLEMS;
    }
    if result.matches(&rec) {
        println!(
            "MATCH: re-scoring the {} events gives exactly the stored outcome",
            rec.events.len()
        );
        OK
    } else {
        println!("MISMATCH: the stored outcome differs from the re-scored one:");
        for d in &result.differences {
            println!("  {d}");
        }
        if !result.scenario_matches {
            println!("  (the scenario is not the version the record names)");
        }
        PROBLEMS
    }
}
