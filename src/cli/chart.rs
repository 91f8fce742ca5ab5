//! `airdesk chart KIND FILE… --out PATH.png|svg`: the same charts as the desktop app, as files
//! for reports (meteogram, calendar heat map, ranking, regional map).

use super::output::{errln, outln};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use crate::clock;
use crate::domain::plan::Level;
use crate::i18n::Language;
use crate::i18n::{Render, T, Tr};
use crate::ingest::{self, FileReport};
use crate::report::charts::from_store::{self, MeteogramOptions, Selection};
use crate::report::charts::{self, Chart, ChartStyle, ChartView, Span, SpanKind, warning_name};
use crate::store::{Hour, Store, Variable};

use super::Failure;

/// Which chart to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// Air quality with wind, humidity, precipitation and mixing height over time.
    Meteogram,
    /// Calendar heat map of daily means.
    Calendar,
    /// Ranking bar chart of areas (or of the given stations).
    Ranking,
    /// Regional map of the stations at one hour (`--at`), with wind where the data have it.
    Map,
}

/// Arguments of `airdesk chart`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// meteogram, calendar, ranking or map.
    #[arg(value_enum)]
    pub kind: Kind,
    /// Data files (any supported format, detected from the content).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Output file; the extension chooses the format: .png or .svg.
    #[arg(long)]
    pub out: PathBuf,
    /// Station codes: repeat the option or separate with commas (--station 1001A,1003A).
    #[arg(long, value_delimiter = ',', conflicts_with = "area")]
    pub station: Vec<String>,
    /// An area (CNEMC city); for `ranking` the area to highlight.
    #[arg(long)]
    pub area: Option<String>,
    /// First day or hour shown, local time of the data: 2019-12-01 or 2019-12-01T08:00.
    #[arg(long)]
    pub from: Option<String>,
    /// Last day (inclusive) or hour shown.
    #[arg(long)]
    pub to: Option<String>,
    /// Variable code (PM2.5, PM10, AQI, O3, …); AQI is the published hourly AQI.
    #[arg(long, default_value = "PM2.5")]
    pub variable: String,
    /// Width in pixels (default depends on the chart; 1920 with --projector).
    #[arg(long)]
    pub width: Option<u32>,
    /// Height in pixels (default depends on the chart; 1080 with --projector).
    #[arg(long)]
    pub height: Option<u32>,
    /// Projector style: thicker lines, larger labels.
    #[arg(long)]
    pub projector: bool,
    /// Language of the chart's text: zh (default) or en.
    #[arg(long, value_enum, default_value = "zh")]
    pub lang: Language,
    /// Meteogram: the now-line (forecast shaded after it).
    #[arg(long)]
    pub now: Option<String>,
    /// Meteogram: station or location codes the weather panels come from: repeat the option or
    /// separate with commas; a code that itself holds a comma (`open-meteo:36.610N,114.490E`) is
    /// taken whole.
    #[arg(long)]
    pub weather: Vec<String>,
    /// Meteogram: an unfavourable-weather window FROM..TO (repeatable).
    #[arg(long)]
    pub window: Vec<String>,
    /// Meteogram: a warning period LEVEL:FROM..TO, LEVEL = blue|yellow|orange|red (repeatable).
    #[arg(long)]
    pub warning: Vec<String>,
    /// Ranking: show only the best N (the highlighted area is always shown).
    #[arg(long)]
    pub top: Option<usize>,
    /// Map: the hour shown, local time of the data (2019-12-22T10:00).
    #[arg(long)]
    pub at: Option<String>,
    /// Map: AQI (category colours) or PM2.5 (its bands).
    #[arg(long, value_enum, default_value = "aqi")]
    pub pollutant: PollutantArg,
    /// Map: base layer files (GeoJSON or Shapefile, longitude/latitude), drawn under the stations.
    #[arg(long, value_name = "FILE")]
    pub boundaries: Vec<PathBuf>,
    /// Map: shade between stations by inverse-distance interpolation (labelled as such).
    #[arg(long)]
    pub shading: bool,
    /// Fail (exit 1) when any input row or value had to be skipped.
    #[arg(long)]
    pub strict: bool,
}

/// `--pollutant` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PollutantArg {
    /// Real-time AQI.
    Aqi,
    /// PM2.5 hourly concentration.
    Pm25,
}

