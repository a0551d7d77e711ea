//! What the benches share: a demo ledger written on the fly, for a fresh clone without
//! XINFANG_BENCH_DB.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use xinfang::config::Office;
use xinfang::demo::{DemoOptions, generate};
use xinfang::store::Store;

/// Writes a demo ledger of `cases` into a new temp dir (bulk loading, as `xinfang demo`);
/// the ledger lives as long as the returned dir.
#[allow(dead_code)] // each bench includes this module; not every one writes a ledger
pub fn demo_ledger(
    office: &Office,
    cases: usize,
    seed: u64,
    now: DateTime<FixedOffset>,
) -> (PathBuf, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("a temp dir for the demo ledger");
    let path = dir.path().join("bench.db");
    let mut store = Store::open(&path, office.clone(), &key()).expect("create the demo ledger");
    store.set_bulk_loading(true).expect("bulk loading on");
    let opts = DemoOptions { cases, seed, now };
    generate(&mut store, &opts).expect("write the demo ledger");
    store.set_bulk_loading(false).expect("bulk loading off");
    (path, dir)
}

/// The benches' data key: a ledger made on the fly has a fixed one; a real one
/// (`XINFANG_BENCH_DB` made by `xinfang demo`, `init` or `encrypt`) is opened
/// with its recovery key, read from the file `XINFANG_BENCH_RECOVERY_KEY_FILE`
/// names (the key itself never in the environment).
#[allow(dead_code)] // each bench includes this module; not every one opens a ledger
pub fn key() -> xinfang::store::DataKey {
    match std::env::var_os("XINFANG_BENCH_RECOVERY_KEY_FILE") {
        Some(file) => {
            let text =
                std::fs::read_to_string(&file).expect("read XINFANG_BENCH_RECOVERY_KEY_FILE");
            xinfang::store::DataKey::from_recovery(text.trim())
                .expect("a recovery key in XINFANG_BENCH_RECOVERY_KEY_FILE")
        }
        None => xinfang::store::DataKey::from_bytes([7; 32]),
    }
}
