//! `xinfang restore --db LEDGER --from BACKUP` (issue 14, "how to restore"): a verified
//! backup goes in the ledger's place, the ledger it replaces is kept aside whole, and the
//! restore is journaled. Refused while another program has the ledger open, for a damaged
//! backup, a backup without its receipt and another ledger's backup; nothing moves then.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;

use common::{Ledger, Out, intake_lines, run};
use serde_json::Value;

fn with(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn events(path: &Path) -> i64 {
    let conn = common::sqlite(path);
    conn.query_row("SELECT count(*) FROM events", [], |r| r.get(0))
        .expect("count events")
}

/// As `events`, without the checkpoint a last connection makes on closing (which would
/// fold the -wal into the file and delete it).
fn events_left_as_they_are(path: &Path) -> i64 {
    let conn = rusqlite::Connection::open(path).expect("open the ledger file");
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
        true,
    )
    .expect("no checkpoint on close");
    conn.execute_batch(common::KEY_PRAGMA).expect("key");
    conn.query_row("SELECT count(*) FROM events", [], |r| r.get(0))
        .expect("count events")
}

fn backup(l: &Ledger, name: &str) -> PathBuf {
    let dest = l.file(name);
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
    dest
}

fn restore(l: &Ledger, from: &Path) -> Out {
    let from = from.to_str().unwrap();
    run(
        &["--lang", "en", "restore", "--db", l.db(), "--from", from],
        "",
    )
}

/// `restore` of `from` at `ledger` with the recovery key (kept in a file in `l`'s folder).
fn restore_with_recovery_key(l: &Ledger, ledger: &Path, from: &Path, lang: &str) -> Out {
    let rk = l.file("recovery.txt");
    std::fs::write(&rk, common::key().recovery().as_str()).unwrap();
    let args = [
        "--lang",
        lang,
        "restore",
        "--db",
        ledger.to_str().unwrap(),
        "--from",
        from.to_str().unwrap(),
        "--recovery-key-file",
        rk.to_str().unwrap(),
    ];
    run(&args, "")
}

/// The files named `<ledger>.before-restore-…` beside the ledger.
fn aside(l: &Ledger) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(l.dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("ledger.db.before-restore-"))
        .collect();
    names.sort();
    names
}

/// A copy of the ledger (file, -wal, slots, receipt) whose -wal has one byte flipped where
/// it loses acknowledged events: the case `apply` refuses and `check` names.
fn flipped_copy(l: &Ledger, acknowledged: i64) -> Ledger {
    let wal = std::fs::read(l.file("ledger.db-wal")).expect("the -wal");
    for k in 1..=8 {
        let copy = Ledger::empty();
        for s in ["", "-wal", ".keys", ".receipt"] {
            if with(&l.path, s).exists() {
                std::fs::copy(with(&l.path, s), with(&copy.path, s)).unwrap();
            }
        }
        let mut flipped = wal.clone();
        flipped[wal.len() * k / 9] ^= 0x20;
        std::fs::write(copy.file("ledger.db-wal"), &flipped).unwrap();
        if events_left_as_they_are(&copy.path) < acknowledged {
            return copy;
        }
    }
    panic!("no flip lost events");
}

