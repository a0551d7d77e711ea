//! K on the settings list: on one's own row, change one's passphrase (the
//! current one first, then the new one twice); on another's, a leader gives a
//! one-time passphrase (twice) that its owner must change at the next sign-in.
//! The store writes the slot; nobody can read a passphrase back.

use ratatui::crossterm::event::KeyEvent;

use crate::ui::app::{App, Cmd};
use crate::ui::screens::signin::{SignIn, SignInOutcome};

impl App {
    /// Opens the passphrase box for the operator on row `selected`.
    pub(crate) fn open_pass_dialog(&mut self, selected: usize) -> Vec<Cmd> {
        let Some(row) = self.directory.operators.get(selected).cloned() else {
            return Vec::new();
        };
        let own = self.operator.as_ref().is_some_and(|o| o.name == row.name);
        if !own && !self.may_change() {
            return Vec::new();
        }
        let mut dialog = SignIn::new(vec![row.name], None);
        if !own {
            dialog.reset = true;
            dialog.ask_new();
        }
        self.pass_dialog = Some(dialog);
        Vec::new()
    }

    pub(crate) fn pass_dialog_key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        let lang = self.lang;
        let Some(dialog) = &mut self.pass_dialog else {
            return Vec::new();
        };
        let one_time = dialog.reset;
        match dialog.key(key, lang) {
            SignInOutcome::Stay => Vec::new(),
            SignInOutcome::Quit => {
                self.pass_dialog = None;
                Vec::new()
            }
            // One's current passphrase, checked (and counted) like a sign-in.
            SignInOutcome::Try { name, passphrase } => vec![Cmd::Unlock { name, passphrase }],
            SignInOutcome::Change { name, passphrase } => vec![Cmd::SetPassphrase {
                name,
                passphrase,
                one_time,
            }],
        }
    }
}
