//! The register (信访登记簿): one row per case, the columns of `strings::sheet::REGISTER`,
//! values in the reader's language. Every value is read from the case as stored; the
//! due date is the clock the case is handled within (`domain::due::handling_clock`).

use chrono::NaiveDate;

use super::{Cell, Table};
use crate::domain::case::{Case, Petitioner};
use crate::domain::due::{handling_clock, next_due};
use crate::domain::identity::mask_id;
use crate::domain::masking::{mask_address, mask_in_text};
use crate::domain::phone::mask_phone;
use crate::domain::types::Decision;
use crate::store::CaseRow;
use crate::strings::{Lang, form, labels, sheet as words};

/// An empty register table, its headings and widths in `lang`.
pub fn register_table(lang: Lang) -> Table {
    let widths: Vec<u8> = words::REGISTER.iter().map(|c| c.2).collect();
    Table::new(
        words::register_sheet(lang),
        &words::register_heads(lang),
        &widths,
    )
}

/// The row of a case. ID numbers and phones masked unless `full` (PIPL Art 51: the
/// export leaves the ledger's encryption).
pub fn register_row(row: &CaseRow, lang: Lang, full: bool) -> Vec<Cell> {
    let c = &row.case;
    let i = &c.intake;
    let list = |f: &dyn Fn(&Petitioner) -> Option<String>| {
        let v: Vec<String> = i.petitioners.iter().filter_map(f).collect();
        Cell::text(v.join(words::list_sep(lang)))
    };
    let secret = |s: &Option<String>, mask: fn(&str) -> String| {
        s.as_deref()
            .map(|n| if full { n.to_owned() } else { mask(n) })
    };
    // Text as typed, or masked: ID and phone numbers in it, the address to its street.
    let open = |text: String, mask: fn(&str) -> String| if full { text } else { mask(&text) };
    let assignment = |f: fn(&crate::domain::case::Assignment) -> Option<&str>| {
        Cell::text(c.assignment.as_ref().and_then(f).unwrap_or_default())
    };
    let mut cells = vec![
        Cell::text(c.case_no.clone().unwrap_or_else(|| format!("#{}", c.id))),
        Cell::Date(i.received_at.date_naive()),
        Cell::text(labels::channel(lang, i.channel)),
        list(&|p| Some(p.name.clone()).filter(|n| !n.is_empty())),
        list(&|p| p.sex.map(|s| words::sex(lang, s).to_owned())),
        list(&|p| secret(&p.id_number, mask_id)),
        list(&|p| secret(&p.phone, mask_phone)),
        Cell::text(open(address(i.main_petitioner()), mask_address)),
        Cell::Number(f64::from(i.people)),
        Cell::text(i.category.as_str()),
        Cell::text(joined(&[&i.target, &i.target_person], "/")),
        Cell::text(i.location.clone().unwrap_or_default()),
        Cell::text(open(i.summary.clone(), |t| mask_in_text(t).into_owned())),
        Cell::text(open(i.request.clone(), |t| mask_in_text(t).into_owned())),
        Cell::text(decision(c, lang)),
        assignment(|a| Some(a.department.as_str())),
        assignment(|a| Some(a.handler.as_str())),
        assignment(|a| a.owner_leader.as_deref()),
        Cell::date(due(row)),
    ];
    cells.extend(handling(c, lang));
    cells
}

/// The columns from 延期 to 状态.
fn handling(c: &Case, lang: Lang) -> Vec<Cell> {
    let supervisions: Vec<String> = (c.supervisions.iter())
        .map(|s| {
            let ground = labels::supervise_ground(lang, s.ground);
            words::supervision(lang, ground, s.feedback_by)
        })
        .collect();
    let reply = c.reply.as_ref();
    vec![
        Cell::text(
            (c.extension.as_ref())
                .map(|e| words::extension(lang, e.days, &e.reason))
                .unwrap_or_default(),
        ),
        Cell::text(supervisions.join(words::list_sep(lang))),
        Cell::date(reply.map(|r| r.stamp.at.date_naive())),
        Cell::text(reply.map(|r| result(r, lang)).unwrap_or_default()),
        Cell::text(
            reply
                .map(|r| words::service(lang, r.method, r.served_at, r.signed))
                .unwrap_or_default(),
        ),
        Cell::text(
            (c.return_visit.as_ref())
                .map(|v| words::satisfaction(lang, v.unit, v.office))
                .unwrap_or_default(),
        ),
        Cell::date(c.archived.as_ref().map(|a| a.at.date_naive())),
        Cell::text(labels::state(lang, c.state)),
    ]
}

/// The main petitioner's address and work unit.
fn address(p: Option<&Petitioner>) -> String {
    p.map_or_else(String::new, |p| joined(&[&p.address, &p.work_unit], " / "))
}

fn joined(parts: &[&Option<String>], sep: &str) -> String {
    let v: Vec<&str> = parts
        .iter()
        .filter_map(|p| p.as_deref())
        .filter(|s| !s.is_empty())
        .collect();
    v.join(sep)
}

/// 受理情况: the decision, with the ground of a 不予受理 and the body of a 转送.
fn decision(c: &Case, lang: Lang) -> String {
    let Some(d) = &c.decision else {
        return String::new();
    };
    let kind = form::decision(lang, d.decision.kind());
    match &d.decision {
        Decision::Accept | Decision::Answered { .. } => kind.to_owned(),
        Decision::Decline { ground, route, .. } => {
            let ground = labels::decline_ground(lang, *ground);
            format!("{kind}{}{}", paren(lang, ground), words::route(lang, route))
        }
        Decision::PassOn { to, .. } => format!("{kind}{}", paren(lang, to)),
    }
}

fn paren(lang: Lang, s: &str) -> String {
    match lang {
        Lang::Zh => format!("（{s}）"),
        Lang::En => format!(" ({s})"),
    }
}

/// 处理结果: the outcome (Art 32) and the reply's text.
fn result(r: &crate::domain::case::Reply, lang: Lang) -> String {
    match r.outcome {
        Some(o) => format!(
            "{}{}{}",
            labels::outcome(lang, o),
            lang.pick("：", ": "),
            r.text
        ),
        None => r.text.clone(),
    }
}

/// 期限: the due date of the clock the case is handled within (Art 34–36), or before it
/// starts the earliest running one (受理告知, Art 22–23).
fn due(row: &CaseRow) -> Option<NaiveDate> {
    let key = handling_clock(row.case.level());
    (row.clocks.iter().find(|v| v.key == key))
        .map(|v| v.due)
        .or_else(|| next_due(&row.clocks))
}
