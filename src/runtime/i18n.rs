//! The interface's messages: the core catalogue ([`crate::text`]: `assets/i18n/en.ftl`,
//! `assets/i18n/fr.ftl`, compiled in) in the language the learner chose, as a resource. Every
//! string of the learner's interface comes from there, never from the code; a test checks that
//! both languages define the same messages and that every message the code asks for exists.

use crate::text::{Catalog, Lang};
use bevy::prelude::Resource;

pub use crate::text::{Arg, EN_FTL, FR_FTL};

/// The language shown, and its messages.
#[derive(Resource)]
pub struct I18n {
    /// The language shown.
    pub lang: Lang,
}

impl I18n {
    /// The compiled-in catalogues, checked to parse.
    pub fn new(lang: Lang) -> Result<Self, String> {
        Catalog::new()?;
        Ok(I18n { lang })
    }

    /// Whether `id` is a message of `lang`.
    pub fn has(&self, lang: Lang, id: &str) -> bool {
        Catalog::get().has(lang, id)
    }

    /// The ids of every message of `lang`.
    pub fn ids(lang: Lang) -> Vec<String> {
        Catalog::ids(lang)
    }

    /// A message with no arguments.
    pub fn t(&self, id: &str) -> String {
        Catalog::get().t(self.lang, id)
    }

    /// A message with arguments (strings or numbers).
    pub fn ta(&self, id: &str, args: &[(&str, Arg)]) -> String {
        Catalog::get().ta(self.lang, id, args)
    }

    /// A message in a given language.
    pub fn in_lang(&self, lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
        Catalog::get().ta(lang, id, args)
    }
}
