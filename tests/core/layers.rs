//! The source's shape, read from its text: no files that import each other in a circle anywhere
//! in `src/`, the runtime's files each in one layer of `src/runtime/mod.rs`'s list and using only
//! their own layer and those before it, and no runtime file over about 800 lines without a
//! reason in its opening comment.
//!
//! A file's imports are the modules its code names through `crate::`, `super::` or `self::`
//! (comments are left out). A module's own `mod.rs` is its namespace, not a file it depends
//! on: a file naming something of a module above it is not counted.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/`, by module path (`runtime::vr`, `center::db`; the crate root is
/// the empty path).
fn modules() -> BTreeMap<Vec<String>, PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("src/ is readable")
            .map(|e| e.expect("a directory entry").path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    files
        .into_iter()
        .filter_map(|p| {
            let rel = p.strip_prefix(&src).ok()?.with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            // The binary (`main.rs` and `cli/`) is a crate of its own.
            if parts.first().is_some_and(|p| p == "main" || p == "cli") {
                return None;
            }
            if parts.last().is_some_and(|l| l == "mod" || l == "lib") {
                parts.pop();
            }
            Some((parts, p))
        })
        .collect()
}

/// Whether a file is its module's `mod.rs` (or the crate's `lib.rs`).
fn is_dir_module(p: &Path) -> bool {
    p.file_name()
        .is_some_and(|n| n == "mod.rs" || n == "lib.rs")
}

/// The code of a file without its comments.
fn code(p: &Path) -> String {
    std::fs::read_to_string(p)
        .expect("a source file is readable")
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths a file's code names from `crate::`, `super::` or `self::`, resolved to module
/// paths (each brace group's members too).
fn named_paths(me: &[String], text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = 0;
    while i < bytes.len() {
        if !text.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let rest = &text[i..];
        let start = ["crate::", "super::", "self::"]
            .into_iter()
            .find(|k| rest.starts_with(k) && (i == 0 || !ident(bytes[i - 1])));
        let Some(kw) = start else {
            i += 1;
            continue;
        };
        // The segments: `a::b::c`, maybe ending in `::{x, y::z}`.
        let mut j = i;
        let mut segs: Vec<String> = Vec::new();
        let mut group: Vec<String> = Vec::new();
        loop {
            let k = j;
            while j < bytes.len() && ident(bytes[j]) {
                j += 1;
            }
            segs.push(text[k..j].to_string());
            if text[j..].starts_with("::{") {
                let close = text[j..].find('}').map_or(bytes.len(), |c| j + c);
                group = text[j + 3..close]
                    .split(',')
                    .map(|m| m.trim().split("::").next().unwrap_or("").to_string())
                    .filter(|m| !m.is_empty() && m != "self")
                    .collect();
                j = close;
                break;
            }
            if text[j..].starts_with("::") {
                j += 2;
            } else {
                break;
            }
        }
        i = j.max(i + kw.len());
        // Where the path starts.
        let mut base: Vec<String> = match segs[0].as_str() {
            "crate" => Vec::new(),
            "super" => me[..me.len().saturating_sub(1)].to_vec(),
            _ => me.to_vec(),
        };
        for s in &segs[1..] {
            if s == "super" {
                base.pop();
            } else {
                base.push(s.clone());
            }
        }
        if group.is_empty() {
            out.push(base);
        } else {
            for g in group {
                let mut p = base.clone();
                p.push(g);
                out.push(p);
            }
        }
    }
    out
}

/// Each module's file and the other files it imports.
fn graph() -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let mods = modules();
    let resolve = |path: &[String]| -> Option<Vec<String>> {
        (1..=path.len())
            .rev()
            .map(|n| path[..n].to_vec())
            .find(|p| mods.contains_key(p))
    };
    mods.iter()
        .map(|(me, file)| {
            let deps = named_paths(me, &code(file))
                .iter()
                .filter_map(|p| resolve(p))
                // Not itself, nor a module above it (its namespace).
                .filter(|d| d != me && !me.starts_with(d))
                .collect();
            (me.clone(), deps)
        })
        .collect()
}

