//! The procedure graph, for instructors: DOT (for Graphviz and other tools) and a standalone
//! SVG laid out here.
//!
//! In both, sequences read top to bottom with arrows, `AnyOrder` and `OneOf` groups are tinted
//! boxes (solid borders: a dashed line means optional) whose children sit side by side, `Repeat`
//! groups say how many rounds, explicit `after` constraints are dashed arrows, critical steps and
//! critical questions have a thick border *and* a "‼ CRITICAL" tag, optional steps a dashed
//! border, unverified (guidance-only) steps a dotted grey one. A branch or step that only applies
//! with (or without) a seeded fault says so ("⚑ if penicillin-allergy"), so a reviewer sees which
//! branch each fault selects.

use crate::scenario::Scenario;
use crate::scenario::compiled::{CCond, CPattern, NodeIdx, NodeKind};
use crate::text::{Catalog, Lang};
use std::collections::BTreeMap;
use std::fmt::Write as _;

const CRITICAL_COLOR: &str = "#b00020";
/// Border and tint of a `OneOf` box (choose one), and of an `AnyOrder` box.
const ONE_OF_COLOR: (&str, &str) = ("#6a4c93", "#f5f1fa");
const ANY_ORDER_COLOR: (&str, &str) = ("#2d6a4f", "#f0f7f3");

/// The faults a condition requires on (`true`) or off (`false`): its `Fault` and `Not(Fault)`
/// terms, through `All`.
fn fault_terms(c: &CCond, out: &mut Vec<(u32, bool)>) {
    match c {
        CCond::Fault(f) => out.push((*f, true)),
        CCond::Not(inner) => {
            if let CCond::Fault(f) = **inner {
                out.push((f, false));
            }
        }
        CCond::All(cs) => cs.iter().for_each(|c| fault_terms(c, out)),
        _ => {}
    }
}

/// The fault terms every step under `n` requires (a branch taken only with a fault).
fn node_faults(sc: &Scenario, n: NodeIdx) -> Vec<(u32, bool)> {
    let node = &sc.index.nodes[n as usize];
    if let NodeKind::Step(s) = node.kind {
        let mut out = Vec::new();
        if let Some(g) = &sc.index.steps[s as usize].guard {
            fault_terms(g, &mut out);
        }
        out.sort_unstable();
        out.dedup();
        return out;
    }
    let mut common: Option<Vec<(u32, bool)>> = None;
    for &c in &node.children {
        let f = node_faults(sc, c);
        common = Some(match common {
            None => f,
            Some(prev) => prev.into_iter().filter(|t| f.contains(t)).collect(),
        });
    }
    common.unwrap_or_default()
}

/// What to say of node `n`'s faults: those it requires that its parent does not already say.
fn fault_note(sc: &Scenario, n: NodeIdx, lang: Lang) -> Option<String> {
    let own = node_faults(sc, n);
    let shown = sc.index.nodes[n as usize]
        .parent
        .map(|p| node_faults(sc, p))
        .unwrap_or_default();
    let terms: Vec<String> = own
        .iter()
        .filter(|t| !shown.contains(t))
        .map(|&(f, on)| {
            let id = sc.index.faults[f as usize].id.as_str();
            Catalog::get().ta(
                lang,
                if on {
                    "graph-if-fault"
                } else {
                    "graph-if-no-fault"
                },
                &[("fault", id.into())],
            )
        })
        .collect();
    (!terms.is_empty()).then(|| format!("⚑ {}", terms.join(", ")))
}

