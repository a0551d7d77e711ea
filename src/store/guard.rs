//! No write on a damaged case: before a command changes a case that exists, its stored
//! row is compared with its journal — the document with the replay of its events, each
//! event's hash, the version with their number, the state and number columns with the
//! document. Only the cases a command touches, so the price is a few rows per write;
//! `check` compares them all.

use rusqlite::{Connection, OptionalExtension};
use serde_json::Value;

use super::damage::Damage;
use super::{Result, StoreError, journal};
use crate::domain::case::Case;

/// Refuses (`StoreError::Unsafe`) when case `case` as loaded (`doc` at `version`)
/// differs from its journal.
pub(super) fn case_agrees(conn: &Connection, case: &Case, doc: &str, version: i64) -> Result<()> {
    let what = differs(conn, case, doc, version)?;
    match what {
        None => Ok(()),
        Some(what) => Err(StoreError::Unsafe(Box::new(Damage::Case {
            case: case
                .case_no
                .clone()
                .unwrap_or_else(|| format!("#{}", case.id)),
            what: what.to_owned(),
        }))),
    }
}

/// What differs, named for `check`'s reader (None: the case agrees).
fn differs(
    conn: &Connection,
    case: &Case,
    doc: &str,
    version: i64,
) -> Result<Option<&'static str>> {
    let events = journal::for_case(conn, case.id)?;
    if events.iter().any(|e| !e.whole()) {
        return Ok(Some("journal event"));
    }
    if events.len() as i64 != version {
        return Ok(Some("version"));
    }
    let mut replayed = Value::Null;
    for e in &events {
        journal::replay(&mut replayed, e);
    }
    let stored: Value = serde_json::from_str(doc).unwrap_or(Value::Null);
    if stored != replayed {
        return Ok(Some("doc"));
    }
    let columns: Option<(String, Option<String>)> = conn
        .prepare_cached("SELECT state, case_no FROM cases WHERE id = ?1")?
        .query_row([case.id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(match columns {
        Some((state, _)) if state != case.state.code() => Some("state"),
        Some((_, no)) if no != case.case_no => Some("case_no"),
        Some(_) => None,
        None => Some("row"),
    })
}
