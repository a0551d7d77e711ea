//! `report --preset`: the county's reports (日报、周报、月报、专报) and 领导阅批率 on a
//! hand-built ledger, each number written by hand; what a reader may not see is neither
//! listed nor counted (2022 Art 30 第三款).

mod common;

use common::accused::{OFFICE, open_as};
use common::report::{figure, rates, report_json, three};
use common::{Ledger, run};
use serde_json::Value;
use xinfang::domain::presets::{Line, Preset, UnitReport};
use xinfang::store::CaseRef;

/// The office of issue 15 (case 1: a confidential letter accusing 区住建局 / 刘洋, assigned
/// to 城建科 / 王强; case 2: a visit, 住建科 / 刘洋), and in the week of Monday 2026-11-23:
/// - case 3, a letter 交办'd to 城建科 / 赵敏 on 11-23, 催办'd on 11-23, signed by 赵建国 11-24;
/// - case 4, a letter registered on 11-24 and not 交办'd, never signed;
/// - case 5, a visit of 2026-09-01 never decided (its 15-day clock long past);
/// - 督办 on cases 1 and 2 on 11-23 (feedback by 11-27); 赵建国 signs case 1 on 11-25;
/// - 赵建国 receives on 11-23 (on the schedule): 张三 on case 2 and a visitor without a
///   case, and on 11-25 the two petitioners of case 1;
/// - case 2 marked 积案, its 会商 on 11-24 with 赵建国 and 孙副局长;
/// - 张三 (case 2's petitioner) flagged 扬言 on 11-22.
const WEEK: &str = r#"{"op":"intake","actor":"李娜","at":"2026-11-23T09:00:00+08:00","channel":"letter","people":1,"petitioners":[{"name":"周某","phone":"13700137000","main":true}],"category":"城乡建设","handling_type":"申诉求决","target":"某街道办事处","summary":"反映道路积水","request":"要求疏通","urgency":"normal"}
{"op":"register","actor":"李娜","case":3,"decision":"accept","at":"2026-11-23T10:00:00+08:00"}
{"op":"assign","actor":"李娜","case":3,"department":"城建科","handler":"赵敏","at":"2026-11-23T11:00:00+08:00"}
{"op":"remind","actor":"李娜","case":3,"ground":"请尽快处理","to":"城建科","reply_by":"2026-11-27","at":"2026-11-23T15:00:00+08:00"}
{"op":"opinion","actor":"赵敏","case":3,"text":"建议疏通","at":"2026-11-24T09:00:00+08:00"}
{"op":"instruct","actor":"赵建国","case":3,"approve":true,"text":"同意","at":"2026-11-24T10:00:00+08:00"}
{"op":"intake","actor":"李娜","at":"2026-11-24T09:00:00+08:00","channel":"letter","people":1,"petitioners":[{"name":"吴某","phone":"13600136000","main":true}],"category":"劳动社保","handling_type":"申诉求决","summary":"反映社保转移","request":"要求办理","urgency":"normal"}
{"op":"register","actor":"李娜","case":4,"decision":"accept","at":"2026-11-24T10:00:00+08:00"}
{"op":"intake","actor":"李娜","at":"2026-09-01T09:00:00+08:00","channel":"visit","people":3,"petitioners":[{"name":"郑某","phone":"13500135000","main":true}],"category":"农村农业","handling_type":"申诉求决","summary":"反映土地承包","request":"要求调处","urgency":"normal"}
{"op":"supervise","actor":"赵建国","case":1,"ground":"leader","text":"请加快","feedback_by":"2026-11-27","at":"2026-11-23T16:00:00+08:00"}
{"op":"supervise","actor":"赵建国","case":2,"ground":"leader","text":"请加快","feedback_by":"2026-11-27","at":"2026-11-23T16:10:00+08:00"}
{"op":"opinion","actor":"王强","case":1,"text":"建议查处","at":"2026-11-25T09:00:00+08:00"}
{"op":"instruct","actor":"赵建国","case":1,"approve":true,"text":"严查","at":"2026-11-25T10:00:00+08:00"}
{"op":"schedule","actor":"赵建国","date":"2026-11-23","leader":"赵建国","place":"接待室","at":"2026-11-20T09:00:00+08:00"}
{"op":"reception","actor":"李娜","date":"2026-11-23","leader":"赵建国","visitor":"张三","said":"路灯","case":2,"at":"2026-11-23T17:00:00+08:00"}
{"op":"reception","actor":"李娜","date":"2026-11-23","leader":"赵建国","visitor":"陈某","said":"咨询政策","at":"2026-11-23T17:10:00+08:00"}
{"op":"reception","actor":"李娜","date":"2026-11-25","leader":"赵建国","visitor":"李某某","said":"催问进展","case":1,"at":"2026-11-25T17:00:00+08:00"}
{"op":"backlog","actor":"赵建国","case":"2","change":"mark","reason":"群众反映强烈","at":"2026-11-23T18:00:00+08:00"}
{"op":"backlog","actor":"赵建国","case":"2","change":"meeting","on":"2026-11-24","participants":["赵建国","孙副局长"],"conclusion":"限期修复","at":"2026-11-24T18:00:00+08:00"}
{"op":"person_flag","actor":"赵建国","name":"张三","id_number":"440524188001010014","flag":"threat","reason":"扬言聚集","at":"2026-11-22T09:00:00+08:00"}
"#;

