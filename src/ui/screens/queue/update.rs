//! The queue's keys: moving and paging, the view over it, the search line,
//! and `n` with its channel chooser.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::Cursor;
use crate::domain::types::Channel;
use crate::store::{CaseRow, SortKey};
use crate::ui::app::{App, Cmd, FormScreen, Screen};
use crate::ui::form::intake::intake_form;
use crate::ui::keymap::{Action, Context};
use crate::ui::widgets::text_field::{Edit, TextField};

impl App {
    pub(crate) fn queue_key(&mut self, action: Action) -> Vec<Cmd> {
        let Screen::Queue(q) = &mut self.screen else {
            return Vec::new();
        };
        match action {
            Action::Refresh => self.reload(),
            Action::SwitchView => {
                self.home_dashboard = true;
                self.go_home()
            }
            Action::Down if q.selected + 1 < q.rows.len() => {
                q.selected += 1;
                Vec::new()
            }
            Action::Down => self.next_page(),
            Action::Up if q.selected > 0 => {
                q.selected -= 1;
                Vec::new()
            }
            Action::Up => self.prev_page(true),
            Action::PageDown => self.next_page(),
            Action::PageUp => self.prev_page(false),
            Action::Open => self.open_selected(),
            Action::New => self.new_intake(),
            Action::Search => {
                q.search = Some(TextField::default());
                Vec::new()
            }
            Action::Filter => {
                q.view.filter = q.view.filter.next();
                self.first_page()
            }
            Action::FilterChannel => {
                q.view.channel = q.view.next_channel();
                self.first_page()
            }
            Action::Mine => {
                q.view.mine = !q.view.mine;
                self.first_page()
            }
            Action::Sort => {
                q.view.sort = q.view.next_sort();
                self.first_page()
            }
            _ => Vec::new(),
        }
    }

