//! Paint a chart straight onto an HTML `<canvas>` (the app's live path).
//!
//! Drawing primitives go to the 2D context directly, with no SVG text to build and parse, which
//! is what keeps a slider inside one frame. The canvas is resized to the style's device-pixel
//! size; CSS keeps its layout size.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use crate::{ChartError, ChartStyle};

/// Sizes `canvas` for `style` and runs `draw` on it.
pub fn render<F>(canvas: &HtmlCanvasElement, style: &ChartStyle, draw: F) -> Result<(), ChartError>
where
    F: FnOnce(&DrawingArea<CanvasBackend, Shift>) -> Result<(), ChartError>,
{
    let (w, h) = style.pixel_size();
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| ChartError("the canvas has no 2D context".into()))?;
    let root = backend.into_drawing_area();
    draw(&root)?;
    root.present()?;
    Ok(())
}
