//! A small logger: warnings and errors of the app and its libraries go to stderr (set
//! `AIRDESK_LOG=info` or `debug` for more), and rfd's errors tell the file-dialog code that no
//! system dialog could be shown.

use std::sync::atomic::{AtomicUsize, Ordering};

use log::{Level, LevelFilter, Log, Metadata, Record};

struct StderrLogger {
    /// The most verbose level printed, as `LevelFilter as usize`.
    level: AtomicUsize,
}

static LOGGER: StderrLogger = StderrLogger {
    level: AtomicUsize::new(LevelFilter::Warn as usize),
};

impl StderrLogger {
    fn prints(&self, level: Level) -> bool {
        (level as usize) <= self.level.load(Ordering::Relaxed)
    }
}

impl Log for StderrLogger {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        self.prints(metadata.level()) || metadata.target().starts_with("rfd")
    }

    fn log(&self, record: &Record<'_>) {
        if record.target().starts_with("rfd") && record.level() == Level::Error {
            super::file_dialog::note_backend_error();
        }
        if self.prints(record.level()) {
            eprintln!(
                "airdesk [{} {}] {}",
                record.level(),
                record.target(),
                record.args()
            );
        }
    }

    fn flush(&self) {}
}

/// Install the logger (once; later calls do nothing).
pub fn init() {
    let level = std::env::var("AIRDESK_LOG")
        .ok()
        .and_then(|l| l.parse::<LevelFilter>().ok())
        .unwrap_or(LevelFilter::Warn);
    LOGGER.level.store(level as usize, Ordering::Relaxed);
    if log::set_logger(&LOGGER).is_ok() {
        // rfd's errors must reach the logger even when the user asked for less output.
        log::set_max_level(level.max(LevelFilter::Error));
    }
}
