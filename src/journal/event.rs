//! The event envelope: who recorded what, when, and the hash link to the event before.
//!
//! Callers build a [`Draft`] through the shift's [`Author`]; a storage backend gives it the next
//! sequence number and the previous hash and seals it into an [`Event`].

use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use super::error::JournalError;
use super::hash::Hash;

/// Domain-separation tag that starts the hashed bytes of every event (format version 1).
pub const HASH_TAG: &[u8] = b"AirDesk journal event v1\n";

/// Longest operator name or desk id accepted, in characters.
pub const MAX_NAME_CHARS: usize = 64;

/// Longest event kind accepted, in characters.
pub const MAX_KIND_CHARS: usize = 64;

/// The duty officer on shift and the desk they sit at: asked at the start of a shift and stamped
/// on every event recorded until the next shift starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    operator: String,
    desk: String,
}

impl Author {
    /// Check and keep the operator's name and the desk (workstation) id, both trimmed.
    pub fn new(operator: &str, desk: &str) -> Result<Self, JournalError> {
        Ok(Author {
            operator: checked_name("operator name", operator)?,
            desk: checked_name("desk id", desk)?,
        })
    }

    /// The duty officer's name as it will be stamped.
    pub fn operator(&self) -> &str {
        &self.operator
    }

    /// The desk id as it will be stamped.
    pub fn desk(&self) -> &str {
        &self.desk
    }

    /// Prepare an event of `kind` (e.g. `warning.issued`) with a serialisable payload, recorded at
    /// `at` (the caller's clock; the offset is the operator's local offset, kept for display).
    pub fn draft<E: Serialize + ?Sized>(
        &self,
        at: DateTime<FixedOffset>,
        kind: &str,
        payload: &E,
    ) -> Result<Draft, JournalError> {
        check_kind(kind)?;
        let value = serde_json::to_value(payload).map_err(|source| JournalError::Encode {
            kind: kind.to_owned(),
            source,
        })?;
        let payload =
            serde_json::to_string(&sorted_keys(value)).map_err(|source| JournalError::Encode {
                kind: kind.to_owned(),
                source,
            })?;
        Ok(Draft {
            recorded_at_us: at.timestamp_micros(),
            utc_offset_s: at.offset().local_minus_utc(),
            operator: self.operator.clone(),
            desk: self.desk.clone(),
            kind: kind.to_owned(),
            payload,
        })
    }
}

/// An event not yet stored: everything but its sequence number and hashes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub(super) recorded_at_us: i64,
    pub(super) utc_offset_s: i32,
    pub(super) operator: String,
    pub(super) desk: String,
    pub(super) kind: String,
    pub(super) payload: String,
}

impl Draft {
    /// The payload as canonical JSON text (object keys sorted, no insignificant whitespace).
    pub fn payload(&self) -> &str {
        &self.payload
    }

    /// The unit the event is about, when its payload names one (`item.unit`, else `unit`): what
    /// a unit desk may record is checked on it, by the session and by a server's insert trigger.
    pub fn unit(&self) -> Option<String> {
        let payload: serde_json::Value = serde_json::from_str(&self.payload).ok()?;
        payload
            .pointer("/item/unit")
            .or_else(|| payload.get("unit"))
            .and_then(|u| u.as_str())
            .map(str::to_owned)
    }
}

/// One stored event. Immutable once appended; `hash` covers every other field (see
/// [`Event::computed_hash`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Position in the journal: 1, 2, 3, … without gaps.
    pub seq: u64,
    /// When it was recorded, as a UTC instant (microsecond precision).
    pub recorded_at: DateTime<Utc>,
    /// The operator's local UTC offset at that moment, for display.
    pub utc_offset: FixedOffset,
    /// Duty officer's name.
    pub operator: String,
    /// Desk (workstation) id.
    pub desk: String,
    /// Event kind, dotted lowercase (`warning.issued`, `measure.acknowledged`, …).
    pub kind: String,
    /// Payload as canonical JSON text.
    pub payload: String,
    /// Hash of the event before (all zeros for event 1).
    pub prev_hash: Hash,
    /// Hash of this event.
    pub hash: Hash,
}

/// The end of a journal as a backend reads it inside an append transaction: the last sequence
/// number, its hash and its time. Backend-independent: it seals the next event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Head {
    /// Sequence number of the last event (0 when empty).
    pub seq: u64,
    /// Its hash ([`Hash::GENESIS`] when empty).
    pub hash: Hash,
    /// Its recorded time in µs since 1970 UTC, when there is one.
    pub recorded_at_us: Option<i64>,
}

