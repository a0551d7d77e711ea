//! The friction a clerk and a leader met (issue 17 point 5), each pinned:
//! the search closes once a case is opened from it and finds an ID number,
//! Ctrl-U clears a field, F1 is help in a form, an empty queue says how
//! to begin, footers keep whole keys, long messages wrap.

mod common;

use common::desk::{Desk, drawn};
use ratatui::crossterm::event::KeyCode;
use xinfang::strings::form::FieldKey;
use xinfang::ui::app::{Msg, Screen};

#[test]
fn the_search_closes_after_a_case_is_opened_and_finds_an_id_number() {
    let mut d = Desk::new("李娜", 1);
    d.key(KeyCode::Char('/'));
    d.send(Msg::Paste("11010519491231002X".into()));
    let found: Vec<i64> = d.app.queue().rows.iter().map(|r| r.case.id).collect();
    assert_eq!(found, [1], "张三's case, by the ID number");
    d.key(KeyCode::Enter);
    assert_eq!(d.case_id(), 1);
    d.key(KeyCode::Esc);
    assert!(
        d.app.queue().search.is_none(),
        "closed when the case opened"
    );
    d.key(KeyCode::Char('/'));
    d.send(Msg::Paste("拆迁".into()));
    assert_eq!(
        d.app.queue().search.as_ref().map(|f| f.value()),
        Some("拆迁"),
        "a new search, not one typed on"
    );
}

fn name(d: &Desk) -> Option<String> {
    d.form().in_row(0, FieldKey::Name).and_then(|f| f.text())
}

#[test]
fn ctrl_u_clears_the_field_and_f1_is_help_in_a_form() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("冯七");
    assert_eq!(name(&d).as_deref(), Some("冯七"));
    d.ctrl('u');
    assert_eq!(name(&d), None);
    d.chars("王五");
    d.key(KeyCode::F(1));
    assert!(d.app.help, "F1 shows the keys");
    assert!(drawn(&d.app).contains("Ctrl-S"), "{}", drawn(&d.app));
    // Any key closes it; the form is as it was.
    d.key(KeyCode::Esc);
    assert!(!d.app.help);
    assert!(matches!(d.app.screen, Screen::Form(_)));
    assert_eq!(name(&d).as_deref(), Some("王五"));
}

#[test]
fn an_empty_queue_says_to_press_n_and_the_footer_keeps_whole_keys() {
    let mut d = Desk::new("李娜", 1);
    let shown = drawn(&d.app);
    // At 120 columns the queue's footer ends in the keys that matter, whole.
    assert!(shown.contains("n新登记"), "{shown}");
    assert!(shown.contains("?按键说明"), "{shown}");
    assert!(!shown.contains(".."), "{shown}");
    // A filter with no case: the hint to begin.
    for _ in 0..12 {
        if d.app.queue().rows.is_empty() {
            break;
        }
        d.key(KeyCode::Char('f'));
    }
    assert!(d.app.queue().rows.is_empty());
    assert!(drawn(&d.app).contains("按n新登记"), "{}", drawn(&d.app));
}

#[test]
fn a_long_message_wraps_instead_of_being_cut() {
    let mut d = Desk::new("李娜", 1);
    let long = "重大紧急事项：请立即报告本单位主要负责人，并在两小时内向上一级信访工作机构报告；涉及群体性事件的，同时通报公安机关和属地党委政府，做好稳控和疏导工作，末尾";
    d.app.message = Some(long.into());
    let shown = drawn(&d.app);
    assert!(shown.contains("重大紧急事项：请立即报告"), "{shown}");
    assert!(shown.contains("做好稳控和疏导工作，末尾"), "{shown}");
}

/// 待批示 says what waits: an extension asked, with its days and reason.
#[test]
fn awaiting_says_whether_an_opinion_or_an_extension_waits() {
    use common::fixture::assign;
    use xinfang::domain::command::Command;
    let mut d = Desk::new("李娜", 1);
    d.step(
        Command::Register(xinfang::domain::types::Decision::Accept),
        "李娜",
    );
    d.step(assign("城建科", "王强"), "李娜");
    d.step(
        Command::AskExtension {
            days: 20,
            reason: "需现场核查".into(),
        },
        "王强",
    );
    let leader = d.restart("赵局长");
    let shown = drawn(&leader);
    assert!(shown.contains("待批示（1）"), "{shown}");
    assert!(shown.contains("【申请延期20日：需现场核查】"), "{shown}");
}

