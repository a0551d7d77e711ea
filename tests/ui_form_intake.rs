//! The intake forms (登记表), fed key by key as the clerk types them: each
//! channel's intake, petitioner rows, the repeat panel (link and 重复件),
//! choosing the channel, and the text field's editing keys in a form.

mod common;

use common::desk::Desk;
use common::fixture::*;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use xinfang::domain::types::Channel;
use xinfang::store::CaseRef;
use xinfang::strings::Lang;
use xinfang::strings::form::FieldKey;
use xinfang::ui::app::{Msg, Screen};

#[test]
fn an_anonymous_letter_with_its_postmark() {
    let mut d = Desk::new("李娜", 10);
    d.chars("n2");
    assert!(matches!(
        d.form().purpose,
        xinfang::ui::form::Purpose::Intake(Channel::Letter)
    ));
    // Unsigned: no name, but "anonymous" ticked.
    d.fill(FieldKey::Received, "");
    for _ in 0..10 {
        d.key(KeyCode::Backspace);
    }
    d.chars("2026-03-10");
    d.fill(FieldKey::Postmark, "2026-03-11");
    // Said as the clerk leaves the field, before any save.
    d.key(KeyCode::Tab);
    let said = d
        .form()
        .get(FieldKey::Postmark)
        .and_then(|f| f.error.clone());
    assert!(
        said.as_deref().is_some_and(|e| e.contains("邮戳")),
        "{said:?}"
    );
    d.to(FieldKey::Anonymous, None);
    d.key(KeyCode::Char(' '));
    d.fill(FieldKey::LetterNo, "X-17");
    d.fill_summary("反映学校食堂卫生问题");
    d.ctrl('s');
    // The postmark after the day received is refused, said in words.
    let f = d.form();
    let postmark = f.get(FieldKey::Postmark).unwrap();
    assert_eq!(f.fields[f.focus].key, FieldKey::Postmark);
    assert!(postmark.error.as_deref().unwrap().contains("邮戳"));
    assert!(d.app.message.as_deref().unwrap().contains("1 项需要更正"));
    for _ in 0..2 {
        d.key(KeyCode::Backspace);
    }
    d.chars("08");
    d.ctrl('s');
    let id = d.case_id();
    let case = d.store.case(&CaseRef::Id(id), d.app.today).unwrap().case;
    assert_eq!(case.intake.channel, Channel::Letter);
    assert!(case.intake.anonymous);
    assert!(case.intake.petitioners.is_empty());
    assert_eq!(case.intake.postmark, Some(date(2026, 3, 8)));
    assert_eq!(case.intake.letter_no.as_deref(), Some("X-17"));
    assert_eq!(case.intake.received_at.date_naive(), date(2026, 3, 10));
}

#[test]
fn a_group_visit_with_rows_a_main_petitioner_and_too_many_representatives() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("周大山");
    d.to(FieldKey::Representative, Some(0));
    d.key(KeyCode::Char(' '));
    for (n, name) in ["钱二", "孙三", "李四", "周五", "吴六"].iter().enumerate() {
        d.ctrl('n');
        assert_eq!(d.form().fields[d.form().focus].row, Some(n + 1));
        d.chars(name);
        d.to(FieldKey::Representative, Some(n + 1));
        d.key(KeyCode::Char(' '));
    }
    // Art 20: six representatives is more than five: warned, not refused.
    assert_eq!(d.form().representatives(), 6);
    // The people count followed the rows.
    assert_eq!(d.form().text(FieldKey::People).as_deref(), Some("6"));
    // 孙三 (row 3) is the main petitioner; 吴六 is removed again.
    d.to(FieldKey::Name, Some(2));
    d.ctrl('p');
    d.to(FieldKey::Name, Some(5));
    // A filled row goes on the second Ctrl-D only.
    d.ctrl('d');
    assert_eq!(d.form().rows(), 6);
    assert!(d.app.message.as_deref().unwrap().contains("再按 Ctrl-D"));
    d.ctrl('d');
    assert_eq!(d.form().rows(), 5);
    // The count that followed the rows follows them back.
    assert_eq!(d.form().text(FieldKey::People).as_deref(), Some("5"));
    d.fill_summary("集体反映小区停车位被占用");
    d.ctrl('s');
    let id = d.case_id();
    let case = d.store.case(&CaseRef::Id(id), d.app.today).unwrap().case;
    let names: Vec<&str> = case
        .intake
        .petitioners
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["周大山", "钱二", "孙三", "李四", "周五"]);
    assert_eq!(case.intake.main_petitioner().unwrap().name, "孙三");
    assert_eq!(case.intake.people, 5);
    assert!(case.intake.petitioners.iter().all(|p| p.representative));
}

