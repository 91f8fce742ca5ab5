//! One checklist item per enterprise of the emission-reduction list when a level is activated:
//! under the enterprise's township (lead) and its supervising department, so the checklist reads
//! township → enterprise → its measure for the level.
//!
//! The measure is the list's (一厂一策) for the level, else the plan's industry measure for the
//! enterprise's grade. A-grade and performance-leading enterprises appear as 自主减排, tracked but
//! not ordered (no deadline passes); 民生保障 enterprises with their 以热定产 note.

use chrono::{DateTime, FixedOffset};

use crate::domain::plan::{Evidence, Level, Measure, MeasureCategory, Plan, Unit, UnitKind};
use crate::domain::reduction::{Enterprise, ReductionList, list_level_index};

use super::checklist::{EnterpriseRef, ItemKey, ItemSpec, add_hours};

/// Unit id (and name) of the items of an enterprise whose township and department are unknown.
const NO_UNIT: &str = "（清单未填写乡镇和监管部门）";

/// The measure id of an enterprise's item at a level: `O-ENT-<credit code or name>`.
pub fn enterprise_measure_id(level: Level, key: &str) -> String {
    let prefix = match level {
        Level::Yellow => "Y",
        Level::Orange => "O",
        Level::Red => "R",
        _ => "L",
    };
    format!("{prefix}-ENT-{key}")
}

/// The items the list calls for at `level` (none for levels a list does not cover).
pub fn enterprise_items(
    plan: &Plan,
    list: &ReductionList,
    level: Level,
    activation: DateTime<FixedOffset>,
) -> Vec<ItemSpec> {
    if list_level_index(level).is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for e in &list.enterprises {
        let plan_measure = grade_measure(plan, level, e);
        let units = units_of(plan, e, plan_measure);
        for (i, unit) in units.iter().enumerate() {
            out.push(ItemSpec {
                key: ItemKey::new(&enterprise_measure_id(level, &e.key), &unit.0),
                unit_name: unit.1.clone(),
                lead: i == 0,
                level,
                category: MeasureCategory::Industry,
                grade: Some(e.grade),
                staggered: false,
                text: text(e, level, plan_measure),
                deadline_hours: plan_measure.map_or(0, |m| m.deadline_hours),
                deadline: add_hours(
                    activation,
                    i64::from(plan_measure.map_or(0, |m| m.deadline_hours)),
                ),
                feedback: plan_measure.map_or_else(
                    || "落实情况及关键指标（用电量、产量）".to_owned(),
                    |m| m.feedback.clone(),
                ),
                evidence: plan_measure.map_or_else(
                    || vec![Evidence::Monitoring, Evidence::Ledger],
                    |m| m.evidence.clone(),
                ),
                // Enterprises are followed item by item; the reporting cycle is the units' own.
                reporting: None,
                enterprise: Some(EnterpriseRef {
                    key: e.key.clone(),
                    name: e.name.clone(),
                    industry: e.industry.clone(),
                    township: e.township.clone(),
                    ordered: !e.grade.is_self_determined(),
                }),
            });
        }
    }
    out
}

/// The plan's industry measure for the enterprise's grade at `level` (引领性 falls back to A's,
/// 民生保障 to the non-graded enterprises').
fn grade_measure<'a>(plan: &'a Plan, level: Level, e: &Enterprise) -> Option<&'a Measure> {
    let measures = &plan.level(level)?.measures;
    let of = |g| {
        measures
            .iter()
            .find(|m| m.category == MeasureCategory::Industry && !m.staggered && m.grade == Some(g))
    };
    of(e.grade).or_else(|| of(e.grade.plan_fallback()))
}

/// The item's text: the enterprise, then its measure with the grade's note.
fn text(e: &Enterprise, level: Level, plan_measure: Option<&Measure>) -> String {
    let listed = e.measure(level);
    let measure = if listed.is_empty() {
        plan_measure.map_or_else(String::new, |m| m.text.clone())
    } else {
        listed
    };
    let note = if e.grade.is_self_determined() {
        "自主减排"
    } else if e.grade == crate::domain::plan::Grade::Livelihood {
        "民生保障（以热定产）"
    } else {
        ""
    };
    match (note.is_empty(), measure.is_empty()) {
        (true, _) => format!("{}：{measure}", e.name),
        (false, true) => format!("{}：{note}", e.name),
        (false, false) => format!("{}：{note}，{measure}", e.name),
    }
}

/// The township (lead) and supervising department of an enterprise, as (unit id, name): the
/// plan's units when the list's names match them, the list's own words otherwise; the
/// department is the list's, else the lead unit of the plan's measure for the grade.
fn units_of(plan: &Plan, e: &Enterprise, plan_measure: Option<&Measure>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let township = e.township.trim();
    if !township.is_empty() {
        out.push(match find_unit(plan, township, UnitKind::Township) {
            Some(u) => (u.id.clone(), u.name.clone()),
            None => (township.to_owned(), township.to_owned()),
        });
    }
    let department = find_unit(plan, e.department.trim(), UnitKind::Department).or_else(|| {
        plan_measure
            .and_then(|m| m.units.first())
            .and_then(|id| plan.units.get(id))
    });
    if let Some(d) = department
        && !out.iter().any(|(id, _)| *id == d.id)
    {
        out.push((d.id.clone(), d.name.clone()));
    }
    if out.is_empty() {
        out.push((NO_UNIT.to_owned(), NO_UNIT.to_owned()));
    }
    out
}

