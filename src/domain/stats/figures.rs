//! The figures of a report from the tallies of its three periods: which figures there are,
//! in order, and how a rate and a change are worked out.

use std::collections::BTreeSet;

use super::key::{COUNTED_STEPS, FigureKey, Key, Section, Volume};
use super::model::{Amount, Figure, Measure};
use super::tally::Tally;
use crate::domain::policy::ClockStop;
use crate::domain::rules::Rules;
use crate::domain::types::{Channel, State};

/// `num / den` as a percentage with one decimal; `None` when `den` is zero.
pub fn percent(num: u64, den: u64) -> Option<f64> {
    (den > 0).then(|| (num as f64 * 1000.0 / den as f64).round() / 10.0)
}

/// The change from `before` to `now`: for counts the percent change (`None` when `before`
/// is zero), for rates the difference in percentage points (`None` when either is missing).
pub fn change(now: Amount, before: Amount) -> Option<f64> {
    match (now, before) {
        (Amount::Count(n), Amount::Count(b)) => {
            (b > 0).then(|| ((n as f64 - b as f64) * 1000.0 / b as f64).round() / 10.0)
        }
        (Amount::Rate(Some(n)), Amount::Rate(Some(b))) => Some(((n - b) * 10.0).round() / 10.0),
        (Amount::Rate(None), Amount::Rate(_))
        | (Amount::Rate(_), Amount::Rate(None))
        | (Amount::Count(_), Amount::Rate(_))
        | (Amount::Rate(_), Amount::Count(_)) => None,
    }
}

/// A figure's amount in one period: a count, or a rate of two counts.
fn amount(section: Section, key: &Key, t: &Tally) -> Amount {
    match key {
        Key::Fixed(k) => match k.rate() {
            Some((num, den)) => {
                let n = num.iter().map(|k| t.fixed(*k)).sum();
                Amount::Rate(percent(n, t.fixed(den)))
            }
            None => Amount::Count(t.fixed(*k)),
        },
        Key::Channel(..) | Key::Clock(_) | Key::State(_) | Key::Name(_) | Key::Step(_) => {
            Amount::Count(t.get(section, key))
        }
    }
}

fn measure(key: &Key) -> Measure {
    match key {
        Key::Fixed(k) if k.rate().is_some() => Measure::Rate,
        Key::Fixed(_)
        | Key::Channel(..)
        | Key::Clock(_)
        | Key::State(_)
        | Key::Name(_)
        | Key::Step(_) => Measure::Count,
    }
}

fn figure(section: Section, key: Key, [now, prev, ly]: [&Tally; 3]) -> Figure {
    let (value, previous, last_year) = (
        amount(section, &key, now),
        amount(section, &key, prev),
        amount(section, &key, ly),
    );
    Figure {
        section,
        measure: measure(&key),
        key,
        value,
        previous,
        change: change(value, previous),
        last_year,
        change_yoy: change(value, last_year),
    }
}

/// Names in a keyed section, most batches now first (then before, then by name).
fn ranked(section: Section, tallies: [&Tally; 3]) -> Vec<String> {
    let names: BTreeSet<&str> = tallies.iter().flat_map(|t| t.names(section)).collect();
    let mut names: Vec<&str> = names.into_iter().collect();
    names.sort_by(|a, b| {
        let key = |n: &str| (tallies[0].name(section, n), tallies[1].name(section, n));
        key(b).cmp(&key(a)).then(a.cmp(b))
    });
    names.into_iter().map(str::to_owned).collect()
}

/// The figures of a section that follow the data: channels, names, clocks and states.
fn breakdown(section: Section, rules: &Rules, tallies: [&Tally; 3], top: usize) -> Vec<Key> {
    use Section as S;
    let states = || State::ALL.into_iter().map(Key::State);
    match section {
        S::Channel => Channel::ALL
            .into_iter()
            .flat_map(|c| Volume::ALL.map(|v| Key::Channel(c, v)))
            .collect(),
        S::Category | S::Department => ranked(section, tallies)
            .into_iter()
            .map(Key::Name)
            .collect(),
        S::Target => ranked(section, tallies)
            .into_iter()
            .map(Key::Name)
            .filter(|k| tallies[0].get(section, k) > 0)
            .take(top)
            .collect(),
        S::Overdue => rules
            .policy
            .clocks
            .iter()
            .filter(|r| r.stop != ClockStop::Never)
            .map(|r| Key::Clock(r.key.clone()))
            .chain(states())
            .collect(),
        S::Supervision => states().collect(),
        S::Steps => COUNTED_STEPS.iter().copied().map(Key::Step).collect(),
        S::Intake
        | S::Focus
        | S::Decision
        | S::Reply
        | S::Archive
        | S::Timeliness
        | S::Satisfaction => Vec::new(),
    }
}

/// Every figure in display order: section by section, its fixed figures first, then those
/// that follow the data.
pub(super) fn figures(rules: &Rules, tallies: [&Tally; 3], top: usize) -> Vec<Figure> {
    let mut out = Vec::new();
    for section in Section::ALL {
        let fixed = FigureKey::ALL
            .into_iter()
            .filter(|k| k.section() == section)
            .map(Key::Fixed);
        let keys: Vec<Key> = fixed
            .chain(breakdown(section, rules, tallies, top))
            .collect();
        out.extend(keys.into_iter().map(|k| figure(section, k, tallies)));
    }
    out
}
