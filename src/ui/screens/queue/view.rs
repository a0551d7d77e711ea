//! 工作台: the queue, page by page.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Filter, Queue, View};
use crate::display::{fit, width};
use crate::domain::deadline::{ClockStatus, ClockView};
use crate::domain::identity::mask_id;
use crate::store::CaseRow;
use crate::strings::ui::{action, text};
use crate::strings::{Lang, calendar, labels};
use crate::ui::app::App;
use crate::ui::keymap::{Action, Context, Keymap};
use crate::ui::view::parts::{clock_style, row};
use crate::ui::widgets::text_field::TextField;

pub fn draw(app: &App, q: &Queue, frame: &mut Frame, area: Rect) {
    let t = text(app.lang);
    frame.render_widget(Paragraph::new(header(app, area.width)).bold(), row(area, 0));
    frame.render_widget(Paragraph::new(filter_line(app, q)), row(area, 1));
    let w = usize::from(area.width);
    let cols = columns(
        w,
        app.lang,
        crate::ui::view::parts::number_width(q.rows.iter().map(|r| &r.case)),
    );
    let head: Vec<String> = t
        .headings
        .iter()
        .zip(cols)
        .map(|(h, c)| fit(h, c))
        .collect();
    frame.render_widget(Paragraph::new(head.join(" ")).underlined(), row(area, 2));
    rows(app, q, &cols, frame, area);
    provisional_legend(app, q, frame, area);
    let bottom = area.height - 1;
    match &q.search {
        Some(field) => search_line(app, field, frame, area),
        None if q.choosing_channel.is_some() => {
            frame.render_widget(Paragraph::new(channel_chooser(app, q)), row(area, bottom));
        }
        None => {
            let footer = app
                .message
                .clone()
                .unwrap_or_else(|| footer(&app.keys, app.lang, w));
            crate::ui::view::parts::bottom_lines(&footer, frame, area);
        }
    }
}

/// The top line: who, the date and the counts, shortened to fit `cols`.
fn header(app: &App, cols: u16) -> String {
    let t = text(app.lang);
    let c = &app.counts;
    let who = app
        .operator
        .as_ref()
        .map_or(t.no_operator.to_owned(), |o| o.name.clone());
    let counts = format!(
        "{} {}  {} {}  {} {}  {} {}",
        t.today_intake,
        c.received_today,
        t.open,
        c.open,
        t.due_soon,
        c.due_soon,
        t.overdue,
        c.overdue
    );
    // The counts matter most: on a narrow window the office name goes
    // first, then the operator's label.
    let full = format!(
        "{}  {}:{}  {}  {counts}",
        app.office_name, t.operator, who, app.today
    );
    [
        full,
        format!("{}:{}  {}  {counts}", t.operator, who, app.today),
        format!("{who}  {}  {counts}", app.today.format("%m-%d")),
    ]
    .into_iter()
    .find(|h| width(h) <= usize::from(cols))
    .unwrap_or_else(|| format!("{who}  {counts}"))
}

/// The page's rows from the fourth line, the selected one reversed.
fn rows(app: &App, q: &Queue, cols: &[usize; 8], frame: &mut Frame, area: Rect) {
    let query = q
        .search
        .as_ref()
        .map(|f| f.value().trim())
        .filter(|q| !q.is_empty());
    if q.rows.is_empty() {
        // Nothing yet: say how to take the first one in (the key as mapped).
        let none = match app.keys.label(Context::Queue, Action::New) {
            Some(n) if q.search.is_none() => crate::strings::desk::no_cases_new(app.lang, &n),
            Some(_) | None => text(app.lang).no_cases.to_owned(),
        };
        frame.render_widget(Paragraph::new(none).dim(), row(area, 3));
    }
    for (i, r) in q.rows.iter().enumerate() {
        let y = 3 + i as u16;
        if y + 2 >= area.height {
            break;
        }
        let mut line = row_line(app.lang, r, cols, query);
        if i == q.selected {
            line = line.patch_style(Style::new().add_modifier(Modifier::REVERSED));
        }
        frame.render_widget(Paragraph::new(line), row(area, y));
    }
}

