//! The procedure: groups, steps, their order constraints and criteria, and the session's scoring.

use super::*;

impl<'a> Compiler<'a> {
    pub(super) fn compile_node(&mut self, idx: NodeIdx, p: &Path, node: &'a Node) {
        match node {
            Node::Step(s) => self.compile_step(idx, p, s),
            Node::Sequence(g) | Node::AnyOrder(g) | Node::OneOf(g) => {
                self.text_field(&g.title, p, "title", "group", &g.id);
                self.empty_group(g.steps.is_empty(), &g.id, p);
                if matches!(node, Node::OneOf(_)) && g.steps.len() == 1 {
                    let message = format!("`OneOf` group `{}` has a single alternative", g.id);
                    self.fail(&checks::SINGLE_ALTERNATIVE, &p.field("steps"), message);
                }
                if g.order_unverified.is_some() && !matches!(node, Node::Sequence(_)) {
                    let message = format!(
                        "`order_unverified` only applies to a `Sequence`, not to group `{}`",
                        g.id
                    );
                    let check = &checks::ORDER_UNVERIFIED_IGNORED;
                    self.fail(check, &p.field("order_unverified"), message);
                }
                let after = self.after(&g.after, p, &g.id);
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
                    let message = format!(
                        "`Repeat` group `{}` says neither how many times nor until when",
                        r.id
                    );
                    self.fail(&checks::ENDLESS_REPEAT, &p.field("id"), message);
                }
                if r.times == Some(0) {
                    let message = format!("`Repeat` group `{}` repeats 0 times", r.id);
                    self.fail(&checks::REPEAT_ZERO_TIMES, &p.field("times"), message);
                }
                let until = self.opt_cond(&r.until, &p.field("until"), &usage);
                let after = self.after(&r.after, p, &r.id);
                let n = &mut self.ix.nodes[idx as usize];
                n.after = after;
                n.kind = NodeKind::Repeat {
                    times: r.times,
                    until,
                };
            }
        }
    }

    /// The steps the node `id` at `p` must come after.
    pub(super) fn after(&mut self, list: &[StepId], p: &Path, id: &StepId) -> Vec<NodeIdx> {
        let (p, usage) = (p.field("after"), format!("required by `{id}`"));
        list.iter()
            .enumerate()
            .filter_map(|(i, id)| self.resolve(Sym::Node, id.as_str(), &p.index(i), &usage))
            .collect()
    }

    pub(super) fn compile_step(&mut self, idx: NodeIdx, p: &Path, s: &Step) {
        let what = format!("step `{}`", s.id);
        let usage = format!("used by {what}");
        self.text_field(&s.title, p, "title", "step", &s.id);
        self.opt_text_field(&s.instruction, p, "instruction", "step", &s.id);
        self.opt_text_field(&s.hint, p, "hint", "step", &s.id);
        self.opt_text_field(&s.feedback, p, "feedback", "step", &s.id);
        let pattern = self.pattern(&s.done_when, &p.field("done_when"), &usage);
        let guard = self.opt_cond(&s.when, &p.field("when"), &usage);
        let after = self.after(&s.after, p, &s.id);
        let optional = self.ix.nodes[idx as usize].optional;
        let unverified = s.unverified.is_some();
        if s.repeat == Some(0) {
            let message = format!("{what} repeats 0 times");
            self.fail(&checks::STEP_ZERO_TIMES, &p.field("repeat"), message);
        }
        let commit = self.measured_step(s, p, &what, &usage);
        if s.critical && unverified {
            let unverified_span = self.span(&p.field("unverified"));
            let message = format!("{what} is marked unverified but critical");
            self.fail(
                &checks::UNVERIFIED_CRITICAL_STEP,
                &p.field("critical"),
                message,
            )
            .with_label_mut(unverified_span, "unverified");
        }
        if s.critical && optional {
            let message = format!("{what} is both optional and critical");
            self.fail(&checks::OPTIONAL_CRITICAL, &p.field("critical"), message);
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
            measured: s.measured,
            commit,
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
            self.item_id(&mut seen, p, i, c.id.as_str(), "criterion", owner);
            self.text(&c.text, &cp.field("text"), &format!("the text of {what}"));
            self.opt_text(
                &c.feedback,
                &cp.field("feedback"),
                &format!("the feedback of {what}"),
            );
            let unverified = c.unverified.is_some();
            if unverified && c.critical {
                let message = format!("{what} is marked unverified but critical");
                let check = &checks::UNVERIFIED_CRITICAL_CRITERION;
                self.fail(check, &cp.field("critical"), message);
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
                                let message = format!(
                                    "the tolerance is in `{}`, but {} is in `{}`",
                                    q.unit.symbol, m.what, m.unit.symbol
                                );
                                self.fail(&checks::TOLERANCE_UNIT, &chk.index(2), message)
                                    .help =
                                    Some(format!("write the tolerance in `{}`", m.unit.symbol));
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
            ValueRef::Field(f) => match self.resolve(Sym::Field, f.as_str(), &p.index(0), usage) {
                Some(i) => match self.ix.fields[i as usize].unit {
                    Some(unit) => (
                        CValue::Field(i),
                        Some(Measured {
                            unit,
                            what: "the field",
                        }),
                    ),
                    None => {
                        let message = format!(
                            "field `{f}` holds text, so it cannot be checked against a range"
                        );
                        self.fail(&checks::TEXT_FIELD_IN_RANGE, &p.index(0), message);
                        (CValue::Field(i), None)
                    }
                },
                None => (CValue::Field(0), None),
            },
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
                        let message = format!("`{o}` has no display to read");
                        self.fail(&checks::NO_DISPLAY, &p.index(0), message).help = Some(format!(
                            "add `display: (shows: \"…\", resolution: …)` to `{o}`"
                        ));
                        (CValue::Reading(e), None)
                    }
                },
                None => (CValue::Reading(0), None),
            },
            ValueRef::Duration => {
                if !matches!(done_when, Pattern::Gesture(_)) {
                    let message = "`Duration` is only measured for steps done by a held gesture";
                    self.fail(&checks::NO_DURATION, p, message);
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
            let message = format!("the pass mark {} is not between 0 and 1", s.pass_mark);
            self.fail(&checks::BAD_PASS_MARK, &p.field("pass_mark"), message);
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
            let message = format!("{what} is marked unverified but gives {v} point(s)");
            self.fail(&checks::UNVERIFIED_POINTS, &p.field("points"), message);
            0.0
        } else if optional && v > 0.0 {
            let message = format!("{what} is optional, so its points are never counted");
            self.fail(&checks::OPTIONAL_SCORED, &p.field("points"), message);
            0.0
        } else {
            v
        }
    }

    /// A group without steps is an error.
    fn empty_group(&mut self, empty: bool, id: &StepId, p: &Path) {
        if empty {
            let message = format!("group `{id}` has no steps");
            self.fail(&checks::EMPTY_GROUP, &p.field("steps"), message);
        }
    }

    /// A measured step's commit: judged when the learner commits, so it takes no repeat count,
    /// and its commit is an action, never a state.
    fn measured_step(&mut self, s: &Step, p: &Path, what: &str, usage: &str) -> Option<CPattern> {
        if s.measured && matches!(s.done_when, Pattern::State(_)) {
            self.fail(
                &checks::MEASURED_ON_STATE,
                &p.field("done_when"),
                format!("{what} is measured but done by a state"),
            );
        }
        if s.measured && s.repeat.is_some_and(|r| r > 1) {
            self.fail(
                &checks::MEASURED_REPEATED,
                &p.field("repeat"),
                format!("{what} is measured and repeated"),
            );
        }
        let c = s.commit_when.as_ref()?;
        if !s.measured {
            self.fail(
                &checks::COMMIT_NOT_MEASURED,
                &p.field("commit_when"),
                format!("{what} has `commit_when` but is not measured"),
            );
        }
        if matches!(c, Pattern::State(_)) {
            self.fail(
                &checks::COMMIT_ON_STATE,
                &p.field("commit_when"),
                format!("{what} commits on a state, not an action"),
            );
        }
        Some(self.pattern(c, &p.field("commit_when"), usage))
    }
}
