//! Why a command is refused, in Chinese and English, so the duty officer sees what to do instead.

use chrono::{DateTime, FixedOffset};

use crate::domain::plan::Level;

use super::checklist::{ItemKey, ItemStatus, Transition};
use super::text::time_zh;

/// A required text left empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Who signs the notice (审签).
    Approver,
    /// Consultation participants.
    Participants,
    /// Consultation decision text.
    Decision,
    /// Basis (依据) of a pause, resumption or lifting, or the consultation's forecast basis.
    Basis,
    /// Feedback on implementation or rectification.
    Feedback,
    /// Description of a problem.
    Problem,
    /// Name of the officer taking over.
    Successor,
}

impl Field {
    /// Chinese name.
    pub fn label(self) -> &'static str {
        match self {
            Field::Approver => "签发人",
            Field::Participants => "参会人员",
            Field::Decision => "会商意见",
            Field::Basis => "依据",
            Field::Feedback => "落实情况",
            Field::Problem => "问题描述",
            Field::Successor => "接班人",
        }
    }

    /// English name.
    pub fn label_en(self) -> &'static str {
        match self {
            Field::Approver => "approver",
            Field::Participants => "participants",
            Field::Decision => "decision",
            Field::Basis => "basis",
            Field::Feedback => "feedback",
            Field::Problem => "problem description",
            Field::Successor => "name of the officer taking over",
        }
    }
}

/// A command that cannot be carried out, or an event that does not fit the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommandError {
    /// No warning is in force (nothing to change, pause or lift).
    NoWarning,
    /// A warning is already in force; change its level instead of issuing another.
    AlreadyActive {
        /// Its level.
        level: Level,
    },
    /// The level is not a coloured warning level.
    NotAWarningLevel(Level),
    /// The plan does not define this level.
    LevelNotInPlan(Level),
    /// An upgrade to a level that is not higher.
    NotHigher {
        /// Level in force.
        from: Level,
        /// Level asked for.
        to: Level,
    },
    /// A downgrade to a level that is not lower.
    NotLower {
        /// Level in force.
        from: Level,
        /// Level asked for.
        to: Level,
    },
    /// An event says the level was `recorded` but it is `actual`.
    LevelMismatch {
        /// Level the event was decided from.
        recorded: Level,
        /// Level in the state.
        actual: Level,
    },
    /// The response is paused; resume it first.
    Paused,
    /// The response is not paused.
    NotPaused,
    /// The plan does not allow pausing.
    PauseNotAllowed,
    /// The warning has not taken effect yet, so it cannot be paused.
    NotYetInForce {
        /// When it starts.
        start: DateTime<FixedOffset>,
    },
    /// A time before the level in force took effect (or before the pause began).
    TooEarly {
        /// The earliest time allowed.
        earliest: DateTime<FixedOffset>,
    },
    /// An expected end not after the start.
    EndBeforeStart,
    /// A required text is empty.
    Missing(Field),
    /// No consultation with this number.
    UnknownConsultation(u32),
    /// The current episode has no such checklist item.
    UnknownItem(ItemKey),
    /// The item was dropped by a level change; it takes no reports.
    ItemDropped(ItemKey),
    /// The same item twice in one checklist.
    DuplicateItem(ItemKey),
    /// The step is not allowed from the item's status.
    Transition {
        /// The item.
        item: ItemKey,
        /// Its status.
        from: ItemStatus,
        /// The step asked for.
        transition: Transition,
    },
    /// The warning was lifted: the checklist only takes rectifications of problems.
    ChecklistClosed,
    /// No shift is in progress to hand over.
    NoShift,
    /// An event number that does not follow the ones before (a damaged or foreign journal).
    OutOfSequence {
        /// What is numbered ("episode", "consultation").
        what: &'static str,
        /// Number found.
        found: u32,
        /// Number expected.
        expected: u32,
    },
}

