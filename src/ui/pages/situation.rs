//! 态势 Situation board: the clock, the area's real-time AQI (HJ 633, category colours) and its
//! stations as coloured tiles, the area AQI of the last 24 hours, the warning level and since
//! when, who is on duty, the next unfavourable window, the season budget, overdue items, and the
//! station alerts. Everything is as of the app's "now": in a drill nothing later is shown.

use chrono::{Datelike, Timelike};
use egui::{Color32, RichText};

use super::PageContext;
use super::ResponseTab;
use super::board::{self, Cards};
use super::response::advice::{AdviceCache, Advised, Sources as AdviceSources, outlook_note};
use crate::clock::to_cst;
use crate::domain::alerts::AlertRule;
use crate::domain::aqi::{
    AqiConfig, AqiResult, Category, Standard, area_hourly_series, station_hourly,
};
use crate::domain::plan::Level;
use crate::domain::response::Decision;
use crate::domain::weather_view::NextWindow;
use crate::i18n::{Render, list_separator};
use crate::report::charts::{ChartStyle, ChartView, Hourly, Panel, TimeChart, Trace};
use crate::store::{Hour, StationId, Variable};
use crate::ui::chart::TimeChartWidget;
use crate::ui::command::Command;
use crate::ui::i18n::{T, Tr};
use crate::ui::theme::Look;
use crate::ui::widgets::{
    TileColour, badge, card, card_grid, key_figure, tile, tile_height, tile_width, untitled_card,
};
use plotters::style::RGBColor;

/// How far back the board looks for the latest reading and draws the trend.
const TREND_HOURS: i64 = 24;
/// A reading older than this (hours) is marked as stale.
const STALE_HOURS: i64 = 3;

/// The latest real-time AQI of one station.
#[derive(Debug, Clone, PartialEq)]
struct Tile {
    name: String,
    /// Stamp (as the source stamps it), AQI result and PM2.5 1-hour mean there.
    latest: Option<(Hour, AqiResult, Option<f32>)>,
}

/// The area's real-time AQI for the latest hour with data.
#[derive(Debug, Clone, PartialEq)]
struct AreaNow {
    /// End of the averaging hour (the stamp CNEMC publishes it under).
    stamp: Hour,
    result: AqiResult,
    pm25: Option<f64>,
    stations_reporting: usize,
}

/// What the board shows for the area, computed once per data load, area change and hour.
#[derive(Debug, Clone, PartialEq)]
struct Board {
    key: BoardKey,
    stations: usize,
    tiles: Vec<Tile>,
    area: Option<AreaNow>,
    /// Area AQI per averaging hour over the trend window (NaN where none).
    trend: Vec<f32>,
    /// Stamp of the first trend value.
    trend_start: Hour,
    utc_offset_s: i32,
    /// The trend as a chart for the chart widget.
    chart: TimeChart,
    cards: Cards,
}

/// What the board depends on: data generation, area, stations, hour, the last journal event
/// folded, the workspace's own files (roster) as the watcher counts their changes, and the
/// language (the trend chart's band names).
type BoardKey = (
    u64,
    String,
    Vec<String>,
    Hour,
    (u64, u64),
    crate::i18n::Language,
);

/// State of the situation page: the board cache.
#[derive(Debug, Default)]
pub struct SituationPage {
    board: Option<Board>,
    /// Keys of alerts already sent to be kept, so a pending write is not asked for twice.
    sent: std::collections::HashSet<String>,
    /// Zoom and hidden series of the trend chart.
    trend_view: ChartView,
    /// The acknowledgement being written, if any.
    ack: AckForm,
    /// The advisor's answer for the "to do now" strip.
    advice: AdviceCache,
}

/// The open "acknowledge alert" form: which alert and the note typed so far.
#[derive(Debug, Default)]
struct AckForm {
    /// [`Alert::key`](crate::domain::alerts::Alert::key) of the alert, when the form is open.
    key: Option<String>,
    note: String,
    /// The form has just opened: its note field takes the focus.
    focus: bool,
}

