//! Property: any sequence of response commands — valid or not — leaves a journal whose fold equals
//! the state the service built step by step; refused commands write nothing; the state keeps its
//! invariants (one open episode at most and it is the latest, unique item keys, each item's
//! status is the last step of its history, dropped items take no more steps).

use airdesk::domain::plan::{Level, default_plan};
use airdesk::domain::response::{
    Command, ConsultationInput, Decision, ItemStatus, LevelChangeInput, LiftInput, PauseInput,
    ResponseState, ResumeInput, Transition, decide,
};
use airdesk::domain::response::{IssueInput, ItemInput};
use airdesk::journal::{Author, SqliteStorage, Storage};
use airdesk::session::{Service, ServiceError};
use chrono::{DateTime, Duration, FixedOffset};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    Consult,
    Issue(usize, i64),
    Upgrade(usize, i64),
    Downgrade(usize, i64),
    Pause(i64),
    Resume(i64),
    Lift(i64),
    Item(usize, usize, bool),
    Shift,
    HandOver,
}

const LEVELS: [Level; 5] = [
    Level::Temporary,
    Level::Blue,
    Level::Yellow,
    Level::Orange,
    Level::Red,
];

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        1 => Just(Op::Consult),
        2 => (0..5usize, -6..30i64).prop_map(|(l, h)| Op::Issue(l, h)),
        2 => (0..5usize, -6..30i64).prop_map(|(l, h)| Op::Upgrade(l, h)),
        2 => (0..5usize, -6..30i64).prop_map(|(l, h)| Op::Downgrade(l, h)),
        1 => (-6..30i64).prop_map(Op::Pause),
        1 => (-6..30i64).prop_map(Op::Resume),
        1 => (-6..30i64).prop_map(Op::Lift),
        12 => (0..4usize, 0..200usize, any::<bool>()).prop_map(|(t, i, e)| Op::Item(t, i, e)),
        1 => Just(Op::Shift),
        1 => Just(Op::HandOver),
    ]
}

fn command(op: &Op, service: &Service<ResponseState>, now: DateTime<FixedOffset>) -> Command {
    let at = |h: i64| now + Duration::hours(h);
    let change = |l: usize, h: i64| LevelChangeInput {
        to: LEVELS[l],
        effective: at(h),
        expected_end: None,
        approver: None,
        doc_no: String::new(),
        reasons: vec![],
        consultation: None,
        regional: None,
    };
    match op {
        Op::Consult => Command::RecordConsultation(ConsultationInput {
            held_at: now,
            participants: vec!["县气象局".into()],
            basis: String::new(),
            advice: None,
            decision: Decision::Keep,
            decision_text: "维持".into(),
        }),
        Op::Issue(l, h) => Command::Issue(IssueInput {
            level: LEVELS[*l],
            start: at(*h),
            expected_end: Some(at(h + 48)),
            approver: None,
            doc_no: String::new(),
            reasons: vec![],
            primary: String::new(),
            consultation: None,
            regional: None,
        }),
        Op::Upgrade(l, h) => Command::Upgrade(change(*l, *h)),
        Op::Downgrade(l, h) => Command::Downgrade(change(*l, *h)),
        Op::Pause(h) => Command::Pause(PauseInput {
            at: at(*h),
            basis: "冷空气".into(),
            approver: String::new(),
            doc_no: String::new(),
        }),
        Op::Resume(h) => Command::Resume(ResumeInput {
            at: at(*h),
            basis: "回流".into(),
            approver: String::new(),
            doc_no: String::new(),
            expected_end: None,
        }),
        Op::Lift(h) => Command::Lift(LiftInput {
            at: at(*h),
            basis: "好转".into(),
            approver: None,
            doc_no: String::new(),
            consultation: None,
        }),
        Op::Item(t, i, with_text) => {
            let items = service
                .model()
                .latest()
                .map(|e| e.items.iter().map(|i| i.key().clone()).collect::<Vec<_>>())
                .unwrap_or_default();
            let item = items
                .get(i % items.len().max(1))
                .cloned()
                .unwrap_or_else(|| airdesk::domain::response::ItemKey::new("X", "y"));
            Command::Item(ItemInput {
                transition: Transition::ALL[*t],
                item,
                text: if *with_text {
                    "情况".into()
                } else {
                    String::new()
                },
                evidence: None,
                feedback: None,
                campaign: None,
            })
        }
        Op::Shift => Command::StartShift {
            note: String::new(),
        },
        Op::HandOver => Command::HandOver {
            to: "李明".into(),
            note: String::new(),
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn fold_equals_stepwise_state_and_invariants_hold(ops in prop::collection::vec(op(), 1..60)) {
        let plan = default_plan().expect("plan");
        let mut journal = SqliteStorage::open_in_memory().expect("journal");
        let mut service = Service::load(&journal, ResponseState::new()).expect("load");
        let author = Author::new("张伟", "desk-1").expect("author");
        let t0 = DateTime::parse_from_rfc3339("2025-01-14T08:00:00+08:00").expect("t0");
        let mut written = 0u64;
        for (n, op) in ops.iter().enumerate() {
            let now = t0 + Duration::minutes(30 * n as i64);
            let cmd = command(op, &service, now);
            let before = journal.read_since(0).expect("read").len();
            match service.execute(&mut journal, &author, now, |s| decide(s, &plan, &cmd, now)) {
                Ok(e) => {
                    written += 1;
                    prop_assert_eq!(e.seq, written);
                }
                Err(ServiceError::Rejected(_)) => {
                    prop_assert_eq!(journal.read_since(0).expect("read").len(), before);
                }
                Err(other) => prop_assert!(false, "{:?}", other),
            }
        }
        let folded = ResponseState::fold(&journal.read_since(0).expect("fold"));
        prop_assert_eq!(&folded, service.model());
        prop_assert!(folded.anomalies().is_empty(), "{:?}", folded.anomalies());
        let episodes = folded.episodes();
        for (i, e) in episodes.iter().enumerate() {
            prop_assert_eq!(e.number as usize, i + 1);
            if i + 1 < episodes.len() {
                prop_assert!(e.lifting.is_some(), "only the latest episode may be open");
            }
            let mut keys = std::collections::HashSet::new();
            for item in &e.items {
                prop_assert!(keys.insert(item.key().clone()), "duplicate {}", item.key());
                prop_assert_eq!(item.history.last().map(|c| c.status), Some(item.status));
                if item.status == ItemStatus::Dropped {
                    prop_assert!(!item.status.is_open());
                }
            }
            // A coloured warning, or temporary control (which the plan defines).
            prop_assert!(e.level() >= Level::Temporary);
        }
    }
}
