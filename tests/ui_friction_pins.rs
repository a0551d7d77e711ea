//! The last friction items of issue 17, each pinned: a long letter says how many lines it
//! has, the dashboard's Tab follows its columns, the settings' lists have headings, the phone
//! form's name error speaks of the call, the draft prompt names the case by its number, and
//! English screens keep whole words.

mod common;

use common::desk::{Desk, drawn};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde_json::json;
use xinfang::config::Office;
use xinfang::domain::rules::Operator;
use xinfang::domain::types::Role;
use xinfang::store::Store;
use xinfang::strings::Lang;
use xinfang::strings::form::FieldKey;
use xinfang::ui::app::{App, Msg, Screen};
use xinfang::ui::{runtime, view};

fn render(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    term.draw(|f| view::draw(app, f)).expect("drawn");
    term.backend().to_string()
}

const LETTER: &str = "第一行：反映小区拆迁补偿\n第二行：补偿款至今未到位\n第三行：多次找街道办未果\n第四行：家中老人无处居住\n第五行：要求尽快支付补偿款\n第六行：并安排临时住所\n第七行：附拆迁协议复印件\n第八行：此致敬礼";

/// (a) A pasted 8-line letter: all 8 lines while the field has the focus, 4 and a sign
/// saying there are 8 once it has not.
#[test]
fn a_long_letter_says_how_many_lines_it_has() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut d = Desk::new("李娜", 1);
        d.send(Msg::Resize { rows: h });
        d.chars("n2");
        d.fill(FieldKey::Summary, LETTER);
        let focused = render(&d.app, w, h);
        assert!(focused.contains("第八行"), "{focused}");
        insta::assert_snapshot!(format!("letter_focused_{w}x{h}"), focused);
        d.key(KeyCode::Tab);
        let left = render(&d.app, w, h);
        assert!(
            left.contains("第四行") && !left.contains("第五行"),
            "{left}"
        );
        assert!(left.contains("…（共8行）"), "{left}");
        insta::assert_snapshot!(format!("letter_left_{w}x{h}"), left);
    }
}

/// (b) Tab goes down the left column, then down the right; Shift-Tab goes back.
#[test]
fn the_dashboard_tab_follows_its_columns() {
    let (_l, mut s, mut app) = crowded(40);
    let lists = xinfang::ui::screens::dashboard::List::ALL;
    let with_rows: Vec<usize> = (0..lists.len())
        .filter(|&i| lists[i].len(&app.dash().data) > 0)
        .collect();
    assert!(with_rows.len() >= 3, "{with_rows:?}");
    let mut forward = vec![app.dash().list];
    for _ in 1..with_rows.len() {
        runtime::dispatch(&mut s, &mut app, press(KeyCode::Tab));
        forward.push(app.dash().list);
    }
    assert_eq!(
        forward, with_rows,
        "left column top to bottom, then the right"
    );
    runtime::dispatch(&mut s, &mut app, press(KeyCode::Tab));
    assert_eq!(app.dash().list, with_rows[0], "round to the first");
    let mut back = Vec::new();
    for _ in 0..with_rows.len() {
        runtime::dispatch(&mut s, &mut app, press(KeyCode::BackTab));
        back.push(app.dash().list);
    }
    let reversed: Vec<usize> = with_rows.iter().rev().copied().collect();
    assert_eq!(back, reversed, "Shift-Tab walks back");
}

/// (c) The settings' lists under their headings.
#[test]
fn the_settings_lists_have_headings() {
    for (w, h) in [(120, 40), (80, 24)] {
        let mut d = Desk::new("赵局长", 1);
        d.send(Msg::Resize { rows: h });
        d.key(KeyCode::Char('p'));
        assert!(matches!(d.app.screen, Screen::Settings(_)));
        let shown = render(&d.app, w, h);
        for heading in ["姓名", "角色", "承办部门", "在岗", "部门名称"] {
            assert!(shown.contains(heading), "{heading}: {shown}");
        }
        insta::assert_snapshot!(format!("settings_headings_{w}x{h}"), shown);
    }
}

/// (d) The phone form's name error is about the call, not a letter.
#[test]
fn the_phone_form_name_error_is_its_own() {
    let mut d = Desk::new("李娜", 1);
    d.chars("n3");
    d.fill_summary("来电反映噪音");
    d.ctrl('s');
    let f = d.form();
    let name = f.in_row(0, FieldKey::Name).expect("the caller's name");
    let error = name.error.clone().unwrap_or_default();
    assert!(!error.is_empty(), "the name is asked for");
    assert!(!error.contains("来信"), "{error}");
    assert!(!drawn(&d.app).contains("来信"), "{}", drawn(&d.app));
}

