//! The report as a Word document (docx-rs), for offices that finish it in WPS or Word: the
//! title and periods, the analysis in words (`report::prose`) as ordinary paragraphs the
//! leader edits, then each section's table.

use docx_rs::{
    AlignmentType, Docx, Paragraph, Run, RunFonts, SpecialIndentType, Table, TableCell,
    TableLayoutType, TableRow, WidthType,
};

use super::{cells, meta_lines, sections};
use crate::domain::policy::Policy;
use crate::domain::stats::Report;
use crate::strings::{Lang, analysis_heads, report as words};

/// Half-points: 小二 for the title, 四号 for headings, 小四 for the body.
const TITLE_SIZE: usize = 36;
const HEADING_SIZE: usize = 28;
const BODY_SIZE: usize = 24;
/// 五号 in the tables, so that a figure and its change keep to one line.
const TABLE_SIZE: usize = 21;

/// The A4 text width in twips (210 mm less 2 × 26 mm margins, GB/T 9704's 156 mm).
const TEXT_WIDTH: usize = 8845;
/// The label column's share; the figures share the rest.
const LABEL_WIDTH: usize = 2500;

/// Stands in the text for a hyphen between two digits (2025-0079, 2026-11-30) until the
/// document's XML is written, where it becomes Word's own non-breaking hyphen: a case
/// number must not wrap at its hyphen.
const NO_BREAK: char = '\u{2011}';

fn run(text: &str, size: usize) -> Run {
    // 仿宋 is what these reports are typed in, their figures and Latin letters in Times New
    // Roman: every script's font is named, or Word takes the style's (Calibri) for digits.
    Run::new().add_text(no_break(text)).size(size).fonts(
        RunFonts::new()
            .east_asia("仿宋")
            .ascii("Times New Roman")
            .hi_ansi("Times New Roman")
            .cs("Times New Roman"),
    )
}

/// `text` with each hyphen between two digits marked [`NO_BREAK`].
fn no_break(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(char::is_ascii_digit)
    };
    (chars.iter().enumerate())
        .map(|(i, &c)| {
            let between = c == '-' && digit(i.checked_sub(1)) && digit(Some(i + 1));
            if between { NO_BREAK } else { c }
        })
        .collect()
}

fn para(text: &str, size: usize) -> Paragraph {
    Paragraph::new().add_run(run(text, size))
}

/// A paragraph of the analysis: its first line indented two characters (首行缩进), as
/// an office's reports are typed. docx-rs writes `w:firstLine` only, in twips (two
/// characters of `BODY_SIZE` half-points); `firstLineChars` is added in [`finish`].
fn body(text: &str) -> Paragraph {
    let two_chars = i32::try_from(BODY_SIZE * 20).unwrap_or(480);
    para(text, BODY_SIZE).indent(
        None,
        Some(SpecialIndentType::FirstLine(two_chars)),
        None,
        None,
    )
}

/// The document's XML finished: the indent in characters as well (Word and WPS keep it
/// two characters whatever the font size), each [`NO_BREAK`] as `w:noBreakHyphen`.
fn finish(xml: &[u8]) -> Vec<u8> {
    let two_chars = format!("w:firstLine=\"{}\"", BODY_SIZE * 20);
    let text = String::from_utf8_lossy(xml)
        .replace(&two_chars, &format!("w:firstLineChars=\"200\" {two_chars}"))
        .replace(
            NO_BREAK,
            "</w:t><w:noBreakHyphen /><w:t xml:space=\"preserve\">",
        );
    text.into_bytes()
}

fn heading(text: &str) -> Paragraph {
    Paragraph::new().add_run(run(text, HEADING_SIZE).bold())
}

/// The widths of the `shown` columns (indexes into `report::columns`): the label widest, a
/// change half as wide again as a figure.
fn grid(shown: &[usize]) -> Vec<usize> {
    // A change (`+18.5 个百分点`) is wider than the figures it compares.
    let weight = |i: &usize| {
        if super::CHANGE_COLUMNS.contains(i) {
            3
        } else {
            2
        }
    };
    let total: usize = shown.iter().skip(1).map(weight).sum::<usize>().max(1);
    let unit = (TEXT_WIDTH - LABEL_WIDTH) / total;
    (shown.iter().enumerate())
        .map(|(k, i)| {
            if k == 0 {
                LABEL_WIDTH
            } else {
                unit * weight(i)
            }
        })
        .collect()
}

/// A row; the figures right-aligned (a column of numbers reads by its last digit), the
/// heading centred; a row never split over two pages.
fn row(texts: &[String], head: bool, widths: &[usize]) -> TableRow {
    let cells = (texts.iter().zip(widths).enumerate())
        .map(|(i, (t, w))| {
            let r = run(t, TABLE_SIZE);
            let r = if head { r.bold() } else { r };
            let align = match (head, i) {
                (true, _) => AlignmentType::Center,
                (false, 0) => AlignmentType::Left,
                (false, _) => AlignmentType::Right,
            };
            TableCell::new()
                .width(*w, WidthType::Dxa)
                .add_paragraph(Paragraph::new().add_run(r).align(align))
        })
        .collect();
    TableRow::new(cells).cant_split()
}

