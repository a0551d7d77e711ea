//! 领导视图: the leader's lists on one screen, major/urgent items on top,
//! two columns from 100 columns wide. Enter opens the case; the leader's
//! steps (批示, 督办, 延期, 包案) act on the selected one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::layout::{LEFT, need, shares};
use super::{DashboardScreen, List};
use crate::display::{cut, fit, width};
use crate::domain::deadline::ClockStatus;
use crate::domain::identity::mask_id;
use crate::store::CaseRow;
use crate::strings::ui::text;
use crate::strings::{Lang, dashboard as t, labels};
use crate::ui::app::App;
use crate::ui::form::case_name;
use crate::ui::keymap::Context;
use crate::ui::view::parts::{clock_style, row};

/// From this width the lists stand in two columns.
const TWO_COLUMNS: u16 = 100;

pub fn draw(app: &App, d: &DashboardScreen, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    let ui = text(lang);
    let c = &app.counts;
    let who = app.operator.as_ref().map_or("", |o| o.name.as_str());
    let header = format!(
        "{}  {who}  {}  {} {}  {} {}  {} {}  {} {}",
        t::title(lang),
        app.today,
        ui.today_intake,
        c.received_today,
        ui.open,
        c.open,
        ui.due_soon,
        c.due_soon,
        ui.overdue,
        c.overdue
    );
    frame.render_widget(
        Paragraph::new(cut(&header, usize::from(area.width))).bold(),
        row(area, 0),
    );
    let mut body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(2),
        ..area
    };
    // The units not yet reported this round (矛盾纠纷排查), on the body's last row.
    if let Some((round, units)) = &d.data.unreported
        && body.height > 4
    {
        body.height -= 1;
        let line = crate::strings::screening::unreported(lang, round, units);
        frame.render_widget(
            Paragraph::new(cut(&line, usize::from(area.width))).yellow(),
            row(body, body.height),
        );
    }
    let lists = List::ALL;
    if area.width >= TWO_COLUMNS {
        let half = body.width / 2;
        let left = Rect {
            width: half,
            ..body
        };
        let right = Rect {
            x: body.x + half,
            width: body.width - half,
            ..body
        };
        draw_lists(app, d, &lists[..LEFT], 0, frame, left);
        draw_lists(app, d, &lists[LEFT..], LEFT, frame, right);
    } else {
        draw_lists(app, d, &lists, 0, frame, body);
    }
    // The footer keeps the leader's screens (y, t), `w` and the leader's usual steps; `/`,
    // `n` and the rare 不同意延期 are in the help (`?`).
    use crate::ui::keymap::Action;
    let keep = |a| !matches!(a, Action::Search | Action::New | Action::RefuseExtension);
    crate::ui::view::parts::footer(app, Context::Dashboard, keep, frame, area);
}

/// `lists` stacked in `area`: each gets its title and a row first, then
/// the rows left go round to the lists that have more to show, so no row
/// stays blank while a list is cut. The list with the cursor scrolls to
/// keep it in view.
fn draw_lists(
    app: &App,
    d: &DashboardScreen,
    lists: &[List],
    first: usize,
    frame: &mut Frame,
    area: Rect,
) {
    let needs: Vec<usize> = lists.iter().map(|l| need(l.total(&d.data))).collect();
    let mut top = area.y;
    for (k, height) in shares(&needs, usize::from(area.height))
        .into_iter()
        .enumerate()
    {
        let height = u16::try_from(height).unwrap_or(0);
        if height == 0 {
            continue;
        }
        let rect = Rect {
            y: top,
            height,
            ..area
        };
        draw_list(app, d, lists[k], first + k, frame, rect);
        top += height;
    }
}

