//! Declarations: the header, and every id the later passes refer to (entities and their tags,
//! facts, taints, quantities, timers, gestures, decisions, fields, metrics, the procedure's nodes).

use super::*;

/// An item of a list whose items are known by their ids, numbered in order.
pub(super) trait Listed {
    /// Its id, as written.
    fn id(&self) -> &str;
}

macro_rules! listed {
    ($($item:ty),*) => {$(
        impl Listed for $item {
            fn id(&self) -> &str {
                self.id.as_str()
            }
        }
    )*};
}

listed!(
    Gesture, Decision, Field, Metric, Event, Fault, ErrorRule, Rule
);

impl<'a> Compiler<'a> {
    pub(super) fn header(&mut self, m: &ScenarioFile, file: &str, root: &Path) {
        if m.format != FORMAT_VERSION {
            self.fail(
                &checks::FORMAT_VERSION,
                &root.field("format"),
                format!("scenario format {} is not supported by this Praxis (it reads format {FORMAT_VERSION})", m.format),
            )
            .help = Some(format!("write `format: {FORMAT_VERSION}` (see docs/scenario-format.md), or update Praxis"));
        }
        let idp = root.field("id");
        self.check_id(m.id.as_str(), &idp, "scenario", false);
        let stem = std::path::Path::new(file)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        if file.ends_with(".ron") && stem != m.id.as_str() {
            let message = format!(
                "scenario id `{}` differs from the file name `{stem}.ron`",
                m.id
            );
            self.fail(&checks::ID_MISMATCH, &idp, message).help = Some(format!(
                "rename the file to `{}.ron` or change the id",
                m.id
            ));
        }
        let parts: Vec<&str> = m.version.split('.').collect();
        if parts.len() != 3
            || parts
                .iter()
                .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            self.fail(
                &checks::BAD_VERSION,
                &root.field("version"),
                format!("version `{}` is not MAJOR.MINOR.PATCH", m.version),
            );
        }
        self.text(&m.title, &root.field("title"), "the scenario title");
        self.text(&m.summary, &root.field("summary"), "the scenario summary");
        if let Some(ms) = self.duration(
            &m.estimated_duration,
            &root.field("estimated_duration"),
            "the estimated duration",
        ) && ms == 0
        {
            self.fail(
                &checks::ZERO_DURATION,
                &root.field("estimated_duration"),
                "the estimated duration must be longer than 0",
            );
        }
        if m.sources.is_empty() {
            let message = "the scenario names no source";
            self.fail(&checks::NO_SOURCE, &root.field("sources"), message);
        }
        for (i, s) in m.sources.iter().enumerate() {
            let p = root.field("sources").index(i);
            for (field, value, required) in [
                ("title", &s.title, true),
                ("publisher", &s.publisher, true),
                ("edition", &s.edition, true),
                ("section", &s.section, false),
                ("url", &s.url, false),
            ] {
                if value.trim().is_empty() {
                    let fp = p.field(field);
                    let msg = format!("source {} has an empty `{field}`", i + 1);
                    let (check, help) = if required {
                        (
                            &checks::SOURCE_INCOMPLETE,
                            format!("fill in the source's {field}"),
                        )
                    } else {
                        (
                            &checks::SOURCE_IMPRECISE,
                            format!("name the {field} so that a reviewer can check the steps"),
                        )
                    };
                    self.fail(check, &fp, msg).help = Some(help);
                }
            }
        }
        if m.domain_ref.trim().is_empty() || !m.domain_ref.ends_with(".md") {
            let message =
                "`domain_ref` must name the domain reference file the scenario was built from";
            self.fail(&checks::NO_DOMAIN_REF, &root.field("domain_ref"), message);
        } else if m.domain_ref.contains('/') || m.domain_ref.contains('\\') {
            // The reference is looked up by name in the references' folder (`--domain DIR`).
            let message = format!(
                "`domain_ref` is `{}`, a path: it names a file of the domain references' folder",
                m.domain_ref
            );
            self.fail_new(&checks::DOMAIN_REF_PATH, &root.field("domain_ref"), message);
        }
    }

    pub(super) fn add_entity(
        &mut self,
        id: &str,
        name: Text,
        tags: Vec<String>,
        grabbable: bool,
        object: Option<usize>,
        p: &Path,
    ) {
        let idx = self.ix.entities.len() as EntityIdx;
        self.define(Sym::Entity, id, p, idx);
        for t in &tags {
            self.tags.entry(t.clone()).or_default().push(idx);
        }
        self.ix.entity_ids.insert(id.to_string(), idx);
        self.ix.entities.push(Entity {
            id: id.to_string(),
            name,
            tags,
            grabbable,
            object,
            affordances: Vec::new(),
            display: None,
            appears_when: None,
            stock: 0,
            own_facts: Vec::new(),
        });
    }

    pub(super) fn declare_entities(&mut self, m: &ScenarioFile, root: &Path) {
        let builtin = Path::root().field("(built-in)");
        let hands = [
            ("left-hand", "left hand", "main gauche"),
            ("right-hand", "right hand", "main droite"),
        ];
        for (id, en, fr) in hands {
            let name = Text::new([("en", en), ("fr", fr)]);
            self.add_entity(id, name, vec!["hand".into()], false, None, &builtin);
        }
        for (i, b) in m.body_parts.iter().enumerate() {
            let p = root.field("body_parts").index(i);
            self.check_id(b.id.as_str(), &p.field("id"), "body part", false);
            self.text(
                &b.name,
                &p.field("name"),
                &format!("the name of body part `{}`", b.id),
            );
            if self.reserved(b.id.as_str(), &p, "redefined") {
                continue;
            }
            self.add_entity(
                b.id.as_str(),
                b.name.clone(),
                b.tags.clone(),
                false,
                None,
                &p.field("id"),
            );
        }
        for (i, o) in m.room.objects.iter().enumerate() {
            let p = root.field("room").field("objects").index(i);
            self.check_id(o.id.as_str(), &p.field("id"), "object", false);
            if self.reserved(o.id.as_str(), &p, "an object") {
                continue;
            }
            let grabbable = matches!(o.body, Body::Grabbable { .. });
            self.add_entity(
                o.id.as_str(),
                o.name.clone(),
                o.tags.clone(),
                grabbable,
                Some(i),
                &p.field("id"),
            );
            match o.stock {
                Some(0) => {
                    let message = format!(
                        "object `{}` has a stock of 0: nothing could replace it",
                        o.id
                    );
                    self.fail(&checks::BAD_STOCK, &p.field("stock"), message);
                }
                Some(n) => {
                    let last = self.ix.entities.len() - 1;
                    self.ix.entities[last].stock = n;
                }
                None => {}
            }
        }
        for tags in self.tags.values_mut() {
            tags.sort_unstable();
            tags.dedup();
        }
    }

    pub(super) fn declare_state(&mut self, m: &ScenarioFile, root: &Path) {
        let sp = root.field("state");
        for (i, f) in m.state.facts.iter().enumerate() {
            let p = sp.field("facts").index(i).field("id");
            self.check_id(f.id.as_str(), &p, "fact", true);
            let idx = self.ix.facts.len() as FactIdx;
            self.define(Sym::Fact, f.id.as_str(), &p, idx);
            self.ix.facts.push(FactInfo {
                id: f.id.0.clone(),
                initial: f.initial,
                taint: None,
                permanent: false,
            });
            self.settable.push(f.initial);
        }
        for (t_i, t) in m.state.taints.iter().enumerate() {
            let p = sp.field("taints").index(t_i).field("id");
            self.declare_id(Sym::Taint, &t.id, &p, t_i as u32);
            let mut facts = Vec::new();
            for e in 0..self.ix.entities.len() {
                let id = format!("{}.{}", self.ix.entities[e].id, t.id);
                if let Some(existing) = self.lookup(Sym::Fact, &id) {
                    let first = self.tables[&Sym::Fact].ids[&id].1.clone();
                    let span = self.span(&first);
                    let message = format!("fact `{id}` is both declared and a taint fact");
                    self.fail(&checks::TAINT_FACT_DECLARED, &p, message)
                        .with_label_mut(span, "fact declared here");
                    facts.push(existing);
                    continue;
                }
                let idx = self.ix.facts.len() as FactIdx;
                self.ix.facts.push(FactInfo {
                    id,
                    initial: false,
                    taint: Some((t_i as u32, e as EntityIdx)),
                    permanent: false,
                });
                self.settable.push(false);
                facts.push(idx);
            }
            self.ix.taints.push(TaintInfo {
                id: t.id.clone(),
                facts,
            });
        }
        for (i, q) in m.state.quantities.iter().enumerate() {
            let p = sp.field("quantities").index(i);
            self.declare_id(Sym::Quantity, q.id.as_str(), &p.field("id"), i as u32);
            let unit = self
                .unit_of(&q.unit, &p.field("unit"), &format!("quantity `{}`", q.id))
                .unwrap_or(units::UNITS[0]);
            self.finite(q.initial, &p.field("initial"), "the initial value");
            self.non_negative(q.jitter, &p.field("jitter"), "the jitter");
            let limits = self.quantity_limits(q, unit, &p);
            self.ix.quantities.push(QuantityInfo {
                id: q.id.0.clone(),
                unit,
                initial: q.initial,
                jitter: q.jitter,
                formula: None,
                limits,
            });
        }
        for (i, t) in m.state.timers.iter().enumerate() {
            let p = sp.field("timers").index(i);
            self.declare_id(Sym::Timer, t.id.as_str(), &p.field("id"), i as u32);
            self.text_field(&t.label, &p, "label", "timer", &t.id);
            self.ix.timers.push(t.id.0.clone());
            self.ix.timer_thresholds.push(Vec::new());
        }
    }

    /// Declares the id of each item of the list at `p` (at `p[i].id`), numbered in order.
    pub(super) fn declare_list<T: Listed>(&mut self, sym: Sym, p: &Path, list: &[T]) {
        for (i, item) in list.iter().enumerate() {
            self.declare_id(sym, item.id(), &p.index(i).field("id"), i as u32);
        }
    }

    /// The number of each id of a kind, for the index.
    fn numbers(&self, sym: Sym) -> rustc_hash::FxHashMap<String, u32> {
        let ids = self.tables.get(&sym).map(|t| &t.ids).into_iter().flatten();
        ids.map(|(id, (i, _))| (id.clone(), *i)).collect()
    }

    pub(super) fn declare_misc(&mut self, m: &ScenarioFile, root: &Path) {
        self.declare_list(Sym::Gesture, &root.field("gestures"), &m.gestures);
        self.declare_list(Sym::Decision, &root.field("decisions"), &m.decisions);
        self.declare_list(Sym::Field, &root.field("fields"), &m.fields);
        self.declare_list(Sym::Metric, &root.field("metrics"), &m.metrics);
        self.ix.gesture_ids = self.numbers(Sym::Gesture);
        self.ix.decision_ids = self.numbers(Sym::Decision);
        self.ix.field_ids = self.numbers(Sym::Field);
        self.choice_ids = m
            .decisions
            .iter()
            .map(|d| d.choices.iter().map(|c| c.id.0.clone()).collect())
            .collect();
    }

    pub(super) fn declare_nodes(
        &mut self,
        nodes: &'a [Node],
        p: &Path,
        parent: Option<NodeIdx>,
        depth: u32,
        optional: bool,
        out: &mut Vec<(NodeIdx, Path, &'a Node)>,
    ) -> Vec<NodeIdx> {
        let mut children = Vec::new();
        for (i, node) in nodes.iter().enumerate() {
            let np = p.index(i).index(0);
            let idx = self.ix.nodes.len() as NodeIdx;
            let group =
                |g: &'a Group, kind| (&g.id, &g.title, kind, g.optional, Some(&g.steps[..]));
            let (id, title, kind, own_optional, sub) = match node {
                Node::Step(s) => (&s.id, &s.title, NodeKind::Step(0), s.optional, None),
                Node::Sequence(g) => group(g, NodeKind::Sequence),
                Node::AnyOrder(g) => group(g, NodeKind::AnyOrder),
                Node::OneOf(g) => group(g, NodeKind::OneOf),
                Node::Repeat(r) => (
                    &r.id,
                    &r.title,
                    NodeKind::Repeat {
                        times: r.times,
                        until: None,
                    },
                    false,
                    Some(&r.steps[..]),
                ),
            };
            self.declare_id(Sym::Node, id.as_str(), &np.field("id"), idx);
            let kind = match kind {
                NodeKind::Step(_) => {
                    self.steps_declared += 1;
                    NodeKind::Step(self.steps_declared - 1)
                }
                k => k,
            };
            self.ix.nodes.push(NodeInfo {
                id: id.0.clone(),
                title: title.clone(),
                kind,
                parent,
                children: Vec::new(),
                optional: optional || own_optional,
                after: Vec::new(),
                order_unverified: false,
                depth,
            });
            self.node_paths.push(np.clone());
            out.push((idx, np.clone(), node));
            if let Some(sub) = sub {
                let kids = self.declare_nodes(
                    sub,
                    &np.field("steps"),
                    Some(idx),
                    depth + 1,
                    optional || own_optional,
                    out,
                );
                self.ix.nodes[idx as usize].children = kids;
            }
            children.push(idx);
        }
        children
    }

    /// Whether `id` is one of the hands, which are built in: an error if so (it cannot be
    /// `what`).
    fn reserved(&mut self, id: &str, p: &Path, what: &str) -> bool {
        let reserved = matches!(id, "left-hand" | "right-hand");
        if reserved {
            let message = format!("`{id}` is built in and cannot be {what}");
            self.fail(&checks::RESERVED_ID, &p.field("id"), message);
        }
        reserved
    }
}
