//! Measures derived from the learner's actions, kept up to date incrementally so that a long
//! CPR session costs the same per compression at the end as at the start.

use crate::action::{HandPosition, SimTime};
use crate::scenario::compiled::{CMetricKind, Index, MetricInfo};

/// Running totals of one metric.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MetricState {
    /// Number of items (intervals, compressions with data, actions).
    pub count: u64,
    /// Items within the metric's range.
    pub in_range: u64,
    /// Sum of values (ms for times, mm for depths).
    pub sum: f64,
    /// Longest pause or hold, ms.
    pub longest: u64,
    /// Total pause time, ms.
    pub total: u64,
    /// Pause metrics with `except_while`: the closed intervals (ms) while it held, and since
    /// when it holds now.
    pub excepted: Vec<(u64, u64)>,
    /// Since when `except_while` holds, if it does.
    pub excepted_since: Option<u64>,
    /// Compression quality metrics: the same totals for each cycle of compressions (a run not
    /// broken by a pause), as a feedback manikin reports them.
    pub cycles: Vec<Cycle>,
}

/// One cycle's totals of a compression quality metric.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Cycle {
    /// Items (intervals or compressions with data).
    pub count: u64,
    /// Items within the range.
    pub in_range: u64,
    /// Sum of values.
    pub sum: f64,
}

impl Cycle {
    fn add(&mut self, value: f64, in_range: bool) {
        self.count += 1;
        self.sum += value;
        if in_range {
            self.in_range += 1;
        }
    }
}

/// Whether a metric measures each compression (and so has a value per cycle).
pub fn per_compression(kind: &CMetricKind) -> bool {
    matches!(
        kind,
        CMetricKind::CompressionRate
            | CMetricKind::CompressionsAtRate(_)
            | CMetricKind::CompressionDepth
            | CMetricKind::CompressionsAtDepth(_)
            | CMetricKind::FullRecoil
            | CMetricKind::HandsOnCentre
    )
}

/// A compression quality metric's value over some totals: a mean rate (/min), a mean depth
/// (mm) or a share (%).
fn quality(kind: &CMetricKind, c: &Cycle) -> Option<f64> {
    (c.count > 0).then(|| match kind {
        CMetricKind::CompressionRate => 60_000.0 / (c.sum / c.count as f64),
        CMetricKind::CompressionDepth => c.sum / c.count as f64,
        _ => c.in_range as f64 * 100.0 / c.count as f64,
    })
}

impl MetricState {
    /// The part of the gap `from..to` (ms) not covered by `except_while` intervals.
    fn counted(&self, from: u64, to: u64) -> u64 {
        let overlap = |s: u64, e: u64| e.min(to).saturating_sub(s.max(from));
        let excepted: u64 = self
            .excepted
            .iter()
            .map(|&(s, e)| overlap(s, e))
            .sum::<u64>()
            + self.excepted_since.map_or(0, |s| overlap(s, to));
        (to - from).saturating_sub(excepted)
    }

    /// `except_while` starts or stops holding at `at`.
    pub fn except(&mut self, holds: bool, at: SimTime) {
        match (holds, self.excepted_since) {
            (true, None) => self.excepted_since = Some(at.0),
            (false, Some(s)) => {
                self.excepted.push((s, at.0));
                self.excepted_since = None;
            }
            _ => {}
        }
    }
}

/// Compressions seen so far.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Compressions {
    /// Number of compressions.
    pub count: u64,
    /// Time of the first.
    pub first: Option<SimTime>,
    /// Time of the last.
    pub last: Option<SimTime>,
}

/// Every metric's running state.
#[derive(Debug, Clone, PartialEq)]
pub struct Metrics {
    /// One state per metric, by metric index.
    pub states: Vec<MetricState>,
    /// Shared compression timing.
    pub compressions: Compressions,
    /// Total held time per gesture, ms.
    pub gesture_total: Vec<u64>,
    /// Longest hold per gesture, ms.
    pub gesture_longest: Vec<u64>,
}

impl Metrics {
    /// Empty metrics for a scenario.
    pub fn new(ix: &Index) -> Self {
        Metrics {
            states: vec![MetricState::default(); ix.metrics.len()],
            compressions: Compressions::default(),
            gesture_total: vec![0; ix.gestures.len()],
            gesture_longest: vec![0; ix.gestures.len()],
        }
    }

    /// Records a held gesture.
    pub fn gesture(&mut self, ix: &Index, g: u32, duration_ms: u64) {
        for (m, state) in ix.metrics.iter().zip(self.states.iter_mut()) {
            if let CMetricKind::HeldInRange(gs, r) = &m.kind
                && gs.contains(&g)
            {
                state.count += 1;
                if r.contains_base(duration_ms as f64 / 1000.0) {
                    state.in_range += 1;
                }
            }
        }
        let g = g as usize;
        self.gesture_total[g] = self.gesture_total[g].saturating_add(duration_ms);
        self.gesture_longest[g] = self.gesture_longest[g].max(duration_ms);
    }

