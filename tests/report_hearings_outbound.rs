//! The report counts the clocks as the desk does, by hand: a 复核 case's hearing days are not
//! counted in its 30 days (Art 36 第二款), and an item this office 交办'd owes it the body's
//! 办结报告 by the date set or within the `outbound` clock's 60 days (Art 22 (三)), counted in
//! the overdue figures and in section `steps` (`outbound_overdue`). Dates are written out; the
//! start day is not counted and a period ending on a rest day rolls to the next working day
//! (2026 tables: 清明 04-04..06, 劳动节 05-01..05 off). Then the plain recount agrees.

mod common;

use common::recount::recount_and_compare;
use common::report::{report_json, three};
use common::{Ledger, SETUP};

/// Case 1 received Mon 2026-02-02 and answered; its 复查 (case 2) asked 02-10 and answered;
/// its 复核 (case 3) asked, accepted and assigned Mon 03-02.
const CHAIN: &str = r#"{"op":"intake","actor":"李娜","at":"2026-02-02T09:00:00+08:00","channel":"visit","people":1,"petitioners":[{"name":"张三","main":true}],"category":"城乡建设","summary":"反映拆迁补偿款至今未到位","urgency":"normal"}
{"op":"register","actor":"李娜","case":1,"decision":"accept","at":"2026-02-02T10:00:00+08:00"}
{"op":"assign","actor":"李娜","case":1,"department":"城建科","handler":"王强","at":"2026-02-02T10:10:00+08:00"}
{"op":"opinion","actor":"王强","case":1,"text":"补偿款已按标准核定","at":"2026-02-03T09:00:00+08:00"}
{"op":"instruct","actor":"赵局长","case":1,"approve":true,"at":"2026-02-03T10:00:00+08:00"}
{"op":"reply","actor":"李娜","case":1,"outcome":"explain","method":"in_person","text":"补偿款已按标准核定","served_at":"2026-02-04","at":"2026-02-04T09:00:00+08:00"}
{"op":"review","actor":"李娜","case":1,"text":"对处理意见不服，请求复查","at":"2026-02-10T09:00:00+08:00"}
{"op":"register","actor":"李娜","case":2,"decision":"accept","at":"2026-02-10T10:00:00+08:00"}
{"op":"assign","actor":"李娜","case":2,"department":"城建科","handler":"王强","at":"2026-02-10T10:10:00+08:00"}
{"op":"opinion","actor":"王强","case":2,"text":"维持原处理意见","at":"2026-02-24T09:00:00+08:00"}
{"op":"instruct","actor":"赵局长","case":2,"approve":true,"at":"2026-02-24T10:00:00+08:00"}
{"op":"reply","actor":"李娜","case":2,"outcome":"reject","method":"in_person","text":"经复查，维持原处理意见","served_at":"2026-02-25","at":"2026-02-25T09:00:00+08:00"}
{"op":"review","actor":"李娜","case":2,"text":"对复查意见不服，请求复核","at":"2026-03-02T09:00:00+08:00"}
{"op":"register","actor":"李娜","case":3,"decision":"accept","at":"2026-03-02T10:00:00+08:00"}
{"op":"assign","actor":"李娜","case":3,"department":"城建科","handler":"王强","at":"2026-03-02T10:10:00+08:00"}
"#;

/// The 复核 opinion on case 3, served Tue 2026-04-07.
const REREVIEW_REPLY: &str = r#"{"op":"opinion","actor":"王强","case":3,"text":"维持复查意见","at":"2026-04-07T08:00:00+08:00"}
{"op":"instruct","actor":"赵局长","case":3,"approve":true,"at":"2026-04-07T08:30:00+08:00"}
{"op":"reply","actor":"李娜","case":3,"outcome":"reject","method":"in_person","text":"经复核，维持复查意见","served_at":"2026-04-07","at":"2026-04-07T09:00:00+08:00"}
"#;

/// The 复核 case's 听证, Tue 03-24 to Thu 03-26: three days.
const HEARING: &str = r#"{"op":"hearing","actor":"王强","case":3,"from":"2026-03-24","to":"2026-03-26","participants":"信访人张三、城建科王强、听证员三名","conclusion":"维持复查意见","at":"2026-03-26T17:00:00+08:00"}
"#;

fn chain(hearing: bool) -> Ledger {
    let l = Ledger::new();
    let mut s = format!("{SETUP}{CHAIN}");
    if hearing {
        s += HEARING;
    }
    l.apply_ok(&s);
    l
}

