//! The report's narrow rows (`case_facts`, migration 0011): what `domain::stats` reads of a
//! case, written in the same transaction as every write of its case row (`cases.rs`), read
//! by `report.rs` in place of the documents.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, Row, params, params_from_iter};

pub(super) use super::facts_row::replied_on;
use super::facts_row::{insert, select_written, values, written_columns};
use super::findings::{BadRecord, CheckReport};
use super::{Result, StoreError, changed};
use crate::domain::case::Case;
use crate::domain::stats::{
    CaseFacts, Decided, DecisionKind, Extended, Outbound, Rating, Replied, Supervised, facts,
    letter_signed,
};
use crate::domain::types::{
    Channel, Level, Outcome, Satisfaction, State, SuperviseGround, Urgency,
};

/// The columns [`from_row`] reads, in its order.
const COLUMNS: &str = "id, state, channel, people, category, target, urgency,
    linked, earlier_petitioner, department, received_at, attached, decision, decided_at,
    served_on, outcome, unit_rating, office_rating, archived_at, extension_days, extended_at,
    supervisions, superior_due, reported_on, level, notice_at, hearings, outbound, report_by,
    report_received_on";

/// Whether a case's petitioner came before (ID number, phone, or name and address), as
/// migration 0011 and its trigger decide: `earlier_petitioner`, for `check` and the bulk load.
pub(super) const EARLIER_PETITIONER: &str = "EXISTS (
   SELECT 1 FROM petitioners p WHERE p.case_id = case_facts.id AND (
        (p.id_number <> '' AND EXISTS (SELECT 1 FROM petitioners q
            WHERE q.id_number = p.id_number
              AND (q.received_at, q.case_id) < (p.received_at, p.case_id)))
     OR (p.phone <> '' AND EXISTS (SELECT 1 FROM petitioners q
            WHERE q.phone = p.phone AND (q.received_at, q.case_id) < (p.received_at, p.case_id)))
     OR (p.name <> '' AND p.address <> '' AND EXISTS (SELECT 1 FROM petitioners q
            WHERE q.name = p.name AND q.address = p.address
              AND (q.received_at, q.case_id) < (p.received_at, p.case_id)))))";

/// Whether the ledger keeps the rows as [`COLUMNS`] reads them (schema 16 on: the hearings
/// and the 交办's report, the newest columns): a ledger opened read-only before its upgrade is
/// reported from its documents instead.
pub(super) fn present(conn: &Connection) -> Result<bool> {
    let mut stmt = conn.prepare_cached(
        "SELECT count(*) FROM pragma_table_info('case_facts')
          WHERE name IN ('hearings', 'outbound', 'report_by', 'report_received_on')",
    )?;
    let found: i64 = stmt.query_row([], |r| r.get(0))?;
    Ok(found == 4)
}

/// Writes the row of `case` (new or changed), before its petitioners when new: their
/// trigger sets `earlier_petitioner`, which a later write keeps.
pub(super) fn write(conn: &Connection, case: &Case) -> Result<()> {
    let new = values(case);
    let columns = written_columns();
    let Some(old) = changed::stored(conn, select_written(), case.id, columns.len())? else {
        conn.prepare_cached(insert())?
            .execute(params_from_iter(new))?;
        return Ok(());
    };
    // Only what changed (`changed.rs`): the id and the day received never do.
    let mut args = vec![Value::Integer(case.id)];
    let set = changed::assignments(columns, &old, new, &mut args);
    if let Some(set) = set.strip_prefix(", ") {
        conn.prepare_cached(&format!("UPDATE case_facts SET {set} WHERE id = ?1"))?
            .execute(params_from_iter(args))?;
    }
    Ok(())
}

/// Writes the summary of a new case (it never changes after intake).
pub(super) fn write_summary(conn: &Connection, case: &Case) -> Result<()> {
    conn.prepare_cached("INSERT INTO case_summaries (id, summary) VALUES (?1, ?2)")?
        .execute(params![case.id, case.intake.summary])?;
    Ok(())
}

