//! Walking a hash chain in order (the case journal's and the office journal's alike):
//! where it stands, and the first link that does not hold.

use rusqlite::{Connection, OptionalExtension};

use super::Result;

/// The hash before the first row of a chain.
pub(super) const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The number and hash the next row must carry.
pub(super) struct Walk {
    pub expected: i64,
    prev: String,
}

impl Walk {
    /// Starting at row `from` of `table`: the row before it (counted, not read) or the
    /// chain's beginning.
    pub(super) fn from(conn: &Connection, table: &str, from: i64) -> Result<Walk> {
        let before: Option<(i64, String)> = conn
            .prepare(&format!(
                "SELECT seq, hash FROM {table} WHERE seq < ?1 ORDER BY seq DESC LIMIT 1"
            ))?
            .query_row([from], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(match before {
            Some((seq, hash)) => Walk {
                expected: seq + 1,
                prev: hash,
            },
            None => Walk {
                expected: 1,
                prev: GENESIS.to_owned(),
            },
        })
    }

    /// What is wrong with the next row (`what` names it: "event", "office event"), if
    /// anything; the walk goes on past it either way.
    pub(super) fn step(
        &mut self,
        what: &str,
        seq: i64,
        prev_hash: &str,
        hash: &str,
        digest: &str,
    ) -> Option<String> {
        let problem = if seq != self.expected {
            Some(format!("{what} {} is missing", self.expected))
        } else if prev_hash != self.prev {
            Some(format!("its link to the previous {what} is broken"))
        } else if digest != hash {
            Some("its content does not match its hash".to_owned())
        } else {
            None
        };
        hash.clone_into(&mut self.prev);
        self.expected = seq + 1;
        problem
    }
}

/// The links of a chain gathered in any order (the replay reads the journal case by case):
/// each row adds a mark of its own number and hash, and a mark of the number and hash it
/// names as the one before. In a whole chain every row's mark is named once by the next
/// row (the genesis and the last row's aside), so the two sums agree; a row missing,
/// altered or linked wrongly leaves them apart (but for a chance of 2⁻⁶⁴). Where they
/// differ, the walk in order (`Walk`) names the first row that does not hold.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Links {
    rows: i64,
    own: u64,
    named: u64,
    /// The newest row: its number and hash.
    last: (i64, String),
    /// A row whose content does not give its hash.
    altered: bool,
}

impl Links {
    /// One row: its number, the hash it names as the one before, its own hash, and
    /// whether its content gives that hash.
    pub fn add(&mut self, seq: i64, prev_hash: &str, hash: &str, whole: bool) {
        self.rows += 1;
        self.own = self.own.wrapping_add(mark(seq, hash));
        self.named = self.named.wrapping_add(mark(seq - 1, prev_hash));
        if seq > self.last.0 {
            self.last = (seq, hash.to_owned());
        }
        self.altered |= !whole;
    }

    /// Another part's rows.
    pub fn absorb(&mut self, other: Links) {
        self.rows += other.rows;
        self.own = self.own.wrapping_add(other.own);
        self.named = self.named.wrapping_add(other.named);
        if other.last.0 > self.last.0 {
            self.last = other.last;
        }
        self.altered |= other.altered;
    }

    /// How many rows, when they make one whole chain from the genesis; None otherwise.
    pub fn whole(&self) -> Option<i64> {
        let (last, hash) = (&self.last.0, self.last.1.as_str());
        let hash = if *last == 0 { GENESIS } else { hash };
        let own = self.own.wrapping_add(mark(0, GENESIS));
        let named = self.named.wrapping_add(mark(*last, hash));
        (!self.altered && self.rows == *last && own == named).then_some(self.rows)
    }
}

/// A row's number and hash as one well-mixed number (FNV-1a, then SplitMix64's finaliser).
fn mark(seq: i64, hash: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in seq.to_le_bytes().iter().chain(hash.as_bytes()) {
        h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
    }
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A chain of `n` rows, row i's hash "h{i}".
    fn chain(n: i64) -> Vec<(i64, String, String)> {
        (1..=n)
            .map(|i| {
                let prev = if i == 1 {
                    GENESIS.to_owned()
                } else {
                    format!("h{}", i - 1)
                };
                (i, prev, format!("h{i}"))
            })
            .collect()
    }

    fn links(rows: &[(i64, String, String)]) -> Links {
        let mut l = Links::default();
        for (seq, prev, hash) in rows.iter().rev() {
            l.add(*seq, prev, hash, true);
        }
        l
    }

    #[test]
    fn a_whole_chain_in_any_order_holds_and_any_break_does_not() {
        assert_eq!(links(&[]).whole(), Some(0));
        let rows = chain(50);
        assert_eq!(links(&rows).whole(), Some(50));
        let (a, b) = rows.split_at(17);
        let mut parts = links(b);
        parts.absorb(links(a));
        assert_eq!(parts.whole(), Some(50), "parts in any order");
        for i in 0..50 {
            // The newest row gone leaves a shorter whole chain: the receipt and the case's
            // version (its count of events) find that.
            if i < 49 {
                let mut gone = rows.clone();
                gone.remove(i);
                assert_eq!(links(&gone).whole(), None, "row {} missing", i + 1);
            }
            let mut relinked = rows.clone();
            relinked[i].1 = "x".to_owned();
            assert_eq!(links(&relinked).whole(), None, "row {} linked wrong", i + 1);
            // The newest row's hash is named by no row: its content (`whole`) and the
            // receipt guard it.
            if i < 49 {
                let mut rehashed = rows.clone();
                rehashed[i].2 = "x".to_owned();
                assert_eq!(links(&rehashed).whole(), None, "row {} hash changed", i + 1);
            }
        }
        let mut altered = links(&rows);
        altered.add(51, "h50", "h51", false);
        assert_eq!(
            altered.whole(),
            None,
            "a row whose content does not give its hash"
        );
    }
}
