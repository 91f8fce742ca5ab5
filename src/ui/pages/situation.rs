//! 态势 Situation board: the clock, the area's real-time AQI (HJ 633, category colours) and its
//! stations, the area AQI of the last 72 hours, and cards for what later modules bring (warning
//! level, duty, next window, budget, overdue).

use chrono::{Datelike, Timelike};
use egui::{Color32, RichText};

use super::PageContext;
use crate::clock::to_cst;
use crate::domain::aqi::{
    AqiConfig, AqiResult, Category, Standard, area_hourly_series, station_hourly,
};
use crate::store::{Hour, StationId, Variable};
use crate::ui::i18n::{T, Tr};
use crate::ui::sparkline::{Band, sparkline};
use crate::ui::theme::Look;
use crate::ui::widgets::{badge, card, card_grid, key_figure, tile, tile_width};

/// How far back the board looks for the latest reading and draws the trend.
const TREND_HOURS: i64 = 72;
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
    key: (u64, String, Vec<String>, Hour),
    stations: usize,
    tiles: Vec<Tile>,
    area: Option<AreaNow>,
    /// Area AQI per averaging hour over the trend window (NaN where none).
    trend: Vec<f32>,
    /// Stamp of the first trend value.
    trend_start: Hour,
    utc_offset_s: i32,
}

/// State of the situation page: the board cache.
#[derive(Debug, Default)]
pub struct SituationPage {
    board: Option<Board>,
}

impl SituationPage {
    /// Draw the board.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        let tr = cx.tr;
        let look = cx.look;
        let board = self.board(cx);
        egui::ScrollArea::vertical()
            .id_salt("situation")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let gap = ui.spacing().item_spacing.x;
                clock_card(ui, cx, board);
                ui.add_space(gap);
                if ui.available_width() >= 900.0 {
                    ui.columns(2, |cols| {
                        latest_card(&mut cols[0], cx, board);
                        trend_card(&mut cols[1], cx, board);
                    });
                } else {
                    latest_card(ui, cx, board);
                    ui.add_space(gap);
                    trend_card(ui, cx, board);
                }
                ui.add_space(gap);
                let min_w = if look.projector { 280.0 } else { 300.0 };
                card_grid(ui, 5, min_w, |ui, i| {
                    let (title, text) = [
                        (T::WarningLevel, T::CardWarningFuture),
                        (T::OnDuty, T::CardDutyFuture),
                        (T::NextWindow, T::CardWindowFuture),
                        (T::Budget, T::CardBudgetFuture),
                        (T::Overdue, T::CardOverdueFuture),
                    ][i];
                    card(ui, &look, tr.t(title), |ui| {
                        ui.label(
                            RichText::new("—")
                                .size(look.key_figure * 0.8)
                                .color(look.weak_text),
                        );
                        ui.add(
                            egui::Label::new(RichText::new(tr.t(text)).color(look.weak_text))
                                .wrap(),
                        );
                    });
                });
            });
    }

    fn board(&mut self, cx: &PageContext<'_>) -> &Board {
        let settings = cx.workspace.settings();
        let key = (
            cx.data.generation,
            settings.area.clone(),
            settings.stations.clone(),
            Hour::from_utc(cx.now),
        );
        if self.board.as_ref().is_none_or(|b| b.key != key) {
            self.board = Some(compute_board(cx, key));
        }
        self.board.get_or_insert_with(|| {
            compute_board(cx, (0, String::new(), Vec::new(), Hour::from_utc(cx.now)))
        })
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

fn compute_board(cx: &PageContext<'_>, key: (u64, String, Vec<String>, Hour)) -> Board {
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
    Board {
        key,
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

/// The AQI categories as chart bands in their official colours.
fn category_bands(standard: Standard) -> Vec<Band> {
    Category::ALL
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let top = Category::ALL
                .get(i + 1)
                .map_or(500.0, |n| f32::from(n.lower_bound()));
            (
                f32::from(c.lower_bound()),
                top,
                category_colours(c, standard).0,
            )
        })
        .collect()
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

fn clock_card(ui: &mut egui::Ui, cx: &PageContext<'_>, board: &Board) {
    let tr = cx.tr;
    let look = cx.look;
    let t = to_cst(cx.now);
    let label = if cx.clock.is_drill() {
        T::DrillClock
    } else {
        T::Clock
    };
    let area = &cx.workspace.settings().area;
    card(ui, &look, tr.t(label), |ui| {
        ui.horizontal_wrapped(|ui| {
            let color = if cx.clock.is_drill() {
                look.warn
            } else {
                look.strong_text
            };
            ui.label(
                RichText::new(format!("{:02}:{:02}", t.hour(), t.minute()))
                    .size(look.key_figure * 1.25)
                    .strong()
                    .color(color),
            );
            ui.add_space(12.0);
            ui.vertical(|ui| {
                let date = tr.f(
                    T::LongDate,
                    &[&t.year(), &t.month(), &t.day(), &weekday(tr, t.weekday())],
                );
                ui.label(
                    RichText::new(date)
                        .size(look.key_figure * 0.55)
                        .color(look.strong_text),
                );
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
            });
        });
    });
}

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
        area_figures(ui, &look, tr, board, area);
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
        let width = board
            .tiles
            .iter()
            .map(|t| tile_width(ui, &t.name, 72.0))
            .fold(0.0, f32::max);
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing = egui::vec2(6.0, 6.0);
            for t in &board.tiles {
                let (value, note, accent, hover) = match &t.latest {
                    Some((_, r, pm25)) => {
                        let aqi = r.aqi.map_or("—".to_string(), |a| a.to_string());
                        let cat = r.category.map(|c| tr.category(c, r.standard)).unwrap_or("");
                        let pm = pm25.map_or(String::new(), |v| format!("PM2.5 {v:.0}"));
                        let accent = r.category.map(|c| category_colours(c, r.standard).0);
                        let hover = format!("{} · AQI {aqi} {cat} · {pm}", t.name);
                        (aqi, pm, accent, hover)
                    }
                    None => ("—".to_string(), String::new(), None, t.name.clone()),
                };
                tile(ui, &look, width, &t.name, &value, &note, accent).on_hover_text(hover);
            }
        });
    });
}

