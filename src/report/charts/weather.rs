//! The weather page's meteogram: the store meteogram of an area or station with the weather of the
//! chosen source, the unfavourable-weather windows and warning periods shaded, the area's hourly
//! AQI from `domain::aqi` when AQI is shown, and nothing observed after "now" (in a drill the
//! future has not happened yet). The page draws it and exports it as PNG/SVG, so screen and file
//! are the same chart.

use plotters::style::RGBColor;

use super::colour::{parse_hex, series_colour, warning_name};
use super::decimate::Hourly;
use super::from_store::{MeteogramOptions, Selection, meteogram};
use super::timechart::{Mark, Span, SpanKind, TimeChart, Trace};
use crate::domain::advisor::{ForecastDay, PrimaryPollutant};
use crate::domain::aqi::{self, AqiConfig, Indicator, StandardChoice, concentration_at};
use crate::domain::plan::{Level, Plan};
use crate::domain::weather_view::{WarningPeriod, WeatherAnalysis};
use crate::domain::windows::WindowAnalysis;
use crate::i18n::Language;
use crate::i18n::{T, Tr};
use crate::store::{Hour, StampConvention, StationId, Store, Variable};

/// The windows as shaded spans, labelled in `lang`.
pub fn window_spans(windows: &WindowAnalysis, lang: Language) -> Vec<Span> {
    windows
        .windows
        .iter()
        .map(|w| Span {
            from: w.start,
            to: w.end,
            kind: SpanKind::Window,
            label: Tr(lang).t(T::ChartWindow).to_string(),
            tint: None,
        })
        .collect()
}

/// The colours a plan gives its warning levels (`#RRGGBB`; levels without a valid one are left
/// out and keep the standard colour).
pub fn plan_colours(plan: &Plan) -> Vec<(Level, RGBColor)> {
    plan.levels
        .iter()
        .filter_map(|l| Some((l.level, parse_hex(&l.colour)?)))
        .collect()
}

/// Warning periods as shaded spans, whole hours covering each period, named in `lang` and
/// coloured by `colours` (from [`plan_colours`]) where the plan colours the level.
pub fn warning_spans(
    periods: &[WarningPeriod],
    colours: &[(Level, RGBColor)],
    lang: Language,
) -> Vec<Span> {
    periods
        .iter()
        .filter(|p| p.level.is_warning())
        .filter_map(|p| {
            let level = p.level;
            let tint = colours.iter().find(|(l, _)| *l == p.level).map(|c| c.1);
            let from = Hour::from_utc(p.from.to_utc());
            let to_exact = p.to.to_utc();
            let mut to = Hour::from_utc(to_exact);
            if to.to_utc() < to_exact {
                to = to + 1;
            }
            (to > from).then(|| Span {
                from,
                to,
                kind: SpanKind::Warning(level),
                label: warning_name(level, lang).to_string(),
                tint,
            })
        })
        .collect()
}

/// Blank every observed value after `now` (trace keys starting `obs`): a drill must not show what
/// had not been measured yet.
pub fn hide_observations_after(chart: &mut TimeChart, now: Hour) {
    for trace in chart.panels.iter_mut().flat_map(|p| p.traces.iter_mut()) {
        if !trace.key.starts_with("obs") {
            continue;
        }
        let start = trace.values.start();
        let values: Vec<f32> = trace
            .values
            .values()
            .iter()
            .enumerate()
            .map(|(i, &v)| if start + i as i64 > now { f32::NAN } else { v })
            .collect();
        trace.values = Hourly::new(start, values);
    }
}

