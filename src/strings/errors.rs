//! Refusals in words: what is wrong and how to put it right.

use super::input::{self, field_zh};
use super::validation::{id_error, phone_error};
use super::{Lang, course, documents, labels};
use chrono::NaiveDate;

use crate::domain::error::{Field, WorkflowError as E};
use crate::domain::op::{Act, Op};
use crate::domain::types::{Role, State};

fn join_ops(lang: Lang, ops: &[Op]) -> String {
    let names: Vec<&str> = ops.iter().map(|o| labels::step(lang, *o)).collect();
    names.join(lang.pick("、", ", "))
}

fn join_roles(lang: Lang, roles: &[Role]) -> String {
    let names: Vec<&str> = roles.iter().map(|r| labels::role(lang, *r)).collect();
    names.join(lang.pick("或", " or "))
}

/// A refusal in words. Each kind of error is worded by its group below:
/// the case's course, what was recorded at intake, the assignment, and
/// the time limits.
pub fn workflow(lang: Lang, e: &E) -> String {
    match e {
        E::WrongState { op, state, allowed } => wrong_state(lang, *op, *state, allowed),
        E::RoleRequired {
            op,
            needed,
            actor,
            actual,
        } => role_required(lang, *op, needed, actor, *actual),
        E::InactiveOperator(name) => inactive(lang, name),
        E::NotAssignedHandler { op, assigned } => not_assigned(lang, *op, assigned),
        E::NotAccepted { op } => not_accepted(lang, *op),
        E::OpinionAwaitingInstruction => said(lang, OPINION_AWAITING),
        E::NoOpinionToInstruct => said(lang, NO_OPINION),
        E::NoApprovedOpinion => said(lang, NO_APPROVED_OPINION),
        E::OutcomeOnNotice => said(lang, OUTCOME_ON_NOTICE),
        E::NotOnTheSpot { channel } => not_on_the_spot(lang, *channel),
        E::OutOfTurn(turn) => course::refused(lang, turn),
        E::AlreadyVisited => said(lang, ALREADY_VISITED),
        E::AlreadyOwned => said(lang, ALREADY_OWNED),
        E::DocumentIncomplete { kind, missing } => documents::incomplete(lang, *kind, *missing),
        E::Undo(refusal) => super::undo::refusal(lang, refusal),
        E::MissingField { op, field } => missing_field(lang, *op, *field),
        E::BadIdNumber { index, error } => petitioner(lang, *index, &id_error(lang, error)),
        E::BadPhone { index, error } => petitioner(lang, *index, &phone_error(lang, error)),
        E::SeveralMainPetitioners => said(lang, SEVERAL_MAIN),
        E::NoPetitioner => said(lang, NO_PETITIONER),
        E::PeopleFewerThanNamed { people, named } => people_fewer(lang, *people, *named),
        E::UnknownCategory(c) => unknown_category(lang, c),
        E::ReceivedInFuture => said(lang, RECEIVED_IN_FUTURE),
        E::BadEmail { found } => bad_email(lang, found),
        E::PostmarkAfterReceipt { postmark, received } => {
            postmark_after(lang, *postmark, *received)
        }
        E::UnknownDepartment(d) => unknown_department(lang, d),
        E::UnknownOperator(n) => unknown_operator(lang, n),
        E::NotAHandler { name, role } => not_a_handler(lang, name, *role),
        E::NotALeader(n) => not_a_leader(lang, n),
        E::AccusedAssignee { assignee, target } => accused_assignee(lang, assignee, target),
        E::Recused { handler, reason } => recused(lang, handler, reason),
        E::AccusedParty { op, party, target } => accused_party(lang, *op, party, target),
        E::AttachAccusesAnother { target } => attach_accuses_another(lang, target),
        E::ExtensionAlreadyAsked => said(lang, EXTENSION_ALREADY_ASKED),
        E::NoExtensionAsked => said(lang, NO_EXTENSION_ASKED),
        E::AlreadyExtended => said(lang, ALREADY_EXTENDED),
        E::NoExtensionOnReview => said(lang, NO_EXTENSION_ON_REVIEW),
        E::AlreadyTerminated => said(lang, ALREADY_TERMINATED),
        E::ExtensionTooLong { asked, cap } => extension_too_long(lang, *asked, *cap),
        E::ExtensionAfterDue { due } => extension_after_due(lang, *due),
        E::DateTooEarly { date, earliest } => date_too_early(lang, *date, *earliest),
        E::DateBeforeToday { field, date, today } => before_today(lang, *field, *date, *today),
        E::NotOverdue => said(lang, NOT_OVERDUE),
        E::NothingToCorrect
        | E::ConfidentialStays
        | E::AccusedByLeader
        | E::AccusedHolds { .. } => super::corrected::refused(lang, e),
        E::TooLong {
            field,
            limit,
            found,
        } => input::too_long(lang, *field, *limit, *found),
        E::ControlCharacter { field, code } => input::control_character(lang, *field, *code),
        E::AheadOfClock { at, latest } => input::ahead_of_clock(lang, *at, *latest),
        E::DateTooLate { date, latest } => date_too_late(lang, *date, *latest),
        E::ReviewWindowClosed { due } => review_window_closed(lang, *due),
        E::ReReviewWindowClosed { due } => rereview_window_closed(lang, *due),
        E::NoFurtherReview => said(lang, NO_FURTHER_REVIEW),
        E::BeforeReceipt { op, date, received } => before_receipt(lang, *op, *date, *received),
        E::DateOutsideLedger { date, first, last } => outside_ledger(lang, *date, *first, *last),
        E::ServedBeforeReply { served, settled } => served_before_reply(lang, *served, *settled),
        E::AttachmentTooLarge {
            name,
            size,
            limit_mb,
        } => super::attachments::too_large(lang, name, *size, *limit_mb),
        E::AttachmentMismatch { name } => super::attachments::mismatch(lang, name),
        E::NoAttachment { n } => super::attachments::no_attachment(lang, *n),
    }
}

