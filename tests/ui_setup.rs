//! The first-run setup and the operator pick list at the key-event level,
//! drawn at every small size and snapshotted at 80x24 and 120x40
//! (`INSTA_UPDATE=always` after a deliberate change to the layout).

use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Position;
use xinfang::config::Office;
use xinfang::domain::rules::Operator;
use xinfang::domain::types::Role;
use xinfang::store::Store;
use xinfang::strings::Lang;
use xinfang::ui::screens::picker::{Picker, PickerOutcome};
use xinfang::ui::screens::setup::{Field, Setup, SetupAnswers, SetupOutcome};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Types `s` one character at a time, as an input method delivers it.
fn type_into(setup: &mut Setup, s: &str) {
    for c in s.chars() {
        assert_eq!(setup.key(key(KeyCode::Char(c))), SetupOutcome::Stay);
    }
}

fn filled() -> Setup {
    let mut s = Setup::new(Lang::Zh);
    type_into(&mut s, "  某区信访局 ");
    s.key(key(KeyCode::Tab));
    type_into(&mut s, "李娜");
    s.key(key(KeyCode::Tab));
    s.key(key(KeyCode::Right)); // 领导
    s.key(key(KeyCode::Right)); // 承办人
    s.key(key(KeyCode::Tab));
    s.paste("城建科\n民政科\n");
    type_into(&mut s, "，教育科 ");
    s.key(key(KeyCode::Tab));
    s.key(key(KeyCode::Char(' '))); // 城建科
    s
}

fn operators() -> Vec<Operator> {
    let op = |name: &str, role, dept: Option<&str>, active| Operator {
        name: name.into(),
        role,
        department: dept.map(str::to_owned),
        active,
        unit: None,
        department_wide: false,
    };
    vec![
        op("李娜", Role::Clerk, None, true),
        op("王强", Role::Handler, Some("城建科"), true),
        op("王小红", Role::Handler, Some("民政科"), true),
        op("赵局长", Role::Leader, None, true),
        op("钱退休", Role::Clerk, None, false),
        op("jack", Role::Clerk, None, true),
    ]
}

#[test]
fn a_filled_setup_finishes_with_trimmed_answers() {
    let mut s = filled();
    assert!(s.dirty);
    assert_eq!(
        s.key(ctrl('s')),
        SetupOutcome::Done(SetupAnswers {
            office_name: "某区信访局".into(),
            operator: Operator {
                name: "李娜".into(),
                role: Role::Handler,
                department: Some("城建科".into()),
                active: true,
                unit: None,
                department_wide: false,
            },
            departments: vec!["城建科".into(), "民政科".into(), "教育科".into()],
            prefix: String::new(),
            review_organ: String::new(),
        })
    );
}

#[test]
fn enter_moves_down_and_finishes_on_the_last_line() {
    let mut s = filled();
    s.focus = Field::Office;
    for _ in 0..4 {
        assert_eq!(s.key(key(KeyCode::Enter)), SetupOutcome::Stay);
    }
    assert_eq!(s.focus, Field::Department);
    // Then the letterhead's number prefix and 复查机关 (issue 17).
    assert_eq!(s.key(key(KeyCode::Enter)), SetupOutcome::Stay);
    assert_eq!(s.focus, Field::Prefix);
    type_into(&mut s, "某信");
    assert_eq!(s.key(key(KeyCode::Enter)), SetupOutcome::Stay);
    assert_eq!(s.focus, Field::ReviewOrgan);
    type_into(&mut s, "某市信访局");
    let SetupOutcome::Done(a) = s.key(key(KeyCode::Enter)) else {
        panic!("not done");
    };
    assert_eq!(
        (a.prefix.as_str(), a.review_organ.as_str()),
        ("某信", "某市信访局")
    );
}

#[test]
fn finishing_with_errors_is_refused_and_the_focus_goes_to_the_first() {
    let mut s = Setup::new(Lang::Zh);
    s.key(key(KeyCode::Tab));
    type_into(&mut s, "李娜");
    s.key(key(KeyCode::Tab));
    s.key(key(KeyCode::Tab));
    type_into(&mut s, "城建科、民政科、城建科");
    assert_eq!(s.key(ctrl('s')), SetupOutcome::Stay);
    assert_eq!(s.focus, Field::Office);
    assert_eq!(s.error(Field::Office), Some("请填写单位名称"));
    assert_eq!(s.error(Field::Name), None);
    assert_eq!(
        s.error(Field::Departments),
        Some("「城建科」写了两次：请删去一个")
    );
    // Fixing a field takes its error away at once.
    type_into(&mut s, "某区信访局");
    assert_eq!(s.error(Field::Office), None);
    assert_eq!(s.key(ctrl('s')), SetupOutcome::Stay);
    assert_eq!(s.focus, Field::Departments);
    for _ in 0..4 {
        s.key(key(KeyCode::Backspace));
    }
    assert_eq!(s.error(Field::Departments), None);
    assert!(matches!(s.key(ctrl('s')), SetupOutcome::Done(_)));
}

