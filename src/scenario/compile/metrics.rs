//! Metrics: what the tracker measures from the learner's actions.

use super::*;

impl<'a> Compiler<'a> {
    pub(super) fn compile_metrics(&mut self, m: &ScenarioFile, root: &Path) {
        for (i, mt) in m.metrics.iter().enumerate() {
            let p = root.field("metrics").index(i);
            let usage = format!("used by metric `{}`", mt.id);
            self.text_field(&mt.label, &p, "label", "metric", &mt.id);
            let (kind, unit) = self.metric_kind(&mt.kind, &p.field("kind"), &usage);
            let pause_ms = mt
                .pause
                .as_ref()
                .and_then(|d| self.duration(d, &p.field("pause"), "the pause threshold"))
                .unwrap_or(2000);
            let pauses = matches!(
                kind,
                CMetricKind::HandsOffTime
                    | CMetricKind::LongestPause
                    | CMetricKind::CompressionFraction
            );
            let except_while = match &mt.except_while {
                Some(c) if pauses => Some(self.cond(c, &p.field("except_while"), &usage)),
                Some(_) => {
                    let message = format!(
                        "metric `{}` measures no pauses, so `except_while` means nothing for it",
                        mt.id
                    );
                    let check = &checks::EXCEPT_WHILE_WITHOUT_PAUSES;
                    self.fail(check, &p.field("except_while"), message);
                    None
                }
                None => None,
            };
            self.ix.metrics.push(MetricInfo {
                id: mt.id.0.clone(),
                kind,
                unit,
                pause_ms,
                except_while,
            });
        }
    }

    /// What a metric measures (at `kp`), and in which unit.
    fn metric_kind(&mut self, kind: &MetricKind, kp: &Path, usage: &str) -> (CMetricKind, Unit) {
        let per_min = units::unit("/min").expect("built-in unit");
        let percent = units::unit("%").expect("built-in unit");
        let seconds = units::unit("s").expect("built-in unit");
        let mm = units::unit("mm").expect("built-in unit");
        let count = units::UNITS[0];
        let gestures = |c: &mut Self, list: &[GestureId]| -> Vec<u32> {
            list.iter()
                .enumerate()
                .filter_map(|(g_i, g)| {
                    c.resolve(Sym::Gesture, g.as_str(), &kp.index(0).index(g_i), usage)
                })
                .collect()
        };
        match kind {
            MetricKind::GestureTime(list) => {
                (CMetricKind::GestureTime(gestures(self, list)), seconds)
            }
            MetricKind::HeldInRange(list, r) => {
                let gs = gestures(self, list);
                let r = self.measured_range(r, &kp.index(1), seconds, "a held duration");
                (CMetricKind::HeldInRange(gs, r), percent)
            }
            MetricKind::LongestGesture(list) => {
                (CMetricKind::LongestGesture(gestures(self, list)), seconds)
            }
            MetricKind::Count(pat) => (
                CMetricKind::Count(self.pattern(pat, &kp.index(0), usage)),
                count,
            ),
            MetricKind::CompressionRate => (CMetricKind::CompressionRate, per_min),
            MetricKind::CompressionsAtRate(r) => {
                let r = self.measured_range(r, &kp.index(0), per_min, "a compression rate");
                (CMetricKind::CompressionsAtRate(r), percent)
            }
            MetricKind::CompressionDepth => (CMetricKind::CompressionDepth, mm),
            MetricKind::CompressionsAtDepth(r) => {
                let r = self.measured_range(r, &kp.index(0), mm, "a compression depth");
                (CMetricKind::CompressionsAtDepth(r), percent)
            }
            MetricKind::FullRecoil => (CMetricKind::FullRecoil, percent),
            MetricKind::HandsOnCentre => (CMetricKind::HandsOnCentre, percent),
            MetricKind::HandsOffTime => (CMetricKind::HandsOffTime, seconds),
            MetricKind::LongestPause => (CMetricKind::LongestPause, seconds),
            MetricKind::CompressionFraction => (CMetricKind::CompressionFraction, percent),
            MetricKind::TimeBetween(a, b) => {
                let a = self.index_of(Sym::Node, a.as_str(), &kp.index(0), usage);
                let b = self.index_of(Sym::Node, b.as_str(), &kp.index(1), usage);
                (CMetricKind::TimeBetween(a, b), seconds)
            }
            MetricKind::TimeOf(a) => {
                let a = self.index_of(Sym::Node, a.as_str(), &kp.index(0), usage);
                (CMetricKind::TimeOf(a), seconds)
            }
            MetricKind::ShareDone(list) => {
                let nodes = list
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        self.index_of(Sym::Node, s.as_str(), &kp.index(0).index(i), usage)
                    })
                    .collect();
                (CMetricKind::ShareDone(nodes), percent)
            }
        }
    }

    /// The range of a compression metric, in the unit of what it measures (a range no value
    /// fails when it does not compile).
    fn measured_range(
        &mut self,
        spec: &RangeSpec,
        p: &Path,
        unit: Unit,
        what: &'static str,
    ) -> Range {
        let target = Measured { unit, what };
        self.range(spec, p, Some(target), &format!("the range of {what}"))
            .unwrap_or(FULL)
    }
}