fn outside_ledger(lang: Lang, date: NaiveDate, first: i32, last: i32) -> String {
    if lang == Lang::Zh {
        format!("日期{date}超出台账允许的年份（{first}年至{last}年）：请核对日期")
    } else {
        format!("date {date} is outside the years {first}–{last} the ledger holds: check the date")
    }
}

/// A refusal that needs no details: (Chinese, English).
type Said = (&'static str, &'static str);

fn said(lang: Lang, (zh, en): Said) -> String {
    lang.pick(zh, en).to_owned()
}

// The case's course: state, role and the order of steps.

const OPINION_AWAITING: Said = (
    "上一份处理意见还在等待领导批示：请先批示",
    "the previous opinion still waits for the leader's instruction",
);
const NO_OPINION: Said = (
    "不能批示：没有待批示的处理意见，请先由承办人提出处理意见",
    "cannot instruct: no opinion is waiting; the handler gives one first",
);
const NO_APPROVED_OPINION: Said = (
    "不能答复：处理意见尚未经领导批示同意",
    "cannot reply: no approved opinion",
);
fn not_on_the_spot(lang: Lang, channel: crate::domain::types::Channel) -> String {
    let via = labels::channel(lang, channel);
    match lang {
        Lang::Zh => format!(
            "{via}的信访人不在现场，不能当场答复：请选择受理、不予受理或转送，再书面告知（第二十三条第二款）"
        ),
        Lang::En => format!(
            "the petitioner of a {via} is not there to be answered on the spot: accept, decline or pass it on, then tell them in writing (Art 23)"
        ),
    }
}

const OUTCOME_ON_NOTICE: Said = (
    "未受理或已转送的件只发告知，不填处理结果（支持/解释说明/不予支持）",
    "a notice of decline or pass-on carries no outcome: leave outcome out",
);
const ALREADY_VISITED: Said = ("本件已回访过", "the return visit is already recorded");
const ALREADY_OWNED: Said = (
    "本件已由你包案，无需再包",
    "you own this case already: nothing to take",
);

fn wrong_state(lang: Lang, op: Op, state: State, allowed: &[Op]) -> String {
    let zh = lang == Lang::Zh;
    let (verb, st) = (labels::step(lang, op), labels::state(lang, state));
    let next = if allowed.is_empty() {
        lang.pick("本件已办结，不能再变更", "the case is closed for good")
            .to_owned()
    } else if zh {
        format!("现在可以：{}", join_ops(lang, allowed))
    } else {
        format!("possible now: {}", join_ops(lang, allowed))
    };
    if zh {
        format!("不能{verb}：本件处于「{st}」状态；{next}")
    } else {
        format!("cannot {verb}: the case is {st}; {next}")
    }
}

