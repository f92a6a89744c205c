//! The world state: facts, quantities and their ranges, formulas and their cycles, and the proof
//! that formulas stay finite.

use super::*;

impl<'a> Compiler<'a> {
    pub(super) fn compile_state(&mut self, m: &ScenarioFile, root: &Path) {
        let sp = root.field("state");
        for (i, f) in m.state.facts.iter().enumerate() {
            self.opt_text_field(
                &f.label,
                &sp.field("facts").index(i),
                "label",
                "fact",
                &f.id,
            );
        }
        for (t_i, t) in m.state.taints.iter().enumerate() {
            let p = sp.field("taints").index(t_i);
            self.text_field(&t.label, &p, "label", "taint", &t.id);
            let usage = format!("tainted by `{}`", t.id);
            let Some(taint) = self.ix.taints.get(t_i).cloned() else {
                continue;
            };
            for (list, permanent, field) in [
                (&t.initially, false, "initially"),
                (&t.permanent, true, "permanent"),
            ] {
                for (r_i, r) in list.iter().enumerate() {
                    if let Some(set) =
                        self.entity_set(r.as_str(), &p.field(field).index(r_i), &usage)
                    {
                        for e in set {
                            let f = taint.facts[e as usize] as usize;
                            self.ix.facts[f].initial = true;
                            self.ix.facts[f].permanent |= permanent;
                        }
                    }
                }
            }
            if !t.initially.is_empty() || !t.permanent.is_empty() {
                for &f in &taint.facts {
                    self.settable[f as usize] = true;
                }
            }
        }
        // Formulas, and cycles between them.
        for (i, q) in m.state.quantities.iter().enumerate() {
            let p = sp.field("quantities").index(i);
            self.opt_text_field(&q.label, &p, "label", "quantity", &q.id);
            let Some(spec) = &q.formula else { continue };
            let fp = p.field("formula");
            match &spec.value {
                Err(problem) => self.parse_problem_with(
                    &checks::BAD_FORMULA,
                    problem,
                    &fp,
                    &format!("the formula of `{}`", q.id),
                ),
                Ok(expr) => {
                    let mut failed = Vec::new();
                    let resolved = expr.resolve(&mut |name: &crate::scenario::formula::Name,
                                                      is_fact: bool|
                     -> Result<u32, ()> {
                        let found = if is_fact {
                            self.lookup(Sym::Fact, &name.text)
                        } else {
                            self.lookup(Sym::Quantity, &name.text)
                        };
                        found.ok_or_else(|| failed.push((name.clone(), is_fact)))
                    });
                    for (name, is_fact) in failed {
                        let span = self.inner_span(&fp, &name.at);
                        let sym = if is_fact { Sym::Fact } else { Sym::Quantity };
                        let candidates: Vec<String> = self
                            .tables
                            .get(&sym)
                            .map(|t| t.order.clone())
                            .unwrap_or_default();
                        let mut help =
                            match closest(&name.text, candidates.iter().map(String::as_str)) {
                                Some(s) => format!("did you mean `{s}`?"),
                                None => format!("declare it in {}", sym.section()),
                            };
                        if !is_fact && name.text.contains('-') {
                            help.push_str(" To subtract, put spaces around `-`: `a - b`.");
                        }
                        let usage = format!("used by the formula of `{}`", q.id);
                        self.unknown(sym, &name.text, span, &usage, help);
                    }
                    if let Ok(e) = resolved {
                        self.ix.quantities[i].formula = Some(e);
                    }
                }
            }
        }
        self.check_formula_cycles(m, &sp);
    }

