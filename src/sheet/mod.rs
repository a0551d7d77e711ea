//! Tables for spreadsheets: the register (`export`) and the report's tables, written by one
//! writer as CSV (UTF-8 with a BOM, CRLF: Excel on Chinese Windows reads it as UTF-8) or as
//! an Excel workbook (`xlsx.rs`: ID numbers and phones as text, dates as dates).

mod register;
mod xlsx;

use std::io::Write;

use chrono::NaiveDate;

pub use register::{register_row, register_table};
pub use xlsx::{XlsxError, workbook, write_xlsx};

/// One cell, typed so that a workbook keeps an ID number as text and a date as a date.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text as it is, digits included (an ID number, a phone: never a number).
    Text(String),
    Date(NaiveDate),
    Number(f64),
    Empty,
}

impl Cell {
    /// Text, or an empty cell for an empty string.
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    pub fn date(d: Option<NaiveDate>) -> Cell {
        d.map_or(Cell::Empty, Cell::Date)
    }

    /// The cell as CSV and text show it: dates as plain `YYYY-MM-DD`.
    pub fn shown(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::Number(x) if x.fract() == 0.0 => format!("{x:.0}"),
            Cell::Number(x) => format!("{x:.1}"),
            Cell::Empty => String::new(),
        }
    }
}

/// A column: its heading and its width in characters.
#[derive(Debug, Clone)]
pub struct Column {
    pub head: String,
    pub width: u8,
}

/// A sheet: a name, its columns and its rows (each as long as the columns).
#[derive(Debug, Clone)]
pub struct Table {
    pub name: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(name: &str, heads: &[&str], widths: &[u8]) -> Table {
        let columns = heads
            .iter()
            .enumerate()
            .map(|(n, h)| Column {
                head: (*h).to_owned(),
                width: widths.get(n).copied().unwrap_or(12),
            })
            .collect();
        Table {
            name: name.to_owned(),
            columns,
            rows: Vec::new(),
        }
    }
}

/// The byte-order mark a CSV file starts with.
pub const BOM: &str = "\u{feff}";

/// A CSV line of `cells`, CRLF-ended.
pub fn csv_line<'a>(
    w: &mut dyn Write,
    cells: impl IntoIterator<Item = &'a str>,
) -> std::io::Result<()> {
    let line: Vec<String> = cells.into_iter().map(csv_cell).collect();
    write!(w, "{}\r\n", line.join(","))
}

/// A row of cells as a CSV line.
pub fn csv_row(w: &mut dyn Write, row: &[Cell]) -> std::io::Result<()> {
    let shown: Vec<String> = row.iter().map(Cell::shown).collect();
    csv_line(w, shown.iter().map(String::as_str))
}

/// The heading line of `columns`, after the BOM.
pub fn csv_head(w: &mut dyn Write, columns: &[Column]) -> std::io::Result<()> {
    w.write_all(BOM.as_bytes())?;
    csv_line(w, columns.iter().map(|c| c.head.as_str()))
}

/// The whole table as CSV.
pub fn write_csv(w: &mut dyn Write, t: &Table) -> std::io::Result<()> {
    csv_head(w, &t.columns)?;
    t.rows.iter().try_for_each(|r| csv_row(w, r))
}

/// RFC 4180 quoting; a leading = + - @ is prefixed with ' so that a
/// spreadsheet never runs a cell as a formula.
pub fn csv_cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) && s.parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_a_bom_crlf_and_plain_dates() {
        let mut t = Table::new("t", &["编号", "日期"], &[8, 10]);
        let d = NaiveDate::from_ymd_opt(2026, 3, 8);
        t.rows.push(vec![Cell::text("=1+1"), Cell::date(d)]);
        t.rows.push(vec![Cell::text("a,\"b\""), Cell::Number(3.0)]);
        let mut out = Vec::new();
        write_csv(&mut out, &t).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert_eq!(
            s,
            "\u{feff}编号,日期\r\n'=1+1,2026-03-08\r\n\"a,\"\"b\"\"\",3\r\n"
        );
    }
}
