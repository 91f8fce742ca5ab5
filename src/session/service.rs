//! The one generic service over a fold: keep a read model in step with a journal and turn a
//! decided event into a stored one.
//!
//! Every journal-backed state (response, findings, alerts, and the ones to come) is a
//! [`Fold`]; the domain decides what a command means ([`crate::domain::response::decide`],
//! [`crate::domain::findings::Findings::decide`]), and [`Service::execute`] does the rest the same
//! way for all of them: refuse on a read-only journal, catch up, decide on the caught-up state,
//! append (durable when it returns), fold the stored event in. It reads no clock: the time and the
//! officer come in as arguments.

use chrono::{DateTime, FixedOffset};

use crate::domain::alerts::{Acknowledged, Raised};
use crate::domain::dust::DustEvent;
use crate::domain::findings::FindingEvent;
use crate::domain::response::ResponseEvent;
use crate::journal::{
    Author, DeskEntry, DeskRole, Draft, Event, Fold, Hash, Head, JournalError, OpenMode,
    ReadOnlyReason, Received, Replay, Storage,
};

/// An event a domain decided, ready to be drafted for the journal (its kind and payload).
pub trait Recordable {
    /// The journal draft of this event recorded by `author` at `at`.
    fn draft(&self, author: &Author, at: DateTime<FixedOffset>) -> Result<Draft, JournalError>;
}

impl Recordable for ResponseEvent {
    fn draft(&self, author: &Author, at: DateTime<FixedOffset>) -> Result<Draft, JournalError> {
        ResponseEvent::draft(self, author, at)
    }
}

impl Recordable for FindingEvent {
    fn draft(&self, author: &Author, at: DateTime<FixedOffset>) -> Result<Draft, JournalError> {
        author.draft(at, self.kind(), self)
    }
}

impl Recordable for Raised<'_> {
    fn draft(&self, author: &Author, at: DateTime<FixedOffset>) -> Result<Draft, JournalError> {
        author.draft(at, crate::domain::alerts::RAISED, self)
    }
}

impl Recordable for Acknowledged {
    fn draft(&self, author: &Author, at: DateTime<FixedOffset>) -> Result<Draft, JournalError> {
        author.draft(at, crate::domain::alerts::ACKNOWLEDGED, self)
    }
}

impl Recordable for DustEvent {
    fn draft(&self, author: &Author, at: DateTime<FixedOffset>) -> Result<Draft, JournalError> {
        author.draft(at, self.kind(), self)
    }
}

/// Why a command was not recorded; nothing was written in any case. `E` is the domain's reason
/// for refusing it.
#[derive(Debug)]
pub enum ServiceError<E> {
    /// The journal is open read-only (projector, another instance, read-only medium).
    ReadOnly(ReadOnlyReason),
    /// The command does not fit the state (or the plan).
    Rejected(E),
    /// Other desks recorded events (`by`: their desk names) while this command was being decided;
    /// decided again on the state they left, it no longer fits (two desks acknowledging the same
    /// item: the second is told the first did).
    Overtaken {
        /// The desks whose events came in between.
        by: Vec<String>,
        /// Why the command no longer fits.
        reason: E,
    },
    /// A unit desk's command names a unit that is not one of its own.
    NotYourUnit {
        /// The unit the command names (`None`: it names none).
        unit: Option<String>,
        /// The desk's units.
        units: Vec<String>,
    },
    /// The journal failed.
    Journal(JournalError),
}

impl<E> From<JournalError> for ServiceError<E> {
    fn from(e: JournalError) -> Self {
        ServiceError::Journal(e)
    }
}

impl<E: std::fmt::Display> std::fmt::Display for ServiceError<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ServiceError::ReadOnly(r) => write!(f, "the journal is read-only ({r})"),
            ServiceError::Rejected(e) => write!(f, "{e}"),
            ServiceError::Overtaken { by, reason } => write!(
                f,
                "{} recorded first; checked again, this no longer fits: {reason}",
                by.join(", ")
            ),
            ServiceError::NotYourUnit { unit, units } => write!(
                f,
                "this desk records only for its units ({}), not {}",
                units.join(", "),
                unit.as_deref().unwrap_or("a command naming no unit")
            ),
            ServiceError::Journal(e) => write!(f, "{e}"),
        }
    }
}

impl<E: std::fmt::Debug + std::fmt::Display> std::error::Error for ServiceError<E> {}

/// A read model kept in step with the journal.
#[derive(Debug, Clone)]
pub struct Service<M> {
    replay: Replay<M>,
}

