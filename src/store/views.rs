//! Typed queries for the desk: each answers everything one screen (or one
//! of its commands) needs in one call, so the desk's runtime stays a thin
//! table from command to query.

use chrono::NaiveDate;

use super::dashboard_memo::Made;
use super::{CaseRef, CaseRow, JournalEntry, ListFilter, Owner, Result, SortKey, StateCounts};
use super::{Dashboard, OfficeEvent, Sort, Store, StoreError, StoredRecord};
use crate::domain::backlog::{BacklogFile, BacklogGround};
use crate::domain::case::Case;
use crate::domain::documents::OfficeProfile;
use crate::domain::policy::ClockRule;
use crate::domain::reception::{ReceptionDay, ReceptionRecord};
use crate::domain::repeat::PetitionerKey;
use crate::domain::rules::Operator;
use crate::domain::types::{Channel, State};

/// Everything the case screen shows about one case.
#[derive(Debug, Clone)]
pub struct CaseView {
    pub row: CaseRow,
    pub events: Vec<JournalEntry>,
    /// The policy's rule of each of `row.clocks` (None: a rule no longer in the policy).
    pub rules: Vec<Option<ClockRule>>,
    /// The cases of `intake.links` and `review_of`.
    pub links: Vec<Case>,
    /// Other cases of the same petitioner, newest first.
    pub others: Vec<CaseRow>,
    /// Who saw the case, if it is confidential and a leader reads (2022 Art 30 第三款).
    pub views: Vec<OfficeEvent>,
    /// Why it is 积案 (none: no longer) and its file (包案领导, 专班, 会商, progress).
    pub backlog: Option<(Vec<BacklogGround>, BacklogFile)>,
}

/// Which slice of the queue a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slice {
    All,
    /// A running clock past its due date.
    Overdue,
    /// A running clock due within the policy's horizon (working days).
    DueSoon,
    State(State),
}

/// One page of the queue: the slice, across it the channel, "mine" and the
/// order, and where the page begins.
#[derive(Debug, Clone, PartialEq)]
pub struct PageQuery {
    pub slice: Slice,
    pub channel: Option<Channel>,
    pub mine: Option<(Owner, String)>,
    pub sort: Sort,
    pub after: Option<(SortKey, i64)>,
    pub limit: usize,
}

/// The office's people, departments and letterhead.
#[derive(Debug, Clone)]
pub struct DirectoryView {
    pub departments: Vec<String>,
    pub operators: Vec<Operator>,
    pub office: OfficeProfile,
}

impl Store {
    /// The queue's header: the counts by state, with "due soon" counted up to
    /// the policy's horizon in working days.
    pub fn desk_counts(&self, today: NaiveDate) -> Result<StateCounts> {
        let mut counts = self.counts(today)?;
        let office = self.office();
        let until = office
            .calendar
            .add_working_days(today, office.policy.due_soon_working_days);
        counts.due_soon = self.count_due(today, until)?;
        Ok(counts)
    }

    /// One page of the queue, `q.limit` rows and one more when another page
    /// follows, each with the key the next page starts after.
    pub fn queue_page(&self, q: &PageQuery, today: NaiveDate) -> Result<Vec<(CaseRow, SortKey)>> {
        let f = ListFilter {
            state: match q.slice {
                Slice::State(s) => Some(s),
                Slice::All | Slice::Overdue | Slice::DueSoon => None,
            },
            overdue: q.slice == Slice::Overdue,
            due_within: (q.slice == Slice::DueSoon).then(|| self.due_soon_days(today)),
            channel: q.channel,
            mine: q.mine.clone(),
            sort: q.sort,
            after: q.after.clone(),
            limit: q.limit,
        };
        self.list(&f, today)
    }

    /// The dashboard of `leader`, "due soon" as the policy counts it; the one last read
    /// while the ledger has not changed since (`dashboard_memo.rs`).
    pub fn leader_dashboard(
        &self,
        leader: &str,
        today: NaiveDate,
        limit: usize,
    ) -> Result<Dashboard> {
        let made = Made::now(&self.conn, leader, today, limit)?;
        if let Some(kept) = self.dashboards.get(&made) {
            return Ok(kept);
        }
        let dashboard = self.dashboard(leader, today, self.due_soon_days(today), limit)?;
        self.dashboards.put(made, &dashboard);
        Ok(dashboard)
    }

