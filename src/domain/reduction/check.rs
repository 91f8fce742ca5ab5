//! The quantified check (减排核算): per level and pollutant, does the list's reduction reach the
//! plan's required share of the whole-society emission base (应急减排基数)? And where does the
//! reduction come from: by grade, by industry, the largest contributors.

use serde::Serialize;

use crate::domain::plan::{Grade, Level, Plan};

use super::amounts::{Amounts, PerPollutant, Pollutant};
use super::list::{Enterprise, LIST_LEVELS, ReductionList};

/// Required reduction (percent of the base) when the plan states none: the 10/20/30 % that past
/// local plans used for yellow/orange/red (DOMAIN.md §2.3, [UNCONFIRMED] for the 2024 guidance).
pub fn default_required_percent(level: Level) -> Option<f64> {
    match level {
        Level::Yellow => Some(10.0),
        Level::Orange => Some(20.0),
        Level::Red => Some(30.0),
        _ => None,
    }
}

/// The required percent for `level`: the plan's `reduction_percent`, else the default.
pub fn required_percent(plan: &Plan, level: Level) -> Option<f64> {
    plan.level(level)
        .and_then(|l| l.reduction_percent)
        .map(f64::from)
        .or_else(|| default_required_percent(level))
}

/// The levels a check reports, in this order: yellow, orange, red, then any other level the
/// plan defines (mildest first).
pub fn checked_levels(plan: &Plan) -> Vec<Level> {
    let mut out = LIST_LEVELS.to_vec();
    out.extend(
        plan.levels
            .iter()
            .map(|l| l.level)
            .filter(|l| !LIST_LEVELS.contains(l)),
    );
    out
}

/// The whole-society base per pollutant, kg/d; `None` where it is not known.
pub type Base = PerPollutant<Option<f64>>;

/// One level's check. Serialised with the field names of `airdesk reduction --json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelCheck {
    /// The level.
    pub level: Level,
    /// Required reduction, percent of the base (`None`: the level has no requirement).
    pub required_percent: Option<f64>,
    /// The base, kg/d.
    pub base: Base,
    /// The list's total reduction at this level, kg/d.
    pub reduction: Amounts,
    /// 100 × reduction / base, unrounded; `None` when the base is missing or zero.
    pub percent: PerPollutant<Option<f64>>,
    /// Whether the reduction reaches the required share (always, when nothing is required);
    /// `None` when the base is missing or zero.
    pub meets: PerPollutant<Option<bool>>,
    /// How much reduction is missing, kg/d (0 when met); `None` when the base is missing or zero.
    pub shortfall: PerPollutant<Option<f64>>,
}

/// Relative tolerance for "reaches": sums of decimal figures are not exact in binary.
const TOLERANCE: f64 = 1e-9;

/// Check `list` at `level` against `base` and `required_percent`.
pub fn check_level(
    list: &ReductionList,
    level: Level,
    required_percent: Option<f64>,
    base: &Base,
) -> LevelCheck {
    let reduction = list.reduction(level);
    let mut check = LevelCheck {
        level,
        required_percent,
        base: *base,
        reduction,
        percent: PerPollutant::splat(None),
        meets: PerPollutant::splat(None),
        shortfall: PerPollutant::splat(None),
    };
    for p in Pollutant::ALL {
        let Some(b) = base.get(p).filter(|b| *b > 0.0) else {
            continue;
        };
        let r = reduction.get(p);
        let needed = required_percent.map_or(0.0, |pct| b * pct / 100.0);
        let meets = r >= needed * (1.0 - TOLERANCE);
        check.percent.set(p, Some(100.0 * r / b));
        check.meets.set(p, Some(meets));
        check
            .shortfall
            .set(p, Some(if meets { 0.0 } else { needed - r }));
    }
    check
}

/// Check every level of [`checked_levels`] with the plan's required percents.
pub fn check_all(list: &ReductionList, plan: &Plan, base: &Base) -> Vec<LevelCheck> {
    checked_levels(plan)
        .into_iter()
        .map(|l| check_level(list, l, required_percent(plan, l), base))
        .collect()
}

/// One group's part of a level's reduction (a grade, an industry).
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    /// The group as written (grade label, industry name).
    pub label: String,
    /// Enterprises in the group.
    pub enterprises: usize,
    /// The group's reduction, kg/d.
    pub reduction: Amounts,
    /// Percent of the list's reduction per pollutant (`None` where the list reduces nothing).
    pub percent: PerPollutant<Option<f64>>,
}

/// The level's reduction by grade, in grade order (grades with enterprises only).
pub fn share_by_grade(list: &ReductionList, level: Level) -> Vec<Share> {
    let mut groups = shares(list, level, |e| e.grade.label().to_owned());
    groups.sort_by_key(|s| {
        Grade::ALL
            .iter()
            .position(|g| g.label() == s.label)
            .unwrap_or(usize::MAX)
    });
    groups
}

/// The level's reduction by industry, largest total reduction first.
pub fn share_by_industry(list: &ReductionList, level: Level) -> Vec<Share> {
    let mut groups = shares(list, level, |e| e.industry.clone());
    groups.sort_by(|a, b| total(&b.reduction).total_cmp(&total(&a.reduction)));
    groups
}

fn total(a: &Amounts) -> f64 {
    a.0.iter().sum()
}

