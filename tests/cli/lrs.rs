//! `praxis push` against a real LRS: Ralph (PyPI `ralph-malph`), started here on 127.0.0.1 from
//! the venv `tools/lrs/setup.sh` makes (tools/test.sh runs it and sets `PRAXIS_RALPH_VENV`).

use super::center::record;
use super::{root, temp_dir, text};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub(crate) const USER: &str = "praxis-test";
pub(crate) const PASSWORD: &str = "not-a-secret";

/// A Ralph LRS process; killed when dropped.
pub(crate) struct Ralph {
    child: Option<Child>,
    pub(crate) port: u16,
    dir: PathBuf,
}

pub(crate) fn venv_python() -> PathBuf {
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

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Ralph {
    pub(crate) fn start(dir: &Path) -> Ralph {
        let mut r = Ralph {
            child: None,
            port: free_port(),
            dir: dir.to_path_buf(),
        };
        r.restart();
        r
    }

    /// Starts (again) on the same port and data folder; waits until it answers.
    pub(crate) fn restart(&mut self) {
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
    pub(crate) fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    pub(crate) fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}/xAPI/", self.port)
    }

    /// Statements stored so far (lines of the file-system backend's file).
    fn stored_lines(&self) -> usize {
        std::fs::read_to_string(self.dir.join("fs_lrs.jsonl"))
            .map(|t| t.lines().count())
            .unwrap_or(0)
    }

    /// Every statement, read back through the LRS's own statements API (following `more`).
    pub(crate) fn statements(&self) -> Vec<Value> {
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

fn get(url: &str) -> Result<String, String> {
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

fn get_auth(url: &str) -> Result<String, String> {
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

/// `praxis` with the LRS settings in the environment (never on the command line).
fn praxis_lrs(ralph: &Ralph, queue: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_praxis"));
    c.args(args)
        .current_dir(root())
        .env("PRAXIS_CONFIG_DIR", super::station_dir())
        .env("PRAXIS_PUSH_QUEUE", queue)
        .env("PRAXIS_LRS_ENDPOINT", ralph.endpoint())
        .env("PRAXIS_LRS_USERNAME", USER)
        .env("PRAXIS_LRS_PASSWORD", PASSWORD)
        .env("PRAXIS_XAPI_HOMEPAGE", "https://lms.example.org");
    c
}

fn run(mut c: Command) -> Output {
    c.output().expect("praxis runs")
}

/// Records of a small cohort, and the statements `praxis export xapi` makes of them, by id.
fn cohort(dir: &Path, n: usize) -> (Vec<String>, BTreeMap<String, Value>) {
    let logs = [
        "perfect",
        "missed-thumbs",
        "dried-with-towel",
        "wrong-moment",
        "rub-too-short",
    ];
    let files: Vec<String> = (0..n)
        .map(|i| {
            record(
                dir,
                logs[i % logs.len()],
                &format!("nurse-{}", i % 4),
                &format!("{i:03}.jsonl"),
            )
            .to_str()
            .unwrap()
            .to_string()
        })
        .collect();
    let mut args = vec!["export", "xapi"];
    args.extend(files.iter().map(String::as_str));
    let o = Command::new(env!("CARGO_BIN_EXE_praxis"))
        .args(&args)
        .current_dir(root())
        .env("PRAXIS_CONFIG_DIR", super::station_dir())
        .env("PRAXIS_XAPI_HOMEPAGE", "https://lms.example.org")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o));
    let all: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    let by_id = all
        .into_iter()
        .map(|s| (s["id"].as_str().unwrap().to_string(), s))
        .collect();
    (files, by_id)
}

/// What the LRS must give back as it was sent (it adds `stored`, `authority`, `version`).
fn same(sent: &Value, got: &Value) {
    for key in ["actor", "verb", "object", "result", "timestamp"] {
        let (a, b) = (&sent[key], &got[key]);
        if key == "timestamp" {
            let t = |v: &Value| {
                humantime::parse_rfc3339_weak(
                    v.as_str()
                        .unwrap()
                        .trim_end_matches('Z')
                        .split('+')
                        .next()
                        .unwrap(),
                )
                .unwrap()
            };
            assert_eq!(t(a), t(b), "timestamp of {}", sent["id"]);
        } else {
            assert_eq!(a, b, "{key} of {}", sent["id"]);
        }
    }
    assert_eq!(
        sent["context"]["registration"], got["context"]["registration"],
        "registration of {}",
        sent["id"]
    );
    assert_eq!(
        sent["context"]["extensions"], got["context"]["extensions"],
        "context extensions of {}",
        sent["id"]
    );
}

#[test]
fn a_cohort_pushed_to_ralph_reads_back_the_same_and_is_never_stored_twice() {
    let dir = temp_dir("push");
    let ralph = Ralph::start(&dir.join("ralph"));
    let queue = dir.join("queue");
    let (files, sent) = cohort(&dir, 8);
    let mut args = vec!["push", "--batch", "40"];
    args.extend(files.iter().map(String::as_str));
    let o = run(praxis_lrs(&ralph, &queue, &args));
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains(&format!("sent {} statements of 8 sessions", sent.len())),
        "{}",
        text(&o)
    );
    let got = ralph.statements();
    assert_eq!(got.len(), sent.len());
    for s in &got {
        let id = s["id"].as_str().unwrap();
        same(&sent[id], s);
    }

    // Again: the LRS already has every statement and stores none twice.
    let o = run(praxis_lrs(&ralph, &queue, &args));
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains(&format!("({} it already had)", sent.len())),
        "{}",
        text(&o)
    );
    assert_eq!(ralph.statements().len(), sent.len());

    // Wrong credentials: nothing sent, the queue keeps the statements, a clear reason.
    let mut c = praxis_lrs(&ralph, &queue, &["push", &files[0]]);
    c.env("PRAXIS_LRS_PASSWORD", "wrong");
    let o = run(c);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("refused the credentials"), "{}", text(&o));
    assert!(text(&o).contains("1 sessions wait"), "{}", text(&o));
    // No LRS set: a clear error, the queue is kept.
    let mut c = praxis_lrs(&ralph, &queue, &["push"]);
    c.env_remove("PRAXIS_LRS_ENDPOINT");
    let o = run(c);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("no LRS is set"), "{}", text(&o));
    let o = run(praxis_lrs(&ralph, &queue, &["push"]));
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("0 sessions wait"), "{}", text(&o));
}

