//! 听证 (2022《信访工作条例》第三十六条第二款: 复核机关可以举行听证…听证所需时间不计算在前款
//! 规定的期限内): a hearing on a 复核 case and the 30-day 复核 clock, each date written out by
//! hand. The clock's count (as every clock here): 30 calendar days (plain 日 in the regulation),
//! the day the request was received not counted; a hearing's days, from and to inclusive, are
//! passed over as the start day is, whatever day of the week they fall on; the day the count
//! reaches rolls forward to the next working day when it is a rest day.

mod common;

use chrono::NaiveDate;
use common::chain::{Chain, on};
use common::fixture::*;
use serde_json::{Value, json};
use xinfang::domain::calendar::HolidayCalendar;
use xinfang::domain::command::Command;
use xinfang::domain::deadline::{ClockView, due_date_paused};
use xinfang::domain::error::{Field, WorkflowError as E};
use xinfang::domain::op::{Act, Op};
use xinfang::domain::policy::{DayUnit, Policy};
use xinfang::domain::types::{Level, Role, State};
use xinfang::store::{CaseRef, ListFilter, Request, Store};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// 09:00 office time on `s`.
impl Chain {
    /// Accepted on `accepted`, assigned to 王强, his opinion approved, the reply served.
    fn handle(&mut self, accepted: &str, served: &str) {
        self.ok(
            "李娜",
            accepted,
            json!({"op":"register","decision":"accept"}),
        );
        self.ok(
            "李娜",
            accepted,
            json!({"op":"assign","department":"城建科","handler":"王强"}),
        );
        self.ok(
            "王强",
            accepted,
            json!({"op":"opinion","text":"维持原处理意见"}),
        );
        self.ok("赵局长", accepted, json!({"op":"instruct","approve":true}));
        let reply =
            json!({"op":"reply","outcome":"reject","method":"post","text":"维持原处理意见"});
        self.ok("李娜", served, reply);
    }

    /// A review request on `when`: the chain follows the new case.
    fn review(&mut self, when: &str) {
        let cmd = json!({"op":"review","text":"对意见不服"});
        self.id = self.run("李娜", when, cmd).unwrap();
    }

    fn clock(&self, key: &str, today: &str) -> ClockView {
        let row = self.store.case(&CaseRef::Id(self.id), day(today)).unwrap();
        row.clocks.into_iter().find(|v| v.key == key).unwrap()
    }
}

/// A 复核 case received on `rereview` (09:00), accepted and assigned to 王强 that day: its
/// first handling served 2026-01-20 (复查 asked 02-02, within 30 days), the 复查 opinion
/// served 02-25 (复核 asked within 30 days of it: by 03-27), then `rereview` itself.
fn rereview_case(rereview: &str) -> Chain {
    let dir = tempfile::tempdir().unwrap();
    let store = ledger(&dir.path().join("l.db"));
    let mut c = Chain { dir, store, id: 0 };
    let mut input = serde_json::to_value(intake_input()).unwrap();
    input["op"] = json!("intake");
    input["received_at"] = json!("2026-01-05T09:00:00+08:00");
    c.id = c.run("李娜", "2026-01-05", input).unwrap();
    c.handle("2026-01-06", "2026-01-20");
    c.review("2026-02-02");
    c.handle("2026-02-03", "2026-02-25");
    c.review(rereview);
    c.ok(
        "李娜",
        rereview,
        json!({"op":"register","decision":"accept"}),
    );
    c.ok(
        "李娜",
        rereview,
        json!({"op":"assign","department":"城建科","handler":"王强"}),
    );
    c
}

fn hearing(from: &str, to: &str) -> Value {
    json!({"op":"hearing","from":from,"to":to,"participants":"信访人张三、城建科王强、听证员三名","conclusion":"原处理意见事实清楚，维持"})
}

