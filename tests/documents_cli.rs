//! `xinfang notice` and the `office` and `issue` ops of `apply`, on the
//! real binary: two processes issuing at once get gap-free numbers, a
//! refusal names what is missing, a reprint is the text as issued, and the
//! case file comes with its JSON twin.

mod common;

use std::collections::BTreeSet;

use common::{Ledger, finish, intake_lines, register_line, run, spawn};
use serde_json::{Value, json};

const OFFICE: &str = r#"{"op":"office","name":"某区信访局","prefix":"X信","hotline":"12345","seal":"某区信访局信访专用章","review_organ":"某市信访局"}"#;

/// A set-up ledger with its letterhead and `n` accepted cases.
fn accepted(n: usize) -> Ledger {
    let l = Ledger::set_up();
    l.apply_ok(&format!("{OFFICE}\n"));
    l.apply_ok(&intake_lines(n, "补偿款"));
    let registers: String = (1..=n as i64).map(register_line).collect();
    l.apply_ok(&registers);
    l
}

fn issue_lines(ids: std::ops::RangeInclusive<i64>) -> String {
    ids.map(|id| {
        json!({"op":"issue","actor":"李娜","case":id,"kind":"accept","at":"2026-02-02T10:00:00+08:00"})
            .to_string()
            + "\n"
    })
    .collect()
}

#[test]
fn two_processes_issuing_at_once_get_gap_free_numbers() {
    let l = accepted(200);
    let args = ["--lang", "en", "apply", "--db", l.db(), "-"];
    let a = spawn(&args, issue_lines(1..=100));
    let b = spawn(&args, issue_lines(101..=200));
    let (a, b) = (finish(a), finish(b));
    assert!(a.success() && b.success(), "{a:?} {b:?}");
    let mut numbers = BTreeSet::new();
    for v in a.json_lines().into_iter().chain(b.json_lines()) {
        assert_eq!(v["ok"], true, "{v}");
        let n = v["number"].as_str().unwrap().to_owned();
        assert!(numbers.insert(n.clone()), "issued twice: {n}");
    }
    let expected: BTreeSet<String> = (1..=200).map(|n| format!("X信告〔2026〕{n}号")).collect();
    assert_eq!(numbers, expected);
    let check = l.check();
    assert!(check.success(), "{check:?}");
}

#[test]
fn notice_writes_html_refuses_by_name_and_reprints_as_issued() {
    let l = accepted(1);
    let html = l.file("accept.html");
    let notice = |kind: &str, out: &std::path::Path, more: &[&str]| {
        let mut args = vec![
            "notice",
            "--db",
            l.db(),
            "--as",
            "李娜",
            "2026-0001",
            kind,
            "--out",
        ];
        args.push(out.to_str().unwrap());
        args.extend_from_slice(more);
        run(&args, "")
    };
    let out = notice("accept", &html, &[]);
    assert!(out.success(), "{out:?}");
    assert!(out.stdout.contains("X信告〔2026〕1号"), "{out:?}");
    let first = std::fs::read_to_string(&html).unwrap();
    // It names people: readable by its owner only, like the ledger.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&html).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert!(first.contains("<!DOCTYPE html>") && first.contains("受理告知书"));
    assert!(!first.contains("<script") && !first.contains("http"));
    // Again: the same document, not a new number.
    let again = l.file("again.html");
    let out = notice("受理告知书", &again, &[]);
    assert!(out.stdout.contains("重印"), "{out:?}");
    assert_eq!(std::fs::read_to_string(&again).unwrap(), first);
    // Text on stdout without --out.
    let out = run(
        &[
            "notice",
            "--db",
            l.db(),
            "--as",
            "李娜",
            "2026-0001",
            "accept",
        ],
        "",
    );
    assert!(
        out.stdout.contains("张三：") && out.stdout.contains("X信告〔2026〕1号"),
        "{out:?}"
    );
    // The reply lacks its facts and outcome: refused, the part named.
    let out = notice("reply", &l.file("r.txt"), &["--basis", "某条例"]);
    assert_eq!(out.code, Some(1));
    assert!(out.stderr.contains("缺少事实和理由"), "{out:?}");
    assert!(!l.file("r.txt").exists());
    let out = run(
        &[
            "notice",
            "--db",
            l.db(),
            "--as",
            "李娜",
            "2026-0001",
            "nonsense",
        ],
        "",
    );
    assert!(out.stderr.contains("没有「nonsense」这种文书"), "{out:?}");
}

