//! Metrics: what the tracker measures from the learner's actions.

use super::*;

impl<'a> Compiler<'a> {
    pub(super) fn compile_metrics(&mut self, m: &ScenarioFile, root: &Path) {
        let per_min = units::unit("/min").expect("built-in unit");
        let percent = units::unit("%").expect("built-in unit");
        let seconds = units::unit("s").expect("built-in unit");
        let mm = units::unit("mm").expect("built-in unit");
        let count = units::UNITS[0];
        for (i, mt) in m.metrics.iter().enumerate() {
            let p = root.field("metrics").index(i);
            let kp = p.field("kind");
            let usage = format!("used by metric `{}`", mt.id);
            self.text_field(&mt.label, &p, "label", "metric", &mt.id);
            let gestures = |c: &mut Self, list: &[GestureId]| -> Vec<u32> {
                list.iter()
                    .enumerate()
                    .filter_map(|(g_i, g)| {
                        c.resolve(Sym::Gesture, g.as_str(), &kp.index(0).index(g_i), &usage)
                    })
                    .collect()
            };
            let (kind, unit) = match &mt.kind {
                MetricKind::GestureTime(list) => {
                    (CMetricKind::GestureTime(gestures(self, list)), seconds)
                }
                MetricKind::LongestGesture(list) => {
                    (CMetricKind::LongestGesture(gestures(self, list)), seconds)
                }
                MetricKind::Count(pat) => (
                    CMetricKind::Count(self.pattern(pat, &kp.index(0), &usage)),
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
                MetricKind::HandsOffTime => (CMetricKind::HandsOffTime, seconds),
                MetricKind::LongestPause => (CMetricKind::LongestPause, seconds),
                MetricKind::CompressionFraction => (CMetricKind::CompressionFraction, percent),
                MetricKind::TimeBetween(a, b) => {
                    let a = self
                        .resolve(Sym::Node, a.as_str(), &kp.index(0), &usage)
                        .unwrap_or(0);
                    let b = self
                        .resolve(Sym::Node, b.as_str(), &kp.index(1), &usage)
                        .unwrap_or(0);
                    (CMetricKind::TimeBetween(a, b), seconds)
                }
                MetricKind::TimeOf(a) => (
                    CMetricKind::TimeOf(
                        self.resolve(Sym::Node, a.as_str(), &kp.index(0), &usage)
                            .unwrap_or(0),
                    ),
                    seconds,
                ),
            };
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
                    self.error(
                        "praxis::scenario::bad_metric",
                        format!(
                            "metric `{}` measures no pauses, so `except_while` means nothing for it",
                            mt.id
                        ),
                        &p.field("except_while"),
                        "only for pause metrics",
                    )
                    .help = Some(
                        "use `except_while` with HandsOffTime, LongestPause or CompressionFraction"
                            .into(),
                    );
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
