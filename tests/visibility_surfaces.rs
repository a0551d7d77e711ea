//! Issue 15's "Done means": who sees what, on every surface, written out by hand.
//!
//! Readers (rows) × cases (columns) × surfaces, each cell what the surface shows of the case
//! to the reader: V visible, M masked (the petitioners as 「（保密）」), H hidden (not listed;
//! by number: as a number that does not exist; to the accused, leaders included, too: they are
//! not told that an accusation exists).
//! The table is literal: it is never computed from `domain::visibility`.
//! 2022《信访工作条例》第三十条第三款, 第二十八条第三款.

mod common;

use chrono::{DateTime, FixedOffset, NaiveDate};
use common::accused::open_as;
use xinfang::documents::{Extra, Renderer, issue_or_reprint};
use xinfang::domain::documents::DocKind;
use xinfang::domain::stats::Period;
use xinfang::store::{CaseRef, ListFilter, Sort, Store, StoreError};

/// The office: 城建科 handles every case (王强 assigned, 孙科长 its department_wide 科长),
/// 周敏 is a handler elsewhere; 刘洋 (a clerk) and 陈静 (a clerk) and 孙副局长 (a leader) are
/// of 区住建局, the unit case 3 accuses; case 2 accuses 刘洋 by name.
/// Cases, all received by 李娜, major, assigned to 王强 and overdue by today:
/// 1 plain, 2 an accusation naming 刘洋, 3 an accusation naming 区住建局, 4 confidential,
/// 5 an anonymous letter; 6 (plain) links the five. Each but 5 has a petitioner of its own
/// name, all with one phone (the repeat panel finds them together).
const OFFICE: &str = r#"{"op":"department","name":"城建科"}
{"op":"department","name":"教育科"}
{"op":"operator","name":"李娜","role":"clerk"}
{"op":"operator","name":"赵建国","role":"leader"}
{"op":"operator","name":"孙副局长","role":"leader","unit":"区住建局"}
{"op":"operator","name":"王强","role":"handler","department":"城建科"}
{"op":"operator","name":"孙科长","role":"handler","department":"城建科","department_wide":true}
{"op":"operator","name":"周敏","role":"handler","department":"教育科"}
{"op":"operator","name":"刘洋","role":"clerk","unit":"区住建局"}
{"op":"operator","name":"陈静","role":"clerk","unit":"区住建局"}
{"op":"office","actor":"赵建国","name":"某区信访局","prefix":"X信"}
{"op":"intake","actor":"李娜","at":"2026-09-01T10:00:00+08:00","channel":"visit","people":1,"petitioners":[{"name":"甲某某","phone":"13800138000","main":true}],"category":"城乡建设","handling_type":"申诉求决","target":"某街道办事处","summary":"反映路灯损坏","request":"要求修复","urgency":"major"}
{"op":"intake","actor":"李娜","at":"2026-09-01T10:10:00+08:00","channel":"visit","people":1,"petitioners":[{"name":"乙某某","phone":"13800138000","main":true}],"category":"城乡建设","handling_type":"检举控告","target":"某街道办事处","target_person":"刘洋","summary":"检举违规审批","request":"要求查处","urgency":"major"}
{"op":"intake","actor":"李娜","at":"2026-09-01T10:20:00+08:00","channel":"visit","people":1,"petitioners":[{"name":"丙某某","phone":"13800138000","main":true}],"category":"城乡建设","handling_type":"检举控告","target":"区住建局","summary":"检举违规收费","request":"要求查处","urgency":"major"}
{"op":"intake","actor":"李娜","at":"2026-09-01T10:30:00+08:00","channel":"visit","people":1,"petitioners":[{"name":"丁某某","phone":"13800138000","main":true}],"confidential":true,"category":"城乡建设","handling_type":"申诉求决","target":"某街道办事处","summary":"反映拆迁补偿","request":"要求补偿","urgency":"major"}
{"op":"intake","actor":"李娜","at":"2026-09-01T10:40:00+08:00","channel":"letter","anonymous":true,"petitioners":[],"people":1,"postmark":"2026-08-30","category":"城乡建设","handling_type":"检举控告","target":"某建筑公司","summary":"举报夜间施工","request":"要求查处","urgency":"major"}
{"op":"intake","actor":"李娜","at":"2026-09-01T10:50:00+08:00","channel":"visit","people":1,"petitioners":[{"name":"戊某某","main":true}],"category":"城乡建设","handling_type":"申诉求决","target":"某街道办事处","summary":"反映绿化缺失","request":"要求补种","urgency":"normal","links":[1,2,3,4,5]}
"#;

