//! Names of the domain's values as the user reads them.

use super::Lang;
use crate::domain::deadline::ClockStatus;
use crate::domain::op::{Act, Op};
use crate::domain::policy::ClockRule;
use crate::domain::types::{
    Channel, DeclineGround, Level, Outcome, ResolveHow, Role, Satisfaction, ServiceMethod, State,
    SuperviseGround,
};

pub fn state(lang: Lang, s: State) -> &'static str {
    match s {
        State::Intake => lang.pick("待登记", "intake"),
        State::Registered => lang.pick("已登记", "registered"),
        State::Assigned => lang.pick("已交办", "assigned"),
        State::Replied => lang.pick("已答复", "replied"),
        State::Archived => lang.pick("已归档", "archived"),
    }
}

pub fn channel(lang: Lang, c: Channel) -> &'static str {
    match c {
        Channel::Visit => lang.pick("来访", "visit"),
        Channel::Letter => lang.pick("来信", "letter"),
        Channel::Phone => lang.pick("来电", "phone"),
        Channel::Email => lang.pick("电子邮件", "e-mail"),
        Channel::Online => lang.pick("网上信访", "online"),
        Channel::Referral => lang.pick("上级转交办", "referral"),
    }
}

/// The channel in a list column: two characters in Chinese.
pub fn channel_short(lang: Lang, c: Channel) -> &'static str {
    match c {
        Channel::Email => lang.pick("邮件", "e-mail"),
        Channel::Online => lang.pick("网上", "online"),
        Channel::Referral => lang.pick("交办", "referral"),
        Channel::Visit | Channel::Letter | Channel::Phone => channel(lang, c),
    }
}

pub fn sex(lang: Lang, s: crate::domain::identity::Sex) -> &'static str {
    use crate::domain::identity::Sex;
    match s {
        Sex::Male => lang.pick("男", "male"),
        Sex::Female => lang.pick("女", "female"),
    }
}

pub fn role(lang: Lang, r: Role) -> &'static str {
    match r {
        Role::Clerk => lang.pick("接待登记员", "clerk"),
        Role::Leader => lang.pick("领导", "leader"),
        Role::Handler => lang.pick("承办人", "handler"),
    }
}

/// The verb of each step, as used in "cannot …" messages.
pub fn step(lang: Lang, op: Op) -> &'static str {
    match op {
        Op::Intake => lang.pick("接待录入", "take in"),
        Op::Register => lang.pick("登记受理", "register"),
        Op::Assign => lang.pick("交办", "assign"),
        Op::Recuse => lang.pick("回避", "recuse"),
        Op::Opinion => lang.pick("提出处理意见", "give the opinion"),
        Op::Instruct => lang.pick("批示", "instruct"),
        Op::Sign => lang.pick("阅批", "sign"),
        Op::Extend => lang.pick("延期", "extend"),
        Op::Supervise => lang.pick("督办", "supervise"),
        Op::Reply => lang.pick("答复", "reply"),
        Op::ReturnVisit => lang.pick("回访", "return visit"),
        Op::Archive => lang.pick("归档", "archive"),
        Op::Review => lang.pick("复查", "review"),
        Op::Attach => lang.pick("重复件", "repeat item"),
        Op::Own => lang.pick("包案", "take ownership"),
        Op::AskExtension => lang.pick("申请延期", "ask for the extension"),
        Op::RefuseExtension => lang.pick("不同意延期", "refuse the extension"),
        Op::ReportBack => lang.pick("报送办结报告", "send the report back"),
        Op::Remind => lang.pick("催办", "remind"),
        Op::Resolve => lang.pick("化解息访", "resolve"),
        Op::Issue => lang.pick("出具文书", "issue a document"),
        Op::Unmask => lang.pick(
            "准许承办人查看信访人信息",
            "let the handler see the petitioners",
        ),
        Op::Hearing => lang.pick("听证", "hold a hearing"),
        Op::NoFurther => lang.pick("不再受理", "refuse as not accepted again"),
        Op::Terminate => lang.pick("终结", "close for good"),
        Op::ReportReceived => lang.pick("收到办结报告", "record the report received"),
        Op::Undo => lang.pick("撤销", "undo"),
        Op::Correct => lang.pick("更正登记信息", "correct the record"),
        Op::AttachFile => lang.pick("添加附件", "attach a file"),
        Op::DetachFile => lang.pick("移除附件", "remove an attachment"),
    }
}

