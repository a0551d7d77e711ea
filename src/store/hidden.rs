//! The cases that accuse a reader (2022 Art 30 第三款), kept as a short list of ids so
//! that a list or a count leaves them out with `id NOT IN (…)` and still reads only its own
//! index. Written as a condition on every row instead, each count of the queue read every
//! open case's row: seconds at a million cases.
//!
//! What accuses a reader changes with a new case, and rarely after it (a leader's 更正 of
//! the accused, `domain::workflow::correct`): the list is found first through the accused
//! columns' indexes (migration 19), then brought up to date from the cases added since, by
//! id, and made anew whenever any connection has changed an accused (`accused_changes`,
//! migration 44). A clerk's reach (not others' 保密 cases) stays a condition on the row,
//! answered from an index of its own.

use std::cell::RefCell;
use std::rc::Rc;

use rusqlite::{Connection, OptionalExtension};

use super::Result;
use crate::domain::rules::Operator;
use crate::domain::visibility::accuses;

/// Longer lists are left to the row-by-row condition: an `IN` list of thousands costs
/// more than reading the rows (a reader whose department most cases accuse).
pub(super) const MOST: usize = 2_000;

/// The hidden ids for one reader, the newest case id they account for, and the count of
/// changed accused they were found at.
#[derive(Debug, Clone, Default)]
struct Known {
    reader: String,
    upto: i64,
    changes: i64,
    ids: Rc<Vec<i64>>,
}

#[derive(Debug, Default)]
pub(super) struct HiddenCache(RefCell<Option<Known>>);

impl HiddenCache {
    pub(super) fn forget(&self) {
        *self.0.borrow_mut() = None;
    }
}

/// Every name a case has accused, kept as cases are written (`accused_names`, migration
/// 0029): a few pages, where a seek per distinct value of the accused columns' indexes read
/// a page each from a cold disk at the desk's start.
fn accused_names(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT name FROM accused_names")?;
    let names = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(names.collect::<rusqlite::Result<_>>()?)
}

/// Every id that accuses `who`, from the indexes: the accused names that name them first,
/// then the cases naming those. Stops past [`MOST`].
fn from_indexes(conn: &Connection, who: &Operator) -> Result<Vec<i64>> {
    let mut ids = Vec::new();
    let names = accused_names(conn)?;
    let accusing: Vec<&String> = names
        .iter()
        .filter(|v| accuses(who, Some(v), None))
        .collect();
    for column in ["target", "target_person"] {
        let mut by = conn.prepare_cached(&format!(
            "SELECT id FROM cases WHERE {column} = ?1 AND {column} IS NOT NULL"
        ))?;
        for v in &accusing {
            let rows = by.query_map([v], |r| r.get::<_, i64>(0))?;
            ids.extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
            if ids.len() > MOST {
                return Ok(ids);
            }
        }
    }
    Ok(ids)
}

/// The ids among the cases after `after` that accuse `who`, row by row (the few added since).
fn added_since(conn: &Connection, who: &Operator, after: i64) -> Result<Vec<i64>> {
    let mut stmt =
        conn.prepare_cached("SELECT id, target, target_person FROM cases WHERE id > ?1")?;
    let rows = stmt.query_map([after], |r| {
        let (t, p): (Option<String>, Option<String>) = (r.get(1)?, r.get(2)?);
        Ok((
            r.get::<_, i64>(0)?,
            accuses(who, t.as_deref(), p.as_deref()),
        ))
    })?;
    let mut ids = Vec::new();
    for row in rows {
        let (id, accused) = row?;
        if accused {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// The ids of the cases that accuse `who`, as of the newest case now in the ledger.
pub(super) fn hidden(
    conn: &Connection,
    cache: &HiddenCache,
    who: &Operator,
) -> Result<Rc<Vec<i64>>> {
    let newest: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM cases", [], |r| r.get(0))?;
    let changes = accused_changes(conn)?;
    let known = (cache.0.borrow().clone()).filter(|k| k.reader == who.name && k.changes == changes);
    let mut ids = match known {
        Some(k) if k.upto == newest => return Ok(k.ids),
        Some(k) if k.upto < newest => {
            let mut ids = (*k.ids).clone();
            ids.extend(added_since(conn, who, k.upto)?);
            ids
        }
        _ => from_indexes(conn, who)?,
    };
    ids.sort_unstable();
    ids.dedup();
    let ids = Rc::new(ids);
    *cache.0.borrow_mut() = Some(Known {
        reader: who.name.clone(),
        upto: newest,
        changes,
        ids: Rc::clone(&ids),
    });
    Ok(ids)
}

/// How many times a case's accused has been changed after its intake (migration 44).
fn accused_changes(conn: &Connection) -> Result<i64> {
    let mut stmt = conn.prepare_cached("SELECT n FROM accused_changes WHERE id = 1")?;
    Ok(stmt.query_row([], |r| r.get(0)).optional()?.unwrap_or(0))
}

/// `id NOT IN (…)` for `ids` on columns prefixed with `p`; "1" when there are none.
pub(super) fn not_in(p: &str, ids: &[i64]) -> String {
    if ids.is_empty() {
        return "1".to_owned();
    }
    let list: Vec<String> = ids.iter().map(i64::to_string).collect();
    format!("{p}id NOT IN ({})", list.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::types::Role;

    /// The list brought up to date from the cases added since is the list found afresh
    /// through the indexes; a reader accused nowhere has none.
    #[test]
    fn the_list_kept_up_to_date_is_the_list_found_afresh() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::test_ledger::demo(&dir.path().join("l.db"), 300, 3, false);
        let conn = &store.conn;
        let person: String = conn
            .query_row(
                "SELECT target_person FROM cases WHERE target_person IS NOT NULL LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let who = Operator {
            name: person,
            role: Role::Leader,
            department: None,
            active: true,
            unit: None,
            department_wide: false,
        };
        let fresh = hidden(conn, &HiddenCache::default(), &who).unwrap();
        assert!(!fresh.is_empty());
        // As if the list had been made when half the cases were there.
        let half: i64 = conn
            .query_row("SELECT max(id) / 2 FROM cases", [], |r| r.get(0))
            .unwrap();
        let cache = HiddenCache::default();
        *cache.0.borrow_mut() = Some(Known {
            reader: who.name.clone(),
            upto: half,
            changes: 0,
            ids: Rc::new(fresh.iter().copied().filter(|id| *id <= half).collect()),
        });
        assert_eq!(hidden(conn, &cache, &who).unwrap(), fresh);
        let nobody = Operator {
            name: "无人检举".to_owned(),
            ..who
        };
        assert!(
            hidden(conn, &HiddenCache::default(), &nobody)
                .unwrap()
                .is_empty()
        );
    }
}
