//! The ledger as several processes see it: concurrent writers, a killed
//! writer, tampering, damaged, read-only and locked files, backups and stale
//! versions. Every test drives the real binary on a private temporary file.

mod common;

use std::collections::{BTreeSet, HashMap};
use std::io::{BufRead, BufReader};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::sync::mpsc;
use std::time::Duration;

use common::{Ledger, finish, intake_lines, register_line, run, spawn};
use serde_json::Value;

/// `{id: summary}` of every case, read through `xinfang export --format json`.
fn exported_summaries(l: &Ledger) -> HashMap<i64, String> {
    let out = run(&["export", "--db", l.db(), "--format", "json"], "");
    assert!(out.success(), "export failed: {out:?}");
    let all: Vec<Value> = serde_json::from_str(&out.stdout).expect("export is one JSON array");
    all.iter()
        .map(|c| {
            let id = c["id"].as_i64().expect("id");
            let summary = c["case"]["intake"]["summary"].as_str().expect("summary");
            (id, summary.to_owned())
        })
        .collect()
}

fn assert_check_ok(l: &Ledger) {
    let out = l.check();
    assert!(out.success(), "check failed: {out:?}");
    assert!(out.stdout.contains("ledger intact"), "{out:?}");
}

#[test]
fn two_processes_register_1000_each() {
    let l = Ledger::set_up();
    let taken = l.apply_ok(&intake_lines(2000, "并发"));
    let ids: Vec<i64> = taken.iter().map(|v| v["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, (1..=2000).collect::<Vec<_>>());

    let input = |ids: std::ops::RangeInclusive<i64>| ids.map(register_line).collect::<String>();
    let args = ["apply", "--db", l.db(), "-"];
    let a = spawn(&args, input(1..=1000));
    let b = spawn(&args, input(1001..=2000));
    let (a, b) = (finish(a), finish(b));
    // A refused line is reported on stdout, not stderr: the first few of those too.
    let refused = |o: &common::Out| {
        let lines = o.stdout.lines().filter(|l| !l.contains("\"ok\":true"));
        lines.take(3).collect::<Vec<_>>().join("\n")
    };
    assert!(
        a.success(),
        "process A ({:?}): {}{}",
        a.code,
        a.stderr,
        refused(&a)
    );
    assert!(
        b.success(),
        "process B ({:?}): {}{}",
        b.code,
        b.stderr,
        refused(&b)
    );

    let mut numbers = BTreeSet::new();
    for (out, range) in [(&a, 1..=1000), (&b, 1001..=2000)] {
        let lines = out.json_lines();
        assert_eq!(lines.len(), 1000);
        for (v, id) in lines.iter().zip(range) {
            assert_eq!(v["ok"], true, "{v}");
            assert_eq!(v["id"], id, "{v}");
            assert_eq!(v["state"], "registered", "{v}");
            assert!(numbers.insert(v["case_no"].as_str().unwrap().to_owned()));
        }
    }
    let expected: BTreeSet<String> = (1..=2000).map(|n| format!("2026-{n:04}")).collect();
    assert_eq!(numbers, expected, "numbers must be 2026-0001..2026-2000");
    assert_check_ok(&l);
}

#[test]
fn sigkill_never_loses_a_reported_commit() {
    let l = Ledger::set_up();
    let mut known = 0;
    for (round, delay_ms) in [50u64, 120, 250, 400, 700].into_iter().enumerate() {
        let tag = format!("kill round {round}");
        let mut child = spawn(&["apply", "--db", l.db(), "-"], intake_lines(4000, &tag));
        let stdout = child.stdout.take().unwrap();
        let (first, first_seen) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut reported = Vec::new();
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                let v: Value = serde_json::from_str(&line).expect("a JSON result line");
                reported.push(v);
                let _ = first.send(());
            }
            reported
        });
        // The delay runs from the first commit, so every round kills mid-stream.
        first_seen
            .recv_timeout(Duration::from_secs(30))
            .expect("a first result line");
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().expect("SIGKILL");
        let status = child.wait().unwrap();
        let reported = reader.join().unwrap();

        assert!(!reported.is_empty());
        let sums = exported_summaries(&l);
        for (i, v) in reported.iter().enumerate() {
            assert_eq!(v["ok"], true, "round {round}: {v}");
            let id = v["id"].as_i64().unwrap();
            assert_eq!(id, known + 1 + i as i64, "round {round}: ids follow on");
            assert_eq!(
                sums.get(&id).map(String::as_str),
                Some(format!("{tag} {i}").as_str()),
                "round {round}: reported case {id} is lost or wrong (exit {status:?})"
            );
        }
        assert!(sums.len() as i64 >= known + reported.len() as i64);
        known = sums.len() as i64;
        assert_check_ok(&l);
    }
}

