//! Helpers the charts share: fonts, ranges that never degenerate, month ticks, finite runs, a
//! centred message for charts with nothing to show.

use std::cell::RefCell;
use std::collections::HashMap;

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use hashpivot_model::calendar::YearMonth;
use hashpivot_model::format;

use crate::{ChartError, ChartStyle};

/// Text in the style's colour at `size` CSS pixels. (The family is given as such: naming it
/// `"sans-serif"` would lower-case the name on every call and bring in Unicode's case tables.)
pub(crate) fn font(style: &ChartStyle, size: f64) -> TextStyle<'static> {
    FontDesc::new(FontFamily::SansSerif, style.font(size), FontStyle::Normal).color(&style.text)
}

/// `a` laid over `b` at opacity `t` (0..=1), as an opaque colour: a translucent look without
/// alpha blending, and a colour a legend swatch can show.
pub(crate) fn blend(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let t = if t.is_finite() {
        t.clamp(0.0, 1.0)
    } else {
        1.0
    };
    let mix = |x: u8, y: u8| (x as f64 * t + y as f64 * (1.0 - t)).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// Whether the style's background is dark (translucent fills then need more opacity).
pub(crate) fn dark_background(style: &ChartStyle) -> bool {
    let RGBColor(r, g, b) = style.background;
    (r as u32 + g as u32 + b as u32) < 3 * 128
}

thread_local! {
    /// Title heights in device pixels by font size (its bits): a text's height depends on its
    /// font, not its words, and measuring text in the browser lays out the page.
    static TITLE_HEIGHTS: RefCell<HashMap<u64, u32>> = RefCell::new(HashMap::new());
}

/// Draws `text` as the chart's title and returns the area below it: the same layout as
/// [`DrawingArea::titled`] with a 15 px title font, but the title's height is measured once
/// per font size rather than on every repaint. A title too wide for a phone steps down to
/// 11 px, and is cut with an ellipsis only if it still does not fit.
pub(crate) fn titled<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    text: &str,
    style: &ChartStyle,
) -> Result<DrawingArea<DB, Shift>, ChartError>
where
    DB::ErrorType: 'static,
{
    // Sans-serif glyphs average a little over half the font size in width.
    const GLYPH: f64 = 0.56;
    let available = root.dim_in_pixel().0 as f64 - style.px(12.0) as f64;
    let chars = text.chars().count() as f64;
    let mut size = 15.0;
    while size > 11.0 && chars * style.font(size) * GLYPH > available {
        size -= 1.0;
    }
    let fit = (available / (style.font(size) * GLYPH)).floor().max(1.0) as usize;
    let shown: String = if (chars as usize) > fit {
        let mut cut: String = text.chars().take(fit.saturating_sub(1)).collect();
        cut.push('\u{2026}');
        cut
    } else {
        text.to_owned()
    };
    let title_font = font(style, size);
    let key = style.font(size).to_bits();
    let text_h = match TITLE_HEIGHTS.with(|m| m.borrow().get(&key).copied()) {
        Some(h) => h,
        None => {
            let (_, h) = root.estimate_text_size(&shown, &title_font)?;
            TITLE_HEIGHTS.with(|m| m.borrow_mut().insert(key, h));
            h
        }
    };
    let y_padding = (text_h / 2).min(5) as i32;
    root.draw_text(
        &shown,
        &title_font.pos(Pos::new(HPos::Center, VPos::Top)),
        (root.dim_in_pixel().0 as i32 / 2, y_padding),
    )?;
    let (_, rest) = root.split_vertically(y_padding * 2 + text_h as i32);
    Ok(rest)
}

/// Smallest and largest finite value, if any.
pub(crate) fn extent(values: impl IntoIterator<Item = f64>) -> Option<(f64, f64)> {
    values
        .into_iter()
        .filter(|v| v.is_finite())
        .fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
        })
}

