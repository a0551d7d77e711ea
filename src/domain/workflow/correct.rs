//! 更正 (`domain::correction`): the record of what was taken in, put right field by field
//! and checked as at intake; the rest of the case is left as it stands.

use chrono::NaiveDate;

use super::checks::{accused_holder, nonempty};
use super::intake::{check_petitioner, choose_main};
use super::warning::Warning;
use crate::domain::case::{Case, Corrected, Intake, Stamp};
use crate::domain::command::Correction;
use crate::domain::error::{Field, WorkflowError};
use crate::domain::intake::is_email;
use crate::domain::op::Op;
use crate::domain::rules::{Operator, Rules};
use crate::domain::types::{Channel, Role, State};
use crate::domain::visibility::accused_in;

/// `before`, where it changed; nothing where it did not.
fn changed<T: Clone + Default>(moved: bool, before: &T) -> T {
    if moved { before.clone() } else { T::default() }
}

/// `case` as corrected by `c` on `today`, with the warnings of its petitioners' checks;
/// refused when nothing changes.
pub(super) fn correct(
    case: &Case,
    c: &Correction,
    (actor, rules): (&Operator, &Rules),
    today: NaiveDate,
    stamp: &Stamp,
) -> Result<(Case, Vec<Warning>), WorkflowError> {
    let mut next = case.clone();
    let op = Op::Correct;
    nonempty(op, Field::Reason, &c.reason)?;
    let mut warnings = Vec::new();
    let i = &mut next.intake;
    if let Some(given) = &c.petitioners {
        let mut list = given.clone();
        for (n, p) in list.iter_mut().enumerate() {
            check_petitioner(op, n + 1, p, i.anonymous, today, &mut warnings)?;
        }
        choose_main(&mut list)?;
        if list.is_empty() && !i.anonymous {
            return Err(WorkflowError::NoPetitioner);
        }
        // 2022 Art 20: at most 5 representatives (warned, as at intake).
        let representatives = list.iter().filter(|p| p.representative).count();
        if representatives > 5 {
            warnings.push(Warning::TooManyRepresentatives {
                count: representatives,
            });
        }
        i.petitioners = list;
    }
    i.people = c.people.unwrap_or(i.people);
    let named = i.petitioners.len();
    if (i.people as usize) < named || i.people == 0 {
        return Err(WorkflowError::PeopleFewerThanNamed {
            people: i.people,
            named,
        });
    }
    texts(i, c)?;
    let was = &case.intake;
    if next.intake == *was {
        return Err(WorkflowError::NothingToCorrect);
    }
    if (&next.intake.target, &next.intake.target_person) != (&was.target, &was.target_person) {
        check_accused(&next, actor, rules)?;
    }
    let petitioners_moved = next.intake.petitioners != was.petitioners;
    next.corrections.push(Corrected {
        reason: c.reason.trim().to_owned(),
        petitioners_before: changed(petitioners_moved, &was.petitioners),
        contact_before: changed(next.intake.contact != was.contact, &was.contact),
        stamp: stamp.clone(),
    });
    Ok((next, warnings))
}

/// The record's own fields `c` names, each as given (trimmed; blank clears an optional one).
fn texts(i: &mut Intake, c: &Correction) -> Result<(), WorkflowError> {
    let op = Op::Correct;
    let given = |s: &Option<String>| s.as_deref().map(|t| t.trim().to_owned());
    let optional = |s: String| Some(s).filter(|t| !t.is_empty());
    if let Some(summary) = given(&c.summary) {
        nonempty(op, Field::Summary, &summary)?;
        i.summary = summary;
    }
    if let Some(request) = given(&c.request) {
        i.request = request;
    }
    if let Some(location) = given(&c.location) {
        i.location = optional(location);
    }
    if let Some(letter_no) = given(&c.letter_no) {
        i.letter_no = optional(letter_no);
    }
    match c.confidential {
        // Art 30 第三款: the protection is added, never taken away by a correction.
        Some(false) if i.confidential => return Err(WorkflowError::ConfidentialStays),
        Some(on) => i.confidential = on,
        None => {}
    }
    if let Some(contact) = given(&c.contact) {
        if i.channel == Channel::Email && !contact.is_empty() && !is_email(&contact) {
            return Err(WorkflowError::BadEmail { found: contact });
        }
        i.contact = optional(contact);
    }
    if let Some(target) = given(&c.target) {
        i.target = optional(target);
    }
    if let Some(person) = given(&c.target_person) {
        i.target_person = optional(person);
    }
    Ok(())
}

/// A changed accused: a leader's step, since it decides who must never see the case (2022
/// Art 30 第三款); never naming whoever now holds the case (they must be replaced first, as
/// an assignment to them is refused) nor the leader making it (Art 28 第三款: 回避).
fn check_accused(next: &Case, actor: &Operator, rules: &Rules) -> Result<(), WorkflowError> {
    if actor.role != Role::Leader {
        return Err(WorkflowError::AccusedByLeader);
    }
    if let (State::Assigned, Some(a)) = (next.state, &next.assignment)
        && let Some((holder, target)) =
            accused_holder(next, &a.department, &a.handler, &a.owner_leader, rules)
    {
        return Err(WorkflowError::AccusedHolds { holder, target });
    }
    match accused_in(next, actor) {
        Some((party, target)) => Err(WorkflowError::AccusedParty {
            op: Op::Correct.into(),
            party,
            target,
        }),
        None => Ok(()),
    }
}
