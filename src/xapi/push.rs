//! Sending statements to an LRS through a queue on disk.
//!
//! Each session's statements are queued as one file (`<session>.json`, written beside its name
//! and renamed, so a file in the queue is always whole). Sending takes the files in the order
//! they were queued, a batch of statements at a time (xAPI `POST /statements`), and deletes a
//! file only once the LRS has answered that its statements are stored. A push that is killed,
//! or an LRS that goes down, loses nothing: what was not acknowledged is sent again, and since
//! statement ids are fixed (UUIDv5 of the session and the part of it), the LRS stores nothing
//! twice (xAPI 1.0.3, Communication 2.1.2: a statement whose id exists is not stored again).
//!
//! Unreachable LRS, `429` and `5xx` answers are retried with exponential backoff; `401`/`403`
//! stop the push; `400` and `409` refuse a batch, whose files are then sent one at a time so
//! that only the session the LRS refuses is set aside, in `refused/` with the LRS's answer.

use base64::Engine as _;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The queue of statements waiting for the LRS.
#[derive(Debug, Clone)]
pub struct Queue {
    dir: PathBuf,
}

/// Where an LRS is and who we are to it.
#[derive(Debug, Clone)]
pub struct Lrs {
    /// The xAPI endpoint, ending in `/`.
    pub endpoint: String,
    /// `Basic …` authorization, when credentials are set.
    pub authorization: Option<String>,
}

/// How to push.
#[derive(Debug, Clone)]
pub struct Options {
    /// Statements per request.
    pub batch: usize,
    /// Retries of a batch the LRS could not take (unreachable, 429, 5xx) before stopping.
    pub retries: u32,
    /// The first wait between retries; each next one doubles.
    pub backoff: Duration,
    /// Timeout of one request.
    pub timeout: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            batch: 500,
            retries: 6,
            backoff: Duration::from_millis(500),
            timeout: Duration::from_secs(60),
        }
    }
}

/// What a push did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Sessions whose statements the LRS acknowledged (and that left the queue).
    pub sessions_sent: usize,
    /// Statements acknowledged.
    pub statements_sent: usize,
    /// Of those, statements the LRS already had.
    pub already_there: usize,
    /// Sessions set aside because the LRS refused them: (queue file, the LRS's answer).
    pub refused: Vec<(PathBuf, String)>,
    /// Sessions still waiting in the queue.
    pub waiting: usize,
    /// Why the push stopped early, if it did.
    pub stopped: Option<String>,
}

/// Why a request did not store a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Failure {
    /// Try again later: unreachable, timeout, 429, 5xx.
    Later(String),
    /// Credentials: 401, 403. Stop.
    Auth(String),
    /// The LRS refuses the statements: 400, 409, other 4xx.
    Refused(String),
}

impl Queue {
    /// The queue in `dir` (created if needed).
    pub fn open(dir: &Path) -> Result<Queue, String> {
        std::fs::create_dir_all(dir.join("refused"))
            .map_err(|e| format!("{}: {e}", dir.display()))?;
        Ok(Queue {
            dir: dir.to_path_buf(),
        })
    }

    /// The queue's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Queues a session's statements; false when that session is already queued.
    pub fn add(&self, session: &uuid::Uuid, statements: &[Value]) -> Result<bool, String> {
        let path = self.dir.join(format!("{session}.json"));
        if path.exists() {
            return Ok(false);
        }
        let tmp = self.dir.join(format!(".{session}.json.tmp"));
        let bytes = serde_json::to_vec(statements).map_err(|e| e.to_string())?;
        std::fs::write(&tmp, bytes)
            .and_then(|_| std::fs::File::open(&tmp)?.sync_all())
            .and_then(|_| std::fs::rename(&tmp, &path))
            .map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(true)
    }