fn esc_dot(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

fn esc_xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

struct StepLook {
    title: String,
    id: String,
    critical: bool,
    optional: bool,
    unverified: bool,
    decision: bool,
    repeat: u32,
}

fn look(sc: &Scenario, n: NodeIdx, lang: Lang) -> Option<StepLook> {
    let node = &sc.index.nodes[n as usize];
    let NodeKind::Step(s) = node.kind else {
        return None;
    };
    let step = &sc.index.steps[s as usize];
    // A critical question fails the session when answered wrongly: as critical as a step.
    let critical_question = match step.pattern {
        CPattern::Choose(d) => sc.index.decisions[d as usize].critical,
        _ => false,
    };
    Some(StepLook {
        title: node.title.get(lang.code()).to_string(),
        id: node.id.clone(),
        critical: step.critical || critical_question,
        optional: node.optional,
        unverified: step.unverified,
        decision: matches!(step.pattern, CPattern::Choose(_)),
        repeat: step.repeat,
    })
}

fn group_label(sc: &Scenario, n: NodeIdx, lang: Lang) -> String {
    let node = &sc.index.nodes[n as usize];
    let l = lang.code();
    let t = |id: &'static str| Catalog::get().plain(lang, id);
    let kind = match &node.kind {
        NodeKind::Sequence if node.order_unverified => t("graph-in-taught-order").to_string(),
        NodeKind::Sequence => t("graph-in-order").to_string(),
        NodeKind::AnyOrder => t("graph-any-order").to_string(),
        NodeKind::OneOf => t("graph-one-of").to_string(),
        NodeKind::Repeat { times, until } => {
            let mut s = t("graph-repeat").to_string();
            if let Some(t) = times {
                let _ = write!(s, " ×{t}");
            }
            if until.is_some() {
                let _ = write!(s, " {}", t("graph-until"));
            }
            s
        }
        NodeKind::Step(_) => String::new(),
    };
    let mut label = Catalog::get().ta(
        lang,
        "graph-group",
        &[
            ("kind", kind.into()),
            ("title", node.title.get(l).into()),
            ("id", node.id.as_str().into()),
        ],
    );
    if node.optional {
        let _ = write!(label, " ({})", t("graph-optional"));
    }
    if let Some(note) = fault_note(sc, n, lang) {
        let _ = write!(label, " {note}");
    }
    label
}

/// First step of a node (where arrows into it point).
fn first_leaf(sc: &Scenario, n: NodeIdx) -> NodeIdx {
    match sc.index.nodes[n as usize].children.first() {
        Some(&c) => first_leaf(sc, c),
        None => n,
    }
}

/// The procedure graph in Graphviz DOT.
pub fn dot(sc: &Scenario, lang: Lang) -> String {
    let mut s = String::new();
    let title = sc.model.title.get(lang.code());
    let _ = writeln!(s, "digraph \"{}\" {{", esc_dot(sc.id()));
    let _ = writeln!(
        s,
        "  label=\"{} ({} {})\"; labelloc=t; fontname=\"Helvetica\"; compound=true; rankdir=TB;",
        esc_dot(title),
        sc.id(),
        sc.version()
    );
    let _ = writeln!(
        s,
        "  node [shape=box, style=\"rounded\", fontname=\"Helvetica\", fontsize=11];"
    );
    let _ = writeln!(s, "  edge [fontname=\"Helvetica\", fontsize=9];");
    for &r in &sc.index.roots {
        dot_node(sc, r, lang, 1, &mut s);
    }
    dot_sequence_edges(sc, &sc.index.roots, &mut s);
    for (i, node) in sc.index.nodes.iter().enumerate() {
        for &a in &node.after {
            let (from, to) = (first_leaf(sc, a), first_leaf(sc, i as NodeIdx));
            let mut attrs = format!(
                "style=dashed, label=\"{}\"",
                Catalog::get().plain(lang, "graph-after")
            );
            if !matches!(sc.index.nodes[a as usize].kind, NodeKind::Step(_)) {
                let _ = write!(attrs, ", ltail=\"cluster_{}\"", sc.node_id(a));
            }
            if !matches!(node.kind, NodeKind::Step(_)) {
                let _ = write!(attrs, ", lhead=\"cluster_{}\"", node.id);
            }
            let _ = writeln!(
                s,
                "  \"{}\" -> \"{}\" [{attrs}];",
                sc.node_id(from),
                sc.node_id(to)
            );
        }
    }
    s.push_str("}\n");
    s
}

fn dot_node(sc: &Scenario, n: NodeIdx, lang: Lang, depth: usize, s: &mut String) {
    let pad = "  ".repeat(depth);
    if let Some(st) = look(sc, n, lang) {
        let mut label = esc_dot(&st.title);
        if st.repeat > 1 {
            let _ = write!(label, " ×{}", st.repeat);
        }
        let _ = write!(label, "\\n[{}]", st.id);
        let mut attrs = String::new();
        if st.decision {
            attrs.push_str(", shape=hexagon");
        }
        let t = |id: &'static str| Catalog::get().plain(lang, id);
        if st.critical {
            let _ = write!(label, "\\n{}", t("graph-critical"));
            let _ = write!(attrs, ", penwidth=3, color=\"{CRITICAL_COLOR}\"");
        }
        if let Some(note) = fault_note(sc, n, lang) {
            let _ = write!(label, "\\n{}", esc_dot(&note));
        }
        if st.unverified {
            let _ = write!(label, "\\n({})", t("graph-guidance"));
            attrs.push_str(", style=\"rounded,dotted\", fontcolor=gray40");
        } else if st.optional {
            let _ = write!(label, "\\n({})", t("graph-optional"));
            attrs.push_str(", style=\"rounded,dashed\"");
        }
        let _ = writeln!(s, "{pad}\"{}\" [label=\"{label}\"{attrs}];", st.id);
        return;
    }
    let node = &sc.index.nodes[n as usize];
    let _ = writeln!(s, "{pad}subgraph \"cluster_{}\" {{", node.id);
    // Solid, tinted boxes for alternatives and free order: a dashed line means optional.
    let look = match node.kind {
        NodeKind::OneOf => format!(
            "style=\"rounded,filled,bold\"; color=\"{}\"; fillcolor=\"{}\"",
            ONE_OF_COLOR.0, ONE_OF_COLOR.1
        ),
        NodeKind::AnyOrder => format!(
            "style=\"rounded,filled\"; color=\"{}\"; fillcolor=\"{}\"",
            ANY_ORDER_COLOR.0, ANY_ORDER_COLOR.1
        ),
        _ if node.optional => "style=\"rounded,dashed\"".to_string(),
        _ => "style=\"rounded\"".to_string(),
    };
    let _ = writeln!(
        s,
        "{pad}  label=\"{}\"; {look}; fontsize=10;",
        esc_dot(&group_label(sc, n, lang))
    );
    for &c in &node.children {
        dot_node(sc, c, lang, depth + 1, s);
    }
    if matches!(node.kind, NodeKind::Sequence | NodeKind::Repeat { .. }) {
        dot_sequence_edges(sc, &node.children, s);
    }
    let _ = writeln!(s, "{pad}}}");
}

fn dot_sequence_edges(sc: &Scenario, children: &[NodeIdx], s: &mut String) {
    for pair in children.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let mut attrs = Vec::new();
        if !matches!(sc.index.nodes[a as usize].kind, NodeKind::Step(_)) {
            attrs.push(format!("ltail=\"cluster_{}\"", sc.node_id(a)));
        }
        if !matches!(sc.index.nodes[b as usize].kind, NodeKind::Step(_)) {
            attrs.push(format!("lhead=\"cluster_{}\"", sc.node_id(b)));
        }
        let attrs = if attrs.is_empty() {
            String::new()
        } else {
            format!(" [{}]", attrs.join(", "))
        };
        let _ = writeln!(
            s,
            "  \"{}\" -> \"{}\"{attrs};",
            sc.node_id(first_leaf(sc, a)),
            sc.node_id(first_leaf(sc, b))
        );
    }
}

