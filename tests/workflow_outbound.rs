//! What this office sends away (2022《信访工作条例》第二十二条第（三）项, 第二十三条第一款): an
//! item passed on as a 交办 owes this office the body's 办结报告, by the date set or within the
//! policy's `outbound` clock; the `report_received` step stops that clock. Dates are written
//! out by hand; the start day is not counted and a period ending on a rest day rolls to the
//! next working day (a date set on the step stands as written).

mod common;

use common::desk::drawn as screen;

use chrono::NaiveDate;
use common::fixture::*;
use xinfang::domain::case::Case;
use xinfang::domain::command::Command;
use xinfang::domain::deadline::{ClockStatus, ClockView};
use xinfang::domain::due::{case_clocks, next_due};
use xinfang::domain::error::WorkflowError as E;
use xinfang::domain::op::Op;
use xinfang::domain::types::*;
use xinfang::domain::workflow::allowed_ops;
use xinfang::store::{CaseRef, ListFilter, Request};

/// A visit received Mon 2026-03-02 (T0), passed on Tue 03-03 (t(1)) as `decision`.
fn passed(o: &Office0, decision: Decision) -> Case {
    let intake = Command::Intake(Box::new(intake_input()));
    let c = o.apply(None, &intake, "李娜", t(0)).unwrap().case;
    o.step(&c, Command::Register(decision), "李娜", t(1))
}

fn assigned_out(report_by: Option<NaiveDate>) -> Decision {
    Decision::PassOn {
        to: "区住建局".into(),
        assign: true,
        report_by,
    }
}

fn received(on: Option<NaiveDate>) -> Command {
    Command::ReportReceived {
        summary: "区住建局报告：已约谈物业，问题已解决".into(),
        received_on: on,
    }
}

fn clock<'a>(views: &'a [ClockView], key: &str) -> &'a ClockView {
    views.iter().find(|v| v.key == key).unwrap()
}

#[test]
fn outbound_report_goes_overdue_and_the_received_step_stops_it() {
    let o = Office0::new();
    let c = passed(&o, assigned_out(None));
    // No date set: the policy's 60 days from the 交办 on Tue 03-03: 03-03 + 60 = Sat 05-02
    // (28 days to 03-31, 30 in April, 2 in May), 劳动节 (05-01..05 off) → Wed 05-06.
    let views = case_clocks(&c, &o.rules(), date(2026, 5, 6));
    let out = clock(&views, "outbound");
    assert_eq!((out.start, out.due), (date(2026, 3, 3), date(2026, 5, 6)));
    assert!(matches!(
        out.status,
        ClockStatus::Running {
            days_left: 0,
            overdue: false,
            ..
        }
    ));
    // Mon 05-11: five days past (05-06 → 05-11), overdue, and the queue's next due.
    let views = case_clocks(&c, &o.rules(), date(2026, 5, 11));
    assert!(matches!(
        clock(&views, "outbound").status,
        ClockStatus::Running {
            days_left: -5,
            overdue: true,
            ..
        }
    ));
    assert_eq!(next_due(&views), Some(date(2026, 5, 6)));
    // The notice of where it went (the reply to a pass-on) and the archive do not stop it.
    let told = o.step(&c, reply(None), "李娜", t(2));
    let archived = o.step(&told, Command::Archive, "李娜", t(3));
    let views = case_clocks(&archived, &o.rules(), date(2026, 5, 11));
    assert_eq!(next_due(&views), Some(date(2026, 5, 6)));
    // Received Mon 05-11 (t(70)): late by 5 days; nothing runs any more.
    assert!(allowed_ops(&archived).contains(&Op::ReportReceived));
    let done = o.step(&archived, received(None), "李娜", t(70));
    let r = done.report_received.clone().unwrap();
    assert_eq!(r.received_on, date(2026, 5, 11));
    let views = case_clocks(&done, &o.rules(), date(2026, 5, 12));
    let late = ClockStatus::Late {
        done: date(2026, 5, 11),
        days_late: 5,
    };
    assert_eq!(clock(&views, "outbound").status, late);
    assert_eq!(next_due(&views), None);
    // Once only.
    let again = o.apply(Some(&done), &received(None), "李娜", t(71));
    assert!(matches!(again, Err(E::WrongState { .. })), "{again:?}");
}