impl<M: Fold + Clone> Service<M> {
    /// Start from `initial`, before event 1 (nothing read yet).
    pub fn new(initial: M) -> Self {
        Service {
            replay: Replay::new(initial),
        }
    }

    /// Resume from `model`, which already includes the events up to `last_seq` (a read-model
    /// snapshot).
    pub fn resume(model: M, last_seq: u64) -> Self {
        Service {
            replay: Replay::from_snapshot(model, last_seq),
        }
    }

    /// Fold every event `storage` holds into `initial`.
    pub fn load(storage: &dyn Storage, initial: M) -> Result<Self, JournalError> {
        let mut service = Service::new(initial);
        service.catch_up(storage)?;
        Ok(service)
    }

    /// The read model as of [`Service::last_seq`].
    pub fn model(&self) -> &M {
        self.replay.state()
    }

    /// The sequence number of the last event folded (0 before any).
    pub fn last_seq(&self) -> u64 {
        self.replay.last_seq()
    }

    /// Fold events pushed from outside (see [`Replay::receive`]).
    pub fn receive(&mut self, events: &[Event]) -> Received {
        self.replay.receive(events, M::apply)
    }

    /// Fold the events `storage` holds after the last one folded; returns how many.
    pub fn catch_up(&mut self, storage: &dyn Storage) -> Result<usize, JournalError> {
        self.replay.catch_up(storage, M::apply)
    }

    /// Fold only the events recorded up to `until` among those after the last one folded: the
    /// journal as it was then (reports of a past moment). Returns how many were read.
    pub fn catch_up_until(
        &mut self,
        storage: &dyn Storage,
        until: DateTime<FixedOffset>,
    ) -> Result<usize, JournalError> {
        self.replay.catch_up(storage, |model, e| {
            if e.recorded_at <= until {
                model.apply(e);
            }
        })
    }

    /// Carry out a command for `author` at `at`: refuse on a read-only journal, catch up, let
    /// `decide` turn the command into an event on the caught-up model, append it (durable when
    /// this returns), fold it in; decided again when other desks recorded meanwhile (see
    /// [`Service::execute_all`]). Returns the stored event.
    pub fn execute<R: Recordable, E>(
        &mut self,
        storage: &mut dyn Storage,
        author: &Author,
        at: DateTime<FixedOffset>,
        mut decide: impl FnMut(&M) -> Result<R, E>,
    ) -> Result<Event, ServiceError<E>> {
        let mut stored = self.execute_all(storage, &[author], at, |_, model| decide(model))?;
        stored
            .pop()
            .ok_or_else(|| ServiceError::Journal(JournalError::Corrupt("nothing stored".into())))
    }

