//! The desk's import of an old register (台账): which file, how its headings map to the
//! register's, and whether rows with problems are to be left out. Saving plans the file
//! (the same dry run as `xinfang import --dry-run`); nothing is written until the leader
//! confirms on the plan's screen.

use chrono::{FixedOffset, NaiveDate};

use super::{Field, Form, Kind, Purpose};
use crate::strings::Lang;
use crate::strings::form::FieldKey as K;

/// What the leader asked to import.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportRequest {
    pub file: String,
    /// `来访日期=收件日期；…` pairs, or the path of a mapping file.
    pub map: String,
    pub skip_bad: bool,
}

pub fn import_form(
    last: &ImportRequest,
    lang: Lang,
    today: NaiveDate,
    offset: FixedOffset,
) -> Form {
    let fields = vec![
        Field::new(K::ImportFile, Kind::Text)
            .required()
            .value(&last.file),
        Field::new(K::ImportMap, Kind::Text).value(&last.map),
        Field::new(K::ImportSkipBad, Kind::Flag).flagged(last.skip_bad),
    ];
    Form::new(Purpose::Import, fields, lang, today, offset)
}

impl Form {
    /// The request the form amounts to (call after a `Save`).
    pub fn to_import_request(&self) -> ImportRequest {
        ImportRequest {
            file: self.text(K::ImportFile).unwrap_or_default(),
            map: self.text(K::ImportMap).unwrap_or_default(),
            skip_bad: self.flag(K::ImportSkipBad),
        }
    }
}
