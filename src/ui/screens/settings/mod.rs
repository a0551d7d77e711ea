//! 人员和部门: the office's operators and departments, changed from the
//! desk by a leader (others may look).

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
}