/// How far up the review chain a case is (Art 35–36).
pub fn level(lang: Lang, level: Level) -> &'static str {
    match level {
        Level::First => lang.pick("初次办理", "first handling"),
        Level::Review => lang.pick("复查", "review"),
        Level::ReReview => lang.pick("复核", "re-review"),
    }
}

/// The verb of anything an operator may be refused.
pub fn act(lang: Lang, act: Act) -> &'static str {
    match act {
        Act::Step(op) => step(lang, op),
        Act::Settings => lang.pick("修改人员和部门", "change people and departments"),
        Act::Schedule => lang.pick("排接待日", "schedule a reception day"),
        Act::Enter => lang.pick("代他人录入", "enter a record for another operator"),
        Act::Audit => lang.pick(
            "查看操作日志和人员",
            "read the office journal and operators",
        ),
        Act::Export => lang.pick("导出案件", "export cases"),
        Act::Reception => lang.pick("记录领导接待", "record a reception"),
    }
}

/// The verb for an op code read back as text (journal rows); a code this
/// version does not know reads as "act".
pub fn op(lang: Lang, code: &str) -> &'static str {
    match Act::from_code(code) {
        Some(a) => act(lang, a),
        None => lang.pick("操作", "act"),
    }
}

/// A case's state in a list: a matter 终结'd after 复核 says so, whatever step it is at.
pub fn case_state(lang: Lang, c: &crate::domain::case::Case) -> &'static str {
    match c.terminated {
        Some(_) => lang.pick("已终结", "closed for good"),
        None => state(lang, c.state),
    }
}

/// Entered by someone other than who acted (a leader typing in a paper record): both are
/// shown in the timeline. Empty otherwise.
pub fn entered_by(lang: Lang, actor: &str, by: Option<&str>) -> String {
    match by.filter(|by| *by != actor) {
        Some(by) => match lang {
            Lang::Zh => format!("  （{by}代录）"),
            Lang::En => format!("  (entered by {by})"),
        },
        None => String::new(),
    }
}

/// A timeline event's verb: the `review` that opened a case names its level (a 复核 request
/// is not a 复查, Art 35–36).
pub fn event_op(lang: Lang, code: &str, case: &crate::domain::case::Case) -> &'static str {
    if Op::Review != code {
        return op(lang, code);
    }
    match case.level() {
        Level::First => op(lang, code),
        Level::Review => lang.pick("复查申请", "review requested"),
        Level::ReReview => lang.pick("复核申请", "re-review requested"),
    }
}

pub fn decline_ground(lang: Lang, g: DeclineGround) -> &'static str {
    match g {
        DeclineGround::OtherOrgan => lang.pick(
            "属于人大、法院、检察院职权范围",
            "for the people's congress, a court or the procuratorate",
        ),
        DeclineGround::LegalProcedure => lang.pick(
            "应当通过诉讼、仲裁、行政复议等法定途径解决",
            "to be settled by litigation, arbitration or administrative review",
        ),
        DeclineGround::InProgress => {
            lang.pick("已经受理或者正在办理", "already accepted or in progress")
        }
        DeclineGround::WindowMissed => lang.pick("超过复查、复核请求期限", "review window missed"),
        DeclineGround::FinalAfterReReview => lang.pick(
            "复核后仍以同一事实和理由提出，不再受理",
            "same facts and reasons after re-review: not accepted again",
        ),
        DeclineGround::NotCompetent => lang.pick(
            "不属于本机关、单位职权范围",
            "not within this office's remit",
        ),
    }
}

