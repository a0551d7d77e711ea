//! The words of the documents feature: refusals naming what a document
//! lacks, kind names for the desk and the command line, the preview screen.

use super::Lang;
use crate::domain::documents::{DocKind, Missing};

/// A kind as the desk lists it (the title in Chinese; in English a gloss).
pub fn kind(lang: Lang, k: DocKind) -> &'static str {
    match lang {
        Lang::Zh => k.title(),
        Lang::En => match k {
            DocKind::Accept => "acceptance notice",
            DocKind::Decline => "notice of non-acceptance",
            DocKind::Transfer => "pass-on / assignment sheet",
            DocKind::Extension => "extension notice",
            DocKind::Supervision => "supervision sheet",
            DocKind::Reminder => "reminder sheet",
            DocKind::Reply => "reply (handling opinion)",
            DocKind::Closing => "closing report",
            DocKind::CaseFile => "case file",
            DocKind::NoFurther => "notice: not accepted again",
            DocKind::Whereabouts => "notice of where it went",
            DocKind::Warning => "early-warning letter (key petitioner)",
            DocKind::Advice => "work suggestion letter",
            DocKind::Objection => "objection to the body that passed it down",
        },
    }
}

/// The missing part's name and how to supply it.
fn missing(lang: Lang, m: Missing) -> (&'static str, &'static str) {
    match lang {
        Lang::Zh => (missing_name_zh(m), remedy_zh(m)),
        Lang::En => (missing_name_en(m), remedy_en(m)),
    }
}

/// What is missing, in Chinese.
fn missing_name_zh(m: Missing) -> &'static str {
    match m {
        Missing::Acceptance => "受理决定",
        Missing::DeclineDecision => "不予受理决定",
        Missing::Addressee => "信访人姓名",
        Missing::HandlingRoute => "处理途径",
        Missing::DueDate => "办理期限",
        Missing::DeclineRoute => "告知的处理途径",
        Missing::TransferTarget => "转送或交办去向",
        Missing::Extension => "延期决定",
        Missing::ExtensionReason => "延期理由",
        Missing::Supervision => "督办事项",
        Missing::SupervisedUnit => "被督办单位",
        Missing::Reminder => "催办事项",
        Missing::NoFurther => "不再受理的请求",
        Missing::Request => "信访人投诉请求（诉求）",
        Missing::Facts => "事实和理由",
        Missing::Outcome => "处理意见（予以支持/解释说明/不予支持）",
        Missing::Basis => "处理意见的法律法规依据",
        Missing::ReviewOrgan => "复查机关",
        Missing::Reply => "答复",
        Missing::Archived => "归档",
        Missing::OfficeName => "单位名称",
        Missing::KeyFlag => "重点信访人标记",
        Missing::Unit => "致送单位",
        Missing::Advice => "建议内容",
        Missing::ObjectionInstead => "可告知信访人的不予受理决定",
        Missing::Objection => "上级转交办事项“不属于本机关”的决定",
    }
}

/// What is missing, in English.
fn missing_name_en(m: Missing) -> &'static str {
    match m {
        Missing::Acceptance => "the acceptance",
        Missing::DeclineDecision => "a decision not to accept",
        Missing::Addressee => "the petitioner's name",
        Missing::HandlingRoute => "the handling route",
        Missing::DueDate => "the due date",
        Missing::DeclineRoute => "the proper route",
        Missing::TransferTarget => "where it was passed on or assigned",
        Missing::Extension => "the extension",
        Missing::ExtensionReason => "the reason for the extension",
        Missing::Supervision => "the supervision",
        Missing::SupervisedUnit => "the supervised unit",
        Missing::Reminder => "the reminder",
        Missing::NoFurther => "a request refused as not accepted again",
        Missing::Request => "the petitioner's request",
        Missing::Facts => "the facts and reasons",
        Missing::Outcome => "the outcome (supported / explained / not supported)",
        Missing::Basis => "the legal basis of the outcome",
        Missing::ReviewOrgan => "the review body",
        Missing::Reply => "the reply",
        Missing::Archived => "the archiving",
        Missing::OfficeName => "the office's name",
        Missing::KeyFlag => "a key-petitioner flag",
        Missing::Unit => "the unit it goes to",
        Missing::Advice => "the suggestion",
        Missing::ObjectionInstead => "a decline to tell the petitioner",
        Missing::Objection => "a decline of an item passed down as not this office's",
    }
}