impl SituationPage {
    /// Draw the board.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        let look = cx.look;
        self.board(cx);
        self.keep_new_alerts(cx);
        let Some(board) = self.board.as_ref() else {
            return;
        };
        let view = &mut self.trend_view;
        let form = &mut self.ack;
        let advised = match cx.session.plan() {
            Some(plan) if !look.projector => {
                let state = &cx.session.models().response;
                let sources = AdviceSources::of(cx, plan, state, to_cst(cx.now));
                Some(self.advice.get(&sources).clone())
            }
            _ => None,
        };
        let page_h = ui.available_height();
        super::page_scroll(ui, "situation", |ui| {
            let gap = ui.spacing().item_spacing.x;
            if look.projector {
                headline_slide(ui, cx, board, view, page_h);
                return;
            }
            clock_card(ui, cx, board);
            ui.add_space(gap);
            if let Some(command) = todo_strip(ui, cx, board, advised.as_ref(), form) {
                cx.send(command);
            }
            ui.add_space(gap);
            // Side by side only where both fit.
            if ui.available_width() >= 900.0 {
                ui.columns(2, |cols| {
                    latest_card(&mut cols[0], cx, board);
                    trend_card(&mut cols[1], cx, board, view, None);
                });
            } else {
                latest_card(ui, cx, board);
                ui.add_space(gap);
                trend_card(ui, cx, board, view, None);
            }
            ui.add_space(gap);
            let cards: &[fn(&mut egui::Ui, &PageContext<'_>, &Cards)] =
                &[warning_card, duty_card, window_card, budget_card];
            card_grid(ui, cards.len(), 300.0, |ui, i| {
                cards[i](ui, cx, &board.cards)
            });
            ui.add_space(gap);
            alerts_card(ui, cx, board);
        });
    }

    /// The trend chart back to its whole extent.
    pub fn reset_chart_zoom(&mut self) {
        self.trend_view.reset();
    }

    /// Ask for alerts seen for the first time to be kept in the journal (not in projector mode
    /// or on a read-only journal: there they are shown only, and the card says why).
    fn keep_new_alerts(&mut self, cx: &mut PageContext<'_>) {
        let Some(board) = &self.board else {
            return;
        };
        if cx.session.why_not().is_some() {
            return;
        }
        let new: Vec<_> = board
            .cards
            .alerts
            .iter()
            .filter(|a| {
                let key = a.key();
                board.cards.recorded.binary_search(&key).is_err() && !self.sent.contains(&key)
            })
            .cloned()
            .collect();
        if !new.is_empty() {
            self.sent.extend(new.iter().map(|a| a.key()));
            cx.send(Command::RecordAlerts(new));
        }
    }

    fn board(&mut self, cx: &PageContext<'_>) -> &Board {
        let settings = cx.workspace.settings();
        let key = (
            cx.data.generation,
            settings.area.clone(),
            settings.stations.clone(),
            cx.as_of(),
            (cx.session.last_seq(), cx.data.workspace_files),
            cx.tr.0,
        );
        if self.board.as_ref().is_none_or(|b| b.key != key) {
            self.board = None;
        }
        self.board.get_or_insert_with(|| compute_board(cx, key))
    }
}

/// The stations of the area: the hand-picked codes, else the area's non-control stations.
fn area_stations(cx: &PageContext<'_>) -> Vec<StationId> {
    let settings = cx.workspace.settings();
    let table = cx.store().stations();
    if !settings.stations.is_empty() {
        return settings
            .stations
            .iter()
            .filter_map(|c| table.find(c))
            .collect();
    }
    if settings.area.is_empty() {
        return Vec::new();
    }
    table.in_area(&settings.area)
}

fn compute_board(cx: &PageContext<'_>, key: BoardKey) -> Board {
    let store = cx.store();
    let config = AqiConfig::default();
    let now = key.3;
    let ids = area_stations(cx);
    let utc_offset_s = ids
        .first()
        .map_or(8 * 3600, |&id| store.stations().get(id).utc_offset_s);
    // A stamp marks the end of its averaging hour (CNEMC), so at `now` the latest complete hour
    // started at `now - 1`; the window holds the TREND_HOURS hours before.
    let first_period = now - TREND_HOURS;
    let tiles = ids
        .iter()
        .map(|&id| {
            let latest = (0..TREND_HOURS).find_map(|back| {
                let stamp = now - back;
                let h = station_hourly(store, id, stamp, &config)?;
                h.result.aqi?;
                let pm25 = store
                    .observed(id, Variable::Pm25)
                    .and_then(|s| s.get(stamp));
                Some((stamp, h.result, pm25))
            });
            Tile {
                name: store.stations().get(id).label().to_string(),
                latest,
            }
        })
        .collect();
    let series = area_hourly_series(store, &ids, first_period, now, &config);
    let mut trend = vec![f32::NAN; TREND_HOURS as usize];
    for a in &series {
        if let (Some(aqi), Ok(i)) = (a.result.aqi, usize::try_from(a.period_start - first_period))
            && let Some(slot) = trend.get_mut(i)
        {
            *slot = f32::from(aqi);
        }
    }
    let area = series
        .iter()
        .rev()
        .find(|a| a.result.aqi.is_some())
        .map(|a| AreaNow {
            stamp: a.period_start + 1,
            result: a.result.clone(),
            pm25: a.input.pm25.map(|c| c.to_f64()),
            stations_reporting: a.stations_reporting,
        });
    let chart = trend_chart(cx, &trend, first_period + 1, utc_offset_s);
    let cards = board::gather(cx.workspace, cx.session.models(), store, &ids, cx.now);
    Board {
        key,
        chart,
        cards,
        stations: ids.len(),
        tiles,
        area,
        trend,
        trend_start: first_period + 1,
        utc_offset_s,
    }
}

/// The official colour of a category, and a text colour that reads on it.
fn category_colours(c: Category, standard: Standard) -> (Color32, Color32) {
    let [r, g, b] = c.colour(standard);
    let text = if c <= Category::III {
        Color32::BLACK
    } else {
        Color32::WHITE
    };
    (Color32::from_rgb(r, g, b), text)
}

fn weekday(tr: Tr, d: chrono::Weekday) -> &'static str {
    tr.t([
        T::Weekday1,
        T::Weekday2,
        T::Weekday3,
        T::Weekday4,
        T::Weekday5,
        T::Weekday6,
        T::Weekday7,
    ][d.num_days_from_monday() as usize])
}

/// The clock on one line — which clock, the time, the date, the area and its stations reporting,
/// the area's AQI at a glance — and staggered production on a second, so the "to do now" strip
/// starts high on the first screen at 1366×768 with the area's AQI above it.
fn clock_card(ui: &mut egui::Ui, cx: &PageContext<'_>, board: &Board) {
    let tr = cx.tr;
    let look = cx.look;
    let t = to_cst(cx.now);
    let (label, color) = if cx.clock.is_drill() {
        (T::DrillClock, look.warn)
    } else {
        (T::Clock, look.strong_text)
    };
    let area = &cx.workspace.settings().area;
    untitled_card(ui, &look, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr.t(label)).strong().color(look.strong_text));
            ui.label(
                RichText::new(format!("{:02}:{:02}", t.hour(), t.minute()))
                    .size(look.key_figure * 0.6)
                    .strong()
                    .color(color),
            );
            let date = tr.f(
                T::LongDate,
                &[&t.year(), &t.month(), &t.day(), &weekday(tr, t.weekday())],
            );
            ui.label(RichText::new(date).strong().color(look.strong_text));
            let area_text = if area.is_empty() {
                tr.t(T::AreaNotSet).to_string()
            } else {
                let reporting = board.tiles.iter().filter(|t| t.latest.is_some()).count();
                format!(
                    "{}  ·  {}",
                    tr.f(T::AreaIs, &[area]),
                    tr.f(T::StationsReporting, &[&reporting, &board.stations])
                )
            };
            ui.label(RichText::new(area_text).color(look.weak_text));
            if let Some(now) = &board.area {
                ui.add_space(12.0);
                area_glance(ui, &look, tr, now);
            }
        });
        // Staggered production stands warning or not: one line under the clock.
        super::staggered::show(ui, cx, t.date_naive(), true);
    });
}

