//! Colours and value bands: the official AQI category colours (HJ 633 Appendix A, DOMAIN.md §1.3),
//! the PM2.5 bands of each HJ 633 table, warning-level colours and the series palette.

use chrono::NaiveDate;
use plotters::style::RGBColor;

use crate::domain::aqi::{Category, Standard};
use crate::domain::plan::Level;
use crate::i18n::Language;
use crate::i18n::{T, Tr};

/// 优 (I): green 0,228,0.
pub const AQI_EXCELLENT: RGBColor = RGBColor(0, 228, 0);
/// 良 (II): yellow 255,255,0.
pub const AQI_GOOD: RGBColor = RGBColor(255, 255, 0);
/// 轻度污染 (III): orange 255,126,0.
pub const AQI_LIGHT: RGBColor = RGBColor(255, 126, 0);
/// 中度污染 (IV): red 255,0,0.
pub const AQI_MODERATE: RGBColor = RGBColor(255, 0, 0);
/// 重度污染 (V): the Chinese purple 153,0,76 (not the US 143,63,151).
pub const AQI_HEAVY: RGBColor = RGBColor(153, 0, 76);
/// 严重污染 (VI): maroon 126,0,35.
pub const AQI_SEVERE: RGBColor = RGBColor(126, 0, 35);

/// The six category colours in order, level I to VI.
pub const AQI_COLOURS: [RGBColor; 6] = [
    AQI_EXCELLENT,
    AQI_GOOD,
    AQI_LIGHT,
    AQI_MODERATE,
    AQI_HEAVY,
    AQI_SEVERE,
];

/// AQI upper bounds of categories I–V; above the last is VI.
const AQI_UPPER: [f64; 5] = [50.0, 100.0, 150.0, 200.0, 300.0];

/// A horizontal value band drawn behind a panel (or used to colour cells and bars).
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// Lower bound (inclusive for colouring).
    pub lo: f64,
    /// Upper bound.
    pub hi: f64,
    /// Fill colour (drawn pale behind lines, full strength in cells and bars).
    pub colour: RGBColor,
    /// Short label shown at the band's right edge (e.g. `良`).
    pub label: String,
}

impl Band {
    /// The band a value falls in: values above the last band's upper bound take the last band.
    pub fn find(bands: &[Band], value: f64) -> Option<&Band> {
        if !value.is_finite() {
            return None;
        }
        bands
            .iter()
            .find(|b| value <= b.hi)
            .or_else(|| bands.last())
    }
}

fn bands_from(upper: [f64; 5], top: f64, lang: Language) -> Vec<Band> {
    let mut lo = 0.0;
    let mut out = Vec::with_capacity(6);
    for (i, (&colour, category)) in AQI_COLOURS.iter().zip(Category::ALL).enumerate() {
        let hi = upper.get(i).copied().unwrap_or(top);
        out.push(Band {
            lo,
            hi,
            colour,
            // The category names are the same in both HJ 633 tables.
            label: Tr(lang)
                .category(category, Standard::Hj633_2012)
                .to_string(),
        });
        lo = hi;
    }
    out
}

/// AQI category bands 0–50–100–150–200–300–500 (the same in HJ 633-2012 and -2026), named in
/// `lang`.
pub fn aqi_bands(lang: Language) -> Vec<Band> {
    bands_from(AQI_UPPER, 500.0, lang)
}

/// The first day the HJ 633-2026 table applies (Beijing time).
pub fn hj633_2026_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or(NaiveDate::MAX)
}

/// PM2.5 concentration bands (µg/m³) matching the AQI categories under the HJ 633 table in force
/// on `date`: IAQI-100 breakpoint 75 before 2026-03-01, 60 from then on; named in `lang`.
pub fn pm25_bands(date: NaiveDate, lang: Language) -> Vec<Band> {
    let good = if date < hj633_2026_start() {
        75.0
    } else {
        60.0
    };
    bands_from([35.0, good, 115.0, 150.0, 250.0], 500.0, lang)
}

/// PM10 concentration bands (µg/m³) under the HJ 633 table in force on `date` (150 → 120),
/// named in `lang`.
pub fn pm10_bands(date: NaiveDate, lang: Language) -> Vec<Band> {
    let good = if date < hj633_2026_start() {
        150.0
    } else {
        120.0
    };
    bands_from([50.0, good, 250.0, 350.0, 420.0], 600.0, lang)
}

/// Category colour of an AQI value.
pub fn aqi_colour(aqi: f64) -> RGBColor {
    let i = AQI_UPPER.iter().position(|&u| aqi <= u).unwrap_or(5);
    AQI_COLOURS[i]
}

