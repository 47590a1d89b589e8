//! The decision map as a heat map: over BTC price (x) and power price (y), each region in the
//! colour of the strategy with the highest NPV there, the line where the second strategy (the
//! pivot) ties the first (pure mining), and today's point ringed.
//!
//! Cells are not painted one by one: runs of equal winners along a row become one rectangle,
//! and a rectangle carries on down the rows while the run below is the same, so a map of
//! thousands of cells paints with a handful of rectangles.
//!
//! # Usage
//! ```
//! use hashpivot_charts::{decision_map::DecisionMapChart, svg, ChartStyle};
//! use hashpivot_model::{decision_map, Scenario};
//! let s = Scenario::default();
//! let m = decision_map::run(&s, 32, 32).unwrap();
//! let names: Vec<String> = s.strategies.iter().map(|x| x.name.clone()).collect();
//! let data = DecisionMapChart::from_map(&m, &names, (s.network.btc_price_usd, s.site.power_usd_mwh));
//! assert!(data.rects.len() < 32 * 32);
//! let style = ChartStyle::light(640, 400);
//! let svg = svg::render(&style, |area| data.draw(area, &style)).unwrap();
//! assert!(svg.contains("Power price (USD/MWh)"));
//! ```

use plotters::coord::Shift;
use plotters::prelude::*;

use hashpivot_model::decision_map::DecisionMap;
use hashpivot_model::format;

use crate::axes::{self, Frame, Ticked};
use crate::common::{self, tf};
use crate::legend::{self, Entry, Mark};
use crate::style::{identity, Tr};
use crate::{ChartError, ChartStyle};

/// How strongly a winner's colour shows over the background (opaque, pre-blended).
const FILL_STRENGTH: f64 = 0.6;

/// Everything the decision map shows, computed from the model's map.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionMapChart {
    /// The strategies' names, one per strategy that appears (a missing name reads "Strategy N").
    pub names: Vec<String>,
    /// The regions, each one rectangle in (BTC price USD, power price USD/MWh).
    pub rects: Vec<WinRect>,
    /// Where the second strategy ties the first: (BTC price, power price), by power price.
    pub tie: Vec<(f64, f64)>,
    /// Today's (BTC price USD, power price USD/MWh).
    pub current: (f64, f64),
    /// The strategy that wins at the grid point nearest today, if today is on the map.
    pub current_winner: Option<usize>,
    /// Share of the map's cells each strategy wins, by strategy index (0..=1).
    pub shares: Vec<f64>,
    /// BTC price axis, USD: the grid's first to last price.
    pub x_range: (f64, f64),
    /// Power price axis, USD/MWh: the grid's first to last price.
    pub y_range: (f64, f64),
    /// Cells in the map.
    pub cells: usize,
}

/// A rectangle of cells that one strategy wins.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WinRect {
    /// The winning strategy.
    pub winner: usize,
    /// BTC price from and to, USD.
    pub x: (f64, f64),
    /// Power price from and to, USD/MWh.
    pub y: (f64, f64),
}

/// Cell edges around grid points (each point is its cell's centre; the outer cells end at the
/// first and last point, so the map spans exactly the grid).
fn edges(points: &[f64]) -> Vec<f64> {
    let mut out = Vec::with_capacity(points.len() + 1);
    match points {
        [] => {}
        [only] => {
            let (lo, hi) = common::padded(Some((*only, *only)), 0.0, 1.0);
            out.extend([lo, hi]);
        }
        [first, .., last] => {
            out.push(*first);
            out.extend(points.windows(2).map(|w| (w[0] + w[1]) / 2.0));
            out.push(*last);
        }
    }
    out
}

/// Index of the edge interval holding `v`, if any.
fn cell_of(edges: &[f64], v: f64) -> Option<usize> {
    if !v.is_finite() {
        return None;
    }
    edges.windows(2).position(|w| {
        let (lo, hi) = (w[0].min(w[1]), w[0].max(w[1]));
        lo <= v && v <= hi
    })
}

