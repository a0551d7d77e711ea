//! `check` against an insider: for every table of the ledger (read from `sqlite_master`, so
//! a table added later is not forgotten) one value of one row is changed behind the
//! ledger's back, in every column, on a fresh copy each time, and `check` must name the
//! table. Deleting the newest case with all its rows and rolling a counter back are named
//! too. A table or column left unchecked must be listed below with its reason.

mod common;

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use rusqlite::types::Value;
use xinfang::config::Office;
use xinfang::demo::{DemoOptions, generate};
use xinfang::documents::{Extra, Renderer, issue_or_reprint};
use xinfang::domain::backlog::BacklogChange;
use xinfang::domain::documents::{DocKind, OfficeProfile};
use xinfang::domain::flags::PersonFlag;
use xinfang::domain::reception::{ReceptionDay, ReceptionRecord};
use xinfang::domain::rules::Operator;
use xinfang::domain::screening::{Change, NewScreening};
use xinfang::domain::types::Role;
use xinfang::store::{Admin, CaseRef, CheckReport, Request, Store};

/// Columns `check` cannot recompute, and why. `*` stands for every column of the table.
const UNCHECKED: &[(&str, &str, &str)] = &[
    (
        "meta",
        "*",
        "settings and bookkeeping (the office name typed at setup, the schema's and bulk \
         loading's notes): not derived from any journal",
    ),
    (
        "drafts",
        "body",
        "the desk's own unsaved form text: not journaled, opaque to the ledger",
    ),
    (
        "drafts",
        "saved_at",
        "when the desk last saved an unsaved form: not journaled",
    ),
    (
        "reception_records",
        "*",
        "a reception's record is not journaled (a conversation, not a case change): only that \
         its case exists and its operators are operators (leader, recorded_by below)",
    ),
    (
        "documents",
        "id",
        "a row id named by nothing: the number and the issuing event name a document",
    ),
    (
        "office_profile",
        "id",
        "the one row's fixed key (CHECK id = 1)",
    ),
    (
        "confidential_changes",
        "*",
        "a number that only moves, for the desk to know its kept count of others' confidential \
         cases is stale: any other value only makes a desk count them again, and a new desk \
         keeps nothing",
    ),
    (
        "accused_changes",
        "*",
        "a number that only moves, for each desk to know its list of the cases hidden from its \
         reader is stale: any other value only makes a desk find the list again, and a new desk \
         keeps nothing",
    ),
    (
        "report_rollup_rules",
        "*",
        "the rules the report's rollups were made under: any other value makes them be made \
         anew (or the report count the cases), never trusted",
    ),
    (
        "facts_days_rule",
        "*",
        "the rule the counts by day were made under (UTC offset, 一次办结 window): any other \
         value makes them be made anew (or the report count from the index), never trusted",
    ),
    (
        "case_search_data",
        "*",
        "FTS5's index pages: a word, its cases or its count changed is found by the \
         vocabulary's sums (`check/search.rs`), a bit flipped in a position list is not (the \
         index keeps no text to recompute it from); rows deleted or added: the next test",
    ),
    (
        "case_search_idx",
        "*",
        "FTS5's lookup aid over its pages (`optimize` writes it anew)",
    ),
    (
        "case_search_config",
        "*",
        "FTS5's own settings (its format version)",
    ),
    (
        "case_search_docsize",
        "origin",
        "FTS5's own bookkeeping for deleted rows",
    ),
    (
        "sqlite_stat1",
        "*",
        "the query planner's statistics (ANALYZE): not the office's data",
    ),
    ("sqlite_sequence", "*", "SQLite's own bookkeeping"),
];

/// Columns of `reception_records` that are checked after all (they name other rows).
/// (`case_id` may name any case: only one that does not exist is found.)
const RECEPTION_CHECKED: &[&str] = &["leader", "recorded_by"];

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

/// The operator and department the test administers (so the office journal knows them).
const ADMINISTERED: &str = "测试科员";
const DEPARTMENT: &str = "测试科";

