//! A province-sized emission-reduction list (20,000 production lines, 12,000 enterprises) read
//! and checked against the plan: `ingest::reduction_list::parse_lists` then
//! `domain::reduction::check_all`, from CSV and from an .xlsx workbook. The list is the sample's
//! (synthetic) 100 lines repeated 200 times with new names and credit codes.
//! Run: `cargo bench --bench reduction`.

use std::hint::black_box;
use std::path::Path;

use airdesk::domain::plan;
use airdesk::domain::reduction::check_all;
use airdesk::ingest::reduction_list::{credit_code, parse_lists};
use criterion::{Criterion, criterion_group, criterion_main};

const COPIES: usize = 200;

/// The sample list's header and rows, each row repeated `COPIES` times as other enterprises.
fn province_rows() -> (Vec<String>, Vec<Vec<String>>) {
    let sample = include_str!("../sample-data/reduction-list.csv");
    let mut lines = sample.trim_start_matches('\u{feff}').lines();
    let split = |l: &str| {
        l.trim_end_matches('\r')
            .split(',')
            .map(str::to_owned)
            .collect()
    };
    let header: Vec<String> = lines.next().map(split).unwrap_or_default();
    let rows: Vec<Vec<String>> = lines.map(split).collect();
    let mut out = Vec::with_capacity(rows.len() * COPIES);
    for copy in 0..COPIES {
        for row in &rows {
            let mut r = row.clone();
            r[1] = format!("{}{copy}", r[1]);
            let digits = r[2].get(11..17).unwrap_or("000000");
            r[2] = credit_code(&format!("91{copy:04}00MA0{digits}")).unwrap_or_default();
            out.push(r);
        }
    }
    (header, out)
}

fn csv_bytes(header: &[String], rows: &[Vec<String>]) -> Vec<u8> {
    let mut text = header.join(",");
    text.push('\n');
    for r in rows {
        text.push_str(&r.join(","));
        text.push('\n');
    }
    text.into_bytes()
}

fn xlsx_bytes(header: &[String], rows: &[Vec<String>]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, cells) in std::iter::once(header)
        .chain(rows.iter().map(Vec::as_slice))
        .enumerate()
    {
        for (c, cell) in cells.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            let written = match cell.parse::<f64>() {
                Ok(v) if c >= 7 => sheet.write_number(r, c, v).map(|_| ()),
                _ => sheet.write_string(r, c, cell).map(|_| ()),
            };
            written.expect("cell written");
        }
    }
    book.save_to_buffer().expect("xlsx")
}

fn bench(c: &mut Criterion) {
    let plan = plan::parse(include_str!("../sample-data/plan.toml")).expect("sample plan");
    let (header, rows) = province_rows();
    assert_eq!(rows.len(), 20_000);
    let csv = csv_bytes(&header, &rows);
    let xlsx = xlsx_bytes(&header, &rows);
    for (name, bytes, file) in [
        ("import_and_check_20000_lines_csv", &csv, "province.csv"),
        ("import_and_check_20000_lines_xlsx", &xlsx, "province.xlsx"),
    ] {
        let check = || {
            let load = parse_lists(&[(Path::new(file), bytes)]);
            assert_eq!(
                load.list.line_count(),
                20_000,
                "{:?}",
                load.problems.first()
            );
            check_all(&load.list, &plan, &plan.reduction.base)
        };
        c.bench_function(name, |b| b.iter(|| black_box(check())));
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
