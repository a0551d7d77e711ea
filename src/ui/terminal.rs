//! The terminal's modes: entered once, undone on quit, on error, on panic
//! and on SIGTERM/SIGHUP, so a killed desk never leaves a broken shell.

use std::io::{Stdout, stdout};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Undoes every mode we enabled; safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
}

/// Restores the terminal when dropped (normal exit and `?` errors).
pub struct Guard {
    pub terminal: Term,
    /// Set by SIGTERM or SIGHUP: the loop ends and the guard restores.
    pub stop: Arc<AtomicBool>,
}

impl Guard {
    pub fn enter() -> std::io::Result<Guard> {
        let stop = Arc::new(AtomicBool::new(false));
        for sig in stop_signals() {
            signal_hook::flag::register(sig, Arc::clone(&stop))?;
        }
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        enable_raw_mode()?;
        if let Err(e) = execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste) {
            restore();
            return Err(e);
        }
        let terminal = Terminal::new(CrosstermBackend::new(stdout())).inspect_err(|_| restore())?;
        Ok(Guard { terminal, stop })
    }
}

/// The signals that end the desk cleanly: a closed terminal (SIGHUP) exists on Unix only.
#[cfg(unix)]
fn stop_signals() -> [std::ffi::c_int; 2] {
    [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP]
}

#[cfg(not(unix))]
fn stop_signals() -> [std::ffi::c_int; 1] {
    [signal_hook::consts::SIGTERM]
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}
