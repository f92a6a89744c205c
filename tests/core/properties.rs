//! Property tests: random action sequences never panic and always replay to the same result;
//! no input, however malformed, makes the loader or the parsers panic.

use crate::support;
use praxis::action::{ActionKind, EnteredValue, Hand, LearnerAction, SimTime};
use praxis::record::{self, Header};
use praxis::scenario::{Scenario, formula, units};
use praxis::tracker::{Mode, SessionConfig, Tracker};
use proptest::prelude::*;
use std::sync::Arc;

/// The names a scenario knows, plus a few it does not.
#[derive(Debug, Clone)]
struct Vocab {
    entities: Vec<String>,
    gestures: Vec<String>,
    decisions: Vec<(String, Vec<String>)>,
    fields: Vec<String>,
}

fn vocab(s: &Scenario) -> Vocab {
    let ix = &s.index;
    let mut entities: Vec<String> = ix.entities.iter().map(|e| e.id.clone()).collect();
    entities.push("no-such-object".into());
    let mut gestures: Vec<String> = ix.gestures.iter().map(|g| g.id.clone()).collect();
    gestures.push("no-such-gesture".into());
    let mut decisions: Vec<(String, Vec<String>)> = ix
        .decisions
        .iter()
        .map(|d| {
            (
                d.id.clone(),
                d.choices.iter().map(|c| c.id.clone()).collect(),
            )
        })
        .collect();
    decisions.push(("no-such-decision".into(), vec!["x".into()]));
    let mut fields: Vec<String> = ix.fields.iter().map(|f| f.id.clone()).collect();
    fields.push("no-such-field".into());
    Vocab {
        entities,
        gestures,
        decisions,
        fields,
    }
}

fn pick(list: &[String]) -> impl Strategy<Value = String> + use<> {
    proptest::sample::select(list.to_vec())
}

fn arb_kind(v: Vocab) -> impl Strategy<Value = ActionKind> {
    let hand = prop_oneof![Just(Hand::Left), Just(Hand::Right)];
    let e = || pick(&v.entities);
    let decisions = v.decisions.clone();
    prop_oneof![
        (hand.clone(), e()).prop_map(|(hand, o)| ActionKind::Grab {
            hand,
            object: o.as_str().into()
        }),
        (hand.clone(), e(), proptest::option::of(e())).prop_map(|(hand, o, on)| {
            ActionKind::Release {
                hand,
                object: o.as_str().into(),
                on: on.map(|x| x.as_str().into()),
                position: None,
            }
        }),
        (e(), proptest::option::of(hand.clone())).prop_map(|(o, hand)| ActionKind::Use {
            object: o.as_str().into(),
            hand
        }),
        (e(), e(), proptest::option::of(hand)).prop_map(|(o, t, hand)| ActionKind::UseOn {
            object: o.as_str().into(),
            target: t.as_str().into(),
            hand
        }),
        (e(), e()).prop_map(|(a, b)| ActionKind::Touch {
            a: a.as_str().into(),
            b: b.as_str().into()
        }),
        (pick(&v.gestures), 0u64..40_000).prop_map(|(g, d)| ActionKind::Gesture {
            gesture: g.as_str().into(),
            duration_ms: d,
            object: None
        }),
        (
            proptest::option::of(0.0f64..80.0),
            proptest::option::of(any::<bool>()),
            proptest::option::of(prop_oneof![
                Just(praxis::action::HandPosition::Centre),
                Just(praxis::action::HandPosition::High),
                Just(praxis::action::HandPosition::Low),
                Just(praxis::action::HandPosition::Side),
            ])
        )
            .prop_map(|(depth_mm, full_recoil, hands)| ActionKind::Compress {
                object: None,
                depth_mm,
                full_recoil,
                hands
            }),
        e().prop_map(|o| ActionKind::Read {
            object: o.as_str().into()
        }),
        (pick(&v.fields), -1e6f64..1e6).prop_map(|(f, x)| ActionKind::Enter {
            field: f.as_str().into(),
            value: EnteredValue::Number {
                value: x,
                unit: None
            }
        }),
        (
            0..decisions.len(),
            proptest::collection::vec(0usize..6, 0..3)
        )
            .prop_map(move |(d, picks)| {
                let (id, choices) = &decisions[d];
                ActionKind::Choose {
                    decision: id.as_str().into(),
                    choices: picks
                        .iter()
                        .map(|&i| choices[i % choices.len()].as_str().into())
                        .collect(),
                }
            }),
        (0u64..600_000).prop_map(|d| ActionKind::Wait { duration_ms: d }),
        Just(ActionKind::Hint),
        Just(ActionKind::Finish),
    ]
}

