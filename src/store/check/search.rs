//! The search index (FTS5, contentless: it keeps no text to read back) against the cases'
//! texts. Per case, its row count of words (`case_search_docsize`, FTS5's own shadow
//! table); over the whole index, a sum of every word's hash weighted by how many cases and
//! how many times it was indexed, as the journal's cases make it and as the index's
//! vocabulary (`fts5vocab`) lists it. A word changed, added or taken away changes a sum.

use std::collections::HashSet;

use rusqlite::Connection;

use crate::store::findings::{CheckReport, Table};

/// The sums of the words indexed so far.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Words {
    /// Σ hash(word) over each case's distinct words.
    docs: u64,
    /// Σ hash(word) over every word indexed.
    count: u64,
}

/// FNV-1a: stable across runs and builds, which the sums need.
fn hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl Words {
    /// Takes in another part's sums (the sums are of hashes: order does not matter).
    pub fn absorb(&mut self, other: Words) {
        self.docs = self.docs.wrapping_add(other.docs);
        self.count = self.count.wrapping_add(other.count);
    }

    /// Adds one case's tokens (`search::index_tokens`); returns how many words they are.
    pub fn add(&mut self, tokens: &str) -> i64 {
        let mut distinct = HashSet::new();
        let mut n = 0;
        for word in tokens.split(' ').filter(|w| !w.is_empty()) {
            n += 1;
            let h = hash(word);
            self.count = self.count.wrapping_add(h);
            if distinct.insert(word) {
                self.docs = self.docs.wrapping_add(h);
            }
        }
        n
    }
}

/// The word count of a `case_search_docsize` row: its first varint (one column), as SQLite
/// writes varints (big-endian groups of seven bits, the ninth byte whole).
pub(super) fn docsize_tokens(sz: &[u8]) -> Option<i64> {
    let mut v: u64 = 0;
    for (i, b) in sz.iter().enumerate() {
        if i == 8 {
            return i64::try_from((v << 8) | u64::from(*b)).ok();
        }
        v = (v << 7) | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            return i64::try_from(v).ok();
        }
    }
    None
}

/// The index's vocabulary summed as [`Words`] sums the cases' texts.
/// The index's vocabulary as sums, or why it could not be read (a finding, not an end to
/// the check): read by a job of its own (`jobs.rs`), compared once the pass is done.
pub(super) fn read_vocabulary(conn: &Connection) -> std::result::Result<Words, String> {
    vocabulary(conn).map_err(|e| e.to_string())
}

pub(super) fn compare_vocabulary(
    want: &Words,
    found: std::result::Result<Words, String>,
    report: &mut CheckReport,
) {
    let found = match found {
        Ok(found) => found,
        Err(e) => {
            report.differ(Table::CaseSearch, "(index)", "words", "a readable index", e);
            return;
        }
    };
    if found.docs != want.docs {
        report.differ(
            Table::CaseSearch,
            "(index)",
            "doc",
            format!("{:016x}", want.docs),
            format!("{:016x}", found.docs),
        );
    }
    if found.count != want.count {
        report.differ(
            Table::CaseSearch,
            "(index)",
            "cnt",
            format!("{:016x}", want.count),
            format!("{:016x}", found.count),
        );
    }
}

fn vocabulary(conn: &Connection) -> rusqlite::Result<Words> {
    // A temporary table of the connection only: the ledger itself is not written.
    conn.execute_batch(
        "DROP TABLE IF EXISTS temp.check_vocabulary;
         CREATE VIRTUAL TABLE temp.check_vocabulary USING fts5vocab(main, case_search, row);",
    )?;
    let mut words = Words::default();
    {
        let mut stmt = conn.prepare("SELECT term, doc, cnt FROM temp.check_vocabulary")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let h = hash(r.get_ref(0)?.as_str()?);
            words.docs = words
                .docs
                .wrapping_add(h.wrapping_mul(r.get::<_, i64>(1)? as u64));
            words.count = words
                .count
                .wrapping_add(h.wrapping_mul(r.get::<_, i64>(2)? as u64));
        }
    }
    conn.execute_batch("DROP TABLE temp.check_vocabulary")?;
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_read_as_sqlite_writes_them() {
        assert_eq!(docsize_tokens(&[0x05]), Some(5));
        assert_eq!(docsize_tokens(&[0x81, 0x00]), Some(128));
        assert_eq!(docsize_tokens(&[0x82, 0x2c, 0x00]), Some(300));
        assert_eq!(docsize_tokens(&[]), None);
    }
}
