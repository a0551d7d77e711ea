//! 积案: its grounds, refusals, the 《信访积案排查登记表》's headings and the CLI's help.

use super::Lang;
use crate::domain::backlog::{BacklogError, BacklogGround};

pub fn ground(lang: Lang, g: BacklogGround) -> &'static str {
    match g {
        BacklogGround::Overdue => lang.pick("超期未办结", "long overdue"),
        BacklogGround::Repeats => lang.pick("多次重复信访", "repeated petitions"),
        BacklogGround::Marked => lang.pick("领导认定", "marked by a leader"),
    }
}

/// Why a case is 积案, every ground, as the list and the case screen say it.
pub fn grounds(lang: Lang, gs: &[BacklogGround]) -> String {
    let words: Vec<&str> = gs.iter().map(|g| ground(lang, *g)).collect();
    words.join(lang.pick("、", ", "))
}

pub fn error(lang: Lang, e: &BacklogError) -> String {
    let pick = |zh: String, en: String| if lang == Lang::Zh { zh } else { en };
    match e {
        BacklogError::NotLeader(n) => pick(
            format!("「{n}」不是在岗领导：积案认定和包案由领导负责"),
            format!("'{n}' is not an active leader: marking and owning 积案 are a leader's"),
        ),
        BacklogError::NotBacklog => pick(
            "该件不是积案：请先由领导认定（backlog mark）".to_owned(),
            "this case is not 积案: a leader marks it first (backlog mark)".to_owned(),
        ),
        BacklogError::AlreadyMarked => pick(
            "该件已认定为积案".to_owned(),
            "this case is already marked 积案".to_owned(),
        ),
        BacklogError::Empty(f) => pick(format!("请填写 {f}"), format!("{f} is empty")),
        BacklogError::Accused(n) => pick(
            format!(
                "「{n}」为本件被反映人或其所在单位人员，应当回避（《信访工作条例》第二十八条、第三十条）"
            ),
            format!(
                "'{n}' is accused by this case and must step aside (2022 Regulation Art 28, 30)"
            ),
        ),
        BacklogError::Unknown(n) => pick(
            format!("没有名为「{n}」的操作员"),
            format!("no operator named '{n}'"),
        ),
        BacklogError::FutureMeeting(d) => pick(
            format!("会商日期 {d} 晚于今天：会商召开后再登记，日期写召开那天"),
            format!("the meeting date {d} is after today: record a meeting once held, on its day"),
        ),
    }
}

pub fn title(lang: Lang) -> &'static str {
    lang.pick("信访积案排查登记表", "Backlog cases register")
}

pub fn heads(lang: Lang) -> [&'static str; 11] {
    [
        lang.pick("序号", "No."),
        lang.pick("案件编号", "case"),
        lang.pick("信访人", "petitioner"),
        lang.pick("主要问题", "summary"),
        lang.pick("承办部门", "department"),
        lang.pick("包案领导", "owning leader"),
        lang.pick("专班成员", "team"),
        lang.pick("积案原因", "grounds"),
        lang.pick("会商", "consultations"),
        lang.pick("化解进展", "progress"),
        lang.pick("办理状态", "state"),
    ]
}

/// `backlog` and its subcommands' one-line help ("" for another name).
pub fn about(lang: Lang, name: &str) -> &'static str {
    match name {
        "flags" => lang.pick(
            "重点信访人名单（领导和登记员可见）",
            "key petitioners (leaders and clerks only)",
        ),
        "backlog" => lang.pick(
            "积案：认定、包案、专班、会商、化解进展、登记表",
            "backlog cases: mark, owning leader, team, consultations, progress, register",
        ),
        "backlog list" => lang.pick(
            "列出积案（按规则认定的和领导认定的）",
            "list the backlog cases (by the office's rule and by a leader's mark)",
        ),
        "backlog mark" => lang.pick(
            "领导认定为积案（写明理由）",
            "a leader marks the case 积案 (say why)",
        ),
        "backlog leader" => lang.pick("指定积案的包案领导", "name the 积案's owning leader"),
        "backlog team" => lang.pick("组建专班（成员）", "set its team (专班)"),
        "backlog meeting" => lang.pick(
            "登记会商（日期、参加人、结论）",
            "record a consultation (date, participants, conclusion)",
        ),
        "backlog progress" => lang.pick("登记化解进展", "record progress"),
        "backlog sheet" => lang.pick(
            "《信访积案排查登记表》（HTML 或 XLSX）",
            "the backlog register (HTML or XLSX)",
        ),
        _ => super::screening::about(lang, name),
    }
}

