//! Whether another connection committed since we last looked: SQLite's
//! `PRAGMA data_version` changes on a commit by any other connection (this
//! one's own commits leave it be), read from the shared WAL index without
//! touching a table. The desk asks it on its idle tick (issue 17 point 3).

use super::{Result, Store};

impl Store {
    /// A number that changes when another connection (another desk,
    /// `xinfang apply`) commits to the ledger.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Office;
    use crate::store::{Store, test_ledger};

    /// Another connection's commit changes it; reading does not, nor does
    /// this connection's own write.
    #[test]
    fn another_connections_commit_changes_the_data_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.db");
        let mut a = test_ledger::demo(&path, 3, 1, false);
        let mut b = Store::open(&path, Office::builtin(), &test_ledger::key()).unwrap();
        let before = a.data_version().unwrap();
        a.has_no_cases().unwrap();
        assert_eq!(a.data_version().unwrap(), before);
        b.set_meta("office_name", "某区信访局").unwrap();
        assert_ne!(a.data_version().unwrap(), before);
        let now = b.data_version().unwrap();
        a.set_meta("office_name", "某县信访局").unwrap();
        assert_ne!(b.data_version().unwrap(), now);
    }
}