impl CommandError {
    /// The message in Chinese.
    pub fn zh(&self) -> String {
        match self {
            CommandError::NoWarning => "当前没有生效的预警，无法调整、暂停或解除".into(),
            CommandError::AlreadyActive { level } => format!(
                "已有{}正在生效，不能重复发布；如需改变级别请升级或降级",
                level.default_name()
            ),
            CommandError::NotAWarningLevel(l) => {
                format!("「{}」不是预警级别，不能作为预警发布", l.default_name())
            }
            CommandError::LevelNotInPlan(l) => {
                format!("本预案未规定{}", l.default_name())
            }
            CommandError::NotHigher { from, to } => format!(
                "{}不高于当前的{}，不能升级；如需降低级别请降级",
                to.default_name(),
                from.default_name()
            ),
            CommandError::NotLower { from, to } => format!(
                "{}不低于当前的{}，不能降级；如需提高级别请升级",
                to.default_name(),
                from.default_name()
            ),
            CommandError::LevelMismatch { recorded, actual } => format!(
                "记录的原级别{}与当前级别{}不一致",
                recorded.default_name(),
                actual.default_name()
            ),
            CommandError::Paused => "应急响应已暂停，请先恢复响应".into(),
            CommandError::NotPaused => "应急响应未暂停，无需恢复".into(),
            CommandError::PauseNotAllowed => "本预案不允许暂停应急响应".into(),
            CommandError::NotYetInForce { start } => format!(
                "预警自{}起生效，尚未生效不能暂停；如预报改善请降级或解除",
                time_zh(start)
            ),
            CommandError::TooEarly { earliest } => {
                format!("时间不能早于{}", time_zh(earliest))
            }
            CommandError::EndBeforeStart => "预计结束时间必须晚于开始时间".into(),
            CommandError::Missing(f) => format!("请填写{}", f.label()),
            CommandError::UnknownConsultation(n) => format!("没有第{n}次会商的记录"),
            CommandError::UnknownItem(k) => {
                format!("当前预警的措施清单中没有「{k}」")
            }
            CommandError::ItemDropped(k) => {
                format!("措施「{k}」已因级别调整撤销，不能再登记")
            }
            CommandError::DuplicateItem(k) => format!("措施清单中「{k}」重复"),
            CommandError::Transition {
                item,
                from,
                transition,
            } => format!(
                "措施「{item}」当前为“{}”，不能{}",
                from.label(),
                transition.label()
            ),
            CommandError::ChecklistClosed => "预警已解除，措施清单已关闭；只能登记问题整改".into(),
            CommandError::NoShift => "当前没有正在进行的值班，无法交班".into(),
            CommandError::OutOfSequence {
                what,
                found,
                expected,
            } => {
                let what = if *what == "consultation" {
                    "会商"
                } else {
                    "预警过程"
                };
                format!("{what}编号{found}不连续（应为{expected}）")
            }
        }
    }

    /// The message in English.
    pub fn en(&self) -> String {
        match self {
            CommandError::NoWarning => {
                "no warning is in force: nothing to change, pause or lift".into()
            }
            CommandError::AlreadyActive { level } => format!(
                "a {} is already in force; upgrade or downgrade it instead of issuing another",
                level.default_name_en()
            ),
            CommandError::NotAWarningLevel(l) => {
                format!("{} is not a warning level", l.default_name_en())
            }
            CommandError::LevelNotInPlan(l) => {
                format!("the plan does not define the {}", l.default_name_en())
            }
            CommandError::NotHigher { from, to } => format!(
                "{} is not above the {} in force: downgrade instead",
                to.default_name_en(),
                from.default_name_en()
            ),
            CommandError::NotLower { from, to } => format!(
                "{} is not below the {} in force: upgrade instead",
                to.default_name_en(),
                from.default_name_en()
            ),
            CommandError::LevelMismatch { recorded, actual } => format!(
                "the event changes from {} but the level is {}",
                recorded.default_name_en(),
                actual.default_name_en()
            ),
            CommandError::Paused => "the response is paused: resume it first".into(),
            CommandError::NotPaused => "the response is not paused".into(),
            CommandError::PauseNotAllowed => "the plan does not allow pausing".into(),
            CommandError::NotYetInForce { start } => format!(
                "the warning takes effect at {}; it cannot be paused before (downgrade or lift it)",
                start.format("%Y-%m-%d %H:%M")
            ),
            CommandError::TooEarly { earliest } => {
                format!(
                    "the time cannot be before {}",
                    earliest.format("%Y-%m-%d %H:%M")
                )
            }
            CommandError::EndBeforeStart => "the expected end must be after the start".into(),
            CommandError::Missing(f) => format!("the {} is required", f.label_en()),
            CommandError::UnknownConsultation(n) => format!("there is no consultation #{n}"),
            CommandError::UnknownItem(k) => {
                format!("the current checklist has no item {k}")
            }
            CommandError::ItemDropped(k) => {
                format!("item {k} was dropped by a level change and takes no reports")
            }
            CommandError::DuplicateItem(k) => format!("item {k} appears twice in the checklist"),
            CommandError::Transition {
                item,
                from,
                transition,
            } => format!(
                "item {item} is {}: cannot {} it",
                from.label_en(),
                transition.label_en()
            ),
            CommandError::ChecklistClosed => {
                "the warning was lifted: the checklist only takes rectifications of problems".into()
            }
            CommandError::NoShift => "no shift is in progress to hand over".into(),
            CommandError::OutOfSequence {
                what,
                found,
                expected,
            } => format!("{what} number {found} is out of sequence (expected {expected})"),
        }
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}（{}）", self.zh(), self.en())
    }
}

impl std::error::Error for CommandError {}
