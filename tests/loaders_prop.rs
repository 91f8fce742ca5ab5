//! Property tests of every loader: mutated real files (truncated, bytes flipped, inserted or
//! deleted, lines swapped or garbled, columns dropped) and random bytes never make a loader
//! panic, the report stays consistent, and the parts of a file a mutation did not touch still
//! load.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use airdesk::ingest::profile::MappingProfile;
use airdesk::ingest::{self, FileReport, Format, MAX_PROBLEMS_PER_FILE};
use airdesk::store::{Batch, Variable};
use proptest::prelude::*;

/// A reason (or workbook error) in English, as the load report words it.
fn en(reason: &impl airdesk::i18n::Render) -> String {
    reason.render(airdesk::i18n::Tr(airdesk::i18n::Language::En))
}

/// A fixture and which structural properties hold for its format.
struct Case {
    rel: &'static str,
    format: Format,
    /// Cutting the file after a line keeps a subset of what the whole file loads (not for
    /// derived values or JSON).
    line_subset: bool,
    /// Lines can be reordered without changing what loads (rows are self-contained).
    reorderable: bool,
    /// Dropping a column at or after this index (comma-separated) only removes what that
    /// column held.
    droppable_from: Option<usize>,
}

const CASES: [Case; 12] = [
    Case {
        rel: "cnemc-mini/china_sites_20191203_excerpt.csv",
        format: Format::CnemcSites,
        line_subset: true,
        reorderable: true,
        droppable_from: Some(3),
    },
    Case {
        rel: "stations/NewSiteList.csv",
        format: Format::StationList,
        line_subset: true,
        reorderable: false,
        droppable_from: None,
    },
    Case {
        rel: "open-meteo/multimodel_excerpt.json",
        format: Format::OpenMeteoJson,
        line_subset: false,
        reorderable: false,
        droppable_from: None,
    },
    Case {
        rel: "open-meteo/forecast_stripped_34.625N_104.125E_2024-12-17.data.json",
        format: Format::OpenMeteoJson,
        line_subset: false,
        reorderable: false,
        droppable_from: None,
    },
    Case {
        rel: "open-meteo/multimodel_excerpt.csv",
        format: Format::OpenMeteoCsv,
        line_subset: true,
        reorderable: false,
        droppable_from: None,
    },
    Case {
        rel: "openaq/archive_location-2178-20230222.csv",
        format: Format::OpenAqArchive,
        line_subset: true,
        reorderable: true,
        droppable_from: None,
    },
    Case {
        rel: "openaq/opendatasoft_excerpt_2024-04.csv",
        format: Format::OpenAqOpenDataSoft,
        line_subset: true,
        reorderable: true,
        droppable_from: None,
    },
    Case {
        rel: "openaq/openaq_api_v1_csv_kabul_2019-12.csv",
        format: Format::OpenAqV1,
        line_subset: true,
        reorderable: true,
        droppable_from: None,
    },
    Case {
        rel: "cma-soundings/S202005311110174154204.txt",
        format: Format::CmaSounding,
        line_subset: false,
        reorderable: false,
        droppable_from: None,
    },
    Case {
        rel: "cma-soundings/S202005311110174154203_59280_12UTC.txt",
        format: Format::CmaSounding,
        line_subset: false,
        reorderable: false,
        droppable_from: None,
    },
    Case {
        rel: "table/PM2.5NO2SO2O3CO_1410A_excerpt.csv",
        format: Format::Table,
        line_subset: true,
        reorderable: true,
        droppable_from: Some(1),
    },
    Case {
        rel: "cma-soundings/UPAR_GLB_MUL_FTM_readme.txt",
        format: Format::Table, // not used: the readme is refused; only robustness is checked
        line_subset: false,
        reorderable: false,
        droppable_from: None,
    },
];

