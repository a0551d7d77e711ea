//! The terminal desk: an Elm-style loop. `app::App::update` is pure,
//! `view::draw` is pure, `runtime` runs the store commands in between.

pub mod app;
mod attachments;
pub mod form;
pub mod keymap;
mod keys;
mod live;
mod lock;
pub mod messages;
mod preset_files;
pub mod runtime;
pub mod screens;
pub mod signin;
mod start;
mod terminal;
mod tty;
mod update;
pub mod view;
pub mod widgets;

use std::sync::atomic::Ordering;
use std::time::Duration;

use crate::clock::Clock;
use ratatui::crossterm::event::{self, Event};

use crate::domain::rules::Operator;
use crate::store::Store;
use crate::strings::Lang;
use app::{App, Msg};

/// Opens the desk on `store` until the clerk quits. An empty ledger opens
/// the setup first; with nobody named, the operator pick list.
pub fn run(
    store: &mut Store,
    lang: Lang,
    operator: Option<Operator>,
    clock: Clock,
    greeting: Option<String>,
) -> std::io::Result<()> {
    let mut guard = terminal::Guard::enter()?;
    // Attachments opened from the desk: their temporary copies go when it closes.
    let _opened = attachments::Opened;
    let tty = tty::Tty::open()?;
    let failed = |e: crate::store::StoreError| {
        std::io::Error::other(crate::strings::errors::store(lang, &e))
    };
    let first_run = store.is_first_run().map_err(failed)?;
    let operator = match operator {
        Some(o) => Some(o),
        None if first_run => start::setup(&mut guard, &tty, store, lang, clock)?,
        None => start::pick(&mut guard, &tty, store, lang)?,
    };
    let Some(operator) = operator else {
        return Ok(());
    };
    let size = guard.terminal.size()?;
    let mut app = open_app(store, lang, operator, clock, size.height).map_err(failed)?;
    if greeting.is_some() {
        app.message = greeting;
    }
    let mut rows = size.height;
    let mut seen = store.data_version().ok();
    while !app.quit && !guard.stop.load(Ordering::Relaxed) {
        // One clock read a frame: a desk left open past midnight shows,
        // counts and defaults to the new day.
        app.today = app.clock.today();
        runtime::render(&mut guard.terminal, &app)?;
        // ratatui resizes its buffers on draw; the queue's page size
        // follows here, even when the resize event itself is not read yet.
        let now_rows = guard.terminal.size()?.height;
        if now_rows != rows {
            rows = now_rows;
            runtime::dispatch(store, &mut app, Msg::Resize { rows });
            // Drawn again at once: a resize can read more (the dashboard's lists).
            continue;
        }
        match tty.wait(Duration::from_millis(DRAFT_PAUSE_MS)) {
            tty::Wait::HungUp => break,
            tty::Wait::Timeout => {
                // A pause in typing: write the form's draft now, off the
                // path from key to frame; an idle desk locks.
                runtime::idle(store, &mut app);
                runtime::dispatch(store, &mut app, Msg::Tick);
                runtime::notice_commits(store, &mut app, &mut seen);
                // A resize (SIGWINCH woke the wait) is taken now, alone: crossterm answers a
                // resize and a key read in the same poll with the resize only, and leaves the
                // key unread until the next one comes (lost, or an Esc read with it as Alt-).
                read_ready(store, &mut app, &mut guard.terminal, &mut rows)?;
                continue;
            }
            tty::Wait::Input => {}
        }
        read_ready(store, &mut app, &mut guard.terminal, &mut rows)?;
    }
    // Quit, hang-up or SIGTERM with a form open: keep what was typed.
    runtime::save_draft(store, &mut app);
    Ok(())
}

