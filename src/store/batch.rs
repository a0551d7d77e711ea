//! A batch of commands on two threads (the demo ledger, imports): one prepares each
//! command exactly as a single command is prepared (`prepare.rs`: the state machine, the
//! case's document, the journal row's diff and hash); the other writes to SQLite, each
//! case row once per batch with its last state (a case takes about seven commands).
//!
//! What the one-at-a-time path asks the ledger for in the middle of a
//! command (the next id, the next case number of a year, the last journal
//! hash, the case as stored) is read once at the start instead (`Batch`, the
//! batch's `Ledger`): inside the batch's `BEGIN IMMEDIATE` transaction nobody
//! else can change it, so ids, numbers and the hash chain come out exactly as
//! command by command.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use chrono::{DateTime, FixedOffset};
use rusqlite::Transaction;

use super::cases::{self, CaseRef};
use super::prepare::{Applied, Cases, Ledger, Prepared, Request, Stored, Write, prepare};
use super::{Result, StoreError, guard, journal, rollup};
use crate::domain::case::Case;
use crate::domain::command::Command;
use crate::domain::documents::Content;
use crate::domain::rules::Rules;
use crate::domain::workflow::{Event, asks_of_review};

/// A refusal, with the index of its command.
type Failed = (usize, StoreError);

/// What the ledger would answer in the middle of the batch.
struct Batch {
    next_id: i64,
    /// The last case number issued per year.
    counters: HashMap<i32, i64>,
    changed_years: Vec<i32>,
    last_event: (i64, String),
    /// The cases the batch names as they stand in it.
    cases: Cases,
    /// The reviews opened on the cases the batch reviews, stored or made in the batch.
    reviews: HashMap<i64, String>,
    /// When each case the batch names last had a step of its course (`Op::in_course`).
    last_at: HashMap<i64, DateTime<FixedOffset>>,
}

impl Ledger for Batch {
    fn case(&mut self, r: &CaseRef) -> Result<Stored> {
        let found = match r {
            CaseRef::Id(id) => self.cases.remove(id),
            // `fits` keeps numbers out of the batch.
            CaseRef::No(_) => None,
        };
        found.ok_or_else(|| StoreError::CaseNotFound(r.to_string()))
    }

    fn put_back(&mut self, stored: Stored) {
        self.cases.insert(stored.0.id, stored);
    }

    fn next_number(&mut self, year: i32) -> Result<i64> {
        let last = self.counters.entry(year).or_insert(0);
        *last += 1;
        if !self.changed_years.contains(&year) {
            self.changed_years.push(year);
        }
        Ok(*last)
    }

    fn next_id(&mut self) -> Result<i64> {
        let id = self.next_id;
        self.next_id += 1;
        Ok(id)
    }

    fn last_event(&mut self) -> Result<(i64, String)> {
        // `prepared` sets the next one.
        Ok(std::mem::take(&mut self.last_event))
    }

    fn finish(&mut self, _: &mut Case, _: &mut Event, _: &Content) -> Result<()> {
        // `fits` keeps documents out of the batch: they are issued inside `Store::issue`.
        Err(StoreError::Render("no renderer".to_owned()))
    }

    fn journal(&mut self, _: i64) -> Result<Vec<journal::JournalEntry>> {
        // `fits` keeps undo out of the batch: it reads the journal inside the transaction.
        Ok(Vec::new())
    }

    fn review_on(&mut self, id: i64) -> Result<Option<String>> {
        Ok(self.reviews.get(&id).cloned())
    }

    fn last_step_at(&mut self, id: i64) -> Result<Option<DateTime<FixedOffset>>> {
        Ok(self.last_at.get(&id).copied())
    }
}