pub fn outcome(lang: Lang, o: Outcome) -> &'static str {
    match o {
        Outcome::Support => lang.pick("予以支持", "supported"),
        Outcome::Explain => lang.pick("解释说明", "explained"),
        Outcome::Reject => lang.pick("不予支持", "not supported"),
    }
}

pub fn service(lang: Lang, m: ServiceMethod) -> &'static str {
    match m {
        ServiceMethod::InPerson => lang.pick("当面送达", "in person"),
        ServiceMethod::Post => lang.pick("邮寄送达", "by post"),
        ServiceMethod::Other => lang.pick("其他方式", "other"),
    }
}

pub fn satisfaction(lang: Lang, s: Satisfaction) -> &'static str {
    match s {
        Satisfaction::Satisfied => lang.pick("满意", "satisfied"),
        Satisfaction::Basic => lang.pick("基本满意", "basically satisfied"),
        Satisfaction::Unsatisfied => lang.pick("不满意", "unsatisfied"),
    }
}

pub fn supervise_ground(lang: Lang, g: SuperviseGround) -> &'static str {
    match g {
        SuperviseGround::Overdue => lang.pick("逾期未办结", "overdue"),
        SuperviseGround::Delay => lang.pick("推诿拖延", "delay"),
        SuperviseGround::Quality => lang.pick("处理不当", "poor handling"),
        SuperviseGround::Repeat => lang.pick("重复信访", "repeat petition"),
        SuperviseGround::Leader => lang.pick("领导交办", "leader's order"),
        SuperviseGround::Other => lang.pick("其他", "other"),
    }
}

/// A clock's state in words: days left (and due soon), days overdue, met,
/// late, or a window's days left / closed.
pub fn clock_status(lang: Lang, status: &ClockStatus) -> String {
    let zh = lang == Lang::Zh;
    match status {
        ClockStatus::Running {
            days_left,
            overdue: true,
            ..
        } => {
            if zh {
                format!("超期{}日", -days_left)
            } else {
                format!("{} days overdue", -days_left)
            }
        }
        ClockStatus::Running {
            days_left,
            due_soon,
            ..
        } => {
            let soon = if *due_soon {
                lang.pick("（临期）", " (due soon)")
            } else {
                ""
            };
            if zh {
                format!("剩{days_left}日{soon}")
            } else {
                format!("{days_left} days left{soon}")
            }
        }
        ClockStatus::Met { done } => {
            if zh {
                format!("{done} 按期完成")
            } else {
                format!("met on {done}")
            }
        }
        ClockStatus::Late { done, days_late } => {
            if zh {
                format!("{done} 完成，超期{days_late}日")
            } else {
                format!("done {done}, {days_late} days late")
            }
        }
        // Art 23 第二款: decided in time, the written notice late.
        ClockStatus::NoticeLate {
            done,
            notified,
            days_late,
        } => {
            if zh {
                format!("{done} 决定，书面告知逾期{days_late}日（{notified}告知）")
            } else {
                format!("decided {done}, written notice {days_late} days late ({notified})")
            }
        }
        ClockStatus::Window { days_left, closed } => {
            if *closed {
                lang.pick("已届满", "closed").to_owned()
            } else if zh {
                format!("剩{days_left}日")
            } else {
                format!("{days_left} days left")
            }
        }
    }
}

/// As [`clock_status`], for `case`'s clock under `rule`: a decision in time on the clock a
/// written notice stops, with no notice recorded, says so rather than 按期完成 (Art 23 第二款:
/// the notice is owed as well; the decision alone is what 及时受理 counts).
pub fn case_clock_status(
    lang: Lang,
    case: &crate::domain::case::Case,
    rule: Option<&ClockRule>,
    status: &ClockStatus,
) -> String {
    let notice_clock = rule.is_some_and(|r| r.stop == crate::domain::policy::ClockStop::Notified);
    match status {
        ClockStatus::Met { done } if notice_clock && case.notice_unrecorded() => match lang {
            Lang::Zh => format!("{done} 按期决定，未记录书面告知"),
            Lang::En => format!("decided in time on {done}; no written notice recorded"),
        },
        other => clock_status(lang, other),
    }
}

