//! `praxis run` refuses bad input before opening a window: a clear message and exit 2, or the
//! scenario's diagnostics and exit 1.

use std::process::Command;

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_praxis"))
        .arg("run")
        .args(args)
        .current_dir(super::root())
        .env(
            "PRAXIS_CONFIG_DIR",
            std::env::temp_dir().join(format!("praxis-cli-run-{}", std::process::id())),
        )
        .output()
        .expect("praxis runs");
    (
        out.status.code().unwrap_or(-1),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

#[test]
fn unknown_scenario_and_bad_options_exit_2_with_a_message() {
    let (code, text) = run(&["hand-hygene"]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("did you mean `hand-hygiene`"), "{text}");
    for (args, says) in [
        (&["hand-hygiene", "--lang", "de"][..], "--lang"),
        (&["hand-hygiene", "--mode", "exam"][..], "--mode"),
        (
            &["hand-hygiene", "--learner", "jane.doe@example.org"][..],
            "pseudonym",
        ),
        (&["hand-hygiene", "--size", "10x10"][..], "--size"),
        (
            &["hand-hygiene", "--render-scale", "3"][..],
            "--render-scale",
        ),
        (&["--screenshot", "x.png"][..], "need a scenario"),
    ] {
        let (code, text) = run(args);
        assert_eq!(code, 2, "{args:?}: {text}");
        assert!(text.contains(says), "{args:?}: {text}");
    }
}

#[test]
fn a_broken_scenario_is_reported_with_its_location_and_exits_1() {
    let dir = std::env::temp_dir().join(format!("praxis-run-broken-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("broken.ron");
    let text = std::fs::read_to_string(super::root().join("scenarios/hand-hygiene.ron")).unwrap();
    std::fs::write(
        &file,
        text.replace(
            "done_when: Use(\"abhr-dispenser\")",
            "done_when: Use(\"abhr-dispensor\")",
        ),
    )
    .unwrap();
    let (code, out) = run(&[file.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("broken.ron:") && out.contains("abhr-dispensor"),
        "{out}"
    );
    assert!(
        out.contains("abhr-dispenser"),
        "a suggestion is given: {out}"
    );
}

/// A scenario whose model file is missing from the assets it would load is refused before a
/// window opens, with the model's place in the file.
#[test]
fn a_scenario_with_a_missing_model_is_refused_and_exits_1() {
    let dir = std::env::temp_dir().join(format!("praxis-run-model-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("medication-administration.ron");
    let text =
        std::fs::read_to_string(super::root().join("scenarios/medication-administration.ron"))
            .unwrap();
    let edited = text.replacen("models/", "models/missing-", 1);
    assert_ne!(edited, text);
    std::fs::write(&file, edited).unwrap();
    let (code, out) = run(&[file.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("unknown_asset") && out.contains("models/missing-"),
        "{out}"
    );
}

/// A broken pose script is refused before a window opens, naming the file and the line.
#[test]
fn a_broken_pose_script_names_its_line_and_exits_2() {
    let dir = std::env::temp_dir().join(format!("praxis-run-poses-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (text, says) in [
        (
            "0.0 head 0 1.6 0 look 0 0 -1\n1.0 right 0 1 x 0 0\n",
            "line 2: a place is",
        ),
        (
            "0.0 right 0 1 0 2 0\n",
            "line 1: grip and trigger are numbers from 0 to 1",
        ),
        ("2.0 end\n1.0 end\n", "line 2: times go forward"),
        ("0.0 wave 1 2 3\n", "line 1: expected `head`"),
    ] {
        let file = dir.join("bad.poses");
        std::fs::write(&file, text).unwrap();
        let (code, out) = run(&[
            "cleanroom-gowning",
            "--xr",
            "--vr-script",
            &file.display().to_string(),
        ]);
        assert_eq!(code, 2, "{text}: {out}");
        assert!(
            out.contains("bad.poses") && out.contains(says),
            "{text}: {out}"
        );
    }
    let (code, out) = run(&["--vr-script", "tests/xr/store-phone.poses"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("needs a scenario"), "{out}");
}
