//! The overdue stocks at any cut-off as sums of per-day changes: each case's overdue spans
//! (`stocks.rs`) become +1 on the day a count starts and −1 on the day it stops, so the
//! stocks at cut-off `c` are the sums of the changes on days ≤ `c` — a few thousand rows
//! however many cases are overdue, where counting the spans that hold `c` reads every one.
//!
//! What is counted matches what [`super::Stocks`] holds: the spans of each clock (`c:`),
//! the cases overdue on the two clocks counted by case (`k:`, Art 22 (三)), every overdue
//! case once by its state now (`s:`), and the cases by the year their clock started (`y:`:
//! the earliest is the first year whose sum is not zero). A count by case merges the case's
//! spans first, so a case with two spans at once counts once.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::stocks::Stocks;
use super::{OUTBOUND_CLOCK, SUPERIOR_CLOCK};
use crate::domain::types::State;

/// One overdue span of a case as the tables keep it: days numbered from 0001-01-01 (day 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DaySpan<'a> {
    pub clock: &'a str,
    /// The first day overdue.
    pub from: i64,
    /// The first day no longer overdue; `None`: still overdue.
    pub until: Option<i64>,
    /// The year its clock started (`None`: a date someone set).
    pub start_year: Option<i32>,
}

/// The changes one case's spans make, as (key, day, amount), amounts of a row summed and
/// rows of zero left out. `state`: the case's state now.
pub fn overdue_day_deltas(spans: &[DaySpan], state: State) -> Vec<(String, i64, i64)> {
    let mut out: BTreeMap<(String, i64), i64> = BTreeMap::new();
    let mut push = |key: String, (from, until): (i64, Option<i64>)| {
        *out.entry((key.clone(), from)).or_default() += 1;
        if let Some(u) = until {
            *out.entry((key, u)).or_default() -= 1;
        }
    };
    // A span that ends where it starts holds no day (no cut-off counts it).
    for s in spans.iter().filter(|s| s.until.is_none_or(|u| s.from < u)) {
        push(format!("c:{}", s.clock), (s.from, s.until));
    }
    for clock in [SUPERIOR_CLOCK, OUTBOUND_CLOCK] {
        for iv in merged(spans.iter().filter(|s| s.clock == clock)) {
            push(format!("k:{clock}"), iv);
        }
    }
    for iv in merged(spans.iter()) {
        push(format!("s:{}", state.code()), iv);
    }
    let mut years: Vec<i32> = spans.iter().filter_map(|s| s.start_year).collect();
    years.sort_unstable();
    years.dedup();
    for y in years {
        for iv in merged(spans.iter().filter(|s| s.start_year == Some(y))) {
            push(format!("y:{y}"), iv);
        }
    }
    out.into_iter()
        .filter(|(_, n)| *n != 0)
        .map(|((k, d), n)| (k, d, n))
        .collect()
}

/// The union of the spans' days, as disjoint (from, until) in order.
fn merged<'s, 'a: 's>(spans: impl Iterator<Item = &'s DaySpan<'a>>) -> Vec<(i64, Option<i64>)> {
    let mut ivs: Vec<(i64, i64)> = spans
        .map(|s| (s.from, s.until.unwrap_or(i64::MAX)))
        .filter(|(f, u)| f < u)
        .collect();
    ivs.sort_unstable();
    let mut out: Vec<(i64, i64)> = Vec::new();
    for (f, u) in ivs {
        match out.last_mut() {
            Some(last) if f <= last.1 => last.1 = last.1.max(u),
            _ => out.push((f, u)),
        }
    }
    out.into_iter()
        .map(|(f, u)| (f, (u != i64::MAX).then_some(u)))
        .collect()
}