impl Batch {
    /// What the ledger holds at the start: the cases the batch names that exist already.
    fn read(tx: &Transaction, reqs: &[Request]) -> Result<Batch> {
        let mut batch = Batch {
            next_id: cases::next_id(tx)?,
            counters: counters(tx)?,
            changed_years: Vec::new(),
            last_event: journal::last(tx)?,
            cases: Cases::new(),
            reviews: HashMap::new(),
            last_at: HashMap::new(),
        };
        for r in reqs {
            if let Some(CaseRef::Id(id)) = &r.case
                && asks_of_review(r.command.op())
                && let Some(review) = cases::review_on(tx, *id)?
            {
                batch.reviews.insert(*id, review);
            }
            if let Some(CaseRef::Id(id)) = r.case
                && id < batch.next_id
                && !batch.cases.contains_key(&id)
            {
                match cases::load_with_doc(tx, &CaseRef::Id(id)) {
                    Ok(c) => {
                        guard::case_agrees(tx, &c.0, &c.1, c.2)?;
                        batch.cases.insert(id, c);
                        if let Some(at) = journal::last_at(tx, id)? {
                            batch.last_at.insert(id, at);
                        }
                    }
                    // Not there: the command says so when its turn comes.
                    Err(StoreError::CaseNotFound(_)) => {}
                    Err(e) => return Err(e),
                }
            }
        }
        Ok(batch)
    }

    /// Takes in a prepared command: its case as it now stands, its event as the last.
    /// `at`: when it was taken, if a step of the case's course (`Op::in_course`).
    fn prepared(&mut self, p: &Prepared, at: Option<DateTime<FixedOffset>>) {
        self.last_event = (p.event.seq, p.event.hash.clone());
        let a = &p.applied;
        if let Some(at) = at {
            self.last_at.insert(a.id, at);
        }
        if let Some(of) = a.case.review_of {
            let named = a.case_no.clone().unwrap_or_else(|| format!("#{}", a.id));
            self.reviews.entry(of).or_insert(named);
        }
        let stored = (a.case.clone(), p.write.doc().to_owned(), a.version);
        self.cases.insert(a.id, stored);
    }

    /// Stores the case counters the batch moved.
    fn save_counters(&self, tx: &Transaction) -> Result<()> {
        for year in &self.changed_years {
            let last = self.counters.get(year).copied().unwrap_or(0);
            tx.prepare_cached(
                "INSERT INTO case_counters (year, last) VALUES (?1, ?2)
                 ON CONFLICT (year) DO UPDATE SET last = ?2",
            )?
            .execute((year, last))?;
        }
        Ok(())
    }
}

/// Whether the batch can run here: every case it names is named by id
/// (a number may belong to a case the batch itself numbers).
pub(super) fn fits(reqs: &[Request]) -> bool {
    // A document is issued only with its renderer, inside `Store::issue`.
    reqs.iter().all(|r| {
        !matches!(r.case, Some(CaseRef::No(_)))
            && !matches!(
                r.command,
                Command::Issue(_)
                    | Command::Undo { .. }
                    // The bytes are written beside the case row (`attachments::write`).
                    | Command::AttachFile { .. }
                    | Command::DetachFile { .. }
                    // It rewrites the intake's rows (`corrected.rs`), which a batch writes once.
                    | Command::Correct(_)
            )
    })
}

/// Runs `reqs` in `tx` (not committed here); a refusal comes back with the
/// index of its command.
pub(super) fn run(
    tx: &Transaction,
    rules: &Rules,
    reqs: &[Request],
) -> Result<Vec<Applied>, Failed> {
    let mut batch = Batch::read(tx, reqs).map_err(|e| (0, e))?;
    let (out, rx) = sync_channel(GROUPS_AHEAD);
    let applied = std::thread::scope(|scope| {
        let batch = &mut batch;
        scope.spawn(move || prepare_all(rules, reqs, batch, out));
        write_all(tx, rules, rx, reqs.len())
    })?;
    batch.save_counters(tx).map_err(|e| (reqs.len(), e))?;
    Ok(applied)
}

/// Prepared commands go to the writer in groups: one hand-over (a wake-up of the other
/// thread) per group rather than per command, which cost a tenth of a demo's CPU.
const GROUP: usize = 64;

/// Groups the preparing thread may run ahead of the writer.
const GROUPS_AHEAD: usize = 4;

type Group = Vec<Result<Prepared, Failed>>;