/// A 重复件 joins a case that has its category and summary: Ctrl-A does not
/// demand them again (what is blank comes from the case joined).
#[test]
fn attaching_does_not_demand_the_category_and_summary() {
    let mut d = Desk::new("李娜", 3);
    d.chars("n1");
    d.chars("张三");
    d.key(KeyCode::Tab);
    d.send(Msg::Paste("11010519491231002X".into()));
    let earlier = d.form().repeats.rows[0].case.id;
    d.ctrl('a');
    assert!(
        d.app
            .message
            .as_deref()
            .unwrap_or("")
            .contains("再按 Ctrl-A")
    );
    d.ctrl('a');
    assert_eq!(d.case_id(), earlier, "{:?}", d.app.message);
    let case = d
        .store
        .case(&xinfang::store::CaseRef::Id(earlier), d.app.today)
        .unwrap()
        .case;
    assert_eq!(case.attached.len(), 1);
    // The summary left blank says the matter was raised again, not the old words as today's.
    let no = d
        .store
        .case(&xinfang::store::CaseRef::Id(earlier), d.app.today)
        .unwrap()
        .case
        .case_no;
    let no = no.unwrap_or_else(|| format!("#{earlier}"));
    assert_eq!(
        case.attached[0].summary,
        format!("再次反映{no}所涉同一问题")
    );
    // The case screen says who came again, and when.
    let at = case.attached[0]
        .received_at
        .format("%Y-%m-%d%H:%M")
        .to_string();
    let shown = drawn(&d.app);
    assert!(shown.contains(&format!("{at}来访张三")), "{shown}");
}

/// A call time later than now (the desk's clock: 09:00) is marked on its
/// field as the clerk leaves it, not first refused on save.
#[test]
fn a_future_call_time_is_marked_on_the_field() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n3");
    d.to(FieldKey::CallTime, None);
    d.ctrl('u');
    d.chars("23:30");
    d.key(KeyCode::Tab);
    let f = d.form().get(FieldKey::CallTime).unwrap();
    assert!(
        f.error.as_deref().unwrap_or("").contains("23:30 还没到"),
        "{:?}",
        f.error
    );
    d.to(FieldKey::CallTime, None);
    d.ctrl('u');
    d.chars("08:30");
    d.key(KeyCode::Tab);
    assert_eq!(d.form().get(FieldKey::CallTime).unwrap().error, None);
}

/// The case screen scrolls no further than its last line: j held down on a short case at
/// 60x16 used to scroll the whole body off the screen, leaving it blank.
#[test]
fn the_case_screen_stops_at_its_last_line() {
    use ratatui::{Terminal, backend::TestBackend};
    let draw = |d: &Desk| -> String {
        let mut term = Terminal::new(TestBackend::new(60, 16)).expect("a test terminal");
        term.draw(|f| xinfang::ui::view::draw(&d.app, f))
            .expect("drawn");
        let cells = term.backend().buffer().content().to_vec();
        let body: Vec<&str> = cells[..60 * 14].iter().map(|c| c.symbol()).collect();
        body.concat()
    };
    let mut d = Desk::new("李娜", 1);
    // A registered case whose summary wraps over several lines.
    d.registered_visit(&"反映拆迁补偿款长期未到位，".repeat(8));
    assert!(
        matches!(d.app.screen, Screen::Case(_)),
        "{:?}",
        d.app.message
    );
    let top = draw(&d);
    for _ in 0..200 {
        d.key(KeyCode::Char('j'));
    }
    let bottom = draw(&d);
    assert_ne!(bottom, top, "a case longer than its fourteen lines scrolls");
    assert!(!bottom.trim().is_empty(), "the body went blank");
    // At its end j does nothing more, and one k scrolls back at once.
    d.key(KeyCode::Char('j'));
    assert_eq!(draw(&d), bottom);
    d.key(KeyCode::Char('k'));
    assert_ne!(draw(&d), bottom);
}

/// At 80 columns a petitioner's line too long for one wraps under itself, indented, so the
/// next petitioner and the address's end are not taken for a new line of the case.
#[test]
fn a_long_petitioner_line_wraps_under_itself() {
    let mut d = common::desk::Desk::new("李娜", 1);
    let mut input = common::fixture::intake_input();
    input.petitioners[0].address =
        Some("经开区东风街道丽景湾小区二十栋三单元七零二室（东门进，右手第二栋）".into());
    let id = d.intake(input);
    let cmd = xinfang::ui::app::Cmd::OpenCase(id);
    let msg = xinfang::ui::runtime::execute(&mut d.store, &d.app, &cmd);
    d.send(msg);
    let backend = ratatui::backend::TestBackend::new(80, 24);
    let mut term = ratatui::Terminal::new(backend).unwrap();
    term.draw(|f| xinfang::ui::view::draw(&d.app, f)).unwrap();
    let shown = term.backend().to_string();
    let lines: Vec<&str> = shown.lines().collect();
    let first = (lines.iter())
        .position(|l| l.contains("张三（主）"))
        .unwrap_or_else(|| panic!("{shown}"));
    let next = lines[first + 1].trim_start_matches('"');
    assert!(next.starts_with("    "), "{shown}");
    assert!(shown.contains("右手第二栋"), "{shown}");
}
