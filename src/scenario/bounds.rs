//! Proving that every formula stays finite, by interval arithmetic.
//!
//! Each stored quantity lies in an interval: its declared range, else what its initial value,
//! jitter, faults and effects allow — every value an `Assign` sets, and no upper (lower) limit
//! once an `Add` or `Flow` can raise (lower) it. The tracker keeps a stored quantity within its
//! range and, without one, within the largest finite numbers, so that is the widest interval a
//! quantity has. A formula is then evaluated over intervals; it is refused when a part of it
//! can overflow to infinity, or divide by a value that can be zero. So a session never carries
//! an infinite or undefined number into its outcome and its record.

use super::compiled::{CAffordance, CEffect, Index};
use super::formula::{BinaryOp, Expr, Function};

/// The values a number can take: `lo ≤ v ≤ hi`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Lowest.
    pub lo: f64,
    /// Highest.
    pub hi: f64,
}

impl Interval {
    fn point(v: f64) -> Interval {
        Interval { lo: v, hi: v }
    }

    fn finite(&self) -> bool {
        self.lo.is_finite() && self.hi.is_finite()
    }

    fn of(values: impl IntoIterator<Item = f64>) -> Interval {
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        for v in values {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        Interval { lo, hi }
    }
}

/// A formula that may not stay finite.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A part of the formula can overflow.
    Overflow {
        /// The quantity whose formula it is.
        quantity: usize,
        /// The part, as written back.
        part: String,
        /// Its interval, with an infinite limit.
        interval: Interval,
        /// The stored quantities it uses that have no declared range and that effects can
        /// raise or lower without limit.
        unlimited: Vec<usize>,
    },
    /// A divisor can be zero.
    DivisorMayBeZero {
        /// The quantity whose formula it is.
        quantity: usize,
        /// The divisor, as written back.
        divisor: String,
        /// Its interval, which holds 0.
        interval: Interval,
    },
}

impl Problem {
    /// The quantity whose formula is refused.
    pub fn quantity(&self) -> usize {
        match self {
            Problem::Overflow { quantity, .. } | Problem::DivisorMayBeZero { quantity, .. } => {
                *quantity
            }
        }
    }

    /// Code, message, label and help of the diagnostic.
    pub fn describe(&self, ix: &Index, id: &str) -> (&'static str, String, String, String) {
        match self {
            Problem::Overflow {
                part,
                interval,
                unlimited,
                ..
            } => {
                let help = if unlimited.is_empty() {
                    "keep the numbers smaller, or narrow the ranges of the quantities it uses"
                        .to_string()
                } else {
                    let names: Vec<String> = unlimited
                        .iter()
                        .map(|&q| format!("`{}`", ix.quantities[q].id))
                        .collect();
                    format!(
                        "{} {} no declared range and effects change {} without limit: declare what {} can hold, e.g. `range: \"0..2000 {}\"`",
                        names.join(", "),
                        if names.len() == 1 { "has" } else { "have" },
                        if names.len() == 1 { "it" } else { "them" },
                        if names.len() == 1 { "it" } else { "each" },
                        ix.quantities[unlimited[0]].unit.symbol
                    )
                };
                (
                    "praxis::scenario::formula_overflow",
                    format!(
                        "the formula of `{id}` can overflow: `{part}` can reach {}",
                        show(interval)
                    ),
                    "can become infinite".into(),
                    help,
                )
            }
            Problem::DivisorMayBeZero {
                divisor, interval, ..
            } => (
                "praxis::scenario::division_by_zero",
                format!(
                    "the formula of `{id}` can divide by zero: `{divisor}` can be anything in {}",
                    show(interval)
                ),
                "a divisor that can be 0".into(),
                format!(
                    "keep the divisor away from 0, e.g. `max({divisor}, 0.001)`, or declare ranges that exclude it"
                ),
            ),
        }
    }
}

fn show(i: &Interval) -> String {
    let lo = if i.lo <= -f64::MAX {
        "(−∞".to_string()
    } else {
        format!("[{}", super::units::exact(i.lo))
    };
    let hi = if i.hi >= f64::MAX {
        "∞)".to_string()
    } else {
        format!("{}]", super::units::exact(i.hi))
    };
    format!("{lo}, {hi}")
}

/// The most steps evaluating one quantity may take, through the formulas it uses: a formula is
/// evaluated again for each use (`b = a + a`, `c = b + b`, … doubles the work at each level),
/// so without a bound forty small formulas could take 2^40 steps on every reading.
pub const MAX_COST: u64 = 100_000;

