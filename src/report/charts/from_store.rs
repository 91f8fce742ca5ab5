//! Chart data from the store: the meteogram of an area or stations, the calendar of daily means
//! and rankings, as the CLI and the pages ask for them.
//!
//! Daily means follow GB 3095-2026 Table 4 (a station day needs ≥ 20 hourly values) and the
//! store's stamp convention (CNEMC stamps mark the end of the hour); an area's daily mean is the
//! mean of its stations' valid daily means.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use plotters::style::RGBColor;

use super::calendar::CalendarData;
use super::colour::{self, Band, series_colour};
use super::decimate::Hourly;
use super::ranking::{Better, RankItem, RankingData};
use super::time_axis::{format_date, local};
use super::timechart::{Arrows, Axis, Mark, Marker, Panel, Span, SpanKind, TimeChart, Trace};
use crate::domain::festivals;
use crate::i18n::Language;
use crate::i18n::{T, Tr};
use crate::store::{Hour, SeriesKey, SeriesKind, StampConvention, StationId, Store, Variable};

/// Hourly values a station day needs to count (GB 3095-2026 Table 4).
pub const MIN_HOURS_PER_DAY: usize = 20;

/// Stations the chart is about, with the name to show for them.
#[derive(Debug, Clone, PartialEq)]
pub struct Selection {
    /// `北京` for an area, station names otherwise.
    pub label: String,
    /// The stations.
    pub stations: Vec<StationId>,
    /// Whether the selection is an area (its mean is drawn boldly, stations faintly).
    pub is_area: bool,
}

impl Selection {
    /// The stations of an area (control sites excluded); `None` when the area has none.
    pub fn area(store: &Store, name: &str) -> Option<Selection> {
        let stations = store.stations().in_area(name);
        (!stations.is_empty()).then(|| Selection {
            label: name.to_string(),
            stations,
            is_area: true,
        })
    }

    /// Stations by code, named in `lang` (`A、B、C 等5站`); the first unknown code is the error.
    pub fn stations(store: &Store, codes: &[String], lang: Language) -> Result<Selection, String> {
        let tr = Tr(lang);
        let mut ids = Vec::new();
        for code in codes {
            ids.push(store.stations().find(code).ok_or_else(|| code.clone())?);
        }
        let names: Vec<String> = ids
            .iter()
            .take(3)
            .map(|&id| store.stations().get(id).label().to_string())
            .collect();
        let mut label = names.join(crate::i18n::list_separator(tr));
        if ids.len() > 3 {
            label = tr.f(T::ChartAndOthers, &[&label, &ids.len()]);
        }
        Ok(Selection {
            label,
            stations: ids,
            is_area: false,
        })
    }

    /// UTC offset of the selection's stations (Beijing time when unknown).
    pub fn utc_offset_s(&self, store: &Store) -> i32 {
        self.stations
            .first()
            .map_or(8 * 3600, |&id| store.stations().get(id).utc_offset_s)
    }
}

/// What the meteogram shows beyond the selection.
#[derive(Debug, Clone, PartialEq)]
pub struct MeteogramOptions {
    /// The air-quality variable of the top panel (PM2.5, published AQI, …).
    pub variable: Variable,
    /// First hour shown (default: first value).
    pub from: Option<Hour>,
    /// Hour after the last one shown (default: after the last value).
    pub to: Option<Hour>,
    /// The now-line.
    pub now: Option<Hour>,
    /// Where the weather comes from (forecast locations); empty = the selected stations.
    pub weather: Vec<StationId>,
    /// Unfavourable-weather windows and warning periods (from other modules).
    pub spans: Vec<Span>,
    /// Point events.
    pub markers: Vec<Marker>,
    /// Language of titles, legends and labels.
    pub lang: Language,
}

impl Default for MeteogramOptions {
    fn default() -> Self {
        MeteogramOptions {
            variable: Variable::Pm25,
            from: None,
            to: None,
            now: None,
            weather: Vec::new(),
            spans: Vec::new(),
            markers: Vec::new(),
            lang: Language::Zh,
        }
    }
}

/// The bands behind a variable: AQI categories, or the matching concentration bands of the
/// HJ 633 table in force on `date`; named in `lang`.
pub fn bands_for(variable: Variable, date: NaiveDate, lang: Language) -> Vec<Band> {
    match variable {
        Variable::Aqi => colour::aqi_bands(lang),
        Variable::Pm25 | Variable::Pm25Avg24h => colour::pm25_bands(date, lang),
        Variable::Pm10 | Variable::Pm10Avg24h => colour::pm10_bands(date, lang),
        _ => Vec::new(),
    }
}

