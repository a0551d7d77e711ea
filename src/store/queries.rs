//! Read side: one case, pages of the queue, counts, search and repeats.
//! Lists page by key and never load the ledger.

use chrono::{Duration, NaiveDate};
use rusqlite::types::Value as SqlValue;

/// Where a page of the queue ends, in the order it is sorted by: the desk hands it back
/// for the next page and never looks inside.
pub type SortKey = SqlValue;
use rusqlite::{OptionalExtension, params_from_iter};
use serde::Serialize;

use super::cases::{self, CaseRef};
use super::{JournalEntry, Result, Store, StoreError, journal, search};
use crate::domain::case::Case;
use crate::domain::deadline::ClockView;
use crate::domain::due::case_clocks;
use crate::domain::identity::other_form;
use crate::domain::repeat::PetitionerKey;
use crate::domain::types::{Channel, State};

/// A case with what the desk shows beside it.
#[derive(Debug, Clone, Serialize)]
pub struct CaseRow {
    #[serde(flatten)]
    pub case: Case,
    pub version: i64,
    pub clocks: Vec<ClockView>,
}

/// The order of the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Newest received first.
    #[default]
    Newest,
    Oldest,
    /// Soonest due first; only cases with a clock running.
    Due,
}

/// Whose cases "mine" are: received, handled, or owned as leader (包案).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Owner {
    Receiver,
    Handler,
    Leader,
}

impl Owner {
    pub(super) fn column(self) -> &'static str {
        match self {
            Owner::Receiver => "receiver",
            Owner::Handler => "handler",
            Owner::Leader => "owner_leader",
        }
    }
}

/// Which slice of the queue to list, and where the previous page ended.
#[derive(Debug, Clone, Default)]
pub struct ListFilter {
    pub state: Option<State>,
    pub channel: Option<Channel>,
    pub mine: Option<(Owner, String)>,
    pub sort: Sort,
    /// Only cases with a running clock past its due date, longest first.
    pub overdue: bool,
    /// Only cases with a running clock due within this many days.
    pub due_within: Option<u32>,
    /// Cursor: the last row of the previous page (its sort key and id).
    pub after: Option<(SqlValue, i64)>,
    pub limit: usize,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct StateCounts {
    /// The open states (archived: `count_state`).
    pub by_state: Vec<(State, i64)>,
    pub open: i64,
    pub overdue: i64,
    /// Running clocks due from today to the policy's "due soon" horizon
    /// (filled by `count_due`).
    pub due_soon: i64,
    pub received_today: i64,
}

impl Store {
    fn rules_for_read(&self) -> crate::domain::rules::Rules<'_> {
        self.office.rules(&[], &[])
    }

    fn row(&self, case: Case, version: i64, today: NaiveDate) -> CaseRow {
        let clocks = case_clocks(&case, &self.rules_for_read(), today);
        CaseRow {
            case,
            version,
            clocks,
        }
    }

    /// The case `r` names; a number none of ours has names the one imported case whose
    /// 原编号 it is (a petitioner brings the old register's receipt).
    pub fn case(&self, r: &CaseRef, today: NaiveDate) -> Result<CaseRow> {
        let (case, version) = match (cases::load(&self.conn, r), r) {
            (Err(StoreError::CaseNotFound(_)), CaseRef::No(no)) => self
                .by_old_number(no)?
                .ok_or_else(|| StoreError::CaseNotFound(no.clone()))?,
            (loaded, _) => loaded?,
        };
        let case = self.as_seen(case, &r.to_string())?;
        Ok(self.row(case, version, today))
    }

    /// The one imported case whose 原编号 is `no` among those the reader may see, found
    /// through the text index (which holds it as a phrase of its words) and read back to
    /// match it whole; None when none or several have it.
    fn by_old_number(&self, no: &str) -> Result<Option<(Case, i64)>> {
        let no = no.trim();
        let mut found = Vec::new();
        for id in search::phrase_ids(&self.conn, no, &self.seen_where("c."))? {
            let (case, version) = cases::load(&self.conn, &CaseRef::Id(id))?;
            let old = case
                .intake
                .origin
                .as_ref()
                .and_then(|o| o.old_no.as_deref());
            if old == Some(no) {
                found.push((case, version));
            }
        }
        Ok(if found.len() == 1 { found.pop() } else { None })
    }

