//! Every screen of the desk at 80x24 and 120x40 with Chinese data, as
//! `insta` snapshots (`cargo insta review`, or INSTA_UPDATE=always, after a
//! deliberate change to the layout).

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use xinfang::config::Office;
use xinfang::domain::rules::Operator;
use xinfang::domain::types::Role;
use xinfang::store::Store;
use xinfang::strings::Lang;
use xinfang::ui::app::{App, Msg};
use xinfang::ui::{runtime, view};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn key(c: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

fn render(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::draw(app, f)).unwrap();
    term.backend().to_string()
}

/// The README session (an archived case and its review) plus a letter,
/// seen on 2026-04-01 by 李娜.
fn desk(rows: u16) -> (common::Ledger, Store, App) {
    let l = common::Ledger::new();
    l.apply_ok(include_str!("fixtures/session.jsonl"));
    l.apply_ok(concat!(
        r#"{"op":"intake","actor":"李娜","at":"2026-03-31T15:00:00+08:00","channel":"letter","anonymous":true,"#,
        r#""category":"劳动社保","handling_type":"检举控告","target":"某建筑公司","summary":"匿名来信反映某建筑公司拖欠农民工工资三个月","request":"要求督促发放"}"#,
        "\n"
    ));
    let mut store = Store::open(&l.path, Office::builtin(), &common::key()).unwrap();
    let operator = Operator {
        name: "李娜".into(),
        role: Role::Clerk,
        department: None,
        active: true,
        unit: None,
        department_wide: false,
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
    let mut app = App::new(Lang::Zh, Some(operator), "某区信访局".into(), today);
    runtime::dispatch(&mut store, &mut app, Msg::Resize { rows });
    for cmd in app.start() {
        let msg = runtime::execute(&mut store, &app, &cmd);
        runtime::dispatch(&mut store, &mut app, msg);
    }
    (l, store, app)
}

#[test]
fn queue() {
    for (w, h) in SIZES {
        let (_l, _s, app) = desk(h);
        insta::assert_snapshot!(format!("queue_{w}x{h}"), render(&app, w, h));
    }
}

#[test]
fn queue_searching_a_two_character_word() {
    for (w, h) in SIZES {
        let (_l, mut s, mut app) = desk(h);
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Char('/')));
        runtime::dispatch(&mut s, &mut app, Msg::Paste("拆迁".into()));
        insta::assert_snapshot!(format!("search_{w}x{h}"), render(&app, w, h));
    }
}

#[test]
fn case_screen() {
    for (w, h) in SIZES {
        let (_l, mut s, mut app) = desk(h);
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Down));
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Down));
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Enter));
        insta::assert_snapshot!(format!("case_{w}x{h}"), render(&app, w, h));
    }
}

#[test]
fn intake_form_with_an_error() {
    for (w, h) in SIZES {
        let (_l, mut s, mut app) = desk(h);
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Char('n')));
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Char('1')));
        runtime::dispatch(&mut s, &mut app, Msg::Paste("王伟".into()));
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Tab));
        runtime::dispatch(&mut s, &mut app, Msg::Paste("110105194912310021".into()));
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Tab));
        insta::assert_snapshot!(format!("form_{w}x{h}"), render(&app, w, h));
    }
}

#[test]
fn help() {
    for (w, h) in SIZES {
        let (_l, mut s, mut app) = desk(h);
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Char('?')));
        insta::assert_snapshot!(format!("help_{w}x{h}"), render(&app, w, h));
    }
}