fn unit_suffix(v: Variable, tr: Tr) -> String {
    if v.unit().is_empty() {
        String::new()
    } else {
        tr.f(T::ChartUnit, &[&v.unit()])
    }
}

/// First and last hour (exclusive end) with a value of `variable` at any of `stations`.
fn extent(store: &Store, stations: &[StationId], variables: &[Variable]) -> Option<(Hour, Hour)> {
    let mut out: Option<(Hour, Hour)> = None;
    for &station in stations {
        for &variable in variables {
            for kind in [SeriesKind::Observed, SeriesKind::Forecast] {
                if let Some((a, b)) = store
                    .series(SeriesKey {
                        station,
                        variable,
                        kind,
                    })
                    .and_then(|s| s.present_span())
                {
                    out = Some(match out {
                        None => (a, b + 1),
                        Some((x, y)) => (x.min(a), y.max(b + 1)),
                    });
                }
            }
        }
    }
    out
}

/// Per-hour mean over stations of one series kind; `None` when no station has any value.
fn hourly_mean(
    store: &Store,
    stations: &[StationId],
    variable: Variable,
    kind: SeriesKind,
    from: Hour,
    to: Hour,
) -> Option<Hourly> {
    let n = (to - from).max(0) as usize;
    let mut sum = vec![0f64; n];
    let mut count = vec![0u32; n];
    let mut any = false;
    for &station in stations {
        let Some(series) = store.series(SeriesKey {
            station,
            variable,
            kind,
        }) else {
            continue;
        };
        for (i, v) in series.window(from, to).into_iter().enumerate() {
            if !v.is_nan() {
                sum[i] += f64::from(v);
                count[i] += 1;
                any = true;
            }
        }
    }
    any.then(|| {
        let values = sum
            .iter()
            .zip(&count)
            .map(|(s, &c)| {
                if c == 0 {
                    f32::NAN
                } else {
                    (s / f64::from(c)) as f32
                }
            })
            .collect();
        Hourly::new(from, values)
    })
}

fn station_series(
    store: &Store,
    station: StationId,
    variable: Variable,
    kind: SeriesKind,
    from: Hour,
    to: Hour,
) -> Option<Hourly> {
    let s = store.series(SeriesKey {
        station,
        variable,
        kind,
    })?;
    let values = s.window(from, to);
    values
        .iter()
        .any(|v| !v.is_nan())
        .then(|| Hourly::new(from, values))
}

/// One series from two on the same hours: the observed value where there is one, else the
/// forecast; `None` when neither has any.
fn observed_then_forecast(observed: Option<Hourly>, forecast: Option<Hourly>) -> Option<Hourly> {
    match (observed, forecast) {
        (Some(o), Some(f)) => {
            let values = (0..o.values().len() as i64)
                .map(|i| {
                    let hour = o.start().0 + i;
                    o.get(hour).or_else(|| f.get(hour)).unwrap_or(f32::NAN)
                })
                .collect();
            Some(Hourly::new(o.start(), values))
        }
        (o, f) => o.or(f),
    }
}

/// The longest period one time chart spans (20 years of hours): a mistyped year in a period or a
/// warning's end must not make a chart allocate and draw centuries of hours.
pub const MAX_CHART_HOURS: i64 = 20 * 366 * 24;

/// Festival days in `from..to` as shaded spans (local midnight to midnight), named in `lang`.
pub fn festival_spans(from: Hour, to: Hour, utc_offset_s: i32, lang: Language) -> Vec<Span> {
    let first = local(from.0 as f64, utc_offset_s).date();
    let last = local(to.0 as f64, utc_offset_s).date();
    festivals::between(first, last)
        .into_iter()
        .map(|f| {
            let start = Hour::from_local_date_hour(f.date, 0, utc_offset_s);
            Span {
                from: start,
                to: start + 24,
                kind: SpanKind::Festival,
                label: Tr(lang).festival(f.kind).to_string(),
                tint: None,
            }
        })
        .collect()
}

