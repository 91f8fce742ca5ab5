use std::path::Path;

use proptest::prelude::*;

use super::*;
use crate::domain::plan::Level;
use crate::i18n::{Render, Tr};
use crate::workspace::Language;

fn load(csv: &str) -> ListLoad {
    parse_lists(&[(Path::new("list.csv"), csv.as_bytes())])
}

fn code(n: u32) -> String {
    credit_code(&format!("91130400MA0{n:06}")).expect("code")
}

fn reasons(l: &ListLoad) -> Vec<String> {
    l.problems
        .iter()
        .map(|p| format!("{:?} {:?} {}", p.row, p.column, p.render(Tr(Language::En))))
        .collect()
}

#[test]
fn one_row_per_line_grouped_by_credit_code_with_units_converted() {
    let csv = format!(
        "2019年某县应急减排清单\n\
         序号,企业名称,统一社会信用代码,所属乡镇（街道）,行业,绩效分级,生产线/工序,\
         SO2基准排放量（吨/年）,NOx基准排放量（千克/日）,黄色预警减排措施,黄色预警SO2减排量（吨/年）,\
         橙色预警减排措施,橙色预警SO2减排量（吨/年）,红色预警减排措施,红色预警SO2减排量（吨/年）,\
         红色预警NOx减排量(kg/d),用电量（kWh/d）,驻厂员,联系电话\n\
         1,甲钢铁公司,{a},河东镇,钢铁,C级,1号烧结机,365,50,限产20%,73,停产,146,停产,365,50,12000,张三,13800000001\n\
         2,甲钢铁公司,{a},河东镇,钢铁,C,2号高炉,730,0,限产20%,146,限产50%,365,停产,730,0,30000,张三,13800000001\n\
         3,乙砖厂,,城关镇,砖瓦窑,D,,36.5,10,停产,36.5,停产,36.5,停产,36.5,10,,,\n\
         合计,,,,,,,1131.5,60,,255.5,,547.5,,1131.5,60,,,\n",
        a = code(1)
    );
    let l = load(&csv);
    assert!(l.problems.is_empty(), "{:?}", reasons(&l));
    assert_eq!(l.list.enterprises.len(), 2);
    assert_eq!(l.list.line_count(), 3);
    let a = &l.list.enterprises[0];
    assert_eq!(a.key, code(1));
    assert_eq!(a.grade, Grade::C);
    assert_eq!(a.township, "河东镇");
    assert_eq!(a.lines[1].source, (0, 4), "the file's line");
    let so2 = a.base().get(Pollutant::So2);
    assert!(
        (so2 - 3000.0).abs() < 1e-9,
        "1095 t/a = 3000 kg/d, got {so2}"
    );
    assert_eq!(a.base().get(Pollutant::Nox), 50.0, "kg/d taken as written");
    assert!((a.reduction(Level::Orange).get(Pollutant::So2) - 1400.0).abs() < 1e-9);
    assert_eq!(a.measure(Level::Yellow), "限产20%");
    assert_eq!(
        a.measure(Level::Orange),
        "1号烧结机：停产；2号高炉：限产50%"
    );
    assert_eq!(a.contacts.len(), 2, "the same contacts once");
    assert_eq!(a.lines[0].indicators[0].1, "12000");
    let b = &l.list.enterprises[1];
    assert_eq!(b.key, "乙砖厂", "grouped by name without a code");
    assert_eq!(b.grade, Grade::D);
    assert_eq!(l.list.by_grade().get(&Grade::C), Some(&1));
    assert_eq!(l.list.files[0].sha256.len(), 64);
}