/// Black or white, whichever reads better on `bg`.
pub fn text_on(bg: RGBColor) -> RGBColor {
    let RGBColor(r, g, b) = bg;
    let luma = 0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b);
    if luma > 150.0 {
        RGBColor(20, 20, 20)
    } else {
        RGBColor(255, 255, 255)
    }
}

/// The standard signal colour of a warning level (a plan may give its own; see [`parse_hex`]);
/// grey below the warnings.
pub fn warning_colour(level: Level) -> RGBColor {
    match level {
        Level::Blue => RGBColor(30, 100, 220),
        Level::Yellow => RGBColor(245, 200, 0),
        Level::Orange => RGBColor(255, 126, 0),
        Level::Red => RGBColor(220, 0, 0),
        Level::None | Level::Temporary => RGBColor(158, 158, 158),
    }
}

/// A level's name on charts (`橙色预警` / `Orange warning`).
pub fn warning_name(level: Level, lang: Language) -> &'static str {
    let tr = Tr(lang);
    match level {
        Level::Blue => tr.t(T::ChartWarningBlue),
        Level::Yellow => tr.t(T::ChartWarningYellow),
        Level::Orange => tr.t(T::ChartWarningOrange),
        Level::Red => tr.t(T::ChartWarningRed),
        Level::None | Level::Temporary => tr.level(level),
    }
}

/// A `#RRGGBB` colour (as plans write them); `None` for anything else.
pub fn parse_hex(s: &str) -> Option<RGBColor> {
    let hex = s.trim().strip_prefix('#')?;
    if hex.len() != 6 || !hex.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some(RGBColor(byte(0)?, byte(2)?, byte(4)?))
}

/// Distinct, dark-enough series colours that stay readable over the pale AQI bands.
pub const PALETTE: [RGBColor; 10] = [
    RGBColor(31, 60, 136),
    RGBColor(200, 55, 45),
    RGBColor(0, 128, 96),
    RGBColor(122, 62, 160),
    RGBColor(190, 110, 0),
    RGBColor(0, 130, 180),
    RGBColor(160, 40, 110),
    RGBColor(90, 90, 90),
    RGBColor(100, 140, 20),
    RGBColor(140, 80, 40),
];

/// The palette colour for the `i`-th series.
pub fn series_colour(i: usize) -> RGBColor {
    PALETTE[i % PALETTE.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_use_official_colours_and_standard_breakpoints() {
        assert_eq!(aqi_colour(50.0), RGBColor(0, 228, 0));
        assert_eq!(aqi_colour(51.0), RGBColor(255, 255, 0));
        assert_eq!(aqi_colour(201.0), RGBColor(153, 0, 76));
        assert_eq!(aqi_colour(301.0), RGBColor(126, 0, 35));
        let d2019 = NaiveDate::from_ymd_opt(2019, 12, 1).expect("date");
        let d2026 = NaiveDate::from_ymd_opt(2026, 3, 1).expect("date");
        assert_eq!(pm25_bands(d2019, Language::Zh)[1].hi, 75.0);
        assert_eq!(pm25_bands(d2026, Language::Zh)[1].hi, 60.0);
        assert_eq!(pm25_bands(d2026, Language::Zh)[4].hi, 250.0);
        let bands = aqi_bands(Language::Zh);
        assert_eq!(
            Band::find(&bands, 150.0).map(|b| b.label.as_str()),
            Some("轻度污染")
        );
        assert_eq!(
            Band::find(&bands, 900.0).map(|b| b.label.as_str()),
            Some("严重污染")
        );
        let en = aqi_bands(Language::En);
        assert_eq!(en[0].label, "Excellent");
        assert_eq!(
            Band::find(&en, 250.0).map(|b| b.label.as_str()),
            Some("Heavily polluted")
        );
        assert_eq!(text_on(AQI_GOOD), RGBColor(20, 20, 20));
        assert_eq!(text_on(AQI_HEAVY), RGBColor(255, 255, 255));
    }

    #[test]
    fn warning_levels_have_names_in_both_languages_and_plan_colours_parse() {
        assert_eq!(warning_name(Level::Blue, Language::Zh), "蓝色预警");
        assert_eq!(warning_name(Level::Orange, Language::En), "Orange warning");
        assert_eq!(parse_hex("#1E64DC"), Some(RGBColor(30, 100, 220)));
        assert_eq!(parse_hex(" #ff7e00 "), Some(RGBColor(255, 126, 0)));
        assert_eq!(parse_hex("#FFF"), None);
        assert_eq!(parse_hex("1E64DC"), None);
        assert_eq!(parse_hex("#蓝色ab"), None);
    }
}
