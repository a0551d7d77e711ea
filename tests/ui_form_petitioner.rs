//! A petitioner row asks what DOMAIN.md lists for a petitioner: name, sex, ID type and
//! number, phone, address, work unit. A passport is registered under its type; a resident
//! ID number gives the sex as the clerk leaves it; what was typed is stored and shown.

mod common;

use common::desk::Desk;
use ratatui::crossterm::event::KeyCode;
use xinfang::domain::identity::{IdType, Sex};
use xinfang::store::CaseRef;
use xinfang::strings::form::FieldKey;

fn error_on(d: &Desk, key: FieldKey) -> Option<String> {
    d.form().in_row(0, key).and_then(|f| f.error.clone())
}

fn code_of(d: &Desk, key: FieldKey) -> String {
    let f = d.form().in_row(0, key).expect("the field");
    f.code().unwrap_or_default().to_owned()
}

#[test]
fn a_passport_is_registered_under_its_type() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("John Smith");
    d.to(FieldKey::IdNumber, Some(0));
    d.chars("E12345678");
    d.key(KeyCode::Tab);
    let error = error_on(&d, FieldKey::IdNumber).expect("not a resident ID");
    assert!(error.contains("证件类型"), "says where to choose: {error}");
    d.to(FieldKey::IdType, Some(0));
    d.chars("护照");
    assert_eq!(code_of(&d, FieldKey::IdType), "passport");
    d.key(KeyCode::Tab);
    assert_eq!(
        error_on(&d, FieldKey::IdNumber),
        None,
        "checked again as a passport's number"
    );
    d.to(FieldKey::Sex, Some(0));
    d.chars("男");
    d.fill(FieldKey::WorkUnit, "某贸易公司");
    d.fill_summary("反映经营场所租赁纠纷");
    d.ctrl('s');
    let id = d.case_id();
    let case = d.store.case(&CaseRef::Id(id), d.app.today).unwrap().case;
    let p = &case.intake.petitioners[0];
    assert_eq!(p.id_type, IdType::Passport);
    assert_eq!(p.id_number.as_deref(), Some("E12345678"));
    assert_eq!(p.sex, Some(Sex::Male));
    assert_eq!(p.work_unit.as_deref(), Some("某贸易公司"));
    // The case screen names the document and the unit.
    let shown = common::desk::drawn(&d.app);
    assert!(shown.contains("男护照E12345678"), "{shown}");
    assert!(shown.contains("工作单位：某贸易公司"), "{shown}");
}

/// Where the focus lands after one Tab.
fn after_tab(d: &mut Desk) -> FieldKey {
    d.key(KeyCode::Tab);
    d.form().fields[d.form().focus].key
}

#[test]
fn a_resident_id_gives_the_sex_and_tab_passes_what_it_settles() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("周大山");
    // Nothing typed yet: the type of no number is no stop, the sex is.
    d.to(FieldKey::WorkUnit, Some(0));
    assert_eq!(after_tab(&mut d), FieldKey::Sex);
    d.to(FieldKey::IdNumber, Some(0));
    // Seventeenth digit 1: a man.
    d.chars("110105194912310011");
    d.key(KeyCode::Tab);
    assert_eq!(error_on(&d, FieldKey::IdNumber), None);
    assert_eq!(code_of(&d, FieldKey::Sex), "male", "read from the number");
    // The usual entry costs one Tab more than before, the work unit: the type and the sex
    // the number settles are passed over.
    d.to(FieldKey::WorkUnit, Some(0));
    assert_eq!(after_tab(&mut d), FieldKey::Representative);
    // A number typed again: the sex the form filled in follows it.
    d.to(FieldKey::IdNumber, Some(0));
    d.ctrl('u');
    d.chars("11010519491231002X");
    d.key(KeyCode::Tab);
    assert_eq!(code_of(&d, FieldKey::Sex), "female");
}

/// A number changed and saved without leaving it: the sex the form had read from the old
/// number is not saved as if chosen; the ledger reads it from the number saved.
#[test]
fn a_sex_read_from_an_old_number_is_not_saved() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("周大山");
    d.to(FieldKey::IdNumber, Some(0));
    d.chars("110105194912310011");
    d.key(KeyCode::Tab);
    assert_eq!(code_of(&d, FieldKey::Sex), "male");
    d.fill_summary("反映噪音扰民");
    d.to(FieldKey::IdNumber, Some(0));
    d.ctrl('u');
    d.chars("11010519491231002X");
    d.ctrl('s');
    let id = d.case_id();
    let case = d.store.case(&CaseRef::Id(id), d.app.today).unwrap().case;
    assert_eq!(case.intake.petitioners[0].sex, Some(Sex::Female));
    let said = format!("{:?}", d.app.message);
    assert!(!said.contains("性别与身份证号码不符"), "{said}");
}

#[test]
fn a_sex_the_clerk_chose_stays_and_a_mismatch_is_said() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("周大山");
    d.to(FieldKey::Sex, Some(0));
    d.chars("男");
    d.to(FieldKey::IdNumber, Some(0));
    d.chars("11010519491231002X");
    d.key(KeyCode::Tab);
    assert_eq!(
        code_of(&d, FieldKey::Sex),
        "male",
        "the clerk's choice kept"
    );
    // Saved as chosen, with a word that the two disagree.
    d.fill_summary("反映噪音扰民");
    d.ctrl('s');
    let id = d.case_id();
    let case = d.store.case(&CaseRef::Id(id), d.app.today).unwrap().case;
    assert_eq!(case.intake.petitioners[0].sex, Some(Sex::Male));
    let said = format!("{:?}", d.app.message);
    assert!(said.contains("性别与身份证号码不符"), "{said}");
}

#[test]
fn every_channel_asks_for_the_whole_petitioner() {
    for channel in '1'..='6' {
        let mut d = Desk::new("李娜", 1);
        d.chars(&format!("n{channel}"));
        for key in [
            FieldKey::Name,
            FieldKey::Sex,
            FieldKey::IdType,
            FieldKey::IdNumber,
            FieldKey::Phone,
            FieldKey::Address,
            FieldKey::WorkUnit,
        ] {
            assert!(
                d.form().in_row(0, key).is_some(),
                "channel {channel} lacks {key}"
            );
        }
    }
}
