//! The receipt beside the ledger (issue 14, points 1, 3 and 6): a ledger that lost
//! acknowledged events is found and never written again; a damaged case is not written;
//! backups are put in place only whole; empty and unfinished files are never taken for
//! ledgers. Every test drives the real binary on a private temporary file.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::time::Duration;

use common::{Ledger, intake_lines, register_line, run, spawn};
use serde_json::Value;
use xinfang::config::Office;
use xinfang::store::{Store, StoreError, receipt_path};

fn copy_beside(from: &Path, to: &Path, suffixes: &[&str]) {
    for s in suffixes {
        let mut a = from.as_os_str().to_owned();
        a.push(s);
        let mut b = to.as_os_str().to_owned();
        b.push(s);
        if Path::new(&a).exists() {
            std::fs::copy(&a, &b).expect("copy a ledger file");
        }
    }
}

fn events(path: &Path) -> i64 {
    let conn = common::sqlite(path);
    conn.query_row("SELECT count(*) FROM events", [], |r| r.get(0))
        .expect("count events")
}

fn list(l: &Ledger) -> common::Out {
    run(&["--lang", "en", "list", "--db", l.db()], "")
}

/// One flipped byte in the -wal of a copy taken before any checkpoint: SQLite drops every
/// frame from the bad one on, silently. The receipt says how long the journal was, so
/// every copy that lost events is refused for writing and named by `check`.
#[test]
fn a_flipped_wal_byte_is_always_detected() {
    let l = Ledger::set_up();
    // A reader holding an old snapshot keeps every frame in the -wal (no checkpoint can
    // pass it), so the intakes below are all in the -wal, none in the file yet.
    let mut holder = common::sqlite(&l.path);
    let snapshot = holder.transaction().unwrap();
    let _: i64 = snapshot
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap();
    l.apply_ok(&intake_lines(150, "回执"));
    let acknowledged = 150;
    let wal = std::fs::read(l.file("ledger.db-wal")).expect("the -wal");
    let mut lost_somewhere = 0;
    for k in 1..=8 {
        let at = wal.len() * k / 9;
        let copy = Ledger::empty();
        copy_beside(&l.path, &copy.path, &["", "-wal", ".keys", ".receipt"]);
        let mut flipped = wal.clone();
        flipped[at] ^= 0x20;
        std::fs::write(copy.file("ledger.db-wal"), &flipped).unwrap();
        let files = || {
            let read = |p: &Path| std::fs::read(p).unwrap_or_default();
            (read(&copy.path), read(&copy.file("ledger.db-wal")))
        };
        let before = files();

        let check = copy.check();
        let apply = copy.apply(&intake_lines(1, "之后"));
        let listed = list(&copy);
        let after = files();
        let cases = events(&copy.path);
        if cases >= acknowledged {
            // The flip hit nothing a commit needs (a frame's unused tail): nothing lost.
            assert!(check.success(), "byte {at}: {check:?}");
            continue;
        }
        lost_somewhere += 1;
        assert_eq!(check.code, Some(1), "byte {at}: {check:?}");
        assert!(
            check.stdout.contains("acknowledged"),
            "byte {at}: {check:?}"
        );
        assert!(!apply.success(), "byte {at}: {apply:?}");
        assert!(apply.stderr.contains("lacks"), "byte {at}: {apply:?}");
        assert_eq!(
            events(&copy.path),
            cases,
            "byte {at}: written on a damaged ledger"
        );
        // Reads still work, so the office can export and restore; and nothing, not even
        // closing the ledger, copied the -wal into the file or emptied it.
        assert!(listed.success(), "byte {at}: {listed:?}");
        assert!(
            after == before,
            "byte {at}: the damaged ledger or its -wal changed"
        );
    }
    assert!(
        lost_somewhere >= 6,
        "only {lost_somewhere} flips lost events"
    );
    drop(snapshot);
}

