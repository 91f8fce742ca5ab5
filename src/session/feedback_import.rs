//! Reading filled feedback forms back into the journal: each row checked against the journal
//! (its key names this journal's latest warning episode or one of its campaign runs, and an item
//! of the unit the row names; the
//! status is allowed from the item's current one; the reported time is neither in the future nor
//! before the item was issued; no row twice, in one form or across forms), previewed, and the
//! good rows recorded in one journal transaction. A row the journal already holds (the same step
//! with the same reported time and reporter) is skipped and listed, so importing a form again
//! records nothing and the app can say which rows were recorded before.

use chrono::{DateTime, FixedOffset, TimeZone};

use crate::domain::plan::Plan;
use crate::domain::response::{
    Channel, Command, CommandError, Episode, EpisodeKind, Feedback, FormKey, ItemInput,
    ResponseState, Stamp, Transition, preview,
};
use crate::ingest::Reason;
use crate::ingest::feedback_form::FormRow;
use crate::journal::Event;
use crate::report::feedback_form::{channel_words, feedback_statuses};

use super::{Session, SessionError, WhyNot};

/// Why a row (or a whole form) was not recorded (worded by `crate::i18n`).
#[derive(Debug, Clone, PartialEq)]
pub enum RowProblem {
    /// The file could not be read as a form (the reader's reasons).
    Unreadable(Vec<Reason>),
    /// 事项编号 is empty or not an item key of a form.
    BadKey(String),
    /// The form comes from another workspace's journal.
    OtherJournal,
    /// The form is from an older episode than the latest.
    OlderEpisode(u32),
    /// The key names a campaign run this journal does not hold.
    UnknownRun(u32),
    /// The episode or campaign run the key names has no such item.
    UnknownItem(String),
    /// The key points at an item of another unit than the row's 责任单位.
    OtherUnit {
        /// The unit the row names.
        row_unit: String,
        /// The unit of the item the key names.
        item_unit: String,
    },
    /// 反馈状态 is not one of 已签收 / 已落实 / 存在问题 / 已整改.
    BadStatus(String),
    /// 反馈时间 is not a time.
    BadTime(String),
    /// 反馈渠道 is not one of the channels.
    BadChannel(String),
    /// The same item already has a row earlier in this form.
    Duplicate {
        /// That row.
        first_row: u64,
    },
    /// The same item already has a row in another form of this import.
    RepeatedIn {
        /// That form.
        file: String,
        /// Its row.
        row: u64,
    },
    /// The journal already holds this report (the same step, reported time and reporter): a
    /// form imported again.
    AlreadyRecorded,
    /// The step does not fit the item (status not allowed, time in the future or before the
    /// item was issued, text missing).
    Refused(CommandError),
}

/// One problem: which file, which row (`None` for the whole file), why.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportProblem {
    /// The form's file name as given.
    pub file: String,
    /// The sheet's 1-based row.
    pub row: Option<u64>,
    /// Why.
    pub problem: RowProblem,
}

/// A row that will be recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct Accepted {
    /// The form's file name.
    pub file: String,
    /// Its row.
    pub row: u64,
    /// What will be recorded.
    pub command: Command,
}

/// What an import will do: the preview the desk confirms.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportPlan {
    /// Rows to record, in form and row order.
    pub accepted: Vec<Accepted>,
    /// Rows left unfilled or already recorded.
    pub skipped: usize,
    /// Every problem.
    pub problems: Vec<ImportProblem>,
    /// The skipped rows the journal already holds ([`RowProblem::AlreadyRecorded`]), which the
    /// app's preview lists with the problems.
    pub recorded_before: Vec<ImportProblem>,
    /// Forms that could be read.
    pub forms_read: usize,
}

/// A form as read: its file name and rows, or why it could not be read.
pub type ReadForm = (String, Result<Vec<FormRow>, Vec<Reason>>);

/// Check every row of `forms` against `state` and `plan` as if recorded at `stamp` (by the
/// officer, at the moment of recording); rows without a reported time are taken as reported
/// then.
fn plan_import(
    state: &ResponseState,
    plan: &Plan,
    forms: &[ReadForm],
    stamp: &Stamp,
) -> ImportPlan {
    let mut out = ImportPlan::default();
    let mut ahead = state.clone();
    // Item → (file, row) of the row that claimed it.
    let mut claimed: Vec<(FormKey, String, u64)> = Vec::new();
    for (file, rows) in forms {
        let rows = match rows {
            Ok(rows) => rows,
            Err(why) => {
                out.problems.push(ImportProblem {
                    file: file.clone(),
                    row: None,
                    problem: RowProblem::Unreadable(why.clone()),
                });
                continue;
            }
        };
        out.forms_read += 1;
        for row in rows {
            let problem = |problem| ImportProblem {
                file: file.clone(),
                row: Some(row.row),
                problem,
            };
            if row.status.trim().is_empty() {
                out.skipped += 1;
                continue;
            }
            let checked = check_row(&ahead, row, stamp.at).and_then(|(key, command)| {
                if let Some((_, f, r)) = claimed.iter().find(|(k, _, _)| *k == key) {
                    return Err(if f == file {
                        RowProblem::Duplicate { first_row: *r }
                    } else {
                        RowProblem::RepeatedIn {
                            file: f.clone(),
                            row: *r,
                        }
                    });
                }
                claimed.push((key, file.clone(), row.row));
                Ok(command)
            });
            let command = match checked {
                Ok(Some(c)) => c,
                Ok(None) => {
                    out.skipped += 1;
                    out.recorded_before
                        .push(problem(RowProblem::AlreadyRecorded));
                    continue;
                }
                Err(p) => {
                    out.problems.push(problem(p));
                    continue;
                }
            };
            match preview(&ahead, plan, &command, stamp) {
                Ok((_, next)) => {
                    ahead = next;
                    out.accepted.push(Accepted {
                        file: file.clone(),
                        row: row.row,
                        command,
                    });
                }
                Err(e) => out.problems.push(problem(RowProblem::Refused(e))),
            }
        }
    }
    out
}