/// How to supply it, in Chinese.
fn remedy_zh(m: Missing) -> &'static str {
    match m {
        Missing::Acceptance => "本件尚未受理：先按 d 作受理决定",
        Missing::DeclineDecision => "本件不是不予受理：只有不予受理的事项出具此告知书",
        Missing::Addressee => "匿名或未留姓名的，无法书面告知（《信访工作条例》第二十三条第二款）",
        Missing::HandlingRoute => "请先填写事项类型（建议意见/检举控告/申诉求决）或交办承办部门",
        Missing::DueDate => "时限政策中没有办理时限（handle）",
        Missing::DeclineRoute => "请在受理决定中写明应向哪个机关、通过什么途径提出",
        Missing::TransferTarget => "本件既未转送也未交办",
        Missing::Extension => "本件没有经批准的延期（《信访工作条例》第三十四条）",
        Missing::ExtensionReason => "延期须告知信访人理由（第三十四条）",
        Missing::Supervision => "本件尚未督办：先按 s 督办",
        Missing::SupervisedUnit => "本件尚未交办",
        Missing::Reminder => "本件尚未催办：先按 m 催办",
        Missing::NoFurther => "本件未记录不再受理的请求：先按 l 记录不再受理（第三十六条第三款）",
        Missing::Request => "登记时未填写诉求（《信访工作条例》第三十二条）",
        Missing::Facts => "尚无经批准的处理意见或答复内容（第三十二条）",
        Missing::Outcome => "先按 y 答复并选择处理结果（第三十二条）",
        Missing::Basis => "请填写依据（命令行 --basis，或 apply 的 basis）（第三十二条）",
        Missing::ReviewOrgan => {
            "请领导在单位信息中填写复查机关（上一级机关）：人员和部门（p）中按 o；或命令行 --review-organ（第三十五条）"
        }
        Missing::Reply => "本件尚未答复：先按 y 答复",
        Missing::Archived => "本件尚未归档：先按 g 归档",
        Missing::OfficeName => {
            "请领导先设置单位信息：人员和部门（p）中按 o，或 apply {\"op\":\"office\",\"name\":\"…\"}"
        }
        Missing::KeyFlag => "本件信访人未被领导列为重点信访人",
        Missing::Unit => {
            "本件未交办：先按 a 交办，或在命令行 notice 用 --to 写明致送单位（不默认送被反映单位：《信访工作条例》第三十条第三款）"
        }
        Missing::Advice => {
            "请写明建议内容：命令行 --advice，或 apply 的 advice（《信访工作条例》第四十条）"
        }
        Missing::ObjectionInstead => {
            "本件是上级转送、交办来的、不属于本机关职权的事项：应向转交办机关提出异议，出具异议函（objection），经其核实同意后交还材料，不向信访人出具不予受理告知书（《信访工作条例》第二十三条第三款）"
        }
        Missing::Objection => {
            "异议函只用于上级转送、交办来而不属于本机关职权范围、已按“不属于本机关”不予受理的事项（《信访工作条例》第二十三条第三款）"
        }
    }
}

/// How to supply it, in English.
fn remedy_en(m: Missing) -> &'static str {
    match m {
        Missing::Acceptance => "the case is not accepted: register it as accepted first",
        Missing::DeclineDecision => "only a declined case gets this notice",
        Missing::Addressee => {
            "an anonymous or unnamed petitioner cannot be notified in writing (Art 23)"
        }
        Missing::HandlingRoute => "set the handling type or assign a department first",
        Missing::DueDate => "the policy has no handling clock (handle)",
        Missing::DeclineRoute => "state in the decision where the petitioner should go instead",
        Missing::TransferTarget => "the case was neither passed on nor assigned",
        Missing::Extension => "no extension was granted (Art 34)",
        Missing::ExtensionReason => "the petitioner must be told why (Art 34)",
        Missing::Supervision => "no supervision was ordered",
        Missing::SupervisedUnit => "the case is not assigned",
        Missing::Reminder => "no reminder was given",
        Missing::NoFurther => "record the request as not accepted again with l first (Art 36(3))",
        Missing::Request => "no request was recorded at intake (Art 32)",
        Missing::Facts => "no approved opinion or reply text yet (Art 32)",
        Missing::Outcome => "record the reply with its outcome first (Art 32)",
        Missing::Basis => "give the basis (--basis, or basis in apply) (Art 32)",
        Missing::ReviewOrgan => {
            "a leader fills in the review body (the office one level up) in the office letterhead: o in people and departments (p); or pass --review-organ (Art 35)"
        }
        Missing::Reply => "the case has not been replied to yet",
        Missing::Archived => "archive the case first",
        Missing::OfficeName => {
            "a leader sets the office letterhead first: o in people and departments (p), or apply {\"op\":\"office\",\"name\":\"…\"}"
        }
        Missing::KeyFlag => "no petitioner of the case is flagged by a leader as a key petitioner",
        Missing::Unit => {
            "the case is not assigned: assign it (a), or give the unit with notice --to (never the accused unit by default: Art 30 §3)"
        }
        Missing::Advice => "write the suggestion: --advice, or advice in apply (Art 40)",
        Missing::ObjectionInstead => {
            "the item was passed down and is not this office's: object to the body that passed it with an objection letter (objection), and return the papers once it agrees; no notice goes to the petitioner (Art 23 ¶3)"
        }
        Missing::Objection => {
            "an objection letter is only for an item passed down and declined as not this office's (Art 23 ¶3)"
        }
    }
}

