//! The form engine shared by the intake forms (登记表) and the small action
//! forms of the case screen: fields, focus, checks as you leave a field,
//! petitioner rows, and a refusal to save that puts the cursor on the first
//! error. What a form amounts to is in `intake.rs` and `action.rs`.

pub mod action;
mod check;
mod command;
mod contact;
mod correct;
pub mod draft;
mod edit;
mod field;
pub mod import;
pub mod intake;
pub mod office;
pub mod people;
mod rows;

use chrono::{FixedOffset, NaiveDate};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::keymap::{Action, Context};
use crate::domain::op::Op;
use crate::domain::types::Channel;
use crate::store::CaseRow;
use crate::strings::Lang;
use crate::strings::form::FieldKey;
pub use field::{Field, Kind};

/// What the form is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    Intake(Channel),
    /// An action on a case: the step `op`.
    Action {
        case_id: i64,
        version: i64,
        case_no: Option<String>,
        op: Op,
    },
    /// Add an operator (None) or change one (their name).
    Person(Option<String>),
    /// Add a department.
    Department,
    /// A leader's reception record.
    Reception,
    /// A day on the reception schedule.
    Schedule,
    /// The office's letterhead for documents.
    Office,
    /// An old register (台账) to import: planned first, written on a second key.
    Import,
}

/// Earlier cases of the person being typed in (重复访), beside the form.
#[derive(Debug, Clone, Default)]
pub struct Repeats {
    /// At most [`EARLIER_SHOWN`], newest first.
    pub rows: Vec<CaseRow>,
    /// More earlier cases than those shown: the title says so, never the rows' count alone.
    pub more: bool,
    pub selected: usize,
    /// Matched on the name alone: a hint, not a finding.
    pub name_only: bool,
    /// 重点信访人 flags on the person (only for those who may see them: `domain::flags`).
    pub flags: Vec<crate::domain::flags::PersonFlag>,
}

/// Earlier cases of the same person the repeat panel and the case screen show; one more
/// is asked for, to know whether there are more.
pub const EARLIER_SHOWN: usize = 8;

impl Repeats {
    /// Whether the panel has anything to show.
    pub fn shown(&self) -> bool {
        !self.rows.is_empty() || !self.flags.is_empty()
    }
}

/// A case as the clerk knows it: its number, or `#id` before it has one.
pub fn case_name(case: &crate::domain::case::Case) -> String {
    case.case_no
        .clone()
        .unwrap_or_else(|| format!("#{}", case.id))
}

/// What a key did to the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    Save,
    Cancel,
    /// The intake was linked to this earlier case (its number).
    Linked(String),
    /// Attach the intake to this open case as a repeat item (重复件).
    Attach(i64),
    /// Refused, with the reason to show.
    Refused(String),
    /// The earlier case's phone or address was copied in: what was filled, to show.
    Copied(String),
}

#[derive(Debug, Clone)]
pub struct Form {
    pub purpose: Purpose,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub dirty: bool,
    /// Esc was pressed once on a changed form: a second Esc discards.
    pub confirm_discard: bool,
    pub lang: Lang,
    pub today: NaiveDate,
    pub offset: FixedOffset,
    /// The petitioner row marked main (主信访人).
    pub main_row: usize,
    /// Earlier cases this intake is linked to.
    pub links: Vec<i64>,
    /// Their case numbers, as the clerk saw them in the panel.
    pub link_names: Vec<String>,
    pub repeats: Repeats,
    /// The fields of one petitioner row, to add another like it.
    pub row_template: Vec<Field>,
    /// A key that undoes typing (remove a filled row, attach) was pressed
    /// once: the same key again does it.
    pub confirming: Option<Action>,
    /// The office's local time as of the last key (a time later than it is
    /// marked on its field); None: not checked.
    pub now: Option<chrono::NaiveDateTime>,
    /// What the step answers, shown under the title: the opinion a 批示 approves or
    /// returns (the form may be opened from the dashboard, the case never shown).
    pub context: Option<String>,
    /// A 更正 form's record as it opened: only what differs from it is sent.
    pub base: Option<Box<crate::domain::command::Correction>>,
}

impl Form {
    pub fn new(
        purpose: Purpose,
        fields: Vec<Field>,
        lang: Lang,
        today: NaiveDate,
        offset: FixedOffset,
    ) -> Form {
        let row_template = fields
            .iter()
            .filter(|f| f.row == Some(0))
            .cloned()
            .collect();
        let mut form = Form {
            purpose,
            fields,
            focus: 0,
            dirty: false,
            confirm_discard: false,
            lang,
            today,
            offset,
            main_row: 0,
            links: Vec::new(),
            link_names: Vec::new(),
            repeats: Repeats::default(),
            row_template,
            confirming: None,
            now: None,
            context: None,
            base: None,
        };
        form.regroup(None);
        form.focus = form.first_visible();
        form
    }

