//! `praxis verify RECORD...`: is each record whole, signed by a station, and does it re-score
//! to the score it stores against the exact scenario version it names?

use super::common::{self, CANNOT_RUN, OK, PROBLEMS};
use praxis::center::verify::{self, TrustPolicy, Verdict};
use std::path::PathBuf;

/// Arguments of `praxis verify`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Session records (`.jsonl`).
    #[arg(required = true)]
    records: Vec<PathBuf>,
    /// Folder of scenario files, searched by content hash for the version each record names
    /// (default: `$PRAXIS_SCENARIOS`, `./scenarios`, or the source tree's). The versions the
    /// center keeps are searched too.
    #[arg(long)]
    scenarios: Option<PathBuf>,
    /// Accept only records signed by these station public keys (repeatable), instead of the
    /// center's enrolled stations.
    #[arg(long = "trust", value_name = "KEY")]
    trust: Vec<String>,
    /// The center whose enrolled stations are trusted (default: `$PRAXIS_CENTER`, else
    /// `center/` in the user's data folder); without enrolled stations, any signature is
    /// reported with its key.
    #[arg(long)]
    center: Option<PathBuf>,
}

/// Runs `praxis verify`.
pub fn run(args: Args) -> u8 {
    let dir = common::scenarios_dir(args.scenarios.as_deref());
    let center_dir = args
        .center
        .clone()
        .unwrap_or_else(praxis::center::default_dir);
    let stations = match praxis::center::Stations::load(&center_dir) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return CANNOT_RUN;
        }
    };
    let mut scenarios = match common::center_scenarios(&center_dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return CANNOT_RUN;
        }
    };
    match common::scenario_sources(args.scenarios.as_deref()) {
        Ok(s) => s.add_to(&mut scenarios),
        Err(e) => {
            eprintln!("error: {e}");
            return CANNOT_RUN;
        }
    }
    let no_stations = stations.stations.is_empty();
    let policy = if args.trust.is_empty() {
        TrustPolicy::Center {
            stations,
            strict: false,
        }
    } else {
        TrustPolicy::Keys(args.trust.clone())
    };
    let mut status = OK;
    for path in &args.records {
        let name = path.display();
        let bytes = match praxis::files::read_limited(path, praxis::files::MAX_RECORD_BYTES) {
            Ok(b) => b,
            Err(e) => {
                println!("{name}: cannot read ({e})");
                status = CANNOT_RUN;
                continue;
            }
        };
        let (rec, verdict) = verify::check(&bytes, &policy, &scenarios);
        match (&verdict, rec) {
            (Verdict::Valid { signer, outcome }, Some(rec)) => {
                let sc = &rec.header.scenario;
                let note = if no_stations && args.trust.is_empty() {
                    " (no stations enrolled in the center: not checked)"
                } else {
                    ""
                };
                println!(
                    "{name}: valid — {}{note}, {} {}, {} {:.0} %",
                    signer.label(),
                    sc.id,
                    sc.version,
                    if outcome.passed { "passed" } else { "failed" },
                    outcome.score.scaled * 100.0
                );
            }
            (Verdict::UnknownStation { key }, _) if args.trust.is_empty() => {
                println!(
                    "{name}: unknown station: signed by {key}, not enrolled in {}",
                    center_dir.display()
                );
                status = status.max(PROBLEMS);
            }
            (
                Verdict::ScenarioUnknown {
                    id,
                    version,
                    sha256,
                },
                _,
            ) => {
                println!(
                    "{name}: scenario version unknown: {id} {version} (sha256 {sha256}) is neither in {} nor kept by the center",
                    dir.display()
                );
                status = status.max(PROBLEMS);
            }
            (v, _) => {
                println!("{name}: {}", v.describe());
                status = status.max(PROBLEMS);
            }
        }
    }
    status
}