/// A group counted larger than those named keeps its count when a row goes.
#[test]
fn a_counted_group_keeps_its_count_when_a_row_goes() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("周大山");
    d.ctrl('n');
    d.chars("钱二");
    d.fill(FieldKey::People, "30");
    d.to(FieldKey::Name, Some(1));
    d.ctrl('d');
    d.ctrl('d');
    assert_eq!(d.form().rows(), 1);
    assert_eq!(d.form().text(FieldKey::People).as_deref(), Some("30"));
}

#[test]
fn a_phone_call_keeps_the_callers_number_and_a_withheld_one_is_no_bar() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n3");
    d.chars("秦先生");
    d.fill(FieldKey::Phone, "010-6512 3456");
    d.fill(FieldKey::CallTime, "08:15");
    d.fill_summary("来电反映噪音");
    d.ctrl('s');
    let id = d.case_id();
    let case = d.store.case(&CaseRef::Id(id), d.app.today).unwrap().case;
    assert_eq!(case.intake.channel, Channel::Phone);
    assert_eq!(case.intake.received_at.format("%H:%M").to_string(), "08:15");
    assert!(case.intake.petitioners[0].phone.is_some());
    // A caller who withholds the number is registered all the same.
    d.key(KeyCode::Esc);
    d.chars("n3");
    d.chars("匿名来电人");
    d.fill_summary("来电反映噪音扰民");
    d.ctrl('s');
    let id = d.case_id();
    let case = d.store.case(&CaseRef::Id(id), d.app.today).unwrap().case;
    assert!(case.intake.petitioners[0].phone.is_none());
}

#[test]
fn a_referral_from_above_keeps_its_document() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n6");
    d.chars("郑红");
    d.fill(FieldKey::ReferralBody, "市信访局");
    d.fill(FieldKey::ReferralDoc, "市信转〔2026〕12号");
    d.fill(FieldKey::ReferralDeadline, "2026-04-01");
    d.fill_summary("反映征地补偿");
    d.ctrl('s');
    let id = d.case_id();
    let case = d.store.case(&CaseRef::Id(id), d.app.today).unwrap().case;
    let r = case.intake.referral.unwrap();
    assert_eq!(r.body, "市信访局");
    assert_eq!(r.doc_no.as_deref(), Some("市信转〔2026〕12号"));
    assert_eq!(r.deadline, Some(date(2026, 4, 1)));
}

#[test]
fn the_repeat_panel_links_and_attaches() {
    let mut d = Desk::new("李娜", 3);
    d.chars("n1");
    d.chars("张三");
    // A name alone is a hint only.
    assert!(d.form().repeats.name_only);
    assert_eq!(d.form().repeats.rows.len(), 1);
    d.key(KeyCode::Tab);
    d.send(Msg::Paste("11010519491231002x".into()));
    assert!(
        !d.form().repeats.name_only,
        "the ID number finds the person"
    );
    let earlier = d.form().repeats.rows[0].case.id;
    d.ctrl('l');
    assert_eq!(d.form().links, [earlier]);
    d.fill_summary("再次来访反映补偿款");
    // Attach: the earlier case is still open, so the visit joins it, on
    // the second Ctrl-A (the first says what it will do).
    d.ctrl('a');
    assert!(matches!(d.app.screen, Screen::Form(_)));
    assert!(d.app.message.as_deref().unwrap().contains("再按 Ctrl-A"));
    d.ctrl('a');
    assert_eq!(d.case_id(), earlier);
    let case = d
        .store
        .case(&CaseRef::Id(earlier), d.app.today)
        .unwrap()
        .case;
    assert_eq!(case.attached.len(), 1);
    assert_eq!(case.attached[0].summary, "再次来访反映补偿款");
    assert!(d.store.check().unwrap().ok());
    // No new case was numbered.
    assert_eq!(d.store.all_ids().unwrap(), [earlier]);
}

