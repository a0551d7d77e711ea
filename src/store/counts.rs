//! The open cases by state, for the queue's header: counted once, then
//! kept up to date by this connection's own writes and recounted only when
//! another connection has committed (`PRAGMA data_version`). At a million
//! cases the count walked about 140,000 index entries (23 ms; over a thousand
//! pages from a cold disk at the desk's start), and the desk asked for it on
//! every return to the queue and after every save: it is now a sum of the
//! tallies kept as cases are written (migration 0029), less what the reader
//! may not see, read from the confidential cases' indexes and the hidden list.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use rusqlite::params_from_iter;

use super::cases::{self, CaseRef};
use super::hidden::{self, MOST};
use super::sight::reach;
use super::{Result, Store};
use crate::domain::case::Case;
use crate::domain::types::{Role, State};

const OPEN: &str = "('intake', 'registered', 'assigned', 'replied')";

/// How the reader's sight is taken off the tallies: their reach (None: every case) and the
/// ids hidden from them (2022 Art 30 第三款).
struct TallySight {
    reach: Option<String>,
    hidden: Rc<Vec<i64>>,
}

/// What of a condition the reader may not see, as queries with `GROUP BY` fitting `select`.
struct Unseen {
    /// Others' confidential cases out of the reader's reach: reads confidential cases only,
    /// so it stands while `confidential_changes` does (migration 0038).
    confidential: Option<String>,
    /// The hidden cases the reach would show (a short list of ids).
    hidden: Option<String>,
}

impl TallySight {
    /// What of `cond` (on `cases`) the reader may not see: others' confidential cases out of
    /// their reach (read from the confidential cases' covering indexes), and the hidden cases
    /// their reach would show. The reach is taken as not met where it is NULL, as a WHERE
    /// takes it.
    fn unseen(&self, select: &str, cond: &str, group: &str) -> Unseen {
        let confidential = self.reach.as_ref().map(|reach| {
            format!(
                "SELECT {select} FROM cases WHERE confidential = 1 AND {cond}
                 AND NOT coalesce({reach}, 0) {group}"
            )
        });
        let hidden = (!self.hidden.is_empty()).then(|| {
            let list: Vec<String> = self.hidden.iter().map(i64::to_string).collect();
            let reach = self.reach.as_deref().unwrap_or("1");
            format!(
                "SELECT {select} FROM cases WHERE id IN ({}) AND {cond} AND coalesce({reach}, 0) {group}",
                list.join(",")
            )
        });
        Unseen {
            confidential,
            hidden,
        }
    }
}

/// Open states and their counts.
type ByState = Vec<(State, i64)>;

/// The counts as last known, and the `data_version` they were read at; and the unseen
/// confidential cases of a due-day condition, by its query and arguments, with the
/// `confidential_changes` they were counted at.
#[derive(Debug, Default)]
pub(super) struct OpenCounts {
    by_state: RefCell<Option<(i64, ByState)>>,
    unseen: RefCell<UnseenKept>,
}

type UnseenKept = HashMap<(String, Vec<String>), (i64, i64)>;

/// Conditions kept at most (a day's overdue and due-soon, and the next day's): past it the
/// whole is forgotten.
const KEPT_MOST: usize = 16;

impl Store {
    /// The open states with their counts, in the order of their codes,
    /// states with no case left out (as `GROUP BY state` gives them).
    pub(super) fn open_by_state(&self) -> Result<ByState> {
        let version: i64 = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?;
        if let Some((v, counts)) = &*self.open_counts.by_state.borrow()
            && *v == version
        {
            return Ok(counts.clone());
        }
        let counts = match self.tally_sight()? {
            Some(sight) => self.tallied_by_state(&sight)?,
            None => self.counted_by_state()?,
        };
        *self.open_counts.by_state.borrow_mut() = Some((version, counts.clone()));
        Ok(counts)
    }

    /// How the reader's sight is taken off the tallies; None when it is a condition on each
    /// row instead (a handler's own cases, a hidden list too long or not to be had), and
    /// the cases are counted from their indexes.
    fn tally_sight(&self) -> Result<Option<TallySight>> {
        let Some(who) = self.viewer.as_ref().map(|v| &v.operator) else {
            return Ok(Some(TallySight {
                reach: None,
                hidden: Rc::default(),
            }));
        };
        if who.role == Role::Handler {
            return Ok(None);
        }
        let hidden = match hidden::hidden(&self.conn, &self.hidden, who) {
            Ok(ids) if ids.len() <= MOST => ids,
            _ => return Ok(None),
        };
        let reach = Some(reach(who, "")).filter(|r| r != "1");
        Ok(Some(TallySight { reach, hidden }))
    }

