//! The case screen's documents, key by key: `p` opens the kinds, a digit
//! previews one in the terminal, `Enter` issues it and writes the HTML
//! beside the ledger; a kind the case cannot have yet is refused by name.

mod common;

use common::fixture::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use xinfang::domain::command::Command;
use xinfang::domain::documents::OfficeProfile;
use xinfang::domain::types::Decision;
use xinfang::store::{CaseRef, Request, Store};
use xinfang::strings::Lang;
use xinfang::ui::app::{App, Cmd, Msg, Screen};
use xinfang::ui::runtime;

struct Desk {
    dir: tempfile::TempDir,
    store: Store,
    app: App,
}

impl Desk {
    /// An accepted case 2026-0001 open on the case screen of 李娜's desk.
    fn on_accepted_case() -> Desk {
        let o = Office0::new();
        let dir = tempfile::tempdir().unwrap();
        let mut store = ledger(&dir.path().join("l.db"));
        store
            .set_office_profile(&OfficeProfile {
                name: "某区信访局".into(),
                prefix: "X信".into(),
                hotline: "12345".into(),
                review_organ: "某市信访局".into(),
                ..OfficeProfile::default()
            })
            .unwrap();
        for (case, command) in [
            (None, Command::Intake(Box::new(intake_input()))),
            (Some(CaseRef::Id(1)), Command::Register(Decision::Accept)),
        ] {
            store
                .execute(&Request {
                    case,
                    expected_version: None,
                    command,
                    actor: "李娜".into(),
                    at: t(0),
                })
                .unwrap();
        }
        let now = t(1);
        let mut app = App::new(
            Lang::Zh,
            Some(o.who("李娜")),
            "某区信访局".into(),
            now.date_naive(),
        );
        app.clock = xinfang::clock::Clock::fixed(now);
        let mut d = Desk { dir, store, app };
        d.send(Msg::Resize { rows: 30 });
        let msg = runtime::execute(&mut d.store, &d.app, &Cmd::OpenCase(1));
        d.send(msg);
        assert!(matches!(d.app.screen, Screen::Case(_)));
        d
    }

    fn send(&mut self, msg: Msg) {
        runtime::dispatch(&mut self.store, &mut self.app, msg);
    }

    fn key(&mut self, code: KeyCode) {
        self.send(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }

    fn screen(&self, w: u16, h: u16) -> String {
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        term.draw(|f| xinfang::ui::view::draw(&self.app, f))
            .unwrap();
        term.backend().to_string()
    }
}

#[test]
fn an_acceptance_notice_is_issued_from_the_case_screen() {
    let mut d = Desk::on_accepted_case();
    d.key(KeyCode::Char('p'));
    let picker = d.screen(100, 30);
    assert!(
        picker.contains("出具文书") && picker.contains("1 受理告知书"),
        "{picker}"
    );
    d.key(KeyCode::Char('1'));
    // The preview: the text with the number it will get, nothing issued yet.
    let preview = d.screen(100, 30);
    insta::assert_snapshot!("acceptance_preview_100x30", preview);
    assert!(preview.contains("X信告〔2026〕1号"), "{preview}");
    assert!(d.store.documents(1).unwrap().is_empty());
    d.key(KeyCode::Enter);
    let message = d.app.message.clone().unwrap_or_default();
    assert!(message.starts_with("已出具 X信告〔2026〕1号"), "{message}");
    let file = d.dir.path().join("documents/2026-0001_accept.html");
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.contains("受理告知书") && html.contains("张三："));
    let kept = d.store.documents(1).unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].number, "X信告〔2026〕1号");
    // Back on the case screen, which shows the issue in its timeline.
    assert!(d.app.doc().is_none());
    let case = d.screen(100, 30);
    assert!(
        case.contains("文书 X信告〔2026〕1号 受理告知书（李娜 2026-03-03）"),
        "{case}"
    );
    // Again: the kept text is reprinted, no new number.
    d.key(KeyCode::Char('p'));
    d.key(KeyCode::Char('1'));
    assert!(d.screen(100, 30).contains("已出具，重印原文"));
    d.key(KeyCode::Enter);
    assert!(
        d.app
            .message
            .clone()
            .unwrap_or_default()
            .starts_with("已重印 X信告〔2026〕1号")
    );
    assert_eq!(d.store.documents(1).unwrap().len(), 1);
}

#[test]
fn a_document_the_case_cannot_have_yet_is_refused_by_name() {
    let mut d = Desk::on_accepted_case();
    d.key(KeyCode::Char('p'));
    // 4: 延期办理告知书, with no extension granted.
    d.key(KeyCode::Char('4'));
    let message = d.app.message.clone().unwrap_or_default();
    assert!(message.contains("缺少延期决定"), "{message}");
    assert!(d.app.doc().is_some_and(|p| p.preview.is_none()));
    // Esc closes the panel; the case screen's keys work again.
    d.key(KeyCode::Esc);
    assert!(d.app.doc().is_none());
    assert!(matches!(d.app.screen, Screen::Case(_)));
    assert!(d.store.documents(1).unwrap().is_empty());
}

