//! Demo ledgers for the store's own tests.

use std::path::Path;

use chrono::{DateTime, FixedOffset};

use super::Store;
use crate::config::Office;
use crate::demo::{DemoOptions, generate};

/// When the tests' demo ledgers are written.
pub(crate) fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-10T15:20:00+08:00").expect("a valid instant")
}

/// A demo ledger of `cases` cases at `path`, written in bulk (the demo writer's way: the
/// indexes and triggers only at the end) or one command at a time.
pub(crate) fn demo(path: &Path, cases: usize, seed: u64, bulk: bool) -> Store {
    let mut store = Store::open(path, Office::builtin(), &key()).expect("a new ledger");
    store.set_bulk_loading(bulk).expect("bulk loading");
    let opts = DemoOptions {
        cases,
        seed,
        now: now(),
    };
    generate(&mut store, &opts).expect("the demo");
    if bulk {
        store
            .set_bulk_loading(false)
            .expect("the end of bulk loading");
    }
    store
}

/// The store's tests' data key (a real ledger's is random).
pub(crate) fn key() -> super::DataKey {
    super::DataKey::from_bytes([7; 32])
}
