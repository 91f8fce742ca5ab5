//! The analysis as lists: the unfavourable-weather windows and the daily heavy-pollution outlook.

use super::*;

/// The windows list.
pub(super) fn windows_card(ui: &mut egui::Ui, cx: &PageContext<'_>, c: &Computed) {
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
                        let text = w.render(tr);
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
                .map(|&n| tr.condition(n))
                .collect();
            ui.label(
                RichText::new(tr.f(
                    T::WxNotJudgedPeriod,
                    &[&names.join(crate::i18n::list_separator(tr))],
                ))
                .color(look.warn),
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
pub(super) fn outlook_card(ui: &mut egui::Ui, cx: &PageContext<'_>, c: &Computed) {
    let tr = cx.tr;
    let look = cx.look;
    card(ui, &look, tr.t(T::WxOutlook), |ui| {
        if c.analysis.outlook.is_empty() {
            ui.label(RichText::new(tr.t(T::WxNoOutlookDays)).color(look.weak_text));
            return;
        }
        // A slide leaves out the explanations: the figures fit one screen.
        let explain = !cx.presenting;
        let headers = [
            T::WxDate,
            T::WxRisk,
            T::WxProbability,
            T::WxExpected,
            T::WxAqiBand,
            T::WxExplain,
        ];
        let columns = if explain { 6 } else { 5 };
        egui::Grid::new("weather_outlook")
            .striped(true)
            .num_columns(columns)
            .show(ui, |ui| {
                for h in &headers[..columns] {
                    let h = *h;
                    ui.label(RichText::new(tr.t(h)).strong());
                }
                ui.end_row();
                for row in &c.analysis.outlook {
                    ui.label(row.date.format("%m-%d").to_string());
                    let Some(o) = &row.outlook else {
                        for _ in 0..4 {
                            ui.label("—");
                        }
                        if explain {
                            ui.label(RichText::new(tr.t(T::WxNoOutlook)).color(look.warn));
                        }
                        ui.end_row();
                        continue;
                    };
                    ui.label(
                        RichText::new(tr.risk(o.risk))
                            .strong()
                            .color(colour32(risk_colour(o.risk))),
                    );
                    ui.label(format!("{:.0}%", o.heavy_probability * 100.0));
                    ui.label(format!(
                        "{:.0} ({:.0}–{:.0})",
                        o.expected_pm25, o.pm25_range.0, o.pm25_range.1
                    ));
                    ui.label(format!("{}–{}", o.aqi_range.0, o.aqi_range.1));
                    if !explain {
                        ui.end_row();
                        continue;
                    }
                    let mut text = o.render(tr);
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
