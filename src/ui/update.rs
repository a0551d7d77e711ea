//! The desk's pure `update`: a message in, the model changed, commands for
//! the store out. Each message goes to the screen it concerns.

use ratatui::crossterm::event::KeyEventKind;

use crate::domain::documents::DocKind;
use crate::domain::op::Op;
use crate::store::CaseRow;
use crate::strings::{form as said, report_screen};
use crate::ui::app::{App, Cmd, Kept, Msg, Screen, StartDraft};
use crate::ui::form::intake::RepeatQuery;
use crate::ui::screens::documents::DocCmd;

impl App {
    pub fn update(&mut self, msg: Msg) -> Vec<Cmd> {
        let msg = match self.lock_msg(msg) {
            std::ops::ControlFlow::Break(cmds) => return cmds,
            std::ops::ControlFlow::Continue(msg) => msg,
        };
        match msg {
            // Only presses: Windows terminals also send releases, which
            // would double every character.
            Msg::Key(key) if key.kind != KeyEventKind::Press => Vec::new(),
            Msg::Key(key) if self.lock.is_some() => self.lock_key(key),
            Msg::Key(key) => {
                self.last_input = Some(self.clock.now());
                self.key(key)
            }
            Msg::Paste(text) => self.paste(&text),
            // Taken by `lock_msg` above.
            Msg::Tick | Msg::Unlocked | Msg::UnlockRefused(_) | Msg::PassphraseSet { .. } => {
                Vec::new()
            }
            Msg::Resize { rows } => self.resize(rows),
            Msg::Page { rows, start } => self.on_page(rows, start),
            Msg::Found(rows) => self.on_found(rows),
            Msg::Case(view) => self.on_case(*view),
            Msg::Counts(c) => {
                self.counts = c;
                Vec::new()
            }
            // A refusal keeps the form and all it holds; the message says why.
            Msg::Failed(m) => {
                self.give_passphrase_to = None;
                self.say(m)
            }
            Msg::Idle => Vec::new(),
            Msg::Document(m) => self.doc_msg(*m),
            Msg::Reception(days, records) => self.on_reception(days, records),
            Msg::ReceptionSaved => {
                self.message = Some(said::saved_settings(self.lang).to_owned());
                self.bring(Kept::Reception);
                vec![Cmd::LoadReception]
            }
            Msg::SettingsSaved => self.on_settings_saved(),
            Msg::Saved { id, note } => self.on_saved(id, note),
            Msg::Applied { id, op, done, note } => self.on_applied(id, op, done, note),
            Msg::Attached { id, case_no } => self.on_attached(id, &case_no),
            Msg::Directory(d) => {
                self.directory = d;
                Vec::new()
            }
            Msg::OfficeJournal(events) => self.on_office_journal(events),
            Msg::Import(view) => self.on_import(*view),
            Msg::Repeats { query, rows, flags } => self.on_repeats(query, rows, flags),
            Msg::Changed => self.on_changed(),
            Msg::CaseRefreshed(view) => self.on_case_refreshed(*view),
            Msg::CaseGone(id) => self.on_case_gone(id),
            Msg::Dashboard(d) => self.on_dashboard(*d),
            Msg::Charts(c) => {
                if let Screen::Charts(shown) = &mut self.screen {
                    *shown = c;
                }
                Vec::new()
            }
            Msg::Report(r) => self.on_report(r.0, &r.1),
            Msg::ReportList(page) => self.on_report_list(*page),
            Msg::ReportWritten(paths) => self.say(report_screen::written(self.lang, &paths)),
            Msg::Backlog(loaded) => self.on_backlog(*loaded),
            Msg::BacklogPage(page) => self.on_backlog_page(*page),
            Msg::Drafts(drafts) => {
                self.start_draft = drafts.into_iter().next().map(StartDraft::Offered);
                Vec::new()
            }
        }
    }

    /// An item attached to a case (重复件): the case it joined, opened.
    fn on_attached(&mut self, id: i64, case_no: &str) -> Vec<Cmd> {
        self.message = Some(said::attached(self.lang, case_no));
        let mut cmds = self.leave_form();
        cmds.extend([Cmd::LoadCounts, Cmd::OpenCase(id)]);
        cmds
    }

    /// Back on the settings; a person just added is given a one-time passphrase there.
    fn on_settings_saved(&mut self) -> Vec<Cmd> {
        self.message = Some(said::saved_settings(self.lang).to_owned());
        self.bring(Kept::Settings);
        if let Some(name) = self.give_passphrase_to.take() {
            let mut dialog = crate::ui::screens::signin::SignIn::new(vec![name], None);
            dialog.reset = true;
            dialog.ask_new();
            self.pass_dialog = Some(dialog);
        }
        vec![Cmd::LoadDirectory]
    }

    fn on_reception(
        &mut self,
        days: Vec<crate::domain::reception::ReceptionDay>,
        records: Vec<crate::store::StoredRecord>,
    ) -> Vec<Cmd> {
        if let Some(r) = self.reception_mut() {
            (r.days, r.records) = (days, records);
        }
        Vec::new()
    }

