//! Breakpoint tables and the index of one indicator (IAQI): HJ 633-2012 Table 1, HJ 633-2026
//! Table 3 (DOMAIN.md §1.1–1.2) and the US EPA PM breakpoints (TAD EPA-454/B-24-002, Table 6).
//!
//! Chinese rule: concentration rounded by GB/T 8170 (whole µg/m³, CO to 0.1 mg/m³), linear
//! interpolation, IAQI rounded UP; above the top breakpoint IAQI is capped at 500 and flagged.
//! US rule: concentration truncated (PM2.5 to 0.1, PM10 to 1 µg/m³), interpolation, index rounded
//! to the nearest integer; above the top breakpoint the 301–500 line is extended and flagged.

use super::{Concentration, Indicator, Standard};

/// IAQI at the breakpoints of the Chinese tables.
const LEVELS: [i128; 8] = [0, 50, 100, 150, 200, 300, 400, 500];

// Chinese breakpoint columns, whole units (µg/m³; CO mg/m³). Shorter columns end where the
// standard stops defining the index (notes b and c).
const SO2_1H: [i128; 5] = [0, 150, 500, 650, 800];
const SO2_24H: [i128; 8] = [0, 50, 150, 475, 800, 1600, 2100, 2620];
const NO2_1H: [i128; 8] = [0, 100, 200, 700, 1200, 2340, 3090, 3840];
const NO2_24H: [i128; 8] = [0, 40, 80, 180, 280, 565, 750, 940];
const CO_1H: [i128; 8] = [0, 5, 10, 35, 60, 90, 120, 150];
const CO_24H: [i128; 8] = [0, 2, 4, 14, 24, 36, 48, 60];
const O3_1H: [i128; 8] = [0, 160, 200, 300, 400, 800, 1000, 1200];
const O3_8H: [i128; 6] = [0, 100, 160, 215, 265, 800];
const PM10_24H_2012: [i128; 8] = [0, 50, 150, 250, 350, 420, 500, 600];
const PM10_24H_2026: [i128; 8] = [0, 50, 120, 250, 350, 420, 500, 600];
const PM25_24H_2012: [i128; 8] = [0, 35, 75, 115, 150, 250, 350, 500];
const PM25_24H_2026: [i128; 8] = [0, 35, 60, 115, 150, 250, 350, 500];

/// A US segment in tenths of µg/m³: (C_low, C_high, I_low, I_high).
type UsSegment = (i128, i128, i128, i128);

/// US PM2.5 24-hour breakpoints as revised in 2024 (0.0–9.0 Good; 500 = 325.4).
const US_PM25: [UsSegment; 6] = [
    (0, 90, 0, 50),
    (91, 354, 51, 100),
    (355, 554, 101, 150),
    (555, 1254, 151, 200),
    (1255, 2254, 201, 300),
    (2255, 3254, 301, 500),
];

/// US PM10 24-hour breakpoints (unchanged in 2024; 301–500 on one line 425–604).
const US_PM10: [UsSegment; 6] = [
    (0, 540, 0, 50),
    (550, 1540, 51, 100),
    (1550, 2540, 101, 150),
    (2550, 3540, 151, 200),
    (3550, 4240, 201, 300),
    (4250, 6040, 301, 500),
];

/// The index of one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexValue {
    /// The IAQI (Chinese) or sub-index (US).
    pub value: u16,
    /// The concentration was above the top breakpoint: Chinese values are capped at 500, US
    /// values extend the top line beyond 500.
    pub beyond_table: bool,
}

/// Why an indicator got no index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoIndex {
    /// The standard has no breakpoints for this indicator (the US option's gases).
    NotDefined,
    /// Above the end of a column the standard stops early (SO2 1-hour above 800 µg/m³, O3 8-hour
    /// above 800 µg/m³); the caller applies the standard's rule for that case.
    AboveColumn,
}

/// The concentration as the standard indexes it: HJ 633 rounds by GB/T 8170 to whole µg/m³ (CO
/// to 0.1 mg/m³); the US AQI truncates PM2.5 to 0.1 and PM10 to 1 µg/m³.
pub fn prepared(standard: Standard, indicator: Indicator, c: Concentration) -> Concentration {
    use super::Pollutant;
    match (standard, indicator.pollutant()) {
        (Standard::UsEpa, Pollutant::Pm25) => c.truncate(10),
        (Standard::UsEpa, _) => c.truncate(1),
        (_, Pollutant::Co) => c.round_gb8170(10),
        _ => c.round_gb8170(1),
    }
}

