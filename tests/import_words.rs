//! `xinfang import` reads the words old registers use (走访, 网上, 已受理, 转办…) and says
//! what it leaves out instead of dropping it without a word: columns it does not read, a
//! 合计 row, and the workbook's other sheets, which `--sheet` reads one at a time.

mod common;

use std::path::Path;

use common::{Ledger, SETUP, exported as cases, import};

/// Two years' sheets; the second in a county's words, with a 备注 column and a 合计 row.
fn two_sheets(path: &Path) {
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let heads = [
        "来访日期",
        "姓名",
        "信访形式",
        "问题类别",
        "反映问题",
        "受理情况",
        "处理结果",
        "备注",
    ];
    let years: [(&str, &[[&str; 8]]); 2] = [
        (
            "2024年",
            &[[
                "2024-11-04",
                "周九",
                "来访",
                "城乡建设",
                "反映噪音扰民",
                "受理",
                "",
                "",
            ]],
        ),
        (
            "2025年",
            &[
                [
                    "2025-03-10",
                    "吴十",
                    "走访",
                    "城乡建设",
                    "反映路灯损坏",
                    "已受理",
                    "",
                    "复印件在档",
                ],
                [
                    "2025-03-11",
                    "郑一",
                    "网上",
                    "农村农业",
                    "反映土地流转",
                    "转办（区农业农村局）",
                    "",
                    "",
                ],
                [
                    "2025-03-12",
                    "王二",
                    "电话",
                    "教育",
                    "咨询入学政策",
                    "即时答复",
                    "已当场解释入学政策",
                    "",
                ],
                ["合计", "", "", "", "3件", "", "", ""],
            ],
        ),
    ];
    for (name, rows) in years {
        let sheet = book.add_worksheet().set_name(name).unwrap();
        for (c, h) in heads.iter().enumerate() {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                sheet.write_string(r as u32 + 1, c as u16, *cell).unwrap();
            }
        }
    }
    book.save(path).unwrap();
}

#[test]
fn a_workbook_s_other_sheets_are_named_and_read_with_sheet() {
    let l = Ledger::new();
    l.apply_ok(SETUP);
    let file = l.file("two_years.xlsx");
    two_sheets(&file);
    let f = file.to_str().unwrap();
    let first = import(&l, &[f, "--dry-run"]);
    assert!(first.success(), "{first:?}");
    assert!(
        first.stderr.contains("只读了表「2024年」") && first.stderr.contains("「2025年」未读"),
        "{first:?}"
    );
    let none = import(&l, &[f, "--sheet", "2026年", "--dry-run"]);
    assert!(!none.success(), "{none:?}");
    assert!(
        none.stderr.contains("没有这张表") && none.stderr.contains("「2024年」「2025年」"),
        "{none:?}"
    );
    let o = import(&l, &[f, "--sheet", "2025年"]);
    assert!(o.success(), "{o:?}");
    assert!(o.stderr.contains("以下列不导入：备注"), "{o:?}");
    assert!(o.stderr.contains("第 5 行是合计行，不导入"), "{o:?}");
    let got = cases(&l);
    assert_eq!(got.len(), 3, "the 合计 row made no case");
    let by = |who: &str| {
        (got.iter())
            .find(|c| c["case"]["intake"]["petitioners"][0]["name"] == who)
            .map(|c| c["case"].clone())
            .unwrap_or_default()
    };
    assert_eq!(by("吴十")["intake"]["channel"], "visit");
    assert_eq!(
        by("吴十")["decision"]["decision"],
        "accept",
        "{}",
        by("吴十")
    );
    assert_eq!(by("郑一")["intake"]["channel"], "online");
    assert_eq!(
        by("郑一")["decision"]["decision"],
        "pass_on",
        "{}",
        by("郑一")
    );
    assert_eq!(by("王二")["intake"]["channel"], "phone");
    assert_eq!(
        by("王二")["decision"]["decision"],
        "answered",
        "{}",
        by("王二")
    );
}

#[test]
fn an_unknown_channel_names_the_words_it_takes() {
    let l = Ledger::new();
    l.apply_ok(SETUP);
    let csv = "来访日期,姓名,信访形式,问题类别,反映问题\r\n2025-03-10,吴十,飞鸽传书,城乡建设,反映路灯损坏\r\n";
    let file = l.file("pigeon.csv");
    std::fs::write(&file, csv).unwrap();
    let o = import(&l, &[file.to_str().unwrap(), "--dry-run"]);
    assert!(
        o.stdout.contains(
            "信访形式“飞鸽传书”无法识别（应为 来访、来信、来电、电子邮件、网上信访 或 上级转交办）"
        ),
        "{o:?}"
    );
    // A CSV has no sheets to speak of.
    assert!(!o.stderr.contains("只读了表"), "{o:?}");
}

/// 人数 as offices write it (12人) counts; one that is no number is named, not taken as 1; a
/// row repeating another's 原编号 stays in the skipped file on every import (a trial's second
/// run took it for imported and dropped it from the only list of rows to fix).
#[test]
fn people_are_read_or_named_and_a_repeated_number_is_never_lost() {
    let l = Ledger::new();
    l.apply_ok(SETUP);
    let csv = "原编号,来访日期,姓名,人数,问题类别,反映问题\r\n\
               A-1,2025-03-10,吴十,12人,城乡建设,反映路灯损坏\r\n\
               A-2,2025-03-11,郑一,abc,城乡建设,反映噪音扰民\r\n\
               A-1,2025-03-12,王二,1,城乡建设,反映道路积水\r\n";
    let file = l.file("people.csv");
    std::fs::write(&file, csv).unwrap();
    let f = file.to_str().unwrap();
    let skipped = l.file("people.skipped.csv");
    for round in 0..2 {
        let o = import(&l, &[f, "--skip-bad"]);
        assert!(o.success(), "round {round}: {o:?}");
        assert!(
            o.stdout
                .contains("人数“abc”无法识别（应为人数，如 12 或 12人）"),
            "{o:?}"
        );
        let left = std::fs::read_to_string(&skipped).unwrap();
        assert!(
            left.contains("郑一")
                && left.contains("王二")
                && left.contains("与第 2 行的原编号相同"),
            "round {round}: {left}"
        );
    }
    let got = cases(&l);
    assert_eq!(got.len(), 1, "only the good row, once");
    assert_eq!(got[0]["case"]["intake"]["people"], 12);
}
