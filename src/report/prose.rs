//! The analysis in words that opens the report (信访情况分析报告): five paragraphs drafted
//! from the report's own figures by fixed rules, no model and no network — 总体情况 (批次,
//! 人次, 环比, 同比), the main categories, units and departments with their shares, the rates,
//! the notable changes, and the overdue and supervised items. Every number is printed as the
//! tables print it (`report::amount`, `strings::report::change`), so the leader who edits the
//! draft finds the same figures below it. The sentences are in `strings::analysis`.

use super::amount;
use crate::domain::policy::Policy;
use crate::domain::stats::{
    Amount, Figure, FigureKey as K, Key, Measure, Period, PeriodKind, Report, Section, Volume,
};
use crate::strings::analysis::{
    self as say, Against, Compared, Delta, Moved, Named, Quiet, Rate, Subject, Unit,
};
use crate::strings::{Lang, labels, report as words};

/// How many names each "main" sentence gives.
const TOP: usize = 3;
/// A change is notable from this percent up, from a base (the earlier count) of at least
/// [`NOTABLE_BASE`]: a rise from 1 to 5, a Monday after a Sunday, is not news. Below that
/// base the overview gives the earlier count instead of a percentage.
const NOTABLE_PERCENT: f64 = 30.0;
const NOTABLE_BASE: u64 = 5;
/// Changes named at most.
const NOTABLE_MAX: usize = 4;
/// Overdue and supervised cases named by number at most.
const NAMED_ITEMS: usize = 3;

/// The paragraphs, in order, each a finished sentence or few.
pub fn draft(r: &Report, lang: Lang, policy: &Policy) -> Vec<String> {
    let name = |f: &Figure| words::figure(lang, policy, &f.key);
    vec![
        overall(r, lang),
        mains(r, lang),
        rates(r, lang, &name),
        notable(r, lang),
        overdue(r, lang),
    ]
}

fn fixed(r: &Report, k: K) -> Option<&Figure> {
    r.figure(k.section(), &Key::Fixed(k))
}

fn count(f: Option<&Figure>) -> u64 {
    f.and_then(|f| f.value.count()).unwrap_or(0)
}

/// The period as the prose names it: a period still running by the stretch counted
/// (2026年12月1日至7日), as the header's 截至 says.
fn period_words(r: &Report, lang: Lang) -> String {
    if r.cutoff < r.period.end {
        let counted = Period {
            kind: PeriodKind::Range,
            start: r.period.start,
            end: r.cutoff,
        };
        return words::period_label(lang, &counted);
    }
    words::period_label(lang, &r.period)
}

/// An earlier period the prose compares with.
struct Earlier<'r> {
    against: Against,
    period: &'r Period,
}

impl Earlier<'_> {
    fn before(&self, f: &Figure) -> Amount {
        match self.against {
            Against::Before => f.previous,
            Against::YearAgo => f.last_year,
        }
    }

    fn change(&self, f: &Figure) -> Option<f64> {
        match self.against {
            Against::Before => f.change,
            Against::YearAgo => f.change_yoy,
        }
    }
}

/// 上期 and 去年同期; a year's 上期 is its 去年同期, said once.
fn earlier(r: &Report) -> Vec<Earlier<'_>> {
    let mut out = Vec::with_capacity(2);
    if !r.compared_once() {
        out.push(Earlier {
            against: Against::Before,
            period: &r.previous,
        });
    }
    out.push(Earlier {
        against: Against::YearAgo,
        period: &r.last_year,
    });
    out
}

/// The comparison behind `Figure::change`: 上期, or for a year 去年同期.
fn against(r: &Report) -> Earlier<'_> {
    match r.compared_once() {
        true => Earlier {
            against: Against::YearAgo,
            period: &r.last_year,
        },
        false => Earlier {
            against: Against::Before,
            period: &r.previous,
        },
    }
}

