//! Work that must not freeze the window — loading data, file dialogs, watching files, following
//! the journal — runs on
//! other threads and reports back as [`Message`]s over one channel; each message wakes the UI.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use crate::ingest::{self, LoadReport};
use crate::store::Store;

use super::file_dialog::DialogOutcome;
use super::jobs::{Done, Job};

/// How often a running job may report its progress.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// A finished data load.
#[derive(Debug)]
pub struct Loaded {
    /// Which load this is; results of superseded loads are dropped.
    pub generation: u64,
    /// The freshly built store.
    pub store: Store,
    /// What was read and what went wrong, per file.
    pub report: LoadReport,
    /// How long it took.
    pub elapsed: Duration,
}

/// What background work reports to the UI.
#[derive(Debug)]
pub enum Message {
    /// A data load finished.
    Loaded(Box<Loaded>),
    /// A file or folder dialog closed.
    Dialog(DialogOutcome),
    /// Watched data files changed on disk (and have settled).
    FilesChanged,
    /// The workspace's own files (plan, roster, AQI forecast) changed on disk.
    WorkspaceFilesChanged,
    /// Events another writer stored in the journal, pushed by the session's follower.
    JournalEvents(Vec<crate::journal::Event>),
    /// How far job `id` got: `done` of `total` (bytes, files).
    Progress {
        /// The job.
        id: u64,
        /// Done so far.
        done: u64,
        /// All there is to do.
        total: u64,
    },
    /// Job `id` finished.
    Done {
        /// The job.
        id: u64,
        /// Its result.
        done: Box<Done>,
    },
}

/// Sends messages to the UI and wakes it. Cheap to clone; give one to each thread.
#[derive(Clone)]
pub struct Notifier {
    tx: Sender<Message>,
    ctx: Option<egui::Context>,
}

impl Notifier {
    /// Deliver `message` and make the UI run a frame to pick it up.
    pub fn send(&self, message: Message) {
        // The receiver lives as long as the app; a send error means the app is closing.
        let _ = self.tx.send(message);
        if let Some(ctx) = &self.ctx {
            ctx.request_repaint();
        }
    }
}

/// The UI end of the channel.
pub struct Background {
    tx: Sender<Message>,
    rx: Receiver<Message>,
    ctx: Option<egui::Context>,
}

impl Default for Background {
    fn default() -> Self {
        let (tx, rx) = channel();
        Background { tx, rx, ctx: None }
    }
}

impl Background {
    /// Remember the context to wake (known from the first frame on).
    pub fn set_context(&mut self, ctx: &egui::Context) {
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
        }
    }

    /// A sender for a background thread.
    pub fn notifier(&self) -> Notifier {
        Notifier {
            tx: self.tx.clone(),
            ctx: self.ctx.clone(),
        }
    }

    /// Messages that arrived since the last call.
    pub fn poll(&self) -> Vec<Message> {
        self.rx.try_iter().collect()
    }

    /// Load `files` into a new store on a background thread.
    pub fn load(&self, files: Vec<PathBuf>, generation: u64) {
        let notifier = self.notifier();
        let spawned = std::thread::Builder::new()
            .name("airdesk-load".into())
            .spawn(move || notifier.send(Message::Loaded(Box::new(load_now(&files, generation)))));
        if let Err(e) = spawned {
            log::error!("cannot start the loader thread: {e}");
        }
    }
}

impl Background {
    /// Run `job` (number `id`) on a worker thread; its progress and result come back as
    /// messages.
    pub fn run(&self, id: u64, job: Job) {
        let notifier = self.notifier();
        let spawned = std::thread::Builder::new()
            .name("airdesk-job".into())
            .spawn(move || {
                let mut last = Instant::now();
                let done = job.run(|done, total| {
                    if last.elapsed() >= PROGRESS_EVERY {
                        last = Instant::now();
                        notifier.send(Message::Progress { id, done, total });
                    }
                });
                notifier.send(Message::Done {
                    id,
                    done: Box::new(done),
                });
            });
        if let Err(e) = spawned {
            log::error!("cannot start a worker thread: {e}");
        }
    }
}

/// Load `files` into a new store on this thread.
pub fn load_now(files: &[PathBuf], generation: u64) -> Loaded {
    let started = Instant::now();
    let mut store = Store::new();
    let report = ingest::load_paths(files, &mut store);
    Loaded {
        generation,
        store,
        report,
        elapsed: started.elapsed(),
    }
}