/// Every format, each loader forced on foreign input.
const FORMATS: [Format; 10] = [
    Format::CnemcSites,
    Format::StationList,
    Format::OpenMeteoJson,
    Format::OpenMeteoCsv,
    Format::OpenAqArchive,
    Format::OpenAqOpenDataSoft,
    Format::OpenAqV1,
    Format::CmaSounding,
    Format::Table,
    Format::Workbook,
];

fn path_of(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn bytes_of(rel: &str) -> Vec<u8> {
    std::fs::read(path_of(rel)).expect("fixture")
}

/// What a file loaded, as comparable facts: (code, variable, hour, value bits), and station
/// codes (variable `None`) for station lists.
type Fact = (String, Option<Variable>, i64, u32);

fn facts(batch: &Batch, format: Format) -> BTreeSet<Fact> {
    let mut out: BTreeSet<Fact> = batch
        .chunks
        .iter()
        .flat_map(|c| {
            let code = batch.stations[c.station].code.clone();
            c.values
                .iter()
                .enumerate()
                .filter(|(_, v)| !v.is_nan())
                .map(move |(i, v)| {
                    (
                        code.clone(),
                        Some(c.variable),
                        c.start.0 + i as i64,
                        v.to_bits(),
                    )
                })
        })
        .collect();
    if format == Format::StationList {
        out.extend(batch.stations.iter().map(|s| (s.code.clone(), None, 0, 0)));
    }
    out
}

/// Load and check what must hold for any input.
fn load_checked(name: &str, bytes: &[u8]) -> (Batch, FileReport) {
    let path = Path::new(name);
    let (batch, report) = ingest::parse_bytes(path, bytes);
    assert!(
        report.values_kept <= report.cells_seen,
        "{name}: kept {} of {} cells",
        report.values_kept,
        report.cells_seen
    );
    assert_eq!(report.values_kept, batch.value_count() as u64, "{name}");
    assert!(report.problems.len() <= MAX_PROBLEMS_PER_FILE);
    for p in &report.problems {
        assert_eq!(p.file, path, "every problem names the file");
        assert!(!en(&p.reason).is_empty());
    }
    if report.format.is_none() {
        assert!(report.failed(), "{name}: unrecognised but not failed");
    }
    for c in &batch.chunks {
        assert!(
            c.station < batch.stations.len(),
            "{name}: dangling station index"
        );
        assert!(
            c.values.iter().all(|v| v.is_nan() || v.is_finite()),
            "{name}: ±inf value"
        );
        let year = c.start.to_utc().format("%Y").to_string();
        assert!(
            ("1900".."2101").contains(&year.as_str()),
            "{name}: year {year}"
        );
    }
    (batch, report)
}

/// Line starts (byte offsets) of a text, and the lines.
fn lines(bytes: &[u8]) -> Vec<&[u8]> {
    bytes.split_inclusive(|&b| b == b'\n').collect()
}

fn junk_line(seed: u64) -> Vec<u8> {
    // Letters and digits only: no delimiter, quote or line end.
    let alphabet = b"abcdefghijkmnpqrstuvwxyz0123456789";
    let mut x = seed | 1;
    let mut out = Vec::new();
    for _ in 0..24 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.push(alphabet[(x % alphabet.len() as u64) as usize]);
    }
    out.extend_from_slice(b"\n");
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_are_refused_or_read_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        load_checked("random.bin", &bytes);
        let mut gz = vec![0x1f, 0x8b];
        gz.extend_from_slice(&bytes);
        load_checked("random.gz", &gz);
        let mut zip = b"PK\x03\x04".to_vec();
        zip.extend_from_slice(&bytes);
        load_checked("random.xlsx", &zip);
        let profile = MappingProfile::from_headers(&["time".to_string(), "PM2.5".to_string()])
            .expect("profile");
        let (batch, report) = ingest::parse_bytes_with_profile(Path::new("random.csv"), &bytes, &profile);
        prop_assert!(report.values_kept <= report.cells_seen);
        prop_assert_eq!(report.values_kept, batch.value_count() as u64);
    }

    /// The fuzz targets' entry: every loader fed bytes it was not written for.
    #[test]
    fn every_loader_takes_any_bytes_when_forced(case in 0..CASES.len(), cut in any::<prop::sample::Index>(), noise in proptest::collection::vec(any::<u8>(), 0..512)) {
        let mut bytes = bytes_of(CASES[case].rel);
        let len = cut.index(bytes.len() + 1);
        bytes.truncate(len);
        bytes.extend_from_slice(&noise);
        for format in FORMATS {
            let path = Path::new("forced");
            let (batch, report) = ingest::parse_bytes_as(path, &bytes, format);
            prop_assert_eq!(report.format, Some(format));
            prop_assert!(report.values_kept <= report.cells_seen);
            prop_assert_eq!(report.values_kept, batch.value_count() as u64);
            prop_assert!(report.problems.iter().all(|p| p.file == path));
        }
    }

    #[test]
    fn byte_mutations_never_panic(
        case in 0..CASES.len(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..8),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let mut bytes = bytes_of(CASES[case].rel);
        for (at, byte, op) in edits {
            if bytes.is_empty() { break; }
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] ^= byte | 1,
                1 => bytes.insert(i, byte),
                _ => { bytes.remove(i); }
            }
        }
        if truncate && !bytes.is_empty() {
            let len = cut.index(bytes.len());
            bytes.truncate(len);
        }
        load_checked(CASES[case].rel, &bytes);
    }

    #[test]
    fn cutting_after_a_line_keeps_what_came_before(case in 0..CASES.len(), cut in any::<prop::sample::Index>()) {
        let c = &CASES[case];
        let bytes = bytes_of(c.rel);
        let (full, _) = load_checked(c.rel, &bytes);
        let ls = lines(&bytes);
        let keep = 1 + cut.index(ls.len());
        let cut_bytes: Vec<u8> = ls[..keep].concat();
        let (part, report) = load_checked(c.rel, &cut_bytes);
        if c.line_subset {
            prop_assert!(report.values_kept <= full.value_count() as u64);
            let (f, p) = (facts(&full, c.format), facts(&part, c.format));
            let extra: Vec<&Fact> = p.difference(&f).take(3).collect();
            prop_assert!(extra.is_empty(), "{}: cut after line {keep} loads values the whole file does not: {extra:?}", c.rel);
        }
        // Cutting mid-line: no panic, consistent report.
        if let Some(last) = ls.get(keep) {
            let mut mid = cut_bytes.clone();
            mid.extend_from_slice(&last[..last.len() / 2]);
            load_checked(c.rel, &mid);
        }
    }

    #[test]
    fn a_garbled_line_costs_only_that_line(case in 0..CASES.len(), which in any::<prop::sample::Index>(), seed in any::<u64>()) {
        let c = &CASES[case];
        prop_assume!(c.line_subset);
        let bytes = bytes_of(c.rel);
        let ls = lines(&bytes);
        prop_assume!(ls.len() > 2);
        // Data lines only: the header (and Open-Meteo's metadata and section headers) stays.
        let l = 1 + which.index(ls.len() - 1);
        let is_structure = ls[l].iter().all(u8::is_ascii_whitespace)
            || ls[l].starts_with(b"time,")
            || ls.get(l.wrapping_sub(1)).is_some_and(|p| p.iter().all(u8::is_ascii_whitespace));
        let in_open_meteo_metadata = c.format == Format::OpenMeteoCsv && l < 3;
        prop_assume!(!is_structure && !in_open_meteo_metadata);
        let without: Vec<u8> = ls.iter().enumerate().filter(|(i, _)| *i != l).flat_map(|(_, x)| x.iter().copied()).collect();
        let mut garbled: Vec<u8> = Vec::new();
        for (i, x) in ls.iter().enumerate() {
            if i == l { garbled.extend(junk_line(seed)); } else { garbled.extend_from_slice(x); }
        }
        let (dropped, _) = load_checked(c.rel, &without);
        let (mutated, report) = load_checked(c.rel, &garbled);
        let (d, m) = (facts(&dropped, c.format), facts(&mutated, c.format));
        let lost: Vec<&Fact> = d.difference(&m).take(3).collect();
        prop_assert!(lost.is_empty(), "{}: garbling line {} lost values of other lines: {lost:?}", c.rel, l + 1);
        // A line that contributed values must be reported (a row of a section that is not
        // loaded, such as Open-Meteo's daily one, need not be).
        let (full, _) = load_checked(c.rel, &bytes);
        if facts(&full, c.format) != d && c.format != Format::StationList {
            prop_assert!(report.problems.iter().any(|p| p.line == Some(l as u64 + 1)), "{}: garbled line {} not reported: {:?}", c.rel, l + 1, report.problems);
        }
    }

    #[test]
    fn swapping_data_lines_changes_nothing(case in 0..CASES.len(), a in any::<prop::sample::Index>(), b in any::<prop::sample::Index>()) {
        let c = &CASES[case];
        prop_assume!(c.reorderable);
        let bytes = bytes_of(c.rel);
        let mut ls: Vec<Vec<u8>> = lines(&bytes).into_iter().map(<[u8]>::to_vec).collect();
        prop_assume!(ls.len() > 3);
        // Every line ends with a line end after the swap.
        if let Some(last) = ls.last_mut() && !last.ends_with(b"\n") {
            let crlf = bytes.windows(2).any(|w| w == b"\r\n");
            last.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
        }
        let (i, j) = (1 + a.index(ls.len() - 1), 1 + b.index(ls.len() - 1));
        ls.swap(i, j);
        let swapped = ls.concat();
        let (full, full_report) = load_checked(c.rel, &bytes);
        let (after, report) = load_checked(c.rel, &swapped);
        prop_assert_eq!(report.values_kept, full_report.values_kept);
        let conflicts = full_report.problems.iter().any(|p| en(&p.reason).contains("twice"));
        if !conflicts {
            prop_assert_eq!(facts(&after, c.format), facts(&full, c.format));
        }
    }

    #[test]
    fn dropping_a_column_loses_only_that_column(case in 0..CASES.len(), which in any::<prop::sample::Index>()) {
        let c = &CASES[case];
        let Some(first) = c.droppable_from else { return Ok(()); };
        let bytes = bytes_of(c.rel);
        let text = String::from_utf8(bytes.clone()).expect("utf-8 fixture");
        let header: Vec<&str> = text.lines().next().expect("header").split(',').collect();
        prop_assume!(header.len() > first + 1);
        let k = first + which.index(header.len() - first);
        let dropped_name = header[k].to_string();
        let dropped: String = text
            .lines()
            .map(|l| {
                let mut f: Vec<&str> = l.split(',').collect();
                if k < f.len() { f.remove(k); }
                f.join(",") + "\n"
            })
            .collect();
        let (full, _) = load_checked(c.rel, &bytes);
        let (part, _) = load_checked(c.rel, dropped.as_bytes());
        let (f, p) = (facts(&full, c.format), facts(&part, c.format));
        let extra: Vec<&Fact> = p.difference(&f).take(3).collect();
        prop_assert!(extra.is_empty(), "{extra:?}");
        // What is gone is exactly the dropped column: a station (CNEMC) or a variable (table).
        let gone: BTreeSet<&Fact> = f.difference(&p).collect();
        let dropped_var = Variable::from_code(&dropped_name);
        for fact in &gone {
            prop_assert!(fact.0 == dropped_name || fact.1 == dropped_var, "{fact:?} lost with column {dropped_name}");
        }
        let held = text.lines().skip(1).any(|l| l.split(',').nth(k).is_some_and(|v| !v.is_empty()));
        prop_assert!(!held || !gone.is_empty(), "column {dropped_name} held values");
    }
}