pub fn arg_help(lang: Lang, id: &str) -> &'static str {
    match id {
        "backlog_case" => lang.pick("案件编号或内部序号", "the case number or id"),
        "reason" => lang.pick("认定理由", "why"),
        "backlog_name" => lang.pick("包案领导姓名", "the leader's name"),
        "member" => lang.pick("专班成员（可多次给出）", "a team member (repeat the flag)"),
        "participant" => lang.pick(
            "会商参加人（可多次给出）",
            "a participant (repeat the flag)",
        ),
        "conclusion" => lang.pick("会商结论", "what was concluded"),
        "backlog_format" => lang.pick("格式：html 或 xlsx", "format: html or xlsx"),
        _ => super::screening::arg_help(lang, id),
    }
}

pub fn flag(lang: Lang, f: crate::domain::flags::KeyFlag) -> &'static str {
    use crate::domain::flags::KeyFlag as K;
    match f {
        K::BeyondLevel => lang.pick("越级访", "bypassed levels"),
        K::Beijing => lang.pick("进京访", "petitioned in Beijing"),
        K::Threat => lang.pick("扬言", "threatened"),
        K::Extreme => lang.pick("极端行为倾向", "leaning to extreme acts"),
        K::Unstable => lang.pick("不稳定", "unstable"),
    }
}

pub fn flag_error(lang: Lang, e: &crate::domain::flags::FlagError) -> String {
    use crate::domain::flags::FlagError as E;
    match e {
        E::NotLeader(n) => {
            if lang == Lang::Zh {
                format!("「{n}」不是在岗领导：重点信访人由领导标记")
            } else {
                format!("'{n}' is not an active leader: leaders flag key petitioners")
            }
        }
        E::Empty(f) => {
            if lang == Lang::Zh {
                format!("请填写 {f}")
            } else {
                format!("{f} is empty")
            }
        }
        E::Unknown(no) => {
            if lang == Lang::Zh {
                format!("没有第 {no} 号重点信访人标记（或已撤销）")
            } else {
                format!("there is no key petitioner flag {no} (or it was removed)")
            }
        }
        E::NoKey => lang
            .pick(
                "请给出身份证号、电话或住址，以便来访时识别",
                "give an ID number, a phone or an address, so the person is known again",
            )
            .to_owned(),
    }
}

/// The warning at intake: this person is flagged.
pub fn flag_warning(lang: Lang, f: &crate::domain::flags::PersonFlag) -> String {
    if lang == Lang::Zh {
        format!(
            "重点信访人：{}（{}，{}，{}标记：{}）",
            f.name,
            flag(lang, f.flag),
            f.on,
            f.by,
            f.reason
        )
    } else {
        format!(
            "key petitioner: {} ({}, {} by {}: {})",
            f.name,
            flag(lang, f.flag),
            f.on,
            f.by,
            f.reason
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list of grounds is said alike, in the reader's language (the 积案 list used
    /// "/", the case screen "、" in English too).
    #[test]
    fn grounds_are_listed_in_the_reader_s_language() {
        let gs = [BacklogGround::Overdue, BacklogGround::Marked];
        assert_eq!(grounds(Lang::Zh, &gs), "超期未办结、领导认定");
        assert_eq!(grounds(Lang::En, &gs), "long overdue, marked by a leader");
    }
}
