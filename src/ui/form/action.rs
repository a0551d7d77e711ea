//! The small forms of the case screen's actions (受理决定, 交办, 处理意见,
//! 批示, 延期, 督办, 答复, 回访, 归档, 复查, 回避) and the `Command` each
//! amounts to. The domain judges the command; these forms only make it
//! quick to give a well-formed one.

use chrono::{Days, FixedOffset, NaiveDate};

use super::{Field, Form, Kind, Purpose};
use crate::domain::case::Case;
use crate::domain::due::overdue;
use crate::domain::op::Op;
use crate::domain::rules::Operator;
use crate::domain::types::{
    Channel, DecisionKind, DeclineGround, Outcome, ResolveHow, Role, Satisfaction, ServiceMethod,
    SuperviseGround,
};
use crate::store::CaseRow;
use crate::strings::form::FieldKey as K;
use crate::strings::{Lang, form as t, labels};

/// The office's people and departments, for the pick lists.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    pub departments: Vec<String>,
    pub operators: Vec<Operator>,
    /// The office's letterhead (documents), changed from the settings.
    pub office: crate::domain::documents::OfficeProfile,
}

fn options<T: Copy>(items: &[T], code: fn(T) -> String, label: impl Fn(T) -> String) -> Kind {
    Kind::Choice(items.iter().map(|&i| (code(i), label(i))).collect())
}

