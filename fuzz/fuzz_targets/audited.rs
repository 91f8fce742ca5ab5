//! Fuzz the audited daily data loader with arbitrary bytes: it reports problems, never panics.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = airdesk::ingest::parse_audited(std::path::Path::new("fuzz.csv"), data);
});
