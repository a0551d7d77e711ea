//! `xinfang import` (issue 18, point 2): the register exported as a workbook comes back
//! into an empty ledger as the same cases; a register in the shape offices keep (a merged
//! title row, their own Chinese headings, ID numbers stored as numbers, dates as Excel
//! serials and as `2025.3.8`, a GBK CSV) is checked row by row with every problem named;
//! nothing is written while a row is bad unless `--skip-bad`, whose rows go to a file;
//! importing the same file again creates nothing twice; the old number is searchable.

mod common;

use std::path::Path;

use common::{Ledger, SETUP, exported as cases, import, run};
use serde_json::Value;

const SESSION: &str = include_str!("fixtures/session.jsonl");

/// Cases in every state the register shows: received only, accepted and assigned,
/// passed on, declined with its route, answered on the spot, and (from the session) extended, supervised,
/// replied, visited and archived, and a 复查 request received.
const MORE: &str = r#"{"op":"intake","actor":"李娜","at":"2026-04-01T09:30:00+08:00","channel":"letter","people":2,"petitioners":[{"name":"李四","sex":"male","id_type":"resident_id","id_number":"330102199812230019","phone":"057188881234","main":true},{"name":"王五"}],"category":"劳动社保","summary":"反映工资拖欠","request":"要求支付工资"}
{"op":"intake","actor":"李娜","at":"2026-04-02T09:30:00+08:00","channel":"visit","people":1,"petitioners":[{"name":"赵六","main":true}],"category":"城乡建设","target":"某街道办事处","location":"幸福里","summary":"反映路灯不亮","request":"要求修复"}
{"op":"register","actor":"李娜","case":3,"decision":"accept","at":"2026-04-03T09:00:00+08:00"}
{"op":"assign","actor":"李娜","case":3,"department":"城建科","handler":"王强","at":"2026-04-03T10:00:00+08:00"}
{"op":"intake","actor":"李娜","at":"2026-04-05T09:30:00+08:00","channel":"phone","people":1,"petitioners":[{"name":"钱七","main":true}],"category":"教育","summary":"反映学校收费","request":"要求退费"}
{"op":"register","actor":"李娜","case":5,"decision":"pass_on","to":"区教育局","at":"2026-04-06T09:00:00+08:00"}
{"op":"intake","actor":"李娜","at":"2026-04-07T09:30:00+08:00","channel":"visit","people":1,"petitioners":[{"name":"孙八","main":true}],"category":"劳动社保","summary":"反映劳动争议","request":"要求赔偿"}
{"op":"register","actor":"李娜","case":6,"decision":"decline","ground":"legal_procedure","route":"向劳动人事争议仲裁委员会申请仲裁","at":"2026-04-07T10:00:00+08:00"}
{"op":"intake","actor":"李娜","at":"2026-04-08T09:30:00+08:00","channel":"visit","people":1,"petitioners":[{"name":"周九","main":true}],"category":"城乡建设","summary":"咨询拆迁政策","request":"要求解释"}
{"op":"register","actor":"李娜","case":7,"decision":"answered","text":"已当场解释拆迁补偿政策","at":"2026-04-08T10:00:00+08:00"}
"#;

fn day(v: &Value) -> String {
    v.as_str().unwrap_or_default().chars().take(10).collect()
}

