//! `praxis`: the command line for instructors and training centers.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    ExitCode::from(cli::run(args))
}
