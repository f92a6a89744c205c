//! The procedure: groups, steps, their order constraints and criteria, and the session's scoring.

use super::*;

impl<'a> Compiler<'a> {
    pub(super) fn compile_node(&mut self, idx: NodeIdx, p: &Path, node: &'a Node) {
        match node {
            Node::Step(s) => self.compile_step(idx, p, s),
            Node::Sequence(g) | Node::AnyOrder(g) | Node::OneOf(g) => {
                let usage = format!("required by `{}`", g.id);
                self.text_field(&g.title, p, "title", "group", &g.id);
                self.empty_group(g.steps.is_empty(), &g.id, p);
                if matches!(node, Node::OneOf(_)) && g.steps.len() == 1 {
                    self.warn(
                        "praxis::scenario::bad_group",
                        format!("`OneOf` group `{}` has a single alternative", g.id),
                        &p.field("steps"),
                        "one alternative",
                    )
                    .help = Some("use `Sequence` or add the other alternatives".into());
                }
                if g.order_unverified.is_some() && !matches!(node, Node::Sequence(_)) {
                    self.warn(
                        "praxis::scenario::bad_group",
                        format!(
                            "`order_unverified` only applies to a `Sequence`, not to group `{}`",
                            g.id
                        ),
                        &p.field("order_unverified"),
                        "ignored",
                    );
                }
                let after = self.after(&g.after, &p.field("after"), &usage);
                let n = &mut self.ix.nodes[idx as usize];
                n.after = after;
                n.order_unverified =
                    g.order_unverified.is_some() && matches!(node, Node::Sequence(_));
            }
            Node::Repeat(r) => {
                let usage = format!("used by `{}`", r.id);
                self.text_field(&r.title, p, "title", "group", &r.id);
                self.empty_group(r.steps.is_empty(), &r.id, p);
                if r.times.is_none() && r.until.is_none() {
                    self.error(
                        "praxis::scenario::bad_repeat",
                        format!(
                            "`Repeat` group `{}` says neither how many times nor until when",
                            r.id
                        ),
                        &p.field("id"),
                        "never ends",
                    )
                    .help = Some("add `times: 5` or `until: Occurred(\"aed-arrives\")`".into());
                }
                if r.times == Some(0) {
                    self.error(
                        "praxis::scenario::bad_repeat",
                        format!("`Repeat` group `{}` repeats 0 times", r.id),
                        &p.field("times"),
                        "0",
                    )
                    .help = Some("repeat at least once, or remove the group".into());
                }
                let until = r
                    .until
                    .as_ref()
                    .map(|c| self.cond(c, &p.field("until"), &usage));
                let after = self.after(
                    &r.after,
                    &p.field("after"),
                    &format!("required by `{}`", r.id),
                );
                let n = &mut self.ix.nodes[idx as usize];
                n.after = after;
                n.kind = NodeKind::Repeat {
                    times: r.times,
                    until,
                };
            }
        }
    }

    pub(super) fn after(&mut self, list: &[StepId], p: &Path, usage: &str) -> Vec<NodeIdx> {
        list.iter()
            .enumerate()
            .filter_map(|(i, id)| self.resolve(Sym::Node, id.as_str(), &p.index(i), usage))
            .collect()
    }

