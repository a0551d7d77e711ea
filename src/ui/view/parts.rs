//! Pieces every screen draws with: a row, a popup, the footer, the clock
//! colours. A leaf under the screens' views.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};

use crate::domain::deadline::ClockStatus;
use crate::ui::app::App;
use crate::ui::keymap::Action;

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

/// Clears `at` for a box drawn over the screen. A wide character (a Chinese one) just left
/// of it would cover the box's left border on the terminal, which draws its second half
/// there: it gives way to a space.
pub fn clear(frame: &mut Frame, at: Rect) {
    frame.render_widget(ratatui::widgets::Clear, at);
    let Some(left) = at.x.checked_sub(1) else {
        return;
    };
    let buf = frame.buffer_mut();
    for y in at.top()..at.bottom() {
        if let Some(cell) = buf.cell_mut((left, y))
            && crate::display::width(cell.symbol()) > 1
        {
            cell.set_symbol(" ");
        }
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
    clear(frame, at);
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
    let w = usize::from(area.width);
    let text = app.message.clone().unwrap_or_else(|| {
        let keys: Vec<(String, Action)> = app
            .keys
            .footer(ctx)
            .into_iter()
            .filter(|(_, a)| keep(*a) && !a.help_only())
            .map(|(label, a)| {
                let name = crate::strings::ui::action_in(app.lang, ctx.name(), a.name());
                (format!("{label} {name}"), a)
            })
            .collect();
        shortened(keys, w)
    });
    bottom_lines(&text, frame, area);
}

/// The bottom row's text, dim; a message too long for one row wraps
/// upwards over the rows above it (three, or a third of the screen when it is taller),
/// never cut mid-word: a refusal's last part says how to put it right (a trial at 80×24
/// lost exactly that part of an Art 28 refusal).
pub fn bottom_lines(text: &str, frame: &mut Frame, area: Rect) {
    let most = usize::from(area.height / 3).max(3);
    let w = usize::from(area.width);
    let mut lines = crate::display::wrap(text, w);
    if lines.len() > most {
        let rest = lines.split_off(most - 1).join(" ");
        lines.push(crate::display::cut(&rest, w));
    }
    let n = u16::try_from(lines.len())
        .unwrap_or(1)
        .min(area.height.max(1));
    let first = area.height.saturating_sub(n);
    for (k, line) in lines.into_iter().take(usize::from(n)).enumerate() {
        let at = row(area, first + k as u16);
        frame.render_widget(ratatui::widgets::Clear, at);
        frame.render_widget(
            ratatui::widgets::Paragraph::new(line)
                .style(Style::new().add_modifier(ratatui::style::Modifier::DIM)),
            at,
        );
    }
}

/// The footer's keys within `w` columns: whole keys, never one cut. The
/// moves (j/k, PgDn/PgUp), which everyone knows, go first; then keys from
/// the end, but `n` (a new intake: the window's first key), `?` (the full
/// list) and quit stay.
pub(crate) fn shortened(mut keys: Vec<(String, Action)>, w: usize) -> String {
    let joined = |k: &[(String, Action)]| {
        k.iter()
            .map(|(s, _)| s.as_str())
            .collect::<Vec<_>>()
            .join("  ")
    };
    let moves = [Action::Down, Action::Up, Action::PageDown, Action::PageUp];
    if crate::display::width(&joined(&keys)) > w {
        keys.retain(|(_, a)| !moves.contains(a));
    }
    while crate::display::width(&joined(&keys)) > w {
        let Some(i) = keys
            .iter()
            .rposition(|(_, a)| !matches!(a, Action::New | Action::Help | Action::Quit))
        else {
            break;
        };
        keys.remove(i);
    }
    joined(&keys)
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

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::layout::Rect;
    use ratatui::widgets::{Block, Paragraph};

    /// A box whose left border falls on the second half of a Chinese character still has
    /// its border on the terminal (the help over the dashboard's summaries lost it).
    #[test]
    fn a_box_keeps_its_left_border_over_chinese_text() {
        let mut term = Terminal::new(TestBackend::new(20, 4)).expect("a test terminal");
        term.draw(|f| {
            for y in 0..4 {
                let text = Paragraph::new("信访人来访反映情况");
                f.render_widget(text, Rect::new(0, y, 20, 1));
            }
            let at = Rect::new(5, 0, 10, 4);
            super::clear(f, at);
            f.render_widget(Block::bordered(), at);
        })
        .expect("drawn");
        let buf = term.backend().buffer();
        let left: Vec<&str> = (0..4).map(|y| buf[(5, y)].symbol()).collect();
        assert_eq!(left, ["┌", "│", "│", "└"]);
        // The character cut in half gives way to a space; the one before stays.
        assert_eq!(buf[(4, 1)].symbol(), " ");
        assert_eq!(buf[(2, 1)].symbol(), "访");
    }

    /// A long refusal at 80×24 is said whole, its last words (how to put it right) included.
    #[test]
    fn a_long_message_is_said_whole_on_a_small_screen() {
        let message = format!(
            "{}请交由其他领导或单位办理。",
            "与信访事项有直接利害关系的应当回避。".repeat(8)
        );
        let mut term = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
        term.draw(|f| super::bottom_lines(&message, f, Rect::new(0, 0, 80, 24)))
            .expect("drawn");
        let shown: String = (term.backend().buffer().content().iter())
            .map(|c| c.symbol())
            .collect::<String>()
            .replace(' ', "");
        assert!(shown.contains("请交由其他领导或单位办理。"), "{shown}");
    }
}