/// The index of `indicator` at concentration `c` (as measured; this function applies the
/// standard's rounding first). See [`prepared`].
pub fn iaqi(
    standard: Standard,
    indicator: Indicator,
    c: Concentration,
) -> Result<IndexValue, NoIndex> {
    let c = prepared(standard, indicator, c);
    match standard {
        Standard::UsEpa => {
            let table = match indicator {
                Indicator::Pm25OneHour | Indicator::Pm25Daily => &US_PM25,
                Indicator::Pm10OneHour | Indicator::Pm10Daily => &US_PM10,
                _ => return Err(NoIndex::NotDefined),
            };
            Ok(us_index(table, c))
        }
        _ => chinese_index(chinese_column(standard, indicator), c),
    }
}

/// The concentration at which the index of `indicator` reaches `index` on a Chinese table: the
/// inverse of the interpolation in [`iaqi`] (before its rounding up), e.g. to turn a forecast AQI
/// into the concentration it stands for. `None` for the US standard, an index outside the table
/// (below 0, above the column's last level) or not finite.
pub fn concentration_at(standard: Standard, indicator: Indicator, index: f64) -> Option<f64> {
    if !standard.is_chinese() || !index.is_finite() || index < 0.0 {
        return None;
    }
    let column = chinese_column(standard, indicator);
    for (i, pair) in column.windows(2).enumerate() {
        let (i_lo, i_hi) = (LEVELS[i] as f64, LEVELS[i + 1] as f64);
        if index <= i_hi {
            let (b_lo, b_hi) = (pair[0] as f64, pair[1] as f64);
            return Some(b_lo + (index - i_lo) * (b_hi - b_lo) / (i_hi - i_lo));
        }
    }
    None
}

fn chinese_column(standard: Standard, indicator: Indicator) -> &'static [i128] {
    use Indicator::*;
    let new = standard == Standard::Hj633_2026;
    match indicator {
        So2OneHour => &SO2_1H,
        So2Daily => &SO2_24H,
        No2OneHour => &NO2_1H,
        No2Daily => &NO2_24H,
        CoOneHour => &CO_1H,
        CoDaily => &CO_24H,
        O3OneHour => &O3_1H,
        O3EightHour => &O3_8H,
        Pm10OneHour | Pm10Daily if new => &PM10_24H_2026,
        Pm10OneHour | Pm10Daily => &PM10_24H_2012,
        Pm25OneHour | Pm25Daily if new => &PM25_24H_2026,
        Pm25OneHour | Pm25Daily => &PM25_24H_2012,
    }
}

/// Linear interpolation on a Chinese column, rounded up, exactly:
/// IAQI = ⌈(I_lo·(B_hi−B_lo)·d + (I_hi−I_lo)·(n − B_lo·d)) / ((B_hi−B_lo)·d)⌉ for C = n/d.
fn chinese_index(column: &[i128], c: Concentration) -> Result<IndexValue, NoIndex> {
    let (n, d) = c.parts();
    for (i, pair) in column.windows(2).enumerate() {
        let (b_lo, b_hi) = (pair[0], pair[1]);
        if n <= b_hi * d {
            let (i_lo, i_hi) = (LEVELS[i], LEVELS[i + 1]);
            let num = i_lo * (b_hi - b_lo) * d + (i_hi - i_lo) * (n - b_lo * d);
            let den = (b_hi - b_lo) * d;
            let value = ceil_div(num, den);
            return Ok(IndexValue {
                value: value as u16,
                beyond_table: false,
            });
        }
    }
    if column.len() == LEVELS.len() {
        Ok(IndexValue {
            value: 500,
            beyond_table: true,
        })
    } else {
        Err(NoIndex::AboveColumn)
    }
}

/// Linear interpolation on a US table (values in tenths), rounded half up to an integer; beyond
/// the last breakpoint the last line is extended.
fn us_index(table: &[UsSegment], c: Concentration) -> IndexValue {
    let (n, d) = c.parts();
    let t = n * 10 / d; // exact: c is already truncated to tenths or units
    let last = table[table.len() - 1];
    let (segment, beyond_table) = match table.iter().find(|s| t <= s.1) {
        Some(&s) => (s, false),
        None => (last, true),
    };
    let (c_lo, c_hi, i_lo, i_hi) = segment;
    // value = i_lo + (i_hi − i_lo)(t − c_lo)/(c_hi − c_lo); round half up = ⌊(2·num + den)/(2·den)⌋.
    let den = c_hi - c_lo;
    let num = i_lo * den + (i_hi - i_lo) * (t - c_lo);
    let value = (2 * num + den).div_euclid(2 * den);
    IndexValue {
        value: value.clamp(0, i128::from(u16::MAX)) as u16,
        beyond_table,
    }
}