fn ledger() -> Ledger {
    let l = Ledger::new();
    l.apply_ok(OFFICE);
    l.apply_ok(WEEK);
    l
}

fn day(s: &str) -> chrono::NaiveDate {
    s.parse().unwrap()
}

/// Each unit's lines as `(unit, line, count, [case numbers])`.
fn lines(r: &UnitReport) -> Vec<(String, Line, u64, Vec<String>)> {
    let mut out = Vec::new();
    for u in &r.units {
        for c in &u.lines {
            let nos = c.cases.iter().map(|l| l.case_no.clone()).collect();
            out.push((u.unit.clone(), c.line, c.count, nos));
        }
    }
    out
}

fn ln(unit: &str, line: Line, count: u64, nos: &[&str]) -> (String, Line, u64, Vec<String>) {
    let nos = nos.iter().map(|s| (*s).to_owned()).collect();
    (unit.to_owned(), line, count, nos)
}

fn daily(l: &Ledger, who: &str) -> UnitReport {
    let d = day("2026-11-23");
    let store = open_as(l, who);
    store.unit_report(Preset::Daily, (d, d), d, 10).unwrap()
}

#[test]
fn the_daily_report_lists_each_units_items_of_the_day() {
    let l = ledger();
    let r = daily(&l, "赵建国");
    assert_eq!(
        lines(&r),
        vec![
            ln("住建科", Line::Supervised, 1, &["2026-0002"]),
            ln("城建科", Line::Assigned, 1, &["2026-0003"]),
            ln("城建科", Line::Supervised, 1, &["2026-0001"]),
            ln("城建科", Line::Reminded, 1, &["2026-0003"]),
            ln("", Line::Overdue, 1, &["#5"]),
        ]
    );
    // On the 27th the feedback of both 督办 and the 催办 is due.
    let d = day("2026-11-27");
    let store = open_as(&l, "赵建国");
    let r = store.unit_report(Preset::Daily, (d, d), d, 10).unwrap();
    let due: Vec<_> = lines(&r)
        .into_iter()
        .filter(|x| x.1 == Line::FeedbackDue)
        .collect();
    assert_eq!(
        due,
        vec![
            ln("住建科", Line::FeedbackDue, 1, &["2026-0002"]),
            ln("城建科", Line::FeedbackDue, 2, &["2026-0001", "2026-0003"]),
        ]
    );
    // A line lists at most what is asked, and still counts all.
    let r = store.unit_report(Preset::Daily, (d, d), d, 1).unwrap();
    let cj = lines(&r)
        .into_iter()
        .find(|x| x.0 == "城建科" && x.1 == Line::FeedbackDue)
        .unwrap();
    assert_eq!((cj.2, cj.3.len()), (2, 1));
}