fn ctrl(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// The intake form of a returning visitor: the repeat panel beside the
/// form (below it on 80 columns), a second petitioner row, a summary on
/// two lines, the panel's first case linked.
fn returning_visitor(s: &mut Store, app: &mut App) {
    runtime::dispatch(s, app, key(KeyCode::Char('n')));
    runtime::dispatch(s, app, key(KeyCode::Char('1')));
    runtime::dispatch(s, app, Msg::Paste("张三".into()));
    runtime::dispatch(s, app, key(KeyCode::Tab));
    runtime::dispatch(s, app, Msg::Paste("11010519491231002X".into()));
    runtime::dispatch(s, app, ctrl('l'));
    runtime::dispatch(s, app, ctrl('n'));
    runtime::dispatch(s, app, Msg::Paste("李四".into()));
    runtime::dispatch(s, app, ctrl('s'));
    runtime::dispatch(s, app, Msg::Paste("再次反映补偿款\n要求一次付清".into()));
}

#[test]
fn intake_form_with_the_repeat_panel() {
    for (w, h) in SIZES {
        let (_l, mut s, mut app) = desk(h);
        returning_visitor(&mut s, &mut app);
        insta::assert_snapshot!(format!("repeats_{w}x{h}"), render(&app, w, h));
    }
}

#[test]
fn letter_form() {
    for (w, h) in SIZES {
        let (_l, mut s, mut app) = desk(h);
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Char('n')));
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Char('2')));
        insta::assert_snapshot!(format!("letter_{w}x{h}"), render(&app, w, h));
    }
}

#[test]
fn choosing_the_channel() {
    for (w, h) in SIZES {
        let (_l, mut s, mut app) = desk(h);
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Char('n')));
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Right));
        insta::assert_snapshot!(format!("channel_{w}x{h}"), render(&app, w, h));
    }
}

/// The decision form of the new letter (#3), declining it: the ground and
/// the route appear for a decline only.
#[test]
fn decision_form_declining() {
    for (w, h) in SIZES {
        let (_l, mut s, mut app) = desk(h);
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Enter));
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Char('d')));
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Right));
        insta::assert_snapshot!(format!("decide_{w}x{h}"), render(&app, w, h));
    }
}

/// Every screen at every size from 1x1 up: no panic, and nothing drawn
/// outside the window.
#[test]
fn every_screen_at_every_size() {
    let (_l, mut s, mut app) = desk(40);
    let mut screens = vec![app.clone()];
    runtime::dispatch(&mut s, &mut app, key(KeyCode::Enter));
    screens.push(app.clone());
    runtime::dispatch(&mut s, &mut app, key(KeyCode::Char('d')));
    runtime::dispatch(&mut s, &mut app, key(KeyCode::Right));
    screens.push(app.clone());
    let (_l2, mut s2, mut app2) = desk(40);
    returning_visitor(&mut s2, &mut app2);
    screens.push(app2.clone());
    runtime::dispatch(&mut s2, &mut app2, key(KeyCode::Char('?')));
    screens.push(app2.clone());
    let (_l3, mut s3, mut app3) = desk(40);
    runtime::dispatch(&mut s3, &mut app3, key(KeyCode::Char('n')));
    screens.push(app3.clone());
    let mut leader = app3.clone();
    leader.bring(xinfang::ui::app::Kept::Dashboard);
    screens.push(leader);
    runtime::dispatch(&mut s3, &mut app3, key(KeyCode::Esc));
    runtime::dispatch(&mut s3, &mut app3, key(KeyCode::Char('t')));
    screens.push(app3.clone());
    runtime::dispatch(&mut s3, &mut app3, key(KeyCode::Esc));
    runtime::dispatch(&mut s3, &mut app3, key(KeyCode::Char('p')));
    screens.push(app3.clone());
    runtime::dispatch(&mut s3, &mut app3, key(KeyCode::Esc));
    runtime::dispatch(&mut s3, &mut app3, key(KeyCode::Char('h')));
    screens.push(app3.clone());
    runtime::dispatch(&mut s3, &mut app3, key(KeyCode::Esc));
    runtime::dispatch(&mut s3, &mut app3, key(KeyCode::Char('y')));
    runtime::dispatch(&mut s3, &mut app3, key(KeyCode::Left));
    screens.push(app3.clone());
    // The report screen before its report has come.
    app3.report_mut().unwrap().loaded = None;
    screens.push(app3.clone());
    let sizes = (1..=125)
        .flat_map(|w| [1, 2, 3, 5, 15, 16, 17, 24, 40].map(|h| (w, h)))
        .chain(
            (1..=45).flat_map(|h| [1, 2, 10, 59, 60, 61, 80, 99, 100, 101, 120].map(|w| (w, h))),
        );
    for (w, h) in sizes {
        for app in &screens {
            let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
            term.draw(|f| view::draw(app, f)).unwrap();
        }
    }
}