    /// The keymap's context: the intake form's keys, or the small forms'.
    pub fn keys(&self) -> Context {
        match self.purpose {
            Purpose::Intake(_) => Context::Form,
            // 更正 names its petitioners in rows, as the intake form does.
            Purpose::Action {
                op: Op::Correct, ..
            } => Context::Form,
            Purpose::Action { .. }
            | Purpose::Person(_)
            | Purpose::Department
            | Purpose::Reception
            | Purpose::Schedule
            | Purpose::Office
            | Purpose::Import => Context::Action,
        }
    }

    pub fn get(&self, key: FieldKey) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key && f.row.is_none())
    }

    pub fn get_mut(&mut self, key: FieldKey) -> Option<&mut Field> {
        self.fields
            .iter_mut()
            .find(|f| f.key == key && f.row.is_none())
    }

    /// A field of petitioner row `row`.
    pub fn in_row(&self, row: usize, key: FieldKey) -> Option<&Field> {
        self.fields
            .iter()
            .find(|f| f.key == key && f.row == Some(row))
    }

    pub fn rows(&self) -> usize {
        self.fields
            .iter()
            .filter_map(|f| f.row)
            .max()
            .map_or(0, |r| r + 1)
    }

    pub fn flag(&self, key: FieldKey) -> bool {
        self.get(key).is_some_and(|f| f.flag)
    }

    pub fn code(&self, key: FieldKey) -> Option<&str> {
        self.get(key).and_then(Field::code)
    }

    pub fn text(&self, key: FieldKey) -> Option<String> {
        self.get(key).and_then(Field::text)
    }

    /// The code that picks which of field `i`'s options are offered.
    pub fn group_of(&self, i: usize) -> Option<String> {
        let by = self.fields.get(i)?.group_by?;
        self.code(by).map(str::to_owned)
    }

    /// After a choice changed (`changed`; None: the form was just made): a
    /// grouped choice whose option is no longer offered moves to the first
    /// one of the group itself (a department's first handler), else the
    /// first offered. When the choice it follows was changed, an option
    /// offered under every group (a leader) gives way too: the handler
    /// follows the department.
    fn regroup(&mut self, changed: Option<FieldKey>) {
        for i in 0..self.fields.len() {
            let group = self.group_of(i);
            let f = &mut self.fields[i];
            if f.group_by.is_none() {
                continue;
            }
            let offered = f.offered(group.as_deref());
            let own: Vec<usize> = offered
                .iter()
                .copied()
                .filter(|&k| f.groups.get(k).is_some_and(|g| !g.is_empty()))
                .collect();
            let followed = changed.is_some() && changed == f.group_by;
            let keep = if followed {
                own.contains(&f.choice)
            } else {
                offered.contains(&f.choice)
            };
            if !keep && let Some(&first) = own.first().or(offered.first()) {
                f.choice = first;
            }
        }
    }

    pub fn is_visible(&self, i: usize) -> bool {
        let Some(f) = self.fields.get(i) else {
            return false;
        };
        match f.show_if {
            None => true,
            Some((key, codes)) => self.code(key).is_some_and(|c| codes.contains(&c)),
        }
    }

    fn first_visible(&self) -> usize {
        (0..self.fields.len())
            .find(|&i| self.is_visible(i))
            .unwrap_or(0)
    }

    /// Checks one field as the clerk leaves it.
    fn check(&mut self, i: usize) {
        let error = if self.is_visible(i) {
            check::field(self, i)
        } else {
            None
        };
        if let Some(f) = self.fields.get_mut(i) {
            f.error = error;
        }
    }

    fn move_focus(&mut self, forward: bool) {
        self.check(self.focus);
        self.left(self.focus);
        let n = self.fields.len();
        if n == 0 {
            return;
        }
        let mut i = self.focus;
        for _ in 0..n {
            i = if forward {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            if self.is_visible(i) && !self.settled(i) {
                break;
            }
        }
        self.focus = i;
    }

    /// Checks every visible field and the form as a whole; the index of the
    /// first field in error, if any.
    pub fn validate(&mut self) -> Option<usize> {
        for i in 0..self.fields.len() {
            self.check(i);
        }
        check::whole(self);
        (0..self.fields.len()).find(|&i| self.is_visible(i) && self.fields[i].error.is_some())
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(f) = self.fields.get_mut(self.focus)
            && f.is_text()
        {
            if f.pristine {
                f.input.clear();
                f.pristine = false;
            }
            f.input.insert(text);
            f.error = None;
            self.dirty = true;
        }
    }

    /// Handles a key: `action` is what the keymap says it means in a form.
    pub fn key(&mut self, key: KeyEvent, action: Option<Action>) -> Outcome {
        if key.code != KeyCode::Esc {
            self.confirm_discard = false;
        }
        let multi = self
            .fields
            .get(self.focus)
            .is_some_and(|f| f.kind == Kind::Multi);
        // Enter breaks the line in a summary or a letter.
        if multi && key.code == KeyCode::Enter && key.modifiers.is_empty() {
            self.edit(key);
            return Outcome::Stay;
        }
        let confirmed = action.is_some() && self.confirming == action;
        self.confirming = None;
        match action {
            Some(Action::RemoveRow) if !confirmed && self.focused_row_has_text() => {
                self.confirming = action;
                Outcome::Refused(crate::strings::form::confirm_remove_row(self.lang).to_owned())
            }
            // A closed case is refused at once (`attach`), not offered first.
            Some(Action::Attach) if !confirmed && self.repeat_open() => {
                self.confirming = action;
                let name = self
                    .selected_repeat()
                    .map(|r| case_name(&r.case))
                    .unwrap_or_default();
                Outcome::Refused(crate::strings::form::confirm_attach(self.lang, &name))
            }
            Some(Action::Save) => match self.validate() {
                // Saving with errors is refused; the cursor goes to the first.
                Some(i) => {
                    self.focus = i;
                    Outcome::Refused(self.errors_note())
                }
                None => Outcome::Save,
            },
            Some(Action::Back) if self.dirty && !self.confirm_discard => {
                self.confirm_discard = true;
                Outcome::Stay
            }
            Some(Action::Back) => Outcome::Cancel,
            Some(Action::NextField) => {
                self.move_focus(true);
                Outcome::Stay
            }
            Some(Action::PrevField) => {
                self.move_focus(false);
                Outcome::Stay
            }
            Some(Action::AddRow) => self.add_row(),
            Some(Action::RemoveRow) => self.remove_row(),
            Some(Action::MainRow) => self.make_main(),
            Some(Action::PageDown) => {
                let n = self.repeats.rows.len();
                self.repeats.selected = (self.repeats.selected + 1).min(n.saturating_sub(1));
                Outcome::Stay
            }
            Some(Action::PageUp) => {
                self.repeats.selected = self.repeats.selected.saturating_sub(1);
                Outcome::Stay
            }
            Some(Action::Link) => self.link(),
            Some(Action::Attach) => self.attach(),
            Some(Action::CopyContact) => self.copy_contact(),
            // Any other key goes to the focused field: a form's keymap holds
            // only the actions above, and what it does not bind is typing.
            _ => {
                self.edit(key);
                Outcome::Stay
            }
        }
    }

    /// "2 items to correct", for a refused save.
    fn errors_note(&self) -> String {
        let n = (0..self.fields.len())
            .filter(|&i| self.is_visible(i) && self.fields[i].error.is_some())
            .count();
        crate::strings::form::errors_to_fix(self.lang, n)
    }

    fn selected_repeat(&self) -> Option<&CaseRow> {
        self.repeats.rows.get(self.repeats.selected)
    }

    fn link(&mut self) -> Outcome {
        let Some(row) = self.selected_repeat() else {
            return Outcome::Refused(crate::strings::form::no_repeat(self.lang).to_owned());
        };
        let (id, name) = (row.case.id, case_name(&row.case));
        if !self.links.contains(&id) {
            self.links.push(id);
            self.link_names.push(name.clone());
            self.dirty = true;
        }
        Outcome::Linked(name)
    }

    /// A blank field `key` takes `value` (a choice: the option of that code).
    fn fill_blank(&mut self, key: FieldKey, value: &str) {
        let Some(f) = self.get_mut(key) else {
            return;
        };
        match &f.kind {
            Kind::Choice(opts) if f.code().is_none_or(str::is_empty) => {
                if let Some(i) = opts.iter().position(|(c, _)| c == value) {
                    f.choice = i;
                }
            }
            Kind::Choice(_) => {}
            Kind::Text | Kind::Multi | Kind::Date | Kind::DateTime | Kind::Number | Kind::Flag => {
                if f.input.value().trim().is_empty() && f.is_text() {
                    f.input.insert(value);
                }
            }
        }
    }

    /// Whether the repeat panel's selected case may take a 重复件.
    fn repeat_open(&self) -> bool {
        self.selected_repeat().is_some_and(|row| {
            crate::domain::workflow::allowed_ops(&row.case).contains(&crate::domain::op::Op::Attach)
        })
    }

    fn attach(&mut self) -> Outcome {
        let Some(row) = self.selected_repeat() else {
            return Outcome::Refused(crate::strings::form::no_repeat(self.lang).to_owned());
        };
        if !self.repeat_open() {
            return Outcome::Refused(crate::strings::form::not_open(self.lang).to_owned());
        }
        let (id, no) = (row.case.id, row.case.case_no.clone());
        // The item joins a case that has its category, kind and summary: what
        // was left blank is taken from it, not demanded again.
        let joined = row.case.intake.clone();
        self.fill_blank(FieldKey::Category, &joined.category);
        if let Some(kind) = joined.handling_type {
            self.fill_blank(FieldKey::HandlingType, kind.code());
        }
        // The summary is today's: left blank, it says the matter was raised again, not the
        // old case's words as if said today.
        let no = no.unwrap_or_else(|| format!("#{id}"));
        let again = crate::strings::form::same_matter(self.lang, &no);
        self.fill_blank(FieldKey::Summary, &again);
        match self.validate() {
            Some(i) => {
                self.focus = i;
                Outcome::Refused(self.errors_note())
            }
            None => Outcome::Attach(id),
        }
    }
}
