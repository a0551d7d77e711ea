//! The register as an office keeps it (issue 18, point 1): `export --format csv` with the
//! BOM, CRLF, the 信访登记簿's columns in Chinese (English with `--lang en`) and plain
//! dates; `export --format xlsx` read back with calamine: ID numbers and phones intact as
//! text, dates as date cells; `report --format xlsx`; and, where LibreOffice is installed,
//! the workbook converted by it with every ID number intact.

mod common;

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::NaiveDate;
use common::{Ledger, run};

const SESSION: &str = include_str!("fixtures/session.jsonl");

/// An 18-digit number a float keeps only 15–16 digits of, and a landline whose leading
/// 0 a number drops.
const SECOND: &str = r#"{"op":"intake","actor":"李娜","at":"2026-04-01T09:30:00+08:00","channel":"letter","people":2,"petitioners":[{"name":"李四","sex":"male","id_type":"resident_id","id_number":"330102199812230019","phone":"057188881234","main":true},{"name":"王五"}],"category":"劳动社保","summary":"反映工资拖欠","request":"要求支付工资"}"#;

fn ledger() -> Ledger {
    let l = Ledger::new();
    l.apply_ok(SESSION);
    l.apply_ok(SECOND);
    l
}

fn export(l: &Ledger, extra: &[&str]) -> common::Out {
    let mut args = vec!["export", "--db", l.db()];
    args.extend_from_slice(extra);
    run(&args, "")
}

const ZH_HEAD: &str = "编号,收件日期,信访形式,信访人,性别,身份证号,电话,住址/单位,人数,问题分类,被反映单位/人,问题发生地,主要问题,诉求,受理情况,承办部门,承办人,包案领导,期限,延期,督办,答复日期,处理结果,送达,回访满意度,归档日期,状态";

#[test]
fn the_csv_register_has_the_bom_crlf_chinese_columns_and_plain_dates() {
    let l = ledger();
    let out = l.file("register.csv");
    let o = export(&l, &["--format", "csv", "--out", out.to_str().unwrap()]);
    assert!(o.success(), "{o:?}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with('\u{feff}'), "no BOM");
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(lines[0], ZH_HEAD);
    assert_eq!(
        lines.len(),
        5,
        "heading, three cases, and the end: {lines:?}"
    );
    let first = lines.iter().find(|l| l.starts_with("2026-0001,")).unwrap();
    for want in [
        "2026-0001,2026-01-31,来访,张三,女,110105********002X,138****8000,朝阳区****,1,城乡建设,某街道办事处,幸福里,",
        ",受理,城建科,王强,赵建国,2026-05-06,30天（需委托评估）,领导交办（2026-03-10前反馈）,",
        ",已归档",
    ] {
        assert!(first.contains(want), "missing {want} in {first}");
    }
    // No time of day, no nanoseconds, no English codes.
    assert!(
        !text.contains("T10:00") && !text.contains("+08:00"),
        "{text}"
    );
    for code in [",visit,", ",archived", ",accept,"] {
        assert!(!text.contains(code), "{code} in {text}");
    }
    let second = lines.iter().find(|l| l.contains("李四")).unwrap();
    assert!(second.contains(",来信,李四、王五,男,"), "{second}");

    // English headings and values with --lang en.
    let o = run(
        &["--lang", "en", "export", "--db", l.db(), "--format", "csv"],
        "",
    );
    assert!(o.success(), "{o:?}");
    let en = o.stdout.trim_start_matches('\u{feff}');
    assert!(
        en.starts_with("No.,Received,Channel,Petitioners,Sex,"),
        "{en}"
    );
    assert!(en.contains(",visit,张三,female,") && en.contains(",archived\r\n"));
}

/// The register sheet's rows as calamine reads them.
fn sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook(path).expect("an xlsx calamine reads");
    let range = book.worksheet_range(name).expect("the sheet");
    range.rows().map(<[Data]>::to_vec).collect()
}

fn column(rows: &[Vec<Data>], head: &str) -> usize {
    rows[0]
        .iter()
        .position(|c| *c == Data::String(head.to_owned()))
        .unwrap_or_else(|| panic!("no column {head}"))
}

/// Excel's serial day number of a date.
fn serial(y: i32, m: u32, d: u32) -> f64 {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    (NaiveDate::from_ymd_opt(y, m, d).unwrap() - epoch).num_days() as f64
}