/// For the leader: a major group visit today-ish, a letter left undecided
/// since January (overdue), and a case 赵建国 owns whose opinion waits for
/// his instruction.
const LEADER_DAY: &str = concat!(
    r#"{"op":"intake","actor":"李娜","at":"2026-03-31T09:00:00+08:00","channel":"visit","people":12,"urgency":"major","petitioners":[{"name":"周大山","main":true,"representative":true},{"name":"钱二","representative":true}],"category":"城乡建设","summary":"12名群众集体来访反映小区供暖中断","request":"要求立即恢复供暖"}"#,
    "\n",
    r#"{"op":"intake","actor":"李娜","at":"2026-01-05T09:00:00+08:00","channel":"letter","petitioners":[{"name":"李红"}],"category":"城乡建设","summary":"来信反映道路积水"}"#,
    "\n",
    r#"{"op":"intake","actor":"李娜","at":"2026-03-02T09:00:00+08:00","channel":"visit","petitioners":[{"name":"孙立"}],"category":"城乡建设","summary":"反映路灯损坏"}"#,
    "\n",
    r#"{"op":"register","actor":"李娜","case":6,"decision":"accept","at":"2026-03-03T09:00:00+08:00"}"#,
    "\n",
    r#"{"op":"assign","actor":"李娜","case":6,"department":"城建科","handler":"王强","leader":"赵建国","at":"2026-03-03T10:00:00+08:00"}"#,
    "\n",
    r#"{"op":"opinion","actor":"王强","case":6,"text":"已安排维修","at":"2026-03-25T09:00:00+08:00"}"#,
    "\n",
);

/// The leader's dashboard on 2026-04-01.
#[test]
fn leader_dashboard() {
    for (w, h) in SIZES {
        let (_l, _s, app) = leader_desk(h);
        insta::assert_snapshot!(format!("dashboard_{w}x{h}"), render(&app, w, h));
    }
}

/// The desk with [`LEADER_DAY`] as 赵建国 sees it on 2026-04-01, `rows` high.
fn leader_desk(rows: u16) -> (common::Ledger, Store, App) {
    let (l, mut s, _) = desk(rows);
    l.apply_ok(LEADER_DAY);
    let leader = Operator {
        name: "赵建国".into(),
        role: Role::Leader,
        department: None,
        active: true,
        unit: None,
        department_wide: false,
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
    let mut app = App::new(Lang::Zh, Some(leader), "某区信访局".into(), today);
    runtime::dispatch(&mut s, &mut app, Msg::Resize { rows });
    for cmd in app.start() {
        let msg = runtime::execute(&mut s, &app, &cmd);
        runtime::dispatch(&mut s, &mut app, msg);
    }
    (l, s, app)
}

/// The charts on 2026-04-01 (a Wednesday): the 12 weeks from Monday
/// 2026-01-12. Expected figures counted by hand from the fixtures: #1
/// (01-31), #6 (03-02), #2, #3 and #4 (03-30, 03-31); #5 (01-05) is before
/// the first week but overdue, and not yet assigned.
#[test]
fn charts() {
    for (w, h) in SIZES {
        let (l, mut s, mut app) = desk(h);
        l.apply_ok(LEADER_DAY);
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Char('t')));
        let c = app.charts().expect("the charts are shown");
        let weekly: Vec<(String, i64, i64)> = c
            .weeks
            .iter()
            .filter(|w| w.batches > 0)
            .map(|w| (w.start.to_string(), w.batches, w.people))
            .collect();
        assert_eq!(c.weeks.len(), 12);
        assert_eq!(c.weeks[0].start.to_string(), "2026-01-12");
        assert_eq!(
            weekly,
            [
                ("2026-01-26".to_owned(), 1, 1),
                ("2026-03-02".to_owned(), 1, 1),
                ("2026-03-30".to_owned(), 3, 14),
            ]
        );
        assert_eq!(
            c.by_category,
            [("城乡建设".to_owned(), 4), ("劳动社保".to_owned(), 1)]
        );
        use xinfang::domain::types::Channel;
        assert_eq!(c.by_channel, [(Channel::Visit, 4), (Channel::Letter, 1)]);
        assert_eq!(c.overdue_by_department, [(None, 1)]);
        insta::assert_snapshot!(format!("charts_{w}x{h}"), render(&app, w, h));
    }
}

