//! Parsing an event log: its directives and timed action lines, every problem with its place.

use super::format::fmt_secs;
use super::{EventLog, ExpectKind, Expectation, MAX_ACTIONS, NameKind, NameRef, TOO_MANY};
use crate::action::{ActionKind, EnteredValue, Hand, LearnerAction, SimTime};
use crate::scenario::diagnostic::{Diagnostic, Report};
use crate::scenario::suggest::closest;
use crate::scenario::units;
use crate::tracker::Mode;
use std::ops::Range;

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
struct Tok<'a> {
    text: &'a str,
    span: Range<usize>,
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

fn err(code: &'static str, msg: impl Into<String>, span: Range<usize>, label: &str) -> Diagnostic {
    Diagnostic::error(code, msg, span, label)
}

/// `7,3` as `7.3`: a comma between two digits, the way French writes a decimal number.
fn decimal_point(text: &str) -> std::borrow::Cow<'_, str> {
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
fn syntax(t: &Tok<'_>, msg: impl Into<String>, label: &str) -> Diagnostic {
    err("praxis::events::syntax", msg, t.span.clone(), label)
}

/// The number written `text` (part of token `t`) when it is finite and `ok`, else a syntax error
/// at `t`: "`…` is not `what`", labelled `label`.
fn number_in(
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
fn parse_time(t: &Tok<'_>) -> Result<SimTime, Diagnostic> {
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
fn parse_dur(toks: &[Tok<'_>], i: &mut usize) -> Result<u64, Diagnostic> {
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

fn action_line(log: &mut EventLog, toks: &[Tok<'_>], last: &mut SimTime) -> Result<(), Diagnostic> {
    let at = parse_time(&toks[0])?;
    if at < *last {
        // After a fast-forward, the clock is past the `wait` line's own time: say so.
        let after_wait = log.actions.last().and_then(|a| match a.kind {
            ActionKind::Wait { duration_ms } => Some((a.at, duration_ms)),
            _ => None,
        });
        let (message, help) = match after_wait {
            Some((wait_at, ms)) => (
                format!(
                    "time {at} is before the session clock ({last}): the `wait` at {wait_at} moved it {} s on",
                    fmt_secs(ms)
                ),
                format!(
                    "a wait adds to the clock: write this line at {last} or later, or shorten the wait"
                ),
            ),
            None => (
                format!("time {at} is before the previous action's ({last})"),
                "actions are written in the order they happen; times never decrease".to_string(),
            ),
        };
        return Err(err(
            "praxis::events::time_order",
            message,
            toks[0].span.clone(),
            "earlier than the line before",
        )
        .with_help(help));
    }
    let verb = toks.get(1).ok_or_else(|| {
        syntax(
            &toks[0],
            "a time without an action",
            "action expected after the time",
        )
    })?;
    // Split off `xN every D`.
    let mut end = toks.len();
    let mut repeat = 1u32;
    let mut every = 0u64;
    if let Some(pos) = toks
        .iter()
        .position(|t| t.text.starts_with('x') && t.text[1..].parse::<u32>().is_ok())
        && pos >= 2
    {
        repeat = toks[pos].text[1..].parse().unwrap_or(1);
        if repeat == 0 || repeat > 100_000 {
            return Err(err(
                "praxis::events::syntax",
                "a repeat count must be between 1 and 100000",
                toks[pos].span.clone(),
                "count",
            ));
        }
        end = pos;
        if repeat > 1 {
            match toks.get(pos + 1) {
                Some(t) if t.text == "every" => {
                    let mut i = pos + 2;
                    every = parse_dur(toks, &mut i)?;
                    if i < toks.len() {
                        return Err(err(
                            "praxis::events::syntax",
                            format!("unexpected `{}`", toks[i].text),
                            toks[i].span.clone(),
                            "unexpected",
                        ));
                    }
                }
                _ => {
                    return Err(err(
                        "praxis::events::syntax",
                        "a repeated action needs `every <duration>`",
                        toks[pos].span.clone(),
                        "how often?",
                    )
                    .with_help("write e.g. `x30 every 0.55s`"));
                }
            }
        }
    }
    let args = &toks[2..end];
    let mut names = Vec::new();
    let mut name = |kind: NameKind, t: &Tok<'_>| {
        names.push(NameRef {
            kind,
            name: t.text.to_string(),
            span: t.span.clone(),
        });
        t.text.to_string()
    };
    let missing = |what: &str| {
        syntax(verb, format!("`{}` needs {what}", verb.text), "incomplete")
            .with_help(usage(verb.text))
    };
    let hand_of = |t: &Tok<'_>| {
        Hand::parse(t.text)
            .ok_or_else(|| syntax(t, format!("`{}` is not a hand", t.text), "left or right"))
    };
    let unexpected = |t: &Tok<'_>| {
        syntax(
            t,
            format!("unexpected `{}` after `{}`", t.text, verb.text),
            "unexpected",
        )
        .with_help(usage(verb.text))
    };
    let kind = match verb.text {
        "grab" => {
            let object = args.first().ok_or_else(|| missing("an object"))?;
            let mut hand = Hand::Right;
            let mut i = 1;
            while i < args.len() {
                match args[i].text {
                    "with" => {
                        hand = hand_of(
                            args.get(i + 1)
                                .ok_or_else(|| missing("a hand after `with`"))?,
                        )?;
                        i += 2;
                    }
                    _ => return Err(unexpected(&args[i])),
                }
            }
            ActionKind::Grab {
                hand,
                object: name(NameKind::Entity, object).as_str().into(),
            }
        }
        "release" => {
            let object = args.first().ok_or_else(|| missing("an object"))?;
            let object = name(NameKind::Entity, object);
            let (mut hand, mut on, mut position) = (Hand::Right, None, None);
            let mut i = 1;
            while i < args.len() {
                match args[i].text {
                    "with" => {
                        hand = hand_of(
                            args.get(i + 1)
                                .ok_or_else(|| missing("a hand after `with`"))?,
                        )?;
                        i += 2;
                    }
                    "on" => {
                        let t = args
                            .get(i + 1)
                            .ok_or_else(|| missing("an object after `on`"))?;
                        on = Some(name(NameKind::Entity, t).as_str().into());
                        i += 2;
                    }
                    "at" => {
                        let mut p = [0.0; 3];
                        for (k, v) in p.iter_mut().enumerate() {
                            let t = args
                                .get(i + 1 + k)
                                .ok_or_else(|| missing("three coordinates after `at`"))?;
                            *v = number_in(t, t.text, |_| true, "a coordinate", "metres")?;
                        }
                        position = Some(p);
                        i += 4;
                    }
                    _ => return Err(unexpected(&args[i])),
                }
            }
            ActionKind::Release {
                hand,
                object: object.as_str().into(),
                on,
                position,
            }
        }
        "use" => {
            let object = args.first().ok_or_else(|| missing("an object"))?;
            let object = name(NameKind::Entity, object);
            let (mut hand, mut target) = (None, None);
            let mut i = 1;
            while i < args.len() {
                match args[i].text {
                    "with" => {
                        hand = Some(hand_of(
                            args.get(i + 1)
                                .ok_or_else(|| missing("a hand after `with`"))?,
                        )?);
                        i += 2;
                    }
                    "on" => {
                        let t = args
                            .get(i + 1)
                            .ok_or_else(|| missing("a target after `on`"))?;
                        target = Some(name(NameKind::Entity, t));
                        i += 2;
                    }
                    _ => return Err(unexpected(&args[i])),
                }
            }
            match target {
                Some(t) => ActionKind::UseOn {
                    object: object.as_str().into(),
                    target: t.as_str().into(),
                    hand,
                },
                None => ActionKind::Use {
                    object: object.as_str().into(),
                    hand,
                },
            }
        }
        "touch" => {
            let (a, b) = match args {
                [a, b] => (a, b),
                [a, w, b] if w.text == "with" => (a, b),
                _ => return Err(missing("two things that touch")),
            };
            ActionKind::Touch {
                a: name(NameKind::Entity, a).as_str().into(),
                b: name(NameKind::Entity, b).as_str().into(),
            }
        }
        "gesture" => {
            let g = args.first().ok_or_else(|| missing("a gesture"))?;
            let g = name(NameKind::Gesture, g);
            let mut duration = None;
            let mut object = None;
            let mut i = 1;
            while i < args.len() {
                match args[i].text {
                    "for" => {
                        i += 1;
                        duration = Some(parse_dur(args, &mut i)?);
                    }
                    "at" => {
                        let t = args
                            .get(i + 1)
                            .ok_or_else(|| missing("an object after `at`"))?;
                        object = Some(name(NameKind::Entity, t).as_str().into());
                        i += 2;
                    }
                    _ => return Err(unexpected(&args[i])),
                }
            }
            ActionKind::Gesture {
                gesture: g.as_str().into(),
                duration_ms: duration.ok_or_else(|| missing("`for <duration>`"))?,
                object,
            }
        }
        "compress" => {
            let (mut object, mut depth, mut recoil) = (None, None, None);
            let mut i = 0;
            while i < args.len() {
                match args[i].text {
                    "depth" => {
                        let t = args.get(i + 1).ok_or_else(|| missing("a depth in mm"))?;
                        let v = number_in(
                            t,
                            t.text.trim_end_matches("mm"),
                            |v| v >= 0.0,
                            "a depth in mm",
                            "e.g. 52mm",
                        )?;
                        depth = Some(v);
                        i += 2;
                        if args.get(i).is_some_and(|t| t.text == "mm") {
                            i += 1;
                        }
                    }
                    "recoil" => {
                        let t = args
                            .get(i + 1)
                            .ok_or_else(|| missing("`full` or `partial` after `recoil`"))?;
                        recoil = Some(match t.text {
                            "full" => true,
                            "partial" => false,
                            _ => {
                                return Err(syntax(
                                    t,
                                    format!("`{}` is not `full` or `partial`", t.text),
                                    "full or partial",
                                ));
                            }
                        });
                        i += 2;
                    }
                    _ if i == 0 => {
                        object = Some(name(NameKind::Entity, &args[0]).as_str().into());
                        i += 1;
                    }
                    _ => return Err(unexpected(&args[i])),
                }
            }
            ActionKind::Compress {
                object,
                depth_mm: depth,
                full_recoil: recoil,
            }
        }
        "read" => match args {
            [o] => ActionKind::Read {
                object: name(NameKind::Entity, o).as_str().into(),
            },
            [] => return Err(missing("an object")),
            [_, extra, ..] => return Err(unexpected(extra)),
        },
        "enter" => {
            let field = args.first().ok_or_else(|| missing("a field"))?;
            let field = name(NameKind::Field, field);
            let v = args.get(1).ok_or_else(|| missing("a value"))?;
            let value = if v.text.starts_with('"') {
                if args.len() > 2 {
                    return Err(unexpected(&args[2]));
                }
                EnteredValue::Text {
                    text: v.text.trim_matches('"').to_string(),
                }
            } else {
                // A French decimal comma (`7,3 mM`) is a decimal point.
                let written = decimal_point(v.text);
                let split = written
                    .find(|c: char| {
                        !(c.is_ascii_digit() || c == '.' || c == '-' || c == 'e' || c == '+')
                    })
                    .unwrap_or(written.len());
                let number = number_in(
                    v,
                    &written[..split],
                    |_| true,
                    "a number",
                    "number expected",
                )
                .map_err(|d| {
                    d.with_help(
                        "write a number with an optional unit (`8.02 g`), or text in quotes",
                    )
                })?;
                let unit = if split < written.len() {
                    Some(written[split..].to_string())
                } else if let Some(u) = args.get(2) {
                    if args.len() > 3 {
                        return Err(unexpected(&args[3]));
                    }
                    names.push(NameRef {
                        kind: NameKind::Unit,
                        name: u.text.to_string(),
                        span: u.span.clone(),
                    });
                    Some(u.text.to_string())
                } else {
                    None
                };
                EnteredValue::Number {
                    value: number,
                    unit,
                }
            };
            ActionKind::Enter {
                field: field.as_str().into(),
                value,
            }
        }
        "choose" => {
            let decision = args.first().ok_or_else(|| missing("a decision"))?;
            let decision = name(NameKind::Decision, decision);
            if args.len() < 2 {
                return Err(missing("at least one choice"));
            }
            let mut choices = Vec::new();
            for t in &args[1..] {
                let mut start = t.span.start;
                for part in t.text.split(',') {
                    if !part.is_empty() {
                        names.push(NameRef {
                            kind: NameKind::Choice,
                            name: part.to_string(),
                            span: start..start + part.len(),
                        });
                        choices.push(part.into());
                    }
                    start += part.len() + 1;
                }
            }
            ActionKind::Choose {
                decision: decision.as_str().into(),
                choices,
            }
        }
        "wait" => {
            let mut i = 0;
            let d = parse_dur(args, &mut i)?;
            if let Some(t) = args.get(i) {
                return Err(unexpected(t));
            }
            ActionKind::Wait { duration_ms: d }
        }
        "instructor" => {
            let event = args.first().ok_or_else(|| missing("an event"))?;
            let event = name(NameKind::Event, event);
            let by = match args.get(1) {
                None => None,
                Some(t) if t.text == "by" => {
                    let who = args.get(2).ok_or_else(|| missing("a name after `by`"))?;
                    if let Some(t) = args.get(3) {
                        return Err(unexpected(t));
                    }
                    let who = who.text.trim_matches('"').trim();
                    if who.is_empty() {
                        return Err(missing("a name after `by`"));
                    }
                    Some(who.to_string())
                }
                Some(t) => return Err(unexpected(t)),
            };
            ActionKind::Instructor {
                event: event.as_str().into(),
                by,
            }
        }
        "hint" | "finish" => {
            if let Some(t) = args.first() {
                return Err(unexpected(t));
            }
            if verb.text == "hint" {
                ActionKind::Hint
            } else {
                ActionKind::Finish
            }
        }
        other => {
            let verbs = [
                "grab",
                "release",
                "use",
                "touch",
                "gesture",
                "compress",
                "read",
                "enter",
                "choose",
                "wait",
                "hint",
                "instructor",
                "finish",
            ];
            let d = err(
                "praxis::events::unknown_verb",
                format!("unknown action `{other}`"),
                verb.span.clone(),
                "unknown action",
            );
            return Err(match closest(other, verbs) {
                Some(s) => d.with_help(format!("did you mean `{s}`?")),
                None => d.with_help(format!("actions are: {}", verbs.join(", "))),
            });
        }
    };
    if log.actions.len() + repeat as usize > MAX_ACTIONS {
        return Err(err(
            TOO_MANY,
            format!(
                "the log expands to more than {MAX_ACTIONS} actions ({} before this line, {repeat} on it)",
                log.actions.len()
            ),
            toks[0].span.start..toks.last().map_or(toks[0].span.end, |t| t.span.end),
            "one action too many",
        )
        .with_help("a session is far shorter: split the log, or repeat fewer times"));
    }
    for k in 0..repeat {
        let at = SimTime(at.0.saturating_add(every.saturating_mul(u64::from(k))));
        log.actions.push(LearnerAction {
            at,
            kind: kind.clone(),
        });
        log.names.push(names.clone());
        *last = at;
    }
    if let ActionKind::Wait { duration_ms } = kind {
        *last = SimTime(last.0.saturating_add(duration_ms));
    }
    Ok(())
}

fn usage(verb: &str) -> String {
    let u = match verb {
        "grab" => "grab <object> [with left|right]",
        "release" => "release <object> [with left|right] [on <object>] [at <x> <y> <z>]",
        "use" => "use <object> [on <target>] [with left|right]",
        "touch" => "touch <a> <b>",
        "gesture" => "gesture <id> for <duration> [at <object>]",
        "compress" => "compress [<object>] [depth <mm>] [recoil full|partial]",
        "read" => "read <object>",
        "enter" => "enter <field> <number> [<unit>]   or   enter <field> \"text\"",
        "choose" => "choose <decision> <choice>[,<choice>…]",
        "wait" => "wait <duration>",
        "instructor" => "instructor <event> [by \"<who>\"]",
        _ => "see docs/event-log.md",
    };
    format!("usage: {u}")
}
