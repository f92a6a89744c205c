//! Hot reload: the open scenario file is checked twice a second (real time). A valid change
//! restarts the session on the new version (the old record is closed as abandoned); a broken
//! one keeps the old session running and shows the diagnostics with file, line and column.

use super::catalog;
use super::flow::{PraxisSystems, StartSession};
use super::options::Paths;
use super::session::Session;
use bevy::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

/// The open scenario file watched, after the tracker has run.
pub fn plugin(app: &mut App) {
    app.init_resource::<Watch>()
        .init_resource::<ReloadStatus>()
        .add_systems(
            Update,
            hot_reload
                .in_set(PraxisSystems::Track)
                .after(super::session::run_session),
        );
}

/// What the last change to the scenario file gave.
#[derive(Resource, Debug, Default, Clone)]
pub struct ReloadStatus {
    /// Diagnostics of a broken scenario file (with file, line and column).
    pub error: Option<String>,
}

/// The scenario file watched for changes.
#[derive(Resource, Debug, Default)]
pub struct Watch {
    /// The file.
    pub path: Option<PathBuf>,
    /// Its modification time and length when last read.
    pub stamp: Option<(std::time::SystemTime, u64)>,
    /// When to look again (real seconds).
    pub next_check: f64,
}

/// Watches the open scenario file: a valid change restarts the session on it, a broken one
/// shows its diagnostics and keeps the old one running.
pub fn hot_reload(
    time: Res<Time<bevy::time::Real>>,
    mut watch: ResMut<Watch>,
    session: Option<Res<Session>>,
    paths: Res<Paths>,
    mut status: ResMut<ReloadStatus>,
    mut commands: Commands,
) {
    let _t = super::perf::scope();
    let now = time.elapsed_secs_f64();
    if now < watch.next_check {
        return;
    }
    watch.next_check = now + 0.5;
    let Some(session) = session else {
        watch.path = None;
        return;
    };
    let path = session.start.path.clone();
    let stamp = std::fs::metadata(&path)
        .ok()
        .and_then(|m| Some((m.modified().ok()?, m.len())));
    if watch.path.as_ref() != Some(&path) {
        watch.path = Some(path);
        watch.stamp = stamp;
        return;
    }
    if stamp == watch.stamp || stamp.is_none() {
        return;
    }
    watch.stamp = stamp;
    match catalog::load(&path, &paths.assets) {
        Ok(sc) => {
            info!(
                "{} changed: restarting the session on the new version",
                path.display()
            );
            status.error = None;
            commands.trigger(StartSession {
                path,
                scenario: Arc::new(sc),
            });
        }
        Err(p) => {
            warn!(
                "{} changed but has problems; the previous version keeps running:\n{}",
                path.display(),
                p.long
            );
            status.error = Some(p.long);
        }
    }
}
