//! 人员和部门: who works at the desk (name, role, department, active) and
//! the departments cases are assigned to.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::SettingsScreen;
use crate::display::{cut, fit};
use crate::store::OfficeEvent;
use crate::strings::form as f;
use crate::strings::{audit, labels};
use crate::ui::app::App;
use crate::ui::keymap::Context;

pub fn draw(app: &App, screen: &SettingsScreen, frame: &mut Frame, area: Rect) {
    if let Some(events) = &screen.journal {
        return draw_journal(app, events, screen.selected, frame, area);
    }
    if let Some(plan) = &screen.import {
        return super::import_view::draw(app, plan, frame, area);
    }
    let lang = app.lang;
    let w = usize::from(area.width);
    let dir = &app.directory;
    let mut lines: Vec<Line> =
        vec![Line::from(cut(crate::strings::ui::action(lang, "settings"), w)).bold()];
    lines.push(Line::from(""));
    let mut rows: Vec<String> = dir
        .operators
        .iter()
        .map(|o| {
            format!(
                " {} {} {} {}",
                fit(&o.name, 10),
                fit(labels::role(lang, o.role), 12),
                fit(o.department.as_deref().unwrap_or("—"), 14),
                f::flag(lang, o.active)
            )
        })
        .collect();
    rows.extend(
        dir.departments
            .iter()
            .map(|d| format!(" {} {d}", fit(f::label(lang, f::FieldKey::Department), 10))),
    );
    // Keep the cursor's row on screen.
    let room = usize::from(area.height.saturating_sub(3));
    let first = screen.selected.saturating_sub(room.saturating_sub(1));
    for (i, text) in rows.iter().enumerate().skip(first).take(room) {
        let line = Line::from(cut(text, w));
        lines.push(if i == screen.selected {
            line.patch_style(Style::new().reversed())
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), area);
    crate::ui::view::parts::footer(app, Context::Settings, |_| true, frame, area);
}

/// 操作日志: the office journal, newest first, one event a line.
fn draw_journal(app: &App, events: &[OfficeEvent], selected: usize, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let w = usize::from(area.width);
    let title = crate::strings::ui::action(lang, "journal");
    let mut lines: Vec<Line> = vec![Line::from(cut(title, w)).bold()];
    let [seq, at, actor, what, subject, result] = audit::headings(lang);
    let head = format!(
        " {} {} {} {} {} {subject}",
        fit(seq, 5),
        fit(at, 16),
        fit(actor, 10),
        fit(what, 10),
        fit(result, 10)
    );
    lines.push(Line::from(cut(&head, w)).dim());
    if events.is_empty() {
        lines.push(Line::from(cut(audit::empty(lang), w)));
    }
    let room = usize::from(area.height.saturating_sub(4));
    let first = selected.saturating_sub(room.saturating_sub(1));
    for (i, e) in events.iter().enumerate().skip(first).take(room) {
        let text = format!(
            " {} {} {} {} {} {}",
            fit(&e.seq.to_string(), 5),
            fit(&e.at.get(..16).unwrap_or(&e.at).replace('T', " "), 16),
            fit(&e.actor, 10),
            fit(&audit::act_code(lang, &e.act), 10),
            fit(&audit::result_code(lang, &e.result), 10),
            e.subject
        );
        let line = Line::from(cut(&text, w));
        lines.push(if i == selected {
            line.patch_style(Style::new().reversed())
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), area);
    crate::ui::view::parts::footer(app, Context::Settings, |_| true, frame, area);
}
