//! The world state: facts, quantities, timers and what each hand holds.

use crate::action::SimTime;
use crate::scenario::compiled::{EntityIdx, Index, LEFT_HAND, RIGHT_HAND};

/// The state actions change and conditions test.
#[derive(Debug, Clone, PartialEq)]
pub struct World {
    /// Fact values, by fact index.
    pub facts: Vec<bool>,
    /// Stored quantity values, in each quantity's unit (derived ones are computed on demand).
    pub quantities: Vec<f64>,
    /// Start time of each running timer.
    pub timers: Vec<Option<SimTime>>,
    /// What the left and right hands hold.
    pub holding: [Option<EntityIdx>; 2],
}

impl World {
    /// The start state (before seeded jitter and faults).
    pub fn new(ix: &Index) -> Self {
        World {
            facts: ix.facts.iter().map(|f| f.initial).collect(),
            quantities: ix.quantities.iter().map(|q| q.initial).collect(),
            timers: vec![None; ix.timers.len()],
            holding: [None, None],
        }
    }

    /// The value of a quantity in its unit, evaluating formulas.
    pub fn quantity(&self, ix: &Index, q: u32) -> f64 {
        self.quantity_at_depth(ix, q, 0)
    }

    fn quantity_at_depth(&self, ix: &Index, q: u32, depth: u32) -> f64 {
        let info = &ix.quantities[q as usize];
        match &info.formula {
            // Validation rejects cycles; the depth limit only guards against a bug.
            Some(f) if depth < 64 => f.eval(
                &|&other: &u32| self.quantity_at_depth(ix, other, depth + 1),
                &|&fact: &u32| self.facts[fact as usize],
            ),
            Some(_) => 0.0,
            None => self.quantities[q as usize],
        }
    }

    /// The hand slot of a hand entity.
    pub fn hand_slot(e: EntityIdx) -> Option<usize> {
        match e {
            LEFT_HAND => Some(0),
            RIGHT_HAND => Some(1),
            _ => None,
        }
    }

    /// The hand holding `e`, if any.
    pub fn holder(&self, e: EntityIdx) -> Option<EntityIdx> {
        if self.holding[0] == Some(e) {
            Some(LEFT_HAND)
        } else if self.holding[1] == Some(e) {
            Some(RIGHT_HAND)
        } else {
            None
        }
    }

    /// Spreads every taint across a contact between `a` and `b`; a hand and what it holds touch
    /// as one. Returns whether anything changed.
    pub fn contact(&mut self, ix: &Index, a: EntityIdx, b: EntityIdx) -> bool {
        let mut group: [Option<EntityIdx>; 6] = [Some(a), Some(b), None, None, None, None];
        let mut n = 2;
        for x in [a, b] {
            if let Some(slot) = World::hand_slot(x)
                && let Some(held) = self.holding[slot]
            {
                group[n] = Some(held);
                n += 1;
            }
            if let Some(h) = self.holder(x) {
                group[n] = Some(h);
                n += 1;
            }
        }
        let members = || group.iter().flatten().copied();
        let mut changed = false;
        for taint in &ix.taints {
            if members().any(|e| self.facts[taint.facts[e as usize] as usize]) {
                for e in members() {
                    let f = taint.facts[e as usize] as usize;
                    if !self.facts[f] {
                        self.facts[f] = true;
                        changed = true;
                    }
                }
            }
        }
        changed
    }
}