/// A small ledger with a row in every table: 30 demo cases, two documents, a draft, the
/// office's letterhead, an operator and a department changed through the office journal,
/// a reception day and its record.
fn ledger(path: &Path) {
    let key = common::key();
    let mut store = Store::open(path, Office::builtin(), &key).unwrap();
    let opts = DemoOptions {
        cases: 30,
        seed: 14,
        now: at("2026-03-10T15:20:00+08:00"),
    };
    generate(&mut store, &opts).unwrap();
    let leader = store
        .operators()
        .unwrap()
        .into_iter()
        .find(|o| o.role == Role::Leader && o.active)
        .unwrap()
        .name;
    let when = at("2026-03-10T16:00:00+08:00");
    let profile = OfficeProfile {
        name: "某区信访局".into(),
        prefix: "X信".into(),
        ..OfficeProfile::default()
    };
    let changes = [
        Admin::OfficeUpdate(profile),
        Admin::Department {
            name: DEPARTMENT.into(),
            active: true,
        },
        Admin::Operator(Operator {
            name: ADMINISTERED.into(),
            role: Role::Handler,
            department: Some(DEPARTMENT.into()),
            active: true,
            unit: Some("区住建局".into()),
            department_wide: true,
        }),
        Admin::Schedule(ReceptionDay {
            date: when.date_naive(),
            leader: leader.clone(),
            place: Some("一楼接待室".into()),
        }),
    ];
    for change in &changes {
        store.administer(&leader, when, change).unwrap();
    }
    let record = ReceptionRecord {
        date: when.date_naive(),
        leader: leader.clone(),
        visitor: "张三".into(),
        said: "反映拆迁补偿".into(),
        decided: "转城建科".into(),
        case_id: Some(3),
    };
    store.add_reception_record(&record, &leader, when).unwrap();
    // A 排查 entry escalated to a case, and a unit's 零报告 (the office journal makes both).
    let found: NewScreening = serde_json::from_value(serde_json::json!({
        "found_on": "2026-03-09", "found_by": "网格员", "unit": "城关镇", "place": "东街",
        "parties": ["村民甲"], "kind": "land", "risk": "serious", "summary": "地界纠纷",
        "responsible": "城关镇", "leader": leader, "deadline": "2026-03-31"
    }))
    .unwrap();
    let entry = store.add_screening(&leader, when, &found).unwrap();
    store
        .change_screening(&leader, when, entry.no, &Change::Escalate { case_id: 3 })
        .unwrap();
    store
        .zero_report(&leader, when, DEPARTMENT, when.date_naive())
        .unwrap();
    // A 积案 marked by the leader, with its 包案领导.
    for change in [
        BacklogChange::Mark {
            reason: "久拖未决".into(),
        },
        BacklogChange::Leader {
            name: leader.clone(),
        },
    ] {
        store
            .change_backlog(&leader, when, &CaseRef::Id(5), &change)
            .unwrap();
    }
    // A 重点信访人 flag.
    let flag: PersonFlag = serde_json::from_value(serde_json::json!({
        "no": 0, "name": "张三", "id_number": "11010519491231002X", "phone": "13800138000",
        "address": "某小区", "flag": "unstable", "reason": "多次扬言", "on": "2026-03-10", "by": leader
    }))
    .unwrap();
    store.set_flag(&leader, when, &flag).unwrap();
    // An attachment (附件): its bytes in `attachment_bytes`, hashed by check.
    let attach = Request {
        case: Some(CaseRef::Id(4)),
        expected_version: None,
        command: xinfang::domain::command::Command::attach_file(
            "回证.jpg",
            b"\xff\xd8\xffscan".to_vec(),
        ),
        actor: leader.clone(),
        at: when,
    };
    store.execute(&attach).unwrap();
    // A 评查 of the first closed case.
    let scores: Vec<xinfang::domain::evaluation::ItemScore> =
        (xinfang::domain::evaluation::DEFAULT_ITEMS.iter())
            .map(|i| xinfang::domain::evaluation::ItemScore {
                item: (*i).into(),
                score: 8,
            })
            .collect();
    let evaluated =
        (1..=60).any(|id| (store.evaluate(&leader, when, &CaseRef::Id(id), &scores, None)).is_ok());
    assert!(evaluated, "no closed case to evaluate");
    // Documents typed in by someone else than their actor: an `event_entries` row each.
    store.set_entered_by(Some(ADMINISTERED.into()));
    let renderer = Renderer::builtin().unwrap();
    let mut issued = 0;
    for id in 1..=30 {
        let case = CaseRef::Id(id);
        let out = issue_or_reprint(
            &mut store,
            &renderer,
            &case,
            DocKind::Accept,
            &Extra::default(),
            &leader,
            when,
        );
        issued += usize::from(out.is_ok());
    }
    assert!(issued >= 2, "{issued} documents issued");
    store.set_entered_by(None);
    store
        .save_draft(ADMINISTERED, "case:5:assign", "{}", when)
        .unwrap();
    let report = store.check().unwrap();
    assert!(
        report.ok(),
        "the ledger is whole before any change: {report:#?}"
    );
}

