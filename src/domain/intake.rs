//! Checking what the clerk recorded at the window before a case exists.

use chrono::{DateTime, FixedOffset};

use super::case::Intake;
use super::command::IntakeInput;
use super::error::WorkflowError;
use super::identity::check_id;
use super::phone::check_phone;
use super::rules::{Operator, Rules};
use super::types::Urgency;
use super::workflow::{Warning, local_date, nonempty};

pub(super) fn validate_intake(
    input: &IntakeInput,
    actor: &Operator,
    at: DateTime<FixedOffset>,
    rules: &Rules,
) -> Result<(Intake, Vec<Warning>), WorkflowError> {
    let op = "intake";
    let mut warnings = Vec::new();
    nonempty(op, "summary", &input.summary)?;
    nonempty(op, "category", &input.category)?;
    if !rules.categories.contains(&input.category) {
        return Err(WorkflowError::UnknownCategory(input.category.clone()));
    }
    let received_at = input.received_at.unwrap_or(at);
    if received_at > at {
        return Err(WorkflowError::ReceivedInFuture);
    }
    let received = local_date(received_at, rules);
    if let Some(postmark) = input.postmark
        && postmark > received
    {
        return Err(WorkflowError::PostmarkAfterReceipt { postmark, received });
    }
    let today = local_date(at, rules);
    let mut petitioners = input.petitioners.clone();
    if petitioners.is_empty() && !input.anonymous {
        return Err(WorkflowError::NoPetitioner);
    }
    for (i, p) in petitioners.iter_mut().enumerate() {
        let index = i + 1;
        p.name = p.name.trim().to_owned();
        if p.name.is_empty() && !input.anonymous {
            return Err(WorkflowError::MissingField { op, field: "name" });
        }
        if let Some(raw) = p.id_number.as_deref().filter(|s| !s.trim().is_empty()) {
            let checked = check_id(p.id_type, raw, today)
                .map_err(|error| WorkflowError::BadIdNumber { index, error })?;
            if checked.legacy15 {
                warnings.push(Warning::LegacyIdNumber { index });
            }
            p.legacy_id = checked.legacy15;
            p.sex = p.sex.or(checked.sex);
            p.id_number = Some(checked.normalized);
        } else {
            p.id_number = None;
        }
        if let Some(raw) = p.phone.as_deref().filter(|s| !s.trim().is_empty()) {
            let checked =
                check_phone(raw).map_err(|error| WorkflowError::BadPhone { index, error })?;
            p.phone = Some(checked.normalized);
        } else {
            p.phone = None;
        }
    }
    match petitioners.iter().filter(|p| p.main).count() {
        0 => {
            if let Some(first) = petitioners.first_mut() {
                first.main = true;
            }
        }
        1 => {}
        _ => return Err(WorkflowError::SeveralMainPetitioners),
    }
    let named = petitioners.len();
    let people = input.people.unwrap_or(named.max(1) as u32);
    if (people as usize) < named || people == 0 {
        return Err(WorkflowError::PeopleFewerThanNamed { people, named });
    }
    // 2022 Art 20: 代表人数不得超过5人 (warned, not refused: the clerk
    // records who came and asks the group to choose).
    let representatives = petitioners.iter().filter(|p| p.representative).count();
    if representatives > 5 {
        warnings.push(Warning::TooManyRepresentatives {
            count: representatives,
        });
    }
    if input.urgency == Urgency::Major {
        warnings.push(Warning::MajorUrgent);
    }
    let receiver = input
        .receiver
        .clone()
        .filter(|r| !r.trim().is_empty())
        .unwrap_or_else(|| actor.name.clone());
    let intake = Intake {
        channel: input.channel,
        received_at,
        receiver,
        postmark: input.postmark,
        letter_no: input.letter_no.clone(),
        contact: input.contact.clone(),
        referral: input.referral.clone(),
        petitioners,
        people,
        anonymous: input.anonymous,
        confidential: input.confidential,
        category: input.category.clone(),
        handling_type: input.handling_type,
        target: input.target.clone().filter(|t| !t.trim().is_empty()),
        target_person: input.target_person.clone().filter(|t| !t.trim().is_empty()),
        location: input.location.clone(),
        summary: input.summary.trim().to_owned(),
        request: input.request.trim().to_owned(),
        urgency: input.urgency,
        links: input.links.clone(),
    };
    Ok((intake, warnings))
}
