//! One row of an old register turned into the commands that bring a case to the row's
//! state — received, decided, assigned, replied, archived, each on the row's dates — and
//! every problem found on the way, checked through the domain's own `transition`.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use sha2::{Digest, Sha256};

use super::handling::{self, named};
use super::header::Field;
use super::read::Value;
use super::synonyms;
use super::value;
use crate::domain::case::Case;
use crate::domain::command::{Command, IntakeInput};
use crate::domain::identity::{IdType, Sex, check_id};
use crate::domain::intake::{Origin, Petitioner};
use crate::domain::limits;
use crate::domain::rules::{Operator, Rules};
use crate::domain::types::{
    Channel, Decision, DeclineGround, Outcome, Satisfaction, ServiceMethod, SuperviseGround,
    Urgency,
};
use crate::domain::workflow::transition;
use crate::strings::{Lang, errors, labels, sheet, validation};

/// What is wrong with a row, said by `strings::import::problem`.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    Missing(Field),
    BadDate(Field, String),
    /// An ID number stored as a number: its last digits are lost.
    LostDigits(String),
    Unknown(Field, String),
    /// An ID number that is not one (checksum, length, birth date): the number and why.
    BadId(String, String),
    /// The same 原编号 as an earlier row of the file (its number).
    Twice(usize),
    /// The domain refused a step: its own words, in the reader's language.
    Refused(String),
}

/// One command of a row and when it happened.
#[derive(Debug, Clone)]
pub struct Step {
    pub command: Command,
    pub at: DateTime<FixedOffset>,
}

/// A row: what it would create and what is wrong with it.
#[derive(Debug, Clone)]
pub struct RowPlan {
    /// The row's number in the sheet (1-based, as a spreadsheet shows it).
    pub line: usize,
    /// What a re-import knows it by: `no:<原编号>`, else `row:<SHA-256 of its cells>`.
    pub key: String,
    pub steps: Vec<Step>,
    pub problems: Vec<Problem>,
    /// Imported before (same key): nothing is created again.
    pub already: bool,
    /// The row's cells as read, for the file of skipped rows.
    pub cells: Vec<String>,
}

impl RowPlan {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// What every row is planned with.
pub struct Context<'a> {
    pub lang: Lang,
    pub actor: &'a Operator,
    pub rules: &'a Rules<'a>,
    pub offset: FixedOffset,
    /// No step may be dated after now (`limits::check_when`).
    pub now: DateTime<FixedOffset>,
}

/// The plan of one row; `fields` maps each field to its cell.
pub fn plan_row(line: usize, cells: &[Value], columns: &[Option<Field>], ctx: &Context) -> RowPlan {
    let mut fields: BTreeMap<Field, Value> = BTreeMap::new();
    for (c, v) in columns.iter().zip(cells) {
        if let Some(f) = c {
            fields.entry(*f).or_insert_with(|| v.clone());
        }
    }
    let texts: Vec<String> = cells.iter().map(Value::text).collect();
    let old_no = Some(text(&fields, Field::OldNo)).filter(|s| !s.is_empty());
    let row_hash = hex(&Sha256::digest(texts.join("\u{1f}").as_bytes()));
    let key = match &old_no {
        Some(no) => format!("no:{no}"),
        None => format!("row:{row_hash}"),
    };
    let mut r = Reader {
        fields,
        problems: Vec::new(),
        ctx,
    };
    let origin = Origin {
        old_no,
        row: row_hash,
    };
    let steps = r.steps(origin);
    let mut problems = r.problems;
    if problems.is_empty() {
        if let Err(e) = simulate(&steps, ctx) {
            problems.push(Problem::Refused(e));
        }
    }
    RowPlan {
        line,
        key,
        steps,
        problems,
        already: false,
        cells: texts,
    }
}

/// Runs the steps through the domain's transition on a case kept in memory: the ledger
/// is written only when every step of the row (and of the file) would be taken.
fn simulate(steps: &[Step], ctx: &Context) -> Result<(), String> {
    let mut case: Option<Case> = None;
    for s in steps {
        limits::check_when(s.at, ctx.now).map_err(|e| errors::workflow(ctx.lang, &e))?;
        let t = transition(case.as_ref(), &s.command, ctx.actor, s.at, ctx.rules)
            .map_err(|e| errors::workflow(ctx.lang, &e))?;
        case = Some(t.case);
    }
    Ok(())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn text(fields: &BTreeMap<Field, Value>, f: Field) -> String {
    fields.get(&f).map(Value::text).unwrap_or_default()
}

/// The handling a register records after the assignment.
struct Later {
    extension: Option<(u32, String)>,
    supervisions: Vec<(SuperviseGround, NaiveDate)>,
    satisfaction: Option<(Satisfaction, Satisfaction)>,
}

struct Reader<'a> {
    fields: BTreeMap<Field, Value>,
    problems: Vec<Problem>,
    ctx: &'a Context<'a>,
}