/// Whether `p` begins before the ledger's first case (`Some(true)`: ends before it too):
/// its counts are not the office's, and a change against them is no news.
fn unrecorded(r: &Report, p: &Period) -> Option<bool> {
    let first = r.ledger_from?;
    (p.start < first).then_some(p.end < first)
}

fn overall(r: &Report, lang: Lang) -> String {
    let (batches, people) = (fixed(r, K::Batches), fixed(r, K::PersonTimes));
    let compared: Vec<(Against, Compared)> = (earlier(r).iter())
        .map(|e| (e.against, total_compared(r, e, batches, people, lang)))
        .collect();
    let of = |k: K| amount(Amount::Count(count(fixed(r, k))));
    say::overall(
        lang,
        (&period_words(r, lang), unrecorded(r, &r.period)),
        (&of(K::Batches), &of(K::PersonTimes)),
        &compared,
        (&of(K::GroupVisits), &of(K::GroupVisitPersonTimes)),
        &of(K::Repeat),
    )
}

/// What the overview says of the totals against `e`: not compared where `e` is not on the
/// ledger, the earlier counts where they are too few for a percentage.
fn total_compared(
    r: &Report,
    e: &Earlier,
    batches: Option<&Figure>,
    people: Option<&Figure>,
    lang: Lang,
) -> Compared {
    if let Some(wholly) = unrecorded(r, e.period) {
        return Compared::Unrecorded { wholly };
    }
    let before = |f: Option<&Figure>| f.and_then(|f| e.before(f).count()).unwrap_or(0);
    let change = |f: Option<&Figure>| say::delta(lang, f.and_then(|f| e.change(f)), false);
    match before(batches) {
        0 => Compared::Moved(Delta::NoBase, Delta::NoBase),
        n if n < NOTABLE_BASE => Compared::Few(n.to_string(), before(people).to_string()),
        _ => Compared::Moved(change(batches), change(people)),
    }
}

/// The largest names of a section, with their share of `total` (one decimal).
fn top(r: &Report, section: Section, total: u64) -> Vec<Named> {
    let mut figures: Vec<&Figure> = r
        .section(section)
        .filter(|f| f.value.count().is_some_and(|n| n > 0))
        .collect();
    figures.sort_by_key(|f| std::cmp::Reverse(f.value.count().unwrap_or(0)));
    figures
        .into_iter()
        .take(TOP)
        .map(|f| {
            let n = f.value.count().unwrap_or(0);
            let name = match &f.key {
                Key::Name(name) => name.clone(),
                other => other.to_string(),
            };
            Named {
                name,
                value: amount(f.value),
                share: (total > 0).then(|| format!("{:.1}%", n as f64 * 100.0 / total as f64)),
            }
        })
        .collect()
}

/// Categories and units by their share of all batches; departments by their share of the
/// items assigned (a department counts the items received in the period now assigned to
/// it: their sum is the assigned, not all received).
fn mains(r: &Report, lang: Lang) -> String {
    let total = count(fixed(r, K::Batches));
    let assigned: u64 = (r.section(Section::Department))
        .filter_map(|f| f.value.count())
        .sum();
    say::mains(
        lang,
        &top(r, Section::Category, total),
        &top(r, Section::Target, total),
        (
            &top(r, Section::Department, assigned),
            &assigned.to_string(),
        ),
    )
}

/// The rates that have a base, with the comparisons made; the satisfaction rates give way
/// to one "本期无回访评价" when no return visit was rated.
fn rates(r: &Report, lang: Lang, name: &dyn Fn(&Figure) -> String) -> String {
    let unrated = count(fixed(r, K::Rated)) == 0;
    let keys: &[K] = if unrated {
        &[K::DecideRate, K::HandleRate]
    } else {
        &[
            K::DecideRate,
            K::HandleRate,
            K::UnitRate,
            K::OfficeRate,
            K::ParticipationRate,
        ]
    };
    let made: Vec<Earlier> = (earlier(r).into_iter())
        .filter(|e| unrecorded(r, e.period).is_none())
        .collect();
    let rows: Vec<Rate> = (keys.iter())
        .filter_map(|&k| fixed(r, k))
        .filter(|f| f.value.number().is_some())
        .map(|f| Rate {
            name: name(f),
            value: amount(f.value),
            changes: (made.iter())
                .map(|e| (e.against, say::delta(lang, e.change(f), true)))
                .collect(),
        })
        .collect();
    say::rates(lang, &rows, unrated)
}

