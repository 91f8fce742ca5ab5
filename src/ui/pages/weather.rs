//! 气象窗口 Weather windows: for an area (the workspace's by default) or a station and a weather
//! source (observed weather, or a forecast location in the store), the meteogram with windows,
//! warnings, festivals and the now-line; the list of unfavourable-weather windows with what held
//! and what could not be judged; the daily heavy-pollution outlook; a hindcast of the current
//! settings on a past campaign; and the thresholds, saved in the workspace settings, whose every
//! change re-runs all of it. The analysis is `domain::weather_view`, the chart
//! `report::charts::weather`: this page only chooses and shows.

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
}

/// What a hindcast depends on.
#[derive(Debug, Clone, PartialEq)]
struct HindcastKey {
    generation: u64,
    stations: Vec<StationId>,
    period: Period,
    windows: WindowSettings,
    outlook: OutlookSettings,
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

fn explain_window(tr: Tr, w: &crate::domain::windows::Window) -> String {
    match tr.0 {
        Language::Zh => w.explain_zh(),
        Language::En => w.explain_en(),
    }
}

fn condition_name(tr: Tr, c: crate::domain::windows::Condition) -> &'static str {
    match tr.0 {
        Language::Zh => c.name_zh(),
        Language::En => c.name_en(),
    }
}

fn risk_name(tr: Tr, r: crate::domain::outlook::Risk) -> &'static str {
    match tr.0 {
        Language::Zh => r.name_zh(),
        Language::En => r.name_en(),
    }
}

fn colour32(c: plotters::style::RGBColor) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

fn ratio(x: Option<f64>) -> String {
    x.map_or("—".to_string(), |v| format!("{v:.2}"))
}

