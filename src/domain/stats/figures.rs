//! The figures of a report from the tallies of its three periods: which figures there are,
//! in order, and how a rate and a change are worked out.

use std::collections::BTreeSet;

use super::{Amount, Figure, Measure, Section, Tally};
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
        _ => None,
    }
}

/// What a figure is, given the counts of one period.
#[derive(Clone)]
enum Def {
    Count(Section, String),
    /// A rate: numerator keys (summed) over the denominator key, all in `Section`.
    Rate(Section, String, Vec<&'static str>, &'static str),
}

impl Def {
    fn amount(&self, t: &Tally) -> Amount {
        match self {
            Def::Count(s, k) => Amount::Count(t.get(*s, k)),
            Def::Rate(s, _, num, den) => {
                let n = num.iter().map(|k| t.get(*s, k)).sum();
                Amount::Rate(percent(n, t.get(*s, den)))
            }
        }
    }

    fn figure(&self, [now, prev, ly]: [&Tally; 3]) -> Figure {
        let (section, key, measure) = match self {
            Def::Count(s, k) => (*s, k.clone(), Measure::Count),
            Def::Rate(s, k, _, _) => (*s, k.clone(), Measure::Rate),
        };
        let (value, previous, last_year) = (self.amount(now), self.amount(prev), self.amount(ly));
        Figure {
            section,
            key,
            measure,
            value,
            previous,
            change: change(value, previous),
            last_year,
            change_yoy: change(value, last_year),
        }
    }
}

/// Names in a keyed section, most batches now first (then before, then by name).
fn ranked(section: Section, tallies: [&Tally; 3]) -> Vec<String> {
    let names: BTreeSet<&str> = tallies.iter().flat_map(|t| t.names(section)).collect();
    let mut names: Vec<&str> = names.into_iter().collect();
    names.sort_by(|a, b| {
        let key = |n: &str| (tallies[0].get(section, n), tallies[1].get(section, n));
        key(b).cmp(&key(a)).then(a.cmp(b))
    });
    names.into_iter().map(str::to_owned).collect()
}

pub(super) fn figures(rules: &Rules, tallies: [&Tally; 3], top: usize) -> Vec<Figure> {
    use Section as S;
    let count = |s: Section, k: &str| Def::Count(s, k.to_owned());
    let mut defs: Vec<Def> = vec![
        count(S::Intake, "batches"),
        count(S::Intake, "person_times"),
    ];
    for ch in Channel::ALL {
        defs.push(count(S::Channel, &format!("{}.batches", ch.code())));
        defs.push(count(S::Channel, &format!("{}.person_times", ch.code())));
    }
    for name in ranked(S::Category, tallies) {
        defs.push(Def::Count(S::Category, name));
    }
    for name in ranked(S::Target, tallies)
        .into_iter()
        .filter(|n| tallies[0].get(S::Target, n) > 0)
        .take(top)
    {
        defs.push(Def::Count(S::Target, name));
    }
    for name in ranked(S::Department, tallies) {
        defs.push(Def::Count(S::Department, name));
    }
    for k in [
        "group_visits",
        "group_visit_person_times",
        "repeat",
        "major",
        "attached",
    ] {
        defs.push(count(S::Focus, k));
    }
    for k in ["decided", "accept", "decline", "pass_on", "answered"] {
        defs.push(count(S::Decision, k));
    }
    for k in ["replied", "support", "explain", "reject"] {
        defs.push(count(S::Reply, k));
    }
    defs.push(count(S::Archive, "archived"));
    let rate = |s: Section, k: &str, num: Vec<&'static str>, den: &'static str| {
        Def::Rate(s, k.to_owned(), num, den)
    };
    defs.extend([
        count(S::Timeliness, "decide_ended"),
        count(S::Timeliness, "decide_on_time"),
        rate(
            S::Timeliness,
            "decide_rate",
            vec!["decide_on_time"],
            "decide_ended",
        ),
        count(S::Timeliness, "handle_ended"),
        count(S::Timeliness, "handle_on_time"),
        count(S::Timeliness, "handle_extended"),
        rate(
            S::Timeliness,
            "handle_rate",
            vec!["handle_on_time"],
            "handle_ended",
        ),
        count(S::Satisfaction, "eligible"),
        count(S::Satisfaction, "rated"),
        rate(
            S::Satisfaction,
            "participation_rate",
            vec!["rated"],
            "eligible",
        ),
    ]);
    for who in ["unit", "office"] {
        for s in ["satisfied", "basic", "unsatisfied"] {
            defs.push(count(S::Satisfaction, &format!("{who}_{s}")));
        }
        let num = match who {
            "unit" => vec!["unit_satisfied", "unit_basic"],
            _ => vec!["office_satisfied", "office_basic"],
        };
        defs.push(rate(S::Satisfaction, &format!("{who}_rate"), num, "rated"));
    }
    defs.push(count(S::Overdue, "total"));
    for rule in rules
        .policy
        .clocks
        .iter()
        .filter(|r| r.stop != ClockStop::Never)
    {
        defs.push(count(S::Overdue, &format!("clock.{}", rule.key)));
    }
    for s in State::ALL {
        defs.push(count(S::Overdue, &format!("state.{}", s.code())));
    }
    defs.push(count(S::Supervision, "orders"));
    defs.push(count(S::Supervision, "cases"));
    for s in State::ALL {
        defs.push(count(S::Supervision, &format!("state.{}", s.code())));
    }
    defs.iter().map(|d| d.figure(tallies)).collect()
}