/// The area's AQI on its category colour with the category and PM2.5, small: the clock line's
/// glance, on the first screen however long the "to do now" strip under it grows.
fn area_glance(ui: &mut egui::Ui, look: &Look, tr: Tr, now: &AreaNow) {
    let r = &now.result;
    let (Some(aqi), Some(c)) = (r.aqi, r.category) else {
        return;
    };
    let (fill, text) = category_colours(c, r.standard);
    let size = look.key_figure * 0.6;
    badge(ui, &format!("AQI {aqi}"), size, fill, text).on_hover_text(tr.t(T::AreaAqi));
    let mut note = tr.category(c, r.standard).to_string();
    if let Some(pm) = now.pm25 {
        note.push_str(&format!("  ·  PM2.5 {pm:.0} {}", Variable::Pm25.unit()));
    }
    ui.label(RichText::new(note).strong().color(look.strong_text));
}

/// The area's figures and the stations' latest AQI as tiles.
fn latest_card(ui: &mut egui::Ui, cx: &PageContext<'_>, board: &Board) {
    let tr = cx.tr;
    let look = cx.look;
    card(ui, &look, tr.t(T::LatestAqi), |ui| {
        if cx.store().series_count() == 0 {
            ui.label(RichText::new(tr.t(T::NoDataYet)).color(look.weak_text));
            return;
        }
        if board.stations == 0 {
            ui.label(RichText::new(tr.t(T::AreaNotSet)).color(look.weak_text));
            return;
        }
        let Some(area) = &board.area else {
            ui.label(RichText::new(tr.t(T::NoDataAtTime)).color(look.weak_text));
            return;
        };
        area_figures(ui, &look, tr, board, area, |_| {});
        let age = Hour::from_utc(cx.now) - area.stamp;
        let when = area
            .stamp
            .to_local(board.utc_offset_s)
            .format("%Y-%m-%d %H:%M")
            .to_string();
        let mut parts = vec![
            tr.f(T::DataAsOf, &[&when]),
            tr.f(
                T::StationsReporting,
                &[&area.stations_reporting, &board.stations],
            ),
            tr.f(T::AqiStandard, &[&area.result.standard.label()]),
        ];
        let stale = age >= STALE_HOURS;
        if stale {
            parts.push(tr.f(T::StaleData, &[&age]));
        }
        let color = if stale { look.warn } else { look.weak_text };
        // Each part stays whole; the row wraps between parts, not inside "HJ 633-2012".
        ui.horizontal_wrapped(|ui| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
            for (i, part) in parts.iter().enumerate() {
                let text = if i == 0 {
                    part.clone()
                } else {
                    format!("·  {part}")
                };
                ui.label(RichText::new(text).color(color));
            }
        });
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing = egui::vec2(6.0, 6.0);
            station_tiles(ui, &look, tr, board);
        });
    });
}

/// The width every station tile takes: the widest name or note (category · primary pollutant).
fn station_tile_width(ui: &egui::Ui, tr: Tr, board: &Board) -> f32 {
    board
        .tiles
        .iter()
        .map(|t| {
            let note = t.latest.as_ref().map_or(String::new(), |(_, r, _)| {
                let cat = r.category.map(|c| tr.category(c, r.standard)).unwrap_or("");
                format!("{cat} · PM2.5")
            });
            tile_width(ui, &t.name, 72.0).max(tile_width(ui, &note, 72.0))
        })
        .fold(0.0, f32::max)
}

/// The stations' latest AQI as tiles on their category colours (name, AQI, category and primary
/// pollutant), placed one after the other in `ui`'s layout.
fn station_tiles(ui: &mut egui::Ui, look: &Look, tr: Tr, board: &Board) {
    let width = station_tile_width(ui, tr, board);
    for t in &board.tiles {
        let (value, note, colours, hover) = match &t.latest {
            Some((_, r, pm25)) => {
                let aqi = r.aqi.map_or("—".to_string(), |a| a.to_string());
                let cat = r.category.map(|c| tr.category(c, r.standard)).unwrap_or("");
                let primary: Vec<&str> = r.primary.iter().map(|p| p.code()).collect();
                let note = if primary.is_empty() {
                    cat.to_string()
                } else {
                    format!("{cat} · {}", primary.join(list_separator(tr)))
                };
                let colours = r.category.map(|c| category_colours(c, r.standard));
                let pm = pm25.map_or(String::new(), |v| format!(" · PM2.5 {v:.0}"));
                let hover = format!("{} · AQI {aqi} {note}{pm}", t.name);
                (aqi, note, colours, hover)
            }
            None => ("—".to_string(), String::new(), None, t.name.clone()),
        };
        let colour = colours.map_or(TileColour::Plain, |(fill, text)| TileColour::Filled {
            fill,
            text,
        });
        tile(ui, look, width, &t.name, &value, &note, colour).on_hover_text(hover);
    }
}

