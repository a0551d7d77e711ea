//! Dates that cannot be, and the date a notice records (2022《信访工作条例》第二十三条第二款:
//! the petitioner is told in writing within 15 days of receipt). Dates are written out by
//! hand; the start day is not counted and a period ending on a rest day rolls to the next
//! working day.

mod common;

use common::fixture::*;
use tempfile::TempDir;
use xinfang::documents::{Extra, Renderer, issue_or_reprint};
use xinfang::domain::case::Case;
use xinfang::domain::command::Command;
use xinfang::domain::deadline::ClockStatus;
use xinfang::domain::documents::{Body, DocKind, IssueInput, OfficeProfile};
use xinfang::domain::due::case_clocks;
use xinfang::domain::error::WorkflowError as E;
use xinfang::domain::stats::{FigureKey, Key, Period, Section};
use xinfang::domain::types::*;
use xinfang::domain::workflow::LEDGER_YEARS;
use xinfang::store::{CaseRef, Request, Store};
use xinfang::strings::{Lang, errors, labels};

fn issue(kind: DocKind) -> Command {
    Command::Issue(Box::new(IssueInput::new(kind)))
}

/// Received Mon 2026-03-02 (T0), accepted Tue 03-03 (t(1)), assigned Wed 03-04 (t(2)).
/// The decide clock: 03-02 + 15 = Tue 03-17, a working day: the written notice is due then.
fn accepted(o: &Office0) -> Case {
    let intake = Command::Intake(Box::new(intake_input()));
    let c = o.apply(None, &intake, "李娜", t(0)).unwrap().case;
    let c = o.step(&c, Command::Register(Decision::Accept), "李娜", t(1));
    o.step(&c, assign("城建科", "王强"), "李娜", t(2))
}

fn decide(c: &Case, o: &Office0) -> ClockStatus {
    let views = case_clocks(c, &o.rules(), date(2026, 3, 25));
    let v = views.into_iter().find(|v| v.key == "decide").unwrap();
    assert_eq!(v.due, date(2026, 3, 17));
    v.status
}

#[test]
fn a_late_acceptance_notice_flags_the_decide_clock() {
    let o = Office0::new();
    let c = accepted(&o);
    // No notice recorded yet: the decision in time meets the clock, as before.
    let met = ClockStatus::Met {
        done: date(2026, 3, 3),
    };
    assert_eq!(decide(&c, &o), met);
    // The 受理告知书 issued on the last day, Tue 03-17 (t(15)): met; the notice is not late.
    let on_time = o.apply(Some(&c), &issue(DocKind::Accept), "李娜", t(15));
    let on_time = on_time.unwrap();
    let Some(Body::Accept {
        late_for, decided, ..
    }) = on_time.document.map(|d| d.body)
    else {
        panic!("no acceptance notice")
    };
    assert_eq!((late_for, decided), (None, date(2026, 3, 3)));
    assert_eq!(decide(&on_time.case, &o), met);
    // Issued Fri 03-20 (t(18)): three days after 03-17. The decision (03-03) was in time, the
    // written notice was not: 书面告知逾期 3 日.
    let late = o.apply(Some(&c), &issue(DocKind::Accept), "李娜", t(18));
    let late = late.unwrap();
    let expected = ClockStatus::NoticeLate {
        done: date(2026, 3, 3),
        notified: date(2026, 3, 20),
        days_late: 3,
    };
    let status = decide(&late.case, &o);
    assert_eq!(status, expected);
    let zh = labels::clock_status(Lang::Zh, &status);
    assert_eq!(zh, "2026-03-03 决定，书面告知逾期3日（2026-03-20告知）");
    // The notice itself records the decision's day and the due date it missed.
    let Some(Body::Accept {
        late_for, decided, ..
    }) = late.document.map(|d| d.body)
    else {
        panic!("no acceptance notice")
    };
    assert_eq!(
        (late_for, decided),
        (Some(date(2026, 3, 17)), date(2026, 3, 3))
    );
    // A second notice later changes nothing: the first one told the petitioner.
    let again = o.step(&on_time.case, issue(DocKind::Accept), "李娜", t(18));
    assert_eq!(decide(&again, &o), met);
}

