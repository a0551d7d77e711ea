//! The 积案 screen (issue 20 point 2, the desk's side): opened from the leader's dashboard
//! (J), it lists each 积案 with why it qualifies, its 包案领导, 专班, last 会商 and progress;
//! m marks a case, b names its leader, t its team, h records a 会商, g a line of progress —
//! all through `Store::change_backlog`, as `xinfang backlog` does.

mod common;

use common::desk::Desk;
use common::tmux::have_tmux;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use xinfang::ui::app::{App, Msg, Screen};
use xinfang::ui::view;

fn render(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    term.draw(|f| view::draw(app, f)).expect("drawn");
    term.backend().to_string()
}

fn screen(d: &Desk) -> &xinfang::ui::screens::backlog::BacklogScreen {
    match &d.app.screen {
        Screen::Backlog(b) => b,
        _ => panic!("not on 积案; message: {:?}", d.app.message),
    }
}

/// Types `text` into the entry's line and goes on (Enter).
fn line(d: &mut Desk, text: &str) {
    d.send(Msg::Paste(text.into()));
    d.key(KeyCode::Enter);
}

/// The leader marks case 1, names himself its leader, a team of two, records a 会商 and a
/// line of progress; each is in the office journal's file of the case.
fn worked(h: u16) -> Desk {
    let mut d = Desk::new("赵局长", 1);
    d.send(Msg::Resize { rows: h });
    d.key(KeyCode::Char('J'));
    assert!(screen(&d).rows.is_empty());
    d.key(KeyCode::Char('m'));
    line(&mut d, "1");
    // A blank reason is named in words, the entry stays open.
    d.key(KeyCode::Enter);
    assert_eq!(d.app.message.as_deref(), Some("请填写认定理由"));
    line(&mut d, "三次来访未化解，群众情绪激动");
    assert!(screen(&d).entry.is_none(), "{:?}", d.app.message);
    assert_eq!(screen(&d).rows.len(), 1);
    d.key(KeyCode::Char('b'));
    line(&mut d, "赵局长");
    d.key(KeyCode::Char('t'));
    line(&mut d, "王强、刘洋");
    d.key(KeyCode::Char('h'));
    d.key(KeyCode::Enter); // today's date, as offered
    line(&mut d, "赵局长、王强、刘洋");
    line(&mut d, "先行垫付补偿款，街道办一周内出具方案");
    d.key(KeyCode::Char('g'));
    line(&mut d, "已与信访人面谈，同意等待方案");
    assert!(screen(&d).entry.is_none(), "{:?}", d.app.message);
    d
}

#[test]
fn a_leader_marks_a_case_and_keeps_its_file() {
    let d = worked(40);
    let rows = d.store.backlog(d.app.today).expect("the list");
    let f = &rows[0].file;
    assert_eq!(f.leader.as_deref(), Some("赵局长"));
    assert_eq!(f.team, ["王强", "刘洋"]);
    assert_eq!(f.meetings.len(), 1);
    assert_eq!(f.meetings[0].participants.len(), 3);
    assert_eq!(f.meetings[0].on, d.app.today);
    assert_eq!(f.progress.len(), 1);
}

#[test]
fn the_backlog_screen_at_120x40_and_80x24() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut d = worked(h);
        let shown = render(&d.app, w, h);
        for part in ["信访积案（1）", "领导认定", "赵局长", "先行垫付"] {
            assert!(shown.contains(part), "{part}:\n{shown}");
        }
        insta::assert_snapshot!(format!("backlog_{w}x{h}"), shown);
        d.key(KeyCode::Char('h'));
        insta::assert_snapshot!(
            format!("backlog_meeting_entry_{w}x{h}"),
            render(&d.app, w, h)
        );
    }
}

#[test]
fn the_dashboard_footer_shows_the_backlog_key() {
    let d = Desk::new("赵局长", 1);
    let shown = render(&d.app, 120, 40);
    let footer = shown.lines().last().unwrap_or_default();
    assert!(footer.contains("J 积案"), "{footer}");
}

