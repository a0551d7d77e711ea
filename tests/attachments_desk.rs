//! 附件 on the desk: `A` opens a form for the file's path (a missing, unreadable or too
//! large file is refused in words and the form stays open), the case screen lists each file
//! (name, type, size, who, when), `]` picks the next, `D` removes one with a reason.

mod common;

use common::desk::{Desk, drawn};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use xinfang::strings::form::FieldKey;
use xinfang::ui::app::Screen;

fn render(d: &Desk, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| xinfang::ui::view::draw(&d.app, f)).unwrap();
    term.backend().to_string()
}

fn attach(d: &mut Desk, path: &str) {
    d.key(KeyCode::Char('A'));
    d.fill(FieldKey::FilePath, path);
    d.ctrl('s');
}

#[test]
fn a_file_is_added_listed_and_removed_from_the_case_screen() {
    let dir = tempfile::tempdir().unwrap();
    let scan = dir.path().join("来信扫描.pdf");
    std::fs::write(&scan, b"%PDF-1.4 a scanned letter").unwrap();
    let photo = dir.path().join("现场照片.jpg");
    std::fs::write(&photo, b"\xff\xd8\xff a photo").unwrap();
    let mut d = Desk::new("李娜", 1);
    d.registered_visit("反映物业乱收费");
    // A path that is not there: said, and the form stays open with what was typed.
    let missing = dir.path().join("没有这个文件.pdf");
    attach(&mut d, missing.to_str().unwrap());
    assert!(matches!(d.app.screen, Screen::Form(_)));
    let said = d.app.message.clone().unwrap_or_default();
    assert!(
        said.contains("没有这个文件.pdf") && said.contains("文件不存在"),
        "{said}"
    );
    d.ctrl('u');
    d.fill(FieldKey::FilePath, scan.to_str().unwrap());
    d.ctrl('s');
    assert!(
        matches!(d.app.screen, Screen::Case(_)),
        "{:?}",
        d.app.message
    );
    attach(&mut d, photo.to_str().unwrap());
    let shown = drawn(&d.app);
    assert!(shown.contains("附件（2）"), "{shown}");
    assert!(
        shown.contains("来信扫描.pdfapplication/pdf25B李娜"),
        "{shown}"
    );
    assert!(shown.contains("现场照片.jpgimage/jpeg"), "{shown}");
    // `]` picks the second; `D` offers the last kept one to remove, with a reason.
    d.key(KeyCode::Char(']'));
    let Screen::Case(c) = &d.app.screen else {
        panic!()
    };
    assert_eq!(c.file, 1);
    insta::assert_snapshot!("case_with_attachments_120x40", render(&d, 120, 40));
    d.key(KeyCode::Char('D'));
    assert_eq!(d.form().text(FieldKey::FileNo).as_deref(), Some("2"));
    d.fill(FieldKey::FileReason, "拍错了");
    d.ctrl('s');
    let shown = drawn(&d.app);
    assert!(shown.contains("〔已移除：拍错了〕"), "{shown}");
    let row = d
        .store
        .case(&xinfang::store::CaseRef::Id(2), d.app.today)
        .unwrap();
    assert!(row.case.attachments[1].removed.is_some());
    assert_eq!(row.case.attachments[1].sha256.len(), 64);
    // The first opens with the system's viewer (or says why not, where none is installed)
    // without waiting for it.
    d.key(KeyCode::Char('O'));
    let said = d.app.message.clone().unwrap_or_default();
    assert!(said.contains("来信扫描.pdf"), "{said}");
    // Nothing to open once the picked one is removed.
    d.key(KeyCode::Char(']'));
    d.key(KeyCode::Char('O'));
    let said = d.app.message.clone().unwrap_or_default();
    assert!(said.contains("没有可打开的附件"), "{said}");
}