/// A 重复件 with 主要问题 left blank says the matter was raised again, naming the case: not
/// the old case's words, dated today (a trial's).
#[test]
fn a_blank_summary_attached_says_the_matter_was_raised_again() {
    let mut d = Desk::new("李娜", 3);
    d.chars("n1");
    d.chars("张三");
    d.key(KeyCode::Tab);
    d.send(Msg::Paste("11010519491231002x".into()));
    let earlier = d.form().repeats.rows[0].case.clone();
    d.ctrl('a');
    d.ctrl('a');
    assert_eq!(d.case_id(), earlier.id);
    let case = d
        .store
        .case(&CaseRef::Id(earlier.id), d.app.today)
        .unwrap()
        .case;
    let said = &case.attached[0].summary;
    let no = earlier
        .case_no
        .clone()
        .unwrap_or_else(|| format!("#{}", earlier.id));
    assert_eq!(said, &format!("再次反映{no}所涉同一问题"));
    assert_ne!(said, &earlier.intake.summary);
}

#[test]
fn english_labels_everywhere_in_a_form() {
    let mut d = Desk::new("李娜", 1);
    d.app.lang = Lang::En;
    d.chars("n2");
    d.ctrl('s');
    assert!(d.app.message.as_deref().unwrap().contains("to correct"));
    let f = d.form();
    for field in &f.fields {
        assert!(
            !xinfang::strings::form::label(Lang::En, field.key).is_empty(),
            "{}",
            field.key
        );
    }
}

#[test]
fn the_channel_is_picked_with_arrows_and_enter_or_esc_cancels() {
    let mut d = Desk::new("李娜", 1);
    d.key(KeyCode::Char('n'));
    d.key(KeyCode::Right);
    d.key(KeyCode::Right);
    d.key(KeyCode::Left);
    d.key(KeyCode::Right);
    d.key(KeyCode::Enter);
    assert!(matches!(
        d.form().purpose,
        xinfang::ui::form::Purpose::Intake(Channel::Phone)
    ));
    d.key(KeyCode::Esc);
    assert!(matches!(d.app.screen, Screen::Queue(_)));
    d.key(KeyCode::Char('n'));
    d.key(KeyCode::Esc);
    assert!(matches!(d.app.screen, Screen::Queue(_)));
    assert_eq!(d.app.queue().choosing_channel, None);
}

#[test]
fn a_handler_is_told_at_once_that_intake_is_not_theirs() {
    let mut d = Desk::new("王强", 1);
    d.key(KeyCode::Char('n'));
    assert_eq!(d.app.queue().choosing_channel, None);
    assert!(
        d.app.message.as_deref().unwrap().contains("接待录入"),
        "{:?}",
        d.app.message
    );
}

/// The one text field's keys in a form: Ctrl-U clears the field, word
/// moves and Home place the cursor by display column, and the form's own
/// Ctrl keys (Ctrl-N and Ctrl-D a row, Ctrl-S save) stay the form's.
#[test]
fn a_form_field_takes_the_editing_keys() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    let name = |d: &Desk| {
        d.form()
            .in_row(0, FieldKey::Name)
            .unwrap()
            .input
            .value()
            .to_owned()
    };
    d.chars("张三丰");
    d.ctrl('u');
    assert_eq!(name(&d), "");
    d.chars("周 大山");
    d.press(KeyCode::Left, KeyModifiers::CONTROL);
    d.key(KeyCode::Delete);
    d.chars("小");
    assert_eq!(name(&d), "周 小山");
    d.key(KeyCode::Home);
    d.chars("老");
    d.press(KeyCode::Char('f'), KeyModifiers::ALT);
    d.key(KeyCode::Backspace);
    assert_eq!(name(&d), "老 小山");
    let f = d.form();
    assert_eq!(f.fields[f.focus].input.cursor_column(), 2);
    assert!(f.dirty);
    d.ctrl('n');
    assert_eq!(d.form().rows(), 2);
    d.ctrl('d');
    assert_eq!(d.form().rows(), 1);
    d.fill_summary("反映噪音");
    d.ctrl('s');
    let id = d.case_id();
    let case = d.store.case(&CaseRef::Id(id), d.app.today).unwrap().case;
    assert_eq!(case.intake.petitioners[0].name, "老 小山");
}

