//! Where each value of a RON file is written, so that meaning errors point at the right place.
//!
//! `ron` tells where *syntax* errors are; once a file has parsed, this lenient second reader
//! records the byte range of every value by its path (`procedure[2].steps[0].after[1]`). The
//! validator then asks for the span of the path it is checking. It never panics and gives up
//! quietly (spans fall back to the start of the file) on text `ron` would have rejected anyway.

use smallvec::SmallVec;
use std::ops::Range;

/// A short map key (language codes), stored inline so that paths never allocate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyName {
    bytes: [u8; 15],
    len: u8,
}

impl KeyName {
    fn new(k: &str) -> Self {
        let mut bytes = [0; 15];
        let mut len = k.len().min(15);
        while !k.is_char_boundary(len) {
            len -= 1;
        }
        bytes[..len].copy_from_slice(&k.as_bytes()[..len]);
        KeyName {
            bytes,
            len: len as u8,
        }
    }

    /// The key (cut to 15 bytes).
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len as usize]).unwrap_or("")
    }
}

/// One step of a path into the scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg {
    /// A named field of a struct or struct-like enum variant.
    Field(&'static str),
    /// An item of a list or tuple.
    Index(usize),
    /// The value under a map key.
    Key(KeyName),
}

/// A path from the file's top-level value; kept inline (no allocation) up to 12 steps.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Path(pub SmallVec<[Seg; 12]>);

impl Clone for Path {
    fn clone(&self) -> Self {
        Path(SmallVec::from_slice(&self.0))
    }
}

impl Path {
    /// The top-level value.
    pub fn root() -> Self {
        Path(SmallVec::new())
    }

    /// This path, then a field.
    pub fn field(&self, name: &'static str) -> Path {
        let mut p = self.clone();
        p.0.reserve(1);
        p.0.push(Seg::Field(name));
        p
    }

    /// This path, then a list item.
    pub fn index(&self, i: usize) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Index(i));
        p
    }

    /// This path, then a map key.
    pub fn key(&self, k: &str) -> Path {
        let mut p = self.clone();
        p.0.push(Seg::Key(KeyName::new(k)));
        p
    }
}

impl std::fmt::Display for Path {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Field(n) if i == 0 => write!(f, "{n}")?,
                Seg::Field(n) => write!(f, ".{n}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
                Seg::Key(k) => write!(f, "[{:?}]", k.as_str())?,
            }
        }
        Ok(())
    }
}

/// A value of the file with its position.
#[derive(Debug, Clone)]
pub struct Node {
    /// Byte range of the whole value.
    pub span: Range<usize>,
    /// What kind of value it is.
    pub kind: Kind,
}

/// The shapes a RON value can take.
#[derive(Debug, Clone)]
pub enum Kind {
    /// `Name(field: v, …)` or `(field: v, …)`; the name is empty when not written.
    Struct(String, Vec<(String, Range<usize>, Node)>),
    /// `Name(v, …)`, `(v, …)`, `Some(v)`.
    Tuple(String, Vec<Node>),
    /// `[v, …]`.
    List(Vec<Node>),
    /// `{k: v, …}`.
    Map(Vec<(Node, Node)>),
    /// A string literal and its decoded text; the span includes the quotes.
    Str(String),
    /// A number, boolean, char, or a bare identifier such as a unit enum variant.
    Atom,
}

/// The span tree of one file, read the first time a position is asked for (a valid file never
/// needs it).
#[derive(Debug, Clone)]
pub struct SpanIndex {
    text: std::sync::Arc<str>,
    root: std::sync::OnceLock<Option<Node>>,
}

impl SpanIndex {
    /// An index of the positions of every value in `text`.
    pub fn new(text: &str) -> Self {
        SpanIndex {
            text: text.into(),
            root: std::sync::OnceLock::new(),
        }
    }

    fn root(&self) -> Option<&Node> {
        self.root
            .get_or_init(|| {
                let mut r = Reader {
                    s: self.text.as_bytes(),
                    text: &self.text,
                    pos: 0,
                    depth: 0,
                };
                r.skip_attributes();
                r.value()
            })
            .as_ref()
    }

