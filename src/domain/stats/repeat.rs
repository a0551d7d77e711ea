//! Which cases come from a petitioner who brought an earlier case (重复访), computed from the
//! cases alone. The store answers the same question from its petitioner index
//! (`Store::report_cases`); this is the pure form, for a slice that holds the whole ledger.

use std::collections::{HashMap, HashSet};

use crate::domain::case::Case;

/// The keys two petitioners are "the same person" on, as `xinfang repeats` matches them
/// (`domain::repeat::PetitionerKey`): the ID number, the phone, or the name and the address
/// together, each as stored (intake normalises them) and only when not empty.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PersonKey {
    IdNumber(String),
    Phone(String),
    NameAddress(String, String),
}

/// The keys of a case's petitioners (the intake's, not those of attached repeat items).
pub fn person_keys(case: &Case) -> Vec<PersonKey> {
    let mut keys = Vec::new();
    let nonempty = |s: &Option<String>| s.as_deref().filter(|s| !s.is_empty()).map(str::to_owned);
    for p in &case.intake.petitioners {
        if let Some(id) = nonempty(&p.id_number) {
            keys.push(PersonKey::IdNumber(id));
        }
        if let Some(phone) = nonempty(&p.phone) {
            keys.push(PersonKey::Phone(phone));
        }
        if let Some(address) = nonempty(&p.address).filter(|_| !p.name.is_empty()) {
            keys.push(PersonKey::NameAddress(p.name.clone(), address));
        }
    }
    keys
}

/// Ids of the cases one of whose petitioners matches a petitioner of a case received earlier
/// (an earlier receipt time, or the same second and a smaller id). Correct when `cases` is
/// the whole ledger.
pub fn earlier_petitioner_ids(cases: &[Case]) -> HashSet<i64> {
    let mut order: Vec<&Case> = cases.iter().collect();
    order.sort_by_key(|c| (c.intake.received_at.timestamp(), c.id));
    let mut seen: HashSet<PersonKey> = HashSet::new();
    let mut out = HashSet::new();
    for case in order {
        let keys = person_keys(case);
        if keys.iter().any(|k| seen.contains(k)) {
            out.insert(case.id);
        }
        seen.extend(keys);
    }
    out
}

/// For each case, the receipt instant (unix seconds) of the first case received after it
/// (later second, or the same second and a larger id) whose petitioner matches one of its
/// own: the other half of [`earlier_petitioner_ids`], behind 初信初访一次办结. Correct when
/// `cases` is the whole ledger.
pub fn again_at(cases: &[Case]) -> HashMap<i64, i64> {
    let mut order: Vec<&Case> = cases.iter().collect();
    order.sort_by_key(|c| std::cmp::Reverse((c.intake.received_at.timestamp(), c.id)));
    // Walking from the newest: the earliest later receipt seen for each key.
    let mut next: HashMap<PersonKey, i64> = HashMap::new();
    let mut out = HashMap::new();
    for case in order {
        let keys = person_keys(case);
        if let Some(at) = keys.iter().filter_map(|k| next.get(k)).min() {
            out.insert(case.id, *at);
        }
        let at = case.intake.received_at.timestamp();
        for k in keys {
            next.insert(k, at);
        }
    }
    out
}
