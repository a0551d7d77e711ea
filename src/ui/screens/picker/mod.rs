//! Choosing who is at the desk when neither `--as` nor the ledger says:
//! the active operators, filtered by typing a name. A self-contained model:
//! keys in, `PickerOutcome` out; `view::draw` shows it.

pub mod view;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::domain::rules::Operator;
use crate::strings::Lang;
use crate::ui::widgets::text_field::{Edit, TextField};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerOutcome {
    Stay,
    Picked(Operator),
    Quit,
}

#[derive(Debug, Clone)]
pub struct Picker {
    pub lang: Lang,
    /// The active operators, in the order given.
    operators: Vec<Operator>,
    pub filter: TextField,
    /// Printable keys go to the filter (a name was begun, or `/` pressed);
    /// before that, j, k and q move and quit.
    pub typing: bool,
    /// Index into `matches()`.
    pub selected: usize,
}

impl Picker {
    /// Inactive operators are left out: they may no longer act.
    pub fn new(lang: Lang, operators: &[Operator]) -> Picker {
        Picker {
            lang,
            operators: operators.iter().filter(|o| o.active).cloned().collect(),
            filter: TextField::default(),
            typing: false,
            selected: 0,
        }
    }

    pub fn operators(&self) -> &[Operator] {
        &self.operators
    }

    /// The operators whose name contains the filter (ignoring case and
    /// surrounding spaces).
    pub fn matches(&self) -> Vec<&Operator> {
        let typed = self.filter.value().trim().to_lowercase();
        self.operators
            .iter()
            .filter(|o| o.name.to_lowercase().contains(&typed))
            .collect()
    }

    pub fn selected_operator(&self) -> Option<&Operator> {
        self.matches().get(self.selected).copied()
    }

    fn moved(&mut self, by: isize) {
        let last = self.matches().len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(by).min(last);
    }

    fn filtered(&mut self) {
        self.typing = true;
        self.selected = 0;
    }

    pub fn paste(&mut self, pasted: &str) {
        self.filter.insert(pasted.trim());
        self.filtered();
    }

    pub fn key(&mut self, key: KeyEvent) -> PickerOutcome {
        if key.kind != KeyEventKind::Press {
            return PickerOutcome::Stay;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('c') if ctrl => return PickerOutcome::Quit,
            KeyCode::Esc if self.typing || !self.filter.is_empty() => {
                self.filter.clear();
                self.typing = false;
                self.selected = 0;
            }
            KeyCode::Esc => return PickerOutcome::Quit,
            KeyCode::Enter => {
                if let Some(o) = self.selected_operator() {
                    return PickerOutcome::Picked(o.clone());
                }
            }
            KeyCode::Down => self.moved(1),
            KeyCode::Up => self.moved(-1),
            KeyCode::PageDown => self.moved(10),
            KeyCode::PageUp => self.moved(-10),
            KeyCode::Char('j') if !self.typing => self.moved(1),
            KeyCode::Char('k') if !self.typing => self.moved(-1),
            KeyCode::Char('q') if !self.typing => return PickerOutcome::Quit,
            KeyCode::Char('/') if !self.typing => self.typing = true,
            // Before a name is begun, Home and End move in the list.
            KeyCode::Home if !self.typing => self.selected = 0,
            KeyCode::End if !self.typing => self.moved(isize::MAX),
            _ => match self.filter.key(&key) {
                // A character begins a name; deleting (nothing) does not.
                Some(Edit::Insert(_)) => self.filtered(),
                Some(edit) if edit.changes_text() && self.typing => self.filtered(),
                _ => {}
            },
        }
        PickerOutcome::Stay
    }
}
