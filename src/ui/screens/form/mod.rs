//! A form shown as a screen, with what the desk keeps about it while it is
//! open: whether its draft is due, and what its repeat panel last asked.
//! Both go when the form goes, so a new form never inherits them. The form
//! engine itself (fields, checks, drafts) is `ui::form`; keys in `update.rs`,
//! drawing in `view.rs` (with the repeat panel, `repeats.rs`).

mod repeats;
pub mod update;
pub mod view;

use std::ops::{Deref, DerefMut};

use crate::ui::form::Form;
use crate::ui::form::intake::RepeatQuery;

#[derive(Debug, Clone)]
pub struct FormScreen {
    pub form: Form,
    /// The form changed since its draft was last written.
    pub draft_due: bool,
    /// What the repeat panel last asked for.
    pub repeat_asked: Option<RepeatQuery>,
    /// The case changed at another desk since the form opened: what the
    /// desk said; the first Ctrl-S after it says it again instead of saving.
    pub stale: Option<String>,
}

impl FormScreen {
    pub fn new(form: Form) -> FormScreen {
        FormScreen {
            form,
            draft_due: false,
            repeat_asked: None,
            stale: None,
        }
    }
}

// The screen is its form plus two flags: code and tests read it as the form.
impl Deref for FormScreen {
    type Target = Form;

    fn deref(&self) -> &Form {
        &self.form
    }
}

impl DerefMut for FormScreen {
    fn deref_mut(&mut self) -> &mut Form {
        &mut self.form
    }
}
