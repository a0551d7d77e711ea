//! The one place that reads the system time. The desk, the CLI and the tests
//! share this `Clock`: a real one reads the system time in the office's UTC
//! offset; a fixed one (tests, replays) always answers the same instant.
//! Every date shown or printed is the office's local date, taken from here.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The system time, seen in the office's offset (+08:00 for Beijing).
    System { offset: FixedOffset },
    /// Always this instant (tests, scripted runs).
    Fixed(DateTime<FixedOffset>),
}

impl Clock {
    pub fn system(offset: FixedOffset) -> Clock {
        Clock::System { offset }
    }

    pub fn fixed(at: DateTime<FixedOffset>) -> Clock {
        Clock::Fixed(at)
    }

    /// Now, in the office's offset.
    pub fn now(&self) -> DateTime<FixedOffset> {
        match *self {
            Clock::System { offset } => Utc::now().with_timezone(&offset),
            Clock::Fixed(at) => at,
        }
    }

    /// The office's local date now (never the UTC date: at 07:00 in Beijing
    /// the UTC date is still yesterday).
    pub fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }

    /// The offset the clock reports in.
    pub fn offset(&self) -> FixedOffset {
        match *self {
            Clock::System { offset } => offset,
            Clock::Fixed(at) => *at.offset(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_the_offices_local_date() {
        let beijing = FixedOffset::east_opt(8 * 3600).expect("offset");
        // 2026-12-04 23:30 UTC is 07:30 on the 5th in Beijing.
        let at = DateTime::parse_from_rfc3339("2026-12-04T23:30:00Z")
            .expect("time")
            .with_timezone(&beijing);
        let clock = Clock::fixed(at);
        assert_eq!(
            clock.today(),
            NaiveDate::from_ymd_opt(2026, 12, 5).expect("date")
        );
        assert_eq!(clock.offset(), beijing);
    }

    #[test]
    fn the_system_clock_reports_in_the_office_offset() {
        let beijing = FixedOffset::east_opt(8 * 3600).expect("offset");
        let clock = Clock::system(beijing);
        assert_eq!(*clock.now().offset(), beijing);
        assert_eq!(clock.today(), clock.now().date_naive());
    }
}
