//! A training center: the stations whose records it accepts ([`Stations`], by name and public
//! key, enrolled and revoked with `praxis center enroll|revoke`, kept as `stations.json` and
//! written atomically), the checks a record must pass ([`verify`]), and the database its records
//! are filed into ([`db`], [`ingest`]). All of it lives in the center folder (`--center DIR`,
//! else `$PRAXIS_CENTER`, else `center/` in the user's data folder).

pub mod csv;
pub mod db;
pub mod ingest;
pub mod verify;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One enrolled station.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Station {
    /// Its Ed25519 public key (base64).
    pub key: String,
    /// When it was enrolled (RFC 3339, UTC).
    pub enrolled_at: String,
    /// When it was revoked, if it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<String>,
}

/// The stations a center knows, by name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stations {
    /// Stations by name.
    pub stations: BTreeMap<String, Station>,
}

/// What a center says of a station key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trust {
    /// Enrolled and not revoked, under this name.
    Enrolled(String),
    /// Revoked, under this name, at this time.
    Revoked(String, String),
    /// Not enrolled.
    Unknown,
}

/// `f` applied to every item, in order, on one thread per core (at most 16). A panic in `f` is
/// raised again here rather than losing that thread's results.
pub(crate) fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 16);
    let per = items.len().div_ceil(workers).max(1);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(per)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// A center folder must be a folder (it need not exist yet): `--center` given a file is refused
/// with a clear message instead of an error about `center.sqlite` under it.
pub fn check_dir(dir: &Path) -> Result<(), String> {
    match std::fs::metadata(dir) {
        Ok(m) if !m.is_dir() => Err(format!(
            "{} is a file, not a center folder: give the folder that holds {} (or a new one)",
            dir.display(),
            db::FILE
        )),
        _ => Ok(()),
    }
}

/// The default center folder.
pub fn default_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("PRAXIS_CENTER") {
        return PathBuf::from(d);
    }
    directories::ProjectDirs::from("org", "Praxis", "praxis")
        .map(|p| p.data_dir().join("center"))
        .unwrap_or_else(|| PathBuf::from("center"))
}

impl Stations {
    fn path(dir: &Path) -> PathBuf {
        dir.join("stations.json")
    }

    /// Reads a center's stations (none when the file does not exist yet).
    pub fn load(dir: &Path) -> Result<Stations, String> {
        check_dir(dir)?;
        let path = Self::path(dir);
        match std::fs::read(&path) {
            Ok(bytes) => {
                serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", path.display()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Stations::default()),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }

    /// Writes them back (atomically).
    pub fn save(&self, dir: &Path) -> Result<(), String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let path = Self::path(dir);
        let tmp = dir.join("stations.json.tmp");
        let text = serde_json::to_string_pretty(self).map_err(|e| e.to_string())?;
        std::fs::write(&tmp, text + "\n")
            .and_then(|_| std::fs::rename(&tmp, &path))
            .map_err(|e| format!("{}: {e}", path.display()))
    }

    /// What the center says of a key.
    pub fn trust(&self, key: &str) -> Trust {
        for (name, s) in &self.stations {
            if s.key == key {
                return match &s.revoked_at {
                    Some(at) => Trust::Revoked(name.clone(), at.clone()),
                    None => Trust::Enrolled(name.clone()),
                };
            }
        }
        Trust::Unknown
    }
}
