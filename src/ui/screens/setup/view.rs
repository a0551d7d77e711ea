//! 首次使用: the setup of an empty ledger, one line per field, the error
//! beside it in words, the real cursor in the focused field. Lines give
//! way from the least needed as the window shrinks; nothing panics at any
//! size.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Field, Setup};
use crate::display::{cut, fit, width};
use crate::strings::Lang;
use crate::strings::setup::text;

/// The one-row area at `y` of `area`, when `area` has that row.
pub fn clipped_row(area: Rect, y: usize) -> Option<Rect> {
    let y = u16::try_from(y).ok().filter(|y| *y < area.height)?;
    Some(Rect {
        y: area.y + y,
        height: 1,
        ..area
    })
}

/// Puts the terminal cursor at column `x` of `line`, inside the area: the
/// input method's candidate window follows it.
pub fn place_cursor(frame: &mut Frame, line: Rect, x: usize) {
    if line.width == 0 {
        return;
    }
    let x = u16::try_from(x).unwrap_or(u16::MAX).min(line.width - 1);
    frame.set_cursor_position(Position::new(line.x + x, line.y));
}

enum Row {
    Title,
    Intro(usize),
    Blank,
    Field(usize),
    Hint,
    Preview,
    Footer,
}

/// The rows shown at `height`, top to bottom; the fields scrolled so that
/// the focused one is among them.
fn rows(height: usize, focus: usize) -> Vec<Row> {
    let header: Vec<Row> = match height {
        16.. => vec![Row::Title, Row::Intro(0), Row::Intro(1), Row::Blank],
        10..=15 => vec![Row::Title, Row::Blank],
        4..=9 => vec![Row::Title],
        _ => Vec::new(),
    };
    let below: Vec<Row> = match height {
        14.. => vec![Row::Blank, Row::Hint, Row::Preview],
        11..=13 => vec![Row::Hint],
        _ => Vec::new(),
    };
    let footer = usize::from(height >= 3);
    let n = Field::ALL.len();
    let room = height.saturating_sub(header.len() + below.len() + footer);
    let shown = room.min(n);
    let first = (focus + 1).saturating_sub(shown).min(n - shown);
    let mut out = header;
    out.extend((first..first + shown).map(Row::Field));
    out.extend(below);
    // The footer stays on the last row.
    while out.len() + footer < height {
        out.push(Row::Blank);
    }
    if footer == 1 {
        out.push(Row::Footer);
    }
    out
}

pub fn draw(setup: &Setup, lang: Lang, frame: &mut Frame, area: Rect) {
    let t = text(lang);
    let w = usize::from(area.width);
    let label_w = Field::ALL
        .iter()
        .map(|f| width(f.label(lang)) + 1)
        .max()
        .unwrap_or(0)
        .min(w / 2);
    let room = w.saturating_sub(label_w + 2);
    let focus = Field::ALL
        .iter()
        .position(|f| *f == setup.focus)
        .unwrap_or(0);
    for (y, r) in rows(usize::from(area.height), focus)
        .into_iter()
        .enumerate()
    {
        let Some(line) = clipped_row(area, y) else {
            break;
        };
        let para = match r {
            Row::Title => Paragraph::new(cut(t.title, w)).bold(),
            Row::Intro(i) => Paragraph::new(cut(t.intro[i], w)).dim(),
            Row::Blank => continue,
            Row::Field(i) => {
                let f = Field::ALL[i];
                let (spans, cursor) = field_line(setup, lang, f, label_w, room);
                if let Some(col) = cursor {
                    place_cursor(frame, line, label_w + 2 + col);
                }
                Paragraph::new(Line::from(spans))
            }
            // The focused field's error again, whole: beside a long value
            // there may be no room for it. It wraps onto the next row.
            Row::Hint => hint_row(setup, lang, w, 0),
            Row::Preview => match setup.preview() {
                Some(p) if matches!(setup.focus, Field::Departments | Field::Department) => {
                    Paragraph::new(cut(&p, w)).dim()
                }
                _ => hint_row(setup, lang, w, 1),
            },
            Row::Footer if setup.confirm_quit => {
                Paragraph::new(cut(t.confirm_quit, w)).fg(Color::Yellow)
            }
            Row::Footer => Paragraph::new(cut(t.keys, w)).dim(),
        };
        frame.render_widget(para, line);
    }
}

/// Row `k` of the focused field's error or hint, wrapped at `w` (the last
/// row cut, should it need more).
fn hint_row(setup: &Setup, lang: Lang, w: usize, k: usize) -> Paragraph<'static> {
    let (said, style) = match setup.error(setup.focus) {
        Some(e) => (e, Style::new().fg(Color::Red)),
        None if setup.role_fixed && setup.focus == Field::Role => {
            (text(lang).role_fixed_hint, Style::new().dim())
        }
        None => (setup.focus.hint(lang), Style::new().dim()),
    };
    let lines = crate::display::wrap(said, w);
    let line = match (k, lines.get(1), lines.get(2)) {
        (0, _, _) => lines[0].clone(),
        // More than two rows' worth: the second ends in the cut mark.
        (_, Some(second), Some(third)) => cut(&format!("{second} {third}"), w),
        (_, Some(second), None) => second.clone(),
        (_, None, _) => String::new(),
    };
    Paragraph::new(line).style(style)
}

/// A field's line, and the cursor's column in its value when it is the
/// focused text field.
fn field_line(
    setup: &Setup,
    lang: Lang,
    f: Field,
    label_w: usize,
    room: usize,
) -> (Vec<Span<'static>>, Option<usize>) {
    let focused = f == setup.focus;
    let mark = if f.required() { "*" } else { " " };
    let label_style = if focused {
        Style::new().bold()
    } else {
        Style::new()
    };
    let mut spans = vec![
        Span::styled(
            fit(&format!("{mark}{}", f.label(lang)), label_w),
            label_style,
        ),
        Span::raw("  "),
    ];
    let (shown, cursor) = match (setup.input(f), setup.choice(f)) {
        (Some(input), _) if focused => {
            let (shown, col) = input.visible(room.saturating_sub(1));
            (shown, Some(col))
        }
        (Some(input), _) => (cut(input.value(), room), None),
        (None, Some(choice)) => (cut(&format!("< {choice} >"), room), None),
        (None, None) => (String::new(), None),
    };
    let value_width = width(&shown);
    spans.push(if focused {
        Span::raw(shown).underlined()
    } else {
        Span::raw(shown)
    });
    if let Some(e) = setup.error(f) {
        let left = room.saturating_sub(value_width + 2);
        if left > 0 {
            spans.push(Span::styled(
                format!("  {}", cut(e, left)),
                Style::new().fg(Color::Red),
            ));
        }
    }
    (spans, cursor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_focused_field_is_always_among_the_rows() {
        for h in 0..=40 {
            for focus in 0..Field::ALL.len() {
                let rows = rows(h, focus);
                assert_eq!(rows.len(), h, "height {h}");
                if h > 0 {
                    assert!(
                        rows.iter()
                            .any(|r| matches!(r, Row::Field(i) if *i == focus)),
                        "height {h} focus {focus}"
                    );
                }
            }
        }
    }
}
