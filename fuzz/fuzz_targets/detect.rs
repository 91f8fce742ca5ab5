//! Fuzz format detection and whichever loader it picks (gzip unpacking included).
#![no_main]

include!("common.rs");

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    run(None, data);
});