impl Reader<'_> {
    fn text(&self, f: Field) -> String {
        text(&self.fields, f)
    }

    fn opt(&self, f: Field) -> Option<String> {
        Some(self.text(f)).filter(|s| !s.is_empty())
    }

    /// A date field: None when empty, a problem when not a date.
    fn date(&mut self, f: Field) -> Option<NaiveDate> {
        let v = self.fields.get(&f)?;
        if v.is_empty() {
            return None;
        }
        let d = value::date(v);
        if d.is_none() {
            self.problems.push(Problem::BadDate(f, v.text()));
        }
        d
    }

    /// 09:00 on `day` plus `minute`, the office's time: steps of one day keep their order.
    fn at(&self, day: NaiveDate, minute: u32) -> DateTime<FixedOffset> {
        let time = NaiveTime::from_hms_opt(9, minute, 0).unwrap_or_default();
        let local = day.and_time(time);
        DateTime::from_naive_utc_and_offset(local - self.ctx.offset, self.ctx.offset)
    }

    fn steps(&mut self, origin: Origin) -> Vec<Step> {
        let received = self.date(Field::Received);
        if received.is_none()
            && !self
                .problems
                .iter()
                .any(|p| matches!(p, Problem::BadDate(..)))
        {
            self.problems.push(Problem::Missing(Field::Received));
        }
        let replied = self.date(Field::Replied);
        let archived = self.date(Field::Archived);
        let intake = self.intake(origin);
        let decision = self.decision();
        let later = self.later();
        let Some(received) = received else {
            return Vec::new();
        };
        let mut steps = Vec::new();
        let later_steps = self.supervision_and_extension(&later, received);
        let mut push = |command, at| steps.push(Step { command, at });
        push(Command::Intake(Box::new(intake)), self.at(received, 0));
        let Some(decision) = decision else {
            return steps;
        };
        let accepted = decision == Decision::Accept;
        // 当场答复 is its own reply, not followed by another (an export imports again).
        let answered = matches!(decision, Decision::Answered { .. });
        push(Command::Register(decision), self.at(received, 1));
        if let (true, Some(department)) = (accepted, self.opt(Field::Department)) {
            let handler = self.text(Field::Handler);
            // Said with the row's other problems, not only once they are mended (the
            // ledger would refuse the assignment for either).
            if handler.trim().is_empty() {
                self.problems.push(Problem::Missing(Field::Handler));
            } else if self.ctx.rules.operator(&handler).is_none() {
                let unknown = Problem::Unknown(Field::Handler, handler.clone());
                self.problems.push(unknown);
            }
            let leader = self.opt(Field::Leader);
            let assign = Command::Assign {
                department,
                handler,
                leader,
            };
            push(assign, self.at(received, 2));
        }
        later_steps.into_iter().for_each(|s| push(s.command, s.at));
        if let Some(day) = replied {
            let (outcome, text) = self.result();
            if accepted {
                let opinion = Command::Opinion { text: text.clone() };
                push(opinion, self.at(day, 0));
                let yes = Command::Instruct {
                    approve: true,
                    text: String::new(),
                };
                push(yes, self.at(day, 1));
            }
            let (method, served_at, signed) = self.service(day);
            let reply = Command::Reply {
                outcome,
                method,
                text,
                served_at: Some(served_at),
                signed,
            };
            if !answered {
                push(reply, self.at(day, 2));
            }
            if let Some((unit, office)) = later.satisfaction {
                let note = String::new();
                push(Command::ReturnVisit { unit, office, note }, self.at(day, 3));
            }
        }
        if let Some(day) = archived {
            push(Command::Archive, self.at(day, 30));
        }
        steps
    }

    fn intake(&mut self, origin: Origin) -> IntakeInput {
        let channel = match self.opt(Field::Channel) {
            None => Channel::Visit,
            Some(s) => synonyms::channel(&s).unwrap_or_else(|| {
                self.problems.push(Problem::Unknown(Field::Channel, s));
                Channel::Visit
            }),
        };
        let petitioners = self.petitioners();
        let people = self.opt(Field::People).and_then(|s| {
            let n = value::people(&s);
            if n.is_none() {
                self.problems.push(Problem::Unknown(Field::People, s));
            }
            n
        });
        let target = self.text(Field::Target);
        let (target, person) = match target.split_once('/') {
            Some((unit, person)) => (unit.to_owned(), person.to_owned()),
            None => (target, String::new()),
        };
        let some = |s: String| Some(s).filter(|s| !s.trim().is_empty());
        for f in [Field::Summary, Field::Category] {
            if self.opt(f).is_none() {
                self.problems.push(Problem::Missing(f));
            }
        }
        let category = self.text(Field::Category);
        if !category.is_empty() && !self.ctx.rules.categories.contains(&category) {
            self.problems
                .push(Problem::Unknown(Field::Category, category));
        }
        let department = self.text(Field::Department);
        if !department.is_empty() && !self.ctx.rules.departments.contains(&department) {
            self.problems
                .push(Problem::Unknown(Field::Department, department));
        }
        IntakeInput {
            channel,
            received_at: None,
            receiver: None,
            postmark: None,
            letter_no: None,
            contact: None,
            referral: None,
            anonymous: petitioners.is_empty(),
            petitioners,
            people,
            confidential: false,
            category: self.text(Field::Category),
            handling_type: None,
            target: some(target),
            target_person: some(person),
            location: self.opt(Field::Location),
            summary: self.text(Field::Summary),
            request: self.text(Field::Request),
            urgency: Urgency::Normal,
            links: Vec::new(),
            origin: Some(origin),
        }
    }

    /// The petitioners of a cell list (`张三、李四`): the n-th name with the n-th sex, ID
    /// and phone; the first is the main one and has the address.
    fn petitioners(&mut self) -> Vec<Petitioner> {
        let split = |s: String| -> Vec<String> {
            s.split(['、', ';', '；', '，'])
                .map(|p| p.trim().to_owned())
                .collect()
        };
        let names = split(self.text(Field::Name));
        let sexes = split(self.text(Field::Sex));
        let ids = match self.fields.get(&Field::IdNumber).map(value::id_number) {
            Some(Err(lost)) => {
                self.problems.push(Problem::LostDigits(lost));
                Vec::new()
            }
            Some(Ok(Some(s))) => split(s),
            Some(Ok(None)) | None => Vec::new(),
        };
        let phones = self.fields.get(&Field::Phone).and_then(value::phone);
        let phones = phones.map(split).unwrap_or_default();
        let (address, work_unit) = match self.text(Field::Address).split_once(" / ") {
            Some((a, w)) => (a.to_owned(), w.to_owned()),
            None => (self.text(Field::Address), String::new()),
        };
        let nth = |v: &[String], i: usize| v.get(i).cloned().filter(|s| !s.is_empty());
        let mut out = Vec::new();
        for (i, name) in names.iter().enumerate().filter(|(_, n)| !n.is_empty()) {
            let sex = nth(&sexes, i).and_then(|s| {
                let sex = named(&[Sex::Male, Sex::Female], &s, sheet::sex);
                if sex.is_none() {
                    self.problems.push(Problem::Unknown(Field::Sex, s));
                }
                sex
            });
            let first = i == 0;
            if let Some(id) = nth(&ids, i) {
                let today = self.ctx.now.date_naive();
                if let Err(e) = check_id(IdType::ResidentId, &id, today) {
                    let why = validation::id_error(self.ctx.lang, &e);
                    self.problems.push(Problem::BadId(id, why));
                }
            }
            out.push(Petitioner {
                name: name.clone(),
                sex,
                id_type: IdType::ResidentId,
                id_number: nth(&ids, i),
                phone: nth(&phones, i),
                address: Some(address.clone()).filter(|a| first && !a.is_empty()),
                work_unit: Some(work_unit.clone()).filter(|w| first && !w.is_empty()),
                main: first,
                representative: false,
                legacy_id: false,
            });
        }
        out
    }

    /// The 督办 and 延期 of a register row. Their day is not in a register: the day of
    /// receipt stands for it, so the domain still checks each against the clocks (Art 34).
    fn supervision_and_extension(&self, later: &Later, received: NaiveDate) -> Vec<Step> {
        let mut steps: Vec<Step> = (3..)
            .zip(&later.supervisions)
            .map(|(minute, (ground, feedback_by))| {
                // Replayed on the day of receipt, no clock is past due yet, so 逾期未办结 is
                // refused there (the report counts it only for an overdue case): it is kept
                // as 其他 with the register's words.
                let (ground, text) = match ground {
                    SuperviseGround::Overdue => (
                        SuperviseGround::Other,
                        crate::strings::labels::imported_overdue_supervision(),
                    ),
                    other => (*other, String::new()),
                };
                Step {
                    command: Command::Supervise {
                        ground,
                        text,
                        feedback_by: *feedback_by,
                    },
                    at: self.at(received, minute),
                }
            })
            .collect();
        if let Some((days, reason)) = &later.extension {
            steps.push(Step {
                command: Command::Extend {
                    days: *days,
                    reason: reason.clone(),
                },
                at: self.at(received, 20),
            });
        }
        steps
    }

    /// The handling cells after the assignment: 督办, 延期 and 回访满意度.
    fn later(&mut self) -> Later {
        let extension = self.opt(Field::Extension).and_then(|s| {
            let e = handling::extension(&s);
            if e.is_none() {
                self.problems.push(Problem::Unknown(Field::Extension, s));
            }
            e
        });
        let cell = self.text(Field::Supervision);
        let supervisions = handling::supervisions(&cell).unwrap_or_else(|part| {
            self.problems
                .push(Problem::Unknown(Field::Supervision, part));
            Vec::new()
        });
        let satisfaction = self.opt(Field::Satisfaction).and_then(|s| {
            let v = handling::satisfaction(&s);
            if v.is_none() {
                self.problems.push(Problem::Unknown(Field::Satisfaction, s));
            }
            v
        });
        Later {
            extension,
            supervisions,
            satisfaction,
        }
    }

    /// 受理情况: 受理, 不予受理（ground）with the 告知途径 column, 转送（body）, 当场答复.
    fn decision(&mut self) -> Option<Decision> {
        let cell = self.opt(Field::Decision)?;
        let (s, told) = handling::split_route(&cell);
        let (told, s) = (told.map(str::to_owned), s.to_owned());
        let (kind, inner) = match s.split_once(['（', '(']) {
            Some((k, rest)) => (k.trim(), rest.trim_end_matches([')', '）']).trim()),
            None => (s.as_str(), ""),
        };
        use crate::domain::types::DecisionKind as K;
        let found = synonyms::decision(kind);
        match found {
            Some(K::Accept) => Some(Decision::Accept),
            Some(K::Decline) => {
                let ground = named(&DeclineGround::ALL, inner, labels::decline_ground);
                let Some(ground) = ground else {
                    self.problems.push(Problem::Unknown(Field::Decision, s));
                    return None;
                };
                let route = self.opt(Field::Route).or(told).unwrap_or_default();
                Some(Decision::Decline {
                    ground,
                    route,
                    note: None,
                })
            }
            Some(K::PassOn) if !inner.is_empty() => Some(Decision::pass_on(inner)),
            Some(K::Answered) => Some(Decision::Answered {
                text: self.result().1,
            }),
            Some(K::PassOn) | None => {
                self.problems.push(Problem::Unknown(Field::Decision, s));
                None
            }
        }
    }

    /// 处理结果: `予以支持：…` gives the outcome (Art 32) and the reply's text.
    fn result(&self) -> (Option<Outcome>, String) {
        let s = self.text(Field::Result);
        if let Some((head, rest)) = s.split_once(['：', ':']) {
            if let Some(o) = named(&Outcome::ALL, head, labels::outcome) {
                return (Some(o), rest.trim().to_owned());
            }
        }
        (None, s)
    }

    /// 送达: `邮寄 2026-03-06 签收`; without it, served the day of the reply by another way.
    fn service(&mut self, replied: NaiveDate) -> (ServiceMethod, NaiveDate, bool) {
        let s = self.text(Field::Service);
        let mut parts = s.split_whitespace();
        let method = parts
            .next()
            .and_then(|m| named(&ServiceMethod::ALL, m, labels::service));
        let on = parts
            .next()
            .and_then(|d| value::date(&Value::Text(d.to_owned())));
        let refused = s.contains("拒收") || s.contains("refused");
        match (s.is_empty(), method) {
            (true, _) => (ServiceMethod::Other, replied, true),
            (false, Some(m)) => (m, on.unwrap_or(replied), !refused),
            (false, None) => {
                self.problems.push(Problem::Unknown(Field::Service, s));
                (ServiceMethod::Other, replied, true)
            }
        }
    }
}
