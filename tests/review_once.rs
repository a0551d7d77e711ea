//! A case's opinion is reviewed once (2022《信访工作条例》第三十五条、第三十六条): a second
//! 复查 of the same case is refused and pointed at the review already opened, and the
//! reviewed case's steps are no longer undone (a trial undid a reply under a 终结 复核). And
//! a case's steps are recorded in order: none dated before the day of its last.

mod common;

use common::{Ledger, intake_lines, register_line};
use serde_json::{Value, json};

fn lines(steps: &[Value]) -> String {
    steps.iter().map(|s| s.to_string() + "\n").collect()
}

/// Case 1 replied on 2026-03-04 (served that day) and, in the same run, 复查 asked on 03-10:
/// case 2.
fn reviewed() -> Ledger {
    let l = Ledger::set_up();
    l.apply_ok(&intake_lines(1, "补偿款"));
    l.apply_ok(&register_line(1));
    l.apply_ok(&lines(&[
        json!({"op":"assign","actor":"李娜","case":1,"department":"城建科","handler":"王强","at":"2026-02-02T10:00:00+08:00"}),
        json!({"op":"opinion","actor":"王强","case":1,"text":"补偿款已发放","at":"2026-03-02T09:00:00+08:00"}),
        json!({"op":"instruct","actor":"赵局长","case":1,"approve":true,"at":"2026-03-03T09:00:00+08:00"}),
        json!({"op":"reply","actor":"李娜","case":1,"outcome":"reject","method":"post","text":"不予支持","served_at":"2026-03-04","at":"2026-03-04T09:00:00+08:00"}),
        json!({"op":"review","actor":"李娜","case":1,"text":"不服，请求复查","at":"2026-03-10T09:00:00+08:00"}),
    ]));
    l
}

#[test]
fn a_second_review_of_the_same_case_is_refused() {
    let l = reviewed();
    let again = json!({"op":"review","actor":"李娜","case":1,"text":"再次请求复查","at":"2026-03-12T09:00:00+08:00"});
    let out = l.apply(&lines(&[again]));
    let answer = &out.json_lines()[0];
    assert_eq!(answer["ok"], false, "{out:?}");
    let error = answer["error"].as_str().unwrap_or_default();
    assert!(
        error.contains("#2") || error.contains("2026-0002"),
        "{error}"
    );
    assert!(error.contains("repeat item"), "{error}");
}

#[test]
fn the_reviewed_case_is_not_undone() {
    let l = reviewed();
    // Within ten minutes of the reply as the script dates it: only the review stops it.
    let undo = json!({"op":"undo","actor":"李娜","case":1,"at":"2026-03-04T09:05:00+08:00"});
    let out = l.apply(&lines(&[undo]));
    let answer = &out.json_lines()[0];
    assert_eq!(answer["ok"], false, "{out:?}");
    let error = answer["error"].as_str().unwrap_or_default();
    assert!(error.contains("cannot undo"), "{error}");
}

/// The review of the 复查 is the 复核, opened on the 复查 case: one each, as before.
#[test]
fn the_review_case_is_reviewed_in_its_turn() {
    let l = reviewed();
    let out = l.apply(&lines(&[
        json!({"op":"register","actor":"李娜","case":2,"decision":"accept","at":"2026-03-10T10:00:00+08:00"}),
        json!({"op":"assign","actor":"李娜","case":2,"department":"城建科","handler":"王强","at":"2026-03-10T11:00:00+08:00"}),
        json!({"op":"opinion","actor":"王强","case":2,"text":"维持","at":"2026-03-20T09:00:00+08:00"}),
        json!({"op":"instruct","actor":"赵局长","case":2,"approve":true,"at":"2026-03-20T10:00:00+08:00"}),
        json!({"op":"reply","actor":"李娜","case":2,"outcome":"reject","method":"post","text":"维持","served_at":"2026-03-21","at":"2026-03-21T09:00:00+08:00"}),
        json!({"op":"review","actor":"李娜","case":2,"text":"请求复核","at":"2026-03-25T09:00:00+08:00"}),
    ]));
    let answers = out.json_lines();
    assert!(answers.iter().all(|a| a["ok"] == true), "{out:?}");
}

/// A step is not dated before the day of the case's last step: a trial dated the reply and
/// the archive before the opinion and got 按期完成 (the same day passes).
#[test]
fn a_step_dated_before_the_last_one_is_refused() {
    let l = Ledger::set_up();
    l.apply_ok(&intake_lines(1, "补偿款"));
    l.apply_ok(&register_line(1));
    l.apply_ok(&lines(&[
        json!({"op":"assign","actor":"李娜","case":1,"department":"城建科","handler":"王强","at":"2026-02-02T10:00:00+08:00"}),
        json!({"op":"opinion","actor":"王强","case":1,"text":"补偿款已发放","at":"2026-03-20T09:00:00+08:00"}),
    ]));
    let early = json!({"op":"instruct","actor":"赵局长","case":1,"approve":true,"at":"2026-03-03T09:00:00+08:00"});
    let out = l.apply(&lines(&[early]));
    let answer = &out.json_lines()[0];
    assert_eq!(answer["ok"], false, "{out:?}");
    let error = answer["error"].as_str().unwrap_or_default();
    assert!(error.contains("2026-03-20"), "{error}");
    let same_day = json!({"op":"instruct","actor":"赵局长","case":1,"approve":true,"at":"2026-03-20T08:00:00+08:00"});
    l.apply_ok(&lines(&[same_day]));
}