    /// The queued files, oldest first.
    pub fn pending(&self) -> Result<Vec<PathBuf>, String> {
        let mut files: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(&self.dir)
            .map_err(|e| format!("{}: {e}", self.dir.display()))?
            .flatten()
            .filter(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                name.ends_with(".json") && !name.starts_with('.')
            })
            .map(|e| {
                let t = e
                    .metadata()
                    .and_then(|m| m.modified())
                    .unwrap_or(std::time::UNIX_EPOCH);
                (t, e.path())
            })
            .collect();
        files.sort();
        Ok(files.into_iter().map(|(_, p)| p).collect())
    }

    fn refuse(&self, file: &Path, reason: &str) -> Result<PathBuf, String> {
        let name = file.file_name().unwrap_or_default();
        let to = self.dir.join("refused").join(name);
        std::fs::rename(file, &to).map_err(|e| format!("{}: {e}", file.display()))?;
        let _ = std::fs::write(to.with_extension("reason.txt"), format!("{reason}\n"));
        Ok(to)
    }
}

impl Lrs {
    /// An LRS from its endpoint and optional credentials.
    pub fn new(endpoint: &str, username: Option<&str>, password: Option<&str>) -> Lrs {
        let mut endpoint = endpoint.to_string();
        if !endpoint.ends_with('/') {
            endpoint.push('/');
        }
        let authorization = username.map(|u| {
            let token = base64::engine::general_purpose::STANDARD
                .encode(format!("{u}:{}", password.unwrap_or("")));
            format!("Basic {token}")
        });
        Lrs {
            endpoint,
            authorization,
        }
    }

    fn agent(&self, timeout: Duration) -> ureq::Agent {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(timeout))
            .build()
            .into()
    }

    /// Posts statements; returns how many the LRS newly stored.
    fn post(&self, agent: &ureq::Agent, statements: &[Value]) -> Result<usize, Failure> {
        let body = serde_json::to_vec(statements).map_err(|e| Failure::Refused(e.to_string()))?;
        let mut req = agent
            .post(format!("{}statements", self.endpoint))
            .header("Content-Type", "application/json")
            .header("X-Experience-API-Version", "1.0.3");
        if let Some(a) = &self.authorization {
            req = req.header("Authorization", a);
        }
        let mut resp = match req.send(&body[..]) {
            Ok(r) => r,
            Err(e) => return Err(Failure::Later(format!("cannot reach the LRS: {e}"))),
        };
        let status = resp.status().as_u16();
        let text = resp
            .body_mut()
            .with_config()
            .limit(1 << 20)
            .read_to_string()
            .unwrap_or_default();
        let answer = || {
            let t = text.trim();
            let t: String = t.chars().take(600).collect();
            format!("HTTP {status}: {t}")
        };
        match status {
            200 => Ok(serde_json::from_str::<Vec<String>>(&text)
                .map(|ids| ids.len())
                .unwrap_or(statements.len())),
            204 => Ok(0),
            401 | 403 => Err(Failure::Auth(answer())),
            408 | 429 | 500..=599 => Err(Failure::Later(answer())),
            _ => Err(Failure::Refused(answer())),
        }
    }

    /// Asks the LRS whether it answers (`GET about`).
    pub fn about(&self, timeout: Duration) -> Result<String, String> {
        let agent = self.agent(timeout);
        let mut req = agent
            .get(format!("{}about", self.endpoint))
            .header("X-Experience-API-Version", "1.0.3");
        if let Some(a) = &self.authorization {
            req = req.header("Authorization", a);
        }
        let mut resp = req.call().map_err(|e| e.to_string())?;
        let text = resp.body_mut().read_to_string().unwrap_or_default();
        if resp.status().is_success() {
            Ok(text)
        } else {
            Err(format!("HTTP {}: {text}", resp.status().as_u16()))
        }
    }
}

fn read(file: &Path) -> Result<Vec<Value>, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    serde_json::from_slice(&bytes).map_err(|e| format!("{}: {e}", file.display()))
}

