//! The repeat panel: earlier cases of the person being typed in, newest
//! first, with the keys that link to one, attach to it or take its phone and address.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::display::{cut, width, wrap};
use crate::strings::{Lang, backlog, form as t, labels};
use crate::ui::form::Form;

pub fn draw(form: &Form, lang: Lang, frame: &mut Frame, area: Rect) {
    let r = &form.repeats;
    let title = t::repeats_title(lang, (r.rows.len(), r.more), r.name_only);
    let block =
        Block::bordered()
            .title(title)
            .border_style(Style::new().fg(if !r.flags.is_empty() {
                Color::Red
            } else if r.name_only {
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
    let hints = hint_lines(t::repeats_keys(lang), w);
    let hint_h = hints.len().min(h.saturating_sub(1)).max(1);
    // 重点信访人 first, whole (wrapped): the flag, its reason and date.
    let mut lines: Vec<Line> = r
        .flags
        .iter()
        .flat_map(|f| wrap(&format!("⚠ {}", backlog::flag_warning(lang, f)), w))
        .map(|l| Line::from(l).red().bold())
        .collect();
    let room = h.saturating_sub(hint_h + lines.len());
    lines.truncate(h.saturating_sub(hint_h));
    lines.extend(case_lines(form, lang, w, room));
    frame.render_widget(Paragraph::new(lines), inner);
    let hint_y = inner.y + inner.height - hint_h as u16;
    let hint: Vec<Line> = hints
        .into_iter()
        .take(hint_h)
        .map(|l| Line::from(l).dim())
        .collect();
    frame.render_widget(
        Paragraph::new(hint),
        Rect::new(inner.x, hint_y, inner.width, hint_h as u16),
    );
}

/// The cases, selected one reversed: one line each on a low panel, two (the summary below)
/// when tall, and a warning line under a case that holds the typed ID number under another
/// name (it must not be cut off).
fn case_lines(form: &Form, lang: Lang, w: usize, room: usize) -> Vec<Line<'static>> {
    let r = &form.repeats;
    let per = if room >= r.rows.len() * 2 { 2 } else { 1 };
    let shown = (room / per).max(1);
    let first = r.selected.saturating_sub(shown.saturating_sub(1));
    let mut lines: Vec<Line> = Vec::new();
    for (i, row) in r.rows.iter().enumerate().skip(first) {
        let c = &row.case;
        let no = c.case_no.clone().unwrap_or_else(|| format!("#{}", c.id));
        let linked = if form.links.contains(&c.id) {
            "✓"
        } else {
            " "
        };
        let head = format!(
            "{linked}{no} {} {}",
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
        if let Some(earlier) = form.name_differs(c) {
            let warn = format!("  {}", t::name_differs(lang, &earlier));
            lines.push(Line::from(cut(&warn, w)).yellow().bold());
        }
        if lines.len() >= room {
            break;
        }
    }
    lines.truncate(room);
    lines
}

/// The key hints packed onto as few lines of `w` columns as they need, split between keys.
fn hint_lines(hints: &str, w: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for part in hints.split("  ").filter(|p| !p.is_empty()) {
        match lines.last_mut() {
            Some(line) if width(line) + 2 + width(part) <= w => {
                line.push_str("  ");
                line.push_str(part);
            }
            _ => lines.push(cut(part, w)),
        }
    }
    lines
}
