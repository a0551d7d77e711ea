//! The report from the narrow `case_facts` rows equals the report from the documents, on demo
//! ledgers written in bulk and command by command, after further commands (updates, attached
//! items, paper records received earlier than cases already in), and after migration 0011
//! fills the rows of an older ledger.

mod common;

use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::{Value, json};
use xinfang::config::Office;
use xinfang::demo::{DemoOptions, generate};
use xinfang::domain::case::Case;
use xinfang::domain::command::Command;
use xinfang::domain::stats::{self, CaseFacts, DEFAULT_TOP, Input, Period, Report};
use xinfang::domain::types::State;
use xinfang::store::{CaseRef, Request, Store};

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-10T15:20:00+08:00").unwrap()
}

fn today() -> NaiveDate {
    now().date_naive()
}

/// Wide enough for every case of a demo.
const ALL: [(NaiveDate, NaiveDate); 1] = [(NaiveDate::MIN, NaiveDate::MAX)];

fn demo(path: &Path, cases: usize, bulk: bool) -> Store {
    let mut store = Store::open(
        path,
        Office::builtin(),
        &xinfang::store::DataKey::from_bytes([7; 32]),
    )
    .unwrap();
    store.set_bulk_loading(bulk).unwrap();
    let opts = DemoOptions {
        cases,
        seed: 11,
        now: now(),
    };
    generate(&mut store, &opts).unwrap();
    if bulk {
        store.set_bulk_loading(false).unwrap();
    }
    store
}

/// Every case, from the documents.
fn all_cases(store: &Store) -> Vec<Case> {
    store.report_cases(&ALL).unwrap().cases
}

/// Every facts row, by id.
fn all_facts(store: &Store) -> Vec<CaseFacts> {
    let mut f = store.report_facts(&ALL).unwrap();
    f.sort_by_key(|f| f.id);
    f
}

const PERIODS: [&str; 6] = ["day", "week", "month", "2026-02", "quarter", "year"];

/// Each period's report three ways: from the facts rows (`Store::report`), from the
/// documents the store selects, and from every case with the repeat rule in Rust.
fn assert_same_reports(store: &Store) -> usize {
    let cases = all_cases(store);
    let earlier = stats::earlier_petitioner_ids(&cases);
    let rules_office = Office::builtin();
    let rules = rules_office.rules(&[], &[]);
    let (mut listed, mut cut) = (0, 0);
    let office_day = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
    let first = (cases.iter())
        .map(|c| c.intake.received_at.with_timezone(&office_day).date_naive())
        .min();
    for spec in PERIODS {
        let period = Period::parse(spec, today()).unwrap();
        let from_facts = store.report(period, today(), DEFAULT_TOP).unwrap();
        let windows = period.compared(today()).map(|p| (p.start, p.end));
        let loaded = store.report_cases(&windows).unwrap();
        let steps = store.step_events(&windows).unwrap();
        let mut from_docs = stats::report(
            &Input {
                cases: &loaded.cases,
                earlier_petitioner: &loaded.earlier_petitioner,
                again: Some(&loaded.again),
                steps: &steps,
            },
            period,
            &rules,
            today(),
            DEFAULT_TOP,
        );
        let mut from_all = stats::report(
            &Input {
                cases: &cases,
                earlier_petitioner: &earlier,
                again: None,
                steps: &steps,
            },
            period,
            &rules,
            today(),
            DEFAULT_TOP,
        );
        // 领导阅批率 is counted from the letters themselves, not from the flows: the same
        // count here from the documents.
        let letters = period.compared(today()).map(|p| letters(&cases, p));
        stats::put_letters(&mut from_docs, letters);
        stats::put_letters(&mut from_all, letters);
        // The day the ledger's first case came, which the store adds: the same from the cases.
        from_docs.ledger_from = first;
        from_all.ledger_from = first;
        // The store's report holds each list's first page; the pages, read on, are the
        // whole list.
        assert_pages_eq(store, period, &from_docs, spec);
        from_docs.keep_first(stats::LIST_PAGE);
        from_all.keep_first(stats::LIST_PAGE);
        assert_reports_eq(&from_facts, &from_docs, spec);
        assert_reports_eq(&from_facts, &from_all, spec);
        // The desk's report screen reads fewer listed cases: the same report, its lists cut
        // there (their counts whole).
        let mut short = from_facts.clone();
        short.keep_first(SCREEN_LISTED);
        let listing = (store.report_listing(period, today(), DEFAULT_TOP, SCREEN_LISTED)).unwrap();
        assert_reports_eq(&short, &listing, spec);
        cut += usize::from(from_facts.overdue_items.len() > SCREEN_LISTED);
        listed += from_facts.overdue_items.len() + from_facts.supervised_items.len();
    }
    // Some period's overdue list was longer than the screen's page (the cut was tried).
    assert!(
        listed == 0 || cut > 0,
        "no list longer than {SCREEN_LISTED}"
    );
    listed
}

/// Listed cases of the report as the desk's screen reads them (its page is 20).
const SCREEN_LISTED: usize = 3;