/// The facts of the cases `ids` (ascending), by id. Where they are dense (a year's
/// report) the id range is read in one pass, skipping the others; where sparse (a
/// month's: the older open cases are scattered) each is looked up, in id order, so that
/// each page of the table is read once.
pub(super) fn read(conn: &Connection, ids: &[i64]) -> Result<Vec<CaseFacts>> {
    let (Some(&first), Some(&last)) = (ids.first(), ids.last()) else {
        return Ok(Vec::new());
    };
    let dense = (ids.len() as i64).saturating_mul(DENSE) >= last - first;
    let (filter, args): (_, Vec<rusqlite::types::Value>) = if dense {
        ("id >= ?1 AND id <= ?2", vec![first.into(), last.into()])
    } else {
        let list = serde_json::to_string(ids)?;
        ("id IN (SELECT value FROM json_each(?1))", vec![list.into()])
    };
    // In id order, which the merge below relies on (the rowid order: free).
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM case_facts WHERE {filter} ORDER BY id"
    ))?;
    let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
    let mut names = Names::default();
    // All at once: growing by doubling copied the rows and made the kernel zero fresh
    // pages for each copy (a third of a month's report).
    let mut out = Vec::with_capacity(ids.len());
    let mut wanted = ids.iter().copied().peekable();
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        while wanted.next_if(|w| *w < id).is_some() {}
        if wanted.next_if_eq(&id).is_some() {
            out.push(from_row(row, &mut names)?);
        }
    }
    Ok(out)
}

/// Ids this close together (one case in `DENSE` of the range) are read by a range scan.
const DENSE: i64 = 2;

/// The names read so far, each kept once (`CaseFacts` shares them).
#[derive(Default)]
struct Names(HashSet<Arc<str>>);

impl Names {
    fn get(&mut self, name: &str) -> Arc<str> {
        if let Some(known) = self.0.get(name) {
            return known.clone();
        }
        let new: Arc<str> = Arc::from(name);
        self.0.insert(new.clone());
        new
    }
}

/// The error for a damaged column `what` of the row `id`.
fn bad(id: i64, what: &str) -> StoreError {
    StoreError::Damaged(format!("case_facts row {id}: {what}"))
}

/// Column `$i` of row `$r` (id `$id`) as a code: NULL, or one of `$all` (else the row is
/// damaged). A macro: the code enums share no trait.
macro_rules! code {
    ($r:expr, $id:expr, $i:expr, $all:expr, $what:expr) => {
        match bytes($r, $i)? {
            Some(b) => Some(
                $all.into_iter()
                    .find(|k| k.code().as_bytes() == b)
                    .ok_or_else(|| bad($id, $what))?,
            ),
            None => None,
        }
    };
}

/// A row of [`COLUMNS`]. Codes are matched as bytes and dates read by hand: this runs for
/// every row a report reads, half a million for a year at a million cases.
fn from_row(r: &Row, names: &mut Names) -> Result<CaseFacts> {
    let id: i64 = r.get(0)?;
    let mut name = |i: usize| -> Result<Option<Arc<str>>> {
        let s = r
            .get_ref(i)?
            .as_str_or_null()
            .map_err(rusqlite::Error::from)?;
        Ok(s.map(|s| names.get(s)))
    };
    let category = name(4)?.ok_or_else(|| bad(id, "category"))?;
    let target = name(5)?;
    let department = name(9)?;
    let state = code!(r, id, 1, State::ALL, "state").ok_or_else(|| bad(id, "state"))?;
    let channel = code!(r, id, 2, Channel::ALL, "channel").ok_or_else(|| bad(id, "channel"))?;
    let urgency = code!(r, id, 6, [Urgency::Normal, Urgency::Major], "urgency")
        .ok_or_else(|| bad(id, "urgency"))?;
    let decision = decision(r, id)?;
    let reply = reply(r, id)?;
    let unit = code!(r, id, 16, Satisfaction::ALL, "unit_rating");
    let office = code!(r, id, 17, Satisfaction::ALL, "office_rating");
    let extension = extension(r, id)?;
    let text = |i: usize| -> Result<Option<&str>> {
        Ok(r.get_ref(i)?
            .as_str_or_null()
            .map_err(rusqlite::Error::from)?)
    };
    Ok(CaseFacts {
        id,
        state,
        channel,
        people: r.get(3)?,
        category,
        target,
        urgency,
        linked: r.get(7)?,
        earlier_petitioner: r.get(8)?,
        again: None,
        department,
        received_at: r.get(10)?,
        attached: decode_attached(text(11)?).ok_or_else(|| bad(id, "attached"))?,
        decision,
        reply,
        return_visit: unit
            .zip(office)
            .map(|(unit, office)| Rating { unit, office }),
        archived_at: r.get(18)?,
        extension,
        supervisions: decode_supervisions(text(21)?).ok_or_else(|| bad(id, "supervisions"))?,
        superior_due: optional_day(r, id, 22, "superior_due")?,
        reported: optional_day(r, id, 23, "reported_on")?,
        level: code!(r, id, 24, Level::ALL, "level").unwrap_or(Level::First),
        notice_at: r.get(25)?,
        hearings: decode_hearings(text(26)?).ok_or_else(|| bad(id, "hearings"))?,
        outbound: match r.get::<_, Option<bool>>(27)? {
            Some(true) => Some(Outbound {
                report_by: optional_day(r, id, 28, "report_by")?,
            }),
            Some(false) | None => None,
        },
        report_received: optional_day(r, id, 29, "report_received_on")?,
    })
}

