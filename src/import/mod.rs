//! `xinfang import`: an office's old register (台账) brought into the ledger. The file is
//! read (`read.rs`), its header row found and its columns named (`header.rs`), each row
//! planned and checked through the domain (`plan.rs`); only then, and only if every row is
//! acceptable (or the bad ones are to be skipped), the rows are written, a batch of rows
//! per transaction, each case whole or not at all (`Store::execute_new_cases`).

pub mod handling;
pub mod header;
pub mod plan;
pub mod read;
pub mod synonyms;
pub mod value;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use header::{Field, Mapping, find_header};
use plan::{Context, Problem, RowPlan, plan_row};
use read::{ReadError, Value, read_rows};

use crate::sheet::csv_line;
use crate::store::{Request, Store, StoreError};

/// Rows written per transaction.
pub const BATCH_ROWS: usize = 200;

/// A file planned: its headings, what each column is, and every row's plan.
#[derive(Debug)]
pub struct Plan {
    pub headings: Vec<String>,
    pub columns: Vec<Option<Field>>,
    pub rows: Vec<RowPlan>,
    /// The lines of rows that total the sheet (合计, 小计…), left out.
    pub totals: Vec<usize>,
    /// The sheet read, and the workbook's others, not read.
    pub sheet: Option<String>,
    pub other_sheets: Vec<String>,
}

impl Plan {
    /// Handling columns (承办部门, 答复日期, 办理结果…) read without a 受理情况 column: each
    /// row is only received, and its handling is not imported (a trial's register came in
    /// as hundreds of 待登记 cases, years overdue, without a word).
    pub fn handling_without_decision(&self) -> Vec<String> {
        let has = |f: Field| self.columns.contains(&Some(f));
        if has(Field::Decision) {
            return Vec::new();
        }
        let handling = [
            Field::Department,
            Field::Handler,
            Field::Replied,
            Field::Result,
            Field::Archived,
        ];
        (self.columns.iter().zip(&self.headings))
            .filter(|(c, _)| c.is_some_and(|f| handling.contains(&f)))
            .map(|(_, h)| h.clone())
            .collect()
    }
}

impl Plan {
    /// The headings of columns the import does not read (接谈人, 备注…): said, so that a
    /// column meant to come in is mapped rather than lost without a word.
    pub fn unread_columns(&self) -> Vec<String> {
        (self.columns.iter().zip(&self.headings))
            .filter(|(c, h)| c.is_none() && !h.trim().is_empty())
            .map(|(_, h)| h.trim().to_owned())
            .collect()
    }

    /// Rows that would create a case now.
    pub fn new_rows(&self) -> impl Iterator<Item = &RowPlan> {
        self.rows.iter().filter(|r| r.ok() && !r.already)
    }

    pub fn bad_rows(&self) -> impl Iterator<Item = &RowPlan> {
        self.rows.iter().filter(|r| !r.ok() && !r.already)
    }
}

#[derive(Debug)]
pub enum ImportError {
    Read(ReadError),
    /// No row among the first names a date and a matter: the columns need a mapping.
    NoHeader,
}

/// Why a file could not be planned on a ledger.
#[derive(Debug)]
pub enum PlanError {
    /// The ledger could not be read, or `who` may not import (a leader's act).
    Store(StoreError),
    File(ImportError),
}

