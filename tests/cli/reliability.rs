//! The command line as a hostile or careless user meets it: each failure the reliability probe
//! found (../shared/reviews/2026-12-reliability.md, F1–F11 and the cmi5 risk) as a test on the
//! real binary, with the probe's kinds of attack — re-chaining under an unsigned field, fields
//! added inside the signed part, folder entries that are not files, expansion bombs, concurrent
//! ingests, a reader holding the database during forget.
//!
//! One file on purpose: it is the probe's findings, one test each, read against the review.

use super::center::record;
use super::{praxis, praxis_bin, root, temp_dir, text};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn station_key() -> String {
    String::from_utf8_lossy(&praxis(&["station", "key"]).stdout)
        .trim()
        .to_string()
}

/// Runs praxis, killing it (and failing) if it runs longer than `limit`: a hang is a failure,
/// not a stuck test run.
fn praxis_within(args: &[&str], limit: Duration) -> Output {
    let mut child = Command::new(praxis_bin())
        .args(args)
        .current_dir(root())
        .env("PRAXIS_CONFIG_DIR", super::station_dir())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("praxis runs");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let o = child.wait_with_output().unwrap();
            panic!(
                "praxis {} hung (killed after {limit:?}): {}",
                args.join(" "),
                text(&o)
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

fn lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

fn write_lines(path: &Path, l: &[String]) {
    std::fs::write(path, l.join("\n") + "\n").unwrap();
}

fn sha256(s: &str) -> String {
    praxis::record::sha256_hex(s.as_bytes())
}

/// Puts the right `prev` on every event line again after an edit, as a forger would; returns
/// the new last hash. The footer is left as signed.
fn rechain(l: &mut [String]) -> String {
    let mut prev = sha256(&l[0]);
    for line in l.iter_mut().skip(1) {
        let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
        if v.get("footer").is_some() {
            break;
        }
        v["prev"] = prev.clone().into();
        *line = serde_json::to_string(&v).unwrap();
        prev = sha256(line);
    }
    prev
}

/// The probe's F1 forgery of a record: every `hand` swapped, the chain made whole again, and
/// the new last hash put in a top-level `prev` beside the signed footer, which is left as it
/// was.
fn forge_rechained(rec: &Path) -> Vec<String> {
    let mut l = lines(rec);
    let n = l.len() - 1;
    for line in l.iter_mut().take(n).skip(1) {
        *line = line.replace("\"right-hand\"", "\"left-hand\"");
    }
    let last = rechain(&mut l);
    let mut footer: serde_json::Value = serde_json::from_str(&l[n]).unwrap();
    footer["prev"] = last.into();
    l[n] = serde_json::to_string(&footer).unwrap();
    l
}

/// A center with this test's station enrolled.
fn center(dir: &Path) -> PathBuf {
    let c = dir.join("center");
    let o = praxis(&[
        "center",
        "enroll",
        "ward-1",
        &station_key(),
        "--center",
        c.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    c
}

fn csv_rows(c: &Path) -> String {
    let o = praxis(&["export", "csv", "--center", c.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn f1_an_edit_rechained_under_an_unsigned_prev_beside_the_footer_is_refused() {
    let dir = temp_dir("f1");
    let rec = record(&dir, "perfect", "nurse-f1", "genuine.jsonl");
    let forged = dir.join("forged.jsonl");
    write_lines(&forged, &forge_rechained(&rec));
    let o = praxis(&[
        "verify",
        forged.to_str().unwrap(),
        "--trust",
        &station_key(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("tampered"), "{}", text(&o));
    // Filed first, the forgery neither gets in nor blocks the genuine record.
    let c = center(&dir);
    let cs = c.to_str().unwrap();
    let o = praxis(&["center", "ingest", forged.to_str().unwrap(), "--center", cs]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("refused: tampered"), "{}", text(&o));
    let o = praxis(&["center", "ingest", rec.to_str().unwrap(), "--center", cs]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("1 filed"), "{}", text(&o));
}

#[test]
fn f2_text_added_inside_the_signed_footer_is_caught_and_never_exported() {
    let dir = temp_dir("f2");
    let rec = record(&dir, "perfect", "nurse-f2", "genuine.jsonl");
    let mut l = lines(&rec);
    let n = l.len() - 1;
    let mut footer: serde_json::Value = serde_json::from_str(&l[n]).unwrap();
    footer["footer"]["comment"] = "certified by X".into();
    l[n] = serde_json::to_string(&footer).unwrap();
    let forged = dir.join("commented.jsonl");
    write_lines(&forged, &l);
    let o = praxis(&[
        "verify",
        forged.to_str().unwrap(),
        "--trust",
        &station_key(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("tampered"), "{}", text(&o));
    // Inside the signature object too.
    let mut footer: serde_json::Value = serde_json::from_str(&lines(&rec)[n]).unwrap();
    footer["footer"]["signature"]["note"] = "approved".into();
    l[n] = serde_json::to_string(&footer).unwrap();
    write_lines(&forged, &l);
    let o = praxis(&[
        "verify",
        forged.to_str().unwrap(),
        "--trust",
        &station_key(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("`note`"), "{}", text(&o));
    let c = center(&dir);
    let o = praxis(&[
        "center",
        "ingest",
        forged.to_str().unwrap(),
        "--center",
        c.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let o = praxis(&[
        "center",
        "export-learner",
        "nurse-f2",
        "--center",
        c.to_str().unwrap(),
    ]);
    assert!(!text(&o).contains("certified"), "{}", text(&o));
}

#[test]
fn f3_an_entry_or_a_formula_that_overflows_is_refused_with_its_place() {
    let dir = temp_dir("f3");
    let log = std::fs::read_to_string(
        root().join("tests/playthroughs/buffer-preparation/perfect.events"),
    )
    .unwrap()
    .replace("enter hcl-volume 41.0 mL", "enter hcl-volume 1e308 L");
    assert!(log.contains("1e308 L"));
    let line = 1 + log.lines().position(|l| l.contains("1e308 L")).unwrap();
    let events = dir.join("huge.events");
    std::fs::write(&events, log).unwrap();
    let rec = dir.join("huge.jsonl");
    let o = praxis(&[
        "simulate",
        "buffer-preparation",
        events.to_str().unwrap(),
        "--record",
        rec.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("number_too_large") && text(&o).contains(&format!("huge.events:{line}:")),
        "{}",
        text(&o)
    );
    assert!(!rec.exists(), "nothing recorded");
    // A formula that overflows: refused when the scenario is validated.
    let sc = std::fs::read_to_string(root().join("scenarios/bioreactor-inoculation.ron"))
        .unwrap()
        .replace(
            "formula: \"seed.vcd * inoculum.added / (1750 + inoculum.added)\"",
            "formula: \"1e308 * 1e308 + seed.vcd\"",
        );
    let bad = dir.join("overflow.ron");
    std::fs::write(&bad, sc).unwrap();
    let o = praxis(&["validate", "--format", "short", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("formula_overflow"), "{}", text(&o));
}

#[test]
fn f4_a_formula_of_50000_terms_is_refused_and_aborts_nothing() {
    let dir = temp_dir("f4");
    let folder = dir.join("scenarios");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(
        root().join("scenarios/hand-hygiene.ron"),
        folder.join("hand-hygiene.ron"),
    )
    .unwrap();
    let long = vec!["seed.vcd"; 50_000].join(" + ");
    let sc = std::fs::read_to_string(root().join("scenarios/bioreactor-inoculation.ron"))
        .unwrap()
        .replace(
            "formula: \"seed.vcd * inoculum.added / (1750 + inoculum.added)\"",
            &format!("formula: \"{long}\""),
        );
    std::fs::write(folder.join("bioreactor-inoculation.ron"), sc).unwrap();
    let bomb = folder.join("bioreactor-inoculation.ron");
    let o = praxis(&["validate", "--format", "short", bomb.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("too long"), "{}", text(&o));
    let f = folder.to_str().unwrap();
    let o = praxis(&["list", "--scenarios", f]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        text(&o)
            .lines()
            .any(|l| l.starts_with("bioreactor-inoculation ") && l.contains("(invalid")),
        "{}",
        text(&o)
    );
    let rec = record(&dir, "perfect", "nurse-f4", "r.jsonl");
    let o = praxis(&[
        "verify",
        rec.to_str().unwrap(),
        "--scenarios",
        f,
        "--trust",
        &station_key(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}

#[test]
fn f5_an_expansion_bomb_is_refused_at_its_line() {
    let dir = temp_dir("f5");
    let bomb: String = (0..100)
        .map(|i| {
            format!(
                "{}.0 compress manikin depth 52 recoil full x100000 every 0.001s\n",
                i * 100
            )
        })
        .collect();
    let events = dir.join("bomb.events");
    std::fs::write(&events, bomb).unwrap();
    let o = praxis_within(
        &["simulate", "basic-life-support", events.to_str().unwrap()],
        Duration::from_secs(120),
    );
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("too_many_actions") && text(&o).contains("bomb.events:3:"),
        "{}",
        text(&o)
    );
}

#[cfg(unix)]
#[test]
fn f6_fifos_devices_and_links_out_of_a_folder_hang_nothing() {
    let dir = temp_dir("f6");
    let folder = dir.join("scenarios");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(
        root().join("scenarios/hand-hygiene.ron"),
        folder.join("hand-hygiene.ron"),
    )
    .unwrap();
    let mkfifo = |p: &Path| {
        assert!(Command::new("mkfifo").arg(p).status().unwrap().success());
    };
    mkfifo(&folder.join("x.ron"));
    std::os::unix::fs::symlink("/dev/zero", folder.join("zero.ron")).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", folder.join("outside.ron")).unwrap();
    let f = folder.to_str().unwrap();
    let limit = Duration::from_secs(60);
    let o = praxis_within(&["list", "--scenarios", f], limit);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let t = text(&o);
    assert!(
        t.contains("x.ron: skipped: not a regular file (a FIFO)"),
        "{t}"
    );
    assert!(
        t.contains("zero.ron: skipped: a link that leads out"),
        "{t}"
    );
    assert!(t.contains("outside.ron: skipped"), "{t}");
    assert!(t.contains("hand-hygiene "), "{t}");
    // Verify and ingest, with a FIFO among the sessions too.
    let sessions = dir.join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let rec = record(&sessions, "perfect", "nurse-f6", "a.jsonl");
    mkfifo(&sessions.join("b.jsonl"));
    std::os::unix::fs::symlink("/dev/zero", sessions.join("c.jsonl")).unwrap();
    let o = praxis_within(
        &[
            "verify",
            rec.to_str().unwrap(),
            "--scenarios",
            f,
            "--trust",
            &station_key(),
        ],
        limit,
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let c = center(&dir);
    let o = praxis_within(
        &[
            "center",
            "ingest",
            sessions.to_str().unwrap(),
            "--scenarios",
            f,
            "--center",
            c.to_str().unwrap(),
        ],
        limit,
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let t = text(&o);
    assert!(
        t.contains("b.jsonl: skipped: not a regular file (a FIFO)"),
        "{t}"
    );
    assert!(t.contains("1 records: 1 filed"), "{t}");
}

#[test]
fn f7_output_never_replaces_a_file_unless_forced_and_never_a_record() {
    let dir = temp_dir("f7");
    let rec = record(&dir, "perfect", "nurse-f7", "s.jsonl");
    let before = std::fs::read(&rec).unwrap();
    let r = rec.to_str().unwrap();
    // The probe's slip: the record named as its own output.
    let o = praxis(&["export", "xapi", r, "-o", r]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("session record"), "{}", text(&o));
    let o = praxis(&["export", "xapi", r, "-o", r, "--force"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert_eq!(
        std::fs::read(&rec).unwrap(),
        before,
        "the record is untouched"
    );
    // Any other file: only with --force.
    let c = center(&dir);
    let cs = c.to_str().unwrap();
    praxis(&["center", "ingest", r, "--center", cs]);
    let out = dir.join("out.csv");
    std::fs::write(&out, "keep me").unwrap();
    let o = praxis(&["export", "csv", "--center", cs, "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("--force"), "{}", text(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    let o = praxis(&[
        "export",
        "csv",
        "--center",
        cs,
        "-o",
        out.to_str().unwrap(),
        "--force",
    ]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(std::fs::read_to_string(&out).unwrap().contains("nurse-f7"));
    let o = praxis(&[
        "center",
        "export-learner",
        "nurse-f7",
        "--center",
        cs,
        "-o",
        r,
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert_eq!(std::fs::read(&rec).unwrap(), before);
    // Nothing is left beside the names.
    let partial = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().contains(".partial"));
    assert!(!partial);
}

#[test]
fn f8_a_record_without_a_footer_is_held_never_counted_under_the_learner_it_names() {
    let dir = temp_dir("f8");
    let full = record(&dir, "perfect", "nurse-real", "full.jsonl");
    // The footer dropped, the learner and session changed in the header, the chain redone.
    let l = lines(&full);
    let mut l: Vec<String> = l[..l.len() - 1].to_vec();
    let mut header: serde_json::Value = serde_json::from_str(&l[0]).unwrap();
    header["learner"] = "nurse-victim".into();
    header["session"] = "11111111-2222-4333-8444-555555555555".into();
    l[0] = serde_json::to_string(&header).unwrap();
    rechain(&mut l);
    let partial = dir.join("partial.jsonl");
    write_lines(&partial, &l);
    let c = center(&dir);
    let cs = c.to_str().unwrap();
    let o = praxis(&[
        "center",
        "ingest",
        partial.to_str().unwrap(),
        "--center",
        cs,
    ]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("1 held as incomplete"), "{}", text(&o));
    // Never a result: not in the CSV, not in a report on the learner it names.
    assert!(!csv_rows(&c).contains("nurse-victim"));
    let o = praxis(&[
        "report",
        "--center",
        cs,
        "--learner",
        "nurse-victim",
        "-o",
        dir.join("report").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("no session matches"), "{}", text(&o));
    // Listed as held, and still personal data: exported and erased with the learner.
    let o = praxis(&["center", "held", "--center", cs]);
    assert!(
        text(&o).starts_with("incomplete\t11111111-"),
        "{}",
        text(&o)
    );
    let o = praxis(&["center", "export-learner", "nurse-victim", "--center", cs]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["sessions"].as_array().unwrap().len(), 0);
    assert_eq!(doc["held_records"][0]["status"], "incomplete");
    assert!(doc["held_records"][0].get("scaled").is_none(), "no score");
    let o = praxis(&["center", "forget", "nurse-victim", "--yes", "--center", cs]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("0 sessions and 1 held records"),
        "{}",
        text(&o)
    );
}

#[test]
fn f9_two_ingests_at_once_both_file_their_records() {
    let dir = temp_dir("f9");
    let c = center(&dir);
    let ingest_both = |a: &Path, b: &Path| {
        let spawn = |folder: &Path| {
            Command::new(praxis_bin())
                .args(["center", "ingest", folder.to_str().unwrap(), "--center"])
                .arg(&c)
                .current_dir(root())
                .env("PRAXIS_CONFIG_DIR", super::station_dir())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (x, y) = (spawn(a), spawn(b));
        let (x, y) = (x.wait_with_output().unwrap(), y.wait_with_output().unwrap());
        assert!(x.status.success(), "{}", text(&x));
        assert!(y.status.success(), "{}", text(&y));
        (text(&x), text(&y))
    };
    let records = |name: &str, who: &str, n: usize| {
        let folder = dir.join(name);
        std::fs::create_dir_all(&folder).unwrap();
        for i in 0..n {
            record(&folder, "perfect", who, &format!("{i}.jsonl"));
        }
        folder
    };
    // On a brand-new database: both processes migrate it at once.
    let (a, b) = (records("a", "nurse-a", 12), records("b", "nurse-b", 12));
    let (x, y) = ingest_both(&a, &b);
    assert!(x.contains("12 filed") && y.contains("12 filed"), "{x}\n{y}");
    // On a migrated one.
    let (a2, b2) = (records("a2", "nurse-a", 6), records("b2", "nurse-b", 6));
    let (x, y) = ingest_both(&a2, &b2);
    assert!(x.contains("6 filed") && y.contains("6 filed"), "{x}\n{y}");
    let csv = csv_rows(&c);
    assert_eq!(csv.matches("nurse-a").count(), 18, "{csv}");
    assert_eq!(csv.matches("nurse-b").count(), 18, "{csv}");
}

#[test]
fn f10_forget_says_when_a_reader_keeps_the_data_in_the_file() {
    let dir = temp_dir("f10");
    let c = center(&dir);
    let cs = c.to_str().unwrap();
    let rec = record(&dir, "perfect", "nurse-forget", "f.jsonl");
    record(&dir, "perfect", "nurse-stays", "g.jsonl");
    let o = praxis(&["center", "ingest", dir.to_str().unwrap(), "--center", cs]);
    assert!(o.status.success(), "{}", text(&o));
    let db = c.join("center.sqlite");
    let marker = b"\"learner\":\"nurse-forget\"";
    let in_files = || {
        ["", "-wal", "-shm"].iter().any(|s| {
            std::fs::read(format!("{}{s}", db.display()))
                .is_ok_and(|b| b.windows(marker.len()).any(|w| w == marker))
        })
    };
    assert!(in_files());
    // Another program reading the database.
    let reader = rusqlite::Connection::open(&db).unwrap();
    reader
        .execute_batch("BEGIN; SELECT count(*) FROM sessions;")
        .unwrap();
    let o = praxis(&["center", "forget", "nurse-forget", "--yes", "--center", cs]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains("another program holds the database open")
            && !text(&o).contains("for good"),
        "{}",
        text(&o)
    );
    reader.execute_batch("COMMIT;").unwrap();
    drop(reader);
    let o = praxis(&["center", "forget", "nurse-forget", "--yes", "--center", cs]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("for good"), "{}", text(&o));
    assert!(!in_files(), "the learner's records are gone from the files");
    // Never filed again, and the other learner is still there.
    let o = praxis(&["center", "ingest", rec.to_str().unwrap(), "--center", cs]);
    assert!(text(&o).contains("not filed (erased"), "{}", text(&o));
    assert!(csv_rows(&c).contains("nurse-stays"));
}

#[test]
fn f11_missing_or_wrong_paths_are_clear_and_exit_2() {
    let dir = temp_dir("f11");
    let file = dir.join("a-file");
    std::fs::write(&file, "x").unwrap();
    let f = file.to_str().unwrap();
    for args in [
        vec!["list", "--scenarios", "no/such/folder"],
        vec!["list", "--scenarios", f],
        vec!["center", "--center", f, "held"],
        vec!["center", "--center", f, "stations"],
        vec!["export", "csv", "--center", f],
        vec!["verify", "no/such.jsonl", "--scenarios", "no/such/folder"],
    ] {
        let o = praxis(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", text(&o));
        assert!(text(&o).contains("error"), "{args:?}: {}", text(&o));
    }
    let o = praxis(&["center", "--center", f, "ingest", "whatever"]);
    assert!(
        text(&o).contains("is a file, not a center folder"),
        "{}",
        text(&o)
    );
    // A record that cannot be read is not a refused record: exit 2.
    #[cfg(unix)]
    {
        let fifo = dir.join("unreadable.jsonl");
        assert!(
            Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let c = dir.join("center");
        let o = praxis_within(
            &[
                "center",
                "ingest",
                fifo.to_str().unwrap(),
                "--center",
                c.to_str().unwrap(),
            ],
            Duration::from_secs(60),
        );
        assert_eq!(o.status.code(), Some(2), "{}", text(&o));
        assert!(text(&o).contains("not a regular file"), "{}", text(&o));
    }
}

#[test]
fn two_validly_signed_records_of_one_session_are_both_held_as_a_conflict() {
    let dir = temp_dir("conflict");
    let session = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    let mut recs = Vec::new();
    for events in ["perfect", "rub-too-short"] {
        let rec = dir.join(format!("{events}.jsonl"));
        let o = praxis(&[
            "simulate",
            "hand-hygiene",
            &format!("tests/playthroughs/hand-hygiene/{events}.events"),
            "--record",
            rec.to_str().unwrap(),
            "--learner",
            "nurse-c",
            "--session",
            session,
            "-q",
        ]);
        assert!(o.status.code().is_some_and(|c| c <= 1), "{}", text(&o));
        recs.push(rec);
    }
    let c = center(&dir);
    let cs = c.to_str().unwrap();
    let o = praxis(&[
        "center",
        "ingest",
        recs[0].to_str().unwrap(),
        "--center",
        cs,
    ]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(csv_rows(&c).contains(session));
    let o = praxis(&[
        "center",
        "ingest",
        recs[1].to_str().unwrap(),
        "--center",
        cs,
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("held as a conflict"), "{}", text(&o));
    // Neither wins: both are out of the results, both listed.
    assert!(!csv_rows(&c).contains(session));
    let o = praxis(&["center", "held", "--center", cs]);
    assert_eq!(
        text(&o).matches("conflict\taaaaaaaa").count(),
        2,
        "{}",
        text(&o)
    );
    // Filing either again changes nothing.
    let o = praxis(&[
        "center",
        "ingest",
        recs[0].to_str().unwrap(),
        "--center",
        cs,
        "-v",
    ]);
    assert!(text(&o).contains("already filed"), "{}", text(&o));
    assert!(!csv_rows(&c).contains(session));
}

#[test]
fn records_filed_before_the_stricter_checks_are_checked_again_and_quarantined() {
    let dir = temp_dir("quarantine");
    let c = center(&dir);
    let cs = c.to_str().unwrap();
    let genuine = record(&dir, "perfect", "nurse-q1", "q1.jsonl");
    let other = record(&dir, "perfect", "nurse-q2", "q2.jsonl");
    let partial = record(&dir, "perfect", "nurse-q3", "q3.jsonl");
    let l = lines(&partial);
    write_lines(&partial, &l[..4]);
    let o = praxis(&["center", "ingest", dir.to_str().unwrap(), "--center", cs]);
    assert!(o.status.success(), "{}", text(&o));
    // A center as an older Praxis left it: schema 2, a forged record filed as valid (the
    // F1 forgery of q1), a record without a footer filed as an incomplete session, and no
    // record checks recorded.
    let forged = forge_rechained(&genuine).join("\n") + "\n";
    let db = rusqlite::Connection::open(c.join("center.sqlite")).unwrap();
    let q1: String = db
        .query_row(
            "SELECT session FROM sessions WHERE learner = 'nurse-q1'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    db.execute(
        "UPDATE sessions SET record = ?1 WHERE session = ?2",
        rusqlite::params![forged.as_bytes(), q1],
    )
    .unwrap();
    db.execute_batch(
        "INSERT INTO sessions (session, status, learner, station, scenario_sha256, scenario_id, scenario_version, mode, started_at, events, record, record_sha256, ingested_at)
           SELECT session, 'incomplete', learner, station, '', scenario_id, scenario_version, 'guided', started_at, events, record, record_sha256, held_at FROM held;
         DROP TABLE held;
         DELETE FROM settings WHERE key = 'record_checks';
         PRAGMA user_version = 2;",
    )
    .unwrap();
    drop(db);
    let o = praxis(&["export", "csv", "--center", cs]);
    assert!(o.status.success(), "{}", text(&o));
    let t = text(&o);
    assert!(
        t.contains("2 filed records checked again") && t.contains("1 quarantined"),
        "{t}"
    );
    assert!(
        t.contains(&format!("quarantined: session {q1}: tampered")),
        "{t}"
    );
    let csv = String::from_utf8_lossy(&o.stdout);
    assert!(
        !csv.contains("nurse-q1") && csv.contains("nurse-q2"),
        "{csv}"
    );
    // Listed with the reason; the incomplete one is held, not a session.
    let o = praxis(&["center", "held", "--center", cs]);
    let t = text(&o);
    assert!(t.contains(&format!("quarantined\t{q1}")), "{t}");
    assert!(t.contains("incomplete\t") && t.contains("nurse-q3"), "{t}");
    // Once only.
    let o = praxis(&["export", "csv", "--center", cs]);
    assert!(!text(&o).contains("checked again"), "{}", text(&o));
    // The genuine record, filed again, is a result once more.
    let o = praxis(&[
        "center",
        "ingest",
        genuine.to_str().unwrap(),
        "--center",
        cs,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let _ = other;
}

#[test]
fn a_cmi5_launch_never_sends_its_token_to_another_host() {
    let q = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    let launch = format!(
        "http://127.0.0.1:1/au?endpoint={}&fetch={}&actor={}&registration=3f2b8c1e-5d4a-4f7e-9b6c-2a1d0e9f8c7b&activityId={}",
        q("http://127.0.0.1:2/xapi/"),
        q("http://127.0.0.1:1/fetch"),
        q(r#"{"objectType":"Agent","account":{"homePage":"https://lms.example.org","name":"u1"}}"#),
        q("https://lms.example.org/au/1")
    );
    let o = praxis(&[
        "simulate",
        "hand-hygiene",
        "tests/playthroughs/hand-hygiene/perfect.events",
        "--cmi5",
        &launch,
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("same origin"), "{}", text(&o));
}

#[test]
fn another_spelling_of_a_filed_record_is_the_same_record_not_a_conflict() {
    // CRLF line endings, a blank line at the end, spacing in the footer line: the same signed
    // record. A copy made that way must not pull the filed result out as a conflict.
    let dir = temp_dir("spelling");
    let rec = record(&dir, "perfect", "nurse-s", "s.jsonl");
    let text_rec = std::fs::read_to_string(&rec).unwrap();
    let crlf = dir.join("crlf.jsonl");
    std::fs::write(&crlf, text_rec.replace('\n', "\r\n")).unwrap();
    let blank = dir.join("blank.jsonl");
    std::fs::write(&blank, format!("{text_rec}\n")).unwrap();
    let spaced = dir.join("spaced.jsonl");
    std::fs::write(&spaced, text_rec.replacen("\"hints\":0", "\"hints\": 0", 1)).unwrap();
    let c = center(&dir);
    let cs = c.to_str().unwrap();
    let o = praxis(&["center", "ingest", rec.to_str().unwrap(), "--center", cs]);
    assert!(o.status.success(), "{}", text(&o));
    for copy in [&crlf, &blank, &spaced] {
        let o = praxis(&["verify", copy.to_str().unwrap(), "--trust", &station_key()]);
        assert!(o.status.success(), "{}", text(&o));
        let o = praxis(&[
            "center",
            "ingest",
            copy.to_str().unwrap(),
            "--center",
            cs,
            "-v",
        ]);
        assert!(o.status.success(), "{}", text(&o));
        assert!(text(&o).contains("already filed"), "{}", text(&o));
    }
    assert!(csv_rows(&c).contains("nurse-s"));
}
