//! Typed values in words: what the domain, the session and the loaders return as data (reasons, refusals,
//! outcomes) is rendered here, in one place, through the translation table — never by the code
//! that decided it.

use crate::domain::dust::{DustError, MAX_TEXT_CHARS};
use crate::journal::ReadOnlyReason;
use crate::session::{JournalTrouble, Outcome, Said, SessionError, WhyNot};

use super::{T, Tr};

/// A value the interface shows in words, in the language of `tr`.
pub trait Render {
    /// The value in words.
    fn render(&self, tr: Tr) -> String;
}

impl Render for ReadOnlyReason {
    fn render(&self, tr: Tr) -> String {
        match self {
            ReadOnlyReason::Requested => tr.t(T::ReadOnlyRequested).into(),
            ReadOnlyReason::OtherInstance { holder: Some(h) } => {
                tr.f(T::ReadOnlyOtherInstance, &[h])
            }
            ReadOnlyReason::OtherInstance { holder: None } => {
                tr.t(T::ReadOnlyOtherInstanceAnon).into()
            }
            ReadOnlyReason::ReadOnlyMedium { detail } => tr.f(T::ReadOnlyMedium, &[detail]),
            ReadOnlyReason::Broken(b) => tr.f(T::ReadOnlyBroken, &[&b.seq, b]),
            ReadOnlyReason::ForeignWal => tr.t(T::ReadOnlyForeignWal).into(),
            ReadOnlyReason::Viewer { desk: Some(d) } => tr.f(T::ReadOnlyViewerDesk, &[d]),
            ReadOnlyReason::Viewer { desk: None } => tr.t(T::ReadOnlyViewerLogin).into(),
            ReadOnlyReason::Unregistered { login } => tr.f(T::ReadOnlyUnregistered, &[login]),
        }
    }
}

impl Render for WhyNot {
    fn render(&self, tr: Tr) -> String {
        match self {
            WhyNot::Projector => tr.t(T::WhyNotProjector).into(),
            WhyNot::ReadOnly(r) => tr.f(T::WhyNotReadOnly, &[&r.render(tr)]),
            WhyNot::NoJournal(Some(e)) => tr.f(T::WhyNotNoJournal, &[&e.render(tr)]),
            WhyNot::NoJournal(None) => tr.t(T::WhyNotNoJournalHere).into(),
            WhyNot::NoOfficer => tr.t(T::WhyNotNoOfficer).into(),
            WhyNot::PlanInvalid => tr.t(T::WhyNotPlanInvalid).into(),
            WhyNot::Offline(reason) => tr.f(T::WhyNotOffline, &[reason]),
            WhyNot::ChecksAreTheCentres => tr.t(T::WhyNotChecksAreTheCentres).into(),
        }
    }
}

/// One exhaustive match, so a new kind of journal trouble cannot go unworded.
impl Render for JournalTrouble {
    fn render(&self, tr: Tr) -> String {
        use JournalTrouble as J;
        match self {
            J::NotFound { dir } => tr.f(
                T::JtNotFound,
                &[&dir.display(), &crate::journal::JOURNAL_FILE],
            ),
            J::Empty { path } => tr.f(T::JtEmpty, &[&path.display()]),
            J::BeingCreated { dir } => tr.f(T::JtBeingCreated, &[&dir.display()]),
            J::NotAJournal { path, detail } => tr.f(T::JtNotAJournal, &[&path.display(), detail]),
            J::TooNew {
                path,
                found,
                supported,
            } => tr.f(T::JtTooNew, &[&path.display(), found, supported]),
            J::ReadOnly(r) => tr.f(T::JtReadOnly, &[&r.render(tr)]),
            J::Damaged { detail } => tr.f(T::JtDamaged, &[detail]),
            J::Unreachable { server, detail } => tr.f(T::JtUnreachable, &[server, detail]),
            J::Server { server, detail } => tr.f(T::JtServer, &[server, detail]),
            J::Stale { seen, head } => tr.f(T::JtStale, &[&(seen + 1), head]),
            J::Refused { detail } => tr.f(T::JtRefused, &[detail]),
            J::NothingStored => tr.t(T::JtNothingStored).into(),
            J::Other { detail } => detail.clone(),
        }
    }
}

impl Render for SessionError {
    fn render(&self, tr: Tr) -> String {
        match self {
            SessionError::Refused(w) => w.render(tr),
            SessionError::Response(e) => e.render(tr),
            SessionError::Finding(e) => e.render(tr),
            SessionError::Dust(e) => e.render(tr),
            SessionError::Overtaken { by, reason } => {
                tr.f(T::Overtaken, &[&by.join("、"), &reason.render(tr)])
            }
            SessionError::NotYourUnit {
                unit: Some(unit),
                units,
            } => tr.f(T::NotYourUnit, &[&units.join("、"), unit]),
            SessionError::NotYourUnit { unit: None, units } => {
                tr.f(T::NoUnitNamed, &[&units.join("、")])
            }
            SessionError::Journal(e) => tr.f(T::JournalWriteFailed, &[&e.render(tr)]),
        }
    }
}