/// The area's AQI on its category colour, category, primary pollutant, PM2.5 and the highest
/// station.
fn area_figures(ui: &mut egui::Ui, look: &Look, tr: Tr, board: &Board, area: &AreaNow) {
    let r = &area.result;
    ui.horizontal_wrapped(|ui| {
        ui.vertical(|ui| {
            ui.label(RichText::new(tr.t(T::AreaAqi)).color(look.weak_text));
            ui.horizontal(|ui| match (r.aqi, r.category) {
                (Some(aqi), Some(c)) => {
                    let (fill, text) = category_colours(c, r.standard);
                    badge(ui, &aqi.to_string(), look.key_figure, fill, text);
                    ui.label(
                        RichText::new(tr.category(c, r.standard))
                            .size(look.key_figure * 0.5)
                            .strong()
                            .color(look.strong_text),
                    );
                }
                _ => key_figure(ui, look, "—", "", look.weak_text),
            });
            if !r.primary.is_empty() {
                let names: Vec<&str> = r.primary.iter().map(|p| p.code()).collect();
                ui.label(
                    RichText::new(tr.f(T::Primary, &[&names.join("、")])).color(look.weak_text),
                );
            }
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
    });
}

fn trend_card(ui: &mut egui::Ui, cx: &PageContext<'_>, board: &Board) {
    let tr = cx.tr;
    let look = cx.look;
    card(ui, &look, tr.t(T::AreaTrend), |ui| {
        if board.trend.iter().all(|v| !v.is_finite()) {
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
        let fmt = |h: Hour| {
            h.to_local(board.utc_offset_s)
                .format("%m-%d %H:%M")
                .to_string()
        };
        let first = fmt(board.trend_start);
        let last = fmt(board.trend_start + (board.trend.len() as i64 - 1));
        let h = if look.projector { 150.0 } else { 170.0 };
        let standard = board
            .area
            .as_ref()
            .map_or(Standard::Hj633_2012, |a| a.result.standard);
        sparkline(
            ui,
            &board.trend,
            egui::vec2(ui.available_width(), h),
            (&first, &last),
            &look,
            look.strong_text,
            &category_bands(standard),
        );
        let present: Vec<f32> = board
            .trend
            .iter()
            .copied()
            .filter(|v| v.is_finite())
            .collect();
        if let (Some(mx), Some(last)) = (present.iter().copied().reduce(f32::max), present.last()) {
            ui.label(
                RichText::new(format!(
                    "{} {last:.0}  ·  {} {mx:.0}",
                    tr.t(T::Latest),
                    tr.t(T::Max),
                ))
                .color(look.weak_text),
            );
        }
    });
}
