//! Duty roster (值班表) and contacts (通讯录): who is on duty now and who comes next, for the
//! Situation board and the shift handover; and whom to call at each plan unit, for the 催报 list.
//!
//! Shift times are local wall-clock times of the command centre; `now` comes in as a local time
//! with its offset, and its wall-clock reading is compared with the roster.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDateTime};

use crate::domain::plan::{Unit, UnitTree};

/// One person's shift.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Shift {
    /// Start (local), included.
    pub start: NaiveDateTime,
    /// End (local), excluded; after `start` (a night shift ends the next day).
    pub end: NaiveDateTime,
    /// Shift label (`白班`, `夜班`), when given.
    pub label: Option<String>,
    /// Who.
    pub person: String,
    /// Role (`带班领导`, `值班员`), when given.
    pub role: Option<String>,
    /// Phone, when the roster gives one.
    pub phone: Option<String>,
}

/// An entry of the contact list.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Contact {
    /// Name.
    pub name: String,
    /// Unit or department (`住建局`).
    pub unit: Option<String>,
    /// Position (`副局长`, `联络员`).
    pub position: Option<String>,
    /// Mobile or main phone.
    pub phone: Option<String>,
    /// Office phone.
    pub office_phone: Option<String>,
    /// Remark.
    pub note: Option<String>,
    /// The WeChat group the unit is reached in (微信群), where 催报 texts are posted.
    #[serde(default)]
    pub wechat_group: Option<String>,
}

/// The contact list's entries per plan unit: whom the 催报 list calls first (the centre's 通讯录
/// changes more often than the plan's `[[units]] contact`). Each unit keeps the first row naming
/// it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitContacts {
    by_unit: BTreeMap<String, Contact>,
}

impl UnitContacts {
    /// The contact of plan unit `unit` (by id), when the list names it.
    pub fn get(&self, unit: &str) -> Option<&Contact> {
        self.by_unit.get(unit)
    }

    /// Keep `contact` for plan unit `unit` unless an earlier row named it.
    pub fn keep_first(&mut self, unit: &str, contact: Contact) {
        self.by_unit.entry(unit.to_owned()).or_insert(contact);
    }

    /// How many units have a contact.
    pub fn len(&self) -> usize {
        self.by_unit.len()
    }

    /// Whether no unit has one.
    pub fn is_empty(&self) -> bool {
        self.by_unit.is_empty()
    }
}

/// The plan unit a contact list's 单位 cell names: by id, else by full name (spaces ignored).
pub fn unit_named<'a>(units: &'a UnitTree, text: &str) -> Option<&'a Unit> {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let text = squeeze(text);
    units
        .get(&text)
        .or_else(|| units.units().iter().find(|u| squeeze(&u.name) == text))
}

/// The duty roster: shifts sorted by start (also when read back from a file: stored as the plain
/// list of shifts).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(from = "Vec<Shift>", into = "Vec<Shift>")]
pub struct Roster {
    shifts: Vec<Shift>,
}

impl From<Vec<Shift>> for Roster {
    fn from(shifts: Vec<Shift>) -> Self {
        Roster::new(shifts)
    }
}

impl From<Roster> for Vec<Shift> {
    fn from(r: Roster) -> Self {
        r.shifts
    }
}

impl Roster {
    /// A roster from shifts in any order.
    pub fn new(mut shifts: Vec<Shift>) -> Self {
        shifts.sort_by(|a, b| (a.start, &a.role, &a.person).cmp(&(b.start, &b.role, &b.person)));
        Roster { shifts }
    }

    /// All shifts, by start.
    pub fn shifts(&self) -> &[Shift] {
        &self.shifts
    }

    /// Shifts running at `now` (start ≤ now < end), by role.
    pub fn on_duty(&self, now: DateTime<FixedOffset>) -> Vec<&Shift> {
        let t = now.naive_local();
        let mut v: Vec<&Shift> = self
            .shifts
            .iter()
            .filter(|s| s.start <= t && t < s.end)
            .collect();
        v.sort_by(|a, b| (&a.role, a.start).cmp(&(&b.role, b.start)));
        v
    }

    /// Who comes next: for each role, the shift(s) with the earliest start after `now`.
    pub fn next(&self, now: DateTime<FixedOffset>) -> Vec<&Shift> {
        let t = now.naive_local();
        let mut roles: Vec<&Option<String>> = self.shifts.iter().map(|s| &s.role).collect();
        roles.sort();
        roles.dedup();
        let mut v = Vec::new();
        for role in roles {
            let later = self
                .shifts
                .iter()
                .filter(|s| &s.role == role && s.start > t);
            if let Some(first) = later.clone().map(|s| s.start).min() {
                v.extend(later.filter(|s| s.start == first));
            }
        }
        v.sort_by(|a, b| (a.start, &a.role).cmp(&(b.start, &b.role)));
        v
    }