/// J opens 积案 from the queue as from the dashboard (it did nothing there, silently); each
/// sees the 积案 they may see.
#[test]
fn j_in_the_queue_opens_the_backlog() {
    for who in ["李娜", "赵局长"] {
        let mut d = Desk::new(who, 1);
        if matches!(d.app.screen, Screen::Dashboard(_)) {
            d.key(KeyCode::Char('w'));
        }
        assert!(matches!(d.app.screen, Screen::Queue(_)), "{who}");
        d.key(KeyCode::Char('J'));
        assert!(screen(&d).rows.is_empty(), "{who}");
    }
}

/// The leader on 积案, case 1 marked by hand.
fn one_marked() -> Desk {
    let mut d = Desk::new("赵局长", 1);
    d.key(KeyCode::Char('J'));
    d.key(KeyCode::Char('m'));
    line(&mut d, "1");
    line(&mut d, "长期未化解");
    d
}

#[test]
fn a_refusal_keeps_the_entry_open() {
    let mut d = one_marked();
    d.key(KeyCode::Char('b'));
    // 王强 is a handler, not a leader: refused, the entry stays with what was typed.
    line(&mut d, "王强");
    assert!(screen(&d).entry.is_some());
    let said = d.app.message.clone().unwrap_or_default();
    assert!(said.contains("王强"), "{said}");
}

/// The 会商's date the entry fills in (today) is replaced by the first key typed, not
/// added to; a day still to come is refused in words, the entry kept.
#[test]
fn a_meeting_date_typed_replaces_today_and_may_not_be_later() {
    let mut d = one_marked();
    d.key(KeyCode::Char('h'));
    let later = (d.app.today + chrono::Duration::days(3)).to_string();
    for c in later.chars() {
        d.key(KeyCode::Char(c));
    }
    let typed = |d: &Desk| {
        screen(d)
            .entry
            .as_ref()
            .map(|e| e.slots[0].field.value().to_owned())
    };
    assert_eq!(typed(&d), Some(later.clone()));
    d.key(KeyCode::Enter);
    line(&mut d, "赵局长");
    line(&mut d, "约谈信访人");
    assert!(screen(&d).entry.is_some());
    let said = d.app.message.clone().unwrap_or_default();
    assert!(said.contains("晚于今天"), "{said}");
    assert_eq!(typed(&d), Some(later));
}

/// The real binary: the leader opens 积案 from the dashboard, marks 2026-0001 and records a
/// 会商; `xinfang backlog list --json` has both.
#[test]
fn a_leader_marks_a_case_and_records_a_meeting_in_the_terminal() {
    if !have_tmux() {
        eprintln!("tmux not installed: skipped");
        return;
    }
    let l = common::Ledger::new();
    l.apply_ok(include_str!("fixtures/session.jsonl"));
    let d = common::tmux::Desk::start(&l, "backlog", Some("赵建国"));
    d.sees("领导视图");
    // This office has no letterhead: its leader is told so where the footer's keys are
    // (`the_dashboard_footer_shows_the_backlog_key` pins J there).
    d.sees("本单位信息");
    d.keys(&["J"]);
    d.sees("信访积案（");
    d.keys(&["m"]);
    d.sees("认定积案");
    // The entry offers the selected case (#2, here by the rule); Ctrl-U clears it.
    d.keys(&["C-u"]);
    d.typ("2026-0001");
    d.keys(&["Enter"]);
    d.typ("多次信访，久拖未决");
    d.keys(&["Enter"]);
    d.sees("已保存");
    d.sees("2026-0001");
    d.keys(&["h"]);
    d.sees("登记会商");
    d.keys(&["Enter"]);
    d.typ("赵建国、王强");
    d.keys(&["Enter"]);
    d.typ("由城建科牵头复核");
    d.keys(&["Enter"]);
    d.sees("已保存");
    d.sees("由城建科牵头复核");
    d.keys(&["q"]);
    assert!(common::tmux::eventually(|| !d.alive()));
    let out = common::run(&["backlog", "list", "--json", "--db", l.db()], "");
    assert!(out.stdout.contains("多次信访，久拖未决"), "{}", out.stdout);
    assert!(out.stdout.contains("由城建科牵头复核"), "{}", out.stdout);
}