fn shares(list: &ReductionList, level: Level, key: impl Fn(&Enterprise) -> String) -> Vec<Share> {
    let whole = list.reduction(level);
    let mut out: Vec<Share> = Vec::new();
    let mut index = std::collections::HashMap::new();
    for e in &list.enterprises {
        let k = key(e);
        let i = *index.entry(k.clone()).or_insert_with(|| {
            out.push(Share {
                label: k,
                enterprises: 0,
                reduction: Amounts::default(),
                percent: PerPollutant::splat(None),
            });
            out.len() - 1
        });
        out[i].enterprises += 1;
        out[i].reduction.add(&e.reduction(level));
    }
    for s in &mut out {
        s.percent = PerPollutant::from_fn(|p| {
            let w = whole.get(p);
            (w > 0.0).then(|| 100.0 * s.reduction.get(p) / w)
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::reduction::list::Line;

    fn enterprise(
        name: &str,
        grade: Grade,
        industry: &str,
        base: f64,
        red: [f64; 3],
    ) -> Enterprise {
        let line = Line {
            base: Amounts::splat(base),
            reduction: red.map(Amounts::splat),
            ..Line::default()
        };
        Enterprise {
            key: name.into(),
            name: name.into(),
            grade,
            industry: industry.into(),
            lines: vec![line],
            ..Enterprise::default()
        }
    }

    fn list() -> ReductionList {
        ReductionList {
            enterprises: vec![
                enterprise("甲", Grade::C, "钢铁", 100.0, [10.0, 20.0, 40.0]),
                enterprise("乙", Grade::D, "砖瓦窑", 50.0, [50.0, 50.0, 50.0]),
                enterprise("丙", Grade::C, "钢铁", 30.0, [0.0, 10.0, 30.0]),
            ],
            files: Vec::new(),
        }
    }

    #[test]
    fn percent_meets_and_shortfall_per_pollutant() {
        let mut base = Base::splat(Some(400.0));
        base.set(Pollutant::Nox, None);
        base.set(Pollutant::Pm, Some(0.0));
        let c = check_level(&list(), Level::Orange, Some(20.0), &base);
        // Orange: 20 + 50 + 10 = 80 kg/d of 400 → exactly 20 %.
        assert_eq!(c.reduction.get(Pollutant::So2), 80.0);
        assert_eq!(c.percent.get(Pollutant::So2), Some(20.0));
        assert_eq!(c.meets.get(Pollutant::So2), Some(true), "equal meets");
        assert_eq!(c.shortfall.get(Pollutant::So2), Some(0.0));
        assert_eq!(c.percent.get(Pollutant::Nox), None, "missing base");
        assert_eq!(c.meets.get(Pollutant::Pm), None, "zero base");
        assert_eq!(c.shortfall.get(Pollutant::Pm), None);
        let c = check_level(&list(), Level::Red, Some(35.0), &base);
        // Red: 120 of 400 = 30 % < 35 %: 140 needed, 20 short.
        assert_eq!(c.meets.get(Pollutant::Vocs), Some(false));
        assert_eq!(c.shortfall.get(Pollutant::Vocs), Some(20.0));
        let c = check_level(&list(), Level::Blue, None, &base);
        assert_eq!(c.reduction.get(Pollutant::So2), 0.0, "lists have no blue");
        assert_eq!(c.meets.get(Pollutant::So2), Some(true), "nothing required");
    }

    #[test]
    fn levels_and_required_percents_from_the_plan() {
        let mut plan = crate::domain::plan::default_plan().expect("plan");
        let levels = checked_levels(&plan);
        assert_eq!(
            levels,
            [Level::Yellow, Level::Orange, Level::Red, Level::Temporary]
        );
        for level in LIST_LEVELS {
            if let Some(l) = plan.levels.iter_mut().find(|l| l.level == level) {
                l.reduction_percent = None;
            }
        }
        assert_eq!(required_percent(&plan, Level::Orange), Some(20.0));
        assert_eq!(required_percent(&plan, Level::Temporary), None);
        if let Some(l) = plan.levels.iter_mut().find(|l| l.level == Level::Orange) {
            l.reduction_percent = Some(25);
        }
        assert_eq!(required_percent(&plan, Level::Orange), Some(25.0));
    }

    #[test]
    fn shares_by_grade_and_industry_and_top_contributors() {
        let l = list();
        let g = share_by_grade(&l, Level::Red);
        assert_eq!(
            g.iter().map(|s| s.label.as_str()).collect::<Vec<_>>(),
            ["C", "D"]
        );
        assert_eq!(g[0].enterprises, 2);
        assert_eq!(g[0].reduction.get(Pollutant::So2), 70.0);
        let pct = g[0].percent.get(Pollutant::So2).expect("share");
        assert!((pct - 70.0 / 1.2).abs() < 1e-9, "{pct}");
        let i = share_by_industry(&l, Level::Yellow);
        assert_eq!(i[0].label, "砖瓦窑", "largest first");
        let top = l.top_contributors(Level::Orange, Pollutant::So2, 2);
        assert_eq!(
            top.iter()
                .map(|(e, r)| (e.name.as_str(), *r))
                .collect::<Vec<_>>(),
            [("乙", 50.0), ("甲", 20.0)]
        );
        assert_eq!(
            l.top_contributors_line(Level::Orange, Pollutant::So2, 2),
            "乙 50.0 · 甲 20.0"
        );
        assert!(
            l.top_contributors(Level::Blue, Pollutant::So2, 5)
                .is_empty()
        );
        assert_eq!(l.top_contributors_line(Level::Blue, Pollutant::So2, 5), "");
    }
}
