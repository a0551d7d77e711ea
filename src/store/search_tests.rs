//! The search index's words and queries, and what each kind of query finds.

use super::*;

#[test]
fn an_item_is_found_by_its_number() {
    assert_eq!(item_number("#2001"), Some(2001));
    assert_eq!(item_number(" ＃7 "), Some(7));
    assert_eq!(item_number("#"), None);
    assert_eq!(item_number("#20a"), None);
    assert_eq!(item_number("2001"), None);
    assert!(!needs_more_digits("#7"));
}

#[test]
fn cjk_runs_become_bigrams_and_a_last_unigram() {
    assert_eq!(index_tokens("拆迁补偿"), "拆迁 迁补 补偿 偿 ");
    assert_eq!(index_tokens("王伟"), "王伟 伟 ");
    assert_eq!(index_tokens("张"), "张 ");
}

#[test]
fn words_and_punctuation() {
    assert_eq!(
        index_tokens("电话13800138000，编号2026-0137"),
        "电话 话 13800138000 编号 号 2026 0137 "
    );
    assert_eq!(index_tokens("Zhang San"), "zhang san ");
}

#[test]
fn queries() {
    assert_eq!(match_expression("拆迁").as_deref(), Some("\"拆迁\""));
    assert_eq!(match_expression("迁补偿").as_deref(), Some("\"迁补 补偿\""));
    assert_eq!(match_expression("偿").as_deref(), Some("\"偿\" *"));
    assert_eq!(match_expression("138").as_deref(), Some("\"138\" *"));
    // One or two digits wait for a third; with a name they add nothing yet.
    assert_eq!(match_expression("1"), None);
    assert_eq!(match_expression("13"), None);
    assert!(needs_more_digits("13") && needs_more_digits(" 1 "));
    assert!(!needs_more_digits("138") && !needs_more_digits("王") && !needs_more_digits(""));
    assert_eq!(match_expression("王伟 13").as_deref(), Some("\"王伟\""));
    assert_eq!(match_expression("a1").as_deref(), Some("\"a1\" *"));
    assert_eq!(
        match_expression("王伟 138").as_deref(),
        Some("\"王伟\" AND \"138\" *")
    );
    assert_eq!(match_expression("  ，。 "), None);
    // FTS5 syntax in user text stays literal.
    assert_eq!(
        match_expression("a\"b OR c").as_deref(),
        Some("\"a\" * AND \"b\" * AND \"or\" * AND \"c\" *")
    );
}

fn search(texts: &[&str], q: &str) -> Vec<i64> {
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(
        "CREATE VIRTUAL TABLE case_search USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', prefix='1 3 4 5 6 7 8 9 10 11');
         CREATE TABLE case_counters (year INTEGER PRIMARY KEY, last INTEGER NOT NULL);
         CREATE TABLE cases (id INTEGER PRIMARY KEY, case_no TEXT UNIQUE);
         CREATE TABLE petitioners (case_id INTEGER, id_number TEXT, received_at INTEGER);
         CREATE INDEX petitioners_by_id_number ON petitioners (id_number, received_at, case_id)
             WHERE id_number IS NOT NULL;",
    )
    .unwrap();
    for (i, t) in texts.iter().enumerate() {
        conn.execute(
            "INSERT INTO case_search (rowid, body) VALUES (?1, ?2)",
            params![i as i64 + 1, index_tokens(t)],
        )
        .unwrap();
    }
    let mut ids = search_ids(&conn, q, 100, "1").unwrap();
    ids.sort();
    ids
}

#[test]
fn finds_substrings_of_every_length() {
    let texts = [
        "反映拆迁补偿款未到位",
        "低保资格被取消",
        "王伟反映噪音扰民",
        "电话13800138000",
    ];
    assert_eq!(search(&texts, "拆迁"), vec![1]);
    assert_eq!(search(&texts, "低保"), vec![2]);
    assert_eq!(search(&texts, "王伟"), vec![3]);
    assert_eq!(search(&texts, "补偿款"), vec![1]);
    assert_eq!(search(&texts, "拆迁补偿款未到位"), vec![1]);
    assert_eq!(search(&texts, "反映"), vec![1, 3]);
    assert_eq!(search(&texts, "位"), vec![1]);
    assert_eq!(search(&texts, "保"), vec![2]);
    assert_eq!(search(&texts, "138001"), vec![4]);
    assert_eq!(search(&texts, "1380013800"), vec![4]);
    assert_eq!(search(&texts, "13800138000"), vec![4]);
    // Not substrings: characters present but not adjacent.
    assert_eq!(search(&texts, "拆补"), Vec::<i64>::new());
    assert_eq!(search(&texts, "补拆迁"), Vec::<i64>::new());
}

