//! The GB/T 9704-2012 figures both the .docx and the PDF writer lay a 公文 out by (DOMAIN.md
//! §2.10): A4, margins 37/35/28/26 mm (a 156 × 225 mm type area), 22 lines of 28 characters of
//! 3号 (16 pt) 仿宋, title 2号 (22 pt) 小标宋, 版记 and page numbers 4号 (14 pt), and the fonts as
//! Chinese offices name them.

/// A4 page, millimetres.
pub const PAGE_MM: (f32, f32) = (210.0, 297.0);
/// Top margin (天头), mm.
pub const MARGIN_TOP_MM: f32 = 37.0;
/// Bottom margin, mm.
pub const MARGIN_BOTTOM_MM: f32 = 35.0;
/// Left margin (订口), mm.
pub const MARGIN_LEFT_MM: f32 = 28.0;
/// Right margin, mm.
pub const MARGIN_RIGHT_MM: f32 = 26.0;
/// Lines of body text per page.
pub const LINES_PER_PAGE: u32 = 22;
/// Characters of body text per line.
pub const CHARS_PER_LINE: u32 = 28;

/// 3号: body, headings, 主送, 发文字号, 署名.
pub const BODY_PT: f32 = 16.0;
/// 2号: the title.
pub const TITLE_PT: f32 = 22.0;
/// 4号: 版记 and page numbers.
pub const SMALL_PT: f32 = 14.0;
/// 五号: table text (tables are not fixed by the standard; 五号 keeps wide tables readable).
pub const TABLE_PT: f32 = 10.5;
/// The 发文机关标志's height (the standard asks only for "醒目、美观、庄重"; about 15 mm).
pub const MARK_PT: f32 = 42.0;
/// Distance from the top of the type area to the top of the 发文机关标志, mm.
pub const MARK_TOP_MM: f32 = 35.0;
/// Distance from the top of the type area to the top of a 简报's name, mm (简报 are not fixed by
/// the standard; a little room keeps the name clear of the top).
pub const BULLETIN_TOP_MM: f32 = 8.0;
/// The tallest a figure (a chart) may be, mm: room for its caption on the page.
pub const FIGURE_MAX_HEIGHT_MM: f32 = 180.0;
/// Distance from the 发文字号 to the red separator line, mm.
pub const RULE_BELOW_DOC_NO_MM: f32 = 4.0;
/// Red separator line thickness, points.
pub const HEAD_RULE_PT: f32 = 1.5;
/// 版记 thick rules (首条、末条), points (0.35 mm).
pub const RECORD_THICK_PT: f32 = 1.0;
/// 版记 thin rules, points (0.25 mm).
pub const RECORD_THIN_PT: f32 = 0.7;
/// Distance from the bottom of the type area to the top of the page number, mm.
pub const PAGE_NUMBER_GAP_MM: f32 = 7.0;
/// The red of the 版头 (RGB).
pub const RED: (u8, u8, u8) = (0xE6, 0x00, 0x12);

/// Points per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// Type area width, mm (156).
pub fn type_width_mm() -> f32 {
    PAGE_MM.0 - MARGIN_LEFT_MM - MARGIN_RIGHT_MM
}

/// Type area height, mm (225).
pub fn type_height_mm() -> f32 {
    PAGE_MM.1 - MARGIN_TOP_MM - MARGIN_BOTTOM_MM
}

/// Distance between body lines, points (225 mm / 22).
pub fn line_pitch_pt() -> f32 {
    type_height_mm() * PT_PER_MM / LINES_PER_PAGE as f32
}

/// Width of one body character cell, points (156 mm / 28, a little under 16 pt).
pub fn char_pitch_pt() -> f32 {
    type_width_mm() * PT_PER_MM / CHARS_PER_LINE as f32
}

/// Width of `s` in body character cells: full-width characters take one, ASCII half of one.
pub fn width_cells(s: &str) -> f32 {
    s.chars()
        .map(|c| if c.is_ascii() { 0.5 } else { 1.0 })
        .sum()
}

/// Right indents, in character cells, of the 发文机关署名 and the 成文日期 of a document without a
/// seal (GB/T 9704 §7.3.5.2): the 署名 two cells from the right, the date's first character two
/// cells right of the 署名's first; when the date is the longer, the date two cells from the
/// right and the 署名 moved left to keep the two-cell step.
pub fn closing_indents(issuer: &str, date: &str) -> (f32, f32) {
    let (i, d) = (width_cells(issuer), width_cells(date));
    let date_right = 2.0 + i - 2.0 - d;
    if date_right >= 2.0 {
        (2.0, date_right)
    } else {
        (2.0 + (2.0 - date_right), 2.0)
    }
}

/// Whether the 发文字号 and `签发人：name` share one line (each one cell in from its side, at
/// least one cell between them); otherwise the 签发人 goes on the line below.
pub fn signer_fits(doc_no: &str, signer: &str) -> bool {
    width_cells(doc_no) + width_cells("签发人：") + width_cells(signer) + 3.0
        <= CHARS_PER_LINE as f32
}

