//! Live desks (issue 17 point 3), with the real binary in tmux: another
//! process's commit shows on an open desk within two seconds, with the
//! cursor still on the case it was on. Skipped when tmux is missing.

mod common;

use std::time::{Duration, Instant};

use common::tmux::{Desk, eventually, have_tmux};
use serde_json::json;

const OPERATORS: &str = r#"{"op":"operator","name":"李娜","role":"clerk"}
{"op":"operator","name":"赵建国","role":"leader"}
{"op":"operator","name":"王强","role":"handler","department":"城建科"}
{"op":"department","name":"城建科"}
"#;

/// A major group visit received on `day` (March 2026) about `summary`.
fn group_visit(day: u32, summary: &str) -> String {
    json!({
        "op": "intake", "actor": "李娜", "at": format!("2026-03-{day:02}T09:00:00+08:00"),
        "channel": "visit", "people": 8, "urgency": "major",
        "petitioners": [{"name": format!("代表{day}"), "main": true, "representative": true}],
        "category": "城乡建设", "summary": summary
    })
    .to_string()
        + "\n"
}

/// Waits up to two seconds for `text` on `d`'s screen.
fn within_two_seconds(d: &Desk, text: &str) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(2) {
        if d.screen().contains(text) {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("{text:?} not shown within 2 s:\n{}", d.screen());
}

/// `xinfang apply` takes in a case while the leader's dashboard is open:
/// the list shows it within 2 s and Enter still opens the case chosen.
#[test]
fn another_process_commit_shows_on_the_open_dashboard() {
    if !have_tmux() {
        eprintln!("tmux not installed: skipped");
        return;
    }
    let l = common::Ledger::new();
    l.apply_ok(OPERATORS);
    l.apply_ok(&(group_visit(1, "甲小区供暖中断") + &group_visit(2, "乙小区道路积水")));
    let d = Desk::start(&l, "leader", Some("赵建国"));
    d.sees("重大紧急（2）");
    // The longest waiting first: 甲 on top; the cursor goes down to 乙.
    d.keys(&["j"]);
    l.apply_ok(&group_visit(3, "丙小区电梯停运"));
    within_two_seconds(&d, "重大紧急（3）");
    d.sees("丙小区电梯停运");
    d.keys(&["Enter"]);
    d.sees("办理过程");
    assert!(
        d.screen().contains("乙小区道路积水"),
        "the cursor stayed on its case:\n{}",
        d.screen()
    );
}

/// Two desks on one ledger: the clerk takes in a visitor at the window,
/// the leader's open dashboard counts it within 2 s.
#[test]
fn the_clerks_intake_shows_on_the_leaders_desk() {
    if !have_tmux() {
        eprintln!("tmux not installed: skipped");
        return;
    }
    let l = common::Ledger::new();
    l.apply_ok(OPERATORS);
    l.apply_ok(&group_visit(1, "甲小区供暖中断"));
    let leader = Desk::start(&l, "leader", Some("赵建国"));
    leader.sees("今日收件（0）");
    let clerk = Desk::start(&l, "clerk", Some("李娜"));
    clerk.sees("甲小区");
    clerk.keys(&["n", "1"]);
    clerk.sees("新登记 来访");
    clerk.typ("王伟");
    clerk.keys(&["C-s"]);
    clerk.sees("需要更正");
    clerk.typ("城");
    clerk.keys(&["C-s"]);
    clerk.typ("反映小区物业乱收费");
    clerk.keys(&["C-s"]);
    clerk.sees("已录入");
    within_two_seconds(&leader, "今日收件（1）");
    leader.sees("王伟");
    assert!(eventually(|| leader
        .screen()
        .contains("反映小区物业乱收费")));
}
