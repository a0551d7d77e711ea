//! The full check on every core: SQLite's own check, the office journal's chain, the tables
//! beside the cases and the pass over the cases (cut into spans of case ids, gathering the
//! case journal's links as it reads every event) are jobs that readers of their own take in turn,
//! each reader in one read transaction. The checks that need the whole pass
//! (`after_cases`) run on the caller's connection once the jobs are done. At a million
//! cases one reader took minutes; the work is the same, shared out.

use std::collections::VecDeque;
use std::path::Path;
use std::sync::Mutex;

use rusqlite::{Connection, OpenFlags};

use super::cases::{self, Seen, Span};
use super::search::{self, Words};
use super::{Depth, after_cases, beside_cases, database};
use crate::config::Office;
use crate::store::findings::CheckReport;
use crate::store::keys::DataKey;
use crate::store::{Result, connect, directory, office_journal, rollup};

/// Where the readers open the ledger.
pub(in crate::store) struct Readers<'a> {
    pub path: &'a Path,
    pub key: &'a DataKey,
}

/// One piece of the check.
#[derive(Debug, Clone, Copy)]
enum Job {
    Database,
    /// The office journal's chain (the case journal's is gathered by the pass).
    OfficeChain,
    Tables,
    /// The search index's vocabulary, summed (compared with the pass's once it is done).
    Vocabulary,
    Cases(Span),
}

/// What a job found.
enum Found {
    Report(CheckReport),
    Words(std::result::Result<Words, String>),
    Cases(CheckReport, Seen),
}

/// Where the ledger stood when a reader began: its newest case event and office event.
/// Readers that began at different marks read different ledgers (a desk wrote between).
type Mark = (i64, i64);

/// The page cache of each of `readers` readers: a sixteenth of the ledger shared out,
/// from 32 MiB to 256 MiB each. The pass reads the journal in case order through an
/// index, a window of pages that moves through the file; with SQLite's 2 MiB each page
/// was read (and, encrypted, authenticated and decrypted) many times over.
pub(super) fn cache_kib(path: &Path, readers: u64) -> i64 {
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    i64::try_from(size / 16 / readers.max(1) / 1024)
        .unwrap_or(i64::MAX)
        .clamp(32 * 1024, 256 * 1024)
}

/// The full check on a ledger at the latest schema, inside the caller's read transaction
/// on `main`.
pub(super) fn run(
    main: &Connection,
    readers: &Readers,
    office: &Office,
    depth: Depth,
) -> Result<CheckReport> {
    let mark = mark(main)?;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8));
    let last_case: i64 =
        main.query_row("SELECT coalesce(max(id), 0) FROM cases", [], |r| r.get(0))?;
    let operators = directory::operators(main)?;
    let departments = directory::department_names(main)?;
    let rules = office.rules(&operators, &departments);
    // The jobs of their own size first, then the pass in spans, eight a reader: a reader
    // done early takes another, so the readers end together.
    let mut queue = VecDeque::from([
        Job::Database,
        Job::Tables,
        Job::Vocabulary,
        Job::OfficeChain,
    ]);
    queue.extend(spans(last_case, threads * 8).into_iter().map(Job::Cases));
    let jobs = queue.len();
    let queue = Mutex::new(queue.into_iter().enumerate().collect::<VecDeque<_>>());
    let results: Mutex<Vec<Option<Found>>> = Mutex::new((0..jobs).map(|_| None).collect());
    let marks = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| s.spawn(|| reader(readers, threads, depth, &rules, &queue, &results)))
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .map_err(|_| std::io::Error::other("a reader of the check stopped"))?
            })
            .collect::<Result<Vec<Option<Mark>>>>()
    })?;
    let results = results
        .into_inner()
        .map_err(|_| std::io::Error::other("a reader of the check stopped"))?;
    let mut report = CheckReport::default();
    let mut seen = Seen::default();
    // The cases' differences first, in the order of the cases; then the other jobs'.
    let mut others = Vec::new();
    let mut vocabulary = None;
    for found in results.into_iter().flatten() {
        match found {
            Found::Report(part) => others.push(part),
            Found::Words(words) => vocabulary = Some(words),
            Found::Cases(part, part_seen) => {
                report.absorb(part);
                seen.absorb(part_seen);
            }
        }
    }
    for part in others {
        report.absorb(part);
    }
    if marks.iter().flatten().any(|m| *m != mark) {
        // A desk wrote while the readers began: the cases and tables again, on one
        // snapshot, so a change made meanwhile is not taken for damage.
        report.forget_cases();
        seen = cases::check(main, &rules, Span::ALL, &mut report)?;
        beside_cases(main, &mut report)?;
        vocabulary = None;
    }
    rollup::check(main, &rules, &mut report)?;
    after_cases(main, &seen, vocabulary, &mut report)?;
    Ok(report)
}

