//! The state machine, table-driven over every (state, command) pair, plus
//! the rules the domain enforces (roles, confidentiality, recusal,
//! extension, review window, representatives).

mod support;

use support::fixture::*;
use xinfang::domain::command::Command;
use xinfang::domain::error::WorkflowError as E;
use xinfang::domain::types::*;
use xinfang::domain::workflow::{Warning, allowed_ops};

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
            },
            "李娜",
        ),
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
            field: "outcome", ..
        }) => "MO",
        Err(E::AlreadyVisited) => "V",
        Err(other) => panic!("unexpected refusal {other:?}"),
    }
}

#[test]
fn every_state_and_command() {
    // Columns: intake register assign recuse opinion instruct extend
    //          supervise reply notice return_visit archive review
    let expected = [
        ("intake", "S ok S S S S S S S S S S S"),
        ("registered", "S S ok ok S S S ok NA NA S S S"),
        ("declined", "S S NAcc NAcc S S S NAcc ON ok S S S"),
        ("passed_on", "S S NAcc NAcc S S S NAcc ON ok S S S"),
        ("assigned", "S S ok ok ok NoOp ok ok NA NA S S S"),
        ("awaiting", "S S ok ok Await ok ok ok NA NA S S S"),
        ("approved", "S S ok ok ok NoOp ok ok ok MO S S S"),
        ("replied", "S S S S S S S S S S ok ok S"),
        ("visited", "S S S S S S S S S S V ok S"),
        ("archived", "S S S S S S S S S S S S ok"),
        ("declined_replied", "S S S S S S S S S S ok ok S"),
        ("declined_archived", "S S S S S S S S S S S S NAcc"),
    ];
    let o = Office0::new();
    let fixtures = fixtures(&o);
    assert_eq!(fixtures.len(), expected.len());
    let mut failures = Vec::new();
    for ((name, case), (row, want)) in fixtures.iter().zip(expected) {
        assert_eq!(*name, row);
        let want: Vec<&str> = want.split(' ').collect();
        for ((op, cmd, actor), want) in samples().into_iter().zip(want) {
            let got = code(&o.apply(Some(case), &cmd, actor, t(8)));
            if got != want {
                failures.push(format!("{name} × {op}: expected {want}, got {got}"));
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
            op: "archive",
            state: State::Intake,
            allowed: vec!["register"]
        }
    );
    assert_eq!(
        allowed_ops(&f[4].1),
        vec!["assign", "recuse", "opinion", "extend", "supervise"]
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
            op: "instruct",
            field: "text"
        }
    );
}

#[test]
fn roles() {
    let o = Office0::new();
    let f = fixtures(&o);
    let (assigned, awaiting) = (&f[4].1, &f[5].1);
    let instruct = Command::Instruct {
        approve: true,
        text: String::new(),
    };
    assert!(matches!(
        o.apply(Some(awaiting), &instruct, "李娜", t(5)),
        Err(E::RoleRequired {
            op: "instruct",
            actual: Role::Clerk,
            ..
        })
    ));
    assert!(matches!(
        o.apply(Some(awaiting), &instruct, "王强", t(5)),
        Err(E::RoleRequired { .. })
    ));
    let extend = Command::Extend {
        days: 10,
        reason: "复杂".into(),
    };
    assert!(matches!(
        o.apply(Some(assigned), &extend, "王强", t(5)),
        Err(E::RoleRequired { op: "extend", .. })
    ));
    let opinion = Command::Opinion {
        text: "意见".into(),
    };
    assert_eq!(
        o.apply(Some(assigned), &opinion, "刘洋", t(5)).unwrap_err(),
        E::NotAssignedHandler {
            assigned: "王强".into()
        }
    );
    assert!(
        o.apply(Some(assigned), &opinion, "赵局长", t(5)).is_ok(),
        "a leader may give the opinion"
    );
    assert!(matches!(
        o.apply(Some(&f[1].1), &assign("城建科", "王强"), "王强", t(5)),
        Err(E::RoleRequired { .. })
    ));
    // A handler may record only their own recusal.
    let recuse_other = Command::Recuse {
        handler: "刘洋".into(),
        reason: "亲属".into(),
    };
    assert!(matches!(
        o.apply(Some(assigned), &recuse_other, "王强", t(5)),
        Err(E::RoleRequired { .. })
    ));
    let mut inactive = o.who("李娜");
    inactive.active = false;
    let r = xinfang::domain::workflow::transition(
        Some(&f[0].1),
        &Command::Register(Decision::Accept),
        &inactive,
        t(1),
        &o.rules(),
    );
    assert_eq!(r.unwrap_err(), E::InactiveOperator("李娜".into()));
}