#[test]
fn a_declined_items_notice_served_late_flags_it_too() {
    let o = Office0::new();
    let intake = Command::Intake(Box::new(intake_input()));
    let c = o.apply(None, &intake, "李娜", t(0)).unwrap().case;
    let declined = o.step(&c, Command::Register(decline()), "李娜", t(1));
    // The 不予受理 notice served as its reply on Wed 03-18 (t(16)): one day past 03-17.
    let told = o.step(&declined, reply(None), "李娜", t(16));
    let expected = ClockStatus::NoticeLate {
        done: date(2026, 3, 3),
        notified: date(2026, 3, 18),
        days_late: 1,
    };
    assert_eq!(decide(&told, &o), expected);
}

#[test]
fn a_date_outside_the_ledgers_years_is_refused() {
    let o = Office0::new();
    assert_eq!(LEDGER_YEARS, (2000, 2099));
    // An intake dated 1900-01-01 (received_at typed wrong).
    let mut input = intake_input();
    input.received_at = Some(at("1900-01-01T09:00:00+08:00"));
    let r = o.apply(None, &Command::Intake(Box::new(input)), "李娜", t(0));
    let e = r.unwrap_err();
    let want = E::DateOutsideLedger {
        date: date(1900, 1, 1),
        first: 2000,
        last: 2099,
    };
    assert_eq!(e, want);
    let zh = errors::workflow(Lang::Zh, &e);
    assert!(zh.contains("超出台账允许的年份（2000年至2099年）"), "{zh}");
    // A reply-by date of 9999-12-31 on a 催办, and a step whose own day is in 2100.
    let c = accepted(&o);
    let remind = Command::Remind {
        ground: "请抓紧".into(),
        to: "城建科".into(),
        reply_by: date(9999, 12, 31),
    };
    let r = o.apply(Some(&c), &remind, "李娜", t(3));
    assert!(
        matches!(
            r,
            Err(E::DateOutsideLedger {
                first: 2000,
                last: 2099,
                ..
            })
        ),
        "{r:?}"
    );
    let r = o.apply(
        Some(&c),
        &Command::Own,
        "赵局长",
        at("2100-01-04T09:00:00+08:00"),
    );
    assert!(matches!(r, Err(E::DateOutsideLedger { .. })), "{r:?}");
    // The last day of 2099 is still in.
    let remind = Command::Remind {
        ground: "请抓紧".into(),
        to: "城建科".into(),
        reply_by: date(2099, 12, 31),
    };
    assert!(o.apply(Some(&c), &remind, "李娜", t(3)).is_ok());
}

struct Ledger {
    _dir: TempDir,
    store: Store,
    renderer: Renderer,
}

fn ledger() -> Ledger {
    let dir = TempDir::new().unwrap();
    let mut store = common::fixture::ledger(&dir.path().join("l.db"));
    store
        .set_office_profile(&OfficeProfile {
            name: "某区信访局".into(),
            address: "某区人民路1号".into(),
            phone: "010-12345678".into(),
            hotline: "12345".into(),
            prefix: "X信".into(),
            seal: "某区信访局信访专用章".into(),
            review_organ: "某市信访局".into(),
            printer: String::new(),
            ..OfficeProfile::default()
        })
        .unwrap();
    Ledger {
        _dir: dir,
        store,
        renderer: Renderer::builtin().unwrap(),
    }
}

impl Ledger {
    fn run(&mut self, case: Option<i64>, command: Command, actor: &str, day: i64) -> i64 {
        let req = Request {
            case: case.map(CaseRef::Id),
            expected_version: None,
            command,
            actor: actor.into(),
            at: t(day),
        };
        self.store.execute(&req).unwrap().id
    }

    fn issue(&mut self, id: i64, kind: DocKind, day: i64) -> (String, String) {
        let out = issue_or_reprint(
            &mut self.store,
            &self.renderer,
            &CaseRef::Id(id),
            kind,
            &Extra::default(),
            "李娜",
            t(day),
        )
        .unwrap();
        (out.document.number, out.document.text)
    }
}

