//! 积案 (the leader's screen): every case the office's rule or a leader's mark makes 积案,
//! with why, its 包案领导, 专班, last 会商 and progress; and the small entry that marks a
//! case, names its leader or team, records a 会商 or a line of progress. Every change goes
//! through `Store::change_backlog` (`domain::backlog::apply`), as `xinfang backlog` does.

mod update;
pub mod view;

use crate::domain::backlog::{BacklogAct, BacklogChange, Meeting};
use crate::store::BacklogRow;
pub use crate::strings::backlog_screen::Ask;
use crate::ui::widgets::text_field::TextField;

/// One line of the entry: what it asks, and what was typed.
#[derive(Debug, Clone)]
pub struct Slot {
    pub ask: Ask,
    pub field: TextField,
}

/// The entry open over the list: one change of one case's file.
#[derive(Debug, Clone)]
pub struct Entry {
    pub act: BacklogAct,
    /// The case, as `CaseRef::parse` reads it (a number or an id); typed for a mark.
    pub case: String,
    pub slots: Vec<Slot>,
    pub focus: usize,
}

impl Entry {
    /// The entry for `act` on `case` (blank: asked for), the date prefilled with `today`.
    pub fn new(act: BacklogAct, case: Option<String>, today: chrono::NaiveDate) -> Entry {
        let asks: &[Ask] = match act {
            BacklogAct::Mark => &[Ask::Reason],
            BacklogAct::Leader => &[Ask::Leader],
            BacklogAct::Team => &[Ask::Members],
            BacklogAct::Meeting => &[Ask::Date, Ask::Participants, Ask::Conclusion],
            BacklogAct::Progress => &[Ask::Note],
        };
        let mut slots: Vec<Slot> = Vec::new();
        if case.is_none() {
            slots.push(Slot {
                ask: Ask::Case,
                field: TextField::new(""),
            });
        }
        slots.extend(asks.iter().map(|&ask| Slot {
            ask,
            field: TextField::new(&if ask == Ask::Date {
                today.to_string()
            } else {
                String::new()
            }),
        }));
        Entry {
            act,
            case: case.unwrap_or_default(),
            slots,
            focus: 0,
        }
    }

    fn value(&self, ask: Ask) -> &str {
        self.slots
            .iter()
            .find(|s| s.ask == ask)
            .map_or("", |s| s.field.value().trim())
    }

    /// Names typed apart by 、，, or spaces.
    fn names(&self, ask: Ask) -> Vec<String> {
        self.value(ask)
            .split(|c: char| matches!(c, '、' | '，' | ',' | '；' | ';') || c.is_whitespace())
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// The case and the change the entry says; Err(the slot) for a date that does not read.
    pub fn change(&self) -> Result<(String, BacklogChange), Ask> {
        let case = match self.slots.iter().any(|s| s.ask == Ask::Case) {
            true => self.value(Ask::Case).to_owned(),
            false => self.case.clone(),
        };
        let change = match self.act {
            BacklogAct::Mark => BacklogChange::Mark {
                reason: self.value(Ask::Reason).to_owned(),
            },
            BacklogAct::Leader => BacklogChange::Leader {
                name: self.value(Ask::Leader).to_owned(),
            },
            BacklogAct::Team => BacklogChange::Team {
                members: self.names(Ask::Members),
            },
            BacklogAct::Meeting => BacklogChange::Meeting(Meeting {
                on: self.value(Ask::Date).parse().map_err(|_| Ask::Date)?,
                participants: self.names(Ask::Participants),
                conclusion: self.value(Ask::Conclusion).to_owned(),
            }),
            BacklogAct::Progress => BacklogChange::Progress {
                note: self.value(Ask::Note).to_owned(),
            },
        };
        Ok((case, change))
    }
}

#[derive(Debug, Clone, Default)]
pub struct BacklogScreen {
    pub rows: Vec<BacklogRow>,
    pub selected: usize,
    pub entry: Option<Entry>,
    /// Loaded at least once (an empty list says so only then).
    pub loaded: bool,
    /// The office's rule: days past a clock, repeat petitions (0: no repeat rule).
    pub rule: (u32, u32),
}

impl BacklogScreen {
    pub fn selected_row(&self) -> Option<&BacklogRow> {
        self.rows.get(self.selected)
    }

    /// New rows: the cursor stays on its case where it still is.
    pub fn refill(&mut self, rows: Vec<BacklogRow>) {
        let was = self.selected_row().map(|r| r.row.case.id);
        self.rows = rows;
        self.loaded = true;
        let n = self.rows.len();
        self.selected = was
            .and_then(|id| self.rows.iter().position(|r| r.row.case.id == id))
            .unwrap_or(self.selected.min(n.saturating_sub(1)));
    }
}
