//! `praxis run --cmi5 URL`: the window app launched by an LMS (the stand-in of
//! `tests/support/lms.rs`, in front of Ralph) sends `initialized` once the learner can act, the
//! judged statements and `terminated` when the session ends (the rendering tour ends it), and
//! says so in the debrief; quitting before the end sends `terminated` as the app closes.

use super::lms::{ACTIVITY, Ralph, StandIn, lms_config, time_of, verb};
use serde_json::Value;
use std::process::Command;

/// The statements about the launched AU, in time order.
fn on_the_au(ralph: &Ralph) -> Vec<Value> {
    let mut mine: Vec<Value> = ralph
        .statements()
        .into_iter()
        .filter(|s| s["object"]["id"] == ACTIVITY)
        .collect();
    mine.sort_by_key(|s| time_of(&s["timestamp"]));
    mine
}

#[test]
fn the_app_launched_by_an_lms_reports_its_session() {
    let dir = std::env::temp_dir().join(format!("praxis-run-cmi5-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let home = dir.join("home");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::write(
        home.join(".asoundrc"),
        "pcm.!default { type null }\nctl.!default { type hw card 0 }\n",
    )
    .unwrap();
    let ralph = Ralph::start(&dir.join("ralph"));
    let registration = "5b1f8a3e-7c2d-4e9f-a6b0-1d2e3f4a5b6c";
    let config = lms_config(registration, "Normal", 0.9);
    let lms = StandIn::start(&dir, &ralph, &config);
    let url = lms.launch_url(&config, "run-1");
    let run = |url: &str, how: &str, out: &str| {
        Command::new("xvfb-run")
            .args(["-a", "-s", "-screen 0 1280x720x24"])
            .arg(env!("CARGO_BIN_EXE_praxis"))
            .args(["run", "--cmi5", url, how])
            .arg(dir.join(out))
            .env("HOME", &home)
            .env("PRAXIS_CONFIG_DIR", dir.join("config"))
            .env("PRAXIS_DATA_DIR", dir.join("data"))
            .env("PRAXIS_SCENARIOS", super::root().join("scenarios"))
            .env("WGPU_BACKEND", "vulkan")
            .output()
            .expect("xvfb-run starts")
    };
    let text = |o: &std::process::Output| {
        format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    };
    // Quit before the end (a screenshot, then exit): initialized, then terminated at exit.
    let o = run(&url, "--screenshot", "shot.png");
    let out = text(&o);
    assert!(o.status.success(), "{out}");
    assert!(out.contains("cmi5: sent initialized"), "{out}");
    assert!(out.contains("sent terminated"), "{out}");
    assert!(dir.join("shot.png").is_file());

    let mine = on_the_au(&ralph);
    let verbs: Vec<&str> = mine.iter().map(verb).collect();
    assert_eq!(verbs, ["initialized", "terminated"]);
    for s in &mine {
        assert_eq!(s["actor"], config["actor"]);
        assert_eq!(s["context"]["registration"], registration);
    }
    assert!(mine[1]["result"]["duration"].is_string());
    // The LMS's choices are not remembered as the user's settings.
    let settings = std::fs::read_to_string(dir.join("config/settings.ron")).unwrap_or_default();
    assert!(!settings.contains("cmi5-"), "{settings}");

    // The link is one-time: a second launch is refused before a window opens.
    let o = run(&url, "--screenshot", "again.png");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("used already"));

    // A new launch (new cmi5 session) played to the debrief: judged, then terminated.
    let mut second = config.clone();
    second["launchData"]["contextTemplate"]["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/sessionid"] =
        "run-2".into();
    lms.set(&second);
    let o = run(&lms.launch_url(&second, "run-2"), "--tour", "tour");
    let out = text(&o);
    assert!(o.status.success(), "{out}");
    assert!(out.contains("cmi5-allowed statements"), "{out}");
    assert!(dir.join("tour/debrief.png").is_file());
    let mine = on_the_au(&ralph);
    // The second launch's statements, by its cmi5 session id (its `initialized` may share a
    // second with the first launch's `terminated`, so time order cannot tell them apart).
    let verbs: Vec<&str> = mine
        .iter()
        .filter(|s| {
            s["context"]["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/sessionid"]
                == "run-2"
        })
        .map(verb)
        .collect();
    assert_eq!(verbs.first(), Some(&"initialized"), "{verbs:?}");
    assert_eq!(verbs.last(), Some(&"terminated"), "{verbs:?}");
    assert!(
        verbs.contains(&"passed") || verbs.contains(&"failed"),
        "{verbs:?}"
    );
}
