//! Session records: every change to a record is caught with a clear reason, and a record cut
//! short still reads, marked incomplete.

use crate::support;
use praxis::record::{self, Header, Integrity};
use std::sync::Arc;

fn perfect_record(id: &str) -> (Arc<praxis::scenario::Scenario>, Vec<u8>) {
    let scenario = support::scenario(id);
    let log = support::event_log(
        &support::root()
            .join("tests/playthroughs")
            .join(id)
            .join("perfect.events"),
        &scenario,
    );
    let header = Header::new(
        &scenario,
        &log.config,
        uuid::Uuid::nil(),
        "2026-11-22T09:30:00Z",
        "station-1",
        "learner-42",
    );
    let (_, bytes) = record::record_session(
        scenario.clone(),
        &header,
        &log.actions,
        Vec::new(),
        &mut Vec::new(),
    )
    .unwrap();
    (scenario, bytes)
}

fn lines(bytes: &[u8]) -> Vec<String> {
    String::from_utf8(bytes.to_vec())
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

fn join(lines: &[String]) -> Vec<u8> {
    let mut s = lines.join("\n");
    s.push('\n');
    s.into_bytes()
}

#[test]
fn an_untouched_record_is_complete_and_matches() {
    let (scenario, bytes) = perfect_record("hand-hygiene");
    let rec = record::read(&bytes).unwrap();
    assert_eq!(rec.integrity, Integrity::Complete);
    assert_eq!(rec.header.learner, "learner-42");
    assert_eq!(rec.header.scenario.sha256, scenario.hash());
    let footer = rec.footer.as_ref().unwrap();
    assert!(footer.outcome.passed);
    assert!(footer.signature.is_none(), "room for a signature, none yet");
    assert!(record::replay(&rec, scenario).matches(&rec));
}

#[test]
fn an_edited_score_is_caught() {
    let (scenario, bytes) = perfect_record("hand-hygiene");
    let mut l = lines(&bytes);
    let last = l.len() - 1;
    // Lower the footer's score: the chain still holds (nothing follows the footer) but
    // re-scoring disagrees.
    l[last] = l[last].replacen("\"scaled\":1.0", "\"scaled\":0.5", 1);
    assert!(l[last].contains("\"scaled\":0.5"));
    let rec = record::read(&join(&l)).unwrap();
    let replay = record::replay(&rec, scenario);
    assert!(!replay.matches(&rec));
    assert!(
        replay
            .differences
            .iter()
            .any(|d| d.starts_with("/score/scaled")),
        "{:?}",
        replay.differences
    );
}

#[test]
fn an_edited_event_breaks_the_chain_at_the_next_line() {
    let (_, bytes) = perfect_record("hand-hygiene");
    let mut l = lines(&bytes);
    // The line of the first backs-of-hands movement (its event is the line's index, the header
    // being line 1): claim it was the thumbs.
    let i = l
        .iter()
        .position(|x| x.contains("\"backs-of-hands\""))
        .expect("a backs-of-hands movement");
    let edited = l[i].replace("backs-of-hands", "thumbs");
    assert_ne!(edited, l[i]);
    l[i] = edited;
    let rec = record::read(&join(&l)).unwrap();
    assert!(
        matches!(rec.integrity, Integrity::Tampered { line, .. } if line == i + 2),
        "{:?}",
        rec.integrity
    );
    assert_eq!(
        rec.events.len(),
        i,
        "events up to the edited one are still read"
    );
}

#[test]
fn a_removed_event_is_caught() {
    let (_, bytes) = perfect_record("hand-hygiene");
    let mut l = lines(&bytes);
    l.remove(4);
    let rec = record::read(&join(&l)).unwrap();
    match rec.integrity {
        Integrity::Tampered { line, reason } => {
            assert_eq!(line, 5);
            assert!(
                reason.contains("removed, inserted or reordered"),
                "{reason}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_added_event_is_caught() {
    let (_, bytes) = perfect_record("hand-hygiene");
    let mut l = lines(&bytes);
    let copy = l[3].clone();
    l.insert(4, copy);
    let rec = record::read(&join(&l)).unwrap();
    assert!(
        matches!(rec.integrity, Integrity::Tampered { line: 5, .. }),
        "{:?}",
        rec.integrity
    );
}

#[test]
fn reordered_events_are_caught() {
    let (_, bytes) = perfect_record("hand-hygiene");
    let mut l = lines(&bytes);
    l.swap(3, 4);
    let rec = record::read(&join(&l)).unwrap();
    assert!(
        matches!(rec.integrity, Integrity::Tampered { line: 4, .. }),
        "{:?}",
        rec.integrity
    );
}

#[test]
fn a_changed_header_is_caught() {
    let (_, bytes) = perfect_record("hand-hygiene");
    let mut l = lines(&bytes);
    l[0] = l[0].replace("learner-42", "learner-43");
    let rec = record::read(&join(&l)).unwrap();
    assert!(
        matches!(rec.integrity, Integrity::Tampered { line: 2, .. }),
        "{:?}",
        rec.integrity
    );
}

#[test]
fn a_changed_scenario_is_caught() {
    let (_, bytes) = perfect_record("hand-hygiene");
    let rec = record::read(&bytes).unwrap();
    let path = support::root().join("scenarios/hand-hygiene.ron");
    let text = std::fs::read_to_string(path)
        .unwrap()
        .replace("pass_mark: 0.8", "pass_mark: 0.9");
    let changed =
        Arc::new(praxis::scenario::Scenario::from_ron_str("hand-hygiene.ron", &text).unwrap());
    let replay = record::replay(&rec, changed);
    assert!(!replay.scenario_matches);
    assert!(!replay.matches(&rec));
}

#[test]
fn a_record_cut_short_reads_as_incomplete() {
    let (scenario, bytes) = perfect_record("cleanroom-gowning");
    // Cut in the middle of an event line, as a crash while writing would.
    let cut = bytes.len() / 2;
    let rec = record::read(&bytes[..cut]).unwrap();
    match &rec.integrity {
        Integrity::Incomplete { reason } => assert!(reason.contains("cut short"), "{reason}"),
        other => panic!("{other:?}"),
    }
    assert!(rec.footer.is_none());
    assert!(!rec.events.is_empty());
    // What was read still re-scores (as a session so far).
    let replay = record::replay(&rec, scenario);
    assert!(!replay.outcome.finished);
    // Cut exactly after a line: incomplete for lack of a footer.
    let l = lines(&bytes);
    let rec = record::read(&join(&l[..l.len() - 1])).unwrap();
    assert!(matches!(rec.integrity, Integrity::Incomplete { .. }));
}

#[test]
fn data_after_the_footer_is_caught() {
    let (_, bytes) = perfect_record("hand-hygiene");
    let mut l = lines(&bytes);
    l.push(l[1].clone());
    let rec = record::read(&join(&l)).unwrap();
    assert!(matches!(rec.integrity, Integrity::Tampered { .. }));
}

#[test]
fn garbage_is_not_a_record() {
    assert!(record::read(b"").is_err());
    assert!(record::read(b"hello\n").is_err());
    assert!(record::read(b"{\"record\":\"something-else\"}\n").is_err());
}

#[test]
fn pseudonyms_and_times_are_checked() {
    assert!(record::check_pseudonym("learner", "L-0042").is_ok());
    assert!(record::check_pseudonym("learner", "jane.doe@hospital.org").is_err());
    assert!(record::check_pseudonym("learner", "Jane Doe").is_err());
    assert!(record::check_rfc3339_utc("2026-11-22T09:30:00Z").is_ok());
    assert!(record::check_rfc3339_utc("2026-11-22T09:30:00+01:00").is_err());
    assert!(record::check_rfc3339_utc("yesterday").is_err());
}

/// The perfect hand-hygiene run, signed by a fixed station key.
fn signed_record() -> (Arc<praxis::scenario::Scenario>, Vec<u8>) {
    let (scenario, bytes) = perfect_record("hand-hygiene");
    let rec = record::read(&bytes).unwrap();
    let key = record::sign::StationKey::from_secret(&[7; 32]);
    let mut w = record::RecordWriter::create(Vec::new(), &rec.header).unwrap();
    for a in &rec.events {
        w.append(a).unwrap();
    }
    let out = w
        .finish_signed(&rec.footer.unwrap().outcome, Some(&key))
        .unwrap();
    (scenario, out)
}

/// Puts the right `prev` on every line after the header again, as a forger who edited a line
/// would; the footer's own `prev` is left as signed.
fn rechain(l: &mut [String]) -> String {
    let mut prev = record::sha256_hex(l[0].as_bytes());
    for line in l.iter_mut().skip(1) {
        let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
        if v.get("footer").is_some() {
            break;
        }
        v["prev"] = prev.clone().into();
        *line = serde_json::to_string(&v).unwrap();
        prev = record::sha256_hex(line.as_bytes());
    }
    prev
}

fn signature_of(bytes: &[u8]) -> record::sign::SignatureStatus {
    record::sign::check(&record::read(bytes).unwrap())
}

#[test]
fn a_signed_record_verifies_and_its_footer_digest_is_what_was_signed() {
    let (scenario, bytes) = signed_record();
    let rec = record::read(&bytes).unwrap();
    assert_eq!(rec.integrity, Integrity::Complete);
    assert!(matches!(
        record::sign::check(&rec),
        record::sign::SignatureStatus::Valid { .. }
    ));
    assert!(record::replay(&rec, scenario).matches(&rec));
}

#[test]
fn a_rechained_edit_under_an_unsigned_prev_beside_the_footer_is_caught() {
    // The probe's F1: change an event, re-chain every line after it, and give the footer line
    // a top-level `prev` holding the new last hash, leaving the signed footer untouched.
    let (_, bytes) = signed_record();
    let mut l = lines(&bytes);
    l[2] = l[2].replace("right-hand", "left-hand");
    let last_hash = rechain(&mut l);
    let n = l.len() - 1;
    let mut footer: serde_json::Value = serde_json::from_str(&l[n]).unwrap();
    footer["prev"] = last_hash.into();
    l[n] = serde_json::to_string(&footer).unwrap();
    let rec = record::read(&join(&l)).unwrap();
    match &rec.integrity {
        Integrity::Tampered { line, reason } => {
            assert_eq!(*line, n + 1);
            assert!(reason.contains("beside the footer"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    // Without the extra field, the signed footer's own `prev` no longer matches the chain.
    l[n] = lines(&bytes)[n].clone();
    let rec = record::read(&join(&l)).unwrap();
    match &rec.integrity {
        Integrity::Tampered { line, reason } => {
            assert_eq!(*line, n + 1);
            assert!(reason.contains("footer's `prev`"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn any_field_added_to_the_signed_footer_breaks_the_signature() {
    use record::sign::SignatureStatus;
    let (_, bytes) = signed_record();
    let l = lines(&bytes);
    let n = l.len() - 1;
    let edit = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut l = l.clone();
        let mut v: serde_json::Value = serde_json::from_str(&l[n]).unwrap();
        f(&mut v);
        l[n] = serde_json::to_string(&v).unwrap();
        join(&l)
    };
    // The probe's F2: text the signature does not cover, beside the footer's fields…
    let b = edit(&|v| v["footer"]["comment"] = "certified by X".into());
    assert_eq!(record::read(&b).unwrap().integrity, Integrity::Complete);
    assert!(
        matches!(signature_of(&b), SignatureStatus::Invalid { ref reason } if reason.contains("changed after it was signed")),
        "{:?}",
        signature_of(&b)
    );
    // …inside the outcome…
    let b = edit(&|v| v["footer"]["outcome"]["note"] = "excellent".into());
    assert!(matches!(signature_of(&b), SignatureStatus::Invalid { .. }));
    // …or inside the signature itself.
    let b = edit(&|v| v["footer"]["signature"]["comment"] = "certified".into());
    match signature_of(&b) {
        SignatureStatus::Invalid { reason } => assert!(reason.contains("`comment`"), "{reason}"),
        other => panic!("{other:?}"),
    }
    // A field removed.
    let b = edit(&|v| {
        v["footer"]["outcome"]
            .as_object_mut()
            .unwrap()
            .remove("hints");
    });
    assert!(!matches!(signature_of(&b), SignatureStatus::Valid { .. }));
    // Spacing and the spelling of a number are not what the footer says: they still verify.
    let spaced = l[n].replacen("\"hints\":0", "\"hints\" : 0", 1);
    assert_ne!(spaced, l[n]);
    let mut l2 = l.clone();
    l2[n] = spaced;
    assert!(matches!(
        signature_of(&join(&l2)),
        SignatureStatus::Valid { .. }
    ));
}

#[test]
fn a_key_written_twice_is_refused_on_any_line() {
    let (_, bytes) = signed_record();
    let l = lines(&bytes);
    let n = l.len() - 1;
    // The footer's outcome twice: a reader keeping the first would see another score.
    let mut l2 = l.clone();
    l2[n] = l[n].replacen(
        "{\"footer\":{",
        "{\"footer\":{\"outcome\":{\"passed\":false},",
        1,
    );
    let rec = record::read(&join(&l2)).unwrap();
    match &rec.integrity {
        Integrity::Tampered { line, reason } => {
            assert_eq!(*line, n + 1);
            assert!(reason.contains("written twice"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    // In the header, it is not a record at all.
    let mut l3 = l.clone();
    l3[0] = l[0].replacen("{", "{\"learner\":\"someone-else\",", 1);
    assert!(record::read(&join(&l3)).is_err());
}

#[test]
fn an_honest_record_with_a_number_json_cannot_hold_still_verifies() {
    // An outcome holding an infinite value is written as `null`; what is signed is the footer
    // as written, so the record still verifies (the probe's F3 read it as tampered).
    let (_, bytes) = perfect_record("hand-hygiene");
    let rec = record::read(&bytes).unwrap();
    let mut outcome = rec.footer.unwrap().outcome;
    outcome.metrics[0].value = Some(f64::INFINITY);
    let key = record::sign::StationKey::from_secret(&[9; 32]);
    let mut w = record::RecordWriter::create(Vec::new(), &rec.header).unwrap();
    for a in &rec.events {
        w.append(a).unwrap();
    }
    let out = w.finish_signed(&outcome, Some(&key)).unwrap();
    assert!(String::from_utf8_lossy(&out).contains("\"value\":null"));
    assert!(matches!(
        signature_of(&out),
        record::sign::SignatureStatus::Valid { .. }
    ));
}