/// The search line at the bottom, its hint above it, the real cursor in it.
fn search_line(app: &App, field: &TextField, frame: &mut Frame, area: Rect) {
    let t = text(app.lang);
    let bottom = area.height - 1;
    let label = format!("{}: ", t.search);
    let room = usize::from(area.width).saturating_sub(width(&label) + 1);
    let (shown, col) = field.visible(room);
    let line = Line::from(vec![Span::from(label.clone()).bold(), Span::from(shown)]);
    frame.render_widget(Paragraph::new(line), row(area, bottom));
    // What the search answered (a leader's 回避, a failure) before the hint.
    let hint = match &app.message {
        Some(said) => said.as_str(),
        None if crate::store::search::needs_more_digits(field.value()) => t.more_digits,
        None => t.search_hint,
    };
    let hint = crate::display::cut(hint, usize::from(area.width));
    frame.render_widget(Paragraph::new(hint).dim(), row(area, bottom - 1));
    // The real cursor sits in the field: the input method's
    // candidate window follows it.
    let x = area.x + (width(&label) + col) as u16;
    frame.set_cursor_position(Position::new(x.min(area.right() - 1), area.y + bottom));
}

fn filter_line(app: &App, q: &Queue) -> Line<'static> {
    let t = text(app.lang);
    let names: Vec<(Filter, String)> = [
        (Filter::All, t.all.to_owned()),
        (Filter::Overdue, t.overdue.to_owned()),
        (Filter::DueSoon, t.due_soon.to_owned()),
    ]
    .into_iter()
    .chain(
        [
            crate::domain::types::State::Intake,
            crate::domain::types::State::Registered,
            crate::domain::types::State::Assigned,
            crate::domain::types::State::Replied,
        ]
        .map(|s| (Filter::State(s), labels::state(app.lang, s).to_owned())),
    )
    .collect();
    let spans: Vec<Span> = names
        .into_iter()
        .flat_map(|(f, name)| {
            let style = if f == q.view.filter {
                Style::new().reversed()
            } else {
                Style::new().dim()
            };
            [Span::styled(format!(" {name} "), style), Span::raw(" ")]
        })
        .chain(view_spans(app, &q.view))
        .collect();
    Line::from(spans)
}

/// The queue's keys, whole ones within `w` columns.
fn footer(keys: &Keymap, lang: Lang, w: usize) -> String {
    let keys = keys
        .footer(Context::Queue)
        .into_iter()
        .map(|(label, a)| (format!("{label} {}", action(lang, a.name())), a))
        .collect();
    crate::ui::view::parts::shortened(keys, w)
}

/// Below this width the petitioner column shows the name without the
/// masked ID number, so that the summary and the due date keep their room.
const WIDE: usize = 110;

/// Column widths for a terminal `w` wide, the numbers `no_w` wide; the
/// summary takes what is left.
fn columns(w: usize, lang: Lang, no_w: usize) -> [usize; 8] {
    // A four-character name and a masked ID number (8 + 1 + 18).
    let who = if w >= WIDE { 27 } else { 10 };
    // English words are longer: "referral", "registered".
    let (channel, state) = match lang {
        Lang::Zh => (4, 6),
        Lang::En => (8, 10),
    };
    let fixed = [no_w, 10, channel, who, 10, 0, state, 9];
    let used: usize = fixed.iter().sum::<usize>() + 7;
    let mut cols = fixed;
    cols[5] = w.saturating_sub(used).max(6);
    cols
}

fn row_line(lang: Lang, r: &CaseRow, cols: &[usize; 8], query: Option<&str>) -> Line<'static> {
    let t = text(lang);
    let c = &r.case;
    let i = &c.intake;
    let no = c.case_no.clone().unwrap_or_else(|| format!("#{}", c.id));
    let who = match i.main_petitioner() {
        Some(p) => match &p.id_number {
            // The ID's unmasked tail is what tells two petitioners apart: a long name gives
            // way to it.
            Some(id) if cols[3] > 10 => {
                let id = mask_id(id);
                let name_w = cols[3].saturating_sub(width(&id) + 1);
                format!("{} {id}", crate::display::cut(&p.name, name_w))
            }
            _ => p.name.clone(),
        },
        None => t.anonymous.to_owned(),
    };
    let clock = next_clock(r);
    let (mut due, due_style) = match clock {
        Some(k) => match k.status {
            ClockStatus::Running { days_left, .. } if days_left < 0 => (
                t.days_over.replace("{}", &(-days_left).to_string()),
                clock_style(&k.status),
            ),
            ClockStatus::Running { days_left, .. } => (
                t.days_left.replace("{}", &days_left.to_string()),
                clock_style(&k.status),
            ),
            _ => (String::new(), Style::new()),
        },
        None => (String::new(), Style::new()),
    };
    if clock.is_some_and(|k| !k.uncovered_years.is_empty()) && !due.is_empty() {
        due.push_str(calendar::PROVISIONAL_MARK);
    }
    let mut spans = vec![
        Span::raw(fit(&no, cols[0])),
        Span::raw(" "),
        Span::raw(fit(&i.received_date().to_string(), cols[1])),
        Span::raw(" "),
        Span::raw(fit(labels::channel_short(lang, i.channel), cols[2])),
        Span::raw(" "),
    ];
    spans.extend(highlight(&fit(&who, cols[3]), query));
    spans.push(Span::raw(" "));
    spans.push(Span::raw(fit(&i.category, cols[4])));
    spans.push(Span::raw(" "));
    // A phone or ID typed into the summary is masked as the ID column is (a trial saw a
    // whole phone in the queue beside a masked ID).
    let summary = crate::domain::masking::mask_in_text(&i.summary);
    spans.extend(highlight(&fit(&summary, cols[5]), query));
    spans.push(Span::raw(" "));
    spans.push(Span::raw(fit(labels::case_state(lang, c), cols[6])));
    spans.push(Span::raw(" "));
    spans.push(Span::styled(fit(&due, cols[7]), due_style));
    Line::from(spans)
}

