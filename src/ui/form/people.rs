//! The settings forms: an operator (name, role, department, active) and a
//! department. What they amount to is stored with `put_operator` and
//! `put_department`; only a leader may save them.

use chrono::{FixedOffset, NaiveDate};

use super::action::Directory;
use super::{Field, Form, Kind, Purpose};
use crate::domain::rules::Operator;
use crate::domain::types::Role;
use crate::strings::{Lang, form as t, labels};

/// The form to add an operator (`existing` None) or change one.
pub fn person_form(
    existing: Option<&Operator>,
    dir: &Directory,
    lang: Lang,
    today: NaiveDate,
    offset: FixedOffset,
) -> Form {
    let roles = Kind::Choice(
        [Role::Clerk, Role::Handler, Role::Leader]
            .iter()
            .map(|r| (r.code().to_owned(), labels::role(lang, *r).to_owned()))
            .collect(),
    );
    let depts = Kind::Choice(
        std::iter::once((String::new(), t::none(lang).to_owned()))
            .chain(dir.departments.iter().map(|d| (d.clone(), d.clone())))
            .collect(),
    );
    let mut fields = Vec::new();
    if existing.is_none() {
        fields.push(Field::new("name", Kind::Text).required());
    }
    fields.push(
        Field::new("role", roles)
            .required()
            .chosen(existing.map_or("clerk", |o| o.role.code())),
    );
    fields.push(
        Field::new("department", depts)
            .chosen(existing.and_then(|o| o.department.as_deref()).unwrap_or("")),
    );
    fields.push(Field::new("active", Kind::Flag).flagged(existing.is_none_or(|o| o.active)));
    Form::new(
        Purpose::Person(existing.map(|o| o.name.clone())),
        fields,
        lang,
        today,
        offset,
    )
}

pub fn department_form(lang: Lang, today: NaiveDate, offset: FixedOffset) -> Form {
    let fields = vec![Field::new("department_name", Kind::Text).required()];
    Form::new(Purpose::Department, fields, lang, today, offset)
}

impl Form {
    /// The operator the person form amounts to (call after a `Save`).
    pub fn to_operator(&self) -> Option<Operator> {
        let Purpose::Person(existing) = &self.purpose else {
            return None;
        };
        let name = existing.clone().or_else(|| self.text("name"))?;
        Some(Operator {
            name,
            role: Role::from_code(self.code("role")?)?,
            department: self
                .code("department")
                .filter(|d| !d.is_empty())
                .map(str::to_owned),
            active: self.flag("active"),
        })
    }
}
