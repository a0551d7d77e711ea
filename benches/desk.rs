//! The desk's own timings on a demo ledger: start to first screen, and a
//! key press to the finished frame while browsing the queue, searching and
//! typing in the intake form.
//!
//!     cargo build --release
//!     ./target/release/xinfang demo --db /tmp/bench100k.db --cases 100000
//!     XINFANG_BENCH_DB=/tmp/bench100k.db cargo bench --bench desk
//!
//! The ledger must be writable: starting the desk records the operator, as
//! `xinfang --as NAME` does. Without XINFANG_BENCH_DB the bench says so and
//! does nothing (a 100,000-case ledger takes a minute to write).
//!
//! The real App is driven through its public surface as the run loop
//! (`ui::run`) drives it: `App::new`, `Msg::Resize`, the `start()` commands
//! through `runtime::execute`, then for each key `App::update`, its commands
//! through `runtime::execute` and their answers back through
//! `runtime::dispatch` (which is what `dispatch` itself does, taken apart
//! so the store's share can be timed), then `runtime::render`. Frames go to ratatui's
//! TestBackend at 120x40 and 80x24, and to a crossterm backend writing into
//! a byte counter at 120x40 (the real backend's escape sequences without a
//! terminal). Not measured: reading the key from the tty, and the terminal
//! painting what it is sent (the tmux script `benches/desk_start.sh` times
//! the real binary's start).
//!
//! Prints medians, p90, p99 and max (these machines are shared and noisy:
//! quote medians). One frame at 60 Hz is 16.7 ms.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use ratatui::backend::{Backend, CrosstermBackend, TestBackend};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use xinfang::config::{Office, config_dir};
use xinfang::domain::rules::Operator;
use xinfang::domain::types::Role;
use xinfang::store::{ListFilter, Store};
use xinfang::strings::Lang;
use xinfang::ui::app::{App, Cmd, Filter, Msg};
use xinfang::ui::runtime;

mod common;

// The binary's allocator, so allocation costs what it costs in the desk.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const START_RUNS: usize = 20;

/// Bytes the crossterm backend has written since last taken.
static SENT: AtomicUsize = AtomicUsize::new(0);