fn serde_code<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|j| j.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The office's active people of `roles` as a choice, with their
/// departments as its groups; `first`, when given, comes before them.
fn people(dir: &Directory, roles: &[Role], first: Option<&str>) -> (Kind, Vec<String>) {
    let mut opts: Vec<(String, String)> = Vec::new();
    let mut groups = Vec::new();
    if let Some(label) = first {
        opts.push((String::new(), label.to_owned()));
        groups.push(String::new());
    }
    // In the order of `roles`: a department's handlers before the leaders.
    let listed = roles
        .iter()
        .flat_map(|r| dir.operators.iter().filter(move |o| o.role == *r));
    for o in listed.filter(|o| o.active) {
        let dept = o.department.as_deref().unwrap_or("");
        opts.push((
            o.name.clone(),
            format!("{} {dept}", o.name).trim().to_owned(),
        ));
        // A leader may handle a case of any department.
        groups.push(match o.role {
            Role::Leader => String::new(),
            Role::Clerk | Role::Handler => dept.to_owned(),
        });
    }
    (Kind::Choice(opts), groups)
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The fields of `op`'s form, with sensible defaults from the case.
fn fields(op: Op, row: &CaseRow, dir: &Directory, lang: Lang, today: NaiveDate) -> Vec<Field> {
    let case = &row.case;
    match op {
        Op::Register => {
            // 当场答复 only where the petitioner is there to be told, the day they came
            // (Art 23 第二款; the times are in the office's offset).
            let received = case.intake.received_at.date_naive();
            let there = case.intake.channel.on_the_spot(received, today);
            register_fields(lang, there)
        }
        Op::Assign => assign_fields(case, dir, lang),
        Op::Recuse => recuse_fields(case, dir, lang),
        Op::Opinion => {
            let mut f = Field::new(K::Opinion, Kind::Multi)
                .required()
                .value(returned_opinion(case));
            // Revised, not retyped: what is typed goes into the text.
            f.pristine = false;
            vec![f]
        }
        Op::Instruct => instruct_fields(lang),
        // 阅批: the leader's word on the matter (请城建科牵头办理).
        Op::Sign => vec![Field::new(K::Instruction, Kind::Multi).required()],
        // Granting what the handler asked starts from their days and reason.
        Op::Extend | Op::AskExtension => extend_fields(case),
        Op::RefuseExtension => vec![Field::new(K::Refusal, Kind::Text).required()],
        // 逾期未办结 only for a case past a due date: the report lists it under that ground.
        Op::Supervise => supervise_fields(lang, today, overdue(&row.clocks, today)),
        Op::Remind => remind_fields(case, today),
        Op::Resolve => resolve_fields(lang, today),
        Op::Reply => reply_fields(case, lang, today),
        Op::ReturnVisit => return_visit_fields(lang),
        Op::Review => vec![
            Field::new(K::ReviewOn, Kind::Date)
                .required()
                .value(&date(today)),
            Field::new(K::ReviewText, Kind::Multi).required(),
        ],
        Op::ReportBack => vec![
            Field::new(K::ReportText, Kind::Multi).required(),
            Field::new(K::SentOn, Kind::Date)
                .required()
                .value(&date(today)),
        ],
        Op::ReportReceived => vec![
            Field::new(K::ReportSummary, Kind::Multi).required(),
            Field::new(K::ReportReceivedOn, Kind::Date)
                .required()
                .value(&date(today)),
        ],
        // Archive and 包案 ask nothing: the form is a confirmation
        // (`confirmation`).
        Op::Archive | Op::Own | Op::Undo => Vec::new(),
        Op::Hearing => hearing_fields(today),
        Op::NoFurther => vec![
            Field::new(K::NoFurtherOn, Kind::Date)
                .required()
                .value(&date(today)),
            Field::new(K::NoFurtherText, Kind::Multi).required(),
        ],
        Op::Terminate => vec![Field::new(K::TerminateNote, Kind::Multi)],
        Op::Correct => super::correct::fields(case, lang),
        // Not given through a case's step form (see `Form::to_command`).
        Op::Intake | Op::Attach | Op::Issue | Op::Unmask => Vec::new(),
        // 附件: the path is read when the form is saved (`runtime::step`).
        Op::AttachFile => vec![Field::new(K::FilePath, Kind::Text).required()],
        Op::DetachFile => vec![
            Field::new(K::FileNo, Kind::Number)
                .required()
                .value(&last_kept(case)),
            Field::new(K::FileReason, Kind::Multi).required(),
        ],
    }
}

/// The number of the latest attachment not removed, to remove by default.
fn last_kept(case: &Case) -> String {
    let kept = (1..)
        .zip(&case.attachments)
        .filter(|(_, a)| a.removed.is_none());
    kept.last().map(|(n, _)| n.to_string()).unwrap_or_default()
}

/// The text of the latest opinion if the leader returned it: the revised
/// opinion starts from it (most of it usually stands).
fn returned_opinion(case: &Case) -> &str {
    let returned =
        case.opinion_is_instructed() && case.instructions.last().is_some_and(|i| !i.approve);
    match case.opinions.last() {
        Some(o) if returned => o.text.as_str(),
        Some(_) | None => "",
    }
}

/// What the form of a step that asks nothing says it will do.
pub fn confirmation(lang: Lang, op: Op) -> Option<&'static str> {
    match op {
        Op::Archive => Some(t::archive_confirm(lang)),
        Op::Own => Some(crate::strings::dashboard::own_confirm(lang)),
        Op::Undo => Some(t::undo_confirm(lang)),
        Op::Intake
        | Op::Register
        | Op::Assign
        | Op::Recuse
        | Op::Opinion
        | Op::Instruct
        | Op::Sign
        | Op::Extend
        | Op::Supervise
        | Op::Reply
        | Op::ReturnVisit
        | Op::Review
        | Op::Attach
        | Op::AskExtension
        | Op::RefuseExtension
        | Op::ReportBack
        | Op::Remind
        | Op::Resolve
        | Op::Hearing
        | Op::NoFurther
        | Op::Terminate
        | Op::ReportReceived
        | Op::Issue
        | Op::Unmask
        | Op::Correct
        | Op::AttachFile
        | Op::DetachFile => None,
    }
}

fn register_fields(lang: Lang, on_the_spot: bool) -> Vec<Field> {
    const DECLINE: &[&str] = &["decline"];
    let kind = Kind::Choice(
        DecisionKind::ALL
            .iter()
            .filter(|&&k| k != DecisionKind::Answered || on_the_spot)
            .map(|&k| (k.code().to_owned(), t::decision(lang, k).to_owned()))
            .collect(),
    );
    let grounds = options(
        &DeclineGround::ALL,
        |g| g.code().to_owned(),
        |g| labels::decline_ground(lang, g).to_owned(),
    );
    vec![
        Field::new(K::Decision, kind).required(),
        Field::new(K::Ground, grounds).when((K::Decision, DECLINE)),
        // Art 23: a notice of decline names where to go instead.
        Field::new(K::Route, Kind::Text)
            .required()
            .when((K::Decision, DECLINE)),
        Field::new(K::DeclineNote, Kind::Text).when((K::Decision, DECLINE)),
        Field::new(K::PassTo, Kind::Text)
            .required()
            .when((K::Decision, &["pass_on"])),
        Field::new(K::ReportBy, Kind::Date).when((K::Decision, &["pass_on"])),
        Field::new(K::Answer, Kind::Multi)
            .required()
            .when((K::Decision, &["answered"])),
    ]
}

