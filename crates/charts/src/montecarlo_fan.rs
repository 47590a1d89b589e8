//! The Monte Carlo fan: cumulative free cash flow per strategy across the simulated paths, as a
//! light 5–95% band, a stronger 25–75% band and the median line, in the strategy's colour.
//!
//! # Usage
//! ```
//! use hashpivot_charts::{montecarlo_fan::MonteCarloFan, svg, ChartStyle};
//! use hashpivot_model::{montecarlo, Scenario};
//! let mut s = Scenario::default();
//! s.monte_carlo.paths = 100;
//! let r = montecarlo::run(&s).unwrap();
//! let names: Vec<String> = s.strategies.iter().map(|x| x.name.clone()).collect();
//! let data = MonteCarloFan::from_result(&r, &names);
//! assert!(data.alt_text().contains("100 simulated paths"));
//! let style = ChartStyle::light(640, 360);
//! let svg = svg::render(&style, |area| data.draw(area, &style)).unwrap();
//! assert!(svg.contains("bands: 5–95% and 25–75% of 100 paths"));
//! ```

use plotters::coord::Shift;
use plotters::prelude::*;

use hashpivot_model::calendar::YearMonth;
use hashpivot_model::format;
use hashpivot_model::montecarlo::MonteCarloResult;

use crate::axes::{self, Frame, Ticked};
use crate::common::{self, tf, MonthAxis};
use crate::legend::{self, Entry, Mark};
use crate::style::{identity, Tr};
use crate::{ChartError, ChartStyle};

/// Everything the fan chart shows, taken from a Monte Carlo result.
#[derive(Debug, Clone, PartialEq)]
pub struct MonteCarloFan {
    /// Paths simulated.
    pub paths: u32,
    /// The months, in order.
    pub months: Vec<YearMonth>,
    /// One fan per strategy, in the result's order.
    pub fans: Vec<Fan>,
    /// Cumulative FCF axis, USD; always includes zero.
    pub y_range: (f64, f64),
}

/// One strategy's cumulative-FCF percentiles, one value per month, USD.
#[derive(Debug, Clone, PartialEq)]
pub struct Fan {
    /// The strategy's name.
    pub name: String,
    /// 5th percentile.
    pub p5: Vec<f64>,
    /// 25th percentile.
    pub p25: Vec<f64>,
    /// Median.
    pub p50: Vec<f64>,
    /// 75th percentile.
    pub p75: Vec<f64>,
    /// 95th percentile.
    pub p95: Vec<f64>,
    /// Share of paths on which its NPV beats the first strategy's (none for the first).
    pub beats_first: Option<f64>,
}

impl MonteCarloFan {
    /// Builds the chart data from `r`; `names` are the strategies' names in the same order
    /// (a missing name reads "Strategy N"). Bands are cut to the months there are.
    pub fn from_result(r: &MonteCarloResult, names: &[String]) -> Self {
        let n = r.months.len();
        let cut = |v: &[f64]| v[..v.len().min(n)].to_vec();
        let fans: Vec<Fan> = r
            .bands
            .iter()
            .enumerate()
            .map(|(i, b)| Fan {
                name: names
                    .get(i)
                    .cloned()
                    .unwrap_or_else(|| format!("Strategy {}", i + 1)),
                p5: cut(&b.p5),
                p25: cut(&b.p25),
                p50: cut(&b.p50),
                p75: cut(&b.p75),
                p95: cut(&b.p95),
                beats_first: if i == 0 {
                    None
                } else {
                    r.beats_first.get(i).copied().filter(|v| v.is_finite())
                },
            })
            .collect();
        let y_range = common::padded(
            common::with_zero(common::extent(fans.iter().flat_map(|f| {
                [&f.p5, &f.p25, &f.p50, &f.p75, &f.p95]
                    .into_iter()
                    .flatten()
                    .copied()
            }))),
            0.06,
            common::USD_MIN_PAD,
        );
        MonteCarloFan {
            paths: r.paths,
            months: r.months.clone(),
            fans,
            y_range,
        }
    }

    /// Chart title.
    pub fn title(&self) -> String {
        self.title_in(identity)
    }

    /// Chart title in the words of `tr`.
    pub fn title_in(&self, tr: Tr) -> String {
        tr("Cash flow across simulated paths").into()
    }

    /// `n path(s)` after `one` or `many`, in the words of `tr`.
    fn paths_in(&self, tr: Tr, one: &str, many: &str) -> String {
        let template = if self.paths == 1 { one } else { many };
        tf(tr, template, &[("n", &format::plain(self.paths as f64))])
    }

    /// The legend's note on what the bands are.
    pub fn bands_note(&self) -> String {
        self.bands_note_in(identity)
    }

    /// [`MonteCarloFan::bands_note`] in the words of `tr`.
    pub fn bands_note_in(&self, tr: Tr) -> String {
        self.paths_in(
            tr,
            "bands: 5–95% and 25–75% of {n} path",
            "bands: 5–95% and 25–75% of {n} paths",
        )
    }

