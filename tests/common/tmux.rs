//! The real binary in a real terminal: a tmux server of its own socket per
//! test, keys sent as a person types them, the screen read back.

use std::process::Command;
use std::time::{Duration, Instant};

use super::Ledger;

pub fn have_tmux() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Waits until `f` holds, up to five seconds.
pub fn eventually(mut f: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(5) {
        if f() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

pub struct Desk {
    pub socket: String,
    pub pid: String,
}

impl Desk {
    /// The desk on `l` as `who` (or nobody), in a 120x40 terminal.
    pub fn start(l: &Ledger, name: &str, who: Option<&str>) -> Desk {
        let mut args = vec!["--db", l.db()];
        args.extend(who.iter().flat_map(|w| ["--as", *w]));
        // Signed in as a script would be (the desk asks nobody on the terminal).
        let args = super::signed_in(&args);
        Desk::start_with(
            l,
            name,
            &args.iter().map(String::as_str).collect::<Vec<_>>(),
        )
    }

    /// The binary with `args` (as they are: nothing added), in a 120x40 terminal.
    pub fn start_with(l: &Ledger, name: &str, args: &[&str]) -> Desk {
        Desk::start_in(l, name, &[], args)
    }

    /// As `start_with`, with `vars` (`NAME=value`) in the binary's environment.
    pub fn start_in(l: &Ledger, name: &str, vars: &[&str], args: &[&str]) -> Desk {
        let socket = l.file(&format!("{name}.sock")).to_str().unwrap().to_owned();
        let pidfile = l.file(&format!("{name}.pid"));
        let _ = std::fs::remove_file(&pidfile);
        let bin = env!("CARGO_BIN_EXE_xinfang");
        let args = args.join(" ");
        let vars = vars.join(" ");
        let script = format!(
            "echo $$ > {}; exec env XINFANG_CONFIG=/nonexistent {vars} {bin} {args}",
            pidfile.display(),
        );
        let mut desk = Desk {
            socket,
            pid: String::new(),
        };
        desk.tmux(&["new-session", "-d", "-x", "120", "-y", "40", &script]);
        assert!(eventually(
            || std::fs::read_to_string(&pidfile).is_ok_and(|p| !p.trim().is_empty())
        ));
        desk.pid = std::fs::read_to_string(&pidfile).unwrap().trim().to_owned();
        desk
    }

    pub fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p"])
    }

    /// Keys by tmux name: `Tab`, `Enter`, `C-s`, `n`.
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", k]);
        }
    }

    /// Text as typed (`send-keys -l`): Chinese arrives as the input method
    /// commits it.
    pub fn typ(&self, text: &str) {
        self.tmux(&["send-keys", "-l", text]);
    }

    /// Waits for `text` on the screen; fails with the screen.
    pub fn sees(&self, text: &str) {
        assert!(
            eventually(|| self.screen().contains(text)),
            "waited for {text:?} on:\n{}",
            self.screen()
        );
    }

    /// Waits for `text` to leave the screen.
    pub fn loses(&self, text: &str) {
        assert!(
            eventually(|| !self.screen().contains(text)),
            "waited for {text:?} to go from:\n{}",
            self.screen()
        );
    }

    pub fn alive(&self) -> bool {
        let pid = &self.pid;
        std::path::Path::new(&format!("/proc/{pid}")).exists()
            && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
                .is_ok_and(|s| s.contains(") Z "))
    }

    pub fn kill_server(&self) {
        self.tmux(&["kill-server"]);
    }
}

impl Drop for Desk {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}
