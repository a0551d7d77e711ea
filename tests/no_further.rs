//! After 复核 (2022《信访工作条例》第三十六条第三款: 信访人对复核意见不服，仍然以同一事实和理由
//! 提出投诉请求的，不再受理): a later request recorded on the 复核 case as 不再受理, its notice,
//! and 终结. Dates written out by hand; a window counts as every clock here (start day not
//! counted, a last day on a rest day rolled to the next working day).

mod common;

use common::chain::{Chain, on};
use common::fixture::*;
use serde_json::{Value, json};
use xinfang::documents::{Extra, Renderer, issue_or_reprint};
use xinfang::domain::command::Command;
use xinfang::domain::documents::{DocKind, OfficeProfile};
use xinfang::domain::error::WorkflowError as E;
use xinfang::domain::op::{Act, Op};
use xinfang::domain::types::{Level, Role, State};
use xinfang::store::{CaseRef, StoreError};
use xinfang::strings::{Lang, errors};

/// 09:00 office time on `s`.
impl Chain {
    fn handle(&mut self, day: &str, reply: &str) {
        self.ok("李娜", day, json!({"op":"register","decision":"accept"}));
        let assign = json!({"op":"assign","department":"城建科","handler":"王强"});
        self.ok("李娜", day, assign);
        self.ok("王强", day, json!({"op":"opinion","text":reply}));
        self.ok("赵局长", day, json!({"op":"instruct","approve":true}));
    }

    fn reply(&mut self, served: &str, text: &str) {
        let reply = json!({"op":"reply","outcome":"reject","method":"post","text":text});
        self.ok("李娜", served, reply);
    }

    fn review(&mut self, when: &str) {
        let cmd = json!({"op":"review","text":"对意见不服"});
        self.id = self.run("李娜", when, cmd).unwrap();
    }

    fn case(&self) -> xinfang::domain::case::Case {
        let row = self.store.case(&CaseRef::Id(self.id), date(2026, 4, 1));
        row.unwrap().case
    }

    fn issue(&mut self, kind: DocKind, when: &str) -> Result<(String, String), StoreError> {
        let out = issue_or_reprint(
            &mut self.store,
            &Renderer::builtin().unwrap(),
            &CaseRef::Id(self.id),
            kind,
            &Extra::default(),
            "李娜",
            on(when),
        )?;
        Ok((out.document.number, out.document.text))
    }
}

/// The chain of one matter: first handling served 2026-01-20, 复查 asked 02-02 and its opinion
/// served 02-25, 复核 asked Mon 03-02 (id 3), accepted, assigned and handled the same day; its
/// opinion served Fri 03-20 unless `served` is None.
fn rereview(served: Option<&str>) -> Chain {
    let dir = tempfile::tempdir().unwrap();
    let mut store = ledger(&dir.path().join("l.db"));
    store
        .set_office_profile(&OfficeProfile {
            name: "某区信访局".into(),
            prefix: "X信".into(),
            review_organ: "某市信访局".into(),
            ..OfficeProfile::default()
        })
        .unwrap();
    let mut c = Chain { dir, store, id: 0 };
    let mut input = serde_json::to_value(intake_input()).unwrap();
    input["op"] = json!("intake");
    input["received_at"] = json!("2026-01-05T09:00:00+08:00");
    c.id = c.run("李娜", "2026-01-05", input).unwrap();
    c.handle("2026-01-06", "拟解释说明");
    c.reply("2026-01-20", "补偿款已按标准核定");
    c.review("2026-02-02");
    c.handle("2026-02-03", "维持原处理意见");
    c.reply("2026-02-25", "经复查，维持原处理意见");
    c.review("2026-03-02");
    c.handle("2026-03-02", "维持复查意见");
    if let Some(served) = served {
        c.reply(served, "经复核，补偿款已按标准足额核定，维持复查意见");
    }
    c
}

fn no_further(text: &str, received_on: &str) -> Value {
    json!({"op":"no_further","text":text,"received_on":received_on})
}

