//! The CPR trace in the debrief (presentation layer): each compression's rate, and its depth,
//! recoil and hand position where the input measured them, over the session's time, against the
//! target bands — as a feedback manikin draws it. A compression in its band is a filled dot, one
//! outside a hollow ring; leaning or hands off the lower breastbone a cross, so nothing is read
//! from colour alone.

use super::i18n::I18n;
use super::views::mmss;
use crate::action::HandPosition;
use crate::tracker::{CprPoint, CprTrace};
use bevy_egui::egui::{self, Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, vec2};

/// Okabe–Ito blue (in band) and vermillion (outside), as in the center's reports.
const IN: Color32 = Color32::from_rgb(86, 180, 233);
const OUT: Color32 = Color32::from_rgb(230, 159, 0);
const BAND: Color32 = Color32::from_rgba_premultiplied(40, 70, 50, 90);
const AXIS: Color32 = Color32::from_gray(120);
const LABEL: Color32 = Color32::from_gray(200);

/// One chart: a value per compression on a y range, with its band.
struct Chart<'a> {
    title: String,
    y: (f64, f64),
    band: Option<(f64, f64)>,
    values: Vec<(u64, f64)>,
    unit: &'a str,
}

/// The trace: rate, then depth, recoil and hand position where measured, with a legend.
pub fn cpr_trace_ui(ui: &mut egui::Ui, i18n: &I18n, t: &CprTrace) {
    type Value = fn(&CprPoint) -> Option<f64>;
    let charts: [(&str, (f64, f64), Option<(f64, f64)>, Value, &str); 2] = [
        (
            "debrief-cpr-rate",
            (60.0, 160.0),
            t.rate_band,
            |p| p.rate,
            "/min",
        ),
        (
            "debrief-cpr-depth",
            (20.0, 80.0),
            t.depth_band,
            |p| p.depth_mm,
            "mm",
        ),
    ];
    for (title, y, band, value, unit) in charts {
        let values: Vec<(u64, f64)> = t
            .points
            .iter()
            .filter_map(|p| value(p).map(|v| (p.at_ms, v)))
            .collect();
        if !values.is_empty() {
            let c = Chart {
                title: i18n.t(title),
                y,
                band,
                values,
                unit,
            };
            chart(ui, i18n, t.end_ms, &c);
        }
    }
    type Mark = fn(&CprPoint) -> Option<bool>;
    let strips: [(&str, Mark); 2] = [
        ("debrief-cpr-recoil", |p| p.full_recoil),
        ("debrief-cpr-hands", |p| {
            p.hands.map(|h| h == HandPosition::Centre)
        }),
    ];
    for (title, mark) in strips {
        let marks: Vec<(u64, bool)> = t
            .points
            .iter()
            .filter_map(|p| mark(p).map(|m| (p.at_ms, m)))
            .collect();
        if !marks.is_empty() {
            strip(ui, i18n, t.end_ms, i18n.t(title), marks);
        }
    }
    ui.label(egui::RichText::new(i18n.t("debrief-cpr-legend")).small());
}

const LEFT: f32 = 44.0;
const HEIGHT: f32 = 96.0;

fn plot_area(ui: &mut egui::Ui, h: f32) -> (egui::Painter, Rect) {
    let w = ui.available_width().clamp(240.0, 640.0);
    let (resp, painter) = ui.allocate_painter(vec2(w, h + 18.0), Sense::hover());
    let r = resp.rect;
    let area = Rect::from_min_max(
        Pos2::new(r.left() + LEFT, r.top() + 4.0),
        Pos2::new(r.right() - 8.0, r.top() + 4.0 + h),
    );
    (painter, area)
}

fn x_of(area: Rect, end_ms: u64, at: u64) -> f32 {
    area.left() + area.width() * (at as f32 / end_ms.max(1) as f32)
}

