//! The command line's own grammar (issue 18, point 7): usage mistakes said in the user's
//! language with exit code 2, shell completions and the man page, all through the binary.

mod common;

use common::run;

#[test]
fn usage_mistakes_are_said_in_chinese_and_exit_2() {
    let cases: [(&[&str], &[&str]); 5] = [
        (
            &["list", "--state", "foo"],
            &[
                "参数 --state：没有这个状态: foo",
                "没有这个状态",
                "xinfang list --help",
            ],
        ),
        (&["lisst"], &["没有 lisst 这个命令", "list"]),
        (
            &["export", "--formt", "csv"],
            &["不认识的参数 --formt", "--format"],
        ),
        (&["export", "--format"], &["参数 --format 后面缺少值"]),
        (&["backup"], &["缺少必需的参数"]),
    ];
    for (args, wants) in cases {
        let out = run(args, "");
        assert_eq!(out.code, Some(2), "{args:?}: {out:?}");
        assert!(out.stderr.starts_with("错误："), "{args:?}: {}", out.stderr);
        for want in wants {
            assert!(
                out.stderr.contains(want),
                "{args:?}: no {want} in {}",
                out.stderr
            );
        }
        assert!(
            !out.stderr.contains("error:"),
            "clap's English: {}",
            out.stderr
        );
    }
    // A number or a period that cannot be read is a usage error too, said in our words.
    let out = run(&["demo", "--cases", "abc"], "");
    assert_eq!(out.code, Some(2), "{out:?}");
    assert!(out.stderr.contains("参数 --cases：应为"), "{}", out.stderr);
    let out = run(&["report", "--period", "2026-13"], "");
    assert_eq!(out.code, Some(2), "{out:?}");
    assert!(out.stderr.contains("月份 13 不存在"), "{}", out.stderr);
    let out = run(&["--lang", "en", "list", "--state", "foo"], "");
    assert_eq!(out.code, Some(2), "{out:?}");
    assert!(
        out.stderr.contains("--state: no such state: foo"),
        "{}",
        out.stderr
    );
    // Help is no mistake.
    let out = run(&["list", "--help"], "");
    assert_eq!(out.code, Some(0), "{out:?}");
    assert!(out.stdout.contains("--state"), "{}", out.stdout);
}

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = run(&["completions", shell], "");
        assert!(out.success(), "{shell}: {out:?}");
        for want in ["xinfang", "export", "format", "xlsx"] {
            assert!(out.stdout.contains(want), "{shell}: no {want}");
        }
    }
    let out = run(&["completions", "tcsh"], "");
    assert_eq!(out.code, Some(2), "{out:?}");
    assert!(out.stderr.contains("bash、elvish、fish") || out.stderr.contains("bash"));
}

#[test]
fn the_man_page_prints_and_writes_a_page_per_command() {
    let out = run(&["man"], "");
    assert!(out.success(), "{out:?}");
    assert!(out.stdout.contains(".TH xinfang 1"), "{}", out.stdout);
    assert!(out.stdout.contains("信访接待桌面"), "{}", out.stdout);
    let en = run(&["--lang", "en", "man"], "");
    assert!(en.stdout.contains("A desk for a letters"), "{}", en.stdout);
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["man", "--dir", dir.path().to_str().unwrap()], "");
    assert!(out.success(), "{out:?}");
    for page in ["xinfang.1", "xinfang-export.1", "xinfang-completions.1"] {
        let text = std::fs::read_to_string(dir.path().join(page)).unwrap_or_default();
        assert!(text.contains(".TH"), "{page}: {text}");
    }
}

/// The Chinese help has no line left in English: the `help` subcommand clap makes, the
/// report's list options and the docx format (each was English).
#[test]
fn the_chinese_help_is_all_chinese() {
    for args in [
        &["--help"][..],
        &["backlog", "--help"],
        &["report", "--help"],
    ] {
        let out = run(args, "");
        assert_eq!(out.code, Some(0), "{args:?}: {out:?}");
        for english in [
            "Print this message",
            "a page at a time",
            "Word (WPS)",
            "Which page",
        ] {
            assert!(
                !out.stdout.contains(english),
                "{args:?}: {english}\n{}",
                out.stdout
            );
        }
    }
    let report = run(&["report", "--help"], "").stdout;
    assert!(report.contains("docx（Word/WPS"), "{report}");
    assert!(report.contains("分页列出超期件"), "{report}");
    let top = run(&["--help"], "").stdout;
    assert!(top.contains("显示本说明，或某个命令的说明"), "{top}");
    let en = run(&["--lang", "en", "--help"], "").stdout;
    assert!(
        en.contains("print this message or the help of the given command"),
        "{en}"
    );
}
