//! The case screen's state: everything loaded for one case, the scroll and
//! the documents panel over it.

mod backlog;
mod files;
mod update;
pub mod view;

use crate::domain::backlog::{BacklogFile, BacklogGround};
use crate::domain::case::Case;
use crate::domain::policy::ClockRule;
use crate::store::views::CaseView;
use crate::store::{CaseRow, JournalEntry};
use crate::ui::screens::documents::DocPanel;

#[derive(Debug, Clone)]
pub struct CaseScreen {
    pub row: CaseRow,
    pub events: Vec<JournalEntry>,
    /// The policy's rule of each of `row.clocks` (its name in the desk's language).
    pub rules: Vec<Option<ClockRule>>,
    /// The cases of `intake.links` and `review_of`.
    pub links: Vec<Case>,
    /// Other cases of the same petitioner, newest first.
    pub others: Vec<CaseRow>,
    /// Who saw it, when it is confidential and a leader reads.
    pub views: Vec<crate::store::OfficeEvent>,
    /// Why it is 积案 and its file, if it is or was.
    pub backlog: Option<(Vec<BacklogGround>, BacklogFile)>,
    pub scroll: u16,
    /// The furthest `scroll` goes: the last line at the foot of the body. Set by each
    /// frame drawn (it is known only laid out at the terminal's width); unknown until then.
    pub scroll_max: std::cell::Cell<u16>,
    /// The documents panel over the case (`p`).
    pub doc: Option<DocPanel>,
    /// The attachment picked (index into `row.case.attachments`) for `O` to open.
    pub file: usize,
}

impl CaseScreen {
    pub fn new(v: CaseView) -> CaseScreen {
        CaseScreen {
            row: v.row,
            events: v.events,
            rules: v.rules,
            links: v.links,
            others: v.others,
            views: v.views,
            backlog: v.backlog,
            scroll: 0,
            scroll_max: std::cell::Cell::new(u16::MAX),
            doc: None,
            file: 0,
        }
    }
}
