//! The ledger encrypted at rest (issue 13): what the sqlite3 shell sees, the
//! recovery key, `init`, `encrypt`, `--passphrase-fd` in a pipeline, and the
//! clear refusals (plaintext ledger, wrong key, missing or damaged slots,
//! wrong passphrase, lockout), none of which changes a byte.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Ledger, Out, run};
use rusqlite::types::Value;
use xinfang::config::Office;
use xinfang::store::{DataKey, Store, is_plaintext, sidecar_path};

const SESSION: &str = include_str!("fixtures/session.jsonl");

/// A passphrase file in the ledger's directory.
fn pass_file(l: &Ledger, pass: &str) -> String {
    let f = l.file("pass.txt");
    std::fs::write(&f, format!("{pass}\n")).expect("write passphrase");
    f.display().to_string()
}

/// `init` a fresh ledger with the leader 赵建国; its recovery key.
fn init(l: &Ledger, pass: &str) -> String {
    let f = pass_file(l, pass);
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
    assert!(out.stdout.contains("shown this once"), "{}", out.stdout);
    recovery_key(&out)
}

fn recovery_key(out: &Out) -> String {
    out.stdout
        .lines()
        .map(str::trim)
        .find(|l| l.len() == 69 && l.matches('-').count() == 13)
        .unwrap_or_else(|| panic!("no recovery key in {}", out.stdout))
        .to_owned()
}

/// Runs as 赵建国 with `pass` from a file.
fn as_leader(l: &Ledger, pass: &str, args: &[&str], stdin: &str) -> Out {
    let f = pass_file(l, pass);
    let lang = if args.contains(&"--lang") {
        "zh-CN"
    } else {
        "en"
    };
    let args: Vec<&str> = args
        .iter()
        .filter(|a| !["--lang", "zh-CN"].contains(a))
        .copied()
        .collect();
    let mut all = vec![
        "--lang",
        lang,
        "--db",
        l.db(),
        "--as",
        "赵建国",
        "--passphrase-file",
        &f,
    ];
    all.extend_from_slice(&args);
    run(&all, stdin)
}

fn rows(conn: &rusqlite::Connection, table: &str) -> Vec<Vec<Value>> {
    let mut stmt = conn
        .prepare(&format!("SELECT * FROM {table} ORDER BY 1"))
        .expect("select");
    let n = stmt.column_count();
    stmt.query_map([], |r| (0..n).map(|i| r.get::<_, Value>(i)).collect())
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

fn keyed(path: &Path, key: &DataKey) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).expect("open");
    let hex: String = key_hex(key);
    // The seal new ledgers get (store/page_seal.rs).
    conn.execute_batch(&format!(
        "PRAGMA key = \"x'{hex}'\"; PRAGMA cipher_hmac_algorithm = HMAC_SHA256;"
    ))
    .expect("key");
    conn
}

