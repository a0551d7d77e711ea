//! A case (信访事项) as the domain sees it: what was recorded at intake and
//! what each later step added. Only `workflow::transition` produces new
//! versions of it.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::documents::IssuedDoc;
pub use super::intake::{Intake, Petitioner, Referral};
use super::types::{
    Channel, Decision, Level, Outcome, ResolveHow, Role, Satisfaction, ServiceMethod, State,
    SuperviseGround,
};

/// Who did something, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub by: String,
    pub at: DateTime<FixedOffset>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRecord {
    #[serde(flatten)]
    pub decision: Decision,
    #[serde(flatten)]
    pub stamp: Stamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    pub department: String,
    pub handler: String,
    /// 包案领导.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_leader: Option<String>,
    #[serde(flatten)]
    pub stamp: Stamp,
}

/// A handler who stepped aside (Art 28: 直接利害关系的，应当回避).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recusal {
    pub handler: String,
    pub reason: String,
    #[serde(flatten)]
    pub stamp: Stamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opinion {
    pub text: String,
    pub role: Role,
    #[serde(flatten)]
    pub stamp: Stamp,
}

/// 阅批: a leader's 批示 on the matter itself (no opinion to approve).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reading {
    pub text: String,
    #[serde(flatten)]
    pub stamp: Stamp,
}

/// 批示: approve the latest opinion, or return it for rework.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instruction {
    pub approve: bool,
    #[serde(default)]
    pub text: String,
    #[serde(flatten)]
    pub stamp: Stamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    pub days: u32,
    pub reason: String,
    /// The superior's deadline (Art 22 (三)) this extension moved the handling clock past:
    /// granted with the warning that the superior must agree, kept so the case and its
    /// journal event say so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub past_superior_due: Option<NaiveDate>,
    #[serde(flatten)]
    pub stamp: Stamp,
}

/// The 办结报告 sent back to the body that passed the item down (Art 22 (三)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportBack {
    pub text: String,
    pub sent_on: NaiveDate,
    #[serde(flatten)]
    pub stamp: Stamp,
}

/// The 办结报告 received from the body this office 交办'd the item to (Art 22 (三)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportReceived {
    pub summary: String,
    pub received_on: NaiveDate,
    #[serde(flatten)]
    pub stamp: Stamp,
}

/// A handler's request for the extension (Art 34), for a leader to grant
/// (`extend`) or refuse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExtensionRequest {
    pub days: u32,
    pub reason: String,
    #[serde(flatten)]
    pub stamp: Stamp,
    /// The leader's reason for refusing; None while it waits or once granted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refusal: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supervision {
    pub ground: SuperviseGround,
    #[serde(default)]
    pub text: String,
    pub feedback_by: NaiveDate,
    #[serde(flatten)]
    pub stamp: Stamp,
}

/// 催办: a reminder to the department or handler, with the date an answer is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminder {
    pub ground: String,
    pub to: String,
    pub reply_by: NaiveDate,
    #[serde(flatten)]
    pub stamp: Stamp,
}

/// 化解/息访 (Art 37): how the matter was settled with the petitioner, on which day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    pub how: ResolveHow,
    pub resolved_on: NaiveDate,
    pub text: String,
    #[serde(flatten)]
    pub stamp: Stamp,
}

/// 听证 held on a 复核 case (Art 36 第二款, Art 31 第六项): its days, both inclusive, are not
/// counted in the 复核 clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hearing {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub participants: String,
    pub conclusion: String,
    #[serde(flatten)]
    pub stamp: Stamp,
}

/// 不再受理 (Art 36 第三款): a request on the same facts and reasons received after 复核,
/// recorded on the case whose chain it would extend, and refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoFurther {
    pub received_on: NaiveDate,
    pub text: String,
    #[serde(flatten)]
    pub stamp: Stamp,
}

/// 终结: the matter closed for good after its 复核 opinion was served.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Termination {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(flatten)]
    pub stamp: Stamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    /// Required for accepted cases; a notice of decline or pass-on has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    pub method: ServiceMethod,
    pub text: String,
    pub served_at: NaiveDate,
    /// 签收 (true) or 拒收 (false).
    pub signed: bool,
    #[serde(flatten)]
    pub stamp: Stamp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnVisit {
    pub unit: Satisfaction,
    pub office: Satisfaction,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(flatten)]
    pub stamp: Stamp,
}