#[test]
fn a_hearing_is_not_counted_in_the_rereview_clock() {
    // Received Mon 2026-03-02. Without a hearing: 03-02 not counted, 29 days to 03-31, the
    // 30th is Wed 04-01, a working day: due 04-01.
    let mut c = rereview_case("2026-03-02");
    let before = c.clock("rereview_handle", "2026-03-09");
    assert_eq!(before.due, day("2026-04-01"));
    assert_eq!(before.paused_days, 0);
    // A hearing Tue 03-10 to Thu 03-12: three days passed over. Counting: 03-03..03-09 (7),
    // 03-10..12 not counted, 03-13..03-31 (19), 04-01..04-04 (4): the 30th counted day is Sat
    // 04-04, 清明 (04-04..06 off in 2026.json) → Tue 04-07.
    c.ok("王强", "2026-03-12", hearing("2026-03-10", "2026-03-12"));
    let after = c.clock("rereview_handle", "2026-03-13");
    assert_eq!(after.due, day("2026-04-07"));
    assert_eq!(after.paused_days, 3);
    // A second hearing Fri 03-20 to Mon 03-23 (over the weekend 21–22): four more days. 30
    // counted days now end on 03-02 + 30 + 3 + 4 = Wed 04-08, a working day.
    c.ok("李娜", "2026-03-23", hearing("2026-03-20", "2026-03-23"));
    let both = c.clock("rereview_handle", "2026-03-24");
    assert_eq!(both.due, day("2026-04-08"));
    assert_eq!(both.paused_days, 7);
    // The reply on the new due date is in time.
    let row = c.store.case(&CaseRef::Id(c.id), day("2026-03-24")).unwrap();
    assert_eq!(row.case.hearings.len(), 2);
    assert_eq!(row.case.level(), Level::ReReview);
}

#[test]
fn a_hearing_over_the_labour_day_holiday_and_a_weekend() {
    // The 复查 served 02-25 gives a 复核 window to 03-27; this chain asks for 复核 later, so
    // it is built with its own dates: first reply 03-16, 复查 asked 03-30, 复查 opinion served
    // 04-10, 复核 asked Mon 04-20 (within 30 days of 04-10: by 05-11).
    let dir = tempfile::tempdir().unwrap();
    let store = ledger(&dir.path().join("l.db"));
    let mut c = Chain { dir, store, id: 0 };
    let mut input = serde_json::to_value(intake_input()).unwrap();
    input["op"] = json!("intake");
    input["received_at"] = json!("2026-03-02T09:00:00+08:00");
    c.id = c.run("李娜", "2026-03-02", input).unwrap();
    c.handle("2026-03-03", "2026-03-16");
    c.review("2026-03-30");
    c.handle("2026-03-31", "2026-04-10");
    c.review("2026-04-20");
    c.ok(
        "李娜",
        "2026-04-20",
        json!({"op":"register","decision":"accept"}),
    );
    let assign = json!({"op":"assign","department":"城建科","handler":"王强"});
    c.ok("李娜", "2026-04-20", assign);
    // Without a hearing: 04-20 not counted, 10 days to 04-30, 20 more to Wed 05-20.
    assert_eq!(
        c.clock("rereview_handle", "2026-04-21").due,
        day("2026-05-20")
    );
    // A hearing Thu 04-30 to Mon 05-04: 04-30, 05-01 (劳动节), 05-02 Sat, 05-03 Sun, 05-04
    // (劳动节): five calendar days, all passed over (the clock counts calendar days, so a
    // holiday in the hearing is one of its days like any). Counting: 04-21..04-29 (9), five
    // passed over, 05-05..05-25 (21): the 30th is Mon 05-25, a working day.
    c.ok("王强", "2026-05-06", hearing("2026-04-30", "2026-05-04"));
    let v = c.clock("rereview_handle", "2026-05-06");
    assert_eq!(v.due, day("2026-05-25"));
    assert_eq!(v.paused_days, 5);
}