#[test]
fn editing_an_event_row_is_refused() {
    let l = Ledger::set_up();
    l.apply_ok(&intake_lines(1, "改"));
    let conn = common::sqlite(&l.path);
    for sql in [
        "UPDATE events SET actor = 'x' WHERE seq = 1",
        "DELETE FROM events WHERE seq = 1",
    ] {
        let err = conn.execute(sql, []).expect_err(sql).to_string();
        assert!(err.contains("append-only"), "{sql}: {err}");
    }
    let actor: String = conn
        .query_row("SELECT actor FROM events WHERE seq = 1", [], |r| r.get(0))
        .unwrap();
    assert_eq!(actor, "李娜");
    drop(conn);
    assert_check_ok(&l);
}

/// Three registered cases (2026-0001..0003, ids 1..3); events 1..6.
fn three_cases() -> Ledger {
    let l = Ledger::set_up();
    l.apply_ok(&intake_lines(3, "三件"));
    l.apply_ok(&(1..=3).map(register_line).collect::<String>());
    assert_check_ok(&l);
    l
}

#[test]
fn a_tampered_byte_is_found_by_check() {
    let l = three_cases();
    let conn = common::sqlite(&l.path);
    conn.execute_batch("DROP TRIGGER events_refuse_update")
        .unwrap();
    let changed = conn
        .execute(
            "UPDATE events SET after = replace(after, '张三', '张四') WHERE seq = 1",
            [],
        )
        .unwrap();
    assert_eq!(changed, 1);
    drop(conn);
    let out = l.check();
    assert_eq!(out.code, Some(1), "{out:?}");
    assert!(
        out.stdout.contains("journal event 1 is bad"),
        "must name event 1: {out:?}"
    );

    // A case row edited behind the journal's back.
    let l = three_cases();
    let conn = common::sqlite(&l.path);
    let changed = conn
        .execute(
            "UPDATE cases SET doc = replace(doc, '张三', '李四') WHERE id = 2",
            [],
        )
        .unwrap();
    assert_eq!(changed, 1);
    drop(conn);
    let out = l.check();
    assert_eq!(out.code, Some(1), "{out:?}");
    assert!(
        out.stdout.contains("case 2026-0002 is bad"),
        "must name case 2026-0002: {out:?}"
    );
    assert!(!out.stdout.contains("journal event"), "{out:?}");
}

#[test]
fn ledger_file_is_private() {
    let l = Ledger::set_up();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&l.path), 0o600, "the ledger holds ID numbers");
    // SQLite gives its side files the main file's mode; check any left over.
    for side in ["ledger.db-wal", "ledger.db-shm"] {
        let p = l.file(side);
        if p.exists() {
            assert_eq!(mode(&p), 0o600, "{side}");
        }
    }
}

#[test]
fn damaged_ledger_is_reported_not_overwritten() {
    let l = Ledger::new();
    // Deterministic garbage (an LCG), never a SQLite header.
    let mut x: u32 = 12345;
    let garbage: Vec<u8> = (0..4096)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 16) as u8
        })
        .collect();
    std::fs::write(&l.path, &garbage).unwrap();

    let list = run(&["--lang", "en", "list", "--db", l.db()], "");
    let apply = l.apply(common::SETUP.lines().next().unwrap());
    for (what, out) in [("list", &list), ("apply", &apply)] {
        assert!(!out.success(), "{what} must fail: {out:?}");
        assert!(out.stderr.contains("damaged"), "{what}: {out:?}");
    }
    assert_eq!(std::fs::read(&l.path).unwrap(), garbage, "file changed");
}

#[test]
fn read_only_ledger_is_reported() {
    let l = three_cases();
    std::fs::set_permissions(&l.path, std::fs::Permissions::from_mode(0o400)).unwrap();
    let before = std::fs::read(&l.path).unwrap();

    let list = run(&["--lang", "en", "list", "--db", l.db()], "");
    assert!(list.success(), "{list:?}");
    assert!(list.stdout.contains("2026-0003"), "{list:?}");

    // Root opens a 0400 file for writing anyway, so the refusal can only be
    // seen by an ordinary user.
    let root = std::fs::metadata(l.dir()).unwrap().uid() == 0;
    if !root {
        let out = l.apply(&register_line(1));
        assert!(!out.success(), "{out:?}");
        assert!(out.stderr.contains("read-only"), "{out:?}");
        assert_eq!(std::fs::read(&l.path).unwrap(), before);
    }
}