/// A clock's name, from the policy (an office may rename its clocks).
pub fn clock_name(lang: Lang, rule: &ClockRule) -> &str {
    match lang {
        Lang::Zh => &rule.label_zh,
        Lang::En => &rule.label_en,
    }
}

/// What an extension past the superior's date (Art 22 (三)) carries with it, on the case
/// and beside its event in the timeline.
pub fn past_superior(lang: Lang, superior: chrono::NaiveDate) -> String {
    if lang == Lang::Zh {
        format!("超过上级要求办结日期{superior}，须经交办机关同意")
    } else {
        format!("past the superior's date {superior}: the superior must agree")
    }
}

/// 催办 on a case: how many times, and the latest (to whom, about what, answer by when).
pub fn reminders(lang: Lang, count: usize, latest: &crate::domain::case::Reminder) -> String {
    let (to, ground, by) = (&latest.to, &latest.ground, latest.reply_by);
    if lang == Lang::Zh {
        format!("{count}次，最近：{to} {ground}（反馈期限 {by}）")
    } else {
        format!("{count} time(s); latest: {to} {ground} (answer by {by})")
    }
}

/// A timeline row's remark: the extension that went past the superior's date says so.
pub fn event_note(
    lang: Lang,
    op: &str,
    command: &serde_json::Value,
    change: (Option<&serde_json::Value>, &serde_json::Value),
    case: &crate::domain::case::Case,
) -> Option<String> {
    // A file's event names the file (its name is in the journal, its bytes never are).
    if op == Op::AttachFile {
        return command["name"].as_str().map(|n| format!("「{n}」"));
    }
    if op == Op::DetachFile {
        let (n, reason) = (command["n"].as_u64()?, command["reason"].as_str()?);
        return Some(match lang {
            Lang::Zh => format!("第{n}个附件：{reason}"),
            Lang::En => format!("file {n}: {reason}"),
        });
    }
    // 更正 says what it changed, as the journal has it, and why.
    if op == Op::Correct {
        let reason = command["reason"].as_str()?;
        let what = super::corrected::changes(lang, change.0, change.1);
        return Some(match lang {
            Lang::Zh => format!("{what}  理由：{reason}"),
            Lang::En => format!("{what}  why: {reason}"),
        });
    }
    let superior = case.extension.as_ref()?.past_superior_due?;
    (op == Op::Extend).then(|| past_superior(lang, superior))
}

/// How a matter was resolved (化解/息访, Art 37).
pub fn resolve_how(lang: Lang, h: ResolveHow) -> &'static str {
    match h {
        ResolveHow::Mediation => lang.pick("调解", "mediation"),
        ResolveHow::Agreement => lang.pick("和解协议", "agreement"),
        ResolveHow::Undertaking => lang.pick("息诉罢访承诺", "undertaking to end the petition"),
        ResolveHow::Aid => lang.pick("帮扶救助", "assistance"),
        ResolveHow::Guidance => lang.pick("疏导教育", "guidance"),
    }
}

/// 化解 on a case: how many times, and the latest (how, on which day, what).
pub fn resolutions(lang: Lang, count: usize, latest: &crate::domain::case::Resolution) -> String {
    let (how, on, text) = (
        resolve_how(lang, latest.how),
        latest.resolved_on,
        &latest.text,
    );
    if lang == Lang::Zh {
        format!("{count}次，最近：{on} {how} {text}")
    } else {
        format!("{count} time(s); latest: {on} {how} {text}")
    }
}

