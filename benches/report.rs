//! The statistics report (`xinfang report`) on a demo ledger: loading the cases, the engine,
//! and the whole command's work for a day, a week, a month, a quarter and a year.
//!
//!     XINFANG_BENCH_DB=/tmp/r100k.db cargo bench --bench report
//!     XINFANG_BENCH_PERIODS=month,2026-Q4 XINFANG_BENCH_WRITABLE=1 …   # some periods, the
//!                                                 # ledger opened for writing as the desk does
//!     XINFANG_BENCH_DOCS=1 …                      # also loading and computing from documents
//!     cargo bench --bench report                  # a 10,000-case ledger made on the fly
//!
//! Prints medians and minimums over repeated runs, wall time and this process's CPU time
//! (these machines are shared and noisy: the CPU time moves less than the wall time).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::Utc;
use xinfang::config::Office;
use xinfang::domain::stats::{self, DEFAULT_TOP, Input, Period};
use xinfang::store::Store;

mod common;

// The allocator the binary uses (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// CPU time (user + system) of this process so far.
fn cpu() -> Duration {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

struct Timing {
    wall: Vec<Duration>,
    cpu: Vec<Duration>,
}

fn time<F: FnMut() -> usize>(runs: usize, mut f: F) -> (Timing, usize) {
    let mut t = Timing {
        wall: Vec::new(),
        cpu: Vec::new(),
    };
    let mut n = 0;
    for _ in 0..runs {
        let (w, c) = (Instant::now(), cpu());
        n = std::hint::black_box(f());
        t.wall.push(w.elapsed());
        t.cpu.push(cpu() - c);
    }
    t.wall.sort();
    t.cpu.sort();
    (t, n)
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

fn line(what: &str, t: &Timing, n: usize) {
    println!(
        "{what:<34} wall median {:>7}  min {:>7}   cpu median {:>7}   ({n})",
        ms(t.wall[t.wall.len() / 2]),
        ms(t.wall[0]),
        ms(t.cpu[t.cpu.len() / 2]),
    );
}

fn main() {
    let office = Office::builtin();
    let offset = office.policy.utc_offset;
    let now = Utc::now().with_timezone(&offset);
    let today = now.date_naive();
    let _dir;
    let path: PathBuf = match std::env::var_os("XINFANG_BENCH_DB") {
        Some(p) => PathBuf::from(p),
        None => {
            let (path, dir) = common::demo_ledger(&office, 10_000, 7, now);
            _dir = dir;
            path
        }
    };
    let runs: usize = std::env::var("XINFANG_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(11);
    println!("ledger {}, today {today}, {runs} runs each", path.display());
    // The desk holds the ledger open for writing; the command line reads it read-only.
    let writable = std::env::var("XINFANG_BENCH_WRITABLE").is_ok_and(|v| v == "1");
    let store = if writable {
        Store::open(&path, office.clone(), &common::key()).expect("open")
    } else {
        Store::open_read_only(&path, office.clone(), &common::key()).expect("open")
    };
    let rules = office.rules(&[], &[]);
    // The documents' path too (a ledger before schema 9 is reported from them).
    let docs = std::env::var("XINFANG_BENCH_DOCS").is_ok_and(|v| v == "1");
    let specs = std::env::var("XINFANG_BENCH_PERIODS")
        .unwrap_or_else(|_| "month,day,week,quarter,year".to_owned());
    for spec in specs.split(',') {
        let period = Period::parse(spec, today).expect("period");
        let windows = [period, period.previous(), period.year_before()].map(|p| (p.start, p.end));
        if docs {
            let (t, n) = time(runs, || {
                store.report_cases(&windows).expect("load").cases.len()
            });
            line(&format!("{spec}: load the documents"), &t, n);
            let loaded = store.report_cases(&windows).expect("load");
            let steps = store.step_events(&windows).expect("steps");
            let input = Input {
                cases: &loaded.cases,
                earlier_petitioner: &loaded.earlier_petitioner,
                again: None,
                steps: &steps,
            };
            let (t, n) = time(runs, || {
                stats::report(&input, period, &rules, today, DEFAULT_TOP)
                    .figures
                    .len()
            });
            line(&format!("{spec}: the engine on cases"), &t, n);
        }
        let (t, n) = time(runs, || store.report_facts(&windows).expect("load").len());
        line(&format!("{spec}: load the facts"), &t, n);
        let facts = store.report_facts(&windows).expect("load");
        let (t, n) = time(runs, || {
            stats::report_facts(&facts, period, &rules, today, DEFAULT_TOP)
                .figures
                .len()
        });
        line(&format!("{spec}: the engine on facts"), &t, n);
        drop(facts);
        let (t, n) = time(runs, || {
            store
                .report(period, today, DEFAULT_TOP)
                .expect("report")
                .figures
                .len()
        });
        line(&format!("{spec}: both (Store::report)"), &t, n);
    }
}
