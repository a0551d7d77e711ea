//! The state machine, table-driven over every (state, command) pair, and
//! the apply contract's parsing. The rules around it: workflow_rules.rs.

mod common;

use common::fixture::*;
use xinfang::domain::command::Command;
use xinfang::domain::error::{Field, WorkflowError as E};
use xinfang::domain::op::{Act, Op};
use xinfang::domain::types::*;
use xinfang::domain::workflow::allowed_ops;

/// One sample of each command, with an actor allowed to give it.
fn samples() -> Vec<(&'static str, Command, &'static str)> {
    vec![
        ("intake", Command::Intake(Box::new(intake_input())), "李娜"),
        ("register", Command::Register(Decision::Accept), "李娜"),
        ("assign", assign("城建科", "王强"), "李娜"),
        (
            "recuse",
            Command::Recuse {
                handler: "刘洋".into(),
                reason: "与信访人系亲属".into(),
            },
            "李娜",
        ),
        (
            "opinion",
            Command::Opinion {
                text: "拟支持".into(),
            },
            "王强",
        ),
        (
            "instruct",
            Command::Instruct {
                approve: true,
                text: "同意".into(),
            },
            "赵局长",
        ),
        (
            "extend",
            Command::Extend {
                days: 10,
                reason: "需现场勘查".into(),
            },
            "赵局长",
        ),
        (
            "supervise",
            Command::Supervise {
                ground: SuperviseGround::Leader,
                text: "请加快办理".into(),
                feedback_by: date(2026, 3, 20),
            },
            "赵局长",
        ),
        ("reply", reply(Some(Outcome::Support)), "李娜"),
        ("notice", reply(None), "李娜"),
        (
            "return_visit",
            Command::ReturnVisit {
                unit: Satisfaction::Satisfied,
                office: Satisfaction::Satisfied,
                note: String::new(),
            },
            "李娜",
        ),
        ("archive", Command::Archive, "李娜"),
        (
            "review",
            Command::Review {
                text: "对答复不服，请求复查".into(),
                received_on: None,
            },
            "李娜",
        ),
        ("attach", Command::Attach(Box::new(intake_input())), "李娜"),
        ("own", Command::Own, "赵局长"),
        (
            "ask_extension",
            Command::AskExtension {
                days: 15,
                reason: "需现场勘查".into(),
            },
            "王强",
        ),
        (
            "refuse_extension",
            Command::RefuseExtension {
                reason: "请按期办结".into(),
            },
            "赵局长",
        ),
        (
            "report_back",
            Command::ReportBack {
                text: "已办结，报告如下".into(),
                sent_on: None,
            },
            "李娜",
        ),
        (
            "remind",
            Command::Remind {
                ground: "请抓紧办理".into(),
                to: "城建科".into(),
                reply_by: date(2026, 3, 20),
            },
            "李娜",
        ),
        (
            "resolve",
            Command::Resolve {
                how: ResolveHow::Mediation,
                resolved_on: None,
                text: "经调解达成协议，信访人表示息诉".into(),
            },
            "李娜",
        ),
        (
            "hearing",
            Command::Hearing {
                from: date(2026, 3, 10),
                to: date(2026, 3, 10),
                participants: "信访人张三、城建科王强".into(),
                conclusion: "维持复查意见".into(),
            },
            "李娜",
        ),
        (
            "no_further",
            Command::NoFurther {
                text: "仍要求支付补偿款".into(),
                received_on: None,
            },
            "李娜",
        ),
        (
            "terminate",
            Command::Terminate {
                note: String::new(),
            },
            "赵局长",
        ),
        (
            "report_received",
            Command::ReportReceived {
                summary: "区住建局已办结".into(),
                received_on: None,
            },
            "李娜",
        ),
        (
            "sign",
            Command::Sign {
                text: "请城建科牵头办理".into(),
            },
            "赵局长",
        ),
    ]
}

/// An item passed on as a 交办 (Art 22 (三)) on day 1; the petitioner told where it went
/// (the notice) on day 2; archived on day 3.
fn jiaoban_fixtures(o: &Office0) -> Vec<(&'static str, xinfang::domain::case::Case)> {
    let intake = o
        .apply(
            None,
            &Command::Intake(Box::new(intake_input())),
            "李娜",
            t(0),
        )
        .unwrap()
        .case;
    let passed = Decision::PassOn {
        to: "区住建局".into(),
        assign: true,
        report_by: None,
    };
    let jiaoban = o.step(&intake, Command::Register(passed), "李娜", t(1));
    let told = o.step(&jiaoban, reply(None), "李娜", t(2));
    let archived = o.step(&told, Command::Archive, "李娜", t(3));
    vec![
        ("jiaoban", jiaoban),
        ("jiaoban_told", told),
        ("jiaoban_archived", archived),
    ]
}