// ----- SVG -----------------------------------------------------------------------------------

const STEP_W: f64 = 260.0;
const LINE_H: f64 = 15.0;
const GAP_Y: f64 = 30.0;
const GAP_X: f64 = 18.0;
const PAD: f64 = 14.0;
const HEADER: f64 = 22.0;
const COLUMNS: usize = 3;
const CHARS_PER_LINE: usize = 36;
/// Average width of a character of the group labels (bold 11.5 px), for wrapping.
const GROUP_CHAR_W: f64 = 6.6;
const GROUP_LINE_H: f64 = 15.0;

/// Splits text into lines of at most `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

struct Layout<'a> {
    sc: &'a Scenario,
    lang: Lang,
    sizes: BTreeMap<NodeIdx, (f64, f64)>,
    headers: BTreeMap<NodeIdx, Vec<String>>,
    rects: BTreeMap<NodeIdx, (f64, f64, f64, f64)>,
    body: String,
}

impl Layout<'_> {
    fn step_lines(&self, n: NodeIdx) -> Vec<String> {
        let st = look(self.sc, n, self.lang).expect("a step");
        let mut title = st.title.clone();
        if st.repeat > 1 {
            let _ = write!(title, " ×{}", st.repeat);
        }
        let mut lines = wrap(&title, CHARS_PER_LINE);
        lines.truncate(3);
        if let Some(note) = fault_note(self.sc, n, self.lang) {
            lines.extend(wrap(&note, CHARS_PER_LINE));
        }
        lines
    }

    fn measure(&mut self, n: NodeIdx) -> (f64, f64) {
        let node = &self.sc.index.nodes[n as usize];
        let size = match node.kind {
            NodeKind::Step(_) => {
                let lines = self.step_lines(n).len() as f64;
                (STEP_W, 16.0 + lines * LINE_H + 16.0)
            }
            NodeKind::Sequence | NodeKind::Repeat { .. } => {
                let children = node.children.clone();
                let (mut w, mut h) = (0.0f64, 0.0);
                for (i, c) in children.iter().enumerate() {
                    let (cw, ch) = self.measure(*c);
                    w = w.max(cw);
                    h += ch + if i > 0 { GAP_Y } else { 0.0 };
                }
                self.group_size(n, w, h)
            }
            NodeKind::AnyOrder | NodeKind::OneOf => {
                let children = node.children.clone();
                let sizes: Vec<(f64, f64)> = children.iter().map(|c| self.measure(*c)).collect();
                let cols = if matches!(node.kind, NodeKind::OneOf) {
                    sizes.len().max(1)
                } else {
                    COLUMNS.min(sizes.len()).max(1)
                };
                let (mut w, mut h) = (0.0f64, 0.0);
                for row in sizes.chunks(cols) {
                    let rw: f64 =
                        row.iter().map(|s| s.0).sum::<f64>() + GAP_X * (row.len() as f64 - 1.0);
                    let rh = row.iter().map(|s| s.1).fold(0.0, f64::max);
                    w = w.max(rw);
                    h += rh + if h > 0.0 { GAP_X } else { 0.0 };
                }
                self.group_size(n, w, h)
            }
        };
        self.sizes.insert(n, size);
        size
    }

    /// The size of a group around content of `w × h`: its label is wrapped to the width.
    fn group_size(&mut self, n: NodeIdx, w: f64, h: f64) -> (f64, f64) {
        let label = group_label(self.sc, n, self.lang);
        let w = w + 2.0 * PAD;
        let per_line = ((w - 2.0 * PAD) / GROUP_CHAR_W).max(20.0) as usize;
        // The fault a branch needs on a line of its own.
        let (title, note) = match label.split_once(" ⚑ ") {
            Some((t, n)) => (t.to_string(), Some(format!("⚑ {n}"))),
            None => (label, None),
        };
        let mut lines = wrap(&title, per_line);
        if let Some(note) = note {
            lines.extend(wrap(&note, per_line));
        }
        let header = HEADER - GROUP_LINE_H + GROUP_LINE_H * lines.len() as f64;
        self.headers.insert(n, lines);
        (w, h + header + 2.0 * PAD)
    }

    fn header_height(&self, n: NodeIdx) -> f64 {
        HEADER - GROUP_LINE_H + GROUP_LINE_H * self.headers.get(&n).map_or(1, Vec::len) as f64
    }

    fn place(&mut self, n: NodeIdx, x: f64, y: f64) {
        let (w, h) = self.sizes[&n];
        self.rects.insert(n, (x, y, w, h));
        let node = self.sc.index.nodes[n as usize].clone();
        match node.kind {
            NodeKind::Step(_) => self.draw_step(n, x, y, w, h),
            _ => {
                // Alternatives and free order are solid, tinted boxes; only an optional group
                // is dashed, as optional steps are.
                let (stroke, fill, width) = match node.kind {
                    NodeKind::OneOf => (ONE_OF_COLOR.0, ONE_OF_COLOR.1, 2.0),
                    NodeKind::AnyOrder => (ANY_ORDER_COLOR.0, ANY_ORDER_COLOR.1, 1.6),
                    _ => ("#7a8794", "#fbfcfd", 1.2),
                };
                let dash = if node.optional {
                    r#" stroke-dasharray="6 4""#
                } else {
                    ""
                };
                let _ = writeln!(
                    self.body,
                    r##"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="10" fill="{fill}" stroke="{stroke}" stroke-width="{width}"{dash}/>"##
                );
                let lines = self.headers.get(&n).cloned().unwrap_or_default();
                for (i, line) in lines.iter().enumerate() {
                    let class = if line.starts_with('⚑') {
                        "group fault"
                    } else {
                        "group"
                    };
                    let _ = writeln!(
                        self.body,
                        r##"<text x="{:.1}" y="{:.1}" class="{class}">{}</text>"##,
                        x + PAD,
                        y + 16.0 + i as f64 * GROUP_LINE_H,
                        esc_xml(line)
                    );
                }
                let inner_x = x + PAD;
                let mut cy = y + self.header_height(n) + PAD;
                match node.kind {
                    NodeKind::Sequence | NodeKind::Repeat { .. } => {
                        let mut prev: Option<(f64, f64)> = None;
                        for &c in &node.children {
                            let (cw, ch) = self.sizes[&c];
                            let cx = inner_x + (w - 2.0 * PAD - cw) / 2.0;
                            if let Some((px, py)) = prev {
                                self.arrow(px, py, x + w / 2.0, cy);
                            }
                            self.place(c, cx, cy);
                            prev = Some((x + w / 2.0, cy + ch));
                            cy += ch + GAP_Y;
                        }
                    }
                    _ => {
                        let cols = if matches!(node.kind, NodeKind::OneOf) {
                            node.children.len().max(1)
                        } else {
                            COLUMNS.min(node.children.len()).max(1)
                        };
                        for row in node.children.chunks(cols) {
                            let mut cx = inner_x;
                            let mut rh = 0.0f64;
                            for &c in row {
                                let (cw, ch) = self.sizes[&c];
                                self.place(c, cx, cy);
                                cx += cw + GAP_X;
                                rh = rh.max(ch);
                            }
                            cy += rh + GAP_X;
                        }
                    }
                }
            }
        }
    }

    fn draw_step(&mut self, n: NodeIdx, x: f64, y: f64, w: f64, h: f64) {
        let st = look(self.sc, n, self.lang).expect("a step");
        let lines = self.step_lines(n);
        let (stroke, width, dash, fill) = if st.unverified {
            ("#9aa3ab", 1.2, r#" stroke-dasharray="2 3""#, "#f4f4f4")
        } else if st.critical {
            (CRITICAL_COLOR, 3.0, "", "#ffffff")
        } else if st.optional {
            ("#55606b", 1.2, r#" stroke-dasharray="6 4""#, "#ffffff")
        } else {
            ("#55606b", 1.4, "", "#ffffff")
        };
        let _ = writeln!(
            self.body,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="6" fill="{fill}" stroke="{stroke}" stroke-width="{width}"{dash}/>"#
        );
        let class = if st.unverified { "step muted" } else { "step" };
        let prefix = if st.decision { "? " } else { "" };
        for (i, line) in lines.iter().enumerate() {
            let p = if i == 0 { prefix } else { "" };
            let class = if line.starts_with('⚑') {
                "fault"
            } else {
                class
            };
            let _ = writeln!(
                self.body,
                r#"<text x="{:.1}" y="{:.1}" class="{class}">{p}{}</text>"#,
                x + 10.0,
                y + 18.0 + i as f64 * LINE_H,
                esc_xml(line)
            );
        }
        let mut tags = vec![st.id.clone()];
        let t = |id: &'static str| Catalog::get().plain(self.lang, id);
        if st.unverified {
            tags.push(t("graph-guidance").into());
        } else if st.optional {
            tags.push(t("graph-optional").into());
        }
        let _ = writeln!(
            self.body,
            r#"<text x="{:.1}" y="{:.1}" class="id">{}</text>"#,
            x + 10.0,
            y + h - 8.0,
            esc_xml(&tags.join(" · "))
        );
        if st.critical {
            let label = t("graph-critical");
            let _ = writeln!(
                self.body,
                r#"<text x="{:.1}" y="{:.1}" class="critical" text-anchor="end">{label}</text>"#,
                x + w - 8.0,
                y + h - 8.0
            );
        }
    }

    fn arrow(&mut self, x1: f64, y1: f64, x2: f64, y2: f64) {
        let _ = writeln!(
            self.body,
            r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{:.1}" class="seq" marker-end="url(#arrow)"/>"#,
            y2 - 2.0
        );
    }
}

/// The procedure graph as a standalone SVG document.
pub fn svg(sc: &Scenario, lang: Lang) -> String {
    let mut lay = Layout {
        sc,
        lang,
        sizes: BTreeMap::new(),
        headers: BTreeMap::new(),
        rects: BTreeMap::new(),
        body: String::new(),
    };
    let roots = sc.index.roots.clone();
    let sizes: Vec<(f64, f64)> = roots.iter().map(|&r| lay.measure(r)).collect();
    let content_w = sizes.iter().map(|s| s.0).fold(STEP_W, f64::max);
    let after_count = sc.index.nodes.iter().map(|n| n.after.len()).sum::<usize>();
    let margin = 24.0;
    let right_gutter = 40.0 + 18.0 * after_count as f64;
    let width = (margin * 2.0 + content_w + right_gutter).max(520.0);
    // Every source, wrapped to the width: a reviewer reads what the procedure follows whole.
    let per_line = ((width - 2.0 * margin) / 5.8) as usize;
    let t = |id: &'static str| Catalog::get().plain(lang, id);
    let mut header_lines = vec![format!(
        "{} {} · sha256 {}…",
        sc.id(),
        sc.version(),
        &sc.hash()[..12]
    )];
    for src in &sc.model.sources {
        let line = format!(
            "{} {} ({}, {}), {}",
            t("graph-source"),
            src.title,
            src.publisher,
            src.edition,
            src.section
        );
        header_lines.extend(wrap(&line, per_line.max(40)));
    }
    let title_h = 44.0 + 14.0 * header_lines.len() as f64;
    let mut y = margin + title_h;
    let mut prev: Option<(f64, f64)> = None;
    let cx = margin + content_w / 2.0;
    for (&r, &(w, h)) in roots.iter().zip(&sizes) {
        if let Some((px, py)) = prev {
            lay.arrow(px, py, cx, y);
        }
        lay.place(r, margin + (content_w - w) / 2.0, y);
        prev = Some((cx, y + h));
        y += h + GAP_Y;
    }
    // Explicit `after` constraints: dashed curves on the right.
    let mut k = 0;
    for (i, node) in sc.index.nodes.iter().enumerate() {
        for &a in &node.after {
            let (Some(&(ax, ay, aw, ah)), Some(&(bx, by, bw, bh))) =
                (lay.rects.get(&a), lay.rects.get(&(i as NodeIdx)))
            else {
                continue;
            };
            k += 1;
            let (x1, y1) = (ax + aw, ay + ah / 2.0);
            let (x2, y2) = (bx + bw, by + bh / 2.0);
            let bulge = margin + content_w + 20.0 + 18.0 * k as f64;
            let _ = writeln!(
                lay.body,
                r#"<path d="M {x1:.1} {y1:.1} C {bulge:.1} {y1:.1}, {bulge:.1} {y2:.1}, {:.1} {y2:.1}" class="after" marker-end="url(#arrow-after)"/>"#,
                x2 + 3.0
            );
        }
    }
    let legend_y = y + 6.0;
    let height = legend_y + 130.0;
    let mut s = String::new();
    let _ = writeln!(s, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="Helvetica, Arial, sans-serif">"#
    );
    let _ = writeln!(
        s,
        "<title>{}</title>",
        esc_xml(sc.model.title.get(lang.code()))
    );
    s.push_str(concat!(
        "<defs>\n",
        r##"<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#55606b"/></marker>"##, "\n",
        r##"<marker id="arrow-after" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#1f5fa8"/></marker>"##, "\n",
        "<style>\n",
        ".step{font-size:12.5px;fill:#1d252c}.muted{fill:#6b747c}.id{font-size:10px;fill:#5f6b76;font-family:monospace}",
        ".critical{font-size:10.5px;font-weight:bold;fill:#b00020}.group{font-size:11.5px;font-weight:bold;fill:#3b4650}.fault{font-size:11px;font-weight:bold;fill:#6a4c93}",
        ".seq{stroke:#55606b;stroke-width:1.4}.after{fill:none;stroke:#1f5fa8;stroke-width:1.3;stroke-dasharray:5 4}",
        ".title{font-size:17px;font-weight:bold;fill:#1d252c}.sub{font-size:11px;fill:#5f6b76}.legend{font-size:10.5px;fill:#3b4650}\n",
        "</style>\n</defs>\n",
    ));
    let _ = writeln!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    let _ = writeln!(
        s,
        r#"<text x="{margin}" y="{:.0}" class="title">{}</text>"#,
        margin + 16.0,
        esc_xml(sc.model.title.get(lang.code()))
    );
    for (i, line) in header_lines.iter().enumerate() {
        let _ = writeln!(
            s,
            r#"<text x="{margin}" y="{:.0}" class="sub">{}</text>"#,
            margin + 34.0 + 14.0 * i as f64,
            esc_xml(line)
        );
    }
    s.push_str(&lay.body);
    // Legend, one line per item.
    let one_of = format!(
        r##"stroke="{}" stroke-width="2" fill="{}""##,
        ONE_OF_COLOR.0, ONE_OF_COLOR.1
    );
    let any_order = format!(
        r##"stroke="{}" stroke-width="1.6" fill="{}""##,
        ANY_ORDER_COLOR.0, ANY_ORDER_COLOR.1
    );
    let items: [(&str, &str); 6] = [
        (
            r##"stroke="#b00020" stroke-width="3""##,
            t("graph-legend-critical"),
        ),
        (
            r##"stroke="#55606b" stroke-width="1.2" stroke-dasharray="6 4""##,
            t("graph-legend-optional"),
        ),
        (
            r##"stroke="#9aa3ab" stroke-width="1.2" stroke-dasharray="2 3""##,
            t("graph-legend-guidance"),
        ),
        (&one_of, t("graph-legend-one-of")),
        (&any_order, t("graph-legend-any-order")),
        ("after", t("graph-legend-after")),
    ];
    for (i, (stroke, text)) in items.iter().enumerate() {
        let ly = legend_y + i as f64 * 20.0;
        if *stroke == "after" {
            let _ = writeln!(
                s,
                r#"<line x1="{margin:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" class="after" marker-end="url(#arrow-after)"/>"#,
                ly + 7.0,
                margin + 26.0,
                ly + 7.0
            );
        } else {
            let fill = if stroke.contains("fill=") {
                ""
            } else {
                r##"fill="#ffffff" "##
            };
            let _ = writeln!(
                s,
                r##"<rect x="{margin:.1}" y="{ly:.1}" width="26" height="14" rx="3" {fill}{stroke}/>"##
            );
        }
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{:.1}" class="legend">{}</text>"#,
            margin + 34.0,
            ly + 11.0,
            esc_xml(text)
        );
    }
    s.push_str("</svg>\n");
    s
}
