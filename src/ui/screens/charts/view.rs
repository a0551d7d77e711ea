//! 统计图: intake per week for the last 12 weeks (批次 as bars, 人次 in
//! the labels), and bars by category, by channel and of what is overdue by
//! department. The weekly bars use ratatui's BarChart with numbers only
//! (it centres labels by bytes); the others are drawn by display width.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph};

use crate::display::{cut, fit, width};
use crate::store::Charts;
use crate::strings::{Lang, charts as t, labels};
use crate::ui::app::App;
use crate::ui::view::parts::row;

pub fn draw(app: &App, c: &Charts, frame: &mut Frame, area: Rect) {
    let lang = app.lang;
    frame.render_widget(
        Paragraph::new(cut(&t::title(lang, app.today), usize::from(area.width))).bold(),
        row(area, 0),
    );
    let body_h = area.height.saturating_sub(2);
    let top_h = (body_h / 2).max(3).min(body_h);
    let top = Rect::new(area.x, area.y + 1, area.width, top_h);
    weekly(lang, c, frame, top);
    let bottom = Rect::new(
        area.x,
        top.y + top.height,
        area.width,
        body_h.saturating_sub(top_h),
    );
    let third = bottom.width / 3;
    let panes = panes(lang, c);
    for (k, (title, items)) in panes.into_iter().enumerate() {
        let x = bottom.x + third * k as u16;
        let w = if k == 2 {
            bottom.width - third * 2
        } else {
            third
        };
        hbars(
            lang,
            &title,
            &items,
            frame,
            Rect::new(x, bottom.y, w, bottom.height),
        );
    }
    crate::ui::view::parts::footer(
        app,
        crate::ui::keymap::Context::Charts,
        |_| true,
        frame,
        area,
    );
}

/// The weekly intake as bars, the batches and people in the title.
fn weekly(lang: Lang, c: &Charts, frame: &mut Frame, area: Rect) {
    let bars: Vec<Bar> = c
        .weeks
        .iter()
        .map(|w| {
            Bar::default()
                .value(u64::try_from(w.batches).unwrap_or(0))
                .label(Line::from(w.start.format("%m-%d").to_string()))
        })
        .collect();
    let width = (area.width.saturating_sub(2) / c.weeks.len().max(1) as u16)
        .saturating_sub(1)
        .clamp(1, 7);
    let people: i64 = c.weeks.iter().map(|w| w.people).sum();
    let batches: i64 = c.weeks.iter().map(|w| w.batches).sum();
    frame.render_widget(
        BarChart::default()
            .block(Block::bordered().title(t::weekly(lang, batches, people)))
            .data(BarGroup::default().bars(&bars))
            .bar_width(width)
            .bar_gap(1)
            .bar_style(Style::new().fg(Color::Cyan)),
        area,
    );
}

/// The three lower panes: by category, by channel, overdue by department.
fn panes(lang: Lang, c: &Charts) -> [(String, Vec<(String, i64)>); 3] {
    [
        (
            t::by_category(lang),
            c.by_category
                .iter()
                .map(|(k, n)| (k.clone(), *n))
                .collect::<Vec<_>>(),
        ),
        (
            t::by_channel(lang),
            c.by_channel
                .iter()
                .map(|(k, n)| (labels::channel(lang, *k).to_owned(), *n))
                .collect(),
        ),
        (
            t::overdue_by_department(lang),
            c.overdue_by_department
                .iter()
                .map(|(k, n)| {
                    (
                        k.clone().unwrap_or_else(|| t::unassigned(lang).to_owned()),
                        *n,
                    )
                })
                .collect(),
        ),
    ]
}

/// Horizontal bars, the longest first: a label, a bar in proportion, the
/// number; laid out by display width so Chinese labels line up.
fn hbars(lang: Lang, title: &str, items: &[(String, i64)], frame: &mut Frame, area: Rect) {
    let block = Block::bordered().title(title.to_owned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = usize::from(inner.width);
    if w == 0 {
        return;
    }
    let label_w = items
        .iter()
        .map(|(l, _)| width(l))
        .max()
        .unwrap_or(0)
        .min(w / 2);
    let max = items.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let mut lines = Vec::new();
    // A list taller than its box keeps its last line to say what is left out.
    let height = usize::from(inner.height);
    let shown = if items.len() > height {
        height.saturating_sub(1)
    } else {
        items.len()
    };
    for (label, n) in &items[..shown] {
        let num = n.to_string();
        let room = w.saturating_sub(label_w + 2 + num.len());
        let len =
            (usize::try_from(*n).unwrap_or(0) * room).div_ceil(usize::try_from(max).unwrap_or(1));
        lines.push(Line::from(format!(
            "{} {} {num}",
            fit(label, label_w),
            "█".repeat(len.min(room))
        )));
    }
    if items.is_empty() {
        lines.push(Line::from(t::nothing(lang)).dim());
    }
    let rest = &items[shown..];
    if !rest.is_empty() {
        let sum = rest.iter().map(|(_, n)| n).sum();
        lines.push(Line::from(cut(&t::more_items(lang, rest.len(), sum), w)).dim());
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::layout::Rect;

    use crate::strings::Lang;

    /// Bars cut to their box say what is left out: the 18th category of a week made its
    /// total 7 more than the bars showed.
    #[test]
    fn a_list_taller_than_its_box_says_what_is_left_out() {
        let items: Vec<(String, i64)> = (1..=5).map(|n| (format!("类{n}"), 10 - n)).collect();
        let mut term = Terminal::new(TestBackend::new(30, 5)).expect("a test terminal");
        term.draw(|f| super::hbars(Lang::Zh, "分类", &items, f, Rect::new(0, 0, 30, 5)))
            .expect("drawn");
        let drawn = term.backend().to_string();
        assert!(drawn.contains("类1") && drawn.contains("类2"), "{drawn}");
        assert!(!drawn.contains("类3"), "{drawn}");
        // 7 + 6 + 5 left out.
        assert!(drawn.contains("…另有 3 项，合计 18 件"), "{drawn}");
    }
}
