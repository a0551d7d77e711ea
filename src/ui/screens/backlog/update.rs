//! The 积案 screen's keys: moving through the list, opening a case, and the entry that
//! changes the selected case's file (or marks a case by its number).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Entry, Slot};
use crate::domain::backlog::BacklogAct;
use crate::strings::backlog_screen as t;
use crate::ui::app::{App, Cmd, Screen};
use crate::ui::keymap::Action;

impl App {
    /// Whether the 积案 entry is open: then it takes every key.
    pub(crate) fn backlog_typing(&self) -> bool {
        matches!(&self.screen, Screen::Backlog(b) if b.entry.is_some())
    }

    pub(crate) fn backlog_key(&mut self, action: Action) -> Vec<Cmd> {
        let today = self.today;
        // Every change to a 积案 file is a leader's: said at the key, not after the typing.
        let changes = matches!(
            action,
            Action::New | Action::Own | Action::Team | Action::Meeting | Action::Progress
        );
        if changes && let Some(refusal) = self.not_a_leader() {
            self.message = Some(refusal);
            return Vec::new();
        }
        let Screen::Backlog(b) = &mut self.screen else {
            return Vec::new();
        };
        let selected = b.selected_row().map(|r| {
            let c = &r.row.case;
            (
                c.case_no.clone().unwrap_or_else(|| c.id.to_string()),
                r.file.marked.is_some(),
            )
        });
        let page = super::view::list_rows(self.rows);
        let act = match action {
            Action::Down
            | Action::Up
            | Action::PageDown
            | Action::PageUp
            | Action::First
            | Action::Last => {
                let last = b.ids.len().saturating_sub(1);
                b.selected = match action {
                    Action::Down => (b.selected + 1).min(last),
                    Action::Up => b.selected.saturating_sub(1),
                    Action::PageDown => (b.selected + page).min(last),
                    Action::PageUp => b.selected.saturating_sub(page),
                    Action::First => 0,
                    _ => last,
                };
                b.top = b.top_for(page);
                return (b.page_wanted().into_iter())
                    .map(|(first, ids)| Cmd::LoadBacklogPage { first, ids })
                    .collect();
            }
            Action::Open => {
                let id = b.selected_row().map(|r| r.row.case.id);
                return id.map(Cmd::OpenCase).into_iter().collect();
            }
            Action::Refresh => return vec![Cmd::LoadBacklog],
            Action::Back => return self.go_home(),
            // The mark asks for the case: the selected one if the rule put it here unmarked.
            Action::New => {
                let mut e = Entry::new(BacklogAct::Mark, None, today);
                if let Some((no, false)) = &selected {
                    e.slots[0].field.insert(no);
                }
                b.entry = Some(e);
                return Vec::new();
            }
            Action::Own => BacklogAct::Leader,
            Action::Team => BacklogAct::Team,
            Action::Meeting => BacklogAct::Meeting,
            Action::Progress => BacklogAct::Progress,
            _ => return Vec::new(),
        };
        match selected {
            Some((no, _)) => b.entry = Some(Entry::new(act, Some(no), today)),
            None => self.message = Some(t::none_selected(self.lang).to_owned()),
        }
        Vec::new()
    }

    /// Why the operator may not change a 积案 file (not an active leader), if so.
    fn not_a_leader(&self) -> Option<String> {
        let o = self.operator.as_ref()?;
        let refused = crate::domain::backlog::may_change(o).err()?;
        Some(crate::strings::backlog::error(self.lang, &refused))
    }

    /// A key while the entry is open: Esc drops it, Tab/↑/↓ move, Enter goes on (and saves
    /// on the last line), Ctrl-S saves; the rest is typed.
    pub(crate) fn backlog_entry_key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        let lang = self.lang;
        let Screen::Backlog(b) = &mut self.screen else {
            return Vec::new();
        };
        let Some(e) = &mut b.entry else {
            return Vec::new();
        };
        let last = e.slots.len().saturating_sub(1);
        let ctrl_s =
            key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('s');
        match key.code {
            KeyCode::Esc => {
                b.entry = None;
                return Vec::new();
            }
            KeyCode::Tab | KeyCode::Down => e.focus = (e.focus + 1).min(last),
            KeyCode::BackTab | KeyCode::Up => e.focus = e.focus.saturating_sub(1),
            KeyCode::Enter if e.focus < last => e.focus += 1,
            KeyCode::Enter => return save(e, lang, &mut self.message),
            _ if ctrl_s => return save(e, lang, &mut self.message),
            _ => {
                if let Some(slot) = e.slots.get_mut(e.focus) {
                    typed(slot, &key);
                }
            }
        }
        Vec::new()
    }

    /// Pasted text, into the entry's line.
    pub(crate) fn backlog_paste(&mut self, text: &str) {
        if let Screen::Backlog(b) = &mut self.screen
            && let Some(e) = &mut b.entry
            && let Some(slot) = e.slots.get_mut(e.focus)
        {
            if std::mem::take(&mut slot.pristine) {
                slot.field.clear();
            }
            slot.field.insert(text);
        }
    }
}

/// A key on a line: text typed over what the entry filled in replaces it.
fn typed(slot: &mut Slot, key: &KeyEvent) {
    let before = slot.field.value().to_owned();
    slot.field.key_over(key, slot.pristine);
    if slot.field.value() != before {
        slot.pristine = false;
    }
}

/// The change, once every line is filled (a blank one is named in words and focused).
fn save(e: &mut Entry, lang: crate::strings::Lang, message: &mut Option<String>) -> Vec<Cmd> {
    if let Some(k) = e
        .slots
        .iter()
        .position(|s| s.field.value().trim().is_empty())
    {
        e.focus = k;
        *message = Some(t::fill(lang, e.slots[k].ask));
        return Vec::new();
    }
    match e.change() {
        Ok((case, change)) => vec![Cmd::ChangeBacklog { case, change }],
        Err(ask) => {
            if let Some(k) = e.slots.iter().position(|s| s.ask == ask) {
                e.focus = k;
            }
            *message = Some(t::bad_date(lang).to_owned());
            Vec::new()
        }
    }
}
