//! The office journal (`audit`, the settings screen's list), `operators` and the
//! honest words of `export` and `backup`.

use std::path::Path;

use super::Lang;
use crate::domain::audit::{AuditResult, Audited};

pub fn about(lang: Lang, name: &str) -> &'static str {
    match name {
        "audit" => lang.pick(
            "操作日志（领导）：人员、部门、单位信息、接待日的变更，登录、导出、备份；哈希链由 check 校验",
            "the office journal (leaders): changes of operators, departments, the office and the schedule; sign-ins, exports, backups; its hash chain is verified by check",
        ),
        _ => lang.pick(
            "操作员名单：角色、部门、单位，在用或停用，是否被锁定",
            "the operators: role, department, unit, active or disabled, locked or not",
        ),
    }
}

pub fn arg_help(lang: Lang, id: &str) -> &'static str {
    match id {
        "since" => lang.pick(
            "只列此日期（含）以后的记录，如 2026-12-01",
            "only events on or after this date, e.g. 2026-12-01",
        ),
        _ => lang.pick(
            "身份证号和电话不打码（默认打码）",
            "ID numbers and phones in full (masked by default)",
        ),
    }
}

/// What an office-journal event records, in words.
pub fn audited(lang: Lang, a: Audited) -> &'static str {
    match a {
        Audited::Operator => lang.pick("人员", "operator"),
        Audited::Department => lang.pick("部门", "department"),
        Audited::Office => lang.pick("单位信息", "office profile"),
        Audited::Schedule => lang.pick("接待日", "reception day"),
        Audited::SignIn => lang.pick("登录", "sign-in"),
        Audited::Export => lang.pick("导出", "export"),
        Audited::Backup => lang.pick("备份", "backup"),
        Audited::Passphrase => lang.pick("口令", "passphrase"),
        Audited::View => lang.pick("查阅保密件", "confidential case seen"),
        Audited::Calendar => lang.pick("导入节假日安排", "holiday table imported"),
        Audited::Restore => lang.pick("从备份恢复", "restored from a backup"),
        Audited::Screening => lang.pick("矛盾纠纷排查", "dispute screening"),
        Audited::ZeroReport => lang.pick("排查零报告", "screening zero report"),
        Audited::Backlog => lang.pick("积案", "backlog case"),
        Audited::PersonFlag => lang.pick("重点信访人标记", "key petitioner flag"),
        Audited::Evaluation => lang.pick("评查", "case evaluation"),
    }
}

pub fn result(lang: Lang, r: AuditResult) -> &'static str {
    match r {
        AuditResult::Ok => lang.pick("成功", "ok"),
        AuditResult::WrongPassphrase => lang.pick("口令错误", "wrong passphrase"),
        AuditResult::Locked => lang.pick("已锁定", "locked"),
        AuditResult::Refused => lang.pick("被拒绝", "refused"),
        AuditResult::Failed => lang.pick("失败", "failed"),
    }
}

/// A stored code in words, the code itself when this xinfang does not know it.
pub fn act_code(lang: Lang, code: &str) -> String {
    Audited::from_code(code).map_or_else(|| code.to_owned(), |a| audited(lang, a).to_owned())
}

pub fn result_code(lang: Lang, code: &str) -> String {
    AuditResult::from_code(code).map_or_else(|| code.to_owned(), |r| result(lang, r).to_owned())
}

/// Headings of `audit`'s text and the settings screen's list.
pub fn headings(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::Zh => ["序号", "时间", "操作人", "事项", "对象", "结果"],
        Lang::En => ["#", "time", "actor", "what", "subject", "result"],
    }
}

pub fn empty(lang: Lang) -> &'static str {
    lang.pick("操作日志中没有记录", "the office journal holds no events")
}

/// Headings of `operators`.
pub fn operator_headings(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::Zh => ["姓名", "角色", "部门", "单位", "状态"],
        Lang::En => ["name", "role", "department", "unit", "status"],
    }
}

