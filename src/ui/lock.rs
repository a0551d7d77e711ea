//! The idle lock: after the office's `idle_lock_minutes` without a key the desk
//! covers itself with the sign-in box for the same operator; the screen and any
//! open form stay as they were beneath it. The passphrase goes to the store
//! (`Cmd::Unlock`), which counts a wrong one toward the lockout like the sign-in
//! screen does. Time comes only from the desk's `Clock`.

use std::ops::ControlFlow::{self, Break, Continue};

use chrono::TimeDelta;
use ratatui::crossterm::event::KeyEvent;

use crate::ui::app::{App, Cmd, Msg};
use crate::ui::screens::signin::{SignIn, SignInOutcome};

impl App {
    /// Locks the desk when no key came for the office's idle time.
    pub(crate) fn idle_check(&mut self) -> Vec<Cmd> {
        let now = self.clock.now();
        let Some(last) = self.last_input else {
            // Counting starts with the first tick after the desk opens.
            self.last_input = Some(now);
            return Vec::new();
        };
        let idle = TimeDelta::minutes(i64::from(self.idle_lock_minutes));
        if self.idle_lock_minutes > 0 && self.lock.is_none() && now - last >= idle {
            if let Some(o) = &self.operator {
                self.lock = Some(SignIn::lock(&o.name));
                self.help = false;
            }
        }
        Vec::new()
    }

    /// The idle lock's messages (and a paste while locked): Break when taken,
    /// else the message back for `update`.
    pub(crate) fn lock_msg(&mut self, msg: Msg) -> ControlFlow<Vec<Cmd>, Msg> {
        match (msg, &mut self.lock) {
            (Msg::Tick, _) => Break(self.idle_check()),
            // The settings' box checked one's current passphrase: now the new one.
            (Msg::Unlocked, None) if self.pass_dialog.is_some() => {
                if let Some(d) = &mut self.pass_dialog {
                    d.ask_new();
                }
                Break(Vec::new())
            }
            (Msg::UnlockRefused(m), None) if self.pass_dialog.is_some() => {
                if let Some(d) = &mut self.pass_dialog {
                    d.refused(m);
                }
                Break(Vec::new())
            }
            (Msg::PassphraseSet { name, one_time }, _) => {
                self.pass_dialog = None;
                self.message = Some(crate::strings::signin::passwd_done(
                    self.lang, &name, one_time,
                ));
                Break(Vec::new())
            }
            (Msg::Unlocked, _) => {
                self.lock = None;
                self.last_input = Some(self.clock.now());
                Break(Vec::new())
            }
            (Msg::UnlockRefused(m), Some(lock)) => {
                lock.refused(m);
                Break(Vec::new())
            }
            (Msg::UnlockRefused(_), None) => Break(Vec::new()),
            (Msg::Paste(text), Some(lock)) => {
                lock.paste(&text);
                Break(Vec::new())
            }
            (msg, _) => Continue(msg),
        }
    }

    /// A key while locked: only the lock sees it.
    pub(crate) fn lock_key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        let lang = self.lang;
        let Some(lock) = &mut self.lock else {
            return Vec::new();
        };
        match lock.key(key, lang) {
            SignInOutcome::Stay | SignInOutcome::Change { .. } => Vec::new(),
            // Ctrl-C: the run loop writes the open form's draft on the way out.
            SignInOutcome::Quit => {
                self.quit = true;
                Vec::new()
            }
            SignInOutcome::Try { name, passphrase } => vec![Cmd::Unlock { name, passphrase }],
        }
    }
}
