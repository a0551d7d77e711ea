//! The cases a statistics report needs (`domain::stats`), loaded by index, never the whole
//! ledger: their narrow rows (`case_facts`, `facts.rs`) where the ledger keeps them, else
//! their documents. For each window (a report's period, the one before, the same one a year
//! earlier)
//!
//! - the cases received in it (`cases_by_received`);
//! - the cases received before it and not yet replied to (`cases_by_state`): any event may
//!   still happen to them and a clock may be running or overdue at the window's end;
//! - the cases received before it and replied to since it began (`cases_by_replied`, on
//!   `replied_on`: the later of the day served and the day the reply was recorded);
//! - the cases received before it and archived in it (`cases_by_archived`);
//! - the referrals received before it whose 办结报告 was not sent back before it began
//!   (`case_facts_owing_report`): their superior's clock runs past the reply (Art 22 (三));
//! - the items this office 交办'd before it whose body's 办结报告 had not come back when it
//!   began (`case_facts_owing_outbound`): that clock runs past the reply and the archive.
//!
//! Nothing else can count in a window: after its reply a case only gets a return visit
//! (counted with the reply), the archiving and the 办结报告, and a review opens a new case.
//! The steps counted by their number (催办, 化解…: `stats::COUNTED_STEPS`) are read from the
//! journal by kind and time (`events_by_op`), whatever case they were given on. This assumes
//! the steps of a case were recorded in their order, which the state machine enforces for
//! the steps themselves (an `at` typed for a paper record may still be out of order; such a
//! step counts only when its case is loaded for another reason). For the repeat-petitioner
//! figure the petitioner index answers, for each case received in a window, whether the same
//! person brought an earlier case (`domain::stats::repeat` is the same rule in Rust): kept in
//! the narrow rows as petitioners are written, asked per report from the documents.

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, mpsc};

use chrono::{Days, NaiveDate};
use rusqlite::{Connection, OpenFlags};

