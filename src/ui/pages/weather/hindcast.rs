//! The hindcast card: the current window and outlook settings run over a past campaign with only
//! what was knowable the day before, scored against what happened.

use super::*;

/// What a hindcast depends on.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct HindcastKey {
    generation: u64,
    stations: Vec<StationId>,
    period: Period,
    windows: WindowSettings,
    outlook: OutlookSettings,
}

impl WeatherPage {
    pub(super) fn hindcast_card(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
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
                                    RichText::new(tr.risk(o.risk))
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