#[test]
fn fixtures_load_as_their_format() {
    for c in &CASES {
        let (_, report) = load_checked(c.rel, &bytes_of(c.rel));
        if c.rel.ends_with("readme.txt") {
            assert!(report.failed(), "the readme is not data");
        } else {
            assert_eq!(report.format, Some(c.format), "{}", c.rel);
        }
    }
}

#[path = "common/sparse_xlsx.rs"]
mod sparse_xlsx;

use airdesk::ingest::workbook::{self, Flow, MAX_COLUMNS, MAX_ROWS};
use sparse_xlsx::{SparseValue, column_letters, sparse_xlsx};

/// A far or near position: most cells near the top left, some anywhere up to XFD1048576 and a
/// little past it (which no spreadsheet program writes).
fn position() -> impl Strategy<Value = (u32, u32)> {
    prop_oneof![
        3 => (0u32..40, 0u32..12),
        1 => (0u32..1_048_600, 0u32..16_400),
    ]
}

fn sparse_cell() -> impl Strategy<Value = (u32, u32, SparseValue)> {
    (
        position(),
        prop_oneof![
            (-1e6f64..1e6).prop_map(SparseValue::Number),
            "[a-z0-9时间站点 .:-]{0,12}".prop_map(SparseValue::Text),
        ],
    )
        .prop_map(|((r, c), v)| (r, c, v))
}

