//! Recognising the columns of an emission-reduction list from their headers, the way provincial
//! templates write them: any order, one or several header rows (a merged 黄色预警 over its
//! 减排措施 and SO2/NOx/PM/VOCs cells), units in the header (吨/年, 千克/日, 吨/日, kg/d, t/a …).

use crate::domain::reduction::Pollutant;

use super::super::sheet::normalise_header;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Field {
    /// 企业名称.
    Name,
    /// 统一社会信用代码.
    CreditCode,
    /// 所属乡镇（街道）.
    Township,
    /// 行业.
    Industry,
    /// 绩效分级.
    Grade,
    /// 生产线/工序.
    Line,
    /// 监管部门.
    Department,
    /// Base (daily) emission of a pollutant.
    Base(Pollutant),
    /// Reduction of a pollutant at a list level (index into `LIST_LEVELS`).
    Reduction(usize, Pollutant),
    /// Measure at a list level.
    Measure(usize),
    /// A key indicator (用电量, 产量 …).
    Indicator,
    /// A person or number (驻厂员, 监管人, 联系电话 …).
    Contact,
}

impl Field {
    /// Whether the column holds an amount in a unit.
    pub fn is_amount(self) -> bool {
        matches!(self, Field::Base(_) | Field::Reduction(..))
    }

    /// Whether the column says which enterprise a row is.
    pub fn is_identity(self) -> bool {
        matches!(self, Field::Name | Field::CreditCode)
    }
}

/// The unit an amount column's header gives.
#[derive(Debug, Clone, PartialEq)]
pub enum Unit {
    /// A known unit: multiply by this to get kg/d.
    Factor(f64),
    /// No unit written: read as kg/d.
    Missing,
    /// Something unit-like that is not known.
    Unknown(String),
}

const NAME: &[&str] = &[
    "企业名称",
    "企业",
    "单位名称",
    "企业（单位）名称",
    "名称",
    "enterprise",
    "company",
    "name",
];
const CREDIT: &[&str] = &[
    "统一社会信用代码",
    "社会信用代码",
    "信用代码",
    "统一信用代码",
    "creditcode",
    "uscc",
];
const TOWNSHIP: &[&str] = &[
    "所属乡镇",
    "乡镇",
    "乡镇街道",
    "乡镇/街道",
    "所在乡镇",
    "所属街道",
    "街道",
    "township",
    "town",
];
const INDUSTRY: &[&str] = &[
    "行业",
    "所属行业",
    "行业类别",
    "行业名称",
    "行业分类",
    "industry",
];
const GRADE: &[&str] = &[
    "绩效分级",
    "绩效等级",
    "绩效级别",
    "分级",
    "企业绩效分级",
    "绩效分级结果",
    "grade",
];
const LINE: &[&str] = &[
    "生产线/工序",
    "生产线",
    "工序",
    "生产线名称",
    "主要生产线",
    "生产线或工序",
    "生产工序",
    "line",
    "process",
];
const DEPARTMENT: &[&str] = &[
    "监管部门",
    "主管部门",
    "行业主管部门",
    "监管单位",
    "department",
];
const CONTACT_WORDS: &[&str] = &[
    "驻厂员",
    "驻厂",
    "监管人",
    "联系人",
    "电话",
    "手机",
    "包保",
    "网格员",
    "contact",
    "phone",
];
const INDICATOR_WORDS: &[&str] = &[
    "用电",
    "电量",
    "产量",
    "产能",
    "用气",
    "用煤",
    "关键指标",
    "indicator",
    "kwh",
];

