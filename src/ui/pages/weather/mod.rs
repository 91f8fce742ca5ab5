//! 气象窗口 Weather windows: for an area (the workspace's by default) or a station and a weather
//! source (observed weather, or a forecast location in the store), the meteogram with windows,
//! warnings, festivals and the now-line; the list of unfavourable-weather windows with what held
//! and what could not be judged; the daily heavy-pollution outlook; a hindcast of the current
//! settings on a past campaign; and the thresholds, saved in the workspace settings, whose every
//! change re-runs all of it. The analysis is `domain::weather_view`, the chart
//! `report::charts::weather`: this page only chooses and shows.
//!
//! - [`toolbar`]: target, source, variable, look-back and the PNG/SVG export;
//! - [`results`]: the windows and the daily outlook;
//! - [`hindcast`]: the current settings scored on a past campaign;
//! - [`thresholds`]: the window and outlook settings, edited and saved.

mod hindcast;
mod results;
mod thresholds;
mod toolbar;

use egui::{Color32, RichText};
use plotters::style::RGBColor;

use super::PageContext;
use crate::domain::hindcast::{Contingency, Hindcast, HindcastError, hindcast_store};
use crate::domain::outlook::OutlookSettings;
use crate::domain::plan::Level;
use crate::domain::weather_view::{
    self, Period, WarningPeriod, WeatherAnalysis, WeatherSource, outlook_limits, window_limits,
};
use crate::domain::windows::WindowSettings;
use crate::i18n::Language;
use crate::i18n::Render;
use crate::report::charts::from_store::Selection;
use crate::report::charts::weather::{
    WeatherChartInput, plan_colours, risk_colour, weather_meteogram,
};
use crate::report::charts::{ChartStyle, ChartView, TimeChart};
use crate::store::{Hour, StationId, Variable};
use crate::ui::chart::TimeChartWidget;
use crate::ui::command::Command;
use crate::ui::i18n::{T, Tr};
use crate::ui::jobs::{ChartData, ExportFile};
use crate::ui::widgets::card;

use hindcast::HindcastKey;
use results::{outlook_card, windows_card};

/// Look-back choices, days before "now".
const LOOK_BACK_DAYS: [i64; 4] = [3, 7, 14, 30];
/// Size of exported images, pixels.
const EXPORT_SIZE: (u32, u32) = (1800, 1100);

/// What the analysis is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// An area (city/county) by name.
    Area(String),
    /// One station by code.
    Station(String),
}

/// Everything the analysis depends on; a change re-runs it.
#[derive(Debug, Clone, PartialEq)]
struct Key {
    generation: u64,
    target: Target,
    source: WeatherSource,
    variable: Variable,
    days_back: i64,
    now: Hour,
    windows: WindowSettings,
    outlook: OutlookSettings,
    warnings: Vec<WarningPeriod>,
    /// The plan's colours of its warning levels.
    level_colours: Vec<(Level, RGBColor)>,
    /// The chart's language.
    lang: Language,
}

/// The analysis and its chart for one key.
struct Computed {
    key: Key,
    selection: Selection,
    utc_offset_s: i32,
    /// The data end before now (historical data): the analysis is as of this hour.
    data_ends: Option<Hour>,
    has_weather: bool,
    analysis: WeatherAnalysis,
    chart: TimeChart,
    /// The analysed period as the chart's x window (hours), the view it opens with.
    period_window: (f64, f64),
}

/// State of the weather page.
pub struct WeatherPage {
    target: Option<Target>,
    source: Option<WeatherSource>,
    variable: Variable,
    days_back: i64,
    view: ChartView,
    computed: Option<Computed>,
    period: Option<Period>,
    hindcast: Option<(HindcastKey, Result<Hindcast, HindcastError>, bool)>,
    /// Settings being edited (used at once; saved when an edit is finished).
    draft: Option<(WindowSettings, OutlookSettings)>,
}

impl Default for WeatherPage {
    fn default() -> Self {
        WeatherPage {
            target: None,
            source: None,
            variable: Variable::Pm25,
            days_back: weather_view::DEFAULT_DAYS_BACK,
            view: ChartView::default(),
            computed: None,
            period: None,
            hindcast: None,
            draft: None,
        }
    }
}

