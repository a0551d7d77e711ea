//! The fields of the desk's forms (and the facts the case screen shows
//! under the same labels), as a closed set. Each field is declared with its
//! label (`field_keys!`), so there is no field without one and `ALL` lists
//! every field. A field's code (`id_number`) is its serde name: what a
//! draft stores.

use serde::{Deserialize, Serialize};

/// Declares `FieldKey` from `Variant = ("中文", "English")` lines: the
/// enum, `ALL` in declaration order, and `texts`, the label of each.
macro_rules! field_keys {
    ($( $(#[$vmeta:meta])* $variant:ident = ($zh:literal, $en:literal) ),+ $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum FieldKey {
            $( $(#[$vmeta])* $variant, )+
        }

        impl FieldKey {
            /// Every field, in declaration order.
            pub const ALL: [FieldKey; [$(stringify!($variant)),+].len()] =
                [$(FieldKey::$variant),+];

            /// The field's label in Chinese and in English
            /// (`strings::form::label` picks one).
            pub(super) const fn texts(self) -> (&'static str, &'static str) {
                match self {
                    $( FieldKey::$variant => ($zh, $en), )+
                }
            }
        }
    };
}

field_keys! {
    // A petitioner row.
    Name = ("姓名", "name"),
    /// 证件类型: a resident ID's number is checked, others are stored as given.
    IdType = ("证件类型", "ID type"),
    IdNumber = ("证件号码", "ID number"),
    /// Left blank, it is read from a resident ID number.
    Sex = ("性别", "sex"),
    Phone = ("电话", "phone"),
    Address = ("住址", "address"),
    WorkUnit = ("工作单位", "work unit"),
    Representative = ("代表", "representative"),
    // What only some channels ask.
    People = ("人数", "people"),
    Postmark = ("邮戳日期", "postmark"),
    Received = ("收到日期", "received on"),
    CallTime = ("通话时间", "call time"),
    LetterNo = ("信件编号", "letter no."),
    Anonymous = ("匿名", "anonymous"),
    Email = ("邮箱地址", "e-mail address"),
    OnlineRef = ("平台编号", "platform ref."),
    ReferralBody = ("交转办机关", "referred by"),
    ReferralDoc = ("交办文号", "document no."),
    ReferralDeadline = ("要求办结日期", "due back by"),
    // The matter, in every intake.
    Category = ("问题分类", "category"),
    HandlingType = ("类型", "type"),
    Target = ("被反映单位", "target unit"),
    TargetPerson = ("被反映人", "accused person"),
    Location = ("问题发生地", "location"),
    Summary = ("主要问题", "summary"),
    Request = ("诉求", "request"),
    Urgency = ("紧急程度", "urgency"),
    Confidential = ("保密", "confidential"),
    // The case screen's action forms.
    Decision = ("受理决定", "decision"),
    Ground = ("不予受理理由", "ground"),
    Route = ("告知途径", "proper route"),
    Note = ("备注", "note"),
    // A 不予受理's words for the petitioner: printed in the notice, so labelled as such.
    DeclineNote = ("告知书说明", "note printed in the notice"),
    PassTo = ("转送机关", "pass on to"),
    Answer = ("当场答复", "answer given"),
    Department = ("承办部门", "department"),
    Handler = ("承办人", "handler"),
    Leader = ("包案领导", "owning leader"),
    Reason = ("理由", "reason"),
    Opinion = ("处理意见", "opinion"),
    Approve = ("批示", "instruction"),
    Instruction = ("批示意见", "instruction text"),
    Reading = ("阅批", "signed"),
    Days = ("延长天数", "days"),
    Refusal = ("不同意的理由", "why not"),
    SuperviseGround = ("督办事由", "ground"),
    SuperviseText = ("督办要求", "what is asked"),
    FeedbackBy = ("反馈期限", "feedback by"),
    Outcome = ("处理结果", "outcome"),
    Method = ("送达方式", "served by"),
    ReplyText = ("答复内容", "reply"),
    ServedAt = ("送达日期", "served on"),
    Signed = ("已签收", "signed for"),
    UnitSatisfaction = ("对承办单位", "with the unit"),
    OfficeSatisfaction = ("对信访部门", "with the office"),
    ReviewText = ("复查请求", "review request"),
    ReportText = ("办结报告", "report"),
    SentOn = ("报送日期", "sent on"),
    RemindGround = ("催办事由", "reminder about"),
    RemindTo = ("催办对象", "reminded"),
    ReplyBy = ("反馈期限", "answer by"),
    ResolveHow = ("化解方式", "resolved by"),
    ResolvedOn = ("化解日期", "resolved on"),
    ResolveText = ("化解情况", "what was settled"),
    ReportBy = ("交办报告期限", "report due by"),
    ReportSummary = ("办结报告摘要", "report summary"),
    ReportReceivedOn = ("收到日期", "received on"),
    Outbound = ("交办去向", "assigned out"),
    // Facts of a case, shown on the case screen.
    Channel = ("渠道", "channel"),
    ReceivedAt = ("收到", "received"),
    Receiver = ("接待人", "by"),
    Contact = ("联系方式", "contact"),
    Links = ("关联案件", "linked to"),
    /// An imported case's number in the old register (it is numbered anew here).
    OldNo = ("原编号", "old number"),
    ReviewOf = ("复查原件", "review of"),
    /// A 复核 case's 复查 case (Art 36).
    ReReviewOf = ("复核所涉复查件", "re-review of"),
    Recusal = ("回避", "recusal"),
    Extension = ("延期", "extension"),
    Supervision = ("督办", "supervision"),
    Reminder = ("催办", "reminders"),
    Resolution = ("化解", "resolutions"),
    ReturnVisit = ("回访", "return visit"),
    Attached = ("重复件", "repeat item"),
    // The settings forms and the reception records.
    Role = ("角色", "role"),
    Active = ("在岗", "active"),
    DepartmentName = ("部门名称", "department"),
    Visitor = ("来访人", "visitor"),
    CaseRef = ("涉及案件编号", "case number"),
    Said = ("反映内容", "what was said"),
    Decided = ("接待意见", "what was decided"),
    ReceptionDate = ("接待日期", "date"),
    Place = ("地点", "place"),
    // The office's letterhead.
    ProfileName = ("单位名称", "office name"),
    ProfileAddress = ("地址", "address"),
    ProfilePhone = ("电话", "phone"),
    ProfileHotline = ("查询电话", "query hotline"),
    ProfilePrefix = ("文号前缀", "number prefix"),
    ProfileSeal = ("印章文字", "seal text"),
    ProfileReviewOrgan = ("复查机关", "review body"),
    ProfilePrinter = ("打印机", "printer"),
    /// Not a field: the case screen's line of an issued document.
    ProfileDocument = ("文书", "document"),
    // 听证 (Art 36 第二款), 不再受理 (第三款) and 终结: their forms and their lines on a case.
    HearingFrom = ("听证开始日期", "hearing from"),
    HearingTo = ("听证结束日期", "hearing to"),
    Participants = ("参加人", "participants"),
    Conclusion = ("听证结论", "conclusion"),
    NoFurtherOn = ("收到请求日期", "request received on"),
    /// The day a 复查/复核 request came in (Art 35–36 count from it).
    ReviewOn = ("收到请求日期", "request received on"),
    NoFurtherText = ("请求内容", "what is asked"),
    TerminateNote = ("终结说明", "note"),
    Hearing = ("听证", "hearing"),
    NoFurther = ("不再受理", "not accepted again"),
    Terminated = ("终结", "closed for good"),
    /// The leader who receives visitors on a reception day (not a case's 包案领导).
    ReceptionLeader = ("接待领导", "receiving leader"),
    // Confidentiality (2022 Art 30 第三款): whom an accusation may not reach.
    OperatorUnit = ("所在单位", "unit"),
    DepartmentWide = ("可见本部门全部案件", "sees the department's cases"),
    // The desk's import of an old register (台账).
    ImportFile = ("台账文件", "register file"),
    ImportMap = ("表头对照", "heading map"),
    ImportSkipBad = ("跳过问题行", "skip bad rows"),
    // The letterhead's seal image and the 四告知 (issue 18 point 3, issue 20 point 6).
    ProfileSealImage = ("电子印章图片路径", "electronic seal image file"),
    ProfilePhones = ("联系电话（姓名 电话；…）", "phones (name phone; …)"),
    ProfileRepeatNotice = ("重复投诉告知语", "words on repeated complaints"),
    // 附件: the file to keep with the case, and which one to remove and why.
    FilePath = ("文件路径", "file path"),
    FileNo = ("附件序号", "attachment number"),
    FileReason = ("移除理由", "reason for removal"),
    CorrectReason = ("更正理由", "why it is corrected"),
}

impl FieldKey {
    /// The field's code (`id_number`), as a draft stores it.
    pub fn code(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// The field of a code; None for a field the forms no longer have.
    pub fn from_code(code: &str) -> Option<FieldKey> {
        serde_json::from_value(serde_json::Value::String(code.to_owned())).ok()
    }
}

impl std::fmt::Display for FieldKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::FieldKey as K;
    use super::*;
    use crate::strings::{Lang, form::label};

    #[test]
    fn every_key_is_listed_once_and_has_a_code_and_labels() {
        let mut codes: Vec<String> = FieldKey::ALL.iter().map(|k| k.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), FieldKey::ALL.len());
        for k in FieldKey::ALL {
            assert_eq!(FieldKey::from_code(&k.code()), Some(k));
            assert!(!label(Lang::Zh, k).is_empty() && !label(Lang::En, k).is_empty());
        }
        assert_eq!(FieldKey::IdNumber.code(), "id_number");
        assert_eq!(
            FieldKey::from_code("profile_review_organ"),
            Some(K::ProfileReviewOrgan)
        );
        assert_eq!(FieldKey::from_code("sender"), None);
    }
}
