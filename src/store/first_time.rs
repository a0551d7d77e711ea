//! 初信初访 closed-loop list (seed 002 (八) 1: 初信初访办理清单闭环管理): the open first-time
//! cases the viewer may see, with their owners and clocks. A case is first-time when it is
//! not a repeat as the report counts one (`domain::stats`): not linked at intake to an earlier
//! case nor a 复查 of one (`linked`), and no petitioner of it brought a case received earlier
//! (`earlier_petitioner`, kept by the petitioners' trigger as the repeat panel matches them).

use chrono::NaiveDate;

use super::cases::CaseRef;
use super::queries::CaseRow;
use super::{Result, Store, StoreError};

impl Store {
    /// The first-time cases not yet replied to, oldest first, as the viewer may see them.
    pub fn first_time_open(&self, today: NaiveDate) -> Result<Vec<CaseRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id FROM case_facts
              WHERE replied_on IS NULL AND state IN ('intake', 'registered', 'assigned')
                AND NOT linked AND NOT earlier_petitioner
              ORDER BY received_at, id",
        )?;
        let ids: Vec<i64> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::new();
        for id in ids {
            match self.case(&CaseRef::Id(id), today) {
                Ok(row) => out.push(row),
                // Hidden from the viewer (Art 30 第三款): not on their list.
                Err(StoreError::CaseNotFound(_)) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(out)
    }
}
