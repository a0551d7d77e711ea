//! 工作台: the queue's state, the view chosen over it (filter, channel,
//! "mine", order) and the page cursor. A leaf: the messages carry these.

mod update;
pub mod view;

use crate::domain::types::{Channel, State};
use crate::store::{CaseRow, Sort};
use crate::ui::widgets::text_field::TextField;

/// Which slice of the queue is shown; `f` cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    Overdue,
    DueSoon,
    State(State),
}

impl Filter {
    const CYCLE: [Filter; 7] = [
        Filter::All,
        Filter::Overdue,
        Filter::DueSoon,
        Filter::State(State::Intake),
        Filter::State(State::Registered),
        Filter::State(State::Assigned),
        Filter::State(State::Replied),
    ];

    pub(crate) fn next(self) -> Filter {
        let i = Filter::CYCLE.iter().position(|f| *f == self).unwrap_or(0);
        Filter::CYCLE[(i + 1) % Filter::CYCLE.len()]
    }
}

/// The queue's view: the filter and, across it, the channel, "mine" and
/// the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct View {
    pub filter: Filter,
    pub channel: Option<Channel>,
    pub mine: bool,
    pub sort: Sort,
}

impl View {
    pub(crate) fn next_channel(self) -> Option<Channel> {
        match self.channel {
            None => Channel::ALL.first().copied(),
            Some(c) => {
                let i = Channel::ALL.iter().position(|x| *x == c).unwrap_or(0);
                Channel::ALL.get(i + 1).copied()
            }
        }
    }

    pub(crate) fn next_sort(self) -> Sort {
        match self.sort {
            Sort::Newest => Sort::Oldest,
            Sort::Oldest => Sort::Due,
            Sort::Due => Sort::Newest,
        }
    }
}

pub type Cursor = Option<(crate::store::SortKey, i64)>;

/// The queue screen: the view chosen, the page shown, the search line and
/// the channel chooser of `n`.
#[derive(Debug, Clone, Default)]
pub struct Queue {
    /// The filter and, across it, the channel, "mine" and the order.
    pub view: View,
    pub rows: Vec<CaseRow>,
    pub selected: usize,
    /// Where each page shown so far began; the last one is the current page.
    pub page_starts: Vec<Cursor>,
    /// Where the next page begins, when there is one.
    pub next: Cursor,
    pub search: Option<TextField>,
    /// `n` was pressed: the channel of the new intake is being chosen (a
    /// digit, or the arrows and Enter); the highlighted one.
    pub choosing_channel: Option<usize>,
    /// The case the cursor was on when the page was loaded again.
    pub follow: Option<i64>,
}
