//! Fuzz the xlsx reader with arbitrary sparse cells under an arbitrary `<dimension ref>`: the
//! workbook is built from the fuzzer's bytes (tests/common/sparse_xlsx.rs), so far cells,
//! reversed or junk dimensions and cells past XFD1048576 reach the streaming reader.
#![no_main]

include!("common.rs");
include!("../../tests/common/sparse_xlsx.rs");

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&len, rest)) = data.split_first() else {
        return;
    };
    let (dim, rest) = rest.split_at(usize::from(len).min(rest.len()));
    let dimension = String::from_utf8_lossy(dim);
    let cells: Vec<(u32, u32, SparseValue)> = rest
        .chunks_exact(9)
        .map(|c| {
            let row = u32::from_le_bytes([c[0], c[1], c[2], 0]) % 1_048_600;
            let col = u32::from(u16::from_le_bytes([c[3], c[4]])) % 16_400;
            let raw = i32::from_le_bytes([c[5], c[6], c[7], c[8]]);
            let value = if raw % 3 == 0 {
                SparseValue::Text(format!("{raw}时"))
            } else {
                SparseValue::Number(f64::from(raw) / 100.0)
            };
            (row, col, value)
        })
        .collect();
    run(
        Some(airdesk::ingest::Format::Workbook),
        &sparse_xlsx(&dimension, &cells),
    );
});
