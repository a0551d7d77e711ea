//! The case screen's documents: `p` picks a kind, the text is previewed in
//! the terminal, `Enter` issues it (or reprints the one issued) and writes
//! the print-ready HTML beside the ledger, sending it to the office's
//! printer where one is set.

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::app::{App, Cmd, Msg};
use crate::config::config_dir;
use crate::documents::{Extra, Renderer, file_name, issue_or_reprint, latest, print, write};
use crate::domain::command::Command;
use crate::domain::documents::{DocKind, IssueInput};
use crate::store::{CaseRef, Request, Store, StoreError};
use crate::strings::{documents as text, errors};
use crate::ui::widgets::text_field::TextField;

/// The picker, then the preview of one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocPanel {
    pub case_id: i64,
    pub selected: usize,
    pub preview: Option<Preview>,
    /// The reply's legal basis (Art 32), asked before its preview; Some
    /// while it is being typed.
    pub basis: Option<TextField>,
    /// The basis as typed, kept for the issue.
    pub basis_given: Option<String>,
    /// The kinds already issued on the case, with their numbers.
    pub issued: Vec<(DocKind, String)>,
}

/// A document's text as it will be (or was) issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub kind: DocKind,
    pub number: String,
    pub text: String,
    /// Already issued: Enter reprints the kept text.
    pub reprint: bool,
    pub scroll: u16,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocCmd {
    Preview {
        case_id: i64,
        kind: DocKind,
        basis: Option<String>,
    },
    Issue {
        case_id: i64,
        kind: DocKind,
        basis: Option<String>,
    },
}

#[derive(Debug, Clone)]
pub enum DocMsg {
    Preview(Preview),
    Issued { case_id: i64, note: String },
}

impl App {
    pub(super) fn open_documents(&mut self, case_id: i64) -> Vec<Cmd> {
        self.message = None;
        let issued = match &self.screen {
            super::app::Screen::Case(c) => c
                .row
                .case
                .documents
                .iter()
                .map(|d| (d.kind, d.number.clone()))
                .collect(),
            _ => Vec::new(),
        };
        self.doc = Some(DocPanel {
            case_id,
            selected: 0,
            preview: None,
            basis: None,
            basis_given: None,
            issued,
        });
        Vec::new()
    }

    /// Keys while the panel is open: the picker's, then the preview's.
    pub(super) fn doc_key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        let Some(panel) = self.doc.as_mut() else {
            return Vec::new();
        };
        let n = DocKind::ALL.len();
        if let Some(field) = panel.basis.as_mut() {
            match key.code {
                KeyCode::Esc => panel.basis = None,
                KeyCode::Enter => {
                    let basis = field.value().trim().to_owned();
                    panel.basis = None;
                    panel.basis_given = Some(basis.clone());
                    return vec![Cmd::Document(DocCmd::Preview {
                        case_id: panel.case_id,
                        kind: DocKind::Reply,
                        basis: Some(basis),
                    })];
                }
                KeyCode::Backspace => field.backspace(),
                KeyCode::Delete => field.delete(),
                KeyCode::Left => field.left(),
                KeyCode::Right => field.right(),
                KeyCode::Home => field.home(),
                KeyCode::End => field.end(),
                KeyCode::Char(c) => field.insert(c.encode_utf8(&mut [0; 4])),
                _ => {}
            }
            return Vec::new();
        }
        if let Some(p) = panel.preview.as_mut() {
            match key.code {
                KeyCode::Esc | KeyCode::Backspace => panel.preview = None,
                KeyCode::Down | KeyCode::Char('j') => p.scroll = p.scroll.saturating_add(1),
                KeyCode::Up | KeyCode::Char('k') => p.scroll = p.scroll.saturating_sub(1),
                KeyCode::PageDown | KeyCode::Char(' ') => p.scroll = p.scroll.saturating_add(10),
                KeyCode::PageUp => p.scroll = p.scroll.saturating_sub(10),
                KeyCode::Enter => {
                    return vec![Cmd::Document(DocCmd::Issue {
                        case_id: panel.case_id,
                        kind: p.kind,
                        basis: panel.basis_given.clone(),
                    })];
                }
                _ => {}
            }
            return Vec::new();
        }
        let pick = |i: usize| DocKind::ALL.get(i).copied();
        let chosen = match key.code {
            KeyCode::Esc | KeyCode::Backspace | KeyCode::Char('q') => {
                self.doc = None;
                return Vec::new();
            }
            KeyCode::Down | KeyCode::Char('j') | KeyCode::Tab => {
                panel.selected = (panel.selected + 1) % n;
                None
            }
            KeyCode::Up | KeyCode::Char('k') | KeyCode::BackTab => {
                panel.selected = (panel.selected + n - 1) % n;
                None
            }
            KeyCode::Char(c @ '1'..='8') => {
                panel.selected = usize::from(c as u8 - b'1');
                pick(panel.selected)
            }
            KeyCode::Enter => pick(panel.selected),
            _ => None,
        };
        match chosen {
            // The reply states its legal basis (Art 32): typed first.
            Some(DocKind::Reply) if !panel.issued.iter().any(|(k, _)| *k == DocKind::Reply) => {
                self.message = None;
                panel.basis = Some(TextField::default());
                Vec::new()
            }
            Some(kind) => {
                self.message = None;
                vec![Cmd::Document(DocCmd::Preview {
                    case_id: panel.case_id,
                    kind,
                    basis: None,
                })]
            }
            None => Vec::new(),
        }
    }

    pub(super) fn doc_msg(&mut self, msg: DocMsg) -> Vec<Cmd> {
        match msg {
            DocMsg::Preview(p) => {
                if let Some(panel) = self.doc.as_mut() {
                    panel.preview = Some(p);
                }
                Vec::new()
            }
            DocMsg::Issued { case_id, note } => {
                self.doc = None;
                self.message = Some(note);
                vec![Cmd::OpenCase(case_id)]
            }
        }
    }
}

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
    let at = app
        .clock
        .unwrap_or_else(|| chrono::Utc::now().with_timezone(&store.office().policy.utc_offset));
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
