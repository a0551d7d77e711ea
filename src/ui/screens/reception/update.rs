//! 领导接待日's keys: a record of today's reception, the schedule (a leader's).

use crate::ui::app::{App, Cmd, FormScreen, Screen};
use crate::ui::form::people::{reception_form, schedule_form};
use crate::ui::keymap::Action;

impl App {
    pub(crate) fn reception_key(&mut self, action: Action) -> Vec<Cmd> {
        let leader = self
            .operator
            .as_ref()
            .filter(|o| o.role == crate::domain::types::Role::Leader)
            .map(|o| o.name.clone());
        let build = match action {
            Action::Back => return self.go_home(),
            Action::Refresh => return vec![Cmd::LoadReception],
            Action::New => reception_form,
            // The schedule is a leader's to set.
            Action::Schedule if self.may_change() => schedule_form,
            _ => return Vec::new(),
        };
        let form = build(
            leader.as_deref(),
            &self.directory,
            self.lang,
            self.today,
            self.clock.offset(),
        );
        self.show(Screen::Form(Box::new(FormScreen::new(form))));
        Vec::new()
    }
}
