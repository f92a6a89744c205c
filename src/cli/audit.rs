//! `praxis audit SCENARIO`: what still passes when the perfect run leaves out a critical item,
//! a line, or swaps two neighbouring lines.

use super::common::{self, CANNOT_RUN, DiagFormat, OK, PROBLEMS};
use praxis::audit::{self, Mutant};
use praxis::scenario::Scenario;
use praxis::scenario::diagnostic::Level;
use std::path::{Path, PathBuf};

/// Arguments of `praxis audit`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Scenario id (looked up in the scenario folder) or path to a `.ron` file.
    scenario: String,
    /// The perfect run (default: `tests/playthroughs/<id>/perfect.events` beside the scenario
    /// folder).
    #[arg(long)]
    perfect: Option<PathBuf>,
    /// The folder of domain references, to check that the critical map is complete (default:
    /// `$PRAXIS_DOMAIN`, else `../shared/domain` from the project, when it exists).
    #[arg(long)]
    domain: Option<PathBuf>,
    /// The scenario folder.
    #[arg(long)]
    scenarios: Option<PathBuf>,
    /// Print only the summary and what must be fixed, not every mutant that still passes.
    #[arg(long, short)]
    quiet: bool,
}

pub fn run(args: Args) -> u8 {
    let path = match common::scenario_path(&args.scenario, args.scenarios.as_deref()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {e}");
            return CANNOT_RUN;
        }
    };
    let scenario = match common::load(&path, None, DiagFormat::Human) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let perfect = args.perfect.clone().unwrap_or_else(|| {
        path.parent()
            .unwrap_or(Path::new("."))
            .join("..")
            .join("tests/playthroughs")
            .join(scenario.id())
            .join("perfect.events")
    });
    let log = match common::read_event_log(&perfect, &scenario, "audited") {
        Ok(l) => l,
        Err(code) => return code,
    };
    let text = std::fs::read_to_string(&perfect).unwrap_or_default();
    let line = |n: u32| {
        text.lines().nth(n as usize - 1).map_or(String::new(), |l| {
            l.split('#').next().unwrap_or("").trim().to_string()
        })
    };

    let mut status = OK;
    println!(
        "{} {} — perfect run {}",
        scenario.id(),
        scenario.version(),
        perfect.display()
    );
    match map_check(&args, &path, &scenario) {
        Ok(Some(dir)) => println!("critical map: complete against {}", dir.display()),
        Ok(None) => println!(
            "critical map: not checked against its reference (no domain folder; give --domain)"
        ),
        Err(code) => status = code,
    }
    if status == CANNOT_RUN {
        return status;
    }

    let a = audit::audit(&scenario, &log);
    let pct = |r: &audit::Run| format!("{:.1} %", r.scaled * 100.0);
    if !a.perfect.passed {
        println!(
            "✖ the perfect run does not pass ({}): fix it first",
            pct(&a.perfect)
        );
        return PROBLEMS;
    }
    println!("perfect run: passes, {}", pct(&a.perfect));

    println!(
        "\nCritical items left out ({} carried, {} exempt):",
        a.critical.len(),
        a.exempt.len()
    );
    for c in &a.critical {
        let carriers = c.left_out.join(", ");
        match &c.run {
            None => println!(
                "  · {:<12} {carriers}: nothing in the run to leave out (an error rule, or done by a state)",
                c.reference
            ),
            Some(r) if r.passed => {
                status = PROBLEMS;
                println!(
                    "  ✖ {:<12} {carriers}: {} line(s) left out and the session STILL PASSES ({})",
                    c.reference,
                    c.lines_removed,
                    pct(r)
                );
            }
            Some(_) => println!(
                "  ✔ {:<12} {carriers}: {} line(s) left out, the session fails",
                c.reference, c.lines_removed
            ),
        }
    }

    let report = |title: &str, list: &[Mutant]| {
        let passing: Vec<&Mutant> = list.iter().filter(|m| m.run.passed).collect();
        let full = passing
            .iter()
            .filter(|m| m.run.scaled >= 1.0 - 1e-9)
            .count();
        println!(
            "\n{title}: {} run(s), {} still pass, {full} of them at 100 %",
            list.len(),
            passing.len()
        );
        if !args.quiet {
            for m in passing {
                let what: Vec<String> = m
                    .lines
                    .iter()
                    .map(|&n| format!("line {n} `{}`", line(n)))
                    .collect();
                println!("  {} — {}", pct(&m.run), what.join(" ⇄ "));
            }
        }
    };
    report("One line left out", &a.omissions);
    report("Two neighbouring lines swapped", &a.swaps);
    if status == PROBLEMS {
        println!("\n✖ a critical item can be left out and the session still passes");
    }
    status
}

/// The critical map against the domain reference, when the folder is found: prints every item
/// left out. `Ok(None)` when there is no folder to check against.
fn map_check(args: &Args, path: &Path, scenario: &Scenario) -> Result<Option<PathBuf>, u8> {
    let dir = args
        .domain
        .clone()
        .or_else(|| {
            std::env::var_os("PRAXIS_DOMAIN")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(|| {
            let d = path
                .parent()
                .unwrap_or(Path::new("."))
                .join("../../shared/domain");
            d.is_dir().then_some(d)
        });
    let Some(dir) = dir else {
        return Ok(None);
    };
    let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
    let bytes =
        praxis::files::read_limited(path, praxis::files::MAX_SCENARIO_BYTES).map_err(|e| {
            eprintln!("error: cannot read {}: {e}", path.display());
            CANNOT_RUN
        })?;
    let items = common::reference_items(&dir, &bytes).map_err(|e| {
        eprintln!("error: {}: {e}", scenario.id());
        CANNOT_RUN
    })?;
    let report =
        Scenario::check_against(&path.display().to_string(), &bytes, None, items.as_deref());
    let missing: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.level == Level::Error)
        .collect();
    if missing.is_empty() {
        return Ok(Some(dir));
    }
    common::print_report(&report, DiagFormat::Short);
    println!(
        "✖ the critical map is not complete against {}",
        dir.display()
    );
    Err(PROBLEMS)
}
