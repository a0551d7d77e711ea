//! The 更正 form: the case's petitioners, contact, location, summary and request as
//! recorded, to put right, and why; what it amounts to (`Command::Correct`).

use super::intake::person_fields;
use super::{Field, Form, Kind};
use crate::domain::case::Case;
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

/// The fields of the form on `case`, filled in as recorded.
pub(super) fn fields(case: &Case, lang: Lang) -> Vec<Field> {
    let i = &case.intake;
    let template = person_fields(i.channel, lang);
    let mut fields = Vec::new();
    for (row, p) in i.petitioners.iter().enumerate() {
        let read = p
            .id_number
            .as_deref()
            .and_then(|n| check_id(p.id_type, n, case.intake.received_date()).ok())
            .and_then(|c| c.sex);
        for f in &template {
            let text = |s: &Option<String>| s.clone().unwrap_or_default();
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
            f.required = f.key == K::Name && !i.anonymous;
            f.row = Some(row);
            fields.push(f);
        }
    }
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
        kept(
            K::Location,
            Kind::Text,
            i.location.as_deref().unwrap_or_default(),
        ),
        kept(K::Summary, Kind::Multi, &i.summary).required(),
        kept(K::Request, Kind::Multi, &i.request),
        Field::new(K::CorrectReason, Kind::Text).required(),
    ]);
    fields
}

/// The main row and a blank row to add, once the form is made.
pub(super) fn finish(form: &mut Form, case: &Case, lang: Lang) {
    form.main_row = case
        .intake
        .petitioners
        .iter()
        .position(|p| p.main)
        .unwrap_or(0);
    form.row_template = person_fields(case.intake.channel, lang);
}

impl Form {
    /// The correction the form amounts to: every field it shows, as it now reads.
    pub(super) fn to_correction(&self) -> Command {
        let mut petitioners = self.petitioners();
        // A row left blank names nobody (an anonymous item keeps none).
        petitioners.retain(|p| !(p.name.is_empty() && p.id_number.is_none() && p.phone.is_none()));
        let shown = |k: K| self.get(k).map(|f| f.text().unwrap_or_default());
        Command::Correct(Box::new(Correction {
            petitioners: Some(petitioners),
            people: self.text(K::People).and_then(|p| p.parse().ok()),
            contact: shown(K::Email).or_else(|| shown(K::OnlineRef)),
            letter_no: shown(K::LetterNo),
            location: shown(K::Location),
            summary: shown(K::Summary),
            request: shown(K::Request),
            reason: shown(K::CorrectReason).unwrap_or_default(),
        }))
    }
}
