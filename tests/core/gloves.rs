//! The gloves a scenario puts on the learner's hands (`room.gloves`): which hand shows which
//! gloves, and from when.

use crate::support;
use praxis::tracker::Tracker;

/// The perfect playthrough of `id`, played action by action; `each` sees the tracker after
/// every action.
fn play(id: &str, mut each: impl FnMut(&Tracker)) -> Tracker {
    let s = support::scenario(id);
    let log = support::event_log(
        &support::root().join(format!("tests/playthroughs/{id}/perfect.events")),
        &s,
    );
    let mut t = Tracker::new(s, log.config.clone());
    each(&t);
    for a in &log.actions {
        t.apply(a, &mut Vec::new());
        each(&t);
    }
    t
}

#[test]
fn each_hand_shows_its_gloves_once_they_are_on() {
    // Gowning: bare hands at first, then each hand as its sterile glove goes on.
    let mut bare_at_first = None;
    let mut one_hand_only = false;
    let t = play("cleanroom-gowning", |t| {
        bare_at_first.get_or_insert(t.gloves(0).is_none() && t.gloves(1).is_none());
        one_hand_only |= t.gloves(0).is_some() != t.gloves(1).is_some();
    });
    assert_eq!(bare_at_first, Some(true), "the hands start bare");
    assert!(one_hand_only, "one hand is gloved before the other");
    assert_eq!(t.gloves(0), Some("#f3e6c8"));
    assert_eq!(t.gloves(1), Some("#f3e6c8"));

    // The IV: examination gloves on, then off into the bin.
    let mut worn = false;
    play("peripheral-iv", |t| worn |= t.gloves(1) == Some("#6c7fd8"));
    assert!(worn, "the gloves from the box show");

    // The aseptic transfer: gloved from the start; basic life support: never.
    play("aseptic-bsc-transfer", |t| {
        assert!(t.gloves(0).is_some() && t.gloves(1).is_some());
    });
    play("basic-life-support", |t| {
        assert!(t.gloves(0).is_none() && t.gloves(1).is_none());
    });
}
