//! `praxis center enroll NAME KEY` and `praxis center revoke NAME`: the stations a training
//! center trusts.

use super::common::{CANNOT_RUN, OK, PROBLEMS};
use praxis::center::{Station, Stations, Trust};
use std::path::PathBuf;

/// Arguments of `praxis center`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The center folder (default: `$PRAXIS_CENTER`, else `center/` in the user's data folder).
    #[arg(long, global = true)]
    center: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Trust a station's records from now on (KEY as printed by `praxis station key`).
    Enroll {
        /// A name for the station (letters, digits, `-`, `_`, `.`).
        name: String,
        /// Its public key.
        key: String,
    },
    /// Stop trusting a station (its records are refused as revoked from now on).
    Revoke {
        /// The station's name.
        name: String,
    },
    /// List the stations.
    Stations,
}

fn now() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

/// Runs `praxis center`.
pub fn run(args: Args) -> u8 {
    let dir = args.center.unwrap_or_else(praxis::center::default_dir);
    let mut stations = match Stations::load(&dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return CANNOT_RUN;
        }
    };
    match args.command {
        Command::Enroll { name, key } => {
            if let Err(e) = praxis::record::check_pseudonym("station", &name) {
                eprintln!("error: {e}");
                return CANNOT_RUN;
            }
            if !praxis::record::sign::is_public_key(&key) {
                eprintln!(
                    "error: `{key}` is not an Ed25519 public key (44 characters of base64, as `praxis station key` prints)"
                );
                return CANNOT_RUN;
            }
            if stations.stations.contains_key(&name) {
                eprintln!(
                    "error: a station is already enrolled as `{name}`; revoke it or choose another name"
                );
                return PROBLEMS;
            }
            if let Trust::Enrolled(other) | Trust::Revoked(other, _) = stations.trust(&key) {
                eprintln!("error: this key is already known as station `{other}`");
                return PROBLEMS;
            }
            stations.stations.insert(
                name.clone(),
                Station {
                    key,
                    enrolled_at: now(),
                    revoked_at: None,
                },
            );
            if let Err(e) = stations.save(&dir) {
                eprintln!("error: {e}");
                return CANNOT_RUN;
            }
            println!("enrolled station `{name}` in {}", dir.display());
            OK
        }
        Command::Revoke { name } => {
            let Some(s) = stations.stations.get_mut(&name) else {
                eprintln!("error: no station `{name}` in {}", dir.display());
                return PROBLEMS;
            };
            if s.revoked_at.is_none() {
                s.revoked_at = Some(now());
            }
            if let Err(e) = stations.save(&dir) {
                eprintln!("error: {e}");
                return CANNOT_RUN;
            }
            println!("revoked station `{name}`");
            OK
        }
        Command::Stations => {
            for (name, s) in &stations.stations {
                let state = s
                    .revoked_at
                    .as_deref()
                    .map_or("enrolled".to_string(), |at| format!("revoked {at}"));
                println!("{name}\t{}\t{state}", s.key);
            }
            OK
        }
    }
}
