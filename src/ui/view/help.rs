//! `?`: every key of the current screen, generated from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Stylize;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::display::fit;
use crate::display::width;
use crate::strings::ui::{action_in, text};
use crate::ui::app::App;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = text(app.lang);
    let ctx = app.context();
    let keys = app.keys.bindings(ctx);
    // The key column as wide as its widest label, within reason.
    let col = keys
        .iter()
        .map(|(l, _)| width(l))
        .max()
        .unwrap_or(0)
        .clamp(8, 16);
    let mut lines: Vec<Line> = keys
        .iter()
        .map(|(label, a)| {
            Line::from(format!(
                " {} {}",
                fit(label, col),
                action_in(app.lang, ctx.name(), a.name())
            ))
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(format!(" {}", t.help_close)).dim());
    let h = lines.len() as u16 + 2;
    super::popup(frame, area, 40, h, Paragraph::new(lines), t.help_title);
}
