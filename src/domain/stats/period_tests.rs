//! Parsing periods and stepping between them.
use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2026-11-21"; // a Saturday

fn p(s: &str) -> Result<Period, PeriodError> {
    Period::parse(s, d(TODAY))
}

fn span(p: &Period) -> (String, String) {
    (p.start.to_string(), p.end.to_string())
}

#[test]
fn next_undoes_previous_and_of_finds_the_period_of_a_day() {
    let today = d(TODAY);
    for kind in PeriodKind::PRESETS {
        let p = Period::of(kind, today);
        assert!(p.contains(today), "{kind:?}");
        assert_eq!(p.previous().next(), p, "{kind:?}");
        assert_eq!(p.next().previous(), p, "{kind:?}");
    }
    assert_eq!(
        span(&Period::of(PeriodKind::Quarter, today).next()),
        ("2027-01-01".into(), "2027-03-31".into())
    );
    assert_eq!(
        span(&Period::of(PeriodKind::Week, today).next()),
        ("2026-11-23".into(), "2026-11-29".into())
    );
    let jan31 = Period::day(d("2026-01-31"));
    assert_eq!(
        Period::of(PeriodKind::Month, jan31.start).next().start,
        d("2026-02-01")
    );
}

#[test]
fn month_quarter_year_and_range() {
    let m = p("2026-11").unwrap();
    assert_eq!(
        (m.kind, span(&m)),
        (
            PeriodKind::Month,
            ("2026-11-01".into(), "2026-11-30".into())
        )
    );
    let feb = p("2024-2").unwrap();
    assert_eq!(span(&feb), ("2024-02-01".into(), "2024-02-29".into()));
    let q = p("2026-Q4").unwrap();
    assert_eq!(
        (q.kind, span(&q)),
        (
            PeriodKind::Quarter,
            ("2026-10-01".into(), "2026-12-31".into())
        )
    );
    assert_eq!(
        span(&p("2026-q1").unwrap()),
        ("2026-01-01".into(), "2026-03-31".into())
    );
    let y = p("2025").unwrap();
    assert_eq!(
        (y.kind, span(&y)),
        (PeriodKind::Year, ("2025-01-01".into(), "2025-12-31".into()))
    );
    let r = p("2026-11-01..2026-11-15").unwrap();
    assert_eq!(
        (r.kind, span(&r)),
        (
            PeriodKind::Range,
            ("2026-11-01".into(), "2026-11-15".into())
        )
    );
    assert_eq!(r.days(), 15);
    let one = p(" 2026-11-05 ").unwrap();
    assert_eq!(
        (one.kind, span(&one)),
        (PeriodKind::Day, ("2026-11-05".into(), "2026-11-05".into()))
    );
}

#[test]
fn presets_follow_today() {
    let day = p("day").unwrap();
    assert_eq!(
        (day.kind, span(&day)),
        (PeriodKind::Day, (TODAY.into(), TODAY.into()))
    );
    // Saturday 11-21 is in the week Monday 11-16 .. Sunday 11-22.
    let week = p("week").unwrap();
    assert_eq!(
        (week.kind, span(&week)),
        (PeriodKind::Week, ("2026-11-16".into(), "2026-11-22".into()))
    );
    // A Monday and a Sunday are in their own week.
    assert_eq!(Period::week_of(d("2026-11-16")).start, d("2026-11-16"));
    assert_eq!(Period::week_of(d("2026-11-22")).start, d("2026-11-16"));
    assert_eq!(
        span(&p("MONTH").unwrap()),
        ("2026-11-01".into(), "2026-11-30".into())
    );
    assert_eq!(
        span(&p("quarter").unwrap()),
        ("2026-10-01".into(), "2026-12-31".into())
    );
    assert_eq!(
        span(&p("year").unwrap()),
        ("2026-01-01".into(), "2026-12-31".into())
    );
}

#[test]
fn previous_and_year_before() {
    let m = p("2026-03").unwrap();
    assert_eq!(
        span(&m.previous()),
        ("2026-02-01".into(), "2026-02-28".into())
    );
    assert_eq!(
        span(&m.year_before()),
        ("2025-03-01".into(), "2025-03-31".into())
    );
    let jan = p("2026-01").unwrap();
    assert_eq!(
        span(&jan.previous()),
        ("2025-12-01".into(), "2025-12-31".into())
    );
    let q1 = p("2026-Q1").unwrap();
    assert_eq!(q1.previous().code(), "2025-Q4");
    assert_eq!(q1.year_before().code(), "2025-Q1");
    let y = p("2026").unwrap();
    assert_eq!(
        (y.previous().code(), y.year_before().code()),
        ("2025".into(), "2025".into())
    );
    let r = p("2026-11-01..2026-11-15").unwrap();
    assert_eq!(
        span(&r.previous()),
        ("2026-10-17".into(), "2026-10-31".into())
    );
    assert_eq!(
        span(&r.year_before()),
        ("2025-11-01".into(), "2025-11-15".into())
    );
    let w = p("week").unwrap();
    assert_eq!(
        span(&w.previous()),
        ("2026-11-09".into(), "2026-11-15".into())
    );
    let wy = w.year_before();
    assert_eq!(span(&wy), ("2025-11-17".into(), "2025-11-23".into()));
    assert_eq!(wy.start.weekday(), chrono::Weekday::Mon);
    let leap = p("2024-02-29").unwrap();
    assert_eq!(leap.year_before().start, d("2023-02-28"));
    assert_eq!(leap.previous().start, d("2024-02-28"));
    // Codes parse back to the same period.
    for s in [
        "2026-11",
        "2026-Q4",
        "2026",
        "2026-11-01..2026-11-15",
        "2026-11-05",
    ] {
        assert_eq!(p(s).unwrap().code(), s);
    }
}