/// What the round trip keeps of a case, field by field.
fn kept(c: &Value) -> Value {
    let case = &c["case"];
    let i = &case["intake"];
    let people: Vec<Value> = (i["petitioners"].as_array().into_iter().flatten())
        .map(|p| {
            serde_json::json!([
                p["name"],
                p["sex"],
                p["id_number"],
                p["phone"],
                p["address"],
                p["work_unit"]
            ])
        })
        .collect();
    serde_json::json!({
        "state": c["state"],
        "received": day(&i["received_at"]),
        "channel": i["channel"],
        "people": people,
        "count": i["people"],
        "category": i["category"],
        "target": i["target"],
        "location": i["location"],
        "summary": i["summary"],
        "request": i["request"],
        "decision": case["decision"]["decision"],
        "declined": [case["decision"]["ground"], case["decision"]["route"]],
        "department": case["assignment"]["department"],
        "handler": case["assignment"]["handler"],
        "leader": case["assignment"]["owner_leader"],
        "reply": [case["reply"]["outcome"], case["reply"]["text"], case["reply"]["method"],
                  case["reply"]["served_at"], case["reply"]["signed"], day(&case["reply"]["at"])],
        "archived": day(&case["archived"]["at"]),
        "extension": [case["extension"]["days"], case["extension"]["reason"]],
        "supervisions": (case["supervisions"].as_array().into_iter().flatten())
            .map(|s| serde_json::json!([s["ground"], s["feedback_by"]]))
            .collect::<Vec<_>>(),
        "return_visit": [case["return_visit"]["unit"], case["return_visit"]["office"]],
    })
}

#[test]
fn an_exported_workbook_imports_as_the_same_cases() {
    let a = Ledger::new();
    a.apply_ok(SESSION);
    a.apply_ok(MORE);
    let book = a.file("register.xlsx");
    let o = run(
        &[
            "export",
            "--db",
            a.db(),
            "--format",
            "xlsx",
            "--full",
            "--out",
            book.to_str().unwrap(),
        ],
        "",
    );
    assert!(o.success(), "{o:?}");

    let b = Ledger::new();
    b.apply_ok(
        SESSION
            .lines()
            .take(4)
            .collect::<Vec<_>>()
            .join("\n")
            .as_str(),
    );
    let o = import(&b, &[book.to_str().unwrap()]);
    assert!(o.success(), "{o:?}");
    let (before, after) = (cases(&a), cases(&b));
    assert_eq!(before.len(), after.len(), "{}", o.stdout);
    let mut want: Vec<Value> = before.iter().map(kept).collect();
    let mut got: Vec<Value> = after.iter().map(kept).collect();
    let key = |v: &Value| v.to_string();
    want.sort_by_key(key);
    got.sort_by_key(key);
    for (w, g) in want.iter().zip(&got) {
        assert_eq!(w, g);
    }
    // The old number is kept.
    let old = after
        .iter()
        .find(|c| c["case"]["intake"]["summary"] == "反映路灯不亮");
    assert_eq!(old.unwrap()["case"]["intake"]["origin"]["old_no"], "#4");
    assert!(b.check().success());
}

