//! Plan-file problems in words: the plan loader (`crate::domain::plan`) decides what is wrong and
//! where; this words it in the user's language. The file's own keys stay as written, so the
//! officer finds them in the file.

use crate::domain::plan::{Condition, PlanProblem, PlanReason, RuleProblem, TemplateError};

use super::{Render, T, Tr};

/// `第3行第5列：…` / `line 3, column 5: …` — the place first, as the file's editor counts.
impl Render for PlanProblem {
    fn render(&self, tr: Tr) -> String {
        let reason = self.reason.render(tr);
        match (self.line, self.column) {
            (Some(l), Some(c)) => tr.f(T::PlanAtLineColumn, &[&l, &c, &reason]),
            (Some(l), None) => tr.f(T::PlanAtLine, &[&l, &reason]),
            _ => reason,
        }
    }
}

/// One exhaustive match, so a new reason cannot go unworded.
impl Render for PlanReason {
    fn render(&self, tr: Tr) -> String {
        use PlanReason::*;
        match self {
            Syntax { detail } => tr.f(T::PlanSyntax, &[detail]),
            NameEmpty => tr.t(T::PlanNameEmpty).into(),
            UnitIdEmpty => tr.t(T::PlanUnitIdEmpty).into(),
            UnitIdTwice { id, first } => tr.f(T::PlanUnitIdTwice, &[id, first]),
            UnknownParent { parent, unit } => tr.f(T::PlanUnknownParent, &[parent, unit]),
            OwnAncestor { unit } => tr.f(T::PlanOwnAncestor, &[unit]),
            NeedsParent { unit, grid: false } => tr.f(T::PlanVillageNeedsParent, &[unit]),
            NeedsParent { unit, grid: true } => tr.f(T::PlanGridNeedsParent, &[unit]),
            UnitLocation { unit, lat, lon } => tr.f(T::PlanUnitLocation, &[lat, lon, unit]),
            ReportingTwice { measure } => tr.f(T::PlanReportingTwice, &[measure]),
            Cycle { text } => tr.f(T::PlanCycle, &[text]),
            CycleUnknownUnit { unit } => tr.f(T::PlanCycleUnknownUnit, &[unit]),
            Rule(rule) => tr.t(rule_key(*rule)).into(),
            ConditionBound => tr.t(T::PlanConditionBound).into(),
            ThresholdNotAqi { threshold } => tr.f(T::PlanThresholdNotAqi, &[threshold]),
            HoursNotDays { hours } => tr.f(T::PlanHoursNotDays, &[hours]),
            TriggerEmpty => tr.t(T::PlanTriggerEmpty).into(),
            SameThreshold => tr.t(T::PlanSameThreshold).into(),
            UnknownLevel { key } => tr.f(T::PlanUnknownLevel, &[key]),
            Colour { colour } => tr.f(T::PlanColour, &[colour]),
            ReductionPercent => tr.t(T::PlanReductionPercent).into(),
            NoTriggers(l) => tr.f(T::PlanNoTriggers, &[&tr.level(*l), &l.code()]),
            NoMeasures(l) => tr.f(T::PlanNoMeasures, &[&tr.level(*l), &l.code()]),
            DuplicateTrigger(l) => tr.f(T::PlanDuplicateTrigger, &[&tr.level(*l), &l.code()]),
            NoWarningLevel => tr.t(T::PlanNoWarningLevel).into(),
            Overlap {
                mild,
                mild_trigger,
                strict,
                strict_trigger,
                strict_line,
            } => tr.f(
                T::PlanOverlap,
                &[
                    &tr.level(*mild),
                    &conditions(tr, mild_trigger),
                    &tr.level(*strict),
                    strict_line,
                    &conditions(tr, strict_trigger),
                ],
            ),
            MeasureIdEmpty => tr.t(T::PlanMeasureIdEmpty).into(),
            MeasureIdTwice { id, first } => tr.f(T::PlanMeasureIdTwice, &[id, first]),
            MeasureNoUnit { measure } => tr.f(T::PlanMeasureNoUnit, &[measure]),
            MeasureUnknownUnit { unit, measure } => {
                tr.f(T::PlanMeasureUnknownUnit, &[unit, measure])
            }
            GradeOutsideIndustry { measure } => tr.f(T::PlanGradeOutsideIndustry, &[measure]),
            MeasureNoText { measure } => tr.f(T::PlanMeasureNoText, &[measure]),
            MeasureNoFeedback { measure } => tr.f(T::PlanMeasureNoFeedback, &[measure]),
            BaseEmission { pollutant, value } => {
                tr.f(T::PlanBaseEmission, &[&pollutant.code(), value])
            }
            StaggeredDay { day } => tr.f(T::PlanStaggeredDay, &[day]),
            StaggeredNoIndustry => tr.t(T::PlanStaggeredNoIndustry).into(),
            StaggeredNoText => tr.t(T::PlanStaggeredNoText).into(),
            TemplateFrame(kind) => tr.f(T::PlanTemplateFrame, &[&kind.key()]),
            Placeholder { kind, name } => {
                let allowed: Vec<String> =
                    kind.allowed().iter().map(|n| format!("{{{n}}}")).collect();
                tr.f(
                    T::PlanPlaceholder,
                    &[&kind.key(), &format!("{{{name}}}"), &allowed.join(" ")],
                )
            }
            Template { kind, error } => tr.f(T::PlanTemplate, &[&kind.key(), &error.render(tr)]),
            CampaignNoName { campaign } => tr.f(T::PlanCampaignNoName, &[campaign]),
            CampaignNoMeasures { campaign } => tr.f(T::PlanCampaignNoMeasures, &[campaign]),
            UnknownDocument { key } => {
                let kinds = crate::domain::plan::DocumentKind::ALL.map(|k| k.key());
                tr.f(T::PlanUnknownDocument, &[key, &kinds.join(", ")])
            }
        }
    }
}