#[test]
fn errors_say_what_is_wrong() {
    assert_eq!(p(""), Err(PeriodError::Empty));
    assert_eq!(
        p("2026-13"),
        Err(PeriodError::BadMonth {
            input: "2026-13".into(),
            month: 13
        })
    );
    assert_eq!(
        p("2026-Q5"),
        Err(PeriodError::BadQuarter {
            input: "2026-Q5".into(),
            quarter: 5
        })
    );
    assert_eq!(
        p("2026-02-30"),
        Err(PeriodError::BadDate("2026-02-30".into()))
    );
    assert_eq!(
        p("2026-11-31..2026-12-01"),
        Err(PeriodError::BadDate("2026-11-31".into()))
    );
    assert_eq!(
        p("2026-11-15..2026-11-01"),
        Err(PeriodError::Reversed {
            start: d("2026-11-15"),
            end: d("2026-11-01")
        })
    );
    assert_eq!(
        p("0026"),
        Err(PeriodError::BadYear {
            input: "0026".into(),
            year: 26
        })
    );
    assert_eq!(
        p("2026-12"),
        Err(PeriodError::Future {
            start: d("2026-12-01"),
            today: d(TODAY)
        })
    );
    for bad in [
        "November",
        "2026/11",
        "26-11",
        "2026-1-",
        "2026-Q",
        "2026-Q12",
        "..",
        "2026-11-01..",
        "2026-11-01-01",
        "１２３４",
    ] {
        assert!(
            matches!(p(bad), Err(PeriodError::Unrecognised(_))),
            "{bad}: {:?}",
            p(bad)
        );
    }
}

#[test]
fn a_running_period_is_compared_with_the_same_stretch() {
    let spans = |p: Period, today: &str| p.compared(d(today)).map(|p| span(&p));
    let s = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    // A week into December: 1–7 November and 1–7 December 2025.
    assert_eq!(
        spans(Period::month(2026, 12), "2026-12-07"),
        [
            s("2026-12-01", "2026-12-31"),
            s("2026-11-01", "2026-11-07"),
            s("2025-12-01", "2025-12-07")
        ]
    );
    // The stretch stops at the end of a shorter month.
    assert_eq!(
        spans(p("2026-03").unwrap(), "2026-03-30")[1],
        s("2026-02-01", "2026-02-28")
    );
    // The year so far, against the same part of the year before, once for both.
    let [_, before, year] = p("2026").unwrap().compared(d("2026-12-07"));
    assert_eq!(before, year);
    assert_eq!(span(&before), s("2025-01-01", "2025-12-07"));
    assert_eq!(before.kind, PeriodKind::Range);
    // A quarter, a week (Saturday: Monday to Saturday) and a range.
    assert_eq!(
        spans(p("2026-Q4").unwrap(), TODAY)[1..],
        [s("2026-07-01", "2026-08-21"), s("2025-10-01", "2025-11-21")]
    );
    assert_eq!(
        spans(p("week").unwrap(), TODAY)[1..],
        [s("2026-11-09", "2026-11-14"), s("2025-11-17", "2025-11-22")]
    );
    assert_eq!(
        spans(
            Period {
                kind: PeriodKind::Range,
                start: d("2026-11-15"),
                end: d("2026-11-30")
            },
            TODAY
        )[1],
        s("2026-10-30", "2026-11-05")
    );
    // On a month's last day, a month's last day: the quarter so far is whole months.
    let q = |y, n| Period::quarter(y, n);
    assert_eq!(
        spans(q(2026, 4), "2026-11-30")[1],
        s("2026-07-01", "2026-08-31")
    );
    assert_eq!(
        spans(q(2026, 2), "2026-04-30")[1],
        s("2026-01-01", "2026-01-31")
    );
    assert_eq!(
        spans(q(2026, 1), "2026-02-28")[1..],
        [s("2025-10-01", "2025-11-30"), s("2025-01-01", "2025-02-28")]
    );
    assert_eq!(
        spans(Period::year(2025), "2025-02-28")[2],
        s("2024-01-01", "2024-02-29")
    );
    // A period over, or not begun, is compared whole.
    for (q, today) in [
        (Period::month(2026, 11), "2026-11-30"),
        (Period::month(2026, 10), TODAY),
        (Period::month(2027, 1), TODAY),
    ] {
        assert_eq!(
            q.compared(d(today)),
            [q, q.previous(), q.year_before()],
            "{q:?}"
        );
    }
}