/// The meteogram of a selection: the air-quality panel (observed solid, forecast dashed, AQI
/// bands behind) and, where the store holds them, wind (speed and direction arrows), humidity
/// with precipitation, and boundary-layer height; festivals, spans, markers and the now-line.
/// At most [`MAX_CHART_HOURS`] from its start are drawn.
pub fn meteogram(store: &Store, sel: &Selection, opts: &MeteogramOptions) -> TimeChart {
    let tr = Tr(opts.lang);
    let offset = sel.utc_offset_s(store);
    let weather: &[StationId] = if opts.weather.is_empty() {
        &sel.stations
    } else {
        &opts.weather
    };
    let (from, to) = period(store, sel, weather, opts);
    let first_day = local(from.0 as f64, offset).date();
    let last_day = local((to.0 - 1) as f64, offset).date();
    let var_name = tr.variable(opts.variable);
    let mut panels = vec![air_panel(store, sel, opts, (from, to), first_day)];
    let w = Weather {
        store,
        stations: weather,
        from,
        to,
        tr,
    };
    panels.extend(w.wind_panel());
    panels.extend(w.humidity_panel());
    panels.extend(w.mixing_panel());
    let mut spans = festival_spans(from, to, offset, opts.lang);
    spans.extend(opts.spans.iter().cloned());
    TimeChart {
        title: if panels.len() > 1 {
            tr.f(T::ChartMeteogramTitle, &[&sel.label, &var_name])
        } else {
            tr.f(T::ChartHourlyTitle, &[&sel.label, &var_name])
        },
        subtitle: subtitle((first_day, last_day), offset, opts),
        utc_offset_s: offset,
        panels,
        spans,
        markers: opts.markers.clone(),
        now: opts.now,
    }
}

/// The hours shown: those asked for, else the extent of the data (the variable's, else the
/// weather's), else a day.
fn period(
    store: &Store,
    sel: &Selection,
    weather: &[StationId],
    opts: &MeteogramOptions,
) -> (Hour, Hour) {
    let weather_vars = [
        Variable::WindSpeed,
        Variable::WindDirection,
        Variable::RelativeHumidity,
        Variable::Precipitation,
        Variable::BoundaryLayerHeight,
    ];
    let data_extent = extent(store, &sel.stations, &[opts.variable])
        .or_else(|| extent(store, weather, &weather_vars));
    let (from, to) = match (opts.from, opts.to, data_extent) {
        (Some(a), Some(b), _) => (a, b),
        (Some(a), None, Some((_, b))) => (a, b),
        (None, Some(b), Some((a, _))) => (a, b),
        (None, None, Some(e)) => e,
        (Some(a), None, None) => (a, a + 24),
        (None, Some(b), None) => (b - 24, b),
        (None, None, None) => (Hour(0), Hour(24)),
    };
    let (from, to) = (from.min(to), from.max(to));
    (from, to.min(from + MAX_CHART_HOURS))
}

/// The air-quality panel: each station (muted behind the mean when there are many), the mean
/// of the selection, and the forecast dashed, over the category bands of the first day.
fn air_panel(
    store: &Store,
    sel: &Selection,
    opts: &MeteogramOptions,
    (from, to): (Hour, Hour),
    first_day: NaiveDate,
) -> Panel {
    let tr = Tr(opts.lang);
    let var = opts.variable;
    let mut air = Panel::new(&format!("{}{}", tr.variable(var), unit_suffix(var, tr)));
    air.bands = bands_for(var, first_day, opts.lang);
    air.weight = 2.2;
    let many = sel.stations.len() > 8;
    if sel.is_area || sel.stations.len() > 1 {
        for (i, &id) in sel.stations.iter().enumerate() {
            if let Some(values) = station_series(store, id, var, SeriesKind::Observed, from, to) {
                let st = store.stations().get(id);
                let mut t = Trace::line(
                    &format!("obs:{}", st.code),
                    st.label(),
                    series_colour(i + 1),
                    values,
                )
                .unit(var.unit())
                .width(if many { 0.45 } else { 0.7 });
                if many {
                    t = t.no_legend();
                    t.colour = muted(t.colour);
                }
                air.traces.push(t);
            }
        }
        let mean_label = if sel.is_area {
            tr.f(T::ChartAreaMean, &[&sel.label])
        } else {
            tr.t(T::ChartStationMean).to_string()
        };
        if let Some(values) = hourly_mean(store, &sel.stations, var, SeriesKind::Observed, from, to)
        {
            air.traces.push(
                Trace::line("obs:mean", &mean_label, series_colour(0), values)
                    .unit(var.unit())
                    .width(1.5),
            );
        }
    } else if let Some(&id) = sel.stations.first()
        && let Some(values) = station_series(store, id, var, SeriesKind::Observed, from, to)
    {
        air.traces.push(
            Trace::line(
                "obs",
                &tr.f(T::ChartObserved, &[&sel.label]),
                series_colour(0),
                values,
            )
            .unit(var.unit())
            .width(1.3),
        );
    }
    if let Some(values) = hourly_mean(store, &sel.stations, var, SeriesKind::Forecast, from, to) {
        air.traces.push(
            Trace::line(
                "fc:mean",
                &tr.f(T::ChartForecast, &[&sel.label]),
                series_colour(1),
                values,
            )
            .mark(Mark::Dashed)
            .unit(var.unit())
            .width(1.3),
        );
    }
    air
}

