//! Outputs for people outside the app: notices, reports, ledgers and exports.

pub mod after_action;
pub mod daily_report;
pub mod duty;
pub mod handover;
pub mod ledger;
pub mod notice;
pub mod open_items;
pub mod response_ledger;
