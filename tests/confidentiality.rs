//! The refusals of issue 15: the accused never receives an accusation, nor owns, instructs
//! or decides on it (2022《信访工作条例》第三十条第三款; 第二十八条第三款 回避).

mod common;

use common::fixture::*;
use xinfang::domain::case::Case;
use xinfang::domain::command::Command;
use xinfang::domain::error::WorkflowError as E;
use xinfang::domain::op::{Act, Op};
use xinfang::domain::reception::{ReceptionRecord, check_record_case};
use xinfang::domain::rules::Operator;
use xinfang::domain::types::*;

/// The fixture office, with 刘洋 a deputy leader from 区住建局 whom the accusation names.
fn office() -> Office0 {
    let mut o = Office0::new();
    o.operators.push(Operator {
        unit: Some("区住建局".into()),
        ..op("刘副局长", Role::Leader, None)
    });
    o
}

/// A registered accusation against 区住建局 and, by name, 刘副局长.
fn accusation(o: &Office0, target: &str, person: Option<&str>) -> Case {
    let mut input = intake_input();
    input.handling_type = Some(HandlingType::Accusation);
    input.target = Some(target.into());
    input.target_person = person.map(Into::into);
    let case = o
        .apply(None, &Command::Intake(Box::new(input)), "李娜", t(0))
        .unwrap()
        .case;
    o.step(&case, Command::Register(Decision::Accept), "李娜", t(1))
}

fn refused(op: Op, party: &str, target: &str) -> E {
    E::AccusedParty {
        op: Act::Step(op),
        party: party.into(),
        target: target.into(),
    }
}

/// Art 30 第三款: 不得……转给被检举、揭发的人员或者单位 — 转送 and 交办 alike.
#[test]
fn never_passed_on_to_the_accused() {
    let o = office();
    let mut input = intake_input();
    input.handling_type = Some(HandlingType::Accusation);
    input.target = Some("区住建局".into());
    let case = o
        .apply(None, &Command::Intake(Box::new(input)), "李娜", t(0))
        .unwrap()
        .case;
    let assign = Decision::PassOn {
        to: "区住建局".into(),
        assign: true,
        report_by: None,
    };
    for to in [Decision::pass_on("住建局"), assign] {
        let Decision::PassOn { to: name, .. } = &to else {
            unreachable!()
        };
        let err = o.apply(Some(&case), &Command::Register(to.clone()), "李娜", t(1));
        assert_eq!(err.unwrap_err(), refused(Op::Register, name, "区住建局"));
    }
    let elsewhere = Command::Register(Decision::pass_on("区纪委监委"));
    assert!(o.apply(Some(&case), &elsewhere, "李娜", t(1)).is_ok());
}

/// An accused leader is no 包案领导: named at assignment, or taking it with `own`.
#[test]
fn the_accused_owns_nothing() {
    let o = office();
    let reg = accusation(&o, "区住建局", None);
    let with_accused = Command::Assign {
        department: "城建科".into(),
        handler: "王强".into(),
        leader: Some("刘副局长".into()),
    };
    let err = o
        .apply(Some(&reg), &with_accused, "李娜", t(2))
        .unwrap_err();
    assert_eq!(
        err,
        E::AccusedAssignee {
            assignee: "区住建局".into(),
            target: "区住建局".into()
        }
    );
    // Assigned with no 包案领导 yet, so that 赵局长's `own` is a change (a second is refused).
    let unowned = Command::Assign {
        department: "城建科".into(),
        handler: "王强".into(),
        leader: None,
    };
    let assigned = o.step(&reg, unowned, "李娜", t(2));
    let err = o.apply(Some(&assigned), &Command::Own, "刘副局长", t(3));
    assert_eq!(err.unwrap_err(), refused(Op::Own, "区住建局", "区住建局"));
    assert!(
        o.apply(Some(&assigned), &Command::Own, "赵局长", t(3))
            .is_ok()
    );
}

