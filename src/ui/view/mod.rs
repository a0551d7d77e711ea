//! Drawing: a pure function of the model. Never reads the clock or the
//! ledger. Each screen draws itself (`screens/<screen>/view.rs`); the parts
//! they share are in `parts.rs`.

pub mod parts;

use ratatui::Frame;
use ratatui::widgets::Paragraph;

use crate::strings::ui::text;
use crate::ui::app::{App, Screen};
use crate::ui::screens::{case, charts, dashboard, documents, help, offer, queue};
use crate::ui::screens::{reception, report, settings};
pub use parts::{clock_style, footer, number_width, popup, row};

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let notice = crate::display::cut(text(app.lang).too_small, usize::from(area.width));
        frame.render_widget(Paragraph::new(notice), area);
        return;
    }
    // A locked desk shows nothing of what it holds (names, ID numbers, a half-filled
    // form): the screen is kept in the model, not drawn, until the passphrase is given.
    if let Some(lock) = &app.lock {
        crate::ui::screens::signin::view::draw(lock, app.lang, &app.office_name, frame, area);
        return;
    }
    match &app.screen {
        Screen::Queue(q) => queue::view::draw(app, q, frame, area),
        Screen::Dashboard(d) => dashboard::view::draw(app, d, frame, area),
        Screen::Charts(c) => charts::view::draw(app, c, frame, area),
        Screen::Settings(s) => settings::view::draw(app, s, frame, area),
        Screen::Reception(r) => reception::view::draw(app, r, frame, area),
        Screen::Backlog(b) => crate::ui::screens::backlog::view::draw(app, b, frame, area),
        Screen::Report(r) => report::view::draw(app, r, frame, area),
        Screen::Case(c) => case::view::draw(app, c, frame, area),
        Screen::Form(f) => crate::ui::screens::form::view::draw(app, f, frame, area),
    }
    if let Screen::Case(c) = &app.screen
        && let Some(panel) = &c.doc
    {
        documents::view::draw(panel, app.lang, frame, area);
    }
    if let Some(draft) = app.offered() {
        offer::view::draw(draft, app.lang, frame, area);
    }
    if app.help {
        help::view::draw(app, frame, area);
    }
    if let Some(dialog) = &app.pass_dialog {
        crate::ui::screens::signin::view::draw(dialog, app.lang, &app.office_name, frame, area);
    }
}
