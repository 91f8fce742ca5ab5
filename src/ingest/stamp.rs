//! Reading time stamps as sources write them, onto the store's UTC hour grid.
//!
//! One place for the formats seen in the wild (ISO-8601 with or without an offset, `Z`, a space
//! instead of `T`, slashes, `YYYYMMDDHH`, Chinese `2019年12月1日 8时`, hour `24:00` meaning the
//! next midnight), so every loader reads them alike and rejects the rest with a reason. Parsing
//! itself is chrono's.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};

use crate::store::Hour;

use super::reason::{CellError, Note};

/// Earliest year accepted. Older stamps are typos or corrupt cells; refusing them also keeps a
/// single wild date from stretching a dense series over centuries.
pub const FIRST_YEAR: i32 = 1900;
/// Latest year accepted (same reason).
pub const LAST_YEAR: i32 = 2100;

/// A stamp read from a cell: the wall-clock time and, when the cell carried one, its UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// Local wall-clock time (for `Z` or an offset: the time at that offset).
    pub local: NaiveDateTime,
    /// Offset in seconds east of UTC given in the cell itself.
    pub offset_s: Option<i32>,
}

impl Stamp {
    /// The hour on the UTC grid, using the cell's own offset or else `default_offset_s`.
    /// `Err` when the stamp is not on a whole hour or outside [`FIRST_YEAR`]..=[`LAST_YEAR`].
    pub fn hour(&self, default_offset_s: i32) -> Result<Hour, CellError> {
        use chrono::Timelike;
        check_year(self.local)?;
        let t = self.local.time();
        if t.minute() != 0 || t.second() != 0 || t.nanosecond() != 0 {
            return Err(CellError::NotWholeHour { at: self.local });
        }
        Ok(Hour::from_local(
            self.local,
            self.offset_s.unwrap_or(default_offset_s),
        ))
    }
}

fn check_year(t: NaiveDateTime) -> Result<(), CellError> {
    use chrono::Datelike;
    if (FIRST_YEAR..=LAST_YEAR).contains(&t.year()) {
        Ok(())
    } else {
        Err(CellError::YearOutside { year: t.year() })
    }
}

/// Formats with an explicit offset (`%#z` accepts `+08`, `+0800` and `+08:00`).
const WITH_OFFSET: [&str; 4] = [
    "%Y-%m-%dT%H:%M:%S%.f%#z",
    "%Y-%m-%d %H:%M:%S%.f%#z",
    "%Y-%m-%dT%H:%M%#z",
    "%Y-%m-%d %H:%M%#z",
];

/// Local formats, most common first.
const LOCAL: [&str; 14] = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y.%m.%d %H:%M:%S",
    "%Y.%m.%d %H:%M",
    "%Y年%m月%d日 %H:%M:%S",
    "%Y年%m月%d日 %H:%M",
    "%Y年%m月%d日%H:%M",
    "%Y%m%d%H%M",
];

/// Read a date-time cell. Hour `24` (`2019-12-01 24:00`) is taken as 00:00 of the next day, as
/// Chinese hourly tables write it. `None` when no known format fits.
pub fn parse(raw: &str) -> Option<Stamp> {
    let s = raw.trim().trim_matches('"');
    if s.is_empty() {
        return None;
    }
    if let Some(rest) = s.strip_suffix('Z').or_else(|| s.strip_suffix('z')) {
        let local = parse_local(rest)?;
        return Some(Stamp {
            local,
            offset_s: Some(0),
        });
    }
    // An offset is a sign after the date part; skip those formats when there is none.
    let has_offset = s.get(10..).is_some_and(|t| t.contains(['+', '-']));
    for f in WITH_OFFSET.iter().filter(|_| has_offset) {
        if let Ok(t) = DateTime::<FixedOffset>::parse_from_str(s, f) {
            return Some(Stamp {
                local: t.naive_local(),
                offset_s: Some(t.offset().local_minus_utc()),
            });
        }
    }
    parse_local(s).map(|local| Stamp {
        local,
        offset_s: None,
    })
}

/// A local date-time without offset, hour 24 allowed.
fn parse_local(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    if let Some(t) = parse_local_strict(s) {
        return Some(t);
    }
    // Chinese hour forms: `2019年12月1日 8时`, `2019-12-01 8时`.
    if let Some(body) = s.strip_suffix('时').or_else(|| s.strip_suffix('點')) {
        let (date, hour) = body.rsplit_once(|c: char| !c.is_ascii_digit())?;
        let hour: u32 = hour.parse().ok()?;
        let date = parse_date(date.trim())?;
        return at_hour(date, hour);
    }
    // `YYYYMMDDHH`.
    if s.len() == 10 && s.bytes().all(|b| b.is_ascii_digit()) {
        let date = NaiveDate::parse_from_str(&s[..8], "%Y%m%d").ok()?;
        return at_hour(date, s[8..].parse().ok()?);
    }
    // Hour 24 in any of the formats: read as 00 and add a day.
    for (pat, rep) in [(" 24:", " 00:"), ("T24:", "T00:"), ("日24:", "日00:")] {
        if s.contains(pat) {
            let t = parse_local_strict(&s.replacen(pat, rep, 1))?;
            if t.time() != NaiveTime::MIN {
                return None; // 24:30 is not a time
            }
            return t.checked_add_signed(Duration::days(1));
        }
    }
    None
}

