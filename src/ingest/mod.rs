//! Loaders: one module per file format, all feeding the one [`Store`].
//!
//! The format is detected from the content, never from the file name. Every load returns a
//! [`FileReport`]; bad input never panics and never stops the other files.

mod aqi_forecast;
mod cnemc;
pub mod findings;
mod number;
mod prsa;
mod report;
pub mod roster;
pub mod sheet;
mod station_list;
mod text;

pub use aqi_forecast::{load_forecast, parse_forecast};
pub use number::{Cell, NumberFormat, check_range};
pub use prsa::SINGLE_SITE_CODE as PRSA_SINGLE_SITE_CODE;
pub use report::{FileReport, LoadReport, MAX_PROBLEMS_PER_FILE, Problem, Severity};
pub use text::{Decoded, decode};

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::store::{Batch, Store};

/// The file formats AirDesk reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// CNEMC national feed daily site file: `date,hour,type,<station codes>`.
    CnemcSites,
    /// CNEMC station list (站点列表): code, name, city, longitude, latitude, ….
    StationList,
    /// UCI Beijing PM2.5 single-site file: `No,year,month,day,hour,pm2.5,DEWP,…,cbwd,Iws,Is,Ir`.
    PrsaSingleSite,
    /// UCI Beijing Multi-Site Air-Quality file: `No,year,…,RAIN,wd,WSPM,station`.
    PrsaMultiSite,
    /// Daily AQI forecast: `date,aqi_min,aqi_max[,primary]` (日期,AQI下限,AQI上限,首要污染物).
    AqiForecast,
}

impl Format {
    /// Short human name for reports.
    pub fn label(self) -> &'static str {
        match self {
            Format::CnemcSites => "CNEMC site file (china_sites)",
            Format::StationList => "CNEMC station list (站点列表)",
            Format::PrsaSingleSite => "UCI Beijing PM2.5, single site (PRSA)",
            Format::PrsaMultiSite => "UCI Beijing Multi-Site Air-Quality (PRSA)",
            Format::AqiForecast => "AQI forecast (AQI预报: 日期,AQI下限,AQI上限)",
        }
    }
}

/// What the loaders can recognise, for the "unknown format" message.
pub const EXPECTED_FORMATS: &str = "a CNEMC site file (date,hour,type,<station codes>), a station \
    list (监测点编码,监测点名称,城市,经度,纬度…), \
    a UCI Beijing PRSA file (No,year,month,day,hour,pm2.5,…), \
    an AQI forecast (date,aqi_min,aqi_max or 日期,AQI下限,AQI上限)";

/// Recognise a format from the first bytes of a file.
pub fn detect(bytes: &[u8]) -> Option<Format> {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let decoded = decode(head);
    let first = text::first_line(&decoded.text);
    if cnemc::looks_like(first) {
        return Some(Format::CnemcSites);
    }
    if station_list::looks_like(first) {
        return Some(Format::StationList);
    }
    match prsa::layout(first) {
        Some(prsa::Layout::SingleSite) => return Some(Format::PrsaSingleSite),
        Some(prsa::Layout::MultiSite) => return Some(Format::PrsaMultiSite),
        None => {}
    }
    if aqi_forecast::looks_like(first) {
        return Some(Format::AqiForecast);
    }
    None
}

/// Parse one file's bytes into a batch. Never panics; problems go into the report.
pub fn parse_bytes(path: &Path, bytes: &[u8]) -> (Batch, FileReport) {
    let mut report = FileReport::new(path);
    let mut batch = Batch::new(path.to_path_buf());
    match detect(bytes) {
        Some(format) => {
            report.format = Some(format);
            match format {
                Format::CnemcSites => cnemc::parse(bytes, &mut batch, &mut report),
                Format::StationList => station_list::parse(bytes, &mut batch, &mut report),
                Format::PrsaSingleSite => {
                    prsa::parse(bytes, prsa::Layout::SingleSite, &mut batch, &mut report)
                }
                Format::PrsaMultiSite => {
                    prsa::parse(bytes, prsa::Layout::MultiSite, &mut batch, &mut report)
                }
                // Daily ranges do not go into the store; parsed here for the report only.
                Format::AqiForecast => {
                    aqi_forecast::parse(bytes, &mut report, None);
                    return (batch, report);
                }
            }
            report.summarise(&batch);
        }
        None if bytes.is_empty() => report.fatal("the file is empty"),
        None => report.fatal(format!("unknown format: expected {EXPECTED_FORMATS}")),
    }
    (batch, report)
}

/// Read and parse one file.
pub fn parse_file(path: &Path) -> (Batch, FileReport) {
    match std::fs::read(path) {
        Ok(bytes) => parse_bytes(path, &bytes),
        Err(e) => {
            let mut report = FileReport::new(path);
            report.fatal(format!("cannot read the file: {e}"));
            (Batch::new(path.to_path_buf()), report)
        }
    }
}

/// Load many files into `store`: parsed in parallel on all cores while this thread merges them
/// one by one in path order, so that the result does not depend on the order the files were given
/// in. Values that conflict with ones already held are reported as warnings of the file that
/// brought them.
pub fn load_paths(paths: &[PathBuf], store: &mut Store) -> LoadReport {
    let mut sorted: Vec<&PathBuf> = paths.iter().collect();
    sorted.sort();
    sorted.dedup();
    let mut report = LoadReport::default();
    let (tx, rx) = std::sync::mpsc::channel::<(usize, (Batch, FileReport))>();
    std::thread::scope(|scope| {
        let sorted = &sorted;
        scope.spawn(move || {
            sorted
                .par_iter()
                .enumerate()
                .for_each_with(tx, |tx, (i, path)| {
                    // The receiver lives until every sender is gone; a failed send cannot happen.
                    let _ = tx.send((i, parse_file(path)));
                });
        });
        let mut pending = std::collections::BTreeMap::new();
        let mut next = 0;
        for (i, parsed) in rx {
            pending.insert(i, parsed);
            while let Some((batch, file_report)) = pending.remove(&next) {
                report.files.push(merge_one(store, batch, file_report));
                next += 1;
            }
        }
    });
    report
}

/// Merge one parsed file, turning merge conflicts into warnings of its report.
fn merge_one(store: &mut Store, batch: Batch, mut file_report: FileReport) -> FileReport {
    for c in store.merge(batch) {
        file_report.problem(
            Severity::Warning,
            None,
            Some(format!("{} {}", c.station, c.variable.code())),
            format!(
                "value {} at {} differs from {} already loaded from another file; kept {}",
                c.rejected,
                c.hour.to_local(c.utc_offset_s).format("%Y-%m-%d %H:00"),
                c.kept,
                c.kept
            ),
            None,
        );
    }
    file_report
}
