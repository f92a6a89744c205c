//! Events and effects: changes to the world state, timed events fired at their exact time, and the rules that settle after each action.

use super::*;

/// Merges two sorted lists without duplicates.
pub(super) fn merge_sorted(x: &[Listener], y: &[Listener], out: &mut Vec<Listener>) {
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => {
                out.push(x[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(y[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(x[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&x[i..]);
    out.extend_from_slice(&y[j..]);
}

impl Tracker {
    /// Applies effects; `Flow` effects scale with `duration_s`. Returns whether anything changed.
    /// Sets a stored quantity, kept within its range (within the largest finite numbers
    /// without one: a value past a limit stays at the limit); returns whether it changed.
    pub(super) fn set_quantity(&mut self, q: u32, v: f64) -> bool {
        let v = self.scenario.index.quantities[q as usize].limit(v);
        let slot = &mut self.world.quantities[q as usize];
        let changed = *slot != v;
        *slot = v;
        changed
    }

    pub(super) fn apply_effects(
        &mut self,
        effects: &[CEffect],
        duration_s: f64,
        out: &mut Vec<Feedback>,
    ) -> bool {
        let mut changed = false;
        for e in effects {
            match e {
                CEffect::Set(facts, v) => {
                    for &f in facts {
                        let f = f as usize;
                        if self.permanent[f] {
                            continue;
                        }
                        if self.world.facts[f] != *v {
                            self.world.facts[f] = *v;
                            changed = true;
                        }
                    }
                }
                CEffect::Add(q, dv) => {
                    let v = self.world.quantities[*q as usize] + dv;
                    changed |= self.set_quantity(*q, v);
                }
                CEffect::Flow(q, rate) => {
                    let v = self.world.quantities[*q as usize] + rate * duration_s;
                    changed |= self.set_quantity(*q, v);
                }
                CEffect::Assign(q, v) => changed |= self.set_quantity(*q, *v),
                CEffect::StartTimer(t) => {
                    self.world.timers[*t as usize] = Some(self.now);
                    changed = true;
                    for k in 0..self.scenario.index.timer_thresholds[*t as usize].len() {
                        let th = self.scenario.index.timer_thresholds[*t as usize][k];
                        let at = SimTime(self.now.0.saturating_add(th));
                        let pos = self.scheduled.partition_point(|&x| x <= (at, WAKE));
                        self.scheduled.insert(pos, (at, WAKE));
                    }
                }
                CEffect::StopTimer(t) => {
                    changed |= self.world.timers[*t as usize].take().is_some();
                }
                CEffect::Replace(e) => {
                    let ix = Arc::clone(&self.scenario);
                    let ix = &ix.index;
                    let left = self.stock_left[*e as usize];
                    if left == 0 {
                        self.push(out, FeedbackKind::OutOfStock { object: *e });
                        continue;
                    }
                    self.stock_left[*e as usize] = left - 1;
                    self.replaced[*e as usize] += 1;
                    // The new one: its own facts as declared, in no hand.
                    for &f in &ix.entities[*e as usize].own_facts {
                        if !self.permanent[f as usize] {
                            self.world.facts[f as usize] = ix.facts[f as usize].initial;
                        }
                    }
                    for slot in &mut self.world.holding {
                        if *slot == Some(*e) {
                            *slot = None;
                        }
                    }
                    // A new instrument has displayed nothing yet.
                    self.readings[*e as usize] = None;
                    changed = true;
                    self.push(
                        out,
                        FeedbackKind::Replaced {
                            object: *e,
                            left: left - 1,
                        },
                    );
                }
                CEffect::Say(m) => {
                    let values = self.live_values(&self.scenario.index.message_slots[*m as usize]);
                    self.push(
                        out,
                        FeedbackKind::Say {
                            message: *m,
                            values,
                        },
                    );
                }
            }
        }
        changed
    }

    pub(super) fn advance_events(&mut self, to: SimTime, out: &mut Vec<Feedback>) {
        if self.scheduled.first().is_none_or(|&(at, _)| at > to) {
            return;
        }
        while let Some(&(at, e)) = self.scheduled.first() {
            if at > to {
                break;
            }
            self.scheduled.remove(0);
            self.now = self.now.max(at);
            if e == WAKE {
                // A timer reached a threshold some condition tests: re-evaluate.
                let sc = Arc::clone(&self.scenario);
                self.settle(&sc.index, out);
                continue;
            }
            let ix = Arc::clone(&self.scenario);
            let ix = &ix.index;
            if self.event_fired[e as usize].is_none()
                && self.holds_opt(ix, ix.events[e as usize].guard.as_ref())
            {
                self.fire_event(ix, e, out);
            }
            self.settle(ix, out);
        }
    }

    pub(super) fn fire_event(&mut self, ix: &Index, e: u32, out: &mut Vec<Feedback>) {
        self.event_fired[e as usize] = Some(self.now);
        let values = self.live_values(&ix.events[e as usize].slots);
        self.push(out, FeedbackKind::Event { event: e, values });
        let effects = &ix.events[e as usize].effects;
        self.apply_effects(effects, 0.0, out);
    }

    /// The live values of a message now: what each instrument last displayed, each quantity's
    /// true value.
    pub(super) fn live_values(&self, slots: &[Slot]) -> Vec<Option<f64>> {
        let ix = &self.scenario.index;
        slots
            .iter()
            .map(|s| match s.source {
                SlotSource::Shown(e) => self.readings[e as usize],
                SlotSource::Value(q) => Some(self.world.quantity(ix, q)),
            })
            .collect()
    }

    /// An instructor triggers event `id` (by `by`): its effects apply now if its `when` holds,
    /// as often as it is triggered; otherwise it is refused and changes nothing.
    pub(super) fn instructor_event(
        &mut self,
        ix: &Index,
        id: &str,
        by: &Option<String>,
        out: &mut Vec<Feedback>,
    ) {
        let Some(e) = ix
            .events
            .iter()
            .position(|ev| ev.id == id && matches!(ev.trigger, CTrigger::Instructor))
        else {
            self.push(out, FeedbackKind::Unknown { name: id.into() });
            return;
        };
        let e = e as u32;
        if !self.holds_opt(ix, ix.events[e as usize].guard.as_ref()) {
            self.push(
                out,
                FeedbackKind::Rejected {
                    reason: Rejection::InstructorEventNotNow,
                },
            );
            return;
        }
        self.instructor.push((self.now, e, by.clone()));
        self.push(
            out,
            FeedbackKind::Instructor {
                event: e,
                by: by.clone(),
            },
        );
        self.fire_event(ix, e, out);
        self.settle(ix, out);
    }

    /// Fires what became true: state-triggered steps, errors, rules and events, and `until` of
    /// repeats, until nothing more changes.
    pub(super) fn settle(&mut self, ix: &Index, out: &mut Vec<Feedback>) {
        for _ in 0..16 {
            let mut changed = false;
            for (i, &l) in ix.state_listeners.iter().enumerate() {
                let (pattern, guard) = match l {
                    Listener::Step(s) => {
                        (&ix.steps[s as usize].pattern, &ix.steps[s as usize].guard)
                    }
                    Listener::Error(e) => {
                        (&ix.errors[e as usize].pattern, &ix.errors[e as usize].guard)
                    }
                    Listener::Rule(r) => {
                        (&ix.rules[r as usize].pattern, &ix.rules[r as usize].guard)
                    }
                    Listener::Window(e, opens) => {
                        let (from, until) =
                            ix.errors[e as usize].window.as_ref().expect("a window");
                        (if opens { from } else { until }, &None)
                    }
                    Listener::Metric(_) | Listener::Commit(_) => continue,
                };
                let CPattern::State(cond) = pattern else {
                    continue;
                };
                let now_true = self.holds(ix, cond);
                let was = std::mem::replace(&mut self.edges[i], now_true);
                if !now_true || was || !self.holds_opt(ix, guard.as_ref()) {
                    continue;
                }
                match l {
                    Listener::Step(s) => {
                        if self.open(s) {
                            // A step done by a state commits, like one done by an action, to
                            // the measured steps that must come before it.
                            for p in self.pending_before(ix, s) {
                                self.commit(ix, p, out);
                            }
                            let missing = self.missing(ix.steps[s as usize].node);
                            self.progress(ix, s, missing, 0, out);
                            changed = true;
                        }
                    }
                    Listener::Error(e) => {
                        if ix.errors[e as usize].window.is_none() || self.windows[e as usize] {
                            self.error_fired(ix, e, out);
                        }
                    }
                    Listener::Window(e, opens) => self.windows[e as usize] = opens,
                    Listener::Rule(r) => {
                        changed |= self.apply_effects(&ix.rules[r as usize].effects, 0.0, out);
                    }
                    Listener::Metric(_) | Listener::Commit(_) => {}
                }
            }
            for k in 0..self.when_events.len() {
                let e = self.when_events[k];
                if self.event_fired[e as usize].is_some() {
                    continue;
                }
                let ev = &ix.events[e as usize];
                if let CTrigger::When(c) = &ev.trigger
                    && self.holds(ix, c)
                    && self.holds_opt(ix, ev.guard.as_ref())
                {
                    self.fire_event(ix, e, out);
                    changed = true;
                }
            }
            for k in 0..self.until_nodes.len() {
                let n = self.until_nodes[k];
                if self.node_done[n as usize] {
                    continue;
                }
                if let NodeKind::Repeat { until: Some(c), .. } = &ix.nodes[n as usize].kind
                    && self.holds(ix, c)
                {
                    self.until_met[n as usize] = true;
                    self.node_completed(ix, n, out);
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        // Pause metrics: when their `except_while` starts or stops holding.
        for (m, info) in ix.metrics.iter().enumerate() {
            if let Some(c) = &info.except_while {
                let holds = self.holds(ix, c);
                self.metrics.states[m].except(holds, self.now);
            }
        }
    }
}