fn role_required(lang: Lang, op: Act, needed: &[Role], actor: &str, actual: Role) -> String {
    let (verb, need, has) = (
        labels::act(lang, op),
        join_roles(lang, needed),
        labels::role(lang, actual),
    );
    if lang == Lang::Zh {
        format!("不能{verb}：需要{need}身份，{actor}是{has}")
    } else {
        format!("cannot {verb}: needs a {need}; {actor} is a {has}")
    }
}

fn inactive(lang: Lang, name: &str) -> String {
    if lang == Lang::Zh {
        format!("操作员{name}已停用：请换用在岗人员")
    } else {
        format!("operator {name} is inactive: act as someone in post")
    }
}

fn not_assigned(lang: Lang, op: Op, assigned: &str) -> String {
    let verb = labels::step(lang, op);
    if lang == Lang::Zh {
        format!("不能{verb}：只能由承办人{assigned}或领导办理")
    } else {
        format!("cannot {verb}: only the assigned handler {assigned} or a leader may")
    }
}

fn not_accepted(lang: Lang, op: Op) -> String {
    let verb = labels::step(lang, op);
    if lang == Lang::Zh {
        format!("不能{verb}：本件未受理")
    } else {
        format!("cannot {verb}: the case was not accepted")
    }
}

// What was recorded: required fields, petitioners, dates of receipt.

const SEVERAL_MAIN: Said = (
    "只能有一位主信访人：请只在一人上标记 main",
    "only one main petitioner: mark main on one person only",
);
const NO_PETITIONER: Said = (
    "请填写信访人（匿名件请勾选匿名）",
    "name a petitioner (or mark the item anonymous)",
);
const RECEIVED_IN_FUTURE: Said = (
    "收件时间晚于录入时间：请核对日期",
    "received after the time of entry: check the date",
);

fn missing_field(lang: Lang, op: Act, field: Field) -> String {
    let verb = labels::act(lang, op);
    if lang == Lang::Zh {
        format!("不能{verb}：缺少「{}」，请补填", field_zh(field))
    } else {
        format!("cannot {verb}: {field} is missing; fill it in")
    }
}

fn petitioner(lang: Lang, index: usize, msg: &str) -> String {
    if lang == Lang::Zh {
        format!("第{index}位信访人：{msg}")
    } else {
        format!("petitioner {index}: {msg}")
    }
}

fn people_fewer(lang: Lang, people: u32, named: usize) -> String {
    if lang == Lang::Zh {
        format!("人数{people}少于已登记的{named}位信访人：请改正人数")
    } else {
        format!("people ({people}) is fewer than the {named} petitioners named: correct the count")
    }
}

fn unknown_category(lang: Lang, c: &str) -> String {
    if lang == Lang::Zh {
        format!("问题分类「{c}」不在本单位分类表中：请从分类表中选择")
    } else {
        format!("category '{c}' is not in the office's list: pick one from the list")
    }
}

fn postmark_after(lang: Lang, postmark: NaiveDate, received: NaiveDate) -> String {
    if lang == Lang::Zh {
        format!("邮戳日期{postmark}晚于收信日期{received}：请核对")
    } else {
        format!("postmark {postmark} is after receipt {received}: check both dates")
    }
}

// The assignment: departments, handlers, confidentiality, recusal.

fn unknown_department(lang: Lang, d: &str) -> String {
    if lang == Lang::Zh {
        format!("没有名为「{d}」的承办部门：请先添加部门或核对名称")
    } else {
        format!("no department named '{d}': add it first or check the name")
    }
}

fn unknown_operator(lang: Lang, n: &str) -> String {
    if lang == Lang::Zh {
        format!("没有名为「{n}」的操作员：请先添加或核对姓名")
    } else {
        format!("no operator named '{n}': add them first or check the name")
    }
}

fn not_a_handler(lang: Lang, name: &str, role: Role) -> String {
    let r = labels::role(lang, role);
    if lang == Lang::Zh {
        format!("{name}（{r}）不能承办案件：请选择承办人或领导")
    } else {
        format!("{name} ({r}) cannot handle cases: pick a handler or a leader")
    }
}