fn code(r: &Result<xinfang::domain::workflow::Transition, E>) -> &'static str {
    match r {
        Ok(_) => "ok",
        Err(E::WrongState { .. }) => "S",
        Err(E::NotAccepted { .. }) => "NAcc",
        Err(E::NoApprovedOpinion) => "NA",
        Err(E::NoOpinionToInstruct) => "NoOp",
        Err(E::OpinionAwaitingInstruction) => "Await",
        Err(E::OutcomeOnNotice) => "ON",
        Err(E::MissingField {
            field: Field::Outcome,
            ..
        }) => "MO",
        Err(E::AlreadyVisited) => "V",
        // The fixtures assign with 赵局长 as 包案领导: his `own` changes nothing and is refused.
        Err(E::AlreadyOwned) => "Owned",
        Err(E::NoExtensionAsked) => "NoAsk",
        Err(E::NoFurtherReview) => "NoMore",
        Err(E::NoExtensionOnReview) => "NoExt",
        Err(other) => panic!("unexpected refusal {other:?}"),
    }
}

#[test]
fn every_state_and_command() {
    // Columns: intake register assign recuse opinion instruct extend
    //          supervise reply notice return_visit archive review attach own
    //          ask_extension refuse_extension report_back remind resolve hearing
    //          no_further terminate report_received sign
    // (report_back is a referral's step: these fixtures came in on a visit; the referral's rows
    // are in workflow_superior.rs. remind (催办) presses the department an accepted case was
    // assigned to, so only the assigned rows allow it. resolve (化解, Art 37) goes on an
    // accepted case from its decision on, through and after the reply. A hearing is held on an
    // assigned 申诉求决 case (Art 31 (六)) and on a 复核 (Art 36); no_further and terminate are
    // a 复核 case's: review_levels_in_the_table has their rows; on a first handling they are
    // wrong states, terminate on a case not accepted NAcc.
    // report_received (办结报告 received) is for an item this office 交办'd: only the jiaoban
    // rows, whatever its state after the decision; a plain 转送 (passed_on) asks for none.
    // sign (阅批) is a leader's word on the matter while it is registered or assigned.)
    let expected = [
        (
            "intake",
            "S ok S S S S S S S S S S S ok S S S S S S S S S S S",
        ),
        (
            "registered",
            "S S ok ok S S S ok NA NA S S S ok S S S S S ok S S S S ok",
        ),
        (
            "declined",
            "S S NAcc NAcc S S S NAcc ON ok S S S ok S S S S S NAcc S S S S ok",
        ),
        (
            "passed_on",
            "S S NAcc NAcc S S S NAcc ON ok S S S ok S S S S S NAcc S S S S ok",
        ),
        (
            "assigned",
            "S S ok ok ok NoOp ok ok NA NA S S S ok Owned ok NoAsk S ok ok ok S S S ok",
        ),
        (
            "awaiting",
            "S S ok ok Await ok ok ok NA NA S S S ok Owned ok NoAsk S ok ok ok S S S ok",
        ),
        (
            "approved",
            "S S ok ok ok NoOp ok ok ok MO S S S ok Owned ok NoAsk S ok ok ok S S S ok",
        ),
        // Art 35: 复查 from the written reply on, archived or not; never on a case not
        // accepted (it has no handling opinion to review).
        (
            "replied",
            "S S S S S S S S S S ok ok ok S S S S S S ok S S S S S",
        ),
        (
            "visited",
            "S S S S S S S S S S V ok ok S S S S S S ok S S S S S",
        ),
        (
            "archived",
            "S S S S S S S S S S S S ok S S S S S S ok S S S S S",
        ),
        (
            "declined_replied",
            "S S S S S S S S S S ok ok NAcc S S S S S S NAcc S S NAcc S S",
        ),
        (
            "declined_archived",
            "S S S S S S S S S S S S NAcc S S S S S S NAcc S S NAcc S S",
        ),
        (
            "jiaoban",
            "S S NAcc NAcc S S S NAcc ON ok S S S ok S S S S S NAcc S S S ok ok",
        ),
        (
            "jiaoban_told",
            "S S S S S S S S S S ok ok NAcc S S S S S S NAcc S S NAcc ok S",
        ),
        (
            "jiaoban_archived",
            "S S S S S S S S S S S S NAcc S S S S S S NAcc S S NAcc ok S",
        ),
    ];
    let o = Office0::new();
    let mut fixtures = fixtures(&o);
    fixtures.extend(jiaoban_fixtures(&o));
    assert_eq!(fixtures.len(), expected.len());
    let mut failures = Vec::new();
    for ((name, case), (row, want)) in fixtures.iter().zip(expected) {
        assert_eq!(*name, row);
        let want: Vec<&str> = want.split(' ').collect();
        assert_eq!(want.len(), samples().len(), "{name}");
        for ((op, cmd, actor), want) in samples().into_iter().zip(want) {
            let got = code(&o.apply(Some(case), &cmd, actor, t(8)));
            if got != want {
                failures.push(format!("{name} × {op}: expected {want}, got {got}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A review case one level up, taken through to its reply on day 8.
fn reviewed(
    o: &Office0,
    replied: &xinfang::domain::case::Case,
) -> Vec<xinfang::domain::case::Case> {
    let request = Command::Review {
        text: "对答复意见不服".into(),
        received_on: None,
    };
    let new = o.apply(Some(replied), &request, "李娜", t(8)).unwrap().case;
    let reg = o.step(&new, Command::Register(Decision::Accept), "李娜", t(8));
    let assigned = o.step(&reg, assign("城建科", "王强"), "李娜", t(8));
    let opinion = Command::Opinion {
        text: "维持".into(),
    };
    let awaiting = o.step(&assigned, opinion, "王强", t(8));
    let approve = Command::Instruct {
        approve: true,
        text: "同意".into(),
    };
    let approved = o.step(&awaiting, approve, "赵局长", t(8));
    let replied = o.step(&approved, reply(Some(Outcome::Reject)), "李娜", t(8));
    vec![assigned, replied]
}

/// The rows of the table that differ by level (Art 34–36): a 复查 or 复核 case takes no
/// extension (its 30-day clock has none); a replied 复查 case may go to 复核; a replied 复核
/// case goes no further (不再受理). 催办 goes to an assigned case at any level; 化解 to an
/// accepted case at any level, replied or not. A hearing is
/// held on an assigned 复核 case (Art 36 第二款), not on a 复查; a replied 复核 case records a later
/// request as 不再受理 (第三款) and may be 终结'd.
#[test]
fn review_levels_in_the_table() {
    let o = Office0::new();
    let f = fixtures(&o);
    let [rv_assigned, rv_replied] = <[_; 2]>::try_from(reviewed(&o, &f[7].1)).unwrap();
    let [rr_assigned, rr_replied] = <[_; 2]>::try_from(reviewed(&o, &rv_replied)).unwrap();
    let expected = [
        (
            &rv_assigned,
            "S S ok ok ok NoOp NoExt ok NA NA S S S ok Owned NoExt NoAsk S ok ok S S S S",
        ),
        (
            &rv_replied,
            "S S S S S S S S S S ok ok ok S S S S S S ok S S S S",
        ),
        (
            &rr_assigned,
            "S S ok ok ok NoOp NoExt ok NA NA S S S ok Owned NoExt NoAsk S ok ok ok S S S",
        ),
        (
            &rr_replied,
            "S S S S S S S S S S ok ok NoMore S S S S S S ok S ok ok S",
        ),
    ];
    let mut failures = Vec::new();
    for (case, want) in expected {
        for ((op, cmd, actor), want) in samples().into_iter().zip(want.split(' ')) {
            let got = code(&o.apply(Some(case), &cmd, actor, t(9)));
            if got != want {
                let level = case.level();
                failures.push(format!(
                    "{level:?} {:?} × {op}: expected {want}, got {got}",
                    case.state
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn wrong_state_names_what_is_possible() {
    let o = Office0::new();
    let f = fixtures(&o);
    let intake = &f[0].1;
    let err = o
        .apply(Some(intake), &Command::Archive, "李娜", t(1))
        .unwrap_err();
    assert_eq!(
        err,
        E::WrongState {
            op: Op::Archive,
            state: State::Intake,
            allowed: vec![Op::Register, Op::Attach]
        }
    );
    assert_eq!(
        allowed_ops(&f[4].1),
        vec![
            "assign",
            "recuse",
            "opinion",
            "extend",
            "supervise",
            "attach",
            "own",
            "ask_extension",
            "remind",
            "resolve",
            "hearing",
            "sign"
        ]
    );
    let msg = xinfang::strings::errors::workflow(xinfang::strings::Lang::Zh, &err);
    assert!(
        msg.contains("不能归档") && msg.contains("登记受理"),
        "{msg}"
    );
}

#[test]
fn states_follow_the_procedure() {
    let o = Office0::new();
    let f = fixtures(&o);
    let states: Vec<(&str, State)> = f.iter().map(|(n, c)| (*n, c.state)).collect();
    assert_eq!(states[0].1, State::Intake);
    assert_eq!(states[1].1, State::Registered);
    assert_eq!(states[4].1, State::Assigned);
    assert_eq!(states[7].1, State::Replied);
    assert_eq!(states[9].1, State::Archived);
    assert_eq!(states[11].1, State::Archived);
    // Answered on the spot goes straight to replied.
    let answered = o.step(
        &f[0].1,
        Command::Register(Decision::Answered {
            text: "当场解释政策".into(),
        }),
        "李娜",
        t(0),
    );
    assert_eq!(answered.state, State::Replied);
    assert!(answered.reply.is_some());
    // Registration asks for a number of the registration year.
    let tr = o
        .apply(
            Some(&f[0].1),
            &Command::Register(Decision::Accept),
            "李娜",
            t(1),
        )
        .unwrap();
    assert_eq!(tr.allot_number_for_year, Some(2026));
}

#[test]
fn returned_opinion_needs_rework_before_reply() {
    let o = Office0::new();
    let f = fixtures(&o);
    let returned = o.step(
        &f[5].1,
        Command::Instruct {
            approve: false,
            text: "事实不清，请补充调查".into(),
        },
        "赵局长",
        t(4),
    );
    assert_eq!(
        o.apply(
            Some(&returned),
            &reply(Some(Outcome::Support)),
            "李娜",
            t(5)
        )
        .unwrap_err(),
        E::NoApprovedOpinion
    );
    let reworked = o.step(
        &returned,
        Command::Opinion {
            text: "补充调查后拟支持".into(),
        },
        "王强",
        t(5),
    );
    let approved = o.step(
        &reworked,
        Command::Instruct {
            approve: true,
            text: "同意".into(),
        },
        "赵局长",
        t(6),
    );
    assert!(
        o.apply(
            Some(&approved),
            &reply(Some(Outcome::Support)),
            "李娜",
            t(7)
        )
        .is_ok()
    );
    // Returning needs a comment saying what to rework.
    let err = o
        .apply(
            Some(&f[5].1),
            &Command::Instruct {
                approve: false,
                text: " ".into(),
            },
            "赵局长",
            t(4),
        )
        .unwrap_err();
    assert_eq!(
        err,
        E::MissingField {
            op: Act::Step(Op::Instruct),
            field: Field::Text
        }
    );
}

#[test]
fn commands_parse_from_the_apply_contract() {
    let cases = [
        r#"{"op":"register","decision":"decline","reason":"legal_procedure","route":"请向法院起诉"}"#,
        r#"{"op":"register","decision":"pass_on","to":"区人社局"}"#,
        r#"{"op":"assign","department":"城建科","handler":"王强","leader":"赵局长"}"#,
        r#"{"op":"supervise","ground":"overdue","text":"…","feedback_by":"2026-05-10"}"#,
        r#"{"op":"reply","outcome":"support","method":"in_person","text":"…","served_at":"2026-05-01T10:00:00+08:00","signed":false}"#,
        r#"{"op":"return_visit","unit":"满意","office":"basic"}"#,
        r#"{"op":"archive"}"#,
    ];
    for c in cases {
        let cmd: Command = serde_json::from_str(c).unwrap_or_else(|e| panic!("{c}: {e}"));
        let back: Command = serde_json::from_value(serde_json::to_value(&cmd).unwrap()).unwrap();
        assert_eq!(cmd, back);
    }
    let bad = serde_json::from_str::<Command>(
        r#"{"op":"intake","channel":"visit","category":"教育","summary":"x","summery":"typo"}"#,
    );
    assert!(bad.unwrap_err().to_string().contains("summery"));
}
