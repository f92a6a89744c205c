//! Parsing an event log: its directives and timed action lines, every problem with its place.

use super::{EventLog, ExpectKind, Expectation, NameKind, NameRef, TOO_MANY};
use crate::action::SimTime;
use crate::scenario::diagnostic::{Diagnostic, Report};
use crate::scenario::suggest::closest;

use crate::tracker::Mode;
use std::ops::Range;

use super::actions::action_line;
use super::lex::{Tok, syntax, tokens};

/// Parses an event log.
pub fn parse(file: &str, text: &str) -> Result<EventLog, Report> {
    let mut log = EventLog::default();
    let mut diags = Vec::new();
    let mut offset = 0;
    let mut last_time = SimTime(0);
    for (line_no, line) in text.split_inclusive('\n').enumerate() {
        let line_start = offset;
        offset += line.len();
        let content = line.split('#').next().unwrap_or("").trim_end();
        let toks = tokens(content, line_start);
        if toks.is_empty() {
            continue;
        }
        let result = if toks[0].text.starts_with('@') {
            directive(
                &mut log,
                &toks,
                line_start..line_start + content.len(),
                content,
            )
        } else {
            let r = action_line(&mut log, &toks, &mut last_time);
            log.lines.resize(log.actions.len(), line_no as u32 + 1);
            r
        };
        if let Err(d) = result {
            let too_many = d.code == TOO_MANY;
            diags.push(d);
            if too_many {
                break;
            }
        }
    }
    if diags.is_empty() {
        Ok(log)
    } else {
        Err(Report {
            file: file.to_string(),
            text: text.into(),
            diagnostics: diags,
        })
    }
}

fn directive(
    log: &mut EventLog,
    toks: &[Tok<'_>],
    line: Range<usize>,
    content: &str,
) -> Result<(), Diagnostic> {
    let arg = |i: usize| toks.get(i).map(|t| t.text);
    let need = |i: usize, what: &str| {
        toks.get(i).ok_or_else(|| {
            syntax(
                &toks[0],
                format!("`{}` needs {what}", toks[0].text),
                "incomplete",
            )
        })
    };
    match toks[0].text {
        "@scenario" => log.scenario = Some(need(1, "a scenario id")?.text.to_string()),
        "@seed" => {
            let t = need(1, "a number")?;
            log.config.seed = t.text.parse().map_err(|_| {
                syntax(
                    t,
                    format!("seed `{}` is not a whole number", t.text),
                    "not a number",
                )
            })?;
        }
        "@mode" => {
            let t = need(1, "`guided` or `assessment`")?;
            log.config.mode = Mode::parse(t.text).ok_or_else(|| {
                syntax(
                    t,
                    format!("mode `{}` is not `guided` or `assessment`", t.text),
                    "unknown mode",
                )
            })?;
        }
        "@fault" => {
            let t = need(1, "a fault id")?;
            let on = match arg(2) {
                None | Some("on") => true,
                Some("off") => false,
                Some(other) => {
                    return Err(syntax(
                        &toks[2],
                        format!("`{other}` is not `on` or `off`"),
                        "on or off",
                    ));
                }
            };
            log.config.faults.insert(t.text.to_string(), on);
            log.fault_names.push(NameRef {
                kind: NameKind::Fault,
                name: t.text.to_string(),
                span: t.span.clone(),
            });
        }
        "@expect" => {
            let what = need(1, "what is expected")?;
            let kind = match what.text {
                "result" => match arg(2) {
                    Some("pass") => ExpectKind::Passed(true),
                    Some("fail") => ExpectKind::Passed(false),
                    _ => {
                        return Err(syntax(
                            what,
                            "`@expect result` takes `pass` or `fail`",
                            "pass or fail",
                        ));
                    }
                },
                "score" => {
                    let t = need(2, "a percentage")?;
                    let v: f64 = t.text.trim_end_matches('%').parse().map_err(|_| {
                        syntax(t, format!("`{}` is not a percentage", t.text), "e.g. 87.5%")
                    })?;
                    ExpectKind::Score(v)
                }
                "critical" => ExpectKind::Critical(need(2, "an id")?.text.to_string()),
                "no-critical" => ExpectKind::NoCritical,
                "error" => ExpectKind::Error(need(2, "an error id")?.text.to_string()),
                "no-errors" => ExpectKind::NoErrors,
                "status" => ExpectKind::Status(
                    need(2, "a step id")?.text.to_string(),
                    need(3, "a status")?.text.to_string(),
                ),
                "metric" => {
                    let id = need(2, "a metric id")?;
                    let first = need(3, "a value or range, e.g. `0 %` or `100..120 /min`")?;
                    let written = toks[3..]
                        .iter()
                        .map(|t| t.text)
                        .collect::<Vec<_>>()
                        .join(" ");
                    let written = written.as_str();
                    let range = crate::scenario::units::parse_range(written).map_err(|p| {
                        syntax(
                            first,
                            format!("`{written}` is not a value or range: {}", p.message),
                            "e.g. 0 % or 100..120 /min",
                        )
                    })?;
                    ExpectKind::Metric(id.text.to_string(), range)
                }
                other => {
                    return Err(syntax(what, format!("unknown expectation `{other}`"), "unknown")
                    .with_help("expect one of: result, score, critical, no-critical, error, no-errors, status, metric"));
                }
            };
            log.expectations.push(Expectation {
                kind,
                span: line,
                text: content.trim().to_string(),
            });
        }
        other => {
            let known = ["@scenario", "@seed", "@mode", "@fault", "@expect"];
            let d = syntax(
                &toks[0],
                format!("unknown directive `{other}`"),
                "unknown directive",
            );
            return Err(match closest(other, known) {
                Some(s) => d.with_help(format!("did you mean `{s}`?")),
                None => d.with_help("directives are @scenario, @seed, @mode, @fault and @expect"),
            });
        }
    }
    Ok(())
}