#[test]
fn the_due_date_moves_in_the_queue_and_in_show() {
    let mut c = rereview_case("2026-03-02");
    // On Thu 04-02 the case is one day past 04-01: overdue in `list --overdue`.
    let overdue = |store: &Store, today: &str| -> Vec<(i64, String)> {
        let f = ListFilter {
            overdue: true,
            limit: 50,
            ..ListFilter::default()
        };
        let rows = store.list(&f, day(today)).unwrap();
        rows.into_iter()
            .map(|(r, k)| (r.case.id, format!("{k:?}")))
            .collect()
    };
    assert_eq!(overdue(&c.store, "2026-04-02").len(), 1);
    // With the hearing 03-10..12 the case is due Tue 04-07 (see above), stored as its
    // next_due: not overdue on 04-02 nor on 04-07, overdue on Wed 04-08.
    c.ok("王强", "2026-03-12", hearing("2026-03-10", "2026-03-12"));
    assert!(overdue(&c.store, "2026-04-02").is_empty());
    assert!(overdue(&c.store, "2026-04-07").is_empty());
    let late = overdue(&c.store, "2026-04-08");
    assert_eq!(late.len(), 1);
    assert!(late[0].1.contains("2026-04-07"), "{late:?}");
    // `show` gives the moved date and says why, and lists the hearing.
    let db = c.dir.path().join("l.db");
    drop(c.store);
    let out = common::run(&["show", "--db", db.to_str().unwrap(), "3"], "");
    assert!(out.success(), "{out:?}");
    for want in [
        "2026-04-07",
        "听证 3 日不计（《信访工作条例》第三十六条第二款）",
        "听证：2026-03-10～2026-03-12，参加人：信访人张三、城建科王强、听证员三名；结论：原处理意见事实清楚，维持",
    ] {
        assert!(out.stdout.contains(want), "missing {want}:\n{}", out.stdout);
    }
}

#[test]
fn hearing_dates_that_cannot_be() {
    let o = Office0::new();
    let f = fixtures(&o);
    // A 复核 case received 2026-03-10 (t(8)): the fixtures' replied case, reviewed twice.
    let rr = {
        let mut case = f[7].1.clone();
        for _ in 0..2 {
            let review = Command::Review {
                text: "不服".into(),
                received_on: None,
            };
            case = o.apply(Some(&case), &review, "李娜", t(8)).unwrap().case;
            case = o.step(
                &case,
                Command::Register(xinfang::domain::types::Decision::Accept),
                "李娜",
                t(8),
            );
            case = o.step(&case, assign("城建科", "王强"), "李娜", t(8));
            if case.level() == Level::ReReview {
                break;
            }
            case = o.step(
                &case,
                Command::Opinion {
                    text: "维持".into(),
                },
                "王强",
                t(8),
            );
            let approve = Command::Instruct {
                approve: true,
                text: String::new(),
            };
            case = o.step(&case, approve, "赵局长", t(8));
            case = o.step(
                &case,
                reply(Some(xinfang::domain::types::Outcome::Reject)),
                "李娜",
                t(8),
            );
        }
        case
    };
    assert_eq!((rr.level(), rr.state), (Level::ReReview, State::Assigned));
    let h = |from: NaiveDate, to: NaiveDate| Command::Hearing {
        from,
        to,
        participants: "信访人、承办人".into(),
        conclusion: "维持".into(),
    };
    // Today is 2026-03-12 (t(10)). Before the request was received (03-10): refused.
    let early = o.apply(
        Some(&rr),
        &h(date(2026, 3, 9), date(2026, 3, 10)),
        "李娜",
        t(10),
    );
    assert_eq!(
        early.unwrap_err(),
        E::DateTooEarly {
            date: date(2026, 3, 9),
            earliest: date(2026, 3, 10)
        }
    );
    // `to` before `from`.
    let backwards = o.apply(
        Some(&rr),
        &h(date(2026, 3, 11), date(2026, 3, 10)),
        "李娜",
        t(10),
    );
    assert_eq!(
        backwards.unwrap_err(),
        E::DateTooEarly {
            date: date(2026, 3, 10),
            earliest: date(2026, 3, 11)
        }
    );
    // A hearing is recorded once held: not ending after today.
    let ahead = o.apply(
        Some(&rr),
        &h(date(2026, 3, 11), date(2026, 3, 13)),
        "李娜",
        t(10),
    );
    assert_eq!(
        ahead.unwrap_err(),
        E::DateTooLate {
            date: date(2026, 3, 13),
            latest: date(2026, 3, 12)
        }
    );
    // The day it was received and today are both allowed.
    assert!(
        o.apply(
            Some(&rr),
            &h(date(2026, 3, 10), date(2026, 3, 12)),
            "李娜",
            t(10)
        )
        .is_ok()
    );
    // Who took part and what it concluded are required.
    let blank = Command::Hearing {
        from: date(2026, 3, 11),
        to: date(2026, 3, 11),
        participants: " ".into(),
        conclusion: "维持".into(),
    };
    assert_eq!(
        o.apply(Some(&rr), &blank, "李娜", t(10)).unwrap_err(),
        E::MissingField {
            op: Act::Step(Op::Hearing),
            field: Field::Participants
        }
    );
    // Who records it: the office (clerk, leader) or the handler holding the case; not another
    // handler.
    let ok = h(date(2026, 3, 11), date(2026, 3, 11));
    for who in ["李娜", "赵局长", "王强"] {
        assert!(o.apply(Some(&rr), &ok, who, t(10)).is_ok(), "{who}");
    }
    assert_eq!(
        o.apply(Some(&rr), &ok, "刘洋", t(10)).unwrap_err(),
        E::RoleRequired {
            op: Act::Step(Op::Hearing),
            needed: vec![Role::Clerk, Role::Leader],
            actor: "刘洋".into(),
            actual: Role::Handler,
        }
    );
    // A 申诉求决 item's first handling may hold one too (Art 31 (六): 对重大、复杂、疑难的信访
    // 事项，可以举行听证); its days are counted in the 60 days (only Art 36 says otherwise).
    let first = o
        .apply(Some(&f[4].1), &ok, "李娜", t(10))
        .expect("Art 31 (六)");
    let clocks = xinfang::domain::due::case_clocks(&first.case, &o.rules(), date(2026, 3, 12));
    let handle = clocks.iter().find(|c| c.key == "handle").expect("60 days");
    assert_eq!(handle.paused_days, 0, "{handle:?}");
    // Not on a 建议意见 item, whose course Art 29 sets.
    let mut suggestion = f[4].1.clone();
    suggestion.intake.handling_type = Some(xinfang::domain::types::HandlingType::Suggestion);
    let refused = o.apply(Some(&suggestion), &ok, "李娜", t(10)).unwrap_err();
    assert!(
        matches!(
            refused,
            E::WrongState {
                op: Op::Hearing,
                ..
            }
        ),
        "{refused:?}"
    );
}

