//! The session: one owner of the workspace journal and of everything folded from it — the
//! journal handle, the duty officer on shift, the plan, and every read model (response,
//! findings, alerts, and the ones to come, see [`ReadModels`]). It is the only path by which a
//! command becomes an event, and the only reader of the journal the pages and reports see.
//!
//! Data flows one way: files → store → domain → session → pages and reports; actions flow
//! page → command → session → journal → read models → pages.
//!
//! - The journal (any [`Storage`] backend, [`journal::Journal`]) opens as the workspace's writer
//!   when it can be written, read-only with the reason when another instance holds it or the
//!   medium cannot be written, read-only on a read-only workspace, and read-only "as of" a
//!   moment for the CLI's reports ([`Session::read_only`]). Projector mode keeps the handle (and
//!   its writer lock) but refuses every write ([`WhyNot::Projector`]).
//! - Each new event is applied to all read models once ([`Service`] over [`ReadModels`]),
//!   whoever wrote it: this desk's commands fold at once; another instance's (or, on a server
//!   journal, another desk's) arrive through [`Session::receive`] — pushed by a [`Follower`]
//!   thread — or [`Session::catch_up`]. No page polls the journal and nobody looks at file times
//!   to learn of events.
//! - The duty officer ([`Author`]) is `None` until the shift starts (the shift modal); every event
//!   is stamped with it. Starting a shift as someone else than the officer on shift in the journal
//!   records `shift.started`; handing over records `shift.handed_over` and `shift.started` in one
//!   journal transaction.
//! - The plan is the workspace's `plan.toml`, checked on load; when the file is absent and the
//!   workspace can be written, the shipped default is copied there first, so the command centre
//!   has the plan in use in front of it to edit. A plan with problems keeps the journal readable
//!   but refuses response commands ([`WhyNot::PlanInvalid`]) until fixed: a checklist is never
//!   derived from a plan nobody chose. The app re-reads it ([`Session::reload_plan`]) when its
//!   file watcher sees the file change.
//! - The workspace's contact list (`contacts.csv`, see [`Workspace::contacts_path`]) is read with
//!   the plan and matched to its units, for the 催报 list; it is re-read with the plan.
//! - `src/domain` keeps the rules and folds as pure functions and types; this module does the IO.

mod drill;
mod error;
mod evidence;
mod feedback_import;
mod follow;
pub mod journal;
mod models;
mod plan;
mod service;
mod snapshot;

#[cfg(test)]
mod tests;

pub use crate::journal::postgres::Heard;
pub use drill::{LATE_UNIT, record_drill, record_drill_block, record_drill_by_roster};
pub use error::{JournalTrouble, Outcome, Said, SessionError, WhyNot};
pub use evidence::{EVIDENCE_DIR, EvidenceError, EvidenceStore, stored_name};
pub use feedback_import::{Accepted, ImportPlan, ImportProblem, ReadForm, RowProblem};
pub use follow::Follower;
pub use models::ReadModels;
pub use plan::{PlanStatus, attach_contacts, attach_list, read_plan};
pub use service::{Recordable, Service, ServiceError};
pub use snapshot::{
    SNAPSHOT_EVERY, SNAPSHOT_FILE, SNAPSHOT_FORMAT, Snapshot, fold_journal, snapshot_file,
};

use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use crate::domain::alerts::{Acknowledged, Alert, Raised};
use crate::domain::dust::DustEvent;
use crate::domain::findings::FindingCommand;
use crate::domain::plan::{DEFAULT_PLAN_TOML, Plan};
use crate::domain::response::{self, CommandError, ResponseEvent, ResponseState, Stamp};
use crate::journal::{
    Author, Break, DeskEntry, DeskRole, Event, JournalError, Location, OpenMode, ReadOnlyReason,
    ServerUrl, Storage, Verification,
};
use crate::workspace::{Workspace, write_atomic};

use journal::Journal;

