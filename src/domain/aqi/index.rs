//! The AQI of one hour or one day from plain concentrations: every indicator's IAQI, the special
//! rules of each version, the AQI (the largest IAQI), the primary pollutant(s) and the category.

use super::iaqi::{NoIndex, iaqi, prepared};
use super::{Category, Concentration, Indicator, Pollutant, Standard};

/// Concentrations for the real-time (hourly) AQI, `None` where missing. Units: µg/m³, CO mg/m³.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct HourlyConcentrations {
    /// SO2 1-hour mean.
    pub so2: Option<Concentration>,
    /// NO2 1-hour mean.
    pub no2: Option<Concentration>,
    /// CO 1-hour mean, mg/m³.
    pub co: Option<Concentration>,
    /// O3 1-hour mean.
    pub o3: Option<Concentration>,
    /// PM10 1-hour mean.
    pub pm10: Option<Concentration>,
    /// PM2.5 1-hour mean.
    pub pm25: Option<Concentration>,
    /// SO2 24-hour moving mean ending with this hour: only read under HJ 633-2012 with
    /// [`So2Above800::DailyMeanIaqi`] when SO2 1-hour is above 800 µg/m³.
    pub so2_24h: Option<Concentration>,
    /// Pollutants the station does not monitor by design: under HJ 633-2026 §5.3 their absence
    /// does not withhold the AQI.
    pub not_monitored: Vec<Pollutant>,
}

/// Concentrations for the daily AQI, `None` where missing or not valid.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct DailyConcentrations {
    /// SO2 daily mean.
    pub so2: Option<Concentration>,
    /// NO2 daily mean.
    pub no2: Option<Concentration>,
    /// CO daily mean, mg/m³.
    pub co: Option<Concentration>,
    /// O3 daily maximum 8-hour moving mean.
    pub o3_8h_max: Option<Concentration>,
    /// O3 daily maximum 1-hour mean (an indicator of HJ 633-2012 only).
    pub o3_1h_max: Option<Concentration>,
    /// PM10 daily mean.
    pub pm10: Option<Concentration>,
    /// PM2.5 daily mean.
    pub pm25: Option<Concentration>,
    /// Pollutants not monitored by design (see [`HourlyConcentrations::not_monitored`]).
    pub not_monitored: Vec<Pollutant>,
}

impl HourlyConcentrations {
    /// The 1-hour concentration behind a real-time indicator.
    pub fn get(&self, indicator: Indicator) -> Option<Concentration> {
        use Indicator::*;
        match indicator {
            So2OneHour => self.so2,
            No2OneHour => self.no2,
            CoOneHour => self.co,
            O3OneHour => self.o3,
            Pm10OneHour => self.pm10,
            Pm25OneHour => self.pm25,
            So2Daily => self.so2_24h,
            _ => None,
        }
    }

    /// Whether no pollutant has a value.
    pub fn is_empty(&self) -> bool {
        Indicator::HOURLY.iter().all(|i| self.get(*i).is_none())
    }
}

impl DailyConcentrations {
    /// The daily statistic behind a daily indicator.
    pub fn get(&self, indicator: Indicator) -> Option<Concentration> {
        use Indicator::*;
        match indicator {
            So2Daily => self.so2,
            No2Daily => self.no2,
            CoDaily => self.co,
            O3EightHour => self.o3_8h_max,
            O3OneHour => self.o3_1h_max,
            Pm10Daily => self.pm10,
            Pm25Daily => self.pm25,
            _ => None,
        }
    }

    /// Set the daily statistic behind a daily indicator (other indicators are ignored).
    pub fn set(&mut self, indicator: Indicator, value: Option<Concentration>) {
        use Indicator::*;
        let slot = match indicator {
            So2Daily => &mut self.so2,
            No2Daily => &mut self.no2,
            CoDaily => &mut self.co,
            O3EightHour => &mut self.o3_8h_max,
            O3OneHour => &mut self.o3_1h_max,
            Pm10Daily => &mut self.pm10,
            Pm25Daily => &mut self.pm25,
            _ => return,
        };
        *slot = value;
    }

