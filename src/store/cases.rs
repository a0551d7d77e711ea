//! Case rows: the JSON document plus the columns lists and counts index.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::{Result, StoreError, facts, search};
use crate::domain::case::Case;
use crate::domain::deadline::ClockView;
use crate::domain::due::next_due;

/// Which case a command or a look-up names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseRef {
    Id(i64),
    No(String),
}

impl CaseRef {
    /// `7` is an id, `2026-0007` a case number.
    pub fn parse(s: &str) -> CaseRef {
        let s = s.trim();
        match s.parse::<i64>() {
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
/// does not change after it (a 复查 is a new case).
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
        i.target.as_deref().or(i.target_person.as_deref()),
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
        i.target_person,
        i.confidential,
        version,
    ])?;
    // Before the petitioners: their trigger marks the row when a petitioner came before.
    facts::write(tx, case)?;
    facts::write_summary(tx, case)?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO petitioners (case_id, seq, name, id_number, phone, address, received_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (seq, p) in i.petitioners.iter().enumerate() {
        stmt.execute(params![
            id,
            seq as i64,
            p.name,
            p.id_number,
            p.phone,
            p.address,
            i.received_at.timestamp(),
        ])?;
    }
    search::index_case_tokens(tx, id, tokens)?;
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

/// As `update`, to version `new_version`: a batch writes a case once with
/// the last of several commands.
pub(super) fn update_to(
    tx: &Transaction,
    case: &Case,
    doc: &str,
    version: i64,
    new_version: i64,
    clocks: &[ClockView],
) -> Result<i64> {
    let next_due = next_due(clocks).map(|d| d.to_string());
    let changed = tx
        .prepare_cached(
            "UPDATE cases SET version = ?13, case_no = ?3, state = ?4, department = ?5,
                 handler = ?6, owner_leader = ?7, awaiting_instruction = ?8, next_due = ?9, doc = ?10,
                 replied_on = ?11, archived_at = ?12
             WHERE id = ?1 AND version = ?2",
        )?
        .execute(params![
            case.id,
            version,
            case.case_no,
            case.state.code(),
            case.assignment.as_ref().map(|a| a.department.as_str()),
            case.assignment.as_ref().map(|a| a.handler.as_str()),
            case.assignment.as_ref().and_then(|a| a.owner_leader.as_deref()),
            case.awaiting_leader(),
            next_due,
            doc,
            facts::replied_on(case),
            case.archived.as_ref().map(|s| s.at.timestamp()),
            new_version,
        ])?;
    if changed == 0 {
        let found: i64 = tx
            .query_row("SELECT version FROM cases WHERE id = ?1", [case.id], |r| {
                r.get(0)
            })
            .optional()?
            .unwrap_or(0);
        return Err(StoreError::Stale {
            case: case.case_no.clone().unwrap_or_else(|| case.id.to_string()),
            expected: version,
            found,
        });
    }
    facts::write(tx, case)?;
    Ok(new_version)
}