/// What a page (through the app) or the CLI asks to record.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// A response action (consultation, issue, level change, checklist report, shift …).
    Respond(response::Command),
    /// A supervision action (assign, move, change a deadline).
    Finding(FindingCommand),
    /// Keep an alert seen for the first time (`alert.raised`).
    RaiseAlert(Alert),
    /// The officer acknowledges an alert with a note of what was done (`alert.acknowledged`).
    AcknowledgeAlert(Acknowledged),
    /// Mark a sand-and-dust day with its evidence, or take a mark back (`dust.marked`,
    /// `dust.unmarked`), checked against the marks in the journal.
    Dust(DustEvent),
}

/// The workspace journal, the officer on shift, the plan and the read models.
pub struct Session {
    journal: Option<Journal>,
    /// The workspace folder, for a follower's second handle (`None` for a journal in memory).
    root: Option<PathBuf>,
    /// The server of a shared journal (`journal = "postgres://…"`), which the follower listens to.
    server: Option<ServerUrl>,
    /// Why the journal's server cannot be reached, while it cannot (the follower says).
    offline: Option<String>,
    open_error: Option<JournalTrouble>,
    officer: Option<Author>,
    presenting: bool,
    plan: Option<Plan>,
    plan_status: PlanStatus,
    models: Service<ReadModels>,
    outcome: Option<Outcome>,
    /// Where the read models' snapshot is kept ([`snapshot_file`]); `None`: none is written.
    snapshot_file: Option<PathBuf>,
    /// The event the kept snapshot stands at (0: none).
    snapshot_seq: u64,
    /// The workspace is read-only: a server journal is reopened read-only, no snapshot written.
    workspace_read_only: bool,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("mode", &self.mode())
            .field("root", &self.root)
            .field("officer", &self.officer)
            .field("presenting", &self.presenting)
            .field("last_seq", &self.last_seq())
            .finish_non_exhaustive()
    }
}

impl Session {
    /// Open the journal of `workspace` (as writer when it can be written), its plan, and fold
    /// the journal into the read models.
    pub fn open(workspace: &Workspace) -> Session {
        let root = workspace.root();
        let location = journal::location_of(workspace);
        let server = match &location {
            Ok(Location::Server(url)) => Some((**url).clone()),
            _ => None,
        };
        let snapshot_file = location
            .as_ref()
            .ok()
            .and_then(|at| snapshot_file(at, Some(root)));
        let opened = location.and_then(|at| match at {
            Location::Server(url) if workspace.read_only() => {
                journal::open_server_read_only(&url, Some(root))
            }
            Location::Server(url) => journal::open_server(&url, Some(root)),
            Location::Folder(_) if workspace.read_only() => journal::open_read_only(root),
            Location::Folder(_) => journal::open(root),
        });
        let (journal, open_error, offline) = match opened {
            Ok(j) => (Some(j), None, None),
            // A read-only workspace without a journal simply has no history yet.
            Err(JournalError::NoJournal { .. }) if workspace.read_only() => (None, None, None),
            // The server is down: read-only on the last snapshot until it is back.
            Err(JournalError::Unreachable { detail, .. }) => (None, None, Some(detail)),
            Err(e) => (None, Some(JournalTrouble::from(&e)), None),
        };
        let writable = journal.as_ref().is_some_and(|j| j.mode().is_writable());
        let plan_path = workspace.plan_path();
        let copied_default = writable && !plan_path.exists() && copy_default_plan(&plan_path);
        let (mut plan, mut plan_status) = read_plan(&plan_path);
        plan_status.copied_default = copied_default;
        plan_status.list_files = workspace.reduction_list_paths();
        plan_status.contacts_file = workspace.contacts_path();
        attach_list(plan.as_mut(), &mut plan_status);
        attach_contacts(plan.as_mut(), &mut plan_status);
        let mut session = Session {
            journal,
            root: Some(root.to_path_buf()),
            server,
            offline,
            open_error,
            officer: None,
            presenting: false,
            plan,
            plan_status,
            models: Service::new(ReadModels::default()),
            outcome: None,
            snapshot_file,
            snapshot_seq: 0,
            workspace_read_only: workspace.read_only(),
        };
        let snapshot = session.snapshot_file.as_deref().and_then(Snapshot::read);
        session.fold_models(snapshot);
        session
    }

