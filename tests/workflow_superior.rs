//! The superior's deadline (2022《信访工作条例》第二十二条第（三）项): a referral's 要求办结日期
//! is a clock of its own, an extension past it warns, and the 办结报告 stops it. Dates are
//! written out by hand; the start day is not counted and a period ending on a rest day rolls
//! to the next working day (the superior's date itself is a date given, not a period).

mod common;

use chrono::NaiveDate;
use common::fixture::*;
use xinfang::domain::case::{Case, Referral};
use xinfang::domain::command::Command;
use xinfang::domain::deadline::{ClockStatus, ClockView};
use xinfang::domain::due::{case_clocks, next_due};
use xinfang::domain::error::WorkflowError as E;
use xinfang::domain::op::Op;
use xinfang::domain::types::*;
use xinfang::domain::workflow::{Warning, allowed_ops};

/// A referral received Mon 2026-03-02 (T0), due back to 市信访局 by `deadline`.
fn referral(o: &Office0, deadline: NaiveDate) -> Case {
    let mut input = intake_input();
    input.channel = Channel::Referral;
    input.referral = Some(Referral {
        body: "市信访局".into(),
        doc_no: Some("市信交〔2026〕12号".into()),
        deadline: Some(deadline),
    });
    let intake = Command::Intake(Box::new(input));
    o.apply(None, &intake, "李娜", t(0)).unwrap().case
}

/// Accepted Tue 03-03 (t(1)), assigned Wed 03-04.
fn assigned(o: &Office0, deadline: NaiveDate) -> Case {
    let reg = o.step(
        &referral(o, deadline),
        Command::Register(Decision::Accept),
        "李娜",
        t(1),
    );
    o.step(&reg, assign("城建科", "王强"), "李娜", t(2))
}

/// Opinion, instruction, reply served Sat 03-07 (t(5)).
fn replied(o: &Office0, deadline: NaiveDate) -> Case {
    let c = o.step(
        &assigned(o, deadline),
        Command::Opinion {
            text: "拟支持".into(),
        },
        "王强",
        t(3),
    );
    let c = o.step(
        &c,
        Command::Instruct {
            approve: true,
            text: "同意".into(),
        },
        "赵局长",
        t(4),
    );
    o.step(&c, reply(Some(Outcome::Support)), "李娜", t(5))
}

fn report_back(sent_on: Option<NaiveDate>) -> Command {
    Command::ReportBack {
        text: "该事项已办结，答复意见已送达信访人".into(),
        sent_on,
    }
}

fn clock<'a>(views: &'a [ClockView], key: &str) -> &'a ClockView {
    views.iter().find(|v| v.key == key).unwrap()
}

#[test]
fn superior_deadline_makes_the_case_overdue_before_the_handling_clock() {
    let o = Office0::new();
    // The superior wants the 办结报告 by Fri 2026-04-10.
    let c = assigned(&o, date(2026, 4, 10));
    // Handling: accepted 03-03 + 60 days = 05-02 (28 days to 03-31, 30 in April, 2 in May),
    // 劳动节 (05-01..05 off) → Wed 05-06.
    let today = date(2026, 4, 13); // Mon, three days past the superior's date
    let views = case_clocks(&c, &o.rules(), today);
    let handle = clock(&views, "handle");
    assert_eq!(handle.due, date(2026, 5, 6));
    assert!(matches!(
        handle.status,
        ClockStatus::Running { overdue: false, .. }
    ));
    let superior = clock(&views, "superior");
    assert_eq!(superior.due, date(2026, 4, 10));
    assert!(matches!(
        superior.status,
        ClockStatus::Running {
            days_left: -3,
            overdue: true,
            ..
        }
    ));
    // The queue's "next due" (its overdue filter and counts) takes whichever ends first.
    assert_eq!(next_due(&views), Some(date(2026, 4, 10)));
}

#[test]
fn extension_past_the_superiors_date_warns_and_is_recorded() {
    let o = Office0::new();
    // The superior set Fri 2026-05-08; handling is due Wed 05-06 (see above).
    let c = assigned(&o, date(2026, 5, 8));
    let extend = |days: u32| Command::Extend {
        days,
        reason: "需现场勘查".into(),
    };
    // 3 days: 03-03 + 63 = Tue 05-05, 劳动节 → Wed 05-06, not past 05-08: no warning.
    let t3 = o.apply(Some(&c), &extend(3), "赵局长", t(8)).unwrap();
    assert!(t3.warnings.is_empty());
    assert_eq!(t3.case.extension.unwrap().past_superior_due, None);
    // 10 days: 03-03 + 70 = Tue 05-12, a working day, past 05-08: allowed, with the warning
    // that the superior must agree, kept on the extension (and so in the journal's event).
    let t10 = o.apply(Some(&c), &extend(10), "赵局长", t(8)).unwrap();
    assert_eq!(
        t10.warnings,
        vec![Warning::PastSuperiorDeadline {
            due: date(2026, 5, 12),
            superior: date(2026, 5, 8),
        }]
    );
    let ext = t10.case.extension.clone().unwrap();
    assert_eq!(ext.past_superior_due, Some(date(2026, 5, 8)));
    let json = serde_json::to_value(&t10.case).unwrap();
    assert_eq!(json["extension"]["past_superior_due"], "2026-05-08");
    let zh = xinfang::strings::warnings::warning(xinfang::strings::Lang::Zh, &t10.warnings[0]);
    assert!(
        zh.contains("2026-05-12") && zh.contains("须经交办机关同意"),
        "{zh}"
    );
    // A case that did not come from above has no superior's date and no warning.
    let reg = o.step(
        &o.apply(
            None,
            &Command::Intake(Box::new(intake_input())),
            "李娜",
            t(0),
        )
        .unwrap()
        .case,
        Command::Register(Decision::Accept),
        "李娜",
        t(1),
    );
    let visit = o.step(&reg, assign("城建科", "王强"), "李娜", t(2));
    let tv = o.apply(Some(&visit), &extend(30), "赵局长", t(8)).unwrap();
    assert!(tv.warnings.is_empty());
}

