//! The charts' keys.

use crate::ui::app::{App, Cmd};
use crate::ui::keymap::Action;

impl App {
    pub(crate) fn charts_key(&mut self, action: Action) -> Vec<Cmd> {
        match action {
            Action::Back => self.go_home(),
            Action::Report => self.open_report(),
            Action::Refresh => vec![Cmd::LoadCharts],
            _ => Vec::new(),
        }
    }
}