    /// Fold the journal into fresh read models, from `snapshot` when it fits (see
    /// [`fold_journal`]); without a journal (its server down), show the snapshot as it is.
    /// Keeps a new snapshot when many events had to be folded.
    fn fold_models(&mut self, snapshot: Option<Snapshot>) {
        let Some(journal) = self.journal.as_ref() else {
            if let Some(s) = snapshot {
                self.snapshot_seq = s.seq;
                self.models = Service::resume(s.models, s.seq);
            }
            return;
        };
        match fold_journal(journal.as_ref(), snapshot) {
            Ok((models, folded)) => {
                self.models = models;
                self.snapshot_seq = self.last_seq().saturating_sub(folded as u64);
            }
            Err(e) => {
                log::warn!("cannot fold the journal: {e}");
                self.models = Service::new(ReadModels::of_journal(journal.opened_chain()));
                return;
            }
        }
        if self.last_seq() - self.snapshot_seq >= SNAPSHOT_EVERY {
            self.keep_snapshot();
        }
    }

    /// Write the read models' snapshot when events were folded since the last one (on a journal
    /// whose chain verified intact, in a workspace that may be written); a failure is logged.
    fn keep_snapshot(&mut self) {
        let (Some(path), Some(journal)) = (&self.snapshot_file, &self.journal) else {
            return;
        };
        let intact = matches!(journal.opened_chain(), Verification::Intact { .. });
        let Some(head) = self.models().head() else {
            return;
        };
        if self.workspace_read_only || !intact || head.0 <= self.snapshot_seq {
            return;
        }
        match Snapshot::write(path, self.models(), head) {
            Ok(()) => self.snapshot_seq = head.0,
            Err(e) => log::warn!(
                "cannot keep the read-model snapshot {}: {e}",
                path.display()
            ),
        }
    }

    /// The journal of workspace folder `dir`, read-only, as it was at `until` (only events
    /// recorded up to then count; `None`: all): what the CLI's read commands report, folded by
    /// the same read models the app shows. No plan (the CLI reads its own, see `--plan`).
    pub fn read_only(
        dir: &Path,
        until: Option<DateTime<FixedOffset>>,
    ) -> Result<Session, JournalError> {
        let journal = journal::open_read_only(dir)?;
        let models = match until {
            Some(t) => {
                let mut models = Service::new(ReadModels::of_journal(journal.opened_chain()));
                models.catch_up_until(journal.as_ref(), t)?;
                models
            }
            None => fold_journal(journal.as_ref(), Snapshot::read(&dir.join(SNAPSHOT_FILE)))?.0,
        };
        Ok(Session {
            journal: Some(journal),
            root: Some(dir.to_path_buf()),
            server: None,
            offline: None,
            open_error: None,
            officer: None,
            presenting: false,
            plan: None,
            plan_status: PlanStatus::given(),
            models,
            outcome: None,
            snapshot_file: None,
            snapshot_seq: 0,
            workspace_read_only: true,
        })
    }

    /// A session over `journal` (any backend) under `plan`, folded: the CLI's `drill`, the
    /// sample builder and tests.
    pub fn with_journal(journal: Journal, plan: Plan) -> Result<Session, JournalError> {
        let models = Service::load(
            journal.as_ref(),
            ReadModels::of_journal(journal.opened_chain()),
        )?;
        Ok(Session {
            journal: Some(journal),
            root: None,
            server: None,
            offline: None,
            open_error: None,
            officer: None,
            presenting: false,
            plan: Some(plan),
            plan_status: PlanStatus::given(),
            models,
            outcome: None,
            snapshot_file: None,
            snapshot_seq: 0,
            workspace_read_only: true,
        })
    }

    /// Close the journal (releasing the writer lock) before another workspace is opened, or
    /// at the end of a command that wrote; a failure to finish cleanly is returned.
    pub fn close(&mut self) -> Result<(), JournalError> {
        self.keep_snapshot();
        self.journal.take().map_or(Ok(()), |j| j.close_boxed())
    }

