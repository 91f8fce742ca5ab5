//! The desk: what the app holds about the workspace journal — the journal handle (writer, reader
//! with a reason, or none), the duty officer on shift, the plan and the [`ResponseService`] — and
//! the one way any page's events reach the journal.
//!
//! - The journal opens with [`SqliteStorage::open`] on a writable workspace (read-only with the
//!   reason when another instance holds it or the medium cannot be written), with
//!   [`SqliteStorage::open_read_only`] on a read-only workspace. Projector mode keeps the handle
//!   (and its writer lock) but refuses every write ([`WhyNot::Projector`]).
//! - The duty officer ([`Author`]) is `None` until the shift starts (the shift modal); every event
//!   is stamped with it. Starting a shift as someone else than the officer on shift in the journal
//!   records `shift.started`; handing over records `shift.handed_over` then `shift.started`.
//! - The plan is the workspace's `plan.toml`, checked on load; when the file is absent and the
//!   workspace can be written, the shipped default is copied there first, so the command centre
//!   has the plan in use in front of it to edit (and the checklist of a warning can be traced to a
//!   file). A plan with problems keeps the journal readable but refuses response commands
//!   ([`WhyNot::PlanInvalid`]) until fixed: a checklist is never derived from a plan nobody chose.
//! - Other modules append their own events with [`Desk::storage_for_write`] (their service then
//!   calls `append`) or [`Desk::record`] (kind + payload), from a command applied in `app.rs`;
//!   pages read through `PageContext::desk`.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::domain::plan::{self, DEFAULT_PLAN_TOML, Plan, PlanProblem};
use crate::domain::response::{self, ResponseService, ServiceError};
use crate::journal::{
    Author, Event, JournalError, OpenMode, ReadOnlyReason, SqliteStorage, Storage,
};
use crate::workspace::{Language, Workspace, write_atomic};

/// Why nothing can be written to the journal right now; shown instead of edit widgets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhyNot {
    /// Projector mode never writes.
    Projector,
    /// The journal is open read-only (another instance, read-only medium, read-only workspace).
    ReadOnly(ReadOnlyReason),
    /// There is no journal to write to (it could not be opened); the text says why.
    NoJournal(String),
    /// No duty officer has started a shift yet.
    NoOfficer,
    /// The workspace's plan has problems; response commands wait until it is fixed.
    PlanInvalid,
}

impl WhyNot {
    /// The reason in Chinese.
    pub fn zh(&self) -> String {
        match self {
            WhyNot::Projector => "会商投屏模式只读，不记录任何操作".into(),
            WhyNot::ReadOnly(r) => format!("值班日志只读：{}", reason_zh(r)),
            WhyNot::NoJournal(e) => format!("无法打开值班日志：{e}"),
            WhyNot::NoOfficer => "尚未开始值班：请先填写值班员姓名".into(),
            WhyNot::PlanInvalid => "预案文件有错误，修正后才能记录应急响应操作".into(),
        }
    }

    /// The reason in English.
    pub fn en(&self) -> String {
        match self {
            WhyNot::Projector => "projector mode is read-only; nothing is recorded".into(),
            WhyNot::ReadOnly(r) => format!("the duty journal is read-only: {}", reason_en(r)),
            WhyNot::NoJournal(e) => format!("the duty journal could not be opened: {e}"),
            WhyNot::NoOfficer => "no shift started yet: enter the duty officer's name first".into(),
            WhyNot::PlanInvalid => {
                "the plan file has problems; response actions are recorded once it is fixed".into()
            }
        }
    }

    /// The reason in `lang`.
    pub fn text(&self, lang: Language) -> String {
        match lang {
            Language::Zh => self.zh(),
            Language::En => self.en(),
        }
    }
}

/// Why the journal is read-only, in Chinese.
pub fn reason_zh(r: &ReadOnlyReason) -> String {
    r.zh()
}

/// Why the journal is read-only, in English.
pub fn reason_en(r: &ReadOnlyReason) -> String {
    r.to_string()
}

