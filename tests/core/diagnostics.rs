//! Broken scenarios give the diagnostics an instructor can act on: the fixtures under
//! `tests/fixtures/invalid/` end with `// expect: <code> <line>:<col> <help text>` lines.

use crate::support;
use praxis::scenario::Scenario;
use praxis::scenario::diagnostic::Level;

struct Expected {
    code: String,
    line: usize,
    col: usize,
    help: String,
}

fn expectations(text: &str) -> Vec<Expected> {
    text.lines()
        .filter_map(|l| l.strip_prefix("// expect: "))
        .map(parse_expect)
        .collect()
}

fn parse_expect(spec: &str) -> Expected {
    let mut parts = spec.splitn(3, ' ');
    let code = parts.next().unwrap().to_string();
    let (line, col) = parts.next().unwrap().split_once(':').unwrap();
    Expected {
        code: format!("praxis::scenario::{code}"),
        line: line.parse().unwrap(),
        col: col.parse().unwrap(),
        help: parts.next().unwrap_or("").to_string(),
    }
}

#[test]
fn every_invalid_fixture_reports_its_problems_precisely() {
    let dir = support::root().join("tests/fixtures/invalid");
    let assets = support::root().join("tests/fixtures/assets");
    let exists = |rel: &str| assets.join(rel).is_file();
    let mut files = support::files(&dir, "ron");
    assert!(files.len() >= 20, "fixtures missing");
    files.retain(|f| f.file_name().unwrap() != "not-utf8.ron");
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        let expected = expectations(&text);
        assert!(
            !expected.is_empty(),
            "{}: no `// expect:` line",
            path.display()
        );
        let report = Scenario::check(&path.display().to_string(), &bytes, Some(&exists));
        let errors: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.level == Level::Error)
            .collect();
        assert_eq!(
            errors.len(),
            expected.len(),
            "{}: expected {} problems, got:\n{}",
            path.display(),
            expected.len(),
            report.render_short()
        );
        assert!(
            report.diagnostics.iter().all(|d| d.level == Level::Error),
            "{}: unexpected warning:\n{}",
            path.display(),
            report.render_short()
        );
        for e in &expected {
            let found = errors.iter().find(|d| {
                let (l, c) = report.line_col(d.primary_span().start);
                d.code == e.code && l == e.line && c == e.col
            });
            let d = found.unwrap_or_else(|| {
                panic!(
                    "{}: no {} at {}:{}; got:\n{}",
                    path.display(),
                    e.code,
                    e.line,
                    e.col,
                    report.render_short()
                )
            });
            let help = d.help.as_deref().unwrap_or("");
            assert!(
                help.contains(&e.help),
                "{}: help of {} is `{help}`, expected it to contain `{}`",
                path.display(),
                e.code,
                e.help
            );
            // Every diagnostic renders with its source line and its label.
            let human = report.render_human(false);
            assert!(
                human.contains(&e.code) && human.contains(&format!(":{}:{}]", e.line, e.col)),
                "{human}"
            );
        }
    }
}

#[test]
fn bytes_that_are_not_utf8_are_reported_not_panicked_on() {
    let path = support::root().join("tests/fixtures/invalid/not-utf8.ron");
    let bytes = std::fs::read(&path).unwrap();
    let spec =
        std::fs::read_to_string(support::root().join("tests/fixtures/invalid/not-utf8.expect"))
            .unwrap();
    let e = parse_expect(spec.trim());
    let report = Scenario::check("not-utf8.ron", &bytes, None);
    assert_eq!(report.diagnostics.len(), 1);
    let d = &report.diagnostics[0];
    assert_eq!(d.code, e.code);
    assert_eq!(report.line_col(d.primary_span().start), (e.line, e.col));
    assert!(d.help.as_deref().unwrap().contains(&e.help));
}

#[test]
fn the_json_format_gives_line_and_column() {
    let path = support::root().join("tests/fixtures/invalid/unknown-step.ron");
    let report = Scenario::check("unknown-step.ron", &std::fs::read(path).unwrap(), None);
    let json = report.to_json();
    let d = &json["diagnostics"][0];
    assert_eq!(d["code"], "praxis::scenario::unknown_step");
    assert_eq!(d["line"], 22);
    assert_eq!(d["column"], 117);
    assert_eq!(d["labels"][0]["line"], 22);
    assert!(d["help"].as_str().unwrap().contains("apply-product"));
}

#[test]
fn the_valid_fixture_is_clean() {
    let path = support::root().join("tests/fixtures/valid/minimal.ron");
    let report = Scenario::check("minimal.ron", &std::fs::read(path).unwrap(), None);
    assert!(report.diagnostics.is_empty(), "{}", report.render_short());
}

#[test]
fn an_unknown_step_reads_like_the_style_guide() {
    // The parts the instructor needs: code, message naming both steps, file:line:col, the line
    // with the span underlined and its label, and the suggestion with where it is defined.
    let path = support::root().join("tests/fixtures/invalid/unknown-step.ron");
    let report = Scenario::check(
        "scenarios/unknown-step.ron",
        &std::fs::read(path).unwrap(),
        None,
    );
    let human = report.render_human(false);
    for part in [
        "praxis::scenario::unknown_step",
        "step `apply-prodcut` is required by `palm-to-palm` but is not defined",
        "scenarios/unknown-step.ron:22:117",
        "after: [\"apply-prodcut\"]",
        "no step with this id",
        "did you mean `apply-product` (defined at 21:18)?",
    ] {
        assert!(human.contains(part), "missing `{part}` in:\n{human}");
    }
}