impl DecisionMapChart {
    /// Builds the chart data from `m`; `names` are the strategies' names in order and
    /// `current` is today's (BTC price USD, power price USD/MWh).
    pub fn from_map(m: &DecisionMap, names: &[String], current: (f64, f64)) -> Self {
        let columns = m.btc_prices.len();
        let rows = m
            .winner
            .len()
            .checked_div(columns)
            .map_or(0, |r| r.min(m.power_prices.len()));
        let finite = m.btc_prices.iter().all(|v| v.is_finite())
            && m.power_prices.iter().all(|v| v.is_finite());
        let (xs, ys) = if finite && rows > 0 {
            (edges(&m.btc_prices), edges(&m.power_prices[..rows]))
        } else {
            (Vec::new(), Vec::new())
        };
        let cells = if xs.is_empty() { 0 } else { columns * rows };

        // Runs along each row; a run identical to one in the row below extends its rectangle.
        let mut rects: Vec<WinRect> = Vec::new();
        let mut open: Vec<(usize, usize, u8, usize)> = Vec::new();
        let mut counts: Vec<usize> = Vec::new();
        for row in 0..if cells > 0 { rows } else { 0 } {
            let line = &m.winner[row * columns..(row + 1) * columns];
            let mut next_open = Vec::new();
            let mut start = 0;
            while start < columns {
                let w = line[start];
                let mut end = start + 1;
                while end < columns && line[end] == w {
                    end += 1;
                }
                let winner = w as usize;
                if counts.len() <= winner {
                    counts.resize(winner + 1, 0);
                }
                counts[winner] += end - start;
                let below = open
                    .iter()
                    .find(|o| o.0 == start && o.1 == end && o.2 == w)
                    .map(|o| o.3);
                let index = match below {
                    Some(index) => {
                        rects[index].y.1 = ys[row + 1];
                        index
                    }
                    None => {
                        rects.push(WinRect {
                            winner,
                            x: (xs[start], xs[end]),
                            y: (ys[row], ys[row + 1]),
                        });
                        rects.len() - 1
                    }
                };
                next_open.push((start, end, w, index));
                start = end;
            }
            open = next_open;
        }
        let shares = counts
            .iter()
            .map(|c| *c as f64 / cells.max(1) as f64)
            .collect();

        let current_winner = match (cell_of(&xs, current.0), cell_of(&ys, current.1)) {
            (Some(c), Some(r)) if cells > 0 => m.winner.get(r * columns + c).map(|w| *w as usize),
            _ => None,
        };
        let strategies = names
            .len()
            .max(counts.len())
            .max(m.npv.len())
            .max(current_winner.map_or(0, |w| w + 1));
        let names = (0..strategies)
            .map(|i| {
                names
                    .get(i)
                    .cloned()
                    .unwrap_or_else(|| format!("Strategy {}", i + 1))
            })
            .collect();
        let x_range = common::padded(common::extent(xs.iter().copied()), 0.0, 1.0);
        let y_range = common::padded(common::extent(ys.iter().copied()), 0.0, 1.0);
        let mut tie: Vec<(f64, f64)> = m
            .tie
            .iter()
            .copied()
            .filter(|p| p.0.is_finite() && p.1.is_finite())
            .collect();
        // Unstable sorts are smaller in wasm; full-key comparisons keep the order deterministic.
        tie.sort_unstable_by(|a, b| a.1.total_cmp(&b.1).then(a.0.total_cmp(&b.0)));
        DecisionMapChart {
            names,
            rects,
            tie,
            current,
            current_winner,
            shares,
            x_range,
            y_range,
            cells,
        }
    }

    fn name(&self, i: usize) -> &str {
        self.names.get(i).map_or("?", String::as_str)
    }

    /// Whether today's point lies on the map.
    pub fn current_on_map(&self) -> bool {
        let (x, y) = self.current;
        self.cells > 0
            && (self.x_range.0..=self.x_range.1).contains(&x)
            && (self.y_range.0..=self.y_range.1).contains(&y)
    }

    /// Chart title.
    pub fn title(&self) -> String {
        self.title_in(identity)
    }

    /// Chart title in the words of `tr`.
    pub fn title_in(&self, tr: Tr) -> String {
        tr("Which strategy has the highest NPV").into()
    }

    /// A short description of what the chart shows, for screen readers.
    pub fn alt_text(&self) -> String {
        self.alt_text_in(identity)
    }