#[test]
fn blank_names_and_an_empty_department_list_are_refused() {
    let mut s = Setup::new(Lang::En);
    type_into(&mut s, "   ");
    s.key(key(KeyCode::Tab));
    s.key(key(KeyCode::Tab));
    s.key(key(KeyCode::Tab));
    type_into(&mut s, " , ;");
    assert_eq!(s.key(ctrl('s')), SetupOutcome::Stay);
    assert_eq!(s.error(Field::Office), Some("enter the office's name"));
    assert_eq!(s.error(Field::Name), Some("enter your name"));
    assert_eq!(
        s.error(Field::Departments),
        Some("enter at least one department")
    );
}

#[test]
fn q_and_j_typed_into_a_field_are_text() {
    let mut s = Setup::new(Lang::En);
    type_into(&mut s, "qjk?/ q");
    assert_eq!(s.office.value(), "qjk?/ q");
    // Shift is a capital, not a command.
    let shifted = KeyEvent::new(KeyCode::Char('Q'), KeyModifiers::SHIFT);
    assert_eq!(s.key(shifted), SetupOutcome::Stay);
    assert_eq!(s.office.value(), "qjk?/ qQ");
}

#[test]
fn releases_are_ignored() {
    let mut s = Setup::new(Lang::Zh);
    let mut release = key(KeyCode::Char('张'));
    release.kind = KeyEventKind::Release;
    s.key(key(KeyCode::Char('张')));
    s.key(release);
    assert_eq!(s.office.value(), "张");
}

#[test]
fn esc_quits_a_pristine_setup_and_asks_once_when_something_was_typed() {
    let mut s = Setup::new(Lang::Zh);
    s.key(key(KeyCode::Tab));
    assert_eq!(s.key(key(KeyCode::Esc)), SetupOutcome::Quit);

    let mut s = Setup::new(Lang::Zh);
    type_into(&mut s, "某");
    assert_eq!(s.key(key(KeyCode::Esc)), SetupOutcome::Stay);
    assert!(s.confirm_quit);
    // Another key withdraws the question.
    type_into(&mut s, "区");
    assert!(!s.confirm_quit);
    assert_eq!(s.key(key(KeyCode::Esc)), SetupOutcome::Stay);
    assert_eq!(s.key(key(KeyCode::Esc)), SetupOutcome::Quit);

    let mut s = Setup::new(Lang::Zh);
    type_into(&mut s, "某");
    assert_eq!(s.key(ctrl('c')), SetupOutcome::Quit);
}

#[test]
fn a_paste_goes_into_the_focused_field_on_one_line() {
    let mut s = Setup::new(Lang::Zh);
    s.paste("某区人民政府\n信访局");
    assert_eq!(s.office.value(), "某区人民政府 信访局");
    s.key(key(KeyCode::Tab));
    s.key(key(KeyCode::Tab));
    // A choice takes no paste.
    s.paste("领导");
    assert_eq!(s.role, Role::Clerk);
    s.key(key(KeyCode::Tab));
    type_into(&mut s, "信访科");
    s.paste("城建科\r\n\r\n民政科\r\n");
    assert_eq!(s.departments.value(), "信访科、城建科、民政科");
}

/// A new office's first run: its first operator is its leader, and the line says so.
#[test]
fn the_first_run_fixes_the_leader_role() {
    let mut s = Setup::new(Lang::Zh);
    s.role = Role::Leader;
    s.role_fixed = true;
    s.focus = Field::Role;
    for code in [
        KeyCode::Right,
        KeyCode::Left,
        KeyCode::Char('承'),
        KeyCode::Char(' '),
    ] {
        s.key(key(code));
        assert_eq!(s.role, Role::Leader);
    }
}

#[test]
fn roles_and_the_own_department_are_chosen_by_arrows_or_typing() {
    let mut s = Setup::new(Lang::Zh);
    s.focus = Field::Role;
    s.key(key(KeyCode::Char('承')));
    assert_eq!(s.role, Role::Handler);
    s.key(key(KeyCode::Right));
    assert_eq!(s.role, Role::Clerk);
    s.key(key(KeyCode::Left));
    assert_eq!(s.role, Role::Handler);
    s.key(key(KeyCode::Char('l')));
    assert_eq!(s.role, Role::Leader);
    s.key(key(KeyCode::Tab));
    type_into(&mut s, "城建科、民政科");
    s.key(key(KeyCode::Tab));
    s.key(key(KeyCode::Char('民')));
    assert_eq!(s.department.as_deref(), Some("民政科"));
    s.key(key(KeyCode::Right));
    assert_eq!(s.department, None);
    s.key(key(KeyCode::Left));
    assert_eq!(s.department.as_deref(), Some("民政科"));
    // Struck from the list, it is let go.
    s.key(key(KeyCode::BackTab));
    for _ in 0.."、民政科".chars().count() {
        s.key(key(KeyCode::Backspace));
    }
    assert_eq!(s.department, None);
}

