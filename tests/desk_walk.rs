//! The whole path in the real terminal, each person at their own desk on one ledger: the
//! clerk takes the visitor in, registers and assigns; the handler gives the opinion; the
//! leader instructs; the clerk replies, records the return visit and archives. The keys
//! each presses are counted (typed text apart, by characters) and printed.

mod common;

use std::cell::Cell;

use common::tmux::{Desk, have_tmux};

/// A desk whose keys are counted.
struct Counted {
    desk: Desk,
    keys: Cell<usize>,
    typed: Cell<usize>,
}

impl Counted {
    fn new(desk: Desk) -> Counted {
        Counted {
            desk,
            keys: Cell::new(0),
            typed: Cell::new(0),
        }
    }

    fn keys(&self, keys: &[&str]) {
        self.keys.set(self.keys.get() + keys.len());
        self.desk.keys(keys);
    }

    fn typ(&self, text: &str) {
        self.typed.set(self.typed.get() + text.chars().count());
        self.desk.typ(text);
    }

    fn sees(&self, text: &str) {
        self.desk.sees(text);
    }

    /// Opens the case whose summary holds `word` through the search line.
    fn open(&self, word: &str) {
        self.keys(&["/"]);
        self.typ(word);
        self.sees(&format!("检索: {word}"));
        self.keys(&["Enter"]);
        self.sees("办理过程");
    }
}

#[test]
fn intake_to_archive_across_three_desks_counting_keys() {
    if !have_tmux() {
        eprintln!("tmux not installed: skipped");
        return;
    }
    let l = common::Ledger::new();
    l.apply_ok(include_str!("fixtures/session.jsonl"));
    let clerk = Counted::new(Desk::start(&l, "clerk", Some("李娜")));
    let handler = Counted::new(Desk::start(&l, "handler", Some("王强")));
    let leader = Counted::new(Desk::start(&l, "leader", Some("赵建国")));
    leader.sees("领导视图");
    // The clerk: a visitor at the window, registered and assigned.
    clerk.sees("2026-0001");
    clerk.keys(&["n", "1"]);
    clerk.typ("孙立");
    clerk.keys(&["C-s"]);
    clerk.sees("2 项需要更正");
    clerk.typ("城");
    clerk.keys(&["C-s"]);
    clerk.sees("1 项需要更正");
    clerk.typ("反映井盖缺失");
    clerk.keys(&["C-s"]);
    clerk.sees("已录入");
    clerk.keys(&["d", "C-s"]);
    clerk.sees("已登记");
    // The handler follows the department (its first handler): 王强 for 城建科.
    clerk.keys(&["a"]);
    clerk.sees("承办部门");
    clerk.typ("城建");
    clerk.keys(&["C-s"]);
    clerk.sees("已交办");
    clerk.sees("王强");
    // The handler: the opinion.
    handler.sees("2026-");
    handler.open("井盖");
    handler.keys(&["o"]);
    handler.typ("已安排补装井盖");
    handler.keys(&["C-s"]);
    handler.sees("已办理：提出处理意见");
    // The leader: from the dashboard to the queue, the case, the instruction.
    leader.keys(&["w"]);
    leader.open("井盖");
    leader.keys(&["i", "C-s"]);
    leader.sees("已办理：批示");
    // The clerk's case screen caught up by itself (live desks): reply, visit, archive.
    clerk.sees("批示 同意");
    clerk.keys(&["y"]);
    clerk.sees("答复内容");
    clerk.keys(&["C-s"]);
    clerk.sees("已答复");
    // The visit's answers are the petitioner's: nothing saved until each is chosen.
    clerk.keys(&["v", "C-s"]);
    clerk.sees("需要更正");
    clerk.keys(&["Right", "Tab", "Right", "C-s"]);
    clerk.sees("已办理：回访");
    clerk.keys(&["g", "C-s"]);
    clerk.sees("已归档");
    let count = |who: &str, d: &Counted| {
        println!(
            "{who}: {} keys, {} characters typed",
            d.keys.get(),
            d.typed.get()
        );
        d.keys.get()
    };
    let total = count("clerk", &clerk) + count("handler", &handler) + count("leader", &leader);
    println!("intake → archive: {total} keys");
    let check = l.check();
    assert!(check.success(), "{}", check.stderr);
}