#[test]
fn locked_ledger_is_reported() {
    let l = Ledger::set_up();
    let line = intake_lines(1, "锁");
    let mut holder = common::sqlite(&l.path);
    let tx = holder
        .transaction_with_behavior(rusqlite::TransactionBehavior::Exclusive)
        .unwrap();

    // Waits out the 5 s busy timeout, then gives up.
    let out = l.apply(&line);
    assert!(!out.success(), "{out:?}");
    let said = format!("{}{}", out.stdout, out.stderr);
    assert!(said.contains("locked"), "{out:?}");
    assert!(!out.stdout.contains("\"ok\":true"), "{out:?}");

    tx.commit().unwrap();
    drop(holder);
    let lines = l.apply_ok(&line);
    assert_eq!(lines[0]["id"], 1, "the refused attempt left nothing behind");
}

#[test]
fn backup_is_consistent_and_never_overwrites() {
    let l = three_cases();
    let dest = l.file("backup.db");
    let dest_s = dest.to_str().unwrap();
    let out = run(&["--lang", "en", "backup", "--db", l.db(), dest_s], "");
    assert!(out.success(), "{out:?}");
    assert_eq!(
        std::fs::metadata(&dest).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let check = run(&["--lang", "en", "check", "--db", dest_s], "");
    assert!(check.success(), "{check:?}");
    assert!(
        check.stdout.contains("3 cases, 6 journal events"),
        "{check:?}"
    );

    let copy = std::fs::read(&dest).unwrap();
    l.apply_ok(&intake_lines(1, "备份后"));
    let again = run(&["--lang", "en", "backup", "--db", l.db(), dest_s], "");
    assert!(!again.success(), "{again:?}");
    assert!(again.stderr.contains("already exists"), "{again:?}");
    assert_eq!(std::fs::read(&dest).unwrap(), copy, "backup overwritten");
}

#[test]
fn stale_version_is_refused() {
    let l = Ledger::set_up();
    l.apply_ok(&intake_lines(1, "版本"));
    let stale = register_line(1).replace("\"case\":1", "\"case\":1,\"version\":99");
    assert!(stale.contains("\"version\":99"), "{stale}");
    let out = l.apply(&stale);
    assert_eq!(out.code, Some(1), "{out:?}");
    let lines = out.json_lines();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["ok"], false);
    assert_eq!(lines[0]["line"], 1);
    let error = lines[0]["error"].as_str().unwrap();
    assert!(error.contains("changed by someone else"), "{error}");

    // The case is untouched; with the right version the register goes in.
    let fresh = register_line(1).replace("\"case\":1", "\"case\":1,\"version\":1");
    let lines = l.apply_ok(&fresh);
    assert_eq!(lines[0]["case_no"], "2026-0001");
    assert_eq!(lines[0]["version"], 2);
    assert_check_ok(&l);
}

/// Two `init`s started at once on a ledger that does not exist yet (since the
/// ledger is encrypted, only `init` creates one: `apply` no longer does): one
/// creates it, the other is told it exists, and neither spoils the other's file.
#[test]
fn two_processes_create_the_same_new_ledger() {
    for round in 0..8 {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join(format!("new{round}.db"));
        let pass = dir.path().join("pass");
        std::fs::write(&pass, "pw long enough\n").unwrap();
        let (db, pass) = (db.to_str().unwrap(), pass.to_str().unwrap());
        let args = [
            "init",
            "--db",
            db,
            "--leader",
            "赵局长",
            "--passphrase-file",
            pass,
        ];
        let a = spawn(&args, String::new());
        let b = spawn(&args, String::new());
        let (a, b) = (finish(a), finish(b));
        assert!(a.success() != b.success(), "round {round}: {a:?} {b:?}");
        let lost = if a.success() { &b } else { &a };
        assert!(
            lost.stderr.contains("已存在"),
            "round {round}: {}",
            lost.stderr
        );
        let check = run(
            &[
                "check",
                "--db",
                db,
                "--as",
                "赵局长",
                "--passphrase-file",
                pass,
            ],
            "",
        );
        assert!(check.success(), "round {round}: {check:?}");
    }
}
