//! The real binary in a real terminal (tmux), as a clerk meets it: search,
//! a visitor and a letter taken in, a case walked to the archive, a draft
//! restored after the terminal died, and the desk ending cleanly on hang-up
//! and SIGTERM. Skipped with a message when tmux is missing; `.ci/run`
//! installs it.

mod common;

use common::tmux::{Desk, eventually, have_tmux};

/// A ledger with the README session (operators, 城建科, case 2026-0001).
fn session() -> common::Ledger {
    let l = common::Ledger::new();
    l.apply_ok(include_str!("fixtures/session.jsonl"));
    l
}

macro_rules! need_tmux {
    () => {
        if !have_tmux() {
            eprintln!("tmux not installed: skipped");
            return;
        }
    };
}

#[test]
fn search_with_a_two_character_word_and_open_the_case() {
    need_tmux!();
    let l = session();
    let d = Desk::start(&l, "search", Some("李娜"));
    d.sees("2026-0001");
    d.keys(&["/"]);
    d.typ("拆迁");
    d.sees("检索: 拆迁");
    d.keys(&["Enter"]);
    d.sees("办理过程");
    assert!(
        d.screen().contains("11010519491231002X"),
        "the case screen shows the full ID"
    );
    // Esc back to the queue: the search closed when the case opened, so
    // `/` starts a new one (issue 17); Esc out of it, q quits.
    d.keys(&["Escape"]);
    d.loses("办理过程");
    d.loses("检索: 拆迁");
    d.keys(&["/"]);
    d.typ("11010519491231002X");
    // An ID number finds its holder's cases.
    d.sees("检索: 11010519491231002X");
    d.sees("2026-0001");
    d.keys(&["Escape"]);
    // Esc and q sent together read as Alt-q: let the Esc land first.
    d.loses("检索: 1101");
    d.keys(&["q"]);
    assert!(eventually(|| !d.alive()), "q did not quit");
}

#[test]
fn register_a_visitor_from_the_window() {
    need_tmux!();
    let l = session();
    let d = Desk::start(&l, "visit", Some("李娜"));
    d.sees("2026-0001");
    d.keys(&["n"]);
    d.sees("1 来访");
    d.keys(&["1"]);
    d.sees("新登记 来访");
    // q and j typed into the name are text, never shortcuts.
    d.typ("王qj");
    d.keys(&["BSpace", "BSpace"]);
    d.typ("伟");
    d.keys(&["Tab"]);
    // The same person as case 2026-0001: the repeat panel shows it.
    d.typ("11010519491231002X");
    // Both earlier cases: 2026-0001 and its review request.
    d.sees("以往来访来信 2 件");
    d.keys(&["C-s"]);
    d.sees("2 项需要更正");
    // The cursor went to the category: 城 picks 城乡建设; the next refusal
    // leaves the summary.
    d.typ("城");
    d.keys(&["C-s"]);
    d.sees("1 项需要更正");
    // The cursor went to the summary: type it on two lines.
    d.typ("反映小区物业乱收费");
    d.keys(&["Enter"]);
    d.typ("要求退还");
    d.keys(&["C-s"]);
    d.sees("已录入");
    d.sees("王伟（主）");
    d.sees("要求退还");
    // Decide at once: d, accept, save.
    d.keys(&["d"]);
    d.sees("受理决定");
    d.keys(&["C-s"]);
    d.sees("已登记");
    d.keys(&["q"]);
    assert!(eventually(|| !d.alive()));
    // What the clerk saw is in the ledger.
    let shown = common::run(&["show", "--db", l.db(), "2026-0002", "--json"], "");
    assert!(shown.success(), "{}", shown.stderr);
    assert!(shown.stdout.contains("王伟"), "{}", shown.stdout);
}

#[test]
fn register_a_letter() {
    need_tmux!();
    let l = session();
    let d = Desk::start(&l, "letter", Some("李娜"));
    d.sees("2026-0001");
    d.keys(&["n", "2"]);
    d.sees("新登记 来信");
    d.typ("刘芳");
    // Phone, address, ID number, work unit, sex (no number: its type is passed over), the
    // received date (today's), then the postmark.
    d.keys(&["Tab"; 7]);
    d.typ("2020-01-01");
    d.keys(&["Tab"]);
    d.typ("信-0042");
    // Saving with the category and summary empty puts the cursor on each.
    d.keys(&["C-s"]);
    d.sees("2 项需要更正");
    d.typ("教育");
    d.keys(&["C-s"]);
    d.sees("1 项需要更正");
    d.typ("来信反映学校收费问题");
    d.keys(&["C-s"]);
    d.sees("已录入");
    d.sees("来信");
    d.sees("2020-01-01");
    d.sees("信-0042");
}

