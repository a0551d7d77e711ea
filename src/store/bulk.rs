//! Bulk loading (the demo ledger): what makes writing a million cases take
//! seconds per hundred thousand rather than minutes, and how the ledger is
//! put back to its everyday durable state afterwards.

use rusqlite::{Connection, OptionalExtension};

use super::{Result, again, dashboard_counts, facts, rollup, search, signed};

/// The meta row that holds the indexes dropped for the load, so that the
/// end recreates exactly those.
const SAVED: &str = "bulk_load_indexes";

/// The tables the load writes; their triggers' work is done once at the end.
const TABLES: &str = "('cases', 'case_facts', 'petitioners', 'events')";

/// The tables whose secondary indexes are built once at the end (a sort) instead of row by
/// row (a random B-tree walk each): their keys (names, phone numbers, states) land all over
/// the index, and the tables are small. Not `cases` nor `events`: their indexes are keyed
/// mostly by time and id, so kept as the rows are written they touch the same few hot pages,
/// while building each at the end read the whole table once more (3 KB a case, 6 KB of
/// events), every page authenticated and decrypted again: with `events` built at the end the
/// demo took a fifth more CPU.
const INDEXED_AT_END: &str = "('case_facts', 'petitioners')";

pub(super) fn begin(conn: &Connection) -> Result<()> {
    // No WAL while loading: it writes every page twice (log, then the
    // checkpoint). A rollback journal in memory still undoes a failed
    // batch; only a crash mid-load can spoil the file, and a demo is redone.
    conn.query_row("PRAGMA journal_mode = MEMORY", [], |_| Ok(()))?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    conn.pragma_update(None, "cache_size", -262_144)?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    let tx = conn.unchecked_transaction()?;
    let indexes: Vec<(String, String)> = tx
        .prepare(&format!(
            "SELECT name, sql FROM sqlite_master
             WHERE sql IS NOT NULL AND (type = 'trigger' AND tbl_name IN {TABLES}
                   OR type = 'index' AND tbl_name IN {INDEXED_AT_END})
             ORDER BY type = 'trigger'"
        ))?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let sql: Vec<&str> = indexes.iter().map(|(_, s)| s.as_str()).collect();
    tx.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = ?2",
        (SAVED, serde_json::to_string(&sql)?),
    )?;
    for (name, sql) in &indexes {
        let kind = if sql.starts_with("CREATE TRIGGER") {
            "TRIGGER"
        } else {
            "INDEX"
        };
        tx.execute(
            &format!("DROP {kind} \"{}\"", name.replace('"', "\"\"")),
            [],
        )?;
    }
    search::set_bulk_loading(&tx, true)?;
    // The report's rollups are not kept while loading: made once at the end.
    rollup::forget(&tx)?;
    tx.commit()?;
    Ok(())
}

pub(super) fn end(conn: &Connection) -> Result<()> {
    let tx = conn.unchecked_transaction()?;
    let saved: Option<String> = tx
        .query_row("SELECT value FROM meta WHERE key = ?1", [SAVED], |r| {
            r.get(0)
        })
        .optional()?;
    if let Some(saved) = saved {
        // The petitioners' trigger was off: count them once, as migration 0008 does.
        tx.execute_batch(
            "DELETE FROM person_counts;
             INSERT INTO person_counts (id_number, name, cases, latest)
                 SELECT id_number, max(name), count(*), max(case_id)
                   FROM petitioners WHERE id_number IS NOT NULL GROUP BY id_number;",
        )?;
        // The start's tallies, the charts' by department, the dashboard's counts, the
        // accused names and the confidential cases' changes were not kept either
        // (migrations 0029, 0035, 0036 and 0038).
        tx.execute_batch(
            "DELETE FROM case_tallies;
             INSERT INTO case_tallies (state, due, n)
                 SELECT state, coalesce(next_due, ''), count(*) FROM cases GROUP BY 1, 2;
             DELETE FROM department_tallies;
             INSERT INTO department_tallies (department, due, n)
                 SELECT coalesce(department, ''), next_due, count(*) FROM cases
                  WHERE next_due IS NOT NULL GROUP BY 1, 2;
             INSERT OR IGNORE INTO accused_names (name)
                 SELECT target FROM cases WHERE target IS NOT NULL
                 UNION SELECT target_person FROM cases WHERE target_person IS NOT NULL;
             UPDATE confidential_changes SET n = n + 1 WHERE id = 1;",
        )?;
        // And the letters by hour (migration 0040).
        tx.execute_batch(&format!(
            "DELETE FROM letters_hours;
             INSERT INTO letters_hours (hour, received, signed) {};",
            signed::LETTERS_BY_HOUR
        ))?;
        dashboard_counts::make(&tx)?;
        let sql: Vec<String> = serde_json::from_str(&saved)?;
        // The petitioners' indexes first: the flags below look petitioners up by them.
        let (petitioners, rest): (Vec<&String>, Vec<&String>) = sql
            .iter()
            .partition(|s| s.starts_with("CREATE INDEX") && s.contains(" ON petitioners ("));
        for s in petitioners {
            tx.execute(s, [])?;
        }
        // The repeat trigger was off too, and every report row was written unflagged: only
        // the repeats are flagged, before the report rows' indexes and triggers are back
        // (each would be kept at every row written).
        tx.execute(
            &format!(
                "UPDATE case_facts SET earlier_petitioner = 1
                  WHERE earlier_petitioner = 0 AND {}",
                facts::EARLIER_PETITIONER
            ),
            [],
        )?;
        // And the next case's receipt on each earlier case (migration 0030's trigger).
        again::mark(&tx)?;
        for s in rest {
            tx.execute(s, [])?;
        }
        tx.execute("DELETE FROM meta WHERE key = ?1", [SAVED])?;
    }
    search::set_bulk_loading(&tx, false)?;
    tx.commit()?;
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "cache_size", -8192)?;
    conn.pragma_update(None, "temp_store", "DEFAULT")?;
    Ok(())
}