#[test]
fn every_bad_row_is_a_problem_with_row_column_and_reason_and_the_rest_loads() {
    let bad_code = {
        let mut c = code(7);
        let last = if c.ends_with('0') { '1' } else { '0' };
        c.pop();
        c.push(last);
        c
    };
    let csv = format!(
        "企业名称,统一社会信用代码,乡镇,行业,绩效分级,生产线,SO2排放量(kg/d),\
         黄色预警SO2减排量(kg/d),橙色预警SO2减排量(kg/d),红色预警SO2减排量(kg/d)\n\
         好企业,,城关镇,水泥,B,,100,10,20,30\n\
         ,,,,,三线,100,10,20,30\n\
         等级错,,城关镇,水泥,E,,100,10,20,30\n\
         负数,,城关镇,水泥,B,,100,-1,20,30\n\
         文字,,城关镇,水泥,B,,很多,10,20,30\n\
         超基数,,城关镇,水泥,B,,100,10,20,130\n\
         倒挂,,城关镇,水泥,B,,100,10,5,30\n\
         好企业,,河东镇,水泥,B,二线,100,10,20,30\n\
         好企业,,城关镇,水泥,B,,100,10,20,30\n\
         校验错,{bad_code},城关镇,水泥,B,,100,10,20,30\n\
         ,,,,,四线,100,10,20,30\n\
         无等级,,城关镇,水泥,,,100,10,20,30\n"
    );
    let l = load(&csv);
    let r = reasons(&l);
    assert_eq!(l.list.enterprises.len(), 1, "{r:?}");
    assert_eq!(
        l.list.line_count(),
        2,
        "the continuation row joins 好企业: {r:?}"
    );
    let expect = [
        (4, "绩效分级", "Unknown performance grade “E”"),
        (5, "黄色预警SO2减排量(kg/d)", "cannot be negative (-1)"),
        (6, "SO2排放量(kg/d)", "“很多” is not a number"),
        (
            7,
            "红色预警SO2减排量(kg/d)",
            "Reduction 130.000 kg/d is above the base emission 100.000",
        ),
        (
            8,
            "橙色预警SO2减排量(kg/d)",
            "orange warning reduction 5.000 kg/d is smaller than the yellow warning one",
        ),
        (9, "乡镇", "has “城关镇” on row 2, here “河东镇”"),
        (10, "生产线", "Same enterprise and production line as row 2"),
        (11, "统一社会信用代码", "fails its check character"),
        (12, "企业名称", "no enterprise above to continue"),
        (13, "绩效分级", "No performance grade"),
    ];
    for (row, column, text) in expect {
        assert!(
            l.problems.iter().any(|p| p.row == Some(row)
                && p.column.as_deref() == Some(column)
                && p.render(Tr(Language::En)).contains(text)),
            "row {row} {column} {text}: {r:?}"
        );
    }
    assert_eq!(l.problems.len(), expect.len(), "{r:?}");
    let zh = l.problems[0].render(Tr(Language::Zh));
    assert!(
        zh.contains("未知的绩效分级“E”") && zh.contains("该行未载入"),
        "{zh}"
    );
}

#[test]
fn file_problems_headers_without_units_and_unknown_units() {
    let l = load("a,b\n1,2\n");
    assert!(l.nothing_usable());
    assert_eq!(l.problems[0].issue, Issue::NoHeader);
    assert_eq!(l.problems[0].row, None);
    let l = load("企业名称,绩效分级,SO2排放量,NOx排放量（万吨）\n甲,A,5,1\n");
    assert!(!l.nothing_usable());
    assert_eq!(l.problems.len(), 2, "{:?}", reasons(&l));
    assert_eq!(l.problems[0].issue, Issue::NoUnit);
    assert_eq!(l.problems[0].row, Some(1), "the header row");
    assert_eq!(l.problems[1].issue, Issue::UnknownUnit("万吨".into()));
    assert_eq!(l.list.enterprises[0].base().get(Pollutant::So2), 5.0);
    assert_eq!(
        l.list.enterprises[0].base().get(Pollutant::Nox),
        0.0,
        "column not used"
    );
    let l = read_lists(&[std::path::PathBuf::from("/no/such/list.csv")]);
    assert!(l.nothing_usable());
    assert!(
        l.problems[0]
            .render(Tr(Language::Zh))
            .starts_with("读取问题")
    );
}

