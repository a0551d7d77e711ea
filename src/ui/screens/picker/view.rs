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
use crate::ui::screens::picker::Picker;
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
    let columns = Columns::of(picker, lang, w);
    if headings && let Some(line) = clipped_row(area, y) {
        frame.render_widget(
            Paragraph::new(cut(&columns.row(t.headings), w)).underlined(),
            line,
        );
        y += 1;
    }
    let list_rows = h.saturating_sub(y + usize::from(footer));
    draw_list(picker, lang, &columns, frame, area, (y, list_rows));
    if footer && let Some(line) = clipped_row(area, h - 1) {
        let keys = if picker.typing {
            t.keys_filtering
        } else {
            t.keys
        };
        frame.render_widget(Paragraph::new(cut(keys, w)).dim(), line);
    }
}

/// The widths of the name and role columns; the department takes the rest.
struct Columns {
    name: usize,
    role: usize,
    width: usize,
}

impl Columns {
    /// Widths from every operator, so that columns stay put while filtering.
    fn of(picker: &Picker, lang: Lang, w: usize) -> Columns {
        let t = text(lang);
        let name = picker
            .operators()
            .iter()
            .map(|o| width(&o.name))
            .chain([width(t.headings[0])])
            .max()
            .unwrap_or(0)
            .min(w / 3)
            + 2;
        let role = [
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
        Columns {
            name,
            role,
            width: w,
        }
    }

    fn row(&self, cells: [&str; 3]) -> String {
        let dept_w = self.width.saturating_sub(self.name + self.role);
        format!(
            "{}{}{}",
            fit(cells[0], self.name),
            fit(cells[1], self.role),
            cut(cells[2], dept_w)
        )
    }
}

/// The matching operators from line `top`, `rows` of them, scrolled so
/// that the chosen one is shown; or why there are none.
fn draw_list(
    picker: &Picker,
    lang: Lang,
    columns: &Columns,
    frame: &mut Frame,
    area: Rect,
    (top, rows): (usize, usize),
) {
    let t = text(lang);
    let w = usize::from(area.width);
    let matches = picker.matches();
    let empty = if picker.operators().is_empty() {
        Some(t.no_operators.to_owned())
    } else if matches.is_empty() {
        Some(no_match(lang, picker.filter.value().trim()))
    } else {
        None
    };
    if let Some(msg) = empty {
        if rows > 0
            && let Some(line) = clipped_row(area, top)
        {
            frame.render_widget(Paragraph::new(cut(&msg, w)).dim(), line);
        }
        return;
    }
    let first = (picker.selected + 1).saturating_sub(rows);
    for (n, (i, o)) in matches
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .enumerate()
    {
        let Some(line) = clipped_row(area, top + n) else {
            break;
        };
        let role = labels::role(lang, o.role);
        let dept = o.department.as_deref().unwrap_or("");
        let mut row = Line::from(cut(&columns.row([&o.name, role, dept]), w));
        if i == picker.selected {
            row = row.patch_style(Style::new().add_modifier(Modifier::REVERSED));
        }
        frame.render_widget(Paragraph::new(row), line);
    }
}