#[test]
fn the_repeat_panel_warns_of_another_name_and_offers_the_earlier_phone_and_address() {
    let mut d = Desk::new("李娜", 3);
    d.chars("n1");
    d.chars("张四");
    d.key(KeyCode::Tab);
    d.send(Msg::Paste("11010519491231002x".into()));
    let f = d.form();
    assert!(!f.repeats.name_only, "the ID number finds the case");
    let earlier = f.repeats.rows[0].case.clone();
    // The same ID number under another name: said on the panel's row.
    assert_eq!(f.name_differs(&earlier).as_deref(), Some("张三"));
    assert!(
        common::desk::drawn(&d.app).contains("⚠姓名不同（登记为张三）"),
        "{}",
        common::desk::drawn(&d.app)
    );
    // Ctrl-O fills the blank phone and address from the earlier case, and says so.
    d.ctrl('o');
    let row = |d: &Desk, key| d.form().in_row(0, key).and_then(|f| f.text());
    assert_eq!(row(&d, FieldKey::Phone).as_deref(), Some("13800138000"));
    assert_eq!(
        row(&d, FieldKey::Address).as_deref(),
        Some("朝阳区某小区1号")
    );
    assert!(d.app.message.as_deref().unwrap().contains("请与来访人核对"));
    // A second Ctrl-O has nothing left to fill: what is typed is never overwritten.
    d.ctrl('o');
    assert!(d.app.message.as_deref().unwrap().contains("没有可采用的"));
    assert_eq!(row(&d, FieldKey::Phone).as_deref(), Some("13800138000"));
    // With the recorded name, no warning.
    d.to(FieldKey::Name, Some(0));
    d.ctrl('u');
    d.chars("张三");
    assert_eq!(d.form().name_differs(&earlier), None);
}

/// Typing to filter a choice (问题分类 "城乡") puts the terminal's cursor after what is typed,
/// where an input method opens its candidates, not after the hint that follows.
#[test]
fn the_cursor_stays_after_the_typed_filter_of_a_choice() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.to(FieldKey::Category, None);
    d.chars("城乡");
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    term.draw(|f| xinfang::ui::view::draw(&d.app, f)).unwrap();
    let cursor = ratatui::backend::Backend::get_cursor_position(term.backend_mut()).unwrap();
    let buf = term.backend().buffer().clone();
    // The row of the hint, and the column of the bracket that closes what was typed.
    let closing = (0..buf.area.height)
        .find_map(|y| {
            // The row as read, each wide character once (the cell it covers skipped).
            let mut line = String::new();
            let mut skip = 0;
            for x in 0..buf.area.width {
                let symbol = buf[(x, y)].symbol();
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                line.push_str(symbol);
                skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            }
            line.contains("「城乡」")
                .then(|| {
                    (0..buf.area.width)
                        .find(|&x| buf[(x, y)].symbol() == "」")
                        .map(|x| (x, y))
                })
                .flatten()
        })
        .expect("the typed filter on screen");
    assert_eq!((cursor.x, cursor.y), closing);
}

/// An accusation typed without 保密 brings a hint under the title (Art 30 第三款); ticking
/// 保密 takes it away.
#[test]
fn an_accusation_recalls_confidentiality() {
    let hint = "勾选「保密」";
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("周大山");
    assert!(!common::desk::drawn(&d.app).contains(hint));
    d.to(FieldKey::HandlingType, None);
    while d.form().code(FieldKey::HandlingType) != Some("accusation") {
        d.key(KeyCode::Right);
    }
    let shown = common::desk::drawn(&d.app);
    assert!(shown.contains(hint), "{shown}");
    d.to(FieldKey::Confidential, None);
    d.key(KeyCode::Char(' '));
    assert!(d.form().flag(FieldKey::Confidential));
    assert!(!common::desk::drawn(&d.app).contains(hint));
}

