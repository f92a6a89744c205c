//! `praxis center …`: the stations a training center trusts (enroll, revoke), filing records
//! into its database (ingest), the scenario versions it keeps, cohorts, and learners' rights
//! (forget, export-learner, retention).

use super::common::{self, CANNOT_RUN, OK, PROBLEMS};
use praxis::center::db::{Db, Filter};
use praxis::center::ingest::{self, Outcome, Summary};
use praxis::center::verify::TrustPolicy;
use praxis::center::{Station, Stations, Trust};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Arguments of `praxis center`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The center folder (default: `$PRAXIS_CENTER`, else `center/` in the user's data folder).
    #[arg(long, global = true)]
    center: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Trust a station's records from now on (KEY as printed by `praxis station key`).
    Enroll {
        /// A name for the station (letters, digits, `-`, `_`, `.`).
        name: String,
        /// Its public key.
        key: String,
    },
    /// Stop trusting a station (its records are refused as revoked from now on).
    Revoke {
        /// The station's name.
        name: String,
    },
    /// List the stations.
    Stations,
    /// Verify session records and file them into the center database: folders are searched for
    /// `.jsonl` files. Tampered, unsigned and unknown-station records are refused with the
    /// reason; records without a footer are held (never results); two validly signed records of
    /// one session are both held as a conflict; nothing is filed twice.
    Ingest {
        /// Record files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Folder of scenario files for versions the center does not keep yet (default:
        /// `$PRAXIS_SCENARIOS`, `./scenarios`, or the source tree's); each version a filed
        /// record names is kept in the center.
        #[arg(long)]
        scenarios: Option<PathBuf>,
        /// Print every file's outcome, not only the refused ones.
        #[arg(long, short)]
        verbose: bool,
    },
    /// List the held records: kept with their bytes but never results — without a footer
    /// (incomplete), failing a later check (quarantined), or in conflict with another record of
    /// the same session.
    Held,
    /// List the scenario versions the center keeps; with files, keep those versions too.
    Scenarios {
        /// Scenario files to keep.
        files: Vec<PathBuf>,
    },
    /// Put learners in a cohort, take them out, or list the cohorts.
    Cohort {
        /// The cohort (omit to list every cohort).
        name: Option<String>,
        /// Learners to add.
        #[arg(long, num_args = 1..)]
        add: Vec<String>,
        /// Learners to remove.
        #[arg(long, num_args = 1..)]
        remove: Vec<String>,
    },
    /// Erase every session of a learner from the center (the right to erasure). The sessions
    /// are never filed again.
    Forget {
        /// The learner's pseudonymous id.
        learner: String,
        /// Erase without asking: without it, only says what would be erased.
        #[arg(long)]
        yes: bool,
    },
    /// Everything the center holds on a learner, as JSON (the right of access): sessions,
    /// outcomes, records and cohorts.
    ExportLearner {
        /// The learner's pseudonymous id.
        learner: String,
        /// Write here instead of standard output (a new file, unless `--force`).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Replace the `--output` file if it exists (never a session record).
        #[arg(long)]
        force: bool,
    },
    /// Show or set how long sessions are kept (`730d`, `2years`, `off`); older sessions are
    /// erased at each ingest and by `prune`.
    Retention {
        /// The period, or `off`.
        period: Option<String>,
    },
    /// Erase the sessions older than the retention period now.
    Prune,
}

fn now() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

/// Runs `praxis center`.
pub fn run(args: Args) -> u8 {
    let dir = args.center.unwrap_or_else(praxis::center::default_dir);
    match args.command {
        Command::Enroll { .. } | Command::Revoke { .. } | Command::Stations => {
            stations_command(&dir, args.command)
        }
        command => match common::open_center(&dir) {
            Ok(mut db) => db_command(&dir, &mut db, command),
            Err(e) => {
                eprintln!("error: {e}");
                CANNOT_RUN
            }
        },
    }
}

