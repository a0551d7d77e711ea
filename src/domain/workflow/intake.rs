//! Checking what the clerk recorded at the window before a case exists.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::checks::{check_in_ledger, nonempty};
use super::warning::Warning;
use crate::domain::case::{Intake, Petitioner};
use crate::domain::command::IntakeInput;
use crate::domain::error::{Field, WorkflowError};
use crate::domain::identity::check_id;
use crate::domain::intake::is_email;
use crate::domain::op::Op;
use crate::domain::phone::check_phone;
use crate::domain::rules::{Operator, Rules, local_date};
use crate::domain::types::{Channel, Urgency};

pub(super) fn validate_intake(
    input: &IntakeInput,
    actor: &Operator,
    at: DateTime<FixedOffset>,
    rules: &Rules,
) -> Result<(Intake, Vec<Warning>), WorkflowError> {
    let op = Op::Intake;
    let mut warnings = Vec::new();
    nonempty(op, Field::Summary, &input.summary)?;
    nonempty(op, Field::Category, &input.category)?;
    if !rules.categories.contains(&input.category) {
        return Err(WorkflowError::UnknownCategory(input.category.clone()));
    }
    // In the office's offset, as every step's time (`transition`).
    let received_at = (input.received_at.unwrap_or(at)).with_timezone(&rules.policy.utc_offset);
    check_received(input, received_at, at, rules)?;
    if input.channel == Channel::Email
        && let Some(found) =
            (input.contact.as_deref()).filter(|c| !c.trim().is_empty() && !is_email(c))
    {
        return Err(WorkflowError::BadEmail {
            found: found.to_owned(),
        });
    }
    let today = local_date(at, rules);
    let mut checked = input.clone();
    if checked.petitioners.is_empty() && !input.anonymous {
        return Err(WorkflowError::NoPetitioner);
    }
    for (i, p) in checked.petitioners.iter_mut().enumerate() {
        check_petitioner(op, i + 1, p, input.anonymous, today, &mut warnings)?;
    }
    choose_main(&mut checked.petitioners)?;
    let named = checked.petitioners.len();
    let people = input.people.unwrap_or(named.max(1) as u32);
    if (people as usize) < named || people == 0 {
        return Err(WorkflowError::PeopleFewerThanNamed { people, named });
    }
    // 2022 Art 20: 代表人数不得超过5人 (warned, not refused: the clerk
    // records who came and asks the group to choose).
    let representatives = (checked.petitioners.iter())
        .filter(|p| p.representative)
        .count();
    if representatives > 5 {
        warnings.push(Warning::TooManyRepresentatives {
            count: representatives,
        });
    }
    if input.urgency == Urgency::Major {
        warnings.push(Warning::MajorUrgent);
    }
    // Art 22 (三): a date the superior set that had passed when the item came is most
    // likely mistyped; kept as typed (an item may come late), but said.
    let received = local_date(received_at, rules);
    if let Some(superior) = (input.referral.as_ref()).and_then(|r| r.deadline)
        && superior < received
    {
        warnings.push(Warning::SuperiorDateBeforeReceipt { superior, received });
    }
    let receiver = (input.receiver.clone())
        .filter(|r| !r.trim().is_empty())
        .unwrap_or_else(|| actor.name.clone());
    let blank = |t: &String| t.trim().is_empty();
    checked.target = checked.target.take().filter(|t| !blank(t));
    checked.target_person = checked.target_person.take().filter(|t| !blank(t));
    checked.summary = input.summary.trim().to_owned();
    checked.request = input.request.trim().to_owned();
    Ok((checked.fill(received_at, receiver, people), warnings))
}

/// Received no later than entered, and posted no later than received.
fn check_received(
    input: &IntakeInput,
    received_at: DateTime<FixedOffset>,
    at: DateTime<FixedOffset>,
    rules: &Rules,
) -> Result<(), WorkflowError> {
    if received_at > at {
        return Err(WorkflowError::ReceivedInFuture);
    }
    let received = local_date(received_at, rules);
    check_in_ledger(received)?;
    check_in_ledger(local_date(at, rules))?;
    for date in input
        .postmark
        .into_iter()
        .chain(input.referral.as_ref().and_then(|r| r.deadline))
    {
        check_in_ledger(date)?;
    }
    if let Some(postmark) = input.postmark
        && postmark > received
    {
        return Err(WorkflowError::PostmarkAfterReceipt { postmark, received });
    }
    Ok(())
}

/// Checks and normalises the `index`-th (1-based) petitioner: name, ID
/// number and phone; blanks become absent.
pub(super) fn check_petitioner(
    op: Op,
    index: usize,
    p: &mut Petitioner,
    anonymous: bool,
    today: NaiveDate,
    warnings: &mut Vec<Warning>,
) -> Result<(), WorkflowError> {
    p.name = p.name.trim().to_owned();
    if p.name.is_empty() && !anonymous {
        return Err(WorkflowError::MissingField {
            op: op.into(),
            field: Field::Name,
        });
    }
    if let Some(raw) = p.id_number.as_deref().filter(|s| !s.trim().is_empty()) {
        let checked = check_id(p.id_type, raw, today)
            .map_err(|error| WorkflowError::BadIdNumber { index, error })?;
        if checked.legacy15 {
            warnings.push(Warning::LegacyIdNumber { index });
        }
        p.legacy_id = checked.legacy15;
        if p.sex.is_some() && checked.sex.is_some() && p.sex != checked.sex {
            warnings.push(Warning::SexDiffersFromId { index });
        }
        p.sex = p.sex.or(checked.sex);
        p.id_number = Some(checked.normalized);
    } else {
        p.id_number = None;
    }
    for text in [&mut p.address, &mut p.work_unit] {
        *text = text.take().filter(|s| !s.trim().is_empty());
    }
    if let Some(raw) = p.phone.as_deref().filter(|s| !s.trim().is_empty()) {
        let checked = check_phone(raw).map_err(|error| WorkflowError::BadPhone { index, error })?;
        p.phone = Some(checked.normalized);
    } else {
        p.phone = None;
    }
    Ok(())
}

/// Exactly one main petitioner: the first named when none is marked.
pub(super) fn choose_main(petitioners: &mut [Petitioner]) -> Result<(), WorkflowError> {
    match petitioners.iter().filter(|p| p.main).count() {
        0 => {
            if let Some(first) = petitioners.first_mut() {
                first.main = true;
            }
            Ok(())
        }
        1 => Ok(()),
        _ => Err(WorkflowError::SeveralMainPetitioners),
    }
}
