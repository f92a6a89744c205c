//! `praxis validate`'s checks of the model files a scenario names (an instructor's own glTF
//! dropped into the scenario's `assets/models/`): the Khronos glTF validator's errors and
//! warnings, compression Praxis cannot load, and a size that says the model was exported in
//! the wrong units — each reported where the scenario names the model.

use praxis::scenario::assets::{BAD_MODEL, MODEL_SIZE, ModelRef, finding, gltf_models};
use praxis::scenario::diagnostic::{Diagnostic, Level};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The largest model a room holds (metres); a bigger one was exported in centimetres or
/// millimetres.
const MAX_SIZE_M: f32 = 12.0;
/// The smallest (metres); a smaller one was exported in kilometres, or is empty.
const MIN_SIZE_M: f32 = 0.002;
/// Extensions that compress geometry, which Praxis's loader does not decode.
const UNSUPPORTED: [&str; 2] = ["KHR_draco_mesh_compression", "EXT_meshopt_compression"];

const HELP_VALIDATOR: &str = "re-export the model as a binary glTF (Blender: File › Export › glTF 2.0, format glTF Binary), then check it with `node tools/gltf-validator/validate.mjs FILE`";

/// The problems in the model files `bytes` (a scenario file) names under `assets`, and a note
/// when the Khronos validator could not be run (the other checks still are).
pub fn check(name: &str, bytes: &[u8], assets: &Path) -> (Vec<Diagnostic>, Option<String>) {
    let Ok(parsed) = praxis::scenario::load::parse(name, bytes) else {
        return (Vec::new(), None); // the scenario's own report says why
    };
    let refs: Vec<ModelRef> = gltf_models(&parsed)
        .into_iter()
        .filter(|r| assets.join(&r.path).is_file())
        .collect();
    if refs.is_empty() {
        return (Vec::new(), None);
    }
    let mut files: Vec<PathBuf> = refs.iter().map(|r| assets.join(&r.path)).collect();
    files.sort();
    files.dedup();
    let (khronos, note) = match khronos(&files) {
        Ok(k) => (k, None),
        Err(why) => (BTreeMap::new(), Some(why)),
    };
    let mut out = Vec::new();
    for r in &refs {
        let file = assets.join(&r.path);
        for (severity, code, pointer, message) in khronos.get(&file).into_iter().flatten() {
            let level = match severity {
                0 => Level::Error,
                1 => Level::Warning,
                _ => continue,
            };
            let at = if pointer.is_empty() {
                String::new()
            } else {
                format!(" at {pointer}")
            };
            out.push(finding(
                r,
                level,
                BAD_MODEL,
                &format!("the glTF validator says {code}{at}: {message}"),
                HELP_VALIDATOR,
            ));
        }
        out.extend(own_checks(r, &file, note.is_some()));
    }
    (out, note)
}

/// Praxis's own checks: the file loads, is not compressed in a way Praxis cannot read, and is
/// of a room's size.
fn own_checks(r: &ModelRef, file: &Path, report_parse: bool) -> Vec<Diagnostic> {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            return vec![finding(
                r,
                Level::Error,
                BAD_MODEL,
                &format!("cannot be read: {e}"),
                HELP_VALIDATOR,
            )];
        }
    };
    let gltf = match gltf::Gltf::from_slice(&bytes) {
        Ok(g) => g,
        // Without the Khronos validator, its parse error is the only word on a broken file.
        Err(e) if report_parse => {
            return vec![finding(
                r,
                Level::Error,
                BAD_MODEL,
                &format!("is not a readable glTF file: {e}"),
                HELP_VALIDATOR,
            )];
        }
        Err(_) => return Vec::new(),
    };
    let mut out = Vec::new();
    for ext in gltf.extensions_required() {
        if UNSUPPORTED.contains(&ext) {
            out.push(finding(
                r,
                Level::Error,
                BAD_MODEL,
                &format!("needs the extension {ext}, which Praxis cannot load"),
                "export it again without mesh compression (Blender: uncheck Compression)",
            ));
        }
    }
    if let Some(size) = size(&gltf) {
        let biggest = size.iter().copied().fold(0.0, f32::max);
        if !(MIN_SIZE_M..=MAX_SIZE_M).contains(&biggest) {
            let hint = if biggest > MAX_SIZE_M {
                "exported in centimetres or millimetres? glTF and Praxis use metres: in Blender set the scene's Unit Scale to 1.0 and Length to Meters, or apply a scale of 0.01 before exporting"
            } else {
                "exported in kilometres, or empty? glTF and Praxis use metres"
            };
            out.push(finding(
                r,
                Level::Warning,
                MODEL_SIZE,
                &format!(
                    "is {:.3} × {:.3} × {:.3} m (x, y, z), not the size of a thing in a room",
                    size[0], size[1], size[2]
                ),
                hint,
            ));
        }
    }
    out
}

