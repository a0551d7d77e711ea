//! The report's section `steps` on a small ledger, each figure written out by hand: 复查 and
//! 复核 opened (Art 35–36), 催办 and 化解 given (Art 37), referrals owing their 办结报告 past
//! the superior's date (Art 22 (三)); and the handling clock of a review case counted at its
//! own 30 days, in the timeliness and overdue figures. Then the plain recount agrees.

mod common;

use common::recount::recount_and_compare;
use common::report::{figure, rates, report_json, three};
use common::{Ledger, run};

/// A handled case's steps: accepted on `on`, assigned, the opinion, the approval, the reply
/// served on `served` (each step at 09:00, 10:00… of its day).
fn handled(case: u32, on: &str, served: &str) -> String {
    format!(
        r#"{{"op":"register","actor":"李娜","case":{case},"decision":"accept","at":"{on}T09:00:00+08:00"}}
{{"op":"assign","actor":"李娜","case":{case},"department":"城建科","handler":"王强","at":"{on}T10:00:00+08:00"}}
{{"op":"opinion","actor":"王强","case":{case},"text":"拟解释说明","at":"{on}T11:00:00+08:00"}}
{{"op":"instruct","actor":"赵局长","case":{case},"approve":true,"text":"同意","at":"{on}T12:00:00+08:00"}}
{{"op":"reply","actor":"李娜","case":{case},"outcome":"explain","method":"in_person","text":"答复意见","served_at":"{served}","at":"{served}T09:00:00+08:00"}}
"#
    )
}

