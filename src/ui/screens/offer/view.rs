//! The question at start when a form was left unsaved: restore it or drop
//! it. Nothing typed is lost unless the clerk says so.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Wrap};

use crate::domain::op::Act;
use crate::strings::{Lang, form as t, labels};
use crate::ui::form::draft::{Draft, DraftOf};

pub fn draw(draft: &Draft, lang: Lang, frame: &mut Frame, area: Rect) {
    let what = match &draft.of {
        DraftOf::Intake(c) => t::intake_title(lang, labels::channel(lang, *c)),
        // The number the clerk knows the case by; before it has one, #id as the queue
        // shows it (among dozens of items waiting, 未编号件 alone named none).
        DraftOf::Action { op, case_id } => format!(
            "{} {}",
            draft
                .case_no
                .clone()
                .unwrap_or_else(|| t::unnumbered(lang, *case_id)),
            labels::step(lang, *op)
        ),
        DraftOf::Settings => labels::act(lang, Act::Settings).to_owned(),
    };
    let saved = draft
        .saved_at
        .get(..16)
        .unwrap_or(&draft.saved_at)
        .replace('T', " ");
    let text = t::restore_prompt(lang, &what, &saved);
    let body = Paragraph::new(text).wrap(Wrap { trim: true });
    crate::ui::view::parts::popup(frame, area, 72, 5, body, t::draft_title(lang));
}
