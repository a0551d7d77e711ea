//! 登记表: one row per field, the error beside it in words, the real
//! cursor in the focused field.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::row;
use crate::display::{cut, fit, width};
use crate::strings::labels;
use crate::strings::ui::action_in;
use crate::ui::app::App;
use crate::ui::form::{Form, Kind};
use crate::ui::keymap::Context;

const LABEL: usize = 12;

pub fn draw(app: &App, form: &Form, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let title = format!(
        "{} {}",
        lang.pick("新登记", "New intake"),
        labels::channel(lang, form.channel)
    );
    frame.render_widget(Paragraph::new(title).bold(), row(area, 0));
    let w = usize::from(area.width);
    let room = w.saturating_sub(LABEL + 2);
    // Scroll so that the focused field is visible on short windows.
    let rows = usize::from(area.height.saturating_sub(4));
    let first = form.focus.saturating_sub(rows.saturating_sub(1));
    for (n, (i, f)) in form
        .fields
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .enumerate()
    {
        let y = 2 + n as u16;
        let focused = i == form.focus;
        let mark = if f.required { "*" } else { " " };
        let label = Span::styled(
            fit(&format!("{mark}{}", f.label), LABEL),
            if focused {
                Style::new().bold()
            } else {
                Style::new()
            },
        );
        let mut spans = vec![label, Span::raw("  ")];
        let (shown, col) = match (&f.kind, focused) {
            (Kind::Text | Kind::Date | Kind::Number, true) => {
                f.input.visible(room.saturating_sub(1))
            }
            (Kind::Choice(_), _) => (format!("< {} >", f.shown(lang)), 0),
            _ => (cut(&f.shown(lang), room), 0),
        };
        let value_width = width(&shown);
        spans.push(if focused {
            Span::raw(shown).underlined()
        } else {
            Span::raw(shown)
        });
        if let Some(e) = &f.error {
            let left = room.saturating_sub(value_width + 2);
            spans.push(Span::styled(
                format!("  {}", cut(e, left)),
                Style::new().fg(Color::Red),
            ));
        }
        frame.render_widget(Paragraph::new(Line::from(spans)), row(area, y));
        if focused && matches!(f.kind, Kind::Text | Kind::Date | Kind::Number) {
            let x = area.x + (LABEL + 2 + col) as u16;
            frame.set_cursor_position(Position::new(x.min(area.right() - 1), area.y + y));
        }
    }
    let bottom = area.height - 1;
    let footer = app.message.clone().unwrap_or_else(|| {
        app.keys
            .footer(Context::Form)
            .iter()
            .map(|(label, a)| {
                format!(
                    "{label} {}",
                    action_in(lang, Context::Form.name(), a.name())
                )
            })
            .collect::<Vec<_>>()
            .join("  ")
    });
    frame.render_widget(Paragraph::new(cut(&footer, w)).dim(), row(area, bottom));
}
