//! A batch of commands on two threads (the demo ledger, imports): one runs
//! the state machine, serialises each case, diffs and hashes the journal
//! row; the other writes to SQLite, each case row once per batch with its
//! last state (a case takes about seven commands).
//!
//! What the one-at-a-time path asks the ledger for in the middle of a
//! command (the next id, the next case number of a year, the last journal
//! hash, the case as stored) is read once at the start instead: inside the
//! batch's `BEGIN IMMEDIATE` transaction nobody else can change it, so ids,
//! numbers and the hash chain come out exactly as command by command.

use std::collections::HashMap;
use std::sync::mpsc;

use rusqlite::Transaction;

use super::cases::{self, CaseRef};
use super::execute::{Applied, Request};
use super::{Result, StoreError, journal, search};
use crate::config::Office;
use crate::domain::case::Case;
use crate::domain::command::Command;
use crate::domain::deadline::ClockView;
use crate::domain::due::case_clocks;
use crate::domain::filing::case_number;
use crate::domain::rules::Operator;
use crate::domain::workflow::{local_date, transition};

/// Cases as they stand in the batch: case, stored document, version.
type Cases = HashMap<i64, (Case, String, i64)>;

/// What the ledger would answer in the middle of the batch.
struct Ledger {
    next_id: i64,
    /// The last case number issued per year.
    counters: HashMap<i32, i64>,
    changed_years: Vec<i32>,
    last_event: (i64, String),
}

/// One prepared command: the rows to write and the answer.
struct Prepared {
    write: Write,
    event: journal::Row,
    applied: Applied,
}

enum Write {
    Insert {
        doc: String,
        received: String,
        tokens: String,
    },
    /// The new document, and the version it replaces.
    Update { doc: String, version: i64 },
}

/// Whether the batch can run here: every case it names is named by id
/// (a number may belong to a case the batch itself numbers).
pub(super) fn fits(reqs: &[Request]) -> bool {
    // A document is issued only with its renderer, inside `Store::issue`.
    reqs.iter()
        .all(|r| !matches!(r.case, Some(CaseRef::No(_))) && !matches!(r.command, Command::Issue(_)))
}

/// Runs `reqs` in `tx` (not committed here); a refusal comes back with the
/// index of its command.
pub(super) fn run(
    tx: &Transaction,
    office: &Office,
    operators: &[Operator],
    departments: &[String],
    reqs: &[Request],
) -> Result<Vec<Applied>, (usize, StoreError)> {
    let at_start = |e: StoreError| (0, e);
    let mut ledger = Ledger {
        next_id: cases::next_id(tx).map_err(at_start)?,
        counters: counters(tx).map_err(at_start)?,
        changed_years: Vec::new(),
        last_event: journal::last(tx).map_err(at_start)?,
    };
    // The cases the batch names that exist already.
    let mut known = Cases::new();
    for r in reqs {
        if let Some(CaseRef::Id(id)) = r.case
            && id < ledger.next_id
            && !known.contains_key(&id)
        {
            match cases::load_with_doc(tx, &CaseRef::Id(id)) {
                Ok(c) => {
                    known.insert(id, c);
                }
                // Not there: the command says so when its turn comes.
                Err(StoreError::CaseNotFound(_)) => {}
                Err(e) => return Err(at_start(e)),
            }
        }
    }
    let (out, rx) = mpsc::sync_channel::<Result<Prepared, (usize, StoreError)>>(256);
    std::thread::scope(|scope| {
        let ledger = &mut ledger;
        scope.spawn(move || {
            for (i, req) in reqs.iter().enumerate() {
                let p = prepare(office, operators, departments, req, &mut known, ledger)
                    .map_err(|e| (i, e));
                let failed = p.is_err();
                // The writer stopped (a failed write): nothing more to do.
                if out.send(p).is_err() || failed {
                    break;
                }
            }
        });
        let mut applied: Vec<Applied> = Vec::with_capacity(reqs.len());
        // A case changed several times in the batch is written once, with
        // its last document: the version stored before the batch, and the
        // last document and its answer's place.
        let mut stored: HashMap<i64, i64> = HashMap::new();
        let mut last: HashMap<i64, (String, usize)> = HashMap::new();
        for (i, p) in rx.iter().enumerate() {
            let p = p?;
            let a = &p.applied;
            match p.write {
                Write::Insert {
                    doc,
                    received,
                    tokens,
                } => {
                    cases::insert_indexed(tx, &a.case, &doc, &a.clocks, &received, &tokens)
                        .map_err(|e| (i, e))?;
                    stored.insert(a.id, 1);
                }
                Write::Update { doc, version } => {
                    stored.entry(a.id).or_insert(version);
                    last.insert(a.id, (doc, i));
                }
            }
            journal::insert(tx, &p.event).map_err(|e| (i, e))?;
            applied.push(p.applied);
        }
        let mut last: Vec<_> = last.into_iter().collect();
        last.sort_by_key(|(id, _)| *id);
        for (id, (doc, i)) in last {
            let a = &applied[i];
            let from = stored.get(&id).copied().unwrap_or(0);
            cases::update_to(tx, &a.case, &doc, from, a.version, &a.clocks).map_err(|e| (i, e))?;
        }
        Ok(applied)
    })
    .and_then(|applied: Vec<Applied>| {
        for year in &ledger.changed_years {
            let last = ledger.counters.get(year).copied().unwrap_or(0);
            tx.prepare_cached(
                "INSERT INTO case_counters (year, last) VALUES (?1, ?2)
                 ON CONFLICT (year) DO UPDATE SET last = ?2",
            )
            .and_then(|mut s| s.execute((year, last)))
            .map_err(|e| (reqs.len(), e.into()))?;
        }
        Ok(applied)
    })
}