/// A long list is counted from its ids and read a page at a time: 260 积案, of which the
/// screen holds the rows around the cursor only, and the last one is there when the cursor
/// gets to it.
#[test]
fn a_long_backlog_is_read_a_page_at_a_time() {
    let mut d = overdue_desk(260);
    d.key(KeyCode::Char('J'));
    let b = screen(&d);
    assert_eq!(b.ids.len(), 260);
    assert_eq!(b.rows.len(), xinfang::ui::screens::backlog::WINDOW);
    assert!(render(&d.app, 120, 40).contains("信访积案（260）"));
    for _ in 0..259 {
        d.key(KeyCode::Char('j'));
    }
    let b = screen(&d);
    assert_eq!(b.selected, 259);
    assert!(b.rows.len() <= xinfang::ui::screens::backlog::WINDOW);
    let last = b.selected_row().expect("the last row loaded").row.case.id;
    assert_eq!(last, 260);
    // Every line of the list above the cursor is drawn, none left blank.
    let drawn = render(&d.app, 120, 40);
    let listed = drawn.lines().filter(|l| l.contains("超期未办结")).count();
    assert!(listed >= 25, "{drawn}");
    // Back to the top: the first rows come back in.
    for _ in 0..259 {
        d.key(KeyCode::Char('k'));
    }
    assert_eq!(screen(&d).selected_row().map(|r| r.row.case.id), Some(1));
}

/// A desk 200 days on, with `n` cases never decided: each far past its 15-day clock, so 积案.
fn overdue_desk(n: usize) -> Desk {
    let mut d = Desk::new("赵局长", 200);
    for _ in 1..n {
        d.store
            .execute(&xinfang::store::Request {
                case: None,
                expected_version: None,
                command: xinfang::domain::command::Command::Intake(Box::new(
                    common::fixture::intake_input(),
                )),
                actor: "李娜".into(),
                at: common::fixture::t(0),
            })
            .unwrap();
    }
    d
}

/// A case opened from 积案 goes back to 积案 on Esc, the cursor on the case, as the list's
/// place in a long 积案 is the leader's; from 积案 itself Esc goes home.
#[test]
fn esc_from_a_case_opened_in_the_backlog_goes_back_to_it() {
    let mut d = overdue_desk(5);
    d.key(KeyCode::Char('J'));
    d.key(KeyCode::Char('j'));
    d.key(KeyCode::Char('j'));
    let chosen = screen(&d).selected_row().map(|r| r.row.case.id);
    d.key(KeyCode::Enter);
    assert!(
        matches!(d.app.screen, Screen::Case(_)),
        "{:?}",
        d.app.message
    );
    d.key(KeyCode::Esc);
    assert_eq!(screen(&d).selected, 2);
    assert_eq!(screen(&d).selected_row().map(|r| r.row.case.id), chosen);
    d.key(KeyCode::Esc);
    assert!(matches!(d.app.screen, Screen::Dashboard(_)));
}

/// PgDn and PgUp move the cursor a screen of rows, Home and End to the first and last
/// 积案, each reading the rows it lands on: a leader reaches the 260th without 259 keys.
#[test]
fn a_long_backlog_pages_and_jumps_to_its_ends() {
    let mut d = overdue_desk(260);
    d.send(Msg::Resize { rows: 40 });
    d.key(KeyCode::Char('J'));
    let page = xinfang::ui::screens::backlog::view::list_rows(40);
    d.key(KeyCode::PageDown);
    assert_eq!(screen(&d).selected, page);
    d.key(KeyCode::Char(' '));
    assert_eq!(screen(&d).selected, 2 * page);
    d.key(KeyCode::PageUp);
    assert_eq!(screen(&d).selected, page);
    d.key(KeyCode::End);
    let b = screen(&d);
    assert_eq!(b.selected, 259);
    assert_eq!(b.selected_row().map(|r| r.row.case.id), Some(260));
    let drawn = render(&d.app, 120, 40);
    let listed = drawn.lines().filter(|l| l.contains("超期未办结")).count();
    assert_eq!(listed, page, "{drawn}");
    // No progress recorded yet: the column says so before the case's problem.
    assert!(
        drawn.contains("（未录进展）反映拆迁补偿款未到位"),
        "{drawn}"
    );
    d.key(KeyCode::PageDown);
    assert_eq!(screen(&d).selected, 259);
    // Up from the last row: the cursor moves up the page, the page stays.
    d.key(KeyCode::Char('k'));
    assert_eq!(screen(&d).selected, 258);
    let drawn = render(&d.app, 120, 40);
    assert!(drawn.contains(" #260 "), "{drawn}");
    d.key(KeyCode::Home);
    assert_eq!(screen(&d).selected_row().map(|r| r.row.case.id), Some(1));
    d.key(KeyCode::PageUp);
    assert_eq!(screen(&d).selected, 0);
}

