//! 附件 (issue 18 point 4): files kept with a case inside the ledger, journaled as
//! `attach_file` / `detach_file` events that carry the hash and never the bytes; `check`
//! hashes every stored file; an attachment is exactly as visible as its case (Art 30).

mod common;

use std::path::Path;

use chrono::{DateTime, FixedOffset};
use xinfang::config::Office;
use xinfang::domain::command::Command;
use xinfang::domain::error::WorkflowError;
use xinfang::store::{CaseRef, Request, Store, StoreError};
use xinfang::strings::{Lang, errors};

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

const WHEN: &str = "2026-11-22T10:00:00+08:00";

/// A scanned letter: recognisable bytes, to look for in the raw file.
fn scan() -> Vec<u8> {
    let mut bytes = b"%PDF-1.4\n".to_vec();
    bytes.extend(b"SCANNED-LETTER-MARKER ".repeat(200));
    bytes
}

fn request(case: i64, command: Command, actor: &str) -> Request {
    Request {
        case: Some(CaseRef::Id(case)),
        expected_version: None,
        command,
        actor: actor.into(),
        at: at(WHEN),
    }
}

fn open(path: &Path, office: Office) -> Store {
    Store::open(path, office, &common::key()).expect("open")
}

#[test]
fn a_file_goes_in_encrypted_comes_out_whole_and_its_removal_keeps_the_hash() {
    let l = common::accused::ledger();
    let mut store = open(&l.path, Office::builtin());
    let bytes = scan();
    let cmd = Command::attach_file("/home/li/扫描/来信.pdf", bytes.clone());
    let applied = store.execute(&request(1, cmd, "李娜")).expect("attach");
    let file = &applied.case.attachments[0];
    assert_eq!(file.name, "来信.pdf");
    assert_eq!(file.media_type, "application/pdf");
    assert_eq!(file.size, bytes.len() as u64);
    assert_eq!(file.sha256, xinfang::domain::attachment::sha256_hex(&bytes));
    assert_eq!(file.stamp.by, "李娜");
    let (_, kept, back) = store
        .attachment(&CaseRef::No("2026-0001".into()), 1)
        .unwrap();
    assert_eq!(back, bytes);
    assert_eq!(kept.sha256, file.sha256);
    // The journal carries the hash, never the bytes.
    let events = store.events(1).unwrap();
    let last = serde_json::to_string(&events.last().unwrap().command).unwrap();
    assert!(last.contains(&file.sha256), "{last}");
    assert!(!last.contains("SCANNED"), "{last}");
    assert!(store.check().unwrap().ok());
    drop(store);
    // Encrypted with the ledger: the raw file never shows the bytes.
    let raw = std::fs::read(&l.path).unwrap();
    let wal = std::fs::read(l.file("ledger.db-wal")).unwrap_or_default();
    for content in [&raw, &wal] {
        assert!(!content.windows(21).any(|w| w == b"SCANNED-LETTER-MARKER"));
    }
    // Removed with a reason: the record stays, the bytes go.
    let mut store = open(&l.path, Office::builtin());
    let remove = Command::DetachFile {
        n: 1,
        reason: "误传，非本件材料".into(),
    };
    let applied = store.execute(&request(1, remove, "李娜")).expect("detach");
    let file = &applied.case.attachments[0];
    assert_eq!(file.sha256, xinfang::domain::attachment::sha256_hex(&bytes));
    assert_eq!(file.removed.as_ref().unwrap().reason, "误传，非本件材料");
    let gone = store.attachment(&CaseRef::Id(1), 1).unwrap_err();
    assert!(matches!(
        gone,
        StoreError::Workflow(WorkflowError::NoAttachment { n: 1 })
    ));
    let again = Command::DetachFile {
        n: 1,
        reason: "再删".into(),
    };
    assert!(store.execute(&request(1, again, "李娜")).is_err());
    assert!(store.check().unwrap().ok());
    let rows: i64 = common::sqlite(&l.path)
        .query_row("SELECT count(*) FROM attachment_bytes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 0);
}

#[test]
fn a_file_over_the_limit_is_refused_naming_it_its_size_and_the_limit() {
    let l = common::accused::ledger();
    let mut office = Office::builtin();
    assert_eq!(office.policy.attachment_max_mb, 50, "the default");
    office.policy.attachment_max_mb = 1;
    let mut store = open(&l.path, office);
    let big = vec![0_u8; 1024 * 1024 + 300 * 1024];
    let cmd = Command::attach_file("录音.wav", big);
    let err = store.execute(&request(1, cmd, "李娜")).unwrap_err();
    let zh = errors::store(Lang::Zh, &err);
    assert!(
        zh.contains("录音.wav") && zh.contains("1.3 MB") && zh.contains("1 MB"),
        "{zh}"
    );
    let en = errors::store(Lang::En, &err);
    assert!(
        en.contains("录音.wav") && en.contains("over the office's limit of 1 MB"),
        "{en}"
    );
    // Bytes that are not the file described are refused too.
    let mut cmd = Command::attach_file("a.txt", b"one".to_vec());
    if let Command::AttachFile { sha256, .. } = &mut cmd {
        *sha256 = xinfang::domain::attachment::sha256_hex(b"two");
    }
    assert!(store.execute(&request(1, cmd, "李娜")).is_err());
    // And a line without its bytes never records an attachment.
    let bare: Command = serde_json::from_value(serde_json::json!({
        "op": "attach_file", "name": "a.txt", "media_type": "text/plain", "size": 3,
        "sha256": xinfang::domain::attachment::sha256_hex(b"one")
    }))
    .unwrap();
    assert!(store.execute(&request(1, bare, "李娜")).is_err());
    assert!(
        store
            .case(&CaseRef::Id(1), at(WHEN).date_naive())
            .unwrap()
            .case
            .attachments
            .is_empty()
    );
}

#[test]
fn check_names_a_changed_or_lost_attachment() {
    let l = common::accused::ledger();
    let mut store = open(&l.path, Office::builtin());
    for (case, name) in [(1, "回证.jpg"), (2, "照片.png")] {
        let cmd = Command::attach_file(name, format!("bytes of {name}").into_bytes());
        store.execute(&request(case, cmd, "李娜")).unwrap();
    }
    assert!(store.check().unwrap().ok());
    drop(store);
    let raw = common::sqlite(&l.path);
    raw.execute(
        "UPDATE attachment_bytes SET bytes = x'00' WHERE case_id = 1",
        [],
    )
    .unwrap();
    raw.execute("DELETE FROM attachment_bytes WHERE case_id = 2", [])
        .unwrap();
    drop(raw);
    let store = open(&l.path, Office::builtin());
    let report = store.check().unwrap();
    assert!(!report.ok());
    let named: Vec<_> = report
        .differences
        .iter()
        .filter(|d| d.table.sql() == "attachment_bytes")
        .map(|d| (d.key.clone(), d.column.clone()))
        .collect();
    assert!(
        named.contains(&("2026-0001/1".into(), "bytes".into())),
        "{named:?}"
    );
    assert!(
        named.contains(&("2026-0002/1".into(), "(row)".into())),
        "{named:?}"
    );
    assert!(
        store.attachment(&CaseRef::Id(1), 1).is_err(),
        "changed bytes are never given out"
    );
}

#[test]
fn an_attachment_is_as_visible_as_its_case() {
    let l = common::accused::ledger();
    let mut store = open(&l.path, Office::builtin());
    let cmd = Command::attach_file("李某某检举信.pdf", scan());
    store.execute(&request(1, cmd, "李娜")).unwrap();
    drop(store);
    // The accused handler: the case does not exist for them, nor its files.
    let accused = common::accused::open_as(&l, "刘洋");
    let err = accused.attachment(&CaseRef::Id(1), 1).unwrap_err();
    assert!(matches!(err, StoreError::CaseNotFound(_)), "{err:?}");
    // The accused leader too: not told that it exists (Art 30 第三款).
    let leader = common::accused::open_as(&l, "孙副局长");
    let err = leader.attachment(&CaseRef::Id(1), 1).unwrap_err();
    assert!(matches!(err, StoreError::CaseNotFound(_)), "{err:?}");
    // The confidential case's handler sees the list, names masked, and no bytes.
    let handler = common::accused::open_as(&l, "王强");
    let row = handler
        .case(&CaseRef::Id(1), at(WHEN).date_naive())
        .unwrap();
    assert_eq!(row.case.attachments[0].name, "（保密）检举信.pdf");
    assert!(handler.attachment(&CaseRef::Id(1), 1).is_err());
    // A leader not accused has it all.
    let other = common::accused::open_as(&l, "赵建国");
    assert_eq!(other.attachment(&CaseRef::Id(1), 1).unwrap().2, scan());
    // The accused cannot attach to or remove from a case that accuses them.
    let mut store = common::accused::open_as(&l, "刘洋");
    let cmd = Command::attach_file("x.txt", b"x".to_vec());
    assert!(store.execute(&request(1, cmd, "孙副局长")).is_err());
}

#[test]
fn the_case_file_lists_the_attachments_in_its_contents() {
    use xinfang::demo::{DemoOptions, generate};
    use xinfang::documents::{Extra, Renderer, issue_or_reprint};
    use xinfang::domain::documents::{DocKind, OfficeProfile};
    use xinfang::domain::types::{Role, State};
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&dir.path().join("l.db"), Office::builtin());
    let now = at("2026-03-10T15:20:00+08:00");
    generate(
        &mut store,
        &DemoOptions {
            cases: 30,
            seed: 14,
            now,
        },
    )
    .unwrap();
    let leader = (store.operators().unwrap().into_iter())
        .find(|o| o.role == Role::Leader && o.active)
        .unwrap()
        .name;
    let when = at("2026-03-10T16:00:00+08:00");
    let profile = OfficeProfile {
        name: "某区信访局".into(),
        prefix: "X信".into(),
        ..OfficeProfile::default()
    };
    store
        .administer(&leader, when, &xinfang::store::Admin::OfficeUpdate(profile))
        .unwrap();
    let archived = (1..=30)
        .find(|id| {
            let row = store.case(&CaseRef::Id(*id), when.date_naive()).unwrap();
            row.case.state == State::Archived
        })
        .expect("an archived demo case");
    let mut req = request(
        archived,
        Command::attach_file("送达回证.jpg", b"\xff\xd8\xffreceipt".to_vec()),
        &leader,
    );
    req.at = when;
    store.execute(&req).unwrap();
    let renderer = Renderer::builtin().unwrap();
    let got = issue_or_reprint(
        &mut store,
        &renderer,
        &CaseRef::Id(archived),
        DocKind::CaseFile,
        &Extra {
            again: true,
            ..Extra::default()
        },
        &leader,
        when,
    )
    .unwrap();
    let text = &got.document.text;
    assert!(
        text.contains("附件：送达回证.jpg　image/jpeg　10 B　SHA-256"),
        "{text}"
    );
    assert!(text.contains(&leader), "{text}");
}