/// Why a clock's due date is later than its count alone (Art 36 第二款: the hearing's days).
pub fn paused_note(lang: Lang, days: u32) -> String {
    if lang == Lang::Zh {
        format!("听证 {days} 日不计（《信访工作条例》第三十六条第二款）")
    } else {
        format!("hearing: {days} day(s) not counted (Art 36(2))")
    }
}

/// A hearing on a case: its days, who took part, what it concluded.
pub fn hearing(lang: Lang, h: &crate::domain::case::Hearing) -> String {
    let days = if h.from == h.to {
        h.from.to_string()
    } else {
        format!("{}～{}", h.from, h.to)
    };
    if lang == Lang::Zh {
        format!("{days}，参加人：{}；结论：{}", h.participants, h.conclusion)
    } else {
        format!(
            "{days}; participants: {}; conclusion: {}",
            h.participants, h.conclusion
        )
    }
}

/// A request refused as 不再受理 (Art 36 第三款): when it came, what it asked.
pub fn no_further(lang: Lang, n: &crate::domain::case::NoFurther) -> String {
    if lang == Lang::Zh {
        format!("{}收到：{}（第三十六条第三款）", n.received_on, n.text)
    } else {
        format!("received {}: {} (Art 36(3))", n.received_on, n.text)
    }
}

/// 终结: by whom and when, with its note.
pub fn terminated(lang: Lang, t: &crate::domain::case::Termination) -> String {
    let day = t.stamp.at.format("%Y-%m-%d");
    let note = if t.note.is_empty() {
        String::new()
    } else {
        format!("（{}）", t.note)
    };
    if lang == Lang::Zh {
        format!(
            "{day}由{}终结{note}；同一事实和理由再提出的，不再受理",
            t.stamp.by
        )
    } else {
        format!(
            "closed for good on {day} by {}{note}; the same facts and reasons are not accepted again",
            t.stamp.by
        )
    }
}

/// An item this office 交办'd (Art 22 (三)): to whom, by when the 办结报告 is due (the
/// `outbound` clock's due date: the date set, else counted), marked provisional in a year
/// without an official holiday table as every due date is, and whether it came back. None for
/// any other case.
pub fn outbound(
    lang: Lang,
    case: &crate::domain::case::Case,
    clock: Option<&crate::domain::deadline::ClockView>,
) -> Option<String> {
    let d = case.decision.as_ref()?;
    let crate::domain::types::Decision::PassOn { to, .. } = &d.decision else {
        return None;
    };
    d.decision.reports_back()?;
    let zh = lang == Lang::Zh;
    let due = clock.map(|k| {
        let mark = match (k.uncovered_years.is_empty(), zh) {
            (true, _) => "",
            (false, true) => "（暂定）",
            (false, false) => " (provisional)",
        };
        format!("{}{mark}", k.due)
    });
    let mut s = match (due, zh) {
        (Some(due), true) => format!("交办{to}，办结报告期限 {due}"),
        (Some(due), false) => format!("assigned to {to}, report due {due}"),
        (None, true) => format!("交办{to}"),
        (None, false) => format!("assigned to {to}"),
    };
    match (&case.report_received, zh) {
        (Some(r), true) => s.push_str(&format!("；{} 收到：{}", r.received_on, r.summary)),
        (Some(r), false) => s.push_str(&format!("; received {}: {}", r.received_on, r.summary)),
        (None, true) => s.push_str("；办结报告未收到"),
        (None, false) => s.push_str("; report not received"),
    }
    Some(s)
}

/// What stands for a confidential case's petitioners before its handler (2022 Art 30).
pub fn masked(lang: Lang) -> &'static str {
    lang.pick("（保密）", "(confidential)")
}

/// The text of a 督办 imported on the ground 逾期未办结 (kept as 其他, `import::plan`): the
/// register's words, as the ledger keeps them.
pub fn imported_overdue_supervision() -> String {
    "原登记簿记为：逾期未办结".to_owned()
}
