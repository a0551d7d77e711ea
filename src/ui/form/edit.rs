//! Keys on the focused field: a flag, a choice (filter and step), or text
//! (the one text field's keys, `TextField::key`).

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{Field, Form, Kind};
use crate::strings::form::FieldKey as K;
use crate::ui::widgets::text_field::Edit;

impl Form {
    pub(super) fn edit(&mut self, key: KeyEvent) {
        let group = self.group_of(self.focus);
        let Some(f) = self.fields.get_mut(self.focus) else {
            return;
        };
        let before = (f.input.clone(), f.choice, f.flag);
        match &f.kind {
            Kind::Flag => flag_key(f, key.code),
            Kind::Choice(_) => choice_key(f, &key, group.as_deref()),
            Kind::Text | Kind::Multi | Kind::Date | Kind::DateTime | Kind::Number => {
                // A value the form filled in is replaced by what is typed,
                // not added to (30 days, then typing 20, is 20).
                f.input.key_over(&key, f.pristine);
            }
        }
        if (f.input.clone(), f.choice, f.flag) != before {
            self.dirty = true;
            // The old complaint no longer describes what is there; the field
            // is checked again when the clerk leaves it.
            f.error = None;
            f.pristine = false;
            let (key, anonymous) = (f.key, f.key == K::Anonymous && f.flag);
            if f.choice != before.1 {
                self.regroup(Some(key));
            }
            // 匿名 ticked: the names' complaint (必填；不愿具名的请勾选“匿名”) is answered.
            if anonymous {
                for name in self.fields.iter_mut().filter(|f| f.key == K::Name) {
                    name.error = None;
                }
            }
        }
    }
}

/// Space toggles a flag; y/1 and n/0 set it.
fn flag_key(f: &mut Field, code: KeyCode) {
    match code {
        KeyCode::Char(' ') => f.flag = !f.flag,
        KeyCode::Char('y' | 'Y' | '1') => f.flag = true,
        KeyCode::Char('n' | 'N' | '0') => f.flag = false,
        _ => {}
    }
}

/// ←/→ step through the options matching what was typed; typing filters
/// them (the field's text edits, without a cursor to move).
fn choice_key(f: &mut Field, key: &KeyEvent, group: Option<&str>) {
    match key.code {
        KeyCode::Right | KeyCode::Left => {
            let m = f.matches(group);
            if !m.is_empty() {
                let at = m.iter().position(|&i| i == f.choice);
                let n = m.len();
                let next = match (at, key.code) {
                    (None, _) => 0,
                    (Some(a), KeyCode::Right) => (a + 1) % n,
                    (Some(a), _) => (a + n - 1) % n,
                };
                f.choice = m[next];
            }
        }
        _ => match Edit::of(key, false) {
            // Type to filter: the first option containing what was typed
            // so far is chosen; with no match the text stays, marked so.
            Some(edit @ Edit::Insert(_)) => {
                f.input.apply(edit);
                if let Some(&i) = f.matches(group).first() {
                    f.choice = i;
                }
            }
            Some(edit) if edit.changes_text() => f.input.apply(edit),
            _ => {}
        },
    }
}
