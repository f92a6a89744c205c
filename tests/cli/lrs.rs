//! `praxis push` against a real LRS: Ralph, started by the tests (see `tests/support/lms.rs`).

use super::center::record;
use super::lms::{PASSWORD, Ralph, USER, time_of};
use super::{root, temp_dir, text};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

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
            assert_eq!(time_of(a), time_of(b), "timestamp of {}", sent["id"]);
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

    // A session the LRS refuses (here a statement without actor or object, as a damaged queue
    // file would hold) is set aside with the LRS's answer; the others in its batch still go.
    let bad = r#"[{"id":"7d7a5b0e-1111-4222-8333-444444444444","verb":{"id":"http://adlnet.gov/expapi/verbs/completed"}}]"#;
    std::fs::write(queue.join("damaged.json"), bad).unwrap();
    let o = run(praxis_lrs(&ralph, &queue, &["push", &files[1]]));
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("refused by the LRS"), "{}", text(&o));
    assert!(text(&o).contains("1 refused"), "{}", text(&o));
    assert!(text(&o).contains("0 sessions wait"), "{}", text(&o));
    let reason = std::fs::read_to_string(queue.join("refused/damaged.reason.txt")).unwrap();
    assert!(reason.starts_with("HTTP 4"), "{reason}");
    assert_eq!(ralph.statements().len(), sent.len());
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
    let push = praxis_lrs(&ralph, &queue, &["push", "--batch", "10", "--retries", "8"])
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