    /// The node at `path`, if the file has it.
    pub fn node(&self, path: &Path) -> Option<&Node> {
        let mut node = self.root()?;
        for seg in &path.0 {
            node = step(node, seg)?;
        }
        Some(node)
    }

    /// The span of the value at `path`, or of its nearest written ancestor.
    pub fn span(&self, path: &Path) -> Range<usize> {
        let Some(mut node) = self.root() else {
            return 0..0;
        };
        for seg in &path.0 {
            match step(node, seg) {
                Some(n) => node = n,
                None => break,
            }
        }
        transparent(node).span.clone()
    }

    /// The span of the field *name* at the end of `path` (for "first defined here" labels),
    /// or of the value when the last segment is not a field.
    pub fn key_span(&self, path: &Path) -> Range<usize> {
        if let Some((Seg::Field(name), parent)) = path.0.split_last()
            && let Some(parent) = self.node(&Path(parent.iter().copied().collect()))
            && let Kind::Struct(_, fields) = &transparent(parent).kind
            && let Some((_, key, _)) = fields.iter().find(|(k, _, _)| k == name)
        {
            return key.clone();
        }
        self.span(path)
    }
}

/// `Some(x)` may be written or left implicit: paths never name it, so it is looked through.
fn transparent(mut node: &Node) -> &Node {
    while let Kind::Tuple(name, items) = &node.kind {
        if name == "Some" && items.len() == 1 {
            node = &items[0];
        } else {
            break;
        }
    }
    node
}

fn step<'n>(node: &'n Node, seg: &Seg) -> Option<&'n Node> {
    let node = transparent(node);
    match (&node.kind, seg) {
        (Kind::Struct(_, fields), Seg::Field(name)) => {
            fields.iter().find(|(k, _, _)| k == name).map(|(_, _, v)| v)
        }
        // A newtype variant around a struct may be written unwrapped: `Step(id: …)`.
        (Kind::Struct(..), Seg::Index(0)) => Some(node),
        (Kind::Tuple(_, items), Seg::Index(i)) => items.get(*i),
        // `Step((id: …))` reached by a path that does not name the wrapper.
        (Kind::Tuple(_, items), Seg::Field(_)) if items.len() == 1 => step(&items[0], seg),
        (Kind::List(items), Seg::Index(i)) => items.get(*i),
        (Kind::Map(entries), Seg::Key(k)) => entries
            .iter()
            .find(|(key, _)| matches!(&key.kind, Kind::Str(s) if s == k.as_str()))
            .map(|(_, v)| v),
        _ => None,
    }
}

