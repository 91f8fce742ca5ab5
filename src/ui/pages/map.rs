//! 区域地图 Map: every station of the loaded data at its coordinates (the `report::charts` map, the
//! same drawing as `airdesk chart map`), an hour slider over the loaded hours and a play button
//! that replays an episode hour by hour — in a drill never past the drill moment — and, for the
//! station under the pointer or clicked, its name, city, value, category, primary pollutant, alert
//! and last 24 hours. Base-layer files are chosen here and saved in `settings.toml`. In projector
//! mode the page shows the map, the time and the play button only.

use std::path::PathBuf;

use egui::{Color32, RichText, vec2};

use super::PageContext;
use crate::domain::aqi::{AqiConfig, station_hourly};
use crate::i18n::{Render, T, list_separator};
use crate::ingest::{BaseLayer, load_base_layer};
use crate::report::charts::map_data::{MapOptions, MapPollutant, MapSource, map_at, station_value};
use crate::report::charts::{ChartStyle, MapAlert, MapData};
use crate::store::{Hour, StationId, Store, Variable};
use crate::ui::chart::MapWidget;
use crate::ui::command::Command;
use crate::ui::sparkline::sparkline;
use crate::ui::widgets::card;

/// Seconds between two hours of a replay.
pub const REPLAY_STEP_S: f64 = 0.6;

/// Hours a replay goes back when started at the last hour.
const REPLAY_BACK_HOURS: i64 = 120;

/// Width of the station readout beside the map, in points (desktop).
const READOUT_WIDTH: f32 = 300.0;

/// Height (points) the map wants on a projector slide; the deck zooms down to give it.
const MAP_SLIDE_MIN_HEIGHT: f32 = 520.0;

/// What the map's fixed part was built from.
#[derive(Debug, Clone, PartialEq)]
struct SourceKey {
    generation: u64,
    area: Option<(String, Vec<StationId>)>,
    layers: Vec<PathBuf>,
    /// The watcher's count of changes to the workspace's own files (the base layers among them).
    workspace_files: u64,
}

/// The fixed part as built: its key, the source (none without stations with coordinates) and
/// the hours with data.
type Built = (SourceKey, Option<MapSource>, Option<(Hour, Hour)>);

/// What one hour's map was built from.
#[derive(Debug, Clone, PartialEq)]
struct HourKey {
    source: SourceKey,
    hour: Hour,
    options: MapOptions,
}

/// View state of the map page.
#[derive(Default)]
pub struct MapPage {
    pollutant: MapPollutant,
    shading: bool,
    /// The hour chosen on the slider (`None`: the latest the desk can see).
    hour: Option<Hour>,
    playing: bool,
    last_step: f64,
    /// The station clicked (its code), kept across hours.
    selected: Option<String>,
    /// Where each station's dot was on screen last frame, by code.
    dots: Vec<(String, egui::Pos2)>,
    /// The base-layer path being typed.
    layer_path: String,
    source: Option<Built>,
    layer_problems: Vec<(std::path::PathBuf, crate::ingest::Reason)>,
    map: Option<(HourKey, MapData)>,
}

impl MapPage {
    /// The hour shown (for tests and the projector slide).
    pub fn hour(&self) -> Option<Hour> {
        self.hour
    }

    /// Whether a replay is running.
    pub fn playing(&self) -> bool {
        self.playing
    }

    /// Where station `code`'s dot was on screen last frame (to point at it: tests, a slide).
    pub fn station_on_screen(&self, code: &str) -> Option<egui::Pos2> {
        self.dots.iter().find(|(c, _)| c == code).map(|(_, p)| *p)
    }

