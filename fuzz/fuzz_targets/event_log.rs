//! Any text given to the event-log parser, then checked against a scenario and played through
//! the tracker: a positioned error or an outcome, never a panic, an abort or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use praxis::scenario::Scenario;
use std::sync::{Arc, OnceLock};

fn scenario() -> &'static Arc<Scenario> {
    static S: OnceLock<Arc<Scenario>> = OnceLock::new();
    S.get_or_init(|| {
        let text = include_str!("../../scenarios/basic-life-support.ron");
        Arc::new(Scenario::from_ron_str("basic-life-support.ron", text).expect("valid"))
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(log) = praxis::eventlog::parse("fuzz.events", text) else {
        return;
    };
    let s = scenario();
    if praxis::eventlog::check(&log, s, "fuzz.events", text).is_err() {
        return;
    }
    let mut t = praxis::tracker::Tracker::new(s.clone(), log.config.clone());
    let mut out = Vec::new();
    for a in &log.actions {
        t.apply(a, &mut out);
        out.clear();
    }
    let outcome = t.outcome();
    let _ = serde_json::to_string(&outcome);
});
