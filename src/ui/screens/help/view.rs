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
    let entries: Vec<String> = keys
        .iter()
        .map(|(label, a)| {
            format!(
                " {} {}",
                fit(label, col),
                action_in(app.lang, ctx.name(), a.name())
            )
        })
        .collect();
    // Two columns when one would run off the window (the dashboard at 80x24).
    let (entry_w, two) = (col + 22, entries.len() + 4 > usize::from(area.height));
    let mut lines: Vec<Line> = if two {
        let half = entries.len().div_ceil(2);
        (0..half)
            .map(|i| {
                let right = entries.get(i + half).map_or("", String::as_str);
                Line::from(format!("{}{right}", fit(&entries[i], entry_w)))
            })
            .collect()
    } else {
        entries.into_iter().map(Line::from).collect()
    };
    lines.push(Line::from(""));
    lines.push(Line::from(format!(" {}", t.help_close)).dim());
    let h = lines.len() as u16 + 2;
    let w = if two { (entry_w * 2 + 2) as u16 } else { 40 };
    crate::ui::view::parts::popup(frame, area, w, h, Paragraph::new(lines), t.help_title);
}
