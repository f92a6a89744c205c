//! The message catalogue: both languages define the same messages, every message the code asks
//! for exists, and numbers are written as each language writes them.

use crate::support;
use praxis::text::{Arg, Catalog, Lang};
use std::collections::BTreeSet;

#[test]
fn english_and_french_define_the_same_messages() {
    let en: BTreeSet<String> = Catalog::ids(Lang::En).into_iter().collect();
    let fr: BTreeSet<String> = Catalog::ids(Lang::Fr).into_iter().collect();
    let only_en: Vec<_> = en.difference(&fr).collect();
    let only_fr: Vec<_> = fr.difference(&en).collect();
    assert!(
        only_en.is_empty() && only_fr.is_empty(),
        "only in en.ftl: {only_en:?}; only in fr.ftl: {only_fr:?}"
    );
    assert!(
        en.len() > 100,
        "the catalogue looks truncated: {} messages",
        en.len()
    );
}

#[test]
fn every_message_the_code_asks_for_exists_in_both_languages() {
    let cat = Catalog::new().expect("catalogue parses");
    let mut missing = Vec::new();
    let mut asked = 0;
    // The code that renders text for people (elsewhere, kebab-case strings are scenario ids).
    let src = support::root().join("src");
    let mut files = support::files_under(&src.join("runtime"), "rs");
    files.extend(support::files_under(&src.join("text"), "rs"));
    files.extend(support::files_under(&src.join("report"), "rs"));
    files.extend([src.join("trace.rs"), src.join("graph.rs")]);
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        // Message ids are quoted kebab-case strings with a known prefix.
        for piece in text.split('"').skip(1).step_by(2) {
            let prefixes = [
                "app-",
                "menu-",
                "mode-",
                "view-",
                "family-",
                "hud-",
                "hand-",
                "panel-",
                "pointer-",
                "verb-",
                "gesture-",
                "actions-",
                "question-",
                "field-",
                "finish-",
                "pause-",
                "tutorial-",
                "help-",
                "control-",
                "status-",
                "debrief-",
                "act-",
                "fb-",
                "caption-",
                "notice-",
                "reload-",
                "summary-",
                "criterion-",
                "report-",
                "graph-",
            ];
            let is_id = prefixes.iter().any(|p| piece.starts_with(p))
                && piece
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !piece.ends_with('-');
            if !is_id {
                continue;
            }
            asked += 1;
            for lang in [Lang::En, Lang::Fr] {
                if !cat.has(lang, piece) {
                    missing.push(format!(
                        "{} asks for `{piece}`, missing in {}",
                        path.display(),
                        lang.code()
                    ));
                }
            }
        }
    }
    assert!(asked > 100, "found only {asked} message ids in the code");
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn messages_format_with_their_arguments_and_french_typography() {
    let cat = Catalog::get();
    assert_eq!(
        cat.ta(Lang::En, "hand-left", &[("object", Arg::from("phone"))]),
        "Left hand: phone"
    );
    let s = cat.ta(Lang::Fr, "hand-left", &[("object", Arg::from("téléphone"))]);
    assert_eq!(s, "Main gauche\u{a0}: téléphone");
    // No Unicode isolation marks (they show as boxes in the interface font).
    assert!(!s.contains('\u{2068}') && !s.contains('\u{2069}'));
}

#[test]
fn string_arguments_are_kept_whole() {
    for t in ["0:00", "0:01", "10:00"] {
        assert_eq!(
            Catalog::get().ta(Lang::En, "hud-clock", &[("time", Arg::from(t))]),
            format!("Time {t}")
        );
    }
}

/// Measured values in feedback and the debrief: three significant figures at most, with a
/// decimal comma in French.
#[test]
fn measured_values_are_shown_with_sensible_precision() {
    let shown = |v| Lang::En.short(v);
    assert_eq!(Lang::Fr.short(98.895), "98,9");
    assert_eq!(Lang::Fr.num(6.06), "6,06");
    for (v, s) in [
        (108.125_33, "108"),
        (5.003, "5"),
        (98.895, "98.9"),
        (0.456, "0.46"),
        (10.0, "10"),
        (-0.001, "0"),
        (24.0, "24"),
    ] {
        assert_eq!(shown(v), s, "{v}");
    }
}
