//! Random command sequences against a deliberately simple model of the
//! procedure: the domain must accept exactly what the model accepts, never
//! reach a state the model forbids, and the store must keep every accepted
//! command as exactly one journal event.

mod common;

use chrono::Duration;
use common::fixture::*;
use proptest::prelude::*;
use xinfang::domain::case::Case;
use xinfang::domain::command::Command;
use xinfang::domain::stats::{self, Period};
use xinfang::domain::types::*;
use xinfang::store::{CaseRef, Request};

const ACTORS: [&str; 4] = ["李娜", "赵局长", "王强", "刘洋"];
const HANDLERS: [(&str, &str); 2] = [("王强", "城建科"), ("刘洋", "教育科")];

#[derive(Debug, Clone)]
enum A {
    Register(u8),
    Assign(usize),
    Recuse(usize),
    Opinion(usize),
    Instruct(bool, usize),
    Extend(u32, usize),
    Supervise(usize),
    Reply(bool),
    ReturnVisit,
    Archive,
    Review,
    /// 办结报告 (Art 22 (三)).
    ReportBack,
    /// 催办, by one of `ACTORS`.
    Remind(usize),
    /// 化解 (Art 37), by one of `ACTORS`.
    Resolve(usize),
    /// 听证 on the day of the step, by one of `ACTORS` (Art 36 第二款).
    Hearing(usize),
    /// 不再受理 of a later request (Art 36 第三款), by one of `ACTORS`.
    NoFurther(usize),
    /// 终结, by one of `ACTORS`.
    Terminate(usize),
    /// 办结报告 received for an item 交办'd (Art 22 (三)), by one of `ACTORS`.
    ReportReceived(usize),
}

/// Weighted towards moving forward, so that long sequences reach every
/// state; actors are weighted towards the one the step usually needs.
fn action() -> impl Strategy<Value = A> {
    let by =
        || prop_oneof![1 => Just(0usize), 3 => Just(1usize), 2 => Just(2usize), 1 => Just(3usize)];
    prop_oneof![
        3 => prop_oneof![3 => Just(0u8), 1 => 1u8..5].prop_map(A::Register),
        3 => (0usize..2).prop_map(A::Assign),
        1 => (0usize..2).prop_map(A::Recuse),
        3 => by().prop_map(A::Opinion),
        3 => (prop_oneof![3 => Just(true), 1 => Just(false)], by()).prop_map(|(a, b)| A::Instruct(a, b)),
        2 => (0u32..40, by()).prop_map(|(d, b)| A::Extend(d, b)),
        1 => by().prop_map(A::Supervise),
        3 => any::<bool>().prop_map(A::Reply),
        1 => Just(A::ReturnVisit),
        2 => Just(A::Archive),
        1 => Just(A::Review),
        1 => Just(A::ReportBack),
        1 => by().prop_map(A::Remind),
        1 => by().prop_map(A::Resolve),
        1 => by().prop_map(A::Hearing),
        1 => by().prop_map(A::NoFurther),
        1 => by().prop_map(A::Terminate),
        1 => by().prop_map(A::ReportReceived),
    ]
}

/// The way through to a reply and a review request (accept, assign to 王强, his opinion,
/// the leader's approval, the reply, review): random steps alone seldom get that far, and
/// the 复查 and 复核 levels are only reached through it.
fn through_to_review() -> Vec<A> {
    vec![
        A::Register(0),
        A::Assign(0),
        A::Opinion(2),
        A::Instruct(true, 1),
        A::Reply(true),
        A::Review,
    ]
}

/// A 复核 case's course to its end (Art 36): a hearing while assigned, the reply, a later
/// request refused as 不再受理, 终结. Taken on a case of another level or state, the model says
/// which of these the domain must refuse.
fn rereview_to_the_end() -> Vec<A> {
    vec![
        A::Register(0),
        A::Assign(0),
        A::Hearing(2),
        A::Opinion(2),
        A::Instruct(true, 1),
        A::Reply(true),
        A::NoFurther(0),
        A::Terminate(1),
        A::NoFurther(1),
    ]
}

/// Random steps, now and then the whole way to a review.
fn actions() -> impl Strategy<Value = Vec<A>> {
    let chunk = prop_oneof![
        6 => action().prop_map(|a| vec![a]),
        1 => Just(through_to_review()),
        1 => Just(rereview_to_the_end()),
    ];
    proptest::collection::vec(chunk, 1..16).prop_map(|c| c.concat())
}

