//! The case screen's state: everything loaded for one case, and the scroll.

pub mod view;

use crate::store::{CaseRow, JournalEntry};

#[derive(Debug, Clone)]
pub struct CaseScreen {
    pub row: CaseRow,
    pub events: Vec<JournalEntry>,
    /// The policy's name of each of `row.clocks`, in the desk's language.
    pub clock_names: Vec<String>,
    /// The case numbers of `intake.links` and `review_of`, by id.
    pub names: Vec<(i64, String)>,
    /// Other cases of the same petitioner, newest first.
    pub others: Vec<CaseRow>,
    pub scroll: u16,
}
