//! The tornado: one strategy's NPV with each key input at its low and at its high value, drawn
//! from the base NPV (a vertical line), inputs sorted by swing (`|NPV high − NPV low|`, largest
//! on top).
//!
//! # Usage
//! ```
//! use hashpivot_charts::{svg, tornado::TornadoChart, ChartStyle};
//! use hashpivot_model::{tornado, Scenario};
//! let t = tornado::run(&Scenario::default()).unwrap();
//! let data = TornadoChart::from_tornado(&t, 0, "Pure mining");
//! assert!(data.bars.iter().any(|b| b.label.starts_with("BTC price ($")));
//! let style = ChartStyle::light(640, 400);
//! let svg = svg::render(&style, |area| data.draw(area, &style)).unwrap();
//! assert!(svg.contains("NPV of Pure mining (USD)"));
//! ```

use plotters::coord::Shift;
use plotters::prelude::*;

use hashpivot_model::format;
use hashpivot_model::tornado::Tornado;

use crate::axes::{self, Frame, Ticked};
use crate::common::{self, tf};
use crate::legend::{self, Entry, Mark};
use crate::style::{identity, Tr};
use crate::{ChartError, ChartStyle};

/// Everything the tornado shows for one strategy.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoChart {
    /// The strategy's name.
    pub name: String,
    /// The strategy's NPV at the scenario as given, USD; `None` when the tornado has no such
    /// strategy (the chart then says so).
    pub base_npv: Option<f64>,
    /// One bar per input, largest swing first.
    pub bars: Vec<TornadoBar>,
    /// NPV axis, USD; always includes the base NPV.
    pub x_range: (f64, f64),
}

/// One input moved down and up.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoBar {
    /// The input and its two values, e.g. `BTC price ($72.9k / $109k)`.
    pub label: String,
    /// The input's own name, e.g. `BTC price`.
    pub input: String,
    /// NPV with the input at its low value, USD.
    pub npv_low: f64,
    /// NPV with the input at its high value, USD.
    pub npv_high: f64,
    /// `|npv_high − npv_low|` (0 when either is not finite), USD.
    pub swing: f64,
}

/// A value to at most two decimals, or none from 100 up.
fn number(value: f64) -> String {
    if value.abs() >= 100.0 {
        format::fixed(value, 0)
    } else {
        format::plain((value * 100.0).round() / 100.0)
    }
}

/// `Label (low / high unit)`: dollars in short form, percentages with a `%`, any other unit
/// said once after the high value.
fn bar_label(label: &str, unit: &str, low: f64, high: f64) -> String {
    let (low, high) = if unit == "USD" {
        (format::usd_compact(low), format::usd_compact(high))
    } else if let Some(rest) = unit.strip_prefix('%') {
        (
            format!("{}%", number(low)),
            format!("{}%{rest}", number(high)),
        )
    } else if unit.is_empty() {
        (number(low), number(high))
    } else {
        (number(low), format!("{} {unit}", number(high)))
    };
    format!("{label} ({low} / {high})")
}

impl TornadoChart {
    /// Builds the chart for strategy `strategy` of `t`, named `name`. An index the tornado does
    /// not have gives an empty chart that says so.
    pub fn from_tornado(t: &Tornado, strategy: usize, name: &str) -> Self {
        Self::from_tornado_in(t, strategy, name, identity)
    }

    /// [`TornadoChart::from_tornado`] with the inputs' labels and units in the words of `tr`.
    pub fn from_tornado_in(t: &Tornado, strategy: usize, name: &str, tr: Tr) -> Self {
        let base_npv = t.base_npv.get(strategy).copied();
        let mut bars: Vec<TornadoBar> = match base_npv {
            None => Vec::new(),
            Some(_) => t
                .bars
                .iter()
                .filter_map(|b| {
                    let low = *b.npv_low.get(strategy)?;
                    let high = *b.npv_high.get(strategy)?;
                    let swing = (high - low).abs();
                    Some(TornadoBar {
                        label: bar_label(tr(b.label), tr(b.unit), b.low_value, b.high_value),
                        input: tr(b.label).to_owned(),
                        npv_low: low,
                        npv_high: high,
                        swing: if swing.is_finite() { swing } else { 0.0 },
                    })
                })
                .collect(),
        };
        // Largest swing first; ties by label (an unstable sort is smaller in wasm).
        bars.sort_unstable_by(|a, b| {
            b.swing
                .total_cmp(&a.swing)
                .then_with(|| a.label.cmp(&b.label))
        });
        let x_range = common::padded(
            common::extent(
                base_npv
                    .into_iter()
                    .chain(bars.iter().flat_map(|b| [b.npv_low, b.npv_high])),
            ),
            0.06,
            common::USD_MIN_PAD,
        );
        TornadoChart {
            name: name.to_owned(),
            base_npv,
            bars,
            x_range,
        }
    }

