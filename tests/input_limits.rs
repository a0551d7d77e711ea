//! Input, everywhere the same rules (issue 14, point 4): `apply` answers every line by
//! itself (a line that is not UTF-8 too), refuses a field an op does not have, a time out
//! of the ledger's years or ahead of the clock, a text over its limit or holding a control
//! character; the desk's forms and setup use the same table.

mod common;

use chrono::DateTime;
use common::{Ledger, SIGNER, key};
use serde_json::{Value, json};
use xinfang::cli::apply::{Signer, apply_all};
use xinfang::clock::Clock;
use xinfang::config::Office;
use xinfang::domain::rules::Operator;
use xinfang::domain::types::Role;
use xinfang::store::Store;
use xinfang::strings::Lang;

/// The machine's clock in these tests.
pub fn clock() -> Clock {
    Clock::fixed(DateTime::parse_from_rfc3339("2026-12-05T12:00:00+08:00").expect("time"))
}

/// A set-up ledger (李娜, 王强, 赵局长, 城建科) opened in process.
fn ledger() -> (Ledger, Store) {
    let l = Ledger::set_up();
    let store = Store::open(&l.path, Office::builtin(), &key()).expect("open");
    (l, store)
}

/// `input` through `apply`'s own loop, as the signer; one JSON value per result line.
fn apply(store: &mut Store, lang: Lang, input: &[u8]) -> Vec<Value> {
    let mut out = Vec::new();
    apply_all(
        store,
        input,
        &mut out,
        &Signer::new(Some(SIGNER)),
        lang,
        &clock(),
    )
    .expect("stdout");
    let text = String::from_utf8(out).expect("results are UTF-8");
    text.lines()
        .map(|l| serde_json::from_str(l).expect("a result is JSON"))
        .collect()
}

fn intake(summary: &str, name: &str) -> Value {
    json!({"op":"intake","actor":"李娜","at":"2026-03-02T09:00:00+08:00","channel":"visit",
        "petitioners":[{"name":name,"main":true}],"category":"城乡建设","summary":summary})
}

fn line(v: &Value) -> Vec<u8> {
    format!("{v}\n").into_bytes()
}

fn error(v: &Value) -> &str {
    assert_eq!(v["ok"], false, "{v}");
    v["error"].as_str().unwrap_or_default()
}

#[test]
fn a_line_that_is_not_utf8_gets_its_own_answer_and_the_run_goes_on() {
    let (_l, mut store) = ledger();
    let mut input = line(&intake("第一件", "张三"));
    input.extend_from_slice(b"{\"op\":\"intake\",\"summary\":\"\xff\xfe\"}\n");
    input.extend_from_slice(b"# a comment\n\n");
    input.extend_from_slice(&line(&intake("第三件", "李四")));
    input.extend_from_slice(b"\xc3\x28");
    let results = apply(&mut store, Lang::En, &input);
    assert_eq!(results.len(), 6, "one result per input line: {results:?}");
    assert_eq!(results[0]["ok"], true);
    assert_eq!(results[1]["line"], 2);
    assert!(error(&results[1]).contains("not UTF-8"), "{results:?}");
    assert_eq!(results[2], json!({"ok":true,"line":3,"skipped":"comment"}));
    assert_eq!(results[3], json!({"ok":true,"line":4,"skipped":"blank"}));
    assert_eq!(results[4]["ok"], true, "{results:?}");
    assert_eq!(results[5]["line"], 6);
    let zh = apply(&mut store, Lang::Zh, b"\xff\n");
    assert!(error(&zh[0]).contains("UTF-8"), "{zh:?}");
}