    /// Every read model, as of [`Session::last_seq`].
    pub fn models(&self) -> &ReadModels {
        self.models.model()
    }

    /// The sequence number of the last event folded into the read models (0 before any).
    pub fn last_seq(&self) -> u64 {
        self.models.last_seq()
    }

    /// How the journal is open; `None` when there is none.
    pub fn mode(&self) -> Option<&OpenMode> {
        self.journal.as_ref().map(|j| j.mode())
    }

    /// Why the journal is read-only, when it is.
    pub fn read_only_reason(&self) -> Option<&ReadOnlyReason> {
        match self.mode()? {
            OpenMode::ReadOnly(r) => Some(r),
            OpenMode::ReadWrite => None,
        }
    }

    /// Where the journal's hash chain breaks, as verified when it was opened: shown on the board
    /// and in every report; a writer refuses to record after it.
    pub fn chain_break(&self) -> Option<&Break> {
        match self.journal.as_ref()?.opened_chain() {
            Verification::Broken(b) => Some(b),
            Verification::Intact { .. } => None,
        }
    }

    /// When the journal's last event was recorded; `None` for an empty or absent journal. A
    /// drill resumes from it ([`crate::clock::resume_drill`]).
    pub fn last_event_time(&self) -> Option<DateTime<chrono::Utc>> {
        let journal = self.journal.as_ref()?;
        let events = journal.read_since(self.last_seq().saturating_sub(1)).ok()?;
        events.last().map(|e| e.recorded_at)
    }

    /// The journal's events after event `after`, as stored (none without a journal): what a
    /// session recorded in memory, to copy elsewhere (the snapshot benchmark's long journal).
    pub fn events_since(&self, after: u64) -> Result<Vec<Event>, JournalError> {
        self.journal
            .as_ref()
            .map_or(Ok(Vec::new()), |j| j.read_since(after))
    }

    /// Why the journal's server cannot be reached, while it cannot: the banner says so, and
    /// nothing is recorded ([`WhyNot::Offline`]) until it is back.
    pub fn offline(&self) -> Option<&str> {
        self.offline.as_deref()
    }

    /// The desk this session records as on a server journal (its registered name, role and
    /// units); `None` for a workspace's own journal.
    pub fn desk(&self) -> Option<&DeskEntry> {
        self.journal.as_ref()?.desk()
    }

    /// The desk name the shift modal proposes: the server's registered name for this desk, else
    /// the computer's name ([`default_desk_id`]).
    pub fn desk_name(&self) -> String {
        match (self.desk(), &self.root) {
            (Some(d), _) => d.name.clone(),
            (None, Some(root)) => default_desk_id(root),
            (None, None) => "desk-1".to_owned(),
        }
    }

    /// Where this journal keeps its evidence files: the server's database for a server journal,
    /// the workspace folder otherwise; `None` for a journal in memory.
    pub fn evidence_store(&self) -> Option<EvidenceStore> {
        match (&self.server, &self.root) {
            (Some(server), _) => Some(EvidenceStore::Server(Box::new(server.clone()))),
            (None, Some(root)) => Some(EvidenceStore::Folder {
                workspace: root.clone(),
            }),
            (None, None) => None,
        }
    }

    /// Why the journal could not be opened at all, when it could not.
    pub fn open_error(&self) -> Option<&JournalTrouble> {
        self.open_error.as_ref()
    }

    /// The duty officer on shift in this app (None until the shift starts).
    pub fn officer(&self) -> Option<&Author> {
        self.officer.as_ref()
    }

    /// The plan in use, if any (none only when not even the shipped default could be read).
    pub fn plan(&self) -> Option<&Plan> {
        self.plan.as_ref()
    }

    /// Where the plan in use came from and the problems of the workspace's plan file.
    pub fn plan_status(&self) -> &PlanStatus {
        &self.plan_status
    }

    /// The result of the last command recorded or refused.
    pub fn last_outcome(&self) -> Option<&Outcome> {
        self.outcome.as_ref()
    }

    /// The officer left the page that asked: its confirmation does not follow to the next.
    pub fn forget_outcome(&mut self) {
        self.outcome = None;
    }