#[test]
fn a_date_set_on_the_step_stands_and_met_on_the_day() {
    let o = Office0::new();
    // The office wants the report by Fri 2026-04-10: due that day, not counted.
    let c = passed(&o, assigned_out(Some(date(2026, 4, 10))));
    let views = case_clocks(&c, &o.rules(), date(2026, 4, 1));
    assert_eq!(clock(&views, "outbound").due, date(2026, 4, 10));
    // Received on 04-10 itself, recorded three days later (t(42) = Mon 04-13): met.
    let done = o.step(&c, received(Some(date(2026, 4, 10))), "李娜", t(42));
    let views = case_clocks(&done, &o.rules(), date(2026, 4, 13));
    let met = ClockStatus::Met {
        done: date(2026, 4, 10),
    };
    assert_eq!(clock(&views, "outbound").status, met);
    // A date for the report before the 交办 itself is refused.
    let intake = Command::Intake(Box::new(intake_input()));
    let fresh = o.apply(None, &intake, "李娜", t(0)).unwrap().case;
    let early = Command::Register(assigned_out(Some(date(2026, 3, 2))));
    assert_eq!(
        o.apply(Some(&fresh), &early, "李娜", t(1)).unwrap_err(),
        E::DateTooEarly {
            date: date(2026, 3, 2),
            earliest: date(2026, 3, 3)
        }
    );
}

#[test]
fn received_only_on_a_jiaoban_between_it_and_today_by_the_office() {
    let o = Office0::new();
    // A plain 转送 asks for no report: no clock, no step.
    let plain = passed(&o, Decision::pass_on("区人社局"));
    let views = case_clocks(&plain, &o.rules(), date(2026, 6, 1));
    assert!(views.iter().all(|v| v.key != "outbound"));
    assert!(!allowed_ops(&plain).contains(&Op::ReportReceived));
    let r = o.apply(Some(&plain), &received(None), "李娜", t(5));
    assert!(matches!(r, Err(E::WrongState { .. })), "{r:?}");
    // An accepted case handled here has none either.
    let intake = Command::Intake(Box::new(intake_input()));
    let c = o.apply(None, &intake, "李娜", t(0)).unwrap().case;
    let acc = o.step(&c, Command::Register(Decision::Accept), "李娜", t(1));
    assert!(
        case_clocks(&acc, &o.rules(), date(2026, 6, 1))
            .iter()
            .all(|v| v.key != "outbound")
    );
    let c = passed(&o, assigned_out(None));
    // Not before the 交办 (Tue 03-03), not after today (t(5) = Sat 03-07).
    let before = o.apply(Some(&c), &received(Some(date(2026, 3, 2))), "李娜", t(5));
    assert_eq!(
        before.unwrap_err(),
        E::DateTooEarly {
            date: date(2026, 3, 2),
            earliest: date(2026, 3, 3)
        }
    );
    let after = o.apply(Some(&c), &received(Some(date(2026, 3, 8))), "李娜", t(5));
    assert_eq!(
        after.unwrap_err(),
        E::DateTooLate {
            date: date(2026, 3, 8),
            latest: date(2026, 3, 7)
        }
    );
    // The office records it (clerk or leader), not a handler; the summary is required.
    let h = o.apply(Some(&c), &received(None), "王强", t(5));
    assert!(matches!(h, Err(E::RoleRequired { .. })), "{h:?}");
    let blank = Command::ReportReceived {
        summary: " ".into(),
        received_on: None,
    };
    let b = o.apply(Some(&c), &blank, "赵局长", t(5));
    assert!(matches!(b, Err(E::MissingField { .. })), "{b:?}");
}