    /// The office journal for the settings screen, newest first.
    fn on_office_journal(&mut self, mut events: Vec<crate::store::OfficeEvent>) -> Vec<Cmd> {
        if let Screen::Settings(s) = &mut self.screen {
            events.reverse();
            s.journal = Some(events);
            s.selected = 0;
        }
        Vec::new()
    }

    fn say(&mut self, message: String) -> Vec<Cmd> {
        self.message = Some(message);
        Vec::new()
    }

    /// Pasted text goes to the focused field: the form's, or the queue's search line.
    fn paste(&mut self, text: &str) -> Vec<Cmd> {
        if let Screen::Form(f) = &mut self.screen {
            f.paste(text);
            return self.after_form_change();
        }
        if let Screen::Queue(q) = &mut self.screen
            && let Some(field) = &mut q.search
        {
            field.insert(text);
            return self.search_cmd();
        }
        self.backlog_paste(text);
        Vec::new()
    }

    /// The dashboard as read; read once more, deeper, where a list is drawn deeper than it
    /// was read.
    fn on_dashboard(&mut self, d: crate::store::Dashboard) -> Vec<Cmd> {
        let rows = self.rows;
        let Some(dash) = self.dash_mut() else {
            return Vec::new();
        };
        dash.take_read(d);
        if dash.deepen_to_draw(rows) {
            return vec![Cmd::LoadDashboard];
        }
        Vec::new()
    }

    fn resize(&mut self, rows: u16) -> Vec<Cmd> {
        let before = self.page_size;
        self.fit_rows(rows);
        // A taller screen draws the dashboard's lists deeper than they were loaded.
        let mut cmds = Vec::new();
        if let Screen::Dashboard(d) = &mut self.screen
            && d.deepen_to_draw(rows)
        {
            cmds.push(Cmd::LoadDashboard);
        }
        // Nothing loaded yet (before `start`): nothing to reload.
        let loaded = !self.queue().page_starts.is_empty();
        if self.page_size != before && loaded && self.queue().search.is_none() {
            cmds.extend(self.reload());
        }
        cmds
    }

    /// An intake was committed: straight to the new case, the clerk decides next (d).
    fn on_saved(&mut self, id: i64, note: Option<String>) -> Vec<Cmd> {
        let saved = said::saved_intake(self.lang, id);
        self.message = Some(match note {
            Some(n) => format!("{saved}；{n}"),
            None => saved,
        });
        let mut cmds = self.leave_form();
        if let Some(q) = self.queue_mut() {
            q.page_starts.clear();
            q.selected = 0;
        }
        cmds.extend([Cmd::LoadCounts, self.load(None), Cmd::OpenCase(id)]);
        cmds
    }

    fn on_applied(
        &mut self,
        id: i64,
        op: Op,
        done: Option<String>,
        note: Option<String>,
    ) -> Vec<Cmd> {
        let done = done.map_or_else(
            || said::applied(self.lang, op),
            |d| said::done(self.lang, &d),
        );
        self.message = Some(match note {
            Some(n) => format!("{done}；{n}"),
            None => done,
        });
        let mut cmds = self.leave_form();
        cmds.push(Cmd::LoadCounts);
        // On archive the case file (案卷) is made: volume number,
        // cover, contents, every document, the timeline.
        if op == Op::Archive {
            cmds.push(Cmd::Document(DocCmd::Issue {
                case_id: id,
                kind: DocKind::CaseFile,
                basis: None,
            }));
        }
        if !self.back_to_dashboard(&mut cmds) {
            cmds.push(Cmd::OpenCase(id));
        }
        cmds
    }

    /// 积案 loaded: the list refilled (an open entry kept), or closed once its change saved.
    fn on_backlog_page(&mut self, page: crate::ui::screens::backlog::Page) -> Vec<Cmd> {
        if let Screen::Backlog(b) = &mut self.screen {
            b.take(page);
        }
        Vec::new()
    }

    fn on_backlog(&mut self, loaded: crate::ui::screens::backlog::Loaded) -> Vec<Cmd> {
        let crate::ui::screens::backlog::Loaded {
            ids,
            selected,
            page,
            rule,
            saved,
        } = loaded;
        if let Screen::Backlog(b) = &mut self.screen {
            b.refill(ids, selected, page);
            b.rule = rule;
            if saved {
                b.entry = None;
                self.message = Some(crate::strings::backlog_screen::saved(self.lang).to_owned());
            }
        }
        Vec::new()
    }

    /// The repeat panel's rows, if the form still asks what they answer.
    fn on_repeats(
        &mut self,
        query: RepeatQuery,
        rows: Vec<CaseRow>,
        flags: Vec<crate::domain::flags::PersonFlag>,
    ) -> Vec<Cmd> {
        if let Screen::Form(f) = &mut self.screen
            && f.repeat_query().as_ref() == Some(&query)
        {
            let mut rows = rows;
            f.repeats.more = rows.len() > crate::ui::form::EARLIER_SHOWN;
            rows.truncate(crate::ui::form::EARLIER_SHOWN);
            f.repeats.name_only = matches!(query, RepeatQuery::Name(_));
            f.repeats.selected = f.repeats.selected.min(rows.len().saturating_sub(1));
            f.repeats.rows = rows;
            f.repeats.flags = flags;
        }
        Vec::new()
    }
}
