//! Any bytes given to the session-record reader and to the check a center runs (chain,
//! signature, station, re-scoring), and the events read replayed through the tracker as
//! `praxis replay` does whatever the signature says: a verdict, never a panic, an abort or a
//! hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use praxis::center::verify::{self, ScenarioSet, TrustPolicy};
use praxis::scenario::Scenario;
use std::sync::{Arc, OnceLock};

fn scenarios() -> &'static ScenarioSet {
    static S: OnceLock<ScenarioSet> = OnceLock::new();
    S.get_or_init(|| {
        let mut set = ScenarioSet::default();
        for (name, text) in [
            ("hand-hygiene.ron", include_str!("../../scenarios/hand-hygiene.ron")),
            ("buffer-preparation.ron", include_str!("../../scenarios/buffer-preparation.ron")),
        ] {
            set.insert(Arc::new(Scenario::from_ron_str(name, text).expect("valid")));
        }
        set
    })
}

fuzz_target!(|data: &[u8]| {
    if let Ok(rec) = praxis::record::read(data) {
        let _ = praxis::record::sign::check(&rec);
        let set = scenarios();
        let scenario = set
            .get(&rec.header.scenario.sha256)
            .or_else(|| set.iter().next())
            .expect("two scenarios");
        let _ = praxis::record::replay(&rec, scenario.clone());
    }
    let policy = TrustPolicy::Keys(vec!["jJaL1u/KtJhmAi2mkflVQfCeQ/j6kqQtmfh/zb6vVIQ=".into()]);
    let (_, verdict) = verify::check(data, &policy, scenarios());
    let _ = verdict.describe();
});
