//! The names of the steps a case goes through (`Op`, the field-less mirror
//! of `Command`) and of everything an operator may be refused (`Act`).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::vocab::vocabulary;

vocabulary! {
    /// One kind of `Command`; its code is the `op` tag of the `apply`
    /// contract and the event kind in the journal.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum Op {
        Intake = "intake",
        Register = "register",
        Assign = "assign",
        Recuse = "recuse",
        Opinion = "opinion",
        Instruct = "instruct",
        Extend = "extend",
        Supervise = "supervise",
        Reply = "reply",
        ReturnVisit = "return_visit",
        Archive = "archive",
        Review = "review",
        Attach = "attach",
        Own = "own",
        AskExtension = "ask_extension",
        RefuseExtension = "refuse_extension",
        ReportBack = "report_back",
        Remind = "remind",
        Resolve = "resolve",
        Issue = "issue",
        Hearing = "hearing",
        NoFurther = "no_further",
        Terminate = "terminate",
        ReportReceived = "report_received",
        Unmask = "unmask",
        /// 更正: a slip in what was recorded at the window put right, with its reason.
        Correct = "correct",
        Undo = "undo",
        AttachFile = "attach_file",
        DetachFile = "detach_file",
        /// 阅批: a leader's 批示 on the matter itself (a letter read, the unit named to handle it),
        /// before or without any opinion to approve.
        Sign = "sign",
    }
}

impl Op {
    /// Whether the step is one of the case's course whose dates the clocks and the report
    /// read (受理, 交办, 意见, 批示, 延期, 答复, 回访, 归档…): these are recorded in order, none
    /// dated before the last of them (`workflow::check_in_order`). A 催办, a document, a 重复件
    /// or a file may be entered later with its own earlier date.
    pub fn in_course(self) -> bool {
        match self {
            Op::Register
            | Op::Assign
            | Op::Opinion
            | Op::Instruct
            | Op::Extend
            | Op::AskExtension
            | Op::RefuseExtension
            | Op::Reply
            | Op::ReturnVisit
            | Op::Archive
            | Op::ReportBack
            | Op::NoFurther
            | Op::Terminate => true,
            // A 复查 opens a case of its own, dated by the request (`received_on`); the case
            // reviewed is not changed.
            Op::Review => false,
            Op::Intake
            | Op::Recuse
            | Op::Supervise
            | Op::Attach
            | Op::Own
            | Op::Remind
            | Op::Resolve
            | Op::Issue
            | Op::Hearing
            | Op::ReportReceived
            | Op::Unmask
            | Op::Correct
            | Op::Undo
            | Op::AttachFile
            | Op::DetachFile
            | Op::Sign => false,
        }
    }

    /// Whether the op moves the case along its course, and so belongs in
    /// "possible now" lists. Issuing a document is possible at any step and
    /// is offered apart (`documents::prepare` says what a document lacks).
    pub fn is_step(self) -> bool {
        match self {
            // Lifting the masking changes who sees, not where the case stands.
            Op::Issue | Op::Unmask => false,
            // Putting a slip right changes the record, not where the case stands.
            Op::Correct => false,
            // Taking a step back is offered apart (Ctrl-Z, `u`), never as a next step.
            Op::Undo => false,
            // Files are kept at any step: offered apart, never as the next step.
            Op::AttachFile | Op::DetachFile => false,
            Op::Intake
            | Op::Register
            | Op::Assign
            | Op::Recuse
            | Op::Opinion
            | Op::Instruct
            | Op::Sign
            | Op::Extend
            | Op::Supervise
            | Op::Reply
            | Op::ReturnVisit
            | Op::Archive
            | Op::Review
            | Op::Attach
            | Op::Own
            | Op::AskExtension
            | Op::RefuseExtension
            | Op::ReportBack
            | Op::Remind
            | Op::Resolve
            | Op::Hearing
            | Op::NoFurther
            | Op::Terminate
            | Op::ReportReceived => true,
        }
    }
}

/// Codes read back as text (journal rows, the desk's drafts) compare with
/// the op they name.
impl PartialEq<&str> for Op {
    fn eq(&self, other: &&str) -> bool {
        self.code() == *other
    }
}

impl PartialEq<Op> for &str {
    fn eq(&self, other: &Op) -> bool {
        *self == other.code()
    }
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What an operator was refused: a step on a case, or office work beside
/// the cases (people and departments, the leaders' reception days).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act {
    Step(Op),
    /// Changing the office's people and departments.
    Settings,
    /// Putting a leader's reception day on the calendar.
    Schedule,
    /// Recording a leader's reception of a visitor.
    Reception,
    /// Entering a command on another operator's behalf (paper records after the fact).
    Enter,
    /// Reading the office journal and the list of operators.
    Audit,
    /// Writing the ledger's cases out of its protection (`export`).
    Export,
}

impl Act {
    pub const fn code(self) -> &'static str {
        match self {
            Act::Step(op) => op.code(),
            Act::Settings => "settings",
            Act::Schedule => "schedule",
            Act::Reception => "reception",
            Act::Enter => "enter",
            Act::Audit => "audit",
            Act::Export => "export",
        }
    }
}

impl Act {
    /// Every act that is not a step, for parsing codes.
    const OFFICE: [Act; 6] = [
        Act::Settings,
        Act::Schedule,
        Act::Reception,
        Act::Enter,
        Act::Audit,
        Act::Export,
    ];

    /// The act whose code is `code`: a step's, or office work's.
    pub fn from_code(code: &str) -> Option<Act> {
        Op::from_code(code)
            .map(Act::Step)
            .or_else(|| Act::OFFICE.into_iter().find(|a| a.code() == code))
    }
}

impl From<Op> for Act {
    fn from(op: Op) -> Act {
        Act::Step(op)
    }
}

impl fmt::Display for Act {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
