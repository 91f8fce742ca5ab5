//! The weather page on a meteorological forecast: a workspace with Handan's CNEMC data for
//! 20–22 December 2019 and an Open-Meteo forecast file for 22–28 December (the sample scenario's,
//! `sample-data/data/open-meteo-handan-20191222.json`, derived from real observed weather; see
//! `sample-data/README.md`), the drill clock at 22 December 10:00. The page must take its weather
//! from that file, name it, and list the windows and outlook days that only the forecast implies.
//! On the whole sample workspace the meteogram also draws the observed weather of the past.

mod common;

use std::path::PathBuf;

use airdesk::domain::weather_view::{self, WeatherSource};
use airdesk::store::Hour;
use airdesk::ui::command::Command;
use airdesk::ui::i18n::{T, Tr};
use airdesk::ui::pages::Page;
use airdesk::ui::{AirDeskApp, StartOptions};
use airdesk::workspace::{Language, Workspace};
use common::{Env, harness, settle};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data/data")
        .join(name)
}

fn forecast_app(env: &Env, forecast: bool) -> Harness<'static, AirDeskApp> {
    let mut files: Vec<PathBuf> = ["20", "21", "22"]
        .iter()
        .map(|d| sample(&format!("china_sites_201912{d}.csv.gz")))
        .collect();
    files.push(sample("stations-2plus26.csv"));
    if forecast {
        files.push(sample("open-meteo-handan-20191222.json"));
    }
    let mut ws = Workspace::open(env.workspace.path()).expect("open");
    ws.add_data_files(&files).expect("add");
    ws.update_settings(|s| s.area = "邯郸".into())
        .expect("area");
    let app = AirDeskApp::new(StartOptions {
        drill: airdesk::clock::parse_moment("2019-12-22 10:00"),
        ..env.options(Language::Zh)
    })
    .expect("app");
    let mut h = harness(app, (1920.0, 1080.0));
    settle(&mut h);
    h.state_mut().send(Command::Navigate(Page::Weather));
    h.run();
    h
}

/// Local `MM-DD HH:MM` as the windows table writes it.
fn cst(h: Hour) -> String {
    h.to_local(8 * 3600).format("%m-%d %H:%M").to_string()
}

#[test]
fn windows_and_outlook_come_from_the_forecast_file_which_the_page_names() {
    let tr = Tr(Language::Zh);
    let env = Env::new();
    let h = forecast_app(&env, true);
    let (location, label, windows, now) = {
        let app = h.state();
        let store = &app.data().store;
        let locations = weather_view::forecast_locations(store);
        assert_eq!(
            locations.len(),
            1,
            "the Open-Meteo file is one forecast location"
        );
        let id = locations[0];
        let label = store.stations().get(id).label().to_string();
        let area = store.stations().in_area("邯郸");
        let now = Hour::from_utc(app.now());
        let (start, end) = weather_view::forecast_span(store, id).expect("forecast hours");
        assert!(
            start <= now && now < end,
            "the forecast covers the drill moment"
        );
        let settings = app.workspace().settings();
        let analysis = weather_view::analyse(
            store,
            &area,
            WeatherSource::Forecast(id),
            now - 24 * 7,
            end.min(now + 24 * 16),
            now,
            8 * 3600,
            &settings.windows,
            &settings.outlook,
        );
        // Without the file there is no weather at all: CNEMC files carry none.
        let observed = weather_view::analyse(
            store,
            &area,
            WeatherSource::Observed,
            now - 24 * 7,
            now + 24,
            now,
            8 * 3600,
            &settings.windows,
            &settings.outlook,
        );
        assert!(observed.windows.windows.is_empty());
        // The meteogram goes on after "now" with the outlook's expected daily PM2.5 (and its
        // range), drawn only after "now".
        use airdesk::report::charts::from_store::Selection;
        use airdesk::report::charts::weather::{WeatherChartInput, weather_meteogram};
        let selection = Selection::area(store, "邯郸").expect("area");
        let chart = weather_meteogram(
            store,
            &WeatherChartInput {
                selection: &selection,
                variable: airdesk::store::Variable::Pm25,
                weather: vec![id],
                analysis: &analysis,
                warnings: &[],
                level_colours: &[],
                aqi_forecast: &[],
                lang: Language::Zh,
            },
        );
        let outlook = chart.panels[0]
            .traces
            .iter()
            .find(|t| t.key == "fc:outlook")
            .expect("the outlook after now");
        let drawn: Vec<usize> = (0..outlook.values.values().len())
            .filter(|&i| outlook.values.values()[i].is_finite())
            .collect();
        assert!(drawn.len() >= 48, "two days or more ahead: {}", drawn.len());
        assert!(
            drawn
                .iter()
                .all(|&i| outlook.values.start() + i as i64 > now)
        );
        // The wind arrows the wind panel's title promises go on after "now" (forecast wind).
        let arrows = chart
            .panels
            .iter()
            .find_map(|p| p.arrows.as_ref())
            .expect("wind arrows");
        // (The file leaves the direction out at some hours.)
        let ahead = (1..48)
            .filter(|&k| arrows.direction.get((now + k).0).is_some())
            .count();
        assert!(ahead >= 24, "arrows at {ahead} of the next 47 hours");
        // With AQI shown, the AQI forecast file's range of a day after "now" is drawn over that
        // day's hours after "now", and nowhere before it (synthetic forecast day).
        let tomorrow = now.to_local(8 * 3600).date_naive().succ_opt().expect("day");
        let file = [airdesk::domain::advisor::ForecastDay {
            date: tomorrow,
            aqi_min: 180.0,
            aqi_max: 230.0,
            primary: Vec::new(),
        }];
        let aqi_chart = weather_meteogram(
            store,
            &WeatherChartInput {
                selection: &selection,
                variable: airdesk::store::Variable::Aqi,
                weather: vec![id],
                analysis: &analysis,
                warnings: &[],
                level_colours: &[],
                aqi_forecast: &file,
                lang: Language::Zh,
            },
        );
        let bound = |key: &str| {
            let t = aqi_chart.panels[0]
                .traces
                .iter()
                .find(|t| t.key == key)
                .expect("the forecast file's range");
            (0..t.values.values().len() as i64)
                .filter_map(|i| Some((t.values.start() + i, t.values.get(t.values.start().0 + i)?)))
                .collect::<Vec<_>>()
        };
        for (key, value) in [("fc:aqi_file_lo", 180.0), ("fc:aqi_file_hi", 230.0)] {
            let drawn = bound(key);
            assert_eq!(drawn.len(), 24, "{key}: the whole of tomorrow");
            assert!(drawn.iter().all(|(h, v)| *h > now
                && *v == value
                && h.to_local(8 * 3600).date_naive() == tomorrow));
        }
        (id, label, analysis.windows.windows, now)
    };
    // The page chose the forecast and names it.
    let source = h.get_by_role_and_label(Role::ComboBox, tr.t(T::WxSource));
    assert_eq!(
        source.value().as_deref(),
        Some(tr.f(T::WxForecastAt, &[&label]).as_str()),
        "forecast location {location:?}"
    );
    // The windows table lists the forecast's windows, some of them still to come.
    assert!(
        !windows.is_empty(),
        "the forecast week has unfavourable weather"
    );
    assert!(
        windows.iter().any(|w| w.start > now),
        "a window only a forecast can show"
    );
    for w in &windows {
        assert!(
            h.query_all_by_label(&cst(w.start)).next().is_some(),
            "window starting {} on the page",
            cst(w.start)
        );
    }
    assert_eq!(
        h.query_all_by_label_contains("小时不利时段").count(),
        windows.len()
    );
    // The outlook reaches into the forecast days (without it, it stops the day after now).
    h.get_by_label("12-25");

    // The same workspace without the file: no forecast source, no windows, no 25 December.
    drop(h);
    let env = Env::new();
    let h = forecast_app(&env, false);
    let source = h.get_by_role_and_label(Role::ComboBox, tr.t(T::WxSource));
    assert_eq!(source.value().as_deref(), Some(tr.t(T::WxObserved)));
    assert_eq!(h.query_all_by_label_contains("小时不利时段").count(), 0);
    assert!(h.query_all_by_label("12-25").next().is_none());
}

