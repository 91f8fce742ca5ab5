//! Per-format tests of the loaders on the real excerpts in `tests/fixtures/` (see the READMEs
//! there), plus small inline inputs for documented variants no real file here shows.

use std::path::{Path, PathBuf};

use airdesk::ingest::profile::{Layout, MappingProfile};
use airdesk::ingest::{self, FileReport, Format, Severity};
use airdesk::store::{Batch, Hour, SeriesKind, StampConvention, Store, Variable};
use chrono::{DateTime, NaiveDate};

/// A reason, note or problem in English, as the load report words it.
fn en(x: &impl airdesk::i18n::Render) -> String {
    x.render(airdesk::i18n::Tr(airdesk::i18n::Language::En))
}

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn load(rel: &str) -> (Batch, FileReport) {
    ingest::parse_file(&fixture(rel))
}

fn parse(name: &str, bytes: &[u8]) -> (Batch, FileReport) {
    ingest::parse_bytes(Path::new(name), bytes)
}

fn utc(s: &str) -> Hour {
    Hour::from_utc(
        DateTime::parse_from_rfc3339(s)
            .expect("test stamp")
            .to_utc(),
    )
}

/// (hour, value) pairs of one station and variable, in hour order.
fn series(batch: &Batch, code: &str, variable: Variable) -> Vec<(Hour, f32)> {
    let mut out: Vec<(Hour, f32)> = batch
        .chunks
        .iter()
        .filter(|c| c.variable == variable && batch.stations[c.station].code == code)
        .flat_map(|c| {
            c.values
                .iter()
                .enumerate()
                .filter(|(_, v)| !v.is_nan())
                .map(move |(i, v)| (c.start + i as i64, *v))
        })
        .collect();
    out.sort_by_key(|p| p.0);
    out
}

/// Everything in a batch as sorted (code, variable, hour, value) rows.
fn flat(batch: &Batch) -> Vec<(String, Variable, Hour, f32)> {
    let mut rows: Vec<_> = batch
        .chunks
        .iter()
        .flat_map(|c| {
            let code = batch.stations[c.station].code.clone();
            c.values
                .iter()
                .enumerate()
                .filter(|(_, v)| !v.is_nan())
                .map(move |(i, v)| (code.clone(), c.variable, c.start + i as i64, *v))
        })
        .collect();
    rows.sort_by(|a, b| (&a.0, a.1, a.2).cmp(&(&b.0, b.1, b.2)));
    rows
}

fn reasons(report: &FileReport) -> Vec<String> {
    report.problems.iter().map(en).collect()
}

fn assert_close(a: f32, b: f64) {
    assert!((f64::from(a) - b).abs() < 1e-4, "{a} vs {b}");
}

mod open_meteo {
    use super::*;

    const ECMWF: &str = "open-meteo:45.750N,12.750E:ecmwf_ifs025";
    const ICON: &str = "open-meteo:45.750N,12.750E:icon_d2";

    #[test]
    fn multi_model_json_makes_one_station_per_model() {
        let (batch, report) = load("open-meteo/multimodel_excerpt.json");
        assert_eq!(report.format, Some(Format::OpenMeteoJson));
        let codes: Vec<&str> = batch.stations.iter().map(|s| s.code.as_str()).collect();
        assert_eq!(
            codes.len(),
            2,
            "gem_regional (outside its domain) makes no station: {codes:?}"
        );
        assert!(codes.contains(&ECMWF) && codes.contains(&ICON));
        let s = batch
            .stations
            .iter()
            .find(|s| s.code == ICON)
            .expect("icon");
        assert!(s.label().contains("icon_d2") && s.label().contains("45.750N"));
        assert_eq!(
            (s.lat, s.lon, s.utc_offset_s),
            (Some(45.75), Some(12.75), 0)
        );
        // Counted with Python over the excerpt: 72 + 55 non-null values × 5 loaded variables.
        assert_eq!(report.values_kept, 635);
        let t = series(&batch, ECMWF, Variable::Temperature);
        assert_eq!(t.len(), 72);
        assert_eq!(t[0], (utc("2025-11-24T00:00:00Z"), 2.0));
        // 5.7 km/h → m/s
        let w = series(&batch, ECMWF, Variable::WindSpeed);
        assert_close(w[0].1, 5.7 / 3.6);
        // icon_d2 ends in nulls (trailing nulls): 55 values, the last at hour 54.
        let t = series(&batch, ICON, Variable::Temperature);
        assert_eq!(t.len(), 55);
        assert_eq!(t[54].0, utc("2025-11-26T06:00:00Z"));
        assert!(
            batch
                .chunks
                .iter()
                .all(|c| c.kind == SeriesKind::Forecast && c.stamp == StampConvention::StartOfHour)
        );
        let warnings = reasons(&report);
        assert_eq!(
            warnings
                .iter()
                .filter(|r| r.contains("apparent_temperature"))
                .count(),
            1,
            "one warning per unknown variable, not per model: {warnings:?}"
        );
        assert!(
            report.notes.iter().any(|n| en(n).contains("gem_regional")),
            "{:?}",
            report.notes
        );
        assert!(
            report.notes.iter().any(|n| en(n).contains("daily")),
            "{:?}",
            report.notes
        );
    }

