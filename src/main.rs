//! `praxis`: the command line for instructors and training centers.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    // `praxis list | head`: a closed pipe ends the program quietly, as for other Unix tools,
    // instead of a panic on the next print.
    sigpipe::reset();
    let args = cli::Cli::parse();
    ExitCode::from(cli::run(args))
}
