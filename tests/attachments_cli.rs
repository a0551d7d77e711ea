//! 附件 from the command line: `attach`, `attachments` (list, save, remove), `apply`'s
//! `attach_file`/`detach_file` with a path or base64, and `export --attachments DIR`, each
//! as the signed-in operator may see (Art 30 第三款).

mod common;

use common::{Ledger, run};

fn ledger_with_cases() -> Ledger {
    common::accused::ledger()
}

#[test]
fn attach_list_save_remove_and_export() {
    let l = ledger_with_cases();
    let scan = l.file("来信扫描.pdf");
    std::fs::write(&scan, b"%PDF-1.4 the letter").unwrap();
    let photo = l.file("现场.jpg");
    std::fs::write(&photo, b"\xff\xd8\xff photo").unwrap();
    let db = l.db();
    let (s, p) = (scan.to_str().unwrap(), photo.to_str().unwrap());
    let out = run(
        &[
            "--lang",
            "en",
            "attach",
            "--db",
            db,
            "--as",
            "李娜",
            "2026-0001",
            s,
            p,
        ],
        "",
    );
    assert!(out.success(), "{out:?}");
    assert!(
        out.stdout.contains("kept 来信扫描.pdf (application/pdf"),
        "{out:?}"
    );
    let out = run(
        &[
            "--lang",
            "en",
            "attach",
            "--db",
            db,
            "--as",
            "李娜",
            "2026-0002",
            p,
        ],
        "",
    );
    assert!(out.success(), "{out:?}");
    // A missing file is named, and nothing is kept.
    let missing = l.file("没有.pdf");
    let out = run(
        &[
            "--lang",
            "zh-CN",
            "attach",
            "--db",
            db,
            "--as",
            "李娜",
            "2026-0002",
            missing.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(out.code, Some(1), "{out:?}");
    assert!(
        out.stderr.contains("没有.pdf") && out.stderr.contains("文件不存在"),
        "{out:?}"
    );
    // Listed.
    let out = run(
        &[
            "--lang",
            "en",
            "attachments",
            "--db",
            db,
            "--as",
            "赵建国",
            "2026-0001",
        ],
        "",
    );
    assert!(out.success(), "{out:?}");
    assert!(
        out.stdout
            .contains(" 1  来信扫描.pdf  application/pdf  19 B  李娜"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(" 2  现场.jpg  image/jpeg"),
        "{}",
        out.stdout
    );
    // Saved whole.
    let saved = l.file("saved.pdf");
    let out = run(
        &[
            "--lang",
            "en",
            "attachments",
            "--db",
            db,
            "--as",
            "赵建国",
            "2026-0001",
            "--save",
            "1",
            "--out",
            saved.to_str().unwrap(),
        ],
        "",
    );
    assert!(out.success(), "{out:?}");
    assert_eq!(std::fs::read(&saved).unwrap(), b"%PDF-1.4 the letter");
    // The accused handler finds no such case.
    let out = run(
        &[
            "--lang",
            "en",
            "attachments",
            "--db",
            db,
            "--as",
            "刘洋",
            "2026-0001",
        ],
        "",
    );
    assert_eq!(out.code, Some(1), "{out:?}");
    // Export: every file the leader may see, a folder per case.
    let dir = l.file("附件导出");
    let d = dir.to_str().unwrap();
    let out = run(
        &[
            "--lang",
            "en",
            "export",
            "--db",
            db,
            "--as",
            "赵建国",
            "--attachments",
            d,
        ],
        "",
    );
    assert!(out.success(), "{out:?}");
    assert_eq!(
        std::fs::read(dir.join("2026-0001/1-来信扫描.pdf")).unwrap(),
        b"%PDF-1.4 the letter"
    );
    assert!(dir.join("2026-0001/2-现场.jpg").exists());
    assert!(dir.join("2026-0002/1-现场.jpg").exists());
    // The leader the first case accuses exports only the second's.
    let dir2 = l.file("accused-export");
    let out = run(
        &[
            "--lang",
            "en",
            "export",
            "--db",
            db,
            "--as",
            "孙副局长",
            "--attachments",
            dir2.to_str().unwrap(),
        ],
        "",
    );
    assert!(out.success(), "{out:?}");
    assert!(!dir2.join("2026-0001").exists());
    assert!(dir2.join("2026-0002/1-现场.jpg").exists());
    // Removed with a reason: listed as removed, its bytes gone.
    let out = run(
        &[
            "--lang",
            "en",
            "attachments",
            "--db",
            db,
            "--as",
            "李娜",
            "2026-0001",
            "--remove",
            "2",
            "--reason",
            "拍错了",
        ],
        "",
    );
    assert!(out.success(), "{out:?}");
    let out = run(
        &[
            "--lang",
            "en",
            "attachments",
            "--db",
            db,
            "--as",
            "赵建国",
            "2026-0001",
            "--json",
        ],
        "",
    );
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["attachments"][1]["removed"]["reason"], "拍错了");
    assert_eq!(v["attachments"][1]["sha256"].as_str().unwrap().len(), 64);
    // `show` lists the files under the case, numbered, the removed one with why.
    let out = run(&["show", "--db", db, "--as", "赵建国", "2026-0001"], "");
    assert!(out.success(), "{out:?}");
    let files: Vec<&str> = (out.stdout.lines())
        .skip_while(|l| !l.starts_with("附件"))
        .take(3)
        .collect();
    assert_eq!(files.len(), 3, "{}", out.stdout);
    assert!(files[1].trim_start().starts_with("1  "), "{files:?}");
    assert!(files[2].contains("〔已移除：拍错了〕"), "{files:?}");
    // Its timeline names each file and why one was removed.
    assert!(
        out.stdout.contains("添加附件  「来信扫描.pdf」"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("第2个附件：拍错了"), "{}", out.stdout);
    let out = l.check();
    assert!(out.success(), "{out:?}");
}

#[test]
fn apply_attaches_from_a_path_or_base64_and_detaches() {
    let l = ledger_with_cases();
    let file = l.file("回证.png");
    std::fs::write(&file, b"\x89PNG\r\n\x1a\nreceipt").unwrap();
    let lines = format!(
        "{}\n{}\n{}\n",
        serde_json::json!({"op": "attach_file", "actor": "李娜", "case": "2026-0002", "path": file.to_str().unwrap()}),
        serde_json::json!({"op": "attach_file", "actor": "李娜", "case": "2026-0002", "name": "录音.txt", "base64": "aGVsbG8="}),
        serde_json::json!({"op": "detach_file", "actor": "李娜", "case": "2026-0002", "n": 1, "reason": "重复上传"}),
    );
    let out = l.apply_ok(&lines);
    assert_eq!(out.len(), 3);
    let shown = run(
        &[
            "--lang",
            "en",
            "attachments",
            "--db",
            l.db(),
            "--as",
            "赵建国",
            "2026-0002",
            "--json",
        ],
        "",
    );
    let v: serde_json::Value = serde_json::from_str(&shown.stdout).unwrap();
    assert_eq!(v["attachments"][0]["name"], "回证.png");
    assert_eq!(v["attachments"][0]["media_type"], "image/png");
    assert_eq!(v["attachments"][0]["removed"]["reason"], "重复上传");
    assert_eq!(v["attachments"][1]["name"], "录音.txt");
    assert_eq!(v["attachments"][1]["size"], 5);
    // Neither bytes nor base64 in the line: refused in words.
    let bad =
        serde_json::json!({"op": "attach_file", "actor": "李娜", "case": "2026-0002", "name": "x"});
    let out = l.apply(&format!("{bad}\n"));
    assert!(out.stdout.contains("needs one of path"), "{out:?}");
    let bad = serde_json::json!({"op": "attach_file", "actor": "李娜", "case": "2026-0002", "name": "x", "base64": "**"});
    let out = l.apply(&format!("{bad}\n"));
    assert!(out.stdout.contains("base64 does not decode"), "{out:?}");
    assert!(l.check().success());
}
