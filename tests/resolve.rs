//! 化解/息访 (resolve, Art 37): how a matter accepted here was settled with the petitioner
//! (调解, 和解协议, 息诉罢访承诺, 帮扶救助, 疏导教育), on which day; who may record it, on which
//! cases, which days; then `show` and the desk's form.

mod common;

use common::desk::drawn as screen;

use common::desk::Desk;
use common::fixture::*;
use ratatui::crossterm::event::KeyCode;
use xinfang::domain::case::Case;
use xinfang::domain::command::Command;
use xinfang::domain::error::{Field, WorkflowError as E};
use xinfang::domain::op::{Act, Op};
use xinfang::domain::types::{ResolveHow, Role, State};
use xinfang::strings::form::FieldKey;
use xinfang::strings::{Lang, labels};
use xinfang::ui::app::Screen;

fn resolve(how: ResolveHow, on: Option<chrono::NaiveDate>, text: &str) -> Command {
    Command::Resolve {
        how,
        resolved_on: on,
        text: text.into(),
    }
}

fn fixture(o: &Office0, name: &str) -> Case {
    fixtures(o)
        .into_iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| c)
        .unwrap()
}

#[test]
fn a_resolution_goes_on_an_accepted_case_by_a_clerk_or_a_leader() {
    let o = Office0::new();
    let ok = resolve(ResolveHow::Mediation, None, "经人民调解达成协议");
    // Art 37 第一款 while it is handled, 第三款 after the reply and after archiving: every
    // state of an accepted case from its decision on. t(8) is 2026-03-10.
    for name in [
        "registered",
        "assigned",
        "awaiting",
        "approved",
        "replied",
        "visited",
        "archived",
    ] {
        let case = fixture(&o, name);
        let done = o.apply(Some(&case), &ok, "李娜", t(8)).unwrap().case;
        assert_eq!(
            done.state, case.state,
            "{name}: 化解 does not move the case"
        );
        assert_eq!(done.resolutions.len(), 1, "{name}");
        assert_eq!(done.resolutions[0].how, ResolveHow::Mediation);
        // No date given: the day of the step.
        assert_eq!(done.resolutions[0].resolved_on, date(2026, 3, 10));
        assert!(o.apply(Some(&case), &ok, "赵局长", t(8)).is_ok(), "{name}");
    }
    // Before the decision nothing is ours to settle.
    let err = o
        .apply(Some(&fixture(&o, "intake")), &ok, "李娜", t(8))
        .unwrap_err();
    assert!(
        matches!(
            err,
            E::WrongState {
                op: Op::Resolve,
                ..
            }
        ),
        "{err:?}"
    );
    // An item declined or passed on is another body's to handle.
    for name in [
        "declined",
        "passed_on",
        "declined_replied",
        "declined_archived",
    ] {
        let err = o
            .apply(Some(&fixture(&o, name)), &ok, "李娜", t(8))
            .unwrap_err();
        assert_eq!(err, E::NotAccepted { op: Op::Resolve }, "{name}");
    }
    // The handler records their work through the office, as for 催办.
    let err = o
        .apply(Some(&fixture(&o, "assigned")), &ok, "王强", t(8))
        .unwrap_err();
    assert_eq!(
        err,
        E::RoleRequired {
            op: Act::from(Op::Resolve),
            needed: vec![Role::Clerk, Role::Leader],
            actor: "王强".into(),
            actual: Role::Handler,
        }
    );
}

