//! Build the sample scenario (`sample-data/`) from the real public data in `/work/shared/data`:
//! `cargo run --release --example build_sample -- ../shared/data sample-data`
//!
//! What is real, derived or synthesised is written to `sample-data/README.md` by hand; this program
//! does exactly what that file says:
//! - CNEMC December 2019 daily files reduced to the columns of the non-control stations of the
//!   Beijing–Tianjin–Hebei "2+26" corridor cities (values untouched), gzip-compressed;
//! - the station list reduced to those stations (real rows, still GBK);
//! - an Open-Meteo JSON forecast for Handan for 22–28 Dec 2019 whose hourly weather is the real
//!   observed weather of the analogue week in the UCI Beijing file, re-dated, converted to
//!   Open-Meteo variables and units, boundary-layer height synthesised by a stated formula;
//! - the observed weather of the week before, from the preceding UCI Beijing week re-dated the
//!   same way, as a weather station's hourly table (CMA surface-observation layout);
//! - a daily AQI forecast for 22–28 Dec 2019 from the real area daily AQI with a stated error model;
//! - a synthetic emission-reduction list of 60 enterprises (`build_sample/reduction_list.rs`);
//! - the default plan with the list's whole-society base added, a settings file (area, drill
//!   moment, season budget, alert rules, the list), a synthetic duty roster, and the journal of
//!   the episode so far recorded through the session (`session::record_drill_by_roster`) with
//!   the list in the plan, each event by the
//!   duty officer the roster has on duty at its time.

#[path = "build_sample/reduction_list.rs"]
mod reduction_list;

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Timelike};

use airdesk::clock::cst;
use airdesk::domain::budget::{
    self, BudgetSettings, RoundMode, Rounding, Season, TargetForm, TargetRounding,
};
use airdesk::domain::roster::Roster;
use airdesk::i18n::Language;
use airdesk::i18n::{Render, Tr};
use airdesk::ingest;
use airdesk::journal::Author;
use airdesk::session::{Session, record_drill_by_roster};
use airdesk::store::Store;
use airdesk::workspace::Settings;

/// The "2+26" cities of the Beijing–Tianjin–Hebei air-pollution transport corridor.
const CORRIDOR: [&str; 28] = [
    "北京",
    "天津",
    "石家庄",
    "唐山",
    "廊坊",
    "保定",
    "沧州",
    "衡水",
    "邢台",
    "邯郸",
    "太原",
    "阳泉",
    "长治",
    "晋城",
    "济南",
    "淄博",
    "济宁",
    "德州",
    "聊城",
    "滨州",
    "菏泽",
    "郑州",
    "开封",
    "安阳",
    "鹤壁",
    "新乡",
    "焦作",
    "濮阳",
];
/// The user's area.
const AREA: &str = "邯郸";
/// Handan's centre (the mean of its stations), for the forecast location.
const AREA_LAT: f64 = 36.61;
const AREA_LON: f64 = 114.49;
/// The drill moment (China Standard Time).
const DRILL_AT: (u32, u32) = (22, 10);
/// The orange warning takes effect at 22:00 on 21 Dec; issued at 14:00 that day.
const WARNING_START: (u32, u32) = (21, 22);
/// First and last day of the forecasts (local dates).
const FORECAST_DAYS: (u32, u32) = (22, 28);
/// The analogue week in the UCI Beijing file whose weather stands in for the forecast.
const ANALOGUE_START: (i32, u32, u32) = (2010, 11, 28);

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [shared, out] = args.as_slice() else {
        bail!("usage: build_sample <shared data folder> <output folder>");
    };
    let shared = PathBuf::from(shared);
    let out = PathBuf::from(out);
    std::fs::create_dir_all(out.join("data"))?;
    for stale in [
        "journal.sqlite",
        "journal.sqlite-wal",
        "journal.sqlite-shm",
        "journal.head",
    ] {
        let _ = std::fs::remove_file(out.join(stale));
    }
    let codes = station_list(&shared, &out)?;
    cnemc(&shared, &out, &codes)?;
    weather(&shared, &out)?;
    observed_weather(&shared, &out)?;
    let store = load(&out)?;
    aqi_forecast(&store, &out)?;
    let (list, base) = reduction_list::build()?;
    std::fs::write(out.join(REDUCTION_LIST), list)?;
    std::fs::write(out.join("plan.toml"), sample_plan(base)?)?;
    roster(&out)?;
    settings(&out)?;
    journal(&out)?;
    budget_check(&store, &out)?;
    Ok(())
}

