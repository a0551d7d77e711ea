//! 人员和部门: the office's operators and departments, changed from the
//! desk by a leader (others may look).

use super::app::{App, Cmd, Screen};
use super::form::office::office_form;
use super::form::people::{department_form, person_form, reception_form, schedule_form};
use super::keymap::Action;
use crate::domain::workflow::may_manage_office;
use crate::strings::errors;

impl App {
    /// Rows of the settings list: the operators, then the departments.
    pub fn settings_rows(&self) -> usize {
        self.directory.operators.len() + self.directory.departments.len()
    }

    /// Refuses a change by someone who is not a leader, saying why.
    fn may_change(&mut self) -> bool {
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

    pub(super) fn settings_key(&mut self, action: Action) -> Vec<Cmd> {
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

impl App {
    pub(super) fn reception_key(&mut self, action: Action) -> Vec<Cmd> {
        let leader = self
            .operator
            .as_ref()
            .filter(|o| o.role == crate::domain::types::Role::Leader)
            .map(|o| o.name.clone());
        match action {
            Action::Back => return self.go_home(),
            Action::Refresh => return vec![Cmd::LoadReception],
            Action::New => {
                let form = reception_form(
                    leader.as_deref(),
                    &self.directory,
                    self.lang,
                    self.today,
                    self.offset,
                );
                self.screen = Screen::Form(Box::new(form));
            }
            // The schedule is a leader's to set.
            Action::Schedule if self.may_change() => {
                let form = schedule_form(
                    leader.as_deref(),
                    &self.directory,
                    self.lang,
                    self.today,
                    self.offset,
                );
                self.screen = Screen::Form(Box::new(form));
            }
            _ => {}
        }
        Vec::new()
    }
}