/// 交办: a case assigned before opens on its department, handler and
/// 包案领导 (so reassigning keeps what is not changed); else the first
/// department and its first handler.
fn assign_fields(case: &Case, dir: &Directory, lang: Lang) -> Vec<Field> {
    let now = case.assignment.as_ref();
    let depts = Kind::Choice(
        dir.departments
            .iter()
            .map(|d| (d.clone(), d.clone()))
            .collect(),
    );
    // The handler list follows the department chosen (its handlers, and
    // the leaders).
    let (handlers, groups) = people(dir, &[Role::Handler, Role::Leader], None);
    vec![
        Field::new(K::Department, depts)
            .required()
            .chosen(now.map_or("", |a| a.department.as_str())),
        Field::new(K::Handler, handlers)
            .required()
            .grouped(K::Department, groups)
            .chosen(now.map_or("", |a| a.handler.as_str())),
        Field::new(
            K::Leader,
            people(dir, &[Role::Leader], Some(t::none(lang))).0,
        )
        .chosen(now.and_then(|a| a.owner_leader.as_deref()).unwrap_or("")),
    ]
}

fn recuse_fields(case: &Case, dir: &Directory, lang: Lang) -> Vec<Field> {
    // The assigned handler by default; else nobody until chosen.
    let assigned = case.assignment.as_ref().map(|a| a.handler.as_str());
    let (kind, _) = people(
        dir,
        &[Role::Handler, Role::Leader],
        Some(t::choose_prompt(lang)),
    );
    vec![
        Field::new(K::Handler, kind)
            .required()
            .chosen(assigned.unwrap_or_default()),
        Field::new(K::Reason, Kind::Text).required(),
    ]
}

fn instruct_fields(lang: Lang) -> Vec<Field> {
    let kind = Kind::Choice(
        [true, false]
            .iter()
            .map(|&b| (b.to_string(), t::approve(lang, b).to_owned()))
            .collect(),
    );
    vec![
        Field::new(K::Approve, kind).required(),
        // Returning an opinion must say why (the domain insists).
        Field::new(K::Instruction, Kind::Multi),
    ]
}

fn extend_fields(case: &Case) -> Vec<Field> {
    let asked = case.extension_asked();
    let days = asked.map_or("30".to_owned(), |r| r.days.to_string());
    vec![
        Field::new(K::Days, Kind::Number).required().value(&days),
        Field::new(K::Reason, Kind::Text)
            .required()
            .value(asked.map_or("", |r| r.reason.as_str())),
    ]
}

fn supervise_fields(lang: Lang, today: NaiveDate, overdue: bool) -> Vec<Field> {
    use SuperviseGround as G;
    let all = [
        G::Overdue,
        G::Delay,
        G::Quality,
        G::Repeat,
        G::Leader,
        G::Other,
    ];
    let offered: Vec<G> = (all.into_iter())
        .filter(|g| overdue || *g != G::Overdue)
        .collect();
    let grounds = options(&offered, serde_code, |g| {
        labels::supervise_ground(lang, g).to_owned()
    });
    // The ground is the leader's to say: no default.
    let grounds = unchosen(lang, grounds);
    let week = today.checked_add_days(Days::new(7)).unwrap_or(today);
    vec![
        Field::new(K::SuperviseGround, grounds).required(),
        // 督办要求: what the unit is to do (a 督办单 without it says nothing).
        Field::new(K::SuperviseText, Kind::Multi).required(),
        Field::new(K::FeedbackBy, Kind::Date)
            .required()
            .value(&date(week)),
    ]
}

/// 催办 presses the department the case was assigned to, unless the clerk names another.
fn remind_fields(case: &Case, today: NaiveDate) -> Vec<Field> {
    let assigned = case
        .assignment
        .as_ref()
        .map_or("", |a| a.department.as_str());
    let week = today.checked_add_days(Days::new(7)).unwrap_or(today);
    vec![
        Field::new(K::RemindGround, Kind::Multi).required(),
        Field::new(K::RemindTo, Kind::Text)
            .required()
            .value(assigned),
        Field::new(K::ReplyBy, Kind::Date)
            .required()
            .value(&date(week)),
    ]
}

