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
    let assigned = o.step(&reg, assign("城建科", "王强"), "李娜", t(2));
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
