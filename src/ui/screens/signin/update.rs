//! The sign-in screen's keys: ↑/↓ choose the name, typing fills the masked
//! passphrase, Enter hands it over; on the change step Enter moves from the
//! first new passphrase to the second and checks both.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use zeroize::Zeroizing;

use super::{SignIn, SignInOutcome, Stage};
use crate::domain::audit::too_short;
use crate::strings::Lang;
use crate::strings::signin::too_short as too_short_text;
use crate::strings::signin_screen::text;

impl SignIn {
    pub fn key(&mut self, key: KeyEvent, lang: Lang) -> SignInOutcome {
        // Only presses: Windows terminals also send releases.
        if key.kind != KeyEventKind::Press {
            return SignInOutcome::Stay;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if self.naming && self.choosing() && !(ctrl && key.code == KeyCode::Char('c')) {
            return self.name_key(key.code, ctrl, lang);
        }
        match key.code {
            KeyCode::Char('c') if ctrl => SignInOutcome::Quit,
            // The lock is left only by the passphrase (or Ctrl-C, which keeps drafts).
            KeyCode::Esc if self.locked => SignInOutcome::Stay,
            KeyCode::Esc => SignInOutcome::Quit,
            KeyCode::Up | KeyCode::BackTab if self.choosing() => {
                self.step(-1);
                SignInOutcome::Stay
            }
            KeyCode::Down | KeyCode::Tab if self.choosing() => {
                self.step(1);
                SignInOutcome::Stay
            }
            KeyCode::Enter => self.enter(lang),
            _ => {
                if self.field.key(&key).is_some() {
                    self.message = None;
                }
                SignInOutcome::Stay
            }
        }
    }

    /// Pasted text goes into the passphrase (from a password manager), never into the
    /// name's filter, where it would be shown.
    pub fn paste(&mut self, text: &str) {
        self.naming = false;
        self.field.insert(text.trim_end_matches(['\r', '\n']));
    }

    /// A key while the name is chosen: letters find it, ↑↓ move, Enter takes it.
    fn name_key(&mut self, code: KeyCode, ctrl: bool, lang: Lang) -> SignInOutcome {
        match code {
            KeyCode::Esc => return SignInOutcome::Quit,
            KeyCode::Up | KeyCode::BackTab => self.step(-1),
            KeyCode::Down | KeyCode::Tab => self.step(1),
            KeyCode::Enter => {
                self.naming = false;
                self.filter.clear();
                self.message = None;
            }
            KeyCode::Backspace => {
                self.filter.pop();
                self.find(lang);
            }
            KeyCode::Char(c) if !ctrl => {
                self.filter.push(c);
                self.find(lang);
            }
            _ => {}
        }
        SignInOutcome::Stay
    }

    /// Chooses the first name holding what is typed; says so when none does.
    fn find(&mut self, lang: Lang) {
        let typed = self.filter.trim().to_lowercase();
        let found = (self.names.iter()).position(|n| n.to_lowercase().contains(&typed));
        match found {
            Some(i) => {
                self.selected = i;
                self.message = None;
            }
            None => self.message = Some(text(lang).no_match.to_owned()),
        }
    }

    fn choosing(&self) -> bool {
        !self.locked && self.stage == Stage::Enter && self.names.len() > 1
    }

    fn step(&mut self, by: isize) {
        let n = self.names.len() as isize;
        self.selected = (self.selected as isize + by).rem_euclid(n.max(1)) as usize;
        self.field.clear();
        self.message = None;
    }

    fn enter(&mut self, lang: Lang) -> SignInOutcome {
        let t = text(lang);
        let Some(name) = self.name().map(str::to_owned) else {
            self.message = Some(t.no_one.to_owned());
            return SignInOutcome::Stay;
        };
        let typed = Zeroizing::new(self.field.value().to_owned());
        if typed.is_empty() {
            self.message = Some(t.empty.to_owned());
            return SignInOutcome::Stay;
        }
        match self.stage {
            Stage::Enter => {
                self.field.clear();
                self.message = Some(t.checking.to_owned());
                SignInOutcome::Try {
                    name,
                    passphrase: typed,
                }
            }
            Stage::NewFirst => {
                if too_short(&typed) {
                    self.refused(too_short_text(lang));
                    return SignInOutcome::Stay;
                }
                self.first_new = typed;
                self.field.clear();
                self.message = None;
                self.stage = Stage::NewAgain;
                SignInOutcome::Stay
            }
            Stage::NewAgain => {
                self.field.clear();
                if typed != self.first_new {
                    self.first_new = Zeroizing::new(String::new());
                    self.stage = Stage::NewFirst;
                    self.message = Some(t.mismatch.to_owned());
                    return SignInOutcome::Stay;
                }
                SignInOutcome::Change {
                    name,
                    passphrase: typed,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(s: &mut SignIn, code: KeyCode) -> SignInOutcome {
        s.key(KeyEvent::new(code, KeyModifiers::NONE), Lang::En)
    }

    fn typ(s: &mut SignIn, text: &str) {
        for c in text.chars() {
            press(s, KeyCode::Char(c));
        }
    }

    #[test]
    fn typing_before_a_name_is_chosen_finds_the_name_not_a_passphrase() {
        let mut s = SignIn::new(vec!["于洋".into(), "李娜".into(), "赵建国".into()], None);
        assert!(s.naming);
        typ(&mut s, "李娜");
        assert_eq!(s.name(), Some("李娜"));
        assert!(s.field.is_empty(), "the name is not the passphrase");
        assert_eq!(press(&mut s, KeyCode::Enter), SignInOutcome::Stay);
        assert!(!s.naming);
        typ(&mut s, "pw");
        let out = press(&mut s, KeyCode::Enter);
        assert!(
            matches!(&out, SignInOutcome::Try { name, passphrase } if name == "李娜" && passphrase.as_str() == "pw")
        );
        let mut none = SignIn::new(vec!["于洋".into(), "李娜".into()], None);
        typ(&mut none, "王");
        assert!(none.message.is_some() && none.field.is_empty());
        // --as names the operator: straight to the passphrase.
        assert!(!SignIn::new(vec!["于洋".into(), "李娜".into()], Some("李娜")).naming);
    }

    #[test]
    fn the_name_is_chosen_and_the_passphrase_handed_over_once() {
        let mut s = SignIn::new(vec!["赵建国".into(), "李娜".into()], Some("李娜"));
        assert_eq!(s.name(), Some("李娜"));
        press(&mut s, KeyCode::Down);
        assert_eq!(s.name(), Some("赵建国"));
        assert_eq!(press(&mut s, KeyCode::Enter), SignInOutcome::Stay, "empty");
        typ(&mut s, "pw");
        let out = press(&mut s, KeyCode::Enter);
        assert!(
            matches!(&out, SignInOutcome::Try { name, passphrase } if name == "赵建国" && passphrase.as_str() == "pw")
        );
        assert!(s.field.is_empty(), "not kept after Enter");
    }

    #[test]
    fn a_new_passphrase_is_long_enough_and_typed_twice_alike() {
        let mut s = SignIn::new(vec!["李娜".into()], None);
        s.ask_new();
        typ(&mut s, "short");
        press(&mut s, KeyCode::Enter);
        assert_eq!(s.stage, Stage::NewFirst);
        assert!(s.message.as_deref().is_some_and(|m| m.contains("at least")));
        typ(&mut s, "a long sentence");
        press(&mut s, KeyCode::Enter);
        typ(&mut s, "a long sentenc");
        press(&mut s, KeyCode::Enter);
        assert_eq!(s.stage, Stage::NewFirst, "differ: again from the first");
        typ(&mut s, "a long sentence");
        press(&mut s, KeyCode::Enter);
        typ(&mut s, "a long sentence");
        assert!(matches!(
            press(&mut s, KeyCode::Enter),
            SignInOutcome::Change { .. }
        ));
    }

    #[test]
    fn the_lock_is_not_left_with_esc() {
        let mut s = SignIn::lock("李娜");
        assert_eq!(press(&mut s, KeyCode::Esc), SignInOutcome::Stay);
        press(&mut s, KeyCode::Down);
        assert_eq!(s.name(), Some("李娜"));
    }
}
