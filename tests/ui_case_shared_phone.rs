//! The case screen's 同一信访人的其他件 lists the cases found by the petitioner's ID number,
//! phone, or name and address; one found by a shared phone under another name says so,
//! as the intake panel does, so two people are not taken for one.

mod common;

use common::desk::{drawn, given, on_case, open_case};
use common::fixture::*;
use xinfang::domain::command::Command;
use xinfang::strings::Lang;

#[test]
fn a_shared_phone_under_another_name_is_said_on_the_case_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = ledger(&dir.path().join("l.db"));
    let mut chen = intake_input();
    chen.petitioners[0].name = "陈伟".into();
    chen.petitioners[0].id_number = None;
    chen.summary = "反映楼顶漏水".into();
    let mut zhang_again = intake_input();
    zhang_again.summary = "再次反映拆迁补偿款未到位".into();
    let intake = |input| (None, Command::Intake(Box::new(input)), "李娜");
    given(
        &mut store,
        vec![intake(intake_input()), intake(chen), intake(zhang_again)],
    );
    // 陈伟's case: 张三's two cases share the phone, under another name.
    let mut app = on_case(&mut store, "李娜", Lang::Zh, t(3), 2);
    let chen = drawn(&app);
    assert!(chen.contains("同一信访人的其他件（2）"), "{chen}");
    assert!(chen.contains("⚠姓名不同（登记为张三）"), "{chen}");
    // 张三's later case: his earlier one is his (the ID number), 陈伟's is not.
    open_case(&mut store, &mut app, 3);
    let zhang = drawn(&app);
    assert!(zhang.contains("⚠姓名不同（登记为陈伟）"), "{zhang}");
    assert_eq!(zhang.matches("⚠姓名不同").count(), 1, "{zhang}");
}