    /// Follow projector mode: while presenting, every write is refused.
    pub fn set_presenting(&mut self, presenting: bool) {
        self.presenting = presenting;
    }

    /// Whether the journal could take events but nobody has started a shift: the app asks for
    /// the officer's name.
    pub fn needs_officer(&self) -> bool {
        !self.presenting && self.officer.is_none() && self.mode().is_some_and(OpenMode::is_writable)
    }

    /// Why nothing can be written now (None: it can).
    pub fn why_not(&self) -> Option<WhyNot> {
        if self.presenting {
            return Some(WhyNot::Projector);
        }
        if let Some(reason) = &self.offline {
            return Some(WhyNot::Offline(reason.clone()));
        }
        match self.mode() {
            None => return Some(WhyNot::NoJournal(self.open_error.clone())),
            Some(OpenMode::ReadOnly(r)) => return Some(WhyNot::ReadOnly(r.clone())),
            Some(OpenMode::ReadWrite) => {}
        }
        self.officer.is_none().then_some(WhyNot::NoOfficer)
    }

    /// Why no response command can be recorded now (adds the plan check to
    /// [`Session::why_not`]).
    pub fn why_not_respond(&self) -> Option<WhyNot> {
        self.why_not().or_else(|| {
            (!self.plan_status.usable() || self.plan.is_none()).then_some(WhyNot::PlanInvalid)
        })
    }

    /// Record `command` for the officer on shift at `at`: refused (with the reason) in
    /// projector mode, on a read-only journal, before the shift starts and — for response
    /// actions — under a broken plan; else decided by the domain on the caught-up read models,
    /// stored, and folded into every read model. The outcome is kept for the page to show.
    pub fn execute(
        &mut self,
        command: &Command,
        at: DateTime<FixedOffset>,
    ) -> Result<Event, SessionError> {
        let result = self.record(command, at).map(|e| vec![e]);
        self.note(result, at)
    }

    /// Keep the outcome of a recording asked for at `at` for the page to show; the last event
    /// stored.
    fn note(
        &mut self,
        result: Result<Vec<Event>, SessionError>,
        at: DateTime<FixedOffset>,
    ) -> Result<Event, SessionError> {
        let result = result.and_then(|mut stored| {
            stored
                .pop()
                .ok_or(SessionError::Journal(JournalTrouble::NothingStored))
        });
        self.outcome = Some(match &result {
            Ok(e) => Outcome::Recorded {
                seq: e.seq,
                operator: e.operator.clone(),
                at: e.local_time(),
                said: said(&self.models.model().response, e.seq),
                stamped_later: (e.recorded_at > at.to_utc()).then(|| e.local_time()),
            },
            Err(e) => Outcome::Refused(e.clone()),
        });
        result
    }

    fn record(
        &mut self,
        command: &Command,
        at: DateTime<FixedOffset>,
    ) -> Result<Event, SessionError> {
        let shift = matches!(
            command,
            Command::Respond(
                response::Command::StartShift { .. } | response::Command::HandOver { .. }
            )
        );
        // Shift events need no usable plan; other response actions do.
        let why = match command {
            Command::Respond(_) if !shift => self.why_not_respond(),
            _ => self.why_not(),
        };
        if let Some(why) = why {
            return Err(why.into());
        }
        let check = matches!(
            command,
            Command::Respond(response::Command::DrawSample(_) | response::Command::Check(_))
        );
        if check && self.is_unit_desk() {
            return Err(WhyNot::ChecksAreTheCentres.into());
        }
        let (Some(journal), Some(author)) = (self.journal.as_mut(), self.officer.as_ref()) else {
            return Err(WhyNot::NoOfficer.into());
        };
        let journal: &mut dyn Storage = journal.as_mut();
        let models = &mut self.models;
        let stored = match command {
            Command::Respond(c) => {
                let plan = self.plan.as_ref().ok_or(WhyNot::PlanInvalid)?;
                models.execute(journal, author, at, |m| {
                    response::decide(&m.response, plan, c, at)
                })?
            }
            Command::Finding(c) => {
                models.execute(journal, author, at, |m| m.findings.decide(c.clone()))?
            }
            Command::RaiseAlert(a) => {
                models.execute(journal, author, at, |_| Ok::<_, Infallible>(Raised::of(a)))?
            }
            Command::AcknowledgeAlert(a) => {
                models.execute(journal, author, at, |_| Ok::<_, Infallible>(a.clone()))?
            }
            Command::Dust(d) => {
                models.execute(journal, author, at, |m| m.dust.check(d).map(|()| d.clone()))?
            }
        };
        Ok(stored)
    }

