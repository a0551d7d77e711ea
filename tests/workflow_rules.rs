//! The rules the domain enforces around the state machine: roles,
//! confidentiality (Art 30), recusal (Art 28), the extension (Art 34), the
//! review window (Art 35), intake checks and representatives (Art 20).

mod common;

use common::fixture::*;
use xinfang::domain::command::{Command, IntakeInput};
use xinfang::domain::error::{Field, OutOfTurn, WorkflowError as E};
use xinfang::domain::op::{Act, Op};
use xinfang::domain::types::*;
use xinfang::domain::workflow::Warning;

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
            op: Act::Step(Op::Instruct),
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
        Err(E::RoleRequired {
            op: Act::Step(Op::Extend),
            ..
        })
    ));
    let opinion = Command::Opinion {
        text: "意见".into(),
    };
    assert_eq!(
        o.apply(Some(assigned), &opinion, "刘洋", t(5)).unwrap_err(),
        E::NotAssignedHandler {
            op: Op::Opinion,
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
    // Said as what it is, not as 0 days over the cap (a trial's 「延期0日超出上限30日」).
    let zero = E::ExtensionTooLong { asked: 0, cap: 30 };
    let said = xinfang::strings::errors::workflow(xinfang::strings::Lang::Zh, &zero);
    assert!(said.starts_with("延期天数须为1至30日"), "{said}");
    // A cap of 0 is the office's policy (a 复查/复核 is refused as NoExtensionOnReview first).
    let none = E::ExtensionTooLong { asked: 5, cap: 0 };
    let said = xinfang::strings::errors::workflow(xinfang::strings::Lang::Zh, &none);
    assert!(said.contains("时限政策不允许延期"), "{said}");
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
            op: Act::Step(Op::Extend),
            field: Field::Reason
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

/// Art 35: 自收到书面答复之日起30日内请求…复查；…应当自收到复查请求之日起30日内提出复查意见.
/// A request received in the window and entered after it is taken, dated the day it came in;
/// the 复查 case's 30 days count from that day; a day after the entry is refused.
#[test]
fn a_review_request_counts_from_the_day_it_was_received() {
    use xinfang::domain::due::case_clocks;
    let o = Office0::new();
    let f = fixtures(&o);
    let archived = &f[9].1;
    let late_entry = at("2026-04-09T10:00:00+08:00");
    let received = |d| Command::Review {
        text: "请求复查".into(),
        received_on: d,
    };
    // Served 2026-03-07: the window ran to 04-07. Entered 04-09, received 04-07: taken.
    let taken = o
        .apply(
            Some(archived),
            &received(Some(date(2026, 4, 7))),
            "李娜",
            late_entry,
        )
        .expect("received in time");
    let review = taken.case;
    assert_eq!(review.intake.received_at.date_naive(), date(2026, 4, 7));
    let rules = o.rules();
    let clocks = case_clocks(&review, &rules, date(2026, 4, 9));
    let handle = clocks
        .iter()
        .find(|c| c.key == "review_handle")
        .expect("30 days");
    assert_eq!(handle.start, date(2026, 4, 7));
    // Entered that day with no date given: the window is closed.
    let err = o.apply(Some(archived), &received(None), "李娜", late_entry);
    assert_eq!(
        err.unwrap_err(),
        E::ReviewWindowClosed {
            due: date(2026, 4, 7)
        }
    );
    // A day not yet come is refused.
    let future = received(Some(date(2026, 4, 10)));
    assert!(matches!(
        o.apply(Some(archived), &future, "李娜", late_entry),
        Err(E::DateTooLate { .. })
    ));
}

#[test]
fn review_only_within_the_window() {
    let o = Office0::new();
    let f = fixtures(&o);
    let archived = &f[9].1;
    let review = Command::Review {
        text: "请求复查".into(),
        received_on: None,
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
            op: Act::Step(Op::Intake),
            field: Field::Summary
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
            op: Act::Step(Op::Register),
            field: Field::Route
        }
    );
}

/// 重复件: a later letter on a matter in progress joins the case; it keeps
/// its number, state and clocks, and is checked like any intake.
#[test]
fn repeat_items_join_an_open_case() {
    let o = Office0::new();
    let f = fixtures(&o);
    let assigned = &f[4].1;
    let mut letter = intake_input();
    letter.channel = Channel::Letter;
    letter.summary = "再次来信反映同一问题".into();
    let after = o.step(
        assigned,
        Command::Attach(Box::new(letter.clone())),
        "李娜",
        t(6),
    );
    assert_eq!(after.state, assigned.state);
    assert_eq!(after.case_no, assigned.case_no);
    assert_eq!(after.decision, assigned.decision);
    assert_eq!(after.attached.len(), 1);
    assert_eq!(after.attached[0].summary, "再次来信反映同一问题");
    assert_eq!(after.attached[0].stamp.by, "李娜");
    // The intake checks apply: an empty summary is refused.
    let mut empty = letter.clone();
    empty.summary = " ".into();
    assert!(matches!(
        o.apply(
            Some(assigned),
            &Command::Attach(Box::new(empty)),
            "李娜",
            t(6)
        ),
        Err(E::MissingField {
            field: Field::Summary,
            ..
        })
    ));
    // A replied case takes no repeat items: a new one is numbered anew.
    let replied = &f[7].1;
    assert!(matches!(
        o.apply(
            Some(replied),
            &Command::Attach(Box::new(letter)),
            "李娜",
            t(9)
        ),
        Err(E::WrongState { op: Op::Attach, .. })
    ));
}

/// 包案: a leader takes an assigned case as theirs; nobody else may.
#[test]
fn a_leader_owns_an_assigned_case() {
    let o = Office0::new();
    let f = fixtures(&o);
    let mut unowned = f[4].1.clone();
    if let Some(a) = unowned.assignment.as_mut() {
        a.owner_leader = None;
    }
    let assigned = &unowned;
    let owned = o.step(assigned, Command::Own, "赵局长", t(6));
    assert_eq!(
        owned
            .assignment
            .as_ref()
            .and_then(|a| a.owner_leader.as_deref()),
        Some("赵局长")
    );
    assert_eq!(owned.state, assigned.state);
    assert!(matches!(
        o.apply(Some(assigned), &Command::Own, "李娜", t(6)),
        Err(E::RoleRequired {
            op: Act::Step(Op::Own),
            ..
        })
    ));
    assert!(matches!(
        o.apply(Some(&f[1].1), &Command::Own, "赵局长", t(6)),
        Err(E::WrongState { op: Op::Own, .. })
    ));
}

/// Art 34 through a leader: the handler asks, the case waits for the
/// leader (待批示), who grants it (`extend`) or refuses it with a reason.
#[test]
fn an_extension_asked_is_granted_or_refused() {
    let o = Office0::new();
    let f = fixtures(&o);
    let assigned = &f[4].1;
    let ask = Command::AskExtension {
        days: 15,
        reason: "需现场勘查".into(),
    };
    let asked = o.step(assigned, ask.clone(), "王强", t(6));
    assert!(asked.awaiting_leader());
    assert_eq!(asked.extension_asked().map(|r| r.days), Some(15));
    assert!(matches!(
        o.apply(Some(&asked), &ask, "王强", t(6)),
        Err(E::ExtensionAlreadyAsked)
    ));
    // Someone else's case is not 刘洋's to ask for.
    assert!(matches!(
        o.apply(Some(assigned), &ask, "刘洋", t(6)),
        Err(E::NotAssignedHandler {
            op: Op::AskExtension,
            ..
        })
    ));
    let refuse = Command::RefuseExtension {
        reason: "请按期办结".into(),
    };
    assert!(matches!(
        o.apply(Some(&asked), &refuse, "王强", t(7)),
        Err(E::RoleRequired { .. })
    ));
    let refused = o.step(&asked, refuse, "赵局长", t(7));
    assert!(!refused.awaiting_leader());
    assert!(refused.extension.is_none());
    assert_eq!(
        refused
            .extension_request
            .as_ref()
            .and_then(|r| r.refusal.as_deref()),
        Some("请按期办结")
    );
    // Granted: the leader's extension, and nothing waits any more.
    let granted = o.step(
        &asked,
        Command::Extend {
            days: 15,
            reason: "需现场勘查".into(),
        },
        "赵局长",
        t(7),
    );
    assert_eq!(granted.extension_days(), 15);
    assert!(granted.extension_asked().is_none());
    assert!(!granted.awaiting_leader());
}

/// 当场答复 (Art 23 第二款) needs the petitioner there: a visit is answered in person, a call
/// on the line (其他), and a letter, e-mail or online petition cannot be answered so.
#[test]
fn an_answer_on_the_spot_needs_the_petitioner_there() {
    let o = Office0::new();
    let answered = Command::Register(Decision::Answered {
        text: "已当场说明政策".into(),
    });
    for (channel, method) in [
        (Channel::Visit, Some(ServiceMethod::InPerson)),
        (Channel::Phone, Some(ServiceMethod::Other)),
        (Channel::Letter, None),
        (Channel::Email, None),
        (Channel::Online, None),
        (Channel::Referral, None),
    ] {
        let mut input = intake_input();
        input.channel = channel;
        let taken = o
            .apply(None, &Command::Intake(Box::new(input)), "李娜", t(0))
            .expect("taken in")
            .case;
        let later = t(0) + chrono::Duration::minutes(20);
        match (o.apply(Some(&taken), &answered, "李娜", later), method) {
            (Ok(c), Some(m)) => {
                assert_eq!(c.case.state, State::Replied, "{channel:?}");
                let reply = c.case.reply.expect("the answer is the reply");
                assert_eq!(reply.method, m, "{channel:?}");
                // Signed for (签收) at the window only.
                assert_eq!(reply.signed, channel == Channel::Visit, "{channel:?}");
            }
            (Err(E::NotOnTheSpot { channel: said }), None) => assert_eq!(said, channel),
            (other, _) => panic!("{channel:?}: {other:?}"),
        }
        // The next day the petitioner has left: no answer on the spot (a trial answered
        // yesterday's visitor so, served in person today).
        if method.is_some() {
            let next_day = o.apply(Some(&taken), &answered, "李娜", t(1));
            assert!(
                matches!(next_day, Err(E::OutOfTurn(OutOfTurn::SpotDayPassed { .. }))),
                "{channel:?}: {next_day:?}"
            );
        }
    }
}

/// A step the state does not allow is refused naming what the actor could do instead: a
/// clerk is not pointed to 督办, a leader's step; a leader is.
#[test]
fn a_refusal_names_only_the_actor_s_own_next_steps() {
    let o = Office0::new();
    let f = fixtures(&o);
    let registered = &f
        .iter()
        .find(|(_, c)| c.state == State::Registered)
        .expect("a registered case")
        .1;
    let register_again = Command::Register(Decision::Accept);
    let allowed = |actor: &str| match o.apply(Some(registered), &register_again, actor, t(6)) {
        Err(E::WrongState { allowed, .. }) => allowed,
        other => panic!("{actor}: {other:?}"),
    };
    let clerk = allowed("李娜");
    assert!(clerk.contains(&Op::Assign), "{clerk:?}");
    assert!(!clerk.contains(&Op::Supervise), "{clerk:?}");
    let leader = allowed("赵局长");
    assert!(leader.contains(&Op::Supervise), "{leader:?}");
}

/// Art 22 第二款: a 纪检监察 accusation goes to the 纪检监察机关 and a 涉法涉诉 letter to the
/// 政法部门; registered any other way, the clerk is reminded (not refused: the office may
/// be the body with the power).
#[test]
fn the_law_s_routes_are_recalled_at_registration() {
    use xinfang::domain::workflow::{LawRoute, Warning};
    let o = Office0::new();
    let warned = |category: &str, handling: HandlingType, channel: Channel, d: Decision| {
        let mut input = intake_input();
        (input.category, input.handling_type, input.channel) =
            (category.into(), Some(handling), channel);
        let taken = o
            .apply(None, &Command::Intake(Box::new(input)), "李娜", t(0))
            .expect("taken in")
            .case;
        o.apply(Some(&taken), &Command::Register(d), "李娜", t(1))
            .expect("registered")
            .warnings
    };
    let accusation = HandlingType::Accusation;
    assert_eq!(
        warned("纪检监察", accusation, Channel::Visit, Decision::Accept),
        [Warning::RouteByLaw(LawRoute::Discipline)]
    );
    let passed = Decision::pass_on("区纪委监委");
    assert!(warned("纪检监察", accusation, Channel::Visit, passed).is_empty());
    // Declined with the route to the 纪委 told: recalled too, as the 信访部门 应当……转送有关
    // 纪检监察机关 (Art 22 第二款), not tell the petitioner to go there.
    let declined = Decision::Decline {
        ground: DeclineGround::NotCompetent,
        route: "向区纪委监委反映".into(),
        note: None,
    };
    assert_eq!(
        warned("纪检监察", accusation, Channel::Visit, declined),
        [Warning::RouteByLaw(LawRoute::Discipline)]
    );
    // Declined as a matter in hand already: not sent anywhere, nothing to recall.
    let in_hand = Decision::Decline {
        ground: DeclineGround::InProgress,
        route: "已在办理中".into(),
        note: None,
    };
    assert!(warned("纪检监察", accusation, Channel::Visit, in_hand).is_empty());
    assert!(
        warned(
            "纪检监察",
            HandlingType::Claim,
            Channel::Visit,
            Decision::Accept
        )
        .is_empty()
    );
    assert_eq!(
        warned(
            "政法",
            HandlingType::Claim,
            Channel::Letter,
            Decision::Accept
        ),
        [Warning::RouteByLaw(LawRoute::Legal)]
    );
    // A visitor on a court matter is talked to (释法明理), not passed on by rule.
    assert!(
        warned(
            "政法",
            HandlingType::Claim,
            Channel::Visit,
            Decision::Accept
        )
        .is_empty()
    );
}

/// An assignment with no handler named says the handler is missing, not that nobody called
/// "" is an operator (an imported row with 承办部门 and no 承办人).
#[test]
fn a_blank_handler_is_missing_not_unknown() {
    let o = Office0::new();
    let f = fixtures(&o);
    let registered = f
        .iter()
        .map(|(_, c)| c)
        .find(|c| c.state == State::Registered && c.accepted())
        .expect("a registered case");
    let err = o.apply(Some(registered), &assign("城建科", " "), "李娜", t(5));
    assert_eq!(
        err.unwrap_err(),
        E::MissingField {
            op: Act::Step(Op::Assign),
            field: Field::Handler
        }
    );
}

/// 督办 on 逾期未办结 needs a clock past due (the report counts it under that ground); a
/// feedback date before today is refused naming the field.
#[test]
fn supervision_on_overdue_needs_an_overdue_case() {
    let o = Office0::new();
    let f = fixtures(&o);
    let assigned = &f[4].1;
    let supervise = |ground, by: i64| Command::Supervise {
        ground,
        text: "请加快办理".into(),
        feedback_by: t(by).date_naive(),
    };
    let refused = o.apply(
        Some(assigned),
        &supervise(SuperviseGround::Overdue, 10),
        "赵局长",
        t(5),
    );
    assert_eq!(refused.err(), Some(E::NotOverdue));
    assert!(
        o.apply(
            Some(assigned),
            &supervise(SuperviseGround::Delay, 10),
            "赵局长",
            t(5)
        )
        .is_ok()
    );
    // Past the 60 days of Art 34 (accepted on day 1).
    assert!(
        o.apply(
            Some(assigned),
            &supervise(SuperviseGround::Overdue, 80),
            "赵局长",
            t(75)
        )
        .is_ok()
    );
    assert!(matches!(
        o.apply(
            Some(assigned),
            &supervise(SuperviseGround::Delay, 3),
            "赵局长",
            t(5)
        ),
        Err(E::DateBeforeToday {
            field: Field::FeedbackBy,
            ..
        })
    ));
}

/// Art 23 第二款 但书: an anonymous letter passed on is owed no notice, so it is filed from
/// the decision; a named petitioner's is told first (the notice served as the reply).
#[test]
fn an_anonymous_item_passed_on_is_filed_without_a_notice() {
    let o = Office0::new();
    let mut anonymous = intake_input();
    anonymous.channel = Channel::Letter;
    anonymous.anonymous = true;
    anonymous.petitioners.clear();
    let take = |input: IntakeInput| {
        let case = o
            .apply(None, &Command::Intake(Box::new(input)), "李娜", t(0))
            .unwrap()
            .case;
        o.step(
            &case,
            Command::Register(Decision::pass_on("县纪委监委")),
            "李娜",
            t(1),
        )
    };
    let filed = o.apply(Some(&take(anonymous)), &Command::Archive, "李娜", t(2));
    assert_eq!(filed.map(|t| t.case.state).ok(), Some(State::Archived));
    let named = o.apply(Some(&take(intake_input())), &Command::Archive, "李娜", t(2));
    assert!(
        matches!(named, Err(E::WrongState { ref allowed, .. }) if allowed.contains(&Op::Reply)),
        "{named:?}"
    );
}

/// 包案 a second time by the leader who owns the case is refused: a trial's `b` on its own
/// case was journaled again as a new 包案.
#[test]
fn a_leader_owns_a_case_once() {
    let o = Office0::new();
    let f = fixtures(&o);
    // The fixture assigned it with 赵局长 as its 包案领导.
    let owned = &f[4].1;
    assert_eq!(
        (owned.assignment.as_ref()).and_then(|a| a.owner_leader.as_deref()),
        Some("赵局长")
    );
    assert_eq!(
        o.apply(Some(owned), &Command::Own, "赵局长", t(6))
            .unwrap_err(),
        E::AlreadyOwned
    );
}

/// Art 22 (三): a superior's date before the day the item came is saved as typed but said
/// (a trial's referral was overdue the moment it was entered, without a word).
#[test]
fn a_superior_date_before_receipt_is_warned() {
    let o = Office0::new();
    let mut i = intake_input();
    i.channel = Channel::Referral;
    i.referral = Some(xinfang::domain::intake::Referral {
        body: "市信访局".into(),
        doc_no: None,
        deadline: Some(chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()),
    });
    let tr = o
        .apply(None, &Command::Intake(Box::new(i.clone())), "李娜", t(0))
        .unwrap();
    assert_eq!(
        tr.warnings,
        vec![Warning::SuperiorDateBeforeReceipt {
            superior: chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            received: chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        }]
    );
    i.referral.as_mut().unwrap().deadline = chrono::NaiveDate::from_ymd_opt(2026, 3, 2);
    let same_day = o
        .apply(None, &Command::Intake(Box::new(i)), "李娜", t(0))
        .unwrap();
    assert!(same_day.warnings.is_empty(), "{:?}", same_day.warnings);
}