/// The hex of a key, read back through its recovery form (the tests' only way in).
fn key_hex(key: &DataKey) -> String {
    let text = key.recovery().replace('-', "");
    // Crockford base32 → bytes; the first 32 are the key.
    let alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let (mut acc, mut bits, mut out) = (0u32, 0u32, Vec::new());
    for c in text.chars() {
        acc = (acc << 5) | alphabet.find(c).expect("base32") as u32;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out[..32].iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn plain_sqlite_cannot_read_an_encrypted_ledger() {
    let l = Ledger::new();
    l.apply_ok(SESSION);
    // rusqlite without a key, as the sqlite3 library would open it.
    let conn = rusqlite::Connection::open(&l.path).expect("open");
    let read = conn.query_row("SELECT count(*) FROM cases", [], |r| r.get::<_, i64>(0));
    assert!(read.is_err(), "read without the key: {read:?}");
    // No petitioner's phone or name anywhere in the file or its WAL.
    for suffix in ["", "-wal"] {
        let bytes = std::fs::read(format!("{}{suffix}", l.db())).unwrap_or_default();
        for secret in ["13800138000", "幸福里", "SQLite format 3"] {
            let found = bytes.windows(secret.len()).any(|w| w == secret.as_bytes());
            assert!(!found, "{secret} in the ledger{suffix}");
        }
    }
    // The sqlite3 shell, where there is one.
    if let Ok(out) = Command::new("sqlite3")
        .arg(&l.path)
        .arg("SELECT * FROM cases;")
        .output()
    {
        assert!(!out.status.success(), "sqlite3 read it: {out:?}");
        assert!(!String::from_utf8_lossy(&out.stdout).contains("张三"));
    }
    // With the key it reads.
    let conn = keyed(&l.path, &common::key());
    assert_eq!(rows(&conn, "cases").len(), 2);
}

#[test]
fn init_then_the_recovery_key_alone_opens_a_ledger_without_slots() {
    let l = Ledger::empty();
    let recovery = init(&l, "办公室 保险柜 钥匙");
    let out = as_leader(&l, "办公室 保险柜 钥匙", &["apply", "-"], SESSION);
    assert!(out.success(), "{out:?}");
    std::fs::remove_file(sidecar_path(&l.path)).expect("lose the slots");
    let before = std::fs::read(&l.path).expect("ledger");

    let out = as_leader(&l, "办公室 保险柜 钥匙", &["show", "2026-0001"], "");
    assert!(!out.success());
    assert!(out.stderr.contains("--recovery-key-file"), "{}", out.stderr);
    assert_eq!(
        std::fs::read(&l.path).expect("ledger"),
        before,
        "nothing changed"
    );

    let rk = l.file("recovery.txt");
    // As copied from paper: lower case, spaces instead of dashes.
    std::fs::write(&rk, recovery.to_lowercase().replace('-', " ")).expect("write");
    let rk = rk.display().to_string();
    let args = ["--lang", "en", "--db", l.db(), "--recovery-key-file", &rk];
    let out = run(&[&args[..], &["show", "2026-0001", "--json"]].concat(), "");
    assert!(out.success(), "{out:?}");
    assert!(out.stdout.contains("张三"));
    let out = run(&[&args[..], &["check"]].concat(), "");
    assert!(out.success(), "{out:?}");
}

#[test]
fn wrong_passphrases_lock_the_operator_and_change_no_data() {
    let l = Ledger::empty();
    init(&l, "right one");
    let before = std::fs::read(&l.path).expect("ledger");
    for left in (1..5).rev() {
        let out = as_leader(&l, "wrong", &["list"], "");
        assert_eq!(out.code, Some(1), "{out:?}");
        assert!(
            out.stderr.contains(&format!("{left} more wrong")),
            "{}",
            out.stderr
        );
    }
    let out = as_leader(&l, "wrong", &["list"], "");
    assert!(out.stderr.contains("locked until"), "{}", out.stderr);
    let out = as_leader(&l, "right one", &["list"], "");
    assert!(
        out.stderr.contains("locked until"),
        "even the right one: {}",
        out.stderr
    );
    let out = as_leader(&l, "right one", &["--lang", "zh-CN", "list"], "");
    assert!(out.stderr.contains("已锁定到"), "{}", out.stderr);
    assert_eq!(std::fs::read(&l.path).expect("ledger"), before);
    assert!(!out.stderr.contains("panicked"));
}

#[test]
fn missing_damaged_or_foreign_slots_and_a_plaintext_ledger_get_clear_words() {
    let l = Ledger::empty();
    init(&l, "pw pw pw pw");
    let before = std::fs::read(&l.path).expect("ledger");
    // Another ledger's slots beside this one.
    let other = Ledger::empty();
    std::fs::write(other.file("pass.txt"), "pw pw pw pw\n").expect("write");
    let f = other.file("pass.txt").display().to_string();
    let init2 = [
        "init",
        "--db",
        other.db(),
        "--leader",
        "赵建国",
        "--passphrase-file",
        &f,
    ];
    assert!(run(&init2, "").success());
    std::fs::copy(sidecar_path(&other.path), sidecar_path(&l.path)).expect("copy");
    let out = as_leader(&l, "pw pw pw pw", &["list"], "");
    assert!(
        out.stderr.contains("does not open this ledger"),
        "{}",
        out.stderr
    );
    // Damaged slots.
    std::fs::write(sidecar_path(&l.path), "{\"format\":").expect("write");
    let out = as_leader(&l, "pw pw pw pw", &["list"], "");
    assert!(
        out.stderr.contains("key slots file is damaged"),
        "{}",
        out.stderr
    );
    let out = as_leader(&l, "pw pw pw pw", &["--lang", "zh-CN", "list"], "");
    assert!(out.stderr.contains("恢复密钥"), "{}", out.stderr);
    assert_eq!(std::fs::read(&l.path).expect("ledger"), before);
    // A plaintext ledger where an encrypted one is expected.
    let plain = l.file("plain.db");
    rusqlite::Connection::open(&plain)
        .and_then(|c| c.execute_batch("CREATE TABLE t (x); PRAGMA user_version = 1;"))
        .expect("plain file");
    let out = run(
        &[
            "--lang",
            "en",
            "--db",
            plain.to_str().unwrap(),
            "--as",
            "x",
            "list",
        ],
        "",
    );
    assert!(out.stderr.contains("xinfang encrypt"), "{}", out.stderr);
    // No ledger at all.
    let none = l.file("none.db").display().to_string();
    let out = run(
        &[
            "--lang",
            "en",
            "--db",
            &none,
            "--as",
            "x",
            "--passphrase-file",
            &f,
            "list",
        ],
        "",
    );
    assert!(out.stderr.contains("xinfang init"), "{}", out.stderr);
    assert!(!Path::new(&none).exists(), "not created");
}

#[test]
fn encrypt_converts_a_demo_ledger_with_every_case_and_event_identical() {
    let l = Ledger::new();
    let original = l.file("original.db");
    {
        let mut store = Store::open(&original, Office::builtin(), &common::key()).expect("open");
        let now = chrono::DateTime::parse_from_rfc3339("2026-03-10T15:20:00+08:00").expect("now");
        let opts = xinfang::demo::DemoOptions {
            cases: 120,
            seed: 3,
            now,
        };
        xinfang::demo::generate(&mut store, &opts).expect("demo");
    }
    // The same ledger in plaintext, as it was before encryption existed.
    let plain = l.file("plain.db");
    let conn = keyed(&original, &common::key());
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("v");
    conn.execute(
        "ATTACH DATABASE ?1 AS plain KEY ''",
        [plain.to_str().unwrap()],
    )
    .expect("attach");
    conn.query_row("SELECT sqlcipher_export('plain')", [], |_| Ok(()))
        .expect("export");
    conn.execute_batch(&format!(
        "PRAGMA plain.user_version = {version}; DETACH DATABASE plain;"
    ))
    .expect("detach");
    assert!(is_plaintext(&plain));
    let plain_bytes = std::fs::read(&plain).expect("plain");

    let out_path = l.file("encrypted.db");
    let f = pass_file(&l, "leader pw");
    let (p, o) = (plain.to_str().unwrap(), out_path.to_str().unwrap());
    let args = [
        "--lang",
        "en",
        "encrypt",
        "--db",
        p,
        "--out",
        o,
        "--as",
        "赵建国",
        "--passphrase-file",
        &f,
    ];
    let out = run(&args, "");
    assert!(out.success(), "{out:?}");
    assert!(
        out.stdout.contains("identical, with 120 cases"),
        "{}",
        out.stdout
    );
    assert_eq!(
        std::fs::read(&plain).expect("plain"),
        plain_bytes,
        "the old file is untouched"
    );
    assert!(!is_plaintext(&out_path));

    let key = DataKey::from_recovery(&recovery_key(&out)).expect("recovery key");
    let new = keyed(&out_path, &key);
    for table in ["cases", "events", "documents", "case_facts"] {
        assert_eq!(rows(&conn, table), rows(&new, table), "{table}");
    }
    // Signed in with the new slot, check agrees.
    let check = run(
        &[
            "--lang",
            "en",
            "--db",
            o,
            "--as",
            "赵建国",
            "--passphrase-file",
            &f,
            "check",
        ],
        "",
    );
    assert!(check.success(), "{check:?}");
    // A second conversion never overwrites.
    assert!(!run(&args, "").success());
}

#[test]
fn passphrase_fd_works_in_a_pipeline() {
    let l = Ledger::empty();
    init(&l, "管道里的 口令 12");
    // The passphrase is the first line on stdin; apply reads the rest.
    let script = format!(
        "printf '%s\\n' '管道里的 口令 12' | cat - {session} | {bin} --lang en --db {db} --as 赵建国 --passphrase-fd 0 apply -",
        session = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/session.jsonl"),
        bin = env!("CARGO_BIN_EXE_xinfang"),
        db = l.db(),
    );
    let out = Command::new("sh")
        .args(["-c", &script])
        .env("XINFANG_CONFIG", l.file("no-config"))
        .output()
        .expect("sh");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.lines().count() >= 5 && !stdout.contains("\"ok\":false"),
        "{stdout}"
    );
    // And from another descriptor, as a script keeps stdin for itself.
    std::fs::write(l.file("p"), "管道里的 口令 12\n").expect("write");
    let script = format!(
        "{bin} --db {db} --as 赵建国 --passphrase-fd 3 show 2026-0001 --json 3<{p}",
        bin = env!("CARGO_BIN_EXE_xinfang"),
        db = l.db(),
        p = l.file("p").display(),
    );
    let out = Command::new("sh")
        .args(["-c", &script])
        .env("XINFANG_CONFIG", l.file("no-config"))
        .output()
        .expect("sh");
    assert!(out.status.success(), "{out:?}");
}

#[test]
fn backups_stay_encrypted() {
    let l = Ledger::new();
    l.apply_ok(SESSION);
    let dest = l.file("backup.db");
    let out = run(
        &[
            "--lang",
            "en",
            "backup",
            "--db",
            l.db(),
            dest.to_str().unwrap(),
        ],
        "",
    );
    assert!(out.success(), "{out:?}");
    assert!(!is_plaintext(&dest));
    let plain = rusqlite::Connection::open(&dest).expect("open");
    assert!(
        plain
            .query_row("SELECT count(*) FROM cases", [], |r| r.get::<_, i64>(0))
            .is_err()
    );
    let store = Store::open_read_only(&dest, Office::builtin(), &common::key()).expect("keyed");
    assert!(store.check().expect("check").ok());
}

#[test]
fn the_demo_says_its_passphrase_and_opens_with_it() {
    let l = Ledger::empty();
    let out = run(
        &["--lang", "en", "demo", "--db", l.db(), "--cases", "30"],
        "",
    );
    assert!(out.success(), "{out:?}");
    assert!(
        out.stdout.contains("passphrase is 'demo'"),
        "{}",
        out.stdout
    );
    let f = pass_file(&l, "demo");
    let out = run(
        &[
            "--db",
            l.db(),
            "--as",
            "孙丽",
            "--passphrase-file",
            &f,
            "list",
            "--json",
        ],
        "",
    );
    assert!(out.success(), "{out:?}");
    assert!(!is_plaintext(&l.path));
    // A demo has a letterhead, so a new user can issue its documents: the 受理告知书 of an
    // accepted case names the demo office.
    let signed = ["--db", l.db(), "--as", "李娜", "--passphrase-file", &f];
    let listed = run(
        &[
            &signed[..],
            &["list", "--state", "assigned", "--limit", "1", "--json"],
        ]
        .concat(),
        "",
    );
    let cases: serde_json::Value = serde_json::from_str(&listed.stdout).expect("json");
    let no = cases[0]["case"]["case_no"]
        .as_str()
        .expect("an assigned case")
        .to_owned();
    let out_file = l.file("accept.html").display().to_string();
    let notice = run(
        &[&signed[..], &["notice", &no, "accept", "--out", &out_file]].concat(),
        "",
    );
    assert!(notice.success(), "{notice:?}");
    let html = std::fs::read_to_string(&out_file).expect("the notice");
    assert!(html.contains("演示区信访局"), "{html}");
}

#[test]
fn recover_writes_a_leaders_slot_again_and_keeps_a_damaged_file() {
    let l = Ledger::empty();
    let recovery = init(&l, "forgotten");
    let rk = l.file("recovery.txt");
    std::fs::write(&rk, &recovery).expect("write");
    let rk = rk.display().to_string();
    std::fs::write(sidecar_path(&l.path), "garbage").expect("damage the slots");
    let f = pass_file(&l, "new passphrase");
    let recover = |leader: &str| {
        let args = [
            "--lang",
            "en",
            "recover",
            "--db",
            l.db(),
            "--leader",
            leader,
        ];
        run(
            &[
                &args[..],
                &["--recovery-key-file", &rk, "--passphrase-file", &f],
            ]
            .concat(),
            "",
        )
    };
    let out = recover("李娜");
    assert!(out.stderr.contains("not an active leader"), "{out:?}");
    let out = recover("赵建国");
    assert!(out.success(), "{out:?}");
    assert!(out.stderr.contains("moved to"), "{}", out.stderr);
    let aside = format!("{}.damaged", sidecar_path(&l.path).display());
    assert_eq!(std::fs::read_to_string(aside).expect("kept"), "garbage");
    let out = as_leader(&l, "new passphrase", &["check"], "");
    assert!(out.success(), "{out:?}");
    assert!(!as_leader(&l, "forgotten", &["check"], "").success());
    // On record: the recovery key set 赵建国's passphrase.
    let audit = as_leader(&l, "new passphrase", &["audit", "--json"], "");
    let rows: serde_json::Value = serde_json::from_str(&audit.stdout).expect("audit JSON");
    assert!(
        rows.as_array()
            .expect("rows")
            .iter()
            .any(|r| r["actor"] == "(recovery key)"
                && r["act"] == "passphrase"
                && r["subject"] == "赵建国"),
        "{rows}"
    );
}

/// A passphrase file others may read is used, with a warning saying how to close it;
/// a private one is used without.
#[cfg(unix)]
#[test]
fn a_passphrase_file_others_may_read_is_warned_of() {
    use std::os::unix::fs::PermissionsExt;
    let l = Ledger::empty();
    init(&l, "passphrase one");
    let f = l.file("pass.txt");
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let open = as_leader(&l, "passphrase one", &["check"], "");
    assert!(open.success(), "{open:?}");
    assert!(open.stderr.contains("chmod 600"), "{}", open.stderr);
    assert!(!open.stderr.contains("passphrase one"), "{}", open.stderr);
    common::private(&f);
    let args = ["--lang", "en", "--db", l.db(), "--as", "赵建国"];
    let file = f.display().to_string();
    let quiet = run(
        &[&args[..], &["--passphrase-file", &file, "check"]].concat(),
        "",
    );
    assert!(quiet.success(), "{quiet:?}");
    assert!(!quiet.stderr.contains("chmod"), "{}", quiet.stderr);
}

/// A passphrase file that is not there is said so in the reader's language, not in the
/// system's English ("No such file or directory (os error 2)").
#[test]
fn a_missing_passphrase_file_is_said_in_chinese() {
    let l = Ledger::empty();
    init(&l, "passphrase one");
    let gone = l.file("no-such-pass.txt").display().to_string();
    let args = [
        "--db",
        l.db(),
        "--as",
        "赵建国",
        "--passphrase-file",
        &gone,
        "check",
    ];
    let out = run(&args, "");
    assert!(!out.success(), "{out:?}");
    assert!(out.stderr.contains("文件不存在"), "{}", out.stderr);
    assert!(!out.stderr.contains("os error"), "{}", out.stderr);
}