    pub fn events(&self, case_id: i64) -> Result<Vec<JournalEntry>> {
        self.seen_events(case_id, journal::for_case(&self.conn, case_id)?)
    }

    /// The policy's `due` object for a case row.
    pub fn due_of(&self, row: &CaseRow) -> std::collections::BTreeMap<String, Option<NaiveDate>> {
        self.due_map(&row.case, &row.clocks)
    }

    /// One page of the queue. The sort key of the last row is the cursor
    /// for the next page (`ListFilter::after`).
    pub fn list(&self, f: &ListFilter, today: NaiveDate) -> Result<Vec<(CaseRow, SqlValue)>> {
        let mut conds = Vec::new();
        let mut args: Vec<SqlValue> = Vec::new();
        let (key, desc) = match f.sort {
            _ if f.overdue || f.due_within.is_some() => ("next_due", false),
            Sort::Due => ("next_due", false),
            Sort::Oldest => ("received_at", false),
            Sort::Newest => ("received_at", true),
        };
        if key == "next_due" {
            conds.push("next_due IS NOT NULL".to_owned());
        }
        if let Some(s) = f.state {
            conds.push("state = ?".to_owned());
            args.push(SqlValue::Text(s.code().to_owned()));
        }
        if let Some(c) = f.channel {
            conds.push("channel = ?".to_owned());
            args.push(SqlValue::Text(c.code().to_owned()));
        }
        if self.viewer().is_some() {
            conds.push(self.seen_where(""));
        }
        if let Some((owner, name)) = &f.mine {
            conds.push(format!("{} = ?", owner.column()));
            args.push(SqlValue::Text(name.clone()));
        }
        if f.overdue {
            conds.push("next_due < ?".to_owned());
            args.push(SqlValue::Text(today.to_string()));
        }
        if let Some(days) = f.due_within {
            conds.push("next_due >= ? AND next_due <= ?".to_owned());
            args.push(SqlValue::Text(today.to_string()));
            args.push(SqlValue::Text(
                (today + Duration::days(days.into())).to_string(),
            ));
        }
        if let Some((k, id)) = &f.after {
            conds.push(format!(
                "({key}, id) {} (?, ?)",
                if desc { "<" } else { ">" }
            ));
            args.push(k.clone());
            args.push(SqlValue::Integer(*id));
        }
        let dir = if desc { "DESC" } else { "ASC" };
        let sql = format!(
            "SELECT doc, version, {key} FROM cases {} ORDER BY {key} {dir}, id {dir} LIMIT {}",
            if conds.is_empty() {
                String::new()
            } else {
                format!("WHERE {}", conds.join(" AND "))
            },
            f.limit.max(1)
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, SqlValue>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (doc, version, k) = row?;
            if let Some(case) = self.listed(serde_json::from_str(&doc)?) {
                out.push((self.row(case, version, today), k));
            }
        }
        Ok(out)
    }

    /// Cases in `state`.
    pub fn count_state(&self, state: State) -> Result<i64> {
        Ok(self.conn.query_row(
            &format!(
                "SELECT count(*) FROM cases WHERE state = ?1 AND {}",
                self.seen_where("")
            ),
            [state.code()],
            |r| r.get(0),
        )?)
    }

    /// Cases with a running clock due between `from` and `to`, inclusive, that the reader
    /// may see (from the tallies by next due day where the reader's sight allows).
    pub fn count_due(&self, from: NaiveDate, to: NaiveDate) -> Result<i64> {
        self.count_due_within(&from.to_string(), &to.to_string())
    }

    /// Queue counts, answered from indexes.
    pub fn counts(&self, today: NaiveDate) -> Result<StateCounts> {
        let mut counts = StateCounts::default();
        // Open states only: the archive is most of a ledger, and reading its
        // part of the index made this the one cost growing with the ledger
        // (6-10 ms at 100,000 cases; `count_state` counts it on demand).
        // Kept between calls: see counts.rs.
        for (s, n) in self.open_by_state()? {
            counts.by_state.push((s, n));
            counts.open += n;
        }
        counts.overdue = self.count_overdue(&today.to_string())?;
        let offset = self.office.policy.utc_offset;
        let start = today
            .and_hms_opt(0, 0, 0)
            .and_then(|t| t.and_local_timezone(offset).single())
            .map_or(0, |t| t.timestamp());
        counts.received_today = self.conn.query_row(
            &format!(
                "SELECT count(*) FROM cases WHERE received_at >= ?1 AND received_at < ?2 AND {}",
                self.seen_where("")
            ),
            [start, start + 86_400],
            |r| r.get(0),
        )?;
        Ok(counts)
    }