    /// Records one compression.
    pub fn compress(
        &mut self,
        ix: &Index,
        at: SimTime,
        depth_mm: Option<f64>,
        full_recoil: Option<bool>,
        hands: Option<HandPosition>,
    ) {
        let prev = self.compressions.last;
        for (m, state) in ix.metrics.iter().zip(self.states.iter_mut()) {
            if per_compression(&m.kind)
                && prev.is_none_or(|p| at.0.saturating_sub(p.0) > m.pause_ms)
            {
                state.cycles.push(Cycle::default());
            }
            match &m.kind {
                CMetricKind::CompressionRate | CMetricKind::CompressionsAtRate(_) => {
                    if let Some(prev) = prev {
                        let dt = at.0.saturating_sub(prev.0);
                        if dt > 0 && dt <= m.pause_ms {
                            state.count += 1;
                            state.sum += dt as f64;
                            let at_rate = matches!(&m.kind, CMetricKind::CompressionsAtRate(r)
                                if r.contains_base(60_000.0 / dt as f64));
                            if at_rate {
                                state.in_range += 1;
                            }
                            if let Some(c) = state.cycles.last_mut() {
                                c.add(dt as f64, at_rate);
                            }
                        }
                    }
                }
                CMetricKind::CompressionDepth | CMetricKind::CompressionsAtDepth(_) => {
                    if let Some(d) = depth_mm.filter(|d| d.is_finite()) {
                        state.count += 1;
                        state.sum += d;
                        let at_depth = matches!(&m.kind, CMetricKind::CompressionsAtDepth(r)
                            if r.contains_base(d));
                        if at_depth {
                            state.in_range += 1;
                        }
                        if let Some(c) = state.cycles.last_mut() {
                            c.add(d, at_depth);
                        }
                    }
                }
                CMetricKind::HandsOnCentre => {
                    if let Some(h) = hands {
                        let centre = h == HandPosition::Centre;
                        state.count += 1;
                        if centre {
                            state.in_range += 1;
                        }
                        if let Some(c) = state.cycles.last_mut() {
                            c.add(0.0, centre);
                        }
                    }
                }
                CMetricKind::FullRecoil => {
                    if let Some(full) = full_recoil {
                        state.count += 1;
                        if full {
                            state.in_range += 1;
                        }
                        if let Some(c) = state.cycles.last_mut() {
                            c.add(0.0, full);
                        }
                    }
                }
                CMetricKind::HandsOffTime
                | CMetricKind::LongestPause
                | CMetricKind::CompressionFraction => {
                    if let Some(prev) = prev {
                        let dt = state.counted(prev.0, at.0.max(prev.0));
                        if dt > m.pause_ms {
                            state.total += dt;
                            state.longest = state.longest.max(dt);
                        }
                    }
                }
                _ => {}
            }
        }
        self.compressions.count += 1;
        self.compressions.first.get_or_insert(at);
        self.compressions.last = Some(at);
    }

    /// A compression quality metric's value in each cycle of compressions so far (none for a
    /// cycle without the data: depth from a mouse).
    pub fn cycles(&self, m: &MetricInfo, idx: usize) -> Vec<Option<f64>> {
        self.states[idx]
            .cycles
            .iter()
            .map(|c| quality(&m.kind, c))
            .collect()
    }

    /// Counts one more action for a counting metric.
    pub fn count(&mut self, m: u32) {
        self.states[m as usize].count += 1;
    }

    /// The value of metric `m` at session time `now`, in the metric's unit; `None` when it
    /// cannot be measured (no data).
    pub fn value(
        &self,
        m: &MetricInfo,
        idx: usize,
        now: SimTime,
        node_first_done: &[Option<SimTime>],
    ) -> Option<f64> {
        let s = &self.states[idx];
        let pct = |a: u64, b: u64| (b > 0).then(|| a as f64 * 100.0 / b as f64);
        // The gap since the last compression counts once it is longer than a pause.
        let tail = || -> u64 {
            match self.compressions.last {
                Some(last) => {
                    let dt = s.counted(last.0, now.0.max(last.0));
                    if dt > m.pause_ms { dt } else { 0 }
                }
                None => 0,
            }
        };
        match &m.kind {
            CMetricKind::GestureTime(gs) => Some(
                gs.iter()
                    .map(|&g| self.gesture_total[g as usize])
                    .sum::<u64>() as f64
                    / 1000.0,
            ),
            CMetricKind::LongestGesture(gs) => Some(
                gs.iter()
                    .map(|&g| self.gesture_longest[g as usize])
                    .max()
                    .unwrap_or(0) as f64
                    / 1000.0,
            ),
            CMetricKind::Count(_) => Some(s.count as f64),
            CMetricKind::HeldInRange(..) => pct(s.in_range, s.count),
            CMetricKind::CompressionRate => {
                (s.count > 0).then(|| 60_000.0 / (s.sum / s.count as f64))
            }
            CMetricKind::CompressionsAtRate(_) => pct(s.in_range, s.count),
            CMetricKind::CompressionDepth => (s.count > 0).then(|| s.sum / s.count as f64),
            CMetricKind::CompressionsAtDepth(_)
            | CMetricKind::FullRecoil
            | CMetricKind::HandsOnCentre => pct(s.in_range, s.count),
            CMetricKind::HandsOffTime => self
                .compressions
                .first
                .map(|_| (s.total + tail()) as f64 / 1000.0),
            CMetricKind::LongestPause => self
                .compressions
                .first
                .map(|_| s.longest.max(tail()) as f64 / 1000.0),
            CMetricKind::CompressionFraction => {
                let first = self.compressions.first?;
                let period = now.0.saturating_sub(first.0);
                (period > 0).then(|| {
                    let off = (s.total + tail()).min(period);
                    (period - off) as f64 * 100.0 / period as f64
                })
            }
            CMetricKind::TimeBetween(a, b) => {
                let (a, b) = (node_first_done[*a as usize]?, node_first_done[*b as usize]?);
                Some((b.0 as f64 - a.0 as f64) / 1000.0)
            }
            CMetricKind::TimeOf(a) => node_first_done[*a as usize].map(|t| t.as_secs_f64()),
            CMetricKind::ShareDone(list) => pct(
                list.iter()
                    .filter(|&&n| node_first_done[n as usize].is_some())
                    .count() as u64,
                list.len() as u64,
            ),
        }
    }
}
