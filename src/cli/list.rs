//! `praxis list`

use super::common::{self, CANNOT_RUN, OK};
use praxis::scenario::Scenario;
use std::path::PathBuf;

/// Arguments of `praxis list`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The scenario folder (default: `./scenarios`).
    #[arg(long)]
    scenarios: Option<PathBuf>,
    /// Language of the titles (`en` or `fr`).
    #[arg(long, default_value = "en")]
    lang: String,
}

pub fn run(args: Args) -> u8 {
    let dir = common::scenarios_dir(args.scenarios.as_deref());
    let mut warnings = Vec::new();
    let files = match praxis::files::list(&dir, "ron", false, &mut warnings) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e} (the scenario folder; give another with --scenarios DIR)");
            return CANNOT_RUN;
        }
    };
    for w in &warnings {
        eprintln!("warning: {w}");
    }
    for path in files {
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = match praxis::files::read_limited(&path, praxis::files::MAX_SCENARIO_BYTES) {
            Ok(b) => b,
            Err(e) => {
                println!("{id:<28} (unreadable: {e})");
                continue;
            }
        };
        match Scenario::from_bytes(&path.display().to_string(), &bytes, None) {
            Ok(s) => {
                let m = &s.model;
                let duration = m.estimated_duration.raw.as_str();
                println!(
                    "{id:<28} {:?} · {duration} · {}",
                    m.family,
                    m.title.get(&args.lang)
                );
                for src in &m.sources {
                    println!(
                        "{:<28}   {} ({}, {})",
                        "", src.title, src.publisher, src.edition
                    );
                }
            }
            Err(_) => println!(
                "{id:<28} (invalid: run `praxis validate {}`)",
                path.display()
            ),
        }
    }
    OK
}
