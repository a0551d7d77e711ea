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
    // Each list under its column headings; a heading is not a row to select.
    let mut shown: Vec<(Option<usize>, String)> = vec![(None, operator_heading(lang))];
    shown.extend(dir.operators.iter().enumerate().map(|(i, o)| {
        let text = format!(
            " {} {} {} {}",
            fit(&o.name, 10),
            fit(labels::role(lang, o.role), 12),
            fit(o.department.as_deref().unwrap_or("—"), 14),
            f::flag(lang, o.active)
        );
        (Some(i), text)
    }));
    let n = dir.operators.len();
    shown.push((
        None,
        format!(" {}", f::label(lang, f::FieldKey::DepartmentName)),
    ));
    shown.extend(
        dir.departments
            .iter()
            .enumerate()
            .map(|(i, d)| (Some(n + i), format!(" {d}"))),
    );
    // Keep the cursor's row on screen.
    let room = usize::from(area.height.saturating_sub(2));
    let at = shown
        .iter()
        .position(|(i, _)| *i == Some(screen.selected))
        .unwrap_or(0);
    let first = at.saturating_sub(room.saturating_sub(1));
    for (i, text) in shown.iter().skip(first).take(room) {
        let line = Line::from(cut(text, w));
        lines.push(match i {
            Some(i) if *i == screen.selected => line.patch_style(Style::new().reversed()),
            Some(_) => line,
            None => line.dim(),
        });
    }
    frame.render_widget(Paragraph::new(lines), area);
    crate::ui::view::parts::footer(app, Context::Settings, |_| true, frame, area);
}

/// The people list's column headings, over its columns.
fn operator_heading(lang: crate::strings::Lang) -> String {
    use f::FieldKey as K;
    format!(
        " {} {} {} {}",
        fit(f::label(lang, K::Name), 10),
        fit(f::label(lang, K::Role), 12),
        fit(f::label(lang, K::Department), 14),
        f::label(lang, K::Active)
    )
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
