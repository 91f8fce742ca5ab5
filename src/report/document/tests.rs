//! A sample 公文 for the writers' tests.

use super::*;

/// A warning notice with every element: 版头, title, 主送, three heading levels, a table, 附件,
/// 署名, 成文日期 and 版记 (synthetic content). The names hold 堃 (U+5803) and 喆 (U+5586), which
/// the UI's GB2312 subset lacks; they are written as escapes so the source scan of
/// `tests/font_coverage.rs` does not hold them to the UI font.
pub(crate) fn sample() -> Document {
    Document::single(Part {
        head: Head::Red {
            mark: "某某县重污染天气应急指挥部办公室".into(),
            doc_no: "某县应急办〔2019〕12号".into(),
            signer: String::new(),
            marks: Default::default(),
        },
        title: "关于启动重污染天气橙色预警的通知".into(),
        to: "各乡镇人民政府、街道办事处，县应急指挥部各成员单位".into(),
        body: vec![
            Block::Paragraph("经会商研判，预计12月22日至25日我县将出现一次重污染天气过程，日AQI最高可达260，首要污染物为PM2.5。决定于2019年12月21日22时启动重污染天气橙色预警。".into()),
            Block::Heading(1, "一、工业源减排".into()),
            Block::Heading(2, "（一）重点行业".into()),
            Block::Heading(3, "1. 绩效分级企业".into()),
            Block::Paragraph("值班人员王\u{5803}、李\u{5586}负责督导，联系电话0310-1234567。".into()),
            Block::Table(Table {
                columns: vec![Column::text("站点", 3), Column::number("AQI", 1), Column::text("类别", 2)],
                rows: vec![
                    vec!["丛台".into(), "236".into(), "重度污染".into()],
                    vec!["环保局".into(), "251".into(), "重度污染".into()],
                ],
            }),
        ],
        attachments: vec!["橙色预警措施清单".into()],
        closing: Some(Closing {
            issuer: "某某县重污染天气应急指挥部办公室".into(),
            date: "2019年12月21日".into(),
        }),
        record: Some(Record {
            lines: vec![("抄送".into(), "县委办公室，县人大常委会办公室，县政府办公室".into())],
            printer: "某某县重污染天气应急指挥部办公室".into(),
            printed: "2019年12月21日".into(),
        }),
    })
}

#[test]
fn text_has_every_element_in_order() {
    let t = text::write(&sample());
    let order = [
        "某某县重污染天气应急指挥部办公室",
        "某县应急办〔2019〕12号",
        "关于启动重污染天气橙色预警的通知",
        "各乡镇人民政府、街道办事处，县应急指挥部各成员单位：",
        "一、工业源减排",
        "丛台　236　重度污染",
        "附件：橙色预警措施清单",
        "2019年12月21日",
        "抄送：县委办公室，县人大常委会办公室，县政府办公室。",
        "某某县重污染天气应急指挥部办公室　　2019年12月21日印发",
    ];
    let mut at = 0;
    for s in order {
        let p = t[at..]
            .find(s)
            .unwrap_or_else(|| panic!("{s} after byte {at} in\n{t}"));
        at += p;
    }
}

#[test]
fn overrides_replace_the_frame_fields() {
    let mut d = sample();
    Overrides {
        doc_no: Some("某县应急办〔2019〕13号".into()),
        to: Some("各成员单位".into()),
        cc: Some("市生态环境局".into()),
        signer: Some("张三".into()),
        printer: None,
        printed: Some("2019年12月22日".into()),
        copy_no: Some("3".into()),
        secrecy: Some("机密★1年".into()),
        urgency: Some(Urgency::Urgent),
    }
    .apply(&mut d);
    let t = text::write(&d);
    assert!(
        t.starts_with("000003\n机密★1年\n加急\n某某县重污染天气应急指挥部办公室\n"),
        "{t}"
    );
    assert!(t.contains("某县应急办〔2019〕13号\n签发人：张三"), "{t}");
    assert!(t.contains("各成员单位："));
    assert!(t.contains("抄送：市生态环境局。"));
    assert!(t.contains("2019年12月22日印发"));
}

