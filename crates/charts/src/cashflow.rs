//! Cumulative free cash flow per strategy, one line each, with a zero line and a dot at each
//! strategy's payback month (the first month from which cumulative FCF stays at or above zero).
//!
//! Each value is the cumulative FCF at the end of its month; every line starts at zero at the
//! start of the first month.
//!
//! # Usage
//! ```
//! use hashpivot_charts::{cashflow::Cashflow, svg, ChartStyle};
//! use hashpivot_model::{projection::project, Scenario};
//! let p = project(&Scenario::default()).unwrap();
//! let data = Cashflow::from_projection(&p);
//! assert_eq!(data.lines.len(), p.strategies.len());
//! let style = ChartStyle::dark(640, 360);
//! let svg = svg::render(&style, |area| data.draw(area, &style)).unwrap();
//! assert!(svg.contains("Cumulative free cash flow (USD)"));
//! assert!(data.alt_text().contains("Pure mining"));
//! ```

use plotters::coord::Shift;
use plotters::prelude::*;

use hashpivot_model::calendar::YearMonth;
use hashpivot_model::format;
use hashpivot_model::projection::Projection;

use crate::axes::{self, Frame, Ticked};
use crate::common::{self, tf, MonthAxis};
use crate::legend::{self, Entry, Mark};
use crate::style::{identity, Tr};
use crate::{ChartError, ChartStyle};

/// Everything the cash-flow chart shows, computed from the projection.
#[derive(Debug, Clone, PartialEq)]
pub struct Cashflow {
    /// The months, in order (those of the strategy with the most months).
    pub months: Vec<YearMonth>,
    /// One line per strategy, in the projection's order.
    pub lines: Vec<CashflowLine>,
    /// Cumulative FCF axis, USD; always includes zero.
    pub y_range: (f64, f64),
}

/// One strategy's cumulative free cash flow.
#[derive(Debug, Clone, PartialEq)]
pub struct CashflowLine {
    /// The strategy's name.
    pub name: String,
    /// Cumulative FCF at the end of each month, USD.
    pub cumulative_usd: Vec<f64>,
    /// The payback month and its index in the months, when the strategy pays back within them.
    pub payback: Option<(usize, YearMonth)>,
}

impl CashflowLine {
    /// Cumulative FCF at the horizon (the last month), USD.
    pub fn final_usd(&self) -> Option<f64> {
        self.cumulative_usd.last().copied()
    }

    /// The lowest cumulative FCF (the most cash the strategy ever needs) and its month index.
    pub fn trough(&self) -> Option<(usize, f64)> {
        self.cumulative_usd
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, v)| v.is_finite())
            .fold(None, |acc: Option<(usize, f64)>, (i, v)| match acc {
                Some((_, low)) if low <= v => acc,
                _ => Some((i, v)),
            })
    }
}

impl Cashflow {
    /// Builds the chart data from a projection.
    pub fn from_projection(p: &Projection) -> Self {
        let lines: Vec<CashflowLine> = p
            .strategies
            .iter()
            .map(|s| CashflowLine {
                name: s.name.clone(),
                cumulative_usd: s.months.iter().map(|m| m.cumulative_fcf_usd).collect(),
                payback: s
                    .payback_month
                    .and_then(|pm| s.months.iter().position(|m| m.month == pm).map(|i| (i, pm))),
            })
            .collect();
        let months = p
            .strategies
            .iter()
            .max_by_key(|s| s.months.len())
            .map(|s| s.months.iter().map(|m| m.month).collect())
            .unwrap_or_default();
        let y_range = common::padded(
            common::with_zero(common::extent(
                lines.iter().flat_map(|l| l.cumulative_usd.iter().copied()),
            )),
            0.06,
            common::USD_MIN_PAD,
        );
        Cashflow {
            months,
            lines,
            y_range,
        }
    }

    /// Chart title.
    pub fn title(&self) -> String {
        self.title_in(identity)
    }

    /// Chart title in the words of `tr`.
    pub fn title_in(&self, tr: Tr) -> String {
        tr("Cumulative free cash flow").into()
    }

    /// A short description of what the chart shows, for screen readers.
    pub fn alt_text(&self) -> String {
        self.alt_text_in(identity)
    }

