//! Settings of the command-line tools, from `config.toml` in the user's configuration folder
//! (see [`crate::station::config_dir`]), each overridable by an environment variable. Secrets
//! (the LRS password) come from here or the environment, never from the command line.
//!
//! ```toml
//! [xapi]
//! # The system learners' pseudonymous accounts belong to (xAPI actor account homePage).
//! homepage = "https://lms.example-hospital.org"
//! # Where activity ids start (scenarios, steps, error rules).
//! activity_base = "https://lms.example-hospital.org/praxis"
//!
//! [lrs]
//! endpoint = "https://lrs.example-hospital.org/xAPI/"
//! username = "praxis-station"
//! password = "…"
//!
//! [cmi5]
//! # Accept an LMS reached by plain http on the network (not only on this machine).
//! allow_http = false
//! ```

use serde::Deserialize;
use std::path::PathBuf;

/// The default actor account home page when none is configured.
pub const DEFAULT_HOMEPAGE: &str = "https://praxis.invalid/learners";
/// The default start of activity ids.
pub const DEFAULT_ACTIVITY_BASE: &str = "https://w3id.org/praxis/xapi/activities";

/// xAPI settings.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Xapi {
    /// Actor account home page (`PRAXIS_XAPI_HOMEPAGE`).
    pub homepage: Option<String>,
    /// Start of activity ids (`PRAXIS_XAPI_ACTIVITY_BASE`).
    pub activity_base: Option<String>,
}

/// The LRS statements are pushed to.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lrs {
    /// The xAPI endpoint (`PRAXIS_LRS_ENDPOINT`).
    pub endpoint: Option<String>,
    /// Basic-auth user (`PRAXIS_LRS_USERNAME`).
    pub username: Option<String>,
    /// Basic-auth password (`PRAXIS_LRS_PASSWORD`).
    pub password: Option<String>,
}

/// cmi5 launches.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cmi5 {
    /// Accept an LMS reached by plain `http` on another machine (`PRAXIS_CMI5_ALLOW_HTTP=1`);
    /// by default only `https`, or `http` on this machine.
    #[serde(default)]
    pub allow_http: bool,
}

/// Everything in `config.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// xAPI settings.
    #[serde(default)]
    pub xapi: Xapi,
    /// LRS settings.
    #[serde(default)]
    pub lrs: Lrs,
    /// cmi5 settings.
    #[serde(default)]
    pub cmi5: Cmi5,
}

/// The configuration file.
pub fn path() -> PathBuf {
    crate::station::config_dir().join("config.toml")
}

impl Config {
    /// Reads the file (none is fine) and applies the environment over it.
    pub fn load() -> Result<Config, String> {
        let path = path();
        let mut c: Config = match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Config::default(),
            Err(e) => return Err(format!("{}: {e}", path.display())),
        };
        let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let set = |slot: &mut Option<String>, k: &str| {
            if let Some(v) = env(k) {
                *slot = Some(v);
            }
        };
        set(&mut c.xapi.homepage, "PRAXIS_XAPI_HOMEPAGE");
        set(&mut c.xapi.activity_base, "PRAXIS_XAPI_ACTIVITY_BASE");
        set(&mut c.lrs.endpoint, "PRAXIS_LRS_ENDPOINT");
        set(&mut c.lrs.username, "PRAXIS_LRS_USERNAME");
        set(&mut c.lrs.password, "PRAXIS_LRS_PASSWORD");
        if let Some(v) = env("PRAXIS_CMI5_ALLOW_HTTP") {
            c.cmi5.allow_http = matches!(v.as_str(), "1" | "true" | "yes");
        }
        Ok(c)
    }

    /// The actor account home page.
    pub fn homepage(&self) -> &str {
        self.xapi.homepage.as_deref().unwrap_or(DEFAULT_HOMEPAGE)
    }

    /// The start of activity ids, without a trailing slash.
    pub fn activity_base(&self) -> &str {
        self.xapi
            .activity_base
            .as_deref()
            .unwrap_or(DEFAULT_ACTIVITY_BASE)
            .trim_end_matches('/')
    }
}