fn counters(tx: &Transaction) -> Result<HashMap<i32, i64>> {
    let mut stmt = tx.prepare("SELECT year, last FROM case_counters")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// `execute::run` without the connection.
fn prepare(
    office: &Office,
    operators: &[Operator],
    departments: &[String],
    req: &Request,
    known: &mut Cases,
    ledger: &mut Ledger,
) -> Result<Prepared> {
    let actor = operators
        .iter()
        .find(|o| o.name == req.actor)
        .cloned()
        .ok_or_else(|| StoreError::UnknownActor(req.actor.clone()))?;
    let before = match &req.case {
        Some(r) => {
            let id = match r {
                CaseRef::Id(id) => *id,
                CaseRef::No(_) => return Err(StoreError::CaseNotFound(r.to_string())),
            };
            let (case, doc, version) = known
                .remove(&id)
                .ok_or_else(|| StoreError::CaseNotFound(r.to_string()))?;
            super::execute::fresh(&case, version, req.expected_version)?;
            Some((case, doc, version))
        }
        None => None,
    };
    let rules = office.rules(operators, departments);
    let t = transition(
        before.as_ref().map(|(c, _, _)| c),
        &req.command,
        &actor,
        req.at,
        &rules,
    )?;
    let mut case = t.case;
    if let Some(year) = t.allot_number_for_year {
        let last = ledger.counters.entry(year).or_insert(0);
        *last += 1;
        case.case_no = Some(case_number(year, *last));
        if !ledger.changed_years.contains(&year) {
            ledger.changed_years.push(year);
        }
    }
    let today = local_date(req.at, &rules);
    let clocks: Vec<ClockView> = case_clocks(&case, &rules, today);
    let (version, before_doc, write) = match (before, t.created) {
        (Some((_, old_doc, version)), false) => {
            let doc = serde_json::to_string(&case)?;
            (version + 1, Some(old_doc), Write::Update { doc, version })
        }
        (old, _) => {
            // A review opens a new case; the one reviewed stays as it was.
            if let Some((c, doc, v)) = old {
                known.insert(c.id, (c, doc, v));
            }
            case.id = ledger.next_id;
            ledger.next_id += 1;
            let doc = serde_json::to_string(&case)?;
            let received = local_date(case.intake.received_at, &rules).to_string();
            let tokens = search::index_tokens(&search::case_text(&case));
            let write = Write::Insert {
                doc,
                received,
                tokens,
            };
            (1, None, write)
        }
    };
    let doc = match &write {
        Write::Insert { doc, .. } | Write::Update { doc, .. } => doc,
    };
    let last = std::mem::take(&mut ledger.last_event);
    let event = journal::row(last, case.id, &t.event, before_doc.as_deref(), doc)?;
    ledger.last_event = (event.seq, event.hash.clone());
    known.insert(case.id, (case.clone(), doc.clone(), version));
    let applied = Applied {
        id: case.id,
        case_no: case.case_no.clone(),
        state: case.state,
        version,
        event_seq: event.seq,
        clocks,
        warnings: t.warnings,
        case,
    };
    Ok(Prepared {
        write,
        event,
        applied,
    })
}
