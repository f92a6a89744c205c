//! An LRS and an LMS for the tests, shared by the `cli` and `runtime` test binaries (each
//! uses a part of it): Ralph (PyPI `ralph-malph`, an open-source xAPI LRS) started on
//! 127.0.0.1 from the venv `tools/lrs/setup.sh` makes (tools/test.sh runs it and sets
//! `PRAXIS_RALPH_VENV`), and the LMS stand-in `tools/lrs/lms_standin.py` in front of it.

#![allow(dead_code, reason = "each test binary uses a part")]

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub const USER: &str = "praxis-test";
pub const PASSWORD: &str = "not-a-secret";

/// A Ralph LRS process; killed when dropped.
pub struct Ralph {
    child: Option<Child>,
    pub port: u16,
    dir: PathBuf,
}

pub fn venv_python() -> PathBuf {
    let venv = std::env::var_os("PRAXIS_RALPH_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").expect("HOME")).join(".cache/praxis/ralph-venv")
        });
    let python = venv.join("bin/python");
    assert!(
        python.is_file(),
        "Ralph is not installed in {}: run tools/lrs/setup.sh (tools/test.sh does)",
        venv.display()
    );
    python
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Ralph {
    pub fn start(dir: &Path) -> Ralph {
        let mut r = Ralph {
            child: None,
            port: free_port(),
            dir: dir.to_path_buf(),
        };
        r.restart();
        r
    }

    /// Starts (again) on the same port and data folder; waits until it answers.
    pub fn restart(&mut self) {
        let log = std::fs::File::create(self.dir.with_extension("log")).unwrap();
        let child = Command::new(venv_python())
            .arg(root().join("tools/lrs/ralph_lrs.py"))
            .arg(self.port.to_string())
            .arg(&self.dir)
            .args([USER, PASSWORD])
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("Ralph starts");
        self.child = Some(child);
        let start = Instant::now();
        loop {
            if let Ok(body) = get(&format!("http://127.0.0.1:{}/__heartbeat__", self.port))
                && body.contains("ok")
            {
                return;
            }
            if let Some(Ok(Some(status))) = self.child.as_mut().map(Child::try_wait) {
                panic!(
                    "Ralph exited ({status}): {}",
                    std::fs::read_to_string(self.dir.with_extension("log")).unwrap_or_default()
                );
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "Ralph did not answer within 60 s"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Kills the LRS at once (SIGKILL), as a crash would.
    pub fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}/xAPI/", self.port)
    }

    /// Statements stored so far (lines of the file-system backend's file).
    pub fn stored_lines(&self) -> usize {
        std::fs::read_to_string(self.dir.join("fs_lrs.jsonl"))
            .map(|t| t.lines().count())
            .unwrap_or(0)
    }

    /// Every statement, read back through the LRS's own statements API (following `more`).
    pub fn statements(&self) -> Vec<Value> {
        let mut out = Vec::new();
        let mut url = format!("{}statements?limit=100", self.endpoint());
        loop {
            let body = get_auth(&url).expect("GET statements");
            let page: Value = serde_json::from_str(&body).unwrap();
            out.extend(page["statements"].as_array().unwrap().iter().cloned());
            match page["more"].as_str() {
                Some(more) if !more.is_empty() => {
                    url = format!("http://127.0.0.1:{}{more}", self.port);
                }
                _ => return out,
            }
        }
    }
}

impl Drop for Ralph {
    fn drop(&mut self) {
        self.kill();
    }
}

pub fn get(url: &str) -> Result<String, String> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(5)))
        .build()
        .into();
    agent
        .get(url)
        .call()
        .map_err(|e| e.to_string())?
        .body_mut()
        .read_to_string()
        .map_err(|e| e.to_string())
}

pub fn get_auth(url: &str) -> Result<String, String> {
    use base64::Engine as _;
    let token = base64::engine::general_purpose::STANDARD.encode(format!("{USER}:{PASSWORD}"));
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into();
    agent
        .get(url)
        .header("Authorization", format!("Basic {token}"))
        .header("X-Experience-API-Version", "1.0.3")
        .call()
        .map_err(|e| e.to_string())?
        .body_mut()
        .read_to_string()
        .map_err(|e| e.to_string())
}

pub const ACTIVITY: &str = "https://lms.example.org/activities/au/hand-hygiene-7f3a";
pub const PUBLISHER_ID: &str = "https://w3id.org/praxis/xapi/activities/cmi5/aus/hand-hygiene";

pub struct StandIn {
    child: Child,
    port: u16,
    config: PathBuf,
    log: PathBuf,
}

impl StandIn {
    pub fn start(dir: &Path, ralph: &Ralph, config: &Value) -> StandIn {
        let port = free_port();
        let config_path = dir.join("lms.json");
        std::fs::write(&config_path, config.to_string()).unwrap();
        let log = dir.join("lms.log");
        let child = Command::new(venv_python())
            .arg(root().join("tools/lrs/lms_standin.py"))
            .arg(port.to_string())
            .arg(ralph.endpoint())
            .args([USER, PASSWORD])
            .arg(&config_path)
            .arg(&log)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the LMS stand-in starts");
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "the LMS stand-in did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        StandIn {
            child,
            port,
            config: config_path,
            log,
        }
    }

    pub fn set(&self, config: &Value) {
        std::fs::write(&self.config, config.to_string()).unwrap();
    }

    /// The AU launch URL with the cmi5 parameters (§8.1), URL-encoded, for a fresh fetch key.
    pub fn launch_url(&self, config: &Value, key: &str) -> String {
        let enc = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
        format!(
            "https://lms.example.org/content/praxis/launch.html?scenario=hand-hygiene&endpoint={}&fetch={}&actor={}&registration={}&activityId={}",
            enc(&format!("http://127.0.0.1:{}/xAPI/", self.port)),
            enc(&format!("http://127.0.0.1:{}/fetch/{key}", self.port)),
            enc(&config["actor"].to_string()),
            config["registration"].as_str().unwrap(),
            enc(ACTIVITY)
        )
    }

    pub fn requests(&self) -> Vec<Value> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

impl Drop for StandIn {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn lms_config(registration: &str, mode: &str, mastery: f64) -> Value {
    json!({
        "actor": {"objectType": "Agent", "account": {"homePage": "https://lms.example.org", "name": "learner-7a"}},
        "registration": registration,
        "activityId": ACTIVITY,
        "launchData": {
            "contextTemplate": {
                "contextActivities": {"grouping": [{"objectType": "Activity", "id": PUBLISHER_ID}]},
                "extensions": {"https://w3id.org/xapi/cmi5/context/extensions/sessionid": format!("session-{mode}-{registration}")}
            },
            "launchMode": mode,
            "launchParameters": "mode=assessment",
            "masteryScore": mastery,
            "moveOn": "CompletedAndPassed",
            "returnURL": "https://lms.example.org/course/42"
        },
        "preferences": {"languagePreference": "fr-FR,en-US", "audioPreference": "off"}
    })
}

/// The last segment of a statement's verb id (`initialized`, `passed`, …).
pub fn verb(s: &Value) -> &str {
    s["verb"]["id"]
        .as_str()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
}

/// A statement timestamp as a time, whatever zone notation the LRS gives it back in.
pub fn time_of(timestamp: &Value) -> std::time::SystemTime {
    humantime::parse_rfc3339_weak(
        timestamp
            .as_str()
            .unwrap()
            .trim_end_matches('Z')
            .split('+')
            .next()
            .unwrap(),
    )
    .unwrap()
}
