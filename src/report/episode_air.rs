//! The air during a warning episode, as the after-action summary (总结评估) shows it: a chart of
//! the area's PM2.5 and AQI, observed against the daily forecast, with the warning periods
//! shaded, and one row per episode day of observed and forecast values. The desktop app and
//! `airdesk response report summary` both build the summary through [`summary_document`], so the
//! file is the same whichever made it.
//!
//! Observations after "now" do not exist for the summary (a drill's data files hold the whole
//! month); a day's observed means are given only once the day is over. The summary is a Chinese
//! document, so its chart is drawn in Chinese whatever the interface language.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};

use super::after_action::{
    AfterActionError, AfterActionInput, DayComparison, after_action_document,
};
use super::charts::colour::series_colour;
use super::charts::from_store::{MeteogramOptions, Selection, meteogram};
use super::charts::weather::{area_aqi, hide_observations_after, warning_spans};
use super::charts::{
    ChartError, ChartStyle, ChartView, Hourly, Mark, Panel, TimeChart, Trace, png_bytes,
};
use super::document::{Document, Image};
use crate::domain::advisor::ForecastDay;
use crate::domain::aqi::stations_with_pollutants;
use crate::domain::area::{DailyStat, area_daily};
use crate::domain::budget::{area_daily_aqi, forecast_day_pm25};
use crate::domain::plan::Plan;
use crate::domain::response::{Phase, ResponseState};
use crate::domain::weather_view::warning_periods;
use crate::i18n::Language;
use crate::store::{Hour, StationId, Store, Variable};

/// Size of the embedded chart, pixels.
const CHART_SIZE: (u32, u32) = (1600, 900);

/// Beijing time, when the stations do not say.
const CST: i32 = 8 * 3600;

/// Where the air of the summary comes from.
#[derive(Debug, Clone, Copy)]
pub struct AirSources<'a> {
    /// Loaded data.
    pub store: &'a Store,
    /// The area's stations (see [`desk_stations`]).
    pub stations: &'a [StationId],
    /// The area's name for titles ("" = none).
    pub area: &'a str,
    /// The daily AQI forecast.
    pub forecast: &'a [ForecastDay],
}

/// The chart and the daily rows of one episode.
#[derive(Debug, Clone, PartialEq)]
pub struct EpisodeAir {
    /// PM2.5 and AQI, observed and forecast, warnings shaded.
    pub chart: TimeChart,
    /// One row per episode day.
    pub days: Vec<DayComparison>,
    /// The hours the chart shows (a day either side of the episode's days).
    pub period: (Hour, Hour),
}

impl EpisodeAir {
    /// The chart as the PNG image the summary embeds (PNG goes into HTML, .docx and PDF alike).
    pub fn image(&self) -> Result<Image, ChartError> {
        let view = ChartView::window(self.period.0.0 as f64, self.period.1.0 as f64);
        let (w, h) = CHART_SIZE;
        png_bytes(
            super::charts::Chart::Time(&self.chart, &view),
            w,
            h,
            &ChartStyle::desktop(),
        )
        .map(Image::Png)
    }
}

/// The desk's stations: the hand-picked `codes` found in the data, else the non-control stations
/// of `area`, else (no area chosen) every station with pollutants.
pub fn desk_stations(store: &Store, area: &str, codes: &[String]) -> Vec<StationId> {
    let picked: Vec<StationId> = codes
        .iter()
        .filter_map(|c| store.stations().find(c))
        .collect();
    if !picked.is_empty() {
        picked
    } else if area.is_empty() {
        stations_with_pollutants(store)
    } else {
        store.stations().in_area(area)
    }
}

/// The most days an episode's air covers: a warning whose expected end was mistyped (2091, 9999)
/// must not make the summary list and chart centuries.
pub const MAX_EPISODE_DAYS: i64 = 62;

