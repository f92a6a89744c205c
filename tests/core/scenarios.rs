//! Every file in `scenarios/` validates clean, names its sources and domain reference, and has a
//! canonical hash that layout and comments do not change.

use crate::support;
use praxis::scenario::Scenario;

#[test]
fn every_scenario_validates_without_warnings() {
    let files = support::files(&support::root().join("scenarios"), "ron");
    assert!(files.len() >= 2);
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let report = Scenario::check(
            &path.display().to_string(),
            &bytes,
            Some(&support::asset_exists),
        );
        assert!(report.diagnostics.is_empty(), "{}", report.render_short());
        let s = Scenario::from_bytes("x.ron", &bytes, None).unwrap();
        assert_eq!(path.file_stem().unwrap().to_str().unwrap(), s.id());
        assert!(!s.model.sources.is_empty() && s.model.domain_ref.ends_with(".md"));
    }
}

#[test]
fn the_hash_ignores_layout_and_comments_but_not_meaning() {
    let path = support::root().join("scenarios/hand-hygiene.ron");
    let text = std::fs::read_to_string(path).unwrap();
    let original = Scenario::from_ron_str("a.ron", &text).unwrap();
    // Remove whole-line comments and indentation, and add a comment.
    let relaid: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .map(|l| format!("{}\n", l.trim()))
        .collect::<String>()
        + "// a comment at the end\n";
    let reformatted = Scenario::from_ron_str("b.ron", &relaid).unwrap();
    assert_eq!(original.hash(), reformatted.hash());
    // The same range written differently is the same range.
    let respaced = text.replace("\"20..30 s\"", "\"20 .. 30 s\"");
    assert_ne!(respaced, text);
    assert_eq!(
        original.hash(),
        Scenario::from_ron_str("c.ron", &respaced).unwrap().hash()
    );
    // A change of meaning changes the hash.
    let changed = text.replace("pass_mark: 0.8", "pass_mark: 0.85");
    assert_ne!(
        original.hash(),
        Scenario::from_ron_str("d.ron", &changed).unwrap().hash()
    );
}

#[test]
fn the_canonical_form_is_rfc8785_json() {
    let s = support::scenario("hand-hygiene");
    let bytes = praxis::scenario::canonical_json(&s.model).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    // Keys sorted, no whitespace: re-serialising the sorted value gives the same bytes.
    assert_eq!(serde_json::to_vec(&value).unwrap(), bytes);
    assert!(!bytes.contains(&b'\n'));
}

#[test]
fn scored_items_never_rest_on_unverified_ones() {
    for id in support::scenario_ids() {
        let s = support::scenario(&id);
        for step in &s.index.steps {
            if step.unverified {
                assert_eq!(step.points, 0.0);
                assert!(!step.critical);
            }
        }
        for e in &s.index.errors {
            if s.model
                .errors
                .iter()
                .any(|m| m.id.as_str() == e.id && m.unverified.is_some())
            {
                assert_eq!(e.penalty, 0.0);
            }
        }
    }
}

/// Guided mode teaches why: every step has a hint in English and French (unverified steps, which
/// are only shown, aside).
#[test]
fn every_step_has_a_hint_in_both_languages() {
    for id in support::scenario_ids() {
        let s = support::scenario(&id);
        let mut missing = Vec::new();
        for i in 0..s.index.steps.len() {
            let sid = s.step_id(i as u32);
            let m = s.step_model(sid).expect("step in the model");
            if m.unverified.is_some() {
                continue;
            }
            match &m.hint {
                Some(h) if !h.get("en").is_empty() && !h.get("fr").is_empty() => {}
                _ => missing.push(sid.to_string()),
            }
        }
        assert!(
            missing.is_empty(),
            "{id}: steps without a hint: {missing:?}"
        );
    }
}
