//! The state of each clock on a case: which run, when they fall due (counted by
//! [`super::counting`]), and how much time is left.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::calendar::HolidayCalendar;
use crate::domain::policy::{ClockRule, ClockStart, ClockStop, DayUnit, Policy};
use crate::domain::types::{Channel, Level};

pub use super::counting::{due_date, due_date_paused};

/// What has happened on a case, as far as the clocks care.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockFacts {
    pub channel: Channel,
    /// First handling, 复查 or 复核: each has its own clocks (policy `levels`).
    pub level: Level,
    pub received: NaiveDate,
    pub decided: Option<NaiveDate>,
    pub accepted: Option<NaiveDate>,
    pub replied: Option<NaiveDate>,
    /// Approved extension; each clock takes at most its own `extension_cap` of it.
    pub extension_days: u32,
    /// The date the body that passed the item down wants the 办结报告 by (Art 22 (三)): the due
    /// date of a `unit = "given"` clock.
    pub superior_due: Option<NaiveDate>,
    /// The day the 办结报告 was sent back.
    pub reported: Option<NaiveDate>,
    /// Days not counted in the clocks that stop at the reply, each range inclusive: the
    /// hearings (听证) of a 复核 case (Art 36 第二款).
    pub paused: Vec<(NaiveDate, NaiveDate)>,
    /// The day this office 交办'd the item to another body (a pass-on asking for the
    /// 办结报告, Art 22 (三)), the date it set for the report if any, and the day the report
    /// came back: the `outbound` clock.
    pub passed_on: Option<NaiveDate>,
    /// The day the petitioner was told the decision in writing (Art 23 第二款), if recorded.
    pub notified: Option<NaiveDate>,
    pub report_by: Option<NaiveDate>,
    pub report_received: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ClockStatus {
    /// Not stopped yet. `days_left` = due − today in calendar days, `working_days_left` =
    /// working days in (today, due] (negative once past); overdue when today > due; due soon when
    /// not overdue and `working_days_left <= policy.due_soon_working_days`.
    Running {
        days_left: i64,
        working_days_left: i64,
        due_soon: bool,
        overdue: bool,
    },
    /// Stopped on or before the due date.
    Met { done: NaiveDate },
    /// Stopped after the due date, `days_late` calendar days late.
    Late { done: NaiveDate, days_late: i64 },
    /// Decided in time (`done`), but the written notice of it given on `notified`, `days_late`
    /// calendar days after the due date (Art 23 第二款: 书面告知 within the period): 书面告知逾期.
    NoticeLate {
        done: NaiveDate,
        notified: NaiveDate,
        days_late: i64,
    },
    /// A window (`stop = "never"`, e.g. the 复查 request period): `days_left` as for `Running`;
    /// `closed` once today is past the last day. Never overdue.
    Window { days_left: i64, closed: bool },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClockView {
    pub key: String,
    pub start: NaiveDate,
    pub due: NaiveDate,
    pub status: ClockStatus,
    /// Years in the computation with no official holiday table: counted with the statutory days
    /// computed by `calendar::statutory`, so the due date is provisional; say so.
    pub uncovered_years: Vec<i32>,
    /// Days passed over as paused (听证, Art 36 第二款): the due date is this much later than
    /// the count alone would make it; say why.
    #[serde(skip_serializing_if = "is_zero")]
    pub paused_days: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// The clocks that apply to the case's channel and whose start event has happened, in policy
/// order, as they stand on `today`.
pub fn clocks(
    policy: &Policy,
    cal: &HolidayCalendar,
    facts: &ClockFacts,
    today: NaiveDate,
) -> Vec<ClockView> {
    policy
        .clocks
        .iter()
        .filter(|rule| policy.applies_at(rule, facts.channel, facts.level))
        .filter_map(|rule| {
            let start = match rule.start {
                ClockStart::Received => Some(facts.received),
                ClockStart::Accepted => facts.accepted,
                ClockStart::Replied => facts.replied,
                // Art 35: a review is of a handling opinion; an item not accepted has none.
                ClockStart::Answered => facts.replied.filter(|_| facts.accepted.is_some()),
                ClockStart::PassedOn => facts.passed_on,
            }?;
            let (due, passed, given) = due_and_paused(cal, rule, facts, start)?;
            let mut view = view(policy, cal, rule, facts, (start, due), today);
            view.paused_days = passed;
            if given {
                // A date someone set (the superior's, ours on a 交办) is not counted on the
                // calendar, so it is not provisional; only the days left to it may be.
                view.uncovered_years.clear();
            }
            Some(view)
        })
        .collect()
}

/// A clock's due date, the hearing days it passed over, and whether the date was set rather
/// than counted; `None` where it runs only on a date that was not set.
fn due_and_paused(
    cal: &HolidayCalendar,
    rule: &ClockRule,
    facts: &ClockFacts,
    start: NaiveDate,
) -> Option<(NaiveDate, u32, bool)> {
    // Art 36 第二款: a hearing's days are not counted in the clock that ends with the
    // reply (on a 复核 case, its 30 days); windows and the decision do not wait for it.
    let paused: &[(NaiveDate, NaiveDate)] = match rule.stop {
        // A first handling's hearing (Art 31 (六)) is counted: only Art 36 says otherwise.
        ClockStop::Replied if facts.level == Level::ReReview => &facts.paused,
        ClockStop::Replied => &[],
        ClockStop::Decided
        | ClockStop::Notified
        | ClockStop::Reported
        | ClockStop::ReportReceived
        | ClockStop::Never => &[],
    };
    // The date set when the item was passed down to us (the superior's), or by us when
    // we passed it on (Art 22 (三): 要求其在指定办理期限内反馈结果).
    let given = match rule.start {
        ClockStart::PassedOn => facts.report_by,
        ClockStart::Received
        | ClockStart::Accepted
        | ClockStart::Replied
        | ClockStart::Answered => facts.superior_due,
    };
    let counted = || {
        let (due, passed) = due_date_paused(cal, rule, start, facts.extension_days, paused);
        (due, passed, false)
    };
    Some(match (rule.unit, rule.start) {
        // Runs only where a date was set.
        (DayUnit::Given, _) => (given?, 0, true),
        // A 交办 without a date of its own is due the policy's length after it.
        (DayUnit::Calendar | DayUnit::Working, ClockStart::PassedOn) => match given {
            Some(d) => (d, 0, true),
            None => counted(),
        },
        (DayUnit::Calendar | DayUnit::Working, _) => counted(),
    })
}

fn view(
    policy: &Policy,
    cal: &HolidayCalendar,
    rule: &ClockRule,
    facts: &ClockFacts,
    (start, due): (NaiveDate, NaiveDate),
    today: NaiveDate,
) -> ClockView {
    let days_left = (due - today).num_days();
    let done = match rule.stop {
        ClockStop::Decided | ClockStop::Notified => facts.decided,
        ClockStop::Replied => facts.replied,
        ClockStop::Reported => facts.reported,
        ClockStop::ReportReceived => facts.report_received,
        ClockStop::Never => None,
    };
    let status = match (rule.stop, done) {
        (ClockStop::Never, _) => ClockStatus::Window {
            days_left,
            closed: today > due,
        },
        // Art 23 第二款: the notice, where recorded, must be in time as well as the decision.
        (ClockStop::Notified, Some(done))
            if done <= due && facts.notified.is_some_and(|n| n > due) =>
        {
            let notified = facts.notified.unwrap_or(done);
            ClockStatus::NoticeLate {
                done,
                notified,
                days_late: (notified - due).num_days(),
            }
        }
        (_, Some(done)) if done <= due => ClockStatus::Met { done },
        (_, Some(done)) => ClockStatus::Late {
            done,
            days_late: (done - due).num_days(),
        },
        (_, None) => {
            let working_days_left = cal.working_days_between(today, due);
            let overdue = today > due;
            ClockStatus::Running {
                days_left,
                working_days_left,
                due_soon: !overdue && working_days_left <= i64::from(policy.due_soon_working_days),
                overdue,
            }
        }
    };
    // A running clock also counts working days between today and the due date.
    let (from, to) = match status {
        ClockStatus::Running { .. } => (start.min(today), due.max(today)),
        ClockStatus::Met { .. }
        | ClockStatus::Late { .. }
        | ClockStatus::NoticeLate { .. }
        | ClockStatus::Window { .. } => (start, due),
    };
    ClockView {
        key: rule.key.clone(),
        start,
        due,
        status,
        uncovered_years: cal.uncovered_years(from, to),
        paused_days: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn due(key: &str, start: &str, ext: u32) -> NaiveDate {
        let p = Policy::builtin();
        due_date(
            &HolidayCalendar::builtin(),
            p.clock(key).unwrap(),
            d(start),
            ext,
        )
    }

    fn facts(channel: &str, received: &str) -> ClockFacts {
        ClockFacts {
            channel: channel.parse().unwrap(),
            level: Level::First,
            received: d(received),
            decided: None,
            accepted: None,
            replied: None,
            extension_days: 0,
            superior_due: None,
            reported: None,
            paused: Vec::new(),
            passed_on: None,
            notified: None,
            report_by: None,
            report_received: None,
        }
    }

    fn one(facts: &ClockFacts, key: &str, today: &str) -> ClockView {
        let all = clocks(
            &Policy::builtin(),
            &HolidayCalendar::builtin(),
            facts,
            d(today),
        );
        all.into_iter().find(|v| v.key == key).unwrap()
    }

    #[test]
    fn decide_rolls_past_spring_festival() {
        // 01-31 + 15 = 02-15, 春节 (02-15..23 off) → Tue 02-24.
        assert_eq!(due("decide", "2026-01-31", 0), d("2026-02-24"));
        // Without roll-forward the nominal day stands, holiday or not.
        let mut rule = Policy::builtin().clock("decide").unwrap().clone();
        rule.roll_forward = false;
        let cal = HolidayCalendar::builtin();
        assert_eq!(due_date(&cal, &rule, d("2026-01-31"), 0), d("2026-02-15"));
    }

    #[test]
    fn decide_around_national_day_2025() {
        // 09-16 + 15 = 10-01; 10-01..08 off → Thu 10-09.
        assert_eq!(due("decide", "2025-09-16", 0), d("2025-10-09"));
        // 09-26 + 15 = Sat 10-11, a make-up working day: no roll.
        assert_eq!(due("decide", "2025-09-26", 0), d("2025-10-11"));
        // 09-13 + 15 = Sun 09-28, a make-up working day: no roll.
        assert_eq!(due("decide", "2025-09-13", 0), d("2025-09-28"));
    }

    #[test]
    fn make_up_sunday_2026_01_04_is_a_working_day() {
        // 2025-12-20 + 15 = Sun 2026-01-04, a make-up working day: due that Sunday.
        assert_eq!(due("decide", "2025-12-20", 0), d("2026-01-04"));
        // 2025-12-19 + 15 = Sat 01-03, 元旦 off → the make-up Sunday 01-04.
        assert_eq!(due("decide", "2025-12-19", 0), d("2026-01-04"));
    }

    #[test]
    fn working_day_clock_across_holidays() {
        // Wed 02-11: Thu 12 (1), Fri 13 (2), Sat 14 make-up (3), 15..23 off, Tue 24 (4), Wed 25 (5).
        assert_eq!(due("object", "2026-02-11", 0), d("2026-02-25"));
        // Fri 2025-09-26: Sun 28 make-up (1), 29 (2), 30 (3), 10-01..08 off, 10-09 (4), 10-10 (5).
        assert_eq!(due("object", "2025-09-26", 0), d("2025-10-10"));
    }

    #[test]
    fn handle_with_extension() {
        // 2026-09-01 + 60 = 10-31 (30 days to 10-01, 30 more). 2026-10-01 is a Thursday, so
        // 10-31 is a Saturday; 2026.json does not list it (the make-up days are 09-20 and
        // 10-10) → rest day → Mon 11-02.
        assert_eq!(due("handle", "2026-09-01", 0), d("2026-11-02"));
        // Extension 30 lengthens the clock before the roll: 09-01 + 90 = 10-31 + 30 = 11-30, a
        // Monday (11-02 is a Monday, +28), unlisted → due 11-30 (not 11-02 + 30 = 12-02).
        assert_eq!(due("handle", "2026-09-01", 30), d("2026-11-30"));
        // More than the cap is clamped to 30; a clock with cap 0 ignores extensions.
        assert_eq!(due("handle", "2026-09-01", 45), d("2026-11-30"));
        assert_eq!(due("decide", "2026-01-31", 30), d("2026-02-24"));
    }

    #[test]
    fn review_window_across_national_day_2026() {
        // Replied Sat 09-05 + 30 = Mon 10-05, off until 10-07 → Thu 10-08.
        let mut f = facts("letter", "2026-08-01");
        f.accepted = Some(d("2026-08-03"));
        f.replied = Some(d("2026-09-05"));
        let open = one(&f, "review", "2026-09-28");
        assert_eq!((open.start, open.due), (d("2026-09-05"), d("2026-10-08")));
        let expected = ClockStatus::Window {
            days_left: 10,
            closed: false,
        };
        assert_eq!(open.status, expected);
        let last_day = one(&f, "review", "2026-10-08").status;
        assert_eq!(
            last_day,
            ClockStatus::Window {
                days_left: 0,
                closed: false
            }
        );
        let closed = one(&f, "review", "2026-10-09").status;
        assert_eq!(
            closed,
            ClockStatus::Window {
                days_left: -1,
                closed: true
            }
        );
    }

    #[test]
    fn running_status_counts_working_days() {
        let f = facts("visit", "2026-01-31"); // decide due Tue 2026-02-24
        let running = |today: &str| one(&f, "decide", today).status;
        // Tue 02-10: 14 days; (02-10, 02-24] has 11, 12, 13, 14 (make-up), 24 = 5 working days.
        let expected = ClockStatus::Running {
            days_left: 14,
            working_days_left: 5,
            due_soon: false,
            overdue: false,
        };
        assert_eq!(running("2026-02-10"), expected);
        // Fri 02-13: 11 calendar days but only 14 (make-up) and 24 → 2 working days: due soon.
        let expected = ClockStatus::Running {
            days_left: 11,
            working_days_left: 2,
            due_soon: true,
            overdue: false,
        };
        assert_eq!(running("2026-02-13"), expected);
        let expected = ClockStatus::Running {
            days_left: 0,
            working_days_left: 0,
            due_soon: true,
            overdue: false,
        };
        assert_eq!(running("2026-02-24"), expected);
        // Thu 02-26: two days past; (02-24, 02-26] = 25, 26.
        let expected = ClockStatus::Running {
            days_left: -2,
            working_days_left: -2,
            due_soon: false,
            overdue: true,
        };
        assert_eq!(running("2026-02-26"), expected);
    }

    #[test]
    fn met_and_late() {
        let mut f = facts("visit", "2026-01-31");
        f.decided = Some(d("2026-02-24"));
        let met = ClockStatus::Met {
            done: d("2026-02-24"),
        };
        assert_eq!(one(&f, "decide", "2026-03-10").status, met);
        f.decided = Some(d("2026-02-26"));
        let late = ClockStatus::Late {
            done: d("2026-02-26"),
            days_late: 2,
        };
        assert_eq!(one(&f, "decide", "2026-03-10").status, late);
    }

    #[test]
    fn clocks_follow_channel_start_events_and_policy_order() {
        let (p, cal) = (Policy::builtin(), HolidayCalendar::builtin());
        let keys = |f: &ClockFacts| -> Vec<String> {
            let views = clocks(&p, &cal, f, d("2026-03-02"));
            views.into_iter().map(|v| v.key).collect()
        };
        let mut f = facts("visit", "2026-02-02");
        assert_eq!(keys(&f), ["decide"]);
        f.channel = Channel::Referral;
        assert_eq!(keys(&f), ["decide", "object"]);
        f.accepted = Some(d("2026-02-03"));
        assert_eq!(keys(&f), ["decide", "object", "handle"]);
        f.replied = Some(d("2026-02-27"));
        assert_eq!(keys(&f), ["decide", "object", "handle", "review"]);
    }

    #[test]
    fn superior_deadline_overdue_before_the_handling_clock() {
        // Art 22 (三): a referral received Tue 2026-10-20, accepted the same day, due back to
        // the superior by Mon 2026-11-16 (the date it set, not a period counted here).
        let mut f = facts("referral", "2026-10-20");
        f.decided = Some(d("2026-10-20"));
        f.accepted = Some(d("2026-10-20"));
        f.superior_due = Some(d("2026-11-16"));
        // Handling: 10-20 + 60 = 12-19 (11 days to 10-31, 30 in November, 19 in December), a
        // Saturday, not a make-up day in 2026.json → Mon 12-21.
        let handle = one(&f, "handle", "2026-12-01");
        assert_eq!(handle.due, d("2026-12-21"));
        assert!(matches!(
            handle.status,
            ClockStatus::Running { overdue: false, .. }
        ));
        // On 12-01 the superior's date is 15 days gone: its own clock is overdue.
        let superior = one(&f, "superior", "2026-12-01");
        assert_eq!(
            (superior.start, superior.due),
            (d("2026-10-20"), d("2026-11-16"))
        );
        let expected = ClockStatus::Running {
            days_left: -15,
            // (11-16, 12-01]: 11 working days in November after the 16th (17..20, 23..27,
            // 30) plus 12-01 = 11.
            working_days_left: -11,
            due_soon: false,
            overdue: true,
        };
        assert_eq!(superior.status, expected);
    }

    #[test]
    fn superior_clock_runs_only_where_a_date_was_set_and_stops_at_the_report() {
        let mut f = facts("referral", "2026-10-20");
        assert!(
            clocks(
                &Policy::builtin(),
                &HolidayCalendar::builtin(),
                &f,
                d("2026-10-21")
            )
            .iter()
            .all(|v| v.key != "superior")
        );
        f.superior_due = Some(d("2026-11-16"));
        // Sent back on the last day: met. A date on a rest day would stand as given
        // (roll_forward = false): Sun 2026-11-15 stays 11-15.
        f.reported = Some(d("2026-11-16"));
        let met = ClockStatus::Met {
            done: d("2026-11-16"),
        };
        assert_eq!(one(&f, "superior", "2026-12-01").status, met);
        f.reported = Some(d("2026-11-18"));
        let late = ClockStatus::Late {
            done: d("2026-11-18"),
            days_late: 2,
        };
        assert_eq!(one(&f, "superior", "2026-12-01").status, late);
        f.superior_due = Some(d("2026-11-15"));
        assert_eq!(one(&f, "superior", "2026-12-01").due, d("2026-11-15"));
        // Another channel carries no superior's clock, even with a date (policy: referral).
        f.channel = Channel::Letter;
        assert!(
            clocks(
                &Policy::builtin(),
                &HolidayCalendar::builtin(),
                &f,
                d("2026-12-01")
            )
            .iter()
            .all(|v| v.key != "superior")
        );
    }

    #[test]
    fn year_without_table_falls_back_and_says_so() {
        // 2026-12-17 + 15 = Fri 2027-01-01 元旦: no 2027 table, but a statutory day off (放假办法
        // 第二条), then Sat, Sun → Mon 2027-01-04.
        let v = one(&facts("visit", "2026-12-17"), "decide", "2026-12-18");
        assert_eq!(v.due, d("2027-01-04"));
        assert_eq!(v.uncovered_years, vec![2027]);
        // Referral on Fri 2027-03-05: Mon 08 (1) .. Fri 12 (5).
        let v = one(&facts("referral", "2027-03-05"), "object", "2027-03-05");
        assert_eq!(v.due, d("2027-03-12"));
        assert_eq!(v.uncovered_years, vec![2027]);
        // Fully inside covered years: nothing to report.
        let v = one(&facts("visit", "2026-01-31"), "decide", "2026-02-10");
        assert!(v.uncovered_years.is_empty());
    }

    #[test]
    fn override_decide_to_seven_working_days() {
        let toml = "[[clock]]\nkey = \"decide\"\ndays = 7\nunit = \"working\"\n";
        let p = Policy::builtin().with_override(toml).unwrap();
        let cal = HolidayCalendar::builtin();
        // Wed 02-11: 12 (1), 13 (2), Sat 14 make-up (3), 15..23 off, 24 (4), 25 (5), 26 (6), 27 (7).
        let views = clocks(&p, &cal, &facts("visit", "2026-02-11"), d("2026-02-12"));
        assert_eq!(views[0].due, d("2026-02-27"));
    }

    #[test]
    fn views_serialise_with_a_status_tag() {
        let v = one(&facts("visit", "2026-01-31"), "decide", "2026-02-13");
        let json = serde_json::to_value(&v).unwrap();
        let expected = serde_json::json!({
            "key": "decide", "start": "2026-01-31", "due": "2026-02-24",
            "status": {"status": "running", "days_left": 11, "working_days_left": 2,
                       "due_soon": true, "overdue": false},
            "uncovered_years": [],
        });
        assert_eq!(json, expected);
        let window = ClockStatus::Window {
            days_left: 3,
            closed: false,
        };
        let json = serde_json::to_string(&window).unwrap();
        assert_eq!(json, r#"{"status":"window","days_left":3,"closed":false}"#);
    }
}
