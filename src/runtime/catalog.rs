//! The scenarios the start screen offers: every regular `.ron` file of the scenario folder
//! (what is not a regular file, or links out of the folder, is skipped with a warning in the
//! log), loaded and validated; a broken one is listed with its first problem instead of being
//! hidden.

use crate::scenario::Scenario;
use bevy::prelude::Resource;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One scenario file.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its path.
    pub path: PathBuf,
    /// The scenario, or what is wrong with it.
    pub scenario: Result<Arc<Scenario>, String>,
}

/// The scenario folder's contents.
#[derive(Resource, Debug, Clone, Default)]
pub struct Catalog {
    /// Entries sorted by file name.
    pub entries: Vec<Entry>,
}

/// What is wrong with a scenario file: one line per problem, and the full report (the line
/// quoted and underlined).
#[derive(Debug, Clone)]
pub struct Problems {
    /// `file:line:col: message` lines.
    pub short: String,
    /// The full report.
    pub long: String,
}

/// Loads and validates one scenario file against an assets folder.
pub fn load(path: &Path, assets: &Path) -> Result<Scenario, Problems> {
    let name = path.display().to_string();
    let bytes =
        crate::files::read_limited(path, crate::files::MAX_SCENARIO_BYTES).map_err(|e| {
            let msg = format!("{name}: cannot read: {e}");
            Problems {
                short: msg.clone(),
                long: msg,
            }
        })?;
    let assets = assets.to_path_buf();
    let exists = move |rel: &str| assets.join(rel).is_file();
    Scenario::from_bytes(&name, &bytes, Some(&exists)).map_err(|r| Problems {
        short: r.render_short(),
        long: r.render_human(false),
    })
}

impl Catalog {
    /// Reads a folder.
    pub fn read(dir: &Path, assets: &Path) -> Catalog {
        let mut warnings = Vec::new();
        let paths = crate::files::list(dir, "ron", false, &mut warnings).unwrap_or_else(|e| {
            warnings.push(e);
            Vec::new()
        });
        for w in warnings {
            bevy::log::warn!("{w}");
        }
        let entries = paths
            .into_iter()
            .map(|path| {
                let scenario = load(&path, assets).map(Arc::new).map_err(|p| p.short);
                Entry { path, scenario }
            })
            .collect();
        Catalog { entries }
    }

    /// The index of the entry for a path.
    pub fn position(&self, path: &Path) -> Option<usize> {
        let want = std::fs::canonicalize(path).ok();
        self.entries
            .iter()
            .position(|e| std::fs::canonicalize(&e.path).ok() == want)
    }
}
