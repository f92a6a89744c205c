//! Event logs as a first-time author writes them: errors that say what went wrong and how to fix
//! it.

use praxis::eventlog;

fn error(text: &str) -> String {
    eventlog::parse("t.events", text)
        .map(|_| "parsed".to_string())
        .unwrap_or_else(|r| r.render_short())
}

#[test]
fn a_line_written_before_a_waits_end_says_the_wait_moved_the_clock() {
    let e = error("0 gesture a for 1s\n75 wait 30s\n100 finish\n");
    assert!(e.contains("praxis::events::time_order"), "{e}");
    assert!(
        e.contains("the `wait` at 1:15.000 moved it 30 s on")
            && e.contains("write this line at 1:45.000 or later"),
        "{e}"
    );
    // Without a wait, the plain message.
    let e = error("10 gesture a for 1s\n5 finish\n");
    assert!(
        e.contains("is before the previous action's (0:10.000)"),
        "{e}"
    );
}

#[test]
fn an_instructor_line_names_an_event_and_optionally_who() {
    let log = eventlog::parse(
        "t.events",
        "5 instructor alarm by \"Dr Martin\"\n6 instructor alarm\n",
    )
    .unwrap();
    assert_eq!(
        eventlog::format_action(&log.actions[0]),
        "5         instructor alarm by \"Dr Martin\""
    );
    assert_eq!(
        eventlog::format_action(&log.actions[1]),
        "6         instructor alarm"
    );
    assert!(error("5 instructor\n").contains("`instructor` needs an event"));
    assert!(error("5 instructor alarm by\n").contains("needs a name after `by`"));
    assert!(error("5 instructor alarm now\n").contains("unexpected `now`"));
}