/// A `<dimension ref>`: a real range, a huge one, or junk.
fn dimension() -> impl Strategy<Value = String> {
    prop_oneof![
        (position(), position()).prop_map(|((r0, c0), (r1, c1))| format!(
            "{}{}:{}{}",
            column_letters(c0),
            r0 + 1,
            column_letters(c1),
            r1 + 1
        )),
        Just("A1:XFD1048576".to_string()),
        "[A-Z0-9:]{0,14}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The xlsx reader takes any sparse cells under any declared dimension: every cell within
    /// the limits comes out where it was, every cell beyond them is counted, nothing is
    /// allocated for the declared range, and the table loader never panics on it.
    #[test]
    fn sparse_xlsx_cells_come_out_where_they_were(
        dim in dimension(),
        cells in proptest::collection::vec(sparse_cell(), 0..60),
    ) {
        let bytes = sparse_xlsx(&dim, &cells);
        let mut unique: Vec<&(u32, u32, SparseValue)> = cells.iter().collect();
        unique.sort_by_key(|c| (c.0, c.1));
        unique.dedup_by_key(|c| (c.0, c.1));
        let inside = |c: &&&(u32, u32, SparseValue)| c.0 < MAX_ROWS && c.1 < MAX_COLUMNS;
        let within = unique.iter().filter(inside).count();
        let beyond = unique.len() - within;
        let mut seen = Vec::new();
        let read = workbook::read_rows(&bytes, None, &mut |row| {
            for (c, v) in row.cells.iter().enumerate() {
                if *v != calamine::Data::Empty {
                    seen.push((row.number - 1, c as u64));
                }
            }
            Flow::More
        });
        let read = match read {
            Ok(r) => r,
            // calamine refuses some junk dimensions; that is a reported error, not a panic.
            Err(e) => { prop_assert!(!dim.is_empty() || !en(&e).is_empty()); return Ok(()); }
        };
        let expected: Vec<(u64, u64)> = unique
            .iter()
            .filter(inside)
            .map(|c| (u64::from(c.0), u64::from(c.1)))
            .collect();
        prop_assert_eq!(seen, expected);
        prop_assert_eq!(read.beyond_limits.map_or(0, |b| b.0), beyond as u64);
        let (batch, report) = ingest::parse_bytes(Path::new("sparse.xlsx"), &bytes);
        prop_assert_eq!(report.values_kept, batch.value_count() as u64);
        prop_assert!(report.values_kept <= report.cells_seen);
    }
}