/// A writer that keeps only the count of what it was sent (in `SENT`:
/// the backend's writer is not reachable on stable ratatui).
struct Counter;

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        SENT.fetch_add(buf.len(), Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Bytes a backend has sent since the last call (the crossterm one only).
trait Sent {
    fn take_sent(&mut self) -> Option<usize>;
}

impl Sent for TestBackend {
    fn take_sent(&mut self) -> Option<usize> {
        None
    }
}

impl Sent for CrosstermBackend<Counter> {
    fn take_sent(&mut self) -> Option<usize> {
        Some(SENT.swap(0, Ordering::Relaxed))
    }
}

/// One key press: the pure update, the store work it asked for (with the
/// update of each answer), and the frame.
#[derive(Clone, Copy)]
struct Sample {
    update: Duration,
    store: Duration,
    render: Duration,
    bytes: Option<usize>,
}

impl Sample {
    fn total(&self) -> Duration {
        self.update + self.store + self.render
    }
}

/// Samples by kind of key, in the order the kinds first appear.
#[derive(Default)]
struct Stats(Vec<(String, Vec<Sample>)>);

impl Stats {
    fn add(&mut self, kind: &str, s: Sample) {
        match self.0.iter_mut().find(|(k, _)| k == kind) {
            Some((_, v)) => v.push(s),
            None => self.0.push((kind.to_owned(), vec![s])),
        }
    }

    fn get(&self, kind: &str) -> Option<&[Sample]> {
        self.0
            .iter()
            .find(|(k, _)| k == kind)
            .map(|(_, v)| v.as_slice())
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn sorted(samples: &[Sample], f: impl Fn(&Sample) -> Duration) -> Vec<Duration> {
    let mut v: Vec<Duration> = samples.iter().map(f).collect();
    v.sort();
    v
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

struct Desk<B: Backend> {
    store: Store,
    app: App,
    term: Terminal<B>,
}

impl<B: Backend + Sent> Desk<B> {
    /// Presses `key` and draws the frame, as one turn of the run loop.
    /// Returns the timing and the commands the key asked for.
    fn press(&mut self, key: KeyEvent) -> (Sample, Vec<Cmd>) {
        let t0 = Instant::now();
        let cmds = self.app.update(Msg::Key(key));
        let t1 = Instant::now();
        // `runtime::dispatch`: every command is run, then every answer fed
        // back (last first), each answer's own commands likewise.
        let answers: Vec<Msg> = cmds
            .iter()
            .map(|c| runtime::execute(&mut self.store, &self.app, c))
            .collect();
        for msg in answers.into_iter().rev() {
            runtime::dispatch(&mut self.store, &mut self.app, msg);
        }
        let t2 = Instant::now();
        runtime::render(&mut self.term, &self.app).expect("render");
        let t3 = Instant::now();
        let sample = Sample {
            update: t1 - t0,
            store: t2 - t1,
            render: t3 - t2,
            bytes: self.term.backend_mut().take_sent(),
        };
        (sample, cmds)
    }
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

/// Start to first screen, timed in parts.
struct Start {
    open: Duration,
    /// `Msg::Resize` to the terminal's rows: a new page size reloads.
    resize: Duration,
    /// The commands of `start()`.
    load: Duration,
    render: Duration,
}

impl Start {
    fn total(&self) -> Duration {
        self.open + self.resize + self.load + self.render
    }
}

/// Opens the ledger and shows the first screen as `xinfang --as NAME`
/// does (cli::desk, then ui::run up to its first frame).
fn start<B: Backend + Sent>(
    path: &Path,
    operator: &str,
    term: Terminal<B>,
    rows: u16,
) -> (Desk<B>, Start) {
    let t0 = Instant::now();
    let office = Office::load(config_dir().as_deref()).expect("office");
    let mut store = Store::open(path, office, &common::key()).expect("open the ledger");
    let operators = store.operators().expect("operators");
    let operator = operators
        .into_iter()
        .find(|o| o.name == operator)
        .expect("operator");
    store
        .set_meta("last_operator", &operator.name)
        .expect("set meta");
    let office_name = store
        .meta("office_name")
        .expect("meta")
        .unwrap_or_else(|| xinfang::strings::ui::text(Lang::Zh).app.to_owned());
    let today = chrono::Utc::now()
        .with_timezone(&store.office().policy.utc_offset)
        .date_naive();
    let t1 = Instant::now();
    let mut app = App::new(Lang::Zh, Some(operator), office_name, today);
    runtime::dispatch(&mut store, &mut app, Msg::Resize { rows });
    let t2 = Instant::now();
    for cmd in app.start() {
        let msg = runtime::execute(&mut store, &app, &cmd);
        runtime::dispatch(&mut store, &mut app, msg);
    }
    let t3 = Instant::now();
    let mut desk = Desk { store, app, term };
    runtime::render(&mut desk.term, &desk.app).expect("render");
    let t4 = Instant::now();
    desk.term.backend_mut().take_sent();
    (
        desk,
        Start {
            open: t1 - t0,
            resize: t2 - t1,
            load: t3 - t2,
            render: t4 - t3,
        },
    )
}

/// One session at the desk: browsing, filters, search, the intake form;
/// a few hundred presses of the common keys.
fn session<B: Backend + Sent>(desk: &mut Desk<B>, stats: &mut Stats) {
    // Browsing: j down the newest cases; every page_size-th press turns
    // the page (a keyset query for the next page).
    for _ in 0..1400 {
        let (s, cmds) = desk.press(ch('j'));
        stats.add(
            if cmds.is_empty() {
                "j (same page)"
            } else {
                "j (next page: load)"
            },
            s,
        );
    }
    for _ in 0..300 {
        stats.add("PgDn (load)", desk.press(key(KeyCode::PageDown)).0);
    }
    for _ in 0..150 {
        stats.add("PgUp (load)", desk.press(key(KeyCode::PageUp)).0);
    }
    for _ in 0..30 {
        stats.add("Enter (open case)", desk.press(key(KeyCode::Enter)).0);
        stats.add("Esc (back: reload)", desk.press(key(KeyCode::Esc)).0);
    }
    // Filters: f cycles through them, each a fresh first page.
    for _ in 0..30 {
        loop {
            let (s, cmds) = desk.press(ch('f'));
            let filter = cmds.iter().find_map(|c| match c {
                Cmd::LoadPage { view, .. } => Some(view.filter),
                _ => None,
            });
            let kind = match filter {
                Some(Filter::Overdue) => "f → overdue",
                Some(Filter::DueSoon) => "f → due soon",
                Some(Filter::State(_)) => "f → a state",
                Some(Filter::All) => "f → all",
                None => "f (nothing loaded)",
            };
            stats.add(kind, s);
            // Page through the overdue cases, ordered by due date.
            if filter == Some(Filter::Overdue) {
                for _ in 0..5 {
                    stats.add(
                        "PgDn in overdue (load)",
                        desk.press(key(KeyCode::PageDown)).0,
                    );
                }
            }
            if filter == Some(Filter::All) || filter.is_none() {
                break;
            }
        }
    }
    // Search as you type: every keystroke queries the index again.
    for _ in 0..60 {
        stats.add("/ (open search)", desk.press(ch('/')).0);
        stats.add("type 王 (search)", desk.press(ch('王')).0);
        stats.add("type 伟 (search 王伟)", desk.press(ch('伟')).0);
        stats.add(
            "Backspace (search 王)",
            desk.press(key(KeyCode::Backspace)).0,
        );
        stats.add(
            "Backspace (empty: page)",
            desk.press(key(KeyCode::Backspace)).0,
        );
        stats.add("Esc (close search)", desk.press(key(KeyCode::Esc)).0);
    }
    // The intake form: no store work until Ctrl-S; what is timed is the
    // update and the frame. The summary goes into the field after the name
    // (one Tab): the form's field order is not this bench's business.
    let names = ["张建国", "王秀英", "欧阳明华", "李娜"];
    let summary: String = "小区物业长期拖欠电梯维修费用，电梯多次故障无人维修，老人出行十分困难，\
         请求督促物业公司尽快整改并公开维修基金使用情况"
        .chars()
        .take(40)
        .collect();
    assert_eq!(summary.chars().count(), 40);
    for round in 0..30 {
        stats.add("n (new: channel?)", desk.press(ch('n')).0);
        stats.add("1 (open visit form)", desk.press(ch('1')).0);
        for c in names[round % names.len()].chars() {
            stats.add("type a name character", desk.press(ch(c)).0);
        }
        stats.add("Tab (check, next field)", desk.press(key(KeyCode::Tab)).0);
        for c in summary.chars() {
            stats.add("type a summary character", desk.press(ch(c)).0);
        }
        stats.add("Esc (confirm discard)", desk.press(key(KeyCode::Esc)).0);
        stats.add("Esc (discard)", desk.press(key(KeyCode::Esc)).0);
    }
    // The report screen: y makes this month's 月报; ← the month before; Tab the quarter;
    // scrolling is only a frame.
    for _ in 0..5 {
        stats.add("y (report: this month)", desk.press(ch('y')).0);
        stats.add("← (report: month before)", desk.press(key(KeyCode::Left)).0);
        for _ in 0..10 {
            stats.add("PgDn in the report", desk.press(key(KeyCode::PageDown)).0);
        }
        stats.add("Tab (report: the quarter)", desk.press(key(KeyCode::Tab)).0);
        stats.add("Esc (report: back)", desk.press(key(KeyCode::Esc)).0);
    }
}

fn print_starts(title: &str, starts: &[Start]) {
    let med = |f: fn(&Start) -> Duration| {
        let v = sorted_durations(starts.iter().map(f));
        (
            percentile(&v, 0.5),
            percentile(&v, 0.9),
            *v.last().expect("runs"),
        )
    };
    let (total, p90, max) = med(Start::total);
    println!(
        "{title}: start to first screen over {} runs (ms): median {}  p90 {}  max {}  first run {}",
        starts.len(),
        ms(total),
        ms(p90),
        ms(max),
        ms(starts[0].total()),
    );
    println!(
        "    medians: open ledger + operator {}  Resize {}  start() commands {}  first frame {}",
        ms(med(|s| s.open).0),
        ms(med(|s| s.resize).0),
        ms(med(|s| s.load).0),
        ms(med(|s| s.render).0),
    );
}

fn sorted_durations(it: impl Iterator<Item = Duration>) -> Vec<Duration> {
    let mut v: Vec<Duration> = it.collect();
    v.sort();
    v
}

fn print_stats(title: &str, stats: &Stats) {
    println!("\n{title}: key press → finished frame (ms)");
    println!(
        "{:<28} {:>5} {:>8} {:>8} {:>8} {:>8}  {:>8} {:>8} {:>8}",
        "key", "n", "median", "p90", "p99", "max", "update", "store", "render"
    );
    for (kind, samples) in &stats.0 {
        let total = sorted(samples, Sample::total);
        let med = |f: fn(&Sample) -> Duration| ms(percentile(&sorted(samples, f), 0.5));
        println!(
            "{:<28} {:>5} {:>8} {:>8} {:>8} {:>8}  {:>8} {:>8} {:>8}",
            kind,
            samples.len(),
            ms(percentile(&total, 0.5)),
            ms(percentile(&total, 0.9)),
            ms(percentile(&total, 0.99)),
            ms(*total.last().expect("samples")),
            med(|s| s.update),
            med(|s| s.store),
            med(|s| s.render),
        );
    }
}

/// Medians side by side for the other backends and sizes.
fn print_compare(base: &Stats, others: &[(&str, &Stats)]) {
    println!("\nmedian key → frame (ms) by backend and size; bytes = crossterm output per frame");
    print!("{:<28} {:>14}", "key", "Test 120x40");
    for (name, _) in others {
        print!(" {name:>16}");
    }
    println!(" {:>8}", "bytes");
    for (kind, samples) in &base.0 {
        print!(
            "{kind:<28} {:>14}",
            ms(percentile(&sorted(samples, Sample::total), 0.5))
        );
        let mut bytes = None;
        for (_, stats) in others {
            match stats.get(kind) {
                Some(v) => {
                    print!(" {:>16}", ms(percentile(&sorted(v, Sample::total), 0.5)));
                    if let Some(b) = median_bytes(v) {
                        bytes = Some(b);
                    }
                }
                None => print!(" {:>16}", "-"),
            }
        }
        match bytes {
            Some(b) => println!(" {b:>8}"),
            None => println!(" {:>8}", "-"),
        }
    }
}

fn median_bytes(v: &[Sample]) -> Option<usize> {
    let mut b: Vec<usize> = v.iter().filter_map(|s| s.bytes).collect();
    if b.is_empty() {
        return None;
    }
    b.sort();
    Some(b[b.len() / 2])
}

fn test_terminal(w: u16, h: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(w, h)).expect("terminal")
}

/// The real backend into a byte counter; a fixed viewport, since there is
/// no terminal to ask for its size.
fn crossterm_terminal(w: u16, h: u16) -> Terminal<CrosstermBackend<Counter>> {
    Terminal::with_options(
        CrosstermBackend::new(Counter),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        },
    )
    .expect("terminal")
}

/// Start `START_RUNS` times, then one session on the last desk.
fn run<B: Backend + Sent>(
    path: &Path,
    operator: &str,
    rows: u16,
    mut make: impl FnMut() -> Terminal<B>,
) -> (Vec<Start>, Stats) {
    let mut starts = Vec::with_capacity(START_RUNS);
    let mut desk = None;
    for _ in 0..START_RUNS {
        let (d, s) = start(path, operator, make(), rows);
        starts.push(s);
        desk = Some(d);
    }
    let mut desk = desk.expect("a desk");
    let mut stats = Stats::default();
    session(&mut desk, &mut stats);
    (starts, stats)
}

/// The two store calls behind most of the time, alone, on a warm
/// connection: the queue counts (header) and one page of the queue.
fn store_alone(path: &Path, page: usize) {
    let office = Office::load(config_dir().as_deref()).expect("office");
    let store = Store::open_read_only(path, office, &common::key()).expect("open");
    let today = chrono::Utc::now()
        .with_timezone(&store.office().policy.utc_offset)
        .date_naive();
    let time = |f: &dyn Fn() -> usize| {
        let v = sorted_durations((0..30).map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        }));
        ms(percentile(&v, 0.5))
    };
    let counts = time(&|| store.counts(today).map(|c| c.open as usize).unwrap_or(0));
    let list = time(&|| {
        let f = ListFilter {
            limit: page + 1,
            ..ListFilter::default()
        };
        store.list(&f, today).map(|r| r.len()).unwrap_or(0)
    });
    let charts = time(&|| store.charts(today, 12).map(|c| c.weeks.len()).unwrap_or(0));
    let dashboard = time(&|| {
        store
            .dashboard("", today, 3, 8)
            .map(|d| d.overdue.len())
            .unwrap_or(0)
    });
    println!(
        "\nstore calls alone, warm (median of 30, ms): counts() {counts}  first page of {page} {list}  \
         dashboard {dashboard}  charts (12 weeks) {charts}"
    );
}

fn main() {
    let Some(path) = std::env::var_os("XINFANG_BENCH_DB").map(PathBuf::from) else {
        println!(
            "desk bench skipped: set XINFANG_BENCH_DB to a demo ledger, e.g.\n    \
             xinfang demo --db /tmp/bench100k.db --cases 100000\n    \
             XINFANG_BENCH_DB=/tmp/bench100k.db cargo bench --bench desk"
        );
        return;
    };
    let began = Instant::now();
    let operator: Operator = {
        let office = Office::load(config_dir().as_deref()).expect("office");
        let store = Store::open(&path, office, &common::key()).expect("open the ledger");
        let ops = store.operators().expect("operators");
        let cases = store.all_ids().map(|v| v.len()).unwrap_or(0);
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        println!(
            "ledger: {} ({cases} cases, {:.2} GB)",
            path.display(),
            size as f64 / 1e9
        );
        ops.into_iter()
            .find(|o| o.role == Role::Clerk && o.active)
            .expect("a clerk in the ledger")
    };
    println!("operator: {} (clerk)\n", operator.name);
    let name = operator.name.as_str();

    let (starts, stats) = run(&path, name, 40, || test_terminal(120, 40));
    print_starts("TestBackend 120x40", &starts);
    let (cstarts, cstats) = run(&path, name, 40, || crossterm_terminal(120, 40));
    print_starts("crossterm 120x40 ", &cstarts);
    let (sstarts, sstats) = run(&path, name, 24, || test_terminal(80, 24));
    print_starts("TestBackend 80x24 ", &sstarts);
    // A leader opens on the dashboard: its eight lists are loaded at start.
    let leader = {
        let office = Office::load(config_dir().as_deref()).expect("office");
        let store = Store::open(&path, office, &common::key()).expect("open the ledger");
        store
            .operators()
            .expect("operators")
            .into_iter()
            .find(|o| o.role == Role::Leader && o.active)
            .map(|o| o.name)
    };
    if let Some(leader) = &leader {
        let starts: Vec<Start> = (0..START_RUNS)
            .map(|_| start(&path, leader, test_terminal(120, 40), 40).1)
            .collect();
        print_starts(&format!("leader {leader} (dashboard) 120x40"), &starts);
    }

    print_stats("TestBackend 120x40", &stats);
    print_compare(
        &stats,
        &[("crossterm 120x40", &cstats), ("Test 80x24", &sstats)],
    );
    store_alone(&path, 35);
    println!(
        "\nframe budget at 60 Hz: 16.7 ms; whole bench {:.0} s",
        began.elapsed().as_secs_f64()
    );
}
