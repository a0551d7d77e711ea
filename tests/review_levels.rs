//! 复查 and 复核 (2022《信访工作条例》第三十五、三十六条) and the dates a step cannot have,
//! each date written out by hand. Counting as every clock here: the start day is not
//! counted; a period ending on a rest day rolls forward to the next working day.

mod common;

use chrono::{DateTime, FixedOffset, NaiveDate};
use common::fixture::*;
use xinfang::domain::case::Case;
use xinfang::domain::command::Command;
use xinfang::domain::due::case_clocks;
use xinfang::domain::error::WorkflowError as E;
use xinfang::domain::op::Op;
use xinfang::domain::types::*;
use xinfang::strings::{Lang, errors};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// 09:00 office time on `s`.
fn on(s: &str) -> DateTime<FixedOffset> {
    at(&format!("{s}T09:00:00+08:00"))
}

fn review() -> Command {
    Command::Review {
        text: "对答复意见不服，请求复查".into(),
        received_on: None,
    }
}

/// `case` accepted on `accepted`, handled, and replied (recorded on `recorded`, served on
/// `served`).
fn handled(o: &Office0, case: &Case, accepted: &str, recorded: &str, served: &str) -> Case {
    let reg = o.step(
        case,
        Command::Register(Decision::Accept),
        "李娜",
        on(accepted),
    );
    let assigned = o.step(&reg, assign("城建科", "王强"), "李娜", on(accepted));
    let opinion = Command::Opinion {
        text: "拟支持".into(),
    };
    let awaiting = o.step(&assigned, opinion, "王强", on(accepted));
    let approve = Command::Instruct {
        approve: true,
        text: "同意".into(),
    };
    let approved = o.step(&awaiting, approve, "赵局长", on(accepted));
    let reply = Command::Reply {
        outcome: Some(Outcome::Support),
        method: ServiceMethod::Post,
        text: "答复意见".into(),
        served_at: Some(day(served)),
        signed: true,
    };
    o.step(&approved, reply, "李娜", on(recorded))
}

/// A first-time item received on `received`.
fn taken_in(o: &Office0, received: &str) -> Case {
    let mut input = intake_input();
    input.received_at = Some(on(received));
    let intake = Command::Intake(Box::new(input));
    o.apply(None, &intake, "李娜", on(received)).unwrap().case
}

fn due(o: &Office0, case: &Case, key: &str, today: &str) -> Option<NaiveDate> {
    let views = case_clocks(case, &o.rules(), day(today));
    views.into_iter().find(|v| v.key == key).map(|v| v.due)
}

#[test]
fn review_on_day_30_after_service_not_31_and_before_archive() {
    let o = Office0::new();
    let original = taken_in(&o, "2026-05-04");
    // Served Mon 2026-05-11, recorded the same day; the case is replied, not archived.
    let replied = handled(&o, &original, "2026-05-06", "2026-05-11", "2026-05-11");
    assert_eq!(replied.state, State::Replied);
    // Art 35: 05-11 not counted; 20 days to 05-31, 10 more to Wed 06-10, a working day.
    assert_eq!(
        due(&o, &replied, "review", "2026-05-12"),
        Some(day("2026-06-10"))
    );
    let t = o.apply(Some(&replied), &review(), "李娜", on("2026-06-10"));
    let t = t.unwrap();
    assert!(t.created);
    assert_eq!(t.case.level(), Level::Review);
    assert_eq!(t.case.review_of, Some(replied.id));
    let day_31 = o.apply(Some(&replied), &review(), "李娜", on("2026-06-11"));
    assert_eq!(
        day_31.unwrap_err(),
        E::ReviewWindowClosed {
            due: day("2026-06-10")
        }
    );
}

#[test]
fn the_window_runs_from_service_even_when_recorded_later() {
    let o = Office0::new();
    let original = taken_in(&o, "2026-05-04");
    // Served Mon 05-11, recorded only on Wed 05-20: the 30 days still run from 05-11,
    // to Wed 06-10 (as above), not from 05-20 (06-19, 端午).
    let replied = handled(&o, &original, "2026-05-06", "2026-05-20", "2026-05-11");
    assert!(
        o.apply(Some(&replied), &review(), "李娜", on("2026-06-10"))
            .is_ok()
    );
    let late = o.apply(Some(&replied), &review(), "李娜", on("2026-06-11"));
    assert_eq!(
        late.unwrap_err(),
        E::ReviewWindowClosed {
            due: day("2026-06-10")
        }
    );
}