#[test]
fn the_report_back_stops_the_superiors_clock() {
    let o = Office0::new();
    let c = replied(&o, date(2026, 5, 8));
    assert!(allowed_ops(&c).contains(&Op::ReportBack));
    // Sent on Fri 05-08, the last day: met; the case then owes nothing upwards.
    let sent = o.step(&c, report_back(Some(date(2026, 5, 8))), "李娜", t(70));
    let views = case_clocks(&sent, &o.rules(), date(2026, 5, 11));
    let expected = ClockStatus::Met {
        done: date(2026, 5, 8),
    };
    assert_eq!(clock(&views, "superior").status, expected);
    assert_eq!(next_due(&views), None);
    // Sent Mon 05-11, three days after the date: late.
    let late = o.step(&c, report_back(None), "李娜", t(70)); // t(70) = 2026-05-11
    let views = case_clocks(&late, &o.rules(), date(2026, 5, 11));
    let expected = ClockStatus::Late {
        done: date(2026, 5, 11),
        days_late: 3,
    };
    assert_eq!(clock(&views, "superior").status, expected);
    // Once only; not before the reply was served (Sat 03-07); not in the future.
    let again = o.apply(Some(&sent), &report_back(None), "李娜", t(71));
    assert!(matches!(again, Err(E::WrongState { .. })), "{again:?}");
    let early = o.apply(
        Some(&c),
        &report_back(Some(date(2026, 3, 6))),
        "李娜",
        t(70),
    );
    assert_eq!(
        early.unwrap_err(),
        E::DateTooEarly {
            date: date(2026, 3, 6),
            earliest: date(2026, 3, 7)
        }
    );
    // A handler does not send it: the office does (clerk or leader).
    let handler = o.apply(Some(&c), &report_back(None), "王强", t(70));
    assert!(
        matches!(handler, Err(E::RoleRequired { .. })),
        "{handler:?}"
    );
}

#[test]
fn report_back_is_a_referrals_step_after_the_reply() {
    let o = Office0::new();
    let deadline = date(2026, 5, 8);
    let cmd = report_back(None);
    let state = |c: &Case| match o.apply(Some(c), &cmd, "李娜", t(8)) {
        Ok(_) => "ok",
        Err(E::WrongState { .. }) => "S",
        Err(e) => panic!("unexpected {e:?}"),
    };
    // (state, report_back) for a referral: refused until the reply, allowed after it and
    // after archiving, refused once sent.
    let intake = referral(&o, deadline);
    let assigned_case = assigned(&o, deadline);
    let replied_case = replied(&o, deadline);
    let archived = o.step(&replied_case, Command::Archive, "李娜", t(6));
    let reported = o.step(&replied_case, report_back(None), "李娜", t(6));
    let rows = [
        ("intake", &intake, "S"),
        ("assigned", &assigned_case, "S"),
        ("replied", &replied_case, "ok"),
        ("archived", &archived, "ok"),
        ("reported", &reported, "S"),
    ];
    for (name, case, want) in rows {
        assert_eq!(state(case), want, "{name}");
    }
    // Sending it changes no state: the case goes on to its return visit and archive.
    assert_eq!(reported.state, State::Replied);
    assert!(allowed_ops(&reported).contains(&Op::Archive));
}

#[test]
fn archiving_a_referral_ends_the_superiors_clock() {
    // A ledger from before the 办结报告 step has archived referrals with none recorded:
    // archiving ends what the office owes, so they are not overdue (nor is a new one that
    // is archived without it; the step records when the report went back).
    let o = Office0::new();
    let c = replied(&o, date(2026, 5, 8));
    let archived = o.step(&c, Command::Archive, "李娜", t(6));
    let views = case_clocks(&archived, &o.rules(), date(2026, 6, 1));
    assert!(
        !matches!(
            clock(&views, "superior").status,
            ClockStatus::Running { .. }
        ),
        "{:?}",
        clock(&views, "superior").status
    );
    assert_eq!(next_due(&views), None);
}