/// The command and who gives it, on `today`.
fn command(a: &A, today: chrono::NaiveDate) -> (Command, &'static str) {
    match a {
        A::Register(k) => (
            Command::Register(match k {
                0 => Decision::Accept,
                1 => decline(),
                2 => Decision::pass_on("区人社局"),
                3 => Decision::Answered {
                    text: "当场答复".into(),
                },
                // 交办: a pass-on asking for the 办结报告 (Art 22 (三)).
                _ => Decision::PassOn {
                    to: "区住建局".into(),
                    assign: true,
                    report_by: None,
                },
            }),
            "李娜",
        ),
        A::Assign(h) => (assign(HANDLERS[*h].1, HANDLERS[*h].0), "李娜"),
        A::Recuse(h) => (
            Command::Recuse {
                handler: HANDLERS[*h].0.into(),
                reason: "利害关系".into(),
            },
            "李娜",
        ),
        A::Opinion(by) => (
            Command::Opinion {
                text: "意见".into(),
            },
            ACTORS[*by],
        ),
        A::Instruct(ok, by) => (
            Command::Instruct {
                approve: *ok,
                text: "批示".into(),
            },
            ACTORS[*by],
        ),
        A::Extend(d, by) => (
            Command::Extend {
                days: *d,
                reason: "复杂".into(),
            },
            ACTORS[*by],
        ),
        A::Supervise(by) => (
            Command::Supervise {
                ground: SuperviseGround::Delay,
                text: "督办".into(),
                feedback_by: date(2026, 12, 31),
            },
            ACTORS[*by],
        ),
        A::Reply(with) => (reply(with.then_some(Outcome::Explain)), "李娜"),
        A::ReturnVisit => (
            Command::ReturnVisit {
                unit: Satisfaction::Basic,
                office: Satisfaction::Satisfied,
                note: String::new(),
            },
            "李娜",
        ),
        A::Archive => (Command::Archive, "李娜"),
        A::Review => (
            Command::Review {
                text: "请求复查".into(),
                received_on: None,
            },
            "李娜",
        ),
        A::ReportBack => (
            Command::ReportBack {
                text: "已办结".into(),
                sent_on: None,
            },
            "李娜",
        ),
        A::Remind(by) => (
            Command::Remind {
                ground: "请反馈进展".into(),
                to: "城建科".into(),
                reply_by: date(2026, 12, 31),
            },
            ACTORS[*by],
        ),
        A::Resolve(by) => (
            Command::Resolve {
                how: ResolveHow::Undertaking,
                resolved_on: None,
                text: "信访人书面承诺息诉罢访".into(),
            },
            ACTORS[*by],
        ),
        A::Hearing(by) => (
            Command::Hearing {
                from: today,
                to: today,
                participants: "信访人、承办人".into(),
                conclusion: "维持".into(),
            },
            ACTORS[*by],
        ),
        A::NoFurther(by) => (
            Command::NoFurther {
                text: "同一事实和理由".into(),
                received_on: None,
            },
            ACTORS[*by],
        ),
        A::Terminate(by) => (
            Command::Terminate {
                note: String::new(),
            },
            ACTORS[*by],
        ),
        A::ReportReceived(by) => (
            Command::ReportReceived {
                summary: "区住建局已办结".into(),
                received_on: None,
            },
            ACTORS[*by],
        ),
    }
}

/// The procedure in a dozen plain facts.
#[derive(Debug, Clone, PartialEq)]
struct Model {
    state: State,
    accepted: bool,
    opinions: usize,
    instructions: usize,
    approved: bool,
    extended: bool,
    visited: bool,
    handler: Option<&'static str>,
    recused: Vec<&'static str>,
    replied: bool,
    /// First handling, 复查 or 复核: the case followed now (a review moves to the new case).
    level: Level,
    /// Came in as a referral from above, owing a 办结报告; sent.
    referral: bool,
    reported: bool,
    /// 催办 given on the case followed.
    reminders: usize,
    /// 化解 recorded on the case followed.
    resolutions: usize,
    /// 听证 held, requests refused as 不再受理, and 终结, on the case followed.
    hearings: usize,
    refused: usize,
    terminated: bool,
    /// Passed on as a 交办, owing this office a 办结报告; received.
    jiaoban: bool,
    received: bool,
}

impl Model {
    fn new(referral: bool) -> Model {
        Model {
            state: State::Intake,
            accepted: false,
            opinions: 0,
            instructions: 0,
            approved: false,
            extended: false,
            visited: false,
            handler: None,
            recused: vec![],
            replied: false,
            level: Level::First,
            referral,
            reported: false,
            reminders: 0,
            resolutions: 0,
            hearings: 0,
            refused: 0,
            terminated: false,
            jiaoban: false,
            received: false,
        }
    }

