//! First-run setup of an empty ledger: the office's name, the first
//! operator (you) and the departments. A self-contained model: keys in,
//! `SetupOutcome` out; `view::setup::draw` shows it, and the caller writes
//! the answers with `Store::first_run`.

pub mod view;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::display::width;
use crate::domain::rules::Operator;
use crate::domain::types::Role;
use crate::strings::setup::{departments_preview, duplicate_department, text};
use crate::strings::{Lang, labels};
use crate::ui::widgets::text_field::TextField;

/// The setup's lines, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Office,
    Name,
    Role,
    Departments,
    /// The operator's own department, one of those listed (or none).
    Department,
    /// 文号前缀: before the kind in a document number.
    Prefix,
    /// 复查机关: the body one level up (Art 35), named in the reply letter.
    ReviewOrgan,
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Office,
        Field::Name,
        Field::Role,
        Field::Departments,
        Field::Department,
        Field::Prefix,
        Field::ReviewOrgan,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        let t = text(lang);
        match self {
            Field::Office => t.office_name,
            Field::Name => t.your_name,
            Field::Role => t.your_role,
            Field::Departments => t.departments,
            Field::Department => t.your_department,
            Field::Prefix => t.prefix,
            Field::ReviewOrgan => t.review_organ,
        }
    }

    pub fn required(self) -> bool {
        matches!(self, Field::Office | Field::Name | Field::Departments)
    }

    /// What the line is for, shown while it has the focus.
    pub fn hint(self, lang: Lang) -> &'static str {
        let t = text(lang);
        match self {
            Field::Office => t.office_hint,
            Field::Name => t.name_hint,
            Field::Role => t.role_hint,
            Field::Departments => t.departments_hint,
            Field::Department => t.department_hint,
            Field::Prefix => t.prefix_hint,
            Field::ReviewOrgan => t.review_organ_hint,
        }
    }
}

const ROLES: [Role; 3] = [Role::Clerk, Role::Leader, Role::Handler];

/// What the setup amounts to; write it with `Store::first_run`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupAnswers {
    pub office_name: String,
    pub operator: Operator,
    pub departments: Vec<String>,
    /// 文号前缀 and 复查机关 (empty: not given): the letterhead's.
    pub prefix: String,
    pub review_organ: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetupOutcome {
    Stay,
    Done(SetupAnswers),
    Quit,
}

#[derive(Debug, Clone)]
pub struct Setup {
    pub lang: Lang,
    pub office: TextField,
    pub name: TextField,
    pub role: Role,
    pub departments: TextField,
    pub prefix: TextField,
    pub review_organ: TextField,
    /// Kept by name: it survives edits of the list that keep the name.
    pub department: Option<String>,
    pub focus: Field,
    /// One per `Field::ALL`, in words.
    pub errors: [Option<String>; 7],
    /// Something was typed or chosen.
    pub dirty: bool,
    /// Esc was pressed once on a changed setup: a second Esc quits.
    pub confirm_quit: bool,
    /// The role cannot be chosen: a new office's first operator is its leader.
    pub role_fixed: bool,
}

/// What may stand between two department names.
const SEPARATORS: [char; 5] = ['、', ',', '，', ';', '；'];

/// The department list as typed: split at 、 , ， ; ；, line breaks and spaces
/// (a clerk types `城建科 民政科` as readily as `城建科、民政科`) — except a space
/// between two Latin letters or digits, which belongs to a name (`Civil Affairs`);
/// trimmed, empty pieces dropped, in the order written (duplicates kept, so
/// that they can be pointed out).
pub fn split_departments(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let latin = |c: Option<&char>| c.is_some_and(char::is_ascii_alphanumeric);
    let mut names = Vec::new();
    let mut name = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let inner_space = c.is_whitespace()
            && !matches!(c, '\n' | '\r')
            && latin(chars[..i].iter().rev().find(|c| !c.is_whitespace()))
            && latin(chars[i + 1..].iter().find(|c| !c.is_whitespace()));
        if inner_space {
            if !name.ends_with(' ') {
                name.push(' ');
            }
        } else if SEPARATORS.contains(&c) || c.is_whitespace() {
            names.push(std::mem::take(&mut name));
        } else {
            name.push(c);
        }
    }
    names.push(name);
    names
        .into_iter()
        .map(|d| d.trim().to_owned())
        .filter(|d| !d.is_empty())
        .collect()
}

fn index(f: Field) -> usize {
    Field::ALL.iter().position(|x| *x == f).unwrap_or(0)
}

impl Setup {
    pub fn new(lang: Lang) -> Setup {
        Setup {
            lang,
            office: TextField::default(),
            name: TextField::default(),
            role: Role::Clerk,
            departments: TextField::default(),
            prefix: TextField::default(),
            review_organ: TextField::default(),
            department: None,
            focus: Field::Office,
            errors: Default::default(),
            dirty: false,
            confirm_quit: false,
            role_fixed: false,
        }
    }

