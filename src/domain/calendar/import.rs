//! Checking a year's official table before an office imports it (`xinfang calendar import`):
//! the State Council publishes next year's 放假安排 each November; until the office imports it,
//! that year's dates are computed (see [`super::statutory`]) and marked provisional. Each
//! problem names the line and the field to fix; `strings::calendar` puts it in words.

use chrono::{Datelike, NaiveDate};

use super::{HolidayCalendar, RawTable};

/// What is wrong with a table, with the 1-based line where it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableProblem {
    /// Not JSON, or not the holiday-cn shape (a field missing or of the wrong type); `detail`
    /// is the parser's own words.
    Shape {
        line: usize,
        column: usize,
        detail: String,
    },
    /// `date` is not a real YYYY-MM-DD date.
    BadDate { line: usize, value: String },
    /// `date` lies outside the table's `year`.
    OutsideYear {
        line: usize,
        year: i32,
        date: NaiveDate,
    },
    /// The same date twice with different `isOffDay` values.
    Conflict { line: usize, date: NaiveDate },
    /// No day with `"isOffDay": true`: not a holiday table.
    NoDaysOff { year: i32 },
}

/// Checks `json` as one year's official table and returns its year.
pub fn check_table(json: &str) -> Result<i32, TableProblem> {
    let raw: RawTable = serde_json::from_str(json).map_err(|e| TableProblem::Shape {
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    })?;
    let year = raw.year;
    let mut seen: Vec<(NaiveDate, bool)> = Vec::new();
    for (nth, day) in raw.days.iter().enumerate() {
        let line = line_of_nth_date(json, nth);
        let date = NaiveDate::parse_from_str(&day.date, "%Y-%m-%d").map_err(|_| {
            TableProblem::BadDate {
                line,
                value: day.date.clone(),
            }
        })?;
        if date.year() != year {
            return Err(TableProblem::OutsideYear { line, year, date });
        }
        if seen
            .iter()
            .any(|(d, off)| *d == date && *off != day.is_off_day)
        {
            return Err(TableProblem::Conflict { line, date });
        }
        seen.push((date, day.is_off_day));
    }
    if !seen.iter().any(|(_, off)| *off) {
        return Err(TableProblem::NoDaysOff { year });
    }
    // What passes here must load as the config directory loads it.
    let mut cal = HolidayCalendar::default();
    cal.with_table(json).map_err(|e| TableProblem::Shape {
        line: 1,
        column: 1,
        detail: e.to_string(),
    })?;
    Ok(year)
}

/// The line of the `nth` `"date"` key, counted from 1 (the days are listed in order); line 1
/// when it cannot be found.
fn line_of_nth_date(json: &str, nth: usize) -> usize {
    json.match_indices("\"date\"")
        .nth(nth)
        .map_or(1, |(at, _)| json[..at].matches('\n').count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"year": 2027, "days": [
  {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
  {"name": "春节", "date": "2027-02-07", "isOffDay": false}
]}"#;

    #[test]
    fn a_good_table_gives_its_year() {
        assert_eq!(check_table(GOOD), Ok(2027));
    }

    #[test]
    fn problems_name_the_line() {
        let missing = GOOD.replace(r#", "isOffDay": false"#, "");
        match check_table(&missing) {
            Err(TableProblem::Shape { line, detail, .. }) => {
                assert_eq!(line, 3);
                assert!(detail.contains("isOffDay"), "{detail}");
            }
            other => panic!("{other:?}"),
        }
        let bad = GOOD.replace("2027-02-07", "2027-02-30");
        assert_eq!(
            check_table(&bad),
            Err(TableProblem::BadDate {
                line: 3,
                value: "2027-02-30".into()
            })
        );
        let outside = GOOD.replace("2027-02-07", "2028-02-07");
        assert!(matches!(
            check_table(&outside),
            Err(TableProblem::OutsideYear {
                line: 3,
                year: 2027,
                ..
            })
        ));
        let twice = GOOD.replace("2027-02-07", "2027-01-01");
        assert!(matches!(
            check_table(&twice),
            Err(TableProblem::Conflict { line: 3, .. })
        ));
        let none_off = GOOD.replace("true", "false");
        assert_eq!(
            check_table(&none_off),
            Err(TableProblem::NoDaysOff { year: 2027 })
        );
    }

    #[test]
    fn the_shipped_tables_pass() {
        for (json, year) in super::super::BUILTIN_TABLES.iter().zip(2024..) {
            assert_eq!(check_table(json), Ok(year));
        }
    }
}
