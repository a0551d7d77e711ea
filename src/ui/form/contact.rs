//! What the repeat panel offers beyond linking: the earlier case's phone and address for the
//! person being typed in, and a warning when the same ID number comes with another name.

use super::{FieldKey, Form, Outcome};
use crate::domain::case::Case;
use crate::domain::intake::Petitioner;

/// An ID number as compared: no spaces, `x` as `X`.
fn id_key(id: &str) -> String {
    id.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

impl Form {
    /// The petitioner row the clerk is on (the main one when the focus is outside the rows).
    fn person_row(&self) -> usize {
        self.fields
            .get(self.focus)
            .and_then(|f| f.row)
            .unwrap_or(self.main_row)
    }

    fn row_text(&self, key: FieldKey) -> Option<String> {
        self.in_row(self.person_row(), key).and_then(|f| f.text())
    }

    /// The earlier case's petitioner who is the person typed in: the same ID number, else
    /// the same phone, else the same name, else its main petitioner.
    fn same_person<'c>(&self, case: &'c Case) -> Option<&'c Petitioner> {
        let people = &case.intake.petitioners;
        let id = self.row_text(FieldKey::IdNumber).map(|s| id_key(&s));
        let phone = self.row_text(FieldKey::Phone);
        let name = self.row_text(FieldKey::Name);
        let by_id = || {
            let id = id.as_deref()?;
            people
                .iter()
                .find(|p| p.id_number.as_deref().map(id_key).as_deref() == Some(id))
        };
        let by_phone = || {
            let phone = phone.as_deref()?;
            people.iter().find(|p| p.phone.as_deref() == Some(phone))
        };
        let by_name = || {
            let name = name.as_deref()?;
            people.iter().find(|p| p.name.trim() == name)
        };
        by_id()
            .or_else(by_phone)
            .or_else(by_name)
            .or_else(|| people.iter().find(|p| p.main).or(people.first()))
    }

    /// The earlier name when `case` holds the typed ID number under another name: the same
    /// number for two names is a typing slip or a different person, and the clerk must ask.
    pub fn name_differs(&self, case: &Case) -> Option<String> {
        let id = id_key(&self.row_text(FieldKey::IdNumber)?);
        let name = self.row_text(FieldKey::Name)?;
        case.intake
            .petitioners
            .iter()
            .find(|p| p.id_number.as_deref().map(id_key).as_deref() == Some(id.as_str()))
            .filter(|p| p.name.trim() != name)
            .map(|p| p.name.trim().to_owned())
    }

    /// Fills the blank phone and address of the row being typed from the selected earlier
    /// case; what the clerk already typed stays.
    pub(super) fn copy_contact(&mut self) -> Outcome {
        let lang = self.lang;
        let Some(case) = self.selected_repeat().map(|r| r.case.clone()) else {
            return Outcome::Refused(crate::strings::form::no_repeat(lang).to_owned());
        };
        let Some(earlier) = self.same_person(&case).cloned() else {
            return Outcome::Refused(crate::strings::form::nothing_to_copy(lang).to_owned());
        };
        let row = self.person_row();
        let mut copied = Vec::new();
        for (key, value) in [
            (FieldKey::Phone, earlier.phone),
            (FieldKey::Address, earlier.address),
        ] {
            let Some(value) = value.filter(|v| !v.trim().is_empty()) else {
                continue;
            };
            let Some(field) = self
                .fields
                .iter_mut()
                .find(|f| f.key == key && f.row == Some(row))
            else {
                continue;
            };
            if field.input.value().trim().is_empty() {
                field.input.insert(&value);
                copied.push(key);
            }
        }
        if copied.is_empty() {
            return Outcome::Refused(crate::strings::form::nothing_to_copy(lang).to_owned());
        }
        self.dirty = true;
        Outcome::Copied(crate::strings::form::contact_copied(
            lang,
            &super::case_name(&case),
            copied.contains(&FieldKey::Phone),
            copied.contains(&FieldKey::Address),
        ))
    }
}