#[test]
fn walk_a_case_from_intake_to_archive() {
    need_tmux!();
    let l = session();
    // The leader may take every step, so one desk walks the whole way.
    let d = Desk::start(&l, "walk", Some("赵建国"));
    // A leader starts on the dashboard and takes visitors in from it too.
    d.sees("领导视图");
    d.keys(&["n", "1"]);
    d.typ("孙立");
    d.keys(&["C-s"]);
    d.sees("2 项需要更正");
    d.typ("城");
    d.keys(&["C-s"]);
    d.sees("1 项需要更正");
    d.typ("反映路灯损坏");
    d.keys(&["C-s"]);
    d.sees("已录入");
    d.keys(&["d", "C-s"]);
    d.sees("已登记");
    d.keys(&["a"]);
    d.sees("承办部门");
    d.typ("城建");
    d.keys(&["Tab"]);
    d.typ("王强");
    d.keys(&["C-s"]);
    d.sees("已交办");
    d.keys(&["o"]);
    d.typ("已安排维修");
    d.keys(&["C-s"]);
    d.sees("已办理：提出处理意见");
    d.keys(&["i", "C-s"]);
    d.sees("已办理：批示");
    d.keys(&["y"]);
    d.sees("答复内容");
    d.keys(&["C-s"]);
    d.sees("已答复");
    d.keys(&["v", "Right", "Tab", "Right", "C-s"]);
    d.sees("已办理：回访");
    d.keys(&["g", "C-s"]);
    d.sees("已归档");
    let check = l.check();
    assert!(check.success(), "{}", check.stderr);
}

#[test]
fn a_draft_is_restored_after_the_terminal_died() {
    need_tmux!();
    let l = session();
    let d = Desk::start(&l, "draft1", Some("李娜"));
    d.sees("2026-0001");
    d.keys(&["n", "1"]);
    d.typ("钱多多");
    d.keys(&["Tab", "Tab"]);
    d.typ("13800138000");
    // The terminal is closed while the visitor is still talking.
    std::thread::sleep(std::time::Duration::from_millis(600));
    d.kill_server();
    assert!(eventually(|| !d.alive()));
    let d = Desk::start(&l, "draft2", Some("李娜"));
    d.sees("未保存的草稿");
    d.keys(&["Enter"]);
    d.sees("钱多多");
    d.sees("13800138000");
}

#[test]
fn a_closed_terminal_ends_the_desk() {
    need_tmux!();
    let l = session();
    let d = Desk::start(&l, "hangup", Some("李娜"));
    d.sees("2026-0001");
    d.kill_server();
    assert!(
        eventually(|| !d.alive()),
        "the desk kept running after its terminal closed"
    );
}

#[test]
fn sigterm_ends_the_desk() {
    need_tmux!();
    let l = session();
    let d = Desk::start(&l, "term", Some("李娜"));
    d.sees("2026-0001");
    std::process::Command::new("kill")
        .args(["-TERM", &d.pid])
        .status()
        .unwrap();
    assert!(eventually(|| !d.alive()), "SIGTERM did not end the desk");
}

#[test]
fn a_leader_records_an_instruction_from_the_dashboard() {
    need_tmux!();
    let l = session();
    // An opinion given two days ago waits for 赵建国's instruction.
    let at = |days: i64| {
        (chrono::Utc::now() - chrono::Duration::days(days))
            .with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap())
            .to_rfc3339()
    };
    l.apply_ok(&format!(
        concat!(
            r#"{{"op":"intake","actor":"李娜","at":"{}","channel":"visit","petitioners":[{{"name":"孙立"}}],"category":"城乡建设","summary":"反映路灯损坏"}}"#,
            "\n",
            r#"{{"op":"register","actor":"李娜","case":3,"decision":"accept","at":"{}"}}"#,
            "\n",
            r#"{{"op":"assign","actor":"李娜","case":3,"department":"城建科","handler":"王强","at":"{}"}}"#,
            "\n",
            r#"{{"op":"opinion","actor":"王强","case":3,"text":"已安排维修","at":"{}"}}"#,
            "\n"
        ),
        at(4),
        at(3),
        at(3),
        at(2)
    ));
    let d = Desk::start(&l, "leader", Some("赵建国"));
    d.sees("领导视图");
    d.sees("待批示（1）");
    // The cursor starts on the first list with cases (the overdue review
    // request); Tab goes to the next one, 待批示.
    d.keys(&["Tab", "i"]);
    d.sees("批示 · 2026-0002");
    d.keys(&["C-s"]);
    d.sees("已办理：批示");
    // Back on the dashboard, the list read again.
    d.sees("待批示（0）");
    let shown = common::run(&["show", "--db", l.db(), "2026-0002", "--json"], "");
    assert!(
        shown.stdout.contains("\"approve\": true") || shown.stdout.contains("\"approve\":true"),
        "{}",
        shown.stdout
    );
}

