//! 领导阅批率 (seed 000: leaders read and sign over half of all letters): the letters of a
//! period and those a leader signed are counted by the store from the cases themselves (a
//! 批示 never writes to the report's rolled-up flows), then put into the report's three
//! figures here, with their changes.

use super::figures::{change, percent};
use super::key::{FigureKey, Key};
use super::model::{Amount, Report};
use crate::domain::case::Case;
use crate::domain::types::Channel;

/// Whether `case` counts as a signed letter: a letter (来信) with a leader's 批示 on record,
/// on an opinion or on the letter itself (阅批); only a leader may give either
/// (`workflow::gate`).
pub fn letter_signed(case: &Case) -> bool {
    case.intake.channel == Channel::Letter
        && !(case.instructions.is_empty() && case.readings.is_empty())
}

/// Letters received in one period, and how many of them carry a leader's 批示.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Letters {
    pub received: u64,
    pub signed: u64,
}

/// The amount of `key` for `l`, when `key` is one of the letters' figures.
fn amount(key: FigureKey, l: Letters) -> Option<Amount> {
    if key == FigureKey::Letters {
        Some(Amount::Count(l.received))
    } else if key == FigureKey::LettersSigned {
        Some(Amount::Count(l.signed))
    } else if key == FigureKey::LetterSignRate {
        Some(Amount::Rate(percent(l.signed, l.received)))
    } else {
        None
    }
}

/// Puts the letters of the report's period, the one before and a year earlier into its
/// figures (`Letters`, `LettersSigned`, `LetterSignRate`).
pub fn put_letters(report: &mut Report, [now, before, last_year]: [Letters; 3]) {
    for f in &mut report.figures {
        let Key::Fixed(key) = &f.key else { continue };
        let key = *key;
        let (Some(v), Some(p), Some(y)) = (
            amount(key, now),
            amount(key, before),
            amount(key, last_year),
        ) else {
            continue;
        };
        f.value = v;
        f.previous = p;
        f.last_year = y;
        f.change = change(v, p);
        f.change_yoy = change(v, y);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rate_is_signed_of_received_and_none_without_letters() {
        let l = Letters {
            received: 8,
            signed: 5,
        };
        assert_eq!(
            amount(FigureKey::LetterSignRate, l),
            Some(Amount::Rate(Some(62.5)))
        );
        assert_eq!(
            amount(FigureKey::LetterSignRate, Letters::default()),
            Some(Amount::Rate(None))
        );
        assert_eq!(amount(FigureKey::Batches, l), None);
    }
}