fn draw_list(
    app: &App,
    d: &DashboardScreen,
    list: List,
    index: usize,
    frame: &mut Frame,
    area: Rect,
) {
    let lang = app.lang;
    let focused = d.list == index;
    let count = list.total(&d.data);
    let w = usize::from(area.width.saturating_sub(1));
    let title = t::list_titled(lang, list.code(), count);
    let style = if focused {
        Style::new().bold().reversed()
    } else {
        Style::new().bold()
    };
    frame.render_widget(
        Paragraph::new(Span::styled(cut(&title, w), style)),
        row(area, 0),
    );
    let rows = usize::from(area.height.saturating_sub(1));
    if rows == 0 {
        return;
    }
    let start = if focused {
        d.selected.saturating_sub(rows - 1)
    } else {
        0
    };
    let mut lines: Vec<Line> = Vec::new();
    match list {
        List::Repeaters => {
            let shown = || d.data.repeaters.iter().skip(start).take(rows);
            // The names padded to the widest shown (a long one cut), so the ID numbers line up.
            let name_w = shown().map(|r| width(&r.name)).max().unwrap_or(0).min(12);
            for r in shown() {
                lines.push(Line::from(cut(
                    &format!(
                        " {} {}  {}",
                        fit(&r.name, name_w),
                        mask_id(&r.id_number),
                        t::visits(lang, r.cases)
                    ),
                    w,
                )));
            }
        }
        List::Flagged => {
            for f in d.data.flagged.iter().skip(start).take(rows) {
                lines.push(Line::from(cut(&flag_line(lang, f), w)));
            }
        }
        _ => {
            let shown: Vec<&CaseRow> = list.cases(&d.data).iter().skip(start).take(rows).collect();
            let no_w = crate::ui::view::parts::number_width(shown.iter().map(|r| &r.case));
            for r in shown {
                let waits = (list == List::Awaiting).then(|| waiting(lang, &r.case));
                lines.push(case_line(lang, r, w, no_w, waits));
            }
        }
    }
    if count == 0 {
        lines.push(Line::from(format!(" {}", t::none(lang))).dim());
    }
    for (k, line) in lines.into_iter().enumerate() {
        let mut line = line;
        if focused && start + k == d.selected && count > 0 {
            line = line.patch_style(Style::new().reversed());
        }
        frame.render_widget(Paragraph::new(line), row(area, 1 + k as u16));
    }
}

/// 重点信访人: who, the flag, when, and why.
fn flag_line(lang: Lang, f: &crate::domain::flags::PersonFlag) -> String {
    let id = f.id_number.as_deref().map(mask_id).unwrap_or_default();
    format!(
        " {} {id} {} {} {}",
        f.name,
        crate::strings::backlog::flag(lang, f.flag),
        f.on,
        f.reason
    )
}

/// 待批示: what waits for the leader — an opinion, or an extension asked
/// (its days and reason).
fn waiting(lang: Lang, c: &crate::domain::case::Case) -> String {
    match c.extension_asked() {
        Some(r) if !c.awaiting_instruction() => {
            crate::strings::desk::waits_extension(lang, r.days, &r.reason)
        }
        Some(_) | None => crate::strings::desk::waits_opinion(lang).to_owned(),
    }
}

/// Number, petitioner, days left or over, summary (after what waits, on
/// the 待批示 list): what a leader scans.
fn case_line(
    lang: Lang,
    r: &CaseRow,
    w: usize,
    no_w: usize,
    waits: Option<String>,
) -> Line<'static> {
    let c = &r.case;
    let who = c
        .intake
        .main_petitioner()
        .map_or(text(lang).anonymous.to_owned(), |p| p.name.clone());
    let clock = r
        .clocks
        .iter()
        .filter(|k| matches!(k.status, ClockStatus::Running { .. }))
        .min_by_key(|k| k.due);
    // The queue's short words ("44d over"): the long ones do not fit the column in English.
    let (due, style) = clock.map_or((String::new(), Style::new()), |k| {
        let ui = text(lang);
        let due = match k.status {
            ClockStatus::Running { days_left, .. } if days_left < 0 => {
                ui.days_over.replace("{}", &(-days_left).to_string())
            }
            ClockStatus::Running { days_left, .. } => {
                ui.days_left.replace("{}", &days_left.to_string())
            }
            ClockStatus::Met { .. }
            | ClockStatus::Late { .. }
            | ClockStatus::NoticeLate { .. }
            | ClockStatus::Window { .. } => labels::clock_status(lang, &k.status),
        };
        (due, clock_style(&k.status))
    });
    let head = format!(" {} {} ", fit(&case_name(c), no_w), fit(&who, 6));
    let due = fit(&due, 10);
    let rest = w.saturating_sub(crate::display::width(&head) + 11);
    let summary = match waits {
        Some(w) => format!("{w}{}", c.intake.summary),
        None => c.intake.summary.clone(),
    };
    Line::from(vec![
        Span::raw(head),
        Span::styled(due, style),
        Span::raw(" "),
        Span::raw(cut(&summary, rest)),
    ])
}
