//! Issued documents: numbers per kind and year, allotted in the same
//! IMMEDIATE transaction as the journal event that issues them, and the
//! text and HTML kept as issued. Also the office's letterhead.

use chrono::{DateTime, Datelike, FixedOffset};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::execute::{Applied, Request, execute_in};
use super::findings::{BadRecord, CheckReport};
use super::journal::{self, JournalEntry};
use super::{Result, Store, StoreError};
use crate::domain::case::Case;
use crate::domain::command::Command;
use crate::domain::documents::{Content, DocKind, OfficeProfile, check_profile, doc_number};
use crate::domain::error::WorkflowError;
use crate::domain::workflow::local_date;

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

/// What a renderer gets: everything a template may print.
pub struct RenderJob<'a> {
    pub case: &'a Case,
    pub content: &'a Content,
    pub number: &'a str,
    pub at: DateTime<FixedOffset>,
    pub profile: &'a OfficeProfile,
    /// The documents issued before (the case file lists and includes them).
    pub issued: &'a [StoredDocument],
    /// The case's journal so far (the case file's timeline).
    pub timeline: &'a [JournalEntry],
}

/// A rendered document: plain text and print-ready HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub text: String,
    pub html: String,
}

/// What issuing left: the command's result and the document kept.
#[derive(Debug, Clone)]
pub struct Issued {
    pub applied: Applied,
    pub document: StoredDocument,
}

fn sha256_hex(s: &str) -> String {
    Sha256::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The next number of `kind` in `year`: bumped inside the caller's
/// transaction, so a rolled-back issue leaves no gap.
fn allot(tx: &Transaction, kind: DocKind, year: i32) -> Result<i64> {
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

fn documents_of(conn: &rusqlite::Connection, case_id: i64) -> Result<Vec<StoredDocument>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} WHERE case_id = ?1 ORDER BY id"))?;
    let rows = stmt.query_map([case_id], from_row)?;
    let mut out = Vec::new();
    for row in rows {
        out.push(row?);
    }
    Ok(out)
}

fn profile_of(conn: &rusqlite::Connection) -> Result<OfficeProfile> {
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
        self.conn.execute(
            "INSERT INTO office_profile (id, doc) VALUES (1, ?1)
             ON CONFLICT (id) DO UPDATE SET doc = ?1",
            [serde_json::to_string(profile)?],
        )?;
        Ok(())
    }

    /// Every document issued on the case, oldest first.
    pub fn documents(&self, case_id: i64) -> Result<Vec<StoredDocument>> {
        documents_of(&self.conn, case_id)
    }

    /// Issues the document `req` asks for (a `Command::Issue`) in one
    /// IMMEDIATE transaction: the domain checks what it must state, the
    /// next number of its kind and year is allotted, `render` writes it,
    /// and the case, the journal event (with the number, the text and the
    /// HTML's SHA-256) and the kept document are committed together.
    pub fn issue(
        &mut self,
        req: &Request,
        render: &mut dyn FnMut(&RenderJob) -> std::result::Result<Rendered, String>,
    ) -> Result<Issued> {
        self.issue_or_try(req, render, true)
    }

    /// Everything `issue` does, rolled back at the end: the desk's preview,
    /// with the number it would get now and the same refusals.
    pub fn preview(
        &mut self,
        req: &Request,
        render: &mut dyn FnMut(&RenderJob) -> std::result::Result<Rendered, String>,
    ) -> Result<StoredDocument> {
        self.issue_or_try(req, render, false).map(|i| i.document)
    }

    fn issue_or_try(
        &mut self,
        req: &Request,
        render: &mut dyn FnMut(&RenderJob) -> std::result::Result<Rendered, String>,
        commit: bool,
    ) -> Result<Issued> {
        let Command::Issue(input) = &req.command else {
            return Err(StoreError::Render("not an issue command".to_owned()));
        };
        let kind = input.kind;
        let mut req = req.clone();
        let Store { conn, office, .. } = self;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let profile = profile_of(&tx)?;
        check_profile(&profile)
            .map_err(|missing| WorkflowError::DocumentIncomplete { kind, missing })?;
        if let Command::Issue(input) = &mut req.command
            && input
                .review_organ
                .as_deref()
                .is_none_or(|s| s.trim().is_empty())
            && !profile.review_organ.trim().is_empty()
        {
            input.review_organ = Some(profile.review_organ.clone());
        }
        let year = local_date(req.at, &office.rules(&[], &[])).year();
        let mut rendered: Option<Rendered> = None;
        let mut allotted = 0;
        let at = req.at;
        let mut finish = |tx: &Transaction,
                          case: &mut Case,
                          event: &mut crate::domain::workflow::Event,
                          content: &Content|
         -> Result<()> {
            let n = allot(tx, kind, year)?;
            allotted = n;
            let number = doc_number(&profile.prefix, kind, year, n);
            if let Some(d) = case.documents.last_mut() {
                d.number = number.clone();
            }
            let (issued, timeline) = if kind == DocKind::CaseFile {
                (documents_of(tx, case.id)?, journal::for_case(tx, case.id)?)
            } else {
                (Vec::new(), Vec::new())
            };
            let job = RenderJob {
                case,
                content,
                number: &number,
                at,
                profile: &profile,
                issued: &issued,
                timeline: &timeline,
            };
            let out = render(&job).map_err(StoreError::Render)?;
            if let Command::Issue(input) = &mut event.command {
                input.number = Some(number);
                input.text = Some(out.text.clone());
                input.html_sha256 = Some(sha256_hex(&out.html));
            }
            rendered = Some(out);
            Ok(())
        };
        let applied = execute_in(&tx, office, &req, &mut finish)?;
        let Some(out) = rendered else {
            return Err(StoreError::Render("nothing rendered".to_owned()));
        };
        let doc = applied
            .case
            .documents
            .last()
            .cloned()
            .ok_or_else(|| StoreError::Render("no document recorded".to_owned()))?;
        let stored = StoredDocument {
            case_id: applied.id,
            kind,
            number: doc.number.clone(),
            event_seq: applied.event_seq,
            issued_at: doc.stamp.at.to_rfc3339(),
            issued_by: doc.stamp.by.clone(),
            text: out.text,
            html: out.html,
        };
        if !commit {
            // Dropping the transaction rolls the number and the event back.
            return Ok(Issued {
                applied,
                document: stored,
            });
        }
        tx.execute(
            "INSERT INTO documents (case_id, kind, year, seq, number, event_seq, issued_at, issued_by, text, html)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                stored.case_id,
                kind.code(),
                year,
                allotted,
                stored.number,
                stored.event_seq,
                stored.issued_at,
                stored.issued_by,
                stored.text,
                stored.html,
            ],
        )?;
        tx.commit()?;
        Ok(Issued {
            applied,
            document: stored,
        })
    }
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
