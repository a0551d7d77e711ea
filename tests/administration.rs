//! Administration is a leader's and on record (issue 13): every admin op refused for a
//! clerk through `apply`, the office journal (`audit`) with its hash chain verified by
//! `check`, sign-ins failed and successful on record, apply's actor rules (the signed-in
//! operator by default, acting as another only for a leader, who is kept as who entered
//! it), `operators` with lockouts, and exports that mask ID numbers and phones.

mod common;

use common::{Ledger, Out, SIGNER, run};
use serde_json::Value;

/// `apply` as `who` (the harness gives them a slot and a passphrase file).
fn apply_as(l: &Ledger, who: &str, input: &str) -> Out {
    run(
        &["--lang", "en", "apply", "--db", l.db(), "--as", who, "-"],
        input,
    )
}

/// `audit --json` as the tests' signer (a leader): the office journal's rows.
fn audit(l: &Ledger) -> Vec<Value> {
    let out = run(&["--lang", "en", "audit", "--db", l.db(), "--json"], "");
    assert!(out.success(), "{out:?}");
    serde_json::from_str::<Value>(&out.stdout)
        .expect("audit JSON")
        .as_array()
        .expect("an array")
        .clone()
}

fn operators(l: &Ledger) -> Vec<Value> {
    let out = run(&["--lang", "en", "operators", "--db", l.db(), "--json"], "");
    assert!(out.success(), "{out:?}");
    serde_json::from_str::<Value>(&out.stdout)
        .expect("operators JSON")
        .as_array()
        .expect("an array")
        .clone()
}

const INTAKE: &str = r#"{"op":"intake","at":"2026-01-31T10:00:00+08:00","channel":"visit","people":1,"petitioners":[{"name":"张三","id_type":"resident_id","id_number":"11010519491231002X","phone":"13800138000","address":"朝阳区幸福里3号楼","main":true}],"category":"城乡建设","handling_type":"申诉求决","summary":"反映拆迁补偿款至今未到位","request":"要求尽快支付补偿款"}"#;