/// "不能出具受理告知书：缺少处理途径。…"
pub fn incomplete(lang: Lang, k: DocKind, m: Missing) -> String {
    let (what, how) = missing(lang, m);
    match lang {
        Lang::Zh => format!("不能出具{}：缺少{what}。{how}", k.title()),
        Lang::En => format!(
            "cannot issue the {}: {what} is missing; {how}",
            kind(lang, k)
        ),
    }
}

/// A kind typed on the command line that is none of ours.
pub fn unknown_kind(lang: Lang, typed: &str) -> String {
    let codes: Vec<String> = DocKind::ALL
        .iter()
        .map(|k| format!("{} {}", k.code(), k.title()))
        .collect();
    match lang {
        Lang::Zh => format!("没有「{typed}」这种文书；可选：{}", codes.join("、")),
        Lang::En => format!("no document kind '{typed}'; one of: {}", codes.join(", ")),
    }
}

/// What the desk and the command line say once a document is out.
pub fn issued(lang: Lang, number: &str, path: Option<&str>) -> String {
    match (lang, path) {
        (Lang::Zh, Some(p)) => format!("已出具 {number}，写入 {p}"),
        (Lang::Zh, None) => format!("已出具 {number}"),
        (Lang::En, Some(p)) => format!("issued {number}, written to {p}"),
        (Lang::En, None) => format!("issued {number}"),
    }
}

pub fn reprinted(lang: Lang, number: &str, path: &str) -> String {
    match lang {
        Lang::Zh => format!("已重印 {number}（与出具时文字相同），写入 {path}"),
        Lang::En => format!("reprinted {number} (the text as issued), written to {path}"),
    }
}

pub fn printed(lang: Lang, printer_note: &str) -> String {
    match lang {
        Lang::Zh => format!("；已送打印机 {printer_note}"),
        Lang::En => format!("; sent to the printer {printer_note}"),
    }
}

pub fn print_failed(lang: Lang, why: &crate::documents::PrintFailure) -> String {
    use crate::documents::PrintFailure as F;
    match (lang, why) {
        (Lang::Zh, F::NoCommand(cmd)) => format!(
            "；打印未成功：本机没有打印命令 {cmd}（未安装打印服务 CUPS？请系统管理员安装并添加打印机），文书已保存，可另行打印"
        ),
        (Lang::En, F::NoCommand(cmd)) => format!(
            "; printing failed: this PC has no print command {cmd} (CUPS not installed? ask whoever keeps the PC to install it and add the printer); the document is saved and can be printed otherwise"
        ),
        (Lang::Zh, F::Refused(said)) => format!("；打印未成功：{said}"),
        (Lang::En, F::Refused(said)) => format!("; printing failed: {said}"),
    }
}

/// A template that does not compile or render.
pub fn template_error(lang: Lang, detail: &str) -> String {
    match lang {
        Lang::Zh => format!("文书无法生成：{detail}"),
        Lang::En => format!("the document cannot be made: {detail}"),
    }
}

/// The electronic seal's file could not be used: the setting, the file and why, in both
/// languages (the renderer does not know the desk's).
pub fn seal_image_error(path: &str, why: &str) -> String {
    format!(
        "电子印章图片（单位信息 seal_image）无法使用 / electronic seal image (office profile seal_image) unusable: {path}: {why}"
    )
}

