//! A legend laid out above the plot, wrapping onto more rows on narrow charts, so it never
//! covers the data (plotters' in-plot series labels do on a phone).
//!
//! Label widths are estimated ([`crate::common::text_size`]), not measured in the page.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::{common, ChartError, ChartStyle};

/// How an entry's swatch looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A short line, for line series.
    Line,
    /// A dot, for points.
    Dot,
    /// A filled square, for areas and bars.
    Block,
}

/// One legend entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Text shown after the swatch.
    pub label: String,
    /// Swatch colour.
    pub color: RGBColor,
    /// Swatch shape.
    pub mark: Mark,
}

/// One line entry per strategy, in the series colours, in order (names in the style's words).
pub fn series<'a>(names: impl IntoIterator<Item = &'a str>, style: &ChartStyle) -> Vec<Entry> {
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| Entry {
            label: (style.tr)(name).to_owned(),
            color: style.series_color(i),
            mark: Mark::Line,
        })
        .collect()
}

/// Draws `entries` at the top of `area` and returns the area left below for the plot.
pub fn draw_above<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[Entry],
    style: &ChartStyle,
) -> Result<DrawingArea<DB, Shift>, ChartError>
where
    DB::ErrorType: 'static,
{
    let size = style.font(11.0);
    let font = crate::common::font(style, 11.0);
    let text_style = font.pos(Pos::new(HPos::Left, VPos::Center));
    let swatch = style.px(16.0) as i32;
    let gap = style.px(6.0) as i32;
    let spacing = style.px(16.0) as i32;
    let row_height = style.px(18.0) as i32;
    let pad = style.px(12.0) as i32;
    let width = area.dim_in_pixel().0 as i32 - 2 * pad;

    // Lay out: (x, row) for each entry, wrapping when the next would cross the right edge.
    let mut placed = Vec::with_capacity(entries.len());
    let (mut x, mut row) = (0, 0);
    for entry in entries {
        let (text_w, _) = common::text_size(&entry.label, size);
        let w = swatch + gap + text_w as i32;
        if x > 0 && x + w > width {
            x = 0;
            row += 1;
        }
        placed.push((x, row));
        x += w + spacing;
    }
    let rows = if entries.is_empty() { 0 } else { row + 1 };
    // Never below the bottom: on a tiny canvas the rest is empty, not inverted.
    let height = area.dim_in_pixel().1 as i32;
    let (legend, rest) = area.split_vertically((rows * row_height + gap).min(height));

    for (entry, (x, row)) in entries.iter().zip(placed) {
        let left = pad + x;
        let mid = row * row_height + row_height / 2;
        match entry.mark {
            Mark::Line => legend.draw(&PathElement::new(
                vec![(left, mid), (left + swatch, mid)],
                entry.color.stroke_width(style.px(2.0)),
            ))?,
            Mark::Dot => legend.draw(&Circle::new(
                (left + swatch / 2, mid),
                (swatch / 4) as u32,
                entry.color.filled(),
            ))?,
            Mark::Block => legend.draw(&Rectangle::new(
                [
                    (left + 2, mid - swatch / 3),
                    (left + swatch - 2, mid + swatch / 3),
                ],
                entry.color.filled(),
            ))?,
        }
        legend.draw_text(&entry.label, &text_style, (left + swatch + gap, mid))?;
    }
    Ok(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_used(width: u32, entries: &[Entry]) -> u32 {
        let style = ChartStyle::light(width, 200);
        let mut out = String::new();
        let root = SVGBackend::with_string(&mut out, style.pixel_size()).into_drawing_area();
        let rest = draw_above(&root, entries, &style).unwrap();
        (200 - rest.dim_in_pixel().1) / style.px(18.0)
    }

    fn entries(n: usize) -> Vec<Entry> {
        (0..n)
            .map(|i| Entry {
                label: format!("Series number {i} with a long name"),
                color: RGBColor(0, 0, 0),
                mark: Mark::Line,
            })
            .collect()
    }

    #[test]
    fn wraps_onto_more_rows_when_narrow() {
        let wide = rows_used(1400, &entries(3));
        let narrow = rows_used(320, &entries(3));
        assert_eq!(wide, 1);
        assert!(narrow >= 3, "{narrow}");
    }

    #[test]
    fn no_entries_take_no_room() {
        assert_eq!(rows_used(640, &[]), 0);
    }
}
