//! The settings forms: an operator (name, role, department, active) and a
//! department. What they amount to is stored with `put_operator` and
//! `put_department`; only a leader may save them.

use chrono::{FixedOffset, NaiveDate};

use super::action::Directory;
use super::{Field, Form, Kind, Purpose};
use crate::domain::reception::{ReceptionDay, ReceptionRecord};
use crate::domain::rules::Operator;
use crate::domain::types::Role;
use crate::strings::form::FieldKey as K;
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
        fields.push(Field::new(K::Name, Kind::Text).required());
    }
    fields.push(
        Field::new(K::Role, roles)
            .required()
            .chosen(existing.map_or("clerk", |o| o.role.code())),
    );
    fields.push(
        Field::new(K::Department, depts)
            .chosen(existing.and_then(|o| o.department.as_deref()).unwrap_or("")),
    );
    fields.push(Field::new(K::Active, Kind::Flag).flagged(existing.is_none_or(|o| o.active)));
    let unit = existing.and_then(|o| o.unit.as_deref()).unwrap_or("");
    fields.push(Field::new(K::OperatorUnit, Kind::Text).value(unit));
    let wide = existing.is_some_and(|o| o.department_wide);
    fields.push(Field::new(K::DepartmentWide, Kind::Flag).flagged(wide));
    Form::new(
        Purpose::Person(existing.map(|o| o.name.clone())),
        fields,
        lang,
        today,
        offset,
    )
}

pub fn department_form(lang: Lang, today: NaiveDate, offset: FixedOffset) -> Form {
    let fields = vec![Field::new(K::DepartmentName, Kind::Text).required()];
    Form::new(Purpose::Department, fields, lang, today, offset)
}

impl Form {
    /// The operator the person form amounts to (call after a `Save`).
    pub fn to_operator(&self) -> Option<Operator> {
        let Purpose::Person(existing) = &self.purpose else {
            return None;
        };
        let name = existing.clone().or_else(|| self.text(K::Name))?;
        Some(Operator {
            name,
            role: Role::from_code(self.code(K::Role)?)?,
            department: self
                .code(K::Department)
                .filter(|d| !d.is_empty())
                .map(str::to_owned),
            active: self.flag(K::Active),
            unit: self.text(K::OperatorUnit).filter(|u| !u.trim().is_empty()),
            department_wide: self.flag(K::DepartmentWide),
        })
    }
}

/// The active leaders as a choice.
fn leaders(dir: &Directory) -> Kind {
    Kind::Choice(
        dir.operators
            .iter()
            .filter(|o| o.role == Role::Leader && o.active)
            .map(|o| (o.name.clone(), o.name.clone()))
            .collect(),
    )
}

/// A reception record: the leader receiving (the operator, if a leader),
/// the visitor, the case it concerns (its number, optional), what was said
/// and what was decided.
pub fn reception_form(
    leader: Option<&str>,
    dir: &Directory,
    lang: Lang,
    today: NaiveDate,
    offset: FixedOffset,
) -> Form {
    let fields = vec![
        Field::new(K::ReceptionLeader, leaders(dir))
            .required()
            .chosen(leader.unwrap_or_default()),
        Field::new(K::Visitor, Kind::Text).required(),
        Field::new(K::CaseRef, Kind::Text),
        Field::new(K::Said, Kind::Multi).required(),
        Field::new(K::Decided, Kind::Multi),
    ];
    Form::new(Purpose::Reception, fields, lang, today, offset)
}

/// A day on the reception schedule.
pub fn schedule_form(
    leader: Option<&str>,
    dir: &Directory,
    lang: Lang,
    today: NaiveDate,
    offset: FixedOffset,
) -> Form {
    let fields = vec![
        Field::new(K::ReceptionDate, Kind::Date)
            .required()
            .value(&today.format("%Y-%m-%d").to_string()),
        Field::new(K::ReceptionLeader, leaders(dir))
            .required()
            .chosen(leader.unwrap_or_default()),
        Field::new(K::Place, Kind::Text),
    ];
    Form::new(Purpose::Schedule, fields, lang, today, offset)
}

impl Form {
    /// The day the schedule form amounts to.
    pub fn to_reception_day(&self) -> Option<ReceptionDay> {
        Some(ReceptionDay {
            date: super::check::parse_date(&self.text(K::ReceptionDate)?)?,
            leader: self.code(K::ReceptionLeader)?.to_owned(),
            place: self.text(K::Place),
        })
    }

    /// The record the reception form amounts to, and the case number typed.
    pub fn to_reception_record(&self) -> Option<(ReceptionRecord, Option<String>)> {
        Some((
            ReceptionRecord {
                date: self.today,
                leader: self.code(K::ReceptionLeader)?.to_owned(),
                visitor: self.text(K::Visitor)?,
                said: self.text(K::Said)?,
                decided: self.text(K::Decided).unwrap_or_default(),
                case_id: None,
            },
            self.text(K::CaseRef),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The leader of a reception day receives visitors: 接待领导, never a case's 包案领导.
    #[test]
    fn the_reception_and_schedule_forms_name_the_receiving_leader() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        let offset = FixedOffset::east_opt(8 * 3600).unwrap();
        let dir = Directory::default();
        for form in [
            reception_form(None, &dir, Lang::Zh, today, offset),
            schedule_form(None, &dir, Lang::Zh, today, offset),
        ] {
            let labels: Vec<&str> = form
                .fields
                .iter()
                .map(|f| crate::strings::form::label(Lang::Zh, f.key))
                .collect();
            assert!(labels.contains(&"接待领导"), "{labels:?}");
            assert!(!labels.contains(&"包案领导"), "{labels:?}");
        }
    }
}
