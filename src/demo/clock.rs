//! When things happen in the demo: receipt times spread over two years,
//! office hours on working days (official holiday table, 调休 included),
//! and later steps that always move forward and never pass `now`.

use chrono::{Datelike, Days, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use rand::Rng;
use rand::rngs::StdRng;

use crate::domain::calendar::HolidayCalendar;
use crate::domain::types::Channel;

/// Office hours 08:30–17:30, in minutes after midnight.
const OPEN: u32 = 8 * 60 + 30;
const CLOSE: u32 = 17 * 60 + 30;
/// How far back the demo history reaches.
pub const HISTORY_DAYS: u64 = 730;

pub struct Clock<'a> {
    pub cal: &'a HolidayCalendar,
    /// `now` in office-local time.
    pub now: NaiveDateTime,
    /// The office's UTC offset (+08:00).
    pub offset: FixedOffset,
    first: NaiveDate,
}

fn time(minutes: u32, second: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(minutes / 60 % 24, minutes % 60, second % 60).unwrap_or(NaiveTime::MIN)
}

fn minutes(t: NaiveTime) -> u32 {
    use chrono::Timelike;
    t.hour() * 60 + t.minute()
}

impl<'a> Clock<'a> {
    pub fn new(cal: &'a HolidayCalendar, now: NaiveDateTime, offset: FixedOffset) -> Clock<'a> {
        let first = now
            .date()
            .checked_sub_days(Days::new(HISTORY_DAYS))
            .unwrap_or(now.date());
        Clock {
            cal,
            now,
            offset,
            first,
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }

    /// A moment in office hours, thinner over the lunch break.
    fn office_time(rng: &mut StdRng) -> NaiveTime {
        loop {
            let m = rng.random_range(OPEN..CLOSE);
            if !(12 * 60..13 * 60 + 30).contains(&m) || rng.random_bool(0.3) {
                return time(m, rng.random_range(0..60));
            }
        }
    }

    /// Any moment of the day, mostly waking hours (online and e-mail).
    fn any_time(rng: &mut StdRng) -> NaiveTime {
        loop {
            let m = rng.random_range(0..24 * 60);
            if (7 * 60..23 * 60).contains(&m) || rng.random_bool(0.15) {
                return time(m, rng.random_range(0..60));
            }
        }
    }

    /// Whether a working day is taken: Mondays are busiest, Fridays and
    /// make-up weekend days quieter.
    fn weekday_weight(d: NaiveDate) -> f64 {
        match d.weekday() {
            Weekday::Mon => 1.0,
            Weekday::Tue => 0.9,
            Weekday::Wed | Weekday::Thu => 0.85,
            Weekday::Fri => 0.75,
            Weekday::Sat | Weekday::Sun => 0.6,
        }
    }

    /// When a petition of this channel was received, within the history,
    /// or (`recent`) within the last two weeks.
    pub fn received(&self, rng: &mut StdRng, channel: Channel, recent: bool) -> NaiveDateTime {
        let anytime = matches!(channel, Channel::Online | Channel::Email);
        for _ in 0..200 {
            let d = if recent {
                self.now.date() - Days::new(rng.random_range(0..=14))
            } else {
                self.first + Days::new(rng.random_range(0..=HISTORY_DAYS))
            };
            let working = self.cal.is_working_day(d);
            let take = if working {
                rng.random_bool(Self::weekday_weight(d))
            } else {
                anytime && rng.random_bool(0.4)
            };
            if !take {
                continue;
            }
            let t = if anytime {
                Self::any_time(rng)
            } else {
                Self::office_time(rng)
            };
            let at = d.and_time(t);
            if at <= self.now {
                return at;
            }
        }
        self.now - Duration::minutes(1)
    }

    /// The next office moment at or a little after `t` (the clerk records an
    /// online submission made at night on the next working morning).
    pub fn at_office(&self, rng: &mut StdRng, t: NaiveDateTime) -> NaiveDateTime {
        let m = minutes(t.time());
        let next = if self.cal.is_working_day(t.date()) && (OPEN..CLOSE - 30).contains(&m) {
            t + Duration::minutes(rng.random_range(2..30))
        } else {
            let day = if m < OPEN && self.cal.is_working_day(t.date()) {
                t.date()
            } else {
                self.cal
                    .next_working_day_on_or_after(t.date() + Days::new(1))
            };
            day.and_time(time(
                OPEN + rng.random_range(0..120),
                rng.random_range(0..60),
            ))
        };
        next.min(self.now).max(t)
    }

    /// A moment `min_days..=max_days` after `prev` (small delays likelier),
    /// on a working day in office hours, strictly after `prev`. May lie
    /// after `now`: the caller stops the case's history there.
    pub fn after(
        &self,
        rng: &mut StdRng,
        prev: NaiveDateTime,
        min_days: u64,
        max_days: u64,
    ) -> NaiveDateTime {
        let span = max_days.saturating_sub(min_days);
        let u: f64 = rng.random();
        let days = min_days + ((span + 1) as f64 * u * u).min(span as f64) as u64;
        let day = self
            .cal
            .next_working_day_on_or_after(prev.date() + Days::new(days));
        if day > prev.date() {
            return day.and_time(Self::office_time(rng));
        }
        // Same day: a few minutes to two hours later, or the next working day.
        let later = prev + Duration::minutes(rng.random_range(3..120));
        if later.date() == prev.date() && minutes(later.time()) < CLOSE {
            later
        } else {
            let next = self
                .cal
                .next_working_day_on_or_after(prev.date() + Days::new(1));
            next.and_time(Self::office_time(rng))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn steps_move_forward_in_office_hours() {
        let cal = HolidayCalendar::builtin();
        let now = NaiveDate::from_ymd_opt(2026, 2, 10)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .unwrap();
        let clock = Clock::new(&cal, now, FixedOffset::east_opt(8 * 3600).unwrap());
        let mut rng = StdRng::seed_from_u64(1);
        for _ in 0..2000 {
            let ch = Channel::ALL[rng.random_range(0..Channel::ALL.len())];
            let recent = rng.random_bool(0.1);
            let r = clock.received(&mut rng, ch, recent);
            assert!(r <= now);
            if ch == Channel::Visit {
                assert!(cal.is_working_day(r.date()));
                assert!((OPEN..CLOSE).contains(&minutes(r.time())));
            }
            let a = clock.at_office(&mut rng, r);
            assert!(a >= r && a <= now);
            let b = clock.after(&mut rng, a, 0, 3);
            assert!(b > a && cal.is_working_day(b.date()));
        }
    }
}