/// The overdue part of [`Stocks`] from the sums of the changes on days up to a cut-off, as
/// (key, sum); None: a key or state that does not read (a damaged row).
pub fn stocks_from_sums(sums: &[(String, i64)]) -> Option<Stocks> {
    let mut s = Stocks::default();
    let mut earliest: Option<i32> = None;
    for (key, n) in sums {
        let (kind, name) = key.split_once(':')?;
        let n = u64::try_from(*n).ok()?;
        if n == 0 {
            continue;
        }
        match kind {
            "c" => s.clocks.push((name.to_owned(), n)),
            "k" if name == SUPERIOR_CLOCK => s.report_back = n,
            "k" if name == OUTBOUND_CLOCK => s.outbound = n,
            "s" => s.overdue_states.push((State::from_code(name)?, n)),
            "y" => {
                let y: i32 = name.parse().ok()?;
                earliest = Some(earliest.map_or(y, |e| e.min(y)));
            }
            _ => return None,
        }
    }
    s.clocks.sort();
    s.overdue_states.sort_by_key(|(st, _)| st.code());
    s.earliest_start = earliest.and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1));
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(clock: &str, from: i64, until: Option<i64>, y: i32) -> DaySpan<'_> {
        DaySpan {
            clock,
            from,
            until,
            start_year: Some(y),
        }
    }

    /// The sums at `c` of the deltas of several cases.
    fn at(cases: &[(Vec<DaySpan>, State)], c: i64) -> Stocks {
        let mut sums: BTreeMap<String, i64> = BTreeMap::new();
        for (spans, state) in cases {
            for (k, d, n) in overdue_day_deltas(spans, *state) {
                if d <= c {
                    *sums.entry(k).or_default() += n;
                }
            }
        }
        let sums: Vec<_> = sums.into_iter().collect();
        stocks_from_sums(&sums).expect("reads")
    }

    #[test]
    fn overlapping_spans_count_the_case_once_and_each_clock_by_span() {
        let a = (
            vec![
                span(SUPERIOR_CLOCK, 10, Some(20), 2024),
                span(SUPERIOR_CLOCK, 15, None, 2025),
                span("handle", 12, Some(14), 2025),
            ],
            State::Assigned,
        );
        let b = (
            vec![span(OUTBOUND_CLOCK, 5, Some(11), 2023)],
            State::Replied,
        );
        let cases = [a, b];
        let s = at(&cases, 16);
        assert_eq!(s.report_back, 1);
        assert_eq!(s.outbound, 0);
        assert_eq!(s.clocks, vec![(SUPERIOR_CLOCK.to_owned(), 2)]);
        assert_eq!(s.overdue_states, vec![(State::Assigned, 1)]);
        assert_eq!(s.earliest_start, NaiveDate::from_ymd_opt(2024, 1, 1));
        let s = at(&cases, 10);
        assert_eq!((s.report_back, s.outbound), (1, 1));
        assert_eq!(s.overdue_states.iter().map(|x| x.1).sum::<u64>(), 2);
        assert_eq!(s.earliest_start, NaiveDate::from_ymd_opt(2023, 1, 1));
        let s = at(&cases, 4);
        assert_eq!(s, Stocks::default());
        // From day 20 only the open span of 2025 is left.
        let s = at(&cases, 30);
        assert_eq!(s.earliest_start, NaiveDate::from_ymd_opt(2025, 1, 1));
        assert_eq!(s.clocks, vec![(SUPERIOR_CLOCK.to_owned(), 1)]);
    }

    #[test]
    fn an_empty_span_and_a_case_without_spans_change_nothing() {
        assert!(
            overdue_day_deltas(&[span("handle", 9, Some(9), 2025)], State::Assigned).is_empty()
        );
        assert!(overdue_day_deltas(&[], State::Assigned).is_empty());
    }

    #[test]
    fn a_key_that_does_not_read_is_damage() {
        assert!(stocks_from_sums(&[("x:1".into(), 1)]).is_none());
        assert!(stocks_from_sums(&[("s:nope".into(), 1)]).is_none());
        assert!(stocks_from_sums(&[("c:handle".into(), -1)]).is_none());
    }
}
