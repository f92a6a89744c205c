//! Conditions and criteria: whether a condition holds in the world state, and what a criterion finds.

use super::*;

impl Tracker {
    pub(super) fn holds_opt(&self, ix: &Index, c: Option<&CCond>) -> bool {
        c.is_none_or(|c| self.holds(ix, c))
    }

    /// Evaluates a condition on the current state.
    pub(super) fn holds(&self, ix: &Index, c: &CCond) -> bool {
        match c {
            CCond::Fact(facts) => facts.iter().any(|&f| self.world.facts[f as usize]),
            CCond::Not(c) => !self.holds(ix, c),
            CCond::All(list) => list.iter().all(|c| self.holds(ix, c)),
            CCond::Any(list) => list.iter().any(|c| self.holds(ix, c)),
            CCond::Quantity(q, r) => {
                let unit = ix.quantities[*q as usize].unit;
                r.contains_base(self.world.quantity(ix, *q) * unit.factor)
            }
            CCond::Metric(m, r) => self.metric(*m).is_some_and(|v| r.contains_base(v)),
            CCond::Elapsed(t, r) => self.world.timers[*t as usize].is_some_and(|start| {
                r.contains_base(self.now.0.saturating_sub(start.0) as f64 / 1000.0)
            }),
            CCond::Done(n) => self.node_first_done[*n as usize].is_some(),
            CCond::Chose(d, c) => self.answers[*d as usize]
                .as_ref()
                .is_some_and(|a| a.choices.contains(c)),
            CCond::Holding(hands, objects) => hands.iter().any(|&h| {
                World::hand_slot(h)
                    .and_then(|slot| self.world.holding[slot])
                    .is_some_and(|o| objects.contains(&o))
            }),
            CCond::Occurred(e) => self.event_fired[*e as usize].is_some(),
            CCond::Fault(f) => self.faults[*f as usize],
            CCond::Shows(e, r) => self.readings[*e as usize].is_some_and(|v| {
                let d = ix.entities[*e as usize].display.as_ref();
                d.is_some_and(|d| {
                    r.contains_base(v * ix.quantities[d.quantity as usize].unit.factor)
                })
            }),
        }
    }

    /// Checks a criterion now.
    pub(crate) fn check(
        &self,
        ix: &Index,
        check: &CCheck,
        step: Option<StepIdx>,
    ) -> CriterionResult {
        match check {
            CCheck::Holds(c) => {
                if self.holds(ix, c) {
                    CriterionResult::Passed {
                        value: None,
                        against: None,
                    }
                } else {
                    CriterionResult::Failed {
                        value: None,
                        against: None,
                    }
                }
            }
            CCheck::Agrees(a, b, tolerance) => {
                match (self.value_of(ix, a, step), self.value_of(ix, b, step)) {
                    (Some((shown, x)), Some((other, y))) => {
                        // Rules 3 keep what it was compared with (what was displayed).
                        let against = (self.config.rules >= 3).then_some(other);
                        if (x - y).abs() <= tolerance * (1.0 + 1e-9) {
                            CriterionResult::Passed {
                                value: Some(shown),
                                against,
                            }
                        } else {
                            CriterionResult::Failed {
                                value: Some(shown),
                                against,
                            }
                        }
                    }
                    _ if matches!(a, CValue::Metric(_)) || matches!(b, CValue::Metric(_)) => {
                        CriterionResult::NotAssessed
                    }
                    _ => CriterionResult::Failed {
                        value: None,
                        against: None,
                    },
                }
            }
            CCheck::Value(v, range) => match (v, self.value_of(ix, v, step)) {
                (CValue::Metric(_), None) => CriterionResult::NotAssessed,
                (_, None) => CriterionResult::Failed {
                    value: None,
                    against: None,
                },
                (_, Some((shown, base))) => {
                    if range.contains_base(base) {
                        CriterionResult::Passed {
                            value: Some(shown),
                            against: None,
                        }
                    } else {
                        CriterionResult::Failed {
                            value: Some(shown),
                            against: None,
                        }
                    }
                }
            },
        }
    }

    /// A criterion's value now: as shown (in its own unit) and in base units.
    pub(super) fn value_of(
        &self,
        ix: &Index,
        v: &CValue,
        step: Option<StepIdx>,
    ) -> Option<(f64, f64)> {
        match v {
            CValue::Quantity(q) => {
                let unit = ix.quantities[*q as usize].unit;
                let value = self.world.quantity(ix, *q);
                Some((value, value * unit.factor))
            }
            CValue::Field(f) => self.fields[*f as usize].as_ref().and_then(|fv| {
                let unit = ix.fields[*f as usize].unit?;
                fv.base.map(|b| (b / unit.factor, b))
            }),
            CValue::Metric(m) => self.metric(*m).map(|v| (v, v)),
            CValue::Reading(e) => self.readings[*e as usize].and_then(|r| {
                let q = ix.entities[*e as usize].display.as_ref()?.quantity;
                Some((r, r * ix.quantities[q as usize].unit.factor))
            }),
            CValue::Duration => step.map(|s| {
                let secs = self.steps[s as usize].last_duration_ms as f64 / 1000.0;
                (secs, secs)
            }),
        }
    }
}
