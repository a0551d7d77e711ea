//! Full-text search that answers 1- and 2-character Chinese queries from the
//! index. FTS5's trigram tokenizer finds nothing under 3 characters, and
//! most Chinese words and names are 2 (拆迁, 低保, 王伟), so text is
//! tokenised here: each run of CJK characters becomes its overlapping
//! bigrams plus its last character alone; other letters and digits form
//! lower-cased words. A query of N ≥ 2 CJK characters is the phrase of its
//! N−1 bigrams (consecutive positions, so it matches the exact substring);
//! a single character is a prefix query, which every character of the text
//! can answer because each one starts a token. FTS5 keeps prefix indexes of
//! one character and of three to eleven (migrations 0010 and 0028), so a
//! single character and a number or word typed so far read one posting list
//! newest first instead of merging every token that begins so.

use rusqlite::{Connection, params};

use super::Result;
use crate::domain::case::Case;

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // kana
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0x20000..=0x3134F) // extensions B–G
}

#[derive(Debug, PartialEq, Eq)]
enum Run {
    Cjk(Vec<char>),
    Word(String),
}

fn runs(text: &str) -> Vec<Run> {
    let mut out = Vec::new();
    let mut cjk = Vec::new();
    let mut word = String::new();
    let flush = |out: &mut Vec<Run>, cjk: &mut Vec<char>, word: &mut String| {
        if !cjk.is_empty() {
            out.push(Run::Cjk(std::mem::take(cjk)));
        }
        if !word.is_empty() {
            out.push(Run::Word(std::mem::take(word)));
        }
    };
    for c in text.chars() {
        if is_cjk(c) {
            if !word.is_empty() {
                flush(&mut out, &mut cjk, &mut word);
            }
            cjk.push(c);
        } else if c.is_alphanumeric() {
            if !cjk.is_empty() {
                flush(&mut out, &mut cjk, &mut word);
            }
            word.extend(c.to_lowercase());
        } else {
            flush(&mut out, &mut cjk, &mut word);
        }
    }
    flush(&mut out, &mut cjk, &mut word);
    out
}

/// The indexed form of `text`: space-separated tokens.
pub fn index_tokens(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for run in runs(text) {
        match run {
            Run::Cjk(chars) => {
                for pair in chars.windows(2) {
                    out.extend(pair);
                    out.push(' ');
                }
                if let Some(last) = chars.last() {
                    out.push(*last);
                    out.push(' ');
                }
            }
            Run::Word(w) => {
                out.push_str(&w);
                out.push(' ');
            }
        }
    }
    out
}

/// Digits a number needs before it is searched. Without a prefix index of its
/// length a prefix query gathers the postings of every indexed number it
/// begins before it can take the newest: `13*` took 109 ms at 1,000,000 cases
/// (BENCHMARKS.md); three digits have their own prefix index. One or two
/// digits begin nearly every phone and case anyway.
pub const MIN_DIGITS: usize = 3;

fn short_number(w: &str) -> bool {
    w.len() < MIN_DIGITS && w.bytes().all(|b| b.is_ascii_digit())
}

/// Digits a phone's tail is searched by (`尾号0524`): the index holds each phone's last four.
pub const TAIL_DIGITS: usize = 4;

/// What `尾号` is followed by, when that is all digits: `尾号0524`, `尾号 0524`.
fn tail_digits(query: &str) -> Option<&str> {
    let digits = query.trim().strip_prefix("尾号")?.trim();
    digits.bytes().all(|b| b.is_ascii_digit()).then_some(digits)
}

/// The phone tail asked for (`尾号` and 4 to 11 digits), found by the index of each phone's
/// last four digits (migration 0043) rather than the text index, whose words are prefixes.
fn phone_tail(query: &str) -> Option<&str> {
    tail_digits(query).filter(|d| (TAIL_DIGITS..=11).contains(&d.len()))
}

/// Whether what was typed is only numbers still too short to search: the
/// desk says how many digits it needs instead of showing nothing.
pub fn needs_more_digits(query: &str) -> bool {
    if item_number(query).is_some() {
        return false;
    }
    if let Some(d) = tail_digits(query) {
        return d.len() < TAIL_DIGITS;
    }
    let runs = runs(query);
    !runs.is_empty()
        && runs
            .iter()
            .all(|r| matches!(r, Run::Word(w) if short_number(w)))
}

