//! Issued documents: numbers per kind and year, allotted in the same
//! IMMEDIATE transaction as the journal event that issues them (`issue.rs`), and the
//! text and HTML kept as issued. Also the office's letterhead.

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::findings::{BadRecord, CheckReport};
use super::{Result, Store};
use crate::domain::documents::{DocKind, OfficeProfile};

/// One document as issued and kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StoredDocument {
    pub case_id: i64,
    pub kind: DocKind,
    pub number: String,
    pub event_seq: i64,
    pub issued_at: String,
    pub issued_by: String,
    pub text: String,
    #[serde(skip)]
    pub html: String,
}

pub(super) fn sha256_hex(s: &str) -> String {
    Sha256::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The next number of `kind` in `year`: bumped inside the caller's
/// transaction, so a rolled-back issue leaves no gap.
pub(super) fn allot(tx: &Transaction, kind: DocKind, year: i32) -> Result<i64> {
    Ok(tx
        .prepare_cached(
            "INSERT INTO document_counters (kind, year, last) VALUES (?1, ?2, 1)
             ON CONFLICT (kind, year) DO UPDATE SET last = last + 1
             RETURNING last",
        )?
        .query_row(params![kind.code(), year], |r| r.get(0))?)
}

const SELECT: &str =
    "SELECT case_id, kind, number, event_seq, issued_at, issued_by, text, html FROM documents";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<StoredDocument> {
    let code: String = r.get(1)?;
    // Kinds are written by this code only: an unknown one is reported as a
    // damaged record, never guessed.
    let kind = DocKind::parse(&code).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            1,
            rusqlite::types::Type::Text,
            format!("unknown document kind {code}").into(),
        )
    })?;
    Ok(StoredDocument {
        case_id: r.get(0)?,
        kind,
        number: r.get(2)?,
        event_seq: r.get(3)?,
        issued_at: r.get(4)?,
        issued_by: r.get(5)?,
        text: r.get(6)?,
        html: r.get(7)?,
    })
}

pub(super) fn documents_of(
    conn: &rusqlite::Connection,
    case_id: i64,
) -> Result<Vec<StoredDocument>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE case_id = ?1 ORDER BY id"))?;
    let rows = stmt.query_map([case_id], from_row)?;
    let mut out = Vec::new();
    for row in rows {
        out.push(row?);
    }
    Ok(out)
}

/// Writes the whole letterhead.
pub(super) fn write_profile(conn: &rusqlite::Connection, profile: &OfficeProfile) -> Result<()> {
    crate::domain::limits::check_office(profile)?;
    conn.execute(
        "INSERT INTO office_profile (id, doc) VALUES (1, ?1)
         ON CONFLICT (id) DO UPDATE SET doc = ?1",
        [serde_json::to_string(profile)?],
    )?;
    Ok(())
}

pub(super) fn profile_of(conn: &rusqlite::Connection) -> Result<OfficeProfile> {
    let doc: Option<String> = conn
        .query_row("SELECT doc FROM office_profile WHERE id = 1", [], |r| {
            r.get(0)
        })
        .optional()?;
    let mut profile: OfficeProfile = match doc {
        Some(d) => serde_json::from_str(&d)?,
        None => OfficeProfile::default(),
    };
    // The name typed at first setup stands until the profile names one.
    if profile.name.trim().is_empty() {
        let name: Option<String> = conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'office_name'",
                [],
                |r| r.get(0),
            )
            .optional()?;
        profile.name = name.unwrap_or_default();
    }
    Ok(profile)
}

impl Store {
    /// The office's letterhead (the setup's office name until one is set).
    pub fn office_profile(&self) -> Result<OfficeProfile> {
        profile_of(&self.conn)
    }

    /// Sets the fields `update` gives (empty ones keep their value);
    /// returns the whole profile as now stored.
    pub fn set_office_profile(&mut self, update: &OfficeProfile) -> Result<OfficeProfile> {
        self.rows.forget();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let merged = profile_of(&tx)?.merged(update);
        tx.execute(
            "INSERT INTO office_profile (id, doc) VALUES (1, ?1)
             ON CONFLICT (id) DO UPDATE SET doc = ?1",
            [serde_json::to_string(&merged)?],
        )?;
        tx.commit()?;
        Ok(merged)
    }

    /// Replaces the whole letterhead (the desk's form shows every field,
    /// so an emptied one is meant empty).
    pub fn replace_office_profile(&mut self, profile: &OfficeProfile) -> Result<()> {
        write_profile(&self.conn, profile)
    }

    /// Every document issued on the case, oldest first.
    pub fn documents(&self, case_id: i64) -> Result<Vec<StoredDocument>> {
        self.seen_documents(case_id, documents_of(&self.conn, case_id)?)
    }
}

/// Keeps an issued document: `seq` is its number within its kind and `year`.
pub(super) fn insert(tx: &Transaction, doc: &StoredDocument, year: i32, seq: i64) -> Result<()> {
    tx.execute(
        "INSERT INTO documents (case_id, kind, year, seq, number, event_seq, issued_at, issued_by, text, html)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            doc.case_id,
            doc.kind.code(),
            year,
            seq,
            doc.number,
            doc.event_seq,
            doc.issued_at,
            doc.issued_by,
            doc.text,
            doc.html,
        ],
    )?;
    Ok(())
}

/// `check`: every kept document against the journal event that issued it
/// (its number, its text, the SHA-256 of its HTML). Ledgers from before
/// documents existed have nothing to check.
pub(super) fn check_documents(conn: &rusqlite::Connection, report: &mut CheckReport) -> Result<()> {
    let has_table: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'documents'",
        [],
        |r| r.get(0),
    )?;
    if !has_table || report.first_bad_case.is_some() {
        return Ok(());
    }
    let mut stmt = conn.prepare(
        "SELECT d.case_id, c.case_no, d.number, d.text, d.html, e.command
           FROM documents d JOIN cases c ON c.id = d.case_id
           LEFT JOIN events e ON e.seq = d.event_seq
          ORDER BY d.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, Option<String>>(5)?,
        ))
    })?;
    for row in rows {
        let (id, case_no, number, text, html, command) = row?;
        let command: serde_json::Value = command
            .as_deref()
            .and_then(|c| serde_json::from_str(c).ok())
            .unwrap_or_default();
        let same = command["number"] == number.as_str()
            && command["text"] == text.as_str()
            && command["html_sha256"] == sha256_hex(&html).as_str();
        if !same {
            report.first_bad_case = Some(BadRecord {
                id,
                case_no,
                problem: format!("document {number} differs from the journal event that issued it"),
            });
            break;
        }
    }
    Ok(())
}
