//! The superior's deadline (Art 22 (三)) where the office sees what is late: the header's
//! overdue count, the queue's overdue slice, `list --overdue` (the store's list) and the
//! leader's dashboard take whichever clock ends first. Dates are written out by hand.

mod common;

use common::fixture::*;
use xinfang::domain::case::Referral;
use xinfang::domain::command::Command;
use xinfang::domain::stats::{Key, Period};
use xinfang::domain::types::{Channel, Decision};
use xinfang::store::views::{PageQuery, Slice};
use xinfang::store::{CaseRef, ListFilter, Request, Store};

fn run(store: &mut Store, case: Option<i64>, command: Command, actor: &str, day: i64) -> i64 {
    let req = Request {
        case: case.map(CaseRef::Id),
        expected_version: None,
        command,
        actor: actor.into(),
        at: t(day),
    };
    store.execute(&req).unwrap().id
}

/// Case 1: a referral received Mon 2026-03-02, accepted Tue 03-03, assigned, due back to the
/// superior by Fri 2026-04-10. Case 2: a visit, the same steps, no superior.
fn two_cases(store: &mut Store) {
    let mut input = intake_input();
    input.channel = Channel::Referral;
    input.referral = Some(Referral {
        body: "市信访局".into(),
        doc_no: None,
        deadline: Some(date(2026, 4, 10)),
    });
    for input in [input, intake_input()] {
        let id = run(store, None, Command::Intake(Box::new(input)), "李娜", 0);
        run(
            store,
            Some(id),
            Command::Register(Decision::Accept),
            "李娜",
            1,
        );
        run(store, Some(id), assign("城建科", "王强"), "李娜", 2);
    }
}

#[test]
fn the_superiors_date_counts_in_header_queue_list_and_dashboard() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = ledger(&dir.path().join("l.db"));
    two_cases(&mut store);
    // Both handling clocks: 03-03 + 60 = Sat 05-02, 劳动节 (05-01..05) → Wed 05-06. On Mon
    // 04-13 neither is late, but case 1's superior wanted it by 04-10: one case overdue.
    let today = date(2026, 4, 13);
    let counts = store.desk_counts(today).unwrap();
    assert_eq!(counts.overdue, 1);
    let listed = store
        .list(
            &ListFilter {
                overdue: true,
                limit: 50,
                ..ListFilter::default()
            },
            today,
        )
        .unwrap();
    let ids: Vec<i64> = listed.iter().map(|(r, _)| r.case.id).collect();
    assert_eq!(ids, [1]);
    let page = store
        .queue_page(
            &PageQuery {
                slice: Slice::Overdue,
                channel: None,
                mine: None,
                sort: Default::default(),
                after: None,
                limit: 50,
            },
            today,
        )
        .unwrap();
    let ids: Vec<i64> = page.iter().map(|(r, _)| r.case.id).collect();
    assert_eq!(ids, [1]);
    let dash = store.leader_dashboard("赵局长", today, 50).unwrap();
    let ids: Vec<i64> = dash.overdue.iter().map(|r| r.case.id).collect();
    assert_eq!(ids, [1]);
    // On Thu 04-09 (one day before the superior's date) nothing is late; the referral is due
    // soon: (04-09, 04-10] holds one working day, within the policy's 3.
    // The report of April, on 04-13 (its cut-off): case 1 overdue by the superior's clock only.
    let report = store.report(Period::month(2026, 4), today, 10).unwrap();
    let ids: Vec<i64> = report.overdue_items.iter().map(|i| i.id).collect();
    assert_eq!(ids, [1]);
    let clock = |key: &str| {
        let f = report
            .figures
            .iter()
            .find(|f| f.key == Key::Clock(key.into()));
        f.and_then(|f| f.value.count())
    };
    assert_eq!((clock("superior"), clock("handle")), (Some(1), Some(0)));
    let before = store.desk_counts(date(2026, 4, 9)).unwrap();
    assert_eq!((before.overdue, before.due_soon), (0, 1));
    // On 04-13 (t(42)) the reply is served and the 办结报告 sent, three days late: nothing
    // runs on case 1 any more, so nothing is overdue.
    let opinion = Command::Opinion {
        text: "拟支持".into(),
    };
    run(&mut store, Some(1), opinion, "王强", 42);
    let instruct = Command::Instruct {
        approve: true,
        text: "同意".into(),
    };
    run(&mut store, Some(1), instruct, "赵局长", 42);
    run(
        &mut store,
        Some(1),
        reply(Some(xinfang::domain::types::Outcome::Support)),
        "李娜",
        42,
    );
    let report = Command::ReportBack {
        text: "已办结".into(),
        sent_on: None,
    };
    run(&mut store, Some(1), report, "李娜", 42);
    assert_eq!(store.counts(today).unwrap().overdue, 0);
}

/// The desk says what `apply` says: the extension past the superior's date is carried out,
/// and its message carries the warning (Art 22 (三), Art 34).
#[test]
fn the_desk_shows_the_warning_of_an_extension_past_the_superiors_date() {
    use common::desk::Desk;
    use xinfang::ui::messages::Cmd;
    use xinfang::ui::runtime;
    let mut d = Desk::new("赵局长", 8);
    // Case 2: a referral due back by Fri 2026-05-08; handling due Wed 05-06 (see above).
    let mut input = intake_input();
    input.channel = Channel::Referral;
    input.referral = Some(Referral {
        body: "市信访局".into(),
        doc_no: None,
        deadline: Some(date(2026, 5, 8)),
    });
    let id = run(
        &mut d.store,
        None,
        Command::Intake(Box::new(input)),
        "李娜",
        0,
    );
    run(
        &mut d.store,
        Some(id),
        Command::Register(Decision::Accept),
        "李娜",
        1,
    );
    run(&mut d.store, Some(id), assign("城建科", "王强"), "李娜", 2);
    // +10 days on Tue 03-10: 03-03 + 70 = Tue 05-12, past 05-08.
    let cmd = Cmd::Execute {
        id,
        version: 3,
        command: Box::new(Command::Extend {
            days: 10,
            reason: "需现场勘查".into(),
        }),
    };
    let msg = runtime::execute(&mut d.store, &d.app, &cmd);
    runtime::dispatch(&mut d.store, &mut d.app, msg);
    let said = d.app.message.clone().unwrap_or_default();
    assert!(
        said.contains("2026-05-12") && said.contains("须经交办机关同意"),
        "{said}"
    );
}
