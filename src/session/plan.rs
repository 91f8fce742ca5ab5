//! The plan in use: the workspace's `plan.toml`, checked on load, or the shipped default.

use std::path::{Path, PathBuf};

use crate::domain::plan::{self, Plan, PlanProblem};
use crate::ingest::input::{InputError, read_text};
use crate::workspace::MAX_SETTINGS_BYTES;

/// Where the plan in use came from, and what is wrong with the workspace's file.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanStatus {
    /// The workspace's plan file (whether or not it exists).
    pub path: PathBuf,
    /// Whether the plan in use was read from that file (else the shipped default).
    pub from_file: bool,
    /// The default plan was copied into the workspace when it was opened.
    pub copied_default: bool,
    /// Problems of the file, each with its line; non-empty means response commands are refused.
    pub problems: Vec<PlanProblem>,
    /// Reading the file failed (permissions, not UTF-8 …).
    pub read_error: Option<String>,
}

impl PlanStatus {
    /// Whether response commands may be recorded under this plan.
    pub fn usable(&self) -> bool {
        self.problems.is_empty() && self.read_error.is_none()
    }

    /// A plan handed in whole (the CLI's `--plan`, tests): no workspace file behind it.
    pub fn given() -> Self {
        PlanStatus {
            path: PathBuf::new(),
            from_file: false,
            copied_default: false,
            problems: Vec::new(),
            read_error: None,
        }
    }
}

/// Read and check the workspace's plan; the default when the file is absent or broken (the
/// status then says why response commands are refused).
pub fn read_plan(path: &Path) -> (Option<Plan>, PlanStatus) {
    let mut status = PlanStatus {
        path: path.to_path_buf(),
        ..PlanStatus::given()
    };
    let default = || plan::default_plan().ok();
    match read_text(path, MAX_SETTINGS_BYTES) {
        Ok(text) => match plan::parse(&text) {
            Ok(p) => {
                status.from_file = true;
                (Some(p), status)
            }
            Err(problems) => {
                status.problems = problems;
                (default(), status)
            }
        },
        Err(InputError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => (default(), status),
        Err(e) => {
            status.read_error = Some(format!("{}: {e}", path.display()));
            (default(), status)
        }
    }
}