/// Why a template cannot be filled.
impl Render for TemplateError {
    fn render(&self, tr: Tr) -> String {
        match self {
            TemplateError::Unknown { name, .. } => {
                tr.f(T::TemplateUnknown, &[&format!("{{{name}}}")])
            }
            TemplateError::Malformed { .. } => tr.t(T::TemplateMalformed).into(),
        }
    }
}

fn rule_key(rule: RuleProblem) -> T {
    match rule {
        RuleProblem::LeadTime => T::PlanRuleLeadTime,
        RuleProblem::LongEpisodeDays => T::PlanRuleLongEpisodeDays,
        RuleProblem::LongEpisodeAbove => T::PlanRuleLongEpisodeAbove,
        RuleProblem::NowcastAqi => T::PlanRuleNowcastAqi,
        RuleProblem::NowcastHours => T::PlanRuleNowcastHours,
        RuleProblem::LiftHours => T::PlanRuleLiftHours,
        RuleProblem::LiftAqi => T::PlanRuleLiftAqi,
        RuleProblem::PauseHours => T::PlanRulePauseHours,
        RuleProblem::PhotoSlack => T::PlanRulePhotoSlack,
        RuleProblem::PhotoDistance => T::PlanRulePhotoDistance,
    }
}

/// A trigger's conditions: `>200 持续 24 小时且≥300 持续 48 小时` / `>200 for 24 h and ≥300 for 48 h`.
fn conditions(tr: Tr, all: &[Condition]) -> String {
    all.iter()
        .map(|c| tr.f(T::PlanCondition, &[&c.threshold_text(), &c.hours]))
        .collect::<Vec<_>>()
        .join(tr.t(T::PlanConditionJoin))
}

/// Every problem of a plan on one line, in file order (the banner, the CLI's error).
pub fn plan_problems(tr: Tr, problems: &[PlanProblem]) -> String {
    problems
        .iter()
        .map(|p| p.render(tr))
        .collect::<Vec<_>>()
        .join(tr.t(T::PartsSeparator))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::{DEFAULT_PLAN_TOML, parse};
    use crate::i18n::Language;

    /// The default plan with three mistakes: an unknown unit, an AQI of 600 and a placeholder typo.
    fn three_problems() -> (String, Vec<PlanProblem>) {
        let text = DEFAULT_PLAN_TOML
            .replacen("units = [\"jyj\"]", "units = [\"jyjj\"]", 1)
            .replacen(
                "{ above = 200, hours = 72 }",
                "{ above = 600, hours = 72 }",
                1,
            )
            .replacen("预计持续至{end}，解除", "预计持续至{ending}，解除", 1);
        let problems = parse(&text).expect_err("three problems");
        (text, problems)
    }

    fn line_of(text: &str, needle: &str) -> usize {
        let at = text.find(needle).expect("needle");
        text[..at].matches('\n').count() + 1
    }

    #[test]
    fn a_plan_with_several_problems_is_worded_in_both_languages_with_its_lines() {
        let (text, problems) = three_problems();
        assert_eq!(problems.len(), 3, "{problems:?}");
        let zh: Vec<String> = problems
            .iter()
            .map(|p| p.render(Tr(Language::Zh)))
            .collect();
        let en: Vec<String> = problems
            .iter()
            .map(|p| p.render(Tr(Language::En)))
            .collect();
        let unit = line_of(&text, "\"jyjj\"");
        let aqi = line_of(&text, "above = 600");
        let placeholder = line_of(&text, "{ending}");
        let expect = |all: &[String], line: usize, words: &[&str]| {
            assert!(
                all.iter()
                    .any(|s| words.iter().all(|w| s.contains(w)) && s.contains(&line.to_string())),
                "{line} {words:?} in {all:?}"
            );
        };
        expect(&zh, unit, &["第", "行第", "列", "单位「jyjj」未定义"]);
        expect(&en, unit, &["line", "column", "unknown unit 「jyjj」"]);
        expect(&zh, aqi, &["阈值 600 不是可能的日 AQI"]);
        expect(&en, aqi, &["threshold 600 is not a possible daily AQI"]);
        expect(
            &zh,
            placeholder,
            &["warning 模板中有未知占位符 {ending}", "{end}"],
        );
        expect(
            &en,
            placeholder,
            &["unknown placeholder {ending} in the warning template"],
        );
        assert!(zh.iter().all(|s| s.starts_with('第')), "{zh:?}");
        assert!(en.iter().all(|s| s.starts_with("line ")), "{en:?}");
        let one_line = plan_problems(Tr(Language::Zh), &problems);
        assert_eq!(one_line.matches('；').count(), 2, "{one_line}");
    }

    #[test]
    fn levels_and_overlaps_are_named_in_the_users_language() {
        let text = DEFAULT_PLAN_TOML.replacen(
            "all = [{ above = 200, hours = 48 }]",
            "all = [{ above = 200, hours = 24 }]",
            1,
        );
        let problems = parse(&text).expect_err("overlap");
        let zh = problems[0].render(Tr(Language::Zh));
        let en = problems[0].render(Tr(Language::En));
        assert!(
            zh.contains("阈值重叠：黄色预警的触发条件（>200 持续 24 小时）"),
            "{zh}"
        );
        assert!(zh.contains("永远不会发布黄色预警"), "{zh}");
        assert!(
            en.contains("the yellow warning trigger (>200 for 24 h)"),
            "{en}"
        );
    }
}
