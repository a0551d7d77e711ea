//! Where a key goes: Ctrl-C quits from anywhere (once, here); an open
//! overlay or a focused field takes it first; else the keymap names an
//! action and the screen shown acts on it.

use ratatui::crossterm::event::KeyEvent;

use crate::ui::app::{App, Cmd, Kept, Screen, StartDraft};
use crate::ui::keymap::{Action, Keymap};

impl App {
    pub(crate) fn key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        self.message = None;
        // A form included: its draft is kept, the run loop writes it on the way out.
        if Keymap::always_quits(&key) {
            self.quit = true;
            return Vec::new();
        }
        if self.help {
            self.help = false;
            return Vec::new();
        }
        if self.pass_dialog.is_some() {
            return self.pass_dialog_key(key);
        }
        // F1 is help everywhere, in a form too, where `?` is text.
        if key.code == ratatui::crossterm::event::KeyCode::F(1) {
            self.help = true;
            return Vec::new();
        }
        if let Some(draft) = self.take_start_draft(StartDraft::is_offered) {
            return self.answer_offer(key, draft);
        }
        if matches!(self.screen, Screen::Form(_)) {
            return self.form_key(key);
        }
        if let Some(at) = self.queue_mut().and_then(|q| q.choosing_channel.take()) {
            return self.channel_key(at, key);
        }
        if matches!(&self.screen, Screen::Case(c) if c.doc.is_some()) {
            return self.doc_key(key);
        }
        // A focused text field takes printable keys before any shortcut, so
        // typing q or j in a name never quits or moves.
        if matches!(&self.screen, Screen::Queue(q) if q.search.is_some()) {
            return self.search_key(key);
        }
        if self.backlog_typing() {
            return self.backlog_entry_key(key);
        }
        match self.keys.lookup(self.context(), &key) {
            Some(action) => self.act(action),
            None => Vec::new(),
        }
    }

    /// An action of the keymap, on the screen shown.
    fn act(&mut self, action: Action) -> Vec<Cmd> {
        match action {
            Action::Quit => {
                self.quit = true;
                return Vec::new();
            }
            Action::Help => {
                self.help = true;
                return Vec::new();
            }
            _ => {}
        }
        match &self.screen {
            Screen::Queue(_) | Screen::Dashboard(_) => match self.go_to(action) {
                Some(cmds) => cmds,
                None if matches!(self.screen, Screen::Queue(_)) => self.queue_key(action),
                None => self.dashboard_key(action),
            },
            Screen::Case(_) => self.case_key(action),
            Screen::Charts(_) => self.charts_key(action),
            Screen::Report(_) => self.report_key(action),
            Screen::Settings(_) => self.settings_key(action),
            Screen::Reception(_) => self.reception_key(action),
            Screen::Backlog(_) => self.backlog_key(action),
            // Forms take their keys before the keymap's screens.
            Screen::Form(_) => Vec::new(),
        }
    }

    /// From the queue or the dashboard to another of the leader's screens.
    fn go_to(&mut self, action: Action) -> Option<Vec<Cmd>> {
        let cmd = match action {
            Action::Charts => {
                self.show(Screen::Charts(Box::default()));
                Cmd::LoadCharts
            }
            Action::Report => return Some(self.open_report()),
            Action::Settings => {
                self.bring(Kept::Settings);
                Cmd::LoadDirectory
            }
            Action::Reception => {
                self.bring(Kept::Reception);
                Cmd::LoadReception
            }
            Action::Backlog => {
                self.show(Screen::Backlog(Box::default()));
                Cmd::LoadBacklog
            }
            _ => return None,
        };
        Some(vec![cmd])
    }
}
