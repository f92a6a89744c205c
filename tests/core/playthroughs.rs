//! Every event log under `tests/playthroughs/<scenario>/` replays through the core with the
//! outcome its `@expect` lines state; the records it makes are byte-identical run after run and
//! re-score to what they store.

use crate::support;
use praxis::action::{ActionKind, LearnerAction};
use praxis::eventlog::{ExpectKind, unmet_expectations};
use praxis::record::{self, Header};
use praxis::tracker::Tracker;

fn header(
    scenario: &praxis::scenario::Scenario,
    config: &praxis::tracker::SessionConfig,
) -> Header {
    Header::new(
        scenario,
        config,
        uuid::Uuid::from_u128(0x1234_5678_9abc_def0_1234_5678_9abc_def0),
        "2026-11-22T09:30:00Z",
        "station-test",
        "learner-0001",
    )
}

fn with_finish(actions: &[LearnerAction]) -> Vec<LearnerAction> {
    let mut actions = actions.to_vec();
    if !matches!(actions.last().map(|a| &a.kind), Some(ActionKind::Finish)) {
        let at = actions.last().map_or(Default::default(), |a| a.at);
        actions.push(LearnerAction {
            at,
            kind: ActionKind::Finish,
        });
    }
    actions
}

#[test]
fn every_playthrough_meets_its_expectations() {
    let dir = support::root().join("tests/playthroughs");
    let mut checked = 0;
    for scenario_dir in std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
    {
        let id = scenario_dir
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let scenario = support::scenario(&id);
        let logs = support::files(&scenario_dir, "events");
        assert!(
            logs.iter()
                .any(|p| p.file_name().unwrap() == "perfect.events"),
            "{id}: every scenario has a perfect playthrough"
        );
        for path in logs {
            let log = support::event_log(&path, &scenario);
            assert!(
                !log.expectations.is_empty(),
                "{}: a playthrough states what it expects",
                path.display()
            );
            let mut tracker = Tracker::new(scenario.clone(), log.config.clone());
            let mut feedback = Vec::new();
            for a in with_finish(&log.actions) {
                tracker.apply(&a, &mut feedback);
            }
            let outcome = tracker.outcome();
            let unmet = unmet_expectations(&log, &scenario, &outcome);
            assert!(
                unmet.is_empty(),
                "{}: {}\n{}",
                path.display(),
                unmet
                    .iter()
                    .map(|(e, found)| format!("`{}` not met: {found}", e.text))
                    .collect::<Vec<_>>()
                    .join("\n"),
                praxis::trace::summary(&scenario, &outcome, praxis::text::Lang::En)
            );
            if path.file_name().unwrap() == "perfect.events" {
                assert!(
                    outcome.passed && outcome.score.scaled == 1.0,
                    "{}: the perfect run passes with full score",
                    path.display()
                );
                assert!(
                    outcome.errors.is_empty() && outcome.critical.is_empty(),
                    "{}",
                    path.display()
                );
            } else {
                let critical_expected = log
                    .expectations
                    .iter()
                    .any(|e| matches!(e.kind, ExpectKind::Critical(_)));
                if critical_expected {
                    assert!(
                        !outcome.passed,
                        "{}: a critical error fails the session",
                        path.display()
                    );
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} playthroughs found");
}

#[test]
fn records_are_byte_identical_and_rescore_to_what_they_store() {
    for id in support::scenario_ids() {
        let scenario = support::scenario(&id);
        let dir = support::root().join("tests/playthroughs").join(id);
        for path in support::files(&dir, "events") {
            let log = support::event_log(&path, &scenario);
            let actions = with_finish(&log.actions);
            let h = header(&scenario, &log.config);
            let make = || {
                let (_, bytes) = record::record_session(
                    scenario.clone(),
                    &h,
                    &actions,
                    Vec::new(),
                    &mut Vec::new(),
                )
                .unwrap();
                bytes
            };
            let first = make();
            assert_eq!(
                first,
                make(),
                "{}: same inputs, same record bytes",
                path.display()
            );
            let rec = record::read(&first).unwrap();
            assert_eq!(
                rec.integrity,
                record::Integrity::Complete,
                "{}",
                path.display()
            );
            assert_eq!(
                rec.events,
                actions,
                "{}: the record holds the actions",
                path.display()
            );
            let replay = record::replay(&rec, scenario.clone());
            assert!(
                replay.matches(&rec),
                "{}: {:?}",
                path.display(),
                replay.differences
            );

            // The actions survive a JSON round trip unchanged, and so does the record.
            let json = serde_json::to_string(&actions).unwrap();
            let again: Vec<LearnerAction> = serde_json::from_str(&json).unwrap();
            let (_, bytes) =
                record::record_session(scenario.clone(), &h, &again, Vec::new(), &mut Vec::new())
                    .unwrap();
            assert_eq!(
                first,
                bytes,
                "{}: round-tripped actions give the same record",
                path.display()
            );
        }
    }
}

#[test]
fn event_logs_print_back_to_the_same_actions() {
    for id in support::scenario_ids() {
        let scenario = support::scenario(&id);
        for path in support::files(
            &support::root().join("tests/playthroughs").join(id),
            "events",
        ) {
            let log = support::event_log(&path, &scenario);
            let text: String = log
                .actions
                .iter()
                .map(|a| praxis::eventlog::format_action(a) + "\n")
                .collect();
            let again = praxis::eventlog::parse("printed", &text)
                .unwrap_or_else(|r| panic!("{}\n{text}", r.render_short()));
            assert_eq!(log.actions, again.actions, "{}", path.display());
        }
    }
}

#[test]
fn a_seeded_fault_is_drawn_the_same_way_every_time() {
    let scenario = support::scenario("cleanroom-gowning");
    let drawn = |seed| {
        let config = praxis::tracker::SessionConfig {
            seed,
            ..Default::default()
        };
        Tracker::new(scenario.clone(), config).faults().to_vec()
    };
    let seeds: Vec<u64> = (0..200).collect();
    let first: Vec<Vec<bool>> = seeds.iter().map(|&s| drawn(s)).collect();
    let second: Vec<Vec<bool>> = seeds.iter().map(|&s| drawn(s)).collect();
    assert_eq!(first, second);
    let expired = scenario
        .model
        .faults
        .iter()
        .position(|f| f.id.as_str() == "expired-coverall-pack")
        .expect("the expired-pack fault");
    let on = first.iter().filter(|f| f[expired]).count();
    // chance 0.25 over 200 seeds: far from 0 and from 200.
    assert!(
        (20..=90).contains(&on),
        "{on} of 200 sessions had the fault"
    );
}

/// Gowning tracks contamination by touch on every sterile garment: whichever one touches the
/// floor during gowning fails the session with its own error, which names it.
#[test]
fn gowning_tracks_contamination_on_every_sterile_garment() {
    let scenario = support::scenario("cleanroom-gowning");
    let dir = support::root().join("tests/playthroughs/cleanroom-gowning");
    let perfect = std::fs::read_to_string(dir.join("perfect.events")).unwrap();
    let sterile: Vec<&str> = scenario
        .index
        .entities
        .iter()
        .filter(|e| e.tags.iter().any(|t| t == "sterile"))
        .map(|e| e.id.as_str())
        .collect();
    assert!(sterile.len() >= 7, "{sterile:?}");
    let mut fired = std::collections::BTreeSet::new();
    for item in &sterile {
        // Just after the first gloves go on (150 s), before most garments are worn.
        let text = perfect.replace(
            "165.0   use hood",
            &format!("160.0   touch {item} clean-floor\n165.0   use hood"),
        );
        assert_ne!(text, perfect);
        let log = praxis::eventlog::parse("contaminated", &text)
            .unwrap_or_else(|r| panic!("{}", r.render_short()));
        let mut tracker = Tracker::new(scenario.clone(), log.config.clone());
        let mut feedback = Vec::new();
        for a in with_finish(&log.actions) {
            tracker.apply(&a, &mut feedback);
        }
        let outcome = tracker.outcome();
        assert!(!outcome.passed, "{item} on the floor still passes");
        let errors: Vec<&str> = outcome
            .critical
            .iter()
            .filter(|c| c.kind == "error")
            .map(|c| c.id.as_str())
            .collect();
        // The first is the garment's own; what it then touches is carried on by the glove.
        assert!(!errors.is_empty(), "{item}: no critical error");
        let feedback = scenario
            .model
            .errors
            .iter()
            .find(|e| e.id.as_str() == errors[0]);
        let feedback = feedback.unwrap().feedback.get("en").to_lowercase();
        let entity = scenario.index.entities.iter().find(|e| e.id == *item);
        let name = entity.unwrap().name.get("en").to_lowercase();
        let name = name.split(" (").next().unwrap();
        assert!(
            name.split(' ').all(|w| feedback.contains(w)),
            "{item}: the feedback does not name it: {feedback}"
        );
        fired.insert(errors[0].to_string());
    }
    assert_eq!(
        fired.len(),
        sterile.len(),
        "one error per garment: {fired:?}"
    );
}

/// `@expect critical STEP` is met by a critical step missed inside a group the debrief names whole,
/// and only by such a step: one done, or outside the group, is not.
#[test]
fn an_expected_critical_step_inside_a_group_reported_whole_is_met() {
    let scenario = support::scenario("cleanroom-gowning");
    let path =
        support::root().join("tests/playthroughs/cleanroom-gowning/packs-not-inspected.events");
    let text = std::fs::read_to_string(&path).unwrap();
    let body: String = text
        .lines()
        .filter(|l| !l.starts_with("@expect"))
        .map(|l| format!("{l}\n"))
        .collect();
    let check = |expect: &str| {
        let log =
            praxis::eventlog::parse("t.events", &format!("@expect critical {expect}\n{body}"))
                .unwrap();
        let mut tracker = Tracker::new(scenario.clone(), log.config.clone());
        for a in with_finish(&log.actions) {
            tracker.apply(&a, &mut Vec::new());
        }
        unmet_expectations(&log, &scenario, &tracker.outcome()).is_empty()
    };
    assert!(check("check-packs"), "the group itself");
    assert!(
        check("inspect-packs") && check("decide-packs"),
        "its missed steps"
    );
    assert!(!check("don-hood"), "a step that was done");
    assert!(!check("mirror-check"), "a step outside the group");
}
