//! The loaders on the complete real files in `/work/shared/data` (not part of the project, so
//! these tests are `#[ignore]`d and skip when the folder is absent). Expected counts were
//! computed independently with Python's csv/json modules over the same files.
//!
//! Run with `cargo test --test loaders_real_data -- --ignored`.

use std::path::{Path, PathBuf};

use airdesk::ingest::{self, Format};

const DATA: &str = "/work/shared/data";

fn real(rel: &str) -> Option<PathBuf> {
    let p = Path::new(DATA).join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("{} absent; skipped", p.display());
        None
    }
}

#[test]
#[ignore = "needs /work/shared/data"]
fn full_files_load_with_the_expected_counts() {
    let cases: [(&str, Format, u64); 5] = [
        // Non-empty cells of datetime,PM2.5,O3,NO2,CO,SO2 (none negative).
        (
            "haikou-1410A-2014-2023/PM2.5NO2SO2O3CO_1410A.csv",
            Format::Table,
            366_640,
        ),
        // Rows of the 8 used pollutants with a number, not -9999, on a whole hour, not negative
        // (temperature aside), one per location/pollutant/hour.
        (
            "openaq/openaq_opendatasoft_export_2024-04.csv",
            Format::OpenAqOpenDataSoft,
            18_509,
        ),
        // Non-null values of the loaded variables over all models.
        (
            "open-meteo/forecast_multimodel_45.75N_12.75E_2025-11-24.json",
            Format::OpenMeteoJson,
            11_541,
        ),
        (
            "openaq/openaq_api_v1_csv_kabul_2019-12.csv",
            Format::OpenAqV1,
            24,
        ),
        // 6 soundings × (inversion strength, mixing height).
        (
            "cma-soundings/S202005311110174154203.txt",
            Format::CmaSounding,
            12,
        ),
    ];
    for (rel, format, values) in cases {
        let Some(path) = real(rel) else { continue };
        let (_, report) = ingest::parse_file(&path);
        assert_eq!(report.format, Some(format), "{rel}");
        assert_eq!(report.values_kept, values, "{rel}");
    }
}

#[test]
#[ignore = "needs /work/shared/data"]
fn every_real_file_is_recognised_or_refused_clearly() {
    let Some(root) = real("") else { return };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("data folder")
        .flatten()
        .filter(|e| e.path().is_dir())
        .flat_map(|d| std::fs::read_dir(d.path()).expect("folder").flatten())
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let mut store = airdesk::store::Store::new();
    let report = ingest::load_paths(&files, &mut store);
    for f in &report.files {
        let name = f.path.display().to_string();
        let doc = name.ends_with("readme.txt")
            || name.ends_with("weather_info.txt")
            || name.ends_with("README.md");
        if doc {
            assert!(f.failed(), "{name} is documentation, not data");
            assert_eq!(f.problems[0].reason, airdesk::ingest::Reason::UnknownFormat);
        } else {
            assert!(
                f.format.is_some() && !f.failed(),
                "{name}: {:?}",
                f.problems.first()
            );
        }
    }
}
