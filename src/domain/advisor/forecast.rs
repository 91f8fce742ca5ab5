//! The daily AQI forecast as the advisor takes it: one AQI range per day plus the primary
//! pollutant(s), as forecasting centres publish it ("12月8日 AQI 180–230，首要污染物 PM2.5").

use chrono::NaiveDate;

/// A primary pollutant named by a forecast, or sand and dust named as the cause. Forecasts write
/// these as free text; the loader maps the usual spellings onto this closed set.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum PrimaryPollutant {
    /// Fine particles.
    #[serde(rename = "PM2.5")]
    Pm25,
    /// Coarse particles.
    #[serde(rename = "PM10")]
    Pm10,
    /// Ozone (1-h or 8-h).
    #[serde(rename = "O3")]
    O3,
    /// Nitrogen dioxide.
    #[serde(rename = "NO2")]
    No2,
    /// Sulphur dioxide.
    #[serde(rename = "SO2")]
    So2,
    /// Carbon monoxide.
    #[serde(rename = "CO")]
    Co,
    /// Sand and dust (沙尘、扬沙、浮尘): a cause rather than a pollutant, but forecasts name it in
    /// the same column and it decides the advisory path.
    #[serde(rename = "dust")]
    Dust,
}

impl PrimaryPollutant {
    /// The code used in files and JSON (`PM2.5`, `O3`, `dust`, …).
    pub fn code(self) -> &'static str {
        match self {
            PrimaryPollutant::Pm25 => "PM2.5",
            PrimaryPollutant::Pm10 => "PM10",
            PrimaryPollutant::O3 => "O3",
            PrimaryPollutant::No2 => "NO2",
            PrimaryPollutant::So2 => "SO2",
            PrimaryPollutant::Co => "CO",
            PrimaryPollutant::Dust => "dust",
        }
    }

    /// Read one token of free text (`PM2.5`, `细颗粒物`, `臭氧`, `O3_8h`, `沙尘`, …); `None` when
    /// it is not a known name. Full-width letters and digits are accepted.
    pub fn from_text(token: &str) -> Option<Self> {
        let ascii: String = token
            .trim()
            .chars()
            .map(|c| match c {
                // Full-width ASCII (ＰＭ２．５) → ASCII.
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
                '₂' => '2',
                '₃' => '3',
                '₅' => '5',
                '₁' => '1',
                '₀' => '0',
                '。' => '.',
                _ => c,
            })
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase();
        let p = match ascii.as_str() {
            "PM2.5" | "PM25" | "PM2_5" | "细颗粒物" => PrimaryPollutant::Pm25,
            "PM10" | "可吸入颗粒物" | "颗粒物(PM10)" => PrimaryPollutant::Pm10,
            "O3" | "O3_8H" | "O3-8H" | "O3_1H" | "O3-1H" | "O3(8H)" | "臭氧" | "OZONE" => {
                PrimaryPollutant::O3
            }
            "NO2" | "二氧化氮" => PrimaryPollutant::No2,
            "SO2" | "二氧化硫" => PrimaryPollutant::So2,
            "CO" | "一氧化碳" => PrimaryPollutant::Co,
            "沙尘" | "沙尘暴" | "扬沙" | "浮尘" | "DUST" | "SAND" => {
                PrimaryPollutant::Dust
            }
            _ => return None,
        };
        Some(p)
    }
}

/// One forecast day: the forecast daily AQI range and primary pollutant(s).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ForecastDay {
    /// The local calendar day forecast.
    pub date: NaiveDate,
    /// Lower bound of the forecast daily AQI.
    pub aqi_min: f32,
    /// Upper bound of the forecast daily AQI (equal to `aqi_min` for a single value).
    pub aqi_max: f32,
    /// Primary pollutant(s); empty when the forecast names none.
    pub primary: Vec<PrimaryPollutant>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_usual_spellings() {
        use PrimaryPollutant as P;
        for (text, p) in [
            ("PM2.5", P::Pm25),
            ("pm2.5", P::Pm25),
            ("ＰＭ２．５", P::Pm25),
            ("PM₂.₅", P::Pm25),
            ("细颗粒物", P::Pm25),
            ("PM10", P::Pm10),
            ("O3_8h", P::O3),
            ("O₃", P::O3),
            ("臭氧", P::O3),
            ("NO2", P::No2),
            ("沙尘", P::Dust),
            ("浮尘", P::Dust),
        ] {
            assert_eq!(PrimaryPollutant::from_text(text), Some(p), "{text}");
        }
        assert_eq!(PrimaryPollutant::from_text("PM3"), None);
        assert_eq!(PrimaryPollutant::from_text(""), None);
    }
}
