//! Issue 5's operations through a standard harness (divan), on one ledger:
//! open + first frame, queue page-down ×100, search as you type, the leader's
//! dashboard, a monthly and a yearly report, one durable intake + register,
//! and an export of (up to) 100,000 cases.
//!
//!     cargo bench --bench operations                                # a 10,000-case ledger made on the fly
//!     XINFANG_BENCH_DB=/tmp/copy.db cargo bench --bench operations  # a given ledger
//!     XINFANG_BENCH_DB=/tmp/copy.db cargo bench --bench operations -- search   # a filter
//!
//! The desk's operations go through the run loop's own steps (`ui::open_app`,
//! `runtime::dispatch`, `runtime::render` into a 120x40 TestBackend), as
//! `xinfang replay` does; the reports and the export call what `xinfang report`
//! and `xinfang export` call. The intake bench WRITES a case per sample into
//! the ledger (durable: the store's own fsync): give it a copy you can spare.
//!
//! Divan prints fastest, slowest, median and mean per operation (no p99: the
//! hand-rolled `desk`, `search` and `replay.sh` give percentiles). Slow
//! operations take few samples (`max_time`) so the suite ends at a million
//! cases; `DIVAN_SAMPLE_COUNT` / `DIVAN_MAX_TIME` override every bench.

use std::path::PathBuf;
use std::sync::LazyLock;

use chrono::NaiveDate;
use divan::Bencher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use xinfang::config::Office;
use xinfang::domain::rules::Operator;
use xinfang::domain::stats::{DEFAULT_TOP, Period};
use xinfang::domain::types::{Role, State};
use xinfang::store::{CaseRef, Store};
use xinfang::strings::Lang;
use xinfang::ui::app::{App, Msg};
use xinfang::ui::runtime;

mod common;

// The binary's allocator, so allocation costs what it costs in the desk.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const COLS: u16 = 120;
const ROWS: u16 = 40;
/// Issue 5: "export of 100k cases"; a larger ledger exports its newest 100,000.
const EXPORT_CASES: usize = 100_000;

fn main() {
    // Made (or opened and migrated) before divan's first timing.
    let l = &*LEDGER;
    println!(
        "ledger {} ({} cases, today {}), clerk {}, leader {}, case number {}",
        l.path.display(),
        l.cases,
        l.today,
        l.clerk.name,
        l.leader.name,
        l.case_no
    );
    divan::main();
    // A static is never dropped: the generated ledger's directory goes here.
    if let Some(dir) = &l.temp_dir {
        std::fs::remove_dir_all(dir.path()).expect("remove the demo ledger");
    }
}

/// The ledger every bench runs on, and what the benches need from it.
struct Ledger {
    path: PathBuf,
    /// The generated ledger's directory, removed at the end of `main`.
    temp_dir: Option<tempfile::TempDir>,
    office: Office,
    today: NaiveDate,
    cases: usize,
    clerk: Operator,
    leader: Operator,
    /// A registered case's number, from the middle of the ledger, to search for.
    case_no: String,
}

static LEDGER: LazyLock<Ledger> = LazyLock::new(|| {
    let office = Office::builtin();
    let now = chrono::Utc::now().with_timezone(&office.policy.utc_offset);
    let (path, dir) = match std::env::var_os("XINFANG_BENCH_DB") {
        Some(p) => (PathBuf::from(p), None),
        None => {
            let (path, dir) = common::demo_ledger(&office, 10_000, 1, now);
            (path, Some(dir))
        }
    };
    // Opened for writing once: an older ledger is migrated here, not in a timed open.
    let store = Store::open(&path, office.clone(), &common::key())
        .expect("open the ledger (XINFANG_BENCH_DB)");
    let today = now.date_naive();
    let operators = store.operators().expect("the ledger's operators");
    let first = |role: Role| {
        operators
            .iter()
            .find(|o| o.role == role && o.active)
            .cloned()
            .unwrap_or_else(|| panic!("the ledger has no active {role:?}"))
    };
    let ids = store.all_ids().expect("the case ids");
    let case_no = ids[ids.len() / 2..]
        .iter()
        .find_map(|id| {
            let row = store.case(&CaseRef::Id(*id), today).expect("a case");
            row.case.case_no
        })
        .expect("a registered case in the second half of the ledger");
    Ledger {
        cases: ids.len(),
        clerk: first(Role::Clerk),
        leader: first(Role::Leader),
        case_no,
        path,
        temp_dir: dir,
        office,
        today,
    }
});