/// An action that was not recorded, with the reason in both languages. Nothing was written.
#[derive(Debug)]
pub enum DeskError {
    /// The journal cannot be written now.
    Refused(WhyNot),
    /// The response service refused the command or the journal failed.
    Service(ServiceError),
    /// The journal failed (or the event could not be drafted).
    Journal(JournalError),
}

impl DeskError {
    /// The message in Chinese.
    pub fn zh(&self) -> String {
        match self {
            DeskError::Refused(w) => w.zh(),
            DeskError::Service(e) => e.zh(),
            DeskError::Journal(e) => format!("日志写入失败，未保存：{e}"),
        }
    }

    /// The message in English.
    pub fn en(&self) -> String {
        match self {
            DeskError::Refused(w) => w.en(),
            DeskError::Service(e) => e.en(),
            DeskError::Journal(e) => format!("the journal failed; nothing was saved: {e}"),
        }
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Language) -> String {
        match lang {
            Language::Zh => self.zh(),
            Language::En => self.en(),
        }
    }
}

impl From<WhyNot> for DeskError {
    fn from(w: WhyNot) -> Self {
        DeskError::Refused(w)
    }
}

impl From<JournalError> for DeskError {
    fn from(e: JournalError) -> Self {
        DeskError::Journal(e)
    }
}

/// Where the plan in use came from, and what is wrong with the workspace's file.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanStatus {
    /// The workspace's plan file (whether or not it exists).
    pub path: PathBuf,
    /// Whether the plan in use was read from that file (else the shipped default).
    pub from_file: bool,
    /// The default plan was copied into the workspace when it was opened.
    pub copied_default: bool,
    /// Problems of the file, each with its line; non-empty means response commands are refused.
    pub problems: Vec<PlanProblem>,
    /// Reading the file failed (permissions, not UTF-8 …).
    pub read_error: Option<String>,
}

impl PlanStatus {
    /// Whether response commands may be recorded under this plan.
    pub fn usable(&self) -> bool {
        self.problems.is_empty() && self.read_error.is_none()
    }
}

/// The outcome of the last action the desk recorded or refused (shown by the page that asked).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The event recorded, or `None` when refused.
    pub seq: Option<u64>,
    /// The event kind recorded, or the reason refused, in Chinese.
    pub zh: String,
    /// The same in English.
    pub en: String,
}

impl Outcome {
    /// The text in `lang`.
    pub fn text(&self, lang: Language) -> &str {
        match lang {
            Language::Zh => &self.zh,
            Language::En => &self.en,
        }
    }
}

/// The workspace journal, the officer on shift and the response service.
#[derive(Debug)]
pub struct Desk {
    storage: Option<SqliteStorage>,
    open_error: Option<String>,
    officer: Option<Author>,
    presenting: bool,
    plan: PlanStatus,
    plan_mtime: Option<SystemTime>,
    response: Option<ResponseService>,
    outcome: Option<Outcome>,
}

impl Desk {
    /// Open the journal of `workspace` (as writer when it can be written) and its plan.
    pub fn open(workspace: &Workspace) -> Desk {
        let root = workspace.root();
        let opened = if workspace.read_only() {
            SqliteStorage::open_read_only(root)
        } else {
            SqliteStorage::open(root)
        };
        let (storage, open_error) = match opened {
            Ok(s) => (Some(s), None),
            // A read-only workspace without a journal simply has no history yet.
            Err(JournalError::NoJournal { .. }) if workspace.read_only() => (None, None),
            Err(e) => (None, Some(e.to_string())),
        };
        let writable = storage.as_ref().is_some_and(|s| s.mode().is_writable());
        let plan_path = workspace.plan_path();
        let mut copied_default = false;
        if writable && !plan_path.exists() {
            match write_atomic(&plan_path, DEFAULT_PLAN_TOML.as_bytes()) {
                Ok(()) => copied_default = true,
                Err(e) => log::warn!(
                    "cannot copy the default plan to {}: {e}",
                    plan_path.display()
                ),
            }
        }
        let (plan, mut status) = read_plan(&plan_path);
        status.copied_default = copied_default;
        let response = match (plan, storage.as_ref()) {
            (Some(plan), Some(s)) => match ResponseService::load(s, plan) {
                Ok(r) => Some(r),
                Err(e) => {
                    log::warn!("cannot fold the journal: {e}");
                    None
                }
            },
            // No journal: fold an empty one, so pages show an empty response.
            (Some(plan), None) => SqliteStorage::open_in_memory()
                .and_then(|empty| ResponseService::load(&empty, plan))
                .ok(),
            (None, _) => None,
        };
        Desk {
            storage,
            open_error,
            officer: None,
            presenting: false,
            plan_mtime: mtime(&plan_path),
            plan: status,
            response,
            outcome: None,
        }
    }

