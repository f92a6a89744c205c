//! The CPR trace the debrief draws: each compression's rate, depth and recoil over time, with
//! the scenario's bands.

use crate::support::*;
use praxis::tracker::CprTrace;

fn trace(run: &str) -> CprTrace {
    let sc = scenario("basic-life-support");
    let path = root()
        .join("tests/playthroughs/basic-life-support")
        .join(run);
    let log = event_log(&path, &sc);
    let end = log.actions.last().map_or(0, |a| a.at.0);
    CprTrace::of(&sc.index, &log.actions, end).expect("compressions")
}

#[test]
fn a_feedback_manikin_run_traces_rate_depth_and_recoil_against_the_bands() {
    let t = trace("perfect.events");
    assert_eq!(t.rate_band, Some((100.0, 120.0)));
    assert_eq!(t.depth_band, Some((50.0, 60.0)));
    assert!(t.has_depth() && t.has_recoil() && t.has_hands());
    // 30 + 30 + 28 before the AED, 30 + 4 × 30 + 26 after the shock.
    assert_eq!(t.points.len(), 264, "{}", t.points.len());
    // The first compression of each cycle follows a pause: it has no rate.
    let cycles = t.points.iter().filter(|p| p.rate.is_none()).count();
    assert_eq!(cycles, 9);
    for p in t.points.iter().filter_map(|p| p.rate) {
        assert!((p - 109.09).abs() < 0.1, "{p}");
    }
    assert!(
        t.points
            .iter()
            .all(|p| p.depth_mm == Some(52.0) && p.full_recoil == Some(true))
    );
    assert!(t.end_ms >= t.points.last().unwrap().at_ms);
}

#[test]
fn a_desktop_run_traces_the_rate_alone_and_a_slow_one_falls_below_the_band() {
    let t = trace("perfect-desktop.events");
    assert!(!t.has_depth() && !t.has_recoil() && !t.has_hands());
    let t = trace("too-slow.events");
    let (lo, _) = t.rate_band.unwrap();
    assert!(t.points.iter().filter_map(|p| p.rate).all(|r| r < lo));
    let t = trace("leaning.events");
    assert!(t.points.iter().all(|p| p.full_recoil == Some(false)));
    let t = trace("hands-too-low.events");
    assert!(
        t.points
            .iter()
            .all(|p| p.hands == Some(praxis::action::HandPosition::Low))
    );
}

#[test]
fn a_scenario_without_compressions_has_no_trace() {
    let sc = scenario("hand-hygiene");
    assert!(CprTrace::of(&sc.index, &[], 0).is_none());
}