/// The area's hourly AQI (HJ 633, from the stations' pollutant means) on the stamp grid of the
/// stations' series, or `None` when no hour has one.
pub fn area_aqi(store: &Store, stations: &[StationId], from: Hour, to: Hour) -> Option<Hourly> {
    // Draw at the stamps the stations' own series use, so the line sits with the others.
    let shift = stations
        .iter()
        .find_map(|&id| store.observed(id, Variable::Pm25))
        .map_or(1, |s| match s.stamp() {
            StampConvention::EndOfHour => 1,
            StampConvention::StartOfHour => 0,
        });
    let n = (to - from).max(0) as usize;
    let mut values = vec![f32::NAN; n];
    let mut any = false;
    for a in aqi::area_hourly_series(
        store,
        stations,
        from - shift,
        to - shift,
        &AqiConfig::default(),
    ) {
        let i = (a.period_start + shift - from) as usize;
        if let (Some(slot), Some(v)) = (values.get_mut(i), a.result.aqi) {
            *slot = v as f32;
            any = true;
        }
    }
    any.then(|| Hourly::new(from, values))
}

/// What the weather page's meteogram shows.
#[derive(Debug, Clone, PartialEq)]
pub struct WeatherChartInput<'a> {
    /// The area or station.
    pub selection: &'a Selection,
    /// PM2.5 or AQI.
    pub variable: Variable,
    /// Stations whose weather is drawn (the analysis source).
    pub weather: Vec<StationId>,
    /// The analysis (period, windows).
    pub analysis: &'a WeatherAnalysis,
    /// Warning periods from the response journal.
    pub warnings: &'a [WarningPeriod],
    /// The plan's colours of its warning levels ([`plan_colours`]); empty = standard colours.
    pub level_colours: &'a [(Level, RGBColor)],
    /// The daily AQI forecast file's days (drawn after "now": AQI, or PM2.5 it stands for).
    pub aqi_forecast: &'a [ForecastDay],
    /// Language of the chart's text.
    pub lang: Language,
}

/// The weather page's meteogram.
pub fn weather_meteogram(store: &Store, input: &WeatherChartInput<'_>) -> TimeChart {
    let a = input.analysis;
    let mut spans = window_spans(&a.windows, input.lang);
    spans.extend(warning_spans(
        input.warnings,
        input.level_colours,
        input.lang,
    ));
    let opts = MeteogramOptions {
        variable: input.variable,
        from: Some(a.from),
        to: Some(a.to),
        now: Some(a.now),
        weather: input.weather.clone(),
        spans,
        markers: Vec::new(),
        lang: input.lang,
    };
    let mut chart = meteogram(store, input.selection, &opts);
    if input.variable == Variable::Aqi
        && let Some(values) = area_aqi(store, &input.selection.stations, a.from, a.to)
        && let Some(panel) = chart.panels.first_mut()
    {
        // The published station AQI stays; the area's own AQI is computed, not averaged.
        panel.traces.retain(|t| t.key != "obs:mean");
        let label = Tr(input.lang).f(T::ChartAreaAqi, &[&input.selection.label]);
        panel.traces.push(
            Trace::line("obs:area_aqi", &label, series_colour(0), values)
                .width(1.6)
                .unit(""),
        );
    }
    hide_observations_after(&mut chart, a.now);
    let offset = input
        .selection
        .stations
        .first()
        .map_or(8 * 3600, |&id| store.stations().get(id).utc_offset_s);
    if let Some(panel) = chart.panels.first_mut() {
        panel
            .traces
            .extend(outlook_traces(a, input.variable, offset, input.lang));
        panel.traces.extend(forecast_file_traces(
            input.aqi_forecast,
            a,
            input.variable,
            offset,
            input.lang,
        ));
    }
    chart
}