/// Where the weather panels take their values: the weather stations over the hours shown.
struct Weather<'a> {
    store: &'a Store,
    stations: &'a [StationId],
    from: Hour,
    to: Hour,
    tr: Tr,
}

impl Weather<'_> {
    /// A weather variable's observed (solid) and forecast (dashed) means, as far as present.
    fn traces(&self, variable: Variable, key: &str, label: &str, colour: RGBColor) -> Vec<Trace> {
        let tr = self.tr;
        let mut out = Vec::new();
        let mean = |kind| {
            hourly_mean(
                self.store,
                self.stations,
                variable,
                kind,
                self.from,
                self.to,
            )
        };
        if let Some(v) = mean(SeriesKind::Observed) {
            out.push(
                Trace::line(
                    &format!("obs:{key}"),
                    &tr.f(T::ChartObserved, &[&label]),
                    colour,
                    v,
                )
                .unit(variable.unit()),
            );
        }
        if let Some(v) = mean(SeriesKind::Forecast) {
            out.push(
                Trace::line(
                    &format!("fc:{key}"),
                    &tr.f(T::ChartForecast, &[&label]),
                    colour,
                    v,
                )
                .mark(Mark::Dashed)
                .unit(variable.unit()),
            );
        }
        out
    }

    /// Wind speed with direction arrows (the direction of the first weather station that measured
    /// one, and after it that of the first with a forecast, so the arrows go on where the
    /// observations stop).
    fn wind_panel(&self) -> Option<Panel> {
        let tr = self.tr;
        let wind = self.traces(
            Variable::WindSpeed,
            "wind",
            tr.t(T::ChartWindSpeed),
            RGBColor(0, 110, 170),
        );
        let first = |kind| {
            self.stations.iter().find_map(|&id| {
                station_series(
                    self.store,
                    id,
                    Variable::WindDirection,
                    kind,
                    self.from,
                    self.to,
                )
            })
        };
        let direction =
            observed_then_forecast(first(SeriesKind::Observed), first(SeriesKind::Forecast));
        if wind.is_empty() && direction.is_none() {
            return None;
        }
        let speed = |prefix: &str| {
            wind.iter()
                .find(|t| t.key.starts_with(prefix))
                .map(|t| t.values.clone())
        };
        let mut p = Panel::new(tr.t(T::ChartWindPanel));
        p.arrows = direction.map(|d| Arrows {
            direction: d,
            speed: observed_then_forecast(speed("obs:"), speed("fc:")),
        });
        p.traces = wind;
        Some(p)
    }

    /// Relative humidity (0–100 %) with precipitation as bars on the right, or precipitation
    /// alone.
    fn humidity_panel(&self) -> Option<Panel> {
        let tr = self.tr;
        let rh = self.traces(
            Variable::RelativeHumidity,
            "rh",
            tr.t(T::ChartRh),
            RGBColor(0, 128, 96),
        );
        let rain: Vec<Trace> = self
            .traces(
                Variable::Precipitation,
                "rain",
                tr.t(T::ChartRain),
                RGBColor(70, 130, 210),
            )
            .into_iter()
            .map(|t| t.mark(Mark::Bars).right())
            .collect();
        if rh.is_empty() && rain.is_empty() {
            return None;
        }
        let mut p = Panel::new(tr.t(if rh.is_empty() {
            T::ChartRainPanel
        } else {
            T::ChartRhPanel
        }));
        if rh.is_empty() {
            p.traces = rain
                .into_iter()
                .map(|mut t| {
                    t.axis = Axis::Left;
                    t
                })
                .collect();
            return Some(p);
        }
        p.fixed = Some((0.0, 100.0));
        if !rain.is_empty() {
            p.right_title = Some(tr.t(T::ChartRainRate).to_string());
        }
        p.traces = rh;
        p.traces.extend(rain);
        Some(p)
    }

    /// Boundary-layer (mixing) height.
    fn mixing_panel(&self) -> Option<Panel> {
        let tr = self.tr;
        let blh = self.traces(
            Variable::BoundaryLayerHeight,
            "blh",
            tr.t(T::ChartBlh),
            RGBColor(140, 90, 40),
        );
        if blh.is_empty() {
            return None;
        }
        let mut p = Panel::new(tr.t(T::ChartBlhPanel));
        p.traces = blh;
        Some(p)
    }
}