impl Head {
    /// Seal `draft` as the event after this head. A draft stamped before the head's event is
    /// stamped at the head's time instead: desks on other machines (and a drill clock) run
    /// slightly differently, and the journal's order must also be the order of its times.
    pub fn seal_next(&self, draft: &Draft) -> Result<Event, JournalError> {
        let at = self
            .recorded_at_us
            .map_or(draft.recorded_at_us, |head| draft.recorded_at_us.max(head));
        let draft = Draft {
            recorded_at_us: at,
            ..draft.clone()
        };
        Event::seal(&draft, self.seq + 1, self.hash)
    }

    /// `Ok` when no event was appended after `seen` (the last event the caller decided on), or
    /// when the caller appends wherever the head is (`None`); else [`JournalError::Stale`].
    pub fn check_seen(&self, seen: Option<u64>) -> Result<(), JournalError> {
        match seen {
            Some(seen) if seen != self.seq => Err(JournalError::Stale {
                seen,
                head: self.seq,
            }),
            _ => Ok(()),
        }
    }

    /// Check that `event`, sealed elsewhere, comes right after this head (next number, linked,
    /// hashing to its own hash): what a backend asks before importing it.
    pub fn check_follows(&self, event: &Event) -> Result<(), JournalError> {
        let bad = |what: &str| {
            Err(JournalError::Corrupt(format!(
                "event #{} cannot be copied after #{}: {what}",
                event.seq, self.seq
            )))
        };
        if event.seq != self.seq + 1 {
            return bad("its number does not follow");
        }
        if event.prev_hash != self.hash {
            return bad("it does not link to the event before");
        }
        if event.computed_hash() != event.hash {
            return bad("its content does not match its hash");
        }
        Ok(())
    }

    /// The head after `event` was appended.
    pub fn after(event: &Event) -> Head {
        Head {
            seq: event.seq,
            hash: event.hash,
            recorded_at_us: Some(event.recorded_at.timestamp_micros()),
        }
    }
}

impl Event {
    /// Give a draft its place in the chain. Backends call this (through [`Head::seal_next`])
    /// inside the transaction that reads the previous hash and inserts the event.
    fn seal(draft: &Draft, seq: u64, prev_hash: Hash) -> Result<Event, JournalError> {
        let recorded_at =
            DateTime::from_timestamp_micros(draft.recorded_at_us).ok_or_else(|| {
                JournalError::InvalidStamp(format!(
                    "time {} µs is outside the supported range",
                    draft.recorded_at_us
                ))
            })?;
        let utc_offset = FixedOffset::east_opt(draft.utc_offset_s).ok_or_else(|| {
            JournalError::InvalidStamp(format!("UTC offset {} s is invalid", draft.utc_offset_s))
        })?;
        let mut event = Event {
            seq,
            recorded_at,
            utc_offset,
            operator: draft.operator.clone(),
            desk: draft.desk.clone(),
            kind: draft.kind.clone(),
            payload: draft.payload.clone(),
            prev_hash,
            hash: Hash::GENESIS,
        };
        event.hash = event.computed_hash();
        Ok(event)
    }

    /// The recorded time in the operator's local offset.
    pub fn local_time(&self) -> DateTime<FixedOffset> {
        self.recorded_at.with_timezone(&self.utc_offset)
    }

    /// Decode the payload into the typed event the caller expects for this kind.
    pub fn decode<E: DeserializeOwned>(&self) -> Result<E, JournalError> {
        serde_json::from_str(&self.payload).map_err(|source| JournalError::Decode {
            seq: self.seq,
            kind: self.kind.clone(),
            source,
        })
    }