    /// Close the journal (releasing the writer lock) before another workspace is opened.
    pub fn close(&mut self) {
        if let Some(s) = self.storage.take()
            && let Err(e) = s.close()
        {
            log::warn!("closing the journal: {e}");
        }
    }

    /// When the journal's last event was recorded; `None` for an empty or absent journal. A
    /// drill resumes from it ([`crate::clock::resume_drill`]).
    pub fn last_event_time(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        let storage = self.storage.as_ref()?;
        let last = self.response.as_ref()?.state().anchor()?.seq;
        let events = storage.read_since(last.saturating_sub(1)).ok()?;
        events.last().map(|e| e.recorded_at)
    }

    /// How the journal is open; `None` when there is none.
    pub fn mode(&self) -> Option<&OpenMode> {
        self.storage.as_ref().map(|s| s.mode())
    }

    /// Where the journal's hash chain breaks, as verified when it was opened: shown on the board
    /// and in every report; a writer refuses to record after it.
    pub fn chain_break(&self) -> Option<&crate::journal::Break> {
        match self.storage.as_ref()?.opened_chain() {
            crate::journal::Verification::Broken(b) => Some(b),
            crate::journal::Verification::Intact { .. } => None,
        }
    }

    /// Why the journal is read-only, when it is.
    pub fn read_only_reason(&self) -> Option<&ReadOnlyReason> {
        match self.mode()? {
            OpenMode::ReadOnly(r) => Some(r),
            OpenMode::ReadWrite => None,
        }
    }

    /// Why the journal could not be opened at all, when it could not.
    pub fn open_error(&self) -> Option<&str> {
        self.open_error.as_deref()
    }

    /// The journal, for reading (folds of other modules' states).
    pub fn storage(&self) -> Option<&SqliteStorage> {
        self.storage.as_ref()
    }

    /// The duty officer on shift in this app (None until the shift starts).
    pub fn officer(&self) -> Option<&Author> {
        self.officer.as_ref()
    }

    /// The response state and plan (None only when no plan at all could be loaded).
    pub fn response(&self) -> Option<&ResponseService> {
        self.response.as_ref()
    }

    /// The plan in use and the problems of the workspace's plan file.
    pub fn plan_status(&self) -> &PlanStatus {
        &self.plan
    }

    /// The plan in use, if any.
    pub fn plan(&self) -> Option<&Plan> {
        self.response.as_ref().map(ResponseService::plan)
    }

    /// The result of the last action recorded or refused.
    pub fn last_outcome(&self) -> Option<&Outcome> {
        self.outcome.as_ref()
    }

    /// Follow projector mode: while presenting, every write is refused.
    pub fn set_presenting(&mut self, presenting: bool) {
        self.presenting = presenting;
    }

    /// Whether the journal could take events but nobody has started a shift: the app asks for
    /// the officer's name.
    pub fn needs_officer(&self) -> bool {
        !self.presenting && self.officer.is_none() && self.journal_writable()
    }

