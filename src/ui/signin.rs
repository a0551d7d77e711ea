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
    /// That one-time passphrase: the new one must differ (the leader knows it).
    given: Option<zeroize::Zeroizing<String>>,
}

impl<'a> SignInFlow<'a> {
    pub fn new(screen: SignIn, ring: &'a mut Keyring) -> SignInFlow<'a> {
        SignInFlow {
            screen,
            ring,
            key: None,
            given: None,
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
                        self.given = Some(zeroize::Zeroizing::new(passphrase.to_string()));
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
                if self.given.as_deref().map(String::as_str) == Some(&*passphrase) {
                    self.screen.ask_new();
                    self.screen
                        .refused(signin_screen::same_as_given(lang).to_owned());
                    return None;
                }
                let key = self.key.take()?;
                match self.ring.change_own(&name, &passphrase, &key, clock.now()) {
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