/// The sample workspace's meteogram (PM2.5, the Open-Meteo forecast as the source): the observing
/// station's wind and humidity fill the past part up to the drill moment, the forecast goes on
/// after it, and the legend lists the AQI forecast file's ranges (as the PM2.5 they stand for).
#[test]
fn the_sample_meteogram_draws_observed_weather_and_lists_the_forecast_ranges() {
    use airdesk::report::charts::from_store::Selection;
    use airdesk::report::charts::weather::{WeatherChartInput, weather_meteogram};
    use airdesk::store::Variable;
    let tr = Tr(Language::Zh);
    let env = Env::new();
    let app = AirDeskApp::new(env.sample_options(Language::Zh, Some("赵敏"))).expect("app");
    let mut h = harness(app, (1920.0, 1080.0));
    settle(&mut h);
    h.state_mut().send(Command::Navigate(Page::Weather));
    h.run();
    let observed = |what: T| tr.f(T::ChartObserved, &[&tr.t(what)]);
    let forecast = |what: T| tr.f(T::ChartForecast, &[&tr.t(what)]);
    for legend in [
        tr.t(T::ChartAqiForecastFilePm25).to_string(),
        observed(T::ChartWindSpeed),
        forecast(T::ChartWindSpeed),
        observed(T::ChartRh),
        forecast(T::ChartRh),
    ] {
        h.get_by_role_and_label(Role::Button, &legend);
    }
    // The chart as the page draws it: observed wind on six of the seven past days and more, none
    // after the drill moment.
    let app = h.state();
    let store = &app.data().store;
    let now = Hour::from_utc(app.now());
    let location = weather_view::forecast_locations(store)[0];
    let area = store.stations().in_area("邯郸");
    let source = WeatherSource::Forecast(location);
    let settings = app.workspace().settings();
    let analysis = weather_view::analyse(
        store,
        &area,
        source,
        now - 24 * 7,
        now + 24 * 6,
        now,
        8 * 3600,
        &settings.windows,
        &settings.outlook,
    );
    let chart = weather_meteogram(
        store,
        &WeatherChartInput {
            selection: &Selection::area(store, "邯郸").expect("area"),
            variable: Variable::Pm25,
            weather: weather_view::chart_weather_stations(store, source, &area),
            analysis: &analysis,
            warnings: &[],
            level_colours: &[],
            aqi_forecast: &[],
            lang: Language::Zh,
        },
    );
    let wind = chart
        .panels
        .iter()
        .flat_map(|p| &p.traces)
        .find(|t| t.key == "obs:wind")
        .expect("observed wind");
    let hours: Vec<i64> = (0..wind.values.values().len())
        .filter(|&i| wind.values.values()[i].is_finite())
        .map(|i| wind.values.start().0 + i as i64)
        .collect();
    assert!(hours.len() >= 24 * 6, "{} observed hours", hours.len());
    assert!(hours.iter().all(|&h| h <= now.0));
}