#[test]
fn never_assigned_to_the_accused() {
    let o = Office0::new();
    let mut input = intake_input();
    input.handling_type = Some(HandlingType::Accusation);
    input.target = Some("区城建科".into());
    let case = o
        .apply(
            None,
            &Command::Intake(Box::new(input.clone())),
            "李娜",
            t(0),
        )
        .unwrap()
        .case;
    let reg = o.step(&case, Command::Register(Decision::Accept), "李娜", t(1));
    let err = o
        .apply(Some(&reg), &assign("城建科", "王强"), "李娜", t(2))
        .unwrap_err();
    assert_eq!(
        err,
        E::AccusedAssignee {
            assignee: "城建科".into(),
            target: "区城建科".into()
        }
    );
    // Via the handler's own unit too.
    let err = o
        .apply(Some(&reg), &assign("教育科", "王强"), "李娜", t(2))
        .unwrap_err();
    assert!(matches!(err, E::AccusedAssignee { .. }), "{err:?}");
    assert!(
        o.apply(Some(&reg), &assign("教育科", "刘洋"), "李娜", t(2))
            .is_ok()
    );
    // The accused person as handler.
    input.target = None;
    input.target_person = Some("刘洋".into());
    let case = o
        .apply(None, &Command::Intake(Box::new(input)), "李娜", t(0))
        .unwrap()
        .case;
    let reg = o.step(&case, Command::Register(Decision::Accept), "李娜", t(1));
    let err = o
        .apply(Some(&reg), &assign("教育科", "刘洋"), "李娜", t(2))
        .unwrap_err();
    assert_eq!(
        err,
        E::AccusedAssignee {
            assignee: "刘洋".into(),
            target: "刘洋".into()
        }
    );
}

#[test]
fn recused_handler_is_refused_and_case_goes_back_to_be_assigned() {
    let o = Office0::new();
    let f = fixtures(&o);
    let recused = o.step(
        &f[4].1,
        Command::Recuse {
            handler: "王强".into(),
            reason: "与信访人系亲属".into(),
        },
        "王强",
        t(3),
    );
    assert_eq!(recused.state, State::Registered);
    assert!(recused.assignment.is_none());
    let err = o
        .apply(Some(&recused), &assign("城建科", "王强"), "李娜", t(4))
        .unwrap_err();
    assert_eq!(
        err,
        E::Recused {
            handler: "王强".into(),
            reason: "与信访人系亲属".into()
        }
    );
    assert!(
        o.apply(Some(&recused), &assign("教育科", "刘洋"), "李娜", t(4))
            .is_ok()
    );
}

#[test]
fn extension_once_within_cap_and_before_due() {
    let o = Office0::new();
    let f = fixtures(&o);
    let assigned = &f[4].1;
    let ext = |days| Command::Extend {
        days,
        reason: "情况复杂".into(),
    };
    assert_eq!(
        o.apply(Some(assigned), &ext(31), "赵局长", t(5))
            .unwrap_err(),
        E::ExtensionTooLong { asked: 31, cap: 30 }
    );
    assert_eq!(
        o.apply(Some(assigned), &ext(0), "赵局长", t(5))
            .unwrap_err(),
        E::ExtensionTooLong { asked: 0, cap: 30 }
    );
    let extended = o.step(assigned, ext(30), "赵局长", t(5));
    assert_eq!(extended.extension_days(), 30);
    assert_eq!(
        o.apply(Some(&extended), &ext(5), "赵局长", t(6))
            .unwrap_err(),
        E::AlreadyExtended
    );
    let no_reason = Command::Extend {
        days: 5,
        reason: "".into(),
    };
    assert_eq!(
        o.apply(Some(assigned), &no_reason, "赵局长", t(5))
            .unwrap_err(),
        E::MissingField {
            op: "extend",
            field: "reason"
        }
    );
    // Accepted 2026-03-03: 60 days → 05-02 (Saturday, 劳动节 holiday) rolls to
    // 05-06 (2026.json: 05-01..05 off; 05-09 Saturday is a make-up day).
    let err = o
        .apply(Some(assigned), &ext(10), "赵局长", t(66))
        .unwrap_err();
    assert_eq!(
        err,
        E::ExtensionAfterDue {
            due: date(2026, 5, 6)
        }
    );
}