    /// What the response `command` would record and the state after it, without writing
    /// anything (the forms' preview); `None` without an officer or a plan.
    pub fn preview(
        &self,
        command: &response::Command,
        at: DateTime<FixedOffset>,
    ) -> Option<Result<(ResponseEvent, ResponseState), CommandError>> {
        let (author, plan) = (self.officer.as_ref()?, self.plan.as_ref()?);
        let stamp = Stamp {
            seq: self.last_seq() + 1,
            at,
            operator: author.operator().to_owned(),
            desk: author.desk().to_owned(),
        };
        Some(response::preview(
            &self.models().response,
            plan,
            command,
            &stamp,
        ))
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
    ) -> Result<Option<Event>, SessionError> {
        let author = self.as_registered(author)?;
        if self.is_unit_desk() {
            // A unit's clerk is not the centre's officer on shift: stamped on the unit's
            // reports, recorded as no shift.
            self.officer = Some(author);
            return Ok(None);
        }
        let continuing = self.models().response.on_shift().is_some_and(|s| {
            s.started.operator == author.operator() && s.started.desk == author.desk()
        });
        let previous = self.officer.replace(author);
        if continuing {
            return Ok(None);
        }
        let command = Command::Respond(response::Command::StartShift {
            note: note.to_owned(),
        });
        match self.execute(&command, at) {
            Ok(e) => Ok(Some(e)),
            Err(e) => {
                if !matches!(e, SessionError::Refused(_)) {
                    self.officer = previous;
                }
                Err(e)
            }
        }
    }

    /// Record the next commands as `author` without taking over the desk's shift: a scripted
    /// command (`airdesk response check …`) names who records, and the shift in the journal
    /// stays with the officer on duty.
    pub fn record_as(&mut self, author: Author) -> Result<(), SessionError> {
        self.officer = Some(self.as_registered(author)?);
        Ok(())
    }

    /// Hand the shift over to `next` at `at`: `shift.handed_over` by the current officer (when a
    /// shift is on in the journal) and `shift.started` by `next`, in one journal transaction, so
    /// a crash keeps both or neither.
    pub fn hand_over(
        &mut self,
        next: Author,
        note: &str,
        at: DateTime<FixedOffset>,
    ) -> Result<Option<Event>, SessionError> {
        let next = self.as_registered(next)?;
        if self.is_unit_desk() {
            return self.start_shift(next, note, at);
        }
        let on_shift = self
            .models()
            .response
            .on_shift()
            .is_some_and(|s| s.handoff.is_none());
        let Some(current) = self.officer.clone().filter(|_| on_shift) else {
            self.officer = None;
            return self.start_shift(next, "", at);
        };
        let commands = [
            response::Command::HandOver {
                to: next.operator().to_owned(),
                note: note.to_owned(),
            },
            response::Command::StartShift {
                note: String::new(),
            },
        ];
        let result = self.record_shift_pair(&commands, [&current, &next], at);
        let event = self.note(result, at)?;
        self.officer = Some(next);
        Ok(Some(event))
    }

    /// Shift steps by two officers, appended together (they need no usable plan).
    fn record_shift_pair(
        &mut self,
        commands: &[response::Command; 2],
        authors: [&Author; 2],
        at: DateTime<FixedOffset>,
    ) -> Result<Vec<Event>, SessionError> {
        if let Some(why) = self.why_not() {
            return Err(why.into());
        }
        let (Some(journal), Some(plan)) = (self.journal.as_mut(), self.plan.as_ref()) else {
            return Err(WhyNot::PlanInvalid.into());
        };
        Ok(self
            .models
            .execute_all(journal.as_mut(), &authors, at, |i, m| {
                response::decide(&m.response, plan, &commands[i], at)
            })?)
    }