/// The count itself, on dates and ranges alone (`deadline::due_date_paused`).
#[test]
fn paused_days_are_passed_over_not_added() {
    let p = Policy::builtin();
    let cal = HolidayCalendar::builtin();
    let rule = p.clock("rereview_handle").unwrap();
    let paused = |ranges: &[(&str, &str)]| -> (NaiveDate, u32) {
        let r: Vec<_> = ranges.iter().map(|(a, b)| (day(a), day(b))).collect();
        due_date_paused(&cal, rule, day("2026-03-02"), 0, &r)
    };
    // Received Mon 03-02: 30 days end Wed 04-01.
    assert_eq!(paused(&[]), (day("2026-04-01"), 0));
    // A hearing on the start day moves nothing: that day is not counted anyway.
    assert_eq!(
        paused(&[("2026-03-02", "2026-03-02")]),
        (day("2026-04-01"), 0)
    );
    // Two hearings sharing 03-11: 03-10..11 and 03-11..12 are three days, not four; the
    // 30th counted day is Sat 04-04 (清明) → Tue 04-07.
    let overlap = [("2026-03-10", "2026-03-11"), ("2026-03-11", "2026-03-12")];
    assert_eq!(paused(&overlap), (day("2026-04-07"), 3));
    // Held after the period had run out (Thu 04-02, Fri 04-03): never in it, nothing moves.
    assert_eq!(
        paused(&[("2026-04-02", "2026-04-03")]),
        (day("2026-04-01"), 0)
    );
    // A working-day clock passes over a hearing's working days only. 5 working days from
    // Wed 02-11 (12, 13, Sat 14 make-up, 24, 25 → 02-25); with 02-13..02-24 paused: 12 (1),
    // 13 and 14 and 24 passed over (15..23 are rest days, not counted either way), 25 (2),
    // 26 (3), 27 (4), Sat 28 make-up (5) → 02-28, 3 passed over.
    let mut working = rule.clone();
    working.days = 5;
    working.unit = DayUnit::Working;
    let r = [(day("2026-02-13"), day("2026-02-24"))];
    assert_eq!(
        due_date_paused(&cal, &working, day("2026-02-11"), 0, &r),
        (day("2026-02-28"), 3)
    );
}