    /// Why nothing can be written now (None: it can).
    pub fn why_not(&self) -> Option<WhyNot> {
        if self.presenting {
            return Some(WhyNot::Projector);
        }
        match self.mode() {
            None => {
                return Some(WhyNot::NoJournal(
                    self.open_error
                        .clone()
                        .unwrap_or_else(|| "no journal in this workspace".into()),
                ));
            }
            Some(OpenMode::ReadOnly(r)) => return Some(WhyNot::ReadOnly(r.clone())),
            Some(OpenMode::ReadWrite) => {}
        }
        if self.officer.is_none() {
            return Some(WhyNot::NoOfficer);
        }
        None
    }

    /// Why no response command can be recorded now (adds the plan check to [`Desk::why_not`]).
    pub fn why_not_respond(&self) -> Option<WhyNot> {
        self.why_not().or_else(|| {
            (!self.plan.usable() || self.response.is_none()).then_some(WhyNot::PlanInvalid)
        })
    }

    /// The journal and the officer to stamp events with, for a domain service that drafts and
    /// appends its own events; refused in projector mode, on a read-only journal and before the
    /// shift starts. Call [`Desk::refresh`] after appending so the response state follows.
    pub fn storage_for_write(&mut self) -> Result<(&mut SqliteStorage, &Author), WhyNot> {
        if let Some(why) = self.why_not() {
            return Err(why);
        }
        match (self.storage.as_mut(), self.officer.as_ref()) {
            (Some(s), Some(a)) => Ok((s, a)),
            (None, _) => Err(WhyNot::NoJournal(String::new())),
            (_, None) => Err(WhyNot::NoOfficer),
        }
    }

    /// Append one event of `kind` with `payload`, stamped with the officer and `at`.
    pub fn record<E: Serialize + ?Sized>(
        &mut self,
        at: DateTime<FixedOffset>,
        kind: &str,
        payload: &E,
    ) -> Result<Event, DeskError> {
        let result = (|| {
            let (storage, author) = self.storage_for_write()?;
            let draft = author.draft(at, kind, payload)?;
            Ok(storage.append(&draft)?)
        })();
        self.note_at(&result, at);
        if result.is_ok() {
            self.catch_up();
        }
        result
    }

    /// Carry out a response command for the officer at `at`.
    pub fn execute(
        &mut self,
        command: &response::Command,
        at: DateTime<FixedOffset>,
    ) -> Result<Event, DeskError> {
        let result = self.execute_quiet(command, at);
        self.note_at(&result, at);
        result
    }

    fn execute_quiet(
        &mut self,
        command: &response::Command,
        at: DateTime<FixedOffset>,
    ) -> Result<Event, DeskError> {
        if let Some(why) = self.why_not_respond() {
            return Err(why.into());
        }
        match (
            self.storage.as_mut(),
            self.officer.as_ref(),
            self.response.as_mut(),
        ) {
            (Some(storage), Some(author), Some(service)) => service
                .execute(storage, command, author, at)
                .map_err(DeskError::Service),
            _ => Err(WhyNot::PlanInvalid.into()),
        }
    }

    /// Start the shift of `author` at `at`. When the journal's officer on shift is someone else
    /// (or nobody), a `shift.started` event is recorded (with `note`); the same officer at the
    /// same desk continues the shift without a new event. On a journal that cannot be written the
    /// officer is kept for display only and the reason is returned.
    pub fn start_shift(
        &mut self,
        author: Author,
        note: &str,
        at: DateTime<FixedOffset>,
    ) -> Result<Option<Event>, DeskError> {
        let continuing = self
            .response
            .as_ref()
            .and_then(|r| r.state().on_shift())
            .is_some_and(|s| {
                s.handoff.is_none()
                    && s.started.operator == author.operator()
                    && s.started.desk == author.desk()
            });
        let previous = self.officer.replace(author);
        if continuing {
            return Ok(None);
        }
        let command = response::Command::StartShift {
            note: note.to_owned(),
        };
        match self.record_shift(&command, at) {
            Ok(e) => Ok(Some(e)),
            Err(e) => {
                if !matches!(e, DeskError::Refused(_)) {
                    self.officer = previous;
                }
                Err(e)
            }
        }
    }

