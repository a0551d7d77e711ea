//! What a report row (`case_facts`) holds for a case, as `facts.rs` writes it and `check`
//! compares it: the columns, their values and the lists' encodings.

use std::sync::OnceLock;

use chrono::NaiveDate;
use rusqlite::types::Value;

use super::changed::value as v;

use crate::domain::case::Case;
use crate::domain::filing;
use crate::domain::stats::{Supervised, facts, letter_signed};
use crate::domain::types::{Level, Outcome};

/// The columns `write` writes, in order (`earlier_petitioner` is its trigger's).
pub(super) const WRITTEN: &str = "id, received_at, state, replied_on, archived_at, case_no,
    channel, people, category, target, urgency, linked, department, attached, decision,
    decided_at, served_on, outcome, unit_rating, office_rating, extension_days, extended_at,
    supervisions, superior_due, reported_on, level, notice_at, hearings, outbound, report_by,
    report_received_on, letter_signed";

/// The statement `write` runs for a new row: every column of [`WRITTEN`] (a row already
/// there gets only its changed columns).
pub(super) fn insert() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        let marks: Vec<String> = (1..=written_columns().len())
            .map(|i| format!("?{i}"))
            .collect();
        format!(
            "INSERT INTO case_facts ({WRITTEN}) VALUES ({})",
            marks.join(", ")
        )
    })
}

/// The columns of [`WRITTEN`], each name alone.
pub(super) fn written_columns() -> &'static [&'static str] {
    static COLUMNS: OnceLock<Vec<&'static str>> = OnceLock::new();
    COLUMNS.get_or_init(|| WRITTEN.split(',').map(str::trim).collect())
}

/// The stored row of a case, in [`WRITTEN`]'s order, to compare a new one with.
pub(super) fn select_written() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| format!("SELECT {WRITTEN} FROM case_facts WHERE id = ?1"))
}

/// The values `write` writes for `case`, in its columns' order ([`WRITTEN`]): `check`
/// compares the stored row with them.
pub(super) fn values(case: &Case) -> Vec<Value> {
    let f = facts(case);
    vec![
        v(f.id),
        v(f.received_at),
        v(f.state.code()),
        v(replied_on(case)),
        v(f.archived_at),
        v(&case.case_no),
        v(f.channel.code()),
        v(f.people),
        v(f.category),
        v(f.target),
        v(f.urgency.code()),
        v(f.linked),
        v(f.department),
        v(encode_attached(&f.attached)),
        v(f.decision.map(|d| d.kind.code())),
        v(f.decision.map(|d| d.at)),
        v(f.reply.map(|r| r.served.to_string())),
        v(f.reply.and_then(|r| r.outcome).map(Outcome::code)),
        v(f.return_visit.map(|v| v.unit.code())),
        v(f.return_visit.map(|v| v.office.code())),
        v(f.extension.map(|e| e.days)),
        v(f.extension.map(|e| e.at)),
        v(encode_supervisions(&f.supervisions)),
        v(f.superior_due.map(|d| d.to_string())),
        v(f.reported.map(|d| d.to_string())),
        // First handling is the rule: kept as NULL.
        v((f.level != Level::First).then(|| f.level.code())),
        v(f.notice_at),
        v(encode_hearings(&f.hearings)),
        v(f.outbound.map(|_| 1)),
        v(f.outbound.and_then(|o| o.report_by).map(|d| d.to_string())),
        v(f.report_received.map(|d| d.to_string())),
        // The column `letter_signed` (migration 0030), which 领导阅批率 counts.
        v(letter_signed(case)),
    ]
}

/// The column `replied_on` of `cases` and `case_facts` (`domain::filing::replied_on`): a
/// report looks older cases up by it.
pub(super) fn replied_on(case: &Case) -> Option<String> {
    filing::replied_on(case).map(|d| d.to_string())
}

pub(super) fn encode_attached(at: &[i64]) -> Option<String> {
    let parts: Vec<String> = at.iter().map(i64::to_string).collect();
    (!parts.is_empty()).then(|| parts.join(","))
}

pub(super) fn encode_supervisions(s: &[Supervised]) -> Option<String> {
    let parts: Vec<String> = s
        .iter()
        .map(|s| format!("{},{},{}", s.at, s.ground.code(), s.feedback_by))
        .collect();
    (!parts.is_empty()).then(|| parts.join(";"))
}

/// `from,to;from,to`, as migration 0016 writes them.
pub(super) fn encode_hearings(h: &[(NaiveDate, NaiveDate)]) -> Option<String> {
    let parts: Vec<String> = h.iter().map(|(f, t)| format!("{f},{t}")).collect();
    (!parts.is_empty()).then(|| parts.join(";"))
}
