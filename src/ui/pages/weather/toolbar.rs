//! The toolbar: what the analysis is about (area or station, weather source, variable, look-back)
//! and the export of the meteogram as shown.

use super::*;

impl WeatherPage {
    pub(super) fn toolbar(&mut self, ui: &mut egui::Ui, cx: &mut PageContext<'_>) {
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
}