/// Local time of an hour, short.
fn fmt_hour(h: Hour, offset: i32) -> String {
    h.to_local(offset).format("%m-%d %H:%M").to_string()
}

fn colour32(c: plotters::style::RGBColor) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

fn ratio(x: Option<f64>) -> String {
    x.map_or("—".to_string(), |v| format!("{v:.2}"))
}

/// The meteogram's least height (points) on a slide: enough for every panel and the legend.
const SLIDE_CHART_MIN_HEIGHT: f32 = 260.0;

impl WeatherPage {
    /// The meteogram back to the whole analysed period (the page was left: it opens unzoomed).
    pub fn reset_chart_zoom(&mut self) {
        self.view.x = self.computed.as_ref().map(|c| c.period_window);
    }

    /// The settings in effect: the draft being edited, else the saved ones.
    fn settings(&self, cx: &PageContext<'_>) -> (WindowSettings, OutlookSettings) {
        self.draft.clone().unwrap_or_else(|| {
            let s = cx.workspace.settings();
            (s.windows.clone(), s.outlook.clone())
        })
    }

    /// The chosen target, or the workspace's area, or the first area with data.
    fn target(&self, cx: &PageContext<'_>) -> Option<Target> {
        if let Some(t) = &self.target {
            return Some(t.clone());
        }
        let table = cx.store().stations();
        let area = &cx.workspace.settings().area;
        if !area.is_empty() && !table.in_area(area).is_empty() {
            return Some(Target::Area(area.clone()));
        }
        table
            .areas()
            .into_iter()
            .find(|a| !table.in_area(a).is_empty())
            .map(Target::Area)
    }

    fn selection(cx: &PageContext<'_>, target: &Target) -> Option<Selection> {
        let store = cx.store();
        match target {
            Target::Area(name) => {
                let settings = cx.workspace.settings();
                // The hand-picked stations of the workspace area, when there are any.
                if *name == settings.area && !settings.stations.is_empty() {
                    let codes: Vec<String> = settings
                        .stations
                        .iter()
                        .filter(|c| store.stations().find(c).is_some())
                        .cloned()
                        .collect();
                    return Selection::stations(store, &codes, cx.tr.0)
                        .ok()
                        .map(|mut s| {
                            s.label = name.clone();
                            s.is_area = true;
                            s
                        });
                }
                Selection::area(store, name)
            }
            Target::Station(code) => {
                Selection::stations(store, std::slice::from_ref(code), cx.tr.0).ok()
            }
        }
    }

    /// The chosen source, or the first forecast location, or observed weather.
    fn source(&self, cx: &PageContext<'_>) -> WeatherSource {
        let locations = weather_view::forecast_locations(cx.store());
        match self.source {
            Some(WeatherSource::Forecast(id)) if locations.contains(&id) => {
                WeatherSource::Forecast(id)
            }
            Some(WeatherSource::Observed) => WeatherSource::Observed,
            _ => weather_view::default_source(cx.store()),
        }
    }

    /// Warning periods of the session's response read model, as of now.
    fn warnings(cx: &PageContext<'_>) -> Vec<WarningPeriod> {
        let now = crate::clock::to_cst(cx.now).fixed_offset();
        weather_view::warning_periods(&cx.session.models().response, now)
    }