/// Numbers of every length typed so far, read from the prefix indexes of 4 to 11 (a year
/// in a summary, an amount, a phone number), find what the merge of every word that
/// begins so found: the same cases, and the 12th digit on (no index of its own) too.
#[test]
fn numbers_of_four_digits_and_more_find_every_word_they_begin() {
    let texts = [
        "2025年3月反映拖欠工资12000元",
        "电话13800138000，2025-0137",
        "2026年1月，20250101号文件",
        "身份证号110101199003074512",
        "补偿款1200元，电话13900001111",
    ];
    assert_eq!(search(&texts, "2025"), vec![1, 2, 3]);
    assert_eq!(search(&texts, "20250"), vec![3]);
    assert_eq!(search(&texts, "1200"), vec![1, 5]);
    assert_eq!(search(&texts, "12000"), vec![1]);
    assert_eq!(search(&texts, "1380"), vec![2]);
    assert_eq!(search(&texts, "13"), Vec::<i64>::new());
    assert_eq!(search(&texts, "139000011"), vec![5]);
    assert_eq!(search(&texts, "11010119900307"), vec![4]);
    assert_eq!(search(&texts, "110101199003074512"), vec![4]);
    assert_eq!(search(&texts, "2026 1200"), Vec::<i64>::new());
    assert_eq!(search(&texts, "电话 1390"), vec![5]);
}

#[test]
fn a_phone_tail_is_asked_for_by_its_word() {
    assert_eq!(phone_tail("尾号0524"), Some("0524"));
    assert_eq!(phone_tail(" 尾号 80524 "), Some("80524"));
    assert_eq!(phone_tail("尾号052"), None);
    assert_eq!(phone_tail("0524"), None);
    assert_eq!(phone_tail("尾号05a4"), None);
    assert!(needs_more_digits("尾号05"));
    assert!(needs_more_digits("尾号"));
    assert!(!needs_more_digits("尾号0524"));
}

/// `尾号` and digits find every case with a phone ending so, as a scan of every phone
/// finds them, newest first; a tail of more than four digits narrows them.
#[test]
fn a_phone_tail_finds_what_a_scan_finds() {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::store::test_ledger::demo(&dir.path().join("l.db"), 300, 5, false);
    let phones: Vec<(i64, String)> = store
        .conn
        .prepare("SELECT case_id, phone FROM petitioners WHERE phone IS NOT NULL")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert!(phones.len() > 100);
    for (_, phone) in phones.iter().step_by(37) {
        for n in [4, 6] {
            let tail = &phone[phone.len() - n..];
            let mut want: Vec<i64> = (phones.iter())
                .filter(|(_, p)| p.ends_with(tail))
                .map(|(id, _)| *id)
                .collect();
            want.sort_unstable_by(|a, b| b.cmp(a));
            want.dedup();
            let got = search_ids(&store.conn, &format!("尾号{tail}"), 1000, "1").unwrap();
            assert_eq!(got, want, "尾号{tail}");
        }
    }
}