/// The subtitle: the days shown, the time zone, and which category table the bands follow.
fn subtitle(
    (first_day, last_day): (NaiveDate, NaiveDate),
    offset: i32,
    opts: &MeteogramOptions,
) -> String {
    let tr = Tr(opts.lang);
    let period = if first_day == last_day {
        format_date(first_day, true, opts.lang)
    } else if opts.lang == Language::En {
        // 7 – 15 Jan 2013: the year goes last in English.
        format!(
            "{} – {}",
            format_date(first_day, first_day.year() != last_day.year(), opts.lang),
            format_date(last_day, true, opts.lang)
        )
    } else {
        format!(
            "{} – {}",
            format_date(first_day, true, opts.lang),
            format_date(last_day, first_day.year() != last_day.year(), opts.lang)
        )
    };
    let zone = if offset == 8 * 3600 {
        tr.t(T::ChartBeijingTime).to_string()
    } else {
        format!("UTC{:+}", offset / 3600)
    };
    let bands_note = match opts.variable {
        Variable::Pm25 | Variable::Pm25Avg24h | Variable::Pm10 | Variable::Pm10Avg24h => {
            let table = if first_day < colour::hj633_2026_start() {
                "HJ 633-2012"
            } else {
                "HJ 633-2026"
            };
            format!(" · {}", tr.f(T::ChartBandsTable, &[&table]))
        }
        Variable::Aqi => format!(" · {}", tr.t(T::ChartBandsAqi)),
        _ => String::new(),
    };
    format!("{period} · {zone}{bands_note}")
}

/// A lighter version of a colour, for station lines behind the area mean.
fn muted(c: RGBColor) -> RGBColor {
    let mix = |v: u8| ((f64::from(v) * 0.45) + 255.0 * 0.55) as u8;
    RGBColor(mix(c.0), mix(c.1), mix(c.2))
}

/// A station's valid daily means of `variable` (observed) for `from..=to`.
pub fn station_daily_means(
    store: &Store,
    station: StationId,
    variable: Variable,
    from: NaiveDate,
    to: NaiveDate,
) -> BTreeMap<NaiveDate, f64> {
    let mut out = BTreeMap::new();
    let Some(series) = store.observed(station, variable) else {
        return out;
    };
    let offset = store.stations().get(station).utc_offset_s;
    let stamp: StampConvention = series.stamp();
    let mut date = from;
    while date <= to {
        let r = Hour::day_range(date, stamp, offset);
        let values = series.window(r.start, r.end);
        let valid: Vec<f64> = values
            .iter()
            .filter(|v| !v.is_nan())
            .map(|&v| f64::from(v))
            .collect();
        if valid.len() >= MIN_HOURS_PER_DAY {
            out.insert(date, valid.iter().sum::<f64>() / valid.len() as f64);
        }
        date += Duration::days(1);
    }
    out
}

/// An area's (or several stations') daily means: the mean of the stations' valid daily means.
pub fn daily_means(
    store: &Store,
    stations: &[StationId],
    variable: Variable,
    from: NaiveDate,
    to: NaiveDate,
) -> BTreeMap<NaiveDate, f64> {
    let mut acc: BTreeMap<NaiveDate, (f64, u32)> = BTreeMap::new();
    for &id in stations {
        for (d, v) in station_daily_means(store, id, variable, from, to) {
            let e = acc.entry(d).or_insert((0.0, 0));
            e.0 += v;
            e.1 += 1;
        }
    }
    acc.into_iter()
        .map(|(d, (s, n))| (d, s / f64::from(n)))
        .collect()
}