/// A key pressed after the terminal was resized is taken at once: crossterm answers a resize
/// and a key read together with the resize alone and leaves the key for later, so the desk
/// takes the resize at its next pause, before a key can come with it. Each key below waits
/// for its screen: a key left unread would not show until the next one.
#[test]
fn a_key_after_a_resize_is_taken_at_once() {
    need_tmux!();
    let l = session();
    let d = Desk::start(&l, "resized", Some("赵建国"));
    d.sees("领导视图");
    for (x, y) in [("120", "60"), ("100", "36"), ("120", "40")] {
        d.tmux(&["resize-window", "-x", x, "-y", y]);
        // The desk's pause (250 ms) comes and goes before the key.
        std::thread::sleep(std::time::Duration::from_millis(600));
        d.keys(&["t"]);
        d.sees("统计图");
        d.tmux(&["resize-window", "-x", "110", "-y", "38"]);
        std::thread::sleep(std::time::Duration::from_millis(600));
        d.keys(&["Escape"]);
        d.sees("领导视图");
    }
    d.kill_server();
}

/// The leader reads this month's report in the real terminal, steps to the quarter, and
/// writes it out as HTML and CSV beside the ledger.
#[test]
fn a_leader_reads_and_writes_the_report() {
    need_tmux!();
    let l = session();
    let d = Desk::start(&l, "report", Some("赵建国"));
    d.sees("领导视图");
    d.keys(&["y"]);
    d.sees("信访情况分析报告（月报）");
    d.sees("信访总量（批次）");
    d.keys(&["Tab"]);
    d.sees("信访情况分析报告（季报）");
    d.keys(&["x"]);
    d.sees("报告已写出");
    // In the reader's own folder: a file is what its reader may see (Art 30 第三款).
    let reports = l.path.parent().unwrap().join("reports").join("赵建国");
    let written: Vec<_> = std::fs::read_dir(&reports)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    // HTML, CSV and Word.
    assert_eq!(written.len(), 3, "{written:?}");
    assert!(written.iter().any(|n| n.ends_with(".docx")), "{written:?}");
    assert!(written.iter().all(|n| n.contains("-Q")), "{written:?}");
    d.keys(&["Escape"]);
    d.sees("领导视图");
}

