//! Reading a scenario file: bytes → UTF-8 → RON → [`ScenarioFile`], with positioned errors.
//!
//! Syntax and type errors come from `ron` (it stops at the first one). Their positions are turned
//! into byte spans, and unknown fields or variants get a "did you mean" from the names `ron`
//! expected. Nothing here panics, whatever the bytes.

use super::diagnostic::{Diagnostic, Report, offset_of};
use super::model::ScenarioFile;
use super::spans::SpanIndex;
use super::suggest::closest;
use ron::error::Error as RonError;
use std::sync::Arc;

/// A scenario file that parsed: its model, its text and where each value is written.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The file name as given by the caller (shown in diagnostics).
    pub file: String,
    /// The text (a leading byte-order mark removed).
    pub text: Arc<str>,
    /// The scenario as written.
    pub model: ScenarioFile,
    /// Positions of values, for diagnostics.
    pub spans: SpanIndex,
}

/// The RON options every scenario is read with: `Some(…)` may be left out, and a newtype
/// variant around a struct may be written `Step(id: …)` rather than `Step((id: …))`.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_default_extension(ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES)
}

/// Parses a scenario file's bytes.
pub fn parse(file: &str, bytes: &[u8]) -> Result<Parsed, Report> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let lossy: Arc<str> = String::from_utf8_lossy(bytes).into();
            let valid = e.valid_up_to();
            // Offsets in the lossy text match the original up to the first invalid byte.
            let d = Diagnostic::error(
                "praxis::scenario::encoding",
                "the file is not valid UTF-8 text",
                valid..(valid + 1).min(lossy.len()),
                "this byte is not UTF-8",
            )
            .with_help("save the file as UTF-8 (most editors offer it in \"Save as\")");
            return Err(Report {
                file: file.to_string(),
                text: lossy,
                diagnostics: vec![d],
            });
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    parse_str(file, text)
}

/// Parses a scenario file's text.
pub fn parse_str(file: &str, text: &str) -> Result<Parsed, Report> {
    match ron_options().from_str::<ScenarioFile>(text) {
        Ok(model) => Ok(Parsed {
            file: file.to_string(),
            text: text.into(),
            model,
            spans: SpanIndex::new(text),
        }),
        Err(e) => Err(Report {
            file: file.to_string(),
            text: text.into(),
            diagnostics: vec![ron_diagnostic(text, &e)],
        }),
    }
}

/// Parses one value of any model type from RON text (used to test documentation examples).
pub fn parse_fragment<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, Report> {
    ron_options().from_str::<T>(text).map_err(|e| Report {
        file: file.to_string(),
        text: text.into(),
        diagnostics: vec![ron_diagnostic(text, &e)],
    })
}

/// A number written with a French decimal comma (`6,8`), which `ron` reads as two items and
/// then stumbles on: said plainly, with the number to write.
fn decimal_comma(text: &str, span: &std::ops::Range<usize>) -> Option<Diagnostic> {
    let after = &text[span.start..];
    let before = &text[..span.start];
    let frac: String = after.chars().take_while(char::is_ascii_digit).collect();
    let whole_part = before.strip_suffix(',')?;
    let whole: String = {
        let digits: Vec<char> = whole_part
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit() || *c == '-')
            .collect();
        digits.into_iter().rev().collect()
    };
    if frac.is_empty() || !whole.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let start = span.start - 1 - whole.len();
    Some(
        Diagnostic::error(
            "praxis::scenario::decimal_comma",
            format!("`{whole},{frac}` is written with a decimal comma"),
            start..span.start + frac.len(),
            "decimal comma",
        )
        .with_help(format!(
            "write `{whole}.{frac}`: numbers in a scenario file take a decimal point (texts in quotes keep their commas)"
        )),
    )
}

