//! The leader's dashboard: its lists, moving through them, and the steps a
//! leader takes on the selected case without opening it first.

mod update;
pub mod view;

use crate::store::{CaseRow, Dashboard};

/// The dashboard's lists, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Major,
    Overdue,
    DueSoon,
    Awaiting,
    Owned,
    Today,
    Groups,
    Repeaters,
}

impl List {
    pub const ALL: [List; 8] = [
        List::Major,
        List::Overdue,
        List::DueSoon,
        List::Awaiting,
        List::Owned,
        List::Today,
        List::Groups,
        List::Repeaters,
    ];

    pub fn code(self) -> &'static str {
        match self {
            List::Major => "major",
            List::Overdue => "overdue",
            List::DueSoon => "due_soon",
            List::Awaiting => "awaiting",
            List::Owned => "owned",
            List::Today => "today",
            List::Groups => "groups",
            List::Repeaters => "repeaters",
        }
    }

    /// The cases of this list (the repeaters' newest cases are opened by
    /// id: `case_ids`).
    pub fn cases(self, d: &Dashboard) -> &[CaseRow] {
        match self {
            List::Major => &d.major,
            List::Overdue => &d.overdue,
            List::DueSoon => &d.due_soon,
            List::Awaiting => &d.awaiting,
            List::Owned => &d.owned,
            List::Today => &d.today,
            List::Groups => &d.groups,
            List::Repeaters => &[],
        }
    }

    pub fn len(self, d: &Dashboard) -> usize {
        match self {
            List::Repeaters => d.repeaters.len(),
            other => other.cases(d).len(),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct DashboardScreen {
    pub data: Dashboard,
    /// Index into `List::ALL`.
    pub list: usize,
    pub selected: usize,
}

impl DashboardScreen {
    pub fn current(&self) -> List {
        List::ALL[self.list.min(List::ALL.len() - 1)]
    }

    /// The case the cursor is on, if it is a case row.
    pub fn selected_case(&self) -> Option<&CaseRow> {
        self.current().cases(&self.data).get(self.selected)
    }

    /// The id to open: the case, or a repeater's newest case.
    pub fn selected_id(&self) -> Option<i64> {
        match self.current() {
            List::Repeaters => self.data.repeaters.get(self.selected).map(|r| r.latest),
            _ => self.selected_case().map(|r| r.case.id),
        }
    }

    /// Moves to the next (or previous) list that has rows.
    pub(crate) fn jump(&mut self, forward: bool) {
        let n = List::ALL.len();
        for step in 1..=n {
            let i = if forward {
                (self.list + step) % n
            } else {
                (self.list + n * step - step) % n
            };
            if List::ALL[i].len(&self.data) > 0 {
                self.list = i;
                self.selected = 0;
                return;
            }
        }
    }

    pub(crate) fn down(&mut self) {
        if self.selected + 1 < self.current().len(&self.data) {
            self.selected += 1;
        } else {
            self.jump(true);
        }
    }

    pub(crate) fn up(&mut self) {
        if self.selected > 0 {
            self.selected -= 1;
        } else {
            let before = self.list;
            self.jump(false);
            if self.list != before {
                self.selected = self.current().len(&self.data).saturating_sub(1);
            }
        }
    }

    /// New data: the cursor stays on its list, within its rows.
    pub fn refill(&mut self, data: Dashboard) {
        self.data = data;
        let n = self.current().len(&self.data);
        if n == 0 {
            self.jump(true);
        } else {
            self.selected = self.selected.min(n - 1);
        }
    }
}
