//! A chart painted on a `<canvas>` that redraws when what it reads changes.

use hashpivot_charts::{ChartError, ChartStyle};
use leptos::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::theme::ThemeState;

/// Width used before the canvas has been laid out, CSS px.
const FALLBACK_WIDTH: u32 = 640;

/// A titled figure whose canvas is painted by `draw`.
///
/// `draw` runs inside an effect, so every signal it reads triggers a redraw; the window's resize
/// and the light/dark theme ([`ThemeState`] in context) also do. A drawing error shows in the caption instead of breaking the page.
#[component]
pub fn ChartCanvas<F>(
    /// Stable test hook, e.g. "chart-cashflow".
    testid: &'static str,
    /// Heading above the chart.
    #[prop(into)]
    title: Signal<String>,
    /// A line under the chart: status or a note (e.g. "Recomputing 2,000 paths...").
    #[prop(into, optional)]
    status: Signal<Option<String>>,
    /// Text alternative for screen readers, shown as the figure's caption too.
    #[prop(into)]
    alt: Signal<String>,
    /// Height in CSS px for a given width; by default 0.56 x width within 280..=420.
    #[prop(default = None)]
    height: Option<Callback<u32, u32>>,
    /// Paints the chart on the canvas in the given style.
    draw: F,
) -> impl IntoView
where
    F: Fn(&HtmlCanvasElement, &ChartStyle) -> Result<(), ChartError> + 'static,
{
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let failure = RwSignal::new(None::<String>);
    let (resized, set_resized) = signal(0_u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        set_resized.update(|n| *n = n.wrapping_add(1))
    });
    on_cleanup(move || handle.remove());

    let theme = use_context::<ThemeState>();
    Effect::new(move |_| {
        resized.track();
        let dark = theme.map(|t| t.dark()).unwrap_or(false);
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        // Not displayed (the widget shows one chart): nothing to paint.
        if canvas.client_width() == 0 {
            return;
        }
        let style = style_for(&canvas, dark, height);
        let outcome = draw(&canvas, &style).err().map(|e| e.to_string());
        if outcome != failure.get_untracked() {
            failure.set(outcome);
        }
    });

    view! {
        <figure class="chart" data-testid=testid data-chart=testid.trim_start_matches("chart-")>
            <h3 class="visually-hidden">{move || title.get()}</h3>
            // Left to right whatever the page's direction: chart labels anchor on their left.
            <canvas node_ref=canvas_ref role="img" dir="ltr" aria-label=move || alt.get()></canvas>
            <p class="chart-export">
                <button type="button" class="link-button" data-export="svg" title="Download this chart as SVG">"SVG"</button>
                <button type="button" class="link-button" data-export="png" title="Download this chart as PNG">"PNG"</button>
            </p>
            <p class="chart-status" aria-live="polite">{move || status.get()}</p>
            <figcaption>
                {move || alt.get()}
                {move || failure.get().map(|f| view! { <strong class="error">" " {f}</strong> })}
            </figcaption>
        </figure>
    }
}

/// Size, pixel ratio and palette for `canvas` as it is laid out now.
fn style_for(
    canvas: &HtmlCanvasElement,
    dark: bool,
    height: Option<Callback<u32, u32>>,
) -> ChartStyle {
    let width = match canvas.client_width() {
        w if w > 0 => w as u32,
        _ => FALLBACK_WIDTH,
    };
    let height = match height {
        Some(h) => h.run(width),
        None => ((width as f64 * 0.56) as u32).clamp(280, 420),
    };
    let win = window();
    let base = if dark {
        ChartStyle::dark(width, height)
    } else {
        ChartStyle::light(width, height)
    };
    base.with_scale(win.device_pixel_ratio())
        .with_words(crate::i18n::t)
}
