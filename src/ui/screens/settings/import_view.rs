//! The import's dry run on the desk: the file, the summary, then one line a row (the rows
//! with problems first), scrolled with the arrows; the keys at the foot say whether `I`
//! writes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Stylize;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::ImportView;
use crate::display::{cut, wrap};
use crate::strings::import as text;
use crate::ui::app::App;

pub fn draw(app: &App, v: &ImportView, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let w = usize::from(area.width);
    let mut lines: Vec<Line> = vec![
        Line::from(cut(
            &text::screen_title(lang, &v.request.file, v.written),
            w,
        ))
        .bold(),
    ];
    let summary = Line::from(cut(&v.summary, w));
    lines.push(if v.written || v.bad == 0 {
        summary.green()
    } else {
        summary.red()
    });
    lines.push(Line::from(""));
    // A row's problems can be long: wrapped, never cut, so each is read whole.
    let room = usize::from(area.height.saturating_sub(4));
    let body = v
        .lines
        .iter()
        .skip(v.scroll)
        .flat_map(|l| wrap(l, w.saturating_sub(1)));
    lines.extend(body.take(room).map(|l| {
        let line = Line::from(format!(" {l}"));
        if l.contains('✗') { line.red() } else { line }
    }));
    frame.render_widget(Paragraph::new(lines), area);
    let keys = app
        .message
        .clone()
        .unwrap_or_else(|| text::screen_keys(lang, v.can_write()).to_owned());
    crate::ui::view::parts::bottom_lines(&keys, frame, area);
}
