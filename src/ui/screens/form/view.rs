//! A form: one row per field (a summary takes a few), the error beside it
//! in words, a heading per petitioner, the real cursor in the focused
//! field, and the repeat panel beside (or below) an intake form.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::repeats;
use crate::display::{cut, fit, width};
use crate::strings::form::FieldKey as K;
use crate::strings::{Lang, form as t, labels};
use crate::ui::app::App;
use crate::ui::form::{Form, Kind, Purpose};
use crate::ui::view::parts::{footer, row};

/// The label column: English labels are longer ("representative").
fn label_width(lang: Lang) -> usize {
    match lang {
        Lang::Zh => 14,
        Lang::En => 18,
    }
}
/// Lines a multi-line field shows at most; more while it has the focus, so
/// a pasted letter can be read where it is typed.
const MULTI_LINES: usize = 4;
const MULTI_LINES_FOCUSED: usize = 8;

/// Lines field `i` shows at most.
fn most_lines(form: &Form, i: usize) -> usize {
    if i == form.focus {
        MULTI_LINES_FOCUSED
    } else {
        MULTI_LINES
    }
}
/// From this width the repeat panel stands beside the form.
const SIDE_PANEL_WIDTH: u16 = 100;

/// One screen line of the form body.
enum Item {
    Heading(usize),
    /// Field `i`, its `n`-th wrapped line.
    Field(usize, usize),
}

fn title(lang: Lang, form: &Form) -> String {
    match &form.purpose {
        Purpose::Intake(c) => t::intake_title(lang, labels::channel(lang, *c)),
        Purpose::Action {
            case_id,
            case_no,
            op,
            ..
        } => t::action_title(
            lang,
            *op,
            &case_no.clone().unwrap_or_else(|| format!("#{case_id}")),
        ),
        Purpose::Person(name) => t::person_title(lang, name.as_deref()),
        Purpose::Department => t::department_title(lang).to_owned(),
        Purpose::Reception => t::reception_title(lang).to_owned(),
        Purpose::Schedule => t::schedule_title(lang).to_owned(),
        Purpose::Office => crate::strings::documents::office_title(lang).to_owned(),
        Purpose::Import => crate::strings::import::form_title(lang).to_owned(),
    }
}

/// Live remarks under the title: links made, representatives over 5.
fn notes(lang: Lang, form: &Form) -> Vec<Span<'static>> {
    let mut notes = Vec::new();
    if !form.links.is_empty() {
        // Numbers as seen in the panel; a restored draft knows ids only.
        let ids: Vec<String> = form
            .links
            .iter()
            .enumerate()
            .map(|(k, i)| form.link_names.get(k).cloned().unwrap_or(format!("#{i}")))
            .collect();
        notes.push(Span::raw(t::linked(lang, &ids.join(" "))).fg(Color::Cyan));
    }
    let reps = form.representatives();
    // 2022 Art 20: a group visit chooses at most 5 representatives.
    if reps > 5 {
        notes.push(Span::raw(t::too_many_representatives(lang, reps)).fg(Color::Yellow));
    }
    // Art 30 第三款: the accuser's particulars are kept from the accused; 保密 keeps them
    // from the office's other readers too.
    use crate::strings::form::FieldKey as K;
    if form.code(K::HandlingType) == Some("accusation") && !form.flag(K::Confidential) {
        notes.push(Span::raw(t::accusation_confidential(lang)).fg(Color::Yellow));
    }
    if let Purpose::Action { op, .. } = form.purpose
        && let Some(note) = crate::ui::form::action::confirmation(lang, op)
    {
        notes.push(Span::raw(note));
    }
    notes
}

/// Most lines the context under the title takes (the opinion a 批示 answers): the rest of
/// a very long one is on the case screen.
const CONTEXT_LINES: usize = 6;

/// The context (the opinion a 批示 answers) wrapped to the width, whole up to
/// `CONTEXT_LINES`: the leader reads all of what they approve, not its first line.
fn context_lines(form: &Form, w: usize) -> Vec<String> {
    let Some(context) = &form.context else {
        return Vec::new();
    };
    let mut lines = crate::display::wrap(&crate::display::safe(context), w.max(10));
    if lines.len() > CONTEXT_LINES {
        // The last line shown runs on into the next, cut with `cut`'s own mark.
        let rest = lines.split_off(CONTEXT_LINES).concat();
        if let Some(last) = lines.last_mut() {
            *last = cut(&format!("{last}{rest}"), w);
        }
    }
    lines
}

fn value_lines(form: &Form, i: usize, room: usize) -> usize {
    match form.fields.get(i) {
        Some(f) if f.kind == Kind::Multi => {
            let (lines, _) = f.input.wrapped(room);
            lines.len().clamp(1, most_lines(form, i))
        }
        _ => 1,
    }
}