/// The area's AQI on its category colour, category, primary pollutant, PM2.5 and the highest
/// station.
/// `extra` adds a further column on the same row (the projector's warning level).
fn area_figures(
    ui: &mut egui::Ui,
    look: &Look,
    tr: Tr,
    board: &Board,
    area: &AreaNow,
    extra: impl FnOnce(&mut egui::Ui),
) {
    let r = &area.result;
    ui.horizontal_wrapped(|ui| {
        ui.vertical(|ui| {
            ui.label(RichText::new(tr.t(T::AreaAqi)).color(look.weak_text));
            // The category and the primary pollutant beside the badge, not under it: the
            // figures stay one badge tall.
            ui.horizontal(|ui| match (r.aqi, r.category) {
                (Some(aqi), Some(c)) => {
                    let (fill, text) = category_colours(c, r.standard);
                    badge(ui, &aqi.to_string(), look.key_figure, fill, text);
                    ui.vertical(|ui| {
                        ui.label(
                            RichText::new(tr.category(c, r.standard))
                                .size(look.key_figure * 0.5)
                                .strong()
                                .color(look.strong_text),
                        );
                        if !r.primary.is_empty() {
                            let names: Vec<&str> = r.primary.iter().map(|p| p.code()).collect();
                            ui.label(
                                RichText::new(tr.f(T::Primary, &[&names.join(list_separator(tr))]))
                                    .color(look.weak_text),
                            );
                        }
                    });
                }
                _ => key_figure(ui, look, "—", "", look.weak_text),
            });
        });
        ui.add_space(20.0);
        ui.vertical(|ui| {
            ui.label(RichText::new(tr.t(T::AreaPm25)).color(look.weak_text));
            match area.pm25 {
                Some(v) => key_figure(
                    ui,
                    look,
                    &format!("{v:.0}"),
                    Variable::Pm25.unit(),
                    look.strong_text,
                ),
                None => key_figure(ui, look, "—", "", look.weak_text),
            }
        });
        let highest = board
            .tiles
            .iter()
            .filter_map(|t| {
                let (_, r, _) = t.latest.as_ref()?;
                Some((r.aqi?, r, t.name.as_str()))
            })
            .max_by_key(|(aqi, _, _)| *aqi);
        if let Some((aqi, r, name)) = highest {
            ui.add_space(20.0);
            ui.vertical(|ui| {
                ui.label(RichText::new(tr.t(T::MaxAqi)).color(look.weak_text));
                ui.horizontal(|ui| {
                    let (fill, text) = r.category.map_or((look.weak_text, Color32::WHITE), |c| {
                        category_colours(c, r.standard)
                    });
                    badge(ui, &aqi.to_string(), look.key_figure * 0.6, fill, text);
                    ui.label(RichText::new(name).color(look.strong_text));
                });
            });
        }
        extra(ui);
    });
}

/// Projector mode: the area's AQI now and the warning in force on one card, so a meeting sees
/// both on the first screen at twice the text size.
fn headline_card(ui: &mut egui::Ui, cx: &PageContext<'_>, board: &Board) {
    let tr = cx.tr;
    let look = cx.look;
    let area = &cx.workspace.settings().area;
    let title = if area.is_empty() {
        tr.t(T::Headline).to_string()
    } else {
        format!("{}  ·  {area}", tr.t(T::Headline))
    };
    let warning = |ui: &mut egui::Ui| {
        // A column placed at the end of a full row would be clipped: start a new row instead.
        if ui.available_size_before_wrap().x < warning_width(ui, cx, &board.cards) + 20.0 {
            ui.end_row();
        } else {
            ui.add_space(20.0);
        }
        ui.vertical(|ui| {
            ui.label(RichText::new(tr.t(T::WarningLevel)).color(look.weak_text));
            warning_body(ui, cx, &board.cards, true);
        });
    };
    card(ui, &look, &title, |ui| match &board.area {
        Some(now) => area_figures(ui, &look, tr, board, now, warning),
        None => {
            weak(ui, &look, tr.t(T::NoDataAtTime));
            ui.horizontal_wrapped(warning);
        }
    });
}

/// The area's hourly AQI as a one-panel time chart over the official category bands.
fn trend_chart(cx: &PageContext<'_>, trend: &[f32], start: Hour, utc_offset_s: i32) -> TimeChart {
    let mut panel = Panel::new("AQI");
    panel.bands = crate::report::charts::colour::aqi_bands(cx.tr.0);
    panel.traces.push(
        Trace::line(
            "area-aqi",
            cx.tr.t(T::AreaAqi),
            RGBColor(20, 20, 20),
            Hourly::new(start, trend.to_vec()),
        )
        .width(2.0)
        // One series, named by the card's title: no legend toggle (none in projector mode).
        .no_legend(),
    );
    TimeChart {
        title: String::new(),
        subtitle: String::new(),
        utc_offset_s,
        panels: vec![panel],
        spans: Vec::new(),
        markers: Vec::new(),
        now: None,
    }
}

/// The headline slide for a meeting room: the big figures (area AQI and PM2.5 now, the warning
/// level in its colour, since when, until when, the notice number) and staggered production on
/// one line, then the day's trend chart filling the rest of the screen, with the stations as
/// tiles beside it where they fit. When even the least chart does not fit, the slide is taller
/// than the screen and the projector zooms it down.
fn headline_slide(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    board: &Board,
    view: &mut ChartView,
    page_h: f32,
) {
    let top = ui.min_rect().top();
    let gap = ui.spacing().item_spacing.y;
    headline_card(ui, cx, board);
    // Staggered production stands warning or not; at the desk it sits on the clock card.
    super::staggered::show(ui, cx, to_cst(cx.now).date_naive(), true);
    let room = page_h - (ui.cursor().top() - top) - 2.0 * gap;
    let chart_h = (room - TREND_CARD_CHROME).max(TREND_SLIDE_MIN_CHART);
    let stations = stations_beside_chart(ui, cx, board, chart_h + TREND_CARD_CHROME);
    let Some(stations_w) = stations else {
        trend_card(ui, cx, board, view, Some(chart_h));
        return;
    };
    let width = ui.available_width();
    let height = chart_h + TREND_CARD_CHROME;
    ui.horizontal_top(|ui| {
        let chart_w = width - stations_w - ui.spacing().item_spacing.x;
        ui.allocate_ui(egui::vec2(chart_w, height), |ui| {
            trend_card(ui, cx, board, view, Some(chart_h));
        });
        ui.allocate_ui(egui::vec2(stations_w, height), |ui| {
            card(ui, &cx.look, cx.tr.t(T::SlideStations), |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.spacing_mut().item_spacing = egui::vec2(6.0, 6.0);
                    station_tiles(ui, &cx.look, cx.tr, board);
                });
            });
        });
    });
}

