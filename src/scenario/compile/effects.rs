//! Patterns (which actions match), conditions and effects, shared by steps, rules and events.

use super::*;

impl<'a> Compiler<'a> {
    pub(super) fn pattern(&mut self, pat: &Pattern, p: &Path, usage: &str) -> CPattern {
        let set = |c: &mut Self, r: &EntityRef, sp: Path| {
            c.entity_set(r.as_str(), &sp, usage).unwrap_or_default()
        };
        match pat {
            Pattern::Grab(o) => CPattern::Grab(set(self, o, p.index(0))),
            Pattern::Release { object, on } => {
                let o = set(self, object, p.field("object"));
                let on = on.as_ref().map(|r| set(self, r, p.field("on")));
                CPattern::Release(o, on)
            }
            Pattern::Use(o) => CPattern::Use(set(self, o, p.index(0))),
            Pattern::UseOn { object, target } => {
                let o = set(self, object, p.field("object"));
                let t = set(self, target, p.field("target"));
                CPattern::UseOn(o, t)
            }
            Pattern::Touch { a, b } => {
                let a = set(self, a, p.field("a"));
                let b = b.as_ref().map(|r| set(self, r, p.field("b")));
                CPattern::Touch(a, b)
            }
            Pattern::Gesture(g) => {
                CPattern::Gesture(self.index_of(Sym::Gesture, g.as_str(), &p.index(0), usage))
            }
            Pattern::Compress => CPattern::Compress,
            Pattern::Read(o) => CPattern::Read(set(self, o, p.index(0))),
            Pattern::Enter(f) => {
                CPattern::Enter(self.index_of(Sym::Field, f.as_str(), &p.index(0), usage))
            }
            Pattern::Choose(d) => {
                CPattern::Choose(self.index_of(Sym::Decision, d.as_str(), &p.index(0), usage))
            }
            Pattern::Wait => CPattern::Wait,
            Pattern::State(c) => CPattern::State(self.cond(c, &p.index(0), usage)),
            Pattern::AnyOf(list) => {
                if list.is_empty() {
                    self.fail(&checks::EMPTY_ANY_OF, p, "`AnyOf` lists no action");
                }
                let at = p.index(0);
                let mut out = Vec::with_capacity(list.len());
                for (i, inner) in list.iter().enumerate() {
                    if matches!(inner, Pattern::State(_) | Pattern::AnyOf(_)) {
                        self.fail(
                            &checks::ANY_OF_NOT_ACTION,
                            &at.index(i),
                            "`AnyOf` holds a state or another `AnyOf`",
                        );
                    }
                    out.push(self.pattern(inner, &at.index(i), usage));
                }
                CPattern::AnyOf(out)
            }
        }
    }

    /// An optional condition (`when`, `until`, `appears_when`, …) at `p`.
    pub(super) fn opt_cond(
        &mut self,
        c: &Option<Condition>,
        p: &Path,
        usage: &str,
    ) -> Option<CCond> {
        c.as_ref().map(|c| self.cond(c, p, usage))
    }

