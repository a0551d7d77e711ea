//! How each page of an encrypted ledger is authenticated. SQLCipher seals every page
//! with an HMAC over its ciphertext, IV and page number, checked on every read: a page
//! changed, swapped or moved on disk is refused, never decrypted into the ledger.
//!
//! A ledger created by this build seals with HMAC-SHA256, one created before with
//! SQLCipher 4's default HMAC-SHA512. Both are sound MACs for a 256-bit key; SHA-256 is
//! what the processors offices buy compute in hardware (SHA-NI, the ARMv8 SHA
//! extensions), so authenticating a page costs about half (on this machine `openssl
//! speed`: 1.7 GB/s against 0.8 GB/s), and that cost is paid on every page the desk
//! reads from disk: it was most of what encryption added to the leader's screens.
//! A ledger keeps the seal it was made with for its life (changing it would rewrite
//! every page); a file says nothing about its seal in clear, so it is opened with the
//! newest seal first and then the older one.

/// The HMAC a ledger's pages are sealed with. Newest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageSeal {
    /// HMAC-SHA256: every ledger created since the seal was chosen for speed.
    Sha256,
    /// HMAC-SHA512, SQLCipher 4's default: ledgers created before.
    Sha512,
}

impl PageSeal {
    /// The seal a new ledger gets.
    pub const NEW: PageSeal = PageSeal::Sha256;

    /// The seals to try when opening a ledger, the one new ledgers get first.
    pub const NEWEST_FIRST: [PageSeal; 2] = [PageSeal::Sha256, PageSeal::Sha512];