#[test]
fn an_accused_unit_sees_neither_the_item_nor_its_count() {
    let l = ledger();
    // 刘洋 (住建科, of 区住建局, accused by case 1) sees his own case 2 only.
    assert_eq!(
        lines(&daily(&l, "刘洋")),
        vec![ln("住建科", Line::Supervised, 1, &["2026-0002"])]
    );
    // 孙副局长 comes from 区住建局: case 1's 督办 is not counted for 城建科.
    assert_eq!(
        lines(&daily(&l, "孙副局长")),
        vec![
            ln("住建科", Line::Supervised, 1, &["2026-0002"]),
            ln("城建科", Line::Assigned, 1, &["2026-0003"]),
            ln("城建科", Line::Reminded, 1, &["2026-0003"]),
            ln("", Line::Overdue, 1, &["#5"]),
        ]
    );
    let store = open_as(&l, "刘洋");
    assert!(
        store
            .special_report(&CaseRef::parse("2026-0001"), day("2026-11-30"))
            .is_err()
    );
    let w = store
        .weekly_report(day("2026-11-23"), day("2026-11-29"))
        .unwrap();
    assert!(w.key_petitioners.is_empty(), "a handler sees no flags");
}

#[test]
fn the_monthly_report_counts_each_units_open_overdue_and_supervised() {
    let l = ledger();
    let store = open_as(&l, "赵建国");
    let (from, to) = (day("2026-11-01"), day("2026-11-30"));
    let r = store
        .unit_report(Preset::Monthly, (from, to), to, 10)
        .unwrap();
    assert_eq!(
        lines(&r),
        vec![
            ln("住建科", Line::Received, 1, &["2026-0002"]),
            ln("住建科", Line::Open, 1, &["2026-0002"]),
            ln("住建科", Line::Supervised, 1, &["2026-0002"]),
            ln("城建科", Line::Received, 2, &["2026-0001", "2026-0003"]),
            ln("城建科", Line::Open, 2, &["2026-0001", "2026-0003"]),
            ln("城建科", Line::Supervised, 1, &["2026-0001"]),
            ln("", Line::Received, 1, &["2026-0004"]),
            ln("", Line::Open, 2, &["#5", "2026-0004"]),
            ln("", Line::Overdue, 1, &["#5"]),
        ]
    );
    let store = open_as(&l, "刘洋");
    let r = store
        .unit_report(Preset::Monthly, (from, to), to, 10)
        .unwrap();
    assert!(lines(&r).iter().all(|x| x.0 == "住建科"), "{:?}", lines(&r));
}

#[test]
fn the_weekly_report_gives_each_leaders_week() {
    let l = ledger();
    let (from, to) = (day("2026-11-23"), day("2026-11-29"));
    let w = open_as(&l, "赵建国").weekly_report(from, to).unwrap();
    let row = |w: &xinfang::domain::presets::WeeklyReport, who: &str| {
        let r = w.leaders.iter().find(|r| r.leader == who).unwrap();
        [
            r.reception_days,
            r.batches,
            r.person_times,
            r.letters_signed,
            r.instructions,
            r.meetings,
        ]
    };
    // Days: the 23rd (scheduled, two received) and the 25th; person-times 1 + 1 + 2.
    assert_eq!(row(&w, "赵建国"), [2, 3, 4, 2, 2, 1]);
    assert_eq!(row(&w, "孙副局长"), [0, 0, 0, 0, 0, 1]);
    let names: Vec<&str> = w.key_petitioners.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["张三"]);
    // 孙副局长 may not see case 1: its reception and its 批示 are not counted to him.
    let w = open_as(&l, "孙副局长").weekly_report(from, to).unwrap();
    assert_eq!(row(&w, "赵建国"), [1, 2, 2, 1, 1, 1]);
    // The week before: nothing.
    let w = open_as(&l, "赵建国")
        .weekly_report(day("2026-11-16"), day("2026-11-22"))
        .unwrap();
    assert_eq!(row(&w, "赵建国"), [0; 6]);
}

