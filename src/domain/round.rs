//! Screening rounds (矛盾纠纷排查): the period in which every unit reports, and the round a
//! day falls in. A leaf: the policy names the period, the register counts by the round.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::vocab::vocabulary;

vocabulary! {
    /// How often every unit reports (a round): half-monthly by default (seed 000).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
    pub enum RoundPeriod {
        Week = "week",
        #[default]
        HalfMonth = "half_month",
        Month = "month",
    }
}

/// A screening round: its first and last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Round {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Round {
    pub fn holds(&self, day: NaiveDate) -> bool {
        (self.start..=self.end).contains(&day)
    }
}

fn month_end(day: NaiveDate) -> NaiveDate {
    let first = day.with_day(1).unwrap_or(day);
    (first + chrono::Months::new(1)).pred_opt().unwrap_or(day)
}

/// The round `day` falls in: a week from Monday; a half month (1–15, 16–end); a month.
pub fn round_of(day: NaiveDate, period: RoundPeriod) -> Round {
    match period {
        RoundPeriod::Week => {
            let back = u64::from(day.weekday().num_days_from_monday());
            let start = day.checked_sub_days(Days::new(back)).unwrap_or(day);
            Round {
                start,
                end: start.checked_add_days(Days::new(6)).unwrap_or(start),
            }
        }
        RoundPeriod::HalfMonth if day.day() <= 15 => Round {
            start: day.with_day(1).unwrap_or(day),
            end: day.with_day(15).unwrap_or(day),
        },
        RoundPeriod::HalfMonth => Round {
            start: day.with_day(16).unwrap_or(day),
            end: month_end(day),
        },
        RoundPeriod::Month => Round {
            start: day.with_day(1).unwrap_or(day),
            end: month_end(day),
        },
    }
}
