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