fn fixed(rows: Vec<TableRow>, widths: Vec<usize>) -> Table {
    Table::new(rows)
        .set_grid(widths)
        .layout(TableLayoutType::Fixed)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// A list of cases under its section's table: every column but the last (the matter) a
/// fixed width, the matter the rest; all left-aligned, as text is.
fn items(doc: Docx, lang: Lang, list: &super::ItemList) -> Docx {
    if list.rows.is_empty() {
        return doc;
    }
    let n = list.head.len().max(1);
    let narrow = (TEXT_WIDTH / 2 / n.saturating_sub(1).max(1)).min(1300);
    let mut widths = vec![narrow; n - 1];
    widths.push(TEXT_WIDTH - narrow * (n - 1));
    let line = |texts: &[String], head: bool| {
        let cells = (texts.iter().zip(&widths)).map(|(t, w)| {
            let r = run(t, TABLE_SIZE);
            let r = if head { r.bold() } else { r };
            TableCell::new()
                .width(*w, WidthType::Dxa)
                .add_paragraph(Paragraph::new().add_run(r))
        });
        TableRow::new(cells.collect()).cant_split()
    };
    let head: Vec<String> = list.head.iter().map(|h| (*h).to_owned()).collect();
    let mut rows = vec![line(&head, true)];
    rows.extend(list.rows.iter().map(|r| line(r, false)));
    let mut doc = doc.add_table(fixed(rows, widths.clone()));
    if let Some(n) = super::left_out(list.total) {
        doc = doc.add_paragraph(para(&words::more_items_printed(lang, n), BODY_SIZE));
    }
    doc
}

/// What follows the tables, as on the page: the 评价 of the departments, the years without
/// a holiday table, and what the figures count (统计口径).
fn closing(mut doc: Docx, r: &Report, lang: Lang) -> Docx {
    if !r.evaluations.is_empty() {
        doc = doc.add_paragraph(heading(crate::strings::evaluation::title(lang)));
        let head = crate::strings::evaluation::headings(lang);
        let n = head.len().max(1);
        let widths = vec![TEXT_WIDTH / n; n];
        let texts: Vec<String> = head.iter().map(|h| (*h).to_owned()).collect();
        let mut rows = vec![row(&texts, true, &widths)];
        rows.extend(
            super::evaluation_rows(r, lang)
                .iter()
                .map(|cells| row(cells, false, &widths)),
        );
        doc = doc.add_table(fixed(rows, widths));
    }
    if !r.uncovered_years.is_empty() {
        doc = doc.add_paragraph(para(&words::uncovered(lang, &r.uncovered_years), BODY_SIZE));
    }
    for (i, line) in words::definitions(lang, r.group_visit_min_people)
        .iter()
        .enumerate()
    {
        let p = para(line, TABLE_SIZE);
        doc = doc.add_paragraph(if i == 0 {
            Paragraph::new().add_run(run(line, TABLE_SIZE).bold())
        } else {
            p
        });
    }
    doc
}

/// The report as the bytes of a .docx file.
pub fn render_docx(r: &Report, lang: Lang, policy: &Policy) -> Result<Vec<u8>, String> {
    let title = words::title(lang, &r.period);
    let mut doc = Docx::new().add_paragraph(
        Paragraph::new()
            .add_run(run(&title, TITLE_SIZE).bold())
            .align(AlignmentType::Center),
    );
    let kind = words::kind_name(lang, r.period.kind);
    if !kind.is_empty() {
        let kind = match lang {
            Lang::Zh => format!("（{kind}）"),
            Lang::En => format!("({kind})"),
        };
        doc = doc.add_paragraph(
            Paragraph::new()
                .add_run(run(&kind, BODY_SIZE))
                .align(AlignmentType::Center),
        );
    }
    let sep = lang.pick("：", ": ");
    for (k, v) in meta_lines(r, lang) {
        doc = doc.add_paragraph(para(&format!("{k}{sep}{v}"), BODY_SIZE));
    }
    doc = doc.add_paragraph(heading(&analysis_heads::heading(lang)));
    for p in super::prose::draft(r, lang, policy) {
        doc = doc.add_paragraph(body(&p));
    }
    doc = doc.add_paragraph(heading(analysis_heads::tables_heading(lang)));
    let shown = super::shown_columns(r);
    let pick =
        |cells: &[String]| -> Vec<String> { shown.iter().map(|&i| cells[i].clone()).collect() };
    let head: Vec<String> = shown
        .iter()
        .map(|&i| words::columns(lang)[i].to_owned())
        .collect();
    let widths = grid(shown);
    for (n, (section, figures)) in sections(r).into_iter().enumerate() {
        let name = format!(
            "{}{}",
            words::ordinal(lang, n),
            words::section(lang, section, r.top, r.cutoff)
        );
        doc = doc.add_paragraph(heading(&name));
        if figures.is_empty() {
            doc = doc.add_paragraph(para(words::no_items(lang), BODY_SIZE));
        } else {
            let mut rows = vec![row(&head, true, &widths)];
            rows.extend(
                figures
                    .iter()
                    .map(|f| row(&pick(&cells(f, lang, policy)), false, &widths)),
            );
            doc = doc.add_table(fixed(rows, widths.clone()));
        }
        // The overdue and supervised cases the prose names, as the text and the page list them.
        if let Some(list) = super::item_list(r, section, lang, policy) {
            doc = items(doc, lang, &list);
        }
    }
    doc = closing(doc, r, lang);
    let mut xml = doc.build();
    xml.document = finish(&xml.document);
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}