    /// Hand the shift over to `next` at `at`: `shift.handed_over` by the current officer (when a
    /// shift is on in the journal) and `shift.started` by `next`, in one journal transaction, so
    /// a crash keeps both or neither.
    pub fn hand_over(
        &mut self,
        next: Author,
        note: &str,
        at: DateTime<FixedOffset>,
    ) -> Result<Option<Event>, DeskError> {
        let on_shift = self
            .response
            .as_ref()
            .and_then(|r| r.state().on_shift())
            .is_some_and(|s| s.handoff.is_none());
        let Some(current) = self.officer.clone().filter(|_| on_shift) else {
            self.officer = None;
            return self.start_shift(next, "", at);
        };
        if let Some(why) = self.why_not() {
            return Err(why.into());
        }
        let hand_over = response::Command::HandOver {
            to: next.operator().to_owned(),
            note: note.to_owned(),
        };
        let start = response::Command::StartShift {
            note: String::new(),
        };
        let result = match (self.storage.as_mut(), self.response.as_mut()) {
            (Some(storage), Some(service)) => service
                .execute_all(storage, &[(&hand_over, &current), (&start, &next)], at)
                .map_err(DeskError::Service)
                .and_then(|mut events| {
                    events
                        .pop()
                        .ok_or_else(|| DeskError::Refused(WhyNot::PlanInvalid))
                }),
            _ => Err(WhyNot::PlanInvalid.into()),
        };
        self.note_at(&result, at);
        let event = result?;
        self.officer = Some(next);
        Ok(Some(event))
    }

    /// Shift events go through the response service but need no usable plan.
    fn record_shift(
        &mut self,
        command: &response::Command,
        at: DateTime<FixedOffset>,
    ) -> Result<Event, DeskError> {
        if let Some(why) = self.why_not() {
            return Err(why.into());
        }
        let result = match (
            self.storage.as_mut(),
            self.officer.as_ref(),
            self.response.as_mut(),
        ) {
            (Some(storage), Some(author), Some(service)) => service
                .execute(storage, command, author, at)
                .map_err(DeskError::Service),
            _ => Err(WhyNot::PlanInvalid.into()),
        };
        self.note_at(&result, at);
        result
    }

    /// Catch up with the journal (another instance's or another module's events) and re-read the
    /// plan file when it changed on disk. Returns how many events were read.
    pub fn refresh(&mut self) -> Result<usize, JournalError> {
        let path = self.plan.path.clone();
        let now = mtime(&path);
        if now != self.plan_mtime {
            self.plan_mtime = now;
            let (plan, status) = read_plan(&path);
            self.plan = PlanStatus {
                copied_default: self.plan.copied_default,
                ..status
            };
            if let (Some(plan), Some(service)) = (plan, self.response.as_mut()) {
                service.set_plan(plan);
            }
        }
        match (self.storage.as_ref(), self.response.as_mut()) {
            (Some(s), Some(r)) => r.refresh(s),
            _ => Ok(0),
        }
    }

    fn catch_up(&mut self) {
        if let (Some(s), Some(r)) = (self.storage.as_ref(), self.response.as_mut())
            && let Err(e) = r.refresh(s)
        {
            log::warn!("cannot read the journal back: {e}");
        }
    }

    fn journal_writable(&self) -> bool {
        self.mode().is_some_and(OpenMode::is_writable)
    }

    fn note(&mut self, result: &Result<Event, DeskError>) {
        self.outcome = Some(match result {
            Ok(e) => Outcome {
                seq: Some(e.seq),
                zh: format!("已记录 #{}（{}）", e.seq, e.kind),
                en: format!("Recorded #{} ({})", e.seq, e.kind),
            },
            Err(e) => Outcome {
                seq: None,
                zh: format!("未记录：{}", e.zh()),
                en: format!("Not recorded: {}", e.en()),
            },
        });
    }