fn intake(day: &str, name: &str, referral: Option<&str>) -> String {
    let channel = match referral {
        Some(due) => {
            format!(r#""channel":"referral","referral":{{"body":"市信访局","deadline":"{due}"}}"#)
        }
        None => r#""channel":"visit""#.to_owned(),
    };
    format!(
        r#"{{"op":"intake","actor":"李娜","at":"{day}T08:30:00+08:00",{channel},"people":1,"petitioners":[{{"name":"{name}","main":true}}],"category":"城乡建设","summary":"反映拆迁补偿","urgency":"normal"}}
"#
    )
}

fn review(case: u32, day: &str) -> String {
    format!(
        r#"{{"op":"review","actor":"李娜","case":{case},"text":"对答复不服","at":"{day}T08:45:00+08:00"}}
"#
    )
}

fn register(case: u32, day: &str) -> String {
    format!(
        r#"{{"op":"register","actor":"李娜","case":{case},"decision":"accept","at":"{day}T09:00:00+08:00"}}
"#
    )
}

fn ledger() -> Ledger {
    let l = Ledger::new();
    let mut s = String::from(
        r#"{"op":"operator","name":"李娜","role":"clerk"}
{"op":"operator","name":"赵局长","role":"leader"}
{"op":"operator","name":"王强","role":"handler","department":"城建科"}
{"op":"department","name":"城建科"}
"#,
    );
    // Cases 1–3 first handled; 4 and 5 referrals the 市信访局 wants reported by 03-10.
    s += &intake("2026-01-05", "甲", None);
    s += &intake("2026-01-08", "乙", None);
    s += &intake("2026-02-01", "丙", None);
    s += &intake("2026-02-16", "丁", Some("2026-03-10"));
    s += &intake("2026-02-16", "戊", Some("2026-03-10"));
    s += &handled(1, "2026-01-05", "2026-01-20");
    s += &handled(2, "2026-01-08", "2026-02-03");
    s += &handled(3, "2026-02-01", "2026-02-20");
    s += &handled(4, "2026-02-16", "2026-03-06");
    s += &handled(5, "2026-02-16", "2026-03-06");
    // Case 5's 办结报告 goes back on 03-09, before the superior's date; case 4's never does.
    s += r#"{"op":"report_back","actor":"李娜","case":5,"text":"已办结","sent_on":"2026-03-09","at":"2026-03-09T09:00:00+08:00"}
"#;
    // 复查 of case 1 (served 01-20) on 02-10: case 6, accepted and assigned, never replied.
    s += &review(1, "2026-02-10");
    s += &register(6, "2026-02-10");
    s += r#"{"op":"assign","actor":"李娜","case":6,"department":"城建科","handler":"王强","at":"2026-02-10T10:00:00+08:00"}
"#;
    // 复查 of case 2 (served 02-03) on 02-05: case 7, replied 02-27.
    s += &review(2, "2026-02-05");
    s += &handled(7, "2026-02-05", "2026-02-27");
    // 复核 of case 7 on 03-03: case 8; 复查 of case 3 (served 02-20) on 03-02: case 9.
    s += &review(7, "2026-03-03");
    s += &register(8, "2026-03-03");
    s += &review(3, "2026-03-02");
    s += &register(9, "2026-03-02");
    // 催办 on case 6: 02-25, 03-13, 03-20.
    for day in ["2026-02-25", "2026-03-13", "2026-03-20"] {
        s += &format!(
            r#"{{"op":"remind","actor":"李娜","case":6,"ground":"请反馈","to":"城建科","reply_by":"2026-04-30","at":"{day}T15:00:00+08:00"}}
"#
        );
    }
    // 化解: case 7 on 02-28 (settled 02-27), case 1 on 03-25, case 2 on 04-02.
    s += r#"{"op":"resolve","actor":"李娜","case":7,"how":"agreement","resolved_on":"2026-02-27","text":"双方和解","at":"2026-02-28T15:00:00+08:00"}
{"op":"resolve","actor":"赵局长","case":1,"how":"mediation","text":"经调解达成协议","at":"2026-03-25T15:00:00+08:00"}
{"op":"resolve","actor":"李娜","case":2,"how":"undertaking","text":"承诺息诉罢访","at":"2026-04-02T15:00:00+08:00"}
"#;
    l.apply_ok(&s);
    l
}

#[test]
fn the_steps_section_is_counted_by_hand() {
    let l = ledger();
    let r = report_json(&l, "2026-03");
    assert_eq!(r["cutoff"], "2026-03-31");
    let t = |s, k| three(&r, s, k);
    // (2026-03, 2026-02, 2025-03). 复查 opened: case 9 in March; 6 and 7 in February.
    assert_eq!(t("steps", "review"), (1, 2, 0));
    // 复核 opened: case 8 in March.
    assert_eq!(t("steps", "rereview"), (1, 0, 0));
    // 催办 by the day of its event: 03-13 and 03-20; 02-25.
    assert_eq!(t("steps", "remind"), (2, 1, 0));
    // 化解 by the day of its event: 03-25; 02-28 (settled 02-27, recorded 02-28); 04-02 is
    // in neither month.
    assert_eq!(t("steps", "resolve"), (1, 1, 0));
    // At the end of 03-31, case 4's 办结报告 is 21 days past 03-10 although its reply was
    // served on 03-06; case 5's went back on 03-09. At the end of 02-28 none was due yet.
    assert_eq!(t("steps", "report_back_overdue"), (1, 0, 0));
    let keys: Vec<&str> = r["figures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["section"] == "steps")
        .map(|f| f["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "review",
            "rereview",
            "report_back_overdue",
            "outbound_overdue",
            "remind",
            "resolve",
            "no_further"
        ]
    );
    assert_eq!(
        figure(&r, "steps", "remind")["change"].as_f64(),
        Some(100.0)
    );

    // Case 6, a 复查 received and accepted on 02-10, is due 30 days later (Art 35; the day
    // of receipt not counted): 03-12, a Thursday. Never replied, its clock ended late on
    // 03-12 (on the first-handling 60 days it would have run to 04-11). With case 4 and 5
    // (accepted 02-16, served 03-06: met) that makes three handling clocks ended in March,
    // two in time. February: case 2 (served 02-03), 3 (02-20) and the 复查 case 7
    // (received 02-05, due 03-07 a Saturday, rolled to Monday 03-09; served 02-27), all met.
    assert_eq!(t("timeliness", "handle_ended"), (3, 3, 0));
    assert_eq!(t("timeliness", "handle_on_time"), (2, 3, 0));
    assert_eq!(
        rates(&r, "timeliness", "handle_rate"),
        (Some(66.7), Some(100.0), None)
    );
    // Overdue at the end of 03-31: case 6 on its 30-day clock, and case 4, replied, on the
    // superior's date. Case 8 (复核 received 03-03, due 04-02) and case 9 (复查 03-02, due
    // 04-01) are not yet.
    assert_eq!(t("overdue", "total").0, 2);
    assert_eq!(t("overdue", "clock.review_handle").0, 1);
    assert_eq!(t("overdue", "clock.superior").0, 1);
    assert_eq!(t("overdue", "clock.handle").0, 0);
    let listed: Vec<(i64, &str, &str)> = r["overdue_items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_i64().unwrap(),
                i["clock"].as_str().unwrap(),
                i["due"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            (4, "superior", "2026-03-10"),
            (6, "review_handle", "2026-03-12")
        ]
    );
    recount_and_compare(&l, &r);
    recount_and_compare(&l, &report_json(&l, "2026-02"));
}

/// 不再受理 (Art 36 第三款) counted by the day its step was recorded: a first handling, its
/// 复查 and its 复核, each served; then three later requests on the 复核 case.
#[test]
fn no_further_is_counted_by_the_day_it_was_recorded() {
    let l = Ledger::new();
    let mut s = String::from(
        r#"{"op":"operator","name":"李娜","role":"clerk"}
{"op":"operator","name":"赵局长","role":"leader"}
{"op":"operator","name":"王强","role":"handler","department":"城建科"}
{"op":"department","name":"城建科"}
"#,
    );
    s += &intake("2026-01-05", "甲", None);
    s += &handled(1, "2026-01-05", "2026-01-10");
    // 复查 on 01-12 (case 2), served 01-20; 复核 on 01-25 (case 3), served 02-05.
    s += &review(1, "2026-01-12");
    s += &handled(2, "2026-01-12", "2026-01-20");
    s += &review(2, "2026-01-25");
    s += &handled(3, "2026-01-25", "2026-02-05");
    // Requests refused as 不再受理: 02-20 in February; 03-27 and 03-30 in March; 04-03 in
    // neither month.
    for day in ["2026-02-20", "2026-03-27", "2026-03-30", "2026-04-03"] {
        s += &format!(
            r#"{{"op":"no_further","actor":"李娜","case":3,"text":"仍要求补偿","at":"{day}T15:00:00+08:00"}}
"#
        );
    }
    l.apply_ok(&s);
    let r = report_json(&l, "2026-03");
    // (2026-03, 2026-02, 2025-03).
    assert_eq!(three(&r, "steps", "no_further"), (2, 1, 0));
    recount_and_compare(&l, &r);
    recount_and_compare(&l, &report_json(&l, "2026-02"));
}

#[test]
fn the_text_report_names_the_new_rows() {
    let l = ledger();
    let out = run(&["report", "--db", l.db(), "--period", "2026-03"], "");
    assert!(out.success(), "{out:?}");
    for want in [
        "复查复核及其他办理环节",
        "复查件",
        "复核件",
        "办结报告超期未报件",
        "催办次数",
        "化解息访次数",
        "不再受理次数",
        "十四、复查复核及其他办理环节",
    ] {
        assert!(out.stdout.contains(want), "{want}:\n{}", out.stdout);
    }
}

/// A ledger written before migrations 0014 and 0015: read as it is, its report comes from the
/// documents; upgraded, its review cases' rows get their level from the documents, so the
/// report and `check` read them as a ledger written since.
#[test]
fn an_upgraded_ledger_reads_its_review_levels() {
    let l = ledger();
    let before = report_json(&l, "2026-03");
    let conn = common::sqlite(std::path::Path::new(l.db()));
    conn.execute_batch(
        "DROP INDEX case_facts_first_attached; DROP TRIGGER case_facts_days_in;
         DROP TRIGGER case_facts_days_again; DROP TRIGGER case_facts_days_out;
         DROP INDEX case_facts_first_time; DROP TRIGGER petitioners_again;
         ALTER TABLE case_facts DROP COLUMN again_at; DROP INDEX case_facts_letters;
             DROP TABLE letters_hours; DROP TRIGGER letters_hours_in;
             DROP TRIGGER letters_hours_again; DROP TRIGGER letters_hours_out;
         ALTER TABLE case_facts DROP COLUMN letter_signed;
         DROP INDEX events_by_op; DROP INDEX case_facts_owing_report;
         ALTER TABLE case_facts DROP COLUMN level; ALTER TABLE case_facts DROP COLUMN notice_at;
         DROP INDEX case_facts_owing_outbound; ALTER TABLE case_facts DROP COLUMN hearings;
         ALTER TABLE case_facts DROP COLUMN outbound; ALTER TABLE case_facts DROP COLUMN report_by;
         ALTER TABLE case_facts DROP COLUMN report_received_on;
         PRAGMA user_version = 13;",
    )
    .unwrap();
    drop(conn);
    // The report opens it read-only, as it is.
    let old = report_json(&l, "2026-03");
    assert_eq!(old["figures"], before["figures"]);
    // A command upgrades it.
    l.apply_ok("{\"op\":\"department\",\"name\":\"教育科\"}\n");
    let after = report_json(&l, "2026-03");
    assert_eq!(after["figures"], before["figures"]);
    assert_eq!(three(&after, "steps", "rereview"), (1, 0, 0));
    let conn = common::sqlite(std::path::Path::new(l.db()));
    let levels: Vec<(i64, String)> = conn
        .prepare("SELECT id, level FROM case_facts WHERE level IS NOT NULL ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let want = [(6, "review"), (7, "review"), (8, "rereview"), (9, "review")];
    let want: Vec<(i64, String)> = want.iter().map(|(i, s)| (*i, s.to_string())).collect();
    assert_eq!(levels, want);
    let check = l.check();
    assert!(check.success(), "{check:?}");
}
