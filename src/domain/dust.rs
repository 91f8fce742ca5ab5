//! Sand-and-dust days (扣沙, DOMAIN.md §2.9): days a sand-and-dust episode affected, which the
//! national supplementary rule (环办监测〔2016〕120号) removes from the PM assessment. CNEMC decides
//! during its audit, from satellite and meteorological evidence reported by the local department
//! the same day; the desk marks the days it reported, with the evidence, and its own accounting
//! shows the figures with and without them.
//!
//! The app proposes candidates from a rule on the area's daily means — PM10 high and a low
//! PM2.5/PM10 ratio (coarse dust, not combustion haze) — whose thresholds are settings
//! ([`DustRule`], [UNCONFIRMED]: the official judgement uses remote sensing, not a ratio). Marking
//! is a desk action recorded in the journal (`dust.marked`, `dust.unmarked`); [`DustDays`] is the
//! fold of those events.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::area::AreaDay;
use crate::journal::{Event, Fold};

/// Journal event kind: the desk marks a day as a sand-and-dust day.
pub const MARKED: &str = "dust.marked";

/// Journal event kind: the desk takes a dust mark back.
pub const UNMARKED: &str = "dust.unmarked";

/// Longest evidence or reason text accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 2000;

/// The rule that proposes candidate dust days from the area's daily means. Both thresholds are
/// settings (`[dust]` in `settings.toml`).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct DustRule {
    /// A candidate's area daily PM10 is above this, µg/m³ (default 150: the GB 3095 grade-II
    /// 24-hour limit).
    pub pm10_above: f64,
    /// … and its PM2.5/PM10 ratio is at most this (default 0.35; haze days run about 0.6–0.8).
    pub ratio_at_most: f64,
}

impl Default for DustRule {
    fn default() -> Self {
        DustRule {
            pm10_above: 150.0,
            ratio_at_most: 0.35,
        }
    }
}

impl DustRule {
    /// Put both thresholds back into a sensible range (a hand-edited settings file).
    pub fn clamped(self) -> DustRule {
        let d = DustRule::default();
        DustRule {
            pm10_above: if self.pm10_above.is_finite() {
                self.pm10_above.clamp(0.0, 2000.0)
            } else {
                d.pm10_above
            },
            ratio_at_most: if self.ratio_at_most.is_finite() {
                self.ratio_at_most.clamp(0.0, 1.0)
            } else {
                d.ratio_at_most
            },
        }
    }
}

/// A day the rule proposes.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct DustCandidate {
    /// The date.
    pub date: NaiveDate,
    /// Area daily PM10 mean, µg/m³.
    pub pm10: f64,
    /// Area daily PM2.5 mean, µg/m³.
    pub pm25: f64,
    /// PM2.5 / PM10.
    pub ratio: f64,
}

/// The days of `pm10` (area daily PM10 means) that `rule` proposes, with the PM2.5 of the same
/// day from `pm25`; a day without both values is never proposed.
pub fn candidates(pm25: &[AreaDay], pm10: &[AreaDay], rule: &DustRule) -> Vec<DustCandidate> {
    let pm25_by_date: BTreeMap<NaiveDate, f64> = pm25
        .iter()
        .filter_map(|d| Some((d.date, d.value?)))
        .collect();
    pm10.iter()
        .filter_map(|d| {
            let coarse = d.value?;
            let fine = *pm25_by_date.get(&d.date)?;
            let ratio = fine / coarse;
            (coarse > rule.pm10_above && ratio <= rule.ratio_at_most).then_some(DustCandidate {
                date: d.date,
                pm10: coarse,
                pm25: fine,
                ratio,
            })
        })
        .collect()
}

/// Payload of a [`MARKED`] event.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Marked {
    /// The day.
    pub date: NaiveDate,
    /// The evidence the desk reported (satellite image, weather service dust bulletin, the
    /// report's number …).
    pub evidence: String,
}

/// Payload of an [`UNMARKED`] event.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Unmarked {
    /// The day.
    pub date: NaiveDate,
    /// Why the mark is taken back.
    pub reason: String,
}