/// Issue 6's end-to-end check: an acceptance notice from the case screen,
/// previewed in the terminal, issued, and written as print-ready HTML.
#[test]
fn issue_an_acceptance_notice_from_the_case_screen() {
    need_tmux!();
    let l = session();
    l.apply_ok(r#"{"op":"office","name":"某区信访局","prefix":"X信","hotline":"12345"}"#);
    let d = Desk::start(&l, "notice", Some("李娜"));
    d.sees("2026-0001");
    d.keys(&["/"]);
    d.typ("拆迁");
    d.sees("检索: 拆迁");
    d.keys(&["Enter"]);
    d.sees("办理过程");
    d.keys(&["p"]);
    d.sees("1 受理告知书");
    d.keys(&["1"]);
    d.sees("文书预览");
    d.sees("X信告〔2026〕1号");
    d.keys(&["Enter"]);
    d.sees("已出具 X信告〔2026〕1号");
    let html = std::fs::read_to_string(l.dir().join("documents/2026-0001_accept.html"))
        .expect("the notice was written beside the ledger");
    assert!(html.contains("受理告知书") && html.contains("张三"));
    d.keys(&["q"]);
    assert!(eventually(|| !d.alive()), "q did not quit");
}

/// The desk's own sign-in screen: the name preselected by --as, nothing typed
/// shown but a • per character, a wrong passphrase refused with the tries left,
/// the right one opens the desk as the one who signed in.
#[test]
fn the_desk_signs_in_at_its_own_screen() {
    need_tmux!();
    let l = session();
    // The fixture gives 李娜 her slot; the desk is then started without a file.
    let signed = common::signed_in(&["--db", l.db(), "--as", "李娜"]);
    let args: Vec<&str> = signed.iter().map(String::as_str).take(4).collect();
    let d = Desk::start_with(&l, "signin", &args);
    d.sees("登录");
    d.sees("李娜");
    d.typ("not it");
    d.loses("not it");
    d.keys(&["Enter"]);
    d.sees("再错4次");
    assert!(d.alive(), "a wrong passphrase keeps the screen");
    d.typ(common::PASSPHRASE);
    d.loses(common::PASSPHRASE);
    d.keys(&["Enter"]);
    d.sees("2026-0001");
}

/// The desk's first run on a path with no ledger: the setup, the first
/// leader's passphrase twice, the recovery key shown once (left only by typing
/// its last group back), then the desk; the next start asks for the passphrase.
#[test]
fn the_first_run_creates_an_encrypted_ledger_and_shows_its_recovery_key() {
    need_tmux!();
    let l = common::Ledger::empty();
    let db = l.file("new.db").display().to_string();
    let d = Desk::start_with(&l, "first", &["--db", &db]);
    d.sees("首次使用");
    d.typ("某区信访局");
    d.keys(&["Tab"]);
    d.typ("赵建国");
    d.keys(&["Tab", "Tab"]);
    d.typ("城建科、民政科");
    d.keys(&["C-s"]);
    d.sees("为第一位领导设定口令");
    d.typ("短");
    d.keys(&["Enter"]);
    d.sees("口令太短");
    d.typ("我们的口令 long enough");
    d.keys(&["Enter"]);
    d.typ("我们的口令 long enough");
    d.keys(&["Enter"]);
    d.sees("恢复密钥（只显示这一次）");
    assert!(xinfang::store::sidecar_path(std::path::Path::new(&db)).exists());
    assert!(!xinfang::store::is_plaintext(std::path::Path::new(&db)));
    let screen = d.screen();
    let key = screen
        .lines()
        .map(|l| l.trim_matches(|c: char| c == '│' || c.is_whitespace()))
        .find(|l| l.len() == 69 && l.matches('-').count() == 13)
        .unwrap_or_else(|| panic!("no recovery key on:\n{screen}"))
        .to_owned();
    // A stray Enter does not pass it.
    d.keys(&["Enter"]);
    d.sees("不对");
    d.typ(key.rsplit('-').next().unwrap_or_default());
    d.keys(&["Enter"]);
    d.sees("领导视图  赵建国");
    d.loses("恢复密钥");
    d.keys(&["C-c"]);
    assert!(eventually(|| !d.alive()));
    // The next start signs in at the screen.
    let d = Desk::start_with(&l, "again", &["--db", &db]);
    d.sees("登录");
    d.typ("我们的口令 long enough");
    d.keys(&["Enter"]);
    d.sees("领导视图  赵建国");
}

/// The demo desk says on its first screen that every operator's passphrase is `demo`
/// (issue 13: the idle lock asks for it), and takes its temporary ledger away when
/// it is closed (issue 17).
#[test]
fn the_demo_desk_says_its_passphrase_and_leaves_nothing_behind() {
    need_tmux!();
    let l = common::Ledger::new();
    let tmp = l.file("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let var = format!("TMPDIR={}", tmp.display());
    let desk = Desk::start_in(&l, "demo", &[&var], &["--demo"]);
    // Writing the 2000 demo cases takes a while in a debug build.
    let start = std::time::Instant::now();
    let mut seen = String::new();
    while start.elapsed() < std::time::Duration::from_secs(120) {
        seen = desk.screen();
        if seen.contains("口令都是「demo」") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    assert!(seen.contains("口令都是「demo」"), "{seen}");
    let made: Vec<_> = std::fs::read_dir(&tmp).unwrap().flatten().collect();
    assert!(
        !made.is_empty(),
        "the demo ledger is in TMPDIR while the desk runs"
    );
    desk.keys(&["q"]);
    assert!(eventually(|| !desk.alive()), "the desk quit");
    let left: Vec<_> = std::fs::read_dir(&tmp)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(left.is_empty(), "the demo left {left:?} behind");
}

/// A leader opening a desk whose office has no letterhead yet (a ledger from `init`) is told
/// where to set it, before a document is refused for the want of it.
#[test]
fn a_leader_is_told_the_letterhead_is_not_set() {
    need_tmux!();
    let l = session();
    let d = Desk::start(&l, "letterhead", Some("赵建国"));
    d.sees("领导视图");
    d.sees("本单位信息");
}
