//! Parsing an event log: its directives and timed action lines, every problem with its place.

use super::{EventLog, ExpectKind, Expectation, NameKind, NameRef, TOO_MANY};
use crate::action::SimTime;
use crate::scenario::diagnostic::{Diagnostic, Report};
use crate::scenario::suggest::closest;
use crate::scenario::units;
use crate::tracker::Mode;
use std::ops::Range;

use super::actions::action_line;

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

#[derive(Debug, Clone)]
pub(super) struct Tok<'a> {
    pub(super) text: &'a str,
    pub(super) span: Range<usize>,
}

fn tokens(content: &str, base: usize) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut chars = content.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        if c == '"' {
            chars.next();
            let mut end = content.len();
            for (j, d) in chars.by_ref() {
                if d == '"' {
                    end = j + 1;
                    break;
                }
            }
            out.push(Tok {
                text: &content[i..end],
                span: base + i..base + end,
            });
            continue;
        }
        let mut end = content.len();
        while let Some(&(j, d)) = chars.peek() {
            if d.is_whitespace() {
                end = j;
                break;
            }
            chars.next();
        }
        out.push(Tok {
            text: &content[i..end],
            span: base + i..base + end,
        });
    }
    out
}

pub(super) fn err(
    code: &'static str,
    msg: impl Into<String>,
    span: Range<usize>,
    label: &str,
) -> Diagnostic {
    Diagnostic::error(code, msg, span, label)
}

/// `7,3` as `7.3`: a comma between two digits, the way French writes a decimal number.
pub(super) fn decimal_point(text: &str) -> std::borrow::Cow<'_, str> {
    let b = text.as_bytes();
    match text.find(',') {
        Some(i)
            if i > 0
                && b[i - 1].is_ascii_digit()
                && b.get(i + 1).is_some_and(u8::is_ascii_digit) =>
        {
            std::borrow::Cow::Owned(format!("{}.{}", &text[..i], &text[i + 1..]))
        }
        _ => std::borrow::Cow::Borrowed(text),
    }
}

/// A syntax error at token `t`.
pub(super) fn syntax(t: &Tok<'_>, msg: impl Into<String>, label: &str) -> Diagnostic {
    err("praxis::events::syntax", msg, t.span.clone(), label)
}

/// The number written `text` (part of token `t`) when it is finite and `ok`, else a syntax error
/// at `t`: "`…` is not `what`", labelled `label`.
pub(super) fn number_in(
    t: &Tok<'_>,
    text: &str,
    ok: impl Fn(f64) -> bool,
    what: &str,
    label: &str,
) -> Result<f64, Diagnostic> {
    text.parse()
        .ok()
        .filter(|v: &f64| v.is_finite() && ok(*v))
        .ok_or_else(|| syntax(t, format!("`{}` is not {what}", t.text), label))
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

/// Parses a time: seconds (`12.5`) or `m:ss.s` or `h:mm:ss`.
pub(super) fn parse_time(t: &Tok<'_>) -> Result<SimTime, Diagnostic> {
    let bad = || {
        err(
            "praxis::events::bad_time",
            format!("`{}` is not a time", t.text),
            t.span.clone(),
            "not a time",
        )
        .with_help("write seconds (`12.5`) or minutes:seconds (`1:02.5`)")
    };
    let mut total = 0.0;
    let parts: Vec<&str> = t.text.split(':').collect();
    if parts.len() > 3 {
        return Err(bad());
    }
    for (i, p) in parts.iter().enumerate() {
        let v: f64 = p.parse().map_err(|_| bad())?;
        if !v.is_finite() || v < 0.0 || (i > 0 && v >= 60.0) {
            return Err(bad());
        }
        total = total * 60.0 + v;
    }
    if total > 1e9 {
        return Err(bad());
    }
    Ok(SimTime::from_secs_f64(total))
}

/// Parses a duration token such as `4s`, `4 s` (two tokens), `300ms`, `5min`.
pub(super) fn parse_dur(toks: &[Tok<'_>], i: &mut usize) -> Result<u64, Diagnostic> {
    let t = toks.get(*i).ok_or_else(|| {
        let last = toks.last().map_or(0..0, |t| t.span.clone());
        err(
            "praxis::events::syntax",
            "a duration is missing",
            last,
            "duration expected after this",
        )
        .with_help("write e.g. `4s`, `1.5 s` or `300ms`")
    })?;
    *i += 1;
    let split = t
        .text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.text.len());
    let text = if split == t.text.len() {
        // Number alone: the unit may be the next token.
        match toks.get(*i) {
            Some(u)
                if units::unit(u.text).is_some_and(|u| u.dimension == units::Dimension::Time) =>
            {
                *i += 1;
                format!("{} {}", t.text, u.text)
            }
            _ => format!("{} s", t.text),
        }
    } else {
        format!("{} {}", &t.text[..split], &t.text[split..])
    };
    units::parse_duration(&text).map_err(|p| {
        err(
            "praxis::events::bad_time",
            format!("`{}` is not a duration: {}", t.text, p.message),
            t.span.clone(),
            "not a duration",
        )
        .with_help("write e.g. `4s`, `1.5 s` or `300ms`")
    })
}
