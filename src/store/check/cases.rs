//! Every case's rows recomputed from its journal and compared, column by column: the case
//! row, its petitioners, its summary, its search entry and its issued documents. One pass:
//! the journal read once in case order, each table read once in the same order beside it.

use std::collections::{BTreeMap, HashMap};

use chrono::DateTime;
use rusqlite::Connection;
use rusqlite::types::Value;
use serde::Deserialize;
use serde_json::Value as Json;

use super::rows::{Cursor, case_key, int, show, text};
use super::search::{Words, docsize_tokens};
use crate::domain::case::Case;
use crate::domain::due::{case_clocks, next_due};
use crate::domain::op::Op;
use crate::domain::rules::{Rules, local_date};
use crate::domain::visibility::accused_keys;
use crate::store::chain::Links;
use crate::store::findings::{BadRecord, CheckReport, Table};
use crate::store::journal::{self, JournalEntry};
use crate::store::{Result, facts, facts_row, search};

/// What the pass learnt for the checks that follow it.
#[derive(Debug, Default)]
pub(super) struct Seen {
    /// Per year: the greatest case number and how many cases carry one.
    pub numbers: BTreeMap<i64, (i64, i64)>,
    /// Per operator: the role of their latest case event (its number and role).
    pub roles: HashMap<String, (i64, String)>,
    pub ids: Vec<i64>,
    pub words: Words,
    /// The journal's links, gathered as the pass reads every event (`chain::Links`).
    pub links: Links,
    /// The cases with attachments, for `attachments::check` to hash their bytes against.
    pub attachments: Vec<crate::store::attachments::Expected>,
}

impl Seen {
    /// Takes in what the pass over a later span of cases learnt.
    pub fn absorb(&mut self, later: Seen) {
        for (year, (max, count)) in later.numbers {
            let e = self.numbers.entry(year).or_default();
            *e = (e.0.max(max), e.1 + count);
        }
        for (actor, (seq, role)) in later.roles {
            let e = self.roles.entry(actor).or_default();
            if seq > e.0 {
                *e = (seq, role);
            }
        }
        self.ids.extend(later.ids);
        self.words.absorb(later.words);
        self.links.absorb(later.links);
        self.attachments.extend(later.attachments);
    }
}

/// The columns of `cases` compared, in the order [`expected`] gives them; `doc` follows.
const COLUMNS: [&str; 22] = [
    "case_no",
    "version",
    "state",
    "channel",
    "received_at",
    "received_date",
    "category",
    "urgency",
    "people",
    "main_name",
    "target",
    "department",
    "handler",
    "owner_leader",
    "awaiting_instruction",
    "next_due",
    "review_of",
    "receiver",
    "replied_on",
    "archived_at",
    // Who may see the case (store/sight.rs, 2022 Art 30 第三款): an edit would show an
    // accusation to the accused.
    "target_person",
    "confidential",
];

/// One case as its journal makes it.
struct Replayed {
    id: i64,
    events: i64,
    doc: Json,
    last_at: String,
    issues: Vec<JournalEntry>,
}

/// Replays the next case's events (ordered by case, then number).
fn next_case<I: Iterator<Item = rusqlite::Result<JournalEntry>>>(
    events: &mut std::iter::Peekable<I>,
    seen: &mut Seen,
) -> Result<Option<Replayed>> {
    let Some(first) = events.next().transpose()? else {
        return Ok(None);
    };
    let mut r = Replayed {
        id: first.case_id,
        events: 0,
        doc: Json::Null,
        last_at: String::new(),
        issues: Vec::new(),
    };
    let mut entry = Some(first);
    while let Some(mut e) = entry {
        r.events += 1;
        seen.links.add(e.seq, &e.prev_hash, &e.hash, e.whole());
        journal::replay_owned(&mut r.doc, &mut e);
        r.last_at.clone_from(&e.at);
        let role = seen.roles.entry(e.actor.clone()).or_default();
        if e.seq > role.0 {
            *role = (e.seq, e.role.clone());
        }
        if e.op == Op::Issue.code() {
            r.issues.push(e);
        }
        entry = match events.peek() {
            Some(Ok(next)) if next.case_id == r.id => events.next().transpose()?,
            Some(Err(_)) => events.next().transpose()?,
            _ => None,
        };
    }
    Ok(Some(r))
}

