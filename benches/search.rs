//! Search and open timings on a demo ledger, beside the naive
//! `LIKE '%…%'` scan on the same file.
//!
//!     cargo bench --bench search                      # 10,000-case ledger made on the fly
//!     XINFANG_BENCH_CASES=100000 cargo bench --bench search
//!     XINFANG_BENCH_DB=/path/ledger.db cargo bench --bench search
//!
//! Prints medians and p99 over repeated runs (these machines are shared and
//! noisy: compare medians and ratios, not single runs).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{FixedOffset, TimeZone};
use xinfang::config::Office;
use xinfang::demo::{DemoOptions, generate};
use xinfang::store::Store;

mod common;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn time<F: FnMut() -> usize>(runs: usize, mut f: F) -> (Duration, Duration, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut found = 0;
    for _ in 0..runs {
        let start = Instant::now();
        found = std::hint::black_box(f());
        times.push(start.elapsed());
    }
    times.sort();
    (percentile(&times, 0.5), percentile(&times, 0.99), found)
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let office = Office::builtin();
    let tz = FixedOffset::east_opt(8 * 3600).expect("offset");
    let now = tz
        .with_ymd_and_hms(2026, 11, 20, 16, 0, 0)
        .single()
        .expect("time");
    let _dir;
    let path: PathBuf = match std::env::var_os("XINFANG_BENCH_DB") {
        Some(p) => PathBuf::from(p),
        None => {
            let cases: usize = std::env::var("XINFANG_BENCH_CASES")
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(10_000);
            _dir = tempfile::tempdir().expect("temp dir");
            let path = _dir.path().join("bench.db");
            let mut store = Store::open(&path, office.clone(), &common::key()).expect("open");
            let start = Instant::now();
            generate(
                &mut store,
                &DemoOptions {
                    cases,
                    seed: 7,
                    now,
                },
            )
            .expect("demo");
            println!(
                "demo ledger: {cases} cases written in {:.1} s",
                start.elapsed().as_secs_f64()
            );
            path
        }
    };
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let (open_med, _, _) = time(20, || {
        let s = Store::open_read_only(&path, office.clone(), &common::key()).expect("open");
        s.counts(now.date_naive())
            .map(|c| c.open as usize)
            .unwrap_or(0)
    });
    let store = Store::open_read_only(&path, office.clone(), &common::key()).expect("open");
    let cases = store.all_ids().map(|v| v.len()).unwrap_or(0);
    println!(
        "ledger: {} ({cases} cases, {:.1} MB, {:.0} bytes/case)",
        path.display(),
        size as f64 / 1e6,
        size as f64 / cases.max(1) as f64
    );
    println!("open + queue counts: median {}", ms(open_med));
    let naive =
        rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open");
    println!(
        "{:<16} {:>8} {:>12} {:>12} {:>14} {:>8}",
        "query", "hits", "median", "p99", "LIKE median", "ratio"
    );
    let today = now.date_naive();
    for q in [
        "拆",
        "物业",
        "低保",
        "王伟",
        "补偿款",
        "拖欠工资",
        "信访人反映",
        "138",
        "2026-01",
        "物业服务费",
    ] {
        let (med, p99, hits) = time(30, || {
            store.search(q, 50, today).map(|r| r.len()).unwrap_or(0)
        });
        // The naive way: a scan of the stored documents for the substring.
        let like = format!("%{q}%");
        let (lmed, _, _) = time(5, || {
            naive
                .query_row(
                    "SELECT count(*) FROM (SELECT id FROM cases WHERE doc LIKE ?1 ORDER BY id DESC LIMIT 50)",
                    [&like],
                    |r| r.get::<_, i64>(0),
                )
                .unwrap_or(0) as usize
        });
        let ratio = lmed.as_secs_f64() / med.as_secs_f64().max(1e-9);
        println!(
            "{q:<16} {hits:>8} {:>12} {:>12} {:>14} {:>7.0}x",
            ms(med),
            ms(p99),
            ms(lmed),
            ratio
        );
    }
}
