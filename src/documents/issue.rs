//! Issue a document, or give back the one already issued exactly as it
//! was; write it to a file; send it to the printer. Shared by the command
//! line and the desk.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::{Renderer, json_twin};
use crate::domain::command::Command;
use crate::domain::documents::{DocKind, IssueInput};
use crate::store::{CaseRef, Request, Store, StoreError, StoredDocument};

/// What the person issuing adds (the reply's basis, the review body).
#[derive(Debug, Clone, Default)]
pub struct Extra {
    pub basis: Option<String>,
    pub review_organ: Option<String>,
    /// Issue a new one even when one of the kind is issued already.
    pub again: bool,
    /// The unit a 工作建议函 or 预警稳控提醒函 goes to, and the suggestion.
    pub to: Option<String>,
    pub advice: Option<String>,
}

/// A document in hand: newly issued, or the stored one reprinted.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub document: StoredDocument,
    pub reprint: bool,
}

/// Issues `kind` on the case, unless one of that kind is already issued
/// and `extra.again` is false: then the stored one comes back unchanged.
pub fn issue_or_reprint(
    store: &mut Store,
    renderer: &Renderer,
    case: &CaseRef,
    kind: DocKind,
    extra: &Extra,
    actor: &str,
    at: DateTime<FixedOffset>,
) -> Result<Outcome, StoreError> {
    if !extra.again
        && let Some(document) = latest(store, case, kind, at)?
    {
        return Ok(Outcome {
            document,
            reprint: true,
        });
    }
    let mut input = IssueInput::new(kind);
    input.basis = extra.basis.clone();
    input.review_organ = extra.review_organ.clone();
    input.to = extra.to.clone();
    input.advice = extra.advice.clone();
    let req = Request {
        case: Some(case.clone()),
        expected_version: None,
        command: Command::Issue(Box::new(input)),
        actor: actor.to_owned(),
        at,
    };
    let issued = store.issue(&req, &mut |job| renderer.render(job))?;
    Ok(Outcome {
        document: issued.document,
        reprint: false,
    })
}

/// The latest stored document of `kind` on the case.
pub fn latest(
    store: &Store,
    case: &CaseRef,
    kind: DocKind,
    at: DateTime<FixedOffset>,
) -> Result<Option<StoredDocument>, StoreError> {
    let row = store.case(case, at.date_naive())?;
    Ok(store
        .documents(row.case.id)?
        .into_iter()
        .rev()
        .find(|d| d.kind == kind))
}

/// Writes the document to `path`: HTML for `.html`/`.htm`, else text. A
/// case file also gets its JSON twin beside it (`.json`), the case as it stands on `today`
/// (the office's local date). Returns every file written.
pub fn write(
    store: &Store,
    doc: &StoredDocument,
    path: &Path,
    today: NaiveDate,
) -> Result<Vec<PathBuf>, StoreError> {
    let html = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    write_private(path, if html { &doc.html } else { &doc.text })?;
    let mut written = vec![path.to_owned()];
    if doc.kind == DocKind::CaseFile {
        let case = store.case(&CaseRef::Id(doc.case_id), today)?.case;
        let issued: Vec<StoredDocument> = store
            .documents(doc.case_id)?
            .into_iter()
            .filter(|d| d.event_seq < doc.event_seq)
            .collect();
        let timeline: Vec<_> = store
            .events(doc.case_id)?
            .into_iter()
            .filter(|e| e.seq < doc.event_seq)
            .collect();
        let twin = json_twin(&doc.number, &case, &issued, &timeline);
        let json_path = path.with_extension("json");
        let text =
            serde_json::to_string_pretty(&twin).map_err(|e| StoreError::Render(e.to_string()))?;
        write_private(&json_path, &(text + "\n"))?;
        written.push(json_path);
    }
    Ok(written)
}

/// Documents name people and addresses: a new file is readable by its
/// owner only (mode 0600), like the ledger and its exports.
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?.write_all(text.as_bytes())
}

/// Why a document did not reach the printer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintFailure {
    /// The print command itself is not there (no CUPS on a fresh PC): its name.
    NoCommand(&'static str),
    /// It ran and refused: what it said.
    Refused(String),
}

/// How starting `command` failed: not installed, or another reason in the system's words.
fn not_started(command: &'static str, e: &std::io::Error) -> PrintFailure {
    match e.kind() {
        std::io::ErrorKind::NotFound => PrintFailure::NoCommand(command),
        _ => PrintFailure::Refused(format!("{command}: {e}")),
    }
}

/// Sends `path` to the printer with `lp -d PRINTER`.
#[cfg(not(windows))]
pub fn print(printer: &str, path: &Path) -> Result<(), PrintFailure> {
    let out = std::process::Command::new("lp")
        .arg("-d")
        .arg(printer)
        .arg(path)
        .output()
        .map_err(|e| not_started("lp", &e))?;
    if out.status.success() {
        Ok(())
    } else {
        let said = String::from_utf8_lossy(&out.stderr).trim().to_owned();
        Err(PrintFailure::Refused(said))
    }
}

/// Windows has no `lp`: the shell's print verb hands the file to the program registered
/// for its type (`PrintTo` names the printer, `Print` takes the default one).
#[cfg(windows)]
pub fn print(printer: &str, path: &Path) -> Result<(), PrintFailure> {
    // PowerShell's single quotes take everything literally but a doubled quote.
    let quoted = |s: &str| format!("'{}'", s.replace('\'', "''"));
    let file = quoted(&path.to_string_lossy());
    let script = if printer.trim().is_empty() {
        format!("Start-Process -FilePath {file} -Verb Print")
    } else {
        let printer = quoted(&format!("\"{printer}\""));
        format!("Start-Process -FilePath {file} -Verb PrintTo -ArgumentList {printer}")
    };
    let out = std::process::Command::new("powershell")
        .args(["-NoProfile", "-NonInteractive", "-Command", &script])
        .output()
        .map_err(|e| not_started("powershell", &e))?;
    if out.status.success() {
        Ok(())
    } else {
        let said = String::from_utf8_lossy(&out.stderr).trim().to_owned();
        Err(PrintFailure::Refused(said))
    }
}

/// `2026-0001_accept.html`: a file name for the desk to write.
pub fn file_name(doc: &StoredDocument, case_no: &str, html: bool) -> String {
    let ext = if html { "html" } else { "txt" };
    format!("{case_no}_{}.{ext}", doc.kind.code())
}