/// A copy of the ledger, changed by `sql` (with the append-only triggers gone, as an
/// insider would first drop them), and what `check` says of it.
fn tampered(original: &Path, dir: &Path, sql: &str) -> Result<CheckReport, String> {
    let copy: PathBuf = dir.join("copy.db");
    std::fs::copy(original, &copy).unwrap();
    let raw = common::sqlite(&copy);
    raw.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
    let triggers: Vec<String> = raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%refuse%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    for t in triggers {
        raw.execute_batch(&format!("DROP TRIGGER \"{t}\"")).unwrap();
    }
    raw.execute_batch(sql).map_err(|e| e.to_string())?;
    drop(raw);
    let store = Store::open_read_only(&copy, Office::builtin(), &common::key()).unwrap();
    let report = store.check().unwrap();
    drop(store);
    std::fs::remove_file(&copy).unwrap();
    Ok(report)
}

/// Whether `report` names `table` (and, where it lists differences, `column`).
fn names(report: &CheckReport, table: &str, column: Option<&str>) -> bool {
    let owner = match table {
        t if t.starts_with("case_search") => "case_search",
        t => t,
    };
    let by_difference = report.differences.iter().any(|d| {
        let any_column = owner != table;
        d.table.sql() == owner
            && column.is_none_or(|c| any_column || d.column == c || d.column == "(row)")
    });
    let by_chain = match table {
        "events" | "event_entries" => report.first_bad_event.is_some(),
        "office_events" => report.first_bad_office_event.is_some(),
        _ => false,
    };
    let by_case = report
        .first_bad_case
        .as_ref()
        .is_some_and(|b| b.problem.contains(table));
    let by_database = report.database.iter().any(|l| l.contains(owner));
    by_difference || by_chain || by_case || by_database
}

fn unchecked(table: &str, column: &str) -> bool {
    if table == "reception_records" && RECEPTION_CHECKED.contains(&column) {
        return false;
    }
    UNCHECKED
        .iter()
        .any(|(t, c, _)| *t == table && (*c == "*" || *c == column))
}

fn literal(v: &Value) -> String {
    match v {
        Value::Null => "NULL".to_owned(),
        Value::Integer(i) => i.to_string(),
        Value::Real(f) => f.to_string(),
        Value::Text(s) => format!("'{}'", s.replace('\'', "''")),
        Value::Blob(b) => format!(
            "x'{}'",
            b.iter().map(|b| format!("{b:02x}")).collect::<String>()
        ),
    }
}