    #[test]
    fn csv_loads_the_same_values_as_json() {
        let (json, _) = load("open-meteo/multimodel_excerpt.json");
        let (csv, report) = load("open-meteo/multimodel_excerpt.csv");
        assert_eq!(report.format, Some(Format::OpenMeteoCsv));
        assert_eq!(flat(&csv), flat(&json));
        assert!(
            report.notes.iter().any(|n| en(n).contains("daily section")),
            "{:?}",
            report.notes
        );
        assert!(
            report.notes.iter().any(|n| en(n).contains("gem_regional")),
            "{:?}",
            report.notes
        );
        assert_eq!(
            report.problems.len(),
            1,
            "only the unknown variable: {:?}",
            reasons(&report)
        );
    }

    #[test]
    fn stripped_file_loads_with_stated_assumptions() {
        let (batch, report) =
            load("open-meteo/forecast_stripped_34.625N_104.125E_2024-12-17.data.json");
        assert_eq!(report.format, Some(Format::OpenMeteoJson));
        assert_eq!(report.values_kept, 168 * 6);
        let first = &report.problems[0];
        assert_eq!(first.severity, Severity::Warning);
        for word in [
            "utc_offset_seconds",
            "GMT",
            "km/h",
            "open-meteo:forecast_stripped",
        ] {
            assert!(
                en(&first.reason).contains(word),
                "{word}: {}",
                en(&first.reason)
            );
        }
        let code = &batch.stations[0].code;
        assert_eq!(
            series(&batch, code, Variable::Temperature)[0],
            (utc("2024-12-17T00:00:00Z"), -9.0)
        );
        assert_close(series(&batch, code, Variable::WindSpeed)[0].1, 9.6 / 3.6);
        let unknown: Vec<String> = reasons(&report)
            .into_iter()
            .filter(|r| r.contains("not one AirDesk uses"))
            .collect();
        assert_eq!(
            unknown.len(),
            2,
            "precipitation_probability, wind_direction_80m: {unknown:?}"
        );
    }