#[test]
fn a_hearing_keeps_a_rereview_case_in_time_in_the_report() {
    // Case 3's clock: received Mon 03-02, 30 days, the day of receipt not counted: 03-02 + 30
    // = Wed 04-01 (29 days to 03-31, then 04-01). With the hearing, 03-24, 03-25 and 03-26 are
    // passed over: the 30th counted day is 03-02 + 33 = Sat 04-04, 清明 (04-04..06 off) → Tue
    // 04-07.
    let with = chain(true);
    let without = chain(false);
    // A report up to Fri 04-03 (cut-off 04-03): without the hearing case 3 is two days past
    // 04-01 and overdue; with it, due 04-07, it is not.
    let period = "2026-03-01..2026-04-03";
    let r = report_json(&with, period);
    assert_eq!(three(&r, "overdue", "total").0, 0);
    assert_eq!(three(&r, "overdue", "clock.rereview_handle").0, 0);
    assert_eq!(r["overdue_items"].as_array().unwrap().len(), 0);
    recount_and_compare(&with, &r);
    let late = report_json(&without, period);
    assert_eq!(three(&late, "overdue", "total").0, 1);
    assert_eq!(three(&late, "overdue", "clock.rereview_handle").0, 1);
    assert_eq!(late["overdue_items"][0]["due"], "2026-04-01");
    recount_and_compare(&without, &late);

    // The opinion served Tue 04-07: on the due date with the hearing, six days late (04-01 →
    // 04-07) without. April's handling clocks that ended: case 3's only.
    with.apply_ok(REREVIEW_REPLY);
    without.apply_ok(REREVIEW_REPLY);
    let r = report_json(&with, "2026-04");
    assert_eq!(three(&r, "timeliness", "handle_ended").0, 1);
    assert_eq!(three(&r, "timeliness", "handle_on_time").0, 1);
    recount_and_compare(&with, &r);
    let late = report_json(&without, "2026-04");
    assert_eq!(three(&late, "timeliness", "handle_ended").0, 1);
    assert_eq!(three(&late, "timeliness", "handle_on_time").0, 0);
    recount_and_compare(&without, &late);
}

/// A visit received on `day` at 08:30.
fn intake(day: &str, name: &str) -> String {
    format!(
        r#"{{"op":"intake","actor":"李娜","at":"{day}T08:30:00+08:00","channel":"visit","people":1,"petitioners":[{{"name":"{name}","main":true}}],"category":"城乡建设","summary":"反映物业违建","urgency":"normal"}}
"#
    )
}