/// The groups of files that import each other in a circle.
fn cycles(g: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Vec<Vec<String>> {
    // Tarjan's strongly connected components.
    struct T<'a> {
        g: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        index: BTreeMap<&'a Vec<String>, usize>,
        low: BTreeMap<&'a Vec<String>, usize>,
        stack: Vec<&'a Vec<String>>,
        on: BTreeSet<&'a Vec<String>>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a Vec<String>) {
        let n = t.index.len();
        t.index.insert(v, n);
        t.low.insert(v, n);
        t.stack.push(v);
        t.on.insert(v);
        for w in t.g.get(v).into_iter().flatten() {
            let Some((w, _)) = t.g.get_key_value(w) else {
                continue;
            };
            if !t.index.contains_key(w) {
                visit(t, w);
                let lw = t.low[w];
                let lv = t.low[v];
                t.low.insert(v, lv.min(lw));
            } else if t.on.contains(w) {
                let iw = t.index[w];
                let lv = t.low[v];
                t.low.insert(v, lv.min(iw));
            }
        }
        if t.low[v] == t.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(w);
                comp.push(w.join("::"));
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                t.out.push(comp);
            }
        }
    }
    let mut t = T {
        g,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in g.keys() {
        if !t.index.contains_key(v) {
            visit(&mut t, v);
        }
    }
    t.out
}

#[test]
fn no_files_import_each_other_in_a_circle() {
    let g = graph();
    assert!(g.len() > 100, "the source was read ({} files)", g.len());
    assert!(
        g[&vec!["runtime".to_string(), "screens".to_string()]]
            .contains(&vec!["runtime".to_string(), "views".to_string()]),
        "imports are read"
    );
    let found = cycles(&g);
    assert!(found.is_empty(), "files importing each other: {found:?}");
}

/// The runtime's layers as `src/runtime/mod.rs` lists them: `N. **name**: ` and the files
/// named in backquotes after it.
fn layers() -> Vec<(String, Vec<String>)> {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/runtime/mod.rs"))
            .expect("runtime/mod.rs");
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines().map_while(|l| l.strip_prefix("//!")) {
        let line = line.trim();
        let head = line
            .split_once(". **")
            .filter(|(n, _)| n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty());
        if let Some((_, rest)) = head {
            let name = rest.split("**").next().unwrap_or("").to_string();
            out.push((name, Vec::new()));
        }
        if let Some((_, files)) = out.last_mut() {
            let after = line.split_once("**: ").map_or(line, |(_, r)| r);
            for (k, part) in after.split('`').enumerate() {
                if k % 2 == 1
                    && part
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                {
                    files.push(part.to_string());
                }
            }
        }
    }
    out
}

#[test]
fn each_runtime_file_uses_only_its_layer_and_those_before_it() {
    let layers = layers();
    assert!(layers.len() >= 6, "{layers:?}");
    let mut layer_of: BTreeMap<String, usize> = BTreeMap::new();
    for (i, (name, files)) in layers.iter().enumerate() {
        for f in files {
            let before = layer_of.insert(f.clone(), i);
            assert!(before.is_none(), "{f} is in two layers ({name})");
        }
    }
    let g = graph();
    let runtime: Vec<&Vec<String>> = g
        .keys()
        .filter(|m| m.len() == 2 && m[0] == "runtime")
        .collect();
    let mut problems = Vec::new();
    for m in &runtime {
        let Some(&mine) = layer_of.get(&m[1]) else {
            problems.push(format!("{} is in no layer of runtime/mod.rs", m[1]));
            continue;
        };
        for d in &g[*m] {
            if d.len() < 2 || d[0] != "runtime" {
                continue;
            }
            if let Some(&theirs) = layer_of.get(&d[1])
                && theirs > mine
            {
                problems.push(format!(
                    "{} ({}) uses {} of a later layer ({})",
                    m[1], layers[mine].0, d[1], layers[theirs].0
                ));
            }
        }
    }
    for f in layer_of.keys() {
        if !runtime.iter().any(|m| &m[1] == f) {
            problems.push(format!("runtime/mod.rs lists {f}, which is no file"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn runtime_files_over_800_lines_say_why() {
    let mods = modules();
    let mut long = Vec::new();
    for (m, p) in &mods {
        if m.first().is_none_or(|r| r != "runtime") || is_dir_module(p) && m.len() == 1 {
            continue;
        }
        let text = std::fs::read_to_string(p).expect("readable");
        let opening: String = text
            .lines()
            .take_while(|l| l.starts_with("//!") || l.is_empty())
            .collect();
        if text.lines().count() > 800 && !opening.contains("Longer than") {
            long.push(format!("{} ({} lines)", p.display(), text.lines().count()));
        }
    }
    assert!(long.is_empty(), "{long:?}");
}