    pub(super) fn cond(&mut self, c: &Condition, p: &Path, usage: &str) -> CCond {
        match c {
            Condition::Fact(f) => CCond::Fact(
                self.fact_set(f.as_str(), &p.index(0), usage)
                    .unwrap_or_default(),
            ),
            Condition::Not(inner) => CCond::Not(Box::new(self.cond(inner, &p.index(0), usage))),
            Condition::All(list) => CCond::All(
                list.iter()
                    .enumerate()
                    .map(|(i, c)| self.cond(c, &p.index(0).index(i), usage))
                    .collect(),
            ),
            Condition::Any(list) => CCond::Any(
                list.iter()
                    .enumerate()
                    .map(|(i, c)| self.cond(c, &p.index(0).index(i), usage))
                    .collect(),
            ),
            Condition::Quantity(q, r) => {
                let qi = self.resolve(Sym::Quantity, q.as_str(), &p.index(0), usage);
                let measured = qi.map(|i| Measured {
                    unit: self.ix.quantities[i as usize].unit,
                    what: "the quantity",
                });
                let r = self.range(r, &p.index(1), measured, &format!("quantity `{q}`"));
                CCond::Quantity(qi.unwrap_or(0), r.unwrap_or(FULL))
            }
            Condition::Metric(mt, r) => {
                let mi = self.resolve(Sym::Metric, mt.as_str(), &p.index(0), usage);
                let measured = mi
                    .and_then(|i| self.ix.metrics.get(i as usize))
                    .map(|m| Measured {
                        unit: m.unit,
                        what: "the metric",
                    });
                let r = self.range(r, &p.index(1), measured, &format!("metric `{mt}`"));
                CCond::Metric(mi.unwrap_or(0), r.unwrap_or(FULL))
            }
            Condition::Elapsed(t, r) => {
                let ti = self.resolve(Sym::Timer, t.as_str(), &p.index(0), usage);
                let seconds = Measured {
                    unit: units::unit("s").expect("built-in unit"),
                    what: "a timer",
                };
                let r = self.range(r, &p.index(1), Some(seconds), &format!("timer `{t}`"));
                if let (Some(ti), Some(r)) = (ti, r) {
                    let thresholds = &mut self.ix.timer_thresholds[ti as usize];
                    for (bound, lower) in [(r.min, true), (r.max, false)] {
                        let Some(b) = bound else { continue };
                        let ms = (b.value * r.unit.factor * 1000.0).round().max(0.0) as u64;
                        // `> x` becomes true just after x; `<= x` becomes false just after x.
                        let ms = if lower == b.inclusive { ms } else { ms + 1 };
                        if !thresholds.contains(&ms) {
                            thresholds.push(ms);
                        }
                    }
                    thresholds.sort_unstable();
                }
                CCond::Elapsed(ti.unwrap_or(0), r.unwrap_or(FULL))
            }
            Condition::Done(s) => {
                CCond::Done(self.index_of(Sym::Node, s.as_str(), &p.index(0), usage))
            }
            Condition::Chose(d, choice) => {
                let di = self.resolve(Sym::Decision, d.as_str(), &p.index(0), usage);
                let ci = di.and_then(|di| {
                    let choices = self
                        .choice_ids
                        .get(di as usize)
                        .cloned()
                        .unwrap_or_default();
                    match choices.iter().position(|c| c == choice.as_str()) {
                        Some(i) => Some(i as u32),
                        None => {
                            let help = match closest(
                                choice.as_str(),
                                choices.iter().map(String::as_str),
                            ) {
                                Some(s) => format!("did you mean `{s}`?"),
                                None => format!("the choices of `{d}` are: {}", choices.join(", ")),
                            };
                            let message =
                                format!("decision `{d}` has no choice `{choice}` ({usage})");
                            self.fail(&checks::UNKNOWN_CHOICE, &p.index(1), message)
                                .help = Some(help);
                            None
                        }
                    }
                });
                CCond::Chose(di.unwrap_or(0), ci.unwrap_or(0))
            }
            Condition::Holding(h, o) => {
                let hands = self
                    .entity_set(h.as_str(), &p.index(0), usage)
                    .unwrap_or_default();
                let objects = self
                    .entity_set(o.as_str(), &p.index(1), usage)
                    .unwrap_or_default();
                CCond::Holding(hands, objects)
            }
            Condition::Occurred(e) => {
                CCond::Occurred(self.index_of(Sym::Event, e.as_str(), &p.index(0), usage))
            }
            Condition::Fault(f) => {
                CCond::Fault(self.index_of(Sym::Fault, f.as_str(), &p.index(0), usage))
            }
            Condition::Shows(o, r) => {
                let e = self.displayed(o.as_str(), &p.index(0), usage);
                let measured = e.and_then(|e| {
                    let d = self.ix.entities[e as usize].display.as_ref()?;
                    Some(Measured {
                        unit: self.ix.quantities[d.quantity as usize].unit,
                        what: "the reading",
                    })
                });
                let r = self.range(r, &p.index(1), measured, &format!("the reading of `{o}`"));
                CCond::Shows(e.unwrap_or(0), r.unwrap_or(FULL))
            }
        }
    }

