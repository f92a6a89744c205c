//! A scenario written from the docs alone, by someone who had never written one (capillary blood
//! glucose, a procedure the project does not ship): it stays valid, its critical map complete
//! against its own reference, its audit clean and every playthrough as its `@expect` lines say.
//! When the docs or the format change, this is the first-time author who notices.

use super::praxis;

const SCENARIO: &str = "tests/authoring/capillary-blood-glucose.ron";

fn ok(args: &[&str]) -> String {
    let out = praxis(args);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "praxis {}:\n{text}", args.join(" "));
    text
}

#[test]
fn the_scenario_written_from_the_docs_alone_validates_against_its_reference_and_audits_clean() {
    ok(&[
        "validate",
        "--deny-warnings",
        "--domain",
        "tests/authoring",
        SCENARIO,
    ]);
    let audit = ok(&[
        "audit",
        SCENARIO,
        "--domain",
        "tests/authoring",
        "--perfect",
        "tests/authoring/playthroughs/capillary-blood-glucose/perfect.events",
    ]);
    assert!(audit.contains("critical map: complete"), "{audit}");
    assert!(audit.contains("perfect run: passes, 100.0 %"), "{audit}");
}

#[test]
fn every_playthrough_of_the_scenario_written_from_the_docs_meets_its_expectations() {
    let dir = super::root().join("tests/authoring/playthroughs/capillary-blood-glucose");
    let mut logs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "events"))
        .collect();
    logs.sort();
    assert!(logs.len() >= 10, "{logs:?}");
    for log in logs {
        let log = log.to_str().unwrap();
        let out = ok(&["simulate", "--check", "-q", SCENARIO, log]);
        assert!(out.contains("expectations: all"), "{log}:\n{out}");
    }
}
