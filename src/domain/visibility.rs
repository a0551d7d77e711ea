//! Who may see a case: one rule, which every surface asks (the store filters its lists
//! with the same rule written as SQL, `store/sight.rs`, and a test holds the two together).
//!
//! 2022《信访工作条例》第三十条第三款: 不得将检举、揭发材料以及有关情况透露或者转给被检举、揭发的
//! 人员或者单位 — not only never routed to the accused: never shown to them. Art 28 第三款:
//! whoever has a direct interest steps aside.

use super::case::Case;
use super::intake::Intake;
use super::rules::{Operator, names_accused, squeezed};
use super::types::Role;

/// What an operator may see of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sight {
    /// As if the case did not exist: also to the person or unit it accuses, leaders
    /// included, who are not told that it exists (Art 30 第三款: 不得透露有关情况).
    Hidden,
    /// A confidential case's handler: everything but who the petitioners are.
    Masked,
    Full,
}

impl Sight {
    /// Whether the case is listed and opened at all.
    pub fn shows(self) -> bool {
        match self {
            Sight::Masked | Sight::Full => true,
            Sight::Hidden => false,
        }
    }
}

/// What of a case the rule looks at. The store keeps each in a column of `cases`, so a
/// list can be filtered in SQL without reading the case documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Exposure<'a> {
    /// 被反映单位 and 被反映人.
    pub target: Option<&'a str>,
    pub target_person: Option<&'a str>,
    /// 保密.
    pub confidential: bool,
    /// Who received it.
    pub receiver: &'a str,
    pub department: Option<&'a str>,
    pub handler: Option<&'a str>,
    /// A leader lifted the masking for this case (journaled, with a reason).
    pub unmasked: bool,
}

