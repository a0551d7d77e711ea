//! Live desks (issue 17 point 3): when another process commits to the
//! ledger, the screen shown is read again without moving its cursor, and a
//! form is left as typed — only told, before it saves, that its case
//! changed meanwhile.

use crate::store::views::CaseView;
use crate::ui::app::{App, Cmd, Screen};
use crate::ui::form::Purpose;

impl App {
    /// Another desk committed: the counts and what the screen shows, again.
    pub(crate) fn on_changed(&mut self) -> Vec<Cmd> {
        let mut cmds = vec![Cmd::LoadCounts];
        match &self.screen {
            // The search's results stay as found (a search again would move
            // the cursor to the top); the page is read again.
            Screen::Queue(q) if q.search.is_none() => {
                cmds = self.reload();
            }
            Screen::Dashboard(_) => cmds.push(Cmd::LoadDashboard),
            Screen::Case(c) => cmds.push(Cmd::RefreshCase(c.row.case.id)),
            Screen::Form(f) => match f.purpose {
                Purpose::Action { case_id, .. } => cmds.push(Cmd::RefreshCase(case_id)),
                Purpose::Intake(_)
                | Purpose::Person(_)
                | Purpose::Office
                | Purpose::Department
                | Purpose::Schedule
                | Purpose::Reception
                | Purpose::Import => {}
            },
            Screen::Backlog(_) => cmds.push(Cmd::LoadBacklog),
            Screen::Queue(_)
            | Screen::Charts(_)
            | Screen::Settings(_)
            | Screen::Reception(_)
            | Screen::Report(_) => {}
        }
        cmds
    }

    /// The case read again: the case screen takes it where it was scrolled;
    /// a form on it, if the case moved on, is told so (and its next save is
    /// judged against the case as it now is, after one more Ctrl-S).
    pub(crate) fn on_case_refreshed(&mut self, view: CaseView) -> Vec<Cmd> {
        let lang = self.lang;
        match &mut self.screen {
            Screen::Case(c) if c.row.case.id == view.row.case.id => {
                c.row = view.row;
                c.events = view.events;
                c.rules = view.rules;
                c.links = view.links;
                c.others = view.others;
                c.views = view.views;
            }
            Screen::Form(f) => {
                if let Purpose::Action {
                    case_id, version, ..
                } = &mut f.form.purpose
                    && *case_id == view.row.case.id
                    && *version != view.row.version
                {
                    *version = view.row.version;
                    let last = view.events.last();
                    let note = crate::strings::desk::changed_meanwhile(
                        lang,
                        last.map_or("", |e| e.actor.as_str()),
                        last.map_or("", |e| crate::strings::labels::op(lang, &e.op)),
                    );
                    f.stale = Some(note.clone());
                    self.message = Some(note);
                }
            }
            Screen::Case(_)
            | Screen::Queue(_)
            | Screen::Dashboard(_)
            | Screen::Charts(_)
            | Screen::Settings(_)
            | Screen::Reception(_)
            | Screen::Report(_)
            | Screen::Backlog(_) => {}
        }
        Vec::new()
    }

    /// The case read again is no longer the reader's to see: its screen is closed, so that
    /// what it showed does not stay (2022 Art 30 第三款); a form on it is kept as typed (its
    /// save is refused, its text the typist's), told why.
    pub(crate) fn on_case_gone(&mut self, id: i64) -> Vec<Cmd> {
        self.message = Some(crate::strings::desk::case_gone(self.lang).to_owned());
        match &self.screen {
            Screen::Case(c) if c.row.case.id == id => self.go_home(),
            _ => Vec::new(),
        }
    }
}
