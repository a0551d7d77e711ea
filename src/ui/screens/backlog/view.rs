//! 积案: one line a case (number, why it qualifies, 包案领导, 专班, last 会商, latest
//! progress), the selected case's file below, and the entry over the bottom when open.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use super::{BacklogScreen, Entry};
use crate::display::{cut, fit, width};
use crate::store::BacklogRow;
use crate::strings::{Lang, backlog as words, backlog_screen as t};
use crate::ui::app::App;
use crate::ui::form::case_name;
use crate::ui::keymap::Context;
use crate::ui::view::parts::{footer, number_width, row};

/// From this width the 专班 has a column of its own.
const WIDE: usize = 100;
/// Rows the selected case's file takes under the list, when there is room.
const DETAIL: u16 = 6;

/// Rows of the selected case's file in a body `height` rows high.
fn detail_rows(height: u16) -> u16 {
    if height >= 18 { DETAIL } else { 0 }
}

/// Rows of the list in a body `height` rows high: a page for PageDown.
pub fn list_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(3 + detail_rows(height))).max(1)
}

pub fn draw(app: &App, b: &BacklogScreen, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let w = usize::from(area.width);
    let title = t::title(lang, b.ids.len(), b.rule.0, b.rule.1);
    frame.render_widget(Paragraph::new(cut(&title, w)).bold(), row(area, 0));
    let no_w = number_width(b.rows.iter().map(|r| &r.row.case));
    let cols = columns(w, lang, no_w);
    frame.render_widget(
        Paragraph::new(Line::from(cut(&line(&t::heads(lang), &cols), w)).dim()),
        row(area, 1),
    );
    let below = detail_rows(area.height);
    let rows = list_rows(area.height);
    if b.ids.is_empty() && b.loaded {
        frame.render_widget(Paragraph::new(t::empty(lang)).dim(), row(area, 2));
    }
    let first = b.top_for(rows);
    for k in (first..b.ids.len()).take(rows) {
        // A row not loaded yet (the page is on its way) is left blank.
        let Some(r) = b.row_at(k) else { continue };
        let text = line(&cells(lang, r), &cols);
        let mut shown = Line::from(cut(&text, w));
        if k == b.selected {
            shown = shown.patch_style(Style::new().reversed());
        }
        frame.render_widget(Paragraph::new(shown), row(area, 2 + (k - first) as u16));
    }
    if below > 0
        && let Some(r) = b.selected_row()
    {
        let top = area.height.saturating_sub(1 + below);
        // Wrapped where there is room (the problem and the conclusion read whole), else a
        // line each so that none is lost.
        let items = detail(lang, r);
        let room = usize::from(below - 1);
        let wrapped: Vec<String> = items
            .iter()
            .flat_map(|l| crate::display::wrap(l, w))
            .collect();
        let lines: Vec<Line> = if wrapped.len() <= room {
            wrapped.into_iter().map(Line::from).collect()
        } else {
            items.iter().map(|l| Line::from(cut(l, w))).collect()
        };
        let rect = Rect::new(area.x, area.y + top, area.width, below);
        frame.render_widget(
            Paragraph::new(lines).block(Block::new().borders(ratatui::widgets::Borders::TOP)),
            rect,
        );
    }
    if let Some(e) = &b.entry {
        draw_entry(lang, e, frame, area);
    }
    footer(app, Context::Backlog, |_| true, frame, area);
}

/// Widths of number, grounds, 包案领导, 专班 (0 when narrow), last 会商, progress.
fn columns(w: usize, lang: Lang, no_w: usize) -> [usize; 6] {
    let (grounds, leader) = match lang {
        Lang::Zh => (20, 8),
        Lang::En => (24, 12),
    };
    let team = if w >= WIDE { 16 } else { 0 };
    let fixed = no_w + grounds + leader + team + 10 + 6;
    [
        no_w,
        grounds,
        leader,
        team,
        10,
        w.saturating_sub(fixed).max(8),
    ]
}

