//! The documents panel over the case screen: the kinds to pick from, or
//! the preview of one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Stylize;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::domain::documents::DocKind;
use crate::strings::{Lang, documents as text};
use crate::ui::documents::DocPanel;

pub fn draw(panel: &DocPanel, lang: Lang, frame: &mut Frame, area: Rect) {
    let t = text::screen(lang);
    match &panel.preview {
        None => {
            let mut lines: Vec<Line> = DocKind::ALL
                .iter()
                .enumerate()
                .map(|(i, k)| {
                    let line = format!("{} {}", i + 1, text::kind(lang, *k));
                    if i == panel.selected {
                        Line::from(line).reversed()
                    } else {
                        Line::from(line)
                    }
                })
                .collect();
            lines.push(Line::from(""));
            lines.push(Line::from(t.pick_hint).dim());
            super::popup(frame, area, 44, 13, Paragraph::new(lines), t.pick_title);
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
            super::popup(frame, area, area.width, h, body, &title);
        }
    }
}
