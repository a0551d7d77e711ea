//! The real binary in a real terminal (tmux), as a clerk meets it. Skipped
//! with a message when tmux is missing; `.ci/run` installs it.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

fn tmux(args: &[&str]) -> String {
    let out = Command::new("tmux").args(args).output().expect("tmux runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn have_tmux() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn alive(pid: &str) -> bool {
    std::path::Path::new(&format!("/proc/{pid}")).exists()
        && !std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| s.contains(") Z "))
}

/// Waits until `f` holds, up to five seconds.
fn eventually(mut f: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(5) {
        if f() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}

/// Starts the desk on a ledger with the README session in a tmux session
/// of its own socket; returns the socket, the ledger and the desk's pid.
fn start(name: &str) -> (String, common::Ledger, String) {
    let l = common::Ledger::new();
    l.apply_ok(include_str!("fixtures/session.jsonl"));
    let socket = l.file(&format!("{name}.sock")).to_str().unwrap().to_owned();
    let pidfile = l.file("pid");
    let bin = env!("CARGO_BIN_EXE_xinfang");
    let script = format!(
        "echo $$ > {}; exec env XINFANG_CONFIG=/nonexistent {bin} --db {} --as 李娜",
        pidfile.display(),
        l.db()
    );
    tmux(&[
        "-S",
        &socket,
        "new-session",
        "-d",
        "-x",
        "120",
        "-y",
        "40",
        &script,
    ]);
    assert!(eventually(
        || std::fs::read_to_string(&pidfile).is_ok_and(|p| !p.trim().is_empty())
    ));
    let pid = std::fs::read_to_string(&pidfile).unwrap().trim().to_owned();
    (socket, l, pid)
}

fn screen(socket: &str) -> String {
    tmux(&["-S", socket, "capture-pane", "-p"])
}

#[test]
fn search_with_a_two_character_word_and_open_the_case() {
    if !have_tmux() {
        eprintln!("tmux not installed: skipped");
        return;
    }
    let (socket, _l, pid) = start("search");
    assert!(
        eventually(|| screen(&socket).contains("2026-0001")),
        "{}",
        screen(&socket)
    );
    tmux(&["-S", &socket, "send-keys", "/"]);
    tmux(&["-S", &socket, "send-keys", "-l", "拆迁"]);
    assert!(
        eventually(|| screen(&socket).contains("检索: 拆迁")),
        "{}",
        screen(&socket)
    );
    tmux(&["-S", &socket, "send-keys", "Enter"]);
    assert!(
        eventually(|| screen(&socket).contains("办理过程")),
        "{}",
        screen(&socket)
    );
    assert!(
        screen(&socket).contains("11010519491231002X"),
        "the case screen shows the full ID"
    );
    // Esc back to the search, Esc out of it, q quits and the shell is back.
    tmux(&["-S", &socket, "send-keys", "Escape"]);
    tmux(&["-S", &socket, "send-keys", "Escape"]);
    tmux(&["-S", &socket, "send-keys", "q"]);
    assert!(eventually(|| !alive(&pid)), "q did not quit");
    tmux(&["-S", &socket, "kill-server"]);
}

#[test]
fn a_closed_terminal_ends_the_desk() {
    if !have_tmux() {
        eprintln!("tmux not installed: skipped");
        return;
    }
    let (socket, _l, pid) = start("hangup");
    assert!(eventually(|| screen(&socket).contains("2026-0001")));
    tmux(&["-S", &socket, "kill-server"]);
    assert!(
        eventually(|| !alive(&pid)),
        "the desk kept running after its terminal closed"
    );
}

#[test]
fn sigterm_ends_the_desk() {
    if !have_tmux() {
        eprintln!("tmux not installed: skipped");
        return;
    }
    let (socket, _l, pid) = start("term");
    assert!(eventually(|| screen(&socket).contains("2026-0001")));
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(eventually(|| !alive(&pid)), "SIGTERM did not end the desk");
    tmux(&["-S", &socket, "kill-server"]);
}
