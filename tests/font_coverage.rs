//! Every character the app can show has a glyph in the bundled font: each station name of the
//! national list, every entry of the translation table in both languages, and every non-ASCII
//! character written in the sources. When this fails, run `tools/build-font-subset.py` and commit
//! the new font.

use std::collections::BTreeSet;
use std::path::Path;

use ab_glyph::{Font, FontRef};
use airdesk::ui::fonts::BUNDLED_FONT;
use airdesk::ui::i18n::T;

fn missing(font: &FontRef<'_>, text: &str) -> BTreeSet<char> {
    text.chars()
        .filter(|c| !c.is_control() && *c != '\u{feff}')
        .filter(|&c| font.glyph_id(c).0 == 0)
        .collect()
}

fn font() -> FontRef<'static> {
    FontRef::try_from_slice(BUNDLED_FONT).expect("the bundled font parses")
}

#[test]
fn the_check_itself_notices_a_missing_glyph() {
    // U+1F600 (an emoji) is not in Noto Sans CJK, so never in the subset. Written as an escape so
    // the subset script, which scans the tests, does not go looking for it.
    let emoji = '\u{1F600}';
    assert_eq!(
        missing(&font(), &format!("北京{emoji}")),
        BTreeSet::from([emoji])
    );
}

#[test]
fn every_station_name_of_the_national_list_has_glyphs() {
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stations/NewSiteList.csv"),
    )
    .expect("station list fixture");
    let text = airdesk::ingest::decode(&bytes).text;
    assert!(text.chars().count() > 20_000, "the whole list, not a stub");
    let gaps = missing(&font(), &text);
    assert!(
        gaps.is_empty(),
        "station list characters without a glyph: {gaps:?}"
    );
}

#[test]
fn every_translation_has_glyphs() {
    let font = font();
    let mut gaps = BTreeSet::new();
    for &key in T::ALL {
        gaps.extend(missing(&font, key.zh()));
        gaps.extend(missing(&font, key.en()));
    }
    for v in airdesk::store::Variable::ALL {
        gaps.extend(missing(&font, v.name_zh()));
        gaps.extend(missing(&font, v.name_en()));
        gaps.extend(missing(&font, v.unit()));
    }
    assert!(
        gaps.is_empty(),
        "translation characters without a glyph: {gaps:?}"
    );
}

#[test]
fn every_non_ascii_character_in_the_sources_has_a_glyph() {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("list").flatten() {
            let p = entry.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "rs") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 20);
    let font = font();
    let mut gaps = BTreeSet::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("read source");
        let non_ascii: String = text.chars().filter(|c| !c.is_ascii()).collect();
        gaps.extend(missing(&font, &non_ascii));
    }
    assert!(
        gaps.is_empty(),
        "source characters without a glyph: {gaps:?}"
    );
}
