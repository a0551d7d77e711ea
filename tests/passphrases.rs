//! New people and passphrases from the command line: the `operator` op's
//! one-time passphrase writes the new operator's slot (marked must-change),
//! `passwd --for` lets a leader reset one and nobody else, `passwd` changes
//! one's own; a passphrase shorter than the policy is refused.

mod common;

use common::{Ledger, run};
use xinfang::store::Keyring;

fn file(l: &Ledger, name: &str, pass: &str) -> String {
    let f = l.file(name);
    std::fs::write(&f, format!("{pass}\n")).expect("write passphrase");
    f.display().to_string()
}

fn init(l: &Ledger) {
    let f = file(l, "leader.txt", "领导的口令 long");
    let out = run(
        &[
            "--lang",
            "en",
            "init",
            "--db",
            l.db(),
            "--leader",
            "赵建国",
            "--passphrase-file",
            &f,
        ],
        "",
    );
    assert!(out.success(), "{out:?}");
}

/// `args` as `who` signed in with the passphrase in `pass`.
fn as_who(l: &Ledger, who: &str, pass: &str, args: &[&str], stdin: &str) -> common::Out {
    let f = file(l, &format!("{who}.pass"), pass);
    let mut all = vec![
        "--lang",
        "en",
        "--db",
        l.db(),
        "--as",
        who,
        "--passphrase-file",
        &f,
    ];
    all.extend_from_slice(args);
    run(&all, stdin)
}

#[test]
fn a_new_operator_signs_in_with_the_one_time_passphrase_and_changes_it() {
    let l = Ledger::empty();
    init(&l);
    let line = r#"{"op":"operator","name":"李娜","role":"clerk","passphrase":"一次性 口令 1234"}"#;
    let out = as_who(&l, "赵建国", "领导的口令 long", &["apply", "-"], line);
    assert!(out.success() && !out.stdout.contains("一次性"), "{out:?}");
    let ring = Keyring::load(std::path::Path::new(l.db())).expect("slots");
    assert!(ring.must_change("李娜"));
    // It opens nothing but the change to her own.
    let out = as_who(&l, "李娜", "一次性 口令 1234", &["list"], "");
    assert!(!out.success(), "{out:?}");
    assert!(out.stderr.contains("one-time passphrase"), "{out:?}");
    let new = file(&l, "new.txt", "她自己的 口令 5678");
    let out = as_who(
        &l,
        "李娜",
        "一次性 口令 1234",
        &["passwd", "--new-passphrase-file", &new],
        "",
    );
    assert!(out.success(), "{out:?}");
    let ring = Keyring::load(std::path::Path::new(l.db())).expect("slots");
    assert!(!ring.must_change("李娜"));
    assert!(as_who(&l, "李娜", "她自己的 口令 5678", &["list"], "").success());
    assert!(!as_who(&l, "李娜", "一次性 口令 1234", &["list"], "").success());
    // A short one-time passphrase is refused.
    let short = r#"{"op":"operator","name":"王强","role":"handler","passphrase":"abc"}"#;
    let out = as_who(&l, "赵建国", "领导的口令 long", &["apply", "-"], short);
    assert!(
        out.stdout.contains("too short") || out.stderr.contains("too short"),
        "{out:?}"
    );
}

#[test]
fn only_a_leader_resets_another_ones_passphrase() {
    let l = Ledger::empty();
    init(&l);
    let line = r#"{"op":"operator","name":"李娜","role":"clerk","passphrase":"一次性 口令 1234"}"#;
    assert!(as_who(&l, "赵建国", "领导的口令 long", &["apply", "-"], line).success());
    let new = file(&l, "new.txt", "重设的 口令 0000");
    let out = as_who(
        &l,
        "李娜",
        "一次性 口令 1234",
        &["passwd", "--for", "赵建国", "--new-passphrase-file", &new],
        "",
    );
    assert!(
        !out.success() && out.stderr.contains("only an active leader"),
        "{out:?}"
    );
    let out = as_who(
        &l,
        "赵建国",
        "领导的口令 long",
        &["passwd", "--for", "李娜", "--new-passphrase-file", &new],
        "",
    );
    assert!(out.success() && out.stdout.contains("one-time"), "{out:?}");
    let ring = Keyring::load(std::path::Path::new(l.db())).expect("slots");
    assert!(ring.must_change("李娜"));
    // The reset one opens nothing but her change to her own.
    assert!(!as_who(&l, "李娜", "重设的 口令 0000", &["list"], "").success());
    let own = file(&l, "own.txt", "她自己的 新口令 99");
    let args = ["passwd", "--new-passphrase-file", own.as_str()];
    assert!(as_who(&l, "李娜", "重设的 口令 0000", &args, "").success());
    assert!(as_who(&l, "李娜", "她自己的 新口令 99", &["list"], "").success());
}

