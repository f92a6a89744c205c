//! A domain reference's CRITICAL items, read from its Markdown: the numbered steps of its
//! tables (`| 8 | … | **CRITICAL** | … |`) and numbered lists (`9. … **CRITICAL** …`), each
//! named by its section and number, `§3 step 8`, as a scenario's `critical_map` names them.
//!
//! The references live outside the repository (`../shared/domain/`); the command line reads the
//! file and hands its text here, so this stays free of file access.

/// One item the reference marks CRITICAL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriticalRef {
    /// `§3 step 8`.
    pub key: String,
    /// The line it is on (1-based).
    pub line: usize,
    /// What the step says (its text, without Markdown emphasis), for messages.
    pub text: String,
    /// Whether the item's line marks something UNVERIFIED (UNVERIFIED wins over CRITICAL for
    /// what it covers; the scenario says which).
    pub unverified: bool,
}

/// The CRITICAL items of a reference, in the order written. Lines outside a numbered section
/// (`## 3. …`), such as a list of changes, are not items.
pub fn critical_items(markdown: &str) -> Vec<CriticalRef> {
    let mut section: Option<u32> = None;
    let mut out = Vec::new();
    for (i, line) in markdown.lines().enumerate() {
        let line = line.trim();
        if let Some(h) = line.strip_prefix("## ") {
            // `## 3. Steps` or `## 3 Steps`: the leading number, if any.
            let digits: String = h.trim().chars().take_while(char::is_ascii_digit).collect();
            section = digits.parse::<u32>().ok();
            continue;
        }
        let Some(s) = section else {
            continue;
        };
        let item = if line.starts_with('|') {
            table_item(line)
        } else {
            list_item(line)
        };
        if let Some((n, text)) = item {
            out.push(CriticalRef {
                key: format!("§{s} step {n}"),
                line: i + 1,
                text: plain(&text),
                unverified: line.contains("UNVERIFIED"),
            });
        }
    }
    out
}

/// `| 8 | text | **CRITICAL** | notes |`: the number and the text, when a cell after the text
/// starts with the mark.
fn table_item(line: &str) -> Option<(u32, String)> {
    let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
    let n = cells.first()?.parse::<u32>().ok()?;
    let critical = cells.iter().skip(2).any(|c| c.starts_with("**CRITICAL"));
    critical.then(|| (n, cells.get(1).copied().unwrap_or("").to_string()))
}

/// `9. text **CRITICAL** …`: a numbered list item with the mark.
fn list_item(line: &str) -> Option<(u32, String)> {
    let (n, rest) = line.split_once(". ")?;
    let n = n.parse::<u32>().ok()?;
    rest.contains("**CRITICAL**").then(|| {
        (
            n,
            rest.split("**CRITICAL**").next().unwrap_or("").to_string(),
        )
    })
}

/// Text without emphasis marks, cut to a readable length.
fn plain(s: &str) -> String {
    let s = s.replace("**", "").replace('`', "");
    let s = s.trim().trim_end_matches('.').trim();
    match s.char_indices().nth(90) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::critical_items;

    #[test]
    fn reads_tables_and_numbered_lists_by_section() {
        let md = "# T\n## 1. Sources\n| 1 | a source | **CRITICAL** |\n## 3. Steps\n\
                  | # | Step | Critical? |\n|---|---|---|\n| 8 | Identify **two** ids | **CRITICAL** | S2 |\n\
                  | 9 | Explain | yes | |\n| 10 | Final check | **CRITICAL** | term **UNVERIFIED** |\n\
                  ## 5. How\n9. Dry hands. **CRITICAL** (rationale)\n10. Close the tap.\n\
                  ## Changes\n| 11 | old | **CRITICAL** |\n";
        let items = critical_items(md);
        let keys: Vec<&str> = items.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(
            critical_items("## 4 How\n| 2 | x | **CRITICAL** |\n")[0].key,
            "§4 step 2"
        );
        assert_eq!(keys, ["§1 step 1", "§3 step 8", "§3 step 10", "§5 step 9"]);
        assert_eq!(items[1].text, "Identify two ids");
        assert!(items[2].unverified && !items[1].unverified);
        assert_eq!(items[3].text, "Dry hands");
    }
}
