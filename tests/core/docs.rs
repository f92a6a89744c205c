//! The references in `docs/` cannot drift: every example in them is parsed here.

use crate::support;
use praxis::scenario::load::parse_fragment;
use praxis::scenario::model::*;
use praxis::scenario::{Scenario, units};

/// `(info word, body, line)` of every fenced block whose info string starts with `lang`.
fn blocks(markdown: &str, lang: &str) -> Vec<(String, String, usize)> {
    let mut out = Vec::new();
    let mut lines = markdown.lines().enumerate();
    while let Some((i, line)) = lines.next() {
        let Some(info) = line.strip_prefix("```") else {
            continue;
        };
        let mut words = info.split_whitespace();
        if words.next() != Some(lang) {
            continue;
        }
        let kind = words.next().unwrap_or("").to_string();
        let mut body = String::new();
        for (_, l) in lines.by_ref() {
            if l.starts_with("```") {
                break;
            }
            body.push_str(l);
            body.push('\n');
        }
        out.push((kind, body, i + 1));
    }
    out
}

/// Parses `text` as the model type named `kind`; every string-valued amount, range, duration and
/// formula in it must parse too.
fn parse_as(kind: &str, text: &str) -> Result<(), String> {
    fn check<T: serde::de::DeserializeOwned + serde::Serialize>(text: &str) -> Result<(), String> {
        let value: T = parse_fragment("example", text).map_err(|r| r.render_short())?;
        serde_json::to_string(&value)
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
    match kind {
        "Text" => check::<Text>(text),
        "Source" => check::<Source>(text),
        "Room" => check::<Room>(text),
        "Object" => check::<Object>(text),
        "Model" => check::<Model>(text),
        "Collider" => check::<Collider>(text),
        "Pose" => check::<Pose>(text),
        "Body" => check::<Body>(text),
        "Affordance" => check::<Affordance>(text),
        "Display" => check::<Display>(text),
        "BodyPart" => check::<BodyPart>(text),
        "FactDecl" => check::<FactDecl>(text),
        "Taint" => check::<Taint>(text),
        "QuantityDecl" => check::<QuantityDecl>(text),
        "TimerDecl" => check::<TimerDecl>(text),
        "Effect" => check::<Effect>(text),
        "Gesture" => check::<Gesture>(text),
        "Decision" => check::<Decision>(text),
        "Choice" => check::<Choice>(text),
        "Field" => check::<Field>(text),
        "Metric" => check::<Metric>(text),
        "Node" | "Step" => check::<Node>(text),
        "Pattern" => check::<Pattern>(text),
        "Condition" => check::<Condition>(text),
        "Criterion" => check::<Criterion>(text),
        "ValueRef" => check::<ValueRef>(text),
        "Check" => check::<Check>(text),
        "ErrorRule" => check::<ErrorRule>(text),
        "CriticalItem" => check::<CriticalItem>(text),
        "Rule" => check::<Rule>(text),
        "Event" => check::<Event>(text),
        "Trigger" => check::<Trigger>(text),
        "Fault" => check::<Fault>(text),
        "Scoring" => check::<Scoring>(text),
        "Scenario" => Scenario::from_ron_str("example.ron", text)
            .map(|_| ())
            .map_err(|r| r.render_short()),
        other => Err(format!(
            "unknown example kind `{other}`: name a model type after ```ron"
        )),
    }
}

#[test]
fn every_scenario_format_example_parses() {
    let md = std::fs::read_to_string(support::root().join("docs/scenario-format.md")).unwrap();
    let examples = blocks(&md, "ron");
    assert!(examples.len() > 60, "only {} examples", examples.len());
    let mut failures = Vec::new();
    for (kind, body, line) in &examples {
        if let Err(e) = parse_as(kind, body) {
            failures.push(format!("docs/scenario-format.md:{line} ({kind}): {e}"));
        }
        // Strings inside must parse as what they are: amounts, ranges, durations, formulas.
        for s in quoted_specs(body) {
            if let Some(problem) = spec_problem(&s) {
                failures.push(format!("docs/scenario-format.md:{line}: `{s}`: {problem}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(
        examples.iter().filter(|e| e.0 == "Scenario").count(),
        1,
        "one complete example"
    );
}

/// Strings that look like an amount, range or duration (`"0.5 g"`, `">= 20 s"`, `"7.35..7.45"`),
/// leaving out learner-facing texts (the values of `"en"` and `"fr"` keys).
fn quoted_specs(body: &str) -> Vec<String> {
    let parts: Vec<&str> = body.split('"').collect();
    let mut out = Vec::new();
    for i in (1..parts.len()).step_by(2) {
        let s = parts[i];
        let after_language_key =
            i >= 2 && parts[i - 1].trim() == ":" && matches!(parts[i - 2], "en" | "fr");
        let comparison = s.starts_with('>') || s.starts_with('<');
        let number_first = s.starts_with(|c: char| c.is_ascii_digit() || c == '-');
        let shaped = s.contains(' ') || s.contains("..") || s.contains('±');
        if !after_language_key && !s.contains('(') && (comparison || (number_first && shaped)) {
            out.push(s.to_string());
        }
    }
    out
}

fn spec_problem(s: &str) -> Option<String> {
    if units::parse_range(s).is_ok() || units::parse_quantity(s).is_ok() {
        None
    } else {
        Some(
            units::parse_range(s)
                .err()
                .map(|p| p.message)
                .unwrap_or_default(),
        )
    }
}

#[test]
fn every_event_log_example_parses() {
    let md = std::fs::read_to_string(support::root().join("docs/event-log.md")).unwrap();
    let examples = blocks(&md, "events");
    assert!(examples.len() >= 3);
    for (_, body, line) in examples {
        praxis::eventlog::parse("example", &body)
            .unwrap_or_else(|r| panic!("docs/event-log.md:{line}: {}", r.render_short()));
    }
}

#[test]
fn the_session_record_example_is_a_real_record() {
    let md = std::fs::read_to_string(support::root().join("docs/session-record.md")).unwrap();
    let examples = blocks(&md, "jsonl");
    assert_eq!(examples.len(), 1);
    let rec = praxis::record::read(examples[0].1.as_bytes()).expect("the example is a record");
    assert_eq!(rec.integrity, praxis::record::Integrity::Complete);
    assert!(
        matches!(
            praxis::record::sign::check(&rec),
            praxis::record::sign::SignatureStatus::Valid { .. }
        ),
        "the example is signed"
    );
    let scenario = support::scenario(&rec.header.scenario.id);
    assert_eq!(
        scenario.hash(),
        rec.header.scenario.sha256,
        "the example names the current scenario version"
    );
    assert!(praxis::record::replay(&rec, scenario).matches(&rec));
}
