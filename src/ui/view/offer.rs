//! The question at start when a form was left unsaved: restore it or drop
//! it. Nothing typed is lost unless the clerk says so.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::strings::{Lang, form as t, labels};
use crate::ui::form::draft::{Draft, DraftOf};

pub fn draw(draft: &Draft, lang: Lang, frame: &mut Frame, area: Rect) {
    let what = match &draft.of {
        DraftOf::Intake(c) => t::intake_title(lang, labels::channel(lang, *c)),
        DraftOf::Action { case_id, op } => format!("#{case_id} {}", labels::op(lang, op)),
    };
    let saved = draft
        .saved_at
        .get(..16)
        .unwrap_or(&draft.saved_at)
        .replace('T', " ");
    let text = t::restore_prompt(lang, &what, &saved);
    let w = 56.min(area.width);
    let h = 5.min(area.height);
    let popup = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(t::draft_title(lang))),
        popup,
    );
}
