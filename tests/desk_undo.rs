//! The real binary in tmux: Ctrl-Z on the case screen takes back one's own last step (the
//! timeline keeps it, marked 已撤销), and says why when it cannot.

mod common;

use common::tmux::{Desk, have_tmux};

fn session() -> common::Ledger {
    let l = common::Ledger::new();
    l.apply_ok(include_str!("fixtures/session.jsonl"));
    l
}

#[test]
fn ctrl_z_undoes_the_assignment_just_made() {
    if !have_tmux() {
        eprintln!("tmux not installed: skipped");
        return;
    }
    let l = session();
    let d = Desk::start(&l, "undo", Some("赵建国"));
    d.sees("领导视图");
    d.keys(&["n", "1"]);
    d.typ("孙立");
    d.keys(&["Tab"]);
    d.keys(&["C-s"]);
    d.typ("城");
    d.keys(&["C-s"]);
    d.typ("反映路灯损坏");
    d.keys(&["C-s"]);
    d.sees("已录入");
    // Registration gave the number: Ctrl-Z says it is not taken back.
    d.keys(&["d", "C-s"]);
    d.sees("已登记");
    d.keys(&["C-z"]);
    d.sees("不能撤销「登记受理」");
    d.keys(&["a"]);
    d.sees("承办部门");
    d.typ("城建");
    d.keys(&["Tab"]);
    d.typ("王强");
    d.keys(&["C-s"]);
    d.sees("已交办");
    d.keys(&["C-z"]);
    d.sees("撤销您在本案的上一步");
    d.keys(&["C-s"]);
    d.sees("已登记");
    d.sees("（已撤销）");
    d.sees("撤销「交办」");
    let check = l.check();
    assert!(check.success(), "{}", check.stderr);
}
