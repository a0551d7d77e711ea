//! The case screen's 附件 section: each file's number, name, type, size, who and when; the
//! one `O` opens marked; removed ones dim, with why.

use ratatui::style::Stylize;
use ratatui::text::Line;

use super::CaseScreen;
use crate::strings::{Lang, attachments as text};

pub fn lines(lang: Lang, screen: &CaseScreen, width: usize, out: &mut Vec<Line<'static>>) {
    let files = &screen.row.case.attachments;
    if files.is_empty() {
        return;
    }
    out.push(Line::from(""));
    out.push(Line::from(text::title(lang, files.len())).bold());
    for (i, file) in files.iter().enumerate() {
        let mark = if i == screen.file { '▸' } else { ' ' };
        let when = file.stamp.at.format("%Y-%m-%d %H:%M");
        let mut shown = format!(
            "{mark}{:>2}  {}  {}  {}  {} {when}",
            i + 1,
            file.name,
            file.media_type,
            text::size(file.size),
            file.stamp.by
        );
        if let Some(r) = &file.removed {
            shown.push_str(&format!("  〔{}：{}〕", text::removed_mark(lang), r.reason));
        }
        let line = Line::from(crate::display::cut(&shown, width));
        out.push(match (file.removed.is_some(), i == screen.file) {
            (true, _) => line.dim(),
            (false, true) => line.bold(),
            (false, false) => line,
        });
    }
}