#[test]
fn xlsx_with_a_two_row_header_and_merged_enterprise_cells() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    let fmt = rust_xlsxwriter::Format::new();
    let put = |ws: &mut rust_xlsxwriter::Worksheet, r: u32, c: u16, t: &str| {
        ws.write_string(r, c, t).expect("write");
    };
    ws.merge_range(0, 0, 0, 9, "某县重污染天气应急减排清单", &fmt)
        .expect("merge");
    for (c, t) in ["企业名称", "绩效分级", "所属乡镇（街道）", "生产线/工序"]
        .iter()
        .enumerate()
    {
        ws.merge_range(1, c as u16, 2, c as u16, t, &fmt)
            .expect("merge");
    }
    ws.merge_range(1, 4, 1, 5, "基准排放量（吨/年）", &fmt)
        .expect("merge");
    ws.merge_range(1, 6, 1, 9, "橙色预警（减排量：吨/年）", &fmt)
        .expect("merge");
    for (c, t) in [
        (4, "SO2"),
        (5, "VOCs"),
        (6, "减排措施"),
        (7, "SO2"),
        (8, "VOCs"),
        (9, "颗粒物"),
    ] {
        put(ws, 2, c, t);
    }
    ws.merge_range(3, 0, 4, 0, "丙化工有限公司", &fmt)
        .expect("merge");
    ws.merge_range(3, 1, 4, 1, "民生保障", &fmt).expect("merge");
    ws.merge_range(3, 2, 4, 2, "东城街道", &fmt).expect("merge");
    for (r, line, so2, vocs) in [(3, "导热油炉", 365.0, 0.0), (4, "涂装线", 0.0, 730.0)] {
        put(ws, r, 3, line);
        ws.write_number(r, 4, so2).expect("write");
        ws.write_number(r, 5, vocs).expect("write");
        put(ws, r, 6, "以热定产");
        ws.write_number(r, 7, so2 / 2.0).expect("write");
        ws.write_number(r, 8, vocs / 2.0).expect("write");
        put(ws, r, 9, "/");
    }
    ws.write_string(5, 1, "E").expect("write");
    let bytes = book.save_to_buffer().expect("xlsx");
    let l = parse_lists(&[(Path::new("list.xlsx"), &bytes)]);
    let e = &l.list.enterprises;
    assert_eq!(e.len(), 1, "{:?}", reasons(&l));
    assert_eq!(e[0].grade, Grade::Livelihood);
    assert_eq!(e[0].lines.len(), 2);
    assert_eq!(e[0].lines[1].source.1, 5, "spreadsheet row number");
    assert_eq!(e[0].measure(Level::Orange), "以热定产");
    let vocs = e[0].reduction(Level::Orange).get(Pollutant::Vocs);
    assert!(
        (vocs - 1000.0).abs() < 1e-9,
        "365 t/a = 1000 kg/d, got {vocs}"
    );
    // Row 6 continues the enterprise but its grade differs.
    assert_eq!(l.problems.len(), 1, "{:?}", reasons(&l));
    assert_eq!(l.problems[0].row, Some(6));
    assert_eq!(l.problems[0].column.as_deref(), Some("绩效分级"));
}

#[test]
fn credit_codes_check_their_last_character() {
    assert!(credit_code_ok("91350100M000100Y43"), "a published example");
    assert!(!credit_code_ok("91350100M000100Y44"));
    assert!(
        credit_code_ok("130400123456789"),
        "old registration numbers pass"
    );
    assert_eq!(
        credit_code("91350100M000100Y4").as_deref(),
        Some("91350100M000100Y43")
    );
    assert_eq!(credit_code("short"), None);
}

