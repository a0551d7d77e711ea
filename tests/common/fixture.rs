//! A small office for domain tests: operators, departments, the builtin
//! policy and holiday tables, and builders for cases in every state.
#![allow(dead_code)]

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use xinfang::config::Office;
use xinfang::domain::case::{Case, Petitioner};
use xinfang::domain::command::{Command, IntakeInput};
use xinfang::domain::error::WorkflowError;
use xinfang::domain::rules::{Operator, Rules};
use xinfang::domain::types::*;
use xinfang::domain::workflow::{Transition, transition};
use xinfang::store::Store;

pub struct Office0 {
    pub office: Office,
    pub operators: Vec<Operator>,
    pub departments: Vec<String>,
}

pub fn op(name: &str, role: Role, dept: Option<&str>) -> Operator {
    Operator {
        name: name.into(),
        role,
        department: dept.map(Into::into),
        active: true,
        unit: None,
        department_wide: false,
    }
}

impl Office0 {
    pub fn new() -> Self {
        Office0 {
            office: Office::builtin(),
            operators: vec![
                op("李娜", Role::Clerk, None),
                op("赵局长", Role::Leader, None),
                op("王强", Role::Handler, Some("城建科")),
                op("刘洋", Role::Handler, Some("教育科")),
            ],
            departments: vec!["城建科".into(), "教育科".into()],
        }
    }

    pub fn rules(&self) -> Rules<'_> {
        self.office.rules(&self.operators, &self.departments)
    }

    pub fn who(&self, name: &str) -> Operator {
        self.operators
            .iter()
            .find(|o| o.name == name)
            .cloned()
            .unwrap()
    }

    pub fn apply(
        &self,
        case: Option<&Case>,
        cmd: &Command,
        actor: &str,
        at: DateTime<FixedOffset>,
    ) -> Result<Transition, WorkflowError> {
        transition(case, cmd, &self.who(actor), at, &self.rules())
    }

    /// Applies and returns the new case, panicking with the refusal.
    pub fn step(&self, case: &Case, cmd: Command, actor: &str, at: DateTime<FixedOffset>) -> Case {
        match self.apply(Some(case), &cmd, actor, at) {
            Ok(t) => t.case,
            Err(e) => panic!("{cmd:?} by {actor}: {e}"),
        }
    }
}

pub fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn intake_input() -> IntakeInput {
    IntakeInput {
        channel: Channel::Visit,
        received_at: None,
        receiver: None,
        postmark: None,
        letter_no: None,
        contact: None,
        referral: None,
        petitioners: vec![Petitioner {
            name: "张三".into(),
            id_number: Some("11010519491231002X".into()),
            phone: Some("13800138000".into()),
            address: Some("朝阳区某小区1号".into()),
            main: true,
            ..Petitioner::default()
        }],
        people: Some(1),
        anonymous: false,
        confidential: false,
        category: "城乡建设".into(),
        handling_type: Some(HandlingType::Claim),
        target: Some("某街道办事处".into()),
        target_person: None,
        location: None,
        summary: "反映拆迁补偿款未到位".into(),
        request: "要求尽快支付".into(),
        urgency: Urgency::Normal,
        links: vec![],
        origin: None,
    }
}

pub const T0: &str = "2026-03-02T09:00:00+08:00";

/// Time `days` after T0.
pub fn t(days: i64) -> DateTime<FixedOffset> {
    at(T0) + Duration::days(days)
}

pub fn assign(dept: &str, handler: &str) -> Command {
    Command::Assign {
        department: dept.into(),
        handler: handler.into(),
        leader: Some("赵局长".into()),
    }
}

pub fn reply(outcome: Option<Outcome>) -> Command {
    Command::Reply {
        outcome,
        method: ServiceMethod::Post,
        text: "答复意见".into(),
        served_at: None,
        signed: true,
    }
}

pub fn decline() -> Decision {
    Decision::Decline {
        ground: DeclineGround::LegalProcedure,
        route: "请向区人民法院提起诉讼".into(),
        note: None,
    }
}

/// Named cases in every state the machine has.
pub fn fixtures(o: &Office0) -> Vec<(&'static str, Case)> {
    let intake = o
        .apply(
            None,
            &Command::Intake(Box::new(intake_input())),
            "李娜",
            t(0),
        )
        .unwrap()
        .case;
    let reg = o.step(&intake, Command::Register(Decision::Accept), "李娜", t(1));
    let declined = o.step(&intake, Command::Register(decline()), "李娜", t(1));
    let passed = o.step(
        &intake,
        Command::Register(Decision::pass_on("区人社局")),
        "李娜",
        t(1),
    );
    let assigned = o.step(&reg, assign("城建科", "王强"), "李娜", t(2));
    let awaiting = o.step(
        &assigned,
        Command::Opinion {
            text: "拟支持".into(),
        },
        "王强",
        t(3),
    );
    let approved = o.step(
        &awaiting,
        Command::Instruct {
            approve: true,
            text: "同意".into(),
        },
        "赵局长",
        t(4),
    );
    let replied = o.step(&approved, reply(Some(Outcome::Support)), "李娜", t(5));
    let visited = o.step(
        &replied,
        Command::ReturnVisit {
            unit: Satisfaction::Satisfied,
            office: Satisfaction::Basic,
            note: String::new(),
        },
        "李娜",
        t(6),
    );
    let archived = o.step(&visited, Command::Archive, "李娜", t(7));
    let declined_replied = o.step(&declined, reply(None), "李娜", t(2));
    let declined_archived = o.step(&declined_replied, Command::Archive, "李娜", t(3));
    vec![
        ("intake", intake),
        ("registered", reg),
        ("declined", declined),
        ("passed_on", passed),
        ("assigned", assigned),
        ("awaiting", awaiting),
        ("approved", approved),
        ("replied", replied),
        ("visited", visited),
        ("archived", archived),
        ("declined_replied", declined_replied),
        ("declined_archived", declined_archived),
    ]
}

/// A ledger at `path` with the small office's operators and departments.
pub fn ledger(path: &std::path::Path) -> Store {
    let o = Office0::new();
    let mut store = Store::open(path, o.office.clone(), &super::key()).unwrap();
    for op in &o.operators {
        store.put_operator(op).unwrap();
    }
    for d in &o.departments {
        store.put_department(d, true).unwrap();
    }
    store
}