#[test]
fn the_special_report_holds_the_case_its_flags_and_backlog() {
    let l = ledger();
    let store = open_as(&l, "赵建国");
    let r = store
        .special_report(&CaseRef::parse("2026-0002"), day("2026-11-30"))
        .unwrap();
    assert_eq!(r.case.case_no.as_deref(), Some("2026-0002"));
    let flags: Vec<&str> = r.flags.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(flags, ["张三"]);
    let b = r.backlog.as_ref().expect("a backlog case");
    assert_eq!(b.file.meetings.len(), 1);
    let ops: Vec<&str> = r.timeline.iter().map(|s| s.op.as_str()).collect();
    assert_eq!(ops, ["intake", "register", "assign", "supervise"]);
    // In words: the problem and the request each under its own label, the 积案's 包案领导
    // (the case's, none of its own given), the registration by what it decided.
    let text = preset(
        &l,
        "赵建国",
        &["--preset", "special", "--case", "2026-0002"],
    );
    assert!(text.contains("主要问题：反映小区路灯损坏"), "{text}");
    assert!(text.contains("诉求：要求修复"), "{text}");
    assert!(text.contains("包案领导：赵建国"), "{text}");
    assert!(text.contains("登记受理  李娜"), "{text}");
    // What a 专报 exists to say: when it is due (or how long overdue), and the 督办.
    assert!(text.contains("期限：办理答复 "), "{text}");
    assert!(
        text.contains("督办：1次；最近：领导交办，请加快（反馈期限2026-11-27）"),
        "{text}"
    );
    assert!(!r.running.is_empty());
}

fn preset(l: &Ledger, who: &str, args: &[&str]) -> String {
    let mut all = vec!["--lang", "zh-CN", "report", "--db", l.db(), "--as", who];
    all.extend_from_slice(args);
    let out = run(&all, "");
    assert!(out.success(), "{out:?}");
    out.stdout
}

/// As [`preset`], the clock read as `now`.
fn preset_at(l: &Ledger, who: &str, args: &[&str], now: &str) -> String {
    let mut all = vec!["--lang", "zh-CN", "report", "--db", l.db(), "--as", who];
    all.extend_from_slice(args);
    let out = common::command()
        .args(common::signed_in(&all))
        .env("XINFANG_NOW", now)
        .output()
        .expect("run xinfang");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A month's 在办 and 已超期 are read from the cases as they stand: the line above them says
/// the day they were counted, not the month's last day.
#[test]
fn a_past_months_open_items_are_said_to_be_todays() {
    let l = ledger();
    let args = ["--preset", "monthly", "--period", "2026-11"];
    let text = preset_at(&l, "赵建国", &args, "2026-12-07T10:00:00+08:00");
    assert!(
        text.contains("在办、超期截至制表日：2026-12-07\n"),
        "{text}"
    );
    assert!(!text.contains("截至：2026-11-30"), "{text}");
    let text = preset_at(&l, "赵建国", &args, "2026-11-26T10:00:00+08:00");
    assert!(text.contains("在办、超期截至：2026-11-26\n"), "{text}");
}

#[test]
fn the_presets_print_as_text_html_and_json() {
    let l = ledger();
    let text = preset(&l, "赵建国", &["--preset", "daily", "--date", "2026-11-23"]);
    insta::assert_snapshot!("preset_daily", text);
    let text = preset(
        &l,
        "赵建国",
        &["--preset", "weekly", "--week", "2026-11-25"],
    );
    insta::assert_snapshot!("preset_weekly", text);
    // On 7 December: November's 在办 and 已超期 are the cases as they stand that day.
    let text = preset_at(
        &l,
        "赵建国",
        &["--preset", "monthly", "--period", "2026-11"],
        "2026-12-07T10:00:00+08:00",
    );
    insta::assert_snapshot!("preset_monthly", text);
    let html = preset(
        &l,
        "赵建国",
        &[
            "--preset",
            "special",
            "--case",
            "2026-0002",
            "--format",
            "html",
        ],
    );
    assert!(
        html.starts_with("<!DOCTYPE html>") && html.contains("领导批示"),
        "{html}"
    );
    assert!(html.contains("张三") && html.contains("扬言"), "{html}");
    let json = preset(
        &l,
        "刘洋",
        &[
            "--preset", "monthly", "--period", "2026-11", "--format", "json",
        ],
    );
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["units"].as_array().unwrap().len(), 1, "{v}");
    assert!(!json.contains("2026-0001"));
    // The 专报 needs its case; an accused handler is told it does not exist.
    let out = run(
        &[
            "--lang",
            "en",
            "report",
            "--db",
            l.db(),
            "--as",
            "赵建国",
            "--preset",
            "special",
        ],
        "",
    );
    assert!(!out.success() && out.stderr.contains("--case"), "{out:?}");
}