/// Turns a `ron` error into a diagnostic at its position.
pub fn ron_diagnostic(text: &str, e: &ron::error::SpannedError) -> Diagnostic {
    let start = offset_of(text, e.span.start.line, e.span.start.col);
    let mut end = offset_of(text, e.span.end.line, e.span.end.col);
    if end <= start {
        end = (start + text[start..].chars().next().map_or(0, char::len_utf8)).min(text.len());
    }
    let mut span = start..end;
    if matches!(e.code, RonError::ExpectedComma) {
        // Point at the end of what comes before, where the comma belongs, not at the next line.
        let before = text[..start].trim_end();
        span = before.len()..before.len();
    }
    if let Some(d) = decimal_comma(text, &span) {
        return d;
    }
    let outer = |o: &Option<String>| o.as_ref().map(|o| format!(" in `{o}`")).unwrap_or_default();
    match &e.code {
        RonError::NoSuchStructField {
            expected,
            found,
            outer: o,
        } => {
            let d = Diagnostic::error(
                "praxis::scenario::unknown_field",
                format!("unknown field `{found}`{}", outer(o)),
                span,
                "no such field",
            );
            d.with_help(match closest(found, expected.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("the fields here are: {}", expected.join(", ")),
            })
        }
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer: o,
        } => {
            let d = Diagnostic::error(
                "praxis::scenario::unknown_variant",
                format!("unknown kind `{found}`{}", outer(o)),
                span,
                "not one of the allowed kinds",
            );
            d.with_help(match closest(found, expected.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("write one of: {}", expected.join(", ")),
            })
        }
        RonError::MissingStructField { field, outer: o } => Diagnostic::error(
            "praxis::scenario::missing_field",
            format!("missing field `{field}`{}", outer(o)),
            span,
            format!("`{field}` is required here"),
        )
        .with_help(format!(
            "add `{field}: …` to this block (see docs/scenario-format.md)"
        )),
        RonError::DuplicateStructField { field, outer: o } => Diagnostic::error(
            "praxis::scenario::duplicate_field",
            format!("field `{field}` is written twice{}", outer(o)),
            span,
            "second time",
        )
        .with_help("keep one of the two"),
        RonError::InvalidValueForType { expected, found } => Diagnostic::error(
            "praxis::scenario::type_mismatch",
            format!("expected {expected}, found {found}"),
            span,
            format!("expected {expected}"),
        ),
        RonError::ExpectedDifferentLength { expected, found } => Diagnostic::error(
            "praxis::scenario::type_mismatch",
            format!("expected {expected}, found {found} element(s)"),
            span,
            format!("expected {expected}"),
        ),
        RonError::Message(m) => {
            Diagnostic::error("praxis::scenario::type_mismatch", m.clone(), span, "here")
        }
        RonError::Utf8Error(_) => Diagnostic::error(
            "praxis::scenario::encoding",
            "the file is not valid UTF-8 text",
            span,
            "here",
        ),
        RonError::ExceededRecursionLimit => Diagnostic::error(
            "praxis::scenario::syntax",
            "the file is nested too deeply",
            span,
            "here",
        ),
        other => {
            let message = other.to_string();
            let help = match other {
                RonError::ExpectedComma => Some("separate items with `,`"),
                RonError::ExpectedStructLikeEnd | RonError::ExpectedOptionEnd => {
                    Some("a `)` is missing, or a `,` between two fields")
                }
                RonError::ExpectedArrayEnd => Some("a `]` is missing, or a `,` between two items"),
                RonError::ExpectedMapEnd => Some("a `}` is missing, or a `,` between two entries"),
                RonError::ExpectedStringEnd => Some("a string is missing its closing `\"`"),
                RonError::Eof => Some("the file ends early: a closing bracket is missing"),
                RonError::TrailingCharacters => {
                    Some("the scenario ends before this text: remove it or move it inside")
                }
                _ => None,
            };
            let label = if matches!(other, RonError::ExpectedComma) {
                "a `,` is missing here"
            } else {
                "here"
            };
            let d = Diagnostic::error("praxis::scenario::syntax", message, span, label);
            match help {
                Some(h) => d.with_help(h),
                None => d,
            }
        }
    }
}
