//! 附件 from the real desk in a real terminal (tmux): a clerk opens a case, presses `A`,
//! types the path of a scanned letter and saves; the case screen lists it, and the file is
//! in the ledger whole. Skipped with a message when tmux is missing.

mod common;

use common::tmux::{Desk, eventually, have_tmux};
use xinfang::config::Office;
use xinfang::store::{CaseRef, Store};

#[test]
fn a_clerk_adds_a_scanned_letter_from_the_desk() {
    if !have_tmux() {
        eprintln!("tmux not installed: skipped");
        return;
    }
    let l = common::Ledger::new();
    l.apply_ok(include_str!("fixtures/session.jsonl"));
    let scan = l.file("scan-letter.pdf");
    std::fs::write(&scan, b"%PDF-1.4 the scanned letter").unwrap();
    let d = Desk::start(&l, "attach", Some("李娜"));
    d.sees("2026-0001");
    d.keys(&["/"]);
    d.typ("拆迁");
    d.keys(&["Enter"]);
    d.sees("办理过程");
    d.keys(&["A"]);
    d.sees("文件路径");
    // A path that is not there is said, and the form stays.
    d.typ("/nonexistent/nothing.pdf");
    d.keys(&["C-s"]);
    d.sees("文件不存在");
    d.keys(&["C-u"]);
    d.typ(scan.to_str().unwrap());
    d.keys(&["C-s"]);
    d.sees("附件（1）");
    d.sees("scan-letter.pdf");
    d.keys(&["Escape"]);
    d.loses("办理过程");
    d.keys(&["q"]);
    assert!(eventually(|| !d.alive()), "q did not quit");
    let store = Store::open(&l.path, Office::builtin(), &common::key()).unwrap();
    let (_, file, bytes) = store
        .attachment(&CaseRef::No("2026-0001".into()), 1)
        .unwrap();
    assert_eq!(file.stamp.by, "李娜");
    assert_eq!(bytes, b"%PDF-1.4 the scanned letter");
}