/// One flipped bit in a stored case document, or an edited state: `apply` on that case
/// answers ok:false and writes nothing; reads still work.
#[test]
fn a_damaged_case_is_not_written() {
    for sql in [
        "UPDATE cases SET doc = replace(doc, '回执 0', '回执 1') WHERE id = 1",
        "UPDATE cases SET state = 'archived' WHERE id = 1",
    ] {
        let l = Ledger::set_up();
        l.apply_ok(&intake_lines(2, "回执"));
        l.apply_ok(&register_line(2));
        let conn = common::sqlite(&l.path);
        assert_eq!(conn.execute(sql, []).unwrap(), 1, "{sql}");
        drop(conn);
        let before = events(&l.path);
        let out = l.apply(&register_line(1));
        let lines = out.json_lines();
        assert_eq!(lines.len(), 1, "{out:?}");
        assert_eq!(lines[0]["ok"], false, "{sql}: {out:?}");
        let error = lines[0]["error"].as_str().unwrap();
        assert!(error.contains("differs from its journal"), "{sql}: {error}");
        assert_eq!(events(&l.path), before, "{sql}: written");
        let show = run(&["--lang", "en", "show", "--db", l.db(), "1"], "");
        assert!(show.success(), "{sql}: {show:?}");
    }
}

/// A receipt that went missing: writing is refused until `check` finds the ledger whole
/// and writes a new one.
#[test]
fn a_missing_receipt_is_refused_until_check() {
    let l = Ledger::set_up();
    l.apply_ok(&intake_lines(2, "回执"));
    std::fs::remove_file(receipt_path(&l.path)).unwrap();
    let out = l.apply(&register_line(1));
    assert!(!out.success(), "{out:?}");
    assert!(out.stderr.contains("is gone"), "{out:?}");
    assert!(list(&l).success());
    let check = l.check();
    assert!(check.success(), "{check:?}");
    assert!(check.stdout.contains("written from it"), "{check:?}");
    l.apply_ok(&register_line(1));
}

/// A page damaged deep in the file, which opening does not read: `check` finds it and
/// leaves the ledger and its receipt byte for byte as they were (it read the ledger
/// read-only; a trial found its sign-in written into the file it called untouched).
#[test]
fn check_writes_nothing_into_a_ledger_it_finds_damaged() {
    let l = Ledger::set_up();
    l.apply_ok(&intake_lines(40, "深处"));
    let mut bytes = std::fs::read(&l.path).unwrap();
    // A byte inside the last page but one, away from page 1 and the page counts.
    let page = 4096;
    assert!(bytes.len() >= 4 * page, "{}", bytes.len());
    let at = bytes.len() - page - 100;
    bytes[at] ^= 0x5a;
    std::fs::write(&l.path, &bytes).unwrap();
    let receipt = std::fs::read(receipt_path(&l.path)).unwrap();
    let check = l.check();
    assert!(!check.success(), "{check:?}");
    assert_eq!(
        std::fs::read(&l.path).unwrap(),
        bytes,
        "the ledger was written"
    );
    assert_eq!(
        std::fs::read(receipt_path(&l.path)).unwrap(),
        receipt,
        "the receipt was written"
    );
}

/// Another ledger's receipt beside this one is not taken for its own.
#[test]
fn another_ledgers_receipt_is_refused() {
    let a = Ledger::set_up();
    let b = Ledger::set_up();
    std::fs::copy(receipt_path(&b.path), receipt_path(&a.path)).unwrap();
    let out = a.apply(&intake_lines(1, "别的"));
    assert!(!out.success(), "{out:?}");
    assert!(out.stderr.contains("another ledger's"), "{out:?}");
}

/// A kill between a commit and its receipt leaves the ledger ahead: normal, brought forward.
#[test]
fn a_ledger_ahead_of_its_receipt_is_brought_forward() {
    let l = Ledger::set_up();
    let old = std::fs::read(receipt_path(&l.path)).unwrap();
    l.apply_ok(&intake_lines(3, "之前"));
    std::fs::write(receipt_path(&l.path), &old).unwrap();
    l.apply_ok(&intake_lines(1, "之后"));
    assert!(l.check().success());
    let now = std::fs::read_to_string(receipt_path(&l.path)).unwrap();
    let r: Value = serde_json::from_str(&now).unwrap();
    assert_eq!(r["events"]["count"], 4, "{now}");
}

