//! `praxis list`

use super::common::{self, OK};
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
    for id in common::list_ids(&dir) {
        let path = dir.join(format!("{id}.ron"));
        let bytes = std::fs::read(&path).unwrap_or_default();
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
