//! Parsing an event log's action lines: each verb with its arguments, repeated lines (`x30 every
//! 0.55s`), and the usage line each verb's errors end with.

use super::format::fmt_secs;
use super::lex::{Tok, decimal_point, err, number_in, parse_dur, parse_time, syntax};
use super::{EventLog, MAX_ACTIONS, NameKind, NameRef, TOO_MANY};
use crate::action::{ActionKind, EnteredValue, Hand, HandPosition, LearnerAction, SimTime};
use crate::scenario::diagnostic::Diagnostic;
use crate::scenario::suggest::closest;

pub(super) fn action_line(
    log: &mut EventLog,
    toks: &[Tok<'_>],
    last: &mut SimTime,
) -> Result<(), Diagnostic> {
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
        "rub" => {
            let mut i = 0;
            match args.get(i) {
                Some(t) if t.text == "for" => i += 1,
                Some(t) => return Err(unexpected(t)),
                None => return Err(missing("`for <duration>`")),
            }
            let d = parse_dur(args, &mut i)?;
            if let Some(t) = args.get(i) {
                return Err(unexpected(t));
            }
            ActionKind::Rub { duration_ms: d }
        }
        "compress" => {
            let (mut object, mut depth, mut recoil, mut hands) = (None, None, None, None);
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
                    "hands" => {
                        let t = args.get(i + 1).ok_or_else(|| {
                            missing("`centre`, `high`, `low` or `side` after `hands`")
                        })?;
                        hands = Some(match t.text {
                            "centre" => HandPosition::Centre,
                            "high" => HandPosition::High,
                            "low" => HandPosition::Low,
                            "side" => HandPosition::Side,
                            _ => {
                                return Err(syntax(
                                    t,
                                    format!(
                                        "`{}` is not `centre`, `high`, `low` or `side`",
                                        t.text
                                    ),
                                    "centre, high, low or side",
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
                hands,
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
                "rub",
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
        "rub" => "rub for <duration>",
        "compress" => {
            "compress [<object>] [depth <mm>] [recoil full|partial] [hands centre|high|low|side]"
        }
        "read" => "read <object>",
        "enter" => "enter <field> <number> [<unit>]   or   enter <field> \"text\"",
        "choose" => "choose <decision> <choice>[,<choice>…]",
        "wait" => "wait <duration>",
        "instructor" => "instructor <event> [by \"<who>\"]",
        _ => "see docs/event-log.md",
    };
    format!("usage: {u}")
}
