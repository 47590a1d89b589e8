//! Hashpivot's charts, drawn with plotters.
//!
//! Every chart is a data struct built from the model plus a `draw` function generic over
//! plotters' [`DrawingBackend`](plotters::prelude::DrawingBackend), so the same code paints a
//! `<canvas>` in the app (feature `canvas`) and writes SVG for export and snapshot tests. Each
//! chart also gives a short text alternative for screen readers.
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

#[cfg(feature = "canvas")]
pub mod canvas;
pub mod error;
pub mod hashprice_curve;
pub mod legend;
pub mod style;
pub mod svg;

pub use error::ChartError;
pub use style::ChartStyle;