#[test]
fn killing_the_lrs_or_the_push_mid_way_loses_nothing_and_duplicates_nothing() {
    let dir = temp_dir("push-kill");
    let mut ralph = Ralph::start(&dir.join("ralph"));
    let queue = dir.join("queue");
    let (files, sent) = cohort(&dir, 30);
    let mut args = vec!["push", "--queue-only"];
    args.extend(files.iter().map(String::as_str));
    let o = run(praxis_lrs(&ralph, &queue, &args));
    assert!(o.status.success(), "{}", text(&o));

    let wait_for = |ralph: &Ralph, lines: usize| {
        let start = Instant::now();
        while ralph.stored_lines() < lines {
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "the push makes no progress"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    };

    // The push is killed (SIGKILL) after some batches.
    let mut push = praxis_lrs(&ralph, &queue, &["push", "--batch", "10"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for(&ralph, 40);
    push.kill().unwrap();
    push.wait().unwrap();
    let after_kill = ralph.stored_lines();
    assert!(
        after_kill < sent.len(),
        "the push finished before it was killed"
    );

    // The LRS is killed mid-push and comes back: the push waits and retries.
    let push = praxis_lrs(
        &ralph,
        &queue,
        &["push", "--batch", "10", "--retries", "12"],
    )
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    wait_for(&ralph, after_kill + 30);
    ralph.kill();
    std::thread::sleep(Duration::from_secs(2));
    ralph.restart();
    let o = push.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("0 sessions wait"), "{}", text(&o));

    // Everything is there once, as sent.
    let got = ralph.statements();
    let ids: std::collections::BTreeSet<&str> =
        got.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), got.len(), "a statement is stored twice");
    assert_eq!(got.len(), sent.len(), "statements were lost");
    for s in &got {
        same(&sent[s["id"].as_str().unwrap()], s);
    }
}
