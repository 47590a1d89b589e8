//! Revenue mix over time: one small panel per strategy, each a stacked area of monthly mining
//! revenue (bottom) and AI/HPC revenue (top) in USD M a month, on one scale shared by all panels
//! so their heights compare.
//!
//! Revenue is a flow over the month, so each month is drawn as a flat step from its start to
//! its end.
//!
//! # Usage
//! ```
//! use hashpivot_charts::{revenue_mix::RevenueMix, svg, ChartStyle};
//! use hashpivot_model::{projection::project, Scenario};
//! let p = project(&Scenario::default()).unwrap();
//! let data = RevenueMix::from_projection(&p);
//! assert_eq!(data.panels.len(), p.strategies.len());
//! let style = ChartStyle::light(720, 420);
//! let svg = svg::render(&style, |area| data.draw(area, &style)).unwrap();
//! assert!(svg.contains("Pure mining"));
//! assert!(data.alt_text().contains("Pure mining"));
//! ```

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use hashpivot_model::calendar::YearMonth;
use hashpivot_model::format;
use hashpivot_model::projection::Projection;

use crate::axes::{self, Frame, Ticked};
use crate::common::{self, tf, MonthAxis};
use crate::legend::{self, Entry, Mark};
use crate::style::{identity, Tr};
use crate::{ChartError, ChartStyle};

/// Width of one panel in CSS pixels: as many panels per row as fit, at most [`MAX_COLUMNS`].
pub const PANEL_WIDTH: u32 = 260;
/// Most panels side by side.
pub const MAX_COLUMNS: usize = 3;

/// Everything the revenue-mix chart shows, computed from the projection.
#[derive(Debug, Clone, PartialEq)]
pub struct RevenueMix {
    /// The months, in order (those of the strategy with the most months).
    pub months: Vec<YearMonth>,
    /// One panel per strategy, in the projection's order.
    pub panels: Vec<RevenuePanel>,
    /// Top of the revenue axis shared by every panel, USD M a month.
    pub y_max: f64,
}

/// One strategy's monthly revenue by source.
#[derive(Debug, Clone, PartialEq)]
pub struct RevenuePanel {
    /// The strategy's name, the panel's caption.
    pub name: String,
    /// Mining revenue each month, USD M (values that are not finite, or negative, count as 0).
    pub mining_musd: Vec<f64>,
    /// AI/HPC revenue each month, USD M (values that are not finite, or negative, count as 0).
    pub hpc_musd: Vec<f64>,
}

impl RevenuePanel {
    /// Total mining and AI/HPC revenue over the horizon, USD.
    pub fn totals_usd(&self) -> (f64, f64) {
        (
            self.mining_musd.iter().sum::<f64>() * 1e6,
            self.hpc_musd.iter().sum::<f64>() * 1e6,
        )
    }
}

impl RevenueMix {
    /// Builds the chart data from a projection.
    pub fn from_projection(p: &Projection) -> Self {
        let clean = |v: f64| common::finite_or_zero(v).max(0.0) / 1e6;
        let panels: Vec<RevenuePanel> = p
            .strategies
            .iter()
            .map(|s| RevenuePanel {
                name: s.name.clone(),
                mining_musd: s
                    .months
                    .iter()
                    .map(|m| clean(m.mining_revenue_usd))
                    .collect(),
                hpc_musd: s.months.iter().map(|m| clean(m.hpc_revenue_usd)).collect(),
            })
            .collect();
        let months = p
            .strategies
            .iter()
            .max_by_key(|s| s.months.len())
            .map(|s| s.months.iter().map(|m| m.month).collect())
            .unwrap_or_default();
        let top = panels
            .iter()
            .flat_map(|p| p.mining_musd.iter().zip(&p.hpc_musd).map(|(m, h)| m + h))
            .fold(0.0_f64, f64::max);
        let y_max = if top.is_finite() && top > 0.0 {
            top * 1.08
        } else {
            1.0
        };
        RevenueMix {
            months,
            panels,
            y_max,
        }
    }

    /// Panels per row and rows of panels on a chart `width` CSS pixels wide.
    pub fn grid(&self, width: u32) -> (usize, usize) {
        let n = self.panels.len().max(1);
        let columns = ((width / PANEL_WIDTH) as usize)
            .clamp(1, MAX_COLUMNS)
            .min(n);
        (columns, n.div_ceil(columns))
    }

    /// Chart title.
    pub fn title(&self) -> String {
        self.title_in(identity)
    }

    /// Chart title in the words of `tr`.
    pub fn title_in(&self, tr: Tr) -> String {
        tr("Monthly revenue by source").into()
    }

    /// A short description of what the chart shows, for screen readers.
    pub fn alt_text(&self) -> String {
        self.alt_text_in(identity)
    }