    /// Whether no statistic has a value.
    pub fn is_empty(&self) -> bool {
        super::daily_indicators(Standard::Hj633_2012)
            .iter()
            .all(|i| self.get(*i).is_none())
    }
}

/// What to do under HJ 633-2012 when the SO2 1-hour mean is above 800 µg/m³ (the 1-hour column
/// ends there).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum So2Above800 {
    /// SO2 IAQI = 200: what the national real-time platform published (CNEMC 1607A,
    /// 2019-12-30 10:00, SO2 902 µg/m³, published AQI 200, no other pollutant above 129), and
    /// what HJ 633-2026 made the rule.
    #[default]
    AsPublished,
    /// The literal HJ 633-2012 note (b): report the SO2 IAQI of the 24-hour mean instead.
    DailyMeanIaqi,
}

/// One indicator's index within a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct SubIndex {
    /// Which indicator.
    pub indicator: Indicator,
    /// The concentration as indexed (after the standard's rounding or truncation).
    pub concentration: Concentration,
    /// The IAQI (or the US sub-index).
    pub value: u16,
}

/// Something a reader of the number should know: a special rule applied, or why there is no AQI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Note {
    /// SO2 1-hour above 800 µg/m³: SO2 IAQI set to 200 (HJ 633-2026; 2012 as published).
    So2Above800Set200,
    /// SO2 1-hour above 800 µg/m³: SO2 IAQI from the 24-hour mean (HJ 633-2012 note b).
    So2Above800UsedDailyMean,
    /// SO2 1-hour above 800 µg/m³ and no 24-hour mean to fall back on: SO2 left out.
    So2Above800NoDailyMean,
    /// O3 8-hour above 800 µg/m³: O3 IAQI set to 300 (HJ 633-2026).
    O3EightHourAbove800Set300,
    /// O3 8-hour above 800 µg/m³: O3 IAQI from the 1-hour value (HJ 633-2012 note c).
    O3EightHourAbove800UsedOneHour,
    /// O3 8-hour above 800 µg/m³ and no 1-hour value: O3 8-hour left out.
    O3EightHourAbove800NoOneHour,
    /// The concentration was above the top breakpoint: the IAQI is capped at 500 (HJ 633), or
    /// extends beyond 500 (US).
    BeyondTable(Indicator),
    /// HJ 633-2026 §5.3: a monitored pollutant is missing and the AQI of the others is not above
    /// 100, so no AQI is published (NA); the sub-indices remain.
    Incomplete,
    /// HJ 633-2026 states the AQI range as 1–500: an AQI of 0 is reported as 1.
    RaisedToOne,
}

impl Note {
    /// Stable code for JSON (`so2-above-800-set-200`, `beyond-table:PM2.5_1h`).
    pub fn code(self) -> String {
        match self {
            Note::So2Above800Set200 => "so2-above-800-set-200".into(),
            Note::So2Above800UsedDailyMean => "so2-above-800-used-24h".into(),
            Note::So2Above800NoDailyMean => "so2-above-800-no-24h".into(),
            Note::O3EightHourAbove800Set300 => "o3-8h-above-800-set-300".into(),
            Note::O3EightHourAbove800UsedOneHour => "o3-8h-above-800-used-1h".into(),
            Note::O3EightHourAbove800NoOneHour => "o3-8h-above-800-no-1h".into(),
            Note::BeyondTable(i) => format!("beyond-table:{}", i.code()),
            Note::Incomplete => "incomplete".into(),
            Note::RaisedToOne => "raised-to-1".into(),
        }
    }
}

impl serde::Serialize for Note {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.code())
    }
}

