//! `praxis export csv`: one row per session, or per step attempt, for a spreadsheet
//! ([`praxis::center::csv`]).

use super::common::{CANNOT_RUN, FilterArgs, OK};
use std::path::PathBuf;

/// Arguments of `praxis export csv`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    filter: FilterArgs,
    /// One row per step attempt instead of one per session.
    #[arg(long)]
    steps: bool,
    /// For a French spreadsheet: semicolons, decimal commas, VRAI/FAUX, local-looking times,
    /// and a byte-order mark so the accents open right.
    #[arg(long)]
    excel_fr: bool,
    /// Write here instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Replace the `--output` file if it exists (never a session record).
    #[arg(long)]
    force: bool,
}

/// Runs `praxis export csv`.
pub fn run(args: Args) -> u8 {
    match write(&args) {
        Ok(n) => {
            if let Some(p) = &args.output {
                eprintln!("wrote {n} rows to {}", p.display());
            }
            OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            CANNOT_RUN
        }
    }
}

fn write(args: &Args) -> Result<usize, String> {
    let filter = args.filter.filter()?;
    let db = args.filter.open()?;
    let opts = praxis::center::csv::Options {
        steps: args.steps,
        excel_fr: args.excel_fr,
    };
    let (bytes, rows) = praxis::center::csv::export(&db, &filter, opts)?;
    match &args.output {
        Some(p) => praxis::files::write_output(p, &bytes, args.force)?,
        None => {
            use std::io::Write;
            std::io::stdout()
                .write_all(&bytes)
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(rows)
}
