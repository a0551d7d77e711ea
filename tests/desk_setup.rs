//! The first run finishes the job (issue 17 point 4), in tmux: the setup
//! asks for the number prefix and the 复查机关 with examples, its first
//! operator is the leader, and the letterhead it wrote is in the settings.

mod common;

use common::tmux::{Desk, have_tmux};

#[test]
fn the_first_run_asks_for_the_letterhead_and_writes_it() {
    if !have_tmux() {
        eprintln!("tmux not installed: skipped");
        return;
    }
    let l = common::Ledger::empty();
    let db = l.file("new.db").display().to_string();
    let d = Desk::start_with(&l, "first", &["--db", &db]);
    d.sees("首次使用");
    d.typ("某区信访局");
    d.keys(&["Tab"]);
    d.typ("赵建国");
    d.keys(&["Tab", "Tab"]);
    d.typ("城建科 民政科");
    d.keys(&["Tab", "Tab"]);
    d.sees("如：某信");
    d.typ("某信");
    d.keys(&["Tab"]);
    d.sees("如：某市信访局");
    d.typ("某市信访局");
    d.keys(&["C-s"]);
    d.sees("为第一位领导设定口令");
    d.typ("我们的口令 long enough");
    d.keys(&["Enter"]);
    d.typ("我们的口令 long enough");
    d.keys(&["Enter"]);
    d.sees("恢复密钥（只显示这一次）");
    let screen = d.screen();
    let key = screen
        .lines()
        .map(|l| l.trim_matches(|c: char| c == '│' || c.is_whitespace()))
        .find(|l| l.len() == 69 && l.matches('-').count() == 13)
        .unwrap_or_else(|| panic!("no recovery key on:\n{screen}"))
        .to_owned();
    d.typ(key.rsplit('-').next().unwrap_or_default());
    d.keys(&["Enter"]);
    d.sees("领导视图  赵建国");
    // The letterhead: p, then o.
    d.keys(&["p"]);
    d.sees("民政科");
    d.keys(&["o"]);
    d.sees("某市信访局");
    d.sees("某信");
}
