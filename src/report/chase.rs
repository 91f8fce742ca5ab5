//! The 催报 list: for each unit whose report is late (its due time passed, nothing received),
//! whom to call — the person the workspace's contact list (通讯录) names for the unit, else the
//! contact and telephone of the plan's unit list — and a ready-to-send text for the unit's WeChat
//! group or an SMS, addressed to that person, in the interface language.

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
    /// Contact person (with position, when the contact list gives one) or desk; may be empty.
    pub contact: String,
    /// Telephone (may be empty).
    pub phone: String,
    /// The unit's WeChat group, from the contact list (may be empty).
    pub wechat_group: String,
    /// When the report was due.
    pub due_at: DateTime<FixedOffset>,
    /// The message to send.
    pub text: String,
}

/// Whom to call at a unit: (person, phone, WeChat group), the contact list first.
fn contact_of(plan: &Plan, unit: &str) -> (String, String, String) {
    let listed = plan.contacts.as_ref().and_then(|c| c.get(unit));
    if let Some(c) = listed {
        let person = match &c.position {
            Some(p) => format!("{}（{p}）", c.name),
            None => c.name.clone(),
        };
        let phone = c.phone.clone().or_else(|| c.office_phone.clone());
        return (
            person,
            phone.unwrap_or_default(),
            c.wechat_group.clone().unwrap_or_default(),
        );
    }
    plan.units.get(unit).map_or_else(Default::default, |u| {
        (u.contact.clone(), u.phone.clone(), String::new())
    })
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
            let (contact, phone, wechat_group) = contact_of(plan, &o.unit);
            let (due, at) = (tr.moment(&o.due_at), tr.moment(&now));
            let text = if contact.is_empty() {
                tr.f(T::ChaseText, &[&o.unit_name, &due, &at])
            } else {
                tr.f(T::ChaseTextTo, &[&o.unit_name, &due, &at, &contact])
            };
            Chase {
                unit: o.unit.clone(),
                unit_name: o.unit_name.clone(),
                contact,
                phone,
                wechat_group,
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
    use crate::domain::roster::{Contact, UnitContacts};
    use crate::i18n::Language;

    fn late(unit: &str, name: &str) -> Owed {
        Owed {
            unit: unit.into(),
            unit_name: name.into(),
            due_at: DateTime::parse_from_rfc3339("2025-01-15T16:00:00+08:00").expect("time"),
        }
    }

    #[test]
    fn each_late_unit_gets_its_contact_and_a_text_in_the_language() {
        let plan = crate::domain::plan::default_plan().expect("plan");
        let t = |s: &str| DateTime::parse_from_rfc3339(s).expect("time");
        let reporting = Reporting {
            late: vec![late("town-hedong", "河东镇人民政府")],
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

    /// The contact list's person is called first and named in the text; a unit it does not
    /// list keeps the plan's contact.
    #[test]
    fn the_contact_list_comes_before_the_plan() {
        let mut plan = crate::domain::plan::default_plan().expect("plan");
        let mut contacts = UnitContacts::default();
        contacts.keep_first(
            "town-hedong",
            Contact {
                name: "王河东".into(),
                position: Some("联络员".into()),
                phone: Some("13900000001".into()),
                wechat_group: Some("河东镇大气办工作群".into()),
                ..Contact::default()
            },
        );
        plan.contacts = Some(std::sync::Arc::new(contacts));
        let reporting = Reporting {
            late: vec![
                late("town-hedong", "河东镇人民政府"),
                late("jtj", "县交通运输局"),
            ],
            ..Reporting::default()
        };
        let now = DateTime::parse_from_rfc3339("2025-01-15T17:20:00+08:00").expect("time");
        let list = chase_list(&reporting, &plan, now, Tr(Language::Zh));
        assert_eq!(
            (
                list[0].contact.as_str(),
                list[0].phone.as_str(),
                list[0].wechat_group.as_str()
            ),
            ("王河东（联络员）", "13900000001", "河东镇大气办工作群")
        );
        assert!(
            list[0]
                .text
                .starts_with("【催报】河东镇人民政府王河东（联络员）："),
            "{}",
            list[0].text
        );
        let jtj = plan.units.get("jtj").expect("unit");
        assert_eq!(
            (list[1].contact.as_str(), list[1].phone.as_str()),
            (jtj.contact.as_str(), jtj.phone.as_str())
        );
    }
}