/// Whether a rise (`Rise`) or a fall (`Fall`) of a count is the worse news.
#[derive(Clone, Copy, PartialEq)]
enum Worse {
    Rise,
    Fall,
}

/// What a figure is called in 主要变化, what it counts, and which way is worse; None for a
/// figure not discussed there (a rate, a base such as 来信（件）, which the channel says).
fn subject(f: &Figure, lang: Lang) -> Option<(Subject, Unit, Option<Worse>)> {
    use Worse::{Fall, Rise};
    let (s, u, w) = match (&f.key, f.section) {
        (Key::Channel(c, v), _) => {
            let persons = *v == Volume::PersonTimes;
            let unit = if persons {
                Unit::PersonTimes
            } else {
                Unit::Batches
            };
            (
                Subject::Channel(labels::channel(lang, *c), persons),
                unit,
                None,
            )
        }
        (Key::Name(n), Section::Category) => (Subject::Category(n.clone()), Unit::Items, None),
        (Key::Name(n), Section::Target) => (Subject::Target(n.clone()), Unit::Items, None),
        (Key::Fixed(k), _) => match k {
            K::GroupVisits => (Subject::GroupVisits, Unit::Batches, Some(Rise)),
            K::GroupVisitPersonTimes => (
                Subject::GroupVisitPersonTimes,
                Unit::PersonTimes,
                Some(Rise),
            ),
            K::Repeat => (Subject::Repeat, Unit::Batches, Some(Rise)),
            K::Major => (Subject::Major, Unit::Items, Some(Rise)),
            K::Attached => (Subject::Attached, Unit::Items, Some(Rise)),
            K::FirstTimeClosed => (Subject::FirstTimeClosed, Unit::Items, Some(Fall)),
            K::FirstTimeOnce => (Subject::FirstTimeOnce, Unit::Items, Some(Fall)),
            K::LettersSigned => (Subject::LettersSigned, Unit::Items, Some(Fall)),
            K::OverdueTotal => (Subject::Overdue, Unit::Items, Some(Rise)),
            _ => return None,
        },
        _ => return None,
    };
    Some((s, u, w))
}

/// A count moved markedly: by [`NOTABLE_PERCENT`] or more from a base of
/// [`NOTABLE_BASE`] or more.
fn marked(before: Amount, change: Option<f64>) -> bool {
    before.count().unwrap_or(0) >= NOTABLE_BASE
        && change.is_some_and(|c| c.abs() >= NOTABLE_PERCENT)
}