/// The row's key and the command it asks for; `None` when the journal already holds it.
fn check_row(
    state: &ResponseState,
    row: &FormRow,
    now: DateTime<FixedOffset>,
) -> Result<(FormKey, Option<Command>), RowProblem> {
    let key = FormKey::parse(&row.key).ok_or_else(|| RowProblem::BadKey(row.key.clone()))?;
    if state.journal_tag().as_deref() != Some(key.journal.as_str()) {
        return Err(RowProblem::OtherJournal);
    }
    let episode = keyed_episode(state, &key)?;
    let item = episode
        .item(&key.item)
        .ok_or_else(|| RowProblem::UnknownItem(key.item.to_string()))?;
    if !row.unit_name.is_empty() && row.unit_name != item.spec.unit_name {
        return Err(RowProblem::OtherUnit {
            row_unit: row.unit_name.clone(),
            item_unit: item.spec.unit_name.clone(),
        });
    }
    let transition = status_of(&row.status)?;
    let reported_at = match &row.reported_at {
        None => now,
        Some(Ok(t)) => crate::clock::cst()
            .from_local_datetime(t)
            .single()
            .ok_or_else(|| RowProblem::BadTime(t.to_string()))?,
        Some(Err(text)) => return Err(RowProblem::BadTime(text.clone())),
    };
    let channel = match row.channel.trim() {
        "" => Channel::Form,
        text => channel_words()
            .into_iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(text))
            .map(|(_, c)| c)
            .ok_or_else(|| RowProblem::BadChannel(text.to_owned()))?,
    };
    let feedback = Feedback {
        reporter: row.reporter.trim().to_owned(),
        reporter_unit: item.spec.unit_name.clone(),
        reported_at,
        channel,
    };
    let recorded = item.history.iter().any(|c| {
        c.status == transition.target() && c.feedback.as_ref().is_some_and(|f| same(f, &feedback))
    });
    let command = Command::Item(ItemInput {
        transition,
        item: key.item.clone(),
        text: row.text.clone(),
        evidence: None,
        feedback: Some(feedback),
        campaign: episode.run(),
    });
    Ok((key, (!recorded).then_some(command)))
}

/// The episode `key` names: the latest warning episode (a key of an older one is refused), or
/// a campaign run of this journal.
fn keyed_episode<'a>(state: &'a ResponseState, key: &FormKey) -> Result<&'a Episode, RowProblem> {
    match key.of {
        EpisodeKind::Warning => {
            let episode = state.latest().ok_or(RowProblem::OtherJournal)?;
            if key.episode != episode.number {
                return Err(RowProblem::OlderEpisode(key.episode));
            }
            Ok(episode)
        }
        EpisodeKind::Campaign => state
            .campaign_run(key.episode)
            .ok_or(RowProblem::UnknownRun(key.episode)),
    }
}

/// The same report: reported at the same time by the same person.
fn same(a: &Feedback, b: &Feedback) -> bool {
    a.reported_at == b.reported_at && a.reporter == b.reporter
}

fn status_of(text: &str) -> Result<Transition, RowProblem> {
    feedback_statuses()
        .into_iter()
        .find(|(w, _)| *w == text.trim())
        .map(|(_, t)| t)
        .ok_or_else(|| RowProblem::BadStatus(text.to_owned()))
}

impl Session {
    /// What importing `forms` at `at` would record, as the officer on shift (or the one named by
    /// [`Session::record_as`]): the preview the desk confirms; refused without an officer or a
    /// usable plan.
    pub fn plan_feedback_import(
        &self,
        forms: &[ReadForm],
        at: DateTime<FixedOffset>,
    ) -> Result<ImportPlan, SessionError> {
        let plan = self.plan().ok_or(WhyNot::PlanInvalid)?;
        let officer = self.officer().ok_or(WhyNot::NoOfficer)?;
        let stamp = Stamp {
            seq: self.last_seq() + 1,
            at,
            operator: officer.operator().to_owned(),
            desk: officer.desk().to_owned(),
        };
        Ok(plan_import(&self.models().response, plan, forms, &stamp))
    }

    /// Record the accepted rows of `plan` at `at` in one journal transaction (all or none);
    /// checked again on the journal as it is then. Returns the stored events.
    pub fn import_feedback(
        &mut self,
        plan: &ImportPlan,
        at: DateTime<FixedOffset>,
    ) -> Result<Vec<Event>, SessionError> {
        let commands: Vec<Command> = plan.accepted.iter().map(|a| a.command.clone()).collect();
        self.record_responses(&commands, at)
    }
}