/// A backup carries its receipt; put back in place with it, it opens and is written on.
/// An older copy put back without its receipt is found behind, and the message names the
/// newest backup.
#[test]
fn a_backup_restores_with_its_receipt() {
    let l = Ledger::set_up();
    l.apply_ok(&intake_lines(3, "备份"));
    let dest = l.file("backup.db");
    let dest_s = dest.to_str().unwrap();
    let out = run(&["--lang", "en", "backup", "--db", l.db(), dest_s], "");
    assert!(out.success(), "{out:?}");
    assert!(receipt_path(&dest).exists());
    l.apply_ok(&intake_lines(2, "之后"));

    // The old copy alone over the ledger: behind its receipt.
    for side in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(l.file(&format!("ledger.db{side}")));
    }
    std::fs::copy(&dest, &l.path).unwrap();
    let out = l.apply(&intake_lines(1, "再"));
    assert!(!out.success(), "{out:?}");
    assert!(out.stderr.contains("lacks 2 acknowledged"), "{out:?}");
    assert!(
        out.stderr.contains("backup.db"),
        "names the backup: {out:?}"
    );

    // With its receipt: whole again.
    std::fs::copy(receipt_path(&dest), receipt_path(&l.path)).unwrap();
    assert!(l.check().success());
    l.apply_ok(&intake_lines(1, "再"));
}

/// A backup that does not check whole is not put under the destination's name; a killed
/// one never leaves a file there, and its temporary file is named for what it is.
#[test]
fn a_killed_or_failed_backup_leaves_nothing_under_its_name() {
    let l = Ledger::set_up();
    l.apply_ok(&intake_lines(1500, "备份"));
    let mut finished = 0;
    for (round, delay_ms) in [0u64, 5, 20, 60, 150, 400, 900].into_iter().enumerate() {
        let dest = l.file(&format!("kill{round}.db"));
        let dest_s = dest.to_str().unwrap().to_owned();
        let mut child = spawn(&["backup", "--db", l.db(), &dest_s], String::new());
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let status = child.wait().unwrap();
        if dest.exists() {
            finished += 1;
            let check = run(&["--lang", "en", "check", "--db", &dest_s], "");
            assert!(check.success(), "round {round} ({status:?}): {check:?}");
        }
    }
    assert!(finished < 7, "every backup finished before its kill");
    for entry in std::fs::read_dir(l.dir()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.contains(".unfinished-") {
            let left = l.file(&name);
            let check = run(
                &["--lang", "en", "check", "--db", left.to_str().unwrap()],
                "",
            );
            assert!(!check.success());
            assert!(check.stderr.contains("unfinished backup"), "{check:?}");
            assert!(!check.stderr.contains("error: error:"), "{check:?}");
        }
    }

    // A ledger whose copy does not check whole: the copy goes away.
    let conn = common::sqlite(&l.path);
    conn.execute_batch("DROP TRIGGER events_refuse_update")
        .unwrap();
    conn.execute("UPDATE events SET actor = '改' WHERE seq = 1", [])
        .unwrap();
    drop(conn);
    let dest = l.file("bad.db");
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
    assert!(!out.success(), "{out:?}");
    assert!(!dest.exists(), "a copy that does not check whole was kept");
}

/// An existing empty file is never set up as a ledger.
#[test]
fn an_empty_file_is_never_initialised() {
    let l = Ledger::set_up();
    for side in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(l.file(&format!("ledger.db{side}")));
    }
    std::fs::write(&l.path, b"").unwrap();
    let out = l.apply(common::SETUP);
    assert!(!out.success(), "{out:?}");
    assert!(out.stderr.contains("empty file"), "{out:?}");
    assert!(!out.stderr.contains("error: error:"), "{out:?}");
    assert_eq!(std::fs::metadata(&l.path).unwrap().len(), 0);
    // In process too.
    match Store::open(&l.path, Office::builtin(), &common::key()) {
        Err(StoreError::EmptyFile(_)) => {}
        other => panic!("{:?}", other.map(|_| ())),
    }
}

