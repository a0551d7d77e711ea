//! Keys on the queue and the screens without a form: each key looked up in the keymap and
//! turned into a change of the model and the commands it needs.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::domain::types::Channel;
use crate::ui::app::{App, Cmd, Screen};
use crate::ui::form::intake::intake_form;
use crate::ui::keymap::{Action, Context};
use crate::ui::widgets::text_field::TextField;

impl App {
    pub(crate) fn key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        self.message = None;
        // Ctrl-C quits from anywhere, a form included (its draft is kept:
        // the run loop writes it on the way out).
        if key.code == KeyCode::Char('c')
            && key
                .modifiers
                .contains(ratatui::crossterm::event::KeyModifiers::CONTROL)
        {
            self.quit = true;
            return Vec::new();
        }
        if self.help {
            self.help = false;
            return Vec::new();
        }
        if let Some(draft) = self.offered.take() {
            return self.answer_offer(key, draft);
        }
        if matches!(self.screen, Screen::Form(_)) {
            return self.form_key(key);
        }
        if let Some(at) = self.choosing_channel.take() {
            let n = Channel::ALL.len();
            let channel = match key.code {
                KeyCode::Char(c @ '1'..='6') => {
                    Channel::ALL.get(usize::from(c as u8 - b'1')).copied()
                }
                KeyCode::Enter => Channel::ALL.get(at).copied(),
                KeyCode::Right | KeyCode::Down | KeyCode::Tab => {
                    self.choosing_channel = Some((at + 1) % n);
                    None
                }
                KeyCode::Left | KeyCode::Up | KeyCode::BackTab => {
                    self.choosing_channel = Some((at + n - 1) % n);
                    None
                }
                _ => None,
            };
            if let Some(channel) = channel {
                self.screen = Screen::Form(Box::new(intake_form(
                    channel,
                    self.lang,
                    self.today,
                    self.offset,
                    &self.categories,
                )));
            } else if self.choosing_channel.is_none() && self.home_dashboard {
                // Cancelled: back to the leader's dashboard.
                return self.go_home();
            }
            return Vec::new();
        }
        if self.doc.is_some() && matches!(self.screen, Screen::Case(_)) {
            return self.doc_key(key);
        }
        if let Screen::Case(c) = &self.screen
            && self.keys.lookup(Context::Case, &key) == Some(Action::Document)
        {
            let id = c.row.case.id;
            return self.open_documents(id);
        }
        if let Screen::Case(c) = &self.screen
            && let Some(op) = self.keys.lookup(Context::Case, &key).and_then(|a| a.op())
        {
            let row = c.row.clone();
            return self.try_action(op, &row);
        }
        // A focused text field takes printable keys before any shortcut, so
        // typing q or j in a name never quits or moves.
        if let (Screen::Queue, Some(field)) = (&self.screen, &mut self.queue.search) {
            match key.code {
                KeyCode::Esc => {
                    self.queue.search = None;
                    self.queue.page_starts.clear();
                    return vec![self.load(None)];
                }
                KeyCode::Enter => return self.open_selected(),
                KeyCode::Down => {
                    self.queue.selected =
                        (self.queue.selected + 1).min(self.queue.rows.len().saturating_sub(1))
                }
                KeyCode::Up => self.queue.selected = self.queue.selected.saturating_sub(1),
                KeyCode::Backspace => {
                    field.backspace();
                    return self.search_cmd();
                }
                KeyCode::Delete => {
                    field.delete();
                    return self.search_cmd();
                }
                KeyCode::Left => field.left(),
                KeyCode::Right => field.right(),
                KeyCode::Home => field.home(),
                KeyCode::End => field.end(),
                KeyCode::Char(c)
                    if !key
                        .modifiers
                        .contains(ratatui::crossterm::event::KeyModifiers::CONTROL) =>
                {
                    field.insert(c.encode_utf8(&mut [0; 4]));
                    return self.search_cmd();
                }
                _ => {}
            }
            return Vec::new();
        }
        let Some(action) = self.keys.lookup(self.context(), &key) else {
            return Vec::new();
        };
        match (action, &mut self.screen) {
            (Action::Quit, _) => {
                self.quit = true;
                Vec::new()
            }
            (Action::Help, _) => {
                self.help = true;
                Vec::new()
            }
            (Action::Refresh, Screen::Case(c)) => vec![Cmd::OpenCase(c.row.case.id)],
            (Action::Refresh, Screen::Queue) => self.reload(),
            (Action::SwitchView, Screen::Queue) => {
                self.home_dashboard = true;
                self.go_home()
            }
            (Action::Charts, Screen::Queue | Screen::Dashboard) => {
                self.screen = Screen::Charts;
                vec![Cmd::LoadCharts]
            }
            (Action::Back, Screen::Charts) => self.go_home(),
            (Action::Report, Screen::Queue | Screen::Dashboard | Screen::Charts) => {
                self.open_report()
            }
            (action, Screen::Report) => self.report_key(action),
            (Action::Settings, Screen::Queue | Screen::Dashboard) => {
                self.screen = Screen::Settings;
                vec![Cmd::LoadDirectory]
            }
            (action, Screen::Settings) => self.settings_key(action),
            (Action::Reception, Screen::Queue | Screen::Dashboard) => {
                self.screen = Screen::Reception;
                vec![Cmd::LoadReception]
            }
            (action, Screen::Reception) => self.reception_key(action),
            (Action::Refresh, Screen::Charts) => vec![Cmd::LoadCharts],
            (action, Screen::Dashboard) => self.dashboard_key(action),
            (Action::Back, Screen::Case(_)) if self.home_dashboard => self.go_home(),
            (Action::Back, Screen::Case(_)) => {
                self.screen = Screen::Queue;
                // Back to what the queue showed: the search results, if a
                // search is open, else the current page.
                match self.queue.search {
                    Some(_) => {
                        let mut cmds = vec![Cmd::LoadCounts];
                        cmds.extend(self.search_cmd());
                        cmds
                    }
                    None => self.reload(),
                }
            }
            (Action::Down, Screen::Case(c)) => {
                c.scroll = c.scroll.saturating_add(1);
                Vec::new()
            }
            (Action::Up, Screen::Case(c)) => {
                c.scroll = c.scroll.saturating_sub(1);
                Vec::new()
            }
            (Action::Down, Screen::Queue) => {
                if self.queue.selected + 1 < self.queue.rows.len() {
                    self.queue.selected += 1;
                    Vec::new()
                } else {
                    self.next_page()
                }
            }
            (Action::Up, Screen::Queue) => {
                if self.queue.selected > 0 {
                    self.queue.selected -= 1;
                    Vec::new()
                } else {
                    self.prev_page(true)
                }
            }
            (Action::PageDown, Screen::Queue) => self.next_page(),
            (Action::PageUp, Screen::Queue) => self.prev_page(false),
            (Action::Open, Screen::Queue) => self.open_selected(),
            (Action::New, Screen::Queue) => self.new_intake(),
            (Action::Search, Screen::Queue) => {
                self.queue.search = Some(TextField::default());
                Vec::new()
            }
            (Action::Filter, Screen::Queue) => {
                self.filter = self.filter.next();
                self.first_page()
            }
            (Action::FilterChannel, Screen::Queue) => {
                self.view.channel = self.view.next_channel();
                self.first_page()
            }
            (Action::Mine, Screen::Queue) => {
                self.view.mine = !self.view.mine;
                self.first_page()
            }
            (Action::Sort, Screen::Queue) => {
                self.view.sort = self.view.next_sort();
                self.first_page()
            }
            _ => Vec::new(),
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
            _ => self.choosing_channel = Some(0),
        }
        Vec::new()
    }

    fn first_page(&mut self) -> Vec<Cmd> {
        self.queue.page_starts.clear();
        self.queue.selected = 0;
        vec![self.load(None)]
    }

    fn next_page(&mut self) -> Vec<Cmd> {
        match self.queue.next.clone() {
            Some(next) => {
                self.queue.selected = 0;
                vec![self.load(Some(next))]
            }
            None => Vec::new(),
        }
    }

    fn prev_page(&mut self, to_last_row: bool) -> Vec<Cmd> {
        if self.queue.page_starts.len() < 2 {
            return Vec::new();
        }
        self.queue.page_starts.pop();
        let start = self.queue.page_starts.pop().flatten();
        self.queue.selected = if to_last_row { self.page_size - 1 } else { 0 };
        vec![self.load(start)]
    }

    fn open_selected(&mut self) -> Vec<Cmd> {
        match self.queue.rows.get(self.queue.selected) {
            Some(r) => vec![Cmd::OpenCase(r.case.id)],
            None => Vec::new(),
        }
    }
}
