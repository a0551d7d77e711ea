//! Runs a document command: preview, issue or reprint, the print-ready
//! file beside the ledger, the office's printer.

use std::path::PathBuf;

use super::{DocCmd, DocMsg, Preview};
use crate::config::config_dir;
use crate::documents::{Extra, Renderer, file_name, issue_or_reprint, latest, print, write};
use crate::domain::command::Command;
use crate::domain::documents::IssueInput;
use crate::store::{CaseRef, Request, Store, StoreError};
use crate::strings::{documents as text, errors};
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

/// Runs a document command for the desk.
pub fn execute(store: &mut Store, app: &App, cmd: &DocCmd) -> Msg {
    let lang = app.lang;
    let fail = |e: StoreError| Msg::Failed(errors::store(lang, &e));
    let Some(operator) = &app.operator else {
        return Msg::Failed(crate::strings::form::no_operator(lang).to_owned());
    };
    let renderer = match Renderer::load(config_dir().as_deref()) {
        Ok(r) => r,
        Err(e) => return Msg::Failed(text::template_error(lang, &e)),
    };
    let at = app.clock.now();
    match cmd {
        DocCmd::Preview {
            case_id,
            kind,
            basis,
        } => {
            let case = CaseRef::Id(*case_id);
            match latest(store, &case, *kind, at) {
                Ok(Some(d)) => {
                    return Msg::Document(Box::new(DocMsg::Preview(Preview {
                        kind: *kind,
                        number: d.number,
                        text: d.text,
                        reprint: true,
                        scroll: 0,
                    })));
                }
                Ok(None) => {}
                Err(e) => return fail(e),
            }
            let mut input = IssueInput::new(*kind);
            input.basis = basis.clone();
            let req = Request {
                case: Some(case),
                expected_version: None,
                command: Command::Issue(Box::new(input)),
                actor: operator.name.clone(),
                at,
            };
            match store.preview(&req, &mut |job| renderer.render(job)) {
                Ok(d) => Msg::Document(Box::new(DocMsg::Preview(Preview {
                    kind: *kind,
                    number: d.number,
                    text: d.text,
                    reprint: false,
                    scroll: 0,
                }))),
                Err(e) => fail(e),
            }
        }
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
            let fail = |e: StoreError| Msg::Failed(after(errors::store(lang, &e)));
            let case = CaseRef::Id(*case_id);
            let got = match issue_or_reprint(
                store,
                &renderer,
                &case,
                *kind,
                &Extra {
                    basis: basis.clone(),
                    ..Extra::default()
                },
                &operator.name,
                at,
            ) {
                Ok(g) => g,
                Err(e) => return fail(e),
            };
            let doc = &got.document;
            let dir = out_dir(store);
            let case_no = store
                .case(&case, at.date_naive())
                .ok()
                .and_then(|r| r.case.case_no)
                .unwrap_or_else(|| format!("{case_id}"));
            let path = dir.join(file_name(doc, &case_no, true));
            let written = std::fs::create_dir_all(&dir)
                .map_err(StoreError::from)
                .and_then(|()| write(store, doc, &path));
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
            Msg::Document(Box::new(DocMsg::Issued {
                case_id: *case_id,
                note: after(note),
            }))
        }
    }
}