    fn tallied_by_state(&self, sight: &TallySight) -> Result<ByState> {
        let mut by: Vec<(String, i64)> = Vec::new();
        let mut add = |sql: &str, sign: i64| -> Result<()> {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
            for row in rows {
                let (state, n) = row?;
                match by.iter_mut().find(|(s, _)| *s == state) {
                    Some(slot) => slot.1 += sign * n,
                    None => by.push((state, sign * n)),
                }
            }
            Ok(())
        };
        add(
            &format!("SELECT state, sum(n) FROM case_tallies WHERE state IN {OPEN} GROUP BY state"),
            1,
        )?;
        let cond = format!("state IN {OPEN}");
        let unseen = sight.unseen("state, count(*)", &cond, "GROUP BY state");
        for sql in unseen.confidential.iter().chain(&unseen.hidden) {
            add(sql, -1)?;
        }
        let mut counts: ByState = by
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .filter_map(|(s, n)| State::from_code(&s).map(|s| (s, n)))
            .collect();
        counts.sort_by_key(|(s, _)| s.code());
        Ok(counts)
    }

    /// The open cases by state the reader may see, counted from the state index.
    pub(super) fn counted_by_state(&self) -> Result<ByState> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT state, count(*) FROM cases WHERE state IN {OPEN} AND {} GROUP BY state",
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
        Ok(counts)
    }

    /// The cases overdue on `today` (a clock due before it) that the reader may see: the
    /// tallies' days before it, less the unseen, as [`Store::open_by_state`] counts.
    pub(super) fn count_overdue(&self, today: &str) -> Result<i64> {
        self.count_by_due("{} < ?1", &[today])
    }

    /// The cases whose nearest clock falls due from `from` to `to` (inclusive days) that
    /// the reader may see, as [`Store::count_overdue`] counts.
    pub(super) fn count_due_within(&self, from: &str, to: &str) -> Result<i64> {
        self.count_by_due("{} >= ?1 AND {} <= ?2", &[from, to])
    }

    /// The cases whose next due day meets `cond` (`{}` for the column), from the tallies
    /// less the unseen, or counted where the reader's sight has no tally.
    fn count_by_due(&self, cond: &str, args: &[&str]) -> Result<i64> {
        let on = |column: &str| cond.replace("{}", column);
        let Some(sight) = self.tally_sight()? else {
            return Ok(self.conn.query_row(
                &format!(
                    "SELECT count(*) FROM cases WHERE {} AND {}",
                    on("next_due"),
                    self.seen_where("")
                ),
                params_from_iter(args),
                |r| r.get(0),
            )?);
        };
        let mut n: i64 = self.conn.query_row(
            &format!(
                "SELECT coalesce(sum(n), 0) FROM case_tallies WHERE due <> '' AND {}",
                on("due")
            ),
            params_from_iter(args),
            |r| r.get(0),
        )?;
        let unseen = sight.unseen("count(*)", &on("next_due"), "");
        if let Some(sql) = unseen.confidential {
            n -= self.unseen_confidential(sql, args)?;
        }
        if let Some(sql) = unseen.hidden {
            let hidden: i64 = self
                .conn
                .query_row(&sql, params_from_iter(args), |r| r.get(0))?;
            n -= hidden;
        }
        Ok(n)
    }

    /// The count `sql` makes of confidential cases, kept until any connection writes a
    /// confidential case: a save of an ordinary case does not count them again.
    fn unseen_confidential(&self, sql: String, args: &[&str]) -> Result<i64> {
        let changes: i64 =
            self.conn
                .query_row("SELECT n FROM confidential_changes WHERE id = 1", [], |r| {
                    r.get(0)
                })?;
        let key = (sql, args.iter().map(|a| (*a).to_owned()).collect());
        if let Some(&(at, n)) = self.open_counts.unseen.borrow().get(&key)
            && at == changes
        {
            return Ok(n);
        }
        let n: i64 = self
            .conn
            .query_row(&key.0, params_from_iter(args), |r| r.get(0))?;
        let mut kept = self.open_counts.unseen.borrow_mut();
        if kept.len() >= KEPT_MOST {
            kept.clear();
        }
        kept.insert(key, (changes, n));
        Ok(n)
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
        let mut cache = self.open_counts.by_state.borrow_mut();
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
        *self.open_counts.by_state.borrow_mut() = None;
        self.open_counts.unseen.borrow_mut().clear();
    }
}
