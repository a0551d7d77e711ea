//! 初信初访一次办结 (`domain::stats`, `FigureKey::FirstTimeOnce`): for the first-time cases a
//! report counts as replied to, the receipt instant of the first case the same person brought
//! after it — the petitioner indexes sought forwards, as `earlier_petitioner` seeks them
//! backwards (same ID number, phone, or name and address; a later second, or the same second
//! and a larger id). Kept on the earlier case's report row (`again_at`, migration 30: a
//! trigger on the petitioners writes it forward, [`mark`] sets it after a bulk load, `check`
//! compares it with [`differing`]); asked per case here for the documents' path and for a
//! ledger read before that schema.

use rusqlite::{Connection, OptionalExtension};

use crate::domain::stats::CaseFacts;

const AGAIN: &str = "
SELECT min(at) FROM (
  SELECT min(q.received_at) AS at FROM petitioners p JOIN petitioners q
      ON q.id_number = p.id_number AND (q.received_at, q.case_id) > (p.received_at, p.case_id)
   WHERE p.case_id = ?1 AND p.id_number IS NOT NULL AND p.id_number <> ''
  UNION ALL
  SELECT min(q.received_at) FROM petitioners p JOIN petitioners q
      ON q.phone = p.phone AND (q.received_at, q.case_id) > (p.received_at, p.case_id)
   WHERE p.case_id = ?1 AND p.phone IS NOT NULL AND p.phone <> ''
  UNION ALL
  SELECT min(q.received_at) FROM petitioners p JOIN petitioners q
      ON q.name = p.name AND q.address = p.address
     AND (q.received_at, q.case_id) > (p.received_at, p.case_id)
   WHERE p.case_id = ?1 AND p.name <> '' AND p.address IS NOT NULL AND p.address <> '')";

/// The same for a ledger before schema 6 (no receipt time on petitioners): each match's
/// receipt looked up in `cases`.
const AGAIN_SCAN: &str = "
SELECT min(at) FROM (
  SELECT min(qc.received_at) AS at FROM petitioners p JOIN cases pc ON pc.id = p.case_id
    JOIN petitioners q ON q.id_number = p.id_number JOIN cases qc ON qc.id = q.case_id
   WHERE p.case_id = ?1 AND p.id_number IS NOT NULL AND p.id_number <> ''
     AND (qc.received_at, qc.id) > (pc.received_at, pc.id)
  UNION ALL
  SELECT min(qc.received_at) FROM petitioners p JOIN cases pc ON pc.id = p.case_id
    JOIN petitioners q ON q.phone = p.phone JOIN cases qc ON qc.id = q.case_id
   WHERE p.case_id = ?1 AND p.phone IS NOT NULL AND p.phone <> ''
     AND (qc.received_at, qc.id) > (pc.received_at, pc.id)
  UNION ALL
  SELECT min(qc.received_at) FROM petitioners p JOIN cases pc ON pc.id = p.case_id
    JOIN petitioners q ON q.name = p.name AND q.address = p.address
    JOIN cases qc ON qc.id = q.case_id
   WHERE p.case_id = ?1 AND p.name <> '' AND p.address IS NOT NULL AND p.address <> ''
     AND (qc.received_at, qc.id) > (pc.received_at, pc.id))";

/// Whether a petitioner of case `id` brought a case received before it (the same rule as
/// `earlier_petitioner`, for one case: the documents path knows it only for the cases
/// received in a report's windows, and 初信初访 also counts older cases replied to in them).
pub(super) fn earlier(conn: &Connection, id: i64, indexed: bool) -> rusqlite::Result<bool> {
    let sql = (if indexed { AGAIN } else { AGAIN_SCAN })
        .replace("min(", "max(")
        .replace(") > (p", ") < (p");
    let mut stmt = conn.prepare_cached(&sql)?;
    Ok(stmt
        .query_row([id], |r| r.get::<_, Option<i64>>(0))
        .optional()?
        .flatten()
        .is_some())
}

/// Sets `again` on the first-time cases of `facts` that were replied to (the others do not
/// count in 初信初访).
pub(super) fn fill(conn: &Connection, facts: &mut [CaseFacts]) -> rusqlite::Result<()> {
    for f in facts
        .iter_mut()
        .filter(|f| f.reply.is_some() && !f.linked && !f.earlier_petitioner)
    {
        f.again = of(conn, f.id, true)?;
    }
    Ok(())
}

/// The receipt instant of the first case the same person brought after case `id`.
pub(super) fn of(conn: &Connection, id: i64, indexed: bool) -> rusqlite::Result<Option<i64>> {
    let mut stmt = conn.prepare_cached(if indexed { AGAIN } else { AGAIN_SCAN })?;
    Ok(stmt
        .query_row([id], |r| r.get::<_, Option<i64>>(0))
        .optional()?
        .flatten())
}

/// For each case with a later case of the same person, that case's receipt (`case_id`,
/// `at`): each person's cases in receipt order, each case once per person, and the next
/// one's receipt (as migration 0030 sets `again_at`).
const LATER: &str = "
SELECT case_id, min(nxt) AS at FROM (
    SELECT case_id, lead(received_at) OVER (PARTITION BY k ORDER BY received_at, case_id)
           AS nxt
      FROM (SELECT DISTINCT id_number AS k, case_id, received_at FROM petitioners
             WHERE id_number <> '')
    UNION ALL
    SELECT case_id, lead(received_at) OVER (PARTITION BY k ORDER BY received_at, case_id)
      FROM (SELECT DISTINCT phone AS k, case_id, received_at FROM petitioners
             WHERE phone <> '')
    UNION ALL
    SELECT case_id, lead(received_at) OVER (PARTITION BY k, a ORDER BY received_at, case_id)
      FROM (SELECT DISTINCT name AS k, address AS a, case_id, received_at FROM petitioners
             WHERE name <> '' AND address <> ''))
 WHERE nxt IS NOT NULL GROUP BY case_id";

/// Whether the ledger keeps `again_at` (schema 30 on).
pub(super) fn kept(conn: &Connection) -> rusqlite::Result<bool> {
    let mut stmt = conn
        .prepare_cached("SELECT 1 FROM pragma_table_info('case_facts') WHERE name = 'again_at'")?;
    stmt.exists([])
}

/// Sets every `again_at` from the petitioners: for the bulk writer, which loads without
/// the trigger that keeps them (into rows whose `again_at` is still NULL: only the rows with
/// a later case are written).
pub(super) fn mark(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        &format!(
            "UPDATE case_facts SET again_at = later.at FROM ({LATER}) AS later
              WHERE case_facts.id = later.case_id AND case_facts.again_at IS NOT later.at"
        ),
        [],
    )?;
    Ok(())
}

/// A row whose `again_at` differs: id, case number, stored, recomputed.
pub(super) type Differing = (i64, Option<String>, Option<i64>, Option<i64>);

/// The rows whose `again_at` differs from the petitioners', for `check`.
pub(super) fn differing(conn: &Connection) -> rusqlite::Result<Vec<Differing>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT f.id, f.case_no, f.again_at, later.at FROM case_facts f
           LEFT JOIN ({LATER}) AS later ON later.case_id = f.id
          WHERE f.again_at IS NOT later.at"
    ))?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    rows.collect()
}
