//! Loaders: one module per file format, all feeding the one [`Store`].
//!
//! The format is detected from the content, never from the file name. Every load returns a
//! [`FileReport`]; bad input never panics and never stops the other files.

mod aqi_forecast;
mod audited;
mod base_layer;
mod cma_sounding;
mod cnemc;
mod collect;
pub mod contacts;
pub mod feedback_form;
pub mod findings;
pub mod input;
mod long;
mod number;
mod open_meteo;
mod open_meteo_csv;
mod open_meteo_json;
mod openaq;
mod openaq_archive;
mod openaq_ods;
mod openaq_v1;
pub mod photo;
pub mod profile;
mod prsa;
pub mod reason;
pub mod reduction_list;
mod report;
pub mod roster;
pub mod sheet;
pub mod stamp;
mod station_list;
pub mod table;
mod text;
pub mod units;
pub mod workbook;

pub use aqi_forecast::{load_forecast, parse_forecast};
pub use audited::{AUDITED_DIR, load_audited, parse_audited};
pub use base_layer::{BaseLayer, MAX_POINTS as MAX_BASE_LAYER_POINTS, load_base_layer};
pub use number::{Cell, NumberFormat, check_range};
pub use prsa::SINGLE_SITE_CODE as PRSA_SINGLE_SITE_CODE;
pub use reason::{CellError, Note, Reason, Then};
pub use report::{FileReport, LoadReport, MAX_PROBLEMS_PER_FILE, Problem, Severity};
pub use text::{Decoded, decode};

use std::borrow::Cow;
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
    /// Open-Meteo JSON response (forecast or air-quality API; one location or an array).
    OpenMeteoJson,
    /// Open-Meteo CSV response (`format=csv`): metadata line, then `time,var (unit),…` sections.
    OpenMeteoCsv,
    /// OpenAQ archive CSV: `location_id,sensors_id,location,datetime,lat,lon,parameter,units,value`.
    OpenAqArchive,
    /// OpenAQ export of OpenDataSoft: `Country Code;City;Location;Coordinates;Pollutant;…`.
    OpenAqOpenDataSoft,
    /// OpenAQ API v1 CSV: `location,city,country,utc,local,parameter,value,unit,…` (header optional).
    OpenAqV1,
    /// CMA upper-air soundings (UPAR_GLB_MUL_FTM): inversion strength and mixing height derived.
    CmaSounding,
    /// Any other CSV/TSV table, long or wide, read through a column mapping (profile).
    Table,
    /// An Excel (or ODS) workbook, read through a column mapping like a table.
    Workbook,
}

/// Whether bytes are gzip-compressed (OpenAQ archive files are `.csv.gz`).
fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Recognise a format from the first bytes of a file.
pub fn detect(bytes: &[u8]) -> Option<Format> {
    const HEAD: usize = 64 * 1024;
    if is_gzip(bytes) {
        // Unpack just enough to see the head (a damaged tail does not matter here).
        use std::io::Read;
        let mut head = Vec::new();
        let _ = flate2::read::MultiGzDecoder::new(bytes)
            .take(HEAD as u64)
            .read_to_end(&mut head);
        return (!is_gzip(&head) && !head.is_empty())
            .then(|| detect(&head))
            .flatten();
    }
    if workbook::is_workbook(bytes) {
        return Some(Format::Workbook);
    }
    let mut head = &bytes[..bytes.len().min(HEAD)];
    if head.len() < bytes.len() {
        // Cut at a line end so that a multi-byte character is not split (which would make valid
        // UTF-8 look like GBK).
        if let Some(i) = head.iter().rposition(|&b| b == b'\n') {
            head = &head[..=i];
        }
    }
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
    if open_meteo_csv::looks_like(first) {
        return Some(Format::OpenMeteoCsv);
    }
    if openaq_archive::looks_like(first) {
        return Some(Format::OpenAqArchive);
    }
    if openaq_ods::looks_like(first) {
        return Some(Format::OpenAqOpenDataSoft);
    }
    if openaq_v1::looks_like(first) {
        return Some(Format::OpenAqV1);
    }
    if cma_sounding::looks_like(first) {
        return Some(Format::CmaSounding);
    }
    if open_meteo_json::looks_like(&decoded.text) {
        return Some(Format::OpenMeteoJson);
    }
    // Keep this last: a generic table is any text whose header can be mapped.
    if table::looks_like(&decoded.text) {
        return Some(Format::Table);
    }
    None
}