/// The case refused today: a -wal flip lost acknowledged events, so `apply` refuses to
/// write and names the backup. `restore` puts the backup back, keeps the damaged ledger with its
/// -wal aside, says how many events are to be entered again, and journals it; then the
/// ledger opens, checks clean and takes writes.
#[test]
fn restore_after_a_wal_flip_brings_the_backup_back_and_keeps_the_damaged_ledger() {
    let l = Ledger::set_up();
    l.apply_ok(&intake_lines(5, "备份前"));
    let from = backup(&l, "before.db");
    assert!(with(&from, ".receipt").exists());
    // A reader holding an old snapshot keeps every later frame in the -wal.
    let mut holder = common::sqlite(&l.path);
    let snapshot = holder.transaction().unwrap();
    let _: i64 = snapshot
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap();
    l.apply_ok(&intake_lines(150, "备份后"));
    let damaged = flipped_copy(&l, 155);
    drop(snapshot);
    // (`apply` refuses it and names the backup: tests/receipt.rs. Not run here, as its
    // open would fold the -wal into the file, and the test keeps the -wal as it was.)
    let lost_wal = std::fs::read(damaged.file("ledger.db-wal")).unwrap();

    let out = restore(&damaged, &from);
    assert!(out.success(), "{out:?}");
    assert!(
        out.stdout.contains("restored") && out.stdout.contains("5 case events"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("150 case events beyond the backup"),
        "{}",
        out.stdout
    );
    // The damaged ledger is kept whole: its file, its -wal as it was, its receipt, slots.
    let kept = aside(&damaged);
    let base = damaged.file(&kept[0]);
    for part in ["-wal", "-shm", ".keys", ".receipt"] {
        assert!(kept.iter().any(|n| n.ends_with(part)), "{part}: {kept:?}");
    }
    assert_eq!(std::fs::read(with(&base, "-wal")).unwrap(), lost_wal);
    assert!(with(&base, ".receipt").exists() && with(&base, ".keys").exists());
    assert!(
        out.stdout.contains(base.to_str().unwrap()),
        "{}",
        out.stdout
    );

    // The restored ledger: clean, level with its receipt, writable, the restore on record.
    let check = damaged.check();
    assert!(check.success(), "{check:?}");
    assert_eq!(events(&damaged.path), 5);
    damaged.apply_ok(&intake_lines(1, "恢复后"));
    let audit = run(&["audit", "--db", damaged.db(), "--json"], "");
    let journal: Value = serde_json::from_str(&audit.stdout).expect("audit JSON");
    let restored = journal
        .as_array()
        .and_then(|e| e.iter().find(|e| e["act"] == "restore"))
        .unwrap_or_else(|| panic!("no restore event: {journal}"));
    assert!(restored["subject"].as_str().unwrap().ends_with("before.db"));
    assert_eq!(restored["detail"]["events_beyond"], 150, "{restored}");
    assert_eq!(restored["detail"]["acknowledged_events"], 155, "{restored}");
    assert_eq!(restored["detail"]["backup_events"], 5, "{restored}");
}

/// While another process has the ledger open (here an `apply` waiting for its next line)
/// restore is refused and nothing moves; once it has ended, restore goes ahead.
#[test]
fn restore_is_refused_while_another_process_holds_the_ledger() {
    let l = Ledger::set_up();
    l.apply_ok(&intake_lines(2, "占用"));
    let from = backup(&l, "b.db");
    let args = common::signed_in(&["--lang", "en", "apply", "--db", l.db(), "-"]);
    let mut child = common::command()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start apply");
    let mut input = child.stdin.take().expect("stdin");
    let mut results = BufReader::new(child.stdout.take().expect("stdout"));
    input
        .write_all(intake_lines(1, "打开着").as_bytes())
        .unwrap();
    let mut first = String::new();
    results.read_line(&mut first).unwrap();
    assert!(first.contains("\"ok\":true"), "{first}");

    let out = restore(&l, &from);
    assert!(!out.success(), "{out:?}");
    assert!(out.stderr.contains("open in another program"), "{out:?}");
    assert!(aside(&l).is_empty(), "{:?}", aside(&l));
    assert_eq!(events(&l.path), 3);

    drop(input);
    assert!(child.wait().unwrap().success());
    let out = restore(&l, &from);
    assert!(out.success(), "{out:?}");
    assert!(
        out.stdout.contains("1 case events beyond"),
        "{}",
        out.stdout
    );
    assert_eq!(events(&l.path), 2);
}

/// A damaged backup, one without its receipt, and another ledger's are refused with what
/// is wrong; the ledger stays as it was.
#[test]
fn a_damaged_or_foreign_backup_is_refused_and_nothing_moves() {
    let l = Ledger::set_up();
    l.apply_ok(&intake_lines(3, "原样"));
    let before = events(&l.path);
    let unchanged = |out: &Out, says: &str| {
        assert!(!out.success(), "{out:?}");
        assert!(out.stderr.contains(says), "{says}: {out:?}");
        assert!(aside(&l).is_empty(), "{:?}", aside(&l));
        assert_eq!(events(&l.path), before);
    };

    // One changed case row in the backup: its check names it, restore refuses.
    let damaged = backup(&l, "damaged.db");
    let conn = common::sqlite(&damaged);
    conn.execute("UPDATE cases SET state = 'archived' WHERE id = 1", [])
        .unwrap();
    drop(conn);
    let out = restore(&l, &damaged);
    unchanged(&out, "does not check whole");
    assert!(out.stdout.contains("state"), "{out:?}");

    // Bytes overwritten in the middle of the file: it does not even open.
    let torn = backup(&l, "torn.db");
    let mut bytes = std::fs::read(&torn).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid..mid + 64].fill(0);
    bytes[..64].fill(0);
    std::fs::write(&torn, bytes).unwrap();
    unchanged(&restore(&l, &torn), "does not open with this ledger's key");

    let bare = backup(&l, "bare.db");
    std::fs::remove_file(with(&bare, ".receipt")).unwrap();
    unchanged(&restore(&l, &bare), "no receipt");

    // Another office's ledger (the tests' ledgers share a key; their identities differ).
    let other = Ledger::set_up();
    let theirs = backup(&other, "theirs.db");
    unchanged(&restore(&l, &theirs), "backup of another ledger");

    unchanged(&restore(&l, &l.path), "the ledger itself");
    let zh = run(
        &["restore", "--db", l.db(), "--from", bare.to_str().unwrap()],
        "",
    );
    assert!(zh.stderr.contains("回执"), "{zh:?}");
}