fn layout(form: &Form, room: usize) -> Vec<Item> {
    let mut items = Vec::new();
    let mut last_row = None;
    for i in 0..form.fields.len() {
        if !form.is_visible(i) {
            continue;
        }
        let row = form.fields[i].row;
        if let Some(r) = row
            && last_row != Some(r)
        {
            items.push(Item::Heading(r));
        }
        last_row = row;
        for n in 0..value_lines(form, i, room) {
            items.push(Item::Field(i, n));
        }
    }
    items
}

pub fn draw(app: &App, form: &Form, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let w = usize::from(area.width);
    frame.render_widget(
        Paragraph::new(cut(&title(lang, form), w)).bold(),
        row(area, 0),
    );
    let mut note_spans = Vec::new();
    for (k, n) in notes(lang, form).into_iter().enumerate() {
        if k > 0 {
            note_spans.push(Span::raw("  "));
        }
        note_spans.push(n);
    }
    frame.render_widget(Paragraph::new(Line::from(note_spans)), row(area, 1));
    // What the form answers, whole, under the notes; never more than a third of the window.
    let context = context_lines(form, w);
    let shown = context.len().min(usize::from(area.height / 3));
    for (k, l) in context.iter().take(shown).enumerate() {
        let line = Paragraph::new(Line::from(Span::raw(l.clone()).fg(Color::Cyan)));
        frame.render_widget(line, row(area, 2 + k as u16));
    }
    let shown = shown as u16;

    // The body, and where the repeat panel goes.
    let has_panel = matches!(form.purpose, Purpose::Intake(_)) && form.repeats.shown();
    let body_top = area.y + 2 + shown;
    let body_h = area.height.saturating_sub(3 + shown);
    let (body, panel) = match (has_panel, area.width >= SIDE_PANEL_WIDTH) {
        (false, _) => (Rect::new(area.x, body_top, area.width, body_h), None),
        (true, true) => {
            let pw = area.width * 2 / 5;
            (
                Rect::new(area.x, body_top, area.width - pw, body_h),
                Some(Rect::new(area.x + area.width - pw, body_top, pw, body_h)),
            )
        }
        (true, false) => {
            let ph = (body_h / 3).max(4).min(body_h);
            (
                Rect::new(area.x, body_top, area.width, body_h - ph),
                Some(Rect::new(area.x, body_top + body_h - ph, area.width, ph)),
            )
        }
    };
    draw_fields(form, lang, frame, body);
    if let Some(p) = panel {
        repeats::draw(form, lang, frame, p);
    }
    // The focused field's error, cut beside its value, is said whole at the bottom (the
    // part that says how to put it right comes last): the keys come back once it is mended.
    match error_cut(form, lang, usize::from(body.width)) {
        Some(e) if app.message.is_none() => {
            crate::ui::view::parts::bottom_lines(&e, frame, area);
        }
        _ => footer(app, form.keys(), |_| true, frame, area),
    }
}

/// The focused field's error when the room beside its value is too narrow for it.
fn error_cut(form: &Form, lang: Lang, w: usize) -> Option<String> {
    let f = form.fields.get(form.focus)?;
    let e = f.error.as_ref()?;
    let room = w.saturating_sub(label_width(lang) + 2);
    let (shown, _) = shown_value(form, lang, form.focus, 0, room);
    (width(e) > error_room(room, width(&shown)).1).then(|| e.clone())
}

/// Beside a value `value_width` wide in `room`: the gap before its error, and the columns
/// left for the error (an empty value's error stands where values start).
fn error_room(room: usize, value_width: usize) -> (&'static str, usize) {
    let gap = if value_width == 0 { "" } else { "  " };
    (gap, room.saturating_sub(value_width + gap.len()))
}

fn draw_fields(form: &Form, lang: Lang, frame: &mut Frame, area: Rect) {
    let w = usize::from(area.width);
    let label = label_width(lang);
    let room = w.saturating_sub(label + 2);
    let items = layout(form, room.saturating_sub(1));
    let rows = usize::from(area.height);
    if rows == 0 {
        return;
    }
    // Scroll so that the focused field's first line is on screen, with its
    // heading when it opens a petitioner row.
    let focus_at = items
        .iter()
        .position(|it| matches!(it, Item::Field(i, 0) if *i == form.focus))
        .unwrap_or(0);
    let first = (focus_at + value_lines(form, form.focus, room.saturating_sub(1)))
        .saturating_sub(rows)
        .min(focus_at.saturating_sub(1));
    for (n, item) in items.iter().skip(first).take(rows).enumerate() {
        let y = n as u16;
        let line = match item {
            Item::Heading(r) => {
                let h = t::row_heading(lang, r + 1, *r == form.main_row);
                Line::from(Span::raw(cut(&format!("── {h} ──"), w)).dim())
            }
            Item::Field(i, k) => field_line(form, lang, *i, *k, room, frame, area, y),
        };
        frame.render_widget(Paragraph::new(line), row(area, y));
    }
}