/// A key slot alone opens nothing: the ledger must list its holder as an active operator.
/// A ledger restored from a backup made before someone was added keeps the slot file
/// beside it, with that person's slot; they read nothing (before, they read every case
/// unmasked, as with the recovery key).
#[test]
fn a_slot_without_an_active_operator_opens_nothing() {
    let l = Ledger::empty();
    init(&l);
    let leader = |args: &[&str]| as_who(&l, "赵建国", "领导的口令 long", args, "");
    let backup = l.file("before.db");
    assert!(leader(&["backup", backup.to_str().unwrap()]).success());
    let line = r#"{"op":"operator","name":"孙丽","role":"clerk","passphrase":"一次性 口令 1234"}"#;
    assert!(as_who(&l, "赵建国", "领导的口令 long", &["apply", "-"], line).success());
    let own = file(&l, "own.txt", "孙丽自己的 口令 5678");
    let args = ["passwd", "--new-passphrase-file", own.as_str()];
    assert!(as_who(&l, "孙丽", "一次性 口令 1234", &args, "").success());
    assert!(as_who(&l, "孙丽", "孙丽自己的 口令 5678", &["list"], "").success());
    let out = leader(&["restore", "--from", backup.to_str().unwrap()]);
    assert!(out.success(), "{out:?}");
    assert!(
        out.stdout
            .contains("anyone added since must be added again"),
        "{out:?}"
    );
    for args in [
        &["list"][..],
        &["show", "1"],
        &["export", "--format", "csv"],
    ] {
        let out = as_who(&l, "孙丽", "孙丽自己的 口令 5678", args, "");
        assert!(!out.success(), "{args:?}: {out:?}");
        assert!(out.stderr.contains("not an active operator"), "{out:?}");
    }
    assert!(leader(&["list"]).success());
    // Each refusal is on record.
    let audit = leader(&["audit", "--json"]);
    let events: serde_json::Value = serde_json::from_str(&audit.stdout).expect("json");
    let refused = (events.as_array().into_iter().flatten())
        .filter(|e| e["actor"] == "孙丽" && e["result"] == "refused")
        .count();
    assert!(refused >= 3, "{audit:?}");
}

/// `init` asks of the first leader's passphrase what `passwd` asks of every other.
#[test]
fn init_refuses_a_short_passphrase() {
    let l = Ledger::empty();
    let f = file(&l, "short.txt", "abc");
    let args = ["--lang", "en", "init", "--db", l.db(), "--leader", "赵建国"];
    let out = run(&[&args[..], &["--passphrase-file", &f]].concat(), "");
    assert!(!out.success(), "{out:?}");
    assert!(out.stderr.contains("too short"), "{out:?}");
    assert!(!l.path.exists() || std::fs::metadata(&l.path).map_or(true, |m| m.len() == 0));
}

/// A leader's one-time passphrase opens only the change to their own: not a reset of
/// someone else's.
#[test]
fn a_one_time_passphrase_resets_nobody_else() {
    let l = Ledger::empty();
    init(&l);
    let line =
        r#"{"op":"operator","name":"钱局长","role":"leader","passphrase":"一次性 口令 1234"}"#;
    assert!(as_who(&l, "赵建国", "领导的口令 long", &["apply", "-"], line).success());
    let new = file(&l, "new.txt", "重设的 口令 0000");
    let args = [
        "passwd",
        "--for",
        "赵建国",
        "--new-passphrase-file",
        new.as_str(),
    ];
    let out = as_who(&l, "钱局长", "一次性 口令 1234", &args, "");
    assert!(!out.success(), "{out:?}");
    assert!(out.stderr.contains("one-time passphrase"), "{out:?}");
    assert!(as_who(&l, "赵建国", "领导的口令 long", &["list"], "").success());
}