#[test]
fn an_unknown_field_is_refused_on_every_op_by_name() {
    let (_l, mut store) = ledger();
    let mut input = line(&intake("拆迁补偿", "张三"));
    for v in [
        json!({"op":"register","actor":"李娜","case":1,"decision":"accept","at":"2026-03-02T10:00:00+08:00"}),
        json!({"op":"assign","actor":"李娜","case":1,"department":"城建科","handler":"王强",
            "leadr":"赵局长","at":"2026-03-02T11:00:00+08:00"}),
        json!({"op":"archive","actor":"李娜","case":1,"why":"x"}),
        json!({"op":"operator","name":"孙八","role":"clerk","rol":"leader"}),
        json!({"op":"department","name":"信访科","actve":false}),
        json!({"op":"schedule","date":"2026-12-07","leader":"赵局长","plce":"一楼"}),
        json!({"op":"office","nmae":"某区信访局"}),
        json!({"op":"intake","actor":"李娜","channel":"visit","category":"城乡建设","summary":"s",
            "petitioners":[{"name":"张三","phnoe":"13800138000"}]}),
    ] {
        input.extend_from_slice(&line(&v));
    }
    let r = apply(&mut store, Lang::En, &input);
    assert_eq!(r.len(), 9);
    assert_eq!(
        (r[0]["ok"].clone(), r[1]["ok"].clone()),
        (json!(true), json!(true))
    );
    let leadr = error(&r[2]);
    assert!(leadr.contains("'leadr'"), "{leadr}");
    assert!(
        leadr.contains("leader") && leadr.contains("handler"),
        "{leadr}"
    );
    for (i, field) in [
        (3, "why"),
        (4, "rol"),
        (5, "actve"),
        (6, "plce"),
        (7, "nmae"),
        (8, "petitioners[1].phnoe"),
    ] {
        assert!(error(&r[i]).contains(&format!("'{field}'")), "{:?}", r[i]);
    }
    // Nothing of the refused lines was written: no owning leader, no new operator.
    let case = store
        .case(&xinfang::store::CaseRef::Id(1), clock().today())
        .expect("case 1");
    assert_eq!(case.case.assignment, None);
    assert!(!store.operators().unwrap().iter().any(|o| o.name == "孙八"));
    let zh = apply(
        &mut store,
        Lang::Zh,
        &line(&json!({"op":"own","case":1,"x":1})),
    );
    assert!(error(&zh[0]).contains("没有字段「x」"), "{zh:?}");
}

/// A register line takes the fields of its own decision only: a `to` on an accept would be
/// dropped by serde (and the case accepted as if no body were named), so it is refused,
/// saying which fields the decision takes and whose field it is.
#[test]
fn a_field_of_another_decision_is_refused_on_register() {
    let (_l, mut store) = ledger();
    let mut input = line(&intake("拆迁补偿", "张三"));
    let at = "2026-03-02T10:00:00+08:00";
    for v in [
        json!({"op":"register","actor":"李娜","case":1,"decision":"accept","to":"区住建局","at":at}),
        json!({"op":"register","actor":"李娜","case":1,"decision":"pass_on","to":"区住建局",
            "route":"向法院起诉","at":at}),
        json!({"op":"register","actor":"李娜","case":1,"decision":"decline","reason":"not_competent",
            "route":"向法院起诉","report_by":"2026-04-01","at":at}),
        json!({"op":"register","actor":"李娜","case":1,"decision":"answered","text":"已告知",
            "assign":true,"at":at}),
    ] {
        input.extend_from_slice(&line(&v));
    }
    let r = apply(&mut store, Lang::En, &input);
    assert_eq!(r.len(), 5, "{r:?}");
    assert_eq!(r[0]["ok"], true, "{r:?}");
    let accept = error(&r[1]);
    assert!(
        accept.contains("decision accept") && accept.contains("'to'"),
        "{accept}"
    );
    assert!(accept.contains("belongs to pass_on"), "{accept}");
    assert!(
        accept
            .contains("the fields this decision takes are op, actor, at, case, version, decision"),
        "{accept}"
    );
    let pass_on = error(&r[2]);
    assert!(
        pass_on.contains("'route'") && pass_on.contains("belongs to decline"),
        "{pass_on}"
    );
    assert!(pass_on.contains("to, assign, report_by"), "{pass_on}");
    assert!(error(&r[3]).contains("'report_by'"), "{r:?}");
    assert!(error(&r[4]).contains("'assign'"), "{r:?}");
    // Nothing was registered: the case is still at intake.
    let case = store
        .case(&xinfang::store::CaseRef::Id(1), clock().today())
        .expect("case 1");
    assert_eq!(case.case.decision, None, "{:?}", case.case.state);
    let zh = apply(
        &mut store,
        Lang::Zh,
        &line(
            &json!({"op":"register","actor":"李娜","case":1,"decision":"accept","to":"x","at":at}),
        ),
    );
    let zh = error(&zh[0]);
    assert!(
        zh.contains("「受理」") && zh.contains("「to」") && zh.contains("「转送」"),
        "{zh}"
    );
    assert!(zh.contains("这一决定可用的字段是"), "{zh}");
}

