//! The hour grid: whole hours since the Unix epoch, in UTC.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// One hour on the store's grid: whole hours since 1970-01-01T00:00Z. Sources with local time are
/// converted with their UTC offset on the way in; the offset is kept on the station for display.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Hour(pub i64);

/// What the timestamp of an hourly value marks. Needed to put the value in the right calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum StampConvention {
    /// The stamp is the END of the averaging hour (CNEMC: "hour 1" averages 00:00–01:00, and hour 0
    /// of a date belongs to the previous day; OpenAQ likewise).
    EndOfHour,
    /// The stamp is the start of the hour or an instantaneous reading (Open-Meteo, UCI, soundings).
    StartOfHour,
}

impl Hour {
    /// The hour that contains `t` (truncated to the whole hour).
    pub fn from_utc(t: DateTime<Utc>) -> Self {
        Hour(t.timestamp().div_euclid(3600))
    }

    /// The hour of a local wall-clock time at a fixed UTC offset (seconds east of UTC).
    pub fn from_local(local: NaiveDateTime, utc_offset_s: i32) -> Self {
        let secs = local.and_utc().timestamp() - i64::from(utc_offset_s);
        Hour(secs.div_euclid(3600))
    }

    /// A local calendar date and hour of day (0–23, or 24 meaning 00:00 of the next day).
    pub fn from_local_date_hour(date: NaiveDate, hour: u32, utc_offset_s: i32) -> Self {
        let midnight = date.and_hms_opt(0, 0, 0).unwrap_or_default();
        Hour(Hour::from_local(midnight, utc_offset_s).0 + i64::from(hour))
    }

    /// The instant this hour starts, in UTC.
    pub fn to_utc(self) -> DateTime<Utc> {
        DateTime::<Utc>::from_timestamp(self.0.saturating_mul(3600), 0).unwrap_or_default()
    }

    /// The stamp shown to users: the instant in the source's own offset.
    pub fn to_local(self, utc_offset_s: i32) -> DateTime<FixedOffset> {
        let offset = FixedOffset::east_opt(utc_offset_s)
            .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset is valid"));
        offset.from_utc_datetime(&self.to_utc().naive_utc())
    }

    /// The local calendar day an hourly value belongs to, given what its stamp marks.
    pub fn day(self, convention: StampConvention, utc_offset_s: i32) -> NaiveDate {
        let start = match convention {
            StampConvention::EndOfHour => self - 1,
            StampConvention::StartOfHour => self,
        };
        start.to_local(utc_offset_s).date_naive()
    }

    /// The hours whose values make up local day `date` under `convention` (always 24 hours).
    pub fn day_range(
        date: NaiveDate,
        convention: StampConvention,
        utc_offset_s: i32,
    ) -> std::ops::Range<Hour> {
        let first = Hour::from_local_date_hour(date, 0, utc_offset_s);
        let first = match convention {
            StampConvention::EndOfHour => first + 1,
            StampConvention::StartOfHour => first,
        };
        first..first + 24
    }
}

impl std::ops::Add<i64> for Hour {
    type Output = Hour;
    fn add(self, rhs: i64) -> Hour {
        Hour(self.0 + rhs)
    }
}

impl std::ops::Sub<i64> for Hour {
    type Output = Hour;
    fn sub(self, rhs: i64) -> Hour {
        Hour(self.0 - rhs)
    }
}

impl std::ops::Sub<Hour> for Hour {
    type Output = i64;
    fn sub(self, rhs: Hour) -> i64 {
        self.0 - rhs.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CST: i32 = 8 * 3600;

    #[test]
    fn cnemc_hour_zero_belongs_to_previous_day() {
        let d = NaiveDate::from_ymd_opt(2019, 12, 2).expect("date");
        let h0 = Hour::from_local_date_hour(d, 0, CST);
        assert_eq!(
            h0.day(StampConvention::EndOfHour, CST),
            d.pred_opt().expect("date")
        );
        assert_eq!((h0 + 1).day(StampConvention::EndOfHour, CST), d);
        let r = Hour::day_range(d, StampConvention::EndOfHour, CST);
        assert_eq!(r.start, h0 + 1);
        assert_eq!(r.end - r.start, 24);
        assert_eq!(h0.to_local(CST).to_rfc3339(), "2019-12-02T00:00:00+08:00");
    }
}