    #[test]
    fn documented_variants_offsets_unixtime_units_and_errors() {
        // Two locations, Asia/Shanghai local times, °F and mp/h, the air-quality API's CO in
        // μg/m³, rain → rain flag, a string in a value array.
        let text = r#"[{"latitude":39.9,"longitude":116.4,"utc_offset_seconds":28800,"timezone":"Asia/Shanghai",
            "hourly_units":{"time":"iso8601","temperature_2m":"°F","wind_speed_10m":"mp/h","rain":"mm"},
            "hourly":{"time":["2019-12-01T08:00","2019-12-01T09:00"],"temperature_2m":[32.0,50.0],
                      "wind_speed_10m":[10.0,"x"],"rain":[0.0,0.4]}},
           {"latitude":31.2,"longitude":121.5,"utc_offset_seconds":28800,
            "hourly_units":{"time":"unixtime","carbon_monoxide":"μg/m³","pm2_5":"μg/m³"},
            "hourly":{"time":[1575158400,1575162000],"carbon_monoxide":[1200.0,null],"pm2_5":[75.0,-3.0]}}]"#;
        let (batch, report) = parse("om.json", text.as_bytes());
        assert_eq!(report.format, Some(Format::OpenMeteoJson));
        let bj = "open-meteo:39.900N,116.400E";
        let t = series(&batch, bj, Variable::Temperature);
        assert_eq!(t[0].0, utc("2019-12-01T00:00:00Z"), "08:00 at +08:00");
        assert_close(t[0].1, 0.0);
        assert_close(t[1].1, 10.0);
        assert_close(series(&batch, bj, Variable::WindSpeed)[0].1, 4.4704);
        assert_eq!(
            series(&batch, bj, Variable::RainFlag)
                .iter()
                .map(|p| p.1)
                .collect::<Vec<_>>(),
            [0.0, 1.0]
        );
        let sh = "open-meteo:31.200N,121.500E";
        assert_eq!(
            series(&batch, sh, Variable::Co),
            [(utc("2019-12-01T00:00:00Z"), 1.2)]
        );
        let r = reasons(&report);
        assert!(
            r.iter()
                .any(|r| r.contains("[0].hourly.wind_speed_10m[1]") && r.contains("not a number")),
            "{r:?}"
        );
        assert!(
            r.iter()
                .any(|r| r.contains("[1].hourly.pm2_5[1]") && r.contains("negative")),
            "{r:?}"
        );

        let (_, report) = parse(
            "err.json",
            br#"{"error":true,"reason":"Cannot initialize WeatherVariable from invalid String value tempeture_2m for key hourly"}"#,
        );
        assert!(report.failed());
        assert!(
            en(&report.problems[0].reason).contains("tempeture_2m"),
            "{:?}",
            report.problems
        );

        let (_, report) = parse(
            "cut.json",
            br#"{"latitude":1.0,"hourly":{"time":["2019-12-01T00:00""#,
        );
        assert!(report.failed());
        assert!(
            en(&report.problems[0].reason).contains("JSON"),
            "{:?}",
            report.problems
        );
    }

    #[test]
    fn csv_variants_unixtime_locations_and_bad_cells() {
        let text = "location_id,latitude,longitude,elevation,utc_offset_seconds,timezone,timezone_abbreviation\n\
                    0,39.9,116.4,44.0,0,GMT,GMT\n\
                    1,31.2,121.5,4.0,0,GMT,GMT\n\
                    \n\
                    location_id,time,pm2_5 (μg/m³),wind_speed_10m (km/h)\n\
                    0,1575158400,75.0,NaN\n\
                    0,1575162000,—,3.6\n\
                    1,1575158400,40.0,inf\n";
        let (batch, report) = parse("om.csv", text.as_bytes());
        assert_eq!(report.format, Some(Format::OpenMeteoCsv));
        assert_eq!(
            series(&batch, "open-meteo:39.900N,116.400E", Variable::Pm25),
            [(utc("2019-12-01T00:00:00Z"), 75.0)]
        );
        assert_close(
            series(&batch, "open-meteo:39.900N,116.400E", Variable::WindSpeed)[0].1,
            1.0,
        );
        assert_eq!(
            series(&batch, "open-meteo:31.200N,121.500E", Variable::Pm25),
            [(utc("2019-12-01T00:00:00Z"), 40.0)]
        );
        let r = reasons(&report);
        assert!(
            r.iter()
                .any(|r| r.contains(":7 column 3") && r.contains("「—」")),
            "{r:?}"
        );
        assert!(
            r.iter()
                .any(|r| r.contains(":8 column 4") && r.contains("「inf」")),
            "{r:?}"
        );
        assert_eq!(r.len(), 2, "NaN is this format's missing marker: {r:?}");
    }
}

mod openaq {
    use super::*;

