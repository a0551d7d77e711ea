//! The documents panel's keys: the picker, the basis line, the preview.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{DocCmd, DocMsg, DocPanel};
use crate::domain::documents::DocKind;
use crate::ui::app::{App, Cmd};
use crate::ui::widgets::text_field::TextField;

impl App {
    pub(crate) fn open_documents(&mut self, case_id: i64) -> Vec<Cmd> {
        self.message = None;
        let issued = match &self.screen {
            crate::ui::app::Screen::Case(c) => c
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
    pub(crate) fn doc_key(&mut self, key: KeyEvent) -> Vec<Cmd> {
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

    pub(crate) fn doc_msg(&mut self, msg: DocMsg) -> Vec<Cmd> {
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