/// Run `chart`.
pub fn run(args: &Args) -> Result<(), Failure> {
    let svg = match args
        .out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("png") => false,
        Some("svg") => true,
        _ => {
            return Err(Failure::unusable(format!(
                "{}: the output must end in .png or .svg",
                args.out.display()
            )));
        }
    };
    let variable = Variable::from_code(&args.variable).ok_or_else(|| {
        let known: Vec<&str> = Variable::ALL.iter().map(|v| v.code()).collect();
        Failure::unusable(format!(
            "unknown variable {:?}; known: {}",
            args.variable,
            known.join(", ")
        ))
    })?;
    let (store, report) = super::load_files(&args.files, args.lang)?;
    let problems: u64 = report.files.iter().map(FileReport::problem_count).sum();
    if problems > 0 {
        errln!(
            "airdesk: {problems} problem(s) in the input were skipped; `airdesk inspect` lists them"
        );
    }
    let style = if args.projector {
        ChartStyle::projector()
    } else {
        ChartStyle::desktop()
    }
    .with_lang(args.lang);
    let summary = match args.kind {
        Kind::Meteogram => meteogram(args, &store, variable, &style, svg)?,
        Kind::Calendar => calendar(args, &store, variable, &style, svg)?,
        Kind::Ranking => ranking(args, &store, variable, &style, svg)?,
        Kind::Map => map(args, &store, &style, svg)?,
    };
    outln!("{}: {summary}", args.out.display());
    if args.strict && problems > 0 {
        return Err(Failure::check(format!(
            "{problems} problem(s) found (--strict)"
        )));
    }
    Ok(())
}

fn size(args: &Args, default: (u32, u32)) -> (u32, u32) {
    let default = if args.projector {
        (1920, 1080)
    } else {
        default
    };
    (
        args.width.unwrap_or(default.0),
        args.height.unwrap_or(default.1),
    )
}

fn write(
    path: &Path,
    chart: Chart<'_>,
    (w, h): (u32, u32),
    style: &ChartStyle,
    svg: bool,
) -> Result<(), Failure> {
    let result = if svg {
        charts::render_svg(path, w, h, chart, style)
    } else {
        charts::render_png(path, w, h, chart, style)
    };
    result.map_err(|e| Failure::unusable(e.to_string()))
}

