//! 更正 (`domain::correction`) in the rows kept from a case's intake, which nothing else
//! changes after it: the petitioners (with the repeat petitioners' counts and the
//! 初信初访 marks they feed), the summary, the main name and count of people, the accused,
//! and the search entry (the report's row and rollups follow the case as at every step). Written in
//! the correction's transaction, so that `check` finds them as if the case had been taken
//! in so.

use std::collections::BTreeSet;

use rusqlite::{Connection, params};

use super::{Result, again, cases, search};
use crate::domain::case::Case;
use crate::domain::visibility::accused_keys;

/// One petitioner's keys of the repeat rule: ID number, phone, name and address.
type Keys = (Option<String>, Option<String>, String, Option<String>);

/// Rewrites the rows of `case`'s intake after a correction.
pub(super) fn write(tx: &Connection, case: &Case) -> Result<()> {
    let id = case.id;
    let before = keys(tx, id)?;
    tx.prepare_cached("DELETE FROM petitioners WHERE case_id = ?1")?
        .execute([id])?;
    cases::write_petitioners(tx, case)?;
    let after = keys(tx, id)?;
    // Every case that shares a key with the petitioners before or after: its marks may
    // have come from this case, or may now.
    let mut touched = BTreeSet::from([id]);
    for k in before.iter().chain(&after) {
        touched.extend(sharing(tx, k)?);
    }
    for other in touched {
        remark(tx, other)?;
    }
    let numbers: BTreeSet<&String> = (before.iter().chain(&after))
        .filter_map(|k| k.0.as_ref())
        .collect();
    for number in numbers {
        recount(tx, number)?;
    }
    // The count's triggers keep the dashboard's group visits (人数 5 or more); 保密's, the
    // change every reader's reach is kept against (migration 0038); the accused's, the
    // accused names and the change every reader's hidden cases are kept against (0029, 0044).
    let i = &case.intake;
    let accused = accused_keys(i);
    tx.prepare_cached(
        "UPDATE cases SET main_name = ?2, people = ?3, confidential = ?4, target = ?5,
             target_person = ?6
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        i.main_petitioner().map(|p| &p.name),
        i.people,
        i.confidential,
        accused.0,
        accused.1,
    ])?;
    tx.prepare_cached("UPDATE case_summaries SET summary = ?2 WHERE id = ?1")?
        .execute(params![id, case.intake.summary])?;
    tx.prepare_cached("DELETE FROM case_search WHERE rowid = ?1")?
        .execute([id])?;
    search::index_case_tokens(tx, id, &search::index_tokens(&search::case_text(case)))
}

fn keys(tx: &Connection, id: i64) -> Result<Vec<Keys>> {
    let mut stmt = tx.prepare_cached(
        "SELECT id_number, phone, name, address FROM petitioners WHERE case_id = ?1",
    )?;
    let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The cases with a petitioner of the same ID number, phone, or name and address.
fn sharing(tx: &Connection, (id_number, phone, name, address): &Keys) -> Result<Vec<i64>> {
    let mut stmt = tx.prepare_cached(
        "SELECT case_id FROM petitioners WHERE ?1 <> '' AND id_number = ?1
         UNION SELECT case_id FROM petitioners WHERE ?2 <> '' AND phone = ?2
         UNION SELECT case_id FROM petitioners
          WHERE ?3 <> '' AND ?4 <> '' AND name = ?3 AND address = ?4",
    )?;
    let rows = stmt.query_map(params![id_number, phone, name, address], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The case's repeat mark and the next receipt of the same person, as a bulk load sets them.
fn remark(tx: &Connection, id: i64) -> Result<()> {
    let earlier = again::earlier(tx, id, true)?;
    let next = again::of(tx, id, true)?;
    tx.prepare_cached(
        "UPDATE case_facts SET earlier_petitioner = ?2, again_at = ?3
          WHERE id = ?1 AND (earlier_petitioner IS NOT ?2 OR again_at IS NOT ?3)",
    )?
    .execute(params![id, earlier, next])?;
    Ok(())
}

/// The repeat petitioners' count of one ID number, as `bulk.rs` makes it.
fn recount(tx: &Connection, number: &str) -> Result<()> {
    tx.prepare_cached("DELETE FROM person_counts WHERE id_number = ?1")?
        .execute([number])?;
    tx.prepare_cached(
        "INSERT INTO person_counts (id_number, name, cases, latest)
         SELECT id_number, max(name), count(*), max(case_id)
           FROM petitioners WHERE id_number = ?1 GROUP BY id_number",
    )?
    .execute([number])?;
    Ok(())
}