/// The desk: `t` on an assigned 复核 case opens the hearing form (today as both days), Ctrl-S
/// saves it, and the case screen shows the hearing and the clock's note.
#[test]
fn the_desk_form_records_a_hearing() {
    use common::desk::Desk;
    use ratatui::crossterm::event::KeyCode;
    use xinfang::strings::form::FieldKey;
    use xinfang::ui::app::{Cmd, Screen};
    // The desk's day is t(12), Sat 2026-03-14; case 1 (taken in 03-02) is handled and served
    // 03-03, its 复查 (case 2) asked and served 03-04, its 复核 (case 3) asked Thu 03-05.
    let mut d = Desk::new("李娜", 12);
    let run = |d: &mut Desk, case: i64, actor: &str, when: &str, cmd: Value| -> i64 {
        let command: Command = serde_json::from_value(cmd).unwrap();
        let req = Request {
            case: Some(CaseRef::Id(case)),
            expected_version: None,
            command,
            actor: actor.into(),
            at: on(when),
        };
        d.store.execute(&req).unwrap().id
    };
    let handle = |d: &mut Desk, case: i64, when: &str, reply: bool| {
        run(
            d,
            case,
            "李娜",
            when,
            json!({"op":"register","decision":"accept"}),
        );
        let assign = json!({"op":"assign","department":"城建科","handler":"王强"});
        run(d, case, "李娜", when, assign);
        if reply {
            run(d, case, "王强", when, json!({"op":"opinion","text":"维持"}));
            run(
                d,
                case,
                "赵局长",
                when,
                json!({"op":"instruct","approve":true}),
            );
            let reply = json!({"op":"reply","outcome":"reject","method":"post","text":"维持"});
            run(d, case, "李娜", when, reply);
        }
    };
    handle(&mut d, 1, "2026-03-03", true);
    let review = json!({"op":"review","text":"对意见不服"});
    let two = run(&mut d, 1, "李娜", "2026-03-04", review.clone());
    handle(&mut d, two, "2026-03-04", true);
    let three = run(&mut d, two, "李娜", "2026-03-05", review);
    handle(&mut d, three, "2026-03-05", false);
    let msg = xinfang::ui::runtime::execute(&mut d.store, &d.app, &Cmd::OpenCase(three));
    d.send(msg);
    d.key(KeyCode::Char('t'));
    assert_eq!(
        d.form().text(FieldKey::HearingFrom).as_deref(),
        Some("2026-03-14")
    );
    d.fill(FieldKey::Participants, "信访人张三、城建科王强");
    d.fill(FieldKey::Conclusion, "维持复查意见");
    // Ending before it starts is caught in the form, on the end date.
    d.fill(FieldKey::HearingTo, "2026-03-12");
    d.ctrl('s');
    let to = d
        .form()
        .get(FieldKey::HearingTo)
        .and_then(|f| f.error.clone());
    assert_eq!(to.as_deref(), Some("听证结束日期不能早于开始日期"));
    // Held Fri 03-13 to Sat 03-14 (Ctrl-U clears what was typed).
    d.to(FieldKey::HearingTo, None);
    d.ctrl('u');
    d.chars("2026-03-14");
    d.fill(FieldKey::HearingFrom, "2026-03-13");
    d.ctrl('s');
    let Screen::Case(c) = &d.app.screen else {
        panic!("back on the case: {:?}", d.app.message)
    };
    let h = &c.row.case.hearings;
    assert_eq!(h.len(), 1, "{:?}", d.app.message);
    assert_eq!((h[0].from, h[0].to), (day("2026-03-13"), day("2026-03-14")));
    assert_eq!(d.store.events(three).unwrap().last().unwrap().op, "hearing");
    // Received Thu 03-05: 30 days to Sat 04-04, with the two hearing days Mon 04-06 (清明
    // 04-04..06 off) → Tue 04-07.
    let clock = c.row.clocks.iter().find(|v| v.key == "rereview_handle");
    assert_eq!(
        clock.map(|v| (v.due, v.paused_days)),
        Some((day("2026-04-07"), 2))
    );
}

