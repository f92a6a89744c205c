//! The models: each is what its Blender script made (`tools/models/manifest.tsv`: a script
//! changed without its model regenerated fails here, without Blender), every model passes the
//! Khronos glTF validator, every model a scenario names exists, and the catalogue
//! (`docs/models.md`) shows every model.

use super::{root, text};
use sha2::{Digest, Sha256};
use std::path::PathBuf;
use std::process::Command;

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// One line of the manifest: file, script, arguments, inputs' digest, model's digest.
fn manifest() -> Vec<[String; 5]> {
    let text = std::fs::read_to_string(root().join("tools/models/manifest.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 5, "manifest line {l:?}");
            [0, 1, 2, 3, 4].map(|i| f[i].to_string())
        })
        .collect()
}

/// Each Blender model is what its script, the shared helpers and its arguments made: their
/// digest is the one recorded when the model was built, and so is the model's.
#[test]
fn blender_models_are_regenerated_when_their_scripts_change() {
    let scripts = root().join("tools/models/blender");
    let common = std::fs::read(scripts.join("common.py")).unwrap();
    let lines = manifest();
    assert!(lines.len() >= 4, "{lines:?}");
    for [file, script, args, inputs, model] in lines {
        let mut bytes = std::fs::read(scripts.join(&script)).unwrap();
        bytes.extend_from_slice(&common);
        bytes.extend_from_slice(args.as_bytes());
        assert_eq!(
            hex(&bytes),
            inputs,
            "{script} (or common.py) changed since {file} was made: run tools/models/build.sh"
        );
        let glb = std::fs::read(root().join("assets/models").join(&file)).unwrap();
        assert_eq!(
            hex(&glb),
            model,
            "assets/models/{file} is not what {script} made: run tools/models/build.sh"
        );
    }
}

/// The catalogue lists every model, with its picture.
#[test]
fn the_catalogue_shows_every_model() {
    let page = std::fs::read_to_string(root().join("docs/models.md")).unwrap();
    for e in std::fs::read_dir(root().join("assets/models"))
        .unwrap()
        .flatten()
    {
        let name = e.file_name().to_string_lossy().to_string();
        let Some(id) = name.strip_suffix(".glb") else {
            continue;
        };
        assert!(
            page.contains(&format!("`{name}`")),
            "docs/models.md does not list {name}: run tools/models/build.sh"
        );
        assert!(
            root().join(format!("docs/models/{id}.jpg")).is_file(),
            "no picture of {name} in docs/models/: run tools/models/build.sh"
        );
    }
}

/// Every model in `assets/models` is made by a Blender script listed in the manifest (none is
/// left that nothing regenerates), and every model passes the Khronos glTF validator (npm
/// package `gltf-validator`, installed by tools/setup.sh) with no errors.
#[test]
fn models_are_made_by_their_scripts_and_pass_the_khronos_validator() {
    let made: Vec<String> = manifest().into_iter().map(|[file, ..]| file).collect();
    let models: Vec<PathBuf> = std::fs::read_dir(root().join("assets/models"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "glb"))
        .collect();
    assert!(models.len() >= 6, "{models:?}");
    for m in &models {
        let name = m.file_name().unwrap().to_string_lossy();
        assert!(
            made.iter().any(|f| *f == name),
            "assets/models/{name} is made by no script in tools/models/manifest.tsv"
        );
    }
    let validator = root().join("tools/gltf-validator");
    assert!(
        validator.join("node_modules/gltf-validator").is_dir(),
        "the glTF validator is not installed: run tools/setup.sh"
    );
    let out = Command::new("node")
        .arg(validator.join("validate.mjs"))
        .args(&models)
        .output()
        .expect("node runs");
    let report = text(&out);
    assert!(out.status.success(), "{report}");
    assert_eq!(
        report.matches(": 0 errors").count(),
        models.len(),
        "{report}"
    );
}

/// Every glTF model a scenario names exists, and each scenario declares its collider.
#[test]
fn scenario_models_exist() {
    for entry in std::fs::read_dir(root().join("scenarios"))
        .unwrap()
        .flatten()
    {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for piece in text.split("Gltf(\"").skip(1) {
            let file = piece.split('"').next().unwrap();
            assert!(
                root().join("assets").join(file).is_file(),
                "{}: {file} is missing",
                entry.path().display()
            );
        }
    }
}