/// The kill test (issue 14, "Done means"): SIGKILL a writing `apply` again and again and
/// after each kill assert that every reported commit is there and the receipt is never
/// behind (a kill between a commit and its receipt leaves the ledger ahead, which the
/// next open brings forward). Not in CI; run with
/// `XINFANG_KILLS=1000 cargo test --test receipt -- --ignored --nocapture kill`.
#[test]
#[ignore = "long: ≥ 1,000 kills (XINFANG_KILLS)"]
fn sigkill_many_times_never_loses_and_never_leaves_the_receipt_behind() {
    let rounds: usize = std::env::var("XINFANG_KILLS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000);
    let l = Ledger::set_up();
    let mut known = 0i64;
    let mut acknowledged = 0usize;
    let started = std::time::Instant::now();
    for round in 0..rounds {
        let tag = format!("k{round}");
        let mut child = spawn(&["apply", "--db", l.db(), "-"], intake_lines(400, &tag));
        let stdout = child.stdout.take().unwrap();
        let (first, first_seen) = std::sync::mpsc::channel();
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
        first_seen
            .recv_timeout(Duration::from_secs(30))
            .expect("a first result line");
        // Spread the kills over the stream (0–30 ms after the first commit).
        std::thread::sleep(Duration::from_micros((round as u64 * 7919) % 30_000));
        child.kill().expect("SIGKILL");
        child.wait().unwrap();
        let reported = reader.join().unwrap();
        acknowledged += reported.len();

        let conn = common::sqlite(&l.path);
        for (i, v) in reported.iter().enumerate() {
            assert_eq!(v["ok"], true, "round {round}: {v}");
            let id = v["id"].as_i64().unwrap();
            assert_eq!(id, known + 1 + i as i64, "round {round}: ids follow on");
            let summary: String = conn
                .query_row(
                    "SELECT json_extract(doc, '$.intake.summary') FROM cases WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )
                .unwrap_or_else(|e| panic!("round {round}: reported case {id} lost: {e}"));
            assert_eq!(summary, format!("{tag} {i}"), "round {round}");
        }
        known = conn
            .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
            .unwrap();
        drop(conn);
        // The receipt: level or behind the ledger (brought forward here), never ahead of it.
        match Store::open(&l.path, Office::builtin(), &common::key()) {
            Ok(_) => {}
            Err(StoreError::Unsafe(d)) => panic!("round {round}: {d:?}"),
            Err(e) => panic!("round {round}: {e}"),
        }
        if round % 100 == 99 {
            eprintln!(
                "{} kills, {acknowledged} acknowledged, none lost, receipt never behind ({:?})",
                round + 1,
                started.elapsed()
            );
        }
    }
    eprintln!(
        "{rounds} kills: {acknowledged} acknowledged intakes, 0 lost, receipt consistent after each ({:?})",
        started.elapsed()
    );
}

/// A -wal cut short (a copy taken mid-write, a full disk): every frame past the cut is
/// gone, and `check` names the loss with how many acknowledged events are missing.
#[test]
fn a_truncated_wal_is_named_by_check() {
    let l = Ledger::set_up();
    let mut holder = common::sqlite(&l.path);
    let snapshot = holder.transaction().unwrap();
    let _: i64 = snapshot
        .query_row("SELECT count(*) FROM cases", [], |r| r.get(0))
        .unwrap();
    l.apply_ok(&intake_lines(60, "截断"));
    let wal = std::fs::read(l.file("ledger.db-wal")).expect("the -wal");
    for keep in [wal.len() / 2, wal.len() / 5, 32] {
        let copy = Ledger::empty();
        copy_beside(&l.path, &copy.path, &["", ".keys", ".receipt"]);
        std::fs::write(copy.file("ledger.db-wal"), &wal[..keep]).unwrap();
        let check = copy.check();
        let found = events(&copy.path);
        assert!(found < 60, "cut at {keep}: {found} events survived");
        assert_eq!(check.code, Some(1), "cut at {keep}: {check:?}");
        let lacks = format!("lacks {} acknowledged", 60 - found);
        assert!(check.stdout.contains(&lacks), "cut at {keep}: {check:?}");
    }
    drop(snapshot);
}

/// The whole chain rewritten consistently (an older copy put back and different events
/// entered through xinfang itself, so every hash links): the receipt outside the file
/// remembers which event it acknowledged, and `check` and a write both name the rewrite.
#[test]
fn a_consistently_rewritten_chain_is_named() {
    let l = Ledger::set_up();
    l.apply_ok(&intake_lines(2, "原来"));
    let old = Ledger::empty();
    copy_beside(&l.path, &old.path, &["", "-wal", ".keys", ".receipt"]);
    l.apply_ok(&intake_lines(1, "真实的第三件"));
    // The insider's copy: as many events, each chained, but another third one.
    old.apply_ok(&intake_lines(1, "伪造的第三件"));
    assert_eq!(events(&old.path), events(&l.path));
    std::fs::copy(receipt_path(&l.path), receipt_path(&old.path)).unwrap();
    let check = old.check();
    assert_eq!(check.code, Some(1), "{check:?}");
    assert!(check.stdout.contains("was rewritten"), "{check:?}");
    let out = old.apply(&intake_lines(1, "再"));
    assert!(!out.success(), "{out:?}");
    assert!(out.stderr.contains("was rewritten"), "{out:?}");
}
