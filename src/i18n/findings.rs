//! Supervision findings in words: why a command was refused.

use crate::domain::findings::{FindingError, FindingField};

use super::{Render, T, Tr};

impl Render for FindingError {
    fn render(&self, tr: Tr) -> String {
        match self {
            FindingError::Unknown(id) => tr.f(T::FindErrUnknown, &[id]),
            FindingError::Duplicate(id) => tr.f(T::FindErrDuplicate, &[id]),
            FindingError::NotAllowed { id, from, to } => tr.f(
                T::FindErrNotAllowed,
                &[id, &tr.finding_status(*from), &tr.finding_status(*to)],
            ),
            FindingError::Stale {
                id,
                expected,
                actual,
            } => tr.f(
                T::FindErrStale,
                &[
                    id,
                    &tr.finding_status(*actual),
                    &tr.finding_status(*expected),
                ],
            ),
            FindingError::NoEvidence(id) => tr.f(T::FindErrNoEvidence, &[id]),
            FindingError::Empty(field) => {
                let name = tr.t(match field {
                    FindingField::Description => T::FindFieldDescription,
                    FindingField::Unit => T::FindFieldUnit,
                    FindingField::Reason => T::FindFieldReason,
                });
                tr.f(T::FindErrEmpty, &[&name])
            }
        }
    }
}
