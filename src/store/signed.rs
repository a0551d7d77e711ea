//! 领导阅批率: the letters received in a report's windows and those a leader read and signed
//! (`domain::stats::put_letters`). Counted from the cases of the letter channel by its index,
//! whole as the report's other counts are (a count names nobody).

use chrono::{Days, NaiveDate};

use super::{Result, Store};
use crate::domain::stats::{Letters, Period, Report, put_letters};

/// The letters received in `[?1, ?2)` and those with a 批示: from the index of the report
/// rows of the letters alone (migration 0030).
const LETTERS: &str = "
SELECT count(*), coalesce(sum(letter_signed), 0) FROM case_facts
 WHERE channel = 'letter' AND received_at >= ?1 AND received_at < ?2";

/// The same from the letters kept by hour of receipt (migration 0040): `[?1, ?2)` in hours.
const LETTERS_HOURS: &str = "
SELECT coalesce(sum(received), 0), coalesce(sum(signed), 0) FROM letters_hours
 WHERE hour >= ?1 AND hour < ?2";

/// Seconds in the hours `letters_hours` is kept by.
const HOUR: i64 = 3600;

/// What `letters_hours` holds, counted anew from the letters' report rows: the rows a bulk
/// load puts in (`bulk.rs`) and `check` compares (`check/tables.rs`); the triggers of
/// migration 0040 keep the same row by row.
pub(super) const LETTERS_BY_HOUR: &str = "
SELECT received_at / 3600 AS hour, count(*) AS received, sum(letter_signed) AS signed
  FROM case_facts WHERE channel = 'letter' GROUP BY 1";

/// The same from the documents, for a ledger before schema 30 read as it is.
const LETTERS_SCAN: &str = "
SELECT count(*), coalesce(sum(coalesce(json_array_length(doc, '$.instructions'), 0)
                                + coalesce(json_array_length(doc, '$.readings'), 0) > 0), 0)
  FROM cases WHERE channel = 'letter' AND received_at >= ?1 AND received_at < ?2";

impl Store {
    /// The first instant (unix seconds) of office-local day `d`.
    pub(super) fn day_start(&self, d: NaiveDate) -> i64 {
        let offset = self.office.policy.utc_offset;
        d.and_hms_opt(0, 0, 0)
            .and_then(|t| t.and_local_timezone(offset).single())
            .map_or(i64::MIN, |t| t.timestamp())
    }

    /// `[from, to)` in unix seconds for the inclusive office-local dates `start..=end`.
    pub(super) fn span(&self, start: NaiveDate, end: NaiveDate) -> (i64, i64) {
        let to = end
            .checked_add_days(Days::new(1))
            .map_or(i64::MAX, |d| self.day_start(d));
        (self.day_start(start), to)
    }

    /// Letters (来信) received from `start` to `end` inclusive, and of them the ones with a
    /// leader's 批示 on record (only a leader may give one: `workflow::gate`).
    pub fn letters(&self, start: NaiveDate, end: NaiveDate) -> Result<Letters> {
        let (from, to) = self.span(start, end);
        let rows = super::schema::has_column(&self.conn, "case_facts", "letter_signed")?;
        // By the hour where the office's days begin on the hour (every offset in China's
        // case: UTC+8), and the ledger keeps them (schema 40 on).
        let by_hour = rows
            && from % HOUR == 0
            && to % HOUR == 0
            && super::schema::has_table(&self.conn, "letters_hours")?;
        let (sql, args) = if by_hour {
            (LETTERS_HOURS, (from / HOUR, to / HOUR))
        } else if rows {
            (LETTERS, (from, to))
        } else {
            (LETTERS_SCAN, (from, to))
        };
        let (received, signed): (i64, i64) = self
            .conn
            .prepare_cached(sql)?
            .query_row(args, |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(Letters {
            received: u64::try_from(received).unwrap_or(0),
            signed: u64::try_from(signed).unwrap_or(0),
        })
    }

    /// Puts 领导阅批率 into `report` for its period, the one before and a year earlier.
    pub(super) fn add_letters(&self, report: &mut Report) -> Result<()> {
        let of = |p: &Period| self.letters(p.start, p.end);
        let previous = of(&report.previous)?;
        // A year's previous period is the year before, which is also its 同比 window: the
        // letters of a year are 115,000 index entries at a million cases, read once.
        let same = |a: &Period, b: &Period| (a.start, a.end) == (b.start, b.end);
        let last_year = if same(&report.previous, &report.last_year) {
            previous
        } else {
            of(&report.last_year)?
        };
        let counts = [of(&report.period)?, previous, last_year];
        put_letters(report, counts);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    /// The letters' counts read their index alone, never a document (migration 0030).
    #[test]
    fn letters_are_counted_from_their_index() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::test_ledger::demo(&dir.path().join("l.db"), 300, 3, true);
        let plan: Vec<String> = store
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {}", super::LETTERS))
            .unwrap()
            .query_map([0, i64::MAX], |r| r.get(3))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(plan.len(), 1, "{plan:?}");
        assert!(
            plan[0].contains("COVERING INDEX case_facts_letters"),
            "{plan:?}"
        );
        let all = store
            .letters(chrono::NaiveDate::MIN, chrono::NaiveDate::MAX)
            .unwrap();
        assert!(all.signed > 0 && all.signed < all.received, "{all:?}");
    }

    /// The letters kept by hour (migration 0040) give the index's counts for every month
    /// of a demo, written in bulk or one command at a time, and `letters` reads them.
    #[test]
    fn letters_by_hour_are_the_index_counts() {
        let dir = tempfile::tempdir().unwrap();
        for bulk in [true, false] {
            let path = dir.path().join(format!("l{bulk}.db"));
            let store = crate::store::test_ledger::demo(&path, 400, 5, bulk);
            let count = |sql: &str, a: i64, b: i64| -> (i64, i64) {
                store
                    .conn
                    .query_row(sql, [a, b], |r| Ok((r.get(0)?, r.get(1)?)))
                    .unwrap()
            };
            let mut month = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
            let mut seen = 0;
            while month < chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap() {
                let next = month.checked_add_months(chrono::Months::new(1)).unwrap();
                let last = next.pred_opt().unwrap();
                let (from, to) = store.span(month, last);
                let by_index = count(super::LETTERS, from, to);
                let by_hour = count(super::LETTERS_HOURS, from / super::HOUR, to / super::HOUR);
                assert_eq!(by_hour, by_index, "{month} (bulk {bulk})");
                let read = store.letters(month, last).unwrap();
                assert_eq!((read.received as i64, read.signed as i64), by_index);
                seen += by_index.0;
                month = next;
            }
            assert!(seen > 0);
            assert!(store.check().unwrap().ok());
        }
    }
}