/// The quantities whose evaluation, through the formulas they use, takes more than
/// [`MAX_COST`] steps, each with its cost (saturating).
pub fn too_costly(ix: &Index) -> Vec<(usize, u64)> {
    fn cost(ix: &Index, q: usize, memo: &mut [Option<u64>], depth: usize) -> u64 {
        if let Some(c) = memo[q] {
            return c;
        }
        let Some(f) = ix.quantities[q]
            .formula
            .as_ref()
            .filter(|_| depth <= ix.quantities.len())
        else {
            return 1;
        };
        let mut c = f.size() as u64;
        for (&r, fact) in f.names() {
            if !fact && ix.quantities[r as usize].formula.is_some() {
                c = c.saturating_add(cost(ix, r as usize, memo, depth + 1));
            }
        }
        memo[q] = Some(c);
        c
    }
    let mut memo = vec![None; ix.quantities.len()];
    (0..ix.quantities.len())
        .map(|q| (q, cost(ix, q, &mut memo, 0)))
        .filter(|&(_, c)| c > MAX_COST)
        .collect()
}

/// Every formula that may not stay finite, at most one problem per formula.
pub fn check(ix: &Index) -> Vec<Problem> {
    let stored = stored_intervals(ix);
    let mut ev = Eval {
        ix,
        stored: &stored,
        memo: vec![None; ix.quantities.len()],
        problems: Vec::new(),
    };
    for q in 0..ix.quantities.len() {
        // A refused formula's problem is kept in `problems`.
        let _ = ev.quantity(q, 0);
    }
    ev.problems
}

/// The interval of each stored quantity (formula quantities' are computed from theirs).
fn stored_intervals(ix: &Index) -> Vec<Interval> {
    let mut out: Vec<Interval> = ix
        .quantities
        .iter()
        .map(|q| {
            if q.has_range() {
                Interval {
                    lo: q.limits.0,
                    hi: q.limits.1,
                }
            } else {
                Interval::of([q.initial - q.jitter, q.initial + q.jitter])
            }
        })
        .collect();
    for e in every_effect(ix) {
        let (q, grow, set) = match *e {
            CEffect::Add(q, v) | CEffect::Flow(q, v) => (q as usize, Some(v), None),
            CEffect::Assign(q, v) => (q as usize, None, Some(v)),
            _ => continue,
        };
        let info = &ix.quantities[q];
        let i = &mut out[q];
        if let Some(v) = set {
            *i = Interval::of([i.lo, i.hi, info.limit(v)]);
        }
        match grow {
            Some(v) if v > 0.0 => i.hi = info.limits.1,
            Some(v) if v < 0.0 => i.lo = info.limits.0,
            _ => {}
        }
    }
    out
}

/// Every effect of the scenario: objects' uses, gestures, answers, steps, rules, events and
/// faults.
fn every_effect(ix: &Index) -> impl Iterator<Item = &CEffect> {
    let uses = ix.entities.iter().flat_map(|e| {
        e.affordances.iter().flat_map(|a| match a {
            CAffordance::Use(fx) | CAffordance::UseOn(_, fx) => fx.as_slice(),
            _ => &[],
        })
    });
    uses.chain(ix.gestures.iter().flat_map(|g| &g.effects))
        .chain(
            ix.decisions
                .iter()
                .flat_map(|d| d.choices.iter().flat_map(|c| &c.effects)),
        )
        .chain(ix.steps.iter().flat_map(|s| &s.effects))
        .chain(ix.rules.iter().flat_map(|r| &r.effects))
        .chain(ix.events.iter().flat_map(|e| &e.effects))
        .chain(ix.faults.iter().flat_map(|f| &f.effects))
}

struct Eval<'a> {
    ix: &'a Index,
    stored: &'a [Interval],
    /// Each formula quantity's interval once known; `Err` when its formula was refused.
    memo: Vec<Option<Result<Interval, ()>>>,
    problems: Vec<Problem>,
}