    /// Response commands by the officer on shift, appended together in one journal
    /// transaction (all or none); nothing is recorded for an empty list.
    fn record_responses(
        &mut self,
        commands: &[response::Command],
        at: DateTime<FixedOffset>,
    ) -> Result<Vec<Event>, SessionError> {
        if let Some(why) = self.why_not_respond() {
            return Err(why.into());
        }
        if commands.is_empty() {
            return Ok(Vec::new());
        }
        let (Some(journal), Some(plan), Some(officer)) = (
            self.journal.as_mut(),
            self.plan.as_ref(),
            self.officer.as_ref(),
        ) else {
            return Err(WhyNot::NoOfficer.into());
        };
        let authors = vec![officer; commands.len()];
        Ok(self
            .models
            .execute_all(journal.as_mut(), &authors, at, |i, m| {
                response::decide(&m.response, plan, &commands[i], at)
            })?)
    }

    /// Whether this is a unit desk on a server journal (it records its units' reports only).
    fn is_unit_desk(&self) -> bool {
        self.desk().is_some_and(|d| d.role == DeskRole::Unit)
    }

    /// `author` at this desk as the server has it registered: on a server journal every event
    /// carries the desk's registered name (the server refuses any other), whatever was typed.
    fn as_registered(&self, author: Author) -> Result<Author, SessionError> {
        match self.desk() {
            Some(d) if d.name != author.desk() => Ok(Author::new(author.operator(), &d.name)?),
            _ => Ok(author),
        }
    }

    /// What the follower heard: events other desks stored are folded in; a lost server makes
    /// the desk read-only on what it had (the banner says so) until it is back, and then it
    /// catches up — a desk started while the server was down opens its journal then (and again
    /// on the next events heard, if that first try fails).
    pub fn hear(&mut self, heard: Heard) {
        match heard {
            Heard::Events(events) => {
                // Events heard prove the server answers: a desk whose first try to open its
                // journal failed tries again.
                if self.journal.is_none() && self.server.is_some() {
                    self.reconnect();
                }
                self.receive(&events);
            }
            Heard::Unreachable(reason) => self.offline = Some(reason),
            Heard::Reachable => {
                self.offline = None;
                if self.journal.is_none() {
                    self.reconnect();
                } else if let Err(e) = self.catch_up() {
                    log::warn!("reading the journal: {e}");
                }
            }
        }
    }

    /// Open the server journal of a desk that started while its server was down, now that it
    /// answers: the read models shown meanwhile are checked against it and folded on (or, when
    /// they do not fit it, rebuilt from its start).
    fn reconnect(&mut self) {
        let Some(server) = self.server.clone() else {
            return;
        };
        let root = self.root.clone();
        let opened = if self.workspace_read_only {
            journal::open_server_read_only(&server, root.as_deref())
        } else {
            journal::open_server(&server, root.as_deref())
        };
        match opened {
            Ok(j) => {
                self.journal = Some(j);
                self.offline = None;
                let shown = self.models().head().map(|(seq, hash)| Snapshot {
                    seq,
                    hash,
                    models: self.models().clone(),
                });
                self.fold_models(shown);
            }
            Err(JournalError::Unreachable { detail, .. }) => {
                log::warn!("the journal server answers its listener but not the desk: {detail}");
                self.offline = Some(detail);
            }
            Err(e) => self.open_error = Some(JournalTrouble::from(&e)),
        }
    }

    /// Fold events another writer stored, handed in by a [`Follower`] (or a server's push);
    /// when they do not follow on from the last one folded, the journal is read to fill the
    /// gap. Returns how many events were folded.
    pub fn receive(&mut self, events: &[Event]) -> usize {
        let received = self.models.receive(events);
        if !received.gap {
            return received.applied;
        }
        match self.catch_up() {
            Ok(n) => received.applied + n,
            Err(e) => {
                log::warn!("reading the journal: {e}");
                received.applied
            }
        }
    }

