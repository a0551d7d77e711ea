//! The sign-in before the ledger opens: the screen's answers checked against
//! the key ring (the store's crypto), a one-time passphrase replaced by the
//! operator's own before the desk opens. `start::sign_in` runs it on the
//! terminal; tests drive it key by key with a fixed clock.

use ratatui::crossterm::event::KeyEvent;

use crate::clock::Clock;
use crate::store::{DataKey, Keyring};
use crate::strings::{Lang, signin_screen};
use crate::ui::screens::signin::{SignIn, SignInOutcome};

/// The sign-in screen and what it checks against.
pub struct SignInFlow<'a> {
    pub screen: SignIn,
    ring: &'a mut Keyring,
    /// The key, once a one-time passphrase opened it (the new one is being chosen).
    key: Option<DataKey>,
}

impl<'a> SignInFlow<'a> {
    pub fn new(screen: SignIn, ring: &'a mut Keyring) -> SignInFlow<'a> {
        SignInFlow {
            screen,
            ring,
            key: None,
        }
    }

    /// A key: None while the screen stays, Some(None) when they quit, else
    /// the data key and who signed in.
    pub fn key(
        &mut self,
        k: KeyEvent,
        lang: Lang,
        clock: Clock,
    ) -> Option<Option<(DataKey, String)>> {
        match self.screen.key(k, lang) {
            SignInOutcome::Stay => None,
            SignInOutcome::Quit => Some(None),
            SignInOutcome::Try { name, passphrase } => {
                match self.ring.unlock(&name, &passphrase, clock.now()) {
                    Ok(key) if self.ring.must_change(&name) => {
                        self.key = Some(key);
                        self.screen.ask_new();
                        None
                    }
                    Ok(key) => Some(Some((key, name))),
                    Err(e) => {
                        self.screen.refused(signin_screen::refusal(lang, &name, &e));
                        None
                    }
                }
            }
            SignInOutcome::Change { name, passphrase } => {
                let key = self.key.take()?;
                match self.ring.set(&name, &passphrase, &key, false) {
                    Ok(()) => Some(Some((key, name))),
                    Err(e) => {
                        self.key = Some(key);
                        self.screen.refused(signin_screen::refusal(lang, &name, &e));
                        None
                    }
                }
            }
        }
    }
}