#[test]
fn a_reply_is_not_served_before_it_exists() {
    let o = Office0::new();
    let original = taken_in(&o, "2026-05-04");
    let reg = o.step(
        &original,
        Command::Register(Decision::Accept),
        "李娜",
        on("2026-05-06"),
    );
    let assigned = o.step(&reg, assign("城建科", "王强"), "李娜", on("2026-05-06"));
    let opinion = Command::Opinion {
        text: "拟支持".into(),
    };
    let awaiting = o.step(&assigned, opinion, "王强", on("2026-05-07"));
    let approve = Command::Instruct {
        approve: true,
        text: "同意".into(),
    };
    let approved = o.step(&awaiting, approve, "赵局长", on("2026-05-08"));
    // The opinion was approved on 05-08: a reply served 05-07 did not exist yet.
    let reply = Command::Reply {
        outcome: Some(Outcome::Support),
        method: ServiceMethod::Post,
        text: "答复意见".into(),
        served_at: Some(day("2026-05-07")),
        signed: true,
    };
    let err = o
        .apply(Some(&approved), &reply, "李娜", on("2026-05-12"))
        .unwrap_err();
    assert_eq!(
        err,
        E::ServedBeforeReply {
            served: day("2026-05-07"),
            settled: day("2026-05-08")
        }
    );
    let zh = errors::workflow(Lang::Zh, &err);
    assert!(
        zh.contains("2026-05-07") && zh.contains("2026-05-08"),
        "{zh}"
    );
}

#[test]
fn review_and_re_review_clocks_and_no_third_request() {
    let o = Office0::new();
    let original = taken_in(&o, "2026-02-02");
    let replied = handled(&o, &original, "2026-02-03", "2026-03-10", "2026-03-10");
    // 复查 asked Mon 2026-03-30 (day 20 of the window), accepted the same day.
    let request = o.apply(Some(&replied), &review(), "李娜", on("2026-03-30"));
    let review_case = request.unwrap().case;
    let accepted = o.step(
        &review_case,
        Command::Register(Decision::Accept),
        "李娜",
        on("2026-03-30"),
    );
    assert_eq!(accepted.level(), Level::Review);
    // Art 35: 30 days from receiving the request: 03-30 + 30 = Wed 04-29 (not 60: 05-29).
    assert_eq!(
        due(&o, &accepted, "review_handle", "2026-03-31"),
        Some(day("2026-04-29"))
    );
    assert_eq!(due(&o, &accepted, "handle", "2026-03-31"), None);
    // The 复查 opinion, served Mon 04-20: the 复核 window (Art 36) runs 30 days, to Wed 05-20.
    let rv_replied = handled_from(&o, &accepted, "2026-04-20");
    assert_eq!(
        due(&o, &rv_replied, "rereview", "2026-04-21"),
        Some(day("2026-05-20"))
    );
    assert_eq!(due(&o, &rv_replied, "review", "2026-04-21"), None);
    let late = o.apply(Some(&rv_replied), &review(), "李娜", on("2026-05-21"));
    assert_eq!(
        late.unwrap_err(),
        E::ReReviewWindowClosed {
            due: day("2026-05-20")
        }
    );
    let second = o.apply(Some(&rv_replied), &review(), "李娜", on("2026-05-20"));
    let rereview = second.unwrap().case;
    assert_eq!(rereview.level(), Level::ReReview);
    assert_eq!(rereview.review_of, Some(rv_replied.id));
    let rr = o.step(
        &rereview,
        Command::Register(Decision::Accept),
        "李娜",
        on("2026-05-20"),
    );
    // Art 36: 05-20 + 30 = Fri 06-19, 端午 (06-19..21 off) → Mon 06-22.
    assert_eq!(
        due(&o, &rr, "rereview_handle", "2026-05-21"),
        Some(day("2026-06-22"))
    );
    // Art 36 第三款: after 复核, 不再受理 — and a 复核 case has no window to show.
    let rr_replied = handled_from(&o, &rr, "2026-06-10");
    assert_eq!(due(&o, &rr_replied, "rereview", "2026-06-11"), None);
    let third = o.apply(Some(&rr_replied), &review(), "李娜", on("2026-06-11"));
    let err = third.unwrap_err();
    assert_eq!(err, E::NoFurtherReview);
    let zh = errors::workflow(Lang::Zh, &err);
    assert!(
        zh.contains("不再受理") && zh.contains("第三十六条第三款"),
        "{zh}"
    );
    let en = errors::workflow(Lang::En, &err);
    assert!(en.contains("Art 36(3)"), "{en}");
}

/// A registered (accepted) review case assigned, approved and replied on `served`.
fn handled_from(o: &Office0, reg: &Case, served: &str) -> Case {
    let assigned = o.step(reg, assign("城建科", "王强"), "李娜", on(served));
    let opinion = Command::Opinion {
        text: "维持原处理意见".into(),
    };
    let awaiting = o.step(&assigned, opinion, "王强", on(served));
    let approve = Command::Instruct {
        approve: true,
        text: "同意".into(),
    };
    let approved = o.step(&awaiting, approve, "赵局长", on(served));
    o.step(&approved, reply(Some(Outcome::Reject)), "李娜", on(served))
}

#[test]
fn a_case_not_accepted_has_no_review_window() {
    let o = Office0::new();
    let f = fixtures(&o);
    let (name, declined_replied) = &f[10];
    assert_eq!(*name, "declined_replied");
    let keys: Vec<String> = case_clocks(declined_replied, &o.rules(), day("2026-03-10"))
        .into_iter()
        .map(|v| v.key)
        .collect();
    assert!(!keys.iter().any(|k| k == "review"), "{keys:?}");
    let err = o
        .apply(Some(declined_replied), &review(), "李娜", t(8))
        .unwrap_err();
    assert_eq!(err, E::NotAccepted { op: Op::Review });
}