/// The sample's emission-reduction list, inside the workspace.
const REDUCTION_LIST: &str = "reduction-list.csv";

/// The default plan with the sample county's (synthetic) whole-society base, kg/d.
fn sample_plan(base: [f64; 4]) -> Result<String> {
    let plan = include_str!("../assets/plans/default.toml");
    let section = "\n[reduction]\n";
    if !plan.contains(section) {
        bail!("the default plan has no [reduction] section");
    }
    let cycle = "# 各单位每日16:00前报送落实情况（报送时限各地预案不同）。[待确认]\nreporting = \"daily 16:00\"";
    if !plan.contains(cycle) {
        bail!("the default plan has no daily reporting cycle to set");
    }
    // The sample county asks for each day's report by 09:00, so the drill moment (10:00) shows
    // who reported late.
    let plan = plan.replace(
        cycle,
        "# 示例县：各单位每日9:00前报送前一日落实情况（报送时限各地预案不同）。\nreporting = \"daily 09:00\"",
    );
    let [so2, nox, pm, vocs] = base;
    Ok(plan.replacen(
        section,
        &format!(
            "{section}# 示例县的应急减排基数为合成数据（sample-data/README.md）。\n\
             base = {{ so2 = {so2}, nox = {nox}, pm = {pm}, vocs = {vocs} }}\n"
        ),
        1,
    ))
}

fn day(d: u32) -> Result<NaiveDate> {
    NaiveDate::from_ymd_opt(2019, 12, d).context("date")
}

fn local(d: u32, h: u32) -> Result<chrono::DateTime<chrono::FixedOffset>> {
    let t = day(d)?.and_hms_opt(h, 0, 0).context("time")?;
    cst().from_local_datetime(&t).single().context("local time")
}

/// The station list reduced to the corridor's non-control stations that appear in the December
/// files: real rows, GBK as published. Returns their codes.
fn station_list(shared: &Path, out: &Path) -> Result<BTreeSet<String>> {
    let bytes = std::fs::read(shared.join("stations/NewSiteList.csv"))?;
    let (text, _, bad) = encoding_rs::GBK.decode(&bytes);
    if bad {
        bail!("station list is not GBK");
    }
    let mut in_data = BTreeSet::new();
    for d in 1..=31 {
        let f = shared.join(format!("cnemc-2019-12/china_sites_201912{d:02}.csv"));
        let head = std::fs::read_to_string(&f)?;
        let first = head.lines().next().unwrap_or_default();
        in_data.extend(first.split(',').skip(3).map(str::to_string));
    }
    let mut lines = text.lines();
    let header = lines.next().context("empty station list")?;
    let mut kept = vec![header.to_string()];
    let mut codes = BTreeSet::new();
    for line in lines {
        let cells: Vec<&str> = line.split(',').collect();
        let (Some(code), Some(city), Some(control)) = (cells.first(), cells.get(2), cells.get(5))
        else {
            continue;
        };
        if CORRIDOR.contains(city) && *control == "N" && in_data.contains(*code) {
            codes.insert(code.to_string());
            kept.push(line.to_string());
        }
    }
    let text = kept.join("\r\n") + "\r\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    std::fs::write(out.join("data/stations-2plus26.csv"), &gbk)?;
    eprintln!("station list: {} stations", codes.len());
    Ok(codes)
}

