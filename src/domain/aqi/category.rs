//! AQI categories (levels I–VI) with their names and official colours. The AQI bands are the same
//! in China and the US (0/1–50, 51–100, 101–150, 151–200, 201–300, > 300); names differ, and so
//! does one colour: the Chinese level V purple is (153,0,76), the US one (143,63,151).

use super::Standard;

/// One of the six AQI categories, named by the Chinese level (一级 … 六级).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Category {
    /// AQI 0 (2026: 1) – 50: 优 / US Good.
    I,
    /// AQI 51–100: 良 / US Moderate.
    II,
    /// AQI 101–150: 轻度污染 / US Unhealthy for Sensitive Groups.
    III,
    /// AQI 151–200: 中度污染 / US Unhealthy.
    IV,
    /// AQI 201–300: 重度污染 / US Very Unhealthy.
    V,
    /// AQI above 300: 严重污染 / US Hazardous.
    VI,
}

/// An sRGB colour.
pub type Rgb = [u8; 3];

impl Category {
    /// All six, from best to worst.
    pub const ALL: [Category; 6] = [
        Category::I,
        Category::II,
        Category::III,
        Category::IV,
        Category::V,
        Category::VI,
    ];

    /// The category of an AQI value (values above 500, possible with the US AQI, are VI).
    pub fn from_aqi(aqi: u16) -> Category {
        match aqi {
            0..=50 => Category::I,
            51..=100 => Category::II,
            101..=150 => Category::III,
            151..=200 => Category::IV,
            201..=300 => Category::V,
            _ => Category::VI,
        }
    }

    /// Level number 1–6.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    /// Roman numeral (`III`).
    pub fn roman(self) -> &'static str {
        ["I", "II", "III", "IV", "V", "VI"][self as usize]
    }

    /// The lowest AQI of the band.
    pub fn lower_bound(self) -> u16 {
        [0, 51, 101, 151, 201, 301][self as usize]
    }

    /// Official colour under `standard` (HJ 633 Appendix A; US TAD Table 2).
    pub fn colour(self, standard: Standard) -> Rgb {
        match self {
            Category::I => [0, 228, 0],
            Category::II => [255, 255, 0],
            Category::III => [255, 126, 0],
            Category::IV => [255, 0, 0],
            Category::V if standard.is_chinese() => [153, 0, 76],
            Category::V => [143, 63, 151],
            Category::VI => [126, 0, 35],
        }
    }

    /// The colour as `#RRGGBB`.
    pub fn hex(self, standard: Standard) -> String {
        let [r, g, b] = self.colour(standard);
        format!("#{r:02X}{g:02X}{b:02X}")
    }

    /// Heavy pollution (重污染) as emergency plans use it: AQI above 200 (levels V and VI).
    pub fn is_heavy(self) -> bool {
        self >= Category::V
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, Tr};

    #[test]
    fn band_boundaries() {
        let cases = [
            (0, Category::I),
            (50, Category::I),
            (51, Category::II),
            (100, Category::II),
            (101, Category::III),
            (150, Category::III),
            (151, Category::IV),
            (200, Category::IV),
            (201, Category::V),
            (300, Category::V),
            (301, Category::VI),
            (500, Category::VI),
            (640, Category::VI),
        ];
        for (aqi, cat) in cases {
            assert_eq!(Category::from_aqi(aqi), cat, "AQI {aqi}");
        }
        for c in Category::ALL {
            assert_eq!(Category::from_aqi(c.lower_bound()), c);
        }
        assert!(!Category::IV.is_heavy() && Category::V.is_heavy());
    }

    #[test]
    fn chinese_purple_differs_from_us_purple() {
        assert_eq!(Category::V.hex(Standard::Hj633_2012), "#99004C");
        assert_eq!(Category::V.hex(Standard::Hj633_2026), "#99004C");
        assert_eq!(Category::V.hex(Standard::UsEpa), "#8F3F97");
        assert_eq!(Category::VI.hex(Standard::Hj633_2026), "#7E0023");
        assert_eq!(Category::III.hex(Standard::UsEpa), "#FF7E00");
        assert_eq!(Category::III.number(), 3);
        let (zh, en) = (Tr(Language::Zh), Tr(Language::En));
        assert_eq!(zh.category(Category::III, Standard::Hj633_2012), "轻度污染");
        assert_eq!(
            en.category(Category::III, Standard::UsEpa),
            "Unhealthy for Sensitive Groups"
        );
    }
}