/// The AQI of one hour or day under one standard, with everything needed to explain it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct AqiResult {
    /// The standard applied.
    pub standard: Standard,
    /// The AQI; `None` when nothing could be indexed or HJ 633-2026 §5.3 withholds it.
    pub aqi: Option<u16>,
    /// Category of `aqi`.
    pub category: Option<Category>,
    /// Primary pollutant(s): those whose IAQI equals the AQI, all of them on a tie; empty when
    /// the AQI is 50 or less (HJ 633) or missing. The US option names the responsible
    /// pollutant(s) at any AQI.
    pub primary: Vec<Pollutant>,
    /// The indicators that got an index, in table order.
    pub sub_indices: Vec<SubIndex>,
    /// Indicators of the method that had no value.
    pub missing: Vec<Indicator>,
    /// Special rules applied and flags.
    pub notes: Vec<Note>,
}

impl AqiResult {
    /// The index of one indicator, if it got one.
    pub fn iaqi(&self, indicator: Indicator) -> Option<u16> {
        self.sub_indices
            .iter()
            .find(|s| s.indicator == indicator)
            .map(|s| s.value)
    }

    /// The largest sub-index, even where the AQI itself is withheld (NA).
    pub fn max_sub_index(&self) -> Option<u16> {
        self.sub_indices.iter().map(|s| s.value).max()
    }

    /// Pollutants with an IAQI above 100 (HJ 633-2012 "exceeding pollutants"; HJ 633-2026 uses
    /// the same test to name sensitive groups).
    pub fn exceeding(&self) -> Vec<Pollutant> {
        let mut out: Vec<Pollutant> = self
            .sub_indices
            .iter()
            .filter(|s| s.value > 100)
            .map(|s| s.indicator.pollutant())
            .collect();
        out.dedup();
        out
    }

    /// Whether a note of this kind was raised.
    pub fn has_note(&self, note: Note) -> bool {
        self.notes.contains(&note)
    }
}

/// The real-time (hourly) AQI as published. HJ 633-2012, as the national platform computed it:
/// the largest IAQI of SO2, NO2, CO, O3 1-hour means (1-hour columns) and PM10, PM2.5 1-hour
/// means on the 24-hour columns; the O3 8-hour mean does not enter. HJ 633-2026 names the same
/// six 1-hour means and the same columns, with its own breakpoints and rules. US option: PM2.5
/// and PM10 1-hour values on the 24-hour table (a comparison, not the NowCast).
pub fn hourly_aqi(
    input: &HourlyConcentrations,
    standard: Standard,
    so2_rule: So2Above800,
) -> AqiResult {
    let mut b = Builder::new(standard);
    for &indicator in super::hourly_indicators(standard) {
        let Some(c) = input.get(indicator) else {
            b.missing.push(indicator);
            continue;
        };
        match iaqi(standard, indicator, c) {
            Ok(v) => b.push(indicator, prepared(standard, indicator, c), v),
            Err(NoIndex::NotDefined) => {}
            Err(NoIndex::AboveColumn) => {
                // Only the SO2 1-hour column ends early among the real-time indicators.
                let rounded = prepared(standard, indicator, c);
                let from_daily =
                    standard == Standard::Hj633_2012 && so2_rule == So2Above800::DailyMeanIaqi;
                if !from_daily {
                    b.fixed(indicator, rounded, 200, Note::So2Above800Set200);
                } else if let Some(daily) = input.so2_24h {
                    match iaqi(standard, Indicator::So2Daily, daily) {
                        Ok(v) => {
                            b.push(indicator, rounded, v);
                            b.notes.push(Note::So2Above800UsedDailyMean);
                        }
                        Err(_) => b.missing.push(indicator),
                    }
                } else {
                    b.missing.push(indicator);
                    b.notes.push(Note::So2Above800NoDailyMean);
                }
            }
        }
    }
    b.finish(&input.not_monitored)
}

