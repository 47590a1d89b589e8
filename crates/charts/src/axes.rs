//! Axes without plotters' chart builder: [`Ticked`] axes, tick-label formatters, the [`frame`]
//! that draws axes, ticks, labels, grid and axis titles, and the [`Plot`] that maps data to
//! pixels. Every chart uses these, so each plotters element type is compiled once.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use hashpivot_model::format;

use crate::common::{extent, font, glyphs, padded};
use crate::{ChartError, ChartStyle};

/// A linear `f64` axis whose ticks (and grid lines) are exactly `ticks`: month starts, row
/// centres, plotters' own choice for a plain numeric axis, or none. Labels come from the
/// frame's label formatter.
///
/// Every chart's plot uses this type on both axes, and [`frame`] draws its ticks, labels and
/// grid itself (without plotters' chart builder and mesh).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Ticked {
    lo: f64,
    hi: f64,
    ticks: Vec<f64>,
    /// Map values to pixels the way plotters' `f64` ranges do (truncating), not rounding.
    numeric: bool,
}

impl Ticked {
    /// The axis `range` (padded when empty) with `ticks` inside it.
    pub fn new(range: (f64, f64), ticks: Vec<f64>) -> Self {
        let (lo, hi) = Self::sane(range);
        let ticks = ticks
            .into_iter()
            .filter(|t| (lo..=hi).contains(t))
            .collect();
        Ticked {
            lo,
            hi,
            ticks,
            numeric: false,
        }
    }

    /// A plain numeric axis over `range` with at most `labels` round-numbered ticks: the same
    /// ticks and pixels as a plotters `f64` range with that many labels.
    pub fn numeric(range: (f64, f64), labels: usize) -> Self {
        let (lo, hi) = Self::sane(range);
        Ticked {
            lo,
            hi,
            ticks: RangedCoordf64::from(lo..hi).key_points(labels),
            numeric: true,
        }
    }

    fn sane(range: (f64, f64)) -> (f64, f64) {
        if range.0.is_finite() && range.1.is_finite() && range.1 > range.0 {
            range
        } else {
            padded(extent([range.0, range.1]), 0.05, 1.0)
        }
    }

    /// The pixel of `v` on an axis from pixel `limit.0` (at `lo`) to `limit.1` (at `hi`).
    fn map(&self, v: f64, limit: (i32, i32)) -> i32 {
        let fraction = (v - self.lo) / (self.hi - self.lo);
        let length = (limit.1 - limit.0) as f64;
        let at = if self.numeric {
            // plotters' rule for `f64` ranges.
            let d = length * fraction;
            limit.0 as f64
                + if length > 0.0 {
                    (d + 1e-3).floor()
                } else {
                    (d - 1e-3).ceil()
                }
        } else {
            (limit.0 as f64 + length * fraction).round()
        };
        if at.is_nan() {
            limit.0
        } else {
            // `as` saturates; keep far-off values a little outside the plot, not at i32::MAX.
            at.clamp(-1e6, 1e6) as i32
        }
    }
}

/// A tick label in short US dollars (`$1.2M`).
pub(crate) fn usd_label(v: &f64) -> String {
    format::usd_compact(*v)
}

/// A tick label with no decimals.
pub(crate) fn whole_label(v: &f64) -> String {
    format::fixed(*v, 0)
}

/// No tick label.
pub(crate) fn no_label(_: &f64) -> String {
    String::new()
}

