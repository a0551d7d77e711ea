//! The case screen's timeline says what a registration decided: 受理, 不予受理, 转送 to
//! whom, 交办 to whom, 当场答复; not 登记受理 whatever the decision was.

mod common;

use common::desk::{drawn, given, on_case};
use common::fixture::*;
use xinfang::domain::command::Command;
use xinfang::domain::types::{Decision, DeclineGround};
use xinfang::store::{CaseRef, Request};
use xinfang::strings::Lang;

/// The timeline's line of a case registered with `decision`, as 李娜's case screen shows it.
fn timeline_after(decision: Decision, lang: Lang) -> String {
    let dir = tempfile::tempdir().unwrap();
    let mut store = ledger(&dir.path().join("l.db"));
    let answered = matches!(decision, Decision::Answered { .. });
    given(
        &mut store,
        vec![(None, Command::Intake(Box::new(intake_input())), "李娜")],
    );
    // Registered the next day; 当场答复 the day it came (Art 23 第二款).
    let at = match answered {
        true => t(0) + chrono::Duration::minutes(20),
        false => t(1),
    };
    let register = Request {
        case: Some(CaseRef::Id(1)),
        expected_version: None,
        command: Command::Register(decision),
        actor: "李娜".into(),
        at,
    };
    store.execute(&register).unwrap();
    drawn(&on_case(&mut store, "李娜", lang, t(2), 1))
}

#[test]
fn the_timeline_says_what_the_registration_decided() {
    let accepted = timeline_after(Decision::Accept, Lang::Zh);
    assert!(accepted.contains("李娜登记受理"), "{accepted}");
    let declined = Decision::Decline {
        ground: DeclineGround::NotCompetent,
        route: "向区人民法院起诉".into(),
        note: None,
    };
    let shown = timeline_after(declined, Lang::Zh);
    assert!(shown.contains("李娜登记·不予受理"), "{shown}");
    assert!(!shown.contains("李娜登记受理"), "{shown}");
    let shown = timeline_after(Decision::pass_on("区人社局"), Lang::Zh);
    assert!(shown.contains("李娜登记·转送区人社局"), "{shown}");
    let assigned = Decision::PassOn {
        to: "区人社局".into(),
        assign: true,
        report_by: None,
    };
    let shown = timeline_after(assigned, Lang::Zh);
    assert!(shown.contains("李娜登记·交办区人社局"), "{shown}");
    let answered = Decision::Answered {
        text: "已当场说明办理途径".into(),
    };
    let shown = timeline_after(answered, Lang::Zh);
    assert!(shown.contains("李娜登记·当场答复"), "{shown}");
    let shown = timeline_after(Decision::pass_on("区人社局"), Lang::En);
    assert!(shown.contains("registered:passonto区人社局"), "{shown}");
}