/// An axis range around `extent` with `frac` of its span added on each side (an end at exactly
/// zero stays there); a single value gets `min_pad` (or a tenth of itself, if more) each side,
/// and no value at all gives `(0, min_pad)`. Always finite with `lo < hi`.
pub(crate) fn padded(extent: Option<(f64, f64)>, frac: f64, min_pad: f64) -> (f64, f64) {
    let min_pad = if min_pad.is_finite() && min_pad > 0.0 {
        min_pad
    } else {
        1.0
    };
    let Some((lo, hi)) = extent else {
        return (0.0, min_pad);
    };
    let (lo, hi) = if hi > lo {
        let pad = (hi - lo) * frac;
        (
            if lo == 0.0 { 0.0 } else { lo - pad },
            if hi == 0.0 { 0.0 } else { hi + pad },
        )
    } else {
        let pad = (lo.abs() * 0.1).max(min_pad);
        (lo - pad, hi + pad)
    };
    if lo.is_finite() && hi.is_finite() && hi > lo {
        (lo, hi)
    } else {
        (-min_pad, min_pad)
    }
}

/// Smallest half-span of a USD axis: an all-zero chart reads -$1.00M to $1.00M, not -$1 to $1.
pub(crate) const USD_MIN_PAD: f64 = 1e6;

/// `extent` stretched to include zero.
pub(crate) fn with_zero(extent: Option<(f64, f64)>) -> Option<(f64, f64)> {
    Some(match extent {
        Some((lo, hi)) => (lo.min(0.0), hi.max(0.0)),
        None => (0.0, 0.0),
    })
}

/// Zero for a value that is not finite.
pub(crate) fn finite_or_zero(v: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        0.0
    }
}

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
    /// The x and y axis titles.
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
    let [x_area, y_area] = frame.label_area.map(size);
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

/// Month abbreviations.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn abbreviation(m: YearMonth) -> &'static str {
    MONTHS
        .get((m.month as usize).saturating_sub(1))
        .copied()
        .unwrap_or("?")
}

/// `Jan 2027`, for text.
pub(crate) fn month_name(m: YearMonth) -> String {
    format!("{} {}", abbreviation(m), m.year)
}

/// The month axis of a chart whose x is months since the start: month `i` spans `[i, i + 1]`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct MonthAxis {
    /// Where the ticks go, in months since the start.
    pub ticks: Vec<f64>,
    /// Label years only (`2027`) rather than months (`Jan 27`).
    pub yearly: bool,
    first: Option<YearMonth>,
}

impl MonthAxis {
    /// Ticks for `months` on a plot about `width_css` CSS pixels wide: each January over more
    /// than two years, quarters (or every month) over shorter spans, thinned to fit.
    pub fn new(months: &[YearMonth], width_css: f64) -> Self {
        let yearly = months.len() > 24;
        let label_w = if yearly { 40.0 } else { 52.0 };
        let fit = if width_css.is_finite() {
            (width_css / label_w).floor().max(2.0) as usize
        } else {
            2
        };
        let mut candidates: Vec<usize> = months
            .iter()
            .enumerate()
            .filter(|(_, m)| {
                if yearly {
                    m.month == 1
                } else if months.len() > 8 {
                    (m.month as usize).saturating_sub(1).is_multiple_of(3)
                } else {
                    true
                }
            })
            .map(|(i, _)| i)
            .collect();
        if candidates.is_empty() && !months.is_empty() {
            candidates.push(0);
        }
        let step = candidates.len().div_ceil(fit).max(1);
        MonthAxis {
            ticks: candidates
                .into_iter()
                .step_by(step)
                .map(|i| i as f64)
                .collect(),
            yearly,
            first: months.first().copied(),
        }
    }

    /// The label of the tick at `x` months since the start.
    pub fn label(&self, x: f64) -> String {
        let Some(first) = self.first else {
            return String::new();
        };
        if !x.is_finite() || x < 0.0 {
            return String::new();
        }
        let m = first.plus(x.round().min(u16::MAX as f64) as u32);
        if self.yearly {
            m.year.to_string()
        } else {
            format!("{} {:02}", abbreviation(m), m.year % 100)
        }
    }

    /// The x range for `n` months: `0..n`, or `0..1` when there are none.
    pub fn range(n: usize) -> (f64, f64) {
        (0.0, n.max(1) as f64)
    }
}

/// `(month index + 1, value)` for each value, after a `(0, 0)` start: cumulative figures at each
/// month's end.
pub(crate) fn cumulative_points(values: &[f64]) -> Vec<(f64, f64)> {
    std::iter::once((0.0, 0.0))
        .chain(values.iter().enumerate().map(|(i, v)| ((i + 1) as f64, *v)))
        .collect()
}