    /// [`Desk::note`], saying so when the journal stamped the event later than `asked` (no event
    /// is stamped before the one before it: another desk's clock, or a drill clock, ran ahead).
    fn note_at(&mut self, result: &Result<Event, DeskError>, asked: DateTime<FixedOffset>) {
        self.note(result);
        let (Ok(e), Some(outcome)) = (result, self.outcome.as_mut()) else {
            return;
        };
        if e.recorded_at > asked.to_utc() {
            let t = e.local_time().format("%Y-%m-%d %H:%M:%S");
            outcome.zh.push_str(&format!(
                "；记录时间取日志中上一条记录的时间 {t}（本机时间早于它）"
            ));
            outcome.en.push_str(&format!(
                "; stamped {t}, the time of the journal's last event (this desk's clock is behind it)"
            ));
        }
    }
}

/// A desk id for the shift modal: the computer's name, else the workspace folder's name.
pub fn default_desk_id(workspace_root: &Path) -> String {
    let host = std::env::var("COMPUTERNAME")
        .or_else(|_| std::env::var("HOSTNAME"))
        .ok()
        .or_else(|| std::fs::read_to_string("/etc/hostname").ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty());
    host.or_else(|| {
        workspace_root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
    })
    .unwrap_or_else(|| "desk-1".to_owned())
}

/// Read and check the workspace's plan; the default when the file is absent.
fn read_plan(path: &Path) -> (Option<Plan>, PlanStatus) {
    let mut status = PlanStatus {
        path: path.to_path_buf(),
        from_file: false,
        copied_default: false,
        problems: Vec::new(),
        read_error: None,
    };
    let default = || plan::default_plan().ok();
    match crate::ingest::input::read_text(path, crate::workspace::MAX_SETTINGS_BYTES) {
        Ok(text) => match plan::parse(&text) {
            Ok(p) => {
                status.from_file = true;
                (Some(p), status)
            }
            Err(problems) => {
                status.problems = problems;
                (default(), status)
            }
        },
        Err(crate::ingest::input::InputError::Io(e))
            if e.kind() == std::io::ErrorKind::NotFound =>
        {
            (default(), status)
        }
        Err(e) => {
            status.read_error = Some(format!("{}: {e}", path.display()));
            (default(), status)
        }
    }
}