/// A phone typed as the form takes it, with spaces or dashes, finds what the number
/// typed whole finds; a landline's area code and number are searched as stored.
#[test]
fn a_phone_typed_with_spaces_is_searched_whole() {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::store::test_ledger::demo(&dir.path().join("l.db"), 300, 5, false);
    let phone: String = store
        .conn
        .query_row(
            "SELECT phone FROM petitioners WHERE length(phone) = 11 LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let whole = search_ids(&store.conn, &phone, 100, "1").unwrap();
    assert!(!whole.is_empty());
    let spaced = format!("{} {} {}", &phone[..3], &phone[3..7], &phone[7..]);
    assert_eq!(search_ids(&store.conn, &spaced, 100, "1").unwrap(), whole);
    let dashed = format!("{}-{}-{}", &phone[..3], &phone[3..7], &phone[7..]);
    assert_eq!(search_ids(&store.conn, &dashed, 100, "1").unwrap(), whole);
    assert_eq!(
        phone_typed("0571 8765 4321").as_deref(),
        Some("0571-87654321")
    );
    // Not a phone: left as typed.
    assert_eq!(phone_typed("13957112345"), None);
    assert_eq!(phone_typed("拆迁 2025"), None);
    assert_eq!(phone_typed("2025-002"), None);
    assert_eq!(phone_typed("2026-0137"), None);
}

/// A case's serial typed alone (`0042`, `42`) finds the case numbered so first, the
/// newest year's before the last's, then the text's matches.
#[test]
fn a_serial_alone_finds_its_case_first() {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::store::test_ledger::demo(&dir.path().join("l.db"), 300, 5, false);
    let (id, no): (i64, String) = store
        .conn
        .query_row(
            "SELECT id, case_no FROM cases WHERE case_no IS NOT NULL ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let serial = &no[5..];
    let got = search_ids(&store.conn, serial, 20, "1").unwrap();
    assert_eq!(got.first(), Some(&id), "{serial}: {got:?}");
    let unpadded = serial.trim_start_matches('0');
    if unpadded.len() >= MIN_DIGITS {
        let got = search_ids(&store.conn, unpadded, 20, "1").unwrap();
        assert_eq!(got.first(), Some(&id), "{unpadded}: {got:?}");
    }
    // What the reader may not see stays unseen.
    let hidden = search_ids(&store.conn, serial, 20, "c.id <> 0 AND 0").unwrap();
    assert!(hidden.is_empty(), "{hidden:?}");
}

/// A ledger made before the prefix indexes (schema 9) is upgraded to the same hits:
/// the index is made anew and filled from the stored cases.
#[test]
fn upgrading_to_prefix_indexes_keeps_every_hit() {
    use crate::config::Office;
    use crate::store::Store;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("l.db");
    let store = crate::store::test_ledger::demo(&path, 300, 3, false);
    let queries = [
        "王",
        "拆迁",
        "补偿款",
        "138",
        "159",
        "202",
        "信访人反映",
        "张伟",
    ];
    let hits = |store: &Store| -> Vec<Vec<i64>> {
        queries
            .iter()
            .map(|q| search_ids(&store.conn, q, 1000, "1").unwrap())
            .collect()
    };
    let before = hits(&store);
    assert!(
        before.iter().filter(|h| !h.is_empty()).count() >= 6,
        "{before:?}"
    );
    // Back to schema 9: the index as it was, without prefix indexes, and no report
    // facts yet (schema 11).
    store
        .conn
        .execute_batch(
            "DROP TRIGGER petitioners_repeat; DROP TRIGGER petitioners_again;
             DROP TABLE case_facts; DROP TABLE case_summaries;
             DROP TABLE case_search;
             CREATE VIRTUAL TABLE case_search USING fts5(body, content='', contentless_delete=1,
                 tokenize='unicode61 remove_diacritics 0');
             PRAGMA user_version = 9;",
        )
        .unwrap();
    crate::store::migrations::step_0010::run(&store.conn).unwrap();
    assert_eq!(hits(&store), before);
    drop(store);
    let store = Store::open(&path, Office::builtin(), &crate::store::test_ledger::key()).unwrap();
    let sql: String = store
        .conn
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'case_search'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(sql.contains("prefix = '1 3 4 5 6 7 8 9 10 11'"), "{sql}");
    assert_eq!(hits(&store), before);
}

/// The start of an ID number (its region and birth date, 14 characters or more) finds its
/// holders' cases, as a scan of the petitioners finds them; fewer characters look nothing up
/// by ID (a whole district), and what the reader may not see stays unseen.
#[test]
fn the_start_of_an_id_number_finds_its_holders_cases() {
    let dir = tempfile::tempdir().unwrap();
    let store = crate::store::test_ledger::demo(&dir.path().join("l.db"), 300, 5, false);
    let ids: Vec<(i64, String)> = store
        .conn
        .prepare("SELECT case_id, id_number FROM petitioners WHERE id_number IS NOT NULL")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert!(ids.len() > 50);
    for (_, number) in ids.iter().step_by(17) {
        let start = &number[..16];
        let got = search_ids(&store.conn, start, 1000, "1").unwrap();
        for (case, _) in ids.iter().filter(|(_, n)| n.starts_with(start)) {
            assert!(got.contains(case), "{start}: {got:?}");
        }
        let hidden = search_ids(&store.conn, start, 20, "c.id <> 0 AND 0").unwrap();
        assert!(hidden.is_empty(), "{hidden:?}");
    }
    assert!(
        id_prefix_matches(&store.conn, &ids[0].1[..6], 20, "1")
            .unwrap()
            .is_empty()
    );
}