/// Letters received in `p`, and those with a 批示.
fn letters(cases: &[xinfang::domain::case::Case], p: Period) -> stats::Letters {
    let of_p = cases.iter().filter(|c| {
        c.intake.channel == xinfang::domain::types::Channel::Letter
            && p.contains(c.intake.received_at.date_naive())
    });
    let (received, signed) = of_p.fold((0, 0), |(n, s), c| {
        (n + 1, s + u64::from(!c.instructions.is_empty()))
    });
    stats::Letters { received, signed }
}

/// Every page of both lists, concatenated, is the whole list, and its count its length.
fn assert_pages_eq(store: &Store, period: Period, whole: &Report, spec: &str) {
    const N: usize = 7;
    let (mut overdue, mut supervised) = (Vec::new(), Vec::new());
    loop {
        let (total, page) = store
            .report_overdue_page(period, today(), overdue.len(), N)
            .unwrap();
        assert_eq!(
            total,
            whole.overdue_items.len() as u64,
            "{spec}: overdue count"
        );
        let more = page.len() == N;
        overdue.extend(page);
        if !more {
            break;
        }
    }
    loop {
        let (total, page) = store
            .report_supervised_page(period, today(), supervised.len(), N)
            .unwrap();
        assert_eq!(
            total,
            whole.supervised_items.len() as u64,
            "{spec}: supervised count"
        );
        let more = page.len() == N;
        supervised.extend(page);
        if !more {
            break;
        }
    }
    assert_eq!(overdue, whole.overdue_items, "{spec}: overdue pages");
    assert_eq!(
        supervised, whole.supervised_items,
        "{spec}: supervised pages"
    );
}

fn assert_reports_eq(a: &Report, b: &Report, spec: &str) {
    if a != b {
        // The first differing figure or item, rather than two pages of debug output.
        for (x, y) in a.figures.iter().zip(&b.figures) {
            assert_eq!(x, y, "{spec}: figure differs");
        }
        assert_eq!(a.figures.len(), b.figures.len(), "{spec}: figures");
        assert_eq!(a.overdue_items, b.overdue_items, "{spec}: overdue items");
        assert_eq!(a.supervised_items, b.supervised_items, "{spec}: supervised");
        panic!("{spec}: reports differ");
    }
}

fn command(v: Value) -> Command {
    serde_json::from_value(v).unwrap()
}

/// More commands on the demo's cases, as a desk would give them today; returns how many
/// the ledger took.
fn more_commands(store: &mut Store) -> usize {
    // By id: the documents come back in whatever order the parsing threads finish, and the
    // commands must not depend on it.
    let mut cases = all_cases(store);
    cases.sort_by_key(|c| c.id);
    let clerk = cases[0].intake.receiver.clone();
    let leader = cases
        .iter()
        .find_map(|c| c.instructions.first().map(|i| i.stamp.by.clone()))
        .unwrap();
    let mut reqs: Vec<(Option<i64>, String, Command, String)> = Vec::new();
    let at = "2026-03-10T16:00:00+08:00";
    for (n, c) in cases.iter().enumerate().filter(|(n, _)| n % 7 == 0) {
        let cmd = match c.state {
            State::Intake => json!({"op": "register", "decision": "accept"}),
            State::Registered | State::Assigned if n % 2 == 0 => json!({"op": "supervise",
                "ground": "leader", "text": "请加快", "feedback_by": "2026-03-20"}),
            State::Registered => continue,
            State::Assigned => json!({"op": "extend", "days": 20, "reason": "需评估"}),
            State::Replied if c.return_visit.is_none() => json!({"op": "return_visit",
                "unit": "basic", "office": "satisfied"}),
            State::Replied => json!({"op": "archive"}),
            State::Archived => continue,
        };
        let actor = if cmd["op"] == "supervise" || cmd["op"] == "extend" {
            &leader
        } else {
            &clerk
        };
        // Some cases ordered twice: a case counts once among those supervised.
        if cmd["op"] == "supervise" && n % 28 == 0 {
            reqs.push((
                Some(c.id),
                actor.clone(),
                command(cmd.clone()),
                at.to_owned(),
            ));
        }
        reqs.push((Some(c.id), actor.clone(), command(cmd), at.to_owned()));
    }
    // Repeat items on open cases, and paper records received before cases already in
    // whose petitioners they share: those later cases become repeats.
    for (n, c) in cases.iter().enumerate().filter(|(n, _)| n % 13 == 5) {
        let Some(p) = c.intake.petitioners.first() else {
            continue;
        };
        let who = match n % 3 {
            0 => json!({"name": "旧来人", "id_number": p.id_number, "main": true}),
            1 => json!({"name": "旧来人", "phone": p.phone, "main": true}),
            _ => json!({"name": p.name, "address": p.address, "main": true}),
        };
        let open = matches!(c.state, State::Intake | State::Registered | State::Assigned);
        let (op, case) = if open && n % 2 == 0 {
            ("attach", Some(c.id))
        } else {
            ("intake", None)
        };
        let received = c.intake.received_at - chrono::Duration::days(3);
        let cmd = json!({"op": op, "channel": "letter", "people": 1, "petitioners": [who],
            "received_at": received.to_rfc3339(), "category": c.intake.category,
            "summary": "补录的来信"});
        reqs.push((case, clerk.clone(), command(cmd), at.to_owned()));
    }
    let mut done = 0;
    for (case, actor, command, at) in reqs {
        let req = Request {
            case: case.map(CaseRef::Id),
            expected_version: None,
            command,
            actor,
            at: DateTime::parse_from_rfc3339(&at).unwrap(),
        };
        // Some are refused (an extension past its clock, say): the rest is enough.
        done += usize::from(store.execute(&req).is_ok());
    }
    done
}