fn mtime(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::Storage;

    fn at() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2019-12-10T14:00:00+08:00").expect("time")
    }

    fn author(name: &str) -> Author {
        Author::new(name, "desk-1").expect("author")
    }

    fn workspace(dir: &Path) -> Workspace {
        Workspace::open(dir).expect("workspace")
    }

    #[test]
    fn writes_need_an_officer_and_are_stamped_with_the_name() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut desk = Desk::open(&workspace(dir.path()));
        assert!(desk.mode().is_some_and(OpenMode::is_writable));
        assert!(desk.needs_officer());
        assert_eq!(desk.why_not(), Some(WhyNot::NoOfficer));
        assert!(matches!(
            desk.record(at(), "test.noted", &1),
            Err(DeskError::Refused(WhyNot::NoOfficer))
        ));
        let e = desk
            .start_shift(author("张伟"), "", at())
            .expect("start")
            .expect("event");
        assert_eq!(
            (e.kind.as_str(), e.operator.as_str()),
            ("shift.started", "张伟")
        );
        assert!(!desk.needs_officer());
        // Another module's event through the generic path, stamped with the officer.
        let e = desk.record(at(), "finding.noted", &"x").expect("record");
        assert_eq!((e.seq, e.operator.as_str()), (2, "张伟"));
        let (storage, officer) = desk.storage_for_write().expect("writable");
        assert_eq!(officer.operator(), "张伟");
        assert_eq!(storage.read_since(0).expect("read").len(), 2);
        assert_eq!(desk.last_outcome().and_then(|o| o.seq), Some(2));
    }

    #[test]
    fn the_same_officer_continues_and_a_handover_records_both_events() {
        let dir = tempfile::tempdir().expect("tempdir");
        {
            let mut desk = Desk::open(&workspace(dir.path()));
            desk.start_shift(author("张伟"), "", at()).expect("start");
        }
        let mut desk = Desk::open(&workspace(dir.path()));
        assert!(
            desk.start_shift(author("张伟"), "", at())
                .expect("continue")
                .is_none()
        );
        let e = desk
            .hand_over(author("李娜"), "盯住夜间", at())
            .expect("hand over")
            .expect("event");
        assert_eq!(
            (e.kind.as_str(), e.operator.as_str()),
            ("shift.started", "李娜")
        );
        let kinds: Vec<(String, String)> = desk
            .storage()
            .expect("journal")
            .read_since(0)
            .expect("read")
            .into_iter()
            .map(|e| (e.kind, e.operator))
            .collect();
        assert_eq!(
            kinds,
            [
                ("shift.started".into(), "张伟".into()),
                ("shift.handed_over".into(), "张伟".into()),
                ("shift.started".into(), "李娜".into()),
            ]
        );
        assert_eq!(desk.officer().map(Author::operator), Some("李娜"));
    }

    #[test]
    fn projector_and_a_second_instance_never_write() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut first = Desk::open(&workspace(dir.path()));
        first.start_shift(author("张伟"), "", at()).expect("start");
        first.set_presenting(true);
        assert_eq!(first.why_not(), Some(WhyNot::Projector));
        assert!(!first.needs_officer());
        let refused = first.execute(
            &response::Command::StartShift {
                note: String::new(),
            },
            at(),
        );
        assert!(matches!(
            refused,
            Err(DeskError::Refused(WhyNot::Projector))
        ));

        let mut second = Desk::open(&workspace(dir.path()));
        assert!(matches!(
            second.read_only_reason(),
            Some(ReadOnlyReason::OtherInstance { .. })
        ));
        assert!(!second.needs_officer());
        let refused = second.start_shift(author("李娜"), "", at());
        assert!(matches!(
            refused,
            Err(DeskError::Refused(WhyNot::ReadOnly(_)))
        ));
        assert!(
            WhyNot::ReadOnly(ReadOnlyReason::OtherInstance { holder: None })
                .zh()
                .contains("另一个")
        );
        // The reader follows the writer.
        first.set_presenting(false);
        first.record(at(), "finding.noted", &1).expect("record");
        second.refresh().expect("refresh");
        assert_eq!(second.response().map(|r| r.state().shifts().len()), Some(1));
        assert_eq!(
            second
                .storage()
                .expect("journal")
                .read_since(0)
                .expect("read")
                .len(),
            2
        );
    }

    #[test]
    fn the_default_plan_is_copied_and_a_broken_plan_refuses_response_commands() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = workspace(dir.path());
        let desk = Desk::open(&ws);
        assert!(desk.plan_status().copied_default && desk.plan_status().from_file);
        assert_eq!(
            std::fs::read_to_string(ws.plan_path()).expect("plan"),
            DEFAULT_PLAN_TOML
        );
        drop(desk);
        std::fs::write(ws.plan_path(), "[plan]\nname = \"\"\n").expect("write");
        let mut desk = Desk::open(&ws);
        let status = desk.plan_status();
        assert!(!status.usable() && !status.copied_default);
        assert!(
            status.problems.iter().all(|p| p.line.is_some()),
            "{:?}",
            status.problems
        );
        desk.start_shift(author("张伟"), "", at())
            .expect("shifts need no plan");
        assert_eq!(desk.why_not_respond(), Some(WhyNot::PlanInvalid));
        let refused = desk.execute(
            &response::Command::StartShift {
                note: String::new(),
            },
            at(),
        );
        assert!(matches!(
            refused,
            Err(DeskError::Refused(WhyNot::PlanInvalid))
        ));
    }

    #[test]
    fn a_read_only_workspace_without_journal_is_empty_not_an_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = Workspace::open_read_only(dir.path()).expect("workspace");
        let desk = Desk::open(&ws);
        assert!(desk.storage().is_none() && desk.open_error().is_none());
        assert!(matches!(desk.why_not(), Some(WhyNot::NoJournal(_))));
        assert!(
            desk.response()
                .is_some_and(|r| r.state().episodes().is_empty())
        );
        assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 0);
    }
}
