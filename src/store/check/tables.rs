//! The tables kept beside the cases, each recomputed from rows already checked against the
//! journal: the case-number counters, the document counters, the repeat petitioners
//! (`person_counts`, `case_facts.earlier_petitioner`), drafts and reception records.

use std::collections::{BTreeMap, HashSet};

use rusqlite::Connection;

use super::cases::Seen;
use crate::domain::op::Op;
use crate::store::findings::{CheckReport, Table};
use crate::store::{Result, again, dashboard_counts, facts, schema, signed};

/// Each year's counter is the greatest number issued, and every number below it was
/// issued once (numbers are gap-free: `cases::allot_number`). A counter moved back makes
/// the next registration collide; one moved on, or a number missing, means a case is gone.
pub(super) fn case_counters(
    conn: &Connection,
    seen: &Seen,
    report: &mut CheckReport,
) -> Result<()> {
    let mut stmt = conn.prepare("SELECT year, last FROM case_counters ORDER BY year")?;
    let counters: BTreeMap<i64, i64> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (year, (max, count)) in &seen.numbers {
        match counters.get(year) {
            None => report.differ(
                Table::CaseCounters,
                year.to_string(),
                "(row)",
                format!("last = {max}"),
                "none",
            ),
            Some(last) if last != max => {
                report.differ(
                    Table::CaseCounters,
                    year.to_string(),
                    "last",
                    max.to_string(),
                    last.to_string(),
                );
            }
            Some(_) => {}
        }
        if count != max {
            report.differ(
                Table::Cases,
                format!("{year}-0001…{year}-{max:04}"),
                "case_no",
                format!("{max} numbers"),
                format!("{count} numbers"),
            );
        }
    }
    for (year, last) in &counters {
        if !seen.numbers.contains_key(year) {
            report.differ(
                Table::CaseCounters,
                year.to_string(),
                "(row)",
                "none",
                format!("last = {last}"),
            );
        }
    }
    // Ids are given one after the other (`cases::next_id`): a gap is a case gone with its events.
    for pair in seen.ids.windows(2) {
        if pair[1] != pair[0] + 1 {
            let missing = format!("#{}", pair[0] + 1);
            report.differ(
                Table::Cases,
                missing,
                "(row)",
                "a case",
                "none, nor its events",
            );
        }
    }
    Ok(())
}

/// Each kind's and year's counter is its greatest number, and no number is missing below.
pub(super) fn document_counters(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT coalesce(d.kind, c.kind), coalesce(d.year, c.year), d.top, d.n, c.last
           FROM (SELECT kind, year, max(seq) AS top, count(*) AS n FROM documents
                  GROUP BY kind, year) d
           FULL JOIN document_counters c ON c.kind = d.kind AND c.year = d.year",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, Option<i64>>(2)?,
            r.get::<_, Option<i64>>(3)?,
            r.get::<_, Option<i64>>(4)?,
        ))
    })?;
    let shown = |v: Option<i64>| v.map_or("NULL".to_owned(), |v| v.to_string());
    for row in rows {
        let (kind, year, top, n, last) = row?;
        let key = format!("{kind} {year}");
        if top.is_none() || last.is_none() {
            let (want, found) = (shown(top), shown(last));
            report.differ(
                Table::DocumentCounters,
                &key,
                "(row)",
                format!("last = {want}"),
                format!("last = {found}"),
            );
            continue;
        }
        if top != last {
            report.differ(
                Table::DocumentCounters,
                &key,
                "last",
                shown(top),
                shown(last),
            );
        }
        if n != top {
            report.differ(
                Table::Documents,
                &key,
                "seq",
                format!("1…{}", shown(top)),
                format!("{} documents", shown(n)),
            );
        }
    }
    Ok(())
}

/// `person_counts` against the petitioners it counts (as its trigger and `bulk.rs` keep it).
pub(super) fn person_counts(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT coalesce(p.id_number, k.id_number), p.name, p.cases, p.latest,
                k.name, k.cases, k.latest
           FROM (SELECT id_number, max(name) AS name, count(*) AS cases, max(case_id) AS latest
                   FROM petitioners WHERE id_number IS NOT NULL GROUP BY id_number) p
           FULL JOIN person_counts k ON k.id_number = p.id_number",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let key: String = r.get(0)?;
        let (want, found): (Option<i64>, Option<i64>) = (r.get(2)?, r.get(5)?);
        if want.is_none() || found.is_none() {
            let shown = |v: Option<i64>| v.map_or("none".to_owned(), |n| format!("{n} cases"));
            report.differ(
                Table::PersonCounts,
                &key,
                "(row)",
                shown(want),
                shown(found),
            );
            continue;
        }
        for (i, column) in ["name", "cases", "latest"].into_iter().enumerate() {
            let want: rusqlite::types::Value = r.get(1 + i)?;
            let found: rusqlite::types::Value = r.get(4 + i)?;
            if want != found {
                report.differ(
                    Table::PersonCounts,
                    &key,
                    column,
                    super::rows::show(&want),
                    super::rows::show(&found),
                );
            }
        }
    }
    Ok(())
}

