//! The `praxis` command line, run as a user would: exit statuses, outputs, files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod audit;
mod authoring;
mod center;
mod cmi5;
#[path = "../support/lms.rs"]
mod lms;
mod lrs;
mod models;
mod reliability;
mod xapi;

pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary under test: this build's, or another one named by `PRAXIS_TEST_BIN` (to show
/// that a test fails on a build from before a fix).
pub(crate) fn praxis_bin() -> PathBuf {
    std::env::var_os("PRAXIS_TEST_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_praxis")))
}

pub(crate) fn praxis(args: &[&str]) -> Output {
    Command::new(praxis_bin())
        .args(args)
        .current_dir(root())
        // The station key that signs records lives here, not in the user's folder.
        .env("PRAXIS_CONFIG_DIR", station_dir())
        .output()
        .expect("praxis runs")
}

pub(crate) fn station_dir() -> PathBuf {
    std::env::temp_dir().join(format!("praxis-cli-station-{}", std::process::id()))
}

pub(crate) fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

pub(crate) fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("praxis-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn validate_exit_statuses() {
    let ok = praxis(&[
        "validate",
        "scenarios/hand-hygiene.ron",
        "scenarios/cleanroom-gowning.ron",
    ]);
    assert_eq!(ok.status.code(), Some(0), "{}", text(&ok));
    let bad = praxis(&["validate", "tests/fixtures/invalid/unknown-step.ron"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        text(&bad).contains("did you mean `apply-product`"),
        "{}",
        text(&bad)
    );
    let missing = praxis(&["validate", "no/such/file.ron"]);
    assert_eq!(missing.status.code(), Some(2));
    let garbage = praxis(&["validate", "tests/fixtures/invalid/not-utf8.ron"]);
    assert_eq!(garbage.status.code(), Some(1));
}

#[test]
fn validate_reports_every_file_and_every_problem_as_json() {
    let o = praxis(&[
        "validate",
        "--format",
        "json",
        "tests/fixtures/invalid/multiple-problems.ron",
        "scenarios/hand-hygiene.ron",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON on stdout");
    assert_eq!(json[0]["diagnostics"].as_array().unwrap().len(), 3);
    assert_eq!(json[1]["diagnostics"].as_array().unwrap().len(), 0);
    let short = praxis(&[
        "validate",
        "--format",
        "short",
        "tests/fixtures/invalid/multiple-problems.ron",
    ]);
    assert_eq!(
        text(&short).matches("error[praxis::scenario::").count(),
        3,
        "{}",
        text(&short)
    );
}

#[test]
fn simulate_passes_fails_and_refuses() {
    let pass = praxis(&[
        "simulate",
        "hand-hygiene",
        "tests/playthroughs/hand-hygiene/perfect.events",
    ]);
    assert_eq!(pass.status.code(), Some(0), "{}", text(&pass));
    let out = text(&pass);
    assert!(
        out.contains("Step done: Fill a cupped palm") && out.contains("Result: PASS"),
        "{out}"
    );
    let fail = praxis(&[
        "simulate",
        "hand-hygiene",
        "tests/playthroughs/hand-hygiene/rub-too-short.events",
    ]);
    assert_eq!(fail.status.code(), Some(1));
    assert!(text(&fail).contains("CRITICAL"));
    // --check: the exit status says whether the @expect lines hold.
    let check = praxis(&[
        "simulate",
        "--check",
        "hand-hygiene",
        "tests/playthroughs/hand-hygiene/rub-too-short.events",
    ]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
    // In French.
    let fr = praxis(&[
        "simulate",
        "--lang",
        "fr",
        "-q",
        "hand-hygiene",
        "tests/playthroughs/hand-hygiene/perfect.events",
    ]);
    assert!(
        text(&fr).contains("Résultat\u{a0}: RÉUSSI"),
        "{}",
        text(&fr)
    );
    // Could not run: unknown scenario, broken log.
    let unknown = praxis(&[
        "simulate",
        "hand-hygeine",
        "tests/playthroughs/hand-hygiene/perfect.events",
    ]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        text(&unknown).contains("did you mean `hand-hygiene`"),
        "{}",
        text(&unknown)
    );
    let dir = temp_dir("broken-log");
    let log = dir.join("broken.events");
    std::fs::write(
        &log,
        "5 use abhr-dispensr\n6 gestur palm-to-palm for 3s\n1 hint\n",
    )
    .unwrap();
    let broken = praxis(&["simulate", "hand-hygiene", log.to_str().unwrap()]);
    assert_eq!(broken.status.code(), Some(2));
    let t = text(&broken);
    assert!(
        t.contains("did you mean `gesture`") && t.contains("is before the previous action"),
        "{t}"
    );
}

#[test]
fn a_recorded_simulation_replays_and_a_tampered_one_does_not() {
    let dir = temp_dir("records");
    let rec = dir.join("session.jsonl");
    let rec_s = rec.to_str().unwrap();
    let o = praxis(&[
        "simulate",
        "cleanroom-gowning",
        "tests/playthroughs/cleanroom-gowning/perfect.events",
        "--record",
        rec_s,
        "--learner",
        "L-7",
        "--station",
        "st-1",
        "--started-at",
        "2026-11-22T10:00:00Z",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    // Never overwritten.
    let again = praxis(&[
        "simulate",
        "cleanroom-gowning",
        "tests/playthroughs/cleanroom-gowning/perfect.events",
        "--record",
        rec_s,
    ]);
    assert_eq!(again.status.code(), Some(2));
    let replay = praxis(&["replay", rec_s]);
    assert_eq!(replay.status.code(), Some(0), "{}", text(&replay));
    assert!(text(&replay).contains("MATCH"));

    let tampered = dir.join("tampered.jsonl");
    let body =
        std::fs::read_to_string(&rec)
            .unwrap()
            .replacen("\"passed\":true", "\"passed\":false", 1);
    std::fs::write(&tampered, body).unwrap();
    let r = praxis(&["replay", tampered.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(1));
    assert!(text(&r).contains("MISMATCH"), "{}", text(&r));

    let bad_learner = praxis(&[
        "simulate",
        "hand-hygiene",
        "tests/playthroughs/hand-hygiene/perfect.events",
        "--record",
        dir.join("x.jsonl").to_str().unwrap(),
        "--learner",
        "jane@example.org",
    ]);
    assert_eq!(bad_learner.status.code(), Some(2));
    assert!(text(&bad_learner).contains("pseudonym"));
    assert!(
        !Path::new(&dir.join("x.jsonl")).exists(),
        "nothing written on bad input"
    );
}

#[test]
fn graph_writes_dot_and_svg() {
    let dir = temp_dir("graph");
    let dot = praxis(&["graph", "cleanroom-gowning"]);
    assert_eq!(dot.status.code(), Some(0));
    let d = String::from_utf8_lossy(&dot.stdout);
    assert!(
        d.starts_with("digraph") && d.contains("‼ CRITICAL") && d.contains("cluster_cross-bench"),
        "{d}"
    );
    let svg = dir.join("g.svg");
    let o = praxis(&[
        "graph",
        "hand-hygiene",
        "-o",
        svg.to_str().unwrap(),
        "--lang",
        "fr",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let s = std::fs::read_to_string(&svg).unwrap();
    assert!(
        s.starts_with("<?xml")
            && s.contains("<svg")
            && s.contains("CRITIQUE")
            && s.trim_end().ends_with("</svg>")
    );
    let bad = praxis(&["graph", "hand-hygiene", "--format", "png"]);
    assert_eq!(bad.status.code(), Some(2));
}

/// What the first-time author missed in the graph (2026-12-authoring.md, finding 7): critical
/// questions marked critical, the branch each fault selects, every source whole, and a "one of"
/// box that cannot be taken for the legend's dashed "optional".
#[test]
fn the_graph_shows_critical_questions_fault_branches_whole_sources_and_solid_alternatives() {
    let dir = temp_dir("graph-review");
    let svg = dir.join("m.svg");
    let o = praxis(&[
        "graph",
        "medication-administration",
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let s = std::fs::read_to_string(&svg).unwrap();
    // The critical question "Decide whether to give it" has the critical tag after its title.
    let question = s
        .find("? Decide whether to give it")
        .expect("the decision step");
    let next_step = s[question..]
        .find("<rect")
        .map_or(s.len(), |i| question + i);
    assert!(s[question..next_step].contains("‼ CRITICAL"), "{s}");
    // Which branch the penicillin allergy selects.
    assert!(s.contains("⚑ if penicillin-allergy") && s.contains("⚑ if no penicillin-allergy"));
    // The third source, whole (it used to be cut at the right edge, and only the first shown).
    assert!(s.contains("Medication Without Harm") && s.contains("WHO/HIS/SDS/2017.6"));
    // The "one of" box is solid and tinted; the only dashed boxes are optional ones.
    assert!(
        s.contains(r##"stroke="#6a4c93" stroke-width="2"/>"##),
        "{s}"
    );
    let dot = text(&praxis(&["graph", "medication-administration"]));
    assert!(
        dot.contains("style=\"rounded,filled,bold\"; color=\"#6a4c93\""),
        "{dot}"
    );
}

#[test]
fn list_shows_the_scenarios() {
    let o = praxis(&["list"]);
    assert_eq!(o.status.code(), Some(0));
    let t = text(&o);
    assert!(
        t.contains("hand-hygiene")
            && t.contains("cleanroom-gowning")
            && t.contains("World Health Organization"),
        "{t}"
    );
}

#[test]
fn an_event_log_naming_unknown_things_is_refused_with_suggestions() {
    let dir = temp_dir("unknown-names");
    let log = dir.join("names.events");
    std::fs::write(
        &log,
        "0 use abhr-dispensr with right\n2 gesture palm-to-plam for 3s\n",
    )
    .unwrap();
    let o = praxis(&["simulate", "hand-hygiene", log.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let t = text(&o);
    assert!(
        t.contains("did you mean `abhr-dispenser`") && t.contains("did you mean `palm-to-palm`"),
        "{t}"
    );
    assert!(t.contains("names.events:1:7"), "{t}");
}

/// A record of the perfect hand-hygiene run, signed with this test's station key.
fn signed_record(dir: &Path) -> PathBuf {
    let rec = dir.join("a.jsonl");
    let o = praxis(&[
        "simulate",
        "hand-hygiene",
        "tests/playthroughs/hand-hygiene/perfect.events",
        "--record",
        rec.to_str().unwrap(),
        "-q",
    ]);
    assert!(o.status.success(), "{}", text(&o));
    rec
}

/// Records are signed with the station's key; `praxis verify` accepts a record as written and
/// catches every change with a reason.
#[test]
fn verify_accepts_signed_records_and_catches_tampering() {
    let dir = temp_dir("verify");
    let rec = signed_record(&dir);
    let key = praxis(&["station", "key"]);
    let key = String::from_utf8_lossy(&key.stdout).trim().to_string();
    assert_eq!(key.len(), 44, "{key}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(station_dir().join("station.key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(
            mode & 0o077,
            0,
            "the private key is readable by others: {mode:o}"
        );
    }
    let o = praxis(&["verify", rec.to_str().unwrap(), "--trust", &key]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("valid"), "{}", text(&o));

    let original = std::fs::read_to_string(&rec).unwrap();
    let lines: Vec<&str> = original.lines().collect();
    let write = |name: &str, ls: &[String]| {
        let p = dir.join(name);
        std::fs::write(&p, ls.join("\n") + "\n").unwrap();
        p
    };
    let owned: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
    let mut score = owned.clone();
    let last = score.len() - 1;
    score[last] = score[last].replace("\"scaled\":1.0", "\"scaled\":0.5");
    let mut removed = owned.clone();
    removed.remove(3);
    let mut reordered = owned.clone();
    reordered.swap(2, 3);
    let mut header = owned.clone();
    header[0] = header[0]
        .replace("L-", "X-")
        .replace("\"learner\":\"", "\"learner\":\"x");
    let cut: Vec<String> = owned[..owned.len() - 1].to_vec();
    for (name, ls, says) in [
        ("score.jsonl", &score, "tampered"),
        ("removed.jsonl", &removed, "tampered at line"),
        ("reordered.jsonl", &reordered, "tampered at line"),
        ("header.jsonl", &header, "tampered at line"),
        ("cut.jsonl", &cut, "truncated"),
    ] {
        let p = write(name, ls);
        let o = praxis(&["verify", p.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{name}: {}", text(&o));
        assert!(text(&o).contains(says), "{name}: {}", text(&o));
    }
    // Another station's key, and a scenario version the folder does not hold.
    let o = praxis(&["verify", rec.to_str().unwrap(), "--trust", "AAAA"]);
    assert!(text(&o).contains("unknown station"), "{}", text(&o));
    let empty = dir.join("no-scenarios");
    std::fs::create_dir_all(&empty).unwrap();
    let o = praxis(&[
        "verify",
        rec.to_str().unwrap(),
        "--scenarios",
        empty.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o).contains("scenario version unknown"),
        "{}",
        text(&o)
    );
}

/// A center trusts the stations it enrolled: records from them verify, from an unknown or a
/// revoked station they do not.
#[test]
fn center_enrolls_and_revokes_stations() {
    let dir = temp_dir("center");
    let center = dir.join("center");
    let c = center.to_str().unwrap();
    let rec = signed_record(&dir);
    let key = String::from_utf8_lossy(&praxis(&["station", "key"]).stdout)
        .trim()
        .to_string();
    let r = rec.to_str().unwrap();

    // Another station is enrolled: this record's station is unknown.
    let other = "mjky1ePuZtQ1vKHcKC0gnYUnFYI7HztF+rShFIsfRBM=";
    let o = praxis(&["center", "enroll", "ward-2", other, "--center", c]);
    assert!(o.status.success(), "{}", text(&o));
    let o = praxis(&["verify", r, "--center", c]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("unknown station"), "{}", text(&o));

    let o = praxis(&["center", "enroll", "ward-3", &key, "--center", c]);
    assert!(o.status.success(), "{}", text(&o));
    let o = praxis(&["verify", r, "--center", c]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("station `ward-3`"), "{}", text(&o));

    let o = praxis(&["center", "revoke", "ward-3", "--center", c]);
    assert!(o.status.success(), "{}", text(&o));
    let o = praxis(&["verify", r, "--center", c]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("revoked station"), "{}", text(&o));

    // Bad input: a key that is not one, a name taken twice, a station that does not exist.
    let o = praxis(&["center", "enroll", "ward-4", "not-a-key", "--center", c]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let o = praxis(&["center", "enroll", "ward-2", &key, "--center", c]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let o = praxis(&["center", "revoke", "nowhere", "--center", c]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("no station `nowhere`"), "{}", text(&o));
}

/// The Debian package's desktop entries are valid (`desktop-file-validate`), the `praxis://`
/// handler opens `praxis run --cmi5`, and every file the package lists exists.
#[test]
fn the_debian_package_entries_are_valid() {
    let deb = root().join("tools/deb");
    let o = Command::new("desktop-file-validate")
        .arg(deb.join("praxis.desktop"))
        .arg(deb.join("praxis-cmi5.desktop"))
        .output()
        .expect("desktop-file-validate runs (tools/setup.sh installs desktop-file-utils)");
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).trim().is_empty(), "{}", text(&o));
    let handler = std::fs::read_to_string(deb.join("praxis-cmi5.desktop")).unwrap();
    assert!(handler.contains("MimeType=x-scheme-handler/praxis;"));
    assert!(handler.contains("Exec=praxis run --cmi5 %u"));
    let manifest: toml::Value =
        toml::from_str(&std::fs::read_to_string(root().join("Cargo.toml")).unwrap()).unwrap();
    let assets = manifest["package"]["metadata"]["deb"]["assets"]
        .as_array()
        .unwrap();
    for a in assets {
        let src = a[0].as_str().unwrap();
        if src.starts_with("target/") {
            continue;
        }
        let dir = root().join(src.split('*').next().unwrap());
        assert!(
            dir.exists() || dir.parent().is_some_and(Path::exists),
            "the package lists {src}, which does not exist"
        );
    }
}