fn stations_command(dir: &Path, command: Command) -> u8 {
    let mut stations = match Stations::load(dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return CANNOT_RUN;
        }
    };
    match command {
        Command::Enroll { name, key } => {
            if let Err(e) = praxis::record::check_pseudonym("station", &name) {
                eprintln!("error: {e}");
                return CANNOT_RUN;
            }
            if !praxis::record::sign::is_public_key(&key) {
                eprintln!(
                    "error: `{key}` is not an Ed25519 public key (44 characters of base64, as `praxis station key` prints)"
                );
                return CANNOT_RUN;
            }
            if stations.stations.contains_key(&name) {
                eprintln!(
                    "error: a station is already enrolled as `{name}`; revoke it or choose another name"
                );
                return PROBLEMS;
            }
            if let Trust::Enrolled(other) | Trust::Revoked(other, _) = stations.trust(&key) {
                eprintln!("error: this key is already known as station `{other}`");
                return PROBLEMS;
            }
            stations.stations.insert(
                name.clone(),
                Station {
                    key,
                    enrolled_at: now(),
                    revoked_at: None,
                },
            );
            if let Err(e) = stations.save(dir) {
                eprintln!("error: {e}");
                return CANNOT_RUN;
            }
            println!("enrolled station `{name}` in {}", dir.display());
            OK
        }
        Command::Revoke { name } => {
            let Some(s) = stations.stations.get_mut(&name) else {
                eprintln!("error: no station `{name}` in {}", dir.display());
                return PROBLEMS;
            };
            if s.revoked_at.is_none() {
                s.revoked_at = Some(now());
            }
            if let Err(e) = stations.save(dir) {
                eprintln!("error: {e}");
                return CANNOT_RUN;
            }
            println!("revoked station `{name}`");
            OK
        }
        Command::Stations => {
            for (name, s) in &stations.stations {
                let state = s
                    .revoked_at
                    .as_deref()
                    .map_or("enrolled".to_string(), |at| format!("revoked {at}"));
                println!("{name}\t{}\t{state}", s.key);
            }
            OK
        }
        _ => unreachable!("not a stations command"),
    }
}

fn db_command(dir: &Path, db: &mut Db, command: Command) -> u8 {
    let result = match command {
        Command::Ingest {
            paths,
            scenarios,
            verbose,
        } => return ingest(dir, db, &paths, scenarios.as_deref(), verbose),
        Command::Held => held(db),
        Command::Scenarios { files } => keep_scenarios(db, &files),
        Command::Cohort { name, add, remove } => cohort(db, name, &add, &remove),
        Command::Forget { learner, yes } => forget(db, &learner, yes),
        Command::ExportLearner {
            learner,
            output,
            force,
        } => export_learner(db, &learner, output, force),
        Command::Retention { period } => retention(db, period),
        Command::Prune => db.prune().map_err(|e| e.to_string()).map(|n| {
            println!("erased {n} sessions older than the retention period");
            OK
        }),
        _ => unreachable!("not a database command"),
    };
    result.unwrap_or_else(|e| {
        eprintln!("error: {e}");
        CANNOT_RUN
    })
}

fn ingest(
    dir: &Path,
    db: &mut Db,
    paths: &[PathBuf],
    scenarios: Option<&Path>,
    verbose: bool,
) -> u8 {
    let mut warnings = Vec::new();
    let files = match ingest::collect(paths, &mut warnings) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return CANNOT_RUN;
        }
    };
    for w in &warnings {
        eprintln!("warning: {w}");
    }
    let stations = match Stations::load(dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return CANNOT_RUN;
        }
    };
    if stations.stations.is_empty() {
        eprintln!(
            "warning: no station is enrolled in {}, so every signed record will be refused as from an unknown station (enroll them with `praxis center enroll NAME KEY`)",
            dir.display()
        );
    }
    let policy = TrustPolicy::Center {
        stations,
        strict: true,
    };
    let sources = match common::scenario_sources(scenarios) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return CANNOT_RUN;
        }
    };
    let bar = if std::io::stderr().is_terminal() && files.len() >= 20 {
        indicatif::ProgressBar::new(files.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} records checked and filed ({per_sec}, {eta} left)",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let outcomes = match ingest::run(db, &files, &policy, &sources, |n| {
        bar.set_position(n as u64);
    }) {
        Ok(o) => o,
        Err(e) => {
            bar.abandon();
            eprintln!("error: {e}");
            return CANNOT_RUN;
        }
    };
    bar.finish_and_clear();
    let mut summary = Summary::default();
    for (path, o) in files.iter().zip(&outcomes) {
        summary.add(o);
        let line = match o {
            Outcome::Refused(reason) => Some(format!("refused: {reason}")),
            Outcome::Unreadable(reason) => Some(format!("not read: {reason}")),
            Outcome::Conflict(reason) => Some(format!("held as a conflict: {reason}")),
            Outcome::Erased(at) if verbose => {
                Some(format!("not filed: this session was erased on {at}"))
            }
            Outcome::PastRetention if verbose => {
                Some("not filed: older than the retention period".into())
            }
            Outcome::AlreadyFiled if verbose => Some("already filed".into()),
            Outcome::HeldIncomplete if verbose => Some(
                "held as incomplete: no footer, so nothing in it is signed; never a result".into(),
            ),
            Outcome::Filed { completed: true } if verbose => {
                Some("filed (replaces the copies without a footer held before)".into())
            }
            Outcome::Filed { .. } if verbose => Some("filed".into()),
            _ => None,
        };
        if let Some(line) = line {
            println!("{}: {line}", path.display());
        }
    }
    println!(
        "{} records: {} filed, {} held as incomplete, {} held as conflicts, {} already filed, {} not filed (erased or past retention), {} refused, {} not read — in {}",
        files.len(),
        summary.filed,
        summary.incomplete,
        summary.conflicts,
        summary.already,
        summary.skipped,
        summary.refused,
        summary.unreadable,
        db.path().display()
    );
    if summary.unreadable > 0 {
        CANNOT_RUN
    } else if summary.refused + summary.conflicts > 0 {
        PROBLEMS
    } else {
        OK
    }
}

