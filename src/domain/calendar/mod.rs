//! Working days: the official holiday tables (holiday-cn JSON) with 调休 make-up working days.
//!
//! A date listed in a table is a working day exactly when `isOffDay` is false (a make-up
//! Saturday or Sunday); any other date is a working day when it falls Monday to Friday. A year
//! with no table has the weekends and the statutory days of 《全国年节及纪念日放假办法》 off
//! ([`statutory`]), and callers mark its dates provisional with
//! [`HolidayCalendar::uncovered_years`]. Date arithmetic saturates at the ends of chrono's range
//! instead of panicking.

pub mod import;
pub mod statutory;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Bound::{Excluded, Included};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;

/// The tables shipped with the app (2024–2026). An office adds later years with
/// [`HolidayCalendar::with_table`].
const BUILTIN_TABLES: [&str; 3] = [
    include_str!("../../../assets/holidays/2024.json"),
    include_str!("../../../assets/holidays/2025.json"),
    include_str!("../../../assets/holidays/2026.json"),
];

#[derive(Debug, thiserror::Error)]
pub enum CalendarError {
    #[error(
        "holiday table is not holiday-cn JSON ({{\"year\": 2026, \"days\": [{{\"name\", \"date\", \"isOffDay\"}}]}}): {0}"
    )]
    Json(#[from] serde_json::Error),
    #[error("holiday table {year}: date {value:?} is not a real YYYY-MM-DD date")]
    BadDate { year: i32, value: String },
    #[error("holiday table {year}: date {date} is listed twice with different isOffDay values")]
    Conflict { year: i32, date: NaiveDate },
}

#[derive(Deserialize)]
struct RawTable {
    year: i32,
    days: Vec<RawDay>,
}

#[derive(Deserialize)]
struct RawDay {
    name: String,
    date: String,
    #[serde(rename = "isOffDay")]
    is_off_day: bool,
}

#[derive(Debug, Clone)]
struct ListedDay {
    /// The table (year) the entry came from, so that replacing a year's table removes it.
    table: i32,
    name: String,
    off: bool,
}

/// Official holidays and make-up working days, by date.
#[derive(Clone, Default)]
pub struct HolidayCalendar {
    days: BTreeMap<NaiveDate, ListedDay>,
    years: BTreeSet<i32>,
    /// Its `Debug` text, made once: the report's rollups are stamped with a hash of it on every
    /// save (`stats::rollup::fingerprint`), and formatting three years of days took 0.2 ms.
    text: std::sync::OnceLock<String>,
}

/// As `derive(Debug)` writes it, without the kept text: the rollups' stamps made before it was
/// kept stay the same.
impl std::fmt::Debug for HolidayCalendar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HolidayCalendar")
            .field("days", &self.days)
            .field("years", &self.years)
            .finish()
    }
}

impl HolidayCalendar {
    /// Its `Debug` text, made the first time it is asked for.
    pub fn debug_text(&self) -> &str {
        self.text.get_or_init(|| format!("{self:?}"))
    }

    /// A calendar from holiday-cn tables; a later table for the same year replaces an earlier one.
    pub fn from_json_tables(tables: &[&str]) -> Result<Self, CalendarError> {
        let mut cal = Self::default();
        for json in tables {
            cal.with_table(json)?;
        }
        Ok(cal)
    }

    /// The embedded 2024–2026 tables (`builtin_tables_parse` checks they parse).
    pub fn builtin() -> Self {
        Self::from_json_tables(&BUILTIN_TABLES).expect("embedded holiday tables are valid")
    }

    /// Adds one year's table, replacing any table already held for that year. On error the
    /// calendar is unchanged.
    pub fn with_table(&mut self, json: &str) -> Result<(), CalendarError> {
        let raw: RawTable = serde_json::from_str(json)?;
        let year = raw.year;
        let mut parsed: BTreeMap<NaiveDate, ListedDay> = BTreeMap::new();
        for day in raw.days {
            let date = NaiveDate::parse_from_str(&day.date, "%Y-%m-%d").map_err(|_| {
                CalendarError::BadDate {
                    year,
                    value: day.date.clone(),
                }
            })?;
            let entry = ListedDay {
                table: year,
                name: day.name,
                off: day.is_off_day,
            };
            if let Some(prev) = parsed.insert(date, entry)
                && prev.off != day.is_off_day
            {
                return Err(CalendarError::Conflict { year, date });
            }
        }
        self.days.retain(|_, d| d.table != year);
        self.days.extend(parsed);
        self.years.insert(year);
        self.text = std::sync::OnceLock::new();
        Ok(())
    }

