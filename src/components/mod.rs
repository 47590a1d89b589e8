//! View pieces, one file each.

pub mod chart_canvas;
pub mod kpi;
pub mod number_input;

pub use chart_canvas::ChartCanvas;
pub use kpi::Kpi;
pub use number_input::NumberInput;
