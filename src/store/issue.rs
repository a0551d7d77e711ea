//! Issuing a document: the command, its number, its text and the kept copy in one
//! IMMEDIATE transaction (`execute_in` with a hook that numbers and renders).

use chrono::{DateTime, Datelike, FixedOffset};
use rusqlite::{Transaction, TransactionBehavior};

use super::documents::{self, StoredDocument};
use super::execute::execute_in;
use super::journal::{self, JournalEntry};
use super::prepare::{Applied, Request};
use super::{Result, Store, StoreError, receipt};
use crate::domain::calendar::HolidayCalendar;
use crate::domain::case::Case;
use crate::domain::command::Command;
use crate::domain::documents::{Content, DocKind, OfficeProfile, check_profile, doc_number};
use crate::domain::error::WorkflowError;
use crate::domain::workflow::{Event, local_date};

/// What a renderer gets: everything a template may print.
pub struct RenderJob<'a> {
    pub case: &'a Case,
    pub content: &'a Content,
    pub number: &'a str,
    pub at: DateTime<FixedOffset>,
    pub profile: &'a OfficeProfile,
    /// The documents issued before (the case file lists and includes them).
    pub issued: &'a [StoredDocument],
    /// The case's journal so far (the case file's timeline).
    pub timeline: &'a [JournalEntry],
    /// Years without an official holiday table behind the due dates the document states:
    /// those dates are provisional and the notice says so (issue 16).
    pub provisional: Vec<i32>,
}

/// A rendered document: plain text and print-ready HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub text: String,
    pub html: String,
}

/// What issuing left: the command's result and the document kept.
#[derive(Debug, Clone)]
pub struct Issued {
    pub applied: Applied,
    pub document: StoredDocument,
}

/// The caller's template: a document's text and HTML, or why it failed.
type Render<'r> = dyn FnMut(&RenderJob) -> std::result::Result<Rendered, String> + 'r;

impl Store {
    /// Issues the document `req` asks for (a `Command::Issue`) in one
    /// IMMEDIATE transaction: the domain checks what it must state, the
    /// next number of its kind and year is allotted, `render` writes it,
    /// and the case, the journal event (with the number, the text and the
    /// HTML's SHA-256) and the kept document are committed together.
    pub fn issue(&mut self, req: &Request, render: &mut Render) -> Result<Issued> {
        self.issue_or_try(req, render, true)
    }

    /// Everything `issue` does, rolled back at the end: the desk's preview,
    /// with the number it would get now and the same refusals.
    pub fn preview(&mut self, req: &Request, render: &mut Render) -> Result<StoredDocument> {
        self.issue_or_try(req, render, false).map(|i| i.document)
    }

    fn issue_or_try(&mut self, req: &Request, render: &mut Render, commit: bool) -> Result<Issued> {
        let Command::Issue(input) = &req.command else {
            return Err(StoreError::Render("not an issue command".to_owned()));
        };
        let kind = input.kind;
        if let Some(case) = &req.case {
            self.may_issue(case)?;
        }
        let req = &self.with_flags(req)?;
        let Store {
            conn,
            office,
            entered_by,
            path,
            key,
            ..
        } = self;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        receipt::guard(&tx, path, key)?;
        let profile = documents::profile_of(&tx)?;
        check_profile(&profile)
            .map_err(|missing| WorkflowError::DocumentIncomplete { kind, missing })?;
        let req = with_review_organ(req, &profile);
        let mut issuing = Issuing {
            calendar: &office.calendar,
            kind,
            year: local_date(req.at, &office.rules(&[], &[])).year(),
            at: req.at,
            profile: &profile,
            render,
            allotted: 0,
            rendered: None,
        };
        let finish: super::execute::Finish =
            &mut |tx, case, event, content| issuing.finish(tx, case, event, content);
        let applied = execute_in(&tx, office, &req, finish, entered_by.as_deref())?;
        let Some(out) = issuing.rendered.take() else {
            return Err(StoreError::Render("nothing rendered".to_owned()));
        };
        let document = kept(&applied, kind, out)?;
        if commit {
            documents::insert(&tx, &document, issuing.year, issuing.allotted)?;
            tx.commit()?;
            self.anchor();
        }
        // Not committed: dropping the transaction rolls the number and the event back.
        Ok(Issued { applied, document })
    }
}

