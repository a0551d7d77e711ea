//! Case rows: the JSON document plus the columns lists and counts index.

use std::sync::OnceLock;

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::changed::{self, value};
use super::{Result, StoreError, facts, search};
use crate::domain::case::Case;
use crate::domain::deadline::ClockView;
use crate::domain::due::next_due;
use crate::domain::visibility::accused_keys;

/// Which case a command or a look-up names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseRef {
    Id(i64),
    No(String),
}

impl CaseRef {
    /// `7` is an id, `2026-0007` a case number.
    /// `2026-0137` by number; `1000`, or `#1000` as the lists show an unnumbered item, by id.
    pub fn parse(s: &str) -> CaseRef {
        let s = s.trim();
        let id = s
            .strip_prefix('#')
            .or_else(|| s.strip_prefix('＃'))
            .unwrap_or(s);
        match id.parse::<i64>() {
            Ok(id) => CaseRef::Id(id),
            Err(_) => CaseRef::No(s.to_owned()),
        }
    }
}

impl std::fmt::Display for CaseRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CaseRef::Id(id) => write!(f, "{id}"),
            CaseRef::No(no) => f.write_str(no),
        }
    }
}

/// Loads a case and its version.
pub fn load(conn: &Connection, r: &CaseRef) -> Result<(Case, i64)> {
    let (case, _, version) = load_with_doc(conn, r)?;
    Ok((case, version))
}