#[test]
fn html_escapes_and_has_the_head() {
    let mut d = sample();
    d.parts[0].body.push(Block::Paragraph("<script>&".into()));
    let h = html::write(&d);
    assert!(h.starts_with("<!DOCTYPE html>"));
    assert!(h.contains("<div class=\"mark\">某某县重污染天气应急指挥部办公室</div>"));
    assert!(h.contains("&lt;script&gt;&amp;"));
    assert!(h.contains("<td class=\"n\">236</td>"));
}

#[test]
fn png_size_reads_the_header() {
    let png = crate::report::charts::PngCanvas::new(120, 80)
        .expect("canvas")
        .into_png()
        .expect("png");
    assert_eq!(Image::Png(png).png_size(), Some((120, 80)));
    assert_eq!(Image::Png(b"\x89PNG".to_vec()).png_size(), None);
    assert_eq!(Image::Svg(String::new()).png_size(), None);
}

/// The parts of a .docx package, by name.
pub(crate) fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
    use std::io::Read as _;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
    let mut out = std::collections::BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).expect("entry");
        let mut buf = Vec::new();
        f.read_to_end(&mut buf).expect("read entry");
        let name: String = f.name().map(|n| n.to_string()).expect("entry name");
        out.insert(name, String::from_utf8_lossy(&buf).into_owned());
    }
    out
}

/// An XML element: its name and attributes.
pub(crate) type Element = (String, Vec<(String, String)>);

/// Every element of an XML text, in document order, and the text.
pub(crate) fn elements(xml: &str) -> (Vec<Element>, String) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let mut text = String::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.name().as_ref().to_owned();
                let attrs = e
                    .attributes()
                    .map(|a| {
                        let a = a.expect("attribute");
                        (a.key.as_ref().to_owned(), a.value.as_ref().to_owned())
                    })
                    .collect();
                if name == "w:p" {
                    text.push('\n');
                }
                out.push((name, attrs));
            }
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let name = r.into_inner().into_owned();
                text.push_str(match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    _ => "'",
                });
            }
            Event::Eof => break,
            _ => {}
        }
    }
    (out, text)
}

fn attr<'a>(e: &'a Element, key: &str) -> Option<&'a str> {
    e.1.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

