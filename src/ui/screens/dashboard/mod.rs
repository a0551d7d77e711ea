//! The leader's dashboard: its lists, moving through them, and the steps a
//! leader takes on the selected case without opening it first.

mod layout;
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
    /// 重点信访人 (leaders and clerks only: `domain::flags::may_see`).
    Flagged,
}

impl List {
    pub const ALL: [List; 9] = [
        List::Major,
        List::Overdue,
        List::DueSoon,
        List::Awaiting,
        List::Owned,
        List::Today,
        List::Groups,
        List::Repeaters,
        List::Flagged,
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
            List::Flagged => "flagged",
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
            List::Repeaters | List::Flagged => &[],
        }
    }

    /// The rows loaded.
    pub fn len(self, d: &Dashboard) -> usize {
        match self {
            List::Repeaters => d.repeaters.len(),
            List::Flagged => d.flagged.len(),
            other => other.cases(d).len(),
        }
    }

    /// The rows there are: what the title says.
    pub fn total(self, d: &Dashboard) -> usize {
        let t = &d.totals;
        let n = match self {
            List::Major => t.major,
            List::Overdue => t.overdue,
            List::DueSoon => t.due_soon,
            List::Awaiting => t.awaiting,
            List::Owned => t.owned,
            List::Today => t.today,
            List::Groups => t.groups,
            List::Repeaters => t.repeaters,
            List::Flagged => t.flagged,
        };
        usize::try_from(n).unwrap_or(0).max(self.len(d))
    }
}

/// Rows loaded of each list at first: more than a list is drawn with when all are long on a
/// screen up to 86 rows high (9 at 40); deeper where a list is drawn deeper
/// (`deepen_to_draw`), and as the cursor nears the end.
pub const DEPTH: usize = 20;
/// How near the loaded end the cursor may come, at a pause, before more is loaded.
const MARGIN: usize = 10;

#[derive(Debug, Clone, Default)]
pub struct DashboardScreen {
    pub data: Dashboard,
    /// Index into `List::ALL`.
    pub list: usize,
    pub selected: usize,
    /// Rows to load of each list (0: [`DEPTH`]).
    pub depth: usize,
    /// The depth the lists held were read at (0: none yet): a read that failed leaves it,
    /// so that the next asks again.
    pub read: usize,
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
            // A flag is on a person, not a case: nothing to open.
            List::Flagged => None,
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

    /// How many rows of each list to load.
    pub fn depth(&self) -> usize {
        self.depth.max(DEPTH)
    }

    /// Whether a list is drawn, on a screen `rows` high, deeper than it is loaded while it
    /// has more (a short list beside it gives it its rows, or the screen is tall): then the
    /// depth grows to the deepest drawn and the caller loads again.
    pub(crate) fn deepen_to_draw(&mut self, rows: u16) -> bool {
        let totals: Vec<usize> = List::ALL.iter().map(|l| l.total(&self.data)).collect();
        let drawn = layout::drawn_rows(&totals, rows);
        let short = List::ALL.iter().zip(&drawn).filter(|(l, n)| {
            let loaded = l.len(&self.data);
            **n > loaded && loaded < l.total(&self.data)
        });
        let deepest = short.map(|(_, n)| *n).max().unwrap_or(0);
        // Never again the depth read already: a list that gives fewer rows than its count
        // (a case out of the reader's sight) is not asked again for the same.
        if deepest > self.read.max(DEPTH) {
            self.depth = deepest;
            return true;
        }
        false
    }

    /// Whether the cursor is on the last row loaded of a list that has more (the next Down
    /// needs it): then the depth grows and the caller loads again, on the key's path.
    pub(crate) fn wants_more(&mut self) -> bool {
        self.deepen_near(1)
    }

    /// Whether the cursor came near the end of what is loaded of a list that has more: read
    /// at a pause in the keys (`runtime::idle`), so that the cursor seldom waits for it.
    pub(crate) fn wants_more_soon(&mut self) -> bool {
        self.deepen_near(MARGIN)
    }

    fn deepen_near(&mut self, near: usize) -> bool {
        let list = self.current();
        let loaded = list.len(&self.data);
        let read = self.read.max(DEPTH);
        let more = loaded < list.total(&self.data) && loaded >= read;
        if more && self.selected + near >= loaded {
            self.depth = read * 2;
            return true;
        }
        false
    }

    /// The lists as read at the depth asked for.
    pub(crate) fn take_read(&mut self, data: Dashboard) {
        self.read = self.depth();
        self.refill(data);
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

    /// What the cursor is on: a case by its id, a repeater by ID number.
    fn selected_key(&self) -> Option<Result<i64, String>> {
        match self.current() {
            List::Repeaters => self
                .data
                .repeaters
                .get(self.selected)
                .map(|r| Err(r.id_number.clone())),
            // Flags are numbered; a negative number keeps them apart from case ids.
            List::Flagged => self.data.flagged.get(self.selected).map(|f| Ok(-f.no)),
            _ => self.selected_case().map(|r| Ok(r.case.id)),
        }
    }

    /// New data: the cursor stays on its list and on the case it was on
    /// (rows above may have come or gone), else within the list's rows.
    pub fn refill(&mut self, data: Dashboard) {
        let was = self.selected_key();
        self.data = data;
        let n = self.current().len(&self.data);
        // The list is the same one, so an ID number is a repeater's.
        let found = match was {
            Some(Ok(id)) if self.current() == List::Flagged => {
                self.data.flagged.iter().position(|f| -f.no == id)
            }
            Some(Ok(id)) => self
                .current()
                .cases(&self.data)
                .iter()
                .position(|r| r.case.id == id),
            Some(Err(person)) => self
                .data
                .repeaters
                .iter()
                .position(|r| r.id_number == person),
            None => None,
        };
        if n == 0 {
            self.jump(true);
        } else {
            self.selected = found.unwrap_or(self.selected.min(n - 1));
        }
    }
}