/// How a chart's plot is framed: its axes, their labels and titles, and the grid.
pub(crate) struct Frame<'a> {
    /// The x axis.
    pub x: Ticked,
    /// The y axis.
    pub y: Ticked,
    /// Left, right and bottom margins, CSS pixels.
    pub margin: [f64; 3],
    /// Height of the x labels' area and width of the y labels' area, CSS pixels (0: none).
    pub label_area: [f64; 2],
    /// Font sizes of the tick labels and of the axis titles, CSS pixels.
    pub font: [f64; 2],
    /// The x and y axis titles, in the style's words.
    pub desc: [Option<&'a str>; 2],
    /// The x and y tick labels.
    pub label: [&'a dyn Fn(&f64) -> String; 2],
    /// Grid lines at the ticks.
    pub grid: bool,
}

/// Draws `frame` on `area` and returns the plot inside it: the layout of plotters' chart
/// builder and mesh (margins, then the y labels' area left of the plot and the x labels' area
/// under it; axis lines on the plot's edges, tick marks and labels outside it, the axis titles
/// at the label areas' outer edges, the y title turned), painted with plain lines and texts.
pub(crate) fn frame<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: Frame<'_>,
    style: &ChartStyle,
) -> Result<Plot<DB>, ChartError>
where
    DB::ErrorType: 'static,
{
    let size = |css: f64| if css > 0.0 { style.px(css) as i32 } else { 0 };
    let (w, h) = area.dim_in_pixel();
    let [margin_left, margin_right, margin_bottom] = frame.margin.map(size);
    let [x_area, mut y_area] = frame.label_area.map(size);
    // Tick labels wider than their area (a language's long word for millions) widen it, with
    // room left for the axis title beside them.
    if y_area > 0 {
        let glyph = style.font(frame.font[0]) * 0.56;
        let widest = frame
            .y
            .ticks
            .iter()
            .map(|v| glyphs(&(frame.label[1])(v)) * glyph)
            .fold(0.0, f64::max) as i32;
        if widest + 10 > y_area {
            y_area = widest + 10 + style.px(frame.font[1] * 1.4) as i32;
        }
    }
    // The plot, in pixels of `area`: [left, right) x [0, bottom).
    let right = (w as i32 - margin_right).max(0);
    let left = (margin_left + y_area).min(right);
    let bottom = (h as i32 - margin_bottom - x_area).max(0);
    let plot = Plot {
        area: area.clone(),
        rect: [left, 0, right, bottom],
        x: frame.x,
        y: frame.y,
    };
    let (pw, ph) = (right - left, bottom);
    let has_x = x_area > 0 && pw > 0;
    let has_y = y_area > 0 && ph > 0;
    // plotters' tick marks: 5% of the plot's shorter side, at most 5 pixels.
    let tick = ((pw.min(ph) as f64 * 0.05).round() as i32).min(5);
    let axis = ShapeStyle::from(&style.text);
    let grid = ShapeStyle::from(&style.grid);
    let line = |a: (i32, i32), b: (i32, i32), s: ShapeStyle| -> Result<(), ChartError> {
        area.draw(&PathElement::new(vec![a, b], s))?;
        Ok(())
    };
    let desc_font = font(style, frame.font[1]);
    if let (true, Some(desc)) = (has_y, frame.desc[1]) {
        area.draw_text(
            desc,
            &desc_font
                .transform(FontTransform::Rotate270)
                .pos(Pos::new(HPos::Center, VPos::Top)),
            (left - y_area, ph / 2),
        )?;
    }
    if let (true, Some(desc)) = (has_x, frame.desc[0]) {
        area.draw_text(
            desc,
            &desc_font.pos(Pos::new(HPos::Center, VPos::Bottom)),
            (left + pw / 2, bottom + x_area),
        )?;
    }
    let xs: Vec<i32> = plot.x.ticks.iter().map(|v| plot.px(0, *v)).collect();
    let ys: Vec<i32> = plot.y.ticks.iter().map(|v| plot.px(1, *v)).collect();
    if frame.grid {
        for x in &xs {
            line((*x, bottom - 1), (*x, 0), grid)?;
        }
        for y in &ys {
            line((left, *y), (right - 1, *y), grid)?;
        }
    }
    let label_font = font(style, frame.font[0]);
    if has_y {
        line((left - 1, 0), (left - 1, ph - 1), axis)?;
        let label_font = label_font.pos(Pos::new(HPos::Right, VPos::Center));
        for (v, y) in plot.y.ticks.iter().zip(&ys) {
            if (0..ph).contains(y) {
                area.draw_text(&(frame.label[1])(v), &label_font, (left - 2 * tick, *y))?;
                line((left - 1 - tick, *y), (left - 1, *y), axis)?;
            }
        }
    }
    if has_x {
        line((left, bottom), (right - 1, bottom), axis)?;
        let label_font = label_font.pos(Pos::new(HPos::Center, VPos::Top));
        for (v, x) in plot.x.ticks.iter().zip(&xs) {
            if (left..right).contains(x) {
                area.draw_text(&(frame.label[0])(v), &label_font, (*x, bottom + 2 * tick))?;
                line((*x, bottom), (*x, bottom + tick), axis)?;
            }
        }
    }
    Ok(plot)
}

