//! The 催报 list: for each unit whose report is late (its due time passed, nothing received),
//! whom to call — the contact and telephone the plan's unit list gives — and a ready-to-send
//! text for the WeChat group or an SMS, in the interface language.

use chrono::{DateTime, FixedOffset};

use crate::domain::plan::Plan;
use crate::domain::response::Reporting;
use crate::i18n::{T, Tr};

/// One unit to chase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chase {
    /// Unit id.
    pub unit: String,
    /// Unit name.
    pub unit_name: String,
    /// Contact person or desk, from the plan (may be empty).
    pub contact: String,
    /// Telephone, from the plan (may be empty).
    pub phone: String,
    /// When the report was due.
    pub due_at: DateTime<FixedOffset>,
    /// The message to send.
    pub text: String,
}

/// The 催报 list at `now`: one entry per late report, longest late first, worded by `tr`.
pub fn chase_list(
    reporting: &Reporting,
    plan: &Plan,
    now: DateTime<FixedOffset>,
    tr: Tr,
) -> Vec<Chase> {
    reporting
        .late
        .iter()
        .map(|o| {
            let unit = plan.units.get(&o.unit);
            let text = tr.f(
                T::ChaseText,
                &[&o.unit_name, &tr.moment(&o.due_at), &tr.moment(&now)],
            );
            Chase {
                unit: o.unit.clone(),
                unit_name: o.unit_name.clone(),
                contact: unit.map(|u| u.contact.clone()).unwrap_or_default(),
                phone: unit.map(|u| u.phone.clone()).unwrap_or_default(),
                due_at: o.due_at,
                text,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::response::Owed;
    use crate::i18n::Language;

    #[test]
    fn each_late_unit_gets_its_contact_and_a_text_in_the_language() {
        let plan = crate::domain::plan::default_plan().expect("plan");
        let t = |s: &str| DateTime::parse_from_rfc3339(s).expect("time");
        let reporting = Reporting {
            late: vec![Owed {
                unit: "town-hedong".into(),
                unit_name: "河东镇人民政府".into(),
                due_at: t("2025-01-15T16:00:00+08:00"),
            }],
            ..Reporting::default()
        };
        let now = t("2025-01-15T17:20:00+08:00");
        let zh = chase_list(&reporting, &plan, now, Tr(Language::Zh));
        assert_eq!(zh.len(), 1);
        let unit = plan.units.get("town-hedong").expect("unit");
        assert_eq!(
            (zh[0].contact.as_str(), zh[0].phone.as_str()),
            (unit.contact.as_str(), unit.phone.as_str())
        );
        assert!(
            zh[0].text.contains("河东镇人民政府") && zh[0].text.contains("催报"),
            "{}",
            zh[0].text
        );
        let en = chase_list(&reporting, &plan, now, Tr(Language::En));
        assert!(en[0].text.contains("overdue"), "{}", en[0].text);
    }
}