fn held(db: &Db) -> Result<u8, String> {
    let rows = db.held(None).map_err(|e| e.to_string())?;
    for h in &rows {
        println!(
            "{}\t{}\t{} {}\t{}\tlearner (unverified) {}\t{}",
            h.kind, h.session, h.scenario_id, h.scenario_version, h.started_at, h.learner, h.reason
        );
    }
    if rows.is_empty() {
        eprintln!("no held records in {}", db.path().display());
    }
    Ok(OK)
}

fn keep_scenarios(db: &Db, files: &[PathBuf]) -> Result<u8, String> {
    for f in files {
        let bytes = praxis::files::read_limited(f, praxis::files::MAX_SCENARIO_BYTES)
            .map_err(|e| format!("cannot read {}: {e}", f.display()))?;
        let s = praxis::scenario::Scenario::kept_version(&f.display().to_string(), &bytes)
            .map_err(|r| {
                common::print_report(&r, common::DiagFormat::Human);
                format!("{} has problems; it was not kept", f.display())
            })?;
        let new = db.store_scenario(&s, &bytes).map_err(|e| e.to_string())?;
        println!(
            "{} {} ({}): {}",
            s.id(),
            s.version(),
            s.hash(),
            if new { "kept" } else { "already kept" }
        );
    }
    if files.is_empty() {
        for [id, version, sha, at] in db.scenario_list().map_err(|e| e.to_string())? {
            println!("{id}\t{version}\t{sha}\t{at}");
        }
    }
    Ok(OK)
}

fn cohort(db: &Db, name: Option<String>, add: &[String], remove: &[String]) -> Result<u8, String> {
    for l in add {
        praxis::record::check_pseudonym("learner", l)?;
    }
    let Some(name) = name else {
        for (c, learners) in db.cohorts().map_err(|e| e.to_string())? {
            println!("{c}\t{}\t{}", learners.len(), learners.join(" "));
        }
        return Ok(OK);
    };
    praxis::record::check_pseudonym("cohort", &name)?;
    let added = db.cohort_add(&name, add).map_err(|e| e.to_string())?;
    let removed = db.cohort_remove(&name, remove).map_err(|e| e.to_string())?;
    let members = db
        .cohorts()
        .map_err(|e| e.to_string())?
        .into_iter()
        .find(|(c, _)| *c == name)
        .map(|(_, l)| l)
        .unwrap_or_default();
    println!(
        "cohort `{name}`: {added} added, {removed} removed, {} learners: {}",
        members.len(),
        members.join(" ")
    );
    Ok(OK)
}

fn learner_filter(learner: &str) -> Filter {
    Filter {
        learner: Some(learner.to_string()),
        ..Filter::default()
    }
}