/// The plan's unit of `kind` the list's words name: its id, or a name that begins with the
/// words (河东镇 → 河东镇人民政府) or that the words contain.
fn find_unit<'a>(plan: &'a Plan, words: &str, kind: UnitKind) -> Option<&'a Unit> {
    if words.is_empty() {
        return None;
    }
    let of_kind = || plan.units.units().iter().filter(move |u| u.kind == kind);
    of_kind()
        .find(|u| u.id == words || u.name == words)
        .or_else(|| of_kind().find(|u| u.name.starts_with(words) || words.starts_with(&u.name)))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::domain::plan::{Grade, default_plan};
    use crate::domain::reduction::{Amounts, Line};
    use crate::domain::response::checklist::{derive, rederive};

    fn enterprise(name: &str, grade: Grade, township: &str, measures: [&str; 3]) -> Enterprise {
        Enterprise {
            key: name.into(),
            name: name.into(),
            township: township.into(),
            industry: "钢铁".into(),
            grade,
            lines: vec![Line {
                base: Amounts::splat(10.0),
                measures: measures.map(str::to_owned),
                ..Line::default()
            }],
            ..Enterprise::default()
        }
    }

    fn plan_with_list() -> Plan {
        let mut plan = default_plan().expect("plan");
        plan.list = Some(Arc::new(ReductionList {
            enterprises: vec![
                enterprise(
                    "甲钢铁",
                    Grade::C,
                    "河东镇",
                    ["限产30%", "停产烧结", "全部停产"],
                ),
                enterprise("乙焦化", Grade::A, "城关镇", ["", "", ""]),
                enterprise(
                    "丙热电",
                    Grade::Livelihood,
                    "东城街道",
                    ["以热定产", "以热定产", "以热定产"],
                ),
                enterprise("丁砖厂", Grade::D, "外乡", ["停产", "停产", "停产"]),
            ],
            files: Vec::new(),
        }));
        plan
    }

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).expect("time")
    }

    #[test]
    fn each_enterprise_under_its_township_and_department() {
        let plan = plan_with_list();
        let items = derive(&plan, Level::Orange, at("2019-12-21T22:00:00+08:00"));
        let ent: Vec<&ItemSpec> = items.iter().filter(|i| i.enterprise.is_some()).collect();
        assert_eq!(ent.len(), 8, "township and department for each of four");
        let jia: Vec<&&ItemSpec> = ent
            .iter()
            .filter(|i| i.text.starts_with("甲钢铁"))
            .collect();
        assert_eq!(jia[0].key, ItemKey::new("O-ENT-甲钢铁", "town-hedong"));
        assert!(jia[0].lead);
        assert_eq!(jia[0].unit_name, "河东镇人民政府");
        assert_eq!(jia[1].key.unit, "gxj", "the plan's C measure's lead unit");
        assert_eq!(jia[0].text, "甲钢铁：停产烧结");
        let yi = ent
            .iter()
            .find(|i| i.text.starts_with("乙焦化"))
            .expect("A");
        assert!(yi.text.contains("自主减排"), "{}", yi.text);
        assert!(!yi.is_ordered());
        assert!(
            yi.text.contains("A级和绩效引领性企业自主采取减排措施"),
            "the plan's text"
        );
        let bing = ent
            .iter()
            .find(|i| i.text.starts_with("丙热电"))
            .expect("民生保障");
        assert!(bing.text.contains("民生保障（以热定产）"), "{}", bing.text);
        assert_eq!(bing.key.unit, "street-dongcheng");
        let ding = ent
            .iter()
            .find(|i| i.text.starts_with("丁砖厂"))
            .expect("D");
        assert_eq!(ding.key.unit, "外乡", "unknown township kept as written");
        assert!(
            derive(&plan, Level::Temporary, at("2019-12-21T22:00:00+08:00"))
                .iter()
                .all(|i| i.enterprise.is_none())
        );
    }

    #[test]
    fn upgrade_rederives_enterprise_items_with_the_diff() {
        let plan = plan_with_list();
        let t0 = at("2019-12-21T22:00:00+08:00");
        let stamp = crate::domain::response::Stamp {
            seq: 1,
            at: t0,
            operator: "值班员".into(),
            desk: String::new(),
        };
        let items: Vec<crate::domain::response::Item> = derive(&plan, Level::Orange, t0)
            .into_iter()
            .map(|s| crate::domain::response::Item::notified(s, &stamp))
            .collect();
        let diff = rederive(
            &items,
            derive(&plan, Level::Red, at("2019-12-22T10:00:00+08:00")),
        );
        let has = |keys: &[ItemKey], m: &str| keys.iter().any(|k| k.measure == m);
        let added: Vec<ItemKey> = diff.added.iter().map(|s| s.key.clone()).collect();
        assert!(has(&diff.dropped, "O-ENT-甲钢铁") && has(&added, "R-ENT-甲钢铁"));
        assert!(
            has(&diff.kept, "O-ENT-丙热电"),
            "the same words at red: kept"
        );
        assert!(
            has(&diff.kept, "O-ENT-乙焦化"),
            "self-determined at every level"
        );
        let overdue = items
            .iter()
            .filter(|i| i.is_overdue(Some(at("2019-12-23T00:00:00+08:00"))))
            .count();
        let ordered = items.iter().filter(|i| i.spec.is_ordered()).count();
        assert_eq!(
            overdue, ordered,
            "every ordered item is overdue, no 自主减排 item"
        );
    }
}
