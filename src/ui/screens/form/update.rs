//! The desk's update for forms: keys in a form, the case screen's actions
//! (allowed, or greyed with the reason), drafts offered at start.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::domain::op::Op;
use crate::domain::rules::Operator;
use crate::domain::types::Role;
use crate::domain::workflow::{refusal, refusal_on};
use crate::store::CaseRow;
use crate::strings::form::FieldKey as K;
use crate::strings::{errors, form as t};
use crate::ui::app::{App, Cmd, FormScreen, Kept, Screen, StartDraft};
use crate::ui::form::action::action_form;
use crate::ui::form::draft::{Draft, DraftOf};
use crate::ui::form::intake::intake_form;
use crate::ui::form::{Form, Outcome, Purpose};

/// Stands in for the operator when none is chosen: may do nothing.
fn nobody() -> Operator {
    Operator {
        name: String::new(),
        role: Role::Clerk,
        department: None,
        active: false,
        unit: None,
        department_wide: false,
    }
}

impl App {
    /// Why the operator may not give `op` on this case now, in words.
    pub fn why_not(&self, row: &CaseRow, op: Op) -> Option<String> {
        let actor = self.operator.clone().unwrap_or_else(nobody);
        if self.operator.is_none() {
            return Some(t::no_operator(self.lang).to_owned());
        }
        refusal(&row.case, op, &actor)
            .or_else(|| refusal_on(&row.case, &row.clocks, op, self.today))
            .map(|e| errors::workflow(self.lang, &e))
    }

    /// The step the operator gives with `op`'s key on `row`: `e` is the leader's extension,
    /// for the handler it asks for one; `i` with no opinion awaiting a 批示 is 阅批, the
    /// leader's word on the matter itself.
    pub(crate) fn as_given(&self, op: Op, row: &CaseRow) -> Op {
        match op {
            Op::Extend if !self.leader() => Op::AskExtension,
            Op::Instruct
                if !row.case.awaiting_instruction() && self.why_not(row, Op::Sign).is_none() =>
            {
                Op::Sign
            }
            _ => op,
        }
    }

    pub(crate) fn try_action(&mut self, op: Op, row: &CaseRow) -> Vec<Cmd> {
        let op = self.as_given(op, row);
        if let Some(why) = self.why_not(row, op) {
            self.message = Some(why);
            return Vec::new();
        }
        self.open_action(op, row);
        Vec::new()
    }

    pub(crate) fn open_action(&mut self, op: Op, row: &CaseRow) {
        let form = action_form(
            op,
            row,
            &self.directory,
            self.lang,
            self.today,
            self.clock.offset(),
        );
        self.step_from_dashboard = matches!(self.screen, Screen::Dashboard(_));
        self.show(Screen::Form(Box::new(FormScreen::new(form))));
    }

    /// The answer to "restore the draft?": Enter or y restores, Esc drops
    /// it; other keys leave the question open.
    pub(crate) fn answer_offer(&mut self, key: KeyEvent, draft: Draft) -> Vec<Cmd> {
        match key.code {
            KeyCode::Enter | KeyCode::Char('y' | 'Y') => match &draft.of {
                DraftOf::Intake(channel) => {
                    let mut form = intake_form(
                        *channel,
                        self.lang,
                        self.today,
                        self.clock.offset(),
                        &self.categories,
                    );
                    form.restore(&draft);
                    self.show(Screen::Form(Box::new(FormScreen::new(form))));
                    self.after_form_change()
                }
                DraftOf::Action { case_id, .. } => {
                    let id = *case_id;
                    self.start_draft = Some(StartDraft::Restoring(draft));
                    vec![Cmd::OpenCase(id)]
                }
                DraftOf::Settings => vec![Cmd::DropDraft(draft.slot())],
            },
            // Only Esc drops it: `n` (the next new intake) must not.
            KeyCode::Esc => vec![Cmd::DropDraft(draft.slot())],
            _ => {
                self.start_draft = Some(StartDraft::Offered(draft));
                Vec::new()
            }
        }
    }

