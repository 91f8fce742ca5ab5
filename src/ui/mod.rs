//! The desktop app (egui/eframe): thin pages over the store, the workspace, the domain and the
//! session (the journal and its read models).
//!
//! - [`app`]: the eframe `App`; state in small structs, every change applied in one place.
//! - [`command`]: what pages and shortcuts may ask for.
//! - [`shift`]: the shift modal (the duty officer is the session's, [`crate::session`]).
//! - [`pages`]: one file per page; [`jobs`]: their long work (exports, hashing, imports) on
//!   worker threads.
//! - [`i18n`]: the one translation table (Chinese default, English).
//! - [`chart`]: the plotters backend over `egui::Painter` and the interactive chart widget.
//! - [`fonts`], [`theme`]: the bundled CJK font; desktop and projector looks.
//! - [`launch`]: renderer choice and the restart with the other renderer.
//! - [`document_panel`]: the "写出 .docx / PDF" action beside a document's preview, with the
//!   公文 fields editable first (the file is written by an export job, [`jobs`]).
//! - [`about`]: the About box (version, commit, data folder, font licence).

pub mod about;
pub mod app;
pub mod background;
pub mod chart;
pub mod command;
pub mod document_panel;
pub mod excerpt;
pub mod file_dialog;
pub mod fonts;
pub mod i18n;
pub mod jobs;
pub mod launch;
mod logging;
pub mod pages;
pub mod projector;
pub mod shift;
pub mod sparkline;
pub mod state;
pub mod theme;
pub mod widgets;

pub use app::{AirDeskApp, RendererFallback, StartOptions};
pub use launch::{Launch, run};