/// Actions with times that mostly go forward (and sometimes back, which the tracker rejects).
fn arb_actions(v: Vocab) -> impl Strategy<Value = Vec<LearnerAction>> {
    proptest::collection::vec((arb_kind(v), -2_000i64..20_000), 0..120).prop_map(|steps| {
        let mut t: i64 = 0;
        steps
            .into_iter()
            .map(|(kind, dt)| {
                t = (t + dt).max(0);
                LearnerAction {
                    at: SimTime(t as u64),
                    kind,
                }
            })
            .collect()
    })
}

fn run(s: &Arc<Scenario>, config: &SessionConfig, actions: &[LearnerAction]) -> (String, String) {
    let mut t = Tracker::new(s.clone(), config.clone());
    let mut feedback = Vec::new();
    for a in actions {
        t.apply(a, &mut feedback);
    }
    let _ = t.next_steps();
    (
        format!("{feedback:?}"),
        serde_json::to_string(&t.outcome()).unwrap(),
    )
}

fn check_scenario(id: &str) {
    let s = support::scenario(id);
    let v = vocab(&s);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 96,
        ..ProptestConfig::default()
    });
    runner
        .run(
            &(arb_actions(v), any::<u64>(), any::<bool>()),
            |(actions, seed, assessment)| {
                let config = SessionConfig {
                    seed,
                    mode: if assessment {
                        Mode::Assessment
                    } else {
                        Mode::Guided
                    },
                    ..Default::default()
                };
                let first = run(&s, &config, &actions);
                let second = run(&s, &config, &actions);
                prop_assert_eq!(&first, &second);
                // Through a record and back: same bytes twice, and it re-scores to what it stores.
                let header = Header::new(
                    &s,
                    &config,
                    uuid::Uuid::nil(),
                    "2026-01-01T00:00:00Z",
                    "st",
                    "lr",
                );
                let (_, a) = record::record_session(
                    s.clone(),
                    &header,
                    &actions,
                    Vec::new(),
                    &mut Vec::new(),
                )
                .unwrap();
                let (_, b) = record::record_session(
                    s.clone(),
                    &header,
                    &actions,
                    Vec::new(),
                    &mut Vec::new(),
                )
                .unwrap();
                prop_assert_eq!(&a, &b);
                let rec = record::read(&a).unwrap();
                prop_assert_eq!(&rec.integrity, &record::Integrity::Complete);
                prop_assert!(record::replay(&rec, s.clone()).matches(&rec));
                Ok(())
            },
        )
        .unwrap();
}

#[test]
fn random_sessions_of_hand_hygiene_are_deterministic() {
    check_scenario("hand-hygiene");
}

#[test]
fn random_sessions_of_cleanroom_gowning_are_deterministic() {
    check_scenario("cleanroom-gowning");
}