#[test]
fn settings() {
    for (w, h) in SIZES {
        let (_l, mut s, mut app) = desk(h);
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Char('p')));
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Down));
        insta::assert_snapshot!(format!("settings_{w}x{h}"), render(&app, w, h));
    }
}

/// 领导接待日 with a day scheduled and one record linked to 2026-0001.
#[test]
fn reception_day() {
    for (w, h) in SIZES {
        let (l, mut s, mut app) = desk(h);
        l.apply_ok(concat!(
            r#"{"op":"schedule","date":"2026-04-01","leader":"赵建国","place":"一楼接待室"}"#,
            "\n",
            r#"{"op":"schedule","date":"2026-04-08","leader":"赵建国"}"#,
            "\n",
            r#"{"op":"reception","actor":"李娜","date":"2026-04-01","leader":"赵建国","visitor":"张三","said":"对复查结果仍有异议","decided":"请城建科当面再作解释","case":"2026-0001","at":"2026-04-01T09:30:00+08:00"}"#,
            "\n"
        ));
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Char('h')));
        insta::assert_snapshot!(format!("reception_{w}x{h}"), render(&app, w, h));
    }
}

/// The March 2026 report (月报) on 2026-04-01: y from the queue, ← to March. Its figures
/// are checked in tests/report.rs and tests/ui_report.rs; this is the layout.
#[test]
fn report_screen() {
    for (w, h) in SIZES {
        let (l, mut s, mut app) = desk(h);
        l.apply_ok(LEADER_DAY);
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Char('y')));
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Left));
        insta::assert_snapshot!(format!("report_{w}x{h}"), render(&app, w, h));
    }
    // Scrolled down to the overdue and supervised cases, on a narrow window.
    let (l, mut s, mut app) = desk(24);
    l.apply_ok(LEADER_DAY);
    runtime::dispatch(&mut s, &mut app, key(KeyCode::Char('y')));
    runtime::dispatch(&mut s, &mut app, key(KeyCode::Left));
    for _ in 0..3 {
        runtime::dispatch(&mut s, &mut app, key(KeyCode::PageDown));
    }
    insta::assert_snapshot!("report_80x24_scrolled", render(&app, 80, 24));
}

/// The dashboard's keys on a 20-row window: more than one column holds, so two.
#[test]
fn dashboard_help_in_two_columns() {
    let (_l, mut s, mut app) = leader_desk(20);
    runtime::dispatch(&mut s, &mut app, key(KeyCode::Char('?')));
    let screen = render(&app, 80, 20);
    assert!(
        screen.contains("退出") && screen.contains("下一栏"),
        "{screen}"
    );
    insta::assert_snapshot!("dashboard_help_80x20", screen);
}

/// The review key names the level it opens: 复查 on a first case, 复核 on a 复查 case
/// (Art 36), whether or not it may be pressed now.
#[test]
fn the_review_key_says_which_level_it_opens() {
    let (_l, mut store, mut app) = desk(40);
    let actions = |store: &mut Store, app: &mut App, id: i64| {
        let msg = runtime::execute(store, app, &xinfang::ui::app::Cmd::OpenCase(id));
        runtime::dispatch(store, app, msg);
        render(app, 120, 40)
    };
    let first = actions(&mut store, &mut app, 1);
    assert!(first.contains("c 复查"), "{first}");
    let review = actions(&mut store, &mut app, 2);
    assert!(review.contains("c 复核"), "{review}");
    assert!(!review.contains("c 复查"), "{review}");
}
