//! The open cases by state, for the queue's header: counted once, then
//! kept up to date by this connection's own writes and recounted only when
//! another connection has committed (`PRAGMA data_version`). At a million
//! cases the count walks about 140,000 index entries (23 ms), and the desk
//! asked for it on every return to the queue and after every save.

use std::cell::RefCell;

use super::cases::{self, CaseRef};
use super::{Result, Store};
use crate::domain::case::Case;
use crate::domain::types::State;

/// Open states and their counts.
type ByState = Vec<(State, i64)>;

/// The counts as last known, and the `data_version` they were read at.
#[derive(Debug, Default)]
pub(super) struct OpenCounts(RefCell<Option<(i64, ByState)>>);

impl Store {
    /// The open states with their counts, in the order of their codes,
    /// states with no case left out (as `GROUP BY state` gives them).
    pub(super) fn open_by_state(&self) -> Result<ByState> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?;
        if let Some((v, counts)) = &*self.open_counts.0.borrow()
            && *v == version
        {
            return Ok(counts.clone());
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT state, count(*) FROM cases
             WHERE state IN ('intake', 'registered', 'assigned', 'replied') AND {} GROUP BY state",
            self.seen_where("")
        ))?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        let mut counts = Vec::new();
        for row in rows {
            let (state, n) = row?;
            if let Some(s) = State::from_code(&state) {
                counts.push((s, n));
            }
        }
        *self.open_counts.0.borrow_mut() = Some((version, counts.clone()));
        Ok(counts)
    }

    /// Whether the reader saw the case `r` names before a command of theirs: None when it
    /// cannot be told (the next counts ask again).
    pub(super) fn seen_before(&self, r: Option<&CaseRef>) -> Option<bool> {
        match (r, self.viewer()) {
            (Some(r), Some(_)) => cases::load(&self.conn, r)
                .ok()
                .map(|(case, _)| self.sight(&case).shows()),
            (None, _) | (_, None) => Some(true),
        }
    }

    /// A committed command of this connection moved a case from `was` (None: a new case)
    /// to `case`'s state. The counts are of what the reader may see (Art 30 第三款): a case
    /// seen before or after only (a handler's 回避, a hand-over elsewhere) counts on that
    /// side only.
    pub(super) fn counted_commit(
        &self,
        seen_before: Option<bool>,
        was: Option<State>,
        case: &Case,
    ) {
        let Some(before) = seen_before else {
            return self.forget_counts();
        };
        let now = Some(case.state).filter(|_| self.sight(case).shows());
        self.counted_move(was.filter(|_| before), now);
    }

    /// The kept counts, a case moved from `was` to `now` (None: not counted).
    fn counted_move(&self, was: Option<State>, now: Option<State>) {
        let mut cache = self.open_counts.0.borrow_mut();
        let Some((_, counts)) = cache.as_mut() else {
            return;
        };
        if was == now {
            return;
        }
        let mut add = |state: State, d: i64| {
            if state == State::Archived {
                return;
            }
            match counts.iter_mut().find(|(s, _)| *s == state) {
                Some(slot) => slot.1 += d,
                None => counts.push((state, d)),
            }
        };
        if let Some(was) = was {
            add(was, -1);
        }
        if let Some(now) = now {
            add(now, 1);
        }
        counts.retain(|(_, n)| *n > 0);
        counts.sort_by_key(|(s, _)| s.code());
    }

    /// Forget the counts (a batch wrote many cases): the next asks again.
    pub(super) fn forget_counts(&self) {
        *self.open_counts.0.borrow_mut() = None;
    }
}