/// The repeat flag of every report row, as `facts::EARLIER_PETITIONER` decides it from the
/// petitioners (the one column of `case_facts` the case document does not answer).
pub(super) fn earlier_petitioner(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    let select = format!(
        "SELECT id, case_no, earlier_petitioner, {} AS want FROM case_facts
          WHERE earlier_petitioner IS NOT want",
        facts::EARLIER_PETITIONER
    );
    let mut stmt = conn.prepare(&select)?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, rusqlite::types::Value>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    for row in rows {
        let (id, case_no, found, want) = row?;
        let key = super::rows::case_key(id, case_no.as_deref());
        report.differ(
            Table::CaseFacts,
            key,
            "earlier_petitioner",
            want.to_string(),
            super::rows::show(&found),
        );
    }
    Ok(())
}

/// The next case's receipt kept on every report row (`again_at`, migration 0030), against
/// the petitioners recomputed (`again::LATER`): what the report's 初信初访 counts from.
pub(super) fn again_at(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    if !again::kept(conn)? {
        return Ok(());
    }
    let show = |v: Option<i64>| v.map_or_else(|| "NULL".to_owned(), |v| v.to_string());
    for (id, case_no, found, want) in again::differing(conn)? {
        let key = super::rows::case_key(id, case_no.as_deref());
        report.differ(Table::CaseFacts, key, "again_at", show(want), show(found));
    }
    Ok(())
}

/// Drafts are the desk's, not the journal's: each belongs to a known operator, and a
/// draft of a case step to a case that exists.
pub(super) fn drafts(
    conn: &Connection,
    ids: &HashSet<i64>,
    report: &mut CheckReport,
) -> Result<()> {
    let operators = names(conn, "SELECT name FROM operators")?;
    let mut stmt = conn.prepare("SELECT operator, slot FROM drafts ORDER BY operator, slot")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (operator, slot) = row?;
        let key = format!("{operator} {slot}");
        if !operators.contains(&operator) {
            report.differ(
                Table::Drafts,
                &key,
                "operator",
                "an operator",
                operator.clone(),
            );
        }
        if !known_slot(&slot, ids) {
            let want = "intake, settings or case:ID:STEP";
            report.differ(Table::Drafts, &key, "slot", want, slot.clone());
        }
    }
    Ok(())
}

/// The desk's slots (`ui/form/draft.rs`): the intake form, the settings, or a step's form
/// on a case of the ledger.
fn known_slot(slot: &str, ids: &HashSet<i64>) -> bool {
    let step = |s: &str| {
        let (case, op) = s.split_once(':')?;
        Some(case.parse().is_ok_and(|id: i64| ids.contains(&id)) && Op::from_code(op).is_some())
    };
    match slot.strip_prefix("case:") {
        Some(s) => step(s) == Some(true),
        None => slot == "intake" || slot == "settings",
    }
}

/// Reception records are not journaled (a conversation, not a case change): each was
/// recorded by an operator, about a case that exists, if any.
pub(super) fn reception_records(
    conn: &Connection,
    ids: &HashSet<i64>,
    report: &mut CheckReport,
) -> Result<()> {
    let operators = names(conn, "SELECT name FROM operators")?;
    let mut stmt =
        conn.prepare("SELECT id, case_id, recorded_by, leader FROM reception_records ORDER BY id")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Option<i64>>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    for row in rows {
        let (id, case, by, leader) = row?;
        let key = format!("#{id}");
        if let Some(case) = case.filter(|c| !ids.contains(c)) {
            report.differ(
                Table::ReceptionRecords,
                &key,
                "case_id",
                "a case of the ledger",
                case.to_string(),
            );
        }
        for (column, name) in [("recorded_by", by), ("leader", leader)] {
            if !operators.contains(&name) {
                report.differ(Table::ReceptionRecords, &key, column, "an operator", name);
            }
        }
    }
    Ok(())
}

