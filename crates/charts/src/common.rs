//! Helpers the charts share: fonts, the title, ranges that never degenerate, month ticks, finite
//! runs, a centred message for charts with nothing to show. Axes and the plot's pixel mapping
//! are in [`crate::axes`].

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use hashpivot_model::calendar::YearMonth;
use hashpivot_model::format;

use crate::axes::Plot;
use crate::style::Tr;
use crate::{ChartError, ChartStyle};

/// `tr(template)` with its `{placeholders}` filled in.
pub(crate) fn tf(tr: Tr, template: &str, args: &[(&str, &str)]) -> String {
    format::fill(tr(template), args)
}

/// Width of `text` in Latin glyphs: a CJK character is about as wide as 1.8 of them.
pub(crate) fn glyphs(text: &str) -> f64 {
    text.chars()
        .map(|c| if c >= '\u{2E80}' { 1.8 } else { 1.0 })
        .sum()
}

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

/// The size in device pixels of `text` set in a sans-serif font of `px` device pixels, estimated
/// from typical glyph widths rather than measured: plotters measures text by laying out a
/// `<span>` in the page, which a Web Worker (the SVG export) does not have and which forces a
/// layout on the page at every new label. Wide enough for Latin, Arabic and CJK text.
pub(crate) fn text_size(text: &str, px: f64) -> (u32, u32) {
    let ems: f64 =
        text.chars()
            .map(|c| match c {
                ' ' | 'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | '('
                | ')' => 0.3,
                'm' | 'w' | 'M' | 'W' | '@' => 0.85,
                'A'..='Z' | '0'..='9' | '$' | '%' | '&' | '#' => 0.64,
                // CJK and other full-width scripts.
                c if c as u32 >= 0x2E80 => 1.0,
                _ => 0.54,
            })
            .sum();
    ((ems * px).ceil() as u32, (px * 1.2).ceil() as u32)
}

/// Draws `text` as the chart's title and returns the area below it: the same layout as
/// [`DrawingArea::titled`] with a 15 px title font, but the title's height is estimated
/// ([`text_size`]) rather than measured. A title too wide for a phone steps down to
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
    let chars = glyphs(text);
    let mut size = 15.0;
    while size > 11.0 && chars * style.font(size) * GLYPH > available {
        size -= 1.0;
    }
    let fit = (available / (style.font(size) * GLYPH)).floor().max(1.0);
    let shown: String = if chars > fit {
        let mut used = 1.0;
        let mut cut: String = text
            .chars()
            .take_while(|c| {
                used += glyphs(c.encode_utf8(&mut [0; 4]));
                used <= fit
            })
            .collect();
        cut.push('\u{2026}');
        cut
    } else {
        text.to_owned()
    };

    let title_font = font(style, size);
    let (_, text_h) = text_size(&shown, style.font(size));
    let y_padding = (text_h / 2).min(5) as i32;
    root.draw_text(
        &shown,
        &title_font.pos(Pos::new(HPos::Center, VPos::Top)),
        (root.dim_in_pixel().0 as i32 / 2, y_padding),
    )?;
    // Never below the bottom: on a tiny canvas the rest is empty, not inverted.
    let height = root.dim_in_pixel().1 as i32;
    let (_, rest) = root.split_vertically((y_padding * 2 + text_h as i32).min(height));
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

/// Month abbreviations (the keys of their translations).
pub const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn abbreviation(tr: Tr, m: YearMonth) -> &'static str {
    tr(MONTHS
        .get((m.month as usize).saturating_sub(1))
        .copied()
        .unwrap_or("?"))
}

/// `Jan 2027` (`gen 2027`, `يناير 2027`, `2027年1月`), for text.
pub fn month_name(tr: Tr, m: YearMonth) -> String {
    tf(
        tr,
        "{month} {year}",
        &[
            ("month", abbreviation(tr, m)),
            ("year", &m.year.to_string()),
        ],
    )
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

    /// The label of the tick at `x` months since the start, in the words of `tr`.
    pub fn label(&self, x: f64, tr: Tr) -> String {
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
            tf(
                tr,
                "{month} {yy}",
                &[
                    ("month", abbreviation(tr, m)),
                    ("yy", &format!("{:02}", m.year % 100)),
                ],
            )
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
        (style.tr)(text),
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
    let width = (glyphs(text) * px * 0.56).ceil() as i32;
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
        assert_eq!(axis.label(10.0, crate::style::identity), "2027");
        let narrow = MonthAxis::new(&five_years, 90.0);
        assert_eq!(narrow.ticks, vec![10.0, 46.0]);

        let one_year: Vec<YearMonth> = (0..12).map(|i| ym(2026, 1).plus(i)).collect();
        let axis = MonthAxis::new(&one_year, 600.0);
        assert!(!axis.yearly);
        assert_eq!(axis.ticks, vec![0.0, 3.0, 6.0, 9.0]);
        assert_eq!(axis.label(3.0, crate::style::identity), "Apr 26");
        assert_eq!(MonthAxis::new(&[], 600.0).ticks, Vec::<f64>::new());
    }

    #[test]
    fn blend_mixes_towards_the_background() {
        let c = blend(RGBColor(255, 0, 0), RGBColor(255, 255, 255), 0.5);
        assert_eq!(c, RGBColor(255, 128, 128));
    }
}