struct Reader<'a> {
    s: &'a [u8],
    text: &'a str,
    pos: usize,
    depth: u32,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn ws(&mut self) {
        loop {
            match self.peek() {
                Some(c) if c.is_ascii_whitespace() => self.pos += 1,
                Some(b'/') if self.s.get(self.pos + 1) == Some(&b'/') => {
                    while let Some(c) = self.peek() {
                        if c == b'\n' {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                Some(b'/') if self.s.get(self.pos + 1) == Some(&b'*') => {
                    self.pos += 2;
                    let mut level = 1;
                    while level > 0 && self.pos < self.s.len() {
                        if self.s[self.pos..].starts_with(b"/*") {
                            level += 1;
                            self.pos += 2;
                        } else if self.s[self.pos..].starts_with(b"*/") {
                            level -= 1;
                            self.pos += 2;
                        } else {
                            self.pos += 1;
                        }
                    }
                }
                _ => {
                    // Unicode whitespace (e.g. a no-break space pasted from a document).
                    if let Some(c) = self.text.get(self.pos..).and_then(|t| t.chars().next())
                        && c.is_whitespace()
                    {
                        self.pos += c.len_utf8();
                        continue;
                    }
                    return;
                }
            }
        }
    }

    fn skip_attributes(&mut self) {
        loop {
            self.ws();
            if self.s[self.pos..].starts_with(b"#![") {
                while let Some(c) = self.peek() {
                    self.pos += 1;
                    if c == b']' {
                        break;
                    }
                }
            } else {
                return;
            }
        }
    }

    fn ident(&mut self) -> Option<Range<usize>> {
        let start = self.pos;
        if self.s[self.pos..].starts_with(b"r#") {
            self.pos += 2;
        }
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 {
                self.pos += 1;
            } else {
                break;
            }
        }
        (self.pos > start).then_some(start..self.pos)
    }

    fn value(&mut self) -> Option<Node> {
        self.depth += 1;
        if self.depth > 256 {
            return None;
        }
        self.ws();
        let start = self.pos;
        let c = self.peek()?;
        let node = match c {
            b'"' => {
                let text = self.string()?;
                Node {
                    span: start..self.pos,
                    kind: Kind::Str(text),
                }
            }
            b'r' if self.raw_string_follows() => {
                let text = self.raw_string()?;
                Node {
                    span: start..self.pos,
                    kind: Kind::Str(text),
                }
            }
            b'\'' => {
                self.pos += 1;
                while let Some(c) = self.peek() {
                    self.pos += 1;
                    if c == b'\\' {
                        self.pos += 1;
                    } else if c == b'\'' {
                        break;
                    }
                }
                Node {
                    span: start..self.pos,
                    kind: Kind::Atom,
                }
            }
            b'[' => {
                self.pos += 1;
                let items = self.separated(b']', Reader::value)?;
                Node {
                    span: start..self.pos,
                    kind: Kind::List(items),
                }
            }
            b'{' => {
                self.pos += 1;
                let entries = self.separated(b'}', |r| {
                    let key = r.value()?;
                    r.ws();
                    if r.peek()? != b':' {
                        return None;
                    }
                    r.pos += 1;
                    Some((key, r.value()?))
                })?;
                Node {
                    span: start..self.pos,
                    kind: Kind::Map(entries),
                }
            }
            b'(' => self.parens(start, String::new())?,
            c if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => {
                let name = self.ident()?;
                let name = self.text.get(name)?.to_string();
                let after_name = self.pos;
                self.ws();
                if self.peek() == Some(b'(') {
                    self.parens(start, name)?
                } else {
                    self.pos = after_name;
                    Node {
                        span: start..after_name,
                        kind: Kind::Atom,
                    }
                }
            }
            _ => {
                // Numbers and anything else atom-like, up to a delimiter.
                while let Some(c) = self.peek() {
                    if c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-' | b'+' | b'_') {
                        self.pos += 1;
                    } else {
                        break;
                    }
                }
                if self.pos == start {
                    return None;
                }
                Node {
                    span: start..self.pos,
                    kind: Kind::Atom,
                }
            }
        };
        self.depth -= 1;
        Some(node)
    }

    /// `r"…"` and `r#"…"#` are raw strings; `r#name` is a raw identifier.
    fn raw_string_follows(&self) -> bool {
        let mut i = self.pos + 1;
        while self.s.get(i) == Some(&b'#') {
            i += 1;
        }
        self.s.get(i) == Some(&b'"')
    }

    /// `( … )` after an optional name: struct fields or tuple items.
    fn parens(&mut self, start: usize, name: String) -> Option<Node> {
        self.pos += 1; // (
        self.ws();
        let is_struct = {
            let save = self.pos;
            let found = self.ident().is_some() && {
                self.ws();
                self.peek() == Some(b':') && self.s.get(self.pos + 1) != Some(&b':')
            };
            self.pos = save;
            found
        };
        if is_struct {
            let fields = self.separated(b')', |r| {
                let key = r.ident()?;
                let key_text = r
                    .text
                    .get(key.clone())?
                    .trim_start_matches("r#")
                    .to_string();
                r.ws();
                if r.peek()? != b':' {
                    return None;
                }
                r.pos += 1;
                Some((key_text, key, r.value()?))
            })?;
            Some(Node {
                span: start..self.pos,
                kind: Kind::Struct(name, fields),
            })
        } else {
            let items = self.separated(b')', Reader::value)?;
            Some(Node {
                span: start..self.pos,
                kind: Kind::Tuple(name, items),
            })
        }
    }

    /// Items up to the closing delimiter `close` (the opening one already read), separated by
    /// commas, a trailing comma allowed.
    fn separated<T>(
        &mut self,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Option<T>,
    ) -> Option<Vec<T>> {
        let mut out = Vec::new();
        loop {
            self.ws();
            if self.peek() == Some(close) {
                self.pos += 1;
                return Some(out);
            }
            out.push(item(self)?);
            self.ws();
            match self.peek()? {
                b',' => self.pos += 1,
                c if c == close => {
                    self.pos += 1;
                    return Some(out);
                }
                _ => return None,
            }
        }
    }

    fn string(&mut self) -> Option<String> {
        self.pos += 1; // opening quote
        let mut out = String::new();
        loop {
            let rest = self.text.get(self.pos..)?;
            let c = rest.chars().next()?;
            self.pos += c.len_utf8();
            match c {
                '"' => return Some(out),
                '\\' => {
                    let e = self.text.get(self.pos..)?.chars().next()?;
                    self.pos += e.len_utf8();
                    match e {
                        'n' => out.push('\n'),
                        't' => out.push('\t'),
                        'r' => out.push('\r'),
                        '0' => out.push('\0'),
                        'u' => {
                            // \u{XXXX}
                            let rest = self.text.get(self.pos..)?;
                            let close = rest.find('}')?;
                            let hex = rest.get(1..close)?;
                            if let Some(ch) =
                                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
                            {
                                out.push(ch);
                            }
                            self.pos += close + 1;
                        }
                        'x' => {
                            let hex = self.text.get(self.pos..self.pos + 2)?;
                            if let Ok(b) = u8::from_str_radix(hex, 16) {
                                out.push(char::from(b));
                            }
                            self.pos += 2;
                        }
                        '\n' => {
                            // Line continuation: skip leading whitespace of the next line.
                            while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                                self.pos += 1;
                            }
                        }
                        other => out.push(other),
                    }
                }
                other => out.push(other),
            }
        }
    }

    fn raw_string(&mut self) -> Option<String> {
        self.pos += 1; // r
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.pos += 1;
        }
        if self.peek()? != b'"' {
            return None;
        }
        self.pos += 1;
        let body_start = self.pos;
        let closing: Vec<u8> = std::iter::once(b'"')
            .chain(std::iter::repeat_n(b'#', hashes))
            .collect();
        while self.pos < self.s.len() {
            if self.s[self.pos..].starts_with(&closing) {
                let body = self.text.get(body_start..self.pos)?.to_string();
                self.pos += closing.len();
                return Some(body);
            }
            self.pos += 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = r##"#![enable(implicit_some)]
// a comment
Scenario(
    id: "demo", /* block /* nested */ comment */
    title: {"en": "Demo", "fr": "Démo"},
    procedure: [
        Step(id: "a", after: ["b", "c"]),
        Step((id: "b")),
    ],
    raw: r#"x"y"#,
    tuple: (1.0, -2e3, 3),
    opt: Some("x"),
)"##;

    fn text(idx: &SpanIndex, path: Path) -> &str {
        &SRC[idx.span(&path)]
    }

    #[test]
    fn finds_values_by_path() {
        let idx = SpanIndex::new(SRC);
        let root = Path::root();
        assert_eq!(text(&idx, root.field("id")), "\"demo\"");
        assert_eq!(text(&idx, root.field("title").key("fr")), "\"Démo\"");
        let steps = root.field("procedure");
        assert_eq!(text(&idx, steps.index(0).field("after").index(1)), "\"c\"");
        assert_eq!(text(&idx, steps.index(1).index(0).field("id")), "\"b\"");
        assert_eq!(text(&idx, steps.index(0).index(0).field("id")), "\"a\"");
        assert_eq!(text(&idx, root.field("tuple").index(1)), "-2e3");
        assert_eq!(text(&idx, root.field("opt")), "\"x\"");
        assert_eq!(text(&idx, root.field("raw")), "r#\"x\"y\"#");
        assert_eq!(&SRC[idx.key_span(&root.field("title"))], "title");
        // A missing path falls back to the nearest ancestor.
        assert_eq!(text(&idx, root.field("nope")), &SRC[idx.span(&root)]);
    }

    #[test]
    fn never_panics_on_garbage() {
        for s in [
            "",
            "(",
            "Step(",
            "[\"",
            "{\"a\":",
            "r#\"",
            "\"\\u{",
            "(a:",
            "\u{a0}(x: 1)",
        ] {
            let idx = SpanIndex::new(s);
            let _ = idx.span(&Path::root().field("x").index(3));
        }
    }
}
