//! AQI costs on three real days of 328 CNEMC stations (tests/fixtures/cnemc): what the desktop app
//! pays for the latest AQI of every station, every station-hour, and every station-day.
//! Run: `cargo bench --bench aqi`.

use std::hint::black_box;
use std::path::PathBuf;

use airdesk::domain::aqi::{
    AqiConfig, latest_hourly, pollutant_days, pollutant_span, station_daily_series,
    station_hourly_series, stations_with_pollutants,
};
use airdesk::store::{Hour, Store};
use criterion::{Criterion, criterion_group, criterion_main};

fn fixture_store() -> Store {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cnemc"));
    let paths: Vec<PathBuf> = ["20191229", "20191230", "20191231"]
        .iter()
        .map(|d| dir.join(format!("china_sites_{d}.csv")))
        .collect();
    let mut store = Store::new();
    airdesk::ingest::load_paths(&paths, &mut store);
    store
}

fn bench(c: &mut Criterion) {
    let store = fixture_store();
    let config = AqiConfig::default();
    let stations = stations_with_pollutants(&store);
    let now = store.period().map_or(Hour(0), |(_, last)| last);

    c.bench_function("latest hourly AQI, 328 stations", |b| {
        b.iter(|| latest_hourly(black_box(&store), now, &config))
    });
    c.bench_function("hourly AQI, all station-hours of 3 days", |b| {
        b.iter(|| {
            stations
                .iter()
                .filter_map(|&id| {
                    let (a, z) = pollutant_span(&store, id)?;
                    Some(station_hourly_series(&store, id, a, z + 1, &config).len())
                })
                .sum::<usize>()
        })
    });
    c.bench_function("daily AQI, all station-days of 3 days", |b| {
        b.iter(|| {
            stations
                .iter()
                .filter_map(|&id| {
                    let (a, z) = pollutant_days(&store, id)?;
                    Some(station_daily_series(&store, id, a, z, &config).len())
                })
                .sum::<usize>()
        })
    });
}

criterion_group! {
    name = benches;
    // Criterion's plots need system fonts (plotters' font-kit), which this machine and the
    // project's plotters features (ab_glyph) do not provide: it panics when drawing them.
    config = Criterion::default().without_plots();
    targets = bench
}
criterion_main!(benches);
