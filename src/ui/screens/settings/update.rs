//! 人员和部门: the office's operators and departments, changed from the
//! desk by a leader (others may look).

use crate::domain::audit::may_administer;
use crate::domain::op::Act;
use crate::domain::workflow::may_manage_office;
use crate::strings::errors;
use crate::ui::app::{App, Cmd, FormScreen, Screen};
use crate::ui::form::office::office_form;
use crate::ui::form::people::{department_form, person_form};
use crate::ui::keymap::Action;

impl App {
    /// Rows of the settings list: the operators, then the departments.
    pub fn settings_rows(&self) -> usize {
        self.directory.operators.len() + self.directory.departments.len()
    }

    /// Refuses a change by someone who is not a leader, saying why.
    pub(crate) fn may_change(&mut self) -> bool {
        let refused = self.operator.as_ref().map(may_manage_office);
        match refused {
            Some(Ok(())) => true,
            Some(Err(e)) => {
                self.message = Some(errors::workflow(self.lang, &e));
                false
            }
            None => false,
        }
    }

    /// The office journal is a leader's to read: refused with the reason otherwise.
    fn may_audit(&mut self) -> bool {
        let refused = self
            .operator
            .as_ref()
            .map(|o| may_administer(o, Act::Audit));
        match refused {
            Some(Ok(())) => true,
            Some(Err(e)) => {
                self.message = Some(errors::workflow(self.lang, &e));
                false
            }
            None => false,
        }
    }

    /// Keys while the office journal is shown: move, and back to the directory.
    fn journal_key(&mut self, action: Action) -> Vec<Cmd> {
        let Screen::Settings(s) = &mut self.screen else {
            return Vec::new();
        };
        let n = s.journal.as_ref().map_or(0, Vec::len);
        match action {
            Action::Down => s.selected = (s.selected + 1).min(n.saturating_sub(1)),
            Action::Up => s.selected = s.selected.saturating_sub(1),
            Action::Refresh => return vec![Cmd::LoadOfficeJournal],
            Action::Back | Action::Journal => {
                s.journal = None;
                s.selected = 0;
            }
            _ => {}
        }
        Vec::new()
    }

    pub(crate) fn settings_key(&mut self, action: Action) -> Vec<Cmd> {
        if matches!(&self.screen, Screen::Settings(s) if s.journal.is_some()) {
            return self.journal_key(action);
        }
        if matches!(&self.screen, Screen::Settings(s) if s.import.is_some()) {
            return self.import_key(action);
        }
        if action == Action::Import {
            return self.open_import();
        }
        if action == Action::Journal {
            return if self.may_audit() {
                vec![Cmd::LoadOfficeJournal]
            } else {
                Vec::new()
            };
        }
        let n = self.settings_rows();
        let Screen::Settings(s) = &mut self.screen else {
            return Vec::new();
        };
        let selected = s.selected;
        let offset = self.clock.offset();
        let form = match action {
            Action::Down => {
                s.selected = (s.selected + 1).min(n.saturating_sub(1));
                None
            }
            Action::Up => {
                s.selected = s.selected.saturating_sub(1);
                None
            }
            Action::Back => return self.go_home(),
            Action::Refresh => return vec![Cmd::LoadDirectory],
            Action::New if self.may_change() => Some(person_form(
                None,
                &self.directory,
                self.lang,
                self.today,
                offset,
            )),
            Action::Office if self.may_change() => Some(office_form(
                &self.directory.office,
                self.lang,
                self.today,
                offset,
            )),
            Action::Passphrase => return self.open_pass_dialog(selected),
            Action::NewDepartment if self.may_change() => {
                Some(department_form(self.lang, self.today, offset))
            }
            Action::Open => {
                let person = self.directory.operators.get(selected).cloned();
                match person {
                    Some(o) if self.may_change() => Some(person_form(
                        Some(&o),
                        &self.directory,
                        self.lang,
                        self.today,
                        offset,
                    )),
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some(form) = form {
            self.show(Screen::Form(Box::new(FormScreen::new(form))));
        }
        Vec::new()
    }
}
