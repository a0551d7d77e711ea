//! Tables as an Excel workbook (rust_xlsxwriter), one sheet each, as an office keeps its
//! register: text cells stay text (an 18-digit ID number as a number loses its last
//! digits for good, and one ending in X is no number at all), dates are date cells, the
//! heading row is frozen and filtered, widths are set, and the sheet prints on landscape
//! A4 with the heading on every page.

use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, Worksheet};

use super::{Cell, Table};
use crate::strings::{Lang, sheet as words};

/// Rows an Excel sheet holds, the heading included.
const MAX_ROWS: usize = 1_048_576;
/// Excel's paper size code for A4.
const A4: u8 = 9;
/// Columns at least this wide wrap their text instead of running over.
const WRAP_WIDTH: u8 = 20;

#[derive(Debug)]
pub enum XlsxError {
    /// A table with more rows than a sheet holds.
    TooManyRows(usize),
    Book(rust_xlsxwriter::XlsxError),
    Io(std::io::Error),
}

impl XlsxError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            XlsxError::TooManyRows(n) => words::too_many_rows(lang, *n),
            XlsxError::Book(e) => words::cannot_make(lang, &e.to_string()),
            XlsxError::Io(e) => format!("{}{e}", lang.pick("写出失败：", "cannot write: ")),
        }
    }
}

impl From<rust_xlsxwriter::XlsxError> for XlsxError {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        XlsxError::Book(e)
    }
}

/// The workbook of `tables` as the whole of `path`: written to a temporary file beside it
/// (readable by its owner only: it holds personal data) and renamed over it, so a reader
/// never finds half a workbook.
pub fn write_xlsx(tables: &[Table], path: &Path) -> Result<(), XlsxError> {
    let bytes = workbook(tables)?;
    crate::store::write_whole(path, &bytes).map_err(XlsxError::Io)
}

/// The workbook's bytes.
pub fn workbook(tables: &[Table]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let formats = Formats::new();
    for t in tables {
        if t.rows.len() >= MAX_ROWS {
            return Err(XlsxError::TooManyRows(t.rows.len()));
        }
        let sheet = book.add_worksheet();
        sheet.set_name(&t.name)?;
        write_sheet(sheet, t, &formats)?;
        print_setup(sheet, t)?;
    }
    Ok(book.save_to_buffer()?)
}

struct Formats {
    head: Format,
    text: Format,
    wrapped: Format,
    date: Format,
    number: Format,
}

impl Formats {
    fn new() -> Formats {
        let top = |f: Format| f.set_align(FormatAlign::Top);
        Formats {
            head: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color("#DDDDDD"),
            // "@": the cell is text, also once a person edits it.
            text: top(Format::new().set_num_format("@")),
            wrapped: top(Format::new().set_num_format("@").set_text_wrap()),
            date: top(Format::new().set_num_format("yyyy-mm-dd")),
            number: top(Format::new()),
        }
    }
}

fn write_sheet(sheet: &mut Worksheet, t: &Table, f: &Formats) -> Result<(), XlsxError> {
    for (col, c) in t.columns.iter().enumerate() {
        let col = u16::try_from(col).unwrap_or(u16::MAX);
        sheet.set_column_width(col, f64::from(c.width))?;
        sheet.write_string_with_format(0, col, &c.head, &f.head)?;
    }
    for (n, row) in t.rows.iter().enumerate() {
        // Below MAX_ROWS: checked by the caller.
        let r = u32::try_from(n + 1).unwrap_or(u32::MAX);
        for (col, cell) in row.iter().enumerate() {
            let wide = t.columns.get(col).is_some_and(|c| c.width >= WRAP_WIDTH);
            let col = u16::try_from(col).unwrap_or(u16::MAX);
            match cell {
                Cell::Text(s) => {
                    let format = if wide { &f.wrapped } else { &f.text };
                    sheet.write_string_with_format(r, col, s, format)?;
                }
                Cell::Date(d) => {
                    sheet.write_datetime_with_format(r, col, excel_date(*d)?, &f.date)?;
                }
                Cell::Number(x) => {
                    sheet.write_number_with_format(r, col, *x, &f.number)?;
                }
                Cell::Empty => {}
            }
        }
    }
    Ok(())
}

fn excel_date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    let year = u16::try_from(d.year()).unwrap_or(0);
    // Months and days fit a u8 always.
    let (month, day) = (d.month() as u8, d.day() as u8);
    Ok(ExcelDateTime::from_ymd(year, month, day)?)
}

/// Frozen heading row with filters; landscape A4, a page wide, the heading repeated on
/// every page, the sheet's name above and the page number below.
fn print_setup(sheet: &mut Worksheet, t: &Table) -> Result<(), XlsxError> {
    let last_col = u16::try_from(t.columns.len().saturating_sub(1)).unwrap_or(u16::MAX);
    let last_row = u32::try_from(t.rows.len()).unwrap_or(u32::MAX);
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row, last_col)?;
    sheet.set_landscape();
    sheet.set_paper_size(A4);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    sheet.set_header("&C&A");
    sheet.set_footer("&C&P / &N");
    Ok(())
}