    /// The next model, or None when the procedure forbids the action.
    /// A review creates a new case one level up (leaving this one as it was): the model
    /// follows the new case.
    fn next(&self, a: &A) -> Option<Model> {
        use State::*;
        let mut m = self.clone();
        let leader = |by: &usize| *by == 1;
        let open = matches!(m.state, Registered | Assigned) && m.accepted;
        match a {
            // 当场答复 (3) needs the petitioner there: not for an item passed down (Art 23).
            A::Register(3) if m.referral => return None,
            A::Register(k) if m.state == Intake => {
                m.accepted = *k == 0;
                m.state = if *k == 3 { Replied } else { Registered };
                m.replied = *k == 3;
                m.jiaoban = *k == 4;
            }
            A::Assign(h) if open && !m.recused.contains(&HANDLERS[*h].0) => {
                m.state = Assigned;
                m.handler = Some(HANDLERS[*h].0);
            }
            A::Recuse(h) if open => {
                let name = HANDLERS[*h].0;
                m.recused.push(name);
                if m.handler == Some(name) {
                    m.handler = None;
                    m.state = Registered;
                }
            }
            A::Opinion(by)
                if m.state == Assigned
                    && m.opinions == m.instructions
                    && (leader(by) || m.handler == Some(ACTORS[*by])) =>
            {
                m.opinions += 1;
                m.approved = false;
            }
            A::Instruct(ok, by)
                if m.state == Assigned && m.opinions > m.instructions && leader(by) =>
            {
                m.instructions += 1;
                m.approved = *ok;
            }
            // Art 34's extension is for first handling; the 复查/复核 clocks take none.
            A::Extend(d, by)
                if m.state == Assigned
                    && !m.extended
                    && leader(by)
                    && m.level == Level::First
                    && (1..=30).contains(d) =>
            {
                m.extended = true
            }
            A::Supervise(by) if open && leader(by) => {}
            A::Reply(with)
                if (m.state == Registered && !m.accepted && !with)
                    || (m.state == Assigned && m.approved && *with) =>
            {
                m.state = Replied;
                m.replied = true;
            }
            A::ReturnVisit if m.state == Replied && !m.visited => m.visited = true,
            A::Archive if m.state == Replied => m.state = Archived,
            // Art 35–36: from the reply on, archived or not; nothing after 复核.
            A::Review if matches!(m.state, Replied | Archived) && m.accepted && m.replied => {
                let level = m.level.next()?;
                return Some(Model {
                    level,
                    ..Model::new(m.referral)
                });
            }
            A::ReportBack if m.referral && matches!(m.state, Replied | Archived) && !m.reported => {
                m.reported = true
            }
            // 催办 presses the department holding an assigned case: the office's (clerk, leader).
            A::Remind(by) if m.state == Assigned && *by <= 1 => m.reminders += 1,
            // 化解 (Art 37): an accepted case from its decision on, replied and archived too; the
            // office's (clerk, leader).
            A::Resolve(by) if m.accepted && m.state != Intake && *by <= 1 => m.resolutions += 1,
            // A hearing on an assigned 申诉求决 case's first handling (Art 31 (六)) or on a 复核
            // (Art 36 第二款), recorded by the office or by the handler holding it.
            A::Hearing(by)
                if m.state == Assigned
                    && matches!(m.level, Level::First | Level::ReReview)
                    && (*by <= 1 || m.handler == Some(ACTORS[*by])) =>
            {
                m.hearings += 1
            }
            // Art 36 第三款: after the 复核 opinion is served, a later request is refused on record.
            A::NoFurther(by)
                if matches!(m.state, Replied | Archived)
                    && (m.terminated
                        || (m.level == Level::ReReview && m.accepted && m.replied))
                    && *by <= 1 =>
            {
                m.refused += 1
            }
            // 终结: a leader's, once, on an accepted 复核 case once replied.
            A::Terminate(by)
                if matches!(m.state, Replied | Archived)
                    && m.level == Level::ReReview
                    && m.accepted
                    && !m.terminated
                    && leader(by) =>
            {
                m.terminated = true
            }
            // The 办结报告 of a 交办 comes back once, told or archived or not, to the office.
            A::ReportReceived(by) if m.jiaoban && !m.received && *by <= 1 => m.received = true,
            _ => return None,
        }
        Some(m)
    }

    fn matches(&self, c: &Case) -> bool {
        c.state == self.state
            && c.accepted() == self.accepted
            && c.opinions.len() == self.opinions
            && c.instructions.len() == self.instructions
            && c.approved_opinion().is_some() == self.approved
            && c.extension.is_some() == self.extended
            && c.return_visit.is_some() == self.visited
            && c.assignment.as_ref().map(|a| a.handler.as_str()) == self.handler
            && c.reply.is_some() == self.replied
            && c.level() == self.level
            && c.report_back.is_some() == self.reported
            && c.reminders.len() == self.reminders
            && c.resolutions.len() == self.resolutions
            && c.hearings.len() == self.hearings
            && c.no_further.len() == self.refused
            && c.terminated.is_some() == self.terminated
            && c.report_received.is_some() == self.received
            && c.decision
                .as_ref()
                .is_some_and(|d| d.decision.reports_back().is_some())
                == self.jiaoban
    }
}

