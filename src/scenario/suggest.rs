//! "Did you mean …?" suggestions for misspelt ids, fields and units.

/// The candidate closest to `wrong`, if it is close enough to be a plausible typo.
///
/// Closeness is the Damerau–Levenshtein distance (a swap of two letters counts once), accepted
/// up to a third of the longer word's length, at least 1 and at most 3 edits. Two candidates
/// equally close suggest neither (`c` is as near `a` as `b`): the caller lists them all.
pub fn closest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(usize, &'a str)> = None;
    let mut tied = false;
    for candidate in candidates {
        if candidate == wrong {
            continue;
        }
        let distance = strsim::damerau_levenshtein(wrong, candidate);
        let longest = wrong.chars().count().max(candidate.chars().count());
        let limit = (longest / 3).clamp(1, 3);
        if distance > limit {
            continue;
        }
        match best {
            Some((d, _)) if distance == d => tied = true,
            Some((d, _)) if distance > d => {}
            _ => {
                best = Some((distance, candidate));
                tied = false;
            }
        }
    }
    best.filter(|_| !tied).map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn finds_typos() {
        let ids = ["palm-to-palm", "backs-of-hands", "thumbs"];
        assert_eq!(closest("palm-to-plam", ids), Some("palm-to-palm"));
        assert_eq!(closest("thumb", ids), Some("thumbs"));
        assert_eq!(closest("fingertips", ids), None);
        assert_eq!(closest("c", ["a", "b"]), None, "as near one as the other");
    }
}