    /// Times inside `from..to` that no shift covers, as `(start, end)` spans: holes to fill before
    /// the roster is published.
    pub fn gaps(
        &self,
        from: NaiveDateTime,
        to: NaiveDateTime,
    ) -> Vec<(NaiveDateTime, NaiveDateTime)> {
        let mut gaps = Vec::new();
        let mut covered = from;
        for s in &self.shifts {
            if s.end <= covered {
                continue;
            }
            if s.start >= to {
                break;
            }
            if s.start > covered {
                gaps.push((covered, s.start));
            }
            covered = covered.max(s.end);
        }
        if covered < to {
            gaps.push((covered, to));
        }
        gaps
    }
}

/// The phone to call for a shift: the roster's own, else the contact list's (matched by name).
pub fn phone_for<'a>(shift: &'a Shift, contacts: &'a [Contact]) -> Option<&'a str> {
    shift.phone.as_deref().or_else(|| {
        contacts
            .iter()
            .find(|c| c.name == shift.person)
            .and_then(|c| c.phone.as_deref().or(c.office_phone.as_deref()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};

    fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2019, 12, d)
            .and_then(|x| x.and_hms_opt(h, m, 0))
            .expect("time")
    }

    fn now(d: u32, h: u32, m: u32) -> DateTime<FixedOffset> {
        FixedOffset::east_opt(8 * 3600)
            .expect("offset")
            .from_local_datetime(&at(d, h, m))
            .single()
            .expect("time")
    }

    fn shift(start: NaiveDateTime, end: NaiveDateTime, person: &str, role: &str) -> Shift {
        Shift {
            start,
            end,
            label: None,
            person: person.into(),
            role: Some(role.into()),
            phone: None,
        }
    }

    /// 24-hour shifts from 08:30 for the duty officers, day shifts for the leaders.
    fn roster() -> Roster {
        Roster::new(vec![
            shift(at(2, 8, 30), at(3, 8, 30), "王五", "值班员"),
            shift(at(1, 8, 30), at(2, 8, 30), "张三", "值班员"),
            shift(at(1, 8, 30), at(1, 17, 30), "李局", "带班领导"),
            shift(at(2, 8, 30), at(2, 17, 30), "赵局", "带班领导"),
        ])
    }

    #[test]
    fn on_duty_and_next_across_midnight() {
        let r = roster();
        let names = |v: Vec<&Shift>| v.iter().map(|s| s.person.clone()).collect::<Vec<_>>();
        assert_eq!(names(r.on_duty(now(1, 10, 0))), vec!["张三", "李局"]);
        // Night: only the officer; next are 王五 and 赵局, both at 08:30.
        assert_eq!(names(r.on_duty(now(2, 3, 0))), vec!["张三"]);
        assert_eq!(names(r.next(now(2, 3, 0))), vec!["王五", "赵局"]);
        // At 08:30 sharp the new shift has started and the old one ended.
        assert_eq!(names(r.on_duty(now(2, 8, 30))), vec!["王五", "赵局"]);
        assert!(
            r.next(now(2, 8, 30)).is_empty(),
            "nothing after the last shift"
        );
        // An instant given in UTC is read on the centre's wall clock.
        let utc_instant = chrono::Utc
            .with_ymd_and_hms(2019, 12, 1, 19, 0, 0)
            .single()
            .expect("t")
            .with_timezone(&FixedOffset::east_opt(8 * 3600).expect("o"));
        assert_eq!(names(r.on_duty(utc_instant)), vec!["张三"]);
    }

    #[test]
    fn gaps_and_phones() {
        let r = roster();
        let json = serde_json::to_string(&r).expect("json");
        assert!(json.starts_with('['), "stored as a list of shifts");
        let mut shifts: Vec<Shift> = serde_json::from_str(&json).expect("shifts");
        shifts.reverse();
        let back: Roster =
            serde_json::from_str(&serde_json::to_string(&shifts).expect("json")).expect("roster");
        assert_eq!(back, r, "sorted again when read back");
        assert_eq!(
            r.gaps(at(1, 0, 0), at(3, 12, 0)),
            vec![(at(1, 0, 0), at(1, 8, 30)), (at(3, 8, 30), at(3, 12, 0))]
        );
        let contacts = vec![Contact {
            name: "张三".into(),
            phone: Some("13800000000".into()),
            ..Contact::default()
        }];
        // Sorted by start, then role: 张三 (值班员) comes before 李局 (带班领导) at 08:30.
        assert_eq!(r.shifts()[0].person, "张三");
        assert_eq!(phone_for(&r.shifts()[0], &contacts), Some("13800000000"));
        assert_eq!(phone_for(&r.shifts()[1], &contacts), None);
    }
}
