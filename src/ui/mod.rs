//! The terminal desk: an Elm-style loop. `app::App::update` is pure,
//! `view::draw` is pure, `runtime` runs the store commands in between.

pub mod app;
pub mod form;
pub mod keymap;
pub mod picker;
pub mod runtime;
pub mod setup;
mod terminal;
mod tty;
pub mod view;
pub mod widgets;

use std::sync::atomic::Ordering;
use std::time::Duration;

use chrono::NaiveDate;
use ratatui::crossterm::event::{self, Event};

use crate::domain::rules::Operator;
use crate::store::Store;
use crate::strings::Lang;
use app::{App, Msg};

/// Opens the desk on `store` until the clerk quits.
pub fn run(
    store: &mut Store,
    lang: Lang,
    operator: Option<Operator>,
    office_name: String,
    today: NaiveDate,
) -> std::io::Result<()> {
    let mut guard = terminal::Guard::enter()?;
    let mut app = App::new(lang, operator, office_name, today);
    let size = guard.terminal.size()?;
    runtime::dispatch(store, &mut app, Msg::Resize { rows: size.height });
    for cmd in app.start() {
        let msg = runtime::execute(store, &app, &cmd);
        runtime::dispatch(store, &mut app, msg);
    }
    let tty = tty::Tty::open()?;
    let mut rows = size.height;
    while !app.quit && !guard.stop.load(Ordering::Relaxed) {
        runtime::render(&mut guard.terminal, &app)?;
        // ratatui resizes its buffers on draw; the queue's page size
        // follows here, even when the resize event itself is not read yet.
        let now_rows = guard.terminal.size()?.height;
        if now_rows != rows {
            rows = now_rows;
            runtime::dispatch(store, &mut app, Msg::Resize { rows });
        }
        match tty.wait(Duration::from_millis(250)) {
            tty::Wait::HungUp => break,
            tty::Wait::Timeout => continue,
            tty::Wait::Input => {}
        }
        // Everything crossterm has ready, without blocking.
        while !app.quit && event::poll(Duration::ZERO)? {
            let msg = match event::read()? {
                Event::Key(k) => Msg::Key(k),
                Event::Paste(p) => Msg::Paste(p),
                Event::Resize(_, r) => {
                    rows = r;
                    Msg::Resize { rows: r }
                }
                _ => continue,
            };
            runtime::dispatch(store, &mut app, msg);
        }
    }
    Ok(())
}
