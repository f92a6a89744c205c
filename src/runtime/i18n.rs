//! The message catalogue: every string of the learner's interface, in English and French, from
//! Fluent files (`assets/i18n/en.ftl`, `assets/i18n/fr.ftl`), never from the code. The files are
//! compiled in so that the app works from any folder; a test checks that both languages define
//! the same messages and that every message the code asks for exists.

use crate::trace::Lang;
use bevy::prelude::Resource;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// The English catalogue source.
pub const EN_FTL: &str = include_str!("../../assets/i18n/en.ftl");
/// The French catalogue source.
pub const FR_FTL: &str = include_str!("../../assets/i18n/fr.ftl");

/// Both languages' messages, and the language in use.
#[derive(Resource)]
pub struct I18n {
    en: FluentBundle<FluentResource>,
    fr: FluentBundle<FluentResource>,
    /// The language shown.
    pub lang: Lang,
}

fn bundle(locale: &str, source: &str) -> Result<FluentBundle<FluentResource>, String> {
    let res = FluentResource::try_new(source.to_string())
        .map_err(|(_, errs)| format!("{locale}.ftl: {errs:?}"))?;
    let id: unic_langid::LanguageIdentifier = locale.parse().map_err(|e| format!("{e}"))?;
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // Bidi isolation marks would show as boxes in the UI font.
    b.set_use_isolating(false);
    b.add_resource(res)
        .map_err(|e| format!("{locale}.ftl: {e:?}"))?;
    Ok(b)
}

impl I18n {
    /// The compiled-in catalogues.
    pub fn new(lang: Lang) -> Result<Self, String> {
        Ok(I18n {
            en: bundle("en", EN_FTL)?,
            fr: bundle("fr", FR_FTL)?,
            lang,
        })
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
    pub fn t(&self, id: &str) -> String {
        self.ta(id, &[])
    }

    /// A message with arguments (strings or numbers).
    pub fn ta(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.in_lang(self.lang, id, args)
    }

    /// A message in a given language.
    pub fn in_lang(&self, lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
        let b = self.bundle(lang);
        let Some(msg) = b.get_message(id) else {
            bevy::log::error!(
                "message `{id}` is missing from the {} catalogue",
                lang.code()
            );
            return id.to_string();
        };
        let Some(pattern) = msg.value() else {
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
        let out = b.format_pattern(pattern, Some(&fargs), &mut errors);
        if !errors.is_empty() {
            bevy::log::error!("message `{id}` ({}): {errors:?}", lang.code());
        }
        out.into_owned()
    }
}

/// An argument of a message.
#[derive(Debug, Clone)]
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