/// The daily AQI from daily statistics: HJ 633-2012 uses seven indicators (SO2, NO2, CO, PM10,
/// PM2.5 daily means, O3 daily maximum 1-hour and 8-hour), HJ 633-2026 six (no O3 1-hour); the
/// US option the PM2.5 and PM10 daily means.
pub fn daily_aqi(input: &DailyConcentrations, standard: Standard) -> AqiResult {
    let mut b = Builder::new(standard);
    for &indicator in super::daily_indicators(standard) {
        let Some(c) = input.get(indicator) else {
            b.missing.push(indicator);
            continue;
        };
        match iaqi(standard, indicator, c) {
            Ok(v) => b.push(indicator, prepared(standard, indicator, c), v),
            Err(NoIndex::NotDefined) => {}
            Err(NoIndex::AboveColumn) => {
                // Only the O3 8-hour column ends early among the daily indicators.
                let rounded = prepared(standard, indicator, c);
                if standard == Standard::Hj633_2026 {
                    b.fixed(indicator, rounded, 300, Note::O3EightHourAbove800Set300);
                } else if let Some(one_hour) = input.o3_1h_max {
                    match iaqi(standard, Indicator::O3OneHour, one_hour) {
                        Ok(v) => {
                            b.push(indicator, rounded, v);
                            b.notes.push(Note::O3EightHourAbove800UsedOneHour);
                        }
                        Err(_) => b.missing.push(indicator),
                    }
                } else {
                    b.missing.push(indicator);
                    b.notes.push(Note::O3EightHourAbove800NoOneHour);
                }
            }
        }
    }
    b.finish(&input.not_monitored)
}

/// Collects sub-indices and notes, then applies the AQI-level rules.
struct Builder {
    standard: Standard,
    sub_indices: Vec<SubIndex>,
    missing: Vec<Indicator>,
    notes: Vec<Note>,
}

impl Builder {
    fn new(standard: Standard) -> Self {
        Builder {
            standard,
            sub_indices: Vec::new(),
            missing: Vec::new(),
            notes: Vec::new(),
        }
    }

    fn push(&mut self, indicator: Indicator, concentration: Concentration, v: super::IndexValue) {
        if v.beyond_table {
            self.notes.push(Note::BeyondTable(indicator));
        }
        self.sub_indices.push(SubIndex {
            indicator,
            concentration,
            value: v.value,
        });
    }

    fn fixed(
        &mut self,
        indicator: Indicator,
        concentration: Concentration,
        value: u16,
        note: Note,
    ) {
        self.sub_indices.push(SubIndex {
            indicator,
            concentration,
            value,
        });
        self.notes.push(note);
    }