    #[test]
    fn archive_csv_plain_and_gzipped() {
        let (batch, report) = load("openaq/archive_location-2178-20230222.csv");
        assert_eq!(report.format, Some(Format::OpenAqArchive));
        assert!(report.problems.is_empty(), "{:?}", reasons(&report));
        let pm = series(&batch, "openaq:2178", Variable::Pm10);
        assert_eq!(pm.len(), 14);
        assert_eq!(
            pm[0],
            (utc("2023-02-22T08:00:00Z"), 14.0),
            "01:00 at -07:00"
        );
        assert_eq!(pm[11].1, 318.0);
        // A day's archive file runs 01:00 … 00:00: the stamp ends the averaging hour.
        assert!(
            batch
                .chunks
                .iter()
                .all(|c| c.stamp == StampConvention::EndOfHour)
        );
        let s = &batch.stations[0];
        assert_eq!(
            (s.name.as_deref(), s.utc_offset_s),
            (Some("Del Norte-2178"), -7 * 3600)
        );

        let bytes =
            std::fs::read(fixture("openaq/archive_location-2178-20230222.csv")).expect("fixture");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        std::io::Write::write_all(&mut gz, &bytes).expect("gzip");
        let gz = gz.finish().expect("gzip");
        let (zbatch, zreport) = parse("location-2178-20230222.csv.gz", &gz);
        assert_eq!(zreport.format, Some(Format::OpenAqArchive));
        assert_eq!(flat(&zbatch), flat(&batch));
        assert!(zreport.notes.iter().any(|n| en(n).contains("gzip")));

        // The 2026 archive quotes every header name; ppb gases are converted.
        let text = "\"location_id\",\"sensors_id\",\"location\",\"datetime\",\"lat\",\"lon\",\"parameter\",\"units\",\"value\"\n\
                    7727,22558,Tung Chung-7727,2022-11-01T01:00:00+08:00,22.2888888888889,113.943611111111,no2,ppb,10\n";
        let (batch, report) = parse("q.csv", text.as_bytes());
        assert_eq!(report.format, Some(Format::OpenAqArchive));
        assert_close(
            series(&batch, "openaq:7727", Variable::No2)[0].1,
            10.0 * 46.0055 / 24.45,
        );
        assert!(report.notes.iter().any(|n| en(n).contains("24.45")));
    }

    #[test]
    fn opendatasoft_export_quirks() {
        let (batch, report) = load("openaq/opendatasoft_excerpt_2024-04.csv");
        assert_eq!(report.format, Some(Format::OpenAqOpenDataSoft));
        assert_eq!(report.encoding.as_deref(), Some("UTF-8 (BOM)"));
        assert_eq!(report.rows_read, 41);
        // Hong Kong Central: CO 584.9 µg/m³ → 0.5849 mg/m³, at 09:00+01:00 = 08:00Z.
        let central = "openaq:22.2819,114.1581";
        let co = series(&batch, central, Variable::Co);
        assert_eq!(co.len(), 1);
        assert_eq!(co[0].0, utc("2024-03-02T08:00:00Z"));
        assert_close(co[0].1, 0.5849);
        let s = batch
            .stations
            .iter()
            .find(|s| s.code == central)
            .expect("central");
        assert_eq!(s.lat, Some(22.281_944_444_444_445));
        let r = reasons(&report);
        let on_line = |line: u64, what: &str| {
            r.iter()
                .any(|x| x.contains(&format!(":{line} column")) && x.contains(what))
        };
        assert!(on_line(21, "negative value -1"), "{r:?}");
        assert!(on_line(26, "not on a whole hour"), "{r:?}");
        assert!(on_line(25, "NOX"), "{r:?}");
        assert!(on_line(42, "given twice"), "Caringbah PM2.5 twice: {r:?}");
        assert!(
            !r.iter().any(|x| x.contains(":39 ") || x.contains(":40 ")),
            "-9999 is missing: {r:?}"
        );
        assert!(
            report.notes.iter().any(|n| en(n).contains("ppm")),
            "{:?}",
            report.notes
        );
        // NO2 0.04598 ppm → µg/m³.
        let no2 = batch
            .stations
            .iter()
            .find(|s| s.name.as_deref() == Some("Epigmenio González"))
            .expect("station");
        assert_close(
            series(&batch, &no2.code, Variable::No2)[0].1,
            0.04598 * 46.0055 * 1000.0 / 24.45,
        );
        // The first PM2.5 of Caringbah is kept, the second reported.
        let car = batch
            .stations
            .iter()
            .find(|s| s.name.as_deref() == Some("Caringbah NSW"))
            .expect("Caringbah");
        assert_close(
            series(&batch, &car.code, Variable::Pm25)[0].1,
            11.388_888_915_379_843,
        );
    }

