//! 初信初访 and 重复信访 counted by day (migration 0033): the triggers on `case_facts` keep
//! the rows under the rule in `facts_days_rule`; this module makes them in one pass when
//! the rule is missing or is not the office's (a bulk load, a new migration, a changed
//! 一次办结 window), sums a window's days for the report, and recounts them for `check`.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::Result;
use super::findings::{CheckReport, Table};
use crate::domain::rules::Rules;

/// Every row the facts make under the rule (?1 the UTC offset in seconds, ?2 the 一次办结
/// window in days): the triggers' expressions, grouped (`check` holds them to each other).
const RECOUNT: &str = "SELECT day, kind, count(*) FROM (
  SELECT served_on AS day,
         CASE WHEN received_at >= unixepoch(served_on, '+1 day') - ?1 THEN 'odd'
              ELSE 'closed' END AS kind
    FROM case_facts
   WHERE NOT linked AND NOT earlier_petitioner AND served_on IS NOT NULL
  UNION ALL
  SELECT served_on, 'once' FROM case_facts
   WHERE NOT linked AND NOT earlier_petitioner AND served_on IS NOT NULL
     AND received_at < unixepoch(served_on, '+1 day') - ?1 AND attached IS NULL
     AND (again_at IS NULL OR again_at >= unixepoch(served_on, '+' || (?2 + 1) || ' days') - ?1)
  UNION ALL
  SELECT date(received_at + ?1, 'unixepoch'), 'repeat' FROM case_facts
   WHERE linked OR earlier_petitioner
) GROUP BY day, kind";

/// The rule the rows are kept under for `rules`: (UTC offset in seconds, window in days).
fn rule(rules: &Rules) -> (i64, i64) {
    let p = rules.policy;
    (
        i64::from(p.utc_offset.local_minus_utc()),
        i64::from(p.first_time_window_days),
    )
}

/// Whether the ledger has the tables (schema 33 on).
pub(super) fn present(conn: &Connection) -> Result<bool> {
    let mut stmt = conn.prepare_cached(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'facts_days_rule'",
    )?;
    Ok(stmt.exists([])?)
}

/// Whether the rows are kept under the office's rule now.
pub(super) fn valid(conn: &Connection, rules: &Rules) -> Result<bool> {
    if !present(conn)? {
        return Ok(false);
    }
    let stored: Option<(i64, i64)> = conn
        .prepare_cached("SELECT utc_offset, window_days FROM facts_days_rule WHERE id = 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(stored == Some(rule(rules)))
}

/// Stops the triggers keeping the rows (a bulk load writes without them; `make` follows).
pub(super) fn forget(conn: &Connection) -> Result<()> {
    if present(conn)? {
        conn.execute("DELETE FROM facts_days_rule", [])?;
    }
    Ok(())
}

/// Makes every row anew under `rules`, in the caller's transaction.
pub(super) fn make(conn: &Connection, rules: &Rules) -> Result<()> {
    if !present(conn)? {
        return Ok(());
    }
    let (offset, window) = rule(rules);
    conn.execute("DELETE FROM facts_days", [])?;
    conn.execute(
        &format!("INSERT INTO facts_days (day, kind, n) {RECOUNT}"),
        params![offset, window],
    )?;
    conn.execute(
        "INSERT INTO facts_days_rule (id, utc_offset, window_days) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET utc_offset = excluded.utc_offset,
                                        window_days = excluded.window_days",
        params![offset, window],
    )?;
    Ok(())
}

/// On a writable open: makes the rows when they are not kept under the office's rule.
pub(super) fn ensure(conn: &Connection, rules: &Rules) -> Result<()> {
    if !present(conn)? || valid(conn, rules)? {
        return Ok(());
    }
    let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    if !valid(&tx, rules)? {
        make(&tx, rules)?;
    }
    tx.commit()?;
    Ok(())
}

/// The sums of each kind over the days `from..=to` (`YYYY-MM-DD`).
pub(super) fn sums(conn: &Connection, from: &str, to: &str) -> Result<BTreeMap<String, u64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, sum(n) FROM facts_days WHERE day >= ?1 AND day <= ?2 GROUP BY kind",
    )?;
    let rows = stmt.query_map([from, to], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
    })?;
    let mut out = BTreeMap::new();
    for row in rows {
        let (kind, n) = row?;
        out.insert(kind, u64::try_from(n).unwrap_or(0));
    }
    Ok(out)
}

/// `check`: the rows against the recount from the facts rows, where they are kept under
/// the office's rule.
pub(super) fn check(conn: &Connection, rules: &Rules, report: &mut CheckReport) -> Result<()> {
    if !valid(conn, rules)? {
        return Ok(());
    }
    let (offset, window) = rule(rules);
    type Rows = BTreeMap<(String, String), i64>;
    let read = |sql: &str, args: &[&dyn rusqlite::ToSql]| -> Result<Rows> {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map(args, |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let want = read(RECOUNT, &[&offset, &window])?;
    let mut found = read("SELECT day, kind, n FROM facts_days WHERE n <> 0", &[])?;
    // A row missing or extra is named as a row; one with another amount by its `n`.
    for ((day, kind), n) in want {
        let key = format!("{day} {kind}");
        match found.remove(&(day, kind)) {
            Some(got) if got == n => {}
            Some(got) => report.differ(Table::FactsDays, key, "n", n.to_string(), got.to_string()),
            None => report.differ(Table::FactsDays, key, "(row)", n.to_string(), "0"),
        }
    }
    for ((day, kind), n) in found {
        let key = format!("{day} {kind}");
        report.differ(Table::FactsDays, key, "(row)", "0", n.to_string());
    }
    Ok(())
}
