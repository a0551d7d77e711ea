//! A report read from the cases' documents: for a ledger before schema 11 (no narrow rows),
//! opened read-only as it is. The same windows as the narrow rows' path (`report.rs`), the
//! documents parsed on the other cores while the next ones are read; the repeat petitioners
//! and the next case of each replied one asked of the petitioner indexes per report.

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, mpsc};

use chrono::NaiveDate;

use super::report::Bounds;
use super::schema::has_column;
use super::{Result, Store, StoreError, again};
use crate::domain::case::Case;

/// What `domain::stats::report` takes from the ledger.
#[derive(Debug, Default)]
pub struct ReportCases {
    pub cases: Vec<Case>,
    /// Ids of the loaded cases received in a window, or replied to, whose petitioner brought
    /// a case received earlier (same ID number, phone, or name and address).
    pub earlier_petitioner: HashSet<i64>,
    /// For the loaded cases replied to, the receipt instant of the first case the same
    /// person brought after it (初信初访一次办结, `again.rs`).
    pub again: HashMap<i64, i64>,
}

/// States before the reply: any event may still happen, any clock may be running.
const UNREPLIED_STATES: [&str; 3] = ["intake", "registered", "assigned"];

/// The cases received in the window one of whose petitioners matches a petitioner of a case
/// received earlier (an earlier second, or the same second and a smaller id): the same ID
/// number, phone, or name and address. Each probe is one seek in a petitioner index.
const EARLIER_PETITIONER: &str = "
SELECT c.id FROM cases c
 WHERE c.received_at >= ?1 AND c.received_at < ?2 AND EXISTS (
   SELECT 1 FROM petitioners p WHERE p.case_id = c.id AND (
        (p.id_number <> '' AND EXISTS (SELECT 1 FROM petitioners q
            WHERE q.id_number = p.id_number AND (q.received_at, q.case_id) < (c.received_at, c.id)))
     OR (p.phone <> '' AND EXISTS (SELECT 1 FROM petitioners q
            WHERE q.phone = p.phone AND (q.received_at, q.case_id) < (c.received_at, c.id)))
     OR (p.name <> '' AND p.address <> '' AND EXISTS (SELECT 1 FROM petitioners q
            WHERE q.name = p.name AND q.address = p.address
              AND (q.received_at, q.case_id) < (c.received_at, c.id)))))";

/// The same for a ledger before schema 6 (no receipt time on petitioners): each match is
/// looked up in `cases`.
const EARLIER_PETITIONER_SCAN: &str = "
SELECT c.id FROM cases c
 WHERE c.received_at >= ?1 AND c.received_at < ?2 AND (
   EXISTS (SELECT 1 FROM petitioners p
             JOIN petitioners q ON q.id_number = p.id_number
             JOIN cases d ON d.id = q.case_id
            WHERE p.case_id = c.id AND p.id_number <> ''
              AND (d.received_at, d.id) < (c.received_at, c.id))
   OR EXISTS (SELECT 1 FROM petitioners p
             JOIN petitioners q ON q.phone = p.phone
             JOIN cases d ON d.id = q.case_id
            WHERE p.case_id = c.id AND p.phone <> ''
              AND (d.received_at, d.id) < (c.received_at, c.id))
   OR EXISTS (SELECT 1 FROM petitioners p
             JOIN petitioners q ON q.name = p.name AND q.address = p.address
             JOIN cases d ON d.id = q.case_id
            WHERE p.case_id = c.id AND p.name <> '' AND p.address <> ''
              AND (d.received_at, d.id) < (c.received_at, c.id)))";