#[test]
fn docx_has_the_gbt9704_page_fonts_and_elements() {
    let bytes = docx::write(&sample(), &[false]).expect("docx");
    let parts = unzip(&bytes);
    for name in [
        "[Content_Types].xml",
        "word/document.xml",
        "word/styles.xml",
        "word/settings.xml",
        "word/fontTable.xml",
        "word/footer1.xml",
        "word/footer2.xml",
    ] {
        assert!(parts.contains_key(name), "{name} missing");
    }
    let (doc, text) = elements(&parts["word/document.xml"]);
    // A4, margins 37/35/28/26 mm (twips, ±1 mm), the 22 × 28 grid.
    let pg = doc.iter().find(|e| e.0 == "w:pgSz").expect("page size");
    assert_eq!(
        (attr(pg, "w:w"), attr(pg, "w:h")),
        (Some("11906"), Some("16838"))
    );
    let mar = doc.iter().find(|e| e.0 == "w:pgMar").expect("margins");
    let mm = |k: &str| attr(mar, k).and_then(|v| v.parse::<f32>().ok()).expect(k) / 56.6929;
    for (k, want) in [
        ("w:top", 37.0),
        ("w:bottom", 35.0),
        ("w:left", 28.0),
        ("w:right", 26.0),
    ] {
        assert!((mm(k) - want).abs() < 0.5, "{k}: {} mm", mm(k));
    }
    let grid = doc.iter().find(|e| e.0 == "w:docGrid").expect("grid");
    // 22 lines: the line grid and exact body spacing of 579 twips (22 × 579 ≤ 12756).
    assert_eq!(attr(grid, "w:type"), Some("lines"));
    assert_eq!(attr(grid, "w:linePitch"), Some("579"));
    // 版头 (red mark), 发文字号 with the red rule, title, 主送, body, 成文日期, 版记.
    for s in [
        "某某县重污染天气应急指挥部办公室",
        "某县应急办〔2019〕12号",
        "关于启动重污染天气橙色预警的通知",
        "各乡镇人民政府、街道办事处，县应急指挥部各成员单位：",
        "王\u{5803}、李\u{5586}",
        "2019年12月21日",
        "抄送：县委办公室，县人大常委会办公室，县政府办公室。",
        "2019年12月21日印发",
    ] {
        assert!(text.contains(s), "{s} not in\n{text}");
    }
    let styles_used: Vec<&str> = doc
        .iter()
        .filter(|e| e.0 == "w:pStyle")
        .filter_map(|e| attr(e, "w:val"))
        .collect();
    for s in [
        "GwMark",
        "GwDocNo",
        "GwTitle",
        "GwTo",
        "Heading1",
        "Heading2",
        "Heading3",
        "GwClosing",
        "GwRecord",
    ] {
        assert!(styles_used.contains(&s), "{s} not used");
    }
    let red_rule = doc
        .iter()
        .any(|e| e.0 == "w:bottom" && attr(e, "w:color") == Some("E60012"));
    assert!(red_rule, "red separator under the 发文字号");
    // The 版记 floats at the foot of the page.
    assert!(
        doc.iter()
            .any(|e| e.0 == "w:tblpPr" && attr(e, "w:tblpYSpec") == Some("bottom"))
    );
    assert!(
        doc.iter()
            .any(|e| e.0 == "w:footerReference" && attr(e, "w:type") == Some("even"))
    );

    // Styles: fonts named as offices have them, sizes 3号/2号/4号.
    let (styles, _) = elements(&parts["word/styles.xml"]);
    let style = |id: &str| -> Vec<&Element> {
        let start = styles
            .iter()
            .position(|e| e.0 == "w:style" && attr(e, "w:styleId") == Some(id))
            .unwrap_or_else(|| panic!("style {id}"));
        styles[start + 1..]
            .iter()
            .take_while(|e| e.0 != "w:style")
            .collect()
    };
    let font_and_size = |id: &str| {
        let s = style(id);
        let font = s
            .iter()
            .find(|e| e.0 == "w:rFonts")
            .and_then(|e| attr(e, "w:eastAsia"))
            .map(str::to_owned);
        let size = s
            .iter()
            .find(|e| e.0 == "w:sz")
            .and_then(|e| attr(e, "w:val"))
            .map(str::to_owned);
        (font, size)
    };
    let fs = |f: &str, s: &str| (Some(f.to_owned()), Some(s.to_owned()));
    assert_eq!(font_and_size("Normal"), fs("仿宋_GB2312", "32"));
    // 28 characters a line: 16 pt condensed by the body spacing fit the 8845-twip type width
    // with less than one character to spare.
    let spacing: f32 = style("Normal")
        .iter()
        .find(|e| e.0 == "w:spacing" && attr(e, "w:val").is_some())
        .and_then(|e| attr(e, "w:val"))
        .and_then(|v| v.parse().ok())
        .expect("character spacing");
    let line = (320.0 + spacing) * 28.0;
    assert!(line <= 8845.0 && line > 8845.0 - 320.0, "{line}");
    let exact = style("Normal")
        .iter()
        .find(|e| e.0 == "w:spacing" && attr(e, "w:lineRule") == Some("exact"))
        .and_then(|e| attr(e, "w:line"))
        .and_then(|v| v.parse::<u32>().ok())
        .expect("exact line spacing");
    assert_eq!(exact, 579);
    assert_eq!(font_and_size("GwTitle"), fs("方正小标宋简体", "44"));
    assert_eq!(font_and_size("Heading1"), fs("黑体", "32"));
    assert_eq!(font_and_size("Heading2"), fs("楷体_GB2312", "32"));
    assert_eq!(font_and_size("GwRecord"), fs("仿宋_GB2312", "28"));
    assert!(style("Heading3").iter().any(|e| e.0 == "w:b"));
    assert!(
        style("GwMark")
            .iter()
            .any(|e| e.0 == "w:color" && attr(e, "w:val") == Some("E60012"))
    );
    // Fallbacks for machines without the office fonts.
    let (fonts, _) = elements(&parts["word/fontTable.xml"]);
    let alt = |name: &str| {
        let i = fonts
            .iter()
            .position(|e| e.0 == "w:font" && attr(e, "w:name") == Some(name))
            .unwrap_or_else(|| panic!("font {name}"));
        fonts
            .get(i + 1)
            .filter(|e| e.0 == "w:altName")
            .and_then(|e| attr(e, "w:val"))
            .map(str::to_owned)
    };
    assert_eq!(alt("仿宋_GB2312").as_deref(), Some("仿宋"));
    assert_eq!(alt("方正小标宋简体").as_deref(), Some("宋体"));
    assert_eq!(alt("楷体_GB2312").as_deref(), Some("楷体"));
    // Odd and even footers, page numbers "— PAGE —" in 4号.
    assert!(parts["word/settings.xml"].contains("<w:evenAndOddHeaders/>"));
    let (footer, footer_text) = elements(&parts["word/footer1.xml"]);
    assert!(footer_text.contains("— ") && footer_text.contains(" —"));
    assert!(parts["word/footer1.xml"].contains(" PAGE "));
    assert!(
        footer
            .iter()
            .any(|e| e.0 == "w:jc" && attr(e, "w:val") == Some("right"))
    );
    assert_eq!(font_and_size("GwPageNumber"), fs("宋体", "28"));
}

