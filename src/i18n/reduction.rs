//! An emission-reduction list's problem in words: what is wrong with the row, cell or file.

use crate::ingest::reduction_list::{Issue, ListProblem};

use super::{Render, T, Tr};

/// The reason, saying what happened to the row or column (the file, row and column are fields
/// of their own).
impl Render for ListProblem {
    fn render(&self, tr: Tr) -> String {
        let kg = |v: &f64| format!("{v:.3}");
        match &self.issue {
            Issue::Reader(reason) => tr.f(T::ListReader, &[&reason.render(tr)]),
            Issue::NoHeader => tr.t(T::ListNoHeader).to_owned(),
            Issue::NoEnterprise => tr.t(T::ListNoEnterprise).to_owned(),
            Issue::MissingGrade => tr.t(T::ListMissingGrade).to_owned(),
            Issue::UnknownGrade(g) => tr.f(T::ListUnknownGrade, &[g]),
            Issue::NotANumber(v) => tr.f(T::ListNotANumber, &[v]),
            Issue::Negative(v) => tr.f(T::ListNegative, &[v]),
            Issue::AboveBase { reduction, base } => {
                tr.f(T::ListAboveBase, &[&kg(reduction), &kg(base)])
            }
            Issue::BelowMilderLevel {
                level,
                reduction,
                milder,
                milder_reduction,
            } => tr.f(
                T::ListBelowMilderLevel,
                &[
                    &tr.level(*level),
                    &kg(reduction),
                    &tr.level(*milder),
                    &kg(milder_reduction),
                ],
            ),
            Issue::NoUnit => tr.t(T::ListNoUnit).to_owned(),
            Issue::UnknownUnit(u) => tr.f(T::ListUnknownUnit, &[u]),
            Issue::Conflict {
                first_row,
                first,
                here,
            } => tr.f(T::ListConflict, &[first_row, first, here]),
            Issue::DuplicateLine { first_row } => tr.f(T::ListDuplicateLine, &[first_row]),
            Issue::BadCreditCode(c) => tr.f(T::ListBadCreditCode, &[c]),
            Issue::MoreProblems(n) => tr.f(T::ListMoreProblems, &[n]),
        }
    }
}
