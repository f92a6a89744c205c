//! The report's plots, drawn with plotters into PNG files. Every bar carries its value in
//! words, so nothing is read from colour alone; colours are from the Okabe–Ito palette, which
//! readers with colour-vision deficiencies can tell apart.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::path::Path;
use std::sync::Once;

/// Blue.
pub const BLUE: RGBColor = RGBColor(0, 114, 178);
/// Vermillion.
pub const VERMILLION: RGBColor = RGBColor(213, 94, 0);
/// Bluish green.
pub const GREEN: RGBColor = RGBColor(0, 158, 115);
/// Grey for grids and reference lines.
const GREY: RGBColor = RGBColor(110, 110, 110);

const FONT: &str = "sans-serif";
static FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

fn register_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The font is part of the binary; it always parses.
        let _ = plotters::style::register_font(FONT, FontStyle::Normal, FONT_BYTES);
    });
}

fn err(e: impl std::fmt::Display) -> String {
    e.to_string()
}

/// One horizontal bar.
#[derive(Debug, Clone)]
pub struct Bar {
    /// Label on the left.
    pub label: String,
    /// Length.
    pub value: f64,
    /// The value in words, at the end of the bar.
    pub text: String,
}

fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(n - 1).collect();
        out.push('…');
        out
    }
}

/// Horizontal bars from 0 to `max`, one per item, labelled on the left, the x axis labelled
/// with `x_format`.
pub fn bars(
    path: &Path,
    title: &str,
    x_label: &str,
    bars: &[Bar],
    max: f64,
    color: RGBColor,
    x_format: &dyn Fn(f64) -> String,
) -> Result<(), String> {
    register_font();
    let height = 110 + 34 * bars.len().max(1) as u32;
    let root = BitMapBackend::new(path, (1100, height)).into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    let n = bars.len().max(1) as f64;
    let max = if max > 0.0 { max } else { 1.0 };
    let mut chart = ChartBuilder::on(&root)
        .caption(title, (FONT, 24))
        .margin(12)
        .margin_right(90)
        .x_label_area_size(44)
        .y_label_area_size(430)
        .build_cartesian_2d(0.0..max, 0.0..n)
        .map_err(err)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .disable_y_axis()
        .y_labels(0)
        .x_desc(x_label)
        .x_label_formatter(&|v| x_format(*v))
        .label_style((FONT, 15))
        .axis_desc_style((FONT, 16))
        .light_line_style(WHITE)
        .draw()
        .map_err(err)?;
    let label_style = TextStyle::from((FONT, 15).into_font())
        .color(&BLACK)
        .pos(Pos::new(HPos::Right, VPos::Center));
    let value_style = TextStyle::from((FONT, 14).into_font())
        .color(&BLACK)
        .pos(Pos::new(HPos::Left, VPos::Center));
    for (i, b) in bars.iter().enumerate() {
        // The first bar at the top.
        let y = n - i as f64;
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(0.0, y - 0.82), (b.value.clamp(0.0, max), y - 0.18)],
                color.filled(),
            )))
            .map_err(err)?;
        let (px, py) = chart.backend_coord(&(0.0, y - 0.5));
        root.draw(&Text::new(
            shorten(&b.label, 52),
            (px - 8, py),
            label_style.clone(),
        ))
        .map_err(err)?;
        let (vx, vy) = chart.backend_coord(&(b.value.clamp(0.0, max), y - 0.5));
        root.draw(&Text::new(
            b.text.clone(),
            (vx + 6, vy),
            value_style.clone(),
        ))
        .map_err(err)?;
    }
    root.present().map_err(err)
}