/// A case with its whole history of recorded facts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    /// Ledger id; 0 until the store inserts it.
    pub id: i64,
    /// Issued at registration, e.g. `2026-0137`.
    pub case_no: Option<String>,
    pub state: State,
    pub intake: Intake,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<DecisionRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignment: Option<Assignment>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recusals: Vec<Recusal>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opinions: Vec<Opinion>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instructions: Vec<Instruction>,
    /// 阅批 (`Command::Sign`), apart from the 批示 that answer opinions one to one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub readings: Vec<Reading>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<Extension>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension_request: Option<ExtensionRequest>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supervisions: Vec<Supervision>,
    /// 催办 given, in order; ledgers written before the step have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reminders: Vec<Reminder>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<Reply>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_visit: Option<ReturnVisit>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_back: Option<ReportBack>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<Stamp>,
    /// The replied or archived case this one asks to review (复查 or 复核).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_of: Option<i64>,
    /// 复查 or 复核 for a review case (see [`Case::level`]); ledgers written before the
    /// second level have none and read their reviews as 复查.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_level: Option<Level>,
    /// Later items on the same matter (重复件), attached while it was open.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attached: Vec<Attached>,
    /// Documents issued on the case, in order (numbers; texts are in the
    /// ledger's documents table and the journal).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<IssuedDoc>,
    /// 化解/息访 recorded, in order; ledgers written before the step have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resolutions: Vec<Resolution>,
    /// 听证 held (复核 cases only), in order; ledgers written before the step have none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hearings: Vec<Hearing>,
    /// Requests refused as 不再受理 (Art 36 第三款), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub no_further: Vec<NoFurther>,
    /// 终结: the matter closed after 复核.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terminated: Option<Termination>,
    /// The 办结报告 that came back for an item this office 交办'd (Art 22 (三)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_received: Option<ReportReceived>,
    /// A leader let the handler of this confidential case see who the petitioners are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unmasked: Option<Unmasked>,
    /// Steps taken back (撤销), in order: the journal keeps the events, the case says which.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub undone: Vec<Undone>,
    /// Files kept with the case (附件), in order, removed ones too (`n` is the place + 1).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    /// 更正 of the record taken in, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Corrected>,
}

/// 更正 (`domain::correction`): why, by whom, and who the petitioners and the contact were
/// recorded as before it, when that changed: masking hides those too (Art 30 第三款).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corrected {
    pub reason: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub petitioners_before: Vec<Petitioner>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_before: Option<String>,
    #[serde(flatten)]
    pub stamp: Stamp,
}

/// A file kept with the case: what it is; the store keeps its bytes while it is not removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub name: String,
    pub media_type: String,
    pub size: u64,
    pub sha256: String,
    #[serde(flatten)]
    pub stamp: Stamp,
    /// Taken off the case: the record stays, the bytes are gone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub removed: Option<Removal>,
}

/// Why and by whom an attachment was taken off the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removal {
    pub reason: String,
    pub by: String,
    pub at: DateTime<FixedOffset>,
}

/// A step its operator took back within minutes (`workflow::undo`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Undone {
    /// The journal event undone.
    pub seq: i64,
    pub op: super::op::Op,
    #[serde(flatten)]
    pub stamp: Stamp,
}

/// Masking lifted on a confidential case, by a leader, for a reason (2022 Art 30).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unmasked {
    pub reason: String,
    #[serde(flatten)]
    pub stamp: Stamp,
}

/// A repeat item joined to an open case instead of being numbered again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attached {
    pub channel: Channel,
    pub received_at: DateTime<FixedOffset>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postmark: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter_no: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub petitioners: Vec<Petitioner>,
    pub summary: String,
    #[serde(flatten)]
    pub stamp: Stamp,
}

impl Case {
    pub fn accepted(&self) -> bool {
        matches!(
            self.decision.as_ref().map(|d| &d.decision),
            Some(Decision::Accept)
        )
    }

    /// Whether a written notice can be owed to the petitioner: not when no name is known
    /// (Art 23 第二款: 但信访人的姓名（名称）、住址不清的除外). The one rule for archiving
    /// untold (`workflow::gate`) and for refusing a notice to nobody (`documents::prepare`).
    pub fn notice_owed(&self) -> bool {
        let i = &self.intake;
        !i.anonymous && i.petitioners.iter().any(|p| !p.name.trim().is_empty())
    }

    /// An item passed down declined as not this office's (Art 23 第三款): its decline is an
    /// objection to the body that passed it (异议函), not a notice to the petitioner.
    pub fn objected(&self) -> bool {
        self.intake.channel == super::types::Channel::Referral
            && matches!(
                self.decision.as_ref().map(|d| &d.decision),
                Some(Decision::Decline {
                    ground: super::types::DeclineGround::NotCompetent,
                    ..
                })
            )
    }

    /// Decided, owed a written notice of it (Art 23 第二款), and none recorded: no notice
    /// issued, and not told by a served reply (an item not accepted).
    pub fn notice_unrecorded(&self) -> bool {
        // An imported case's notices were given on paper, before this ledger.
        self.intake.origin.is_none()
            && self.decision.is_some()
            && self.notice_owed()
            && self.decision_notice().is_none()
            && (self.accepted() || self.reply.is_none())
    }

