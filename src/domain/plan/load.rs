//! Reading a plan from TOML and checking it, with every problem pointing at its line.
//!
//! The file is first read into "raw" structs that keep the byte spans of the values a check may
//! have to point at (`toml::Spanned`); the checks then build the plain [`Plan`]. All problems are
//! collected, so an officer fixing a plan sees every mistake at once.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::domain::advisor::PrimaryPollutant;
use crate::domain::reduction::{Base, MonthDay, Pollutant, StaggeredRule};

use super::problem::{PlanProblem, PlanReason, RuleProblem};
use super::template::{TemplateKind, placeholders};
use super::{
    AdvisoryRule, CampaignPlan, Condition, EpisodeLevel, Evidence, GeoPoint, Grade, Level,
    LevelPlan, LiftRule, Measure, MeasureCategory, NowcastRule, PauseRule, PhotoRules, Plan,
    PlanInfo, RangePoint, RangeRule, ReductionPlan, ReportingCycle, Rules, Templates, Trigger,
    Unit, UnitKind, UnitTree,
};
use super::{DocumentFrames, DocumentKind, Frame};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlan {
    plan: RawInfo,
    rules: Spanned<RawRules>,
    levels: BTreeMap<Spanned<String>, Spanned<RawLevel>>,
    units: Vec<Spanned<RawUnit>>,
    templates: RawTemplates,
    #[serde(default)]
    reduction: RawReduction,
    #[serde(default)]
    documents: BTreeMap<Spanned<String>, Frame>,
    #[serde(default)]
    campaigns: BTreeMap<Spanned<String>, Spanned<RawCampaign>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCampaign {
    name: String,
    #[serde(default)]
    name_en: Option<String>,
    #[serde(default)]
    approver: String,
    #[serde(default)]
    measures: Vec<Spanned<RawMeasure>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawReduction {
    #[serde(default)]
    base: Option<Spanned<RawBase>>,
    #[serde(default)]
    staggered: Vec<Spanned<RawStaggered>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBase {
    so2: Option<f64>,
    nox: Option<f64>,
    pm: Option<f64>,
    vocs: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStaggered {
    industries: Vec<String>,
    from: Spanned<String>,
    to: Spanned<String>,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInfo {
    name: String,
    area: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    basis: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    lead_time_hours: u32,
    count_observed_days: bool,
    episode_level: EpisodeLevel,
    forecast_range: RawRange,
    nowcast: RawNowcast,
    lift: RawLift,
    pause: RawPause,
    advisory: RawAdvisory,
    #[serde(default)]
    photo: Option<RawPhoto>,
}

/// `[rules.photo]`: each bound optional, the default where absent.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPhoto {
    #[serde(default)]
    time_slack_hours: Option<Spanned<f64>>,
    #[serde(default)]
    max_km: Option<Spanned<f64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRange {
    normal: RangePoint,
    long_episode: RangePoint,
    long_episode_days: u32,
    long_episode_above: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNowcast {
    enabled: bool,
    above: f64,
    hours: u32,
    no_improvement_hours: u32,
    improvement_at_most: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLift {
    below_hours: u32,
    observed_at_most: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPause {
    enabled: bool,
    min_hours: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAdvisory {
    causes: Vec<PrimaryPollutant>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLevel {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    name_en: Option<String>,
    #[serde(default)]
    response: String,
    colour: Spanned<String>,
    #[serde(default)]
    approver: String,
    #[serde(default)]
    reduction_percent: Option<Spanned<u32>>,
    #[serde(default)]
    triggers: Vec<Spanned<RawTrigger>>,
    #[serde(default)]
    measures: Vec<Spanned<RawMeasure>>,
    #[serde(default)]
    reporting: Option<Spanned<String>>,
    #[serde(default)]
    reporting_units: BTreeMap<Spanned<String>, Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTrigger {
    #[serde(default)]
    text: String,
    all: Vec<Spanned<RawCondition>>,
    #[serde(default = "yes")]
    same_run: bool,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCondition {
    #[serde(default)]
    above: Option<f64>,
    #[serde(default)]
    at_least: Option<f64>,
    hours: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeasure {
    id: Spanned<String>,
    category: MeasureCategory,
    #[serde(default)]
    grade: Option<Spanned<Grade>>,
    #[serde(default)]
    staggered: bool,
    text: String,
    units: Vec<Spanned<String>>,
    deadline_hours: u32,
    feedback: String,
    #[serde(default)]
    evidence: Vec<Evidence>,
    /// The older spelling of `reporting = "every Nh"`.
    #[serde(default)]
    report_every_hours: Option<Spanned<u32>>,
    #[serde(default)]
    reporting: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnit {
    id: Spanned<String>,
    name: String,
    kind: UnitKind,
    #[serde(default)]
    parent: Option<Spanned<String>>,
    #[serde(default)]
    contact: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    location: Option<Spanned<[f64; 2]>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTemplates {
    warning: Spanned<String>,
    unit: Spanned<String>,
    adjust: Spanned<String>,
    /// Plans written before pause and resume notices existed have neither: the default plan's
    /// wording is used.
    #[serde(default)]
    pause: Option<Spanned<String>>,
    #[serde(default)]
    resume: Option<Spanned<String>>,
    lift: Spanned<String>,
    /// Plans written before campaign notices existed have neither: the default plan's wording.
    #[serde(default)]
    campaign_start: Option<Spanned<String>>,
    #[serde(default)]
    campaign_stop: Option<Spanned<String>>,
}

/// Collects problems against the source text.
struct Checker<'a> {
    text: &'a str,
    lines: LineIndex,
    problems: Vec<PlanProblem>,
    /// Bytes scanned to place problems plus steps taken up unit chains: a test checks that it
    /// grows linearly with the plan (100k measures, a 20k-deep unit chain).
    work: usize,
}

impl<'a> Checker<'a> {
    fn new(text: &'a str) -> Self {
        Checker {
            text,
            lines: LineIndex::new(text),
            problems: Vec::new(),
            work: text.len(),
        }
    }

    fn at(&mut self, span: Range<usize>, reason: PlanReason) {
        let (line, column) = self.line_col(span.start);
        self.problems.push(PlanProblem {
            line: Some(line),
            column: Some(column),
            reason,
        });
    }

    fn at_line(&mut self, line: usize, reason: PlanReason) {
        self.problems.push(PlanProblem {
            line: Some(line),
            column: None,
            reason,
        });
    }

    fn line_of(&self, span: &Range<usize>) -> usize {
        self.lines.line(span.start)
    }

    /// 1-based line and column (in characters) of a byte offset.
    fn line_col(&mut self, offset: usize) -> (usize, usize) {
        let line = self.lines.line(offset);
        let start = self.lines.start(line);
        let before = self
            .text
            .get(start..offset.min(self.text.len()))
            .unwrap_or("");
        self.work += before.len();
        (line, before.chars().count() + 1)
    }
}

/// Where each line of the plan text starts: one scan of the text, then the line of any offset by
/// binary search, however many units and measures ask.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    /// The 1-based line holding byte `offset`.
    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// The byte offset where 1-based `line` starts.
    fn start(&self, line: usize) -> usize {
        self.starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(0)
    }
}

/// Parse and check a plan. On failure, every problem found, sorted by line.
pub fn parse(text: &str) -> Result<Plan, Vec<PlanProblem>> {
    parse_counting(text).0
}

/// [`parse`], with the work it took (see `Checker::work`).
fn parse_counting(text: &str) -> (Result<Plan, Vec<PlanProblem>>, usize) {
    let mut ck = Checker::new(text);
    let raw: RawPlan = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let (line, column) = match e.span() {
                Some(span) => {
                    let (l, c) = ck.line_col(span.start);
                    (Some(l), Some(c))
                }
                None => (None, None),
            };
            let problem = PlanProblem {
                line,
                column,
                reason: PlanReason::Syntax {
                    detail: e.message().trim().to_string(),
                },
            };
            return (Err(vec![problem]), ck.work);
        }
    };
    let units = check_units(&mut ck, raw.units);
    let unit_ids: HashSet<&str> = units.iter().map(|u| u.id.as_str()).collect();
    let rules = check_rules(&mut ck, raw.rules);
    let mut measure_ids: HashMap<String, usize> = HashMap::new();
    let levels = check_levels(&mut ck, raw.levels, &unit_ids, &mut measure_ids);
    let campaigns = check_campaigns(&mut ck, raw.campaigns, &unit_ids, &mut measure_ids);
    let templates = check_templates(&mut ck, raw.templates);
    let reduction = check_reduction(&mut ck, raw.reduction);
    let documents = check_documents(&mut ck, raw.documents);
    let info = PlanInfo {
        name: raw.plan.name,
        area: raw.plan.area,
        version: raw.plan.version,
        basis: raw.plan.basis,
    };
    if info.name.trim().is_empty() {
        ck.at_line(1, PlanReason::NameEmpty);
    }
    let result = if ck.problems.is_empty() {
        Ok(Plan {
            info,
            rules,
            levels,
            units: UnitTree::from_checked(units),
            templates,
            reduction,
            list: None,
            contacts: None,
            documents,
            campaigns,
        })
    } else {
        ck.problems.sort_by_key(|p| (p.line, p.column));
        Err(ck.problems)
    };
    (result, ck.work)
}

/// The units that are their own ancestors. Each unit is walked up once (a unit already walked
/// ends a walk), so a deep chain costs its length, not its length squared; `work` counts the steps.
fn units_on_cycles<'a>(
    parents: &HashMap<&'a str, Option<&'a str>>,
    work: &mut usize,
) -> HashSet<&'a str> {
    #[derive(Clone, Copy, PartialEq)]
    enum Walk {
        Walking,
        Done,
    }
    let mut seen: HashMap<&str, Walk> = HashMap::with_capacity(parents.len());
    let mut on_cycle = HashSet::new();
    for &start in parents.keys() {
        let mut path = Vec::new();
        let mut cur = Some(start);
        while let Some(id) = cur {
            *work += 1;
            match seen.get(id) {
                Some(Walk::Done) => break,
                Some(Walk::Walking) => {
                    // Back on this walk's own path: everything from `id` on is a cycle.
                    if let Some(i) = path.iter().position(|&p| p == id) {
                        on_cycle.extend(path[i..].iter().copied());
                    }
                    break;
                }
                None => {
                    seen.insert(id, Walk::Walking);
                    path.push(id);
                    cur = parents.get(id).copied().flatten();
                }
            }
        }
        *work += path.len();
        for id in path {
            seen.insert(id, Walk::Done);
        }
    }
    on_cycle
}

fn check_units(ck: &mut Checker<'_>, raw: Vec<Spanned<RawUnit>>) -> Vec<Unit> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for u in &raw {
        let id = u.get_ref().id.get_ref();
        if id.trim().is_empty() {
            ck.at(u.get_ref().id.span(), PlanReason::UnitIdEmpty);
        } else if let Some(&first) = seen.get(id) {
            let reason = PlanReason::UnitIdTwice {
                id: id.clone(),
                first,
            };
            ck.at(u.get_ref().id.span(), reason);
        } else {
            let line = ck.line_of(&u.get_ref().id.span());
            seen.insert(id.clone(), line);
        }
    }
    let parents: HashMap<&str, Option<&str>> = raw
        .iter()
        .map(|u| {
            let u = u.get_ref();
            (
                u.id.get_ref().as_str(),
                u.parent.as_ref().map(|p| p.get_ref().as_str()),
            )
        })
        .collect();
    let on_cycle = units_on_cycles(&parents, &mut ck.work);
    for u in &raw {
        let r = u.get_ref();
        match &r.parent {
            Some(p) if !seen.contains_key(p.get_ref()) => {
                let reason = PlanReason::UnknownParent {
                    parent: p.get_ref().clone(),
                    unit: r.id.get_ref().clone(),
                };
                ck.at(p.span(), reason);
            }
            Some(p) if on_cycle.contains(r.id.get_ref().as_str()) => {
                let reason = PlanReason::OwnAncestor {
                    unit: r.id.get_ref().clone(),
                };
                ck.at(p.span(), reason);
            }
            Some(_) => {}
            None if matches!(r.kind, UnitKind::Village | UnitKind::Grid) => {
                let reason = PlanReason::NeedsParent {
                    unit: r.id.get_ref().clone(),
                    grid: r.kind == UnitKind::Grid,
                };
                ck.at(r.id.span(), reason);
            }
            None => {}
        }
    }
    for u in &raw {
        if let Some(at) = &u.get_ref().location
            && unit_location(at).is_none()
        {
            let [lat, lon] = *at.get_ref();
            let reason = PlanReason::UnitLocation {
                unit: u.get_ref().id.get_ref().clone(),
                lat,
                lon,
            };
            ck.at(at.span(), reason);
        }
    }
    raw.into_iter()
        .map(|u| {
            let u = u.into_inner();
            let location = u.location.as_ref().and_then(unit_location);
            Unit {
                location,
                id: u.id.into_inner(),
                name: u.name,
                kind: u.kind,
                parent: u.parent.map(Spanned::into_inner),
                contact: u.contact,
                phone: u.phone,
            }
        })
        .collect()
}

fn unit_location(at: &Spanned<[f64; 2]>) -> Option<GeoPoint> {
    let [lat, lon] = *at.get_ref();
    GeoPoint::checked(lat, lon)
}

fn check_rules(ck: &mut Checker<'_>, raw: Spanned<RawRules>) -> Rules {
    let span = raw.span();
    let r = raw.into_inner();
    let mut bad = |what: RuleProblem| ck.at(span.clone(), PlanReason::Rule(what));
    if r.lead_time_hours > 240 {
        bad(RuleProblem::LeadTime);
    }
    let aqi_ok = |v: f64| (0.0..=500.0).contains(&v);
    if r.forecast_range.long_episode_days == 0 {
        bad(RuleProblem::LongEpisodeDays);
    }
    if !aqi_ok(r.forecast_range.long_episode_above) {
        bad(RuleProblem::LongEpisodeAbove);
    }
    if !aqi_ok(r.nowcast.above) || !aqi_ok(r.nowcast.improvement_at_most) {
        bad(RuleProblem::NowcastAqi);
    }
    if r.nowcast.hours == 0 || r.nowcast.no_improvement_hours == 0 {
        bad(RuleProblem::NowcastHours);
    }
    if r.lift.below_hours == 0 {
        bad(RuleProblem::LiftHours);
    }
    if !aqi_ok(r.lift.observed_at_most) {
        bad(RuleProblem::LiftAqi);
    }
    if r.pause.min_hours == 0 {
        bad(RuleProblem::PauseHours);
    }
    let photo = check_photo(ck, r.photo);
    Rules {
        lead_time_hours: r.lead_time_hours,
        count_observed_days: r.count_observed_days,
        episode_level: r.episode_level,
        forecast_range: RangeRule {
            normal: r.forecast_range.normal,
            long_episode: r.forecast_range.long_episode,
            long_episode_days: r.forecast_range.long_episode_days,
            long_episode_above: r.forecast_range.long_episode_above as f32,
        },
        nowcast: NowcastRule {
            enabled: r.nowcast.enabled,
            above: r.nowcast.above as f32,
            hours: r.nowcast.hours,
            no_improvement_hours: r.nowcast.no_improvement_hours,
            improvement_at_most: r.nowcast.improvement_at_most as f32,
        },
        lift: LiftRule {
            below_hours: r.lift.below_hours,
            observed_at_most: r.lift.observed_at_most as f32,
        },
        pause: PauseRule {
            enabled: r.pause.enabled,
            min_hours: r.pause.min_hours,
        },
        advisory: AdvisoryRule {
            causes: r.advisory.causes,
        },
        photo,
    }
}

/// `[rules.photo]`, each value checked where it is written; a bad or absent one keeps its
/// default.
fn check_photo(ck: &mut Checker<'_>, raw: Option<RawPhoto>) -> PhotoRules {
    let mut rules = PhotoRules::default();
    let Some(raw) = raw else {
        return rules;
    };
    if let Some(v) = raw.time_slack_hours {
        let h = *v.get_ref();
        if (0.0..=PhotoRules::MAX_SLACK_HOURS).contains(&h) {
            rules.slack_hours = h;
        } else {
            ck.at(v.span(), PlanReason::Rule(RuleProblem::PhotoSlack));
        }
    }
    if let Some(v) = raw.max_km {
        let km = *v.get_ref();
        if km > 0.0 && km <= PhotoRules::MAX_KM {
            rules.max_km = km;
        } else {
            ck.at(v.span(), PlanReason::Rule(RuleProblem::PhotoDistance));
        }
    }
    rules
}

fn check_condition(ck: &mut Checker<'_>, raw: Spanned<RawCondition>) -> Option<Condition> {
    let span = raw.span();
    let c = raw.into_inner();
    let (threshold, inclusive) = match (c.above, c.at_least) {
        (Some(v), None) => (v, false),
        (None, Some(v)) => (v, true),
        _ => {
            ck.at(span, PlanReason::ConditionBound);
            return None;
        }
    };
    let mut ok = true;
    if !(0.0..=500.0).contains(&threshold) || (!inclusive && threshold >= 500.0) {
        ck.at(span.clone(), PlanReason::ThresholdNotAqi { threshold });
        ok = false;
    }
    if c.hours == 0 || !c.hours.is_multiple_of(24) || c.hours > 24 * 15 {
        ck.at(span, PlanReason::HoursNotDays { hours: c.hours });
        ok = false;
    }
    ok.then_some(Condition {
        threshold: threshold as f32,
        inclusive,
        hours: c.hours,
    })
}

fn check_trigger(ck: &mut Checker<'_>, raw: Spanned<RawTrigger>) -> Option<Trigger> {
    let span = raw.span();
    let line = ck.line_of(&span);
    let t = raw.into_inner();
    if t.all.is_empty() {
        ck.at(span, PlanReason::TriggerEmpty);
        return None;
    }
    let n = t.all.len();
    let mut conditions: Vec<Condition> = t
        .all
        .into_iter()
        .filter_map(|c| check_condition(ck, c))
        .collect();
    if conditions.len() != n {
        return None;
    }
    conditions.sort_by(|a, b| a.threshold.total_cmp(&b.threshold));
    if conditions
        .windows(2)
        .any(|w| w[0].threshold == w[1].threshold)
    {
        ck.at(span, PlanReason::SameThreshold);
        return None;
    }
    Some(Trigger {
        text: t.text,
        conditions,
        same_run: t.same_run,
        line,
    })
}

fn check_levels(
    ck: &mut Checker<'_>,
    raw: BTreeMap<Spanned<String>, Spanned<RawLevel>>,
    unit_ids: &HashSet<&str>,
    measure_ids: &mut HashMap<String, usize>,
) -> Vec<LevelPlan> {
    let mut levels = Vec::new();
    // In file order, so that "used twice" points at the later occurrence.
    let mut raw: Vec<(Spanned<String>, Spanned<RawLevel>)> = raw.into_iter().collect();
    raw.sort_by_key(|(k, _)| k.span().start);
    for (key, value) in raw {
        let level = match key.get_ref().as_str() {
            "temporary" => Level::Temporary,
            "blue" => Level::Blue,
            "yellow" => Level::Yellow,
            "orange" => Level::Orange,
            "red" => Level::Red,
            other => {
                let reason = PlanReason::UnknownLevel {
                    key: other.to_owned(),
                };
                ck.at(key.span(), reason);
                continue;
            }
        };
        let key_span = key.span();
        let r = value.into_inner();
        if !is_colour(r.colour.get_ref()) {
            let reason = PlanReason::Colour {
                colour: r.colour.get_ref().clone(),
            };
            ck.at(r.colour.span(), reason);
        }
        if let Some(p) = &r.reduction_percent
            && *p.get_ref() > 100
        {
            ck.at(p.span(), PlanReason::ReductionPercent);
        }
        if r.triggers.is_empty() {
            ck.at(key_span.clone(), PlanReason::NoTriggers(level));
        }
        if r.measures.is_empty() && level.is_warning() {
            ck.at(key_span, PlanReason::NoMeasures(level));
        }
        let n_triggers = r.triggers.len();
        let triggers: Vec<Trigger> = r
            .triggers
            .into_iter()
            .filter_map(|t| check_trigger(ck, t))
            .collect();
        let triggers_ok = triggers.len() == n_triggers;
        for (i, a) in triggers.iter().enumerate() {
            if triggers[..i].iter().any(|b| a.implies(b) && b.implies(a)) {
                ck.at_line(a.line, PlanReason::DuplicateTrigger(level));
            }
        }
        let reporting = r.reporting.and_then(|c| check_cycle(ck, &c));
        let reporting_units = check_unit_cycles(ck, r.reporting_units, unit_ids);
        let mut measures = Vec::new();
        for m in r.measures {
            if let Some(m) = check_measure(ck, m, unit_ids, measure_ids) {
                measures.push(m);
            }
        }
        levels.push((
            LevelPlan {
                level,
                name: r.name,
                name_en: r.name_en,
                response: r.response,
                colour: r.colour.into_inner(),
                approver: r.approver,
                reduction_percent: r.reduction_percent.map(Spanned::into_inner),
                triggers,
                measures,
                reporting,
                reporting_units,
            },
            triggers_ok,
        ));
    }
    levels.sort_by_key(|(l, _)| l.level);
    if !levels.iter().any(|(l, _)| l.level.is_warning()) {
        ck.at_line(1, PlanReason::NoWarningLevel);
    }
    check_overlaps(ck, &levels);
    levels.into_iter().map(|(l, _)| l).collect()
}

/// The `[campaigns.<id>]` tables, in file order: each needs a name and measures; measure ids are
/// unique across the levels and the campaigns.
fn check_campaigns(
    ck: &mut Checker<'_>,
    raw: BTreeMap<Spanned<String>, Spanned<RawCampaign>>,
    unit_ids: &HashSet<&str>,
    measure_ids: &mut HashMap<String, usize>,
) -> Vec<CampaignPlan> {
    let mut raw: Vec<(Spanned<String>, Spanned<RawCampaign>)> = raw.into_iter().collect();
    raw.sort_by_key(|(k, _)| k.span().start);
    let mut out = Vec::new();
    for (key, value) in raw {
        let id = key.get_ref().clone();
        let c = value.into_inner();
        if c.name.trim().is_empty() {
            let campaign = id.clone();
            ck.at(key.span(), PlanReason::CampaignNoName { campaign });
        }
        if c.measures.is_empty() {
            let campaign = id.clone();
            ck.at(key.span(), PlanReason::CampaignNoMeasures { campaign });
        }
        let measures = c
            .measures
            .into_iter()
            .filter_map(|m| check_measure(ck, m, unit_ids, measure_ids))
            .collect();
        out.push(CampaignPlan {
            id,
            name: c.name,
            name_en: c.name_en,
            approver: c.approver,
            measures,
        });
    }
    out
}

/// A milder level whose trigger always implies a stricter level's trigger can never be called by
/// it: its thresholds overlap the stricter level's (often two numbers swapped).
fn check_overlaps(ck: &mut Checker<'_>, levels: &[(LevelPlan, bool)]) {
    for (i, (mild, mild_ok)) in levels.iter().enumerate() {
        for (strict, strict_ok) in &levels[i + 1..] {
            if !(*mild_ok && *strict_ok) {
                continue;
            }
            for tm in &mild.triggers {
                if let Some(ts) = strict.triggers.iter().find(|ts| tm.implies(ts)) {
                    let reason = PlanReason::Overlap {
                        mild: mild.level,
                        mild_trigger: tm.conditions.clone(),
                        strict: strict.level,
                        strict_trigger: ts.conditions.clone(),
                        strict_line: ts.line,
                    };
                    ck.at_line(tm.line, reason);
                }
            }
        }
    }
}

fn check_measure(
    ck: &mut Checker<'_>,
    raw: Spanned<RawMeasure>,
    unit_ids: &HashSet<&str>,
    ids: &mut HashMap<String, usize>,
) -> Option<Measure> {
    let span = raw.span();
    let m = raw.into_inner();
    let mut ok = true;
    let id = m.id.get_ref().clone();
    let id_line = ck.line_of(&m.id.span());
    if id.trim().is_empty() {
        ck.at(m.id.span(), PlanReason::MeasureIdEmpty);
        ok = false;
    } else if let Some(&first) = ids.get(&id) {
        let reason = PlanReason::MeasureIdTwice {
            id: id.clone(),
            first,
        };
        ck.at(m.id.span(), reason);
        ok = false;
    } else {
        ids.insert(id.clone(), id_line);
    }
    if m.units.is_empty() {
        let measure = id.clone();
        ck.at(span.clone(), PlanReason::MeasureNoUnit { measure });
        ok = false;
    }
    for u in &m.units {
        if !unit_ids.contains(u.get_ref().as_str()) {
            let reason = PlanReason::MeasureUnknownUnit {
                unit: u.get_ref().clone(),
                measure: id.clone(),
            };
            ck.at(u.span(), reason);
            ok = false;
        }
    }
    if let Some(g) = &m.grade
        && m.category != MeasureCategory::Industry
    {
        let measure = id.clone();
        ck.at(g.span(), PlanReason::GradeOutsideIndustry { measure });
        ok = false;
    }
    if m.text.trim().is_empty() {
        let measure = id.clone();
        ck.at(span.clone(), PlanReason::MeasureNoText { measure });
        ok = false;
    }
    let reporting = match (&m.reporting, &m.report_every_hours) {
        (Some(_), Some(h)) => {
            let measure = id.clone();
            ck.at(h.span(), PlanReason::ReportingTwice { measure });
            ok = false;
            None
        }
        (Some(c), None) => {
            let cycle = check_cycle(ck, c);
            ok &= cycle.is_some();
            cycle
        }
        (None, Some(h)) => {
            let cycle = check_cycle(
                ck,
                &Spanned::new(h.span(), format!("every {}h", h.get_ref())),
            );
            ok &= cycle.is_some();
            cycle
        }
        (None, None) => None,
    };
    if m.feedback.trim().is_empty() {
        let measure = id.clone();
        ck.at(span, PlanReason::MeasureNoFeedback { measure });
        ok = false;
    }
    ok.then(|| Measure {
        id,
        category: m.category,
        grade: m.grade.map(Spanned::into_inner),
        staggered: m.staggered,
        text: m.text,
        units: m.units.into_iter().map(Spanned::into_inner).collect(),
        deadline_hours: m.deadline_hours,
        feedback: m.feedback,
        evidence: m.evidence,
        reporting,
    })
}

/// A reporting cycle's text, read; a problem at its line when it is not one.
fn check_cycle(ck: &mut Checker<'_>, text: &Spanned<String>) -> Option<ReportingCycle> {
    ReportingCycle::parse(text.get_ref())
        .map_err(|e| ck.at(text.span(), PlanReason::Cycle { text: e.text }))
        .ok()
}

/// A level's `reporting_units`: unit id → cycle, each unit defined in the plan.
fn check_unit_cycles(
    ck: &mut Checker<'_>,
    raw: BTreeMap<Spanned<String>, Spanned<String>>,
    unit_ids: &HashSet<&str>,
) -> BTreeMap<String, ReportingCycle> {
    let mut out = BTreeMap::new();
    for (unit, text) in raw {
        if !unit_ids.contains(unit.get_ref().as_str()) {
            let reason = PlanReason::CycleUnknownUnit {
                unit: unit.get_ref().clone(),
            };
            ck.at(unit.span(), reason);
            continue;
        }
        if let Some(cycle) = check_cycle(ck, &text) {
            out.insert(unit.into_inner(), cycle);
        }
    }
    out
}

fn check_reduction(ck: &mut Checker<'_>, raw: RawReduction) -> ReductionPlan {
    let mut base = Base::splat(None);
    if let Some(b) = raw.base {
        let span = b.span();
        let b = b.into_inner();
        for (p, v) in Pollutant::ALL.into_iter().zip([b.so2, b.nox, b.pm, b.vocs]) {
            match v {
                Some(v) if !(v.is_finite() && v >= 0.0) => {
                    let reason = PlanReason::BaseEmission {
                        pollutant: p,
                        value: v,
                    };
                    ck.at(span.clone(), reason);
                }
                v => base.set(p, v),
            }
        }
    }
    let mut staggered = Vec::new();
    for r in raw.staggered {
        let span = r.span();
        let r = r.into_inner();
        let from = MonthDay::parse(r.from.get_ref());
        let to = MonthDay::parse(r.to.get_ref());
        for (day, parsed) in [(&r.from, from), (&r.to, to)] {
            if parsed.is_none() {
                let reason = PlanReason::StaggeredDay {
                    day: day.get_ref().clone(),
                };
                ck.at(day.span(), reason);
            }
        }
        if r.industries.iter().all(|i| i.trim().is_empty()) {
            ck.at(span.clone(), PlanReason::StaggeredNoIndustry);
        }
        if r.text.trim().is_empty() {
            ck.at(span, PlanReason::StaggeredNoText);
        }
        if let (Some(from), Some(to)) = (from, to) {
            staggered.push(StaggeredRule {
                industries: r.industries,
                from,
                to,
                text: r.text,
            });
        }
    }
    ReductionPlan { base, staggered }
}

fn is_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}

fn check_templates(ck: &mut Checker<'_>, raw: RawTemplates) -> Templates {
    let all = [
        (TemplateKind::Warning, Some(&raw.warning)),
        (TemplateKind::Unit, Some(&raw.unit)),
        (TemplateKind::Adjust, Some(&raw.adjust)),
        (TemplateKind::Pause, raw.pause.as_ref()),
        (TemplateKind::Resume, raw.resume.as_ref()),
        (TemplateKind::Lift, Some(&raw.lift)),
        (TemplateKind::CampaignStart, raw.campaign_start.as_ref()),
        (TemplateKind::CampaignStop, raw.campaign_stop.as_ref()),
    ];
    for (kind, t) in all {
        if let Some(t) = t {
            check_template(ck, kind, t);
        }
    }
    let or_default = |t: Option<Spanned<String>>, kind| {
        t.map_or_else(|| default_template(kind), Spanned::into_inner)
    };
    Templates {
        warning: raw.warning.into_inner(),
        unit: raw.unit.into_inner(),
        adjust: raw.adjust.into_inner(),
        pause: or_default(raw.pause, TemplateKind::Pause),
        resume: or_default(raw.resume, TemplateKind::Resume),
        lift: raw.lift.into_inner(),
        campaign_start: or_default(raw.campaign_start, TemplateKind::CampaignStart),
        campaign_stop: or_default(raw.campaign_stop, TemplateKind::CampaignStop),
    }
}

/// The default plan's template of `kind` (empty if it had none, which its tests rule out).
fn default_template(kind: TemplateKind) -> String {
    let plan: Result<toml::Table, _> = toml::from_str(super::DEFAULT_PLAN_TOML);
    plan.ok()
        .and_then(|p| {
            p.get("templates")?
                .get(kind.key())?
                .as_str()
                .map(str::to_owned)
        })
        .unwrap_or_default()
}

fn check_template(ck: &mut Checker<'_>, kind: TemplateKind, t: &Spanned<String>) {
    let content = t.get_ref();
    // Templates written before the [documents] table held the whole notice, its 文号 on a line
    // of its own: that frame now comes from [documents] and would print twice.
    if let Some(offset) = frame_line(content) {
        let line = template_line(ck, t.span(), content, offset);
        ck.at_line(line, PlanReason::TemplateFrame(kind));
    }
    match placeholders(content) {
        Ok(names) => {
            for (name, offset) in names {
                if !kind.allows(name) {
                    let line = template_line(ck, t.span(), content, offset);
                    let name = name.to_owned();
                    ck.at_line(line, PlanReason::Placeholder { kind, name });
                }
            }
        }
        Err(e) => {
            let offset = match &e {
                super::TemplateError::Unknown { offset, .. }
                | super::TemplateError::Malformed { offset } => *offset,
            };
            let line = template_line(ck, t.span(), content, offset);
            ck.at_line(line, PlanReason::Template { kind, error: e });
        }
    }
}

/// Byte offset of a line holding only `{doc_no}` or `{command_office}`, if any.
fn frame_line(content: &str) -> Option<usize> {
    let mut offset = 0;
    for line in content.split_inclusive('\n') {
        if matches!(line.trim(), "{doc_no}" | "{command_office}") {
            return Some(offset + line.find('{').unwrap_or(0));
        }
        offset += line.len();
    }
    None
}

/// `[documents.common]` and `[documents.<kind>]`; any other key is a problem.
fn check_documents(ck: &mut Checker<'_>, raw: BTreeMap<Spanned<String>, Frame>) -> DocumentFrames {
    let mut frames = DocumentFrames::default();
    for (key, frame) in raw {
        match key.get_ref().as_str() {
            "common" => frames.common = frame,
            name => match DocumentKind::from_key(name) {
                Some(kind) => {
                    frames.kinds.insert(kind, frame);
                }
                None => {
                    let key_name = name.to_owned();
                    ck.at(key.span(), PlanReason::UnknownDocument { key: key_name });
                }
            },
        }
    }
    frames
}

/// The file line of byte `offset` inside a string value. Exact for multi-line strings without
/// escaped newlines (the way templates are written); otherwise the nearest line.
fn template_line(ck: &Checker<'_>, span: Range<usize>, content: &str, offset: usize) -> usize {
    let src = ck.text.get(span.clone()).unwrap_or("");
    let multi = src.starts_with("\"\"\"") || src.starts_with("'''");
    let after = if multi { &src[3..] } else { src };
    let trimmed_newline = multi && (after.starts_with('\n') || after.starts_with("\r\n"));
    let newlines = content.get(..offset).unwrap_or("").matches('\n').count();
    ck.line_of(&span) + usize::from(trimmed_newline) + newlines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::DEFAULT_PLAN_TOML;

    /// The default plan with `measures` more yellow measures and a chain of `depth` units, each
    /// the parent of the next.
    fn big_plan(measures: usize, depth: usize) -> String {
        let mut text = DEFAULT_PLAN_TOML.to_string();
        for i in 0..depth {
            let parent = if i == 0 {
                String::new()
            } else {
                format!("parent = \"chain-{}\"\n", i - 1)
            };
            text.push_str(&format!(
                "\n[[units]]\nid = \"chain-{i}\"\nname = \"链{i}\"\nkind = \"department\"\n{parent}"
            ));
        }
        for i in 0..measures {
            text.push_str(&format!(
                "\n[[levels.yellow.measures]]\nid = \"BIG-{i}\"\ncategory = \"industry\"\n\
                 text = \"措施{i}\"\nunits = [\"gxj\"]\ndeadline_hours = 2\nfeedback = \"反馈\"\n"
            ));
        }
        text
    }

    /// Placing units and measures and walking unit chains is linear in the plan: counted as bytes
    /// scanned and steps taken, never timed (#11 item 9: 100k measures took over a minute and a
    /// 20k-deep chain 21 s).
    #[test]
    fn loading_work_grows_linearly() {
        for (measures, depth) in [(20_000, 0), (0, 20_000), (10_000, 10_000)] {
            let text = big_plan(measures, depth);
            let (plan, work) = parse_counting(&text);
            let plan = plan.unwrap_or_else(|p| panic!("{:?}", &p[..p.len().min(3)]));
            assert!(plan.units.units().len() >= depth);
            assert!(
                work <= 2 * text.len(),
                "{measures} measures, {depth} deep: work {work} for {} bytes",
                text.len()
            );
        }
        // A cycle deep down is still found, and only its members are named.
        let mut text = big_plan(0, 5_000);
        text = text.replacen(
            "id = \"chain-0\"\n",
            "id = \"chain-0\"\nparent = \"chain-4999\"\n",
            1,
        );
        let problems = parse(&text).expect_err("cycle");
        assert_eq!(problems.len(), 5_000);
        assert!(
            matches!(problems[0].reason, PlanReason::OwnAncestor { .. }),
            "{:?}",
            problems[0]
        );
    }

    /// The default plan with the first occurrence of `from` replaced by `to`.
    fn edited(from: &str, to: &str) -> String {
        assert!(
            DEFAULT_PLAN_TOML.contains(from),
            "fixture text {from} not in plan"
        );
        DEFAULT_PLAN_TOML.replacen(from, to, 1)
    }

    /// 1-based line of the first occurrence of `needle` in `text`.
    fn line_of(text: &str, needle: &str) -> usize {
        let i = text.find(needle).expect("needle present");
        text[..i].matches('\n').count() + 1
    }

    fn problems(text: &str) -> Vec<PlanProblem> {
        parse(text).expect_err("plan must be rejected")
    }

    const MINI: &str = r##"
[plan]
name = "测试预案"
area = "测试县"

[rules]
lead_time_hours = 24
count_observed_days = true
episode_level = "max"
forecast_range = { normal = "mid", long_episode = "upper", long_episode_days = 3, long_episode_above = 200 }
nowcast = { enabled = true, above = 200, hours = 3, no_improvement_hours = 12, improvement_at_most = 200 }
lift = { below_hours = 36, observed_at_most = 150 }
pause = { enabled = true, min_hours = 24 }
advisory = { causes = ["O3"] }

[levels.yellow]
colour = "#FFFF00"

[[levels.yellow.triggers]]
all = [{ above = 200, hours = 24 }]

[levels.orange]
colour = "#FF7E00"

[[levels.orange.triggers]]
all = [{ above = 200, hours = 48 }]

[[levels.orange.measures]]
id = "O1"
category = "health"
text = "减少户外活动"
units = ["wjj"]
deadline_hours = 0
feedback = "发布情况"

[[units]]
id = "wjj"
name = "县卫生健康局"
kind = "department"

[templates]
warning = "{level_name}"
unit = "{unit}"
adjust = "{from_level_name}"
pause = "{pause_time}"
resume = "{resume_time}"
lift = "{lift_time}"
"##;

    /// Reporting cycles: the level's default, a unit's override and a measure's own (or the
    /// older `report_every_hours`), most specific first; a bad cycle or an unknown unit is a
    /// problem at its line.
    #[test]
    fn reporting_cycles_resolve_most_specific_first_and_bad_ones_point_at_their_line() {
        let text = MINI
            .replace(
                "[levels.orange]",
                "[[levels.yellow.measures]]\nid = \"Y1\"\ncategory = \"health\"\ntext = \"提醒\"\nunits = [\"wjj\"]\ndeadline_hours = 0\nfeedback = \"情况\"\n\n[levels.orange]",
            )
            .replace(
                "colour = \"#FF7E00\"",
                "colour = \"#FF7E00\"\nreporting = \"每日16:00前\"\nreporting_units = { wjj = \"every 12h\" }",
            )
            .replace("feedback = \"发布情况\"", "feedback = \"发布情况\"\nreport_every_hours = 4");
        let plan = parse(&text).unwrap_or_else(|e| panic!("{e:?}"));
        let orange = plan.level(Level::Orange).expect("orange");
        assert_eq!(
            orange.reporting,
            Some(ReportingCycle::parse("daily 16:00").unwrap())
        );
        let o1 = orange.measures.first();
        assert_eq!(
            orange.cycle(o1, "wjj"),
            Some(ReportingCycle::Every { hours: 4 })
        );
        assert_eq!(
            orange.cycle(None, "wjj"),
            Some(ReportingCycle::Every { hours: 12 })
        );
        assert_eq!(orange.cycle(None, "other"), orange.reporting);
        assert_eq!(
            plan.level(Level::Yellow).and_then(|l| l.cycle(None, "wjj")),
            None
        );

        let bad = MINI.replace(
            "colour = \"#FF7E00\"",
            "colour = \"#FF7E00\"\nreporting = \"weekly\"\nreporting_units = { nobody = \"every 2h\", wjj = \"every 0h\" }",
        );
        let found = problems(&bad);
        let line = line_of(&bad, "reporting = \"weekly\"");
        assert!(
            found.iter().any(|p| p.line == Some(line)
                && p.reason
                    == PlanReason::Cycle {
                        text: "weekly".into()
                    }),
            "{found:?}"
        );
        let line = line_of(&bad, "reporting_units");
        for why in [
            PlanReason::CycleUnknownUnit {
                unit: "nobody".into(),
            },
            PlanReason::Cycle {
                text: "every 0h".into(),
            },
        ] {
            assert!(
                found
                    .iter()
                    .any(|p| p.line == Some(line) && p.reason == why),
                "{why:?}: {found:?}"
            );
        }
    }

    /// Plans written before pause and resume notices existed still load, with the default
    /// plan's wording for those two.
    #[test]
    fn plans_without_pause_and_resume_templates_take_the_default_wording() {
        let (start, end) = (
            DEFAULT_PLAN_TOML
                .find("\npause = '''")
                .expect("pause template"),
            DEFAULT_PLAN_TOML
                .find("\nlift = '''")
                .expect("lift template"),
        );
        let older = format!(
            "{}{}",
            &DEFAULT_PLAN_TOML[..start],
            &DEFAULT_PLAN_TOML[end..]
        );
        assert!(!older.contains("\nresume = '''"));
        let plan = parse(&older).unwrap_or_else(|e| panic!("{e:?}"));
        let default = crate::domain::plan::default_plan().expect("default plan");
        assert_eq!(plan.templates.pause, default.templates.pause);
        assert_eq!(plan.templates.resume, default.templates.resume);
        assert!(plan.templates.pause.contains("{pause_time}"));
        assert!(plan.templates.resume.contains("{resume_time}"));
    }

    #[test]
    fn default_plan_validates_and_follows_the_2024_guidance() {
        let plan =
            parse(DEFAULT_PLAN_TOML).unwrap_or_else(|e| panic!("default plan invalid: {e:?}"));
        let levels: Vec<Level> = plan.levels.iter().map(|l| l.level).collect();
        assert_eq!(
            levels,
            [Level::Temporary, Level::Yellow, Level::Orange, Level::Red]
        );
        let red = plan.level(Level::Red).expect("red");
        assert_eq!(red.triggers.len(), 1);
        let c: Vec<(f32, u32)> = red.triggers[0]
            .conditions
            .iter()
            .map(|c| (c.threshold, c.hours))
            .collect();
        assert_eq!(c, [(200.0, 72), (300.0, 24)]);
        assert_eq!(plan.rules.lead_time_hours, 24);
        assert_eq!(plan.rules.lift.below_hours, 36);
        for l in plan.levels.iter().filter(|l| l.level.is_warning()) {
            for cat in [
                MeasureCategory::Industry,
                MeasureCategory::ConstructionDust,
                MeasureCategory::Transport,
                MeasureCategory::LooseCoal,
                MeasureCategory::OpenBurning,
                MeasureCategory::Schools,
                MeasureCategory::Health,
                MeasureCategory::Publicity,
                MeasureCategory::Supervision,
            ] {
                assert!(
                    l.measures.iter().any(|m| m.category == cat),
                    "{} lacks {cat:?}",
                    l.level
                );
            }
            for g in [Grade::A, Grade::B, Grade::C, Grade::D] {
                assert!(l.measures.iter().any(|m| m.grade == Some(g)));
            }
        }
        // Villages and grids roll up to their township.
        let grids = plan.units.subtree("town-chengguan");
        assert!(grids.iter().any(|u| u.kind == UnitKind::Grid));
        assert!(!plan.measures_of_unit(Level::Orange, "jyj").is_empty());
    }

    #[test]
    fn default_templates_fill_with_their_placeholders() {
        let plan = parse(DEFAULT_PLAN_TOML).expect("valid");
        for kind in TemplateKind::ALL {
            let names = kind.allowed();
            let values: Vec<(&str, &str)> = names.iter().map(|n| (*n, "〔值〕")).collect();
            let text = crate::domain::plan::fill(plan.templates.get(kind), &values)
                .unwrap_or_else(|e| panic!("{} template: {e}", kind.key()));
            assert!(!text.contains('{') && !text.contains('}'), "{text}");
            assert!(text.contains("〔值〕"));
        }
        let warning =
            crate::domain::plan::fill(&plan.templates.warning, &[("level_name", "橙色预警")]);
        assert!(
            warning.is_err(),
            "a placeholder without a value is an error"
        );
    }

    #[test]
    fn documents_frames_load_and_unknown_kinds_are_named() {
        let plan = parse(DEFAULT_PLAN_TOML).expect("valid");
        assert_eq!(
            plan.documents.field(DocumentKind::Daily, |f| &f.mark),
            Some("重污染天气应急工作简报")
        );
        assert_eq!(
            plan.documents.field(DocumentKind::Unit, |f| &f.cc),
            Some("")
        );
        assert!(
            plan.documents
                .field(DocumentKind::Warning, |f| &f.to)
                .is_some_and(|t| t.contains("各乡镇人民政府"))
        );
        let text = edited("[documents.daily]", "[documents.weekly]");
        let p = problems(&text);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].line, Some(line_of(&text, "[documents.weekly]")));
        assert_eq!(
            p[0].reason,
            PlanReason::UnknownDocument {
                key: "weekly".into()
            }
        );
        let text = edited("mark = \"重污染天气应急工作简报\"", "title = \"x\"");
        assert!(!problems(&text).is_empty());
    }

    #[test]
    fn a_template_still_holding_the_frame_is_named() {
        let text = edited("warning = '''\n", "warning = '''\n{command_office}\n");
        let p = problems(&text);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(
            p[0].reason,
            PlanReason::TemplateFrame(TemplateKind::Warning)
        );
        assert_eq!(p[0].line, Some(line_of(&text, "warning = '''") + 1));
    }

    #[test]
    fn mini_plan_with_measures_is_valid() {
        let text = MINI.replace(
            "[levels.orange]",
            "[[levels.yellow.measures]]\nid = \"Y1\"\ncategory = \"health\"\ntext = \"t\"\nunits = [\"wjj\"]\ndeadline_hours = 0\nfeedback = \"f\"\n\n[levels.orange]",
        );
        let plan = parse(&text).expect("valid");
        assert_eq!(plan.levels.len(), 2);
        assert_eq!(plan.lowest_warning().map(|l| l.level), Some(Level::Yellow));
    }

    #[test]
    fn level_without_measures_points_at_the_level() {
        let p = problems(MINI);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].line, Some(line_of(MINI, "[levels.yellow]")));
        assert_eq!(p[0].reason, PlanReason::NoMeasures(Level::Yellow));
    }

    #[test]
    fn a_unit_location_is_read_and_checked() {
        let from = "id = \"zjj\"\nname = \"县住房和城乡建设局\"\n";
        let text = edited(from, &format!("{from}location = [38.04, 114.51]\n"));
        let plan = parse(&text).expect("valid");
        let at = plan
            .units
            .get("zjj")
            .and_then(|u| u.location)
            .expect("location");
        assert_eq!((at.lat, at.lon), (38.04, 114.51));
        assert_eq!(plan.units.get("gaj").and_then(|u| u.location), None);
        let text = edited(from, &format!("{from}location = [114.51, 38.04]\n"));
        let p = problems(&text);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            matches!(p[0].reason, PlanReason::UnitLocation { lat, .. } if lat == 114.51),
            "{p:?}"
        );
        assert_eq!(p[0].line, Some(line_of(&text, "location =")));
    }

    #[test]
    fn unknown_unit_points_at_the_reference() {
        let text = edited("units = [\"jyj\"]", "units = [\"jyjj\"]");
        let p = problems(&text);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].line, Some(line_of(&text, "\"jyjj\"")));
        assert!(
            matches!(&p[0].reason, PlanReason::MeasureUnknownUnit { unit, .. } if unit == "jyjj"),
            "{p:?}"
        );
        assert!(p[0].column.is_some());
        // Unknown parent, and a village without a parent.
        let text = edited("parent = \"town-hedong\"", "parent = \"town-hedongg\"");
        let p = problems(&text);
        assert_eq!(p[0].line, Some(line_of(&text, "town-hedongg")));
        let text = edited(
            "kind = \"village\"\nparent = \"town-chengguan\"",
            "kind = \"village\"",
        );
        let p = problems(&text);
        assert!(
            matches!(p[0].reason, PlanReason::NeedsParent { grid: false, .. }),
            "{p:?}"
        );
    }

    #[test]
    fn overlapping_thresholds_are_found() {
        // Orange made weaker than yellow: yellow's "> 200 for 24 h" now always meets orange.
        let text = edited(
            "all = [{ above = 200, hours = 48 }]",
            "all = [{ above = 200, hours = 24 }]",
        );
        let p = problems(&text);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(
            p[0].line,
            Some(line_of(&text, "[[levels.yellow.triggers]]"))
        );
        assert!(
            matches!(
                p[0].reason,
                PlanReason::Overlap {
                    mild: Level::Yellow,
                    strict: Level::Orange,
                    ..
                }
            ),
            "{p:?}"
        );
        // Two conditions of one trigger with the same threshold.
        let text = edited("{ above = 300, hours = 24 }", "{ above = 200, hours = 24 }");
        let p = problems(&text);
        assert_eq!(p[0].line, Some(line_of(&text, "[[levels.red.triggers]]")));
        assert_eq!(p[0].reason, PlanReason::SameThreshold);
        // The temporary band swapped with yellow.
        let text = edited(
            "all = [{ above = 150, hours = 24 }]",
            "all = [{ above = 250, hours = 48 }]",
        );
        let p = problems(&text);
        assert!(
            p.iter().any(|p| matches!(
                p.reason,
                PlanReason::Overlap {
                    mild: Level::Temporary,
                    ..
                }
            )),
            "{p:?}"
        );
    }

    #[test]
    fn bad_thresholds_point_at_the_condition() {
        for (to, why) in [
            (
                "{ above = 600, hours = 72 }",
                PlanReason::ThresholdNotAqi { threshold: 600.0 },
            ),
            (
                "{ above = 200, hours = 36 }",
                PlanReason::HoursNotDays { hours: 36 },
            ),
            (
                "{ above = 200, at_least = 201, hours = 72 }",
                PlanReason::ConditionBound,
            ),
        ] {
            let text = edited("{ above = 200, hours = 72 }", to);
            let p = problems(&text);
            assert_eq!(p[0].line, Some(line_of(&text, to)), "{to}");
            assert_eq!(p[0].reason, why);
        }
    }

    #[test]
    fn template_placeholders_are_checked_with_their_line() {
        let text = edited("预计持续至{end}，解除", "预计持续至{ending}，解除");
        let p = problems(&text);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].line, Some(line_of(&text, "{ending}")));
        assert_eq!(
            p[0].reason,
            PlanReason::Placeholder {
                kind: TemplateKind::Warning,
                name: "ending".into()
            }
        );
        let text = edited("联系人：{contact}", "联系人：{contact");
        let p = problems(&text);
        assert_eq!(p[0].line, Some(line_of(&text, "{contact\n")));
    }

    #[test]
    fn syntax_and_unknown_fields_report_their_line() {
        let text = edited("lead_time_hours = 24", "lead_time_hour = 24");
        let p = problems(&text);
        assert_eq!(p[0].line, Some(line_of(&text, "lead_time_hour ")));
        assert!(
            matches!(&p[0].reason, PlanReason::Syntax { detail } if detail.contains("lead_time_hour")),
            "{p:?}"
        );
        let text = DEFAULT_PLAN_TOML.replace("levels.red", "levels.purple");
        let p = problems(&text);
        assert!(
            p.iter().any(|p| p.reason
                == PlanReason::UnknownLevel {
                    key: "purple".into()
                }
                && p.line == Some(line_of(&text, "[levels.purple]"))),
            "{p:?}"
        );
        let text = edited("category = \"schools\"", "category = \"school\"");
        let p = problems(&text);
        assert_eq!(p[0].line, Some(line_of(&text, "\"school\"")));
        let p = problems("[plan\nname=1");
        assert_eq!(p[0].line, Some(1));
    }

    #[test]
    fn reduction_section_base_and_staggered_rules_are_checked_with_their_line() {
        let plan = parse(DEFAULT_PLAN_TOML).expect("valid");
        assert_eq!(plan.reduction.staggered.len(), 1, "heating-season rule");
        assert_eq!(plan.reduction.base, Base::splat(None), "no base by default");
        let with_base = "[reduction]\nbase = { so2 = 1000.5, vocs = 800 }\n";
        let text = edited("[reduction]\n", with_base);
        let plan = parse(&text).expect("valid");
        assert_eq!(plan.reduction.base.get(Pollutant::So2), Some(1000.5));
        assert_eq!(plan.reduction.base.get(Pollutant::Nox), None);
        let bad = text.replace("so2 = 1000.5", "so2 = -1");
        let p = problems(&bad);
        assert_eq!(
            p[0].reason,
            PlanReason::BaseEmission {
                pollutant: Pollutant::So2,
                value: -1.0
            }
        );
        assert_eq!(p[0].line, Some(line_of(&bad, "\nbase = {") + 1));
        let bad = text.replace("vocs = 800", "co = 800");
        assert_eq!(
            problems(&bad)[0].line,
            Some(line_of(&bad, "\nbase = {") + 1)
        );
        let bad = edited("from = \"11-15\"", "from = \"11-31\"");
        let p = problems(&bad);
        assert_eq!(p[0].line, Some(line_of(&bad, "\"11-31\"")));
        assert_eq!(
            p[0].reason,
            PlanReason::StaggeredDay {
                day: "11-31".into()
            }
        );
    }

    #[test]
    fn grade_outside_industry_and_duplicate_ids_are_rejected() {
        let text = edited(
            "id = \"Y-SCH-1\"\ncategory = \"schools\"",
            "id = \"Y-SCH-1\"\ncategory = \"schools\"\ngrade = \"C\"",
        );
        let p = problems(&text);
        assert!(
            matches!(p[0].reason, PlanReason::GradeOutsideIndustry { .. }),
            "{p:?}"
        );
        let text = edited("id = \"O-SCH-1\"", "id = \"Y-SCH-1\"");
        let p = problems(&text);
        assert!(
            matches!(&p[0].reason, PlanReason::MeasureIdTwice { id, .. } if id == "Y-SCH-1"),
            "{p:?}"
        );
        assert_eq!(
            p[0].line,
            Some(
                text.rfind("id = \"Y-SCH-1\"")
                    .map(|i| text[..i].matches('\n').count() + 1)
                    .expect("line")
            )
        );
    }

    #[test]
    fn photo_rules_are_the_plans_with_defaults_and_checked_where_written() {
        let plan = parse(DEFAULT_PLAN_TOML).expect("default");
        assert_eq!(plan.rules.photo, PhotoRules::default());
        let text = edited(
            "time_slack_hours = 1\nmax_km = 3",
            "time_slack_hours = 0.5\nmax_km = 8",
        );
        let photo = parse(&text).expect("edited").rules.photo;
        assert_eq!((photo.slack_hours, photo.max_km), (0.5, 8.0));
        assert_eq!(photo.slack(), chrono::Duration::minutes(30));
        // Absent: the defaults (plans written before the section existed).
        let text = ["[rules.photo]\n", "time_slack_hours = 1\n", "max_km = 3\n"]
            .iter()
            .fold(DEFAULT_PLAN_TOML.to_owned(), |t, line| {
                t.replacen(line, "", 1)
            });
        assert_eq!(
            parse(&text).expect("none").rules.photo,
            PhotoRules::default()
        );
        for (from, to, want) in [
            (
                "time_slack_hours = 1",
                "time_slack_hours = -2",
                RuleProblem::PhotoSlack,
            ),
            (
                "time_slack_hours = 1",
                "time_slack_hours = 1000",
                RuleProblem::PhotoSlack,
            ),
            ("max_km = 3", "max_km = 0", RuleProblem::PhotoDistance),
            ("max_km = 3", "max_km = -1.5", RuleProblem::PhotoDistance),
            ("max_km = 3", "max_km = nan", RuleProblem::PhotoDistance),
        ] {
            let text = edited(from, to);
            let p = problems(&text);
            assert_eq!(p.len(), 1, "{to}: {p:?}");
            assert_eq!(p[0].reason, PlanReason::Rule(want), "{to}");
            let column = to.find('=').map(|i| i + 3);
            assert_eq!(
                (p[0].line, p[0].column),
                (Some(line_of(&text, to)), column),
                "{to}"
            );
        }
    }
}

