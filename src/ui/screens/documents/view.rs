//! The documents panel over the case screen: the kinds to pick from, or
//! the preview of one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Stylize;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::DocPanel;
use crate::domain::documents::DocKind;
use crate::strings::{Lang, documents as text};

pub fn draw(panel: &DocPanel, lang: Lang, frame: &mut Frame, area: Rect) {
    let t = text::screen(lang);
    match &panel.preview {
        None => {
            let mut lines = kinds(panel, lang);
            lines.push(Line::from(""));
            let asking = panel.basis.as_ref();
            if asking.is_some() {
                let (label, hint) = if panel.line_for == DocKind::Advice {
                    (t.advice_label, t.advice_hint)
                } else {
                    (t.basis_label, t.basis_hint)
                };
                lines.push(Line::from(label).bold());
                lines.push(Line::from(""));
                lines.push(Line::from(hint).dim());
            } else {
                // Two lines: one was cut at the box's edge, where it says how to issue.
                lines.extend(t.pick_hint.lines().map(|l| Line::from(l).dim()));
            }
            // At the left edge: a box whose left border cut a wide
            // character of the case screen would leave half of it showing.
            // The kinds, the borders, and four rows under them (the basis asked: its label,
            // its row, the hint).
            let rows = DocKind::ALL.len() as u16 + 7;
            let (w, h) = (60.min(area.width), rows.min(area.height));
            let at = Rect {
                x: area.x,
                y: area.y + (area.height - h) / 2,
                width: w,
                height: h,
            };
            crate::ui::view::parts::clear(frame, at);
            frame.render_widget(
                Paragraph::new(lines).block(Block::bordered().title(t.pick_title)),
                at,
            );
            if let Some(field) = asking {
                // The typed basis on its own row, the real cursor on it
                // (the input method's window follows the cursor).
                let (x, y) = (at.x + 1, at.y + 1 + DocKind::ALL.len() as u16 + 2);
                let (shown, col) = field.visible(usize::from(w.saturating_sub(2)));
                if y + 1 < at.y + at.height {
                    let row = Rect {
                        x,
                        y,
                        width: w.saturating_sub(2),
                        height: 1,
                    };
                    frame.render_widget(Paragraph::new(shown), row);
                    frame.set_cursor_position((x + col as u16, y));
                }
            }
        }
        Some(p) => {
            let mut lines = Vec::new();
            if p.reprint {
                lines.push(Line::from(format!("{}  {}", p.number, t.reprint_mark)).bold());
            }
            lines.extend(p.text.lines().map(|l| Line::from(l.to_owned())));
            // The whole screen but the footer: a wide character cut by a
            // box's edge would leave half of it on the screen below.
            let h = area.height.saturating_sub(1);
            let body = Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((p.scroll, 0));
            let title = format!("{} — {}", t.preview_title, t.preview_hint);
            crate::ui::view::parts::popup(frame, area, area.width, h, body, &title);
        }
    }
}

/// The picker's lines: each kind by its number, with the number of the one issued.
fn kinds(panel: &DocPanel, lang: Lang) -> Vec<Line<'static>> {
    (DocKind::ALL.iter().enumerate())
        .map(|(i, k)| {
            // Digits reach the first nine; the rest are j/k away, and show no number a key
            // would not take.
            let key = if i < 9 {
                format!("{}", i + 1)
            } else {
                " ".to_owned()
            };
            let mut line = format!("{key} {}", text::kind(lang, *k));
            if let Some((_, n)) = panel.issued.iter().rev().find(|(d, _)| d == k) {
                line.push_str(&format!("  {n}"));
            }
            if i == panel.selected {
                Line::from(line).reversed()
            } else {
                Line::from(line)
            }
        })
        .collect()
}