/// The December files with only the chosen stations' columns, values untouched, gzip.
fn cnemc(shared: &Path, out: &Path, codes: &BTreeSet<String>) -> Result<()> {
    for d in 1..=31 {
        let name = format!("china_sites_201912{d:02}.csv");
        let text = std::fs::read_to_string(shared.join("cnemc-2019-12").join(&name))?;
        let mut rows = text.lines();
        let header: Vec<&str> = rows.next().context("empty file")?.split(',').collect();
        let keep: Vec<usize> = header
            .iter()
            .enumerate()
            .filter(|(i, h)| *i < 3 || codes.contains(**h))
            .map(|(i, _)| i)
            .collect();
        let pick = |line: &str| {
            let cells: Vec<&str> = line.split(',').collect();
            keep.iter()
                .map(|&i| cells.get(i).copied().unwrap_or(""))
                .collect::<Vec<_>>()
                .join(",")
        };
        let mut reduced = vec![pick(&header.join(","))];
        reduced.extend(rows.map(pick));
        let path = out.join("data").join(format!("{name}.gz"));
        let file = std::fs::File::create(&path)?;
        let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::best());
        // The originals end without a newline; so do these.
        gz.write_all(reduced.join("\n").as_bytes())?;
        gz.finish()?;
    }
    Ok(())
}

/// One hour of the UCI Beijing file.
struct UciHour {
    dewp: f64,
    temp: f64,
    pres: f64,
    cbwd: String,
    iws: f64,
    is: f64,
    ir: f64,
}

/// One hour of weather as the sample's files carry it (local time, SI units).
struct WeatherHour {
    time: NaiveDateTime,
    temperature: f64,
    dew_point: f64,
    humidity: f64,
    pressure: f64,
    wind_speed: f64,
    /// `None` when calm or variable.
    wind_direction: Option<f64>,
    precipitation: f64,
    boundary_layer: f64,
}

/// The UCI Beijing hours `first..last` (and the hour before, for the cumulated fields), converted
/// and re-dated by `shift`.
fn analogue_weather(
    shared: &Path,
    first: NaiveDateTime,
    last: NaiveDateTime,
    shift: Duration,
) -> Result<Vec<WeatherHour>> {
    let path = shared.join("beijing-pm25-2010-2014/PRSA_data_2010.1.1-2014.12.31.csv");
    let mut reader =
        csv::Reader::from_path(&path).with_context(|| format!("{}", path.display()))?;
    let mut hours: Vec<(NaiveDateTime, UciHour)> = Vec::new();
    for row in reader.records() {
        let row = row?;
        let num = |i: usize| row.get(i).and_then(|s| s.trim().parse::<f64>().ok());
        let (Some(yy), Some(mm), Some(dd), Some(hh)) = (num(1), num(2), num(3), num(4)) else {
            continue;
        };
        let Some(t) = NaiveDate::from_ymd_opt(yy as i32, mm as u32, dd as u32)
            .and_then(|d| d.and_hms_opt(hh as u32, 0, 0))
        else {
            continue;
        };
        if t < first - Duration::hours(1) || t >= last {
            continue;
        }
        hours.push((
            t,
            UciHour {
                dewp: num(6).context("DEWP")?,
                temp: num(7).context("TEMP")?,
                pres: num(8).context("PRES")?,
                cbwd: row.get(9).unwrap_or("").to_string(),
                iws: num(10).context("Iws")?,
                is: num(11).context("Is")?,
                ir: num(12).context("Ir")?,
            },
        ));
    }
    if hours.len() as i64 != (last - first).num_hours() + 1 {
        bail!("analogue period incomplete: {} hours", hours.len());
    }
    let mut out = Vec::new();
    for pair in hours.windows(2) {
        let (prev, (t, h)) = (&pair[0].1, &pair[1]);
        // Iws is the wind speed cumulated (m/s × h) while the direction stays; the hour's own
        // speed is the increment, or the value itself when the direction changed.
        let speed = if prev.cbwd == h.cbwd && h.iws >= prev.iws {
            h.iws - prev.iws
        } else {
            h.iws
        };
        let direction = match h.cbwd.as_str() {
            "NW" => Some(315.0),
            "NE" => Some(45.0),
            "SE" => Some(135.0),
            _ => None, // cv: calm or variable
        };
        let humidity = magnus_rh(h.temp, h.dewp);
        let wet = h.ir > prev.ir || h.ir > 0.0 && prev.ir == 0.0 || h.is > prev.is;
        let hour = f64::from(t.hour());
        let daytime = if (8.0..=17.0).contains(&hour) {
            (std::f64::consts::PI * (hour - 8.0) / 9.0).sin()
        } else {
            0.0
        };
        out.push(WeatherHour {
            time: *t + shift,
            temperature: h.temp,
            dew_point: h.dewp,
            humidity: humidity.round(),
            pressure: h.pres,
            wind_speed: (speed * 10.0).round() / 10.0,
            wind_direction: direction,
            precipitation: if wet { 1.0 } else { 0.0 },
            boundary_layer: (150.0 + 100.0 * speed + 700.0 * daytime * (1.0 - humidity / 100.0))
                .round(),
        });
    }
    Ok(out)
}

