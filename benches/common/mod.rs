//! What the benches share: a demo ledger written on the fly, for a fresh clone without
//! XINFANG_BENCH_DB.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use xinfang::config::Office;
use xinfang::demo::{DemoOptions, generate};
use xinfang::store::Store;

/// Writes a demo ledger of `cases` into a new temp dir (bulk loading, as `xinfang demo`);
/// the ledger lives as long as the returned dir.
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

/// The benches' data key (a real ledger's is random).
pub fn key() -> xinfang::store::DataKey {
    xinfang::store::DataKey::from_bytes([7; 32])
}