/// The selection from --station/--area, or the only station/area in the data.
fn selection(args: &Args, store: &Store) -> Result<Selection, Failure> {
    if !args.station.is_empty() {
        return Selection::stations(store, &args.station, args.lang).map_err(|code| {
            Failure::unusable(format!("station {code} is not in the loaded data"))
        });
    }
    let areas = store.stations().areas();
    if let Some(area) = &args.area {
        return Selection::area(store, area).ok_or_else(|| {
            Failure::unusable(format!(
                "area {area:?} has no stations in the loaded data; areas: {}",
                sample(&areas)
            ))
        });
    }
    let with_data: Vec<String> = store
        .keys()
        .into_iter()
        .map(|k| store.stations().get(k.station).code.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    if with_data.len() == 1 {
        return Selection::stations(store, &with_data, args.lang)
            .map_err(|c| Failure::unusable(format!("station {c} vanished")));
    }
    Err(Failure::unusable(format!(
        "choose --station CODE… or --area NAME ({} stations in the data; areas: {})",
        with_data.len(),
        sample(&areas)
    )))
}

fn sample(items: &[String]) -> String {
    let mut s: Vec<&str> = items.iter().take(12).map(String::as_str).collect();
    if items.len() > 12 {
        s.push("…");
    }
    if s.is_empty() {
        "none".to_string()
    } else {
        s.join(", ")
    }
}

/// A local time (see [`clock::parse_local`]): a date (its midnight; with `end_of_day` the next
/// midnight) or a date and hour.
fn parse_local(s: &str, end_of_day: bool) -> Result<NaiveDateTime, Failure> {
    clock::parse_local(s, end_of_day).ok_or_else(|| {
        Failure::unusable(format!(
            "{:?} is not a date (2019-12-01) or time (2019-12-01T08:00)",
            s.trim()
        ))
    })
}

fn parse_date(s: &str) -> Result<NaiveDate, Failure> {
    parse_local(s, false).map(|t| t.date())
}

/// `FROM..TO` as hours on the grid.
fn parse_span(s: &str, offset: i32) -> Result<(Hour, Hour), Failure> {
    let (a, b) = s.split_once("..").ok_or_else(|| {
        Failure::unusable(format!(
            "{s:?}: expected FROM..TO, e.g. 2019-12-08T00:00..2019-12-10"
        ))
    })?;
    let from = Hour::from_local(parse_local(a, false)?, offset);
    let to = Hour::from_local(parse_local(b, true)?, offset);
    if to <= from {
        return Err(Failure::unusable(format!(
            "{s:?}: the end is not after the start"
        )));
    }
    Ok((from, to))
}

fn meteogram(
    args: &Args,
    store: &Store,
    variable: Variable,
    style: &ChartStyle,
    svg: bool,
) -> Result<String, Failure> {
    let sel = selection(args, store)?;
    let offset = sel.utc_offset_s(store);
    let mut opts = MeteogramOptions {
        variable,
        lang: args.lang,
        ..MeteogramOptions::default()
    };
    if let Some(f) = &args.from {
        opts.from = Some(Hour::from_local(parse_local(f, false)?, offset));
    }
    if let Some(t) = &args.to {
        opts.to = Some(Hour::from_local(parse_local(t, true)?, offset));
    }
    if let Some(n) = &args.now {
        opts.now = Some(Hour::from_local(parse_local(n, false)?, offset));
    }
    for arg in &args.weather {
        for code in split_codes(arg, |c| store.stations().find(c).is_some())? {
            opts.weather.extend(store.stations().find(&code));
        }
    }
    for w in &args.window {
        let (from, to) = parse_span(w, offset)?;
        opts.spans.push(Span {
            from,
            to,
            kind: SpanKind::Window,
            label: Tr(args.lang).t(T::ChartWindow).to_string(),
            tint: None,
        });
    }
    for w in &args.warning {
        let (level, span) = w.split_once(':').ok_or_else(|| {
            Failure::unusable(format!(
                "{w:?}: expected LEVEL:FROM..TO, e.g. orange:2019-12-08T12:00..2019-12-10"
            ))
        })?;
        let level = level
            .parse::<Level>()
            .ok()
            .filter(|l| l.is_warning())
            .ok_or_else(|| {
                Failure::unusable(format!(
                    "{level:?}: the warning level must be blue, yellow, orange or red"
                ))
            })?;
        let (from, to) = parse_span(span, offset)?;
        opts.spans.push(Span {
            from,
            to,
            kind: SpanKind::Warning(level),
            label: warning_name(level, args.lang).to_string(),
            tint: None,
        });
    }
    let chart = from_store::meteogram(store, &sel, &opts);
    if chart.extent().is_none() {
        return Err(Failure::unusable(format!(
            "no {} values for {} in the loaded data",
            variable.code(),
            sel.label
        )));
    }
    let view = ChartView::default();
    let panels = chart.panels.len();
    let dims = size(args, (1400, 480 + 200 * panels as u32));
    write(&args.out, Chart::Time(&chart, &view), dims, style, svg)?;
    Ok(format!(
        "meteogram of {}, {} panel(s), {}×{}",
        sel.label, panels, dims.0, dims.1
    ))
}

fn date_range(
    args: &Args,
    store: &Store,
    stations: &[crate::store::StationId],
    variable: Variable,
) -> Result<(NaiveDate, NaiveDate), Failure> {
    let extent = from_store::date_extent(store, stations, variable);
    let from = match &args.from {
        Some(f) => parse_date(f)?,
        None => extent.map(|e| e.0).ok_or_else(|| {
            Failure::unusable(format!("no {} values in the loaded data", variable.code()))
        })?,
    };
    let to = match &args.to {
        Some(t) => parse_date(t)?,
        None => extent.map_or(from, |e| e.1),
    };
    if to < from {
        return Err(Failure::unusable("--to is before --from"));
    }
    Ok((from, to))
}

fn calendar(
    args: &Args,
    store: &Store,
    variable: Variable,
    style: &ChartStyle,
    svg: bool,
) -> Result<String, Failure> {
    if variable == Variable::Aqi {
        return Err(Failure::unusable(
            "a daily AQI is not the mean of hourly AQI values; draw the calendar of PM2.5 (its colours are the AQI categories of PM2.5)",
        ));
    }
    let sel = selection(args, store)?;
    let (from, to) = date_range(args, store, &sel.stations, variable)?;
    let data = from_store::calendar(store, &sel, variable, (from, to), args.lang);
    let months = data.from.zip(data.to).map_or(1, |(a, b)| {
        use chrono::Datelike;
        ((b.year() - a.year()) * 12 + b.month() as i32 - a.month() as i32 + 1).max(1) as u32
    });
    let dims = size(
        args,
        if months == 1 {
            (760, 640)
        } else {
            (1400, 300 + 300 * months.div_ceil(3))
        },
    );
    write(&args.out, Chart::Calendar(&data), dims, style, svg)?;
    Ok(format!(
        "calendar of {}, {} day(s) with values, {}×{}",
        sel.label,
        data.values.len(),
        dims.0,
        dims.1
    ))
}

fn ranking(
    args: &Args,
    store: &Store,
    variable: Variable,
    style: &ChartStyle,
    svg: bool,
) -> Result<String, Failure> {
    let by_stations = !args.station.is_empty();
    let all: Vec<crate::store::StationId> = store.stations().iter().map(|(id, _)| id).collect();
    let stations = if by_stations {
        selection(args, store)?.stations
    } else {
        all
    };
    let (from, to) = date_range(args, store, &stations, variable)?;
    let mut data = if by_stations {
        from_store::ranking_of_stations(
            store,
            &selection(args, store)?,
            variable,
            (from, to),
            args.lang,
        )
    } else {
        if let Some(area) = &args.area
            && !store.stations().areas().contains(area)
        {
            return Err(Failure::unusable(format!(
                "area {area:?} is not in the loaded data"
            )));
        }
        from_store::ranking_of_areas(store, variable, (from, to), args.area.as_deref(), args.lang)
    };
    if data.items.is_empty() {
        return Err(Failure::unusable(format!(
            "no {} daily means to rank in the loaded data",
            variable.code()
        )));
    }
    let total = data.items.len();
    if let Some(n) = args.top
        && n < total
    {
        data.top = Some(n);
        data.title
            .push_str(&Tr(args.lang).f(T::ChartRankingTop, &[&n, &total]));
    }
    let rows = data.top.map_or(total, |n| n + 1) as u32;
    let dims = size(args, (1100, (rows * 26 + 170).clamp(300, 16_000)));
    write(&args.out, Chart::Ranking(&data), dims, style, svg)?;
    Ok(format!("ranking of {total} item(s), {}×{}", dims.0, dims.1))
}

/// Split a comma-separated list of location codes where codes may hold commas themselves: from
/// each position the longest run of pieces that names a known location is taken.
fn split_codes(arg: &str, known: impl Fn(&str) -> bool) -> Result<Vec<String>, Failure> {
    let pieces: Vec<&str> = arg.split(',').map(str::trim).collect();
    let mut codes = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        let found = (i..pieces.len())
            .rev()
            .map(|j| pieces[i..=j].join(","))
            .find(|code| known(code));
        let code = found.ok_or_else(|| {
            Failure::unusable(format!(
                "weather location {} is not in the loaded data",
                pieces[i]
            ))
        })?;
        i += code.split(',').count();
        codes.push(code);
    }
    Ok(codes)
}

