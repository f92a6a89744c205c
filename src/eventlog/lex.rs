//! An event log's words: each line cut into tokens with their places, and the times, durations
//! and numbers they hold, with the diagnostics that point at them.

use crate::action::SimTime;
use crate::scenario::diagnostic::Diagnostic;
use crate::scenario::units;
use std::ops::Range;

#[derive(Debug, Clone)]
pub(super) struct Tok<'a> {
    pub(super) text: &'a str,
    pub(super) span: Range<usize>,
}

pub(super) fn tokens(content: &str, base: usize) -> Vec<Tok<'_>> {
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
