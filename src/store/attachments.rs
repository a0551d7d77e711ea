//! 附件: the bytes of the files kept with a case, in `attachment_bytes` inside the ledger
//! (so an encrypted ledger encrypts them). The case document says what each file is; a row
//! is written with its `attach_file` event and deleted with its `detach_file` event, in the
//! command's transaction, and `check` hashes every row against the case.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::cases::{self, CaseRef};
use super::findings::{CheckReport, Table};
use super::{Result, Store, StoreError};
use crate::domain::attachment::sha256_hex;
use crate::domain::case::{Attachment, Case};
use crate::domain::command::Command;
use crate::domain::error::WorkflowError;
use crate::domain::visibility::Sight;

/// Writes or deletes the bytes the command brings or takes away, after its case row.
pub(super) fn write(tx: &Transaction, case: &Case, command: &Command) -> Result<()> {
    if let Command::AttachFile {
        name,
        sha256,
        size,
        bytes,
        ..
    } = command
    {
        // An attachment is never recorded without its bytes.
        let Some(bytes) = bytes else {
            return Err(WorkflowError::AttachmentMismatch { name: name.clone() }.into());
        };
        let n = i64::try_from(case.attachments.len()).unwrap_or(i64::MAX);
        let size = i64::try_from(*size).unwrap_or(i64::MAX);
        tx.execute(
            "INSERT INTO attachment_bytes (case_id, n, sha256, size, bytes)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![case.id, n, sha256, size, bytes.as_slice()],
        )?;
    } else if let Command::DetachFile { n, .. } = command {
        tx.execute(
            "DELETE FROM attachment_bytes WHERE case_id = ?1 AND n = ?2",
            params![case.id, n],
        )?;
    }
    Ok(())
}

impl Store {
    /// Attachment `n` (from 1) of case `r` with its bytes, as the viewer may have it: none
    /// of a case hidden from them; not to a confidential case's handler, since a scan names
    /// the petitioners masked from them (2022 Art 30 第三款).
    pub fn attachment(&self, r: &CaseRef, n: u32) -> Result<(Case, Attachment, Vec<u8>)> {
        let (case, _) = cases::load(&self.conn, r)?;
        let asked = case.case_no.clone().unwrap_or_else(|| r.to_string());
        match self.sight(&case) {
            Sight::Full => {}
            Sight::Masked => return Err(StoreError::MaskedDocument(asked)),
            Sight::Hidden => return Err(StoreError::CaseNotFound(r.to_string())),
        }
        let index = usize::try_from(n).ok().and_then(|n| n.checked_sub(1));
        let file = index.and_then(|i| case.attachments.get(i)).cloned();
        let Some(file) = file.filter(|f| f.removed.is_none()) else {
            return Err(WorkflowError::NoAttachment { n }.into());
        };
        let bytes = bytes_of(&self.conn, case.id, n)?;
        let Some(bytes) = bytes.filter(|b| sha256_hex(b) == file.sha256) else {
            return Err(StoreError::Damaged(format!(
                "attachment {n} of case {asked}: bytes missing or changed (run check)"
            )));
        };
        Ok((case, file, bytes))
    }
}

impl Store {
    /// Every attachment kept (not removed), as (case id, n), in case order: what `export
    /// --attachments` goes through, asking [`Store::attachment`] for each.
    pub fn attachment_keys(&self) -> Result<Vec<(i64, u32)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT case_id, n FROM attachment_bytes ORDER BY case_id, n")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn bytes_of(conn: &Connection, case_id: i64, n: u32) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .query_row(
            "SELECT bytes FROM attachment_bytes WHERE case_id = ?1 AND n = ?2",
            params![case_id, n],
            |r| r.get(0),
        )
        .optional()?)
}

/// What the pass over the cases saw of one case's attachments (from its journal's replay).
pub(super) type Expected = (i64, String, Vec<Attachment>);

/// Every row of `attachment_bytes` hashed and compared with the attachments the cases'
/// journals say are kept: a changed, missing or stray row is a finding.
pub(super) fn check(
    conn: &Connection,
    expected: &[Expected],
    report: &mut CheckReport,
) -> Result<()> {
    use std::collections::BTreeMap;
    let mut want: BTreeMap<(i64, i64), (&str, &Attachment)> = BTreeMap::new();
    for (id, key, files) in expected {
        for (n, file) in (1_i64..).zip(files) {
            if file.removed.is_none() {
                want.insert((*id, n), (key.as_str(), file));
            }
        }
    }
    let mut stmt = conn.prepare(
        "SELECT case_id, n, sha256, size, bytes FROM attachment_bytes ORDER BY case_id, n",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let (id, n): (i64, i64) = (row.get(0)?, row.get(1)?);
        let (sha, size, bytes): (String, i64, Vec<u8>) = (row.get(2)?, row.get(3)?, row.get(4)?);
        let Some((key, file)) = want.remove(&(id, n)) else {
            report.differ(
                Table::AttachmentBytes,
                format!("#{id}/{n}"),
                "(row)",
                "none",
                sha,
            );
            continue;
        };
        let at = format!("{key}/{n}");
        let found = sha256_hex(&bytes);
        if found != file.sha256 {
            report.differ(Table::AttachmentBytes, &at, "bytes", &file.sha256, found);
        }
        if sha != file.sha256 {
            report.differ(Table::AttachmentBytes, &at, "sha256", &file.sha256, sha);
        }
        if u64::try_from(size).ok() != Some(file.size) {
            report.differ(
                Table::AttachmentBytes,
                &at,
                "size",
                file.size.to_string(),
                size.to_string(),
            );
        }
    }
    for ((_, n), (key, file)) in want {
        report.differ(
            Table::AttachmentBytes,
            format!("{key}/{n}"),
            "(row)",
            &file.sha256,
            "none",
        );
    }
    Ok(())
}
