//! 信访情况分析报告 on the screen: the title and what it is compared with, one table of
//! every section under a fixed header row (项目 本期 上期 环比 去年同期 同比), the overdue
//! and supervised cases under their sections. Narrow windows drop the year-on-year
//! columns, then the month-on-month change, before the labels get too short to read.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Block, LoadedReport, ReportScreen};
use crate::display::{cut, fit, width};
use crate::domain::stats::Section;
use crate::strings::{Lang, report as words, report_screen as say};
use crate::ui::app::App;
use crate::ui::keymap::Context;
use crate::ui::view::parts::{footer, row};

/// Labels narrower than this lose a pair of columns instead.
const LABEL_MIN: usize = 14;

/// The widest an item column gets (the summary takes the rest of the line): room for a
/// clock and its date in English, `handle & reply 2025-03-03`.
const ITEM_COLUMN_MAX: usize = 26;

pub fn draw(app: &App, screen: &ReportScreen, frame: &mut Frame, area: Rect) {
    let w = usize::from(area.width);
    let Some(loaded) = &screen.loaded else {
        let making = say::making(app.lang, &screen.period);
        frame.render_widget(Paragraph::new(cut(&making, w)).bold(), row(area, 0));
        footer(app, Context::Report, |_| true, frame, area);
        return;
    };
    let title = if screen.making {
        say::making(app.lang, &screen.period)
    } else {
        loaded.title.clone()
    };
    frame.render_widget(Paragraph::new(cut(&title, w)).bold(), row(area, 0));
    frame.render_widget(
        Paragraph::new(cut(&loaded.compared, w)).add_modifier(Modifier::DIM),
        row(area, 1),
    );
    let columns = Columns::fit(loaded, w, app.lang);
    let head = words::columns(app.lang);
    frame.render_widget(
        Paragraph::new(columns.line(&head.map(str::to_owned), Style::new()))
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        row(area, 2),
    );
    let body_h = usize::from(area.height.saturating_sub(4));
    let lines: Vec<Line> = body_lines(loaded, &columns, w, app.lang)
        .into_iter()
        .skip(screen.scroll)
        .take(body_h)
        .collect();
    let body = Rect {
        y: area.y + 3,
        height: area.height.saturating_sub(4),
        ..area
    };
    frame.render_widget(Paragraph::new(lines), body);
    footer(app, Context::Report, |_| true, frame, area);
}

/// Widths of the figure table: the label takes what the number columns leave.
struct Columns {
    label: usize,
    /// Widths of 本期 上期 环比 去年同期 同比; a zero width is a column dropped.
    numbers: [usize; 5],
}

impl Columns {
    fn fit(r: &LoadedReport, w: usize, lang: Lang) -> Columns {
        let head = words::columns(lang);
        let mut numbers = [0usize; 5];
        for (i, n) in numbers.iter_mut().enumerate() {
            *n = r
                .blocks
                .iter()
                .flat_map(|b| b.rows.iter())
                .map(|row| width(&row[i + 1]))
                .chain([width(head[i + 1])])
                .max()
                .unwrap_or(0);
        }
        let label = |numbers: &[usize; 5]| {
            let used: usize = numbers.iter().filter(|n| **n > 0).map(|n| n + 2).sum();
            w.saturating_sub(2 + used)
        };
        // The columns the report's tables print (a year's 上期 is its 去年同期: said once).
        let shown = crate::report::shown_columns(&r.report);
        for (i, n) in numbers.iter_mut().enumerate() {
            if !shown.contains(&(i + 1)) {
                *n = 0;
            }
        }
        // First the year-on-year pair, then the month-on-month change.
        for drop in [[3usize, 4].as_slice(), &[2]] {
            if label(&numbers) >= LABEL_MIN {
                break;
            }
            for i in drop {
                numbers[*i] = 0;
            }
        }
        // No wider than the longest label: the numbers stay next to what they count.
        let longest = r
            .blocks
            .iter()
            .flat_map(|b| b.rows.iter())
            .map(|row| width(&row[0]))
            .max()
            .unwrap_or(0)
            .max(LABEL_MIN);
        Columns {
            label: label(&numbers).min(longest),
            numbers,
        }
    }