/// The AQI forecast file's daily ranges after "now", over each forecast day's hours, as two thin
/// dashed lines (its lower and upper bound); empty when the file has no day after "now".
///
/// On the AQI chart they are the file's AQI. On the PM2.5 chart they are the PM2.5 daily means
/// the AQI stands for (HJ 633 table of the day, [`concentration_at`]), so a meeting reads the
/// forecast agency's range against the measured PM2.5 on one axis: the upper bound always (PM2.5's
/// sub-index is at most the AQI whatever the primary pollutant), the lower bound only on days
/// whose primary pollutant is PM2.5 (otherwise the AQI says nothing of how low PM2.5 may be).
/// The legend names the conversion.
pub fn forecast_file_traces(
    days: &[ForecastDay],
    a: &WeatherAnalysis,
    variable: Variable,
    utc_offset_s: i32,
    lang: Language,
) -> Vec<Trace> {
    let as_pm25 = match variable {
        Variable::Aqi => false,
        Variable::Pm25 => true,
        _ => return Vec::new(),
    };
    let pm25 = |day: &ForecastDay, aqi: f32| {
        let standard = StandardChoice::Auto.resolve(day.date);
        concentration_at(standard, Indicator::Pm25Daily, f64::from(aqi)).map(|c| c as f32)
    };
    let bounds = |day: &ForecastDay| -> (Option<f32>, Option<f32>) {
        if !as_pm25 {
            return (Some(day.aqi_min), Some(day.aqi_max));
        }
        let primary = day.primary.contains(&PrimaryPollutant::Pm25);
        let lo = primary.then(|| pm25(day, day.aqi_min)).flatten();
        (lo, pm25(day, day.aqi_max))
    };
    let n = (a.to - a.from).max(0) as usize;
    let mut lo = vec![f32::NAN; n];
    let mut hi = vec![f32::NAN; n];
    let mut any = false;
    for i in 0..n {
        let hour = a.from + i as i64;
        if hour <= a.now {
            continue;
        }
        let date = hour.to_local(utc_offset_s).date_naive();
        if let Some(d) = days.iter().find(|d| d.date == date) {
            let (l, h) = bounds(d);
            lo[i] = l.unwrap_or(f32::NAN);
            hi[i] = h.unwrap_or(f32::NAN);
            any |= h.is_some();
        }
    }
    if !any {
        return Vec::new();
    }
    let (label, unit) = if as_pm25 {
        (Tr(lang).t(T::ChartAqiForecastFilePm25), variable.unit())
    } else {
        (Tr(lang).t(T::ChartAqiForecastFile), "")
    };
    let colour = RGBColor(126, 0, 35);
    vec![
        Trace::line("fc:aqi_file_hi", label, colour, Hourly::new(a.from, hi))
            .mark(Mark::Dashed)
            .unit(unit),
        Trace::line("fc:aqi_file_lo", label, colour, Hourly::new(a.from, lo))
            .mark(Mark::Dashed)
            .unit(unit)
            .no_legend(),
    ]
}

/// The daily outlook after "now", over each outlook day's hours: the expected daily value as a
/// dashed line and its interquartile range as two thin ones (PM2.5 in µg/m³, or daily AQI), so
/// the chart goes on where the observations stop. Empty for other variables or without outlook.
pub fn outlook_traces(
    a: &WeatherAnalysis,
    variable: Variable,
    utc_offset_s: i32,
    lang: Language,
) -> Vec<Trace> {
    let value = |o: &crate::domain::outlook::DayOutlook| -> (f32, f32, f32) {
        match variable {
            Variable::Aqi => (
                o.expected_aqi() as f32,
                o.aqi_range.0 as f32,
                o.aqi_range.1 as f32,
            ),
            _ => (o.expected_pm25, o.pm25_range.0, o.pm25_range.1),
        }
    };
    if !matches!(variable, Variable::Pm25 | Variable::Aqi) {
        return Vec::new();
    }
    let n = (a.to - a.from).max(0) as usize;
    let mut lines = [vec![f32::NAN; n], vec![f32::NAN; n], vec![f32::NAN; n]];
    let mut any = false;
    for i in 0..n {
        let hour = a.from + i as i64;
        if hour <= a.now {
            continue;
        }
        let date = hour.to_local(utc_offset_s).date_naive();
        let Some(o) = a
            .outlook
            .iter()
            .find(|r| r.date == date)
            .and_then(|r| r.outlook.as_ref())
        else {
            continue;
        };
        let (mid, lo, hi) = value(o);
        for (line, v) in lines.iter_mut().zip([mid, lo, hi]) {
            line[i] = v;
        }
        any = true;
    }
    if !any {
        return Vec::new();
    }
    let tr = Tr(lang);
    let colour = series_colour(0);
    let unit = if variable == Variable::Aqi {
        ""
    } else {
        variable.unit()
    };
    let [mid, lo, hi] = lines;
    vec![
        Trace::line(
            "fc:outlook",
            tr.t(T::ChartOutlookExpected),
            colour,
            Hourly::new(a.from, mid),
        )
        .mark(Mark::Dashed)
        .width(1.6)
        .unit(unit),
        Trace::line(
            "fc:outlook_lo",
            tr.t(T::ChartOutlookRange),
            RGBColor(150, 150, 150),
            Hourly::new(a.from, lo),
        )
        .mark(Mark::Dashed)
        .unit(unit),
        Trace::line(
            "fc:outlook_hi",
            tr.t(T::ChartOutlookRange),
            RGBColor(150, 150, 150),
            Hourly::new(a.from, hi),
        )
        .mark(Mark::Dashed)
        .unit(unit)
        .no_legend(),
    ]
}