    /// A key on the queue's search line: its keymap moves, opens or closes;
    /// every other key edits the query (and searches again).
    pub(crate) fn search_key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        let action = self.keys.lookup(Context::SearchLine, &unmodified(key));
        let Screen::Queue(q) = &mut self.screen else {
            return Vec::new();
        };
        match action {
            Some(Action::Back) => {
                q.search = None;
                q.page_starts.clear();
                vec![self.load(None)]
            }
            Some(Action::Open) => self.open_selected(),
            Some(Action::Down) => {
                q.selected = (q.selected + 1).min(q.rows.len().saturating_sub(1));
                Vec::new()
            }
            Some(Action::Up) => {
                q.selected = q.selected.saturating_sub(1);
                Vec::new()
            }
            _ => self.edit_search(key),
        }
    }

    /// The search line's own editing keys; a change searches again.
    fn edit_search(&mut self, key: KeyEvent) -> Vec<Cmd> {
        let Some(field) = self.queue_mut().and_then(|q| q.search.as_mut()) else {
            return Vec::new();
        };
        // Only a changed query searches again; moving the cursor does not.
        if field.key(&key).is_some_and(Edit::changes_text) {
            self.search_cmd()
        } else {
            Vec::new()
        }
    }

    /// A key while the new intake's channel is chosen (`at` highlighted):
    /// a channel's number takes it; the keymap moves or takes the one
    /// highlighted; anything else cancels.
    pub(crate) fn channel_key(&mut self, at: usize, key: KeyEvent) -> Vec<Cmd> {
        let n = Channel::ALL.len();
        let numbered = match key.code {
            KeyCode::Char(c) => c.to_digit(10),
            _ => None,
        };
        let channel = match (
            numbered,
            self.keys.lookup(Context::Chooser, &unmodified(key)),
        ) {
            (Some(d), _) => usize::try_from(d)
                .ok()
                .and_then(|d| d.checked_sub(1))
                .and_then(|i| Channel::ALL.get(i).copied()),
            (None, Some(Action::Open)) => Channel::ALL.get(at).copied(),
            (None, Some(Action::Down)) => {
                self.choose_channel((at + 1) % n);
                None
            }
            (None, Some(Action::Up)) => {
                self.choose_channel((at + n - 1) % n);
                None
            }
            _ => None,
        };
        let choosing = self.queue().choosing_channel.is_some();
        if let Some(channel) = channel {
            let form = intake_form(
                channel,
                self.lang,
                self.today,
                self.clock.offset(),
                &self.categories,
            );
            self.show(Screen::Form(Box::new(FormScreen::new(form))));
        } else if !choosing && self.home_dashboard {
            // Cancelled: back to the leader's dashboard.
            return self.go_home();
        }
        Vec::new()
    }

    /// A page loaded: one row more than the page tells that another follows.
    pub(crate) fn on_page(&mut self, rows: Vec<(CaseRow, SortKey)>, start: Cursor) -> Vec<Cmd> {
        let page_size = self.page_size;
        let Some(q) = self.queue_mut() else {
            return Vec::new();
        };
        let more = rows.len() > page_size;
        let mut rows = rows;
        rows.truncate(page_size);
        q.next = if more {
            rows.last().map(|(r, k)| (k.clone(), r.case.id))
        } else {
            None
        };
        q.page_starts.push(start);
        // Reloaded, the cursor follows its case, not its row, when rows came
        // or went above it.
        let was = q.follow.take();
        q.rows = rows.into_iter().map(|(r, _)| r).collect();
        q.selected = was
            .and_then(|id| q.rows.iter().position(|r| r.case.id == id))
            .unwrap_or(q.selected.min(q.rows.len().saturating_sub(1)));
        Vec::new()
    }

    pub(crate) fn on_found(&mut self, rows: Vec<CaseRow>) -> Vec<Cmd> {
        if let Some(q) = self.queue_mut() {
            q.rows = rows;
            q.selected = 0;
            q.next = None;
        }
        Vec::new()
    }

    /// The new intake's channel chooser, on the `at`-th channel.
    fn choose_channel(&mut self, at: usize) {
        if let Some(q) = self.queue_mut() {
            q.choosing_channel = Some(at);
        }
    }

    /// `n`: pick the channel of a new intake. A handler is told at once,
    /// not after filling the form.
    pub(crate) fn new_intake(&mut self) -> Vec<Cmd> {
        let refused = self
            .operator
            .as_ref()
            .map(crate::domain::workflow::may_take_in);
        match refused {
            Some(Err(e)) => self.message = Some(crate::strings::errors::workflow(self.lang, &e)),
            _ => self.choose_channel(0),
        }
        Vec::new()
    }

    fn first_page(&mut self) -> Vec<Cmd> {
        if let Some(q) = self.queue_mut() {
            q.page_starts.clear();
            q.selected = 0;
        }
        vec![self.load(None)]
    }

    fn next_page(&mut self) -> Vec<Cmd> {
        let Some(q) = self.queue_mut() else {
            return Vec::new();
        };
        match q.next.clone() {
            Some(next) => {
                q.selected = 0;
                vec![self.load(Some(next))]
            }
            None => Vec::new(),
        }
    }

    fn prev_page(&mut self, to_last_row: bool) -> Vec<Cmd> {
        let page_size = self.page_size;
        let Some(q) = self.queue_mut() else {
            return Vec::new();
        };
        if q.page_starts.len() < 2 {
            return Vec::new();
        }
        q.page_starts.pop();
        let start = q.page_starts.pop().flatten();
        q.selected = if to_last_row { page_size - 1 } else { 0 };
        vec![self.load(start)]
    }

    /// Enter: the case under the cursor. Opened from the search, the search
    /// closes (a `/` after coming back starts a new one, not `…/` typed on).
    fn open_selected(&mut self) -> Vec<Cmd> {
        let Some(q) = self.queue_mut() else {
            return Vec::new();
        };
        let Some(id) = q.rows.get(q.selected).map(|r| r.case.id) else {
            return Vec::new();
        };
        if q.search.take().is_some() {
            q.page_starts.clear();
            q.selected = 0;
        }
        vec![Cmd::OpenCase(id)]
    }
}

/// The search line and the channel chooser move, open and close on the key
/// alone, whatever modifier a terminal adds (Shift-↓, Ctrl-Enter), as they
/// always have; everything else is typed.
fn unmodified(key: KeyEvent) -> KeyEvent {
    KeyEvent::new(key.code, KeyModifiers::NONE)
}