/// Nor gives the 批示, nor decides on an extension, when named in person (Art 28 回避).
#[test]
fn the_accused_neither_instructs_nor_extends() {
    let o = office();
    let reg = accusation(&o, "某街道办事处", Some("刘副局长"));
    let assigned = o.step(&reg, assign("城建科", "王强"), "李娜", t(2));
    let opinion = Command::Opinion {
        text: "拟查实".into(),
    };
    let awaiting = o.step(&assigned, opinion, "王强", t(3));
    let instruct = Command::Instruct {
        approve: true,
        text: "同意".into(),
    };
    let err = o.apply(Some(&awaiting), &instruct, "刘副局长", t(4));
    assert_eq!(
        err.unwrap_err(),
        refused(Op::Instruct, "刘副局长", "刘副局长")
    );
    assert!(o.apply(Some(&awaiting), &instruct, "赵局长", t(4)).is_ok());
    let extend = Command::Extend {
        days: 10,
        reason: "情况复杂".into(),
    };
    let err = o.apply(Some(&assigned), &extend, "刘副局长", t(4));
    assert_eq!(
        err.unwrap_err(),
        refused(Op::Extend, "刘副局长", "刘副局长")
    );
    assert!(o.apply(Some(&assigned), &extend, "赵局长", t(4)).is_ok());
    // Nor reads and signs it (阅批).
    let sign = Command::Sign {
        text: "请城建科牵头办理".into(),
    };
    let err = o.apply(Some(&assigned), &sign, "刘副局长", t(4));
    assert_eq!(err.unwrap_err(), refused(Op::Sign, "刘副局长", "刘副局长"));
    assert!(o.apply(Some(&assigned), &sign, "赵局长", t(4)).is_ok());
}

/// Nor orders its 督办, reminds its department, nor archives it: no step of the case is the
/// accused's but standing aside (Art 28 第三款 回避; a trial signed a 督办单 as the accused).
#[test]
fn the_accused_takes_no_step_but_recusal() {
    let o = office();
    let reg = accusation(&o, "某街道办事处", Some("刘副局长"));
    let assigned = o.step(&reg, assign("城建科", "王强"), "李娜", t(2));
    let supervise = Command::Supervise {
        ground: SuperviseGround::Other,
        text: "此件暂缓办理".into(),
        feedback_by: date(2026, 3, 30),
    };
    let remind = Command::Remind {
        ground: "请抓紧".into(),
        to: "城建科".into(),
        reply_by: date(2026, 3, 20),
    };
    for (command, op) in [(supervise, Op::Supervise), (remind, Op::Remind)] {
        let err = o.apply(Some(&assigned), &command, "刘副局长", t(4));
        assert_eq!(err.unwrap_err(), refused(op, "刘副局长", "刘副局长"));
        assert!(o.apply(Some(&assigned), &command, "赵局长", t(4)).is_ok());
    }
}

/// Signed in, the accused leader who gives a command on the case through `apply`, in his
/// own name or entered under a colleague's, is answered as for a case that does not exist:
/// no refusal naming the accusation, no list of his next steps (Art 30 第三款).
#[test]
fn an_accused_leader_acting_on_the_case_learns_nothing() {
    let l = ledger();
    let line = |actor: &str, case: &str| {
        format!(
            r#"{{"op":"sign","actor":"{actor}","case":"{case}","text":"已阅","at":"2026-11-25T10:00:00+08:00"}}"#
        )
    };
    let answer = |actor: &str, case: &str| {
        let all = ["--db", l.db(), "--as", "孙副局长", "apply", "-"];
        common::run(&all, &line(actor, case))
    };
    let none = answer("孙副局长", "2026-0999");
    assert!(none.stdout.contains("\"ok\":false"), "{none:?}");
    for actor in ["孙副局长", "赵建国"] {
        let got = answer(actor, "2026-0001");
        assert!(got.stdout.contains("\"ok\":false"), "{actor}: {got:?}");
        for said in ["区住建局", "刘洋", "检举", "回避", "现在可以"] {
            assert!(!got.stdout.contains(said), "{actor}: {said} in {got:?}");
        }
        assert_eq!(
            got.stdout.replace("2026-0001", "N"),
            none.stdout.replace("2026-0999", "N"),
            "{actor}"
        );
    }
    // A leader who may see it signs it.
    let all = ["--db", l.db(), "--as", "赵建国", "apply", "-"];
    let ok = common::run(&all, &line("赵建国", "2026-0001"));
    assert!(ok.stdout.contains("\"ok\":true"), "{ok:?}");
}