    /// Fold whatever the journal holds after the last event folded (F5, or a backend without
    /// a follower). Returns how many events were folded.
    pub fn catch_up(&mut self) -> Result<usize, JournalError> {
        match self.journal.as_ref() {
            Some(j) => self.models.catch_up(j.as_ref()),
            None => Ok(0),
        }
    }

    /// Start following the journal for events other writers store, from the last one folded:
    /// `deliver` gets what it hears on the follower's thread (hand it to [`Session::hear`] on
    /// the app's). A server journal is listened to (each append heard as it commits, the server
    /// lost and back); a workspace's own journal is read every `interval`. `None` when there is
    /// no journal to follow.
    pub fn follow(
        &self,
        interval: Duration,
        deliver: impl Fn(Heard) + Send + 'static,
    ) -> Option<Follower> {
        if let Some(server) = &self.server
            && (self.journal.is_some() || self.offline.is_some())
        {
            return Some(Follower::listen(server.clone(), self.last_seq(), deliver));
        }
        self.journal.as_ref()?;
        let reader = match journal::open_read_only(self.root.as_deref()?) {
            Ok(r) => r,
            Err(e) => {
                log::warn!("cannot follow the journal: {e}");
                return None;
            }
        };
        Some(Follower::spawn(reader, self.last_seq(), interval, deliver))
    }

    /// Read the workspace's plan file and the list files again (one changed on disk). What was
    /// already issued keeps the checklist it was issued with; later commands use the new plan.
    pub fn reload_plan(&mut self) {
        if self.plan_status.path.as_os_str().is_empty() {
            return;
        }
        let (mut plan, status) = read_plan(&self.plan_status.path);
        self.plan_status = PlanStatus {
            copied_default: self.plan_status.copied_default,
            list_files: std::mem::take(&mut self.plan_status.list_files),
            contacts_file: self.plan_status.contacts_file.take(),
            ..status
        };
        attach_list(plan.as_mut(), &mut self.plan_status);
        attach_contacts(plan.as_mut(), &mut self.plan_status);
        if plan.is_some() {
            self.plan = plan;
        }
    }

    /// Use the emission-reduction list `files` from now on (the settings name another list) and
    /// read the plan and the list again; issued checklists keep the list they were derived from.
    pub fn use_lists(&mut self, files: Vec<PathBuf>) {
        self.plan_status.list_files = files;
        self.reload_plan();
    }

    /// Use the contact list `file` from now on (another was imported) and read the plan and the
    /// list again.
    pub fn use_contacts(&mut self, file: Option<PathBuf>) {
        self.plan_status.contacts_file = file;
        self.reload_plan();
    }
}

/// Copy the shipped default plan to `path`; whether it was copied.
fn copy_default_plan(path: &Path) -> bool {
    match write_atomic(path, DEFAULT_PLAN_TOML.as_bytes()) {
        Ok(()) => true,
        Err(e) => {
            log::warn!("cannot copy the default plan to {}: {e}", path.display());
            false
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

/// What the response timeline says about event `seq`, in plain words (no codes).
fn said(state: &crate::domain::response::ResponseState, seq: u64) -> Option<Said> {
    use crate::domain::response::TimelineEvent;
    // The timeline is in journal order: look back only as far as event `seq` (an event with no
    // line, such as an alert acknowledged, must not cost a walk through the whole history).
    let entry = state
        .timeline()
        .iter()
        .rev()
        .take_while(|e| e.stamp.seq >= seq)
        .find(|e| e.stamp.seq == seq)?;
    Some(match &entry.what {
        TimelineEvent::Item {
            unit_name,
            item,
            status,
            ..
        } => Said::Item {
            unit_name: unit_name.clone(),
            text: entry
                .campaign
                .map_or_else(
                    || entry.episode.and_then(|n| state.episode(n)),
                    |run| state.campaign_run(run),
                )
                .and_then(|ep| ep.item(item))
                .map_or_else(|| item.measure.clone(), |i| i.spec.text.clone()),
            status: *status,
        },
        _ => Said::Line(Box::new(entry.clone())),
    })
}