/// The case screen says why a case is 积案 and what its file holds (the mark, 包案领导,
/// 专班, the last 会商, the latest progress), as the 积案 screen does for its selected case;
/// a case that is not 积案 says nothing of it.
#[test]
fn the_case_screen_shows_the_backlog_file() {
    let mut d = worked(60);
    d.key(KeyCode::Enter);
    assert!(
        matches!(d.app.screen, Screen::Case(_)),
        "{:?}",
        d.app.message
    );
    let shown = render(&d.app, 120, 60);
    for part in [
        "信访积案（领导认定）",
        "领导认定：赵局长",
        "三次来访未化解",
        "包案领导：赵局长",
        "专班：王强、刘洋",
        "会商（共1次",
        "先行垫付补偿款",
        "化解进展（共1条",
        "已与信访人面谈",
    ] {
        assert!(shown.contains(part), "{part}:\n{shown}");
    }
    d.app.lang = xinfang::strings::Lang::En;
    let shown = render(&d.app, 120, 60);
    for part in ["Backlog case (marked by a leader)", "owning leader: 赵局长"] {
        assert!(shown.contains(part), "{part}:\n{shown}");
    }

    let mut d = overdue_desk(2);
    d.key(KeyCode::Char('J'));
    d.key(KeyCode::Enter);
    let shown = render(&d.app, 120, 60);
    assert!(shown.contains("信访积案（超期未办结）"), "{shown}");
    assert!(
        !shown.contains("专班"),
        "an empty file says no more:\n{shown}"
    );

    let mut d = Desk::new("赵局长", 1);
    d.key(KeyCode::Char('w'));
    d.key(KeyCode::Enter);
    assert!(
        matches!(d.app.screen, Screen::Case(_)),
        "{:?}",
        d.app.message
    );
    assert!(!render(&d.app, 120, 60).contains("积案（"));
}

/// A case that was 积案 by the rule, named a 包案领导 there, and then registered (its clock
/// met, late) is no longer 积案: its case screen keeps the file and says so.
#[test]
fn a_case_no_longer_backlog_keeps_its_file_on_its_screen() {
    let mut d = overdue_desk(2);
    d.key(KeyCode::Char('J'));
    d.key(KeyCode::Char('b'));
    line(&mut d, "赵局长");
    assert!(screen(&d).entry.is_none(), "{:?}", d.app.message);
    let id = screen(&d)
        .selected_row()
        .map(|r| r.row.case.id)
        .expect("a row");
    d.store
        .execute(&xinfang::store::Request {
            case: Some(xinfang::store::CaseRef::Id(id)),
            expected_version: None,
            command: xinfang::domain::command::Command::Register(
                xinfang::domain::types::Decision::Accept,
            ),
            actor: "李娜".into(),
            at: common::fixture::t(200),
        })
        .expect("registered");
    let view = d.store.case_view(id, d.app.today, 3).expect("the case");
    let (grounds, file) = view.backlog.clone().expect("the file stays");
    assert!(grounds.is_empty(), "{grounds:?}");
    assert_eq!(file.leader.as_deref(), Some("赵局长"));
    d.app.screen = Screen::Case(Box::new(xinfang::ui::screens::case::CaseScreen::new(view)));
    let shown = render(&d.app, 120, 60);
    assert!(shown.contains("信访积案档案（现已不属积案）"), "{shown}");
    assert!(shown.contains("包案领导：赵局长"), "{shown}");
}

/// A clerk on 积案 is told at the key that marking is a leader's, not after typing the reason.
#[test]
fn a_clerk_is_told_at_the_key_that_marking_is_a_leader_s() {
    let mut d = Desk::new("李娜", 1);
    d.key(KeyCode::Char('J'));
    d.key(KeyCode::Char('m'));
    assert!(screen(&d).entry.is_none(), "no entry to type into");
    let said = d.app.message.clone().unwrap_or_default();
    assert!(said.contains("不是在岗领导"), "{said}");
}
