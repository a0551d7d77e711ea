//! The analysis in words that opens the report (信访情况分析报告): five paragraphs drafted
//! from the report's own figures by fixed rules, no model and no network — 总体情况 (批次,
//! 人次, 环比, 同比), the main categories, units and departments with their shares, the rates,
//! the notable changes, and the overdue and supervised items. Every number is printed as the
//! tables print it (`report::amount`, `strings::report::change`), so the leader who edits the
//! draft finds the same figures below it. The sentences are in `strings::analysis`.

use super::amount;
use crate::domain::policy::Policy;
use crate::domain::stats::{Amount, Figure, FigureKey as K, Key, Report, Section, Volume};
use crate::strings::analysis::{self as say, Change, Moved, Named, Unit};
use crate::strings::{Lang, report as words};

/// How many names each "main" sentence gives.
const TOP: usize = 3;
/// A change is notable from this percent up, on a count of at least [`NOTABLE_BASE`] in
/// one of the two periods (a change from 1 to 2 is not news).
const NOTABLE_PERCENT: f64 = 30.0;
const NOTABLE_BASE: u64 = 5;
/// Changes named at most.
const NOTABLE_MAX: usize = 4;
/// Overdue and supervised cases named by number at most.
const NAMED_ITEMS: usize = 3;

/// The paragraphs, in order, each a finished sentence or few.
pub fn draft(r: &Report, lang: Lang, policy: &Policy) -> Vec<String> {
    let name = |f: &Figure| words::figure(lang, policy, &f.key);
    let mut out = vec![overall(r, lang)];
    out.push(mains(r, lang, &name));
    out.push(rates(r, lang, &name));
    out.push(notable(r, lang, &name));
    out.push(overdue(r, lang));
    out
}

fn fixed(r: &Report, k: K) -> Option<&Figure> {
    r.figure(k.section(), &Key::Fixed(k))
}

fn count(f: Option<&Figure>) -> u64 {
    f.and_then(|f| f.value.count()).unwrap_or(0)
}

/// A figure's value and its changes, printed as in its table row; 环比 left out where it
/// is 同比 (`Report::compared_once`).
fn change(r: &Report, f: &Figure, lang: Lang) -> Change {
    let rate = f.measure == crate::domain::stats::Measure::Rate;
    Change {
        value: amount(f.value),
        mom: (!r.compared_once()).then(|| words::change(lang, f.change, rate)),
        yoy: words::change(lang, f.change_yoy, rate),
    }
}

fn overall(r: &Report, lang: Lang) -> String {
    let period = words::period_label(lang, &r.period);
    let none = || Change {
        value: amount(Amount::Count(0)),
        mom: (!r.compared_once()).then(|| words::NONE.to_owned()),
        yoy: words::NONE.to_owned(),
    };
    let of = |k: K| fixed(r, k).map_or_else(none, |f| change(r, f, lang));
    say::overall(
        lang,
        &period,
        &of(K::Batches),
        &of(K::PersonTimes),
        (
            &of(K::GroupVisits).value,
            &of(K::GroupVisitPersonTimes).value,
        ),
        &of(K::Repeat).value,
    )
}

/// The largest names of a section, with their share of all batches (one decimal).
fn top<'r>(r: &'r Report, section: Section, name: &dyn Fn(&Figure) -> String) -> Vec<Named> {
    let total = count(fixed(r, K::Batches));
    let mut figures: Vec<&'r Figure> = r
        .section(section)
        .filter(|f| f.value.count().is_some_and(|n| n > 0))
        .collect();
    figures.sort_by_key(|f| std::cmp::Reverse(f.value.count().unwrap_or(0)));
    figures
        .into_iter()
        .take(TOP)
        .map(|f| {
            let n = f.value.count().unwrap_or(0);
            Named {
                name: name(f),
                value: amount(f.value),
                share: (total > 0).then(|| format!("{:.1}%", n as f64 * 100.0 / total as f64)),
            }
        })
        .collect()
}

fn mains(r: &Report, lang: Lang, name: &dyn Fn(&Figure) -> String) -> String {
    say::mains(
        lang,
        &top(r, Section::Category, name),
        &top(r, Section::Target, name),
        &top(r, Section::Department, name),
    )
}

fn rates(r: &Report, lang: Lang, name: &dyn Fn(&Figure) -> String) -> String {
    let rows: Vec<(String, Change)> = [
        K::DecideRate,
        K::HandleRate,
        K::UnitRate,
        K::OfficeRate,
        K::ParticipationRate,
    ]
    .into_iter()
    .filter_map(|k| fixed(r, k))
    .map(|f| (name(f), change(r, f, lang)))
    .collect();
    say::rates(lang, &rows)
}

/// Counts by channel, category, unit and focus that moved by [`NOTABLE_PERCENT`] or more
/// against the period before, largest moves first.
fn notable(r: &Report, lang: Lang, name: &dyn Fn(&Figure) -> String) -> String {
    let sections = [
        Section::Channel,
        Section::Category,
        Section::Target,
        Section::Focus,
    ];
    let mut moved: Vec<&Figure> = sections
        .into_iter()
        .flat_map(|s| r.section(s))
        .filter(|f| {
            let (now, before) = (f.value.count(), f.previous.count());
            let base = now.max(before).unwrap_or(0) >= NOTABLE_BASE;
            base && f.change.is_some_and(|c| c.abs() >= NOTABLE_PERCENT)
        })
        .collect();
    moved.sort_by(|a, b| {
        let size = |f: &Figure| f.change.map_or(0.0, f64::abs);
        size(b).total_cmp(&size(a))
    });
    let rows: Vec<Moved> = (most_moved(moved).into_iter())
        .map(|f| moved_row(f, lang, name(f)))
        .collect();
    say::notable(lang, &rows, r.compared_once())
}