    #[test]
    fn api_v1_csv_without_header_and_half_hour_offset() {
        let (batch, report) = load("openaq/openaq_api_v1_csv_kabul_2019-12.csv");
        assert_eq!(report.format, Some(Format::OpenAqV1));
        assert!(report.problems.is_empty(), "{:?}", reasons(&report));
        let code = &batch.stations[0].code;
        let pm = series(&batch, code, Variable::Pm25);
        assert_eq!(pm.len(), 24);
        // First row: 2019-12-02T02:00:00+04:30 = 21:30Z → the UTC hour 21:00Z.
        assert!(pm.contains(&(utc("2019-12-01T21:00:00Z"), 556.0)), "{pm:?}");
        assert_eq!(batch.stations[0].utc_offset_s, 4 * 3600 + 1800);
        assert!(
            report.notes.iter().any(|n| en(n).contains("+04:30")),
            "{:?}",
            report.notes
        );
        // With its documented header line it loads the same.
        let body = std::fs::read_to_string(fixture("openaq/openaq_api_v1_csv_kabul_2019-12.csv"))
            .expect("fixture");
        let with_header = format!(
            "location,city,country,utc,local,parameter,value,unit,latitude,longitude,attribution\n{body}"
        );
        let (b2, r2) = parse("v1.csv", with_header.as_bytes());
        assert_eq!(r2.format, Some(Format::OpenAqV1));
        assert_eq!(flat(&b2), flat(&batch));
    }
}

mod cma {
    use super::*;

    #[test]
    fn hong_kong_soundings_give_inversion_and_mixing_height() {
        let (batch, report) = load("cma-soundings/S202005311110174154204.txt");
        assert_eq!(report.format, Some(Format::CmaSounding));
        assert_eq!(batch.stations[0].code, "wmo:45004");
        let inv = series(&batch, "wmo:45004", Variable::InversionStrength);
        let mh = series(&batch, "wmo:45004", Variable::BoundaryLayerHeight);
        let hours: Vec<Hour> = inv.iter().map(|p| p.0).collect();
        assert_eq!(
            hours,
            [
                utc("2020-05-30T00:00:00Z"),
                utc("2020-05-30T12:00:00Z"),
                utc("2020-05-31T00:00:00Z")
            ]
        );
        assert_eq!(mh.len(), 3);
        for (_, v) in &inv {
            assert!((-3.0..5.0).contains(v), "inversion strength {v} °C/100 m");
        }
        for (_, v) in &mh {
            assert!((0.0..4000.0).contains(v), "mixing height {v} m");
        }
        assert!(batch.chunks.iter().all(|c| c.kind == SeriesKind::Observed));
    }

    #[test]
    fn descent_levels_are_dropped_not_used() {
        let (batch, report) = load("cma-soundings/S202005311110174154203_59280_12UTC.txt");
        assert!(
            report.notes.iter().any(|n| en(n).contains("falling back")),
            "{:?}",
            report.notes
        );
        let inv = series(&batch, "wmo:59280", Variable::InversionStrength);
        assert_eq!(inv.len(), 1);
        // The −89.9 °C descent levels would otherwise make a violent lapse.
        assert!(inv[0].1 > -1.5 && inv[0].1 <= 0.0, "{inv:?}");
        let mh = series(&batch, "wmo:59280", Variable::BoundaryLayerHeight);
        assert!(mh[0].1 > 0.0 && mh[0].1 < 2000.0, "{mh:?}");
    }

    #[test]
    fn readme_is_not_data() {
        let (_, report) = load("cma-soundings/UPAR_GLB_MUL_FTM_readme.txt");
        assert!(report.failed());
        assert!(en(&report.problems[0].reason).contains("unknown format"));
        assert!(en(&report.problems[0].reason).contains("CMA upper-air"));
    }

    #[test]
    fn bad_cells_name_line_and_column() {
        let text = "Station_Id_C Year_Data Mon_Data Day_Data Hour_Data EVSS PRS_HWC GPH TEM DPT\r\n\
                    59280 2020 5 30 0 131072 1000.6 80 26.5 26.1\r\n\
                    59280 2020 5 30 0 65536 925 772 abc 22.2\r\n\
                    59280 2020 5 30 0 65536 850 1506 18.3\r\n\
                    59280 2020 5 30 0 65536 850 1506 18.3 null\r\n";
        let (batch, report) = parse("s.txt", text.as_bytes());
        let r = reasons(&report);
        assert!(r.iter().any(|x| x.contains(":3 column 9 (TEM)")), "{r:?}");
        assert!(
            r.iter()
                .any(|x| x.contains(":4") && x.contains("cut short")),
            "{r:?}"
        );
        assert_eq!(
            series(&batch, "wmo:59280", Variable::InversionStrength).len(),
            1
        );
    }
}

mod table {
    use super::*;

    const HAIKOU: &str = "table/PM2.5NO2SO2O3CO_1410A_excerpt.csv";