/// The case row's columns as `cases.rs` writes them for `case` (`COLUMNS` order).
fn expected(case: &Case, version: i64, last_at: &str, rules: &Rules) -> Vec<Value> {
    let i = &case.intake;
    let a = case.assignment.as_ref();
    let today = DateTime::parse_from_rfc3339(last_at).map_or(i.received_at, |at| at);
    let clocks = case_clocks(case, rules, local_date(today, rules));
    let accused = accused_keys(i);
    vec![
        text(case.case_no.as_deref()),
        Value::Integer(version),
        Value::Text(case.state.code().to_owned()),
        Value::Text(i.channel.code().to_owned()),
        Value::Integer(i.received_at.timestamp()),
        Value::Text(local_date(i.received_at, rules).to_string()),
        Value::Text(i.category.clone()),
        Value::Text(i.urgency.code().to_owned()),
        Value::Integer(i64::from(i.people)),
        text(i.main_petitioner().map(|p| p.name.as_str())),
        text(accused.0.as_deref()),
        text(a.map(|a| a.department.as_str())),
        text(a.map(|a| a.handler.as_str())),
        text(a.and_then(|a| a.owner_leader.as_deref())),
        Value::Integer(i64::from(case.awaiting_leader())),
        text(next_due(&clocks).map(|d| d.to_string()).as_deref()),
        int(case.review_of),
        text(Some(i.receiver.as_str())),
        text(facts::replied_on(case).as_deref()),
        int(case.archived.as_ref().map(|s| s.at.timestamp())),
        text(accused.1.as_deref()),
        Value::Integer(i64::from(i.confidential)),
    ]
}

struct CaseRow {
    id: i64,
    values: Vec<Value>,
    doc: String,
}

fn case_row(r: &rusqlite::Row) -> rusqlite::Result<CaseRow> {
    let values = (1..=COLUMNS.len())
        .map(|i| r.get::<_, Value>(i))
        .collect::<rusqlite::Result<_>>()?;
    Ok(CaseRow {
        id: r.get(0)?,
        values,
        doc: r.get(COLUMNS.len() + 1)?,
    })
}

struct Petitioner {
    case_id: i64,
    seq: i64,
    values: [Value; 5],
}

const PETITIONER_COLUMNS: [&str; 5] = ["name", "id_number", "phone", "address", "received_at"];

fn petitioner_row(r: &rusqlite::Row) -> rusqlite::Result<Petitioner> {
    Ok(Petitioner {
        case_id: r.get(0)?,
        seq: r.get(1)?,
        values: [r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?],
    })
}

struct Document {
    case_id: i64,
    values: [Value; 9],
}

const DOCUMENT_COLUMNS: [&str; 9] = [
    "kind",
    "year",
    "seq",
    "number",
    "event_seq",
    "issued_at",
    "issued_by",
    "text",
    "html",
];

fn document_row(r: &rusqlite::Row) -> rusqlite::Result<Document> {
    let mut values: [Value; 9] = std::array::from_fn(|_| Value::Null);
    for (i, v) in values.iter_mut().enumerate() {
        *v = r.get(i + 1)?;
    }
    // The HTML is compared by its SHA-256, as the journal keeps it.
    if let Value::Text(html) = &values[8] {
        values[8] = Value::Text(crate::store::documents::sha256_hex(html));
    }
    Ok(Document {
        case_id: r.get(0)?,
        values,
    })
}

/// The cases with ids from `.0` to `.1` (both included): one reader's share of the pass.
#[derive(Debug, Clone, Copy)]
pub(super) struct Span(pub i64, pub i64);

impl Span {
    pub const ALL: Span = Span(i64::MIN, i64::MAX);
}