#[test]
fn every_admin_op_is_refused_for_a_clerk_and_changes_nothing() {
    let l = Ledger::set_up();
    let before = operators(&l);
    let lines = [
        r#"{"op":"operator","name":"李娜","role":"leader"}"#,
        r#"{"op":"operator","name":"赵局长","role":"clerk","active":false}"#,
        r#"{"op":"operator","name":"新人","role":"leader"}"#,
        r#"{"op":"department","name":"教育科"}"#,
        r#"{"op":"office","name":"别的局"}"#,
        r#"{"op":"schedule","date":"2026-12-10","leader":"赵局长","place":"接待室"}"#,
    ];
    let out = apply_as(&l, "李娜", &lines.join("\n"));
    assert!(!out.success(), "{out:?}");
    let results = out.json_lines();
    assert_eq!(results.len(), lines.len());
    for r in &results {
        assert_eq!(r["ok"], false, "{r}");
        let error = r["error"].as_str().unwrap_or_default();
        assert!(error.contains("needs a leader"), "{error}");
        assert!(error.contains("李娜 is a clerk"), "{error}");
    }
    // In Chinese too.
    let out = run(&["apply", "--db", l.db(), "--as", "李娜", "-"], lines[0]);
    let error = out.json_lines()[0]["error"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(error.contains("需要领导身份"), "{error}");
    assert_eq!(operators(&l), before);
    // Each attempt is on record as refused (who tried what); nothing else of it.
    let events = audit(&l);
    let tried: Vec<(&str, &str)> = events
        .iter()
        .filter(|e| e["actor"] == "李娜" && e["act"] != "sign_in")
        .map(|e| (e["act"].as_str().unwrap(), e["result"].as_str().unwrap()))
        .collect();
    assert_eq!(
        tried,
        [
            ("operator", "refused"),
            ("operator", "refused"),
            ("operator", "refused"),
            ("department", "refused"),
            ("office", "refused"),
            ("schedule", "refused"),
            ("operator", "refused"),
        ]
    );
}

#[test]
fn admin_ops_are_journaled_with_actor_and_time_and_check_verifies_the_chain() {
    let l = Ledger::set_up();
    let out = apply_as(
        &l,
        "赵局长",
        r#"{"op":"operator","name":"李娜","role":"clerk","department":"城建科","at":"2026-12-05T09:00:00+08:00"}
{"op":"office","name":"某区信访局","at":"2026-12-05T09:01:00+08:00"}
{"op":"schedule","date":"2026-12-10","leader":"赵局长","place":"接待室","at":"2026-12-05T09:02:00+08:00"}"#,
    );
    assert!(out.success(), "{out:?}");
    let events = audit(&l);
    let admin: Vec<&Value> = events.iter().filter(|e| e["act"] != "sign_in").collect();
    // SETUP's four lines by the signer, then the leader's three.
    let acts: Vec<(&str, &str)> = admin
        .iter()
        .map(|e| (e["act"].as_str().unwrap(), e["actor"].as_str().unwrap()))
        .collect();
    assert_eq!(
        acts,
        [
            ("operator", SIGNER),
            ("operator", SIGNER),
            ("operator", SIGNER),
            ("department", SIGNER),
            ("operator", "赵局长"),
            ("office", "赵局长"),
            ("schedule", "赵局长"),
        ]
    );
    assert_eq!(admin[4]["subject"], "李娜");
    assert_eq!(admin[4]["detail"]["department"], "城建科");
    assert_eq!(admin[4]["at"], "2026-12-05T09:00:00+08:00");
    assert_eq!(admin[6]["subject"], "2026-12-10");
    // Every command signed in, and said so.
    assert!(
        events
            .iter()
            .any(|e| e["act"] == "sign_in" && e["actor"] == "赵局长" && e["result"] == "ok")
    );

    let check = run(&["--lang", "en", "check", "--db", l.db()], "");
    assert!(check.success(), "{check:?}");
    assert!(
        check.stdout.contains("office journal events"),
        "{}",
        check.stdout
    );

    // The triggers refuse a change and a deletion…
    let conn = common::sqlite(&l.path);
    assert!(
        conn.execute("UPDATE office_events SET actor = '李娜' WHERE seq = 2", [])
            .is_err()
    );
    assert!(
        conn.execute("DELETE FROM office_events WHERE seq = 2", [])
            .is_err()
    );
    // …and `check` finds one made behind their back.
    conn.execute_batch(
        "DROP TRIGGER office_events_refuse_update;
         UPDATE office_events SET actor = '李娜' WHERE act = 'schedule';",
    )
    .expect("tamper");
    drop(conn);
    let check = run(&["--lang", "en", "check", "--db", l.db()], "");
    assert_eq!(check.code, Some(1), "{check:?}");
    assert!(
        check.stdout.contains("office journal event")
            && check.stdout.contains("does not match its hash"),
        "{}",
        check.stdout
    );
}

#[test]
fn audit_is_a_leaders_and_reads_from_a_date() {
    let l = Ledger::set_up();
    let out = run(
        &["--lang", "en", "audit", "--db", l.db(), "--as", "李娜"],
        "",
    );
    assert!(!out.success(), "{out:?}");
    assert!(out.stderr.contains("needs a leader"), "{}", out.stderr);
    let out = run(&["--lang", "en", "audit", "--db", l.db()], "");
    assert!(out.success(), "{out:?}");
    assert!(
        out.stdout.contains("operator") && out.stdout.contains("王强"),
        "{}",
        out.stdout
    );
    let out = run(
        &[
            "--lang",
            "en",
            "audit",
            "--db",
            l.db(),
            "--since",
            "2999-01-01",
        ],
        "",
    );
    assert!(out.stdout.contains("holds no events"), "{}", out.stdout);
    let out = run(
        &[
            "--lang",
            "en",
            "audit",
            "--db",
            l.db(),
            "--since",
            "yesterday",
        ],
        "",
    );
    assert!(!out.success() && out.stderr.contains("--since"), "{out:?}");
}

#[test]
fn a_failed_sign_in_is_recorded_at_the_next_open() {
    let l = Ledger::set_up();
    // 李娜 gets a slot (the harness's passphrase)…
    assert!(run(&["list", "--db", l.db(), "--as", "李娜"], "").success());
    // …then tries a wrong one.
    let wrong = l.file("wrong.txt");
    std::fs::write(&wrong, "not it\n").expect("write");
    let wrong = wrong.display().to_string();
    let out = run(
        &[
            "--lang",
            "en",
            "list",
            "--db",
            l.db(),
            "--as",
            "李娜",
            "--passphrase-file",
            &wrong,
        ],
        "",
    );
    assert!(!out.success(), "{out:?}");
    let events = audit(&l);
    let failed: Vec<&Value> = events
        .iter()
        .filter(|e| e["act"] == "sign_in" && e["result"] == "wrong_passphrase")
        .collect();
    assert_eq!(failed.len(), 1, "{events:?}");
    assert_eq!(failed[0]["actor"], "李娜");
    // Recorded once: the next open does not record it again.
    let again = audit(&l);
    let n = again
        .iter()
        .filter(|e| e["result"] == "wrong_passphrase")
        .count();
    assert_eq!(n, 1);
}

#[test]
fn a_lines_actor_is_the_signed_in_operator_unless_a_leader_enters_for_another() {
    let l = Ledger::set_up();
    // A clerk's line without an actor acts as the clerk.
    let out = apply_as(&l, "李娜", INTAKE);
    assert!(out.success(), "{out:?}");
    let case = out.json_lines()[0]["id"].to_string();
    let show = run(&["show", "--db", l.db(), &case, "--json"], "");
    let v: Value = serde_json::from_str(&show.stdout).expect("show JSON");
    assert_eq!(v["events"][0]["actor"], "李娜");
    assert!(
        v["events"][0].get("entered_by").is_none(),
        "{}",
        v["events"][0]
    );

    // A clerk cannot act as someone else.
    let as_leader = INTAKE.replacen("{", r#"{"actor":"赵局长","#, 1);
    let out = apply_as(&l, "李娜", &as_leader);
    assert!(!out.success(), "{out:?}");
    let error = out.json_lines()[0]["error"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        error.contains("enter a record for another operator"),
        "{error}"
    );

    // A leader can, entering a paper record: both are kept and shown.
    let as_clerk = INTAKE.replacen("{", r#"{"actor":"李娜","#, 1);
    let out = apply_as(&l, "赵局长", &as_clerk);
    assert!(out.success(), "{out:?}");
    let case = out.json_lines()[0]["id"].to_string();
    let show = run(&["show", "--db", l.db(), &case, "--json"], "");
    let v: Value = serde_json::from_str(&show.stdout).expect("show JSON");
    assert_eq!(v["events"][0]["actor"], "李娜");
    assert_eq!(v["events"][0]["entered_by"], "赵局长");
    let text = run(&["--lang", "en", "show", "--db", l.db(), &case], "");
    assert!(
        text.stdout.contains("(entered by 赵局长)"),
        "{}",
        text.stdout
    );
    // The rights of the step are the actor's: a handler may not take in a petition,
    // whoever enters it.
    let as_handler = INTAKE.replacen("{", r#"{"actor":"王强","#, 1);
    let out = apply_as(&l, "赵局长", &as_handler);
    assert!(!out.success(), "{out:?}");
    // And the chain holds with the entries; taking one away behind the triggers'
    // back breaks it.
    assert!(run(&["check", "--db", l.db()], "").success());
    let conn = common::sqlite(&l.path);
    assert!(conn.execute("DELETE FROM event_entries", []).is_err());
    conn.execute_batch("DROP TRIGGER event_entries_refuse_delete; DELETE FROM event_entries;")
        .expect("tamper");
    drop(conn);
    let check = run(&["--lang", "en", "check", "--db", l.db()], "");
    assert_eq!(check.code, Some(1), "{check:?}");
    assert!(
        check.stdout.contains("does not match its hash"),
        "{}",
        check.stdout
    );
}

#[test]
fn operators_lists_roles_departments_and_lockouts() {
    let l = Ledger::set_up();
    l.apply_ok(r#"{"op":"operator","name":"刘洋","role":"handler","department":"城建科","unit":"区住建局"}"#);
    assert!(run(&["list", "--db", l.db(), "--as", "李娜"], "").success());
    let wrong = l.file("wrong.txt");
    std::fs::write(&wrong, "not it\n").expect("write");
    let wrong = wrong.display().to_string();
    for _ in 0..5 {
        let args = [
            "list",
            "--db",
            l.db(),
            "--as",
            "李娜",
            "--passphrase-file",
            &wrong,
        ];
        assert!(!run(&args, "").success());
    }
    let ops = operators(&l);
    let find = |name: &str| {
        ops.iter()
            .find(|o| o["name"] == name)
            .unwrap_or_else(|| panic!("{name} in {ops:?}"))
            .clone()
    };
    // Each one's own unit: what an accusation naming it keeps from them (Art 30 第三款).
    assert!(find("王强")["unit"].is_null(), "{ops:?}");
    assert_eq!(find("刘洋")["unit"], "区住建局", "{ops:?}");
    assert_eq!(find("王强")["role"], "handler");
    assert_eq!(find("王强")["department"], "城建科");
    assert_eq!(find("王强")["active"], true);
    assert!(find("王强")["locked_until"].is_null());
    assert!(find("李娜")["locked_until"].is_string(), "{ops:?}");
    let text = run(&["--lang", "en", "operators", "--db", l.db()], "");
    assert!(text.stdout.contains("locked until"), "{}", text.stdout);
    // The lockout is on record too.
    assert!(
        audit(&l)
            .iter()
            .any(|e| e["actor"] == "李娜" && e["result"] == "locked")
    );
    // A clerk may not list them.
    let out = run(
        &["--lang", "en", "operators", "--db", l.db(), "--as", "王强"],
        "",
    );
    assert!(!out.success(), "{out:?}");
}

/// A masked export masks what the petitioner's fields hold and what text repeats of them:
/// the e-mail contact, the address below its street, and ID and phone numbers typed into
/// the summary (a trial found 375 whole phones in a masked export, in `contact`).
#[test]
fn masked_exports_mask_contacts_addresses_and_numbers_in_text() {
    let l = Ledger::set_up();
    let intake = r#"{"op":"intake","at":"2026-01-31T10:00:00+08:00","channel":"email","contact":"zhangsan88@126.com","people":1,"petitioners":[{"name":"张三","id_type":"resident_id","id_number":"11010519491231002X","phone":"13800138000","address":"朝阳区幸福街道幸福里3号楼2单元","main":true}],"category":"城乡建设","handling_type":"申诉求决","summary":"信访人（电话13912345678，身份证110105194912310021）反映补偿款12000元未到位","request":"要求尽快支付补偿款"}"#;
    assert!(apply_as(&l, "李娜", intake).success());
    let whole = [
        "zhangsan88",
        "13912345678",
        "110105194912310021",
        "幸福里3号楼",
    ];
    let out = run(&["export", "--db", l.db(), "--format", "json"], "");
    assert!(out.success(), "{out:?}");
    for secret in whole {
        assert!(!out.stdout.contains(secret), "{secret} in {}", out.stdout);
    }
    for shown in [
        "z***@126.com",
        "139****5678",
        "朝阳区幸福街道****",
        "12000元",
    ] {
        assert!(out.stdout.contains(shown), "{shown} not in {}", out.stdout);
    }
    let csv = run(&["export", "--db", l.db(), "--format", "csv"], "");
    assert!(csv.success(), "{csv:?}");
    for secret in whole {
        assert!(!csv.stdout.contains(secret), "{secret} in {}", csv.stdout);
    }
    let full = run(
        &["export", "--db", l.db(), "--format", "json", "--full"],
        "",
    );
    for secret in whole {
        assert!(full.stdout.contains(secret), "{secret} not in --full");
    }
}

#[test]
fn exports_are_a_leaders_masked_unless_full_and_say_they_are_not_encrypted() {
    let l = Ledger::set_up();
    assert!(apply_as(&l, "李娜", INTAKE).success());
    let csv = l.file("cases.csv");
    let csv_s = csv.display().to_string();
    let args = [
        "--lang",
        "en",
        "export",
        "--db",
        l.db(),
        "--format",
        "csv",
        "--out",
        &csv_s,
    ];
    let out = run(&args, "");
    assert!(out.success(), "{out:?}");
    assert!(out.stderr.contains(&csv_s), "{}", out.stderr);
    assert!(out.stderr.contains("NOT encrypted"), "{}", out.stderr);
    let text = std::fs::read_to_string(&csv).expect("export");
    assert!(text.contains("110105********002X"), "{text}");
    assert!(text.contains("138****8000"), "{text}");
    assert!(!text.contains("11010519491231002X") && !text.contains("13800138000"));

    // JSON: masked everywhere, the intake inside the journal events too.
    let out = run(&["export", "--db", l.db(), "--format", "json"], "");
    assert!(out.success(), "{out:?}");
    assert!(out.stdout.contains("110105********002X"));
    assert!(!out.stdout.contains("11010519491231002X") && !out.stdout.contains("13800138000"));
    assert!(out.stderr.contains("未加密"), "{}", out.stderr);

    // --full: the whole numbers.
    let full = l.file("full.csv");
    let full_s = full.display().to_string();
    let args = [
        "export",
        "--db",
        l.db(),
        "--format",
        "csv",
        "--out",
        &full_s,
        "--full",
    ];
    let out = run(&args, "");
    assert!(out.success(), "{out:?}");
    // Excel takes a CSV's whole ID numbers for numbers: the workbook is named instead.
    assert!(out.stderr.contains("--format xlsx"), "{}", out.stderr);
    let text = std::fs::read_to_string(&full).expect("export");
    assert!(text.contains("11010519491231002X") && text.contains("13800138000"));

    // A clerk may not export; every export is on record.
    let args = [
        "--lang",
        "en",
        "export",
        "--db",
        l.db(),
        "--format",
        "csv",
        "--as",
        "李娜",
    ];
    let out = run(&args, "");
    assert!(
        !out.success() && out.stderr.contains("needs a leader"),
        "{out:?}"
    );
    let exports: Vec<Value> = audit(&l)
        .into_iter()
        .filter(|e| e["act"] == "export")
        .collect();
    assert_eq!(exports.len(), 3, "{exports:?}");
    assert_eq!(exports[0]["subject"], csv_s.as_str());
    assert_eq!(exports[2]["detail"]["full"], true);
}

#[test]
fn a_backup_is_recorded() {
    let l = Ledger::set_up();
    let dest = l.file("copy.db");
    let dest_s = dest.display().to_string();
    assert!(run(&["backup", "--db", l.db(), &dest_s], "").success());
    let backups: Vec<Value> = audit(&l)
        .into_iter()
        .filter(|e| e["act"] == "backup")
        .collect();
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0]["subject"], dest_s.as_str());
    assert_eq!(backups[0]["result"], "ok");
}

#[test]
fn init_puts_the_first_leader_on_record() {
    let l = Ledger::empty();
    let pass = l.file("pass.txt");
    std::fs::write(&pass, "the first leader's passphrase\n").expect("write");
    let pass = pass.display().to_string();
    let args = [
        "--lang",
        "en",
        "init",
        "--db",
        l.db(),
        "--leader",
        "赵建国",
        "--passphrase-file",
        &pass,
    ];
    assert!(run(&args, "").success());
    let args = [
        "audit",
        "--db",
        l.db(),
        "--as",
        "赵建国",
        "--passphrase-file",
        &pass,
        "--json",
    ];
    let out = run(&args, "");
    assert!(out.success(), "{out:?}");
    let events: Vec<Value> = serde_json::from_str(&out.stdout).expect("audit JSON");
    assert_eq!(events[0]["act"], "operator");
    assert_eq!(events[0]["subject"], "赵建国");
    assert_eq!(events[0]["detail"]["init"], true);
    assert_eq!(events[1]["act"], "sign_in");
    assert_eq!(events[1]["actor"], "赵建国");
}
