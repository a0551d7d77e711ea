//! The case screen's action forms, fed key by key: a case walked from
//! intake to archive, a stale edit, the handler list by department, a
//! value the form filled in, and the leader acting from the dashboard.

mod common;

use common::desk::{Desk, drawn};
use common::fixture::*;
use ratatui::crossterm::event::KeyCode;
use xinfang::domain::command::Command;
use xinfang::domain::types::State;
use xinfang::store::{CaseRef, Request};
use xinfang::strings::form::FieldKey;
use xinfang::ui::app::Screen;

#[test]
fn a_case_walks_from_intake_to_archive_through_the_action_forms() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("冯七");
    d.fill_summary("反映物业乱收费");
    d.ctrl('s');
    let id = d.case_id();
    // The leader's action, greyed for a clerk, says why.
    d.key(KeyCode::Char('i'));
    assert!(matches!(d.app.screen, Screen::Case(_)));
    assert!(
        d.app.message.as_deref().unwrap().contains("批示"),
        "{:?}",
        d.app.message
    );
    // 受理, said as the decision taken (a 不予受理 says so, not 登记受理).
    d.key(KeyCode::Char('d'));
    d.ctrl('s');
    assert_eq!(d.state(), State::Registered);
    assert_eq!(d.app.message.as_deref(), Some("已办理：受理"));
    // 交办 to 城建科 / 王强.
    d.key(KeyCode::Char('a'));
    d.chars("城建");
    d.key(KeyCode::Tab);
    d.chars("王强");
    d.ctrl('s');
    assert_eq!(d.state(), State::Assigned, "{:?}", d.app.message);
    // The handler's opinion, the leader's instruction.
    d.app.operator = Some(Office0::new().who("王强"));
    d.key(KeyCode::Char('o'));
    d.chars("经核查，物业收费标准符合规定");
    d.key(KeyCode::Enter);
    d.chars("建议解释说明");
    d.ctrl('s');
    d.app.operator = Some(Office0::new().who("赵局长"));
    d.key(KeyCode::Char('i'));
    d.ctrl('s');
    // The reply, prefilled with the approved opinion.
    d.app.operator = Some(Office0::new().who("李娜"));
    d.at(t(20));
    d.key(KeyCode::Char('y'));
    assert!(
        d.form()
            .text(FieldKey::ReplyText)
            .unwrap()
            .contains("物业收费")
    );
    d.to(FieldKey::Outcome, None);
    d.key(KeyCode::Right);
    d.ctrl('s');
    assert_eq!(d.state(), State::Replied, "{:?}", d.app.message);
    d.key(KeyCode::Char('v'));
    d.to(FieldKey::UnitSatisfaction, None);
    d.key(KeyCode::Right);
    d.to(FieldKey::OfficeSatisfaction, None);
    d.key(KeyCode::Right);
    d.ctrl('s');
    d.key(KeyCode::Char('g'));
    d.ctrl('s');
    assert_eq!(d.state(), State::Archived, "{:?}", d.app.message);
    let events: Vec<String> = d
        .store
        .events(id)
        .unwrap()
        .into_iter()
        .map(|e| e.op)
        .collect();
    assert_eq!(
        events,
        [
            "intake",
            "register",
            "assign",
            "opinion",
            "instruct",
            "reply",
            "return_visit",
            "archive"
        ]
    );
    assert!(d.store.check().unwrap().ok());
}

#[test]
fn a_stale_edit_is_refused_and_the_form_kept() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("冯七");
    d.fill_summary("反映物业乱收费");
    d.ctrl('s');
    let id = d.case_id();
    d.key(KeyCode::Char('d'));
    // Another desk registers the case meanwhile.
    d.store
        .execute(&Request {
            case: Some(CaseRef::Id(id)),
            expected_version: None,
            command: Command::Register(xinfang::domain::types::Decision::Accept),
            actor: "李娜".into(),
            at: t(1),
        })
        .unwrap();
    d.ctrl('s');
    assert!(
        matches!(d.app.screen, Screen::Form(_)),
        "the form stays open"
    );
    let msg = d.app.message.clone().unwrap_or_default();
    assert!(msg.contains("已被") || msg.contains("他人"), "{msg}");
}

