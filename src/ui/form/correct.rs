//! The 更正 form: the case's petitioners, 人数, contact, location, accused, summary and
//! request as recorded, to put right, and why; what it amounts to (`Command::Correct`): only what the
//! clerk changed, so that a field the form cannot show, or another desk's correction made
//! meanwhile, is never written back over.

use super::intake::person_fields;
use super::{Field, Form, Kind};
use crate::domain::case::{Case, Petitioner};
use crate::domain::command::{Command, Correction};
use crate::domain::identity::check_id;
use crate::domain::types::Channel;
use crate::strings::Lang;
use crate::strings::form::FieldKey as K;

/// A text field holding `v`, edited in place (not replaced by the first key, as a default is).
fn kept(key: K, kind: Kind, v: &str) -> Field {
    let mut f = Field::new(key, kind).value(v);
    f.pristine = false;
    f
}

/// One petitioner row's fields, blank: every channel's row with its 代表 (a letter's or a
/// call's may carry one from `apply` or an import, kept as it is), the name required unless
/// the item is anonymous.
fn row_fields(case: &Case, lang: Lang) -> Vec<Field> {
    let mut row = person_fields(case.intake.channel, lang);
    if !row.iter().any(|f| f.key == K::Representative) {
        let mut f = Field::new(K::Representative, Kind::Flag);
        f.row = Some(0);
        row.push(f);
    }
    for f in &mut row {
        f.required = f.key == K::Name && !case.intake.anonymous;
    }
    row
}

/// Petitioner `p`'s row `row`, filled in as recorded.
fn filled(template: &[Field], p: &Petitioner, row: usize, case: &Case) -> Vec<Field> {
    let read = p
        .id_number
        .as_deref()
        .and_then(|n| check_id(p.id_type, n, case.intake.received_date()).ok())
        .and_then(|c| c.sex);
    let text = |s: &Option<String>| s.clone().unwrap_or_default();
    template
        .iter()
        .map(|f| {
            let mut f = match f.key {
                K::Name => kept(f.key, f.kind.clone(), &p.name),
                K::IdNumber => kept(f.key, f.kind.clone(), &text(&p.id_number)),
                K::Phone => kept(f.key, f.kind.clone(), &text(&p.phone)),
                K::Address => kept(f.key, f.kind.clone(), &text(&p.address)),
                K::WorkUnit => kept(f.key, f.kind.clone(), &text(&p.work_unit)),
                K::IdType => f.clone().chosen(p.id_type.code()),
                K::Sex => {
                    let mut s = f.clone().chosen(p.sex.map_or("", |s| s.code()));
                    // Read from the number: it follows the number as it is put right.
                    s.pristine = p.sex.is_some() && p.sex == read;
                    s
                }
                K::Representative => f.clone().flagged(p.representative),
                _ => f.clone(),
            };
            f.row = Some(row);
            f
        })
        .collect()
}

/// The fields of the form on `case`, filled in as recorded.
pub(super) fn fields(case: &Case, lang: Lang) -> Vec<Field> {
    let i = &case.intake;
    let template = row_fields(case, lang);
    let mut fields: Vec<Field> = (i.petitioners.iter().enumerate())
        .flat_map(|(row, p)| filled(&template, p, row, case))
        .collect();
    if i.petitioners.is_empty() {
        fields.extend(template);
    }
    let contact = i.contact.as_deref().unwrap_or_default();
    match i.channel {
        Channel::Letter => fields.push(kept(
            K::LetterNo,
            Kind::Text,
            i.letter_no.as_deref().unwrap_or_default(),
        )),
        Channel::Email => fields.push(kept(K::Email, Kind::Text, contact).required()),
        Channel::Online => fields.push(kept(K::OnlineRef, Kind::Text, contact).required()),
        Channel::Visit | Channel::Phone | Channel::Referral => {}
    }
    fields.extend([
        // A count is typed anew, as on the intake form: the first key replaces it.
        Field::new(K::People, Kind::Number)
            .value(&i.people.to_string())
            .required(),
        // Whom it accuses, as on the intake form: a leader's correction (the domain refuses
        // anyone else's).
        kept(
            K::Target,
            Kind::Text,
            i.target.as_deref().unwrap_or_default(),
        ),
        kept(
            K::TargetPerson,
            Kind::Text,
            i.target_person.as_deref().unwrap_or_default(),
        ),
        kept(
            K::Location,
            Kind::Text,
            i.location.as_deref().unwrap_or_default(),
        ),
        kept(K::Summary, Kind::Multi, &i.summary).required(),
        kept(K::Request, Kind::Multi, &i.request),
        Field::new(K::Confidential, Kind::Flag).flagged(i.confidential),
        Field::new(K::CorrectReason, Kind::Text).required(),
    ]);
    fields
}

/// The main row, a blank row to add, and the record as the form opened.
pub(super) fn finish(form: &mut Form, case: &Case, lang: Lang) {
    form.main_row = case
        .intake
        .petitioners
        .iter()
        .position(|p| p.main)
        .unwrap_or(0);
    form.row_template = row_fields(case, lang);
    form.base = Some(Box::new(form.as_typed()));
}

/// `now` where it differs from `base`.
fn changed<T: PartialEq>(now: Option<T>, base: &Option<T>) -> Option<T> {
    now.filter(|v| base.as_ref() != Some(v))
}

impl Form {
    /// Every field the form shows, as it now reads.
    fn as_typed(&self) -> Correction {
        let mut petitioners = self.petitioners();
        // A row left blank names nobody (an anonymous item keeps none).
        petitioners.retain(|p| !(p.name.is_empty() && p.id_number.is_none() && p.phone.is_none()));
        let shown = |k: K| self.get(k).map(|f| f.text().unwrap_or_default());
        Correction {
            petitioners: Some(petitioners),
            people: self.text(K::People).and_then(|p| p.parse().ok()),
            confidential: self.get(K::Confidential).map(|f| f.flag),
            contact: shown(K::Email).or_else(|| shown(K::OnlineRef)),
            letter_no: shown(K::LetterNo),
            location: shown(K::Location),
            summary: shown(K::Summary),
            request: shown(K::Request),
            target: shown(K::Target),
            target_person: shown(K::TargetPerson),
            reason: shown(K::CorrectReason).unwrap_or_default(),
        }
    }

    /// The correction the form amounts to: what was changed since it opened, and why.
    pub(super) fn to_correction(&self) -> Command {
        let now = self.as_typed();
        let base = self.base.as_deref().cloned().unwrap_or_default();
        Command::Correct(Box::new(Correction {
            petitioners: changed(now.petitioners, &base.petitioners),
            people: changed(now.people, &base.people),
            confidential: changed(now.confidential, &base.confidential),
            contact: changed(now.contact, &base.contact),
            letter_no: changed(now.letter_no, &base.letter_no),
            location: changed(now.location, &base.location),
            summary: changed(now.summary, &base.summary),
            request: changed(now.request, &base.request),
            target: changed(now.target, &base.target),
            target_person: changed(now.target_person, &base.target_person),
            reason: now.reason,
        }))
    }
}
