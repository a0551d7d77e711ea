//! The vocabulary of a case: channels, roles, states and the values recorded
//! at each step. Serialised names are the `apply` contract's codes; Chinese
//! spellings are accepted as aliases so paper forms can be typed as they are.

use serde::{Deserialize, Serialize};

/// How a petition reached the office (DOMAIN.md "What is recorded").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    #[serde(alias = "来访")]
    Visit,
    #[serde(alias = "来信")]
    Letter,
    #[serde(alias = "来电")]
    Phone,
    #[serde(alias = "电子邮件")]
    Email,
    #[serde(alias = "网上")]
    Online,
    #[serde(alias = "上级转交办")]
    Referral,
}

impl Channel {
    pub const ALL: [Channel; 6] = [
        Channel::Visit,
        Channel::Letter,
        Channel::Phone,
        Channel::Email,
        Channel::Online,
        Channel::Referral,
    ];

    /// The code used in the ledger, the policy file and `apply`.
    pub fn code(self) -> &'static str {
        match self {
            Channel::Visit => "visit",
            Channel::Letter => "letter",
            Channel::Phone => "phone",
            Channel::Email => "email",
            Channel::Online => "online",
            Channel::Referral => "referral",
        }
    }

    pub fn from_code(code: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// 2022《信访工作条例》第二十九至三十一条: the three kinds of matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HandlingType {
    #[serde(alias = "建议意见")]
    Suggestion,
    #[serde(alias = "检举控告")]
    Accusation,
    #[serde(alias = "申诉求决")]
    Claim,
}

impl HandlingType {
    pub fn code(self) -> &'static str {
        match self {
            HandlingType::Suggestion => "suggestion",
            HandlingType::Accusation => "accusation",
            HandlingType::Claim => "claim",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    #[default]
    #[serde(alias = "一般")]
    Normal,
    /// 重大紧急: shown first to the leader and reported the same day (Art 25).
    #[serde(alias = "重大紧急", alias = "urgent")]
    Major,
}

impl Urgency {
    pub fn code(self) -> &'static str {
        match self {
            Urgency::Normal => "normal",
            Urgency::Major => "major",
        }
    }

    pub fn from_code(code: &str) -> Option<Urgency> {
        [Urgency::Normal, Urgency::Major]
            .into_iter()
            .find(|u| u.code() == code)
    }
}

/// What an operator may do is decided by role (see `workflow::permitted`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Clerk,
    Leader,
    Handler,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Clerk => "clerk",
            Role::Leader => "leader",
            Role::Handler => "handler",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        [Role::Clerk, Role::Leader, Role::Handler]
            .into_iter()
            .find(|r| r.code() == code)
    }
}

/// intake → registered → assigned → replied → archived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Intake,
    Registered,
    Assigned,
    Replied,
    Archived,
}

impl State {
    pub const ALL: [State; 5] = [
        State::Intake,
        State::Registered,
        State::Assigned,
        State::Replied,
        State::Archived,
    ];

    pub fn code(self) -> &'static str {
        match self {
            State::Intake => "intake",
            State::Registered => "registered",
            State::Assigned => "assigned",
            State::Replied => "replied",
            State::Archived => "archived",
        }
    }

    pub fn from_code(code: &str) -> Option<State> {
        State::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Grounds on which an item is not accepted (不予受理), each with the route
/// the petitioner must be told about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeclineGround {
    /// 人大、法院、检察院职权范围 (2005 条例第十五条、第二十一条第一项; 2022 第二十二条第二款 涉法涉诉).
    OtherOrgan,
    /// 应当通过诉讼、仲裁、行政复议等法定途径解决 (2022 第三十一条第一至四项).
    LegalProcedure,
    /// 已经受理或者正在办理 (2022 第十九条第三款).
    InProgress,
    /// 超过复查、复核请求期限 (2022 第三十五、三十六条).
    WindowMissed,
    /// 复核后仍以同一事实和理由提出 (2022 第三十六条第三款): 不再受理.
    FinalAfterReReview,
    /// 不属于本机关、单位职权范围 (2022 第二十三条第一款): tell where to go.
    NotCompetent,
}