#[cfg(test)]
mod campaign_tests {
    use super::*;
    use crate::domain::plan::DEFAULT_PLAN_TOML;

    fn line_of(text: &str, needle: &str) -> usize {
        let i = text.find(needle).expect("needle present");
        text[..i].matches('\n').count() + 1
    }

    #[test]
    fn the_sample_plan_has_four_campaigns_in_file_order() {
        let plan = parse(DEFAULT_PLAN_TOML).expect("default plan");
        let ids: Vec<&str> = plan.campaigns.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["fireworks", "coal", "sites", "burning"]);
        let fw = plan.campaign("fireworks").expect("fireworks");
        assert!(fw.name.contains("禁燃禁售") && !fw.approver.is_empty());
        let groups = fw
            .measures
            .iter()
            .find(|m| m.id == "C-FW-SUP")
            .expect("groups");
        assert_eq!(groups.units.len(), 7);
    }

    #[test]
    fn a_campaigns_problems_name_their_line() {
        let text = DEFAULT_PLAN_TOML
            .replacen(
                "units = [\"yjj\", \"scj\", \"gaj\"]",
                "units = [\"yjj\", \"nobody\"]",
                1,
            )
            .replacen("id = \"C-COAL-2\"", "id = \"C-COAL-1\"", 1);
        let problems = parse(&text).expect_err("bad campaign");
        let unknown = problems
            .iter()
            .find(|p| matches!(&p.reason, PlanReason::MeasureUnknownUnit { unit, .. } if unit == "nobody"))
            .expect("unknown unit named");
        assert_eq!(unknown.line, Some(line_of(&text, "\"nobody\"")));
        let twice = problems
            .iter()
            .find(
                |p| matches!(&p.reason, PlanReason::MeasureIdTwice { id, .. } if id == "C-COAL-1"),
            )
            .expect("duplicate id named");
        let second = text.rfind("id = \"C-COAL-1\"").expect("second");
        assert_eq!(twice.line, Some(text[..second].matches('\n').count() + 1));
        let empty = format!("{DEFAULT_PLAN_TOML}\n[campaigns.empty]\nname = \"空\"\n");
        let problems = parse(&empty).expect_err("no measures");
        assert!(problems.iter().any(|p| p.reason
            == PlanReason::CampaignNoMeasures {
                campaign: "empty".into()
            }));
    }
}