/// The preparing thread: each command in turn, until one is refused or the writer stops.
fn prepare_all(rules: &Rules, reqs: &[Request], batch: &mut Batch, out: SyncSender<Group>) {
    let mut group = Vec::with_capacity(GROUP);
    for (i, req) in reqs.iter().enumerate() {
        let p = prepare(rules, req, batch).map_err(|e| (i, e));
        if let Ok(p) = &p {
            batch.prepared(p, req.command.op().in_course().then_some(req.at));
        }
        let failed = p.is_err();
        group.push(p);
        if failed || group.len() == GROUP {
            let full = std::mem::replace(&mut group, Vec::with_capacity(GROUP));
            // The writer stopped (a failed write): nothing more to do.
            if out.send(full).is_err() || failed {
                return;
            }
        }
    }
    if !group.is_empty() {
        // Nobody to tell if the writer stopped.
        let _ = out.send(group);
    }
}

/// How a case written in the batch stood before it.
enum Before {
    /// Stored at this version.
    Stored(i64),
    /// New in the batch: the day it was received, its search entry, and the command that
    /// made it (the one named if writing it fails).
    New {
        received: String,
        tokens: String,
        made_by: usize,
    },
}

/// A case the batch changed: how it stood before, its last document and the place of its
/// last command's answer.
struct Changed {
    before: Before,
    doc: String,
    last: usize,
}

/// The writing thread: each case once, with its last document (a case takes about seven
/// commands): a new one inserted as it stands after them, not inserted and then changed.
/// Then the events, which name their cases.
fn write_all(
    tx: &Transaction,
    rules: &Rules,
    rx: Receiver<Group>,
    len: usize,
) -> Result<Vec<Applied>, Failed> {
    let mut applied: Vec<Applied> = Vec::with_capacity(len);
    let mut events = Vec::with_capacity(len);
    let mut changed: HashMap<i64, Changed> = HashMap::new();
    for (i, p) in rx.iter().flatten().enumerate() {
        let p = p?;
        let (before, doc) = match p.write {
            Write::Insert {
                doc,
                received,
                tokens,
            } => (
                Before::New {
                    received,
                    tokens,
                    made_by: i,
                },
                doc,
            ),
            Write::Update { doc, version } => (Before::Stored(version), doc),
        };
        match changed.entry(p.applied.id) {
            // Changed before in the batch: how it stood before that stays.
            Entry::Occupied(mut c) => {
                let c = c.get_mut();
                (c.doc, c.last) = (doc, i);
            }
            Entry::Vacant(v) => {
                v.insert(Changed {
                    before,
                    doc,
                    last: i,
                });
            }
        }
        events.push(p.event);
        applied.push(p.applied);
    }
    let mut changed: Vec<_> = changed.into_iter().collect();
    changed.sort_by_key(|(id, _)| *id);
    for (id, c) in changed {
        // A new case that cannot be written is its intake's failure; a stored one's, its
        // last command's.
        let named = match c.before {
            Before::New { made_by, .. } => made_by,
            Before::Stored(_) => c.last,
        };
        write_case(tx, rules, id, &c, &applied[c.last]).map_err(|e| (named, e))?;
    }
    for (i, event) in events.iter().enumerate() {
        journal::insert(tx, event).map_err(|e| (i, e))?;
    }
    Ok(applied)
}

/// Case `id` as its last command `a` left it, with its report rows.
fn write_case(tx: &Transaction, rules: &Rules, id: i64, c: &Changed, a: &Applied) -> Result<()> {
    let rolled = rollup::begin(tx, rules, id, matches!(c.before, Before::Stored(_)))?;
    match &c.before {
        Before::New {
            received, tokens, ..
        } => {
            let row = (c.doc.as_str(), a.version);
            cases::insert(tx, &a.case, row, &a.clocks, received, tokens)?;
        }
        Before::Stored(from) => {
            cases::update_to(tx, &a.case, &c.doc, *from, a.version, &a.clocks)?;
        }
    }
    rolled.finish(tx, rules, &a.case)
}

fn counters(tx: &Transaction) -> Result<HashMap<i32, i64>> {
    let mut stmt = tx.prepare("SELECT year, last FROM case_counters")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
