//! Property: any sequence of appends, reads, reopenings and verifications round-trips exactly —
//! what was appended is what is read back, in order, with the chain intact.

use airdesk::journal::{Author, Hash, SqliteStorage, Storage, Verification};
use chrono::{DateTime, FixedOffset};
use proptest::prelude::*;
use serde_json::Value;

#[derive(Debug, Clone)]
enum Op {
    Append {
        operator: String,
        kind: String,
        micros: i64,
        offset_s: i32,
        payload: Value,
    },
    ReadSince(u64),
    Reopen,
    Verify,
}

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("JSON numbers are finite", |f| f.is_finite())
            .prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
        "[\"\\\\\\n\\t\\u{0}-\\u{1f}]{0,4}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::btree_map("\\PC{0,6}", inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (
            "[\\p{Han}a-zA-Z]{1,8}",
            "[a-z]{1,8}(\\.[a-z_]{1,8}){0,2}",
            // 1900 … 2100, microseconds
            -2_208_988_800_000_000i64..4_102_444_800_000_000,
            -50_400i32..=50_400,
            json(),
        )
            .prop_map(|(operator, kind, micros, offset_s, payload)| Op::Append {
                operator,
                kind,
                micros,
                offset_s,
                payload
            }),
        2 => (0u64..40).prop_map(Op::ReadSince),
        1 => Just(Op::Reopen),
        1 => Just(Op::Verify),
    ]
}

/// What the model says event `seq` must look like.
struct Expected {
    operator: String,
    kind: String,
    at: DateTime<FixedOffset>,
    payload: Value,
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn appends_and_reads_round_trip(ops in prop::collection::vec(op(), 1..40)) {
        let dir = tempfile::tempdir().unwrap();
        let mut journal = SqliteStorage::open(dir.path()).unwrap();
        let mut model: Vec<Expected> = Vec::new();
        let mut last_hash = Hash::GENESIS;
        for op in ops {
            match op {
                Op::Append { operator, kind, micros, offset_s, payload } => {
                    let offset = FixedOffset::east_opt(offset_s).unwrap();
                    let asked = DateTime::from_timestamp_micros(micros).unwrap().with_timezone(&offset);
                    // No event is stamped before the one before it: an earlier time is raised.
                    let head_us = model.last().map_or(i64::MIN, |e| e.at.timestamp_micros());
                    let at = DateTime::from_timestamp_micros(micros.max(head_us))
                        .unwrap()
                        .with_timezone(&offset);
                    let author = Author::new(&operator, "desk-p").unwrap();
                    let event = journal.append(&author.draft(asked, &kind, &payload).unwrap()).unwrap();
                    prop_assert_eq!(event.seq, model.len() as u64 + 1);
                    prop_assert_eq!(event.prev_hash, last_hash);
                    last_hash = event.hash;
                    model.push(Expected { operator, kind, at, payload });
                }
                Op::ReadSince(after) => {
                    let events = journal.read_since(after).unwrap();
                    let from = (after as usize).min(model.len());
                    prop_assert_eq!(events.len(), model.len() - from);
                    for (event, expected) in events.iter().zip(&model[from..]) {
                        prop_assert_eq!(&event.operator, &expected.operator);
                        prop_assert_eq!(&event.kind, &expected.kind);
                        prop_assert_eq!(event.local_time(), expected.at);
                        prop_assert_eq!(event.utc_offset, *expected.at.offset());
                        prop_assert_eq!(&event.decode::<Value>().unwrap(), &expected.payload);
                        prop_assert_eq!(event.computed_hash(), event.hash);
                    }
                }
                Op::Reopen => {
                    journal.close().unwrap();
                    journal = SqliteStorage::open(dir.path()).unwrap();
                    prop_assert!(journal.mode().is_writable());
                }
                Op::Verify => {
                    prop_assert_eq!(
                        journal.verify().unwrap(),
                        Verification::Intact { events: model.len() as u64, last_hash }
                    );
                }
            }
        }
        let all = journal.read_since(0).unwrap();
        prop_assert_eq!(all.len(), model.len());
    }
}
