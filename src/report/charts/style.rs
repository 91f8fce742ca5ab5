//! How big and how heavy a chart is drawn: desktop or projector, at any pixel density.

use plotters::style::RGBColor;

use crate::i18n::Language;
use crate::i18n::Tr;

/// Sizes and colours of a chart. Sizes are in layout units (egui points; pixels in exports) and
/// multiplied by [`ChartStyle::scale`] when drawn, so the same chart is sharp at any density.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartStyle {
    /// Backend pixels per layout unit (egui: `pixels_per_point`; exports: 1).
    pub scale: f64,
    /// Tick labels, legend and readouts.
    pub font: f64,
    /// Chart title.
    pub title_font: f64,
    /// Subtitle, band labels, notes.
    pub small_font: f64,
    /// Data lines.
    pub line: f64,
    /// Grid lines, axes, thin markers.
    pub thin: f64,
    /// Outer margin.
    pub margin: f64,
    /// Page background.
    pub background: RGBColor,
    /// Text.
    pub text: RGBColor,
    /// Secondary text (subtitles, units).
    pub muted: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Axis lines and tick marks.
    pub axis: RGBColor,
    /// Opacity of the AQI bands behind time series (0–1).
    pub band_alpha: f64,
    /// Min/max-per-pixel-column decimation before drawing (always on except to measure its gain).
    pub decimate: bool,
    /// Most decimation buckets drawn per frame over all line traces: with many traces (200
    /// stations) each gets fewer, wider buckets (level of detail), so a frame stays cheap.
    pub line_budget: usize,
    /// Language of the text the drawing adds itself (axis labels, legends of spans, "no data").
    pub lang: Language,
}

impl ChartStyle {
    /// Office monitor, reading distance.
    pub fn desktop() -> Self {
        ChartStyle {
            scale: 1.0,
            font: 13.0,
            title_font: 18.0,
            small_font: 11.5,
            line: 1.6,
            thin: 1.0,
            margin: 12.0,
            background: RGBColor(255, 255, 255),
            text: RGBColor(33, 37, 41),
            muted: RGBColor(100, 106, 115),
            grid: RGBColor(226, 229, 234),
            axis: RGBColor(120, 126, 135),
            band_alpha: 0.14,
            decimate: true,
            line_budget: 40_000,
            lang: Language::Zh,
        }
    }

    /// Consultation meeting on a projector: larger labels, thicker lines, stronger contrast.
    pub fn projector() -> Self {
        ChartStyle {
            font: 24.0,
            title_font: 32.0,
            small_font: 20.0,
            line: 3.5,
            thin: 1.5,
            margin: 20.0,
            text: RGBColor(0, 0, 0),
            muted: RGBColor(50, 50, 50),
            grid: RGBColor(205, 208, 214),
            axis: RGBColor(60, 60, 60),
            band_alpha: 0.2,
            ..ChartStyle::desktop()
        }
    }

    /// The same style at another pixel density.
    pub fn with_scale(mut self, scale: f64) -> Self {
        self.scale = if scale.is_finite() && scale > 0.0 {
            scale
        } else {
            1.0
        };
        self
    }

    /// The same style with its text sizes (labels, title, small text) and margin times
    /// `factor`; lines and colours unchanged. For fitting a chart into a small area.
    pub fn shrunk(&self, factor: f64) -> Self {
        ChartStyle {
            font: self.font * factor,
            title_font: self.title_font * factor,
            small_font: self.small_font * factor,
            margin: self.margin * factor,
            ..self.clone()
        }
    }

    /// The same style writing its text in `lang`.
    pub fn with_lang(mut self, lang: Language) -> Self {
        self.lang = lang;
        self
    }

    /// The translation table in the style's language.
    pub fn tr(&self) -> Tr {
        Tr(self.lang)
    }

    /// A length in layout units as backend pixels.
    pub fn px(&self, units: f64) -> f64 {
        units * self.scale
    }

    /// A stroke width in whole backend pixels (at least 1).
    pub fn stroke(&self, units: f64) -> u32 {
        (units * self.scale).round().max(1.0) as u32
    }
}

impl Default for ChartStyle {
    fn default() -> Self {
        ChartStyle::desktop()
    }
}
