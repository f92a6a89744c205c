//! Against a real OpenXR runtime: Monado's simulated headset (Debian trixie's monado-service in
//! a trixie chroot, `tools/xr/monado.sh`). Praxis starts in XR mode against it, the session
//! must reach FOCUSED and render frames, and a pose script drives the VR hands (injected above
//! OpenXR: the simulated device has no controllers) through the gowning scenario's first step.
//! The signed record must hold the grab and the put-down in the locker that the hands made.
//! If Monado cannot start, this fails: it never skips.

use std::path::PathBuf;
use std::process::Command;

#[test]
fn an_xr_session_on_monado_reaches_focused_renders_and_records_a_scripted_step() {
    let root = super::root();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_praxis"));
    // The target folder holds the binary: mounted into the chroot at the same path.
    let target = bin
        .ancestors()
        .nth(2)
        .expect("the binary is in <target>/<profile>/")
        .to_path_buf();
    let dir = test_dir("monado");
    // The chroot is built once into the user's cache, not into the HOME given to Praxis.
    let cache = std::env::var_os("PRAXIS_CACHE").map_or_else(
        || PathBuf::from(std::env::var_os("HOME").expect("HOME is set")).join(".cache/praxis"),
        PathBuf::from,
    );
    let build = Command::new("bash")
        .arg(root.join("tools/xr/monado.sh"))
        .arg("build")
        .env("PRAXIS_CACHE", &cache)
        .output()
        .expect("bash runs");
    assert!(
        build.status.success(),
        "the Monado chroot could not be built:\n{}",
        String::from_utf8_lossy(&build.stderr)
    );
    let monado_log = dir.join("monado.log");
    let out = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x720x24", "bash"])
        .arg(root.join("tools/xr/monado.sh"))
        .arg("run")
        .arg(&root)
        .arg(&target)
        .arg("--")
        .arg(&bin)
        .args([
            "run",
            "cleanroom-gowning",
            "--xr",
            "--vr-script",
            "tests/xr/store-phone.poses",
            "--lang",
            "en",
            "--mode",
            "guided",
            "--learner",
            "L-XR-TEST",
        ])
        .current_dir(&root)
        .env("HOME", dir.join("home"))
        .env("PRAXIS_CONFIG_DIR", dir.join("config"))
        .env("PRAXIS_DATA_DIR", dir.join("data"))
        .env("PRAXIS_WORKDIR", &root)
        .env("MONADO_LOG", &monado_log)
        .env("PRAXIS_CACHE", &cache)
        .env("RUST_LOG", "info,wgpu=error,naga=warn")
        .output()
        .expect("xvfb-run runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let monado = std::fs::read_to_string(&monado_log).unwrap_or_default();
    let context = format!(
        "--- praxis (exit {:?}):\n{}\n--- monado:\n{}",
        out.status.code(),
        tail(&stderr, 6000),
        tail(&monado, 3000)
    );
    assert!(out.status.success(), "{context}");
    assert!(
        stderr.contains("OpenXR session FOCUSED"),
        "the session never reached FOCUSED\n{context}"
    );
    let frames: u64 = stderr
        .lines()
        .find_map(|l| l.split("; ").nth(1)?.split(" frames").next()?.parse().ok())
        .unwrap_or(0);
    assert!(frames >= 30, "only {frames} frames rendered\n{context}");
    // The record: signed, and holding what the hands did.
    let log = finished_record(&dir.join("data"), &context);
    assert!(log.contains("grab phone with right"), "{log}\n{context}");
    assert!(
        log.contains("release phone with right on locker"),
        "{log}\n{context}"
    );
    println!(
        "{}",
        stderr
            .lines()
            .filter(|l| l.starts_with("praxis:"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The learner's actions in the one record under `data`, which must be signed and finished.
fn finished_record(data: &std::path::Path, context: &str) -> String {
    let sessions = data.join("sessions");
    let record = std::fs::read_dir(&sessions)
        .unwrap_or_else(|e| panic!("no records in {}: {e}\n{context}", sessions.display()))
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .unwrap_or_else(|| panic!("no record written\n{context}"));
    let bytes = std::fs::read(&record).unwrap();
    let rec = praxis::record::read(&bytes).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        rec.footer.is_some(),
        "the session was not finished\n{context}"
    );
    rec.events
        .iter()
        .map(|a| praxis::eventlog::format_action(a) + "\n")
        .collect()
}

/// A fresh folder for one test run, with a HOME of its own where ALSA plays to its null device
/// (no sound card here).
fn test_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("praxis-xr-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("home")).unwrap();
    std::fs::write(
        dir.join("home/.asoundrc"),
        "pcm.!default { type null }\nctl.!default { type hw card 0 }\n",
    )
    .unwrap();
    dir
}

fn tail(s: &str, n: usize) -> &str {
    let start = s.len().saturating_sub(n);
    let start = (start..s.len())
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(s.len());
    &s[start..]
}

/// `praxis run SCENARIO --xr … --screenshot` in a folder of its own, with no OpenXR runtime
/// (the loader is pointed at a manifest that does not exist); the picture and what Praxis said.
fn flat_xr_screenshot(name: &str, args: &[&str]) -> (PathBuf, String) {
    let dir = test_dir(name);
    let png = dir.join(format!("{name}.png"));
    let out = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x720x24"])
        .arg(env!("CARGO_BIN_EXE_praxis"))
        .arg("run")
        .args(args)
        .args(["--xr", "--no-record", "--size", "1280x720", "--screenshot"])
        .arg(&png)
        .current_dir(super::root())
        .env("HOME", dir.join("home"))
        .env("PRAXIS_CONFIG_DIR", dir.join("config"))
        .env("PRAXIS_DATA_DIR", dir.join("data"))
        .env("XR_RUNTIME_JSON", dir.join("no-runtime.json"))
        .output()
        .expect("xvfb-run runs");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{stderr}");
    (png, stderr)
}

/// With no OpenXR runtime, `--xr` says so and the desktop runs: the room and the instruction
/// panel are drawn, and the notice is shown.
#[test]
fn with_no_openxr_runtime_xr_mode_says_so_and_runs_on_the_desktop() {
    let (png, stderr) = flat_xr_screenshot(
        "none",
        &["hand-hygiene", "--lang", "en", "--mode", "guided"],
    );
    assert!(
        stderr.contains("praxis: no OpenXR runtime is available"),
        "{stderr}"
    );
    let p = super::render::read_png(&png);
    super::render::has_room_and_panel(&p, &png.display().to_string());
}

/// The guided panel on its board in the room (a headset's view of it, here the window's, with
/// the head scripted to turn to it): a dark panel with text on it, in French.
#[test]
fn the_world_panel_shows_the_instructions_in_the_room() {
    let (png, _) = flat_xr_screenshot(
        "panel",
        &[
            "cleanroom-gowning",
            "--vr-script",
            "tests/xr/look-at-panel.poses",
            "--lang",
            "fr",
            "--mode",
            "guided",
        ],
    );
    let p = super::render::read_png(&png);
    // The board fills the middle of the 3D view (left of the screen's own side panel).
    let dark = p.dark_share(0.36, 0.64, 0.22, 0.9);
    let text = p.text_share(0.34, 0.62, 0.2, 0.46);
    assert!(
        dark > 0.5,
        "{}: no dark panel in the middle ({dark})",
        png.display()
    );
    assert!(
        (0.02..0.5).contains(&text),
        "{}: no text on the panel ({text})",
        png.display()
    );
}

/// `praxis run SCENARIO --vr-script SCRIPT` in a window with no headset, in a folder of its
/// own: the learner's actions in the finished record.
fn scripted_session(name: &str, scenario: &str, script: &str, lang: &str) -> String {
    let dir = test_dir(name);
    let out = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x720x24"])
        .arg(env!("CARGO_BIN_EXE_praxis"))
        .args(["run", scenario, "--vr-script", script, "--lang", lang])
        .args(["--mode", "guided", "--learner", "L-VR-RAY"])
        .current_dir(super::root())
        .env("HOME", dir.join("home"))
        .env("PRAXIS_CONFIG_DIR", dir.join("config"))
        .env("PRAXIS_DATA_DIR", dir.join("data"))
        .output()
        .expect("xvfb-run runs");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let context = tail(&stderr, 4000).to_string();
    assert!(out.status.success(), "{context}");
    let log = finished_record(&dir.join("data"), &context);
    let _ = std::fs::remove_dir_all(&dir);
    log
}

/// The ray of a hand answers a question on the world panel (hand hygiene's first moment): it
/// opens the hand-action menu, picks the question, the answer, and "Answer", each with a trigger
/// pull. The record holds that answer, and nothing else: the trigger pulled on the board is
/// not a use of anything in the room.
#[test]
fn a_hand_ray_on_the_world_panel_answers_a_question() {
    let log = scripted_session(
        "ray",
        "hand-hygiene",
        "tests/xr/answer-question.poses",
        "en",
    );
    let acts: Vec<&str> = log.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(
        acts.iter()
            .any(|l| l.contains("choose moment-pulse") && l.contains("moment-1")),
        "{log}"
    );
    // The answer, then the end of the session: nothing done in the room.
    assert_eq!(acts.len(), 2, "{log}");
}

/// A form filled in a headset: the trigger on the bioreactor's batch record reads it and opens
/// the hand-action menu on the board; the ray picks the inoculum volume's entry and types 80
/// on the keypad, then confirms. The record holds 80 mL, entered after the reading.
#[test]
fn a_form_on_the_world_panel_is_filled_with_its_keypad() {
    let log = scripted_session(
        "form",
        "bioreactor-inoculation",
        "tests/xr/fill-form.poses",
        "fr",
    );
    let read = log.find("read batch-record");
    let entered = log.find("enter inoculum-volume 80 mL");
    assert!(
        read.is_some() && entered.is_some() && read < entered,
        "{log}"
    );
}