    /// [`RevenueMix::alt_text`] in the words of `tr`.
    pub fn alt_text_in(&self, tr: Tr) -> String {
        if self.panels.is_empty() || self.months.is_empty() {
            return tr("Stacked area charts of monthly revenue: no strategies or months to show.")
                .into();
        }
        let mut out = tf(
            tr,
            "Stacked area charts of monthly revenue, mining below and AI/HPC above, one per strategy, {from} to {to}.",
            &[
                ("from", &common::month_name(tr, self.months[0])),
                ("to", &common::month_name(tr, self.months[self.months.len() - 1])),
            ],
        );
        for p in &self.panels {
            let (mining, hpc) = p.totals_usd();
            let total = mining + hpc;
            let split = if hpc <= 0.0 && mining > 0.0 {
                tr(", all from mining").into()
            } else if mining <= 0.0 && hpc > 0.0 {
                tr(", all from AI/HPC").into()
            } else if total > 0.0 {
                tf(
                    tr,
                    ", {mining}% mining and {hpc}% AI/HPC",
                    &[
                        ("mining", &format::fixed(mining / total * 100.0, 0)),
                        ("hpc", &format::fixed(hpc / total * 100.0, 0)),
                    ],
                )
            } else {
                String::new()
            };
            let start = match p.hpc_musd.iter().position(|v| *v > 0.0) {
                Some(first) if first > 0 => self.months.get(first).map(|m| {
                    tf(
                        tr,
                        "; AI/HPC revenue starts in {month}",
                        &[("month", &common::month_name(tr, *m))],
                    )
                }),
                _ => None,
            };
            out.push(' ');
            out.push_str(&tf(
                tr,
                "{name}: {total} in total{split}{start}.",
                &[
                    ("name", tr(&p.name)),
                    ("total", &format::usd_compact(total)),
                    ("split", &split),
                    ("start", start.as_deref().unwrap_or_default()),
                ],
            ));
        }
        out
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
        if self.panels.is_empty() || self.months.is_empty() {
            return common::message(&titled, style, "No revenue to show");
        }
        let plot = legend::draw_above(
            &titled,
            &[
                Entry {
                    label: tr("Mining").into(),
                    color: style.mining,
                    mark: Mark::Block,
                },
                Entry {
                    label: tr("AI/HPC").into(),
                    color: style.hpc,
                    mark: Mark::Block,
                },
            ],
            style,
        )?;
        let (columns, rows) = self.grid(style.width);
        // Too small to hold a panel (plotters' split would overflow on negative space).
        let (w, h) = plot.dim_in_pixel();
        if (w as usize) < 40 * columns || (h as usize) < 40 * rows {
            return Ok(());
        }
        let cells = plot.split_evenly((rows, columns));
        let axis = MonthAxis::new(&self.months, style.width as f64 / columns as f64 - 60.0);
        for (i, (panel, area)) in self.panels.iter().zip(&cells).enumerate() {
            let first_column = i % columns == 0;
            let bottom = i + columns >= self.panels.len();
            self.draw_panel(area, panel, &axis, first_column, bottom, style)?;
        }
        Ok(())
    }

    fn draw_panel<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        panel: &RevenuePanel,
        axis: &MonthAxis,
        first_column: bool,
        bottom: bool,
        style: &ChartStyle,
    ) -> Result<(), ChartError>
    where
        DB::ErrorType: 'static,
    {
        let n = self.months.len();
        let (x0, x1) = MonthAxis::range(n);
        // The caption, centred without measuring it (a measurement lays out the page in the
        // browser, and this chart has a caption per strategy).
        let caption_h = style.px(22.0);
        let (caption, area) = area.split_vertically(caption_h);
        caption.draw_text(
            (style.tr)(&panel.name),
            &common::font(style, 12.0).pos(Pos::new(HPos::Center, VPos::Center)),
            (caption.dim_in_pixel().0 as i32 / 2, caption_h as i32 / 2),
        )?;
        let decimals = if self.y_max >= 10.0 {
            0
        } else if self.y_max >= 1.0 {
            1
        } else {
            2
        };
        let x_label = |v: &f64| axis.label(*v, style.tr);
        let y_label = |v: &f64| format::fixed(*v, decimals);
        // The same label areas on every panel keep the plots aligned.
        let chart = axes::frame(
            &area,
            Frame {
                x: Ticked::new((x0, x1), axis.ticks.clone()),
                y: Ticked::numeric((0.0, self.y_max), 4),
                margin: [4.0, 12.0, 4.0],
                label_area: [36.0, 48.0],
                font: [10.0, 11.0],
                desc: [
                    bottom.then_some((style.tr)("Month")),
                    first_column.then_some((style.tr)("USD M / month")),
                ],
                label: [&x_label, &y_label],
                grid: true,
            },
            style,
        )?;

        // Stacked steps: mining from zero, AI/HPC from the mining top.
        let len = n.min(panel.mining_musd.len()).min(panel.hpc_musd.len());
        let mining = &panel.mining_musd[..len];
        let hpc = &panel.hpc_musd[..len];
        let steps = |values: &mut dyn Iterator<Item = (usize, f64)>| -> Vec<(f64, f64)> {
            values
                .flat_map(|(i, v)| [(i as f64, v), ((i + 1) as f64, v)])
                .collect()
        };
        if mining.iter().any(|v| *v > 0.0) {
            let mut points = vec![(0.0, 0.0)];
            points.extend(steps(&mut mining.iter().copied().enumerate()));
            points.push((len as f64, 0.0));
            chart.polygon(&points, style.mining.filled())?;
        }
        if hpc.iter().any(|v| *v > 0.0) {
            let mut points = steps(&mut mining.iter().zip(hpc).map(|(m, h)| m + h).enumerate());
            points.extend(
                steps(&mut mining.iter().copied().enumerate())
                    .into_iter()
                    .rev(),
            );
            chart.polygon(&points, style.hpc.filled())?;
        }
        Ok(())
    }
}
