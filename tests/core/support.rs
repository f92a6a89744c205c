//! Shared helpers: paths, scenario loading, running event logs.

use praxis::eventlog::{self, EventLog};
use praxis::scenario::Scenario;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Whether a path under `assets/` exists.
pub fn asset_exists(rel: &str) -> bool {
    root().join("assets").join(rel).is_file()
}

/// Loads `scenarios/<id>.ron`, panicking with the rendered diagnostics if it is invalid.
#[track_caller]
pub fn scenario(id: &str) -> Arc<Scenario> {
    let path = root().join("scenarios").join(format!("{id}.ron"));
    load(&path)
}

#[track_caller]
pub fn load(path: &Path) -> Arc<Scenario> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = path.display().to_string();
    match Scenario::from_bytes(&name, &bytes, Some(&asset_exists)) {
        Ok(s) => Arc::new(s),
        Err(report) => panic!("{} is invalid:\n{}", name, report.render_short()),
    }
}

/// Parses an event log and checks its names against the scenario.
#[track_caller]
pub fn event_log(path: &Path, scenario: &Scenario) -> EventLog {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = path.display().to_string();
    let log = eventlog::parse(&name, &text).unwrap_or_else(|r| panic!("{}", r.render_short()));
    eventlog::check(&log, scenario, &name, &text)
        .unwrap_or_else(|r| panic!("{}", r.render_short()));
    log
}

/// The files of a folder with an extension, sorted.
pub fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some(ext))
        .collect();
    out.sort();
    out
}

/// Every file with this extension under a folder, at any depth, sorted.
pub fn files_under(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(files_under(&p, ext));
        } else if p.extension().and_then(|e| e.to_str()) == Some(ext) {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// The ids of every scenario in `scenarios/`.
pub fn scenario_ids() -> Vec<String> {
    files(&root().join("scenarios"), "ron")
        .iter()
        .map(|p| p.file_stem().unwrap().to_str().unwrap().to_string())
        .collect()
}

/// A small scenario for a test: a fixed header (its id, texts, one source, a 6 m room with a
/// floor) around `objects` (the room's other objects, RON) and `rest` (every other section, the
/// procedure and scoring included, RON). The rendered problems when it is invalid.
pub fn small(id: &str, objects: &str, rest: &str) -> Result<Arc<Scenario>, String> {
    let text = format!(
        r##"Scenario(
    format: 1, id: "{id}", version: "1.0.0", family: Clinical,
    title: {{"en": "T", "fr": "T"}}, summary: {{"en": "T", "fr": "T"}}, estimated_duration: "1 min",
    sources: [(title: "T", publisher: "T", edition: "1", section: "-", url: "-")], domain_ref: "{id}.md",
    room: (size: (6.0, 3.0, 6.0), objects: [
        (id: "floor", name: {{"en": "floor", "fr": "sol"}}, model: Cuboid(size: (6.0, 0.01, 6.0)), pose: (position: (0.0, 0.0, 0.0))),
        {objects}
    ]),
    {rest}
)"##
    );
    Scenario::from_ron_str(&format!("{id}.ron"), &text)
        .map(Arc::new)
        .map_err(|r| r.render_short())
}

/// A glucose meter showing the quantity `glucose` to the whole unit, for `small` scenarios.
pub const METER: &str = r#"(id: "meter", name: {"en": "meter", "fr": "lecteur"}, model: Cuboid(size: (0.1, 0.1, 0.1)), pose: (position: (0.0, 1.0, 0.0)), affords: [Read], display: (shows: "glucose", resolution: 1.0)),"#;
