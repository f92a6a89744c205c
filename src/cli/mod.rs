//! Subcommands, one file each: parse arguments, call the library, print.
//!
//! Exit status everywhere: 0 success (valid, passed, matches), 1 problems found (invalid,
//! failed, mismatch), 2 could not run (missing file, unreadable input, bad arguments).

mod audit;
mod center;
mod common;
mod csv_out;
mod export;
mod gltf_check;
mod graph;
mod list;
mod push;
mod replay;
mod report;
#[cfg(feature = "runtime")]
mod run;
mod simulate;
mod station;
mod validate;
mod verify;

use clap::{Parser, Subcommand};

/// Praxis — procedure training: validate scenarios, play them from scripts, re-score records.
#[derive(Debug, Parser)]
#[command(name = "praxis", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check scenario files and report every problem with file, line and column.
    Validate(validate::Args),
    /// Play a scenario from an event log: prints the trace step by step and the score.
    Simulate(simulate::Args),
    /// Re-score a session record and say whether it matches what it stores.
    Replay(replay::Args),
    /// Check session records: whole, signed by a station, and re-scoring to what they store
    /// against the exact scenario version they name.
    Verify(verify::Args),
    /// This machine's station identity (the key that signs its session records).
    Station(station::Args),
    /// A training center's trusted stations: enroll, revoke, list.
    Center(center::Args),
    /// Export session data: xAPI statements, CSV.
    Export(export::Args),
    /// An HTML report with plots on the center's sessions (a cohort, a scenario, a period, a
    /// learner).
    Report(report::Args),
    /// Send records' xAPI statements to the LRS, through a queue on disk that loses nothing.
    Push(push::Args),
    /// Mutation testing of a procedure: the perfect run with each critical item, each line left
    /// out and each pair of neighbouring lines swapped; what still passes.
    Audit(audit::Args),
    /// Draw a scenario's procedure graph as DOT or SVG.
    Graph(graph::Args),
    /// List the scenarios in the scenario folder.
    List(list::Args),
    /// Open the 3D app: the start screen, or a scenario directly.
    #[cfg(feature = "runtime")]
    Run(run::Args),
}

/// Runs a parsed command line; returns the exit status.
pub fn run(cli: Cli) -> u8 {
    match cli.command {
        Command::Validate(a) => validate::run(a),
        Command::Simulate(a) => simulate::run(a),
        Command::Replay(a) => replay::run(a),
        Command::Verify(a) => verify::run(a),
        Command::Station(a) => station::run(a),
        Command::Center(a) => center::run(a),
        Command::Export(a) => export::run(a),
        Command::Report(a) => report::run(a),
        Command::Push(a) => push::run(a),
        Command::Audit(a) => audit::run(a),
        Command::Graph(a) => graph::run(a),
        Command::List(a) => list::run(a),
        #[cfg(feature = "runtime")]
        Command::Run(a) => run::run(a),
    }
}