/// The FTS5 MATCH expression for what the user typed, or None when it has
/// nothing to search for. Every part must match (AND); quotes keep FTS5
/// syntax out of user text. Numbers shorter than [`MIN_DIGITS`] are left
/// out until more is typed.
pub fn match_expression(query: &str) -> Option<String> {
    let mut parts = Vec::new();
    for run in runs(query) {
        match run {
            Run::Word(w) if short_number(&w) => {}
            Run::Cjk(chars) if chars.len() == 1 => parts.push(format!("\"{}\" *", chars[0])),
            Run::Cjk(chars) => {
                let bigrams: Vec<String> = chars.windows(2).map(|p| p.iter().collect()).collect();
                parts.push(format!("\"{}\"", bigrams.join(" ")));
            }
            // Words are prefixes: a phone number or name typed so far.
            Run::Word(w) => parts.push(format!("\"{w}\" *")),
        }
    }
    (!parts.is_empty()).then(|| parts.join(" AND "))
}

/// What of a case is searchable: names, phones, summary, request, target
/// and location. These are fixed at intake, so a case is indexed once and
/// never re-indexed (deletes leave tombstones that slow FTS5 down); case
/// numbers are found through their own unique index instead.
pub fn case_text(case: &Case) -> String {
    let i = &case.intake;
    let mut text = String::new();
    let mut add = |s: &str| {
        text.push_str(s);
        text.push('\n');
    };
    for p in &i.petitioners {
        add(&p.name);
        if let Some(phone) = &p.phone {
            add(phone);
        }
    }
    for s in [&i.target, &i.target_person, &i.location]
        .into_iter()
        .flatten()
    {
        add(s);
    }
    add(&i.summary);
    add(&i.request);
    // 原编号: an imported case is found by its old register's number too.
    if let Some(no) = i.origin.as_ref().and_then(|o| o.old_no.as_deref()) {
        add(no);
    }
    text
}

/// Indexes a new case's text.
pub(super) fn index_case_tokens(conn: &Connection, id: i64, tokens: &str) -> Result<()> {
    let mut stmt = conn.prepare_cached("INSERT INTO case_search (rowid, body) VALUES (?1, ?2)")?;
    stmt.execute(params![id, tokens])?;
    Ok(())
}

/// While bulk loading, segments are not merged as they are written (FTS5's
/// automerge would merge the same data again and again); afterwards one
/// merge pass leaves the index as compact as incremental writing would.
pub(super) fn set_bulk_loading(conn: &Connection, on: bool) -> Result<()> {
    let automerge = if on { 0 } else { 4 };
    conn.execute(
        "INSERT INTO case_search (case_search, rank) VALUES ('automerge', ?1)",
        [automerge],
    )?;
    if !on {
        conn.execute(
            "INSERT INTO case_search (case_search) VALUES ('optimize')",
            [],
        )?;
    }
    Ok(())
}