/// A reception record an accused leader makes is not joined to the case.
#[test]
fn the_accused_records_no_reception_on_it() {
    let o = office();
    let case = accusation(&o, "区住建局", None);
    let rec = |leader: &str| ReceptionRecord {
        date: date(2026, 3, 5),
        leader: leader.into(),
        visitor: "张三".into(),
        said: "询问进展".into(),
        decided: String::new(),
        case_id: Some(case.id),
    };
    let err = check_record_case(&rec("刘副局长"), &case, &o.rules()).unwrap_err();
    assert_eq!(
        err,
        E::AccusedParty {
            op: Act::Reception,
            party: "区住建局".into(),
            target: "区住建局".into()
        }
    );
    assert!(check_record_case(&rec("赵局长"), &case, &o.rules()).is_ok());
}

/// Only a leader lifts the masking, only on a confidential case, once, with a reason; not
/// a leader the case accuses.
#[test]
fn a_leader_lifts_the_masking_with_a_reason() {
    let o = office();
    let mut input = intake_input();
    input.handling_type = Some(HandlingType::Accusation);
    input.confidential = true;
    input.target = Some("区住建局".into());
    let case = o
        .apply(None, &Command::Intake(Box::new(input)), "李娜", t(0))
        .unwrap()
        .case;
    let reg = o.step(&case, Command::Register(Decision::Accept), "李娜", t(1));
    let assigned = o.step(&reg, assign("城建科", "王强"), "李娜", t(2));
    let lift = |reason: &str| Command::Unmask {
        reason: reason.into(),
    };
    let handler = o.apply(Some(&assigned), &lift("核实"), "王强", t(3));
    assert!(
        matches!(handler, Err(E::RoleRequired { .. })),
        "{handler:?}"
    );
    let accused = o.apply(Some(&assigned), &lift("核实"), "刘副局长", t(3));
    assert_eq!(
        accused.unwrap_err(),
        refused(Op::Unmask, "区住建局", "区住建局")
    );
    let blank = o.apply(Some(&assigned), &lift(" "), "赵局长", t(3));
    assert!(matches!(blank, Err(E::MissingField { .. })), "{blank:?}");
    let lifted = o.step(&assigned, lift("需当面核实"), "赵局长", t(3));
    assert_eq!(lifted.unmasked.as_ref().unwrap().reason, "需当面核实");
    let again = o.apply(Some(&lifted), &lift("再次"), "赵局长", t(4));
    assert!(matches!(again, Err(E::WrongState { .. })), "{again:?}");
    let plain = o.step(
        &o.step(
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
        ),
        assign("城建科", "王强"),
        "李娜",
        t(2),
    );
    let nothing = o.apply(Some(&plain), &lift("核实"), "赵局长", t(3));
    assert!(matches!(nothing, Err(E::WrongState { .. })), "{nothing:?}");
}

/// A handler with a declared interest (`recuse`, Art 28 第三款) is not assigned again.
#[test]
fn a_declared_interest_keeps_the_handler_off() {
    let o = office();
    let reg = accusation(&o, "某街道办事处", None);
    let assigned = o.step(&reg, assign("城建科", "王强"), "李娜", t(2));
    let recuse = Command::Recuse {
        handler: "王强".into(),
        reason: "与被反映人系同学".into(),
    };
    let back = o.step(&assigned, recuse, "王强", t(3));
    let err = o.apply(Some(&back), &assign("城建科", "王强"), "李娜", t(4));
    assert!(matches!(err, Err(E::Recused { .. })), "{err:?}");
}