    fn finish(mut self, not_monitored: &[Pollutant]) -> AqiResult {
        let mut aqi = self.sub_indices.iter().map(|s| s.value).max();
        if self.standard == Standard::Hj633_2026 {
            let monitored_missing = self
                .missing
                .iter()
                .any(|i| !not_monitored.contains(&i.pollutant()));
            if monitored_missing && aqi.is_some_and(|a| a <= 100) {
                aqi = None;
                self.notes.push(Note::Incomplete);
            }
            if aqi == Some(0) {
                aqi = Some(1);
                self.notes.push(Note::RaisedToOne);
            }
        }
        let primary = match aqi {
            Some(a) if a > 50 || self.standard == Standard::UsEpa => {
                let mut p: Vec<Pollutant> = self
                    .sub_indices
                    .iter()
                    .filter(|s| s.value == a)
                    .map(|s| s.indicator.pollutant())
                    .collect();
                p.sort();
                p.dedup();
                p
            }
            _ => Vec::new(),
        };
        AqiResult {
            standard: self.standard,
            aqi,
            category: aqi.map(Category::from_aqi),
            primary,
            sub_indices: self.sub_indices,
            missing: self.missing,
            notes: self.notes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(v: f64) -> Option<Concentration> {
        Concentration::from_f64(v)
    }

    fn hour(so2: f64, no2: f64, co: f64, o3: f64, pm10: f64, pm25: f64) -> HourlyConcentrations {
        HourlyConcentrations {
            so2: c(so2),
            no2: c(no2),
            co: c(co),
            o3: c(o3),
            pm10: c(pm10),
            pm25: c(pm25),
            ..Default::default()
        }
    }

    #[test]
    fn hourly_is_the_largest_iaqi_with_particles_on_the_daily_column() {
        // CNEMC 1607A at 2019-12-30 10:00 with SO2 lowered to 10: PM2.5 98 → 129 is the largest.
        let r = hourly_aqi(
            &hour(10.0, 44.0, 2.5, 55.0, 144.0, 98.0),
            Standard::Hj633_2012,
            So2Above800::AsPublished,
        );
        assert_eq!(r.aqi, Some(129));
        assert_eq!(r.category, Some(Category::III));
        assert_eq!(r.primary, vec![Pollutant::Pm25]);
        assert_eq!(r.iaqi(Indicator::Pm10OneHour), Some(97));
        assert_eq!(r.iaqi(Indicator::CoOneHour), Some(25));
        assert_eq!(r.exceeding(), vec![Pollutant::Pm25]);
        // The same hour under HJ 633-2026: PM2.5 98 → 100 + 50·38/55 = 134.5 → 135.
        let r = hourly_aqi(
            &hour(10.0, 44.0, 2.5, 55.0, 144.0, 98.0),
            Standard::Hj633_2026,
            So2Above800::AsPublished,
        );
        assert_eq!(r.aqi, Some(135));
    }

    #[test]
    fn so2_above_800_rules() {
        let mut h = hour(902.0, 44.0, 2.5, 55.0, 144.0, 98.0);
        h.so2_24h = c(285.0);
        let published = hourly_aqi(&h, Standard::Hj633_2012, So2Above800::AsPublished);
        assert_eq!(published.aqi, Some(200));
        assert_eq!(published.primary, vec![Pollutant::So2]);
        assert!(published.has_note(Note::So2Above800Set200));
        let literal = hourly_aqi(&h, Standard::Hj633_2012, So2Above800::DailyMeanIaqi);
        assert_eq!(literal.iaqi(Indicator::So2OneHour), Some(121));
        assert_eq!(literal.aqi, Some(129));
        assert!(literal.has_note(Note::So2Above800UsedDailyMean));
        h.so2_24h = None;
        let none = hourly_aqi(&h, Standard::Hj633_2012, So2Above800::DailyMeanIaqi);
        assert_eq!(none.iaqi(Indicator::So2OneHour), None);
        assert!(none.missing.contains(&Indicator::So2OneHour));
        assert!(none.has_note(Note::So2Above800NoDailyMean));
        // 2026: always 200, whatever the option says.
        let new = hourly_aqi(&h, Standard::Hj633_2026, So2Above800::DailyMeanIaqi);
        assert_eq!(new.iaqi(Indicator::So2OneHour), Some(200));
    }

    #[test]
    fn primary_pollutants_tie_and_need_aqi_above_50() {
        // PM2.5 75 → 100 and PM10 150 → 100 under 2012: both primary.
        let r = hourly_aqi(
            &hour(5.0, 10.0, 0.3, 20.0, 150.0, 75.0),
            Standard::Hj633_2012,
            So2Above800::AsPublished,
        );
        assert_eq!(r.aqi, Some(100));
        assert_eq!(r.primary, vec![Pollutant::Pm10, Pollutant::Pm25]);
        // AQI 50: no primary pollutant.
        let r = hourly_aqi(
            &hour(5.0, 10.0, 0.3, 20.0, 50.0, 35.0),
            Standard::Hj633_2012,
            So2Above800::AsPublished,
        );
        assert_eq!(r.aqi, Some(50));
        assert!(r.primary.is_empty());
        // Daily 2012: O3 1-hour and 8-hour tie, O3 is named once.
        let d = DailyConcentrations {
            o3_1h_max: c(300.0),
            o3_8h_max: c(215.0),
            pm25: c(30.0),
            ..Default::default()
        };
        let r = daily_aqi(&d, Standard::Hj633_2012);
        assert_eq!(r.aqi, Some(150));
        assert_eq!(r.primary, vec![Pollutant::O3]);
    }

    #[test]
    fn o3_8h_above_800_rules() {
        let d = DailyConcentrations {
            o3_8h_max: c(820.0),
            o3_1h_max: c(900.0),
            ..Default::default()
        };
        let old = daily_aqi(&d, Standard::Hj633_2012);
        // 2012: from the 1-hour value, 900 → 300 + 100·100/200 = 350.
        assert_eq!(old.iaqi(Indicator::O3EightHour), Some(350));
        assert!(old.has_note(Note::O3EightHourAbove800UsedOneHour));
        let new = daily_aqi(&d, Standard::Hj633_2026);
        assert_eq!(new.iaqi(Indicator::O3EightHour), Some(300));
        assert_eq!(new.iaqi(Indicator::O3OneHour), None, "not a 2026 indicator");
        assert!(new.has_note(Note::O3EightHourAbove800Set300));
    }

    #[test]
    fn capped_above_the_top_breakpoint() {
        let r = hourly_aqi(
            &hour(5.0, 10.0, 0.3, 20.0, 700.0, 2100.0),
            Standard::Hj633_2012,
            So2Above800::AsPublished,
        );
        assert_eq!(r.aqi, Some(500));
        assert!(r.has_note(Note::BeyondTable(Indicator::Pm25OneHour)));
        assert!(r.has_note(Note::BeyondTable(Indicator::Pm10OneHour)));
        assert_eq!(r.primary, vec![Pollutant::Pm10, Pollutant::Pm25]);
    }

    #[test]
    fn missing_pollutants() {
        let mut h = hour(5.0, 10.0, 0.3, 20.0, 60.0, 40.0);
        h.pm25 = None;
        // 2012: AQI from the rest (as published by CNEMC).
        let r = hourly_aqi(&h, Standard::Hj633_2012, So2Above800::AsPublished);
        assert_eq!(r.aqi, Some(55));
        assert_eq!(r.missing, vec![Indicator::Pm25OneHour]);
        // 2026 §5.3: rest ≤ 100 → NA, sub-indices kept.
        let r = hourly_aqi(&h, Standard::Hj633_2026, So2Above800::AsPublished);
        assert_eq!(r.aqi, None);
        assert_eq!(r.category, None);
        assert_eq!(
            r.max_sub_index(),
            Some(58),
            "PM10 60 → 50 + 50·10/70 under 2026"
        );
        assert!(r.has_note(Note::Incomplete));
        // … unless the missing pollutant is not monitored by design …
        h.not_monitored = vec![Pollutant::Pm25];
        let r = hourly_aqi(&h, Standard::Hj633_2026, So2Above800::AsPublished);
        assert_eq!(r.aqi, Some(58));
        // … or the rest already exceed 100.
        h.not_monitored.clear();
        h.pm10 = c(300.0);
        let r = hourly_aqi(&h, Standard::Hj633_2026, So2Above800::AsPublished);
        assert_eq!(r.aqi, Some(175));
        // Nothing at all: no AQI.
        let r = hourly_aqi(
            &HourlyConcentrations::default(),
            Standard::Hj633_2012,
            So2Above800::AsPublished,
        );
        assert_eq!(r.aqi, None);
        assert_eq!(r.missing.len(), 6);
    }

    #[test]
    fn range_starts_at_one_in_2026() {
        let zero = hour(0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        let r = hourly_aqi(&zero, Standard::Hj633_2012, So2Above800::AsPublished);
        assert_eq!(r.aqi, Some(0));
        let r = hourly_aqi(&zero, Standard::Hj633_2026, So2Above800::AsPublished);
        assert_eq!(r.aqi, Some(1));
        assert_eq!(r.category, Some(Category::I));
    }

    #[test]
    fn us_option_uses_particles_only() {
        let r = hourly_aqi(
            &hour(5.0, 10.0, 0.3, 20.0, 60.0, 40.0),
            Standard::UsEpa,
            So2Above800::AsPublished,
        );
        assert_eq!(r.sub_indices.len(), 2);
        // PM2.5 40.0 → 101 + 49·45/199 = 112.08 → 112.
        assert_eq!(r.aqi, Some(112));
        assert_eq!(r.primary, vec![Pollutant::Pm25]);
        assert_eq!(r.category, Some(Category::III));
    }
}