    /// SQLCipher's name for this seal's HMAC.
    fn name(self) -> &'static str {
        match self {
            PageSeal::Sha256 => "HMAC_SHA256",
            PageSeal::Sha512 => "HMAC_SHA512",
        }
    }

    /// The statement (run after `PRAGMA key`, before the first read) that selects this
    /// seal. (The plaintext benchmark build keys nothing, so selects no seal.)
    #[cfg_attr(feature = "plaintext-bench", allow(dead_code))]
    pub fn pragma(self) -> String {
        format!("PRAGMA cipher_hmac_algorithm = {};", self.name())
    }

    /// The statement that makes `NEW` the seal of every file SQLCipher opens without
    /// being told one (process-wide): the copies `VACUUM INTO` writes for a backup,
    /// which SQLCipher attaches with the ledger's key but its own default seal.
    pub fn default_pragma() -> String {
        format!(
            "PRAGMA cipher_default_hmac_algorithm = {};",
            PageSeal::NEW.name()
        )
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::path::{Path, PathBuf};

    use rusqlite::{Connection, ErrorCode};

    use super::PageSeal;
    use crate::store::{CheckReport, KeyError, Store, receipt_path, test_ledger};

    /// Whether `path` opens with the tests' key and `seal` (the first page authenticates).
    fn opens_with(path: &Path, seal: PageSeal) -> bool {
        let conn = Connection::open(path).unwrap();
        conn.execute_batch(&test_ledger::key().pragma(seal))
            .unwrap();
        match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        }) {
            Ok(_) => true,
            Err(rusqlite::Error::SqliteFailure(f, _)) if f.code == ErrorCode::NotADatabase => false,
            Err(e) => panic!("{e}"),
        }
    }

    /// A copy of the ledger at `from` sealed with HMAC-SHA512, as ledgers made before the
    /// seal changed are, with its receipt.
    pub(crate) fn legacy_copy(from: &Path, to: &Path) {
        let conn = Connection::open(from).unwrap();
        conn.execute_batch(&test_ledger::key().pragma(PageSeal::NEW))
            .unwrap();
        // The tests' key, [7; 32] (test_ledger::key).
        conn.execute(
            &format!(
                "ATTACH DATABASE ?1 AS legacy KEY \"x'{}'\"",
                "07".repeat(32)
            ),
            [to.to_str().unwrap()],
        )
        .unwrap();
        conn.execute_batch(
            "PRAGMA legacy.cipher_hmac_algorithm = HMAC_SHA512;
             SELECT sqlcipher_export('legacy');",
        )
        .unwrap();
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        conn.pragma_update(Some("legacy"), "user_version", version)
            .unwrap();
        conn.execute_batch("DETACH DATABASE legacy").unwrap();
        std::fs::copy(receipt_path(from), receipt_path(to)).unwrap();
    }

    /// A demo ledger of `cases` in `dir` sealed the old way (`old.db`), and its check.
    pub(crate) fn legacy_demo(dir: &Path, cases: usize, seed: u64) -> (PathBuf, CheckReport) {
        let (path, old) = (dir.join("new.db"), dir.join("old.db"));
        let before = test_ledger::demo(&path, cases, seed, false)
            .check()
            .unwrap();
        legacy_copy(&path, &old);
        (old, before)
    }

    #[test]
    fn a_new_ledger_is_sealed_with_sha256_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.db");
        drop(test_ledger::demo(&path, 5, 1, false));
        assert!(opens_with(&path, PageSeal::Sha256));
        assert!(!opens_with(&path, PageSeal::Sha512));
    }

    /// A ledger from before keeps its seal: it opens, checks whole, takes a backup
    /// (sealed the new way, and whole) and its journal continues.
    #[test]
    fn a_ledger_sealed_with_sha512_opens_checks_and_backs_up() {
        let dir = tempfile::tempdir().unwrap();
        let (old, before) = legacy_demo(dir.path(), 20, 3);
        assert!(opens_with(&old, PageSeal::Sha512));
        assert!(!opens_with(&old, PageSeal::Sha256));

        let office = crate::config::Office::builtin();
        let store = Store::open(&old, office.clone(), &test_ledger::key()).unwrap();
        let report = store.check().unwrap();
        assert!(report.ok(), "{report:?}");
        assert_eq!((report.cases, report.events), (before.cases, before.events));

        let copy = dir.path().join("copy.db");
        assert!(store.backup(&copy).unwrap().ok());
        assert!(opens_with(&copy, PageSeal::Sha256));
        drop(store);
        let copied = Store::open(&copy, office, &test_ledger::key()).unwrap();
        assert_eq!(copied.check().unwrap().cases, before.cases);
    }

    /// The older ledger at `old` open in a store that has saved one intake since: its
    /// -wal holds the save, not yet copied into the ledger.
    pub(crate) fn open_with_a_save(old: &Path) -> Store {
        let office = crate::config::Office::builtin();
        let mut store = Store::open(old, office, &test_ledger::key()).unwrap();
        let intake: crate::domain::command::Command = serde_json::from_value(serde_json::json!({
            "op": "intake", "channel": "visit", "people": 1,
            "petitioners": [{"name": "张三", "phone": "13800000000", "main": true}],
            "category": "城乡建设", "handling_type": "申诉求决", "summary": "路灯不亮",
            "request": "修路灯", "urgency": "normal"
        }))
        .unwrap();
        store
            .execute(&crate::store::Request {
                case: None,
                expected_version: None,
                command: intake,
                actor: "李娜".to_owned(),
                at: test_ledger::now(),
            })
            .unwrap();
        assert!(Path::new(&format!("{}-wal", old.display())).exists());
        store
    }

    /// An older ledger open in one store, with its -wal holding a save not yet copied into
    /// it, opens in a second store meanwhile (the newer seal tried first and refused), both
    /// see the save, and the ledger checks whole after both close.
    #[test]
    fn an_older_ledger_open_elsewhere_with_its_wal_opens_again() {
        let dir = tempfile::tempdir().unwrap();
        let (old, before) = legacy_demo(dir.path(), 10, 4);
        let office = crate::config::Office::builtin();
        let first = open_with_a_save(&old);
        let second = Store::open(&old, office.clone(), &test_ledger::key()).unwrap();
        assert_eq!(second.check().unwrap().cases, before.cases + 1);
        drop(second);
        assert_eq!(first.check().unwrap().cases, before.cases + 1);
        drop(first);
        let again = Store::open(&old, office, &test_ledger::key()).unwrap();
        let report = again.check().unwrap();
        assert!(report.ok(), "{report:?}");
        assert_eq!(report.cases, before.cases + 1);
    }

    #[test]
    fn a_wrong_key_opens_neither_seal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.db");
        drop(test_ledger::demo(&path, 3, 1, false));
        let wrong = crate::store::DataKey::from_bytes([8; 32]);
        let office = crate::config::Office::builtin();
        assert!(matches!(
            Store::open(&path, office, &wrong),
            Err(crate::store::StoreError::Key(KeyError::WrongKey))
        ));
    }
}