/// The running clock that falls due first: the queue's due column.
fn next_clock(r: &CaseRow) -> Option<&ClockView> {
    r.clocks
        .iter()
        .filter(|k| matches!(k.status, ClockStatus::Running { .. }))
        .min_by_key(|k| k.due)
}

/// Under the rows, when one shown is due in a year without an official holiday table: what
/// the `*` after its days means.
fn provisional_legend(app: &App, q: &Queue, frame: &mut Frame, area: Rect) {
    let shown = usize::from(area.height.saturating_sub(5));
    let any = q
        .rows
        .iter()
        .take(shown)
        .any(|r| next_clock(r).is_some_and(|k| !k.uncovered_years.is_empty()));
    if any && q.search.is_none() && area.height >= 6 {
        let legend = calendar::provisional_legend(app.lang);
        frame.render_widget(Paragraph::new(legend).dim(), row(area, area.height - 2));
    }
}

/// The cell with every occurrence of the query's words highlighted.
fn highlight(cell: &str, query: Option<&str>) -> Vec<Span<'static>> {
    let Some(q) = query else {
        return vec![Span::raw(cell.to_owned())];
    };
    let words: Vec<&str> = q.split_whitespace().collect();
    let mut spans = Vec::new();
    let mut rest = cell;
    'outer: while !rest.is_empty() {
        let hit = words
            .iter()
            .filter_map(|w| rest.find(w).map(|i| (i, w.len())))
            .min_by_key(|(i, _)| *i);
        match hit {
            Some((i, len)) => {
                if i > 0 {
                    spans.push(Span::raw(rest[..i].to_owned()));
                }
                spans.push(Span::raw(rest[i..i + len].to_owned()).bold().underlined());
                rest = &rest[i + len..];
            }
            None => {
                spans.push(Span::raw(rest.to_owned()));
                break 'outer;
            }
        }
    }
    spans
}

/// Channel, "mine" and order, after the filters, when they differ from
/// the plain queue.
fn view_spans(app: &App, v: &View) -> Vec<Span<'static>> {
    let mut parts = Vec::new();
    if let Some(c) = v.channel {
        parts.push(labels::channel(app.lang, c).to_owned());
    }
    if v.mine {
        parts.push(text(app.lang).mine.to_owned());
    }
    if v.sort != crate::store::Sort::Newest {
        parts.push(crate::strings::ui::sort(app.lang, v.sort).to_owned());
    }
    parts
        .into_iter()
        .flat_map(|p| {
            [
                Span::styled(format!(" {p} "), Style::new().reversed()),
                Span::raw(" "),
            ]
        })
        .collect()
}

/// `n`: the channels by number, the highlighted one reversed.
fn channel_chooser(app: &App, q: &Queue) -> Line<'static> {
    let mut spans = vec![Span::raw(crate::strings::form::new_intake_prompt(app.lang)).bold()];
    for (i, c) in crate::domain::types::Channel::ALL.iter().enumerate() {
        let label = format!(" {} {} ", i + 1, labels::channel(app.lang, *c));
        spans.push(if q.choosing_channel == Some(i) {
            Span::raw(label).reversed()
        } else {
            Span::raw(label)
        });
    }
    Line::from(spans)
}
