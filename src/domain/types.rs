//! The vocabulary of a case: channels, roles, states and the values recorded
//! at each step. Serialised names are the `apply` contract's codes; Chinese
//! spellings are accepted as aliases so paper forms can be typed as they are.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::vocab::vocabulary;

vocabulary! {
    /// How a petition reached the office (DOMAIN.md "What is recorded").
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum Channel {
        #[serde(alias = "来访")]
        Visit = "visit",
        #[serde(alias = "来信")]
        Letter = "letter",
        #[serde(alias = "来电")]
        Phone = "phone",
        #[serde(alias = "电子邮件")]
        Email = "email",
        #[serde(alias = "网上")]
        Online = "online",
        #[serde(alias = "上级转交办")]
        Referral = "referral",
    }
}

impl Channel {
    /// Whether the petitioner is there to be told a decision on the spot (当场答复, Art 23
    /// 第二款): at the window or on the line.
    pub fn answers_on_the_spot(self) -> bool {
        match self {
            Channel::Visit | Channel::Phone => true,
            Channel::Letter | Channel::Email | Channel::Online | Channel::Referral => false,
        }
    }

    /// Whether an item of this channel received on `received` may be answered on the spot
    /// `today`: only while the petitioner is there, the day they came or called.
    pub fn on_the_spot(self, received: chrono::NaiveDate, today: chrono::NaiveDate) -> bool {
        self.answers_on_the_spot() && received == today
    }
}

vocabulary! {
    /// 2022《信访工作条例》第二十九至三十一条: the three kinds of matter.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum HandlingType {
        #[serde(alias = "建议意见")]
        Suggestion = "suggestion",
        #[serde(alias = "检举控告")]
        Accusation = "accusation",
        #[serde(alias = "申诉求决")]
        Claim = "claim",
    }
}

vocabulary! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
    pub enum Urgency {
        #[default]
        #[serde(alias = "一般")]
        Normal = "normal",
        /// 重大紧急: shown first to the leader and reported the same day (Art 25).
        #[serde(alias = "重大紧急", alias = "urgent")]
        Major = "major",
    }
}

vocabulary! {
    /// What an operator may do is decided by role (see `workflow::permitted`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum Role {
        Clerk = "clerk",
        Leader = "leader",
        Handler = "handler",
    }
}

vocabulary! {
    /// intake → registered → assigned → replied → archived.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    pub enum State {
        Intake = "intake",
        Registered = "registered",
        Assigned = "assigned",
        Replied = "replied",
        Archived = "archived",
    }
}

vocabulary! {
    /// Grounds on which an item is not accepted (不予受理), each with the route
    /// the petitioner must be told about.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum DeclineGround {
        /// 人大、法院、检察院职权范围 (2005 条例第十五条、第二十一条第一项; 2022 第二十八条第二款:
        /// 诉讼与信访分离; a 涉法涉诉 letter the 信访部门 转送s to the 政法部门, 第二十二条第二款).
        OtherOrgan = "other_organ",
        /// 应当通过诉讼、仲裁、党员申诉、行政复议等法定途径解决 (2022 第三十一条第一至四项:
        /// 导入相应程序处理).
        LegalProcedure = "legal_procedure",
        /// 已经受理或者正在办理 (2022 第十九条第三款).
        InProgress = "in_progress",
        /// 超过复查、复核请求期限 (2022 第三十五、三十六条).
        WindowMissed = "window_missed",
        /// 复核后仍以同一事实和理由提出 (2022 第三十六条第三款): 不再受理.
        FinalAfterReReview = "final_after_re_review",
        /// 不属于本机关、单位职权范围 (2022 第二十三条第一款): tell where to go.
        NotCompetent = "not_competent",
    }
}

impl DeclineGround {
    /// The article a 不予受理告知书 rests on for this ground.
    pub fn article(self) -> &'static str {
        match self {
            // 告知信访人向有权处理的机关、单位提出; 诉讼与信访分离 (第二十八条第二款).
            DeclineGround::OtherOrgan | DeclineGround::NotCompetent => "第二十三条",
            // 第三十一条第一至四项: 导入相应程序处理.
            DeclineGround::LegalProcedure => "第三十一条",
            // 第十九条第三款: 已经受理或者正在办理的，不再重复受理.
            DeclineGround::InProgress => "第十九条第三款",
            DeclineGround::WindowMissed => "第三十五条、第三十六条",
            DeclineGround::FinalAfterReReview => "第三十六条第三款",
        }
    }
}