/// `n` spans of ids covering every case up to `last` (the last one open-ended, so rows of
/// ids beyond any case are still found).
fn spans(last: i64, n: usize) -> Vec<Span> {
    let n = i64::try_from(n).unwrap_or(1).max(1);
    let width = (last / n).max(1);
    let mut out = Vec::new();
    let mut from = i64::MIN;
    for i in 1..n {
        let to = width * i;
        if to >= last {
            break;
        }
        out.push(Span(from, to));
        from = to + 1;
    }
    out.push(Span(from, i64::MAX));
    out
}

fn mark(conn: &Connection) -> Result<Mark> {
    Ok(conn.query_row(
        "SELECT (SELECT coalesce(max(seq), 0) FROM events),
                (SELECT coalesce(max(seq), 0) FROM office_events)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// One reader: its own connection and read transaction, taking jobs until none is left.
/// Its mark, or None when it found no job to do.
fn reader(
    readers: &Readers,
    threads: usize,
    depth: Depth,
    rules: &crate::domain::rules::Rules,
    queue: &Mutex<VecDeque<(usize, Job)>>,
    results: &Mutex<Vec<Option<Found>>>,
) -> Result<Option<Mark>> {
    let conn = connect(readers.path, OpenFlags::SQLITE_OPEN_READ_ONLY, readers.key)?;
    let threads = u64::try_from(threads).unwrap_or(1);
    conn.pragma_update(None, "cache_size", -cache_kib(readers.path, threads))?;
    // The repeat petitioners' GROUP BY sorts a million rows: in memory, not a temporary file.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.execute_batch("BEGIN")?;
    let mark = mark(&conn)?;
    let mut worked = false;
    loop {
        let next = queue.lock().ok().and_then(|mut q| q.pop_front());
        let Some((i, job)) = next else { break };
        worked = true;
        let found = work(&conn, job, depth, rules)?;
        if let Ok(mut results) = results.lock() {
            results[i] = Some(found);
        }
    }
    // Only read: ending it cannot lose anything.
    let _ = conn.execute_batch("COMMIT");
    Ok(worked.then_some(mark))
}

fn work(
    conn: &Connection,
    job: Job,
    depth: Depth,
    rules: &crate::domain::rules::Rules,
) -> Result<Found> {
    let mut report = CheckReport::default();
    Ok(match job {
        Job::Database => {
            database(conn, depth, &mut report)?;
            Found::Report(report)
        }
        Job::Tables => {
            beside_cases(conn, &mut report)?;
            Found::Report(report)
        }
        Job::Vocabulary => Found::Words(search::read_vocabulary(conn)),
        Job::OfficeChain => {
            office_journal::check_chain(conn, &mut report)?;
            Found::Report(report)
        }
        Job::Cases(span) => {
            let seen = cases::check(conn, rules, span, &mut report)?;
            Found::Cases(report, seen)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{DemoOptions, generate};
    use crate::store::{Store, test_ledger};

    /// Cases registered by another desk after the check's own snapshot but before its
    /// readers began: without going back to one snapshot, the counters (read on the
    /// caller's snapshot) would disagree with the cases (read on the readers').
    #[test]
    fn a_desk_writing_as_the_readers_begin_is_not_taken_for_damage() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.db");
        let store = test_ledger::demo(&path, 80, 3, false);
        store.conn.execute_batch("BEGIN").unwrap();
        let before = mark(&store.conn).unwrap();
        let mut other = Store::open(&path, Office::builtin(), &test_ledger::key()).unwrap();
        let more = DemoOptions {
            cases: 5,
            seed: 9,
            now: test_ledger::now(),
        };
        generate(&mut other, &more).unwrap();
        let key = test_ledger::key();
        let readers = Readers {
            path: &path,
            key: &key,
        };
        let report = run(&store.conn, &readers, &store.office, Depth::Full).unwrap();
        assert_eq!(
            mark(&store.conn).unwrap(),
            before,
            "still the first snapshot"
        );
        store.conn.execute_batch("COMMIT").unwrap();
        assert_eq!(report.cases, 80, "{report:?}");
        assert!(report.differences.is_empty(), "{report:?}");
        assert!(report.first_bad_case.is_none() && report.database.is_empty());
        assert!(store.check().unwrap().ok(), "and whole with the new cases");
    }

    #[test]
    fn spans_cover_every_id_once_in_order() {
        for (last, n) in [(0, 4), (1, 4), (3, 4), (100, 4), (101, 3), (1_000_000, 16)] {
            let spans = spans(last, n);
            assert!(spans.len() <= n.max(1));
            assert_eq!(spans[0].0, i64::MIN);
            assert_eq!(spans[spans.len() - 1].1, i64::MAX);
            for pair in spans.windows(2) {
                assert_eq!(pair[0].1 + 1, pair[1].0, "{last} {n}: no gap, no overlap");
                assert!(pair[0].0 <= pair[0].1);
            }
        }
    }
}
