//! The plan in use: the workspace's `plan.toml`, checked on load, or the shipped default; the
//! emission-reduction list the workspace names, which warnings derive enterprise items from; and
//! the workspace's contact list, whom the 催报 list calls at each unit.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::domain::plan::{self, Plan, PlanProblem};
use crate::ingest::Problem;
use crate::ingest::contacts::read_unit_contacts;
use crate::ingest::input::{FileProblem, InputError, read_text};
use crate::ingest::reduction_list::{ListProblem, read_lists};
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
    pub read_error: Option<FileProblem>,
    /// The emission-reduction list files the settings name (the plan's `list` comes from them).
    pub list_files: Vec<PathBuf>,
    /// What is wrong in those files (rows not loaded, files not readable).
    pub list_problems: Vec<ListProblem>,
    /// The workspace's contact list (通讯录), when it has one (the plan's `contacts` come from it).
    pub contacts_file: Option<PathBuf>,
    /// What is wrong in it: rows skipped, units the plan does not know, each with its line and
    /// column (the file itself not readable: one problem saying why).
    pub contacts_problems: Vec<Problem>,
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
            list_files: Vec::new(),
            list_problems: Vec::new(),
            contacts_file: None,
            contacts_problems: Vec::new(),
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
            status.read_error = Some(FileProblem::unreadable(path, &e));
            (default(), status)
        }
    }
}

/// Read the list files `status` names into `plan` (none named: no list) and keep their problems.
pub fn attach_list(plan: Option<&mut Plan>, status: &mut PlanStatus) {
    status.list_problems.clear();
    let Some(plan) = plan else {
        return;
    };
    plan.list = None;
    if status.list_files.is_empty() {
        return;
    }
    let load = read_lists(&status.list_files);
    status.list_problems = load.problems;
    plan.list = Some(Arc::new(load.list));
}

/// Read the contact list `status` names into `plan`, matched to its units (none named: no
/// contacts), and keep how it went.
pub fn attach_contacts(plan: Option<&mut Plan>, status: &mut PlanStatus) {
    status.contacts_problems.clear();
    let Some(plan) = plan else {
        return;
    };
    plan.contacts = None;
    let Some(path) = &status.contacts_file else {
        return;
    };
    let (contacts, report) = read_unit_contacts(path, &plan.units);
    status.contacts_problems = report.problems;
    plan.contacts = Some(Arc::new(contacts));
}