    /// The hash this event's content calls for: SHA-256 over [`HASH_TAG`] followed by each field,
    /// in this order, as a `u64` big-endian byte length and then the bytes:
    ///
    /// 1. `seq` — ASCII decimal;
    /// 2. recorded instant — ASCII decimal microseconds since 1970-01-01T00:00:00Z (`-` if before);
    /// 3. UTC offset — ASCII decimal seconds east of UTC (`-` for west);
    /// 4. operator, 5. desk, 6. kind — UTF-8 as stored;
    /// 7. payload — the stored canonical JSON text, byte for byte;
    /// 8. previous hash — 64 lowercase hex digits.
    ///
    /// The result is compared with [`Event::hash`] by `verify`.
    pub fn computed_hash(&self) -> Hash {
        let mut h = Sha256::new();
        h.update(HASH_TAG);
        let seq = self.seq.to_string();
        let micros = self.recorded_at.timestamp_micros().to_string();
        let offset = self.utc_offset.local_minus_utc().to_string();
        let prev = self.prev_hash.to_string();
        for field in [
            seq.as_bytes(),
            micros.as_bytes(),
            offset.as_bytes(),
            self.operator.as_bytes(),
            self.desk.as_bytes(),
            self.kind.as_bytes(),
            self.payload.as_bytes(),
            prev.as_bytes(),
        ] {
            h.update((field.len() as u64).to_be_bytes());
            h.update(field);
        }
        Hash(h.finalize().into())
    }
}

/// Rebuild objects with their keys inserted in sorted order, so the JSON text is canonical even if
/// serde_json's map keeps insertion order (its `preserve_order` feature).
fn sorted_keys(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, sorted_keys(v)))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted_keys).collect()),
        other => other,
    }
}

fn checked_name(what: &str, raw: &str) -> Result<String, JournalError> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(JournalError::InvalidStamp(format!("the {what} is empty")));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(JournalError::InvalidStamp(format!(
            "the {what} is longer than {MAX_NAME_CHARS} characters"
        )));
    }
    if name.chars().any(char::is_control) {
        return Err(JournalError::InvalidStamp(format!(
            "the {what} contains a control character"
        )));
    }
    Ok(name.to_owned())
}

