//! The monthly 《矛盾纠纷排查化解情况统计表》 laid out: one pair of tables (by type, by
//! unit) as typed cells (`sheet::Table`), shown as text, as print-ready HTML, or written as
//! an Excel workbook by the shared writer.

use std::fmt::Write as _;

use super::escape;
use crate::display::width;
use crate::domain::screening_table::{MonthTable, Tally};
use crate::sheet::{Cell, Table};
use crate::strings::{Lang, screening as words};

fn title(lang: Lang) -> &'static str {
    lang.pick(
        "矛盾纠纷排查化解情况统计表",
        "Dispute screening and resolution",
    )
}

fn heads(lang: Lang, first: &'static str) -> [&'static str; 5] {
    [
        first,
        lang.pick("本月排查", "found"),
        lang.pick("本月化解", "resolved"),
        lang.pick("转为信访件", "became cases"),
        lang.pick("月末在化解", "in hand at month's end"),
    ]
}

fn row(name: String, t: &Tally) -> Vec<Cell> {
    let n = |x: u32| Cell::Number(f64::from(x));
    vec![
        Cell::text(name),
        n(t.found),
        n(t.resolved),
        n(t.escalated),
        n(t.in_progress),
    ]
}

/// The two tables, each closed by its total row.
pub fn month_tables(t: &MonthTable, lang: Lang) -> Vec<Table> {
    let total = lang.pick("合计", "total");
    let widths = [22, 10, 10, 12, 14];
    let mut kinds = Table::new(
        lang.pick("按类型", "by type"),
        &heads(lang, lang.pick("纠纷类型", "type")),
        &widths,
    );
    for (k, tally) in &t.by_kind {
        kinds
            .rows
            .push(row(words::kind(lang, *k).to_owned(), tally));
    }
    kinds.rows.push(row(total.to_owned(), &t.total));
    let mut units = Table::new(
        lang.pick("按单位", "by unit"),
        &heads(lang, lang.pick("排查单位", "unit")),
        &widths,
    );
    for (u, tally) in &t.by_unit {
        units.rows.push(row(u.clone(), tally));
    }
    units.rows.push(row(total.to_owned(), &t.total));
    vec![kinds, units]
}

fn period(t: &MonthTable, lang: Lang) -> String {
    let (a, b) = (t.first, t.last);
    match lang {
        Lang::Zh => format!("统计期间：{a} 至 {b}"),
        Lang::En => format!("Period: {a} to {b}"),
    }
}

/// As plain text, columns aligned by display width (CJK counts two).
pub fn month_text(t: &MonthTable, office: &str, lang: Lang) -> String {
    let mut o = format!("{office}{}\n{}\n", title(lang), period(t, lang));
    for table in month_tables(t, lang) {
        let mut cells: Vec<Vec<String>> =
            vec![table.columns.iter().map(|c| c.head.clone()).collect()];
        cells.extend(
            table
                .rows
                .iter()
                .map(|r| r.iter().map(Cell::shown).collect()),
        );
        let widths: Vec<usize> = (0..table.columns.len())
            .map(|i| cells.iter().map(|r| width(&r[i])).max().unwrap_or(0))
            .collect();
        let _ = writeln!(o, "\n{}", table.name);
        for r in &cells {
            let mut line = String::new();
            for (i, c) in r.iter().enumerate() {
                let pad = " ".repeat(widths[i].saturating_sub(width(c)));
                if i == 0 {
                    let _ = write!(line, "{c}{pad}");
                } else {
                    let _ = write!(line, "  {pad}{c}");
                }
            }
            let _ = writeln!(o, "{}", line.trim_end());
        }
    }
    o
}

/// As a print-ready HTML page (A4, no scripts, nothing fetched).
pub fn month_html(t: &MonthTable, office: &str, lang: Lang) -> String {
    let mut o = String::from(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><style>\
         @page { size: A4; margin: 18mm 16mm; } body { font-family: \"FangSong\", \"SimSun\", \
         \"Noto Serif CJK SC\", serif; max-width: 178mm; margin: 0 auto; } h1 { text-align: \
         center; font-size: 18pt; } table { border-collapse: collapse; width: 100%; margin: 2mm \
         0 5mm; } th, td { border: 0.5pt solid #555; padding: 0.6mm 1.5mm; } td.n { text-align: \
         right; }</style>",
    );
    let head = format!("{}{}", escape(office), title(lang));
    let _ = write!(
        o,
        "<title>{head}</title></head><body>\n<h1>{head}</h1>\n<p>{}</p>\n",
        escape(&period(t, lang))
    );
    for table in month_tables(t, lang) {
        let _ = write!(o, "<h2>{}</h2>\n<table><tr>", escape(&table.name));
        for c in &table.columns {
            let _ = write!(o, "<th>{}</th>", escape(&c.head));
        }
        o.push_str("</tr>\n");
        for r in &table.rows {
            o.push_str("<tr>");
            for c in r {
                let class = match c {
                    Cell::Number(_) => " class=\"n\"",
                    Cell::Text(_) | Cell::Date(_) | Cell::Empty => "",
                };
                let _ = write!(o, "<td{class}>{}</td>", escape(&c.shown()));
            }
            o.push_str("</tr>\n");
        }
        o.push_str("</table>\n");
    }
    o.push_str("</body></html>\n");
    o
}