fn forget(db: &mut Db, learner: &str, yes: bool) -> Result<u8, String> {
    let sessions = db
        .sessions(&learner_filter(learner))
        .map_err(|e| e.to_string())?
        .len();
    let held = db.held(Some(learner)).map_err(|e| e.to_string())?.len();
    if !yes {
        println!(
            "learner `{learner}` has {sessions} sessions and {held} held records in {}; run again with --yes to erase them for good",
            db.path().display()
        );
        return Ok(PROBLEMS);
    }
    let erased = db.forget(learner).map_err(|e| e.to_string())?;
    if !erased.gone_from_files {
        eprintln!(
            "error: erased {} sessions and {} held records of learner `{learner}` from the center's tables, but their old contents are still in {}: another program holds the database open (a reader keeps the old pages). Close it, then run `praxis center forget {learner} --yes` again to finish.",
            erased.sessions,
            erased.held,
            if erased.still_in.is_empty() {
                db.path().display().to_string()
            } else {
                erased.still_in.join(", ")
            }
        );
        return Ok(PROBLEMS);
    }
    println!(
        "erased {} sessions and {} held records of learner `{learner}` for good: nothing of them is left in {} and they will not be filed again. Copies outside the center (station folders, exports, an LRS) are not touched.",
        erased.sessions,
        erased.held,
        db.path().display()
    );
    Ok(OK)
}

fn export_learner(
    db: &Db,
    learner: &str,
    output: Option<PathBuf>,
    force: bool,
) -> Result<u8, String> {
    let sessions = db
        .sessions(&learner_filter(learner))
        .map_err(|e| e.to_string())?;
    let mut items = Vec::new();
    for s in &sessions {
        let bytes = db
            .record_bytes(&s.session)
            .map_err(|e| e.to_string())?
            .unwrap_or_default();
        items.push(serde_json::json!({
            "session": s.session,
            "status": s.status,
            "scenario": { "id": s.scenario_id, "version": s.scenario_version, "sha256": s.scenario_sha256 },
            "mode": s.mode,
            "started_at": s.started_at,
            "duration_ms": s.duration_ms,
            "station": s.station_name.as_deref().unwrap_or(&s.station),
            "passed": s.passed,
            "scaled": s.scaled,
            "record": String::from_utf8_lossy(&bytes),
        }));
    }
    // Held records name the learner in a header nothing verifies: they are personal data all
    // the same, given as they are, without a score.
    let held = db.held(Some(learner)).map_err(|e| e.to_string())?;
    let mut held_items = Vec::new();
    for h in &held {
        let bytes = db
            .held_bytes(&h.record_sha256)
            .map_err(|e| e.to_string())?
            .unwrap_or_default();
        held_items.push(serde_json::json!({
            "session": h.session,
            "status": h.kind,
            "reason": h.reason,
            "scenario": { "id": h.scenario_id, "version": h.scenario_version },
            "started_at": h.started_at,
            "station": h.station,
            "record": String::from_utf8_lossy(&bytes),
        }));
    }
    let cohorts: Vec<String> = db
        .cohorts()
        .map_err(|e| e.to_string())?
        .into_iter()
        .filter(|(_, l)| l.iter().any(|x| x == learner))
        .map(|(c, _)| c)
        .collect();
    let doc = serde_json::json!({
        "learner": learner,
        "exported_at": humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string(),
        "cohorts": cohorts,
        "sessions": items,
        "held_records": held_items,
    });
    let text = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())? + "\n";
    match output {
        Some(p) => {
            praxis::files::write_output(&p, text.as_bytes(), force)?;
            eprintln!(
                "wrote {} sessions and {} held records of learner `{learner}` to {}",
                sessions.len(),
                held.len(),
                p.display()
            );
        }
        None => print!("{text}"),
    }
    if sessions.is_empty() && held.is_empty() {
        eprintln!("note: the center holds no session of learner `{learner}`");
    }
    Ok(OK)
}

fn retention(db: &mut Db, period: Option<String>) -> Result<u8, String> {
    match period.as_deref() {
        None => {
            match db.setting("retention").map_err(|e| e.to_string())? {
                Some(p) => println!("sessions are kept for {p}"),
                None => println!("no retention period: sessions are kept until erased"),
            }
            return Ok(OK);
        }
        Some("off") => db.set_setting("retention", None),
        Some(p) => {
            let d = humantime::parse_duration(p).map_err(|e| {
                format!("retention `{p}` is not a period such as `730d` or `2years` ({e})")
            })?;
            if d.as_secs() < 86_400 {
                return Err(format!("retention `{p}` is shorter than a day"));
            }
            db.set_setting("retention", Some(p))
        }
    }
    .map_err(|e| e.to_string())?;
    let n = db.prune().map_err(|e| e.to_string())?;
    println!(
        "retention set to {}; {n} older sessions erased",
        period.unwrap_or_default()
    );
    Ok(OK)
}