    fn haikou_text() -> String {
        std::fs::read_to_string(fixture(HAIKOU)).expect("fixture")
    }

    /// Non-empty cells of the excerpt per column, counted independently of the loader.
    fn haikou_cells() -> Vec<(String, String, String)> {
        let text = haikou_text();
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().expect("header").split(',').collect();
        let mut out = Vec::new();
        for line in lines {
            let f: Vec<&str> = line.split(',').collect();
            for i in 1..f.len() {
                if !f[i].is_empty() {
                    out.push((f[0].to_string(), header[i].to_string(), f[i].to_string()));
                }
            }
        }
        out
    }

    #[test]
    fn haikou_wide_csv_with_code_from_file_name() {
        let (batch, report) = load(HAIKOU);
        assert_eq!(report.format, Some(Format::Table));
        assert_eq!(batch.stations.len(), 1);
        assert_eq!(batch.stations[0].code, "1410A");
        assert!(
            report
                .notes
                .iter()
                .any(|n| en(n).contains("1410A") && en(n).contains("file name"))
        );
        assert!(report.notes.iter().any(|n| en(n).contains("UTC+08:00")));
        assert!(report.notes.iter().any(|n| en(n).contains("END")));
        assert_eq!(report.rows_read, 199);
        assert_eq!(report.values_kept as usize, haikou_cells().len());
        assert!(report.problems.is_empty(), "{:?}", reasons(&report));
        let pm = series(&batch, "1410A", Variable::Pm25);
        assert_eq!(
            pm[0],
            (utc("2014-05-12T16:00:00Z"), 20.0),
            "2014-05-13 00:00 at +08:00"
        );
        assert_close(series(&batch, "1410A", Variable::Co)[0].1, 0.571);
        assert!(
            batch
                .chunks
                .iter()
                .all(|c| c.stamp == StampConvention::EndOfHour)
        );
        // Merged into a store, 1410A's PM2.5 falls on the same grid as CNEMC's feed.
        let mut store = Store::new();
        let mut report = report;
        ingest::merge(&mut store, batch, &mut report);
        let id = store.stations().find("1410A").expect("station");
        let s = store.observed(id, Variable::Pm25).expect("series");
        assert_eq!(
            s.get(Hour::from_local_date_hour(
                NaiveDate::from_ymd_opt(2014, 5, 13).expect("date"),
                0,
                8 * 3600
            )),
            Some(20.0)
        );
    }

    /// The excerpt rewritten: Chinese headers with units and a station column.
    fn chinese(sep: &str, decimal_comma: bool) -> String {
        // GBK has no superscript ³: Chinese exports write m3.
        let mut out = format!(
            "时间{sep}站点{sep}PM2.5(μg/m3){sep}臭氧(μg/m3){sep}二氧化氮{sep}一氧化碳(mg/m3){sep}二氧化硫\n"
        );
        for line in haikou_text().lines().skip(1) {
            let f: Vec<String> = line
                .split(',')
                .map(|c| {
                    if decimal_comma {
                        c.replace('.', ",")
                    } else {
                        c.to_string()
                    }
                })
                .collect();
            let time = line.split(',').next().unwrap_or_default();
            out.push_str(&format!("{time}{sep}海口1410A{sep}{}\n", f[1..].join(sep)));
        }
        out
    }

    fn values_only(batch: &Batch) -> Vec<(Variable, Hour, f32)> {
        flat(batch).into_iter().map(|r| (r.1, r.2, r.3)).collect()
    }

    #[test]
    fn encodings_delimiters_and_decimal_comma_are_detected() {
        let (reference, _) = load(HAIKOU);
        let expected = values_only(&reference);

        let text = chinese(",", false);
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        let (batch, report) = parse("export.csv", &gbk);
        assert_eq!(report.format, Some(Format::Table));
        assert_eq!(report.encoding.as_deref(), Some("GB18030"));
        assert_eq!(batch.stations[0].code, "海口1410A");
        assert_eq!(values_only(&batch), expected);

        let mut utf16 = vec![0xFF, 0xFE];
        for u in chinese("\t", false).encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        let (batch, report) = parse("export.txt", &utf16);
        assert_eq!(report.encoding.as_deref(), Some("UTF-16LE"));
        assert!(
            report.notes.iter().any(|n| en(n).contains("tab")),
            "{:?}",
            report.notes
        );
        assert_eq!(values_only(&batch), expected);

        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(chinese(";", true).as_bytes());
        let (batch, report) = parse("export.csv", &bom);
        assert!(
            report.notes.iter().any(|n| en(n).contains("decimal comma")),
            "{:?}",
            report.notes
        );
        assert_eq!(values_only(&batch), expected);
    }