/// Every case registered and assigned to 王强; each but the anonymous letter given its
/// 受理告知书 (an anonymous letter has no one to tell).
fn steps() -> String {
    let mut lines = String::new();
    for case in 1..=6 {
        lines += &format!(
            r#"{{"op":"register","actor":"李娜","case":{case},"decision":"accept","at":"2026-09-01T11:00:00+08:00"}}
{{"op":"assign","actor":"李娜","case":{case},"department":"城建科","handler":"王强","leader":"赵建国","at":"2026-09-01T12:00:00+08:00"}}
"#
        );
        if case != 5 {
            lines += &format!(
                r#"{{"op":"issue","actor":"李娜","case":{case},"kind":"accept","at":"2026-09-01T13:00:00+08:00"}}
"#
            );
        }
    }
    lines
}

/// Cases 1–5: number, what a search finds it by, its petitioner (None: anonymous).
const CASES: [(&str, &str, Option<&str>); 5] = [
    ("2026-0001", "路灯损坏", Some("甲某某")),
    ("2026-0002", "违规审批", Some("乙某某")),
    ("2026-0003", "违规收费", Some("丙某某")),
    ("2026-0004", "拆迁补偿", Some("丁某某")),
    ("2026-0005", "夜间施工", None),
];

/// The surfaces, in the order of each reader's row below.
const SURFACES: [&str; 12] = [
    "queue",     // the queue (`list`) and its counts
    "search",    // the desk's search line and `search`, by what the case says
    "number",    // the case's number typed into the search
    "repeats",   // the repeat panel and `repeats`, by the petitioners' phone
    "dashboard", // the leader's dashboard lists (重大紧急)
    "case",      // the case screen and `show`
    "links",     // the linked-case numbers on case 6's screen
    "documents", // the case's documents
    "notice",    // `notice` and the documents panel (its 受理告知书 reprinted)
    "report",    // the report's listed cases (超期; an item names no petitioner)
    "export",    // `export --format json` (a leader's: refused to anyone else)
    "replay",    // `replay`: the desk's first screen (a leader's queue)
];

/// The expectation, by hand: reader, then per surface (queue, search, number, repeats,
/// dashboard, case, links, documents, notice, report, export, replay) the five cases' cells
/// (plain, names 刘洋, names 区住建局, confidential, anonymous).
const TABLE: [(&str, [&str; 12]); 8] = [
    (
        "赵建国", // a leader
        [
            "VVVVV", "VVVVV", "VVVVV", "VVVVH", "VVVVV", "VVVVV", "VVVVV", "VVVVV", "VVVVV",
            "VVVVV", "VVVVV", "VVVVV",
        ],
    ),
    (
        "李娜", // the clerk who received them all
        [
            "VVVVV", "VVVVV", "VVVVV", "VVVVH", "VVVVV", "VVVVV", "VVVVV", "VVVVV", "VVVVV",
            "VVVVV", "HHHHH", "VVVVV",
        ],
    ),
    (
        "王强", // the department's handler, assigned
        [
            "VVVMV", "VVVMV", "VVVMV", "VVVMH", "VVVMV", "VVVMV", "VVVMV", "VVVMV", "VVVMV",
            "VVVVV", "HHHHH", "VVVMV",
        ],
    ),
    (
        "孙科长", // the department's 科长, department_wide
        [
            "VVVHV", "VVVHV", "VVVHV", "VVVHH", "VVVHV", "VVVHV", "VVVHV", "VVVHV", "VVVHV",
            "VVVHV", "HHHHH", "VVVHV",
        ],
    ),
    (
        "周敏", // a handler elsewhere
        [
            "HHHHH", "HHHHH", "HHHHH", "HHHHH", "HHHHH", "HHHHH", "HHHHH", "HHHHH", "HHHHH",
            "HHHHH", "HHHHH", "HHHHH",
        ],
    ),
    (
        "刘洋", // the accused person (a clerk, of the accused unit too)
        [
            "VHHHV", "VHHHV", "VHHHV", "VHHHH", "VHHHV", "VHHHV", "VHHHV", "VHHHV", "VHHHV",
            "VHHHV", "HHHHH", "VHHHV",
        ],
    ),
    (
        "陈静", // a colleague in the accused unit (a clerk)
        [
            "VVHHV", "VVHHV", "VVHHV", "VVHHH", "VVHHV", "VVHHV", "VVHHV", "VVHHV", "VVHHV",
            "VVHHV", "HHHHH", "VVHHV",
        ],
    ),
    (
        "孙副局长", // a leader of the accused unit
        [
            "VVHVV", "VVHVV", "VVHVV", "VVHVH", "VVHVV", "VVHVV", "VVHVV", "VVHVV", "VVHVV",
            "VVHVV", "VVHVV", "VVHVV",
        ],
    ),
];

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn today() -> NaiveDate {
    at("2026-11-25T09:00:00+08:00").date_naive()
}

