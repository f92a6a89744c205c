//! Every text Praxis writes for people, in English and French, from one message catalogue:
//! Fluent files (`assets/i18n/en.ftl`, `assets/i18n/fr.ftl`, compiled in), never phrased in
//! the code. The command line's trace and debrief, the reports, the procedure graph and the 3D
//! runtime's interface all render from here; [`feedback`] turns what the tracker says into a
//! message of the catalogue. Numbers are written as each language writes them (a decimal comma
//! in French: [`Lang::num`], [`Lang::short`]). No Bevy here: fluent-bundle is a plain library.

pub mod feedback;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The English catalogue source.
pub const EN_FTL: &str = include_str!("../../assets/i18n/en.ftl");
/// The French catalogue source.
pub const FR_FTL: &str = include_str!("../../assets/i18n/fr.ftl");

/// A language Praxis writes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// French.
    Fr,
}

impl Lang {
    /// The language code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// Parses `en` or `fr`.
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// Writes a number as the language does: `6.06` in English, `6,06` in French.
    pub fn decimal(self, s: String) -> String {
        match self {
            Lang::En => s,
            Lang::Fr => s.replace('.', ","),
        }
    }

    /// A number with up to six decimals, trailing zeros dropped, in the language's writing.
    pub fn num(self, v: f64) -> String {
        self.decimal(crate::scenario::units::num(v))
    }

    /// A measured value with three significant figures, as the debrief shows it.
    pub fn short(self, v: f64) -> String {
        self.decimal(crate::scenario::units::short(v))
    }

    /// An instrument's reading at its display's resolution.
    pub fn reading(self, v: f64, resolution: f64) -> String {
        self.decimal(crate::scenario::units::reading(v, resolution))
    }

    /// A number with a fixed number of decimals (`{:.1}`).
    pub fn fixed(self, v: f64, decimals: usize) -> String {
        self.decimal(format!("{v:.decimals$}"))
    }
}

/// The message catalogue, both languages.
pub struct Catalog {
    en: FluentBundle<FluentResource>,
    fr: FluentBundle<FluentResource>,
    /// Every message formatted without arguments, by language and id.
    plain: std::collections::HashMap<(Lang, String), String>,
}

fn bundle(locale: &str, source: &str) -> Result<FluentBundle<FluentResource>, String> {
    let res = FluentResource::try_new(source.to_string())
        .map_err(|(_, errs)| format!("{locale}.ftl: {errs:?}"))?;
    let id: unic_langid::LanguageIdentifier = locale.parse().map_err(|e| format!("{e}"))?;
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // Bidi isolation marks would show as boxes in the interface font and in terminals.
    b.set_use_isolating(false);
    b.add_resource(res)
        .map_err(|e| format!("{locale}.ftl: {e:?}"))?;
    Ok(b)
}

impl Catalog {
    /// The compiled-in catalogues.
    pub fn new() -> Result<Self, String> {
        let mut cat = Catalog {
            en: bundle("en", EN_FTL)?,
            fr: bundle("fr", FR_FTL)?,
            plain: Default::default(),
        };
        for lang in [Lang::En, Lang::Fr] {
            for id in Catalog::ids(lang) {
                let text = cat.ta(lang, &id, &[]);
                cat.plain.insert((lang, id), text);
            }
        }
        Ok(cat)
    }

    /// The compiled-in catalogues, built once for the whole process.
    pub fn get() -> &'static Catalog {
        static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        CATALOG.get_or_init(|| Catalog::new().expect("the compiled-in catalogues parse (tested)"))
    }

    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        }
    }

    /// Whether `id` is a message of `lang`.
    pub fn has(&self, lang: Lang, id: &str) -> bool {
        self.bundle(lang).has_message(id)
    }

    /// The ids of every message of `lang`.
    pub fn ids(lang: Lang) -> Vec<String> {
        let src = match lang {
            Lang::En => EN_FTL,
            Lang::Fr => FR_FTL,
        };
        src.lines()
            .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
            .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_string()))
            .collect()
    }

    /// A message with no arguments.
    pub fn t(&self, lang: Lang, id: &str) -> String {
        self.ta(lang, id, &[])
    }

    /// A message with no arguments, borrowed from the catalogue (the id itself when missing).
    pub fn plain<'a>(&'a self, lang: Lang, id: &'a str) -> &'a str {
        self.plain
            .get(&(lang, id.to_string()))
            .map_or(id, String::as_str)
    }

    /// A message with arguments (strings or numbers); the id itself when it is missing (a
    /// test checks that every id the code asks for exists in both languages).
    pub fn ta(&self, lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
        let b = self.bundle(lang);
        let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            let value: FluentValue = match v {
                Arg::S(s) => FluentValue::from(s.clone()),
                Arg::N(n) => FluentValue::from(*n),
            };
            fargs.set(*k, value);
        }
        let mut errors = Vec::new();
        b.format_pattern(pattern, Some(&fargs), &mut errors)
            .into_owned()
    }
}

/// An argument of a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// Text.
    S(String),
    /// A number (Fluent formats it; plural rules apply).
    N(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::S(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::S(s)
    }
}

impl From<f64> for Arg {
    fn from(n: f64) -> Self {
        Arg::N(n)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::N(n as f64)
    }
}

/// French puts a no-break space before a colon (`Résultat : RÉUSSI`) where a message is
/// composed around one; the catalogue's own French messages already do.
pub fn typeset(lang: Lang, s: String) -> String {
    if lang == Lang::En {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut prev = ' ';
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ':' && !prev.is_whitespace() && chars.peek().is_none_or(|n| n.is_whitespace()) {
            out.push('\u{a0}');
        }
        out.push(c);
        prev = c;
    }
    out
}
