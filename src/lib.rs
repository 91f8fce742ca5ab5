//! AirDesk (重污染天气应急值守台): the library behind the desktop app and the headless CLI.
//!
//! Data flows one way: files → [`ingest`] → [`store`] → [`domain`] analyses → [`session`] (the
//! journal and its read models) → pages and reports. Actions flow page → command → session →
//! [`journal`] → read models → pages.

pub mod build_info;
pub mod cli;
pub mod clock;
pub mod domain;
pub mod i18n;
pub mod ingest;
pub mod journal;
pub mod report;
pub mod session;
pub mod store;
pub mod ui;
pub mod workspace;