/// The width of a card of station tiles beside the trend chart (`height` points tall), when
/// every station fits into it and the chart keeps at least half of the slide's width.
fn stations_beside_chart(
    ui: &egui::Ui,
    cx: &PageContext<'_>,
    board: &Board,
    height: f32,
) -> Option<f32> {
    let n = board.tiles.len();
    if n == 0 {
        return None;
    }
    let spacing = 6.0;
    let tile_w = station_tile_width(ui, cx.tr, board) + spacing;
    let tile_h = tile_height(ui, &cx.look) + spacing;
    let rows = (((height - STATIONS_CARD_CHROME) / tile_h).floor() as usize).max(1);
    let columns = n.div_ceil(rows);
    let width = columns as f32 * tile_w + CARD_MARGINS;
    (width <= ui.available_width() * 0.5).then_some(width)
}

/// The least trend chart (points) on the headline slide: below it the slide is zoomed down.
const TREND_SLIDE_MIN_CHART: f32 = 160.0;

/// The trend chart's text on the headline slide relative to the projector chart style's.
const TREND_SLIDE_TEXT: f64 = 0.6;

/// What the trend card takes (points) on a slide beside its chart: title and margins.
const TREND_CARD_CHROME: f32 = 64.0;

/// What a card of tiles takes (points) beside its tiles: title and margins.
const STATIONS_CARD_CHROME: f32 = 56.0;

/// A card's inner margins and stroke, both sides (points).
const CARD_MARGINS: f32 = 28.0;

/// The area's last 24 hours; on a slide the chart is `slide_height` points tall.
fn trend_card(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    board: &Board,
    view: &mut ChartView,
    slide_height: Option<f32>,
) {
    let tr = cx.tr;
    let look = cx.look;
    let present: Vec<f32> = board
        .trend
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .collect();
    let figures = match (present.iter().copied().reduce(f32::max), present.last()) {
        (Some(mx), Some(last)) => Some(format!(
            "{} {last:.0}  ·  {} {mx:.0}",
            tr.t(T::Latest),
            tr.t(T::Max),
        )),
        _ => None,
    };
    // On a slide the latest and highest values go into the title: the chart keeps the height.
    let title = match (&figures, slide_height) {
        (Some(f), Some(_)) => format!("{}  ·  {f}", tr.t(T::AreaTrend)),
        _ => tr.t(T::AreaTrend).to_string(),
    };
    card(ui, &look, &title, |ui| {
        if present.is_empty() {
            let text = if board.stations == 0 {
                T::AreaNotSet
            } else if cx.store().series_count() == 0 {
                T::NoDataYet
            } else {
                T::NoDataAtTime
            };
            ui.label(RichText::new(tr.t(text)).color(look.weak_text));
            return;
        }
        let (style, h) = match slide_height {
            // The projector's lines and contrast with text no larger than the slide's own:
            // the plot keeps the height.
            Some(h) => (ChartStyle::projector().shrunk(TREND_SLIDE_TEXT), h),
            None => (ChartStyle::desktop(), 220.0),
        };
        TimeChartWidget::new(&board.chart, view)
            .style(style.with_lang(tr.0))
            .height(h)
            .id_salt("area_trend")
            .show(ui);
        if let (Some(f), None) = (figures, slide_height) {
            ui.label(RichText::new(f).color(look.weak_text));
        }
    });
}

fn weak(ui: &mut egui::Ui, look: &Look, text: impl Into<String>) {
    ui.add(egui::Label::new(RichText::new(text.into()).color(look.weak_text)).wrap());
}

fn big(ui: &mut egui::Ui, look: &Look, text: impl Into<String>, color: Color32) {
    ui.label(
        RichText::new(text.into())
            .size(look.key_figure * 0.8)
            .strong()
            .color(color),
    );
}

/// The official colour of a warning level (GB/T 27962 signal colours), text colour on it.
fn level_colours(level: Level) -> Option<(Color32, Color32)> {
    match level {
        Level::Blue => Some((Color32::from_rgb(0, 112, 192), Color32::WHITE)),
        Level::Yellow => Some((Color32::from_rgb(255, 221, 0), Color32::BLACK)),
        Level::Orange => Some((Color32::from_rgb(255, 126, 0), Color32::BLACK)),
        Level::Red => Some((Color32::from_rgb(220, 0, 0), Color32::WHITE)),
        _ => None,
    }
}

fn short(t: chrono::DateTime<chrono::FixedOffset>) -> String {
    t.format("%m-%d %H:%M").to_string()
}

/// The width the slide's warning column takes: the level's badge with the notice number, and
/// the "since … expected until …" line.
fn warning_width(ui: &egui::Ui, cx: &PageContext<'_>, cards: &Cards) -> f32 {
    let tr = cx.tr;
    let width = |text: &str, size: f32| {
        ui.painter()
            .layout_no_wrap(
                text.to_owned(),
                egui::FontId::proportional(size),
                Color32::WHITE,
            )
            .size()
            .x
    };
    let body = ui
        .style()
        .text_styles
        .get(&egui::TextStyle::Body)
        .map_or(15.0, |f| f.size);
    let gap = ui.spacing().item_spacing.x;
    let Some(w) = &cards.warning else {
        return width(tr.t(T::NoWarning), cx.look.key_figure * 0.8);
    };
    let badge_size = cx.look.key_figure * 0.7;
    let head = width(tr.level(w.level), badge_size) + badge_size * 0.6 + gap;
    let when = width(&tr.f(T::WarningSince, &[&short(w.since)]), body)
        + gap
        + expected_end(tr, w, cx).map_or(0.0, |e| width(&e, body));
    (head + width(&w.doc_no, body)).max(when)
}

/// "Expected to last until …" for a warning not yet over that states an expected end.
fn expected_end(tr: Tr, w: &super::board::WarningNow, cx: &PageContext<'_>) -> Option<String> {
    let over = !w.in_force && w.since <= to_cst(cx.now);
    let end = w.expected_end.filter(|_| !over)?;
    Some(tr.f(T::WarningExpectedEnd, &[&short(end)]))
}