impl Store {
    /// The cases for a report over `windows` (inclusive office-local dates), each once.
    /// The documents are parsed on the other cores while the next ones are read.
    pub fn report_cases(&self, windows: &[(NaiveDate, NaiveDate)]) -> Result<ReportCases> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().clamp(1, 4));
        let (tx, rx) = mpsc::sync_channel::<Vec<Vec<u8>>>(2 * threads);
        let rx = Mutex::new(rx);
        std::thread::scope(|scope| {
            let parsers: Vec<_> = (0..threads)
                .map(|_| scope.spawn(|| parse_batches(&rx)))
                .collect();
            let read = self.read_report_docs(windows, &tx);
            drop(tx);
            let mut cases = Vec::new();
            let mut failed = None;
            for p in parsers {
                match p.join() {
                    Ok(Ok(part)) => cases.extend(part),
                    Ok(Err(e)) => failed = Some(StoreError::from(e)),
                    Err(_) => {
                        failed = Some(StoreError::Damaged("a parser thread failed".to_owned()))
                    }
                }
            }
            let mut earlier_petitioner = read?;
            if let Some(e) = failed {
                return Err(e);
            }
            let mut again = HashMap::new();
            let indexed = has_column(&self.conn, "petitioners", "received_at")?;
            for c in cases.iter().filter(|c| c.reply.is_some()) {
                if !earlier_petitioner.contains(&c.id) && again::earlier(&self.conn, c.id, indexed)?
                {
                    earlier_petitioner.insert(c.id);
                }
                if let Some(at) = again::of(&self.conn, c.id, indexed)? {
                    again.insert(c.id, at);
                }
            }
            Ok(ReportCases {
                cases,
                earlier_petitioner,
                again,
            })
        })
    }

    /// Sends the documents of the cases a report needs to `out` in batches, each case once;
    /// returns the ids of those whose petitioner brought an earlier case.
    fn read_report_docs(
        &self,
        windows: &[(NaiveDate, NaiveDate)],
        out: &mpsc::SyncSender<Vec<Vec<u8>>>,
    ) -> Result<HashSet<i64>> {
        let mut loaded: HashSet<i64> = HashSet::new();
        let mut batch: Vec<Vec<u8>> = Vec::with_capacity(BATCH);
        let mut earlier = HashSet::new();
        let (earlier_sql, replied_since, archived_in) = self.window_queries()?;
        for Bounds {
            from,
            to,
            replied_from,
            ..
        } in self.bounds(windows)
        {
            let mut take = |sql: &str, args: &[&dyn rusqlite::ToSql]| -> Result<()> {
                let mut stmt = self.conn.prepare_cached(sql)?;
                let mut rows = stmt.query(args)?;
                while let Some(row) = rows.next()? {
                    let id: i64 = row.get(0)?;
                    if loaded.insert(id) {
                        // Bytes: the parser threads check the UTF-8 as they parse.
                        let doc = row.get_ref(1)?;
                        batch.push(doc.as_bytes().map_err(rusqlite::Error::from)?.to_vec());
                        if batch.len() == BATCH {
                            send(
                                out,
                                std::mem::replace(&mut batch, Vec::with_capacity(BATCH)),
                            )?;
                        }
                    }
                }
                Ok(())
            };
            take(
                "SELECT id, doc FROM cases WHERE received_at >= ?1 AND received_at < ?2",
                &[&from, &to],
            )?;
            for state in UNREPLIED_STATES {
                take(
                    "SELECT id, doc FROM cases WHERE state = ?1 AND received_at < ?2",
                    &[&state, &from],
                )?;
            }
            take(replied_since, &[&from, &replied_from])?;
            take(archived_in, &[&from, &to])?;
            // Replied referrals may still owe their 办结报告 (Art 22 (三)).
            take(
                "SELECT id, doc FROM cases
                  WHERE state = 'replied' AND channel = 'referral' AND received_at < ?1",
                &[&from],
            )?;
            // Items 交办'd may still be owed their body's 办结报告 (Art 22 (三)).
            take(
                "SELECT id, doc FROM cases
                  WHERE received_at < ?1 AND doc ->> '$.decision.decision' = 'pass_on'
                    AND (coalesce(doc ->> '$.decision.assign', 0)
                         OR doc ->> '$.decision.report_by' IS NOT NULL)",
                &[&from],
            )?;
            // Items attached to later cases may have been received in the window.
            take(
                "SELECT id, doc FROM cases
                  WHERE received_at >= ?1 AND json_array_length(doc, '$.attached') > 0",
                &[&to],
            )?;
            let mut stmt = self.conn.prepare_cached(earlier_sql)?;
            let ids = stmt.query_map([from, to], |r| r.get::<_, i64>(0))?;
            for id in ids {
                earlier.insert(id?);
            }
        }
        send(out, batch)?;
        Ok(earlier)
    }

    /// The queries for a window's earlier petitioners, its older cases replied since it
    /// began and those archived in it.
    fn window_queries(&self) -> Result<(&'static str, &'static str, &'static str)> {
        // A ledger opened read-only before its upgrade to schema 6 lacks the columns: the
        // same answers from the documents, by a slower scan.
        let indexed = has_column(&self.conn, "cases", "archived_at")?
            && has_column(&self.conn, "cases", "replied_on")?
            && has_column(&self.conn, "petitioners", "received_at")?;
        let earlier_sql = if indexed {
            EARLIER_PETITIONER
        } else {
            EARLIER_PETITIONER_SCAN
        };
        let (replied_since, archived_in) = if indexed {
            (
                "SELECT id, doc FROM cases WHERE replied_on >= ?2 AND received_at < ?1",
                "SELECT id, doc FROM cases
                  WHERE archived_at >= ?1 AND archived_at < ?2 AND received_at < ?1",
            )
        } else {
            (
                "SELECT id, doc FROM cases
                  WHERE state IN ('replied', 'archived') AND received_at < ?1
                    AND max(json_extract(doc, '$.reply.served_at'),
                            substr(json_extract(doc, '$.reply.at'), 1, 10)) >= ?2",
                "SELECT id, doc FROM cases
                  WHERE state = 'archived' AND received_at < ?1
                    AND unixepoch(json_extract(doc, '$.archived.at')) >= ?1
                    AND unixepoch(json_extract(doc, '$.archived.at')) < ?2",
            )
        };
        Ok((earlier_sql, replied_since, archived_in))
    }
}

