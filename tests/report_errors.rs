//! `xinfang report`: the errors, in the user's language.

mod common;

use common::report::hand_built;
use common::run;

#[test]
fn errors_say_what_is_wrong_in_the_users_language() {
    let l = hand_built();
    let bad = run(&["report", "--db", l.db(), "--period", "2026-13"], "");
    assert!(!bad.success());
    assert!(bad.stdout.is_empty());
    assert!(bad.stderr.contains("月份 13 不存在"), "{}", bad.stderr);
    assert!(bad.stderr.contains("2026-Q4（季度）"), "{}", bad.stderr);
    let bad = run(
        &[
            "--lang",
            "en",
            "report",
            "--db",
            l.db(),
            "--period",
            "last month",
        ],
        "",
    );
    assert!(!bad.success());
    assert!(
        bad.stderr.contains("\"last month\" is not understood"),
        "{}",
        bad.stderr
    );
    assert!(
        bad.stderr.contains("accepted forms: 2026-11 (a month)"),
        "{}",
        bad.stderr
    );
    let bad = run(
        &[
            "--lang",
            "en",
            "report",
            "--db",
            l.db(),
            "--period",
            "2025-11-15..2025-11-01",
        ],
        "",
    );
    assert!(
        bad.stderr
            .contains("starts (2025-11-15) after it ends (2025-11-01)"),
        "{}",
        bad.stderr
    );
    let bad = run(&["report", "--db", l.db(), "--period", "9999"], "");
    assert!(bad.stderr.contains("尚未到来"), "{}", bad.stderr);
    assert!(!bad.stderr.contains("panicked"));

    let nowhere = l.dir().join("no/such/dir/report.html");
    let out = run(
        &[
            "report",
            "--db",
            l.db(),
            "--period",
            "2025-11",
            "--format",
            "html",
            "--out",
            nowhere.to_str().unwrap(),
        ],
        "",
    );
    assert!(!out.success());
    assert!(out.stderr.contains("无法写入报告文件"), "{}", out.stderr);
    assert!(
        out.stderr.contains("no/such/dir/report.html"),
        "{}",
        out.stderr
    );
    let missing = run(&["report", "--db", l.file("none.db").to_str().unwrap()], "");
    assert!(!missing.success());
    assert!(!missing.stderr.contains("panicked"), "{}", missing.stderr);
}
