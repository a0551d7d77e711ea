//! Reading an office's old register (台账) into rows of cells: a workbook through calamine
//! (its first sheet, or the one named), or a CSV in UTF-8 (with or without the BOM) or GBK — valid UTF-8 is
//! taken as UTF-8, anything else is read as GBK, the encoding of Excel on Chinese Windows.

use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};
use chrono::NaiveDate;

/// One cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    /// A number cell: an Excel date serial, a count, or an ID number that lost its digits.
    Number(f64),
    Date(NaiveDate),
}

impl Value {
    /// The cell as text, trimmed ("" for an empty cell); whole numbers without ".0".
    pub fn text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(s) => s.trim().to_owned(),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}"),
            Value::Number(n) => n.to_string(),
            Value::Date(d) => d.to_string(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text().is_empty()
    }
}

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    Workbook(String),
    NoSheet,
    /// `--sheet` named no sheet of the workbook: these are its sheets.
    NoSuchSheet(Vec<String>),
}

/// A file's rows, and the workbook's sheets left unread.
#[derive(Debug, Default)]
pub struct Sheet {
    pub rows: Vec<Vec<Value>>,
    /// The name of the sheet read (none for a CSV).
    pub name: Option<String>,
    /// The workbook's other sheets, which are not read: said to the leader, not dropped
    /// without a word (a trial's second sheet, a year's cases, vanished).
    pub others: Vec<String>,
}

/// Every row of the sheet named `sheet`, or of the first one (or of the CSV).
pub fn read_rows(path: &Path, sheet: Option<&str>) -> Result<Sheet, ReadError> {
    let ext = (path.extension())
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if ext == "csv" || ext == "txt" {
        let bytes = std::fs::read(path).map_err(ReadError::Io)?;
        return Ok(Sheet {
            rows: parse_csv(&decode(&bytes)),
            ..Sheet::default()
        });
    }
    let mut book = open_workbook_auto(path).map_err(|e| ReadError::Workbook(e.to_string()))?;
    let names = book.sheet_names();
    let chosen = match sheet {
        Some(wanted) => (names.iter().find(|n| n.trim() == wanted.trim()))
            .ok_or_else(|| ReadError::NoSuchSheet(names.clone()))?,
        None => names.first().ok_or(ReadError::NoSheet)?,
    }
    .clone();
    let range = (book.worksheet_range(&chosen)).map_err(|e| ReadError::Workbook(e.to_string()))?;
    Ok(Sheet {
        rows: range.rows().map(|r| r.iter().map(cell).collect()).collect(),
        others: names.into_iter().filter(|n| *n != chosen).collect(),
        name: Some(chosen),
    })
}

fn cell(d: &Data) -> Value {
    match d {
        Data::Empty | Data::Error(_) => Value::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Value::Text(s.clone()),
        Data::Float(f) => Value::Number(*f),
        Data::Int(i) => Value::Number(*i as f64),
        Data::Bool(b) => Value::Text(b.to_string()),
        // A date cell is its serial: `value::date` reads it as one.
        Data::DateTime(t) => Value::Number(t.as_f64()),
    }
}

/// The text of a CSV file: UTF-8 (its BOM dropped) when the bytes are valid UTF-8, else GBK.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::GBK
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF.
/// Every field is text: a CSV has no number cells, so an ID keeps its digits as written.
pub fn parse_csv(text: &str) -> Vec<Vec<Value>> {
    let mut rows = Vec::new();
    let (mut row, mut field) = (Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    let push = |row: &mut Vec<Value>, field: &mut String| {
        row.push(Value::Text(std::mem::take(field)));
    };
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => push(&mut row, &mut field),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                push(&mut row, &mut field);
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        push(&mut row, &mut field);
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_commas_and_line_breaks() {
        let rows = parse_csv("a,\"b,c\",\"d\"\"e\"\r\n\"x\ny\",,z\n");
        let text: Vec<Vec<String>> = rows
            .iter()
            .map(|r| r.iter().map(Value::text).collect())
            .collect();
        assert_eq!(text, [vec!["a", "b,c", "d\"e"], vec!["x\ny", "", "z"]]);
    }

    #[test]
    fn gbk_and_utf8_with_a_bom_read_the_same() {
        let (gbk, _, _) = encoding_rs::GBK.encode("农村农业,张三");
        assert_eq!(decode(&gbk), "农村农业,张三");
        assert_eq!(decode("\u{feff}农村农业".as_bytes()), "农村农业");
    }
}