/// Documents per batch handed to a parser thread.
const BATCH: usize = 256;

fn send(out: &mpsc::SyncSender<Vec<Vec<u8>>>, batch: Vec<Vec<u8>>) -> Result<()> {
    out.send(batch)
        .map_err(|_| StoreError::Damaged("a parser thread stopped".to_owned()))
}

/// Parses batches until the channel closes; the first bad document ends it.
fn parse_batches(rx: &Mutex<mpsc::Receiver<Vec<Vec<u8>>>>) -> serde_json::Result<Vec<Case>> {
    let mut cases = Vec::new();
    loop {
        let next = match rx.lock() {
            Ok(r) => r.recv(),
            Err(_) => return Ok(cases),
        };
        let Ok(batch) = next else {
            return Ok(cases);
        };
        for doc in &batch {
            cases.push(serde_json::from_slice::<Case>(doc)?);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Office;

    /// Ids loaded, and the repeat set, for some windows.
    fn load(store: &Store) -> (Vec<i64>, Vec<i64>) {
        let windows = [
            (d("2026-02-01"), d("2026-02-28")),
            (d("2026-01-01"), d("2026-01-31")),
            (d("2025-02-01"), d("2025-02-28")),
            (d("2026-03-02"), d("2026-03-08")),
        ];
        let got = store.report_cases(&windows).unwrap();
        let mut ids: Vec<i64> = got.cases.iter().map(|c| c.id).collect();
        ids.sort();
        let mut earlier: Vec<i64> = got.earlier_petitioner.into_iter().collect();
        earlier.sort();
        (ids, earlier)
    }

    #[test]
    fn a_ledger_before_schema_6_gives_the_same_cases_by_a_scan() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.db");
        let store = crate::store::test_ledger::demo(&path, 600, 3, false);
        let indexed = load(&store);
        assert!(
            indexed.0.len() > 100 && !indexed.1.is_empty(),
            "{indexed:?}"
        );
        // The write path keeps the columns as migration 0006 fills them on an old ledger.
        let disagree: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM cases WHERE
                   replied_on IS NOT max(json_extract(doc, '$.reply.served_at'),
                                         substr(json_extract(doc, '$.reply.at'), 1, 10))
                   OR archived_at IS NOT unixepoch(json_extract(doc, '$.archived.at'))",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let replied: i64 = store
            .conn
            .query_row("SELECT count(replied_on) FROM cases", [], |r| r.get(0))
            .unwrap();
        assert_eq!((disagree, replied > 100), (0, true));
        let disagree: i64 = store
            .conn
            .query_row(
                "SELECT count(*) FROM petitioners p JOIN cases c ON c.id = p.case_id
                  WHERE p.received_at IS NOT c.received_at",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(disagree, 0);
        // Back to schema 5: the same cases come from the documents.
        store
            .conn
            .execute_batch(
                "DROP TRIGGER petitioners_repeat; DROP TRIGGER petitioners_again; DROP TABLE case_facts;
                 DROP INDEX cases_by_replied; DROP INDEX cases_by_archived;
                 ALTER TABLE cases DROP COLUMN replied_on; ALTER TABLE cases DROP COLUMN archived_at;
                 DROP INDEX petitioners_by_id_number; DROP INDEX petitioners_by_phone;
                 DROP INDEX petitioners_by_name; ALTER TABLE petitioners DROP COLUMN received_at;
                 CREATE INDEX petitioners_by_id_number ON petitioners (id_number) WHERE id_number IS NOT NULL;
                 CREATE INDEX petitioners_by_phone ON petitioners (phone) WHERE phone IS NOT NULL;
                 CREATE INDEX petitioners_by_name ON petitioners (name, address);
                 PRAGMA user_version = 5;",
            )
            .unwrap();
        let reader =
            Store::open_read_only(&path, Office::builtin(), &crate::store::test_ledger::key())
                .unwrap();
        assert_eq!(load(&reader), indexed);
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
}