/// Case `case` passed on to 区住建局 on `day` at 09:00: a 交办 (with `report_by`, if any) or,
/// with `assign` false and no date, a plain 转送.
fn pass_on(case: u32, day: &str, assign: bool, report_by: Option<&str>) -> String {
    let by = report_by.map_or(String::new(), |d| format!(r#","report_by":"{d}""#));
    format!(
        r#"{{"op":"register","actor":"李娜","case":{case},"decision":"pass_on","to":"区住建局","assign":{assign}{by},"at":"{day}T09:00:00+08:00"}}
"#
    )
}

fn received(case: u32, on: &str) -> String {
    format!(
        r#"{{"op":"report_received","actor":"李娜","case":{case},"summary":"区住建局报告：已拆除违建","received_on":"{on}","at":"{on}T16:00:00+08:00"}}
"#
    )
}

fn outbound_ledger() -> Ledger {
    let l = Ledger::new();
    let mut s = String::from(SETUP);
    // Case 1: 交办'd Mon 03-02 with no date: the outbound clock's 60 days, 03-02 + 60 = Fri
    // 05-01 (29 days to 03-31, 30 in April, then 05-01), 劳动节 (05-01..05 off) → Wed 05-06.
    // The petitioner is told where it went on 03-03 and the case archived on 03-04: neither
    // stops the clock.
    s += &intake("2026-03-02", "甲");
    s += &pass_on(1, "2026-03-02", true, None);
    s += r#"{"op":"reply","actor":"李娜","case":1,"method":"post","text":"转送交办告知","served_at":"2026-03-03","signed":true,"at":"2026-03-03T10:00:00+08:00"}
{"op":"archive","actor":"李娜","case":1,"at":"2026-03-04T10:00:00+08:00"}
"#;
    // Case 2: 交办'd Tue 03-03, the report wanted by Fri 04-10 (a date set stands as
    // written); it comes back on Mon 04-20, ten days late.
    s += &intake("2026-03-03", "乙");
    s += &pass_on(2, "2026-03-03", true, Some("2026-04-10"));
    // Case 3: the same date set; back on Thu 04-09, in time.
    s += &intake("2026-03-03", "丙");
    s += &pass_on(3, "2026-03-03", true, Some("2026-04-10"));
    s += &received(3, "2026-04-09");
    // Case 4: a plain 转送: no 办结报告 is asked, no clock runs.
    s += &intake("2026-03-03", "丁");
    s += &pass_on(4, "2026-03-03", false, None);
    s += &received(2, "2026-04-20");
    l.apply_ok(&s);
    l
}

#[test]
fn an_overdue_outbound_report_is_counted_by_hand() {
    let l = outbound_ledger();
    // Up to Wed 04-15 (a 15-day range; the one before is 03-17..03-31): at the end of 04-15
    // case 2's report is five days past 04-10 and not back; case 3's came back 04-09; case
    // 1's is due 05-06. At the end of 03-31 nothing was due yet.
    let r = report_json(&l, "2026-04-01..2026-04-15");
    assert_eq!(three(&r, "steps", "outbound_overdue"), (1, 0, 0));
    assert_eq!(three(&r, "overdue", "clock.outbound").0, 1);
    assert_eq!(three(&r, "overdue", "total").0, 1);
    assert_eq!(three(&r, "overdue", "state.registered").0, 1);
    let item = &r["overdue_items"][0];
    assert_eq!(
        (
            &item["id"],
            &item["clock"],
            &item["due"],
            &item["days_overdue"]
        ),
        (
            &serde_json::json!(2),
            &serde_json::json!("outbound"),
            &serde_json::json!("2026-04-10"),
            &serde_json::json!(5)
        )
    );
    recount_and_compare(&l, &r);
    // April (cut-off 04-30): case 2's report came back on 04-20; none is overdue.
    let r = report_json(&l, "2026-04");
    assert_eq!(three(&r, "steps", "outbound_overdue").0, 0);
    recount_and_compare(&l, &r);
    // May (cut-off 05-31): case 1, archived in March, is 25 days past 05-06 (25 days: 05-06
    // → 05-31) with no report: overdue, in its archived state. The report finds it although
    // it was neither received, open, replied nor archived in May.
    let r = report_json(&l, "2026-05");
    assert_eq!(three(&r, "steps", "outbound_overdue"), (1, 0, 0));
    assert_eq!(three(&r, "overdue", "state.archived").0, 1);
    let item = &r["overdue_items"][0];
    assert_eq!(
        (&item["id"], &item["due"]),
        (&serde_json::json!(1), &serde_json::json!("2026-05-06"))
    );
    assert_eq!(item["days_overdue"], 25);
    recount_and_compare(&l, &r);
}

/// A row's id, `outbound`, `report_by` and `report_received_on`.
type OutboundRow = (i64, Option<i64>, Option<String>, Option<String>);

/// A ledger written before migration 0016: read as it is, its report comes from the documents;
/// upgraded, its rows get the hearings and the 交办 from the documents, the same figures.
#[test]
fn an_upgraded_ledger_reads_its_hearings_and_outbound_reports() {
    let l = outbound_ledger();
    let hearing = chain(true);
    // The May report finds case 1, archived in March and owing its report, in the documents
    // too.
    let cases: [(&Ledger, &[&str]); 2] = [
        (&l, &["2026-04-01..2026-04-15", "2026-05"]),
        (&hearing, &["2026-03-01..2026-04-03"]),
    ];
    for (l, periods) in cases {
        let before: Vec<_> = periods.iter().map(|p| report_json(l, p)).collect();
        let conn = common::sqlite(std::path::Path::new(l.db()));
        conn.execute_batch(
            "DROP INDEX case_facts_first_attached; DROP TRIGGER case_facts_days_in;
         DROP TRIGGER case_facts_days_again; DROP TRIGGER case_facts_days_out;
         DROP INDEX case_facts_first_time; DROP TRIGGER petitioners_again;
             ALTER TABLE case_facts DROP COLUMN again_at; DROP INDEX case_facts_letters;
             DROP TABLE letters_hours; DROP TRIGGER letters_hours_in;
             DROP TRIGGER letters_hours_again; DROP TRIGGER letters_hours_out;
             ALTER TABLE case_facts DROP COLUMN letter_signed;
             DROP INDEX case_facts_owing_outbound; ALTER TABLE case_facts DROP COLUMN hearings;
             ALTER TABLE case_facts DROP COLUMN outbound; ALTER TABLE case_facts DROP COLUMN report_by;
             ALTER TABLE case_facts DROP COLUMN report_received_on; PRAGMA user_version = 15;",
        )
        .unwrap();
        drop(conn);
        // The report opens it read-only, as it is.
        for (p, want) in periods.iter().zip(&before) {
            assert_eq!(report_json(l, p)["figures"], want["figures"], "{p}");
        }
        // A command upgrades it.
        l.apply_ok("{\"op\":\"department\",\"name\":\"教育科\"}\n");
        for (p, want) in periods.iter().zip(&before) {
            assert_eq!(report_json(l, p)["figures"], want["figures"], "{p}");
        }
        let check = l.check();
        assert!(check.success(), "{check:?}");
    }
    let conn = common::sqlite(std::path::Path::new(l.db()));
    let rows: Vec<OutboundRow> = conn
        .prepare("SELECT id, outbound, report_by, report_received_on FROM case_facts ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let s = |x: &str| Some(x.to_owned());
    assert_eq!(
        rows,
        [
            (1, Some(1), None, None),
            (2, Some(1), s("2026-04-10"), s("2026-04-20")),
            (3, Some(1), s("2026-04-10"), s("2026-04-09")),
            (4, None, None, None),
        ]
    );
    let conn = common::sqlite(std::path::Path::new(hearing.db()));
    let kept: Option<String> = conn
        .query_row("SELECT hearings FROM case_facts WHERE id = 3", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(kept.as_deref(), Some("2026-03-24,2026-03-26"));
}
