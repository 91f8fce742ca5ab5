//! A unit's feedback as a record of its own: who reported (person and unit), when they reported
//! it, and by which channel — apart from who entered it at the desk and when, which the journal
//! envelope stamps. Lateness is judged on the reported time ([`super::ItemChange::done_at`]),
//! so the after-action summary no longer blames a unit for the desk's typing.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::checklist::Item;
use super::error::CommandError;

/// How a unit's report reached the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// 电话.
    Phone,
    /// 微信 (the WeChat group).
    Wechat,
    /// OA (the government office system).
    Oa,
    /// 表格: a feedback form sent back.
    Form,
    /// 现场: said on site, to an inspector.
    OnSite,
    /// 督导组: a supervision group's report.
    Supervision,
}

impl Channel {
    /// Every channel, in the order forms and pages list them.
    pub const ALL: [Channel; 6] = [
        Channel::Phone,
        Channel::Wechat,
        Channel::Oa,
        Channel::Form,
        Channel::OnSite,
        Channel::Supervision,
    ];
}

/// Who reported, when and how: the unit's side of a checklist report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    /// The person who reported (反馈人), may be empty when the desk does not know.
    pub reporter: String,
    /// The unit they reported for (their unit's name as they gave it), may be empty.
    pub reporter_unit: String,
    /// When the unit reported it (反馈时间): lateness is judged on this.
    pub reported_at: DateTime<FixedOffset>,
    /// How it reached the desk.
    pub channel: Channel,
}

/// Whether `feedback` may be recorded on `item` at `now`: reported neither after `now` nor
/// before the item was issued (its notification).
pub fn check_reported_at(
    item: &Item,
    feedback: &Feedback,
    now: DateTime<FixedOffset>,
) -> Result<(), CommandError> {
    if feedback.reported_at > now {
        return Err(CommandError::ReportedInFuture);
    }
    if let Some(issued) = item.history.first().map(|c| c.stamp.at)
        && feedback.reported_at < issued
    {
        return Err(CommandError::ReportedBeforeIssued { issued });
    }
    Ok(())
}
