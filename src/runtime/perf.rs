//! CPU time spent in Praxis's own systems, for `praxis run --bench`: each system opens a
//! [`scope`] whose time is added to a process-wide counter, read and reset once per frame.

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
pub fn take_ms() -> f64 {
    NANOS.swap(0, Ordering::Relaxed) as f64 / 1e6
}