#[test]
fn a_request_after_rereview_is_recorded_as_not_accepted_again_and_told() {
    let mut c = rereview(Some("2026-03-20"));
    assert_eq!(c.case().level(), Level::ReReview);
    // The petitioner asks again on Mon 03-30. `review` refuses, pointing to the step.
    let again = c.run("李娜", "2026-04-01", json!({"op":"review","text":"仍不服"}));
    let Err(StoreError::Workflow(e)) = again else {
        panic!("{again:?}")
    };
    assert_eq!(e, E::NoFurtherReview);
    let zh = errors::workflow(Lang::Zh, &e);
    assert!(
        zh.contains("第三十六条第三款") && zh.contains("按 l"),
        "{zh}"
    );
    assert!(
        zh.contains("no_further") && zh.contains("不再受理告知书"),
        "{zh}"
    );
    let en = errors::workflow(Lang::En, &e);
    assert!(en.contains("with l") && en.contains("no_further"), "{en}");
    // No notice before a request is recorded; the refusal names the key.
    let none = c.issue(DocKind::NoFurther, "2026-04-01").unwrap_err();
    assert!(errors::store(Lang::Zh, &none).contains("按 l"), "{none:?}");
    // Received before the 复核 opinion was served (03-20): it cannot be a request against it.
    let early = c.run("李娜", "2026-04-01", no_further("仍要求支付", "2026-03-19"));
    assert!(
        matches!(&early, Err(StoreError::Workflow(E::DateTooEarly { .. }))),
        "{early:?}"
    );
    // Nor received after today (04-01).
    let late = c.run("李娜", "2026-04-01", no_further("仍要求支付", "2026-04-02"));
    assert!(
        matches!(&late, Err(StoreError::Workflow(E::DateTooLate { .. }))),
        "{late:?}"
    );
    c.ok(
        "李娜",
        "2026-04-01",
        no_further("仍以补偿款未到位为由要求支付", "2026-03-30"),
    );
    let case = c.case();
    assert_eq!(case.state, State::Replied, "the case does not move");
    assert_eq!(case.no_further.len(), 1);
    assert_eq!(case.no_further[0].received_on, date(2026, 3, 30));
    let events = c.store.events(c.id).unwrap();
    assert_eq!(events.last().unwrap().op, "no_further");
    // The notice: numbered 不再, addressed to the petitioner, stating the request, the 复核
    // opinion and its day, and Art 36 第三款.
    let (number, text) = c.issue(DocKind::NoFurther, "2026-04-01").unwrap();
    assert_eq!(number, "X信不再〔2026〕1号");
    for want in [
        "不再受理告知书",
        "张三：",
        "您于2026年3月30日提出的请求收悉：“仍以补偿款未到位为由要求支付”",
        "您此前提出的复核请求（编号2026-0003）已经复核，复核意见（不予支持）已于2026年3月20日送达您。复核意见为：“经复核，补偿款已按标准足额核定，维持复查意见”",
        "《信访工作条例》第三十六条第三款",
        "仍然以同一事实和理由提出投诉请求的，不再受理",
        "本机关不再受理",
    ] {
        assert!(text.contains(want), "missing {want}:\n{text}");
    }
    assert!(!text.contains("已终结"), "{text}");
}

#[test]
fn not_accepted_again_only_where_the_chain_is_exhausted() {
    let o = Office0::new();
    let f = fixtures(&o);
    let refuse = Command::NoFurther {
        text: "仍要求支付".into(),
        received_on: None,
    };
    // A first handling, replied: the petitioner may still ask for 复查 (Art 35).
    let first = o.apply(Some(&f[7].1), &refuse, "李娜", t(8)).unwrap_err();
    assert!(matches!(first, E::WrongState { .. }), "{first:?}");
    // A 复核 case not yet replied: no 复核 opinion to hold to.
    let c = rereview(None);
    let open = c.case();
    assert_eq!(open.state, State::Assigned);
    let err = o.apply(Some(&open), &refuse, "李娜", on("2026-03-10"));
    assert!(matches!(err, Err(E::WrongState { .. })), "{err:?}");
    // A handler does not record it: the office does.
    let replied = rereview(Some("2026-03-20")).case();
    let by_handler = o.apply(Some(&replied), &refuse, "王强", on("2026-03-23"));
    assert!(
        matches!(by_handler, Err(E::RoleRequired { .. })),
        "{by_handler:?}"
    );
}