/// The acceptance decision taken at registration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum Decision {
    /// 受理.
    Accept,
    /// 不予受理: the notice must state the ground and the proper route.
    Decline {
        /// The not-accepted ground; `reason` in the `apply` contract.
        #[serde(rename = "reason", alias = "ground")]
        ground: DeclineGround,
        route: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// 转送 to another body with power to handle it (Art 22). With `assign` it is a 交办
    /// (Art 22 (三)): the body must send back its 办结报告, by `report_by` or within the
    /// policy's `outbound` clock; a `report_by` alone also makes it a 交办.
    PassOn {
        to: String,
        #[serde(default, skip_serializing_if = "is_false")]
        assign: bool,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        report_by: Option<NaiveDate>,
    },
    /// 当场答复 (Art 23 第二款: 能够当场告知的，应当当场书面告知).
    Answered { text: String },
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Decision {
    /// A plain 转送 to `to`, no 办结报告 asked.
    pub fn pass_on(to: impl Into<String>) -> Decision {
        Decision::PassOn {
            to: to.into(),
            assign: false,
            report_by: None,
        }
    }

    /// A 转送 that asks the body for its 办结报告 (交办, Art 22 (三)), and the date set for it
    /// if one was.
    pub fn reports_back(&self) -> Option<Option<NaiveDate>> {
        match self {
            Decision::PassOn {
                assign, report_by, ..
            } if *assign || report_by.is_some() => Some(*report_by),
            Decision::PassOn { .. }
            | Decision::Accept
            | Decision::Decline { .. }
            | Decision::Answered { .. } => None,
        }
    }

    pub fn kind(&self) -> DecisionKind {
        match self {
            Decision::Accept => DecisionKind::Accept,
            Decision::Decline { .. } => DecisionKind::Decline,
            Decision::PassOn { .. } => DecisionKind::PassOn,
            Decision::Answered { .. } => DecisionKind::Answered,
        }
    }

    /// The kind's code, also the `decision` tag of its serialised form.
    pub fn code(&self) -> &'static str {
        self.kind().code()
    }
}

vocabulary! {
    /// What kind of acceptance decision a [`Decision`] is, without its details.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum DecisionKind {
        Accept = "accept",
        Decline = "decline",
        PassOn = "pass_on",
        Answered = "answered",
    }
}

vocabulary! {
    /// 2022 Art 32: the three possible outcomes of a 信访处理意见书.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum Outcome {
        #[serde(alias = "予以支持")]
        Support = "support",
        #[serde(alias = "解释说明")]
        Explain = "explain",
        #[serde(alias = "不予支持")]
        Reject = "reject",
    }
}

vocabulary! {
    /// How the reply was served (送达).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum ServiceMethod {
        #[serde(alias = "当面")]
        InPerson = "in_person",
        #[serde(alias = "邮寄")]
        Post = "post",
        #[serde(alias = "其他")]
        Other = "other",
    }
}

vocabulary! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum Satisfaction {
        #[serde(alias = "满意")]
        Satisfied = "satisfied",
        #[serde(alias = "基本满意")]
        Basic = "basic",
        #[serde(alias = "不满意")]
        Unsatisfied = "unsatisfied",
    }
}

vocabulary! {
    /// Why a leader orders supervision (督办).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum SuperviseGround {
        /// 逾期未办结.
        Overdue = "overdue",
        /// 推诿、敷衍、拖延 (Art 28).
        Delay = "delay",
        /// 处理不当、群众反映强烈.
        Quality = "quality",
        /// 重复信访.
        Repeat = "repeat",
        /// 领导交办.
        Leader = "leader",
        Other = "other",
    }
}

vocabulary! {
    /// How far up the review chain a case is (2022 Art 35–36): an item handled the first time,
    /// a 复查 of it, or a 复核 of the 复查. After 复核 the same facts are 不再受理.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
    pub enum Level {
        #[default]
        #[serde(alias = "初次办理")]
        First = "first",
        #[serde(alias = "复查")]
        Review = "review",
        #[serde(alias = "复核")]
        ReReview = "rereview",
    }
}

impl Level {
    /// The level a review request on a case of this level opens; None after 复核
    /// (Art 36 第三款: 不再受理).
    pub fn next(self) -> Option<Level> {
        match self {
            Level::First => Some(Level::Review),
            Level::Review => Some(Level::ReReview),
            Level::ReReview => None,
        }
    }
}

vocabulary! {
    /// How a matter was resolved (化解/息访). Art 37 第一款 names mediation (人民调解、行政调解、
    /// 司法调解) and 协商; 第二款 help to 社会救助/司法救助; 第三款 疏导教育 after 复查复核. The
    /// seeds record the same: 包息访 and 息诉息访 (seeds 001, 004), 困难救助化解 and 教育疏导化解
    /// (seed 001 "四个一批").
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    pub enum ResolveHow {
        /// 调解: people's, administrative or judicial mediation.
        #[serde(alias = "调解")]
        Mediation = "mediation",
        /// 和解: the parties' own agreement (协议).
        #[serde(alias = "和解", alias = "协议")]
        Agreement = "agreement",
        /// 息诉罢访承诺: the petitioner undertakes to end the petition.
        #[serde(alias = "息诉罢访", alias = "息诉罢访承诺")]
        Undertaking = "undertaking",
        /// 帮扶救助: social or judicial assistance (Art 37 第二款).
        #[serde(alias = "救助", alias = "帮扶救助")]
        Aid = "aid",
        /// 疏导教育: explanation and guidance (Art 37 第一款、第三款).
        #[serde(alias = "疏导", alias = "疏导教育")]
        Guidance = "guidance",
    }
}