fn line(cells: &[String; 6], cols: &[usize; 6]) -> String {
    let mut out = String::from(" ");
    for (c, w) in cells.iter().zip(cols) {
        if *w > 0 {
            out.push_str(&fit(c, *w));
            out.push(' ');
        }
    }
    out.trim_end().to_owned()
}

fn cells(lang: Lang, r: &BacklogRow) -> [String; 6] {
    let f = &r.file;
    let meeting = f
        .meetings
        .last()
        .map(|m| m.on.to_string())
        .unwrap_or_default();
    let progress = f.progress.last().map_or_else(
        || t::no_progress(lang, &r.row.case.intake.summary),
        |p| format!("{} {}", p.on, p.note),
    );
    [
        case_name(&r.row.case),
        words::grounds(lang, &r.grounds),
        // The 积案's own leader, else the case's 包案领导 (as the register does).
        f.leader
            .clone()
            .or_else(|| (r.row.case.assignment.as_ref()).and_then(|a| a.owner_leader.clone()))
            .unwrap_or_else(|| "—".to_owned()),
        if f.team.is_empty() {
            "—".to_owned()
        } else {
            f.team.join("、")
        },
        meeting,
        progress,
    ]
}

/// The selected case's file: its problem, the mark, 专班, the last 会商, the latest progress.
fn detail(lang: Lang, r: &BacklogRow) -> Vec<String> {
    let f = &r.file;
    let mut out = vec![t::summary(
        lang,
        &case_name(&r.row.case),
        &r.row.case.intake.summary,
    )];
    if let Some(m) = &f.marked {
        out.push(t::marked(lang, &m.by, &m.on.to_string(), &m.note));
    }
    if !f.team.is_empty() {
        out.push(t::team(lang, &f.team.join("、")));
    }
    if let Some(m) = f.meetings.last() {
        out.push(t::meeting(
            lang,
            &m.on.to_string(),
            &m.participants.join("、"),
            &m.conclusion,
            f.meetings.len(),
        ));
    }
    if let Some(p) = f.progress.last() {
        out.push(t::progress(
            lang,
            &p.on.to_string(),
            &p.by,
            &p.note,
            f.progress.len(),
        ));
    }
    out
}

/// The entry: a bordered box over the bottom of the screen, a line per thing asked, the
/// cursor in the focused one.
fn draw_entry(lang: Lang, e: &Entry, frame: &mut Frame, area: Rect) {
    let h = u16::try_from(e.slots.len()).unwrap_or(1) + 3;
    let h = h.min(area.height.saturating_sub(1));
    let at = Rect::new(
        area.x,
        area.y + area.height.saturating_sub(h + 1),
        area.width,
        h,
    );
    crate::ui::view::parts::clear(frame, at);
    let title = t::entry_title(lang, e.act, &e.case);
    let block = Block::bordered().title(title);
    let inner = block.inner(at);
    frame.render_widget(block, at);
    let label_w = e
        .slots
        .iter()
        .map(|s| width(t::ask(lang, s.ask)))
        .max()
        .unwrap_or(0)
        + 2;
    let room = usize::from(inner.width).saturating_sub(label_w + 1);
    let mut lines: Vec<Line> = Vec::new();
    for (k, s) in e.slots.iter().enumerate() {
        let (shown, col) = s.field.visible(room);
        let label = fit(t::ask(lang, s.ask), label_w);
        let label = if k == e.focus {
            Line::from(format!("{label}{shown}")).bold()
        } else {
            Line::from(format!("{label}{shown}"))
        };
        lines.push(label);
        if k == e.focus && k < usize::from(inner.height) {
            let x = inner.x + u16::try_from(label_w + col).unwrap_or(0);
            frame.set_cursor_position(Position::new(
                x.min(inner.right().saturating_sub(1)),
                inner.y + k as u16,
            ));
        }
    }
    lines.push(Line::from(t::entry_keys(lang)).dim());
    frame.render_widget(Paragraph::new(lines), inner);
}
