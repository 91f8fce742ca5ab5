//! What a photo sent as evidence says about itself (its EXIF time and GPS position, read when it
//! is stored: `crate::ingest::photo`), and the warnings an item shows when the photo was taken
//! outside the item's window or far from where the measure applies. Pure: the facts come in
//! with the evidence record, the place from the plan.

use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime};
use serde::{Deserialize, Serialize};

pub use crate::domain::plan::{GeoPoint, PhotoRules};

use crate::domain::plan::Plan;

use super::checklist::{EvidenceFile, Item};
use super::checks::Check;

/// What could not be read from a photo (each is said on the item, never a failure).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "what")]
pub enum PhotoUnread {
    /// The file carries no EXIF block (a screenshot, a photo passed through a chat app that
    /// strips it).
    NoExif,
    /// The EXIF block is damaged or cut short; the parser's reason.
    Damaged {
        /// The parser's words.
        reason: String,
    },
    /// Larger than what is read for EXIF: only its start was looked at.
    TooLarge {
        /// Its size.
        bytes: u64,
    },
    /// No time the photo was taken (DateTimeOriginal).
    NoTime,
    /// A time that is not a date and time (`0000:00:00 00:00:00`, garbage).
    BadTime {
        /// The text found.
        text: String,
    },
    /// No GPS position.
    NoPosition,
    /// A GPS position out of range or malformed.
    BadPosition {
        /// What was found.
        text: String,
    },
}

/// The EXIF facts of a photo, as read when it was stored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PhotoFacts {
    /// When it was taken, camera's local time (EXIF DateTimeOriginal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub taken_at: Option<NaiveDateTime>,
    /// The camera's UTC offset, seconds (EXIF OffsetTimeOriginal), when it wrote one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utc_offset_s: Option<i32>,
    /// Where it was taken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<GeoPoint>,
    /// What could not be read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unread: Vec<PhotoUnread>,
}

impl PhotoFacts {
    /// When it was taken as a moment: in the camera's offset when it wrote one, else in
    /// `local` (the desk's offset; county cameras are set to Beijing time).
    pub fn taken(&self, local: FixedOffset) -> Option<DateTime<FixedOffset>> {
        let offset = self
            .utc_offset_s
            .and_then(FixedOffset::east_opt)
            .unwrap_or(local);
        self.taken_at?.and_local_timezone(offset).single()
    }
}

/// Where the measure applies, when known.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Its position.
    pub at: GeoPoint,
    /// Whose position it is (the unit's or enterprise's name), for the warning.
    pub name: String,
}

/// Why an item's evidence photo deserves a second look.
#[derive(Debug, Clone, PartialEq)]
pub enum PhotoWarning {
    /// Something could not be read.
    Unread(PhotoUnread),
    /// Taken before the item's window opened or after the report it came with.
    OutsideWindow {
        /// When it was taken.
        taken: DateTime<FixedOffset>,
        /// The window's start.
        from: DateTime<FixedOffset>,
        /// The window's end.
        to: DateTime<FixedOffset>,
    },
    /// Taken far from where the measure applies.
    FarAway {
        /// Distance, km.
        km: f64,
        /// Whose location it was compared with.
        place: String,
    },
}

/// The warnings for a photo with `facts` sent for an item whose window runs `from`..`to` (the
/// item's activation to the report the photo came with), compared with `place` when known.
pub fn photo_warnings(
    facts: &PhotoFacts,
    from: DateTime<FixedOffset>,
    to: DateTime<FixedOffset>,
    place: Option<&Place>,
    rules: &PhotoRules,
) -> Vec<PhotoWarning> {
    let mut out: Vec<PhotoWarning> = facts
        .unread
        .iter()
        .cloned()
        .map(PhotoWarning::Unread)
        .collect();
    if let Some(taken) = facts.taken(*from.offset())
        && (taken < from - rules.slack() || taken > to + rules.slack())
    {
        out.push(PhotoWarning::OutsideWindow { taken, from, to });
    }
    if let (Some(p), Some(place)) = (facts.position, place) {
        let km = p.km_to(place.at);
        if km > rules.max_km {
            out.push(PhotoWarning::FarAway {
                km,
                place: place.name.clone(),
            });
        }
    }
    out
}

/// Where `item` applies, when the plan knows: its unit's `location` (an enterprise item takes its
/// supervising unit's, since the emission-reduction list carries no coordinates).
pub fn place_of(plan: &Plan, item: &Item) -> Option<Place> {
    let unit = plan.units.get(&item.key().unit)?;
    Some(Place {
        at: unit.location?,
        name: unit.name.clone(),
    })
}