/// Horizontal scale (≤ 1) that fits a 发文机关标志 of [`MARK_PT`] characters into the type width.
pub fn mark_scale(mark: &str) -> f32 {
    let width = width_cells(mark) * MARK_PT;
    let room = type_width_mm() * PT_PER_MM;
    if width <= room { 1.0 } else { room / width }
}

/// The typefaces of a 公文.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    /// 仿宋: body, 主送, 发文字号, 署名, 版记.
    FangSong,
    /// 小标宋: the title and the 发文机关标志.
    XiaoBiaoSong,
    /// 黑体: level-1 headings.
    Hei,
    /// 楷体: level-2 headings, the 签发人's name.
    Kai,
    /// 宋体: page numbers.
    Song,
}

impl Face {
    /// Every face.
    pub const ALL: [Face; 5] = [
        Face::FangSong,
        Face::XiaoBiaoSong,
        Face::Hei,
        Face::Kai,
        Face::Song,
    ];

    /// The font name Chinese offices have installed, as the .docx names it.
    pub fn office_name(self) -> &'static str {
        match self {
            Face::FangSong => "仿宋_GB2312",
            Face::XiaoBiaoSong => "方正小标宋简体",
            Face::Hei => "黑体",
            Face::Kai => "楷体_GB2312",
            Face::Song => "宋体",
        }
    }

    /// The font Word and WPS use when the office name is not installed (the .docx's `altName`).
    pub fn office_fallback(self) -> Option<&'static str> {
        match self {
            Face::FangSong => Some("仿宋"),
            Face::XiaoBiaoSong => Some("宋体"),
            Face::Kai => Some("楷体"),
            Face::Hei | Face::Song => None,
        }
    }

    /// The font families the PDF writer looks for, best first: the office fonts (Windows and
    /// many office machines have them), then free stand-ins (README: which prints for which).
    pub fn pdf_families(self) -> &'static [&'static str] {
        match self {
            Face::FangSong => &[
                "仿宋_GB2312",
                "FangSong_GB2312",
                "仿宋",
                "FangSong",
                "STFangsong",
                "华文仿宋",
                "Noto Serif CJK SC",
                "Source Han Serif SC",
                "Source Han Serif CN",
                "思源宋体",
            ],
            Face::XiaoBiaoSong => &[
                "方正小标宋简体",
                "方正小标宋_GBK",
                "FZXiaoBiaoSong-B05S",
                "Noto Serif CJK SC",
                "Source Han Serif SC",
                "Source Han Serif CN",
                "思源宋体",
                "宋体",
                "SimSun",
                "STSong",
            ],
            Face::Hei => &[
                "黑体",
                "SimHei",
                "STHeiti",
                "Noto Sans CJK SC",
                "Source Han Sans SC",
                "Source Han Sans CN",
                "思源黑体",
            ],
            Face::Kai => &[
                "楷体_GB2312",
                "KaiTi_GB2312",
                "楷体",
                "KaiTi",
                "STKaiti",
                "华文楷体",
                "LXGW WenKai",
                "霞鹜文楷",
                "AR PL UKai CN",
            ],
            Face::Song => &[
                "宋体",
                "SimSun",
                "STSong",
                "Noto Serif CJK SC",
                "Source Han Serif SC",
                "Source Han Serif CN",
            ],
        }
    }

    /// Whether this face is drawn bold where a stand-in allows (小标宋 is a heavy 宋).
    pub fn heavy(self) -> bool {
        self == Face::XiaoBiaoSong
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_area_and_grid() {
        assert!((type_width_mm() - 156.0).abs() < 1e-4);
        assert!((type_height_mm() - 225.0).abs() < 1e-4);
        // 22 lines of 28 characters fill the type area.
        assert!((line_pitch_pt() * 22.0 - 225.0 * PT_PER_MM).abs() < 1e-2);
        assert!(char_pitch_pt() < BODY_PT && char_pitch_pt() > 15.7);
    }

    #[test]
    fn closing_steps_two_cells() {
        // 署名 longer than the date: 署名 two cells from the right, the date's first character
        // two cells right of the 署名's.
        let issuer = "某某县重污染天气应急指挥部办公室";
        let date = "2019年12月21日";
        assert_eq!((width_cells(issuer), width_cells(date)), (16.0, 7.0));
        let (a, b) = closing_indents(issuer, date);
        assert_eq!(a, 2.0);
        assert_eq!(16.0 + a - 2.0, 7.0 + b);
        // Date longer: the date two cells from the right.
        let (a, b) = closing_indents("县指挥部", date);
        assert_eq!(b, 2.0);
        assert_eq!(4.0 + a - 2.0, 7.0 + b);
        assert!(mark_scale("某某县重污染天气应急指挥部办公室文件") < 1.0);
        assert_eq!(mark_scale("县政府文件"), 1.0);
    }
}