#[test]
fn archiving_from_the_desk_makes_the_case_file() {
    let mut d = Desk::on_accepted_case();
    for (command, actor) in [
        (
            Command::Assign {
                department: "城建科".into(),
                handler: "王强".into(),
                leader: None,
            },
            "李娜",
        ),
        (
            Command::Opinion {
                text: "经核实，已拨付".into(),
            },
            "王强",
        ),
        (
            Command::Instruct {
                approve: true,
                text: String::new(),
            },
            "赵局长",
        ),
        (
            Command::Reply {
                outcome: Some(xinfang::domain::types::Outcome::Support),
                method: xinfang::domain::types::ServiceMethod::InPerson,
                text: "经核实，已拨付".into(),
                served_at: None,
                signed: true,
            },
            "李娜",
        ),
    ] {
        d.store
            .execute(&Request {
                case: Some(CaseRef::Id(1)),
                expected_version: None,
                command,
                actor: actor.into(),
                at: t(1),
            })
            .unwrap();
    }
    let msg = runtime::execute(&mut d.store, &d.app, &Cmd::OpenCase(1));
    d.send(msg);
    // The reply letter asks its legal basis first (Art 32).
    d.key(KeyCode::Char('p'));
    d.key(KeyCode::Char('6'));
    assert!(d.screen(100, 30).contains("法律法规依据"));
    for c in "《某条例》第五条".chars() {
        d.key(KeyCode::Char(c));
    }
    d.key(KeyCode::Enter);
    let preview = d.screen(100, 30);
    assert!(preview.contains("四、依据：《某条例》第五条"), "{preview}");
    d.key(KeyCode::Enter);
    let message = d.app.message.clone().unwrap_or_default();
    assert!(message.starts_with("已出具 X信复〔2026〕1号"), "{message}");
    d.key(KeyCode::Char('g'));
    d.send(Msg::Key(KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    )));
    let message = d.app.message.clone().unwrap_or_default();
    assert!(message.contains("已出具 X信卷〔2026〕1号"), "{message}");
    assert!(
        d.dir
            .path()
            .join("documents/2026-0001_casefile.html")
            .exists()
    );
    assert!(
        d.dir
            .path()
            .join("documents/2026-0001_casefile.json")
            .exists()
    );
    assert!(d.store.check().unwrap().ok());
}

#[test]
fn a_leader_sets_the_letterhead_from_the_settings() {
    let mut d = Desk::on_accepted_case();
    d.app.operator = Some(Office0::new().who("赵局长"));
    d.key(KeyCode::Esc);
    d.key(KeyCode::Char('p'));
    assert!(matches!(d.app.screen, Screen::Settings(_)));
    d.key(KeyCode::Char('o'));
    let form = d.screen(100, 30);
    assert!(
        form.contains("单位信息") && form.contains("文号前缀"),
        "{form}"
    );
    // To the prefix (the fifth field), typed over.
    for _ in 0..4 {
        d.key(KeyCode::Tab);
    }
    for _ in 0..4 {
        d.key(KeyCode::Backspace);
    }
    for c in "Y信".chars() {
        d.key(KeyCode::Char(c));
    }
    d.send(Msg::Key(KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    )));
    assert!(
        matches!(d.app.screen, Screen::Settings(_)),
        "{:?}",
        d.app.message
    );
    let profile = d.store.office_profile().unwrap();
    assert_eq!(profile.prefix, "Y信");
    assert_eq!(profile.name, "某区信访局");
    assert_eq!(profile.hotline, "12345");
}

/// The 工作建议函 (Art 40) asks its suggestion first, like the reply its basis, and goes to
/// the unit the case is assigned to.
#[test]
fn a_work_suggestion_asks_its_suggestion_then_issues() {
    let mut d = Desk::on_accepted_case();
    d.store
        .execute(&Request {
            case: Some(CaseRef::Id(1)),
            expected_version: None,
            command: Command::Assign {
                department: "城建科".into(),
                handler: "王强".into(),
                leader: None,
            },
            actor: "李娜".into(),
            at: t(1),
        })
        .unwrap();
    let msg = runtime::execute(&mut d.store, &d.app, &Cmd::OpenCase(1));
    d.send(msg);
    // The clerk is told at once it is a leader's letter, before typing a word of it.
    d.key(KeyCode::Char('p'));
    d.key(KeyCode::Char('k'));
    d.key(KeyCode::Enter);
    let refused = d.screen(100, 30);
    assert!(refused.contains("需要领导身份"), "{refused}");
    assert!(!refused.contains("第四十条"), "{refused}");
    d.key(KeyCode::Esc);
    // A leader's letter (the 信访部门's suggestion to a unit).
    d.app.operator = Some(Office0::new().who("赵局长"));
    d.key(KeyCode::Char('p'));
    // The last kind, one up from the first.
    d.key(KeyCode::Char('k'));
    d.key(KeyCode::Enter);
    let asked = d.screen(100, 30);
    assert!(asked.contains("改进工作的建议（第四十条）"), "{asked}");
    for c in "请于十日内书面反馈整改情况".chars() {
        d.key(KeyCode::Char(c));
    }
    d.key(KeyCode::Enter);
    let preview = d.screen(100, 30);
    assert!(
        preview.contains("工作建议函") && preview.contains("请于十日内书面反馈整改情况"),
        "{preview}"
    );
    assert!(preview.contains("城建科"), "{preview}");
    d.key(KeyCode::Enter);
    let kept = d.store.documents(1).unwrap();
    assert_eq!(kept.len(), 1, "{:?}", d.app.message);
    assert_eq!(kept[0].kind, xinfang::domain::documents::DocKind::Advice);
}