/// Loads a case, its stored document (the journal's "before") and its
/// version.
pub fn load_with_doc(conn: &Connection, r: &CaseRef) -> Result<(Case, String, i64)> {
    let row = match r {
        CaseRef::Id(id) => conn
            .prepare_cached("SELECT doc, version FROM cases WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
            .optional()?,
        CaseRef::No(no) => conn
            .prepare_cached("SELECT doc, version FROM cases WHERE case_no = ?1")?
            .query_row([no], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
            .optional()?,
    };
    let (doc, version) = row.ok_or_else(|| StoreError::CaseNotFound(r.to_string()))?;
    let case = serde_json::from_str(&doc)?;
    Ok((case, doc, version))
}

/// The next number of `year`'s case counter (`domain::filing::case_number` makes it
/// `2026-0137`): the counter moves in the registering transaction, so numbers are gap-free
/// and unique.
pub fn allot_number(tx: &Transaction, year: i32) -> Result<i64> {
    Ok(tx
        .prepare_cached(
            "INSERT INTO case_counters (year, last) VALUES (?1, 1)
             ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last",
        )?
        .query_row([year], |r| r.get(0))?)
}

/// The id the next new case gets.
pub fn next_id(tx: &Transaction) -> Result<i64> {
    Ok(tx
        .prepare_cached("SELECT coalesce(max(id), 0) + 1 FROM cases")?
        .query_row([], |r| r.get(0))?)
}

/// Inserts a new case (`case.id` from `next_id`, `doc` its JSON at `version`: 1, or a
/// batch's last command on it; `tokens` its search entry from `search::index_tokens`)
/// with its petitioners, report row and search entry. The intake, which these come from,
/// changes after it only by a 更正 (`corrected.rs` rewrites them); a 复查 is a new case.
pub(super) fn insert(
    tx: &Transaction,
    case: &Case,
    (doc, version): (&str, i64),
    clocks: &[ClockView],
    received_date: &str,
    tokens: &str,
) -> Result<()> {
    let id = case.id;
    let next_due = next_due(clocks).map(|d| d.to_string());
    let i = &case.intake;
    let accused = accused_keys(i);
    tx.prepare_cached(
        "INSERT INTO cases (id, case_no, version, state, channel, received_at, received_date, category,
             urgency, people, main_name, target, department, handler, owner_leader,
             awaiting_instruction, next_due, review_of, doc, receiver, replied_on, archived_at,
             target_person, confidential)
         VALUES (?1, ?2, ?24, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
                 ?20, ?21, ?22, ?23)",
    )?
    .execute(params![
        id,
        case.case_no,
        case.state.code(),
        i.channel.code(),
        i.received_at.timestamp(),
        received_date,
        i.category,
        i.urgency.code(),
        i.people,
        i.main_petitioner().map(|p| p.name.as_str()),
        accused.0,
        case.assignment.as_ref().map(|a| a.department.as_str()),
        case.assignment.as_ref().map(|a| a.handler.as_str()),
        case.assignment.as_ref().and_then(|a| a.owner_leader.as_deref()),
        case.awaiting_leader(),
        next_due,
        case.review_of,
        doc,
        i.receiver,
        // As `update_to` sets them: the report finds older cases by these columns.
        facts::replied_on(case),
        case.archived.as_ref().map(|s| s.at.timestamp()),
        // What the lists filter by (store/sight.rs, 2022 Art 30 第三款).
        accused.1,
        i.confidential,
        version,
    ])?;
    // Before the petitioners: their trigger marks the row when a petitioner came before.
    facts::write(tx, case)?;
    facts::write_summary(tx, case)?;
    write_petitioners(tx, case)?;
    search::index_case_tokens(tx, id, tokens)?;
    Ok(())
}

/// The petitioners of `case`'s intake, as rows (their triggers keep the repeat counts).
pub(super) fn write_petitioners(tx: &Connection, case: &Case) -> Result<()> {
    let i = &case.intake;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO petitioners (case_id, seq, name, id_number, phone, address, received_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (seq, p) in i.petitioners.iter().enumerate() {
        stmt.execute(params![
            case.id,
            seq as i64,
            p.name,
            p.id_number,
            p.phone,
            p.address,
            i.received_at.timestamp(),
        ])?;
    }
    Ok(())
}

/// Writes a new version of an existing case, refusing if someone else
/// changed it since `version` was read (optimistic guard).
pub fn update(
    tx: &Transaction,
    case: &Case,
    doc: &str,
    version: i64,
    clocks: &[ClockView],
) -> Result<i64> {
    update_to(tx, case, doc, version, version + 1, clocks)
}

/// The columns of `cases` a step may change, beside `version` and `doc` (every step writes
/// those).
const STEP_COLUMNS: [&str; 9] = [
    "case_no",
    "state",
    "department",
    "handler",
    "owner_leader",
    "awaiting_instruction",
    "next_due",
    "replied_on",
    "archived_at",
];

/// As `update`, to version `new_version`: a batch writes a case once with
/// the last of several commands. Only the columns whose values change are set
/// (`changed.rs`): a registration set every column and rewrote the handler's, the
/// leader's and the department's index entries of a case that had none of them.
pub(super) fn update_to(
    tx: &Transaction,
    case: &Case,
    doc: &str,
    version: i64,
    new_version: i64,
    clocks: &[ClockView],
) -> Result<i64> {
    static SELECT: OnceLock<String> = OnceLock::new();
    let select = SELECT.get_or_init(|| {
        format!(
            "SELECT version, {} FROM cases WHERE id = ?1",
            STEP_COLUMNS.join(", ")
        )
    });
    let stored = changed::stored(tx, select, case.id, STEP_COLUMNS.len() + 1)?;
    let old = match stored.as_deref() {
        Some([Value::Integer(found), old @ ..]) if *found == version => old,
        other => {
            return Err(StoreError::Stale {
                case: case.case_no.clone().unwrap_or_else(|| case.id.to_string()),
                expected: version,
                found: match other {
                    Some([Value::Integer(found), ..]) => *found,
                    _ => 0,
                },
            });
        }
    };
    let mut args: Vec<Value> = vec![
        case.id.into(),
        version.into(),
        new_version.into(),
        doc.to_owned().into(),
    ];
    let set = changed::assignments(&STEP_COLUMNS, old, step_values(case, clocks), &mut args);
    tx.prepare_cached(&format!(
        "UPDATE cases SET version = ?3, doc = ?4{set} WHERE id = ?1 AND version = ?2"
    ))?
    .execute(rusqlite::params_from_iter(args))?;
    facts::write(tx, case)?;
    Ok(new_version)
}

/// The values of `STEP_COLUMNS` for `case`, as they are stored.
fn step_values(case: &Case, clocks: &[ClockView]) -> Vec<Value> {
    let assignment = case.assignment.as_ref();
    vec![
        value(&case.case_no),
        value(case.state.code()),
        value(assignment.map(|a| a.department.as_str())),
        value(assignment.map(|a| a.handler.as_str())),
        value(assignment.and_then(|a| a.owner_leader.as_deref())),
        value(case.awaiting_leader()),
        value(next_due(clocks).map(|d| d.to_string())),
        value(facts::replied_on(case)),
        value(case.archived.as_ref().map(|s| s.at.timestamp())),
    ]
}

/// The number (`#id` before it has one) of the 复查 or 复核 opened on case `id`, if any.
pub(super) fn review_on(conn: &Connection, id: i64) -> Result<Option<String>> {
    let found: Option<(i64, Option<String>)> = conn
        .prepare_cached(
            "SELECT id, case_no FROM cases INDEXED BY cases_by_review_of
              WHERE review_of = ?1 ORDER BY id LIMIT 1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(found.map(|(id, no)| no.unwrap_or_else(|| format!("#{id}"))))
}

#[cfg(test)]
mod tests {
    use rusqlite::TransactionBehavior;

    use super::CaseRef;
    use crate::domain::command::Command;
    use crate::domain::types::Decision;
    use crate::store::prepare::Request;
    use crate::store::warm::sample_intake;
    use crate::store::{directory, execute, test_ledger};

    /// `#1000`, as the lists show an item before it has a number, names it as `1000` does (a
    /// trial found `show #1000` refused).
    #[test]
    fn an_item_is_named_as_the_lists_show_it() {
        assert_eq!(CaseRef::parse("#1000"), CaseRef::Id(1000));
        assert_eq!(CaseRef::parse("＃1000"), CaseRef::Id(1000));
        assert_eq!(CaseRef::parse(" 1000 "), CaseRef::Id(1000));
        assert_eq!(CaseRef::parse("2026-0137"), CaseRef::No("2026-0137".into()));
    }

    /// A registration sets the state and leaves alone what it does not change: no trigger
    /// `UPDATE OF` the handler (a new case has none) or the day received fires, so none of
    /// their index entries is rewritten (`changed.rs`).
    #[test]
    fn a_registration_sets_only_what_it_changes() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = test_ledger::demo(&dir.path().join("l.db"), 20, 3, false);
        let tx = store
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .unwrap();
        tx.execute_batch(
            "CREATE TEMP TABLE fired (what TEXT);
             CREATE TEMP TRIGGER state_set AFTER UPDATE OF state ON main.cases
             BEGIN INSERT INTO fired VALUES ('cases.state'); END;
             CREATE TEMP TRIGGER handler_set AFTER UPDATE OF handler ON main.cases
             BEGIN INSERT INTO fired VALUES ('cases.handler'); END;
             CREATE TEMP TRIGGER facts_state_set AFTER UPDATE OF state ON main.case_facts
             BEGIN INSERT INTO fired VALUES ('case_facts.state'); END;
             CREATE TEMP TRIGGER facts_received_set AFTER UPDATE OF received_at ON main.case_facts
             BEGIN INSERT INTO fired VALUES ('case_facts.received_at'); END;",
        )
        .unwrap();
        let operators = directory::operators(&tx).unwrap();
        let departments = directory::department_names(&tx).unwrap();
        let rules = store.office.rules(&operators, &departments);
        let mut req = Request {
            case: None,
            expected_version: None,
            command: sample_intake(&rules).unwrap(),
            actor: "李娜".to_owned(),
            at: test_ledger::now(),
        };
        let (applied, _) = execute::run(&tx, &rules, &req, None, None, None).unwrap();
        req.case = Some(CaseRef::Id(applied.case.id));
        req.expected_version = None;
        req.command = Command::Register(Decision::Accept);
        execute::run(&tx, &rules, &req, None, None, None).unwrap();
        let fired: Vec<String> = tx
            .prepare("SELECT what FROM fired ORDER BY what")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(fired, ["case_facts.state", "cases.state"]);
    }

    /// The indexes by handler, leader and department hold only the cases that have one
    /// (migration 42), and the queries that ask for one by name still read them.
    #[test]
    fn the_assigned_indexes_serve_their_queries() {
        let dir = tempfile::tempdir().unwrap();
        let store = test_ledger::demo(&dir.path().join("l.db"), 20, 3, false);
        for (query, index) in [
            (
                "SELECT id FROM cases WHERE handler = ?1 ORDER BY received_at",
                "cases_by_handler",
            ),
            (
                "SELECT id FROM cases WHERE owner_leader = ?1 ORDER BY received_at",
                "cases_by_owner",
            ),
            (
                "SELECT count(*) FROM cases WHERE owner_leader = ?1 AND state <> 'archived'",
                "cases_owned_open",
            ),
            (
                "SELECT id FROM cases WHERE department = ?1 AND confidential = 0",
                "cases_by_department",
            ),
        ] {
            let plan: Vec<String> = store
                .conn
                .prepare(&format!("EXPLAIN QUERY PLAN {query}"))
                .unwrap()
                .query_map(["某人"], |r| r.get(3))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            assert!(plan.iter().any(|p| p.contains(index)), "{query}: {plan:?}");
        }
        // None holds a case without one (before migration 42 each did).
        for (index, column) in [
            ("cases_by_handler", "handler"),
            ("cases_by_owner", "owner_leader"),
            ("cases_owned_open", "owner_leader"),
            ("cases_by_department", "department"),
        ] {
            let sql: String = store
                .conn
                .query_row(
                    "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?1",
                    [index],
                    |r| r.get(0),
                )
                .unwrap();
            assert!(sql.contains(&format!("{column} IS NOT NULL")), "{sql}");
        }
    }
}