/// The pass over the cases of `span`: every case of the journal against its rows; rows of
/// no case are named too.
pub(super) fn check(
    conn: &Connection,
    rules: &Rules,
    span: Span,
    report: &mut CheckReport,
) -> Result<Seen> {
    let mut seen = Seen::default();
    let between = [span.0, span.1];
    let mut events = conn.prepare(&format!(
        "{} WHERE case_id BETWEEN ?1 AND ?2 ORDER BY case_id, seq",
        journal::SELECT
    ))?;
    let mut events = events
        .query_map(between, journal::entry_for_replay)?
        .peekable();
    let mut cases = conn.prepare(&format!(
        "SELECT id, {}, doc FROM cases WHERE id BETWEEN ?1 AND ?2 ORDER BY id",
        COLUMNS.join(", ")
    ))?;
    let mut cases = Cursor::new(cases.query_map(between, case_row)?, |r| r.id);
    let mut pets = conn.prepare(
        "SELECT case_id, seq, name, id_number, phone, address, received_at
           FROM petitioners WHERE case_id BETWEEN ?1 AND ?2 ORDER BY case_id, seq",
    )?;
    let mut pets = Cursor::new(pets.query_map(between, petitioner_row)?, |r| r.case_id);
    let mut facts = conn.prepare(&format!(
        "SELECT {} FROM case_facts WHERE id BETWEEN ?1 AND ?2 ORDER BY id",
        facts_row::WRITTEN
    ))?;
    let mut facts = Cursor::new(facts.query_map(between, facts_row)?, |r| r.0);
    let mut sums = conn
        .prepare("SELECT id, summary FROM case_summaries WHERE id BETWEEN ?1 AND ?2 ORDER BY id")?;
    let mut sums = Cursor::new(sums.query_map(between, keyed::<String>)?, |r| r.0);
    let mut sizes = conn
        .prepare("SELECT id, sz FROM case_search_docsize WHERE id BETWEEN ?1 AND ?2 ORDER BY id")?;
    let mut sizes = Cursor::new(sizes.query_map(between, keyed::<Vec<u8>>)?, |r| r.0);
    let mut docs = conn.prepare(
        "SELECT case_id, kind, year, seq, number, event_seq, issued_at, issued_by, text, html
           FROM documents WHERE case_id BETWEEN ?1 AND ?2 ORDER BY case_id, id",
    )?;
    let mut docs = Cursor::new(docs.query_map(between, document_row)?, |r| r.case_id);
    let mut current = None;
    while let Some(r) = next_case(&mut events, &mut seen)? {
        first_bad(report, current.take());
        let case_no = r.doc["case_no"].as_str().map(str::to_owned);
        current = Some((report.differences.len(), r.id, case_no));
        seen.ids.push(r.id);
        report.cases += 1;
        let row = cases.take(r.id)?.pop();
        let key = case_key(r.id, r.doc["case_no"].as_str());
        let case = match Case::deserialize(&r.doc) {
            Ok(case) => case,
            Err(e) => {
                report.differ(Table::Events, key, "after", "a case", e.to_string());
                continue;
            }
        };
        let values = expected(&case, r.events, &r.last_at, rules);
        compare_case(report, &key, row, &values, &r.doc);
        count_number(&mut seen, case.case_no.as_deref());
        compare_petitioners(report, &key, &case, pets.take(r.id)?);
        compare_facts(report, &key, &case, facts.take(r.id)?.pop());
        let summary = sums.take(r.id)?.pop().map(|s| s.1);
        compare_summary(report, &key, &case, summary);
        let size = sizes.take(r.id)?.pop().map(|s| docsize_tokens(&s.1));
        compare_words(report, &key, &case, size, &mut seen.words);
        compare_documents(report, &key, &case, &r.issues, docs.take(r.id)?);
        if !case.attachments.is_empty() {
            seen.attachments.push((r.id, key, case.attachments));
        }
    }
    first_bad(report, current);
    orphans(report, Table::Cases, cases.finish()?);
    orphans(report, Table::Petitioners, pets.finish()?);
    orphans(report, Table::CaseFacts, facts.finish()?);
    orphans(report, Table::CaseSummaries, sums.finish()?);
    orphans(report, Table::CaseSearch, sizes.finish()?);
    orphans(report, Table::Documents, docs.finish()?);
    Ok(seen)
}