/// First and last local date on which any of `stations` has a valid daily mean of `variable`.
pub fn date_extent(
    store: &Store,
    stations: &[StationId],
    variable: Variable,
) -> Option<(NaiveDate, NaiveDate)> {
    let mut out: Option<(NaiveDate, NaiveDate)> = None;
    for &id in stations {
        let Some(s) = store.observed(id, variable) else {
            continue;
        };
        let Some((a, b)) = s.present_span() else {
            continue;
        };
        let offset = store.stations().get(id).utc_offset_s;
        let days = station_daily_means(
            store,
            id,
            variable,
            a.day(s.stamp(), offset),
            b.day(s.stamp(), offset),
        );
        let (Some(first), Some(last)) = (days.keys().next(), days.keys().next_back()) else {
            continue;
        };
        out = Some(match out {
            None => (*first, *last),
            Some((x, y)) => (x.min(*first), y.max(*last)),
        });
    }
    out
}

/// Calendar of daily means of a concentration for a selection, coloured by the HJ 633 bands of
/// the period, heavy days (AQI > 200 ⇔ PM2.5 daily mean > 150 µg/m³ in both tables) framed;
/// text in `lang`.
pub fn calendar(
    store: &Store,
    sel: &Selection,
    variable: Variable,
    (from, to): (NaiveDate, NaiveDate),
    lang: Language,
) -> CalendarData {
    let tr = Tr(lang);
    let values = daily_means(store, &sel.stations, variable, from, to);
    let notes = festivals::between(from, to)
        .into_iter()
        .map(|f| (f.date, tr.festival(f.kind).to_string()))
        .collect();
    let heavy = match variable {
        Variable::Pm25 | Variable::Pm25Avg24h => Some((150.0, tr.f(T::ChartHeavyFrame, &[&150]))),
        Variable::Pm10 | Variable::Pm10Avg24h => Some((350.0, tr.f(T::ChartHeavyFrame, &[&350]))),
        Variable::Aqi => Some((200.0, tr.t(T::ChartHeavyFrameAqi).to_string())),
        _ => None,
    };
    let table = if from < colour::hj633_2026_start() {
        "HJ 633-2012"
    } else {
        "HJ 633-2026"
    };
    let unit = if variable.unit().is_empty() {
        "—"
    } else {
        variable.unit()
    };
    CalendarData {
        title: tr.f(T::ChartCalendarTitle, &[&sel.label, &tr.variable(variable)]),
        subtitle: tr.f(
            T::ChartCalendarSubtitle,
            &[
                &format_date(from, true, lang),
                &format_date(to, true, lang),
                &unit,
                &MIN_HOURS_PER_DAY,
                &table,
            ],
        ),
        from: Some(from),
        to: Some(to),
        values,
        bands: bands_for(variable, from, lang),
        heavy_above: heavy.as_ref().map(|h| h.0),
        heavy_label: heavy.map(|h| h.1).unwrap_or_default(),
        notes,
    }
}

fn period_mean(daily: &BTreeMap<NaiveDate, f64>) -> f64 {
    if daily.is_empty() {
        return f64::NAN;
    }
    daily.values().sum::<f64>() / daily.len() as f64
}

/// Ranking of every area (CNEMC city) in the store by the period mean of its daily means,
/// lowest first; `highlight` marks the user's own area; text in `lang`.
pub fn ranking_of_areas(
    store: &Store,
    variable: Variable,
    (from, to): (NaiveDate, NaiveDate),
    highlight: Option<&str>,
    lang: Language,
) -> RankingData {
    let items = store
        .stations()
        .areas()
        .into_iter()
        .filter_map(|area| {
            let stations = store.stations().in_area(&area);
            let v = period_mean(&daily_means(store, &stations, variable, from, to));
            v.is_finite().then(|| RankItem {
                highlight: highlight == Some(area.as_str()),
                label: area,
                value: v,
                note: String::new(),
            })
        })
        .collect();
    let what = Tr(lang).t(T::ChartRankingAreas);
    ranking_data(items, variable, (from, to), what, lang)
}

/// Ranking of the selected stations by the period mean of their daily means, lowest first;
/// text in `lang`.
pub fn ranking_of_stations(
    store: &Store,
    sel: &Selection,
    variable: Variable,
    (from, to): (NaiveDate, NaiveDate),
    lang: Language,
) -> RankingData {
    let items = sel
        .stations
        .iter()
        .map(|&id| RankItem {
            label: store.stations().get(id).label().to_string(),
            value: period_mean(&station_daily_means(store, id, variable, from, to)),
            highlight: false,
            note: String::new(),
        })
        .collect();
    ranking_data(items, variable, (from, to), &sel.label, lang)
}