    /// Draw the page.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        let tr = cx.tr;
        self.refresh_source(cx);
        let Some((_, Some(_), Some((first, last)))) = &self.source else {
            ui.label(RichText::new(tr.t(T::MpNoData)).color(cx.look.weak_text));
            if !cx.read_only() {
                self.layers_card(ui, cx);
            }
            return;
        };
        let (first, last_data) = (*first, *last);
        // In a drill nothing after the drill moment exists yet.
        let last = last_data.min(cx.as_of());
        if last < first {
            ui.label(RichText::new(tr.t(T::MpNoData)).color(cx.look.weak_text));
            return;
        }
        let mut hour = self.hour.unwrap_or(last).clamp(first, last);
        self.step_replay(ui, &mut hour, first, last);
        self.controls(ui, cx, &mut hour, first, last);
        self.hour = Some(hour);
        self.build_map(cx, hour);
        let Some((_, data)) = &self.map else { return };
        let data = data.clone();
        let style = if cx.look.projector {
            ChartStyle::projector()
        } else {
            ChartStyle::desktop()
        }
        .with_lang(tr.0);
        // Wide enough: the readout beside the map; else the map takes the width and the readout
        // floats over its top-right corner while a station is focused.
        let narrow = ui.available_width() < 900.0;
        let room = ui.available_height() - 8.0;
        if cx.presenting {
            // On a slide the map needs room more than big letters: ask the deck to zoom down
            // until it has it.
            super::note_overflow(ui.ctx(), MAP_SLIDE_MIN_HEIGHT / room.max(1.0));
        }
        let height = room.max(320.0);
        let map_w = if narrow {
            ui.available_width()
        } else {
            ui.available_width() - READOUT_WIDTH - 12.0
        };
        ui.horizontal_top(|ui| {
            let shown = ui
                .allocate_ui(vec2(map_w, height), |ui| {
                    MapWidget::new(&data).style(style).height(height).show(ui)
                })
                .inner;
            self.dots = shown
                .dots
                .iter()
                .filter_map(|&(i, p)| Some((data.stations.get(i)?.code.clone(), p)))
                .collect();
            if let Some(i) = shown.clicked {
                self.selected = data.stations.get(i).map(|s| s.code.clone());
            }
            let focus = shown.hovered.or_else(|| {
                let code = self.selected.as_deref()?;
                data.stations.iter().position(|s| s.code == code)
            });
            if !narrow {
                ui.vertical(|ui| {
                    ui.set_width(READOUT_WIDTH);
                    readout(ui, cx, &data, focus, hour, self.pollutant);
                });
            } else if focus.is_some() {
                let corner = shown.response.rect.right_top() + vec2(-READOUT_WIDTH - 16.0, 8.0);
                egui::Area::new(ui.make_persistent_id("map_readout"))
                    .fixed_pos(corner)
                    .order(egui::Order::Foreground)
                    .show(ui.ctx(), |ui| {
                        egui::Frame::popup(ui.style()).show(ui, |ui| {
                            ui.set_width(READOUT_WIDTH);
                            readout(ui, cx, &data, focus, hour, self.pollutant);
                        });
                    });
            }
        });
        if !cx.read_only() {
            ui.add_space(8.0);
            self.layers_card(ui, cx);
        }
    }

    /// Advance the replay by one hour every [`REPLAY_STEP_S`]; stop at the last hour.
    fn step_replay(&mut self, ui: &egui::Ui, hour: &mut Hour, first: Hour, last: Hour) {
        if !self.playing {
            return;
        }
        let now = ui.input(|i| i.time);
        if now - self.last_step >= REPLAY_STEP_S {
            self.last_step = now;
            if *hour >= last {
                self.playing = false;
            } else {
                *hour = (*hour + 1).max(first);
            }
        }
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs_f64(REPLAY_STEP_S));
    }

    fn controls(
        &mut self,
        ui: &mut egui::Ui,
        cx: &PageContext<'_>,
        hour: &mut Hour,
        first: Hour,
        last: Hour,
    ) {
        let tr = cx.tr;
        ui.horizontal_wrapped(|ui| {
            let play = if self.playing {
                tr.t(T::MpPause)
            } else {
                tr.t(T::MpPlay)
            };
            if ui.button(play).clicked() {
                self.playing = !self.playing;
                if self.playing {
                    self.last_step = ui.input(|i| i.time);
                    if *hour >= last {
                        *hour = (last - REPLAY_BACK_HOURS).max(first);
                    }
                }
            }
            let offset = 8 * 3600;
            let label = hour.to_local(offset).format("%Y-%m-%d %H:%M").to_string();
            ui.label(RichText::new(tr.f(T::MpAt, &[&label])).strong());
            if !cx.presenting {
                let mut i = (*hour - first) as f64;
                let span = (last - first) as f64;
                let slider = egui::Slider::new(&mut i, 0.0..=span.max(0.0))
                    .step_by(1.0)
                    .show_value(false);
                let label = ui.label(tr.t(T::MpHour));
                ui.spacing_mut().slider_width = ui.available_width().clamp(160.0, 480.0) - 16.0;
                let r = ui.add(slider).labelled_by(label.id);
                if r.changed() {
                    *hour = first + i.round() as i64;
                    self.playing = false;
                }
                let label = ui.label(tr.t(T::MpShow));
                egui::ComboBox::from_id_salt("map_pollutant")
                    .selected_text(match self.pollutant {
                        MapPollutant::Aqi => tr.t(T::MapAqi),
                        MapPollutant::Pm25 => tr.t(T::MapPm25),
                    })
                    .show_ui(ui, |ui| {
                        ui.selectable_value(
                            &mut self.pollutant,
                            MapPollutant::Aqi,
                            tr.t(T::MapAqi),
                        );
                        ui.selectable_value(
                            &mut self.pollutant,
                            MapPollutant::Pm25,
                            tr.t(T::MapPm25),
                        );
                    })
                    .response
                    .labelled_by(label.id);
                ui.checkbox(&mut self.shading, tr.t(T::MpShading));
            }
            if cx.clock.is_drill() {
                ui.label(RichText::new(tr.t(T::MpDrillLimit)).color(cx.look.weak_text));
            }
        });
    }

    /// (Re)build what does not change with the hour when the data, the area or the layers change.
    fn refresh_source(&mut self, cx: &PageContext<'_>) {
        let store = cx.store();
        let area = super::targets::desk_area(cx).map(|a| {
            let (ids, _) = a.resolve(store);
            (a.name, ids)
        });
        let paths: Vec<PathBuf> = cx
            .workspace
            .settings()
            .map_layers
            .iter()
            .map(|p| cx.workspace.resolve(p))
            .collect();
        let key = SourceKey {
            generation: cx.data.generation,
            area,
            layers: paths.clone(),
            workspace_files: cx.data.workspace_files,
        };
        if self.source.as_ref().is_some_and(|(k, _, _)| *k == key) {
            return;
        }
        let mut layers: Vec<BaseLayer> = Vec::new();
        self.layer_problems.clear();
        for p in &paths {
            match load_base_layer(p) {
                Ok(l) => layers.push(l),
                Err(e) => self.layer_problems.push((p.clone(), e)),
            }
        }
        let own = key
            .area
            .as_ref()
            .map(|(n, ids)| (n.as_str(), ids.as_slice()));
        let source = MapSource::new(store, own, &layers);
        let span = source.as_ref().and_then(|s| data_span(store, &s.stations));
        self.source = Some((key, source, span));
        self.map = None;
    }

    fn build_map(&mut self, cx: &PageContext<'_>, hour: Hour) {
        let Some((source_key, Some(source), _)) = &self.source else {
            return;
        };
        let key = HourKey {
            source: source_key.clone(),
            hour,
            options: MapOptions {
                pollutant: self.pollutant,
                shading: self.shading,
                alerts: cx.workspace.settings().alerts.clone(),
                lang: cx.tr.0,
            },
        };
        if self.map.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        let data = map_at(cx.store(), source, hour, &key.options);
        self.map = Some((key, data));
    }

    /// The base-layer files: the list saved in the settings, a path to add, problems.
    fn layers_card(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
        let tr = cx.tr;
        let look = cx.look;
        let saved = cx.workspace.settings().map_layers.clone();
        let mut send: Option<Vec<PathBuf>> = None;
        card(ui, &look, tr.t(T::MpLayers), |ui| {
            for p in &saved {
                ui.horizontal(|ui| {
                    ui.label(p.display().to_string());
                    if ui.small_button(tr.t(T::MpRemove)).clicked() {
                        send = Some(saved.iter().filter(|q| *q != p).cloned().collect());
                    }
                });
            }
            for (path, reason) in &self.layer_problems {
                let problem = format!(
                    "{}{}{}",
                    path.display(),
                    tr.t(T::LdPlaceSep),
                    reason.render(tr)
                );
                ui.label(RichText::new(problem).color(look.error));
            }
            ui.horizontal(|ui| {
                let label = ui.label(tr.t(T::MpLayerPath));
                ui.add(egui::TextEdit::singleline(&mut self.layer_path).desired_width(360.0))
                    .labelled_by(label.id);
                let path = self.layer_path.trim();
                if ui
                    .add_enabled(!path.is_empty(), egui::Button::new(tr.t(T::MpAddLayer)))
                    .clicked()
                {
                    let mut all = saved.clone();
                    all.push(PathBuf::from(path));
                    send = Some(all);
                    self.layer_path.clear();
                }
            });
            ui.label(RichText::new(tr.t(T::MpLayersNote)).color(look.weak_text));
        });
        if let Some(paths) = send {
            cx.send(Command::SetMapLayers(paths));
        }
    }
}