/// The first hour of the analogue week, and how far it is moved to the first forecast day.
fn analogue_start() -> Result<(NaiveDateTime, Duration)> {
    let (y, m, d) = ANALOGUE_START;
    let first = NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .context("analogue date")?;
    let shift = day(FORECAST_DAYS.0)?.and_hms_opt(0, 0, 0).context("t")? - first;
    Ok((first, shift))
}

/// The meteorological forecast: the analogue week's observed weather, re-dated to 22–28 Dec 2019.
fn weather(shared: &Path, out: &Path) -> Result<()> {
    let (first, shift) = analogue_start()?;
    let days = i64::from(FORECAST_DAYS.1 - FORECAST_DAYS.0 + 1);
    let hours = analogue_weather(shared, first, first + Duration::days(days), shift)?;
    let column = |f: &dyn Fn(&WeatherHour) -> serde_json::Value| -> Vec<serde_json::Value> {
        hours.iter().map(f).collect()
    };
    let json = serde_json::json!({
        "latitude": AREA_LAT,
        "longitude": AREA_LON,
        "generationtime_ms": 0.5,
        "utc_offset_seconds": 28800,
        "timezone": "Asia/Shanghai",
        "timezone_abbreviation": "CST",
        "elevation": 60.0,
        "hourly_units": {
            "time": "iso8601",
            "temperature_2m": "°C",
            "dew_point_2m": "°C",
            "relative_humidity_2m": "%",
            "surface_pressure": "hPa",
            "wind_speed_10m": "m/s",
            "wind_direction_10m": "°",
            "precipitation": "mm",
            "boundary_layer_height": "m",
        },
        "hourly": {
            "time": column(&|h| h.time.format("%Y-%m-%dT%H:%M").to_string().into()),
            "temperature_2m": column(&|h| h.temperature.into()),
            "dew_point_2m": column(&|h| h.dew_point.into()),
            "relative_humidity_2m": column(&|h| h.humidity.into()),
            "surface_pressure": column(&|h| h.pressure.into()),
            "wind_speed_10m": column(&|h| h.wind_speed.into()),
            "wind_direction_10m": column(&|h| h.wind_direction.into()),
            "precipitation": column(&|h| h.precipitation.into()),
            "boundary_layer_height": column(&|h| h.boundary_layer.into()),
        }
    });
    std::fs::write(
        out.join("data/open-meteo-handan-20191222.json"),
        serde_json::to_string(&json)?,
    )?;
    Ok(())
}

/// The area's observed weather before the drill moment, as a weather station's hourly table (the
/// CMA surface-observation layout: 区站号, date and hour, elements with units): the UCI Beijing
/// hours of the week before the analogue week, re-dated by the same shift, so the observations
/// run on into the forecast. No boundary-layer height: a surface station does not observe it.
fn observed_weather(shared: &Path, out: &Path) -> Result<()> {
    let (analogue, shift) = analogue_start()?;
    let first = analogue - Duration::days(OBSERVED_DAYS);
    let last = analogue + Duration::hours(i64::from(DRILL_AT.1) + 1);
    let hours = analogue_weather(shared, first, last, shift)?;
    let mut csv = String::from(
        "区站号,年,月,日,时,气温(°C),露点温度(°C),相对湿度(%),本站气压(hPa),风速(m/s),风向(°),小时降水量(mm)\r\n",
    );
    for h in &hours {
        let t = h.time;
        csv.push_str(&format!(
            "{OBSERVING_STATION},{},{},{},{},{:.1},{:.1},{:.0},{:.1},{:.1},{},{:.1}\r\n",
            t.year(),
            t.month(),
            t.day(),
            t.hour(),
            h.temperature,
            h.dew_point,
            h.humidity,
            h.pressure,
            h.wind_speed,
            h.wind_direction
                .map_or(String::new(), |d| format!("{d:.0}")),
            h.precipitation,
        ));
    }
    std::fs::write(out.join(OBSERVED_WEATHER), csv)?;
    Ok(())
}