    pub fn covers(&self, year: i32) -> bool {
        self.years.contains(&year)
    }

    /// The years that have a table, ascending.
    pub fn years(&self) -> Vec<i32> {
        self.years.iter().copied().collect()
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        match self.days.get(&d) {
            Some(listed) => !listed.off,
            None => is_mon_to_fri(d) && self.provisional_rest_day(d).is_none(),
        }
    }

    /// The holiday's name (e.g. "春节") for an official day off, or for a statutory day off of a
    /// year without a table; `None` for any working day, including a make-up working day, and
    /// for ordinary weekends.
    pub fn holiday_name(&self, d: NaiveDate) -> Option<&str> {
        match self.days.get(&d) {
            Some(listed) => listed.off.then_some(listed.name.as_str()),
            None => self.provisional_rest_day(d).map(|r| r.name),
        }
    }

    /// The statutory day off computed for `d` when its year has no table (see [`statutory`]).
    pub fn provisional_rest_day(&self, d: NaiveDate) -> Option<statutory::RestDay> {
        if self.covers(d.year()) {
            return None;
        }
        statutory::rest_days(d.year()).get(&d).copied()
    }

    pub fn next_working_day_on_or_after(&self, d: NaiveDate) -> NaiveDate {
        let mut day = d;
        while !self.is_working_day(day) {
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        day
    }

    /// The `n`-th working day after `start` (`start` itself is not counted); `n = 0` gives `start`.
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> NaiveDate {
        let mut day = start;
        let mut left = n;
        while left > 0 {
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
            if self.is_working_day(day) {
                left -= 1;
            }
        }
        day
    }

    /// Working days in `(from, to]`; the negative count of `(to, from]` when `to < from`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        if to < from {
            return -self.working_days_between(to, from);
        }
        let mut count = mon_to_fri_up_to(to) - mon_to_fri_up_to(from);
        // Correct the plain Monday–Friday count by the listed days in the range.
        for (date, listed) in self.days.range((Excluded(from), Included(to))) {
            match (is_mon_to_fri(*date), listed.off) {
                (true, true) => count -= 1,   // holiday on a weekday
                (false, false) => count += 1, // make-up working Saturday/Sunday
                _ => {}
            }
        }
        // Years without a table: their statutory days off (never a weekend, never a make-up day).
        for year in self.uncovered_years(from, to) {
            let rest = statutory::rest_days(year);
            let in_range = rest.range((Excluded(from), Included(to)));
            count -= in_range.filter(|(d, _)| is_mon_to_fri(**d)).count() as i64;
        }
        count
    }

    /// Years touched by `[from, to]` (either order) that have no table, ascending.
    pub fn uncovered_years(&self, from: NaiveDate, to: NaiveDate) -> Vec<i32> {
        let (lo, hi) = if from <= to { (from, to) } else { (to, from) };
        (lo.year()..=hi.year())
            .filter(|y| !self.covers(*y))
            .collect()
    }
}