#[test]
fn random_sessions_of_the_format_demo_are_deterministic() {
    // The documentation's complete example uses timers, repeats, alternatives and events.
    let md = std::fs::read_to_string(support::root().join("docs/scenario-format.md")).unwrap();
    let start = md.find("```ron Scenario\n").unwrap() + "```ron Scenario\n".len();
    let end = start + md[start..].find("```").unwrap();
    let s = Arc::new(Scenario::from_ron_str("format-demo.ron", &md[start..end]).unwrap());
    let v = vocab(&s);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 64,
        ..ProptestConfig::default()
    });
    runner
        .run(&(arb_actions(v), any::<u64>()), |(actions, seed)| {
            let config = SessionConfig {
                seed,
                ..Default::default()
            };
            prop_assert_eq!(run(&s, &config, &actions), run(&s, &config, &actions));
            Ok(())
        })
        .unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_loader_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = Scenario::check("random.ron", &bytes, None);
    }

    #[test]
    fn the_loader_never_panics_on_a_damaged_scenario(edits in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..3, any::<char>()), 1..6)) {
        let text = std::fs::read_to_string(support::root().join("scenarios/hand-hygiene.ron")).unwrap();
        let mut chars: Vec<char> = text.chars().collect();
        for (at, op, c) in edits {
            let i = at.index(chars.len().max(1));
            match op {
                0 if !chars.is_empty() => { chars.remove(i.min(chars.len() - 1)); }
                1 => chars.insert(i.min(chars.len()), c),
                _ if !chars.is_empty() => { let j = i.min(chars.len() - 1); chars[j] = c; }
                _ => {}
            }
        }
        let damaged: String = chars.into_iter().collect();
        let report = Scenario::check("damaged.ron", damaged.as_bytes(), None);
        // Whatever is wrong is located inside the file.
        for d in &report.diagnostics {
            prop_assert!(d.primary_span().start <= damaged.len());
        }
        let _ = report.render_human(false);
        let _ = report.to_json();
    }

    #[test]
    fn the_string_parsers_never_panic(s in "\\PC{0,30}") {
        let _ = units::parse_range(&s);
        let _ = units::parse_quantity(&s);
        let _ = units::parse_duration(&s);
        let _ = formula::parse(&s);
        let _ = praxis::eventlog::parse("x.events", &s);
    }

    #[test]
    fn ranges_contain_their_limits(lo in -1e6f64..1e6, width in 0.0f64..1e3) {
        let r = units::parse_range(&format!("{lo}..{} g", lo + width)).unwrap();
        prop_assert!(r.contains_base(lo) && r.contains_base(lo + width));
        prop_assert!(!r.contains_base(lo - 1.0 - width));
    }
}

#[test]
fn printed_random_actions_parse_back_the_same() {
    let s = support::scenario("cleanroom-gowning");
    let v = vocab(&s);
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 128,
        ..ProptestConfig::default()
    });
    runner
        .run(&arb_actions(v), |actions| {
            // Event logs hold non-decreasing times; a wait moves their clock, and a choice names
            // at least one answer.
            let mut sorted: Vec<LearnerAction> = actions
                .into_iter()
                .filter(|a| !matches!(&a.kind, ActionKind::Wait { .. }))
                .filter(|a| !matches!(&a.kind, ActionKind::Choose { choices, .. } if choices.is_empty()))
                .collect();
            sorted.sort_by_key(|a| a.at);
            let text: String = sorted.iter().map(|a| praxis::eventlog::format_action(a) + "\n").collect();
            let log = praxis::eventlog::parse("printed", &text).map_err(|r| TestCaseError::fail(r.render_short()))?;
            prop_assert_eq!(&log.actions, &sorted, "{}", text);
            Ok(())
        })
        .unwrap();
}

#[test]
fn an_event_log_expands_to_a_bounded_number_of_actions() {
    // The probe's F5: 100 lines of `x100000` asked for 10 million actions and 2.4 GB.
    let line = |i: usize| {
        format!(
            "{}.0 compress victim depth 52 recoil full x100000 every 0.001s\n",
            i * 100
        )
    };
    let text: String = (0..100).map(line).collect();
    let report = praxis::eventlog::parse("bomb.events", &text).unwrap_err();
    assert_eq!(report.diagnostics.len(), 1, "{}", report.render_short());
    let d = &report.diagnostics[0];
    assert_eq!(d.code, "praxis::events::too_many_actions");
    assert!(
        report.render_short().contains("bomb.events:3:"),
        "{}",
        report.render_short()
    );
    // Up to the limit is fine.
    let ok = line(0) + &line(1);
    assert_eq!(
        praxis::eventlog::parse("ok.events", &ok)
            .unwrap()
            .actions
            .len(),
        praxis::eventlog::MAX_ACTIONS
    );
}