/// The sample's observed-weather file, inside the workspace.
const OBSERVED_WEATHER: &str = "data/weather-observed-handan-20191215.csv";
/// The station number the observed weather is filed under (Handan's national station, 53892).
const OBSERVING_STATION: &str = "53892";
/// Days of observed weather before the first forecast day.
const OBSERVED_DAYS: i64 = 7;

/// Relative humidity from temperature and dew point (Magnus, Alduchov & Eskridge 1996), %.
fn magnus_rh(t: f64, td: f64) -> f64 {
    let e = |x: f64| (17.625 * x / (243.04 + x)).exp();
    (100.0 * e(td) / e(t)).clamp(0.0, 100.0)
}

fn load(out: &Path) -> Result<Store> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(out.join("data"))? {
        files.push(entry?.path());
    }
    files.sort();
    let mut store = Store::new();
    let report = ingest::load_paths(&files, &mut store);
    for f in &report.files {
        if f.failed() {
            bail!(
                "{} did not load: {:?}",
                f.path.display(),
                f.problems.first()
            );
        }
    }
    Ok(store)
}

/// The AQI forecast as a forecaster would have issued it on the morning of 22 Dec: the real area
/// daily AQI of each day, off by a lead-dependent error, as a range.
fn aqi_forecast(store: &Store, out: &Path) -> Result<()> {
    let ids = store.stations().in_area(AREA);
    let days = budget::area_daily_aqi(store, &ids, day(FORECAST_DAYS.0)?, day(FORECAST_DAYS.1)?);
    let mut csv = String::from("日期,AQI下限,AQI上限,首要污染物\r\n");
    for (lead, d) in days.iter().enumerate() {
        let Some(real) = d.aqi else {
            bail!("no area daily AQI on {}", d.date);
        };
        // Error model: the centre misses by 4 % per day of lead, alternately high and low
        // (+4 %, −8 %, +12 % …); the range is the centre ± 12 %, rounded to 5.
        let lead = lead as f64 + 1.0;
        let sign = if lead as i64 % 2 == 1 { 1.0 } else { -1.0 };
        let centre = f64::from(real) * (1.0 + sign * 0.04 * lead);
        let round5 = |x: f64| (x / 5.0).round() * 5.0;
        let primary = if centre > 100.0 { "PM2.5" } else { "" };
        csv.push_str(&format!(
            "{},{:.0},{:.0},{primary}\r\n",
            d.date,
            round5(centre * 0.88),
            round5(centre * 1.12)
        ));
        eprintln!("{}: real area daily AQI {real}", d.date);
    }
    std::fs::create_dir_all(out.join("forecast"))?;
    std::fs::write(out.join("forecast/aqi-forecast-20191222.csv"), csv)?;
    Ok(())
}

