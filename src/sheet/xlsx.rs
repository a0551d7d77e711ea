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
/// Widths (in Excel's character units) printed across one landscape A4 page at a
/// size still read without a magnifier (10 pt at about 75%).
const PAGE_WIDTH: u32 = 190;
/// The text size of the cells, in points.
const FONT_SIZE: f64 = 10.0;
/// The height of a line of that text, in points.
const LINE_HEIGHT: f64 = 12.75;
/// Lines a row grows to at most (Excel's rows end at 409 points).
const MAX_LINES: usize = 30;

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
            XlsxError::Io(e) => format!(
                "{}{}",
                lang.pick("写出失败：", "cannot write: "),
                crate::strings::input::io_reason(lang, e)
            ),
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
    date: Format,
    number: Format,
}

impl Formats {
    fn new() -> Formats {
        let top = |f: Format| f.set_align(FormatAlign::Top).set_font_size(FONT_SIZE);
        Formats {
            head: Format::new()
                .set_font_size(FONT_SIZE)
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color("#DDDDDD"),
            // "@": the cell is text, also once a person edits it. Wrapped: a long text
            // grows its row instead of running under the next column.
            text: top(Format::new().set_num_format("@").set_text_wrap()),
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
        // Neither Excel nor LibreOffice grows a written row to its wrapped text: set it.
        let lines = row_lines(row, t);
        if lines > 1 {
            sheet.set_row_height(r, LINE_HEIGHT * lines as f64)?;
        }
        for (col, cell) in row.iter().enumerate() {
            let col = u16::try_from(col).unwrap_or(u16::MAX);
            match cell {
                Cell::Text(s) => {
                    sheet.write_string_with_format(r, col, s, &f.text)?;
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

/// The lines the row's tallest cell wraps to in its column's width (a Chinese character
/// is two of Excel's character units wide, as `unicode-width` counts it: so in Excel;
/// LibreOffice sets Chinese a little narrower and leaves some room below).
fn row_lines(row: &[Cell], t: &Table) -> usize {
    let lines = row.iter().zip(&t.columns).map(|(cell, col)| match cell {
        Cell::Text(s) => {
            // A little under the width: the cell's padding.
            let room = usize::from(col.width.saturating_sub(1)).max(1);
            s.split('\n')
                .map(|l| {
                    unicode_width::UnicodeWidthStr::width(l)
                        .div_ceil(room)
                        .max(1)
                })
                .sum()
        }
        Cell::Date(_) | Cell::Number(_) | Cell::Empty => 1,
    });
    lines.max().unwrap_or(1).min(MAX_LINES)
}

fn excel_date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    let year = u16::try_from(d.year()).unwrap_or(0);
    // Months and days fit a u8 always.
    let (month, day) = (d.month() as u8, d.day() as u8);
    Ok(ExcelDateTime::from_ymd(year, month, day)?)
}

/// Frozen heading row with filters; landscape A4, as many pages wide as the columns need
/// to stay legible (the register's 27 take two), the heading row and the first column
/// repeated on every page, the sheet's name above and the page number below.
fn print_setup(sheet: &mut Worksheet, t: &Table) -> Result<(), XlsxError> {
    let last_col = u16::try_from(t.columns.len().saturating_sub(1)).unwrap_or(u16::MAX);
    let last_row = u32::try_from(t.rows.len()).unwrap_or(u32::MAX);
    let width: u32 = t.columns.iter().map(|c| u32::from(c.width)).sum();
    let pages = u16::try_from(width.div_ceil(PAGE_WIDTH).max(1)).unwrap_or(1);
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row, last_col)?;
    sheet.set_landscape();
    sheet.set_paper_size(A4);
    sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    sheet.set_print_fit_to_pages(pages, 0);
    sheet.set_repeat_rows(0, 0)?;
    if pages > 1 {
        sheet.set_repeat_columns(0, 0)?;
    }
    sheet.set_header("&C&A");
    sheet.set_footer("&C&P / &N");
    Ok(())
}
