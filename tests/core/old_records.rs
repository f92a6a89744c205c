//! Records made before the judging rules changed keep their meaning: each record of the corpora in
//! `tests/fixtures/records-rules-1/` and `records-rules-2/` still verifies and re-scores, under
//! the rules it names, to exactly what it stores.

use crate::support;
use praxis::record::{self, Integrity, sign::SignatureStatus};
use praxis::scenario::Scenario;
use std::sync::Arc;

/// Each corpus: its folder, the rules its records name, its station's key, how many records.
const CORPORA: [(&str, u32, &str, usize); 2] = [
    (
        "records-rules-1",
        1,
        "3sw97VTvhgg+wPHDHw126XlmIfCBlhj3q+HNxgEB2/M=",
        20,
    ),
    (
        "records-rules-2",
        2,
        "FmFoAZLyzR1dAxyL/PlRiQOO02zCqdapoDKDUX/sgRo=",
        28,
    ),
];

fn corpus() -> std::path::PathBuf {
    support::root().join("tests/fixtures/records-rules-1")
}

fn kept_scenarios(corpus: &std::path::Path) -> Vec<Arc<Scenario>> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(corpus.join("scenarios")).unwrap() {
        let path = e.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        match Scenario::kept_version(&name, &bytes) {
            Ok(s) => out.push(Arc::new(s)),
            Err(r) => panic!("{name} no longer loads: {r:?}"),
        }
    }
    out
}

#[test]
fn every_record_from_before_the_rules_changed_verifies_and_rescores_byte_for_byte() {
    for (folder, rules, key, count) in CORPORA {
        let corpus = support::root().join("tests/fixtures").join(folder);
        let scenarios = kept_scenarios(&corpus);
        let mut checked = Vec::new();
        for e in std::fs::read_dir(corpus.join("records")).unwrap() {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let bytes = std::fs::read(&path).unwrap();
            let rec = record::read(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(rec.integrity, Integrity::Complete, "{name}");
            assert_eq!(
                rec.header.rules, rules,
                "{folder}/{name}: judged under rules {rules} (a header without `rules` is rules 1)"
            );
            assert_eq!(
                record::sign::check(&rec),
                SignatureStatus::Valid { key: key.into() },
                "{name}"
            );
            let scenario = scenarios
                .iter()
                .find(|s| s.hash() == rec.header.scenario.sha256)
                .unwrap_or_else(|| panic!("{name}: its scenario version is not in the corpus"));
            let replay = record::replay(&rec, scenario.clone());
            assert!(
                replay.matches(&rec),
                "{folder}/{name} re-scores differently: {:?}",
                replay.differences
            );
            checked.push(name);
        }
        assert_eq!(checked.len(), count, "{folder}: {checked:?}");
    }
}

#[test]
fn a_record_judged_under_rules_this_praxis_does_not_know_is_refused_with_the_reason() {
    let path = corpus().join("records/buffer-preparation-perfect.jsonl");
    let text = std::fs::read_to_string(path).unwrap();
    let newer = praxis::tracker::RULES + 1;
    let edited = text.replacen(
        "\"app_version\"",
        &format!("\"rules\":{newer},\"app_version\""),
        1,
    );
    let err = record::read(edited.as_bytes()).unwrap_err().to_string();
    assert!(err.contains(&format!("rules {newer}")), "{err}");
    assert!(err.contains("update Praxis"), "{err}");
}