#[test]
fn the_handler_list_follows_the_department() {
    let mut d = Desk::new("李娜", 1);
    d.registered_visit("反映学校收费");
    d.key(KeyCode::Char('a'));
    d.chars("教育");
    d.key(KeyCode::Tab);
    // 教育科's handler is 刘洋; 王强 (城建科) is not offered, the leader is.
    let f = d.form();
    let handler = f.get(FieldKey::Handler).unwrap();
    let offered: Vec<String> = handler
        .offered(f.group_of(f.focus).as_deref())
        .into_iter()
        .map(|i| match &handler.kind {
            xinfang::ui::form::Kind::Choice(o) => o[i].0.clone(),
            _ => String::new(),
        })
        .collect();
    assert_eq!(offered, ["刘洋", "赵局长"]);
    assert_eq!(handler.code(), Some("刘洋"));
    d.chars("王强");
    assert_eq!(
        d.form().get(FieldKey::Handler).unwrap().code(),
        Some("刘洋"),
        "王强 is not offered"
    );
}

#[test]
fn typing_replaces_a_value_the_form_filled_in() {
    let mut d = Desk::new("赵局长", 1);
    d.registered_visit("反映学校收费");
    d.key(KeyCode::Char('a'));
    d.ctrl('s');
    d.key(KeyCode::Char('e'));
    d.chars("20");
    assert_eq!(d.form().text(FieldKey::Days).as_deref(), Some("20"));
    // Once edited, keys add to it as usual.
    d.key(KeyCode::Backspace);
    d.chars("5");
    assert_eq!(d.form().text(FieldKey::Days).as_deref(), Some("25"));
}

#[test]
fn a_leader_acts_from_the_dashboard() {
    let mut d = Desk::new("李娜", 1);
    let steps = [
        (
            Command::Register(xinfang::domain::types::Decision::Accept),
            "李娜",
        ),
        (
            // No 包案领导 yet: the leader's `b` below takes it.
            Command::Assign {
                department: "城建科".into(),
                handler: "王强".into(),
                leader: None,
            },
            "李娜",
        ),
        (
            Command::Opinion {
                text: "已安排维修".into(),
            },
            "王强",
        ),
    ];
    for (command, actor) in steps {
        d.step(command, actor);
    }
    d.app = d.restart("赵局长");
    assert!(
        matches!(d.app.screen, Screen::Dashboard(_)),
        "a leader starts on the dashboard"
    );
    let awaiting = |d: &Desk| d.app.dash().data.awaiting.len();
    assert_eq!(awaiting(&d), 1);
    assert_eq!(d.app.dash().selected_id(), Some(1));
    // 包案 first: a confirmation form, then the case is the leader's, and the leader is
    // back on the dashboard the step was taken from (not on the case, never opened).
    d.key(KeyCode::Char('b'));
    d.ctrl('s');
    assert!(
        matches!(d.app.screen, Screen::Dashboard(_)),
        "{:?}",
        d.app.message
    );
    assert_eq!(d.app.dash().data.owned.len(), 1);
    // A step's form left unsaved goes back there too.
    d.key(KeyCode::Char('s'));
    assert!(matches!(d.app.screen, Screen::Form(_)));
    d.key(KeyCode::Esc);
    assert!(matches!(d.app.screen, Screen::Dashboard(_)));
    // Then the instruction, from the 待批示 list.
    while d.app.dash().current() != xinfang::ui::screens::dashboard::List::Awaiting {
        d.key(KeyCode::Tab);
    }
    d.key(KeyCode::Char('i'));
    // The opinion the instruction answers is under the form's title: the case was never
    // opened.
    let drawn = common::desk::drawn(&d.app);
    assert!(drawn.contains("处理意见（王强）：已安排维修"), "{drawn}");
    d.ctrl('s');
    assert!(matches!(d.app.screen, Screen::Dashboard(_)));
    assert_eq!(awaiting(&d), 0);
    let case = d.store.case(&CaseRef::Id(1), d.app.today).unwrap().case;
    assert!(case.approved_opinion().is_some());
    // / searches from the dashboard: the queue with its search line open.
    d.key(KeyCode::Char('/'));
    assert!(matches!(&d.app.screen, Screen::Queue(q) if q.search.is_some()));
    d.key(KeyCode::Esc);
    d.key(KeyCode::Char('w'));
    assert!(matches!(d.app.screen, Screen::Dashboard(_)));
    // w switches to the queue and back.
    d.key(KeyCode::Char('w'));
    assert!(matches!(d.app.screen, Screen::Queue(_)));
    d.key(KeyCode::Char('w'));
    assert!(matches!(d.app.screen, Screen::Dashboard(_)));
}