/// The first `NOTABLE_MAX` of `moved` (largest change first), a channel's 人次 that moved
/// as its 批次 left out (letters: one person each): it says nothing the 批次 did not, and
/// the slot goes to the next change.
fn most_moved(moved: Vec<&Figure>) -> Vec<&Figure> {
    let mut taken: Vec<&Figure> = Vec::with_capacity(NOTABLE_MAX);
    for f in moved {
        let twin = |t: &&Figure| match (&t.key, &f.key) {
            (Key::Channel(a, _), Key::Channel(b, _)) => {
                a == b && t.value == f.value && t.previous == f.previous
            }
            _ => false,
        };
        if !taken.iter().any(twin) {
            taken.push(f);
        }
        if taken.len() == NOTABLE_MAX {
            break;
        }
    }
    taken
}

/// A moved count as the sentence gives it: both values, the change, the unit.
fn moved_row(f: &Figure, lang: Lang, name: String) -> Moved {
    Moved {
        name,
        before: amount(f.previous),
        now: amount(f.value),
        change: words::change(lang, f.change, false),
        unit: unit(f),
    }
}

/// What a count counts: a channel's batches or person-times, group visits' batches or
/// person-times, or items.
fn unit(f: &Figure) -> Unit {
    match f.key {
        Key::Channel(_, Volume::Batches) | Key::Fixed(K::GroupVisits) => Unit::Batches,
        Key::Channel(_, Volume::PersonTimes) | Key::Fixed(K::GroupVisitPersonTimes) => {
            Unit::PersonTimes
        }
        _ => Unit::Items,
    }
}

fn overdue(r: &Report, lang: Lang) -> String {
    let numbers = |ids: Vec<Option<&String>>| -> Vec<String> {
        ids.into_iter()
            .flatten()
            .take(NAMED_ITEMS)
            .cloned()
            .collect()
    };
    let overdue_nos = numbers(r.overdue_items.iter().map(|i| i.case_no.as_ref()).collect());
    let supervised_nos = numbers(
        r.supervised_items
            .iter()
            .map(|i| i.case_no.as_ref())
            .collect(),
    );
    say::overdue(
        lang,
        &amount(Amount::Count(count(fixed(r, K::OverdueTotal)))),
        &overdue_nos,
        &amount(Amount::Count(count(fixed(r, K::SupervisedCases)))),
        &amount(Amount::Count(count(fixed(r, K::Orders)))),
        &supervised_nos,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::stats::Measure;
    use crate::domain::types::Channel;

    fn figure(key: Key, before: u64, now: u64) -> Figure {
        Figure {
            section: Section::Channel,
            key,
            measure: Measure::Count,
            value: Amount::Count(now),
            previous: Amount::Count(before),
            change: crate::domain::stats::change(Amount::Count(now), Amount::Count(before)),
            last_year: Amount::Count(0),
            change_yoy: None,
        }
    }

    /// A channel's 人次 that moved exactly as its 批次 gives its slot to the next change; one
    /// that moved otherwise, or another channel's, keeps it.
    #[test]
    fn a_person_time_twin_gives_way() {
        let letter = |v| Key::Channel(Channel::Letter, v);
        let visit = |v| Key::Channel(Channel::Visit, v);
        let figures = [
            figure(letter(Volume::Batches), 10, 30),
            figure(letter(Volume::PersonTimes), 10, 30),
            figure(visit(Volume::Batches), 10, 25),
            figure(visit(Volume::PersonTimes), 12, 31),
            figure(Key::Name("城乡建设".to_owned()), 10, 20),
            figure(Key::Name("民政".to_owned()), 10, 19),
        ];
        let keys: Vec<&Key> = most_moved(figures.iter().collect())
            .into_iter()
            .map(|f| &f.key)
            .collect();
        assert_eq!(
            keys,
            [
                &figures[0].key,
                &figures[2].key,
                &figures[3].key,
                &figures[4].key
            ]
        );
    }

    /// A moved count is said in what it counts: 人次 are not 件.
    #[test]
    fn a_moved_count_is_said_in_its_unit() {
        let say = |key: Key| {
            let row = moved_row(&figure(key, 10, 30), Lang::Zh, "x".to_owned());
            say::notable(Lang::Zh, &[row], false)
        };
        let visit = |v| Key::Channel(Channel::Visit, v);
        assert!(say(visit(Volume::PersonTimes)).contains("由上期10人次变为30人次"));
        assert!(say(visit(Volume::Batches)).contains("由上期10批次变为30批次"));
        assert!(say(Key::Name("城乡建设".to_owned())).contains("由上期10件变为30件"));
        // A year's period before is its year before, and is called so.
        let row = moved_row(
            &figure(visit(Volume::Batches), 10, 30),
            Lang::Zh,
            "x".to_owned(),
        );
        assert!(say::notable(Lang::Zh, &[row], true).contains("由去年同期10批次变为30批次"));
        assert!(say::notable(Lang::Zh, &[], true).contains("与去年同期相比无明显变化"));
        assert_eq!(
            unit(&figure(K::GroupVisitPersonTimes.into(), 1, 2)),
            Unit::PersonTimes
        );
    }
}
