//! CPU time spent in Praxis's own systems, for `praxis run --bench` and the XR summary: each
//! system opens a [`scope`] whose time is added to a process-wide counter, read and reset once a
//! frame, at its end, into [`OwnCpu`] (one reader, so that the bench and the XR summary see the
//! same frames).

use bevy::prelude::*;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

static NANOS: AtomicU64 = AtomicU64::new(0);

/// Times the rest of the enclosing function.
pub struct Scope(Instant);

/// Starts timing.
pub fn scope() -> Scope {
    Scope(Instant::now())
}

impl Drop for Scope {
    fn drop(&mut self) {
        NANOS.fetch_add(self.0.elapsed().as_nanos() as u64, Ordering::Relaxed);
    }
}

/// The time counted since the last call, in milliseconds.
fn take_ms() -> f64 {
    NANOS.swap(0, Ordering::Relaxed) as f64 / 1e6
}

/// Praxis's own systems' CPU time in the last whole frame, ms.
#[derive(Resource, Debug, Default, Clone, Copy)]
pub struct OwnCpu(pub f64);

/// Reads the frame's count at its end.
pub fn sample(mut own: ResMut<OwnCpu>) {
    own.0 = take_ms();
}
