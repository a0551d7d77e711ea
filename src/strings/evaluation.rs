//! 评查: its refusals and the by-unit table's words.

use super::Lang;
use crate::domain::evaluation::{EvaluationError, ITEM_MAX};

pub fn error(lang: Lang, e: &EvaluationError) -> String {
    use EvaluationError as E;
    let zh = lang == Lang::Zh;
    match e {
        E::NotLeader(n) => {
            if zh {
                format!("「{n}」不是在岗领导：评查由领导进行")
            } else {
                format!("'{n}' is not an active leader: leaders evaluate cases")
            }
        }
        E::NotClosed => lang
            .pick(
                "案件尚未办结（答复或归档后方可评查）",
                "the case is not closed: evaluate it once answered or archived",
            )
            .to_owned(),
        E::UnknownItem(i) => {
            if zh {
                format!("评查清单中没有「{i}」")
            } else {
                format!("'{i}' is not on the checklist")
            }
        }
        E::Twice(i) => {
            if zh {
                format!("「{i}」评了两次")
            } else {
                format!("'{i}' is scored twice")
            }
        }
        E::Missing(i) => {
            if zh {
                format!("「{i}」未评分（清单每项都要评）")
            } else {
                format!("'{i}' is not scored (score every item of the checklist)")
            }
        }
        E::TooHigh { item, score } => {
            if zh {
                format!("「{item}」{score} 分超过满分 {ITEM_MAX} 分")
            } else {
                format!("'{item}' scores {score}, above the most, {ITEM_MAX}")
            }
        }
    }
}

/// The by-unit table's title and headings.
pub fn title(lang: Lang) -> &'static str {
    lang.pick("评查结果（按承办单位）", "evaluations by unit")
}

pub fn headings(lang: Lang) -> [&'static str; 4] {
    [
        lang.pick("承办单位", "unit"),
        lang.pick("评查件数", "cases"),
        lang.pick("平均分", "average"),
        lang.pick("合格件数", "passed"),
    ]
}

/// A case with no unit.
pub fn no_unit(lang: Lang) -> &'static str {
    lang.pick("（未交办）", "(no unit)")
}

/// `evaluation`, `firsttime` and their subcommands' one-line help.
pub fn about(lang: Lang, name: &str) -> &'static str {
    match name {
        "evaluation" => lang.pick(
            "评查：领导按清单给已办结案件评分，按承办单位汇总",
            "evaluations: a leader scores a closed case against the checklist, by unit",
        ),
        "evaluation score" => lang.pick(
            "给已办结案件评分（清单每项 0–10 分）",
            "score a closed case (each checklist item 0–10)",
        ),
        "evaluation list" => lang.pick(
            "列出某期的评查及按单位的结果",
            "list a period's evaluations and the results by unit",
        ),
        "firsttime" => lang.pick(
            "初信初访闭环清单：未办结的初次信访、承办人、包案领导、期限",
            "first-time items still open: handler, owning leader, due date",
        ),
        _ => super::backlog::about(lang, name),
    }
}

pub fn arg_help(lang: Lang, id: &str) -> &'static str {
    match id {
        "evaluation_case" => lang.pick("案件编号或内部序号", "the case number or id"),
        "item" => lang.pick(
            "评查项目=分数（0–10，每项一次）",
            "NAME=SCORE (0–10, once per item)",
        ),
        "evaluation_note" => lang.pick("评查意见", "a note"),
        "remove" => lang.pick(
            "撤销第 N 号重点信访人标记（领导，须写明理由）",
            "take key petitioner flag N off (a leader, with --reason)",
        ),
        "flag_reason" => lang.pick("撤销理由", "why it is taken off"),
        "new_case" => lang.pick(
            "按正常登记新建信访件并与排查条目互相关联",
            "make a new case through the ordinary intake, linked both ways",
        ),
        "new_case_category" => lang.pick("新建信访件的问题分类", "the new case's category"),
        "found_on" => lang.pick("发现日期（默认今天）", "the day found (default today)"),
        "found_by" => lang.pick("发现人", "who found it"),
        "screening_unit" => lang.pick("排查单位", "the unit that screened it"),
        "place" => lang.pick("地点", "where"),
        "party" => lang.pick("当事人（可多次给出）", "a party (repeat the flag)"),
        "screening_kind" => lang.pick("类型代码", "its kind (code)"),
        "screening_risk" => lang.pick("风险等级代码", "its risk level (code)"),
        "screening_summary" => lang.pick("主要情况", "what it is about"),
        "screening_responsible" => lang.pick("责任单位", "the responsible unit"),
        "add_leader" => lang.pick("包案领导", "the owning leader"),
        "add_deadline" => lang.pick("化解时限", "the deadline to resolve it"),
        "evaluation_period" => lang.pick("期间（如 month、2026-11）", "period (month, 2026-11…)"),
        _ => super::backlog::arg_help(lang, id),
    }
}
