//! The parts a document can lack: each refusal to issue names one, so that its words
//! (`strings::documents`) can say what to add and how.

use serde::Serialize;

/// The part a document lacks, named so the refusal can say what to add.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    /// The acceptance notice needs an accepted case.
    Acceptance,
    /// The decline notice needs a decision not to accept.
    DeclineDecision,
    /// A notice to the petitioner needs a name to address (Art 23 第二款).
    Addressee,
    /// Accept: neither a handling type nor a department to say how it is handled.
    HandlingRoute,
    /// The policy has no handling clock to give a due date from.
    DueDate,
    /// Decline: the proper route to tell (Art 23).
    DeclineRoute,
    /// Transfer: the case was neither passed on nor assigned.
    TransferTarget,
    /// Extension: none granted, or no reason (Art 34).
    Extension,
    ExtensionReason,
    /// Supervision: none ordered, or nobody assigned to supervise.
    Supervision,
    SupervisedUnit,
    /// Reminder: none given.
    Reminder,
    /// Reply (Art 32): 投诉请求, 事实和理由, 处理意见, 依据; Art 35: 复查机关.
    Request,
    Facts,
    Outcome,
    Basis,
    ReviewOrgan,
    /// Closing report: the reply is not recorded yet.
    Reply,
    /// Case file: the case is not archived yet.
    Archived,
    /// Every document: the office's name (its profile is not set).
    OfficeName,
    /// 不再受理告知书: no request was recorded as 不再受理.
    NoFurther,
    /// 预警稳控提醒函: no petitioner of the case is flagged as a 重点信访人.
    KeyFlag,
    /// 工作建议函 / 预警稳控提醒函: no unit to address (none given or assigned).
    Unit,
    /// 工作建议函: the suggestion itself.
    Advice,
    /// 不予受理告知书 on an item passed down that is not this office's: it is objected to
    /// the body that passed it (异议函), not told to the petitioner (Art 23 第三款).
    ObjectionInstead,
    /// 异议函: the case is not an item passed down and declined as not this office's.
    Objection,
}