impl WeatherPage {
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
        let weather = weather_view::source_stations(store, source, &selection.stations);
        let has_weather = analysis.hours.iter().any(|h| h.score.is_some());
        let chart = weather_meteogram(
            store,
            &WeatherChartInput {
                selection: &selection,
                variable: self.variable,
                weather,
                analysis: &analysis,
                warnings: &key.warnings,
                level_colours: &key.level_colours,
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
        egui::ScrollArea::vertical()
            .id_salt("weather_page")
            .auto_shrink([false, false])
            .show(ui, |ui| {
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
                // Projector: the whole meteogram on the screen, in what is left of the page
                // (the chart fits itself to it: smaller text, then fewer panels).
                let height = if cx.presenting {
                    page_h - (ui.cursor().top() - top) - ui.spacing().item_spacing.y
                } else {
                    480.0
                };
                TimeChartWidget::new(&c.chart, &mut self.view)
                    .style(style)
                    .height(height)
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

    fn toolbar(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        let tr = cx.tr;
        let store = cx.store();
        let target = self.target(cx);
        let source = self.source(cx);
        let target_text = |t: &Target| match t {
            Target::Area(a) => tr.f(T::WxAreaItem, &[a]),
            Target::Station(code) => {
                let label = store
                    .stations()
                    .find(code)
                    .map_or(code.as_str(), |id| store.stations().get(id).label());
                tr.f(T::WxStationItem, &[&label])
            }
        };
        let source_text = |s: WeatherSource| match s {
            WeatherSource::Observed => tr.t(T::WxObserved).to_string(),
            WeatherSource::Forecast(id) => {
                tr.f(T::WxForecastAt, &[&store.stations().get(id).label()])
            }
        };
        let variable_text = |v: Variable| {
            if v == Variable::Aqi {
                tr.t(T::WxAreaAqi).to_string()
            } else {
                tr.variable(v).to_string()
            }
        };
        ui.horizontal_wrapped(|ui| {
            if cx.presenting {
                // Projector: the choices as text, no edit widgets.
                let mut parts = Vec::new();
                if let Some(t) = &target {
                    parts.push(target_text(t));
                }
                parts.push(source_text(source));
                parts.push(variable_text(self.variable));
                ui.label(RichText::new(parts.join("  ·  ")).strong());
                return;
            }
            // Target: areas with stations, then the stations of the current area.
            let label = ui.label(tr.t(T::WxTarget));
            let mut chosen = target.clone();
            egui::ComboBox::from_id_salt("weather_target")
                .selected_text(chosen.as_ref().map(&target_text).unwrap_or_default())
                .show_ui(ui, |ui| {
                    let table = store.stations();
                    for area in table.areas() {
                        if table.in_area(&area).is_empty() {
                            continue;
                        }
                        let t = Target::Area(area);
                        let text = target_text(&t);
                        ui.selectable_value(&mut chosen, Some(t), text);
                    }
                    if let Some(sel) = target.as_ref().and_then(|t| Self::selection(cx, t)) {
                        ui.separator();
                        for id in sel.stations {
                            let t = Target::Station(table.get(id).code.clone());
                            let text = target_text(&t);
                            ui.selectable_value(&mut chosen, Some(t), text);
                        }
                    }
                })
                .response
                .labelled_by(label.id);
            if chosen != target {
                self.target = chosen;
            }

            let label = ui.label(tr.t(T::WxSource));
            let mut s = source;
            egui::ComboBox::from_id_salt("weather_source")
                .selected_text(source_text(s))
                .show_ui(ui, |ui| {
                    ui.selectable_value(
                        &mut s,
                        WeatherSource::Observed,
                        source_text(WeatherSource::Observed),
                    );
                    for id in weather_view::forecast_locations(store) {
                        let f = WeatherSource::Forecast(id);
                        ui.selectable_value(&mut s, f, source_text(f));
                    }
                })
                .response
                .labelled_by(label.id);
            if s != source {
                self.source = Some(s);
            }

            let label = ui.label(tr.t(T::WxShown));
            egui::ComboBox::from_id_salt("weather_variable")
                .selected_text(variable_text(self.variable))
                .show_ui(ui, |ui| {
                    for v in [Variable::Pm25, Variable::Aqi] {
                        ui.selectable_value(&mut self.variable, v, variable_text(v));
                    }
                })
                .response
                .labelled_by(label.id);

            let label = ui.label(tr.t(T::WxLookBack));
            egui::ComboBox::from_id_salt("weather_days")
                .selected_text(tr.f(T::WxDays, &[&self.days_back]))
                .show_ui(ui, |ui| {
                    for d in LOOK_BACK_DAYS {
                        ui.selectable_value(&mut self.days_back, d, tr.f(T::WxDays, &[&d]));
                    }
                })
                .response
                .labelled_by(label.id);

            ui.separator();
            let can_export = !cx.workspace.read_only() && self.computed.is_some();
            for (key, svg) in [(T::WxExportPng, false), (T::WxExportSvg, true)] {
                let button = ui.add_enabled(can_export, egui::Button::new(tr.t(key)));
                let button = if cx.workspace.read_only() {
                    button.on_disabled_hover_text(tr.t(T::WxExportReadOnly))
                } else {
                    button
                };
                if button.clicked()
                    && let Some(file) = self.export(cx, svg)
                {
                    cx.send(Command::Export(vec![file]));
                }
            }
        });
    }

    /// The meteogram as shown (zoom and hidden series included), as a PNG or SVG file for the
    /// exports folder; drawn on a worker thread when saved.
    fn export(&self, cx: &PageContext<'_>, svg: bool) -> Option<ExportFile> {
        let c = self.computed.as_ref()?;
        let stamp = crate::clock::to_cst(cx.now).format("%Y%m%d-%H%M");
        let name: String = c
            .selection
            .label
            .chars()
            .map(|ch| if ch.is_alphanumeric() { ch } else { '_' })
            .collect();
        let file = format!(
            "meteogram_{name}_{stamp}.{}",
            if svg { "svg" } else { "png" }
        );
        let chart = ChartData::Time(c.chart.clone(), self.view.clone());
        let style = ChartStyle::desktop().with_lang(cx.tr.0);
        Some(ExportFile::chart(file, chart, EXPORT_SIZE, style, svg))
    }

    fn hindcast_card(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        let tr = cx.tr;
        let look = cx.look;
        let Some(c) = &self.computed else {
            return;
        };
        let store = cx.store();
        let stations: Vec<StationId> = c
            .selection
            .stations
            .iter()
            .copied()
            .filter(|&id| store.observed(id, Variable::Pm25).is_some())
            .collect();
        let offset = c.utc_offset_s;
        // Only days that are over by "now" can be scored.
        let today = c.analysis.now.to_local(offset).date_naive();
        let periods = weather_view::pm25_days(store, &stations, offset)
            .map(|(a, b)| {
                weather_view::hindcast_periods(a, b.min(today.pred_opt().unwrap_or(today)))
            })
            .unwrap_or_default();
        let period_text = |p: &Period| {
            if p.campaign {
                tr.f(T::WxCampaign, &[&p.from, &p.to])
            } else {
                tr.f(T::WxWholePeriod, &[&p.from, &p.to])
            }
        };
        let mut period = self
            .period
            .filter(|p| periods.contains(p))
            .or_else(|| periods.first().copied());
        let (windows, outlook) = self.settings(cx);
        card(ui, &look, tr.t(T::WxHindcast), |ui| {
            let Some(p) = period else {
                ui.label(RichText::new(tr.t(T::WxHindcastNoPm)).color(look.weak_text));
                return;
            };
            ui.horizontal(|ui| {
                if cx.presenting {
                    ui.label(format!("{}：{}", tr.t(T::WxPeriod), period_text(&p)));
                } else {
                    let label = ui.label(tr.t(T::WxPeriod));
                    egui::ComboBox::from_id_salt("weather_hindcast_period")
                        .selected_text(period_text(&p))
                        .show_ui(ui, |ui| {
                            for q in &periods {
                                ui.selectable_value(&mut period, Some(*q), period_text(q));
                            }
                        })
                        .response
                        .labelled_by(label.id);
                }
            });
            let Some(p) = period else {
                return;
            };
            self.period = Some(p);
            let key = HindcastKey {
                generation: cx.data.generation,
                stations: stations.clone(),
                period: p,
                windows,
                outlook,
            };
            if self.hindcast.as_ref().is_none_or(|(k, _, _)| *k != key) {
                let weather = weather_view::observed_weather_stations(store, &stations);
                // One campaign of a county's stations takes a few milliseconds: no thread needed.
                let result = hindcast_store(
                    store,
                    &stations,
                    &weather,
                    Some(p.from),
                    Some(p.to),
                    &key.windows,
                    &key.outlook,
                );
                self.hindcast = Some((key, result, weather.is_empty()));
            }
            let Some((_, result, no_weather)) = &self.hindcast else {
                return;
            };
            let h = match result {
                Ok(h) => h,
                Err(e) => {
                    ui.label(RichText::new(tr.f(T::WxHindcastFailed, &[&e])).color(look.weak_text));
                    return;
                }
            };
            if *no_weather {
                ui.label(RichText::new(tr.t(T::WxHindcastNoWeather)).color(look.warn));
            }
            let valid = h.days.iter().filter(|d| d.observed_heavy.is_some()).count();
            let heavy = h
                .days
                .iter()
                .filter(|d| d.observed_heavy == Some(true))
                .count();
            ui.label(tr.f(T::WxHeavyDays, &[&valid, &heavy]));
            scores_grid(ui, tr, h);
            egui::CollapsingHeader::new(tr.t(T::WxDayByDay))
                .id_salt("weather_hindcast_days")
                .default_open(false)
                .show(ui, |ui| days_grid(ui, cx, h));
        });
    }

    fn settings_card(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        let tr = cx.tr;
        let look = cx.look;
        let (mut w, mut o) = self.settings(cx);
        card(ui, &look, tr.t(T::WxSettings), |ui| {
            if cx.read_only() {
                ui.label(RichText::new(tr.t(T::WxSettingsReadOnly)).color(look.weak_text));
                settings_text(ui, tr, &w, &o);
                return;
            }
            let mut commit = false;
            ui.columns(2, |cols| {
                commit |= window_editor(&mut cols[0], tr, &mut w);
                commit |= outlook_editor(&mut cols[1], tr, &mut o);
            });
            let steps_ok = weather_view::risk_steps_rise(&o.risk_steps);
            if !steps_ok {
                ui.label(RichText::new(tr.t(T::WxRiskStepsBad)).color(look.error));
            }
            let defaults = (WindowSettings::default(), OutlookSettings::default());
            if ui
                .add_enabled(
                    (w.clone(), o.clone()) != defaults,
                    egui::Button::new(tr.t(T::WxRestoreDefaults)),
                )
                .clicked()
            {
                (w, o) = defaults;
                commit = true;
            }
            let saved = cx.workspace.settings();
            let changed = w != saved.windows || o != saved.outlook;
            if commit && changed && steps_ok {
                if w != saved.windows {
                    cx.send(Command::SetWindowSettings(w.clone()));
                }
                if o != saved.outlook {
                    cx.send(Command::SetOutlookSettings(o.clone()));
                }
            }
            // Keep using the edited values at once; drop the draft once they are saved.
            self.draft = changed.then_some((w, o));
        });
    }
}

/// The windows list.
fn windows_card(ui: &mut egui::Ui, cx: &PageContext<'_>, c: &Computed) {
    let tr = cx.tr;
    let look = cx.look;
    let a = &c.analysis;
    let offset = c.utc_offset_s;
    card(ui, &look, tr.t(T::WxWindows), |ui| {
        if a.windows.windows.is_empty() {
            ui.label(RichText::new(tr.t(T::WxNoWindows)).color(look.weak_text));
        } else {
            egui::Grid::new("weather_windows")
                .striped(true)
                .num_columns(5)
                .show(ui, |ui| {
                    for h in [T::WxStart, T::WxEnd, T::WxHours, T::WxPeak, T::WxExplain] {
                        ui.label(RichText::new(tr.t(h)).strong());
                    }
                    ui.end_row();
                    for w in &a.windows.windows {
                        ui.label(fmt_hour(w.start, offset));
                        ui.label(fmt_hour(w.end, offset));
                        ui.label(tr.f(T::WxHoursValue, &[&w.hours()]));
                        ui.label(format!(
                            "{} ({:.2})",
                            fmt_hour(w.peak, offset),
                            w.peak_score
                        ));
                        let text = explain_window(tr, w);
                        let colour = if w.not_judged.is_empty() {
                            look.strong_text
                        } else {
                            look.warn
                        };
                        ui.add(egui::Label::new(RichText::new(text).color(colour)).wrap());
                        ui.end_row();
                    }
                });
        }
        if !a.windows.not_judged.is_empty() {
            let names: Vec<&str> = a
                .windows
                .not_judged
                .iter()
                .map(|&n| condition_name(tr, n))
                .collect();
            ui.label(
                RichText::new(tr.f(T::WxNotJudgedPeriod, &[&names.join(", ")])).color(look.warn),
            );
        }
        if !a.windows.unjudged.is_empty() {
            let hours: i64 = a.windows.unjudged.iter().map(|(s, e)| *e - *s).sum();
            ui.label(
                RichText::new(tr.f(T::WxUnjudged, &[&a.windows.unjudged.len(), &hours]))
                    .color(look.warn),
            );
        }
    });
}

/// The daily outlook table.
fn outlook_card(ui: &mut egui::Ui, cx: &PageContext<'_>, c: &Computed) {
    let tr = cx.tr;
    let look = cx.look;
    card(ui, &look, tr.t(T::WxOutlook), |ui| {
        if c.analysis.outlook.is_empty() {
            ui.label(RichText::new(tr.t(T::WxNoOutlookDays)).color(look.weak_text));
            return;
        }
        egui::Grid::new("weather_outlook")
            .striped(true)
            .num_columns(6)
            .show(ui, |ui| {
                for h in [
                    T::WxDate,
                    T::WxRisk,
                    T::WxProbability,
                    T::WxExpected,
                    T::WxAqiBand,
                    T::WxExplain,
                ] {
                    ui.label(RichText::new(tr.t(h)).strong());
                }
                ui.end_row();
                for row in &c.analysis.outlook {
                    ui.label(row.date.format("%m-%d").to_string());
                    let Some(o) = &row.outlook else {
                        for _ in 0..4 {
                            ui.label("—");
                        }
                        ui.label(RichText::new(tr.t(T::WxNoOutlook)).color(look.warn));
                        ui.end_row();
                        continue;
                    };
                    ui.label(
                        RichText::new(risk_name(tr, o.risk))
                            .strong()
                            .color(colour32(risk_colour(o.risk))),
                    );
                    ui.label(format!("{:.0}%", o.heavy_probability * 100.0));
                    ui.label(format!(
                        "{:.0} ({:.0}–{:.0})",
                        o.expected_pm25, o.pm25_range.0, o.pm25_range.1
                    ));
                    ui.label(format!("{}–{}", o.aqi_range.0, o.aqi_range.1));
                    let mut text = match tr.0 {
                        Language::Zh => o.explain_zh(),
                        Language::En => o.explain_en(),
                    };
                    if row.chained {
                        text.push_str(tr.t(T::WxChained));
                    }
                    let colour = if o.missing.is_empty() {
                        look.strong_text
                    } else {
                        look.warn
                    };
                    ui.add(egui::Label::new(RichText::new(text).color(colour)).wrap());
                    ui.end_row();
                }
            });
    });
}

fn counts(c: &Contingency) -> String {
    format!("{} / {} / {}", c.hits, c.false_alarms, c.misses)
}

/// POD, FAR, CSI of the outlook beside persistence.
fn scores_grid(ui: &mut egui::Ui, tr: Tr, h: &Hindcast) {
    egui::Grid::new("weather_scores")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            ui.label("");
            for k in [T::WxPod, T::WxFar, T::WxCsi, T::WxCounts] {
                ui.label(RichText::new(tr.t(k)).strong());
            }
            ui.end_row();
            for (name, c) in [(T::WxModel, &h.outlook), (T::WxPersistence, &h.persistence)] {
                ui.label(RichText::new(tr.t(name)).strong());
                ui.label(ratio(c.pod()));
                ui.label(ratio(c.far()));
                ui.label(RichText::new(ratio(c.csi())).strong());
                ui.label(counts(c));
                ui.end_row();
            }
        });
}

/// The hindcast day by day.
fn days_grid(ui: &mut egui::Ui, cx: &PageContext<'_>, h: &Hindcast) {
    let tr = cx.tr;
    let yes_no = |b: bool| tr.t(if b { T::WxYes } else { T::WxNo });
    egui::ScrollArea::vertical()
        .id_salt("weather_hindcast_scroll")
        .max_height(320.0)
        .show(ui, |ui| {
            egui::Grid::new("weather_hindcast_grid")
                .striped(true)
                .num_columns(6)
                .show(ui, |ui| {
                    for k in [
                        T::WxDate,
                        T::WxObservedPm,
                        T::WxHeavy,
                        T::WxRisk,
                        T::WxPredicted,
                        T::WxPersistence,
                    ] {
                        ui.label(RichText::new(tr.t(k)).strong());
                    }
                    ui.end_row();
                    for d in &h.days {
                        ui.label(d.date.to_string());
                        ui.label(d.observed_pm25.map_or("—".into(), |v| format!("{v:.0}")));
                        ui.label(d.observed_heavy.map_or("—", yes_no));
                        match &d.outlook {
                            Some(o) => {
                                ui.label(
                                    RichText::new(risk_name(tr, o.risk))
                                        .color(colour32(risk_colour(o.risk))),
                                );
                                ui.label(yes_no(o.predicted_heavy));
                            }
                            None => {
                                ui.label("—");
                                ui.label("—");
                            }
                        }
                        ui.label(yes_no(d.persistence_heavy));
                        ui.end_row();
                    }
                });
        });
}

/// A numeric editor row: label, value, labelled for AccessKit. Returns (changed, finished).
fn number_row<N: egui::emath::Numeric>(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut N,
    limits: &weather_view::Limits,
    speed: f64,
    decimals: usize,
) -> bool {
    let l = ui.label(label);
    let r = ui
        .add(
            egui::DragValue::new(value)
                .range(*limits.start()..=*limits.end())
                .speed(speed)
                .max_decimals(decimals),
        )
        .labelled_by(l.id);
    ui.end_row();
    // Saved when the edit is finished (drag released, typing done) or made by keys/clicks.
    (r.changed() && !r.dragged()) || r.drag_stopped() || r.lost_focus()
}

/// Editors of the window thresholds; true when an edit finished.
fn window_editor(ui: &mut egui::Ui, tr: Tr, w: &mut WindowSettings) -> bool {
    use window_limits::*;
    ui.label(RichText::new(tr.t(T::WxWindowSettings)).strong());
    let mut done = false;
    egui::Grid::new("weather_window_settings")
        .num_columns(2)
        .show(ui, |ui| {
            done |= number_row(
                ui,
                tr.t(T::WxCalmWind),
                &mut w.calm_wind_ms,
                &CALM_WIND_MS,
                0.1,
                1,
            );
            done |= number_row(
                ui,
                tr.t(T::WxHumidRh),
                &mut w.humid_rh_pct,
                &HUMID_RH_PCT,
                1.0,
                0,
            );
            done |= number_row(
                ui,
                tr.t(T::WxWetHour),
                &mut w.wet_hour_mm,
                &WET_HOUR_MM,
                0.1,
                1,
            );
            done |= number_row(
                ui,
                tr.t(T::WxShallowBlh),
                &mut w.shallow_blh_m,
                &SHALLOW_BLH_M,
                10.0,
                0,
            );
            done |= number_row(
                ui,
                tr.t(T::WxInversion),
                &mut w.inversion_delta_c,
                &INVERSION_DELTA_C,
                0.1,
                1,
            );
            done |= number_row(
                ui,
                tr.t(T::WxHourScore),
                &mut w.hour_score,
                &HOUR_SCORE,
                0.01,
                2,
            );
            done |= number_row(
                ui,
                tr.t(T::WxMinHours),
                &mut w.min_hours,
                &MIN_HOURS,
                0.2,
                0,
            );
            done |= number_row(
                ui,
                tr.t(T::WxMaxGap),
                &mut w.max_gap_hours,
                &MAX_GAP_HOURS,
                0.1,
                0,
            );
        });
    done
}

/// Editors of the outlook parameters; true when an edit finished.
fn outlook_editor(ui: &mut egui::Ui, tr: Tr, o: &mut OutlookSettings) -> bool {
    use outlook_limits::*;
    ui.label(RichText::new(tr.t(T::WxOutlookSettings)).strong());
    let mut done = false;
    egui::Grid::new("weather_outlook_settings")
        .num_columns(2)
        .show(ui, |ui| {
            done |= number_row(
                ui,
                tr.t(T::WxPersistenceGain),
                &mut o.persistence,
                &PERSISTENCE,
                0.01,
                2,
            );
            done |= number_row(
                ui,
                tr.t(T::WxBackgroundDays),
                &mut o.background_days,
                &BACKGROUND_DAYS,
                0.2,
                0,
            );
            done |= number_row(
                ui,
                tr.t(T::WxStagnationGain),
                &mut o.stagnation_gain,
                &STAGNATION_GAIN,
                0.01,
                2,
            );
            done |= number_row(
                ui,
                tr.t(T::WxStagnationNeutral),
                &mut o.stagnation_neutral,
                &STAGNATION_NEUTRAL,
                0.01,
                2,
            );
            done |= number_row(
                ui,
                tr.t(T::WxDewPointGain),
                &mut o.dew_point_gain,
                &DEW_POINT_GAIN,
                0.001,
                3,
            );
            done |= number_row(
                ui,
                tr.t(T::WxPressureGain),
                &mut o.pressure_gain,
                &PRESSURE_GAIN,
                0.001,
                3,
            );
            done |= number_row(ui, tr.t(T::WxErrorSd), &mut o.error_sd, &ERROR_SD, 0.01, 2);
            let l = ui.label(tr.t(T::WxRiskSteps));
            ui.horizontal(|ui| {
                for step in o.risk_steps.iter_mut() {
                    let r = ui
                        .add(
                            egui::DragValue::new(step)
                                .range(*RISK_STEP.start()..=*RISK_STEP.end())
                                .speed(0.01)
                                .max_decimals(2),
                        )
                        .labelled_by(l.id);
                    done |= (r.changed() && !r.dragged()) || r.drag_stopped() || r.lost_focus();
                }
            });
            ui.end_row();
            done |= number_row(
                ui,
                tr.t(T::WxMinHoursPrevious),
                &mut o.min_hours_previous_day,
                &MIN_HOURS_PREVIOUS_DAY,
                0.2,
                0,
            );
            done |= number_row(
                ui,
                tr.t(T::WxFrontPressure),
                &mut o.front_pressure_rise_hpa,
                &FRONT_PRESSURE_RISE_HPA,
                0.1,
                1,
            );
            done |= number_row(
                ui,
                tr.t(T::WxFrontDewPoint),
                &mut o.front_dew_point_drop_c,
                &FRONT_DEW_POINT_DROP_C,
                0.1,
                1,
            );
            done |= number_row(
                ui,
                tr.t(T::WxFrontNorth),
                &mut o.front_north_share_rise,
                &FRONT_NORTH_SHARE_RISE,
                0.01,
                2,
            );
        });
    done
}

/// The settings as plain text (projector mode, read-only workspace).
fn settings_text(ui: &mut egui::Ui, tr: Tr, w: &WindowSettings, o: &OutlookSettings) {
    let rows: [(T, String); 20] = [
        (T::WxCalmWind, format!("{}", w.calm_wind_ms)),
        (T::WxHumidRh, format!("{}", w.humid_rh_pct)),
        (T::WxWetHour, format!("{}", w.wet_hour_mm)),
        (T::WxShallowBlh, format!("{}", w.shallow_blh_m)),
        (T::WxInversion, format!("{}", w.inversion_delta_c)),
        (T::WxHourScore, format!("{}", w.hour_score)),
        (T::WxMinHours, format!("{}", w.min_hours)),
        (T::WxMaxGap, format!("{}", w.max_gap_hours)),
        (T::WxPersistenceGain, format!("{}", o.persistence)),
        (T::WxBackgroundDays, format!("{}", o.background_days)),
        (T::WxStagnationGain, format!("{}", o.stagnation_gain)),
        (T::WxStagnationNeutral, format!("{}", o.stagnation_neutral)),
        (T::WxDewPointGain, format!("{}", o.dew_point_gain)),
        (T::WxPressureGain, format!("{}", o.pressure_gain)),
        (T::WxErrorSd, format!("{}", o.error_sd)),
        (
            T::WxRiskSteps,
            format!(
                "{} / {} / {}",
                o.risk_steps[0], o.risk_steps[1], o.risk_steps[2]
            ),
        ),
        (
            T::WxMinHoursPrevious,
            format!("{}", o.min_hours_previous_day),
        ),
        (T::WxFrontPressure, format!("{}", o.front_pressure_rise_hpa)),
        (T::WxFrontDewPoint, format!("{}", o.front_dew_point_drop_c)),
        (T::WxFrontNorth, format!("{}", o.front_north_share_rise)),
    ];
    egui::Grid::new("weather_settings_text")
        .num_columns(4)
        .striped(true)
        .show(ui, |ui| {
            for pair in rows.chunks(2) {
                for (k, v) in pair {
                    ui.label(tr.t(*k));
                    ui.label(RichText::new(v).strong());
                }
                ui.end_row();
            }
        });
}