#[test]
fn apply_lines_read_the_jiaoban_and_the_report() {
    let reg: Command = serde_json::from_str(
        r#"{"op":"register","decision":"pass_on","to":"区住建局","report_by":"2026-04-10"}"#,
    )
    .unwrap();
    // A date alone makes it a 交办.
    let Command::Register(d) = &reg else {
        panic!("{reg:?}")
    };
    assert_eq!(d.reports_back(), Some(Some(date(2026, 4, 10))));
    let plain: Command =
        serde_json::from_str(r#"{"op":"register","decision":"pass_on","to":"x"}"#).unwrap();
    assert_eq!(plain, Command::Register(Decision::pass_on("x")));
    // A plain pass-on is written as before: no new fields in old ledgers' journals.
    let json = serde_json::to_string(&plain).unwrap();
    assert_eq!(json, r#"{"op":"register","decision":"pass_on","to":"x"}"#);
    let got: Command = serde_json::from_str(
        r#"{"op":"report_received","summary":"s","received_on":"2026-04-10"}"#,
    )
    .unwrap();
    assert_eq!(got, {
        Command::ReportReceived {
            summary: "s".into(),
            received_on: Some(date(2026, 4, 10)),
        }
    });
}

#[test]
fn the_overdue_report_counts_in_the_header_and_list_overdue() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = ledger(&dir.path().join("l.db"));
    let mut run = |case: Option<i64>, command: Command, day: i64| {
        let req = Request {
            case: case.map(CaseRef::Id),
            expected_version: None,
            command,
            actor: "李娜".into(),
            at: t(day),
        };
        store.execute(&req).unwrap().id
    };
    let id = run(None, Command::Intake(Box::new(intake_input())), 0);
    // 交办 Tue 03-03, report by Fri 04-10; the petitioner told (notice) and archived.
    let by = Some(date(2026, 4, 10));
    run(Some(id), Command::Register(assigned_out(by)), 1);
    run(Some(id), reply(None), 2);
    run(Some(id), Command::Archive, 3);
    let overdue = ListFilter {
        overdue: true,
        limit: 50,
        ..ListFilter::default()
    };
    // Mon 04-13: three days past 04-10.
    let today = date(2026, 4, 13);
    assert_eq!(store.desk_counts(today).unwrap().overdue, 1);
    let ids: Vec<i64> = (store.list(&overdue, today).unwrap().iter())
        .map(|(r, _)| r.case.id)
        .collect();
    assert_eq!(ids, [id]);
    // The report received stops it: nothing overdue.
    let mut store2 = store;
    let req = Request {
        case: Some(CaseRef::Id(id)),
        expected_version: None,
        command: received(None),
        actor: "李娜".into(),
        at: t(42),
    };
    store2.execute(&req).unwrap();
    assert_eq!(store2.desk_counts(today).unwrap().overdue, 0);
    assert!(store2.list(&overdue, today).unwrap().is_empty());
}

#[test]
fn the_desk_records_a_jiaoban_and_the_report_received() {
    use common::desk::Desk;
    use ratatui::crossterm::event::KeyCode;
    use xinfang::strings::form::FieldKey;
    use xinfang::ui::app::Screen;
    // The desk's day is t(1), Tue 2026-03-03.
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("冯七");
    d.fill_summary("反映小区违建");
    d.ctrl('s');
    // d: the decision 转送, to 区住建局, with a date for the 办结报告: a 交办.
    d.key(KeyCode::Char('d'));
    d.to(FieldKey::Decision, None);
    d.chars("转送");
    d.fill(FieldKey::PassTo, "区住建局");
    d.fill(FieldKey::ReportBy, "2026-04-10");
    d.ctrl('s');
    let Screen::Case(c) = &d.app.screen else {
        panic!("back on the case: {:?}", d.app.message)
    };
    let decision = c.row.case.decision.as_ref().map(|d| d.decision.clone());
    let expected = Decision::PassOn {
        to: "区住建局".into(),
        assign: false,
        report_by: Some(date(2026, 4, 10)),
    };
    assert_eq!(decision, Some(expected), "{:?}", d.app.message);
    let text = screen(&d.app);
    assert!(
        text.contains("交办区住建局，办结报告期限2026-04-10；办结报告未收到"),
        "{text}"
    );
    assert!(text.contains("交办办结报告"), "{text}");
    // F (shift-f): the 办结报告 received, dated today by default.
    d.key(KeyCode::Char('F'));
    assert_eq!(
        d.form().text(FieldKey::ReportReceivedOn).as_deref(),
        Some("2026-03-03")
    );
    d.fill(FieldKey::ReportSummary, "已拆除违建");
    d.ctrl('s');
    let Screen::Case(c) = &d.app.screen else {
        panic!("back on the case: {:?}", d.app.message)
    };
    let r = c.row.case.report_received.clone();
    assert_eq!(r.map(|r| r.received_on), Some(date(2026, 3, 3)));
    let text = screen(&d.app);
    assert!(text.contains("2026-03-03收到：已拆除违建"), "{text}");
}

#[test]
fn show_names_where_a_jiaoban_went_and_its_report() {
    let l = common::Ledger::new();
    // The README session's office and intake (Sat 2026-01-31), then a 交办 on Mon 02-02 with
    // no date: 02-02 + 60 = Fri 04-03 (26 days to 02-28, 31 in March, 3 in April), a working
    // day (清明 is 04-04..06).
    let setup: String = SESSION.lines().take(5).map(|s| format!("{s}\n")).collect();
    let jiaoban = r#"{"op":"register","actor":"李娜","case":1,"decision":"pass_on","to":"区住建局","assign":true,"at":"2026-02-02T09:00:00+08:00"}"#;
    l.apply_ok(&format!("{setup}{jiaoban}\n"));
    let out = common::run(&["show", "--db", l.db(), "2026-0001"], "");
    assert!(out.success(), "{out:?}");
    assert!(
        out.stdout
            .contains("交办去向：交办区住建局，办结报告期限 2026-04-03；办结报告未收到"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("交办办结报告"), "{}", out.stdout);
    let received = r#"{"op":"report_received","actor":"李娜","case":"2026-0001","summary":"已拆除违建","received_on":"2026-04-01","at":"2026-04-02T09:00:00+08:00"}"#;
    l.apply_ok(&format!("{received}\n"));
    let out = common::run(&["show", "--db", l.db(), "2026-0001"], "");
    assert!(
        out.stdout.contains("2026-04-01 收到：已拆除违建"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("2026-04-01 按期完成"), "{}", out.stdout);
}

const SESSION: &str = include_str!("fixtures/session.jsonl");
