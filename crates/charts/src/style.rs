//! Size, pixel density, colours and words shared by every chart.

use plotters::style::RGBColor;

/// Translates a chart's English text (a title, a label, a template with `{placeholders}`): the
/// app's language layer, or [`identity`] (English). Text it does not know comes back as given.
/// Charts keep their left-to-right plot (time runs left to right, as in Arabic financial press)
/// and anchor labels on their left; a right-to-left language's translations should come
/// isolated as right-to-left runs (U+2067 ... U+2069) so they read in order on the canvas.
pub type Tr = for<'a> fn(&'a str) -> &'a str;

/// English: every text as written.
pub fn identity(text: &str) -> &str {
    text
}

/// How a chart is painted: its size in CSS pixels, the device pixel ratio, the palette, and the
/// language of its words (numbers follow [`hashpivot_model::format::locale`]).
#[derive(Debug, Clone, Copy)]
pub struct ChartStyle {
    /// Width in CSS pixels.
    pub width: u32,
    /// Height in CSS pixels.
    pub height: u32,
    /// Device pixels per CSS pixel (2 on most phones). The backend is `scale` times larger.
    pub scale: f64,
    /// Page background behind the plot.
    pub background: RGBColor,
    /// Axis labels, captions and legend text.
    pub text: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Series colours, in order: strategy `i` uses `series[i % SERIES]`. Based on the
    /// Okabe–Ito palette, darkened or lightened so each keeps at least 3:1 contrast with its
    /// background and stays apart from the others under protan, deutan and tritan vision.
    pub series: [RGBColor; SERIES],
    /// Mining in revenue stacks (the lower layer).
    pub mining: RGBColor,
    /// AI/HPC in revenue stacks (the upper layer).
    pub hpc: RGBColor,
    /// Translates every word drawn or written ([`identity`] by default).
    pub tr: Tr,
}

/// How many series colours a style has: charts tell up to this many strategies apart.
pub const SERIES: usize = 6;

impl ChartStyle {
    /// Light palette at 1 device pixel per CSS pixel.
    pub fn light(width: u32, height: u32) -> Self {
        ChartStyle {
            width,
            height,
            scale: 1.0,
            background: RGBColor(255, 255, 255),
            text: RGBColor(31, 41, 55),
            grid: RGBColor(229, 231, 235),
            series: [
                RGBColor(0, 114, 178),
                RGBColor(213, 94, 0),
                RGBColor(0, 158, 115),
                RGBColor(204, 121, 167),
                RGBColor(115, 80, 0),
                RGBColor(0, 0, 0),
            ],
            mining: RGBColor(184, 116, 0),
            hpc: RGBColor(43, 123, 186),
            tr: identity,
        }
    }

    /// Dark palette at 1 device pixel per CSS pixel.
    pub fn dark(width: u32, height: u32) -> Self {
        ChartStyle {
            background: RGBColor(17, 24, 39),
            text: RGBColor(229, 231, 235),
            grid: RGBColor(55, 65, 81),
            series: [
                RGBColor(86, 180, 233),
                RGBColor(230, 159, 0),
                RGBColor(0, 200, 150),
                RGBColor(230, 150, 200),
                RGBColor(240, 228, 66),
                RGBColor(255, 255, 255),
            ],
            mining: RGBColor(230, 159, 0),
            hpc: RGBColor(86, 180, 233),
            ..ChartStyle::light(width, height)
        }
    }

    /// The same style at another device pixel ratio (clamped to 1..=4).
    pub fn with_scale(self, scale: f64) -> Self {
        let scale = if scale.is_finite() {
            scale.clamp(1.0, 4.0)
        } else {
            1.0
        };
        ChartStyle { scale, ..self }
    }

    /// The same style in another language: `tr` translates.
    pub fn with_words(self, tr: Tr) -> Self {
        ChartStyle { tr, ..self }
    }

    /// The colour of series (strategy) `i`, cycling through [`ChartStyle::series`].
    pub fn series_color(&self, i: usize) -> RGBColor {
        self.series[i % SERIES]
    }

    /// Backend size in device pixels.
    pub fn pixel_size(&self) -> (u32, u32) {
        (self.px(self.width as f64), self.px(self.height as f64))
    }

    /// A length in CSS pixels, in device pixels.
    pub fn px(&self, css: f64) -> u32 {
        (css * self.scale).round().max(1.0) as u32
    }

    /// A font size in CSS pixels, in device pixels.
    pub fn font(&self, css: f64) -> f64 {
        css * self.scale
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_multiplies_the_backend_size() {
        let s = ChartStyle::light(640, 360).with_scale(2.0);
        assert_eq!(s.pixel_size(), (1280, 720));
        assert_eq!(s.font(12.0), 24.0);
    }

    #[test]
    fn series_colours_are_distinct_and_cycle() {
        for style in [ChartStyle::light(1, 1), ChartStyle::dark(1, 1)] {
            for (i, a) in style.series.iter().enumerate() {
                assert_ne!(*a, style.background);
                for b in &style.series[i + 1..] {
                    assert_ne!(a, b);
                }
            }
            assert_eq!(style.series_color(SERIES + 1), style.series[1]);
            assert_ne!(style.mining, style.hpc);
        }
    }

    /// WCAG relative luminance.
    fn luminance(c: RGBColor) -> f64 {
        let lin = |v: u8| {
            let v = v as f64 / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
    }

    #[test]
    fn series_and_stack_colours_contrast_with_the_background() {
        for style in [ChartStyle::light(1, 1), ChartStyle::dark(1, 1)] {
            let bg = luminance(style.background);
            for c in style.series.iter().chain([&style.mining, &style.hpc]) {
                let l = luminance(*c);
                let ratio = (l.max(bg) + 0.05) / (l.min(bg) + 0.05);
                assert!(ratio >= 3.0, "{c:?} on {:?}: {ratio}", style.background);
            }
        }
    }

    #[test]
    fn scale_is_clamped_and_never_nan() {
        assert_eq!(ChartStyle::light(1, 1).with_scale(f64::NAN).scale, 1.0);
        assert_eq!(ChartStyle::light(1, 1).with_scale(9.0).scale, 4.0);
        assert_eq!(ChartStyle::light(1, 1).with_scale(0.5).scale, 1.0);
    }
}
