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
/// re-indexed only by a 更正 (`corrected.rs`; deletes leave tombstones that slow FTS5
/// down, and a correction is rare); case numbers are found through their own unique
/// index instead.
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
    let mut numbered = serial_matches(conn, query, seen)?;
    numbered.extend(id_prefix_matches(conn, query, limit, seen)?);
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

/// Ids of the cases whose indexed text holds `text` whole, as a phrase of its words (an
/// imported case's 原编号, `Store::case`), of those meeting `seen`; none for no words.
pub(super) fn phrase_ids(conn: &Connection, text: &str, seen: &str) -> Result<Vec<i64>> {
    let words = index_tokens(text);
    if words.trim().is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare(&format!(
        "SELECT rowid FROM case_search WHERE case_search MATCH ?1
            AND rowid IN (SELECT c.id FROM cases c WHERE {seen})"
    ))?;
    let phrase = format!("\"{}\"", words.trim());
    let ids = stmt.query_map([phrase], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

/// Digits of an ID number typed before its holder's cases are looked up by its start: the
/// 6-digit region and the 8-digit birth date (fewer would match a whole district, and each
/// key typed would walk all of them).
pub const ID_PREFIX_DIGITS: usize = 14;

/// The cases of petitioners whose ID number begins with `query` (14 to 17 characters of
/// one), newest first: the `petitioners_by_id_number` index read as a range (the planner
/// takes it for the range; the partial index is named by its `IS NOT NULL`).
fn id_prefix_matches(conn: &Connection, query: &str, limit: usize, seen: &str) -> Result<Vec<i64>> {
    let q = query.trim().to_ascii_uppercase();
    let digits = q.trim_end_matches('X');
    let shaped = (ID_PREFIX_DIGITS..=17).contains(&q.len())
        && digits.len() + 1 >= q.len()
        && digits.bytes().all(|b| b.is_ascii_digit());
    if !shaped {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT DISTINCT p.case_id FROM petitioners p
           JOIN cases c ON c.id = p.case_id
          WHERE p.id_number IS NOT NULL AND p.id_number >= ?1 AND p.id_number < ?1 || '~'
            AND {seen}
          ORDER BY p.case_id DESC LIMIT ?2"
    ))?;
    let ids = stmt.query_map(params![q, limit as i64], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
