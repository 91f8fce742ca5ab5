//! The names of the domain's enums in the interface language: one function per enum, each
//! entry in the translation table. The domain keeps only codes.

use crate::domain::advisor::PrimaryPollutant;
use crate::domain::alerts::AlertRule;
use crate::domain::aqi::{Category, Standard};
use crate::domain::festivals::FestivalKind;
use crate::domain::findings::Status;
use crate::domain::outlook::Risk;
use crate::domain::plan::Grade;
use crate::domain::plan::Level;
use crate::domain::plan::MeasureCategory;
use crate::domain::plan::Plan;
use crate::domain::response::Decision;
use crate::domain::response::Field;
use crate::domain::response::ItemStatus;
use crate::domain::response::Progress;
use crate::domain::response::Transition;
use crate::domain::response::{CampaignRef, Channel};
use crate::domain::response::{CheckResult, CheckSource};
use crate::domain::windows::Condition;

use super::{Language, T, Tr};

impl Tr {
    /// The name of a response level (橙色预警 / orange warning); a plan may word its own, see
    /// [`Tr::plan_level`].
    pub fn level(self, x: Level) -> &'static str {
        self.t(match x {
            Level::None => T::LevelNone,
            Level::Temporary => T::LevelTemporary,
            Level::Blue => T::LevelBlue,
            Level::Yellow => T::LevelYellow,
            Level::Orange => T::LevelOrange,
            Level::Red => T::LevelRed,
        })
    }

    /// A performance grade (绩效分级) of the emission-reduction list (引领性 / performance-leading);
    /// in Chinese as lists write it.
    pub fn grade(self, x: Grade) -> &'static str {
        self.t(match x {
            Grade::A => T::GradeA,
            Grade::Leading => T::GradeLeading,
            Grade::B => T::GradeB,
            Grade::C => T::GradeC,
            Grade::D => T::GradeD,
            Grade::Unrated => T::GradeUnrated,
            Grade::Livelihood => T::GradeLivelihood,
        })
    }

    /// A primary pollutant as reasons name it (臭氧 / O3).
    pub fn primary(self, x: PrimaryPollutant) -> &'static str {
        self.t(match x {
            PrimaryPollutant::Pm25 => T::PrimaryPm25,
            PrimaryPollutant::Pm10 => T::PrimaryPm10,
            PrimaryPollutant::O3 => T::PrimaryO3,
            PrimaryPollutant::No2 => T::PrimaryNo2,
            PrimaryPollutant::So2 => T::PrimarySo2,
            PrimaryPollutant::Co => T::PrimaryCo,
            PrimaryPollutant::Dust => T::PrimaryDust,
        })
    }

    /// An unfavourable-weather condition (静小风 / calm wind).
    pub fn condition(self, x: Condition) -> &'static str {
        self.t(match x {
            Condition::CalmWind => T::CondCalmWind,
            Condition::Humid => T::CondHumid,
            Condition::NoPrecipitation => T::CondNoPrecipitation,
            Condition::ShallowMixing => T::CondShallowMixing,
            Condition::Inversion => T::CondInversion,
        })
    }

    /// A heavy-pollution risk class (较高 / elevated).
    pub fn risk(self, x: Risk) -> &'static str {
        self.t(match x {
            Risk::Low => T::RiskLow,
            Risk::Elevated => T::RiskElevated,
            Risk::High => T::RiskHigh,
            Risk::VeryHigh => T::RiskVeryHigh,
        })
    }

    /// A supervision finding's status (整改中 / rectifying).
    pub fn finding_status(self, x: Status) -> &'static str {
        self.t(match x {
            Status::Assigned => T::FindingAssigned,
            Status::Rectifying => T::FindingRectifying,
            Status::Rectified => T::FindingRectified,
            Status::Verified => T::FindingVerified,
            Status::Closed => T::FindingClosed,
        })
    }

    /// A checklist item's status (已签收 / acknowledged).
    pub fn item_status(self, x: ItemStatus) -> &'static str {
        self.t(match x {
            ItemStatus::Notified => T::ItemNotified,
            ItemStatus::Acknowledged => T::ItemAcknowledged,
            ItemStatus::Implemented => T::ItemImplemented,
            ItemStatus::ProblemReported => T::ItemProblemReported,
            ItemStatus::Rectified => T::ItemRectified,
            ItemStatus::Dropped => T::ItemDropped,
        })
    }

    /// How a unit's feedback reached the desk (电话 / phone); the Chinese words are also the
    /// spelling of a feedback form's 反馈渠道 cells.
    pub fn channel(self, x: Channel) -> &'static str {
        self.t(match x {
            Channel::Phone => T::ChannelPhone,
            Channel::Wechat => T::ChannelWechat,
            Channel::Oa => T::ChannelOa,
            Channel::Form => T::ChannelForm,
            Channel::OnSite => T::ChannelOnSite,
            Channel::Supervision => T::ChannelSupervision,
        })
    }

    /// A checklist step as a verb (签收 / acknowledge).
    pub fn transition(self, x: Transition) -> &'static str {
        self.t(match x {
            Transition::Acknowledge => T::TransitionAcknowledge,
            Transition::Implement => T::TransitionImplement,
            Transition::ReportProblem => T::TransitionReportProblem,
            Transition::Rectify => T::TransitionRectify,
        })
    }

    /// How far a unit has got (待签收 / to acknowledge).
    pub fn progress(self, x: Progress) -> &'static str {
        self.t(match x {
            Progress::Overdue => T::ProgressOverdue,
            Progress::Problem => T::ProgressProblem,
            Progress::Notified => T::ProgressNotified,
            Progress::Acknowledged => T::ProgressAcknowledged,
            Progress::Done => T::ProgressDone,
        })
    }

    /// A consultation's decision (发布预警 / issue a warning).
    pub fn decision(self, x: Decision) -> &'static str {
        self.t(match x {
            Decision::None => T::DecisionNone,
            Decision::Temporary => T::DecisionTemporary,
            Decision::Advisory => T::DecisionAdvisory,
            Decision::Issue => T::DecisionIssue,
            Decision::Upgrade => T::DecisionUpgrade,
            Decision::Downgrade => T::DecisionDowngrade,
            Decision::Keep => T::DecisionKeep,
            Decision::Pause => T::DecisionPause,
            Decision::Resume => T::DecisionResume,
            Decision::Lift => T::DecisionLift,
        })
    }

    /// A required field of a response form (签发人 / approver).
    pub fn field(self, x: Field) -> &'static str {
        self.t(match x {
            Field::Approver => T::FieldApprover,
            Field::Participants => T::FieldParticipants,
            Field::Decision => T::FieldDecision,
            Field::Basis => T::FieldBasis,
            Field::Feedback => T::FieldFeedback,
            Field::Problem => T::FieldProblem,
            Field::Successor => T::FieldSuccessor,
            Field::RegionalSource => T::FieldRegionalSource,
            Field::RegionalNotice => T::FieldRegionalNotice,
            Field::CheckNote => T::FieldCheckNote,
            Field::CheckedBy => T::FieldCheckedBy,
            Field::SampleSize => T::FieldSampleSize,
        })
    }

    /// How a check came about (核查 / 抽查 / 督导组).
    pub fn check_source(self, x: CheckSource) -> &'static str {
        self.t(match x {
            CheckSource::Verification => T::CheckVerification,
            CheckSource::SpotCheck => T::CheckSpot,
            CheckSource::Supervision => T::CheckSupervision,
        })
    }

    /// What a check found (属实 / 不属实).
    pub fn check_result(self, x: CheckResult) -> &'static str {
        self.t(match x {
            CheckResult::Confirmed => T::CheckConfirmed,
            CheckResult::NotConfirmed => T::CheckNotConfirmed,
        })
    }

    /// A category of measures (扬尘管控 / Construction dust).
    pub fn measure_category(self, x: MeasureCategory) -> &'static str {
        self.t(match x {
            MeasureCategory::Industry => T::MeasureIndustry,
            MeasureCategory::ConstructionDust => T::MeasureConstructionDust,
            MeasureCategory::Transport => T::MeasureTransport,
            MeasureCategory::LooseCoal => T::MeasureLooseCoal,
            MeasureCategory::OpenBurning => T::MeasureOpenBurning,
            MeasureCategory::Schools => T::MeasureSchools,
            MeasureCategory::Health => T::MeasureHealth,
            MeasureCategory::Publicity => T::MeasurePublicity,
            MeasureCategory::Supervision => T::MeasureSupervision,
            MeasureCategory::Other => T::MeasureOther,
        })
    }

    /// The rule of a station alert (爆表 / off the scale).
    pub fn alert_rule(self, x: AlertRule) -> &'static str {
        self.t(match x {
            AlertRule::Burst => T::AlertRuleBurst,
            AlertRule::AboveNeighbours => T::AlertRuleAboveNeighbours,
            AlertRule::Silent => T::AlertRuleSilent,
        })
    }

    /// A festival day (除夕 / New Year's Eve).
    pub fn festival(self, x: FestivalKind) -> &'static str {
        self.t(match x {
            FestivalKind::NewYearsEve => T::FestivalNewYearsEve,
            FestivalKind::SpringFestival => T::FestivalSpringFestival,
            FestivalKind::FifthDay => T::FestivalFifthDay,
            FestivalKind::Lantern => T::FestivalLantern,
        })
    }

    /// The name of an AQI category under `standard` (HJ 633 names with their common
    /// translations — HJ 633 has none of its own, DOMAIN.md §1.3 — or EPA's for the US AQI).
    pub fn category(self, c: Category, standard: Standard) -> &'static str {
        const CN: [T; 6] = [
            T::CatCn1,
            T::CatCn2,
            T::CatCn3,
            T::CatCn4,
            T::CatCn5,
            T::CatCn6,
        ];
        const US: [T; 6] = [
            T::CatUs1,
            T::CatUs2,
            T::CatUs3,
            T::CatUs4,
            T::CatUs5,
            T::CatUs6,
        ];
        let keys = if standard.is_chinese() { &CN } else { &US };
        self.t(keys[c as usize])
    }

    /// The colour word of a warning level as notices write it (橙色); empty below the warnings.
    pub fn level_colour(self, level: Level) -> &'static str {
        match level {
            Level::Blue => self.t(T::ColourBlue),
            Level::Yellow => self.t(T::ColourYellow),
            Level::Orange => self.t(T::ColourOrange),
            Level::Red => self.t(T::ColourRed),
            Level::None | Level::Temporary => "",
        }
    }

    /// The response a level starts (Ⅱ级应急响应, 临时管控措施) when the plan does not word it;
    /// empty for no level.
    pub fn level_response(self, level: Level) -> &'static str {
        match level {
            Level::Blue => self.t(T::ResponseBlue),
            Level::Yellow => self.t(T::ResponseYellow),
            Level::Orange => self.t(T::ResponseOrange),
            Level::Red => self.t(T::ResponseRed),
            Level::Temporary => self.t(T::ResponseTemporary),
            Level::None => "",
        }
    }

    /// A level as `plan` words it in this language, else its standard name.
    pub fn plan_level(self, plan: &Plan, level: Level) -> &'_ str {
        let own = plan.level(level).and_then(|l| match self.0 {
            Language::Zh => l.name.as_deref(),
            Language::En => l.name_en.as_deref(),
        });
        own.unwrap_or_else(|| self.level(level))
    }

    /// A campaign run's name in this language: its English name in English when the plan gave
    /// one, else the Chinese name.
    pub fn campaign(self, campaign: &CampaignRef) -> &'_ str {
        match self.0 {
            Language::En => campaign.name_en.as_deref().unwrap_or(&campaign.name),
            Language::Zh => &campaign.name,
        }
    }
}
