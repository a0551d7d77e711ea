//! Years without an official table (issue 16, point 5): every clock's due date keeps off the
//! statutory days of 《全国年节及纪念日放假办法》 (2024 revision, 第二条 and 第六条's 补假).

use chrono::{Days, NaiveDate};
use xinfang::domain::calendar::HolidayCalendar;
use xinfang::domain::deadline::due_date;
use xinfang::domain::policy::Policy;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The 2027 statutory days and 补假, written out by hand (see calendar/statutory_tests.rs for
/// the counting): 元旦 Fri 01-01; 春节 除夕 Fri 02-05 .. 初三 Mon 02-08, 补假 Tue 02-09 and
/// Wed 02-10 for 初一/初二 on Sat/Sun; 清明 Mon 04-05; 劳动节 Sat 05-01, Sun 05-02, 补假 Mon 05-03,
/// Tue 05-04; 端午 Wed 06-09; 中秋 Wed 09-15; 国庆 Fri 10-01 .. Sun 10-03, 补假 Mon 10-04, Tue 10-05.
const DAYS_OFF_2027: [&str; 19] = [
    "2027-01-01",
    "2027-02-05",
    "2027-02-06",
    "2027-02-07",
    "2027-02-08",
    "2027-02-09",
    "2027-02-10",
    "2027-04-05",
    "2027-05-01",
    "2027-05-02",
    "2027-05-03",
    "2027-05-04",
    "2027-06-09",
    "2027-09-15",
    "2027-10-01",
    "2027-10-02",
    "2027-10-03",
    "2027-10-04",
    "2027-10-05",
];

#[test]
fn no_due_date_in_2027_falls_on_a_statutory_day_off() {
    let (policy, cal) = (Policy::builtin(), HolidayCalendar::builtin());
    let off: Vec<NaiveDate> = DAYS_OFF_2027.iter().map(|s| d(s)).collect();
    let mut receipt = d("2026-12-01");
    let mut checked = 0;
    while receipt <= d("2027-12-31") {
        for rule in policy.clocks.iter().filter(|r| r.roll_forward) {
            for extension in [0, rule.extension_cap] {
                let due = due_date(&cal, rule, receipt, extension);
                assert!(
                    !off.contains(&due),
                    "{} started {receipt} (+{extension}) is due on {due}, a day off",
                    rule.key
                );
                checked += 1;
            }
        }
        receipt = receipt + Days::new(1);
    }
    assert!(checked > 396, "{checked}");
}

#[test]
fn the_dates_of_the_issue_move_off_the_holidays() {
    let (policy, cal) = (Policy::builtin(), HolidayCalendar::builtin());
    let decide = policy.clock("decide").unwrap();
    // Received 2026-12-17: + 15 days = Fri 2027-01-01 元旦, then Sat, Sun → Mon 2027-01-04.
    assert_eq!(due_date(&cal, decide, d("2026-12-17"), 0), d("2027-01-04"));
    let handle = policy.clock("handle").unwrap();
    // Accepted 2026-12-08: + 60 days = Sat 2027-02-06 初一 (Mon–Fri alone rolled it to Mon 02-08,
    // 初三); 初一 .. 初三 and 补假 09, 10 are off → Thu 2027-02-11.
    assert_eq!(due_date(&cal, handle, d("2026-12-08"), 0), d("2027-02-11"));
    // Accepted 2027-07-31: + 60 days = Wed 2027-09-29, a working day, stays.
    assert_eq!(due_date(&cal, handle, d("2027-07-31"), 0), d("2027-09-29"));
    // Accepted 2027-08-02: + 60 days = Fri 10-01 国庆 .. Tue 10-05 补假 → Wed 2027-10-06.
    assert_eq!(due_date(&cal, handle, d("2027-08-02"), 0), d("2027-10-06"));
    // Received 2027-03-21: + 15 days = Mon 04-05 清明 → Tue 2027-04-06.
    assert_eq!(due_date(&cal, decide, d("2027-03-21"), 0), d("2027-04-06"));
    // Received 2027-04-16: + 15 days = Sat 05-01 劳动节 .. Tue 05-04 补假 → Wed 2027-05-05.
    assert_eq!(due_date(&cal, decide, d("2027-04-16"), 0), d("2027-05-05"));
    // Received 2027-05-25: + 15 days = Wed 06-09 端午 → Thu 2027-06-10.
    assert_eq!(due_date(&cal, decide, d("2027-05-25"), 0), d("2027-06-10"));
    // Received 2027-08-31: + 15 days = Wed 09-15 中秋 → Thu 2027-09-16.
    assert_eq!(due_date(&cal, decide, d("2027-08-31"), 0), d("2027-09-16"));
    // The object clock counts 5 working days: from Thu 2027-02-04, Thu 02-11 (1) .. Wed 02-17 (5).
    let object = policy.clock("object").unwrap();
    assert_eq!(due_date(&cal, object, d("2027-02-04"), 0), d("2027-02-17"));
}