#[test]
fn times_and_dates_stay_in_a_sane_window() {
    let (_l, mut store) = ledger();
    let mut input = Vec::new();
    for at in [
        "1900-01-01T10:00:00+08:00",
        "2200-01-01T10:00:00+08:00",
        "9999-12-31T10:00:00+08:00",
        // Two days after the clock (2026-12-05 12:00).
        "2026-12-07T12:00:00+08:00",
    ] {
        let mut v = intake("拆迁补偿", "张三");
        v["at"] = json!(at);
        input.extend_from_slice(&line(&v));
    }
    let mut v = intake("邮戳", "张三");
    v["postmark"] = json!("0000-01-01");
    input.extend_from_slice(&line(&v));
    for v in [
        json!({"op":"schedule","date":"0000-01-01","leader":"赵局长"}),
        json!({"op":"reception","date":"0000-01-01","leader":"赵局长","visitor":"张三","said":"s"}),
        json!({"op":"operator","name":"孙八","role":"clerk","at":"1900-01-01T00:00:00Z"}),
    ] {
        input.extend_from_slice(&line(&v));
    }
    let r = apply(&mut store, Lang::En, &input);
    assert_eq!(r.len(), 8);
    for (i, v) in r.iter().enumerate() {
        let e = error(v);
        let expected = if i == 3 {
            "past this machine's clock"
        } else {
            "outside the years"
        };
        assert!(e.contains(expected), "line {}: {e}", i + 1);
    }
    assert_eq!(store.all_ids().unwrap(), Vec::<i64>::new());
    // Within a day ahead is taken (a clock set a little wrong).
    let mut v = intake("拆迁补偿", "张三");
    v["at"] = json!("2026-12-06T09:00:00+08:00");
    let r = apply(&mut store, Lang::Zh, &line(&v));
    assert_eq!(r[0]["ok"], true, "{r:?}");
    let mut v = intake("拆迁补偿", "张三");
    v["at"] = json!("2027-01-01T09:00:00+08:00");
    let r = apply(&mut store, Lang::Zh, &line(&v));
    assert!(error(&r[0]).contains("晚于本机时钟"), "{r:?}");
}

#[test]
fn texts_are_bounded_with_the_limit_in_the_message_and_free_of_controls() {
    let (_l, mut store) = ledger();
    let letter = "信".repeat(20_000);
    let mut address = intake("地址过长", "张三");
    address["petitioners"][0]["address"] = json!("路".repeat(201));
    let cases = [
        (intake(&letter, "张三"), None),
        (
            intake(&format!("{letter}。"), "张三"),
            Some("more than the 20000 allowed"),
        ),
        (
            intake("s", &"张".repeat(65)),
            Some("more than the 64 allowed"),
        ),
        (
            address,
            Some("address is 201 characters, more than the 200"),
        ),
        (intake("s", "张\u{0}三"), Some("U+0000")),
        (intake("a\u{1b}]0;title\u{7}", "张三"), Some("U+001B")),
        (intake("a\u{9b}2J", "张三"), Some("U+009B")),
        (intake("第一段\n\t第二段", "张三"), None),
        (intake("s", "张\n三"), Some("U+000A")),
    ];
    let input: Vec<u8> = cases.iter().flat_map(|(v, _)| line(v)).collect();
    let r = apply(&mut store, Lang::En, &input);
    for ((_, expected), got) in cases.iter().zip(&r) {
        match expected {
            None => assert_eq!(got["ok"], true, "{got}"),
            Some(words) => assert!(error(got).contains(words), "{words}: {got}"),
        }
    }
    let zh = apply(&mut store, Lang::Zh, &line(&intake("s", &"张".repeat(65))));
    assert!(error(&zh[0]).contains("上限64个字"), "{zh:?}");
    // A step's text too, and a reception record's, and setup's operator.
    let steps = [
        json!({"op":"register","actor":"李娜","case":1,"decision":"accept"}),
        json!({"op":"assign","actor":"李娜","case":1,"department":"城建科","handler":"王强"}),
        json!({"op":"opinion","actor":"王强","case":1,"text":"意".repeat(20_001)}),
        json!({"op":"reception","leader":"赵局长","visitor":"张\u{7}三","said":"s"}),
    ];
    let input: Vec<u8> = steps.iter().flat_map(line).collect();
    let r = apply(&mut store, Lang::En, &input);
    assert!(error(&r[2]).contains("text is 20001 characters"), "{r:?}");
    assert!(
        error(&r[3]).contains("visitor holds the control character U+0007"),
        "{r:?}"
    );
    let long = Operator {
        name: "名".repeat(65),
        role: Role::Clerk,
        department: None,
        active: true,
        unit: None,
        department_wide: false,
    };
    assert!(store.put_operator(&long).is_err());
}

