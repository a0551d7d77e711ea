//! What flows through the desk's loop: messages in (a key, a paste, a loaded result) and
//! commands out (what the runtime should fetch from or write to the store).
//! A leaf: it names the data it carries (in the screens' state modules and
//! the form's data types) and nothing that handles it.

use ratatui::crossterm::event::KeyEvent;

use crate::domain::command::{Command, IntakeInput};
use crate::domain::op::Op;
use crate::domain::policy::Policy;
use crate::domain::reception::{ReceptionDay, ReceptionRecord};
use crate::domain::rules::Operator;
use crate::domain::stats::{Period, Report};
use crate::store::{CaseRow, Charts, Dashboard, StateCounts, StoredRecord};
use crate::ui::form::action::Directory;
use crate::ui::form::draft::Draft;
use crate::ui::form::intake::RepeatQuery;
use crate::ui::screens::documents::{DocCmd, DocMsg};
use crate::ui::screens::queue::{Cursor, View};

/// What happened: a key, a paste, or a result the runtime loaded.
#[derive(Debug, Clone)]
pub enum Msg {
    Key(KeyEvent),
    Paste(String),
    Resize {
        rows: u16,
    },
    Page {
        rows: Vec<(CaseRow, crate::store::SortKey)>,
        start: Cursor,
    },
    Found(Vec<CaseRow>),
    Case(Box<crate::store::views::CaseView>),
    Counts(StateCounts),
    Failed(String),
    /// An intake was committed; `note` carries the domain's warnings.
    Saved {
        id: i64,
        note: Option<String>,
    },
    /// An action on a case was committed.
    Applied {
        id: i64,
        op: Op,
        /// What was done where the step's name says too little: the decision a 登记 took.
        done: Option<String>,
        note: Option<String>,
    },
    /// A command that answers nothing (a draft written).
    Idle,
    /// An operator or department was stored.
    SettingsSaved,
    Reception(Vec<ReceptionDay>, Vec<StoredRecord>),
    /// A reception day or record was stored.
    ReceptionSaved,
    /// A repeat item joined this case.
    Attached {
        id: i64,
        case_no: String,
    },
    Directory(Directory),
    /// The office journal, oldest first (a leader's, on the settings screen).
    OfficeJournal(Vec<crate::store::OfficeEvent>),
    Repeats {
        query: RepeatQuery,
        rows: Vec<CaseRow>,
        flags: Vec<crate::domain::flags::PersonFlag>,
    },
    /// Drafts left by an earlier session of this operator.
    Drafts(Vec<Draft>),
    /// 积案: the list, the office's rule (days, repeats), and whether a change was just saved.
    /// 积案: every id, the cursor's place, the rows loaded around it.
    Backlog(Box<crate::ui::screens::backlog::Loaded>),
    /// More 积案 rows, for the cursor moved past those loaded.
    BacklogPage(Box<crate::ui::screens::backlog::Page>),
    Dashboard(Box<Dashboard>),
    Charts(Box<Charts>),
    /// A report, with the policy it was counted by (its labels and limits).
    Report(Box<(Report, Policy)>),
    /// A page of one of the report's lists.
    ReportList(Box<crate::ui::screens::report::ListPage>),
    /// The report was written to these files.
    ReportWritten(Vec<std::path::PathBuf>),
    /// A document previewed or issued.
    Document(Box<DocMsg>),
    /// Time passed (the run loop's pause): the idle desk may lock.
    Tick,
    /// The idle lock's passphrase was right.
    Unlocked,
    /// The idle lock's passphrase was refused, in words (tries left, lockout).
    UnlockRefused(String),
    /// A passphrase was set from the settings (`one_time`: a leader's reset).
    PassphraseSet {
        name: String,
        one_time: bool,
    },
    /// Another process committed to the ledger (`PRAGMA data_version`).
    Changed,
    /// A case read again after another desk's commit.
    CaseRefreshed(Box<crate::store::views::CaseView>),
    /// The case read again is no longer the reader's to see.
    CaseGone(i64),
    /// An import planned, or written (`written`).
    Import(Box<crate::ui::screens::settings::ImportView>),
}

/// What the runtime should fetch from the store.
#[derive(Debug, Clone, PartialEq)]
pub enum Cmd {
    /// One page of `filter` starting after `start`, `limit` rows (+1 to
    /// know whether another page follows).
    LoadPage {
        view: View,
        start: Cursor,
        limit: usize,
    },
    Search {
        query: String,
        limit: usize,
    },
    OpenCase(i64),
    LoadCounts,
    LoadDashboard,
    LoadCharts,
    LoadReport(Period),
    /// A page (from 0) of the report's overdue or supervised list.
    LoadReportList {
        period: Period,
        supervised: bool,
        page: usize,
    },
    /// Write the report shown as HTML and CSV beside the ledger.
    WriteReport,
    /// The county's reports (日报、周报、月报) of the shown period written to files.
    WritePresets(Period),
    LoadDirectory,
    LoadOfficeJournal,
    LoadDrafts,
    /// 积案: the list; a change of one case's file (by number or id), then the list.
    LoadBacklog,
    /// The rows of `ids`, from `first` of the 积案 list.
    LoadBacklogPage {
        first: usize,
        ids: Vec<i64>,
    },
    ChangeBacklog {
        case: String,
        change: crate::domain::backlog::BacklogChange,
    },
    /// Take in a new petition as the operator.
    Intake(Box<IntakeInput>),
    /// Give `command` on a case, as of `version` (a stale edit is refused).
    Execute {
        id: i64,
        version: i64,
        command: Box<Command>,
    },
    /// Join the intake to an open case as a repeat item.
    Attach {
        id: i64,
        input: Box<IntakeInput>,
    },
    Repeats(RepeatQuery),
    /// Open attachment `n` of the case with the system's viewer.
    OpenFile {
        id: i64,
        n: u32,
    },
    /// Add or change an operator (a leader's settings).
    PutOperator(Box<Operator>),
    PutDepartment(String),
    LoadReception,
    PutReceptionDay(Box<ReceptionDay>),
    /// A reception record and the case number typed for it, if any.
    AddReception(Box<ReceptionRecord>, Option<String>),
    SaveDraft(Box<Draft>),
    DropDraft(String),
    /// Preview or issue a document.
    Document(DocCmd),
    /// Store the office's letterhead (a leader's settings).
    PutOffice(Box<crate::domain::documents::OfficeProfile>),
    /// Check the idle lock's passphrase of `name` against their key slot.
    Unlock {
        name: String,
        passphrase: zeroize::Zeroizing<String>,
    },
    /// Write `name`'s slot under `passphrase` (one-time: a leader's reset).
    SetPassphrase {
        name: String,
        passphrase: zeroize::Zeroizing<String>,
        one_time: bool,
    },
    /// Read case `id` again for the screen or form on it, recording no view.
    RefreshCase(i64),
    /// Plan an old register's import (the dry run): nothing is written.
    PlanImport(Box<crate::ui::form::import::ImportRequest>),
    /// Write the import planned, as the signed-in leader.
    RunImport(Box<crate::ui::form::import::ImportRequest>),
}

impl Cmd {
    /// Commands that take long enough at a large ledger (a report, the charts) that the
    /// desk draws a frame first, which says what is being made.
    pub fn is_slow(&self) -> bool {
        matches!(
            self,
            Cmd::LoadReport(_)
                | Cmd::LoadCharts
                | Cmd::WriteReport
                | Cmd::WritePresets(_)
                | Cmd::PlanImport(_)
                | Cmd::RunImport(_)
        )
    }
}