    pub(super) fn compile_step(&mut self, idx: NodeIdx, p: &Path, s: &Step) {
        let what = format!("step `{}`", s.id);
        let usage = format!("used by {what}");
        self.text(&s.title, &p.field("title"), &format!("the title of {what}"));
        self.opt_text(
            &s.instruction,
            &p.field("instruction"),
            &format!("the instruction of {what}"),
        );
        self.opt_text(&s.hint, &p.field("hint"), &format!("the hint of {what}"));
        self.opt_text(
            &s.feedback,
            &p.field("feedback"),
            &format!("the feedback of {what}"),
        );
        let pattern = self.pattern(&s.done_when, &p.field("done_when"), &usage);
        let guard = s
            .when
            .as_ref()
            .map(|c| self.cond(c, &p.field("when"), &usage));
        let after = self.after(
            &s.after,
            &p.field("after"),
            &format!("required by `{}`", s.id),
        );
        let optional = self.ix.nodes[idx as usize].optional;
        let unverified = s.unverified.is_some();
        if s.repeat == Some(0) {
            self.error(
                "praxis::scenario::bad_number",
                format!("{what} repeats 0 times"),
                &p.field("repeat"),
                "0",
            )
            .help = Some("leave `repeat` out for a single action".into());
        }
        if s.critical && unverified {
            let unverified_span = self.span(&p.field("unverified"));
            self.error(
                "praxis::scenario::unverified_scored",
                format!("{what} is marked unverified but critical"),
                &p.field("critical"),
                "critical",
            )
            .with_label_mut(unverified_span, "unverified")
            .help = Some("an item the domain reference marks UNVERIFIED may be shown as guidance, never made critical: remove `critical: true`".into());
        }
        if s.critical && optional {
            self.error(
                "praxis::scenario::optional_critical",
                format!("{what} is both optional and critical"),
                &p.field("critical"),
                "critical",
            )
            .help =
                Some("a critical step cannot be left out: remove `optional` or `critical`".into());
        }
        let points = self.points(
            s.points,
            p,
            &what,
            (unverified, optional),
            optional || unverified,
        );
        let criteria = self.criteria(
            &s.criteria,
            &p.field("criteria"),
            &what,
            unverified || optional,
            &s.done_when,
        );
        let effects = self.effects(&s.effects, &p.field("effects"), &usage);
        let step_idx = self.ix.steps.len() as StepIdx;
        debug_assert!(
            matches!(self.ix.nodes[idx as usize].kind, NodeKind::Step(i) if i == step_idx)
        );
        self.ix.nodes[idx as usize].after = after;
        self.ix.steps.push(StepInfo {
            node: idx,
            pattern,
            guard,
            repeat: s.repeat.unwrap_or(1).max(1),
            points,
            critical: s.critical && !unverified && !optional,
            unverified,
            criteria,
            effects,
        });
    }