fn warning_card(ui: &mut egui::Ui, cx: &PageContext<'_>, cards: &Cards) {
    card(ui, &cx.look, cx.tr.t(T::WarningLevel), |ui| {
        warning_body(ui, cx, cards, false);
        if !cards.campaigns.is_empty() {
            let names: Vec<&str> = cards.campaigns.iter().map(|c| cx.tr.campaign(c)).collect();
            let names = names.join(list_separator(cx.tr));
            ui.label(
                RichText::new(cx.tr.f(T::CampaignsRunning, &[&names])).color(cx.look.strong_text),
            );
        }
    });
}

/// The warning level in its signal colour, since when, until when it is expected to last, and
/// the notice number: a line each at the desk; on a slide (`slide`) the notice number beside the
/// level and since/until on one line, so the column is no taller than the AQI's.
fn warning_body(ui: &mut egui::Ui, cx: &PageContext<'_>, cards: &Cards, slide: bool) {
    let tr = cx.tr;
    let look = cx.look;
    let Some(w) = &cards.warning else {
        big(ui, &look, tr.t(T::NoWarning), look.strong_text);
        if let Some(p) = cx.session.open_error() {
            weak(ui, &look, tr.f(T::JournalUnreadable, &[&p.render(tr)]));
        }
        return;
    };
    let name = tr.level(w.level);
    let level = |ui: &mut egui::Ui| match level_colours(w.level) {
        Some((fill, text)) => {
            badge(ui, name, look.key_figure * 0.7, fill, text);
        }
        None => big(ui, &look, name, look.strong_text),
    };
    let doc_no = |ui: &mut egui::Ui| {
        if !w.doc_no.is_empty() {
            ui.label(RichText::new(&w.doc_no).color(look.weak_text));
        }
    };
    let since = short(w.since);
    let when = if w.in_force {
        tr.f(T::WarningSince, &[&since])
    } else if w.since > to_cst(cx.now) {
        tr.f(T::WarningIssuedFrom, &[&since])
    } else {
        tr.f(T::WarningEnded, &[&since])
    };
    let when = RichText::new(when).strong().color(look.strong_text);
    let end = expected_end(tr, w, cx).map(|e| RichText::new(e).color(look.strong_text));
    if slide {
        ui.horizontal(|ui| {
            level(ui);
            doc_no(ui);
        });
        ui.horizontal(|ui| {
            ui.label(when);
            if let Some(end) = end {
                ui.label(end);
            }
        });
        return;
    }
    level(ui);
    ui.label(when);
    if let Some(end) = end {
        ui.label(end);
    }
    doc_no(ui);
}

fn duty_card(ui: &mut egui::Ui, cx: &PageContext<'_>, cards: &Cards) {
    let tr = cx.tr;
    let look = cx.look;
    card(ui, &look, tr.t(T::OnDuty), |ui| {
        if let Some(p) = &cards.roster_problem {
            weak(ui, &look, tr.f(T::RosterUnreadable, &[p]));
            return;
        }
        if cx.workspace.settings().roster.is_none() {
            weak(ui, &look, tr.t(T::NoRoster));
            return;
        }
        if cards.on_duty.is_empty() {
            big(ui, &look, tr.t(T::NobodyOnDuty), look.warn);
        }
        for (person, role) in &cards.on_duty {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(person)
                        .size(look.key_figure * 0.55)
                        .strong()
                        .color(look.strong_text),
                );
                ui.label(RichText::new(role).color(look.weak_text));
            });
        }
        if let Some((_, _, start)) = cards.next_duty.first() {
            let names: Vec<String> = cards
                .next_duty
                .iter()
                .map(|(p, r, _)| format!("{p}（{r}）"))
                .collect();
            let when = start.format("%m-%d %H:%M").to_string();
            weak(
                ui,
                &look,
                format!(
                    "{}: {}",
                    tr.f(T::DutyNext, &[&when]),
                    names.join(list_separator(tr))
                ),
            );
        }
    });
}

fn window_card(ui: &mut egui::Ui, cx: &PageContext<'_>, cards: &Cards) {
    let tr = cx.tr;
    let look = cx.look;
    card(ui, &look, tr.t(T::NextWindow), |ui| match &cards.window {
        NextWindow::NoForecast => weak(ui, &look, tr.t(T::WindowNoForecast)),
        NextWindow::None { until } => {
            big(ui, &look, "—", look.weak_text);
            weak(
                ui,
                &look,
                tr.f(
                    T::WindowNone,
                    &[&until.to_local(8 * 3600).format("%m-%d %H:00")],
                ),
            );
        }
        NextWindow::Found(w) => {
            let local = |h: Hour| h.to_local(8 * 3600).format("%m-%d %H:00").to_string();
            if w.start <= cx.as_of() {
                big(ui, &look, tr.f(T::WindowNow, &[&local(w.end)]), look.warn);
            } else {
                big(
                    ui,
                    &look,
                    tr.f(T::WindowFrom, &[&local(w.start)]),
                    look.warn,
                );
            }
            let explain = w.render(tr);
            weak(ui, &look, tr.f(T::WindowHours, &[&w.hours(), &explain]));
        }
    });
}