use common::accused::ledger;

/// `xinfang --as WHO ARGS…` on `l`.
fn as_(l: &common::Ledger, who: &str, args: &[&str]) -> common::Out {
    let mut all = vec!["--db", l.db(), "--as", who];
    all.extend(args);
    common::run(&all, "")
}

/// `show`, `list`, `search` and `repeats` for each reader: the accused and a handler
/// elsewhere find nothing, and are told of it as of a number that does not exist; the
/// accused leader is told to step aside; the case's handler sees it masked; the
/// views are on record.
#[test]
fn the_command_line_shows_each_reader_what_they_may_see() {
    let l = ledger();
    let nothing = as_(&l, "刘洋", &["show", "2026-0099"]);
    for who in ["刘洋", "赵敏"] {
        let shown = as_(&l, who, &["show", "2026-0001"]);
        assert!(!shown.success());
        let same = shown.stderr.replace("2026-0001", "2026-0099");
        assert_eq!(same, nothing.stderr, "{who}");
        for args in [
            &["list"][..],
            &["search", "李某某"],
            &["search", "违规审批"],
            &["search", "2026-0001"],
            &["repeats", "--phone", "13800138000"],
            &["list", "--json"],
        ] {
            let out = as_(&l, who, args);
            let all = out.stdout + &out.stderr;
            for secret in ["2026-0001", "李某某", "违规审批", "13800138000"] {
                assert!(
                    !all.contains(secret),
                    "{who} {args:?} shows {secret}: {all}"
                );
            }
        }
    }
    let mine = as_(&l, "刘洋", &["list"]);
    assert!(mine.stdout.contains("2026-0002"), "{mine:?}");
    // The accused leader is told what a number that does not exist tells (Art 30 第三款:
    // not even that there is an accusation).
    let accused = as_(&l, "孙副局长", &["show", "2026-0001"]);
    let none = as_(&l, "孙副局长", &["show", "2026-0999"]);
    assert!(
        !accused.success() && !accused.stderr.contains("已回避"),
        "{accused:?}"
    );
    assert_eq!(
        accused.stderr.replace("2026-0001", "N"),
        none.stderr.replace("2026-0999", "N")
    );
    let masked = as_(&l, "王强", &["show", "2026-0001", "--json"]);
    assert!(masked.success(), "{masked:?}");
    for secret in [
        "李某某",
        "钱某某",
        "1101",
        "13800138000",
        "13900139000",
        "幸福里",
    ] {
        assert!(
            !masked.stdout.contains(secret),
            "{secret}: {}",
            masked.stdout
        );
    }
    assert!(masked.stdout.contains("（保密）"));
    // Nor does a document name them to the handler, nor reach the accused (as "no case").
    let doc = as_(&l, "王强", &["notice", "2026-0001", "casefile"]);
    assert!(!doc.success(), "{doc:?}");
    assert!(doc.stderr.contains("保密件"), "{doc:?}");
    assert!(!doc.stdout.contains("李某某"), "{doc:?}");
    let accused = as_(&l, "刘洋", &["notice", "2026-0001", "casefile"]);
    let none = as_(&l, "刘洋", &["notice", "2026-0099", "casefile"]);
    assert!(!accused.success());
    assert_eq!(
        accused.stderr.replace("2026-0001", "2026-0099"),
        none.stderr,
        "{accused:?}"
    );
    // A leader lifts the masking for this case, saying why: the handler then sees who.
    let lift = r#"{"op":"unmask","actor":"赵建国","case":"2026-0001","reason":"需当面核实"}"#;
    let refused = l.apply(&lift.replace("赵建国", "孙副局长"));
    assert!(refused.stdout.contains("\"ok\":false"), "{refused:?}");
    l.apply_ok(lift);
    let unmasked = as_(&l, "王强", &["show", "2026-0001", "--json"]);
    assert!(unmasked.stdout.contains("李某某"), "{unmasked:?}");
    let full = as_(&l, "赵建国", &["show", "2026-0001"]);
    assert!(full.stdout.contains("李某某"), "{full:?}");
    // Printed from the command line, it says how sensitive it is, as the desk's header does.
    assert!(full.stdout.contains("检举控告 重大紧急 保密"), "{full:?}");
    let audit = as_(&l, "赵建国", &["audit", "--json"]);
    let events: serde_json::Value = serde_json::from_str(&audit.stdout).unwrap();
    let views: Vec<&serde_json::Value> = (events.as_array().unwrap().iter())
        .filter(|e| e["act"] == "view")
        .collect();
    assert_eq!(views.len(), 3, "{}", audit.stdout);
    assert_eq!(views[0]["actor"], "王强");
    assert_eq!(views[0]["detail"]["surface"], "show");
    // The accused leader's journal does not say that the case exists, nor who saw it.
    let theirs = as_(&l, "孙副局长", &["audit", "--json"]);
    assert!(theirs.success(), "{theirs:?}");
    let theirs: serde_json::Value = serde_json::from_str(&theirs.stdout).unwrap();
    let theirs = theirs.as_array().unwrap();
    assert!(theirs.iter().all(|e| e["act"] != "view"), "{theirs:?}");
    assert!(theirs.iter().any(|e| e["act"] == "sign_in"), "{theirs:?}");
    // Numbered as listed, so no gap says that something was left out.
    let numbers: Vec<i64> = theirs.iter().filter_map(|e| e["seq"].as_i64()).collect();
    assert_eq!(numbers, (1..=theirs.len() as i64).collect::<Vec<_>>());
}

