//! Outputs for people outside the app: charts (plotters, for the screen and PNG/SVG), notices,
//! reports, ledgers and exports.

pub mod after_action;
pub mod budget_ledger;
pub mod bulletin;
pub mod campaign_summary;
pub mod charts;
pub mod chase;
pub mod daily_air;
pub mod daily_report;
pub mod document;
pub mod duty;
pub mod episode_air;
pub mod feedback_form;
pub mod handover;
pub mod ledger;
pub mod notice;
pub mod official;
pub mod open_items;
pub mod ranking_chart;
pub mod response_ledger;
pub mod spreadsheet;
pub mod supervision_order;

/// A moment as tables print it, whatever the language: `2025-01-15 08:00`.
pub(crate) fn table_time(t: &chrono::DateTime<chrono::FixedOffset>) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}
