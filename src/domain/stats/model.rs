//! What a report is made of: its sections, figures, amounts and listed cases, as the
//! command line, the desk and JSON readers see them.

use chrono::NaiveDate;
use serde::Serialize;

use super::Period;
use super::key::{Key, Section};
use crate::domain::types::{Channel, State, SuperviseGround, Urgency};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// A whole number of cases (or person-times, orders).
    Count,
    /// A percentage, one decimal; `null` when its base is zero.
    Rate,
}

/// A figure's value in one period: a count, or a rate (`None` when its base is zero).
/// Serialised as a bare number or `null`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Amount {
    Count(u64),
    Rate(Option<f64>),
}

impl Amount {
    pub fn count(self) -> Option<u64> {
        match self {
            Amount::Count(n) => Some(n),
            Amount::Rate(_) => None,
        }
    }

    /// The number, whichever kind (a rate without a base: `None`).
    pub fn number(self) -> Option<f64> {
        match self {
            Amount::Count(n) => Some(n as f64),
            Amount::Rate(r) => r,
        }
    }
}

/// One line of the report: a figure in this period, the period before and a year earlier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub section: Section,
    /// Fixed for most sections (`batches`, `visit.person_times`, `decide_rate`…); the name
    /// itself in `category`, `target` and `department`.
    pub key: Key,
    pub measure: Measure,
    pub value: Amount,
    pub previous: Amount,
    /// 环比: percent change of a count, percentage-point difference of a rate; `None` ("—")
    /// when the earlier count is zero or a rate is missing.
    pub change: Option<f64>,
    pub last_year: Amount,
    /// 同比, as `change`.
    pub change_yoy: Option<f64>,
}

/// A case overdue at the cut-off, with the clock that fell due first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverdueItem {
    pub id: i64,
    pub case_no: Option<String>,
    /// The state now.
    pub state: State,
    pub channel: Channel,
    pub received: NaiveDate,
    pub department: Option<String>,
    pub summary: String,
    pub clock: String,
    pub due: NaiveDate,
    /// Calendar days past the due date on the cut-off day.
    pub days_overdue: i64,
    pub urgency: Urgency,
}

/// A case supervised (督办) in the period: its latest order in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SupervisedItem {
    pub id: i64,
    pub case_no: Option<String>,
    /// The state now.
    pub state: State,
    pub department: Option<String>,
    pub summary: String,
    pub supervised: NaiveDate,
    pub ground: SuperviseGround,
    pub feedback_by: NaiveDate,
    /// Orders given in the period.
    pub orders: u32,
}

/// The report: its periods and its figures, in display order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub period: Period,
    /// The period before (环比).
    pub previous: Period,
    /// The same period a year earlier (同比).
    pub last_year: Period,
    pub today: NaiveDate,
    /// The day overdue items are counted at: the period's last day, or today if earlier.
    pub cutoff: NaiveDate,
    /// The day the ledger's first case was received (the store fills it in): a period
    /// compared with that begins before it is not wholly on the ledger.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ledger_from: Option<NaiveDate>,
    pub group_visit_min_people: u32,
    pub top: usize,
    pub figures: Vec<Figure>,
    /// Cases overdue at the cut-off, longest overdue first: the first page of them
    /// (`stats::LIST_PAGE`) where the store made the report, all of them from the domain.
    pub overdue_items: Vec<OverdueItem>,
    /// Cases supervised in the period, latest first, as `overdue_items`.
    pub supervised_items: Vec<SupervisedItem>,
    /// How many cases each list holds in all, as its reader may see them (the figures
    /// count every case): the rest come a page at a time (`Store::report_list`).
    pub overdue_count: u64,
    pub supervised_count: u64,
    /// Years the computation touched that have no holiday table (their due dates provisional).
    pub uncovered_years: Vec<i32>,
    /// 评查 results by unit of the evaluations made in the period (the caller fills them in
    /// from the office's records: `Store::evaluations_by_unit`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evaluations: Vec<crate::domain::evaluation::UnitResult>,
}

impl Report {
    pub fn figure(&self, section: Section, key: &Key) -> Option<&Figure> {
        self.figures
            .iter()
            .find(|f| f.section == section && f.key == *key)
    }

    /// The figures of one section, in order.
    pub fn section(&self, section: Section) -> impl Iterator<Item = &Figure> {
        self.figures.iter().filter(move |f| f.section == section)
    }

    /// The period before is the same period a year earlier (a year's report): 环比 and 同比
    /// are one comparison, said once.
    pub fn compared_once(&self) -> bool {
        self.previous == self.last_year
    }
}

impl Report {
    /// Ids of the cases listed (overdue and supervised), each once, ascending: the cases
    /// whose numbers and summaries [`super::report_facts`] leaves to the caller.
    pub fn listed_ids(&self) -> Vec<i64> {
        let mut ids: Vec<i64> = self.overdue_items.iter().map(|i| i.id).collect();
        ids.extend(self.supervised_items.iter().map(|i| i.id));
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Keeps the first `top` units of the 被反映单位 ranking and says so: a report made with a
    /// rank to spare, one of them then left out for its reader, shows as many as any other.
    pub fn keep_top_targets(&mut self, top: usize) {
        let mut seen = 0;
        self.figures.retain(|f| {
            if f.section != Section::Target || !matches!(f.key, Key::Name(_)) {
                return true;
            }
            seen += 1;
            seen <= top
        });
        self.top = top;
    }

    /// Keeps the first `n` of each list (their counts stay).
    pub fn keep_first(&mut self, n: usize) {
        self.overdue_items.truncate(n);
        self.supervised_items.truncate(n);
    }

    /// Sets each listed case's number and summary from `label` (none where it has none).
    pub fn fill_listed(&mut self, label: impl Fn(i64) -> Option<(Option<String>, String)>) {
        for item in &mut self.overdue_items {
            (item.case_no, item.summary) = label(item.id).unwrap_or_default();
        }
        for item in &mut self.supervised_items {
            (item.case_no, item.summary) = label(item.id).unwrap_or_default();
        }
    }
}