    /// Object `o`, which must be an instrument with a display.
    pub(super) fn displayed(&mut self, o: &str, p: &Path, usage: &str) -> Option<EntityIdx> {
        let e = self.resolve(Sym::Entity, o, p, usage)?;
        if self.ix.entities[e as usize].display.is_none() {
            let message = format!("`{o}` has no display to read ({usage})");
            self.fail(&checks::NO_DISPLAY, p, message).help = Some(format!(
                "add `display: (shows: \"…\", resolution: …)` to `{o}`"
            ));
            return None;
        }
        Some(e)
    }

    /// The live values of a message: `{shown:OBJECT}` and `{value:QUANTITY}`, in every
    /// language, each once.
    pub(super) fn slots(&mut self, t: &Text, p: &Path, usage: &str) -> Vec<Slot> {
        let mut out: Vec<Slot> = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        for text in t.0.values() {
            let mut rest = text.as_str();
            while let Some(i) = rest.find('{') {
                let after = &rest[i + 1..];
                let Some(end) = after.find('}') else { break };
                let inner = &after[..end];
                rest = &after[end + 1..];
                let Some((kind, id)) = inner.split_once(':') else {
                    continue;
                };
                let written = format!("{{{inner}}}");
                if seen.contains(&written) {
                    continue;
                }
                seen.push(written.clone());
                // A kept version read to re-score was valid without live values: what does not
                // resolve stays text.
                if matches!(self.purpose, Purpose::Rescore) {
                    let source = match kind {
                        "shown" => self
                            .ix
                            .entity_ids
                            .get(id)
                            .copied()
                            .filter(|&e| self.ix.entities[e as usize].display.is_some())
                            .map(SlotSource::Shown),
                        "value" => self.lookup(Sym::Quantity, id).map(SlotSource::Value),
                        _ => None,
                    };
                    if let Some(source) = source {
                        out.push(Slot { written, source });
                    }
                    continue;
                }
                let source = match kind {
                    "shown" => self.displayed(id, p, usage).map(SlotSource::Shown),
                    "value" => self
                        .resolve(Sym::Quantity, id, p, usage)
                        .map(SlotSource::Value),
                    _ => {
                        let message =
                            format!("`{written}` in a message is not a live value ({usage})");
                        self.fail(&checks::BAD_LIVE_VALUE, p, message);
                        None
                    }
                };
                if let Some(source) = source {
                    out.push(Slot { written, source });
                }
            }
        }
        out
    }

