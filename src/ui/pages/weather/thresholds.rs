//! The thresholds card: the unfavourable-window and outlook settings, used at once while edited
//! and saved into the workspace settings when an edit is finished.

use super::*;

impl WeatherPage {
    pub(super) fn settings_card(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
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
