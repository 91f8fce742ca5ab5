//! What the weather page pays when its settings change: the analysis (windows and outlook over a
//! 14-day look-back) and a hindcast of one autumn–winter campaign (182 days) for a city of 12
//! stations with hourly PM2.5 and weather. Under 50 ms, the page runs them on the UI thread.
//! Run: `cargo bench --bench weather_view`.

use std::hint::black_box;

use airdesk::domain::hindcast::hindcast_store;
use airdesk::domain::outlook::OutlookSettings;
use airdesk::domain::weather_view::{WeatherSource, analyse};
use airdesk::domain::windows::WindowSettings;
use airdesk::store::{
    Batch, Chunk, Hour, SeriesKind, StampConvention, Station, StationId, Store, Variable,
};
use criterion::{Criterion, criterion_group, criterion_main};

const CST: i32 = 8 * 3600;
const STATIONS: usize = 12;

/// A campaign of plausible hourly values (diurnal and synoptic cycles), 12 stations.
fn campaign_store() -> (Store, Vec<StationId>, Hour, Hour) {
    let first = chrono::NaiveDate::from_ymd_opt(2024, 9, 1).unwrap_or_default();
    let start = Hour::from_local_date_hour(first, 0, CST);
    let hours = 24 * 212;
    let mut batch = Batch::new("synthetic.csv".into());
    for s in 0..STATIONS {
        let mut st = Station::with_code(&format!("S{s:02}"));
        st.area = Some("某市".into());
        let station = batch.station(st);
        let wave = |i: usize, period: f64, phase: f64| {
            ((i as f64 / period + phase) * std::f64::consts::TAU).sin() as f32
        };
        let series: [(Variable, Vec<f32>); 5] = [
            (
                Variable::Pm25,
                (0..hours)
                    .map(|i| {
                        90.0 + 70.0 * wave(i, 120.0, s as f64 * 0.01) + 15.0 * wave(i, 24.0, 0.3)
                    })
                    .collect(),
            ),
            (
                Variable::WindSpeed,
                (0..hours)
                    .map(|i| 2.5 + 1.5 * wave(i, 120.0, 0.5))
                    .collect(),
            ),
            (
                Variable::RelativeHumidity,
                (0..hours)
                    .map(|i| 60.0 + 25.0 * wave(i, 120.0, 0.1))
                    .collect(),
            ),
            (
                Variable::Temperature,
                (0..hours).map(|i| 2.0 + 5.0 * wave(i, 24.0, 0.6)).collect(),
            ),
            (
                Variable::Pressure,
                (0..hours)
                    .map(|i| 1020.0 + 6.0 * wave(i, 96.0, 0.2))
                    .collect(),
            ),
        ];
        for (variable, values) in series {
            batch.chunks.push(Chunk {
                station,
                variable,
                kind: SeriesKind::Observed,
                stamp: StampConvention::EndOfHour,
                start,
                values,
            });
        }
    }
    let mut store = Store::new();
    store.merge(batch);
    let ids = store.stations().in_area("某市");
    (store, ids, start, start + hours as i64)
}

fn bench(c: &mut Criterion) {
    let (store, ids, _, end) = campaign_store();
    let w = WindowSettings::default();
    let o = OutlookSettings::default();
    let now = end - 1;
    c.bench_function("weather page analysis, 12 stations, 14 days", |b| {
        b.iter(|| {
            analyse(
                black_box(&store),
                &ids,
                WeatherSource::Observed,
                now - 24 * 14,
                now + 24,
                now,
                CST,
                &w,
                &o,
            )
        })
    });
    let from = chrono::NaiveDate::from_ymd_opt(2024, 10, 1);
    let to = chrono::NaiveDate::from_ymd_opt(2025, 3, 31);
    c.bench_function("hindcast of one campaign, 12 stations", |b| {
        b.iter(|| hindcast_store(black_box(&store), &ids, &ids, from, to, &w, &o))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