#[test]
fn the_answers_set_up_the_ledger_and_the_picker_then_lists_the_operator() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(
        &dir.path().join("l.db"),
        Office::builtin(),
        &xinfang::store::DataKey::from_bytes([7; 32]),
    )
    .unwrap();
    assert!(store.is_first_run().unwrap());
    let SetupOutcome::Done(a) = filled().key(ctrl('s')) else {
        panic!("not done");
    };
    store
        .first_run(
            &a.office_name,
            &a.operator,
            &a.departments,
            chrono::DateTime::parse_from_rfc3339("2026-12-05T09:00:00+08:00").unwrap(),
        )
        .unwrap();
    assert!(!store.is_first_run().unwrap());
    assert_eq!(
        store.meta("last_operator").unwrap().as_deref(),
        Some("李娜")
    );
    let mut p = Picker::new(Lang::Zh, &store.operators().unwrap());
    assert_eq!(
        p.key(key(KeyCode::Enter)),
        PickerOutcome::Picked(a.operator)
    );
}

#[test]
fn the_picker_filters_by_typed_name_and_picks() {
    let mut p = Picker::new(Lang::Zh, &operators());
    let names = |p: &Picker| {
        p.matches()
            .iter()
            .map(|o| o.name.clone())
            .collect::<Vec<_>>()
    };
    // The retired clerk is not offered.
    assert_eq!(names(&p), ["李娜", "王强", "王小红", "赵局长", "jack"]);
    p.key(key(KeyCode::Char('j')));
    p.key(key(KeyCode::Char('j')));
    assert_eq!(p.selected_operator().unwrap().name, "王小红");
    p.key(key(KeyCode::Char('k')));
    assert_eq!(p.selected_operator().unwrap().name, "王强");
    p.key(key(KeyCode::Char('王')));
    assert_eq!(names(&p), ["王强", "王小红"]);
    assert_eq!(p.selected, 0);
    // Now that a name is begun, j and q are letters of it.
    p.key(key(KeyCode::Char('q')));
    assert!(p.matches().is_empty());
    assert_eq!(p.key(key(KeyCode::Enter)), PickerOutcome::Stay);
    p.key(key(KeyCode::Backspace));
    p.key(key(KeyCode::Down));
    match p.key(key(KeyCode::Enter)) {
        PickerOutcome::Picked(o) => assert_eq!(o.name, "王小红"),
        other => panic!("{other:?}"),
    }
    // Esc clears the filter first, then quits.
    assert_eq!(p.key(key(KeyCode::Esc)), PickerOutcome::Stay);
    assert!(p.filter.is_empty());
    assert_eq!(p.matches().len(), 5);
    assert_eq!(p.key(key(KeyCode::Esc)), PickerOutcome::Quit);
}

#[test]
fn the_picker_quits_on_q_and_filters_from_a_slash_or_a_paste() {
    let mut p = Picker::new(Lang::En, &operators());
    assert_eq!(p.key(key(KeyCode::Char('q'))), PickerOutcome::Quit);
    let mut p = Picker::new(Lang::En, &operators());
    p.key(key(KeyCode::Char('/')));
    p.key(key(KeyCode::Char('J')));
    assert_eq!(p.selected_operator().unwrap().name, "jack");
    let mut p = Picker::new(Lang::Zh, &operators());
    p.paste(" 赵局 \n");
    assert_eq!(
        p.key(key(KeyCode::Enter)),
        PickerOutcome::Picked(operators()[3].clone())
    );
    // Moving never leaves the list.
    let mut p = Picker::new(Lang::Zh, &operators());
    p.key(key(KeyCode::Up));
    assert_eq!(p.selected, 0);
    p.key(key(KeyCode::PageDown));
    assert_eq!(p.selected, 4);
    p.key(key(KeyCode::Down));
    assert_eq!(p.selected, 4);
}

fn draw_setup(s: &Setup, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| xinfang::ui::screens::setup::view::draw(s, s.lang, f, f.area()))
        .unwrap();
    term
}

fn draw_picker(p: &Picker, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| xinfang::ui::screens::picker::view::draw(p, p.lang, f, f.area()))
        .unwrap();
    term
}

fn cursor(term: &mut Terminal<TestBackend>) -> Position {
    term.backend_mut().get_cursor_position().unwrap()
}