fn budget_card(ui: &mut egui::Ui, cx: &PageContext<'_>, cards: &Cards) {
    let tr = cx.tr;
    let look = cx.look;
    card(ui, &look, tr.t(T::Budget), |ui| match &cards.budget {
        None => weak(ui, &look, tr.t(T::BudgetNotSet)),
        Some(Err(e)) => weak(ui, &look, tr.f(T::BudgetUnavailable, &[e])),
        Some(Ok(b)) => {
            ui.horizontal_wrapped(|ui| {
                let (value, color) = match (b.mean_so_far_rounded, b.on_track) {
                    (Some(m), Some(true)) => (format!("{m:.0}"), look.strong_text),
                    (Some(m), _) => (format!("{m:.0}"), look.error),
                    (None, _) => ("—".into(), look.weak_text),
                };
                big(ui, &look, value, color);
                ui.vertical(|ui| {
                    ui.label(RichText::new(tr.t(T::BudgetMean)).color(look.weak_text));
                    if let Some(on) = b.on_track {
                        let (t, c) = if on {
                            (T::BudgetOnTrack, look.strong_text)
                        } else {
                            (T::BudgetOffTrack, look.error)
                        };
                        ui.label(RichText::new(tr.t(t)).strong().color(c));
                    }
                });
            });
            let allowed = b
                .remaining_allowed_mean
                .map_or("—".to_string(), |m| format!("{m:.1}"));
            weak(
                ui,
                &look,
                tr.f(
                    T::BudgetTarget,
                    &[&b.target_compared, &b.remaining_days, &allowed],
                ),
            );
            weak(
                ui,
                &look,
                tr.f(
                    T::BudgetValidDays,
                    &[&b.as_of, &b.valid_days, &b.missing_days],
                ),
            );
            if let Some(left) = b.heavy_days_left {
                weak(ui, &look, tr.f(T::BudgetHeavy, &[&b.heavy_days, &left]));
            }
        }
    });
}

/// "现在要做": what the officer on duty acts on now, each with its button — the advisor's
/// advice with its first reason (and a warning expected to end before the advised end), the
/// overdue checklist items and supervision findings, and the alerts no one has acknowledged or
/// handed to supervision yet. Returns what the officer asked for.
fn todo_strip(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    board: &Board,
    advised: Option<&Advised>,
    form: &mut AckForm,
) -> Option<Command> {
    let tr = cx.tr;
    let look = cx.look;
    let cards = &board.cards;
    let writable = cx.session.why_not().is_none() && !cx.presenting;
    let mut chosen = None;
    card(ui, &look, tr.t(T::TodoNow), |ui| {
        let advice = advised.and_then(|advised| advice_row(ui, cx, advised));
        let overdue = overdue_row(ui, cx, cards);
        chosen = advice.or(overdue);
        let waiting: Vec<_> = cards.waiting().collect();
        if !waiting.is_empty() {
            ui.label(
                RichText::new(format!(
                    "{}  ·  {}",
                    tr.t(T::Alerts),
                    tr.f(T::AlertsToAcknowledge, &[&waiting.len()])
                ))
                .strong()
                .color(look.warn),
            );
            for a in waiting {
                if let Some(c) = alert_row(ui, cx, a, cards, writable, form) {
                    chosen = Some(c);
                }
            }
        }
        if cards.overdue.is_empty()
            && cards.findings_overdue == 0
            && cards.waiting().next().is_none()
        {
            weak(ui, &look, tr.t(T::TodoNothing));
        }
        let r = cards.reports;
        if r.late + r.missing + r.due > 0 {
            let colour = if r.late + r.missing > 0 {
                look.error
            } else {
                look.weak_text
            };
            ui.label(
                RichText::new(tr.f(T::ReportsDueCount, &[&r.late, &r.missing, &r.due]))
                    .color(colour),
            );
        }
    });
    chosen
}

/// The advisor's advice on one line with its first reason; when the warning in force is expected
/// to end before the advised end, says so with a button to adjust it.
fn advice_row(ui: &mut egui::Ui, cx: &PageContext<'_>, advised: &Advised) -> Option<Command> {
    let tr = cx.tr;
    let look = cx.look;
    let (a, peak) = match advised {
        Advised::Advice(a, peak) => (a, peak),
        Advised::NoForecast(path) => {
            weak(ui, &look, tr.f(T::RespNoForecast, &[&path.display()]));
            return None;
        }
        Advised::BadForecast(path, problem) => {
            let text = problem.as_ref().map_or_else(
                || tr.f(T::LdNoForecastDay, &[&path.display()]),
                |p| p.render(tr),
            );
            weak(ui, &look, text);
            return None;
        }
    };
    let local = |h: Hour| h.to_local(8 * 3600);
    let mut head = format!(
        "{} · {}",
        tr.level(a.level),
        tr.decision(Decision::from(a.action))
    );
    if let Some(start) = a.start {
        head.push_str(&format!(" · {}", short(local(start))));
        if let Some(end) = a.end.filter(|_| !a.end_open) {
            head.push_str(&format!(" – {}", short(local(end))));
        }
    }
    let reason = cx
        .session
        .plan()
        .and_then(|p| tr.reasons(a, p).into_iter().next());
    let mut chosen = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(tr.f(T::TodoAdvice, &[&head]))
                .strong()
                .color(look.strong_text),
        );
        if let Some(reason) = reason {
            ui.label(RichText::new(reason).color(look.weak_text));
        }
        if ui.button(tr.t(T::TodoOpenDecide)).clicked() {
            chosen = Some(Command::OpenResponseTab(ResponseTab::Decide));
        }
    });
    let file = cx.workspace.aqi_forecast_path();
    if let Some(note) = outlook_note(tr, a, peak.as_ref(), &file) {
        ui.add(egui::Label::new(RichText::new(note).color(look.warn)).wrap());
    }
    let now = to_cst(cx.now);
    let expected = cx
        .session
        .models()
        .response
        .current()
        .filter(|e| e.in_force(now))
        .and_then(|e| e.expected_end);
    let advised_end = a.end.filter(|_| !a.end_open).map(local);
    if let (Some(expected), Some(advised_end)) = (expected, advised_end)
        && expected < advised_end
    {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(tr.f(T::TodoEndsEarly, &[&short(expected), &short(advised_end)]))
                    .color(look.warn),
            );
            if ui.button(tr.t(T::TodoAdjustEnd)).clicked() {
                chosen = Some(Command::OpenResponseTab(ResponseTab::Decide));
            }
        });
    }
    chosen
}