#[test]
fn review_only_within_the_window() {
    let o = Office0::new();
    let f = fixtures(&o);
    let archived = &f[9].1;
    let review = Command::Review {
        text: "请求复查".into(),
    };
    let t_ok = o.apply(Some(archived), &review, "李娜", t(8)).unwrap();
    assert!(t_ok.created);
    assert_eq!(t_ok.case.review_of, Some(archived.id));
    assert_eq!(t_ok.case.state, State::Intake);
    assert_eq!(t_ok.case.intake.summary, "请求复查");
    // Served 2026-03-07; 30 days → 04-06 (Monday; 清明 04-04..06 off in 2026,
    // so it rolls to 04-07).
    let err = o
        .apply(
            Some(archived),
            &review,
            "李娜",
            at("2026-04-08T09:00:00+08:00"),
        )
        .unwrap_err();
    assert_eq!(
        err,
        E::ReviewWindowClosed {
            due: date(2026, 4, 7)
        }
    );
    assert!(
        o.apply(
            Some(archived),
            &review,
            "李娜",
            at("2026-04-07T17:00:00+08:00")
        )
        .is_ok()
    );
}

#[test]
fn intake_validation() {
    let o = Office0::new();
    let run = |f: &dyn Fn(&mut xinfang::domain::command::IntakeInput)| {
        let mut i = intake_input();
        f(&mut i);
        o.apply(None, &Command::Intake(Box::new(i)), "李娜", t(0))
    };
    assert!(matches!(
        run(&|i| i.petitioners[0].id_number = Some("110105194912310021".into())),
        Err(E::BadIdNumber { index: 1, .. })
    ));
    assert!(matches!(
        run(&|i| i.petitioners[0].phone = Some("1380013800".into())),
        Err(E::BadPhone { index: 1, .. })
    ));
    assert_eq!(
        run(&|i| i.category = "外星人".into()).unwrap_err(),
        E::UnknownCategory("外星人".into())
    );
    assert_eq!(
        run(&|i| i.summary = "  ".into()).unwrap_err(),
        E::MissingField {
            op: "intake",
            field: "summary"
        }
    );
    assert_eq!(
        run(&|i| i.petitioners.clear()).unwrap_err(),
        E::NoPetitioner
    );
    assert!(
        run(&|i| {
            i.petitioners.clear();
            i.anonymous = true;
        })
        .is_ok()
    );
    assert_eq!(
        run(&|i| i.received_at = Some(t(1))).unwrap_err(),
        E::ReceivedInFuture
    );
    assert!(matches!(
        run(&|i| i.postmark = Some(date(2026, 3, 5))),
        Err(E::PostmarkAfterReceipt { .. })
    ));
    assert!(matches!(
        run(&|i| i.people = Some(0)),
        Err(E::PeopleFewerThanNamed { .. })
    ));
    // Lower-case x normalised, sex read from the number, main defaulted.
    let ok = run(&|i| {
        i.petitioners[0].id_number = Some("11010519491231002x".into());
        i.petitioners[0].main = false;
    })
    .unwrap();
    let p = &ok.case.intake.petitioners[0];
    assert_eq!(p.id_number.as_deref(), Some("11010519491231002X"));
    assert_eq!(p.sex, Some(xinfang::domain::identity::Sex::Female));
    assert!(p.main);
    // Legacy 15-digit number accepted and flagged.
    let legacy = run(&|i| i.petitioners[0].id_number = Some("110105491231002".into())).unwrap();
    assert_eq!(legacy.warnings, vec![Warning::LegacyIdNumber { index: 1 }]);
}

#[test]
fn group_visit_over_five_representatives_is_warned() {
    let o = Office0::new();
    let mut i = intake_input();
    let rep = |n: usize| xinfang::domain::case::Petitioner {
        name: format!("代表{n}"),
        representative: true,
        ..Default::default()
    };
    i.petitioners = (1..=6).map(rep).collect();
    i.people = Some(30);
    i.urgency = Urgency::Major;
    let tr = o
        .apply(None, &Command::Intake(Box::new(i.clone())), "李娜", t(0))
        .unwrap();
    assert_eq!(
        tr.warnings,
        vec![
            Warning::TooManyRepresentatives { count: 6 },
            Warning::MajorUrgent
        ]
    );
    assert_eq!(tr.case.intake.people, 30);
    i.petitioners.truncate(5);
    i.urgency = Urgency::Normal;
    assert!(
        o.apply(None, &Command::Intake(Box::new(i)), "李娜", t(0))
            .unwrap()
            .warnings
            .is_empty()
    );
}

#[test]
fn decline_needs_a_route() {
    let o = Office0::new();
    let f = fixtures(&o);
    let d = Decision::Decline {
        ground: DeclineGround::OtherOrgan,
        route: " ".into(),
        note: None,
    };
    assert_eq!(
        o.apply(Some(&f[0].1), &Command::Register(d), "李娜", t(1))
            .unwrap_err(),
        E::MissingField {
            op: "register",
            field: "route"
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
