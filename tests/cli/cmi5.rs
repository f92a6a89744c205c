//! cmi5: `praxis simulate --cmi5` as an assignable unit, launched by an LMS stand-in
//! (`tools/lrs/lms_standin.py`: fetch URL, `LMS.LaunchData`, learner preferences) in front of
//! Ralph, which stores the statements.

use super::lms::{ACTIVITY, PUBLISHER_ID, Ralph, StandIn, lms_config, time_of, verb};
use super::{praxis, root, temp_dir, text};
use serde_json::{Value, json};
use std::path::Path;
use std::process::{Command, Output};

/// Runs the launch page of `praxis export cmi5` as a browser would at `address` (with
/// `tools/cmi5/check-launch-page.mjs`) and returns the `praxis://` link it opens.
fn launch_page_link(dir: &Path, address: &str) -> String {
    let package = dir.join("package");
    let o = praxis(&[
        "export",
        "cmi5",
        "hand-hygiene",
        "-o",
        package.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let o = Command::new("node")
        .arg(root().join("tools/cmi5/check-launch-page.mjs"))
        .arg(package.join("launch.html"))
        .arg(address)
        .output()
        .expect("node runs");
    assert!(o.status.success(), "{}", text(&o));
    let page: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(page["navigated_to"], page["link"]);
    assert_eq!(
        page["command"].as_str().unwrap(),
        format!("praxis run --cmi5 '{address}'")
    );
    page["link"].as_str().unwrap().to_string()
}

fn simulate(url: &str, events: &str, record: Option<&Path>) -> Output {
    let mut args = vec![
        "simulate".to_string(),
        "hand-hygiene".into(),
        format!("tests/playthroughs/hand-hygiene/{events}.events"),
        "--cmi5".into(),
        url.into(),
    ];
    if let Some(r) = record {
        args.push("--record".into());
        args.push(r.to_str().unwrap().into());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    praxis(&args)
}

fn for_registration(ralph: &Ralph, registration: &str) -> Vec<Value> {
    let mut s: Vec<Value> = ralph
        .statements()
        .into_iter()
        .filter(|s| s["context"]["registration"] == registration)
        .collect();
    s.sort_by(|a, b| time_of(&a["timestamp"]).cmp(&time_of(&b["timestamp"])));
    s
}

fn categories(s: &Value) -> Vec<&str> {
    s["context"]["contextActivities"]["category"]
        .as_array()
        .map(|a| a.iter().map(|c| c["id"].as_str().unwrap()).collect())
        .unwrap_or_default()
}

#[test]
fn a_cmi5_launch_sends_what_an_assignable_unit_must_in_order() {
    let dir = temp_dir("cmi5");
    let ralph = Ralph::start(&dir.join("ralph"));
    let registration = "760e3480-ba55-4991-94b0-01820dbd23a2";
    let config = lms_config(registration, "Normal", 0.95);
    let lms = StandIn::start(&dir, &ralph, &config);
    let launch = lms.launch_url(&config, "k1");
    // The package's launch page, opened by the LMS at the launch URL, hands the app this link.
    let link = launch_page_link(&dir, &launch);
    assert!(link.starts_with("praxis://cmi5?url="), "{link}");
    let rec = dir.join("session.jsonl");
    let o = simulate(&link, "perfect", Some(&rec));
    assert!(o.status.success(), "{}", text(&o));
    // The learner prefers French: the trace is in French.
    assert!(
        text(&o).contains("Réussie") || text(&o).contains("réussi"),
        "{}",
        text(&o)
    );

    let all = for_registration(&ralph, registration);
    let verbs: Vec<&str> = all.iter().map(verb).collect();
    assert_eq!(verbs.first(), Some(&"initialized"), "{verbs:?}");
    assert_eq!(verbs.last(), Some(&"terminated"), "{verbs:?}");
    let on_au: Vec<&str> = all
        .iter()
        .filter(|s| s["object"]["id"] == ACTIVITY)
        .map(verb)
        .collect();
    assert_eq!(on_au, ["initialized", "completed", "passed", "terminated"]);
    assert!(
        all.len() > 4,
        "the steps and errors go as cmi5-allowed statements"
    );
    let session_ext = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
    for s in &all {
        // §9.2: the launch actor as given; §10.2.1: the context template kept.
        assert_eq!(s["actor"], config["actor"], "{s}");
        assert_eq!(
            s["context"]["extensions"][session_ext],
            config["launchData"]["contextTemplate"]["extensions"][session_ext]
        );
        assert_eq!(
            s["context"]["contextActivities"]["grouping"][0]["id"], PUBLISHER_ID,
            "{s}"
        );
        let defined = ["initialized", "completed", "passed", "failed", "terminated"]
            .contains(&verb(s))
            && s["object"]["id"] == ACTIVITY;
        let cats = categories(s);
        // §9.6.2.1: the cmi5 category on defined statements only.
        assert_eq!(
            cats.contains(&"https://w3id.org/xapi/cmi5/context/categories/cmi5"),
            defined,
            "{s}"
        );
        if defined {
            // §9.6.2.2: moveOn only with success or completion.
            let has =
                s["result"].get("success").is_some() || s["result"].get("completion").is_some();
            assert_eq!(
                cats.contains(&"https://w3id.org/xapi/cmi5/context/categories/moveon"),
                has,
                "{s}"
            );
            // §9.5.1: a score only on passed and failed.
            assert_eq!(
                s["result"].get("score").is_some(),
                ["passed", "failed"].contains(&verb(s)),
                "{s}"
            );
        }
    }
    let passed = all.iter().find(|s| verb(s) == "passed").unwrap();
    assert!(passed["result"]["score"]["scaled"].as_f64().unwrap() >= 0.95);
    assert_eq!(
        passed["context"]["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"],
        0.95
    );
    assert!(
        passed["result"]["duration"]
            .as_str()
            .unwrap()
            .starts_with("PT")
    );
    let terminated = all.last().unwrap();
    assert!(terminated["result"]["duration"].is_string());

    // The token was fetched once, with POST; a second use of the same link is refused by the
    // LMS, and Praxis says so.
    let fetches: Vec<Value> = lms
        .requests()
        .into_iter()
        .filter(|r| r["path"].as_str().unwrap().starts_with("/fetch/"))
        .collect();
    assert_eq!(fetches.len(), 1, "{fetches:?}");
    assert_eq!(fetches[0]["method"], "POST");
    let o = simulate(&link, "perfect", None);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("used already"), "{}", text(&o));

    // The record keeps a hash of the actor, not the actor, and the masteryScore as pass mark;
    // it verifies.
    let record = std::fs::read_to_string(&rec).unwrap();
    assert!(!record.contains("learner-7a"));
    let header: Value = serde_json::from_str(record.lines().next().unwrap()).unwrap();
    assert!(header["learner"].as_str().unwrap().starts_with("cmi5-"));
    assert_eq!(header["pass_mark"], 0.95);
    let o = praxis(&["verify", rec.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));

    // A second launch in the same registration: nothing judged twice (§9.3).
    let mut second = config.clone();
    second["launchData"]["contextTemplate"]["extensions"][session_ext] = json!("second-session");
    lms.set(&second);
    let o = simulate(&lms.launch_url(&second, "k2"), "perfect", None);
    assert!(o.status.success(), "{}", text(&o));
    let all = for_registration(&ralph, registration);
    let count = |v: &str| {
        all.iter()
            .filter(|s| verb(s) == v && s["object"]["id"] == ACTIVITY)
            .count()
    };
    assert_eq!(count("passed"), 1);
    assert_eq!(count("completed"), 1);
    assert_eq!(count("initialized"), 2);
    assert_eq!(count("terminated"), 2);
}

#[test]
fn the_mastery_score_judges_and_browse_mode_sends_no_judgement() {
    let dir = temp_dir("cmi5-mastery");
    let ralph = Ralph::start(&dir.join("ralph"));
    // A mastery score above what this run scores: failed, with its score below it (§9.3.5).
    let reg_a = "0f4bd0aa-8f0e-4a4e-9d4c-3b0a7a5d1c01";
    let config = lms_config(reg_a, "Normal", 0.95);
    let lms = StandIn::start(&dir, &ralph, &config);
    let o = simulate(
        &lms.launch_url(&config, "a"),
        "movements-in-another-order",
        None,
    );
    let all: Vec<Value> = for_registration(&ralph, reg_a)
        .into_iter()
        .filter(|s| s["object"]["id"] == ACTIVITY)
        .collect();
    let verbs: Vec<&str> = all.iter().map(verb).collect();
    let judged: Vec<&&str> = verbs
        .iter()
        .filter(|v| ["passed", "failed"].contains(v))
        .collect();
    assert_eq!(judged.len(), 1, "{verbs:?} {}", text(&o));
    let j = all
        .iter()
        .find(|s| ["passed", "failed"].contains(&verb(s)))
        .unwrap();
    if let Some(scaled) = j["result"]["score"]["scaled"].as_f64() {
        assert_eq!(verb(j) == "passed", scaled >= 0.95, "{j}");
    } else {
        assert_eq!(
            verb(j),
            "failed",
            "only a critical failure drops the score: {j}"
        );
    }

    // Browse: initialized and terminated, nothing judged (§10.2.2).
    let reg_b = "0f4bd0aa-8f0e-4a4e-9d4c-3b0a7a5d1c02";
    let config = lms_config(reg_b, "Browse", 0.8);
    lms.set(&config);
    let o = simulate(&lms.launch_url(&config, "b"), "perfect", None);
    assert!(o.status.success(), "{}", text(&o));
    let all = for_registration(&ralph, reg_b);
    let defined: Vec<&str> = all
        .iter()
        .filter(|s| s["object"]["id"] == ACTIVITY)
        .map(verb)
        .collect();
    assert_eq!(defined, ["initialized", "terminated"], "{defined:?}");

    // A launch URL without its parameters is refused with the reason.
    let o = praxis(&[
        "simulate",
        "hand-hygiene",
        "tests/playthroughs/hand-hygiene/perfect.events",
        "--cmi5",
        "https://lms.example.org/content/launch.html?scenario=hand-hygiene",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("no `endpoint` parameter"), "{}", text(&o));
}

#[test]
fn the_course_package_follows_the_cmi5_schema() {
    let dir = temp_dir("cmi5-package");
    let folder = dir.join("course");
    let o = praxis(&[
        "export",
        "cmi5",
        "hand-hygiene",
        "cleanroom-gowning",
        "-o",
        folder.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let xml = std::fs::read_to_string(folder.join("cmi5.xml")).unwrap();
    assert_eq!(xml.matches("<au ").count(), 2);
    assert!(xml.contains("masteryScore=\"0.8\""), "{xml}");
    assert!(
        xml.contains("<url>launch.html?scenario=hand-hygiene</url>"),
        "{xml}"
    );
    // The schema from AICC's repository, through xmllint.
    let check = Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(root().join("tools/cmi5/CourseStructure.xsd"))
        .arg(folder.join("cmi5.xml"))
        .output()
        .expect("xmllint runs (tools/setup.sh installs libxml2-utils)");
    assert!(check.status.success(), "{}", text(&check));
    let page = std::fs::read_to_string(folder.join("launch.html")).unwrap();
    assert!(page.contains("praxis://cmi5?url="));
    assert!(page.contains("praxis run --cmi5"));
    assert!(
        !page.contains("fetch("),
        "the launch page must not use the one-time fetch URL"
    );

    // As a ZIP, cmi5.xml at its root (§14.1).
    let zip_path = dir.join("course.zip");
    let o = praxis(&[
        "export",
        "cmi5",
        "hand-hygiene",
        "-o",
        zip_path.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).unwrap();
    let names: Vec<String> = (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().unwrap().to_string())
        .collect();
    assert_eq!(names, ["cmi5.xml", "launch.html"]);

    let o = praxis(&[
        "export",
        "cmi5",
        "no-such-scenario",
        "-o",
        zip_path.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
}