#[test]
fn the_facts_give_the_documents_report_after_bulk_and_single_writes() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo(&dir.path().join("bulk.db"), 2500, true);
    assert!(assert_same_reports(&store) > 50);
    let done = more_commands(&mut store);
    assert!(done > 150, "{done}");
    assert_same_reports(&store);
    // The next case's receipt the petitioners' trigger kept on each row (paper records
    // received before cases already in among them) is what `check` recomputes.
    let checked = store.check().unwrap();
    assert!(checked.ok(), "{checked:?}");
    // The rows, written as commands came, are what migration 0011 makes of the documents.
    let written = all_facts(&store);
    assert_eq!(written.len(), all_cases(&store).len());
    assert!(written.iter().filter(|f| f.earlier_petitioner).count() > 100);
    drop(store);
    let path = dir.path().join("bulk.db");
    let conn = common::sqlite(&path);
    // The reports above held cases ordered twice (a case counts once among the supervised).
    let twice: i64 = conn
        .query_row(
            "SELECT count(*) FROM (SELECT case_id FROM report_supervision
               GROUP BY case_id HAVING count(*) > 1)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(twice > 0, "{twice}");
    conn.execute_batch(
        "DROP TRIGGER petitioners_repeat; DROP TRIGGER petitioners_again;
         DROP TABLE case_facts; DROP TABLE case_summaries; PRAGMA user_version = 10;",
    )
    .unwrap();
    drop(conn);
    // Read-only, before the upgrade: from the documents.
    let old = Store::open_read_only(
        &path,
        Office::builtin(),
        &xinfang::store::DataKey::from_bytes([7; 32]),
    )
    .unwrap();
    let listed = assert_same_reports(&old);
    assert!(listed > 50);
    drop(old);
    let store = Store::open(
        &path,
        Office::builtin(),
        &xinfang::store::DataKey::from_bytes([7; 32]),
    )
    .unwrap();
    assert_eq!(all_facts(&store), written);
    // The listed items' summaries too.
    assert_same_reports(&store);
    assert!(store.check().unwrap().ok());
}

#[test]
fn the_facts_follow_commands_given_one_at_a_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo(&dir.path().join("one.db"), 800, false);
    assert_same_reports(&store);
    more_commands(&mut store);
    assert_same_reports(&store);
}

/// A repeat item counts on its own receipt day even when the case it joined was received
/// after the period (a paper letter of February attached in March to a March visit): the
/// report reads such later cases too, by the facts rows and by the documents alike.
#[test]
fn an_item_received_in_the_period_counts_though_its_case_came_later() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(
        &dir.path().join("later.db"),
        Office::builtin(),
        &xinfang::store::DataKey::from_bytes([7; 32]),
    )
    .unwrap();
    for (name, role) in [("李娜", "clerk"), ("赵局长", "leader")] {
        let op = serde_json::from_value(json!({"name": name, "role": role})).unwrap();
        store.put_operator(&op).unwrap();
    }
    let visit = command(json!({"op": "intake", "channel": "visit", "people": 1,
        "petitioners": [{"name": "张三", "phone": "13800138000", "main": true}],
        "received_at": "2026-03-05T09:00:00+08:00", "category": "城乡建设",
        "summary": "反映拆迁补偿款未到位"}));
    let letter = command(json!({"op": "attach", "channel": "letter", "people": 1,
        "petitioners": [{"name": "张三", "phone": "13800138000", "main": true}],
        "received_at": "2026-02-26T10:00:00+08:00", "category": "城乡建设",
        "summary": "补录的来信"}));
    let id = store
        .execute(&Request {
            case: None,
            expected_version: None,
            command: visit,
            actor: "李娜".into(),
            at: now(),
        })
        .unwrap()
        .id;
    store
        .execute(&Request {
            case: Some(CaseRef::Id(id)),
            expected_version: None,
            command: letter,
            actor: "李娜".into(),
            at: now(),
        })
        .unwrap();
    let february = Period::parse("2026-02", today()).unwrap();
    let attached = |r: &Report| {
        r.figures
            .iter()
            .find(|f| f.key == stats::Key::Fixed(stats::FigureKey::Attached))
            .map(|f| f.value)
    };
    let from_facts = store.report(february, today(), DEFAULT_TOP).unwrap();
    assert_eq!(attached(&from_facts), Some(stats::Amount::Count(1)));
    assert_same_reports(&store);
}