#[test]
fn no_step_before_the_item_was_received() {
    let o = Office0::new();
    // Received 2026-12-20; a decision dated 12-04 is refused, naming both dates.
    let intake = taken_in(&o, "2026-12-20");
    let err = o
        .apply(
            Some(&intake),
            &Command::Register(Decision::Accept),
            "李娜",
            on("2026-12-04"),
        )
        .unwrap_err();
    assert_eq!(
        err,
        E::BeforeReceipt {
            op: Op::Register,
            date: day("2026-12-04"),
            received: day("2026-12-20")
        }
    );
    let zh = errors::workflow(Lang::Zh, &err);
    assert!(
        zh.contains("2026-12-04") && zh.contains("2026-12-20") && zh.contains("登记"),
        "{zh}"
    );
    // On the day of receipt it is fine.
    let ok = o.apply(
        Some(&intake),
        &Command::Register(Decision::Accept),
        "李娜",
        on("2026-12-20"),
    );
    assert!(ok.is_ok());
}

#[test]
fn the_review_in_the_readme_session_is_due_in_30_days_and_names_the_level() {
    use common::{Ledger, run};
    let l = Ledger::new();
    l.apply_ok(include_str!("fixtures/session.jsonl"));
    // The session's last line asks 复查 of 2026-0001 on 2026-03-30; accepted that day.
    let lines = l.apply_ok(
        r#"{"op":"register","actor":"李娜","case":"2","decision":"accept","at":"2026-03-30T11:00:00+08:00"}"#,
    );
    // Art 35: 03-30 + 30 = Wed 04-29 (the 60-day clock said 05-29); no 60-day clock at all.
    assert_eq!(lines[0]["due"]["review_handle"], "2026-04-29");
    assert!(lines[0]["due"].get("handle").is_none(), "{}", lines[0]);
    let text = run(&["show", "--db", l.db(), "2"], "");
    assert!(text.success(), "{text:?}");
    assert!(
        text.stdout.contains("复查原件：#1") && text.stdout.contains("复查办理"),
        "{}",
        text.stdout
    );
    // The timeline names the request by its level.
    assert!(
        text.stdout.contains("李娜      复查申请"),
        "{}",
        text.stdout
    );
}

#[test]
fn a_declined_case_shows_no_review_window_in_the_due_map_or_show() {
    use common::{Ledger, run};
    let l = Ledger::new();
    let session: Vec<&str> = include_str!("fixtures/session.jsonl").lines().collect();
    l.apply_ok(&session[..5].join("\n"));
    let lines = l.apply_ok(concat!(
        r#"{"op":"register","actor":"李娜","case":1,"decision":"decline","ground":"legal_procedure","route":"请向区人民法院提起诉讼","at":"2026-02-02T09:00:00+08:00"}"#,
        "\n",
        r#"{"op":"reply","actor":"李娜","case":1,"method":"post","text":"不予受理告知","at":"2026-02-03T09:00:00+08:00"}"#,
    ));
    for line in &lines {
        assert!(line["due"].get("review").is_none(), "{line}");
    }
    let text = run(&["show", "--db", l.db(), "1"], "");
    assert!(!text.stdout.contains("复查申请期"), "{}", text.stdout);
    assert!(!text.stdout.contains("下一步可以：复查"), "{}", text.stdout);
}

#[test]
fn the_acceptance_notice_of_a_review_promises_its_30_days() {
    use common::{Ledger, run};
    let l = Ledger::new();
    l.apply_ok(include_str!("fixtures/session.jsonl"));
    l.apply_ok(concat!(
        r#"{"op":"office","name":"某区信访局","prefix":"X信","seal":"某区信访局信访专用章","review_organ":"某市信访局"}"#,
        "\n",
        r#"{"op":"register","actor":"李娜","case":"2","decision":"accept","at":"2026-03-30T11:00:00+08:00"}"#,
    ));
    let out = run(
        &["notice", "--db", l.db(), "--as", "李娜", "2", "accept"],
        "",
    );
    assert!(out.success(), "{out:?}");
    // Art 35: the 复查 request received 03-30, answered within 30 days: by Wed 04-29.
    let want = "本机关将自收到复查请求之日起30日内，于2026年4月29日前提出复查意见并书面答复（《信访工作条例》第三十五条）";
    assert!(out.stdout.contains(want), "{}", out.stdout);
}

#[test]
fn a_review_written_before_the_second_level_reads_as_a_first_review() {
    let o = Office0::new();
    let f = fixtures(&o);
    let request = o
        .apply(Some(&f[9].1), &review(), "李娜", t(8))
        .unwrap()
        .case;
    // A ledger written before 复核 existed stored `review_of` and no level: a 复查.
    let mut json = serde_json::to_value(&request).unwrap();
    assert_eq!(json["review_level"], "review");
    json.as_object_mut().unwrap().remove("review_level");
    let old: Case = serde_json::from_value(json).unwrap();
    assert_eq!(old.level(), Level::Review);
    assert_eq!(f[9].1.level(), Level::First);
}