/// With the recovery key (nobody's slot, e.g. when every leader's passphrase is lost) as
/// with a leader's; the journal names the recovery key as who restored.
#[test]
fn the_recovery_key_restores_too() {
    let l = Ledger::set_up();
    l.apply_ok(&intake_lines(2, "钥匙"));
    let from = backup(&l, "b.db");
    l.apply_ok(&intake_lines(1, "之后"));
    let out = restore_with_recovery_key(&l, &l.path, &from, "en");
    assert!(out.success(), "{out:?}");
    assert_eq!(events(&l.path), 2);
    assert!(l.check().success());
    let audit = run(&["audit", "--db", l.db(), "--json"], "");
    let journal: Value = serde_json::from_str(&audit.stdout).expect("audit JSON");
    let restored = journal
        .as_array()
        .and_then(|e| e.iter().find(|e| e["act"] == "restore"))
        .unwrap_or_else(|| panic!("no restore event: {journal}"));
    assert_eq!(restored["actor"], "(recovery key)", "{restored}");
    assert_eq!(restored["detail"]["events_beyond"], 1, "{restored}");
    // A clerk may not.
    let kept = aside(&l);
    l.apply_ok(r#"{"op":"operator","name":"孙八","role":"clerk"}"#);
    let from = backup(&l, "c.db");
    let args = [
        "--lang",
        "en",
        "restore",
        "--db",
        l.db(),
        "--from",
        from.to_str().unwrap(),
        "--as",
        "孙八",
    ];
    let out = run(&args, "");
    assert!(!out.success(), "{out:?}");
    assert!(out.stderr.contains("leader"), "{out:?}");
    assert_eq!(aside(&l), kept, "nothing moved for the clerk");
}

/// The ledger's disk lost: the backup and the recovery key rebuild it in a new place, and
/// the restore says how to write the first leader's key slot there; a passphrase, which
/// needs the lost slots, is told to use the recovery key.
#[test]
fn a_backup_rebuilds_a_lost_ledger_elsewhere_with_the_recovery_key() {
    let l = Ledger::set_up();
    l.apply_ok(&intake_lines(2, "搬家"));
    let from = backup(&l, "b.db");
    let new = Ledger::empty();
    let by_passphrase = run(
        &[
            "restore",
            "--db",
            new.db(),
            "--from",
            from.to_str().unwrap(),
        ],
        "",
    );
    assert!(!by_passphrase.success(), "{by_passphrase:?}");
    assert!(
        by_passphrase.stderr.contains("没有台账")
            && by_passphrase.stderr.contains("--recovery-key-file"),
        "{by_passphrase:?}"
    );
    assert!(!new.path.exists(), "nothing written");
    let out = restore_with_recovery_key(&l, &new.path, &from, "zh-CN");
    assert!(out.success(), "{out:?}");
    assert!(out.stdout.contains("原处没有台账文件"), "{out:?}");
    assert!(!out.stdout.contains("多出"), "nothing replaced: {out:?}");
    assert!(out.stdout.contains("xinfang recover --db"), "{out:?}");
    assert_eq!(events(&new.path), 2);
    assert!(with(&new.path, ".receipt").exists());
}
