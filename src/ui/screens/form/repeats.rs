//! The repeat panel: earlier cases of the person being typed in, newest
//! first, with the keys that link to one or attach to it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::display::cut;
use crate::strings::{Lang, form as t, labels};
use crate::ui::form::Form;

pub fn draw(form: &Form, lang: Lang, frame: &mut Frame, area: Rect) {
    let r = &form.repeats;
    let title = t::repeats_title(lang, r.rows.len(), r.name_only);
    let block = Block::bordered()
        .title(title)
        .border_style(Style::new().fg(if r.name_only {
            Color::DarkGray
        } else {
            Color::Yellow
        }));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    let h = usize::from(inner.height);
    if w == 0 || h == 0 {
        return;
    }
    // One line per case on a low panel, two (the summary below) when tall.
    let per = if h > r.rows.len() * 2 { 2 } else { 1 };
    let room = h.saturating_sub(1) / per;
    let first = r.selected.saturating_sub(room.saturating_sub(1));
    let mut lines: Vec<Line> = Vec::new();
    for (i, row) in r.rows.iter().enumerate().skip(first).take(room) {
        let c = &row.case;
        let no = c.case_no.clone().unwrap_or_else(|| format!("#{}", c.id));
        let linked = if form.links.contains(&c.id) {
            "✓"
        } else {
            " "
        };
        let differs = form
            .name_differs(c)
            .map(|earlier| format!(" {}", t::name_differs(lang, &earlier)))
            .unwrap_or_default();
        let head = format!(
            "{linked}{no} {} {}{differs}",
            c.intake.received_date().format("%Y-%m-%d"),
            labels::state(lang, c.state)
        );
        let style = if i == r.selected {
            Style::new().reversed()
        } else {
            Style::new()
        };
        if per == 2 {
            lines.push(Line::from(Span::styled(cut(&head, w), style)));
            lines.push(Line::from(cut(&format!("  {}", c.intake.summary), w)).dim());
        } else {
            let text = format!("{head} {}", c.intake.summary);
            lines.push(Line::from(Span::styled(cut(&text, w), style)));
        }
    }
    let hint_y = inner.y + inner.height - 1;
    frame.render_widget(Paragraph::new(lines), inner);
    frame.render_widget(
        Paragraph::new(cut(t::repeats_keys(lang), w)).dim(),
        Rect::new(inner.x, hint_y, inner.width, 1),
    );
}