/// What the desk records: the command it gives and the journal event it becomes (the payload is
/// the inner value, the kind says which).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum DustEvent {
    /// Mark a day, with its evidence.
    Mark(Marked),
    /// Take a mark back, with the reason.
    Unmark(Unmarked),
}

impl DustEvent {
    /// The journal's event kind.
    pub fn kind(&self) -> &'static str {
        match self {
            DustEvent::Mark(_) => MARKED,
            DustEvent::Unmark(_) => UNMARKED,
        }
    }
}

/// Why a dust mark or unmark was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DustError {
    /// Marking needs evidence.
    #[error("a dust day needs its evidence")]
    NoEvidence,
    /// Taking a mark back needs a reason.
    #[error("say why the mark is taken back")]
    NoReason,
    /// Text too long.
    #[error("the text is longer than {MAX_TEXT_CHARS} characters")]
    TooLong,
    /// The day is already marked.
    #[error("{0} is already marked as a dust day")]
    AlreadyMarked(NaiveDate),
    /// The day is not marked.
    #[error("{0} is not marked as a dust day")]
    NotMarked(NaiveDate),
}

/// A marked day as the journal has it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DustDay {
    /// The evidence.
    pub evidence: String,
    /// Who marked it.
    pub operator: String,
    /// When, in the officer's local time.
    pub at: DateTime<FixedOffset>,
}

/// The marked dust days: the fold of the journal's `dust.*` events.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DustDays {
    days: BTreeMap<NaiveDate, DustDay>,
    skipped: Vec<(u64, String)>,
}

impl DustDays {
    /// Whether the desk may record `event` now: evidence or reason given, the day not already
    /// marked (or, to unmark, marked).
    pub fn check(&self, event: &DustEvent) -> Result<(), DustError> {
        let (text, empty, date) = match event {
            DustEvent::Mark(m) => (&m.evidence, DustError::NoEvidence, m.date),
            DustEvent::Unmark(u) => (&u.reason, DustError::NoReason, u.date),
        };
        if text.trim().is_empty() {
            return Err(empty);
        }
        if text.chars().count() > MAX_TEXT_CHARS {
            return Err(DustError::TooLong);
        }
        match (event, self.days.contains_key(&date)) {
            (DustEvent::Mark(_), true) => Err(DustError::AlreadyMarked(date)),
            (DustEvent::Unmark(_), false) => Err(DustError::NotMarked(date)),
            _ => Ok(()),
        }
    }

    /// The marked days, in date order.
    pub fn days(&self) -> &BTreeMap<NaiveDate, DustDay> {
        &self.days
    }

    /// The marked dates, in order.
    pub fn dates(&self) -> Vec<NaiveDate> {
        self.days.keys().copied().collect()
    }

    /// Events that were skipped: sequence number and reason.
    pub fn skipped(&self) -> &[(u64, String)] {
        &self.skipped
    }
}

