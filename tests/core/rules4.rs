//! Judging rules 4: guidance in a branch the learner did not take is not applicable; the next
//! steps show only the branches that can start (the one a fault or the AED's advice selects),
//! and nothing of a choice none of whose branches can start yet; top-level guidance that has
//! arisen comes first and is never early. Records judged under rules 3 keep their meaning.

use crate::support;
use praxis::scoring::StepStatus;
use praxis::tracker::Tracker;

/// The basic-life-support playthrough `run`, under these rules, stopped at `until` seconds (or
/// played to the end): the tracker, to look at its next steps and outcome.
fn play(run: &str, rules: u32, until: Option<f64>) -> Tracker {
    let sc = support::scenario("basic-life-support");
    let path = support::root()
        .join("tests/playthroughs/basic-life-support")
        .join(run);
    let log = support::event_log(&path, &sc);
    let mut config = log.config.clone();
    config.rules = rules;
    let mut t = Tracker::new(sc, config);
    let mut out = Vec::new();
    for a in &log.actions {
        if until.is_some_and(|u| a.at.0 as f64 > u * 1000.0) {
            break;
        }
        t.apply(a, &mut out);
    }
    if let Some(u) = until {
        t.advance(praxis::action::SimTime((u * 1000.0) as u64), &mut out);
    }
    t
}

fn next(t: &Tracker) -> Vec<String> {
    let sc = t.scenario().clone();
    t.next_steps()
        .into_iter()
        .map(|s| sc.step_id(s).to_string())
        .collect()
}

#[test]
fn guidance_in_a_branch_not_taken_is_not_applicable_from_rules_4() {
    let status = |rules| {
        let mut t = play("perfect.events", rules, None);
        let o = t.finish(praxis::action::SimTime(400_000), &mut Vec::new());
        o.steps
            .iter()
            .find(|s| s.id == "watch-breathing")
            .unwrap()
            .status
    };
    assert_eq!(status(3), StepStatus::Guidance);
    assert_eq!(status(4), StepStatus::NotApplicable);
}

#[test]
fn while_the_aed_analyses_no_branch_of_its_advice_is_shown() {
    // The pads are on at 96.7 s; the AED advises at 102.7 s.
    let t = play("perfect.events", 4, Some(100.0));
    assert!(next(&t).is_empty(), "{:?}", next(&t));
    assert!(t.work_left());
    let t = play("perfect.events", 3, Some(100.0));
    let shown = next(&t);
    assert!(
        shown.contains(&"stand-clear".to_string())
            && shown.contains(&"resume-after-no-shock".to_string()),
        "{shown:?}"
    );
    // Once the shock is advised, only that branch.
    let t = play("perfect.events", 4, Some(104.0));
    assert_eq!(next(&t), ["stand-clear"]);
}

#[test]
fn guidance_that_has_arisen_comes_first_and_is_never_early() {
    // He has just vomited: clearing his mouth comes before the breaths.
    let t = play("vomits-cleared.events", 4, Some(147.2));
    assert_eq!(next(&t).first().map(String::as_str), Some("clear-vomit"));
    let mut t = play("vomits-cleared.events", 4, None);
    let o = t.finish(praxis::action::SimTime(400_000), &mut Vec::new());
    assert_eq!(o.score.scaled, 1.0);
    let t = play("vomits-cleared.events", 3, Some(147.2));
    assert_ne!(next(&t).first().map(String::as_str), Some("clear-vomit"));
}