/// A synthetic duty roster for 15–31 Dec: day shift 08:30–17:30, night shift 17:30–08:30.
fn roster(out: &Path) -> Result<()> {
    const DAY: [(&str, &str); 4] = [
        ("张伟", "13800000001"),
        ("李娜", "13800000002"),
        ("王磊", "13800000003"),
        ("赵敏", "13800000004"),
    ];
    const NIGHT: [(&str, &str); 3] = [
        ("刘洋", "13800000005"),
        ("陈静", "13800000006"),
        ("杨帆", "13800000007"),
    ];
    const LEAD: [&str; 2] = ["周建国", "吴海燕"];
    let mut csv = String::from("日期,班次,开始时间,结束时间,姓名,岗位,电话\r\n");
    for (i, d) in (15..=31).enumerate() {
        let date = day(d)?;
        let (p, ph) = DAY[i % DAY.len()];
        csv.push_str(&format!("{date},白班,08:30,17:30,{p},值班员,{ph}\r\n"));
        let (p, ph) = NIGHT[i % NIGHT.len()];
        csv.push_str(&format!("{date},夜班,17:30,次日08:30,{p},值班员,{ph}\r\n"));
        let lead = LEAD[i % LEAD.len()];
        csv.push_str(&format!(
            "{date},带班,08:30,次日08:30,{lead},带班领导,13900000001\r\n"
        ));
    }
    std::fs::write(out.join("roster.csv"), csv)?;
    Ok(())
}

fn settings(out: &Path) -> Result<()> {
    let mut s = Settings {
        area: AREA.into(),
        ..Settings::default()
    };
    s.drill_at = Some(local(DRILL_AT.0, DRILL_AT.1)?.with_timezone(&chrono::Utc));
    s.roster = Some(PathBuf::from("roster.csv"));
    s.aqi_forecast = Some(PathBuf::from("forecast/aqi-forecast-20191222.csv"));
    s.reduction_lists = vec![PathBuf::from(REDUCTION_LIST)];
    s.budget = Some(BudgetSettings {
        season: Season::campaign(2019).context("season")?,
        baseline: Some(BASELINE),
        target: TargetForm::DecreasePercent(4.0),
        heavy_target: Some(10),
        rounding: Rounding {
            daily: RoundMode::HalfEven,
            mean: RoundMode::HalfEven,
            target: TargetRounding::Floor,
        },
    });
    std::fs::write(out.join("settings.toml"), s.to_toml()?)?;
    Ok(())
}

/// Illustrative baseline: last season's same-period mean PM2.5, µg/m³ (see README).
const BASELINE: f64 = 96.0;

/// The journal of the episode so far, recorded through the session by the officers of
/// the sample roster.
fn journal(out: &Path) -> Result<()> {
    let mut plan = airdesk::domain::plan::parse(&std::fs::read_to_string(out.join("plan.toml"))?)
        .map_err(|e| anyhow::anyhow!("sample plan: {e:?}"))?;
    let list = ingest::reduction_list::read_lists(&[out.join(REDUCTION_LIST)]);
    if !list.problems.is_empty() {
        bail!("reduction list: {:?}", list.problems);
    }
    plan.list = Some(std::sync::Arc::new(list.list));
    let mut session = Session::with_journal(airdesk::session::journal::open(out)?, plan)?;
    // Each event by the duty officer (值班员) the sample roster has on duty at its time.
    let (shifts, report) = ingest::roster::read_roster_file(
        &out.join("roster.csv"),
        &ingest::roster::RosterOptions::default(),
    );
    if report.failed() || !report.problems.is_empty() {
        bail!("roster: {:?}", report.problems.first());
    }
    let fallback = Author::new("值班员", "desk-1")?;
    record_drill_by_roster(
        &mut session,
        &Roster::new(shifts),
        "值班员",
        "desk-1",
        &fallback,
        local(WARNING_START.0, WARNING_START.1)?,
    )
    .map_err(|e| anyhow::anyhow!("{}", e.render(Tr(Language::En))))?;
    drop(session);
    for extra in [
        "journal.sqlite-wal",
        "journal.sqlite-shm",
        airdesk::journal::LOCK_FILE,
    ] {
        let _ = std::fs::remove_file(out.join(extra));
    }
    Ok(())
}

/// Print the December mean so the README can state it.
fn budget_check(store: &Store, _out: &Path) -> Result<()> {
    let ids = store.stations().in_area(AREA);
    let days = airdesk::domain::area::area_daily(
        store,
        &ids,
        airdesk::store::Variable::Pm25,
        airdesk::domain::area::DailyStat::Mean,
        day(1)?,
        day(31)?,
    );
    for d in &days {
        eprintln!("{} PM2.5 {:?}", d.date, d.value.map(|v| v.round()));
    }
    Ok(())
}
