//! Waiting for input ourselves. crossterm's reader spins forever once the
//! terminal has hung up (a read that returns end-of-file is retried in a
//! loop), so a closed window or a killed tmux would leave the desk burning a
//! core. We wait on the terminal with poll(2), leave on hang-up, and call
//! crossterm only when input is there.

use std::time::Duration;

pub enum Wait {
    Input,
    Timeout,
    HungUp,
}

/// The descriptor crossterm reads keys from: stdin when it is a terminal,
/// else /dev/tty (kept open for the life of the desk).
pub struct Tty {
    #[cfg(unix)]
    fd: i32,
    #[cfg(unix)]
    _dev_tty: Option<std::fs::File>,
}

impl Tty {
    #[cfg(unix)]
    pub fn open() -> std::io::Result<Tty> {
        use std::os::fd::AsRawFd;
        // SAFETY: isatty only inspects the descriptor.
        if unsafe { libc::isatty(0) } == 1 {
            return Ok(Tty {
                fd: 0,
                _dev_tty: None,
            });
        }
        let file = std::fs::File::open("/dev/tty")?;
        Ok(Tty {
            fd: file.as_raw_fd(),
            _dev_tty: Some(file),
        })
    }

    #[cfg(not(unix))]
    pub fn open() -> std::io::Result<Tty> {
        Ok(Tty {})
    }

    #[cfg(unix)]
    pub fn wait(&self, timeout: Duration) -> Wait {
        let mut pfd = libc::pollfd {
            fd: self.fd,
            events: libc::POLLIN,
            revents: 0,
        };
        let ms = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
        // SAFETY: one valid pollfd for the duration of the call.
        let n = unsafe { libc::poll(&mut pfd, 1, ms) };
        if n < 0 {
            // Interrupted by a signal (resize, SIGTERM): let the loop look.
            return Wait::Timeout;
        }
        if pfd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            Wait::HungUp
        } else if pfd.revents & libc::POLLIN != 0 {
            Wait::Input
        } else {
            Wait::Timeout
        }
    }

    #[cfg(not(unix))]
    pub fn wait(&self, timeout: Duration) -> Wait {
        match ratatui::crossterm::event::poll(timeout) {
            Ok(true) => Wait::Input,
            Ok(false) => Wait::Timeout,
            Err(_) => Wait::HungUp,
        }
    }
}
