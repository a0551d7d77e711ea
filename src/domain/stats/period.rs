//! The period a report covers, parsed from what the user typed, and the two periods it is
//! compared with: the one before it (环比) and the same one a year earlier (同比).

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Serialize, Serializer};

/// Earliest and latest year a period may name: keeps date arithmetic (a year back, a
/// quarter back) far from chrono's limits and catches a mistyped year.
pub const YEARS: std::ops::RangeInclusive<i32> = 1949..=9999;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    /// One day (日报): `day` is today, `2026-11-05` a named day.
    Day,
    /// Monday to Sunday (周报): `week` is the current week.
    Week,
    /// A calendar month (月报): `2026-11`, or `month` for the current one.
    Month,
    /// A calendar quarter: `2026-Q4`, or `quarter`.
    Quarter,
    /// A calendar year: `2026`, or `year`.
    Year,
    /// Any run of whole days: `2026-11-01..2026-11-15`.
    Range,
}

impl PeriodKind {
    /// The reports the leader's screen steps through: 日报, 周报, 月报, 季报, 年报.
    pub const PRESETS: [PeriodKind; 5] = [
        PeriodKind::Day,
        PeriodKind::Week,
        PeriodKind::Month,
        PeriodKind::Quarter,
        PeriodKind::Year,
    ];
}

/// Whole office-local days `start..=end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub kind: PeriodKind,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// Why a period was not understood. `strings::report::period_error` says it in words, with
/// the accepted forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeriodError {
    Empty,
    /// Matches none of the forms.
    Unrecognised(String),
    /// `2026-13`: the month is not 1–12.
    BadMonth {
        input: String,
        month: u32,
    },
    /// `2026-Q5`: the quarter is not 1–4.
    BadQuarter {
        input: String,
        quarter: u32,
    },
    /// `2026-02-30`: a day that does not exist.
    BadDate(String),
    /// A year outside [`YEARS`].
    BadYear {
        input: String,
        year: i32,
    },
    /// `2026-11-15..2026-11-01`.
    Reversed {
        start: NaiveDate,
        end: NaiveDate,
    },
    /// The period begins after today: nothing to count yet.
    Future {
        start: NaiveDate,
        today: NaiveDate,
    },
}