fn not_a_leader(lang: Lang, n: &str) -> String {
    if lang == Lang::Zh {
        format!("{n}不是领导，不能包案")
    } else {
        format!("{n} is not a leader and cannot own the case")
    }
}

fn accused_assignee(lang: Lang, assignee: &str, target: &str) -> String {
    if lang == Lang::Zh {
        format!(
            "不能交由「{assignee}」承办或包案：本件反映的对象是「{target}」，检举控告材料不得转给被检举、揭发的人员或者单位（《信访工作条例》第三十条）。请交办其他部门、承办人或包案领导"
        )
    } else {
        format!(
            "'{assignee}' cannot handle or own the case: it accuses '{target}', and accusation material must never reach the accused (2022 Regulation Art 30). Choose another department, handler or owning leader"
        )
    }
}

fn accused_party(lang: Lang, act: Act, party: &str, target: &str) -> String {
    let what = super::labels::act(lang, act);
    if lang == Lang::Zh {
        format!(
            "不能{what}：本件反映的对象是「{target}」，「{party}」正是被检举、揭发的人员或者单位。检举控告材料不得透露或者转给被检举、揭发的人员或者单位（《信访工作条例》第三十条第三款），与信访事项有直接利害关系的应当回避（第二十八条第三款）。请交由其他领导或单位"
        )
    } else {
        format!(
            "cannot {what}: the case accuses '{target}', and '{party}' is the accused. Accusation material must never be disclosed or passed to the accused (2022 Regulation Art 30 §3), and whoever has a direct interest steps aside (Art 28 §3). Hand it to another leader or body"
        )
    }
}

fn attach_accuses_another(lang: Lang, target: &str) -> String {
    if lang == Lang::Zh {
        format!(
            "不能作为重复件归入本件：它反映的对象「{target}」不是本件的被反映单位或被反映人，归入后可能让其看到（《信访工作条例》第三十条第三款）。请作为新件登记"
        )
    } else {
        format!(
            "this item cannot join the case as a repeat: it accuses '{target}', whom the case does not, and joined it could reach them (Art 30 §3). Register it as a new case"
        )
    }
}

fn recused(lang: Lang, handler: &str, reason: &str) -> String {
    if lang == Lang::Zh {
        format!(
            "{handler}已回避（{reason}），不能承办本件（《信访工作条例》第二十八条）：请另选承办人"
        )
    } else {
        format!(
            "{handler} has stepped aside ({reason}) and may not handle this case (Art 28): pick another handler"
        )
    }
}

// Time limits: extensions, dates, the review window.

const EXTENSION_ALREADY_ASKED: Said = (
    "已申请延期，待领导审批：不能再次申请",
    "an extension was asked already and waits for a leader",
);
const NO_EXTENSION_ASKED: Said = (
    "没有待审批的延期申请",
    "no extension request waits for a decision",
);
const ALREADY_TERMINATED: Said = (
    "不能再次终结：本件已终结；之后以同一事实和理由提出的请求，按 l 记录不再受理",
    "cannot close it again: it is closed for good; record a later request with l (not accepted again)",
);

const NO_EXTENSION_ON_REVIEW: Said = (
    "不能延期：复查、复核应在30日内办结（《信访工作条例》第三十五条、第三十六条），第三十四条的延期只适用于初次办理",
    "cannot extend: a 复查 or 复核 is answered within 30 days (Art 35–36); Art 34's extension is for first handling only",
);

const NOT_OVERDUE: Said = (
    "本件没有已超过的期限，督办事由不能是「逾期未办结」：请选推诿拖延、处理不当等其他事由",
    "the case has no clock past due, so the ground cannot be 'overdue': choose another ground (delay, poor handling…)",
);

const ALREADY_EXTENDED: Said = (
    "不能再次延期：本件已批准延期。本台账每件只批一次延期，需要时在批准时一次给足（《信访工作条例》第三十四条：延长期限不得超过30日）",
    "cannot extend again: an extension was granted already; this ledger grants one a case, so give the days needed at once (Art 34: extended by 30 days at most)",
);

