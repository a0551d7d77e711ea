//! 选择操作员: the filter line with the real cursor, then the active
//! operators (name, role, department), the chosen one reversed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::display::{cut, fit, width};
use crate::strings::setup::{no_match, picker as text};
use crate::strings::{Lang, labels};
use crate::ui::picker::Picker;
use crate::ui::screens::setup::view::{clipped_row, place_cursor};

pub fn draw(picker: &Picker, lang: Lang, frame: &mut Frame, area: Rect) {
    let t = text(lang);
    let w = usize::from(area.width);
    let h = usize::from(area.height);
    // Rows give way as the window shrinks: the title, then the headings,
    // then the footer; the filter line and the list stay.
    let title = h >= 6;
    let headings = h >= 4;
    let footer = h >= 3;
    let mut y = 0;
    if title && let Some(line) = clipped_row(area, y) {
        frame.render_widget(Paragraph::new(cut(t.title, w)).bold(), line);
        y += 1;
    }
    if let Some(line) = clipped_row(area, y) {
        let label = format!("{}: ", t.filter);
        let room = w.saturating_sub(width(&label) + 1);
        let (shown, col) = picker.filter.visible(room);
        let spans = vec![Span::from(label.clone()).bold(), Span::from(shown)];
        frame.render_widget(Paragraph::new(Line::from(spans)), line);
        place_cursor(frame, line, width(&label) + col);
        y += 1;
    }
    let matches = picker.matches();
    // Widths from every operator, so that columns stay put while filtering.
    let name_w = picker
        .operators()
        .iter()
        .map(|o| width(&o.name))
        .chain([width(t.headings[0])])
        .max()
        .unwrap_or(0)
        .min(w / 3)
        + 2;
    let role_w = [
        crate::domain::types::Role::Clerk,
        crate::domain::types::Role::Leader,
        crate::domain::types::Role::Handler,
    ]
    .iter()
    .map(|r| width(labels::role(lang, *r)))
    .chain([width(t.headings[1])])
    .max()
    .unwrap_or(0)
        + 2;
    let columns = |cells: [&str; 3]| {
        let dept_w = w.saturating_sub(name_w + role_w);
        format!(
            "{}{}{}",
            fit(cells[0], name_w),
            fit(cells[1], role_w),
            cut(cells[2], dept_w)
        )
    };
    if headings && let Some(line) = clipped_row(area, y) {
        frame.render_widget(
            Paragraph::new(cut(&columns(t.headings), w)).underlined(),
            line,
        );
        y += 1;
    }
    let list_rows = h.saturating_sub(y + usize::from(footer));
    let empty = if picker.operators().is_empty() {
        Some(t.no_operators.to_owned())
    } else if matches.is_empty() {
        Some(no_match(lang, picker.filter.value().trim()))
    } else {
        None
    };
    match empty {
        Some(msg) if list_rows > 0 => {
            if let Some(line) = clipped_row(area, y) {
                frame.render_widget(Paragraph::new(cut(&msg, w)).dim(), line);
            }
        }
        _ => {
            // Scrolled so that the chosen row is shown.
            let first = (picker.selected + 1).saturating_sub(list_rows);
            for (n, (i, o)) in matches
                .iter()
                .enumerate()
                .skip(first)
                .take(list_rows)
                .enumerate()
            {
                let Some(line) = clipped_row(area, y + n) else {
                    break;
                };
                let role = labels::role(lang, o.role);
                let dept = o.department.as_deref().unwrap_or("");
                let mut row = Line::from(cut(&columns([&o.name, role, dept]), w));
                if i == picker.selected {
                    row = row.patch_style(Style::new().add_modifier(Modifier::REVERSED));
                }
                frame.render_widget(Paragraph::new(row), line);
            }
        }
    }
    if footer && let Some(line) = clipped_row(area, h - 1) {
        let keys = if picker.typing {
            t.keys_filtering
        } else {
            t.keys
        };
        frame.render_widget(Paragraph::new(cut(keys, w)).dim(), line);
    }
}
