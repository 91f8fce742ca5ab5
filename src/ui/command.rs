//! Everything a page or a shortcut can ask the app to do. Pages never change app state directly:
//! they push a [`Command`], and the app applies all of them in one place after the frame
//! (`AirDeskApp::apply`), so every change is easy to find, test and log.

use std::path::PathBuf;

use crate::clock::Clock;
use crate::i18n::Language;
use crate::workspace::{RendererSetting, ThemeChoice};

use super::jobs::{AfterHash, AfterStore, ExportFile};
use super::pages::Page;

/// A request from the UI to change app state.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Show a page.
    Navigate(Page),
    /// Show the next (+1) or previous (−1) page, wrapping around.
    StepPage(i32),
    /// Switch the interface language (saved in the workspace).
    SetLanguage(Language),
    /// Switch between Chinese and English.
    ToggleLanguage,
    /// Enter or leave projector mode.
    ToggleProjector,
    /// Leave projector mode (no-op when not in it).
    LeaveProjector,
    /// Set the projector text scale (saved).
    SetProjectorScale(f32),
    /// Set the desktop colour scheme (saved).
    SetTheme(ThemeChoice),
    /// Set the renderer for the next start (saved).
    SetRenderer(RendererSetting),
    /// Show the system file dialog to choose data files.
    OpenFileDialog,
    /// Reference these files or folders as data of the workspace and load them.
    AddDataFiles(Vec<PathBuf>),
    /// Stop loading a referenced data file (the file is not touched).
    RemoveDataFile(PathBuf),
    /// Read every data file again (F5).
    Reload,
    /// Set the area the desk is responsible for (empty = none).
    SetArea(String),
    /// Open (or create) the workspace at this folder.
    OpenWorkspace(PathBuf),
    /// Show the system folder dialog to choose a workspace.
    PickWorkspaceFolder,
    /// Change the app clock (real time or a drill).
    SetClock(Clock),
    /// Remove a notice banner.
    DismissNotice(u64),
    /// Show the About box (version, data folder, licences).
    ShowAbout,
    /// Close the About box.
    CloseAbout,
    // Weather page
    /// Set the unfavourable-weather window thresholds (saved).
    SetWindowSettings(crate::domain::windows::WindowSettings),
    /// Set the daily outlook parameters (saved).
    SetOutlookSettings(crate::domain::outlook::OutlookSettings),
    // Targets page
    /// Save the target-accounting settings (`[budget]` in `settings.toml`).
    SetBudget(crate::domain::budget::BudgetSettings),
    /// Mark a day as a sand-and-dust day (扣沙) with its evidence, or take a mark back
    /// (`dust.marked` / `dust.unmarked` in the journal, for the officer on shift).
    Dust(crate::domain::dust::DustEvent),
    // Map page
    /// Save the map's base-layer files (`map_layers` in `settings.toml`).
    SetMapLayers(Vec<PathBuf>),
    // Supervision page
    /// Record findings commands (assign, move, …) for the officer on shift, now, in order; stops
    /// at the first one refused.
    Findings(Vec<crate::domain::findings::FindingCommand>),
    /// Open the Supervision page with the new-finding form filled from a board alert (爆表, above
    /// its neighbours): the officer picks the unit and deadline and assigns it.
    FindingFromAlert(crate::domain::findings::AlertInput),
    /// Copy a duty roster file (CSV/xlsx) into the workspace and use it.
    ImportRoster(PathBuf),
    /// Copy a contact list file (CSV/xlsx) into the workspace and use it.
    ImportContacts(PathBuf),
    // Response page, emission-reduction list
    /// Copy an emission-reduction list file (CSV/xlsx) into the workspace and use it: later
    /// warnings derive the enterprises' items from it.
    ImportReductionList(PathBuf),

    // The session: the duty officer and the journal (src/session/)
    /// Start the shift of this officer at this desk (records `shift.started` unless the same
    /// officer is already on shift).
    StartShift {
        /// The duty officer's name.
        operator: String,
        /// The desk id.
        desk: String,
    },
    /// Hand the shift over to the next officer (records `shift.handed_over`, then
    /// `shift.started`).
    HandOver {
        /// Who takes over.
        to: String,
        /// Their desk id.
        desk: String,
        /// What to watch.
        note: String,
    },
    /// Show the shift modal: start a shift, or hand over when an officer is on shift.
    AskOfficer,
    /// Close the shift modal without changing the officer.
    CloseShiftModal,
    /// Record a response command (issue, acknowledge, lift …) for the officer on shift, now.
    Response(crate::domain::response::Command),

    // Response page
    /// Open the Response page at this tab (the board's "to do now" strip: decide, follow up).
    OpenResponseTab(super::pages::ResponseTab),
    /// Show the system file dialog to choose a checklist item's evidence file (its path goes into
    /// the checklist's evidence field; without a dialog the field takes the focus).
    PickEvidenceFile,
    /// Save notices, reports, ledgers or charts into the workspace's exports folder (never over
    /// a data file; a file of the same name is replaced), on a worker thread. Every page's file
    /// goes out this way.
    Export(Vec<ExportFile>),
    /// Copy an evidence file into the journal's evidence store on a worker thread (hashed, a
    /// photo's EXIF read), then record the report or check that waits for it.
    StoreEvidence {
        /// The file (absolute, or relative to the workspace).
        path: PathBuf,
        /// What waits for it.
        then: AfterStore,
    },
    /// Open an evidence file from the journal's evidence store with the system's program.
    OpenEvidence(crate::domain::response::EvidenceFile),
    /// Hash an evidence file on a worker thread, then add it to a finding's evidence.
    HashEvidence {
        /// The file (absolute, or relative to the workspace).
        path: PathBuf,
        /// What waits for the hash.
        then: AfterHash,
    },
    /// Read an inspection list (CSV/xlsx) on a worker thread; the Supervision page previews
    /// what it found before anything is assigned.
    ReadFindings {
        /// The file.
        path: PathBuf,
        /// The source named on findings that name none.
        source: String,
        /// Today, for deadlines given in days.
        today: chrono::NaiveDate,
    },
    /// Show the system file dialog to choose filled feedback forms (several at once); without a
    /// dialog the Response page's path field takes the focus.
    PickFeedbackForms,
    /// Read filled feedback forms on a worker thread; the Response page previews what they
    /// would record.
    ReadFeedbackForms(Vec<PathBuf>),
    /// Record the accepted rows of a previewed feedback-form import in one journal transaction
    /// (checked again on the journal as it is then).
    RecordFeedback(crate::session::ImportPlan),

    // Situation board
    /// Keep alerts seen for the first time in the journal (`alert.raised`), stamped now.
    RecordAlerts(Vec<crate::domain::alerts::Alert>),
    /// Situation board: the officer acknowledges an alert (`alert.acknowledged`) with a note of
    /// what was done.
    AcknowledgeAlert(crate::domain::alerts::Acknowledged),
}
