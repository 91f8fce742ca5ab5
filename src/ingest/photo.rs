//! Photos sent as evidence: the EXIF time the photo was taken (DateTimeOriginal, with
//! OffsetTimeOriginal when the camera wrote one) and its GPS position, read with kamadak-exif
//! from JPEG, TIFF, HEIF, PNG or WebP — the format told by the content. What cannot be read (no
//! EXIF, a damaged or cut-short block, a blank or impossible time, a position out of range, a
//! file too large to look at whole) is said in [`PhotoFacts::unread`]; nothing here fails.

use std::io::{Cursor, Read};
use std::path::Path;

use chrono::NaiveDate;
use exif::{In, Tag, Value};

use crate::domain::response::photo::{GeoPoint, PhotoFacts, PhotoUnread};

/// How much of a file is looked at for EXIF: a JPEG, PNG or WebP keeps it at the start, a TIFF
/// or HEIF may need the whole file, which this bounds (a 200 MB scan is not read into memory).
pub const EXIF_READ_LIMIT: u64 = 16 * 1024 * 1024;

/// The EXIF facts of the file at `path`; `None` when it is not an image format that carries EXIF
/// (a PDF, a spreadsheet) or cannot be read at all.
pub fn read_photo_file(path: &Path) -> Option<PhotoFacts> {
    let file = std::fs::File::open(path).ok()?;
    let size = file.metadata().map_or(0, |m| m.len());
    let mut head = Vec::new();
    file.take(EXIF_READ_LIMIT).read_to_end(&mut head).ok()?;
    photo_facts(&head, size)
}

/// The EXIF facts of a file whose first bytes are `head` and whose size is `size`; `None` when it
/// is not an image format that carries EXIF.
pub fn photo_facts(head: &[u8], size: u64) -> Option<PhotoFacts> {
    let read = exif::Reader::new().read_from_container(&mut Cursor::new(head));
    let mut facts = PhotoFacts::default();
    let exif = match read {
        Ok(exif) => exif,
        Err(exif::Error::InvalidFormat("Unknown image format")) => return None,
        Err(e) => {
            let cut = size > head.len() as u64;
            facts.unread.push(match e {
                exif::Error::NotFound(_) if !cut => PhotoUnread::NoExif,
                _ if cut => PhotoUnread::TooLarge { bytes: size },
                other => PhotoUnread::Damaged {
                    reason: other.to_string(),
                },
            });
            return Some(facts);
        }
    };
    read_time(&exif, &mut facts);
    read_position(&exif, &mut facts);
    Some(facts)
}

fn ascii(exif: &exif::Exif, tag: Tag) -> Option<&[u8]> {
    match &exif.get_field(tag, In::PRIMARY)?.value {
        Value::Ascii(v) => v.first().map(Vec::as_slice),
        _ => None,
    }
}

fn read_time(exif: &exif::Exif, facts: &mut PhotoFacts) {
    let Some(text) = ascii(exif, Tag::DateTimeOriginal).or_else(|| ascii(exif, Tag::DateTime))
    else {
        facts.unread.push(PhotoUnread::NoTime);
        return;
    };
    let bad = || PhotoUnread::BadTime {
        text: String::from_utf8_lossy(text).trim().to_owned(),
    };
    let Ok(mut dt) = exif::DateTime::from_ascii(text) else {
        facts.unread.push(bad());
        return;
    };
    let taken = NaiveDate::from_ymd_opt(dt.year.into(), dt.month.into(), dt.day.into())
        .and_then(|d| d.and_hms_opt(dt.hour.into(), dt.minute.into(), dt.second.into()));
    let Some(taken) = taken else {
        facts.unread.push(bad());
        return;
    };
    facts.taken_at = Some(taken);
    if let Some(offset) = ascii(exif, Tag::OffsetTimeOriginal)
        && dt.parse_offset(offset).is_ok()
    {
        facts.utc_offset_s = dt
            .offset
            .map(|m| i32::from(m) * 60)
            .filter(|s| s.abs() < 24 * 3600);
    }
}

fn read_position(exif: &exif::Exif, facts: &mut PhotoFacts) {
    let lat = degrees(exif, Tag::GPSLatitude, Tag::GPSLatitudeRef, b'S');
    let lon = degrees(exif, Tag::GPSLongitude, Tag::GPSLongitudeRef, b'W');
    match (lat, lon) {
        (None, None) => facts.unread.push(PhotoUnread::NoPosition),
        (Some(lat), Some(lon)) => match GeoPoint::checked(lat, lon) {
            Some(p) => facts.position = Some(p),
            None => facts.unread.push(PhotoUnread::BadPosition {
                text: format!("{lat}, {lon}"),
            }),
        },
        (lat, lon) => facts.unread.push(PhotoUnread::BadPosition {
            text: format!("{lat:?}, {lon:?}"),
        }),
    }
}