    /// The text field of `f`, when `f` is typed into.
    pub fn input(&self, f: Field) -> Option<&TextField> {
        match f {
            Field::Office => Some(&self.office),
            Field::Name => Some(&self.name),
            Field::Departments => Some(&self.departments),
            Field::Prefix => Some(&self.prefix),
            Field::ReviewOrgan => Some(&self.review_organ),
            Field::Role | Field::Department => None,
        }
    }

    fn input_mut(&mut self, f: Field) -> Option<&mut TextField> {
        match f {
            Field::Office => Some(&mut self.office),
            Field::Name => Some(&mut self.name),
            Field::Departments => Some(&mut self.departments),
            Field::Prefix => Some(&mut self.prefix),
            Field::ReviewOrgan => Some(&mut self.review_organ),
            Field::Role | Field::Department => None,
        }
    }

    pub fn error(&self, f: Field) -> Option<&str> {
        self.errors[index(f)].as_deref()
    }

    /// The chosen value of a choice line, in words.
    pub fn choice(&self, f: Field) -> Option<&str> {
        match f {
            Field::Role => Some(labels::role(self.lang, self.role)),
            Field::Department => Some(
                self.department
                    .as_deref()
                    .unwrap_or(text(self.lang).no_department),
            ),
            _ => None,
        }
    }

    /// The departments as they will be created.
    pub fn department_list(&self) -> Vec<String> {
        split_departments(self.departments.value())
    }

    /// A line under the department list saying what it will create.
    pub fn preview(&self) -> Option<String> {
        let list = self.department_list();
        (!list.is_empty()).then(|| departments_preview(self.lang, &list))
    }

    /// Checks one line; the message says what to do.
    fn check(&mut self, f: Field) {
        let t = text(self.lang);
        let blank = |tf: &TextField| tf.value().trim().is_empty();
        let error = match f {
            Field::Office if blank(&self.office) => Some(t.office_required.to_owned()),
            Field::Name if blank(&self.name) => Some(t.name_required.to_owned()),
            Field::Departments => {
                let list = self.department_list();
                if list.is_empty() {
                    Some(t.departments_required.to_owned())
                } else {
                    list.iter()
                        .enumerate()
                        .find(|(i, d)| list[..*i].contains(d))
                        .map(|(_, d)| duplicate_department(self.lang, d))
                }
            }
            _ => None,
        };
        self.errors[index(f)] = error.or_else(|| self.over_limit(f));
    }

    /// A line longer than the ledger keeps, or holding a control character: the same
    /// table (`domain::limits`) as `apply` and the forms.
    fn over_limit(&self, f: Field) -> Option<String> {
        use crate::domain::error::Field as F;
        use crate::domain::limits::check_text;
        let checked = match f {
            Field::Office => check_text(F::Office, self.office.value().trim()),
            Field::Name => check_text(F::Name, self.name.value().trim()),
            Field::Departments => {
                (self.department_list().iter()).try_for_each(|d| check_text(F::Department, d))
            }
            Field::Prefix => check_text(F::Prefix, self.prefix.value().trim()),
            Field::ReviewOrgan => check_text(F::ReviewOrgan, self.review_organ.value().trim()),
            Field::Role | Field::Department => Ok(()),
        };
        checked
            .err()
            .map(|e| crate::strings::errors::workflow(self.lang, &e))
    }

    /// A chosen own department that is no longer listed is let go.
    fn keep_department_listed(&mut self) {
        if let Some(d) = &self.department
            && !self.department_list().contains(d)
        {
            self.department = None;
        }
    }