fn extension_too_long(lang: Lang, asked: u32, cap: u32) -> String {
    match (lang, asked, cap) {
        // A 复查/复核 is refused before this (`NoExtensionOnReview`): a cap of 0 is the office's.
        (Lang::Zh, _, 0) => "本单位的时限政策不允许延期（办理时限的 extension_cap 为 0）：请按期办结，或由领导修改时限政策".to_owned(),
        (Lang::En, _, 0) => "this office's policy allows no extension (the handling clock's extension_cap is 0): finish in time, or have a leader change the policy".to_owned(),
        (Lang::Zh, 0, _) => format!("延期天数须为1至{cap}日（《信访工作条例》第三十四条）"),
        (Lang::En, 0, _) => format!("give an extension of 1 to {cap} days (Art 34)"),
        (Lang::Zh, _, _) => {
            format!("延期{asked}日超出上限{cap}日（《信访工作条例》第三十四条）：请改为1至{cap}日")
        }
        (Lang::En, _, _) => format!(
            "an extension of {asked} days exceeds the cap of {cap} (Art 34): give 1 to {cap} days"
        ),
    }
}

fn extension_after_due(lang: Lang, due: NaiveDate) -> String {
    if lang == Lang::Zh {
        format!("办理期限已于{due}届满，延期须在期限内批准")
    } else {
        format!("the handling period ended on {due}; an extension must be approved before it ends")
    }
}

fn date_too_early(lang: Lang, date: NaiveDate, earliest: NaiveDate) -> String {
    if lang == Lang::Zh {
        format!("日期{date}早于{earliest}：请核对")
    } else {
        format!("date {date} is before {earliest}: check it")
    }
}

fn before_today(lang: Lang, field: Field, date: NaiveDate, today: NaiveDate) -> String {
    if lang == Lang::Zh {
        let name = super::input::field_zh(field);
        format!("{name}{date}早于今天（{today}）：请填今天或以后的日期")
    } else {
        format!("{field} {date} is before today ({today}): give today or a later date")
    }
}

fn bad_email(lang: Lang, found: &str) -> String {
    if lang == Lang::Zh {
        format!("「{found}」不是电子邮件地址：应为 名字@域名（如 chenxm@163.com），不含空格")
    } else {
        format!(
            "'{found}' is not an e-mail address: write name@domain (chenxm@163.com), without spaces"
        )
    }
}

fn date_too_late(lang: Lang, date: NaiveDate, latest: NaiveDate) -> String {
    if lang == Lang::Zh {
        format!("日期{date}晚于{latest}：请核对")
    } else {
        format!("date {date} is after {latest}: check it")
    }
}

fn review_window_closed(lang: Lang, due: NaiveDate) -> String {
    if lang == Lang::Zh {
        format!(
            "复查请求期限已于{due}届满（《信访工作条例》第三十五条：收到书面答复之日起30日内）：可作为新件登记并以「超过复查期限」不予受理"
        )
    } else {
        format!(
            "the review window closed on {due} (Art 35: 30 days from the written reply): register it as a new item and decline it as 'review window missed'"
        )
    }
}

fn rereview_window_closed(lang: Lang, due: NaiveDate) -> String {
    if lang == Lang::Zh {
        format!(
            "复核请求期限已于{due}届满（《信访工作条例》第三十六条第一款：收到复查意见之日起30日内）：可作为新件登记并以「超过复核期限」不予受理"
        )
    } else {
        format!(
            "the re-review window closed on {due} (Art 36(1): 30 days from the review opinion): register it as a new item and decline it as 're-review window missed'"
        )
    }
}

const NO_FURTHER_REVIEW: Said = (
    "不再受理（第三十六条第三款）：按 l 在本件记录不再受理（apply：no_further），再按 p 出具不再受理告知书；本件已是复核，对复核意见不服仍以同一事实和理由提出的，不再受理",
    "not accepted again (Art 36(3)): record it on this case with l (apply: no_further), then issue the 不再受理告知书 with p; this case is a re-review, after which the same facts and reasons are not accepted again",
);

fn before_receipt(lang: Lang, op: Op, date: NaiveDate, received: NaiveDate) -> String {
    let verb = labels::step(lang, op);
    if lang == Lang::Zh {
        format!("不能{verb}：日期{date}早于本件收件日期{received}，请核对日期")
    } else {
        format!(
            "cannot {verb}: dated {date}, before the item was received on {received}; check the date"
        )
    }
}

fn served_before_reply(lang: Lang, served: NaiveDate, settled: NaiveDate) -> String {
    if lang == Lang::Zh {
        format!(
            "送达日期{served}早于答复形成日期{settled}（处理意见批示同意或受理决定之日）：答复形成后才能送达，请核对"
        )
    } else {
        format!(
            "served on {served}, before the reply existed on {settled} (the day its opinion was approved, or the decision taken): check the date"
        )
    }
}

