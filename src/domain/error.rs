//! Why a command was refused. Each variant names what is missing or wrong;
//! `strings::errors` turns it into words in the user's language.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::documents::{DocKind, Missing};
use super::identity::IdError;
use super::op::{Act, Op};
use super::phone::PhoneError;
use super::types::{Role, State};
use super::vocab::vocabulary;

vocabulary! {
    /// A required field a command or record left blank.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum Field {
        /// The case a step acts on.
        Case = "case",
        Visitor = "visitor",
        Said = "said",
        Leader = "leader",
        Summary = "summary",
        Category = "category",
        Name = "name",
        Route = "route",
        To = "to",
        Text = "text",
        Reason = "reason",
        Handler = "handler",
        Outcome = "outcome",
        Participants = "participants",
        Conclusion = "conclusion",
        // The text fields below are named only when too long or holding a control
        // character (`domain::limits`).
        Address = "address",
        WorkUnit = "work_unit",
        IdNumber = "id_number",
        Phone = "phone",
        Contact = "contact",
        LetterNo = "letter_no",
        Receiver = "receiver",
        Body = "body",
        DocNo = "doc_no",
        Target = "target",
        TargetPerson = "target_person",
        Location = "location",
        Request = "request",
        Note = "note",
        Department = "department",
        Ground = "ground",
        Decided = "decided",
        Place = "place",
        Basis = "basis",
        ReviewOrgan = "review_organ",
        Office = "office",
        Prefix = "prefix",
        Seal = "seal",
        Hotline = "hotline",
        Printer = "printer",
        FileName = "file_name",
        /// 督办的反馈期限.
        FeedbackBy = "feedback_by",
        /// 催办的答复期限.
        ReplyBy = "reply_by",
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkflowError {
    /// The command does not fit the case's state; `allowed` lists what does.
    #[error("cannot {op} in state {state:?}")]
    WrongState {
        op: Op,
        state: State,
        allowed: Vec<Op>,
    },
    #[error("{op} needs role {needed:?}, {actor} is {actual:?}")]
    RoleRequired {
        op: Act,
        needed: Vec<Role>,
        actor: String,
        actual: Role,
    },
    #[error("operator {0} is inactive")]
    InactiveOperator(String),
    #[error("missing field {field} for {op}")]
    MissingField { op: Act, field: Field },
    #[error("petitioner {index}: bad ID number: {error}")]
    BadIdNumber { index: usize, error: IdError },
    #[error("petitioner {index}: bad phone: {error}")]
    BadPhone { index: usize, error: PhoneError },
    #[error("more than one main petitioner")]
    SeveralMainPetitioners,
    #[error("a named petition needs a petitioner")]
    NoPetitioner,
    #[error("people {people} is fewer than the {named} petitioners named")]
    PeopleFewerThanNamed { people: u32, named: usize },
    #[error("unknown category {0}")]
    UnknownCategory(String),
    #[error("received after it was entered")]
    ReceivedInFuture,
    /// An e-mail's address that is not one (`chenxm@@163`).
    #[error("not an e-mail address: {found}")]
    BadEmail { found: String },
    #[error("postmark {postmark} after receipt {received}")]
    PostmarkAfterReceipt {
        postmark: NaiveDate,
        received: NaiveDate,
    },
    #[error("unknown department {0}")]
    UnknownDepartment(String),
    #[error("unknown operator {0}")]
    UnknownOperator(String),
    #[error("{name} cannot handle cases: role {role:?}")]
    NotAHandler { name: String, role: Role },
    #[error("owning leader {0} does not have the leader role")]
    NotALeader(String),
    /// 2022 Art 30: accusation material must never reach the accused.
    #[error("confidentiality: {assignee} is accused in this case ({target})")]
    AccusedAssignee { assignee: String, target: String },
    /// A 重复件 naming as accused someone the case does not: the case's sight follows its own
    /// accused (Art 30 第三款), so such an item is a case of its own.
    #[error("the item accuses {target}, whom the case does not: register it as a new case")]
    AttachAccusesAnother { target: String },
    /// 2022 Art 30 第三款, Art 28 第三款: the case is not passed on to the accused, and an
    /// accused leader neither owns (包案), instructs nor decides on its extension.
    #[error("confidentiality: {party} is accused in this case ({target}): {op:?} refused")]
    AccusedParty {
        op: Act,
        party: String,
        target: String,
    },
    /// 2022 Art 28: a handler with a direct interest must step aside.
    #[error("{handler} has stepped aside: {reason}")]
    Recused { handler: String, reason: String },
    #[error("only the assigned handler {assigned} or a leader may give the opinion")]
    NotAssignedHandler { op: Op, assigned: String },
    #[error("the previous opinion still waits for an instruction")]
    OpinionAwaitingInstruction,
    #[error("no opinion waits for an instruction")]
    NoOpinionToInstruct,
    #[error("cannot reply: no approved opinion")]
    NoApprovedOpinion,
    #[error("only accepted cases can be {op}")]
    NotAccepted { op: Op },
    #[error("outcome is for accepted cases only")]
    OutcomeOnNotice,
    /// 当场答复 needs the petitioner there: at the window, or on the line (Art 23 第二款).
    #[error("an answer on the spot needs the petitioner present: not for a {}", channel.code())]
    NotOnTheSpot {
        channel: crate::domain::types::Channel,
    },
    #[error("already extended once")]
    AlreadyExtended,
    #[error("already closed for good")]
    AlreadyTerminated,
    /// Art 34's extension is for first handling; Art 35–36 give 复查 and 复核 30 days.
    #[error("a review's 30 days are not extended")]
    NoExtensionOnReview,
    #[error("extension of {asked} days exceeds the cap of {cap}")]
    ExtensionTooLong { asked: u32, cap: u32 },
    #[error("the handling period ended on {due}")]
    ExtensionAfterDue { due: NaiveDate },
    #[error("date {date} is before {earliest}")]
    DateTooEarly {
        date: NaiveDate,
        earliest: NaiveDate,
    },
    #[error("date {date} is after {latest}")]
    DateTooLate { date: NaiveDate, latest: NaiveDate },
    /// A date a step sets ahead (a feedback-by, a reply-by) before the day it is given.
    #[error("{field} {date} is before today ({today})")]
    DateBeforeToday {
        field: Field,
        date: NaiveDate,
        today: NaiveDate,
    },
    /// 督办 on the ground 逾期未办结 for a case with no clock past due.
    #[error("the case is not overdue")]
    NotOverdue,
    /// 更正 that leaves the record as it was.
    #[error("the correction changes nothing")]
    NothingToCorrect,
    /// 更正 that would lift 保密: it may add the protection, never take it away.
    #[error("a correction does not lift confidentiality")]
    ConfidentialStays,
    /// 更正 of whom the case accuses by anyone but a leader: it decides who must never see
    /// the case (Art 30 第三款).
    #[error("only a leader corrects whom the case accuses")]
    AccusedByLeader,
    /// 更正 naming as accused the department, handler or 包案领导 now holding the case.
    #[error("the corrected accused {target} is {holder}, who holds the case")]
    AccusedHolds { holder: String, target: String },
    #[error("the review window closed on {due}")]
    ReviewWindowClosed { due: NaiveDate },
    /// Art 36 第一款: the 复核 window, 30 days from the 复查 opinion.
    #[error("the re-review window closed on {due}")]
    ReReviewWindowClosed { due: NaiveDate },
    /// Art 36 第三款: after 复核 the same facts and reasons are 不再受理.
    #[error("no further review after a re-review")]
    NoFurtherReview,
    /// No step is dated before the item was received.
    #[error("{op} dated {date}, before the item was received on {received}")]
    BeforeReceipt {
        op: Op,
        date: NaiveDate,
        received: NaiveDate,
    },
    /// A date outside the years the ledger holds (`workflow::LEDGER_YEARS`).
    #[error("date {date} is outside the years {first}–{last} the ledger holds")]
    DateOutsideLedger {
        date: NaiveDate,
        first: i32,
        last: i32,
    },
    /// The reply is served once it exists: not before its content was settled.
    #[error("reply served on {served}, before the reply was settled on {settled}")]
    ServedBeforeReply {
        served: NaiveDate,
        settled: NaiveDate,
    },
    #[error("already had a return visit")]
    AlreadyVisited,
    /// 包案 by the leader who owns the case already: nothing would change.
    #[error("already owned by this leader")]
    AlreadyOwned,
    #[error("an extension was asked already and waits for a leader")]
    ExtensionAlreadyAsked,
    #[error("no extension was asked")]
    NoExtensionAsked,
    /// Longer than `domain::limits` allows (in characters).
    #[error("{field} is {found} characters, more than the {limit} allowed")]
    TooLong {
        field: Field,
        limit: usize,
        found: usize,
    },
    /// A control character (NUL, ESC, …) in stored text; `code` is its scalar value.
    #[error("{field} holds the control character U+{code:04X}")]
    ControlCharacter { field: Field, code: u32 },
    /// A time given more than a day after the machine's clock (`domain::limits`).
    #[error("{at} is after {latest}")]
    AheadOfClock {
        at: chrono::DateTime<chrono::FixedOffset>,
        latest: chrono::DateTime<chrono::FixedOffset>,
    },
    /// A document lacks something it must state; nothing is issued.
    #[error("the {kind:?} document lacks {missing:?}")]
    DocumentIncomplete { kind: DocKind, missing: Missing },
    /// A step out of the case's turn: reviewed twice, dated before the last, too late.
    #[error("{0}")]
    OutOfTurn(#[from] OutOfTurn),
    /// 撤销 refused: why the step cannot be taken back (`workflow::undo`).
    #[error("cannot undo: {0:?}")]
    Undo(crate::domain::workflow::undo::Refusal),
    /// A file over the office's limit (`attachment_max_mb`).
    #[error("{name} is {size} bytes, over the limit of {limit_mb} MB")]
    AttachmentTooLarge {
        name: String,
        size: u64,
        limit_mb: u32,
    },
    /// The bytes given are not the ones the command describes.
    #[error("{name}: the bytes do not match the size and SHA-256 given")]
    AttachmentMismatch { name: String },
    /// No attachment `n` on the case, or it was removed already.
    #[error("no attachment {n} to remove")]
    NoAttachment { n: u32 },
}

/// A step the case's course allows only once, in order, or within its days (2022《信访工作
/// 条例》): refused with what was found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutOfTurn {
    /// Art 35, Art 36: a case's opinion is reviewed once. A second request joins the review
    /// already opened (`review`), and the reviewed case's steps stand as reviewed (`undo`).
    #[error("{case} is already under review as {review}: {op} refused")]
    AlreadyReviewed {
        op: Op,
        case: String,
        review: String,
    },
    /// No step is dated before the day of the case's last one: a reply before its opinion, an
    /// archive before its reply (a trial faked on-time handling so).
    #[error("{op} dated {date}, before the case's last step on {last}")]
    BeforeLastStep {
        op: Op,
        date: NaiveDate,
        last: NaiveDate,
    },
    /// 当场答复 is given the day the petitioner came or called; one who has left is answered
    /// in writing (Art 23 第二款: 能够当场告知的，应当当场书面告知).
    #[error("an answer on the spot is given the day the item came, {received}")]
    SpotDayPassed { received: NaiveDate },
    /// Art 23 第三款: not ours, said of an item passed down after the 5 working days to object.
    #[error("the window to object to the item passed down closed on {due}")]
    ObjectionWindowClosed { due: NaiveDate },
}
