//! The desk's case rows kept between reloads: a dashboard reload made every listed case's
//! row anew (its document read, authenticated, decrypted and parsed, its clocks worked
//! out), a sixth of the reload at a million cases. A row is reused while its case's
//! version and the day are the same (every write of a case raises its version); the whole
//! cache goes when the reader or the office's profile changes, and past `KEPT` rows.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::NaiveDate;

use super::queries::CaseRow;

/// Rows kept at most (a few screens' worth).
const KEPT: usize = 1024;

#[derive(Debug, Default)]
pub(super) struct RowCache(RefCell<HashMap<i64, (NaiveDate, CaseRow)>>);

impl RowCache {
    /// The row of case `id` at `version` made on `today`, if kept.
    pub(super) fn get(&self, id: i64, version: i64, today: NaiveDate) -> Option<CaseRow> {
        let kept = self.0.borrow();
        let (day, row) = kept.get(&id)?;
        (*day == today && row.version == version).then(|| row.clone())
    }

    pub(super) fn put(&self, row: &CaseRow, today: NaiveDate) {
        let mut kept = self.0.borrow_mut();
        if kept.len() >= KEPT {
            kept.clear();
        }
        kept.insert(row.case.id, (today, row.clone()));
    }

    pub(super) fn forget(&self) {
        self.0.borrow_mut().clear();
    }
}