/// A synthetic line: grade, base and three non-decreasing reductions (kg/d).
fn arb_line() -> impl Strategy<Value = (usize, [f64; 4], [[f64; 4]; 3])> {
    (0..7usize, prop::array::uniform4(0u32..100_000)).prop_flat_map(|(g, base)| {
        let reductions = prop::array::uniform4(prop::array::uniform3(0u32..=1000));
        (Just(g), Just(base), reductions).prop_map(|(g, base, r)| {
            let base = base.map(|b| f64::from(b) / 10.0);
            let mut levels = [[0.0; 4]; 3];
            for p in 0..4 {
                let mut share = r[p].map(|x| f64::from(x) / 1000.0);
                share.sort_by(f64::total_cmp);
                for l in 0..3 {
                    levels[l][p] = (base[p] * share[l] * 10.0).floor() / 10.0;
                }
            }
            (g, base, levels)
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn consistent_lists_load_whole_in_any_column_order_and_unit(
        lines in prop::collection::vec(arb_line(), 1..20),
        order in Just((1..21usize).collect::<Vec<_>>()).prop_shuffle(),
        tonnes in any::<bool>(),
    ) {
        let (unit, per_kg) = if tonnes { ("吨/日", 0.001) } else { ("千克/日", 1.0) };
        let p = ["SO2", "NOx", "颗粒物", "VOCs"];
        let mut header = vec![
            "企业名称".to_owned(),
            "绩效分级".to_owned(),
            "生产线".to_owned(),
            "行业".to_owned(),
            "所属乡镇".to_owned(),
        ];
        header.extend(p.iter().map(|p| format!("{p}基准排放量（{unit}）")));
        for level in ["黄色预警", "橙色预警", "红色预警"] {
            header.extend(p.iter().map(|p| format!("{level}{p}减排量（{unit}）")));
        }
        // Every column but the name (which stays first) in a shuffled order.
        let mut csv = String::new();
        let cols: Vec<usize> = std::iter::once(0).chain(order.iter().copied()).collect();
        csv.push_str(&cols.iter().map(|&c| header[c].clone()).collect::<Vec<_>>().join(","));
        csv.push('\n');
        for (i, (g, base, red)) in lines.iter().enumerate() {
            let mut cells = vec![
                format!("企业{}", i % 5),
                Grade::ALL[*g].label().to_owned(),
                format!("线{i}"),
                "钢铁".to_owned(),
                "城关镇".to_owned(),
            ];
            cells.extend(base.iter().map(|b| format!("{}", b * per_kg)));
            for level in red {
                cells.extend(level.iter().map(|r| format!("{}", r * per_kg)));
            }
            csv.push_str(&cols.iter().map(|&c| cells[c].clone()).collect::<Vec<_>>().join(","));
            csv.push('\n');
        }
        let l = load(&csv);
        // Rows of one name with another grade are conflicts; every other row loads.
        let loaded = l.list.line_count();
        prop_assert_eq!(loaded + l.problems.len(), lines.len(), "{:?}", reasons(&l));
        for p in &l.problems {
            prop_assert!(matches!(p.issue, Issue::Conflict { .. }), "{:?}", reasons(&l));
        }
        for e in &l.list.enterprises {
            for line in &e.lines {
                let i: usize = line.name.trim_start_matches('线').parse().expect("line number");
                let (_, base, red) = &lines[i];
                for (k, pol) in Pollutant::ALL.into_iter().enumerate() {
                    prop_assert!((line.base.get(pol) - base[k]).abs() < 1e-6);
                    for (got, want) in line.reduction.iter().zip(red) {
                        prop_assert!((got.get(pol) - want[k]).abs() < 1e-6);
                    }
                }
            }
        }
    }

    #[test]
    fn any_bytes_never_panic_and_problems_name_the_file(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let l = parse_lists(&[(Path::new("x.csv"), &bytes)]);
        for p in &l.problems {
            prop_assert_eq!(p.file.as_path(), Path::new("x.csv"));
        }
        for e in &l.list.enterprises {
            prop_assert!(!e.lines.is_empty());
            for line in &e.lines {
                prop_assert!(line.base.0.iter().all(|v| v.is_finite() && *v >= 0.0));
            }
        }
    }

    #[test]
    fn header_like_text_with_random_cells_never_panics(cells in prop::collection::vec("[0-9a-zA-Z甲乙,/\\- ]{0,8}", 0..60)) {
        let mut csv = String::from("企业名称,绩效分级,SO2排放量(t/a),黄色预警SO2减排量(t/a),红色预警SO2减排量(t/a)\n");
        for chunk in cells.chunks(5) {
            csv.push_str(&chunk.join(","));
            csv.push('\n');
        }
        let l = load(&csv);
        let loaded = l.list.line_count() as u64;
        prop_assert!(loaded <= cells.len() as u64);
    }
}