/// Columns 12 and 13: the decision's kind and time.
fn decision(r: &Row, id: i64) -> Result<Option<Decided>> {
    Ok(match code!(r, id, 12, DecisionKind::ALL, "decision") {
        Some(kind) => Some(Decided {
            kind,
            at: r
                .get::<_, Option<i64>>(13)?
                .ok_or_else(|| bad(id, "decided_at"))?,
        }),
        None => None,
    })
}

/// Columns 14 and 15: the day the reply was served and its outcome.
fn reply(r: &Row, id: i64) -> Result<Option<Replied>> {
    Ok(match bytes(r, 14)? {
        Some(b) => Some(Replied {
            served: day(b).ok_or_else(|| bad(id, "served_on"))?,
            outcome: code!(r, id, 15, Outcome::ALL, "outcome"),
        }),
        None => None,
    })
}

/// Columns 19 and 20: the extension's days and time.
fn extension(r: &Row, id: i64) -> Result<Option<Extended>> {
    Ok(match r.get::<_, Option<u32>>(19)? {
        Some(days) => Some(Extended {
            days,
            at: r
                .get::<_, Option<i64>>(20)?
                .ok_or_else(|| bad(id, "extended_at"))?,
        }),
        None => None,
    })
}

/// A date column that may be empty.
fn optional_day(r: &Row, id: i64, i: usize, field: &'static str) -> Result<Option<NaiveDate>> {
    bytes(r, i)?
        .map(|b| day(b).ok_or_else(|| bad(id, field)))
        .transpose()
}

fn bytes<'r>(r: &'r Row, i: usize) -> Result<Option<&'r [u8]>> {
    Ok(r.get_ref(i)?
        .as_bytes_or_null()
        .map_err(rusqlite::Error::from)?)
}