    /// Cases whose names, phones, summary, request, target or number
    /// contain `query`, newest first.
    pub fn search(&self, query: &str, limit: usize, today: NaiveDate) -> Result<Vec<CaseRow>> {
        let ids = search::search_ids(&self.conn, query, limit, &self.seen_where("c."))?;
        self.rows_by_id(&ids, today)
    }

    /// Earlier cases of the same person (ID number, phone, or name and
    /// address), newest first.
    pub fn earlier_cases(
        &self,
        key: &PetitionerKey,
        limit: usize,
        today: NaiveDate,
    ) -> Result<Vec<CaseRow>> {
        if key.is_empty() {
            return Ok(Vec::new());
        }
        let (name, address) = key.name_address.clone().unzip();
        // Only the cases the reader may see take the places (Art 30 第三款).
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT id FROM cases WHERE id IN (
               SELECT case_id FROM petitioners WHERE id_number = ?1
               UNION SELECT case_id FROM petitioners WHERE id_number = ?6
               UNION SELECT case_id FROM petitioners WHERE phone = ?2
               UNION SELECT case_id FROM petitioners WHERE name = ?3 AND address = ?4)
             AND {} ORDER BY id DESC LIMIT ?5",
            self.seen_where("")
        ))?;
        // The old 15-digit card and the new 18 are one person's.
        let other = key.id_number.as_deref().and_then(other_form);
        let ids = stmt
            .query_map(
                rusqlite::params![key.id_number, key.phone, name, address, limit as i64, other],
                |r| r.get(0),
            )?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        self.rows_by_id(&ids, today)
    }

    /// Cases naming a petitioner of this name, newest first: a weak hint
    /// for the repeat panel while nothing else is typed.
    pub fn cases_by_name(
        &self,
        name: &str,
        limit: usize,
        today: NaiveDate,
    ) -> Result<Vec<CaseRow>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT id FROM cases WHERE id IN (SELECT case_id FROM petitioners WHERE name = ?1)
             AND {} ORDER BY id DESC LIMIT ?2",
            self.seen_where("")
        ))?;
        let ids = stmt
            .query_map(rusqlite::params![name.trim(), limit as i64], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        self.rows_by_id(&ids, today)
    }

    pub(super) fn rows_by_id(&self, ids: &[i64], today: NaiveDate) -> Result<Vec<CaseRow>> {
        // The version first (before the document in the row): a row made for this version
        // today is reused (`row_cache.rs`).
        let mut version_of =
            (self.conn).prepare_cached("SELECT version FROM cases WHERE id = ?1")?;
        let mut stmt =
            (self.conn).prepare_cached("SELECT doc, version FROM cases WHERE id = ?1")?;
        let mut out = Vec::with_capacity(ids.len());
        for &id in ids {
            let version: Option<i64> = version_of.query_row([id], |r| r.get(0)).optional()?;
            if let Some(row) = version.and_then(|v| self.rows.get(id, v, today)) {
                out.push(row);
                continue;
            }
            let row = stmt
                .query_row([id], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
                .optional()?;
            if let Some((doc, version)) = row
                && let Some(case) = self.listed(serde_json::from_str(&doc)?)
            {
                let row = self.row(case, version, today);
                self.rows.put(&row, today);
                out.push(row);
            }
        }
        Ok(out)
    }

    /// Whether the ledger has no case yet.
    pub fn has_no_cases(&self) -> Result<bool> {
        let any: bool = self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM cases)", [], |r| r.get(0))?;
        Ok(!any)
    }

    /// Every case id the reader may see, oldest first, for export.
    pub fn all_ids(&self) -> Result<Vec<i64>> {
        let sql = format!(
            "SELECT id FROM cases WHERE {} ORDER BY id",
            self.seen_where("")
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let ids = stmt.query_map([], |r| r.get(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }
}
