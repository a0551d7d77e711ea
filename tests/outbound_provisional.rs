//! The report date of a 交办 (Art 22 (三)) in a year without an official holiday table is
//! provisional wherever it is shown (issue 16, point 5): on the 交办单, in the `apply` result,
//! and in the 交办 line of `show` beside the clock. Dates are written out; the start day is not
//! counted and a period ending on a rest day rolls to the next working day.

mod common;

use common::{Ledger, SETUP, run};

const OFFICE: &str = r#"{"op":"office","name":"某区信访局","prefix":"X信","hotline":"12345","seal":"某区信访局信访专用章","review_organ":"某市信访局"}"#;

/// A visit received Fri 2026-11-20, 交办'd to 区住建局 that day with no date for the report,
/// and its 交办单 issued.
const JIAOBAN: &str = r#"{"op":"intake","actor":"李娜","at":"2026-11-20T10:00:00+08:00","channel":"visit","people":1,"petitioners":[{"name":"张三","main":true}],"category":"城乡建设","summary":"反映小区违建","request":"要求拆除","urgency":"normal"}
{"op":"register","actor":"李娜","case":1,"decision":"pass_on","to":"区住建局","assign":true,"at":"2026-11-20T11:00:00+08:00"}
{"op":"issue","actor":"李娜","case":1,"kind":"transfer","at":"2026-11-20T12:00:00+08:00"}
"#;

#[test]
fn a_jiaoban_report_date_in_2027_is_marked_provisional() {
    let l = Ledger::new();
    let out = l.apply_ok(&format!("{SETUP}{OFFICE}\n{JIAOBAN}"));
    // The outbound clock's 60 days from the 交办 on 11-20: 10 days to 11-30, 31 in December
    // (41), 19 in January: Tue 2027-01-19, a working day by the computed statutory days (元旦
    // is 01-01 alone) — in 2027, which has no official table: provisional.
    let issued = out.last().unwrap();
    assert_eq!(issued["due"]["outbound"], "2027-01-19");
    assert_eq!(issued["provisional"], serde_json::json!([2027]));
    // The 交办单 says so after the date it asks the report by.
    let sheet = run(
        &["notice", "--db", l.db(), "--as", "李娜", "1", "transfer"],
        "",
    );
    assert!(sheet.success(), "{sheet:?}");
    assert!(
        sheet.stdout.contains("请于2027年1月19日前办结")
            && sheet.stdout.contains("2027年国务院放假安排尚未公布"),
        "{}",
        sheet.stdout
    );
    // `show`: the 交办 line marks the date, as the clock's line has its note.
    let show = run(&["show", "--db", l.db(), "1"], "");
    assert!(show.success(), "{show:?}");
    assert!(
        show.stdout
            .contains("交办去向：交办区住建局，办结报告期限 2027-01-19（暂定）；办结报告未收到"),
        "{}",
        show.stdout
    );
    assert!(
        show.stdout.contains("暂定：2027年尚无国务院放假安排"),
        "{}",
        show.stdout
    );
    let en = run(&["show", "--db", l.db(), "1", "--lang", "en"], "");
    assert!(
        en.stdout.contains("report due 2027-01-19 (provisional)"),
        "{}",
        en.stdout
    );
}

/// A report date the office set by hand is not counted on any calendar: even in 2027 it is
/// not provisional, on the 交办单, in `apply` or in `show`.
#[test]
fn a_jiaoban_report_date_set_by_hand_is_not_provisional() {
    let l = Ledger::new();
    let set = JIAOBAN.replace(r#""assign":true"#, r#""report_by":"2027-01-15""#);
    let out = l.apply_ok(&format!("{SETUP}{OFFICE}\n{set}"));
    let issued = out.last().unwrap();
    assert_eq!(issued["due"]["outbound"], "2027-01-15");
    // The decide clock ends in 2026; the only 2027 date was typed in.
    assert!(issued.get("provisional").is_none(), "{issued}");
    let sheet = run(
        &["notice", "--db", l.db(), "--as", "李娜", "1", "transfer"],
        "",
    );
    assert!(sheet.success(), "{sheet:?}");
    assert!(
        sheet.stdout.contains("请于2027年1月15日前办结") && !sheet.stdout.contains("尚未公布"),
        "{}",
        sheet.stdout
    );
    let show = run(&["show", "--db", l.db(), "1"], "");
    assert!(
        show.stdout
            .contains("交办去向：交办区住建局，办结报告期限 2027-01-15；办结报告未收到"),
        "{}",
        show.stdout
    );
}

/// A referral whose superior set 2026-10-15 (Art 22 (三)), accepted 09-02 and 交办'd to a
/// department: the 交办单 asks the department for the superior's date, the earlier one, not
/// the handling period's 60th day (11-02), which a trial's sheet gave.
#[test]
fn a_department_s_sheet_asks_by_the_superior_s_earlier_date() {
    let l = Ledger::new();
    let lines = r#"{"op":"intake","actor":"李娜","at":"2026-09-01T10:00:00+08:00","channel":"referral","referral":{"body":"市信访局","doc_no":"市信转〔2026〕9号","deadline":"2026-10-15"},"people":1,"petitioners":[{"name":"张三","main":true}],"category":"城乡建设","handling_type":"claim","summary":"反映小区违建","request":"要求拆除","urgency":"normal"}
{"op":"register","actor":"李娜","case":1,"decision":"accept","at":"2026-09-02T09:00:00+08:00"}
{"op":"assign","actor":"李娜","case":1,"department":"城建科","handler":"王强","at":"2026-09-02T10:00:00+08:00"}
"#;
    l.apply_ok(&format!("{SETUP}{OFFICE}\n{lines}"));
    let sheet = run(
        &["notice", "--db", l.db(), "--as", "李娜", "1", "transfer"],
        "",
    );
    assert!(sheet.success(), "{sheet:?}");
    assert!(
        sheet.stdout.contains("请于2026年10月15日前办结") && !sheet.stdout.contains("暂定"),
        "{}",
        sheet.stdout
    );
    // The 办结报告 goes back to the body that passed the item down, citing its document (a
    // trial's was addressed by the office to itself).
    let done = r#"{"op":"opinion","actor":"王强","case":1,"at":"2026-09-20T10:00:00+08:00","text":"已责令拆除"}
{"op":"instruct","actor":"赵局长","case":1,"at":"2026-09-21T10:00:00+08:00","approve":true,"text":"同意"}
{"op":"reply","actor":"李娜","case":1,"at":"2026-09-22T10:00:00+08:00","outcome":"support","method":"post","text":"违建已拆除","served_at":"2026-09-22"}
"#;
    l.apply_ok(done);
    let report = run(
        &["notice", "--db", l.db(), "--as", "李娜", "1", "closing"],
        "",
    );
    assert!(report.success(), "{report:?}");
    assert!(
        report.stdout.contains("市信访局：")
            && report
                .stdout
                .contains("贵单位以市信转〔2026〕9号交办的张三反映“")
            && !report.stdout.contains("某区信访局："),
        "{}",
        report.stdout
    );
}