/// Overdue checklist items (the first three) and overdue supervision findings, each kind with a
/// button to where they are followed up.
fn overdue_row(ui: &mut egui::Ui, cx: &PageContext<'_>, cards: &Cards) -> Option<Command> {
    let tr = cx.tr;
    let look = cx.look;
    let mut chosen = None;
    if !cards.overdue.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(tr.f(T::OverdueCount, &[&cards.overdue.len()]))
                    .strong()
                    .color(look.error),
            );
            if ui.button(tr.t(T::TodoOpenChecklist)).clicked() {
                chosen = Some(Command::OpenResponseTab(ResponseTab::Checklist));
            }
        });
        for item in cards.overdue.iter().take(3) {
            weak(
                ui,
                &look,
                tr.f(
                    T::OverdueItem,
                    &[&item.unit, &item.text, &short(item.deadline)],
                ),
            );
        }
    }
    if cards.findings_overdue > 0 {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(tr.f(T::FindingsOverdue, &[&cards.findings_overdue]))
                    .strong()
                    .color(look.error),
            );
            if ui.button(tr.t(T::TodoOpenFindings)).clicked() {
                chosen = Some(Command::Navigate(super::Page::Supervision));
            }
        });
    }
    chosen
}

/// The station alerts of the look-back, whether the journal keeps them, and those already dealt
/// with (acknowledged, handed to supervision) with who did what; the waiting ones, with their
/// buttons, are on the "to do now" strip.
fn alerts_card(ui: &mut egui::Ui, cx: &PageContext<'_>, board: &Board) {
    let tr = cx.tr;
    let look = cx.look;
    let hours = cx.workspace.settings().alerts.lookback_hours;
    let cards = &board.cards;
    let alerts = &cards.alerts;
    let title = if alerts.is_empty() {
        tr.t(T::Alerts).to_string()
    } else {
        format!(
            "{}  ·  {}",
            tr.t(T::Alerts),
            tr.f(T::AlertsCount, &[&hours, &alerts.len()])
        )
    };
    card(ui, &look, &title, |ui| {
        if alerts.is_empty() {
            weak(ui, &look, tr.f(T::AlertsNone, &[&hours]));
            return;
        }
        let kept = alerts
            .iter()
            .filter(|a| cards.recorded.binary_search(&a.key()).is_ok())
            .count();
        if kept > 0 {
            weak(ui, &look, tr.f(T::AlertsKept, &[&kept]));
        }
        // Only alerts not yet in the journal are "shown only".
        if let Some(why) = cx.session.why_not().filter(|_| kept < alerts.len()) {
            weak(ui, &look, tr.f(T::AlertsNotKept, &[&why.render(tr)]));
        }
        let waiting: Vec<String> = cards.waiting().map(|a| a.key()).collect();
        let mut closed = AckForm::default();
        for a in alerts.iter().filter(|a| !waiting.contains(&a.key())) {
            alert_row(ui, cx, a, cards, false, &mut closed);
        }
    });
}

/// One alert: rule, text, acknowledgement, actions, and the acknowledgement form when open.
fn alert_row(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    a: &crate::domain::alerts::Alert,
    cards: &Cards,
    writable: bool,
    form: &mut AckForm,
) -> Option<Command> {
    let tr = cx.tr;
    let look = cx.look;
    let english = tr.0 == crate::i18n::Language::En;
    let key = a.key();
    let ack = cards.acknowledged.get(&key);
    let handed = cards.handed.get(&key);
    let color = match a.rule {
        AlertRule::Burst => look.error,
        AlertRule::AboveNeighbours => look.warn,
        AlertRule::Silent => look.weak_text,
    };
    let mut chosen = None;
    ui.horizontal_wrapped(|ui| {
        let name = tr.alert_rule(a.rule);
        ui.label(RichText::new(format!("【{name}】")).strong().color(color));
        ui.add(egui::Label::new(RichText::new(a.render(tr)).color(look.strong_text)).wrap());
        if let Some(id) = handed {
            ui.label(
                RichText::new(tr.f(T::AlertHandedOver, &[id]))
                    .strong()
                    .color(look.strong_text),
            );
        }
        if !writable || handed.is_some() {
            return;
        }
        if ack.is_none()
            && form.key.as_deref() != Some(key.as_str())
            && ui
                .button(tr.t(T::AlertAcknowledge))
                .on_hover_text(tr.t(T::AlertAcknowledgeHint))
                .clicked()
        {
            form.key = Some(key.clone());
            form.note.clear();
            form.focus = true;
        }
        if let Some(input) = a.finding_input()
            && ui
                .button(tr.t(T::AlertToFinding))
                .on_hover_text(tr.t(T::AlertToFindingHint))
                .clicked()
        {
            chosen = Some(Command::FindingFromAlert(input));
        }
    });
    if let Some(ack) = ack {
        let when = short(ack.at);
        let mut text = tr.f(T::AlertAcknowledged, &[&ack.operator, &when]);
        if !ack.note.is_empty() {
            text.push_str(if english { ": " } else { "：" });
            text.push_str(&ack.note);
        }
        weak(ui, &look, text);
    } else if writable && form.key.as_deref() == Some(key.as_str()) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr.t(T::AlertAckNote));
            let field = ui
                .add(egui::TextEdit::singleline(&mut form.note).desired_width(360.0))
                .labelled_by(label.id);
            // The note takes the focus when the form opens: type, then Enter.
            if std::mem::take(&mut form.focus) {
                field.request_focus();
            }
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button(tr.t(T::AlertAckConfirm)).clicked() || entered {
                chosen = Some(Command::AcknowledgeAlert(
                    crate::domain::alerts::Acknowledged {
                        key: key.clone(),
                        note: form.note.trim().to_string(),
                    },
                ));
                form.key = None;
                form.note.clear();
            }
            if ui.button(tr.t(T::Cancel)).clicked()
                || (field.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)))
            {
                form.key = None;
                form.note.clear();
            }
        });
    }
    ui.add_space(2.0);
    chosen
}