/// Every evidence file sent for `item`, by its reports and by `checks` of it, once each (a failed
/// check's photo is also on the step that reopened the item), with the moment it came with.
pub fn item_evidence<'a>(
    item: &'a Item,
    checks: impl Iterator<Item = &'a Check>,
) -> Vec<(&'a EvidenceFile, DateTime<FixedOffset>)> {
    let reports = item
        .history
        .iter()
        .filter_map(|c| Some((c.evidence.as_ref()?, c.done_at())));
    let checked = checks.filter_map(|c| Some((c.record.evidence.as_ref()?, c.at())));
    let mut out: Vec<(&EvidenceFile, DateTime<FixedOffset>)> = Vec::new();
    for (file, at) in checked.chain(reports) {
        if !out
            .iter()
            .any(|(f, _)| f.sha256 == file.sha256 && f.name == file.name)
        {
            out.push((file, at));
        }
    }
    out
}

/// The warnings of every evidence photo sent for `item` ([`item_evidence`]): each photo's window
/// runs from the item's activation (the warning's start or the level change that added it) to
/// the report or check it came with.
pub fn item_photo_warnings<'a>(
    item: &'a Item,
    checks: impl Iterator<Item = &'a Check>,
    place: Option<&Place>,
    rules: &PhotoRules,
) -> Vec<PhotoWarning> {
    let activation = item.spec.deadline - Duration::hours(i64::from(item.spec.deadline_hours));
    item_evidence(item, checks)
        .into_iter()
        .filter_map(|(file, until)| Some((file.photo.as_ref()?, until)))
        .flat_map(|(facts, until)| photo_warnings(facts, activation, until, place, rules))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).expect("time")
    }

    fn facts(taken: &str, lat: f64, lon: f64) -> PhotoFacts {
        PhotoFacts {
            taken_at: Some(
                NaiveDateTime::parse_from_str(taken, "%Y-%m-%d %H:%M:%S").expect("naive"),
            ),
            utc_offset_s: None,
            position: GeoPoint::checked(lat, lon),
            unread: Vec::new(),
        }
    }

    #[test]
    fn warns_outside_the_window_and_far_from_the_place() {
        let from = t("2025-01-15T00:00:00+08:00");
        let to = t("2025-01-15T10:00:00+08:00");
        // A site in the county town (synthetic coordinates near Shijiazhuang).
        let place = Place {
            at: GeoPoint::checked(38.04, 114.51).expect("point"),
            name: "某建筑工地".into(),
        };
        let rules = PhotoRules::default();
        let fine = facts("2025-01-15 09:30:00", 38.045, 114.515);
        assert!(photo_warnings(&fine, from, to, Some(&place), &rules).is_empty());
        // Within the slack: still fine.
        let early = facts("2025-01-14 23:30:00", 38.04, 114.51);
        assert!(photo_warnings(&early, from, to, Some(&place), &rules).is_empty());
        let old_and_far = facts("2025-01-10 12:00:00", 38.3, 114.51);
        let w = photo_warnings(&old_and_far, from, to, Some(&place), &rules);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(matches!(w[0], PhotoWarning::OutsideWindow { .. }));
        let PhotoWarning::FarAway { km, .. } = w[1] else {
            panic!("{w:?}")
        };
        assert!((28.0..30.0).contains(&km), "{km}");
        // Without a known place, no distance warning; a camera offset is honoured.
        let utc_camera = PhotoFacts {
            utc_offset_s: Some(0),
            ..facts("2025-01-15 01:00:00", 38.3, 114.51)
        };
        assert!(photo_warnings(&utc_camera, from, to, None, &rules).is_empty());
    }

    #[test]
    fn what_could_not_be_read_is_said() {
        let f = PhotoFacts {
            unread: vec![PhotoUnread::NoExif],
            ..PhotoFacts::default()
        };
        let w = photo_warnings(
            &f,
            t("2025-01-15T00:00:00+08:00"),
            t("2025-01-15T10:00:00+08:00"),
            None,
            &PhotoRules::default(),
        );
        assert_eq!(w, [PhotoWarning::Unread(PhotoUnread::NoExif)]);
        assert!(GeoPoint::checked(91.0, 0.0).is_none());
        assert!(GeoPoint::checked(f64::NAN, 0.0).is_none());
    }
}