/// The time axis: a tick and its label every minute.
fn time_axis(painter: &egui::Painter, area: Rect, end_ms: u64) {
    painter.line_segment(
        [area.left_bottom(), area.right_bottom()],
        Stroke::new(1.0, AXIS),
    );
    let step = if end_ms > 10 * 60_000 {
        120_000
    } else {
        60_000
    };
    let mut t = 0;
    while t <= end_ms {
        let x = x_of(area, end_ms, t);
        painter.line_segment(
            [
                Pos2::new(x, area.bottom()),
                Pos2::new(x, area.bottom() + 3.0),
            ],
            Stroke::new(1.0, AXIS),
        );
        painter.text(
            Pos2::new(x, area.bottom() + 4.0),
            Align2::CENTER_TOP,
            mmss(t),
            FontId::proportional(10.0),
            LABEL,
        );
        t += step;
    }
}

fn chart(ui: &mut egui::Ui, i18n: &I18n, end_ms: u64, c: &Chart) {
    let share = c.band.and_then(|(lo, hi)| {
        (!c.values.is_empty()).then(|| {
            let n = c
                .values
                .iter()
                .filter(|(_, v)| (lo..=hi).contains(v))
                .count();
            100.0 * n as f64 / c.values.len() as f64
        })
    });
    let title = match share {
        Some(s) => i18n.ta(
            "debrief-cpr-in-band",
            &[
                ("chart", c.title.clone().into()),
                ("share", i18n.lang.short(s).into()),
            ],
        ),
        None => c.title.clone(),
    };
    ui.label(egui::RichText::new(title).strong());
    let (painter, area) = plot_area(ui, HEIGHT);
    let (y0, y1) = c.y;
    let y_of = |v: f64| {
        let f = ((v.clamp(y0, y1) - y0) / (y1 - y0)) as f32;
        area.bottom() - f * area.height()
    };
    if let Some((lo, hi)) = c.band {
        painter.rect_filled(
            Rect::from_min_max(
                Pos2::new(area.left(), y_of(hi)),
                Pos2::new(area.right(), y_of(lo)),
            ),
            0.0,
            BAND,
        );
        for v in [lo, hi] {
            painter.text(
                Pos2::new(area.left() - 4.0, y_of(v)),
                Align2::RIGHT_CENTER,
                format!("{} {}", i18n.lang.short(v), c.unit),
                FontId::proportional(10.0),
                LABEL,
            );
        }
    }
    painter.line_segment(
        [area.left_top(), area.left_bottom()],
        Stroke::new(1.0, AXIS),
    );
    time_axis(&painter, area, end_ms);
    for &(at, v) in &c.values {
        let p = Pos2::new(x_of(area, end_ms, at), y_of(v));
        let inside = c.band.is_none_or(|(lo, hi)| (lo..=hi).contains(&v));
        if inside {
            painter.circle_filled(p, 2.2, IN);
        } else {
            painter.circle_stroke(p, 2.6, Stroke::new(1.2, OUT));
        }
    }
}

/// A yes-or-no measure per compression (full recoil, hands on the lower breastbone): an upright
/// tick for yes, a cross for no.
fn strip(ui: &mut egui::Ui, i18n: &I18n, end_ms: u64, title: String, measured: Vec<(u64, bool)>) {
    let full = measured.iter().filter(|(_, f)| *f).count();
    let share = 100.0 * full as f64 / measured.len().max(1) as f64;
    ui.label(
        egui::RichText::new(i18n.ta(
            "debrief-cpr-in-band",
            &[
                ("chart", title.into()),
                ("share", i18n.lang.short(share).into()),
            ],
        ))
        .strong(),
    );
    let (painter, area) = plot_area(ui, 22.0);
    time_axis(&painter, area, end_ms);
    for (at, full) in measured {
        let x = x_of(area, end_ms, at);
        let mid = area.center().y;
        if full {
            painter.line_segment(
                [Pos2::new(x, mid - 6.0), Pos2::new(x, mid + 6.0)],
                Stroke::new(1.2, IN),
            );
        } else {
            let s = Stroke::new(1.2, OUT);
            painter.line_segment(
                [Pos2::new(x - 3.0, mid - 3.0), Pos2::new(x + 3.0, mid + 3.0)],
                s,
            );
            painter.line_segment(
                [Pos2::new(x - 3.0, mid + 3.0), Pos2::new(x + 3.0, mid - 3.0)],
                s,
            );
        }
    }
}
