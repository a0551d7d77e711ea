//! The documents panel's keys: the picker, the basis line, the preview.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{DocCmd, DocMsg, DocPanel, Preview};
use crate::domain::documents::DocKind;
use crate::domain::types::Role;
use crate::ui::app::{App, Cmd, Screen};
use crate::ui::widgets::text_field::TextField;

impl App {
    /// The documents panel over the case screen, if open.
    pub fn doc(&self) -> Option<&DocPanel> {
        match &self.screen {
            Screen::Case(c) => c.doc.as_ref(),
            _ => None,
        }
    }

    /// `p` on the case screen: the panel over it, on the first kind.
    pub(crate) fn open_documents(&mut self) -> Vec<Cmd> {
        self.message = None;
        if let Screen::Case(c) = &mut self.screen {
            let issued = c
                .row
                .case
                .documents
                .iter()
                .map(|d| (d.kind, d.number.clone()))
                .collect();
            c.doc = Some(DocPanel {
                case_id: c.row.case.id,
                selected: 0,
                preview: None,
                basis: None,
                line_for: DocKind::Reply,
                basis_given: None,
                issued,
            });
        }
        Vec::new()
    }

    /// Keys while the panel is open: the basis line's, the preview's, then the picker's.
    pub(crate) fn doc_key(&mut self, key: KeyEvent) -> Vec<Cmd> {
        let is_leader = (self.operator.as_ref()).is_some_and(|o| o.role == Role::Leader);
        let Screen::Case(c) = &mut self.screen else {
            return Vec::new();
        };
        let Some(panel) = c.doc.as_mut() else {
            return Vec::new();
        };
        if let Some(field) = panel.basis.as_mut() {
            return match basis_key(panel.case_id, panel.line_for, field, key) {
                Some(cmd) => take_basis(panel, cmd),
                None => leave_basis(panel, key),
            };
        }
        if let Some(p) = panel.preview.as_mut() {
            return preview_key(p, key, panel.case_id, &panel.basis_given).unwrap_or_else(|| {
                panel.preview = None;
                Vec::new()
            });
        }
        match pick_key(panel, key) {
            Picked::Close => {
                c.doc = None;
                Vec::new()
            }
            Picked::Nothing => Vec::new(),
            // The reply states its legal basis (Art 32), a 工作建议函 its suggestion (Art
            // 40): typed first.
            // (Not asked of one who may not issue it: the preview says why at once.)
            Picked::Kind(kind @ (DocKind::Reply | DocKind::Advice))
                if !panel.issued.iter().any(|(k, _)| *k == kind)
                    && (!kind.leader_only() || is_leader) =>
            {
                self.message = None;
                panel.basis = Some(TextField::default());
                panel.line_for = kind;
                Vec::new()
            }
            Picked::Kind(kind) => {
                self.message = None;
                vec![Cmd::Document(DocCmd::Preview {
                    case_id: panel.case_id,
                    kind,
                    basis: None,
                })]
            }
        }
    }

    pub(crate) fn doc_msg(&mut self, msg: DocMsg) -> Vec<Cmd> {
        match msg {
            DocMsg::Preview(p) => {
                if let Screen::Case(c) = &mut self.screen
                    && let Some(panel) = c.doc.as_mut()
                {
                    panel.preview = Some(p);
                }
                Vec::new()
            }
            DocMsg::Issued { case_id, note } => {
                if let Screen::Case(c) = &mut self.screen {
                    c.doc = None;
                }
                self.message = Some(note);
                vec![Cmd::OpenCase(case_id)]
            }
        }
    }
}

/// A key on the basis line: the preview asked for on Enter, else None
/// (the key edited the line, or Esc closed it: `leave_basis`).
fn basis_key(case_id: i64, kind: DocKind, field: &mut TextField, key: KeyEvent) -> Option<Cmd> {
    match key.code {
        KeyCode::Enter => Some(Cmd::Document(DocCmd::Preview {
            case_id,
            kind,
            basis: Some(field.value().trim().to_owned()),
        })),
        _ => {
            field.key(&key);
            None
        }
    }
}

/// Esc closes the basis line; other keys were edits.
fn leave_basis(panel: &mut DocPanel, key: KeyEvent) -> Vec<Cmd> {
    if key.code == KeyCode::Esc {
        panel.basis = None;
    }
    Vec::new()
}

/// Enter on the basis line: the basis is kept for the issue, its preview asked for.
fn take_basis(panel: &mut DocPanel, cmd: Cmd) -> Vec<Cmd> {
    if let Cmd::Document(DocCmd::Preview { basis, .. }) = &cmd {
        panel.basis_given = basis.clone();
    }
    panel.basis = None;
    vec![cmd]
}

/// A key on the preview: scrolling, Enter issues; None when it closes.
fn preview_key(
    p: &mut Preview,
    key: KeyEvent,
    case_id: i64,
    basis: &Option<String>,
) -> Option<Vec<Cmd>> {
    match key.code {
        KeyCode::Esc | KeyCode::Backspace => return None,
        KeyCode::Down | KeyCode::Char('j') => p.scroll = p.scroll.saturating_add(1),
        KeyCode::Up | KeyCode::Char('k') => p.scroll = p.scroll.saturating_sub(1),
        KeyCode::PageDown | KeyCode::Char(' ') => p.scroll = p.scroll.saturating_add(10),
        KeyCode::PageUp => p.scroll = p.scroll.saturating_sub(10),
        KeyCode::Enter => {
            return Some(vec![Cmd::Document(DocCmd::Issue {
                case_id,
                kind: p.kind,
                basis: basis.clone(),
            })]);
        }
        _ => {}
    }
    Some(Vec::new())
}

/// What a key on the picker chose.
enum Picked {
    Close,
    Nothing,
    Kind(DocKind),
}

fn pick_key(panel: &mut DocPanel, key: KeyEvent) -> Picked {
    let n = DocKind::ALL.len();
    let pick = |i: usize| {
        DocKind::ALL
            .get(i)
            .copied()
            .map_or(Picked::Nothing, Picked::Kind)
    };
    match key.code {
        KeyCode::Esc | KeyCode::Backspace | KeyCode::Char('q') => Picked::Close,
        KeyCode::Down | KeyCode::Char('j') | KeyCode::Tab => {
            panel.selected = (panel.selected + 1) % n;
            Picked::Nothing
        }
        KeyCode::Up | KeyCode::Char('k') | KeyCode::BackTab => {
            panel.selected = (panel.selected + n - 1) % n;
            Picked::Nothing
        }
        KeyCode::Char(c) => match c.to_digit(10).map(|d| d as usize) {
            // The kinds by their number on the picker, 1 to 9.
            Some(d) if (1..=n).contains(&d) => {
                panel.selected = d - 1;
                pick(panel.selected)
            }
            _ => Picked::Nothing,
        },
        KeyCode::Enter => pick(panel.selected),
        _ => Picked::Nothing,
    }
}
