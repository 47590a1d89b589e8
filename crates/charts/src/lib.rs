//! Hashpivot's charts, drawn with plotters.
//!
//! Every chart is a data struct built from the model plus a `draw` function generic over
//! plotters' [`DrawingBackend`](plotters::prelude::DrawingBackend), so the same code paints a
//! `<canvas>` in the app (feature `canvas`) and writes SVG for export and snapshot tests. Each
//! chart also gives a short text alternative for screen readers.
//!
//! Words are English unless a [`ChartStyle`] carries a translation ([`ChartStyle::with_words`]);
//! each chart's `title_in` and `alt_text_in` take the same hook. Numbers follow
//! [`hashpivot_model::format::locale`]. The crate knows no language itself.
//!
//! The charts:
//! - [`hashprice_curve`]: hashprice against BTC price, now and after the next halving.
//! - [`revenue_mix`]: monthly mining and AI/HPC revenue, stacked, one panel per strategy.
//! - [`cashflow`]: cumulative free cash flow per strategy, with payback months.
//! - [`per_mw`]: revenue and margin per MW-year for each use of power.
//! - [`montecarlo_fan`]: Monte Carlo bands of cumulative free cash flow.
//! - [`tornado`]: what moves one strategy's NPV, input by input.
//! - [`decision_map`]: which strategy wins over BTC price and power price.
//!
//! # Usage
//! ```
//! use hashpivot_charts::{hashprice_curve::HashpriceCurve, svg, ChartStyle};
//! use hashpivot_model::Network;
//! let data = HashpriceCurve::from_network(&Network::default());
//! let style = ChartStyle::light(640, 360);
//! let svg = svg::render(&style, |area| data.draw(area, &style)).unwrap();
//! assert!(svg.starts_with("<svg"));
//! ```

mod axes;
#[cfg(feature = "canvas")]
pub mod canvas;
pub mod cashflow;
mod common;
pub mod decision_map;
pub mod error;
pub mod hashprice_curve;
pub mod legend;
pub mod montecarlo_fan;
pub mod per_mw;
pub mod revenue_mix;
pub mod style;
pub mod svg;
pub mod tornado;
pub mod words;

pub use common::{month_name, MONTHS};

/// The six charts of the workbench by id: the widget's `view=` key, the export worker's chart
/// names and, prefixed with `chart-`, the page's test hooks.
pub const IDS: [&str; 6] = [
    "revenue-mix",
    "cashflow",
    "per-mw",
    "montecarlo",
    "tornado",
    "decision-map",
];
pub use error::ChartError;
pub use style::{identity, ChartStyle, Tr};