    /// [`Cashflow::alt_text`] in the words of `tr`.
    pub fn alt_text_in(&self, tr: Tr) -> String {
        let (Some(first), Some(last)) = (self.months.first(), self.months.last()) else {
            return tr("Line chart of cumulative free cash flow: no months to show.").into();
        };
        if self.lines.is_empty() {
            return tr("Line chart of cumulative free cash flow: no strategies to show.").into();
        }
        let last_name = common::month_name(tr, *last);
        let mut out = tf(
            tr,
            "Line chart of cumulative free cash flow per strategy, {from} to {to}.",
            &[
                ("from", &common::month_name(tr, *first)),
                ("to", &last_name),
            ],
        );
        for line in &self.lines {
            let name = tr(&line.name);
            out.push(' ');
            let Some(end) = line.final_usd() else {
                out.push_str(&tf(tr, "{name}: no months.", &[("name", name)]));
                continue;
            };
            let mut lowest = String::new();
            if let Some((i, low)) = line.trough() {
                if low < 0.0 && i + 1 < line.cumulative_usd.len() {
                    if let Some(m) = self.months.get(i) {
                        lowest = tf(
                            tr,
                            ", lowest {value} in {month}",
                            &[
                                ("value", &format::usd_compact(low)),
                                ("month", &common::month_name(tr, *m)),
                            ],
                        );
                    }
                }
            }
            let payback = match line.payback {
                Some((_, m)) => tf(
                    tr,
                    ", pays back in {month}.",
                    &[("month", &common::month_name(tr, m))],
                ),
                None => tr(", does not pay back.").into(),
            };
            out.push_str(&tf(
                tr,
                "{name}: {value} by {month}{lowest}{payback}",
                &[
                    ("name", name),
                    ("value", &format::usd_compact(end)),
                    ("month", &last_name),
                    ("lowest", &lowest),
                    ("payback", &payback),
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
        let titled = common::titled(root, &self.title_in(style.tr), style)?;
        if self.lines.is_empty() || self.months.is_empty() {
            return common::message(&titled, style, "No cash flow to show");
        }
        let mut entries = legend::series(self.lines.iter().map(|x| x.name.as_str()), style);
        if self.lines.iter().any(|l| l.payback.is_some()) {
            entries.push(Entry {
                label: (style.tr)("Payback month").into(),
                color: style.text,
                mark: Mark::Dot,
            });
        }
        let plot = legend::draw_above(&titled, &entries, style)?;

        let n = self.months.len();
        let axis = MonthAxis::new(&self.months, style.width as f64 - 100.0);
        let x_label = |v: &f64| axis.label(*v, style.tr);
        let chart = axes::frame(
            &plot,
            Frame {
                x: Ticked::new(MonthAxis::range(n), axis.ticks.clone()),
                y: Ticked::numeric(self.y_range, 6),
                margin: [8.0, 20.0, 8.0],
                label_area: [40.0, 64.0],
                font: [11.0, 12.0],
                desc: [
                    Some((style.tr)("Month")),
                    Some((style.tr)("Cumulative free cash flow (USD)")),
                ],
                label: [&x_label, &axes::usd_label],
                grid: true,
            },
            style,
        )?;

        let (x0, x1) = MonthAxis::range(n);
        chart.line(
            &[(x0, 0.0), (x1, 0.0)],
            style.text.stroke_width(style.px(1.0)),
        )?;
        for (i, line) in self.lines.iter().enumerate() {
            let color = style.series_color(i);
            let points = common::cumulative_points(&line.cumulative_usd);
            for segment in common::finite_segments(&points) {
                chart.line(segment, color.stroke_width(style.px(2.0)))?;
            }
        }
        // Dots last, so no line covers them; ringed in the background colour to stand out.
        for (i, line) in self.lines.iter().enumerate() {
            let Some((at, _)) = line.payback else {
                continue;
            };
            let Some(value) = line.cumulative_usd.get(at).copied() else {
                continue;
            };
            if !value.is_finite() {
                continue;
            }
            let point = ((at + 1) as f64, value);
            chart.circle(point, style.px(5.5), style.background.filled())?;
            chart.circle(point, style.px(4.0), style.series_color(i).filled())?;
        }
        Ok(())
    }
}