fn ceil_div(num: i128, den: i128) -> i128 {
    -((-num).div_euclid(den))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(standard: Standard, indicator: Indicator, c: f64) -> u16 {
        let c = Concentration::from_f64(c).expect("valid");
        iaqi(standard, indicator, c).expect("index").value
    }

    /// DOMAIN.md §1.7: computed from both tables with exact arithmetic, then rounded up.
    #[test]
    fn domain_test_vectors_both_tables() {
        use Indicator::*;
        let vectors: [(Indicator, f64, u16, u16); 16] = [
            (Pm25Daily, 35.0, 50, 50),
            (Pm25Daily, 50.0, 69, 80),
            (Pm25Daily, 60.0, 82, 100),
            (Pm25Daily, 75.0, 100, 114),
            (Pm25Daily, 76.0, 102, 115),
            (Pm25Daily, 115.0, 150, 150),
            (Pm25Daily, 150.0, 200, 200),
            (Pm25Daily, 151.0, 201, 201),
            (Pm25Daily, 250.0, 300, 300),
            (Pm25Daily, 300.0, 350, 350),
            (Pm10Daily, 120.0, 85, 100),
            (Pm10Daily, 150.0, 100, 112),
            (Pm10Daily, 200.0, 125, 131),
            (CoDaily, 1.5, 38, 38),
            (O3EightHour, 170.0, 110, 110),
            (No2OneHour, 250.0, 105, 105),
        ];
        for (ind, c, v2012, v2026) in vectors {
            assert_eq!(
                value(Standard::Hj633_2012, ind, c),
                v2012,
                "2012 {ind:?} {c}"
            );
            assert_eq!(
                value(Standard::Hj633_2026, ind, c),
                v2026,
                "2026 {ind:?} {c}"
            );
        }
    }

    #[test]
    fn breakpoints_are_exact_and_never_rounded_past() {
        // Every breakpoint of every full column gives exactly its IAQI level.
        for (col, ind) in [
            (&SO2_24H, Indicator::So2Daily),
            (&NO2_1H, Indicator::No2OneHour),
            (&NO2_24H, Indicator::No2Daily),
            (&CO_1H, Indicator::CoOneHour),
            (&CO_24H, Indicator::CoDaily),
            (&O3_1H, Indicator::O3OneHour),
            (&PM10_24H_2012, Indicator::Pm10Daily),
            (&PM25_24H_2012, Indicator::Pm25Daily),
        ] {
            for (bp, level) in col.iter().zip(LEVELS) {
                assert_eq!(
                    value(Standard::Hj633_2012, ind, *bp as f64),
                    level as u16,
                    "{ind:?} at {bp}"
                );
            }
        }
        // Just above a breakpoint rounds up into the next band.
        assert_eq!(value(Standard::Hj633_2012, Indicator::CoDaily, 4.1), 101);
        // The 1-hour particle value is indexed on the daily column.
        assert_eq!(
            value(Standard::Hj633_2012, Indicator::Pm25OneHour, 75.0),
            100
        );
    }

    #[test]
    fn concentrations_are_rounded_by_gb8170_first() {
        // 75.5 → 76 (half to even) → 102 under 2012; 74.5 → 74 → 99.
        assert_eq!(value(Standard::Hj633_2012, Indicator::Pm25Daily, 75.5), 102);
        assert_eq!(value(Standard::Hj633_2012, Indicator::Pm25Daily, 74.5), 99);
        // CO 2.05 → 2.0 (half to even) → exactly 50; 2.15 → 2.2 → 55.
        assert_eq!(value(Standard::Hj633_2026, Indicator::CoDaily, 2.05), 50);
        assert_eq!(value(Standard::Hj633_2026, Indicator::CoDaily, 2.15), 55);
    }

    #[test]
    fn above_the_table() {
        let c = |v: f64| Concentration::from_f64(v).expect("valid");
        let capped = iaqi(Standard::Hj633_2012, Indicator::Pm25OneHour, c(2100.0));
        assert_eq!(
            capped,
            Ok(IndexValue {
                value: 500,
                beyond_table: true
            })
        );
        assert_eq!(
            iaqi(Standard::Hj633_2012, Indicator::Pm25OneHour, c(500.0)),
            Ok(IndexValue {
                value: 500,
                beyond_table: false
            })
        );
        assert_eq!(
            iaqi(Standard::Hj633_2012, Indicator::So2OneHour, c(801.0)),
            Err(NoIndex::AboveColumn)
        );
        assert_eq!(
            iaqi(Standard::Hj633_2026, Indicator::O3EightHour, c(801.0)),
            Err(NoIndex::AboveColumn)
        );
        assert_eq!(
            iaqi(Standard::UsEpa, Indicator::O3EightHour, c(100.0)),
            Err(NoIndex::NotDefined)
        );
    }

    proptest::proptest! {
        /// A higher concentration never gives a lower index, in any standard and indicator.
        #[test]
        fn index_never_decreases(a in 0i64..4_000_000, b in 0i64..4_000_000) {
            let (lo, hi) = (a.min(b), a.max(b));
            let (lo, hi) = (
                Concentration::from_thousandths(lo).expect("valid"),
                Concentration::from_thousandths(hi).expect("valid"),
            );
            for standard in Standard::ALL {
                for ind in ALL_INDICATORS {
                    if let (Ok(x), Ok(y)) = (iaqi(standard, ind, lo), iaqi(standard, ind, hi)) {
                        proptest::prop_assert!(x.value <= y.value, "{standard:?} {ind:?}");
                    }
                }
            }
        }

        /// The Chinese PM2.5 IAQI is above 100 exactly when the rounded daily mean is above the
        /// IAQI-100 breakpoint (75 in 2012, 60 in 2026): no float drift across the limit.
        #[test]
        fn limit_is_respected(milli in 0i64..200_000) {
            let c = Concentration::from_thousandths(milli).expect("valid");
            for (standard, limit) in [(Standard::Hj633_2012, 75), (Standard::Hj633_2026, 60)] {
                let rounded = prepared(standard, Indicator::Pm25Daily, c);
                let v = iaqi(standard, Indicator::Pm25Daily, c).expect("index").value;
                let above = rounded > Concentration::whole(limit).expect("valid");
                proptest::prop_assert_eq!(v > 100, above, "{:?} {}", standard, c);
            }
        }
    }

    const ALL_INDICATORS: [Indicator; 12] = [
        Indicator::So2OneHour,
        Indicator::So2Daily,
        Indicator::No2OneHour,
        Indicator::No2Daily,
        Indicator::CoOneHour,
        Indicator::CoDaily,
        Indicator::O3OneHour,
        Indicator::O3EightHour,
        Indicator::Pm10OneHour,
        Indicator::Pm10Daily,
        Indicator::Pm25OneHour,
        Indicator::Pm25Daily,
    ];

    #[test]
    fn us_pm_with_2024_breakpoints() {
        use Indicator::*;
        let us = |ind, c| value(Standard::UsEpa, ind, c);
        assert_eq!(us(Pm25Daily, 9.0), 50);
        assert_eq!(us(Pm25Daily, 9.1), 51);
        assert_eq!(us(Pm25Daily, 9.09), 50, "truncated to 9.0");
        assert_eq!(us(Pm25Daily, 12.0), 56, "was 50 before 2024");
        assert_eq!(us(Pm25Daily, 20.0), 71);
        assert_eq!(us(Pm25Daily, 35.4), 100);
        assert_eq!(us(Pm25Daily, 35.5), 101);
        assert_eq!(us(Pm25Daily, 55.5), 151);
        assert_eq!(us(Pm25Daily, 125.4), 200);
        assert_eq!(us(Pm25Daily, 225.5), 301);
        assert_eq!(us(Pm25Daily, 325.4), 500);
        assert_eq!(us(Pm10Daily, 54.0), 50);
        assert_eq!(us(Pm10Daily, 54.9), 50, "truncated to 54");
        assert_eq!(us(Pm10Daily, 155.0), 101);
        assert_eq!(us(Pm10Daily, 604.0), 500);
        let beyond = iaqi(
            Standard::UsEpa,
            Pm25Daily,
            Concentration::from_f64(425.4).expect("valid"),
        )
        .expect("index");
        assert_eq!(
            beyond,
            IndexValue {
                value: 699,
                beyond_table: true
            }
        );
    }
}
