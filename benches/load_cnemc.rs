//! Loading the CNEMC national feed (31 daily files, 51 MB, 16 million values) into the store.
//!
//! Reports, in the same run on the same machine:
//! - criterion's timing of `ingest::load_paths` on all files;
//! - the best of 5 loads, against pandas and polars doing the same (benches/baseline_load.py),
//!   as ratios;
//! - peak resident memory of a process that does one load (VmHWM, Linux);
//! - wall time of `airdesk inspect` on all files.
//!
//! `AIRDESK_CNEMC_DIR` points at the folder (default `../shared/data/cnemc-2019-12`); without it
//! the benchmark says so and does nothing.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use airdesk::ingest::load_paths;
use airdesk::store::Store;
use criterion::{Criterion, criterion_group};

fn data_dir() -> PathBuf {
    std::env::var_os("AIRDESK_CNEMC_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data/cnemc-2019-12"))
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "csv"));
    files.sort();
    files
}

fn load_all(paths: &[PathBuf]) -> Store {
    let mut store = Store::new();
    load_paths(paths, &mut store);
    store
}

fn bench_load(c: &mut Criterion) {
    let paths = files(&data_dir());
    if paths.is_empty() {
        return;
    }
    let mut group = c.benchmark_group("load_cnemc");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(15));
    group.bench_function("load_paths_31_files", |b| b.iter(|| load_all(&paths)));
    group.finish();
}

criterion_group!(benches, bench_load);

/// Peak resident memory (kB) of this process, from /proc/self/status.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn summary(paths: &[PathBuf]) {
    let dir = data_dir();
    let mut best = Duration::MAX;
    let mut values = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let store = load_all(paths);
        best = best.min(t.elapsed());
        values = store.value_count();
    }
    println!("\n== summary ({} files, {values} values) ==", paths.len());
    println!(
        "airdesk load_paths      best of 5: {:.3} s",
        best.as_secs_f64()
    );

    let baseline = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/baseline_load.py"))
        .arg(&dir)
        .arg("3")
        .output();
    match baseline {
        Ok(out) if out.status.success() => {
            let json: serde_json::Value =
                serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null);
            for lib in ["pandas", "polars"] {
                match json[lib]["seconds"].as_f64() {
                    Some(s) => println!(
                        "{lib:<8} read_csv + melt best of 3: {s:.3} s  -> airdesk is {:.1}x faster",
                        s / best.as_secs_f64()
                    ),
                    None => println!("{lib:<8} not measured: {}", json[lib]["error"]),
                }
            }
        }
        _ => println!("pandas/polars baselines not run (pip install -r benches/requirements.txt)"),
    }

    let me = std::env::current_exe().ok();
    if let Some(me) = me {
        let child = Command::new(me).env("AIRDESK_BENCH_ONE_LOAD", "1").output();
        if let Ok(out) = child {
            print!("{}", String::from_utf8_lossy(&out.stdout));
        }
    }

    let t = Instant::now();
    let inspect = Command::new(env!("CARGO_BIN_EXE_airdesk"))
        .arg("inspect")
        .args(paths)
        .output();
    if inspect.is_ok_and(|o| o.status.success()) {
        println!(
            "airdesk inspect (31 files): {:.3} s wall",
            t.elapsed().as_secs_f64()
        );
    }
}

fn main() {
    let paths = files(&data_dir());
    if std::env::var_os("AIRDESK_BENCH_ONE_LOAD").is_some() {
        let store = load_all(&paths);
        let kb = peak_rss_kb().unwrap_or(0);
        println!(
            "peak resident memory of one load: {:.0} MB ({} values held)",
            kb as f64 / 1024.0,
            store.value_count()
        );
        return;
    }
    if paths.is_empty() {
        println!(
            "no CNEMC files in {} (set AIRDESK_CNEMC_DIR)",
            data_dir().display()
        );
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
    summary(&paths);
}
