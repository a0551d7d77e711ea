//! Pieces every screen draws with: a row, a popup, the footer, the clock
//! colours. A leaf under the screens' views.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};

use crate::domain::deadline::ClockStatus;
use crate::ui::app::App;

/// Red when overdue, yellow when due soon.
pub fn clock_style(status: &ClockStatus) -> Style {
    match status {
        ClockStatus::Running { overdue: true, .. } | ClockStatus::Late { .. } => {
            Style::new().fg(Color::Red)
        }
        ClockStatus::Running { due_soon: true, .. } => Style::new().fg(Color::Yellow),
        _ => Style::new(),
    }
}

/// A `w` x `h` box in the middle of `area` (cut to it), cleared, with a
/// border and `title`; what goes inside is drawn by the caller.
pub fn popup(
    frame: &mut Frame,
    area: Rect,
    w: u16,
    h: u16,
    body: ratatui::widgets::Paragraph<'_>,
    title: &str,
) {
    let (w, h) = (w.min(area.width), h.min(area.height));
    let at = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(ratatui::widgets::Clear, at);
    frame.render_widget(
        body.block(ratatui::widgets::Block::bordered().title(title)),
        at,
    );
}

/// The bottom row: the message if there is one, else the keys of `ctx`
/// (those `keep` lets through), named as that screen names them.
pub fn footer(
    app: &App,
    ctx: crate::ui::keymap::Context,
    keep: impl Fn(crate::ui::keymap::Action) -> bool,
    frame: &mut Frame,
    area: Rect,
) {
    let text = app.message.clone().unwrap_or_else(|| {
        app.keys
            .footer(ctx)
            .iter()
            .filter(|(_, a)| keep(*a))
            .map(|(label, a)| {
                format!(
                    "{label} {}",
                    crate::strings::ui::action_in(app.lang, ctx.name(), a.name())
                )
            })
            .collect::<Vec<_>>()
            .join("  ")
    });
    let line = crate::display::cut(&text, usize::from(area.width));
    frame.render_widget(
        ratatui::widgets::Paragraph::new(line)
            .style(Style::new().add_modifier(ratatui::style::Modifier::DIM)),
        row(area, area.height.saturating_sub(1)),
    );
}

/// The width of the case-number column for these cases: `2026-0137` (9) as a rule, wider
/// for a year past 9,999 cases (`2026-43210`), so a number is never cut; at most 12.
pub fn number_width<'a>(cases: impl Iterator<Item = &'a crate::domain::case::Case>) -> usize {
    cases
        .map(|c| crate::display::width(&crate::ui::form::case_name(c)))
        .max()
        .unwrap_or(0)
        .clamp(9, 12)
}

/// A one-row area at `y` of `area`.
pub fn row(area: Rect, y: u16) -> Rect {
    Rect {
        y: area.y + y,
        height: 1,
        ..area
    }
}