/// What must hold of any case, whatever happened before.
fn invariants(c: &Case) {
    use State::*;
    assert_eq!(c.decision.is_none(), c.state == Intake);
    assert!(c.instructions.len() <= c.opinions.len());
    assert!(c.extension_days() <= 30);
    if c.state == Assigned {
        let a = c.assignment.as_ref().expect("assigned without assignment");
        assert!(c.accepted());
        assert!(
            !c.recusals.iter().any(|r| r.handler == a.handler),
            "recused handler assigned"
        );
        assert!(c.reply.is_none());
    }
    if matches!(c.state, Replied | Archived) {
        assert!(c.reply.is_some());
        if c.accepted()
            && c.decision
                .as_ref()
                .is_some_and(|d| d.decision == Decision::Accept)
            && c.opinions.is_empty()
        {
            panic!("accepted case replied without an opinion");
        }
    }
    assert_eq!(c.archived.is_some(), c.state == Archived);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn random_sequences_agree_with_the_model(referral in any::<bool>(), actions in actions()) {
        let o = Office0::new();
        let dir = tempfile::tempdir().unwrap();
        let mut store = ledger(&dir.path().join("l.db"));
        let mut input = intake_input();
        if referral {
            input.channel = Channel::Referral;
            input.referral = Some(xinfang::domain::case::Referral {
                body: "市信访局".into(),
                doc_no: None,
                deadline: Some(date(2026, 3, 5)),
            });
        }
        let intake = Command::Intake(Box::new(input));
        let mut case = o.apply(None, &intake, "李娜", t(0)).unwrap().case;
        let req = |command: Command, actor: &str, case: Option<CaseRef>, at| Request { case, expected_version: None, command, actor: actor.into(), at };
        case.id = store.execute(&req(intake, "李娜", None, t(0))).unwrap().id;
        let mut model = Model::new(referral);
        let mut accepted_commands = 1;
        let mut created = 1;
        for (i, a) in actions.iter().enumerate() {
            // A minute apart, all on the day received: 当场答复 is for that day alone (Art 23
            // 第二款), which the model does not track; an hour apart, a long run passed midnight.
            let at = t(0) + Duration::minutes(i as i64 + 1);
            let (cmd, actor) = command(a, at.date_naive());
            let pure = o.apply(Some(&case), &cmd, actor, at);
            let stored = store.execute(&req(cmd.clone(), actor, Some(CaseRef::Id(case.id)), at));
            let predicted = model.next(a);
            prop_assert_eq!(pure.is_ok(), predicted.is_some(), "{:?} on {:?}: domain {:?}", a, model, pure.as_ref().err());
            prop_assert_eq!(stored.is_ok(), pure.is_ok(), "store and domain disagree on {:?}", a);
            if let (Ok(t), Some(m)) = (pure, predicted) {
                accepted_commands += 1;
                if t.created {
                    created += 1;
                    prop_assert_eq!(t.case.review_of, Some(case.id));
                }
                case = t.case;
                if let Ok(applied) = &stored {
                    case.id = applied.id;
                    case.case_no = applied.case_no.clone();
                }
                model = m;
                prop_assert!(model.matches(&case), "model {:?} vs case state {:?}", model, case.state);
                invariants(&case);
            }
        }
        // Nothing lost: one event per accepted command, the stored case is
        // the one the domain produced, and the journal proves it.
        let today = date(2026, 3, 10);
        let row = store.case(&CaseRef::Id(case.id), today).unwrap();
        prop_assert_eq!(&row.case, &case);
        let events: usize = (1..=created).map(|id| store.events(id).unwrap().len()).sum();
        prop_assert_eq!(events, accepted_commands);
        prop_assert!(store.check().unwrap().ok());
        // `check` above holds the report's rollups, kept with every write, to their
        // recomputation; here they give the figures that counting the cases gives.
        for period in [Period::month(2026, 3), Period::week_of(today), Period::day(t(1).date_naive())] {
            let rolled = store.report(period, today, 10).unwrap();
            let windows = period.compared(today).map(|p| (p.start, p.end));
            let facts = store.report_facts(&windows).unwrap();
            let steps = store.step_events(&windows).unwrap();
            let rules = store.office().rules(&[], &[]);
            let counted = stats::report_parts(&[&facts], &steps, period, &rules, today, 10);
            prop_assert_eq!(&rolled.figures, &counted.figures);
            let ids = |r: &stats::Report| r.listed_ids();
            prop_assert_eq!(ids(&rolled), ids(&counted));
        }
    }
}
