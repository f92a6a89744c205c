//! `praxis validate FILE...`

use super::common::{self, CANNOT_RUN, DiagFormat, OK, PROBLEMS};
use praxis::scenario::Scenario;
use praxis::scenario::diagnostic::Level;
use std::path::PathBuf;

/// Arguments of `praxis validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Scenario files (`.ron`).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// How problems are printed.
    #[arg(long, value_enum, default_value = "human")]
    format: DiagFormat,
    /// The assets folder model paths are checked against (default: the one `praxis run` would
    /// load them from: `../assets` from the file, else the installed or source tree's).
    #[arg(long, conflicts_with = "no_assets")]
    assets: Option<PathBuf>,
    /// Do not check that the models exist (only their paths' form).
    #[arg(long)]
    no_assets: bool,
    /// The folder of domain references (`../shared/domain`): each scenario's critical map must
    /// then map every item its reference (`domain_ref`) marks CRITICAL.
    #[arg(long)]
    domain: Option<PathBuf>,
    /// Treat warnings as problems (exit status 1).
    #[arg(long)]
    deny_warnings: bool,
}

pub fn run(args: Args) -> u8 {
    let mut status = OK;
    let mut json = Vec::new();
    for path in &args.files {
        let bytes = match praxis::files::read_limited(path, praxis::files::MAX_SCENARIO_BYTES) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: cannot read {}: {e}", path.display());
                status = CANNOT_RUN;
                continue;
            }
        };
        let name = path.display().to_string();
        let assets = match (&args.assets, args.no_assets) {
            (_, true) => None,
            (Some(a), false) => Some(a.clone()),
            (None, false) => Some(common::runtime_assets_dir(path, None)),
        };
        let exists = assets
            .clone()
            .map(|dir| move |rel: &str| dir.join(rel).is_file());
        let reference = match &args.domain {
            None => None,
            Some(dir) => match common::reference_items(dir, &bytes) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("error: {name}: {e}");
                    status = CANNOT_RUN;
                    continue;
                }
            },
        };
        let mut report = Scenario::check_against(
            &name,
            &bytes,
            exists.as_ref().map(|f| f as &dyn Fn(&str) -> bool),
            reference.as_deref(),
        );
        // What is wrong inside the model files themselves, where the scenario names each.
        if let Some(dir) = &assets {
            let (found, note) = super::gltf_check::check(&name, &bytes, dir);
            if let Some(note) = note {
                eprintln!("note: {name}: {note}");
            }
            report.diagnostics.extend(found);
            report.sort();
        }
        let errors = report
            .diagnostics
            .iter()
            .filter(|d| d.level == Level::Error)
            .count();
        let warnings = report.diagnostics.len() - errors;
        if errors > 0 || (args.deny_warnings && warnings > 0) {
            status = status.max(PROBLEMS);
        }
        match args.format {
            DiagFormat::Json => json.push(report.to_json()),
            format => {
                if !report.diagnostics.is_empty() {
                    common::print_report(&report, format);
                }
                if errors == 0 {
                    let w = if warnings > 0 {
                        format!(" ({warnings} warning(s))")
                    } else {
                        String::new()
                    };
                    println!("{name}: ok{w}");
                } else {
                    println!("{name}: {errors} error(s), {warnings} warning(s)");
                }
            }
        }
    }
    if args.format == DiagFormat::Json {
        println!(
            "{}",
            serde_json::to_string_pretty(&json).unwrap_or_default()
        );
    } else if args.domain.is_none() {
        eprintln!(
            "note: the critical maps were not checked against their domain references: give --domain DIR (the folder holding each scenario's domain_ref)"
        );
    }
    status
}