#[test]
fn the_case_file_on_archive_has_a_json_twin_and_a_volume_number() {
    let l = accepted(1);
    let steps = [
        json!({"op":"assign","actor":"李娜","case":"2026-0001","department":"城建科","handler":"王强","at":"2026-02-02T10:00:00+08:00"}),
        json!({"op":"issue","actor":"李娜","case":"2026-0001","kind":"transfer","at":"2026-02-02T10:05:00+08:00"}),
        json!({"op":"opinion","actor":"王强","case":"2026-0001","text":"补偿款将于3月20日前拨付","at":"2026-03-02T09:00:00+08:00"}),
        json!({"op":"instruct","actor":"赵局长","case":"2026-0001","approve":true,"at":"2026-03-03T09:00:00+08:00"}),
        json!({"op":"reply","actor":"李娜","case":"2026-0001","outcome":"support","method":"post","text":"补偿款将于3月20日前拨付","served_at":"2026-03-04","at":"2026-03-04T09:00:00+08:00"}),
        json!({"op":"issue","actor":"李娜","case":"2026-0001","kind":"reply","basis":"某条例第五条","at":"2026-03-04T09:30:00+08:00"}),
        json!({"op":"archive","actor":"李娜","case":"2026-0001","at":"2026-03-26T10:00:00+08:00"}),
    ];
    let input: String = steps.iter().map(|s| s.to_string() + "\n").collect();
    let results = l.apply_ok(&input);
    // Archiving made the case file, as the desk does; notice prints it again as issued.
    let archived = results.last().unwrap();
    assert_eq!(archived["case_file"], "X信卷〔2026〕1号", "{archived}");
    let file = l.file("卷.html");
    let out = run(
        &[
            "notice",
            "--db",
            l.db(),
            "--as",
            "李娜",
            "2026-0001",
            "casefile",
            "--out",
            file.to_str().unwrap(),
        ],
        "",
    );
    assert!(out.success(), "{out:?}");
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(
        html.contains("X信卷〔2026〕1号")
            && html.contains("X信转〔2026〕1号")
            && html.contains("X信复〔2026〕1号")
    );
    let twin: Value =
        serde_json::from_str(&std::fs::read_to_string(l.file("卷.json")).unwrap()).unwrap();
    assert_eq!(twin["volume"], "X信卷〔2026〕1号");
    assert_eq!(twin["documents"].as_array().unwrap().len(), 2);
    assert_eq!(twin["case"]["state"], "archived");
    assert!(
        twin["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["op"] == "archive")
    );
    // The volume number is on the case's record.
    let show = run(&["show", "--db", l.db(), "2026-0001", "--json"], "");
    assert!(show.stdout.contains("X信卷〔2026〕1号"), "{show:?}");
    let show = run(&["show", "--db", l.db(), "2026-0001"], "");
    assert!(
        show.stdout.contains("文书：X信卷〔2026〕1号 案卷"),
        "{show:?}"
    );
    assert!(l.check().success());
}

/// An office with no letterhead yet still archives from `apply`; the result says why no
/// case file was made, and the case is archived.
#[test]
fn archiving_without_a_letterhead_archives_and_says_why_no_case_file() {
    let l = common::Ledger::new();
    l.apply_ok(common::SETUP);
    let steps = [
        json!({"op":"intake","actor":"李娜","at":"2026-02-01T09:00:00+08:00","channel":"visit","petitioners":[{"name":"张三"}],"category":"城乡建设","summary":"反映路灯损坏"}),
        json!({"op":"register","actor":"李娜","case":1,"decision":"answered","text":"已当场解释","at":"2026-02-01T09:30:00+08:00"}),
        json!({"op":"archive","actor":"李娜","case":1,"at":"2026-02-02T09:00:00+08:00"}),
    ];
    let input: String = steps.iter().map(|s| s.to_string() + "\n").collect();
    let results = l.apply(&input).json_lines();
    let archived = results.last().unwrap();
    assert_eq!(archived["ok"], true, "{results:?}");
    assert_eq!(archived["state"], "archived", "{archived}");
    assert!(archived.get("case_file").is_none(), "{archived}");
    let why = archived["case_file_error"].as_str().unwrap_or_default();
    assert!(why.contains("office letterhead"), "{archived}");
}

/// `--print` hands the written file to `lp -d PRINTER`; a failing `lp` is reported with its
/// own words and the document stays issued. A stand-in `lp` on PATH records what it got.
#[cfg(unix)]
#[test]
fn print_sends_the_file_to_the_offices_printer_with_lp() {
    use std::os::unix::fs::PermissionsExt;
    let l = accepted(1);
    l.apply_ok(r#"{"op":"office","printer":"前台打印机"}"#);
    let bin = l.file("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let log = l.file("lp.log");
    let lp = bin.join("lp");
    std::fs::write(
        &lp,
        format!(
            "#!/bin/sh\nprintf '%s|' \"$@\" >> '{}'\n[ -z \"$LP_FAIL\" ] || {{ echo 'lp: printer is offline' >&2; exit 1; }}\n",
            log.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&lp, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out_file = l.file("受理.html");
    let notice = |fail: bool| {
        let mut cmd = common::command();
        cmd.env("PATH", &path).args(common::signed_in(&[
            "notice",
            "--db",
            l.db(),
            "--as",
            "李娜",
            "2026-0001",
            "accept",
            "--out",
            out_file.to_str().unwrap(),
            "--print",
        ]));
        if fail {
            cmd.env("LP_FAIL", "1");
        }
        cmd.output().unwrap()
    };
    let ok = notice(false);
    assert!(ok.status.success(), "{ok:?}");
    let sent = std::fs::read_to_string(&log).unwrap();
    assert_eq!(sent, format!("-d|前台打印机|{}|", out_file.display()));
    let failed = notice(true);
    assert_eq!(failed.status.code(), Some(1), "{failed:?}");
    let said = String::from_utf8_lossy(&failed.stdout);
    assert!(said.contains("printer is offline"), "{said}");
    // Reprinted, not issued again: still number 1.
    assert!(said.contains("〔2026〕1号"), "{said}");
}

/// `--print` with no printer set: the document is issued and said so, then what was not
/// done and where a leader sets the printer (a trial got 错误：已出具…, and JSON to type).
#[test]
fn print_without_a_printer_says_the_document_is_issued_and_where_to_set_one() {
    let l = accepted(1);
    let html = l.file("accept.html");
    let args = [
        "notice",
        "--db",
        l.db(),
        "--as",
        "李娜",
        "2026-0001",
        "accept",
        "--out",
        html.to_str().unwrap(),
        "--print",
    ];
    let out = run(&args, "");
    assert!(!out.success(), "{out:?}");
    assert!(out.stdout.contains("X信告〔2026〕1号"), "{out:?}");
    assert!(!out.stderr.contains("错误"), "{out:?}");
    assert!(out.stderr.contains("单位信息"), "{out:?}");
    assert!(html.exists());
}
