//! Staggered production (错峰生产): industries of the list that stop or cut production over a
//! recurring date range (the heating season for brick kilns, carbon, foundry, cement …), as a
//! standing measure that holds with or without a warning.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::list::{Enterprise, ReductionList};

/// A day of the year, `MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct MonthDay {
    /// 1–12.
    pub month: u32,
    /// 1–31, valid for the month in a common year.
    pub day: u32,
}

impl MonthDay {
    /// Read `MM-DD` (also `M-D`, `MM/DD`); `None` for anything else or a day a common year lacks
    /// (02-29 included, so that every year has the day).
    pub fn parse(text: &str) -> Option<MonthDay> {
        let (m, d) = text.trim().split_once(['-', '/'])?;
        let md = MonthDay {
            month: m.trim().parse().ok()?,
            day: d.trim().parse().ok()?,
        };
        NaiveDate::from_ymd_opt(2001, md.month, md.day).map(|_| md)
    }

    /// This day in `year`.
    fn in_year(self, year: i32) -> NaiveDate {
        // Valid in a common year, so valid in every year.
        NaiveDate::from_ymd_opt(year, self.month, self.day).unwrap_or(NaiveDate::MIN)
    }

    fn of(date: NaiveDate) -> MonthDay {
        MonthDay {
            month: date.month(),
            day: date.day(),
        }
    }
}

impl std::fmt::Display for MonthDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

/// One staggered-production rule of the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StaggeredRule {
    /// Industry words; an enterprise whose industry contains one of them is under the rule.
    pub industries: Vec<String>,
    /// First day (inclusive).
    pub from: MonthDay,
    /// Last day (inclusive); before `from` when the range crosses the new year.
    pub to: MonthDay,
    /// What the enterprises must do, as the plan words it.
    pub text: String,
}

impl StaggeredRule {
    /// Whether an enterprise of `industry` is under this rule.
    pub fn applies_to(&self, industry: &str) -> bool {
        let industry = industry.trim();
        !industry.is_empty()
            && self
                .industries
                .iter()
                .any(|w| !w.trim().is_empty() && industry.contains(w.trim()))
    }

    /// The period (first and last day) that holds `date`, if the rule is in force then.
    pub fn period_of(&self, date: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
        let md = MonthDay::of(date);
        let y = date.year();
        if self.from <= self.to {
            (self.from <= md && md <= self.to).then(|| (self.from.in_year(y), self.to.in_year(y)))
        } else if md >= self.from {
            Some((self.from.in_year(y), self.to.in_year(y + 1)))
        } else if md <= self.to {
            Some((self.from.in_year(y - 1), self.to.in_year(y)))
        } else {
            None
        }
    }

    /// The period in force on `date`, or else the next one to begin.
    pub fn next_period(&self, date: NaiveDate) -> (NaiveDate, NaiveDate) {
        if let Some(p) = self.period_of(date) {
            return p;
        }
        let mut start = self.from.in_year(date.year());
        if start < date {
            start = self.from.in_year(date.year() + 1);
        }
        let end_year = if self.from <= self.to {
            start.year()
        } else {
            start.year() + 1
        };
        (start, self.to.in_year(end_year))
    }
}

/// A staggered-production rule as it stands on a day: its period (in force or next) and the
/// list's enterprises it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing<'a> {
    /// The rule.
    pub rule: &'a StaggeredRule,
    /// Whether the rule is in force on the day.
    pub in_force: bool,
    /// The period in force, or the next one.
    pub period: (NaiveDate, NaiveDate),
    /// The enterprises under the rule, in list order.
    pub enterprises: Vec<&'a Enterprise>,
}

impl Standing<'_> {
    /// Enterprises per industry, in first-seen order.
    pub fn by_industry(&self) -> Vec<(&str, usize)> {
        let mut out: Vec<(&str, usize)> = Vec::new();
        for e in &self.enterprises {
            match out.iter_mut().find(|(i, _)| *i == e.industry) {
                Some((_, n)) => *n += 1,
                None => out.push((e.industry.as_str(), 1)),
            }
        }
        out
    }
}

/// Every rule on `date`: in force or next, with the list's enterprises it covers (none without
/// a list).
pub fn standing<'a>(
    rules: &'a [StaggeredRule],
    list: Option<&'a ReductionList>,
    date: NaiveDate,
) -> Vec<Standing<'a>> {
    rules
        .iter()
        .map(|rule| Standing {
            rule,
            in_force: rule.period_of(date).is_some(),
            period: rule.next_period(date),
            enterprises: list
                .map(|l| {
                    l.enterprises
                        .iter()
                        .filter(|e| rule.applies_to(&e.industry))
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn heating() -> StaggeredRule {
        StaggeredRule {
            industries: vec!["砖瓦".into(), "铸造".into()],
            from: MonthDay::parse("11-15").expect("md"),
            to: MonthDay::parse("3-15").expect("md"),
            text: "采暖季错峰生产".into(),
        }
    }

    #[test]
    fn a_range_across_the_new_year() {
        let r = heating();
        assert_eq!(
            r.period_of(d(2019, 12, 22)),
            Some((d(2019, 11, 15), d(2020, 3, 15)))
        );
        assert_eq!(
            r.period_of(d(2020, 3, 15)),
            Some((d(2019, 11, 15), d(2020, 3, 15)))
        );
        assert_eq!(r.period_of(d(2020, 3, 16)), None);
        assert_eq!(
            r.next_period(d(2020, 6, 1)),
            (d(2020, 11, 15), d(2021, 3, 15))
        );
        assert_eq!(
            r.next_period(d(2020, 11, 15)),
            (d(2020, 11, 15), d(2021, 3, 15))
        );
        let summer = StaggeredRule {
            from: MonthDay::parse("06-01").expect("md"),
            to: MonthDay::parse("08-31").expect("md"),
            ..heating()
        };
        assert_eq!(
            summer.period_of(d(2020, 7, 1)),
            Some((d(2020, 6, 1), d(2020, 8, 31)))
        );
        assert_eq!(
            summer.next_period(d(2020, 9, 1)),
            (d(2021, 6, 1), d(2021, 8, 31))
        );
        assert_eq!(MonthDay::parse("02-29"), None);
        assert_eq!(MonthDay::parse("13-01"), None);
        assert_eq!(MonthDay::parse("x"), None);
    }

    #[test]
    fn industries_match_by_word() {
        let r = heating();
        assert!(r.applies_to("砖瓦窑"));
        assert!(r.applies_to(" 铸造 "));
        assert!(!r.applies_to("钢铁"));
        assert!(!r.applies_to(""));
        let list = ReductionList {
            enterprises: vec![
                Enterprise {
                    name: "甲砖厂".into(),
                    industry: "砖瓦窑".into(),
                    ..Enterprise::default()
                },
                Enterprise {
                    name: "乙钢厂".into(),
                    industry: "钢铁".into(),
                    ..Enterprise::default()
                },
            ],
            files: Vec::new(),
        };
        let rules = [r];
        let s = standing(&rules, Some(&list), d(2019, 12, 22));
        assert!(s[0].in_force);
        assert_eq!(s[0].enterprises.len(), 1);
        assert_eq!(s[0].by_industry(), [("砖瓦窑", 1)]);
        let s = standing(&rules, None, d(2019, 7, 1));
        assert!(!s[0].in_force && s[0].enterprises.is_empty());
    }
}
