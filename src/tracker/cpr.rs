//! CPR quality over time, as a feedback manikin traces it: each compression's rate (from the
//! interval to the one before), depth and recoil, with the bands the scenario's measures judge
//! them against. The debrief draws it beside the shares in range.

use super::metrics::per_compression;
use crate::action::{ActionKind, HandPosition, LearnerAction};
use crate::scenario::compiled::{CMetricKind, Index};
use crate::scenario::units::Range;

/// One compression.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CprPoint {
    /// When, in session time (ms).
    pub at_ms: u64,
    /// Compressions a minute from the interval to the one before; none for the first of a
    /// cycle (after a pause).
    pub rate: Option<f64>,
    /// Depth in mm, when the input measured it.
    pub depth_mm: Option<f64>,
    /// Full recoil, when the input measured it.
    pub full_recoil: Option<bool>,
    /// Where the hands pressed, when the input could tell.
    pub hands: Option<HandPosition>,
}

/// Every compression of a session, and the target bands.
#[derive(Debug, Clone, PartialEq)]
pub struct CprTrace {
    /// The compressions, in time order.
    pub points: Vec<CprPoint>,
    /// The rate band (a minute), from the scenario's `CompressionsAtRate` measure.
    pub rate_band: Option<(f64, f64)>,
    /// The depth band (mm), from its `CompressionsAtDepth` measure.
    pub depth_band: Option<(f64, f64)>,
    /// The end of the session (ms): the time axis runs from 0 to here.
    pub end_ms: u64,
}

/// A closed band in the range's base unit (a minute, mm), when it has both limits.
fn band(r: &Range) -> Option<(f64, f64)> {
    let f = r.unit.factor;
    Some((r.min?.value * f, r.max?.value * f))
}

impl CprTrace {
    /// The trace of these actions under the scenario's compression measures: none when the
    /// scenario measures no compression or the learner gave none.
    pub fn of(ix: &Index, actions: &[LearnerAction], end_ms: u64) -> Option<CprTrace> {
        let pause_ms = ix
            .metrics
            .iter()
            .find(|m| {
                matches!(
                    m.kind,
                    CMetricKind::CompressionRate | CMetricKind::CompressionsAtRate(_)
                )
            })
            .or_else(|| ix.metrics.iter().find(|m| per_compression(&m.kind)))?
            .pause_ms;
        let rate_band = ix.metrics.iter().find_map(|m| match &m.kind {
            CMetricKind::CompressionsAtRate(r) => band(r),
            _ => None,
        });
        let depth_band = ix.metrics.iter().find_map(|m| match &m.kind {
            CMetricKind::CompressionsAtDepth(r) => band(r),
            _ => None,
        });
        let mut points = Vec::new();
        let mut prev: Option<u64> = None;
        for a in actions {
            if let ActionKind::Compress {
                depth_mm,
                full_recoil,
                hands,
                ..
            } = &a.kind
            {
                let at = a.at.0;
                let rate = prev
                    .map(|p| at.saturating_sub(p))
                    .filter(|&dt| dt > 0 && dt <= pause_ms)
                    .map(|dt| 60_000.0 / dt as f64);
                points.push(CprPoint {
                    at_ms: at,
                    rate,
                    depth_mm: depth_mm.filter(|d| d.is_finite()),
                    full_recoil: *full_recoil,
                    hands: *hands,
                });
                prev = Some(at);
            }
        }
        if points.is_empty() {
            return None;
        }
        let end_ms = end_ms.max(points.last().map_or(0, |p| p.at_ms));
        Some(CprTrace {
            points,
            rate_band,
            depth_band,
            end_ms,
        })
    }

    /// Whether any compression's depth was measured.
    pub fn has_depth(&self) -> bool {
        self.points.iter().any(|p| p.depth_mm.is_some())
    }

    /// Whether any compression's recoil was measured.
    pub fn has_recoil(&self) -> bool {
        self.points.iter().any(|p| p.full_recoil.is_some())
    }

    /// Whether any compression's hand position was told.
    pub fn has_hands(&self) -> bool {
        self.points.iter().any(|p| p.hands.is_some())
    }
}
