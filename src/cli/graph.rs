//! `praxis graph SCENARIO`

use super::common::{self, CANNOT_RUN, OK};
use praxis::graph;
use std::path::PathBuf;

/// Arguments of `praxis graph`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Scenario id or path to a `.ron` file.
    scenario: String,
    /// Output file; `.svg` or `.dot` picks the format (default: DOT on standard output).
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Replace the `--output` file if it exists (never a session record).
    #[arg(long)]
    force: bool,
    /// `dot` or `svg` (overrides the file extension).
    #[arg(long)]
    format: Option<String>,
    /// Language of the step titles (`en` or `fr`).
    #[arg(long, default_value = "en")]
    lang: String,
    /// The scenario folder.
    #[arg(long)]
    scenarios: Option<PathBuf>,
}

pub fn run(args: Args) -> u8 {
    let lang = match common::lang(&args.lang) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let scenario = match common::load_arg(&args.scenario, args.scenarios.as_deref()) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let format = args.format.clone().or_else(|| {
        args.output
            .as_ref()
            .and_then(|p| p.extension())
            .and_then(|e| e.to_str())
            .map(str::to_lowercase)
    });
    let text = match format.as_deref() {
        None | Some("dot") => graph::dot(&scenario, lang),
        Some("svg") => graph::svg(&scenario, lang),
        Some(other) => {
            eprintln!("error: unknown graph format `{other}` (use `dot` or `svg`)");
            return CANNOT_RUN;
        }
    };
    match &args.output {
        None => print!("{text}"),
        Some(p) => {
            if let Err(e) = praxis::files::write_output(p, text.as_bytes(), args.force) {
                eprintln!("error: {e}");
                return CANNOT_RUN;
            }
            println!("wrote {}", p.display());
        }
    }
    OK
}