    /// A short description of what the chart shows, for screen readers.
    pub fn alt_text(&self) -> String {
        self.alt_text_in(identity)
    }

    /// [`MonteCarloFan::alt_text`] in the words of `tr`.
    pub fn alt_text_in(&self, tr: Tr) -> String {
        let paths = self.paths_in(tr, "{n} simulated path", "{n} simulated paths");
        let paths = [("paths", paths.as_str())];
        let Some(last) = self.months.last() else {
            return tf(
                tr,
                "Fan chart of cumulative free cash flow over {paths}: no months.",
                &paths,
            );
        };
        if self.fans.is_empty() {
            return tf(
                tr,
                "Fan chart of cumulative free cash flow over {paths}: no strategies.",
                &paths,
            );
        }
        let mut out = tf(
            tr,
            "Fan chart of cumulative free cash flow over {paths}. By {month}:",
            &[paths[0], ("month", &common::month_name(tr, *last))],
        );
        let first_name = tr(&self.fans[0].name);
        for f in &self.fans {
            let name = tr(&f.name);
            out.push(' ');
            let (Some(p5), Some(p50), Some(p95)) = (f.p5.last(), f.p50.last(), f.p95.last()) else {
                out.push_str(&tf(tr, "{name}: no figures.", &[("name", name)]));
                continue;
            };
            let beats = f.beats_first.map(|share| {
                tf(
                    tr,
                    "; its NPV beats {first}'s on {share}% of paths",
                    &[
                        ("first", first_name),
                        ("share", &format::fixed(share * 100.0, 0)),
                    ],
                )
            });
            out.push_str(&tf(
                tr,
                "{name}: median {median}, 90% of paths between {low} and {high}{beats}.",
                &[
                    ("name", name),
                    ("median", &format::usd_compact(*p50)),
                    ("low", &format::usd_compact(*p5)),
                    ("high", &format::usd_compact(*p95)),
                    ("beats", beats.as_deref().unwrap_or_default()),
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
        if self.fans.is_empty() || self.months.is_empty() {
            return common::message(&titled, style, "No simulation to show");
        }
        let mut entries = legend::series(self.fans.iter().map(|x| x.name.as_str()), style);
        entries.push(Entry {
            label: self.bands_note_in(style.tr),
            color: common::blend(style.text, style.background, 0.3),
            mark: Mark::Block,
        });
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

        // Outer bands under inner bands under medians, so no strategy's median is hidden.
        let (outer_opacity, inner_opacity) = if common::dark_background(style) {
            (0.24, 0.45)
        } else {
            (0.16, 0.32)
        };
        let (x0, x1) = MonthAxis::range(n);
        chart.line(
            &[(x0, 0.0), (x1, 0.0)],
            style.text.stroke_width(style.px(1.0)),
        )?;
        for (inner, opacity) in [(false, outer_opacity), (true, inner_opacity)] {
            for (i, f) in self.fans.iter().enumerate() {
                let fill = style.series_color(i).mix(opacity).filled();
                let (lower, upper) = if inner {
                    (&f.p25, &f.p75)
                } else {
                    (&f.p5, &f.p95)
                };
                for band in band_polygons(lower, upper) {
                    chart.polygon(&band, fill)?;
                }
            }
        }
        for (i, f) in self.fans.iter().enumerate() {
            let points = common::cumulative_points(&f.p50);
            for segment in common::finite_segments(&points) {
                chart.line(segment, style.series_color(i).stroke_width(style.px(2.0)))?;
            }
        }
        Ok(())
    }
}

/// Polygons between `lower` and `upper` (after the zero start), one per stretch where both are
/// finite: along the top forwards, back along the bottom.
fn band_polygons(lower: &[f64], upper: &[f64]) -> Vec<Vec<(f64, f64)>> {
    let lo = common::cumulative_points(lower);
    let hi = common::cumulative_points(upper);
    let len = lo.len().min(hi.len());
    let ok = |i: usize| lo[i].1.is_finite() && hi[i].1.is_finite();
    let mut out = Vec::new();
    let mut start = 0;
    while start < len {
        if !ok(start) {
            start += 1;
            continue;
        }
        let mut end = start;
        while end < len && ok(end) {
            end += 1;
        }
        if end - start > 1 {
            let mut polygon: Vec<(f64, f64)> = hi[start..end].to_vec();
            polygon.extend(lo[start..end].iter().rev());
            out.push(polygon);
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_split_where_values_are_not_finite() {
        let lower = [1.0, f64::NAN, 1.0, 2.0];
        let upper = [2.0, 3.0, 3.0, 4.0];
        let polygons = band_polygons(&lower, &upper);
        // (0,0)-(1,·) before the gap; (3,·)-(4,·) after it.
        assert_eq!(polygons.len(), 2);
        assert_eq!(polygons[0].len(), 4);
        assert_eq!(polygons[1].len(), 4);
        assert!(band_polygons(&[], &[]).is_empty());
    }
}
