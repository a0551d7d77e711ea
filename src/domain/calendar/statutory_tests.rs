//! The computed statutory days against the official tables (2024–2026) and against 2027
//! written out by hand from the calendar.

use super::*;
use crate::domain::calendar::HolidayCalendar;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn statutory_days_are_off_in_the_official_tables() {
    let cal = HolidayCalendar::builtin();
    for year in 2024..=2026 {
        let days = rest_days(year);
        // 元旦 1 + 春节 4 + 清明 1 + 劳动节 2 + 端午 1 + 中秋 1 + 国庆 3 = 13 statutory days.
        let statutory: Vec<_> = days.iter().filter(|(_, r)| !r.in_lieu).collect();
        assert_eq!(statutory.len(), 13, "{year}: {statutory:?}");
        for (date, rest) in statutory {
            // The 2024 revision (in force from 2025-01-01) added 除夕 to 春节: in 2024's table,
            // drawn up under the 2013 text, 除夕 Fri 2024-02-09 was still a working day.
            if *date == d("2024-02-09") {
                assert!(cal.is_working_day(*date));
                continue;
            }
            assert!(
                !cal.is_working_day(*date) && cal.holiday_name(*date).is_some(),
                "{year}: {date} ({}) is not a day off in the official table",
                rest.name
            );
        }
    }
}

#[test]
fn statutory_days_of_2027_by_hand() {
    // (date, name, 补假): 2027-01-01 is a Friday; 正月初一 is Sat 2027-02-06, so 除夕 is Fri
    // 02-05 and 初三 Mon 02-08; 初一/初二 fall on Sat/Sun, so two 补假 follow the block on the
    // first working days after it, Tue 02-09 and Wed 02-10. 清明 Mon 04-05. 劳动节 Sat/Sun
    // 05-01/02 gives 补假 Mon 05-03 and Tue 05-04. 端午 (五月初五) Wed 06-09, 中秋 (八月十五)
    // Wed 09-15. 国庆 Fri 10-01..Sun 10-03: Sat and Sun give 补假 Mon 10-04 and Tue 10-05.
    let expected = [
        ("2027-01-01", "元旦", false),
        ("2027-02-05", "春节", false),
        ("2027-02-06", "春节", false),
        ("2027-02-07", "春节", false),
        ("2027-02-08", "春节", false),
        ("2027-02-09", "春节", true),
        ("2027-02-10", "春节", true),
        ("2027-04-05", "清明节", false),
        ("2027-05-01", "劳动节", false),
        ("2027-05-02", "劳动节", false),
        ("2027-05-03", "劳动节", true),
        ("2027-05-04", "劳动节", true),
        ("2027-06-09", "端午节", false),
        ("2027-09-15", "中秋节", false),
        ("2027-10-01", "国庆节", false),
        ("2027-10-02", "国庆节", false),
        ("2027-10-03", "国庆节", false),
        ("2027-10-04", "国庆节", true),
        ("2027-10-05", "国庆节", true),
    ];
    let got: Vec<(NaiveDate, &str, bool)> = rest_days(2027)
        .iter()
        .map(|(date, r)| (*date, r.name, r.in_lieu))
        .collect();
    let want: Vec<(NaiveDate, &str, bool)> = expected
        .iter()
        .map(|(date, name, in_lieu)| (d(date), *name, *in_lieu))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn the_calendar_rests_on_them_in_a_year_without_a_table() {
    let cal = HolidayCalendar::builtin();
    for date in [
        "2027-01-01",
        "2027-02-08",
        "2027-02-10",
        "2027-05-04",
        "2027-10-05",
    ] {
        assert!(!cal.is_working_day(d(date)), "{date}");
    }
    // No 调休 is invented: the weekends around 春节 stay rest days, Thu 02-11 is a working day.
    assert!(!cal.is_working_day(d("2027-01-31")));
    assert!(!cal.is_working_day(d("2027-02-20")));
    assert!(cal.is_working_day(d("2027-02-11")));
    assert_eq!(cal.holiday_name(d("2027-09-15")), Some("中秋节"));
    // Fri 2027-01-01 元旦, Sat, Sun: the next working day is Mon 01-04.
    assert_eq!(
        cal.next_working_day_on_or_after(d("2027-01-01")),
        d("2027-01-04")
    );
    // Thu 2027-02-04: 除夕 Fri 05 .. 初三 Mon 08, 补假 09, 10 are off, Thu 02-11 is the first.
    assert_eq!(cal.add_working_days(d("2027-02-04"), 1), d("2027-02-11"));
    // A year with a table ignores the computation: 2026's 国庆 table alone decides.
    assert_eq!(cal.provisional_rest_day(d("2026-10-01")), None);
}

#[test]
fn a_leap_year_with_a_weekend_new_year_owes_a_monday() {
    // 2028-01-01 is a Saturday: 元旦's 补假 is Mon 2028-01-03 (Sun 01-02 is a weekend).
    let days = rest_days(2028);
    assert_eq!(
        days.get(&d("2028-01-03")),
        Some(&RestDay {
            name: "元旦",
            in_lieu: true
        })
    );
    assert!(!days.contains_key(&d("2028-01-02")));
}

#[test]
fn years_outside_the_conversion_have_weekends_only() {
    assert!(rest_days(1800).is_empty());
    assert!(rest_days(2500).is_empty());
}
