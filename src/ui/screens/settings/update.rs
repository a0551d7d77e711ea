//! 人员和部门: the office's operators and departments, changed from the
//! desk by a leader (others may look).

use crate::domain::workflow::may_manage_office;
use crate::strings::errors;
use crate::ui::app::{App, Cmd, Screen};
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

    pub(crate) fn settings_key(&mut self, action: Action) -> Vec<Cmd> {
        let n = self.settings_rows();
        match action {
            Action::Down => {
                self.settings_selected = (self.settings_selected + 1).min(n.saturating_sub(1))
            }
            Action::Up => self.settings_selected = self.settings_selected.saturating_sub(1),
            Action::Back => return self.go_home(),
            Action::Refresh => return vec![Cmd::LoadDirectory],
            Action::New if self.may_change() => {
                let form = person_form(None, &self.directory, self.lang, self.today, self.offset);
                self.screen = Screen::Form(Box::new(form));
            }
            Action::Office if self.may_change() => {
                let form = office_form(&self.directory.office, self.lang, self.today, self.offset);
                self.screen = Screen::Form(Box::new(form));
            }
            Action::NewDepartment if self.may_change() => {
                self.screen = Screen::Form(Box::new(department_form(
                    self.lang,
                    self.today,
                    self.offset,
                )));
            }
            Action::Open => {
                let person = self
                    .directory
                    .operators
                    .get(self.settings_selected)
                    .cloned();
                if let Some(o) = person
                    && self.may_change()
                {
                    let form = person_form(
                        Some(&o),
                        &self.directory,
                        self.lang,
                        self.today,
                        self.offset,
                    );
                    self.screen = Screen::Form(Box::new(form));
                }
            }
            _ => {}
        }
        Vec::new()
    }
}
