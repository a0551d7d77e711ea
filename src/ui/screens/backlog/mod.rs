//! 积案 (the leader's screen): every case the office's rule or a leader's mark makes 积案,
//! with why, its 包案领导, 专班, last 会商 and progress; and the small entry that marks a
//! case, names its leader or team, records a 会商 or a line of progress. Every change goes
//! through `Store::change_backlog` (`domain::backlog::apply`), as `xinfang backlog` does.

pub(crate) mod run;
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
    /// Filled in by the entry (today's date) and not yet typed in: the first key typed
    /// replaces it, as in the step forms.
    pub pristine: bool,
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
                pristine: false,
            });
        }
        slots.extend(asks.iter().map(|&ask| Slot {
            ask,
            field: TextField::new(&if ask == Ask::Date {
                today.to_string()
            } else {
                String::new()
            }),
            pristine: ask == Ask::Date,
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

/// Cases loaded around the cursor: the list is paged, so that a million-case ledger's tens
/// of thousands of 积案 are counted from their ids and only these are read.
pub const WINDOW: usize = 200;
/// Rows the list may show above the cursor (a tall terminal's list).
const ABOVE: usize = 80;

#[derive(Debug, Clone, Default)]
pub struct BacklogScreen {
    /// Every 积案 the reader may see, in order (`Store::backlog_ids`).
    pub ids: Vec<i64>,
    /// The rows of `ids[first..]` loaded, at most `WINDOW` (one the reader may no longer
    /// see is missing: its line waits for the next load).
    pub rows: Vec<BacklogRow>,
    /// The loaded range of `ids`: `first..upto`.
    pub first: usize,
    pub upto: usize,
    pub selected: usize,
    /// The first row shown: the list scrolls only when the cursor leaves the page.
    pub top: usize,
    pub entry: Option<Entry>,
    /// Loaded at least once (an empty list says so only then).
    pub loaded: bool,
    /// The office's rule: days past a clock, repeat petitions (0: no repeat rule).
    pub rule: (u32, u32),
}

impl BacklogScreen {
    pub fn selected_row(&self) -> Option<&BacklogRow> {
        self.row_at(self.selected)
    }

    /// The row of the `k`th 积案, if loaded.
    pub fn row_at(&self, k: usize) -> Option<&BacklogRow> {
        let id = *self.ids.get(k)?;
        self.rows.iter().find(|r| r.row.case.id == id)
    }

    /// Where the cursor goes in a new list `ids`: on its case where it still is.
    pub fn place(&self, ids: &[i64]) -> usize {
        let was = self.ids.get(self.selected);
        was.and_then(|id| ids.iter().position(|i| i == id))
            .unwrap_or(self.selected.min(ids.len().saturating_sub(1)))
    }

    /// The first row shown on a page of `rows` rows: where it was, unless the cursor left
    /// the page (then the page moves just far enough to hold it); never past a full page
    /// from the end.
    pub fn top_for(&self, rows: usize) -> usize {
        let rows = rows.max(1);
        let top = if self.selected < self.top {
            self.selected
        } else if self.selected >= self.top + rows {
            self.selected + 1 - rows
        } else {
            self.top
        };
        top.min(self.ids.len().saturating_sub(rows))
    }

    /// New ids with the rows loaded around `selected`.
    pub fn refill(&mut self, ids: Vec<i64>, selected: usize, page: Page) {
        self.ids = ids;
        self.selected = selected;
        self.take(page);
        self.loaded = true;
    }

    /// The rows of `page`, unless the list changed since it was asked for.
    pub fn take(&mut self, page: Page) {
        let end = page.first + page.ids.len();
        if self.ids.get(page.first..end) == Some(&page.ids[..]) {
            (self.first, self.upto, self.rows) = (page.first, end, page.rows);
        }
    }

    /// The page to load for the cursor, unless the rows it shows are loaded already.
    pub fn page_wanted(&self) -> Option<(usize, Vec<i64>)> {
        let covered = self.selected < self.upto
            && (self.first == 0 || self.selected.saturating_sub(ABOVE) >= self.first);
        if covered {
            return None;
        }
        let range = window(self.selected, self.ids.len());
        Some((range.start, self.ids[range].to_vec()))
    }
}

/// The list as loaded: every id, the cursor's place, the rows around it, the office's rule
/// (days past a clock, repeat petitions), and whether a change was just saved.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub ids: Vec<i64>,
    pub selected: usize,
    pub page: Page,
    pub rule: (u32, u32),
    pub saved: bool,
}

/// Loaded rows: `ids` from `first` of the list, and the rows of those the reader may see.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub first: usize,
    pub ids: Vec<i64>,
    pub rows: Vec<BacklogRow>,
}

/// The ids to load around the cursor at `selected` of `len`.
pub fn window(selected: usize, len: usize) -> std::ops::Range<usize> {
    let start = selected.saturating_sub(WINDOW / 2).min(len);
    start..(start + WINDOW).min(len)
}