    /// Chart title.
    pub fn title(&self) -> String {
        self.title_in(identity)
    }

    /// Chart title in the words of `tr`.
    pub fn title_in(&self, tr: Tr) -> String {
        tf(
            tr,
            "What moves the NPV of {name}",
            &[("name", tr(&self.name))],
        )
    }

    /// A short description of what the chart shows, for screen readers.
    pub fn alt_text(&self) -> String {
        self.alt_text_in(identity)
    }

    /// [`TornadoChart::alt_text`] in the words of `tr` (the bars' labels are as built).
    pub fn alt_text_in(&self, tr: Tr) -> String {
        let name = [("name", tr(&self.name))];
        let Some(base) = self.base_npv else {
            return tf(
                tr,
                "Tornado chart: no sensitivity results for {name}.",
                &name,
            );
        };
        let mut out = tf(
            tr,
            "Tornado chart of the NPV of {name}: base {base}.",
            &[name[0], ("base", &format::usd_compact(base))],
        );
        let moving: Vec<&TornadoBar> = self.bars.iter().filter(|b| b.swing > 0.0).collect();
        for (i, b) in moving.iter().take(3).enumerate() {
            out.push(' ');
            out.push_str(&tf(
                tr,
                if i == 0 {
                    "Largest swing, {input}: {low} low, {high} high (swing {swing})."
                } else {
                    "Then {input}: {low} low, {high} high (swing {swing})."
                },
                &[
                    ("input", &b.label),
                    ("low", &format::usd_compact(b.npv_low)),
                    ("high", &format::usd_compact(b.npv_high)),
                    ("swing", &format::usd_compact(b.swing)),
                ],
            ));
        }
        let still = self
            .bars
            .iter()
            .filter(|b| b.swing == 0.0)
            .map(|b| b.input.clone())
            .reduce(|list, next| tf(tr, "{list}, {next}", &[("list", &list), ("next", &next)]));
        if let Some(list) = still {
            out.push(' ');
            out.push_str(&tf(tr, "No effect: {list}.", &[("list", &list)]));
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
        let Some(base) = self.base_npv.filter(|_| !self.bars.is_empty()) else {
            return common::message(&titled, style, "No sensitivity results for this strategy");
        };
        let [low_color, high_color, ..] = style.series;
        let plot = legend::draw_above(
            &titled,
            &[
                Entry {
                    label: tr("Input low").into(),
                    color: low_color,
                    mark: Mark::Block,
                },
                Entry {
                    label: tr("Input high").into(),
                    color: high_color,
                    mark: Mark::Block,
                },
                Entry {
                    label: tf(
                        tr,
                        "Base NPV {value}",
                        &[("value", &format::usd_compact(base))],
                    ),
                    color: style.text,
                    mark: Mark::Line,
                },
            ],
            style,
        )?;

        let n = self.bars.len() as f64;
        let x_desc = tf(tr, "NPV of {name} (USD)", &[("name", tr(&self.name))]);
        let chart = axes::frame(
            &plot,
            Frame {
                x: Ticked::numeric(self.x_range, 5),
                y: Ticked::new((0.0, n), vec![]),
                margin: [12.0, 24.0, 8.0],
                label_area: [40.0, 0.0],
                font: [11.0, 12.0],
                desc: [Some(&x_desc), None],
                label: [&axes::usd_label, &axes::no_label],
                grid: true,
            },
            style,
        )?;

        // The base line first: the labels' boxes cover it where they cross.
        chart.line(
            &[(base, 0.0), (base, n)],
            style.text.stroke_width(style.px(1.5)),
        )?;
        for (k, bar) in self.bars.iter().enumerate() {
            // Bar k fills [n - k - 1, n - k] from the top: label, low bar, high bar.
            let top = n - k as f64;
            common::boxed_label(&chart, (self.x_range.0, top - 0.2), &bar.label, 11.0, style)?;
            for (value, color, y0, y1) in [
                (bar.npv_low, low_color, top - 0.38, top - 0.64),
                (bar.npv_high, high_color, top - 0.64, top - 0.9),
            ] {
                if value.is_finite() {
                    chart.rect((base, y0), (value, y1), color)?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_the_values_with_their_unit() {
        assert_eq!(
            bar_label("BTC price", "USD", 68_300.0, 114_000.0),
            "BTC price ($68.3k / $114k)"
        );
        assert_eq!(
            bar_label("Difficulty growth", "% a month", 1.5, 3.5),
            "Difficulty growth (1.5% / 3.5% a month)"
        );
        assert_eq!(
            bar_label("Power price", "USD/MWh", 32.0, 48.0),
            "Power price (32 / 48 USD/MWh)"
        );
        assert_eq!(
            bar_label("AI/HPC prices", "% of scenario", 80.0, 120.0),
            "AI/HPC prices (80% / 120% of scenario)"
        );
    }
}