/// A register as offices keep it, written with the workbook writer the tests have.
fn office_workbook(path: &Path) {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let title = Format::new().set_bold();
    sheet
        .merge_range(0, 0, 0, 13, "某县信访局2025年来访登记台账", &title)
        .unwrap();
    let heads = [
        "登记编号",
        "来访日期",
        "姓名",
        "性别",
        "身份证号码",
        "联系电话",
        "问题类别",
        "反映问题",
        "主要诉求",
        "受理情况",
        "承办单位",
        "承办人",
        "办结日期",
        "处理结果",
    ];
    for (c, h) in heads.iter().enumerate() {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    // (row cells; a number where offices' sheets hold one)
    let rows: [[&str; 14]; 7] = [
        [
            "2025-001",
            "#45724",
            "张三",
            "女",
            "11010519491231002X",
            "#13800138000",
            "城乡建设",
            "反映拆迁补偿",
            "要求补偿",
            "受理",
            "城建科",
            "王强",
            "2025.3.20",
            "予以支持：补偿款已拨付",
        ],
        [
            "2025-002",
            "2025.3.8",
            "李四",
            "男",
            "",
            "",
            "劳动社保",
            "反映工资拖欠",
            "要求支付",
            "",
            "",
            "",
            "",
            "",
        ],
        [
            "2025-003",
            "#45725",
            "王五",
            "男",
            "#330102199812230019",
            "",
            "拆迁安置",
            "反映安置",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        [
            "2025-004",
            "",
            "赵六",
            "男",
            "",
            "",
            "教育",
            "反映收费",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        [
            "2025-005",
            "2025年3月10日",
            "钱七",
            "女",
            "110105194912310021",
            "",
            "教育",
            "反映收费",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
        [
            "2025-006",
            "2025/3/11",
            "孙八",
            "男",
            "",
            "",
            "城乡建设",
            "反映道路",
            "",
            "受理",
            "财政局",
            "王强",
            "",
            "",
        ],
        ["", "", "", "", "", "", "", "", "", "", "", "", "", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 2, c as u16);
            match cell.strip_prefix('#') {
                Some(n) => sheet.write_number(r, c, n.parse::<f64>().unwrap()).unwrap(),
                None if cell.is_empty() => sheet,
                None => sheet.write_string(r, c, *cell).unwrap(),
            };
        }
    }
    book.save(path).unwrap();
}

#[test]
fn an_office_register_is_checked_row_by_row_and_nothing_is_written_while_a_row_is_bad() {
    let l = Ledger::new();
    l.apply_ok(SETUP);
    let file = l.file("台账.xlsx");
    office_workbook(&file);
    let f = file.to_str().unwrap();

    let dry = import(&l, &[f, "--dry-run"]);
    assert!(!dry.success(), "{dry:?}");
    let out = &dry.stdout;
    for want in [
        "第 3 行：新建案件 接待录入 2025-03-08（来访，张三，城乡建设） → 登记受理 2025-03-08 → 交办 城建科 → 提出处理意见 2025-03-20 → 批示 2025-03-20 → 答复 2025-03-20\n",
        "第 4 行：新建案件",
        "第 5 行：✗ 身份证号“3.3010********3E17”被表格存成了数字，后几位已丢失",
        "问题分类“拆迁安置”无法识别",
        "第 6 行：✗ 缺少收件日期",
        "第 7 行：✗ 身份证号“110105********0021”有误",
        "第 8 行：✗ 承办部门“财政局”无法识别",
        "共 2 行可导入，4 行有问题，0 行已导入过",
    ] {
        assert!(out.contains(want), "missing {want} in\n{out}");
    }
    assert!(
        !out.contains("第 9 行"),
        "the blank row is read past: {out}"
    );
    // The row is named, the number masked (a terminal's log may keep it).
    assert!(!out.contains("110105194912310021"), "{out}");
    let en = run(
        &["--lang", "en", "import", "--db", l.db(), f, "--dry-run"],
        "",
    );
    assert!(
        en.stdout.contains("row 6: ✗ Received is missing"),
        "{}",
        en.stdout
    );

    // Without --skip-bad nothing is written.
    let o = import(&l, &[f]);
    assert!(!o.success(), "{o:?}");
    assert!(o.stderr.contains("4 行有问题，未导入任何案件"), "{o:?}");
    assert!(cases(&l).is_empty());

    // --skip-bad: the good rows in, the bad ones in a file to fix.
    let skipped = l.file("bad.csv");
    let o = import(
        &l,
        &[f, "--skip-bad", "--skipped", skipped.to_str().unwrap()],
    );
    assert!(o.success(), "{o:?}");
    assert!(o.stdout.contains("已导入 2 件，跳过 4 行"), "{o:?}");
    let got = cases(&l);
    assert_eq!(got.len(), 2);
    let first = got
        .iter()
        .find(|c| c["case"]["intake"]["summary"] == "反映拆迁补偿")
        .unwrap();
    assert_eq!(first["state"], "replied");
    assert_eq!(first["case"]["reply"]["outcome"], "support");
    assert_eq!(day(&first["case"]["reply"]["at"]), "2025-03-20");
    assert_eq!(
        first["case"]["intake"]["petitioners"][0]["phone"],
        "13800138000"
    );
    let text = std::fs::read_to_string(&skipped).unwrap();
    assert!(text.starts_with('\u{feff}'));
    let lines: Vec<&str> = text
        .trim_start_matches('\u{feff}')
        .trim_end()
        .split("\r\n")
        .collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert!(lines[0].starts_with("登记编号,来访日期,") && lines[0].ends_with(",问题"));
    assert!(
        lines[2].starts_with("2025-004,,赵六") && lines[2].ends_with("缺少收件日期"),
        "{text}"
    );

    // Again: nothing twice.
    let again = import(
        &l,
        &[f, "--skip-bad", "--skipped", skipped.to_str().unwrap()],
    );
    assert!(
        again
            .stdout
            .contains("共 0 行可导入，4 行有问题，2 行已导入过"),
        "{again:?}"
    );
    assert_eq!(cases(&l).len(), 2);
    // The old number is searchable.
    let found = run(&["search", "--db", l.db(), "--json", "2025-002"], "");
    assert!(found.stdout.contains("李四"), "{found:?}");
    // And said beside the case's own number, which is this ledger's.
    let hits: serde_json::Value = serde_json::from_str(&found.stdout).expect("json");
    let id = hits[0]["case"]["id"].to_string();
    let shown = run(&["show", "--db", l.db(), &id], "");
    assert!(shown.stdout.contains("原编号：2025-002"), "{shown:?}");
    // The old register's receipt in a petitioner's hand names the case too.
    let by_old = run(&["show", "--db", l.db(), "2025-002"], "");
    assert_eq!(by_old.stdout, shown.stdout, "{by_old:?}");
    let unknown = run(&["show", "--db", l.db(), "2025-009"], "");
    assert!(
        unknown.stderr.contains("没有编号为「2025-009」"),
        "{unknown:?}"
    );
    assert!(l.check().success());
}

#[test]
fn a_gbk_csv_with_its_own_headings_imports_through_a_mapping() {
    let l = Ledger::new();
    l.apply_ok(SETUP);
    let csv = "信访日期,信访人姓名,联系方式,内容分类,事由,接谈科室\r\n2025-03-08,周九,13900139000,城乡建设,反映噪音扰民,\r\n2025-03-09,吴十,,农村农业,反映土地流转,\r\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(csv);
    let file = l.file("old.csv");
    std::fs::write(&file, &gbk).unwrap();
    let f = file.to_str().unwrap();
    // 事由 is no heading the import knows: without a mapping there is no summary column.
    let o = import(&l, &[f, "--dry-run"]);
    assert!(o.stderr.contains("找不到表头行"), "{o:?}");
    let map = l.file("map.txt");
    let t = import(&l, &["--template"]);
    assert!(t.stdout.contains("收件日期=收件日期"), "{t:?}");
    std::fs::write(&map, "# ours\n事由=主要问题\n").unwrap();
    let o = import(
        &l,
        &[
            f,
            "--map-file",
            map.to_str().unwrap(),
            "--map",
            "接谈科室=承办部门",
        ],
    );
    assert!(o.success(), "{o:?}");
    let got = cases(&l);
    assert_eq!(got.len(), 2);
    assert!(
        got.iter()
            .any(|c| c["case"]["intake"]["summary"] == "反映土地流转")
    );
    let bad = import(&l, &[f, "--map", "事由"]);
    assert!(bad.stderr.contains("对照“事由”无法识别"), "{bad:?}");
}

/// Rows are numbered in the order they were received, as the register numbered them, not
/// in the file's order (a sheet sorted by name).
#[test]
fn imported_cases_are_numbered_by_the_day_received() {
    let l = Ledger::new();
    l.apply_ok(SETUP);
    let csv = "编号,来访日期,姓名,问题类别,反映问题,受理情况\r\n\
               2025-0009,2025-01-05,孙八,城乡建设,反映噪音扰民,受理\r\n\
               2025-0001,2025-01-02,钱七,城乡建设,反映路灯损坏,受理\r\n";
    let file = l.file("sorted_by_name.csv");
    std::fs::write(&file, csv).unwrap();
    let o = import(&l, &[file.to_str().unwrap()]);
    assert!(o.success(), "{o:?}");
    let numbered: Vec<(String, String)> = cases(&l)
        .iter()
        .map(|c| {
            let no = c["case"]["case_no"].as_str().unwrap_or_default().to_owned();
            let who = c["case"]["intake"]["petitioners"][0]["name"].as_str();
            (no, who.unwrap_or_default().to_owned())
        })
        .collect();
    assert!(
        numbered.contains(&("2025-0001".into(), "钱七".into()))
            && numbered.contains(&("2025-0002".into(), "孙八".into())),
        "{numbered:?}"
    );
}

/// Every problem of a row is said at once: an unknown category and a department with no
/// 承办人 in the same row are both listed (the second was found only once the first was mended).
#[test]
fn a_row_s_problems_are_listed_together() {
    let l = Ledger::new();
    l.apply_ok(SETUP);
    let csv = "编号,来访日期,姓名,问题类别,反映问题,受理情况,承办单位,承办人\r\n\
               2025-0105,2025-03-11,赵六,不存在的分类,反映问题,受理,城建科,\r\n";
    let file = l.file("two_problems.csv");
    std::fs::write(&file, csv).unwrap();
    let o = import(&l, &[file.to_str().unwrap(), "--dry-run"]);
    assert!(o.stdout.contains("不存在的分类"), "{o:?}");
    assert!(o.stdout.contains("缺少承办人"), "{o:?}");
}

/// A register's 督办 on 逾期未办结 is replayed on the day of receipt, when no clock is past
/// due yet: it is kept as 其他 with the register's words, and the file imports.
#[test]
fn an_overdue_supervision_in_a_register_imports_as_its_words() {
    let l = Ledger::new();
    l.apply_ok(SETUP);
    let csv = "编号,来访日期,姓名,问题类别,反映问题,受理情况,承办单位,承办人,督办\r\n\
               2025-0201,2025-03-11,赵六,城乡建设,反映噪音扰民,受理,城建科,王强,逾期未办结（2025-05-20前反馈）\r\n";
    let file = l.file("overdue_supervision.csv");
    std::fs::write(&file, csv).unwrap();
    let o = import(&l, &[file.to_str().unwrap()]);
    assert!(o.success(), "{o:?}");
    let got = cases(&l);
    let s = &got[0]["case"]["supervisions"][0];
    assert_eq!(s["ground"], "other", "{s}");
    assert!(
        s["text"]
            .as_str()
            .unwrap_or_default()
            .contains("逾期未办结"),
        "{s}"
    );
}

/// Two imports of the same file at once make each case once: the second plans after the
/// first has written (a trial ran two at once and got every case twice).
#[test]
fn two_imports_of_one_file_at_once_make_each_case_once() {
    let l = Ledger::new();
    l.apply_ok(SETUP);
    let mut csv = String::from("收件日期,姓名,问题分类,主要问题\r\n");
    for i in 0..300 {
        csv.push_str(&format!(
            "2025-03-08,周{i},城乡建设,反映噪音扰民第{i}次\r\n"
        ));
    }
    let file = l.file("twice.csv");
    std::fs::write(&file, csv).unwrap();
    let f = file.to_str().unwrap();
    let args = ["import", "--db", l.db(), f];
    let both = [
        common::spawn(&args, String::new()),
        common::spawn(&args, String::new()),
    ];
    for child in both {
        let out = common::finish(child);
        assert!(out.success(), "{out:?}");
    }
    assert_eq!(cases(&l).len(), 300);
}

/// A register with handling columns but no 受理情况 says that its handling will not come
/// in (a trial's came in as 待登记 cases years overdue, without a word).
#[test]
fn handling_without_a_decision_column_is_said() {
    let l = Ledger::new();
    l.apply_ok(SETUP);
    let csv = "收件日期,姓名,问题分类,主要问题,承办部门\r\n2025-03-08,周九,城乡建设,反映噪音扰民,城建科\r\n";
    let file = l.file("no_decision.csv");
    std::fs::write(&file, csv).unwrap();
    let o = import(&l, &[file.to_str().unwrap(), "--dry-run"]);
    assert!(o.stderr.contains("没有「受理情况」列"), "{o:?}");
    assert!(o.stderr.contains("承办部门"), "{o:?}");
}