#[test]
fn the_workbook_keeps_ids_and_phones_as_text_and_dates_as_dates() {
    let l = ledger();
    let out = l.file("register.xlsx");
    let o = export(
        &l,
        &["--format", "xlsx", "--out", out.to_str().unwrap(), "--full"],
    );
    assert!(o.success(), "{o:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    let rows = sheet(&out, "信访登记簿");
    let head: Vec<String> = rows[0].iter().map(ToString::to_string).collect();
    assert_eq!(head.join(","), ZH_HEAD);
    let (id, phone, received, people) = (
        column(&rows, "身份证号"),
        column(&rows, "电话"),
        column(&rows, "收件日期"),
        column(&rows, "人数"),
    );
    let ids: Vec<&Data> = rows[1..].iter().map(|r| &r[id]).collect();
    assert!(
        ids.contains(&&Data::String("11010519491231002X".into())),
        "{ids:?}"
    );
    assert!(
        ids.contains(&&Data::String("330102199812230019".into())),
        "{ids:?}"
    );
    let phones: Vec<&Data> = rows[1..].iter().map(|r| &r[phone]).collect();
    assert!(
        phones.contains(&&Data::String("0571-88881234".into())),
        "{phones:?}"
    );
    let first = rows
        .iter()
        .find(|r| r[0] == Data::String("2026-0001".into()));
    let first = first.expect("the first case's row");
    match &first[received] {
        Data::DateTime(d) => {
            assert!(d.is_datetime());
            assert_eq!(d.as_f64(), serial(2026, 1, 31));
        }
        other => panic!("received is not a date: {other:?}"),
    }
    assert_eq!(first[people], Data::Float(1.0));
    let archived = column(&rows, "归档日期");
    assert!(matches!(first[archived], Data::DateTime(_)), "{first:?}");

    // Masked without --full; --format xlsx needs --out.
    let masked = l.file("masked.xlsx");
    assert!(export(&l, &["--format", "xlsx", "--out", masked.to_str().unwrap()]).success());
    let rows = sheet(&masked, "信访登记簿");
    assert!(
        rows.iter()
            .any(|r| r[id] == Data::String("110105********002X".into()))
    );
    let o = export(&l, &["--format", "xlsx"]);
    assert!(!o.success() && o.stderr.contains("--out"), "{o:?}");
}

#[test]
fn the_report_workbook_has_its_figures_and_lists() {
    let l = ledger();
    let out = l.file("report.xlsx");
    let args = [
        "report",
        "--db",
        l.db(),
        "--period",
        "2026",
        "--format",
        "xlsx",
        "--out",
    ];
    let mut args = args.to_vec();
    args.push(out.to_str().unwrap());
    let o = run(&args, "");
    assert!(o.success(), "{o:?}");
    let figures = sheet(&out, "统计数据");
    assert_eq!(figures[0][1], Data::String("指标".into()));
    // The heads name the periods they count.
    let head = |n: usize| figures[0][n].to_string();
    assert!(head(2).starts_with("本期（2026年"), "{}", head(2));
    assert!(head(3).starts_with("上期（2025年"), "{}", head(3));
    assert!(head(5).starts_with("去年同期（2025年"), "{}", head(5));
    let total = figures
        .iter()
        .find(|r| r[1] == Data::String("信访总量（批次）".into()))
        .expect("the total");
    assert!(matches!(total[2], Data::Float(x) if x >= 2.0), "{total:?}");
    let overdue = sheet(&out, "超期件");
    assert_eq!(overdue[0][0], Data::String("编号".into()));
    assert!(overdue.len() > 1, "the review case is overdue: {overdue:?}");
    assert!(matches!(overdue[1][1], Data::DateTime(_)), "{overdue:?}");
    let book: Xlsx<_> = open_workbook(&out).expect("xlsx");
    assert_eq!(book.sheet_names(), ["统计数据", "超期件", "督办件"]);
}

/// LibreOffice (where installed) converts the workbook: every ID number comes out whole.
#[test]
fn libreoffice_reads_the_ids_intact() {
    let Some(office) = ["soffice", "libreoffice"].into_iter().find(|p| {
        std::process::Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        eprintln!("skipped: no soffice/libreoffice on this machine");
        return;
    };
    let l = ledger();
    let out = l.file("register.xlsx");
    assert!(
        export(
            &l,
            &["--format", "xlsx", "--out", out.to_str().unwrap(), "--full"]
        )
        .success()
    );
    let dir = l.file("converted");
    let profile = format!(
        "-env:UserInstallation=file://{}",
        l.file("lo-profile").display()
    );
    let status = std::process::Command::new(office)
        .args([
            &profile,
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
        ])
        .arg("--outdir")
        .arg(&dir)
        .arg(&out)
        .output()
        .expect("soffice runs");
    assert!(status.status.success(), "{status:?}");
    let csv = std::fs::read_to_string(dir.join("register.csv")).expect("converted");
    for id in ["11010519491231002X", "330102199812230019", "0571-88881234"] {
        assert!(csv.contains(id), "{id} lost: {csv}");
    }
    assert!(!csv.contains("E+17"), "{csv}");
}
