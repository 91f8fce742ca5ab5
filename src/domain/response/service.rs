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
                format!("工作区日志为只读（{}），未保存任何内容", r.zh())
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
    let mut replay = Replay::new(ResponseState::new().with_chain(storage.opened_chain()));
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
        let mut replay = Replay::new(ResponseState::new().with_chain(storage.opened_chain()));
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
        let mut stored = self.execute_all(storage, &[(command, author)], at)?;
        stored
            .pop()
            .ok_or_else(|| ServiceError::Journal(JournalError::Corrupt("nothing stored".into())))
    }

    /// Carry out several commands as one desk operation (a handover: the outgoing officer hands
    /// over, the incoming one starts): each is validated against the state the ones before it
    /// leave, and all are appended in one transaction, so the journal keeps all or none of them.
    pub fn execute_all<S: Storage + ?Sized>(
        &mut self,
        storage: &mut S,
        steps: &[(&Command, &Author)],
        at: DateTime<FixedOffset>,
    ) -> Result<Vec<Event>, ServiceError> {
        if let crate::journal::OpenMode::ReadOnly(reason) = storage.mode() {
            return Err(ServiceError::ReadOnly(reason.clone()));
        }
        self.refresh(storage)?;
        let mut state = self.state().clone();
        let mut drafts = Vec::with_capacity(steps.len());
        for (i, (command, author)) in steps.iter().enumerate() {
            let event = decide(&state, &self.plan, command).map_err(ServiceError::Rejected)?;
            let stamp = Stamp {
                seq: self.replay.last_seq() + 1 + i as u64,
                at,
                operator: author.operator().to_owned(),
                desk: author.desk().to_owned(),
            };
            state
                .apply_typed(&stamp, &event)
                .map_err(ServiceError::Rejected)?;
            drafts.push(event.draft(author, at)?);
        }
        let stored = storage.append_all(&drafts)?;
        // The events are stored now: fold them in even if reading them back fails (the next
        // refresh then continues after them).
        if self.refresh(storage).is_err()
            && stored
                .first()
                .is_some_and(|e| self.replay.last_seq() + 1 == e.seq)
        {
            let replay = std::mem::replace(&mut self.replay, Replay::new(ResponseState::new()));
            let (mut state, _) = replay.into_parts();
            for e in &stored {
                state.apply(e);
            }
            let last = stored.last().map_or(0, |e| e.seq);
            self.replay = Replay::from_snapshot(state, last);
        }
        Ok(stored)
    }
}