const MASK: &str = "（保密）";

/// A cell from what a surface showed of case `i`: present or not, and its petitioners'
/// names as shown (the case's own name: V, the mask: M).
fn shown(i: usize, text: Option<&str>) -> char {
    match (text, CASES[i].2) {
        (None, _) => 'H',
        (Some(t), Some(name)) if t.contains(name) => 'V',
        (Some(t), Some(_)) if t.contains(MASK) => 'M',
        (Some(_), Some(_)) => '?',
        (Some(_), None) => 'V',
    }
}

/// A cell from a case listed in `rows` (or not).
fn listed(i: usize, rows: &[xinfang::domain::case::Case]) -> char {
    let no = CASES[i].0;
    let case = rows.iter().find(|c| c.case_no.as_deref() == Some(no));
    let names = case.map(|c| {
        let names = c.intake.petitioners.iter().map(|p| p.name.as_str());
        names.collect::<Vec<_>>().join(",")
    });
    shown(i, names.as_deref())
}

/// A cell from a case asked for by number.
fn by_number<T>(i: usize, got: Result<T, StoreError>, text: impl Fn(&T) -> String) -> char {
    match got {
        Ok(t) => shown(i, Some(&text(&t))),
        Err(StoreError::CaseNotFound(_)) => 'H',
        Err(StoreError::MaskedDocument(_)) => 'M',
        Err(e) => panic!("{}: {e:?}", CASES[i].0),
    }
}

fn cases_of(rows: Vec<xinfang::store::CaseRow>) -> Vec<xinfang::domain::case::Case> {
    rows.into_iter().map(|r| r.case).collect()
}

/// What `surface` shows `who` of the five cases, as a row of cells.
fn observe(l: &common::Ledger, store: &mut Store, who: &str, surface: &str) -> String {
    // The binary's surfaces, run once for the five cases.
    let printed = match surface {
        "export" => exports(l, who),
        "replay" => replays(l, who),
        _ => String::new(),
    };
    let cells = (0..5).map(|i| -> char {
        let (no, word, _) = CASES[i];
        let today = today();
        match surface {
            "queue" => {
                let all = ListFilter {
                    sort: Sort::Oldest,
                    limit: 100,
                    ..ListFilter::default()
                };
                let rows = store.list(&all, today).unwrap().into_iter().map(|r| r.0);
                listed(i, &cases_of(rows.collect()))
            }
            "search" => listed(i, &cases_of(store.search(word, 20, today).unwrap())),
            "number" => match store.search(no, 20, today) {
                Ok(rows) => listed(i, &cases_of(rows)),
                Err(e) => by_number(i, Err::<(), _>(e), |()| String::new()),
            },
            "repeats" => {
                let key = xinfang::domain::repeat::PetitionerKey::new(
                    None,
                    Some("13800138000"),
                    None,
                    None,
                    today,
                );
                listed(i, &cases_of(store.earlier_cases(&key, 20, today).unwrap()))
            }
            "dashboard" => {
                let d = store.leader_dashboard(who, today, 20).unwrap();
                listed(i, &cases_of(d.major))
            }
            "case" => {
                let show = by_number(i, store.case(&CaseRef::No(no.into()), today), |r| {
                    names(&r.case)
                });
                let id = (i + 1) as i64;
                let screen = by_number(i, store.case_view(id, today, 8), |v| names(&v.row.case));
                assert_eq!(show, screen, "{who} {no}: show and the case screen");
                show
            }
            "links" => match store.case_view(6, today, 8) {
                Ok(v) => listed(i, &v.links),
                Err(StoreError::CaseNotFound(_)) => 'H',
                Err(e) => panic!("{e:?}"),
            },
            "documents" => by_number(i, store.documents((i + 1) as i64), |docs| {
                docs.iter().map(|d| d.text.clone()).collect()
            }),
            "notice" => {
                let renderer = Renderer::load(None).unwrap();
                let r = CaseRef::No(no.into());
                let at = at("2026-11-25T10:00:00+08:00");
                let got = issue_or_reprint(
                    store,
                    &renderer,
                    &r,
                    DocKind::Accept,
                    &Extra::default(),
                    who,
                    at,
                );
                match got {
                    // Refused for what the case is, to whoever may see it: the anonymous
                    // letter has no 受理告知书.
                    Err(StoreError::Workflow(_)) if i == 4 => 'V',
                    got => by_number(i, got, |o| o.document.text.clone()),
                }
            }
            "report" => {
                let period = Period::parse("2026-11", today).unwrap();
                let r = store.report(period, today, 20).unwrap();
                // An item names no petitioner: listed is all it can be.
                let item = r.overdue_items.iter().find(|o| o.id == (i + 1) as i64);
                if item.is_some() { 'V' } else { 'H' }
            }
            "export" if printed.is_empty() => 'H',
            "export" => exported(i, &printed),
            "replay" => shown(i, printed.lines().find(|line| line.starts_with(no))),
            other => panic!("no surface {other}"),
        }
    });
    cells.collect()
}

