//! What is said of input the ledger does not take from any surface (`domain::limits`, the
//! shape of an `apply` line): too long, a control character, a time out of range, a field
//! the command does not have, a line that is not UTF-8.

use chrono::{DateTime, FixedOffset};

use super::Lang;
use crate::domain::error::Field;
use crate::domain::types::DecisionKind;

/// A field's name in Chinese (the English is its code, as `apply` writes it).
pub fn field_zh(field: Field) -> &'static str {
    match field {
        Field::Case => "案件编号",
        Field::Visitor => "来访人",
        Field::Said => "反映内容",
        Field::Leader => "接待领导",
        Field::Summary => "主要问题",
        Field::Category => "问题分类",
        Field::Name => "姓名",
        Field::Route => "告知的处理途径",
        Field::To => "转送机关",
        Field::Text => "内容",
        Field::Reason => "理由",
        Field::Handler => "承办人",
        Field::Outcome => "处理结果（支持/解释说明/不予支持）",
        Field::Participants => "听证参加人",
        Field::Conclusion => "听证结论",
        Field::Address => "住址",
        Field::WorkUnit => "工作单位",
        Field::IdNumber => "证件号码",
        Field::Phone => "电话",
        Field::Contact => "联系方式",
        Field::LetterNo => "来信编号",
        Field::Receiver => "接收人",
        Field::Body => "转送/交办机关",
        Field::DocNo => "文号",
        Field::Target => "被反映单位",
        Field::TargetPerson => "被反映人",
        Field::Location => "问题属地",
        Field::Request => "诉求",
        Field::Note => "备注",
        Field::Department => "部门",
        Field::Ground => "事由",
        Field::Decided => "处理意见",
        Field::Place => "地点",
        Field::Basis => "法律法规依据",
        Field::ReviewOrgan => "复查机关",
        Field::Office => "机关名称",
        Field::Prefix => "文号前缀",
        Field::Seal => "印章文字",
        Field::Hotline => "查询电话",
        Field::Printer => "打印机",
        Field::FileName => "文件名",
        Field::FeedbackBy => "反馈期限",
        Field::ReplyBy => "答复期限",
    }
}

pub fn too_long(lang: Lang, field: Field, limit: usize, found: usize) -> String {
    if lang == Lang::Zh {
        format!(
            "「{}」有{found}个字，超过上限{limit}个字：请删减",
            field_zh(field)
        )
    } else {
        format!("{field} is {found} characters, more than the {limit} allowed: shorten it")
    }
}

pub fn control_character(lang: Lang, field: Field, code: u32) -> String {
    if lang == Lang::Zh {
        format!(
            "「{}」含有控制字符 U+{code:04X}（如空字符、转义符）：请删去；只有多行内容可以换行和使用制表符",
            field_zh(field)
        )
    } else {
        format!(
            "{field} holds the control character U+{code:04X} (a NUL, an escape…): remove it; only multi-line texts may hold line breaks and tabs"
        )
    }
}

pub fn ahead_of_clock(
    lang: Lang,
    at: DateTime<FixedOffset>,
    latest: DateTime<FixedOffset>,
) -> String {
    let (at, latest) = (at.to_rfc3339(), latest.to_rfc3339());
    if lang == Lang::Zh {
        format!("时间{at}晚于本机时钟一天以上（最晚{latest}）：请核对日期和时间")
    } else {
        format!(
            "{at} is more than a day past this machine's clock (latest {latest}): check the date and time"
        )
    }
}

/// A field the line's command does not have (a typo is never dropped silently).
pub fn unknown_field(lang: Lang, op: &str, field: &str, known: &[&str]) -> String {
    let known = if known.is_empty() {
        lang.pick("（无）", "(none)").to_owned()
    } else {
        known.join(", ")
    };
    if lang == Lang::Zh {
        format!("{op} 没有字段「{field}」：可用的字段是 {known}")
    } else {
        format!("{op} has no field '{field}': the fields it takes are {known}")
    }
}

/// A `register` line carrying a field its decision does not take (`to` on an accept): the
/// decision's fields, and which decision the field belongs to.
pub fn decision_field(
    lang: Lang,
    decision: DecisionKind,
    field: &str,
    belongs_to: Option<DecisionKind>,
    known: &[&str],
) -> String {
    let name = |d: DecisionKind| super::form::decision(lang, d);
    let known = known.join(", ");
    let code = decision.code();
    match (lang, belongs_to) {
        (Lang::Zh, Some(other)) => format!(
            "register 的决定是「{}」（{code}），不带字段「{field}」（那是「{}」（{}）的字段）：这一决定可用的字段是 {known}",
            name(decision),
            name(other),
            other.code()
        ),
        (Lang::Zh, None) => format!(
            "register 的决定是「{}」（{code}），没有字段「{field}」：这一决定可用的字段是 {known}",
            name(decision)
        ),
        (Lang::En, Some(other)) => format!(
            "register with decision {code} takes no field '{field}' (it belongs to {}): the fields this decision takes are {known}",
            other.code()
        ),
        (Lang::En, None) => format!(
            "register with decision {code} has no field '{field}': the fields this decision takes are {known}"
        ),
    }
}

/// An `apply` line whose bytes are not UTF-8.
pub fn not_utf8(lang: Lang, valid_up_to: usize) -> String {
    if lang == Lang::Zh {
        format!(
            "这一行不是 UTF-8 文本（第{}个字节起无效）：请以 UTF-8 保存输入文件",
            valid_up_to + 1
        )
    } else {
        format!(
            "this line is not UTF-8 text (invalid from byte {}): save the input as UTF-8",
            valid_up_to + 1
        )
    }
}

/// Why a file could not be read or written, in the reader's language where the system's
/// words are only English ("No such file or directory (os error 2)").
pub fn io_reason(lang: Lang, e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let said = match e.kind() {
        K::NotFound => lang.pick("文件不存在", "no such file"),
        K::PermissionDenied => lang.pick("没有权限", "permission denied"),
        K::IsADirectory => lang.pick("这是一个文件夹", "it is a folder"),
        K::AlreadyExists => lang.pick("文件已存在", "the file already exists"),
        K::InvalidData => lang.pick("内容不是 UTF-8 文本", "its content is not UTF-8 text"),
        K::ReadOnlyFilesystem => lang.pick("所在磁盘只读", "the disk is read-only"),
        K::StorageFull => lang.pick("磁盘已满", "the disk is full"),
        // O_NOFOLLOW met a symbolic link at the name (`files::private_file`).
        #[cfg(unix)]
        _ if e.raw_os_error() == Some(libc::ELOOP) => lang.pick(
            "这个名字是一个符号链接，为免个人信息被写到别处而不跟随：请换一个文件名",
            "the name is a symbolic link, not followed lest personal data go elsewhere: choose another file name",
        ),
        _ => return e.to_string(),
    };
    said.to_owned()
}
