//! Revenue and cash margin per MW-year for each use of power: for every strategy, a row for its
//! mining megawatts and a row for its AI/HPC megawatts (where it has any), each with a revenue
//! bar and a margin bar. Margins can be negative; the axis always includes zero.
//!
//! # Usage
//! ```
//! use hashpivot_charts::{per_mw::PerMw, svg, ChartStyle};
//! use hashpivot_model::{projection::project, Scenario};
//! let p = project(&Scenario::default()).unwrap();
//! let data = PerMw::from_projection(&p);
//! assert_eq!(data.rows[0].label, "Pure mining · Mining");
//! let style = ChartStyle::light(640, 360);
//! let svg = svg::render(&style, |area| data.draw(area, &style)).unwrap();
//! assert!(svg.contains("USD per MW-year"));
//! ```

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use hashpivot_model::format;
use hashpivot_model::projection::Projection;

use crate::axes::{self, Frame, Ticked};
use crate::common::{self, tf};
use crate::legend::{self, Entry, Mark};
use crate::style::{identity, Tr};
use crate::{ChartError, ChartStyle};

/// What a row's megawatts do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PowerUse {
    /// Bitcoin mining.
    Mining,
    /// AI/HPC (colocation or GPU cloud).
    Hpc,
}

impl PowerUse {
    /// The name shown in labels.
    pub fn name(self) -> &'static str {
        match self {
            PowerUse::Mining => "Mining",
            PowerUse::Hpc => "AI/HPC",
        }
    }
}

/// One row: one strategy's one use of power.
#[derive(Debug, Clone, PartialEq)]
pub struct PerMwRow {
    /// Index of the strategy in the projection.
    pub strategy: usize,
    /// What the megawatts do.
    pub power_use: PowerUse,
    /// `Strategy · Mining` or `Strategy · AI/HPC`.
    pub label: String,
    /// The strategy's name.
    pub name: String,
    /// Revenue per MW-year, USD.
    pub revenue_usd: f64,
    /// Cash margin per MW-year, USD (may be negative).
    pub margin_usd: f64,
}

/// Everything the per-MW chart shows, computed from the projection.
#[derive(Debug, Clone, PartialEq)]
pub struct PerMw {
    /// The rows, top to bottom: each strategy's mining row, then its AI/HPC row.
    pub rows: Vec<PerMwRow>,
    /// The figures' range, USD per MW-year; always includes zero. The drawn axis adds room for
    /// the value labels beyond it.
    pub x_range: (f64, f64),
}

/// Room left beyond the longest bar for its value label, CSS pixels.
const LABEL_ROOM: f64 = 48.0;

impl PerMw {
    /// Builds the chart data from a projection; uses with no figure (`None`) are left out.
    pub fn from_projection(p: &Projection) -> Self {
        let mut rows = Vec::new();
        for (i, s) in p.strategies.iter().enumerate() {
            let sm = &s.summary;
            for (power_use, revenue, margin) in [
                (
                    PowerUse::Mining,
                    sm.mining_revenue_per_mw_year_usd,
                    sm.mining_margin_per_mw_year_usd,
                ),
                (
                    PowerUse::Hpc,
                    sm.hpc_revenue_per_mw_year_usd,
                    sm.hpc_margin_per_mw_year_usd,
                ),
            ] {
                if revenue.is_none() && margin.is_none() {
                    continue;
                }
                rows.push(PerMwRow {
                    strategy: i,
                    power_use,
                    label: row_label(identity, &s.name, power_use),
                    name: s.name.clone(),
                    revenue_usd: common::finite_or_zero(revenue.unwrap_or(0.0)),
                    margin_usd: common::finite_or_zero(margin.unwrap_or(0.0)),
                });
            }
        }
        let x_range = common::padded(
            common::with_zero(common::extent(
                rows.iter().flat_map(|r| [r.revenue_usd, r.margin_usd]),
            )),
            0.0,
            common::USD_MIN_PAD,
        );
        PerMw { rows, x_range }
    }

    /// Chart title.
    pub fn title(&self) -> String {
        self.title_in(identity)
    }

    /// Chart title in the words of `tr`.
    pub fn title_in(&self, tr: Tr) -> String {
        tr("Revenue and margin per MW-year").into()
    }

    /// A short description of what the chart shows, for screen readers.
    pub fn alt_text(&self) -> String {
        self.alt_text_in(identity)
    }

