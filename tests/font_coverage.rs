//! Every character the app can show has a glyph in the bundled font: each station name of the
//! national list, every entry of the translation table in both languages, and every non-ASCII
//! character written in the sources outside comments (string and char literals, which is what can
//! reach the screen). When this fails, run `tools/build-font-subset.py` and commit
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

/// The source text with comments removed (string and char literals kept): only what can reach
/// the screen counts; doc comments may use mathematical letters the CJK font does not have.
fn strip_comments(src: &str) -> String {
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == 'r' && (next == Some('"') || next == Some('#')) {
            // Raw string r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let close: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let rest: String = chars[j + 1..].iter().collect();
            let len = rest.find(&close).map_or(rest.len(), |p| p + close.len());
            out.push_str(&rest[..len]);
            i = j + 1 + rest[..len].chars().count();
        } else if c == '\'' && (next == Some('\\') || chars.get(i + 2) == Some(&'\'')) {
            // A char literal ('"', '\n', '中'); a lone ' is a lifetime and falls through.
            let from = if next == Some('\\') { i + 3 } else { i + 2 };
            let end = (from..chars.len())
                .find(|&j| chars[j] == '\'')
                .unwrap_or(chars.len() - 1);
            out.extend(&chars[i..=end]);
            i = end + 1;
        } else if c == '"' {
            out.push(c);
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(chars[i]);
                    i += 1;
                }
                if let Some(&ch) = chars.get(i) {
                    out.push(ch);
                }
                i += 1;
            }
            out.push('"');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

#[test]
fn comments_are_stripped_but_literals_kept() {
    let src = "let e = '\\''; let q = '\"'; let a = \"北京 // 不是注释\"; // 注释 Ĉ\n/* U₀ */ let b = r#\"天津\"#; '中' fn f<'a>() {}";
    let kept = strip_comments(src);
    assert!(kept.contains("北京 // 不是注释") && kept.contains("天津") && kept.contains('中'));
    assert!(!kept.contains('Ĉ') && !kept.contains('₀') && !kept.contains("注释 "));
}

/// The characters of `text` that no font of the app's proportional family (the bundled font, then
/// egui's fallbacks, in the order the app installs them) can draw.
fn missing_in_ui(text: &str) -> BTreeSet<char> {
    let defs = airdesk::ui::fonts::definitions();
    let faces: Vec<Vec<u8>> = defs.families[&egui::FontFamily::Proportional]
        .iter()
        .map(|name| (*defs.font_data[name].font).as_ref().to_vec())
        .collect();
    let fonts: Vec<FontRef<'_>> = faces
        .iter()
        .filter_map(|bytes| FontRef::try_from_slice(bytes).ok())
        .collect();
    assert_eq!(fonts.len(), faces.len(), "every installed font parses");
    text.chars()
        .filter(|c| !c.is_control())
        .filter(|&c| fonts.iter().all(|f| f.glyph_id(c).0 == 0))
        .collect()
}

/// Character literals in the sources can reach the screen only inside the load report (a parser
/// matching `PM₂.₅` in a header, say), so they are held to the app's whole font stack; Noto Sans
/// CJK has no sub- or superscript digits, egui's Ubuntu-Light has.
#[test]
fn every_non_ascii_character_outside_comments_in_the_sources_has_a_glyph() {
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
    let mut all = String::new();
    for f in files {
        let text = strip_comments(&std::fs::read_to_string(&f).expect("read source"));
        all.extend(text.chars().filter(|c| !c.is_ascii()));
    }
    let gaps = missing_in_ui(&all);
    assert!(
        gaps.is_empty(),
        "source characters without a glyph: {gaps:?}"
    );
}

#[test]
fn subscript_digits_come_from_the_fallback_not_the_bundled_font() {
    assert_eq!(missing(&font(), "PM₂.₅"), BTreeSet::from(['₂', '₅']));
    assert!(missing_in_ui("PM₂.₅ O₃ 北京").is_empty());
}
