//! The leader's dashboard with lists longer than the screen: every title
//! says the list's true count (agreeing with the header), the cursor goes
//! down to a list's last case, the rows are dealt so none stays blank
//! while a list is cut, and a reload keeps the cursor on its case.

mod common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde_json::json;
use xinfang::config::Office;
use xinfang::domain::rules::Operator;
use xinfang::domain::types::Role;
use xinfang::store::Store;
use xinfang::strings::Lang;
use xinfang::ui::app::{App, Msg};
use xinfang::ui::screens::dashboard::{DEPTH, List};
use xinfang::ui::{runtime, view};

fn key(c: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

/// Tab through the lists to `list`.
fn go_to(s: &mut Store, app: &mut App, list: List) {
    while app.dash().current() != list {
        runtime::dispatch(s, app, key(KeyCode::Tab));
    }
}

fn render(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::draw(app, f)).unwrap();
    term.backend().to_string()
}

/// `n` cases received on `at`, each a group visit of 6 of urgency `urgency`,
/// petitioners numbered from `from`.
fn intakes(n: usize, at: &str, urgency: &str, from: usize) -> String {
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
}

/// The session's operators, 45 cases left undecided since January (overdue),
/// 30 of them major, and 50 received on 2026-04-01 (today), seen by 赵建国.
fn crowded(rows: u16) -> (common::Ledger, Store, App) {
    let l = common::Ledger::new();
    l.apply_ok(include_str!("fixtures/session.jsonl"));
    l.apply_ok(&intakes(30, "2026-01-05T09:00:00+08:00", "major", 0));
    l.apply_ok(&intakes(15, "2026-01-06T09:00:00+08:00", "normal", 30));
    l.apply_ok(&intakes(50, "2026-04-01T09:00:00+08:00", "normal", 45));
    let mut store = Store::open(&l.path, Office::builtin(), &common::key()).unwrap();
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
    runtime::dispatch(&mut store, &mut app, Msg::Resize { rows });
    for cmd in app.start() {
        let msg = runtime::execute(&mut store, &app, &cmd);
        runtime::dispatch(&mut store, &mut app, msg);
    }
    (l, store, app)
}

#[test]
fn long_lists_at_80x24_and_120x40() {
    for (w, h) in [(80, 24), (120, 40)] {
        let (_l, _s, app) = crowded(h);
        let screen = render(&app, w, h);
        insta::assert_snapshot!(format!("dashboard_long_{w}x{h}"), screen);
        assert_no_blank_row(&screen, &format!("{w}x{h}"));
    }
}

/// No row between the header and the footer is blank: every list is cut, none left short.
fn assert_no_blank_row(screen: &str, what: &str) {
    let lines: Vec<&str> = screen.lines().collect();
    for line in &lines[1..lines.len() - 1] {
        let text: String = line.split('"').nth(1).unwrap_or("").trim().to_owned();
        assert!(!text.is_empty(), "{what}: a blank row\n{screen}");
    }
}

/// Each list is read as deep as it is drawn: at 24 rows fewer than at first are drawn, and no
/// more is read; a tall screen draws them deeper, and they are read that deep, no row blank.
#[test]
fn lists_are_read_as_deep_as_they_are_drawn() {
    let (_l, mut s, mut app) = crowded(24);
    assert_eq!(
        app.dash().data.groups.len(),
        DEPTH,
        "95 group visits, the first read"
    );
    runtime::dispatch(&mut s, &mut app, Msg::Resize { rows: 100 });
    let groups = app.dash().data.groups.len();
    assert!(
        groups > DEPTH && groups < 95,
        "read deeper for a tall screen: {groups}"
    );
    assert_no_blank_row(&render(&app, 120, 100), "120x100");
}

/// Near the end of what is read of a list, the next rows are read at a pause in the keys,
/// not on a key's path: a key waits for a read only on the last row read.
#[test]
fn more_rows_are_read_at_a_pause_near_the_end() {
    let (_l, mut s, mut app) = crowded(24);
    go_to(&mut s, &mut app, List::Groups);
    for _ in 0..DEPTH - 5 {
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Down));
    }
    assert_eq!(app.dash().data.groups.len(), DEPTH, "no read on the way");
    runtime::idle(&mut s, &mut app);
    assert_eq!(app.dash().data.groups.len(), 2 * DEPTH, "read at the pause");
    assert_eq!(app.dash().selected, DEPTH - 5, "the cursor stays");
}

/// Up into the list above lands on the last row read of it: the rest is read then, so that
/// Down goes on in that list rather than on to the next.
#[test]
fn up_into_a_longer_list_reads_on_before_down() {
    let (_l, mut s, mut app) = crowded(24);
    go_to(&mut s, &mut app, List::Repeaters);
    runtime::dispatch(&mut s, &mut app, key(KeyCode::Up));
    assert_eq!(app.dash().current(), List::Groups);
    assert_eq!(app.dash().selected, DEPTH - 1, "the last row read");
    assert!(app.dash().data.groups.len() > DEPTH, "read on");
    runtime::dispatch(&mut s, &mut app, key(KeyCode::Down));
    assert_eq!(app.dash().current(), List::Groups, "still in the list");
    assert_eq!(app.dash().selected, DEPTH);
}