/// Kinds are dotted lowercase words: `warning.issued`, `shift.started`, `finding.closed`.
fn check_kind(kind: &str) -> Result<(), JournalError> {
    let word_ok = |w: &str| {
        !w.is_empty()
            && w.bytes()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_' || c == b'-')
    };
    if kind.len() > MAX_KIND_CHARS || !kind.split('.').all(word_ok) {
        return Err(JournalError::InvalidStamp(format!(
            "event kind {kind:?} is not dotted lowercase words (like \"warning.issued\") of at \
             most {MAX_KIND_CHARS} characters"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(rfc3339: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(rfc3339).unwrap()
    }

    /// Vectors computed independently with Python's hashlib and struct.pack(">Q", len) (see the
    /// format on `computed_hash`), so the format cannot drift unnoticed.
    #[test]
    fn hash_matches_independent_vectors() {
        let author = Author::new(" 张伟 ", "desk-1").unwrap();
        let payload =
            serde_json::json!({"level": "orange", "area": "全县", "n": [3, {"b": 1, "a": 2}]});
        let draft = author
            .draft(
                at("2025-01-15T09:30:00.123456+08:00"),
                "warning.issued",
                &payload,
            )
            .unwrap();
        assert_eq!(
            draft.payload(),
            r#"{"area":"全县","level":"orange","n":[3,{"a":2,"b":1}]}"#
        );
        let first = Event::seal(&draft, 1, Hash::GENESIS).unwrap();
        assert_eq!(first.operator, "张伟");
        assert_eq!(first.recorded_at.timestamp_micros(), 1_736_904_600_123_456);
        assert_eq!(
            first.hash.to_string(),
            "0ed0956358c67836bdec970c7ca66f2e31497cc3b316067059a89c0ae9e78408"
        );

        let west = Author::new("Zhang Wei", "desk-2").unwrap();
        let draft = west
            .draft(at("1969-12-31T18:59:59.5-05:00"), "shift.started", &())
            .unwrap();
        let second = Event::seal(&draft, 2, first.hash).unwrap();
        assert_eq!(second.recorded_at.timestamp_micros(), -500_000);
        assert_eq!(
            second.hash.to_string(),
            "1dc3c1343272c23c67140cdcb18177dec341b518379addb20c47158acd67ba41"
        );
        assert_eq!(second.computed_hash(), second.hash);
    }

    #[test]
    fn every_field_is_covered_by_the_hash() {
        let author = Author::new("王芳", "desk-1").unwrap();
        let draft = author
            .draft(
                at("2025-12-01T08:00:00+08:00"),
                "measure.acknowledged",
                &[1, 2],
            )
            .unwrap();
        let e = Event::seal(&draft, 7, Hash([9; 32])).unwrap();
        let edits: [fn(&mut Event); 8] = [
            |e| e.seq += 1,
            |e| e.recorded_at += chrono::Duration::microseconds(1),
            |e| e.utc_offset = FixedOffset::east_opt(7 * 3600).unwrap(),
            |e| e.operator.push('x'),
            |e| e.desk.push('x'),
            |e| e.kind.push('x'),
            |e| e.payload = "[1,3]".into(),
            |e| e.prev_hash.0[31] ^= 1,
        ];
        for (i, edit) in edits.iter().enumerate() {
            let mut changed = e.clone();
            edit(&mut changed);
            assert_ne!(changed.computed_hash(), e.hash, "edit {i} not detected");
        }
    }

    #[test]
    fn length_prefix_keeps_field_boundaries() {
        // Moving a character from the operator to the desk must change the hash.
        let t = at("2025-01-01T00:00:00+08:00");
        let a = Author::new("ab", "c").unwrap().draft(t, "x.y", &1).unwrap();
        let b = Author::new("a", "bc").unwrap().draft(t, "x.y", &1).unwrap();
        let ea = Event::seal(&a, 1, Hash::GENESIS).unwrap();
        let eb = Event::seal(&b, 1, Hash::GENESIS).unwrap();
        assert_ne!(ea.hash, eb.hash);
    }

    #[test]
    fn local_time_keeps_the_operators_offset() {
        let t = at("2026-02-17T00:30:00+08:00");
        let d = Author::new("李明", "d")
            .unwrap()
            .draft(t, "shift.started", &())
            .unwrap();
        let e = Event::seal(&d, 1, Hash::GENESIS).unwrap();
        assert_eq!(e.local_time(), t);
        assert_eq!(e.local_time().to_rfc3339(), "2026-02-17T00:30:00+08:00");
        assert_eq!(
            e.recorded_at,
            Utc.with_ymd_and_hms(2026, 2, 16, 16, 30, 0).unwrap()
        );
    }

    #[test]
    fn sub_microsecond_time_is_truncated_consistently() {
        let t = at("2025-01-01T00:00:00+08:00") + chrono::Duration::nanoseconds(1_999);
        let d = Author::new("a", "d").unwrap().draft(t, "x", &()).unwrap();
        let e = Event::seal(&d, 1, Hash::GENESIS).unwrap();
        assert_eq!(e.recorded_at.timestamp_subsec_nanos(), 1_000);
    }

    #[test]
    fn decode_gives_typed_payload_or_names_the_event() {
        #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
        struct Issued {
            level: String,
            hours: u32,
        }
        let issued = Issued {
            level: "red".into(),
            hours: 72,
        };
        let d = Author::new("a", "d")
            .unwrap()
            .draft(at("2025-01-01T00:00:00+08:00"), "warning.issued", &issued)
            .unwrap();
        let e = Event::seal(&d, 3, Hash::GENESIS).unwrap();
        assert_eq!(e.decode::<Issued>().unwrap(), issued);
        let err = e.decode::<Vec<u8>>().unwrap_err();
        assert!(matches!(err, JournalError::Decode { seq: 3, .. }), "{err}");
        assert!(err.to_string().contains("#3 (warning.issued)"));
    }

    #[test]
    fn stamps_are_checked() {
        assert!(Author::new("  ", "d").is_err());
        assert!(Author::new("a", "").is_err());
        assert!(Author::new("a\u{7}b", "d").is_err());
        assert!(Author::new(&"长".repeat(MAX_NAME_CHARS), "d").is_ok());
        assert!(Author::new(&"长".repeat(MAX_NAME_CHARS + 1), "d").is_err());
        let a = Author::new("a", "d").unwrap();
        let t = at("2025-01-01T00:00:00+08:00");
        for good in ["warning.issued", "shift", "finding.rectify-due", "v2.x_y"] {
            assert!(a.draft(t, good, &()).is_ok(), "{good}");
        }
        for bad in [
            "",
            "Warning.issued",
            "warning..issued",
            ".x",
            "x.",
            "预警.发布",
            "a b",
        ] {
            assert!(
                matches!(a.draft(t, bad, &()), Err(JournalError::InvalidStamp(_))),
                "{bad}"
            );
        }
        let mut map = std::collections::HashMap::new();
        map.insert((1, 2), 3);
        assert!(matches!(
            a.draft(t, "x", &map),
            Err(JournalError::Encode { .. })
        ));
    }
}
