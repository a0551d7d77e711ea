//! The 《信访积案排查登记表》: one row per 积案, as typed cells (`sheet::Table`) for the
//! shared XLSX writer, and as a print-ready HTML page.

use std::fmt::Write as _;

use super::escape;
use crate::sheet::{Cell, Table};
use crate::store::BacklogRow;
use crate::strings::{Lang, backlog as words, labels};

pub fn table(rows: &[BacklogRow], lang: Lang) -> Table {
    let widths = [6, 12, 10, 30, 12, 10, 18, 16, 30, 30, 10];
    let mut t = Table::new(words::title(lang), &words::heads(lang), &widths);
    let sep = lang.pick("；", "; ");
    for (n, b) in rows.iter().enumerate() {
        let c = &b.row.case;
        let who = c.intake.main_petitioner().map(|p| p.name.clone());
        let meetings: Vec<String> = (b.file.meetings.iter())
            .map(|m| format!("{} {}：{}", m.on, m.participants.join("、"), m.conclusion))
            .collect();
        let progress: Vec<String> = (b.file.progress.iter())
            .map(|p| format!("{} {}", p.on, p.note))
            .collect();
        let leader = (b.file.leader.clone())
            .or_else(|| c.assignment.as_ref().and_then(|a| a.owner_leader.clone()));
        t.rows.push(vec![
            Cell::Number((n + 1) as f64),
            Cell::text(c.case_no.clone().unwrap_or_else(|| format!("#{}", c.id))),
            Cell::text(who.unwrap_or_default()),
            Cell::text(c.intake.summary.clone()),
            Cell::text(
                c.assignment
                    .as_ref()
                    .map(|a| a.department.clone())
                    .unwrap_or_default(),
            ),
            Cell::text(leader.unwrap_or_default()),
            Cell::text(b.file.team.join("、")),
            Cell::text(words::grounds(lang, &b.grounds)),
            Cell::text(meetings.join(sep)),
            Cell::text(progress.join(sep)),
            Cell::text(labels::state(lang, c.state)),
        ]);
    }
    t
}

pub fn html(rows: &[BacklogRow], office: &str, lang: Lang) -> String {
    let t = table(rows, lang);
    let head = format!("{}{}", escape(office), words::title(lang));
    let mut o = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{head}</title><style>\
         @page {{ size: A4 landscape; margin: 15mm; }} body {{ font-family: \"FangSong\", \
         \"SimSun\", \"Noto Serif CJK SC\", serif; }} h1 {{ text-align: center; font-size: \
         18pt; }} table {{ border-collapse: collapse; width: 100%; }} th, td {{ border: 0.5pt \
         solid #555; padding: 0.6mm 1.5mm; vertical-align: top; }}</style></head><body>\n\
         <h1>{head}</h1>\n<table><tr>"
    );
    for c in &t.columns {
        let _ = write!(o, "<th>{}</th>", escape(&c.head));
    }
    o.push_str("</tr>\n");
    for r in &t.rows {
        o.push_str("<tr>");
        for c in r {
            let _ = write!(o, "<td>{}</td>", escape(&c.shown()));
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</table>\n</body></html>\n");
    o
}
