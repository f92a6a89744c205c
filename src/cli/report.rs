//! `praxis report`: an HTML report with plots on the center's sessions.

use super::common::{self, CANNOT_RUN, FilterArgs, OK, PROBLEMS};
use praxis::report::{self, ReportError, Scope};
use std::path::PathBuf;

/// Arguments of `praxis report`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    filter: FilterArgs,
    /// Language of the report: `en` or `fr`.
    #[arg(long, default_value = "en")]
    lang: String,
    /// Folder to write `report.html` and its PNG plots into.
    #[arg(long, short, default_value = "report")]
    output: PathBuf,
    /// Write into a folder that is not empty (a report there is replaced).
    #[arg(long)]
    force: bool,
}

/// Runs `praxis report`.
pub fn run(args: Args) -> u8 {
    let lang = match common::lang(&args.lang) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let filter = match args.filter.filter() {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return CANNOT_RUN;
        }
    };
    if let Err(e) = praxis::files::check_output_dir(&args.output, args.force) {
        eprintln!("error: {e}");
        return CANNOT_RUN;
    }
    let db = match args.filter.open() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            return CANNOT_RUN;
        }
    };
    let mut scope = Scope::default();
    let f = &args.filter;
    let cat = praxis::text::Catalog::get();
    let mut add = |id: &str, v: &Option<String>| {
        if let Some(v) = v {
            scope.lines.push(format!("{} {v}", cat.t(lang, id)));
        }
    };
    add("report-scope-cohort", &f.cohort);
    add("report-scope-scenario", &f.scenario);
    add("report-scope-learner", &f.learner);
    add("report-scope-since", &f.since);
    add("report-scope-until", &f.until);
    match report::write(&db, &filter, &scope, lang, &args.output) {
        Ok(w) => {
            println!(
                "wrote {} ({} sessions) and {} plots in {}",
                w.html.display(),
                w.sessions,
                w.plots.len(),
                args.output.display()
            );
            OK
        }
        Err(ReportError::Empty) => {
            eprintln!("error: {}", ReportError::Empty);
            PROBLEMS
        }
        Err(e) => {
            eprintln!("error: {e}");
            CANNOT_RUN
        }
    }
}