/// A row of a case's id and one value.
fn keyed<T: rusqlite::types::FromSql>(r: &rusqlite::Row) -> rusqlite::Result<(i64, T)> {
    Ok((r.get(0)?, r.get(1)?))
}

fn facts_row(r: &rusqlite::Row) -> rusqlite::Result<(i64, Vec<Value>)> {
    let n = r.as_ref().column_count();
    let values = (0..n)
        .map(|i| r.get::<_, Value>(i))
        .collect::<rusqlite::Result<_>>()?;
    Ok((r.get(0)?, values))
}

/// The report's row against what `facts.rs` writes for the case, column by column.
fn compare_facts(report: &mut CheckReport, key: &str, case: &Case, row: Option<(i64, Vec<Value>)>) {
    let Some((_, found)) = row else {
        report.differ(Table::CaseFacts, key, "(row)", "a row", "none");
        return;
    };
    let want = facts_row::values(case);
    let columns = facts_row::WRITTEN.split(',').map(str::trim);
    for ((column, want), found) in columns.zip(&want).zip(&found) {
        if want != found {
            report.differ(Table::CaseFacts, key, column, show(want), show(found));
        }
    }
}

fn compare_summary(report: &mut CheckReport, key: &str, case: &Case, found: Option<String>) {
    if found.as_deref() != Some(case.intake.summary.as_str()) {
        let found = found.unwrap_or_else(|| "none".to_owned());
        report.differ(
            Table::CaseSummaries,
            key,
            "summary",
            &case.intake.summary,
            found,
        );
    }
}

/// The search row's word count against the case's text (and the text into the sums).
fn compare_words(
    report: &mut CheckReport,
    key: &str,
    case: &Case,
    size: Option<Option<i64>>,
    words: &mut Words,
) {
    let want = words.add(&search::index_tokens(&search::case_text(case)));
    if size != Some(Some(want)) {
        let found = size.flatten().map_or("none".to_owned(), |n| n.to_string());
        report.differ(Table::CaseSearch, key, "words", want.to_string(), found);
    }
}

/// A case's first difference also as the first bad case (what `check` named before it
/// named every difference; `backup` and the tests read it). `current`: how many differences
/// there were before the case, its id and number.
fn first_bad(report: &mut CheckReport, current: Option<(usize, i64, Option<String>)>) {
    let Some((from, id, case_no)) = current else {
        return;
    };
    if report.first_bad_case.is_some() {
        return;
    }
    if let Some(d) = report.differences.get(from) {
        let problem = format!(
            "{} {} {}: expected {}, found {}",
            d.table.sql(),
            d.key,
            d.column,
            d.expected,
            d.found
        );
        report.first_bad_case = Some(BadRecord {
            id,
            case_no,
            problem,
        });
    }
}

/// Rows whose case the journal does not know.
fn orphans(report: &mut CheckReport, table: Table, ids: Vec<i64>) {
    for id in ids {
        report.differ(
            table,
            format!("#{id}"),
            "(row)",
            "none: no such case in the journal",
            "a row",
        );
    }
}

fn count_number(seen: &mut Seen, case_no: Option<&str>) {
    let Some((year, n)) = case_no.and_then(|no| no.split_once('-')) else {
        return;
    };
    if let (Ok(year), Ok(n)) = (year.parse::<i64>(), n.parse::<i64>()) {
        let e = seen.numbers.entry(year).or_default();
        *e = (e.0.max(n), e.1 + 1);
    }
}

fn compare_case(
    report: &mut CheckReport,
    key: &str,
    row: Option<CaseRow>,
    want: &[Value],
    doc: &Json,
) {
    let Some(row) = row else {
        report.differ(Table::Cases, key, "(row)", "a row", "none");
        return;
    };
    for ((column, want), found) in COLUMNS.iter().zip(want).zip(&row.values) {
        if want != found {
            report.differ(Table::Cases, key, column, show(want), show(found));
        }
    }
    let stored: Json = serde_json::from_str(&row.doc).unwrap_or(Json::Null);
    if &stored != doc {
        report.differ(
            Table::Cases,
            key,
            "doc",
            "the case as its journal makes it",
            first_difference(doc, &stored),
        );
    }
}