/// Counts by channel, category, unit, focus and the overdue that moved markedly against
/// the period before (a year's: 去年同期), largest moves first; or why none is named.
fn notable(r: &Report, lang: Lang) -> String {
    let e = against(r);
    if let Some(wholly) = unrecorded(r, e.period) {
        return say::notable(lang, &[], e.against, Quiet::Unrecorded { wholly });
    }
    let sections = [
        Section::Channel,
        Section::Category,
        Section::Target,
        Section::Focus,
        Section::Overdue,
    ];
    let mut moved: Vec<&Figure> = (sections.into_iter())
        .flat_map(|s| r.section(s))
        .filter(|f| subject(f, lang).is_some() && marked(f.previous, f.change))
        .collect();
    moved.sort_by(|a, b| {
        let size = |f: &Figure| f.change.map_or(0.0, f64::abs);
        size(b).total_cmp(&size(a))
    });
    let rows: Vec<Moved> = (most_moved(moved).into_iter())
        .filter_map(|f| moved_row(f, lang))
        .collect();
    let total = fixed(r, K::Batches);
    let quiet = match total {
        Some(t) if t.previous.count().unwrap_or(0) < NOTABLE_BASE => Quiet::Few,
        Some(t) if marked(t.previous, t.change) => Quiet::Spread,
        None => Quiet::Few,
        Some(_) => Quiet::Steady,
    };
    say::notable(lang, &rows, e.against, quiet)
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

/// A moved count as the sentence gives it: what, both values, the change, the unit, and
/// whether it moved the worse way.
fn moved_row(f: &Figure, lang: Lang) -> Option<Moved> {
    let (subject, unit, worse) = subject(f, lang)?;
    let rose = f.change.is_some_and(|c| c > 0.0);
    Some(Moved {
        subject,
        before: amount(f.previous),
        now: amount(f.value),
        change: say::delta(lang, f.change, f.measure == Measure::Rate),
        unit,
        worrying: matches!(
            (worse, rose),
            (Some(Worse::Rise), true) | (Some(Worse::Fall), false)
        ),
    })
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
        (
            &words::date(lang, r.cutoff),
            &amount(Amount::Count(count(fixed(r, K::OverdueTotal)))),
        ),
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

    /// A moved count is said in its unit and in the office's words, not the table's label.
    #[test]
    fn a_moved_count_is_said_in_its_unit() {
        let say = |key: Key, section: Section| {
            let f = Figure {
                section,
                ..figure(key, 10, 30)
            };
            let row = moved_row(&f, Lang::Zh).expect("a subject");
            say::notable(Lang::Zh, &[row], Against::Before, Quiet::Steady)
        };
        let visit = |v| Key::Channel(Channel::Visit, v);
        let persons = say(visit(Volume::PersonTimes), Section::Channel);
        assert!(
            persons.contains("来访人次由10人次增至30人次，增长200.0%"),
            "{persons}"
        );
        let batches = say(visit(Volume::Batches), Section::Channel);
        assert!(
            batches.contains("与上期相比，来访由10批次增至30批次"),
            "{batches}"
        );
        let category = say(Key::Name("城乡建设".to_owned()), Section::Category);
        assert!(
            category.contains("“城乡建设”类信访由10件增至30件"),
            "{category}"
        );
        // A channel is neither good nor bad news; group visits rising are.
        assert!(!batches.contains("需关注"), "{batches}");
        let group = say(K::GroupVisits.into(), Section::Focus);
        assert!(group.contains("集体访由10批次增至30批次"), "{group}");
        assert!(group.ends_with("集体访增加，需关注原因。"), "{group}");
        // 来信（件） is the letters channel again: not said a second time.
        let letters = Figure {
            section: Section::Focus,
            ..figure(K::Letters.into(), 10, 30)
        };
        assert!(moved_row(&letters, Lang::Zh).is_none());
        assert_eq!(
            subject(&figure(K::GroupVisitPersonTimes.into(), 1, 2), Lang::Zh).map(|s| s.1),
            Some(Unit::PersonTimes)
        );
    }

    /// A rise from a near-empty base (Monday after a Sunday) is not news; a fall to nothing
    /// from a real base is.
    #[test]
    fn a_near_empty_base_is_no_news() {
        let f = figure(Key::Name("x".to_owned()), 1, 17);
        assert!(!marked(f.previous, f.change));
        let f = figure(Key::Name("x".to_owned()), 4, 40);
        assert!(!marked(f.previous, f.change));
        let f = figure(Key::Name("x".to_owned()), 10, 0);
        assert!(marked(f.previous, f.change));
        let f = figure(Key::Name("x".to_owned()), 10, 12);
        assert!(!marked(f.previous, f.change));
    }
}