/// Vertical bars over labelled bins (a histogram), counts on top of each bar, and an optional
/// dashed reference line at a bin position (`reference.0`, in bins from the left).
pub fn columns(
    path: &Path,
    title: &str,
    x_label: &str,
    y_label: &str,
    bins: &[(String, u32)],
    reference: Option<(f64, &str)>,
) -> Result<(), String> {
    register_font();
    let root = BitMapBackend::new(path, (1000, 480)).into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    let n = bins.len().max(1) as f64;
    let top = bins.iter().map(|b| b.1).max().unwrap_or(0).max(1) as f64 * 1.15;
    let mut chart = ChartBuilder::on(&root)
        .caption(title, (FONT, 24))
        .margin(12)
        .x_label_area_size(50)
        .y_label_area_size(60)
        .build_cartesian_2d(0.0..n, 0.0..top)
        .map_err(err)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .x_desc(x_label)
        .y_desc(y_label)
        .y_label_formatter(&|v| format!("{v:.0}"))
        .label_style((FONT, 15))
        .axis_desc_style((FONT, 16))
        .light_line_style(WHITE)
        .draw()
        .map_err(err)?;
    let center = TextStyle::from((FONT, 14).into_font())
        .color(&BLACK)
        .pos(Pos::new(HPos::Center, VPos::Bottom));
    let below = TextStyle::from((FONT, 14).into_font())
        .color(&BLACK)
        .pos(Pos::new(HPos::Center, VPos::Top));
    for (i, (label, count)) in bins.iter().enumerate() {
        let x = i as f64;
        let c = *count as f64;
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(x + 0.08, 0.0), (x + 0.92, c)],
                BLUE.filled(),
            )))
            .map_err(err)?;
        let (tx, ty) = chart.backend_coord(&(x + 0.5, c));
        root.draw(&Text::new(count.to_string(), (tx, ty - 3), center.clone()))
            .map_err(err)?;
        let (lx, ly) = chart.backend_coord(&(x + 0.5, 0.0));
        root.draw(&Text::new(label.clone(), (lx, ly + 6), below.clone()))
            .map_err(err)?;
    }
    if let Some((at, name)) = reference {
        chart
            .draw_series(DashedLineSeries::new(
                [(at, 0.0), (at, top)],
                6,
                4,
                VERMILLION.stroke_width(2),
            ))
            .map_err(err)?;
        let (rx, ry) = chart.backend_coord(&(at, top));
        root.draw(&Text::new(
            name.to_string(),
            (rx + 5, ry + 4),
            TextStyle::from((FONT, 14).into_font())
                .color(&VERMILLION)
                .pos(Pos::new(HPos::Left, VPos::Top)),
        ))
        .map_err(err)?;
    }
    root.present().map_err(err)
}

/// One line of a line chart.
#[derive(Debug, Clone)]
pub struct Line {
    /// Its name, in the legend.
    pub name: String,
    /// Points (x, y).
    pub points: Vec<(f64, f64)>,
    /// Its colour.
    pub color: RGBColor,
    /// Dashed (so that two lines differ by more than colour).
    pub dashed: bool,
}

/// Lines with markers over integer x values from 1 to `x_max`, y from 0 to `y_max`.
pub fn lines(
    path: &Path,
    title: &str,
    x_label: &str,
    y_label: &str,
    series: &[Line],
    x_max: u32,
    y_max: f64,
    y_format: &dyn Fn(f64) -> String,
) -> Result<(), String> {
    register_font();
    let root = BitMapBackend::new(path, (1000, 480)).into_drawing_area();
    root.fill(&WHITE).map_err(err)?;
    let x_max = x_max.max(2) as f64;
    let mut chart = ChartBuilder::on(&root)
        .caption(title, (FONT, 24))
        .margin(12)
        .margin_right(30)
        .x_label_area_size(50)
        .y_label_area_size(70)
        .build_cartesian_2d(0.5..x_max + 0.5, 0.0..y_max)
        .map_err(err)?;
    chart
        .configure_mesh()
        .x_labels(x_max as usize)
        .x_label_formatter(&|v| {
            if (v - v.round()).abs() < 1e-6 && *v >= 1.0 {
                format!("{v:.0}")
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|v| y_format(*v))
        .x_desc(x_label)
        .y_desc(y_label)
        .label_style((FONT, 15))
        .axis_desc_style((FONT, 16))
        .light_line_style(WHITE)
        .draw()
        .map_err(err)?;
    for s in series {
        let color = s.color;
        let anno = if s.dashed {
            chart
                .draw_series(DashedLineSeries::new(
                    s.points.clone(),
                    8,
                    5,
                    color.stroke_width(3),
                ))
                .map_err(err)?
        } else {
            chart
                .draw_series(LineSeries::new(s.points.clone(), color.stroke_width(3)))
                .map_err(err)?
        };
        anno.label(s.name.clone()).legend(move |(x, y)| {
            PathElement::new(vec![(x, y), (x + 24, y)], color.stroke_width(3))
        });
        chart
            .draw_series(
                s.points
                    .iter()
                    .map(|&(x, y)| Circle::new((x, y), 5, color.filled())),
            )
            .map_err(err)?;
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerRight)
        .label_font((FONT, 15))
        .background_style(WHITE.mix(0.9))
        .border_style(GREY)
        .draw()
        .map_err(err)?;
    root.present().map_err(err)
}