#[test]
fn the_report_counts_letters_signed_by_leaders() {
    let l = ledger();
    let r = report_json(&l, "2026-11");
    // Letters in November: cases 1, 3 and 4; 1 and 3 signed by 赵建国.
    assert_eq!(three(&r, "focus", "letters").0, 3);
    assert_eq!(three(&r, "focus", "letters_signed").0, 2);
    assert_eq!(rates(&r, "focus", "letter_sign_rate").0, Some(66.7));
    assert_eq!(figure(&r, "focus", "letter_sign_rate")["measure"], "rate");
    let text = run(
        &[
            "--lang",
            "zh-CN",
            "report",
            "--db",
            l.db(),
            "--period",
            "2026-11",
        ],
        "",
    );
    assert!(text.stdout.contains("领导阅批率"), "{}", text.stdout);
    assert!(text.stdout.contains("领导阅批来信过半"), "{}", text.stdout);
}

/// The report screen of the desk, on 2026-11-23, as `who` reads.
fn desk(l: &Ledger, who: &str) -> (xinfang::store::Store, xinfang::ui::app::App) {
    use xinfang::ui::app::{App, Msg};
    use xinfang::ui::runtime;
    let mut store = open_as(l, who);
    let operator = store.viewer().cloned();
    let mut app = App::new(
        xinfang::strings::Lang::Zh,
        operator,
        "某区信访局".into(),
        day("2026-11-23"),
    );
    runtime::dispatch(&mut store, &mut app, Msg::Resize { rows: 40 });
    for cmd in app.start() {
        let msg = runtime::execute(&mut store, &app, &cmd);
        runtime::dispatch(&mut store, &mut app, msg);
    }
    (store, app)
}

fn press(s: &mut xinfang::store::Store, app: &mut xinfang::ui::app::App, c: char) {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    xinfang::ui::runtime::dispatch(s, app, xinfang::ui::app::Msg::Key(key));
}

#[test]
fn p_on_the_report_screen_writes_the_daily_weekly_and_monthly_reports() {
    let l = ledger();
    let dir = l.path.parent().unwrap().join("reports").join("孙副局长");
    let (mut s, mut app) = desk(&l, "孙副局长");
    press(&mut s, &mut app, 'y');
    press(&mut s, &mut app, 'p');
    let msg = app.message.clone().unwrap_or_default();
    let daily = dir.join("信访工作日报-2026-11-23.html");
    assert!(msg.contains(&daily.display().to_string()), "{msg}");
    let page = std::fs::read_to_string(&daily).unwrap();
    assert!(page.contains("<title>信访工作日报</title>") && page.contains("2026-0003"));
    // 孙副局长 comes from the accused unit: case 1 is not there, nor counted.
    assert!(!page.contains("2026-0001"), "{page}");
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|n| n.starts_with("信访工作周报-")),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n.starts_with("信访工作月报-")),
        "{names:?}"
    );
    // Another leader, who may see case 1, writes into a folder of his own: 孙副局长's file
    // is not replaced by one holding the case against his unit.
    let (mut s, mut app) = desk(&l, "赵建国");
    press(&mut s, &mut app, 'y');
    press(&mut s, &mut app, 'p');
    let zhao = l.path.parent().unwrap().join("reports").join("赵建国");
    let his = std::fs::read_to_string(zhao.join("信访工作日报-2026-11-23.html")).unwrap();
    assert!(his.contains("2026-0001"), "{his}");
    let page = std::fs::read_to_string(&daily).unwrap();
    assert!(!page.contains("2026-0001"), "{page}");
}