    /// [`PerMw::alt_text`] in the words of `tr`.
    pub fn alt_text_in(&self, tr: Tr) -> String {
        if self.rows.is_empty() {
            return tr("Bar chart of revenue and cash margin per MW-year: no figures to show.")
                .into();
        }
        let mut out: String =
            tr("Bar chart of revenue and cash margin per MW-year for each use of power.").into();
        for r in &self.rows {
            out.push(' ');
            out.push_str(&tf(
                tr,
                "{label}: revenue {revenue}, margin {margin}.",
                &[
                    ("label", &row_label(tr, &r.name, r.power_use)),
                    ("revenue", &format::usd_compact(r.revenue_usd)),
                    ("margin", &format::usd_compact(r.margin_usd)),
                ],
            ));
        }
        out
    }

    /// The revenue bars' colour: a neutral grey between the text and the background.
    pub fn revenue_color(style: &ChartStyle) -> RGBColor {
        common::blend(style.text, style.background, 0.45)
    }

    /// Draws the chart on any plotters backend.
    pub fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        style: &ChartStyle,
    ) -> Result<(), ChartError>
    where
        DB::ErrorType: 'static,
    {
        root.fill(&style.background)?;
        let tr = style.tr;
        let titled = common::titled(root, &self.title_in(tr), style)?;
        if self.rows.is_empty() {
            return common::message(&titled, style, "No per-MW figures to show");
        }
        let revenue_color = Self::revenue_color(style);
        let mut entries = vec![Entry {
            label: tr("Revenue").into(),
            color: revenue_color,
            mark: Mark::Block,
        }];
        for (power_use, color) in [(PowerUse::Mining, style.mining), (PowerUse::Hpc, style.hpc)] {
            if self.rows.iter().any(|r| r.power_use == power_use) {
                entries.push(Entry {
                    label: tf(tr, "Margin, {use}", &[("use", tr(power_use.name()))]),
                    color,
                    mark: Mark::Block,
                });
            }
        }
        let plot = legend::draw_above(&titled, &entries, style)?;

        // Widen the axis so a value label fits beyond the longest bar on each side with bars.
        let (lo, hi) = self.x_range;
        let plot_w = plot.dim_in_pixel().0 as f64 - style.px(32.0) as f64;
        let room = (style.px(LABEL_ROOM) as f64 / plot_w.max(1.0)).clamp(0.0, 0.3);
        let sides = (lo < 0.0) as u8 as f64 + (hi > 0.0) as u8 as f64;
        let pad = (hi - lo) * room / (1.0 - sides * room);
        let x_range = (
            if lo < 0.0 { lo - pad } else { lo },
            if hi > 0.0 { hi + pad } else { hi },
        );

        let n = self.rows.len() as f64;
        let chart = axes::frame(
            &plot,
            Frame {
                x: Ticked::numeric(x_range, 5),
                y: Ticked::new((0.0, n), vec![]),
                margin: [12.0, 20.0, 8.0],
                label_area: [40.0, 0.0],
                font: [11.0, 12.0],
                desc: [Some(tr("USD per MW-year")), None],
                label: [&axes::usd_label, &axes::no_label],
                grid: true,
            },
            style,
        )?;

        let value_font = common::font(style, 10.0);
        let gap = style.px(4.0) as i32;
        // The zero line first: the labels' boxes cover it where they cross.
        chart.line(
            &[(0.0, 0.0), (0.0, n)],
            style.text.stroke_width(style.px(1.0)),
        )?;
        for (k, row) in self.rows.iter().enumerate() {
            // Row k fills [n - k - 1, n - k] from the top: label, revenue bar, margin bar.
            let top = n - k as f64;
            let margin_color = match row.power_use {
                PowerUse::Mining => style.mining,
                PowerUse::Hpc => style.hpc,
            };
            let label = row_label(tr, &row.name, row.power_use);
            common::boxed_label(&chart, (x_range.0, top - 0.2), &label, 11.0, style)?;
            for (value, color, y0, y1) in [
                (row.revenue_usd, revenue_color, top - 0.36, top - 0.62),
                (row.margin_usd, margin_color, top - 0.64, top - 0.9),
            ] {
                chart.rect((0.0, y0), (value, y1), color)?;
                let (dx, anchor) = if value < 0.0 {
                    (-gap, HPos::Right)
                } else {
                    (gap, HPos::Left)
                };
                chart.text(
                    (value, (y0 + y1) / 2.0),
                    (dx, 0),
                    &format::usd_compact(value),
                    &value_font.pos(Pos::new(anchor, VPos::Center)),
                )?;
            }
        }
        Ok(())
    }
}

/// `Strategy · Mining` in the words of `tr`.
fn row_label(tr: Tr, name: &str, power_use: PowerUse) -> String {
    format!("{} · {}", tr(name), tr(power_use.name()))
}