/// A binary glTF rewritten: its JSON chunk changed by `edit`, the binary chunk kept.
fn rewrite_glb(bytes: &[u8], edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let u32_at = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap()) as usize;
    let json_len = u32_at(12);
    let mut json: serde_json::Value = serde_json::from_slice(&bytes[20..20 + json_len]).unwrap();
    edit(&mut json);
    let mut text = serde_json::to_vec(&json).unwrap();
    while !text.len().is_multiple_of(4) {
        text.push(b' ');
    }
    let rest = &bytes[20 + json_len..];
    let total = 12 + 8 + text.len() + rest.len();
    let mut out = Vec::new();
    out.extend_from_slice(&bytes[..8]);
    out.extend_from_slice(&(total as u32).to_le_bytes());
    out.extend_from_slice(&(text.len() as u32).to_le_bytes());
    out.extend_from_slice(b"JSON");
    out.extend_from_slice(&text);
    out.extend_from_slice(rest);
    out
}

/// An instructor's own models in the scenario's assets folder: `praxis validate` reports the
/// Khronos validator's error in one (a wrong accessor bound) and the size of another exported in
/// centimetres, each at the line where the scenario names the model; with good models it passes.
#[test]
fn an_instructors_own_models_are_checked_where_the_scenario_names_them() {
    let course = super::temp_dir("own-models");
    let models = course.join("assets/models");
    std::fs::create_dir_all(&models).unwrap();
    std::fs::create_dir_all(course.join("scenarios")).unwrap();
    for e in std::fs::read_dir(root().join("assets/models"))
        .unwrap()
        .flatten()
    {
        std::fs::copy(e.path(), models.join(e.file_name())).unwrap();
    }
    let scenario = course.join("scenarios/hand-hygiene.ron");
    let text = std::fs::read_to_string(root().join("scenarios/hand-hygiene.ron")).unwrap();
    std::fs::write(&scenario, &text).unwrap();
    let path = scenario.to_str().unwrap();
    let good = super::praxis(&["validate", "--format", "short", path]);
    assert!(good.status.success(), "{}", text_of(&good));

    let dispenser = std::fs::read(models.join("abhr-dispenser.glb")).unwrap();
    let broken = rewrite_glb(&dispenser, |j| {
        j["accessors"][0]["min"][0] = serde_json::json!(-1.0);
    });
    std::fs::write(models.join("abhr-dispenser.glb"), broken).unwrap();
    let sink = std::fs::read(models.join("sink.glb")).unwrap();
    let centimetres = rewrite_glb(&sink, |j| {
        j["nodes"][0]["scale"] = serde_json::json!([100.0, 100.0, 100.0]);
    });
    std::fs::write(models.join("sink.glb"), centimetres).unwrap();

    let out = super::praxis(&["validate", "--format", "short", path]);
    let report = text_of(&out);
    assert_eq!(out.status.code(), Some(1), "{report}");
    let at = |needle: &str| {
        let offset = text.find(needle).unwrap() + "Gltf(".len();
        let line = 1 + text[..offset].matches('\n').count();
        let col = offset - text[..offset].rfind('\n').map_or(0, |i| i + 1) + 1;
        format!("{path}:{line}:{col}")
    };
    let dispenser_at = at("Gltf(\"models/abhr-dispenser.glb\")");
    assert!(
        report.lines().any(|l| l.starts_with(&dispenser_at)
            && l.contains("error[praxis::scenario::bad_model]")
            && l.contains("ACCESSOR_MIN_MISMATCH")
            && l.contains("/accessors/0/min")),
        "{dispenser_at}\n{report}"
    );
    let sink_at = at("Gltf(\"models/sink.glb\")");
    assert!(
        report.lines().any(|l| l.starts_with(&sink_at)
            && l.contains("warning[praxis::scenario::model_size]")
            && l.contains("m (x, y, z)")),
        "{sink_at}\n{report}"
    );
}

fn text_of(o: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}