/// `#2001`: the number the queue shows an item by before it has a case number (its id).
fn item_number(query: &str) -> Option<i64> {
    let q = query.trim();
    let digits = q.strip_prefix('#').or_else(|| q.strip_prefix('＃'))?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Whether the query is (the start of) a case number such as `2026-01`.
fn looks_like_case_no(query: &str) -> bool {
    let q = query.trim();
    q.len() >= 5 && q.as_bytes()[4] == b'-' && q.bytes().all(|b| b.is_ascii_digit() || b == b'-')
}

/// Ids of matching cases, newest first, at most `limit`, of those meeting `seen` (a
/// condition on `cases c`: what the reader may see, "1" for all).
pub(super) fn search_ids(
    conn: &Connection,
    query: &str,
    limit: usize,
    seen: &str,
) -> Result<Vec<i64>> {
    if let Some(id) = item_number(query) {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT c.id FROM cases c WHERE c.id = ?1 AND {seen}"
        ))?;
        let ids = stmt.query_map([id], |r| r.get(0))?;
        return Ok(ids.collect::<rusqlite::Result<_>>()?);
    }
    if looks_like_case_no(query) {
        // A prefix range on the unique case-number index.
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT c.id FROM cases c WHERE c.case_no >= ?1 AND c.case_no < ?1 || '~' AND {seen}
             ORDER BY c.case_no DESC LIMIT ?2"
        ))?;
        let ids = stmt.query_map(params![query.trim(), limit as i64], |r| r.get(0))?;
        let ids: Vec<i64> = ids.collect::<rusqlite::Result<_>>()?;
        // None of ours: an imported case's 原编号 (`2019-0042`) is in the text index.
        if !ids.is_empty() {
            return Ok(ids);
        }
    }
    if let Some(tail) = phone_tail(query) {
        let last4 = &tail[tail.len() - TAIL_DIGITS..];
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT DISTINCT p.case_id FROM petitioners p INDEXED BY petitioners_by_phone_tail
               JOIN cases c ON c.id = p.case_id
              WHERE substr(p.phone, -4) = ?1 AND p.phone IS NOT NULL
                AND substr(p.phone, -length(?2)) = ?2 AND {seen}
              ORDER BY p.case_id DESC LIMIT ?3"
        ))?;
        let ids = stmt.query_map(params![last4, tail, limit as i64], |r| r.get(0))?;
        return Ok(ids.collect::<rusqlite::Result<_>>()?);
    }
    let typed_phone = phone_typed(query);
    let query = typed_phone.as_deref().unwrap_or(query);
    let numbered = serial_matches(conn, query, seen)?;
    let Some(expr) = match_expression(query) else {
        return Ok(numbered);
    };
    let only_seen = if seen == "1" {
        String::new()
    } else {
        format!("AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_search.rowid AND {seen})")
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT rowid FROM case_search WHERE case_search MATCH ?1 {only_seen}
         ORDER BY rowid DESC LIMIT ?2"
    ))?;
    let ids = stmt.query_map(params![expr, limit as i64], |r| r.get(0))?;
    let found: Vec<i64> = ids.collect::<rusqlite::Result<_>>()?;
    // The case numbered so comes first, then the text's matches.
    let mut ids = numbered.clone();
    ids.extend(found.into_iter().filter(|id| !numbered.contains(id)));
    ids.truncate(limit);
    Ok(ids)
}

/// A phone typed with spaces or dashes (`139 5711 2345`), as the intake form takes it: the
/// number as stored, so that it is searched as one. None for anything else.
fn phone_typed(query: &str) -> Option<String> {
    let q = query.trim();
    let separated = q.contains(|c: char| c.is_whitespace() || c == '-');
    let phone_like = q
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_whitespace() || "-()+".contains(c));
    // Ten digits and more: a mobile, or a landline with its area code; shorter runs with a
    // dash are case numbers and old register numbers (`2025-002`).
    let digits = q.bytes().filter(u8::is_ascii_digit).count();
    if !separated || !phone_like || digits < 10 {
        return None;
    }
    crate::domain::phone::check_phone(q)
        .ok()
        .map(|p| p.normalized)
}

/// The cases whose number ends in the serial typed alone (`1380` is 2026-1380, and
/// 2025-1380 after it), newest year first: a clerk reads a case's number off a paper slip.
fn serial_matches(conn: &Connection, query: &str, seen: &str) -> Result<Vec<i64>> {
    let q = query.trim();
    if !(MIN_DIGITS..=5).contains(&q.len()) || !q.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(Vec::new());
    }
    let Ok(serial) = q.parse::<i64>() else {
        return Ok(Vec::new());
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT c.id FROM case_counters y
           JOIN cases c ON c.case_no = y.year || '-' || printf('%04d', ?1)
          WHERE y.last >= ?1 AND {seen}
          ORDER BY y.year DESC"
    ))?;
    let ids = stmt.query_map([serial], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
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
             CREATE TABLE cases (id INTEGER PRIMARY KEY, case_no TEXT UNIQUE);",
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
        let store =
            Store::open(&path, Office::builtin(), &crate::store::test_ledger::key()).unwrap();
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
}