    /// Carry out several commands as one desk operation (a handover: the outgoing officer hands
    /// over, the incoming one starts): step `i`, by `authors[i]`, is decided by `decide(i, …)` on
    /// the model the steps before it leave, and all are appended in one transaction, so the
    /// journal keeps all of them or none. The append is conditional on the last event the
    /// decision saw ([`Storage::append_after`]): when other desks recorded meanwhile, their events
    /// are folded in and the command decided again on what they left — so two desks doing the
    /// same thing at once record it once, and the second is told ([`ServiceError::Overtaken`]).
    /// A unit desk's steps must each name one of its units ([`ServiceError::NotYourUnit`]).
    /// Returns the stored events.
    pub fn execute_all<R: Recordable, E>(
        &mut self,
        storage: &mut dyn Storage,
        authors: &[&Author],
        at: DateTime<FixedOffset>,
        mut decide: impl FnMut(usize, &M) -> Result<R, E>,
    ) -> Result<Vec<Event>, ServiceError<E>> {
        if let OpenMode::ReadOnly(reason) = storage.mode() {
            return Err(ServiceError::ReadOnly(reason.clone()));
        }
        self.catch_up(storage)?;
        let mut overtaken_by: Vec<String> = Vec::new();
        loop {
            let drafts = match self.draft_all(authors, at, &mut decide) {
                Ok(drafts) => drafts,
                Err(ServiceError::Rejected(reason)) if !overtaken_by.is_empty() => {
                    return Err(ServiceError::Overtaken {
                        by: overtaken_by,
                        reason,
                    });
                }
                Err(e) => return Err(e),
            };
            check_units(storage.desk(), &drafts)?;
            match storage.append_after(self.last_seq(), &drafts) {
                Ok(stored) => {
                    // The events are stored now: fold them in even if reading them back fails
                    // (the next catch-up then continues after them).
                    if self.catch_up(storage).is_err() {
                        self.receive(&stored);
                    }
                    return Ok(stored);
                }
                Err(JournalError::Stale { seen, .. }) => {
                    let newer = storage.read_since(seen)?;
                    for event in &newer {
                        if !overtaken_by.contains(&event.desk) {
                            overtaken_by.push(event.desk.clone());
                        }
                    }
                    self.receive(&newer);
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// Decide every step on the model as it stands (later steps on the earlier ones folded in)
    /// and draft them.
    fn draft_all<R: Recordable, E>(
        &self,
        authors: &[&Author],
        at: DateTime<FixedOffset>,
        decide: &mut impl FnMut(usize, &M) -> Result<R, E>,
    ) -> Result<Vec<Draft>, ServiceError<E>> {
        // Later steps are decided on a copy with the earlier ones folded in as they will be
        // stored (the hashes do not matter to a fold; the journal seals the real ones).
        let mut ahead: Option<M> = None;
        let mut head = Head {
            seq: self.last_seq(),
            hash: Hash::GENESIS,
            recorded_at_us: None,
        };
        let mut drafts = Vec::with_capacity(authors.len());
        for (i, author) in authors.iter().enumerate() {
            let event = decide(i, ahead.as_ref().unwrap_or(self.model()))
                .map_err(ServiceError::Rejected)?;
            let draft = event.draft(author, at)?;
            if i + 1 < authors.len() {
                let provisional = head.seal_next(&draft)?;
                ahead
                    .get_or_insert_with(|| self.model().clone())
                    .apply(&provisional);
                head = Head::after(&provisional);
            }
            drafts.push(draft);
        }
        Ok(drafts)
    }
}

/// A unit desk records only for its own units: each draft must name one of them (`item.unit` or
/// `unit` in the payload, as the server's insert trigger reads it). Other desks pass.
fn check_units<E>(desk: Option<&DeskEntry>, drafts: &[Draft]) -> Result<(), ServiceError<E>> {
    let Some(desk) = desk.filter(|d| d.role == DeskRole::Unit) else {
        return Ok(());
    };
    for draft in drafts {
        let unit = draft.unit();
        if !unit.as_ref().is_some_and(|u| desk.units.contains(u)) {
            return Err(ServiceError::NotYourUnit {
                unit,
                units: desk.units.clone(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::findings::{FindingCommand, FindingError, Findings, NewFinding, Origin};
    use crate::journal::SqliteStorage;

    fn at(h: u32) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(&format!("2019-12-10T{h:02}:00:00+08:00")).expect("time")
    }

    fn finding(description: &str) -> FindingCommand {
        FindingCommand::Assign(NewFinding {
            source: "巡查".into(),
            origin: Origin::Inspection,
            reference: None,
            description: description.into(),
            place: "城关镇".into(),
            unit: "住建局".into(),
            deadline: None,
        })
    }

    #[test]
    fn execute_decides_on_the_caught_up_model_and_folds_the_stored_event() {
        let mut journal = SqliteStorage::open_in_memory().expect("journal");
        let author = Author::new("张伟", "desk-1").expect("author");
        let mut first = Service::new(Findings::new());
        let mut second = Service::load(&journal, Findings::new()).expect("load");
        let e = first
            .execute(&mut journal, &author, at(9), |f| {
                f.decide(finding("工地未苫盖"))
            })
            .expect("assign");
        assert_eq!((e.seq, e.kind.as_str()), (1, "finding.assigned"));
        // The second service has not seen #1: it catches up before deciding, so the new finding
        // gets number 2, not a duplicate 1.
        let e = second
            .execute(&mut journal, &author, at(10), |f| {
                f.decide(finding("渣土车"))
            })
            .expect("assign");
        assert_eq!(second.model().len(), 2);
        assert_eq!(e.seq, 2);
        let refused = second.execute(&mut journal, &author, at(11), |f| f.decide(finding(" ")));
        assert!(matches!(
            refused,
            Err(ServiceError::Rejected(FindingError::Empty(_)))
        ));
        assert_eq!(journal.read_since(0).expect("read").len(), 2);
        // Pushed events: duplicates are skipped, a gap is reported and nothing after it folded.
        let events = journal.read_since(0).expect("read");
        assert_eq!(first.receive(&events).applied, 1);
        let mut fresh = Service::new(Findings::new());
        let gap = fresh.receive(&events[1..]);
        assert!(gap.gap && gap.applied == 0);
        assert_eq!(fresh.catch_up(&journal).expect("catch up"), 2);
        assert_eq!(fresh.model(), first.model());
    }

    /// A journal on which another desk appends `other` just before this desk's next append:
    /// the moment between deciding and storing, made to happen.
    struct Meddled {
        journal: SqliteStorage,
        other: Option<Draft>,
    }

    impl Storage for Meddled {
        fn mode(&self) -> &OpenMode {
            self.journal.mode()
        }
        fn append_all(&mut self, drafts: &[Draft]) -> Result<Vec<Event>, JournalError> {
            self.journal.append_all(drafts)
        }
        fn append_after(
            &mut self,
            seen: u64,
            drafts: &[Draft],
        ) -> Result<Vec<Event>, JournalError> {
            if let Some(other) = self.other.take() {
                self.journal.append(&other)?;
            }
            self.journal.append_after(seen, drafts)
        }
        fn import(&mut self, events: &[Event]) -> Result<(), JournalError> {
            self.journal.import(events)
        }
        fn read_since(&self, after: u64) -> Result<Vec<Event>, JournalError> {
            self.journal.read_since(after)
        }
        fn verify(&self) -> Result<crate::journal::Verification, JournalError> {
            self.journal.verify()
        }
        fn opened_chain(&self) -> &crate::journal::Verification {
            self.journal.opened_chain()
        }
        fn close(self) -> Result<(), JournalError> {
            self.journal.close()
        }
        fn close_boxed(self: Box<Self>) -> Result<(), JournalError> {
            (*self).close()
        }
    }

    #[test]
    fn a_command_overtaken_by_another_desk_is_decided_again_and_refused() {
        let mut journal = SqliteStorage::open_in_memory().expect("journal");
        let here = Author::new("张伟", "desk-1").expect("author");
        let there = Author::new("李明", "desk-2").expect("author");
        let mut service = Service::new(Findings::new());
        service
            .execute(&mut journal, &here, at(9), |f| {
                f.decide(finding("工地未苫盖"))
            })
            .expect("assign");
        let start = FindingCommand::Move {
            id: crate::domain::findings::FindingId(1),
            to: crate::domain::findings::Status::Rectifying,
            note: String::new(),
            evidence: None,
        };
        // Desk 2 decided the same move on the same state and stores it first.
        let theirs = service
            .model()
            .decide(start.clone())
            .expect("allowed")
            .draft(&there, at(10))
            .expect("draft");
        let mut meddled = Meddled {
            journal,
            other: Some(theirs),
        };
        let refused = service.execute(&mut meddled, &here, at(10), |f| f.decide(start.clone()));
        match refused {
            Err(ServiceError::Overtaken { by, .. }) => assert_eq!(by, ["desk-2"]),
            other => panic!("the second desk must be told, got {other:?}"),
        }
        let stored = meddled.read_since(0).expect("read");
        assert_eq!(stored.len(), 2, "one move, not two");
        assert_eq!(stored[1].desk, "desk-2");
        assert_eq!(service.last_seq(), 2, "desk 2's move is folded in");
        // A command that still fits after the other desk's event is recorded after it.
        let theirs = FindingCommand::Assign(NewFinding {
            description: "渣土车".into(),
            ..match finding("x") {
                FindingCommand::Assign(n) => n,
                _ => unreachable!("an assignment"),
            }
        });
        meddled.other = Some(
            service
                .model()
                .decide(theirs)
                .expect("ok")
                .draft(&there, at(11))
                .expect("draft"),
        );
        let e = service
            .execute(&mut meddled, &here, at(11), |f| {
                f.decide(finding("道路扬尘"))
            })
            .expect("recorded after the other desk's event");
        assert_eq!(e.seq, 4);
        assert_eq!(service.model().len(), 3, "three findings, numbered apart");
    }

    #[test]
    fn a_read_only_journal_refuses_before_deciding() {
        let dir = tempfile::tempdir().expect("dir");
        drop(SqliteStorage::open(dir.path()).expect("create"));
        let mut journal = SqliteStorage::open_read_only(dir.path()).expect("reader");
        let author = Author::new("张伟", "desk-1").expect("author");
        let mut service = Service::new(Findings::new());
        let refused = service.execute(
            &mut journal,
            &author,
            at(9),
            |_| -> Result<FindingEvent, FindingError> {
                unreachable!("not asked on a read-only journal")
            },
        );
        assert!(matches!(refused, Err(ServiceError::ReadOnly(_))));
    }
}
