//! 初信初访一次办结 (`domain::stats`, `FigureKey::FirstTimeOnce`): for the first-time cases a
//! report counts as replied to, the receipt instant of the first case the same person brought
//! after it — the petitioner indexes sought forwards, as `earlier_petitioner` seeks them
//! backwards (same ID number, phone, or name and address; a later second, or the same second
//! and a larger id). Asked per report for the few cases replied to in its windows, not kept:
//! a later case changes an earlier case's answer without a write of the earlier case.

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
