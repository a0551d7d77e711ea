//! The case screen: every field, the clocks and the timeline.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Stylize;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::clock_style;
use crate::domain::workflow::allowed_ops;
use crate::strings::labels;
use crate::strings::ui::text;
use crate::ui::app::{App, CaseScreen};

pub fn draw(app: &App, screen: &CaseScreen, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let t = text(lang);
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let c = &screen.row.case;
    let i = &c.intake;
    let no = c.case_no.clone().unwrap_or_else(|| format!("#{}", c.id));
    let mut lines: Vec<Line> = vec![
        Line::from(vec![
            Span::from(no).bold(),
            Span::raw("  "),
            Span::from(labels::state(lang, c.state)).reversed(),
        ]),
        Line::from(format!(
            "{} {}  {}  {} {}",
            l("渠道", "channel"),
            labels::channel(lang, i.channel),
            i.received_at.format("%Y-%m-%d %H:%M"),
            l("接待人", "by"),
            i.receiver
        )),
        Line::from(format!(
            "{} {}  {} {}",
            l("问题分类", "category"),
            i.category,
            l("人数", "people"),
            i.people
        )),
    ];
    for p in &i.petitioners {
        // The case screen shows the full numbers (DOMAIN.md: masked in lists only).
        let id = p.id_number.clone().unwrap_or_default();
        let phone = p.phone.clone().unwrap_or_default();
        let mark = if p.main {
            l("（主）", " (main)")
        } else {
            ""
        };
        lines.push(Line::from(format!(
            "  {}{mark} {id} {phone} {}",
            p.name,
            p.address.as_deref().unwrap_or("")
        )));
    }
    for (label, v) in [
        (l("被反映单位", "target"), &i.target),
        (l("被反映人", "accused"), &i.target_person),
        (l("问题发生地", "location"), &i.location),
    ] {
        if let Some(v) = v {
            lines.push(Line::from(format!("{label} {v}")));
        }
    }
    lines.push(Line::from(format!(
        "{} {}",
        l("主要问题", "summary"),
        i.summary
    )));
    if !i.request.is_empty() {
        lines.push(Line::from(format!(
            "{} {}",
            l("诉求", "request"),
            i.request
        )));
    }
    if let Some(a) = &c.assignment {
        lines.push(Line::from(format!(
            "{} {} / {}",
            l("承办", "assigned"),
            a.department,
            a.handler
        )));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(t.deadlines).bold());
    for (i, k) in screen.row.clocks.iter().enumerate() {
        let name = screen
            .clock_names
            .get(i)
            .map_or(k.key.as_str(), String::as_str);
        lines.push(Line::from(vec![
            Span::raw(format!("  {}  {}  ", crate::display::fit(name, 12), k.due)),
            Span::styled(
                labels::clock_status(lang, &k.status),
                clock_style(&k.status),
            ),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(t.timeline).bold());
    for e in &screen.events {
        let when = e.at.get(..16).unwrap_or(&e.at).replace('T', " ");
        lines.push(Line::from(format!(
            "  {when}  {}  {}",
            crate::display::fit(&e.actor, 8),
            labels::op(lang, &e.op)
        )));
    }
    let next: Vec<&str> = allowed_ops(c).iter().map(|o| labels::op(lang, o)).collect();
    if !next.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(format!(
            "{}: {}",
            t.next_steps,
            next.join(l("、", ", "))
        )));
    }
    let body = Rect {
        height: area.height - 1,
        ..area
    };
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((screen.scroll, 0)),
        body,
    );
    let footer = app
        .keys
        .footer(crate::ui::keymap::Context::Case)
        .iter()
        .map(|(label, a)| format!("{label} {}", crate::strings::ui::action(lang, a.name())))
        .collect::<Vec<_>>()
        .join("  ");
    frame.render_widget(
        Paragraph::new(footer).dim(),
        super::row(area, area.height - 1),
    );
}