/// The stretches of `points` between points that are not finite.
pub(crate) fn finite_segments(points: &[(f64, f64)]) -> impl Iterator<Item = &[(f64, f64)]> {
    points
        .split(|p| !(p.0.is_finite() && p.1.is_finite()))
        .filter(|s| s.len() > 1)
}

/// Draws `text` in the middle of `area` (charts with nothing to show).
pub(crate) fn message<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    style: &ChartStyle,
    text: &str,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let (w, h) = area.dim_in_pixel();
    area.draw_text(
        text,
        &font(style, 13.0).pos(Pos::new(HPos::Center, VPos::Center)),
        (w as i32 / 2, h as i32 / 2),
    )?;
    Ok(())
}

/// Draws `text` at `at`, left-aligned and vertically centred, on a box of the background colour
/// so grid lines do not run through it. The box's width is estimated from the character count
/// (measuring text in the browser costs a page layout).
pub(crate) fn boxed_label<DB: DrawingBackend>(
    plot: &Plot<DB>,
    at: (f64, f64),
    text: &str,
    size: f64,
    style: &ChartStyle,
) -> Result<(), ChartError>
where
    DB::ErrorType: 'static,
{
    let px = style.font(size);
    let width = (text.chars().count() as f64 * px * 0.56).ceil() as i32;
    let half = (px * 0.7).ceil() as i32;
    let pad = style.px(3.0) as i32;
    let (x, y) = plot.at(at);
    plot.area.draw(&Rectangle::new(
        [(x - pad, y - half), (x + width + pad, y + half)],
        style.background.filled(),
    ))?;
    plot.text(
        at,
        (0, 0),
        text,
        &font(style, size).pos(Pos::new(HPos::Left, VPos::Center)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(year: u16, month: u8) -> YearMonth {
        YearMonth { year, month }
    }

    #[test]
    fn padded_never_degenerates() {
        assert_eq!(padded(None, 0.05, 1.0), (0.0, 1.0));
        let (lo, hi) = padded(Some((5.0, 5.0)), 0.05, 1.0);
        assert!(lo < 5.0 && hi > 5.0);
        assert_eq!(padded(Some((0.0, 0.0)), 0.05, 1e6), (-1e6, 1e6));
        assert_eq!(padded(Some((0.0, 10.0)), 0.1, 1.0), (0.0, 11.0));
        assert_eq!(padded(Some((-10.0, 0.0)), 0.1, 1.0), (-11.0, 0.0));
        assert_eq!(padded(Some((f64::MIN, f64::MAX)), 0.1, 1.0), (-1.0, 1.0));
        assert_eq!(
            extent([f64::NAN, 2.0, f64::INFINITY, -1.0]),
            Some((-1.0, 2.0))
        );
    }

    #[test]
    fn month_ticks_fall_on_januaries_or_quarters() {
        let five_years: Vec<YearMonth> = (0..60).map(|i| ym(2026, 3).plus(i)).collect();
        let axis = MonthAxis::new(&five_years, 600.0);
        assert!(axis.yearly);
        assert_eq!(axis.ticks, vec![10.0, 22.0, 34.0, 46.0, 58.0]);
        assert_eq!(axis.label(10.0), "2027");
        let narrow = MonthAxis::new(&five_years, 90.0);
        assert_eq!(narrow.ticks, vec![10.0, 46.0]);

        let one_year: Vec<YearMonth> = (0..12).map(|i| ym(2026, 1).plus(i)).collect();
        let axis = MonthAxis::new(&one_year, 600.0);
        assert!(!axis.yearly);
        assert_eq!(axis.ticks, vec![0.0, 3.0, 6.0, 9.0]);
        assert_eq!(axis.label(3.0), "Apr 26");
        assert_eq!(MonthAxis::new(&[], 600.0).ticks, Vec::<f64>::new());
    }

    #[test]
    fn blend_mixes_towards_the_background() {
        let c = blend(RGBColor(255, 0, 0), RGBColor(255, 255, 255), 0.5);
        assert_eq!(c, RGBColor(255, 128, 128));
    }
}
