//! 态势 Situation board: the clock, the latest readings of the area's stations, the area trend,
//! and cards for what later modules bring (warning level, duty, next window, budget, overdue).

use chrono::{Datelike, Timelike};
use egui::RichText;

use super::PageContext;
use crate::clock::to_cst;
use crate::store::{Hour, StationId, Variable};
use crate::ui::i18n::{T, Tr};
use crate::ui::sparkline::sparkline;
use crate::ui::widgets::{card, card_grid, key_figure, tile, tile_width};

/// How far back the board looks for the latest reading and draws the trend.
const TREND_HOURS: i64 = 72;
/// A reading older than this (hours) is marked as stale.
const STALE_HOURS: i64 = 3;

/// The latest readings of one station.
#[derive(Debug, Clone, PartialEq)]
struct Tile {
    name: String,
    aqi: Option<(Hour, f32)>,
    pm25: Option<(Hour, f32)>,
    utc_offset_s: i32,
}

/// What the board shows for the area, computed once per data load, area change and hour.
#[derive(Debug, Clone, PartialEq)]
struct Board {
    key: (u64, String, Vec<String>, Hour),
    stations: usize,
    tiles: Vec<Tile>,
    trend: Vec<f32>,
    trend_start: Hour,
    latest: Option<Hour>,
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
                    {
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
                    }
                });
            });
    }

    fn board(&mut self, cx: &PageContext<'_>) -> &Board {
        let settings = cx.workspace.settings();
        let now = Hour::from_utc(cx.now);
        let key = (
            cx.data.generation,
            settings.area.clone(),
            settings.stations.clone(),
            now,
        );
        if self.board.as_ref().is_none_or(|b| b.key != key) {
            self.board = Some(compute_board(cx, key));
        }
        self.board
            .get_or_insert_with(|| compute_board(cx, (0, String::new(), Vec::new(), now)))
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
    let now = key.3;
    let ids = area_stations(cx);
    let from = now - (TREND_HOURS - 1);
    let recent = |id: StationId, v: Variable| {
        store
            .observed(id, v)
            .and_then(|s| s.last_present_at_or_before(now))
            .filter(|(h, _)| *h >= from)
    };
    let tiles: Vec<Tile> = ids
        .iter()
        .map(|&id| {
            let st = store.stations().get(id);
            Tile {
                name: st.label().to_string(),
                aqi: recent(id, Variable::Aqi),
                pm25: recent(id, Variable::Pm25),
                utc_offset_s: st.utc_offset_s,
            }
        })
        .collect();
    // Station mean per hour (a display aid, not the official city value).
    let mut sum = vec![0.0f64; TREND_HOURS as usize];
    let mut n = vec![0u32; TREND_HOURS as usize];
    for &id in &ids {
        if let Some(s) = store.observed(id, Variable::Pm25) {
            for (i, v) in s.window(from, now + 1).into_iter().enumerate() {
                if v.is_finite() {
                    sum[i] += f64::from(v);
                    n[i] += 1;
                }
            }
        }
    }
    let trend = sum
        .iter()
        .zip(&n)
        .map(|(s, &k)| {
            if k > 0 {
                (*s / f64::from(k)) as f32
            } else {
                f32::NAN
            }
        })
        .collect();
    let latest = tiles
        .iter()
        .filter_map(|t| t.aqi.or(t.pm25).map(|(h, _)| h))
        .max();
    Board {
        key,
        stations: ids.len(),
        tiles,
        trend,
        trend_start: from,
        latest,
    }
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
                    let reporting = board
                        .tiles
                        .iter()
                        .filter(|t| t.aqi.or(t.pm25).is_some())
                        .count();
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
        let Some(latest) = board.latest else {
            ui.label(RichText::new(tr.t(T::NoDataAtTime)).color(look.weak_text));
            return;
        };
        let max_aqi = board
            .tiles
            .iter()
            .filter_map(|t| t.aqi.map(|(_, v)| (v, t.name.as_str())))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let pm: Vec<f32> = board
            .tiles
            .iter()
            .filter_map(|t| t.pm25.map(|(_, v)| v))
            .collect();
        ui.horizontal_wrapped(|ui| {
            ui.vertical(|ui| {
                ui.label(RichText::new(tr.t(T::MaxAqi)).color(look.weak_text));
                match max_aqi {
                    Some((v, name)) => {
                        key_figure(ui, &look, &format!("{v:.0}"), "", look.strong_text);
                        ui.label(RichText::new(tr.f(T::AtStation, &[&name])).color(look.weak_text));
                    }
                    None => key_figure(ui, &look, "—", "", look.weak_text),
                }
            });
            ui.add_space(24.0);
            ui.vertical(|ui| {
                ui.label(RichText::new(tr.t(T::AreaMeanPm25)).color(look.weak_text));
                if pm.is_empty() {
                    key_figure(ui, &look, "—", "", look.weak_text);
                } else {
                    let mean = pm.iter().sum::<f32>() / pm.len() as f32;
                    key_figure(
                        ui,
                        &look,
                        &format!("{mean:.0}"),
                        Variable::Pm25.unit(),
                        look.strong_text,
                    );
                }
            });
        });
        let offset = board.tiles.first().map_or(8 * 3600, |t| t.utc_offset_s);
        let age = Hour::from_utc(cx.now) - latest;
        let when = latest.to_local(offset).format("%Y-%m-%d %H:%M").to_string();
        let mut line = tr.f(T::DataAsOf, &[&when]);
        if age >= STALE_HOURS {
            line = format!("{line}  ·  {}", tr.f(T::StaleData, &[&age]));
        }
        let color = if age >= STALE_HOURS {
            look.warn
        } else {
            look.weak_text
        };
        ui.label(RichText::new(line).color(color));
        ui.add_space(6.0);
        let width = board
            .tiles
            .iter()
            .map(|t| tile_width(ui, &t.name, 72.0))
            .fold(0.0, f32::max);
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing = egui::vec2(6.0, 6.0);
            for t in &board.tiles {
                let value = t.aqi.map_or("—".to_string(), |(_, v)| format!("{v:.0}"));
                let note = t
                    .pm25
                    .map_or(String::new(), |(_, v)| format!("PM2.5 {v:.0}"));
                tile(ui, &look, width, &t.name, &value, &note, None)
                    .on_hover_text(format!("{} · AQI {value} · {note}", t.name));
            }
        });
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
        let offset = board.tiles.first().map_or(8 * 3600, |t| t.utc_offset_s);
        let fmt = |h: Hour| h.to_local(offset).format("%m-%d %H:%M").to_string();
        let first = fmt(board.trend_start);
        let last = fmt(board.trend_start + (board.trend.len() as i64 - 1));
        let h = if look.projector { 150.0 } else { 170.0 };
        sparkline(
            ui,
            &board.trend,
            egui::vec2(ui.available_width(), h),
            (&first, &last),
            &look,
            look.accent,
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
                    "{} {last:.0}  ·  {} {mx:.0} {}",
                    tr.t(T::Latest),
                    tr.t(T::Max),
                    Variable::Pm25.unit()
                ))
                .color(look.weak_text),
            );
        }
    });
}