/// First and last stamp at which any of `stations` has a PM2.5 value.
fn data_span(store: &Store, stations: &[StationId]) -> Option<(Hour, Hour)> {
    stations
        .iter()
        .filter_map(|&id| store.observed(id, Variable::Pm25)?.present_span())
        .fold(None, |acc, (a, b)| match acc {
            None => Some((a, b)),
            Some((lo, hi)) => Some((lo.min(a), hi.max(b))),
        })
}

/// The station readout: name, city, value and category, primary pollutant, alert, last 24 h.
fn readout(
    ui: &mut egui::Ui,
    cx: &PageContext<'_>,
    data: &MapData,
    focus: Option<usize>,
    hour: Hour,
    pollutant: MapPollutant,
) {
    let tr = cx.tr;
    let look = cx.look;
    let Some(st) = focus.and_then(|i| data.stations.get(i)) else {
        ui.label(RichText::new(tr.t(T::MpHoverHint)).color(look.weak_text));
        return;
    };
    let store = cx.store();
    let Some(id) = store.stations().find(&st.code) else {
        return;
    };
    ui.label(
        RichText::new(format!("{} · {}", st.name, st.code))
            .strong()
            .size(look.chart_label * 1.3),
    );
    if !st.city.is_empty() {
        ui.label(tr.f(T::MpCity, &[&st.city]));
    }
    let hourly = station_hourly(store, id, hour, &AqiConfig::default());
    let what = match pollutant {
        MapPollutant::Aqi => tr.t(T::MapAqi),
        MapPollutant::Pm25 => tr.t(T::MapPm25),
    };
    let band = st
        .value
        .and_then(|v| crate::report::charts::colour::Band::find(&data.bands, v));
    let value = st.value.map_or("—".to_string(), |v| format!("{v:.0}"));
    let category = band.map_or(String::new(), |b| b.label.clone());
    let colour = band.map_or(look.weak_text, |b| {
        Color32::from_rgb(b.colour.0, b.colour.1, b.colour.2)
    });
    ui.horizontal(|ui| {
        ui.label(format!("{what}:"));
        ui.label(RichText::new(value).strong().size(look.chart_label * 1.6));
        ui.label(RichText::new(category).color(colour).strong());
    });
    if let Some(h) = &hourly {
        let names: Vec<String> = h
            .result
            .primary
            .iter()
            .map(|p| p.code().to_string())
            .collect();
        let primary = if names.is_empty() {
            "—".to_string()
        } else {
            names.join(list_separator(tr))
        };
        ui.label(tr.f(T::Primary, &[&primary]));
    }
    match st.alert {
        Some(MapAlert::Burst) => {
            ui.label(RichText::new(tr.t(T::MapBurst)).color(look.error).strong());
        }
        Some(MapAlert::AboveNeighbours) => {
            ui.label(
                RichText::new(tr.t(T::MapAboveNeighbours))
                    .color(look.warn)
                    .strong(),
            );
        }
        None => {}
    }
    ui.add_space(6.0);
    ui.label(RichText::new(tr.t(T::MpLast24)).color(look.weak_text));
    let values: Vec<f32> = (0..24)
        .map(|k| {
            station_value(store, id, hour - (23 - k), pollutant).map_or(f32::NAN, |v| v as f32)
        })
        .collect();
    let bands: Vec<(f32, f32, Color32)> = data
        .bands
        .iter()
        .map(|b| {
            (
                b.lo as f32,
                b.hi as f32,
                Color32::from_rgb(b.colour.0, b.colour.1, b.colour.2),
            )
        })
        .collect();
    let fmt = |h: Hour| h.to_local(8 * 3600).format("%m-%d %H:%M").to_string();
    let labels = (fmt(hour - 23), fmt(hour));
    sparkline(
        ui,
        &values,
        vec2(ui.available_width().min(READOUT_WIDTH * 1.3), 110.0),
        (&labels.0, &labels.1),
        &look,
        look.accent,
        &bands,
    );
}
