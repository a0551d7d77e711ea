//! Petitioner rows of an intake form: add one like the first, remove one
//! (a filled one on the second Ctrl-D), mark the main petitioner.

use super::{Field, FieldKey, Form, Outcome};
use crate::ui::widgets::text_field::TextField;

impl Form {
    pub(super) fn focused_row_has_text(&self) -> bool {
        let row = self.focused_row();
        row.is_some()
            && self
                .fields
                .iter()
                .any(|f| f.row == row && !f.input.value().trim().is_empty())
    }

    pub(super) fn focused_row(&self) -> Option<usize> {
        self.fields.get(self.focus).and_then(|f| f.row)
    }

    pub(super) fn add_row(&mut self) -> Outcome {
        if self.row_template.is_empty() {
            return Outcome::Refused(crate::strings::form::no_rows(self.lang).to_owned());
        }
        let row = self.rows();
        let at = self
            .fields
            .iter()
            .rposition(|f| f.row.is_some())
            .map_or(0, |i| i + 1);
        let fresh: Vec<Field> = self
            .row_template
            .iter()
            .cloned()
            .map(|mut f| {
                f.row = Some(row);
                f.input.clear();
                f.flag = false;
                f.error = None;
                f
            })
            .collect();
        self.fields.splice(at..at, fresh);
        self.focus = at;
        self.dirty = true;
        // More people than counted: the count follows.
        let rows = self.rows();
        if let Some(people) = self.get_mut(FieldKey::People)
            && people.input.value().trim().parse::<usize>().unwrap_or(0) < rows
        {
            people.input = TextField::new(&rows.to_string());
        }
        Outcome::Stay
    }

    pub(super) fn remove_row(&mut self) -> Outcome {
        let Some(row) = self.focused_row() else {
            return Outcome::Refused(crate::strings::form::not_on_row(self.lang).to_owned());
        };
        let before = self.rows();
        if before < 2 {
            return Outcome::Refused(crate::strings::form::last_row(self.lang).to_owned());
        }
        self.fields.retain(|f| f.row != Some(row));
        // A count that followed the rows follows them back (人次 is counted from it); a
        // group counted larger than those named keeps its count.
        if let Some(people) = self.get_mut(FieldKey::People)
            && people.input.value().trim().parse::<usize>().ok() == Some(before)
        {
            people.input = TextField::new(&(before - 1).to_string());
        }
        for f in &mut self.fields {
            if let Some(r) = f.row.as_mut()
                && *r > row
            {
                *r -= 1;
            }
        }
        if self.main_row == row {
            self.main_row = 0;
        } else if self.main_row > row {
            self.main_row -= 1;
        }
        let last = self.rows().saturating_sub(1);
        let target = row.min(last);
        self.focus = self
            .fields
            .iter()
            .position(|f| f.row == Some(target))
            .unwrap_or(0);
        self.dirty = true;
        Outcome::Stay
    }

    pub(super) fn make_main(&mut self) -> Outcome {
        match self.focused_row() {
            Some(row) => {
                self.main_row = row;
                self.dirty = true;
                Outcome::Stay
            }
            None => Outcome::Refused(crate::strings::form::not_on_row(self.lang).to_owned()),
        }
    }
}
