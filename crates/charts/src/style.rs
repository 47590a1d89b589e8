//! Size, pixel density and colours shared by every chart.

use plotters::style::RGBColor;

/// How a chart is painted: its size in CSS pixels, the device pixel ratio, and the palette.
#[derive(Debug, Clone, Copy, PartialEq)]
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
    /// Series colours, in order; chosen to stay apart for the common colour-vision deficiencies.
    pub series: [RGBColor; 4],
}

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
            ],
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
            ],
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
    fn scale_is_clamped_and_never_nan() {
        assert_eq!(ChartStyle::light(1, 1).with_scale(f64::NAN).scale, 1.0);
        assert_eq!(ChartStyle::light(1, 1).with_scale(9.0).scale, 4.0);
        assert_eq!(ChartStyle::light(1, 1).with_scale(0.5).scale, 1.0);
    }
}
