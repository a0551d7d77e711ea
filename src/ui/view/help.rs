//! `?`: every key of the current screen, generated from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Stylize;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::display::fit;
use crate::strings::ui::{action, text};
use crate::ui::app::App;
use crate::ui::keymap::bindings;

pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = text(app.lang);
    let mut lines: Vec<Line> = bindings(app.context())
        .map(|b| {
            Line::from(format!(
                " {} {}",
                fit(b.label, 8),
                action(app.lang, b.action.name())
            ))
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(format!(" {}", t.help_close)).dim());
    let h = (lines.len() as u16 + 2).min(area.height);
    let w = 40.min(area.width);
    let popup = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(lines).block(Block::bordered().title(t.help_title)),
        popup,
    );
}