#[test]
fn titles_say_the_true_counts_and_agree_with_the_header() {
    let (_l, _s, app) = crowded(24);
    let d = &app.dash().data;
    assert_eq!(List::Overdue.total(d), 45);
    assert_eq!(app.counts.overdue as usize, List::Overdue.total(d));
    assert_eq!(List::Today.total(d), 50);
    assert_eq!(app.counts.received_today as usize, List::Today.total(d));
    assert_eq!(List::Major.total(d), 30);
    assert_eq!(List::Groups.total(d), 95);
    assert!(List::Groups.len(d) < 95, "only the first rows are loaded");
    let screen = render(&app, 120, 40);
    for title in [
        "已超期（45）",
        "今日收件（50）",
        "重大紧急（30）",
        "集体访（95）",
    ] {
        assert!(screen.contains(title), "{title}\n{screen}");
    }
}

/// Down goes through all 95 group visits, the longest waiting first, to the last (the
/// newest), loading more as it
/// nears the end of what is loaded; the last row is drawn, highlighted.
#[test]
fn the_cursor_reaches_the_end_of_a_long_list() {
    let (_l, mut s, mut app) = crowded(24);
    go_to(&mut s, &mut app, List::Groups);
    for _ in 0..94 {
        runtime::dispatch(&mut s, &mut app, key(KeyCode::Down));
    }
    let d = app.dash();
    assert_eq!(d.current(), List::Groups);
    assert_eq!(d.selected, 94);
    let last = d.selected_case().expect("the last group visit");
    assert_eq!(last.case.intake.summary, "反映小区问题第94件");
    assert!(render(&app, 80, 24).contains("反映小区问题第94件"));
    // One more goes on to the next list.
    runtime::dispatch(&mut s, &mut app, key(KeyCode::Down));
    assert_eq!(app.dash().current(), List::Repeaters);
}

/// `r` after a new case came in above: the cursor stays on its case.
#[test]
fn a_reload_keeps_the_cursor_on_its_case() {
    let (l, mut s, mut app) = crowded(24);
    go_to(&mut s, &mut app, List::Today);
    runtime::dispatch(&mut s, &mut app, key(KeyCode::Down));
    runtime::dispatch(&mut s, &mut app, key(KeyCode::Down));
    let chosen = app.dash().selected_id();
    l.apply_ok(&intakes(1, "2026-04-01T11:00:00+08:00", "normal", 200));
    runtime::dispatch(&mut s, &mut app, key(KeyCode::Char('r')));
    assert_eq!(app.dash().data.today.len(), DEPTH, "the first rows of 51");
    assert_eq!(app.dash().selected, 3, "one new row above");
    assert_eq!(app.dash().selected_id(), chosen);
}

/// The 重复信访人 list lines its ID numbers up whatever the names' lengths (after a
/// three-character name they started a column later).
#[test]
fn the_repeaters_id_numbers_line_up() {
    let mut d = common::desk::Desk::new("赵局长", 1);
    let xinfang::ui::app::Screen::Dashboard(screen) = &mut d.app.screen else {
        panic!("not on the dashboard");
    };
    screen.data.repeaters = [
        ("余建", "320102198001012631"),
        ("孟颖琴", "440305199001013828"),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (name, id))| xinfang::store::Repeater {
        name: name.into(),
        id_number: id.into(),
        cases: 7 - i as i64,
        latest: 1,
    })
    .collect();
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    term.draw(|f| xinfang::ui::view::draw(&d.app, f)).unwrap();
    let buffer = term.backend().buffer().clone();
    // The column of each ID number's first digit, on the row that names its petitioner
    // (a wide character's second cell is skipped).
    let column = |name: &str, digits: &str| {
        (0..buffer.area.height)
            .find_map(|y| {
                let mut cells: Vec<(u16, &str)> = Vec::new();
                let mut x = 0;
                while x < buffer.area.width {
                    let symbol = buffer[(x, y)].symbol();
                    cells.push((x, symbol));
                    x += xinfang::display::width(symbol).max(1) as u16;
                }
                let line: String = cells.iter().map(|c| c.1).collect();
                if !line.contains(name) {
                    return None;
                }
                (0..cells.len())
                    .find(|&i| {
                        cells[i..]
                            .iter()
                            .map(|c| c.1)
                            .collect::<String>()
                            .starts_with(digits)
                    })
                    .map(|i| cells[i].0)
            })
            .unwrap_or_else(|| panic!("{name} not shown"))
    };
    assert_eq!(column("余建", "320102"), column("孟颖琴", "440305"));
}
