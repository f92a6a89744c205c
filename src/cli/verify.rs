//! `praxis verify RECORD...`: is each record whole, signed by a station, and does it re-score
//! to the score it stores against the exact scenario version it names?

use super::common::{self, CANNOT_RUN, OK, PROBLEMS};
use praxis::record::sign::{self, SignatureStatus};
use praxis::record::{self, Integrity};
use praxis::scenario::Scenario;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

/// Arguments of `praxis verify`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Session records (`.jsonl`).
    #[arg(required = true)]
    records: Vec<PathBuf>,
    /// Folder of scenario files, searched by content hash for the version each record names
    /// (default: `$PRAXIS_SCENARIOS`, `./scenarios`, or the source tree's).
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
    // Every scenario version in the folder, by hash.
    let mut by_hash: HashMap<String, Arc<Scenario>> = HashMap::new();
    for id in common::list_ids(&dir) {
        let path = dir.join(format!("{id}.ron"));
        if let Ok(bytes) = std::fs::read(&path)
            && let Ok(s) = Scenario::from_bytes(&path.display().to_string(), &bytes, None)
        {
            by_hash.insert(s.hash().to_string(), Arc::new(s));
        }
    }
    let center_dir = args
        .center
        .clone()
        .unwrap_or_else(praxis::center::default_dir);
    let center = match praxis::center::Stations::load(&center_dir) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return CANNOT_RUN;
        }
    };
    let mut status = OK;
    for path in &args.records {
        let name = path.display();
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                println!("{name}: cannot read ({e})");
                status = CANNOT_RUN;
                continue;
            }
        };
        let rec = match record::read(&bytes) {
            Ok(r) => r,
            Err(e) => {
                println!("{name}: not a session record ({e})");
                status = status.max(PROBLEMS);
                continue;
            }
        };
        match &rec.integrity {
            Integrity::Complete => {}
            Integrity::Incomplete { reason } => {
                println!("{name}: truncated: {reason}");
                status = status.max(PROBLEMS);
                continue;
            }
            Integrity::Tampered { line, reason } => {
                println!("{name}: tampered at line {line}: {reason}");
                status = status.max(PROBLEMS);
                continue;
            }
        }
        let key = match sign::check(&rec) {
            SignatureStatus::Valid { key } => key,
            SignatureStatus::Unsigned | SignatureStatus::NoFooter => {
                println!("{name}: unsigned: no station signature");
                status = status.max(PROBLEMS);
                continue;
            }
            SignatureStatus::Invalid { reason } => {
                println!("{name}: tampered: {reason}");
                status = status.max(PROBLEMS);
                continue;
            }
        };
        let short = &key[..12.min(key.len())];
        let station = if !args.trust.is_empty() {
            if !args.trust.contains(&key) {
                println!(
                    "{name}: unknown station: signed by {key}, which is not among the trusted keys"
                );
                status = status.max(PROBLEMS);
                continue;
            }
            format!("station {short}…")
        } else if center.stations.is_empty() {
            format!("station {short}… (no stations enrolled in the center: not checked)")
        } else {
            match center.trust(&key) {
                praxis::center::Trust::Enrolled(n) => format!("station `{n}`"),
                praxis::center::Trust::Revoked(n, at) => {
                    println!("{name}: revoked station: signed by `{n}`, revoked {at}");
                    status = status.max(PROBLEMS);
                    continue;
                }
                praxis::center::Trust::Unknown => {
                    println!(
                        "{name}: unknown station: signed by {key}, not enrolled in {}",
                        center_dir.display()
                    );
                    status = status.max(PROBLEMS);
                    continue;
                }
            }
        };
        let sc = &rec.header.scenario;
        let Some(scenario) = by_hash.get(&sc.sha256) else {
            println!(
                "{name}: scenario version unknown: {} {} (sha256 {}) is not in {}",
                sc.id,
                sc.version,
                sc.sha256,
                dir.display()
            );
            status = status.max(PROBLEMS);
            continue;
        };
        let replay = record::replay(&rec, scenario.clone());
        if !replay.matches(&rec) {
            println!(
                "{name}: tampered: the stored outcome is not what the events give ({})",
                replay.differences.join("; ")
            );
            status = status.max(PROBLEMS);
            continue;
        }
        let o = &replay.outcome;
        println!(
            "{name}: valid — {station}, {} {}, {} {:.0} %",
            sc.id,
            sc.version,
            if o.passed { "passed" } else { "failed" },
            o.score.scaled * 100.0
        );
    }
    status
}