impl<'a> Exposure<'a> {
    pub fn of(case: &'a Case) -> Exposure<'a> {
        let i = &case.intake;
        let a = case.assignment.as_ref();
        Exposure {
            target: i.target.as_deref(),
            target_person: i.target_person.as_deref(),
            confidential: i.confidential,
            receiver: &i.receiver,
            department: a.map(|a| a.department.as_str()),
            handler: a.map(|a| a.handler.as_str()),
            unmasked: case.unmasked.is_some(),
        }
    }
}

/// The names by which a case may accuse `who`: their own, their department's, their unit's.
pub fn names_of(who: &Operator) -> impl Iterator<Item = &str> {
    [
        Some(who.name.as_str()),
        who.department.as_deref(),
        who.unit.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|n| !n.trim().is_empty())
}

/// Whether the case names `who`, their department or their unit as the accused, matched
/// loosely as an assignment is refused (`rules::names_accused`: 区城建科 ~ 城建科).
pub fn accuses(who: &Operator, target: Option<&str>, target_person: Option<&str>) -> bool {
    [target, target_person]
        .into_iter()
        .flatten()
        .any(|t| names_of(who).any(|n| names_accused(n, t)))
}

/// The accused as the ledger's sight columns hold them (`store::sight` matches them in SQL
/// as `names_accused` does): the unit, or else the person; and the person. Each is stored
/// squeezed (`rules::squeezed`), so that SQL compares them as they are; none when nothing
/// is left of it.
pub fn accused_keys(i: &Intake) -> (Option<String>, Option<String>) {
    let key = |s: Option<&str>| s.map(squeezed).filter(|k| !k.is_empty());
    let person = key(i.target_person.as_deref());
    (key(i.target.as_deref()).or_else(|| person.clone()), person)
}

/// The (name, accused name) by which `case` accuses `who`, if it does.
pub fn accused_in(case: &Case, who: &Operator) -> Option<(String, String)> {
    let i = &case.intake;
    let targets = [i.target.as_deref(), i.target_person.as_deref()];
    names_of(who).find_map(|n| {
        (targets.into_iter().flatten())
            .find(|t| names_accused(n, t))
            .map(|t| (n.to_owned(), t.to_owned()))
    })
}

/// What `viewer` may see of a case.
pub fn sight(viewer: &Operator, case: &Exposure) -> Sight {
    // Art 30 第三款: the accused person and the accused unit's staff never see it.
    if accuses(viewer, case.target, case.target_person) {
        return Sight::Hidden;
    }
    let received = case.receiver == viewer.name;
    let assigned = case.handler == Some(viewer.name.as_str());
    let department = viewer.department_wide
        && viewer.department.is_some()
        && case.department == viewer.department.as_deref();
    match viewer.role {
        Role::Leader => Sight::Full,
        Role::Clerk | Role::Handler if received => Sight::Full,
        Role::Clerk if !case.confidential => Sight::Full,
        Role::Clerk => Sight::Hidden,
        // A confidential case: its handler alone, without who the petitioners are.
        Role::Handler if case.confidential && assigned && case.unmasked => Sight::Full,
        Role::Handler if case.confidential && assigned => Sight::Masked,
        Role::Handler if !case.confidential && (assigned || department) => Sight::Full,
        Role::Handler => Sight::Hidden,
    }
}

/// What `viewer` may see of `case`.
pub fn sight_of(viewer: &Operator, case: &Case) -> Sight {
    sight(viewer, &Exposure::of(case))
}

/// Replaces who every petitioner is (the main one, co-petitioners, representatives and
/// those of items attached later alike) with `mark` (「（保密）」), and the contact that
/// would name them.
pub fn mask(case: &mut Case, mark: &str) {
    // A file's name may carry who sent it (张三来信.pdf): masked as the records are.
    let secrets = secrets(case);
    for file in &mut case.attachments {
        for s in &secrets {
            file.name = file.name.replace(s.as_str(), mark);
        }
    }
    let attached = case
        .attached
        .iter_mut()
        .flat_map(|a| a.petitioners.iter_mut());
    // Who they were recorded as before a 更正 names them as well, and so may its reason.
    let mut before = Vec::new();
    for c in &mut case.corrections {
        c.reason = redact(&c.reason, &secrets, mark);
        before.extend(c.petitioners_before.iter_mut());
        if c.contact_before.is_some() {
            c.contact_before = Some(mark.to_owned());
        }
    }
    for p in case
        .intake
        .petitioners
        .iter_mut()
        .chain(attached)
        .chain(before)
    {
        p.name = mark.to_owned();
        // Sex and the kind of document narrow who it is in a small unit: not shown either.
        p.sex = None;
        p.id_type = crate::domain::identity::IdType::default();
        for field in [
            &mut p.id_number,
            &mut p.phone,
            &mut p.address,
            &mut p.work_unit,
        ] {
            if field.is_some() {
                *field = Some(mark.to_owned());
            }
        }
    }
    if case.intake.contact.is_some() {
        case.intake.contact = Some(mark.to_owned());
    }
}

/// Who the petitioners are, as written anywhere in the case's records (its journal, its
/// documents): each name, number, phone, address and work unit of two characters or more,
/// the longest first so that a longer one is replaced whole.
pub fn secrets(case: &Case) -> Vec<String> {
    let attached = case.attached.iter().flat_map(|a| a.petitioners.iter());
    let before = case.corrections.iter().flat_map(|c| &c.petitioners_before);
    let mut out: Vec<String> = Vec::new();
    for p in case.intake.petitioners.iter().chain(attached).chain(before) {
        let fields = [&p.id_number, &p.phone, &p.address, &p.work_unit];
        out.push(p.name.clone());
        out.extend(fields.into_iter().flatten().cloned());
    }
    out.extend(case.intake.contact.iter().cloned());
    out.extend(
        case.corrections
            .iter()
            .filter_map(|c| c.contact_before.clone()),
    );
    out.retain(|s| s.trim().chars().count() >= 2);
    out.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    out.dedup();
    out
}

/// `text` with every one of `secrets` replaced by `mark`.
pub fn redact(text: &str, secrets: &[String], mark: &str) -> String {
    secrets
        .iter()
        .fold(text.to_owned(), |t, s| t.replace(s.trim(), mark))
}

#[cfg(test)]
#[path = "visibility_tests.rs"]
mod tests;
