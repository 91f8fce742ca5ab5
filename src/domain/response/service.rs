//! The application service the response page and the sample builder call: validate a command
//! against the current state, append its event to the journal, fold it in.
//!
//! It reads no clock and no file itself: the journal comes in as a [`Storage`], the time and the
//! operator as arguments.

use chrono::{DateTime, FixedOffset};

use crate::domain::plan::Plan;
use crate::journal::{Author, Event, JournalError, ReadOnlyReason, Replay, Storage};

use super::command::Command;
use super::decide::decide;
use super::error::CommandError;
use super::event::ResponseEvent;
use super::state::{ResponseState, Stamp};

/// Why a command was not recorded. Nothing was written in any case.
#[derive(Debug)]
pub enum ServiceError {
    /// The journal is open read-only (projector mode, another instance, read-only medium).
    ReadOnly(ReadOnlyReason),
    /// The command does not fit the state or the plan.
    Rejected(CommandError),
    /// The journal failed.
    Journal(JournalError),
}

impl ServiceError {
    /// The message in Chinese.
    pub fn zh(&self) -> String {
        match self {
            ServiceError::ReadOnly(r) => {
                format!("工作区日志为只读（{}），未保存任何内容", read_only_zh(r))
            }
            ServiceError::Rejected(e) => e.zh(),
            ServiceError::Journal(e) => format!("日志写入失败，未保存：{e}"),
        }
    }

    /// The message in English.
    pub fn en(&self) -> String {
        match self {
            ServiceError::ReadOnly(r) => {
                format!("the journal is read-only ({r}); nothing was saved")
            }
            ServiceError::Rejected(e) => e.en(),
            ServiceError::Journal(e) => e.to_string(),
        }
    }
}

fn read_only_zh(r: &ReadOnlyReason) -> String {
    match r {
        ReadOnlyReason::Requested => "以只读方式打开，如投屏模式".into(),
        ReadOnlyReason::OtherInstance { holder: Some(h) } => {
            format!("另一个AirDesk实例（{h}）正在写入此工作区")
        }
        ReadOnlyReason::OtherInstance { holder: None } => {
            "另一个AirDesk实例正在写入此工作区".into()
        }
        ReadOnlyReason::ReadOnlyMedium { detail } => format!("工作区不可写：{detail}"),
    }
}

impl std::fmt::Display for ServiceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}（{}）", self.zh(), self.en())
    }
}

impl std::error::Error for ServiceError {}

impl From<JournalError> for ServiceError {
    fn from(e: JournalError) -> Self {
        ServiceError::Journal(e)
    }
}

/// Fold a whole journal into a response state (read-only use: reports, projector, CLI).
pub fn load<S: Storage + ?Sized>(storage: &S) -> Result<ResponseState, JournalError> {
    let mut replay = Replay::new(ResponseState::new());
    replay.catch_up(storage, ResponseState::apply)?;
    Ok(replay.into_parts().0)
}

/// The response state kept in step with the journal, and the plan commands are checked against.
#[derive(Debug, Clone)]
pub struct ResponseService {
    plan: Plan,
    replay: Replay<ResponseState>,
}

impl ResponseService {
    /// Fold the journal and keep the plan for deriving checklists.
    pub fn load<S: Storage + ?Sized>(storage: &S, plan: Plan) -> Result<Self, JournalError> {
        let mut replay = Replay::new(ResponseState::new());
        replay.catch_up(storage, ResponseState::apply)?;
        Ok(ResponseService { plan, replay })
    }

    /// The current state.
    pub fn state(&self) -> &ResponseState {
        self.replay.state()
    }

    /// The plan in use.
    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// Use another plan (after the workspace's plan file was edited) for later commands; what
    /// was already issued keeps the checklist it was issued with.
    pub fn set_plan(&mut self, plan: Plan) {
        self.plan = plan;
    }

    /// Fold events appended since the last look (another instance writing, other modules'
    /// events); returns how many were read.
    pub fn refresh<S: Storage + ?Sized>(&mut self, storage: &S) -> Result<usize, JournalError> {
        self.replay.catch_up(storage, ResponseState::apply)
    }

    /// What `command` would record and the state after it, without writing anything: for
    /// showing the checklist diff or a notice before the officer confirms.
    pub fn preview(
        &self,
        command: &Command,
        author: &Author,
        at: DateTime<FixedOffset>,
    ) -> Result<(ResponseEvent, ResponseState), CommandError> {
        let event = decide(self.state(), &self.plan, command)?;
        let mut next = self.state().clone();
        let stamp = Stamp {
            seq: self.replay.last_seq() + 1,
            at,
            operator: author.operator().to_owned(),
            desk: author.desk().to_owned(),
        };
        next.apply_typed(&stamp, &event)?;
        Ok((event, next))
    }

    /// Carry out `command` for `author` at `at`: refuse on a read-only journal, catch up with the
    /// journal, validate, append the event (durable when this returns), fold it in. Returns the
    /// stored event.
    pub fn execute<S: Storage + ?Sized>(
        &mut self,
        storage: &mut S,
        command: &Command,
        author: &Author,
        at: DateTime<FixedOffset>,
    ) -> Result<Event, ServiceError> {
        if let crate::journal::OpenMode::ReadOnly(reason) = storage.mode() {
            return Err(ServiceError::ReadOnly(reason.clone()));
        }
        self.refresh(storage)?;
        let (event, _) = self
            .preview(command, author, at)
            .map_err(ServiceError::Rejected)?;
        let stored = storage.append(&event.draft(author, at)?)?;
        // The event is stored now: fold it in even if reading it back fails (the next refresh
        // then continues after it).
        if self.refresh(storage).is_err() && self.replay.last_seq() + 1 == stored.seq {
            let replay = std::mem::replace(&mut self.replay, Replay::new(ResponseState::new()));
            let (mut state, _) = replay.into_parts();
            state.apply(&stored);
            self.replay = Replay::from_snapshot(state, stored.seq);
        }
        Ok(stored)
    }
}