fn map(args: &Args, store: &Store, style: &ChartStyle, svg: bool) -> Result<String, Failure> {
    use crate::report::charts::map_data::{MapOptions, MapPollutant, MapSource, map_at};
    let at = args
        .at
        .as_deref()
        .ok_or_else(|| Failure::unusable("the map needs --at TIME (e.g. 2019-12-22T10:00)"))?;
    let mut layers = Vec::new();
    for path in &args.boundaries {
        layers.push(ingest::load_base_layer(path).map_err(|e| {
            let e = e.render(Tr(args.lang));
            Failure::unusable(format!("{}: {e}", path.display()))
        })?);
    }
    let own: Option<(String, Vec<crate::store::StationId>)> = args.area.as_ref().map(|name| {
        let ids = store.stations().in_area(name);
        (name.clone(), ids)
    });
    if let Some((name, ids)) = &own
        && ids.is_empty()
    {
        return Err(Failure::unusable(format!(
            "area {name:?} has no stations in the loaded data (add the station list)"
        )));
    }
    let source = MapSource::new(
        store,
        own.as_ref().map(|(n, ids)| (n.as_str(), ids.as_slice())),
        &layers,
    )
    .ok_or_else(|| {
        Failure::unusable(
            "no station with coordinates: add the station list (站点列表, NewSiteList.csv)",
        )
    })?;
    let offset = source
        .stations
        .first()
        .map_or(8 * 3600, |&id| store.stations().get(id).utc_offset_s);
    let hour = Hour::from_local(parse_local(at, false)?, offset);
    let options = MapOptions {
        pollutant: match args.pollutant {
            PollutantArg::Aqi => MapPollutant::Aqi,
            PollutantArg::Pm25 => MapPollutant::Pm25,
        },
        shading: args.shading,
        alerts: Default::default(),
        lang: args.lang,
    };
    let data = map_at(store, &source, hour, &options);
    let reporting = data.stations.iter().filter(|s| s.value.is_some()).count();
    write(
        &args.out,
        Chart::Map(&data),
        size(args, (1600, 1100)),
        style,
        svg,
    )?;
    Ok(format!(
        "map of {} stations ({reporting} with a value), {} wind arrow(s), {} base layer(s)",
        data.stations.len(),
        data.winds.len(),
        layers.len()
    ))
}