use super::{Result, Store, StoreError, again, facts};
use crate::domain::case::Case;
use crate::domain::stats::{self, COUNTED_STEPS, CaseFacts, Input, Period, Report, StepEvent};

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
    /// The statistics report of `period` as the ledger stands on `today`, with the `top` most
    /// complained-about units: from the rollups where they are kept under the office's rules
    /// (`report_rolled.rs`), else the facts of the cases it needs through
    /// [`stats::report_parts`] (on a ledger opened read-only before schema 11, the cases from
    /// [`Store::report_cases`] through [`stats::report`]) under the office's policy and
    /// holiday calendar.
    ///
    /// The lists hold their first page (`stats::LIST_PAGE`) and their counts; the rest come
    /// from [`Store::report_overdue_page`] and [`Store::report_supervised_page`].
    pub fn report(&self, period: Period, today: NaiveDate, top: usize) -> Result<Report> {
        let mut report = self.report_flows(period, today, top)?;
        // 领导阅批率 is counted from the letters themselves (`signed.rs`).
        self.add_letters(&mut report)?;
        Ok(report)
    }

    fn report_flows(&self, period: Period, today: NaiveDate, top: usize) -> Result<Report> {
        let rules = self.office.rules(&[], &[]);
        if self.stocks_kept(&rules)? {
            return self.report_rolled(period, today, top, &rules);
        }
        let mut report = self.report_whole(period, today, top)?;
        report.keep_first(stats::LIST_PAGE);
        Ok(report)
    }

    /// As [`Store::report`], counted case by case, with the whole lists (as the reader may
    /// see them): where the rollups are not kept.
    pub(super) fn report_whole(
        &self,
        period: Period,
        today: NaiveDate,
        top: usize,
    ) -> Result<Report> {
        let windows = [period, period.previous(), period.year_before()].map(|p| (p.start, p.end));
        let rules = self.office.rules(&[], &[]);
        if !facts::present(&self.conn)? {
            let loaded = self.report_cases(&windows)?;
            let steps = self.step_events(&windows)?;
            let input = Input {
                cases: &loaded.cases,
                earlier_petitioner: &loaded.earlier_petitioner,
                again: Some(&loaded.again),
                steps: &steps,
            };
            let mut report = stats::report(&input, period, &rules, today, top);
            self.keep_seen_items(&mut report)?;
            return Ok(report);
        }
        // One read transaction: the listed labels from the same snapshot as the facts, and
        // fifty thousand look-ups without taking the lock again for each.
        let tx = self.conn.unchecked_transaction()?;
        let mut second = self.second_reader()?;
        let needed = self.needed_ids(&windows)?;
        let steps = self.step_events(&windows)?;
        let mut parts = split(&self.conn, &mut second, &needed, facts::read)?;
        for part in &mut parts {
            again::fill(&self.conn, part)?;
        }
        let slices: Vec<&[CaseFacts]> = parts.iter().map(Vec::as_slice).collect();
        let mut report = stats::report_parts(&slices, &steps, period, &rules, today, top);
        drop(parts);
        let labels = split(&self.conn, &mut second, &report.listed_ids(), facts::labels)?;
        tx.finish()?;
        let labels: HashMap<i64, facts::Label> = labels.into_iter().flatten().collect();
        report.fill_listed(|id| labels.get(&id).cloned());
        self.keep_seen_items(&mut report)?;
        Ok(report)
    }

    /// The facts of the cases a report over `windows` needs (inclusive office-local dates),
    /// each once, by id: the same cases as [`Store::report_cases`], from the narrow rows.
    pub fn report_facts(&self, windows: &[(NaiveDate, NaiveDate)]) -> Result<Vec<CaseFacts>> {
        let mut read = facts::read(&self.conn, &self.needed_ids(windows)?)?;
        again::fill(&self.conn, &mut read)?;
        Ok(read)
    }

    /// The journal events of the steps the report counts (`stats::COUNTED_STEPS`) in
    /// `windows`, each once: by kind from the index, by time from the instant it records.
    pub fn step_events(&self, windows: &[(NaiveDate, NaiveDate)]) -> Result<Vec<StepEvent>> {
        // `at` is RFC 3339 in the offset it was recorded with: its text sorts by that
        // offset's date, within a day of the office's, so the index range `?4..?5` (a
        // day's margin each side) holds the window and the instants are compared exactly.
        let mut stmt = self.conn.prepare_cached(
            "SELECT unixepoch(at) FROM events
              WHERE op = ?1 AND at >= ?4 AND at < ?5
                AND unixepoch(at) >= ?2 AND unixepoch(at) < ?3",
        )?;
        let mut out = Vec::new();
        for w in self.bounds(windows) {
            for &op in COUNTED_STEPS {
                let args = (op.code(), w.from, w.to, &w.replied_from, &w.text_to);
                let rows = stmt.query_map(args, |r| r.get::<_, i64>(0))?;
                for at in rows {
                    out.push(StepEvent { op, at: at? });
                }
            }
        }
        Ok(out)
    }

    /// The ids of the cases a report over `windows` needs, ascending, from the indexes alone.
    fn needed_ids(&self, windows: &[(NaiveDate, NaiveDate)]) -> Result<Vec<i64>> {
        let mut selections = Vec::new();
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        for w in self.bounds(windows) {
            let n = args.len();
            let (from, to, replied) = (n + 1, n + 2, n + 3);
            selections.push(format!(
                "SELECT id FROM case_facts WHERE received_at >= ?{from} AND received_at < ?{to}
                 UNION ALL SELECT id FROM case_facts
                  WHERE state IN ('intake', 'registered', 'assigned') AND received_at < ?{from}
                 UNION ALL SELECT id FROM case_facts
                  WHERE replied_on >= ?{replied} AND received_at < ?{from}
                 UNION ALL SELECT id FROM case_facts
                  WHERE archived_at >= ?{from} AND archived_at < ?{to} AND received_at < ?{from}
                 UNION ALL SELECT id FROM case_facts
                  WHERE attached IS NOT NULL AND received_at >= ?{to}
                 UNION ALL SELECT id FROM case_facts
                  WHERE superior_due IS NOT NULL AND reported_on IS NULL AND received_at < ?{from}
                 UNION ALL SELECT id FROM case_facts
                  WHERE superior_due IS NOT NULL AND reported_on >= ?{replied}
                    AND received_at < ?{from}
                 UNION ALL SELECT id FROM case_facts
                  WHERE outbound IS NOT NULL AND report_received_on IS NULL
                    AND received_at < ?{from}
                 UNION ALL SELECT id FROM case_facts
                  WHERE outbound IS NOT NULL AND report_received_on >= ?{replied}
                    AND received_at < ?{from}"
            ));
            args.push(Box::new(w.from));
            args.push(Box::new(w.to));
            args.push(Box::new(w.replied_from));
        }
        let mut stmt = self.conn.prepare_cached(&selections.join(" UNION ALL "))?;
        let mut ids: Vec<i64> = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.sort_unstable();
        ids.dedup();
        Ok(ids)
    }

    /// A second read-only connection to the ledger, in a read transaction that sees what
    /// this connection's open transaction sees (the same last journal event: every write
    /// of a case journals it), for reading half the rows on another core; `None` where it
    /// cannot be had.
    fn second_reader(&self) -> Result<Option<Connection>> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let Ok(conn) = super::connect(&self.path, flags, &self.key) else {
            return Ok(None);
        };
        let last = "SELECT coalesce(max(seq), 0) FROM events";
        let mine: i64 = self.conn.query_row(last, [], |r| r.get(0))?;
        let theirs = conn
            .execute_batch("BEGIN")
            .and_then(|()| conn.query_row(last, [], |r| r.get::<_, i64>(0)));
        Ok(theirs.is_ok_and(|t| t == mine).then_some(conn))
    }

    /// The windows merged, as the selections bound them.
    fn bounds(&self, windows: &[(NaiveDate, NaiveDate)]) -> Vec<Bounds> {
        let offset = self.office.policy.utc_offset;
        let ts = |d: NaiveDate| {
            d.and_hms_opt(0, 0, 0)
                .and_then(|t| t.and_local_timezone(offset).single())
                .map_or(i64::MIN, |t| t.timestamp())
        };
        merge(windows)
            .into_iter()
            .map(|(start, end)| Bounds {
                from: ts(start),
                to: end.checked_add_days(Days::new(1)).map_or(i64::MAX, ts),
                // `replied_on` is a date in the offset the reply was recorded with: a day's
                // margin covers any offset; the engine counts by exact dates.
                replied_from: start
                    .checked_sub_days(Days::new(1))
                    .unwrap_or(start)
                    .to_string(),
                text_to: end
                    .checked_add_days(Days::new(2))
                    .map_or_else(|| "9".to_owned(), |d| d.to_string()),
            })
            .collect()
    }

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