/// The desk as the run loop holds it: the ledger, the app and the terminal.
struct Desk {
    store: Store,
    app: App,
    term: Terminal<TestBackend>,
}

impl Desk {
    /// Start to the first frame, as `xinfang --as NAME` does it.
    fn open(operator: &Operator) -> Desk {
        let l = &*LEDGER;
        let mut store =
            Store::open(&l.path, l.office.clone(), &common::key()).expect("open the ledger");
        let clock = xinfang::clock::Clock::system(l.office.policy.utc_offset);
        let app = xinfang::ui::open_app(&mut store, Lang::Zh, operator.clone(), clock, ROWS)
            .expect("open the desk");
        let term = Terminal::new(TestBackend::new(COLS, ROWS)).expect("a test terminal");
        let mut desk = Desk { store, app, term };
        desk.draw();
        desk
    }

    fn draw(&mut self) {
        runtime::render(&mut self.term, &self.app).expect("draw a frame");
    }

    /// One key to the finished frame.
    fn press(&mut self, key: KeyEvent) {
        runtime::dispatch(&mut self.store, &mut self.app, Msg::Key(key));
        self.draw();
    }

    fn key(&mut self, code: KeyCode) {
        self.press(KeyEvent::new(code, KeyModifiers::NONE));
    }

    fn type_text(&mut self, text: &str) {
        text.chars().for_each(|c| self.key(KeyCode::Char(c)));
    }
}

/// Start to the first screen: the clerk's queue, the leader's dashboard (its
/// eight lists loaded at start).
#[divan::bench(args = ["clerk", "leader"], sample_count = 30, sample_size = 1, max_time = 20)]
fn open_first_frame(bencher: Bencher, who: &str) {
    let operator = match who {
        "clerk" => &LEDGER.clerk,
        _ => &LEDGER.leader,
    };
    bencher.bench_local(|| Desk::open(operator));
}

/// `PgDn` a hundred times from the first page, each key to its frame (one
/// sample is the hundred keys).
#[divan::bench(sample_count = 20, sample_size = 1, max_time = 30)]
fn queue_page_down_x100(bencher: Bencher) {
    bencher
        .with_inputs(|| Desk::open(&LEDGER.clerk))
        .bench_local_refs(|desk| {
            for _ in 0..100 {
                desk.key(KeyCode::PageDown);
            }
        });
}

/// Search as you type: the query's last character typed, to the frame with
/// its hits (the characters before it are typed untimed). 拆 / 拆迁 / 拆迁补 /
/// 拆迁补偿款: 1, 2, 3, 5 characters; 王伟 a name; 138 a phone prefix (the
/// first to search: one or two digits only ask for more).
#[divan::bench(
    args = ["拆", "拆迁", "拆迁补", "拆迁补偿款", "王伟", "138"],
    sample_count = 30, sample_size = 1, max_time = 20
)]
fn search_as_you_type(bencher: Bencher, query: &str) {
    search_last_key(bencher, query);
}

/// The same for a whole case number (`2025-01234`) of the ledger's.
#[divan::bench(sample_count = 30, sample_size = 1, max_time = 20)]
fn search_case_number(bencher: Bencher) {
    search_last_key(bencher, &LEDGER.case_no);
}

fn search_last_key(bencher: Bencher, query: &str) {
    let mut chars: Vec<char> = query.chars().collect();
    let last = chars.pop().expect("a query of one character or more");
    let typed: String = chars.into_iter().collect();
    let setup = || {
        let mut desk = Desk::open(&LEDGER.clerk);
        desk.key(KeyCode::Char('/'));
        desk.type_text(&typed);
        desk
    };
    // Once untimed: the keys must reach the search field, and the number find its case.
    let mut desk = setup();
    desk.key(KeyCode::Char(last));
    let field = desk
        .app
        .queue()
        .search
        .as_ref()
        .map(|f| f.value().to_owned());
    assert_eq!(
        field.as_deref(),
        Some(query),
        "the query is not in the search field"
    );
    if query == LEDGER.case_no {
        let found =
            (desk.app.queue().rows.iter()).any(|r| r.case.case_no.as_deref() == Some(query));
        assert!(found, "search did not find case {query}");
    }
    bencher
        .with_inputs(setup)
        .bench_local_refs(|desk| desk.key(KeyCode::Char(last)));
}