#[test]
fn the_day_is_not_before_receipt_nor_after_today() {
    let o = Office0::new();
    let assigned = fixture(&o, "assigned");
    // Received 2026-03-02 (T0, t(0)); the step is given on 2026-03-10 (t(8)).
    let before = resolve(ResolveHow::Agreement, Some(date(2026, 3, 1)), "双方和解");
    assert_eq!(
        o.apply(Some(&assigned), &before, "李娜", t(8)).unwrap_err(),
        E::DateTooEarly {
            date: date(2026, 3, 1),
            earliest: date(2026, 3, 2)
        }
    );
    // The day of receipt itself: settled at the window the day it came in.
    let same = resolve(ResolveHow::Agreement, Some(date(2026, 3, 2)), "双方和解");
    let done = o.step(&assigned, same, "李娜", t(8));
    assert_eq!(done.resolutions[0].resolved_on, date(2026, 3, 2));
    // Today is the latest; tomorrow (2026-03-11) has not happened.
    let today = resolve(ResolveHow::Agreement, Some(date(2026, 3, 10)), "双方和解");
    assert!(o.apply(Some(&assigned), &today, "李娜", t(8)).is_ok());
    let later = resolve(ResolveHow::Agreement, Some(date(2026, 3, 11)), "双方和解");
    assert_eq!(
        o.apply(Some(&assigned), &later, "李娜", t(8)).unwrap_err(),
        E::DateTooLate {
            date: date(2026, 3, 11),
            latest: date(2026, 3, 10)
        }
    );
    let blank = resolve(ResolveHow::Aid, None, "  ");
    let err = o.apply(Some(&assigned), &blank, "李娜", t(8)).unwrap_err();
    assert!(
        matches!(
            err,
            E::MissingField {
                field: Field::Text,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn resolutions_are_counted_with_the_latest_shown() {
    let o = Office0::new();
    let replied = fixture(&o, "replied");
    let first = resolve(
        ResolveHow::Guidance,
        Some(date(2026, 3, 9)),
        "释法明理，信访人表示理解",
    );
    let once = o.step(&replied, first, "李娜", t(8));
    let second = resolve(ResolveHow::Undertaking, None, "信访人签署息诉罢访承诺书");
    let twice = o.step(&once, second, "赵局长", t(9));
    assert_eq!(twice.resolutions.len(), 2);
    let latest = twice.resolutions.last().unwrap();
    assert_eq!(
        labels::resolutions(Lang::Zh, twice.resolutions.len(), latest),
        "2次，最近：2026-03-11 息诉罢访承诺 信访人签署息诉罢访承诺书"
    );
    // The `apply` contract takes the codes and the Chinese names alike.
    let line = r#"{"op":"resolve","how":"息诉罢访","resolved_on":"2026-03-09","text":"承诺"}"#;
    let parsed: Command = serde_json::from_str(line).unwrap();
    assert_eq!(
        parsed,
        resolve(ResolveHow::Undertaking, Some(date(2026, 3, 9)), "承诺")
    );
    // A ledger written before the step has no `resolutions`: it reads as none.
    let json = serde_json::to_value(&replied).unwrap();
    assert!(json.get("resolutions").is_none());
    let read: Case = serde_json::from_value(json).unwrap();
    assert!(read.resolutions.is_empty());
}

#[test]
fn the_desk_form_saves_a_resolution() {
    let mut d = Desk::new("李娜", 1);
    d.registered_visit("反映邻里噪音纠纷");
    assert_eq!(d.state(), State::Registered, "{:?}", d.app.message);
    // h opens 化解: the day defaults to the desk's day, t(1) = 2026-03-03.
    d.key(KeyCode::Char('h'));
    assert_eq!(
        d.form().text(FieldKey::ResolvedOn).as_deref(),
        Some("2026-03-03")
    );
    // How it was settled has no default: saving without it is refused.
    d.fill(FieldKey::ResolveText, "信访人签署息诉罢访承诺书");
    d.ctrl('s');
    assert!(
        matches!(d.app.screen, Screen::Form(_)),
        "saved without a way of settling"
    );
    // Typing filters the choices: 息诉 picks 息诉罢访承诺.
    d.to(FieldKey::ResolveHow, None);
    d.chars("息诉");
    d.ctrl('s');
    let Screen::Case(c) = &d.app.screen else {
        panic!("back on the case: {:?}", d.app.message)
    };
    let r = &c.row.case.resolutions;
    assert_eq!(r.len(), 1, "{:?}", d.app.message);
    assert_eq!(r[0].how, ResolveHow::Undertaking);
    assert_eq!(r[0].resolved_on, date(2026, 3, 3));
    assert_eq!(r[0].text, "信访人签署息诉罢访承诺书");
    let events = d.store.events(c.row.case.id).unwrap();
    assert_eq!(events.last().unwrap().op, "resolve");
    // The case screen counts it and names the latest.
    let text = screen(&d.app);
    assert!(
        text.contains("化解1次，最近：2026-03-03息诉罢访承诺信访人签署息诉罢访承诺书"),
        "{text}"
    );
}

#[test]
fn show_counts_the_resolutions_with_the_latest() {
    let l = common::Ledger::new();
    // The README session up to the assignment (2026-02-02), then a mediation and, after it,
    // the petitioner's undertaking.
    let setup: String = SESSION.lines().take(7).map(|s| format!("{s}\n")).collect();
    let steps = [
        r#"{"op":"resolve","actor":"李娜","case":"2026-0001","how":"mediation","resolved_on":"2026-02-09","text":"经行政调解达成协议","at":"2026-02-10T09:00:00+08:00"}"#,
        r#"{"op":"resolve","actor":"李娜","case":"2026-0001","how":"undertaking","text":"信访人承诺息诉罢访","at":"2026-02-16T09:00:00+08:00"}"#,
    ];
    l.apply_ok(&format!("{setup}{}\n", steps.join("\n")));
    let out = common::run(&["show", "--db", l.db(), "2026-0001"], "");
    assert!(out.success(), "{out:?}");
    // No day given on the second: the day of its `at`, 2026-02-16.
    assert!(
        out.stdout
            .contains("化解：2次，最近：2026-02-16 息诉罢访承诺 信访人承诺息诉罢访"),
        "{}",
        out.stdout
    );
}

const SESSION: &str = include_str!("fixtures/session.jsonl");

/// The real binary in tmux: the README session's archived case settled by mediation, as a
/// clerk's keys record it (Art 37 第三款: the work goes on after the reply).
#[test]
fn a_clerk_records_a_mediation_in_the_real_desk() {
    use common::tmux::{Desk as Tmux, eventually, have_tmux};
    if !have_tmux() {
        eprintln!("tmux not installed: skipped");
        return;
    }
    let l = common::Ledger::new();
    l.apply_ok(SESSION);
    let d = Tmux::start(&l, "resolve", Some("李娜"));
    d.sees("2026-0001");
    d.keys(&["/"]);
    d.typ("拆迁");
    d.sees("检索: 拆迁");
    d.keys(&["Enter"]);
    d.sees("办理过程");
    d.keys(&["h"]);
    d.sees("化解方式");
    // The way of settling first (typing filters the choices), then what was settled.
    d.typ("调解");
    d.keys(&["Tab", "Tab"]);
    d.typ("经人民调解达成协议");
    d.keys(&["C-s"]);
    d.sees("1次，最近：");
    d.keys(&["q"]);
    assert!(eventually(|| !d.alive()), "q did not quit");
    let out = common::run(&["show", "--db", l.db(), "2026-0001"], "");
    assert!(
        out.stdout.contains("化解：1次，最近：") && out.stdout.contains("调解 经人民调解达成协议"),
        "{}",
        out.stdout
    );
}
