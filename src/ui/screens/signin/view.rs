//! 登录 drawn: a box in the middle of the screen (over the desk when it is the
//! idle lock) with the names, the masked passphrase (one • per character, the
//! cursor after them), the last refusal in red and the keys at its foot. Rows
//! give way from the least needed as the window shrinks; nothing panics.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{SignIn, Stage};
use crate::display::cut;
use crate::strings::Lang;
use crate::strings::signin_screen::{policy, text};
use crate::ui::screens::setup::view::place_cursor;

/// The box's inner width, at most.
const WIDTH: u16 = 72;

/// Names listed at once.
const SHOWN_NAMES: usize = 8;

pub fn draw(s: &SignIn, lang: Lang, office: &str, frame: &mut Frame, area: Rect) {
    let lines = lines(s, lang, office);
    let w = area.width.min(WIDTH + 2);
    let h = area
        .height
        .min(u16::try_from(lines.len() + 2).unwrap_or(u16::MAX));
    let boxed = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    crate::ui::view::parts::clear(frame, boxed);
    let t = text(lang);
    let title = match (s.locked, &s.stage) {
        (_, Stage::NewFirst | Stage::NewAgain) if s.reset => t.reset_title,
        (_, Stage::NewFirst | Stage::NewAgain) => t.change_title,
        (true, Stage::Enter) => t.locked_title,
        (false, Stage::Enter) => t.title,
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::raw(format!(" {title} ")).bold());
    let inner = block.inner(boxed);
    frame.render_widget(block, boxed);
    let room = usize::from(inner.width);
    for (y, (line, cursor)) in lines.into_iter().enumerate() {
        let Some(row) = super::super::setup::view::clipped_row(inner, y) else {
            break;
        };
        if let Some(x) = cursor {
            place_cursor(frame, row, x);
        }
        let shown: Vec<Span> = line
            .spans
            .into_iter()
            .map(|sp| Span::styled(cut(&sp.content, room), sp.style))
            .collect();
        frame.render_widget(Paragraph::new(Line::from(shown)), row);
    }
}

/// The box's lines, each with the cursor's column when it is the field's.
fn lines(s: &SignIn, lang: Lang, office: &str) -> Vec<(Line<'static>, Option<usize>)> {
    let t = text(lang);
    let dim = |x: &str| (Line::from(Span::raw(x.to_owned()).dim()), None);
    let mut out = Vec::new();
    match (&s.stage, s.locked) {
        (Stage::Enter, false) => out.push((Line::from(office.to_owned()).bold(), None)),
        (Stage::Enter, true) => out.push(dim(t.locked_intro)),
        (Stage::NewFirst | Stage::NewAgain, _) => {
            out.push(dim(if s.setup {
                crate::strings::signin_screen::setup_intro(lang)
            } else if s.reset {
                crate::strings::signin_screen::reset_intro(lang)
            } else {
                t.change_intro
            }));
            out.push(dim(&policy(lang)));
        }
    }
    out.push((Line::default(), None));
    out.extend(names(s, t.who));
    // A list longer than the box says so: 25 names, 8 shown, the rest a ↓ away.
    let total = s.names.len();
    if total > SHOWN_NAMES && s.stage == Stage::Enter && !s.locked {
        let first = (s.selected + 1).saturating_sub(SHOWN_NAMES);
        let last = (first + SHOWN_NAMES).min(total);
        let more = crate::strings::signin_screen::more_names(lang, first + 1, last, total);
        out.push(dim(&more));
    }
    out.push((Line::default(), None));
    if s.naming {
        return naming_lines(s, t, out);
    }
    let label = match s.stage {
        Stage::Enter => t.passphrase,
        Stage::NewFirst => t.new_passphrase,
        Stage::NewAgain => t.again,
    };
    let label = format!("{label}：");
    let masked = "•".repeat(s.field.value().chars().count());
    let at = crate::display::width(&label) + s.field.value()[..byte_at(s)].chars().count();
    out.push((
        Line::from(vec![
            Span::raw(label).bold(),
            Span::raw(masked).underlined(),
        ]),
        Some(at),
    ));
    out.push((Line::default(), None));
    out.push(match &s.message {
        Some(m) => (
            Line::from(Span::styled(m.clone(), Style::new().fg(Color::Red))),
            None,
        ),
        None => (Line::default(), None),
    });
    let keys = match (&s.stage, s.locked) {
        (Stage::Enter, false) => t.keys,
        (Stage::Enter, true) => t.locked_keys,
        (Stage::NewFirst | Stage::NewAgain, _) => t.change_keys,
    };
    out.push(dim(keys));
    out
}

/// The foot of the box while the name is chosen: what is typed finds the name; the
/// passphrase waits for Enter.
fn naming_lines(
    s: &SignIn,
    t: &crate::strings::signin_screen::SignInText,
    mut out: Vec<(Line<'static>, Option<usize>)>,
) -> Vec<(Line<'static>, Option<usize>)> {
    let label = format!("{}：", t.filter);
    let at = crate::display::width(&label) + crate::display::width(&s.filter);
    out.push((
        Line::from(vec![
            Span::raw(label).bold(),
            Span::raw(s.filter.clone()).underlined(),
        ]),
        Some(at),
    ));
    out.push((
        Line::from(vec![
            Span::raw(format!("{}：", t.passphrase)).dim(),
            Span::raw(t.name_first).dim(),
        ]),
        None,
    ));
    out.push(match &s.message {
        Some(m) => (
            Line::from(Span::styled(m.clone(), Style::new().fg(Color::Red))),
            None,
        ),
        None => (Line::default(), None),
    });
    out.push((Line::from(Span::raw(t.naming_keys).dim()), None));
    out
}

/// The names, the chosen one marked; only the chosen one when it cannot change.
fn names(s: &SignIn, who: &str) -> Vec<(Line<'static>, Option<usize>)> {
    let fixed = s.locked || s.stage != Stage::Enter;
    // A long list scrolls: the chosen name is always among those shown.
    let first = (s.selected + 1).saturating_sub(SHOWN_NAMES);
    s.names
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            if fixed {
                *i == s.selected
            } else {
                (first..first + SHOWN_NAMES).contains(i)
            }
        })
        .map(|(i, n)| {
            let chosen = i == s.selected;
            let lead = if i == first || fixed {
                format!("{who}：")
            } else {
                String::new()
            };
            let pad = " "
                .repeat(crate::display::width(&format!("{who}：")) - crate::display::width(&lead));
            let mark = if chosen && !fixed { "▶ " } else { "  " };
            let name = if chosen {
                Span::raw(n.clone()).bold().reversed()
            } else {
                Span::raw(n.clone())
            };
            (
                Line::from(vec![Span::raw(format!("{lead}{pad}{mark}")), name]),
                None,
            )
        })
        .collect()
}

/// The cursor's byte offset in the field's value.
fn byte_at(s: &SignIn) -> usize {
    let col = s.field.cursor_column();
    // A passphrase is masked one • per character: the cursor's column in the
    // value counts display columns, which the mask does not; count characters.
    let mut w = 0;
    for (i, c) in s.field.value().char_indices() {
        if w >= col {
            return i;
        }
        w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    }
    s.field.value().len()
}
