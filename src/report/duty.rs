//! Who is on duty, as plain data handed to the daily report and the handover. The duty roster
//! ([`Roster`]) works out who is on now and next; these reports only print it.

use chrono::{DateTime, FixedOffset};

use crate::domain::roster::{Roster, Shift};

/// One person on a duty roster line.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DutyLine {
    /// Role (带班领导, 值班员, …).
    pub role: String,
    /// Name.
    pub name: String,
    /// Telephone.
    pub phone: String,
    /// The shift's time (`01-15 08:30–01-16 08:30`), may be empty.
    pub time: String,
}

impl DutyLine {
    /// A roster shift as a duty line.
    pub fn of_shift(s: &Shift) -> Self {
        DutyLine {
            role: s.role.clone().unwrap_or_default(),
            name: s.person.clone(),
            phone: s.phone.clone().unwrap_or_default(),
            time: format!(
                "{}–{}",
                s.start.format("%m-%d %H:%M"),
                s.end.format("%m-%d %H:%M")
            ),
        }
    }
}

/// Who is on duty now and who comes next.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Duty {
    /// On duty now.
    pub now: Vec<DutyLine>,
    /// On duty next.
    pub next: Vec<DutyLine>,
}

impl Duty {
    /// Who the roster has on duty at `now` and who comes next.
    pub fn from_roster(roster: &Roster, now: DateTime<FixedOffset>) -> Self {
        Duty {
            now: roster
                .on_duty(now)
                .into_iter()
                .map(DutyLine::of_shift)
                .collect(),
            next: roster
                .next(now)
                .into_iter()
                .map(DutyLine::of_shift)
                .collect(),
        }
    }

    /// The two lists as report lines: `当前值班：带班领导 王强（电话…）；值班员 张伟` and the
    /// next shift likewise. Empty lists are left out.
    pub fn lines(&self) -> Vec<String> {
        let person = |d: &DutyLine| {
            let mut s = if d.role.is_empty() {
                d.name.clone()
            } else {
                format!("{} {}", d.role, d.name)
            };
            let extra: Vec<&str> = [d.phone.as_str(), d.time.as_str()]
                .into_iter()
                .filter(|x| !x.is_empty())
                .collect();
            if !extra.is_empty() {
                s.push_str(&format!("（{}）", extra.join("，")));
            }
            s
        };
        let join = |v: &[DutyLine]| v.iter().map(person).collect::<Vec<_>>().join("；");
        let mut out = Vec::new();
        if !self.now.is_empty() {
            out.push(format!("当前值班：{}", join(&self.now)));
        }
        if !self.next.is_empty() {
            out.push(format!("下一班：{}", join(&self.next)));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDateTime;

    fn shift(person: &str, role: &str, start: &str, end: &str) -> Shift {
        let t = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time");
        Shift {
            start: t(start),
            end: t(end),
            label: None,
            person: person.into(),
            role: Some(role.into()),
            phone: None,
        }
    }

    #[test]
    fn duty_from_the_roster() {
        let roster = Roster::new(vec![
            shift("张伟", "值班员", "2025-01-14 08:30", "2025-01-15 08:30"),
            shift("李明", "值班员", "2025-01-15 08:30", "2025-01-16 08:30"),
            shift("王强", "带班领导", "2025-01-14 08:30", "2025-01-16 08:30"),
        ]);
        let now = DateTime::parse_from_rfc3339("2025-01-15T08:00:00+08:00").expect("now");
        let d = Duty::from_roster(&roster, now);
        let names: Vec<&str> = d.now.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(names, ["张伟", "王强"]);
        assert_eq!(d.next.len(), 1);
        assert_eq!(d.next[0].name, "李明");
        let lines = d.lines();
        assert_eq!(lines[1], "下一班：值班员 李明（01-15 08:30–01-16 08:30）");
        assert!(Duty::default().lines().is_empty());
    }
}