    #[test]
    fn long_layout_loads_the_same_values() {
        let (reference, _) = load(HAIKOU);
        let mut text = String::from("站点编码,时间,污染物,浓度\n");
        for (time, variable, value) in haikou_cells() {
            text.push_str(&format!("1410A,{time},{variable},{value}\n"));
        }
        let (batch, report) = parse("long.csv", text.as_bytes());
        assert_eq!(report.format, Some(Format::Table));
        assert!(report.problems.is_empty(), "{:?}", reasons(&report));
        assert_eq!(flat(&batch), flat(&reference));
    }

    #[test]
    fn excel_workbook_with_datetime_cells() {
        let (reference, _) = load(HAIKOU);
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        let text = haikou_text();
        let fmt = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd hh:mm");
        // A title row above the header, as exports often have.
        sheet
            .write_string(0, 0, "海口市 1410A 小时数据")
            .expect("xlsx");
        for (r, line) in text.lines().enumerate() {
            for (c, cell) in line.split(',').enumerate() {
                let (row, col) = (r as u32 + 1, c as u16);
                if r == 0 || cell.is_empty() {
                    sheet.write_string(row, col, cell).expect("xlsx");
                } else if c == 0 {
                    let t = chrono::NaiveDateTime::parse_from_str(cell, "%Y-%m-%d %H:%M:%S")
                        .expect("time");
                    let dt =
                        rust_xlsxwriter::ExcelDateTime::from_timestamp(t.and_utc().timestamp())
                            .expect("datetime");
                    sheet
                        .write_datetime_with_format(row, col, &dt, &fmt)
                        .expect("xlsx");
                } else {
                    sheet
                        .write_number(row, col, cell.parse::<f64>().expect("number"))
                        .expect("xlsx");
                }
            }
        }
        let bytes = book.save_to_buffer().expect("xlsx");
        let (batch, report) = parse("海口1410A.xlsx", &bytes);
        assert_eq!(report.format, Some(Format::Workbook));
        assert!(report.problems.is_empty(), "{:?}", reasons(&report));
        assert_eq!(values_only(&batch), values_only(&reference));
        assert_eq!(batch.stations[0].code, "1410A");
        // The proposed profile finds the header under the title row and reads the same.
        let profile = ingest::table::suggest_profile(&bytes).expect("suggestion");
        assert_eq!(profile.header_row, Some(2));
        let (again, _) =
            ingest::parse_bytes_with_profile(Path::new("海口1410A.xlsx"), &bytes, &profile);
        assert_eq!(flat(&again), flat(&batch));
        let sniff = ingest::table::sniff(&bytes).expect("sniff");
        assert_eq!((sniff.header_row, sniff.sheets.len()), (2, 1));
    }

    #[test]
    fn profile_maps_unusual_headers_and_declares_missing_markers() {
        let text = "采样日期,采样时段,细粒子,CO_ppm\n\
                    2019/12/01,1,35,0.8\n\
                    2019/12/01,2,—,0.9\n\
                    2019/12/01,24,NaN,1.029.666.667\n\
                    2019/12/01,25,40,-1\n\
                    2019/12/02,1,inf,0.5\n";
        let profile = MappingProfile::from_toml(
            r#"
            name = "县站导出"
            time_column = "采样日期"
            hour_column = "采样时段"
            station_code = "县站"
            missing = ["—"]
            [[columns]]
            source = "细粒子"
            variable = "PM2.5"
            [[columns]]
            source = "CO_ppm"
            variable = "CO"
            unit = "ppm"
            "#,
        )
        .expect("profile");
        assert_eq!(profile.layout, Layout::Wide);
        let (batch, report) =
            ingest::parse_bytes_with_profile(Path::new("x.csv"), text.as_bytes(), &profile);
        let pm = series(&batch, "县站", Variable::Pm25);
        assert_eq!(pm, [(utc("2019-11-30T17:00:00Z"), 35.0)]);
        let co = series(&batch, "县站", Variable::Co);
        assert_close(co[0].1, 0.8 * 28.010 / 24.45);
        assert_eq!(co.len(), 3, "{co:?}");
        let r = reasons(&report);
        let at = |line: u64, col: usize, what: &str| {
            r.iter()
                .any(|x| x.contains(&format!(":{line} column {col}")) && x.contains(what))
        };
        assert!(at(4, 3, "「NaN」"), "{r:?}");
        assert!(at(4, 4, "decimal separators"), "{r:?}");
        assert!(at(5, 2, "hour 25"), "{r:?}");
        assert!(at(6, 3, "「inf」"), "{r:?}");
        assert!(
            !r.iter().any(|x| x.contains(":3 column 3")),
            "— is declared missing: {r:?}"
        );
        // Without the profile the file cannot be mapped: one clear error.
        let (_, report) = parse("x.csv", text.as_bytes());
        assert!(report.failed());
        assert!(
            en(&report.problems[0].reason).contains("unknown format"),
            "{:?}",
            report.problems
        );
        // A profile naming a column the file does not have.
        let mut bad = profile.clone();
        bad.columns[0].source = "PM25".into();
        let (_, report) =
            ingest::parse_bytes_with_profile(Path::new("x.csv"), text.as_bytes(), &bad);
        assert!(report.failed());
        assert!(
            en(&report.problems[0].reason).contains("「PM25」"),
            "{:?}",
            report.problems
        );
    }