/// A merged window: unix seconds `[from, to)` of its receipts, and the day from which a
/// reply recorded may count in it.
struct Bounds {
    from: i64,
    to: i64,
    replied_from: String,
    /// The day after the window's end, with the same margin (for texts sorted by date).
    text_to: String,
}

/// `read(conn, ids)` for the ascending `ids`, in two halves side by side when there is a
/// `second` connection and enough of them (it moves to the other thread and back).
fn split<T: Send>(
    conn: &Connection,
    second: &mut Option<Connection>,
    ids: &[i64],
    read: fn(&Connection, &[i64]) -> Result<T>,
) -> Result<Vec<T>> {
    let Some(other) = second.take_if(|_| ids.len() >= SPLIT_FROM) else {
        return Ok(vec![read(conn, ids)?]);
    };
    let (mine, theirs) = ids.split_at(ids.len() / 2);
    std::thread::scope(|s| {
        let handle = s.spawn(move || {
            let got = read(&other, theirs);
            (other, got)
        });
        let mine = read(conn, mine);
        let (other, theirs) = handle
            .join()
            .map_err(|_| StoreError::Damaged("a reader thread failed".to_owned()))?;
        *second = Some(other);
        Ok(vec![mine?, theirs?])
    })
}

/// Fewer ids than this are read on one connection: a second costs a few milliseconds.
/// Debug builds (the tests) split from two, so that small ledgers take the same path.
const SPLIT_FROM: usize = if cfg!(debug_assertions) { 2 } else { 20_000 };

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

/// Windows sorted, with overlapping or adjacent ones joined (a month and the one before are
/// read as one run).
fn merge(windows: &[(NaiveDate, NaiveDate)]) -> Vec<(NaiveDate, NaiveDate)> {
    let mut sorted: Vec<(NaiveDate, NaiveDate)> = windows.to_vec();
    sorted.sort();
    let mut out: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for (s, e) in sorted {
        match out.last_mut() {
            Some((_, last_end)) if last_end.succ_opt().is_some_and(|n| s <= n) => {
                *last_end = (*last_end).max(e);
            }
            _ => out.push((s, e)),
        }
    }
    out
}

pub(super) fn has_column(conn: &Connection, table: &str, column: &str) -> Result<bool> {
    let mut stmt = conn.prepare_cached("SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2")?;
    Ok(stmt.exists([table, column])?)
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

    #[test]
    fn windows_merge_when_they_touch() {
        let w = [
            (d("2026-11-01"), d("2026-11-30")),
            (d("2025-11-01"), d("2025-11-30")),
            (d("2026-10-01"), d("2026-10-31")),
        ];
        assert_eq!(
            merge(&w),
            vec![
                (d("2025-11-01"), d("2025-11-30")),
                (d("2026-10-01"), d("2026-11-30"))
            ]
        );
        // A year: the period and the one before touch.
        let y = [
            (d("2026-01-01"), d("2026-12-31")),
            (d("2025-01-01"), d("2025-12-31")),
        ];
        assert_eq!(merge(&y), vec![(d("2025-01-01"), d("2026-12-31"))]);
    }
}
