//! Counting a clock's due date: its length on the office's calendar, passing over paused days.
//!
//! The convention (pinned by `deadline`'s tests and tests/hearing.rs): dates are office-local dates and the start day
//! is not counted. A calendar clock of N days is nominally due on start + N; a working-day clock
//! on the N-th working day after the start. An extension adds to the length first (in the
//! clock's own unit); then, with `roll_forward`, a nominal due date on a rest day moves once to
//! the next working day (a make-up working Saturday or Sunday is a working day).
//!
//! Paused days (the days of a 听证, Art 36 第二款: 听证所需时间不计算在前款规定的期限内) are
//! taken out of the count, not added at the end: the clock counts its days after the start one
//! by one, passing over each paused day as it passes over the start day, until it has counted
//! its length; the day it reaches is the nominal due date, which then rolls forward as any.
//! So a hearing inside the period moves the due date by its length in the clock's unit (each
//! calendar day for a calendar clock, even a weekend or a holiday; only its working days for a
//! working-day clock), several hearings add up (a day two of them share counts once), a hearing
//! on the start day moves nothing (that day is not counted anyway), and one held after the
//! period had run out moves nothing either (those days were never in it).

use chrono::{Days, NaiveDate};

use crate::domain::calendar::HolidayCalendar;
use crate::domain::policy::{ClockRule, DayUnit};

/// The due date of `rule` started on `start`, with `extension_days` (clamped to the rule's
/// `extension_cap`) added to its length.
pub fn due_date(
    cal: &HolidayCalendar,
    rule: &ClockRule,
    start: NaiveDate,
    extension_days: u32,
) -> NaiveDate {
    due_date_paused(cal, rule, start, extension_days, &[]).0
}

/// As [`due_date`], passing over the `paused` days (inclusive ranges) as the module's comment
/// says; also returns how many days were passed over.
pub fn due_date_paused(
    cal: &HolidayCalendar,
    rule: &ClockRule,
    start: NaiveDate,
    extension_days: u32,
    paused: &[(NaiveDate, NaiveDate)],
) -> (NaiveDate, u32) {
    // Art 34: the extension lengthens the limit once, by at most the cap (30 days by default).
    let length = rule
        .days
        .saturating_add(extension_days.min(rule.extension_cap));
    let (nominal, passed) = match rule.unit {
        DayUnit::Calendar | DayUnit::Working if !paused.is_empty() => {
            count_past_paused(cal, rule.unit, start, length, paused)
        }
        DayUnit::Calendar => (
            start
                .checked_add_days(Days::new(u64::from(length)))
                .unwrap_or(NaiveDate::MAX),
            0,
        ),
        DayUnit::Working => (cal.add_working_days(start, length), 0),
        // A given date has no length to count; `clocks` takes it from `ClockFacts::superior_due`.
        DayUnit::Given => (start, 0),
    };
    let due = if rule.roll_forward {
        cal.next_working_day_on_or_after(nominal)
    } else {
        nominal
    };
    (due, passed)
}

/// The day the `length`-th counted day after `start` falls on, a paused day never counted (nor
/// a rest day, for a working-day clock); and the paused days passed over on the way.
fn count_past_paused(
    cal: &HolidayCalendar,
    unit: DayUnit,
    start: NaiveDate,
    length: u32,
    paused: &[(NaiveDate, NaiveDate)],
) -> (NaiveDate, u32) {
    let (mut day, mut left, mut passed) = (start, length, 0);
    while left > 0 {
        let Some(next) = day.succ_opt() else { break };
        day = next;
        let counts = match unit {
            DayUnit::Working => cal.is_working_day(day),
            DayUnit::Calendar | DayUnit::Given => true,
        };
        if !counts {
            continue;
        }
        if paused.iter().any(|(from, to)| (*from..=*to).contains(&day)) {
            passed += 1;
        } else {
            left -= 1;
        }
    }
    (day, passed)
}