/// The picker and preview on the case screen.
pub struct Screen {
    pub pick_title: &'static str,
    pub preview_title: &'static str,
    pub pick_hint: &'static str,
    pub preview_hint: &'static str,
    pub reprint_mark: &'static str,
    pub basis_label: &'static str,
    pub basis_hint: &'static str,
    pub advice_label: &'static str,
    pub advice_hint: &'static str,
}

pub fn screen(lang: Lang) -> &'static Screen {
    match lang {
        Lang::Zh => &Screen {
            pick_title: "出具文书",
            preview_title: "文书预览",
            pick_hint: "数字 1-9 直接预览  j/k 选择后 Enter 预览\nEsc 返回（预览后再按 Enter 才出具）",
            preview_hint: "Enter 出具并写入文件  j/k 滚动  Esc 返回",
            reprint_mark: "已出具，重印原文",
            basis_label: "处理意见的法律法规依据（第三十二条）：",
            basis_hint: "输入依据后 Enter 预览  Esc 返回",
            advice_label: "对承办单位改进工作的建议（第四十条）：",
            advice_hint: "输入建议后 Enter 预览  Esc 返回",
        },
        Lang::En => &Screen {
            pick_title: "Issue a document",
            preview_title: "Preview",
            pick_hint: "1-9 preview at once  j/k then Enter preview\nEsc back (issued only by Enter on the preview)",
            preview_hint: "Enter issue and write the file  j/k scroll  Esc back",
            reprint_mark: "issued: reprint as it was",
            basis_label: "The legal basis of the outcome (Art 32):",
            basis_hint: "type the basis, Enter preview  Esc back",
            advice_label: "The suggestion to the unit (Art 40):",
            advice_hint: "type the suggestion, Enter preview  Esc back",
        },
    }
}

/// `xinfang notice --help`.
pub fn about(lang: Lang) -> &'static str {
    lang.pick(
        "出具文书（告知书、转送交办单、督办单、催办单、信访处理意见书、办结报告、案卷、工作建议函等，种类见 KIND）；已出具的按原文重印",
        "issue a document (notices, pass-on sheet, supervision and reminder sheets, reply, closing report, case file, work suggestion letter…: see KIND); one already issued is reprinted as it was",
    )
}

pub fn arg_help(lang: Lang, id: &str) -> &'static str {
    match id {
        "basis" => lang.pick(
            "处理意见的法律法规依据（信访处理意见书必填，第三十二条）",
            "the legal basis of the outcome (required for the reply, Art 32)",
        ),
        "review_organ" => lang.pick(
            "复查机关（默认取单位信息中的上一级机关）",
            "the review body (default: the office profile's)",
        ),
        "again" => lang.pick(
            "已出具过同种文书时重新出具（新文号），而不是重印原文",
            "issue anew (a new number) even when one of the kind was issued",
        ),
        "print" => lang.pick(
            "写入文件后用 lp 送单位设置的打印机",
            "send the file written to the office's printer with lp",
        ),
        "to" => lang.pick(
            "工作建议函、预警稳控提醒函的主送单位（默认为承办部门）",
            "the unit a work suggestion or early-warning letter goes to (default: the assigned department)",
        ),
        "advice" => lang.pick("工作建议函的建议内容", "the suggestion a work suggestion letter makes"),
        _ => "",
    }
}

/// The letterhead form's title (its fields' labels: `form::label`).
pub fn office_title(lang: Lang) -> &'static str {
    lang.pick("单位信息（文书抬头）", "Office letterhead (documents)")
}

/// `notice` without `--as`.
pub fn needs_operator(lang: Lang) -> &'static str {
    lang.pick(
        "出具文书需要操作员：请加 --as 姓名",
        "issuing a document needs an operator: add --as NAME",
    )
}

pub fn no_printer(lang: Lang) -> &'static str {
    lang.pick(
        "未打印：尚未设置打印机。请领导在工作台按 p、再按 o 打开「单位信息」填写打印机，或 apply {\"op\":\"office\",\"printer\":\"打印机名\"}",
        "not printed: no printer is set. A leader sets it on the desk (p, then o: the office profile), or apply {\"op\":\"office\",\"printer\":\"NAME\"}",
    )
}

pub fn print_needs_out(lang: Lang) -> &'static str {
    lang.pick(
        "--print 需要同时给出 --out 文件",
        "--print needs --out FILE",
    )
}