    pub(crate) fn form_key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        let Screen::Form(form) = &mut self.screen else {
            return Vec::new();
        };
        let action = self.keys.lookup(form.keys(), &key);
        form.form.now = Some(self.clock.now().naive_local());
        let before = form.draft();
        let outcome = form.key(key, action);
        let changed = form.draft() != before;
        match outcome {
            Outcome::Stay => {
                if form.confirm_discard {
                    self.message = Some(t::discard_prompt(self.lang).to_owned());
                }
                if changed {
                    return self.after_form_change();
                }
                Vec::new()
            }
            Outcome::Refused(why) => {
                self.message = Some(why);
                Vec::new()
            }
            Outcome::Copied(what) => {
                self.message = Some(what);
                form.draft_due = true;
                Vec::new()
            }
            Outcome::Linked(name) => {
                self.message = Some(t::linked_to(self.lang, &name));
                form.draft_due = true;
                Vec::new()
            }
            Outcome::Cancel => self.cancel_form(),
            Outcome::Attach(id) => vec![Cmd::Attach {
                id,
                input: Box::new(form.to_input()),
            }],
            // Told once more, in words that say the save waits, and the form stays as
            // typed: Ctrl-S again saves.
            Outcome::Save if form.stale.take().is_some() => {
                self.message = Some(crate::strings::desk::save_again(self.lang).to_owned());
                Vec::new()
            }
            Outcome::Save => {
                // A new person can sign in only with a passphrase: once they are saved, the
                // leader is asked for a one-time one (see `Msg::SettingsSaved`).
                self.give_passphrase_to = match (&form.purpose, form.to_operator()) {
                    (Purpose::Person(None), Some(o)) if o.active => Some(o.name),
                    _ => None,
                };
                save_cmds(form)
            }
        }
    }

    /// The form was left unsaved: back where it was opened from.
    fn cancel_form(&mut self) -> Vec<Cmd> {
        let Screen::Form(form) = &self.screen else {
            return Vec::new();
        };
        let back = match &form.purpose {
            Purpose::Action { case_id, .. } => Some(Cmd::OpenCase(*case_id)),
            Purpose::Intake(_) => None,
            Purpose::Person(_) | Purpose::Department | Purpose::Office | Purpose::Import => {
                self.bring(Kept::Settings);
                return Vec::new();
            }
            Purpose::Reception | Purpose::Schedule => {
                self.bring(Kept::Reception);
                return Vec::new();
            }
        };
        let mut cmds = self.leave_form();
        if self.back_to_dashboard(&mut cmds) {
            return cmds;
        }
        match back {
            Some(open) => cmds.push(open),
            None => cmds.extend(self.go_home()),
        }
        cmds
    }

    /// A form changed: its draft is due, and the repeat panel may need to
    /// look again.
    pub(crate) fn after_form_change(&mut self) -> Vec<Cmd> {
        let Screen::Form(form) = &mut self.screen else {
            return Vec::new();
        };
        form.draft_due = true;
        let query = form.repeat_query();
        if query == form.repeat_asked {
            return Vec::new();
        }
        form.repeat_asked = query.clone();
        match query {
            Some(q) => vec![Cmd::Repeats(q)],
            None => {
                form.repeats = Default::default();
                Vec::new()
            }
        }
    }
}

/// What saving `form` asks of the store.
fn save_cmds(form: &Form) -> Vec<Cmd> {
    match form.purpose {
        Purpose::Intake(_) => vec![Cmd::Intake(Box::new(form.to_input()))],
        Purpose::Action {
            case_id, version, ..
        } => match form.to_command() {
            Some(command) => vec![Cmd::Execute {
                id: case_id,
                version,
                command: Box::new(command),
            }],
            None => Vec::new(),
        },
        Purpose::Person(_) => form
            .to_operator()
            .map(|o| Cmd::PutOperator(Box::new(o)))
            .into_iter()
            .collect(),
        Purpose::Office => vec![Cmd::PutOffice(Box::new(form.to_office_profile()))],
        Purpose::Import => vec![Cmd::PlanImport(Box::new(form.to_import_request()))],
        Purpose::Department => form
            .text(K::DepartmentName)
            .map(Cmd::PutDepartment)
            .into_iter()
            .collect(),
        Purpose::Schedule => form
            .to_reception_day()
            .map(|d| Cmd::PutReceptionDay(Box::new(d)))
            .into_iter()
            .collect(),
        Purpose::Reception => form
            .to_reception_record()
            .map(|(rec, case)| Cmd::AddReception(Box::new(rec), case))
            .into_iter()
            .collect(),
    }
}
