//! Problems found in a scenario file, located by file, line and column, and how they are shown.
//!
//! A [`Report`] holds every problem of one file. It renders three ways: `human` (miette's
//! graphical report: the source line, the span underlined, the help), `short` (one line per
//! problem, `file:line:col: error[code]: message`) and `json` (miette's JSON, plus line and column
//! of every label) for editors and CI.

use miette::{LabeledSpan, NamedSource, SourceSpan};
use std::fmt;
use std::ops::Range;
use std::sync::Arc;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// Worth knowing; the scenario still loads.
    Warning,
    /// The scenario cannot be used until it is fixed.
    Error,
}

/// A place in the file with a short explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// Byte range in the file.
    pub span: Range<usize>,
    /// What is at that place.
    pub text: String,
    /// The main place of the problem (else related, like "first defined here").
    pub primary: bool,
}

/// One problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Stable code, `praxis::scenario::<name>`.
    pub code: &'static str,
    /// Error or warning.
    pub level: Level,
    /// One sentence naming the thing.
    pub message: String,
    /// Where; the first primary label gives the line and column.
    pub labels: Vec<Label>,
    /// A concrete fix.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error with a primary label.
    pub fn error(
        code: &'static str,
        message: impl Into<String>,
        span: Range<usize>,
        label: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            level: Level::Error,
            message: message.into(),
            labels: vec![Label {
                span,
                text: label.into(),
                primary: true,
            }],
            help: None,
        }
    }

    /// A warning with a primary label.
    pub fn warning(
        code: &'static str,
        message: impl Into<String>,
        span: Range<usize>,
        label: impl Into<String>,
    ) -> Self {
        Diagnostic {
            level: Level::Warning,
            ..Diagnostic::error(code, message, span, label)
        }
    }

    /// Adds a help text.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a secondary label.
    pub fn with_label(mut self, span: Range<usize>, text: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            text: text.into(),
            primary: false,
        });
        self
    }

    /// The primary span.
    pub fn primary_span(&self) -> Range<usize> {
        self.labels
            .iter()
            .find(|l| l.primary)
            .or(self.labels.first())
            .map_or(0..0, |l| l.span.clone())
    }
}

/// Every problem of one file, with the file's text to show them in.
#[derive(Debug, Clone)]
pub struct Report {
    /// The file name as given by the caller.
    pub file: String,
    /// The file's text (invalid UTF-8 replaced).
    pub text: Arc<str>,
    /// The problems, errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.level == Level::Error)
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        line_col(&self.text, offset)
    }

    /// `file:line:col` of a diagnostic's primary span.
    pub fn location(&self, d: &Diagnostic) -> String {
        let (l, c) = self.line_col(d.primary_span().start);
        format!("{}:{l}:{c}", self.file)
    }

    /// Sorts problems by position, errors before warnings at the same place.
    pub fn sort(&mut self) {
        self.diagnostics.sort_by(|a, b| {
            (a.primary_span().start, b.level).cmp(&(b.primary_span().start, a.level))
        });
    }

    /// miette's graphical rendering of every problem.
    pub fn render_human(&self, color: bool) -> String {
        let theme = if color {
            miette::GraphicalTheme::unicode()
        } else {
            miette::GraphicalTheme::unicode_nocolor()
        };
        let handler = miette::GraphicalReportHandler::new_themed(theme)
            .with_width(100)
            .with_links(false);
        let source = NamedSource::new(&self.file, self.text.to_string()).with_language("Rust");
        let mut out = String::new();
        for d in &self.diagnostics {
            let rendered = Rendered { d, source: &source };
            let _ = handler.render_report(&mut out, &rendered);
        }
        out
    }

    /// One line per problem: `file:line:col: error[code]: message (help: …)`.
    pub fn render_short(&self) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            let level = match d.level {
                Level::Error => "error",
                Level::Warning => "warning",
            };
            out.push_str(&format!(
                "{}: {level}[{}]: {}",
                self.location(d),
                d.code,
                d.message
            ));
            if let Some(help) = &d.help {
                out.push_str(&format!(" (help: {help})"));
            }
            out.push('\n');
        }
        out
    }

    /// miette's JSON for each problem, with `line` and `column` added to the report and labels.
    pub fn to_json(&self) -> serde_json::Value {
        let source = NamedSource::new(&self.file, self.text.to_string());
        let handler = miette::JSONReportHandler::new();
        let diagnostics: Vec<serde_json::Value> = self
            .diagnostics
            .iter()
            .map(|d| {
                let rendered = Rendered { d, source: &source };
                let mut json = String::new();
                let _ = handler.render_report(&mut json, &rendered);
                let mut value: serde_json::Value =
                    serde_json::from_str(&json).unwrap_or(serde_json::Value::Null);
                let (line, column) = self.line_col(d.primary_span().start);
                if let Some(obj) = value.as_object_mut() {
                    obj.insert("line".into(), line.into());
                    obj.insert("column".into(), column.into());
                    obj.insert("filename".into(), self.file.clone().into());
                    if let Some(labels) = obj.get_mut("labels").and_then(|l| l.as_array_mut()) {
                        for (label, ours) in labels.iter_mut().zip(&d.labels) {
                            let (l, c) = self.line_col(ours.span.start);
                            if let Some(label) = label.as_object_mut() {
                                label.insert("line".into(), l.into());
                                label.insert("column".into(), c.into());
                                label.insert("primary".into(), ours.primary.into());
                            }
                        }
                    }
                }
                value
            })
            .collect();
        serde_json::json!({ "file": self.file, "diagnostics": diagnostics })
    }
}

/// 1-based line and column (in characters, as `ron` counts them) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = 1 + before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = 1 + before[line_start..].chars().count();
    (line, col)
}

/// Byte offset of a 1-based line and character column, clamped to the text.
pub fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for _ in 1..line.max(1) {
        match text[offset..].find('\n') {
            Some(i) => offset += i + 1,
            None => return text.len(),
        }
    }
    let line_text = &text[offset..];
    let line_end = line_text.find('\n').unwrap_or(line_text.len());
    let mut chars = line_text[..line_end].char_indices();
    for _ in 1..col.max(1) {
        if chars.next().is_none() {
            return offset + line_end;
        }
    }
    offset + chars.next().map_or(line_end, |(i, _)| i)
}

/// A diagnostic with its file, as miette wants it.
struct Rendered<'a> {
    d: &'a Diagnostic,
    source: &'a NamedSource<String>,
}

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.d.fmt(f)
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl std::error::Error for Rendered<'_> {}

impl miette::Diagnostic for Rendered<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.d.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.level {
            Level::Error => miette::Severity::Error,
            Level::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.d
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.d.labels.iter().map(|l| {
            let span = SourceSpan::from((l.span.start, l.span.end.saturating_sub(l.span.start)));
            if l.primary {
                LabeledSpan::new_primary_with_span(Some(l.text.clone()), span)
            } else {
                LabeledSpan::new_with_span(Some(l.text.clone()), span)
            }
        })))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_round_trip() {
        let text = "ab\ncdé\nf";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        assert_eq!(line_col(text, 7), (2, 4));
        assert_eq!(offset_of(text, 2, 3), 5);
        assert_eq!(offset_of(text, 3, 1), 8);
        assert_eq!(offset_of(text, 9, 9), text.len());
    }
}