    /// Everything the case screen shows about case `id`.
    pub fn case_view(&self, id: i64, today: NaiveDate, others: usize) -> Result<CaseView> {
        let row = self.case(&CaseRef::Id(id), today)?;
        let events = self.events(id)?;
        let policy = &self.office().policy;
        let rules = row
            .clocks
            .iter()
            .map(|c| policy.clock(&c.key).cloned())
            .collect();
        let c = &row.case;
        let mut links = Vec::new();
        for link in c.intake.links.iter().chain(c.review_of.iter()) {
            match self.case(&CaseRef::Id(*link), today) {
                Ok(linked) => links.push(linked.case),
                // A linked case the reader may not see is not named either (Art 30 第三款),
                // to the reader it accuses no more than to anyone.
                Err(StoreError::CaseNotFound(_)) => {}
                Err(e) => return Err(e),
            }
        }
        let others = match c.intake.main_petitioner() {
            Some(p) => {
                let key = PetitionerKey::of(p, today);
                let mut rows = self.earlier_cases(&key, others + 1, today)?;
                rows.retain(|r| r.case.id != c.id);
                rows
            }
            None => Vec::new(),
        };
        let views = self.views_of(&row.case)?;
        let backlog = self.backlog_of(&row)?;
        Ok(CaseView {
            row,
            events,
            rules,
            links,
            others,
            views,
            backlog,
        })
    }

    /// The reception schedule from `today` to `days` ahead, and today's records.
    pub fn reception_view(
        &self,
        today: NaiveDate,
        days: i64,
    ) -> Result<(Vec<ReceptionDay>, Vec<StoredRecord>)> {
        let to = today + chrono::Duration::days(days);
        Ok((
            self.reception_days(today, to)?,
            self.reception_records(today)?,
        ))
    }

    /// Adds a reception record, joined to the case numbered `case` if one is given.
    pub fn add_reception_for(
        &mut self,
        rec: &ReceptionRecord,
        case: Option<&str>,
        by: &str,
        at: chrono::DateTime<chrono::FixedOffset>,
    ) -> Result<i64> {
        let mut rec = rec.clone();
        if let Some(c) = case {
            rec.case_id = Some(self.case(&CaseRef::parse(c), at.date_naive())?.case.id);
        }
        self.add_reception_record(&rec, by, at)
    }

    /// The office's people, departments and letterhead.
    pub fn directory(&self) -> Result<DirectoryView> {
        Ok(DirectoryView {
            departments: self.departments()?,
            operators: self.operators()?,
            office: self.office_profile()?,
        })
    }

    /// "Due soon" is counted in working days (policy); lists filter by
    /// date, so this is the number of calendar days it reaches from `today`.
    fn due_soon_days(&self, today: NaiveDate) -> u32 {
        let office = self.office();
        let last = office
            .calendar
            .add_working_days(today, office.policy.due_soon_working_days);
        u32::try_from((last - today).num_days()).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The case screen's one query gives what the separate queries give.
    #[test]
    fn case_view_agrees_with_the_single_queries() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::test_ledger::demo(&dir.path().join("l.db"), 120, 3, false);
        let today = crate::store::test_ledger::now().date_naive();
        for id in [1, 40, 120] {
            let v = store.case_view(id, today, 8).unwrap();
            assert_eq!(v.row.case.id, id);
            assert_eq!(v.events.len(), store.events(id).unwrap().len());
            assert_eq!(v.rules.len(), v.row.clocks.len());
            let linked =
                v.row.case.intake.links.len() + usize::from(v.row.case.review_of.is_some());
            assert_eq!(v.links.len(), linked);
            assert!(v.others.iter().all(|o| o.case.id != id) && v.others.len() <= 9);
        }
    }

    /// A page asks for one row more than it shows; the slices filter as the list does.
    #[test]
    fn queue_page_and_counts() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::store::test_ledger::demo(&dir.path().join("l.db"), 120, 4, false);
        let today = crate::store::test_ledger::now().date_naive();
        let q = |slice| PageQuery {
            slice,
            channel: None,
            mine: None,
            sort: Sort::Newest,
            after: None,
            limit: 11,
        };
        assert_eq!(store.queue_page(&q(Slice::All), today).unwrap().len(), 11);
        let counts = store.desk_counts(today).unwrap();
        let overdue = store.queue_page(
            &PageQuery {
                limit: 1000,
                ..q(Slice::Overdue)
            },
            today,
        );
        assert_eq!(overdue.unwrap().len() as i64, counts.overdue);
    }
}