/// The accused handler at the desk: nothing of the accusation in the queue, in a search
/// by name or by number; the accused leader's dashboard leaves it out too.
#[test]
fn the_accused_finds_nothing_at_the_desk() {
    use common::tmux::{Desk, eventually, have_tmux};
    if !have_tmux() {
        eprintln!("tmux not installed: skipped");
        return;
    }
    let l = ledger();
    let d = Desk::start(&l, "accused", Some("刘洋"));
    d.sees("2026-0002");
    let clean = |d: &Desk, query: &str| {
        // The search line says what was typed; nothing else may.
        let s = d.screen().replace(&format!("检索: {query}"), "");
        for secret in ["李某某", "违规审批", "13800138000"] {
            assert!(!s.contains(secret), "{secret} on:\n{s}");
        }
    };
    clean(&d, "");
    assert!(!d.screen().contains("2026-0001"));
    for query in ["李某某", "2026-0001", "违规"] {
        d.keys(&["/"]);
        d.typ(query);
        d.sees(&format!("检索: {query}"));
        d.keys(&["Enter"]);
        d.sees("没有符合条件的信访事项");
        clean(&d, query);
        d.keys(&["Escape"]);
        d.loses(&format!("检索: {query}"));
    }
    d.keys(&["q"]);
    assert!(eventually(|| !d.alive()), "q did not quit");

    let d = Desk::start(&l, "leader", Some("孙副局长"));
    // Both cases are major: the dashboard lists the one this leader may see.
    d.sees("2026-0002");
    clean(&d, "");
    assert!(!d.screen().contains("2026-0001"));
    // Typing its number in the queue's search, the leader finds nothing, as for any
    // number that does not exist.
    d.keys(&["w", "/"]);
    d.typ("2026-0001");
    d.sees("没有符合条件的信访事项");
    assert!(!d.screen().contains("已回避"));
    clean(&d, "2026-0001");
    d.keys(&["Escape"]);
    // Escape and q sent together read as Alt-q: the search line closes first.
    d.loses("检索: 2026-0001");
    d.keys(&["q"]);
    assert!(eventually(|| !d.alive()), "q did not quit");
}

