//! Declarations: the header, and every id the later passes refer to (entities and their tags,
//! facts, taints, quantities, timers, gestures, decisions, fields, metrics, the procedure's nodes).

use super::*;

impl<'a> Compiler<'a> {
    pub(super) fn header(&mut self, m: &ScenarioFile, file: &str, root: &Path) {
        if m.format != FORMAT_VERSION {
            self.error(
                "praxis::scenario::format_version",
                format!("scenario format {} is not supported by this Praxis (it reads format {FORMAT_VERSION})", m.format),
                &root.field("format"),
                "unsupported format",
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
            self.warn(
                "praxis::scenario::id_mismatch",
                format!(
                    "scenario id `{}` differs from the file name `{stem}.ron`",
                    m.id
                ),
                &idp,
                "id",
            )
            .help = Some(format!(
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
            self.error(
                "praxis::scenario::bad_version",
                format!("version `{}` is not MAJOR.MINOR.PATCH", m.version),
                &root.field("version"),
                "not MAJOR.MINOR.PATCH",
            )
            .help = Some("write e.g. `1.0.0`; raise it whenever steps or scoring change".into());
        }
        self.text(&m.title, &root.field("title"), "the scenario title");
        self.text(&m.summary, &root.field("summary"), "the scenario summary");
        if let Some(ms) = self.duration(
            &m.estimated_duration,
            &root.field("estimated_duration"),
            "the estimated duration",
        ) && ms == 0
        {
            self.error(
                "praxis::scenario::bad_number",
                "the estimated duration must be longer than 0",
                &root.field("estimated_duration"),
                "zero",
            );
        }
        if m.sources.is_empty() {
            self.error(
                "praxis::scenario::missing_source",
                "the scenario names no source",
                &root.field("sources"),
                "no source",
            )
            .help = Some("add the published document the procedure follows: `(title: …, publisher: …, edition: …, section: …, url: …)`".into());
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
                    if required {
                        self.error("praxis::scenario::missing_source", msg, &fp, "empty")
                            .help = Some(format!("fill in the source's {field}"));
                    } else {
                        self.warn("praxis::scenario::missing_source", msg, &fp, "empty")
                            .help = Some(format!(
                            "name the {field} so that a reviewer can check the steps"
                        ));
                    }
                }
            }
        }
        if m.domain_ref.trim().is_empty() || !m.domain_ref.ends_with(".md") {
            self.error(
                "praxis::scenario::missing_source",
                "`domain_ref` must name the domain reference file the scenario was built from",
                &root.field("domain_ref"),
                "not a reference file",
            )
            .help = Some("write the reference's file name, e.g. `hand-hygiene.md`".into());
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
        });
    }

    pub(super) fn declare_entities(&mut self, m: &ScenarioFile, root: &Path) {
        let builtin = Path::root().field("(built-in)");
        self.add_entity(
            "left-hand",
            Text::new([("en", "left hand"), ("fr", "main gauche")]),
            vec!["hand".into()],
            false,
            None,
            &builtin,
        );
        self.add_entity(
            "right-hand",
            Text::new([("en", "right hand"), ("fr", "main droite")]),
            vec!["hand".into()],
            false,
            None,
            &builtin,
        );
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
                    self.error(
                        "praxis::scenario::duplicate_id",
                        format!("fact `{id}` is both declared and a taint fact"),
                        &p,
                        "taint defined here",
                    )
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

    pub(super) fn declare_misc(&mut self, m: &ScenarioFile, root: &Path) {
        for (i, g) in m.gestures.iter().enumerate() {
            let p = root.field("gestures").index(i);
            self.declare_id(Sym::Gesture, g.id.as_str(), &p.field("id"), i as u32);
            self.ix.gesture_ids.insert(g.id.0.clone(), i as u32);
        }
        for (i, d) in m.decisions.iter().enumerate() {
            let p = root.field("decisions").index(i);
            self.declare_id(Sym::Decision, d.id.as_str(), &p.field("id"), i as u32);
            self.ix.decision_ids.insert(d.id.0.clone(), i as u32);
            self.choice_ids
                .push(d.choices.iter().map(|c| c.id.0.clone()).collect());
        }
        for (i, f) in m.fields.iter().enumerate() {
            let p = root.field("fields").index(i);
            self.declare_id(Sym::Field, f.id.as_str(), &p.field("id"), i as u32);
            self.ix.field_ids.insert(f.id.0.clone(), i as u32);
        }
        for (i, mt) in m.metrics.iter().enumerate() {
            let p = root.field("metrics").index(i);
            self.declare_id(Sym::Metric, mt.id.as_str(), &p.field("id"), i as u32);
        }
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
            let (id, title, kind, own_optional, sub): (
                &StepId,
                &Text,
                NodeKind,
                bool,
                Option<&'a [Node]>,
            ) = match node {
                Node::Step(s) => (&s.id, &s.title, NodeKind::Step(0), s.optional, None),
                Node::Sequence(g) => (
                    &g.id,
                    &g.title,
                    NodeKind::Sequence,
                    g.optional,
                    Some(&g.steps),
                ),
                Node::AnyOrder(g) => (
                    &g.id,
                    &g.title,
                    NodeKind::AnyOrder,
                    g.optional,
                    Some(&g.steps),
                ),
                Node::OneOf(g) => (&g.id, &g.title, NodeKind::OneOf, g.optional, Some(&g.steps)),
                Node::Repeat(r) => (
                    &r.id,
                    &r.title,
                    NodeKind::Repeat {
                        times: r.times,
                        until: None,
                    },
                    false,
                    Some(&r.steps),
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
            self.error(
                "praxis::scenario::reserved_id",
                format!("`{id}` is built in and cannot be {what}"),
                &p.field("id"),
                "built-in id",
            );
        }
        reserved
    }
}