/// The leader's dashboard: `r` reloads its eight lists, to the frame.
#[divan::bench(sample_count = 30, sample_size = 1, max_time = 30)]
fn dashboard_reload(bencher: Bencher) {
    bencher
        .with_inputs(|| Desk::open(&LEDGER.leader))
        .bench_local_refs(|desk| desk.key(KeyCode::Char('r')));
}

/// `xinfang report --period` last month / last year: the figures from the
/// ledger (read-only, as the command opens it) and the text laid out.
#[divan::bench(args = ["month", "year"], sample_count = 10, sample_size = 1, max_time = 30)]
fn report(bencher: Bencher, period: &str) {
    let l = &*LEDGER;
    let store =
        Store::open_read_only(&l.path, l.office.clone(), &common::key()).expect("open the ledger");
    let period = Period::parse(period, l.today).expect("a period").previous();
    let policy = &l.office.policy;
    bencher.bench_local(|| {
        let report = store
            .report(period, l.today, DEFAULT_TOP)
            .expect("the report");
        xinfang::report::render(&report, xinfang::report::Format::Text, Lang::Zh, policy)
    });
}

/// A visitor taken in (`Ctrl-S`, committed and fsynced) and registered (`d`,
/// `Ctrl-S`), each key to its frame; the form is filled untimed, as
/// `benches/replay/intake.keys` fills it.
#[divan::bench(sample_count = 20, sample_size = 1, max_time = 30)]
fn intake_and_register(bencher: Bencher) {
    let fill = || {
        let mut desk = Desk::open(&LEDGER.clerk);
        desk.type_text("n1张建国");
        (0..6).for_each(|_| desk.key(KeyCode::Tab));
        desk.type_text("城乡");
        (0..5).for_each(|_| desk.key(KeyCode::Tab));
        desk.type_text("反映小区电梯长期停运");
        desk
    };
    let save = |desk: &mut Desk| {
        let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        desk.press(ctrl_s);
        desk.key(KeyCode::Char('d'));
        desk.press(ctrl_s);
    };
    // Once untimed: the keys must really end in a registered case.
    let mut desk = fill();
    save(&mut desk);
    let newest = *desk.store.all_ids().expect("ids").last().expect("a case");
    let row = desk
        .store
        .case(&CaseRef::Id(newest), LEDGER.today)
        .expect("the new case");
    assert_eq!(
        row.case.state,
        State::Registered,
        "intake + register failed"
    );
    bencher.with_inputs(fill).bench_local_refs(save);
}

/// `xinfang export` of the newest 100,000 cases (all of a smaller ledger)
/// into a file. Slow (tens of seconds at 100,000): one sample.
#[divan::bench(args = ["json", "csv"], sample_count = 1, sample_size = 1)]
fn export(bencher: Bencher, format: &str) {
    use xinfang::cli::export::{self, Format};
    let l = &*LEDGER;
    let store =
        Store::open_read_only(&l.path, l.office.clone(), &common::key()).expect("open the ledger");
    let ids = store.all_ids().expect("the case ids");
    let ids = &ids[ids.len().saturating_sub(EXPORT_CASES)..];
    let format = if format == "json" {
        Format::Json
    } else {
        Format::Csv
    };
    let dir = tempfile::tempdir().expect("a temp dir for the export");
    let out = dir.path().join("export");
    bencher.bench_local(|| {
        let file = std::fs::File::create(&out).expect("create the export file");
        let mut w = std::io::BufWriter::new(file);
        let view = export::View {
            lang: xinfang::strings::Lang::Zh,
            full: true,
        };
        if export::write(&store, format, ids, &mut w, l.today, view).is_err() {
            panic!("export failed");
        }
    });
}