    fn move_focus(&mut self, forward: bool) {
        self.check(self.focus);
        let n = Field::ALL.len();
        let i = index(self.focus);
        self.focus = Field::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }];
    }

    /// Checks every line: the answers, or the focus on the first error.
    fn finish(&mut self) -> SetupOutcome {
        for f in Field::ALL {
            self.check(f);
        }
        self.keep_department_listed();
        if let Some(i) = self.errors.iter().position(Option::is_some) {
            self.focus = Field::ALL[i];
            return SetupOutcome::Stay;
        }
        SetupOutcome::Done(SetupAnswers {
            office_name: self.office.value().trim().to_owned(),
            operator: Operator {
                name: self.name.value().trim().to_owned(),
                role: self.role,
                department: self.department.clone(),
                active: true,
                unit: None,
                department_wide: false,
            },
            departments: self.department_list(),
            prefix: self.prefix.value().trim().to_owned(),
            review_organ: self.review_organ.value().trim().to_owned(),
        })
    }

    /// After an edit: an error already shown goes as soon as it is fixed.
    fn edited(&mut self) {
        self.dirty = true;
        if self.errors[index(self.focus)].is_some() {
            self.check(self.focus);
        }
        if self.focus == Field::Departments {
            self.keep_department_listed();
        }
    }

    /// Pasted text goes into the focused field; a pasted column of
    /// department names becomes one list.
    pub fn paste(&mut self, pasted: &str) {
        let focus = self.focus;
        let joined;
        let pasted = if focus == Field::Departments && pasted.contains(['\n', '\r']) {
            // Appended to names already there: a separator between.
            let there = self.departments.value().trim_end();
            let at_end = self.departments.cursor_column() == width(self.departments.value());
            let sep = if at_end && !there.is_empty() && !there.ends_with(SEPARATORS) {
                "、"
            } else {
                ""
            };
            joined = format!("{sep}{}", split_departments(pasted).join("、"));
            joined.as_str()
        } else {
            pasted
        };
        if let Some(field) = self.input_mut(focus) {
            field.insert(pasted);
            self.edited();
        }
    }

    pub fn key(&mut self, key: KeyEvent) -> SetupOutcome {
        // Only presses: Windows terminals also send releases.
        if key.kind != KeyEventKind::Press {
            return SetupOutcome::Stay;
        }
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if key.code != KeyCode::Esc {
            self.confirm_quit = false;
        }
        match key.code {
            KeyCode::Char('c') if ctrl => SetupOutcome::Quit,
            KeyCode::Char('s') if ctrl => self.finish(),
            KeyCode::Esc if self.dirty && !self.confirm_quit => {
                self.confirm_quit = true;
                SetupOutcome::Stay
            }
            KeyCode::Esc => SetupOutcome::Quit,
            // Enter on the last line finishes, as a newcomer expects.
            KeyCode::Enter if self.focus == Field::ALL[Field::ALL.len() - 1] => self.finish(),
            KeyCode::Tab | KeyCode::Down | KeyCode::Enter => {
                self.move_focus(true);
                SetupOutcome::Stay
            }
            KeyCode::BackTab | KeyCode::Up => {
                self.move_focus(false);
                SetupOutcome::Stay
            }
            _ => {
                self.edit(key);
                SetupOutcome::Stay
            }
        }
    }

    fn edit(&mut self, key: KeyEvent) {
        // AltGr arrives as Ctrl+Alt on Windows: still a character.
        let typed = !key.modifiers.contains(KeyModifiers::CONTROL)
            || key.modifiers.contains(KeyModifiers::ALT);
        let focus = self.focus;
        if let Some(field) = self.input_mut(focus) {
            let before = field.clone();
            field.key(&key);
            if *field != before {
                self.edited();
            }
            return;
        }
        let step = match key.code {
            KeyCode::Right | KeyCode::Char(' ') => Some(1),
            KeyCode::Left => Some(-1),
            _ => None,
        };
        let typed_char = match key.code {
            KeyCode::Char(c) if typed && c != ' ' => Some(c),
            _ => None,
        };
        match focus {
            Field::Role if self.role_fixed => {}
            Field::Role => {
                let i = ROLES.iter().position(|r| *r == self.role).unwrap_or(0);
                let next = match (step, typed_char) {
                    (Some(s), _) => Some(ROLES[(i as isize + s).rem_euclid(3) as usize]),
                    // Typing picks the role whose name or code has the letter.
                    (_, Some(c)) => ROLES.iter().copied().find(|r| {
                        labels::role(self.lang, *r).contains(c)
                            || r.code().starts_with(c.to_ascii_lowercase())
                    }),
                    _ => None,
                };
                if let Some(r) = next.filter(|r| *r != self.role) {
                    self.role = r;
                    self.dirty = true;
                }
            }
            Field::Department => {
                // None first, then the listed departments.
                let options: Vec<Option<String>> = std::iter::once(None)
                    .chain(self.department_list().into_iter().map(Some))
                    .collect();
                let i = options
                    .iter()
                    .position(|o| *o == self.department)
                    .unwrap_or(0);
                let next = match (step, typed_char) {
                    (Some(s), _) => options
                        .get((i as isize + s).rem_euclid(options.len() as isize) as usize)
                        .cloned(),
                    (_, Some(c)) => options
                        .iter()
                        .find(|o| o.as_deref().is_some_and(|d| d.contains(c)))
                        .cloned(),
                    _ => None,
                };
                if let Some(d) = next.filter(|d| *d != self.department) {
                    self.department = d;
                    self.dirty = true;
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn departments_split_at_chinese_and_latin_separators() {
        assert_eq!(
            split_departments(" 城建科、民政科，教育科;卫健委；\n 信访科 ,, "),
            ["城建科", "民政科", "教育科", "卫健委", "信访科"]
        );
        assert!(split_departments(" 、 ， ").is_empty());
    }

    #[test]
    fn a_space_separates_departments_but_not_the_words_of_a_latin_name() {
        assert_eq!(
            split_departments("城建科 民政科\u{3000}教育科  卫健委"),
            ["城建科", "民政科", "教育科", "卫健委"]
        );
        assert_eq!(
            split_departments("Civil  Affairs, Works 城建科 Dept 2"),
            ["Civil Affairs", "Works", "城建科", "Dept 2"]
        );
    }
}