/// A colour for a risk class in tables (low → very high), matching the AQI palette's progression.
pub fn risk_colour(risk: crate::domain::outlook::Risk) -> RGBColor {
    use crate::domain::outlook::Risk;
    match risk {
        Risk::Low => RGBColor(0, 150, 0),
        Risk::Elevated => RGBColor(200, 160, 0),
        Risk::High => RGBColor(255, 126, 0),
        Risk::VeryHigh => RGBColor(200, 0, 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::charts::warning_colour;
    use chrono::{FixedOffset, TimeZone};

    #[test]
    fn warning_spans_cover_whole_hours_blue_included_in_plan_colours() {
        let cst = FixedOffset::east_opt(8 * 3600).expect("offset");
        let at = |h: u32, m: u32| {
            cst.with_ymd_and_hms(2026, 1, 5, h, m, 0)
                .single()
                .expect("t")
        };
        let periods = [
            WarningPeriod {
                from: at(8, 30),
                to: at(12, 10),
                level: Level::Orange,
            },
            WarningPeriod {
                from: at(13, 0),
                to: at(14, 0),
                level: Level::Blue,
            },
            WarningPeriod {
                from: at(15, 0),
                to: at(16, 0),
                level: Level::Temporary,
            },
        ];
        let spans = warning_spans(&periods, &[], Language::Zh);
        assert_eq!(spans.len(), 2, "temporary measures are not a warning");
        let s = &spans[0];
        assert_eq!(s.kind, SpanKind::Warning(Level::Orange));
        assert_eq!(s.to - s.from, 5, "08:00–13:00 covers 08:30–12:10");
        assert_eq!(s.label, "橙色预警");
        let blue = &spans[1];
        assert_eq!(blue.kind, SpanKind::Warning(Level::Blue));
        assert_eq!(blue.label, "蓝色预警");
        assert_eq!(blue.colour(), warning_colour(Level::Blue), "standard blue");
        // A plan that colours its blue level: that colour, in English too.
        let plan_blue = RGBColor(0, 70, 190);
        let spans = warning_spans(&periods, &[(Level::Blue, plan_blue)], Language::En);
        assert_eq!(spans[1].colour(), plan_blue);
        assert_eq!(spans[1].label, "Blue warning");
        assert_eq!(spans[0].colour(), warning_colour(Level::Orange));
    }

    #[test]
    fn plan_colours_come_from_the_plan_levels() {
        use crate::domain::plan::{DEFAULT_PLAN_TOML, parse};
        // An older four-level plan: the default plan's lowest band as a blue warning.
        let text = DEFAULT_PLAN_TOML
            .replace("levels.temporary", "levels.blue")
            .replace("#9E9E9E", "#0050C8");
        let plan = parse(&text).expect("four-level plan");
        let colours = plan_colours(&plan);
        assert!(
            colours.contains(&(Level::Blue, RGBColor(0, 0x50, 0xC8))),
            "{colours:?}"
        );
        assert!(colours.contains(&(Level::Orange, RGBColor(0xFF, 0x7E, 0x00))));
    }

    #[test]
    fn forecast_file_ranges_are_drawn_after_now_as_aqi_or_as_the_pm25_they_stand_for() {
        use crate::domain::windows::WindowAnalysis;
        use chrono::NaiveDate;
        const CST: i32 = 8 * 3600;
        let date = |d| NaiveDate::from_ymd_opt(2019, 12, d).expect("date");
        let from = Hour::from_local_date_hour(date(22), 0, CST);
        let a = WeatherAnalysis {
            from,
            to: from + 72,
            now: from + 10,
            hours: Vec::new(),
            windows: WindowAnalysis {
                windows: Vec::new(),
                unjudged: Vec::new(),
                not_judged: Vec::new(),
            },
            outlook: Vec::new(),
        };
        let day = |d, lo, hi, primary: &[PrimaryPollutant]| ForecastDay {
            date: date(d),
            aqi_min: lo,
            aqi_max: hi,
            primary: primary.to_vec(),
        };
        // 22 Dec heavy with PM2.5 primary; 23 Dec good with none named.
        let days = [
            day(22, 215.0, 270.0, &[PrimaryPollutant::Pm25]),
            day(23, 55.0, 70.0, &[]),
        ];
        let at = |t: &Trace, h: i64| t.values.get(from.0 + h).unwrap_or(f32::NAN);
        let aqi = forecast_file_traces(&days, &a, Variable::Aqi, CST, Language::Zh);
        assert_eq!(aqi.len(), 2);
        assert_eq!(aqi[0].label, "AQI 预报文件 范围");
        assert!(at(&aqi[0], 10).is_nan(), "nothing at or before now");
        assert_eq!((at(&aqi[1], 11), at(&aqi[0], 11)), (215.0, 270.0));
        assert_eq!((at(&aqi[1], 30), at(&aqi[0], 30)), (55.0, 70.0));
        // On the PM2.5 chart: the HJ 633-2012 24-hour PM2.5 at those indices (AQI 200 = 150,
        // 300 = 250 µg/m³), in the legend under a name that says so.
        let pm = forecast_file_traces(&days, &a, Variable::Pm25, CST, Language::Zh);
        assert_eq!(pm.len(), 2);
        assert!(pm[0].in_legend && !pm[1].in_legend);
        assert_eq!(pm[0].label, "AQI 预报文件 范围（折算为 PM2.5 日均）");
        assert!((at(&pm[1], 11) - 165.0).abs() < 0.01, "{}", at(&pm[1], 11));
        assert!((at(&pm[0], 11) - 220.0).abs() < 0.01, "{}", at(&pm[0], 11));
        // No primary pollutant named: PM2.5's index is at most the AQI (upper bound only).
        assert!((at(&pm[0], 30) - 51.0).abs() < 0.01, "{}", at(&pm[0], 30));
        assert!(at(&pm[1], 30).is_nan());
        // Other pollutants have no forecast file ranges; no day after now, no traces.
        assert!(forecast_file_traces(&days, &a, Variable::Pm10, CST, Language::Zh).is_empty());
        assert!(forecast_file_traces(&days[..0], &a, Variable::Pm25, CST, Language::Zh).is_empty());
    }

    #[test]
    fn observations_after_now_are_blanked_forecasts_kept() {
        let mut panel = super::super::timechart::Panel::new("p");
        let v = Hourly::new(Hour(100), vec![1.0; 10]);
        panel
            .traces
            .push(Trace::line("obs:mean", "o", series_colour(0), v.clone()));
        panel
            .traces
            .push(Trace::line("fc:mean", "f", series_colour(1), v));
        let mut chart = TimeChart {
            panels: vec![panel],
            ..TimeChart::default()
        };
        hide_observations_after(&mut chart, Hour(104));
        let obs = chart.panels[0].traces[0].values.values();
        assert_eq!(obs.iter().filter(|x| !x.is_nan()).count(), 5);
        let fc = chart.panels[0].traces[1].values.values();
        assert!(fc.iter().all(|x| !x.is_nan()));
    }
}
