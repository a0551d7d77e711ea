//! The case screen's 同一信访人的其他件 lists the cases found by the petitioner's ID number,
//! phone, or name and address; one found by a shared phone under another name says so,
//! as the intake panel does, so two people are not taken for one.

mod common;

use common::desk::drawn;
use common::fixture::*;
use xinfang::domain::command::Command;
use xinfang::store::Request;
use xinfang::strings::Lang;
use xinfang::ui::app::{App, Cmd, Msg, Screen};
use xinfang::ui::runtime;

#[test]
fn a_shared_phone_under_another_name_is_said_on_the_case_screen() {
    let o = Office0::new();
    let dir = tempfile::tempdir().unwrap();
    let mut store = ledger(&dir.path().join("l.db"));
    let mut chen = intake_input();
    chen.petitioners[0].name = "陈伟".into();
    chen.petitioners[0].id_number = None;
    chen.summary = "反映楼顶漏水".into();
    let mut zhang_again = intake_input();
    zhang_again.summary = "再次反映拆迁补偿款未到位".into();
    for (n, input) in [intake_input(), chen, zhang_again].into_iter().enumerate() {
        store
            .execute(&Request {
                case: None,
                expected_version: None,
                command: Command::Intake(Box::new(input)),
                actor: "李娜".into(),
                at: t(n as i64),
            })
            .unwrap();
    }
    let mut app = App::new(
        Lang::Zh,
        Some(o.who("李娜")),
        "某区信访局".into(),
        t(3).date_naive(),
    );
    app.clock = xinfang::clock::Clock::fixed(t(3));
    runtime::dispatch(&mut store, &mut app, Msg::Resize { rows: 40 });
    let shown = |store: &mut xinfang::store::Store, app: &mut App, id: i64| {
        let msg = runtime::execute(store, app, &Cmd::OpenCase(id));
        runtime::dispatch(store, app, msg);
        assert!(matches!(app.screen, Screen::Case(_)), "{:?}", app.message);
        drawn(app)
    };
    // 陈伟's case: 张三's two cases share the phone, under another name.
    let chen = shown(&mut store, &mut app, 2);
    assert!(chen.contains("同一信访人的其他件（2）"), "{chen}");
    assert!(chen.contains("⚠姓名不同（登记为张三）"), "{chen}");
    // 张三's later case: his earlier one is his (the ID number), 陈伟's is not.
    let zhang = shown(&mut store, &mut app, 3);
    assert!(zhang.contains("⚠姓名不同（登记为陈伟）"), "{zhang}");
    assert_eq!(zhang.matches("⚠姓名不同").count(), 1, "{zhang}");
}
