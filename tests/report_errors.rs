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

    // A missing folder is made (README: the folders made for them are 0700); a path through
    // a file is refused, the path named.
    let html_to = |out: &std::path::Path| {
        let to = out.to_str().unwrap();
        let args = [
            "report",
            "--db",
            l.db(),
            "--period",
            "2025-11",
            "--format",
            "html",
            "--out",
            to,
        ];
        run(&args, "")
    };
    let made = l.dir().join("reports/2025/report.html");
    let out = html_to(&made);
    assert!(out.success() && made.exists(), "{out:?}");
    let nowhere = std::path::Path::new(l.db()).join("report.html");
    let out = html_to(&nowhere);
    assert!(!out.success());
    assert!(out.stderr.contains("无法写入报告文件"), "{}", out.stderr);
    assert!(
        out.stderr.contains(&*nowhere.to_string_lossy()),
        "{}",
        out.stderr
    );
    let missing = run(&["report", "--db", l.file("none.db").to_str().unwrap()], "");
    assert!(!missing.success());
    assert!(!missing.stderr.contains("panicked"), "{}", missing.stderr);
}