impl Store {
    /// A 预警稳控提醒函 carries the 重点信访人 flags on the case's petitioners, read here
    /// so the command (and its journal event) holds what the letter tells.
    fn with_flags(&self, req: &Request) -> Result<Request> {
        let mut req = req.clone();
        let today = req.at.date_naive();
        if let (Command::Issue(input), Some(case)) = (&mut req.command, &req.case)
            && input.kind == DocKind::Warning
            && input.flags.is_empty()
        {
            let case = self.case(case, today)?.case;
            input.flags = self.flags_of(&case.intake.petitioners, today)?;
        }
        Ok(req)
    }
}

/// `req` naming the office's review organ when it names none itself.
fn with_review_organ(req: &Request, profile: &OfficeProfile) -> Request {
    let mut req = req.clone();
    if let Command::Issue(input) = &mut req.command
        && input
            .review_organ
            .as_deref()
            .is_none_or(|s| s.trim().is_empty())
        && !profile.review_organ.trim().is_empty()
    {
        input.review_organ = Some(profile.review_organ.clone());
    }
    req
}

/// The document being issued, between the command's transition and its journal event.
struct Issuing<'a, 'r> {
    calendar: &'a HolidayCalendar,
    kind: DocKind,
    year: i32,
    at: DateTime<FixedOffset>,
    profile: &'a OfficeProfile,
    render: &'a mut Render<'r>,
    /// The number allotted in its kind and year.
    allotted: i64,
    rendered: Option<Rendered>,
}

impl Issuing<'_, '_> {
    /// Numbers the document, renders it and writes the number and text into the case and
    /// the event (the `execute_in` hook).
    fn finish(
        &mut self,
        tx: &Transaction,
        case: &mut Case,
        event: &mut Event,
        content: &Content,
    ) -> Result<()> {
        let (kind, year) = (self.kind, self.year);
        let n = documents::allot(tx, kind, year)?;
        self.allotted = n;
        let number = doc_number(&self.profile.prefix, kind, year, n);
        if let Some(d) = case.documents.last_mut() {
            d.number = number.clone();
        }
        let (issued, timeline) = if kind == DocKind::CaseFile {
            (
                documents::documents_of(tx, case.id)?,
                journal::for_case(tx, case.id)?,
            )
        } else {
            (Vec::new(), Vec::new())
        };
        let job = RenderJob {
            case,
            content,
            number: &number,
            at: self.at,
            profile: self.profile,
            issued: &issued,
            timeline: &timeline,
            provisional: provisional_years(self.calendar, content),
        };
        let out = (self.render)(&job).map_err(StoreError::Render)?;
        if let Command::Issue(input) = &mut event.command {
            input.number = Some(number);
            input.text = Some(out.text.clone());
            input.html_sha256 = Some(documents::sha256_hex(&out.html));
        }
        self.rendered = Some(out);
        Ok(())
    }
}

/// The years without a table of the computed due dates a document states (`due`, `old_due`
/// in any body), ascending. Read from the serialised body so that every kind with a due date
/// is covered alike.
fn provisional_years(calendar: &HolidayCalendar, content: &Content) -> Vec<i32> {
    let body = serde_json::to_value(&content.body).unwrap_or_default();
    // A date set by hand (a 交办's report date) is not counted, so never provisional.
    let set = body.get("due_set").and_then(|v| v.as_bool()) == Some(true);
    let mut years: Vec<i32> = ["due", "old_due"]
        .iter()
        .filter(|key| !(set && **key == "due"))
        .filter_map(|key| body.get(key)?.as_str())
        .filter_map(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        .map(|d| d.year())
        .filter(|y| !calendar.covers(*y))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}

/// The document as kept: the one the command recorded on the case, with its text.
fn kept(applied: &Applied, kind: DocKind, out: Rendered) -> Result<StoredDocument> {
    let doc = applied
        .case
        .documents
        .last()
        .ok_or_else(|| StoreError::Render("no document recorded".to_owned()))?;
    Ok(StoredDocument {
        case_id: applied.id,
        kind,
        number: doc.number.clone(),
        event_seq: applied.event_seq,
        issued_at: doc.stamp.at.to_rfc3339(),
        issued_by: doc.stamp.by.clone(),
        text: out.text,
        html: out.html,
    })
}
