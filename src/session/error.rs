//! Why nothing can be recorded now, why a command was not recorded, and the outcome of the last
//! one — typed, so the interface renders them in its language through the translation table
//! (`crate::i18n`), and the CLI in its own words.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use crate::domain::dust::DustError;
use crate::domain::findings::FindingError;
use crate::domain::response::CommandError;
use crate::journal::{JournalError, ReadOnlyReason};

use super::service::ServiceError;

/// Why nothing can be written to the journal right now; shown instead of edit widgets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhyNot {
    /// Projector mode never writes.
    Projector,
    /// The journal is open read-only (another instance, read-only medium, read-only workspace).
    ReadOnly(ReadOnlyReason),
    /// There is no journal to write to: it could not be opened (the reason), or a read-only
    /// workspace has none (`None`).
    NoJournal(Option<JournalTrouble>),
    /// No duty officer has started a shift yet.
    NoOfficer,
    /// The workspace's plan has problems; response commands wait until it is fixed.
    PlanInvalid,
    /// The journal's server cannot be reached (the reason): the desk shows what it had and
    /// records nothing until the server is back.
    Offline(String),
    /// Checks (核查, 抽查) are the centre's act: a unit desk reports on its items but does not
    /// check them.
    ChecksAreTheCentres,
}

/// A command that was not recorded, and why. Nothing was written in any case.
#[derive(Debug, Clone, PartialEq)]
pub enum SessionError {
    /// The journal cannot be written now.
    Refused(WhyNot),
    /// The response workflow refused the command (it does not fit the state or the plan).
    Response(CommandError),
    /// The supervision workflow refused the command.
    Finding(FindingError),
    /// A dust mark or unmark does not fit the marks in the journal.
    Dust(DustError),
    /// Other desks (`by`) recorded first; decided again on what they recorded, the command no
    /// longer fits (`reason`).
    Overtaken {
        /// The desks whose events came in between.
        by: Vec<String>,
        /// Why the command no longer fits.
        reason: Box<SessionError>,
    },
    /// A unit desk's command names another unit (or none): it records for its own units only.
    NotYourUnit {
        /// The unit the command names, if any.
        unit: Option<String>,
        /// The desk's units.
        units: Vec<String>,
    },
    /// The journal failed, or the event could not be drafted.
    Journal(JournalTrouble),
}

/// What went wrong with the journal, as the desk meets it: a [`JournalError`] kept as data the
/// session can store and hand out (the error itself cannot be cloned), worded in the user's
/// language by `crate::i18n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JournalTrouble {
    /// The workspace folder holds no journal.
    NotFound {
        /// The workspace folder.
        dir: PathBuf,
    },
    /// The journal file is empty: no event was ever saved in it.
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// Another instance is opening the workspace and has not created its journal yet.
    BeingCreated {
        /// The workspace folder.
        dir: PathBuf,
    },
    /// The journal file is some other file.
    NotAJournal {
        /// The file.
        path: PathBuf,
        /// What was found instead.
        detail: String,
    },
    /// Written by a newer AirDesk.
    TooNew {
        /// The file.
        path: PathBuf,
        /// Format version found.
        found: i64,
        /// Newest version this build reads.
        supported: i64,
    },
    /// Open read-only: locked by another desk, a read-only medium, a broken chain at event N …
    ReadOnly(ReadOnlyReason),
    /// Stored events that cannot be read back (damaged file or edited rows).
    Damaged {
        /// What was found.
        detail: String,
    },
    /// The journal's server cannot be reached.
    Unreachable {
        /// The server, without its password.
        server: String,
        /// What the connection said.
        detail: String,
    },
    /// The journal's server answered but cannot be used as a journal.
    Server {
        /// The server, without its password.
        server: String,
        /// What is wrong.
        detail: String,
    },
    /// Other desks recorded events `seen + 1 ..= head` first.
    Stale {
        /// The last event this desk had seen.
        seen: u64,
        /// The journal's last event now.
        head: u64,
    },
    /// The server refused the event for this desk's role.
    Refused {
        /// The server's words.
        detail: String,
    },
    /// An append that reported success but handed back no event.
    NothingStored,
    /// Anything else (a file operation, the storage engine, an event that cannot be encoded or
    /// decoded), in the journal's own words.
    Other {
        /// The journal's message.
        detail: String,
    },
}

