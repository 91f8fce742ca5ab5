//! PNG and SVG exports: Chinese text is really drawn (with the bundled font, not a system one),
//! the SVG carries the text as glyph outlines, and charts built from real CNEMC data render.

use std::path::PathBuf;

use airdesk::ingest;
use airdesk::report::charts::from_store::{self, MeteogramOptions, Selection};
use airdesk::report::charts::{
    CalendarData, Chart, ChartStyle, ChartView, Hourly, Panel, PngBackend, PngCanvas, RankItem,
    RankingData, TimeChart, Trace, colour, draw_calendar, draw_chart, draw_ranking, png_bytes,
    svg_string,
};
use airdesk::store::{Hour, Store, Variable};
use airdesk::workspace::Language;
use chrono::NaiveDate;
use plotters::prelude::IntoDrawingArea;

fn chart_with_title(title: &str) -> TimeChart {
    let start = Hour(438_000);
    let values: Vec<f32> = (0..96)
        .map(|h| 50.0 + (h as f32 / 5.0).sin() * 40.0)
        .collect();
    let mut panel = Panel::new("PM2.5（µg/m³）");
    panel.bands = colour::pm25_bands(
        NaiveDate::from_ymd_opt(2019, 12, 1).expect("date"),
        Language::Zh,
    );
    panel.traces.push(Trace::line(
        "obs",
        "实况",
        colour::series_colour(0),
        Hourly::new(start, values),
    ));
    TimeChart {
        title: title.to_string(),
        subtitle: String::new(),
        utc_offset_s: 8 * 3600,
        panels: vec![panel],
        ..TimeChart::default()
    }
}

/// RGBA pixels of a chart drawn at `w`×`h`.
fn pixels(chart: &TimeChart, w: u32, h: u32) -> Vec<u8> {
    let mut canvas = PngCanvas::new(w, h).expect("size");
    {
        let root = PngBackend(&mut canvas).into_drawing_area();
        draw_chart(
            &root,
            Chart::Time(chart, &ChartView::default()),
            &ChartStyle::desktop(),
        )
        .expect("drawn");
    }
    canvas.into_rgba().2
}

fn dark_pixels_in(rgba: &[u8], w: usize, rows: std::ops::Range<usize>) -> usize {
    rows.flat_map(|y| (0..w).map(move |x| (y * w + x) * 4))
        .filter(|&i| {
            let (r, g, b) = (rgba[i], rgba[i + 1], rgba[i + 2]);
            u32::from(r) + u32::from(g) + u32::from(b) < 300
        })
        .count()
}

#[test]
fn png_title_in_chinese_is_drawn() {
    let (w, h) = (900u32, 500u32);
    let with = pixels(
        &chart_with_title("北京市 重污染天气 气象图 2019年12月"),
        w,
        h,
    );
    let without = pixels(&chart_with_title(""), w, h);
    // The title occupies the top margin: 12 px down, 18 px em size.
    let title_rows = 10..34;
    let dark_with = dark_pixels_in(&with, w as usize, title_rows.clone());
    let dark_without = dark_pixels_in(&without, w as usize, title_rows);
    // Without a title the legend moves up into these rows, a few short words.
    assert!(
        dark_with > 600,
        "title strokes drawn: {dark_with} dark pixels"
    );
    assert!(
        dark_with > 4 * dark_without,
        "{dark_with} vs {dark_without}"
    );
    let png = png_bytes(
        Chart::Time(&chart_with_title("测试"), &ChartView::default()),
        640,
        400,
        &ChartStyle::desktop(),
    )
    .expect("png");
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
}

#[test]
fn svg_carries_text_as_glyph_outlines_with_the_words_in_titles() {
    let chart = chart_with_title("北京市 重污染天气 气象图");
    let svg = svg_string(
        Chart::Time(&chart, &ChartView::default()),
        900,
        500,
        &ChartStyle::desktop(),
    )
    .expect("svg");
    assert!(svg.starts_with("<?xml"));
    assert!(svg.contains("<title>北京市 重污染天气 气象图</title>"));
    assert!(
        !svg.contains("<text"),
        "no text elements that need a font on the viewing machine"
    );
    let glyphs = svg.matches("<path id=\"g").count();
    let uses = svg.matches("<use xlink:href=\"#g").count();
    assert!(glyphs > 20, "{glyphs} glyph outlines defined");
    assert!(uses > glyphs, "glyphs reused: {uses} uses of {glyphs}");
    // Every referenced glyph is defined.
    for part in svg.split("<use xlink:href=\"#").skip(1) {
        let id = part.split('"').next().unwrap_or_default();
        assert!(
            svg.contains(&format!("<path id=\"{id}\"")),
            "{id} undefined"
        );
    }
}

