//! What earlier imports brought in: the keys (`no:<原编号>`, `row:<hash>`) of the cases
//! whose intake names an origin, so that importing a file again creates nothing twice.

use std::collections::HashSet;

use super::{Result, Store};

impl Store {
    /// Every key an imported case is known by. A scan of the cases: imports are rare,
    /// and the keys live in the journaled intake, not in a table of their own.
    pub fn imported_keys(&self) -> Result<HashSet<String>> {
        let mut stmt = self.conn.prepare(
            "SELECT json_extract(doc, '$.intake.origin.old_no'),
                    json_extract(doc, '$.intake.origin.row')
             FROM cases WHERE json_extract(doc, '$.intake.origin') IS NOT NULL",
        )?;
        let mut keys = HashSet::new();
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, Option<String>>(0)?,
                r.get::<_, Option<String>>(1)?,
            ))
        })?;
        for row in rows {
            let (no, hash) = row?;
            keys.extend(no.map(|n| format!("no:{n}")));
            keys.extend(hash.map(|h| format!("row:{h}")));
        }
        Ok(keys)
    }
}