/// The model's size along x, y, z (metres): the bounds of every mesh of its first scene, each
/// where its nodes put it.
fn size(gltf: &gltf::Gltf) -> Option<[f32; 3]> {
    let scene = gltf.default_scene().or_else(|| gltf.scenes().next())?;
    let mut lo = [f32::INFINITY; 3];
    let mut hi = [f32::NEG_INFINITY; 3];
    let mut stack: Vec<(gltf::Node, [[f32; 4]; 4])> =
        scene.nodes().map(|n| (n, identity())).collect();
    while let Some((node, parent)) = stack.pop() {
        let m = mul(parent, node.transform().matrix());
        if let Some(mesh) = node.mesh() {
            for p in mesh.primitives() {
                let b = p.bounding_box();
                for k in 0..8 {
                    let c = [
                        if k & 1 == 0 { b.min[0] } else { b.max[0] },
                        if k & 2 == 0 { b.min[1] } else { b.max[1] },
                        if k & 4 == 0 { b.min[2] } else { b.max[2] },
                    ];
                    for (a, (l, h)) in lo.iter_mut().zip(hi.iter_mut()).enumerate() {
                        let v = m[0][a] * c[0] + m[1][a] * c[1] + m[2][a] * c[2] + m[3][a];
                        *l = l.min(v);
                        *h = h.max(v);
                    }
                }
            }
        }
        stack.extend(node.children().map(|c| (c, m)));
    }
    lo[0]
        .is_finite()
        .then(|| [hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]])
}

fn identity() -> [[f32; 4]; 4] {
    [
        [1.0, 0.0, 0.0, 0.0],
        [0.0, 1.0, 0.0, 0.0],
        [0.0, 0.0, 1.0, 0.0],
        [0.0, 0.0, 0.0, 1.0],
    ]
}

/// `a · b` for column-major matrices (glTF's), each `[column][row]`.
fn mul(a: [[f32; 4]; 4], b: [[f32; 4]; 4]) -> [[f32; 4]; 4] {
    let mut out = [[0.0; 4]; 4];
    for (c, col) in out.iter_mut().enumerate() {
        for (r, v) in col.iter_mut().enumerate() {
            *v = (0..4).map(|k| a[k][r] * b[c][k]).sum();
        }
    }
    out
}

/// One finding of the Khronos validator: severity (0 error, 1 warning, 2 info, 3 hint), code,
/// JSON pointer in the file, message.
type Message = (u8, String, String, String);

/// Runs the Khronos glTF validator (`tools/gltf-validator`, with Node.js) on the files.
fn khronos(files: &[PathBuf]) -> Result<BTreeMap<PathBuf, Vec<Message>>, String> {
    let script = validator().ok_or_else(|| {
        "the model files were not checked with the Khronos glTF validator: it is not installed (tools/setup.sh installs it; or set PRAXIS_GLTF_VALIDATOR to its validate.mjs)".to_string()
    })?;
    let out = Command::new("node")
        .arg(&script)
        .arg("--json")
        .args(files)
        .output()
        .map_err(|e| {
            format!("the model files were not checked with the Khronos glTF validator: cannot run node ({e})")
        })?;
    if out.status.code().is_none_or(|c| c > 1) {
        return Err(format!(
            "the Khronos glTF validator failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    let mut found = BTreeMap::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let file = PathBuf::from(v["file"].as_str().unwrap_or_default());
        let messages = v["messages"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|m| {
                (
                    m["severity"].as_u64().unwrap_or(0).min(3) as u8,
                    m["code"].as_str().unwrap_or_default().to_string(),
                    m["pointer"].as_str().unwrap_or_default().to_string(),
                    m["message"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect();
        found.insert(file, messages);
    }
    Ok(found)
}

/// The validator's script: `PRAXIS_GLTF_VALIDATOR`, else the source tree's, when installed.
fn validator() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PRAXIS_GLTF_VALIDATOR") {
        return Some(PathBuf::from(p));
    }
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tools/gltf-validator"));
    dir.join("node_modules/gltf-validator")
        .is_dir()
        .then(|| dir.join("validate.mjs"))
}