/// Sends what waits in the queue; `progress(sessions, statements)` is called after each
/// acknowledged batch with the totals so far.
pub fn push(
    queue: &Queue,
    lrs: &Lrs,
    opts: &Options,
    mut progress: impl FnMut(usize, usize),
) -> Result<Report, String> {
    let files = queue.pending()?;
    let agent = lrs.agent(opts.timeout);
    let mut report = Report::default();
    let mut i = 0;
    while i < files.len() {
        // A batch: whole files, up to `batch` statements (at least one file).
        let mut batch: Vec<(PathBuf, Vec<Value>)> = Vec::new();
        let mut count = 0;
        while i < files.len() && (batch.is_empty() || count < opts.batch) {
            let statements = match read(&files[i]) {
                Ok(s) => s,
                Err(e) => {
                    let to = queue.refuse(&files[i], &format!("unreadable queue file: {e}"))?;
                    report.refused.push((to, e));
                    i += 1;
                    continue;
                }
            };
            if !batch.is_empty() && count + statements.len() > opts.batch {
                break;
            }
            count += statements.len();
            batch.push((files[i].clone(), statements));
            i += 1;
        }
        if batch.is_empty() {
            continue;
        }
        let all: Vec<Value> = batch.iter().flat_map(|(_, s)| s.iter().cloned()).collect();
        match send_with_retries(lrs, &agent, &all, opts) {
            Ok(stored) => {
                acknowledge(&batch, stored, all.len(), &mut report)?;
            }
            Err(Failure::Refused(_)) if batch.len() > 1 => {
                // Find which sessions the LRS refuses: one at a time.
                for one in batch {
                    let single = std::slice::from_ref(&one);
                    match send_with_retries(lrs, &agent, &one.1, opts) {
                        Ok(stored) => acknowledge(single, stored, one.1.len(), &mut report)?,
                        Err(Failure::Refused(why)) => {
                            let to = queue.refuse(&one.0, &why)?;
                            report.refused.push((to, why));
                        }
                        Err(Failure::Auth(why) | Failure::Later(why)) => {
                            report.stopped = Some(why);
                            break;
                        }
                    }
                }
                if report.stopped.is_some() {
                    break;
                }
            }
            Err(Failure::Refused(why)) => {
                let to = queue.refuse(&batch[0].0, &why)?;
                report.refused.push((to, why));
            }
            Err(Failure::Auth(why)) => {
                report.stopped = Some(format!("the LRS refused the credentials: {why}"));
                break;
            }
            Err(Failure::Later(why)) => {
                report.stopped = Some(format!(
                    "{why} (gave up after {} retries; run `praxis push` again later)",
                    opts.retries
                ));
                break;
            }
        }
        progress(report.sessions_sent, report.statements_sent);
    }
    report.waiting = queue.pending()?.len();
    Ok(report)
}

fn acknowledge(
    batch: &[(PathBuf, Vec<Value>)],
    stored: usize,
    total: usize,
    report: &mut Report,
) -> Result<(), String> {
    for (file, _) in batch {
        std::fs::remove_file(file).map_err(|e| format!("{}: {e}", file.display()))?;
        report.sessions_sent += 1;
    }
    report.statements_sent += total;
    report.already_there += total.saturating_sub(stored);
    Ok(())
}

fn send_with_retries(
    lrs: &Lrs,
    agent: &ureq::Agent,
    statements: &[Value],
    opts: &Options,
) -> Result<usize, Failure> {
    let mut wait = opts.backoff;
    let mut attempt = 0;
    loop {
        match lrs.post(agent, statements) {
            Err(Failure::Later(why)) => {
                if attempt >= opts.retries {
                    return Err(Failure::Later(why));
                }
                attempt += 1;
                std::thread::sleep(wait);
                wait = (wait * 2).min(Duration::from_secs(60));
            }
            other => return other,
        }
    }
}