impl Fold for DustDays {
    /// Apply one journal event: other kinds are ignored; an event that cannot be decoded or does
    /// not apply is skipped and recorded.
    fn apply(&mut self, event: &Event) {
        let result = match event.kind.as_str() {
            MARKED => event
                .decode::<Marked>()
                .map_err(|e| e.to_string())
                .and_then(|m| {
                    if self.days.contains_key(&m.date) {
                        return Err(DustError::AlreadyMarked(m.date).to_string());
                    }
                    self.days.insert(
                        m.date,
                        DustDay {
                            evidence: m.evidence,
                            operator: event.operator.clone(),
                            at: event.local_time(),
                        },
                    );
                    Ok(())
                }),
            UNMARKED => event
                .decode::<Unmarked>()
                .map_err(|e| e.to_string())
                .and_then(|u| {
                    self.days
                        .remove(&u.date)
                        .map(|_| ())
                        .ok_or_else(|| DustError::NotMarked(u.date).to_string())
                }),
            _ => Ok(()),
        };
        if let Err(reason) = result {
            self.skipped.push((event.seq, reason));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{Author, Fold, Replay, SqliteStorage, Storage};

    fn date(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2021, 3, d).expect("date")
    }

    fn day(d: u32, value: Option<f64>) -> AreaDay {
        AreaDay {
            date: date(d),
            value,
            stations_valid: usize::from(value.is_some()),
            stations_total: 1,
            source: Default::default(),
        }
    }

    /// Synthetic days: 15 March a dust day (PM10 800, PM2.5 160, ratio 0.2), 16 March haze (PM10
    /// 200, PM2.5 150, ratio 0.75), 17 March at the ratio limit (PM10 200, PM2.5 70, 0.35),
    /// 18 March PM10 exactly at the level (150, not above), 19 March without PM2.5.
    #[test]
    fn candidates_need_high_pm10_and_a_low_ratio() {
        let pm10 = [
            day(15, Some(800.0)),
            day(16, Some(200.0)),
            day(17, Some(200.0)),
            day(18, Some(150.0)),
            day(19, Some(500.0)),
        ];
        let pm25 = [
            day(15, Some(160.0)),
            day(16, Some(150.0)),
            day(17, Some(70.0)),
            day(18, Some(20.0)),
            day(19, None),
        ];
        let got: Vec<NaiveDate> = candidates(&pm25, &pm10, &DustRule::default())
            .iter()
            .map(|c| c.date)
            .collect();
        assert_eq!(got, vec![date(15), date(17)]);
        let c = candidates(&pm25, &pm10, &DustRule::default())[0];
        assert!((c.ratio - 0.2).abs() < 1e-12);
        let strict = DustRule {
            pm10_above: 300.0,
            ratio_at_most: 0.3,
        };
        assert_eq!(candidates(&pm25, &pm10, &strict).len(), 1);
        let odd = DustRule {
            pm10_above: f64::NAN,
            ratio_at_most: 7.0,
        }
        .clamped();
        assert_eq!((odd.pm10_above, odd.ratio_at_most), (150.0, 1.0));
    }

    #[test]
    fn marks_are_checked_and_folded_from_the_journal() {
        let mark = |d, e: &str| {
            DustEvent::Mark(Marked {
                date: date(d),
                evidence: e.into(),
            })
        };
        let unmark = |d, r: &str| {
            DustEvent::Unmark(Unmarked {
                date: date(d),
                reason: r.into(),
            })
        };
        let mut journal = SqliteStorage::open_in_memory().expect("journal");
        let author = Author::new("赵敏", "desk-1").expect("author");
        let at = chrono::DateTime::parse_from_rfc3339("2021-03-16T09:00:00+08:00").expect("t");
        let mut replay = Replay::new(DustDays::default());
        assert_eq!(
            replay.state().check(&mark(15, " ")),
            Err(DustError::NoEvidence)
        );
        assert_eq!(
            replay.state().check(&unmark(15, "误标")),
            Err(DustError::NotMarked(date(15)))
        );
        for event in [
            mark(15, "中央气象台沙尘天气公报；卫星遥感监测图"),
            mark(17, "气象部门沙尘预报"),
            unmark(17, "审核未认定"),
        ] {
            replay.state().check(&event).expect("allowed");
            journal
                .append(&author.draft(at, event.kind(), &event).expect("draft"))
                .expect("append");
            replay.catch_up(&journal, DustDays::apply).expect("replay");
        }
        assert_eq!(
            replay.state().check(&mark(15, "again")),
            Err(DustError::AlreadyMarked(date(15)))
        );
        // Another module's event is passed over; a second mark of a marked day is skipped.
        journal
            .append(&author.draft(at, "warning.issued", &1).expect("draft"))
            .expect("append");
        journal
            .append(&author.draft(at, MARKED, &mark(15, "dup")).expect("draft"))
            .expect("append");
        replay.catch_up(&journal, DustDays::apply).expect("replay");
        let state = replay.state();
        assert_eq!(state.dates(), vec![date(15)]);
        let d = &state.days()[&date(15)];
        assert_eq!(d.operator, "赵敏");
        assert!(d.evidence.contains("卫星"));
        assert_eq!(state.skipped().len(), 1);
        assert_eq!(state.skipped()[0].0, 5);
    }
}
