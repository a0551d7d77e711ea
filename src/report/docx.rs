//! The report as a Word document (docx-rs), for offices that finish it in WPS or Word: the
//! title and periods, the analysis in words (`report::prose`) as ordinary paragraphs the
//! leader edits, then each section's table.

use docx_rs::{AlignmentType, Docx, Paragraph, Run, RunFonts, Table, TableCell, TableRow};

use super::{cells, meta_lines, sections};
use crate::domain::policy::Policy;
use crate::domain::stats::Report;
use crate::strings::{Lang, analysis, report as words};

/// Half-points: 小二 for the title, 四号 for headings, 小四 for the body.
const TITLE_SIZE: usize = 36;
const HEADING_SIZE: usize = 28;
const BODY_SIZE: usize = 24;

fn run(text: &str, size: usize) -> Run {
    // 仿宋 is what these reports are typed in; Word falls back if it is missing.
    Run::new()
        .add_text(text)
        .size(size)
        .fonts(RunFonts::new().east_asia("仿宋"))
}

fn para(text: &str, size: usize) -> Paragraph {
    Paragraph::new().add_run(run(text, size))
}

fn heading(text: &str) -> Paragraph {
    Paragraph::new().add_run(run(text, HEADING_SIZE).bold())
}

fn row(texts: &[String], bold: bool) -> TableRow {
    TableRow::new(
        texts
            .iter()
            .map(|t| {
                let r = run(t, BODY_SIZE);
                let r = if bold { r.bold() } else { r };
                TableCell::new().add_paragraph(Paragraph::new().add_run(r))
            })
            .collect(),
    )
}

/// The report as the bytes of a .docx file.
pub fn render_docx(r: &Report, lang: Lang, policy: &Policy) -> Result<Vec<u8>, String> {
    let title = words::title(lang, &r.period);
    let mut doc = Docx::new().add_paragraph(
        Paragraph::new()
            .add_run(run(&title, TITLE_SIZE).bold())
            .align(AlignmentType::Center),
    );
    let sep = lang.pick("：", ": ");
    for (k, v) in meta_lines(r, lang) {
        doc = doc.add_paragraph(para(&format!("{k}{sep}{v}"), BODY_SIZE));
    }
    doc = doc.add_paragraph(heading(&analysis::heading(lang)));
    for p in super::prose::draft(r, lang, policy) {
        doc = doc.add_paragraph(para(&p, BODY_SIZE));
    }
    doc = doc.add_paragraph(heading(analysis::tables_heading(lang)));
    let shown = super::shown_columns(r);
    let pick =
        |cells: &[String]| -> Vec<String> { shown.iter().map(|&i| cells[i].clone()).collect() };
    let head: Vec<String> = shown
        .iter()
        .map(|&i| words::columns(lang)[i].to_owned())
        .collect();
    for (n, (section, figures)) in sections(r).into_iter().enumerate() {
        let name = format!(
            "{}{}",
            words::ordinal(lang, n),
            words::section(lang, section, r.top, r.cutoff)
        );
        doc = doc.add_paragraph(heading(&name));
        if figures.is_empty() {
            doc = doc.add_paragraph(para(words::no_items(lang), BODY_SIZE));
            continue;
        }
        let mut rows = vec![row(&head, true)];
        rows.extend(
            figures
                .iter()
                .map(|f| row(&pick(&cells(f, lang, policy)), false)),
        );
        doc = doc.add_table(Table::new(rows));
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.pack(&mut out).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}