    pub(super) fn effects(&mut self, list: &[Effect], p: &Path, usage: &str) -> Vec<CEffect> {
        let mut out = Vec::new();
        for (i, e) in list.iter().enumerate() {
            let ep = p.index(i);
            let c = match e {
                Effect::Set(f, v) => {
                    let Some(facts) = self.fact_set(f.as_str(), &ep.index(0), usage) else {
                        continue;
                    };
                    if *v {
                        for &fi in &facts {
                            self.settable[fi as usize] = true;
                        }
                    }
                    CEffect::Set(facts, *v)
                }
                Effect::Add(q, amount) | Effect::Assign(q, amount) => {
                    let Some((qi, v)) = self.amount(q, amount, &ep, usage, false) else {
                        continue;
                    };
                    if matches!(e, Effect::Add(..)) {
                        CEffect::Add(qi, v)
                    } else {
                        CEffect::Assign(qi, v)
                    }
                }
                Effect::Flow(q, rate) => {
                    let Some((qi, v)) = self.amount(q, rate, &ep, usage, true) else {
                        continue;
                    };
                    CEffect::Flow(qi, v)
                }
                Effect::StartTimer(t) => {
                    match self.resolve(Sym::Timer, t.as_str(), &ep.index(0), usage) {
                        Some(t) => CEffect::StartTimer(t),
                        None => continue,
                    }
                }
                Effect::StopTimer(t) => {
                    match self.resolve(Sym::Timer, t.as_str(), &ep.index(0), usage) {
                        Some(t) => CEffect::StopTimer(t),
                        None => continue,
                    }
                }
                Effect::Replace(o) => {
                    let Some(e) = self.resolve(Sym::Entity, o.as_str(), &ep.index(0), usage) else {
                        continue;
                    };
                    if self.ix.entities[e as usize].stock == 0 {
                        let message = format!(
                            "`Replace(\"{o}\")` needs spares of `{o}`, which declares no `stock` ({usage})"
                        );
                        self.fail(&checks::NO_STOCK, &ep.index(0), message);
                        continue;
                    }
                    CEffect::Replace(e)
                }
                Effect::Say(t) => {
                    self.live_ok = true;
                    self.text(t, &ep.index(0), "a message to the learner");
                    self.live_ok = false;
                    let slots = self.slots(t, &ep.index(0), usage);
                    self.ix.messages.push(t.clone());
                    self.ix.message_slots.push(slots);
                    CEffect::Say(self.ix.messages.len() as u32 - 1)
                }
            };
            out.push(c);
        }
        out
    }

    /// Resolves the target quantity of `Add`, `Assign` or `Flow` and converts the amount into
    /// the quantity's unit (per second for flows).
    pub(super) fn amount(
        &mut self,
        q: &QuantityId,
        spec: &QuantitySpec,
        ep: &Path,
        usage: &str,
        flow: bool,
    ) -> Option<(QuantityIdx, f64)> {
        let qi = self.resolve(Sym::Quantity, q.as_str(), &ep.index(0), usage)?;
        let target = self.ix.quantities[qi as usize].clone();
        if target.formula.is_some() {
            let message = format!(
                "quantity `{q}` is computed by a formula and cannot be changed by an effect"
            );
            self.fail(&checks::READ_ONLY_QUANTITY, &ep.index(0), message);
            return None;
        }
        let amount = match &spec.value {
            Ok(a) => *a,
            Err(problem) => {
                self.parse_problem(problem, &ep.index(1), "the amount");
                return None;
            }
        };
        let expected = if flow {
            target.unit.dimension.per_second()
        } else {
            Some(target.unit.dimension)
        };
        let ok = match expected {
            Some(dim) => {
                amount.unit.dimension == dim
                    || (!flow
                        && amount.unit.dimension == Dimension::Count
                        && target.unit.dimension == Dimension::Ph)
            }
            None => false,
        };
        if !ok {
            let wanted = match (flow, target.unit.dimension.per_second()) {
                (true, Some(rate)) => {
                    let example = units::UNITS
                        .iter()
                        .find(|u| u.dimension == rate)
                        .map_or("", |u| u.symbol);
                    format!("write a rate per second such as `\"1 {example}\"`")
                }
                (true, None) => format!(
                    "`Flow` only works for masses, volumes and times; for {} use `Add` or `Assign`",
                    target.unit.dimension.name()
                ),
                (false, _) => format!(
                    "write an amount in `{}` (or a unit of the same kind)",
                    target.unit.symbol
                ),
            };
            let message = format!(
                "`{}` does not fit quantity `{q}`, which is {} in `{}`",
                spec.raw,
                target.unit.dimension.name(),
                target.unit.symbol
            );
            self.fail(&checks::UNIT_MISMATCH, &ep.index(1), message)
                .help = Some(wanted);
            return None;
        }
        Some((qi, amount.base() / target.unit.factor))
    }
}