fn parse_local_strict(s: &str) -> Option<NaiveDateTime> {
    LOCAL
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
}

/// Date formats accepted in date-only cells.
const DATES: [&str; 6] = [
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y%m%d",
    "%Y.%m.%d",
    "%Y年%m月%d日",
    "%d/%m/%Y",
];

/// Read a date-only cell.
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let s = raw.trim().trim_matches('"');
    DATES
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(s, f).ok())
}

/// A date at an hour of day 0–24 (24 = next midnight).
pub fn at_hour(date: NaiveDate, hour: u32) -> Option<NaiveDateTime> {
    match hour {
        0..=23 => date.and_hms_opt(hour, 0, 0),
        24 => date.succ_opt()?.and_hms_opt(0, 0, 0),
        _ => None,
    }
}

/// Parse a UTC offset such as `+08:00`, `-0430`, `+8`, `UTC+8`, `Z`, into seconds east.
pub fn parse_offset(raw: &str) -> Option<i32> {
    let s = raw.trim();
    let s = s
        .strip_prefix("UTC")
        .or_else(|| s.strip_prefix("GMT"))
        .unwrap_or(s)
        .trim();
    if s.is_empty() || s == "Z" {
        return Some(0);
    }
    let (sign, body) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let (h, m) = match body.split_once(':') {
        Some((h, m)) => (h, m),
        None if body.len() == 4 => body.split_at(2),
        None => (body, "0"),
    };
    let h: i32 = h.parse().ok()?;
    let m: i32 = m.parse().ok()?;
    if !(0..=18).contains(&h) || !(0..60).contains(&m) {
        return None;
    }
    Some(sign * (h * 3600 + m * 60))
}

/// For a source whose UTC offset is not a whole number of hours (Kabul +04:30, India +05:30):
/// its whole local hours fall between UTC hours, and each value goes to the UTC hour containing
/// its stamp. The note says so for the load report.
pub fn offset_note(offset_s: i32) -> Option<Note> {
    (offset_s % 3600 != 0).then(|| Note::OffsetBetweenHours {
        offset: format_offset(offset_s),
        minutes: (offset_s.rem_euclid(3600)) / 60,
    })
}

/// Format seconds east of UTC as `+08:00`.
pub fn format_offset(offset_s: i32) -> String {
    let sign = if offset_s < 0 { '-' } else { '+' };
    let a = offset_s.unsigned_abs();
    format!("{sign}{:02}:{:02}", a / 3600, (a % 3600) / 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Then;

    fn hour(s: &str, default: i32) -> Result<Hour, String> {
        parse(s)
            .ok_or_else(|| format!("unparsed {s}"))?
            .hour(default)
            .map_err(|e| crate::ingest::reason::en(&crate::ingest::Reason::cell(e, Then::Value)))
    }

    #[test]
    fn reads_the_formats_sources_write() {
        let utc = hour("2019-12-01T16:00:00Z", 0).expect("Z");
        assert_eq!(hour("2019-12-02 00:00:00", 8 * 3600), Ok(utc));
        assert_eq!(hour("2019-12-02T00:00", 8 * 3600), Ok(utc));
        assert_eq!(hour("2019-12-02T00:00:00+08:00", 0), Ok(utc));
        assert_eq!(hour("2019-12-02 00:00:00+08", 0), Ok(utc));
        assert_eq!(hour("2019/12/2 0:00", 8 * 3600), Ok(utc));
        assert_eq!(hour("2019120200", 8 * 3600), Ok(utc));
        assert_eq!(hour("2019年12月2日 0时", 8 * 3600), Ok(utc));
        assert_eq!(hour("2019-12-01 24:00", 8 * 3600), Ok(utc));
        assert_eq!(hour("2019-12-01T17:00:00+01:00", 5 * 3600), Ok(utc));
        assert!(hour("2019-12-02 00:30", 0).is_err_and(|e| e.contains("whole hour")));
        assert!(hour("0001-01-01 00:00", 0).is_err_and(|e| e.contains("outside")));
        assert!(parse("2019-13-02 00:00").is_none());
        assert!(parse("2019-12-01 24:30").is_none());
        assert!(parse("yesterday").is_none());
    }

    #[test]
    fn offsets() {
        assert_eq!(parse_offset("+08:00"), Some(28_800));
        assert_eq!(parse_offset("UTC+8"), Some(28_800));
        assert_eq!(parse_offset("-0430"), Some(-16_200));
        assert_eq!(parse_offset("Z"), Some(0));
        assert_eq!(parse_offset("+25:00"), None);
        assert_eq!(parse_offset("8"), None);
        assert_eq!(format_offset(-16_200), "-04:30");
        assert_eq!(format_offset(28_800), "+08:00");
    }
}