/// 化解/息访 (Art 37): how, the day (today unless the paper says otherwise), what was settled.
fn resolve_fields(lang: Lang, today: NaiveDate) -> Vec<Field> {
    let hows = options(&ResolveHow::ALL, serde_code, |h| {
        labels::resolve_how(lang, h).to_owned()
    });
    // How it was settled is the clerk's to say: no default.
    let hows = match hows {
        Kind::Choice(mut o) => {
            o.insert(0, (String::new(), t::choose_prompt(lang).to_owned()));
            Kind::Choice(o)
        }
        other => other,
    };
    vec![
        Field::new(K::ResolveHow, hows).required(),
        Field::new(K::ResolvedOn, Kind::Date)
            .required()
            .value(&date(today)),
        Field::new(K::ResolveText, Kind::Multi).required(),
    ]
}

/// 听证: held on days up to today (a one-day hearing by default), who took part, what it found.
fn hearing_fields(today: NaiveDate) -> Vec<Field> {
    vec![
        Field::new(K::HearingFrom, Kind::Date)
            .required()
            .value(&date(today)),
        Field::new(K::HearingTo, Kind::Date)
            .required()
            .value(&date(today)),
        Field::new(K::Participants, Kind::Multi).required(),
        Field::new(K::Conclusion, Kind::Multi).required(),
    ]
}

fn reply_fields(case: &Case, lang: Lang, today: NaiveDate) -> Vec<Field> {
    let mut f = Vec::new();
    // A notice of decline or pass-on has no outcome (Art 32 is for
    // accepted matters).
    if case.accepted() {
        let outcomes = options(
            &[Outcome::Support, Outcome::Explain, Outcome::Reject],
            serde_code,
            |o| labels::outcome(lang, o).to_owned(),
        );
        f.push(Field::new(K::Outcome, outcomes).required());
    }
    // The way the item came is the likely way back: by hand at the window, by post for a
    // letter or a referral, otherwise (a call, a mailbox, the platform) another way.
    use ServiceMethod::{InPerson, Other, Post};
    let order = match case.intake.channel {
        Channel::Visit => [InPerson, Post, Other],
        Channel::Letter | Channel::Referral => [Post, InPerson, Other],
        Channel::Phone | Channel::Email | Channel::Online => [Other, Post, InPerson],
    };
    let methods = options(&order, serde_code, |m| labels::service(lang, m).to_owned());
    f.push(Field::new(K::Method, methods).required());
    let text = case
        .approved_opinion()
        .map(|o| o.text.as_str())
        .unwrap_or_default();
    f.push(Field::new(K::ReplyText, Kind::Multi).required().value(text));
    f.push(
        Field::new(K::ServedAt, Kind::Date)
            .required()
            .value(&date(today)),
    );
    f.push(Field::new(K::Signed, Kind::Flag).flagged(true));
    f
}

/// A choice that starts at 「请选择」: saved only once the user picks an answer.
fn unchosen(lang: Lang, kind: Kind) -> Kind {
    match kind {
        Kind::Choice(mut o) => {
            o.insert(0, (String::new(), t::choose_prompt(lang).to_owned()));
            Kind::Choice(o)
        }
        other => other,
    }
}

fn return_visit_fields(lang: Lang) -> Vec<Field> {
    let levels = [
        Satisfaction::Satisfied,
        Satisfaction::Basic,
        Satisfaction::Unsatisfied,
    ];
    // What the petitioner said, never a default: 满意率 counts every answer saved.
    let kind = || {
        let levels = options(&levels, serde_code, |s| {
            labels::satisfaction(lang, s).to_owned()
        });
        unchosen(lang, levels)
    };
    vec![
        Field::new(K::UnitSatisfaction, kind()).required(),
        Field::new(K::OfficeSatisfaction, kind()).required(),
        Field::new(K::Note, Kind::Text),
    ]
}

/// The form for `op` on `row`.
pub fn action_form(
    op: Op,
    row: &CaseRow,
    dir: &Directory,
    lang: Lang,
    today: NaiveDate,
    offset: FixedOffset,
) -> Form {
    let purpose = Purpose::Action {
        case_id: row.case.id,
        version: row.version,
        case_no: row.case.case_no.clone(),
        op,
    };
    let mut form = Form::new(
        purpose,
        fields(op, row, dir, lang, today),
        lang,
        today,
        offset,
    );
    if op == Op::Correct {
        super::correct::finish(&mut form, &row.case, lang);
    }
    if op == Op::Instruct && row.case.awaiting_instruction() {
        form.context =
            (row.case.opinions.last()).map(|o| t::opinion_to_instruct(lang, &o.stamp.by, &o.text));
    }
    form
}