/// Types `text` into the first field of the open form that takes it, so a draft is due.
fn type_something(d: &mut Desk, text: &str) {
    for _ in 0..12 {
        d.send(Msg::Paste(text.into()));
        if d.app.draft_due() {
            return;
        }
        d.key(KeyCode::Tab);
    }
    panic!("no field took text");
}

/// (e) The draft prompt names the case by its number, or says it has none yet and names it
/// as the queue does (#1): among dozens of items waiting, 未编号件 alone named none.
#[test]
fn the_draft_prompt_names_the_case_by_its_number() {
    let mut d = Desk::new("李娜", 1);
    d.key(KeyCode::Enter);
    assert_eq!(d.case_id(), 1);
    d.key(KeyCode::Char('d'));
    type_something(&mut d, "已核实");
    runtime::save_draft(&mut d.store, &mut d.app);
    let shown = drawn(&d.restart("李娜"));
    assert!(shown.contains("表单：未编号件#1登记受理"), "{shown}");

    let mut d = Desk::new("李娜", 1);
    d.registered_visit("反映夜间施工噪音");
    let no = match &d.app.screen {
        Screen::Case(c) => c.row.case.case_no.clone(),
        _ => None,
    };
    let no = no.expect("numbered once registered");
    d.key(KeyCode::Char('a'));
    type_something(&mut d, "城");
    runtime::save_draft(&mut d.store, &mut d.app);
    let shown = drawn(&d.restart("李娜"));
    assert!(shown.contains(&format!("表单：{no}")), "{no}: {shown}");
}

fn press(c: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

/// 45 cases overdue since January (30 of them major) and 50 taken in today, seen by
/// 赵建国 on 2026-04-01 with `rows` rows.
fn crowded(rows: u16) -> (common::Ledger, Store, App) {
    let l = common::Ledger::new();
    l.apply_ok(include_str!("fixtures/session.jsonl"));
    let intakes = |n: usize, at: &str, urgency: &str, from: usize| -> String {
        (0..n)
            .map(|i| {
                json!({
                    "op": "intake", "actor": "李娜", "at": at, "channel": "visit",
                    "people": 6, "urgency": urgency,
                    "petitioners": [{"name": format!("群众{}", from + i), "main": true}],
                    "category": "城乡建设",
                    "summary": format!("反映小区问题第{}件", from + i)
                })
                .to_string()
                    + "\n"
            })
            .collect()
    };
    l.apply_ok(&intakes(30, "2026-01-05T09:00:00+08:00", "major", 0));
    l.apply_ok(&intakes(15, "2026-01-06T09:00:00+08:00", "normal", 30));
    l.apply_ok(&intakes(5, "2026-04-01T09:00:00+08:00", "normal", 45));
    let mut store = Store::open(&l.path, Office::builtin(), &common::key()).expect("opened");
    let leader = Operator {
        name: "赵建国".into(),
        role: Role::Leader,
        department: None,
        active: true,
        unit: None,
        department_wide: false,
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 4, 1).expect("a day");
    let mut app = App::new(Lang::Zh, Some(leader), "某区信访局".into(), today);
    runtime::dispatch(&mut store, &mut app, Msg::Resize { rows });
    for cmd in app.start() {
        let msg = runtime::execute(&mut store, &app, &cmd);
        runtime::dispatch(&mut store, &mut app, msg);
    }
    (l, store, app)
}

/// (f) In English at 120x40 and 80x24 the dashboard, the queue and the case keep whole
/// words: no column cut with "..", the footer drops whole hints.
#[test]
fn english_screens_keep_whole_words() {
    for (w, h) in [(120, 40), (80, 24)] {
        let (_l, mut s, mut app) = crowded(h);
        app.lang = Lang::En;
        let dash = render(&app, w, h);
        assert!(!dash.contains(".."), "dashboard {w}x{h}:\n{dash}");
        assert!(dash.contains("d over"), "{dash}");
        insta::assert_snapshot!(format!("en_dashboard_{w}x{h}"), dash);
        runtime::dispatch(&mut s, &mut app, press(KeyCode::Char('w')));
        let queue = render(&app, w, h);
        let footer = queue.lines().last().unwrap_or_default().to_owned();
        assert!(!footer.contains(".."), "queue footer {w}x{h}: {footer}");
        insta::assert_snapshot!(format!("en_queue_{w}x{h}"), queue);
        runtime::dispatch(&mut s, &mut app, press(KeyCode::Enter));
        let case = render(&app, w, h);
        let footer = case.lines().last().unwrap_or_default().to_owned();
        assert!(!footer.contains(".."), "case footer {w}x{h}: {footer}");
        insta::assert_snapshot!(format!("en_case_{w}x{h}"), case);
    }
}