pub fn active(lang: Lang, active: bool) -> &'static str {
    if active {
        lang.pick("在用", "active")
    } else {
        lang.pick("停用", "disabled")
    }
}

pub fn locked_until(lang: Lang, until: &str) -> String {
    match lang {
        Lang::Zh => format!("，锁定至 {until}"),
        Lang::En => format!(", locked until {until}"),
    }
}

/// After `export --out`: where the file went, and that it is not protected.
pub fn exported(lang: Lang, out: &Path, full: bool) -> String {
    let masked = if full {
        lang.pick("身份证号和电话未打码", "ID numbers and phones in full")
    } else {
        lang.pick(
            "身份证号和电话已打码（--full 导出全号）",
            "ID numbers and phones masked (--full for the whole numbers)",
        )
    };
    match lang {
        Lang::Zh => format!(
            "已导出到 {}。该文件未加密，离开了台账的保护：请妥善保管，用毕删除。{masked}。",
            out.display()
        ),
        Lang::En => format!(
            "exported to {}. The file is NOT encrypted and has left the ledger's protection: keep it safe and delete it when done. {masked}.",
            out.display()
        ),
    }
}

/// After a CSV export with whole ID numbers: Excel would take them for numbers.
pub fn csv_ids_in_excel(lang: Lang) -> &'static str {
    lang.pick(
        "注意：用 Excel 直接打开此 CSV，完整的身份证号会被当作数字，显示为科学计数法并丢失末几位；要在 Excel 中查看或编辑，请改用 --format xlsx（身份证号保存为文本）",
        "note: opened directly in Excel, this CSV's whole ID numbers are taken for numbers (shown as 4.4E+17, the last digits lost); to view or edit it in Excel use --format xlsx (ID numbers kept as text)",
    )
}

/// After `export` to standard output, on stderr.
pub fn exported_to_stdout(lang: Lang) -> &'static str {
    lang.pick(
        "已导出到标准输出。导出内容未加密，离开了台账的保护。",
        "exported to standard output. The export is NOT encrypted and has left the ledger's protection.",
    )
}

/// The heading of a confidential case's views on a leader's case screen.
/// Where a confidential case was seen, in words: the surface's code as recorded
/// (`store::sight`, `replay:` before it when a replay read it); a code not known here as is.
pub fn surface(lang: Lang, code: &str) -> String {
    let (via, code) = match code.split_once(':') {
        Some((via, rest)) => (Some(via), rest),
        None => (None, code),
    };
    let word = match code {
        "case_screen" => lang.pick("案件页", "case screen"),
        "documents_panel" => lang.pick("文书", "documents"),
        "attachments" => lang.pick("附件", "attachments"),
        "notice" => lang.pick("命令行出具文书", "notice command"),
        "show" => lang.pick("命令行查看", "show command"),
        other => other,
    };
    match (via, lang) {
        (Some(via), Lang::Zh) => format!("{word}（{via}）"),
        (Some(via), Lang::En) => format!("{word} (via {via})"),
        (None, _) => word.to_owned(),
    }
}

pub fn views_title(lang: Lang, n: usize) -> String {
    if lang == Lang::Zh {
        format!("查阅记录（保密件，{n}次）")
    } else {
        format!("Seen by (confidential, {n} times)")
    }
}

#[cfg(test)]
mod surface_tests {
    use super::*;

    /// The surfaces the desk and the commands record are said in words; a replay's is
    /// named beside it; a code not known here is shown as recorded, not dropped.
    #[test]
    fn a_surface_is_said_in_words() {
        assert_eq!(surface(Lang::Zh, "case_screen"), "案件页");
        assert_eq!(surface(Lang::En, "case_screen"), "case screen");
        assert_eq!(
            surface(Lang::Zh, "replay:documents_panel"),
            "文书（replay）"
        );
        assert_eq!(
            surface(Lang::En, "replay:show"),
            "show command (via replay)"
        );
        assert_eq!(surface(Lang::Zh, "sheet"), "sheet");
    }
}