/// A GPS coordinate in degrees from its degrees/minutes/seconds rationals and its reference
/// (`negative` is the letter that makes it negative: S or W); NaN when a denominator is zero.
fn degrees(exif: &exif::Exif, tag: Tag, reference: Tag, negative: u8) -> Option<f64> {
    let Value::Rational(dms) = &exif.get_field(tag, In::PRIMARY)?.value else {
        return None;
    };
    let value = dms
        .iter()
        .zip([1.0, 60.0, 3600.0])
        .map(|(r, scale)| r.to_f64() / scale)
        .sum::<f64>();
    let sign = match ascii(exif, reference) {
        Some([c, ..]) if c.eq_ignore_ascii_case(&negative) => -1.0,
        _ => 1.0,
    };
    Some(sign * value)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use exif::{Field, Rational};

    fn dms(d: u32, m: u32, s_hundredths: u32) -> Value {
        Value::Rational(vec![
            Rational { num: d, denom: 1 },
            Rational { num: m, denom: 1 },
            Rational {
                num: s_hundredths,
                denom: 100,
            },
        ])
    }

    /// A synthetic JPEG (no image data, just SOI, an EXIF APP1 segment and EOI) with the given
    /// taken time and GPS position (latitude and longitude as degrees/minutes/seconds).
    pub(crate) fn synthetic_jpeg(taken: Option<&str>, gps: Option<(Value, Value)>) -> Vec<u8> {
        let mut fields = Vec::new();
        if let Some(t) = taken {
            fields.push(Field {
                tag: Tag::DateTimeOriginal,
                ifd_num: In::PRIMARY,
                value: Value::Ascii(vec![t.as_bytes().to_vec()]),
            });
        }
        if let Some((lat, lon)) = gps {
            let letter = |c: &str| Value::Ascii(vec![c.as_bytes().to_vec()]);
            for (tag, value) in [
                (Tag::GPSLatitudeRef, letter("N")),
                (Tag::GPSLatitude, lat),
                (Tag::GPSLongitudeRef, letter("E")),
                (Tag::GPSLongitude, lon),
            ] {
                fields.push(Field {
                    tag,
                    ifd_num: In::PRIMARY,
                    value,
                });
            }
        }
        let mut writer = exif::experimental::Writer::new();
        for f in &fields {
            writer.push_field(f);
        }
        let mut tiff = Cursor::new(Vec::new());
        writer.write(&mut tiff, false).expect("exif");
        let tiff = tiff.into_inner();
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE1];
        jpeg.extend_from_slice(&u16::try_from(tiff.len() + 8).expect("small").to_be_bytes());
        jpeg.extend_from_slice(b"Exif\0\0");
        jpeg.extend_from_slice(&tiff);
        jpeg.extend_from_slice(&[0xFF, 0xD9]);
        jpeg
    }

    /// A photo taken at 2025-01-15 09:30 near 38.04°N 114.51°E (synthetic).
    pub(crate) fn site_photo() -> Vec<u8> {
        synthetic_jpeg(
            Some("2025:01:15 09:30:00"),
            Some((dms(38, 2, 2400), dms(114, 30, 3600))),
        )
    }

    #[test]
    fn reads_the_time_and_position_of_a_photo() {
        let jpeg = site_photo();
        let facts = photo_facts(&jpeg, jpeg.len() as u64).expect("a photo");
        assert_eq!(facts.unread, []);
        assert_eq!(
            facts.taken_at.expect("time").to_string(),
            "2025-01-15 09:30:00"
        );
        let p = facts.position.expect("position");
        assert!(
            (p.lat - 38.04).abs() < 1e-6 && (p.lon - 114.51).abs() < 1e-6,
            "{p:?}"
        );
    }

    #[test]
    fn hostile_photos_say_what_could_not_be_read() {
        // Not an image at all: not a photo.
        assert_eq!(photo_facts(b"%PDF-1.7\n", 9), None);
        // A JPEG without EXIF.
        let bare = [0xFF, 0xD8, 0xFF, 0xD9];
        assert_eq!(
            photo_facts(&bare, 4).expect("photo").unread,
            [PhotoUnread::NoExif]
        );
        // Cut short inside the EXIF block.
        let jpeg = site_photo();
        let cut = &jpeg[..jpeg.len() / 2];
        let facts = photo_facts(cut, cut.len() as u64).expect("photo");
        assert!(
            matches!(facts.unread[..], [PhotoUnread::Damaged { .. }]),
            "{facts:?}"
        );
        // A huge file of which only the start was read.
        let facts = photo_facts(cut, 1 << 40).expect("photo");
        assert_eq!(facts.unread, [PhotoUnread::TooLarge { bytes: 1 << 40 }]);
        // GPS out of range, a blank time, no GPS; a zero denominator.
        let odd = synthetic_jpeg(
            Some("0000:00:00 00:00:00"),
            Some((dms(95, 0, 0), dms(114, 0, 0))),
        );
        let facts = photo_facts(&odd, odd.len() as u64).expect("photo");
        assert!(
            matches!(facts.unread[0], PhotoUnread::BadTime { .. }),
            "{facts:?}"
        );
        assert!(
            matches!(facts.unread[1], PhotoUnread::BadPosition { .. }),
            "{facts:?}"
        );
        assert_eq!(facts.taken_at, None);
        assert_eq!(facts.position, None);
        let zero = Value::Rational(vec![Rational { num: 1, denom: 0 }]);
        let nan = synthetic_jpeg(None, Some((zero, dms(114, 0, 0))));
        let facts = photo_facts(&nan, nan.len() as u64).expect("photo");
        assert_eq!(facts.unread[0], PhotoUnread::NoTime);
        assert!(
            matches!(facts.unread[1], PhotoUnread::BadPosition { .. }),
            "{facts:?}"
        );
        let no_gps = synthetic_jpeg(Some("2025:01:15 09:30:00"), None);
        let facts = photo_facts(&no_gps, no_gps.len() as u64).expect("photo");
        assert_eq!(facts.unread, [PhotoUnread::NoPosition]);
    }
}
