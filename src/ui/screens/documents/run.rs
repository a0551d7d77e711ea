//! Runs a document command: preview, issue or reprint, the print-ready
//! file beside the ledger, the office's printer.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

use super::{DocCmd, DocMsg, Preview};
use crate::config::config_dir;
use crate::documents::{Extra, Renderer, file_name, issue_or_reprint, latest, print, write};
use crate::domain::command::Command;
use crate::domain::documents::{DocKind, IssueInput};
use crate::store::{CaseRef, Request, Store, StoreError};
use crate::strings::{Lang, documents as text, errors};
use crate::ui::app::App;
use crate::ui::messages::Msg;

/// Where the desk writes documents: `XINFANG_DOCS`, else `documents/`
/// beside the ledger.
fn out_dir(store: &Store) -> PathBuf {
    std::env::var_os("XINFANG_DOCS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            store
                .path()
                .parent()
                .map_or_else(|| PathBuf::from("documents"), |d| d.join("documents"))
        })
}

/// Runs a document command for the desk; the clock is read once, here.
pub fn execute(store: &mut Store, app: &App, cmd: &DocCmd) -> Msg {
    let lang = app.lang;
    let Some(operator) = &app.operator else {
        return Msg::Failed(crate::strings::form::no_operator(lang).to_owned());
    };
    let renderer = match Renderer::load(config_dir().as_deref()) {
        Ok(r) => r,
        Err(e) => return Msg::Failed(text::template_error(lang, &e)),
    };
    let job = Job {
        renderer: &renderer,
        actor: &operator.name,
        at: app.clock.now(),
        lang,
    };
    match cmd {
        DocCmd::Preview {
            case_id,
            kind,
            basis,
        } => preview(store, &job, *case_id, *kind, basis.clone())
            .unwrap_or_else(|e| Msg::Failed(errors::store(lang, &e))),
        DocCmd::Issue {
            case_id,
            kind,
            basis,
        } => {
            // After a step (archive makes the case file), its message first.
            let after = |m: String| match &app.message {
                Some(done) => format!("{done}；{m}"),
                None => m,
            };
            match issue(store, &job, *case_id, *kind, basis.clone()) {
                Ok(note) => Msg::Document(Box::new(DocMsg::Issued {
                    case_id: *case_id,
                    note: after(note),
                })),
                Err(e) => Msg::Failed(after(errors::store(lang, &e))),
            }
        }
    }
}

/// Who issues, when, with which templates.
struct Job<'a> {
    renderer: &'a Renderer,
    actor: &'a str,
    at: DateTime<FixedOffset>,
    lang: Lang,
}

/// The text of `kind` on the case: the one issued, else as it would be issued now.
fn preview(
    store: &mut Store,
    job: &Job,
    case_id: i64,
    kind: DocKind,
    basis: Option<String>,
) -> Result<Msg, StoreError> {
    let case = CaseRef::Id(case_id);
    let shown = |number, text, reprint| {
        Msg::Document(Box::new(DocMsg::Preview(Preview {
            kind,
            number,
            text,
            reprint,
            scroll: 0,
        })))
    };
    if let Some(d) = latest(store, &case, kind, job.at)? {
        store.record_view_of(&case, "documents_panel", job.at)?;
        return Ok(shown(d.number, d.text, true));
    }
    let mut input = IssueInput::new(kind);
    (input.basis, input.advice) = typed(kind, basis);
    let req = Request {
        case: Some(case),
        expected_version: None,
        command: Command::Issue(Box::new(input)),
        actor: job.actor.to_owned(),
        at: job.at,
    };
    let d = store.preview(&req, &mut |j| job.renderer.render(j))?;
    // The text names the petitioners: on record as a view (Art 30 第三款).
    store.record_view_of(&CaseRef::Id(case_id), "documents_panel", job.at)?;
    Ok(shown(d.number, d.text, false))
}

/// Issues (or reprints) `kind`, writes its file and prints it where a
/// printer is set; what was done, in words.
fn issue(
    store: &mut Store,
    job: &Job,
    case_id: i64,
    kind: DocKind,
    basis: Option<String>,
) -> Result<String, StoreError> {
    let lang = job.lang;
    let case = CaseRef::Id(case_id);
    let (basis, advice) = typed(kind, basis);
    let extra = Extra {
        basis,
        advice,
        ..Extra::default()
    };
    let got = issue_or_reprint(store, job.renderer, &case, kind, &extra, job.actor, job.at)?;
    let doc = &got.document;
    let dir = out_dir(store);
    let case_no = store
        .case(&case, job.at.date_naive())
        .ok()
        .and_then(|r| r.case.case_no)
        .unwrap_or_else(|| format!("{case_id}"));
    let path = dir.join(file_name(doc, &case_no, true));
    let written = crate::files::private_dirs(&dir)
        .map_err(StoreError::from)
        .and_then(|()| write(store, doc, &path, job.at.date_naive()));
    let shown = path.display().to_string();
    let mut note = match written {
        Ok(_) if got.reprint => text::reprinted(lang, &doc.number, &shown),
        Ok(_) => text::issued(lang, &doc.number, Some(&shown)),
        Err(e) => format!(
            "{}；{}",
            text::issued(lang, &doc.number, None),
            errors::store(lang, &e)
        ),
    };
    let printer = store
        .office_profile()
        .map(|p| p.printer)
        .unwrap_or_default();
    if !printer.trim().is_empty() && path.exists() {
        match print(&printer, &path) {
            Ok(()) => note.push_str(&text::printed(lang, &printer)),
            Err(e) => note.push_str(&text::print_failed(lang, &e)),
        }
    }
    Ok(note)
}

/// The line typed before the preview as what `kind` asks: a 工作建议函's suggestion (Art 40),
/// else the basis (the reply's, Art 32).
fn typed(kind: DocKind, line: Option<String>) -> (Option<String>, Option<String>) {
    if kind == DocKind::Advice {
        (None, line)
    } else {
        (line, None)
    }
}