/// The first top-level field of the document that differs, as `field: value`.
fn first_difference(want: &Json, found: &Json) -> String {
    let (Some(w), Some(f)) = (want.as_object(), found.as_object()) else {
        return "not a case".to_owned();
    };
    let keys = w.keys().chain(f.keys());
    for k in keys {
        if w.get(k) != f.get(k) {
            let v = f.get(k).map_or("(none)".to_owned(), Json::to_string);
            return format!("{k}: {}", v.chars().take(120).collect::<String>());
        }
    }
    String::new()
}

fn compare_petitioners(report: &mut CheckReport, key: &str, case: &Case, rows: Vec<Petitioner>) {
    let i = &case.intake;
    let mut rows = rows.into_iter().peekable();
    for (seq, p) in i.petitioners.iter().enumerate() {
        let seq = seq as i64;
        let pkey = format!("{key} #{}", seq + 1);
        let Some(row) = rows.next_if(|r| r.seq <= seq) else {
            report.differ(Table::Petitioners, pkey, "(row)", p.name.clone(), "none");
            continue;
        };
        if row.seq != seq {
            report.differ(
                Table::Petitioners,
                &pkey,
                "seq",
                seq.to_string(),
                row.seq.to_string(),
            );
        }
        let want = [
            Value::Text(p.name.clone()),
            text(p.id_number.as_deref()),
            text(p.phone.as_deref()),
            text(p.address.as_deref()),
            Value::Integer(i.received_at.timestamp()),
        ];
        for ((column, want), found) in PETITIONER_COLUMNS.iter().zip(&want).zip(&row.values) {
            if want != found {
                report.differ(Table::Petitioners, &pkey, column, show(want), show(found));
            }
        }
    }
    for row in rows {
        let pkey = format!("{key} #{}", row.seq + 1);
        report.differ(
            Table::Petitioners,
            pkey,
            "(row)",
            "none",
            show(&row.values[0]),
        );
    }
}

/// The documents kept against those the case records and the events that issued them.
fn compare_documents(
    report: &mut CheckReport,
    key: &str,
    case: &Case,
    issues: &[JournalEntry],
    rows: Vec<Document>,
) {
    let mut rows = rows.into_iter();
    for d in &case.documents {
        let Some(row) = rows.next() else {
            report.differ(Table::Documents, key, "(row)", d.number.clone(), "none");
            continue;
        };
        let event = issues
            .iter()
            .find(|e| e.command["number"] == d.number.as_str());
        let (year, seq) = number_parts(&d.number);
        let want = [
            Value::Text(d.kind.code().to_owned()),
            int(year),
            int(seq),
            Value::Text(d.number.clone()),
            int(event.map(|e| e.seq)),
            Value::Text(d.stamp.at.to_rfc3339()),
            Value::Text(d.stamp.by.clone()),
            text(event.and_then(|e| e.command["text"].as_str())),
            text(event.and_then(|e| e.command["html_sha256"].as_str())),
        ];
        for ((column, want), found) in DOCUMENT_COLUMNS.iter().zip(&want).zip(&row.values) {
            if want != found {
                let dkey = format!("{key} {}", d.number);
                report.differ(Table::Documents, dkey, column, short(want), short(found));
            }
        }
    }
    for row in rows {
        report.differ(Table::Documents, key, "(row)", "none", show(&row.values[3]));
    }
}

/// A long text shown by its start only.
fn short(v: &Value) -> String {
    let s = show(v);
    match s.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s,
    }
}

/// The year and number within it of a document number (`X信告〔2026〕17号`).
fn number_parts(number: &str) -> (Option<i64>, Option<i64>) {
    let Some((_, tail)) = number.rsplit_once('〔') else {
        return (None, None);
    };
    let Some((year, rest)) = tail.split_once('〕') else {
        return (None, None);
    };
    let n = rest.strip_suffix('号').and_then(|n| n.parse().ok());
    (year.parse().ok(), n)
}