pub fn store(lang: Lang, e: &crate::store::StoreError) -> String {
    use crate::store::StoreError as S;
    let zh = lang == Lang::Zh;
    match e {
        S::Locked => lang.pick("台账正被其他程序占用（已等待5秒），未做任何改动：请等另一个窗口或 apply 写完后重试；若没有 xinfang 在运行，请关闭打开着台账文件的其他程序（如 sqlite3、备份软件）", "the ledger is locked by another program (waited 5 s) and nothing was written: wait for the other desk or `apply` to finish and try again; if no xinfang is running, close the program holding the ledger file open (a sqlite3 shell, a backup tool)").to_owned(),
        S::ReadOnly => lang.pick("台账文件是只读的：请检查台账文件及同名 -wal、-shm 文件的权限，或用只读命令（show、list、search、export、backup、check）", "the ledger is read-only: check the permissions of the ledger file and of its -wal and -shm files beside it, or use a read-only command (show, list, search, export, backup, check)").to_owned(),
        S::Damaged(d) => if zh { format!("台账文件已损坏或不是台账（{d}）：未做任何改动；请从备份恢复") } else { format!("the ledger file is damaged or not a ledger ({d}); nothing was changed: restore it from a backup") },
        S::CannotOpen(d) => if zh { format!("无法打开台账：{d}") } else { format!("cannot open the ledger: {d}") },
        S::NewerSchema { found, known } => if zh { format!("台账由更新版本的 xinfang 写入（结构版本{found}，本程序只认识到{known}）：请升级程序") } else { format!("the ledger was written by a newer xinfang (schema {found}, this one knows {known}): upgrade xinfang") },
        S::Stale { case, .. } => if zh { format!("第{case}号已被他人修改：请刷新后重做，未覆盖他人的修改") } else { format!("case {case} was changed by someone else: refresh and redo; nothing was overwritten") },
        S::CaseNotFound(c) => if zh { format!("没有编号为「{c}」的信访事项") } else { format!("no case {c}") },
        S::MaskedDocument(c) => if zh { format!("第{c}号为保密件，信访人信息不向承办人显示，文书请由领导或接收本件的登记员出具（《信访工作条例》第三十条第三款）") } else { format!("case {c} is confidential: its petitioners are not shown to its handler; a leader or the clerk who received it issues its documents (2022 Regulation Art 30)") },
        S::UnknownActor(n) => if zh { format!("没有名为「{n}」的操作员：请先用 {{\"op\":\"operator\",\"name\":\"{n}\",\"role\":\"clerk\"}} 添加") } else { format!("no operator named '{n}': add them first with {{\"op\":\"operator\",\"name\":\"{n}\",\"role\":\"clerk\"}}") },
        S::AlreadyExists(p) => if zh { format!("{p} 已存在：不会覆盖，请换一个文件名") } else { format!("{p} already exists: it is never overwritten; pick another name") },
        S::AlreadySetUp => lang.pick("这个台账刚刚已在另一处完成设置，本次填写未保存：请重新打开 xinfang，从已有的操作员中选择", "this ledger was set up meanwhile from another desk, and what you entered was not saved: start xinfang again and pick one of its operators").to_owned(),
        S::Workflow(w) => workflow(lang, w),
        S::Render(d) => documents::template_error(lang, d),
        S::Io(io) => if zh { format!("文件错误：{io}") } else { format!("file error: {io}") },
        S::Sqlite(s) => if zh { format!("数据库错误：{s}") } else { format!("database error: {s}") },
        S::Key(k) => super::signin::key_error(lang, k),
        S::Unsafe(d) => super::damage::damage(lang, d),
        S::EmptyFile(p) => super::damage::empty_file(lang, p),
        S::DiskFull => super::damage::disk_full(lang).to_owned(),
        S::Restore(r) => super::restore::refusal(lang, r),
        S::Screening(e) => super::screening::error(lang, e),
        S::Backlog(e) => super::backlog::error(lang, e),
        S::Flag(e) => super::backlog::flag_error(lang, e),
        S::Evaluation(e) => super::evaluation::error(lang, e),
    }
}