fn ranking_data(
    items: Vec<RankItem>,
    variable: Variable,
    (from, to): (NaiveDate, NaiveDate),
    what: &str,
    lang: Language,
) -> RankingData {
    let tr = Tr(lang);
    RankingData {
        title: tr.f(T::ChartRankingTitle, &[&what, &tr.variable(variable)]),
        subtitle: tr.f(
            T::ChartRankingSubtitle,
            &[
                &format_date(from, true, lang),
                &format_date(to, true, lang),
                &MIN_HOURS_PER_DAY,
            ],
        ),
        value_name: format!("{}{}", tr.variable(variable), unit_suffix(variable, tr)),
        items,
        better: Better::Lower,
        bands: bands_for(variable, from, lang),
        decimals: if matches!(variable, Variable::Co | Variable::CoAvg24h) {
            2
        } else {
            1
        },
        ..RankingData::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Batch, Chunk, Station};
    use std::path::PathBuf;

    const CST: i32 = 8 * 3600;

    fn chunk(station: usize, variable: Variable, start: Hour, values: Vec<f32>) -> Chunk {
        Chunk {
            station,
            variable,
            kind: SeriesKind::Observed,
            stamp: StampConvention::EndOfHour,
            start,
            values,
        }
    }

    /// Two stations of one area, 2020-01-20 … 2020-02-09, PM2.5 plus wind and humidity at the
    /// first; the second station misses five hours on 2020-01-21.
    fn store() -> (Store, Hour) {
        let day0 = NaiveDate::from_ymd_opt(2020, 1, 20).expect("date");
        let start = Hour::day_range(day0, StampConvention::EndOfHour, CST).start;
        let n = 21 * 24;
        let mut b = Batch::new(PathBuf::from("test.csv"));
        for code in ["T01", "T02"] {
            b.station(Station {
                area: Some("测试市".to_string()),
                ..Station::with_code(code)
            });
        }
        let pm: Vec<f32> = (0..n).map(|h| 100.0 + (h % 24) as f32).collect();
        let mut pm2 = pm.clone();
        for v in &mut pm2[24..29] {
            *v = f32::NAN;
        }
        b.chunks.push(chunk(0, Variable::Pm25, start, pm));
        b.chunks.push(chunk(1, Variable::Pm25, start, pm2));
        b.chunks
            .push(chunk(0, Variable::WindSpeed, start, vec![2.0; n]));
        b.chunks
            .push(chunk(0, Variable::WindDirection, start, vec![315.0; n]));
        b.chunks
            .push(chunk(0, Variable::RelativeHumidity, start, vec![70.0; n]));
        let mut store = Store::new();
        assert!(store.merge(b).is_empty());
        (store, start)
    }

    #[test]
    fn meteogram_has_weather_panels_festivals_and_bands_of_its_period() {
        let (store, start) = store();
        let sel = Selection::area(&store, "测试市").expect("area");
        let chart = meteogram(&store, &sel, &MeteogramOptions::default());
        let titles: Vec<&str> = chart.panels.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(titles.len(), 3, "{titles:?}");
        assert!(titles[0].starts_with("PM2.5"));
        assert!(chart.panels[1].arrows.is_some());
        assert_eq!(chart.panels[2].fixed, Some((0.0, 100.0)));
        // 2020: 除夕 24 Jan, 春节 25, 初五 29, 元宵 8 Feb — all inside.
        let festivals: Vec<&str> = chart
            .spans
            .iter()
            .filter(|s| s.kind == SpanKind::Festival)
            .map(|s| s.label.as_str())
            .collect();
        assert_eq!(festivals, ["除夕", "春节", "初五", "元宵"]);
        let eve = &chart.spans[0];
        assert_eq!(
            local(eve.from.0 as f64, CST).to_string(),
            "2020-01-24 00:00:00"
        );
        assert_eq!(eve.to - eve.from, 24);
        // HJ 633-2012 bands in 2020: good up to 75.
        assert_eq!(chart.panels[0].bands[1].hi, 75.0);
        assert!(chart.title.contains("测试市"));
        assert!(chart.extent().is_some_and(|(a, _)| a >= start.0 as f64));
    }

    /// Festival names wider than a narrow plot (100–200 px) used to make `f64::clamp` panic; a
    /// period of centuries is cut to [`MAX_CHART_HOURS`].
    #[test]
    fn a_narrow_meteogram_over_the_spring_festival_draws_and_long_periods_are_cut() {
        use crate::report::charts::{Chart, ChartStyle, ChartView, svg_string};
        let (store, start) = store();
        let sel = Selection::area(&store, "测试市").expect("area");
        let chart = meteogram(&store, &sel, &MeteogramOptions::default());
        for style in [ChartStyle::desktop(), ChartStyle::projector()] {
            for width in (64..=224).step_by(8) {
                svg_string(
                    Chart::Time(&chart, &ChartView::default()),
                    width,
                    260,
                    &style,
                )
                .unwrap_or_else(|e| panic!("{width} px: {e}"));
            }
        }
        let far = MeteogramOptions {
            from: Some(start),
            to: Some(start + 8_000 * 366 * 24),
            ..MeteogramOptions::default()
        };
        let chart = meteogram(&store, &sel, &far);
        let (a, b) = chart.extent().expect("extent");
        assert!(b - a <= MAX_CHART_HOURS as f64, "{a}..{b}");
    }

    #[test]
    fn daily_means_need_twenty_hours_and_average_stations() {
        let (store, _) = store();
        let sel = Selection::area(&store, "测试市").expect("area");
        let d21 = NaiveDate::from_ymd_opt(2020, 1, 21).expect("date");
        let t01 = station_daily_means(&store, sel.stations[0], Variable::Pm25, d21, d21);
        let t02 = station_daily_means(&store, sel.stations[1], Variable::Pm25, d21, d21);
        assert_eq!(t01.len(), 1);
        assert!(t02.is_empty(), "19 hours is not a valid day");
        let area = daily_means(&store, &sel.stations, Variable::Pm25, d21, d21);
        assert_eq!(
            area.get(&d21),
            t01.get(&d21),
            "only the valid station counts"
        );
        let cal = calendar(
            &store,
            &sel,
            Variable::Pm25,
            (d21, d21 + Duration::days(2)),
            Language::Zh,
        );
        assert_eq!(cal.values.len(), 3);
        assert_eq!(cal.heavy_above, Some(150.0));
        assert_eq!(cal.notes.len(), 0);
    }

    #[test]
    fn english_meteogram_and_calendar_have_english_text() {
        let (store, _) = store();
        let sel = Selection::area(&store, "测试市").expect("area");
        let opts = MeteogramOptions {
            lang: Language::En,
            ..MeteogramOptions::default()
        };
        let chart = meteogram(&store, &sel, &opts);
        assert_eq!(chart.title, "测试市: PM2.5 and weather");
        assert_eq!(
            chart.subtitle,
            "20 Jan – 10 Feb 2020 · Beijing time · background: HJ 633-2012 categories"
        );
        let titles: Vec<&str> = chart.panels.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "PM2.5 (µg/m³)",
                "10-m wind (m/s), arrows point downwind",
                "Relative humidity (%)"
            ]
        );
        let labels: Vec<&str> = chart
            .panels
            .iter()
            .flat_map(|p| &p.traces)
            .filter(|t| t.in_legend)
            .map(|t| t.label.as_str())
            .collect();
        assert!(labels.contains(&"测试市 mean, observed"), "{labels:?}");
        assert!(labels.contains(&"Wind speed observed"), "{labels:?}");
        assert_eq!(chart.panels[0].bands[0].label, "Excellent");
        let festivals: Vec<&str> = chart
            .spans
            .iter()
            .filter(|s| s.kind == SpanKind::Festival)
            .map(|s| s.label.as_str())
            .collect();
        assert_eq!(festivals[0], "New Year's Eve");
        let d = NaiveDate::from_ymd_opt(2020, 1, 24).expect("date");
        let cal = calendar(&store, &sel, Variable::Pm25, (d, d), Language::En);
        assert_eq!(cal.title, "测试市: daily mean PM2.5");
        assert!(
            cal.subtitle
                .starts_with("24 Jan 2020 – 24 Jan 2020 · unit µg/m³")
        );
        assert_eq!(
            cal.notes.get(&d).map(String::as_str),
            Some("New Year's Eve")
        );
        assert!(cal.heavy_label.starts_with("Bold frame"));
        let other = |s: &str| {
            s.chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) && !"测试市".contains(c))
        };
        assert!(!other(&chart.subtitle) && !other(&cal.subtitle) && !other(&cal.heavy_label));
    }
}
