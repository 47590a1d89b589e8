//! Hashprice against BTC price, today and after the next halving, with today's price marked.
//!
//! Hashprice is proportional to the BTC price at a given difficulty, so each era is a straight
//! line through the origin; the gap between the two lines is what the next halving takes away.
//!
//! # Usage
//! ```
//! use hashpivot_charts::hashprice_curve::HashpriceCurve;
//! use hashpivot_model::Network;
//! let data = HashpriceCurve::from_network(&Network::default());
//! assert!(data.alt_text().contains("USD/PH/day"));
//! ```

use plotters::coord::Shift;
use plotters::prelude::*;

use hashpivot_model::bounds::BTC_PRICE;
use hashpivot_model::format;
use hashpivot_model::subsidy::next_halving_height;
use hashpivot_model::Network;

use crate::axes::{self, Frame, Ticked};
use crate::common::{self};
use crate::legend::{self, Entry, Mark};
use crate::{ChartError, ChartStyle};

/// Samples along the BTC price axis.
const SAMPLES: usize = 48;

/// Everything the hashprice chart shows, computed from the model.
#[derive(Debug, Clone, PartialEq)]
pub struct HashpriceCurve {
    /// (BTC price USD, hashprice USD/PH/day) in the current subsidy era.
    pub now: Vec<(f64, f64)>,
    /// The same after the next halving, at the same difficulty and fees.
    pub after_halving: Vec<(f64, f64)>,
    /// Today's (BTC price, hashprice).
    pub current: (f64, f64),
    /// Hashprice at today's price after the next halving.
    pub current_after_halving: f64,
    /// Difficulty, T, for the legend.
    pub difficulty_t: f64,
    /// Block height at which the next halving happens.
    pub halving_height: u64,
    /// BTC price axis, USD.
    pub x_range: (f64, f64),
    /// Hashprice axis, USD/PH/day.
    pub y_range: (f64, f64),
}

impl HashpriceCurve {
    /// Builds the chart data for `network`. The price axis spans the slider's range and
    /// stretches to keep a typed price beyond it in view.
    pub fn from_network(network: &Network) -> Self {
        let halving_height = next_halving_height(network.height_or_snapshot());
        let after = Network {
            height: Some(halving_height),
            ..*network
        };
        let x_max = BTC_PRICE.slider_max.max(network.btc_price_usd * 1.1);
        let x_range = (0.0, x_max);
        let sample = |n: &Network| -> Vec<(f64, f64)> {
            (0..=SAMPLES)
                .map(|i| {
                    let price = x_max * i as f64 / SAMPLES as f64;
                    let at = Network {
                        btc_price_usd: price,
                        ..*n
                    };
                    (price, at.hashprice_usd_per_ph_day())
                })
                .collect()
        };
        let now = sample(network);
        let after_halving = sample(&after);
        let y_max = now
            .iter()
            .map(|p| p.1)
            .fold(0.0_f64, f64::max)
            .max(f64::MIN_POSITIVE)
            * 1.05;
        HashpriceCurve {
            current: (network.btc_price_usd, network.hashprice_usd_per_ph_day()),
            current_after_halving: after.hashprice_usd_per_ph_day(),
            now,
            after_halving,
            difficulty_t: network.difficulty_t,
            halving_height,
            x_range,
            y_range: (0.0, y_max),
        }
    }

    /// Chart title.
    pub fn title(&self) -> String {
        format!(
            "Hashprice vs BTC price at {} T difficulty",
            format::fixed(self.difficulty_t, 1)
        )
    }

    /// A short description of what the chart shows, for screen readers.
    pub fn alt_text(&self) -> String {
        format!(
            "Line chart: hashprice rises in proportion to the BTC price. At {} and {} T \
             difficulty it is {} USD/PH/day; after the halving at block {} the same price \
             would give {} USD/PH/day.",
            format::usd_compact(self.current.0),
            format::fixed(self.difficulty_t, 1),
            format::fixed(self.current.1, 2),
            format::plain(self.halving_height as f64),
            format::fixed(self.current_after_halving, 2),
        )
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
        let [now_color, after_color, ..] = style.series;
        let titled = common::titled(root, &self.title(), style)?;
        let plot = legend::draw_above(
            &titled,
            &[
                Entry {
                    label: "Now".into(),
                    color: now_color,
                    mark: Mark::Line,
                },
                Entry {
                    label: format!(
                        "After the halving at block {}",
                        format::plain(self.halving_height as f64)
                    ),
                    color: after_color,
                    mark: Mark::Line,
                },
                Entry {
                    label: format!("Today: {} USD/PH/day", format::fixed(self.current.1, 1)),
                    color: now_color,
                    mark: Mark::Dot,
                },
            ],
            style,
        )?;
        let chart = axes::frame(
            &plot,
            Frame {
                x: Ticked::numeric(self.x_range, 6),
                y: Ticked::numeric(self.y_range, 6),
                margin: [8.0, 28.0, 8.0],
                label_area: [40.0, 56.0],
                font: [11.0, 12.0],
                desc: [Some("BTC price (USD)"), Some("Hashprice (USD/PH/day)")],
                label: [&axes::usd_label, &axes::whole_label],
                grid: true,
            },
            style,
        )?;

        let line = |color: RGBColor| color.stroke_width(style.px(2.0));
        chart.line(&self.now, line(now_color))?;
        chart.line(&self.after_halving, line(after_color))?;
        chart.circle(self.current, style.px(5.0), now_color.filled())?;
        Ok(())
    }
}