impl DeclineGround {
    pub const ALL: [DeclineGround; 6] = [
        DeclineGround::OtherOrgan,
        DeclineGround::LegalProcedure,
        DeclineGround::InProgress,
        DeclineGround::WindowMissed,
        DeclineGround::FinalAfterReReview,
        DeclineGround::NotCompetent,
    ];

    pub fn code(self) -> &'static str {
        match self {
            DeclineGround::OtherOrgan => "other_organ",
            DeclineGround::LegalProcedure => "legal_procedure",
            DeclineGround::InProgress => "in_progress",
            DeclineGround::WindowMissed => "window_missed",
            DeclineGround::FinalAfterReReview => "final_after_re_review",
            DeclineGround::NotCompetent => "not_competent",
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
    /// 转送 to another body with power to handle it (Art 22).
    PassOn { to: String },
    /// 当场答复 (Art 23 第二款: 能够当场告知的，应当当场书面告知).
    Answered { text: String },
}

impl Decision {
    pub fn code(&self) -> &'static str {
        match self {
            Decision::Accept => "accept",
            Decision::Decline { .. } => "decline",
            Decision::PassOn { .. } => "pass_on",
            Decision::Answered { .. } => "answered",
        }
    }
}

/// 2022 Art 32: the three possible outcomes of a 信访处理意见书.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    #[serde(alias = "予以支持")]
    Support,
    #[serde(alias = "解释说明")]
    Explain,
    #[serde(alias = "不予支持")]
    Reject,
}

impl Outcome {
    pub const ALL: [Outcome; 3] = [Outcome::Support, Outcome::Explain, Outcome::Reject];

    /// The code used in the ledger and `apply`.
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Support => "support",
            Outcome::Explain => "explain",
            Outcome::Reject => "reject",
        }
    }

    pub fn from_code(code: &str) -> Option<Outcome> {
        Self::ALL.into_iter().find(|o| o.code() == code)
    }
}

/// How the reply was served (送达).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceMethod {
    #[serde(alias = "当面")]
    InPerson,
    #[serde(alias = "邮寄")]
    Post,
    #[serde(alias = "其他")]
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Satisfaction {
    #[serde(alias = "满意")]
    Satisfied,
    #[serde(alias = "基本满意")]
    Basic,
    #[serde(alias = "不满意")]
    Unsatisfied,
}

impl Satisfaction {
    pub const ALL: [Satisfaction; 3] = [
        Satisfaction::Satisfied,
        Satisfaction::Basic,
        Satisfaction::Unsatisfied,
    ];

    /// The code used in the ledger and `apply`.
    pub fn code(self) -> &'static str {
        match self {
            Satisfaction::Satisfied => "satisfied",
            Satisfaction::Basic => "basic",
            Satisfaction::Unsatisfied => "unsatisfied",
        }
    }

    pub fn from_code(code: &str) -> Option<Satisfaction> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Why a leader orders supervision (督办).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SuperviseGround {
    /// 逾期未办结.
    Overdue,
    /// 推诿、敷衍、拖延 (Art 28).
    Delay,
    /// 处理不当、群众反映强烈.
    Quality,
    /// 重复信访.
    Repeat,
    /// 领导交办.
    Leader,
    Other,
}

impl SuperviseGround {
    pub const ALL: [SuperviseGround; 6] = [
        SuperviseGround::Overdue,
        SuperviseGround::Delay,
        SuperviseGround::Quality,
        SuperviseGround::Repeat,
        SuperviseGround::Leader,
        SuperviseGround::Other,
    ];

    /// The code used in the ledger and `apply`.
    pub fn code(self) -> &'static str {
        match self {
            SuperviseGround::Overdue => "overdue",
            SuperviseGround::Delay => "delay",
            SuperviseGround::Quality => "quality",
            SuperviseGround::Repeat => "repeat",
            SuperviseGround::Leader => "leader",
            SuperviseGround::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<SuperviseGround> {
        Self::ALL.into_iter().find(|g| g.code() == code)
    }
}
