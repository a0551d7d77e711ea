//! A form's draft: what was typed, by field, as JSON kept in the ledger so
//! that a crash or a killed terminal loses nothing. A draft stores values,
//! not the form, so it restores into the form as the program builds it now.

use serde::{Deserialize, Serialize};

use super::{Form, Kind, Purpose};
use crate::domain::op::Op;
use crate::domain::types::Channel;
use crate::ui::widgets::text_field::TextField;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DraftOf {
    Intake(Channel),
    /// A step's form on a case; `op` is stored as its code.
    Action {
        case_id: i64,
        op: Op,
    },
    /// A settings form (never written: `App::draft_cmd`).
    Settings,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Value {
    pub key: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// A choice's code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub flag: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub of: DraftOf,
    pub values: Vec<Value>,
    #[serde(default)]
    pub main_row: usize,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<i64>,
    #[serde(default)]
    pub focus: usize,
    /// The case's version a step's form was opened on: a 更正 restored is saved against it,
    /// so that one made meanwhile at another desk is refused as changed, not written over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    /// When the ledger got it (not part of the body).
    #[serde(skip)]
    pub saved_at: String,
    /// The case's number, looked up when the draft is offered (the body
    /// keeps the id: a number can come later than the draft).
    #[serde(skip)]
    pub case_no: Option<String>,
}

impl Draft {
    /// The ledger slot: one intake draft per operator, one per case action.
    pub fn slot(&self) -> String {
        match &self.of {
            DraftOf::Intake(_) => "intake".to_owned(),
            DraftOf::Action { case_id, op } => format!("case:{case_id}:{op}"),
            DraftOf::Settings => "settings".to_owned(),
        }
    }
}

impl Form {
    pub fn draft(&self) -> Draft {
        let of = match &self.purpose {
            Purpose::Intake(c) => DraftOf::Intake(*c),
            Purpose::Action { case_id, op, .. } => DraftOf::Action {
                case_id: *case_id,
                op: *op,
            },
            Purpose::Person(_)
            | Purpose::Department
            | Purpose::Reception
            | Purpose::Schedule
            | Purpose::Office
            | Purpose::Import => DraftOf::Settings,
        };
        let values = self
            .fields
            .iter()
            .map(|f| Value {
                key: f.key.code(),
                row: f.row,
                text: f.input.value().to_owned(),
                code: f.code().map(str::to_owned),
                flag: f.flag,
            })
            .collect();
        Draft {
            of,
            values,
            main_row: self.main_row,
            links: self.links.clone(),
            focus: self.focus,
            version: match &self.purpose {
                Purpose::Action { version, .. } => Some(*version),
                _ => None,
            },
            saved_at: String::new(),
            case_no: match &self.purpose {
                Purpose::Action { case_no, .. } => case_no.clone(),
                _ => None,
            },
        }
    }

    /// Fills a freshly built form with a draft's values; fields the form no
    /// longer has are skipped.
    pub fn restore(&mut self, draft: &Draft) {
        let rows = draft
            .values
            .iter()
            .filter_map(|v| v.row)
            .max()
            .map_or(0, |r| r + 1);
        while self.rows() < rows {
            if self.add_row() != super::Outcome::Stay {
                break;
            }
        }
        // A form made with more rows than the draft kept (a 更正 that took a petitioner
        // off): the draft's rows stand.
        if rows > 0 {
            self.fields.retain(|f| f.row.is_none_or(|r| r < rows));
        }
        for v in &draft.values {
            let Some(f) = self
                .fields
                .iter_mut()
                .find(|f| f.key.code() == v.key && f.row == v.row)
            else {
                continue;
            };
            match &f.kind {
                Kind::Choice(opts) => {
                    if let Some(i) = opts.iter().position(|(c, _)| Some(c) == v.code.as_ref()) {
                        f.choice = i;
                    }
                }
                Kind::Flag => f.flag = v.flag,
                Kind::Multi => f.input = TextField::multiline(&v.text),
                Kind::Text | Kind::Date | Kind::DateTime | Kind::Number => {
                    f.input = TextField::new(&v.text)
                }
            }
        }
        if let (Purpose::Action { op, version, .. }, Some(was)) = (&mut self.purpose, draft.version)
            && *op == Op::Correct
        {
            *version = was;
        }
        self.main_row = draft.main_row.min(self.rows().saturating_sub(1));
        self.links = draft.links.clone();
        self.focus = draft.focus.min(self.fields.len().saturating_sub(1));
        self.dirty = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_draft_is_stored_with_its_op_code() {
        // The shape drafts had when the op was a string: it must keep reading.
        let body = r#"{"of":{"action":{"case_id":7,"op":"return_visit"}},"values":[]}"#;
        let draft: Draft = serde_json::from_str(body).expect("an old draft reads");
        assert_eq!(
            draft.of,
            DraftOf::Action {
                case_id: 7,
                op: Op::ReturnVisit
            }
        );
        assert_eq!(draft.slot(), "case:7:return_visit");
        let again = serde_json::to_string(&draft).expect("a draft writes");
        assert!(again.starts_with(r#"{"of":{"action":{"case_id":7,"op":"return_visit"}}"#));
    }
}