#[test]
fn terminate_closes_the_matter_after_the_rereview_opinion() {
    let mut c = rereview(None);
    // Before the 复核 opinion is served there is nothing to close.
    let early = c.run("赵局长", "2026-03-10", json!({"op":"terminate"}));
    assert!(
        matches!(
            &early,
            Err(StoreError::Workflow(E::WrongState {
                op: Op::Terminate,
                ..
            }))
        ),
        "{early:?}"
    );
    c.reply("2026-03-20", "经复核，维持复查意见");
    // A leader's decision.
    let clerk = c.run("李娜", "2026-03-23", json!({"op":"terminate"}));
    let Err(StoreError::Workflow(e)) = clerk else {
        panic!("{clerk:?}")
    };
    assert_eq!(
        e,
        E::RoleRequired {
            op: Act::Step(Op::Terminate),
            needed: vec![Role::Leader],
            actor: "李娜".into(),
            actual: Role::Clerk,
        }
    );
    let note = json!({"op":"terminate","note":"复核意见已送达，信访事项终结"});
    c.ok("赵局长", "2026-03-23", note);
    let case = c.case();
    assert_eq!(case.state, State::Replied);
    let closed = case.terminated.as_ref().unwrap();
    assert_eq!(
        (closed.stamp.by.as_str(), closed.note.as_str()),
        ("赵局长", "复核意见已送达，信访事项终结")
    );
    // Once only; the case may still be archived; a later request is 不再受理, and its notice
    // says the matter is closed.
    let twice = c.run("赵局长", "2026-03-24", json!({"op":"terminate"}));
    assert!(
        matches!(twice, Err(StoreError::Workflow(E::AlreadyTerminated))),
        "{twice:?}"
    );
    c.ok("李娜", "2026-03-24", json!({"op":"archive"}));
    let again = c.run("李娜", "2026-03-30", json!({"op":"review","text":"仍不服"}));
    assert!(
        matches!(again, Err(StoreError::Workflow(E::NoFurtherReview))),
        "{again:?}"
    );
    c.ok("李娜", "2026-03-30", no_further("仍要求支付", "2026-03-30"));
    let (_, text) = c.issue(DocKind::NoFurther, "2026-03-30").unwrap();
    assert!(text.contains("送达您，该信访事项已终结。"), "{text}");
    // `show` says so beside the state and on its own line.
    let db = c.dir.path().join("l.db");
    drop(c.store);
    let out = common::run(&["show", "--db", db.to_str().unwrap(), "3"], "");
    assert!(out.success(), "{out:?}");
    for want in [
        "[已归档] [已终结]",
        "终结：2026-03-23由赵局长终结（复核意见已送达，信访事项终结）；同一事实和理由再提出的，不再受理",
        "不再受理：2026-03-30收到：仍要求支付（第三十六条第三款）",
    ] {
        assert!(out.stdout.contains(want), "missing {want}:\n{}", out.stdout);
    }
    // Lists say 已终结 rather than the step it stopped at.
    let list = common::run(&["list", "--db", db.to_str().unwrap()], "");
    let row = list.stdout.lines().find(|l| l.contains("2026-0003"));
    assert!(row.is_some_and(|r| r.contains("已终结")), "{}", list.stdout);
    // A first handling is not 终结'd: it goes on to 复查 (Art 35).
    let o = Office0::new();
    let f = fixtures(&o);
    let first = o.apply(
        Some(&f[7].1),
        &Command::Terminate {
            note: String::new(),
        },
        "赵局长",
        t(8),
    );
    assert!(matches!(first, Err(E::WrongState { .. })), "{first:?}");
}
