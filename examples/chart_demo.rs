//! The chart widgets in a window, on real data, until the app's pages use them:
//! `cargo run --example chart_demo -- [--area 北京] [--projector] FILE…`
//! (CNEMC site files plus the station list, which gives stations their city).
//! Tabs switch with 1/2/3; the time chart takes focus on click.

use std::path::PathBuf;

use airdesk::ingest;
use airdesk::report::charts::from_store::{self, MeteogramOptions, Selection};
use airdesk::report::charts::{
    CalendarData, ChartStyle, ChartView, RankingData, Span, SpanKind, TimeChart,
};
use airdesk::store::{Store, Variable};
use airdesk::ui::chart::{ChartImage, StaticChart, TimeChartWidget, install_bundled_font};
use airdesk::workspace::Language;

struct Demo {
    meteogram: TimeChart,
    view: ChartView,
    calendar: CalendarData,
    ranking: RankingData,
    tab: usize,
    projector: bool,
}

impl eframe::App for Demo {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ui.input(|i| {
            for (k, t) in [
                (egui::Key::Num1, 0),
                (egui::Key::Num2, 1),
                (egui::Key::Num3, 2),
            ] {
                if i.key_pressed(k) {
                    self.tab = t;
                }
            }
        });
        egui::Panel::top("tabs").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.selectable_value(&mut self.tab, 0, "气象图");
                ui.selectable_value(&mut self.tab, 1, "日历");
                ui.selectable_value(&mut self.tab, 2, "排名");
                ui.checkbox(&mut self.projector, "投屏样式");
            });
        });
        let style = if self.projector {
            ChartStyle::projector()
        } else {
            ChartStyle::desktop()
        };
        egui::CentralPanel::default().show(ui, |ui| match self.tab {
            0 => {
                TimeChartWidget::new(&self.meteogram, &mut self.view)
                    .style(style)
                    .show(ui);
            }
            1 => {
                ChartImage::new(StaticChart::Calendar(&self.calendar))
                    .style(style)
                    .show(ui);
            }
            _ => {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    let h = (self.ranking.items.len() as f32 * 26.0 + 170.0).max(400.0);
                    ChartImage::new(StaticChart::Ranking(&self.ranking))
                        .style(style)
                        .height(h)
                        .show(ui);
                });
            }
        });
    }
}

fn main() -> eframe::Result {
    let mut area = "北京".to_string();
    let mut projector = false;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--area" => area = args.next().unwrap_or(area),
            "--projector" => projector = true,
            _ => files.push(PathBuf::from(a)),
        }
    }
    let mut store = Store::new();
    ingest::load_paths(&files, &mut store);
    let Some(sel) = Selection::area(&store, &area) else {
        eprintln!("area {area} not found; give CNEMC files and the station list");
        std::process::exit(2);
    };
    let var = Variable::Pm25;
    let mut opts = MeteogramOptions::default();
    let offset = sel.utc_offset_s(&store);
    let (from, to) = from_store::date_extent(&store, &sel.stations, var).unwrap_or_default();
    if let Some(d) = from.checked_add_days(chrono::Days::new(6)) {
        let start = airdesk::store::Hour::from_local_date_hour(d, 12, offset);
        opts.spans.push(Span {
            from: start,
            to: start + 40,
            kind: SpanKind::Warning(airdesk::domain::plan::Level::Orange),
            label: "橙色预警（示例）".to_string(),
            tint: None,
        });
    }
    let meteogram = from_store::meteogram(&store, &sel, &opts);
    let calendar = from_store::calendar(&store, &sel, var, (from, to), Language::Zh);
    let mut ranking =
        from_store::ranking_of_areas(&store, var, (from, to), Some(&area), Language::Zh);
    ranking.top = Some(30);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1500.0, 860.0]),
        system_font_fallback: false,
        ..Default::default()
    };
    eframe::run_native(
        "AirDesk charts",
        options,
        Box::new(move |cc| {
            let mut defs = egui::FontDefinitions::default();
            install_bundled_font(&mut defs);
            cc.egui_ctx.set_fonts(defs);
            cc.egui_ctx.set_theme(egui::Theme::Light);
            Ok(Box::new(Demo {
                meteogram,
                view: ChartView::default(),
                calendar,
                ranking,
                tab: 0,
                projector,
            }))
        }),
    )
}