/// The air during episode `number` as known at `now`: the days from the warning's start to its
/// lifting (or, while it runs, to the later of now and the expected end), at most
/// [`MAX_EPISODE_DAYS`], the chart a day wider on each side.
pub fn episode_air(
    sources: &AirSources<'_>,
    state: &ResponseState,
    number: u32,
    now: DateTime<FixedOffset>,
) -> Result<EpisodeAir, AfterActionError> {
    let e = state
        .episode(number)
        .ok_or(AfterActionError::NoSuchEpisode(number))?;
    let store = sources.store;
    let offset = sources
        .stations
        .first()
        .map_or(CST, |&id| store.stations().get(id).utc_offset_s);
    let date = |t: DateTime<FixedOffset>| Hour::from_utc(t.to_utc()).to_local(offset).date_naive();
    let midnight = |d: NaiveDate| Hour::from_local_date_hour(d, 0, offset);
    let first = date(e.start);
    let last = match e.phase() {
        Phase::Lifted { at } => date(at),
        _ => e.expected_end.map_or(date(now), |end| {
            date(end - Duration::seconds(1)).max(date(now))
        }),
    }
    .max(first)
    .min(first + Duration::days(MAX_EPISODE_DAYS - 1));
    let now_hour = Hour::from_utc(now.to_utc());
    let from = midnight(first - Duration::days(1));
    let to = midnight(last + Duration::days(2));

    let label = if sources.area.is_empty() {
        "本地区"
    } else {
        sources.area
    };
    let forecast_on = |d: NaiveDate| sources.forecast.iter().find(|f| f.date == d);
    let pm25 = area_daily(
        store,
        sources.stations,
        Variable::Pm25,
        DailyStat::Mean,
        first,
        last,
    );
    let aqi = area_daily_aqi(store, sources.stations, first, last);
    let days: Vec<DayComparison> = first
        .iter_days()
        .take_while(|d| *d <= last)
        .map(|d| {
            let over = midnight(d + Duration::days(1)) <= now_hour;
            let f = forecast_on(d);
            DayComparison {
                date: d,
                observed_pm25: pm25
                    .iter()
                    .find(|x| x.date == d && over)
                    .and_then(|x| x.value)
                    .map(|v| v as f32),
                forecast_pm25: f.and_then(forecast_day_pm25).map(|v| v as f32),
                observed_aqi: aqi
                    .iter()
                    .find(|x| x.date == d && over)
                    .and_then(|x| x.aqi)
                    .map(f32::from),
                forecast_aqi: f.map(|f| (f.aqi_min, f.aqi_max.max(f.aqi_min))),
            }
        })
        .collect();

    let selection = Selection {
        label: label.to_owned(),
        stations: sources.stations.to_vec(),
        is_area: true,
    };
    let mut chart = meteogram(
        store,
        &selection,
        &MeteogramOptions {
            variable: Variable::Pm25,
            from: Some(from),
            to: Some(to),
            now: Some(now_hour),
            spans: warning_spans(&warning_periods(state, now), &[], Language::Zh),
            ..MeteogramOptions::default()
        },
    );
    // The daily forecast as steps over each local day.
    let steps = |value: &dyn Fn(&ForecastDay) -> Option<f32>| {
        let values: Vec<f32> = (from.0..to.0)
            .map(|h| {
                forecast_on(Hour(h).to_local(offset).date_naive())
                    .and_then(value)
                    .unwrap_or(f32::NAN)
            })
            .collect();
        values
            .iter()
            .any(|v| !v.is_nan())
            .then(|| Hourly::new(from, values))
    };
    if let (Some(panel), Some(values)) = (
        chart.panels.first_mut(),
        steps(&|f| forecast_day_pm25(f).map(|v| v as f32)),
    ) {
        panel.traces.push(
            Trace::line(
                "fc:pm25-daily",
                "预报日均上限（由预报AQI上限换算）",
                series_colour(1),
                values,
            )
            .mark(Mark::Dashed)
            .unit("µg/m³")
            .width(1.5),
        );
    }
    let mut aqi_panel = Panel::new("AQI");
    aqi_panel.bands = super::charts::from_store::bands_for(Variable::Aqi, first, Language::Zh);
    aqi_panel.weight = 1.6;
    if let Some(values) = area_aqi(store, sources.stations, from, to) {
        aqi_panel.traces.push(
            Trace::line(
                "obs:aqi",
                &format!("{label} 小时AQI 实况"),
                series_colour(0),
                values,
            )
            .width(1.5),
        );
    }
    for (key, name, value) in [
        (
            "fc:aqi-max",
            "预报日AQI上限",
            (&|f: &ForecastDay| Some(f.aqi_max.max(f.aqi_min))) as &dyn Fn(&ForecastDay) -> _,
        ),
        ("fc:aqi-min", "预报日AQI下限", &|f: &ForecastDay| {
            Some(f.aqi_min)
        }),
    ] {
        if let Some(values) = steps(value) {
            aqi_panel.traces.push(
                Trace::line(key, name, series_colour(1), values)
                    .mark(Mark::Dashed)
                    .width(1.2),
            );
        }
    }
    if !aqi_panel.traces.is_empty() {
        chart.panels.insert(1.min(chart.panels.len()), aqi_panel);
    }
    hide_observations_after(&mut chart, now_hour);
    chart.title = format!("{label}第{}次预警过程 PM2.5 与 AQI：实况与预报", e.number);
    chart.subtitle = format!(
        "{} 至 {}（北京时间），阴影为预警时段；虚线为预报",
        first.format("%Y-%m-%d"),
        last.format("%Y-%m-%d")
    );
    Ok(EpisodeAir {
        chart,
        days,
        period: (from, to),
    })
}