/// Everything crossterm has ready, without blocking, each to the app in turn.
fn read_ready<B: ratatui::backend::Backend>(
    store: &mut Store,
    app: &mut App,
    terminal: &mut ratatui::Terminal<B>,
    rows: &mut u16,
) -> std::io::Result<()> {
    while !app.quit && event::poll(Duration::ZERO)? {
        let msg = match event::read()? {
            Event::Key(k) => Msg::Key(k),
            Event::Paste(p) => Msg::Paste(p),
            Event::Resize(_, r) => {
                *rows = r;
                Msg::Resize { rows: r }
            }
            _ => continue,
        };
        runtime::dispatch_drawing(store, app, msg, &mut |app| {
            // Only a courtesy frame: the next one is drawn after the command anyway.
            let _ = runtime::render(terminal, app);
        });
    }
    Ok(())
}

/// The desk's sign-in screen on the key ring of a ledger not yet open: the
/// data key and who signed in, None when they quit (see `start::sign_in`).
pub fn sign_in(
    ring: &mut crate::store::Keyring,
    preselect: Option<&str>,
    lang: Lang,
    clock: Clock,
) -> std::io::Result<Option<(crate::store::DataKey, String)>> {
    let mut guard = terminal::Guard::enter()?;
    let tty = tty::Tty::open()?;
    let office = crate::strings::ui::text(lang).app;
    start::sign_in(&mut guard, &tty, ring, preselect, office, lang, clock)
}

/// The desk's first run on a path with no ledger: setup, the first leader's
/// passphrase, the encrypted ledger and its recovery key shown once (see
/// `start::create`). The open ledger and its leader; None when they quit.
pub fn create(
    path: &std::path::Path,
    office: crate::config::Office,
    lang: Lang,
    clock: Clock,
) -> std::io::Result<Option<(Store, Operator)>> {
    let mut guard = terminal::Guard::enter()?;
    let tty = tty::Tty::open()?;
    start::create(&mut guard, &tty, path, office, lang, clock)
}

/// The desk's model for `operator` with its first screen loaded, as the
/// run loop starts it (`xinfang replay` starts it the same way), on the
/// caller's `clock` (in the office's offset; today is its date).
pub fn open_app(
    store: &mut Store,
    lang: Lang,
    operator: Operator,
    clock: Clock,
    rows: u16,
) -> Result<App, crate::store::StoreError> {
    let office_name = store
        .meta("office_name")?
        .unwrap_or_else(|| crate::strings::ui::text(lang).app.to_owned());
    // Every read from here on shows what this operator may see (2022 Art 30 第三款).
    store.set_viewer(Some(crate::store::Viewer {
        operator: operator.clone(),
        mask: crate::strings::labels::masked(lang).to_owned(),
    }));
    // A save must not wait for SQLite to copy the -wal back into the ledger.
    store.checkpoint_in_background();
    let clerk = (operator.role == crate::domain::types::Role::Clerk).then(|| operator.name.clone());
    let mut app = App::new(lang, Some(operator), office_name, clock.today());
    app.clock = clock;
    app.categories = store.office().categories.clone();
    app.idle_lock_minutes = store.office().policy.idle_lock_minutes;
    // A broken keys.toml must not keep the desk shut: the built-in keys
    // apply and the first screen says what is wrong in the file.
    if let Some(path) = crate::config::keys_path() {
        match keymap::load_keymap(&path, lang) {
            Ok(keys) => app.keys = keys,
            Err(e) => app.message = Some(e),
        }
    }
    runtime::dispatch(store, &mut app, Msg::Resize { rows });
    for cmd in app.start() {
        let msg = runtime::execute(store, &app, &cmd);
        runtime::dispatch(store, &mut app, msg);
    }
    // The clerk at the window takes visitors in: her first save as quick as the next,
    // readied at the desk's first pause. A leader's desk is left alone (a rolled-back write
    // would only make its kept dashboard be read anew).
    app.warm_for = clerk;
    Ok(app)
}

/// How long typing must pause before the form's draft is written.
const DRAFT_PAUSE_MS: u64 = 250;