    /// [`DecisionMapChart::alt_text`] in the words of `tr`.
    pub fn alt_text_in(&self, tr: Tr) -> String {
        if self.cells == 0 {
            return tr("Decision map: no grid to show.").into();
        }
        let name = |i: usize| tr(self.name(i));
        let mut out = tf(
            tr,
            "Map of the strategy with the highest NPV for BTC prices from {btc_low} to {btc_high} and power prices from {power_low} to {power_high} USD/MWh.",
            &[
                ("btc_low", &format::usd_compact(self.x_range.0)),
                ("btc_high", &format::usd_compact(self.x_range.1)),
                ("power_low", &format::fixed(self.y_range.0, 0)),
                ("power_high", &format::fixed(self.y_range.1, 0)),
            ],
        );
        let today = tf(
            tr,
            "BTC {btc}, power {power} USD/MWh",
            &[
                ("btc", &format::usd_compact(self.current.0)),
                ("power", &format::fixed(self.current.1, 0)),
            ],
        );
        out.push(' ');
        out.push_str(&match self.current_winner {
            Some(w) => tf(
                tr,
                "Today ({today}) {name} wins.",
                &[("today", &today), ("name", name(w))],
            ),
            None => tf(tr, "Today ({today}) is off the map.", &[("today", &today)]),
        });
        let mut shares: Vec<(usize, f64)> = self
            .shares
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, s)| *s > 0.0)
            .collect();
        shares.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let wins = shares
            .iter()
            .map(|(i, s)| {
                tf(
                    tr,
                    "{name} wins {share}% of the map",
                    &[("name", name(*i)), ("share", &format::fixed(s * 100.0, 0))],
                )
            })
            .reduce(|list, next| tf(tr, "{list}, {next}", &[("list", &list), ("next", &next)]));
        if let Some(list) = wins {
            out.push(' ');
            out.push_str(&tf(tr, "{list}.", &[("list", &list)]));
        }
        if self.names.len() >= 2 {
            out.push(' ');
            out.push_str(&match (self.tie.first(), self.tie.last()) {
                (Some(a), Some(b)) => tf(
                    tr,
                    "{second} ties {first} at a BTC price of {btc_a} at {power_a} USD/MWh and {btc_b} at {power_b} USD/MWh.",
                    &[
                        ("second", name(1)),
                        ("first", name(0)),
                        ("btc_a", &format::usd_compact(a.0)),
                        ("power_a", &format::fixed(a.1, 0)),
                        ("btc_b", &format::usd_compact(b.0)),
                        ("power_b", &format::fixed(b.1, 0)),
                    ],
                ),
                _ => tf(
                    tr,
                    "{second} does not tie {first} anywhere on the map.",
                    &[("second", name(1)), ("first", name(0))],
                ),
            });
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
        if self.cells == 0 {
            return common::message(&titled, style, "No decision map to show");
        }
        let fill = |i: usize| common::blend(style.series_color(i), style.background, FILL_STRENGTH);
        let mut entries: Vec<Entry> = self
            .shares
            .iter()
            .enumerate()
            .filter(|(_, s)| **s > 0.0)
            .map(|(i, _)| Entry {
                label: tr(self.name(i)).to_owned(),
                color: fill(i),
                mark: Mark::Block,
            })
            .collect();
        if self.tie.len() >= 2 {
            entries.push(Entry {
                label: tr("Tie line").into(),
                color: style.text,
                mark: Mark::Line,
            });
        }
        let on_map = self.current_on_map();
        if on_map {
            entries.push(Entry {
                label: tr("Today").into(),
                color: style.text,
                mark: Mark::Dot,
            });
        }
        let plot = legend::draw_above(&titled, &entries, style)?;

        let chart = axes::frame(
            &plot,
            Frame {
                x: Ticked::numeric(self.x_range, 6),
                y: Ticked::numeric(self.y_range, 6),
                margin: [8.0, 24.0, 8.0],
                label_area: [40.0, 52.0],
                font: [11.0, 12.0],
                desc: [
                    Some(tr("BTC price (USD)")),
                    Some(tr("Power price (USD/MWh)")),
                ],
                label: [&axes::usd_label, &axes::whole_label],
                grid: false,
            },
            style,
        )?;

        for r in &self.rects {
            chart.rect((r.x.0, r.y.0), (r.x.1, r.y.1), fill(r.winner))?;
        }
        // The tie line: a background-coloured halo under a text-coloured line, split where rows
        // have no crossing.
        if self.tie.len() >= 2 {
            let step = self
                .tie
                .windows(2)
                .map(|w| w[1].1 - w[0].1)
                .filter(|d| *d > 0.0)
                .fold(f64::INFINITY, f64::min);
            let mut segments: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
            for (i, p) in self.tie.iter().enumerate() {
                if i > 0 && p.1 - self.tie[i - 1].1 > step * 1.5 {
                    segments.push(Vec::new());
                }
                if let Some(last) = segments.last_mut() {
                    last.push(*p);
                }
            }
            for (color, width) in [(style.background, 5.0), (style.text, 2.0)] {
                for s in segments.iter().filter(|s| s.len() > 1) {
                    chart.line(s, color.stroke_width(style.px(width)))?;
                }
            }
        }
        if on_map {
            chart.circle(
                self.current,
                style.px(7.0),
                style.background.stroke_width(style.px(5.0)),
            )?;
            chart.circle(
                self.current,
                style.px(7.0),
                style.text.stroke_width(style.px(2.0)),
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edges_put_each_point_in_its_cell() {
        assert_eq!(edges(&[0.0, 10.0, 20.0]), vec![0.0, 5.0, 15.0, 20.0]);
        assert_eq!(cell_of(&edges(&[0.0, 10.0, 20.0]), 6.0), Some(1));
        assert_eq!(cell_of(&edges(&[0.0, 10.0, 20.0]), 21.0), None);
        assert_eq!(edges(&[5.0]).len(), 2);
        assert!(edges(&[]).is_empty());
    }
}
