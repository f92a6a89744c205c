//! Praxis: an immersive procedure-training runtime.
//!
//! The engine-free core lives here: [`scenario`] (format, loader, validator), [`action`] (what
//! a learner does), [`tracker`] (the pure state machine that follows a learner through a
//! procedure), [`scoring`] (the outcome), [`record`] (tamper-evident session records) and
//! [`eventlog`] (hand-written action scripts). None of it reads a clock, draws unseeded random
//! numbers or does I/O beyond the readers and writers its caller hands it.
//!
//! Around it, still without Bevy, what a training center runs: [`files`] (reading what Praxis
//! is handed, only regular files and within a size), [`station`] and [`config`] (this
//! machine's key and settings), [`center`] (trusted stations, record checks, the database),
//! [`xapi`] (statements, the LRS queue, cmi5) and [`report`] (HTML reports with plots). These
//! read and write files and talk to servers.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod action;
pub mod audit;
pub mod center;
pub mod config;
pub mod eventlog;
pub mod files;
pub mod graph;
pub mod record;
pub mod report;
pub mod rng;
#[cfg(feature = "runtime")]
pub mod runtime;
pub mod scenario;
pub mod scoring;
pub mod station;
pub mod text;
pub mod trace;
pub mod tracker;
pub mod xapi;