/// The after-action summary of episode `number` as a document, with the episode's air from
/// `sources` when given: the chart (or `chart`, an image supplied instead) and the daily rows.
pub fn summary_document(
    state: &ResponseState,
    number: u32,
    plan: &Plan,
    sources: Option<&AirSources<'_>>,
    chart: Option<Image>,
    now: DateTime<FixedOffset>,
) -> Result<Document, AfterActionError> {
    let air = sources
        .map(|s| episode_air(s, state, number, now))
        .transpose()?;
    let image = chart.or_else(|| air.as_ref().and_then(|a| a.image().ok()));
    let days = air.map(|a| a.days).unwrap_or_default();
    after_action_document(
        state,
        number,
        plan,
        &AfterActionInput {
            chart: image.as_ref(),
            days: &days,
            now,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::Level;
    use crate::domain::response::tests::{fresh, run, t};
    use crate::domain::response::{Command, IssueInput};

    /// A warning whose expected end was typed with a wrong year (2091, 9999) gives a summary of at
    /// most [`MAX_EPISODE_DAYS`] days, drawn at any width, instead of centuries of rows (5.6 GB)
    /// or a panic in the chart.
    #[test]
    fn a_mistyped_expected_end_is_bounded() {
        for year in ["2091", "9999"] {
            let (mut service, mut journal) = fresh();
            let start = "2025-01-15T00:00:00+08:00";
            run(
                &mut service,
                &mut journal,
                Command::Issue(IssueInput {
                    level: Level::Orange,
                    start: t(start),
                    expected_end: Some(t(&format!("{year}-01-18T00:00:00+08:00"))),
                    approver: None,
                    doc_no: String::new(),
                    reasons: vec!["预计AQI持续超过200".into()],
                    primary: String::new(),
                    consultation: None,
                    regional: None,
                }),
                "2025-01-14T16:00:00+08:00",
            );
            let store = Store::new();
            let sources = AirSources {
                store: &store,
                stations: &[],
                area: "",
                forecast: &[],
            };
            let now = t("2025-01-16T10:00:00+08:00");
            let air = episode_air(&sources, service.model(), 1, now).expect("air");
            assert_eq!(air.days.len() as i64, MAX_EPISODE_DAYS, "{year}");
            assert!(air.period.1.0 - air.period.0.0 <= (MAX_EPISODE_DAYS + 3) * 24);
            let view = ChartView::window(air.period.0.0 as f64, air.period.1.0 as f64);
            for width in [100, 150, 200, 640] {
                crate::report::charts::png_bytes(
                    crate::report::charts::Chart::Time(&air.chart, &view),
                    width,
                    300,
                    &ChartStyle::desktop(),
                )
                .expect("drawn");
            }
            let plan = crate::domain::plan::default_plan().expect("plan");
            let doc = summary_document(service.model(), 1, &plan, Some(&sources), None, now)
                .expect("summary");
            let html = crate::report::document::html::write(&doc);
            assert!(html.len() < 1 << 20, "{year}: {} bytes", html.len());
        }
    }
}
