//! The statutory days off of a year that has no official table, computed from
//! 《全国年节及纪念日放假办法》 (2024 revision). The State Council's yearly table is the
//! authority; until an office imports it, these days keep due dates off 元旦, 春节 and the rest.
//!
//! 第二条: 元旦 1 day (1月1日), 春节 4 days (农历除夕、正月初一至初三), 清明 1 day (清明当日),
//! 劳动节 2 days (5月1日、2日), 端午 1 day (农历五月初五), 中秋 1 day (农历八月十五),
//! 国庆 3 days (10月1日至3日). The lunar dates and 清明 come from tyme4rs' conversions only.
//! No 调休 is ever invented: no weekend becomes a working day.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, OnceLock};

use chrono::{Datelike, Days, NaiveDate, Weekday};
use tyme4rs::tyme::lunar::LunarDay;
use tyme4rs::tyme::solar::{SolarDay, SolarTerm};

/// The years the lunar conversion is asked about; outside them a year has weekends only
/// (no office keeps a ledger there, and the conversion's range is not unbounded).
const COMPUTED_YEARS: std::ops::RangeInclusive<i32> = 1901..=2199;

/// One statutory day off: the holiday's name and whether it is a 补假 (a working day given
/// off because one of the holiday's days fell on a weekend).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RestDay {
    pub name: &'static str,
    pub in_lieu: bool,
}

/// A holiday of 第二条: its name and its days, in order.
struct Block {
    name: &'static str,
    days: Vec<NaiveDate>,
}

/// A year's statutory days off, by date.
pub type RestDays = BTreeMap<NaiveDate, RestDay>;

/// The statutory days off of `year` (第二条 and 第六条's 补假), by date; computed once per year
/// and kept, as the answer depends on the year alone.
pub fn rest_days(year: i32) -> Arc<RestDays> {
    static MEMO: OnceLock<Mutex<BTreeMap<i32, Arc<RestDays>>>> = OnceLock::new();
    let memo = MEMO.get_or_init(|| Mutex::new(BTreeMap::new()));
    // A poisoned lock still holds only complete entries: each is inserted whole.
    let mut held = memo.lock().unwrap_or_else(|e| e.into_inner());
    Arc::clone(held.entry(year).or_insert_with(|| Arc::new(compute(year))))
}

fn compute(year: i32) -> RestDays {
    let mut out = BTreeMap::new();
    if !COMPUTED_YEARS.contains(&year) {
        return out;
    }
    let blocks = blocks(year);
    for block in &blocks {
        for day in &block.days {
            out.entry(*day).or_insert(RestDay {
                name: block.name,
                in_lieu: false,
            });
        }
    }
    // 第六条: a statutory day on a Saturday or Sunday "应当在工作日补假". This is the provisional
    // reading: the first working days after the holiday's block, one per such day. The State
    // Council's table decides where the 补假 actually falls.
    for block in &blocks {
        let owed = block.days.iter().filter(|d| is_weekend(**d)).count();
        let Some(mut day) = block.days.last().copied() else {
            continue;
        };
        for _ in 0..owed {
            loop {
                match day.checked_add_days(Days::new(1)) {
                    Some(next) => day = next,
                    None => return out,
                }
                if !is_weekend(day) && !out.contains_key(&day) {
                    break;
                }
            }
            out.insert(
                day,
                RestDay {
                    name: block.name,
                    in_lieu: true,
                },
            );
        }
    }
    out
}

/// The holidays of 第二条 in `year`, in calendar order. A lunar date the conversion cannot give
/// leaves that holiday out rather than guessing.
fn blocks(year: i32) -> Vec<Block> {
    let ymd = |m: u32, d: u32| NaiveDate::from_ymd_opt(year, m, d);
    let fixed = |name, days: &[(u32, u32)]| Block {
        name,
        days: days.iter().filter_map(|(m, d)| ymd(*m, *d)).collect(),
    };
    let y = year as isize;
    let mut out = vec![fixed("元旦", &[(1, 1)])];
    if let Some(first) = lunar(y, 1, 1) {
        // 除夕 is the day before 正月初一 (the last day of 腊月, whether it has 29 or 30 days).
        let days = (0..4)
            .filter_map(|i| {
                first
                    .checked_add_days(Days::new(i))?
                    .checked_sub_days(Days::new(1))
            })
            .collect();
        out.push(Block {
            name: "春节", days
        });
    }
    if let Some(day) = SolarTerm::new(y, "清明")
        .ok()
        .and_then(|t| solar(t.get_solar_day()))
    {
        out.push(Block {
            name: "清明节",
            days: vec![day],
        });
    }
    out.push(fixed("劳动节", &[(5, 1), (5, 2)]));
    if let Some(day) = lunar(y, 5, 5) {
        out.push(Block {
            name: "端午节",
            days: vec![day],
        });
    }
    if let Some(day) = lunar(y, 8, 15) {
        out.push(Block {
            name: "中秋节",
            days: vec![day],
        });
    }
    out.push(fixed("国庆节", &[(10, 1), (10, 2), (10, 3)]));
    out
}

/// A day of a (non-leap) lunar month of lunar year `year`, as a Gregorian date.
fn lunar(year: isize, month: isize, day: usize) -> Option<NaiveDate> {
    LunarDay::new(year, month, day)
        .ok()
        .and_then(|d| solar(d.get_solar_day()))
}

fn solar(d: SolarDay) -> Option<NaiveDate> {
    let year = i32::try_from(d.get_year()).ok()?;
    NaiveDate::from_ymd_opt(
        year,
        u32::try_from(d.get_month()).ok()?,
        u32::try_from(d.get_day()).ok()?,
    )
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

#[cfg(test)]
#[path = "statutory_tests.rs"]
mod tests;
