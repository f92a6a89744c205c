//! This machine's station identity: an Ed25519 key pair made on first use and kept in the
//! user's configuration folder (`station.key`, readable by its owner only), used to sign the
//! session records written here. `PRAXIS_CONFIG_DIR` overrides the folder.

use crate::record::sign::StationKey;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use std::path::PathBuf;

/// The user's configuration folder for Praxis.
pub fn config_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("PRAXIS_CONFIG_DIR") {
        return PathBuf::from(d);
    }
    directories::ProjectDirs::from("org", "Praxis", "praxis")
        .map(|p| p.config_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".praxis"))
}

/// Where the station's private key is.
pub fn key_path() -> PathBuf {
    config_dir().join("station.key")
}

/// The station key, made and saved on first use. Errors say which file and why.
pub fn load_or_create() -> Result<StationKey, String> {
    let path = key_path();
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let bytes = B64
                .decode(text.trim())
                .ok()
                .and_then(|b| <[u8; 32]>::try_from(b.as_slice()).ok())
                .ok_or_else(|| {
                    format!("{}: not a station key (32 bytes of base64)", path.display())
                })?;
            Ok(StationKey::from_secret(&bytes))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let key = generate();
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            match write_private(&path, B64.encode(key.secret()).as_bytes()) {
                Ok(()) => Ok(key),
                // Another process made it first: use theirs.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => load_or_create(),
                Err(e) => Err(format!("{}: {e}", path.display())),
            }
        }
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// Writes a file only its owner can read (mode 0600 on Unix), refusing to replace one: the
/// content goes to a temporary file first, then appears whole under its name (a hard link), so
/// no reader ever sees it half written.
/// A new station key, from the operating system's random generator: the one unseeded random
/// draw of Praxis, kept here with the station and out of the record code.
pub fn generate() -> StationKey {
    let mut secret = [0u8; 32];
    rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, &mut secret);
    StationKey::from_secret(&secret)
}

fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let tmp = path.with_extension(format!(
        "tmp-{}-{}",
        std::process::id(),
        uuid::Uuid::new_v4().simple()
    ));
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let result = (|| {
        let mut f = opts.open(&tmp)?;
        f.write_all(bytes)?;
        f.write_all(b"\n")?;
        f.sync_all()?;
        std::fs::hard_link(&tmp, path)
    })();
    let _ = std::fs::remove_file(&tmp);
    result
}
