//! The documents the office hands out or files, and how each is numbered.

use serde::{Deserialize, Serialize};

/// One kind of document (DOMAIN.md "Documents the office prints").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// 受理告知书 (Art 23: 告知接收情况以及处理途径和程序).
    #[serde(alias = "受理告知书")]
    Accept,
    /// 不予受理告知书 (Art 23: 告知信访人向有权处理的机关提出).
    #[serde(alias = "不予受理告知书")]
    Decline,
    /// 转送单 / 交办单 (Art 22).
    #[serde(alias = "转送单", alias = "交办单", alias = "转送交办单")]
    Transfer,
    /// 延期办理告知书 (Art 34: 告知信访人延期理由).
    #[serde(alias = "延期办理告知书")]
    Extension,
    /// 督办单.
    #[serde(alias = "督办单")]
    Supervision,
    /// 催办单: the latest 催办 on the case, to the department reminded.
    #[serde(alias = "催办单")]
    Reminder,
    /// 信访处理(答复)意见书 (Art 32, 35).
    #[serde(alias = "信访处理意见书", alias = "答复意见书", alias = "处理意见书")]
    Reply,
    /// 办结报告 (Art 22 第三项: 提交办结报告).
    #[serde(alias = "办结报告")]
    Closing,
    /// 案卷: cover, contents, every issued document and the timeline.
    #[serde(alias = "案卷")]
    CaseFile,
    /// 不再受理告知书 (Art 36 第三款): the latest request refused after 复核.
    #[serde(alias = "不再受理告知书")]
    NoFurther,
    /// 转送/交办去向告知书 (Art 23 第一款: 告知信访人转送、交办去向).
    #[serde(alias = "去向告知书", alias = "转送交办去向告知书")]
    Whereabouts,
    /// 预警稳控提醒函 (seed 002 三函): to the responsible unit about a flagged 重点信访人.
    #[serde(alias = "预警稳控提醒函", alias = "提醒函")]
    Warning,
    /// 工作建议函 (Art 40: 提出改进工作的建议): the office's suggestion to a unit.
    #[serde(alias = "工作建议函", alias = "建议函")]
    Advice,
    /// 转送交办事项异议函 (Art 23 第三款): an item passed down that is not this office's,
    /// objected to the body that passed it, with the reasons; no notice to the petitioner.
    #[serde(alias = "转送交办事项异议函", alias = "异议函")]
    Objection,
}

impl DocKind {
    pub const ALL: [DocKind; 14] = [
        DocKind::Accept,
        DocKind::Decline,
        DocKind::Transfer,
        DocKind::Extension,
        DocKind::Supervision,
        DocKind::Reply,
        DocKind::Closing,
        DocKind::CaseFile,
        // Last, so the documents panel's digits for the others stay as they were.
        DocKind::Reminder,
        DocKind::NoFurther,
        DocKind::Whereabouts,
        DocKind::Objection,
        DocKind::Warning,
        DocKind::Advice,
    ];

    /// The code used on the command line, in `apply`, in the ledger and as
    /// the template's file name.
    pub fn code(self) -> &'static str {
        match self {
            DocKind::Accept => "accept",
            DocKind::Decline => "decline",
            DocKind::Transfer => "transfer",
            DocKind::Extension => "extension",
            DocKind::Supervision => "supervision",
            DocKind::Reminder => "reminder",
            DocKind::Reply => "reply",
            DocKind::Closing => "closing",
            DocKind::CaseFile => "casefile",
            DocKind::NoFurther => "no_further",
            DocKind::Whereabouts => "whereabouts",
            DocKind::Warning => "warning",
            DocKind::Advice => "advice",
            DocKind::Objection => "objection",
        }
    }

    /// Only a leader issues it: a 工作建议函 (Art 40) is the office's word to another unit.
    pub fn leader_only(self) -> bool {
        self == DocKind::Advice
    }

    /// The code, or the document's Chinese name.
    pub fn parse(s: &str) -> Option<DocKind> {
        let s = s.trim();
        DocKind::ALL
            .into_iter()
            .find(|k| k.code() == s || k.title() == s)
            .or_else(|| serde_json::from_value(serde_json::Value::String(s.to_owned())).ok())
    }

    /// The official title: documents are Chinese whatever the desk speaks.
    pub fn title(self) -> &'static str {
        match self {
            DocKind::Accept => "受理告知书",
            DocKind::Decline => "不予受理告知书",
            DocKind::Transfer => "转送交办单",
            DocKind::Extension => "延期办理告知书",
            DocKind::Supervision => "督办单",
            DocKind::Reminder => "催办单",
            DocKind::Reply => "信访处理意见书",
            DocKind::Closing => "办结报告",
            DocKind::CaseFile => "案卷",
            DocKind::NoFurther => "不再受理告知书",
            DocKind::Whereabouts => "转送交办去向告知书",
            DocKind::Warning => "预警稳控提醒函",
            DocKind::Advice => "工作建议函",
            DocKind::Objection => "转送交办事项异议函",
        }
    }

    /// The character(s) after the office prefix in a document number.
    pub fn abbrev(self) -> &'static str {
        match self {
            DocKind::Accept => "告",
            DocKind::Decline => "不受",
            DocKind::Transfer => "转",
            DocKind::Extension => "延",
            DocKind::Supervision => "督",
            DocKind::Reminder => "催",
            DocKind::Reply => "复",
            DocKind::Closing => "结",
            DocKind::CaseFile => "卷",
            DocKind::NoFurther => "不再",
            DocKind::Whereabouts => "去",
            DocKind::Warning => "预警",
            DocKind::Advice => "建",
            DocKind::Objection => "异",
        }
    }

    /// Whether the document is addressed to the petitioner (and so needs a
    /// name to address: Art 23 第二款 excepts unclear names and addresses).
    pub fn to_petitioner(self) -> bool {
        matches!(
            self,
            DocKind::Accept
                | DocKind::Decline
                | DocKind::Extension
                | DocKind::Reply
                | DocKind::NoFurther
                | DocKind::Whereabouts
        )
    }
}

/// `X信告〔2026〕17号`: prefix, kind, year, the year's running number.
pub fn doc_number(prefix: &str, kind: DocKind, year: i32, n: i64) -> String {
    format!("{prefix}{}〔{year}〕{n}号", kind.abbrev())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_the_office_writes_them() {
        assert_eq!(
            doc_number("X信", DocKind::Accept, 2026, 17),
            "X信告〔2026〕17号"
        );
        assert_eq!(doc_number("", DocKind::CaseFile, 2026, 1), "卷〔2026〕1号");
    }

    #[test]
    fn kinds_parse_by_code_and_by_name() {
        for k in DocKind::ALL {
            assert_eq!(DocKind::parse(k.code()), Some(k));
            assert_eq!(DocKind::parse(k.title()), Some(k));
        }
        assert_eq!(DocKind::parse("交办单"), Some(DocKind::Transfer));
        assert_eq!(DocKind::parse("nonsense"), None);
    }
}