#[test]
fn calendar_and_ranking_draw_cells_and_rows() {
    let from = NaiveDate::from_ymd_opt(2020, 1, 1).expect("date");
    let mut cal = CalendarData {
        title: "测试 日历".to_string(),
        from: Some(from),
        to: NaiveDate::from_ymd_opt(2020, 2, 29),
        bands: colour::aqi_bands(Language::Zh),
        heavy_above: Some(200.0),
        ..CalendarData::default()
    };
    for (i, d) in from.iter_days().take(40).enumerate() {
        cal.values.insert(d, (i * 9) as f64);
    }
    let mut canvas = PngCanvas::new(1200, 700).expect("size");
    let layout = {
        let root = PngBackend(&mut canvas).into_drawing_area();
        draw_calendar(&root, &cal, &ChartStyle::desktop()).expect("calendar")
    };
    assert_eq!(layout.cells.len(), 31 + 29, "every day of both months");
    let ranking = RankingData {
        title: "测试 排名".to_string(),
        items: (0..12)
            .map(|i| RankItem {
                label: format!("城市{i}"),
                value: f64::from(i % 5) * 20.0,
                highlight: i == 7,
                ..RankItem::default()
            })
            .collect(),
        bands: colour::pm25_bands(from, Language::Zh),
        top: Some(5),
        ..RankingData::default()
    };
    let mut canvas = PngCanvas::new(900, 600).expect("size");
    let layout = {
        let root = PngBackend(&mut canvas).into_drawing_area();
        draw_ranking(&root, &ranking, &ChartStyle::desktop()).expect("ranking")
    };
    // Top 5 plus the highlighted city, which ranks below them.
    assert_eq!(layout.rows.len(), 6);
    assert!(layout.rows.iter().any(|&(i, rank, _)| i == 7 && rank > 5));
}

fn fixture_store() -> Store {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir.join("charts"))
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .collect();
    paths.push(dir.join("stations/NewSiteList.csv"));
    let mut store = Store::new();
    let report = ingest::load_paths(&paths, &mut store);
    assert!(report.files.iter().all(|f| !f.failed()));
    store
}

#[test]
fn real_cnemc_excerpt_makes_a_meteogram_a_calendar_and_a_ranking() {
    let store = fixture_store();
    let sel = Selection::area(&store, "石家庄").expect("area");
    let chart = from_store::meteogram(&store, &sel, &MeteogramOptions::default());
    assert_eq!(chart.panels.len(), 1, "CNEMC files carry no weather");
    let mean = chart.panels[0]
        .traces
        .iter()
        .find(|t| t.key == "obs:mean")
        .expect("area mean");
    assert!(mean.values.values().iter().filter(|v| !v.is_nan()).count() > 100);
    let png = png_bytes(
        Chart::Time(&chart, &ChartView::default()),
        1200,
        700,
        &ChartStyle::desktop(),
    )
    .expect("meteogram");
    assert!(png.len() > 20_000);

    let (from, to) = from_store::date_extent(&store, &sel.stations, Variable::Pm25).expect("days");
    assert_eq!(from, NaiveDate::from_ymd_opt(2019, 12, 6).expect("date"));
    assert_eq!(to, NaiveDate::from_ymd_opt(2019, 12, 10).expect("date"));
    let cal = from_store::calendar(&store, &sel, Variable::Pm25, (from, to), Language::Zh);
    assert_eq!(cal.values.len(), 5);
    let heavy: Vec<NaiveDate> = cal
        .values
        .iter()
        .filter(|&(_, &v)| v > 150.0)
        .map(|(&d, _)| d)
        .collect();
    assert!(
        heavy.contains(&NaiveDate::from_ymd_opt(2019, 12, 8).expect("date")),
        "{heavy:?}"
    );

    let ranking = from_store::ranking_of_areas(
        &store,
        Variable::Pm25,
        (from, to),
        Some("北京"),
        Language::Zh,
    );
    assert_eq!(ranking.items.len(), 2);
    let beijing = ranking
        .items
        .iter()
        .find(|i| i.label == "北京")
        .expect("北京");
    let shijiazhuang = ranking
        .items
        .iter()
        .find(|i| i.label == "石家庄")
        .expect("石家庄");
    assert!(beijing.highlight && beijing.value < shijiazhuang.value);
}
