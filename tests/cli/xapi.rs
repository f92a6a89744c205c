//! `praxis export xapi`: statements that a strict validator accepts, with stable ids.

use super::center::record;
use super::{praxis, root, temp_dir, text};
use std::process::Command;

fn statements(args: &[&str]) -> Vec<serde_json::Value> {
    let o = praxis(args);
    assert!(o.status.success(), "{}", text(&o));
    serde_json::from_slice(&o.stdout).expect("a JSON array on standard output")
}

#[test]
fn exported_statements_pass_learning_lockers_validator_and_never_duplicate() {
    let dir = temp_dir("xapi");
    let mut files = Vec::new();
    for (i, events) in [
        "perfect",
        "missed-thumbs",
        "dried-with-towel",
        "wrong-moment",
    ]
    .iter()
    .enumerate()
    {
        let f = record(&dir, events, "nurse-x", &format!("{i}.jsonl"));
        files.push(f.to_str().unwrap().to_string());
    }
    let mut args = vec!["export", "xapi", "--actions"];
    args.extend(files.iter().map(String::as_str));
    let all = statements(&args);
    let path = dir.join("statements.json");
    std::fs::write(&path, serde_json::to_vec(&all).unwrap()).unwrap();

    let validator = root().join("tools/xapi-validator");
    assert!(
        validator
            .join("node_modules/@learninglocker/xapi-validation")
            .is_dir(),
        "the xAPI validator is not installed: run tools/setup.sh"
    );
    let out = Command::new("node")
        .arg(validator.join("validate.mjs"))
        .arg(&path)
        .output()
        .expect("node runs");
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains(&format!("{} statements, 0 problems", all.len())),
        "{}",
        text(&out)
    );

    // Ids are distinct, and the same on a second export.
    let ids: std::collections::BTreeSet<&str> =
        all.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), all.len());
    let again = statements(&args);
    assert_eq!(again, all);

    // One result per session, passed for the perfect run, failed for the others; every
    // statement names its session and scenario version.
    let results: Vec<&serde_json::Value> = all
        .iter()
        .filter(|s| {
            s["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/simulation"
                && s["verb"]["id"] != "http://adlnet.gov/expapi/verbs/interacted"
        })
        .collect();
    assert_eq!(results.len(), 4);
    assert_eq!(
        results[0]["verb"]["id"],
        "http://adlnet.gov/expapi/verbs/passed"
    );
    assert_eq!(results[0]["result"]["success"], true);
    assert_eq!(
        results[1]["verb"]["id"],
        "http://adlnet.gov/expapi/verbs/failed"
    );
    for s in &all {
        let ext = &s["context"]["extensions"];
        assert!(
            ext["https://w3id.org/praxis/xapi/extensions/scenario"]["sha256"].is_string(),
            "{s}"
        );
        assert_eq!(
            ext["https://w3id.org/praxis/xapi/extensions/session"],
            s["context"]["registration"]
        );
    }
    // Errors are there, with their severity.
    assert!(
        all.iter().any(|s| {
            s["object"]["id"]
                .as_str()
                .is_some_and(|id| id.ends_with("/errors/dried-with-towel"))
        }),
        "no error statement"
    );
    // Without --actions: no `interacted` statements.
    let lean = statements(&["export", "xapi", &files[0]]);
    assert!(lean.len() < all.len());
    assert!(
        lean.iter()
            .all(|s| s["verb"]["id"] != "http://adlnet.gov/expapi/verbs/interacted")
    );

    // The published profile defines every extension the statements use, and names every verb.
    let profile: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("docs/xapi-profile.jsonld")).unwrap(),
    )
    .unwrap();
    let concepts: std::collections::BTreeSet<&str> = profile["concepts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    let profile_text = profile.to_string();
    for s in &all {
        for place in [&s["context"]["extensions"], &s["result"]["extensions"]] {
            for key in place.as_object().into_iter().flat_map(|m| m.keys()) {
                assert!(
                    concepts.contains(key.as_str()),
                    "{key} is not in the profile"
                );
            }
        }
        let verb = s["verb"]["id"].as_str().unwrap();
        assert!(profile_text.contains(verb), "{verb} is not in the profile");
        let kind = s["object"]["definition"]["type"].as_str().unwrap();
        assert!(profile_text.contains(kind), "{kind} is not in the profile");
    }

    // A tampered record is not exported.
    let tampered = std::fs::read_to_string(&files[0])
        .unwrap()
        .replacen("\"raw\":", "\"raw\":1", 1);
    let bad = dir.join("bad.jsonl");
    std::fs::write(&bad, tampered).unwrap();
    let o = praxis(&["export", "xapi", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("not exported: tampered"), "{}", text(&o));
}
