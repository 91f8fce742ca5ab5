//! Fuzz the emission-reduction list importer (CSV or spreadsheet bytes) and check its result.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let path = std::path::Path::new("fuzz-input");
    let load = airdesk::ingest::reduction_list::parse_lists(&[(path, data)]);
    assert!(load.problems.iter().all(|p| p.file == path));
    assert!(load.problems.iter().all(|p| p.row != Some(0)));
    for e in &load.list.enterprises {
        assert!(!e.lines.is_empty());
        for line in &e.lines {
            let amounts = line.reduction.iter().chain(std::iter::once(&line.base));
            assert!(amounts.flat_map(|a| a.0).all(|v| v.is_finite() && v >= 0.0));
        }
    }
});
