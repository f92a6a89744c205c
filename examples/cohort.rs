//! Writes a synthetic cohort of signed session records, to measure ingest, exports and reports
//! and to look at a report with realistic spread:
//!
//! ```sh
//! cargo run --release --example cohort -- 10000 /tmp/cohort
//! ```
//!
//! Each record replays one of the scenarios' playthrough logs (`tests/playthroughs/`, the
//! perfect run or a typical error) for one of `N / 20` learners, at a start time spread over
//! 90 days; a learner's chance of the perfect run grows with their attempts. Records are signed
//! with this machine's station key (`praxis station key` prints it; enroll it in the center).
//! The same arguments give the same sessions (seeded draws, fixed session ids).

use praxis::eventlog;
use praxis::record::{Header, RecordWriter};
use praxis::rng::SplitMix64;
use praxis::scenario::Scenario;
use praxis::tracker::Tracker;
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn logs(root: &Path, id: &str) -> Vec<(String, eventlog::EventLog)> {
    let dir = root.join("tests/playthroughs").join(id);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("playthroughs")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "events"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let name = p.file_stem().unwrap().to_string_lossy().to_string();
            let log = eventlog::parse(&p.display().to_string(), &text).expect("a valid log");
            (name, log)
        })
        .collect()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .expect("usage: cohort N DIR");
    let out = PathBuf::from(args.next().expect("usage: cohort N DIR"));
    std::fs::create_dir_all(&out).unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let key = praxis::station::load_or_create().expect("station key");
    let mut scenarios = Vec::new();
    for id in ["hand-hygiene", "cleanroom-gowning"] {
        let path = root.join("scenarios").join(format!("{id}.ron"));
        let bytes = std::fs::read(&path).unwrap();
        let s = Scenario::from_bytes(&path.display().to_string(), &bytes, None).unwrap();
        scenarios.push((Arc::new(s), logs(&root, id)));
    }
    let learners = (n / 20).max(1);
    let mut attempts = vec![0u32; learners * scenarios.len()];
    let mut rng = SplitMix64::new(20_261_122);
    let start = humantime::parse_rfc3339("2026-08-24T07:00:00Z").unwrap();
    let namespace = uuid::Uuid::from_u128(0x5052_4158_4953_0000_0000_0000_0000_0000);
    for i in 0..n {
        let learner = (rng.next_u64() % learners as u64) as usize;
        let which = (rng.next_u64() % scenarios.len() as u64) as usize;
        let (scenario, logs): &(Arc<Scenario>, _) = &scenarios[which];
        let k = &mut attempts[learner * scenarios.len() + which];
        *k += 1;
        // 35 % perfect at the first attempt, then better each time.
        let p_perfect = (0.35f64 + 0.15 * f64::from(*k - 1)).min(0.9);
        let roll = (rng.next_u64() % 1000) as f64 / 1000.0;
        let (_, log) = if roll < p_perfect {
            logs.iter().find(|(name, _)| name == "perfect").unwrap()
        } else {
            let errors: Vec<_> = logs.iter().filter(|(name, _)| name != "perfect").collect();
            errors[(rng.next_u64() % errors.len() as u64) as usize]
        };
        let offset = std::time::Duration::from_secs(
            (i as u64 * 90 * 86_400) / n as u64 + rng.next_u64() % 3600,
        );
        let started = humantime::format_rfc3339_seconds(start + offset).to_string();
        let session = uuid::Uuid::new_v5(&namespace, format!("{i}").as_bytes());
        let header = Header::new(
            scenario,
            &log.config,
            session,
            &started,
            "sim-station",
            &format!("learner-{learner:04}"),
        );
        let path = out.join(format!("{i:05}.jsonl"));
        let file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
        let mut w = RecordWriter::create(file, &header).unwrap();
        let mut t = Tracker::new(scenario.clone(), log.config.clone());
        let mut fb = Vec::new();
        for a in &log.actions {
            w.append(a).unwrap();
            t.apply(a, &mut fb);
            if t.is_finished() {
                break;
            }
        }
        if !t.is_finished() {
            let end = praxis::action::LearnerAction {
                at: t.now(),
                kind: praxis::action::ActionKind::Finish,
            };
            w.append(&end).unwrap();
            t.apply(&end, &mut fb);
        }
        w.finish_signed(&t.outcome(), Some(&key)).unwrap();
    }
    eprintln!(
        "wrote {n} records for {learners} learners in {}",
        out.display()
    );
}