#[test]
fn a_form_field_over_its_limit_says_so_and_keeps_what_was_typed() {
    use common::desk::Desk;
    use xinfang::strings::form::FieldKey;
    let mut d = Desk::new("李娜", 1);
    d.chars("n1");
    d.chars("冯七");
    let long = "补".repeat(20_001);
    d.fill_summary(&long);
    d.ctrl('s');
    let f = d.form();
    let summary = f.get(FieldKey::Summary).expect("summary field");
    let e = summary.error.as_deref().expect("the summary is refused");
    assert!(e.contains("20001") && e.contains("20000"), "{e}");
    assert_eq!(summary.text().as_deref(), Some(long.as_str()));
    let mut d = Desk::new("李娜", 1);
    d.chars("n2");
    d.fill(FieldKey::Received, "");
    for _ in 0..10 {
        d.key(ratatui::crossterm::event::KeyCode::Backspace);
    }
    d.chars("1900-01-01");
    d.fill_summary("拆迁");
    d.ctrl('s');
    let received = d.form().get(FieldKey::Received).expect("received field");
    let e = received.error.as_deref().expect("1900 is refused");
    assert!(e.contains("2000"), "{e}");
}

#[test]
fn setup_refuses_a_name_over_its_limit_on_the_screen_and_in_the_store() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use xinfang::ui::screens::setup::{Field, Setup, SetupOutcome};
    let press = |c| KeyEvent::new(c, KeyModifiers::NONE);
    let mut s = Setup::new(Lang::Zh);
    s.paste("某区信访局");
    s.key(press(KeyCode::Tab));
    let long = "名".repeat(65);
    s.paste(&long);
    s.key(press(KeyCode::Tab));
    s.key(press(KeyCode::Tab));
    s.paste("城建科");
    let done = s.key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL));
    assert_eq!(done, SetupOutcome::Stay);
    assert_eq!(s.focus, Field::Name);
    let e = s.error(Field::Name).expect("the name is refused");
    assert!(e.contains("上限64个字"), "{e}");
    // The store refuses it too, whoever calls it.
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("l.db"), Office::builtin(), &key()).unwrap();
    let op = Operator {
        name: long,
        role: Role::Leader,
        department: None,
        active: true,
        unit: None,
        department_wide: false,
    };
    assert!(
        store
            .first_run(
                "某区信访局",
                &op,
                &["城建科".into()],
                chrono::DateTime::parse_from_rfc3339("2026-12-05T09:00:00+08:00").unwrap()
            )
            .is_err()
    );
}

#[test]
fn the_binary_refuses_a_time_ahead_of_its_clock_unless_the_clock_is_fixed() {
    let l = Ledger::set_up();
    let ahead = line(&{
        let mut v = intake("拆迁补偿", "张三");
        v["at"] = json!("2099-12-31T10:00:00+08:00");
        v
    });
    let ahead = String::from_utf8(ahead).unwrap();
    let out = l.apply(&ahead);
    let r = out.json_lines();
    assert!(error(&r[0]).contains("past this machine's clock"), "{r:?}");
    let fixed = common::command()
        .env("XINFANG_NOW", "2099-12-31T12:00:00+08:00")
        .args(common::signed_in(&[
            "--lang",
            "en",
            "apply",
            "--db",
            l.db(),
            "-",
        ]))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("start");
    let mut child = fixed;
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), ahead.as_bytes()).unwrap();
    let out = common::finish(child);
    assert_eq!(out.json_lines()[0]["ok"], true, "{out:?}");
    let bad = common::command()
        .env("XINFANG_NOW", "tomorrow")
        .args(["--lang", "en", "list", "--db", l.db()])
        .output()
        .expect("run");
    let said = String::from_utf8_lossy(&bad.stderr);
    assert!(said.contains("XINFANG_NOW must be a time"), "{said}");
}
