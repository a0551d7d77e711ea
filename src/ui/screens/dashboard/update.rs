//! The dashboard's keys: moving through its lists, and the steps a leader
//! takes on the selected case without opening it first.

use crate::domain::types::Role;
use crate::ui::app::{App, Cmd, Kept, Screen};
use crate::ui::keymap::Action;

impl App {
    /// Leaders open on the dashboard; everyone else on the queue.
    pub fn leader(&self) -> bool {
        self.operator
            .as_ref()
            .is_some_and(|o| o.role == Role::Leader)
    }

    pub(crate) fn dashboard_key(&mut self, action: Action) -> Vec<Cmd> {
        let Screen::Dashboard(d) = &mut self.screen else {
            return Vec::new();
        };
        match action {
            Action::Down => {
                d.down();
                if d.wants_more() {
                    return vec![Cmd::LoadDashboard];
                }
            }
            Action::Up => {
                // Up into the list above lands on its last row read: the next Down needs more.
                d.up();
                if d.wants_more() {
                    return vec![Cmd::LoadDashboard];
                }
            }
            Action::PageDown => d.jump(true),
            Action::PageUp => d.jump(false),
            Action::Open => {
                return d.selected_id().map(Cmd::OpenCase).into_iter().collect();
            }
            Action::Refresh => return vec![Cmd::LoadCounts, Cmd::LoadDashboard],
            // A leader receiving visitors takes them in as the clerk does.
            Action::New => {
                self.bring(Kept::Queue);
                return self.new_intake();
            }
            Action::SwitchView => {
                self.bring(Kept::Queue);
                self.home_dashboard = false;
                return self.reload();
            }
            // The queue's search, its line open: w comes back.
            Action::Search => {
                self.bring(Kept::Queue);
                self.home_dashboard = false;
                if let Screen::Queue(q) = &mut self.screen {
                    q.search = Some(crate::ui::widgets::text_field::TextField::default());
                }
                return self.reload();
            }
            step => match (step.op(), d.selected_case().cloned()) {
                (Some(op), Some(row)) => return self.try_action(op, &row),
                (Some(_), None) => {
                    self.message = Some(crate::strings::desk::select_a_case(self.lang).to_owned());
                }
                (None, _) => {}
            },
        }
        Vec::new()
    }
}

impl App {
    /// Back to where this operator works: the dashboard or the queue.
    pub(crate) fn go_home(&mut self) -> Vec<Cmd> {
        if self.home_dashboard {
            self.bring(Kept::Dashboard);
            vec![Cmd::LoadCounts, Cmd::LoadDashboard]
        } else {
            self.bring(Kept::Queue);
            self.reload()
        }
    }
}