fn names(conn: &Connection, sql: &str) -> Result<HashSet<String>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// `case_tallies` against the cases it counts, and every name a case accuses in
/// `accused_names` (a name more is allowed: names are never taken out), as migration 0029's
/// triggers and `bulk.rs` keep them.
pub(super) fn start_tallies(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    differences(
        conn,
        "SELECT coalesce(c.state, t.state), coalesce(c.due, t.due), c.n, t.n
           FROM (SELECT state, coalesce(next_due, '') AS due, count(*) AS n
                   FROM cases GROUP BY 1, 2) c
           FULL JOIN case_tallies t ON t.state = c.state AND t.due = c.due
          WHERE c.n IS NOT t.n AND NOT (c.n IS NULL AND t.n = 0)",
        Table::CaseTallies,
        report,
    )?;
    department_tallies(conn, report)?;
    letters_hours(conn, report)?;
    dashboard_counts::check(conn, report)?;
    if dashboard_counts::kept(conn)? {
        // Each leader's open 包案 cases, kept as `owned:<leader>` (migration 0036).
        let (prefix, recount) = (dashboard_counts::OWNED, dashboard_counts::OWNED_RECOUNT);
        let from = prefix.len() + 1;
        differences(
            conn,
            &format!(
                "SELECT '{prefix}', coalesce(c.leader, k.leader), c.n, k.n
                   FROM ({recount}) c
                   FULL JOIN (SELECT substr(what, {from}) AS leader, n FROM case_counts
                               WHERE what LIKE '{prefix}%') k ON k.leader = c.leader
                  WHERE c.n IS NOT k.n"
            ),
            Table::DashboardCounts,
            report,
        )?;
    }
    let mut stmt = conn.prepare(
        "SELECT name FROM (SELECT target AS name FROM cases WHERE target IS NOT NULL
                            UNION SELECT target_person FROM cases WHERE target_person IS NOT NULL)
          WHERE name NOT IN (SELECT name FROM accused_names)",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let name: String = r.get(0)?;
        report.differ(Table::AccusedNames, &name, "name", name.clone(), "none");
    }
    Ok(())
}

/// `letters_hours` (migration 0040) against the letters' report rows it counts, where kept.
pub(super) fn letters_hours(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    if !schema::has_table(conn, "letters_hours")? {
        return Ok(());
    }
    let mut stmt = conn.prepare(&format!(
        "WITH c AS ({})
         SELECT coalesce(c.hour, t.hour), c.received, t.received, c.signed, t.signed
           FROM c FULL JOIN letters_hours t ON t.hour = c.hour
          WHERE c.received IS NOT t.received OR c.signed IS NOT t.signed",
        signed::LETTERS_BY_HOUR
    ))?;
    let mut rows = stmt.query([])?;
    let shown = |v: Option<i64>| v.map_or("none".to_owned(), |n| n.to_string());
    while let Some(r) = rows.next()? {
        let hour = r.get::<_, i64>(0)?.to_string();
        let counts: [(Option<i64>, Option<i64>); 2] =
            [(r.get(1)?, r.get(2)?), (r.get(3)?, r.get(4)?)];
        // An hour missing or extra is one difference, of the row.
        if let [(want @ None, found), _] | [(want, found @ None), _] = counts {
            let (want, found) = (shown(want), shown(found));
            report.differ(Table::LettersHours, &hour, "(row)", want, found);
            continue;
        }
        for ((want, found), column) in counts.into_iter().zip(["received", "signed"]) {
            if want != found {
                report.differ(
                    Table::LettersHours,
                    &hour,
                    column,
                    shown(want),
                    shown(found),
                );
            }
        }
    }
    Ok(())
}

/// `department_tallies` (migration 0035) against the cases it counts, where it is kept.
fn department_tallies(conn: &Connection, report: &mut CheckReport) -> Result<()> {
    if !schema::has_table(conn, "department_tallies")? {
        return Ok(());
    }
    differences(
        conn,
        "SELECT coalesce(c.department, t.department), coalesce(c.due, t.due), c.n, t.n
           FROM (SELECT coalesce(department, '') AS department, next_due AS due, count(*) AS n
                   FROM cases WHERE next_due IS NOT NULL GROUP BY 1, 2) c
           FULL JOIN department_tallies t ON t.department = c.department AND t.due = c.due
          WHERE c.n IS NOT t.n AND NOT (c.n IS NULL AND t.n = 0)",
        Table::DepartmentTallies,
        report,
    )
}

/// Each row of `sql` (two key columns, the count wanted and the one kept) named as a
/// difference of `table`: a row missing or extra as a row, another count by its `n`.
fn differences(conn: &Connection, sql: &str, table: Table, report: &mut CheckReport) -> Result<()> {
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let key = format!("{} {}", r.get::<_, String>(0)?, r.get::<_, String>(1)?);
        let (want, found): (Option<i64>, Option<i64>) = (r.get(2)?, r.get(3)?);
        let shown = |v: Option<i64>| v.map_or("none".to_owned(), |n| n.to_string());
        let column = if want.is_some() && found.is_some() {
            "n"
        } else {
            "(row)"
        };
        report.differ(table, &key, column, shown(want), shown(found));
    }
    Ok(())
}