/// A framed plot: data coordinates mapped to pixels by hand, and every shape drawn in pixels,
/// so each plotters element type is compiled once (shared with the legend and the frame).
pub(crate) struct Plot<DB: DrawingBackend> {
    /// The framed area (the plot with its margins and label areas), in pixels from its top
    /// left: labels next to the plot may reach into the margins.
    pub area: DrawingArea<DB, Shift>,
    /// The plot's left, top, right and bottom on `area` (right and bottom exclusive).
    rect: [i32; 4],
    x: Ticked,
    y: Ticked,
}

impl<DB: DrawingBackend> Plot<DB>
where
    DB::ErrorType: 'static,
{
    /// The pixel of `v` on the x (`axis` 0) or y (1) axis, as plotters maps it: the first
    /// to the last pixel of the plot, y upwards.
    fn px(&self, axis: usize, v: f64) -> i32 {
        let [x0, y0, x1, y1] = self.rect;
        if axis == 0 {
            self.x.map(v, (x0, x1 - 1))
        } else {
            self.y.map(v, (y1 - 1, y0))
        }
    }

    /// The pixel of data point `p` on [`Plot::area`], kept inside the plot as plotters keeps
    /// the points of shapes drawn on it.
    pub fn at(&self, p: (f64, f64)) -> (i32, i32) {
        let [x0, y0, x1, y1] = self.rect;
        (
            self.px(0, p.0).min(x1).max(x0),
            self.px(1, p.1).min(y1).max(y0),
        )
    }

    /// A polyline through `points`.
    pub fn line(&self, points: &[(f64, f64)], style: ShapeStyle) -> Result<(), ChartError> {
        let points: Vec<(i32, i32)> = points.iter().map(|p| self.at(*p)).collect();
        self.area.draw(&PathElement::new(points, style))?;
        Ok(())
    }

    /// A filled polygon.
    pub fn polygon(&self, points: &[(f64, f64)], style: ShapeStyle) -> Result<(), ChartError> {
        let points: Vec<(i32, i32)> = points.iter().map(|p| self.at(*p)).collect();
        self.area.draw(&Polygon::new(points, style))?;
        Ok(())
    }

    /// A filled rectangle between corners `a` and `b`.
    pub fn rect(&self, a: (f64, f64), b: (f64, f64), color: RGBColor) -> Result<(), ChartError> {
        self.area
            .draw(&Rectangle::new([self.at(a), self.at(b)], color.filled()))?;
        Ok(())
    }

    /// A circle of `radius` pixels around `p`.
    pub fn circle(&self, p: (f64, f64), radius: u32, style: ShapeStyle) -> Result<(), ChartError> {
        self.area.draw(&Circle::new(self.at(p), radius, style))?;
        Ok(())
    }

    /// `text` at `p`, moved by `offset` pixels.
    pub fn text(
        &self,
        p: (f64, f64),
        offset: (i32, i32),
        text: &str,
        style: &TextStyle<'_>,
    ) -> Result<(), ChartError> {
        let (x, y) = self.at(p);
        self.area
            .draw_text(text, style, (x + offset.0, y + offset.1))?;
        Ok(())
    }
}
