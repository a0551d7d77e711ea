//! One key as the keymap knows it, and the spellings `keys.toml` accepts for it.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key as the keymap knows it: a code and its modifiers, normalised so
/// that what the terminal sends and what `keys.toml` says compare equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

pub(super) const fn plain(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

pub(super) const fn ch(c: char) -> Key {
    plain(KeyCode::Char(c))
}

pub(super) const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

pub(super) const CTRL_C: Key = ctrl('c');

/// Names accepted in `keys.toml` (lower case), the first of each code being
/// the one written back.
pub(super) const NAMES: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pgup", KeyCode::PageUp),
    ("pageup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
    ("pagedown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("space", KeyCode::Char(' ')),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("insert", KeyCode::Insert),
];

/// Spellings that are not accepted but plainly mean something that is.
pub(super) const MISSPELT: &[(&str, &str)] = &[
    ("ctl", "ctrl"),
    ("control", "ctrl"),
    ("cntrl", "ctrl"),
    ("ctr", "ctrl"),
    ("strg", "ctrl"),
    ("c", "ctrl"),
    ("^", "ctrl"),
    ("meta", "alt"),
    ("m", "alt"),
    ("option", "alt"),
    ("opt", "alt"),
    ("a", "alt"),
    ("shft", "shift"),
    ("s", "shift"),
    ("pagedn", "pgdn"),
    ("pgdown", "pgdn"),
    ("page_down", "pgdn"),
    ("pageup", "pgup"),
    ("page_up", "pgup"),
    ("bs", "backspace"),
    ("bksp", "backspace"),
    ("back", "backspace"),
    ("ret", "enter"),
    ("spc", "space"),
    ("arrowup", "up"),
    ("arrowdown", "down"),
    ("arrowleft", "left"),
    ("arrowright", "right"),
];

impl Key {
    /// The key of a terminal event. Shift is folded into the character
    /// (`?` arrives with or without it) and into BackTab; Ctrl with a
    /// letter ignores case, which terminals do not tell apart.
    pub fn from_event(event: &KeyEvent) -> Key {
        Key::normalised(event.code, event.modifiers)
    }

    pub(super) fn normalised(code: KeyCode, mut modifiers: KeyModifiers) -> Key {
        let code = match code {
            KeyCode::Char(c) => {
                modifiers.remove(KeyModifiers::SHIFT);
                if modifiers.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            KeyCode::BackTab => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            c => c,
        };
        Key { code, modifiers }
    }

    /// A key as written in `keys.toml`: `q`, `ctrl-s`, `alt-x`,
    /// `shift-tab`, `pgdn`, `f5`… The error is a spelling to suggest, if
    /// one is plain.
    pub fn parse(spec: &str) -> Result<Key, Option<String>> {
        let mut chars = spec.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Ok(match c {
                // As the help screen shows them.
                '↑' => plain(KeyCode::Up),
                '↓' => plain(KeyCode::Down),
                '←' => plain(KeyCode::Left),
                '→' => plain(KeyCode::Right),
                c => ch(c),
            });
        }
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = spec;
        // `ctrl--` is Ctrl and the minus key.
        while let Some((word, tail)) = rest.split_once('-').filter(|(_, t)| !t.is_empty()) {
            let m = match word.to_ascii_lowercase().as_str() {
                "ctrl" => KeyModifiers::CONTROL,
                "alt" => KeyModifiers::ALT,
                "shift" => KeyModifiers::SHIFT,
                _ => return Err(suggest(spec)),
            };
            modifiers |= m;
            rest = tail;
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if modifiers.contains(KeyModifiers::SHIFT) => {
                // shift-a is A.
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
            }
            (Some(c), None) => KeyCode::Char(c),
            _ => named(&rest.to_ascii_lowercase()).ok_or_else(|| suggest(spec))?,
        };
        let code = match code {
            KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            c => c,
        };
        Ok(Key::normalised(code, modifiers))
    }

    /// How the help screen and the footer show the key: `j`, `↓`,
    /// `Ctrl-S`, `PgDn`, `F5`.
    pub fn label(&self) -> String {
        let mut s = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            s.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            s.push_str("Alt-");
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            s.push_str("Shift-");
        }
        match self.code {
            KeyCode::Char(' ') => s.push_str("Space"),
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                s.extend(c.to_uppercase())
            }
            KeyCode::Char(c) => s.push(c),
            KeyCode::Up => s.push('↑'),
            KeyCode::Down => s.push('↓'),
            KeyCode::Left => s.push('←'),
            KeyCode::Right => s.push('→'),
            KeyCode::PageUp => s.push_str("PgUp"),
            KeyCode::PageDown => s.push_str("PgDn"),
            KeyCode::BackTab => s.push_str("S-Tab"),
            KeyCode::Delete => s.push_str("Del"),
            KeyCode::Insert => s.push_str("Ins"),
            KeyCode::F(n) => s.push_str(&format!("F{n}")),
            other => s.push_str(&format!("{other:?}")),
        }
        s
    }

    /// How `keys.toml` writes the key.
    pub fn spec(&self) -> String {
        let mut s = String::new();
        for (m, word) in [
            (KeyModifiers::CONTROL, "ctrl-"),
            (KeyModifiers::ALT, "alt-"),
            (KeyModifiers::SHIFT, "shift-"),
        ] {
            if self.modifiers.contains(m) {
                s.push_str(word);
            }
        }
        match self.code {
            KeyCode::Char(' ') => s.push_str("space"),
            KeyCode::Char(c) => s.push(c),
            KeyCode::BackTab => s.push_str("shift-tab"),
            KeyCode::F(n) => s.push_str(&format!("f{n}")),
            code => match NAMES.iter().find(|(_, c)| *c == code) {
                Some((name, _)) => s.push_str(name),
                None => s.push_str(&format!("{code:?}").to_ascii_lowercase()),
            },
        }
        s
    }

    /// A character typed without Ctrl or Alt: text in a form.
    pub(super) fn types_text(&self) -> bool {
        matches!(self.code, KeyCode::Char(_))
            && !self
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    }

    pub(super) fn is_arrow(&self) -> bool {
        matches!(
            self.code,
            KeyCode::Up | KeyCode::Down | KeyCode::Left | KeyCode::Right
        )
    }
}

pub(super) fn named(name: &str) -> Option<KeyCode> {
    if let Some(n) = name.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
        return (1..=12).contains(&n).then_some(KeyCode::F(n));
    }
    NAMES.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// The accepted spelling of a key written almost right: `ctl-s`, `C-s`,
/// `ctrl+s`, `^s`, `PageDown`…
pub(super) fn suggest(spec: &str) -> Option<String> {
    let lower = spec.trim().to_ascii_lowercase().replace(['+', ' '], "-");
    let lower = match lower.strip_prefix('^') {
        Some(rest) if !rest.is_empty() => format!("ctrl-{rest}"),
        _ => lower,
    };
    let words: Vec<&str> = lower.split('-').collect();
    let last = words.len() - 1;
    let fixed: Vec<&str> = words
        .iter()
        .enumerate()
        .map(|(i, word)| {
            // A lone `c`, `a` or `s` at the end is that letter, not Ctrl,
            // Alt or Shift.
            if i == last && word.chars().count() == 1 {
                return *word;
            }
            MISSPELT
                .iter()
                .find(|(wrong, _)| wrong == word)
                .map_or(*word, |(_, right)| *right)
        })
        .collect();
    let candidate = fixed.join("-");
    // The fixes are idempotent, so this recursion ends at the second call.
    (candidate != spec)
        .then(|| Key::parse(&candidate).ok())
        .flatten()
        .map(|k| k.spec())
}
