//! What `check` found: each table's own check (`journal`, `facts`, `documents`) fills in
//! this report, and `check.rs` above them runs them in order.

use serde::Serialize;

use super::damage::Damage;

/// What `check` found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckReport {
    pub events: i64,
    pub cases: i64,
    /// `PRAGMA integrity_check` and `foreign_key_check` findings.
    pub database: Vec<String>,
    /// The first journal row whose hash or link does not hold.
    pub first_bad_event: Option<BadRecord>,
    /// The first case whose stored record differs from its journal replay.
    pub first_bad_case: Option<BadRecord>,
    /// Rows of the office journal (administration, sign-ins, exports, backups).
    pub office_events: i64,
    /// The first office-journal row whose hash or link does not hold.
    pub first_bad_office_event: Option<BadRecord>,
    /// Every derived row that differs from what the journals make of it (the first
    /// [`MAX_LISTED`]; `more_differences` counts the rest). Empty after `check --quick`.
    pub differences: Vec<Difference>,
    pub more_differences: u64,
    /// Whether only the cheap part ran (`check --quick`): the chains' tails and the counts.
    pub quick: bool,
    /// What the receipt beside the ledger says of it (`receipt.rs`): None when it agrees.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub receipt: Option<Damage>,
    /// The receipt was missing and, the ledger checking whole, was written anew.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub receipt_renewed: bool,
}

/// How many differences a report lists; the rest are counted.
pub const MAX_LISTED: usize = 200;

/// One derived row that differs from the journals: where, and what was expected and found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Difference {
    pub table: Table,
    /// The row's key as the office reads it (a case number, an id, a name, a year).
    pub key: String,
    pub column: String,
    pub expected: String,
    pub found: String,
}

/// The ledger's tables that `check` recomputes, by their SQL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Table {
    Cases,
    Petitioners,
    CaseFacts,
    CaseSummaries,
    CaseSearch,
    CaseCounters,
    Documents,
    DocumentCounters,
    PersonCounts,
    Drafts,
    Operators,
    Departments,
    OfficeProfile,
    ReceptionDays,
    ReceptionRecords,
    Events,
    ReportRollup,
    ReportRollupMonths,
    Screenings,
    ScreeningZeroReports,
    BacklogFiles,
    PersonFlags,
    AttachmentBytes,
    CaseEvaluations,
    ReportOverdue,
    ReportOverdueDays,
    ReportSupervisionDays,
    ReportSupervision,
    FactsDays,
    CaseTallies,
    DepartmentTallies,
    LettersHours,
    DashboardCounts,
    AccusedNames,
}

impl Table {
    pub fn sql(self) -> &'static str {
        match self {
            Table::Cases => "cases",
            Table::Petitioners => "petitioners",
            Table::CaseFacts => "case_facts",
            Table::CaseSummaries => "case_summaries",
            Table::CaseSearch => "case_search",
            Table::CaseCounters => "case_counters",
            Table::Documents => "documents",
            Table::DocumentCounters => "document_counters",
            Table::PersonCounts => "person_counts",
            Table::Drafts => "drafts",
            Table::Operators => "operators",
            Table::Departments => "departments",
            Table::OfficeProfile => "office_profile",
            Table::ReceptionDays => "reception_days",
            Table::ReceptionRecords => "reception_records",
            Table::Events => "events",
            Table::ReportRollup => "report_rollup",
            Table::ReportRollupMonths => "report_rollup_months",
            Table::Screenings => "screenings",
            Table::ScreeningZeroReports => "screening_zero_reports",
            Table::BacklogFiles => "backlog_files",
            Table::PersonFlags => "person_flags",
            Table::AttachmentBytes => "attachment_bytes",
            Table::CaseEvaluations => "case_evaluations",
            Table::ReportOverdue => "report_overdue",
            Table::ReportOverdueDays => "report_overdue_days",
            Table::ReportSupervisionDays => "report_supervision_days",
            Table::ReportSupervision => "report_supervision",
            Table::FactsDays => "facts_days",
            Table::CaseTallies => "case_tallies",
            Table::DepartmentTallies => "department_tallies",
            Table::LettersHours => "letters_hours",
            Table::DashboardCounts => "case_counts",
            Table::AccusedNames => "accused_names",
        }
    }
}

/// The first record found wrong, and how.
#[derive(Debug, Clone, Serialize)]
pub struct BadRecord {
    pub id: i64,
    pub case_no: Option<String>,
    pub problem: String,
}

impl CheckReport {
    pub fn ok(&self) -> bool {
        self.database.is_empty()
            && self.first_bad_event.is_none()
            && self.first_bad_case.is_none()
            && self.first_bad_office_event.is_none()
            && self.differences.is_empty()
            && self.receipt.is_none()
    }

    /// Takes in what one part of a check found (`check/jobs.rs`); parts are taken in the
    /// order of the cases, so the first bad record stays the first.
    pub(super) fn absorb(&mut self, part: CheckReport) {
        self.events += part.events;
        self.cases += part.cases;
        self.office_events += part.office_events;
        self.database.extend(part.database);
        self.first_bad_event = self.first_bad_event.take().or(part.first_bad_event);
        self.first_bad_case = self.first_bad_case.take().or(part.first_bad_case);
        self.first_bad_office_event = self
            .first_bad_office_event
            .take()
            .or(part.first_bad_office_event);
        for d in part.differences {
            self.differ(d.table, d.key, &d.column, d.expected, d.found);
        }
        self.more_differences += part.more_differences;
    }

    /// Drops what the pass over the cases and the tables beside it found, before they run
    /// again (the other jobs list no differences).
    pub(super) fn forget_cases(&mut self) {
        self.cases = 0;
        self.first_bad_case = None;
        self.differences.clear();
        self.more_differences = 0;
    }

    /// Records a difference (listed up to [`MAX_LISTED`], counted beyond).
    pub fn differ(
        &mut self,
        table: Table,
        key: impl Into<String>,
        column: &str,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) {
        if self.differences.len() < MAX_LISTED {
            self.differences.push(Difference {
                table,
                key: key.into(),
                column: column.to_owned(),
                expected: expected.into(),
                found: found.into(),
            });
        } else {
            self.more_differences += 1;
        }
    }
}