#[test]
fn docx_parts_are_sections_with_page_numbers_from_one() {
    let mut d = sample();
    d.parts.push(d.parts[0].clone());
    let parts = unzip(&docx::write(&d, &[false, false]).expect("docx"));
    let (doc, _) = elements(&parts["word/document.xml"]);
    assert_eq!(doc.iter().filter(|e| e.0 == "w:sectPr").count(), 2);
    assert_eq!(
        doc.iter()
            .filter(|e| e.0 == "w:pgNumType" && attr(e, "w:start") == Some("1"))
            .count(),
        2
    );
}

/// Output of a poppler tool on `pdf` (poppler-utils, installed by `.ci/run`).
pub(crate) fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, pdf).expect("write pdf");
    let out = std::process::Command::new(tool)
        .args(args)
        .arg(&path)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils, see .ci/run): {e}"));
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn pdf_embeds_every_font_and_prints_rare_names() {
    let doc = sample();
    let mut book = pdf::fonts::FontBook::new(&[]);
    // The full stand-ins are found (fonts-noto-cjk, fonts-lxgw-wenkai; see .ci/run).
    assert_ne!(
        book.family_of(standard::Face::FangSong, false),
        "AirDesk Sans (bundled)",
        "no full CJK font found: install fonts-noto-cjk (see .ci/run)"
    );
    let pages = pdf::layout::lay_out(&doc, &mut book);
    assert!(book.missing().is_empty(), "{:?}", book.missing());
    // 堃 and 喆 are outside the bundled GB2312 subset; they print from a full font.
    for rare in ['\u{5803}', '\u{5586}'] {
        let op = pages
            .iter()
            .flat_map(|p| &p.ops)
            .find_map(|op| match op {
                pdf::layout::Op::Text {
                    text, glyphs, slot, ..
                } if text.contains(rare) => Some((text.clone(), glyphs.clone(), *slot)),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{rare} not set"));
        let at = op.0.find(rare).expect("in run");
        let glyph = op.1.iter().find(|g| g.range.start == at).expect("glyph");
        assert_ne!(glyph.glyph, 0, "{rare} has a glyph");
        assert_ne!(
            op.2, 0,
            "{rare} comes from a full font, not the bundled subset"
        );
    }
    let bytes = pdf::write_with(&doc, &mut book).expect("pdf");
    assert!(bytes.starts_with(b"%PDF-"));
    // Every font is embedded (pdffonts: the "emb" column).
    let fonts = poppler("pdffonts", &[], &bytes);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in &rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        let n = cols.len();
        assert!(
            n >= 6 && cols[n - 5] == "yes",
            "not embedded: {row}\n{fonts}"
        );
    }
    // The text is there, searchable.
    let text = poppler("pdftotext", &["-layout"], &bytes);
    for s in [
        "王\u{5803}、李\u{5586}",
        "关于启动重污染天气橙色预警的通知",
        "某县应急办〔2019〕12号",
        "印发",
    ] {
        assert!(text.contains(s), "{s} not in\n{text}");
    }
    // Page numbers "— 1 —" (pdftotext drops the spaces).
    assert!(
        text.contains("—1—") && text.contains("—2—"),
        "page numbers\n{text}"
    );
}

#[test]
fn pdf_refuses_characters_no_font_has() {
    let mut doc = sample();
    // A private-use character: no font has it.
    doc.parts[0]
        .body
        .push(Block::Paragraph("值班员\u{F8FF}".into()));
    let mut book = pdf::fonts::FontBook::only(&[]);
    match pdf::write_with(&doc, &mut book) {
        Err(DocumentError::MissingGlyphs { chars, .. }) => {
            assert!(chars.contains('\u{F8FF}'), "{chars}");
            // Only the bundled font here: the rare names are reported too, never drawn as tofu.
            assert!(
                chars.contains('\u{5803}') && chars.contains('\u{5586}'),
                "{chars}"
            );
        }
        other => panic!("expected missing glyphs, got {other:?}"),
    }
}

#[test]
fn a_bulletins_to_and_cc_are_its_report_and_send_lines() {
    let mut d = Document::single(Part {
        head: Head::Bulletin {
            name: "重污染天气应急工作简报".into(),
            number: "第356期".into(),
            issuer: "某县指挥部办公室".into(),
            date: "2019年12月22日".into(),
        },
        record: Some(Record {
            lines: vec![
                ("报".into(), "市指挥部办公室".into()),
                ("送".into(), "各成员单位".into()),
            ],
            printer: "某县指挥部办公室".into(),
            printed: "2019年12月22日".into(),
        }),
        ..Part::default()
    });
    assert_eq!(d.parts[0].to_field(), "市指挥部办公室");
    assert_eq!(d.parts[0].cc_field(), "各成员单位");
    Overrides {
        doc_no: Some("第2期".into()),
        to: Some("市生态环境局".into()),
        cc: Some("县政府办公室".into()),
        ..Overrides::default()
    }
    .apply(&mut d);
    let t = text::write(&d);
    assert!(t.contains("第2期"), "{t}");
    assert!(t.contains("报：市生态环境局。\n送：县政府办公室。"), "{t}");
    assert!(d.parts[0].to.is_empty(), "a 简报 has no 主送 line");
}

/// The sample with 份号, 密级 and 紧急程度 set.
fn sample_with_marks() -> Document {
    let mut d = sample();
    Overrides {
        copy_no: Some("000012".into()),
        secrecy: Some("秘密★1年".into()),
        urgency: Some(Urgency::Extra),
        ..Overrides::default()
    }
    .apply(&mut d);
    d
}

#[test]
fn docx_puts_the_marks_top_left_above_the_mark_in_hei() {
    let parts = unzip(&docx::write(&sample_with_marks(), &[false]).expect("docx"));
    let (doc, text) = elements(&parts["word/document.xml"]);
    assert!(
        text.trim_start()
            .starts_with("000012\n秘密★1年\n特急\n某某县重污染天气应急指挥部办公室"),
        "{text}"
    );
    let mark_at = doc
        .iter()
        .position(|e| e.0 == "w:pStyle" && attr(e, "w:val") == Some("GwMark"))
        .expect("mark");
    // 密级 and 紧急程度 in 黑体 (GB/T 9704 §7.2.2–7.2.3), the 份号 not.
    let hei = doc[..mark_at]
        .iter()
        .filter(|e| e.0 == "w:rFonts" && attr(e, "w:eastAsia") == Some("黑体"))
        .count();
    assert_eq!(hei, 2);
    // The 标志 keeps its place 35 mm under the type area's top: the three lines above it are
    // taken off its space before (1984 twips − 3 × 579).
    let before = doc[mark_at..]
        .iter()
        .find(|e| e.0 == "w:spacing")
        .and_then(|e| attr(e, "w:before"))
        .expect("space before the mark");
    assert_eq!(before, (1984 - 3 * 579).to_string());
}

#[test]
fn docx_record_alone_starts_on_the_next_even_page() {
    let parts = unzip(&docx::write(&sample(), &[true]).expect("docx"));
    let (doc, _) = elements(&parts["word/document.xml"]);
    let kinds: Vec<&str> = doc
        .iter()
        .filter(|e| e.0 == "w:type")
        .filter_map(|e| attr(e, "w:val"))
        .collect();
    assert_eq!(kinds, ["nextPage", "evenPage"]);
    // The 版记's section goes on numbering the part's pages.
    assert_eq!(doc.iter().filter(|e| e.0 == "w:pgNumType").count(), 1);
    let record_at = doc
        .iter()
        .position(|e| e.0 == "w:pStyle" && attr(e, "w:val") == Some("GwRecord"))
        .expect("record");
    let first_section_at = doc.iter().position(|e| e.0 == "w:sectPr").expect("section");
    assert!(first_section_at < record_at, "the 版记 follows the break");
    // Sharing the body's last page: one section, no even-page start.
    let parts = unzip(&docx::write(&sample(), &[false]).expect("docx"));
    let (doc, _) = elements(&parts["word/document.xml"]);
    assert!(
        !doc.iter()
            .any(|e| e.0 == "w:type" && attr(e, "w:val") == Some("evenPage"))
    );
}

/// The page numbers printed on each page of a laid-out document (`None`: no number).
fn page_numbers(pages: &[pdf::layout::Page]) -> Vec<Option<String>> {
    pages
        .iter()
        .map(|p| {
            p.ops.iter().find_map(|op| match op {
                pdf::layout::Op::Text { text, .. } if text.starts_with("— ") => {
                    Some(text.clone())
                }
                _ => None,
            })
        })
        .collect()
}

/// Whether the page holds the 印发 line of a 版记.
fn has_record(page: &pdf::layout::Page) -> bool {
    page.ops
        .iter()
        .any(|op| matches!(op, pdf::layout::Op::Text { text, .. } if text.ends_with("印发")))
}

#[test]
fn pdf_puts_the_record_on_an_even_page() {
    let mut book = pdf::fonts::FontBook::new(&[]);
    // One page of body: the 版记 goes on the back, page 2, numbered.
    let mut short = sample();
    short.parts[0].body.truncate(1);
    short.parts[0].attachments.clear();
    let pages = pdf::layout::lay_out(&short, &mut book);
    assert_eq!(pages.len(), 2);
    assert!(!has_record(&pages[0]) && has_record(&pages[1]));
    assert_eq!(pdf::layout::records_alone(&short, &mut book), [true]);
    // The sample ends on page 2 with room left: the 版记 shares it.
    let pages = pdf::layout::lay_out(&sample(), &mut book);
    assert_eq!(pages.len(), 2);
    assert!(has_record(&pages[1]));
    assert_eq!(pdf::layout::records_alone(&sample(), &mut book), [false]);
    // A body that fills page 2 to the foot: a blank page 3, the 版记 on page 4, neither numbered.
    let mut full = sample();
    for _ in 0..44 {
        if pdf::layout::lay_out(&full, &mut book).len() > 2 {
            break;
        }
        full.parts[0]
            .body
            .insert(1, Block::Paragraph("各单位要严格落实。".into()));
    }
    let pages = pdf::layout::lay_out(&full, &mut book);
    assert_eq!(pages.len(), 4);
    assert!(pages[2].ops.is_empty(), "page 3 is blank");
    assert!(has_record(&pages[3]));
    let numbers = page_numbers(&pages);
    assert_eq!(numbers[2..], [None, None], "{numbers:?}");
    assert_eq!(numbers[1].as_deref(), Some("— 2 —"));
}

#[test]
fn pdf_prints_the_marks_above_the_mark() {
    let mut book = pdf::fonts::FontBook::new(&[]);
    let bytes = pdf::write_with(&sample_with_marks(), &mut book).expect("pdf");
    let text = poppler("pdftotext", &["-layout", "-f", "1", "-l", "1"], &bytes);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} not in\n{text}"));
    assert!(at("000012") < at("秘密★1年") && at("秘密★1年") < at("特急"));
    assert!(at("特急") < at("某某县重污染天气应急指挥部办公室"));
}
