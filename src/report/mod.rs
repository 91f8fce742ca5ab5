//! Outputs for people outside the app: charts, notices, ledgers and exports.

pub mod ledger;