    fn compute(&mut self, cx: &PageContext<'_>) {
        let Some(target) = self.target(cx) else {
            self.computed = None;
            return;
        };
        let (windows, outlook) = self.settings(cx);
        let source = self.source(cx);
        let key = Key {
            generation: cx.data.generation,
            target: target.clone(),
            source,
            variable: self.variable,
            days_back: self.days_back,
            now: Hour::from_utc(cx.now),
            windows,
            outlook,
            warnings: Self::warnings(cx),
            level_colours: cx.session.plan().map(plan_colours).unwrap_or_default(),
            lang: cx.tr.0,
        };
        if self.computed.as_ref().is_some_and(|c| c.key == key) {
            return;
        }
        let Some(selection) = Self::selection(cx, &target) else {
            self.computed = None;
            return;
        };
        let store = cx.store();
        let offset = selection.utc_offset_s(store);
        let now = key.now;
        // A forecast that covers "now" keeps "now"; otherwise old data are shown as of their end.
        let weather_view::AnalysisPeriod {
            from,
            to,
            anchor,
            data_ends,
        } = weather_view::analysis_period(store, &selection.stations, source, now, key.days_back);
        let analysis = weather_view::analyse(
            store,
            &selection.stations,
            source,
            from,
            to,
            anchor,
            offset,
            &key.windows,
            &key.outlook,
        );
        let weather = weather_view::chart_weather_stations(store, source, &selection.stations);
        let has_weather = analysis.hours.iter().any(|h| h.score.is_some());
        let today = crate::clock::to_cst(cx.now).date_naive();
        let aqi_forecast =
            crate::ingest::load_forecast(&cx.workspace.aqi_forecast_path(), Some(today)).0;
        let chart = weather_meteogram(
            store,
            &WeatherChartInput {
                selection: &selection,
                variable: self.variable,
                weather,
                analysis: &analysis,
                warnings: &key.warnings,
                level_colours: &key.level_colours,
                aqi_forecast: &aqi_forecast,
                lang: key.lang,
            },
        );
        let same_period = self.computed.as_ref().is_some_and(|c| {
            c.key.target == key.target
                && c.key.source == key.source
                && c.key.days_back == key.days_back
                && c.key.generation == key.generation
        });
        if !same_period {
            // The whole analysed period, so the hours after "now" keep their room.
            self.view = ChartView::window(from.0 as f64, to.0 as f64);
        }
        self.computed = Some(Computed {
            key,
            selection,
            utc_offset_s: offset,
            data_ends,
            has_weather,
            analysis,
            chart,
            period_window: (from.0 as f64, to.0 as f64),
        });
    }

    /// Draw the page.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        if cx.presenting {
            // Edits in progress are not shown to a meeting.
            self.draft = None;
        }
        self.compute(cx);
        let look = cx.look;
        let page_h = ui.available_height();
        crate::ui::pages::page_scroll(ui, "weather_page", |ui| {
            let top = ui.min_rect().top();
            self.toolbar(ui, cx);
            let Some(c) = &self.computed else {
                ui.add_space(8.0);
                ui.label(RichText::new(cx.tr.t(T::WxNoStations)).color(look.weak_text));
                return;
            };
            let tr = cx.tr;
            if let Some(end) = c.data_ends {
                ui.label(
                    RichText::new(tr.f(T::WxDataEnds, &[&fmt_hour(end, c.utc_offset_s)]))
                        .color(look.warn),
                );
            }
            if !c.has_weather {
                ui.label(RichText::new(tr.t(T::WxNoWeather)).color(look.warn));
            }
            let style = if cx.presenting {
                ChartStyle::projector()
            } else {
                ChartStyle::desktop()
            }
            .with_lang(tr.0);
            if cx.presenting {
                // The slide: the outlook, then the whole meteogram in what is left of the
                // screen (the chart fits itself to it: smaller text, then fewer panels).
                outlook_card(ui, cx, c);
                // Never so low that panels drop out: a taller slide is zoomed to fit.
                let height = (page_h - (ui.cursor().top() - top) - ui.spacing().item_spacing.y)
                    .max(SLIDE_CHART_MIN_HEIGHT);
                TimeChartWidget::new(&c.chart, &mut self.view)
                    .style(style)
                    .height(height)
                    .id_salt("weather_meteogram")
                    .show(ui);
                return;
            }
            TimeChartWidget::new(&c.chart, &mut self.view)
                .style(style)
                .height(480.0)
                .id_salt("weather_meteogram")
                .show(ui);
            ui.add_space(ui.spacing().item_spacing.y);
            if ui.available_width() >= 1100.0 {
                ui.columns(2, |cols| {
                    windows_card(&mut cols[0], cx, c);
                    outlook_card(&mut cols[1], cx, c);
                });
            } else {
                windows_card(ui, cx, c);
                outlook_card(ui, cx, c);
            }
            self.hindcast_card(ui, cx);
            self.settings_card(ui, cx);
        });
    }
}