    pub(super) fn criteria(
        &mut self,
        list: &[Criterion],
        p: &Path,
        owner: &str,
        unscored_owner: bool,
        done_when: &Pattern,
    ) -> Vec<CriterionInfo> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut out = Vec::new();
        for (i, c) in list.iter().enumerate() {
            let cp = p.index(i);
            let what = format!("criterion `{}` of {owner}", c.id);
            let usage = format!("used by {what}");
            self.check_id(c.id.as_str(), &cp.field("id"), "criterion", false);
            if let Some(first) = seen.insert(c.id.as_str(), i) {
                let span = self.span(&p.index(first).field("id"));
                self.error(
                    "praxis::scenario::duplicate_id",
                    format!("criterion `{}` appears twice in {owner}", c.id),
                    &cp.field("id"),
                    "again here",
                )
                .with_label_mut(span, "first here");
            }
            self.text(&c.text, &cp.field("text"), &format!("the text of {what}"));
            self.opt_text(
                &c.feedback,
                &cp.field("feedback"),
                &format!("the feedback of {what}"),
            );
            let unverified = c.unverified.is_some();
            if unverified && c.critical {
                self.error(
                    "praxis::scenario::unverified_scored",
                    format!("{what} is marked unverified but critical"),
                    &cp.field("critical"),
                    "critical",
                )
                .help = Some(
                    "an UNVERIFIED item is reported, never critical: remove `critical: true`"
                        .into(),
                );
            }
            let points = self.points(
                c.points,
                &cp,
                &what,
                (unverified, false),
                unverified || unscored_owner,
            );
            let check = match &c.check {
                Check::Holds(cond) => {
                    CCheck::Holds(self.cond(cond, &cp.field("check").index(0), &usage))
                }
                Check::Value(value, range) => {
                    let vp = cp.field("check").index(0);
                    let (v, measured) = self.value_ref(value, &vp, &usage, done_when);
                    let r = self.range(range, &cp.field("check").index(1), measured, &what);
                    CCheck::Value(v, r.unwrap_or(FULL))
                }
                Check::Agrees(a, b, tolerance) => {
                    let chk = cp.field("check");
                    let (va, ma) = self.value_ref(a, &chk.index(0), &usage, done_when);
                    let (vb, mb) = self.value_ref(b, &chk.index(1), &usage, done_when);
                    let tol = match &tolerance.value {
                        Ok(q) => Some(*q),
                        Err(problem) => {
                            self.parse_problem(problem, &chk.index(2), "the tolerance");
                            None
                        }
                    };
                    let mut base = 0.0;
                    if let Some(q) = tol {
                        for m in [ma, mb].into_iter().flatten() {
                            let plain_ph = q.unit.dimension == Dimension::Count
                                && m.unit.dimension == Dimension::Ph;
                            if m.unit.dimension != q.unit.dimension && !plain_ph {
                                self.error(
                                    "praxis::scenario::unit_mismatch",
                                    format!(
                                        "the tolerance is in `{}`, but {} is in `{}`",
                                        q.unit.symbol, m.what, m.unit.symbol
                                    ),
                                    &chk.index(2),
                                    "unit of another kind",
                                )
                                .help = Some(format!("write the tolerance in `{}`", m.unit.symbol));
                            }
                        }
                        base = q.base().abs();
                    }
                    CCheck::Agrees(va, vb, base)
                }
            };
            out.push(CriterionInfo {
                id: c.id.0.clone(),
                check,
                points,
                critical: c.critical && !unverified,
                unverified,
            });
        }
        out
    }

    pub(super) fn value_ref(
        &mut self,
        v: &ValueRef,
        p: &Path,
        usage: &str,
        done_when: &Pattern,
    ) -> (CValue, Option<Measured>) {
        match v {
            ValueRef::Quantity(q) => {
                match self.resolve(Sym::Quantity, q.as_str(), &p.index(0), usage) {
                    Some(i) => (
                        CValue::Quantity(i),
                        Some(Measured {
                            unit: self.ix.quantities[i as usize].unit,
                            what: "the quantity",
                        }),
                    ),
                    None => (CValue::Quantity(0), None),
                }
            }
            ValueRef::Field(f) => {
                match self.resolve(Sym::Field, f.as_str(), &p.index(0), usage) {
                    Some(i) => match self.ix.fields[i as usize].unit {
                        Some(unit) => (
                            CValue::Field(i),
                            Some(Measured {
                                unit,
                                what: "the field",
                            }),
                        ),
                        None => {
                            self.error("praxis::scenario::unit_mismatch", format!("field `{f}` holds text, so it cannot be checked against a range"), &p.index(0), "text field")
                            .help = Some("give the field a `unit` to make it numeric".into());
                            (CValue::Field(i), None)
                        }
                    },
                    None => (CValue::Field(0), None),
                }
            }
            ValueRef::Metric(mt) => {
                match self.resolve(Sym::Metric, mt.as_str(), &p.index(0), usage) {
                    Some(i) => {
                        let unit = self.ix.metrics.get(i as usize).map(|m| m.unit);
                        (
                            CValue::Metric(i),
                            unit.map(|unit| Measured {
                                unit,
                                what: "the metric",
                            }),
                        )
                    }
                    None => (CValue::Metric(0), None),
                }
            }
            ValueRef::Reading(o) => match self.resolve(Sym::Entity, o.as_str(), &p.index(0), usage)
            {
                Some(e) => match &self.ix.entities[e as usize].display {
                    Some(d) => {
                        let unit = self.ix.quantities[d.quantity as usize].unit;
                        (
                            CValue::Reading(e),
                            Some(Measured {
                                unit,
                                what: "the reading",
                            }),
                        )
                    }
                    None => {
                        self.error(
                            "praxis::scenario::no_display",
                            format!("`{o}` has no display to read"),
                            &p.index(0),
                            "no display",
                        )
                        .help = Some(format!(
                            "add `display: (shows: \"…\", resolution: …)` to `{o}`"
                        ));
                        (CValue::Reading(e), None)
                    }
                },
                None => (CValue::Reading(0), None),
            },
            ValueRef::Duration => {
                if !matches!(done_when, Pattern::Gesture(_)) {
                    self.warn(
                        "praxis::scenario::no_duration",
                        "`Duration` is only measured for steps done by a held gesture",
                        p,
                        "always 0 here",
                    )
                    .help = Some("use `done_when: Gesture(…)`, or check a metric instead".into());
                }
                (
                    CValue::Duration,
                    Some(Measured {
                        unit: units::unit("s").expect("built-in unit"),
                        what: "the held duration",
                    }),
                )
            }
        }
    }

    pub(super) fn compile_scoring(&mut self, m: &ScenarioFile, root: &Path) {
        let p = root.field("scoring");
        let s = &m.scoring;
        if self.finite(s.pass_mark, &p.field("pass_mark"), "the pass mark")
            && !(s.pass_mark > 0.0 && s.pass_mark <= 1.0)
        {
            self.error(
                "praxis::scenario::bad_pass_mark",
                format!("the pass mark {} is not between 0 and 1", s.pass_mark),
                &p.field("pass_mark"),
                "not in (0, 1]",
            )
            .help = Some(
                "the pass mark is a fraction of the maximum score: write `0.8` for 80 %".into(),
            );
        }
        self.non_negative(
            s.out_of_order_penalty,
            &p.field("out_of_order_penalty"),
            "a penalty",
        );
        self.non_negative(s.hint_penalty, &p.field("hint_penalty"), "a penalty");
        self.non_negative(
            s.penalties.major,
            &p.field("penalties").field("major"),
            "a penalty",
        );
        self.non_negative(
            s.penalties.minor,
            &p.field("penalties").field("minor"),
            "a penalty",
        );
        let criteria = self.criteria(
            &s.criteria,
            &p.field("criteria"),
            "the session",
            false,
            &Pattern::Wait,
        );
        self.ix.criteria = criteria;
        self.ix.pass_mark = s.pass_mark;
        self.ix.out_of_order_penalty = s.out_of_order_penalty;
        self.ix.hint_penalty = s.hint_penalty;
    }

    /// The points an item gives: as written (never negative); 0 for an UNVERIFIED item, which
    /// is never scored (an error if it says otherwise), and for an optional one, whose points
    /// are never counted (a warning); when none are written, 1, or 0 when `none_is_zero`.
    fn points(
        &mut self,
        written: Option<f64>,
        p: &Path,
        what: &str,
        (unverified, optional): (bool, bool),
        none_is_zero: bool,
    ) -> f64 {
        let Some(v) = written else {
            return if none_is_zero { 0.0 } else { 1.0 };
        };
        self.non_negative(v, &p.field("points"), "points");
        if unverified && v > 0.0 {
            self.error(
                "praxis::scenario::unverified_scored",
                format!("{what} is marked unverified but gives {v} point(s)"),
                &p.field("points"),
                "scored",
            )
            .help = Some("an UNVERIFIED item is never scored: remove `points`".into());
            0.0
        } else if optional && v > 0.0 {
            self.warn(
                "praxis::scenario::optional_scored",
                format!("{what} is optional, so its points are never counted"),
                &p.field("points"),
                "ignored",
            )
            .help = Some("remove `points`, or make the step required".into());
            0.0
        } else {
            v
        }
    }

    /// A group without steps is an error.
    fn empty_group(&mut self, empty: bool, id: &StepId, p: &Path) {
        if empty {
            self.error(
                "praxis::scenario::empty_group",
                format!("group `{id}` has no steps"),
                &p.field("steps"),
                "empty",
            )
            .help = Some("add steps to it or remove it".into());
        }
    }
}