/// Parse one file's bytes into a batch. Never panics; problems go into the report.
pub fn parse_bytes(path: &Path, bytes: &[u8]) -> (Batch, FileReport) {
    parse_with(path, Cow::Borrowed(bytes), None, None)
}

/// Parse bytes as `format`, skipping detection: for a user who insists on a format, and for the
/// fuzz targets, which feed each loader arbitrary bytes. Never panics.
pub fn parse_bytes_as(path: &Path, bytes: &[u8], format: Format) -> (Batch, FileReport) {
    parse_with(path, Cow::Borrowed(bytes), None, Some(format))
}

/// Parse a table (CSV) or workbook with the user's column mapping instead of the automatic one.
/// Never panics; problems go into the report.
pub fn parse_bytes_with_profile(
    path: &Path,
    bytes: &[u8],
    profile: &profile::MappingProfile,
) -> (Batch, FileReport) {
    parse_with(path, Cow::Borrowed(bytes), Some(profile), None)
}

/// Parse `bytes` (owned when read from a file, so that a gzip file's compressed bytes are freed
/// once unpacked, before parsing: peak memory stays a small multiple of the unpacked size).
fn parse_with(
    path: &Path,
    bytes: Cow<'_, [u8]>,
    profile: Option<&profile::MappingProfile>,
    forced: Option<Format>,
) -> (Batch, FileReport) {
    let mut report = FileReport::new(path);
    let mut batch = Batch::new(path.to_path_buf());
    let bytes = if is_gzip(&bytes) {
        let unpacked = input::gunzip(&bytes, input::MAX_UNPACKED_BYTES);
        drop(bytes);
        match unpacked {
            Ok(b) => {
                report.note(Note::Gzip);
                Cow::Owned(b)
            }
            Err(reason) => {
                report.fatal(reason);
                return (batch, report);
            }
        }
    } else {
        bytes
    };
    let bytes: &[u8] = &bytes;
    let format = match (forced, profile) {
        (Some(f), _) => Some(f),
        (None, Some(_)) if workbook::is_workbook(bytes) => Some(Format::Workbook),
        (None, Some(_)) => Some(Format::Table),
        (None, None) => detect(bytes),
    };
    match format {
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
                Format::OpenMeteoJson => open_meteo_json::parse(bytes, &mut batch, &mut report),
                Format::OpenMeteoCsv => open_meteo_csv::parse(bytes, &mut batch, &mut report),
                Format::OpenAqArchive => openaq_archive::parse(bytes, &mut batch, &mut report),
                Format::OpenAqOpenDataSoft => openaq_ods::parse(bytes, &mut batch, &mut report),
                Format::OpenAqV1 => openaq_v1::parse(bytes, &mut batch, &mut report),
                Format::CmaSounding => cma_sounding::parse(bytes, &mut batch, &mut report),
                Format::Table | Format::Workbook => {
                    table::parse(bytes, profile, &mut batch, &mut report)
                }
            }
            report.summarise(&batch);
        }
        None if bytes.is_empty() => report.fatal(Reason::EmptyFile),
        None => report.fatal(Reason::UnknownFormat),
    }
    (batch, report)
}

/// Read and parse one file (a regular file of at most [`input::MAX_FILE_BYTES`]).
pub fn parse_file(path: &Path) -> (Batch, FileReport) {
    match input::read_file(path, input::MAX_FILE_BYTES) {
        Ok(bytes) => parse_with(path, Cow::Owned(bytes), None, None),
        Err(e) => {
            let mut report = FileReport::new(path);
            report.fatal(e.reason());
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
            while let Some((batch, mut file_report)) = pending.remove(&next) {
                merge(store, batch, &mut file_report);
                report.files.push(file_report);
                next += 1;
            }
        }
    });
    report
}

/// Merge one parsed file into `store`; values that conflict with ones already held become
/// warnings of that file's report.
pub fn merge(store: &mut Store, batch: Batch, file_report: &mut FileReport) {
    for c in store.merge(batch) {
        file_report.problem(
            Severity::Warning,
            None,
            Some(format!("{} {}", c.station, c.variable.code())),
            Reason::ConflictsWithLoaded {
                rejected: c.rejected,
                at: c
                    .hour
                    .to_local(c.utc_offset_s)
                    .format("%Y-%m-%d %H:00")
                    .to_string(),
                kept: c.kept,
            },
            None,
        );
    }
}
