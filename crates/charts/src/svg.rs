//! Render any chart to an SVG string (exports, snapshot tests, the CLI).

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::{ChartError, ChartStyle};

/// Runs `draw` on an SVG backend of `style`'s pixel size and returns the document.
pub fn render<F>(style: &ChartStyle, draw: F) -> Result<String, ChartError>
where
    F: FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> Result<(), ChartError>,
{
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, style.pixel_size()).into_drawing_area();
        draw(&root)?;
        root.present()?;
    }
    Ok(out)
}