/// How a table's rows are found: its primary key's columns (the rowid without one).
fn key_columns(raw: &rusqlite::Connection, table: &str) -> Vec<String> {
    let mut pk: Vec<(i64, String)> = raw
        .prepare(&format!(
            "SELECT pk, name FROM pragma_table_info('{table}') WHERE pk > 0"
        ))
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    pk.sort();
    let names: Vec<String> = pk.into_iter().map(|(_, c)| format!("\"{c}\"")).collect();
    if names.is_empty() {
        vec!["rowid".to_owned()]
    } else {
        names
    }
}

/// The newest row of `table` matching `filter`: the condition that finds it again, and
/// the value of `column` in it.
fn newest(
    raw: &rusqlite::Connection,
    table: &str,
    column: &str,
    filter: &str,
) -> Option<(String, Value)> {
    let keys = key_columns(raw, table);
    let order: Vec<String> = keys.iter().map(|k| format!("{k} DESC")).collect();
    let sql = format!(
        "SELECT {}, \"{column}\" FROM \"{table}\" WHERE {filter} ORDER BY {} LIMIT 1",
        keys.join(", "),
        order.join(", ")
    );
    raw.query_row(&sql, [], |r| {
        let mut cond = Vec::new();
        for (i, k) in keys.iter().enumerate() {
            cond.push(format!("{k} = {}", literal(&r.get::<_, Value>(i)?)));
        }
        Ok((cond.join(" AND "), r.get::<_, Value>(keys.len())?))
    })
    .ok()
}

/// The statement that changes one value of `column` in one row of `table` (among those
/// `filter` admits): the newest row holding a value, changed by one character, by one or
/// by one bit; else a value put into the newest row.
fn change(raw: &rusqlite::Connection, table: &str, column: &str, filter: &str) -> Option<String> {
    let held = format!("{filter} AND \"{column}\" IS NOT NULL");
    let Some((row, value)) = newest(raw, table, column, &held) else {
        let (row, _) = newest(raw, table, column, filter)?;
        return Some(format!(
            "UPDATE \"{table}\" SET \"{column}\" = '1' WHERE {row}"
        ));
    };
    let new = match &value {
        Value::Integer(i) => Value::Integer(i + 1),
        Value::Real(f) => Value::Real(f + 1.0),
        Value::Text(s) => {
            let mut t: String = s
                .chars()
                .take(s.chars().count().saturating_sub(1))
                .collect();
            t.push(if s.ends_with('X') { 'Y' } else { 'X' });
            Value::Text(t)
        }
        Value::Blob(b) => {
            let mut b = b.clone();
            let mid = b.len() / 2;
            if let Some(byte) = b.get_mut(mid) {
                *byte ^= 0x01;
            }
            Value::Blob(b)
        }
        Value::Null => return None,
    };
    Some(format!(
        "UPDATE \"{table}\" SET \"{column}\" = {} WHERE {row}",
        literal(&new)
    ))
}

/// Another value the column holds (for columns a CHECK constraint keeps to a few codes).
fn another(raw: &rusqlite::Connection, table: &str, column: &str, filter: &str) -> Option<String> {
    let (row, value) = newest(raw, table, column, filter)?;
    let other: Value = raw
        .query_row(
            &format!("SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT ?1 LIMIT 1"),
            [&value],
            |r| r.get(0),
        )
        .ok()?;
    Some(format!(
        "UPDATE \"{table}\" SET \"{column}\" = {} WHERE {row}",
        literal(&other)
    ))
}