/// `YYYY-MM-DD`, as the ledger writes dates.
fn day(b: &[u8]) -> Option<NaiveDate> {
    let num = |part: &[u8]| -> Option<u32> {
        part.iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = i32::try_from(num(&b[..4])?).ok()?;
    NaiveDate::from_ymd_opt(year, num(&b[5..7])?, num(&b[8..])?)
}

pub(super) fn decode_attached(s: Option<&str>) -> Option<Vec<i64>> {
    match s {
        None => Some(Vec::new()),
        Some(s) => s.split(',').map(|x| x.parse().ok()).collect(),
    }
}

fn decode_hearings(s: Option<&str>) -> Option<Vec<(NaiveDate, NaiveDate)>> {
    let Some(s) = s else {
        return Some(Vec::new());
    };
    s.split(';')
        .map(|h| {
            let (from, to) = h.split_once(',')?;
            Some((day(from.as_bytes())?, day(to.as_bytes())?))
        })
        .collect()
}

fn decode_supervisions(s: Option<&str>) -> Option<Vec<Supervised>> {
    let Some(s) = s else {
        return Some(Vec::new());
    };
    s.split(';')
        .map(|order| {
            let mut f = order.split(',');
            Some(Supervised {
                at: f.next()?.parse().ok()?,
                ground: SuperviseGround::from_code(f.next()?)?,
                feedback_by: day(f.next()?.as_bytes())?,
            })
        })
        .collect()
}

/// The case numbers and summaries of the cases `ids` (ascending: the rows are read in the
/// tables' order): only the cases a report lists.
pub(super) fn labels(conn: &Connection, ids: &[i64]) -> Result<HashMap<i64, Label>> {
    let mut stmt = conn.prepare_cached(
        "SELECT f.id, f.case_no, s.summary FROM case_facts f JOIN case_summaries s ON s.id = f.id
          WHERE f.id IN (SELECT value FROM json_each(?1))",
    )?;
    let rows = stmt.query_map([serde_json::to_string(ids)?], |r| {
        Ok((r.get(0)?, (r.get(1)?, r.get(2)?)))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A listed case's number and summary.
pub(super) type Label = (Option<String>, String);

/// The column `check` reads for a signed letter: schema 30 on, NULL before (not compared).
fn signed_column(conn: &Connection) -> Result<&'static str> {
    Ok(
        if super::schema::has_column(conn, "case_facts", "letter_signed")? {
            "letter_signed"
        } else {
            "NULL"
        },
    )
}

/// `check`: every case's report row against the facts of its stored document (the
/// repeat-petitioner flag aside: the petitioner index, not the document, answers it), with
/// the columns the report selects by and the listed summary; and no row without its case.
/// A row that drifted would make every report wrong without a word. Ledgers before schema
/// 11 have none to check.
pub(super) fn check(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    if !present(conn)? || report.first_bad_case.is_some() {
        return Ok(());
    }
    let mut cases = conn.prepare("SELECT id, case_no, doc FROM cases ORDER BY id")?;
    let mut cases = cases.query([])?;
    // After COLUMNS: 30 replied_on, 31 case_no, 32 whether the summary is kept, 33 whether
    // a letter is signed.
    let signed = signed_column(conn)?;
    let mut rows = conn.prepare(&format!(
        "SELECT {COLUMNS}, replied_on, case_no,
                EXISTS (SELECT 1 FROM case_summaries s WHERE s.id = case_facts.id), {signed}
           FROM case_facts ORDER BY id"
    ))?;
    let mut rows = rows.query([])?;
    let mut names = Names::default();
    let mut row = rows.next()?;
    let mut bad = |id: i64, case_no: Option<String>, problem: &str| {
        report.first_bad_case = Some(BadRecord {
            id,
            case_no,
            problem: problem.to_owned(),
        });
    };
    while let Some(c) = cases.next()? {
        let id: i64 = c.get(0)?;
        let case_no: Option<String> = c.get(1)?;
        let mut kept = None;
        while let Some(r) = row {
            let at: i64 = r.get(0)?;
            if at > id {
                row = Some(r);
                break;
            }
            if at < id {
                bad(at, None, "a row for the report (case_facts) has no case");
                return Ok(());
            }
            let extra = (
                r.get::<_, Option<String>>(30)?,
                r.get::<_, Option<String>>(31)?,
                r.get::<_, Option<bool>>(33)?,
            );
            kept = Some((from_row(r, &mut names), extra, r.get::<_, bool>(32)?));
            row = rows.next()?;
        }
        let doc = c.get_ref(2)?.as_str().map_err(rusqlite::Error::from)?;
        let problem = match (kept, serde_json::from_str::<Case>(doc)) {
            (None, _) => "the case has no row for the report (case_facts)",
            (Some((Err(_), ..)), _) => "its row for the report (case_facts) does not read",
            (Some(_), Err(_)) => "the stored case does not parse",
            (Some((Ok(kept), (replied, number, signed), summary)), Ok(case)) => {
                let mut want = facts(&case);
                want.earlier_petitioner = kept.earlier_petitioner;
                let signed_differs = signed.is_some_and(|s| s != letter_signed(&case));
                if kept != want
                    || replied != replied_on(&case)
                    || number != case.case_no
                    || signed_differs
                {
                    "the report's row (case_facts) differs from the stored case"
                } else if !summary {
                    "the case's summary for the report (case_summaries) is missing"
                } else {
                    continue;
                }
            }
        };
        bad(id, case_no, problem);
        return Ok(());
    }
    if let Some(r) = row {
        bad(
            r.get(0)?,
            None,
            "a row for the report (case_facts) has no case",
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::facts_row::{encode_attached, encode_hearings, encode_supervisions};

    #[test]
    fn sparse_and_dense_ids_read_the_same_rows() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::test_ledger::demo(&dir.path().join("l.db"), 300, 5, false);
        let all: Vec<i64> = (1..=300).collect();
        let every = read(&store.conn, &all).unwrap();
        assert_eq!(every.len(), 300);
        // One in five: looked up one by one rather than scanned.
        let sparse: Vec<i64> = all.iter().copied().filter(|i| i % 5 == 0).collect();
        assert!((sparse.len() as i64) * DENSE < 300);
        let want: Vec<CaseFacts> = every.into_iter().filter(|f| f.id % 5 == 0).collect();
        assert_eq!(read(&store.conn, &sparse).unwrap(), want);
        assert_eq!(read(&store.conn, &[]).unwrap(), Vec::new());
    }

    #[test]
    fn lists_encode_and_decode() {
        let s = vec![
            Supervised {
                at: 1_767_225_600,
                ground: SuperviseGround::Leader,
                feedback_by: NaiveDate::from_ymd_opt(2026, 3, 10).unwrap(),
            },
            Supervised {
                at: -5,
                ground: SuperviseGround::Overdue,
                feedback_by: NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            },
        ];
        let enc = encode_supervisions(&s);
        assert_eq!(decode_supervisions(enc.as_deref()), Some(s));
        assert_eq!(decode_supervisions(None), Some(Vec::new()));
        assert_eq!(encode_supervisions(&[]), None);
        let h = vec![
            (
                NaiveDate::from_ymd_opt(2026, 4, 1).unwrap(),
                NaiveDate::from_ymd_opt(2026, 4, 3).unwrap(),
            ),
            (
                NaiveDate::from_ymd_opt(2026, 4, 10).unwrap(),
                NaiveDate::from_ymd_opt(2026, 4, 10).unwrap(),
            ),
        ];
        assert_eq!(decode_hearings(encode_hearings(&h).as_deref()), Some(h));
        assert_eq!(encode_hearings(&[]), None);
        assert_eq!(decode_hearings(Some("2026-04-01")), None);
        let a = vec![1, 1_767_225_600];
        assert_eq!(decode_attached(encode_attached(&a).as_deref()), Some(a));
        assert_eq!(decode_attached(Some("1,x")), None);
        assert_eq!(day(b"2026-02-28"), NaiveDate::from_ymd_opt(2026, 2, 28));
        assert_eq!(day(b"2026-02-30"), None);
        assert_eq!(day(b"2026-2-028"), None);
    }

    /// `check` passes on rows written with their cases, in bulk and one by one, and names
    /// the case whose row drifted or went missing.
    #[test]
    fn check_finds_a_report_row_that_differs_from_its_case() {
        for bulk in [false, true] {
            let dir = tempfile::tempdir().unwrap();
            let store = crate::store::test_ledger::demo(&dir.path().join("l.db"), 300, 6, bulk);
            let report = store.check().unwrap();
            assert!(report.ok(), "{bulk}: {report:?}");
            let replied: i64 = store
                .conn
                .query_row(
                    "SELECT id FROM case_facts WHERE replied_on IS NOT NULL LIMIT 1",
                    [],
                    |r| r.get(0),
                )
                .unwrap();
            // Each drift in a transaction rolled back before the next.
            let drift = [
                (
                    "UPDATE case_facts SET people = people + 1 WHERE id = 120".to_owned(),
                    120,
                ),
                ("DELETE FROM case_facts WHERE id = 77".to_owned(), 77),
                (
                    format!("UPDATE case_facts SET replied_on = '1999-01-01' WHERE id = {replied}"),
                    replied,
                ),
                ("DELETE FROM case_summaries WHERE id = 150".to_owned(), 150),
            ];
            for (sql, id) in drift {
                let tx = store.conn.unchecked_transaction().unwrap();
                tx.execute_batch(&sql).unwrap();
                let bad = store.check().unwrap().first_bad_case.unwrap();
                assert_eq!(bad.id, id, "{bulk}: {sql}: {bad:?}");
                assert!(bad.problem.contains("case_"), "{}", bad.problem);
                drop(tx);
            }
            assert!(store.check().unwrap().ok(), "{bulk}");
            // A row whose case is gone (only with the foreign keys off).
            store
                .conn
                .execute_batch("PRAGMA foreign_keys = OFF; DELETE FROM cases WHERE id = 300;")
                .unwrap();
            let report = store.check().unwrap();
            // The case's rows without it are named by the replay (no foreign-key scan).
            assert!(
                report
                    .differences
                    .iter()
                    .any(|d| d.table.sql() == "cases" && d.column == "(row)"),
                "{report:?}"
            );
            assert_eq!(report.first_bad_case.map(|b| b.id), Some(300), "{bulk}");
        }
    }
}