    #[test]
    fn suggested_profile_is_editable_and_reusable() {
        let bytes = std::fs::read(fixture(HAIKOU)).expect("fixture");
        let mut p = ingest::table::suggest_profile(&bytes).expect("suggestion");
        assert_eq!(p.header_row, Some(1));
        p.station_code = Some("海口".into());
        let p = MappingProfile::from_toml(&p.to_toml().expect("toml")).expect("round trip");
        let (batch, report) = ingest::parse_bytes_with_profile(Path::new("a.csv"), &bytes, &p);
        assert_eq!(batch.stations[0].code, "海口");
        assert_eq!(report.values_kept as usize, haikou_cells().len());
        let sniff = ingest::table::sniff(&bytes).expect("sniff");
        assert_eq!(sniff.delimiter, Some(','));
        assert_eq!(
            sniff.headers,
            ["datetime", "PM2.5", "O3", "NO2", "CO", "SO2"]
        );
        assert_eq!(sniff.sample.len(), 20);
    }
}

mod detection {
    use super::*;

    #[test]
    fn every_fixture_is_recognised_from_its_content() {
        let cases = [
            ("open-meteo/multimodel_excerpt.json", Format::OpenMeteoJson),
            ("open-meteo/multimodel_excerpt.csv", Format::OpenMeteoCsv),
            (
                "openaq/archive_location-2178-20230222.csv",
                Format::OpenAqArchive,
            ),
            (
                "openaq/opendatasoft_excerpt_2024-04.csv",
                Format::OpenAqOpenDataSoft,
            ),
            (
                "openaq/openaq_api_v1_csv_kabul_2019-12.csv",
                Format::OpenAqV1,
            ),
            (
                "cma-soundings/S202005311110174154204.txt",
                Format::CmaSounding,
            ),
            ("table/PM2.5NO2SO2O3CO_1410A_excerpt.csv", Format::Table),
            (
                "cnemc-mini/china_sites_20191203_excerpt.csv",
                Format::CnemcSites,
            ),
            ("stations/NewSiteList.csv", Format::StationList),
        ];
        for (rel, format) in cases {
            let bytes = std::fs::read(fixture(rel)).expect("fixture");
            assert_eq!(ingest::detect(&bytes), Some(format), "{rel}");
            // The name plays no part: the same bytes under another name.
            let (_, report) = parse("renamed.dat", &bytes);
            assert_eq!(report.format, Some(format), "{rel}");
        }
    }

    #[test]
    fn unknown_content_gets_one_clear_error() {
        let (_, report) = parse("notes.txt", "值班记录\n今天无异常\n".as_bytes());
        assert_eq!(report.problems.len(), 1);
        let reason = &en(&report.problems[0].reason);
        for expected in ["CNEMC", "Open-Meteo", "OpenAQ", "CMA", "Excel", "PM2.5"] {
            assert!(reason.contains(expected), "{expected}: {reason}");
        }
        let (_, report) = parse("x.gz", &[0x1f, 0x8b, 8, 0, 0, 0]);
        assert!(report.failed());
    }
}