/// The office journal's views of case 1, as (who, surface).
fn views(l: &common::Ledger) -> Vec<(String, String)> {
    let audit = as_(l, "赵建国", &["audit", "--json"]);
    let events: serde_json::Value = serde_json::from_str(&audit.stdout).unwrap();
    (events.as_array().unwrap().iter())
        .filter(|e| e["act"] == "view")
        .map(|e| {
            let s = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_owned();
            (s(&e["actor"]), s(&e["detail"]["surface"]))
        })
        .collect()
}

/// `notice`, the desk's documents panel and `replay` put a view of the confidential case
/// on record once per opening, naming the command or the screen (issue 15 point 4).
#[test]
fn every_opening_of_a_confidential_case_is_on_record() {
    let l = ledger();
    l.apply_ok(r#"{"op":"office","actor":"赵建国","name":"某区信访局","prefix":"X信"}"#);
    let got = as_(&l, "李娜", &["notice", "2026-0001", "受理告知书"]);
    assert!(got.success(), "{got:?}");
    assert_eq!(views(&l), [("李娜".to_owned(), "notice".to_owned())]);
    // The plain case is nobody's business of the journal.
    let plain = as_(&l, "李娜", &["notice", "2026-0002", "受理告知书"]);
    assert!(plain.success(), "{plain:?}");
    assert_eq!(views(&l).len(), 1);

    // At the desk, through replay: the case screen, then a document's text in the panel.
    let keys = l.file("keys.txt");
    std::fs::write(&keys, "/\ntext: 违规审批\nenter\np\n1\n").unwrap();
    let out = as_(
        &l,
        "李娜",
        &["replay", "--keys", keys.to_str().unwrap(), "--json"],
    );
    assert!(out.success(), "{out:?}");
    assert!(out.stdout.contains("受理告知书"), "{}", out.stdout);
    let seen = views(&l);
    let surfaces: Vec<&str> = seen[1..].iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(
        surfaces,
        ["replay:case_screen", "replay:documents_panel"],
        "{seen:?}"
    );
    assert!(seen.iter().all(|(who, _)| who == "李娜"), "{seen:?}");
}

/// Art 30 第三款 (不得……透露或者转给被检举、揭发的人员或者单位) for what a step sends out by a
/// name typed with it: a 工作建议函 or a 催办 to the accused unit is refused, and a letter to a
/// unit no longer goes to the unit complained of when none is given.
#[test]
fn no_letter_nor_reminder_goes_to_the_accused() {
    let l = ledger();
    l.apply_ok(
        r#"{"op":"office","actor":"赵建国","name":"某区信访局","at":"2026-11-22T09:00:00+08:00"}
{"op":"intake","actor":"李娜","at":"2026-11-22T10:00:00+08:00","channel":"letter","petitioners":[{"name":"王某某","main":true}],"category":"城乡建设","handling_type":"检举控告","target":"区水务局","summary":"检举违规发包","request":"要求查处","urgency":"normal"}
{"op":"register","actor":"李娜","case":3,"decision":"accept","at":"2026-11-22T11:00:00+08:00"}"#,
    );
    let out = l.file("advice.html");
    let advice = |case: &str, to: Option<&str>| {
        let mut args = vec!["notice", case, "advice", "--advice", "请核查", "--out"];
        args.push(out.to_str().unwrap());
        args.extend(to.map(|t| ["--to", t]).into_iter().flatten());
        as_(&l, "赵建国", &args)
    };
    // Given by name: refused, whether assigned elsewhere or not.
    for (case, accused) in [("2026-0001", "区住建局"), ("2026-0003", "区水务局")] {
        let refused = advice(case, Some(accused));
        assert!(!refused.success(), "{refused:?}");
        assert!(refused.stderr.contains("第三十条第三款"), "{refused:?}");
    }
    // Not given, the case not assigned: asked for, not sent to the unit complained of.
    let unaddressed = advice("2026-0003", None);
    assert!(!unaddressed.success(), "{unaddressed:?}");
    assert!(unaddressed.stderr.contains("--to"), "{unaddressed:?}");
    assert!(advice("2026-0003", Some("区住建局")).success());
    // Assigned: to the department handling it.
    assert!(advice("2026-0001", None).success());
    let remind = r#"{"op":"remind","actor":"赵建国","case":"2026-0001","ground":"逾期未报","to":"区住建局","reply_by":"2026-12-01","at":"2026-11-23T09:00:00+08:00"}"#;
    let lines = l.apply(remind).json_lines();
    assert_eq!(lines[0]["ok"], false, "{lines:?}");
}

/// Art 30 第三款 guards 检举、揭发材料: a 申诉求决 item goes to the body responsible for the
/// matter even when it is the one complained of (Art 22 (二): 属地管理), while an accusation
/// (or an item not yet typed) is never passed to the unit it names.
#[test]
fn a_claim_is_passed_on_to_the_unit_it_complains_of_and_an_accusation_is_not() {
    let l = ledger();
    let intake = |n: i64, kind: &str| {
        format!(
            r#"{{"op":"intake","actor":"李娜","at":"2026-11-22T10:00:00+08:00","channel":"visit","petitioners":[{{"name":"王德福","main":true}}],"category":"民政","handling_type":"{kind}","target":"双墩镇人民政府","target_person":"王镇长","summary":"低保被取消 {n}","request":"恢复低保","urgency":"normal"}}"#
        )
    };
    let pass_on_to = |case: i64, to: &str| {
        format!(
            r#"{{"op":"register","actor":"李娜","case":{case},"decision":"pass_on","to":"{to}","at":"2026-11-22T11:00:00+08:00"}}"#
        )
    };
    let pass_on = |case: i64| pass_on_to(case, "双墩镇人民政府");
    l.apply_ok(&format!(
        "{}\n{}",
        intake(3, "申诉求决"),
        intake(4, "检举控告")
    ));
    // Never to the person complained of, whatever the item (Art 28 第三款).
    let to_him = l.apply(&pass_on_to(3, "王镇长")).json_lines();
    assert_eq!(to_him[0]["ok"], false, "{to_him:?}");
    let claim = l.apply(&pass_on(3)).json_lines();
    assert_eq!(claim[0]["ok"], true, "{claim:?}");
    let accusation = l.apply(&pass_on(4)).json_lines();
    assert_eq!(accusation[0]["ok"], false, "{accusation:?}");
    assert!(
        accusation[0]["error"].to_string().contains("Art 30"),
        "{accusation:?}"
    );
}

/// The report read by a leader of the accused unit has no row naming that unit among the
/// 被反映单位: the row would tell them they are accused (Art 30 第三款). Another leader's
/// report has it.
#[test]
fn the_report_does_not_name_the_reader_s_own_unit_as_complained_of() {
    let l = ledger();
    let report = |who: &str, top: &str| {
        let args = [
            "report", "--period", "2026-11", "--format", "json", "--top", top,
        ];
        let out = as_(&l, who, &args);
        assert!(out.success(), "{out:?}");
        let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("report JSON");
        let targets: Vec<String> = v["figures"]
            .as_array()
            .expect("figures")
            .iter()
            .filter(|f| f["section"] == "target")
            .map(|f| f["key"].to_string())
            .collect();
        targets
    };
    let theirs = report("孙副局长", "10");
    assert!(theirs.iter().all(|t| !t.contains("区住建局")), "{theirs:?}");
    let others = report("赵建国", "10");
    assert!(others.iter().any(|t| t.contains("区住建局")), "{others:?}");
    // As many units as anyone sees: a shorter ranking would say one was taken out.
    assert_eq!(report("孙副局长", "1").len(), report("赵建国", "1").len());
}