#[test]
fn every_changed_value_of_every_table_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("ledger.db");
    ledger(&original);
    let raw = common::sqlite(&original);
    let tables: Vec<(String, String)> = raw
        .prepare("SELECT name, type FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let mut missed = Vec::new();
    let mut tried = 0;
    for (table, _) in &tables {
        let sql: String = raw
            .query_row(
                "SELECT sql FROM sqlite_master WHERE name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap_or_default();
        if sql.starts_with("CREATE VIRTUAL TABLE") {
            // The search index is its shadow tables (below) and its rows (its own test).
            continue;
        }
        let columns: Vec<String> = raw
            .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let rows: i64 = raw
            .query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
                r.get(0)
            })
            .unwrap();
        for column in &columns {
            if unchecked(table, column) {
                continue;
            }
            if rows == 0 {
                missed.push(format!("{table}: no row to change"));
                break;
            }
            // The operator and the department the office journal knows.
            let filter = match table.as_str() {
                "operators" => format!("name = '{ADMINISTERED}'"),
                "departments" => format!("name = '{DEPARTMENT}'"),
                _ => "1".to_owned(),
            };
            let Some(sql) = change(&raw, table, column, &filter) else {
                missed.push(format!("{table}.{column}: nothing to change"));
                continue;
            };
            tried += 1;
            let report = match tampered(&original, dir.path(), &sql) {
                Ok(report) => report,
                // A CHECK or UNIQUE constraint refused the change: another existing value.
                Err(_) => match another(&raw, table, column, &filter)
                    .map(|s| tampered(&original, dir.path(), &s))
                {
                    Some(Ok(report)) => report,
                    other => {
                        missed.push(format!(
                            "{table}.{column}: could not change it ({sql}): {other:?}"
                        ));
                        continue;
                    }
                },
            };
            if !names(&report, table, Some(column)) {
                missed.push(format!("{table}.{column} not named ({sql}): {report:?}"));
            }
        }
    }
    assert!(tried > 100, "{tried} changes tried");
    assert!(
        missed.is_empty(),
        "{} of {tried}:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

#[test]
fn a_deleted_newest_case_a_rolled_back_counter_and_a_lost_search_row_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("ledger.db");
    ledger(&original);
    let newest = "(SELECT max(id) FROM cases)";
    let delete_newest = format!(
        "CREATE TEMP TABLE gone AS SELECT {newest} AS id;
         DELETE FROM event_entries WHERE seq IN (SELECT seq FROM events WHERE case_id IN temp.gone);
         DELETE FROM events WHERE case_id IN temp.gone;
         DELETE FROM documents WHERE case_id IN temp.gone;
         DELETE FROM petitioners WHERE case_id IN temp.gone;
         DELETE FROM case_facts WHERE id IN temp.gone;
         DELETE FROM case_summaries WHERE id IN temp.gone;
         DELETE FROM case_search WHERE rowid IN temp.gone;
         DELETE FROM cases WHERE id IN temp.gone;
         DELETE FROM person_counts;
         INSERT INTO person_counts (id_number, name, cases, latest)
             SELECT id_number, max(name), count(*), max(case_id)
               FROM petitioners WHERE id_number IS NOT NULL GROUP BY id_number;"
    );
    let report = tampered(&original, dir.path(), &delete_newest).unwrap();
    assert!(!report.ok());
    let named = report
        .differences
        .iter()
        .any(|d| d.table.sql() == "case_counters")
        || report.differences.iter().any(|d| d.table.sql() == "cases")
        || report.first_bad_event.is_some();
    assert!(named, "{report:#?}");

    let rolled_back = "UPDATE case_counters SET last = last - 1 WHERE year = (SELECT max(year) FROM case_counters)";
    let report = tampered(&original, dir.path(), rolled_back).unwrap();
    let d = report
        .differences
        .iter()
        .find(|d| d.table.sql() == "case_counters")
        .unwrap_or_else(|| panic!("{report:#?}"));
    assert_eq!(d.column, "last");
    assert_eq!(
        d.expected.parse::<i64>().unwrap(),
        d.found.parse::<i64>().unwrap() + 1
    );

    let lost = format!("DELETE FROM case_search WHERE rowid = {newest}");
    let report = tampered(&original, dir.path(), &lost).unwrap();
    assert!(names(&report, "case_search", None), "{report:#?}");
    let added = "INSERT INTO case_search (rowid, body) VALUES (999, '拆迁 迁 ')";
    let report = tampered(&original, dir.path(), added).unwrap();
    assert!(names(&report, "case_search", None), "{report:#?}");
}