/// Plans `file` (its sheet named `sheet`, or its first) for `who` (a leader: the rows are entered after the fact, `Act::Enter`)
/// against the ledger's operators, departments and earlier imports, as of `now`.
pub fn plan_in(
    store: &Store,
    who: &str,
    file: &Path,
    sheet: Option<&str>,
    map: &Mapping,
    lang: crate::strings::Lang,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Result<Plan, PlanError> {
    let actor = (store.leader(who, crate::domain::op::Act::Enter)).map_err(PlanError::Store)?;
    let operators = store.operators().map_err(PlanError::Store)?;
    let departments = store.departments().map_err(PlanError::Store)?;
    let known = store.imported_keys().map_err(PlanError::Store)?;
    let rules = store.office().rules(&operators, &departments);
    let ctx = Context {
        lang,
        actor: &actor,
        rules: &rules,
        offset: *now.offset(),
        now,
    };
    plan_file(file, sheet, map, &ctx, &known).map_err(PlanError::File)
}

/// `台账.xlsx` → `台账.skipped.csv` beside it: where the rows left out go.
pub fn skipped_path(file: &Path) -> std::path::PathBuf {
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    file.with_file_name(format!("{stem}.skipped.csv"))
}

/// Reads and plans `path`; `known` are the keys earlier imports left (`Store::imported_keys`).
pub fn plan_file(
    path: &Path,
    sheet: Option<&str>,
    map: &Mapping,
    ctx: &Context,
    known: &HashSet<String>,
) -> Result<Plan, ImportError> {
    let read = read_rows(path, sheet).map_err(ImportError::Read)?;
    let mut plan = plan_rows(&read.rows, map, ctx, known)?;
    plan.sheet = read.name;
    plan.other_sheets = read.others;
    Ok(plan)
}

/// Plans rows already read (the desk's screen and tests share this).
pub fn plan_rows(
    rows: &[Vec<Value>],
    map: &Mapping,
    ctx: &Context,
    known: &HashSet<String>,
) -> Result<Plan, ImportError> {
    let (at, columns) = find_header(rows, map).ok_or(ImportError::NoHeader)?;
    let headings = rows[at].iter().map(Value::text).collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let (mut planned, mut totals) = (Vec::new(), Vec::new());
    for (i, row) in rows.iter().enumerate().skip(at + 1) {
        let Some(first) = row.iter().find(|v| !v.is_empty()) else {
            continue;
        };
        if synonyms::is_total(&first.text()) {
            totals.push(i + 1);
            continue;
        }
        let mut p = plan_row(i + 1, row, &columns, ctx);
        if let Some(first) = seen.get(&p.key) {
            // Named as a problem again on every import, never taken for the row imported
            // under that number (a trial's second run dropped it from the skipped file).
            p.problems.push(Problem::Twice(*first));
        } else {
            p.already = known.contains(&p.key);
            seen.insert(p.key.clone(), p.line);
        }
        planned.push(p);
    }
    Ok(Plan {
        headings,
        columns,
        rows: planned,
        totals,
        sheet: None,
        other_sheets: Vec::new(),
    })
}

/// Writes the plan's new rows as `actor`, `BATCH_ROWS` rows a transaction; `done` is told
/// the rows written so far. Returns how many cases were made; on a refusal, the row's
/// number and why (the rows of earlier batches stay, each whole).
pub fn write(
    store: &mut Store,
    plan: &Plan,
    actor: &str,
    mut done: impl FnMut(usize),
) -> Result<usize, (usize, StoreError)> {
    let mut rows: Vec<&RowPlan> = plan.new_rows().collect();
    // Numbered in the order they were received, as the register numbered them, not in the
    // file's order (a sheet sorted by name or unit); a day's rows keep the file's order.
    rows.sort_by_key(|r| r.steps.first().map(|s| s.at));
    let mut made = 0;
    for chunk in rows.chunks(BATCH_ROWS) {
        let groups: Vec<Vec<Request>> = chunk.iter().map(|r| requests(r, actor)).collect();
        store.execute_new_cases(&groups).map_err(|(i, e)| {
            // The i-th command of the batch: find its row.
            let mut left = i;
            let row = (chunk.iter().zip(&groups))
                .find(|(_, g)| {
                    let here = left < g.len();
                    left = left.saturating_sub(g.len());
                    here
                })
                .map_or(0, |(r, _)| r.line);
            (row, e)
        })?;
        made += chunk.len();
        done(made);
    }
    Ok(made)
}

fn requests(r: &RowPlan, actor: &str) -> Vec<Request> {
    (r.steps.iter())
        .map(|s| Request {
            case: None,
            expected_version: None,
            command: s.command.clone(),
            actor: actor.to_owned(),
            at: s.at,
        })
        .collect()
}

/// The skipped rows as a CSV (BOM, CRLF) to fix and import again: the file's own columns
/// and one more, `problem_head`, saying what is wrong.
pub fn skipped_csv(plan: &Plan, problem_head: &str, say: impl Fn(&Problem) -> String) -> Vec<u8> {
    let mut out = crate::sheet::BOM.as_bytes().to_vec();
    let mut head: Vec<&str> = plan.headings.iter().map(String::as_str).collect();
    head.push(problem_head);
    // Writing into a Vec cannot fail.
    let _ = csv_line(&mut out, head);
    for r in plan.bad_rows() {
        let problems: Vec<String> = r.problems.iter().map(&say).collect();
        let mut cells = r.cells.clone();
        cells.resize(plan.headings.len(), String::new());
        cells.push(problems.join("；"));
        let _ = csv_line(&mut out, cells.iter().map(String::as_str));
    }
    out
}