#[test]
fn every_size_draws_without_panic() {
    let mut with_errors = filled();
    with_errors.focus = Field::Departments;
    type_into(&mut with_errors, "、城建科");
    with_errors.key(ctrl('s'));
    let mut empty = Setup::new(Lang::En);
    empty.key(ctrl('s'));
    let mut filtering = Picker::new(Lang::Zh, &operators());
    filtering.key(key(KeyCode::Char('王')));
    let mut none = Picker::new(Lang::Zh, &operators());
    none.key(key(KeyCode::Char('孙')));
    let nobody = Picker::new(Lang::En, &[]);
    let sizes = (1..=30u16)
        .flat_map(|w| (1..=12u16).map(move |h| (w, h)))
        .chain([(59, 15), (80, 24), (200, 60), (1, 100), (300, 1)]);
    for (w, h) in sizes {
        for s in [&filled(), &with_errors, &empty] {
            let mut term = draw_setup(s, w, h);
            let at = cursor(&mut term);
            assert!(at.x < w && at.y < h, "{w}x{h}: {at:?}");
        }
        for p in [&filtering, &none, &nobody] {
            let mut term = draw_picker(p, w, h);
            let at = cursor(&mut term);
            assert!(at.x < w && at.y < h, "{w}x{h}: {at:?}");
        }
    }
}

#[test]
fn the_cursor_stands_after_what_was_typed_in_display_columns() {
    let mut s = Setup::new(Lang::Zh);
    s.key(key(KeyCode::Tab));
    type_into(&mut s, "李娜");
    let mut term = draw_setup(&s, 80, 24);
    let label_end = {
        // The value starts where the name line's text after the label does.
        let buf = term.backend().buffer().clone();
        let y = cursor(&mut term).y;
        (0..80u16).find(|x| buf[(*x, y)].symbol() == "李").unwrap()
    };
    assert_eq!(cursor(&mut term), Position::new(label_end + 4, 5));
    s.key(key(KeyCode::Left));
    let mut term = draw_setup(&s, 80, 24);
    assert_eq!(cursor(&mut term).x, label_end + 2);

    let mut p = Picker::new(Lang::Zh, &operators());
    p.key(key(KeyCode::Char('王')));
    let mut term = draw_picker(&p, 80, 24);
    // "姓名: " is 6 columns, 王 two more.
    assert_eq!(cursor(&mut term), Position::new(8, 1));
}

fn screen(term: &Terminal<TestBackend>) -> String {
    term.backend().to_string()
}

#[test]
fn snapshots() {
    let mut with_error = filled();
    with_error.focus = Field::Departments;
    type_into(&mut with_error, "、民政科");
    with_error.key(ctrl('s'));
    let mut p = Picker::new(Lang::Zh, &operators());
    p.key(key(KeyCode::Down));
    for (w, h) in SIZES {
        let mut s = Setup::new(Lang::Zh);
        type_into(&mut s, "某区信访局");
        s.key(key(KeyCode::Tab));
        type_into(&mut s, "李");
        insta::assert_snapshot!(format!("setup_{w}x{h}"), screen(&draw_setup(&s, w, h)));
        insta::assert_snapshot!(
            format!("setup_error_{w}x{h}"),
            screen(&draw_setup(&with_error, w, h))
        );
        insta::assert_snapshot!(format!("picker_{w}x{h}"), screen(&draw_picker(&p, w, h)));
    }
    let mut en = Picker::new(Lang::En, &operators());
    en.key(key(KeyCode::Char('/')));
    en.key(key(KeyCode::Char('w')));
    insta::assert_snapshot!(
        "picker_en_no_match_80x24",
        screen(&draw_picker(&en, 80, 24))
    );
    let mut s = Setup::new(Lang::En);
    type_into(&mut s, "Riverside Letters & Visits Bureau");
    s.key(key(KeyCode::Esc));
    insta::assert_snapshot!("setup_en_confirm_80x24", screen(&draw_setup(&s, 80, 24)));
}

/// A hint or refusal longer than the window wraps onto the next row instead
/// of being cut (issue 17 point 4), and names things in words.
#[test]
fn a_long_hint_wraps_instead_of_being_cut() {
    let mut s = Setup::new(Lang::Zh);
    s.focus = Field::ReviewOrgan;
    let drawn = screen(&draw_setup(&s, 50, 24));
    let lines: Vec<&str> = drawn.lines().collect();
    // Above the footer of keys.
    let shown: String = lines[..lines.len() - 1]
        .iter()
        .map(|l| l.split('"').nth(1).unwrap_or("").replace(' ', ""))
        .collect();
    assert!(shown.contains("如：某市信访局"), "{shown}");
    assert!(!shown.contains(".."), "{shown}");
    let words = xinfang::display::wrap("a leader fills in the review body", 12);
    assert_eq!(words, ["a leader", "fills in the", "review body"]);
    assert_eq!(
        xinfang::display::wrap("上一级机关复查", 6),
        ["上一级", "机关复", "查"]
    );
}
