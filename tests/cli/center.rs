//! A training center's database: ingest, the scenario versions it keeps, learners' rights.

use super::{praxis, temp_dir, text};
use std::path::{Path, PathBuf};

/// Plays an event log of hand-hygiene into a signed record for `learner`.
pub(crate) fn record(dir: &Path, events: &str, learner: &str, name: &str) -> PathBuf {
    let rec = dir.join(name);
    let o = praxis(&[
        "simulate",
        "hand-hygiene",
        &format!("tests/playthroughs/hand-hygiene/{events}.events"),
        "--record",
        rec.to_str().unwrap(),
        "--learner",
        learner,
        "-q",
    ]);
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", text(&o));
    rec
}

fn station_key() -> String {
    String::from_utf8_lossy(&praxis(&["station", "key"]).stdout)
        .trim()
        .to_string()
}

#[test]
fn ingest_files_each_session_once_and_refuses_what_it_cannot_trust() {
    let dir = temp_dir("ingest");
    let recs = dir.join("records");
    std::fs::create_dir_all(recs.join("ward")).unwrap();
    let center = dir.join("center");
    let c = center.to_str().unwrap();
    let r = recs.to_str().unwrap();
    record(&recs, "perfect", "nurse-a", "a1.jsonl");
    record(&recs.join("ward"), "perfect", "nurse-b", "b1.jsonl");
    let full = record(&dir, "perfect", "nurse-b", "b2-full.jsonl");
    // A session still running (or cut short): the header and two events, no footer.
    let text_full = std::fs::read_to_string(&full).unwrap();
    let partial: String = text_full
        .lines()
        .take(3)
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(recs.join("b2-partial.jsonl"), partial).unwrap();
    // A record whose score was edited.
    let tampered = std::fs::read_to_string(recs.join("a1.jsonl"))
        .unwrap()
        .replacen("\"passed\":true", "\"passed\":false", 1);
    std::fs::write(recs.join("a1-tampered.jsonl"), tampered).unwrap();

    // No station enrolled: every signed record is refused; the unsigned incomplete one is
    // held as incomplete (nothing in it is signed yet), never a result.
    let o = praxis(&["center", "ingest", r, "--center", c]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("unknown station"), "{}", text(&o));
    assert!(
        text(&o).contains("0 filed, 1 held as incomplete"),
        "{}",
        text(&o)
    );

    let o = praxis(&["center", "enroll", "ward-1", &station_key(), "--center", c]);
    assert!(o.status.success(), "{}", text(&o));
    let o = praxis(&["center", "ingest", r, "--center", c]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let out = text(&o);
    assert!(
        out.contains("a1-tampered.jsonl: refused: tampered"),
        "{out}"
    );
    assert!(
        out.contains("2 filed, 0 held as incomplete, 0 held as conflicts, 1 already filed"),
        "{out}"
    );

    // Again: nothing is filed twice; the finished copy completes the incomplete one.
    std::fs::remove_file(recs.join("a1-tampered.jsonl")).unwrap();
    std::fs::copy(&full, recs.join("b2-full.jsonl")).unwrap();
    let o = praxis(&["center", "ingest", r, "--center", c, "-v"]);
    assert!(o.status.success(), "{}", text(&o));
    let out = text(&o);
    assert!(
        out.contains("b2-full.jsonl: filed (replaces the copies"),
        "{out}"
    );
    assert!(out.contains("a1.jsonl: already filed"), "{out}");
    assert!(
        out.contains("1 filed, 0 held as incomplete, 0 held as conflicts, 3 already filed"),
        "{out}"
    );

    // The center keeps the scenario version, so records verify without the scenario folder.
    let o = praxis(&["center", "scenarios", "--center", c]);
    assert!(text(&o).starts_with("hand-hygiene\t"), "{}", text(&o));
    let empty = dir.join("no-scenarios");
    std::fs::create_dir_all(&empty).unwrap();
    let a1 = recs.join("a1.jsonl");
    let o = praxis(&[
        "verify",
        a1.to_str().unwrap(),
        "--center",
        c,
        "--scenarios",
        empty.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let o = praxis(&["center", "ingest", "no/such/folder", "--center", c]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
}

#[test]
fn a_forgotten_learner_is_erased_for_good_and_can_ask_for_their_data() {
    let dir = temp_dir("forget");
    let recs = dir.join("records");
    std::fs::create_dir_all(&recs).unwrap();
    let center = dir.join("center");
    let c = center.to_str().unwrap();
    let r = recs.to_str().unwrap();
    record(&recs, "perfect", "learner-forget-me", "f1.jsonl");
    record(&recs, "rub-too-short", "learner-forget-me", "f2.jsonl");
    record(&recs, "perfect", "learner-stays", "s1.jsonl");
    praxis(&["center", "enroll", "ward-1", &station_key(), "--center", c]);
    let o = praxis(&["center", "ingest", r, "--center", c]);
    assert!(o.status.success(), "{}", text(&o));
    let o = praxis(&[
        "center",
        "cohort",
        "night-shift",
        "--add",
        "learner-forget-me",
        "learner-stays",
        "--center",
        c,
    ]);
    assert!(o.status.success(), "{}", text(&o));

    let o = praxis(&[
        "center",
        "export-learner",
        "learner-forget-me",
        "--center",
        c,
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let sessions = doc["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 2, "{doc}");
    assert_eq!(doc["cohorts"][0], "night-shift");
    let first = std::fs::read_to_string(recs.join("f1.jsonl")).unwrap();
    assert!(
        sessions
            .iter()
            .any(|s| s["record"].as_str() == Some(&first)),
        "the export gives back the record itself"
    );

    // Without --yes nothing is erased.
    let o = praxis(&["center", "forget", "learner-forget-me", "--center", c]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("2 sessions"), "{}", text(&o));
    let o = praxis(&[
        "center",
        "forget",
        "learner-forget-me",
        "--yes",
        "--center",
        c,
    ]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("erased 2 sessions"), "{}", text(&o));

    let o = praxis(&[
        "center",
        "export-learner",
        "learner-forget-me",
        "--center",
        c,
    ]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["sessions"].as_array().unwrap().len(), 0);
    assert_eq!(doc["cohorts"].as_array().unwrap().len(), 0);
    // Ingesting the station's folder again does not bring them back.
    let o = praxis(&["center", "ingest", r, "--center", c]);
    assert!(text(&o).contains("0 filed"), "{}", text(&o));
    assert!(text(&o).contains("2 not filed"), "{}", text(&o));
    // Nothing of the learner is left in the database file.
    for entry in std::fs::read_dir(&center).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(
            !bytes.windows(17).any(|w| w == b"learner-forget-me"),
            "the learner's id is still in the center's files"
        );
    }
    let o = praxis(&["center", "export-learner", "learner-stays", "--center", c]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["sessions"].as_array().unwrap().len(), 1);

    // Retention: a period is checked, set and shown; `off` clears it.
    let o = praxis(&["center", "retention", "3h", "--center", c]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let o = praxis(&["center", "retention", "soon", "--center", c]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let o = praxis(&["center", "retention", "2years", "--center", c]);
    assert!(o.status.success(), "{}", text(&o));
    let o = praxis(&["center", "retention", "--center", c]);
    assert!(text(&o).contains("kept for 2years"), "{}", text(&o));
}

#[test]
fn sessions_past_the_retention_period_are_erased() {
    let dir = temp_dir("retention");
    let recs = dir.join("records");
    std::fs::create_dir_all(&recs).unwrap();
    let center = dir.join("center");
    let c = center.to_str().unwrap();
    let old = recs.join("old.jsonl");
    let o = praxis(&[
        "simulate",
        "hand-hygiene",
        "tests/playthroughs/hand-hygiene/perfect.events",
        "--record",
        old.to_str().unwrap(),
        "--started-at",
        "2020-01-06T09:00:00Z",
        "-q",
    ]);
    assert!(o.status.success(), "{}", text(&o));
    record(&recs, "perfect", "recent", "new.jsonl");
    praxis(&["center", "enroll", "ward-1", &station_key(), "--center", c]);
    let o = praxis(&["center", "ingest", recs.to_str().unwrap(), "--center", c]);
    assert!(text(&o).contains("2 filed"), "{}", text(&o));
    let o = praxis(&["center", "retention", "365d", "--center", c]);
    assert!(text(&o).contains("1 older sessions erased"), "{}", text(&o));
    let o = praxis(&[
        "center",
        "ingest",
        recs.to_str().unwrap(),
        "--center",
        c,
        "-v",
    ]);
    assert!(
        text(&o).contains("old.jsonl: not filed: older than the retention period"),
        "{}",
        text(&o)
    );
}

#[test]
fn csv_has_a_row_per_session_and_per_step_attempt_and_a_french_spreadsheet_variant() {
    let dir = temp_dir("csv");
    let recs = dir.join("records");
    std::fs::create_dir_all(&recs).unwrap();
    let center = dir.join("center");
    let c = center.to_str().unwrap();
    record(&recs, "perfect", "nurse-a", "a.jsonl");
    record(&recs, "missed-thumbs", "nurse-b", "b.jsonl");
    praxis(&["center", "enroll", "ward-1", &station_key(), "--center", c]);
    let o = praxis(&["center", "ingest", recs.to_str().unwrap(), "--center", c]);
    assert!(o.status.success(), "{}", text(&o));

    let o = praxis(&["export", "csv", "--center", c]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        o.stdout.windows(2).any(|w| w == b"\r\n"),
        "RFC 4180 lines end in CRLF"
    );
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    let head = r.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let col = |name: &str| head.iter().position(|h| h == name).unwrap();
    let of = |learner: &str| rows.iter().find(|r| &r[col("learner")] == learner).unwrap();
    assert_eq!(&of("nurse-a")[col("passed")], "true");
    assert_eq!(&of("nurse-a")[col("score")], "1");
    assert_eq!(&of("nurse-b")[col("passed")], "false");

    let o = praxis(&[
        "export",
        "csv",
        "--steps",
        "--learner",
        "nurse-b",
        "--center",
        c,
    ]);
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    let head = r.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let step = head.iter().position(|h| h == "step").unwrap();
    let status = head.iter().position(|h| h == "status").unwrap();
    assert!(
        rows.iter()
            .any(|r| &r[step] == "thumbs-1" && &r[status] == "missed"),
        "{rows:?}"
    );
    assert!(rows.iter().all(|r| &r[1] == "nurse-b"));

    let o = praxis(&["export", "csv", "--excel-fr", "--center", c]);
    assert!(o.stdout.starts_with("\u{feff}session;learner;".as_bytes()));
    let text_fr = String::from_utf8(o.stdout.clone()).unwrap();
    assert!(text_fr.contains(";VRAI;"), "{text_fr}");
    assert!(text_fr.contains(";0,8;"), "decimal commas: {text_fr}");

    let o = praxis(&["export", "csv", "--since", "last tuesday", "--center", c]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let o = praxis(&[
        "export",
        "csv",
        "--center",
        dir.join("nowhere").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("no center database"), "{}", text(&o));
}

#[test]
fn a_report_draws_its_plots_and_embeds_them_in_english_and_french() {
    let dir = temp_dir("report");
    let recs = dir.join("records");
    std::fs::create_dir_all(&recs).unwrap();
    let center = dir.join("center");
    let c = center.to_str().unwrap();
    for (i, events) in ["missed-thumbs", "perfect", "perfect", "dried-with-towel"]
        .iter()
        .enumerate()
    {
        record(
            &recs,
            events,
            &format!("nurse-{}", i % 2),
            &format!("{i}.jsonl"),
        );
    }
    praxis(&["center", "enroll", "ward-1", &station_key(), "--center", c]);
    praxis(&["center", "ingest", recs.to_str().unwrap(), "--center", c]);
    for lang in ["en", "fr"] {
        let out = dir.join(format!("report-{lang}"));
        let o = praxis(&[
            "report",
            "--center",
            c,
            "--lang",
            lang,
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", text(&o));
        let html = std::fs::read_to_string(out.join("report.html")).unwrap();
        assert!(html.contains(&format!("<html lang=\"{lang}\">")));
        let pngs: Vec<_> = std::fs::read_dir(&out)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "png"))
            .collect();
        // Scores, pass rate, step errors and times, progress, critical errors.
        assert_eq!(pngs.len(), 6, "{pngs:?}");
        assert_eq!(html.matches("src=\"data:image/png;base64,").count(), 6);
        for p in &pngs {
            let decoder =
                png::Decoder::new(std::io::BufReader::new(std::fs::File::open(p).unwrap()));
            let info = decoder.read_info().unwrap();
            assert!(info.info().width >= 1000, "{}", p.display());
        }
        let (pass, thumbs) = if lang == "fr" {
            ("Taux de réussite", "Chaque pouce, friction en rotation")
        } else {
            ("Pass rate", "Each thumb")
        };
        assert!(html.contains(pass), "{html}");
        assert!(html.contains(thumbs), "step titles come from the scenario");
        assert!(
            !html.contains("nurse-0"),
            "no learner list in a cohort report"
        );
    }
    // One learner: their sessions are listed.
    let out = dir.join("report-learner");
    let o = praxis(&[
        "report",
        "--center",
        c,
        "--learner",
        "nurse-0",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("Learner nurse-0"), "{html}");
    assert_eq!(html.matches("<td>passed</td>").count(), 1);
    // A report already there is not replaced without --force.
    let o = praxis(&[
        "report",
        "--center",
        c,
        "--learner",
        "nurse-0",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("--force"), "{}", text(&o));
    // Nothing matches: a clear error.
    let o = praxis(&[
        "report",
        "--center",
        c,
        "--scenario",
        "nope",
        "-o",
        dir.join("report-none").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("no session matches"), "{}", text(&o));
}