    pub(super) fn check_formula_cycles(&mut self, m: &ScenarioFile, sp: &Path) {
        let n = self.ix.quantities.len();
        let deps: Vec<Vec<usize>> = self
            .ix
            .quantities
            .iter()
            .map(|q| {
                q.formula
                    .as_ref()
                    .map(|f| {
                        f.names()
                            .into_iter()
                            .filter(|(_, fact)| !fact)
                            .map(|(i, _)| *i as usize)
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect();
        let mut state = vec![0u8; n];
        let mut stack = Vec::new();
        for start in 0..n {
            if let Some(cycle) = find_cycle(start, &deps, &mut state, &mut stack) {
                let names: Vec<&str> = cycle
                    .iter()
                    .map(|&i| m.state.quantities[i].id.as_str())
                    .collect();
                let p = sp.field("quantities").index(cycle[0]).field("formula");
                let message = format!(
                    "formulas depend on each other in a circle: {}",
                    names.join(" → ")
                );
                self.fail(&checks::FORMULA_CYCLE, &p, message);
                // Break the cycle so that evaluation always terminates.
                self.ix.quantities[cycle[0]].formula = None;
            }
        }
    }

    /// A quantity's declared range in its own unit (the largest finite numbers on a side left
    /// open, or without a range); its initial value must lie inside.
    pub(super) fn quantity_limits(&mut self, q: &QuantityDecl, unit: Unit, p: &Path) -> (f64, f64) {
        let open = (-f64::MAX, f64::MAX);
        let Some(spec) = &q.range else { return open };
        let what = format!("the range of quantity `{}`", q.id);
        let target = Measured {
            unit,
            what: "the quantity",
        };
        let Some(r) = self.range(spec, &p.field("range"), Some(target), &what) else {
            return open;
        };
        let f = r.unit.factor / unit.factor;
        // A limit that overflows in the quantity's unit is as good as none.
        let finite = |v: f64| v.clamp(open.0, open.1);
        let limits = (
            r.min.map_or(open.0, |b| finite(b.value * f)),
            r.max.map_or(open.1, |b| finite(b.value * f)),
        );
        if q.formula.is_some() {
            let message = format!(
                "quantity `{}` is computed by a formula: its range follows from the formula's",
                q.id
            );
            self.fail(&checks::RANGE_OF_FORMULA, &p.field("range"), message);
        } else if q.initial.is_finite() && !(limits.0..=limits.1).contains(&q.initial) {
            let message = format!(
                "the initial value {} of `{}` is outside its range `{}`",
                q.initial, q.id, spec.raw
            );
            self.fail(&checks::OUTSIDE_RANGE, &p.field("initial"), message);
        }
        limits
    }

    /// Every formula stays finite: interval arithmetic over the quantities' ranges (declared,
    /// or from their initial values, jitter and every effect and fault that changes them).
    pub(super) fn check_bounds(&mut self, root: &Path) {
        // A bound on the work of evaluating, whatever the purpose: it keeps every reading cheap.
        let costly = crate::scenario::bounds::too_costly(&self.ix);
        for &(q, cost) in &costly {
            let id = self.ix.quantities[q].id.clone();
            let p = formula_path(root, q);
            let message = format!(
                "evaluating `{id}` takes {cost} steps through the formulas it uses, more than {}",
                crate::scenario::bounds::MAX_COST
            );
            self.fail(&checks::FORMULA_TOO_COSTLY, &p, message);
        }
        if !costly.is_empty() {
            return;
        }
        for problem in crate::scenario::bounds::check(&self.ix) {
            let q = problem.quantity();
            let id = self.ix.quantities[q].id.clone();
            let p = formula_path(root, q);
            let (code, msg, label, help) = problem.describe(&self.ix, &id);
            let level = match self.purpose {
                Purpose::Run => Level::Error,
                Purpose::Rescore => Level::Warning,
            };
            let span = self.span(&p);
            let d = Diagnostic {
                level,
                ..Diagnostic::error(code, msg, span, label).with_help(help)
            };
            self.push(d);
        }
    }
}

/// Where the formula of quantity `q` is written.
fn formula_path(root: &Path, q: usize) -> Path {
    root.field("state")
        .field("quantities")
        .index(q)
        .field("formula")
}