impl Period {
    /// Parses `2026-11` (month), `2026-Q4` (quarter), `2026` (year),
    /// `2026-11-01..2026-11-15` (range, both days included), `2026-11-05` (one day), and the
    /// presets `day` (today), `week` (this Monday to Sunday), `month`, `quarter` and `year`
    /// (the current ones), all in the office's local dates. A period that begins after
    /// `today` is refused.
    pub fn parse(input: &str, today: NaiveDate) -> Result<Period, PeriodError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(PeriodError::Empty);
        }
        let period = match s.to_ascii_lowercase().as_str() {
            "day" | "today" => Period::day(today),
            "week" => Period::week_of(today),
            "month" => Period::month(today.year(), today.month()),
            "quarter" => Period::quarter(today.year(), today.month0() / 3 + 1),
            "year" => Period::year(today.year()),
            lower => parse_named(s, lower)?,
        };
        if period.start > today {
            return Err(PeriodError::Future {
                start: period.start,
                today,
            });
        }
        Ok(period)
    }

    pub fn day(d: NaiveDate) -> Period {
        Period {
            kind: PeriodKind::Day,
            start: d,
            end: d,
        }
    }

    /// The Monday-to-Sunday week holding `d`.
    pub fn week_of(d: NaiveDate) -> Period {
        let monday = d - Days::new(u64::from(d.weekday().num_days_from_monday()));
        Period {
            kind: PeriodKind::Week,
            start: monday,
            end: monday + Days::new(6),
        }
    }

    /// Month `month` (1..=12; other values are taken as the nearest) of `year` (within
    /// [`YEARS`] for sensible dates).
    pub fn month(year: i32, month: u32) -> Period {
        let start = ymd(year, month.clamp(1, 12), 1);
        Period {
            kind: PeriodKind::Month,
            start,
            end: last_of_month(start),
        }
    }

    /// Quarter `q` (1..=4; other values are taken as the nearest).
    pub fn quarter(year: i32, q: u32) -> Period {
        let q = q.clamp(1, 4);
        let start = ymd(year, (q - 1) * 3 + 1, 1);
        let end = last_of_month(ymd(year, q * 3, 1));
        Period {
            kind: PeriodKind::Quarter,
            start,
            end,
        }
    }

    pub fn year(year: i32) -> Period {
        Period {
            kind: PeriodKind::Year,
            start: ymd(year, 1, 1),
            end: ymd(year, 12, 31),
        }
    }

    pub fn range(start: NaiveDate, end: NaiveDate) -> Result<Period, PeriodError> {
        if end < start {
            return Err(PeriodError::Reversed { start, end });
        }
        Ok(Period {
            kind: PeriodKind::Range,
            start,
            end,
        })
    }

    /// Days in the period.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    pub fn contains(&self, d: NaiveDate) -> bool {
        self.start <= d && d <= self.end
    }

    /// The period of `kind` holding `d`: its day, week, month, quarter or year (a range
    /// becomes the month).
    pub fn of(kind: PeriodKind, d: NaiveDate) -> Period {
        match kind {
            PeriodKind::Day => Period::day(d),
            PeriodKind::Week => Period::week_of(d),
            PeriodKind::Month | PeriodKind::Range => Period::month(d.year(), d.month()),
            PeriodKind::Quarter => Period::quarter(d.year(), d.month0() / 3 + 1),
            PeriodKind::Year => Period::year(d.year()),
        }
    }

    /// The period after: the next day, week, month, quarter or year; a range moves by its
    /// own length. The opposite of [`Period::previous`].
    pub fn next(&self) -> Period {
        match self.kind {
            PeriodKind::Day | PeriodKind::Week | PeriodKind::Range => {
                let n = Days::new(self.days() as u64);
                Period {
                    kind: self.kind,
                    start: self.start + n,
                    end: self.end + n,
                }
            }
            PeriodKind::Month | PeriodKind::Quarter | PeriodKind::Year => {
                Period::of(self.kind, self.end + Days::new(1))
            }
        }
    }

    /// The period before (环比): the previous day, week, month, quarter or year; for a range,
    /// the same number of days ending the day before it starts.
    pub fn previous(&self) -> Period {
        match self.kind {
            PeriodKind::Day | PeriodKind::Week | PeriodKind::Range => {
                let n = Days::new(self.days() as u64);
                Period {
                    kind: self.kind,
                    start: self.start - n,
                    end: self.end - n,
                }
            }
            PeriodKind::Month => {
                let start = self.start - Months::new(1);
                Period::month(start.year(), start.month())
            }
            PeriodKind::Quarter => {
                let start = self.start - Months::new(3);
                Period::quarter(start.year(), start.month0() / 3 + 1)
            }
            PeriodKind::Year => Period::year(self.start.year() - 1),
        }
    }

    /// The same period a year earlier (同比). A week is the week 52 weeks earlier (Monday to
    /// Sunday again); a day or range is shifted by one calendar year (29 February becomes the
    /// 28th).
    pub fn year_before(&self) -> Period {
        match self.kind {
            PeriodKind::Week => Period {
                kind: self.kind,
                start: self.start - Days::new(364),
                end: self.end - Days::new(364),
            },
            PeriodKind::Month => Period::month(self.start.year() - 1, self.start.month()),
            PeriodKind::Quarter => {
                Period::quarter(self.start.year() - 1, self.start.month0() / 3 + 1)
            }
            PeriodKind::Year => Period::year(self.start.year() - 1),
            PeriodKind::Day | PeriodKind::Range => Period {
                kind: self.kind,
                start: self.start - Months::new(12),
                end: self.end - Months::new(12),
            },
        }
    }

    /// The three periods a report made on `today` sets side by side: this one, the one
    /// before (环比) and the same one a year earlier (同比). A period still running is
    /// compared with the same stretch of the other two (12月1日至7日 with 11月1日至7日 and
    /// 2025年12月1日至7日), not with their whole: a week into a month is not a fall of
    /// four fifths. The stretches are free ranges, so they are labelled by their dates.
    pub fn compared(&self, today: NaiveDate) -> [Period; 3] {
        let (previous, year_before) = (self.previous(), self.year_before());
        if today < self.start || today >= self.end {
            return [*self, previous, year_before];
        }
        let to = |p: Period, end: NaiveDate| Period {
            kind: PeriodKind::Range,
            start: p.start,
            end: end.clamp(p.start, p.end),
        };
        let elapsed = Days::new((today - self.start).num_days() as u64);
        // Each stretch ends on the day that corresponds to today, found as its start was.
        let before_end = match self.kind {
            PeriodKind::Day | PeriodKind::Week | PeriodKind::Range => previous.start + elapsed,
            PeriodKind::Month => months_back(today, 1),
            PeriodKind::Quarter => months_back(today, 3),
            PeriodKind::Year => months_back(today, 12),
        };
        let year_end = match self.kind {
            PeriodKind::Week => year_before.start + elapsed,
            _ => months_back(today, 12),
        };
        [*self, to(previous, before_end), to(year_before, year_end)]
    }

    /// The canonical spelling, accepted back by [`Period::parse`]: `2026-11-05`,
    /// `2026-11-16..2026-11-22` (a week), `2026-11`, `2026-Q4`, `2026`,
    /// `2026-11-01..2026-11-15`.
    pub fn code(&self) -> String {
        match self.kind {
            PeriodKind::Day => self.start.to_string(),
            PeriodKind::Week | PeriodKind::Range => format!("{}..{}", self.start, self.end),
            PeriodKind::Month => format!("{}-{:02}", self.start.year(), self.start.month()),
            PeriodKind::Quarter => {
                format!("{}-Q{}", self.start.year(), self.start.month0() / 3 + 1)
            }
            PeriodKind::Year => self.start.year().to_string(),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Period", 4)?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("code", &self.code())?;
        st.serialize_field("start", &self.start)?;
        st.serialize_field("end", &self.end)?;
        st.end()
    }
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

fn last_of_month(first: NaiveDate) -> NaiveDate {
    first + Months::new(1) - Days::new(1)
}

fn parse_named(s: &str, lower: &str) -> Result<Period, PeriodError> {
    let unrecognised = || PeriodError::Unrecognised(s.to_owned());
    if let Some((a, b)) = s.split_once("..") {
        let start = parse_date(a.trim(), s)?;
        let end = parse_date(b.trim(), s)?;
        return Period::range(start, end);
    }
    let parts: Vec<&str> = lower.split('-').collect();
    let number = |p: &str| -> Option<u32> {
        (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let year = |p: &str| -> Result<i32, PeriodError> {
        let y = number(p)
            .filter(|_| p.len() == 4)
            .ok_or_else(unrecognised)? as i32;
        if YEARS.contains(&y) {
            Ok(y)
        } else {
            Err(PeriodError::BadYear {
                input: s.to_owned(),
                year: y,
            })
        }
    };
    match parts.as_slice() {
        [y] => Ok(Period::year(year(y)?)),
        [y, q] if q.starts_with('q') => {
            let y = year(y)?;
            let q = number(&q[1..])
                .filter(|_| q.len() == 2)
                .ok_or_else(unrecognised)?;
            if !(1..=4).contains(&q) {
                return Err(PeriodError::BadQuarter {
                    input: s.to_owned(),
                    quarter: q,
                });
            }
            Ok(Period::quarter(y, q))
        }
        [y, m] => {
            let y = year(y)?;
            let m = number(m)
                .filter(|_| m.len() <= 2)
                .ok_or_else(unrecognised)?;
            if !(1..=12).contains(&m) {
                return Err(PeriodError::BadMonth {
                    input: s.to_owned(),
                    month: m,
                });
            }
            Ok(Period::month(y, m))
        }
        [_, _, _] => Ok(Period::day(parse_date(s, s)?)),
        _ => Err(unrecognised()),
    }
}

/// `YYYY-MM-DD` (one-digit month and day accepted).
fn parse_date(part: &str, input: &str) -> Result<NaiveDate, PeriodError> {
    let fields: Vec<&str> = part.split('-').collect();
    let [y, m, d] = fields.as_slice() else {
        return Err(PeriodError::Unrecognised(input.to_owned()));
    };
    let num = |p: &str, max_len: usize| -> Option<u32> {
        (!p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let (Some(y), Some(m), Some(d)) = (num(y, 4).filter(|_| y.len() == 4), num(m, 2), num(d, 2))
    else {
        return Err(PeriodError::Unrecognised(input.to_owned()));
    };
    let y = y as i32;
    if !YEARS.contains(&y) {
        return Err(PeriodError::BadYear {
            input: input.to_owned(),
            year: y,
        });
    }
    if !(1..=12).contains(&m) {
        return Err(PeriodError::BadMonth {
            input: input.to_owned(),
            month: m,
        });
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| PeriodError::BadDate(part.to_owned()))
}

/// The day `n` months before `d`; a month's last day goes to that month's last day (30
/// November, three months back, is 31 August: the quarter so far is two whole months).
fn months_back(d: NaiveDate, n: u32) -> NaiveDate {
    let last_of_month = d
        .checked_add_days(Days::new(1))
        .is_some_and(|next| next.day() == 1);
    if !last_of_month {
        return d - Months::new(n);
    }
    let first = d.with_day(1).unwrap_or(d) - Months::new(n);
    (first + Months::new(1)).pred_opt().unwrap_or(first)
}

#[cfg(test)]
#[path = "period_tests.rs"]
mod tests;
