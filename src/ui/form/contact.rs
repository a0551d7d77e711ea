//! What the repeat panel offers beyond linking: the earlier case's phone and address for the
//! person being typed in, and a warning when the same ID number comes with another name.

use super::intake::RepeatQuery;
use super::{FieldKey, Form, Outcome};
use crate::domain::case::Case;
use crate::domain::intake::Petitioner;
use crate::domain::repeat::PetitionerKey;

impl Form {
    /// The petitioner row the clerk is on (the main one when the focus is outside the rows).
    fn person_row(&self) -> usize {
        self.fields
            .get(self.focus)
            .and_then(|f| f.row)
            .unwrap_or(self.main_row)
    }

    /// The key the repeat panel looked the typed person up by, if not a name alone.
    fn person_key(&self) -> Option<PetitionerKey> {
        match self.repeat_query()? {
            RepeatQuery::Person(key) => Some(key),
            RepeatQuery::Name(_) => None,
        }
    }

    /// The earlier case's petitioner who is the person typed in (`PetitionerKey::find_in`),
    /// else its main petitioner.
    fn same_person<'c>(&self, case: &'c Case) -> Option<&'c Petitioner> {
        let people = &case.intake.petitioners;
        self.person_key()
            .and_then(|key| key.find_in(people))
            .or_else(|| people.iter().find(|p| p.main).or(people.first()))
    }

    /// The earlier name when `case` holds the typed ID number under another name.
    pub fn name_differs(&self, case: &Case) -> Option<String> {
        let name = self
            .in_row(self.person_row(), FieldKey::Name)
            .and_then(|f| f.text())?;
        self.person_key()?
            .other_name(&name, &case.intake.petitioners)
            .map(str::to_owned)
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