fn is_mon_to_fri(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Monday–Friday days in `(0000-12-31, d]` (negative before it); only differences matter.
/// Day 1 of the common era, 0001-01-01, is a Monday, so each 7-day block starts with 5 weekdays.
fn mon_to_fri_up_to(d: NaiveDate) -> i64 {
    let n = i64::from(d.num_days_from_ce());
    n.div_euclid(7) * 5 + n.rem_euclid(7).min(5)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn builtin_tables_parse() {
        let cal = HolidayCalendar::from_json_tables(&BUILTIN_TABLES).unwrap();
        assert_eq!(cal.years(), vec![2024, 2025, 2026]);
        assert!(cal.covers(2025));
        assert!(!cal.covers(2027));
        assert_eq!(HolidayCalendar::builtin().years(), vec![2024, 2025, 2026]);
    }

    #[test]
    fn make_up_days_and_holidays() {
        let cal = HolidayCalendar::builtin();
        // 2026.json: 01-01..03 元旦 off, Sun 01-04 a make-up working day.
        assert!(!cal.is_working_day(d("2026-01-03")));
        assert!(cal.is_working_day(d("2026-01-04")));
        // 春节 2026: Sat 02-14 make-up working day, 02-15..23 off, 02-24 back to work.
        assert!(cal.is_working_day(d("2026-02-14")));
        assert!(!cal.is_working_day(d("2026-02-16")));
        assert!(!cal.is_working_day(d("2026-02-23")));
        assert!(cal.is_working_day(d("2026-02-24")));
        // 国庆 2025: Sun 09-28 and Sat 10-11 make-up, 10-01..08 off, Thu 10-09 unlisted.
        assert!(cal.is_working_day(d("2025-09-28")));
        assert!(!cal.is_working_day(d("2025-10-08")));
        assert!(cal.is_working_day(d("2025-10-09")));
        assert!(cal.is_working_day(d("2025-10-11")));
        // An unlisted Saturday is a rest day, an unlisted Monday a working day.
        assert!(!cal.is_working_day(d("2026-03-07")));
        assert!(cal.is_working_day(d("2026-03-09")));
    }

    #[test]
    fn holiday_names_only_for_days_off() {
        let cal = HolidayCalendar::builtin();
        assert_eq!(cal.holiday_name(d("2026-02-17")), Some("春节"));
        assert_eq!(cal.holiday_name(d("2025-10-01")), Some("国庆节、中秋节"));
        assert_eq!(cal.holiday_name(d("2026-02-14")), None); // make-up working day
        assert_eq!(cal.holiday_name(d("2026-03-07")), None); // ordinary Saturday
    }

    #[test]
    fn next_working_day() {
        let cal = HolidayCalendar::builtin();
        assert_eq!(
            cal.next_working_day_on_or_after(d("2026-02-15")),
            d("2026-02-24")
        );
        // 元旦 2026 Thu..Sat off, then the make-up Sunday.
        assert_eq!(
            cal.next_working_day_on_or_after(d("2026-01-01")),
            d("2026-01-04")
        );
        assert_eq!(
            cal.next_working_day_on_or_after(d("2026-02-13")),
            d("2026-02-13")
        );
        assert_eq!(
            cal.next_working_day_on_or_after(d("2025-10-04")),
            d("2025-10-09")
        );
    }

    #[test]
    fn add_working_days_across_holidays() {
        let cal = HolidayCalendar::builtin();
        // Thu 02-12: Fri 13 (1), Sat 14 make-up (2), 15..23 off, Tue 24 (3).
        assert_eq!(cal.add_working_days(d("2026-02-12"), 3), d("2026-02-24"));
        // Fri 2025-09-26: Sat 27 rest, Sun 28 make-up (1), 29 (2), 30 (3), 10-01..08 off,
        // Thu 10-09 (4), Fri 10-10 (5).
        assert_eq!(cal.add_working_days(d("2025-09-26"), 5), d("2025-10-10"));
        // Tue 09-30: 10-09 (1), 10-10 (2), Sat 10-11 make-up (3).
        assert_eq!(cal.add_working_days(d("2025-09-30"), 3), d("2025-10-11"));
        // Wed 2025-12-31: 01-01..03 off, Sun 2026-01-04 make-up (1).
        assert_eq!(cal.add_working_days(d("2025-12-31"), 1), d("2026-01-04"));
        // n = 0 is the start itself, even on a holiday.
        assert_eq!(cal.add_working_days(d("2026-02-16"), 0), d("2026-02-16"));
    }

    #[test]
    fn working_days_between_counts_half_open_range() {
        let cal = HolidayCalendar::builtin();
        // (02-12, 02-24]: 13, 14 (make-up), 24.
        assert_eq!(
            cal.working_days_between(d("2026-02-12"), d("2026-02-24")),
            3
        );
        assert_eq!(
            cal.working_days_between(d("2026-02-24"), d("2026-02-12")),
            -3
        );
        assert_eq!(
            cal.working_days_between(d("2026-02-24"), d("2026-02-24")),
            0
        );
        // (2025-09-26, 2025-10-12]: 09-28, 29, 30, 10-09, 10, 11 (make-up Sat); Sun 12 rest.
        assert_eq!(
            cal.working_days_between(d("2025-09-26"), d("2025-10-12")),
            6
        );
        // Whole of 2026: 261 Mon–Fri (Jan 1 is Thu, 365 days), minus 19 weekday holidays
        // (元旦 2, 春节 6, 清明 1, 劳动 3, 端午 1, 中秋 1, 国庆 5), plus 6 make-up weekend days.
        assert_eq!(
            cal.working_days_between(d("2025-12-31"), d("2026-12-31")),
            248
        );
        // 2027 has no table: 261 Mon–Fri (Jan 1 is Fri, 365 days), minus the 13 statutory days
        // and 补假 on weekdays (元旦 01-01; 春节 02-05, 02-08, 补假 02-09, 02-10; 清明 04-05;
        // 劳动节 补假 05-03, 05-04; 端午 06-09; 中秋 09-15; 国庆 10-01, 补假 10-04, 10-05).
        assert_eq!(
            cal.working_days_between(d("2026-12-31"), d("2027-12-31")),
            248
        );
    }

    #[test]
    fn working_days_between_agrees_with_day_by_day_count() {
        let cal = HolidayCalendar::builtin();
        let (start, end) = (d("2023-12-20"), d("2028-01-10"));
        let mut from = start;
        while from < end {
            let mut to = from;
            let mut count = 0;
            for _ in 0..40 {
                to = to.succ_opt().unwrap();
                count += i64::from(cal.is_working_day(to));
                assert_eq!(cal.working_days_between(from, to), count, "({from}, {to}]");
            }
            from = from + chrono::Days::new(3);
        }
    }

    #[test]
    fn year_without_table_falls_back_to_the_statutory_days() {
        let cal = HolidayCalendar::builtin();
        // Fri 2027-01-01: no 2027 table, but 元旦 is a statutory day off (see statutory.rs).
        assert!(!cal.is_working_day(d("2027-01-01")));
        assert!(cal.is_working_day(d("2027-01-04")));
        assert_eq!(cal.add_working_days(d("2027-01-01"), 1), d("2027-01-04"));
        assert_eq!(
            cal.uncovered_years(d("2026-12-01"), d("2027-02-01")),
            vec![2027]
        );
        assert_eq!(
            cal.uncovered_years(d("2024-01-02"), d("2023-12-30")),
            vec![2023]
        );
        assert!(
            cal.uncovered_years(d("2024-01-01"), d("2026-12-31"))
                .is_empty()
        );
    }

    #[test]
    fn with_table_adds_and_replaces_a_year() {
        let mut cal = HolidayCalendar::builtin();
        let y2027 = r#"{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}"#;
        cal.with_table(y2027).unwrap();
        assert!(cal.covers(2027));
        assert!(!cal.is_working_day(d("2027-01-01")));
        assert_eq!(cal.holiday_name(d("2027-01-01")), Some("元旦"));
        // Replacing 2026 drops its old entries: Mon 02-16 becomes an ordinary working day.
        let y2026 = r#"{"year":2026,"days":[{"name":"元旦","date":"2026-01-01","isOffDay":true}]}"#;
        cal.with_table(y2026).unwrap();
        assert!(cal.is_working_day(d("2026-02-16")));
        assert!(!cal.is_working_day(d("2026-01-01")));
        assert_eq!(cal.years(), vec![2024, 2025, 2026, 2027]);
    }

    #[test]
    fn bad_tables_name_the_problem() {
        let mut cal = HolidayCalendar::builtin();
        let err = cal.with_table("{\"year\": 2027, \"days\": [").unwrap_err();
        assert!(matches!(err, CalendarError::Json(_)), "{err}");
        assert!(err.to_string().contains("holiday-cn JSON"), "{err}");
        let err = cal
            .with_table(
                r#"{"year":2027,"days":[{"name":"x","date":"2027-02-30","isOffDay":true}]}"#,
            )
            .unwrap_err();
        assert!(err.to_string().contains("\"2027-02-30\""), "{err}");
        let twice = r#"{"year":2027,"days":[{"name":"x","date":"2027-01-01","isOffDay":true},
            {"name":"x","date":"2027-01-01","isOffDay":false}]}"#;
        assert!(matches!(
            cal.with_table(twice),
            Err(CalendarError::Conflict { .. })
        ));
        // A failed table leaves the calendar as it was.
        assert!(!cal.covers(2027));
        assert!(!cal.is_working_day(d("2026-02-16")));
    }
}

#[cfg(test)]
mod kept_text_tests {
    use super::HolidayCalendar;

    /// The kept text is the `Debug` text, and a table added makes it anew.
    #[test]
    fn the_kept_text_follows_the_tables() {
        let mut cal = HolidayCalendar::builtin();
        let before = cal.debug_text().to_owned();
        assert_eq!(before, format!("{cal:?}"));
        assert!(
            before.starts_with("HolidayCalendar { days: {"),
            "{before:.60}"
        );
        cal.with_table(r#"{"year":2031,"papers":[],"days":[{"name":"元旦","date":"2031-01-01","isOffDay":true}]}"#)
            .unwrap();
        assert_ne!(cal.debug_text(), before);
        assert_eq!(cal.debug_text(), format!("{cal:?}"));
    }
}