/// The `apply` lines README gives: a hearing moves the `due` of the 复核 clock in the result.
#[test]
fn apply_records_a_hearing_and_reports_the_moved_due_date() {
    let l = common::Ledger::set_up();
    // A 复核 case (3) asked Mon 2026-11-16, accepted and assigned that day: 11-16 + 30 = Wed
    // 12-16.
    let chain = [
        r#"{"op":"intake","actor":"李娜","at":"2026-10-12T09:00:00+08:00","channel":"visit","petitioners":[{"name":"张三","phone":"13800138000","main":true}],"category":"城乡建设","handling_type":"claim","summary":"反映拆迁补偿款至今未到位","request":"要求尽快支付","urgency":"normal"}"#,
        r#"{"op":"register","actor":"李娜","case":1,"decision":"accept","at":"2026-10-13T09:00:00+08:00"}"#,
        r#"{"op":"assign","actor":"李娜","case":1,"department":"城建科","handler":"王强","at":"2026-10-13T09:10:00+08:00"}"#,
        r#"{"op":"opinion","actor":"王强","case":1,"text":"补偿款已按标准核定","at":"2026-10-14T09:00:00+08:00"}"#,
        r#"{"op":"instruct","actor":"赵局长","case":1,"approve":true,"at":"2026-10-15T09:00:00+08:00"}"#,
        r#"{"op":"reply","actor":"李娜","case":1,"outcome":"explain","method":"post","text":"补偿款已按标准核定","at":"2026-10-16T09:00:00+08:00"}"#,
        r#"{"op":"review","actor":"李娜","case":1,"text":"对处理意见不服，请求复查","at":"2026-10-26T09:00:00+08:00"}"#,
        r#"{"op":"register","actor":"李娜","case":2,"decision":"accept","at":"2026-10-26T10:00:00+08:00"}"#,
        r#"{"op":"assign","actor":"李娜","case":2,"department":"城建科","handler":"王强","at":"2026-10-26T10:10:00+08:00"}"#,
        r#"{"op":"opinion","actor":"王强","case":2,"text":"维持原处理意见","at":"2026-11-02T09:00:00+08:00"}"#,
        r#"{"op":"instruct","actor":"赵局长","case":2,"approve":true,"at":"2026-11-03T09:00:00+08:00"}"#,
        r#"{"op":"reply","actor":"李娜","case":2,"outcome":"reject","method":"post","text":"经复查，维持原处理意见","at":"2026-11-04T09:00:00+08:00"}"#,
        r#"{"op":"review","actor":"李娜","case":2,"text":"对复查意见不服，请求复核","at":"2026-11-16T09:00:00+08:00"}"#,
        r#"{"op":"register","actor":"李娜","case":3,"decision":"accept","at":"2026-11-16T10:00:00+08:00"}"#,
        r#"{"op":"assign","actor":"李娜","case":3,"department":"城建科","handler":"王强","at":"2026-11-16T10:10:00+08:00"}"#,
    ];
    let out = l.apply_ok(&format!("{}\n", chain.join("\n")));
    assert_eq!(out[14]["due"]["rereview_handle"], "2026-12-16");
    // Held Fri 11-27 to Mon 11-30, four days: 12-16 + 4 = Sun 12-20 → Mon 12-21.
    let hearing = r#"{"op":"hearing","actor":"王强","case":3,"from":"2026-11-27","to":"2026-11-30","participants":"信访人张三、城建科王强","conclusion":"维持复查意见","at":"2026-11-30T17:00:00+08:00"}"#;
    let out = l.apply_ok(hearing);
    assert_eq!(out[0]["due"]["rereview_handle"], "2026-12-21");
    let show = common::run(&["show", "--db", l.db(), "3"], "");
    assert!(show.stdout.contains("听证 4 日不计"), "{}", show.stdout);
}