fn names(c: &xinfang::domain::case::Case) -> String {
    let names = c.intake.petitioners.iter().map(|p| p.name.as_str());
    names.collect::<Vec<_>>().join(",")
}

/// Case `i` in an export: listed when its words are there, its petitioner by name or masked.
fn exported(i: usize, json: &str) -> char {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let cases = v.as_array().or_else(|| v["cases"].as_array()).unwrap();
    let case = cases.iter().find(|c| c.to_string().contains(CASES[i].0));
    shown(i, case.map(|c| c.to_string()).as_deref())
}

/// `export --format json` as `who`; nothing for a reader it refuses (a leader's only).
fn exports(l: &common::Ledger, who: &str) -> String {
    let out = as_(l, who, &["export", "--format", "json"]);
    if !out.success() {
        assert!(out.stderr.contains("需要领导身份"), "{out:?}");
        return String::new();
    }
    out.stdout
}

/// `replay` as `who`: the desk's first screen, a leader's moved on to the queue.
fn replays(l: &common::Ledger, who: &str) -> String {
    let keys = l.file(&format!("keys-{who}.txt"));
    let leader = ["赵建国", "孙副局长"].contains(&who);
    std::fs::write(&keys, if leader { "w\n" } else { "pause\n" }).unwrap();
    let args = [
        "replay",
        "--keys",
        keys.to_str().unwrap(),
        "--size",
        "120x30",
    ];
    let out = as_(l, who, &args);
    assert!(out.success(), "{out:?}");
    out.stdout
}

fn as_(l: &common::Ledger, who: &str, args: &[&str]) -> common::Out {
    let mut all = vec!["--db", l.db(), "--as", who];
    all.extend(args);
    common::run(&all, "")
}

#[test]
fn every_surface_shows_each_reader_what_the_table_says() {
    let l = common::Ledger::new();
    l.apply_ok(OFFICE);
    l.apply_ok(&steps());
    let mut wrong = Vec::new();
    let mut totals = std::collections::BTreeSet::new();
    for (who, row) in TABLE {
        let mut store = open_as(&l, who);
        // What names no case is the same for everyone: the report's figures (its totals
        // count every case) and the charts, which have no drill-down to a case.
        let period = Period::parse("2026-11", today()).unwrap();
        let figures = store.report(period, today(), 20).unwrap().figures;
        let charts = store.charts(today(), 12).unwrap();
        totals.insert(format!("{figures:?} {charts:?}"));
        for (surface, expected) in SURFACES.iter().zip(row) {
            let got = observe(&l, &mut store, who, surface);
            if got != expected {
                wrong.push(format!("{who} {surface}: expected {expected}, got {got}"));
            }
        }
        // The phone's tail (尾号) finds what the phone finds in the repeat panel: the same
        // cases, the names as masked, none kept from the reader.
        let by_tail = cases_of(store.search("尾号8000", 20, today()).unwrap());
        let tail: String = (0..5).map(|i| listed(i, &by_tail)).collect();
        if tail != row[3] {
            wrong.push(format!("{who} 尾号: expected {}, got {tail}", row[3]));
        }
        // The queue's counts: every open case it lists, and no other.
        let open = row[0].chars().filter(|c| matches!(c, 'V' | 'M')).count() as i64;
        let link = i64::from(!["周敏"].contains(&who));
        let counts = store.desk_counts(today()).unwrap();
        if counts.open != open + link {
            wrong.push(format!(
                "{who} counts: {} open, expected {}",
                counts.open,
                open + link
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    assert_eq!(totals.len(), 1, "the figures differ between readers");
}