/// At 80 columns an ID number's error does not fit beside the value: the whole of it,
/// the remedy included, is said at the bottom while the field has the cursor.
#[test]
fn a_long_field_error_is_said_whole_at_80_columns() {
    use ratatui::{Terminal, backend::TestBackend};
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("周大山");
    d.to(FieldKey::IdNumber, Some(0));
    d.chars("E12345678");
    d.key(KeyCode::Tab);
    d.to(FieldKey::IdNumber, Some(0));
    let error = d
        .form()
        .in_row(0, FieldKey::IdNumber)
        .and_then(|f| f.error.clone());
    let error = error.expect("an error on the ID number");
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    term.draw(|f| xinfang::ui::view::draw(&d.app, f))
        .expect("drawn");
    let shown: String = (term.backend().buffer().content().iter())
        .map(|c| c.symbol())
        .filter(|s| *s != " ")
        .collect();
    let whole: String = error.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(shown.contains(&whole), "{error}\n{shown}");
}

/// An online item read two days after it was submitted counts its 15 days from the day it
/// reached the office (Art 22), as a letter does.
#[test]
fn an_online_item_keeps_the_day_it_was_received() {
    let mut d = Desk::new("李娜", 1);
    let earlier = d.app.today - chrono::Days::new(2);
    d.chars("n5");
    d.chars("陈晓明");
    d.fill(FieldKey::OnlineRef, "WS20261205-0031");
    d.fill(FieldKey::Received, &earlier.to_string());
    d.fill_summary("网上反映噪音扰民");
    d.ctrl('s');
    let id = d.case_id();
    let case = d.store.case(&CaseRef::Id(id), d.app.today).unwrap().case;
    assert_eq!(case.intake.channel, Channel::Online);
    assert_eq!(case.intake.received_at.date_naive(), earlier);
}

/// An e-mail address is checked as the clerk leaves it; a referral's deadline already past
/// (a paper referral entered late) is taken as it stands.
#[test]
fn an_email_address_is_checked_and_a_passed_deadline_is_kept() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n4");
    d.chars("陈晓明");
    d.fill(FieldKey::Email, "chenxm@@163");
    d.key(KeyCode::Tab);
    let said = d.form().get(FieldKey::Email).and_then(|f| f.error.clone());
    assert!(
        said.as_deref()
            .is_some_and(|e| e.contains("不是电子邮件地址")),
        "{said:?}"
    );
    // `fill` types after what is there: "@163" goes, then the address is finished.
    d.to(FieldKey::Email, None);
    for _ in 0..4 {
        d.key(KeyCode::Backspace);
    }
    d.chars("163.com");
    d.fill_summary("邮件反映噪音扰民");
    d.ctrl('s');
    assert!(d.case_id() > 0);
    d.key(KeyCode::Esc);
    let past = d.app.today - chrono::Days::new(6);
    d.chars("n6");
    d.chars("郑红");
    d.fill(FieldKey::ReferralBody, "市信访局");
    d.fill(FieldKey::ReferralDeadline, &past.to_string());
    d.fill_summary("反映征地补偿");
    d.ctrl('s');
    let id = d.case_id();
    let case = d.store.case(&CaseRef::Id(id), d.app.today).unwrap().case;
    assert_eq!(case.intake.referral.unwrap().deadline, Some(past));
}

/// Ticking 匿名 answers the name's complaint: the name loses its required mark and the words
/// asking for it.
#[test]
fn ticking_anonymous_drops_the_names_mark_and_complaint() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n3");
    let before = common::desk::drawn(&d.app);
    assert!(before.contains("*姓名"), "{before}");
    d.to(FieldKey::Anonymous, None);
    d.key(KeyCode::Char(' '));
    assert!(d.form().flag(FieldKey::Anonymous));
    let after = common::desk::drawn(&d.app);
    assert!(
        !after.contains("*姓名") && !after.contains("必填；不愿具名"),
        "{after}"
    );
}
