//! Judging rules 5: a guidance (`unverified`) step is never a prerequisite. Under rules 4 the
//! cabinet's post-work run, guidance because its duration is UNVERIFIED, made the switch-off
//! "done early" and charged an order penalty when it came after: an unverified order was scored.
//! Records judged under rules 4 keep that meaning.

use crate::support;
use praxis::scoring::StepStatus;
use praxis::tracker::Tracker;

fn outcome(rules: u32) -> praxis::scoring::SessionOutcome {
    let sc = support::scenario("aseptic-bsc-transfer");
    let path = support::root()
        .join("tests/playthroughs/aseptic-bsc-transfer/purge-after-shut-down.events");
    let log = support::event_log(&path, &sc);
    let mut config = log.config.clone();
    config.rules = rules;
    let mut t = Tracker::new(sc, config);
    let mut out = Vec::new();
    let mut end = praxis::action::SimTime(0);
    for a in &log.actions {
        end = a.at;
        t.apply(a, &mut out);
    }
    t.finish(end, &mut out)
}

fn status(o: &praxis::scoring::SessionOutcome, id: &str) -> StepStatus {
    o.steps.iter().find(|s| s.id == id).unwrap().status
}

#[test]
fn guidance_done_late_costs_no_order_penalty_from_rules_5() {
    let four = outcome(4);
    let five = outcome(5);
    assert!(four.passed && five.passed);
    assert!(four.score.scaled < 1.0, "{:?}", four.score);
    assert_eq!(status(&four, "shut-down"), StepStatus::DoneOutOfOrder);
    assert_eq!(five.score.scaled, 1.0, "{:?}", five.score);
    assert_eq!(status(&five, "shut-down"), StepStatus::Done);
    // The guidance itself is reported the same way under both.
    assert_eq!(status(&four, "post-purge"), StepStatus::Guidance);
    assert_eq!(status(&five, "post-purge"), StepStatus::Guidance);
}
