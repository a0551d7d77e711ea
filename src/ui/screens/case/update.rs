//! The case screen's keys: scrolling, the steps (allowed, or refused with
//! the reason), the documents panel, back to the list.

use super::CaseScreen;
use crate::domain::op::Op;
use crate::domain::workflow::undo::{Mark, may_undo};
use crate::store::CaseRow;
use crate::store::views::CaseView;
use crate::strings;
use crate::ui::app::{App, Cmd, Kept, Screen, StartDraft};
use crate::ui::form::draft::DraftOf;
use crate::ui::keymap::Action;

impl App {
    /// A case loaded: shown, and the step whose draft was restored opened over it.
    pub(crate) fn on_case(&mut self, view: CaseView) -> Vec<Cmd> {
        let restoring = self.take_start_draft(StartDraft::is_restoring);
        let draft_op = restoring.as_ref().and_then(|d| match &d.of {
            DraftOf::Action { case_id, op } if *case_id == view.row.case.id => Some(*op),
            _ => None,
        });
        let row = view.row.clone();
        self.show(Screen::Case(Box::new(CaseScreen::new(view))));
        if let (Some(op), Some(draft)) = (draft_op, restoring)
            && (op.is_step() || op == Op::Correct)
        {
            self.open_action(op, &row);
            if let Screen::Form(f) = &mut self.screen {
                f.restore(&draft);
            }
        }
        Vec::new()
    }

    /// 撤销: the operator's own last step, if the rule allows it now (its confirmation
    /// names the step), else the reason in words.
    fn offer_undo(&mut self, marks: &[Mark], row: &CaseRow) -> Vec<Cmd> {
        let me = self.operator.as_ref().map(|o| o.name.clone());
        let Some(me) = me else {
            return self.try_action(Op::Undo, row);
        };
        match may_undo(marks, &me, self.clock.now()) {
            Err(why) => self.message = Some(strings::undo::refusal(self.lang, &why)),
            Ok(mark) => {
                let at = mark.at.format("%H:%M").to_string();
                let offer = strings::undo::offer(self.lang, mark.op, &at);
                self.try_action(Op::Undo, row);
                self.message = Some(offer);
            }
        }
        Vec::new()
    }

    pub(crate) fn case_key(&mut self, action: Action) -> Vec<Cmd> {
        let Screen::Case(c) = &mut self.screen else {
            return Vec::new();
        };
        if action == Action::Document {
            return self.open_documents();
        }
        if action == Action::Undo {
            let marks: Vec<_> = c.events.iter().filter_map(|e| e.mark()).collect();
            let row = c.row.clone();
            return self.offer_undo(&marks, &row);
        }
        if let Some(op) = action.op() {
            let row = c.row.clone();
            return self.try_action(op, &row);
        }
        match action {
            Action::Refresh => vec![Cmd::OpenCase(c.row.case.id)],
            Action::Down => {
                c.scroll = c.scroll.saturating_add(1).min(c.scroll_max.get());
                Vec::new()
            }
            Action::Up => {
                c.scroll = c.scroll.saturating_sub(1);
                Vec::new()
            }
            Action::NextFile => {
                let count = c.row.case.attachments.len().max(1);
                c.file = (c.file + 1) % count;
                Vec::new()
            }
            Action::OpenFile => {
                let picked = c.row.case.attachments.get(c.file);
                match picked.filter(|f| f.removed.is_none()) {
                    Some(_) => vec![Cmd::OpenFile {
                        id: c.row.case.id,
                        n: u32::try_from(c.file + 1).unwrap_or(u32::MAX),
                    }],
                    None => {
                        let said = strings::attachments::nothing_to_open(self.lang);
                        self.message = Some(said.to_owned());
                        Vec::new()
                    }
                }
            }
            // Opened from 积案: back to it, its cursor on the case (read again: a step may
            // have changed the case's grounds).
            Action::Back if self.from_backlog.is_some() => {
                if let Some(b) = self.from_backlog.take() {
                    self.show(Screen::Backlog(b));
                }
                vec![Cmd::LoadBacklog]
            }
            Action::Back if self.home_dashboard => self.go_home(),
            Action::Back => {
                self.bring(Kept::Queue);
                // Back to what the queue showed: the search results, if a
                // search is open, else the current page.
                match self.queue().search {
                    Some(_) => {
                        let mut cmds = vec![Cmd::LoadCounts];
                        cmds.extend(self.search_cmd());
                        cmds
                    }
                    None => self.reload(),
                }
            }
            _ => Vec::new(),
        }
    }
}