    /// First handling, 复查 or 复核 (Art 35–36).
    pub fn level(&self) -> Level {
        match (self.review_level, self.review_of) {
            (Some(level), _) => level,
            (None, Some(_)) => Level::Review,
            (None, None) => Level::First,
        }
    }

    /// The latest opinion, if the leader's latest instruction approved it.
    pub fn approved_opinion(&self) -> Option<&Opinion> {
        let opinion = self.opinions.last()?;
        (self.opinion_is_instructed() && self.instructions.last()?.approve).then_some(opinion)
    }

    /// Whether the latest opinion already has an instruction after it
    /// (待批示 when false).
    pub fn opinion_is_instructed(&self) -> bool {
        match (self.opinions.len(), self.instructions.len()) {
            (0, _) => false,
            // Instructions answer opinions one to one, in order.
            (o, i) => i >= o,
        }
    }

    /// An extension asked and not yet granted or refused.
    pub fn extension_asked(&self) -> Option<&ExtensionRequest> {
        self.extension_request
            .as_ref()
            .filter(|r| r.refusal.is_none() && self.extension.is_none())
    }

    /// Something waits for a leader: an opinion to instruct, or an
    /// extension to grant or refuse (the dashboard's 待批示).
    pub fn awaiting_leader(&self) -> bool {
        self.awaiting_instruction()
            || (self.state == State::Assigned && self.extension_asked().is_some())
    }

    /// Waiting for the leader's instruction (待批示).
    pub fn awaiting_instruction(&self) -> bool {
        self.state == State::Assigned && !self.opinions.is_empty() && !self.opinion_is_instructed()
    }

    /// The latest document of `kind` issued on the case.
    pub fn issued(&self, kind: super::documents::DocKind) -> Option<&IssuedDoc> {
        self.documents.iter().rev().find(|d| d.kind == kind)
    }

    /// The days of its hearings (听证), each range inclusive: not counted in the 复核 clock
    /// (Art 36 第二款).
    pub fn hearing_days(&self) -> Vec<(NaiveDate, NaiveDate)> {
        self.hearings.iter().map(|h| (h.from, h.to)).collect()
    }

    /// Whether a further request on the same matter is 不再受理 (Art 36 第三款): the 复核
    /// opinion was served, or the matter was 终结'd.
    pub fn chain_exhausted(&self) -> bool {
        self.terminated.is_some()
            || (self.level() == Level::ReReview && self.accepted() && self.reply.is_some())
    }

    /// The day of the 交办 (a pass-on asking for the 办结报告, Art 22 (三)) and the date set
    /// for the report, if one was; None for any other case.
    pub fn passed_on_for_report(
        &self,
        rules: &super::rules::Rules,
    ) -> Option<(NaiveDate, Option<NaiveDate>)> {
        let d = self.decision.as_ref()?;
        let report_by = d.decision.reports_back()?;
        Some((super::rules::local_date(d.stamp.at, rules), report_by))
    }

    /// The first written notice of the decision issued on the case (Art 23 第二款): the
    /// 受理告知书, the 不予受理告知书, the 去向告知书 or the 异议函, by the decision taken.
    pub fn decision_notice(&self) -> Option<&IssuedDoc> {
        use super::documents::DocKind;
        let kinds: &[DocKind] = match &self.decision.as_ref()?.decision {
            Decision::Accept => &[DocKind::Accept],
            // Art 23 第三款: objected to the body that passed it down (异议函); a ledger from
            // before that letter told such an item by its 不予受理告知书, which still counts.
            Decision::Decline { .. } if self.objected() => &[DocKind::Objection, DocKind::Decline],
            Decision::Decline { .. } => &[DocKind::Decline],
            Decision::PassOn { .. } => &[DocKind::Whereabouts],
            // Answered on the spot, in writing (Art 23 第二款: 当场书面告知).
            Decision::Answered { .. } => return None,
        };
        self.documents.iter().find(|d| kinds.contains(&d.kind))
    }

    /// The day the petitioner was told the decision in writing (Art 23 第二款): its first
    /// notice issued, or for an item not accepted the notice served as its reply (the
    /// earlier); None while neither is recorded.
    pub fn notified_on(&self, rules: &super::rules::Rules) -> Option<NaiveDate> {
        let issued = self
            .decision_notice()
            .map(|d| super::rules::local_date(d.stamp.at, rules));
        let served = (self.reply.as_ref())
            .filter(|_| !self.accepted())
            .map(|r| r.served_at);
        issued.into_iter().chain(served).min()
    }

    /// Extension days granted so far.
    pub fn extension_days(&self) -> u32 {
        self.extension.as_ref().map_or(0, |e| e.days)
    }
}
