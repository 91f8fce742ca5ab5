//! What the daily report and the handover both show: the warning's status in one line, the open
//! and overdue checklist items grouped by unit with their countdowns, and the journal anchor.

use chrono::{DateTime, FixedOffset};

use crate::domain::plan::Level;
use crate::domain::response::{Episode, ItemKey, ItemStatus, Phase, ResponseState};
use crate::i18n::ZH;

/// The warning in one line.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct WarningStatus {
    /// Episode number.
    pub episode: u32,
    /// Level in force (or at lifting).
    pub level: Level,
    /// `生效中`, `待生效`, `已暂停`, `已解除`.
    pub phase: String,
    /// The line: `橙色预警（自2025年1月15日0时起，生效中，预计持续至…）`.
    pub text: String,
}

impl WarningStatus {
    /// The status of the latest episode at `now`; `None` before any warning.
    pub fn of(state: &ResponseState, now: DateTime<FixedOffset>) -> Option<Self> {
        state.latest().map(|e| Self::of_episode(e, now))
    }

    /// The status of `episode` at `now`.
    pub fn of_episode(e: &Episode, now: DateTime<FixedOffset>) -> Self {
        let phase = match e.phase() {
            Phase::Lifted { at } => format!("已于{}解除", ZH.moment(&at)),
            Phase::Paused { since } => format!("自{}起暂停", ZH.moment(&since)),
            Phase::Active if e.start > now => "待生效".to_owned(),
            Phase::Active => "生效中".to_owned(),
        };
        let end = match (e.phase(), e.expected_end) {
            (Phase::Lifted { .. }, _) | (_, None) => String::new(),
            (_, Some(end)) => format!("，预计持续至{}", ZH.moment(&end)),
        };
        WarningStatus {
            episode: e.number,
            level: e.level(),
            text: format!(
                "{}（第{}次预警过程，自{}起，{}{}）",
                ZH.level(e.level()),
                e.number,
                ZH.moment(&e.level_since()),
                phase,
                end
            ),
            phase,
        }
    }
}

/// One item still waiting for the unit.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct OpenItem {
    /// Measure and unit.
    #[serde(skip)]
    pub key: ItemKey,
    /// Measure id.
    pub measure: String,
    /// Measure text.
    pub text: String,
    /// Status.
    #[serde(skip)]
    pub status: ItemStatus,
    /// Status label (Chinese).
    pub status_label: String,
    /// Deadline.
    pub deadline: DateTime<FixedOffset>,
    /// Past its deadline.
    pub overdue: bool,
    /// Countdown (`剩余3小时20分`, `逾期2小时`), empty when the clock does not run.
    pub countdown: String,
    /// The open problem, for items with one.
    pub problem: Option<String>,
}

/// A unit's open items.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct UnitOpenItems {
    /// Unit id.
    pub unit: String,
    /// Unit name.
    pub unit_name: String,
    /// Its open items, overdue first, then by deadline.
    pub items: Vec<OpenItem>,
}

impl UnitOpenItems {
    /// How many of them are overdue.
    pub fn overdue(&self) -> usize {
        self.items.iter().filter(|i| i.overdue).count()
    }
}

/// The open items (not done, not dropped) of `episode` at `now`, by unit in plan order; units
/// without open items are left out.
pub fn open_items_by_unit(episode: &Episode, now: DateTime<FixedOffset>) -> Vec<UnitOpenItems> {
    let clock = episode.clock(now);
    let mut out: Vec<UnitOpenItems> = Vec::new();
    for item in episode.items.iter().filter(|i| i.status.is_open()) {
        let overdue = item.is_overdue(clock);
        let countdown = match item.remaining(clock) {
            Some(d) if d.num_minutes() < 0 => format!("逾期{}", ZH.duration(-d)),
            Some(d) => format!("剩余{}", ZH.duration(d)),
            None => String::new(),
        };
        let open = OpenItem {
            key: item.key().clone(),
            measure: item.key().measure.clone(),
            text: item.spec.text.clone(),
            status: item.status,
            status_label: ZH.item_status(item.status).to_owned(),
            deadline: item.deadline,
            overdue,
            countdown,
            problem: (item.status == ItemStatus::ProblemReported)
                .then(|| {
                    item.last(ItemStatus::ProblemReported)
                        .map(|c| c.text.clone())
                })
                .flatten(),
        };
        match out.iter_mut().find(|u| u.unit == item.key().unit) {
            Some(u) => u.items.push(open),
            None => out.push(UnitOpenItems {
                unit: item.key().unit.clone(),
                unit_name: item.spec.unit_name.clone(),
                items: vec![open],
            }),
        }
    }
    for u in &mut out {
        u.items
            .sort_by_key(|i| (!i.overdue, i.deadline, i.measure.clone()));
    }
    out
}

/// The open items as report lines: one heading per unit, one line per item, overdue marked.
pub fn open_items_lines(units: &[UnitOpenItems]) -> Vec<String> {
    let mut out = Vec::new();
    for u in units {
        let overdue = u.overdue();
        let tail = if overdue > 0 {
            format!("，其中逾期{overdue}项")
        } else {
            String::new()
        };
        out.push(format!(
            "{}：未完成{}项{}",
            u.unit_name,
            u.items.len(),
            tail
        ));
        for i in &u.items {
            let mark = if i.overdue { "【逾期】" } else { "" };
            let problem = i
                .problem
                .as_ref()
                .map_or_else(String::new, |p| format!("；问题：{p}"));
            let countdown = if i.countdown.is_empty() {
                String::new()
            } else {
                format!("，{}", i.countdown)
            };
            out.push(format!(
                "  {mark}{}「{}」{}，时限{}{}{}",
                i.measure,
                shorten(&i.text, 40),
                i.status_label,
                ZH.moment(&i.deadline),
                countdown,
                problem
            ));
        }
    }
    out
}

/// The first `n` characters of `s`, with `…` when cut.
pub(crate) fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(n).collect();
        t.push('…');
        t
    }
}

/// The tamper anchor as a report line: how many events the report covers and the hash of the
/// last one, which `airdesk journal verify` (or any later export) can be checked against.
pub fn anchor_line(anchor: Option<crate::domain::response::Anchor>) -> String {
    match anchor {
        Some(a) => {
            let line = format!(
                "日志锚点：本报告依据工作日志第1至{}条记录生成，末条记录哈希 {}（可用 airdesk journal verify 核对）",
                a.seq, a.hash
            );
            match a.broken_at {
                Some(n) => format!(
                    "警告：工作日志的哈希链在第{n}条记录处断开，日志可能被改动过，本报告不可全信。{line}"
                ),
                None => line,
            }
        }
        None => "日志锚点：工作日志为空".to_owned(),
    }
}
