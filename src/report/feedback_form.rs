//! Feedback forms out (反馈表): for one unit or all, an .xlsx listing each unit's open items of
//! the latest warning episode and of every running campaign run, with the columns the unit fills — the way most counties collect feedback,
//! sent and returned through WeChat. [`crate::ingest::feedback_form`] reads them back.
//!
//! The header row holds, in this spelling, the columns [`HEADERS`]: the app fills 事项编号 (the
//! item's [`FormKey`]), 责任单位, 措施内容, 完成时限 and 当前状态; the unit fills 反馈状态
//! (已签收 / 已落实 / 存在问题 / 已整改, a drop-down), 反馈时间, 反馈人, 反馈渠道 (a drop-down)
//! and 情况说明. Nothing is hidden: a form whose visible columns are intact imports.

use rust_xlsxwriter::{Color, DataValidation, Format, Workbook, XlsxError};

use crate::domain::response::{
    Channel, Episode, EpisodeKind, FormKey, Item, ResponseState, Transition,
};
use crate::i18n::{Language, Tr};

use super::spreadsheet::xlsx_text;

/// The header row of a feedback form, in order.
pub const HEADERS: [&str; 10] = [
    "事项编号",
    "责任单位",
    "措施内容",
    "完成时限",
    "当前状态",
    "反馈状态",
    "反馈时间",
    "反馈人",
    "反馈渠道",
    "情况说明",
];

/// The 反馈状态 a unit may write, and the step each records.
pub fn feedback_statuses() -> [(&'static str, Transition); 4] {
    Transition::ALL.map(|t| (ZH.item_status(t.target()), t))
}

/// The 反馈渠道 words a form uses (电话/微信/OA/表格/现场/督导组).
pub fn channel_words() -> [(&'static str, Channel); 6] {
    Channel::ALL.map(|c| (ZH.channel(c), c))
}

/// Forms are written in Chinese whatever the interface language.
const ZH: Tr = Tr(Language::Zh);

/// Why no form was written.
#[derive(Debug, thiserror::Error)]
pub enum FormError {
    /// No warning has been issued and no campaign is running in this journal.
    #[error(
        "the journal has no episode and no running campaign: there is nothing to ask feedback on"
    )]
    NoEpisode,
    /// A unit asked for has no items in the latest episode nor in a running campaign run.
    #[error("unit {0} has no items in the latest episode nor in a running campaign")]
    UnknownUnit(String),
    /// The workbook could not be made.
    #[error("cannot write the form: {0}")]
    Xlsx(#[from] XlsxError),
}

/// What a form asks feedback on: the latest warning episode, then the running campaign runs
/// (oldest first).
fn asked(state: &ResponseState) -> Vec<&Episode> {
    state
        .latest()
        .into_iter()
        .chain(state.running_campaigns())
        .collect()
}

/// Every item a form may list, with the episode or run it belongs to, in checklist order: what
/// the app's form chooser names units from.
pub fn form_items(state: &ResponseState) -> Vec<(&Episode, &Item)> {
    asked(state)
        .into_iter()
        .flat_map(|e| e.items.iter().map(move |i| (e, i)))
        .collect()
}

/// The units with open items in the latest episode or a running campaign run, in checklist
/// order.
pub fn units_with_open_items(state: &ResponseState) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, item) in form_items(state) {
        if item.status.is_open() && !out.contains(&item.key().unit) {
            out.push(item.key().unit.clone());
        }
    }
    out
}

/// The form of `units` (each unit's open items) as .xlsx bytes.
pub fn form_bytes(state: &ResponseState, units: &[String]) -> Result<Vec<u8>, FormError> {
    let all = form_items(state);
    let journal = match state.journal_tag() {
        Some(journal) if !asked(state).is_empty() => journal,
        _ => return Err(FormError::NoEpisode),
    };
    if let Some(u) = units
        .iter()
        .find(|u| !all.iter().any(|(_, i)| &i.key().unit == *u))
    {
        return Err(FormError::UnknownUnit(u.clone()));
    }
    let items: Vec<(&Episode, &Item)> = all
        .into_iter()
        .filter(|(_, i)| i.status.is_open() && units.contains(&i.key().unit))
        .collect();
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name("反馈表")?;
    let bold = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7));
    let fill = Format::new()
        .set_background_color(Color::RGB(0xFFF2CC))
        .set_unlocked();
    let wrap = Format::new().set_text_wrap();
    for (c, h) in HEADERS.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (r, (episode, item)) in items.iter().enumerate() {
        let row = r as u32 + 1;
        for (c, v) in filled_cells(episode, &journal, item).iter().enumerate() {
            ws.write_string_with_format(row, c as u16, xlsx_text(v), &wrap)?;
        }
        for c in 5..HEADERS.len() as u16 {
            ws.write_blank(row, c, &fill)?;
        }
    }
    let last = items.len().max(1) as u32;
    let statuses = feedback_statuses().map(|(w, _)| w);
    ws.add_data_validation(
        1,
        5,
        last,
        5,
        &DataValidation::new().allow_list_strings(&statuses)?,
    )?;
    let channels = channel_words().map(|(w, _)| w);
    ws.add_data_validation(
        1,
        8,
        last,
        8,
        &DataValidation::new().allow_list_strings(&channels)?,
    )?;
    ws.set_freeze_panes(1, 0)?;
    for (c, width) in [
        (0u16, 30.0),
        (1, 20.0),
        (2, 48.0),
        (3, 17.0),
        (6, 17.0),
        (9, 40.0),
    ] {
        ws.set_column_width(c, width)?;
    }
    Ok(book.save_to_buffer()?)
}

/// The cells the app fills for `item`: key, unit, measure, deadline, current status.
fn filled_cells(episode: &Episode, journal: &str, item: &Item) -> [String; 5] {
    let key = FormKey {
        journal: journal.to_owned(),
        of: match episode.run() {
            Some(_) => EpisodeKind::Campaign,
            None => EpisodeKind::Warning,
        },
        episode: episode.number,
        item: item.key().clone(),
    };
    [
        key.to_string(),
        item.spec.unit_name.clone(),
        item.spec.text.clone(),
        item.deadline.format("%Y-%m-%d %H:%M").to_string(),
        ZH.item_status(item.status).to_owned(),
    ]
}
