//! The monthly 《矛盾纠纷排查化解情况统计表》 (seed 000: 每月上报): what was found, resolved
//! (化解), escalated to a case and still in hand at the month's end, by type and by unit.

use chrono::NaiveDate;
use serde::Serialize;

use super::screening::{DisputeKind, Resolution, Screening};

/// One row's four figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// 本月排查: found in the month.
    pub found: u32,
    /// 本月化解: resolved in the month (whenever found).
    pub resolved: u32,
    /// 本月转为信访件: escalated in the month.
    pub escalated: u32,
    /// 月末在化解: found by the month's end and neither resolved nor escalated by then.
    pub in_progress: u32,
}

impl Tally {
    fn count(&mut self, e: &Screening, first: NaiveDate, last: NaiveDate) {
        let within = |d: NaiveDate| (first..=last).contains(&d);
        if within(e.found.found_on) {
            self.found += 1;
        }
        let closed_in_month = e.closed_on.is_some_and(within);
        match e.state {
            Resolution::Resolved if closed_in_month => self.resolved += 1,
            Resolution::Escalated if closed_in_month => self.escalated += 1,
            Resolution::Screening
            | Resolution::Resolving
            | Resolution::Resolved
            | Resolution::Escalated => {}
        }
        let open_at_end = e.closed_on.is_none_or(|c| c > last);
        if e.found.found_on <= last && open_at_end {
            self.in_progress += 1;
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Tally::default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthTable {
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// Every type, in the vocabulary's order (a row of zeros too: the form has them all).
    pub by_kind: Vec<(DisputeKind, Tally)>,
    /// The units given, then any other unit that screened something, each once.
    pub by_unit: Vec<(String, Tally)>,
    pub total: Tally,
}

/// The table of the month `first..=last` over `entries` (those a reader may see).
pub fn month_table(
    entries: &[Screening],
    units: &[String],
    first: NaiveDate,
    last: NaiveDate,
) -> MonthTable {
    let mut by_kind: Vec<(DisputeKind, Tally)> = DisputeKind::ALL
        .iter()
        .map(|k| (*k, Tally::default()))
        .collect();
    let mut by_unit: Vec<(String, Tally)> = units
        .iter()
        .map(|u| (u.clone(), Tally::default()))
        .collect();
    let mut total = Tally::default();
    for e in entries {
        total.count(e, first, last);
        if let Some(row) = by_kind.iter_mut().find(|(k, _)| *k == e.found.kind) {
            row.1.count(e, first, last);
        }
        let unit = match by_unit.iter().position(|(u, _)| *u == e.found.unit) {
            Some(i) => i,
            None => {
                by_unit.push((e.found.unit.clone(), Tally::default()));
                by_unit.len() - 1
            }
        };
        by_unit[unit].1.count(e, first, last);
    }
    MonthTable {
        first,
        last,
        by_kind,
        by_unit,
        total,
    }
}