#[test]
fn an_extension_is_asked_at_the_desk_and_granted_from_the_dashboard() {
    let mut d = Desk::new("李娜", 1);
    for (command, actor) in [
        (
            Command::Register(xinfang::domain::types::Decision::Accept),
            "李娜",
        ),
        (assign("城建科", "王强"), "李娜"),
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
    d.app = d.restart("王强");
    d.key(KeyCode::Enter);
    d.key(KeyCode::Char('e'));
    assert!(
        matches!(&d.app.screen, Screen::Form(f) if matches!(f.purpose, xinfang::ui::form::Purpose::Action { op: xinfang::domain::op::Op::AskExtension, .. })),
        "{:?}",
        d.app.message
    );
    d.chars("20");
    d.key(KeyCode::Tab);
    d.chars("需委托评估");
    d.ctrl('s');
    d.app = d.restart("赵局长");
    assert_eq!(
        d.app.dash().data.awaiting.len(),
        1,
        "the request waits for the leader"
    );
    assert_eq!(d.app.dash().selected_id(), Some(1));
    d.key(KeyCode::Char('e'));
    assert_eq!(d.form().text(FieldKey::Days).as_deref(), Some("20"));
    assert_eq!(
        d.form().text(FieldKey::Reason).as_deref(),
        Some("需委托评估")
    );
    d.ctrl('s');
    let case = d.store.case(&CaseRef::Id(1), d.app.today).unwrap().case;
    assert_eq!(case.extension_days(), 20);
    assert!(matches!(d.app.screen, Screen::Dashboard(_)));
    assert_eq!(d.app.dash().data.awaiting.len(), 0);
}

/// Case 1 accepted and assigned to 城建科 / 王强, open on 赵局长's case screen, `days` after T0.
fn leader_on_assigned_case(days: i64) -> Desk {
    let mut d = Desk::new("李娜", days);
    d.step(
        Command::Register(xinfang::domain::types::Decision::Accept),
        "李娜",
    );
    d.step(assign("城建科", "王强"), "李娜");
    d.app = d.restart("赵局长");
    common::desk::open_case(&mut d.store, &mut d.app, 1);
    d
}

/// 督办's ground 逾期未办结 is offered only for a case past a due date, and the 督办要求 is
/// asked for: the report lists a 督办 under its ground, and a 督办单 says what to do.
#[test]
fn supervision_is_overdue_only_when_the_case_is() {
    let grounds = |days: i64| {
        let mut d = leader_on_assigned_case(days);
        d.key(KeyCode::Char('s'));
        let codes: Vec<String> = match d.form().get(FieldKey::SuperviseGround).map(|f| &f.kind) {
            Some(xinfang::ui::form::Kind::Choice(o)) => o.iter().map(|(c, _)| c.clone()).collect(),
            other => panic!("{other:?}"),
        };
        // Saved bare: the ground and the requirement are both asked for.
        d.ctrl('s');
        let said = d.app.message.clone().unwrap_or_default();
        assert!(said.contains("2 项需要更正"), "{said}");
        codes
    };
    let fresh = grounds(2);
    assert!(!fresh.iter().any(|c| c == "overdue"), "{fresh:?}");
    assert!(fresh.iter().any(|c| c == "leader"), "{fresh:?}");
    // 60 days to handle (Art 34): past them the ground is offered.
    let late = grounds(120);
    assert!(late.iter().any(|c| c == "overdue"), "{late:?}");
}

/// `i` on a case with no opinion awaiting a 批示 opens the 阅批 form: the leader's word on
/// the matter, kept on the case and shown on its screen.
#[test]
fn i_without_an_opinion_is_a_reading() {
    let mut d = Desk::new("李娜", 1);
    d.step(
        Command::Register(xinfang::domain::types::Decision::Accept),
        "李娜",
    );
    d.app = d.restart("赵局长");
    common::desk::open_case(&mut d.store, &mut d.app, 1);
    // The key says what it opens here.
    let shown = common::desk::drawn(&d.app);
    assert!(shown.contains("i阅批"), "{shown}");
    d.key(KeyCode::Char('i'));
    match &d.app.screen {
        Screen::Form(f) => assert!(
            matches!(f.form.purpose, xinfang::ui::form::Purpose::Action { op, .. } if op == xinfang::domain::op::Op::Sign),
            "{:?}",
            f.form.purpose
        ),
        other => panic!("{:?} {other:?}", d.app.message),
    }
    d.chars("请城建科牵头办理");
    d.ctrl('s');
    let case = d.store.case(&CaseRef::Id(1), d.app.today).unwrap().case;
    assert_eq!(case.readings.len(), 1);
    assert_eq!(case.state, State::Registered);
    let shown = common::desk::drawn(&d.app);
    assert!(shown.contains("阅批请城建科牵头办理（赵局长）"), "{shown}");
}

/// A clerk's `i` is told it is a leader's step, not that no opinion awaits one.
#[test]
fn a_clerk_s_i_is_told_it_is_a_leader_s() {
    let mut d = Desk::new("李娜", 1);
    d.step(
        Command::Register(xinfang::domain::types::Decision::Accept),
        "李娜",
    );
    common::desk::open_case(&mut d.store, &mut d.app, 1);
    d.key(KeyCode::Char('i'));
    assert!(!matches!(d.app.screen, Screen::Form(_)));
    let said = d.app.message.clone().unwrap_or_default();
    assert!(said.contains("领导"), "{said}");
    assert!(!said.contains("处理意见"), "{said}");
}

/// `e` on a case past its handling limit says so at once (Art 34: an extension is approved
/// within the limit) instead of opening a form that Ctrl-S would refuse.
#[test]
fn an_extension_past_the_limit_is_refused_before_the_form() {
    let open_e = |days: i64| {
        let mut d = leader_on_assigned_case(days);
        d.key(KeyCode::Char('e'));
        (
            matches!(d.app.screen, Screen::Form(_)),
            d.app.message.clone(),
        )
    };
    let (form, _) = open_e(2);
    assert!(form, "within the limit the form opens");
    let (form, said) = open_e(120);
    assert!(!form, "{said:?}");
    assert!(said.is_some_and(|m| m.contains("届满")));
}

/// A decision typed as words that match no option (a trial typed 当场答复 on a letter,
/// where it is not offered) is not saved as the option shown before them: the form says what to do, the
/// case stays undecided, and nothing typed is lost.
#[test]
fn words_matching_no_option_are_not_saved_as_the_option_shown() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("冯七");
    d.fill_summary("反映物业乱收费");
    d.ctrl('s');
    d.key(KeyCode::Char('d'));
    d.chars("转纪委");
    d.ctrl('s');
    // The form stays open with what was typed, and says what to do.
    let screen = drawn(&d.app);
    assert!(screen.contains("「转纪委」不是可选的一项"), "{screen}");
    assert!(!matches!(d.app.screen, Screen::Case(_)), "{screen}");
    d.key(KeyCode::Esc);
    d.key(KeyCode::Esc);
    assert_eq!(d.state(), State::Intake, "{:?}", d.app.message);
    assert!(matches!(d.app.screen, Screen::Case(_)));
}

/// 类型 starts unchosen: a 举报 saved without it is kept from the unit it accuses as an
/// accusation is, not passed to it as a 申诉求决 by default (Art 30 第三款; a trial passed
/// a 举报 letter to the 城建科 it accused).
#[test]
fn the_kind_of_an_item_is_not_chosen_for_the_clerk() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("冯七");
    d.fill_summary("举报城建科周志强收受好处费");
    d.ctrl('s');
    let Screen::Case(c) = &d.app.screen else {
        panic!("{:?}", d.app.message);
    };
    assert_eq!(c.row.case.intake.handling_type, None);
}