#[allow(clippy::too_many_arguments)]
fn field_line(
    form: &Form,
    lang: Lang,
    i: usize,
    k: usize,
    room: usize,
    frame: &mut Frame,
    area: Rect,
    y: u16,
) -> Line<'static> {
    let f = &form.fields[i];
    let focused = i == form.focus;
    let label = if k == 0 {
        // An anonymous item's names are not asked for: no mark of a required field.
        let anonymous = f.key == K::Name && form.flag(K::Anonymous);
        let mark = if f.required && !anonymous { "*" } else { " " };
        fit(
            &format!("{mark}{}", t::label(lang, f.key)),
            label_width(lang),
        )
    } else {
        fit(&more_sign(form, lang, i, k, room), label_width(lang))
    };
    // What the form settled itself (a sex read from the ID number), passed over by Tab: grey.
    let settled = form.settled(i);
    let label_style = match (focused, settled) {
        (true, _) => Style::new().bold(),
        (false, true) => Style::new().fg(Color::DarkGray),
        (false, false) => Style::new(),
    };
    let mut spans = vec![Span::styled(label, label_style), Span::raw("  ")];
    let (shown, cursor) = shown_value(form, lang, i, k, room);
    let value_width = width(&shown);
    spans.push(if settled && !focused {
        Span::styled(shown, Style::new().fg(Color::DarkGray))
    } else if focused && f.is_text() {
        Span::raw(shown).underlined()
    } else if focused {
        Span::raw(shown).reversed()
    } else {
        Span::raw(shown)
    });
    if k == 0
        && let Some(e) = &f.error
    {
        let (gap, left) = error_room(room, value_width);
        spans.push(Span::styled(
            format!("{gap}{}", cut(e, left)),
            Style::new().fg(Color::Red),
        ));
    }
    if let Some(col) = cursor {
        let x = area.x + (label_width(lang) + 2 + col) as u16;
        frame.set_cursor_position(Position::new(x.min(area.right() - 1), area.y + y));
    }
    Line::from(spans)
}

/// Under the label of a multi-line field's last line shown, when lines
/// are hidden: how many there are (the rest scroll into view as the
/// cursor moves).
fn more_sign(form: &Form, lang: Lang, i: usize, k: usize, room: usize) -> String {
    let Some(f) = form.fields.get(i).filter(|f| f.kind == Kind::Multi) else {
        return String::new();
    };
    let total = f.input.wrapped(room.saturating_sub(1)).0.len();
    let shown = value_lines(form, i, room.saturating_sub(1));
    if total > shown && k + 1 == shown {
        format!(" {}", t::more_lines(lang, total))
    } else {
        String::new()
    }
}

/// Line `k` of field `i`'s value as shown in `room` columns, and the
/// cursor's column in it when the cursor is on that line.
fn shown_value(
    form: &Form,
    lang: Lang,
    i: usize,
    k: usize,
    room: usize,
) -> (String, Option<usize>) {
    let f = &form.fields[i];
    let focused = i == form.focus;
    match (&f.kind, focused) {
        (Kind::Multi, _) => {
            let (lines, (cl, cc)) = f.input.wrapped(room.saturating_sub(1));
            // The window of lines that holds the cursor.
            let top = if focused {
                cl.saturating_sub(MULTI_LINES_FOCUSED - 1)
            } else {
                0
            };
            let cursor = (focused && cl == top + k).then_some(cc);
            (lines.get(top + k).cloned().unwrap_or_default(), cursor)
        }
        (Kind::Text | Kind::Date | Kind::DateTime | Kind::Number, true) => {
            let (s, col) = f.input.visible(room.saturating_sub(1));
            (s, Some(col))
        }
        (Kind::Choice(_), true) => {
            // The value stays where unfocused values are; the arrows and
            // the typed filter follow it.
            let typed = f.input.value();
            let hint = if typed.is_empty() {
                String::new()
            } else {
                let n = f.matches(form.group_of(i).as_deref()).len();
                format!("「{typed}」{}", t::filter_hint(lang, n))
            };
            // The terminal's cursor after what is typed, where an input method opens its
            // candidates (not after the hint).
            let shown = f.shown(lang);
            let col = if typed.is_empty() {
                width(&shown)
            } else {
                width(&format!("{shown} ◂▸ 「{typed}"))
            };
            let col = col.min(room.saturating_sub(1));
            (cut(&format!("{shown} ◂▸ {hint}"), room), Some(col))
        }
        (Kind::Text | Kind::Date | Kind::DateTime | Kind::Number | Kind::Choice(_), false)
        | (Kind::Flag, _) => (cut(&f.shown(lang), room), None),
    }
}
