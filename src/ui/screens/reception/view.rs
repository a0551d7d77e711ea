//! 领导接待日: the schedule for the next four weeks, and today's records
//! (who came, what was said, what was decided, the case it concerns).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Stylize;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::ReceptionScreen;
use crate::display::{cut, fit};
use crate::strings::reception as t;
use crate::ui::app::App;
use crate::ui::keymap::Context;

pub fn draw(app: &App, screen: &ReceptionScreen, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let w = usize::from(area.width);
    let (days, records) = (&screen.days, &screen.records);
    let mut lines: Vec<Line> = vec![Line::from(cut(&t::title(lang, app.today), w)).bold()];
    lines.push(Line::from(""));
    lines.push(Line::from(t::schedule(lang)).bold());
    if days.is_empty() {
        lines.push(Line::from(format!("  {}", t::nothing(lang))).dim());
    }
    for d in days {
        let mark = if d.date == app.today { "▶" } else { " " };
        lines.push(Line::from(cut(
            &format!(
                " {mark}{}  {}  {}",
                d.date,
                fit(&d.leader, 8),
                d.place.as_deref().unwrap_or("")
            ),
            w,
        )));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(t::records(lang, records.len())).bold());
    if records.is_empty() {
        lines.push(Line::from(format!("  {}", t::nothing(lang))).dim());
    }
    for r in records {
        let rec = &r.record;
        let case = r.case_name.clone().unwrap_or_default();
        lines.push(Line::from(format!(
            "  {}  {}  {case}",
            fit(&rec.visitor, 8),
            t::received_by(lang, &rec.leader)
        )));
        lines.push(Line::from(format!("    {}{}", t::said(lang), rec.said)));
        if !rec.decided.is_empty() {
            lines.push(Line::from(format!(
                "    {}{}",
                t::decided(lang),
                rec.decided
            )));
        }
    }
    let body = Rect {
        height: area.height.saturating_sub(1),
        ..area
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), body);
    crate::ui::view::parts::footer(app, Context::Reception, |_| true, frame, area);
}
