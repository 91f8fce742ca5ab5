//! Fuzz the OpenMeteoJson loader with arbitrary bytes (detection skipped).
#![no_main]

include!("common.rs");

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    run(Some(airdesk::ingest::Format::OpenMeteoJson), data);
});
