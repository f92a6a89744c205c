//! `praxis station key`: this machine's station identity.

use super::common::{CANNOT_RUN, OK};

/// Arguments of `praxis station`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Print this station's public key (the key pair is made on first use), for a center to
    /// enroll.
    Key,
}

/// Runs `praxis station`.
pub fn run(args: Args) -> u8 {
    match args.command {
        Command::Key => match praxis::station::load_or_create() {
            Ok(k) => {
                println!("{}", k.public());
                eprintln!("(private key: {})", praxis::station::key_path().display());
                OK
            }
            Err(e) => {
                eprintln!("error: {e}");
                CANNOT_RUN
            }
        },
    }
}