/// Fold a header for matching: no spaces, ASCII brackets and slashes, lower case, SO₂ as so2.
pub fn fold(header: &str) -> String {
    header
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '／' => '/',
            '₂' => '2',
            '\u{2093}' => 'x', // ₓ, as in NOₓ (escaped: the bundled font has no glyph for it)
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

fn is_one_of(header: &str, names: &[&str]) -> bool {
    let h = normalise_header(header);
    names.iter().any(|n| normalise_header(n) == h)
}

/// The list level a header names (0 yellow, 1 orange, 2 red).
fn level_of(h: &str) -> Option<usize> {
    if ["黄色", "yellow", "Ⅲ级", "三级"]
        .iter()
        .any(|w| h.contains(w))
    {
        return Some(0);
    }
    if ["橙色", "orange", "Ⅱ级", "二级"]
        .iter()
        .any(|w| h.contains(w))
    {
        return Some(1);
    }
    let without_reduction = h.replace("reduction", "").replace("reduce", "");
    ["红色", "Ⅰ级", "一级"]
        .iter()
        .any(|w| h.contains(w))
        .then_some(2)
        .or_else(|| without_reduction.contains("red").then_some(2))
}

/// The pollutant a header names.
fn pollutant_of(h: &str) -> Option<Pollutant> {
    if h.contains("so2") || h.contains("二氧化硫") {
        Some(Pollutant::So2)
    } else if h.contains("nox") || h.contains("氮氧化物") {
        Some(Pollutant::Nox)
    } else if h.contains("voc") || h.contains("挥发性有机物") {
        Some(Pollutant::Vocs)
    } else if ["颗粒物", "烟粉尘", "粉尘", "烟尘", "pm"]
        .iter()
        .any(|w| h.contains(w))
    {
        Some(Pollutant::Pm)
    } else {
        None
    }
}

/// The unit of an amount header (already folded).
pub fn unit_of(h: &str) -> Unit {
    const UNITS: &[(&str, f64)] = &[
        ("kg/d", 1.0),
        ("千克/日", 1.0),
        ("千克/天", 1.0),
        ("公斤/日", 1.0),
        ("公斤/天", 1.0),
        ("kg/天", 1.0),
        ("kg/a", 1.0 / 365.0),
        ("千克/年", 1.0 / 365.0),
        ("公斤/年", 1.0 / 365.0),
        ("kg/h", 24.0),
        ("千克/小时", 24.0),
        ("千克/时", 24.0),
        ("t/a", 1000.0 / 365.0),
        ("吨/年", 1000.0 / 365.0),
        ("吨每年", 1000.0 / 365.0),
        ("t/d", 1000.0),
        ("吨/日", 1000.0),
        ("吨/天", 1000.0),
        ("吨每天", 1000.0),
    ];
    if let Some((_, f)) = UNITS.iter().find(|(u, _)| h.contains(u)) {
        return Unit::Factor(*f);
    }
    let bracketed = h
        .split_once('(')
        .map(|(_, rest)| rest.split(')').next().unwrap_or(rest));
    if h.contains('吨') || h.contains('克') || h.contains('/') {
        return Unit::Unknown(bracketed.unwrap_or(h).to_owned());
    }
    Unit::Missing
}

/// What a header names, or `None` for a column the list does not use (序号, 备注, ratios …).
pub fn classify(header: &str) -> Option<Field> {
    if header.trim().is_empty() {
        return None;
    }
    for (names, field) in [
        (NAME, Field::Name),
        (CREDIT, Field::CreditCode),
        (TOWNSHIP, Field::Township),
        (INDUSTRY, Field::Industry),
        (GRADE, Field::Grade),
        (LINE, Field::Line),
        (DEPARTMENT, Field::Department),
    ] {
        if is_one_of(header, names) {
            return Some(field);
        }
    }
    let h = fold(header);
    let level = level_of(&h);
    if let Some(level) = level
        && h.contains("措施")
    {
        return Some(Field::Measure(level));
    }
    if h.contains("比例") || h.contains('%') || h.contains("百分") {
        return None;
    }
    if let Some(p) = pollutant_of(&h) {
        return match level {
            Some(level) => Some(Field::Reduction(level, p)),
            None if h.contains("减排") => None,
            None if ["基准", "排放量", "基数", "排放"]
                .iter()
                .any(|w| h.contains(w)) =>
            {
                Some(Field::Base(p))
            }
            None => None,
        };
    }
    if CONTACT_WORDS.iter().any(|w| h.contains(w)) {
        return Some(Field::Contact);
    }
    if INDICATOR_WORDS.iter().any(|w| h.contains(w)) {
        return Some(Field::Indicator);
    }
    None
}

/// Whether a row can be the (first) header row: it names the enterprise and at least one thing
/// about it (a merged 黄色预警 or 基准排放量 over a second header row counts).
pub fn is_header(cells: &[String]) -> bool {
    let fields: Vec<Field> = cells.iter().filter_map(|c| classify(c)).collect();
    fields.iter().any(|f| f.is_identity())
        && (fields.iter().any(|f| !f.is_identity())
            || cells.iter().any(|c| {
                let h = fold(c);
                level_of(&h).is_some() || h.contains("排放")
            }))
}

/// Whether a row under the header continues it (the second row of a two-row header): it names
/// pollutants or measures and holds no enterprise.
pub fn is_sub_header(cells: &[String], identity_columns: &[usize]) -> bool {
    let no_identity = identity_columns
        .iter()
        .all(|&c| cells.get(c).is_none_or(|t| t.trim().is_empty()));
    no_identity
        && cells.iter().any(|c| {
            let h = fold(c);
            pollutant_of(&h).is_some() || h.contains("措施")
        })
        && cells.iter().all(|c| c.trim().parse::<f64>().is_err())
}

/// Join a header row with the row under it: a cell under a merged cell (empty above, except at
/// the merge's first column) takes the text of the merged cell.
pub fn combine(top: &[String], sub: &[String]) -> Vec<String> {
    let n = top.len().max(sub.len());
    let mut out = Vec::with_capacity(n);
    let mut carried = String::new();
    for i in 0..n {
        let t = top.get(i).map_or("", |s| s.trim());
        let s = sub.get(i).map_or("", |s| s.trim());
        if !t.is_empty() {
            carried = t.to_owned();
        }
        out.push(match (t.is_empty(), s.is_empty()) {
            (_, true) => t.to_owned(),
            (false, false) => format!("{t} {s}"),
            (true, false) if carried.is_empty() => s.to_owned(),
            (true, false) => format!("{carried} {s}"),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_of_provincial_templates() {
        for (h, f) in [
            ("企业名称", Field::Name),
            ("统一社会信用代码", Field::CreditCode),
            ("所属乡镇（街道）", Field::Township),
            ("行业", Field::Industry),
            ("绩效分级", Field::Grade),
            ("生产线/工序", Field::Line),
            ("SO2基准排放量（吨/年）", Field::Base(Pollutant::So2)),
            ("二氧化硫日排放量(kg/d)", Field::Base(Pollutant::So2)),
            ("颗粒物排放量", Field::Base(Pollutant::Pm)),
            ("黄色预警减排措施", Field::Measure(0)),
            ("橙色预警 减排措施", Field::Measure(1)),
            ("红色预警期间采取的措施", Field::Measure(2)),
            (
                "黄色预警NOx减排量（吨/年）",
                Field::Reduction(0, Pollutant::Nox),
            ),
            ("橙色预警 烟粉尘", Field::Reduction(1, Pollutant::Pm)),
            (
                "红色预警VOCs减排量(t/d)",
                Field::Reduction(2, Pollutant::Vocs),
            ),
            (
                "Red reduction SO2 (kg/d)",
                Field::Reduction(2, Pollutant::So2),
            ),
            ("Yellow reduction NOx", Field::Reduction(0, Pollutant::Nox)),
            ("驻厂员", Field::Contact),
            ("监管人联系电话", Field::Contact),
            ("用电量（kWh/d）", Field::Indicator),
            ("监管部门", Field::Department),
        ] {
            assert_eq!(classify(h), Some(f), "{h}");
        }
        for h in ["序号", "备注", "黄色预警SO2减排比例（%）", "SO2减排量", ""] {
            assert_eq!(classify(h), None, "{h}");
        }
    }

    #[test]
    fn units_in_headers() {
        let f = |h: &str| unit_of(&fold(h));
        assert_eq!(f("SO2（吨/年）"), Unit::Factor(1000.0 / 365.0));
        assert_eq!(f("SO2(t/a)"), Unit::Factor(1000.0 / 365.0));
        assert_eq!(f("SO2（千克/日）"), Unit::Factor(1.0));
        assert_eq!(f("SO2 kg/d"), Unit::Factor(1.0));
        assert_eq!(f("SO2（吨/日）"), Unit::Factor(1000.0));
        assert_eq!(f("SO2（kg/h）"), Unit::Factor(24.0));
        assert_eq!(f("SO2排放量"), Unit::Missing);
        assert_eq!(f("SO2（万吨）"), Unit::Unknown("万吨".into()));
    }

    #[test]
    fn two_row_headers_combine_under_merged_cells() {
        let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
        let top = s(&["企业名称", "基准排放量（吨/年）", "", "黄色预警", "", ""]);
        let sub = s(&["", "SO2", "NOx", "减排措施", "SO2", "NOx"]);
        assert!(is_header(&top));
        assert!(is_sub_header(&sub, &[0]));
        assert!(!is_sub_header(&s(&["甲公司", "SO2"]), &[0]));
        let h = combine(&top, &sub);
        assert_eq!(h[2], "基准排放量（吨/年） NOx");
        assert_eq!(h[3], "黄色预警 减排措施");
        assert_eq!(classify(&h[2]), Some(Field::Base(Pollutant::Nox)));
        assert_eq!(classify(&h[5]), Some(Field::Reduction(0, Pollutant::Nox)));
        assert_eq!(unit_of(&fold(&h[2])), Unit::Factor(1000.0 / 365.0));
    }
}
