//! 人员和部门: the office's operators and departments, changed from the
//! desk by a leader (others may look).

pub mod import;
mod import_view;
mod passphrase;
mod update;
pub mod view;

/// The settings list's cursor (the directory itself is the session's:
/// every form that names a person or department reads it).
#[derive(Debug, Clone, Default)]
pub struct SettingsScreen {
    pub selected: usize,
    /// The office journal, newest first, while a leader reads it (`l`); None: the
    /// directory is shown.
    pub journal: Option<Vec<crate::store::OfficeEvent>>,
    /// An old register's import planned (`I`), shown until written or left.
    pub import: Option<Box<ImportView>>,
    /// What was last asked to import: the form opens on it again.
    pub last_import: crate::ui::form::import::ImportRequest,
}

/// A file planned, as the screen shows it.
#[derive(Debug, Clone, Default)]
pub struct ImportView {
    pub request: crate::ui::form::import::ImportRequest,
    /// One line a row: what it creates, or what is wrong with it.
    pub lines: Vec<String>,
    pub summary: String,
    /// Rows that would make a case now, and rows with problems.
    pub new: usize,
    pub bad: usize,
    /// Written: `summary` then says how many cases were made.
    pub written: bool,
    pub scroll: usize,
}

impl ImportView {
    /// Whether `I` writes: something new, and no bad row unless they are to be skipped.
    pub fn can_write(&self) -> bool {
        !self.written && self.new > 0 && (self.bad == 0 || self.request.skip_bad)
    }
}