impl From<&JournalError> for JournalTrouble {
    fn from(e: &JournalError) -> Self {
        use JournalTrouble as J;
        match e {
            JournalError::NoJournal { dir } => J::NotFound { dir: dir.clone() },
            JournalError::EmptyJournal { path } => J::Empty { path: path.clone() },
            JournalError::BeingCreated { dir } => J::BeingCreated { dir: dir.clone() },
            JournalError::NotAJournal { path, detail } => J::NotAJournal {
                path: path.clone(),
                detail: detail.clone(),
            },
            JournalError::TooNew {
                path,
                found,
                supported,
            } => J::TooNew {
                path: path.clone(),
                found: *found,
                supported: *supported,
            },
            JournalError::ReadOnly(r) => J::ReadOnly(r.clone()),
            JournalError::Corrupt(detail) => J::Damaged {
                detail: detail.clone(),
            },
            JournalError::Unreachable { server, detail } => J::Unreachable {
                server: server.clone(),
                detail: detail.clone(),
            },
            JournalError::Server { server, detail } => J::Server {
                server: server.clone(),
                detail: detail.clone(),
            },
            JournalError::Stale { seen, head } => J::Stale {
                seen: *seen,
                head: *head,
            },
            JournalError::Refused(detail) => J::Refused {
                detail: detail.clone(),
            },
            other => J::Other {
                detail: other.to_string(),
            },
        }
    }
}

impl From<WhyNot> for SessionError {
    fn from(w: WhyNot) -> Self {
        SessionError::Refused(w)
    }
}

impl From<JournalError> for SessionError {
    fn from(e: JournalError) -> Self {
        SessionError::Journal(JournalTrouble::from(&e))
    }
}

impl<E: Into<SessionError>> From<ServiceError<E>> for SessionError {
    fn from(e: ServiceError<E>) -> Self {
        match e {
            ServiceError::ReadOnly(r) => SessionError::Refused(WhyNot::ReadOnly(r)),
            ServiceError::Rejected(e) => e.into(),
            ServiceError::Overtaken { by, reason } => SessionError::Overtaken {
                by,
                reason: Box::new(reason.into()),
            },
            ServiceError::NotYourUnit { unit, units } => SessionError::NotYourUnit { unit, units },
            ServiceError::Journal(e) => e.into(),
        }
    }
}

impl From<CommandError> for SessionError {
    fn from(e: CommandError) -> Self {
        SessionError::Response(e)
    }
}

impl From<FindingError> for SessionError {
    fn from(e: FindingError) -> Self {
        SessionError::Finding(e)
    }
}

impl From<DustError> for SessionError {
    fn from(e: DustError) -> Self {
        SessionError::Dust(e)
    }
}

impl From<std::convert::Infallible> for SessionError {
    fn from(e: std::convert::Infallible) -> Self {
        match e {}
    }
}

/// The last command the session recorded or refused (the page that asked shows it).
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Stored as event `seq`.
    Recorded {
        /// Its sequence number.
        seq: u64,
        /// Who recorded it and when (local time).
        operator: String,
        /// When it was stamped, in the officer's offset.
        at: DateTime<FixedOffset>,
        /// What it said in plain words, when the response timeline holds it (an item's line
        /// with the measure's text, for the confirmation "河东镇 网格巡查 已签收").
        said: Option<Said>,
        /// The time the journal stamped it, when later than the time asked for: no event is
        /// stamped before the one before it (another desk's clock, or a drill clock, ran ahead).
        stamped_later: Option<DateTime<FixedOffset>>,
    },
    /// Not recorded.
    Refused(SessionError),
}

/// A recorded event as the officer's confirmation names it.
#[derive(Debug, Clone, PartialEq)]
pub enum Said {
    /// A checklist item changed: the unit's name, the measure's text, the new status.
    Item {
        /// The unit's name.
        unit_name: String,
        /// The measure's text.
        text: String,
        /// Its status after the report.
        status: crate::domain::response::ItemStatus,
    },
    /// Any other line of the response timeline.
    Line(Box<crate::domain::response::TimelineEntry>),
}

impl Outcome {
    /// The event recorded, or `None` when refused.
    pub fn seq(&self) -> Option<u64> {
        match self {
            Outcome::Recorded { seq, .. } => Some(*seq),
            Outcome::Refused(_) => None,
        }
    }
}