    fn line(&self, cells: &[String; 6], value: Style) -> Line<'static> {
        let mut spans = vec![Span::raw(format!("  {}", fit(&cells[0], self.label)))];
        for (i, w) in self.numbers.iter().enumerate() {
            if *w == 0 {
                continue;
            }
            let text = format!(
                "  {}{}",
                " ".repeat(w - width(&cells[i + 1]).min(*w)),
                cells[i + 1]
            );
            let style = if i == 0 { value } else { Style::new() };
            spans.push(Span::styled(text, style));
        }
        Line::from(spans)
    }
}

fn body_lines(r: &LoadedReport, columns: &Columns, w: usize, lang: Lang) -> Vec<Line<'static>> {
    let mut lines = Vec::with_capacity(r.height());
    for b in &r.blocks {
        lines.push(Line::from(cut(&b.heading, w)).bold());
        if b.rows.is_empty() {
            lines.push(Line::from(format!("  {}", words::no_items(lang))));
        }
        for (n, cells) in b.rows.iter().enumerate() {
            // The overdue total in red when there is any: the one figure the leader acts on.
            let alarm = b.section == Section::Overdue && n == 0 && cells[1] != "0";
            let value = if alarm {
                Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
            } else {
                Style::new()
            };
            lines.push(columns.line(cells, value));
        }
        items(&mut lines, b, w);
        lines.push(Line::default());
    }
    // 情况分析, as the printed report opens with it: the leader reads the draft here too.
    let heading = format!(
        "{}{}",
        crate::strings::analysis_heads::title(lang),
        crate::strings::analysis_heads::draft_note_below(lang)
    );
    lines.push(Line::from(cut(&heading, w)).bold());
    lines.extend((r.analysis_lines(w).into_iter()).map(|l| Line::from(format!("  {l}"))));
    lines
}

/// The cases under a section: each column as wide as its widest cell (at most
/// [`ITEM_COLUMN_MAX`]), the summary in what is left; on a narrow screen the columns after
/// the case number go first, one by one, until the summary has room.
fn items(lines: &mut Vec<Line<'static>>, b: &Block, w: usize) {
    if b.items.is_empty() {
        return;
    }
    let last = b.item_head.len().saturating_sub(1);
    let col_w = |i: usize| {
        b.items
            .iter()
            .map(|r| r.get(i).map_or(0, |c| width(c)))
            .chain([width(b.item_head[i])])
            .max()
            .unwrap_or(0)
            .min(ITEM_COLUMN_MAX)
    };
    let mut shown: Vec<(usize, usize)> = (0..last).map(|i| (i, col_w(i))).collect();
    let fixed = |shown: &[(usize, usize)]| 2 + shown.iter().map(|(_, w)| w + 2).sum::<usize>();
    while fixed(&shown) + LABEL_MIN > w && shown.len() > 2 {
        shown.remove(1);
    }
    let lay = |cells: &[String]| {
        let mut l = "  ".to_owned();
        for (i, cw) in &shown {
            l.push_str(&fit(cells.get(*i).map_or("", |s| s.as_str()), *cw));
            l.push_str("  ");
        }
        let rest = w.saturating_sub(fixed(&shown));
        l.push_str(&cut(cells.get(last).map_or("", |s| s.as_str()), rest));
        l
    };
    let head: Vec<String> = b.item_head.iter().map(|s| (*s).to_owned()).collect();
    lines.push(Line::from(lay(&head)).add_modifier(Modifier::DIM));
    for row in &b.items {
        lines.push(Line::from(lay(row)));
    }
    if let Some(more) = &b.more {
        lines.push(
            Line::from(format!("  {}", cut(more, w.saturating_sub(2)))).add_modifier(Modifier::DIM),
        );
    }
}