/// `p` on a 周报 shown writes the by-unit report of that week under a week's name, with
/// its cases received 本周, not a 月报 of seven days beside the leaders' 周报.
#[test]
fn p_on_a_weekly_report_names_its_file_by_the_week() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let l = ledger();
    let dir = l.path.parent().unwrap().join("reports").join("赵建国");
    let (mut s, mut app) = desk(&l, "赵建国");
    press(&mut s, &mut app, 'y');
    // Shift-Tab: from the month to its week (the one holding today, 2026-11-23).
    let back = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
    xinfang::ui::runtime::dispatch(&mut s, &mut app, xinfang::ui::app::Msg::Key(back));
    press(&mut s, &mut app, 'p');
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let week = "2026-11-23..2026-11-29";
    assert!(
        !names.iter().any(|n| n.starts_with("信访工作月报-")),
        "{names:?}"
    );
    let by_unit = dir.join(format!("信访工作周报（分单位）-{week}.html"));
    let page = std::fs::read_to_string(&by_unit).unwrap_or_else(|e| panic!("{e}: {names:?}"));
    assert!(
        page.contains("<title>信访工作周报（分单位）</title>"),
        "{page}"
    );
    assert!(
        page.contains("本周新收") && !page.contains("本月新收"),
        "{page}"
    );
    // The leaders' 周报 of the week keeps its own name beside it.
    assert!(
        dir.join(format!("信访工作周报-{week}.html")).exists(),
        "{names:?}"
    );
}

/// 阅批: a leader's 批示 on a letter itself, with no opinion to approve (seed 000: leaders
/// read and sign over half the letters), counts toward 领导阅批 in the report and the
/// weekly report as a 批示 does; the case stays where it stood.
#[test]
fn a_letter_read_and_signed_counts_as_signed() {
    let l = ledger();
    // Case 4, a letter registered on the 24th, unsigned so far.
    l.apply_ok(
        r#"{"op":"sign","actor":"赵建国","case":4,"text":"请社保科牵头办理，一周内报结果","at":"2026-11-24T11:00:00+08:00"}"#,
    );
    let r = report_json(&l, "2026-11");
    assert_eq!(three(&r, "focus", "letters").0, 3);
    assert_eq!(three(&r, "focus", "letters_signed").0, 3);
    assert_eq!(rates(&r, "focus", "letter_sign_rate").0, Some(100.0));
    let store = open_as(&l, "赵建国");
    let w = store
        .weekly_report(day("2026-11-23"), day("2026-11-29"))
        .unwrap();
    let zhao = w.leaders.iter().find(|r| r.leader == "赵建国").unwrap();
    assert_eq!((zhao.letters_signed, zhao.instructions), (3, 3));
    let case = store.case(&CaseRef::Id(4), day("2026-11-30")).unwrap().case;
    assert_eq!(case.state, xinfang::domain::types::State::Registered);
    assert_eq!(case.readings.len(), 1);
    // `check` recounts the signed letters from the cases: they agree.
    assert!(l.check().success(), "{}", l.check().stderr);
    // Only a leader signs.
    let clerk = l.apply(
        r#"{"op":"sign","actor":"李娜","case":4,"text":"已阅","at":"2026-11-24T12:00:00+08:00"}"#,
    );
    assert!(clerk.stdout.contains("\"ok\":false"), "{clerk:?}");
    // Taken back within its ten minutes, the letter is unsigned again, in the report too.
    l.apply_ok(r#"{"op":"undo","actor":"赵建国","case":4,"at":"2026-11-24T11:05:00+08:00"}"#);
    let r = report_json(&l, "2026-11");
    assert_eq!(three(&r, "focus", "letters_signed").0, 2);
    let case = open_as(&l, "赵建国")
        .case(&CaseRef::Id(4), day("2026-11-30"))
        .unwrap()
        .case;
    assert!(case.readings.is_empty());
    assert!(l.check().success(), "{}", l.check().stderr);
}