impl Render for Outcome {
    fn render(&self, tr: Tr) -> String {
        match self {
            Outcome::Recorded {
                operator,
                at,
                said,
                stamped_later,
                ..
            } => {
                let when = at.format("%H:%M");
                let what = match said {
                    Some(Said::Item {
                        unit_name,
                        text,
                        status,
                    }) => tr.f(
                        T::OutcomeItem,
                        &[unit_name, &short_measure(text), &tr.item_status(*status)],
                    ),
                    Some(Said::Line(entry)) => entry.render(tr),
                    None => tr.t(T::OutcomeKept).to_owned(),
                };
                let mut text = tr.f(T::OutcomeRecorded, &[&what, operator, &when]);
                if let Some(t) = stamped_later {
                    let t = t.format("%Y-%m-%d %H:%M:%S");
                    text.push_str(&tr.f(T::OutcomeStampedLater, &[&t]));
                }
                text
            }
            Outcome::Refused(e) => tr.f(T::OutcomeRefused, &[&e.render(tr)]),
        }
    }
}

impl Render for DustError {
    fn render(&self, tr: Tr) -> String {
        match self {
            DustError::NoEvidence => tr.t(T::DustNoEvidence).into(),
            DustError::NoReason => tr.t(T::DustNoReason).into(),
            DustError::TooLong => tr.f(T::DustTooLong, &[&MAX_TEXT_CHARS]),
            DustError::AlreadyMarked(d) => tr.f(T::DustAlreadyMarked, &[d]),
            DustError::NotMarked(d) => tr.f(T::DustNotMarked, &[d]),
        }
    }
}

/// A measure's text cut to its first clause (at most 14 characters), for a one-line confirmation.
fn short_measure(text: &str) -> String {
    const MAX: usize = 14;
    let clause = text
        .split(['，', '。', '；', ',', ';'])
        .next()
        .unwrap_or(text)
        .trim();
    if clause.chars().count() <= MAX {
        clause.to_owned()
    } else {
        let cut: String = clause.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;
    use crate::journal::JournalError;

    #[test]
    fn journal_troubles_reach_the_chinese_banner_in_chinese() {
        let zh = |e: SessionError| e.render(Tr(Language::Zh));
        let stale = SessionError::from(JournalError::Stale { seen: 4, head: 6 });
        assert_eq!(
            zh(stale),
            "日志写入失败，未保存：其他值班台已先记录了第 5 至 6 条事件"
        );
        let locked = JournalTrouble::ReadOnly(ReadOnlyReason::OtherInstance {
            holder: Some("值班台2".into()),
        });
        let text = zh(SessionError::Refused(WhyNot::NoJournal(Some(locked))));
        assert!(
            text.contains("另一个 AirDesk 实例（值班台2）正在使用此工作区"),
            "{text}"
        );
        let lost = SessionError::from(JournalError::Unreachable {
            server: "10.0.0.5".into(),
            detail: "connection refused".into(),
        });
        assert!(zh(lost).contains("无法连接值班日志服务器 10.0.0.5"));
        let none = zh(SessionError::Journal(JournalTrouble::NothingStored));
        assert!(!none.contains("nothing"), "{none}");
    }

    #[test]
    fn a_confirmation_names_unit_measure_status_officer_and_time_without_codes() {
        let at =
            crate::clock::to_cst(crate::clock::parse_moment("2019-12-22 10:02").expect("time"));
        let outcome = Outcome::Recorded {
            seq: 123,
            operator: "赵敏".into(),
            at,
            said: Some(Said::Item {
                unit_name: "河东镇人民政府".into(),
                text: "网格巡查，发现问题及时处置".into(),
                status: crate::domain::response::ItemStatus::Acknowledged,
            }),
            stamped_later: None,
        };
        let zh = outcome.render(Tr(Language::Zh));
        assert_eq!(zh, "河东镇人民政府 网格巡查 已签收 — 赵敏 10:02");
        let en = outcome.render(Tr(Language::En));
        assert!(
            en.contains("河东镇人民政府") && en.ends_with("赵敏 10:02"),
            "{en}"
        );
        assert!(!zh.contains('#') && !en.contains('#'));
        assert_eq!(
            short_measure("一二三四五六七八九十一二三四五六"),
            "一二三四五六七八九十一二三四…"
        );
    }
}