#[test]
fn the_late_notice_says_so_and_the_report_counts_the_decide_clock_missed() {
    let mut l = ledger();
    let id = l.run(None, Command::Intake(Box::new(intake_input())), "李娜", 0);
    l.run(Some(id), Command::Register(Decision::Accept), "李娜", 1);
    l.run(Some(id), assign("城建科", "王强"), "李娜", 2);
    // Issued Fri 2026-03-20, dated that day; it records the decision of Tue 03-03 and the
    // due date 03-17 it missed.
    let (_, text) = l.issue(id, DocKind::Accept, 18);
    assert!(text.contains("本机关已于2026年3月3日登记受理"), "{text}");
    assert!(
        text.contains("本告知书于2026年3月20日出具，晚于书面告知期限2026年3月17日"),
        "{text}"
    );
    // The report of March, on 03-31: the decide clock ended (decided 03-03), not on time.
    let report = l
        .store
        .report(Period::month(2026, 3), date(2026, 3, 31), 10)
        .unwrap();
    let count = |k: FigureKey| {
        let f = report.figure(Section::Timeliness, &Key::Fixed(k));
        f.and_then(|f| f.value.count())
    };
    assert_eq!(
        (
            count(FigureKey::DecideEnded),
            count(FigureKey::DecideOnTime)
        ),
        (Some(1), Some(0))
    );
}

#[test]
fn the_whereabouts_notice_tells_where_a_jiaoban_went() {
    let mut l = ledger();
    let id = l.run(None, Command::Intake(Box::new(intake_input())), "李娜", 0);
    let jiaoban = Decision::PassOn {
        to: "区住建局".into(),
        assign: true,
        report_by: Some(date(2026, 4, 10)),
    };
    l.run(Some(id), Command::Register(jiaoban), "李娜", 1);
    // Told on Wed 03-04 (t(2)), within the 15 days (due 03-17).
    let (number, text) = l.issue(id, DocKind::Whereabouts, 2);
    assert_eq!(number, "X信去〔2026〕1号");
    assert!(text.contains("转送交办去向告知书"), "{text}");
    assert!(
        text.contains("本机关已于2026年3月3日交由区住建局办理"),
        "{text}"
    );
    assert!(text.contains("第二十三条第一款"), "{text}");
    // The 交办单 to the body asks for the 办结报告 by the date set.
    let (_, sheet) = l.issue(id, DocKind::Transfer, 2);
    assert!(sheet.contains("交办单"), "{sheet}");
    assert!(sheet.contains("请于2026年4月10日前办结"), "{sheet}");
    let row = l.store.case(&CaseRef::Id(id), date(2026, 3, 4));
    let views = row.unwrap().clocks;
    let decide = views.iter().find(|v| v.key == "decide").unwrap();
    let met = ClockStatus::Met {
        done: date(2026, 3, 3),
    };
    assert_eq!(decide.status, met);
}

#[test]
fn a_late_decline_notice_says_when_the_decision_was_taken() {
    let mut l = ledger();
    let id = l.run(None, Command::Intake(Box::new(intake_input())), "李娜", 0);
    l.run(Some(id), Command::Register(decline()), "李娜", 1);
    // Declined Tue 2026-03-03; the notice issued Fri 03-20 (t(18)), after the due 03-17.
    let (_, text) = l.issue(id, DocKind::Decline, 18);
    assert!(text.contains("本机关于2026年3月3日决定不予受理"), "{text}");
    assert!(
        text.contains("本告知书于2026年3月20日出具，晚于书面告知期限2026年3月17日"),
        "{text}"
    );
    let row = l.store.case(&CaseRef::Id(id), date(2026, 3, 20)).unwrap();
    let decide = row.clocks.iter().find(|v| v.key == "decide").unwrap();
    let expected = ClockStatus::NoticeLate {
        done: date(2026, 3, 3),
        notified: date(2026, 3, 20),
        days_late: 3,
    };
    assert_eq!(decide.status, expected);
}
