//! Plain state structs the app holds and pages read: the data status and the notice banners.

use std::path::PathBuf;
use std::time::Duration;

use crate::ingest::LoadReport;
use crate::store::Store;

use super::i18n::{T, Tr};
use super::widgets::BannerKind;

/// The loaded data and how loading is going.
#[derive(Debug, Default)]
pub struct DataStatus {
    /// Everything loaded.
    pub store: Store,
    /// The report of the last finished load.
    pub report: LoadReport,
    /// The files the last load read.
    pub files: Vec<PathBuf>,
    /// A load is running.
    pub loading: bool,
    /// Counts loads; a result of an older load than the newest started is dropped. Pages use it to
    /// know when to rebuild their caches.
    pub generation: u64,
    /// How long the last load took.
    pub elapsed: Option<Duration>,
    /// Counts changes the watcher saw to the workspace's own files (plan, roster, contacts, AQI
    /// forecast, base layers, audited files: `Workspace::own_files`), so pages that show them
    /// rebuild their caches without looking at the files.
    pub workspace_files: u64,
}

/// A banner that stays until dismissed (or until what it reports is over).
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Identity, for dismissing.
    pub id: u64,
    /// How serious.
    pub kind: BannerKind,
    /// The table entry of the text; re-translated on a language switch.
    pub text: T,
    /// The values for its placeholders.
    pub args: Vec<String>,
    /// An optional action button: its label entry, label arguments and what it does.
    pub action: Option<(T, Vec<String>, super::command::Command)>,
}

impl Notice {
    /// The text in the current language.
    pub fn render(&self, tr: Tr) -> String {
        let args: Vec<&dyn std::fmt::Display> = self
            .args
            .iter()
            .map(|a| a as &dyn std::fmt::Display)
            .collect();
        tr.f(self.text, &args)
    }
}

/// The notice banners on show.
#[derive(Debug, Default)]
pub struct Notices {
    list: Vec<Notice>,
    next_id: u64,
}

impl Notices {
    /// Show a notice; an identical one already on show is replaced (no pile of repeats).
    pub fn push(&mut self, kind: BannerKind, text: T, args: Vec<String>) -> u64 {
        self.push_with_action(kind, text, args, None)
    }

    /// Show a notice with an action button.
    pub fn push_with_action(
        &mut self,
        kind: BannerKind,
        text: T,
        args: Vec<String>,
        action: Option<(T, Vec<String>, super::command::Command)>,
    ) -> u64 {
        self.list.retain(|n| !(n.text == text && n.args == args));
        self.next_id += 1;
        self.list.push(Notice {
            id: self.next_id,
            kind,
            text,
            args,
            action,
        });
        self.next_id
    }

    /// Remove a notice.
    pub fn dismiss(&mut self, id: u64) {
        self.list.retain(|n| n.id != id);
    }

    /// The notices, oldest first.
    pub fn iter(&self) -> impl Iterator<Item = &Notice> {
        self.list.iter()
    }
}