impl Eval<'_> {
    /// The interval of quantity `q`: stored, or its formula's, whose problem (if any) is kept
    /// once; `Err` when the formula was refused.
    fn quantity(&mut self, q: usize, depth: usize) -> Result<Interval, ()> {
        let ix = self.ix;
        // Validation has broken every cycle; the depth only guards against a bug.
        let Some(f) = ix.quantities[q]
            .formula
            .as_ref()
            .filter(|_| depth <= ix.quantities.len())
        else {
            return Ok(self.stored[q]);
        };
        if let Some(known) = self.memo[q] {
            return known;
        }
        let r = match self.eval(f, q, depth) {
            Ok(i) => Ok(i),
            Err(Some(p)) => {
                self.problems.push(p);
                Err(())
            }
            Err(None) => Err(()),
        };
        self.memo[q] = Some(r);
        r
    }

    /// The interval of `e`, a part of the formula of `quantity`; `Err(None)` when a quantity
    /// it uses was refused already.
    fn eval(
        &mut self,
        e: &Expr<u32>,
        quantity: usize,
        depth: usize,
    ) -> Result<Interval, Option<Problem>> {
        let i = match e {
            Expr::Number(v) => Interval::point(*v),
            Expr::Fact(_) => Interval { lo: 0.0, hi: 1.0 },
            Expr::Quantity(q) => self.quantity(*q as usize, depth + 1).map_err(|()| None)?,
            Expr::Negate(a) => {
                let a = self.eval(a, quantity, depth)?;
                Interval {
                    lo: -a.hi,
                    hi: -a.lo,
                }
            }
            Expr::Binary(op, a, b) => {
                let (x, y) = (
                    self.eval(a, quantity, depth)?,
                    self.eval(b, quantity, depth)?,
                );
                match op {
                    BinaryOp::Add => Interval {
                        lo: x.lo + y.lo,
                        hi: x.hi + y.hi,
                    },
                    BinaryOp::Sub => Interval {
                        lo: x.lo - y.hi,
                        hi: x.hi - y.lo,
                    },
                    BinaryOp::Mul => {
                        Interval::of([x.lo * y.lo, x.lo * y.hi, x.hi * y.lo, x.hi * y.hi])
                    }
                    BinaryOp::Div => {
                        if y.lo <= 0.0 && y.hi >= 0.0 {
                            return Err(Some(Problem::DivisorMayBeZero {
                                quantity,
                                divisor: write(self.ix, b),
                                interval: y,
                            }));
                        }
                        Interval::of([x.lo / y.lo, x.lo / y.hi, x.hi / y.lo, x.hi / y.hi])
                    }
                }
            }
            Expr::Call(f, args) => {
                let mut v = Vec::with_capacity(args.len());
                for a in args {
                    v.push(self.eval(a, quantity, depth)?);
                }
                match f {
                    Function::Min => Interval {
                        lo: v.iter().map(|i| i.lo).fold(f64::INFINITY, f64::min),
                        hi: v.iter().map(|i| i.hi).fold(f64::INFINITY, f64::min),
                    },
                    Function::Max => Interval {
                        lo: v.iter().map(|i| i.lo).fold(f64::NEG_INFINITY, f64::max),
                        hi: v.iter().map(|i| i.hi).fold(f64::NEG_INFINITY, f64::max),
                    },
                    Function::Abs => {
                        let a = v[0];
                        if a.lo >= 0.0 {
                            a
                        } else if a.hi <= 0.0 {
                            Interval {
                                lo: -a.hi,
                                hi: -a.lo,
                            }
                        } else {
                            Interval {
                                lo: 0.0,
                                hi: a.hi.max(-a.lo),
                            }
                        }
                    }
                    // `x.max(lo).min(hi)`, as evaluated.
                    Function::Clamp => {
                        let (x, lo, hi) = (v[0], v[1], v[2]);
                        let m = Interval {
                            lo: x.lo.max(lo.lo),
                            hi: x.hi.max(lo.hi),
                        };
                        Interval {
                            lo: m.lo.min(hi.lo),
                            hi: m.hi.min(hi.hi),
                        }
                    }
                    // As evaluated: 0 or less gives -323.3; a positive number gives its log10,
                    // down to that of the smallest positive number (-323.306…).
                    Function::Log10 => {
                        let a = v[0];
                        let floor = libm::log10(f64::from_bits(1)).min(-323.3);
                        Interval {
                            lo: if a.lo > 0.0 { libm::log10(a.lo) } else { floor },
                            hi: if a.hi > 0.0 {
                                libm::log10(a.hi)
                            } else {
                                -323.3
                            },
                        }
                    }
                }
            }
        };
        if !i.finite() {
            let mut unlimited: Vec<usize> = e
                .names()
                .into_iter()
                .filter(|(_, fact)| !fact)
                .map(|(q, _)| *q as usize)
                .filter(|&q| {
                    let info = &self.ix.quantities[q];
                    info.formula.is_none()
                        && !info.has_range()
                        && (self.stored[q].hi >= f64::MAX || self.stored[q].lo <= -f64::MAX)
                })
                .collect();
            unlimited.sort_unstable();
            unlimited.dedup();
            return Err(Some(Problem::Overflow {
                quantity,
                part: write(self.ix, e),
                interval: i,
                unlimited,
            }));
        }
        Ok(i)
    }
}

/// A part of a formula written back, with quantity and fact ids.
fn write(ix: &Index, e: &Expr<u32>) -> String {
    e.write(&|&i, fact| {
        if fact {
            ix.facts[i as usize].id.clone()
        } else {
            ix.quantities[i as usize].id.clone()
        }
    })
}
