//! The case screen's documents: `p` picks a kind, the text is previewed in
//! the terminal, `Enter` issues it (or reprints the one issued) and writes
//! the print-ready HTML beside the ledger, sending it to the office's
//! printer where one is set.

pub(crate) mod run;
mod update;
pub mod view;

use crate::domain::documents::DocKind;
use crate::ui::widgets::text_field::TextField;

/// The picker, then the preview of one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocPanel {
    pub case_id: i64,
    pub selected: usize,
    pub preview: Option<Preview>,
    /// The line asked before a preview, Some while it is being typed: the reply's legal
    /// basis (Art 32), or a 工作建议函's suggestion (Art 40).
    pub basis: Option<TextField>,
    /// The kind the line is asked for.
    pub line_for: DocKind,
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
